//! page: the browser's side of [`Page`] for the explainer in a real page — the only code that
//! reads the URL, writes the history, listens to the page's keys and messages, posts to a
//! framing parent, scrolls, moves the focus and copies to the clipboard, and the console's
//! door for what a host or reader can flood (`warn`, `error`: the first few of a kind, then a
//! count, see `flood`). Compiled for wasm32 only; `host` asks for all of it through the `Page`
//! trait, and `entry` hands it in.
//!
//! On the bundle's own page (also the iframe page): options from the URL, `#step-<slug>`
//! honoured on load and on hashchange and kept current with `history.replaceState` (no history
//! flood), the arrow keys with the focus on the page itself, and, inside an iframe, the
//! content height, step changes and scroll requests posted to the parent — and, framed by a
//! pym.js parent (`?childId=`), the same in pym's string messages (`pym`), answering its
//! width and position messages.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::config::PREFIX;
use super::config::{self, Pairs, Settings};
use super::flood::{Flood, Kind, TICK_MS, Verdict};
use super::host::{Mode, Page};
use super::messages::{self, Incoming, Post, Request};
use super::pym;
use super::reveal;
use crate::app::embed_code::base_dir;
use crate::app::{StepShown, page_key_action};
use crate::components::embed_panel::CopyRequest;
use crate::components::scope::{slide_id, stage_id, tab_id};
use crate::components::sources_panel::DownloadHrefs;
use crate::components::units_canvas::MarksPainter;
use crate::story::{Action, Origin, STORY};

/// The page the browser gives: every service, for real.
pub struct BrowserPage;

impl Page for BrowserPage {
    fn settings(&self) -> Settings {
        page_settings()
    }
    fn listen(&self, send: Callback<Action>, embed_id: String) -> Box<dyn Any> {
        Box::new(page_listeners(send, embed_id))
    }
    fn step_shown(&self, mode: Mode, prefix: &str, embed_id: &str, shown: StepShown) {
        step_shown(mode, prefix, embed_id, shown);
    }
    fn step_changed(&self, index: usize, embed_id: &str) {
        page_step_changed(index, embed_id);
    }
    fn copy(&self, request: CopyRequest) {
        copy_to_clipboard(request);
    }
    fn marks_painter(&self) -> Option<Rc<dyn MarksPainter>> {
        Some(super::canvas::painter())
    }
    fn when_idle(&self, task: Box<dyn FnOnce()>) {
        when_idle(task);
    }
}

fn location() -> Option<web_sys::Location> {
    Some(gloo::utils::window().location())
}

thread_local! {
    /// The page's count of console lines, kind by kind.
    static FLOOD: RefCell<Flood> = RefCell::default();
}

/// Logs a warning about something a host or reader gave, unless the page has had its share
/// of `kind`: then it is counted, and told in a summary line (see `flood`). The line is
/// written only if shown.
pub(super) fn warn(kind: Kind, line: &dyn std::fmt::Display) {
    if shown(kind) {
        gloo::console::warn!(line.to_string());
    }
}

/// Logs an error, counted with its kind as `warn` does.
pub(super) fn error(kind: Kind, line: &dyn std::fmt::Display) {
    if shown(kind) {
        gloo::console::error!(line.to_string());
    }
}

fn shown(kind: Kind) -> bool {
    match FLOOD.with(|f| f.borrow_mut().note(kind)) {
        Verdict::Show => true,
        Verdict::Held { wake } => {
            if wake {
                tick_later();
            }
            false
        }
        Verdict::Muted => false,
    }
}

/// The flood's clock: a tick in `TICK_MS`, which logs the summaries due, and another after
/// it while a count still waits.
fn tick_later() {
    let tick = Closure::once_into_js(|| {
        let again = FLOOD.with(|f| {
            f.borrow_mut()
                .tick(|summary| gloo::console::warn!(summary.to_string()))
        });
        if again {
            tick_later();
        }
    });
    let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(
        tick.unchecked_ref(),
        TICK_MS as i32,
    );
}

/// The parent window, when this page is framed.
fn parent_window() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok()??;
    (parent != window).then_some(parent)
}

/// A message as a JavaScript value: a plain object (maps as objects too), or, for the formats
/// that want one, its JSON text.
fn to_js(post: &Post) -> Option<JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = post.serialize(&serializer).ok()?;
    if post.is_text() {
        js_sys::JSON::stringify(&value).ok().map(JsValue::from)
    } else {
        Some(value)
    }
}

/// Posts to the framing page only, and, when the host named its origin (`?origin=`), only to
/// that origin.
fn post_to_parent(post: &Post) {
    if parent_window().is_some()
        && let Some(message) = to_js(post)
    {
        post_value_to_parent(&message);
    }
}

/// Posts one of pym.js's messages, a string, as `post_to_parent` posts ours.
fn post_pym(message: &pym::Message) {
    post_value_to_parent(&JsValue::from_str(message.as_str()));
}

