//! `estimates_chart`: what Israel expected — first "no more than 10", then "60 to 70"
//! surface-to-surface missiles — against what Iran launched, stacked by weapon type.

use yew::prelude::*;

use crate::components::barrage;
use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::data_table::figure_table;
use crate::geom::bars::{self, Part, Row};
use crate::geom::{WIDTH, fmt};
use crate::model::{Amount, Figure, Qualifier};
use crate::story::CHARTS;

/// A bar row for one figure as stated: a ceiling, a range, or a plain count.
fn row_for(figure: &Figure) -> Row {
    match (figure.qualifier, figure.amount) {
        (_, Amount::Range(min, max)) => Row {
            parts: vec![Part {
                value: f64::from(min),
                approximate: false,
            }],
            range_to: Some(f64::from(max)),
            ceiling: false,
        },
        (q, Amount::Count(v)) => Row {
            parts: vec![Part {
                value: f64::from(v),
                approximate: q != Qualifier::Exact && q != Qualifier::NoMoreThan,
            }],
            range_to: None,
            ceiling: q == Qualifier::NoMoreThan,
        },
        _ => Row {
            parts: vec![],
            range_to: None,
            ceiling: false,
        },
    }
}

/// One part of the stacked bar: the figure's drawn number, marked approximate when the
/// source hedges it.
fn part(figure: &Figure) -> Part {
    Part {
        value: f64::from(figure.drawn()),
        approximate: figure.is_uncertain(),
    }
}

/// The chart's words. Its key is drawn in the chart, under the bars.
pub fn estimates_words() -> ChartWords {
    let chart = &CHARTS.estimates;
    ChartWords {
        title: chart.title.into(),
        sources: barrage::sources_of(&[chart.first, chart.total]),
        ..ChartWords::default()
    }
}

/// The key under the bars: swatch size, room per character at the key's text size, and the
/// gap from the last bar to the key's baseline.
const KEY_SWATCH: f64 = 10.0;
const KEY_CHAR: f64 = 7.0;
const KEY_GAP: f64 = 22.0;
const KEY_LINE: f64 = 18.0;

/// The chart's data table.
pub fn estimates_table() -> Html {
    figure_table(&CHARTS.estimates.view)
}

/// The figures the chart shows (so the step does not repeat them as cards).
pub fn estimates_labelled() -> Vec<&'static Figure> {
    CHARTS.estimates.view.figures().collect()
}

/// The drawing: three bars, the last stacked by weapon type.
pub fn estimates_drawing() -> Drawing {
    let chart = &CHARTS.estimates;
    let rows = vec![
        row_for(chart.first),
        row_for(chart.revised),
        Row {
            parts: vec![
                part(chart.ballistic),
                part(chart.cruise),
                part(chart.drones),
            ],
            range_to: None,
            ceiling: false,
        },
    ];
    let (geoms, height) = bars::layout(&rows, 0.0);
    // Each label must fit the chart's 360 units at the chart's text size: longer, it runs off
    // a phone's screen. The title says whose estimates these are; the caption gives the first
    // one's code name.
    let labels = [
        format!("First estimate: {} missiles", chart.first.label()),
        format!("Revised estimate: {} missiles", chart.revised.label()),
        format!("Launched: {} in all", chart.total.label()),
    ];
    let part_classes = [["estimate"], ["estimate"], ["ballistic"]];
    let stacked = ["ballistic", "cruise", "drone"];
    // The key to the launched bar's parts under it: a swatch and its count each, left to
    // right, on a second line when the first is full.
    let key = [
        (
            "ballistic",
            format!("{} ballistic", chart.ballistic.label()),
        ),
        ("cruise", format!("{} cruise", chart.cruise.label())),
        ("drone", format!("{} drones", chart.drones.label())),
    ];
    let (mut key_x, mut key_y) = (bars::LEFT, height + KEY_GAP);
    let key_items: Vec<(f64, f64, &str, String)> = key
        .into_iter()
        .map(|(class, text)| {
            let width = KEY_SWATCH + 4.0 + text.len() as f64 * KEY_CHAR;
            if key_x > bars::LEFT && key_x + width > WIDTH - bars::RIGHT {
                key_x = bars::LEFT;
                key_y += KEY_LINE;
            }
            let item = (key_x, key_y, class, text);
            key_x += width + 12.0;
            item
        })
        .collect();
    Drawing {
        height: key_y + 4.0,
        content: html! {
            <>
            <g class="bar-key">
                { for key_items.into_iter().map(|(x, key_y, class, text)| html! {
                    <g key={class}>
                        <rect class={classes!("bar", class)} x={fmt(x)} y={fmt(key_y - KEY_SWATCH)} width={fmt(KEY_SWATCH)} height={fmt(KEY_SWATCH)} />
                        <text class="key-label" x={fmt(x + KEY_SWATCH + 4.0)} y={fmt(key_y)}>{ text }</text>
                    </g>
                }) }
            </g>
            { for geoms.iter().zip(labels).enumerate().map(|(i, (bar, label))| html! {
                <g class="bar-row" key={i}>
                    <text class="bar-label" x={fmt(bars::LEFT)} y={fmt(bar.y - 6.0)}>{ label }</text>
                    { for bar.parts.iter().enumerate().map(|(j, p)| {
                        let class = if i == 2 { stacked.get(j).copied().unwrap_or("drone") } else { part_classes[i][0] };
                        html! {
                            <rect class={classes!("bar", class, p.approximate.then_some("approximate"))}
                                x={fmt(p.x)} y={fmt(bar.y)} width={fmt(p.width)} height={fmt(bar.height)} />
                        }
                    }) }
                    if let Some(range) = bar.range {
                        <rect class="bar range" x={fmt(range.x)} y={fmt(bar.y)} width={fmt(range.width)} height={fmt(bar.height)} />
                    }
                    if let Some(cap) = bar.cap {
                        <line class="bar-cap" x1={fmt(cap)} x2={fmt(cap)} y1={fmt(bar.y - 3.0)} y2={fmt(bar.y + bar.height + 3.0)} />
                    }
                </g>
            }) }
            </>
        },
        canvas: false,
    }
}
