//! browser: mounts the explainer on its own page and keeps it in step with the URL —
//! `#step-<slug>` honoured on load and on hashchange, and kept current with
//! `history.replaceState` so moving through the story does not flood the history.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::MOUNT_ID;
use super::config::{self, Options};
use crate::app::{Command, Explainer, action_for_key};
use crate::story::{Action, STORY};

fn location() -> Option<web_sys::Location> {
    gloo::utils::window().location().into()
}

/// Reads the options from the page's URL, logging a console warning for each bad one.
fn options_from_url() -> Options {
    let Some(location) = location() else {
        return Options::default();
    };
    let query = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let (options, warnings) = config::parse_url(&query, &hash, &STORY);
    for warning in warnings {
        gloo::console::warn!(warning);
    }
    options
}

#[derive(Properties, PartialEq, Clone)]
struct PageProps {
    options: Options,
}

/// The explainer on its own page: URL hash in and out, arrow keys anywhere on the page.
#[component]
fn Page(props: &PageProps) -> Html {
    let command = use_state_eq(|| None::<Command>);
    let seq = use_mut_ref(|| 0u32);
    let send = {
        let command = command.clone();
        Callback::from(move |action: Action| {
            let next = {
                let mut seq = seq.borrow_mut();
                *seq = seq.wrapping_add(1);
                *seq
            };
            command.set(Some(Command { seq: next, action }));
        })
    };
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_hash = {
                let send = send.clone();
                EventListener::new(&window, "hashchange", move |_| {
                    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
                    match config::step_from_hash(&hash, &STORY) {
                        Some(i) => send.emit(Action::GoTo(i)),
                        None if hash.is_empty() || hash == "#" => {}
                        None => gloo::console::warn!(format!(
                            "escalation: ignoring {hash}: it links to no step"
                        )),
                    }
                })
            };
            // Keys pressed with focus on the page itself (not in a field or the widget,
            // which handles its own) still move the story.
            let on_key = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let on_body = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.tag_name() == "BODY" || el.tag_name() == "HTML");
                if on_body
                    && !(event.alt_key()
                        || event.ctrl_key()
                        || event.meta_key()
                        || event.shift_key())
                    && let Some(action) = action_for_key(&event.key())
                {
                    event.prevent_default();
                    send.emit(action);
                }
            });
            move || drop((on_hash, on_key))
        });
    }
    let on_step = Callback::from(|index: usize| {
        let Some(step) = STORY.steps.get(index) else {
            return;
        };
        let wanted = config::hash_for(step.slug);
        let current = location().and_then(|l| l.hash().ok()).unwrap_or_default();
        let first_load_without_hash = index == 0 && current.is_empty();
        if current != wanted
            && !first_load_without_hash
            && let Ok(history) = gloo::utils::window().history()
        {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&wanted));
        }
    });
    let o = &props.options;
    html! {
        <Explainer start={o.start} theme={o.theme} plain={o.plain} tables_open={o.tables_open}
            on_step={on_step} command={*command} />
    }
}

/// Mounts the explainer into `#escalation`, or into `<body>` when the page has none.
pub fn start() {
    let props = PageProps {
        options: options_from_url(),
    };
    match gloo::utils::document().get_element_by_id(MOUNT_ID) {
        Some(root) => {
            yew::Renderer::<Page>::with_root_and_props(root, props).render();
        }
        None => {
            gloo::console::warn!(format!(
                "escalation: no #{MOUNT_ID} element; mounting into <body>"
            ));
            yew::Renderer::<Page>::with_props(props).render();
        }
    }
}
