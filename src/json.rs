//! A small JSON reader and writer for the examination draft (`crate::draft`): the
//! examination's module stores and hands over its draft with these instead of serde_json,
//! which keeps about 60 KB of generic code out of what the first visit downloads. The history
//! (the second module) still uses serde_json; the draft's text is the same either way (tests
//! in `crate::draft` check both directions).

/// A parsed JSON value. Numbers keep their text: the draft holds only small whole numbers,
/// read by [`Value::uint`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in order (a repeated name is refused when parsing).
    Object(Vec<(String, Value)>),
}

/// How deeply arrays and objects may nest (the draft needs 4).
const MAX_DEPTH: usize = 32;

/// Parses a whole JSON text; `Err` says what is wrong and where.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let value = reader.value(0)?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> Result<(), String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error("unexpected characters"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.space();
        match self.bytes.get(self.at) {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.eat("null").map(|_| Value::Null),
            Some(b't') => self.eat("true").map(|_| Value::Bool(true)),
            Some(b'f') => self.eat("false").map(|_| Value::Bool(false)),
            Some(b'"') => self.string().map(Value::Str),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut members: Vec<(String, Value)> = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                loop {
                    self.space();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return Err(self.error("expected a member name"));
                    }
                    let name = self.string()?;
                    if members.iter().any(|(seen, _)| *seen == name) {
                        return Err(self.error("repeated member name"));
                    }
                    self.space();
                    self.eat(":")?;
                    let value = self.value(depth + 1)?;
                    members.push((name, value));
                    self.space();
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Value::Object(members));
                        }
                        _ => return Err(self.error("expected , or }")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.bytes.get(r.at), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        if self.bytes.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error("bad number"));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("bad number"));
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("bad number"));
            }
        }
        // The bytes are ASCII here.
        Ok(Value::Number(String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned()))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let quad = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("unexpected end"))?;
        let text = std::str::from_utf8(quad).map_err(|_| self.error("bad \\u escape"))?;
        let code = u32::from_str_radix(text, 16).map_err(|_| self.error("bad \\u escape"))?;
        self.at += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // the opening quote
        let mut out = Vec::new();
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("unterminated string"));
            };
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).map_err(|_| self.error("invalid UTF-8")),
                b'\\' => {
                    let Some(&escape) = self.bytes.get(self.at) else {
                        return Err(self.error("unterminated string"));
                    };
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                self.eat("\\u")?;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error("bad surrogate pair"));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            char::from_u32(code).ok_or_else(|| self.error("bad \\u escape"))?
                        }
                        _ => return Err(self.error("bad escape")),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1f => return Err(self.error("control character in string")),
                _ => out.push(byte),
            }
        }
    }
}

impl Value {
    /// The member `name` of an object (`None` when absent or not an object).
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A whole number 0…`max`, written as plain digits.
    pub fn uint(&self, max: u32) -> Result<u32, String> {
        match self {
            Value::Number(text) => text
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= max && text.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| format!("expected a whole number 0–{max}, got {text}")),
            other => Err(format!("expected a number, got {}", other.kind())),
        }
    }

    /// A string's text.
    pub fn str(&self) -> Result<&str, String> {
        match self {
            Value::Str(text) => Ok(text),
            other => Err(format!("expected a string, got {}", other.kind())),
        }
    }

    /// A boolean.
    pub fn bool(&self) -> Result<bool, String> {
        match self {
            Value::Bool(b) => Ok(*b),
            other => Err(format!("expected true or false, got {}", other.kind())),
        }
    }

    /// An array of exactly `N` items.
    pub fn items<const N: usize>(&self) -> Result<&[Value; N], String> {
        match self {
            Value::Array(items) => <&[Value; N]>::try_from(items.as_slice())
                .map_err(|_| format!("expected {N} items, got {}", items.len())),
            other => Err(format!("expected a list, got {}", other.kind())),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::Str(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Writes `text` as a JSON string, escaped as serde_json does (quote, backslash and control
/// characters; everything else as is).
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_writes_and_writes_strings_as_it_does() {
        // Assemble: text with every kind of escape.
        let texts = ["plain", "quote \" backslash \\ slash /", "line\nfeed\ttab\r\u{8}\u{c}\u{1}\u{1f}", "한국어 ⟦~⟧ 😀", ""];
        for text in texts {
            // Act
            let mut mine = String::new();
            write_str(&mut mine, text);
            let theirs = serde_json::to_string(text).unwrap();
            // Assert
            assert_eq!(mine, theirs);
            assert_eq!(parse(&theirs).unwrap(), Value::Str(text.to_string()));
        }
    }

    #[test]
    fn reads_nesting_numbers_escapes_and_surrogate_pairs() {
        let value = parse(r#" { "a" : [1, 20, null, true, false, -3.5e+2], "b": {"c": "\u00e9\ud83d\ude00\/"} } "#).unwrap();
        assert_eq!(value.get("a").unwrap().items::<6>().unwrap()[1].uint(255), Ok(20));
        assert_eq!(value.get("b").unwrap().get("c").unwrap().str(), Ok("é😀/"));
        assert_eq!(value.get("a").unwrap().items::<6>().unwrap()[5], Value::Number("-3.5e+2".into()));
    }

    #[test]
    fn refuses_broken_text() {
        for broken in ["", "{", "[1,", "[1 2]", "{\"a\" 1}", "{\"a\":1,\"a\":2}", "\"open", "\"bad \\x\"", "01", "1.", "-", "nul",
            "\"\\ud83d\"", "[1]]", "\"tab\there\"", &"[".repeat(40)] {
            assert!(parse(broken).is_err(), "{broken:?}");
        }
    }

    #[test]
    fn whole_numbers_must_be_plain_digits_in_range() {
        for (text, max, ok) in [("0", 3, true), ("3", 3, true), ("4", 3, false), ("1.0", 3, false), ("-1", 3, false), ("1e0", 3, false)] {
            assert_eq!(parse(text).unwrap().uint(max).is_ok(), ok, "{text}");
        }
    }
}
