//! host: `<Host>`, the explainer as a page or an embed runs it. It owns the reader's place in
//! the story (one reducer over `story::Cursor`) and hands `<Explainer>` the step and a callback
//! for actions. It renders the same markup natively (the prerender) and in the browser
//! (hydration), so it starts from defaults and only then applies what the page says — URL
//! options, the Embed panel's base, the offline downloads — from an effect.
//!
//! Everything it asks of the page goes through [`Page`], injected as a value: the browser's
//! implementation lives in `embed::page` (wasm32 only), and natively [`NoPage`] does nothing.
//! So this file has no `#[cfg]` and its logic ([`after_step`], [`Remote`]) is tested natively.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::config::Settings;
use crate::app::{Explainer, StepShown};
use crate::components::embed_panel::CopyRequest;
use crate::components::units_canvas::{MarksPainter, Painter};
use crate::story::{Action, Cursor, Origin, STORY};

/// What the widget asks of the page it runs in.
pub trait Page {
    /// The bundle's own page: the URL's options (each bad one warned about), where the bundle
    /// is served from, and the offline file's embedded downloads.
    fn settings(&self) -> Settings {
        Settings::default()
    }
    /// The bundle's own page: start listening to the URL's hash, the page's keys and the
    /// parent's messages, sending what they ask for to `send`, and, in a frame, report the
    /// content height to the parent. Listening stops when the returned value is dropped.
    fn listen(&self, _send: Callback<Action>, _embed_id: String) -> Box<dyn Any> {
        Box::new(())
    }
    /// After a step has rendered: scroll and focus as the reader needs.
    fn step_shown(&self, _mode: Mode, _prefix: &str, _embed_id: &str, _shown: StepShown) {}
    /// The bundle's own page, after a step change: the URL's hash follows and a framing host
    /// page hears of it.
    fn step_changed(&self, _index: usize, _embed_id: &str) {}
    /// Copies a snippet to the clipboard, or, where that cannot be done, selects it for the
    /// reader; says which through the request's `done`.
    fn copy(&self, request: CopyRequest) {
        request.done.emit(false);
    }
    /// What draws the live unit chart's marks on a canvas, if the page can.
    fn marks_painter(&self) -> Option<Rc<dyn MarksPainter>> {
        None
    }
    /// Runs `task` once the page is idle (after the frame that shows a step, when nothing
    /// waits); natively never.
    fn when_idle(&self, _task: Box<dyn FnOnce()>) {}
}

/// No page at all: the native render (prerender, tests).
pub struct NoPage;

impl Page for NoPage {}

/// The page a host runs in, as a prop: equal when it is the same page.
#[derive(Clone)]
pub struct PageRef(pub Rc<dyn Page>);

impl PartialEq for PageRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Default for PageRef {
    fn default() -> Self {
        PageRef(Rc::new(NoPage))
    }
}

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

/// The reader's place, and who moved it there last.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Place {
    cursor: Cursor,
    origin: Origin,
}

impl Reducible for Place {
    type Action = (Action, Origin);

    fn reduce(self: Rc<Self>, (action, origin): (Action, Origin)) -> Rc<Self> {
        let cursor = self.cursor.apply(action);
        if cursor == self.cursor {
            self
        } else {
            Rc::new(Place { cursor, origin })
        }
    }
}

/// What the page is told after a step has rendered: scroll and focus always (the page decides
/// from the origin); the URL and the parent's step message only on the bundle's own page, once
/// its settings are read (`live`).
pub fn after_step(
    page: &dyn Page,
    mode: Mode,
    live: bool,
    prefix: &str,
    embed_id: &str,
    shown: StepShown,
) {
    page.step_shown(mode, prefix, embed_id, shown);
    if live && mode == Mode::Page {
        page.step_changed(shown.index, embed_id);
    }
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
    /// The page's services; none natively.
    #[prop_or_default]
    pub page: PageRef,
}

