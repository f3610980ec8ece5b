//! messages: what the widget tells a host page through `postMessage`, and what it accepts
//! back. Pure: messages are built as JSON text and incoming ones checked here; the browser
//! glue only posts and receives them.
//!
//! Out, on every height change: Datawrapper's `{"datawrapper-height": {"<id>": px}}`, AMP's
//! `{"sentinel": "amp", "type": "embed-size", "height": px}`, Embedly's string
//! `{"context": "iframe.resize", "src": …, "height": px}`, and ours,
//! `{"type": "escalation:height", "id", "height"}`; on every step change
//! `{"type": "escalation:step", "id", "step", "slug"}`; and when the reader steps with the
//! top of the stage out of view, `{"type": "escalation:scroll", "id", "top", "step",
//! "bottom"}` (where the stage and its step start and where the stage ends, in CSS pixels from
//! the top of the widget's page), which embed.js answers by scrolling the host.
//! In: `{"type": "escalation:go-to", "step": <slug or 1-based number>}`.

use super::config::{RawValue, step_from_raw};
use super::reveal::StagePosition;
use crate::story::Story;

/// A JSON string literal.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Keep the text safe to drop into HTML, too.
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How a message is posted: as a parsed object, or as the JSON text itself (Embedly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Post {
    Object(String),
    Text(String),
}

/// The messages announcing the widget's content height, in every format hosts understand.
pub fn height_messages(id: &str, height: u32, src: &str) -> Vec<Post> {
    let id = json_string(id);
    vec![
        Post::Object(format!("{{\"datawrapper-height\":{{{id}:{height}}}}}")),
        Post::Object(format!(
            "{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{height}}}"
        )),
        Post::Text(format!(
            "{{\"context\":\"iframe.resize\",\"src\":{},\"height\":{height}}}",
            json_string(src)
        )),
        Post::Object(format!(
            "{{\"type\":\"escalation:height\",\"id\":{id},\"height\":{height}}}"
        )),
    ]
}

/// The message announcing a step change, for host analytics; `step` is 1-based.
pub fn step_message(id: &str, index: usize, slug: &str) -> Post {
    Post::Object(format!(
        "{{\"type\":\"escalation:step\",\"id\":{},\"step\":{},\"slug\":{}}}",
        json_string(id),
        index + 1,
        json_string(slug)
    ))
}

/// The message asking the host to bring the stage into view: where the stage and its step
/// start and where the stage ends, in CSS pixels from the top of the framed page.
pub fn scroll_message(id: &str, at: StagePosition) -> Post {
    let px = |v: f64| {
        if v.is_finite() {
            v.max(0.0).round() as u32
        } else {
            0
        }
    };
    Post::Object(format!(
        "{{\"type\":\"escalation:scroll\",\"id\":{},\"top\":{},\"step\":{},\"bottom\":{}}}",
        json_string(id),
        px(at.top),
        px(at.step),
        px(at.bottom)
    ))
}

/// What an incoming message asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Not for us (another widget's message): ignore silently.
    Foreign,
    GoTo(usize),
    /// Addressed to us but unusable: warn.
    Invalid(String),
}

/// Reads an incoming message from its `type` and `step` fields.
pub fn parse_incoming(kind: Option<&str>, step: Option<RawValue>, story: &Story) -> Incoming {
    match kind {
        Some("escalation:go-to") => {
            let index = step.as_ref().and_then(|v| step_from_raw(v, story));
            match index {
                Some(i) => Incoming::GoTo(i),
                None => Incoming::Invalid(format!(
                    "escalation: ignoring message escalation:go-to with step {}: not a step slug or a number from 1 to {}",
                    step.as_ref()
                        .map_or_else(|| "missing".into(), RawValue::describe),
                    story.len()
                )),
            }
        }
        Some(k)
            if k.starts_with("escalation:")
                && k != "escalation:height"
                && k != "escalation:step"
                && k != "escalation:scroll" =>
        {
            Incoming::Invalid(format!(
                "escalation: ignoring message of unknown type {k:?}"
            ))
        }
        _ => Incoming::Foreign,
    }
}

/// Whether a reported height is worth sending (and what host scripts should accept).
pub fn plausible_height(height: f64) -> Option<u32> {
    (height.is_finite() && (1.0..=50_000.0).contains(&height)).then(|| height.ceil() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::STORY;

    #[test]
    fn the_scroll_request_names_the_widget_and_whole_pixel_offsets() {
        let at = StagePosition {
            top: 212.6,
            step: 256.4,
            bottom: f64::NAN,
        };
        assert_eq!(
            scroll_message("story-1", at),
            Post::Object(
                "{\"type\":\"escalation:scroll\",\"id\":\"story-1\",\"top\":213,\"step\":256,\"bottom\":0}"
                    .into()
            )
        );
        assert_eq!(
            parse_incoming(Some("escalation:scroll"), None, &STORY),
            Incoming::Foreign,
            "our own outgoing message, echoed back, is not an error"
        );
    }

    #[test]
    fn strings_are_escaped_for_json_and_html() {
        assert_eq!(json_string("plain"), "\"plain\"");
        assert_eq!(
            json_string("a\"b\\c\n</script>"),
            "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\""
        );
        assert_eq!(json_string("\u{1}"), "\"\\u0001\"");
    }

    #[test]
    fn height_goes_out_in_four_formats() {
        let posts = height_messages("demo-1", 812, "https://example.org/e?x=\"1\"");
        assert_eq!(
            posts,
            [
                Post::Object("{\"datawrapper-height\":{\"demo-1\":812}}".into()),
                Post::Object("{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":812}".into()),
                Post::Text("{\"context\":\"iframe.resize\",\"src\":\"https://example.org/e?x=\\\"1\\\"\",\"height\":812}".into()),
                Post::Object("{\"type\":\"escalation:height\",\"id\":\"demo-1\",\"height\":812}".into()),
            ]
        );
        assert_eq!(
            step_message("demo-1", 2, "damascus-strike"),
            Post::Object("{\"type\":\"escalation:step\",\"id\":\"demo-1\",\"step\":3,\"slug\":\"damascus-strike\"}".into())
        );
    }

    #[test]
    fn incoming_messages_are_checked() {
        let go = |step| parse_incoming(Some("escalation:go-to"), step, &STORY);
        assert_eq!(
            go(Some(RawValue::Text("barrage".into()))),
            Incoming::GoTo(STORY.index_of("barrage").unwrap())
        );
        assert_eq!(go(Some(RawValue::Number(1.0))), Incoming::GoTo(0));
        assert!(matches!(
            go(Some(RawValue::Number(0.0))),
            Incoming::Invalid(_)
        ));
        assert!(matches!(go(None), Incoming::Invalid(_)));
        assert!(matches!(
            parse_incoming(Some("escalation:explode"), None, &STORY),
            Incoming::Invalid(_)
        ));
        assert_eq!(
            parse_incoming(Some("escalation:height"), None, &STORY),
            Incoming::Foreign
        );
        assert_eq!(
            parse_incoming(Some("something-else"), None, &STORY),
            Incoming::Foreign
        );
        assert_eq!(parse_incoming(None, None, &STORY), Incoming::Foreign);
    }

    #[test]
    fn implausible_heights_are_dropped() {
        assert_eq!(plausible_height(811.2), Some(812));
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY, 1e9] {
            assert_eq!(plausible_height(bad), None);
        }
    }
}
