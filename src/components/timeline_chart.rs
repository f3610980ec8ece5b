//! `timeline_chart`: a step's events on a timeline zoomed to them — one lane each, in reading
//! order, its mark labelled with the event's label and date — over an overview of the story's
//! years with the zoom boxed on it. The geometry is `geom::timeline`'s; this draws it, and
//! gives the chart's words and its data table.

use yew::prelude::*;

use crate::components::chart_frame::{ChartWords, Drawing, LegendEntry};
use crate::components::data_table::data_table;
use crate::components::source_line::attribution_text;
use crate::geom::fmt;
use crate::geom::timeline::{
    self, ARROW, ARROW_HALF_HEIGHT, Anchor, BAR_H, DOT_R, Entry, Lane, Layout, Mark, Overview,
    Span, Tick,
};
use crate::model::{Date, DateSpan, Event, distinct_sources, month_name};
use crate::story::STORY;

/// The overview: every year of the story's period.
fn overview() -> Overview {
    Overview::years(STORY.period.start.year, STORY.period.end.year)
}

/// The events of a step (ids checked at build time), in reading order.
fn step_events(highlight: &'static [&'static Event]) -> Vec<&'static Event> {
    highlight.to_vec()
}

/// The window the step's axis shows, in dates: from the earliest start to the latest end, cut
/// at the story's end.
fn window_dates(events: &[&Event]) -> Option<(Date, Date)> {
    let start = events
        .iter()
        .map(|e| e.date.start)
        .min_by_key(Date::day_number)?;
    let end = events
        .iter()
        .map(|e| e.date.end)
        .max_by_key(Date::last_day_number)?;
    let period_end = STORY.period.end;
    let end = if end.last_day_number() > period_end.last_day_number() {
        period_end
    } else {
        end
    };
    Some((start, end))
}

/// "April 15": a date without its year, which the chart's title gives.
fn month_day(date: Date) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{} {d}", month_name(m)),
        _ => date.label(),
    }
}

/// The window in words, for the chart's title: "June 25 – July 19, 2020", "July 2020",
/// "October 2023 – April 15, 2024".
fn window_words(start: Date, end: Date) -> String {
    match (start.month, start.day, end.month, end.day) {
        (Some(am), Some(ad), Some(bm), Some(bd)) if start.year == end.year && am != bm => {
            format!(
                "{} {ad} – {} {bd}, {}",
                month_name(am),
                month_name(bm),
                start.year
            )
        }
        _ => DateSpan { start, end }.label(),
    }
}

/// The dates the step's events are labelled with.
fn dates(events: &[&Event]) -> Vec<String> {
    events.iter().map(|e| e.date.short_label()).collect()
}

/// The step's events laid out, labelled with `dates`.
fn layout(events: &[&Event], dates: &[String], overview: &Overview) -> Layout {
    let entries: Vec<Entry> = events
        .iter()
        .zip(dates)
        .map(|(e, date)| Entry {
            span: Span::of(&e.date),
            // Every event a timeline step shows has a label (checked at build time).
            label: e.label.unwrap_or_default(),
            date,
        })
        .collect();
    timeline::layout(&entries, Span::of(&STORY.period), overview)
}

/// What the marks mean, when the step has more than dots: a bar, and a bar cut at the story's
/// end.
fn legend(layout: &Layout) -> Vec<LegendEntry> {
    let marks = || layout.lanes.iter().map(|l| l.mark);
    let any_bar = marks().any(|m| matches!(m, Mark::Bar { .. }));
    let any_cut = marks().any(|m| matches!(m, Mark::Bar { after: true, .. }));
    let mut entries = Vec::new();
    if any_bar {
        entries.push(LegendEntry {
            swatch: "event-bar-key",
            text: "Lasted, or day unknown".into(),
        });
        if any_cut {
            entries.push(LegendEntry {
                swatch: "event-arrow-key",
                text: format!("Goes on past {}", month_day(STORY.period.end)),
            });
        }
    }
    entries
}

/// The chart's words for a step highlighting `highlight`.
pub fn timeline_words(highlight: &'static [&'static Event]) -> ChartWords {
    let events = step_events(highlight);
    let sources = distinct_sources(events.iter().map(|e| e.source));
    let title = window_dates(&events)
        .map(|(start, end)| window_words(start, end))
        .unwrap_or_else(|| STORY.period.label());
    ChartWords {
        title: title.into(),
        legend: legend(&layout(&events, &dates(&events), &overview())),
        note: None,
        sources,
    }
}

