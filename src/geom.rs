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

/// A number for an SVG attribute, at one decimal so snapshots are stable ("12.5", "3").
/// Written with integer arithmetic: float formatting would add about 10 kB of code to the
/// wasm for this alone. Not-a-number (never produced by the layouts) writes as "0".
pub fn fmt(value: f64) -> String {
    fmt_tenths(tenths(value))
}

/// A number rounded to the tenths `fmt` writes it in (12.34 gives 123), so values that
/// write the same compare equal. Not-a-number and infinities give 0.
pub fn tenths(value: f64) -> i64 {
    let tenths = (value * 10.0).round();
    if tenths.is_finite() { tenths as i64 } else { 0 }
}

/// A number already counted in tenths (as `fmt` writes it): 125 writes "12.5".
pub fn fmt_tenths(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

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

    #[test]
    fn numbers_are_written_at_fixed_precision() {
        assert_eq!(super::fmt(12.0), "12");
        assert_eq!(super::fmt(12.34), "12.3");
        assert_eq!(super::fmt(-0.04), "0", "no negative zero");
        assert_eq!(super::fmt(-3.06), "-3.1");
        assert_eq!(super::fmt(7.25), "7.3");
        assert_eq!(super::fmt(f64::NAN), "0");
        for tenths in -5000..5000 {
            let value = f64::from(tenths) / 10.0;
            assert_eq!(super::fmt(value).parse::<f64>().unwrap(), value, "{value}");
        }
    }
}
