//! messages: what the widget tells a host page through `postMessage`, and what it accepts
//! back. Pure: each message is a serde type, which the browser glue turns into a JavaScript
//! value with serde-wasm-bindgen (and natively, the tests, into JSON); incoming messages are
//! read into a serde type and checked here.
//!
//! Out, on every height change: Datawrapper's `{"datawrapper-height": {"<id>": px}}`, AMP's
//! `{"sentinel": "amp", "type": "embed-size", "height": px}`, Embedly's JSON string
//! `{"context": "iframe.resize", "src": …, "height": px}`, and ours,
//! `{"type": "escalation:height", "id", "height"}`; on every step change
//! `{"type": "escalation:step", "id", "step", "slug"}`; and when the reader steps with the
//! top of the stage out of view, `{"type": "escalation:scroll", "id", "top", "step",
//! "bottom"}` (where the stage and its step start and where the stage ends, in CSS pixels from
//! the top of the widget's page), which embed.js answers by scrolling the host.
//! In: `{"type": "escalation:go-to", "step": <slug or 1-based number>}`.
//! Framed by a pym.js parent, the widget also speaks pym's string messages (see `pym`).
//!
//! www/embed.js reads the same messages; `tests` below check that its constants agree.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::config::{PREFIX, RawValue, ours, step_from_raw};
use super::reveal::StagePosition;
use crate::story::Story;

pub const HEIGHT: &str = ours!("height");
pub const STEP: &str = ours!("step");
pub const SCROLL: &str = ours!("scroll");
pub const GO_TO: &str = ours!("go-to");

/// The heights a host script accepts from the widget (see `reveal`).
pub use super::reveal::{MAX_HEIGHT, MIN_HEIGHT};

/// A message to the host page, in one of the formats hosts understand.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Post {
    Datawrapper(DatawrapperHeight),
    Amp(AmpEmbedSize),
    /// Posted as JSON text, not as an object: that is what Embedly's hosts read.
    Embedly(EmbedlyResize),
    Ours(Ours),
}

impl Post {
    /// Whether the message goes out as JSON text rather than as an object.
    pub fn is_text(&self) -> bool {
        matches!(self, Post::Embedly(_))
    }
}

/// `{"datawrapper-height": {"<id>": px}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatawrapperHeight {
    #[serde(rename = "datawrapper-height")]
    pub heights: OneEntry,
}

/// An object with one property, named at run time: `{"<id>": px}`. Written by hand, so the
/// wasm needs no map type for it.
#[derive(Debug, Clone, PartialEq)]
pub struct OneEntry(pub String, pub u32);

impl Serialize for OneEntry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(&self.0, &self.1)?;
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmpEmbedSize {
    pub sentinel: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmbedlyResize {
    pub context: &'static str,
    pub src: String,
    pub height: u32,
}

/// Our own messages, `{"type": "escalation:…", "id": …, …}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Ours {
    #[serde(rename = "escalation:height")]
    Height { id: String, height: u32 },
    /// `step` is 1-based.
    #[serde(rename = "escalation:step")]
    Step {
        id: String,
        step: usize,
        slug: String,
    },
    #[serde(rename = "escalation:scroll")]
    Scroll {
        id: String,
        top: u32,
        step: u32,
        bottom: u32,
    },
}

/// The messages announcing the widget's content height, in every format hosts understand.
pub fn height_messages(id: &str, height: u32, src: &str) -> Vec<Post> {
    vec![
        Post::Datawrapper(DatawrapperHeight {
            heights: OneEntry(id.to_string(), height),
        }),
        Post::Amp(AmpEmbedSize {
            sentinel: "amp",
            kind: "embed-size",
            height,
        }),
        Post::Embedly(EmbedlyResize {
            context: "iframe.resize",
            src: src.to_string(),
            height,
        }),
        Post::Ours(Ours::Height {
            id: id.to_string(),
            height,
        }),
    ]
}

