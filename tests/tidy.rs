//! Tidy: the architecture's import rules, checked by reading the source tree (rust-analyzer's
//! `tidy` habit). Each failure names the file, the line and the rule it breaks.
//!
//! The rules, on code only (comments, doc comments and string literals are left out; a name
//! counts as an identifier token, so `"yew"` in a string or `window(&spans, period)` with
//! arguments is no match):
//!
//! 1. **Pure layers.** `src/model.rs`, `src/story.rs`, `src/geom.rs` and `src/geom/**` name none
//!    of `yew`, `web_sys`, `js_sys`, `wasm_bindgen`, `gloo`.
//! 2. **Only `embed` reaches the browser.** Every other file under `src/` — all but
//!    `src/embed.rs`, `src/embed/**` and `src/main.rs` — names
//!    - none of the crates `web_sys`, `js_sys`, `wasm_bindgen`, `gloo` (so not `yew::web_sys`
//!      either);
//!    - none of Yew's or wasm-bindgen's ways to the DOM: `NodeRef`, `TargetCast`, `JsCast`,
//!      `JsValue`, `Closure`, `create_portal`, `Renderer`, `AppHandle`, `set_event_bubbling`,
//!      `set_custom_panic_hook`, `print_node`;
//!    - calls no method `.cast`, `.dyn_into`, `.dyn_ref`, `.unchecked_into`, `.unchecked_ref`,
//!      `.target_dyn_into`, `.target_unchecked_into`, `.target`, `.current_target`,
//!      `.related_target`, `.composed_path`, and no `window()` or `document()` (without
//!      arguments, as web-sys and gloo spell them);
//!    - and an event handler only reads the event it was given: a binding annotated with one of
//!      the event types Yew re-exports (`KeyboardEvent`, `MouseEvent`, `PointerEvent`, … see
//!      `EVENT_TYPES`; plain `Event` only when taken by value, as the model has an `Event` of
//!      its own) is used, in its closure's or function's body, only as `name.method(…)` with a
//!      method of `EVENT_METHODS` — the event's own fields (`key`, `client_x`, `pointer_type`,
//!      …) and its dispatch (`prevent_default`, `stop_propagation`). Passing the event on,
//!      keeping it, or any other method (`target`, `view`, …) fails.
//! 3. **datakit stands alone.** `datakit/src/**` names none of the widget's crates —
//!    `escalation`, `yew`, `web_sys`, `js_sys`, `wasm_bindgen`, `gloo`, `talc` — and
//!    `datakit/Cargo.toml` depends on none of them.
//! 4. **The shared values stand alone.** `domain/src/**` (escalation-domain, which both
//!    datakit and the widget use) names none of the widget's crates nor `datakit`, and
//!    `domain/Cargo.toml` depends on nothing but `serde` (its optional feature).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt;
use std::path::{Path, PathBuf};

const UI_AND_BROWSER_CRATES: [&str; 5] = ["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo"];
const BROWSER_CRATES: [&str; 4] = ["web_sys", "js_sys", "wasm_bindgen", "gloo"];
const DOM_NAMES: [&str; 11] = [
    "NodeRef",
    "TargetCast",
    "JsCast",
    "JsValue",
    "Closure",
    "create_portal",
    "Renderer",
    "AppHandle",
    "set_event_bubbling",
    "set_custom_panic_hook",
    "print_node",
];
const DOM_METHODS: [&str; 11] = [
    "cast",
    "dyn_into",
    "dyn_ref",
    "unchecked_into",
    "unchecked_ref",
    "target_dyn_into",
    "target_unchecked_into",
    "target",
    "current_target",
    "related_target",
    "composed_path",
];
const DOM_GLOBALS: [&str; 2] = ["window", "document"];
/// The browser's event types that `yew::prelude` re-exports (yew 0.23, `yew::events`), but
/// `Event`, which is checked only when taken by value.
const EVENT_TYPES: [&str; 14] = [
    "AnimationEvent",
    "DragEvent",
    "ErrorEvent",
    "FocusEvent",
    "InputEvent",
    "KeyboardEvent",
    "MouseEvent",
    "PointerEvent",
    "ProgressEvent",
    "SubmitEvent",
    "TouchEvent",
    "TransitionEvent",
    "UiEvent",
    "WheelEvent",
];
/// What a handler may do with its event: read the event's own fields, and stop its default
/// action or its propagation.
const EVENT_METHODS: [&str; 19] = [
    "key",
    "code",
    "repeat",
    "alt_key",
    "ctrl_key",
    "meta_key",
    "shift_key",
    "client_x",
    "client_y",
    "pointer_type",
    "pointer_id",
    "is_primary",
    "button",
    "buttons",
    "default_prevented",
    "type_",
    "prevent_default",
    "stop_propagation",
    "stop_immediate_propagation",
];
const WIDGET_CRATES: [&str; 7] = [
    "escalation",
    "yew",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "talc",
];

