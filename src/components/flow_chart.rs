//! `flow_chart`: launched → entered Israeli airspace → reached targets, each stage as wide as
//! its count; the last stage has no number in the source and is drawn dashed, not to scale.

use yew::prelude::*;

use crate::components::barrage;
use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::data_table::figure_table;
use crate::geom::flow::{self, STAGE_GAP};
use crate::geom::{WIDTH, fmt};
use crate::model::Figure;
use crate::story::CHARTS;

/// The chart's words.
pub fn flow_words() -> ChartWords {
    let chart = &CHARTS.flow;
    ChartWords {
        title: chart.title.into(),
        sources: barrage::sources_of(&[chart.total, chart.entered]),
        ..ChartWords::default()
    }
}

/// The chart's data table, with the forces that intercepted the barrage.
pub fn flow_table() -> Html {
    let chart = &CHARTS.flow;
    html! {
        <>
            { figure_table(&chart.view) }
            <p class="chart-note">{ format!("Intercepting forces: {}.", chart.interceptors.members.join(", ")) }</p>
        </>
    }
}

/// The figures the chart shows (so the step does not repeat them as cards).
pub fn flow_labelled() -> Vec<&'static Figure> {
    CHARTS.flow.view.figures().collect()
}

/// The drawing: three stages joined by bands.
pub fn flow_drawing() -> Drawing {
    let chart = &CHARTS.flow;
    let values = [
        Some(f64::from(
            chart.total.drawn().max(barrage::counts().total()),
        )),
        Some(f64::from(chart.entered.drawn())),
        None,
    ];
    let (stages, height) = flow::funnel(&values);
    let labels = [
        format!("{} launched", chart.total.label()),
        format!("{} entered Israeli airspace", chart.entered.label()),
        format!(
            "{} reached targets (no number given)",
            chart.reached.label()
        ),
    ];
    let notes = [
        format!("{} shot down before Israel", chart.downed_before.label()),
        format!("{} of these shot down too", chart.downed_inside.label()),
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
        canvas: false,
    }
}
