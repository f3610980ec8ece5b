//! `StepView`: one step of the story — a group named "N of M: headline" holding the headline,
//! the narration, the chart, the step's key figures and quotes; or, `flat`, one section of
//! the whole story for print.

use yew::prelude::*;

use crate::components::figure_card::figure_card;
use crate::components::quote_block::quote_block;
use crate::components::scope::use_id_prefix;
use crate::components::step_chart::step_chart;
use crate::story::STORY;

#[derive(Properties, PartialEq, Clone)]
pub struct StepViewProps {
    /// Index into `STORY.steps`.
    pub index: usize,
    /// Open every chart's data table from the start.
    #[prop_or_default]
    pub tables_open: bool,
    /// One section of the whole story laid out flat (print, no script), not a carousel slide.
    #[prop_or_default]
    pub flat: bool,
}

#[component]
pub fn StepView(props: &StepViewProps) -> Html {
    let prefix = use_id_prefix();
    let Some(step) = STORY.steps.get(props.index) else {
        return Html::default();
    };
    let position = format!("{} of {}", props.index + 1, STORY.len());
    // Four children on every step, whatever the step holds: the quotes sit in a fragment of
    // their own. Spliced in directly, a step with one more or one fewer quote would shift
    // every sibling, and Yew would rebuild the narration, the chart and the figures.
    let body = html! {
        <>
            <div class="step-narration">
                { for step.narration.iter().map(|p| html! { <p>{ *p }</p> }) }
            </div>
            { step_chart(props.index, props.tables_open, props.flat) }
            if !step.figures.is_empty() {
                <ul class="figures">
                    { for step.figures.iter().map(|id| figure_card(id)) }
                </ul>
            }
            <>
                { for step.quotes.iter().map(|id| quote_block(id)) }
            </>
        </>
    };
    if props.flat {
        return html! {
            <section class="flat-step" data-step={step.slug}>
                <p class="flat-position">{ format!("Step {position}") }</p>
                <h2 class="flat-headline">{ step.headline }</h2>
                { body }
            </section>
        };
    }
    html! {
        <div class="step" role="group" aria-roledescription="slide" aria-label={format!("{position}: {}", step.headline)}
            id={format!("{prefix}-step-{}", step.slug)} data-step={step.slug}>
            <h2 class="step-headline">{ step.headline }</h2>
            { body }
        </div>
    }
}
