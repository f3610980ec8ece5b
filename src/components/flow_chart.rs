//! `flow_chart`: launched → entered Israeli airspace → reached targets, each stage as wide as
//! its count; the last stage has no number in the source and is drawn dashed, not to scale.

use yew::prelude::*;

use crate::components::barrage::{
    self, DOWNED_BEFORE, DOWNED_INSIDE, ENTERED, INTERCEPTORS, REACHED, TOTAL,
};
use crate::components::chart_frame::ChartFrame;
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

/// The chart, `alt` its accessible description, its data table open from the start if asked.
pub fn flow_chart(alt: AttrValue, table_open: bool) -> Html {
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
    let interceptors = DATASET
        .group(INTERCEPTORS)
        .map(|g| g.members.join(", "))
        .unwrap_or_default();
    let notes = [
        format!("{} shot down before Israel", barrage::label(DOWNED_BEFORE)),
        format!("{} of these shot down too", barrage::label(DOWNED_INSIDE)),
    ];
    let table = figure_table("From launch to impact", FLOW_ROWS);
    html! {
        <ChartFrame id="flow" title="From launch to impact" description={alt}
            width={WIDTH} height={height + 4.0} table={table} table_open={table_open}
            source={source_line(&barrage::source_titles(&[TOTAL, ENTERED]), "")}
            below={html! { <p class="chart-note">{ format!("Intercepting forces: {interceptors}.") }</p> }}>
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
        </ChartFrame>
    }
}
