//! canvas: the browser's side of [`MarksPainter`] — the only code that draws on a canvas.
//! Compiled for wasm32 only; `page::BrowserPage` hands it to the widget, whose unit chart
//! (`UnitsMarks`) asks it to show each view on the canvas laid over the chart.
//!
//! Each frame it asks `geom::motion` where every mark is and in what colours, then draws them
//! grouped by colour (a few dozen fills a frame, not 331). The canvas's backing store is its
//! CSS size times the device pixel ratio, set whenever a ResizeObserver sees it change size;
//! the colours are the stylesheet's custom properties, read from the canvas's computed style
//! for each view, and again when the reader's `prefers-color-scheme` changes (the widget's own
//! `data-theme` is set before its canvas is ever drawn on: the page's settings bring both).
//! Under `prefers-reduced-motion` a view change draws the new view at once. Every callback
//! holds the canvas's state weakly: once its canvas has left the page, the state leaves the
//! registry of canvases, and they do nothing.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MediaQueryList, ResizeObserver};

use crate::components::units_canvas::{MarksPainter, Viewport};
use crate::geom::motion::{self, CORNER, OUTLINE, Palette, Pose, Rgba};
use crate::geom::units::{Layout, View};

/// The browser's painter.
pub struct BrowserPainter;

/// The painter.
pub fn painter() -> Rc<dyn MarksPainter> {
    Rc::new(BrowserPainter)
}

thread_local! {
    /// The canvases being drawn on, each with its state. One leaves when its canvas leaves the
    /// page (the ResizeObserver sees it go, or the next `show` does).
    static CANVASES: RefCell<Vec<Rc<RefCell<State>>>> = const { RefCell::new(Vec::new()) };
}

impl MarksPainter for BrowserPainter {
    fn show(&self, canvas_id: &str, viewport: Viewport, layout: Rc<Layout>, view: View) {
        let Some(canvas) = gloo::utils::document()
            .get_element_by_id(canvas_id)
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        let known = CANVASES.with(|all| {
            let mut all = all.borrow_mut();
            all.retain(|s| {
                let connected = s.borrow().canvas.is_connected();
                connected || s.borrow_mut().release()
            });
            all.iter().find(|s| s.borrow().canvas == canvas).cloned()
        });
        // A canvas without a 2D context (none is known) is left blank.
        if let Some(state) = known.or_else(|| attach(canvas, viewport)) {
            let mut state = state.borrow_mut();
            state.viewport = viewport;
            state.show(layout, view);
        }
    }
}

/// Starts drawing on `canvas`: its state, its observer and listener, in the registry.
fn attach(canvas: HtmlCanvasElement, viewport: Viewport) -> Option<Rc<RefCell<State>>> {
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten()?.dyn_into().ok()?;
    let window = gloo::utils::window();
    let query = |q: &str| window.match_media(q).ok().flatten();
    let state = Rc::new(RefCell::new(State {
        canvas: canvas.clone(),
        context,
        viewport,
        rounded: Cell::new(true),
        size: None,
        palette: None,
        target: None,
        from: Vec::new(),
        to: Vec::new(),
        stale: true,
        clock: Clock::Still,
        last_t: 0.0,
        asked: false,
        tick: None,
        reduced_motion: query("(prefers-reduced-motion: reduce)"),
        resize: None,
        scheme: None,
    }));
    let weak = Rc::downgrade(&state);
    let tick = callback(&weak, |s, now| s.tick(now.as_f64().unwrap_or(0.0)));
    let resized = callback(&weak, |s, _| s.resized());
    let resize = ResizeObserver::new(resized.unchecked_ref()).ok();
    if let Some(resize) = &resize {
        resize.observe(&canvas);
    }
    // Without a `data-theme`, the reader's system decides the theme, at any moment.
    let scheme = query("(prefers-color-scheme: dark)").map(|dark| {
        EventListener::new(&dark, "change", move |_| {
            if let Some(state) = weak.upgrade() {
                state.borrow_mut().theme_changed();
            }
        })
    });
    {
        let mut s = state.borrow_mut();
        s.tick = Some(tick);
        s.resize = resize;
        s.scheme = scheme;
    }
    CANVASES.with(|all| all.borrow_mut().push(state.clone()));
    Some(state)
}

