//! `StepView`: one step of the story. Live, it is the slide on the stage — the headline, the
//! chart (title, drawing, legend, source line) and a short caption — made to fit one phone
//! screen and to be exactly as tall on every step; `flat`, it is one section of the whole
//! story for print and readers without script, with everything the step holds.
//!
//! How the slide keeps one height: it is three slots, and each slot lays out, in one grid cell
//! with the live content, an invisible stand-in of that slot for every step (hidden from
//! assistive technology too). Each slot is then as tall as its tallest step at the current
//! width, whatever the width, with no script; and the chart box starts at the same place on
//! every step, so a chart that regroups from step to step never jumps.
//!
//! ```text
//! ┌ top ────────┐  headline, chart title       live + 12 stand-ins, stacked
//! ├ box ────────┤  the drawing (one shape)     live + the neighbours' drawings, made ahead
//! │             │                              + the sources list's stand-in
//! ├ bottom ─────┤  legend, source, caption     live + 12 stand-ins, stacked
//! └─────────────┘
//! ```
//!
//! How a step change does little work: the drawings of the steps on either side of the one
//! the page last settled on (`ahead`, which the host moves once the browser is idle) wait in
//! the box, built, laid out and hidden. Stepping to one of them only swaps which box is
//! shown: no element is built and nothing is laid out again; the next neighbour is made in
//! the following idle time. Each drawing keeps its own ids, so a waiting one never repeats
//! the live one's.

use yew::prelude::*;

use crate::components::chart_frame::{chart_footer, chart_svg};
use crate::components::figure_card::figure_card;
use crate::components::map_chart::{flat_map_base, is_first_map};
use crate::components::quote_block::quote_block;
use crate::components::scope::use_id_prefix;
use crate::components::scope::{UNITS_BOX, chart_id, slide_id, stage_chart_id};
use crate::components::sources_panel::{Downloads, SourcesPanel, source_list};
use crate::components::step_chart::{card_figures, chart_drawing_in, chart_table, chart_words};
use crate::story::{Chart, STORY};

#[derive(Properties, PartialEq, Clone)]
pub struct StepViewProps {
    /// Index into `STORY.steps`.
    pub index: usize,
    /// One section of the whole story laid out flat (print, no script), not a slide.
    #[prop_or_default]
    pub flat: bool,
    /// The step whose neighbours' drawings are made ahead, hidden beside the live one (see the
    /// module comment); none before the page has been idle once.
    #[prop_or_default]
    pub ahead: Option<usize>,
}

#[component]
pub fn StepView(props: &StepViewProps) -> Html {
    let prefix = use_id_prefix();
    let Some(step) = STORY.steps.get(props.index) else {
        return Html::default();
    };
    let position = format!("{} of {}", props.index + 1, STORY.len());
    let words = chart_words(props.index);
    let chart_id = if props.flat {
        chart_id(&prefix)
    } else {
        stage_chart_id(&prefix, &chart_box_key(props.index))
    };
    let title_id = format!("{chart_id}-title");
    let is_sources = step.chart == Chart::Sources;
    let chart_title = words.as_ref().map(|w| {
        html! { <h3 class="chart-title" id={title_id.clone()}>{ w.title.clone() }</h3> }
    });
    let footer = words.as_ref().map(chart_footer).unwrap_or_default();
    if props.flat {
        // The flat story's map steps share its one copy of the base map.
        let chart_box = drawing_box(props.index, &chart_id, Some(&flat_map_base(&prefix)));
        return html! {
            <section class="flat-step" data-step={step.slug}>
                <p class="flat-position">{ format!("Step {position}") }</p>
                <h2 class="flat-headline">{ step.headline }</h2>
                <p class="step-caption">{ step.caption }</p>
                { for step.more.iter().map(|p| html! { <p class="step-more">{ *p }</p> }) }
                <div class="chart">
                    if !is_sources {
                        { chart_title.unwrap_or_default() }
                    }
                    <div class="chart-figure">{ chart_box }</div>
                    if !is_sources {
                        { footer }
                    }
                </div>
                { step_extras(props.index) }
                if let Some(table) = chart_table(props.index) {
                    <div class="chart-data">{ table }</div>
                }
            </section>
        };
    }
    html! {
        <div class="step" role="tabpanel" aria-roledescription="slide"
            aria-label={format!("{position}: {}", step.headline)}
            id={slide_id(&prefix)} tabindex="-1" data-step={step.slug}>
            <div class="slot slot-top">
                <div class="slot-live" key={props.index}>
                    <h2 class="step-headline">{ step.headline }</h2>
                    { chart_title.unwrap_or_default() }
                </div>
                <TopPhantoms />
            </div>
            <div class="slot slot-box">
                // One place per box, in story order and never keyed: a box is made in its own
                // place or dropped from it, and no other box moves (Yew moves keyed elements
                // to keep their order, and a moved element is styled and laid out anew).
                { for box_places(props.index, props.ahead).into_iter().map(|place| match place {
                    Some(item) => {
                        let (class, hidden) = if item.live {
                            ("slot-live chart-box", None)
                        } else {
                            ("chart-ahead", Some("true"))
                        };
                        html! {
                            <div class={class} aria-hidden={hidden} data-box={item.key.clone()}>
                                <StageDrawing index={item.index} chart_id={stage_chart_id(&prefix, &item.key)} />
                            </div>
                        }
                    }
                    None => Html::default(),
                }) }
                <BoxPhantom />
            </div>
            <div class="slot slot-bottom">
                <div class="slot-live" key={props.index}>
                    { footer }
                    if is_sources {
                        <Downloads />
                    }
                    <p class="step-caption">{ step.caption }</p>
                </div>
                <BottomPhantoms />
            </div>
        </div>
    }
}

