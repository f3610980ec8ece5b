//! `flow_chart`: launched → entered Israeli airspace → reached targets, each stage as wide as
//! its count; the last stage has no number in the source and is drawn dashed, not to scale.

use yew::prelude::*;

use crate::components::barrage::{
    self, DOWNED_BEFORE, DOWNED_INSIDE, ENTERED, INTERCEPTORS, REACHED, TOTAL,
};
use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::data_table::figure_table;
use crate::components::source_line::source_line;
use crate::geom::flow::{self, STAGE_GAP};
use crate::geom::{WIDTH, fmt};
use crate::model::DATASET;

/// The chart's data table: (row, figure id).
const FLOW_ROWS: &[(&str, &str)] = &[
    ("Launched", TOTAL),
    ("Shot down before reaching Israel", DOWNED_BEFORE),
    ("Entered Israeli airspace", ENTERED),
    ("Shot down inside Israeli airspace", DOWNED_INSIDE),
    ("Reached their targets", REACHED),
];

/// The chart's words.
pub fn flow_words() -> ChartWords {
    ChartWords {
        title: "From launch to impact".into(),
        legend: Html::default(),
        source: Some(source_line(&barrage::source_titles(&[TOTAL, ENTERED]), "")),
    }
}

/// The chart's data table, with the forces that intercepted the barrage.
pub fn flow_table() -> Html {
    let interceptors = DATASET
        .group(INTERCEPTORS)
        .map(|g| g.members.join(", "))
        .unwrap_or_default();
    html! {
        <>
            { figure_table("From launch to impact", FLOW_ROWS) }
            <p class="chart-note">{ format!("Intercepting forces: {interceptors}.") }</p>
        </>
    }
}

/// The figures the chart labels.
pub const FLOW_LABELLED: &[&str] = &[TOTAL, DOWNED_BEFORE, ENTERED, DOWNED_INSIDE, REACHED];

/// The drawing: three stages joined by bands.
pub fn flow_drawing() -> Drawing {
    let values = [
        Some(f64::from(
            barrage::nominal(TOTAL).max(barrage::counts().total()),
        )),
        Some(f64::from(barrage::nominal(ENTERED))),
        None,
    ];
    let (stages, height) = flow::funnel(&values);
    let labels = [
        format!("{} launched", barrage::label(TOTAL)),
        format!("{} entered Israeli airspace", barrage::label(ENTERED)),
        format!(
            "{} reached targets (no number given)",
            barrage::label(REACHED)
        ),
    ];
    let notes = [
        format!("{} shot down before Israel", barrage::label(DOWNED_BEFORE)),
        format!("{} of these shot down too", barrage::label(DOWNED_INSIDE)),
    ];
    Drawing {
        height: height + 4.0,
        content: html! {
            <>
            { for stages.windows(2).enumerate().map(|(i, pair)| {
                let points = flow::band(&pair[0], &pair[1]).iter().map(|(x, y)| format!("{},{}", fmt(*x), fmt(*y))).collect::<Vec<_>>().join(" ");
                html! {
                    <g class="flow-band" key={format!("band-{i}")}>
                        <polygon class="band" points={points} />
                        <text class="band-note" x={fmt(WIDTH / 2.0)} y={fmt(pair[0].y + pair[0].height + STAGE_GAP / 2.0 - 4.0)} text-anchor="middle">{ notes[i].clone() }</text>
                    </g>
                }
            }) }
            { for stages.iter().zip(labels).enumerate().map(|(i, (s, label))| html! {
                <g class="flow-stage" key={format!("stage-{i}")}>
                    <text class="stage-label" x={fmt(WIDTH / 2.0)} y={fmt(s.y - 6.0)} text-anchor="middle">{ label }</text>
                    <rect class={classes!("stage", s.unknown.then_some("unknown"))} x={fmt(s.x)} y={fmt(s.y)} width={fmt(s.width)} height={fmt(s.height)} rx="2" />
                </g>
            }) }
            </>
        },
    }
}
