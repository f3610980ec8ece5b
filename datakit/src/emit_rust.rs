//! Writes the checked dataset as Rust source: `static` values of the widget's `model` and
//! `story` types, so the wasm ships plain data and no parser. The output is `include!`d by
//! `src/model.rs` (the `DATASET` item) and `src/story.rs` (the `STORY` item), which bring the
//! named types into scope.
//!
//! Every value is written through [`ToRust`]: the shared values (`escalation_domain`'s dates,
//! qualifiers, amounts, charts) each once, and each table's record in one place, naming only
//! the fields the widget reads. The rest (an event's actors, a quote's date words, …) stay out
//! of the wasm; the downloads, written from the same checked tables, keep them all. A field
//! named here that the widget's type lacks, or one it has that is not named here, fails the
//! widget's build.

use escalation_domain::{Amount, Chart, Date, DateSpan, Qualifier};

use crate::check::{
    CHART_KINDS, ChartSpec, ChartView, Dataset, Event, Figure, Group, MapSpec, Milli, Place, Quote,
    Ref, Source, Step, Story, Table, TableRow,
};
use crate::map::BaseMapFile;
use crate::map_svg;

/// A value as the Rust expression that builds it, in the scope of the widget's `model` or
/// `story`.
trait ToRust {
    fn to_rust(&self) -> String;
}

/// A struct expression, `Name { field: value, … }`, from the fields of `$value` listed: the
/// field names are the Rust names on both sides.
macro_rules! record {
    ($name:ident { $($field:ident),* $(,)? } from $value:expr) => {
        record(
            stringify!($name),
            &[$((stringify!($field), &$value.$field as &dyn ToRust)),*],
        )
    };
}

fn record(name: &str, fields: &[(&str, &dyn ToRust)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(field, value)| format!("{field}: {}", value.to_rust()))
        .collect();
    format!("{name} {{ {} }}", fields.join(", "))
}

/// A string literal: Debug escaping of `str` is valid Rust.
impl ToRust for str {
    fn to_rust(&self) -> String {
        format!("{self:?}")
    }
}

impl ToRust for String {
    fn to_rust(&self) -> String {
        self.as_str().to_rust()
    }
}

macro_rules! numbers {
    ($($ty:ty),*) => {
        $(impl ToRust for $ty {
            fn to_rust(&self) -> String {
                self.to_string()
            }
        })*
    };
}

numbers!(u8, u16, u32, usize, i32);

impl<T: ToRust> ToRust for Option<T> {
    fn to_rust(&self) -> String {
        match self {
            Some(value) => format!("Some({})", value.to_rust()),
            None => "None".into(),
        }
    }
}

/// A list becomes a `&'static [T]`, one element a line.
impl<T: ToRust> ToRust for Vec<T> {
    fn to_rust(&self) -> String {
        let items: Vec<String> = self.iter().map(ToRust::to_rust).collect();
        match items.iter().map(String::len).sum::<usize>() {
            0..=80 => format!("&[{}]", items.join(", ")),
            _ => format!("&[\n{},\n]", items.join(",\n")),
        }
    }
}

/// A fieldless enum's variant: its derived `Debug` is the variant's name.
macro_rules! variants {
    ($($ty:ident),*) => {
        $(impl ToRust for $ty {
            fn to_rust(&self) -> String {
                format!("{}::{self:?}", stringify!($ty))
            }
        })*
    };
}

variants!(Qualifier, Chart);

impl ToRust for Amount {
    fn to_rust(&self) -> String {
        match self {
            Amount::Count(v) => format!("Amount::Count({v})"),
            Amount::Range(min, max) => format!("Amount::Range({min}, {max})"),
            Amount::Share => "Amount::Share".into(),
        }
    }
}

impl ToRust for Date {
    fn to_rust(&self) -> String {
        record!(Date { year, month, day } from self)
    }
}

impl ToRust for DateSpan {
    fn to_rust(&self) -> String {
        record!(DateSpan { start, end } from self)
    }
}

/// The static that holds each table's records, in the widget's `model`.
fn table_static(table: Table) -> &'static str {
    match table {
        Table::Source => "SOURCES",
        Table::Event => "EVENTS",
        Table::Figure => "FIGURES",
        Table::Quote => "QUOTES",
        Table::Group => "GROUPS",
        Table::Place => "PLACES",
    }
}

