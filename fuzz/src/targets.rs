//! targets: one fuzz target per parser that takes outside input — the URL (query and hash),
//! `mount()` options, incoming postMessage events, step names, the numbers behind swipes,
//! heights and the cursor, the JSON writer, and the data files an editor writes. Each decodes
//! raw bytes into that parser's input and checks the invariants the property tests state:
//! never a panic, always a valid state, every warning prefixed for the console.

use datakit::{DATA_FILES, check::check};
use escalation::app::action_for_swipe;
use escalation::embed::config::{
    Options, RawValue, is_valid_id, parse_pairs, parse_url, step_from_hash, step_from_value,
};
use escalation::embed::messages::{Incoming, json_string, parse_incoming, plausible_height};
use escalation::story::{Action, Cursor, STORY};

use crate::engine::{Target, Verdict, f64_from, fields, signature};

/// Splits records (0x1e) and a record's key from its value (0x1f).
const RECORD: u8 = 0x1e;
const KEY: u8 = 0x1f;

const OPTION_WORDS: &[&str] = &[
    "step",
    "theme",
    "plain",
    "tables",
    "id",
    "=",
    "&",
    "?",
    "#",
    "#step-",
    "%",
    "%2",
    "%E2%9C%93",
    "light",
    "dark",
    "auto",
    "true",
    "false",
    "1",
    "0",
    "12",
    "13",
    "-1",
    "barrage",
    "interception",
    "sabotage-2020",
    "\u{1e}",
    "\u{1f}",
    "escalation:go-to",
    "escalation:height",
    "escalation:",
];