/// The message announcing a step change, for host analytics; `index` is 0-based.
pub fn step_message(id: &str, index: usize, slug: &str) -> Post {
    Post::Ours(Ours::Step {
        id: id.to_string(),
        step: index + 1,
        slug: slug.to_string(),
    })
}

/// The message asking the host to bring the stage into view: where the stage and its step
/// start and where the stage ends, in CSS pixels from the top of the framed page.
pub fn scroll_message(id: &str, at: StagePosition) -> Post {
    let px = |v: f64| {
        if v.is_finite() {
            crate::geom::within(v, 0.0, f64::from(MAX_HEIGHT)).round() as u32
        } else {
            0
        }
    };
    Post::Ours(Ours::Scroll {
        id: id.to_string(),
        top: px(at.top),
        step: px(at.step),
        bottom: px(at.bottom),
    })
}

/// A message as it arrives, read with serde: its `type` and `step`, whatever their kind.
/// Anything that is not an object does not read, and is not ours.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Incoming {
    #[serde(rename = "type", default)]
    pub kind: Option<RawValue>,
    #[serde(default)]
    pub step: Option<RawValue>,
}

/// What an incoming message asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Not for us (another widget's message, or one of our own echoed back): ignore silently.
    Foreign,
    GoTo(usize),
    /// Addressed to us but unusable: warn.
    Refused(MessageRefusal),
}

/// Why a message of ours was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum MessageRefusal {
    /// `escalation:go-to` without a usable step; the value as the warning quotes it.
    NotAStep { step: String, last: usize },
    /// An `escalation:` type we do not know.
    UnknownType(String),
}

impl fmt::Display for MessageRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageRefusal::NotAStep { step, last } => write!(
                f,
                "{PREFIX} ignoring message {GO_TO} with step {step}: not a step slug or a number from 1 to {last}"
            ),
            MessageRefusal::UnknownType(kind) => {
                write!(
                    f,
                    "{PREFIX} ignoring message of unknown type {}",
                    super::config::quoted(kind)
                )
            }
        }
    }
}

/// Reads an incoming message.
pub fn read_incoming(message: &Incoming, story: &Story) -> Request {
    let Some(RawValue::Text(kind)) = &message.kind else {
        return Request::Foreign;
    };
    if kind == GO_TO {
        let index = message.step.as_ref().and_then(|v| step_from_raw(v, story));
        return match index {
            Some(i) => Request::GoTo(i),
            None => Request::Refused(MessageRefusal::NotAStep {
                step: message
                    .step
                    .as_ref()
                    .map_or_else(|| "missing".into(), RawValue::describe),
                last: story.len(),
            }),
        };
    }
    if kind.starts_with(PREFIX) && ![HEIGHT, STEP, SCROLL].contains(&kind.as_str()) {
        return Request::Refused(MessageRefusal::UnknownType(kind.clone()));
    }
    Request::Foreign
}