// ---------------------------------------------------------------------------------------------
// Tokens: identifiers and punctuation with their line, comments and literals left out.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    line: usize,
}

/// Reads Rust source into identifier and punctuation tokens. Comments (line, nested block,
/// doc), string, raw string, byte and char literals, lifetimes and numbers leave no token.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1, None, &mut line);
        } else if c == '\'' {
            if at(i + 1) == '\\' {
                // An escaped char literal: '\n', '\'', '\u{2019}'.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                // A lifetime or a label.
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            while at(i).is_alphanumeric()
                || at(i) == '_'
                || (at(i) == '.' && at(i + 1).is_ascii_digit())
            {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let prefix = matches!(word.as_str(), "r" | "br" | "cr");
            if prefix && (at(i) == '"' || at(i) == '#') {
                let mut hashes = 0;
                while at(i + hashes) == '#' {
                    hashes += 1;
                }
                if at(i + hashes) == '"' {
                    i = skip_string(&chars, i + hashes + 1, Some(hashes), &mut line);
                    continue;
                }
                if word == "r" && hashes == 1 {
                    // A raw identifier, r#type: the identifier is what follows.
                    i += 1;
                    continue;
                }
            }
            if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                i = skip_string(&chars, i + 1, None, &mut line);
                continue;
            }
            out.push(Token {
                tok: Tok::Ident(word),
                line,
            });
        } else {
            out.push(Token {
                tok: Tok::Punct(c),
                line,
            });
            i += 1;
        }
    }
    out
}

/// Skips a string literal's body from `i` (just after its opening quote) to just after its
/// end: the closing quote, and for a raw string (`raw` = `Some(number of hashes)`) as many
/// hashes as it opened with. Backslash escapes count only in a string that is not raw.
fn skip_string(chars: &[char], mut i: usize, raw: Option<usize>, line: &mut usize) -> usize {
    let hashes = raw.unwrap_or(0);
    while i < chars.len() {
        match chars[i] {
            '\\' if raw.is_none() => {
                *line += usize::from(chars.get(i + 1) == Some(&'\n'));
                i += 2;
            }
            '"' if (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) => return i + 1 + hashes,
            c => {
                *line += usize::from(c == '\n');
                i += 1;
            }
        }
    }
    i
}

fn ident(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i).map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

fn punct(tokens: &[Token], i: usize, c: char) -> bool {
    i < tokens.len() && tokens[i].tok == Tok::Punct(c)
}

// ---------------------------------------------------------------------------------------------
// The rules.

#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Which rules apply to a file under `src/`, by its path relative to the repository.
fn is_pure_layer(path: &str) -> bool {
    matches!(path, "src/model.rs" | "src/story.rs" | "src/geom.rs") || path.starts_with("src/geom/")
}

fn may_touch_the_browser(path: &str) -> bool {
    matches!(path, "src/embed.rs" | "src/main.rs") || path.starts_with("src/embed/")
}

