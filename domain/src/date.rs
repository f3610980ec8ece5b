//! Dates as the articles give them: a day, a month or only a year ([`Date`]), or an interval
//! of those ([`DateSpan`], written `A/B` as in ISO 8601: "2008/2010",
//! "2024-04-15/2024-04-19"). Parsed from the data files' text and checked (datakit), counted
//! in days and labelled for readers (the widget): the project's one calendar arithmetic.

use std::fmt;

/// A calendar date known to the day, the month or only the year. Built by [`Date::parse`]
/// (datakit) or written out from one (the widget's compiled-in data), so it is a real date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A date, or an interval when the source only bounds it; a single date has `start == end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: Date,
    pub end: Date,
}

/// Why a date's text was rejected, in words an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem(pub String);

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The years a data file's date may name.
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The days of a month, 1-based; 0 outside 1–12.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const MONTHS: [&str; 12] = [
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

/// The English name of a month, 1-based; "" outside 1–12.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// A month's name cut to three letters ("Jul"), for charts; "" outside 1–12.
pub fn month_abbr(month: u8) -> &'static str {
    let name = month_name(month);
    name.get(..3).unwrap_or(name)
}

/// One part of a date's text as a number of exactly `digits` digits.
fn number(part: &str, digits: usize, what: &str, whole: &str) -> Result<u16, DateProblem> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateProblem(format!(
            "`{whole}`: the {what} must be {digits} digits (dates are YYYY, YYYY-MM or YYYY-MM-DD, or A/B for an interval)"
        )));
    }
    part.parse()
        .map_err(|_| DateProblem(format!("`{whole}`: bad {what}")))
}

impl Date {
    /// A date as the data files write it: "2024-04-13", "2024-04" or "2024". The year must be
    /// within [`YEARS`], the month and the day must exist ("2024-02-30" fails).
    pub fn parse(text: &str) -> Result<Self, DateProblem> {
        let parts: Vec<&str> = text.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateProblem(format!(
                "`{text}` is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            )));
        }
        let year = number(parts[0], 4, "year", text)?;
        if !YEARS.contains(&year) {
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

    /// "April 13, 2024", "July 2020" or "2019".
    pub fn label(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {d}, {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }

    /// The date as a chart labels it, beside a title that gives the year: "Jul 2", but
    /// "Jul 2020" for a month and "2019" for a year, which carry their year.
    pub fn short_label(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {d}", month_abbr(m)),
            (Some(m), None) => format!("{} {}", month_abbr(m), self.year),
            _ => self.year.to_string(),
        }
    }

    /// Days since 1 January 2000 of the first day this date can mean; for placing on a time
    /// axis and for ordering dates of any precision.
    pub fn day_number(&self) -> i32 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1 January 2000 of the last day this date can mean.
    pub fn last_day_number(&self) -> i32 {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.day_number(),
            (Some(m), None) => {
                let next = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                days_from_civil(next.0, next.1, 1) - 1
            }
            _ => days_from_civil(self.year + 1, 1, 1) - 1,
        }
    }
}

/// The civil date (year, month, day) of a day number counted from 2000-01-01; the inverse
/// of [`Date::day_number`], after Howard Hinnant's algorithm.
pub fn civil_from_day_number(days: i32) -> (u16, u8, u8) {
    let z = days + 10_957 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year as u16, month as u8, day as u8)
}

/// Days from 2000-01-01 to the given civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
fn days_from_civil(year: u16, month: u8, day: u8) -> i32 {
    let (m, d) = (i32::from(month), i32::from(day));
    let y = i32::from(year) - i32::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 - 10_957
}

/// As the data files write it: "2024-04-13", "2024-04", "2024".
impl fmt::Display for Date {
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
    /// A date or an interval `A/B` of dates as the data files write them (see
    /// [`Date::parse`]). An interval may not end before it starts; its ends may overlap
    /// ("2024-04/2024-04-15").
    pub fn parse(text: &str) -> Result<Self, DateProblem> {
        let text = text.trim();
        match text.split_once('/') {
            None => {
                let date = Date::parse(text)?;
                Ok(Self {
                    start: date,
                    end: date,
                })
            }
            Some((a, b)) => {
                let start = Date::parse(a)?;
                let end = Date::parse(b)?;
                if start.day_number() > end.last_day_number() {
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

    /// "April 13, 2024", "April 15–19, 2024", "2008–2010", "July 2020".
    pub fn label(&self) -> String {
        if !self.is_interval() {
            return self.start.label();
        }
        let (a, b) = (self.start, self.end);
        match (a.month, a.day, b.month, b.day) {
            (Some(am), Some(ad), Some(bm), Some(bd)) if a.year == b.year && am == bm => {
                format!("{} {ad}–{bd}, {}", month_name(am), a.year)
            }
            (None, None, None, None) => format!("{}–{}", a.year, b.year),
            (Some(am), None, Some(bm), None) if a.year == b.year => {
                format!("{}–{} {}", month_name(am), month_name(bm), a.year)
            }
            _ => format!("{} – {}", a.label(), b.label()),
        }
    }

    /// The span as a chart labels it (see [`Date::short_label`]): "Apr 1–13", "Mar 22 – Apr 3",
    /// "Jun–Jul 2020", "Oct 2023 – Feb 2024", "2008–2010".
    pub fn short_label(&self) -> String {
        if !self.is_interval() {
            return self.start.short_label();
        }
        let (a, b) = (self.start, self.end);
        match (a.month, a.day, b.month, b.day) {
            (Some(am), Some(ad), Some(bm), Some(bd)) if a.year == b.year && am == bm => {
                format!("{} {ad}–{bd}", month_abbr(am))
            }
            (None, None, None, None) => format!("{}–{}", a.year, b.year),
            (Some(am), None, Some(bm), None) if a.year == b.year => {
                format!("{}–{} {}", month_abbr(am), month_abbr(bm), a.year)
            }
            _ => format!("{} – {}", a.short_label(), b.short_label()),
        }
    }
}

/// As the data files write it: one date, or `A/B` for an interval.
impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_interval() {
            write!(f, "{}/{}", self.start, self.end)
        } else {
            write!(f, "{}", self.start)
        }
    }
}

/// Dates are written in the downloads as in the data files.
#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Spans are written in the downloads as in the data files.
#[cfg(feature = "serde")]
impl serde::Serialize for DateSpan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: Option<u8>, day: Option<u8>) -> Date {
        Date { year, month, day }
    }

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