/// Whether a reported height is worth sending: what host scripts accept.
pub fn plausible_height(height: f64) -> Option<u32> {
    (height.is_finite() && (f64::from(MIN_HEIGHT)..=f64::from(MAX_HEIGHT)).contains(&height))
        .then(|| height.ceil() as u32)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::story::STORY;

    fn json(post: &Post) -> String {
        serde_json::to_string(post).expect("a message serialises")
    }

    #[test]
    fn the_scroll_request_names_the_widget_and_whole_pixel_offsets() {
        let at = StagePosition {
            top: 212.6,
            step: 256.4,
            bottom: f64::NAN,
        };
        assert_eq!(
            json(&scroll_message("story-1", at)),
            r#"{"type":"escalation:scroll","id":"story-1","top":213,"step":256,"bottom":0}"#
        );
    }

    #[test]
    fn height_goes_out_in_four_formats() {
        let posts = height_messages("demo-1", 812, "https://example.org/e?x=\"1\"");
        let texts: Vec<String> = posts.iter().map(json).collect();
        assert_eq!(
            texts,
            [
                r#"{"datawrapper-height":{"demo-1":812}}"#,
                r#"{"sentinel":"amp","type":"embed-size","height":812}"#,
                r#"{"context":"iframe.resize","src":"https://example.org/e?x=\"1\"","height":812}"#,
                r#"{"type":"escalation:height","id":"demo-1","height":812}"#,
            ]
        );
        let as_text: Vec<bool> = posts.iter().map(Post::is_text).collect();
        assert_eq!(
            as_text,
            [false, false, true, false],
            "Embedly's goes as text"
        );
        assert_eq!(
            json(&step_message("demo-1", 2, "damascus-strike")),
            r#"{"type":"escalation:step","id":"demo-1","step":3,"slug":"damascus-strike"}"#
        );
    }

    fn incoming(json: &str) -> Incoming {
        serde_json::from_str(json).expect("an object reads")
    }

    #[test]
    fn incoming_messages_are_read_with_serde_and_checked() {
        let read = |text: &str| read_incoming(&incoming(text), &STORY);
        assert_eq!(
            read(r#"{"type":"escalation:go-to","step":"barrage"}"#),
            Request::GoTo(STORY.index_of("barrage").unwrap())
        );
        assert_eq!(
            read(r#"{"type":"escalation:go-to","step":1}"#),
            Request::GoTo(0)
        );
        assert!(matches!(
            read(r#"{"type":"escalation:go-to","step":0}"#),
            Request::Refused(MessageRefusal::NotAStep { .. })
        ));
        assert!(matches!(
            read(r#"{"type":"escalation:go-to","step":{"a":1}}"#),
            Request::Refused(MessageRefusal::NotAStep { .. })
        ));
        assert!(matches!(
            read(r#"{"type":"escalation:go-to"}"#),
            Request::Refused(MessageRefusal::NotAStep { .. })
        ));
        assert!(matches!(
            read(r#"{"type":"escalation:explode"}"#),
            Request::Refused(MessageRefusal::UnknownType(_))
        ));
        for ours_echoed in [HEIGHT, STEP, SCROLL] {
            assert_eq!(
                read(&format!(r#"{{"type":"{ours_echoed}"}}"#)),
                Request::Foreign,
                "our own outgoing message, echoed back, is not an error"
            );
        }
        assert_eq!(read(r#"{"type":"something-else"}"#), Request::Foreign);
        assert_eq!(read(r#"{"type":7}"#), Request::Foreign);
        assert_eq!(read("{}"), Request::Foreign);
        assert!(
            serde_json::from_str::<Incoming>(r#""a string""#).is_err(),
            "not an object: not ours"
        );
    }

    #[test]
    fn refusals_read_as_console_lines_with_our_prefix() {
        let refused = MessageRefusal::NotAStep {
            step: "0".into(),
            last: 12,
        };
        assert_eq!(
            refused.to_string(),
            "escalation: ignoring message escalation:go-to with step 0: not a step slug or a number from 1 to 12"
        );
    }

    #[test]
    fn implausible_heights_are_dropped() {
        assert_eq!(plausible_height(811.2), Some(812));
        for bad in [0.0, 99.0, -5.0, f64::NAN, f64::INFINITY, 1e9] {
            assert_eq!(plausible_height(bad), None, "{bad}");
        }
    }

    #[test]
    fn embed_js_accepts_what_the_widget_sends() {
        // embed.js is plain JavaScript: its constants are written there by hand, and must say
        // what the widget's do.
        let script = include_str!("../../www/embed.js");
        for line in [
            format!("const MIN_HEIGHT = {MIN_HEIGHT};"),
            format!("const MAX_HEIGHT = {MAX_HEIGHT};"),
            format!(
                "const SETTLED_BAND = {};",
                super::super::reveal::SETTLED_BAND
            ),
            format!("'{HEIGHT}'"),
            format!("'{SCROLL}'"),
        ] {
            assert!(script.contains(&line), "www/embed.js lacks {line}");
        }
    }
}