/// The data table of a step's events.
pub fn timeline_table(highlight: &'static [&'static Event]) -> Html {
    let rows: Vec<Vec<AttrValue>> = step_events(highlight)
        .iter()
        .map(|e| {
            vec![
                e.date.label().into(),
                e.place.unwrap_or("—").into(),
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

/// A tick on an axis at y = 0: its mark and its label on `baseline`.
fn tick(tick: &Tick, baseline: f64) -> Html {
    html! {
        <>
            if let Some(x) = tick.x {
                <line class="tick" x1={fmt(x)} x2={fmt(x)} y1="0" y2="4" />
            }
            <text class="tick-label" x={fmt(tick.label_x)} y={fmt(baseline)} text-anchor="middle">
                { tick.label.clone() }
            </text>
        </>
    }
}

/// The overview's line and years, at y = 0: the same on every step, so it has no props and a
/// step change never renders it again.
#[component]
fn OverviewYears() -> Html {
    let overview = overview();
    let axis = overview.axis;
    html! {
        <>
            <line class="overview-line" x1={fmt(axis.x0)} x2={fmt(axis.x1)} y1="0" y2="0" />
            { for overview.ticks.iter().map(|t| tick(t, timeline::OVERVIEW_BASELINE)) }
        </>
    }
}

/// An event's mark: a dot, or a bar ending in an arrowhead where it is cut.
fn mark(mark: Mark, y: f64) -> Html {
    match mark {
        Mark::Dot { x } => html! {
            <circle class="event-dot" cx={fmt(x)} cy={fmt(y)} r={fmt(DOT_R)} />
        },
        Mark::Bar {
            x0,
            x1,
            before,
            after,
        } => {
            let a = if before { x0 + ARROW } else { x0 };
            let b = if after { x1 - ARROW } else { x1 };
            let arrow = |base: f64, tip: f64| {
                let points = format!(
                    "{},{} {},{} {},{}",
                    fmt(base),
                    fmt(y - ARROW_HALF_HEIGHT),
                    fmt(tip),
                    fmt(y),
                    fmt(base),
                    fmt(y + ARROW_HALF_HEIGHT)
                );
                html! { <polygon class="event-arrow" points={points} /> }
            };
            html! {
                <>
                    if b > a {
                        <rect class="event-bar" x={fmt(a)} y={fmt(y - BAR_H / 2.0)}
                            width={fmt(b - a)} height={fmt(BAR_H)} rx="1.5" />
                    }
                    if before { { arrow(x0 + ARROW, x0) } }
                    if after { { arrow(x1 - ARROW, x1) } }
                </>
            }
        }
    }
}

/// An event's lane: its mark, its label and its date.
fn lane(lane: &Lane, event: &Event, date: &str) -> Html {
    let text = lane.text;
    let anchor = match text.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let date = date.to_string();
    html! {
        <g key={event.id} class="event">
            { mark(lane.mark, lane.y) }
            <text class="event-text" x={fmt(text.x)} y={fmt(text.baseline)} text-anchor={anchor}>
                <tspan class="event-label">{ event.label.unwrap_or_default() }</tspan>
                if let Some(baseline) = text.date_baseline {
                    <tspan class="event-date" x={fmt(text.x)} y={fmt(baseline)}>{ date }</tspan>
                } else {
                    <tspan class="event-date" dx={fmt(timeline::GAP)}>{ date }</tspan>
                }
            </text>
        </g>
    }
}

/// The timeline drawing for a step: `highlight` lists the event ids the step shows, in reading
/// order, top to bottom.
pub fn timeline_drawing(highlight: &'static [&'static Event]) -> Drawing {
    let events = step_events(highlight);
    let overview = overview();
    let dates = dates(&events);
    let layout = layout(&events, &dates, &overview);
    let axis = layout.axis;
    let (zoom0, zoom1) = layout.zoom;
    let box_top = layout.overview_y - timeline::ZOOM_HALF_HEIGHT;
    let funnel = format!(
        "M{} {}L{} {}M{} {}L{} {}",
        fmt(axis.x0),
        fmt(layout.funnel_y),
        fmt(zoom0),
        fmt(box_top),
        fmt(axis.x1),
        fmt(layout.funnel_y),
        fmt(zoom1),
        fmt(box_top)
    );
    Drawing {
        height: layout.height,
        content: html! {
            <g class="timeline">
                { for layout.lanes.iter().zip(&events).zip(&dates).map(|((l, e), d)| lane(l, e, d)) }
                <g transform={format!("translate(0 {})", fmt(layout.axis_y))}>
                    <line class="axis" x1={fmt(axis.x0)} x2={fmt(axis.x1)} y1="0" y2="0" />
                    { for layout.ticks.iter().map(|t| tick(t, layout.tick_baseline - layout.axis_y)) }
                </g>
                <path class="zoom-lines" d={funnel} />
                <g transform={format!("translate(0 {})", fmt(layout.overview_y))}>
                    <OverviewYears />
                </g>
                <rect class="zoom" x={fmt(zoom0)} y={fmt(box_top)} width={fmt(zoom1 - zoom0)}
                    height={fmt(2.0 * timeline::ZOOM_HALF_HEIGHT)} />
            </g>
        },
        canvas: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::chart_frame::STAGE_HEIGHT;
    use crate::story::Chart;

    fn timeline_steps() -> impl Iterator<Item = (usize, &'static crate::story::Step)> {
        STORY
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.chart == Chart::Timeline)
    }

    /// Each timeline step of the story, laid out as it is drawn.
    fn layouts() -> Vec<(&'static str, Vec<&'static Event>, Layout)> {
        let overview = overview();
        timeline_steps()
            .map(|(_, step)| {
                let events = step_events(step.events);
                let layout = layout(&events, &dates(&events), &overview);
                (step.slug, events, layout)
            })
            .collect()
    }

    #[test]
    fn every_steps_events_span_most_of_the_axis() {
        let shares: Vec<(&str, f64)> = layouts()
            .iter()
            .map(|(slug, _, layout)| (*slug, layout.span_share()))
            .collect();
        assert_eq!(
            shares.len(),
            4,
            "four timeline steps (the 2020 sites and Damascus are maps)"
        );
        for (slug, share) in shares {
            assert!(
                share >= 0.6,
                "{slug}: the events span {share:.2} of the axis"
            );
        }
    }

    #[test]
    fn no_two_texts_overlap_and_all_stay_inside_the_chart() {
        let overview = overview();
        for (slug, _, layout) in layouts() {
            let boxes = layout.text_boxes(&overview);
            for (i, a) in boxes.iter().enumerate() {
                assert!(
                    a.x0 >= 0.0 && a.x1 <= crate::geom::WIDTH && a.y0 >= 0.0,
                    "{slug}: {a:?} leaves the chart"
                );
                assert!(a.y1 <= layout.height, "{slug}: {a:?} below the drawing");
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "{slug}: {a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn no_text_covers_a_mark() {
        for (slug, _, layout) in layouts() {
            let texts: Vec<_> = layout.lanes.iter().map(|l| l.text.bounds()).collect();
            for lane in &layout.lanes {
                let mark = lane.mark.bounds(lane.y);
                for text in &texts {
                    assert!(!text.overlaps(&mark), "{slug}: {text:?} covers {mark:?}");
                }
            }
        }
    }

    #[test]
    fn every_drawing_fits_the_stage() {
        let heights: Vec<(&str, f64)> = timeline_steps()
            .map(|(_, s)| (s.slug, timeline_drawing(s.events).height))
            .collect();
        for (slug, height) in heights {
            assert!(height <= STAGE_HEIGHT, "{slug} is {height} tall");
        }
    }

    #[test]
    fn events_past_the_storys_end_are_cut_there_and_marked_as_going_on() {
        let end = STORY.period.end.last_day_number();
        let mut cut = 0;
        for (slug, events, layout) in layouts() {
            let edge = layout.axis.x(f64::from(end + 1));
            for (lane, event) in layout.lanes.iter().zip(&events) {
                let (_, right) = lane.mark.extent();
                assert!(
                    right <= edge + 1e-9,
                    "{slug}: {} drawn past the end",
                    event.id
                );
                let past = event.date.end.last_day_number() > end;
                let marked = matches!(lane.mark, Mark::Bar { after: true, .. });
                assert_eq!(past, marked, "{slug}: {}", event.id);
                if past {
                    assert!(
                        (right - edge).abs() < 1e-9,
                        "{slug}: {} cut at the end",
                        event.id
                    );
                    cut += 1;
                }
            }
        }
        assert!(cut >= 2, "the Gaza war and the Hezbollah fire run on");
    }

    #[test]
    fn titles_name_the_window_in_one_short_line() {
        let titles: Vec<String> = timeline_steps()
            .map(|(_, s)| timeline_words(s.events).title.to_string())
            .collect();
        assert_eq!(
            titles,
            [
                "July 2020",
                "October 2023 – April 15, 2024",
                "April 1–13, 2024",
                "April 13–15, 2024",
            ]
        );
        assert!(titles.iter().all(|t| t.chars().count() <= 36));
    }
}