/// Rule 1 and rule 2 on one file of `src/`, in line order.
fn check_src_file(path: &str, source: &str) -> Vec<Violation> {
    let tokens = tokens(source);
    let mut found: Vec<(usize, String)> = Vec::new();
    let pure = is_pure_layer(path);
    if pure {
        for t in &tokens {
            if let Tok::Ident(name) = &t.tok
                && UI_AND_BROWSER_CRATES.contains(&name.as_str())
            {
                found.push((
                    t.line,
                    format!("`{name}` in a pure layer: model, story and geom import no UI or browser crate"),
                ));
            }
        }
    }
    if !may_touch_the_browser(path) {
        for (i, t) in tokens.iter().enumerate() {
            let Tok::Ident(name) = &t.tok else { continue };
            let name = name.as_str();
            let method = i > 0
                && punct(&tokens, i - 1, '.')
                && (punct(&tokens, i + 1, '(') || punct(&tokens, i + 1, ':'));
            let bare_call = punct(&tokens, i + 1, '(') && punct(&tokens, i + 2, ')');
            let message = if !pure && BROWSER_CRATES.contains(&name) {
                format!("`{name}` outside embed: only src/embed reaches the browser")
            } else if DOM_NAMES.contains(&name) {
                format!("`{name}` outside embed: a way to the DOM, which only src/embed may take")
            } else if method && DOM_METHODS.contains(&name) {
                format!("`.{name}(…)` outside embed: it reaches the DOM, which only src/embed may")
            } else if bare_call && DOM_GLOBALS.contains(&name) {
                format!("`{name}()` outside embed: the page's globals are src/embed's")
            } else {
                continue;
            };
            found.push((t.line, message));
        }
        for binding in event_bindings(&tokens) {
            for use_at in binding.uses_other_than_reading(&tokens) {
                found.push((
                    tokens[use_at].line,
                    format!(
                        "`{}` (the {} given to a handler on line {}) is used other than by \
                         reading it: a handler outside embed may only call {} on its event",
                        binding.name,
                        binding.ty,
                        tokens[binding.at].line,
                        EVENT_METHODS.join(", ")
                    ),
                ));
            }
        }
    }
    found.sort_by_key(|(line, _)| *line);
    found
        .into_iter()
        .map(|(line, message)| Violation {
            file: path.to_owned(),
            line,
            message,
        })
        .collect()
}

/// A binding annotated with a browser event type, and where its uses may be.
struct EventBinding {
    name: String,
    ty: String,
    /// The binding's name token.
    at: usize,
    /// The tokens of its closure's or function's body (or, for a `let`, the rest of its
    /// block).
    scope: std::ops::Range<usize>,
}

impl EventBinding {
    /// The uses of the binding in its scope that are not `name.<allowed method>(`.
    fn uses_other_than_reading(&self, tokens: &[Token]) -> Vec<usize> {
        self.scope
            .clone()
            .filter(|&i| ident(tokens, i) == Some(self.name.as_str()))
            .filter(|&i| !(i > 0 && (punct(tokens, i - 1, '.') || punct(tokens, i - 1, ':'))))
            .filter(|&i| {
                let reads = punct(tokens, i + 1, '.')
                    && ident(tokens, i + 2).is_some_and(|m| EVENT_METHODS.contains(&m))
                    && punct(tokens, i + 3, '(');
                !reads
            })
            .collect()
    }
}

/// Every `name: [&][mut] [path::]XxxEvent` in the tokens, with its scope.
fn event_bindings(tokens: &[Token]) -> Vec<EventBinding> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let Some(name) = ident(tokens, i) else {
            continue;
        };
        // `name :` but not `a::name` or `name::b`.
        if !punct(tokens, i + 1, ':')
            || punct(tokens, i + 2, ':')
            || (i > 0 && punct(tokens, i - 1, ':'))
        {
            continue;
        }
        let mut j = i + 2;
        let by_ref = punct(tokens, j, '&');
        if by_ref {
            j += 1;
        }
        if ident(tokens, j) == Some("mut") {
            j += 1;
        }
        while ident(tokens, j).is_some() && punct(tokens, j + 1, ':') && punct(tokens, j + 2, ':') {
            j += 3;
        }
        let Some(ty) = ident(tokens, j) else { continue };
        let is_event = EVENT_TYPES.contains(&ty) || (ty == "Event" && !by_ref);
        if !is_event || name == "_" || punct(tokens, j + 1, '<') {
            continue;
        }
        out.push(EventBinding {
            name: name.to_owned(),
            ty: ty.to_owned(),
            at: i,
            scope: binding_scope(tokens, i),
        });
    }
    out
}

