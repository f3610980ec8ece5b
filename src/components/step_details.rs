//! `StepDetails`: what the stage leaves out, behind one button under it — the rest of the
//! step's text, the figures its chart does not label, its quotes, the chart's data table and
//! links to the chart as an image.
//! Closed, it is one button of the same height on every step, so stepping never changes the
//! widget's height; the reader opens it (and it stays open from step to step until closed).

use yew::prelude::*;

use crate::components::chart_image::chart_image_path;
use crate::components::scope::use_id_prefix;
use crate::components::sources_panel::{DownloadHrefs, data_note};
use crate::components::step_chart::chart_table;
use crate::components::step_view::step_extras;
use crate::model::DATASET;
use crate::story::{Chart, STORY};

#[derive(Properties, PartialEq, Clone)]
pub struct StepDetailsProps {
    pub index: usize,
    /// Open from the start (the `tables` option).
    #[prop_or_default]
    pub open: bool,
}

#[component]
pub fn StepDetails(props: &StepDetailsProps) -> Html {
    let open = use_state_eq(|| props.open);
    {
        // The page's options arrive after the first render (which must match the prerender):
        // `tables` then opens the details.
        let open = open.clone();
        use_effect_with(props.open, move |wanted| open.set(*wanted));
    }
    let prefix = use_id_prefix();
    let hrefs = use_context::<DownloadHrefs>().unwrap_or_default();
    let region = format!("{prefix}-details");
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let Some(step) = STORY.steps.get(props.index) else {
        return Html::default();
    };
    html! {
        <div class="step-details">
            <button type="button" class="details-toggle" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={region.clone()} onclick={on_toggle}>
                <span class="details-chevron" aria-hidden="true"></span>
                { "Figures, quotes and data for this step" }
            </button>
            // Drawn only while open: closed, a step change costs nothing here.
            <div id={region} class="details-panel" role="region" aria-label="Figures, quotes and data for this step" hidden={!*open}>
                if *open {
                    // Keyed by step: rebuilt, not patched (see `step_view`'s keys).
                    <div class="details-content" key={props.index}>
                        { for step.more.iter().map(|p| html! { <p class="step-more">{ *p }</p> }) }
                        { step_extras(props.index) }
                        if let Some(table) = chart_table(props.index) {
                            <div class="chart-data">{ table }</div>
                        }
                        { chart_image_links(props.index, &hrefs) }
                        if step.chart == Chart::Sources {
                            <p class="chart-note">{ data_note() }</p>
                            { dating_notes() }
                        }
                    </div>
                }
            </div>
        </div>
    }
}

/// "Download this chart": links to the step's chart image as PNG and SVG (`cargo xtask dist`
/// writes them under images/), where the page can offer them.
fn chart_image_links(index: usize, hrefs: &DownloadHrefs) -> Html {
    let link = |ext: &str, label: &'static str| {
        let path = chart_image_path(index, ext)?;
        let href = hrefs.offered(&path)?;
        let name = path.rsplit('/').next().unwrap_or(&path).to_string();
        Some(html! { <a class="download" href={href} download={name}>{ label }</a> })
    };
    let (Some(png), Some(svg)) = (link("png", "PNG image"), link("svg", "SVG image")) else {
        return Html::default();
    };
    html! {
        <p class="chart-image-links">{ "Download this chart: " }{ png }{ " · " }{ svg }</p>
    }
}

/// How each article's date was worked out from its text.
pub fn dating_notes() -> Html {
    html! {
        <div class="dating-notes">
            { for DATASET.sources.iter().map(|s| html! {
                <p key={s.id}><cite>{ s.short_title }</cite>{ ": " }{ s.published_reasoning }</p>
            }) }
        </div>
    }
}
