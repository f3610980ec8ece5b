//! timeline: a step's events on an axis zoomed to them, one lane per event in reading order
//! with the event's label and date beside or above its mark, and under the axis an overview of
//! the whole story's years with the zoom marked on it.
//!
//! ```text
//!  ●  Parchin blasts  Jun 25                  a lane: one-day event (dot), text beside
//!                 Natanz blast  Jul 2  ●      text on the left when the right has no room
//!  War in Gaza  Oct 2023 – Apr 2024           a long bar: text above it
//!  ███████████████████████████████████▶       ▶: cut at the window's end, it runs on
//!  ─────┬──────────┬──────────┬──────────     the zoomed axis, ticks thinned to fit
//!     Jun 29     Jul 6        13
//!   ╲__________________________________╱      the zoom, drawn from the overview's box
//!  ┬────────┬────────┬────────┬──[]────┬      the overview: one tick a year
//!    2020     2021     2022     2023    2024
//! ```
//!
//! Days are integers (`model::Date::day_number`); on an axis day `d` runs from `d` to `d + 1`,
//! so a one-day event sits at `d + 0.5` and a longer one covers its days whole. Text widths
//! are estimated at [`CHAR`] × font size a character: no font is measured.
//!
//! May import `model`; no yew, no DOM.

use super::scale::Linear;
use super::{WIDTH, within};
use crate::model::{Date, DateSpan, civil_from_day_number, month_abbr};

/// An event's time: its first and last possible day, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: i32,
    pub last: i32,
}

impl Span {
    /// The days a date can mean: "July 2020" is July 1 to 31.
    pub fn of(date: &DateSpan) -> Span {
        Span {
            first: date.start.day_number(),
            last: date.end.last_day_number(),
        }
    }
}

/// Where the axis lines start and end.
pub const MARGIN: f64 = 8.0;
/// Room on the zoomed axis between its ends and the window's first and last day.
pub const PAD: f64 = 12.0;
/// No text comes nearer than this to the chart's sides.
pub const EDGE: f64 = 4.0;
/// The event text's font size, in SVG units (www/escalation.css sets the same): 13 units are
/// 12.7 px where a 375 px phone draws the 360-unit chart 351 px wide.
pub const TEXT_SIZE: f64 = 13.0;
/// The axes' font size (the same in the CSS); 12.2 px on that phone.
pub const TICK_SIZE: f64 = 12.5;
/// Estimated advance of a character, as a share of the font size (system-ui).
pub const CHAR: f64 = 0.6;
/// A one-day event's dot.
pub const DOT_R: f64 = 5.0;
/// A longer event's bar.
pub const BAR_H: f64 = 6.0;
/// The arrowhead on a bar cut at the window's edge, inside the bar's extent: its length and
/// half its height.
pub const ARROW: f64 = 7.0;
pub const ARROW_HALF_HEIGHT: f64 = 4.5;
/// Between a mark and its text, between a label and its date, between two tick labels.
pub const GAP: f64 = 6.0;
/// Ticks closer than this are too busy, even when their labels would fit.
pub const MIN_TICK_STEP: f64 = 40.0;
/// The zoom's box on the overview is never narrower than this.
pub const MIN_ZOOM: f64 = 5.0;

/// Above the first lane.
const TOP: f64 = 2.0;
/// One line of event text.
const LINE: f64 = 16.0;
/// From a text's middle to its baseline.
const MIDDLE_TO_BASELINE: f64 = 0.35 * TEXT_SIZE;
/// Between the last lane and the axis.
const LANES_GAP: f64 = 5.0;
/// Below the axis: tick labels' baseline, the zoom lines' top, the overview's line, its labels'
/// baseline and the bottom.
const TICK_BASELINE: f64 = 17.0;
const FUNNEL_TOP: f64 = 23.0;
const OVERVIEW: f64 = 36.0;
/// The overview's labels' baseline, below its line.
pub const OVERVIEW_BASELINE: f64 = 17.0;
/// Half the height of the zoom's box on the overview.
pub const ZOOM_HALF_HEIGHT: f64 = 5.0;
const BOTTOM: f64 = 21.0;

