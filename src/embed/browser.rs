//! browser: the explainer in a real page. Two ways in:
//! - `start()` (the bundle's own page, also the iframe page): options from the URL,
//!   `#step-<slug>` honoured on load and on hashchange and kept current with
//!   `history.replaceState` (no history flood), arrow keys anywhere on the page, and, inside
//!   an iframe, the content height and step changes posted to the parent.
//! - `mount(element, options)` (the script embed): options from a JS object, a handle with
//!   `go_to(step)` and `destroy()`; nothing page-wide, so several instances stay independent.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::MOUNT_ID;
use super::config::{self, Options, RawValue};
use super::host::{Host, HostProps, Mode, Remote, Settings};
use super::messages::{self, Incoming, Post};
use super::reveal;
use crate::app::embed_code::base_dir;
use crate::app::{StepShown, page_key_action};
use crate::components::full_story::FLAT_COPY_ID;
use crate::components::scope::{slide_id, stage_id, tab_id};
use crate::components::sources_panel::DownloadHrefs;
use crate::story::{Action, Origin, STORY};

fn location() -> Option<web_sys::Location> {
    Some(gloo::utils::window().location())
}

fn warn_all(warnings: Vec<String>) {
    for warning in warnings {
        gloo::console::warn!(warning);
    }
}

/// The parent window, when this page is framed.
fn parent_window() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok()??;
    (parent != window).then_some(parent)
}

fn post_to_parent(post: &Post) {
    let Some(parent) = parent_window() else {
        return;
    };
    let message = match post {
        Post::Object(json) => js_sys::JSON::parse(json).unwrap_or(JsValue::NULL),
        Post::Text(text) => JsValue::from_str(text),
    };
    let _ = parent.post_message(&message, "*");
}

/// The id of the element in which the offline file carries its data downloads.
const DOWNLOADS_ID: &str = "escalation-downloads";

/// Reads `{"data/…": "data:…"}` from the offline file's downloads element, if any.
fn embedded_downloads() -> DownloadHrefs {
    let Some(text) = gloo::utils::document()
        .get_element_by_id(DOWNLOADS_ID)
        .and_then(|el| el.text_content())
    else {
        return DownloadHrefs::default();
    };
    let Ok(object) = js_sys::JSON::parse(&text) else {
        gloo::console::warn!(
            "escalation: the embedded downloads are not valid JSON; links point beside the page"
        );
        return DownloadHrefs::default();
    };
    let pairs = js_sys::Object::entries(&object.unchecked_into())
        .iter()
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.unchecked_into();
            Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
        })
        .filter(|(_, href)| href.starts_with("data:"))
        .collect();
    DownloadHrefs(Rc::new(pairs))
}

pub fn copy_to_clipboard(text: String) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(&text);
}

