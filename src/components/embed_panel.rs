//! `EmbedPanel`: "Embed this", as Datawrapper has — the iframe snippet and the script snippet
//! for the current step, each with a copy button. The snippets are built by the app; copying
//! is the page's business (an `on_copy` callback, which says whether it worked), so this view
//! stays DOM-free. Where the page cannot copy (no clipboard on plain HTTP, or a frame without
//! the permission), it selects the snippet instead, and the button says to press Ctrl+C —
//! never "Copied" for a copy that failed.

use yew::prelude::*;

use crate::components::scope::use_id_prefix;

/// A request to copy a snippet: its text, the id of the element that shows it (to select it
/// if the clipboard cannot be written), and where to say whether the copy worked.
#[derive(Clone, PartialEq)]
pub struct CopyRequest {
    pub text: String,
    pub shown_in: String,
    pub done: Callback<bool>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct EmbedPanelProps {
    pub iframe_code: AttrValue,
    pub script_code: AttrValue,
    pub on_copy: Callback<CopyRequest>,
}

/// What a copy button says after a copy: it worked, or the text is selected for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Yes(&'static str),
    Selected(&'static str),
}

#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let open = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<Copied>);
    let prefix = use_id_prefix();
    let panel_id = format!("{prefix}-embed");
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let code_id = |which: &'static str| format!("{prefix}-embed-{which}-code");
    let copy = |which: &'static str, code: AttrValue| {
        let on_copy = props.on_copy.clone();
        let copied = copied.clone();
        let shown_in = code_id(which);
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            on_copy.emit(CopyRequest {
                text: code.to_string(),
                shown_in: shown_in.clone(),
                done: Callback::from(move |ok: bool| {
                    copied.set(Some(if ok {
                        Copied::Yes(which)
                    } else {
                        Copied::Selected(which)
                    }))
                }),
            });
        })
    };
    let status = match *copied {
        Some(Copied::Yes(_)) => "Copied to the clipboard",
        Some(Copied::Selected(_)) => {
            "The snippet is selected: press Ctrl+C or Command+C to copy it"
        }
        None => "",
    };
    let snippet = |which: &'static str, title: &'static str, code: &AttrValue| {
        let label_id = format!("{prefix}-embed-{which}");
        let button = match *copied {
            Some(Copied::Yes(w)) if w == which => "Copied",
            Some(Copied::Selected(w)) if w == which => "Selected: press Ctrl+C (⌘C) to copy",
            _ => "Copy",
        };
        html! {
            <div class="embed-snippet">
                <p class="embed-label" id={label_id.clone()}>{ title }</p>
                // Texts that change are keyed by their text: rebuilt, not patched, so that a
                // browser's translation cannot leave a stale one (see `step_view`'s keys).
                <pre class="embed-code" id={code_id(which)} aria-labelledby={label_id}><code key={code.to_string()}>{ code.clone() }</code></pre>
                <button type="button" class="copy-code" onclick={copy(which, code.clone())}>
                    <span key={button}>{ button }</span>
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
                <p class="live-status visually-hidden" aria-live="polite"><span key={status}>{ status }</span></p>
            </div>
        </div>
    }
}
