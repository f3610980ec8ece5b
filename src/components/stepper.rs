//! `Stepper`: the reader's controls. Above the step: one target per step and "N of M";
//! below it: previous and next. It only reports actions upwards; the app owns the cursor.

use yew::prelude::*;

use crate::story::{Action, STORY};

#[derive(Properties, PartialEq, Clone)]
pub struct StepperProps {
    pub index: usize,
    pub on_action: Callback<Action>,
    /// The controls under the step (previous/next) rather than the progress above it.
    #[prop_or_default]
    pub bottom: bool,
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
    // One callback per dot, made once: new ones on every step would make Yew register all
    // twelve listeners again when only two dots change.
    let go_to = use_memo(props.on_action.clone(), |on_action| {
        (0..total)
            .map(|i| {
                let on_action = on_action.clone();
                Callback::from(move |_: MouseEvent| on_action.emit(Action::GoTo(i)))
            })
            .collect::<Vec<_>>()
    });
    if props.bottom {
        let next_label = STORY
            .steps
            .get(props.index + 1)
            .map(|s| format!("Next: {}", s.headline));
        return html! {
            <nav class="stepper stepper-controls" aria-label="Step controls">
                <button type="button" class="step-prev" disabled={at_first} onclick={send(Action::Prev)}>
                    <span aria-hidden="true">{ "← " }</span>{ "Previous" }
                </button>
                <span class="nav-count" aria-hidden="true">{ format!("{} / {}", props.index + 1, total) }</span>
                <button type="button" class="step-next" disabled={at_last} onclick={send(Action::Next)}
                    title={next_label}>
                    { "Next" }<span aria-hidden="true">{ " →" }</span>
                </button>
            </nav>
        };
    }
    html! {
        <nav class="stepper stepper-progress" aria-label="Story progress">
            <ol class="progress">
                { for STORY.steps.iter().zip(go_to.iter()).enumerate().map(|(i, (step, onclick))| {
                    let current = (i == props.index).then_some("step");
                    let done = (i < props.index).then_some("done");
                    html! {
                        <li key={step.slug}>
                            <button type="button" class={classes!("progress-dot", done)} aria-current={current}
                                aria-label={format!("Step {} of {}: {}", i + 1, total, step.headline)}
                                onclick={onclick.clone()}>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="progress-count">{ format!("{} of {}", props.index + 1, total) }</p>
        </nav>
    }
}
