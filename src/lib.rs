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
//!   tested natively with `cargo test`.
//! - `components` and `app` use Yew but never call the DOM; they render natively under the
//!   `ssr` feature, so every step is testable (and prerenderable) without a browser.
//! - Only `embed` touches the host page (window, URL, postMessage). web-sys, wasm-bindgen and
//!   gloo are wasm32-only dependencies, so no other layer can.
//! - Data is checked once, at build time: a bad data file fails the build naming file and line.

pub mod app;
pub mod components;
pub mod embed;
pub mod geom;
pub mod model;
pub mod story;

/// The bundle's own page as the browser first renders it, to hydratable HTML: the markup
/// `cargo xtask dist` puts into dist/index.html and the offline file.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_page() -> String {
    use embed::host::{Host, HostProps, Mode};
    let renderer = yew::ServerRenderer::<Host>::with_props(|| HostProps {
        mode: Mode::Page,
        instance: "esc".into(),
        remote: Default::default(),
        settings: None,
    });
    futures::executor::block_on(renderer.render())
}

/// Renders the explainer at `start` to HTML, natively (tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_to_html(start: usize) -> String {
    let renderer = yew::ServerRenderer::<app::Explainer>::with_props(move || app::ExplainerProps {
        start,
        ..Default::default()
    });
    futures::executor::block_on(renderer.render())
}
