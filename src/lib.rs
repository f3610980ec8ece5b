//! Escalation: a step-by-step explainer of the Israel–Iran confrontation, 2020–2024, built
//! with Yew for WebAssembly and embeddable in news pages.
//!
//! # Architecture: data flows one way
//!
//! ```text
//! data/*.toml → (build.rs + datakit) → model → story → geom → components → app → embed → main.rs
//! ```
//!
//! Invariants, each enforced by the compiler or a test:
//! - `model`, `story` and `geom` import no yew and no web-sys: pure values and functions,
//!   tested natively with `cargo test`. Enforced by `tests/tidy.rs` (rule 1: these files name
//!   none of `yew`, `web_sys`, `js_sys`, `wasm_bindgen`, `gloo`).
//! - `components` and `app` use Yew but never call the DOM; they render natively under the
//!   `ssr` feature, so every step is testable (and prerenderable) without a browser. Enforced
//!   by `tests/tidy.rs` (rule 2: outside `embed` and `main.rs`, no browser crate, none of
//!   Yew's ways to the DOM — `NodeRef`, `TargetCast`, `.dyn_into`, `window()`, `Closure`, … —
//!   and an event handler only reads the event it was given), and by `tests/ssr.rs` and
//!   `tests/snapshots.rs`, which render every step natively.
//! - Only `embed` touches the host page (window, URL, postMessage). web-sys, wasm-bindgen and
//!   gloo are wasm32-only dependencies, so the compiler refuses them in a native build of any
//!   layer; `tests/tidy.rs` (rule 2) refuses them outside `embed` in the wasm32 build too.
//! - `datakit` imports none of the widget's crates (`escalation`, yew, web-sys, js-sys,
//!   wasm-bindgen, gloo, talc), in its sources or its `Cargo.toml`: `tests/tidy.rs` (rule 3).
//! - The values both sides share — dates, qualifiers, amounts, event and chart kinds — are
//!   defined once, in `escalation-domain` (`domain/`); `model` and `story` re-export them.
//!   It names none of the widget's crates nor datakit, and depends on nothing but an optional
//!   serde (datakit's, for the downloads): `tests/tidy.rs` (rule 4).
//! - Data is checked once, at build time: a bad data file fails the build naming file and line
//!   (`build.rs` runs `datakit`; `tests/dataset.rs` holds a broken fixture for each kind of
//!   error and asserts its kind, file and line).

/// The wasm's allocator: talc, a few kB smaller than the default dlmalloc. The widget is
/// single-threaded, so its wasm-specific variant needs no real lock.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

pub mod app;
pub mod components;
pub mod embed;
pub mod geom;
pub mod model;
pub mod story;

/// The bundle's own page as the browser first renders it: the widget's root holding the
/// hydratable render of its first step, then the flat copy of every step as plain markup
/// beside it (print, readers without script, the static fallback), which the wasm leaves
/// alone. `cargo xtask dist` puts this into dist/index.html and the offline file in place of
/// the empty root.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_page() -> String {
    use components::full_story::FlatCopy;
    use embed::host::{Host, HostProps, Mode};
    let live = yew::ServerRenderer::<Host>::with_props(|| {
        yew::props!(HostProps {
            mode: Mode::Page,
            instance: components::scope::DEFAULT_PREFIX,
            flat_copy: false,
        })
    });
    let flat = yew::ServerRenderer::<FlatCopy>::new().hydratable(false);
    format!(
        "<main id=\"{}\" class=\"escalation-root\">{}</main>\n{}",
        embed::MOUNT_ID,
        futures::executor::block_on(live.render()),
        futures::executor::block_on(flat.render())
    )
}

/// Every drawn chart as a standalone SVG picture, with the path beside the page it goes to
/// (`images/step-07-barrage.svg`), then the share card as `images/share-card.svg`: what
/// `cargo xtask dist` styles and turns into PNGs (see `components::chart_image`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_images() -> Vec<(String, String)> {
    use components::chart_image::{ChartImage, ChartImageProps, ShareCard, chart_image_path};
    let mut images: Vec<(String, String)> = (0..story::STORY.len())
        .filter_map(|index| {
            let path = chart_image_path(index, "svg")?;
            let image =
                yew::ServerRenderer::<ChartImage>::with_props(move || ChartImageProps { index })
                    .hydratable(false);
            Some((path, futures::executor::block_on(image.render())))
        })
        .collect();
    let card = yew::ServerRenderer::<ShareCard>::new().hydratable(false);
    images.push((
        "images/share-card.svg".into(),
        futures::executor::block_on(card.render()),
    ));
    images
}

/// Renders the explainer at `start` to HTML, natively (tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_html(start: usize) -> String {
    render_with(start, false)
}

/// Renders the explainer at `start` with the step's details open, natively (tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_html_with_details(start: usize) -> String {
    render_with(start, true)
}

#[cfg(not(target_arch = "wasm32"))]
fn render_with(start: usize, tables_open: bool) -> String {
    let renderer = yew::ServerRenderer::<app::Explainer>::with_props(move || app::ExplainerProps {
        index: start,
        tables_open,
        ..Default::default()
    });
    futures::executor::block_on(renderer.render())
}
