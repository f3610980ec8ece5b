//! Checks the raw files and builds the validated [`Dataset`]. Every rule lives here, and
//! each broken rule becomes one [`DataError`] with the line of the offending key.
//!
//! Rules: valid TOML with known keys; real dates; ids unique across all files; every
//! `source` a known source; `event`, `of`, `parts` and the story's ids point at entries
//! of the right table; qualifiers agree with the values given; `min ≤ max`; parts add up to
//! no more than their total and a subset is no larger than its whole; required text non-empty.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use escalation_domain::{Amount, Chart, DateSpan, EventKind, Needs, Qualifier};

use crate::raw::{self, Text};
use crate::{DataError, DataErrors, ErrorKind};

/// A checked reference to a record of another table: the id as the file writes it, and the
/// record's place in its table. The widget's statics are indexed by that place, so the widget
/// reads the record itself, with no lookup that could fail; the downloads write the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub id: String,
    pub table: Table,
    pub index: usize,
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id)
    }
}

impl Serialize for Ref {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The title cut short for attributions on small screens ("Miscalculation Leads to
    /// Escalation…"); the full title when the file gives none. The widget's, not in the
    /// downloads.
    #[serde(skip)]
    pub short_title: String,
    pub subtitle: Option<String>,
    pub outlet: Option<String>,
    pub published: DateSpan,
    pub published_reasoning: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    pub date: DateSpan,
    pub date_words: Option<String>,
    pub date_reasoning: Option<String>,
    /// "City, Country" where the article gives one.
    pub place: Option<String>,
    pub actors: Vec<String>,
    pub kind: EventKind,
    /// A few words for the event on a chart ("Natanz blast"); required for the events a
    /// timeline step highlights. The widget's, not in the downloads.
    #[serde(skip)]
    pub label: Option<String>,
    pub summary: String,
    pub source: Ref,
    pub claimed_by: Option<String>,
}

/// The longest event `label`, in characters: it sits beside its mark on a 360-unit-wide chart.
pub const EVENT_LABEL_MAX_CHARS: usize = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub id: String,
    pub what: String,
    pub unit: String,
    /// The unit for exactly one ("air base", "person"); `unit` without its final "s" when
    /// the file gives none. The widget's, not in the downloads.
    #[serde(skip)]
    pub unit_one: String,
    pub qualifier: Qualifier,
    /// Written as figures.toml writes it: `value`, `min`, `max`.
    #[serde(flatten)]
    pub amount: Amount,
    pub display: Option<String>,
    pub claimed_by: String,
    pub date: DateSpan,
    pub source: Ref,
    pub event: Option<Ref>,
    pub parts: Vec<Ref>,
    pub of: Option<Ref>,
    pub note: Option<String>,
}

impl Figure {
    /// The smallest count the statement allows (nominal for "about").
    pub fn lower_bound(&self) -> u64 {
        match (self.qualifier, self.amount) {
            (Qualifier::MoreThan, Amount::Count(v)) => u64::from(v) + 1,
            (Qualifier::NoMoreThan | Qualifier::Nearly, Amount::Count(_)) => 0,
            (_, Amount::Count(v)) => u64::from(v),
            (_, Amount::Range(min, _)) => u64::from(min),
            (_, Amount::Share) => 0,
        }
    }

    /// The largest count the statement allows; `None` when it sets no ceiling.
    pub fn upper_bound(&self) -> Option<u64> {
        match (self.qualifier, self.amount) {
            (Qualifier::MoreThan | Qualifier::AtLeast, _) => None,
            (_, Amount::Count(v)) => Some(u64::from(v)),
            (_, Amount::Range(_, max)) => Some(u64::from(max)),
            (_, Amount::Share) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub id: String,
    pub speaker: String,
    pub role: Option<String>,
    pub text: String,
    pub date: DateSpan,
    pub date_words: Option<String>,
    pub date_reasoning: Option<String>,
    pub context: Option<String>,
    pub source: Ref,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub id: String,
    pub label: String,
    pub members: Vec<String>,
    pub claimed_by: String,
    pub source: Ref,
    pub note: Option<String>,
}

/// Thousandths of a degree: a coordinate as places.toml gives it (three decimals), written as
/// a decimal number in the downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Milli(pub i32);

impl Milli {
    pub fn degrees(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl Serialize for Milli {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.degrees())
    }
}

/// A place the map marks, tied to an article and to the event that happened there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    /// Natural Earth's name of the country it lies in.
    pub country: String,
    pub lat: Milli,
    pub lon: Milli,
    /// The gazetteer the coordinates come from.
    pub coordinates_from: String,
    /// What happened there, in our words.
    pub what: String,
    pub event: Ref,
    pub source: Ref,
    /// Where the map draws it, in tenths of a map unit (the widget's).
    #[serde(skip)]
    pub at: (i32, i32),
    #[serde(skip)]
    pub line: usize,
}

/// A country the map names: its label and where it sits, projected (tenths of a map unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryLabel {
    /// Natural Earth's name.
    pub name: String,
    pub label: String,
    /// A point inside the country: the arrow's end, and the label's place unless `label_at`.
    pub at: (i32, i32),
    /// Where the label sits when the country is too small for it (a line joins it to `at`).
    pub label_at: Option<(i32, i32)>,
    pub line: usize,
}