/// What the bundle's own page says: URL options (each bad one warned about), where the
/// bundle is served from, and the offline file's embedded downloads.
pub fn page_settings() -> Settings {
    let (query, hash, href) = location()
        .map(|l| {
            (
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default(),
                l.href().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let (options, warnings) = config::parse_url(&query, &hash, &STORY);
    warn_all(warnings);
    KNOWN_HASH.with(|known| *known.borrow_mut() = hash);
    let downloads = embedded_downloads();
    // "Embed this" is for editors on the widget's own page: not inside someone's iframe, and
    // not in the offline file, whose folder holds no bundle to embed.
    let offline = !downloads.0.is_empty() || href.starts_with("file:");
    let embeddable = parent_window().is_none() && !offline;
    Settings {
        options,
        embed_base: embeddable.then(|| AttrValue::from(base_dir(&href))),
        downloads,
    }
}

thread_local! {
    /// The step change waiting to be written to the URL and told to the parent, if any.
    static PENDING_STEP: RefCell<Option<PendingStep>> = const { RefCell::new(None) };
    /// The URL hash as the story last saw it: read on load and on hashchange, or written by
    /// itself. Another hash at the time of writing means the URL was changed meanwhile (a
    /// link, the back button, a script) and its hashchange, still to come, decides the step.
    static KNOWN_HASH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// After a step change on the bundle's own page: the hash follows (replaceState, so the
/// history is not flooded) and a framing host page hears of it. Both wait until the new
/// step's frame is painted — the reader waits for the step, not for the URL, and
/// `replaceState` costs a main-thread navigation step — and several changes within one
/// frame write only the last.
pub fn page_step_changed(index: usize, embed_id: &str) {
    let pending = PendingStep {
        index,
        embed_id: embed_id.to_owned(),
    };
    let already_waiting = PENDING_STEP.with(|p| p.borrow_mut().replace(pending).is_some());
    if !already_waiting {
        after_paint(write_step_change);
    }
}

struct PendingStep {
    index: usize,
    embed_id: String,
}

fn current_hash() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

fn write_step_change() {
    let Some(PendingStep { index, embed_id }) = PENDING_STEP.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let Some(step) = STORY.steps.get(index) else {
        return;
    };
    let wanted = config::hash_for(step.slug);
    let current = current_hash();
    let first_step_without_hash = index == 0 && current.is_empty();
    let changed_meanwhile = KNOWN_HASH.with(|known| *known.borrow() != current);
    if current != wanted
        && !changed_meanwhile
        && !first_step_without_hash
        && let Ok(history) = gloo::utils::window().history()
        && history
            .replace_state_with_url(&JsValue::NULL, "", Some(&wanted))
            .is_ok()
    {
        KNOWN_HASH.with(|known| *known.borrow_mut() = wanted);
    }
    post_to_parent(&messages::step_message(&embed_id, index, step.slug));
}

/// After a step has rendered: the current target stays in view in the progress row, and a
/// move the reader made inside the widget keeps the focus in it (on the new target after the
/// arrow keys moved along the targets; on the slide if the focused control went away with
/// its step) and brings the stage into view from its top.
pub fn step_shown(mode: Mode, prefix: &str, embed_id: &str, shown: StepShown) {
    let document = gloo::utils::document();
    centre_current_tab(&document, prefix, shown.index);
    if !shown.origin.is_reader() {
        return;
    }
    keep_focus(&document, prefix, shown);
    reveal_stage(&document, mode, prefix, embed_id);
}

fn html_element(document: &web_sys::Document, id: &str) -> Option<web_sys::HtmlElement> {
    document.get_element_by_id(id)?.dyn_into().ok()
}

/// Scrolls the row of step targets (not the page) so the current one is in its middle.
fn centre_current_tab(document: &web_sys::Document, prefix: &str, index: usize) {
    let Some(tab) = html_element(document, &tab_id(prefix, index)) else {
        return;
    };
    let Some(track) = tab.closest(".progress-track").ok().flatten() else {
        return;
    };
    let left = tab.offset_left() + tab.offset_width() / 2 - track.client_width() / 2;
    track.set_scroll_left(left.max(0));
}

fn keep_focus(document: &web_sys::Document, prefix: &str, shown: StepShown) {
    let lost = document
        .active_element()
        .is_none_or(|el| el.tag_name() == "BODY" || el.tag_name() == "HTML");
    let target = if shown.origin == Origin::Tabs {
        Some(tab_id(prefix, shown.index))
    } else if lost {
        Some(slide_id(prefix))
    } else {
        None
    };
    if let Some(element) = target.and_then(|id| html_element(document, &id)) {
        let options = web_sys::FocusOptions::new();
        // The stage is brought into view just after, as a whole.
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

fn prefers_reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Scrolls this page so the stage (or, on a short screen, its step) starts at the top of the
/// screen (see `reveal`); in an iframe, also asks the host page to do the same with the frame.
fn reveal_stage(document: &web_sys::Document, mode: Mode, prefix: &str, embed_id: &str) {
    let (Some(stage), Some(slide)) = (
        document.get_element_by_id(&stage_id(prefix)),
        document.get_element_by_id(&slide_id(prefix)),
    ) else {
        return;
    };
    let window = gloo::utils::window();
    let stage_box = stage.get_bounding_client_rect();
    let at = reveal::StagePosition {
        top: stage_box.top(),
        step: slide.get_bounding_client_rect().top(),
        bottom: stage_box.bottom(),
    };
    let viewport = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::NAN);
    let behavior = if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    };
    if let Some(by) = reveal::scroll_by(at, viewport) {
        let options = web_sys::ScrollToOptions::new();
        options.set_top(by);
        options.set_behavior(behavior);
        window.scroll_by_with_scroll_to_options(&options);
    }
    if mode == Mode::Page && parent_window().is_some() {
        let on_page = at.shifted(window.scroll_y().unwrap_or(0.0));
        post_to_parent(&messages::scroll_message(embed_id, on_page));
    }
}

/// Runs `task` in the first task after the next frame is painted (a timer set from that
/// frame's animation callback). A hidden page paints no frames, so a backup timer runs it
/// too; `task` must be harmless to run twice.
fn after_paint(task: fn()) {
    let window = gloo::utils::window();
    let after_frame = Closure::once_into_js(move || {
        let now = Closure::once_into_js(task);
        let _ = gloo::utils::window().set_timeout_with_callback(now.unchecked_ref());
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
    let backup = Closure::once_into_js(task);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(backup.unchecked_ref(), 250);
}

/// The page-wide listeners of the bundle's own page.
pub fn page_listeners(send: Callback<Action>, embed_id: String) -> Vec<EventListener> {
    let window = gloo::utils::window();
    let document = gloo::utils::document();
    let mut listeners = Vec::new();
    {
        let send = send.clone();
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            let hash = current_hash();
            KNOWN_HASH.with(|known| *known.borrow_mut() = hash.clone());
            match config::step_from_hash(&hash, &STORY) {
                Some(i) => send.emit(Action::GoTo(i)),
                None if hash.is_empty() || hash == "#" => {}
                None => gloo::console::warn!(format!(
                    "escalation: ignoring {hash}: it links to no step"
                )),
            }
        }));
    }
    {
        // The arrow keys pressed with the focus on the page itself (not in a field, and not
        // in the widget, which handles its own) still move the story. Home and End stay the
        // page's. Not passive, so that the story's keys do not also scroll the page.
        let send = send.clone();
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        listeners.push(EventListener::new_with_options(
            &document,
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let on_body = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.tag_name() == "BODY" || el.tag_name() == "HTML");
                let modified =
                    event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key();
                if on_body
                    && !modified
                    && let Some(action) = page_key_action(&event.key())
                {
                    event.prevent_default();
                    send.emit(action);
                }
            },
        ));
    }
    listeners.push(EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = event.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
        let kind = if data.is_object() {
            field("type").and_then(|v| v.as_string())
        } else {
            None
        };
        let step = field("step")
            .filter(|_| data.is_object())
            .map(|v| raw_value(&v));
        match messages::parse_incoming(kind.as_deref(), step, &STORY) {
            Incoming::GoTo(i) => send.emit(Action::GoTo(i)),
            Incoming::Invalid(warning) => gloo::console::warn!(warning),
            Incoming::Foreign => {}
        }
    }));
    if parent_window().is_some() {
        watch_height(embed_id);
    }
    listeners
}