/// The tokens a binding at `at` can be used in: a closure parameter's closure body, a
/// function parameter's function body, or else the rest of the enclosing block.
fn binding_scope(tokens: &[Token], at: usize) -> std::ops::Range<usize> {
    // Walk back to what opens the list the binding is in.
    let mut depth = 0usize;
    let mut k = at;
    let opener = loop {
        if k == 0 {
            break None;
        }
        k -= 1;
        match &tokens[k].tok {
            Tok::Punct(')' | ']' | '}') => depth += 1,
            Tok::Punct(c @ ('(' | '[' | '{')) => {
                if depth == 0 {
                    break Some((*c, k));
                }
                depth -= 1;
            }
            Tok::Punct('|') if depth == 0 => break Some(('|', k)),
            _ => {}
        }
    };
    match opener {
        Some(('|', _)) => {
            // The closure's body: from its closing `|` to the `,` or `;` that ends it, or to
            // the bracket that closes the list the closure is in.
            let close = (at..tokens.len())
                .find(|&i| punct(tokens, i, '|'))
                .unwrap_or(tokens.len());
            close + 1..end_of(tokens, close + 1, true)
        }
        Some(('(', open)) if is_fn_params(tokens, open) => {
            let close = end_of(tokens, open + 1, false);
            let body = (close..tokens.len())
                .find(|&i| punct(tokens, i, '{') || punct(tokens, i, ';'))
                .filter(|&i| punct(tokens, i, '{'));
            match body {
                Some(body) => body..end_of(tokens, body + 1, false),
                None => close..close,
            }
        }
        _ => at + 1..end_of(tokens, at + 1, false),
    }
}

/// Whether the `(` at `open` starts a function's parameter list: `fn name(` or
/// `fn name<…>(`.
fn is_fn_params(tokens: &[Token], open: usize) -> bool {
    (open.saturating_sub(24)..open)
        .rev()
        .take_while(|&i| !matches!(tokens[i].tok, Tok::Punct('{' | '}' | ';' | '(' | ')')))
        .any(|i| ident(tokens, i) == Some("fn"))
}

/// Where the code from `from` on ends: at the bracket that closes the group it is in or, with
/// `at_separator`, at a `,` or `;` outside any bracket it opens, whichever comes first.
fn end_of(tokens: &[Token], from: usize, at_separator: bool) -> usize {
    let mut depth = 0usize;
    for (i, t) in tokens.iter().enumerate().skip(from) {
        match t.tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') if depth == 0 => return i,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',' | ';') if at_separator && depth == 0 => return i,
            _ => {}
        }
    }
    tokens.len()
}

/// Rule 3 on one file of `datakit/src/`.
fn check_datakit_file(path: &str, source: &str) -> Vec<Violation> {
    names_none(path, source, &WIDGET_CRATES, "the data checker imports")
}

/// Rule 4 on one file of `domain/src/`.
fn check_domain_file(path: &str, source: &str) -> Vec<Violation> {
    let crates: Vec<&str> = WIDGET_CRATES.iter().copied().chain(["datakit"]).collect();
    names_none(path, source, &crates, "the shared values import")
}

/// The identifiers of `source` that name one of `crates`.
fn names_none(path: &str, source: &str, crates: &[&str], who: &str) -> Vec<Violation> {
    tokens(source)
        .into_iter()
        .filter_map(|t| match t.tok {
            Tok::Ident(name) if crates.contains(&name.as_str()) => Some(Violation {
                file: path.to_owned(),
                line: t.line,
                message: format!("`{name}` in {path}: {who} none of {}", crates.join(", ")),
            }),
            _ => None,
        })
        .collect()
}

/// The dependencies a manifest declares, in any `[…dependencies]` table: (line, name with
/// `_` for `-`).
fn dependencies(manifest: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_dependencies = false;
    for (n, line) in manifest.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line.trim_matches(['[', ']']).ends_with("dependencies");
            continue;
        }
        let key = line.split(['=', ' ', '.']).next().unwrap_or("").trim();
        if in_dependencies && !key.is_empty() && !key.starts_with('#') {
            out.push((n + 1, key.replace('-', "_")));
        }
    }
    out
}

/// Rule 3 on `datakit/Cargo.toml`: a dependency named after one of the widget's crates.
fn check_datakit_manifest(path: &str, manifest: &str) -> Vec<Violation> {
    dependencies(manifest)
        .into_iter()
        .filter(|(_, key)| WIDGET_CRATES.contains(&key.as_str()))
        .map(|(line, key)| Violation {
            file: path.to_owned(),
            line,
            message: format!(
                "datakit depends on `{key}`: the data checker depends on none of the widget's crates"
            ),
        })
        .collect()
}

