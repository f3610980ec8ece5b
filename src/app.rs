//! app: `<Explainer>`, the story's view. It shows the step it is given and reports the reader's
//! moves up, with their origin (`on_action`): the reducer over the reader's place lives in
//! `embed::host`, which also does what the page needs after each step. It renders natively
//! (SSR) as well as in the browser, and never calls the DOM.
//!
//! The layout, top to bottom: the masthead (its dek on the first step only), the stage — the
//! step targets, the step (headline, chart, caption) and Previous/Next — sized to fit one
//! phone screen and equally tall on every step, then the step's details behind a button, the
//! Embed panel (the bundle's own page only), the story's period and sources, and the flat copy
//! of every step that print and the static fallback show.

use std::cell::Cell;

use yew::prelude::*;

use crate::components::embed_panel::{CopyRequest, EmbedPanel};
use crate::components::full_story::FullStory;
use crate::components::scope::{DEFAULT_PREFIX, IdScope, stage_id};
use crate::components::sources_panel::{DownloadHrefs, colophon};
use crate::components::step_details::StepDetails;
use crate::components::step_view::StepView;
use crate::components::stepper::{Controls, Stepper};
use crate::components::units_canvas::Painter;
use crate::story::{Action, Origin, STORY, action_for_key};

pub mod embed_code;
pub mod share;

/// Colour theme: follow the reader's system setting, or force one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The `data-theme` attribute value; none for `Auto`.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// The keys the widget's own page takes when the focus is on the page itself, not in the
/// widget: the arrows only. Home and End stay the page's.
pub fn page_key_action(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" => Some(Action::Next),
        "ArrowLeft" => Some(Action::Prev),
        _ => None,
    }
}

/// Minimum horizontal travel, in CSS pixels, for a touch to count as a swipe.
pub const SWIPE_MIN: f64 = 50.0;

/// A swipe's action from its travel: mostly horizontal and long enough; left goes forward.
pub fn action_for_swipe(dx: f64, dy: f64) -> Option<Action> {
    if !dx.is_finite() || !dy.is_finite() || dx.abs() < SWIPE_MIN || dx.abs() < 1.5 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 { Action::Next } else { Action::Prev })
}

/// A step the widget has just rendered, and who asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepShown {
    pub index: usize,
    pub origin: Origin,
}

#[derive(Properties, PartialEq, Clone)]
pub struct ExplainerProps {
    /// The step shown (clamped into the story).
    #[prop_or_default]
    pub index: usize,
    /// Where the reader's moves go, with their origin: to the reducer that owns the place
    /// (`embed::host`).
    #[prop_or_default]
    pub on_action: Callback<(Action, Origin)>,
    #[prop_or_default]
    pub theme: Theme,
    /// Leave out the masthead (title and dek).
    #[prop_or_default]
    pub plain: bool,
    /// Open the step's details (figures, quotes, data tables) from the start.
    #[prop_or_default]
    pub tables_open: bool,
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static(DEFAULT_PREFIX))]
    pub instance: AttrValue,
    /// Where the bundle is served from; with it, the widget offers its Embed panel.
    #[prop_or_default]
    pub embed_base: Option<AttrValue>,
    /// Copies a snippet to the clipboard (the host does it: it is a browser API).
    #[prop_or_default]
    pub on_copy: Callback<CopyRequest>,
    /// Where the data downloads are, when not beside the page (the offline file).
    #[prop_or_default]
    pub downloads: DownloadHrefs,
    /// Render the flat copy of every step (what print and the static fallback show) inside
    /// the widget. Off on the bundle's own page, where the prerender put it beside the
    /// widget as plain markup that the wasm never has to hydrate, diff or keep in memory.
    #[prop_or(true)]
    pub flat_copy: bool,
    /// Draws the live unit chart's marks on a canvas, once ready (the host makes it ready once
    /// the widget has taken over its prerendered markup); without one they are SVG elements.
    #[prop_or_default]
    pub marks_painter: Painter,
    /// The step whose neighbours' charts the stage makes ahead, hidden, so that stepping to
    /// one only shows it (the host moves it once the page is idle after a step).
    #[prop_or_default]
    pub ahead: Option<usize>,
}

/// The defaults each `#[prop_or…]` names (the derive would make `flat_copy` false).
impl Default for ExplainerProps {
    fn default() -> Self {
        yew::props!(ExplainerProps {})
    }
}

