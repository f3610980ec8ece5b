//! `Stepper` and `Controls`: the reader's controls. Above the step, one target per step in a
//! single row (a tab list with a roving tabindex, as the WAI-ARIA tabbed carousel has it) and
//! "N of M"; below it, Previous and Next. They only report actions upwards, with their origin;
//! the app owns the cursor, and the page glue moves the focus to the new target after a step
//! chosen with the arrow keys.

use yew::prelude::*;

use crate::components::scope::use_id_prefix;
use crate::components::scope::{slide_id, tab_id};
use crate::story::{Action, Origin, STORY, action_for_key};

#[derive(Properties, PartialEq, Clone)]
pub struct StepperProps {
    pub index: usize,
    pub on_action: Callback<(Action, Origin)>,
}

#[component]
pub fn Stepper(props: &StepperProps) -> Html {
    let total = STORY.len();
    let prefix = use_id_prefix();
    // One callback per target, made once: new ones on every step would make Yew register all
    // twelve listeners again when only two targets change.
    let go_to = use_memo(props.on_action.clone(), |on_action| {
        (0..total)
            .map(|i| {
                let on_action = on_action.clone();
                Callback::from(move |_: MouseEvent| on_action.emit((Action::GoTo(i), Origin::Tabs)))
            })
            .collect::<Vec<_>>()
    });
    let on_keydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            if let Some(action) = action_for_key(&event.key()) {
                event.prevent_default();
                // The stage would take the same key as a move of its own.
                event.stop_propagation();
                on_action.emit((action, Origin::Tabs));
            }
        })
    };
    let slide = slide_id(&prefix);
    html! {
        <nav class="stepper stepper-progress" aria-label="Story progress">
            <div class="progress-track">
                <ol class="progress" role="tablist" aria-label="Steps" onkeydown={on_keydown}>
                    { for STORY.steps.iter().zip(go_to.iter()).enumerate().map(|(i, (step, onclick))| {
                        let current = i == props.index;
                        let done = (i < props.index).then_some("done");
                        html! {
                            <li key={step.slug} role="presentation">
                                <button type="button" role="tab" id={tab_id(&prefix, i)}
                                    class={classes!("progress-dot", done)}
                                    aria-selected={if current { "true" } else { "false" }}
                                    aria-controls={slide.clone()}
                                    tabindex={if current { "0" } else { "-1" }}
                                    aria-label={format!("Step {} of {}: {}", i + 1, total, step.headline)}
                                    onclick={onclick.clone()}>
                                    <span class="dot-number" aria-hidden="true">{ i + 1 }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </div>
            // Keyed by step, as the slide is: rebuilt, not patched (see `step_view`).
            <p class="progress-count" key={props.index}>{ format!("{} of {}", props.index + 1, total) }</p>
        </nav>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    pub index: usize,
    pub on_action: Callback<(Action, Origin)>,
}

/// Previous and Next. At either end the button stays focusable and says it is unavailable
/// (`aria-disabled`), rather than `disabled`, which would drop the reader's focus to the
/// page's body.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let total = STORY.len();
    let at_first = props.index == 0;
    let at_last = props.index + 1 >= total;
    let send = |action: Action, unavailable: bool| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if !unavailable {
                on_action.emit((action, Origin::Controls));
            }
        })
    };
    let next_label = STORY
        .steps
        .get(props.index + 1)
        .map(|s| format!("Next: {}", s.headline));
    let disabled = |unavailable: bool| unavailable.then_some("true");
    html! {
        <nav class="stepper stepper-controls" aria-label="Step controls">
            <button type="button" class="step-prev" aria-disabled={disabled(at_first)}
                onclick={send(Action::Prev, at_first)}>
                <span aria-hidden="true">{ "← " }</span>{ "Previous" }
            </button>
            <span class="nav-count" aria-hidden="true" key={props.index}>{ format!("{} / {}", props.index + 1, total) }</span>
            <button type="button" class="step-next" aria-disabled={disabled(at_last)}
                onclick={send(Action::Next, at_last)} title={next_label}>
                { "Next" }<span aria-hidden="true">{ " →" }</span>
            </button>
        </nav>
    }
}
