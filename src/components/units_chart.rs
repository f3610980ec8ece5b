//! `units_chart`: the barrage as one mark per drone or missile. The same marks regroup
//! between the barrage, interception and outcome steps. In the live widget they are drawn on
//! a canvas over the chart's SVG (`units_canvas`), which moves them from view to view; the
//! SVG keeps the block captions. Where there is no canvas — the prerender and the first render
//! that takes it over, natively, without a painter — the marks are SVG elements, and a CSS
//! transition on `transform` (staggered by `lag-N` classes, off under prefers-reduced-motion)
//! moves them; the flat story draws them still, one path per group.

use yew::prelude::*;

use crate::components::barrage;
use crate::components::chart_frame::{
    ChartWords, Drawing, LegendEntry, STAGE_HEIGHT, stage_offset,
};
use crate::components::data_table::figure_table;
use crate::components::scope::{
    IdScope, UNITS_BOX, marks_canvas_id, stage_chart_id, use_id_prefix,
};
use crate::components::units_canvas::Viewport;
use crate::geom::motion::{CORNER, LAGS};
use crate::geom::units::{self, CAPTION, CAPTION_LINE, Group, Kind, View};
use crate::geom::{WIDTH, fmt};
use crate::model::Figure;
use crate::story::{CHARTS, ChartView, fill_note};

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Drone => "drone",
        Kind::Cruise => "cruise",
        Kind::Ballistic => "ballistic",
    }
}

/// A block's key: the group it captions.
fn group_key(group: Group) -> &'static str {
    match group {
        Group::Type(kind) => kind_class(kind),
        Group::Stopped => "stopped",
        Group::Entered => "entered",
        Group::All => "all",
    }
}

/// Two caption lines for a block: the number as stated, and what it counts.
fn caption(group: Group) -> (String, &'static str) {
    let units = &CHARTS.units;
    match group {
        Group::Type(Kind::Drone) => (units.drones.label(), "drones"),
        Group::Type(Kind::Cruise) => (units.cruise.label(), "cruise missiles"),
        Group::Type(Kind::Ballistic) => (units.ballistic.label(), "ballistic missiles"),
        Group::Stopped => (
            capitalise(&units.downed_before.label()),
            "stopped before Israel",
        ),
        Group::Entered => (units.entered.label(), "entered Israeli airspace"),
        Group::All => (capitalise(&units.intercepted.label()), "were intercepted"),
    }
}

/// A caption may run this wide over a narrow block before it wraps: the gap between blocks
/// leaves room.
const MIN_CAPTION_WIDTH: f64 = 100.0;

/// The text with its first letter capitalised. The labels are ASCII ("most", "a few"):
/// `char::to_uppercase` would bring Unicode's case tables into the wasm (about 6.6 kB gzip).
fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The view's content as story.toml gives it.
fn chart_view(view: View) -> &'static ChartView {
    let units = &CHARTS.units;
    match view {
        View::ByType => &units.by_type,
        View::ByAirspace => &units.by_airspace,
        View::Outcome => &units.outcome,
    }
}

/// The chart's words for `view`: its note from story.toml, which in the outcome view keys
/// the outlined marks.
pub fn units_words(view: View) -> ChartWords {
    let units = &CHARTS.units;
    let note = chart_view(view)
        .note
        .map(|note| fill_note(note, units.roles));
    let (legend, note) = match (view, note) {
        (View::Outcome, Some(text)) => (
            vec![LegendEntry {
                swatch: "entered-outline",
                text,
            }],
            None,
        ),
        (_, note) => (Vec::new(), note),
    };
    ChartWords {
        title: units.title.into(),
        legend,
        note,
        sources: barrage::sources_of(&[units.total, units.entered]),
    }
}

/// The chart's data table for `view`.
pub fn units_table(view: View) -> Html {
    figure_table(chart_view(view))
}

/// The figures the chart shows in `view` (so the step does not repeat them as cards).
pub fn units_labelled(view: View) -> Vec<&'static Figure> {
    chart_view(view).figures().collect()
}

/// The drawing for `view`: every mark, on the stage with a canvas over it that draws them
/// live, or, `still`, one path per group of marks.
pub fn units_drawing(view: View, still: bool) -> Drawing {
    Drawing {
        height: units::stable_height(&barrage::counts()),
        content: html! { <UnitsMarks view={view} still={still} /> },
        canvas: !still,
    }
}

