//! scale: a linear map from a data domain to a pixel range, after d3-scale. A degenerate
//! domain maps everything to the middle of the range.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self { domain, range }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The domain value that maps to `position`; a degenerate range gives the middle of the
    /// domain.
    pub fn invert(&self, position: f64) -> f64 {
        Linear::new(self.range, self.domain).map(position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_linearly_and_handles_a_zero_width_domain() {
        let s = Linear::new((0.0, 100.0), (10.0, 210.0));
        for (input, expected) in [(0.0, 10.0), (50.0, 110.0), (100.0, 210.0), (150.0, 310.0)] {
            assert!((s.map(input) - expected).abs() < 1e-9, "{input}");
        }
        let flat = Linear::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.map(5.0), 50.0);
        assert_eq!(flat.map(-3.0), 50.0);
        let reversed = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(reversed.map(10.0), 0.0);
        assert!((s.invert(110.0) - 50.0).abs() < 1e-9);
        assert!((s.invert(s.map(73.5)) - 73.5).abs() < 1e-9);
        assert_eq!(Linear::new((0.0, 10.0), (7.0, 7.0)).invert(7.0), 5.0);
    }
}
