//! `StepChart`: picks the chart a step asks for. It sits at one place in the tree on every
//! step, so consecutive unit-chart steps reuse one `UnitsChart` and its marks animate.

use yew::prelude::*;

use crate::components::estimates_chart::EstimatesChart;
use crate::components::flow_chart::FlowChart;
use crate::components::sources_panel::SourcesPanel;
use crate::components::timeline_chart::TimelineChart;
use crate::components::units_chart::UnitsChart;
use crate::geom::units::View;
use crate::story::{Chart, STORY};

#[derive(Properties, PartialEq, Clone)]
pub struct StepChartProps {
    pub index: usize,
    #[prop_or_default]
    pub tables_open: bool,
    /// In the flat story: charts drawn still.
    #[prop_or_default]
    pub flat: bool,
}

#[component]
pub fn StepChart(props: &StepChartProps) -> Html {
    let Some(step) = STORY.steps.get(props.index) else {
        return Html::default();
    };
    let alt = AttrValue::from(step.alt);
    let open = props.tables_open;
    let still = props.flat;
    let units = |view| html! { <UnitsChart view={view} alt={alt.clone()} table_open={open} still={still} /> };
    match step.chart {
        Chart::None => Html::default(),
        Chart::Timeline => html! {
            <TimelineChart slug={step.slug} highlight={step.events} alt={alt.clone()} table_open={open} />
        },
        Chart::Estimates => html! { <EstimatesChart alt={alt.clone()} table_open={open} /> },
        Chart::UnitsByType => units(View::ByType),
        Chart::UnitsByAirspace => units(View::ByAirspace),
        Chart::UnitsOutcome => units(View::Outcome),
        Chart::Flow => html! { <FlowChart alt={alt.clone()} table_open={open} /> },
        Chart::Sources => html! { <SourcesPanel /> },
    }
}
