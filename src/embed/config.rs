//! config: the widget's options from what a host page or a reader controls — the URL query
//! (`?step=`, `?theme=`, `?plain=`, `?tables=`) and hash (`#step-<slug>`). Pure functions that
//! never panic: anything unknown or malformed falls back to the default with a warning.

use crate::app::Theme;
use crate::story::Story;

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

/// Decodes `%XX` and `+` in a query component; invalid escapes are kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

impl RawValue {
    /// The value as a warning quotes it.
    pub fn describe(&self) -> String {
        match self {
            RawValue::Text(t) => format!("{t:?}"),
            RawValue::Number(n) => describe_number(*n),
            RawValue::Bool(b) => b.to_string(),
            RawValue::Other(kind) => kind.to_string(),
        }
    }
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

/// Sets one option on `options`, or says why the value was refused. Unknown keys are refused.
pub fn apply_option(
    options: &mut Options,
    key: &str,
    value: &RawValue,
    story: &Story,
) -> Result<(), String> {
    let flag = |v: &RawValue| match v {
        RawValue::Bool(b) => Some(*b),
        RawValue::Number(n) if *n == 0.0 || *n == 1.0 => Some(*n == 1.0),
        RawValue::Text(t) => parse_flag(t),
        _ => None,
    };
    match key {
        "step" => {
            let index = step_from_raw(value, story);
            options.start = index
                .ok_or_else(|| format!("not a step slug or a number from 1 to {}", story.len()))?;
        }
        "theme" => {
            options.theme = match value {
                RawValue::Text(t) => parse_theme(t),
                _ => None,
            }
            .ok_or("use \"light\", \"dark\" or \"auto\"")?;
        }
        "plain" => options.plain = flag(value).ok_or("use true or false (1 or 0)")?,
        "tables" => options.tables_open = flag(value).ok_or("use true or false (1 or 0)")?,
        "id" => match value {
            RawValue::Text(t) if is_valid_id(t) => options.id = Some(t.clone()),
            _ => {
                return Err(format!(
                    "use 1 to {MAX_ID_LEN} letters, digits, '-', '_', '.' or ':'"
                ));
            }
        },
        _ => return Err("unknown option".into()),
    }
    Ok(())
}

/// Options from `(key, value)` pairs, with a console-ready warning for each one refused.
/// `origin` names where they came from in the warning ("URL option", "mount option").
pub fn parse_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, RawValue)>,
    origin: &str,
    story: &Story,
) -> (Options, Vec<String>) {
    let mut options = Options::default();
    let mut warnings = Vec::new();
    for (key, value) in pairs {
        if let Err(why) = apply_option(&mut options, key, &value, story) {
            warnings.push(format!(
                "escalation: ignoring {origin} `{key}` = {}: {why}",
                value.describe()
            ));
        }
    }
    (options, warnings)
}

/// Options from a URL query string (with or without the leading `?`) and hash, with a
/// warning for each key or value that was ignored. The hash's step wins over `?step=`.
pub fn parse_url(query: &str, hash: &str, story: &Story) -> (Options, Vec<String>) {
    let decoded: Vec<(String, String)> = query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect();
    let (mut options, mut warnings) = parse_pairs(
        decoded
            .iter()
            .map(|(k, v)| (k.as_str(), RawValue::Text(v.clone()))),
        "URL option",
        story,
    );
    if !hash.is_empty() && hash != "#" {
        match step_from_hash(hash, story) {
            Some(i) => options.start = i,
            None => warnings.push(format!("escalation: ignoring {hash}: it links to no step")),
        }
    }
    (options, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::STORY;

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
        let (o, w) = parse_pairs(pairs, "mount option", &STORY);
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
        let (o, w) = parse_pairs(bad, "mount option", &STORY);
        assert_eq!(o, Options::default());
        assert_eq!(w.len(), 6);
        assert!(
            w[5].contains("`colour`") && w[5].contains("unknown option"),
            "{}",
            w[5]
        );
    }

    #[test]
    fn url_options_parse_and_bad_ones_warn() {
        let last = STORY.len() - 1;
        let (o, w) = parse_url("?step=barrage&theme=dark&plain=1", "", &STORY);
        assert_eq!(
            o,
            Options {
                start: STORY.index_of("barrage").unwrap(),
                theme: Theme::Dark,
                plain: true,
                tables_open: false,
                id: None
            }
        );
        assert!(w.is_empty());
        let (o, w) = parse_url("step=3&tables=yes", "", &STORY);
        assert_eq!((o.start, o.tables_open), (2, true));
        assert!(w.is_empty());
        let (o, w) = parse_url(&format!("?step={}", STORY.len() + 1), "", &STORY);
        assert_eq!(o.start, 0);
        assert_eq!(w.len(), 1);
        let (o, w) = parse_url(
            "?theme=purple&plain=maybe&zoom=2&step=0",
            "#step-nope",
            &STORY,
        );
        assert_eq!(o, Options::default());
        assert_eq!(w.len(), 5, "{w:?}");
        let (o, _) = parse_url("?step=1", &hash_for(STORY.steps[last].slug), &STORY);
        assert_eq!(o.start, last, "the hash wins");
        let (o, w) = parse_url("?theme=%6Cight&step=%E2%9C%93%", "#", &STORY);
        assert_eq!(o.theme, Theme::Light);
        assert_eq!(w.len(), 1);
    }
}
