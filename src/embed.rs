//! embed: the only code that touches the host page. Pure parts, tested natively: `config`
//! (options from the URL and from `mount()`, the page's settings), `messages` (what goes to and
//! comes from a host page), `pym` (pym.js's child protocol: its URL parameters and string
//! messages), `reveal` (when to scroll the stage into view), `flood` (how many
//! console lines of each kind a page gets), `instances` (the live widgets' DOM id prefixes,
//! unique on the page) and `host` (the `<Host>` component, which asks the page for everything
//! through its `Page` trait). The browser's parts, wasm32 only: `page` (the page's services,
//! the console among them), `canvas` (the unit chart's marks drawn and moved on a canvas) and
//! `entry` (`start`, `mount`, the handle, the panic hook).

pub mod config;
pub mod flood;
pub mod host;
pub mod instances;
pub mod messages;
pub mod pym;
pub mod reveal;

/// The id of the element the widget mounts into on its own page (`index.html`).
pub const MOUNT_ID: &str = "escalation";

#[cfg(target_arch = "wasm32")]
mod canvas;
#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
mod page;

#[cfg(target_arch = "wasm32")]
pub use entry::{EscalationHandle, mount, start};