/// A reference is the record itself: `&FIGURES[3]`, checked to be in range when the widget
/// compiles.
impl ToRust for Ref {
    fn to_rust(&self) -> String {
        format!("&{}[{}]", table_static(self.table), self.index)
    }
}

/// A table as an array static: `pub static FIGURES: [Figure; 25] = [ … ];`.
fn table<T: ToRust>(name: &str, ty: &str, records: &[T]) -> String {
    let items: Vec<String> = records.iter().map(ToRust::to_rust).collect();
    format!(
        "pub static {name}: [{ty}; {}] = [\n{},\n];\n",
        records.len(),
        items.join(",\n")
    )
}

// The tables: what the widget reads of each.

impl ToRust for Source {
    fn to_rust(&self) -> String {
        record!(Source { id, title, short_title, outlet, published, published_reasoning } from self)
    }
}

impl ToRust for Event {
    fn to_rust(&self) -> String {
        record!(Event { id, date, place, label, summary, source, claimed_by } from self)
    }
}

impl ToRust for Figure {
    fn to_rust(&self) -> String {
        record!(Figure {
            id, what, unit, unit_one, qualifier, amount, display, claimed_by, source, note
        } from self)
    }
}

impl ToRust for Quote {
    fn to_rust(&self) -> String {
        record!(Quote { id, speaker, role, text, context, source } from self)
    }
}

impl ToRust for Group {
    fn to_rust(&self) -> String {
        record!(Group { id, members } from self)
    }
}

impl ToRust for Step {
    fn to_rust(&self) -> String {
        record!(Step { slug, headline, caption, more, chart, events, figures, quotes, map, alt } from self)
    }
}

/// A coordinate pair in tenths of a map unit, as the widget's `(i16, i16)`.
impl ToRust for (i32, i32) {
    fn to_rust(&self) -> String {
        format!("({}, {})", self.0, self.1)
    }
}

/// "35.527° N, 51.778° E": written here, so the wasm formats no float.
fn coordinates(lat: Milli, lon: Milli) -> String {
    let part = |v: Milli, pos: char, neg: char| {
        let (abs, hemisphere) = (v.0.unsigned_abs(), if v.0 < 0 { neg } else { pos });
        format!("{}.{:03}° {hemisphere}", abs / 1000, abs % 1000)
    };
    format!("{}, {}", part(lat, 'N', 'S'), part(lon, 'E', 'W'))
}

impl ToRust for Place {
    fn to_rust(&self) -> String {
        let coordinates = coordinates(self.lat, self.lon);
        record(
            "Place",
            &[
                ("id", &self.id),
                ("name", &self.name),
                ("what", &self.what),
                ("coordinates", &coordinates),
                ("coordinates_from", &self.coordinates_from),
                ("event", &self.event),
                ("source", &self.source),
                ("at", &self.at),
            ],
        )
    }
}

impl ToRust for MapSpec {
    fn to_rust(&self) -> String {
        let arrow = match &self.arrow_labels {
            Some((from, to)) => format!("Some(({}, {}))", from.to_rust(), to.to_rust()),
            None => "None".into(),
        };
        format!(
            "MapView {{ title: {}, svg: {}, places: {}, countries: {}, arrow: {arrow} }}",
            self.title.to_rust(),
            self.svg.to_rust(),
            self.places.to_rust(),
            self.labels.to_rust(),
        )
    }
}

/// The `BASEMAP` item: the base map's symbols as markup (`map_svg::defs`), `{base}` standing
/// for the id stem of each copy.
fn basemap_source(basemap: Option<&BaseMapFile>) -> String {
    let defs = basemap.map(map_svg::defs).unwrap_or_default();
    format!(
        "pub static BASEMAP: BaseMap = BaseMap {{ defs: {} }};\n",
        defs.to_rust()
    )
}

impl ToRust for Story {
    fn to_rust(&self) -> String {
        record!(Story { title, dek, period, steps, share_step } from self)
    }
}

impl ToRust for TableRow {
    fn to_rust(&self) -> String {
        record!(TableRow { what, figure } from self)
    }
}

impl ToRust for ChartView {
    fn to_rust(&self) -> String {
        record!(ChartView { caption, note, rows } from self)
    }
}

/// A role or view name as a Rust field: `downed-before` is `downed_before`; the one unnamed
/// view is `view`.
fn field_name(name: &str) -> String {
    if name.is_empty() {
        "view".into()
    } else {
        name.replace('-', "_")
    }
}