#[component]
pub fn Host(props: &HostProps) -> Html {
    let settings = use_state(|| props.settings.clone());
    let start = props.settings.as_ref().map_or(0, |s| s.options.start);
    let place = use_reducer_eq(|| Place {
        cursor: Cursor::new(STORY.len(), start),
        origin: Origin::Start,
    });
    let index = place.cursor.index();
    // What the host asks for: the handle's `go_to`, the page's hash, keys and messages.
    let send = {
        let place = place.clone();
        use_callback((), move |action: Action, _| {
            place.dispatch((action, Origin::Host))
        })
    };
    let on_action = {
        let place = place.clone();
        use_callback((), move |(action, origin): (Action, Origin), _| {
            place.dispatch((action, origin))
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
    {
        let mode = props.mode;
        let settings = settings.clone();
        let page = props.page.clone();
        let instance = props.instance.to_string();
        let send = send.clone();
        use_effect_with((), move |_| {
            let mut listening: Box<dyn Any> = Box::new(());
            if mode == Mode::Page {
                let read = (*settings).clone().unwrap_or_else(|| page.0.settings());
                if settings.is_none() {
                    if read.options.start != 0 {
                        send.emit(Action::GoTo(read.options.start));
                    }
                    settings.set(Some(read.clone()));
                }
                let embed_id = read.options.id.clone().unwrap_or(instance);
                listening = page.0.listen(send, embed_id);
            }
            move || drop(listening)
        });
    }
    // Once the page is idle after a step, the stage makes that step's neighbours ahead.
    let ahead = use_state_eq(|| None::<usize>);
    {
        let (page, ahead) = (props.page.clone(), ahead.clone());
        use_effect_with(index, move |index| {
            let index = *index;
            page.0.when_idle(Box::new(move || ahead.set(Some(index))));
        });
    }
    {
        let (mode, page) = (props.mode, props.page.clone());
        let live = settings.is_some();
        let (prefix, embed_id) = (props.instance.to_string(), embed_id.clone());
        let origin = place.origin;
        use_effect_with(index, move |index| {
            let shown = StepShown {
                index: *index,
                origin,
            };
            after_step(&*page.0, mode, live, &prefix, &embed_id, shown);
        });
    }
    let on_copy = {
        let page = props.page.clone();
        use_callback((), move |request: CopyRequest, _| page.0.copy(request))
    };

    // The canvas comes once the first render is done: that render (the prerender, and the
    // one that takes it over) draws the marks as SVG. `mount()` knows its settings up front
    // and has no prerender to match, so it draws on the canvas from the start.
    let marks_painter = {
        let (page, ready) = (props.page.clone(), props.settings.is_some());
        use_memo((), move |_| Painter::new(page.0.marks_painter(), ready))
    };
    if settings.is_some() {
        marks_painter.ready();
    }

    let current = (*settings).clone().unwrap_or_default();
    let o = &current.options;
    html! {
        <Explainer index={index} on_action={on_action} theme={o.theme} plain={o.plain}
            tables_open={o.tables_open} instance={props.instance.clone()}
            embed_base={current.embed_base.clone()} on_copy={on_copy}
            downloads={current.downloads.clone()} flat_copy={props.flat_copy}
            marks_painter={(*marks_painter).clone()} ahead={*ahead} />
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

    /// A page that writes down what it was asked.
    #[derive(Default)]
    struct Recording(RefCell<Vec<String>>);

    impl Page for Recording {
        fn step_shown(&self, mode: Mode, prefix: &str, embed_id: &str, shown: StepShown) {
            self.0.borrow_mut().push(format!(
                "shown {mode:?} {prefix} {embed_id} {} {:?}",
                shown.index, shown.origin
            ));
        }
        fn step_changed(&self, index: usize, embed_id: &str) {
            self.0
                .borrow_mut()
                .push(format!("changed {index} {embed_id}"));
        }
    }

    #[test]
    fn after_a_step_only_the_live_bundle_page_writes_the_url_and_tells_its_parent() {
        let shown = StepShown {
            index: 2,
            origin: Origin::Controls,
        };
        let page = Recording::default();
        after_step(&page, Mode::Page, true, "esc", "story-1", shown);
        after_step(&page, Mode::Page, false, "esc", "story-1", shown);
        after_step(&page, Mode::Mounted, true, "m1", "m1", shown);
        assert_eq!(
            *page.0.borrow(),
            [
                "shown Page esc story-1 2 Controls",
                "changed 2 story-1",
                "shown Page esc story-1 2 Controls",
                "shown Mounted m1 m1 2 Controls",
            ]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_native_render_needs_no_page() {
        let html = futures::executor::block_on(
            yew::ServerRenderer::<Host>::with_props(|| HostProps {
                mode: Mode::Mounted,
                instance: "m1".into(),
                remote: Remote::default(),
                settings: Some(Settings {
                    options: super::super::config::Options {
                        start: 3,
                        ..Default::default()
                    },
                    ..Default::default()
                }),
                flat_copy: false,
                page: PageRef::default(),
            })
            .render(),
        );
        assert!(html.contains(&format!("data-step=\"{}\"", STORY.steps[3].slug)));
    }
}