fn post_value_to_parent(message: &JsValue) {
    let Some(parent) = parent_window() else {
        return;
    };
    let target = HOST_ORIGIN.with(|o| o.borrow().clone());
    let _ = parent.post_message(message, target.as_deref().unwrap_or("*"));
}

/// Whether a message comes from the framing page (and from the origin it named, if it did):
/// a sibling frame, an opener or any other window cannot move the story.
fn from_host(event: &web_sys::MessageEvent) -> bool {
    let (Some(source), Some(parent)) = (event.source(), parent_window()) else {
        return false;
    };
    let from_parent = js_sys::Object::is(&source, &parent);
    let origin_ok = HOST_ORIGIN.with(|o| o.borrow().as_ref().is_none_or(|o| *o == event.origin()));
    from_parent && origin_ok
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
    let read = js_sys::JSON::parse(&text)
        .ok()
        .and_then(|object| serde_wasm_bindgen::from_value::<Pairs<String>>(object).ok());
    let Some(read) = read else {
        gloo::console::warn!(format!(
            "{PREFIX} the embedded downloads are not a JSON object of links; links point beside the page"
        ));
        return DownloadHrefs::default();
    };
    let pairs = read
        .0
        .into_iter()
        .filter(|(_, href)| href.starts_with("data:"))
        .collect();
    DownloadHrefs::carried(pairs)
}

/// Writes the snippet to the clipboard if the page can (a secure context, the permission in a
/// frame), else selects it so the reader can press Ctrl+C. Every call that could throw goes
/// through a catching binding: nothing the browser refuses crosses into the wasm.
fn copy_to_clipboard(request: CopyRequest) {
    let navigator = gloo::utils::window().navigator();
    let write = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|clipboard| {
            let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
                .ok()?
                .dyn_into()
                .ok()?;
            write.call1(&clipboard, &request.text.as_str().into()).ok()
        })
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = write else {
        select_snippet(&request.shown_in);
        request.done.emit(false);
        return;
    };
    let (done, failed) = (request.done.clone(), request.done);
    let shown_in = request.shown_in;
    let on_ok = Closure::<dyn FnMut(JsValue)>::new(move |_| done.emit(true));
    let on_err = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        select_snippet(&shown_in);
        failed.emit(false);
    });
    let _ = promise.then2(&on_ok, &on_err);
    // One pair of small callbacks per click on Copy: they must outlive this call, until the
    // promise settles, so they are left to the page.
    on_ok.forget();
    on_err.forget();
}

/// Selects the text of the element with `id`, for the reader to copy.
fn select_snippet(id: &str) {
    let window = gloo::utils::window();
    if let (Some(element), Ok(Some(selection))) = (
        gloo::utils::document().get_element_by_id(id),
        window.get_selection(),
    ) {
        let _ = selection.select_all_children(&element);
    }
}

/// The URL's query as the browser decodes it: `URLSearchParams`' pairs, one at a time.
fn query_pairs(search: &str) -> impl Iterator<Item = (String, String)> {
    let entries = web_sys::UrlSearchParams::new_with_str(search)
        .ok()
        .and_then(|params| js_sys::try_iter(&params).ok().flatten());
    entries.into_iter().flatten().filter_map(|entry| {
        let entry: js_sys::Array = entry.ok()?.dyn_into().ok()?;
        Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
    })
}

