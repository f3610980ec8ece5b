//! `units_canvas`: how the live unit chart has its marks drawn on a `<canvas>` laid over the
//! chart's SVG. The SVG keeps the block captions, the accessible name and the description
//! (the canvas is `aria-hidden`); one canvas redrawn each frame moves 331 marks for a fraction
//! of what 331 SVG elements with CSS transitions cost the browser's style engine.
//!
//! The drawing is the page's business: `UnitsMarks` asks for it through [`MarksPainter`],
//! which `embed` implements for the browser (`embed::canvas`) and hands down by context
//! ([`Painter`]). Natively, and in the first render that takes over the prerendered page,
//! there is no painter, and `UnitsMarks` draws the marks as SVG.

use std::rc::Rc;

use crate::geom::units::{Layout, View};

/// Where the drawing sits in the canvas's box: the coordinate space the chart's SVG has
/// (`width` × `height` units, fitted into the box as the SVG's `viewBox` is) and how far down
/// the marks' drawing starts in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    pub offset: f64,
}

/// Draws the unit chart's marks on the canvas with a given id.
pub trait MarksPainter {
    /// Starts drawing on the canvas `canvas_id`, its drawing placed as `viewport` says, until
    /// the returned value is dropped; `None` if that canvas cannot be drawn on.
    fn attach(&self, canvas_id: &str, viewport: Viewport) -> Option<Box<dyn MarksCanvas>>;
}

/// One canvas being drawn on.
pub trait MarksCanvas {
    /// Shows `layout`, the layout of `view`: the marks move there from where they are drawn
    /// now, as the SVG marks did; at once the first time, or under prefers-reduced-motion.
    /// The theme's colours are read again for it.
    fn show(&mut self, layout: Rc<Layout>, view: View);
}

/// The page's painter, by context: `None` where the marks stay SVG (natively, and until the
/// widget has taken over the prerendered markup).
#[derive(Clone, Default)]
pub struct Painter(pub Option<Rc<dyn MarksPainter>>);

impl PartialEq for Painter {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}