/// A JavaScript function that calls `act` on the state while it lives, and does nothing after.
fn callback(weak: &Weak<RefCell<State>>, act: fn(&mut State, JsValue)) -> js_sys::Function {
    let weak = weak.clone();
    Closure::<dyn FnMut(JsValue)>::new(move |arg: JsValue| {
        if let Some(state) = weak.upgrade() {
            act(&mut state.borrow_mut(), arg);
        }
    })
    .into_js_value()
    .unchecked_into()
}

/// Where the current move is in time.
#[derive(Clone, Copy, PartialEq)]
enum Clock {
    /// At rest: the target drawn as it is.
    Still,
    /// A move asked for: its time starts at the next frame.
    Starting,
    /// A move under way since this frame time.
    Since(f64),
}

struct State {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    viewport: Viewport,
    /// Whether the browser draws rounded rectangles (`roundRect`): if not, square corners.
    rounded: Cell<bool>,
    /// The canvas's CSS size, once seen.
    size: Option<(f64, f64)>,
    /// The theme's colours; `None` once the theme changed, until read again.
    palette: Option<Palette>,
    /// What to show: a view's layout.
    target: Option<(Rc<Layout>, View)>,
    /// Where the move starts: the marks as drawn when it was asked for.
    from: Vec<Pose>,
    /// Where the move ends: the target at rest, in the palette's colours.
    to: Vec<Pose>,
    /// Whether `to` is out of date (a new target, or a new theme): made again before drawing.
    stale: bool,
    clock: Clock,
    /// How far into the move the last drawn frame was.
    last_t: f64,
    /// Whether an animation frame is asked for.
    asked: bool,
    tick: Option<js_sys::Function>,
    reduced_motion: Option<MediaQueryList>,
    resize: Option<ResizeObserver>,
    scheme: Option<EventListener>,
}

impl State {
    /// The marks as they are on the canvas now; none before the first drawing.
    fn on_screen(&self) -> Vec<Pose> {
        match self.clock {
            Clock::Still => self.to.clone(),
            Clock::Starting => self.from.clone(),
            Clock::Since(_) => motion::frame(&self.from, &self.to, self.last_t),
        }
    }

    fn show(&mut self, layout: Rc<Layout>, view: View) {
        let now = self.on_screen();
        let reduced = self.reduced_motion.as_ref().is_some_and(|q| q.matches());
        let moves = !now.is_empty() && !reduced;
        self.from = if moves { now } else { Vec::new() };
        self.clock = if moves { Clock::Starting } else { Clock::Still };
        self.target = Some((layout, view));
        self.palette = None;
        self.stale = true;
        self.ask_frame();
    }

    fn ask_frame(&mut self) {
        if let (false, Some(tick)) = (self.asked, &self.tick) {
            self.asked = gloo::utils::window().request_animation_frame(tick).is_ok();
        }
    }

    /// An animation frame: draw the marks where they are at `now`, and ask for the next frame
    /// until the move is over.
    fn tick(&mut self, now: f64) {
        self.asked = false;
        let t = match self.clock {
            Clock::Still => f64::INFINITY,
            Clock::Starting => {
                self.clock = Clock::Since(now);
                0.0
            }
            Clock::Since(start) => now - start,
        };
        self.draw(t);
        if t >= motion::duration() {
            self.clock = Clock::Still;
        } else {
            self.ask_frame();
        }
    }

