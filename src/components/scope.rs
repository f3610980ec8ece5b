//! scope: the id prefix of one rendering of the story, shared by context. Two widgets on a
//! page, or the printed copy of every step beside the live step, each get their own, so the
//! ids that ARIA attributes point at stay unique.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct IdScope(pub AttrValue);

/// The current id prefix ("esc" outside any scope).
#[hook]
pub fn use_id_prefix() -> AttrValue {
    use_context::<IdScope>().map_or_else(|| AttrValue::from("esc"), |s| s.0)
}
