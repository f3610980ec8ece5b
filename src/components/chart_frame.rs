//! `chart_frame`: what every chart shares. A chart is its words — a title, a legend with its
//! notes, a source line naming the article — and its drawing, SVG content in a coordinate
//! space [`WIDTH`] wide. The two are kept apart so the stage can reserve room for every step's
//! words (see `step_view`), and a drawing is framed in one of two ways: on the stage, in a
//! box of the same shape on every step ([`STAGE_HEIGHT`] tall), so a step change never
//! changes the stage's height; in the flat story, at its own height.
//!
//! The data table that goes with a chart is its own piece (`step_chart::chart_table`): it sits
//! in the step's details, below the stage.

use yew::prelude::*;

use crate::components::source_line::source_line;
use crate::geom::{WIDTH, fmt};
use crate::model::Source;

/// The height of the coordinate space every chart is drawn into on the stage. A drawing must
/// fit it (tests/ssr.rs checks every step's); a shorter one is centred.
pub const STAGE_HEIGHT: f64 = 220.0;

/// A chart's words: what the stage reserves room for, and what a chart image prints around
/// the drawing. Plain values: [`chart_footer`] makes them markup for the page, and the image
/// (`chart_image`) SVG text.
#[derive(Clone, PartialEq, Default)]
pub struct ChartWords {
    pub title: AttrValue,
    /// Keys to the drawing's marks, each a swatch (its CSS class) and what it stands for.
    pub legend: Vec<LegendEntry>,
    /// A note on reading the drawing.
    pub note: Option<String>,
    /// The articles the chart draws on, for its source line; none for a chart without one.
    pub sources: Vec<&'static Source>,
}

/// One key in a chart's legend.
#[derive(Clone, PartialEq, Debug)]
pub struct LegendEntry {
    /// The swatch's class (`swatch <class>` in the stylesheet).
    pub swatch: &'static str,
    pub text: String,
}

/// A chart's drawing: SVG content and the height it needs in the [`WIDTH`]-wide space.
#[derive(Clone, PartialEq)]
pub struct Drawing {
    pub height: f64,
    pub content: Html,
}

/// The SVG of a drawing, an image named by the chart's title and described by the step's alt
/// text. `stage` draws it into the stage's fixed box, centred.
pub fn chart_svg(
    id: &str,
    title: &AttrValue,
    description: &AttrValue,
    drawing: Drawing,
    stage: bool,
) -> Html {
    let title_id = format!("{id}-svg-title");
    let desc_id = format!("{id}-desc");
    let (height, offset) = if stage {
        (
            STAGE_HEIGHT,
            ((STAGE_HEIGHT - drawing.height) / 2.0).max(0.0),
        )
    } else {
        (drawing.height, 0.0)
    };
    let view_box = format!("0 0 {} {}", fmt(WIDTH), fmt(height));
    html! {
        <svg class="chart-svg" viewBox={view_box} role="img" preserveAspectRatio="xMidYMid meet"
            aria-labelledby={format!("{title_id} {desc_id}")}>
            // Keyed by their text: a new text is a new element (see `step_view`'s keys).
            <title id={title_id} key={format!("title:{title}")}>{ title.clone() }</title>
            <desc id={desc_id} key={format!("desc:{description}")}>{ description.clone() }</desc>
            if offset > 0.0 {
                <g transform={format!("translate(0 {})", fmt(offset))}>{ drawing.content }</g>
            } else {
                { drawing.content }
            }
        </svg>
    }
}

/// The words under a drawing: the legend or the note, then "Source: …".
pub fn chart_footer(words: &ChartWords) -> Html {
    html! {
        <>
            if !words.legend.is_empty() {
                <ul class="legend">
                    { for words.legend.iter().map(|entry| html! {
                        <li><span class={classes!("swatch", entry.swatch)} aria-hidden="true"></span>{ entry.text.clone() }</li>
                    }) }
                </ul>
            }
            if let Some(note) = &words.note {
                <p class="chart-note">{ note.clone() }</p>
            }
            if !words.sources.is_empty() {
                <p class="chart-source">{ source_line(&words.sources) }</p>
            }
        </>
    }
}
