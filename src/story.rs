//! story: the explainer's steps (from data/story.toml, compiled in as `STORY`) and the pure
//! state machine a reader drives through them: [`Cursor`] + [`Action`].
//!
//! May import `model` and `escalation_domain` (whose `Chart` it re-exports) only; no yew, no
//! DOM. The app wraps `Cursor` in a reducer; tests drive it natively.

pub use escalation_domain::Chart;

use crate::model::{Date, DateSpan, EVENTS, Event, FIGURES, Figure, PLACES, Place, QUOTES, Quote};

#[derive(Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable, URL-safe name: the deep link is `#step-<slug>`.
    pub slug: &'static str,
    pub headline: &'static str,
    /// The short text under the step's chart (at most 60 words, checked at build time).
    pub caption: &'static str,
    /// What the caption leaves out, for the step's details: paragraphs, in our own words.
    pub more: &'static [&'static str],
    pub chart: Chart,
    /// The events, figures and quotes this step shows: the records themselves, resolved
    /// from their ids at build time.
    pub events: &'static [&'static Event],
    pub figures: &'static [&'static Figure],
    pub quotes: &'static [&'static Quote],
    /// A map step's places, highlights and arrow.
    pub map: Option<MapView>,
    /// What the step's chart shows, for readers who cannot see it.
    pub alt: &'static str,
}

#[derive(Debug)]
pub struct Story {
    pub title: &'static str,
    pub dek: &'static str,
    /// The stretch of time the explainer covers.
    pub period: DateSpan,
    pub steps: &'static [Step],
    /// The step whose chart the share card shows (story.toml's `share_card`).
    pub share_step: usize,
}

/// What a map step shows on the one base map.
#[derive(Debug, PartialEq, Eq)]
pub struct MapView {
    pub title: &'static str,
    /// The drawing, SVG markup laid out at build time (`datakit::map_svg`): `{base}` stands
    /// for the id stem of the base map's symbols it uses.
    pub svg: &'static str,
    /// The places it marks and labels.
    pub places: &'static [&'static Place],
    /// The countries it highlights (with the same neutral tint), by label.
    pub countries: &'static [&'static str],
    /// A schematic arrow from one country to another: a direction, not a route.
    pub arrow: Option<(&'static str, &'static str)>,
}

/// What the charts draw, from story.toml's `[charts.*]`: each chart's figures by role, as the
/// records themselves, and its views' tables and notes.
#[derive(Debug)]
pub struct Charts {
    pub units: UnitsChart,
    pub estimates: EstimatesChart,
}

/// The unit chart of the barrage, and its three views.
#[derive(Debug)]
pub struct UnitsChart {
    pub title: &'static str,
    pub total: &'static Figure,
    pub drones: &'static Figure,
    pub cruise: &'static Figure,
    pub ballistic: &'static Figure,
    pub entered: &'static Figure,
    pub downed_before: &'static Figure,
    pub downed_inside: &'static Figure,
    pub intercepted: &'static Figure,
    pub reached: &'static Figure,
    /// The figures by role, for the notes' placeholders.
    pub roles: &'static [(&'static str, &'static Figure)],
    pub by_type: ChartView,
    pub by_airspace: ChartView,
    pub outcome: ChartView,
}

/// Israel's estimates against what Iran launched.
#[derive(Debug)]
pub struct EstimatesChart {
    pub title: &'static str,
    pub first: &'static Figure,
    pub revised: &'static Figure,
    pub ballistic: &'static Figure,
    pub cruise: &'static Figure,
    pub drones: &'static Figure,
    pub total: &'static Figure,
    pub roles: &'static [(&'static str, &'static Figure)],
    pub view: ChartView,
}

/// One view of a chart: its data table and the note under its drawing.
#[derive(Debug)]
pub struct ChartView {
    pub caption: &'static str,
    /// `{role}` and `{role:drawn}` stand for figures: see [`fill_note`].
    pub note: Option<&'static str>,
    pub rows: &'static [TableRow],
}

/// A row of a chart's data table: what it counts, and the figure.
#[derive(Debug)]
pub struct TableRow {
    pub what: &'static str,
    pub figure: &'static Figure,
}

impl ChartView {
    /// The figures the view's table gives: the ones the chart shows, which the step's cards
    /// need not repeat.
    pub fn figures(&self) -> impl Iterator<Item = &'static Figure> + '_ {
        self.rows.iter().map(|row| row.figure)
    }
}

