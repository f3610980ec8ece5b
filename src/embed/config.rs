//! config: the widget's options from what a host page or a reader controls — the URL query
//! (`?step=`, `?theme=`, `?plain=`, `?tables=`, `?id=`, `?origin=`, and the parameters a
//! pym.js parent adds, see `pym`), its hash (`#step-<slug>`), `mount()` options — and the
//! settings the page adds. Pure functions that never panic: anything
//! unknown or malformed falls back to the default with a [`Warning`] of a typed [`Refusal`].
//!
//! The browser glue reads the query with the browser's own `URLSearchParams` and `mount()`
//! options with serde-wasm-bindgen, into the [`RawValue`]s these functions take.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use yew::AttrValue;

use super::pym;
use crate::app::Theme;
use crate::components::sources_panel::DownloadHrefs;
use crate::story::Story;

/// Our name, written once: the prefix of every message type and console line of ours.
macro_rules! ours {
    ($name:literal) => {
        concat!("escalation:", $name)
    };
}
pub(crate) use ours;

/// The prefix of our message types and console lines.
pub const PREFIX: &str = ours!("");

/// What the page tells the widget once it runs in a browser: its options, where the bundle is
/// served from (for the Embed panel's snippets, on the widget's own page only), and where the
/// data downloads are (the offline file carries them inside).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub options: Options,
    pub embed_base: Option<AttrValue>,
    pub downloads: DownloadHrefs,
}

/// The options the widget starts with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub start: usize,
    pub theme: Theme,
    /// Without the masthead (title and dek), for hosts that print their own.
    pub plain: bool,
    /// Every chart's data table open from the start.
    pub tables_open: bool,
    /// The embed's id, echoed in every message to the host page.
    pub id: Option<String>,
    /// The host page's origin (`https://news.example`), when the host names it: messages go
    /// only there, and only its messages are heeded.
    pub origin: Option<String>,
    /// The folder that holds the bundle (`https://example.org/escalation/`), for a widget
    /// mounted into another site's page (a mount option; embed.js gives its own folder): the
    /// data downloads and chart images are linked there, not beside the host's page.
    pub base: Option<String>,
    /// The id a pym.js parent knows this frame by (`?childId=`, URL only): the widget then
    /// speaks pym's protocol to it.
    pub pym_child: Option<String>,
}

/// The hash fragment that links to a step: `#step-<slug>`.
pub fn hash_for(slug: &str) -> String {
    format!("#step-{slug}")
}

/// The step a hash links to (`#step-<slug>`), if any.
pub fn step_from_hash(hash: &str, story: &Story) -> Option<usize> {
    let slug = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix("step-")?;
    story.index_of(slug)
}

/// A step named by slug or by 1-based number.
pub fn step_from_value(value: &str, story: &Story) -> Option<usize> {
    let value = value.trim();
    if let Ok(n) = value.parse::<usize>() {
        return (1..=story.len()).contains(&n).then(|| n - 1);
    }
    story.index_of(value.strip_prefix("step-").unwrap_or(value))
}

/// The step a typed value names: a slug or number as text, or a whole number from 1 — the
/// one reading of a step that URL options, mount options, messages and `go_to` share.
pub fn step_from_raw(value: &RawValue, story: &Story) -> Option<usize> {
    match value {
        RawValue::Text(t) => step_from_value(t, story),
        RawValue::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= story.len() as f64 => {
            Some(*n as usize - 1)
        }
        _ => None,
    }
}

pub fn parse_theme(value: &str) -> Option<Theme> {
    match value.trim().to_ascii_lowercase().as_str() {
        "auto" | "" => Some(Theme::Auto),
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        _ => None,
    }
}

pub fn parse_flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// An option's value as the host gave it: text from a URL, or a typed value from `mount()`.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// Anything else (null, an array, an object), named for the warning.
    Other(&'static str),
}