/// What a map step shows: its title, the places it marks, the countries it highlights
/// (indexes into [`Dataset::countries`]) and a schematic arrow from one to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSpec {
    pub title: String,
    pub places: Vec<Ref>,
    pub countries: Vec<usize>,
    pub arrow: Option<(usize, usize)>,
    /// The step's drawing as SVG markup (`map_svg::step`), once the base map is read.
    pub svg: String,
    /// The labels of `countries` and of the arrow's ends, for the widget's table.
    pub labels: Vec<String>,
    pub arrow_labels: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub slug: String,
    pub headline: String,
    /// The short text under the step's chart: one paragraph of at most
    /// [`CAPTION_MAX_WORDS`] words.
    pub caption: String,
    /// What the caption leaves out, for the step's details: paragraphs, split on blank lines.
    pub more: Vec<String>,
    pub chart: Chart,
    pub events: Vec<Ref>,
    pub figures: Vec<Ref>,
    pub quotes: Vec<Ref>,
    pub groups: Vec<Ref>,
    /// A map step's places, highlights and arrow.
    pub map: Option<MapSpec>,
    pub alt: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub title: String,
    pub dek: String,
    /// The stretch of time the explainer covers; every event a step shows falls inside it.
    pub period: DateSpan,
    pub steps: Vec<Step>,
    /// The index of the step whose chart the share card shows: `share_card` names it by slug;
    /// without it, the first step with a drawn chart.
    pub share_step: usize,
    /// What each chart draws, in [`CHART_KINDS`]' order; only those the story gives.
    pub charts: Vec<ChartSpec>,
}

/// A kind of chart whose content the story gives (`[charts.<name>]`): the figures and groups
/// it draws, by role, and its views.
#[derive(Debug)]
pub struct ChartKind {
    pub name: &'static str,
    pub figures: &'static [&'static str],
    pub groups: &'static [&'static str],
    /// The figure roles the chart draws to scale: each must name a figure with a number.
    pub drawn: &'static [&'static str],
    /// Its views' names; one unnamed view is `[""]`.
    pub views: &'static [&'static str],
    /// The step charts that draw it: a step with one of them needs the spec.
    pub used_by: &'static [Chart],
}

/// The charts the story gives the content of, and what each needs.
pub const CHART_KINDS: [ChartKind; 2] = [
    ChartKind {
        name: "units",
        figures: &[
            "total",
            "drones",
            "cruise",
            "ballistic",
            "entered",
            "downed-before",
            "downed-inside",
            "intercepted",
            "reached",
        ],
        groups: &[],
        drawn: &["drones", "cruise", "ballistic", "entered"],
        views: &["by-type", "by-airspace", "outcome"],
        used_by: &[
            Chart::UnitsByType,
            Chart::UnitsByAirspace,
            Chart::UnitsOutcome,
        ],
    },
    ChartKind {
        name: "estimates",
        figures: &["first", "revised", "ballistic", "cruise", "drones", "total"],
        groups: &[],
        drawn: &["first", "revised", "ballistic", "cruise", "drones"],
        views: &[""],
        used_by: &[Chart::Estimates],
    },
];

/// One chart's content, checked: every role of its kind names a record of the right table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSpec {
    pub kind: &'static ChartKind,
    pub title: String,
    /// (role, figure), in the kind's role order.
    pub figures: Vec<(&'static str, Ref)>,
    /// (role, group), in the kind's role order.
    pub groups: Vec<(&'static str, Ref)>,
    /// In the kind's view order.
    pub views: Vec<ChartView>,
}

impl PartialEq for ChartKind {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for ChartKind {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartView {
    pub name: &'static str,
    pub caption: String,
    /// A line under the drawing, with `{role}` and `{role:drawn}` standing for the figures.
    pub note: Option<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub what: String,
    pub figure: Ref,
}

/// The longest step caption, in words: with the headline, the chart and the controls it must
/// fit one phone screen.
pub const CAPTION_MAX_WORDS: usize = 60;

/// Everything in data/, checked. Serialised (the downloads), it is the five tables of facts;
/// the story is the widget's, not data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
    pub groups: Vec<Group>,
    pub places: Vec<Place>,
    /// The countries the map names (places.toml's `[[country]]`).
    #[serde(skip)]
    pub countries: Vec<CountryLabel>,
    /// The map's base (data/basemap.json), when read.
    #[serde(skip)]
    pub basemap: Option<crate::map::BaseMapFile>,
    #[serde(skip)]
    pub story: Option<Story>,
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }
}

/// Which table an id belongs to: for "points at the wrong table" messages, and for the static
/// a reference indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Source,
    Event,
    Figure,
    Quote,
    Group,
    Place,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Source => "source",
            Table::Event => "event",
            Table::Figure => "figure",
            Table::Quote => "quote",
            Table::Group => "group",
            Table::Place => "place",
        }
    }
}

/// One file's text, with the line lookup every error needs.
struct FileText<'a> {
    path: &'a Path,
    text: &'a str,
}

impl FileText<'_> {
    fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.text[..offset].bytes().filter(|&b| b == b'\n').count() + 1
    }
}

/// Collects errors while the checks run.
struct Report {
    errors: Vec<DataError>,
}

impl Report {
    fn at(&mut self, file: &FileText, offset: usize, kind: ErrorKind, message: String) {
        self.errors.push(DataError {
            file: file.path.to_path_buf(),
            line: file.line_of(offset),
            kind,
            message,
        });
    }

    fn non_empty(&mut self, file: &FileText, field: &Text, name: &str) -> String {
        let value = field.get_ref().trim();
        if value.is_empty() {
            self.at(
                file,
                field.span().start,
                ErrorKind::InvalidField,
                format!("`{name}` must not be empty"),
            );
        }
        value.to_string()
    }

    fn date(&mut self, file: &FileText, field: &Text, name: &str) -> DateSpan {
        match DateSpan::parse(field.get_ref()) {
            Ok(date) => date,
            Err(problem) => {
                self.at(
                    file,
                    field.span().start,
                    ErrorKind::ImpossibleDate,
                    format!("`{name}`: {problem}"),
                );
                DateSpan::parse("1900").expect("a fallback date parses")
            }
        }
    }

