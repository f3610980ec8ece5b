//! timeline: events on one time axis cut into eras — the 2020 cluster and the 2023–24
//! sequence — with a visible break between them, so four years of quiet take no room.
//!
//! ```text
//!  Jun 2020   Jul          ╱╱   Oct 2023   Nov   …   Apr 2024
//!  ──●──────●───●──●──     ╱╱   ──●────────────────●──●●●──
//! ```
//! Days are counted as integers (model::Date::day_number); eras come from gaps in the data.

use super::scale::Linear;
use super::{WIDTH, tenths};

/// An event on the axis: its first and last possible day, and whether the step highlights it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: i32,
    pub last: i32,
}

/// A stretch of time drawn continuously, with its place on the x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Era {
    pub first: i32,
    pub last: i32,
    pub x0: f64,
    pub x1: f64,
    /// The distinct event days inside the era, sorted: where the axis stretches.
    pub knots: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub eras: Vec<Era>,
}

/// Left and right margins of the axis inside the chart.
pub const MARGIN: f64 = 12.0;
/// The gap left for the break mark between two eras.
pub const BREAK: f64 = 22.0;
/// No era gets less than this share of the axis, however short it is.
pub const MIN_SHARE: f64 = 0.3;
/// How much of the axis follows the calendar; the rest is shared equally among event days,
/// so a busy fortnight gets room (month ticks show the stretch).
pub const CALENDAR_WEIGHT: f64 = 0.35;

/// Groups spans into eras: a new era starts wherever `gap_days` pass with no event.
pub fn eras(spans: &[Span], gap_days: i32) -> Vec<(i32, i32)> {
    let mut sorted: Vec<Span> = spans.to_vec();
    sorted.sort_by_key(|s| (s.first, s.last));
    let mut out: Vec<(i32, i32)> = Vec::new();
    for s in sorted {
        match out.last_mut() {
            Some((_, last)) if s.first - *last <= gap_days => *last = (*last).max(s.last),
            _ => out.push((s.first, s.last)),
        }
    }
    out
}

impl Axis {
    /// Shares the width among eras by duration, with at least [`MIN_SHARE`] each when it
    /// fits; inside an era, days with events get extra room (see [`CALENDAR_WEIGHT`]).
    pub fn new(eras: &[(i32, i32)], event_days: &[i32]) -> Self {
        if eras.is_empty() {
            return Self { eras: Vec::new() };
        }
        let usable = WIDTH - 2.0 * MARGIN - BREAK * (eras.len() - 1) as f64;
        let durations: Vec<f64> = eras.iter().map(|(a, b)| f64::from(b - a + 1)).collect();
        let sum: f64 = durations.iter().sum();
        let floor = if MIN_SHARE * eras.len() as f64 <= 1.0 {
            MIN_SHARE
        } else {
            1.0 / eras.len() as f64
        };
        // Eras under the floor get the floor; the rest share what is left by duration.
        let small = |d: &f64| d / sum < floor;
        let small_count = durations.iter().filter(|d| small(d)).count() as f64;
        let large_sum: f64 = durations.iter().filter(|d| !small(d)).sum();
        let raw: Vec<f64> = durations
            .iter()
            .map(|d| {
                if small(d) {
                    floor
                } else {
                    (1.0 - floor * small_count) * d / large_sum
                }
            })
            .collect();
        let raw_sum: f64 = raw.iter().sum();
        let mut x = MARGIN;
        let eras = eras
            .iter()
            .zip(raw)
            .map(|(&(first, last), share)| {
                let width = usable * share / raw_sum;
                let mut knots: Vec<i32> = event_days
                    .iter()
                    .copied()
                    .filter(|d| (first..=last).contains(d))
                    .collect();
                knots.extend([first, last + 1]);
                knots.sort_unstable();
                knots.dedup();
                let era = Era {
                    first,
                    last,
                    x0: x,
                    x1: x + width,
                    knots,
                };
                x += width + BREAK;
                era
            })
            .collect();
        Self { eras }
    }

