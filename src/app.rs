//! app: `<Explainer>`, the root component. It owns the reader's place in the story (one
//! reducer over `story::Cursor`), passes values down and takes actions up. It renders
//! natively (SSR) as well as in the browser: host-page concerns (URL, messages) live in
//! `embed`, which talks to it only through props — `command` in, `on_step` out.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::embed_panel::EmbedPanel;
use crate::components::full_story::FullStory;
use crate::components::scope::IdScope;
use crate::components::sources_panel::DownloadHrefs;
use crate::components::step_view::StepView;
use crate::components::stepper::Stepper;
use crate::story::{Action, Cursor, STORY};

pub mod embed_code;

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

/// The cursor as Yew state.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CursorState(Cursor);

impl Reducible for CursorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(CursorState(next))
        }
    }
}

/// The keyboard shortcuts a reader can use inside the widget.
pub fn action_for_key(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" => Some(Action::Next),
        "ArrowLeft" => Some(Action::Prev),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
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

/// An action sent in by the host (a hash change, a key on the page, `go_to`). `seq` makes
/// each command distinct, so the same action twice still runs twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub seq: u32,
    pub action: Action,
}

#[derive(Properties, PartialEq, Clone)]
pub struct ExplainerProps {
    /// The step to open on (clamped into the story).
    #[prop_or_default]
    pub start: usize,
    #[prop_or_default]
    pub theme: Theme,
    /// Leave out the masthead (title and dek).
    #[prop_or_default]
    pub plain: bool,
    /// Open every chart's data table from the start.
    #[prop_or_default]
    pub tables_open: bool,
    /// Called with the step index after each change (and once after the first render).
    #[prop_or_default]
    pub on_step: Callback<usize>,
    #[prop_or_default]
    pub command: Option<Command>,
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("esc"))]
    pub instance: AttrValue,
    /// Where the bundle is served from; with it, the widget offers its Embed panel.
    #[prop_or_default]
    pub embed_base: Option<AttrValue>,
    /// Copies a snippet to the clipboard (the host does it: it is a browser API).
    #[prop_or_default]
    pub on_copy: Callback<String>,
    /// Where the data downloads are, when not beside the page (the offline file).
    #[prop_or_default]
    pub downloads: DownloadHrefs,
    /// Render the flat copy of every step (what print and the static fallback show) inside
    /// the widget. Off on the bundle's own page, where the prerender put it beside the
    /// widget as plain markup that the wasm never has to hydrate, diff or keep in memory.
    #[prop_or(true)]
    pub flat_copy: bool,
}

/// The defaults each `#[prop_or…]` names (the derive would make `flat_copy` false).
impl Default for ExplainerProps {
    fn default() -> Self {
        yew::props!(ExplainerProps {})
    }
}

#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let cursor = use_reducer_eq(|| CursorState(Cursor::new(STORY.len(), props.start)));
    let index = cursor.0.index();
    let touch_start = use_mut_ref(|| Cell::new((f64::NAN, f64::NAN)));

    {
        let on_step = props.on_step.clone();
        use_effect_with(index, move |index| on_step.emit(*index));
    }
    {
        let cursor = cursor.clone();
        use_effect_with(props.command, move |command| {
            if let Some(command) = command {
                cursor.dispatch(command.action);
            }
        });
    }

    // Made once: a new callback is a new prop, and both steppers would render again for it.
    let on_action = {
        let cursor = cursor.clone();
        use_callback((), move |action: Action, _| cursor.dispatch(action))
    };
    let on_keydown = {
        let cursor = cursor.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            if let Some(action) = action_for_key(&event.key()) {
                event.prevent_default();
                cursor.dispatch(action);
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
        let cursor = cursor.clone();
        Callback::from(move |event: PointerEvent| {
            let (x0, y0) = touch_start.borrow().replace((f64::NAN, f64::NAN));
            if event.pointer_type() == "touch" {
                let (dx, dy) = (
                    f64::from(event.client_x()) - x0,
                    f64::from(event.client_y()) - y0,
                );
                if let Some(action) = action_for_swipe(dx, dy) {
                    cursor.dispatch(action);
                }
            }
        })
    };
    let step = STORY.steps.get(index);
    let headline = step.map_or("", |s| s.headline);
    let embed = props.embed_base.as_ref().zip(step).map(|(base, step)| {
        let id = props.instance.as_str();
        html! {
            <EmbedPanel iframe_code={embed_code::iframe_code(base, step.slug, id, STORY.title)}
                script_code={embed_code::script_code(base, step.slug)} on_copy={props.on_copy.clone()} />
        }
    });
    html! {
        <ContextProvider<IdScope> context={IdScope(props.instance.clone())}>
        <ContextProvider<DownloadHrefs> context={props.downloads.clone()}>
            <section class="escalation" aria-roledescription="carousel" aria-label={STORY.title}
                data-theme={props.theme.attribute()}
                onkeydown={on_keydown} onpointerdown={on_pointerdown} onpointerup={on_pointerup}>
                if !props.plain {
                    <header class="masthead">
                        <p class="kicker">{ "Explainer" }</p>
                        <h1 class="title">{ STORY.title }</h1>
                        <p class="dek">{ STORY.dek }</p>
                    </header>
                }
                <div class="live-story">
                    <Stepper index={index} on_action={on_action.clone()} />
                    <StepView index={index} tables_open={props.tables_open} />
                    <Stepper index={index} on_action={on_action} bottom={true} />
                    { embed.unwrap_or_default() }
                    <p class="step-announcer visually-hidden" aria-live="polite" aria-atomic="true">{ headline }</p>
                </div>
                if props.flat_copy {
                    <FullStory />
                }
            </section>
        </ContextProvider<DownloadHrefs>>
        </ContextProvider<IdScope>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_story_actions() {
        assert_eq!(action_for_key("ArrowRight"), Some(Action::Next));
        assert_eq!(action_for_key("ArrowLeft"), Some(Action::Prev));
        assert_eq!(action_for_key("Home"), Some(Action::First));
        assert_eq!(action_for_key("End"), Some(Action::Last));
        assert_eq!(action_for_key("a"), None);
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