    /// The value of a field that must be one of a named set (a kind, a qualifier, a chart);
    /// when it is not, an error listing them, and the set's first value in its place.
    fn one_of<T: Copy>(
        &mut self,
        file: &FileText,
        field: &Text,
        name: &str,
        all: &[T],
        spelling: impl Fn(T) -> &'static str,
    ) -> T {
        let text = field.get_ref().trim();
        let found = all.iter().copied().find(|v| spelling(*v) == text);
        found.unwrap_or_else(|| {
            let names: Vec<&str> = all.iter().map(|v| spelling(*v)).collect();
            self.at(
                file,
                field.span().start,
                ErrorKind::InvalidField,
                format!("`{name}` = `{text}`: use one of {}", names.join(", ")),
            );
            all[0]
        })
    }

    fn date_words_explained(
        &mut self,
        file: &FileText,
        words: &Option<Text>,
        reasoning: &Option<String>,
    ) {
        if let Some(words) = words
            && reasoning.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            self.at(
                file,
                words.span().start,
                ErrorKind::InvalidField,
                "`date_words` needs a `date_reasoning` saying how the date was derived".into(),
            );
        }
    }
}

fn parse_file<T: DeserializeOwned + Default>(file: Option<&FileText>, report: &mut Report) -> T {
    let Some(file) = file else {
        return T::default();
    };
    match toml::from_str::<T>(file.text) {
        Ok(value) => value,
        Err(e) => {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            report.at(
                file,
                offset,
                ErrorKind::Syntax,
                e.message().trim().replace('\n', " "),
            );
            T::default()
        }
    }
}

/// Where each id was first defined: file index, offset, table.
struct IdIndex {
    /// Each id: where it is defined, in which table, at which place in that table.
    seen: HashMap<String, (PathBuf, usize, Table, usize)>,
    /// How many records each table has had so far.
    counts: HashMap<Table, usize>,
}

impl IdIndex {
    fn define(&mut self, report: &mut Report, file: &FileText, id: &Text, table: Table) -> String {
        let name = id.get_ref().trim().to_string();
        let line = file.line_of(id.span().start);
        // Every record takes a place in its table, a duplicate too (it fails the check).
        let count = self.counts.entry(table).or_insert(0);
        let index = *count;
        *count += 1;
        if name.is_empty() {
            report.at(
                file,
                id.span().start,
                ErrorKind::InvalidField,
                "`id` must not be empty".into(),
            );
        } else if let Some((path, first_line, _, _)) = self.seen.get(&name) {
            report.at(
                file,
                id.span().start,
                ErrorKind::DuplicateId,
                format!(
                    "duplicate id `{name}`: already defined at {}:{first_line}",
                    path.display()
                ),
            );
        } else {
            self.seen
                .insert(name.clone(), (file.path.to_path_buf(), line, table, index));
        }
        name
    }