#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let index = props.index.min(STORY.len().saturating_sub(1));
    let touch_start = use_mut_ref(|| Cell::new((f64::NAN, f64::NAN)));
    let on_action = props.on_action.clone();
    // Keys anywhere on the stage; the step targets handle their own (see `Stepper`), and the
    // details and the Embed panel below the stage keep theirs.
    let on_keydown = {
        let on_action = on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            if let Some(action) = action_for_key(&event.key()) {
                event.prevent_default();
                on_action.emit((action, Origin::Keys));
            }
        })
    };
    // Swipes come as pointer events from touch screens; CSS `touch-action: pan-y` leaves
    // vertical scrolling to the browser and horizontal travel to us.
    let on_pointerdown = {
        let touch_start = touch_start.clone();
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() == "touch" {
                touch_start
                    .borrow()
                    .set((f64::from(event.client_x()), f64::from(event.client_y())));
            }
        })
    };
    let on_pointerup = {
        let on_action = on_action.clone();
        Callback::from(move |event: PointerEvent| {
            let (x0, y0) = touch_start.borrow().replace((f64::NAN, f64::NAN));
            if event.pointer_type() == "touch" {
                let (dx, dy) = (
                    f64::from(event.client_x()) - x0,
                    f64::from(event.client_y()) - y0,
                );
                if let Some(action) = action_for_swipe(dx, dy) {
                    on_action.emit((action, Origin::Swipe));
                }
            }
        })
    };
    let step = STORY.steps.get(index);
    let headline = step.map_or("", |s| s.headline);
    let prefix = props.instance.clone();
    let embed = props.embed_base.as_ref().zip(step).map(|(base, step)| {
        let id = props.instance.as_str();
        html! {
            <EmbedPanel iframe_code={embed_code::iframe_code(base, step.slug, id, STORY.title)}
                script_code={embed_code::script_code(base, step.slug, STORY.title)} on_copy={props.on_copy.clone()} />
        }
    });
    html! {
        <ContextProvider<IdScope> context={IdScope { prefix: props.instance.clone(), painter: props.marks_painter.clone() }}>
        <ContextProvider<DownloadHrefs> context={props.downloads.clone()}>
            <section class="escalation" aria-roledescription="carousel" aria-label={STORY.title}
                data-theme={props.theme.attribute()}>
                if !props.plain {
                    { masthead(index == 0) }
                }
                <div class="live-story">
                    <div class="story-stage" id={stage_id(&prefix)}
                        onkeydown={on_keydown} onpointerdown={on_pointerdown} onpointerup={on_pointerup}>
                        <Stepper index={index} on_action={on_action.clone()} />
                        <StepView index={index} ahead={props.ahead} />
                        <Controls index={index} on_action={on_action} />
                    </div>
                    <StepDetails index={index} open={props.tables_open} />
                    { embed.unwrap_or_default() }
                    <p class="step-announcer visually-hidden" aria-live="polite" aria-atomic="true">
                        // A new element in the lasting live region on each step (see
                        // `step_view`'s keys): announced, and never a stale text node.
                        <span key={index}>{ headline }</span>
                    </p>
                    { colophon() }
                    // After the first step the masthead drops its dek. An invisible copy of
                    // it at the very end keeps the widget exactly as tall, so a host page
                    // never moves when the reader steps.
                    if !props.plain && index > 0 {
                        <p class="dek dek-reserve" aria-hidden="true">{ STORY.dek }</p>
                    }
                </div>
                if props.flat_copy {
                    <FullStory />
                }
            </section>
        </ContextProvider<DownloadHrefs>>
        </ContextProvider<IdScope>>
    }
}

/// The title block: the kicker and title always, the dek on the first step only.
fn masthead(first: bool) -> Html {
    html! {
        <header class="masthead">
            <p class="kicker">{ "Explainer" }</p>
            <h1 class="title">{ STORY.title }</h1>
            if first {
                <p class="dek">{ STORY.dek }</p>
            }
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_keeps_home_and_end() {
        assert_eq!(page_key_action("ArrowRight"), Some(Action::Next));
        assert_eq!(page_key_action("ArrowLeft"), Some(Action::Prev));
        assert_eq!(page_key_action("Home"), None);
        assert_eq!(page_key_action("End"), None);
    }

    #[test]
    fn swipes_need_length_and_direction() {
        assert_eq!(action_for_swipe(-80.0, 10.0), Some(Action::Next));
        assert_eq!(action_for_swipe(80.0, -10.0), Some(Action::Prev));
        assert_eq!(action_for_swipe(-30.0, 0.0), None, "too short");
        assert_eq!(
            action_for_swipe(-80.0, 70.0),
            None,
            "too diagonal: a scroll"
        );
        assert_eq!(action_for_swipe(f64::NAN, 0.0), None, "no start recorded");
    }
}