/// What the bundle's own page says: URL options (each bad one warned about), where the
/// bundle is served from, and the offline file's embedded downloads.
fn page_settings() -> Settings {
    let (query, hash, href) = location()
        .map(|l| {
            (
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default(),
                l.href().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let options = config::parse_url(query_pairs(&query), &hash, &STORY, |w| warn(Kind::Url, &w));
    KNOWN_HASH.with(|known| *known.borrow_mut() = hash);
    HOST_ORIGIN.with(|o| o.borrow_mut().clone_from(&options.origin));
    PYM_CHILD.with(|c| c.borrow_mut().clone_from(&options.pym_child));
    let downloads = embedded_downloads();
    // "Embed this" is for editors on the widget's own page: not inside someone's iframe, and
    // not in the offline file, whose folder holds no bundle to embed.
    let offline = downloads.is_carried() || href.starts_with("file:");
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
    /// The host page's origin, when the URL names it (`?origin=`).
    static HOST_ORIGIN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The id a pym.js parent knows this frame by (`?childId=`), when one framed it.
    static PYM_CHILD: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Where the stage was (from the top of this page) when the reader last stepped, while
    /// the pym parent's answer to where the frame is on its screen is awaited.
    static PYM_STAGE: Cell<Option<reveal::StagePosition>> = const { Cell::new(None) };
    /// The slug of the step on screen: the Embedly message's `src` links to it.
    static CURRENT_SLUG: RefCell<Option<&'static str>> = const { RefCell::new(None) };
}

/// After a step change on the bundle's own page: the hash follows (replaceState, so the
/// history is not flooded) and a framing host page hears of it. Both wait until the new
/// step's frame is painted — the reader waits for the step, not for the URL, and
/// `replaceState` costs a main-thread navigation step — and several changes within one
/// frame write only the last.
fn page_step_changed(index: usize, embed_id: &str) {
    CURRENT_SLUG.with(|c| *c.borrow_mut() = STORY.steps.get(index).map(|s| s.slug));
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
fn step_shown(mode: Mode, prefix: &str, embed_id: &str, shown: StepShown) {
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
        // A pym parent scrolls wherever it is asked: first ask it where the frame is, and
        // decide on its answer (see the message listener).
        if let Some(child) = pym_child() {
            PYM_STAGE.with(|s| s.set(Some(on_page)));
            post_pym(&pym::position_request(&child));
        }
    }
}

/// Runs `task` in the first task after the next frame is painted. A hidden page paints no
/// frames, so a backup timer runs it too; `task` must be harmless to run twice.
fn after_paint(task: fn()) {
    after_next_frame(Closure::once_into_js(task));
    let backup = Closure::once_into_js(task);
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(backup.unchecked_ref(), 250);
}

/// Calls the JavaScript function `callback` in the first task after the next frame is painted
/// (a timer set from that frame's animation callback).
fn after_next_frame(callback: JsValue) {
    let after_frame = Closure::once_into_js(move || {
        let _ = gloo::utils::window().set_timeout_with_callback(callback.unchecked_ref());
    });
    let _ = gloo::utils::window().request_animation_frame(after_frame.unchecked_ref());
}

/// Longest wait for an idle moment before `when_idle`'s task runs anyway, in milliseconds.
const IDLE_TIMEOUT_MS: u32 = 1000;

/// Runs `task` when the browser is idle (`requestIdleCallback`, with a deadline), or, where
/// it has none (Safari: the call throws), in a task after the next frame is painted.
fn when_idle(task: Box<dyn FnOnce()>) {
    let callback = Closure::once_into_js(task);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    let asked = gloo::utils::window()
        .request_idle_callback_with_options(callback.unchecked_ref(), &options);
    if asked.is_err() {
        after_next_frame(callback);
    }
}

/// The page-wide listeners of the bundle's own page.
fn page_listeners(send: Callback<Action>, embed_id: String) -> Vec<EventListener> {
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
                None => warn(
                    Kind::Url,
                    &config::Warning {
                        given: config::Given::Hash,
                        key: String::new(),
                        value: hash,
                        refusal: config::Refusal::NoSuchStep,
                        steps: STORY.len(),
                    },
                ),
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
        if !from_host(event) {
            return;
        }
        if let Some(text) = event.data().as_string() {
            if let Some(child) = pym_child() {
                answer_pym(&child, &text);
            }
            return;
        }
        // Anything that does not read as an object with our fields is not ours.
        let Ok(message) = serde_wasm_bindgen::from_value::<Incoming>(event.data()) else {
            return;
        };
        match messages::read_incoming(&message, &STORY) {
            Request::GoTo(i) => send.emit(Action::GoTo(i)),
            Request::Refused(why) => warn(Kind::Message, &why),
            Request::Foreign => {}
        }
    }));
    if parent_window().is_some() {
        watch_height(embed_id);
    }
    listeners
}

/// This page's URL at the step on screen, whether or not the URL's hash has caught up yet.
fn step_url() -> String {
    let href = location().and_then(|l| l.href().ok()).unwrap_or_default();
    let Some(slug) = CURRENT_SLUG.with(|c| *c.borrow()) else {
        return href;
    };
    let page = href.split('#').next().unwrap_or_default();
    format!("{page}{}", config::hash_for(slug))
}

fn pym_child() -> Option<String> {
    PYM_CHILD.with(|c| c.borrow().clone())
}

/// Answers a pym parent's string message: its width with our height; where the frame is on
/// its screen with a scroll request, if the stage the reader stepped in is out of view.
fn answer_pym(child: &str, text: &str) {
    match pym::read(child, text) {
        pym::Incoming::Width => {
            if let Some(height) = content_height() {
                post_pym(&pym::height_message(child, height));
            }
        }
        pym::Incoming::Position(frame) => {
            let stage = PYM_STAGE.with(Cell::take);
            if let Some(offset) = stage.and_then(|stage| pym::scroll_offset(stage, frame)) {
                post_pym(&pym::scroll_message(child, offset));
            }
        }
        pym::Incoming::Foreign => {}
    }
}

/// The page's content height, if plausible (see `messages::plausible_height`).
fn content_height() -> Option<u32> {
    let body = gloo::utils::document().body()?;
    messages::plausible_height(body.get_bounding_client_rect().height())
}

/// Posts the content height to the parent now and whenever it changes (load, width change, a
/// table opened), in every format and, to a pym parent, in pym's: a ResizeObserver on <body>.
fn watch_height(embed_id: String) {
    let last = Rc::new(Cell::new(0u32));
    let report = move || {
        let Some(height) = content_height() else {
            return;
        };
        if height != last.replace(height) {
            let src = step_url();
            for post in messages::height_messages(&embed_id, height, &src) {
                post_to_parent(&post);
            }
            if let Some(child) = pym_child() {
                post_pym(&pym::height_message(&child, height));
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