/// The window a step's axis shows: from the first day of `spans` to the last, cut to `limit`
/// (the story's period). No spans give `limit`; spans wholly outside it give its nearest day.
pub fn window(spans: &[Span], limit: Span) -> Span {
    let (Some(first), Some(last)) = (
        spans.iter().map(|s| s.first).min(),
        spans.iter().map(|s| s.last).max(),
    ) else {
        return limit;
    };
    let first = first.clamp(limit.first, limit.last);
    let last = last.clamp(limit.first, limit.last).max(first);
    Span { first, last }
}

/// A time axis: days onto x. The window fills the line from `x0 + pad` to `x1 - pad`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    pub window: Span,
    /// The ends of the axis line.
    pub x0: f64,
    pub x1: f64,
    scale: Linear,
}

impl TimeAxis {
    pub fn new(window: Span, x0: f64, x1: f64, pad: f64) -> Self {
        let last = window.last.max(window.first);
        TimeAxis {
            window: Span {
                first: window.first,
                last,
            },
            x0,
            x1,
            scale: Linear::new(
                (f64::from(window.first), f64::from(last + 1)),
                (x0 + pad, x1 - pad),
            ),
        }
    }

    /// The x of an instant counted in days: day `d` starts at `d`.
    pub fn x(&self, day: f64) -> f64 {
        self.scale.map(day)
    }

    /// The x of the middle of day `d`, where a one-day event sits.
    pub fn day(&self, d: i32) -> f64 {
        self.x(f64::from(d) + 0.5)
    }

    /// The instants at the line's ends.
    fn visible(&self) -> (f64, f64) {
        (self.scale.invert(self.x0), self.scale.invert(self.x1))
    }
}

/// How far apart ticks are. Days and weeks are labelled at the day they name, months and years
/// in the middle of the month or year they name, with the tick mark at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Days(i32),
    /// Weeks starting on Monday.
    Weeks(i32),
    Months(u8),
    Years(u16),
}

/// The tick intervals tried, finest first.
pub const LADDER: [Every; 11] = [
    Every::Days(1),
    Every::Days(2),
    Every::Weeks(1),
    Every::Weeks(2),
    Every::Months(1),
    Every::Months(2),
    Every::Months(3),
    Every::Months(6),
    Every::Years(1),
    Every::Years(2),
    Every::Years(5),
];

/// Day 2 (Monday, January 3, 2000) starts a week.
const MONDAY: i32 = 2;

/// A tick on an axis and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The tick mark; `None` for a month or year that began before the axis does.
    pub x: Option<f64>,
    /// The middle of the label, kept inside the chart.
    pub label_x: f64,
    pub label: String,
}

impl Tick {
    /// The label's estimated box, its baseline at `baseline`.
    pub fn bounds(&self, baseline: f64) -> Rect {
        let width = text_width(&self.label, TICK_SIZE);
        Rect::text(self.label_x - width / 2.0, width, baseline, TICK_SIZE)
    }
}

/// The estimated width of `text` at font size `size`.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * CHAR * size
}