/// Posts the content height to the parent now and whenever it changes (load, step change,
/// width change, a table opened): a ResizeObserver on <body>.
fn watch_height(embed_id: String) {
    let last = Rc::new(Cell::new(0u32));
    let report = move || {
        let Some(body) = gloo::utils::document().body() else {
            return;
        };
        let Some(height) = messages::plausible_height(body.get_bounding_client_rect().height())
        else {
            return;
        };
        if height != last.replace(height) {
            let src = location().and_then(|l| l.href().ok()).unwrap_or_default();
            for post in messages::height_messages(&embed_id, height, &src) {
                post_to_parent(&post);
            }
        }
    };
    report();
    let callback = Closure::<dyn FnMut()>::new(report);
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        gloo::utils::document().body(),
    ) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}

fn raw_value(value: &JsValue) -> RawValue {
    if let Some(text) = value.as_string() {
        RawValue::Text(text)
    } else if let Some(n) = value.as_f64() {
        RawValue::Number(n)
    } else if let Some(b) = value.as_bool() {
        RawValue::Bool(b)
    } else if value.is_null() {
        RawValue::Other("null")
    } else if value.is_undefined() {
        RawValue::Other("undefined")
    } else {
        RawValue::Other("an object")
    }
}

/// Reads `mount()` options: a plain object, or nothing for the defaults. Each own property
/// becomes a key and a typed value for `config::parse_pairs`.
fn options_from_js(options: JsValue) -> Options {
    if options.is_undefined() || options.is_null() {
        return Options::default();
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        gloo::console::warn!(format!(
            "escalation: mount options must be an object, not {}; using the defaults",
            describe_js(&options)
        ));
        return Options::default();
    }
    let pairs: Vec<(String, RawValue)> = js_sys::Object::entries(options.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.dyn_into().ok()?;
            Some((entry.get(0).as_string()?, raw_value(&entry.get(1))))
        })
        .collect();
    let (options, warnings) = config::parse_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.clone())),
        "mount option",
        &STORY,
    );
    warn_all(warnings);
    options
}

