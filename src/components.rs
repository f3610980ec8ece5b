//! components: the Yew views, one per file. They read props and return `Html`, never call the
//! DOM, and so render natively under Yew's `ssr` feature (tests, prerender).
//! May import `model`, `story` and `geom`; never `embed`.
//!
//! A view that keeps state or uses a hook is a `#[component]`; a stateless one is a plain
//! function returning `Html`. Each component type brings about ten functions of its own that
//! Chrome compiles on the main thread the first time they run, which is during hydration.

pub mod barrage;
pub mod chart_frame;
pub mod chart_image;
pub mod data_table;
pub mod embed_panel;
pub mod estimates_chart;
pub mod figure_card;
pub mod full_story;
pub mod map_chart;
pub mod quote_block;
pub mod scope;
pub mod source_line;
pub mod sources_panel;
pub mod step_chart;
pub mod step_details;
pub mod step_view;
pub mod stepper;
pub mod timeline_chart;
pub mod units_canvas;
pub mod units_chart;