/// A box on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The box of a line of text from `x` to `x + width` on `baseline`: ascent 0.75, descent
    /// 0.25 of the font size.
    pub fn text(x: f64, width: f64, baseline: f64, size: f64) -> Rect {
        Rect {
            x0: x,
            y0: baseline - 0.75 * size,
            x1: x + width,
            y1: baseline + 0.25 * size,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// One candidate tick before labelling: where its mark and label go, and the day it names.
struct Candidate {
    x: Option<f64>,
    label_x: f64,
    day: i32,
}

fn candidates(axis: &TimeAxis, every: Every) -> Vec<Candidate> {
    match every {
        Every::Days(k) => days(axis, k.max(1), 0),
        Every::Weeks(k) => days(axis, 7 * k.max(1), MONDAY),
        Every::Months(k) => units(axis, false, |_, month| (month - 1) % k.max(1) == 0),
        Every::Years(k) => units(axis, true, |year, _| year % k.max(1) == 0),
    }
}

fn inside(axis: &TimeAxis, x: f64) -> bool {
    (axis.x0 - 1e-9..=axis.x1 + 1e-9).contains(&x)
}

/// Every `step` days from day `phase`, each at the middle of its day.
fn days(axis: &TimeAxis, step: i32, phase: i32) -> Vec<Candidate> {
    let (t0, t1) = axis.visible();
    (t0.floor() as i32..=t1.ceil() as i32)
        .filter(|d| (d - phase).rem_euclid(step) == 0)
        .map(|day| (day, axis.day(day)))
        .filter(|&(_, x)| inside(axis, x))
        .map(|(day, x)| Candidate {
            x: Some(x),
            label_x: x,
            day,
        })
        .collect()
}

/// The months (or whole years) on the axis that `named` keeps, each labelled in the middle of
/// its part on the axis, with its mark at its start; one less than half on the axis is left out.
fn units(axis: &TimeAxis, years: bool, named: impl Fn(u16, u8) -> bool) -> Vec<Candidate> {
    let (t0, t1) = axis.visible();
    let (mut year, mut month, _) = civil_from_day_number(t0.floor() as i32);
    if years {
        month = 1;
    }
    let mut out = Vec::new();
    loop {
        let start = first_day(year, month);
        if f64::from(start) > t1 {
            return out;
        }
        let next = match (years, month) {
            (true, _) | (false, 12) => (year + 1, 1),
            (false, _) => (year, month + 1),
        };
        let (a, b) = (
            axis.x(f64::from(start)),
            axis.x(f64::from(first_day(next.0, next.1))),
        );
        let (shown_a, shown_b) = (a.max(axis.x0), b.min(axis.x1));
        if named(year, month) && shown_b - shown_a >= (b - a) / 2.0 {
            out.push(Candidate {
                x: inside(axis, a).then_some(a),
                label_x: (shown_a + shown_b) / 2.0,
                day: start,
            });
        }
        (year, month) = next;
    }
}

fn first_day(year: u16, month: u8) -> i32 {
    Date {
        year,
        month: Some(month),
        day: Some(1),
    }
    .day_number()
}

/// Labels for candidates at `every`: a day names its month only on the first tick and where the
/// month changes ("Jun 29", "Jul 6", "13"); the year is named, on the first tick and where it
/// changes, only when the ticks span more than one year ("Oct 2023", "Nov", …, "Jan 2024").
fn labels(candidates: &[Candidate], every: Every) -> Vec<String> {
    let civil: Vec<(u16, u8, u8)> = candidates
        .iter()
        .map(|c| civil_from_day_number(c.day))
        .collect();
    let many_years = civil.windows(2).any(|w| w[0].0 != w[1].0);
    civil
        .iter()
        .enumerate()
        .map(|(i, &(year, month, day))| {
            let previous = i.checked_sub(1).map(|p| civil[p]);
            let new_year = many_years && previous.is_none_or(|p| p.0 != year);
            let new_month = previous.is_none_or(|p| (p.0, p.1) != (year, month));
            match every {
                Every::Years(_) => year.to_string(),
                Every::Months(_) if new_year => format!("{} {year}", month_abbr(month)),
                Every::Months(_) => month_abbr(month).to_string(),
                _ if new_year => format!("{} {day}, {year}", month_abbr(month)),
                _ if new_month => format!("{} {day}", month_abbr(month)),
                _ => day.to_string(),
            }
        })
        .collect()
}

/// The ticks of `axis` at `every`, each label moved inside the chart, and whether they fit:
/// no two labels closer than [`GAP`], no two ticks closer than [`MIN_TICK_STEP`].
fn ticks_at(axis: &TimeAxis, every: Every) -> (Vec<Tick>, bool) {
    let candidates = candidates(axis, every);
    let labels = labels(&candidates, every);
    let ticks: Vec<Tick> = candidates
        .iter()
        .zip(labels)
        .map(|(c, label)| {
            let half = text_width(&label, TICK_SIZE) / 2.0;
            let label_x = within(
                c.label_x,
                EDGE + half,
                (WIDTH - EDGE - half).max(EDGE + half),
            );
            Tick {
                x: c.x,
                label_x,
                label,
            }
        })
        .collect();
    let fits = ticks.windows(2).all(|w| {
        let (a, b) = (w[0].bounds(0.0), w[1].bounds(0.0));
        b.x0 - a.x1 >= GAP && w[1].label_x - w[0].label_x >= MIN_TICK_STEP
    });
    (ticks, fits)
}

/// The finest ticks on [`LADDER`] that fit `axis`; when none do, the coarsest with every label
/// that would run into the one before it left out.
pub fn ticks(axis: &TimeAxis) -> Vec<Tick> {
    for every in LADDER {
        let (ticks, fits) = ticks_at(axis, every);
        if fits {
            return ticks;
        }
    }
    let (ticks, _) = ticks_at(axis, LADDER[LADDER.len() - 1]);
    let mut kept: Vec<Tick> = Vec::new();
    for tick in ticks {
        if kept
            .last()
            .is_none_or(|k| tick.bounds(0.0).x0 - k.bounds(0.0).x1 >= GAP)
        {
            kept.push(tick);
        }
    }
    kept
}

/// The overview under the zoomed axis: whole years, one tick each, across the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub axis: TimeAxis,
    pub ticks: Vec<Tick>,
}

impl Overview {
    /// From January 1 of `first` to December 31 of `last`.
    pub fn years(first: u16, last: u16) -> Overview {
        let window = Span {
            first: first_day(first, 1),
            last: first_day(last.max(first) + 1, 1) - 1,
        };
        let axis = TimeAxis::new(window, MARGIN, WIDTH - MARGIN, 0.0);
        let (ticks, _) = ticks_at(&axis, Every::Years(1));
        Overview { axis, ticks }
    }

    /// Where `window` sits on the overview: cut to the line, then widened to [`MIN_ZOOM`]
    /// around its middle and kept on the line.
    pub fn zoom(&self, window: Span) -> (f64, f64) {
        let (x0, x1) = (self.axis.x0, self.axis.x1);
        let a = within(self.axis.x(f64::from(window.first)), x0, x1);
        let b = within(self.axis.x(f64::from(window.last + 1)), x0, x1);
        let half = (b - a).max(MIN_ZOOM) / 2.0;
        let middle = ((a + b) / 2.0).min(x1 - half).max(x0 + half);
        (middle - half, middle + half)
    }
}

/// An event to lay out: its days, its label and its date as the chart writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub span: Span,
    pub label: &'a str,
    pub date: &'a str,
}