    /// The x of a day, or `None` when it falls in a break.
    pub fn x(&self, day: i32) -> Option<f64> {
        let era = self
            .eras
            .iter()
            .find(|e| (e.first..=e.last).contains(&day))?;
        let t = f64::from(day) + 0.5;
        let calendar =
            Linear::new((f64::from(era.first), f64::from(era.last + 1)), (0.0, 1.0)).map(t);
        // Piecewise-linear over the knots, which sit at equal steps of the axis.
        let k = &era.knots;
        let segment = k
            .windows(2)
            .position(|w| t < f64::from(w[1]))
            .unwrap_or(k.len().saturating_sub(2));
        let step = 1.0 / (k.len().saturating_sub(1).max(1)) as f64;
        let within = match (k.get(segment), k.get(segment + 1)) {
            (Some(&a), Some(&b)) => Linear::new((f64::from(a), f64::from(b)), (0.0, 1.0)).map(t),
            _ => 0.5,
        };
        let ranked = (segment as f64 + within) * step;
        let share = CALENDAR_WEIGHT * calendar + (1.0 - CALENDAR_WEIGHT) * ranked;
        Some(era.x0 + share.clamp(0.0, 1.0) * (era.x1 - era.x0))
    }

    /// Where an event sits: from its first to its last possible day.
    pub fn place(&self, span: Span) -> Option<(f64, f64)> {
        Some((self.x(span.first)?, self.x(span.last)?))
    }

    /// The x positions of the breaks between eras.
    pub fn breaks(&self) -> Vec<f64> {
        self.eras
            .windows(2)
            .map(|w| (w[0].x1 + w[1].x0) / 2.0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_badges_draw_from_the_top_level_down() {
        assert_eq!(drawing_order(&[0, 1, 2, 3]), vec![3, 2, 1, 0]);
        assert_eq!(
            drawing_order(&[0, 1, 0, 1]),
            vec![1, 3, 0, 2],
            "reading order within a level"
        );
        assert_eq!(drawing_order(&[]), Vec::<usize>::new());
    }

    fn span(first: i32, last: i32) -> Span {
        Span { first, last }
    }

    #[test]
    fn clusters_split_at_long_gaps() {
        let spans = [
            span(7480, 7480),
            span(7487, 7487),
            span(7504, 7504),
            span(8680, 8690),
            span(8700, 8800),
        ];
        assert_eq!(eras(&spans, 120), [(7480, 7504), (8680, 8800)]);
        assert_eq!(eras(&spans, 5000), [(7480, 8800)]);
        assert!(eras(&[], 10).is_empty());
    }

    #[test]
    fn short_eras_keep_a_readable_share_and_a_break() {
        let axis = Axis::new(&[(0, 30), (1000, 1230)], &[]);
        let [a, b] = &axis.eras[..] else {
            panic!("two eras")
        };
        assert!((a.x0 - MARGIN).abs() < 1e-9);
        assert!((b.x1 - (WIDTH - MARGIN)).abs() < 1e-9);
        assert!((b.x0 - a.x1 - BREAK).abs() < 1e-9);
        let share = (a.x1 - a.x0) / (b.x1 - a.x0 - BREAK);
        assert!((share - MIN_SHARE).abs() < 1e-9, "share {share}");
        assert_eq!(axis.breaks().len(), 1);
    }

    #[test]
    fn days_map_inside_their_era_and_not_in_the_break() {
        let axis = Axis::new(&[(0, 30), (1000, 1230)], &[]);
        let first = axis.x(0).expect("in era");
        let later = axis.x(30).expect("in era");
        assert!(first < later && later <= axis.eras[0].x1);
        assert_eq!(axis.x(500), None);
        assert!(axis.x(1230).expect("in era") <= WIDTH - MARGIN);
        assert_eq!(axis.place(span(0, 1230)).map(|(a, b)| a < b), Some(true));
    }

    #[test]
    fn busy_days_get_room_and_order_is_kept() {
        // 100 quiet days, then five events in the last five days.
        let busy = [95, 96, 97, 98, 99];
        let axis = Axis::new(&[(0, 99)], &busy);
        let xs: Vec<f64> = (0..100).map(|d| axis.x(d).expect("in era")).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "monotonic");
        let calendar_share = 5.0 / 100.0;
        let busy_share = (xs[99] - xs[95]) / (WIDTH - 2.0 * MARGIN);
        assert!(
            busy_share > 3.0 * calendar_share,
            "the busy days got {busy_share}"
        );
    }

    #[test]
    fn a_single_day_era_does_not_divide_by_zero() {
        let axis = Axis::new(&[(5, 5)], &[5]);
        let x = axis.x(5).expect("in era");
        assert!(x.is_finite() && (MARGIN..=WIDTH - MARGIN).contains(&x));
        assert!(Axis::new(&[], &[]).x(0).is_none());
    }
}

/// The order to draw stacked badges in: the highest level first (its stem runs down past
/// the badges under it, which must cover it), reading order within a level.
pub fn drawing_order(levels: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(levels[i]));
    order
}

