//! The widget's entry point. In the browser it starts the app through `embed`; natively it
//! prints the first step's server-side render, which is handy for a quick look.

fn main() {
    #[cfg(target_arch = "wasm32")]
    escalation::embed::start();
    #[cfg(not(target_arch = "wasm32"))]
    println!("{}", escalation::render_to_html(0));
}
