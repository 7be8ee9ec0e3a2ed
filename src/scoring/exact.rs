//! Exact fixed-point values: every score is an integer count of `1/DEN` units, so band
//! decisions never see floating-point error (1 × 2 × 0.2 + 5.5 × 3 × 0.4 is 7.000000000000001
//! in f64, which would band a mild EASI of 7.0 as moderate; here it is exactly 7).

use super::problem::{Expected, Got, ValueProblem, Whole};
use serde::{de, Deserializer, Serialize, Serializer};
use std::fmt;

/// A non-negative exact value held as an integer number of `1/DEN` units.
///
/// `DEN` is 20 for EASI (0.05 points), 10 for values with one decimal, 2000 for SCORAD
/// extent and 10 000 for SCORAD totals. Comparison is on the integer, hence exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Exact<const DEN: u32>(u32);

impl<const DEN: u32> Exact<DEN> {
    /// A value of `units / DEN`.
    pub const fn from_units(units: u32) -> Self {
        Self(units)
    }

    /// A whole number `n`, exactly (`n × DEN` units).
    pub const fn whole(n: u32) -> Self {
        Self(n * DEN)
    }

    /// A value given in tenths (`tenths / 10`); `DEN` must be a multiple of 10.
    pub const fn tenths(tenths: u32) -> Self {
        assert!(DEN % 10 == 0, "tenths need a denominator divisible by 10");
        Self(tenths * (DEN / 10))
    }

    /// The integer count of `1/DEN` units.
    pub const fn units(self) -> u32 {
        self.0
    }

    /// The nearest `f64` (IEEE division is correctly rounded), for reporting only.
    pub fn to_f64(self) -> f64 {
        f64::from(self.0) / f64::from(DEN)
    }

    /// The value rounded half-up to one decimal, as a count of tenths (exact integer maths).
    pub const fn rounded_tenths(self) -> u32 {
        (self.0 * 10 + DEN / 2) / DEN
    }

    /// The exact decimal expansion, without trailing zeros ("7.05", "22.75", "7").
    ///
    /// Every `DEN` used here has only 2 and 5 as prime factors, so the expansion ends.
    pub fn exact_text(self) -> String {
        let mut text = (self.0 / DEN).to_string();
        let mut rest = self.0 % DEN;
        if rest != 0 {
            text.push('.');
            while rest != 0 {
                rest *= 10;
                text.push(char::from(b'0' + (rest / DEN) as u8));
                rest %= DEN;
            }
        }
        text
    }

    /// Text for the UI: one decimal, half-up — unless the rounded figure would fall in a
    /// different band than the exact value (24.96 shown as "25.0" but banded mild), in which
    /// case the exact value is shown ("24.96") so the figure never contradicts its band.
    pub fn display_in_band<B: PartialEq>(self, band: impl Fn(Self) -> B) -> String {
        let tenths = self.rounded_tenths();
        if DEN % 10 == 0 && band(Self(tenths * (DEN / 10))) != band(self) {
            return self.exact_text();
        }
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

impl<const DEN: u32> fmt::Display for Exact<DEN> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.exact_text())
    }
}

/// Serialized unrounded, as a JSON number (the nearest double to the exact value).
impl<const DEN: u32> Serialize for Exact<DEN> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % DEN == 0 {
            serializer.serialize_u32(self.0 / DEN)
        } else {
            serializer.serialize_f64(self.to_f64())
        }
    }
}

/// Splits unsigned decimal text at its one separator (any of `separators`) into the whole and
/// fraction digits — "12.5" → ("12", "5"), ".5" → ("", "5"), "5." → ("5", "") — if it is only
/// ASCII digits and holds at least one; `None` otherwise ("", ".", "1.2.3", "1e1", "٣").
pub(crate) fn decimal_digits<'a>(text: &'a str, separators: &[char]) -> Option<(&'a str, &'a str)> {
    let (whole, fraction) = text.split_once(separators).unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    (!(whole.is_empty() && fraction.is_empty()) && digits(whole) && digits(fraction)).then_some((whole, fraction))
}

/// `units / per` (per is 2 or 10) written as f64's Display would write it — "7", "7.5" — with
/// integer arithmetic only, so messages carry no float-formatting code into the app.
pub(crate) fn decimal(units: u32, per: u32) -> String {
    match units % per {
        0 => (units / per).to_string(),
        rest => format!("{}.{}", units / per, rest * 10 / per),
    }
}

/// Reads a JSON number that must be a multiple of `1/steps` (e.g. steps = 10: at most one
/// decimal; steps = 2: whole or half) and returns it as a count of those steps.
///
/// Exactness check without tolerance: the decimal text was parsed to the nearest double, and
/// `n / steps` is the nearest double to the intended decimal, so the two are equal when the
/// text had no finer digits, and also when its finer digits lie below a double's precision
/// (about 17 significant digits: "0.10000000000000001" is read as 0.1; a difference of
/// 10⁻¹⁷ cannot move a score or a band). Any finer digit a double can hold is refused.
pub(crate) fn steps_of(value: f64, steps: u32) -> Option<u32> {
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let n = (value * f64::from(steps)).round();
    if n > f64::from(u32::MAX) || n / f64::from(steps) != value {
        return None;
    }
    Some(n as u32)
}

