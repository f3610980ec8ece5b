//! `ChartFrame`: what every chart shares — a title, the SVG with its accessible name and
//! description, a source line naming the article, and a data table that screen readers can
//! always reach and sighted readers open with "Show data".

use yew::prelude::*;

use crate::components::scope::use_id_prefix;

#[derive(Properties, PartialEq, Clone)]
pub struct ChartFrameProps {
    /// Unique within the page; prefixes the ids the ARIA attributes point at.
    pub id: AttrValue,
    pub title: AttrValue,
    /// The step's alt text: what the chart shows, in words.
    pub description: AttrValue,
    /// SVG coordinate space: width and height.
    pub width: f64,
    pub height: f64,
    /// "Source: …" line.
    pub source: Html,
    /// The data table (from `data_table` or `figure_table`).
    pub table: Html,
    /// The SVG's content.
    pub children: Html,
    /// Open the data table from the start.
    #[prop_or_default]
    pub table_open: bool,
    /// Extra content under the chart (legends, numbered lists).
    #[prop_or_default]
    pub below: Html,
}

#[component]
pub fn ChartFrame(props: &ChartFrameProps) -> Html {
    let open = use_state_eq(|| props.table_open);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let prefix = use_id_prefix();
    let title_id = format!("{prefix}-{}-title", props.id);
    let desc_id = format!("{prefix}-{}-desc", props.id);
    let table_id = format!("{prefix}-{}-data", props.id);
    let view_box = format!(
        "0 0 {} {}",
        crate::geom::fmt(props.width),
        crate::geom::fmt(props.height)
    );
    html! {
        <figure class="chart" aria-labelledby={title_id.clone()}>
            <h3 class="chart-title" id={title_id.clone()}>{ props.title.clone() }</h3>
            <svg class="chart-svg" viewBox={view_box} role="img" preserveAspectRatio="xMidYMin meet"
                aria-labelledby={format!("{title_id}-svg {desc_id}")}>
                <title id={format!("{title_id}-svg")}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ props.description.clone() }</desc>
                { props.children.clone() }
            </svg>
            { props.below.clone() }
            <p class="chart-source">{ props.source.clone() }</p>
            <button type="button" class="show-data" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={table_id.clone()} onclick={on_toggle}>
                { if *open { "Hide data" } else { "Show data" } }
            </button>
            <div id={table_id} class={classes!("chart-data", (!*open).then_some("visually-hidden"))}>
                { props.table.clone() }
            </div>
        </figure>
    }
}