/// An event's mark on its lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A one-day event, at the middle of its day.
    Dot { x: f64 },
    /// A longer event, over its days, from `x0` to `x1`; `before` and `after` say it runs on
    /// past the window's start or end, where it is cut and ends in an arrowhead (within
    /// `x0..x1`). An event wholly outside the window is an arrowhead at the edge it lies beyond.
    Bar {
        x0: f64,
        x1: f64,
        before: bool,
        after: bool,
    },
}

impl Mark {
    /// The mark for `span` on `axis`.
    pub fn of(span: Span, axis: &TimeAxis) -> Mark {
        let window = axis.window;
        let (before, after) = (span.first < window.first, span.last > window.last);
        if span.first == span.last && !before && !after {
            return Mark::Dot {
                x: axis.day(span.first),
            };
        }
        let first = span.first.clamp(window.first, window.last + 1);
        let end = (span.last + 1).clamp(window.first, window.last + 1);
        Mark::Bar {
            x0: axis.x(f64::from(first)),
            x1: axis.x(f64::from(end)),
            before,
            after,
        }
    }

    /// The x extent the mark covers, with a dot's radius.
    pub fn extent(&self) -> (f64, f64) {
        match *self {
            Mark::Dot { x } => (x - DOT_R, x + DOT_R),
            Mark::Bar { x0, x1, .. } => (x0, x1),
        }
    }

    /// The box the mark covers on a lane centred on `y`, arrowheads included.
    pub fn bounds(&self, y: f64) -> Rect {
        let (x0, x1) = self.extent();
        let half = match *self {
            Mark::Dot { .. } => DOT_R,
            Mark::Bar {
                before: false,
                after: false,
                ..
            } => BAR_H / 2.0,
            Mark::Bar { .. } => ARROW_HALF_HEIGHT,
        };
        Rect {
            x0,
            y0: y - half,
            x1,
            y1: y + half,
        }
    }

    /// The time the mark stands for, on the x axis: a dot's middle, a bar's ends.
    pub fn reach(&self) -> (f64, f64) {
        match *self {
            Mark::Dot { x } => (x, x),
            Mark::Bar { x0, x1, .. } => (x0, x1),
        }
    }
}

/// Which side of its anchor a text runs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Where an event's text goes: anchored at `x`, the label on `baseline`, and the date after
/// it on the same line, or under it on `date_baseline` when one line has no room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Text {
    pub x: f64,
    pub anchor: Anchor,
    /// The widest line's estimated width.
    pub width: f64,
    pub baseline: f64,
    pub date_baseline: Option<f64>,
}

