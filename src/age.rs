//! Age in completed years from the date of birth and the examination date (pure: no browser APIs).
//!
//! EASI and SCORAD choose their weights by age in completed years (EASI: under 8; SCORAD:
//! under 2), so the age is computed from the two dates rather than typed.
//!
//! Rules:
//! - Dates are proleptic Gregorian calendar dates written `YYYY-MM-DD` (exactly four year
//!   digits, two month digits, two day digits, as an HTML date input gives them).
//! - The age is the number of birthdays reached on or before the examination date: on the
//!   day before the 8th birthday the age is 7, on the birthday itself it is 8.
//! - Born on 29 February: in a non-leap year the birthday is taken to be **1 March** (the
//!   day after 28 February), so the age goes up on 1 March; in a leap year it is 29 February.
//! - An examination date before the date of birth, or an age above 130 (the oldest age a
//!   record accepts), is an error.

use crate::scoring::AgeYears;
use std::fmt;

/// A valid calendar date. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date `year`-`month`-`day`; `Err` unless `month` is 1–12 and `day` exists in that
    /// month (29 February only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, String> {
        if !(1..=12).contains(&month) {
            return Err(format!("month must be 01–12, got {month:02}"));
        }
        let last = days_in_month(year, month);
        if !(1..=last).contains(&day) {
            return Err(format!("{year:04}-{month:02} has days 01–{last:02}, got {day:02}"));
        }
        Ok(Self { year, month, day })
    }

    /// Reads a date written exactly `YYYY-MM-DD` ("2024-02-29"); `Err` for any other form
    /// ("2024-2-29", "24-02-29", " 2024-02-29") and for a day that does not exist
    /// ("2023-02-29", "2024-04-31", "2024-13-01").
    pub fn parse_iso(text: &str) -> Result<Self, String> {
        let bytes = text.as_bytes();
        let digits_at = |range: std::ops::Range<usize>| range.clone().all(|i| bytes[i].is_ascii_digit());
        let well_formed =
            bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' && digits_at(0..4) && digits_at(5..7) && digits_at(8..10);
        if !well_formed {
            return Err(format!("a date must be written YYYY-MM-DD, got \"{text}\""));
        }
        // Only ASCII digits remain in each field, so these parses cannot fail.
        let year = text[0..4].parse().expect("four digits");
        let month = text[5..7].parse().expect("two digits");
        let day = text[8..10].parse().expect("two digits");
        Self::new(year, month, day).map_err(|why| format!("{text} is not a date: {why}"))
    }

    /// The year.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it), so that the days between two dates are a
    /// subtraction (Hinnant's days-from-civil, proleptic Gregorian calendar).
    pub const fn day_number(self) -> i64 {
        let year = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = self.month as i64;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// This date's month and day as a birthday in `year`: 29 February becomes 1 March when
    /// `year` is not a leap year.
    fn birthday_in(self, year: i32) -> (u8, u8) {
        if (self.month, self.day) == (2, 29) && !is_leap_year(year) {
            (3, 1)
        } else {
            (self.month, self.day)
        }
    }
}