/// Stacks labels at `xs` into levels so that labels on one level are at least `min_gap`
/// apart; returns each label's level (0 = nearest the axis), in the order given.
pub fn stack_levels(xs: &[f64], min_gap: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut last_on_level: Vec<f64> = Vec::new();
    let mut levels = vec![0; xs.len()];
    for i in order {
        let level = last_on_level
            .iter()
            .position(|&last| xs[i] - last >= min_gap)
            .unwrap_or(last_on_level.len());
        if level == last_on_level.len() {
            last_on_level.push(xs[i]);
        } else {
            last_on_level[level] = xs[i];
        }
        levels[i] = level;
    }
    levels
}

#[cfg(test)]
mod stacking_tests {
    use super::stack_levels;

    #[test]
    fn close_labels_climb_and_far_ones_stay_low() {
        assert_eq!(stack_levels(&[10.0, 12.0, 14.0, 100.0], 16.0), [0, 1, 2, 0]);
        assert_eq!(stack_levels(&[100.0, 10.0, 30.0], 16.0), [0, 0, 0]);
        assert_eq!(stack_levels(&[10.0, 12.0, 40.0, 41.0], 16.0), [0, 1, 0, 1]);
        assert!(stack_levels(&[], 16.0).is_empty());
    }
}

/// Which of a row of labels, each `(x, width)` from left to right, can be shown without
/// overlapping the last one shown; the first is always shown.
pub fn thin_labels(labels: &[(f64, f64)], gap: f64) -> Vec<bool> {
    let mut end = f64::NEG_INFINITY;
    labels
        .iter()
        .map(|&(x, width)| {
            let fits = x >= end + gap;
            if fits {
                end = x + width;
            }
            fits
        })
        .collect()
}

#[cfg(test)]
mod thinning_tests {
    use super::thin_labels;

    #[test]
    fn overlapping_labels_are_dropped() {
        assert_eq!(
            thin_labels(
                &[(0.0, 40.0), (30.0, 20.0), (50.0, 20.0), (60.0, 10.0)],
                4.0
            ),
            [true, false, true, false]
        );
        assert!(thin_labels(&[], 4.0).is_empty());
    }
}

/// A background event's mark on the axis, in the tenths of a unit the SVG is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// An event lasting long enough to show as a segment from `x0` to `x1`.
    Span { x0: i64, x1: i64 },
    /// An event as short as a dot, at `x`.
    Dot { x: i64 },
}

impl Mark {
    /// The mark for an event placed from `a` to `b`: a dot when it is `min_span` wide or less.
    pub fn of(a: f64, b: f64, min_span: f64) -> Mark {
        if b - a > min_span {
            Mark::Span {
                x0: tenths(a),
                x1: tenths(b),
            }
        } else {
            Mark::Dot {
                x: tenths((a + b) / 2.0),
            }
        }
    }
}

/// The marks to draw, each once: many events share their drawn extent (weeks of talks all
/// "April 2024"), and a mark drawn again on top of itself adds nothing but DOM. Spans come
/// first, so every dot sits on top of them; each kind keeps the order given. (A few dozen
/// marks: a linear search is cheaper in code size than a sort.)
pub fn distinct_marks(marks: impl IntoIterator<Item = Mark>) -> Vec<Mark> {
    let mut spans = Vec::new();
    let mut dots = Vec::new();
    for mark in marks {
        let kind = match mark {
            Mark::Span { .. } => &mut spans,
            Mark::Dot { .. } => &mut dots,
        };
        if !kind.contains(&mark) {
            kind.push(mark);
        }
    }
    spans.append(&mut dots);
    spans
}

#[cfg(test)]
mod mark_tests {
    use super::{Mark, distinct_marks};

    #[test]
    fn marks_drawn_on_the_same_place_are_kept_once() {
        let marks = [
            Mark::of(245.4, 310.1, 3.0),
            Mark::of(10.0, 11.0, 3.0),
            Mark::of(245.41, 310.09, 3.0),
            Mark::of(10.5, 10.5, 3.0),
            Mark::of(245.4, 290.1, 3.0),
        ];
        assert_eq!(
            distinct_marks(marks),
            [
                Mark::Span { x0: 2454, x1: 3101 },
                Mark::Span { x0: 2454, x1: 2901 },
                Mark::Dot { x: 105 },
            ]
        );
        assert!(distinct_marks([]).is_empty());
    }

    #[test]
    fn a_short_event_is_a_dot_at_its_middle() {
        assert_eq!(Mark::of(20.0, 23.0, 3.0), Mark::Dot { x: 215 });
        assert_eq!(Mark::of(20.0, 23.1, 3.0), Mark::Span { x0: 200, x1: 231 });
    }
}
