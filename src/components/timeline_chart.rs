//! `timeline_chart`: every short-lived event in the data on one axis, cut into eras (2020, and
//! 2023–24) with a break between them; the step's events are numbered, highlighted and listed.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::data_table::data_table;
use crate::components::source_line::{attribution_text, source_line};
use crate::geom::timeline::{self, Axis, Mark, Span};
use crate::geom::{fmt, fmt_tenths};
use crate::model::{DATASET, Date, Event, civil_from_day_number, month_name};

/// Events longer than this (background like "2008–2010") stay off the axis.
const MAX_SPAN_DAYS: i32 = 160;
/// A new era starts after this many days without events.
const ERA_GAP_DAYS: i32 = 150;
const BADGE_R: f64 = 7.5;
/// An event placed wider than this is drawn as a segment, narrower as a dot.
const MIN_SPAN: f64 = 3.0;
const LEVEL: f64 = 18.0;
/// Room above the highest badge.
const TOP: f64 = 6.0;

fn span_of(event: &Event) -> Span {
    Span {
        first: event.date.start.day_number(),
        last: event.date.end.last_day_number(),
    }
}

fn on_axis(event: &Event) -> bool {
    let s = span_of(event);
    event.date.start.year >= 2020 && s.last - s.first <= MAX_SPAN_DAYS
}

/// The axis for all the data's short-lived events; the same on every step.
pub fn axis() -> Axis {
    let spans: Vec<Span> = DATASET
        .events
        .iter()
        .filter(|e| on_axis(e))
        .map(span_of)
        .collect();
    let days: Vec<i32> = spans
        .iter()
        .filter(|s| s.first == s.last)
        .map(|s| s.first)
        .collect();
    Axis::new(&timeline::eras(&spans, ERA_GAP_DAYS), &days)
}

/// Month ticks: (x, label), with the year on each era's first tick and on January.
fn ticks(axis: &Axis) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    for era in &axis.eras {
        let (mut year, mut month, _) = civil_from_day_number(era.first);
        let mut first = true;
        loop {
            let day = Date {
                year,
                month: Some(month),
                day: Some(1),
            }
            .day_number()
            .max(era.first);
            if day > era.last {
                break;
            }
            if let Some(x) = axis.x(day) {
                let name = &month_name(month)[..3];
                let label = if first || month == 1 {
                    format!("{name} {year}")
                } else {
                    name.to_string()
                };
                out.push((x, label));
            }
            first = false;
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
    }
    out
}

thread_local! {
    static AXIS: Rc<Axis> = Rc::new(axis());
}

/// The axis, built once and shared by every timeline.
fn shared_axis() -> Rc<Axis> {
    AXIS.with(Rc::clone)
}

/// What never changes from step to step — the eras, their breaks, the month ticks and every
/// event on the axis as a small mark, each place once — drawn at y = 0. It has no props, so
/// a step change never renders it again; the step's own events are drawn over it.
#[component]
fn TimelineAxis() -> Html {
    let axis = shared_axis();
    let ticks = ticks(&axis);
    // Tick labels are 11px text: about 6.2px a character.
    let shown = timeline::thin_labels(
        &ticks
            .iter()
            .map(|(x, label)| (*x, label.len() as f64 * 6.2))
            .collect::<Vec<_>>(),
        4.0,
    );
    let marks = timeline::distinct_marks(
        DATASET
            .events
            .iter()
            .filter(|e| on_axis(e))
            .filter_map(|e| axis.place(span_of(e)))
            .map(|(a, b)| Mark::of(a, b, MIN_SPAN)),
    );
    html! {
        <>
            { for axis.eras.iter().map(|era| html! {
                <line class="axis" x1={fmt(era.x0)} x2={fmt(era.x1)} y1="0" y2="0" />
            }) }
            { for axis.breaks().iter().map(|x| html! {
                <g class="axis-break">
                    <line x1={fmt(x - 6.0)} x2={fmt(x - 2.0)} y1="6" y2="-6" />
                    <line x1={fmt(x + 2.0)} x2={fmt(x + 6.0)} y1="6" y2="-6" />
                </g>
            }) }
            { for ticks.iter().zip(&shown).map(|((x, label), shown)| html! {
                <g class="tick">
                    <line x1={fmt(*x)} x2={fmt(*x)} y1="0" y2="4" />
                    if *shown {
                        <text x={fmt(*x)} y="16" text-anchor="start">{ label.clone() }</text>
                    }
                </g>
            }) }
            { for marks.iter().map(|mark| match *mark {
                Mark::Span { x0, x1 } => html! {
                    <line class="event-span" x1={fmt_tenths(x0)} x2={fmt_tenths(x1)} y1="0" y2="0" />
                },
                Mark::Dot { x } => html! {
                    <circle class="event-dot" cx={fmt_tenths(x)} cy="0" r="2.5" />
                },
            }) }
        </>
    }
}