pub const TARGETS: &[Target] = &[
    Target {
        name: "url",
        about: "parse_url: a query string and a hash (split at the first NUL byte)",
        seeds: || {
            vec![
                b"?step=barrage&theme=dark&plain=1\0".to_vec(),
                b"step=3&tables=yes&id=story-1\0#step-outcome".to_vec(),
                b"?theme=%6Cight&step=%E2%9C%93%\0#".to_vec(),
            ]
        },
        dictionary: OPTION_WORDS,
        run: |input| {
            let (query, hash) = match input.iter().position(|&b| b == 0) {
                Some(i) => (&input[..i], &input[i + 1..]),
                None => (input, &[][..]),
            };
            let (query, hash) = (
                String::from_utf8_lossy(query),
                String::from_utf8_lossy(hash),
            );
            let (options, warnings) = parse_url(&query, &hash, &STORY);
            check_options(&options, &warnings, query.split('&').count() + 1)
        },
    },
    Target {
        name: "mount-options",
        about: "parse_pairs over mount() options: records of key, type byte and value",
        seeds: || {
            vec![
                b"step\x1fn\x00\x00\x00\x00\x00\x00\x00\x40\x1etheme\x1ftdark\x1eplain\x1fb\x01"
                    .to_vec(),
                b"id\x1ftstory-1\x1etables\x1fn\x00\x00\x00\x00\x00\x00\xf0\x3f".to_vec(),
                b"colour\x1ftred\x1estep\x1fo".to_vec(),
            ]
        },
        dictionary: OPTION_WORDS,
        run: |input| {
            let pairs: Vec<(String, RawValue)> = fields(input, RECORD)
                .filter(|r| !r.is_empty())
                .map(|record| {
                    let (key, value) = match record.iter().position(|&b| b == KEY) {
                        Some(i) => (&record[..i], &record[i + 1..]),
                        None => (record, &[][..]),
                    };
                    (String::from_utf8_lossy(key).into_owned(), raw_value(value))
                })
                .collect();
            let count = pairs.len();
            let (options, warnings) = parse_pairs(
                pairs.iter().map(|(k, v)| (k.as_str(), v.clone())),
                "mount option",
                &STORY,
            );
            check_options(&options, &warnings, count)
        },
    },
    Target {
        name: "message",
        about: "parse_incoming: a message's type (absent when empty) and its step value",
        seeds: || {
            vec![
                b"escalation:go-to\x1fn\x00\x00\x00\x00\x00\x00\x08\x40".to_vec(),
                b"escalation:go-to\x1ftbarrage".to_vec(),
                b"escalation:height\x1e".to_vec(),
                b"\x1fo".to_vec(),
            ]
        },
        dictionary: OPTION_WORDS,
        run: |input| {
            let (kind, step) = match input.iter().position(|&b| b == KEY) {
                Some(i) => (&input[..i], Some(raw_value(&input[i + 1..]))),
                None => (input, None),
            };
            let kind = (!kind.is_empty()).then(|| String::from_utf8_lossy(kind).into_owned());
            match parse_incoming(kind.as_deref(), step, &STORY) {
                Incoming::GoTo(i) if i >= STORY.len() => Verdict::Broken(format!("go-to {i}")),
                Incoming::Invalid(w) if !w.starts_with("escalation: ") => {
                    Verdict::Broken(format!("warning without prefix: {w}"))
                }
                Incoming::GoTo(i) => Verdict::Ok(signature((1, i))),
                Incoming::Invalid(w) => Verdict::Ok(signature((2, w.len().min(40) / 8))),
                Incoming::Foreign => Verdict::Ok(signature(3)),
            }
        },
    },
    Target {
        name: "step-name",
        about: "step_from_hash and step_from_value: any text names a step or none",
        seeds: || {
            vec![
                b"#step-barrage".to_vec(),
                b"barrage".to_vec(),
                b"12".to_vec(),
                b"#".to_vec(),
            ]
        },
        dictionary: OPTION_WORDS,
        run: |input| {
            let text = String::from_utf8_lossy(input);
            let by_hash = step_from_hash(&text, &STORY);
            let by_value = step_from_value(&text, &STORY);
            match (by_hash, by_value) {
                (Some(i), _) | (_, Some(i)) if i >= STORY.len() => {
                    Verdict::Broken(format!("step {i}"))
                }
                outcome => Verdict::Ok(signature(outcome)),
            }
        },
    },
    Target {
        name: "numbers",
        about: "plausible_height, action_for_swipe and the cursor, from raw f64s and action bytes",
        seeds: || {
            vec![
                [
                    600f64.to_le_bytes(),
                    (-80f64).to_le_bytes(),
                    10f64.to_le_bytes(),
                ]
                .concat(),
            ]
        },
        dictionary: &[],
        run: |input| {
            let number = |i: usize| f64_from(input.get(i * 8..).unwrap_or(&[]));
            let height = plausible_height(number(0));
            if height.is_some_and(|h| !(1..=50_000).contains(&h)) {
                return Verdict::Broken(format!("height {height:?} from {}", number(0)));
            }
            let swipe = action_for_swipe(number(1), number(2));
            if !matches!(swipe, None | Some(Action::Next | Action::Prev)) {
                return Verdict::Broken(format!("swipe gave {swipe:?}"));
            }
            let len = usize::from(input.first().copied().unwrap_or(0) % 20);
            let mut cursor = Cursor::new(len, number(3).abs() as usize);
            for &b in input.iter().skip(24) {
                let action = match b % 5 {
                    0 => Action::Next,
                    1 => Action::Prev,
                    2 => Action::First,
                    3 => Action::Last,
                    _ => Action::GoTo(usize::from(b) * 997),
                };
                cursor = cursor.apply(action);
                if cursor.index() >= len.max(1) {
                    return Verdict::Broken(format!("cursor at {} of {len}", cursor.index()));
                }
            }
            Verdict::Ok(signature((
                height.map(|h| h / 1000),
                swipe.is_some(),
                cursor.index(),
            )))
        },
    },
    Target {
        name: "json-string",
        about: "json_string: any text round-trips through JSON and never carries < or >",
        seeds: || {
            vec![
                b"a\"b\\c\n</script>".to_vec(),
                "\u{1}\u{2028}é".as_bytes().to_vec(),
            ]
        },
        dictionary: &["</script>", "\\u", "\u{2028}", "\"", "\\"],
        run: |input| {
            let text = String::from_utf8_lossy(input);
            let encoded = json_string(&text);
            if encoded.contains('<') || encoded.contains('>') {
                return Verdict::Broken(format!("{encoded} carries < or >"));
            }
            match serde_json::from_str::<String>(&encoded) {
                Ok(decoded) if decoded == text => {
                    Verdict::Ok(signature(encoded.len() - text.len()))
                }
                Ok(decoded) => Verdict::Broken(format!("{text:?} came back as {decoded:?}")),
                Err(e) => Verdict::Broken(format!("{encoded} is not JSON: {e}")),
            }
        },
    },
    Target {
        name: "data-files",
        about: "datakit's checker over an edited data file: a dataset, or errors naming file and line",
        seeds: || {
            DATA_FILES
                .iter()
                .enumerate()
                .map(|(i, name)| [&[i as u8][..], data_file(name).as_bytes()].concat())
                .collect()
        },
        dictionary: &[
            "\n",
            "[[events]]\n",
            "id = ",
            "date = \"2024-04-13\"",
            "\"",
            "'",
            "= [",
            "]",
            "{",
            "}",
            "source = ",
            "kind = ",
            "qualifier = ",
            "low = ",
            "high = ",
            "value = ",
            "-",
            "2024-02-30",
            "2020-07",
            "\"nearly all\"",
            "1e999",
            "#",
        ],
        run: |input| {
            let Some((&which, edited)) = input.split_first() else {
                return Verdict::Ok(signature(0));
            };
            let edited_name = DATA_FILES[usize::from(which) % DATA_FILES.len()];
            let edited = String::from_utf8_lossy(edited).into_owned();
            let texts: Vec<(std::path::PathBuf, String)> = DATA_FILES
                .iter()
                .map(|name| {
                    let text = if *name == edited_name {
                        edited.clone()
                    } else {
                        data_file(name).to_string()
                    };
                    (std::path::PathBuf::from("data").join(name), text)
                })
                .collect();
            match check(texts.clone()) {
                Ok(dataset) => {
                    let _ = datakit::to_rust_source(&dataset);
                    let _ = datakit::export::to_json(&dataset);
                    let _ = datakit::export::to_csv_files(&dataset);
                    Verdict::Ok(signature("ok"))
                }
                Err(errors) => {
                    for e in &errors.0 {
                        let Some((_, text)) = texts.iter().find(|(path, _)| *path == e.file) else {
                            return Verdict::Broken(format!("error names no given file: {e}"));
                        };
                        let lines = text.lines().count().max(1);
                        if e.line == 0 || e.line > lines + 1 {
                            return Verdict::Broken(format!("line {} of {lines}: {e}", e.line));
                        }
                    }
                    Verdict::Ok(signature(format!(
                        "{:?}{}",
                        errors.kinds(),
                        errors.0.len().min(4)
                    )))
                }
            }
        },
    },
];

