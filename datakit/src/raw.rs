//! The files' shapes exactly as editors write them: one serde struct per table, unknown keys
//! rejected, and `Spanned` wherever a later check must point at a line.

use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Text,
    pub title: Text,
    pub short_title: Option<Text>,
    pub subtitle: Option<String>,
    pub outlet: Option<String>,
    pub published: Text,
    pub published_reasoning: Text,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    #[serde(default)]
    pub event: Vec<RawEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Text,
    pub date: Text,
    pub date_words: Option<Text>,
    pub date_reasoning: Option<String>,
    pub place: Option<Text>,
    pub actors: Vec<String>,
    pub kind: Text,
    pub label: Option<Text>,
    pub summary: Text,
    pub source: Text,
    pub claimed_by: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    #[serde(default)]
    pub figure: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: Text,
    pub what: Text,
    pub unit: Text,
    pub unit_one: Option<String>,
    pub qualifier: Text,
    pub value: Option<Spanned<u32>>,
    pub min: Option<Spanned<u32>>,
    pub max: Option<Spanned<u32>>,
    pub display: Option<String>,
    pub claimed_by: Text,
    pub date: Text,
    pub source: Text,
    pub event: Option<Text>,
    #[serde(default)]
    pub parts: Vec<Text>,
    pub of: Option<Text>,
    pub note: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct QuotesFile {
    #[serde(default)]
    pub quote: Vec<RawQuote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub id: Text,
    pub speaker: Text,
    pub role: Option<String>,
    pub text: Text,
    pub date: Text,
    pub date_words: Option<Text>,
    pub date_reasoning: Option<String>,
    pub context: Option<String>,
    pub source: Text,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GroupsFile {
    #[serde(default)]
    pub group: Vec<RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: Text,
    pub label: Text,
    pub members: Spanned<Vec<String>>,
    pub claimed_by: Text,
    pub source: Text,
    pub note: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default)]
    pub place: Vec<RawPlace>,
    #[serde(default)]
    pub country: Vec<RawCountry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlace {
    pub id: Text,
    pub name: Text,
    pub country: Text,
    pub lat: Spanned<f64>,
    pub lon: Spanned<f64>,
    pub coordinates_from: Text,
    pub what: Text,
    pub event: Text,
    pub source: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub name: Text,
    pub label: Option<Text>,
    pub lat: Spanned<f64>,
    pub lon: Spanned<f64>,
    pub label_lat: Option<Spanned<f64>>,
    pub label_lon: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    pub title: Text,
    pub dek: Text,
    pub period: Text,
    /// The slug of the step whose chart the share card shows.
    pub share_card: Option<Text>,
    #[serde(default)]
    pub step: Vec<RawStep>,
    #[serde(default)]
    pub charts: RawCharts,
}

/// What each chart draws, by chart: `[charts.units]`, `[charts.estimates]`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawCharts {
    pub units: Option<RawChart>,
    pub estimates: Option<RawChart>,
}

/// One chart: its title, the figures (and groups) it draws by the role each plays, and its
/// views, each with its data table and an optional note.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub title: Text,
    pub figures: std::collections::BTreeMap<String, Text>,
    #[serde(default)]
    pub groups: std::collections::BTreeMap<String, Text>,
    pub views: Vec<RawView>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawView {
    /// Which view: the unit chart has three (`by-type`, `by-airspace`, `outcome`); the
    /// others one, unnamed.
    pub view: Option<Text>,
    /// The data table's caption.
    pub caption: Text,
    /// A line under the drawing; `{role}` stands for the role's figure as the source states
    /// it, `{role:drawn}` for the number the chart draws.
    pub note: Option<Text>,
    pub rows: Vec<RawRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    pub what: Text,
    pub figure: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub slug: Text,
    pub headline: Text,
    pub caption: Text,
    pub more: Option<Text>,
    pub chart: Text,
    #[serde(default)]
    pub events: Vec<Text>,
    #[serde(default)]
    pub figures: Vec<Text>,
    #[serde(default)]
    pub quotes: Vec<Text>,
    #[serde(default)]
    pub groups: Vec<Text>,
    /// A map step's chart title.
    pub map_title: Option<Text>,
    /// The places a map step marks (ids in places.toml).
    #[serde(default)]
    pub places: Vec<Text>,
    /// The countries a map step highlights (names of places.toml's `[[country]]`).
    #[serde(default)]
    pub countries: Vec<Text>,
    /// A map step's schematic arrow: from one country to another.
    pub arrow: Option<Spanned<Vec<Text>>>,
    pub alt: Text,
}
