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

/// The chart for step `index`; `flat` draws it still, for the flat story.
pub fn step_chart(index: usize, tables_open: bool, flat: bool) -> Html {
    let Some(step) = STORY.steps.get(index) else {
        return Html::default();
    };
    let alt = AttrValue::from(step.alt);
    let units = |view| html! { <UnitsChart view={view} alt={alt.clone()} table_open={tables_open} still={flat} /> };
    match step.chart {
        Chart::None => Html::default(),
        Chart::Timeline => timeline_chart(step.slug, step.events, alt, tables_open),
        Chart::Estimates => estimates_chart(alt, tables_open),
        Chart::UnitsByType => units(View::ByType),
        Chart::UnitsByAirspace => units(View::ByAirspace),
        Chart::UnitsOutcome => units(View::Outcome),
        Chart::Flow => flow_chart(alt, tables_open),
        Chart::Sources => html! { <SourcesPanel /> },
    }
}
