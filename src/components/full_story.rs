//! `FullStory`: every step in order, laid out flat, each with its chart, figures and data
//! table. Hidden on screen while the interactive explainer runs; it is what a printout shows.
//! Each step renders in its own id scope, so repeated charts keep unique ids.

use yew::prelude::*;

use crate::components::scope::{IdScope, use_id_prefix};
use crate::components::sources_panel::SourcesPanel;
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
                    <StepView index={i} flat={true} tables_open={true} />
                </ContextProvider<IdScope>>
            }) }
            if !has_sources_step {
                <SourcesPanel />
            }
        </div>
    }
}