/// A chart's content as its struct (`UnitsChart { title, total: &FIGURES[1], …, by_type: … }`),
/// with its figures by role also as a list, for the notes' placeholders.
impl ToRust for ChartSpec {
    fn to_rust(&self) -> String {
        let mut kind = self.kind.name.to_string();
        kind[..1].make_ascii_uppercase();
        let mut fields = vec![format!("title: {}", self.title.to_rust())];
        for (role, figure) in self.figures.iter().chain(&self.groups) {
            fields.push(format!("{}: {}", field_name(role), figure.to_rust()));
        }
        let roles: Vec<String> = self
            .figures
            .iter()
            .map(|(role, figure)| format!("({}, {})", role.to_rust(), figure.to_rust()))
            .collect();
        fields.push(format!("roles: &[{}]", roles.join(", ")));
        for view in &self.views {
            fields.push(format!("{}: {}", field_name(view.name), view.to_rust()));
        }
        format!("{kind}Chart {{ {} }}", fields.join(", "))
    }
}

/// The `CHARTS` item: every chart's content. A story that lacks one cannot build the widget,
/// which draws them all: the generated code says so.
fn charts_source(story: Option<&Story>) -> String {
    let specs: Vec<Option<&ChartSpec>> = CHART_KINDS
        .iter()
        .map(|kind| story.and_then(|s| s.charts.iter().find(|c| c.kind.name == kind.name)))
        .collect();
    if let Some(missing) = CHART_KINDS.iter().zip(&specs).find(|(_, s)| s.is_none()) {
        return format!(
            "pub static CHARTS: Charts = compile_error!(\"data/story.toml has no [charts.{}]: the widget draws it\");\n",
            missing.0.name
        );
    }
    let fields: Vec<String> = CHART_KINDS
        .iter()
        .zip(specs.into_iter().flatten())
        .map(|(kind, spec)| format!("    {}: {},", kind.name, spec.to_rust()))
        .collect();
    format!(
        "pub static CHARTS: Charts = Charts {{\n{}\n}};\n",
        fields.join("\n")
    )
}

/// The `DATASET` item for `src/model.rs`, and the `STORY` item for `src/story.rs` (an empty
/// story when the data has none, as in fixtures).
pub fn to_rust_source(data: &Dataset) -> (String, String) {
    let dataset = format!(
        "// @generated by datakit from data/*.toml: edit the data, not this file.\n{}{}{}{}{}{}{}\
         pub static DATASET: Dataset = Dataset {{ sources: &SOURCES, events: &EVENTS, figures: &FIGURES, quotes: &QUOTES, groups: &GROUPS }};\n",
        table("SOURCES", "Source", &data.sources),
        table("EVENTS", "Event", &data.events),
        table("FIGURES", "Figure", &data.figures),
        table("QUOTES", "Quote", &data.quotes),
        table("GROUPS", "Group", &data.groups),
        table("PLACES", "Place", &data.places),
        basemap_source(data.basemap.as_ref()),
    );
    let empty = Story {
        title: String::new(),
        dek: String::new(),
        period: DateSpan::parse("2000").expect("a year parses"),
        steps: Vec::new(),
        share_step: 0,
        charts: Vec::new(),
    };
    let story = format!(
        "// @generated by datakit from data/story.toml: edit the data, not this file.\npub static STORY: Story = {};\n{}",
        data.story.as_ref().unwrap_or(&empty).to_rust(),
        charts_source(data.story.as_ref())
    );
    (dataset, story)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_values_are_written_as_the_expressions_that_build_them() {
        let span = DateSpan::parse("2024-04/2024-04-15").unwrap();
        assert_eq!(
            span.to_rust(),
            "DateSpan { start: Date { year: 2024, month: Some(4), day: None }, end: Date { year: 2024, month: Some(4), day: Some(15) } }"
        );
        assert_eq!(Qualifier::NearlyAll.to_rust(), "Qualifier::NearlyAll");
        assert_eq!(Chart::UnitsByType.to_rust(), "Chart::UnitsByType");
        assert_eq!(Amount::Range(60, 70).to_rust(), "Amount::Range(60, 70)");
        assert_eq!(
            Some("say \"hi\"\n".to_string()).to_rust(),
            r#"Some("say \"hi\"\n")"#
        );
        assert_eq!(
            vec!["a".to_string(), "b".to_string()].to_rust(),
            r#"&["a", "b"]"#
        );
        assert_eq!(Vec::<String>::new().to_rust(), "&[]");
    }
}
