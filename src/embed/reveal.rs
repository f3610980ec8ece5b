//! reveal: after the reader moves the story from inside the widget, whether the page should
//! scroll so the new step is seen from its top, and by how much. Pure; the browser glue
//! measures the stage and scrolls (or, in an iframe, asks the host page: embed.js applies the
//! same rule, with the same band, to the frame's position).
//!
//! The stage is the step targets, the step and Previous/Next. When it fits the screen, it is
//! brought to the top of the screen whole; when it does not (a short phone screen), the step's
//! own top is, so that its headline, chart and controls are on screen.

/// The frame heights a host script accepts from the widget, in CSS pixels (embed.js applies
/// the same), and so the farthest a host is asked to scroll into a frame.
pub const MIN_HEIGHT: u32 = 100;
pub const MAX_HEIGHT: u32 = 20_000;

/// How far below the top of the screen the anchor may be and stay where it is: the step's
/// headline then sits within the top fifth of a phone's screen.
pub const SETTLED_BAND: f64 = 64.0;

/// Where the stage is, in CSS pixels from the top of the viewport (or of a page: any origin
/// will do, as long as all three share it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StagePosition {
    /// The top of the stage (the step targets).
    pub top: f64,
    /// The top of the step itself (its headline).
    pub step: f64,
    /// The bottom of the stage (under Previous/Next).
    pub bottom: f64,
}

impl StagePosition {
    /// The stage moved by `dy`, e.g. from page to viewport coordinates.
    pub fn shifted(self, dy: f64) -> Self {
        Self {
            top: self.top + dy,
            step: self.step + dy,
            bottom: self.bottom + dy,
        }
    }
}

/// How far to scroll the page (positive: down) to bring the stage — or, if it is taller than
/// the `viewport`, its step — to the top of the screen; `None` when that is already in the
/// settled band, or a measure is unusable. `at` is in viewport coordinates.
pub fn scroll_by(at: StagePosition, viewport: f64) -> Option<f64> {
    let fits = at.bottom - at.top <= viewport;
    let anchor = if fits { at.top } else { at.step };
    if !anchor.is_finite() || !viewport.is_finite() || (0.0..=SETTLED_BAND).contains(&anchor) {
        return None;
    }
    Some(anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(top: f64) -> StagePosition {
        StagePosition {
            top,
            step: top + 44.0,
            bottom: top + 600.0,
        }
    }

    #[test]
    fn a_stage_above_the_screen_or_low_on_it_is_brought_to_the_top() {
        assert_eq!(
            scroll_by(at(-480.0), 667.0),
            Some(-480.0),
            "scrolled past: back up"
        );
        assert_eq!(
            scroll_by(at(300.0), 667.0),
            Some(300.0),
            "low on the screen: down"
        );
        assert_eq!(scroll_by(at(0.0), 667.0), None);
        assert_eq!(
            scroll_by(at(SETTLED_BAND), 667.0),
            None,
            "the band's edge stays"
        );
        assert_eq!(
            scroll_by(at(SETTLED_BAND + 1.0), 667.0),
            Some(SETTLED_BAND + 1.0)
        );
        assert_eq!(scroll_by(at(f64::NAN), 667.0), None);
    }

    #[test]
    fn a_stage_taller_than_the_screen_brings_its_step_to_the_top() {
        assert_eq!(
            scroll_by(at(-480.0), 568.0),
            Some(-436.0),
            "the step's top, not the targets above it"
        );
        assert_eq!(
            scroll_by(at(-20.0), 568.0),
            None,
            "the step already at 24px: stay"
        );
    }

    #[test]
    fn positions_shift_together() {
        let moved = at(100.0).shifted(-250.0);
        assert_eq!(moved, at(-150.0));
    }
}