/// The shipped data files, as the fuzzer's seeds and as the unedited rest of the dataset.
fn data_file(name: &str) -> &'static str {
    match name {
        "sources.toml" => include_str!("../../data/sources.toml"),
        "events.toml" => include_str!("../../data/events.toml"),
        "figures.toml" => include_str!("../../data/figures.toml"),
        "quotes.toml" => include_str!("../../data/quotes.toml"),
        "groups.toml" => include_str!("../../data/groups.toml"),
        "story.toml" => include_str!("../../data/story.toml"),
        _ => "",
    }
}

/// A mount-option value from a type byte and payload: text, number, bool, or another type.
fn raw_value(bytes: &[u8]) -> RawValue {
    match bytes.split_first() {
        Some((b't', rest)) => RawValue::Text(String::from_utf8_lossy(rest).into_owned()),
        Some((b'n', rest)) => RawValue::Number(f64_from(rest)),
        Some((b'b', rest)) => RawValue::Bool(rest.first().is_some_and(|b| b & 1 == 1)),
        Some((b'a', _)) => RawValue::Other("an array"),
        _ => RawValue::Other("null"),
    }
}

fn check_options(options: &Options, warnings: &[String], inputs: usize) -> Verdict {
    if options.start >= STORY.len() {
        return Verdict::Broken(format!(
            "start {} in a story of {}",
            options.start,
            STORY.len()
        ));
    }
    if let Some(id) = options.id.as_deref().filter(|id| !is_valid_id(id)) {
        return Verdict::Broken(format!("invalid id {id:?} kept"));
    }
    if let Some(w) = warnings.iter().find(|w| !w.starts_with("escalation: ")) {
        return Verdict::Broken(format!("warning without prefix: {w}"));
    }
    if warnings.len() > inputs {
        return Verdict::Broken(format!("{} warnings for {inputs} inputs", warnings.len()));
    }
    Verdict::Ok(signature((
        options.start,
        options.theme as u8,
        options.plain,
        options.tables_open,
        options.id.is_some(),
        warnings.len().min(6),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Budget, fuzz};
    use std::time::Duration;

    /// Every target, briefly and from a fixed seed: the same inputs on every run, so this
    /// is a deterministic regression test; `cargo xtask fuzz` explores further.
    #[test]
    fn every_target_survives_a_short_deterministic_run() {
        for target in TARGETS {
            // The data checker parses six TOML files per input: fewer of those, unoptimised.
            let iterations = if target.name == "data-files" {
                150
            } else {
                3_000
            };
            let budget = Budget {
                iterations,
                time: Duration::from_secs(60),
            };
            let report = fuzz(target, budget, 0x5eed);
            if let Some(failure) = report.failure {
                panic!(
                    "{}: {} on {:?}",
                    target.name,
                    failure.reason,
                    String::from_utf8_lossy(&failure.input)
                );
            }
            assert!(
                report.signatures > 1,
                "{}: every input gave the same outcome",
                target.name
            );
        }
    }

    #[test]
    fn targets_reject_what_they_should() {
        let url = TARGETS.iter().find(|t| t.name == "url").unwrap();
        let Verdict::Ok(good) = (url.run)(b"?step=2\0") else {
            panic!()
        };
        let Verdict::Ok(bad) = (url.run)(b"?step=99\0") else {
            panic!()
        };
        assert_ne!(good, bad, "a refused option changes the outcome");
        let data = TARGETS.iter().find(|t| t.name == "data-files").unwrap();
        let broken = [&[1u8][..], b"[[events]]\nid = \n"].concat();
        assert!(
            matches!((data.run)(&broken), Verdict::Ok(_)),
            "a broken file is an error, not a failure"
        );
    }
}
