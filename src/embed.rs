//! embed: the only code that touches the host page. It finds the mount point and starts the
//! app. Everything here that can be pure (option and URL parsing, as it grows) is kept in
//! plain functions; the browser glue is compiled for wasm32 only.

/// The id of the element the widget mounts into on its own page (`index.html`).
pub const MOUNT_ID: &str = "escalation";

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::MOUNT_ID;
    use crate::app::{Explainer, ExplainerProps};

    /// Mounts the explainer into `#escalation`, or into `<body>` when the page has none.
    pub fn start() {
        let document = gloo::utils::document();
        let props = ExplainerProps::default();
        match document.get_element_by_id(MOUNT_ID) {
            Some(root) => {
                yew::Renderer::<Explainer>::with_root_and_props(root, props).render();
            }
            None => {
                gloo::console::warn!(format!(
                    "escalation: no #{MOUNT_ID} element; mounting into <body>"
                ));
                yew::Renderer::<Explainer>::with_props(props).render();
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::start;