    fn expect(
        &self,
        report: &mut Report,
        file: &FileText,
        id: &Text,
        table: Table,
        field: &str,
    ) -> Ref {
        let name = id.get_ref().trim().to_string();
        let mut index = 0;
        match self.seen.get(&name) {
            Some((_, _, found, at)) if *found == table => index = *at,
            Some((path, line, found, _)) => report.at(
                file,
                id.span().start,
                ErrorKind::MissingReference,
                format!(
                    "`{field}` = `{name}` should name a {}, but {}:{line} defines a {}",
                    table.name(),
                    path.display(),
                    found.name()
                ),
            ),
            None => {
                let kind = if table == Table::Source {
                    ErrorKind::UnknownSource
                } else {
                    ErrorKind::MissingReference
                };
                report.at(
                    file,
                    id.span().start,
                    kind,
                    format!("`{field}` = `{name}`: no {} has this id", table.name()),
                );
            }
        }
        Ref {
            id: name,
            table,
            index,
        }
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

fn split_paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Checks the given files (path and text, any subset of `DATA_FILES`).
pub fn check(texts: Vec<(PathBuf, String)>) -> Result<Dataset, DataErrors> {
    let files: Vec<FileText> = texts
        .iter()
        .map(|(path, text)| FileText { path, text })
        .collect();
    let find = |name: &str| {
        files
            .iter()
            .find(|f| f.path.file_name().is_some_and(|n| n == name))
    };
    let mut report = Report { errors: Vec::new() };

    let sources_file = find("sources.toml");
    let events_file = find("events.toml");
    let figures_file = find("figures.toml");
    let quotes_file = find("quotes.toml");
    let groups_file = find("groups.toml");
    let places_file = find("places.toml");
    let story_file = find("story.toml");

    let raw_sources: raw::SourcesFile = parse_file(sources_file, &mut report);
    let raw_events: raw::EventsFile = parse_file(events_file, &mut report);
    let raw_figures: raw::FiguresFile = parse_file(figures_file, &mut report);
    let raw_quotes: raw::QuotesFile = parse_file(quotes_file, &mut report);
    let raw_groups: raw::GroupsFile = parse_file(groups_file, &mut report);
    let raw_places: raw::PlacesFile = parse_file(places_file, &mut report);
    let raw_story: Option<raw::StoryFile> =
        story_file.and_then(|file| match toml::from_str::<raw::StoryFile>(file.text) {
            Ok(story) => Some(story),
            Err(e) => {
                let offset = e.span().map(|s| s.start).unwrap_or(0);
                report.at(
                    file,
                    offset,
                    ErrorKind::Syntax,
                    e.message().trim().replace('\n', " "),
                );
                None
            }
        });
    if !report.errors.is_empty() {
        return Err(DataErrors(report.errors));
    }

    // First pass: define every id, so references can point forwards and across files.
    let mut ids = IdIndex {
        seen: HashMap::new(),
        counts: HashMap::new(),
    };
    let mut dataset = Dataset::default();
    if let Some(file) = sources_file {
        for s in &raw_sources.source {
            let id = ids.define(&mut report, file, &s.id, Table::Source);
            let title = report.non_empty(file, &s.title, "title");
            dataset.sources.push(Source {
                id,
                short_title: s.short_title.as_ref().map_or_else(
                    || title.clone(),
                    |t| report.non_empty(file, t, "short_title"),
                ),
                title,
                subtitle: s.subtitle.clone(),
                outlet: s.outlet.clone(),
                published: report.date(file, &s.published, "published"),
                published_reasoning: report.non_empty(
                    file,
                    &s.published_reasoning,
                    "published_reasoning",
                ),
            });
        }
    }
    let defined: [(Option<&FileText>, Vec<&Text>, Table); 5] = [
        (
            events_file,
            raw_events.event.iter().map(|e| &e.id).collect(),
            Table::Event,
        ),
        (
            figures_file,
            raw_figures.figure.iter().map(|f| &f.id).collect(),
            Table::Figure,
        ),
        (
            quotes_file,
            raw_quotes.quote.iter().map(|q| &q.id).collect(),
            Table::Quote,
        ),
        (
            groups_file,
            raw_groups.group.iter().map(|g| &g.id).collect(),
            Table::Group,
        ),
        (
            places_file,
            raw_places.place.iter().map(|p| &p.id).collect(),
            Table::Place,
        ),
    ];
    for (file, list, table) in defined {
        if let Some(file) = file {
            for id in list {
                ids.define(&mut report, file, id, table);
            }
        }
    }

    if let Some(file) = events_file {
        for e in &raw_events.event {
            let kind = report.one_of(file, &e.kind, "kind", EventKind::ALL, EventKind::name);
            report.date_words_explained(file, &e.date_words, &e.date_reasoning);
            let label = e.label.as_ref().map(|l| {
                let label = report.non_empty(file, l, "label");
                if label.chars().count() > EVENT_LABEL_MAX_CHARS {
                    report.at(
                        file,
                        l.span().start,
                        ErrorKind::InvalidField,
                        format!(
                            "`label` is {} characters: a chart label holds at most {EVENT_LABEL_MAX_CHARS}",
                            label.chars().count()
                        ),
                    );
                }
                label
            });
            dataset.events.push(Event {
                id: e.id.get_ref().trim().to_string(),
                date: report.date(file, &e.date, "date"),
                date_words: e.date_words.as_ref().map(|w| w.get_ref().clone()),
                date_reasoning: e.date_reasoning.clone(),
                place: e.place.as_ref().map(|p| report.non_empty(file, p, "place")),
                actors: e.actors.clone(),
                kind,
                label,
                summary: report.non_empty(file, &e.summary, "summary"),
                source: ids.expect(&mut report, file, &e.source, Table::Source, "source"),
                claimed_by: e.claimed_by.clone(),
            });
        }
    }

    if let Some(file) = figures_file {
        for f in &raw_figures.figure {
            dataset
                .figures
                .push(check_figure(&mut report, &ids, file, f));
        }
        check_totals(&mut report, file, &raw_figures.figure, &dataset);
    }

    if let Some(file) = quotes_file {
        for q in &raw_quotes.quote {
            report.date_words_explained(file, &q.date_words, &q.date_reasoning);
            dataset.quotes.push(Quote {
                id: q.id.get_ref().trim().to_string(),
                speaker: report.non_empty(file, &q.speaker, "speaker"),
                role: q.role.clone(),
                text: report.non_empty(file, &q.text, "text"),
                date: report.date(file, &q.date, "date"),
                date_words: q.date_words.as_ref().map(|w| w.get_ref().clone()),
                date_reasoning: q.date_reasoning.clone(),
                context: q.context.clone(),
                source: ids.expect(&mut report, file, &q.source, Table::Source, "source"),
            });
        }
    }

    if let Some(file) = groups_file {
        for g in &raw_groups.group {
            if g.members.get_ref().is_empty() {
                report.at(
                    file,
                    g.members.span().start,
                    ErrorKind::InvalidField,
                    "`members` must list at least one".into(),
                );
            }
            dataset.groups.push(Group {
                id: g.id.get_ref().trim().to_string(),
                label: report.non_empty(file, &g.label, "label"),
                members: g.members.get_ref().clone(),
                claimed_by: report.non_empty(file, &g.claimed_by, "claimed_by"),
                source: ids.expect(&mut report, file, &g.source, Table::Source, "source"),
                note: g.note.clone(),
            });
        }
    }

    if let Some(file) = places_file {
        check_places(&mut report, &ids, file, &raw_places, &mut dataset);
    }

    if let (Some(file), Some(story)) = (story_file, raw_story) {
        dataset.story = Some(check_story(&mut report, &ids, &dataset, file, story));
    }

    if report.errors.is_empty() {
        Ok(dataset)
    } else {
        report
            .errors
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(DataErrors(report.errors))
    }
}

fn check_figure(report: &mut Report, ids: &IdIndex, file: &FileText, f: &raw::RawFigure) -> Figure {
    let qualifier_text = f.qualifier.get_ref().trim();
    let qualifier = report.one_of(
        file,
        &f.qualifier,
        "qualifier",
        Qualifier::ALL,
        Qualifier::name,
    );
    let value = f.value.as_ref().map(|v| *v.get_ref());
    let bounds = (f.min.as_ref(), f.max.as_ref());
    let id_offset = f.id.span().start;
    let mut mismatch = |offset: usize, message: String| {
        report.at(file, offset, ErrorKind::InconsistentValue, message);
    };
    let amount = if qualifier.needs() == Needs::MinMax {
        if let Some(v) = &f.value {
            mismatch(
                v.span().start,
                "a `range` figure takes `min` and `max`, not `value`".into(),
            );
        }
        match bounds {
            (Some(min), Some(max)) => Amount::Range(*min.get_ref(), *max.get_ref()),
            _ => {
                mismatch(
                    id_offset,
                    "a `range` figure needs both `min` and `max`".into(),
                );
                Amount::Range(0, 0)
            }
        }
    } else {
        if let Some(min) = bounds.0.or(bounds.1) {
            mismatch(
                min.span().start,
                format!("`min`/`max` belong to `range` figures, not `{qualifier_text}`"),
            );
        }
        match (qualifier.needs() == Needs::Value, value) {
            (true, Some(v)) => Amount::Count(v),
            (true, None) => {
                mismatch(
                    id_offset,
                    format!("a `{qualifier_text}` figure needs a `value`"),
                );
                Amount::Count(0)
            }
            (false, Some(_)) => {
                let offset = f.value.as_ref().map_or(id_offset, |v| v.span().start);
                mismatch(
                    offset,
                    format!(
                        "a `{qualifier_text}` figure is a share without a number: remove `value`"
                    ),
                );
                Amount::Share
            }
            (false, None) => Amount::Share,
        }
    };
    if let (Some(min), Some(max)) = bounds
        && min.get_ref() > max.get_ref()
    {
        report.at(
            file,
            min.span().start,
            ErrorKind::InvertedRange,
            format!(
                "range runs backwards: min {} is greater than max {}",
                min.get_ref(),
                max.get_ref()
            ),
        );
    }
    let unit = report.non_empty(file, &f.unit, "unit");
    Figure {
        id: f.id.get_ref().trim().to_string(),
        what: report.non_empty(file, &f.what, "what"),
        unit_one: f.unit_one.as_ref().map_or_else(
            || unit.strip_suffix('s').unwrap_or(&unit).to_string(),
            |one| one.trim().to_string(),
        ),
        unit,
        qualifier,
        amount,
        display: f.display.clone(),
        claimed_by: report.non_empty(file, &f.claimed_by, "claimed_by"),
        date: report.date(file, &f.date, "date"),
        source: ids.expect(report, file, &f.source, Table::Source, "source"),
        event: f
            .event
            .as_ref()
            .map(|e| ids.expect(report, file, e, Table::Event, "event")),
        parts: f
            .parts
            .iter()
            .map(|p| ids.expect(report, file, p, Table::Figure, "parts"))
            .collect(),
        of: f
            .of
            .as_ref()
            .map(|o| ids.expect(report, file, o, Table::Figure, "of")),
        note: f.note.clone(),
    }
}

/// Parts must not add up to more than their total; a subset must not exceed its whole.
fn check_totals(report: &mut Report, file: &FileText, raw: &[raw::RawFigure], dataset: &Dataset) {
    for (f, r) in dataset.figures.iter().zip(raw) {
        if let Some(ceiling) = f.upper_bound() {
            let parts: Vec<&Figure> = f
                .parts
                .iter()
                .filter_map(|p| dataset.figure(&p.id))
                .collect();
            let floor: u64 = parts.iter().map(|p| p.lower_bound()).sum();
            if parts.len() == f.parts.len() && !parts.is_empty() && floor > ceiling {
                let offset = r
                    .parts
                    .first()
                    .map_or(r.id.span().start, |p| p.span().start);
                report.at(
                    file,
                    offset,
                    ErrorKind::PartsExceedTotal,
                    format!(
                        "the parts of `{}` add up to at least {floor}, more than its total of at most {ceiling}",
                        f.id
                    ),
                );
            }
        }
        if let (Some(of), Some(of_raw)) = (f.of.as_ref().and_then(|o| dataset.figure(&o.id)), &r.of)
            && let Some(ceiling) = of.upper_bound()
            && f.lower_bound() > ceiling
        {
            report.at(
                file,
                of_raw.span().start,
                ErrorKind::PartsExceedTotal,
                format!(
                    "`{}` is at least {}, more than the at most {ceiling} of `{}` it is part of",
                    f.id,
                    f.lower_bound(),
                    of.id
                ),
            );
        }
    }
}

/// A coordinate in its range, in thousandths of a degree; an error at its line when it is not.
fn coordinate(
    report: &mut Report,
    file: &FileText,
    value: &toml::Spanned<f64>,
    name: &str,
    limit: f64,
) -> Option<Milli> {
    let degrees = *value.get_ref();
    if !degrees.is_finite() || degrees.abs() > limit {
        report.at(
            file,
            value.span().start,
            ErrorKind::InvalidField,
            format!("`{name}` = {degrees}: a {name} lies between -{limit} and {limit} degrees"),
        );
        return None;
    }
    Some(Milli((degrees * 1000.0).round() as i32))
}

/// A point projected onto the map, in tenths of a map unit; an error when it falls outside the
/// map's frame.
fn on_map(
    report: &mut Report,
    file: &FileText,
    offset: usize,
    lat: Option<Milli>,
    lon: Option<Milli>,
    what: &str,
) -> (i32, i32) {
    // A coordinate out of its range has its own error already.
    let (Some(lat), Some(lon)) = (lat, lon) else {
        return (0, 0);
    };
    let (x, y) = crate::map::Lcc::frame().project(lon.degrees(), lat.degrees());
    if !(0.0..=crate::map::WIDTH).contains(&x) || !(0.0..=crate::map::HEIGHT).contains(&y) {
        report.at(
            file,
            offset,
            ErrorKind::InvalidField,
            format!("{what} lies outside the map's frame (eastern Mediterranean to eastern Iran)"),
        );
    }
    ((x * 10.0).round() as i32, (y * 10.0).round() as i32)
}

fn check_places(
    report: &mut Report,
    ids: &IdIndex,
    file: &FileText,
    raw: &raw::PlacesFile,
    dataset: &mut Dataset,
) {
    for p in &raw.place {
        let id = p.id.get_ref().trim().to_string();
        let lat = coordinate(report, file, &p.lat, "latitude", 90.0);
        let lon = coordinate(report, file, &p.lon, "longitude", 180.0);
        let at = on_map(
            report,
            file,
            p.id.span().start,
            lat,
            lon,
            &format!("place `{id}`"),
        );
        dataset.places.push(Place {
            name: report.non_empty(file, &p.name, "name"),
            country: report.non_empty(file, &p.country, "country"),
            lat: lat.unwrap_or(Milli(0)),
            lon: lon.unwrap_or(Milli(0)),
            coordinates_from: report.non_empty(file, &p.coordinates_from, "coordinates_from"),
            what: report.non_empty(file, &p.what, "what"),
            event: ids.expect(report, file, &p.event, Table::Event, "event"),
            source: ids.expect(report, file, &p.source, Table::Source, "source"),
            at,
            line: file.line_of(p.id.span().start),
            id,
        });
    }
    for c in &raw.country {
        let name = report.non_empty(file, &c.name, "name");
        if dataset.countries.iter().any(|k| k.name == name) {
            report.at(
                file,
                c.name.span().start,
                ErrorKind::DuplicateId,
                format!("country `{name}` is named twice"),
            );
        }
        let lat = coordinate(report, file, &c.lat, "latitude", 90.0);
        let lon = coordinate(report, file, &c.lon, "longitude", 180.0);
        let at = on_map(
            report,
            file,
            c.name.span().start,
            lat,
            lon,
            &format!("country `{name}`'s point"),
        );
        let label_at = match (&c.label_lat, &c.label_lon) {
            (Some(la), Some(lo)) => {
                let (la, lo) = (
                    coordinate(report, file, la, "latitude", 90.0),
                    coordinate(report, file, lo, "longitude", 180.0),
                );
                Some(on_map(
                    report,
                    file,
                    c.name.span().start,
                    la,
                    lo,
                    &format!("country `{name}`'s label"),
                ))
            }
            (None, None) => None,
            _ => {
                report.at(
                    file,
                    c.name.span().start,
                    ErrorKind::InvalidField,
                    format!("country `{name}`: give both `label_lat` and `label_lon`, or neither"),
                );
                None
            }
        };
        dataset.countries.push(CountryLabel {
            label: c
                .label
                .as_ref()
                .map_or_else(|| name.clone(), |l| report.non_empty(file, l, "label")),
            name,
            at,
            label_at,
            line: file.line_of(c.name.span().start),
        });
    }
}

/// The places against the base map: each inside its country's land, each named country on it.
/// `file` is places.toml's path, for the errors.
pub fn check_on_basemap(
    dataset: &Dataset,
    basemap: &crate::map::BaseMapFile,
    file: &Path,
) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut error = |line: usize, kind: ErrorKind, message: String| {
        errors.push(DataError {
            file: file.to_path_buf(),
            line,
            kind,
            message,
        });
    };
    let point = |(x, y): (i32, i32)| (f64::from(x) / 10.0, f64::from(y) / 10.0);
    for p in &dataset.places {
        match basemap.country(&p.country) {
            None => error(
                p.line,
                ErrorKind::MissingReference,
                format!(
                    "place `{}`: no country `{}` on the base map (Natural Earth's names)",
                    p.id, p.country
                ),
            ),
            Some(shape) if !shape.contains(point(p.at)) => error(
                p.line,
                ErrorKind::InvalidField,
                format!(
                    "place `{}` ({}° N, {}° E) lies outside {}'s land",
                    p.id,
                    p.lat.degrees(),
                    p.lon.degrees(),
                    p.country
                ),
            ),
            Some(_) => {}
        }
    }
    for c in &dataset.countries {
        match basemap.country(&c.name) {
            None => error(
                c.line,
                ErrorKind::MissingReference,
                format!(
                    "no country `{}` on the base map (Natural Earth's names)",
                    c.name
                ),
            ),
            Some(shape) if !shape.contains(point(c.at)) => error(
                c.line,
                ErrorKind::InvalidField,
                format!("country `{}`: its point lies outside its land", c.name),
            ),
            Some(_) => {}
        }
    }
    errors
}

fn check_map_step(
    report: &mut Report,
    ids: &IdIndex,
    dataset: &Dataset,
    file: &FileText,
    s: &raw::RawStep,
    chart: Chart,
) -> Option<MapSpec> {
    let country = |report: &mut Report, name: &Text| -> usize {
        let wanted = name.get_ref().trim();
        dataset
            .countries
            .iter()
            .position(|c| c.name == wanted)
            .unwrap_or_else(|| {
                report.at(
                    file,
                    name.span().start,
                    ErrorKind::MissingReference,
                    format!("country `{wanted}`: not a [[country]] of places.toml"),
                );
                0
            })
    };
    if chart != Chart::Map {
        let stray = s
            .map_title
            .as_ref()
            .map(|t| t.span().start)
            .or(s.places.first().map(|p| p.span().start))
            .or(s.countries.first().map(|c| c.span().start))
            .or(s.arrow.as_ref().map(|a| a.span().start));
        if let Some(offset) = stray {
            report.at(
                file,
                offset,
                ErrorKind::InvalidField,
                "`map_title`, `places`, `countries` and `arrow` belong to a step whose chart is `map`".into(),
            );
        }
        return None;
    }
    let title = match &s.map_title {
        Some(t) => report.non_empty(file, t, "map_title"),
        None => {
            report.at(
                file,
                s.chart.span().start,
                ErrorKind::InvalidField,
                "a map step needs a `map_title`".into(),
            );
            String::new()
        }
    };
    if s.places.is_empty() && s.countries.is_empty() {
        report.at(
            file,
            s.chart.span().start,
            ErrorKind::InvalidField,
            "a map step marks at least one place or highlights one country".into(),
        );
    }
    let places = s
        .places
        .iter()
        .map(|id| ids.expect(report, file, id, Table::Place, "places"))
        .collect();
    let countries: Vec<usize> = s.countries.iter().map(|c| country(report, c)).collect();
    let arrow = s.arrow.as_ref().and_then(|a| match &a.get_ref()[..] {
        [from, to] => Some((country(report, from), country(report, to))),
        _ => {
            report.at(
                file,
                a.span().start,
                ErrorKind::InvalidField,
                "`arrow` names two countries: from, to".into(),
            );
            None
        }
    });
    let label = |i: usize| {
        dataset
            .countries
            .get(i)
            .map_or_else(String::new, |c| c.label.clone())
    };
    Some(MapSpec {
        title,
        places,
        labels: countries.iter().map(|&i| label(i)).collect(),
        arrow_labels: arrow.map(|(from, to)| (label(from), label(to))),
        countries,
        arrow,
        svg: String::new(),
    })
}

fn check_story(
    report: &mut Report,
    ids: &IdIndex,
    dataset: &Dataset,
    file: &FileText,
    story: raw::StoryFile,
) -> Story {
    let (events, figures) = (&dataset.events[..], &dataset.figures[..]);
    let title = report.non_empty(file, &story.title, "title");
    let dek = report.non_empty(file, &story.dek, "dek");
    let period = report.date(file, &story.period, "period");
    if story.step.is_empty() {
        report.at(
            file,
            0,
            ErrorKind::InvalidField,
            "the story needs at least one [[step]]".into(),
        );
    }
    let mut slugs: HashMap<String, usize> = HashMap::new();
    let mut steps = Vec::new();
    for s in &story.step {
        let slug = s.slug.get_ref().trim().to_string();
        let line = file.line_of(s.slug.span().start);
        if !is_slug(&slug) {
            report.at(
                file,
                s.slug.span().start,
                ErrorKind::InvalidField,
                format!("`slug` = `{slug}`: use lowercase letters, digits and single hyphens"),
            );
        }
        if let Some(first) = slugs.get(&slug) {
            report.at(
                file,
                s.slug.span().start,
                ErrorKind::DuplicateId,
                format!("duplicate step slug `{slug}`: already used at line {first}"),
            );
        } else {
            slugs.insert(slug.clone(), line);
        }
        let chart = report.one_of(file, &s.chart, "chart", Chart::ALL, Chart::name);
        let caption = report.non_empty(file, &s.caption, "caption");
        let caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = caption.split(' ').filter(|w| !w.is_empty()).count();
        if words > CAPTION_MAX_WORDS {
            report.at(
                file,
                s.caption.span().start,
                ErrorKind::InvalidField,
                format!(
                    "`caption` has {words} words: a caption holds at most {CAPTION_MAX_WORDS} (move the rest into `more`)"
                ),
            );
        }
        let step_events: Vec<Ref> = s
            .events
            .iter()
            .map(|id| ids.expect(report, file, id, Table::Event, "events"))
            .collect();
        for (id, raw_id) in step_events.iter().zip(&s.events) {
            let Some(event) = events.iter().find(|e| e.id == id.id) else {
                continue;
            };
            if chart == Chart::Timeline && event.label.is_none() {
                report.at(
                    file,
                    raw_id.span().start,
                    ErrorKind::MissingReference,
                    format!(
                        "event `{id}` is on a timeline step and needs a `label` in events.toml"
                    ),
                );
            }
            // An event still going on when the story stops ("October 2023 to April 2024")
            // is inside it as long as it can have started and ended within the period.
            if event.date.start.day_number() < period.start.day_number()
                || event.date.end.day_number() > period.end.last_day_number()
            {
                report.at(
                    file,
                    raw_id.span().start,
                    ErrorKind::InvalidField,
                    format!(
                        "event `{id}` ({}) falls outside the story's `period` ({period})",
                        event.date
                    ),
                );
            }
        }
        steps.push(Step {
            slug,
            headline: report.non_empty(file, &s.headline, "headline"),
            caption,
            more: s
                .more
                .as_ref()
                .map(|m| split_paragraphs(m.get_ref()))
                .unwrap_or_default(),
            chart,
            events: step_events,
            figures: s
                .figures
                .iter()
                .map(|id| ids.expect(report, file, id, Table::Figure, "figures"))
                .collect(),
            quotes: s
                .quotes
                .iter()
                .map(|id| ids.expect(report, file, id, Table::Quote, "quotes"))
                .collect(),
            groups: s
                .groups
                .iter()
                .map(|id| ids.expect(report, file, id, Table::Group, "groups"))
                .collect(),
            map: check_map_step(report, ids, dataset, file, s, chart),
            alt: report.non_empty(file, &s.alt, "alt"),
        });
    }
    let charts = check_charts(
        report,
        ids,
        figures,
        file,
        &story.charts,
        &story.step,
        &steps,
    );
    let drawn = |chart: Chart| !matches!(chart, Chart::None | Chart::Sources);
    let share_step = match &story.share_card {
        Some(slug) => {
            let wanted = slug.get_ref().trim();
            match steps.iter().position(|s| s.slug == wanted) {
                Some(i) if drawn(steps[i].chart) => i,
                Some(_) => {
                    report.at(
                        file,
                        slug.span().start,
                        ErrorKind::InvalidField,
                        format!("`share_card` = `{wanted}`: that step draws no chart for the card"),
                    );
                    0
                }
                None => {
                    report.at(
                        file,
                        slug.span().start,
                        ErrorKind::MissingReference,
                        format!("`share_card` = `{wanted}`: no step has this slug"),
                    );
                    0
                }
            }
        }
        None => steps.iter().position(|s| drawn(s.chart)).unwrap_or(0),
    };
    Story {
        title,
        dek,
        period,
        steps,
        share_step,
        charts,
    }
}

/// The placeholders of a note: the role in each `{role}` and `{role:drawn}`, and whether it
/// asks for the drawn number.
pub fn note_roles(note: &str) -> Vec<(&str, bool)> {
    note.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}'))
        .map(|(inside, _)| match inside.strip_suffix(":drawn") {
            Some(role) => (role, true),
            None => (inside, false),
        })
        .collect()
}

