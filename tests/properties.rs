//! Property tests: every parser that takes outside input — from a host page (URL, mount
//! options, messages), a reader (step names, swipes, the cursor) or a data editor
//! (`data/*.toml`) — never panics and always gives a valid state, whatever the input.
//!
//! One module per target of `cargo xtask fuzz`, named after it (`mount-options` is
//! `mount_options`; an xtask test keeps the two lists equal). `cargo test` runs each property
//! on 256 cases (the data files' on 64) from a fixed seed, the same cases on every run; `cargo xtask fuzz` runs a target's module again and again with fresh
//! seeds for as long as asked, through proptest's own `PROPTEST_CASES` and
//! `PROPTEST_RNG_SEED`. Either way, a failing case's seed is saved in
//! `target/fuzz/<target>/failures.txt`, and every later run tries the saved seeds first.
//!
//! The strategies build inputs from the words these parsers care about — option keys,
//! `=`, `&`, `?`, `#`, `%` escapes, the story's slugs, numbers around its length, awkward
//! floats — mixed with any characters (non-ASCII, control characters) and sometimes long.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::sync::LazyLock;

use escalation::app::{SWIPE_MIN, action_for_swipe};
use escalation::embed::config::{
    Given, Options, RawValue, Warning, is_valid_id, parse_pairs, parse_url, step_from_hash,
    step_from_value,
};
use escalation::embed::messages::{
    Incoming, MAX_HEIGHT, MIN_HEIGHT, Request, height_messages, plausible_height, read_incoming,
    step_message,
};
use escalation::embed::pym;
use escalation::embed::reveal::StagePosition;
use escalation::story::{Action, Cursor, STORY};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{FileFailurePersistence, RngSeed};

/// The settings of a fuzz target's properties: 256 cases from a fixed seed, failures saved
/// in `target/fuzz/<target>/failures.txt` (or, for `cargo xtask fuzz --replay`, the file
/// `ESCALATION_REPLAY` names). proptest's `PROPTEST_*` variables override the cases and seed.
fn config(target: &str) -> ProptestConfig {
    let failures = std::env::var("ESCALATION_REPLAY").unwrap_or_else(|_| {
        format!(
            "{}/target/fuzz/{target}/failures.txt",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    ProptestConfig {
        rng_seed: RngSeed::Fixed(0x5eed),
        // proptest wants a `&'static str`: one small string per property run.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(Box::leak(
            failures.into_boxed_str(),
        )))),
        ..ProptestConfig::default()
    }
}

/// What options, messages and step names are made of: keys, values, the URL's separators
/// and escapes, message types, characters JSON and HTML treat specially, and a few
/// non-ASCII and control characters.
const WORDS: &[&str] = &[
    "step",
    "theme",
    "plain",
    "tables",
    "id",
    "childId",
    "initialWidth",
    "parentUrl",
    "pym",
    "xPYMx",
    "pymxPYMxcontainerxPYMx",
    "width",
    "viewport-iframe-position",
    "=",
    "&",
    "?",
    "#",
    "#step-",
    "step-",
    "%",
    "%2",
    "%6C",
    "%E2%9C%93",
    "%00",
    "+",
    " ",
    "light",
    "dark",
    "auto",
    "true",
    "false",
    "yes",
    "off",
    "1.5",
    "1e3",
    "story-1",
    "escalation:go-to",
    "escalation:height",
    "escalation:",
    "<",
    ">",
    "</script>",
    "\"",
    "\\",
    "\\u",
    "é",
    "✓",
    "\u{2028}",
    "\u{2029}",
    "\0",
    "\u{1f}",
    "\n",
    "\r",
    "\t",
    "\u{7f}",
];

fn slug() -> impl Strategy<Value = &'static str> {
    select(STORY.steps.iter().map(|s| s.slug).collect::<Vec<_>>())
}

/// One piece of an input: a word, a step's slug, a whole number around the story's
/// length, or a few characters of any kind.
fn piece() -> impl Strategy<Value = String> {
    let around_the_story = -2..=STORY.len() as i64 + 2;
    prop_oneof![
        4 => select(WORDS).prop_map(String::from),
        2 => slug().prop_map(String::from),
        2 => around_the_story.prop_map(|n| n.to_string()),
        1 => vec(any::<char>(), 0..6).prop_map(String::from_iter),
    ]
}

