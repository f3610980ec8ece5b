//! The widget's entry point. In the browser it starts the app through `embed`; natively it
//! prints the page's server-side render, which `cargo xtask dist` puts into dist/index.html.

fn main() {
    #[cfg(target_arch = "wasm32")]
    escalation::embed::start();
    #[cfg(not(target_arch = "wasm32"))]
    println!("{}", escalation::render_page());
}