    fn resized(&mut self) {
        if !self.canvas.is_connected() {
            // Gone from the page: stop, and leave the registry (which holds the only strong
            // reference besides the one this call runs on).
            self.release();
            let canvas = self.canvas.clone();
            // This state is borrowed by the call: `try_borrow` fails for it alone.
            CANVASES.with(|all| {
                all.borrow_mut()
                    .retain(|s| s.try_borrow().is_ok_and(|s| s.canvas != canvas))
            });
            return;
        }
        let rect = self.canvas.get_bounding_client_rect();
        let (width, height) = (rect.width(), rect.height());
        let ratio = gloo::utils::window().device_pixel_ratio();
        let (w, h) = (
            motion::backing_size(width, ratio),
            motion::backing_size(height, ratio),
        );
        // Setting a size clears the canvas, even to the same size: only when it changes.
        if self.canvas.width() != w || self.canvas.height() != h {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
        }
        self.size = Some((width, height));
        // Drawn now, before this frame is painted.
        let t = match self.clock {
            Clock::Still => f64::INFINITY,
            _ => self.last_t,
        };
        self.draw(t);
    }

    fn theme_changed(&mut self) {
        self.palette = None;
        self.stale = true;
        self.ask_frame();
    }

    /// The theme's colours, read from the stylesheet if not known.
    fn palette(&mut self) -> Palette {
        if let Some(palette) = self.palette {
            return palette;
        }
        let style = gloo::utils::window()
            .get_computed_style(&self.canvas)
            .ok()
            .flatten();
        let palette = Palette::read(|property| {
            Rgba::parse(&style.as_ref()?.get_property_value(property).ok()?)
        });
        self.palette = Some(palette);
        palette
    }

    fn draw(&mut self, t: f64) {
        let Some((width, height)) = self.size else {
            return;
        };
        let Some((layout, view)) = self.target.clone() else {
            return;
        };
        if self.stale {
            let palette = self.palette();
            self.to = motion::settled(&layout, view, &palette);
            self.stale = false;
        }
        self.last_t = t;
        let poses = if self.clock == Clock::Still {
            self.to.clone()
        } else {
            motion::frame(&self.from, &self.to, t)
        };
        let context = &self.context;
        let (pixels_w, pixels_h) = (
            f64::from(self.canvas.width()),
            f64::from(self.canvas.height()),
        );
        let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        context.clear_rect(0.0, 0.0, pixels_w, pixels_h);
        if width <= 0.0 {
            return;
        }
        // Chart units to device pixels: fitted as the SVG's viewBox is, then scaled by the
        // device pixels per CSS pixel.
        let vp = self.viewport;
        let (scale, dx, dy) = motion::fit(width, height, vp.width, vp.height);
        let k = pixels_w / width;
        let _ = context.set_transform(
            k * scale,
            0.0,
            0.0,
            k * scale,
            k * dx,
            k * (dy + vp.offset * scale),
        );
        let side = layout.size;
        for (colour, members) in motion::by_colour(&poses, |p| p.fill) {
            context.set_fill_style_str(&css_colour(colour));
            context.begin_path();
            for i in members {
                self.square(poses[i].x, poses[i].y, side);
            }
            context.fill();
        }
        context.set_line_width(OUTLINE);
        for (colour, members) in motion::by_colour(&poses, |p| p.outline) {
            context.set_stroke_style_str(&css_colour(colour));
            context.begin_path();
            for i in members {
                self.square(poses[i].x, poses[i].y, side);
            }
            context.stroke();
        }
    }

    /// A mark's outline added to the current path: rounded as the SVG's `rx` rounds it.
    fn square(&self, x: f64, y: f64, side: f64) {
        if !self.rounded.get()
            || self
                .context
                .round_rect_with_f64(x, y, side, side, CORNER)
                .is_err()
        {
            self.rounded.set(false);
            self.context.rect(x, y, side, side);
        }
    }

    /// The canvas left the page: no more frames (one already asked for finds no state),
    /// observer or listener. False, for `retain`.
    fn release(&mut self) -> bool {
        if let Some(resize) = self.resize.take() {
            resize.disconnect();
        }
        self.scheme = None;
        self.tick = None;
        false
    }
}

/// A colour as the canvas takes it, `#rrggbbaa`: integers only, no float formatting.
fn css_colour(colour: Rgba) -> String {
    format!("#{:08x}", colour.key())
}
