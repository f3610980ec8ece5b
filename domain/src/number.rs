//! number: how the widget and the build write numbers into SVG — at one decimal, with integer
//! arithmetic only (float formatting would add about 10 kB of code to the wasm).

/// A number for an SVG attribute, at one decimal so snapshots are stable ("12.5", "3").
/// Not-a-number and the infinities write as "0".
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
