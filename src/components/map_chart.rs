//! `map_chart`: the locator map. One base map (Natural Earth, projected and simplified at
//! build time) drawn once per document as `<symbol>`s — the land, each country a path, the
//! disputed lines dashed, the globe's land — and each map step `<use>`s it, highlighting what
//! the step names: its places (a mark, the name and the date of what happened there), its
//! countries (one neutral tint, whichever side they are on) and, for the barrage, a
//! schematic arrow. Labels are placed by `geom::map`, so none overlaps another.
//!
//! On the stage the chart carries its own symbols (`map_defs` inside its SVG); in the flat
//! story the first map step carries them ([`MapDefsContext`] names them) and every flat map
//! step points at them.

use yew::prelude::*;

use crate::components::chart_frame::{ChartWords, Drawing};
use crate::components::data_table::data_table;
use crate::components::source_line::attribution_text;
use crate::geom::map::{self, CountryIn, HEIGHT, MapLayout, PlaceIn};
use crate::geom::{WIDTH, fmt};
use crate::model::{BASEMAP, CountryLabel, Source, distinct_sources};
use crate::story::{MapView, STORY};

/// The credit every map carries on its source line, and how its borders are drawn (one
/// paragraph with the sources: a line shorter on a phone than a note of its own).
pub const CREDIT: &str =
    "Base map: Natural Earth. Boundaries: Natural Earth (de facto); dashed lines are disputed.";
/// The note under a map with an arrow.
pub const ARROW_NOTE: &str =
    "The arrow shows a direction, not a route: the sources name no launch sites.";

/// The id stem of the flat story's one copy of the base map, for its steps to `<use>`.
#[derive(Clone, PartialEq)]
pub struct MapDefsContext(pub AttrValue);

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
        credit: Some(CREDIT),
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
                    Some((from, _)) if std::ptr::eq(from, *c) => {
                        "Shaded; the arrow starts here (schematic)"
                    }
                    Some((_, to)) if std::ptr::eq(to, *c) => {
                        "Shaded; the arrow ends here (schematic)"
                    }
                    _ => "Shaded",
                };
                vec![AttrValue::from(c.label), AttrValue::from(role)]
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

