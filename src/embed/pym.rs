//! pym: the child's half of pym.js's protocol (NPR's iframe loader, npm `pym.js` 1.x), spoken
//! natively, without pym's code. Pure: the URL parameters a pym `Parent` adds to the frame's
//! URL, and its string messages, formatted and read here; `embed::page` posts and receives
//! them.
//!
//! A pym parent loads `…/index.html?initialWidth=<px>&childId=<container id>&parentTitle=…
//! &parentUrl=…`. Every message, either way, is one string,
//! `pymxPYMx<child id>xPYMx<type>xPYMx<body>`, read by the regular expression
//! `^pymxPYMx<id>xPYMx(\S+)xPYMx(.*)$` (pym's `_makeMessageRegex`). The child sends
//! `height` (the body's height in whole pixels) on load and whenever it changes; the parent
//! sends `width` when its window resizes, which the child answers with its height. To bring a
//! place in the frame to the top of the host's screen, the child sends `scrollToChildPos`
//! (pym's `scrollParentToChildPos`) with its offset from the top of the frame; it first asks
//! where the frame is with `parentPositionInfo`, which the parent answers with
//! `viewport-iframe-position` (`"<width> <height> <top> <left> <bottom> <right>"`: the host's
//! viewport and the frame's box in it), so that it asks for a scroll only where our own
//! embed.js would scroll (`reveal`).

use super::reveal::{self, StagePosition};

/// What separates the parts of every pym message.
const DELIMITER: &str = "xPYMx";

/// The URL parameters a pym.js `Parent` adds to the frame's URL (`parentUrl` under its
/// default name). Only `childId` is used; the others are accepted without a word.
pub const CHILD_ID: &str = "childId";
pub const QUIET_PARAMS: [&str; 3] = ["initialWidth", "parentTitle", "parentUrl"];

/// The longest child id kept: it travels in every pym message.
pub const MAX_CHILD_ID_LEN: usize = 256;

/// Whether `id` can be the id of a pym parent's container, as `childId` carries it: an HTML
/// id (not empty, no whitespace) without control characters, of at most
/// [`MAX_CHILD_ID_LEN`] bytes.
pub fn is_child_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CHILD_ID_LEN
        && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// One pym message, as it goes to the parent: posted as a string (not through serde, which
/// would only wrap it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(String);

