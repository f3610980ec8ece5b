//! host: `<Host>`, the explainer as a page or an embed runs it. It renders the same markup
//! natively (the prerender) and in the browser (hydration), so it starts from defaults and
//! only then applies what the page says — URL options, the Embed panel's base, the offline
//! downloads — from an effect. Browser work happens in effects and callbacks, through
//! `super::browser` (wasm32 only).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::config::Options;
use crate::app::{Command, Explainer, StepShown};
use crate::components::sources_panel::DownloadHrefs;
use crate::story::Action;

/// Lets the code that mounted a widget send it actions (`go_to`). Actions sent before the
/// widget's first render wait for it; after `close` (the widget destroyed) they are refused.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteState>>);

#[derive(Default)]
struct RemoteState {
    send: Option<Callback<Action>>,
    pending: Vec<Action>,
    closed: bool,
}

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Remote {
    /// Delivers `action` now, or once the widget has rendered; false if it was destroyed.
    pub fn send(&self, action: Action) -> bool {
        let send = {
            let mut state = self.0.borrow_mut();
            if state.closed {
                return false;
            }
            match state.send.clone() {
                Some(send) => send,
                None => {
                    state.pending.push(action);
                    return true;
                }
            }
        };
        send.emit(action);
        true
    }

    /// Called by the widget once it has rendered: from now on actions go to `send`, starting
    /// with any that waited.
    pub fn connect(&self, send: Callback<Action>) {
        let pending = {
            let mut state = self.0.borrow_mut();
            state.send = Some(send.clone());
            std::mem::take(&mut state.pending)
        };
        for action in pending {
            send.emit(action);
        }
    }

    /// The widget is unmounting: hold actions again.
    pub fn disconnect(&self) {
        self.0.borrow_mut().send = None;
    }

    /// The widget is destroyed for good: refuse actions from now on.
    pub fn close(&self) {
        let mut state = self.0.borrow_mut();
        state.closed = true;
        state.send = None;
        state.pending.clear();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The bundle's own page (also the iframe page): owns the URL and the page's keys.
    Page,
    /// Mounted into a host page's element by `mount()`.
    Mounted,
}

/// What the page tells the widget once it runs in a browser.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub options: Options,
    /// Where the bundle is served from, for the Embed panel's snippets.
    pub embed_base: Option<AttrValue>,
    pub downloads: DownloadHrefs,
}

#[derive(Properties, PartialEq, Clone)]
pub struct HostProps {
    pub mode: Mode,
    pub instance: AttrValue,
    #[prop_or_default]
    pub remote: Remote,
    /// Known up front (`mount`), or `None` to read from the page after the first render
    /// (so the first render matches the prerendered markup it hydrates).
    #[prop_or_default]
    pub settings: Option<Settings>,
    /// Whether the widget renders the flat copy of every step itself: not when the page
    /// already holds it as prerendered markup (see `crate::render_page`).
    #[prop_or(true)]
    pub flat_copy: bool,
}

#[component]
pub fn Host(props: &HostProps) -> Html {
    let settings = use_state(|| props.settings.clone());
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
        use_effect_with(props.remote.clone(), move |remote| {
            remote.connect(send);
            let remote = remote.clone();
            move || remote.disconnect()
        });
    }
    let embed_id = settings
        .as_ref()
        .and_then(|s| s.options.id.clone())
        .unwrap_or_else(|| props.instance.to_string());

    #[cfg(target_arch = "wasm32")]
    {
        let mode = props.mode;
        let settings = settings.clone();
        let send = send.clone();
        let instance = props.instance.to_string();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if mode == Mode::Page {
                let read = (*settings)
                    .clone()
                    .unwrap_or_else(super::browser::page_settings);
                if settings.is_none() {
                    if read.options.start != 0 {
                        send.emit(Action::GoTo(read.options.start));
                    }
                    settings.set(Some(read.clone()));
                }
                let embed_id = read.options.id.clone().unwrap_or(instance);
                listeners = super::browser::page_listeners(send, embed_id);
            }
            move || drop(listeners)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = &send;

    // Made once, not on every render: a new callback is a new prop, and would make the
    // Explainer render again for nothing — also when the page's settings arrive after
    // hydration. What `on_step` needs then, it reads at the time of the step.
    let live = props.mode == Mode::Page && settings.is_some();
    let step_target = use_mut_ref(|| (false, String::new()));
    *step_target.borrow_mut() = (live, embed_id);
    let mode = props.mode;
    let instance = props.instance.clone();
    let on_step = use_callback((), move |shown: StepShown, _| {
        let (live, embed_id) = &*step_target.borrow();
        #[cfg(target_arch = "wasm32")]
        {
            super::browser::step_shown(mode, &instance, embed_id, shown);
            if *live {
                super::browser::page_step_changed(shown.index, embed_id);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (live, embed_id, mode, &instance, shown);
    });
    let on_copy = use_callback((), |text: String, _| {
        #[cfg(target_arch = "wasm32")]
        super::browser::copy_to_clipboard(text);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = text;
    });

    let current = (*settings).clone().unwrap_or_default();
    let o = &current.options;
    let start = if props.settings.is_some() { o.start } else { 0 };
    html! {
        <Explainer start={start} theme={o.theme} plain={o.plain} tables_open={o.tables_open}
            on_step={on_step} command={*command} instance={props.instance.clone()}
            embed_base={current.embed_base.clone()} on_copy={on_copy}
            downloads={current.downloads.clone()} flat_copy={props.flat_copy} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorder() -> (Rc<RefCell<Vec<Action>>>, Callback<Action>) {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        (seen, Callback::from(move |a| sink.borrow_mut().push(a)))
    }

    #[test]
    fn actions_sent_before_the_first_render_wait_for_it() {
        let remote = Remote::default();
        assert!(remote.send(Action::GoTo(3)), "queued, not refused");
        assert!(remote.send(Action::Next));
        let (seen, send) = recorder();
        remote.connect(send);
        assert_eq!(*seen.borrow(), vec![Action::GoTo(3), Action::Next]);
        assert!(remote.send(Action::Prev));
        assert_eq!(seen.borrow().len(), 3, "delivered at once when connected");
    }

    #[test]
    fn a_closed_remote_refuses_actions() {
        let remote = Remote::default();
        let (seen, send) = recorder();
        remote.connect(send);
        remote.close();
        assert!(!remote.send(Action::Next));
        assert!(seen.borrow().is_empty());
    }
}
