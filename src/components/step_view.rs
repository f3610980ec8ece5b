//! `StepView`: one step of the story. Live, it is the slide on the stage — the headline, the
//! chart (title, drawing, legend, source line) and a short caption — made to fit one phone
//! screen and to be exactly as tall on every step; `flat`, it is one section of the whole
//! story for print and readers without script, with everything the step holds.
//!
//! How the slide keeps one height: it is three slots, and each slot lays out, in one grid cell
//! with the live content, an invisible stand-in of that slot for every step (hidden from
//! assistive technology too). Each slot is then as tall as its tallest step at the current
//! width, whatever the width, with no script; and the chart box starts at the same place on
//! every step, so a chart that regroups from step to step never jumps.
//!
//! ```text
//! ┌ top ────────┐  headline, chart title       live + 12 stand-ins, stacked
//! ├ box ────────┤  the drawing (one shape)     live + the sources list's stand-in
//! ├ bottom ─────┤  legend, source, caption     live + 12 stand-ins, stacked
//! └─────────────┘
//! ```

use yew::prelude::*;

use crate::components::chart_frame::{chart_footer, chart_svg};
use crate::components::figure_card::figure_card;
use crate::components::map_chart::{flat_map_base, is_first_map};
use crate::components::quote_block::quote_block;
use crate::components::scope::use_id_prefix;
use crate::components::scope::{chart_id, slide_id};
use crate::components::sources_panel::{Downloads, SourcesPanel, source_list};
use crate::components::step_chart::{card_figures, chart_drawing_in, chart_table, chart_words};
use crate::story::{Chart, STORY};

#[derive(Properties, PartialEq, Clone)]
pub struct StepViewProps {
    /// Index into `STORY.steps`.
    pub index: usize,
    /// One section of the whole story laid out flat (print, no script), not a slide.
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
    let words = chart_words(props.index);
    let chart_id = chart_id(&prefix);
    let title_id = format!("{chart_id}-title");
    let alt = AttrValue::from(step.alt);
    let is_sources = step.chart == Chart::Sources;
    // The flat story's map steps share its one copy of the base map; the stage brings its own.
    let (map_base, inline) = if props.flat {
        (flat_map_base(&prefix), is_first_map(props.index))
    } else {
        (format!("{prefix}-map"), true)
    };
    let chart_box = match chart_drawing_in(props.index, props.flat, &map_base, inline) {
        Some(drawing) => {
            let title = words.as_ref().map(|w| w.title.clone()).unwrap_or_default();
            chart_svg(&chart_id, &title, &alt, drawing, !props.flat)
        }
        None if is_sources && props.flat => html! { <SourcesPanel /> },
        None if is_sources => source_list(),
        None => Html::default(),
    };
    let chart_title = words.as_ref().map(|w| {
        html! { <h3 class="chart-title" id={title_id.clone()}>{ w.title.clone() }</h3> }
    });
    let footer = words.as_ref().map(chart_footer).unwrap_or_default();
    if props.flat {
        return html! {
            <section class="flat-step" data-step={step.slug}>
                <p class="flat-position">{ format!("Step {position}") }</p>
                <h2 class="flat-headline">{ step.headline }</h2>
                <p class="step-caption">{ step.caption }</p>
                { for step.more.iter().map(|p| html! { <p class="step-more">{ *p }</p> }) }
                <div class="chart">
                    if !is_sources {
                        { chart_title.unwrap_or_default() }
                    }
                    <div class="chart-figure">{ chart_box }</div>
                    if !is_sources {
                        { footer }
                    }
                </div>
                { step_extras(props.index) }
                if let Some(table) = chart_table(props.index) {
                    <div class="chart-data">{ table }</div>
                }
            </section>
        };
    }
    html! {
        <div class="step" role="tabpanel" aria-roledescription="slide"
            aria-label={format!("{position}: {}", step.headline)}
            id={slide_id(&prefix)} tabindex="-1" data-step={step.slug}>
            <div class="slot slot-top">
                <div class="slot-live" key={props.index}>
                    <h2 class="step-headline">{ step.headline }</h2>
                    { chart_title.unwrap_or_default() }
                </div>
                <TopPhantoms />
            </div>
            <div class="slot slot-box">
                <div class="slot-live chart-box" key={chart_box_key(props.index, step.chart)}>{ chart_box }</div>
                <BoxPhantom />
            </div>
            <div class="slot slot-bottom">
                <div class="slot-live" key={props.index}>
                    { footer }
                    if is_sources {
                        <Downloads />
                    }
                    <p class="step-caption">{ step.caption }</p>
                </div>
                <BottomPhantoms />
            </div>
        </div>
    }
}

/// What the live slide's parts are keyed by, so that a step change rebuilds them rather than
/// patching their text in place. Browser translation and some extensions replace the page's
/// text nodes with their own (`<font>` wrappers): Yew would go on updating the detached
/// originals, and the reader would see step 1 on every step. A rebuilt element brings new text
/// nodes. The chart box is kept across consecutive unit-chart steps, whose marks move from view
/// to view; the text inside it is keyed by view (see `UnitsMarks` and `chart_svg`).
fn chart_box_key(index: usize, chart: Chart) -> String {
    match chart {
        Chart::UnitsByType | Chart::UnitsByAirspace | Chart::UnitsOutcome => "units".into(),
        _ => index.to_string(),
    }
}

/// The step's figures that its chart does not label, and its quotes: what the details (and
/// the flat story) add to the chart.
pub fn step_extras(index: usize) -> Html {
    let Some(step) = STORY.steps.get(index) else {
        return Html::default();
    };
    let cards = card_figures(index);
    html! {
        <>
            if !cards.is_empty() {
                <ul class="figures">
                    { for cards.iter().map(|id| figure_card(id)) }
                </ul>
            }
            { for step.quotes.iter().map(|id| quote_block(id)) }
        </>
    }
}

// The stand-ins: every step's words, laid out as the live slide lays them out, invisible (see
// the module comment). No props, so each renders once and never again.

/// Every step's headline and chart title.
#[component]
fn TopPhantoms() -> Html {
    html! {
        <>
            { for STORY.steps.iter().enumerate().map(|(i, step)| html! {
                <div class="slot-phantom" aria-hidden="true">
                    <p class="step-headline-twin">{ step.headline }</p>
                    if let Some(words) = chart_words(i) {
                        <p class="chart-title-twin">{ words.title }</p>
                    }
                </div>
            }) }
        </>
    }
}

/// The chart box as the sources step fills it, when the story has one.
#[component]
fn BoxPhantom() -> Html {
    let has_sources = STORY.steps.iter().any(|s| s.chart == Chart::Sources);
    html! {
        <div class="slot-phantom chart-box" aria-hidden="true">
            if has_sources {
                { source_list() }
            }
        </div>
    }
}

/// Every step's legend, source line and caption.
#[component]
fn BottomPhantoms() -> Html {
    html! {
        <>
            { for STORY.steps.iter().enumerate().map(|(i, step)| html! {
                <div class="slot-phantom" aria-hidden="true">
                    { chart_words(i).as_ref().map(chart_footer).unwrap_or_default() }
                    if step.chart == Chart::Sources {
                        <Downloads phantom={true} />
                    }
                    <p class="step-caption-twin">{ step.caption }</p>
                </div>
            }) }
        </>
    }
}
