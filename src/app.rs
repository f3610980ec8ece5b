//! app: `<Explainer>`, the root component. It owns the reader's place in the story (one
//! reducer over `story::Cursor`), passes values down and takes actions up. Renders
//! natively (SSR) as well as in the browser; host-page concerns live in `embed`.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::step_view::StepView;
use crate::components::stepper::Stepper;
use crate::story::{Action, Cursor, STORY};

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

#[derive(Properties, PartialEq, Clone, Default)]
pub struct ExplainerProps {
    /// The step to open on (clamped into the story).
    #[prop_or_default]
    pub start: usize,
}

#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let cursor = use_reducer_eq(|| CursorState(Cursor::new(STORY.len(), props.start)));
    let index = cursor.0.index();
    let on_action = {
        let cursor = cursor.clone();
        Callback::from(move |action: Action| cursor.dispatch(action))
    };
    let on_keydown = {
        let cursor = cursor.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            if let Some(action) = action_for_key(&event.key()) {
                event.prevent_default();
                cursor.dispatch(action);
            }
        })
    };
    let headline = STORY.steps.get(index).map_or("", |s| s.headline);
    html! {
        <section class="escalation" aria-roledescription="carousel" aria-label={STORY.title}
            onkeydown={on_keydown}>
            <header class="masthead">
                <p class="kicker">{ "Explainer" }</p>
                <h1 class="title">{ STORY.title }</h1>
                <p class="dek">{ STORY.dek }</p>
            </header>
            <StepView index={index} />
            <Stepper index={index} on_action={on_action} />
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{ headline }</p>
        </section>
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
}
