//! entry: the ways into the explainer from JavaScript, compiled for wasm32 only.
//! - `start()` (the bundle's own page, also the iframe page): takes over the prerendered
//!   markup in `#escalation` with the browser's page services (`page::BrowserPage`).
//! - `mount(element, options)` (the script embed): options read from a JS object with
//!   serde-wasm-bindgen, a handle with `go_to(step)` and `destroy()`; instances stay
//!   independent. The one thing page-wide is the registry of live widgets (`instances`): each
//!   gets a DOM id prefix of its own, and none starts inside another or around one.
//! - The panic hook: after a panic the wasm cannot run again, so every widget on the page
//!   turns into the static story with a visible note.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::MOUNT_ID;
use super::config::PREFIX;
use super::config::{self, Given, Options, RawValue, Settings};
use super::flood::Kind;
use super::host::{Host, HostProps, Mode, PageRef, Remote};
use super::instances::{DEFAULT_PREFIX, Instances};
use super::page::{self, BrowserPage};
use crate::components::full_story::FLAT_COPY_ID;
use crate::components::sources_panel::DownloadHrefs;
use crate::story::{Action, STORY};

/// Reads `mount()` options: a plain object, or nothing for the defaults. Host code can hand
/// over anything — getters that throw, a revoked proxy — so the object is walked with catching
/// bindings only (`Reflect` with its `catch`), and only its plain values are read, with
/// serde-wasm-bindgen, into the typed values `config::parse_pairs` takes: no exception from
/// the host ever unwinds through the wasm.
fn options_from_js(options: JsValue) -> Options {
    let pairs = match own_values(&options) {
        Ok(pairs) => pairs,
        Err(what) => {
            page::warn(
                Kind::Mount,
                &format_args!(
                    "{PREFIX} mount options must be an object, not {what}; using the defaults"
                ),
            );
            return Options::default();
        }
    };
    config::parse_pairs(pairs, Given::Mount, &STORY, |w| page::warn(Kind::Mount, &w))
}

/// The object's own string-keyed properties and their values, in its order; or what the
/// value is, for the warning, when it is not an object that can be read.
fn own_values(options: &JsValue) -> Result<Vec<(String, RawValue)>, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    if !options.is_object() {
        return Err(describe_js(options));
    }
    if is_array(options)? {
        return Err("an array".into());
    }
    let keys = js_sys::Reflect::own_keys(options).map_err(|_| unreadable())?;
    let mut pairs = Vec::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let value = match js_sys::Reflect::get(options, &key) {
            Ok(value) => plain_value(&value)?,
            Err(_) => RawValue::Other("a value that could not be read"),
        };
        pairs.push((name, value));
    }
    Ok(pairs)
}

fn unreadable() -> String {
    "an object that cannot be read".into()
}

/// Whether an object is an array, asked without `Array.isArray`, which throws on a revoked
/// proxy.
fn is_array(value: &JsValue) -> Result<bool, String> {
    let proto = js_sys::Reflect::get_prototype_of(value).map_err(|_| unreadable())?;
    let array_proto =
        js_sys::Reflect::get_prototype_of(&js_sys::Array::new()).map_err(|_| unreadable())?;
    Ok(js_sys::Object::is(&proto, &array_proto))
}

/// A value as the options take it: text, a number or a flag read with serde-wasm-bindgen;
/// anything else named, never opened.
fn plain_value(value: &JsValue) -> Result<RawValue, String> {
    if value.is_function() {
        return Ok(RawValue::Other("a function"));
    }
    if value.is_object() {
        return Ok(if is_array(value).unwrap_or(false) {
            RawValue::Other("an array")
        } else {
            RawValue::Other("an object")
        });
    }
    Ok(serde_wasm_bindgen::from_value::<RawValue>(value.clone())
        .unwrap_or(RawValue::Other("a value of another kind")))
}

