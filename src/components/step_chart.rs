//! `step_chart`: picks the chart a step asks for. It sits at one place in the tree on every
//! step, so consecutive unit-chart steps reuse one `UnitsChart` and its marks animate.

use yew::prelude::*;

use crate::components::estimates_chart::estimates_chart;
use crate::components::flow_chart::flow_chart;
use crate::components::sources_panel::SourcesPanel;
use crate::components::timeline_chart::timeline_chart;
use crate::components::units_chart::UnitsChart;
use crate::geom::units::View;
use crate::story::{Chart, STORY};

/// The chart for step `index`; `flat` draws it still, for the flat story. A plain function,
/// not a component: it has no state, and a component type of its own would cost the wasm's
/// start-up a dozen more functions to compile.
pub fn step_chart(index: usize, tables_open: bool, flat: bool) -> Html {
    let Some(step) = STORY.steps.get(index) else {
        return Html::default();
    };
    let alt = AttrValue::from(step.alt);
    let open = tables_open;
    let still = flat;
    let units = |view| html! { <UnitsChart view={view} alt={alt.clone()} table_open={open} still={still} /> };
    match step.chart {
        Chart::None => Html::default(),
        Chart::Timeline => timeline_chart(step.slug, step.events, alt, open),
        Chart::Estimates => estimates_chart(alt, open),
        Chart::UnitsByType => units(View::ByType),
        Chart::UnitsByAirspace => units(View::ByAirspace),
        Chart::UnitsOutcome => units(View::Outcome),
        Chart::Flow => flow_chart(alt, open),
        Chart::Sources => html! { <SourcesPanel /> },
    }
}