/// Text as a host page or a reader might send it: a few pieces, now and then hundreds.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => vec(piece(), 0..8).prop_map(|p| p.concat()),
        1 => vec(piece(), 100..400).prop_map(|p| p.concat()),
    ]
}

/// A number from the page: any float (NaN and the infinities included), a whole number
/// around the story's length, or one at an edge the parsers draw.
fn number() -> impl Strategy<Value = f64> {
    const EDGES: &[f64] = &[
        0.0,
        -0.0,
        0.5,
        1.0,
        49_999.5,
        50_000.0,
        50_000.5,
        SWIPE_MIN,
        -SWIPE_MIN,
        1e12,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    prop_oneof![
        any::<f64>(),
        (-3i32..=STORY.len() as i32 + 3).prop_map(f64::from),
        select(EDGES),
        -100_000.0..100_000.0,
    ]
}

/// A value as `mount()` or a message passes it: text, a number, a bool, or another type.
fn raw_value() -> impl Strategy<Value = RawValue> {
    prop_oneof![
        text().prop_map(RawValue::Text),
        number().prop_map(RawValue::Number),
        any::<bool>().prop_map(RawValue::Bool),
        select(&["null", "an array", "an object"]).prop_map(RawValue::Other),
    ]
}

/// An option key: one the widget knows, or anything.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        select(&[
            "step",
            "theme",
            "plain",
            "tables",
            "id",
            "childId",
            "initialWidth",
            "parentTitle",
            "parentUrl"
        ])
        .prop_map(String::from),
        piece(),
    ]
}

/// Options are always usable, and each part of the input is refused at most once.
fn valid_options(
    options: &Options,
    warnings: &[Warning],
    parts: usize,
) -> Result<(), TestCaseError> {
    prop_assert!(options.start < STORY.len());
    prop_assert!(options.id.as_deref().is_none_or(is_valid_id));
    prop_assert!(options.pym_child.as_deref().is_none_or(pym::is_child_id));
    prop_assert!(
        warnings
            .iter()
            .all(|w| w.to_string().starts_with("escalation: "))
    );
    prop_assert!(warnings.len() <= parts);
    Ok(())
}

mod url {
    use super::*;

    /// The query as the browser's `URLSearchParams` decodes it: key and value pairs.
    fn query() -> impl Strategy<Value = Vec<(String, String)>> {
        prop_oneof![vec((key(), text()), 0..8), vec((text(), text()), 0..4)]
    }

    fn hash() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            slug().prop_map(|s| format!("#step-{s}")),
            text().prop_map(|t| format!("#{t}")),
            text(),
        ]
    }

    proptest! {
        #![proptest_config(config("url"))]

        #[test]
        fn any_url_gives_valid_options(query in query(), hash in hash()) {
            let parts = query.len() + 1;
            let mut warnings = Vec::new();
            let options = parse_url(query, &hash, &STORY, |w| warnings.push(w));
            valid_options(&options, &warnings, parts)?;
        }
    }
}

mod mount_options {
    use super::*;

    proptest! {
        #![proptest_config(config("mount-options"))]

        #[test]
        fn any_mount_options_give_valid_options(pairs in vec((key(), raw_value()), 0..8)) {
            let given = pairs.iter().map(|(k, v)| (k.as_str(), v.clone()));
            let mut warnings = Vec::new();
            let options = parse_pairs(given, Given::Mount, &STORY, |w| warnings.push(w));
            valid_options(&options, &warnings, pairs.len())?;
        }
    }
}

mod message {
    use super::*;