fn check_charts(
    report: &mut Report,
    ids: &IdIndex,
    figure_records: &[Figure],
    file: &FileText,
    raw: &raw::RawCharts,
    raw_steps: &[raw::RawStep],
    steps: &[Step],
) -> Vec<ChartSpec> {
    let mut specs = Vec::new();
    for kind in &CHART_KINDS {
        let given = match kind.name {
            "units" => raw.units.as_ref(),
            _ => raw.estimates.as_ref(),
        };
        let Some(chart) = given else {
            if let Some((step, raw_step)) = steps
                .iter()
                .zip(raw_steps)
                .find(|(s, _)| kind.used_by.contains(&s.chart))
            {
                report.at(
                    file,
                    raw_step.chart.span().start,
                    ErrorKind::MissingReference,
                    format!(
                        "step `{}` draws the {} chart, but story.toml has no [charts.{}] saying what it draws",
                        step.slug, kind.name, kind.name
                    ),
                );
            }
            continue;
        };
        let title = report.non_empty(file, &chart.title, "title");
        let mut roles = |table: Table,
                         wanted: &'static [&'static str],
                         given: &std::collections::BTreeMap<String, Text>,
                         what: &str| {
            for (role, id) in given {
                if !wanted.contains(&role.as_str()) {
                    report.at(
                        file,
                        id.span().start,
                        ErrorKind::InvalidField,
                        format!(
                            "the {} chart has no {what} role `{role}`; its roles are {}",
                            kind.name,
                            wanted.join(", ")
                        ),
                    );
                }
            }
            let mut found = Vec::new();
            for role in wanted {
                match given.get(*role) {
                    Some(id) => found.push((*role, ids.expect(report, file, id, table, role))),
                    None => report.at(
                        file,
                        chart.title.span().start,
                        ErrorKind::MissingReference,
                        format!(
                            "[charts.{}] names no {what} for the role `{role}`, which the chart draws",
                            kind.name
                        ),
                    ),
                }
            }
            found
        };
        let figures = roles(Table::Figure, kind.figures, &chart.figures, "figure");
        let groups = roles(Table::Group, kind.groups, &chart.groups, "group");
        let has_number = |role: &str| {
            figures
                .iter()
                .find(|(r, _)| *r == role)
                .and_then(|(_, found)| figure_records.get(found.index).filter(|f| f.id == found.id))
                .is_none_or(|f| !matches!(f.amount, Amount::Share))
        };
        for role in kind.drawn {
            if let (false, Some(id)) = (has_number(role), chart.figures.get(*role)) {
                report.at(
                    file,
                    id.span().start,
                    ErrorKind::InvalidField,
                    format!(
                        "the {} chart draws `{role}` to scale, but `{}` gives no number (only a share in words)",
                        kind.name,
                        id.get_ref().trim()
                    ),
                );
            }
        }
        let mut views = Vec::new();
        for name in kind.views {
            let matching: Vec<&raw::RawView> = chart
                .views
                .iter()
                .filter(|v| v.view.as_ref().map_or("", |n| n.get_ref().trim()) == *name)
                .collect();
            let Some(view) = matching.first() else {
                report.at(
                    file,
                    chart.title.span().start,
                    ErrorKind::MissingReference,
                    format!(
                        "[charts.{}] has no view{} (a [[charts.{}.views]] with its table)",
                        kind.name,
                        if name.is_empty() {
                            String::new()
                        } else {
                            format!(" `{name}`")
                        },
                        kind.name
                    ),
                );
                continue;
            };
            if let Some(extra) = matching.get(1) {
                report.at(
                    file,
                    extra.caption.span().start,
                    ErrorKind::DuplicateId,
                    format!("[charts.{}] gives the view `{name}` twice", kind.name),
                );
            }
            let note = view.note.as_ref().map(|n| n.get_ref().trim().to_string());
            if let (Some(text), Some(raw_note)) = (&note, &view.note) {
                for (role, drawn) in note_roles(text) {
                    if drawn && kind.figures.contains(&role) && !has_number(role) {
                        report.at(
                            file,
                            raw_note.span().start,
                            ErrorKind::InvalidField,
                            format!(
                                "the note draws `{{{role}:drawn}}`, but that figure gives no number"
                            ),
                        );
                    }
                    if !kind.figures.contains(&role) {
                        report.at(
                            file,
                            raw_note.span().start,
                            ErrorKind::MissingReference,
                            format!(
                                "the note names `{{{role}}}`, but the {} chart's figure roles are {}",
                                kind.name,
                                kind.figures.join(", ")
                            ),
                        );
                    }
                }
            }
            views.push(ChartView {
                name,
                caption: report.non_empty(file, &view.caption, "caption"),
                note,
                rows: view
                    .rows
                    .iter()
                    .map(|row| TableRow {
                        what: report.non_empty(file, &row.what, "what"),
                        figure: ids.expect(report, file, &row.figure, Table::Figure, "figure"),
                    })
                    .collect(),
            });
        }
        for view in &chart.views {
            let name = view.view.as_ref().map_or("", |n| n.get_ref().trim());
            if !kind.views.contains(&name) {
                report.at(
                    file,
                    view.caption.span().start,
                    ErrorKind::InvalidField,
                    format!(
                        "the {} chart has no view `{name}`; its views are {}",
                        kind.name,
                        kind.views.join(", ")
                    ),
                );
            }
        }
        specs.push(ChartSpec {
            kind,
            title,
            figures,
            groups,
            views,
        });
    }
    specs
}
