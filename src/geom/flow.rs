//! flow: a funnel of stages — launched → entered Israeli airspace → reached targets — each as
//! wide as its count, joined by bands. A stage the source gives no number for is drawn at a
//! fixed small width and flagged `unknown`, so the chart never invents a count.
//!
//! ```text
//! ┌────────────── launched ──────────────┐
//!  ╲                                    ╱   band
//!       ┌── entered ──┐
//!          ┆ a few ┆                        unknown: dashed, not to scale
//! ```

use super::WIDTH;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stage {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub unknown: bool,
}

pub const STAGE_HEIGHT: f64 = 26.0;
/// Vertical room between stages, for the band and the next stage's label.
pub const STAGE_GAP: f64 = 52.0;
/// Room above the first stage for its label.
pub const TOP: f64 = 22.0;
const SIDE: f64 = 8.0;
const UNKNOWN_WIDTH: f64 = 14.0;

/// Stages for `values` (None = a share the source gives no number for), centred.
pub fn funnel(values: &[Option<f64>]) -> (Vec<Stage>, f64) {
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    let usable = WIDTH - 2.0 * SIDE;
    let stages: Vec<Stage> = values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let (width, unknown) = match value {
                Some(v) if max > 0.0 => ((v / max * usable).max(2.0), false),
                Some(_) => (usable, false),
                None => (UNKNOWN_WIDTH, true),
            };
            Stage {
                x: (WIDTH - width) / 2.0,
                y: TOP + i as f64 * (STAGE_HEIGHT + STAGE_GAP),
                width,
                height: STAGE_HEIGHT,
                unknown,
            }
        })
        .collect();
    let height = stages.last().map_or(0.0, |s| s.y + s.height);
    (stages, height)
}

/// The band joining two stages, as four corner points (clockwise from top-left).
pub fn band(from: &Stage, to: &Stage) -> [(f64, f64); 4] {
    let top = from.y + from.height;
    let bottom = to.y;
    [
        (from.x, top),
        (from.x + from.width, top),
        (to.x + to.width, bottom),
        (to.x, bottom),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_scale_with_their_counts_and_unknowns_are_flagged() {
        let (stages, height) = funnel(&[Some(331.0), Some(75.0), None]);
        assert!((stages[0].width - (WIDTH - 16.0)).abs() < 1e-9);
        assert!((stages[1].width / stages[0].width - 75.0 / 331.0).abs() < 1e-9);
        assert!(stages[2].unknown && !stages[1].unknown);
        for s in &stages {
            assert!((s.x + s.width / 2.0 - WIDTH / 2.0).abs() < 1e-9, "centred");
        }
        assert_eq!(height, stages[2].y + STAGE_HEIGHT);
        let [a, b, c, d] = band(&stages[0], &stages[1]);
        assert_eq!(
            (a.1, b.1),
            (stages[0].y + STAGE_HEIGHT, stages[0].y + STAGE_HEIGHT)
        );
        assert_eq!((c.1, d.1), (stages[1].y, stages[1].y));
    }

    #[test]
    fn no_numbers_at_all_still_draws() {
        let (stages, _) = funnel(&[None, Some(0.0)]);
        assert!(stages.iter().all(|s| s.width.is_finite() && s.width > 0.0));
        assert!(funnel(&[]).0.is_empty());
    }
}