impl Text {
    /// The text's estimated box.
    pub fn bounds(&self) -> Rect {
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - self.width / 2.0,
            Anchor::End => self.x - self.width,
        };
        let mut rect = Rect::text(x, self.width, self.baseline, TEXT_SIZE);
        if let Some(date) = self.date_baseline {
            rect.y1 = Rect::text(x, self.width, date, TEXT_SIZE).y1;
        }
        rect
    }
}

/// One event's row: its mark, centred on `y`, and its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lane {
    pub mark: Mark,
    pub y: f64,
    pub text: Text,
}

/// Lays out one lane from `top`; returns it and its height. The text goes, by preference: on
/// the mark's line, right of it, else left of it (one line, 20 units); above the mark on one
/// line, centred on a dot or from a bar's start, moved inside the chart (about 29); beside
/// the mark on two lines, the date under the label (36); above the mark on two lines (45).
fn lane(entry: &Entry, mark: Mark, top: f64) -> (Lane, f64) {
    let label = text_width(entry.label, TEXT_SIZE);
    let date = text_width(entry.date, TEXT_SIZE);
    let (left, right) = mark.extent();
    let one = label + GAP + date;
    let two = label.max(date);
    let beside = |width: f64| {
        if right + GAP + width <= WIDTH - EDGE {
            Some((right + GAP, Anchor::Start))
        } else if left - GAP - width >= EDGE {
            Some((left - GAP, Anchor::End))
        } else {
            None
        }
    };
    // Centred on a dot (anchored in the middle, so a wrong estimate of the width does not
    // move it off centre), from a bar's start.
    let above = |width: f64| {
        let fits = width <= WIDTH - 2.0 * EDGE;
        let inside = |start: f64| start.min(WIDTH - EDGE - width).max(EDGE);
        let at = match mark {
            Mark::Dot { x } => (inside(x - width / 2.0) + width / 2.0, Anchor::Middle),
            Mark::Bar { x0, .. } => (inside(x0), Anchor::Start),
        };
        fits.then_some(at)
    };
    let first_baseline = top + 12.0;
    // Under text, a mark sits just clear of the descenders, and the lane ends a little under
    // it: nearer its own text than the next lane's.
    let half = match mark {
        Mark::Dot { .. } => DOT_R,
        Mark::Bar { .. } => ARROW_HALF_HEIGHT,
    };
    let under = |baseline: f64| baseline + 0.25 * TEXT_SIZE + 0.25 + half;
    let text = |(x, anchor), width, baseline, date_baseline| Text {
        x,
        anchor,
        width,
        baseline,
        date_baseline,
    };
    let (y, text, height) = if let Some(at) = beside(one) {
        let y = top + 10.0;
        (y, text(at, one, y + MIDDLE_TO_BASELINE, None), 20.0)
    } else if let Some(at) = above(one) {
        let y = under(first_baseline);
        (y, text(at, one, first_baseline, None), y + half + 4.0 - top)
    } else if let Some(at) = beside(two) {
        let second = first_baseline + LINE;
        let t = text(at, two, first_baseline, Some(second));
        (first_baseline - MIDDLE_TO_BASELINE, t, 36.0)
    } else {
        let at = above(two).unwrap_or((EDGE, Anchor::Start));
        let second = first_baseline + LINE;
        let y = under(second);
        (
            y,
            text(at, two, first_baseline, Some(second)),
            y + half + 4.0 - top,
        )
    };
    (Lane { mark, y, text }, height)
}

/// A step's timeline, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The zoomed axis and where its line is drawn.
    pub axis: TimeAxis,
    pub axis_y: f64,
    pub ticks: Vec<Tick>,
    pub tick_baseline: f64,
    /// The events' lanes, top to bottom in the order given.
    pub lanes: Vec<Lane>,
    /// Where the lines from the zoomed axis's ends to the zoom's box start.
    pub funnel_y: f64,
    /// The overview's line, its labels' baseline, and the zoom's box on it.
    pub overview_y: f64,
    pub overview_baseline: f64,
    pub zoom: (f64, f64),
    pub height: f64,
}

