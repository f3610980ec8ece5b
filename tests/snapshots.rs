//! Snapshots of every step's chart: the `<svg class="chart-svg">` of the live step, rendered
//! natively (Yew `ssr`) and laid out one element per line, against
//! `tests/snapshots/snapshots__step_NN_<slug>.snap` (insta). A chart whose drawing changes fails
//! here until a person has looked at the change:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test --test snapshots   # rewrite the snapshots
//! git diff tests/snapshots                          # review them; commit what is right
//! ```
//!
//! (`cargo insta review` does the same where cargo-insta is installed.) `cargo xtask test` sets
//! `INSTA_UPDATE=no`, so the test tiers never write or accept a snapshot.
//!
//! Yew's hydration markers (`<!--<[escalation::components::…]>-->`) are left out: they name
//! Rust types, which move with refactors that draw nothing differently.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::live_part;
use escalation::render_to_html;
use escalation::story::STORY;

/// The live step's chart: the one `<svg>` whose class is `chart-svg`, up to its matching
/// `</svg>`; `None` for a step that draws none (the sources step lists the articles).
fn chart_svg(live: &str) -> Option<&str> {
    let mut charts = live.match_indices("<svg").filter_map(|(start, _)| {
        let tag_end = start + live[start..].find('>')?;
        live[start..tag_end]
            .contains("class=\"chart-svg\"")
            .then_some(start)
    });
    let start = charts.next()?;
    assert!(charts.next().is_none(), "one chart per step");
    // Match nested <svg>s, if any, to find this one's end.
    let rest = &live[start..];
    let (mut at, mut depth) = (0, 0usize);
    loop {
        let next_open = rest[at + 1..].find("<svg").map(|i| i + at + 1);
        let next_close = rest[at..]
            .find("</svg>")
            .map(|i| i + at)
            .expect("the chart closes");
        match next_open {
            Some(open) if open < next_close => {
                depth += 1;
                at = open;
            }
            _ => {
                if depth == 0 {
                    return Some(&rest[..next_close + "</svg>".len()]);
                }
                depth -= 1;
                at = next_close + 1;
            }
        }
    }
}

/// A piece of markup: a tag (opening, closing or self-closing) or the text between tags.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Open(&'a str),
    Close(&'a str),
    Empty(&'a str),
    Text(&'a str),
}

/// The SVG's tags and texts in order, comments left out, whitespace-only text dropped.
fn pieces(svg: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = svg;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").expect("a closed comment");
            rest = &comment[end + 3..];
        } else if rest.starts_with('<') {
            let end = rest.find('>').expect("a closed tag") + 1;
            let tag = &rest[..end];
            out.push(if tag.starts_with("</") {
                Piece::Close(tag)
            } else if tag.ends_with("/>") {
                Piece::Empty(tag)
            } else {
                Piece::Open(tag)
            });
            rest = &rest[end..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = rest[..end].trim();
            if !text.is_empty() {
                out.push(Piece::Text(text));
            }
            rest = &rest[end..];
        }
    }
    out
}

/// The SVG laid out for a diff: one element per line, indented by its depth. An element that
/// holds nothing, or only text, stays on one line with its closing tag.
fn pretty(svg: &str) -> String {
    let pieces = pieces(svg);
    let mut out = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut line = |depth: usize, text: &str| {
        out.push_str(&"  ".repeat(depth));
        out.push_str(text);
        out.push('\n');
    };
    while i < pieces.len() {
        match (&pieces[i], pieces.get(i + 1), pieces.get(i + 2)) {
            (Piece::Open(open), Some(Piece::Close(close)), _) => {
                line(depth, &format!("{open}{close}"));
                i += 2;
            }
            (Piece::Open(open), Some(Piece::Text(text)), Some(Piece::Close(close))) => {
                line(depth, &format!("{open}{text}{close}"));
                i += 3;
            }
            (Piece::Open(open), _, _) => {
                line(depth, open);
                depth += 1;
                i += 1;
            }
            (Piece::Close(close), _, _) => {
                depth = depth.checked_sub(1).expect("tags are balanced");
                line(depth, close);
                i += 1;
            }
            (Piece::Empty(tag) | Piece::Text(tag), _, _) => {
                line(depth, tag);
                i += 1;
            }
        }
    }
    assert_eq!(depth, 0, "tags are balanced");
    out
}

/// The snapshot of a step that draws no chart: a change that gives it one shows too.
const NO_CHART: &str = "(this step draws no chart-svg)\n";

/// The snapshot's name for step `index` (0-based): `step_07_barrage`.
fn snapshot_name(index: usize, slug: &str) -> String {
    format!("step_{:02}_{}", index + 1, slug.replace('-', "_"))
}

#[test]
fn every_steps_chart_matches_its_snapshot() {
    // Every step is compared, even after one differs, so that a change shows all the charts
    // it touches at once.
    let mut differ = Vec::new();
    for (i, step) in STORY.steps.iter().enumerate() {
        let name = snapshot_name(i, step.slug);
        let html = render_to_html(i);
        let svg = chart_svg(live_part(&html)).map_or_else(|| NO_CHART.to_owned(), pretty);
        let compared =
            std::panic::catch_unwind(|| insta::assert_snapshot!(name.as_str(), svg.as_str()));
        if compared.is_err() {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "the charts of {differ:?} differ from their snapshots in tests/snapshots/. If the change \
         is meant, rewrite them with `INSTA_UPDATE=always cargo test --test snapshots`, review \
         `git diff tests/snapshots` and commit them."
    );
}

#[test]
fn every_snapshot_belongs_to_a_step() {
    // A snapshot left behind by a renamed or removed step would never be compared again.
    let names: Vec<String> = STORY
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| format!("snapshots__{}.snap", snapshot_name(i, s.slug)))
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/snapshots/") {
        let file = entry.expect("a directory entry").file_name();
        let file = file.to_string_lossy();
        if file.starts_with("snapshots__")
            && file.ends_with(".snap")
            && !names.contains(&file.to_string())
        {
            stale.push(file.into_owned());
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots of no step: {stale:?}; delete them"
    );
}

#[test]
fn the_layout_puts_one_element_on_a_line() {
    let svg = "<svg class=\"chart-svg\"><title>T</title><g><!--<[x::Y]>--><rect x=\"1\"></rect>\
               <text x=\"2\"><tspan>a</tspan> b </text></g></svg>";
    assert_eq!(
        pretty(svg),
        "<svg class=\"chart-svg\">\n  <title>T</title>\n  <g>\n    <rect x=\"1\"></rect>\n    \
         <text x=\"2\">\n      <tspan>a</tspan>\n      b\n    </text>\n  </g>\n</svg>\n"
    );
    let live = "<div><svg class=\"icon\"></svg><svg viewBox=\"0 0 1 1\" class=\"chart-svg\">\
                <svg><g></g></svg><g></g></svg><p></p></div>";
    assert_eq!(
        chart_svg(live),
        Some("<svg viewBox=\"0 0 1 1\" class=\"chart-svg\"><svg><g></g></svg><g></g></svg>")
    );
    assert_eq!(chart_svg("<div><svg class=\"icon\"></svg></div>"), None);
}