/// A view's name in the markup: the class of the marks' group.
fn view_name(view: View) -> &'static str {
    match view {
        View::ByType => "by-type",
        View::ByAirspace => "by-airspace",
        View::Outcome => "outcome",
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct UnitsMarksProps {
    pub view: View,
    /// A still drawing, for the flat story (print, no script): the marks of each kind and
    /// state as one path, not one element each — the same picture in a tenth of the markup.
    #[prop_or_default]
    pub still: bool,
}

/// The marks and the block captions. Live, with the page's painter, the marks are drawn on
/// the canvas over the chart (see `units_canvas`) and this draws only the captions. A
/// component, so that consecutive unit-chart steps keep one instance and the same 331 marks
/// move from view to view.
#[component]
pub fn UnitsMarks(props: &UnitsMarksProps) -> Html {
    let counts = barrage::counts();
    let layout = use_memo((counts, props.view), |(counts, view)| {
        units::layout(counts, *view)
    });
    // The painter the scope holds, ready once the first render is done (see `IdScope`).
    let painter = use_context::<IdScope>()
        .and_then(|scope| scope.painter.get())
        .filter(|_| !props.still);
    let on_canvas = painter.is_some();
    {
        let canvas_id = marks_canvas_id(&stage_chart_id(&use_id_prefix(), UNITS_BOX));
        use_effect_with((layout.clone(), props.view), move |(layout, view)| {
            if let Some(painter) = painter {
                let viewport = Viewport {
                    width: WIDTH,
                    height: STAGE_HEIGHT,
                    offset: stage_offset(units::stable_height(&counts)),
                };
                painter.show(&canvas_id, viewport, layout.clone(), *view);
            }
        });
    }
    let view_class = view_name(props.view);
    let size = AttrValue::from(fmt(layout.size));
    let corner = AttrValue::from(fmt(CORNER));
    html! {
            <g class={classes!("units", view_class)}>
                <g class="block-captions">
                { for layout.blocks.iter().map(|block| {
                    let (count, what) = caption(block.group);
                    let x = fmt(block.x + block.width / 2.0);
                    // The counts on one line across the blocks, so they compare at a glance;
                    // what each counts under its count, on one or two lines.
                    let lines = units::caption_lines(what, block.width.max(MIN_CAPTION_WIDTH));
                    let first = block.y + CAPTION - 6.0 - CAPTION_LINE;
                    html! {
                        // Keyed by view too: a caption is rebuilt, never patched, when the view
                        // changes (see `step_view`'s keys).
                        <g class="block-caption" key={format!("{view_class}-{}", group_key(block.group))}>
                            <text class="caption-count" x={x.clone()} y={fmt(first - CAPTION_LINE)} text-anchor="middle">{ count }</text>
                            { for lines.iter().enumerate().map(|(i, line)| html! {
                                <text class="caption-what" x={x.clone()} y={fmt(first + i as f64 * CAPTION_LINE)} text-anchor="middle">{ *line }</text>
                            }) }
                        </g>
                    }
                }) }
                </g>
                // The marks in a group of their own, always 331 in index order: Yew matches
                // them by position (no keys, no key map to build), and each view change only
                // rewrites their `transform`.
                if !on_canvas {
                <g class="marks">
                if props.still {
                    { for units::square_paths(&layout.marks, layout.size).into_iter().map(|(kind, entered, d)| html! {
                        <path class={classes!("mark", kind_class(kind), entered.then_some("entered"))} d={d} />
                    }) }
                } else {
                { for layout.marks.iter().map(|mark| {
                    // The corners and the stagger the canvas draws with (`geom::motion`).
                    // The SVG transform attribute, not a style attribute: it animates through the
                    // CSS transition all the same, and a strict CSP (no inline styles) allows it.
                    let transform = format!("translate({} {})", fmt(mark.x), fmt(mark.y));
                    let entered = if mark.entered { " entered" } else { "" };
                    let class = format!("mark {}{entered} lag-{}", kind_class(mark.kind), mark.index % LAGS);
                    html! {
                        <rect class={class} width={size.clone()} height={size.clone()} rx={corner.clone()} transform={transform} />
                    }
                }) }
                }
                </g>
                }
            </g>
    }
}
