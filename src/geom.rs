//! geom: chart geometry as pure functions — values in, positions out. No yew, no DOM, no
//! randomness. Components draw what these return; tests check them as tables.
//!
//! Every layout works in a fixed SVG coordinate space ([`WIDTH`] wide) that the browser
//! scales to the column, so one geometry serves a 320 px phone and a 1280 px desktop.

pub mod bars;
pub mod flow;
pub mod scale;
pub mod timeline;
pub mod units;

/// The width of every chart's SVG coordinate space.
pub const WIDTH: f64 = 360.0;

/// A number for an SVG attribute, at one decimal so snapshots are stable ("12.5", "3").
pub fn fmt(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_written_at_fixed_precision() {
        assert_eq!(super::fmt(12.0), "12");
        assert_eq!(super::fmt(12.34), "12.3");
        assert_eq!(super::fmt(-0.04), "-0");
        assert_eq!(super::fmt(7.25), "7.3");
    }
}