/// A note with its placeholders filled: `{role}` by the role's figure as the source states it,
/// `{role:drawn}` by the number the chart draws for it. The roles are checked at build time;
/// a placeholder that names none is left as written.
pub fn fill_note(note: &str, roles: &[(&str, &Figure)]) -> String {
    let mut out = String::with_capacity(note.len() + 16);
    let mut rest = note;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inside = &after[..close];
        let (role, drawn) = match inside.strip_suffix(":drawn") {
            Some(role) => (role, true),
            None => (inside, false),
        };
        match roles.iter().find(|(r, _)| *r == role) {
            Some((_, figure)) if drawn => {
                out.push_str(&figure.nominal().unwrap_or_default().to_string());
            }
            Some((_, figure)) => out.push_str(&figure.label()),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

include!(concat!(env!("OUT_DIR"), "/story.rs"));

impl Story {
    /// The index of the step with this slug.
    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.slug == slug)
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// What a reader can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    GoTo(usize),
}

/// The keys a reader moves the story with, on the stage and on its step targets alike (the
/// WAI-ARIA tabs pattern: the arrows move and select, Home and End go to either end).
pub fn action_for_key(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" => Some(Action::Next),
        "ArrowLeft" => Some(Action::Prev),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        _ => None,
    }
}

/// Who asked for a move. The page glue (`embed`) uses it after the step has rendered: a move
/// the reader made inside the widget brings the stage into view and keeps the focus in the
/// widget; a move made by the host (a link, `go_to`, a message) does neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// The step the widget opened on.
    #[default]
    Start,
    /// The Previous and Next buttons.
    Controls,
    /// The per-step targets above the stage (a click, or the arrow keys on them).
    Tabs,
    /// A key pressed with the focus elsewhere on the stage.
    Keys,
    /// A horizontal swipe on a touch screen.
    Swipe,
    /// The host page: the URL's hash, `go_to`, a message.
    Host,
}

impl Origin {
    /// Whether the reader made this move from inside the widget.
    pub fn is_reader(self) -> bool {
        matches!(
            self,
            Origin::Controls | Origin::Tabs | Origin::Keys | Origin::Swipe
        )
    }
}

/// Where the reader is: always a valid index into a story of `len` steps (0 when empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    index: usize,
    len: usize,
}

impl Cursor {
    /// A cursor at `start`, clamped into the story.
    pub fn new(len: usize, start: usize) -> Self {
        Self {
            index: start.min(len.saturating_sub(1)),
            len,
        }
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn is_first(&self) -> bool {
        self.index == 0
    }

    pub fn is_last(&self) -> bool {
        self.index + 1 >= self.len
    }

    /// The cursor after `action`; moves past either end stay put.
    pub fn apply(self, action: Action) -> Self {
        let last = self.len.saturating_sub(1);
        let index = match action {
            Action::Next => (self.index + 1).min(last),
            Action::Prev => self.index.saturating_sub(1),
            Action::First => 0,
            Action::Last => last,
            Action::GoTo(i) => i.min(last),
        };
        Self { index, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_fill_their_placeholders_with_the_figures() {
        let roles: Vec<(&str, &Figure)> = CHARTS.units.roles.to_vec();
        assert_eq!(
            fill_note(
                "Cruise missiles: “{cruise}”, drawn as {cruise:drawn}.",
                &roles
            ),
            "Cruise missiles: “three dozen”, drawn as 36."
        );
        assert_eq!(fill_note("no placeholder", &roles), "no placeholder");
        assert_eq!(fill_note("{nobody} and {", &roles), "{nobody} and {");
        assert_eq!(
            fill_note("{reached} got through", &roles),
            "a few got through"
        );
    }

    #[test]
    fn keys_map_to_story_actions() {
        assert_eq!(action_for_key("ArrowRight"), Some(Action::Next));
        assert_eq!(action_for_key("ArrowLeft"), Some(Action::Prev));
        assert_eq!(action_for_key("Home"), Some(Action::First));
        assert_eq!(action_for_key("End"), Some(Action::Last));
        assert_eq!(action_for_key("Enter"), None, "a click selects already");
    }

    #[test]
    fn cursor_moves_and_stops_at_the_ends() {
        let c = Cursor::new(3, 0);
        assert!(c.is_first());
        assert_eq!(c.apply(Action::Prev).index(), 0);
        assert_eq!(c.apply(Action::Next).index(), 1);
        assert_eq!(
            c.apply(Action::Next)
                .apply(Action::Next)
                .apply(Action::Next)
                .index(),
            2
        );
        assert!(c.apply(Action::Last).is_last());
        assert_eq!(c.apply(Action::Last).apply(Action::First).index(), 0);
        assert_eq!(c.apply(Action::GoTo(1)).index(), 1);
        assert_eq!(c.apply(Action::GoTo(99)).index(), 2);
    }

    #[test]
    fn cursor_clamps_its_start_and_survives_an_empty_story() {
        assert_eq!(Cursor::new(3, 7).index(), 2);
        let empty = Cursor::new(0, 5);
        assert_eq!(empty.index(), 0);
        assert!(empty.is_empty());
        assert_eq!(empty.apply(Action::Next).index(), 0);
        assert_eq!(empty.apply(Action::Last).index(), 0);
    }

    #[test]
    fn every_step_slug_resolves_to_its_index() {
        assert!(!STORY.is_empty());
        for (i, step) in STORY.steps.iter().enumerate() {
            assert_eq!(STORY.index_of(step.slug), Some(i));
        }
        assert_eq!(STORY.index_of("no-such-step"), None);
    }
}
