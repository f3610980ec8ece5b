//! `estimates_chart`: what Israel expected — first "no more than 10", then "60 to 70"
//! surface-to-surface missiles — against what Iran launched, stacked by weapon type.

use yew::prelude::*;

use crate::components::barrage::{
    self, BALLISTIC, CRUISE, DRONES, FIRST_ESTIMATE, REVISED_ESTIMATE, TOTAL,
};
use crate::components::chart_frame::ChartFrame;
use crate::components::data_table::figure_table;
use crate::components::source_line::source_line;
use crate::geom::bars::{self, Part, Row};
use crate::geom::{WIDTH, fmt};
use crate::model::{Amount, Qualifier};

/// A bar row for one figure as stated: a ceiling, a range, or a plain count.
fn row_for(id: &str) -> Row {
    let figure = barrage::figure(id);
    match figure.map(|f| (f.qualifier, f.amount)) {
        Some((_, Amount::Range(min, max))) => Row {
            parts: vec![Part {
                value: f64::from(min),
                approximate: false,
            }],
            range_to: Some(f64::from(max)),
            ceiling: false,
        },
        Some((q, Amount::Count(v))) => Row {
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

fn part(id: &str) -> Part {
    Part {
        value: f64::from(barrage::nominal(id)),
        approximate: barrage::figure(id).is_some_and(|f| f.is_uncertain()),
    }
}

/// The chart's data table: (row, figure id).
const ESTIMATE_ROWS: &[(&str, &str)] = &[
    (
        "First estimate (surface-to-surface missiles)",
        FIRST_ESTIMATE,
    ),
    (
        "Revised estimate (surface-to-surface missiles)",
        REVISED_ESTIMATE,
    ),
    ("Launched: ballistic missiles", BALLISTIC),
    ("Launched: cruise missiles", CRUISE),
    ("Launched: drones", DRONES),
    ("Launched: all drones and missiles", TOTAL),
];

/// The chart, `alt` its accessible description, its data table open from the start if asked.
pub fn estimates_chart(alt: AttrValue, table_open: bool) -> Html {
    let rows = vec![
        row_for(FIRST_ESTIMATE),
        row_for(REVISED_ESTIMATE),
        Row {
            parts: vec![part(BALLISTIC), part(CRUISE), part(DRONES)],
            range_to: None,
            ceiling: false,
        },
    ];
    let (geoms, height) = bars::layout(&rows, 0.0);
    // Each label must fit the chart's 360 units at 12.5px (under 50 characters): longer, it
    // runs off a phone's screen. The title says whose estimates these are; the figure card
    // for the first one gives its code name.
    let labels = [
        format!(
            "First estimate: {} missiles",
            barrage::label(FIRST_ESTIMATE)
        ),
        format!(
            "Revised estimate: {} missiles",
            barrage::label(REVISED_ESTIMATE)
        ),
        format!("Launched: {} in all", barrage::label(TOTAL)),
    ];
    let part_classes = [["estimate"], ["estimate"], ["ballistic"]];
    let stacked = ["ballistic", "cruise", "drone"];
    let table = figure_table("Israel's estimates and what Iran launched", ESTIMATE_ROWS);
    html! {
        <ChartFrame id="estimates" title="What Israel expected, and what came" description={alt}
            width={WIDTH} height={height + 4.0} table={table} table_open={table_open}
            source={source_line(&barrage::source_titles(&[FIRST_ESTIMATE, TOTAL]),
                "The estimates counted surface-to-surface missiles; the launch count includes drones and cruise missiles")}
            below={html! {
                <ul class="legend">
                    <li><span class="swatch estimate" aria-hidden="true"></span>{ "Israeli estimate" }</li>
                    <li><span class="swatch range" aria-hidden="true"></span>{ "Range of the estimate" }</li>
                    <li><span class="swatch ballistic" aria-hidden="true"></span>{ "Ballistic missiles" }</li>
                    <li><span class="swatch cruise" aria-hidden="true"></span>{ "Cruise missiles (about)" }</li>
                    <li><span class="swatch drone" aria-hidden="true"></span>{ "Drones" }</li>
                </ul>
            }}>
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
        </ChartFrame>
    }
}
