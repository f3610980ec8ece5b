//! model: the story's facts as typed values — sources, events, figures, quotes, groups —
//! and how a figure reads on screen.
//!
//! The values come from data/*.toml, checked by `datakit` at build time and compiled in as
//! the `DATASET` static (see build.rs); no instance is made anywhere else, so every value
//! here has passed validation. The values datakit and the widget share — dates, qualifiers,
//! amounts — are `escalation_domain`'s, re-exported here with their logic (a date's labels,
//! day numbers). Imports nothing but `std` and that crate: no yew, no DOM.
//!
//! Each type holds only the fields the widget reads; the rest of a record (an event's actors
//! and kind, a quote's date words, a group's note, …) is in the downloads, which datakit
//! writes, and never in the wasm.

use std::fmt::Write;

pub use escalation_domain::{
    Amount, Date, DateSpan, Qualifier, civil_from_day_number, month_abbr, month_name,
};

#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    /// The title cut short, for attributions on small screens ("Miscalculation Leads…").
    pub short_title: &'static str,
    /// Only where the article's own text names its outlet.
    pub outlet: Option<&'static str>,
    pub published: DateSpan,
    /// How the publication date was derived from the text.
    pub published_reasoning: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    pub id: &'static str,
    pub date: DateSpan,
    /// "City, Country" where the article gives one.
    pub place: Option<&'static str>,
    /// A few words for the event on a chart ("Natanz blast"); every event a timeline step
    /// highlights has one (checked at build time).
    pub label: Option<&'static str>,
    /// One sentence in our own words.
    pub summary: &'static str,
    pub source: &'static Source,
    pub claimed_by: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Figure {
    pub id: &'static str,
    /// What it counts, in our words.
    pub what: &'static str,
    pub unit: &'static str,
    /// The unit for exactly one ("air base", "person").
    pub unit_one: &'static str,
    pub qualifier: Qualifier,
    pub amount: Amount,
    /// The source's own phrasing where a plain number would lose it ("three dozen").
    pub display: Option<&'static str>,
    /// Who says so, as the article attributes it.
    pub claimed_by: &'static str,
    pub source: &'static Source,
    pub note: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Quote {
    pub id: &'static str,
    pub speaker: &'static str,
    pub role: Option<&'static str>,
    /// Verbatim, as the article quotes it.
    pub text: &'static str,
    pub context: Option<&'static str>,
    pub source: &'static Source,
}

/// A named set the story relies on: the countries that intercepted the barrage.
#[derive(Debug, PartialEq, Eq)]
pub struct Group {
    pub id: &'static str,
    pub members: &'static [&'static str],
}

/// A place the locator map marks: tied to an article and to the event that happened there.
#[derive(Debug, PartialEq, Eq)]
pub struct Place {
    pub id: &'static str,
    pub name: &'static str,
    /// What happened there, in our words.
    pub what: &'static str,
    /// "35.527° N, 51.778° E", as places.toml gives them.
    pub coordinates: &'static str,
    /// The gazetteer the coordinates come from.
    pub coordinates_from: &'static str,
    pub event: &'static Event,
    pub source: &'static Source,
    /// Where the map draws it, in tenths of a map unit (projected at build time).
    pub at: (i16, i16),
}

/// The locator map's base (Natural Earth), projected, simplified and written as SVG
/// `<symbol>`s at build time (`datakit::map_svg`): the land (each country a path), the
/// disputed lines, the globe's land. `{base}` stands for the id stem of each copy.
#[derive(Debug, PartialEq, Eq)]
pub struct BaseMap {
    pub defs: &'static str,
}

/// Everything in data/, checked at build time.
#[derive(Debug)]
pub struct Dataset {
    pub sources: &'static [Source],
    pub events: &'static [Event],
    pub figures: &'static [Figure],
    pub quotes: &'static [Quote],
    pub groups: &'static [Group],
}

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&'static Figure> {
        self.figures.iter().find(|f| f.id == id)
    }
    pub fn group(&self, id: &str) -> Option<&'static Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// The given sources, each once, in the order first named: what a chart's source line names.
pub fn distinct_sources(
    sources: impl IntoIterator<Item = &'static Source>,
) -> Vec<&'static Source> {
    let mut distinct: Vec<&'static Source> = Vec::new();
    for source in sources {
        if !distinct.iter().any(|s| std::ptr::eq(*s, source)) {
            distinct.push(source);
        }
    }
    distinct
}

/// What data/ writes in `claimed_by` for a statement the article makes in its own voice.
pub const OWN_REPORTING: &str = "the article";