    /// A message's `type`: ours, one addressed to us that we do not know, or anything.
    fn kind() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(prop_oneof![
            select(&[
                "escalation:go-to",
                "escalation:height",
                "escalation:step",
                "escalation:scroll"
            ])
            .prop_map(String::from),
            piece().prop_map(|p| format!("escalation:{p}")),
            text(),
        ])
    }

    proptest! {
        #![proptest_config(config("message"))]

        #[test]
        fn any_message_goes_to_a_step_warns_or_is_ignored(
            kind in kind(),
            step in proptest::option::of(raw_value()),
        ) {
            let message = Incoming { kind: kind.map(RawValue::Text), step };
            match read_incoming(&message, &STORY) {
                Request::GoTo(i) => prop_assert!(i < STORY.len()),
                Request::Refused(why) => prop_assert!(why.to_string().starts_with("escalation: ")),
                Request::Foreign => {}
            }
        }

        #[test]
        fn any_pym_message_is_a_width_a_usable_position_or_ignored(
            id in prop_oneof![Just("container".to_string()), text()],
            kind in prop_oneof![
                select(&["width", "viewport-iframe-position", "height"]).prop_map(String::from),
                text(),
            ],
            body in prop_oneof![
                vec(number(), 0..8).prop_map(|n| n.iter().map(f64::to_string).collect::<Vec<_>>().join(" ")),
                text(),
            ],
            stage in (number(), number(), number()),
            whole in any::<bool>(),
        ) {
            let text = if whole { format!("pymxPYMx{id}xPYMx{kind}xPYMx{body}") } else { body };
            match pym::read(&id, &text) {
                pym::Incoming::Position(frame) => {
                    prop_assert!(frame.viewport_height.is_finite() && frame.frame_top.is_finite());
                    let (top, step, bottom) = stage;
                    let offset = pym::scroll_offset(StagePosition { top, step, bottom }, frame);
                    prop_assert!(offset.is_none_or(|o| o <= MAX_HEIGHT));
                }
                pym::Incoming::Width | pym::Incoming::Foreign => {}
            }
        }
    }
}

mod step_name {
    use super::*;

    /// A slug as a link or an option writes it, padded or cut short, or any text.
    fn name() -> impl Strategy<Value = String> {
        let prefix = select(&["", "#", "#step-", "step-", " "]);
        let suffix = select(&["", " ", "\n", "-", "x"]);
        prop_oneof![
            (prefix, slug(), suffix).prop_map(|(p, s, x)| format!("{p}{s}{x}")),
            text(),
        ]
    }

    proptest! {
        #![proptest_config(config("step-name"))]

        #[test]
        fn any_step_name_names_a_step_or_none(name in name()) {
            prop_assert!(step_from_hash(&name, &STORY).is_none_or(|i| i < STORY.len()));
            prop_assert!(step_from_value(&name, &STORY).is_none_or(|i| i < STORY.len()));
        }
    }
}

mod numbers {
    use super::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Next),
            Just(Action::Prev),
            Just(Action::First),
            Just(Action::Last),
            (0usize..30).prop_map(Action::GoTo),
            any::<usize>().prop_map(Action::GoTo),
        ]
    }

    proptest! {
        #![proptest_config(config("numbers"))]

        #[test]
        fn heights_are_plausible_or_dropped(height in number()) {
            // What embed.js accepts, the same bounds: a height it would refuse is never sent.
            if let Some(h) = plausible_height(height) {
                prop_assert!((MIN_HEIGHT..=MAX_HEIGHT).contains(&h));
            }
        }

        #[test]
        fn any_swipe_is_next_prev_or_nothing(dx in number(), dy in number()) {
            let action = action_for_swipe(dx, dy);
            prop_assert!(matches!(action, None | Some(Action::Next | Action::Prev)));
        }

        #[test]
        fn the_cursor_stays_in_the_story(
            len in 0usize..20,
            start in prop_oneof![0usize..30, any::<usize>()],
            actions in vec(action(), 0..40),
        ) {
            let mut cursor = Cursor::new(len, start);
            prop_assert!(cursor.index() < len.max(1));
            for action in actions {
                cursor = cursor.apply(action);
                prop_assert!(cursor.index() < len.max(1));
            }
        }
    }
}

mod outgoing {
    use super::*;

    proptest! {
        #![proptest_config(config("outgoing"))]

        #[test]
        fn every_outgoing_message_is_json_that_reads_back(
            id in text(),
            src in text(),
            height in any::<u32>(),
            index in 0usize..64,
        ) {
            let posts = height_messages(&id, height, &src);
            for post in posts.iter().chain([&step_message(&id, index, "a-slug")]) {
                let json = serde_json::to_string(post).expect("a message serialises");
                let read: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
                prop_assert!(read.is_object());
                let named = read.get("id").and_then(|v| v.as_str())
                    .or_else(|| read.get("datawrapper-height").and_then(|o| o.as_object()?.keys().next().map(String::as_str)))
                    .or_else(|| read.get("src").and_then(|v| v.as_str()));
                if let Some(named) = named {
                    prop_assert!(named == id || named == src, "{json}");
                }
            }
            // pym's: one string that its Parent's regular expression reads back.
            let pym = pym::height_message(&id, height);
            let body = pym.as_str().strip_prefix(&format!("pymxPYMx{id}xPYMxheightxPYMx"));
            prop_assert_eq!(body.map(String::from), Some(height.to_string()));
        }
    }
}

