//! `Stepper`: the reader's controls — previous and next buttons, one target per step, and
//! "N of M". It only reports actions upwards; the app owns the cursor.

use yew::prelude::*;

use crate::story::{Action, STORY};

#[derive(Properties, PartialEq, Clone)]
pub struct StepperProps {
    pub index: usize,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Stepper(props: &StepperProps) -> Html {
    let total = STORY.len();
    let at_first = props.index == 0;
    let at_last = props.index + 1 >= total;
    let send = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action))
    };
    html! {
        <nav class="stepper" aria-label="Story steps">
            <button type="button" class="step-prev" disabled={at_first} onclick={send(Action::Prev)}>
                <span aria-hidden="true">{ "←" }</span>{ " Previous" }
            </button>
            <ol class="progress">
                { for STORY.steps.iter().enumerate().map(|(i, step)| {
                    let current = (i == props.index).then_some("step");
                    html! {
                        <li key={step.slug}>
                            <button type="button" class="progress-dot" aria-current={current}
                                aria-label={format!("Step {} of {}: {}", i + 1, total, step.headline)}
                                onclick={send(Action::GoTo(i))}>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="progress-count">{ format!("{} of {}", props.index + 1, total) }</p>
            <button type="button" class="step-next" disabled={at_last} onclick={send(Action::Next)}>
                { "Next " }<span aria-hidden="true">{ "→" }</span>
            </button>
        </nav>
    }
}