/// What a JS value is, for a warning. Reads nothing that could throw.
fn describe_js(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        format!("the text {}", config::quoted(&text))
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

thread_local! {
    /// The page's live widgets: their roots and DOM id prefixes.
    static INSTANCES: RefCell<Instances<web_sys::Element>> = RefCell::default();
}

/// A DOM id prefix for a widget at `root`, from `wanted`, unique on the page, and its ticket;
/// `None` if `root` is part of a widget: inside one (a live one, or any widget's markup, as
/// the page's flat copy) or around one.
fn claim(wanted: &str, root: &web_sys::Element) -> Option<(u32, String)> {
    if root.closest(".escalation").ok().flatten().is_some() {
        return None;
    }
    INSTANCES.with(|i| {
        i.borrow_mut().claim(wanted, root.clone(), |live, new| {
            live.contains(Some(new.as_ref())) || new.contains(Some(live.as_ref()))
        })
    })
}

/// A mounted widget, returned by `mount`.
#[wasm_bindgen]
pub struct EscalationHandle {
    app: Option<yew::AppHandle<Host>>,
    remote: Remote,
    /// Its place in the page's registry of widgets.
    ticket: u32,
}

#[wasm_bindgen]
impl EscalationHandle {
    /// Moves to a step, by slug or 1-based number; a bad one is ignored with a warning.
    pub fn go_to(&self, step: JsValue) {
        let value = plain_value(&step).unwrap_or(RawValue::Other("unreadable"));
        let index = config::step_from_raw(&value, &STORY);
        match index {
            Some(i) => {
                if !self.remote.send(Action::GoTo(i)) {
                    page::warn(
                        Kind::Call,
                        &format_args!("{PREFIX} go_to on a widget that was destroyed"),
                    );
                }
            }
            None => page::warn(
                Kind::Call,
                &format_args!(
                    "{PREFIX} go_to ignores {}: not a step slug or a number from 1 to {}",
                    value.describe(),
                    STORY.len()
                ),
            ),
        }
    }

    /// Removes the widget from its element and stops it; its DOM id prefix is free again.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            INSTANCES.with(|i| i.borrow_mut().release(self.ticket));
        }
        self.remote.close();
    }
}

/// Mounts the explainer into `element` with `options` (`step`, `theme`, `plain`, `tables`,
/// `id`, and `base`: the bundle's folder, where the widget links its data and images). Unknown keys and bad values are ignored with a console warning. An element that is
/// part of a widget — inside one, or holding one — gets nothing: a console error, and
/// `undefined` for a handle. Throws if `element` is not an element.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Option<EscalationHandle>, JsError> {
    install_panic_hook();
    // The options first: whatever the host hands over, reading them warns, never throws.
    let options = options_from_js(options);
    let element: web_sys::Element = element.dyn_into().map_err(|_| {
        JsError::new(&format!(
            "{PREFIX} mount(element, options) needs a DOM element"
        ))
    })?;
    let Some((ticket, prefix)) = claim(options.id.as_deref().unwrap_or(DEFAULT_PREFIX), &element)
    else {
        page::error(
            Kind::Mount,
            &format_args!(
                "{PREFIX} mount() needs an element outside any widget, and not holding one; nothing was mounted there"
            ),
        );
        return Ok(None);
    };
    let remote = Remote::default();
    let props = HostProps {
        mode: Mode::Mounted,
        instance: prefix.into(),
        remote: remote.clone(),
        settings: Some(Settings {
            downloads: options
                .base
                .as_deref()
                .map(DownloadHrefs::in_folder)
                .unwrap_or_default(),
            options,
            ..Settings::default()
        }),
        flat_copy: true,
        page: PageRef(Rc::new(BrowserPage)),
    };
    // The widget replaces what the element held (Yew empties a root before it renders into
    // it): the snippet's fallback link never stays beside it. The element's attributes stay.
    let app = yew::Renderer::<Host>::with_root_and_props(element, props).render();
    Ok(Some(EscalationHandle {
        app: Some(app),
        remote,
        ticket,
    }))
}

/// After a panic the wasm cannot run again: log a clear message and turn every widget on the
/// page into the static story (already in the DOM) with a visible note, instead of freezing.
fn install_panic_hook() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    // Through Yew, which otherwise installs its own hook when it first renders.
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!(
                "{PREFIX} internal error; the interactive version stopped and shows the whole story instead. {info}"
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
#[cfg(feature = "test-hooks")]
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
    // The first widget on the page: its prefix is the default, as prerendered.
    let Some((_, prefix)) = claim(DEFAULT_PREFIX, &root) else {
        return;
    };
    let flat_copy = document.get_element_by_id(FLAT_COPY_ID).is_none();
    let props = HostProps {
        mode: Mode::Page,
        instance: prefix.into(),
        remote: Remote::default(),
        settings: None,
        flat_copy,
        page: PageRef(Rc::new(BrowserPage)),
    };
    let renderer = yew::Renderer::<Host>::with_root_and_props(root.clone(), props);
    if root.first_element_child().is_some() {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}