/// What the slide's chart boxes are keyed by (and their ids built from), so that a step change
/// never patches one step's text into another's elements. Browser translation and some
/// extensions replace the page's text nodes with their own (`<font>` wrappers): Yew would go
/// on updating the detached originals, and the reader would see step 1 on every step. A box
/// for another step is another element, with new text nodes. The unit-chart steps share one
/// box, whose marks move from view to view; the text inside it is keyed by view (see
/// `UnitsMarks` and `chart_svg`).
pub fn chart_box_key(index: usize) -> String {
    match STORY.steps.get(index).map(|s| s.chart) {
        Some(Chart::UnitsByType | Chart::UnitsByAirspace | Chart::UnitsOutcome) => UNITS_BOX.into(),
        _ => format!("s{}", index + 1),
    }
}

/// One chart box in the stage's box slot: the step it draws and whether it is the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxItem {
    pub key: String,
    pub index: usize,
    pub live: bool,
}

/// The chart boxes the stage holds with step `live` shown and the neighbours of `ahead` made
/// ahead, in story order (so that a box, once made, is never moved: a moved element is styled
/// and laid out anew). Steps that share a box show it as the live step draws it, or else as
/// the one nearest the live step does.
pub fn box_items(live: usize, ahead: Option<usize>, steps: usize) -> Vec<BoxItem> {
    let last = steps.saturating_sub(1);
    let live = live.min(last);
    let mut wanted: Vec<usize> = ahead
        .map(|a| a.min(last))
        .map(|a| (a.saturating_sub(1)..=(a + 1).min(last)).collect())
        .unwrap_or_default();
    if !wanted.contains(&live) {
        // In order, without a sort (whose code the wasm would carry for this alone).
        let at = wanted
            .iter()
            .position(|&i| i > live)
            .unwrap_or(wanted.len());
        wanted.insert(at, live);
    }
    let mut items: Vec<BoxItem> = Vec::new();
    for index in wanted {
        let key = chart_box_key(index);
        let item = BoxItem {
            key,
            index,
            live: index == live,
        };
        match items.iter_mut().find(|i| i.key == item.key) {
            Some(held)
                if !held.live
                    && (item.live || index.abs_diff(live) < held.index.abs_diff(live)) =>
            {
                *held = item;
            }
            Some(_) => {}
            None => items.push(item),
        }
    }
    items
}

/// [`box_items`] in one place per box of the story (see [`chart_box_key`]), in story order:
/// `None` where that box is not held.
pub fn box_places(live: usize, ahead: Option<usize>) -> Vec<Option<BoxItem>> {
    let mut items = box_items(live, ahead, STORY.len());
    let mut keys: Vec<String> = (0..STORY.len()).map(chart_box_key).collect();
    keys.dedup();
    keys.into_iter()
        .map(|key| {
            items
                .iter()
                .position(|i| i.key == key)
                .map(|at| items.remove(at))
        })
        .collect()
}

