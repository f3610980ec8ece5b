//! Partial dates and intervals as the articles give them: a day, a month, a year, or an
//! ISO-8601 interval `A/B` of those ("2008/2010", "2024-04-15/2024-04-19").

use std::fmt;

/// A calendar date known to the day, the month or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A date or an interval of dates; a single date has `start == end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: PartialDate,
    pub end: PartialDate,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem(pub String);

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn number(part: &str, digits: usize, what: &str, whole: &str) -> Result<u16, DateProblem> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateProblem(format!(
            "`{whole}`: the {what} must be {digits} digits (dates are YYYY, YYYY-MM or YYYY-MM-DD, or A/B for an interval)"
        )));
    }
    part.parse()
        .map_err(|_| DateProblem(format!("`{whole}`: bad {what}")))
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, DateProblem> {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateProblem(format!(
                "`{text}` is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            )));
        }
        let year = number(parts[0], 4, "year", text)?;
        if !(1900..=2100).contains(&year) {
            return Err(DateProblem(format!(
                "`{text}`: year {year} is out of range"
            )));
        }
        let month = match parts.get(1) {
            None => None,
            Some(m) => {
                let m = number(m, 2, "month", text)? as u8;
                if !(1..=12).contains(&m) {
                    return Err(DateProblem(format!("`{text}`: there is no month {m}")));
                }
                Some(m)
            }
        };
        let day = match (parts.get(2), month) {
            (None, _) => None,
            (Some(d), Some(m)) => {
                let d = number(d, 2, "day", text)? as u8;
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(DateProblem(format!(
                        "`{text}`: month {m} of {year} has {last} days, not {d}"
                    )));
                }
                Some(d)
            }
            (Some(_), None) => unreachable!("a day part implies a month part"),
        };
        Ok(Self { year, month, day })
    }

    /// The earliest day this date can mean, as (year, month, day), for ordering intervals.
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day this date can mean.
    pub fn last_day(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl DateSpan {
    pub fn parse(text: &str) -> Result<Self, DateProblem> {
        let text = text.trim();
        match text.split_once('/') {
            None => {
                let date = PartialDate::parse(text)?;
                Ok(Self {
                    start: date,
                    end: date,
                })
            }
            Some((a, b)) => {
                let start = PartialDate::parse(a)?;
                let end = PartialDate::parse(b)?;
                if start.first_day() > end.last_day() {
                    return Err(DateProblem(format!(
                        "`{text}`: the interval ends before it starts"
                    )));
                }
                Ok(Self { start, end })
            }
        }
    }

    pub fn is_interval(&self) -> bool {
        self.start != self.end
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_interval() {
            write!(f, "{}/{}", self.start, self.end)
        } else {
            write!(f, "{}", self.start)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let day = DateSpan::parse("2024-04-13").unwrap();
        assert_eq!(day.start.day, Some(13));
        assert!(!day.is_interval());
        let month = DateSpan::parse("2020-07").unwrap();
        assert_eq!((month.start.month, month.start.day), (Some(7), None));
        let years = DateSpan::parse("2008/2010").unwrap();
        assert!(years.is_interval());
        assert_eq!(years.to_string(), "2008/2010");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "2024-13",
            "2024-00-10",
            "24-04-13",
            "2024-4-13",
            "April 13",
            "",
            "2024-04-19/2024-04-15",
            "3024",
        ] {
            assert!(DateSpan::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(DateSpan::parse("2024-02-29").is_ok(), "2024 is a leap year");
    }

    #[test]
    fn interval_of_coarse_dates_may_overlap() {
        assert!(DateSpan::parse("2024-04/2024-04-15").is_ok());
        assert!(DateSpan::parse("2024-04-30/2024-04").is_ok());
        assert!(DateSpan::parse("2024-05/2024-04").is_err());
    }
}