mod data_files {
    use super::*;
    use datakit::DATA_FILES;

    /// The shipped data files, read once.
    static SHIPPED: LazyLock<Vec<String>> = LazyLock::new(|| {
        DATA_FILES
            .iter()
            .map(|name| {
                let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
            })
            .collect()
    });

    /// Values an editor might type over another of the same type: impossible dates, names
    /// of nothing, empty text, qualifiers, kinds and charts that may not fit, odd counts.
    const STRINGS: &[&str] = &[
        "\"\"",
        "\" \"",
        "\"2024-02-30\"",
        "\"2024-13\"",
        "\"2023-02-29\"",
        "\"2020-07\"",
        "\"2024-04-19/2024-04-15\"",
        "\"2024\"",
        "\"nope\"",
        "\"exact\"",
        "\"range\"",
        "\"more-than\"",
        "\"nearly-all\"",
        "\"explosion\"",
        "\"timeline\"",
        "\"units-outcome\"",
    ];
    const NUMBERS: &[&str] = &["0", "1", "12", "331", "99999", "4294967295"];
    const LISTS: &[&str] = &["[]", "[\"nope\"]", "[\"barrage\"]"];
    /// Values of the wrong type, or not TOML at all.
    const MISTAKES: &[&str] = &[
        "-1",
        "4294967296",
        "1e999",
        "1.5",
        "true",
        "{}",
        "\"",
        "'",
        "\"\"\"",
        "",
    ];

    /// Lines an editor might add: table headers, keys without values, unknown keys.
    const LINES: &[&str] = &[
        "[[event]]",
        "[[figure]]",
        "[[quote]]",
        "[[step]]",
        "[[steps]]",
        "id = ",
        "id = \"barrage\"",
        "x = 1",
        "source = \"nope\"",
        "parts = [\"nope\"]",
        "#",
        "",
    ];