/// Lays out `entries` (in reading order) on an axis zoomed to them and cut to `period`, over
/// `overview`.
pub fn layout(entries: &[Entry], period: Span, overview: &Overview) -> Layout {
    let spans: Vec<Span> = entries.iter().map(|e| e.span).collect();
    let window = window(&spans, period);
    let axis = TimeAxis::new(window, MARGIN, WIDTH - MARGIN, PAD);
    let mut top = TOP;
    let lanes = entries
        .iter()
        .map(|entry| {
            let (lane, height) = lane(entry, Mark::of(entry.span, &axis), top);
            top += height;
            lane
        })
        .collect();
    let axis_y = top + LANES_GAP;
    let overview_y = axis_y + OVERVIEW;
    Layout {
        axis,
        axis_y,
        ticks: ticks(&axis),
        tick_baseline: axis_y + TICK_BASELINE,
        lanes,
        funnel_y: axis_y + FUNNEL_TOP,
        overview_y,
        overview_baseline: overview_y + OVERVIEW_BASELINE,
        zoom: overview.zoom(window),
        height: overview_y + BOTTOM,
    }
}

impl Layout {
    /// The share of the axis line the events span, from the first's start to the last's end.
    pub fn span_share(&self) -> f64 {
        let reach = self.lanes.iter().map(|l| l.mark.reach());
        let first = reach.clone().map(|r| r.0).fold(f64::INFINITY, f64::min);
        let last = reach.map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
        if first > last {
            return 0.0;
        }
        (last - first) / (self.axis.x1 - self.axis.x0)
    }

    /// Every text's estimated box: the events', the zoomed axis's and the overview's labels.
    pub fn text_boxes(&self, overview: &Overview) -> Vec<Rect> {
        let lanes = self.lanes.iter().map(|l| l.text.bounds());
        let ticks = self.ticks.iter().map(|t| t.bounds(self.tick_baseline));
        let years = overview
            .ticks
            .iter()
            .map(|t| t.bounds(self.overview_baseline));
        lanes.chain(ticks).chain(years).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: u16, month: u8, day: u8) -> i32 {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
        .day_number()
    }

    fn span(first: i32, last: i32) -> Span {
        Span { first, last }
    }

    const PERIOD: Span = Span {
        first: 7457, // June 1, 2020
        last: 8871,  // April 15, 2024
    };

    #[test]
    fn the_period_is_what_the_tests_say() {
        assert_eq!(PERIOD.first, day(2020, 6, 1));
        assert_eq!(PERIOD.last, day(2024, 4, 15));
    }

    #[test]
    fn the_window_holds_the_spans_cut_to_the_limit() {
        let cases = [
            (vec![span(7480, 7480), span(7504, 7504)], span(7480, 7504)),
            (vec![span(7500, 7500)], span(7500, 7500)),
            (vec![span(8700, 8900)], span(8700, PERIOD.last)),
            (vec![span(7000, 7460)], span(PERIOD.first, 7460)),
            (vec![], PERIOD),
            (vec![span(9000, 9100)], span(PERIOD.last, PERIOD.last)),
        ];
        for (spans, expected) in cases {
            assert_eq!(window(&spans, PERIOD), expected, "{spans:?}");
        }
    }

    #[test]
    fn a_one_day_window_puts_its_day_in_the_middle() {
        let axis = TimeAxis::new(span(100, 100), 8.0, 352.0, 12.0);
        assert!((axis.day(100) - 180.0).abs() < 1e-9);
        assert!((axis.x(100.0) - 20.0).abs() < 1e-9);
        assert!((axis.x(101.0) - 340.0).abs() < 1e-9);
        let backwards = TimeAxis::new(span(100, 90), 8.0, 352.0, 12.0);
        assert_eq!(
            backwards.window,
            span(100, 100),
            "a window never runs backwards"
        );
    }

    #[test]
    fn marks_cover_their_days_and_are_cut_at_the_window() {
        let axis = TimeAxis::new(span(0, 9), 0.0, 100.0, 0.0);
        let cases = [
            (span(3, 3), Mark::Dot { x: 35.0 }),
            (
                span(3, 4),
                Mark::Bar {
                    x0: 30.0,
                    x1: 50.0,
                    before: false,
                    after: false,
                },
            ),
            (
                span(8, 30),
                Mark::Bar {
                    x0: 80.0,
                    x1: 100.0,
                    before: false,
                    after: true,
                },
            ),
            (
                span(-5, 0),
                Mark::Bar {
                    x0: 0.0,
                    x1: 10.0,
                    before: true,
                    after: false,
                },
            ),
            // Wholly past the end: an arrowhead at the end.
            (
                span(12, 12),
                Mark::Bar {
                    x0: 100.0,
                    x1: 100.0,
                    before: false,
                    after: true,
                },
            ),
        ];
        for (span, expected) in cases {
            assert_eq!(Mark::of(span, &axis), expected, "{span:?}");
        }
    }