/// `YYYY-MM-DD`, as read by [`Date::parse_iso`].
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Gregorian leap year: divisible by 4, except centuries not divisible by 400.
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Age in completed years on `exam` for someone born on `birth`: one less than the year
/// difference while this year's birthday is still to come (for a 29 February birth the
/// birthday in a non-leap year is 1 March). `Err` if `exam` is before `birth` or the age is
/// above 130.
pub fn age_in_years(birth: Date, exam: Date) -> Result<u8, String> {
    if exam < birth {
        return Err(format!("the examination date {exam} is before the date of birth {birth}"));
    }
    let mut years = i64::from(exam.year) - i64::from(birth.year);
    if (exam.month, exam.day) < birth.birthday_in(exam.year) {
        years -= 1;
    }
    match u8::try_from(years) {
        Ok(age) if age <= AgeYears::MAX => Ok(age),
        _ => Err(format!(
            "age from {birth} to {exam} is {years} years; it must be 0–{}",
            AgeYears::MAX
        )),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn day_numbers_count_every_day_once_across_months_years_and_leap_days() {
        // Assemble: 1968-01-01 to 2101-01-01, day by day.
        let mut date = Date::new(1968, 1, 1).unwrap();
        let mut expected = Date::new(1968, 1, 1).unwrap().day_number();
        // Act / Assert: each next date is one more; the epoch is 0; a known span.
        while date.year() < 2101 {
            assert_eq!(date.day_number(), expected, "{date}");
            let (y, m, d) = (date.year(), date.month(), date.day());
            date = Date::new(y, m, d + 1).or_else(|_| Date::new(y, m + 1, 1)).or_else(|_| Date::new(y + 1, 1, 1)).unwrap();
            expected += 1;
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
        assert_eq!(Date::new(1969, 12, 31).unwrap().day_number(), -1);
        assert_eq!(Date::new(2025, 2, 3).unwrap().day_number() - Date::new(2025, 1, 6).unwrap().day_number(), 28);
        assert_eq!(Date::new(2024, 3, 1).unwrap().day_number() - Date::new(2024, 2, 28).unwrap().day_number(), 2);
    }

    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn age(birth: &str, exam: &str) -> Result<u8, String> {
        age_in_years(date(birth), date(exam))
    }

    #[test]
    fn the_eighth_birthday_switches_on_the_day() {
        // Assemble
        let birth = date("2016-06-15");
        // Act
        let day_before = age_in_years(birth, date("2024-06-14"));
        let birthday = age_in_years(birth, date("2024-06-15"));
        // Assert
        assert_eq!(day_before, Ok(7));
        assert_eq!(birthday, Ok(8));
    }

    #[test]
    fn the_second_birthday_switches_on_the_day() {
        // Assemble: the day before is in the previous month and the previous year.
        let birth = date("2022-01-01");
        // Act
        let day_before = age_in_years(birth, date("2023-12-31"));
        let birthday = age_in_years(birth, date("2024-01-01"));
        // Assert
        assert_eq!(day_before, Ok(1));
        assert_eq!(birthday, Ok(2));
    }

    #[test]
    fn on_the_day_of_birth_the_age_is_zero() {
        assert_eq!(age("2024-03-10", "2024-03-10"), Ok(0));
        assert_eq!(age("2023-12-31", "2024-12-30"), Ok(0));
        assert_eq!(age("2023-12-31", "2024-12-31"), Ok(1));
    }

    #[test]
    fn a_leap_day_birth_has_its_birthday_on_1_march_in_non_leap_years() {
        // Assemble
        let birth = date("2016-02-29");
        // Act
        let ages = [
            ("2017-02-28", age_in_years(birth, date("2017-02-28"))),
            ("2017-03-01", age_in_years(birth, date("2017-03-01"))),
            ("2023-02-28", age_in_years(birth, date("2023-02-28"))),
            ("2023-03-01", age_in_years(birth, date("2023-03-01"))),
        ];
        // Assert
        assert_eq!(ages, [("2017-02-28", Ok(0)), ("2017-03-01", Ok(1)), ("2023-02-28", Ok(6)), ("2023-03-01", Ok(7))]);
    }

    #[test]
    fn a_leap_day_birth_has_its_birthday_on_29_february_in_leap_years() {
        // Assemble: the 8th birthday falls in a leap year (2024).
        let birth = date("2016-02-29");
        // Act
        let day_before = age_in_years(birth, date("2024-02-28"));
        let birthday = age_in_years(birth, date("2024-02-29"));
        // Assert
        assert_eq!(day_before, Ok(7));
        assert_eq!(birthday, Ok(8));
    }

    #[test]
    fn an_examination_before_birth_is_rejected() {
        // Act
        let error = age("2020-05-02", "2020-05-01").unwrap_err();
        // Assert
        assert!(error.contains("before the date of birth"), "{error}");
        assert!(error.contains("2020-05-01") && error.contains("2020-05-02"), "{error}");
    }

    #[test]
    fn ages_above_130_are_rejected() {
        assert_eq!(age("1894-03-01", "2024-03-01"), Ok(130));
        let error = age("1894-03-01", "2025-03-01").unwrap_err();
        assert!(error.contains("131") && error.contains("0–130"), "{error}");
        assert!(age("0001-01-01", "9999-12-31").is_err());
    }

    #[test]
    fn days_that_do_not_exist_are_rejected() {
        for (text, says) in [
            ("2023-02-29", "days 01–28"),
            ("2024-13-01", "month must be 01–12"),
            ("2024-00-10", "month must be 01–12"),
            ("2024-04-31", "days 01–30"),
            ("2024-01-00", "days 01–31"),
            ("1900-02-29", "days 01–28"),
        ] {
            // Act
            let error = Date::parse_iso(text).unwrap_err();
            // Assert
            assert!(error.contains(text) && error.contains(says), "{text}: {error}");
        }
    }

    #[test]
    fn leap_days_that_exist_are_accepted() {
        for text in ["2024-02-29", "2000-02-29", "1996-02-29"] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!((date("2000-02-29").year(), date("2000-02-29").month(), date("2000-02-29").day()), (2000, 2, 29));
    }

    #[test]
    fn only_yyyy_mm_dd_is_read() {
        for text in ["2024-1-1", "2024-01-1", "24-01-01", "2024/01/01", "20240101", " 2024-01-01", "2024-01-01 ", "2024-01-01T00:00", "", "２０２４-01-01", "+2024-01-01", "2024-+1-01"] {
            // Act
            let result = Date::parse_iso(text);
            // Assert
            let error = result.expect_err(text);
            assert!(error.contains("YYYY-MM-DD"), "{text:?}: {error}");
        }
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(date("2023-12-31") < date("2024-01-01"));
        assert!(date("2024-01-31") < date("2024-02-01"));
        assert!(date("2024-02-01") < date("2024-02-02"));
    }
}
