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

/// Options from a URL query string (with or without the leading `?`) and hash, with a
/// warning for each key or value that was ignored. The hash's step wins over `?step=`.
pub fn parse_url(query: &str, hash: &str, story: &Story) -> (Options, Vec<String>) {
    let mut options = Options::default();
    let mut warnings = Vec::new();
    for pair in query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent_decode(key), percent_decode(value));
        let bad = |what: &str| format!("escalation: ignoring ?{key}={value}: {what}");
        match key.as_str() {
            "step" => match step_from_value(&value, story) {
                Some(i) => options.start = i,
                None => warnings.push(bad(&format!(
                    "not a step slug or a number from 1 to {}",
                    story.len()
                ))),
            },
            "theme" => match parse_theme(&value) {
                Some(t) => options.theme = t,
                None => warnings.push(bad("use light, dark or auto")),
            },
            "plain" => match parse_flag(&value) {
                Some(f) => options.plain = f,
                None => warnings.push(bad("use 1 or 0")),
            },
            "tables" => match parse_flag(&value) {
                Some(f) => options.tables_open = f,
                None => warnings.push(bad("use 1 or 0")),
            },
            _ => warnings.push(format!("escalation: ignoring unknown URL option `{key}`")),
        }
    }
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
    fn url_options_parse_and_bad_ones_warn() {
        let last = STORY.len() - 1;
        let (o, w) = parse_url("?step=barrage&theme=dark&plain=1", "", &STORY);
        assert_eq!(
            o,
            Options {
                start: STORY.index_of("barrage").unwrap(),
                theme: Theme::Dark,
                plain: true,
                tables_open: false
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