    /// One slip in a data file. Positions are `Index`es, scaled to the file when applied.
    #[derive(Debug, Clone)]
    enum Edit {
        /// A value replaced by another of its type (`Index` picks it).
        ChangeValue(Index, Index),
        /// A value replaced by one of the wrong type.
        Mistype(Index, &'static str),
        /// The value of one line copied onto another of its type: duplicate ids, references
        /// to the wrong table, dates out of order.
        CopyValue {
            from: Index,
            to: Index,
        },
        DeleteLine(Index),
        DuplicateLine(Index),
        InsertLine(Index, &'static str),
        /// Any text dropped in anywhere, even mid-word.
        InsertText(Index, String),
        /// The file cut short, maybe mid-line.
        Truncate(Index),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let index = any::<Index>;
        prop_oneof![
            4 => (index(), index()).prop_map(|(i, v)| Edit::ChangeValue(i, v)),
            1 => (index(), select(MISTAKES)).prop_map(|(i, v)| Edit::Mistype(i, v)),
            3 => (index(), index()).prop_map(|(from, to)| Edit::CopyValue { from, to }),
            2 => index().prop_map(Edit::DeleteLine),
            1 => index().prop_map(Edit::DuplicateLine),
            1 => (index(), select(LINES)).prop_map(|(i, l)| Edit::InsertLine(i, l)),
            1 => (index(), piece()).prop_map(|(i, t)| Edit::InsertText(i, t)),
            1 => index().prop_map(Edit::Truncate),
        ]
    }

    /// Where `index` falls in `text`, moved back to a character boundary.
    fn offset(text: &str, index: &Index) -> usize {
        let mut at = index.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The value of a `key = value` line.
    fn value(line: &str) -> Option<&str> {
        line.split_once(" = ").map(|(_, value)| value)
    }

    /// What a value can be replaced with, keeping its type: a string, a list or a number.
    fn replacements(value: &str) -> &'static [&'static str] {
        match value.bytes().next() {
            Some(b'"') => STRINGS,
            Some(b'[') => LISTS,
            Some(b'0'..=b'9') => NUMBERS,
            _ => MISTAKES,
        }
    }

    /// The `key = value` line that `index` picks among those whose value `fits`.
    fn pick(lines: &[String], index: &Index, fits: impl Fn(&str) -> bool) -> Option<usize> {
        let pairs: Vec<usize> = (0..lines.len())
            .filter(|&i| value(&lines[i]).is_some_and(&fits))
            .collect();
        pairs.get(index.index(pairs.len().max(1))).copied()
    }

    fn set_value(line: &mut String, new: &str) {
        if let Some((key, _)) = line.split_once(" = ") {
            *line = format!("{key} = {new}");
        }
    }

    fn apply(text: &str, edits: &[Edit]) -> String {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        for edit in edits {
            let n = lines.len().max(1);
            match edit {
                Edit::ChangeValue(i, v) => {
                    if let Some(at) = pick(&lines, i, |_| true) {
                        let choices = replacements(value(&lines[at]).unwrap_or(""));
                        set_value(&mut lines[at], choices[v.index(choices.len())]);
                    }
                }
                Edit::Mistype(i, new) => {
                    if let Some(at) = pick(&lines, i, |_| true) {
                        set_value(&mut lines[at], new);
                    }
                }
                Edit::CopyValue { from, to } => {
                    if let Some(from) = pick(&lines, from, |_| true) {
                        let copied = value(&lines[from]).unwrap_or("").to_string();
                        // Values that start alike (a quote, a bracket, a digit) are of one type.
                        let alike = |v: &str| v.bytes().next() == copied.bytes().next();
                        if let Some(to) = pick(&lines, to, alike) {
                            set_value(&mut lines[to], &copied);
                        }
                    }
                }
                Edit::DeleteLine(i) if !lines.is_empty() => {
                    lines.remove(i.index(n));
                }
                Edit::DuplicateLine(i) if !lines.is_empty() => {
                    let line = lines[i.index(n)].clone();
                    lines.insert(i.index(n), line);
                }
                Edit::InsertLine(i, line) => {
                    lines.insert(i.index(lines.len() + 1), line.to_string())
                }
                Edit::InsertText(i, t) => {
                    let mut whole = lines.join("\n");
                    whole.insert_str(offset(&whole, i), t);
                    lines = whole.lines().map(String::from).collect();
                }
                Edit::Truncate(i) => {
                    let mut whole = lines.join("\n");
                    whole.truncate(offset(&whole, i));
                    lines = whole.lines().map(String::from).collect();
                }
                _ => {}
            }
        }
        lines.join("\n")
    }

    /// A date as an editor might write one: date-shaped, or any text.
    fn date_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{0,5}(-[0-9]{0,3}(-[0-9]{0,3})?)?(/[0-9]{0,5}(-[0-9]{0,3}(-[0-9]{0,3})?)?)?",
            text(),
        ]
    }

    proptest! {
        // Each case checks all six files, about 25 ms unoptimised: fewer cases under
        // `cargo test`; `cargo xtask fuzz` runs thousands.
        #![proptest_config(ProptestConfig { cases: 64, ..config("data-files") })]

        #[test]
        fn an_edited_dataset_checks_or_names_file_and_line(
            file in 0..DATA_FILES.len(),
            edits in vec(edit(), 1..4),
        ) {
            let texts: Vec<(PathBuf, String)> = DATA_FILES
                .iter()
                .zip(SHIPPED.iter())
                .enumerate()
                .map(|(i, (name, shipped))| {
                    let text = if i == file { apply(shipped, &edits) } else { shipped.clone() };
                    (PathBuf::from("data").join(name), text)
                })
                .collect();
            match datakit::check::check(texts.clone()) {
                Ok(dataset) => {
                    datakit::to_rust_source(&dataset);
                    datakit::export::to_json(&dataset);
                    datakit::export::to_csv_files(&dataset);
                }
                Err(errors) => {
                    prop_assert!(!errors.0.is_empty());
                    for e in &errors.0 {
                        let text = texts.iter().find(|(path, _)| *path == e.file).map(|(_, t)| t);
                        prop_assert!(text.is_some(), "{e} names no given file");
                        let lines = text.map_or(0, |t| t.lines().count());
                        prop_assert!((1..=lines + 1).contains(&e.line), "{e}: {lines} lines");
                    }
                }
            }
        }

    }

    proptest! {
        #![proptest_config(config("data-files"))]

        #[test]
        fn any_date_text_parses_or_is_rejected(text in date_text()) {
            let _ = datakit::DateSpan::parse(&text);
        }
    }
}