#[derive(Properties, PartialEq, Clone)]
struct StageDrawingProps {
    index: usize,
    chart_id: AttrValue,
}

/// Step `index`'s drawing in a chart box on the stage. A component of its own, so that showing
/// or hiding its box does not render it again.
#[component]
fn StageDrawing(props: &StageDrawingProps) -> Html {
    drawing_box(props.index, &props.chart_id, None)
}

/// What a chart box holds for step `index`: its drawing as the chart `chart_id`, or the
/// sources. On the stage (`flat_map_base` none) a map brings its own base map and the
/// sources are their list; in the flat story a map points at the story's one base map
/// (which the first map step carries) and the sources are the whole panel. One function for
/// both, so the wasm holds one copy of it.
#[inline(never)]
fn drawing_box(index: usize, chart_id: &str, flat_map_base: Option<&str>) -> Html {
    let Some(step) = STORY.steps.get(index) else {
        return Html::default();
    };
    let flat = flat_map_base.is_some();
    let (map_base, inline) = match flat_map_base {
        Some(base) => (base.to_string(), is_first_map(index)),
        None => (format!("{chart_id}-map"), true),
    };
    match chart_drawing_in(index, flat, &map_base, inline) {
        Some(drawing) => {
            let title = chart_words(index).map(|w| w.title).unwrap_or_default();
            chart_svg(chart_id, &title, &AttrValue::from(step.alt), drawing, !flat)
        }
        None if step.chart == Chart::Sources && flat => html! { <SourcesPanel /> },
        None if step.chart == Chart::Sources => source_list(),
        None => Html::default(),
    }
}

/// The step's figures that its chart does not label, and its quotes: what the details (and
/// the flat story) add to the chart.
pub fn step_extras(index: usize) -> Html {
    let Some(step) = STORY.steps.get(index) else {
        return Html::default();
    };
    let cards = card_figures(index);
    html! {
        <>
            if !cards.is_empty() {
                <ul class="figures">
                    { for cards.iter().map(|id| figure_card(id)) }
                </ul>
            }
            { for step.quotes.iter().map(|id| quote_block(id)) }
        </>
    }
}

// The stand-ins: every step's words, laid out as the live slide lays them out, invisible (see
// the module comment). No props, so each renders once and never again.

/// Every step's headline and chart title.
#[component]
fn TopPhantoms() -> Html {
    html! {
        <>
            { for STORY.steps.iter().enumerate().map(|(i, step)| html! {
                <div class="slot-phantom" aria-hidden="true">
                    <p class="step-headline-twin">{ step.headline }</p>
                    if let Some(words) = chart_words(i) {
                        <p class="chart-title-twin">{ words.title }</p>
                    }
                </div>
            }) }
        </>
    }
}

/// The chart box as the sources step fills it, when the story has one.
#[component]
fn BoxPhantom() -> Html {
    let has_sources = STORY.steps.iter().any(|s| s.chart == Chart::Sources);
    html! {
        <div class="slot-phantom chart-box" aria-hidden="true">
            if has_sources {
                { source_list() }
            }
        </div>
    }
}

