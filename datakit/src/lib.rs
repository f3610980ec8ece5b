//! datakit: the build-time edge of Escalation's data.
//!
//! It reads the human-edited files in `data/` (TOML), checks them once — syntax, dates,
//! ranges, ids, cross-references, totals — and turns them into three products:
//! Rust source for the widget (`emit_rust`, used by the crate's `build.rs`, so the shipped
//! wasm carries no text parser), and JSON and CSV downloads (`export`, used by `xtask dist`).
//!
//! The values the widget shares with the data — dates, qualifiers, amounts, kinds — are
//! `escalation_domain`'s: the checked tables hold them, and the Rust it writes builds them.
//!
//! Every problem is a [`DataError`] naming the file, the line and what is wrong; tests assert
//! its [`ErrorKind`], not its text. This crate knows nothing of yew, the DOM or the widget:
//! it writes Rust *text* that names the widget's `crate::model` and `crate::story` types and
//! the shared ones they re-export, and that is the whole contract.

pub mod check;
mod emit_rust;
pub mod export;
pub mod map;
pub mod map_layout;
pub mod map_svg;
mod raw;

use std::fmt;
use std::path::{Path, PathBuf};

pub use check::{Dataset, Figure};
pub use emit_rust::to_rust_source;
pub use escalation_domain::{Amount, Chart, Date, DateSpan, EventKind, Qualifier};

/// The files `data/` holds, in the order they are read. Each is optional for [`load_dir`]
/// (fixtures hold only the tables they break); [`REQUIRED_FILES`] lists what a real build needs.
pub const DATA_FILES: [&str; 7] = [
    "sources.toml",
    "events.toml",
    "figures.toml",
    "quotes.toml",
    "groups.toml",
    "places.toml",
    "story.toml",
];

/// The files the widget cannot be built without.
pub const REQUIRED_FILES: [&str; 7] = DATA_FILES;

/// The locator map's base, generated from Natural Earth by `cargo xtask basemap`: read beside
/// the TOML files when present (a real build needs it), to check that every place lies in its
/// country's land.
pub const BASEMAP_FILE: &str = "basemap.json";

/// What kind of problem a data file has. Tests match on this, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file is missing or unreadable.
    Io,
    /// Not valid TOML, an unknown key, a wrong type or a missing required key.
    Syntax,
    /// A `source` that names no entry of sources.toml.
    UnknownSource,
    /// A date that is not a real calendar date, is malformed, or an interval that runs backwards.
    ImpossibleDate,
    /// A range whose `min` exceeds its `max`.
    InvertedRange,
    /// Two entries (in any files) with the same id, or two steps with the same slug.
    DuplicateId,
    /// A reference (`event`, `of`, `parts`, story ids) to an id that does not exist or is of the wrong table.
    MissingReference,
    /// Parts whose values add up to more than their stated total, or a subset larger than its whole.
    PartsExceedTotal,
    /// A value that does not fit the qualifier (e.g. `range` without min/max, `nearly-all` with a value).
    InconsistentValue,
    /// A value outside its allowed set (a kind, a qualifier, a chart), or an empty required text.
    InvalidField,
}

/// One problem in one data file, located by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: PathBuf,
    /// 1-based line number; 0 when the problem has no position (a missing file).
    pub line: usize,
    pub kind: ErrorKind,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// All the problems found in one load, so an editor sees every mistake in one build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataErrors(pub Vec<DataError>);

impl DataErrors {
    pub fn kinds(&self) -> Vec<ErrorKind> {
        self.0.iter().map(|e| e.kind).collect()
    }
}

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

/// Reads and checks the data files present in `dir`. Absent files count as empty tables.
pub fn load_dir(dir: &Path) -> Result<Dataset, DataErrors> {
    let mut texts = Vec::new();
    for name in DATA_FILES {
        let path = dir.join(name);
        if path.exists() {
            match std::fs::read_to_string(&path) {
                Ok(text) => texts.push((path, text)),
                Err(e) => {
                    return Err(DataErrors(vec![DataError {
                        file: path,
                        line: 0,
                        kind: ErrorKind::Io,
                        message: format!("cannot read: {e}"),
                    }]));
                }
            }
        }
    }
    let mut dataset = check::check(texts)?;
    let basemap_path = dir.join(BASEMAP_FILE);
    if basemap_path.exists() {
        let fail = |kind: ErrorKind, message: String| {
            DataErrors(vec![DataError {
                file: basemap_path.clone(),
                line: 0,
                kind,
                message,
            }])
        };
        let text = std::fs::read_to_string(&basemap_path)
            .map_err(|e| fail(ErrorKind::Io, format!("cannot read: {e}")))?;
        let basemap: map::BaseMapFile = serde_json::from_str(&text).map_err(|e| {
            DataErrors(vec![DataError {
                file: basemap_path.clone(),
                line: e.line(),
                kind: ErrorKind::Syntax,
                message: format!("{e} (regenerate it with `cargo xtask basemap`)"),
            }])
        })?;
        let errors = check::check_on_basemap(&dataset, &basemap, &dir.join("places.toml"));
        if !errors.is_empty() {
            return Err(DataErrors(errors));
        }
        dataset.basemap = Some(basemap);
        // Each map step's drawing, now that the base map is known.
        // (The story is taken out while its steps are drawn: the drawing reads the rest.)
        if let Some(mut story) = dataset.story.take() {
            for spec in story.steps.iter_mut().filter_map(|s| s.map.as_mut()) {
                spec.svg = map_svg::step(&dataset, spec);
            }
            dataset.story = Some(story);
        }
    }
    Ok(dataset)
}

/// Reads and checks `dir`, requiring every file a real build needs.
pub fn load_required(dir: &Path) -> Result<Dataset, DataErrors> {
    let missing: Vec<DataError> = REQUIRED_FILES
        .iter()
        .chain(&[BASEMAP_FILE])
        .map(|name| dir.join(name))
        .filter(|path| !path.exists())
        .map(|file| DataError {
            file,
            line: 0,
            kind: ErrorKind::Io,
            message: "required data file is missing".into(),
        })
        .collect();
    if !missing.is_empty() {
        return Err(DataErrors(missing));
    }
    load_dir(dir)
}
