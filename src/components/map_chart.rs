//! `map_chart`: the locator map. One base map (Natural Earth, projected and simplified at
//! build time) drawn once per document as `<symbol>`s — the land, each country a path, the
//! disputed lines dashed, the globe's land — and each map step `<use>`s it, highlighting what
//! the step names: its places (a mark, the name and the date of what happened there), its
//! countries (one neutral tint, whichever side they are on) and, for the barrage, a
//! schematic arrow. Labels are placed by `geom::map`, so none overlaps another.
//!
//! On the stage the chart carries its own symbols (`map_defs` inside its SVG); in the flat
//! story the first map step carries them and every flat map step points at them
//! ([`flat_map_base`]).

use yew::prelude::*;

use crate::components::chart_frame::STAGE_HEIGHT as HEIGHT;
use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::data_table::data_table;
use crate::components::source_line::attribution_text;
use crate::model::{BASEMAP, Source, distinct_sources};
use crate::story::{MapView, STORY};

/// The note under a map with an arrow.
pub const ARROW_NOTE: &str =
    "The arrow shows a direction, not a route: the sources name no launch sites.";

/// The id stem of the flat story's one copy of the base map, from a flat step's id scope
/// (`<story>-print-<i>`, see `full_story`): `<story>-print-map`, the same for every step.
pub fn flat_map_base(step_prefix: &str) -> String {
    let story = step_prefix
        .rsplit_once('-')
        .map_or(step_prefix, |(story, _)| story);
    format!("{story}-map")
}

fn view(index: usize) -> Option<&'static MapView> {
    STORY.steps.get(index)?.map.as_ref()
}

/// The sources a map step draws on: its places' articles, and for countries it highlights
/// (the barrage) the articles of the step's figures.
fn sources(index: usize) -> Vec<&'static Source> {
    let Some(step) = STORY.steps.get(index) else {
        return Vec::new();
    };
    let Some(view) = &step.map else {
        return Vec::new();
    };
    let places = view.places.iter().map(|p| p.source);
    let figures = step
        .figures
        .iter()
        .filter(|_| !view.countries.is_empty() || view.arrow.is_some())
        .map(|f| f.source);
    distinct_sources(places.chain(figures))
}

/// The map's words: its title from story.toml, the notes on borders (and the arrow), the
/// articles and the base map's credit.
pub fn map_words(index: usize) -> Option<ChartWords> {
    let view = view(index)?;
    Some(ChartWords {
        title: view.title.into(),
        sources: sources(index),
        ..ChartWords::default()
    })
}

/// The places' table: what happened at each, when, where exactly, and who says so. A map
/// without places lists the countries it highlights.
pub fn map_table(index: usize) -> Option<Html> {
    let view = view(index)?;
    if view.places.is_empty() {
        let rows: Vec<Vec<AttrValue>> = view
            .countries
            .iter()
            .map(|c| {
                let role = match view.arrow {
                    Some((from, _)) if from == *c => "Shaded; the arrow starts here (schematic)",
                    Some((_, to)) if to == *c => "Shaded; the arrow ends here (schematic)",
                    _ => "Shaded",
                };
                vec![AttrValue::from(*c), AttrValue::from(role)]
            })
            .collect();
        return Some(html! {
            <>
                { data_table("Countries on the map", &["Country", "On the map"], &rows) }
                if view.arrow.is_some() {
                    <p class="chart-note">{ ARROW_NOTE }</p>
                }
            </>
        });
    }
    let rows: Vec<Vec<AttrValue>> = view
        .places
        .iter()
        .map(|p| {
            vec![
                AttrValue::from(p.name),
                AttrValue::from(p.what),
                AttrValue::from(p.event.date.label()),
                AttrValue::from(format!("{} ({})", p.coordinates, p.coordinates_from)),
                AttrValue::from(attribution_text(p.event.claimed_by, p.source)),
            ]
        })
        .collect();
    Some(data_table(
        "Places on the map",
        &["Place", "What happened", "Date", "Coordinates", "Source"],
        &rows,
    ))
}

/// Markup written at build time, with `{base}` made the id stem `base`.
fn markup(text: &str, base: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(text.replace("{base}", base)))
}

/// The base map's symbols, with ids starting `base`.
pub fn map_defs(base: &str) -> Html {
    markup(BASEMAP.defs, base)
}

/// Whether step `index` is the story's first map step: in the flat story, it carries the one
/// copy of the base map that every map step uses.
pub fn is_first_map(index: usize) -> bool {
    STORY.steps.iter().position(|s| s.map.is_some()) == Some(index)
}

/// Step `index`'s map, pointing at the symbols `base`; `inline` brings them along. The
/// drawing was laid out at build time (`datakit::map_svg`), so the wasm holds it as text.
pub fn map_drawing(index: usize, base: &str, inline: bool) -> Option<Drawing> {
    let view = view(index)?;
    Some(Drawing {
        height: HEIGHT,
        content: html! {
            <g class="map">
                if inline {
                    <defs>{ map_defs(base) }</defs>
                }
                { markup(view.svg, base) }
            </g>
        },
        canvas: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flat_step_points_at_its_storys_one_base_map() {
        assert_eq!(flat_map_base("esc-print-0"), "esc-print-map");
        assert_eq!(flat_map_base("esc-print-11"), "esc-print-map");
        assert_eq!(flat_map_base("story-2-print-3"), "story-2-print-map");
    }

    #[test]
    fn only_the_first_map_step_carries_the_base_map() {
        let maps: Vec<usize> = (0..STORY.len()).filter(|&i| view(i).is_some()).collect();
        assert_eq!(maps.len(), 3);
        assert!(is_first_map(maps[0]));
        assert!(!is_first_map(maps[1]) && !is_first_map(maps[2]));
    }
}
