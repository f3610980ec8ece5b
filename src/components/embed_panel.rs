//! `EmbedPanel`: "Embed this", as Datawrapper has — the iframe snippet and the script snippet
//! for the current step, each with a copy button. The snippets are built by the app; copying
//! is the host's business (an `on_copy` callback), so this view stays DOM-free.

use yew::prelude::*;

use crate::components::scope::use_id_prefix;

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedPanelProps {
    pub iframe_code: AttrValue,
    pub script_code: AttrValue,
    pub on_copy: Callback<String>,
}

#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let open = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<&'static str>);
    let prefix = use_id_prefix();
    let panel_id = format!("{prefix}-embed");
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let copy = |which: &'static str, code: AttrValue| {
        let on_copy = props.on_copy.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            on_copy.emit(code.to_string());
            copied.set(Some(which));
        })
    };
    let snippet = |which: &'static str, title: &'static str, code: &AttrValue| {
        let label_id = format!("{prefix}-embed-{which}");
        html! {
            <div class="embed-snippet">
                <p class="embed-label" id={label_id.clone()}>{ title }</p>
                <pre class="embed-code" aria-labelledby={label_id}><code>{ code.clone() }</code></pre>
                <button type="button" class="copy-code" onclick={copy(which, code.clone())}>
                    { if *copied == Some(which) { "Copied" } else { "Copy" } }
                </button>
            </div>
        }
    };
    html! {
        <div class="embed">
            <button type="button" class="embed-toggle" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={panel_id.clone()} onclick={toggle}>
                { "Embed this" }
            </button>
            // The snippets are drawn only while open: closed, a step change costs nothing here.
            <div id={panel_id} class="embed-panel" hidden={!*open}>
                if *open {
                    { snippet("iframe", "Iframe (resizes itself with embed.js)", &props.iframe_code) }
                    { snippet("script", "Script (mounts into a div)", &props.script_code) }
                }
                <p class="live-status visually-hidden" aria-live="polite">{ if copied.is_some() { "Copied to the clipboard" } else { "" } }</p>
            </div>
        </div>
    }
}
