//! escalation-domain: the values the data files and the widget share, defined once — dates
//! and intervals ([`Date`], [`DateSpan`]), how a source states a number ([`Qualifier`],
//! [`Amount`]), the kinds of events ([`EventKind`]) and the charts a step shows ([`Chart`]) —
//! with their logic: parsing the data files' spellings, checking dates, counting days,
//! labelling for readers; and how both write numbers into SVG ([`number`]).
//!
//! `datakit` builds these values from `data/*.toml` and writes them out as Rust statics that
//! the widget compiles in, so both sides hold the very same types. Depends on nothing but
//! `std`; the optional `serde` feature (datakit's, for the downloads) writes each value as
//! the data files spell it. No yew, no DOM, no widget crate: `tests/tidy.rs` (rule 4).

mod date;
pub mod number;

pub use date::{
    Date, DateProblem, DateSpan, YEARS, civil_from_day_number, days_in_month, is_leap_year,
    month_abbr, month_name,
};

/// An enum of fieldless variants, each spelt one way in the data files and the downloads:
/// `ALL`, `name()` and `parse()` from one list, and (with `serde`) written as its name.
macro_rules! named {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value, in the order data/README.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The spelling in the data files and the downloads.
            pub fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )*
                }
            }

            /// The value a data file's spelling names.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.name() == text)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
    };
}

named! {
    /// How a source states a number; decides which of `value`, `min`/`max` a figure carries
    /// ([`Qualifier::needs`]).
    pub enum Qualifier {
        Exact = "exact",
        About = "about",
        MoreThan = "more-than",
        AtLeast = "at-least",
        NoMoreThan = "no-more-than",
        Nearly = "nearly",
        Range = "range",
        Most = "most",
        NearlyAll = "nearly-all",
        Few = "few",
    }
}

/// What a qualifier requires of a figure's numbers in figures.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// `value`, and no `min`/`max`: "more than 300".
    Value,
    /// `min` and `max`, and no `value`: "60 to 70".
    MinMax,
    /// No number at all: "most", "nearly all".
    Nothing,
}

impl Qualifier {
    pub fn needs(self) -> Needs {
        match self {
            Qualifier::Range => Needs::MinMax,
            Qualifier::Most | Qualifier::NearlyAll | Qualifier::Few => Needs::Nothing,
            _ => Needs::Value,
        }
    }
}

/// A number as the source gives it: one value, a range, or a share stated without a number.
/// (Which one fits is the qualifier's [`Needs`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// One stated number (its qualifier says how exact it is).
    Count(u32),
    /// A stated range, `min` to `max`.
    Range(u32, u32),
    /// A share without a number ("most", "nearly all", "a few").
    Share,
}

impl Amount {
    /// The number as figures.toml writes it: `value`, `min`, `max`, each when given.
    pub fn fields(self) -> (Option<u32>, Option<u32>, Option<u32>) {
        match self {
            Amount::Count(v) => (Some(v), None, None),
            Amount::Range(min, max) => (None, Some(min), Some(max)),
            Amount::Share => (None, None, None),
        }
    }
}

/// The downloads write an amount as figures.toml does: three keys, `value`, `min` and
/// `max`, empty where not given (a figure flattens them into its own fields).
#[cfg(feature = "serde")]
impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (value, min, max) = self.fields();
        let mut fields = serializer.serialize_struct("Amount", 3)?;
        fields.serialize_field("value", &value)?;
        fields.serialize_field("min", &min)?;
        fields.serialize_field("max", &max)?;
        fields.end()
    }
}

named! {
    /// The kinds of event the story distinguishes.
    pub enum EventKind {
        Explosion = "explosion",
        Strike = "strike",
        Attack = "attack",
        Decision = "decision",
        Diplomacy = "diplomacy",
        Statement = "statement",
    }
}

named! {
    /// Which chart a step shows. The units views are one chart, regrouped step by step.
    pub enum Chart {
        None = "none",
        Timeline = "timeline",
        Estimates = "estimates",
        UnitsByType = "units-by-type",
        UnitsByAirspace = "units-by-airspace",
        UnitsOutcome = "units-outcome",
        Map = "map",
        Sources = "sources",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_parses_back_to_its_value() {
        for q in Qualifier::ALL {
            assert_eq!(Qualifier::parse(q.name()), Some(*q));
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.name()), Some(*k));
        }
        for c in Chart::ALL {
            assert_eq!(Chart::parse(c.name()), Some(*c));
        }
        assert_eq!(Qualifier::parse("more-than"), Some(Qualifier::MoreThan));
        assert_eq!(
            Qualifier::parse("MoreThan"),
            None,
            "the file's spelling only"
        );
        assert_eq!(Chart::parse("units-by-type"), Some(Chart::UnitsByType));
        assert_eq!(EventKind::parse(""), None);
    }

    #[test]
    fn qualifiers_say_what_numbers_they_need() {
        let needs: Vec<(&str, Needs)> = Qualifier::ALL
            .iter()
            .map(|q| (q.name(), q.needs()))
            .collect();
        assert_eq!(
            needs,
            [
                ("exact", Needs::Value),
                ("about", Needs::Value),
                ("more-than", Needs::Value),
                ("at-least", Needs::Value),
                ("no-more-than", Needs::Value),
                ("nearly", Needs::Value),
                ("range", Needs::MinMax),
                ("most", Needs::Nothing),
                ("nearly-all", Needs::Nothing),
                ("few", Needs::Nothing),
            ]
        );
    }

    #[test]
    fn amounts_as_the_file_writes_them() {
        assert_eq!(Amount::Count(300).fields(), (Some(300), None, None));
        assert_eq!(Amount::Range(60, 70).fields(), (None, Some(60), Some(70)));
        assert_eq!(Amount::Share.fields(), (None, None, None));
    }
}