/// Every step's legend, source line and caption.
#[component]
fn BottomPhantoms() -> Html {
    html! {
        <>
            { for STORY.steps.iter().enumerate().map(|(i, step)| html! {
                <div class="slot-phantom" aria-hidden="true">
                    { chart_words(i).as_ref().map(chart_footer).unwrap_or_default() }
                    if step.chart == Chart::Sources {
                        <Downloads phantom={true} />
                    }
                    <p class="step-caption-twin">{ step.caption }</p>
                </div>
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(items: &[BoxItem]) -> Vec<(String, usize, bool)> {
        items
            .iter()
            .map(|i| (i.key.clone(), i.index, i.live))
            .collect()
    }

    fn units_steps() -> Vec<usize> {
        (0..STORY.len())
            .filter(|&i| chart_box_key(i) == UNITS_BOX)
            .collect()
    }

    #[test]
    fn before_the_page_is_idle_only_the_live_box_is_made() {
        assert_eq!(shown(&box_items(3, None, 12)), [("s4".into(), 3, true)]);
    }

    #[test]
    fn the_neighbours_wait_on_either_side_in_story_order() {
        let timeline = (0..STORY.len())
            .find(|&i| chart_box_key(i) != UNITS_BOX && i > 0)
            .unwrap();
        let items = box_items(timeline, Some(timeline), 12);
        let indices: Vec<usize> = items.iter().map(|i| i.index).collect();
        assert_eq!(indices, [timeline - 1, timeline, timeline + 1]);
        assert_eq!(items.iter().filter(|i| i.live).count(), 1);
        assert!(items[1].live);
    }

    #[test]
    fn a_step_to_a_neighbour_reuses_its_box() {
        let before = box_items(1, Some(1), 12);
        let after = box_items(2, Some(1), 12);
        let keys = |items: &[BoxItem]| items.iter().map(|i| i.key.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(&before),
            keys(&after),
            "no box made or dropped by the step itself"
        );
        assert_eq!(after.iter().find(|i| i.live).map(|i| i.index), Some(2));
    }

    #[test]
    fn the_ends_of_the_story_have_one_neighbour() {
        assert_eq!(box_items(0, Some(0), 12).len(), 2);
        assert_eq!(box_items(11, Some(11), 12).len(), 2);
        assert_eq!(
            box_items(40, Some(40), 12).last().map(|i| i.index),
            Some(11)
        );
    }

    #[test]
    fn a_jump_far_from_the_neighbours_still_shows_the_live_box() {
        let items = box_items(9, Some(1), 12);
        assert_eq!(
            items
                .iter()
                .filter(|i| i.live)
                .map(|i| i.index)
                .collect::<Vec<_>>(),
            [9]
        );
        let indices: Vec<usize> = items.iter().map(|i| i.index).collect();
        let mut sorted = indices.clone();
        sorted.sort_unstable();
        assert_eq!(indices, sorted, "story order");
    }

    #[test]
    fn unit_chart_steps_share_one_box_drawn_as_the_live_or_nearest_step() {
        let units = units_steps();
        assert!(
            units.len() >= 2,
            "the story has consecutive unit-chart steps"
        );
        let (first, second) = (units[0], units[1]);
        // Live on the second: one box, drawn as the second.
        let items = box_items(second, Some(second), STORY.len());
        let boxes: Vec<&BoxItem> = items.iter().filter(|i| i.key == UNITS_BOX).collect();
        assert_eq!(boxes.len(), 1);
        assert_eq!((boxes[0].index, boxes[0].live), (second, true));
        // On the step before the unit chart: its box waits drawn as the first view.
        let items = box_items(first - 1, Some(first - 1), STORY.len());
        let held = items.iter().find(|i| i.key == UNITS_BOX).unwrap();
        assert_eq!((held.index, held.live), (first, false));
        // Back from the step after: it waits drawn as the last view.
        let last = *units.last().unwrap();
        let items = box_items(last + 1, Some(last + 1), STORY.len());
        assert_eq!(
            items.iter().find(|i| i.key == UNITS_BOX).map(|i| i.index),
            Some(last)
        );
    }

    #[test]
    fn every_box_has_one_place_whatever_is_held() {
        let mut keys: Vec<String> = (0..STORY.len()).map(chart_box_key).collect();
        keys.dedup();
        for live in 0..STORY.len() {
            for ahead in [None, Some(live), Some(0), Some(STORY.len() - 1)] {
                let places = box_places(live, ahead);
                assert_eq!(places.len(), keys.len(), "one place per box");
                for (place, key) in places.iter().zip(&keys) {
                    if let Some(item) = place {
                        assert_eq!(&item.key, key, "each box in its own place");
                    }
                }
                let live_places: Vec<usize> = places
                    .iter()
                    .flatten()
                    .filter(|i| i.live)
                    .map(|i| i.index)
                    .collect();
                assert_eq!(live_places, [live]);
            }
        }
    }

    #[test]
    fn box_keys_are_unique_and_id_words() {
        let keys: Vec<String> = (0..STORY.len()).map(chart_box_key).collect();
        for key in &keys {
            assert!(key.starts_with(|c: char| c.is_ascii_alphabetic()), "{key}");
        }
        let shared = keys.iter().filter(|k| *k == UNITS_BOX).count();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len() - shared.saturating_sub(1));
    }
}
