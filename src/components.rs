//! components: the Yew views, one `#[component]` per file. They read props and return `Html`,
//! never call the DOM, and so render natively under Yew's `ssr` feature (tests, prerender).
//! May import `model`, `story` and `geom`; never `embed`.

pub mod figure_card;
pub mod quote_block;
pub mod step_view;
pub mod stepper;