/// Who makes a claim, or `None` when it is the article's own reporting. Readers inside a host's
/// news story would take "the article" to be the host's own, so it is never shown as such.
pub fn claimant(claimed_by: Option<&'static str>) -> Option<&'static str> {
    claimed_by.filter(|c| *c != OWN_REPORTING)
}

/// A count with thousands separators: 1234 → "1,234".
pub fn grouped(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Figure {
    /// The number as the source states it: "more than 300", "60 to 70", "three dozen", "nearly all".
    pub fn label(&self) -> String {
        if let Some(display) = self.display {
            return display.to_string();
        }
        let mut out = String::new();
        let _ = match (self.qualifier, self.amount) {
            (Qualifier::Range, Amount::Range(min, max)) => {
                write!(out, "{} to {}", grouped(min), grouped(max))
            }
            (Qualifier::Most, _) => write!(out, "most"),
            (Qualifier::NearlyAll, _) => write!(out, "nearly all"),
            (Qualifier::Few, _) => write!(out, "a few"),
            (q, Amount::Count(v)) => {
                let prefix = match q {
                    Qualifier::About => "about ",
                    Qualifier::MoreThan => "more than ",
                    Qualifier::AtLeast => "at least ",
                    Qualifier::NoMoreThan => "no more than ",
                    Qualifier::Nearly => "nearly ",
                    _ => "",
                };
                write!(out, "{prefix}{}", grouped(v))
            }
            (_, Amount::Range(min, max)) => write!(out, "{} to {}", grouped(min), grouped(max)),
            (_, Amount::Share) => Ok(()),
        };
        out
    }

    /// The number with its unit, as a reader says it: "72 hours", "1 air base", "nearly a
    /// dozen cities", "a year or more". A share has no unit ("nearly all"), and the source's
    /// own phrasing keeps its unit when it names one ("six weeks").
    pub fn quantity(&self) -> String {
        let label = self.label();
        if self.amount == Amount::Share {
            return label;
        }
        let named = |unit: &str| {
            label
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word.eq_ignore_ascii_case(unit))
        };
        if self.display.is_some() && (named(self.unit) || named(self.unit_one)) {
            return label;
        }
        let one = self.qualifier == Qualifier::Exact && self.amount == Amount::Count(1);
        format!("{label} {}", if one { self.unit_one } else { self.unit })
    }

    /// Whether this figure is a share stated in words ("most", "a few"), not a number.
    pub fn is_share(&self) -> bool {
        self.amount == Amount::Share
    }

    /// Who makes the claim, or `None` when it is the article's own reporting.
    pub fn claimant(&self) -> Option<&'static str> {
        claimant(Some(self.claimed_by))
    }

    /// The number a chart draws for it: the nominal value (the middle of a range). The chart
    /// roles that draw a number are checked at build time to name a figure that has one; a
    /// share stated in words ("most") draws as 0.
    pub fn drawn(&self) -> u32 {
        self.nominal().unwrap_or(0)
    }

    /// Whether the source gives this figure as anything less than an exact count.
    pub fn is_uncertain(&self) -> bool {
        self.qualifier != Qualifier::Exact
    }

    /// The single number a chart can draw for it (the nominal value; the middle of a range).
    pub fn nominal(&self) -> Option<u32> {
        match self.amount {
            Amount::Count(v) => Some(v),
            Amount::Range(min, max) => Some(min + (max - min) / 2),
            Amount::Share => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(qualifier: Qualifier, amount: Amount, display: Option<&'static str>) -> Figure {
        Figure {
            id: "f",
            what: "things",
            unit: "things",
            unit_one: "thing",
            qualifier,
            amount,
            display,
            claimed_by: "the article",
            source: &SOURCES[0],
            note: None,
        }
    }

    #[test]
    fn figure_labels_keep_the_source_uncertainty() {
        let cases = [
            (Qualifier::Exact, Amount::Count(185), None, "185"),
            (
                Qualifier::MoreThan,
                Amount::Count(300),
                None,
                "more than 300",
            ),
            (
                Qualifier::NoMoreThan,
                Amount::Count(10),
                None,
                "no more than 10",
            ),
            (Qualifier::Range, Amount::Range(60, 70), None, "60 to 70"),
            (
                Qualifier::About,
                Amount::Count(36),
                Some("three dozen"),
                "three dozen",
            ),
            (Qualifier::About, Amount::Count(36), None, "about 36"),
            (Qualifier::AtLeast, Amount::Count(4), None, "at least 4"),
            (Qualifier::Nearly, Amount::Count(12), None, "nearly 12"),
            (Qualifier::NearlyAll, Amount::Share, None, "nearly all"),
            (Qualifier::Most, Amount::Share, None, "most"),
            (Qualifier::Few, Amount::Share, None, "a few"),
            (Qualifier::Exact, Amount::Count(12345), None, "12,345"),
        ];
        for (q, amount, display, expected) in cases {
            assert_eq!(figure(q, amount, display).label(), expected);
        }
        assert!(!figure(Qualifier::Exact, Amount::Count(1), None).is_uncertain());
        assert!(figure(Qualifier::About, Amount::Count(1), None).is_uncertain());
        assert_eq!(
            figure(Qualifier::Range, Amount::Range(60, 70), None).nominal(),
            Some(65)
        );
    }

    #[test]
    fn quantities_carry_their_unit_in_the_right_number() {
        let mut f = figure(Qualifier::Exact, Amount::Count(72), None);
        f.unit = "hours";
        f.unit_one = "hour";
        assert_eq!(f.quantity(), "72 hours");
        f.amount = Amount::Count(1);
        assert_eq!(f.quantity(), "1 hour", "one takes the singular");
        f.qualifier = Qualifier::AtLeast;
        assert_eq!(
            f.quantity(),
            "at least 1 hours",
            "\"at least 1\" may be more than one"
        );
        let mut said = figure(Qualifier::About, Amount::Count(1), Some("About a week"));
        said.unit = "weeks";
        said.unit_one = "week";
        assert_eq!(
            said.quantity(),
            "About a week",
            "the source's words name the unit"
        );
        let mut dozen = figure(Qualifier::Nearly, Amount::Count(12), Some("nearly a dozen"));
        dozen.unit = "cities";
        dozen.unit_one = "city";
        assert_eq!(dozen.quantity(), "nearly a dozen cities");
        let share = figure(Qualifier::NearlyAll, Amount::Share, None);
        assert_eq!(share.quantity(), "nearly all");
        assert!(share.is_share());
    }

    #[test]
    fn the_articles_own_reporting_names_no_claimant() {
        assert_eq!(claimant(Some(OWN_REPORTING)), None);
        assert_eq!(claimant(None), None);
        assert_eq!(
            claimant(Some("Israeli officials")),
            Some("Israeli officials")
        );
    }
}
