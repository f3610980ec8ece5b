//! The locator map, natively: every place lies inside its country's land after projection; the
//! scale bar is the length it claims at the frame's centre; the projected places match a
//! golden table; no two labels (nor a label and a mark, the globe or the scale bar) overlap on
//! any map step, which holds at every width since the map scales as one picture; the disputed
//! lines are tagged; and the flat story holds the base map once, `<use>`d by each map step.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use datakit::map::{CENTRE, EARTH_KM, Lcc};
use escalation::model::{BASEMAP, PLACES};
use escalation::story::STORY;

fn data() -> datakit::Dataset {
    datakit::load_required(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("data/ is valid")
}

#[test]
fn every_place_lies_inside_its_countrys_land_after_projection() {
    let data = data();
    let basemap = data.basemap.as_ref().expect("data/basemap.json is read");
    let expected = [
        ("Parchin", "Iran"),
        ("Natanz", "Iran"),
        ("Tehran", "Iran"),
        ("Isfahan", "Iran"),
        ("Damascus", "Syria"),
    ];
    for (name, country) in expected {
        let place = data
            .places
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} is in places.toml"));
        assert_eq!(place.country, country);
        let at = (f64::from(place.at.0) / 10.0, f64::from(place.at.1) / 10.0);
        let shape = basemap
            .country(country)
            .expect("the country is on the base map");
        assert!(shape.contains(at), "{name} at {at:?} is outside {country}");
        for other in &basemap.countries {
            if other.name != country {
                assert!(!other.contains(at), "{name} is inside {} too", other.name);
            }
        }
    }
}

/// Great-circle distance in km.
fn distance((lon1, lat1): (f64, f64), (lon2, lat2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2)
        + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().asin()
}

#[test]
fn the_scale_bar_is_right_within_one_percent_at_the_frames_centre_latitude() {
    let lcc = Lcc::frame();
    // The bar as every map step draws it: "M<x> <y>v-4h<length>v4", labelled "<km> km".
    let svg = STORY
        .steps
        .iter()
        .find_map(|s| s.map.as_ref())
        .expect("a map")
        .svg;
    let bar = svg
        .split("class=\"map-scale-bar\" d=\"")
        .nth(1)
        .expect("a scale bar");
    let bar: f64 = bar
        .split('h')
        .nth(1)
        .and_then(|b| b.split('v').next())
        .and_then(|b| b.parse().ok())
        .expect("its length");
    let label = svg
        .split(" km</text>")
        .next()
        .and_then(|t| t.rsplit('>').next())
        .expect("its label");
    let km: f64 = label.parse().expect("a number of km");
    // Two points on the centre's parallel, `km` apart on the ground, measured on the map.
    let lat = CENTRE.1;
    let mut lon = CENTRE.0;
    while distance((CENTRE.0 - (lon - CENTRE.0), lat), (lon, lat)) < km {
        lon += 0.001;
    }
    let (a, b) = (
        lcc.project(CENTRE.0 - (lon - CENTRE.0), lat),
        lcc.project(lon, lat),
    );
    let measured = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    assert!(
        (bar / measured - 1.0).abs() < 0.01,
        "the bar is {bar} units; {km} km measure {measured}"
    );
}

#[test]
fn projected_places_match_the_golden_table() {
    // Tenths of a map unit: (x, y) from the top left of the 360 × 220 frame. Worked out apart
    // from datakit, by the textbook formulas for the spherical Lambert conformal conic (Snyder,
    // Map Projections: A Working Manual, eq. 15-1 to 15-4) in a few lines of Python.
    let golden: [(&str, (i16, i16)); 5] = [
        ("Parchin", (2326, 717)),
        ("Natanz", (2331, 938)),
        ("Tehran", (2290, 698)),
        ("Isfahan", (2332, 1067)),
        ("Damascus", (759, 926)),
    ];
    for (name, at) in golden {
        let place = PLACES.iter().find(|p| p.name == name).expect("a place");
        assert_eq!(place.at, at, "{name}");
    }
}

#[test]
fn no_two_labels_overlap_and_every_label_stays_inside_the_map() {
    // The map scales as one picture (its text sizes are SVG units), so what holds in its units
    // holds at 320 px and at 1280 px alike; the e2e tier measures the drawn text at both.
    let data = data();
    let mut maps = 0;
    for step in &data.story.as_ref().expect("the story").steps {
        let Some(spec) = &step.map else { continue };
        let layout = datakit::map_svg::layout(&data, spec);
        maps += 1;
        for (j, a) in layout.boxes.iter().enumerate() {
            for b in &layout.boxes[j + 1..] {
                assert!(!a.overlaps(b), "step {}: {a:?} overlaps {b:?}", step.slug);
            }
            for m in &layout.marks {
                assert!(
                    !a.overlaps(m),
                    "step {}: {a:?} covers the mark {m:?}",
                    step.slug
                );
            }
        }
        let labels = layout
            .places
            .iter()
            .map(|p| p.bbox)
            .chain(layout.countries.iter().map(|c| c.bbox))
            .chain(layout.arrow.iter().map(|a| a.label.bbox));
        for bbox in labels {
            assert!(
                bbox.x0 >= 0.0 && bbox.y0 >= 0.0 && bbox.x1 <= 360.0 && bbox.y1 <= 220.0,
                "step {}: {bbox:?} leaves the map",
                step.slug
            );
        }
        assert_eq!(layout.places.len(), spec.places.len());
    }
    assert_eq!(maps, 3, "the 2020 sites, Damascus and the barrage");
}

#[test]
fn the_disputed_lines_are_tagged_and_only_they() {
    let data = data();
    let basemap = data.basemap.expect("the base map");
    let tagged = |a: &str, b: &str| {
        let mut pair = [a.to_string(), b.to_string()];
        pair.sort();
        let lines: Vec<_> = basemap
            .borders
            .iter()
            .filter(|l| l.between == pair)
            .collect();
        assert!(!lines.is_empty(), "{a}–{b} is on the map");
        lines.iter().all(|l| l.disputed)
    };
    assert!(tagged("Israel", "Syria"), "the Golan line");
    assert!(
        tagged("Israel", "Palestine"),
        "the West Bank and Gaza lines"
    );
    assert!(!tagged("Israel", "Jordan"));
    assert!(!tagged("Israel", "Egypt"));
    assert!(!tagged("Iran", "Iraq"));
    assert!(BASEMAP.defs.contains("{base}-lines"));
}

#[test]
fn the_flat_story_holds_one_copy_of_the_base_map_used_by_every_map_step() {
    let page = escalation::render_page();
    let flat = &page[page.find("escalation-flat").expect("the flat copy")..];
    let map_steps = STORY.steps.iter().filter(|s| s.map.is_some()).count();
    assert_eq!(flat.matches("<symbol id=\"esc-print-map-land\"").count(), 1);
    assert_eq!(flat.matches("<symbol").count(), 3, "land, lines, globe");
    assert_eq!(
        flat.matches("href=\"#esc-print-map-land\"").count(),
        map_steps
    );
    // The land's paths are written once: Iran's outline appears once in the flat story.
    let iran = BASEMAP
        .defs
        .split("id=\"{base}-iran\" d=\"")
        .nth(1)
        .expect("Iran");
    let iran = &iran[..iran.find('"').expect("the path ends")];
    assert!(iran.len() > 100);
    assert_eq!(flat.matches(iran).count(), 1);
}