impl Message {
    /// `pymxPYMx<id>xPYMx<kind>xPYMx<body>`: pym's `_makeMessage`.
    fn new(id: &str, kind: &str, body: &str) -> Self {
        Message(format!(
            "pym{DELIMITER}{id}{DELIMITER}{kind}{DELIMITER}{body}"
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The frame's content height, in whole pixels.
pub fn height_message(id: &str, height: u32) -> Message {
    Message::new(id, "height", &height.to_string())
}

/// Asks the parent to scroll its page so that `offset` (CSS pixels from the top of the frame)
/// is at the top of its screen.
pub fn scroll_message(id: &str, offset: u32) -> Message {
    Message::new(id, "scrollToChildPos", &offset.to_string())
}

/// Asks the parent where the frame is on its screen (answered by `viewport-iframe-position`).
pub fn position_request(id: &str) -> Message {
    Message::new(id, "parentPositionInfo", "")
}

/// Where the parent says the frame is: its viewport's height and the frame's top in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FramePosition {
    pub viewport_height: f64,
    pub frame_top: f64,
}

/// What a pym message from the parent asks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Incoming {
    /// The parent's width changed: answer with the height.
    Width,
    /// The answer to [`position_request`].
    Position(FramePosition),
    /// Another frame's message, a type we do not use, or not pym's format: ignored, as
    /// pym's own child ignores it.
    Foreign,
}

/// Splits a message addressed to child `id` into its type and body as pym's regular
/// expression does: `^pymxPYMx<id>xPYMx(\S+)xPYMx(.*)$`, the type as long as it can be.
fn split<'a>(id: &str, text: &'a str) -> Option<(&'a str, &'a str)> {
    let rest = text
        .strip_prefix("pym")?
        .strip_prefix(DELIMITER)?
        .strip_prefix(id)?
        .strip_prefix(DELIMITER)?;
    // `.` matches no line terminator, so neither may the body: nor, then, any longer one.
    // The delimiter is looked for at every byte from the end, overlapping places included,
    // as the greedy `\S+` tries them (`rmatch_indices` would skip overlapping ones).
    let line_end = |c: char| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
    let delimiter = DELIMITER.as_bytes();
    (0..rest.len().saturating_sub(delimiter.len() - 1))
        .rev()
        .filter(|&at| rest.as_bytes()[at..].starts_with(delimiter))
        .map(|at| (&rest[..at], &rest[at + delimiter.len()..]))
        .take_while(|(_, body)| !body.contains(line_end))
        .find(|(kind, _)| !kind.is_empty() && !kind.contains(char::is_whitespace))
}

/// A number as JavaScript writes a box's position (`667`, `-380.5`, `1.5e-7`), read by
/// hand: `str::parse::<f64>` would bring core's whole float parser (about 15 kB of gzipped wasm)
/// for two numbers. Digits only: `NaN`, `Infinity` and anything else give `None`.
fn number(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => {
            let (sign, magnitude) = match exponent.strip_prefix('-') {
                Some(magnitude) => (-1.0, magnitude),
                None => (1.0, exponent.strip_prefix('+').unwrap_or(exponent)),
            };
            (
                mantissa,
                sign * digits(magnitude).filter(|_| !magnitude.is_empty())?,
            )
        }
        None => (text, 0.0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let value = digits(whole)? * 10_f64.powi(fraction.len().min(400) as i32) + digits(fraction)?;
    let scale = (exponent - fraction.len() as f64).clamp(-800.0, 800.0) as i32;
    let value = value * 10_f64.powi(scale);
    let value = if negative { -value } else { value };
    value.is_finite().then_some(value)
}

/// A run of decimal digits as a number (0 if there are none); `None` if anything else is in it.
fn digits(text: &str) -> Option<f64> {
    text.bytes().try_fold(0.0, |value, digit| {
        digit
            .is_ascii_digit()
            .then(|| value * 10.0 + f64::from(digit - b'0'))
    })
}

/// Reads a message the parent sent to child `id`.
pub fn read(id: &str, text: &str) -> Incoming {
    match split(id, text) {
        Some(("width", _)) => Incoming::Width,
        Some(("viewport-iframe-position", body)) => {
            // `<width> <height> <top> <left> <bottom> <right>`: six numbers, two of them used.
            let mut parts = body.split(' ');
            let _width = parts.next();
            let viewport_height = parts.next().and_then(number);
            let frame_top = parts.next().and_then(number);
            match (viewport_height, frame_top, parts.count()) {
                (Some(viewport_height), Some(frame_top), 3) => Incoming::Position(FramePosition {
                    viewport_height,
                    frame_top,
                }),
                _ => Incoming::Foreign,
            }
        }
        _ => Incoming::Foreign,
    }
}

/// Where in the frame the parent should scroll to, if anywhere: the rule our own page and
/// embed.js apply (`reveal::scroll_by`) to the stage as it sits on the host's screen. `stage`
/// is in CSS pixels from the top of the frame's page. In whole pixels (pym's parent reads the
/// offset with `parseInt`), rounded down: the anchor lands at the top of the screen or a
/// fraction of a pixel under it, inside the settled band, so the next step asks for nothing.
pub fn scroll_offset(stage: StagePosition, frame: FramePosition) -> Option<u32> {
    let on_screen = stage.shifted(frame.frame_top);
    let anchor = reveal::scroll_by(on_screen, frame.viewport_height)? - frame.frame_top;
    let limit = f64::from(reveal::MAX_HEIGHT);
    anchor
        .is_finite()
        .then(|| crate::geom::within(anchor, 0.0, limit).floor() as u32)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn messages_are_pyms_strings() {
        assert_eq!(
            height_message("container", 812).as_str(),
            "pymxPYMxcontainerxPYMxheightxPYMx812"
        );
        assert_eq!(
            scroll_message("pym-0-abc12", 96).as_str(),
            "pymxPYMxpym-0-abc12xPYMxscrollToChildPosxPYMx96"
        );
        assert_eq!(
            position_request("c").as_str(),
            "pymxPYMxcxPYMxparentPositionInfoxPYMx",
            "pym's sendMessage joins an undefined body as empty"
        );
    }

    #[test]
    fn the_parents_messages_are_read_as_pyms_regular_expression_reads_them() {
        let read = |text: &str| read("container", text);
        assert_eq!(read("pymxPYMxcontainerxPYMxwidthxPYMx375"), Incoming::Width);
        assert_eq!(read("pymxPYMxcontainerxPYMxwidthxPYMx"), Incoming::Width);
        assert_eq!(
            read("pymxPYMxcontainerxPYMxviewport-iframe-positionxPYMx375 667 -380.5 0 1500 375"),
            Incoming::Position(FramePosition {
                viewport_height: 667.0,
                frame_top: -380.5
            })
        );
        for foreign in [
            "pymxPYMxotherxPYMxwidthxPYMx375",
            "pymxPYMxcontainer2xPYMxwidthxPYMx375",
            "pymxPYMxcontainerxPYMxheightxPYMx375",
            "pymxPYMxcontainerxPYMxwidth",
            "pymxPYMxcontainerxPYMxxPYMx375",
            "xpymxPYMxcontainerxPYMxwidthxPYMx375",
            "pymxPYMxcontainerxPYMxwid thxPYMx375",
            "pymxPYMxcontainerxPYMxwidthxPYMx3\n75",
            "pymxPYMxcontainerxPYMxviewport-iframe-positionxPYMx375 667",
            "pymxPYMxcontainerxPYMxviewport-iframe-positionxPYMx375 NaN 0 0 0 0",
            "pymxPYMxcontainerxPYMxviewport-iframe-positionxPYMx375 667 Infinity 0 0 0",
            "",
            "{\"type\":\"escalation:go-to\"}",
        ] {
            assert_eq!(read(foreign), Incoming::Foreign, "{foreign:?}");
        }
        // `(\S+)` is greedy: the type runs to the last delimiter it can.
        assert_eq!(
            read("pymxPYMxcontainerxPYMxwidthxPYMx1xPYMx2"),
            Incoming::Foreign,
            "the type is `widthxPYMx1`"
        );
        assert_eq!(
            read("pymxPYMxcontainerxPYMxwidthxPYMx1 xPYMx2"),
            Incoming::Width,
            "a space stops the type at the first delimiter"
        );
    }

    #[test]
    fn numbers_read_as_javascript_writes_them() {
        for (text, value) in [
            ("667", 667.0),
            ("-380.5", -380.5),
            ("0", 0.0),
            ("-0", 0.0),
            (".5", 0.5),
            ("12.", 12.0),
            ("1.5e-7", 1.5e-7),
            ("1e+21", 1e21),
            ("1500.3125", 1500.3125),
        ] {
            let read = number(text).unwrap_or_else(|| panic!("{text} reads"));
            assert!(
                (read - value).abs() <= value.abs() * 1e-12,
                "{text}: {read}"
            );
        }
        for bad in [
            "",
            "-",
            ".",
            "NaN",
            "Infinity",
            "-Infinity",
            "1e",
            "1e999",
            "1.2.3",
            "12px",
            " 1",
            "0x10",
        ] {
            assert_eq!(number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn child_ids_are_html_ids_of_sensible_length() {
        for good in ["container", "pym-0-abc12", "a.b:c", "נתנז"] {
            assert!(is_child_id(good), "{good}");
        }
        let long = "x".repeat(MAX_CHILD_ID_LEN + 1);
        for bad in ["", "a b", "a\nb", "\u{7}", long.as_str()] {
            assert!(!is_child_id(bad), "{bad:?}");
        }
    }

    /// The stage 80 px below the frame's top, 600 px tall, its step 44 px further down.
    const STAGE: StagePosition = StagePosition {
        top: 80.0,
        step: 124.0,
        bottom: 680.0,
    };

    fn frame(viewport_height: f64, frame_top: f64) -> FramePosition {
        FramePosition {
            viewport_height,
            frame_top,
        }
    }

    #[test]
    fn the_parent_is_asked_to_scroll_only_where_embed_js_would() {
        assert_eq!(
            scroll_offset(STAGE, frame(667.0, -380.0)),
            Some(80),
            "scrolled past: the stage's top"
        );
        assert_eq!(
            scroll_offset(STAGE, frame(667.0, 900.0)),
            Some(80),
            "below the screen"
        );
        assert_eq!(
            scroll_offset(STAGE, frame(667.0, -40.0)),
            None,
            "the stage 40 px from the top: settled"
        );
        assert_eq!(
            scroll_offset(STAGE, frame(568.0, -380.0)),
            Some(124),
            "a stage taller than the screen: its step's top"
        );
        assert_eq!(scroll_offset(STAGE, frame(f64::NAN, -380.0)), None);
        let fractional = StagePosition {
            top: 98.6,
            step: 142.6,
            bottom: 698.6,
        };
        assert_eq!(
            scroll_offset(fractional, frame(667.0, -380.0)),
            Some(98),
            "rounded down: the stage lands 0.6 px under the top, settled"
        );
        assert_eq!(scroll_offset(fractional, frame(667.0, -98.0)), None);
        let huge = StagePosition {
            top: 1e9,
            step: 1e9,
            bottom: 1e9,
        };
        assert_eq!(scroll_offset(huge, frame(667.0, 0.0)), Some(20_000));
    }
}