/// The events of a step (ids checked at build time), in reading order.
fn step_events(highlight: &'static [&'static str]) -> Vec<&'static Event> {
    highlight
        .iter()
        .filter_map(|id| DATASET.event(id))
        .collect()
}

/// The chart's words for a step highlighting `highlight`.
pub fn timeline_words(highlight: &'static [&'static str]) -> ChartWords {
    let events = step_events(highlight);
    let titles = DATASET.short_titles(events.iter().map(|e| e.source));
    ChartWords {
        title: "Timeline, 2020 and 2023–24".into(),
        legend: Html::default(),
        source: Some(source_line(&titles, "")),
    }
}

/// The data table of a step's events.
pub fn timeline_table(highlight: &'static [&'static str]) -> Html {
    let rows: Vec<Vec<AttrValue>> = step_events(highlight)
        .iter()
        .map(|e| {
            vec![
                e.date.label().into(),
                (if e.place == "unspecified" {
                    "—"
                } else {
                    e.place
                })
                .into(),
                e.summary.into(),
                attribution_text(e.claimed_by, e.source).into(),
            ]
        })
        .collect();
    data_table(
        "Events highlighted in this step",
        &["Date", "Place", "What happened", "According to"],
        &rows,
    )
}

/// The timeline drawing for a step: `highlight` lists the event ids the step highlights, in
/// reading order.
pub fn timeline_drawing(highlight: &'static [&'static str]) -> Drawing {
    let axis = shared_axis();
    let highlighted = step_events(highlight);
    let placed: Vec<Option<(f64, f64)>> =
        highlighted.iter().map(|e| axis.place(span_of(e))).collect();
    let centres: Vec<f64> = placed
        .iter()
        .map(|p| p.map_or(-1e9, |(a, b)| (a + b) / 2.0))
        .collect();
    let levels = timeline::stack_levels(&centres, BADGE_R * 2.0 + 2.0);
    let top_level = levels.iter().copied().max().unwrap_or(0) as f64;
    let axis_y = TOP + BADGE_R + top_level * LEVEL + 18.0;
    let height = axis_y + 22.0;
    Drawing {
        height,
        content: html! {
            <g class="timeline">
                <g class="timeline-axis" transform={format!("translate(0 {})", fmt(axis_y))}>
                    <TimelineAxis />
                </g>
                // The highest badges first: a stem runs down past the badges stacked under it,
                // and those, drawn later, stay on top of it.
                { for timeline::drawing_order(&levels).into_iter().filter_map(|i| {
                    let (a, b) = placed[i]?;
                    let x = (a + b) / 2.0;
                    let y = axis_y - 18.0 - levels[i] as f64 * LEVEL;
                    Some(html! {
                        <g key={highlighted[i].id} class="event-highlight">
                            if b - a > MIN_SPAN {
                                <line class="event-span current" x1={fmt(a)} x2={fmt(b)} y1={fmt(axis_y)} y2={fmt(axis_y)} />
                            }
                            <line class="stem" x1={fmt(x)} x2={fmt(x)} y1={fmt(y + BADGE_R)} y2={fmt(axis_y)} />
                            <circle class="event-dot current" cx={fmt(x)} cy={fmt(axis_y)} r="3.5" />
                            <circle class="badge-circle" cx={fmt(x)} cy={fmt(y)} r={fmt(BADGE_R)} />
                            <text class="badge-number" x={fmt(x)} y={fmt(y + 3.5)} text-anchor="middle">{ i + 1 }</text>
                        </g>
                    })
                }) }
            </g>
        },
    }
}
