//! map_svg: the locator map written as SVG markup at build time, so the wasm carries the map as
//! text (which compresses well) and no geometry code. Two pieces, each with `{base}` where the
//! widget puts the id stem of the copy it points at:
//!
//! - [`defs`]: the base map's `<symbol>`s — the land (each country a path with an id, so a
//!   step can highlight it), the disputed lines, the globe's land. Drawn once per document.
//! - [`step`]: one map step's drawing — sea, land, its highlighted countries, the dashed
//!   lines, the country labels, the arrow, its places with their labels (placed by
//!   `map_layout`), the globe and the scale bar — all `<use>`-ing the symbols.

use escalation_domain::number::fmt;

use crate::check::{Dataset, MapSpec, Place};
use crate::map::{self, BaseMapFile, HEIGHT, WIDTH};
use crate::map_layout::{self, CountryIn, MapLayout, PlaceIn};

/// The token the widget replaces with the id stem of the base map it points at.
pub const BASE: &str = "{base}";

/// Text for markup.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A name as an id fragment: "Saudi Arabia" is `saudi-arabia`, "N. Cyprus" `n-cyprus`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn point((x, y): (i32, i32)) -> (f64, f64) {
    (f64::from(x) / 10.0, f64::from(y) / 10.0)
}

/// The scale bar: how many km, and how long that is at the frame's centre latitude.
pub fn scale_bar() -> (u16, f64) {
    let km = 500u16;
    (km, map::Lcc::frame().length(f64::from(km), map::CENTRE.1))
}

/// The base map's symbols.
pub fn defs(base: &BaseMapFile) -> String {
    let view_box = format!("0 0 {} {}", fmt(WIDTH), fmt(HEIGHT));
    let mut out = format!("<symbol id=\"{BASE}-land\" viewBox=\"{view_box}\">");
    for c in &base.countries {
        out.push_str(&format!(
            "<path id=\"{BASE}-{}\" d=\"{}\"></path>",
            slug(&c.name),
            map::path(&c.rings, true, 10)
        ));
    }
    let disputed: Vec<Vec<i32>> = base
        .borders
        .iter()
        .filter(|b| b.disputed)
        .map(|b| b.line.clone())
        .collect();
    out.push_str(&format!(
        "</symbol><symbol id=\"{BASE}-lines\" viewBox=\"{view_box}\"><path d=\"{}\"></path></symbol>",
        map::path(&disputed, false, 10)
    ));
    out.push_str(&format!(
        "<symbol id=\"{BASE}-globe\" overflow=\"visible\"><path d=\"{}\"></path></symbol>",
        map::path(&base.globe.land, true, 10)
    ));
    out
}

/// Where everything goes on a map step.
pub fn layout(data: &Dataset, spec: &MapSpec) -> MapLayout {
    let places: Vec<&Place> = spec.places.iter().map(|r| &data.places[r.index]).collect();
    let dates: Vec<String> = places
        .iter()
        .map(|p| data.events[p.event.index].date.short_label())
        .collect();
    let places_in: Vec<PlaceIn> = places
        .iter()
        .zip(&dates)
        .map(|(p, date)| PlaceIn {
            at: point(p.at),
            name: &p.name,
            date,
        })
        .collect();
    let countries: Vec<CountryIn> = data
        .countries
        .iter()
        .map(|c| CountryIn {
            text: &c.label,
            at: point(c.at),
            label_at: c.label_at.map(point),
        })
        .collect();
    let arrow = spec
        .arrow
        .map(|(from, to)| (point(data.countries[from].at), point(data.countries[to].at)));
    let globe = data.basemap.as_ref().map_or(0, |b| b.globe.radius);
    let (km, length) = scale_bar();
    map_layout::layout(
        &places_in,
        &countries,
        arrow,
        f64::from(globe),
        length,
        &format!("{km} km"),
    )
}

