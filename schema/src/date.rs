//! Calendar dates as `YYYY-MM-DD`, the one date format of notice and history files.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Month;

/// The years a notice's dates may fall in. No notice under EU data protection law predates the
/// Data Protection Directive (95/46/EC, 1995), so an earlier year is a typo; and a date after
/// 2100 is no plan anyone makes but a placeholder (`9999-12-31`) that readers would see as
/// "Päivitetty 31.12.9999". Validation refuses dates outside these years.
pub const YEARS: std::ops::RangeInclusive<i32> = 1995..=2100;

/// A calendar date (no time of day, no time zone): when a notice was updated, published or
/// takes effect. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// Builds a date, or `None` when there is no such day (e.g. 2018-02-30).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m as u8, d as u8)
            .ok_or_else(|| format!("{s} is not a day in the calendar"))
    }

    /// Why this date cannot be a notice's date, or `None` when its year is within [`YEARS`].
    pub fn implausible(self) -> Option<String> {
        (!YEARS.contains(&self.year())).then(|| {
            format!(
                "{self} is not a plausible date for a notice: the year must be between {} and {}",
                YEARS.start(),
                YEARS.end()
            )
        })
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The date as readers of `lang` write it: `21.5.2018` in Finnish and Swedish, `21 May 2018`
    /// in English, ISO 8601 otherwise.
    pub fn localized(self, lang: &str) -> String {
        const EN_MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match primary_subtag(lang) {
            "fi" | "sv" => format!("{}.{}.{}", self.day(), self.month(), self.year()),
            "en" => format!(
                "{} {} {}",
                self.day(),
                EN_MONTHS[self.month() as usize - 1],
                self.year()
            ),
            _ => self.to_string(),
        }
    }
}

/// `fi` of `fi-FI`: labels and date formats are chosen by the primary language subtag.
pub fn primary_subtag(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^(199[5-9]|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD, in the years 1995–2100."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Date::parse("2018-05-21").unwrap();
        assert_eq!(d.to_string(), "2018-05-21");
        assert_eq!((d.year(), d.month(), d.day()), (2018, 5, 21));
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(Date::parse("2018-02-30").unwrap_err().contains("not a day"));
        assert!(Date::parse("2019-02-29").is_err());
        assert!(Date::parse("2020-02-29").is_ok());
        for bad in [
            "21.5.2018",
            "2018-5-21",
            "2018-05-21T00:00",
            "",
            "abcd-ef-gh",
            "+018-05-21",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_years_from_1995_to_2100_are_plausible() {
        for ok in ["1995-01-01", "2018-05-25", "2100-12-31"] {
            assert_eq!(Date::parse(ok).unwrap().implausible(), None, "{ok}");
        }
        for bad in ["1994-12-31", "2101-01-01", "9999-12-31", "0001-01-01"] {
            let why = Date::parse(bad).unwrap().implausible().unwrap();
            assert!(why.contains("between 1995 and 2100"), "{bad}: {why}");
        }
    }

    #[test]
    fn formats_dates_the_way_each_language_writes_them() {
        let d = Date::parse("2018-05-21").unwrap();
        assert_eq!(d.localized("fi"), "21.5.2018");
        assert_eq!(d.localized("sv-FI"), "21.5.2018");
        assert_eq!(d.localized("en"), "21 May 2018");
        assert_eq!(d.localized("de"), "2018-05-21");
    }
}