/// What a JS value is, for a warning.
fn describe_js(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        format!("the text {text:?}")
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

fn next_instance() -> AttrValue {
    let n = NEXT_INSTANCE.with(|c| c.replace(c.get() + 1));
    format!("esc{n}").into()
}

/// A mounted widget, returned by `mount`.
#[wasm_bindgen]
pub struct EscalationHandle {
    app: Option<yew::AppHandle<Host>>,
    remote: Remote,
}

#[wasm_bindgen]
impl EscalationHandle {
    /// Moves to a step, by slug or 1-based number; a bad one is ignored with a warning.
    pub fn go_to(&self, step: JsValue) {
        let index = config::step_from_raw(&raw_value(&step), &STORY);
        match index {
            Some(i) => {
                if !self.remote.send(Action::GoTo(i)) {
                    gloo::console::warn!("escalation: go_to on a widget that was destroyed");
                }
            }
            None => gloo::console::warn!(format!(
                "escalation: go_to ignores {step:?}: not a step slug or a number from 1 to {}",
                STORY.len()
            )),
        }
    }

    /// Removes the widget from its element and stops it.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.remote.close();
    }
}

/// Mounts the explainer into `element` with `options` (`step`, `theme`, `plain`, `tables`,
/// `id`). Unknown keys and bad values are ignored with a console warning.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<EscalationHandle, JsError> {
    install_panic_hook();
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("escalation: mount(element, options) needs a DOM element"))?;
    let options = options_from_js(options);
    let instance = options
        .id
        .clone()
        .map_or_else(next_instance, AttrValue::from);
    let remote = Remote::default();
    let props = HostProps {
        mode: Mode::Mounted,
        instance,
        remote: remote.clone(),
        settings: Some(Settings {
            options,
            ..Settings::default()
        }),
        flat_copy: true,
    };
    let app = yew::Renderer::<Host>::with_root_and_props(element, props).render();
    Ok(EscalationHandle {
        app: Some(app),
        remote,
    })
}

/// After a panic the wasm cannot run again: log a clear message and turn every widget on the
/// page into the static story (already in the DOM) with a visible note, instead of freezing.
fn install_panic_hook() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    // Through Yew, which otherwise installs its own hook when it first renders.
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!(
                "escalation: internal error; the interactive version stopped and shows the whole story instead. {info}"
            ));
            show_static_story();
        }));
    });
}

fn show_static_story() {
    let document = gloo::utils::document();
    let Ok(widgets) = document.query_selector_all(".escalation") else {
        return;
    };
    for i in 0..widgets.length() {
        let Some(widget) = widgets
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let _ = widget.class_list().add_1("is-static");
        if widget.id() == FLAT_COPY_ID
            || widget
                .query_selector(".crash-note")
                .ok()
                .flatten()
                .is_some()
        {
            continue;
        }
        if let Ok(note) = document.create_element("p") {
            note.set_class_name("crash-note");
            let _ = note.set_attribute("role", "alert");
            note.set_text_content(Some(
                "Something went wrong in the interactive version, so the whole story is shown below as text and pictures.",
            ));
            let _ = widget.prepend_with_node_1(&note);
        }
    }
}

/// Deliberately panics, so tests (and a host's QA) can check the error path: the note, the
/// static story and the console message.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    panic!("deliberate panic from __panicForTests");
}

/// Starts the bundle's own page: takes over the prerendered markup in `#escalation`
/// (hydration), or renders into it when it is empty (a development build). A host page that
/// loads the bundle only to call `mount` has no `#escalation`, and gets nothing here.
pub fn start() {
    install_panic_hook();
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id(MOUNT_ID) else {
        return;
    };
    let flat_copy = document.get_element_by_id(FLAT_COPY_ID).is_none();
    let props = HostProps {
        mode: Mode::Page,
        instance: "esc".into(),
        remote: Remote::default(),
        settings: None,
        flat_copy,
    };
    let renderer = yew::Renderer::<Host>::with_root_and_props(root.clone(), props);
    if root.first_element_child().is_some() {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}