/// Rule 4 on `domain/Cargo.toml`: any dependency but `serde`.
fn check_domain_manifest(path: &str, manifest: &str) -> Vec<Violation> {
    dependencies(manifest)
        .into_iter()
        .filter(|(_, key)| key != "serde")
        .map(|(line, key)| Violation {
            file: path.to_owned(),
            line,
            message: format!(
                "escalation-domain depends on `{key}`: the shared values depend on nothing but an optional serde"
            ),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The source tree.

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, as (path relative to the repository with `/`, its text),
/// in a stable order.
fn rust_files(dir: &str) -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).expect("under the root");
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
                out.push((name, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &root().join(dir), &mut out);
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}

fn assert_none(what: &str, violations: Vec<Violation>) {
    let shown: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert!(
        shown.is_empty(),
        "{what}: {} violation(s) (the rules are in tests/tidy.rs):\n{}",
        shown.len(),
        shown.join("\n")
    );
}

#[test]
fn model_story_and_geom_name_no_ui_or_browser_crate_and_only_embed_reaches_the_browser() {
    let files = rust_files("src");
    for layer in [
        "src/model.rs",
        "src/story.rs",
        "src/geom.rs",
        "src/embed.rs",
    ] {
        assert!(
            files.iter().any(|(p, _)| p == layer),
            "{layer} moved: update tests/tidy.rs"
        );
    }
    let violations = files
        .iter()
        .flat_map(|(path, text)| check_src_file(path, text))
        .collect();
    assert_none("src/", violations);
}

/// A crate's violations: `check_file` on each file of `<dir>/src`, `check_manifest` on its
/// `Cargo.toml`.
fn crate_violations(
    dir: &str,
    check_file: fn(&str, &str) -> Vec<Violation>,
    check_manifest: fn(&str, &str) -> Vec<Violation>,
) -> Vec<Violation> {
    let mut violations: Vec<Violation> = rust_files(&format!("{dir}/src"))
        .iter()
        .flat_map(|(path, text)| check_file(path, text))
        .collect();
    let path = format!("{dir}/Cargo.toml");
    let manifest = std::fs::read_to_string(root().join(&path)).expect(&path);
    violations.extend(check_manifest(&path, &manifest));
    violations
}

#[test]
fn datakit_imports_none_of_the_widgets_crates() {
    let violations = crate_violations("datakit", check_datakit_file, check_datakit_manifest);
    assert_none("datakit/", violations);
}

#[test]
fn the_shared_values_import_no_widget_crate_and_depend_on_nothing_but_serde() {
    let violations = crate_violations("domain", check_domain_file, check_domain_manifest);
    assert_none("domain/", violations);
}

#[test]
fn the_handler_rule_sees_the_handlers_that_are_there() {
    // Were the tokens or the binding pattern wrong, the rule on handlers would pass anything:
    // it must at least find the keyboard handlers of the stage and of the step targets.
    let found: Vec<String> = rust_files("src")
        .iter()
        .filter(|(path, _)| !may_touch_the_browser(path))
        .flat_map(|(path, text)| {
            let tokens = tokens(text);
            event_bindings(&tokens)
                .into_iter()
                .map(|b| format!("{path}:{}: {}: {}", tokens[b.at].line, b.name, b.ty))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        found
            .iter()
            .filter(|b| b.ends_with("KeyboardEvent"))
            .count()
            >= 2,
        "handlers found: {found:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The checker itself, on small sources: it must fail where it should, and only there.

/// The lines flagged in `source` as if it were the file at `path`.
fn flagged(path: &str, source: &str) -> Vec<usize> {
    check_src_file(path, source)
        .iter()
        .map(|v| v.line)
        .collect()
}

#[test]
fn comments_strings_and_lookalikes_are_not_code() {
    let source = r##"//! No yew, no web_sys here.
/* gloo /* nested */ js_sys */
/// Draws like `yew::html!` would.
fn window(spans: &[u8], limit: u8) -> u8 { window(spans, limit) }
const A: &str = "yew::prelude web_sys";
const B: &str = r#"wasm_bindgen "quoted" gloo"#;
const C: char = '"';
fn life<'a>(x: &'a str) -> &'a str { x }
const D: &str = "escaped \" yew";
"##;
    assert_eq!(flagged("src/geom/scale.rs", source), Vec::<usize>::new());
    assert_eq!(flagged("src/components/x.rs", source), Vec::<usize>::new());
}

#[test]
fn a_pure_layer_naming_yew_or_the_browser_fails() {
    let source =
        "use crate::model::Date;\nuse yew::prelude::*;\nfn f() { let _ = web_sys::window(); }\n";
    assert_eq!(flagged("src/story.rs", source), [2, 3, 3]);
    assert_eq!(flagged("src/geom/units.rs", source), [2, 3, 3]);
    // Components may name yew, not web_sys.
    assert_eq!(flagged("src/components/x.rs", source), [3, 3]);
    // embed may do both.
    assert_eq!(flagged("src/embed/browser.rs", source), Vec::<usize>::new());
    assert_eq!(flagged("src/main.rs", source), Vec::<usize>::new());
}

#[test]
fn yews_ways_to_the_dom_fail_outside_embed() {
    let source = r#"use yew::prelude::*;
fn a(r: &Ref) { let node = NodeRef::default(); }
fn b(r: &NodeRef) { let el = r.cast::<HtmlElement>(); }
fn c() { let el = document().body(); }
fn d(x: Thing) { let y = x.dyn_into::<Element>(); }
fn e() { let w = yew::web_sys::Window::from(x); }
"#;
    assert_eq!(flagged("src/app.rs", source), [2, 3, 3, 4, 5, 6]);
}

#[test]
fn a_handler_may_read_its_event_and_nothing_more() {
    let reads = r#"
let on_keydown = Callback::from(move |event: KeyboardEvent| {
    if event.alt_key() || event.shift_key() { return; }
    if let Some(action) = action_for_key(&event.key()) {
        event.prevent_default();
        event.stop_propagation();
    }
});
let on_down = Callback::from(move |e: PointerEvent| touch.set((f64::from(e.client_x()), e.pointer_type())));
let on_click = Callback::from(move |_: MouseEvent| open.set(true));
fn lane(event: &Event) -> u32 { event.id }
"#;
    assert_eq!(flagged("src/app.rs", reads), Vec::<usize>::new());
    let reaches = r#"
let on_keydown = Callback::from(move |event: KeyboardEvent| {
    let key = event.key();
    keep(event);
});
let on_input = Callback::from(move |e: yew::events::InputEvent| e.view());
fn handle(e: MouseEvent, n: u32) { log(e.client_x()); e.target(); }
let on_change = Callback::from(|e: Event| e.type_());
let on_other = Callback::from(|e: Event| stash(e));
"#;
    // `keep(event)`; `e.view()`; `e.target()` (twice: a DOM method, and not a read); `stash(e)`.
    assert_eq!(flagged("src/components/x.rs", reaches), [4, 6, 7, 7, 9]);
}

#[test]
fn datakit_naming_the_widget_fails() {
    let source = "use serde::Deserialize;\nuse escalation::model::Date;\n// yew in a comment\n";
    let lines: Vec<usize> = check_datakit_file("datakit/src/x.rs", source)
        .iter()
        .map(|v| v.line)
        .collect();
    assert_eq!(lines, [2]);
    let manifest = "[package]\nname = \"datakit\"\n\n[dependencies]\nserde = \"1\"\nyew = \"0.23\"\n\n[dev-dependencies]\nweb-sys = \"0.3\"\n";
    let lines: Vec<usize> = check_datakit_manifest("datakit/Cargo.toml", manifest)
        .iter()
        .map(|v| v.line)
        .collect();
    assert_eq!(lines, [6, 9]);
}

#[test]
fn the_shared_values_naming_the_widget_or_datakit_fail() {
    let source = "use std::fmt;\nuse yew::prelude::*;\nfn f() -> datakit::Dataset { todo!() }\n// gloo in a comment\nconst A: &str = \"web_sys\";\n";
    let lines: Vec<usize> = check_domain_file("domain/src/x.rs", source)
        .iter()
        .map(|v| v.line)
        .collect();
    assert_eq!(lines, [2, 3]);
    let manifest = "[package]\nname = \"escalation-domain\"\n\n[dependencies]\n# the downloads' feature\nserde = { version = \"1\", optional = true }\nwasm-bindgen = \"0.2\"\n\n[features]\nserde = [\"dep:serde\"]\n\n[dev-dependencies]\nproptest = \"1\"\n";
    let lines: Vec<usize> = check_domain_manifest("domain/Cargo.toml", manifest)
        .iter()
        .map(|v| v.line)
        .collect();
    assert_eq!(lines, [7, 13]);
}