/// One map step's drawing.
pub fn step(data: &Dataset, spec: &MapSpec) -> String {
    let Some(base) = data.basemap.as_ref() else {
        return String::new();
    };
    let layout = layout(data, spec);
    let size = format!("width=\"{}\" height=\"{}\"", fmt(WIDTH), fmt(HEIGHT));
    let mut out = format!(
        "<rect class=\"map-sea\" {size}></rect><use class=\"map-land\" href=\"#{BASE}-land\" {size}></use>"
    );
    for &i in &spec.countries {
        out.push_str(&format!(
            "<use class=\"map-highlight\" href=\"#{BASE}-{}\"></use>",
            slug(&data.countries[i].name)
        ));
    }
    out.push_str(&format!(
        "<use class=\"map-lines\" href=\"#{BASE}-lines\" {size}></use>"
    ));
    let leader = |[a, b]: [(f64, f64); 2]| {
        format!(
            "<line class=\"map-leader\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"></line>",
            fmt(a.0),
            fmt(a.1),
            fmt(b.0),
            fmt(b.1)
        )
    };
    for (i, (label, text)) in data.countries.iter().zip(&layout.countries).enumerate() {
        let class = if spec.countries.contains(&i) {
            "map-country is-highlighted"
        } else {
            "map-country"
        };
        out.push_str(&format!("<g class=\"{class}\">"));
        if let Some(line) = text.leader {
            out.push_str(&leader(line));
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            fmt(text.x),
            fmt(text.baseline),
            escape(&label.label)
        ));
    }
    if let Some(arrow) = &layout.arrow {
        let head: Vec<String> = arrow
            .head
            .iter()
            .map(|(x, y)| format!("{},{}", fmt(*x), fmt(*y)))
            .collect();
        out.push_str(&format!(
            "<g class=\"map-arrow\"><path class=\"map-arrow-line\" d=\"M{} {}Q{} {} {} {}\"></path>\
             <polygon class=\"map-arrow-head\" points=\"{}\"></polygon>\
             <text class=\"map-arrow-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            fmt(arrow.start.0),
            fmt(arrow.start.1),
            fmt(arrow.control.0),
            fmt(arrow.control.1),
            fmt(arrow.end.0),
            fmt(arrow.end.1),
            head.join(" "),
            fmt(arrow.label.x),
            fmt(arrow.label.baseline),
            map_layout::ARROW_LABEL
        ));
    }
    for (r, label) in spec.places.iter().zip(&layout.places) {
        let place = &data.places[r.index];
        let (x, y) = point(place.at);
        out.push_str("<g class=\"map-place\">");
        if let Some(line) = label.leader {
            out.push_str(&leader(line));
        }
        out.push_str(&format!(
            "<circle class=\"map-mark\" cx=\"{}\" cy=\"{}\" r=\"{}\"></circle>\
             <text class=\"map-label\" x=\"{x0}\" y=\"{}\"><tspan class=\"map-name\">{}</tspan>\
             <tspan class=\"map-date\" x=\"{x0}\" dy=\"{}\">{}</tspan></text></g>",
            fmt(x),
            fmt(y),
            fmt(map_layout::MARK),
            fmt(label.baseline),
            escape(&place.name),
            fmt(map_layout::LINE),
            escape(&data.events[place.event.index].date.short_label()),
            x0 = fmt(label.x),
        ));
    }
    let (x, y) = map_layout::CREDIT_AT;
    out.push_str(&format!(
        "<text class=\"map-credit\" x=\"{x}\" y=\"{}\">{}<tspan x=\"{x}\" dy=\"{}\">{}</tspan></text>",
        fmt(y),
        map_layout::CREDIT[0],
        fmt(map_layout::LINE),
        map_layout::CREDIT[1],
        x = fmt(x),
    ));
    let (km, length) = scale_bar();
    out.push_str(&format!(
        "<g class=\"map-globe\" transform=\"translate({} {})\"><circle class=\"map-globe-sea\" r=\"{}\"></circle>\
         <use class=\"map-globe-land\" href=\"#{BASE}-globe\"></use><path class=\"map-globe-frame\" d=\"{}\"></path></g>\
         <g class=\"map-scale\"><path class=\"map-scale-bar\" d=\"M{} {}v-4h{}v4\"></path>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{km} km</text></g>",
        fmt(layout.globe.0),
        fmt(layout.globe.1),
        base.globe.radius,
        map::path(std::slice::from_ref(&base.globe.frame), true, 10),
        fmt(layout.scale.0),
        fmt(layout.scale.1),
        fmt(length),
        fmt(WIDTH - 6.0),
        fmt(layout.scale.1 - 6.0),
    ));
    out
}
