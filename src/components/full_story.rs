//! `FullStory`: every step in order, laid out flat, each with its text, chart, figures, quotes
//! and data table. Hidden on screen while the interactive explainer runs; it is what a
//! printout, a reader without script and the static fallback show. Each step renders in its
//! own id scope, so repeated charts keep unique ids. `FlatCopy` is the same, standing alone
//! beside the widget on the bundle's own page.

use yew::prelude::*;

use crate::components::scope::{DEFAULT_PREFIX, IdScope, use_id_prefix};
use crate::components::sources_panel::SourcesPanel;
use crate::components::sources_panel::colophon;
use crate::components::step_details::dating_notes;
use crate::components::step_view::StepView;
use crate::story::{Chart, STORY};

#[component]
pub fn FullStory() -> Html {
    let prefix = use_id_prefix();
    let has_sources_step = STORY.steps.iter().any(|s| s.chart == Chart::Sources);
    html! {
        <div class="full-story">
            { for (0..STORY.len()).map(|i| html! {
                <ContextProvider<IdScope> key={i} context={IdScope(format!("{prefix}-print-{i}").into())}>
                    <StepView index={i} flat={true} />
                </ContextProvider<IdScope>>
            }) }
            if !has_sources_step {
                <SourcesPanel />
            }
            { dating_notes() }
            { colophon() }
        </div>
    }
}

/// The id of the prerendered flat copy on the bundle's own page.
pub const FLAT_COPY_ID: &str = "escalation-flat";

/// The flat story on its own, for the page's prerender: it sits beside the widget's root as
/// plain markup, hidden on screen, so print, readers without script and the static fallback
/// have every step while the wasm renders only the live step.
#[component]
pub fn FlatCopy() -> Html {
    html! {
        <div class="escalation escalation-flat" id={FLAT_COPY_ID}>
            <ContextProvider<IdScope> context={IdScope(DEFAULT_PREFIX.into())}>
                <FullStory />
            </ContextProvider<IdScope>>
        </div>
    }
}
