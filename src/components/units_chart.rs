//! `UnitsChart`: the barrage as one mark per drone or missile. The same marks (keyed by
//! index) regroup between the barrage, interception and outcome steps; a CSS transition on
//! `transform` animates the move (staggered by `lag-N` classes), and prefers-reduced-motion
//! turns it off.

use yew::prelude::*;

use crate::components::barrage::{
    self, BALLISTIC, CRUISE, DOWNED_BEFORE, DOWNED_INSIDE, DRONES, ENTERED, INTERCEPTED, REACHED,
    TOTAL,
};
use crate::components::chart_frame::ChartFrame;
use crate::components::data_table::figure_table;
use crate::components::source_line::source_line;
use crate::geom::units::{self, CAPTION, Group, Kind, View};
use crate::geom::{WIDTH, fmt};

#[derive(Properties, PartialEq, Clone)]
pub struct UnitsChartProps {
    pub view: View,
    pub alt: AttrValue,
    #[prop_or_default]
    pub table_open: bool,
    /// A still drawing, for the flat story (print, no script): the marks of each kind and
    /// state as one path, not one element each — the same picture in a tenth of the markup.
    #[prop_or_default]
    pub still: bool,
}

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Drone => "drone",
        Kind::Cruise => "cruise",
        Kind::Ballistic => "ballistic",
    }
}

/// Two caption lines for a block: the number as stated, and what it counts.
fn caption(group: Group) -> (String, &'static str) {
    match group {
        Group::Type(Kind::Drone) => (barrage::label(DRONES), "drones"),
        Group::Type(Kind::Cruise) => (barrage::label(CRUISE), "cruise missiles"),
        Group::Type(Kind::Ballistic) => (barrage::label(BALLISTIC), "ballistic missiles"),
        Group::Stopped => (
            capitalise(&barrage::label(DOWNED_BEFORE)),
            "stopped before Israel",
        ),
        Group::Entered => (barrage::label(ENTERED), "entered Israeli airspace"),
        Group::All => (capitalise(&barrage::label(INTERCEPTED)), "were intercepted"),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// The chart's data table: its caption and (row, figure id) pairs.
fn table(view: View) -> (&'static str, &'static [(&'static str, &'static str)]) {
    match view {
        View::ByType => (
            "Iran's barrage by weapon type",
            &[
                ("Drones", DRONES),
                ("Cruise missiles", CRUISE),
                ("Ballistic missiles", BALLISTIC),
                ("All drones and missiles", TOTAL),
            ],
        ),
        View::ByAirspace => (
            "Where the drones and missiles were stopped",
            &[
                ("Shot down before reaching Israel", DOWNED_BEFORE),
                ("Entered Israeli airspace", ENTERED),
                ("Of those in Israeli airspace, shot down", DOWNED_INSIDE),
            ],
        ),
        View::Outcome => (
            "The outcome of the barrage",
            &[
                ("Intercepted", INTERCEPTED),
                ("Reached their targets", REACHED),
                ("Entered Israeli airspace", ENTERED),
            ],
        ),
    }
}

fn legend(view: View) -> Html {
    let swatch = |class: &'static str, text: String| {
        html! { <li><span class={classes!("swatch", class)} aria-hidden="true"></span>{ text }</li> }
    };
    match view {
        View::ByType => html! {
            <ul class="legend">
                { swatch("drone", "Drone".into()) }
                { swatch("cruise", format!("Cruise missile ({} in the article; drawn as {})", barrage::label(CRUISE), barrage::nominal(CRUISE))) }
                { swatch("ballistic", "Ballistic missile".into()) }
            </ul>
        },
        View::ByAirspace => html! {
            <ul class="legend">
                { swatch("stopped", "Stopped before Israel".into()) }
                { swatch("entered", format!("Entered Israeli airspace ({})", barrage::label(ENTERED))) }
                <li class="legend-note">{ "The article does not say which weapons entered Israeli airspace, so marks here are not matched to types." }</li>
            </ul>
        },
        View::Outcome => html! {
            <ul class="legend">
                { swatch("intercepted", "Intercepted".into()) }
                { swatch("entered-outline", format!("Entered Israeli airspace ({}): {} shot down too", barrage::label(ENTERED), barrage::label(DOWNED_INSIDE))) }
                <li class="legend-note">{ format!("{} reached their targets; the article gives no number, so none is drawn apart.", capitalise(&barrage::label(REACHED))) }</li>
            </ul>
        },
    }
}

#[component]
pub fn UnitsChart(props: &UnitsChartProps) -> Html {
    let counts = barrage::counts();
    let layout = use_memo((counts, props.view), |(counts, view)| {
        units::layout(counts, *view)
    });
    let height = *use_memo(counts, units::stable_height);
    let view_class = match props.view {
        View::ByType => "by-type",
        View::ByAirspace => "by-airspace",
        View::Outcome => "outcome",
    };
    let (table_caption, rows) = table(props.view);
    let size = AttrValue::from(fmt(layout.size));
    let table = figure_table(table_caption, rows);
    html! {
        <ChartFrame id="units" title="Iran's barrage, one mark per drone or missile" description={props.alt.clone()}
            width={WIDTH} height={height} table={table} table_open={props.table_open}
            source={source_line(&barrage::source_titles(&[TOTAL, ENTERED]), "")}
            below={legend(props.view)}>
            <g class={classes!("units", view_class)}>
                <g class="block-captions">
                { for layout.blocks.iter().map(|block| {
                    let (count, what) = caption(block.group);
                    let x = fmt(block.x + block.width / 2.0);
                    html! {
                        <g class="block-caption" key={format!("{:?}", block.group)}>
                            <text class="caption-count" x={x.clone()} y={fmt(block.y + 12.0)} text-anchor="middle">{ count }</text>
                            <text class="caption-what" x={x} y={fmt(block.y + CAPTION - 6.0)} text-anchor="middle">{ what }</text>
                        </g>
                    }
                }) }
                </g>
                // The marks in a group of their own, always 331 in index order: Yew matches
                // them by position (no keys, no key map to build), and each view change only
                // rewrites their `transform`.
                <g class="marks">
                if props.still {
                    { for units::square_paths(&layout.marks, layout.size).into_iter().map(|(kind, entered, d)| html! {
                        <path class={classes!("mark", kind_class(kind), entered.then_some("entered"))} d={d} />
                    }) }
                } else {
                { for layout.marks.iter().map(|mark| {
                    // The SVG transform attribute, not a style attribute: it animates through the
                    // CSS transition all the same, and a strict CSP (no inline styles) allows it.
                    let transform = format!("translate({} {})", fmt(mark.x), fmt(mark.y));
                    let entered = if mark.entered { " entered" } else { "" };
                    let class = format!("mark {}{entered} lag-{}", kind_class(mark.kind), mark.index % 8);
                    html! {
                        <rect class={class} width={size.clone()} height={size.clone()} rx="1.5" transform={transform} />
                    }
                }) }
                }
                </g>
            </g>
        </ChartFrame>
    }
}
