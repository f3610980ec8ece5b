//! geom: chart geometry as pure functions — values in, positions out. No yew, no DOM, no
//! randomness. Components draw what these return; tests check them as tables.
//!
//! Every layout works in a fixed SVG coordinate space ([`WIDTH`] wide) that the browser
//! scales to the column, so one geometry serves a 320 px phone and a 1280 px desktop.

pub mod bars;
pub mod image;
pub mod motion;
pub mod scale;
pub mod timeline;
pub mod units;

/// The width of every chart's SVG coordinate space.
pub const WIDTH: f64 = 360.0;

/// `value` held between `low` and `high` (`high` wins if they cross). Unlike `f64::clamp`,
/// it never panics — and so never brings float formatting (about 10 kB) into the wasm for the
/// panic's message.
pub fn within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

/// Numbers for SVG attributes, at one decimal ("12.5", "3"), written as the build writes
/// the map's (see `escalation_domain::number`).
pub use escalation_domain::number::{fmt, fmt_tenths, tenths};

#[cfg(test)]
mod tests {
    #[test]
    fn within_holds_a_value_between_its_bounds_and_never_panics() {
        assert_eq!(super::within(5.0, 0.0, 3.0), 3.0);
        assert_eq!(super::within(-1.0, 0.0, 3.0), 0.0);
        assert_eq!(super::within(2.0, 0.0, 3.0), 2.0);
        assert_eq!(
            super::within(2.0, 4.0, 3.0),
            3.0,
            "crossed bounds: the high one"
        );
        assert_eq!(super::within(f64::NAN, 0.0, 3.0), 0.0);
    }
}