    #[test]
    fn date_labels_by_precision() {
        assert_eq!(date(2024, Some(4), Some(13)).label(), "April 13, 2024");
        assert_eq!(date(2020, Some(7), None).label(), "July 2020");
        assert_eq!(date(2019, None, None).label(), "2019");
        let span = |a, b| DateSpan { start: a, end: b };
        assert_eq!(
            span(date(2024, Some(4), Some(15)), date(2024, Some(4), Some(19))).label(),
            "April 15–19, 2024"
        );
        assert_eq!(
            span(date(2008, None, None), date(2010, None, None)).label(),
            "2008–2010"
        );
        assert_eq!(
            span(date(2020, Some(6), None), date(2020, Some(7), None)).label(),
            "June–July 2020"
        );
        assert_eq!(
            span(date(2023, Some(10), Some(7)), date(2024, Some(2), None)).label(),
            "October 7, 2023 – February 2024"
        );
    }

    #[test]
    fn short_labels_abbreviate_months_and_leave_the_year_to_the_title() {
        let span = |a, b| DateSpan { start: a, end: b };
        let day = |m, d| date(2024, Some(m), Some(d));
        let cases = [
            (span(day(7, 2), day(7, 2)), "Jul 2"),
            (
                span(date(2020, Some(7), None), date(2020, Some(7), None)),
                "Jul 2020",
            ),
            (span(date(2019, None, None), date(2019, None, None)), "2019"),
            (span(day(4, 1), day(4, 13)), "Apr 1–13"),
            (span(day(3, 22), day(4, 3)), "Mar 22 – Apr 3"),
            (
                span(date(2020, Some(6), None), date(2020, Some(7), None)),
                "Jun–Jul 2020",
            ),
            (
                span(date(2023, Some(10), None), date(2024, Some(2), None)),
                "Oct 2023 – Feb 2024",
            ),
            (
                span(date(2008, None, None), date(2010, None, None)),
                "2008–2010",
            ),
        ];
        for (span, expected) in cases {
            assert_eq!(span.short_label(), expected);
        }
        assert_eq!(month_abbr(9), "Sep");
        assert_eq!(month_abbr(13), "", "no such month");
    }

    #[test]
    fn day_numbers_count_real_calendar_days() {
        assert_eq!(date(2000, Some(1), Some(1)).day_number(), 0);
        assert_eq!(
            date(2024, Some(4), Some(13)).day_number() - date(2024, Some(4), Some(1)).day_number(),
            12
        );
        assert_eq!(
            date(2024, Some(3), Some(1)).day_number() - date(2024, Some(2), Some(28)).day_number(),
            2
        );
        assert_eq!(
            date(2020, Some(7), None).last_day_number() - date(2020, Some(7), None).day_number(),
            30
        );
        assert_eq!(
            date(2019, None, None).last_day_number() - date(2019, None, None).day_number(),
            364
        );
        for (y, m, d) in [
            (2000, 1, 1),
            (2020, 7, 19),
            (2024, 2, 29),
            (2024, 4, 13),
            (1999, 12, 31),
        ] {
            let n = date(y, Some(m), Some(d)).day_number();
            assert_eq!(civil_from_day_number(n), (y, m, d));
        }
    }

    #[test]
    fn day_numbers_order_dates_of_any_precision() {
        // What an interval's check relies on: the first and last days a date can mean.
        let may = date(2024, Some(5), None);
        assert_eq!(may.day_number(), date(2024, Some(5), Some(1)).day_number());
        assert_eq!(
            may.last_day_number(),
            date(2024, Some(5), Some(31)).day_number()
        );
        assert_eq!(
            date(2024, None, None).last_day_number(),
            date(2024, Some(12), Some(31)).day_number()
        );
        assert_eq!(
            date(2023, Some(12), None).last_day_number() + 1,
            date(2024, None, None).day_number()
        );
        for year in [*YEARS.start(), *YEARS.end()] {
            let y = date(year, None, None);
            assert_eq!(
                civil_from_day_number(y.last_day_number()),
                (year, 12, 31),
                "{year}"
            );
        }
    }

    #[test]
    fn display_writes_what_parse_reads() {
        for text in [
            "2024-04-13",
            "2020-07",
            "2019",
            "2008/2010",
            "2024-04/2024-04-15",
        ] {
            assert_eq!(DateSpan::parse(text).unwrap().to_string(), text);
        }
    }
}