fn country_in(label: &'static CountryLabel) -> CountryIn<'static> {
    CountryIn {
        text: label.label,
        at: map::point(label.at),
        label_at: label.label_at.map(map::point),
    }
}

/// The scale bar's words: "500 km".
fn scale_text() -> String {
    format!("{} km", BASEMAP.scale_km)
}

/// Where everything goes on step `index`'s map.
pub fn map_layout(index: usize) -> Option<MapLayout> {
    let view = view(index)?;
    let dates: Vec<String> = view
        .places
        .iter()
        .map(|p| p.event.date.short_label())
        .collect();
    let places: Vec<PlaceIn> = view
        .places
        .iter()
        .zip(&dates)
        .map(|(p, date)| PlaceIn {
            at: map::point(p.at),
            name: p.name,
            date,
        })
        .collect();
    let countries: Vec<CountryIn> = BASEMAP.labels.iter().map(country_in).collect();
    let arrow = view
        .arrow
        .map(|(from, to)| (map::point(from.at), map::point(to.at)));
    Some(map::layout(
        &places,
        &countries,
        arrow,
        f64::from(BASEMAP.globe_radius),
        f64::from(BASEMAP.scale_length) / 10.0,
        &scale_text(),
    ))
}

/// The base map's symbols, with ids starting `base`: the land (each country a path, for a
/// step to highlight), the disputed lines, the globe's land.
pub fn map_defs(base: &str) -> Html {
    let view_box = format!("0 0 {} {}", fmt(WIDTH), fmt(HEIGHT));
    html! {
        <>
            <symbol id={format!("{base}-land")} viewBox={view_box.clone()}>
                { for BASEMAP.countries.iter().map(|c| html! {
                    <path id={format!("{base}-{}", c.slug)} d={c.d} />
                }) }
            </symbol>
            <symbol id={format!("{base}-lines")} viewBox={view_box}>
                <path class="map-disputed" d={BASEMAP.disputed} />
            </symbol>
            <symbol id={format!("{base}-globe")} overflow="visible">
                <path d={BASEMAP.globe_land} />
            </symbol>
        </>
    }
}

/// Whether step `index` is the story's first map step: in the flat story, it carries the one
/// copy of the base map that every map step uses.
pub fn is_first_map(index: usize) -> bool {
    STORY.steps.iter().position(|s| s.map.is_some()) == Some(index)
}

/// Step `index`'s map, pointing at the symbols `base`; `inline` brings them along.
pub fn map_drawing(index: usize, base: &str, inline: bool) -> Option<Drawing> {
    let view = view(index)?;
    let layout = map_layout(index)?;
    let href = |part: &str| format!("#{base}-{part}");
    let size = (fmt(WIDTH), fmt(HEIGHT));
    let r = f64::from(BASEMAP.globe_radius);
    let highlighted = |label: &CountryLabel| view.countries.iter().any(|c| std::ptr::eq(*c, label));
    let scale_length = f64::from(BASEMAP.scale_length) / 10.0;
    let content = html! {
        <g class="map">
            if inline {
                <defs>{ map_defs(base) }</defs>
            }
            <rect class="map-sea" width={size.0.clone()} height={size.1.clone()} />
            <use class="map-land" href={href("land")} width={size.0.clone()} height={size.1.clone()} />
            { for view.countries.iter().map(|c| html! {
                <use class="map-highlight" href={href(c.country.slug)} />
            }) }
            <use class="map-lines" href={href("lines")} width={size.0.clone()} height={size.1.clone()} />
            { for BASEMAP.labels.iter().zip(&layout.countries).map(|(label, text)| html! {
                <g class={classes!("map-country", highlighted(label).then_some("is-highlighted"))}>
                    if let Some([a, b]) = text.leader {
                        <line class="map-leader" x1={fmt(a.0)} y1={fmt(a.1)} x2={fmt(b.0)} y2={fmt(b.1)} />
                    }
                    <text x={fmt(text.x)} y={fmt(text.baseline)} text-anchor="middle">{ label.label }</text>
                </g>
            }) }
            if let Some(arrow) = &layout.arrow {
                <g class="map-arrow">
                    <path class="map-arrow-line" d={format!("M{} {}Q{} {} {} {}", fmt(arrow.start.0), fmt(arrow.start.1), fmt(arrow.control.0), fmt(arrow.control.1), fmt(arrow.end.0), fmt(arrow.end.1))} />
                    <polygon class="map-arrow-head" points={arrow.head.iter().map(|(x, y)| format!("{},{}", fmt(*x), fmt(*y))).collect::<Vec<_>>().join(" ")} />
                    <text class="map-arrow-label" x={fmt(arrow.label.x)} y={fmt(arrow.label.baseline)} text-anchor="middle">{ map::ARROW_LABEL }</text>
                </g>
            }
            { for view.places.iter().zip(&layout.places).map(|(place, label)| html! {
                <g class="map-place" key={place.id}>
                    if let Some([a, b]) = label.leader {
                        <line class="map-leader" x1={fmt(a.0)} y1={fmt(a.1)} x2={fmt(b.0)} y2={fmt(b.1)} />
                    }
                    <circle class="map-mark" cx={fmt(map::point(place.at).0)} cy={fmt(map::point(place.at).1)} r={fmt(map::MARK)} />
                    <text class="map-label" x={fmt(label.x)} y={fmt(label.baseline)}>
                        <tspan class="map-name">{ place.name }</tspan>
                        <tspan class="map-date" x={fmt(label.x)} dy={fmt(map::LINE)}>{ place.event.date.short_label() }</tspan>
                    </text>
                </g>
            }) }
            <g class="map-globe" transform={format!("translate({} {})", fmt(layout.globe.0), fmt(layout.globe.1))}>
                <circle class="map-globe-sea" r={fmt(r)} />
                <use class="map-globe-land" href={href("globe")} />
                <path class="map-globe-frame" d={BASEMAP.globe_frame} />
            </g>
            <g class="map-scale">
                <path class="map-scale-bar" d={format!("M{} {}v-4h{}v4", fmt(layout.scale.0), fmt(layout.scale.1), fmt(scale_length))} />
                <text x={fmt(crate::geom::WIDTH - 6.0)} y={fmt(layout.scale.1 - 6.0)} text-anchor="end">{ scale_text() }</text>
            </g>
        </g>
    };
    Some(Drawing {
        height: HEIGHT,
        content,
    })
}