    fn labels_of(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn ticks_are_the_finest_that_fit_and_name_what_changes() {
        let zoomed = |first, last| ticks(&TimeAxis::new(span(first, last), 8.0, 352.0, PAD));
        let cases = [
            // Three days: one tick a day.
            (
                day(2024, 4, 13),
                day(2024, 4, 15),
                vec!["Apr 13", "14", "15"],
            ),
            // Thirteen days: every other day.
            (
                day(2024, 3, 22),
                day(2024, 4, 3),
                vec!["Mar 23", "25", "27", "29", "31", "Apr 2"],
            ),
            // Three and a half weeks: Mondays, the last in the padding after July 19.
            (
                day(2020, 6, 25),
                day(2020, 7, 19),
                vec!["Jun 29", "Jul 6", "13", "20"],
            ),
            // Half a year across a new year: months, with the year where it changes.
            (
                day(2023, 10, 1),
                day(2024, 4, 15),
                vec!["Oct 2023", "Nov", "Dec", "Jan 2024", "Feb", "Mar", "Apr"],
            ),
            // Years.
            (
                day(2015, 1, 1),
                day(2020, 12, 31),
                vec!["2015", "2016", "2017", "2018", "2019", "2020"],
            ),
        ];
        for (first, last, expected) in cases {
            assert_eq!(labels_of(&zoomed(first, last)), expected);
        }
    }

    #[test]
    fn tick_labels_stay_apart_and_inside_the_chart() {
        for days in [
            1, 2, 3, 5, 9, 13, 20, 31, 45, 70, 100, 200, 400, 800, 1500, 4000,
        ] {
            let axis = TimeAxis::new(span(8000, 8000 + days), 8.0, 352.0, PAD);
            let ticks = ticks(&axis);
            assert!(!ticks.is_empty(), "{days} days");
            for w in ticks.windows(2) {
                assert!(
                    w[1].bounds(0.0).x0 - w[0].bounds(0.0).x1 >= GAP,
                    "{days} days"
                );
            }
            for t in &ticks {
                let b = t.bounds(0.0);
                assert!(b.x0 >= EDGE - 1e-9 && b.x1 <= WIDTH - EDGE + 1e-9, "{t:?}");
                if let Some(x) = t.x {
                    assert!((axis.x0..=axis.x1).contains(&x), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn a_month_mostly_off_the_axis_is_not_labelled() {
        // June 28 to July 31: June's three days get no label, July is labelled in its middle.
        let axis = TimeAxis::new(span(day(2020, 6, 28), day(2020, 7, 31)), 8.0, 352.0, 0.0);
        let (ticks, _) = ticks_at(&axis, Every::Months(1));
        assert_eq!(labels_of(&ticks), ["Jul"]);
        let july = (
            axis.x(f64::from(day(2020, 7, 1))),
            axis.x(f64::from(day(2020, 8, 1))),
        );
        assert_eq!(ticks[0].x, Some(july.0));
        assert!((ticks[0].label_x - (july.0 + 352.0) / 2.0).abs() < 1e-9);
    }

    #[test]
    fn the_overview_names_each_year_and_boxes_the_zoom() {
        let overview = Overview::years(2020, 2024);
        assert_eq!(
            labels_of(&overview.ticks),
            ["2020", "2021", "2022", "2023", "2024"]
        );
        assert_eq!(overview.ticks[0].x, Some(MARGIN));
        let year = (WIDTH - 2.0 * MARGIN) * 366.0 / 1827.0;
        assert!((overview.ticks[0].label_x - (MARGIN + year / 2.0)).abs() < 1e-9);
        // Three days: widened to MIN_ZOOM around their middle.
        let (a, b) = overview.zoom(span(day(2024, 4, 13), day(2024, 4, 15)));
        let middle = overview.axis.x(f64::from(day(2024, 4, 14)) + 0.5);
        assert!((b - a - MIN_ZOOM).abs() < 1e-9 && ((a + b) / 2.0 - middle).abs() < 1e-9);
        // At the very end: kept on the line.
        let (_, b) = overview.zoom(span(day(2024, 12, 31), day(2024, 12, 31)));
        assert!((b - overview.axis.x1).abs() < 1e-9);
        // Wider than the overview, or wholly past it: cut to the line.
        let line = (overview.axis.x0, overview.axis.x1);
        assert_eq!(overview.zoom(span(day(2010, 1, 1), day(2030, 1, 1))), line);
        let (a, b) = overview.zoom(span(day(2030, 1, 1), day(2030, 1, 1)));
        assert!((a - (line.1 - MIN_ZOOM)).abs() < 1e-9 && b == line.1);
        // Half a year: as wide as it is.
        let (a, b) = overview.zoom(span(day(2023, 10, 1), day(2024, 3, 31)));
        assert!((a - overview.axis.x(f64::from(day(2023, 10, 1)))).abs() < 1e-9);
        assert!((b - overview.axis.x(f64::from(day(2024, 4, 1)))).abs() < 1e-9);
    }

    fn entry<'a>(span: Span, label: &'a str, date: &'a str) -> Entry<'a> {
        Entry { span, label, date }
    }

    #[test]
    fn text_goes_beside_then_above_then_on_two_lines() {
        let overview = Overview::years(2020, 2024);
        let (a, b) = (day(2023, 10, 1), day(2024, 4, 30));
        let layout = layout(
            &[
                entry(span(a + 6, a + 6), "Hamas attacks Israel", "Oct 7"),
                entry(span(b - 10, b - 10), "Something late", "Apr 20"),
                entry(span(a, b), "War in Gaza", "Oct 2023 – Apr 2024"),
                entry(
                    span(a, b - 60),
                    "Militias fire on U.S. troops",
                    "Oct 2023 – Feb 2024",
                ),
            ],
            span(a, day(2024, 4, 15)),
            &overview,
        );
        let lanes = &layout.lanes;
        // A dot near the start: text on its right, on its line.
        assert_eq!(lanes[0].text.anchor, Anchor::Start);
        assert_eq!(lanes[0].text.date_baseline, None);
        assert!(lanes[0].text.baseline > lanes[0].y - 1.0);
        // Past the period: an arrowhead at the end, text on its left.
        assert!(matches!(lanes[1].mark, Mark::Bar { after: true, .. }));
        assert_eq!(lanes[1].text.anchor, Anchor::End);
        // A bar across the axis: text above it, on one line.
        assert!(lanes[2].text.baseline < lanes[2].y - BAR_H / 2.0);
        assert_eq!(lanes[2].text.date_baseline, None);
        // Too long for one line: the date under the label, both above the bar.
        let two = lanes[3].text;
        assert_eq!(two.date_baseline, Some(two.baseline + LINE));
        assert!(
            two.date_baseline
                .is_some_and(|d| d < lanes[3].y - BAR_H / 2.0)
        );
        // Lanes go down in the order given, and the axis is under them.
        assert!(lanes.windows(2).all(|w| w[0].y < w[1].y));
        assert!(lanes.iter().all(|l| l.y + BAR_H < layout.axis_y));
    }

    #[test]
    fn no_events_give_the_whole_period_and_no_lanes() {
        let overview = Overview::years(2020, 2024);
        let layout = layout(&[], PERIOD, &overview);
        assert!(layout.lanes.is_empty());
        assert_eq!(layout.axis.window, PERIOD);
        assert_eq!(layout.span_share(), 0.0);
        assert!(layout.height > layout.overview_baseline);
    }

    #[test]
    fn one_event_sits_in_the_middle_of_its_axis() {
        let overview = Overview::years(2020, 2024);
        let d = day(2020, 7, 2);
        let layout = layout(
            &[entry(span(d, d), "Natanz blast", "Jul 2")],
            PERIOD,
            &overview,
        );
        assert_eq!(layout.lanes[0].mark, Mark::Dot { x: WIDTH / 2.0 });
        assert_eq!(labels_of(&layout.ticks), ["Jul 2"]);
        assert_eq!(layout.span_share(), 0.0, "a single day spans nothing");
    }
}
