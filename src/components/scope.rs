//! scope: the id prefix of one rendering of the story, shared by context (with, in the live
//! widget, the page's painter for the unit chart's canvas), and the ids built from it that
//! ARIA attributes and the page glue (`embed`) point at. Two widgets on a page, or the printed
//! copy of every step beside the live step, each get their own prefix, so the ids stay
//! unique. Every id made from a prefix is the prefix, `-` and a word that starts with
//! a letter (`esc-stage`, `esc-print-3-chart`): `embed::instances` relies on it to number
//! repeated prefixes (`esc-2`), and checks it.

use yew::prelude::*;

use crate::components::units_canvas::Painter;

/// What one rendering of the story shares by context: its id prefix and, in the live widget,
/// the page's painter for the unit chart's canvas (see `units_canvas`).
#[derive(Clone, PartialEq)]
pub struct IdScope {
    pub prefix: AttrValue,
    pub painter: Painter,
}

impl IdScope {
    /// A scope with no painter: its unit charts draw their marks as SVG.
    pub fn new(prefix: impl Into<AttrValue>) -> IdScope {
        IdScope {
            prefix: prefix.into(),
            painter: Painter::default(),
        }
    }
}

/// The id prefix of the widget on the bundle's own page, and outside any scope.
pub const DEFAULT_PREFIX: &str = "esc";

/// The current id prefix ([`DEFAULT_PREFIX`] outside any scope).
#[hook]
pub fn use_id_prefix() -> AttrValue {
    use_context::<IdScope>().map_or_else(|| AttrValue::from(DEFAULT_PREFIX), |s| s.prefix)
}

/// The id of the stage (controls, step and its chart) of the widget with id prefix `prefix`:
/// the page glue brings it into view.
pub fn stage_id(prefix: &str) -> String {
    format!("{prefix}-stage")
}

/// The id of the step's slide, which takes the focus when the focused control went away.
pub fn slide_id(prefix: &str) -> String {
    format!("{prefix}-slide")
}

/// The id of step `index`'s target in the progress row.
pub fn tab_id(prefix: &str, index: usize) -> String {
    format!("{prefix}-tab-{}", index + 1)
}

/// The id of a step's chart in the flat story (one scope per step), whose title and
/// description ids start with it.
pub fn chart_id(prefix: &str) -> String {
    format!("{prefix}-chart")
}

/// The id of the chart in the stage's chart box `key` (`step_view::chart_box_key`): the stage
/// holds the live step's box and its neighbours', each with ids of its own.
pub fn stage_chart_id(prefix: &str, key: &str) -> String {
    format!("{prefix}-chart-{key}")
}

/// The key of the chart box the unit-chart steps share (their marks move from view to view).
pub const UNITS_BOX: &str = "units";

/// The id of the canvas laid over the chart with id `chart_id`, on which the page's painter
/// draws the live unit chart's marks.
pub fn marks_canvas_id(chart_id: &str) -> String {
    format!("{chart_id}-marks")
}
