//! `units_canvas`: how the live unit chart has its marks drawn on a `<canvas>` laid over the
//! chart's SVG. The SVG keeps the block captions, the accessible name and the description
//! (the canvas is `aria-hidden`); one canvas redrawn each frame moves 331 marks for a fraction
//! of what 331 SVG elements with CSS transitions cost the browser's style engine.
//!
//! The drawing is the page's business: `UnitsMarks` asks for it through [`MarksPainter`],
//! which `embed` implements for the browser (`embed::canvas`) and hands down with the id
//! prefix, by context ([`Painter`] in `scope::IdScope`). Natively, and in the first render
//! that takes over the prerendered page, there is no painter, and `UnitsMarks` draws the marks
//! as SVG.

use std::cell::Cell;
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

/// Draws the unit chart's marks on canvases.
pub trait MarksPainter {
    /// Shows `layout`, the layout of `view`, on the canvas `canvas_id`, its drawing placed as
    /// `viewport` says: the marks move there from where that canvas drew them last, as the SVG
    /// marks did; at once if it drew none yet, or under prefers-reduced-motion. The theme's
    /// colours are read again for it.
    fn show(&self, canvas_id: &str, viewport: Viewport, layout: Rc<Layout>, view: View);
}

/// The page's painter, as a rendering of the story holds it (see `scope::IdScope`): none
/// natively, and in the first render, which takes over the prerendered markup and so must draw
/// the marks as it did, as SVG. The same value for the widget's whole life, so that no view
/// renders again when it becomes ready: the views read [`Painter::get`] when they render.
#[derive(Clone, Default)]
pub struct Painter {
    painter: Option<Rc<dyn MarksPainter>>,
    ready: Rc<Cell<bool>>,
}

impl Painter {
    /// `painter`, to be used from the first render if `ready`, else from [`Painter::ready`].
    pub fn new(painter: Option<Rc<dyn MarksPainter>>, ready: bool) -> Painter {
        Painter {
            painter,
            ready: Rc::new(Cell::new(ready)),
        }
    }

    /// The first render is done: views rendered from now on draw on canvases.
    pub fn ready(&self) {
        self.ready.set(true);
    }

    /// The painter, once ready.
    pub fn get(&self) -> Option<Rc<dyn MarksPainter>> {
        self.painter.clone().filter(|_| self.ready.get())
    }
}

impl PartialEq for Painter {
    fn eq(&self, other: &Self) -> bool {
        let same = match (&self.painter, &other.painter) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same && Rc::ptr_eq(&self.ready, &other.ready)
    }
}
