//! bars: horizontal bars for "estimates against reality". A bar is solid segments (stacked),
//! optionally followed by a range band ("60 to 70") or capped as a ceiling ("no more than 10").
//!
//! ```text
//! First estimate   ██▏                     (ceiling: no more than)
//! Revised          ████████░░              (solid to min, band to max)
//! Launched         ███████████▓▓▓▓▒▒▒▒▒▒▒  (stacked parts)
//! ```

use super::WIDTH;
use super::scale::Linear;

/// One part of a bar: its size and whether the source gives it only approximately.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub value: f64,
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub parts: Vec<Part>,
    /// For a stated range: where the range ends (the parts reach its start).
    pub range_to: Option<f64>,
    /// The bar is a ceiling ("no more than"): drawn with an end cap.
    pub ceiling: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub width: f64,
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarGeom {
    /// Top of the bar (its label sits above it).
    pub y: f64,
    pub height: f64,
    pub parts: Vec<Rect>,
    pub range: Option<Rect>,
    /// x of the ceiling cap, if any.
    pub cap: Option<f64>,
    /// Where the value label starts, just past the bar's end.
    pub label_x: f64,
}

pub const LEFT: f64 = 8.0;
pub const RIGHT: f64 = 8.0;
/// Room above each bar for its label.
pub const LABEL: f64 = 20.0;
pub const BAR: f64 = 22.0;
pub const ROW_GAP: f64 = 14.0;

/// The bars for `rows`, on one scale from zero to the largest end (at least `min_domain`).
pub fn layout(rows: &[Row], min_domain: f64) -> (Vec<BarGeom>, f64) {
    let ends = rows.iter().map(|r| {
        r.range_to
            .unwrap_or(0.0)
            .max(r.parts.iter().map(|p| p.value).sum())
    });
    let max = ends.fold(min_domain, f64::max);
    let scale = Linear::new((0.0, max), (LEFT, WIDTH - RIGHT));
    let mut y = 0.0;
    let mut out = Vec::new();
    for row in rows {
        let mut start = 0.0;
        let mut parts = Vec::new();
        for part in &row.parts {
            let x = scale.map(start);
            let x_end = scale.map(start + part.value);
            parts.push(Rect {
                x,
                width: (x_end - x).max(0.0),
                approximate: part.approximate,
            });
            start += part.value;
        }
        let range = row.range_to.filter(|to| *to > start).map(|to| {
            let x = scale.map(start);
            Rect {
                x,
                width: scale.map(to) - x,
                approximate: true,
            }
        });
        let end = row.range_to.unwrap_or(start).max(start);
        let cap = row.ceiling.then(|| scale.map(end));
        out.push(BarGeom {
            y: y + LABEL,
            height: BAR,
            parts,
            range,
            cap,
            label_x: scale.map(end) + 4.0,
        });
        y += LABEL + BAR + ROW_GAP;
    }
    (out, y - ROW_GAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(value: f64) -> Part {
        Part {
            value,
            approximate: false,
        }
    }

    #[test]
    fn estimates_against_what_came() {
        let rows = [
            Row {
                parts: vec![part(10.0)],
                range_to: None,
                ceiling: true,
            },
            Row {
                parts: vec![part(60.0)],
                range_to: Some(70.0),
                ceiling: false,
            },
            Row {
                parts: vec![
                    part(110.0),
                    Part {
                        value: 36.0,
                        approximate: true,
                    },
                    part(185.0),
                ],
                range_to: None,
                ceiling: false,
            },
        ];
        let (bars, height) = layout(&rows, 0.0);
        let px_per_unit = (WIDTH - LEFT - RIGHT) / 331.0;
        assert!((bars[0].parts[0].width - 10.0 * px_per_unit).abs() < 1e-9);
        assert_eq!(
            bars[0].cap,
            Some(bars[0].parts[0].x + bars[0].parts[0].width)
        );
        let band = bars[1].range.expect("a range band");
        assert!((band.x - (LEFT + 60.0 * px_per_unit)).abs() < 1e-9);
        assert!((band.width - 10.0 * px_per_unit).abs() < 1e-9);
        let launched = &bars[2].parts;
        assert!(
            (launched[2].x + launched[2].width - (WIDTH - RIGHT)).abs() < 1e-9,
            "the largest bar fills the width"
        );
        assert!(launched[1].approximate && !launched[0].approximate);
        assert!(bars[1].y > bars[0].y && bars[2].y > bars[1].y);
        assert!((height - (3.0 * (LABEL + BAR) + 2.0 * ROW_GAP)).abs() < 1e-9);
    }

    #[test]
    fn empty_and_zero_rows_stay_finite() {
        let (bars, height) = layout(&[], 0.0);
        assert!(bars.is_empty() && height <= 0.0);
        let (bars, _) = layout(
            &[Row {
                parts: vec![part(0.0)],
                range_to: None,
                ceiling: false,
            }],
            0.0,
        );
        assert!(bars[0].parts[0].width.is_finite());
    }
}
