//! What the native render tests (`ssr.rs`, `snapshots.rs`) share. A folder with `mod.rs`, not
//! `tests/common.rs`, so that cargo does not take it for a test of its own.

/// The interactive part of a render (the current step), without the flat copy of every step
/// that follows it for print.
pub fn live_part(html: &str) -> &str {
    let start = html
        .find("class=\"live-story\"")
        .expect("the live story renders");
    let end = html
        .find("class=\"full-story\"")
        .expect("the full story renders");
    assert!(start < end);
    &html[start..end]
}