/// Reads any JavaScript (or JSON) value: text, a number, a boolean, or anything else named
/// for the warning — so that one bad option never spoils the others.
impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawValue, E> {
                Ok(RawValue::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
                Ok(RawValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
                Ok(RawValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
                Ok(RawValue::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
                Ok(RawValue::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawValue, E> {
                Ok(RawValue::Text(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawValue, E> {
                Ok(RawValue::Other("null"))
            }
            fn visit_none<E: de::Error>(self) -> Result<RawValue, E> {
                Ok(RawValue::Other("null"))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
                RawValue::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(RawValue::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(RawValue::Other("an object"))
            }
        }
        deserializer.deserialize_any(Any)
    }
}

/// An object's properties in its order, each value read as `V`: the offline file's table of
/// embedded downloads (`Pairs<String>`). A vector, not a map: the wasm carries no map code
/// for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pairs<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V>, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, V>()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

impl RawValue {
    /// The value as a warning quotes it.
    pub fn describe(&self) -> String {
        match self {
            RawValue::Text(t) => quoted(t),
            RawValue::Number(n) => describe_number(*n),
            RawValue::Bool(b) => b.to_string(),
            RawValue::Other(kind) => kind.to_string(),
        }
    }
}

/// Text as a warning quotes it: in double quotes, with quotes, backslashes and control
/// characters escaped. Written by hand: `{:?}` would bring Unicode's printable and
/// grapheme tables into the wasm.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as a warning quotes it: whole numbers exactly, others to at most six decimals.
/// Integer arithmetic only, so the wasm carries no float formatting code.
pub fn describe_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.abs() >= 1e12 {
        let size = if n < 0.0 {
            "a very large negative number"
        } else {
            "a very large number"
        };
        return size.into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let millionths = (n.abs() * 1e6).round() as u64;
    let (whole, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:06}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// The longest embed id kept: it travels in every message to the host page.
pub const MAX_ID_LEN: usize = 64;

/// Whether an embed id is usable: 1–64 letters, digits, `-`, `_`, `.` or `:`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// Why an option's value was refused: what the console warning explains, and what tests
/// assert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    UnknownOption,
    /// Not a step slug or a number from 1 to the story's length.
    NotAStep,
    NotATheme,
    NotAFlag,
    NotAnId,
    NotAnOrigin,
    /// A `base` that is not the absolute URL of a folder.
    NotAFolder,
    /// A pym.js `childId` that cannot be a container's id.
    NotAChildId,
    /// A `#step-…` hash that links to no step.
    NoSuchStep,
}

/// Where an option was given, for the warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    Url,
    Mount,
    Hash,
}

/// An option that was ignored, and why: a console line (`Display`) starting with our prefix.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub given: Given,
    pub key: String,
    /// The value as the warning quotes it.
    pub value: String,
    pub refusal: Refusal,
    /// The story's length, for "a number from 1 to N".
    pub steps: usize,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.refusal {
            Refusal::UnknownOption => "unknown option".to_string(),
            Refusal::NotAStep => format!("not a step slug or a number from 1 to {}", self.steps),
            Refusal::NotATheme => "use \"light\", \"dark\" or \"auto\"".into(),
            Refusal::NotAFlag => "use true or false (1 or 0)".into(),
            Refusal::NotAnId => {
                format!("use 1 to {MAX_ID_LEN} letters, digits, '-', '_', '.' or ':'")
            }
            Refusal::NotAnOrigin => "use the host page's origin, like https://news.example".into(),
            Refusal::NotAFolder => {
                "use the absolute URL of the bundle's folder, like https://example.org/escalation/"
                    .into()
            }
            Refusal::NotAChildId => format!(
                "pym.js gives the id of its container: 1 to {} bytes, no spaces",
                pym::MAX_CHILD_ID_LEN
            ),
            Refusal::NoSuchStep => "it links to no step".into(),
        };
        match self.given {
            Given::Hash => write!(f, "{PREFIX} ignoring {}: {why}", self.value),
            Given::Url => write!(
                f,
                "{PREFIX} ignoring URL option `{}` = {}: {why}",
                self.key, self.value
            ),
            Given::Mount => write!(
                f,
                "{PREFIX} ignoring mount option `{}` = {}: {why}",
                self.key, self.value
            ),
        }
    }
}

/// Whether `text` is a web origin as a browser writes one: `https://` or `http://`, a host of
/// letters, digits, dots and hyphens (or `[…]` for IPv6), an optional port, nothing after.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || rest.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
    } else {
        !host.is_empty()
            && !host.starts_with('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

/// `text` as the folder the bundle is served from: an `http(s)` origin and a path, without
/// query, fragment, spaces, quotes or angle brackets; ending in `/` (one is added).
pub fn bundle_folder(text: &str) -> Option<String> {
    let after_scheme = text.find("://").map(|i| i + 3)?;
    let path_start = text[after_scheme..]
        .find('/')
        .map_or(text.len(), |i| after_scheme + i);
    let (origin, path) = text.split_at(path_start);
    let path_ok = path.bytes().all(|b| {
        b.is_ascii_graphic()
            && !matches!(b, b'?' | b'#' | b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`')
    });
    if !is_origin(origin) || !path_ok {
        return None;
    }
    Some(if path.ends_with('/') {
        text.to_string()
    } else {
        format!("{text}/")
    })
}

/// Takes a key only `mount()` accepts: `base`. `None` for any other key.
pub fn apply_mount_param(
    options: &mut Options,
    key: &str,
    value: &RawValue,
) -> Option<Result<(), Refusal>> {
    (key == "base").then(|| match value {
        RawValue::Text(t) => {
            options.base = Some(bundle_folder(t.trim()).ok_or(Refusal::NotAFolder)?);
            Ok(())
        }
        _ => Err(Refusal::NotAFolder),
    })
}

/// Sets one option on `options`, or says why the value was refused. Unknown keys are refused.
pub fn apply_option(
    options: &mut Options,
    key: &str,
    value: &RawValue,
    story: &Story,
) -> Result<(), Refusal> {
    let flag = |v: &RawValue| match v {
        RawValue::Bool(b) => Some(*b),
        RawValue::Number(n) if *n == 0.0 || *n == 1.0 => Some(*n == 1.0),
        RawValue::Text(t) => parse_flag(t),
        _ => None,
    };
    match key {
        "step" => options.start = step_from_raw(value, story).ok_or(Refusal::NotAStep)?,
        "theme" => {
            options.theme = match value {
                RawValue::Text(t) => parse_theme(t),
                _ => None,
            }
            .ok_or(Refusal::NotATheme)?;
        }
        "plain" => options.plain = flag(value).ok_or(Refusal::NotAFlag)?,
        "tables" => options.tables_open = flag(value).ok_or(Refusal::NotAFlag)?,
        "id" => match value {
            RawValue::Text(t) if is_valid_id(t) => options.id = Some(t.clone()),
            _ => return Err(Refusal::NotAnId),
        },
        "origin" => match value {
            RawValue::Text(t) if is_origin(t) => options.origin = Some(t.clone()),
            _ => return Err(Refusal::NotAnOrigin),
        },
        _ => return Err(Refusal::UnknownOption),
    }
    Ok(())
}

/// Takes one of the parameters a pym.js parent adds to the frame's URL: `childId` sets
/// `pym_child`, the others are accepted and unused. `None` for any other key.
pub fn apply_pym_param(
    options: &mut Options,
    key: &str,
    value: &RawValue,
) -> Option<Result<(), Refusal>> {
    if key == pym::CHILD_ID {
        return Some(match value {
            RawValue::Text(t) if pym::is_child_id(t) => {
                options.pym_child = Some(t.clone());
                Ok(())
            }
            _ => Err(Refusal::NotAChildId),
        });
    }
    pym::QUIET_PARAMS.contains(&key).then_some(Ok(()))
}

/// Options from `(key, value)` pairs, handing `warn` each one refused, as it comes; `given`
/// says where they were given (pym.js's parameters are a URL's only). One pass, nothing kept
/// per pair: a later key wins over the same key earlier, and 100,000 keys cost no more than
/// 100,000 times one.
pub fn parse_pairs<K: AsRef<str>>(
    pairs: impl IntoIterator<Item = (K, RawValue)>,
    given: Given,
    story: &Story,
    mut warn: impl FnMut(Warning),
) -> Options {
    let mut options = Options::default();
    for (key, value) in pairs {
        let key = key.as_ref();
        let own = match given {
            Given::Url => apply_pym_param(&mut options, key, &value),
            Given::Mount => apply_mount_param(&mut options, key, &value),
            Given::Hash => None,
        };
        let applied = own.unwrap_or_else(|| apply_option(&mut options, key, &value, story));
        if let Err(refusal) = applied {
            warn(Warning {
                given,
                key: key.to_string(),
                value: value.describe(),
                refusal,
                steps: story.len(),
            });
        }
    }
    options
}

/// Options from a URL's query, as the browser's `URLSearchParams` decodes it into pairs, and
/// its hash, handing `warn` each key or value that was ignored. The hash's step wins over
/// `?step=`.
pub fn parse_url(
    query: impl IntoIterator<Item = (String, String)>,
    hash: &str,
    story: &Story,
    mut warn: impl FnMut(Warning),
) -> Options {
    let text = query.into_iter().map(|(k, v)| (k, RawValue::Text(v)));
    let mut options = parse_pairs(text, Given::Url, story, &mut warn);
    if !hash.is_empty() && hash != "#" {
        match step_from_hash(hash, story) {
            Some(i) => options.start = i,
            None => warn(Warning {
                given: Given::Hash,
                key: String::new(),
                value: hash.to_string(),
                refusal: Refusal::NoSuchStep,
                steps: story.len(),
            }),
        }
    }
    options
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::story::STORY;

    /// `parse_url` with its warnings gathered.
    fn url(query: Vec<(String, String)>, hash: &str) -> (Options, Vec<Warning>) {
        let mut warnings = Vec::new();
        let options = parse_url(query, hash, &STORY, |w| warnings.push(w));
        (options, warnings)
    }

    /// `parse_pairs` of mount options with its warnings gathered.
    fn mount(pairs: &[(&str, RawValue)]) -> (Options, Vec<Warning>) {
        let mut warnings = Vec::new();
        let options = parse_pairs(pairs.iter().cloned(), Given::Mount, &STORY, |w| {
            warnings.push(w)
        });
        (options, warnings)
    }

    #[test]
    fn hash_round_trips_every_step() {
        for (i, step) in STORY.steps.iter().enumerate() {
            assert_eq!(step_from_hash(&hash_for(step.slug), &STORY), Some(i));
        }
        assert_eq!(step_from_hash("#step-nope", &STORY), None);
        assert_eq!(step_from_hash("#barrage", &STORY), None);
        assert_eq!(step_from_hash("", &STORY), None);
    }

    #[test]
    fn an_origin_is_a_scheme_a_host_and_maybe_a_port() {
        for good in [
            "https://news.example",
            "http://127.0.0.1:8080",
            "https://a-b.example.co.uk",
            "http://[::1]:3000",
        ] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "",
            "news.example",
            "https://",
            "https://news.example/",
            "https://news.example/path",
            "javascript://x",
            "https://news example",
            "https://news.example:port",
            "https://news.example:123456",
            "*",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
        let (o, w) = url(
            query(&[("origin", "https://news.example"), ("origin", "*")]),
            "",
        );
        assert_eq!(o.origin.as_deref(), Some("https://news.example"));
        assert_eq!(w[0].refusal, Refusal::NotAnOrigin);
    }

    #[test]
    fn text_in_warnings_is_quoted_and_escaped() {
        assert_eq!(quoted("dark"), "\"dark\"");
        assert_eq!(quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quoted("\n\u{1}"), "\"\\u{a}\\u{1}\"");
        assert_eq!(
            quoted("נתנז"),
            "\"נתנז\"",
            "letters of any script stay as they are"
        );
    }

    #[test]
    fn numbers_in_warnings_read_as_written() {
        assert_eq!(describe_number(3.0), "3");
        assert_eq!(describe_number(1.5), "1.5");
        assert_eq!(describe_number(-3.0), "-3");
        assert_eq!(describe_number(0.1 + 0.2), "0.3");
        assert_eq!(describe_number(-0.0), "0");
        assert_eq!(describe_number(f64::NAN), "NaN");
        assert_eq!(describe_number(f64::INFINITY), "a very large number");
        assert_eq!(describe_number(-1e300), "a very large negative number");
    }

    #[test]
    fn typed_mount_options_parse_and_bad_ones_warn() {
        let pairs = [
            ("step", RawValue::Number(2.0)),
            ("theme", RawValue::Text("dark".into())),
            ("plain", RawValue::Bool(true)),
            ("id", RawValue::Text("story-1".into())),
        ];
        let (o, w) = mount(&pairs);
        assert_eq!(
            (o.start, o.theme, o.plain, o.id.as_deref()),
            (1, Theme::Dark, true, Some("story-1"))
        );
        assert!(w.is_empty());
        let bad = [
            ("step", RawValue::Number(1.5)),
            ("step", RawValue::Number(-3.0)),
            ("theme", RawValue::Bool(true)),
            ("plain", RawValue::Other("null")),
            ("id", RawValue::Text("<script>".into())),
            ("colour", RawValue::Text("red".into())),
        ];
        let (o, w) = mount(&bad);
        assert_eq!(o, Options::default());
        let kinds: Vec<Refusal> = w.iter().map(|w| w.refusal).collect();
        assert_eq!(
            kinds,
            [
                Refusal::NotAStep,
                Refusal::NotAStep,
                Refusal::NotATheme,
                Refusal::NotAFlag,
                Refusal::NotAnId,
                Refusal::UnknownOption
            ]
        );
        assert_eq!(w[5].key, "colour");
        assert!(w.iter().all(|w| w.to_string().starts_with("escalation: ")));
    }

    fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn url_options_parse_and_bad_ones_warn() {
        let last = STORY.len() - 1;
        let (o, w) = url(
            query(&[("step", "barrage"), ("theme", "dark"), ("plain", "1")]),
            "",
        );
        assert_eq!(
            o,
            Options {
                start: STORY.index_of("barrage").unwrap(),
                theme: Theme::Dark,
                plain: true,
                tables_open: false,
                id: None,
                origin: None,
                base: None,
                pym_child: None,
            }
        );
        assert!(w.is_empty());
        let (o, w) = url(query(&[("step", "3"), ("tables", "yes")]), "");
        assert_eq!((o.start, o.tables_open), (2, true));
        assert!(w.is_empty());
        let (o, w) = url(query(&[("step", &(STORY.len() + 1).to_string())]), "");
        assert_eq!(o.start, 0);
        assert_eq!(w.len(), 1);
        let (o, w) = url(
            query(&[
                ("theme", "purple"),
                ("plain", "maybe"),
                ("zoom", "2"),
                ("step", "0"),
            ]),
            "#step-nope",
        );
        assert_eq!(o, Options::default());
        let kinds: Vec<(Given, Refusal)> = w.iter().map(|w| (w.given, w.refusal)).collect();
        assert_eq!(
            kinds,
            [
                (Given::Url, Refusal::NotATheme),
                (Given::Url, Refusal::NotAFlag),
                (Given::Url, Refusal::UnknownOption),
                (Given::Url, Refusal::NotAStep),
                (Given::Hash, Refusal::NoSuchStep),
            ]
        );
        assert_eq!(
            w[4].to_string(),
            "escalation: ignoring #step-nope: it links to no step"
        );
        let (o, _) = url(query(&[("step", "1")]), &hash_for(STORY.steps[last].slug));
        assert_eq!(o.start, last, "the hash wins");
    }

    #[test]
    fn a_bundle_folder_is_an_absolute_http_url_ending_in_a_slash() {
        assert_eq!(
            bundle_folder("https://example.org/escalation/").as_deref(),
            Some("https://example.org/escalation/")
        );
        assert_eq!(
            bundle_folder("http://127.0.0.1:8080/a/b").as_deref(),
            Some("http://127.0.0.1:8080/a/b/"),
            "a slash is added"
        );
        assert_eq!(
            bundle_folder("https://example.org").as_deref(),
            Some("https://example.org/")
        );
        for bad in [
            "",
            "escalation/",
            "/escalation/",
            "javascript:alert(1)//",
            "data:text/html,x/",
            "https:///x/",
            "https://example.org/a b/",
            "https://example.org/x/?q=1",
            "https://example.org/x/#top",
            "https://example.org/\"onmouseover=x/",
            "https://exa mple.org/",
        ] {
            assert_eq!(bundle_folder(bad), None, "{bad}");
        }
    }

    #[test]
    fn base_is_a_mount_option_only() {
        let (o, w) = mount(&[(
            "base",
            RawValue::Text("https://example.org/escalation/".into()),
        )]);
        assert!(w.is_empty());
        assert_eq!(o.base.as_deref(), Some("https://example.org/escalation/"));
        let (o, w) = mount(&[("base", RawValue::Text("../escalation/".into()))]);
        assert_eq!(o.base, None);
        assert_eq!(
            w.iter().map(|w| w.refusal).collect::<Vec<_>>(),
            [Refusal::NotAFolder]
        );
        let (o, w) = url(query(&[("base", "https://evil.example/")]), "");
        assert_eq!(
            o.base, None,
            "a reader's URL cannot move the widget's links"
        );
        assert_eq!(
            w.iter().map(|w| w.refusal).collect::<Vec<_>>(),
            [Refusal::UnknownOption]
        );
    }

    #[test]
    fn pym_parameters_are_taken_quietly_from_the_url_only() {
        // What pym.js 1.3.2's Parent adds to the frame's URL, after the host's own options.
        let (o, w) = url(
            query(&[
                ("step", "barrage"),
                ("initialWidth", "375"),
                ("childId", "container"),
                ("parentTitle", "A news story – with a long title"),
                (
                    "parentUrl",
                    "https://news.example/2024/04/story.html?x=1#top",
                ),
            ]),
            "",
        );
        assert_eq!(w, [], "no warning for any of pym's parameters");
        assert_eq!(o.pym_child.as_deref(), Some("container"));
        assert_eq!(o.start, STORY.index_of("barrage").unwrap());
        let (o, _) = url(query(&[("step", "2")]), "");
        assert_eq!(o.pym_child, None, "no childId: no pym parent");
        let (o, w) = url(
            query(&[("childId", "host-written"), ("childId", "container")]),
            "",
        );
        assert!(w.is_empty());
        assert_eq!(
            o.pym_child.as_deref(),
            Some("container"),
            "the last wins: pym appends its own after the host's"
        );
        let (o, w) = url(query(&[("childId", ""), ("childId", "a b")]), "");
        assert_eq!(o.pym_child, None);
        let kinds: Vec<Refusal> = w.iter().map(|w| w.refusal).collect();
        assert_eq!(kinds, [Refusal::NotAChildId, Refusal::NotAChildId]);
        let (o, w) = mount(&[
            ("childId", RawValue::Text("container".into())),
            ("initialWidth", RawValue::Number(375.0)),
        ]);
        assert_eq!(
            o.pym_child, None,
            "pym frames a page; mount() has no parent"
        );
        let kinds: Vec<Refusal> = w.iter().map(|w| w.refusal).collect();
        assert_eq!(kinds, [Refusal::UnknownOption, Refusal::UnknownOption]);
    }

    #[test]
    fn a_query_of_262144_keys_is_read_in_one_pass_and_the_last_of_a_key_wins() {
        let n = 1 << 18;
        let flood = (0..n).map(|i| {
            let key = match i % 4 {
                0 => "step".to_string(),
                1 => "theme".to_string(),
                _ => format!("k{i}"),
            };
            let value = if i % 4 == 0 {
                (i % 12 + 1).to_string()
            } else {
                "x".into()
            };
            (key, value)
        });
        let (mut warned, mut unknown, mut first) = (0, 0, None);
        let options = parse_url(flood, "", &STORY, |w| {
            warned += 1;
            unknown += usize::from(w.refusal == Refusal::UnknownOption);
            first.get_or_insert(w);
        });
        assert_eq!(options.start, (n - 4) % 12, "the last `step` wins");
        assert_eq!(options.theme, Theme::Auto, "every `theme` was bad");
        assert_eq!((warned, unknown), (n * 3 / 4, n / 2));
        let first = first.expect("warned");
        assert_eq!(
            (first.key.as_str(), first.refusal),
            ("theme", Refusal::NotATheme)
        );
    }

    #[test]
    fn any_javascript_value_reads_as_a_raw_value() {
        let read = |json: &str| serde_json::from_str::<RawValue>(json).expect("any value reads");
        assert_eq!(read(r#""dark""#), RawValue::Text("dark".into()));
        assert_eq!(read("3"), RawValue::Number(3.0));
        assert_eq!(read("-1.5"), RawValue::Number(-1.5));
        assert_eq!(read("true"), RawValue::Bool(true));
        assert_eq!(read("null"), RawValue::Other("null"));
        assert_eq!(read("[1, 2]"), RawValue::Other("an array"));
        assert_eq!(read(r#"{"a": {"b": 1}}"#), RawValue::Other("an object"));
        let options: std::collections::BTreeMap<String, RawValue> =
            serde_json::from_str(r#"{"step": 2, "theme": ["dark"], "plain": null}"#)
                .expect("options read as a map");
        assert_eq!(options.len(), 3, "a bad value does not spoil the others");
        let pairs: Pairs<RawValue> = serde_json::from_str(r#"{"theme": "dark", "step": 2}"#)
            .expect("an object reads in order");
        let keys: Vec<&str> = pairs.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["theme", "step"], "in the host's order");
    }
}
