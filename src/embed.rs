//! embed: the only code that touches the host page. `config` parses what the host and the
//! reader control (pure, tested natively); the browser glue — mounting, the URL hash, page
//! keys — is compiled for wasm32 only.

pub mod config;
pub mod host;
pub mod messages;
pub mod reveal;

/// The id of the element the widget mounts into on its own page (`index.html`).
pub const MOUNT_ID: &str = "escalation";

#[cfg(target_arch = "wasm32")]
mod browser;

#[cfg(target_arch = "wasm32")]
pub use browser::{EscalationHandle, mount, start};