/// Reads a whole number 0–max of `what` from JSON. Anything else — a fraction, a negative, a
/// number too large, a string — is refused with a message naming `what` and the allowed range
/// ([`ValueProblem::Whole`]).
pub(crate) fn whole_number<'de, D: Deserializer<'de>>(d: D, what: Whole) -> Result<u8, D::Error> {
    struct Visitor(Whole);
    impl Visitor {
        fn refuse<E: de::Error>(&self, got: Got) -> E {
            E::custom(ValueProblem::Whole(self.0, got))
        }
    }
    impl de::Visitor<'_> for Visitor {
        type Value = u8;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            fmt::Display::fmt(&Expected::Whole(self.0), f)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u8, E> {
            whole(self.0, Got::Unsigned(v)).map_err(E::custom)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u8, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(self.refuse(Got::Signed(v))),
            }
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u8, E> {
            Err(self.refuse(Got::Fraction(v)))
        }
    }
    d.deserialize_any(Visitor(what))
}

/// Any JSON number as f64 reads it, as `f64::deserialize` does, but a value of another type is
/// refused naming `expected` (what the value is and its range), not "f64".
pub(crate) fn number<'de, D: Deserializer<'de>>(d: D, expected: Expected) -> Result<f64, D::Error> {
    struct Visitor(Expected);
    impl de::Visitor<'_> for Visitor {
        type Value = f64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            fmt::Display::fmt(&self.0, f)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }
    }
    d.deserialize_f64(Visitor(expected))
}

/// A whole number 0–max of `what` from a JSON number as read: `Unsigned` or `Signed` (any other
/// `Got` is refused as it is).
pub(crate) fn whole(what: Whole, got: Got) -> Result<u8, ValueProblem> {
    match got {
        Got::Unsigned(v) if v <= u64::from(what.max()) => Ok(v as u8),
        Got::Signed(v) if (0..=i64::from(what.max())).contains(&v) => Ok(v as u8),
        got => Err(ValueProblem::Whole(what, got)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_f64_display_writes_them() {
        for (units, per) in [(0, 10), (70, 10), (75, 10), (1000, 10), (1, 10), (0, 2), (3, 2), (6, 2), (1, 2)] {
            assert_eq!(decimal(units, per), (f64::from(units) / f64::from(per)).to_string(), "{units}/{per}");
        }
    }

    #[test]
    fn the_f64_trap_is_exact_here() {
        // Assemble: an EASI of exactly 7.0 (mild): upper limbs signs 1 × area 2 × 0.2 plus
        // lower limbs signs 5.5 × area 3 × 0.4. Naive f64 gives 7.000000000000001 (moderate).
        let naive = 1.0 * 2.0 * 0.2 + 5.5 * 3.0 * 0.4;
        assert!(naive > 7.0);
        // Act: the same sum in twentieths (half points × tenths of a weight).
        let exact = Exact::<20>::from_units(2 * 2 * 2 + 11 * 3 * 4);
        // Assert
        assert_eq!(exact, Exact::<20>::whole(7));
        assert_eq!(exact.exact_text(), "7");
    }

    #[test]
    fn exact_text_expands_every_digit() {
        assert_eq!(Exact::<20>::from_units(141).exact_text(), "7.05");
        assert_eq!(Exact::<10000>::from_units(227_500).exact_text(), "22.75");
        assert_eq!(Exact::<10000>::from_units(1).exact_text(), "0.0001");
        assert_eq!(Exact::<20>::from_units(0).exact_text(), "0");
    }

    #[test]
    fn rounding_is_half_up_on_the_exact_value() {
        assert_eq!(Exact::<20>::from_units(141).rounded_tenths(), 71); // 7.05 → 7.1
        assert_eq!(Exact::<10000>::from_units(227_400).rounded_tenths(), 227); // 22.74 → 22.7
    }

    #[test]
    fn display_never_contradicts_the_band() {
        let band = |v: Exact<10000>| v < Exact::whole(25);
        assert_eq!(Exact::<10000>::from_units(249_600).display_in_band(band), "24.96");
        assert_eq!(Exact::<10000>::from_units(249_400).display_in_band(band), "24.9");
        assert_eq!(Exact::<10000>::whole(25).display_in_band(band), "25.0");
    }

    #[test]
    fn steps_of_accepts_only_the_allowed_resolution() {
        assert_eq!(steps_of(6.5, 10), Some(65));
        assert_eq!(steps_of(0.3, 10), Some(3));
        assert_eq!(steps_of(99.9, 10), Some(999));
        assert_eq!(steps_of(6.55, 10), None);
        assert_eq!(steps_of(6.500_000_000_01, 10), None);
        // Below a double's precision the text's finer digits are gone before this is called.
        assert_eq!(steps_of("0.10000000000000001".parse().unwrap(), 10), Some(1));
        assert_eq!(steps_of("0.1000000000000001".parse().unwrap(), 10), None);
        assert_eq!(steps_of(1.5, 2), Some(3));
        assert_eq!(steps_of(1.25, 2), None);
        assert_eq!(steps_of(-1.0, 10), None);
    }

    #[test]
    fn serializes_unrounded() {
        assert_eq!(serde_json::to_string(&Exact::<20>::from_units(141)).unwrap(), "7.05");
        assert_eq!(serde_json::to_string(&Exact::<20>::whole(7)).unwrap(), "7");
    }
}
