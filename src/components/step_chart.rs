//! `step_chart`: the chart a step asks for, in pieces — its words, its drawing, its data table
//! and the figures it labels — so the stage can lay them out and reserve room for every
//! step's words, the details can hold the table, and no figure the chart labels is repeated
//! as a card. Consecutive unit-chart steps draw one `UnitsMarks` at one place in the tree, so
//! its marks animate from view to view.

use yew::prelude::*;

use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::estimates_chart::{
    estimates_drawing, estimates_labelled, estimates_table, estimates_words,
};
use crate::components::map_chart::{map_drawing, map_table, map_words};
use crate::components::timeline_chart::{timeline_drawing, timeline_table, timeline_words};
use crate::components::units_chart::{units_drawing, units_labelled, units_table, units_words};
use crate::geom::units::View;
use crate::model::Figure;
use crate::story::{Chart, STORY, Step};

fn step(index: usize) -> Option<&'static Step> {
    STORY.steps.get(index)
}

fn units_view(chart: Chart) -> Option<View> {
    match chart {
        Chart::UnitsByType => Some(View::ByType),
        Chart::UnitsByAirspace => Some(View::ByAirspace),
        Chart::UnitsOutcome => Some(View::Outcome),
        _ => None,
    }
}

/// The words of step `index`'s chart; `None` when the step has no chart.
pub fn chart_words(index: usize) -> Option<ChartWords> {
    let step = step(index)?;
    if let Some(view) = units_view(step.chart) {
        return Some(units_words(view));
    }
    match step.chart {
        Chart::Timeline => Some(timeline_words(step.events)),
        Chart::Estimates => Some(estimates_words()),
        Chart::Map => map_words(index),
        Chart::Sources => Some(ChartWords {
            title: "The two source articles".into(),
            ..ChartWords::default()
        }),
        _ => None,
    }
}

/// The drawing of step `index`'s chart; `flat` draws the unit chart still. `None` for a step
/// whose chart is not a drawing (none, or the sources). A map brings its own copy of the base
/// map (see [`chart_drawing_in`]).
pub fn chart_drawing(index: usize, flat: bool) -> Option<Drawing> {
    chart_drawing_in(index, flat, "map", true)
}

/// The same, with a map pointing at the base map's symbols `map_base`, which `inline` brings
/// along (the flat story draws them once for all its steps).
pub fn chart_drawing_in(index: usize, flat: bool, map_base: &str, inline: bool) -> Option<Drawing> {
    let step = step(index)?;
    if let Some(view) = units_view(step.chart) {
        return Some(units_drawing(view, flat));
    }
    match step.chart {
        Chart::Timeline => Some(timeline_drawing(step.events)),
        Chart::Estimates => Some(estimates_drawing()),
        Chart::Map => map_drawing(index, map_base, inline),
        _ => None,
    }
}

/// The data table behind step `index`'s chart.
pub fn chart_table(index: usize) -> Option<Html> {
    let step = step(index)?;
    if let Some(view) = units_view(step.chart) {
        return Some(units_table(view));
    }
    match step.chart {
        Chart::Timeline => Some(timeline_table(step.events)),
        Chart::Estimates => Some(estimates_table()),
        Chart::Map => map_table(index),
        _ => None,
    }
}

/// The figures step `index`'s chart shows: the step's cards leave them out.
pub fn labelled_figures(index: usize) -> Vec<&'static Figure> {
    let Some(step) = step(index) else {
        return Vec::new();
    };
    if let Some(view) = units_view(step.chart) {
        return units_labelled(view);
    }
    match step.chart {
        Chart::Estimates => estimates_labelled(),
        _ => Vec::new(),
    }
}

/// The step's figures that its chart does not show, in the step's order.
pub fn card_figures(index: usize) -> Vec<&'static Figure> {
    let labelled = labelled_figures(index);
    step(index).map_or_else(Vec::new, |s| {
        s.figures
            .iter()
            .copied()
            .filter(|f| !labelled.iter().any(|l| std::ptr::eq(*l, *f)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::chart_frame::STAGE_HEIGHT;

    #[test]
    fn every_drawing_fits_the_stage_box() {
        for (i, step) in STORY.steps.iter().enumerate() {
            if let Some(drawing) = chart_drawing(i, false) {
                assert!(
                    drawing.height <= STAGE_HEIGHT,
                    "step {} ({}) needs {} of the box's {STAGE_HEIGHT}",
                    i + 1,
                    step.slug,
                    drawing.height
                );
            }
        }
    }

    #[test]
    fn a_figure_the_chart_labels_is_not_repeated_as_a_card() {
        for (i, step) in STORY.steps.iter().enumerate() {
            let cards: Vec<&str> = card_figures(i).iter().map(|f| f.id).collect();
            let labelled: Vec<&str> = labelled_figures(i).iter().map(|f| f.id).collect();
            for id in &labelled {
                assert!(!cards.contains(id), "step {}: {id} twice", step.slug);
            }
            for figure in step.figures {
                assert!(
                    cards.contains(&figure.id) || labelled.contains(&figure.id),
                    "step {}: {} shown nowhere",
                    step.slug,
                    figure.id
                );
            }
        }
    }
}
