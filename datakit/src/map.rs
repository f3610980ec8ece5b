//! map: the locator map's geometry, made natively, never in the wasm.
//!
//! Two stages. `cargo xtask basemap` reads Natural Earth (npm `world-atlas@2.0.2`:
//! `countries-50m.json` for the region, `land-110m.json` for the small globe), decodes the
//! TopoJSON, projects it with the frame's conformal conic ([`Lcc`]), simplifies each shared
//! arc once (so neighbours keep one border), clips it to the frame and writes the small
//! derivative `data/basemap.json` ([`BaseMapFile`], coordinates in tenths of a map unit).
//! The build (`load_required`) then reads that file, projects every place of
//! `data/places.toml` with the same [`Lcc`] and checks that it lies inside its country's land:
//! the land and the marks can never disagree.
//!
//! ```text
//!  (0,0) ───────────── 360 map units (= WIDTH_KM) ───────────┐
//!    │  Lambert conformal conic, standard parallels 25.5° and 39° N,
//!    │  centred on 46.5° E 32.5° N: scale error under 1 % over the frame
//!    └───────────────────────────────────────── (360, HEIGHT)┘
//! ```

use std::f64::consts::FRAC_PI_4;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The map's width in units (the charts' coordinate space).
pub const WIDTH: f64 = 360.0;
/// The map's height in units: the stage's chart box.
pub const HEIGHT: f64 = 220.0;
/// The ground the frame's width stands for, at the centre.
pub const WIDTH_KM: f64 = 3250.0;
/// Where the frame is centred (longitude, latitude).
pub const CENTRE: (f64, f64) = (46.5, 32.5);
/// The conic's two standard parallels: where its scale is true.
pub const PARALLELS: (f64, f64) = (25.5, 39.0);
/// The sphere's radius, in km.
pub const EARTH_KM: f64 = 6371.0;
/// How far simplification may move a line, in map units (a unit is about a pixel on a phone).
pub const TOLERANCE: f64 = 0.8;
/// The small globe: its radius in map units and the point it faces (longitude, latitude).
pub const GLOBE_RADIUS: f64 = 19.0;
pub const GLOBE_CENTRE: (f64, f64) = (40.0, 28.0);
/// Borders drawn dashed: each pair of Natural Earth names shares a disputed line.
pub const DISPUTED: [(&str, &str); 3] = [
    ("Israel", "Syria"),
    ("Israel", "Palestine"),
    ("Cyprus", "N. Cyprus"),
];

/// A point in map units, y down.
pub type Point = (f64, f64);

/// Lambert's conformal conic on a sphere, scaled so the frame is [`WIDTH`] units wide and
/// [`HEIGHT`] tall with [`CENTRE`] in its middle.
#[derive(Debug, Clone, Copy)]
pub struct Lcc {
    n: f64,
    f: f64,
    rho0: f64,
    lon0: f64,
    /// Map units per km of the projected plane.
    units_per_km: f64,
}

fn rad(deg: f64) -> f64 {
    deg.to_radians()
}

impl Lcc {
    pub fn frame() -> Self {
        let (p1, p2) = (rad(PARALLELS.0), rad(PARALLELS.1));
        let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
        let n = (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln();
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = EARTH_KM * f / t(rad(CENTRE.1)).powf(n);
        Lcc {
            n,
            f,
            rho0,
            lon0: CENTRE.0,
            units_per_km: WIDTH / WIDTH_KM,
        }
    }

    fn rho(&self, lat: f64) -> f64 {
        EARTH_KM * self.f / (FRAC_PI_4 + rad(lat) / 2.0).tan().powf(self.n)
    }

    /// A longitude and latitude (degrees) in map units.
    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let rho = self.rho(lat);
        let theta = self.n * rad(lon - self.lon0);
        let x = rho * theta.sin();
        let y = self.rho0 - rho * theta.cos();
        (
            WIDTH / 2.0 + x * self.units_per_km,
            HEIGHT / 2.0 - y * self.units_per_km,
        )
    }

    /// A point in map units back to longitude and latitude.
    pub fn invert(&self, (px, py): Point) -> (f64, f64) {
        let x = (px - WIDTH / 2.0) / self.units_per_km;
        let y = (HEIGHT / 2.0 - py) / self.units_per_km;
        let dy = self.rho0 - y;
        let rho = self.n.signum() * (x * x + dy * dy).sqrt();
        let theta = x.atan2(dy);
        let lat = 2.0 * (EARTH_KM * self.f / rho).powf(1.0 / self.n).atan() - 2.0 * FRAC_PI_4;
        (self.lon0 + (theta / self.n).to_degrees(), lat.to_degrees())
    }

    /// The projection's scale factor at a latitude: 1 on the standard parallels.
    pub fn scale_factor(&self, lat: f64) -> f64 {
        self.n * self.rho(lat) / (EARTH_KM * rad(lat).cos())
    }

    /// How many map units `km` of ground measure at latitude `lat`.
    pub fn length(&self, km: f64, lat: f64) -> f64 {
        km * self.units_per_km * self.scale_factor(lat)
    }
}

/// Orthographic view of the globe facing [`GLOBE_CENTRE`], [`GLOBE_RADIUS`] units across its
/// radius, centred on (0, 0). A point on the far side lands on the rim.
pub fn globe(lon: f64, lat: f64) -> Point {
    let (l0, p0) = (rad(GLOBE_CENTRE.0), rad(GLOBE_CENTRE.1));
    let (l, p) = (rad(lon), rad(lat));
    let x = p.cos() * (l - l0).sin();
    let y = p0.cos() * p.sin() - p0.sin() * p.cos() * (l - l0).cos();
    let visible = p0.sin() * p.sin() + p0.cos() * p.cos() * (l - l0).cos();
    let (x, y) = if visible < 0.0 {
        let norm = (x * x + y * y).sqrt().max(1e-9);
        (x / norm, y / norm)
    } else {
        (x, y)
    };
    (x * GLOBE_RADIUS, -y * GLOBE_RADIUS)
}

// ---------------------------------------------------------------------------------------
// The derivative the build reads.

/// `data/basemap.json`: the region's countries, borders and the globe, projected, in tenths
/// of a map unit (flat `[x, y, x, y, …]` lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseMapFile {
    pub about: String,
    pub width: u32,
    pub height: u32,
    pub countries: Vec<CountryShape>,
    pub borders: Vec<Border>,
    pub globe: Globe,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryShape {
    /// Natural Earth's name.
    pub name: String,
    pub rings: Vec<Vec<i32>>,
}

/// A line two countries share, clipped to the frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Border {
    pub between: [String; 2],
    /// One of [`DISPUTED`]: drawn dashed.
    pub disputed: bool,
    pub line: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Globe {
    pub radius: u32,
    pub land: Vec<Vec<i32>>,
    /// The map's frame, outlined on the globe.
    pub frame: Vec<i32>,
}

impl BaseMapFile {
    pub fn country(&self, name: &str) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.name == name)
    }
}

impl CountryShape {
    /// Whether a point (map units) lies inside the country's land (even-odd over its rings).
    pub fn contains(&self, (x, y): Point) -> bool {
        let (x, y) = (x * 10.0, y * 10.0);
        let mut inside = false;
        for ring in &self.rings {
            let points: Vec<(f64, f64)> = ring
                .chunks_exact(2)
                .map(|p| (f64::from(p[0]), f64::from(p[1])))
                .collect();
            for i in 0..points.len() {
                let (a, b) = (points[i], points[(i + 1) % points.len()]);
                if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) * (b.0 - a.0) / (b.1 - a.1) {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// Tenths as an SVG path, in whole map units where `step` is 10, half units where 5: an
/// absolute start, then relative moves; `closed` rings end with `z`. Integers only, so no
/// float formatting ever runs (here or in the wasm).
pub fn path(rings: &[Vec<i32>], closed: bool, step: i32) -> String {
    let mut out = String::new();
    for ring in rings {
        let mut last: Option<(i32, i32)> = None;
        let mut first = true;
        for p in ring.chunks_exact(2) {
            let q = (
                (p[0] as f64 / step as f64).round() as i32,
                (p[1] as f64 / step as f64).round() as i32,
            );
            match last {
                None => out.push_str(&format!("M{} {}", q.0, q.1)),
                Some(l) if l == q => continue,
                Some(l) => {
                    let (dx, dy) = (q.0 - l.0, q.1 - l.1);
                    if first {
                        out.push('l');
                        first = false;
                    } else if dx >= 0 {
                        out.push(' ');
                    }
                    out.push_str(&format!("{dx}"));
                    if dy >= 0 {
                        out.push(' ');
                    }
                    out.push_str(&format!("{dy}"));
                }
            }
            last = Some(q);
        }
        if closed && last.is_some() {
            out.push('z');
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Building the derivative from Natural Earth (xtask).

/// What went wrong reading the TopoJSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopoError(pub String);

struct Topology {
    arcs: Vec<Vec<(f64, f64)>>,
}

fn topology(json: &Value) -> Result<Topology, TopoError> {
    let bad = |what: &str| TopoError(format!("not the TopoJSON expected: {what}"));
    let transform = json.get("transform").ok_or_else(|| bad("no transform"))?;
    let num = |v: &Value, i: usize, j: usize| {
        v.get(i)
            .and_then(|a| a.get(j))
            .and_then(Value::as_f64)
            .ok_or_else(|| bad("transform"))
    };
    let pair = |k: &str| -> Result<(f64, f64), TopoError> {
        let v = transform.get(k).ok_or_else(|| bad(k))?;
        let a = v.get(0).and_then(Value::as_f64).ok_or_else(|| bad(k))?;
        let b = v.get(1).and_then(Value::as_f64).ok_or_else(|| bad(k))?;
        Ok((a, b))
    };
    let (scale, translate) = (pair("scale")?, pair("translate")?);
    let raw = json
        .get("arcs")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("no arcs"))?;
    let mut arcs = Vec::with_capacity(raw.len());
    for arc in raw {
        let (mut x, mut y) = (0.0, 0.0);
        let points = arc.as_array().ok_or_else(|| bad("arc"))?;
        let mut out = Vec::with_capacity(points.len());
        for i in 0..points.len() {
            x += num(arc, i, 0)?;
            y += num(arc, i, 1)?;
            out.push((x * scale.0 + translate.0, y * scale.1 + translate.1));
        }
        arcs.push(out);
    }
    Ok(Topology { arcs })
}

/// A geometry's polygons, each a list of rings, each a list of arc indexes (negative:
/// reversed, as TopoJSON's `~i`).
fn polygons(geometry: &Value) -> Vec<Vec<Vec<i64>>> {
    let ring = |r: &Value| -> Vec<i64> {
        r.as_array()
            .map(|a| a.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default()
    };
    let polygon = |p: &Value| -> Vec<Vec<i64>> {
        p.as_array()
            .map(|a| a.iter().map(ring).collect())
            .unwrap_or_default()
    };
    let arcs = geometry.get("arcs");
    match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => arcs.map(polygon).into_iter().collect(),
        Some("MultiPolygon") => arcs
            .and_then(Value::as_array)
            .map(|a| a.iter().map(polygon).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn arc_index(i: i64) -> (usize, bool) {
    if i < 0 {
        ((-i - 1) as usize, true)
    } else {
        (i as usize, false)
    }
}

/// Douglas–Peucker: the points of `line` that keep it within `tolerance`; the ends stay.
pub fn simplify(line: &[Point], tolerance: f64) -> Vec<Point> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (line[a], line[b]);
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let len = (dx * dx + dy * dy).sqrt();
        let mut worst = (0.0, a);
        for (i, p) in line.iter().enumerate().take(b).skip(a + 1) {
            let d = if len == 0.0 {
                ((p.0 - pa.0).powi(2) + (p.1 - pa.1).powi(2)).sqrt()
            } else {
                ((p.0 - pa.0) * dy - (p.1 - pa.1) * dx).abs() / len
            };
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((a, worst.1));
            stack.push((worst.1, b));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// A ring clipped to the rectangle `[lo, hi]` on both axes (Sutherland–Hodgman).
fn clip_ring(ring: &[Point], lo: Point, hi: Point) -> Vec<Point> {
    let mut out = ring.to_vec();
    // Each edge: is a point inside it, and where a segment crosses it.
    let edges: [(usize, f64, bool); 4] = [
        (0, lo.0, true),
        (0, hi.0, false),
        (1, lo.1, true),
        (1, hi.1, false),
    ];
    for (axis, at, low) in edges {
        let coord = |p: &Point| if axis == 0 { p.0 } else { p.1 };
        let inside = |p: &Point| if low { coord(p) >= at } else { coord(p) <= at };
        let cross = |a: &Point, b: &Point| {
            let t = (at - coord(a)) / (coord(b) - coord(a));
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        };
        let input = std::mem::take(&mut out);
        for i in 0..input.len() {
            let (cur, prev) = (&input[i], &input[(i + input.len() - 1) % input.len()]);
            match (inside(prev), inside(cur)) {
                (true, true) => out.push(*cur),
                (true, false) => out.push(cross(prev, cur)),
                (false, true) => {
                    out.push(cross(prev, cur));
                    out.push(*cur);
                }
                (false, false) => {}
            }
        }
    }
    out
}

/// The parts of a line inside the rectangle (a point outside cuts it).
fn clip_line(line: &[Point], lo: Point, hi: Point) -> Vec<Vec<Point>> {
    let inside = |p: &Point| p.0 >= lo.0 && p.0 <= hi.0 && p.1 >= lo.1 && p.1 <= hi.1;
    let mut parts = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for p in line {
        if inside(p) {
            current.push(*p);
        } else if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts.into_iter().filter(|p| p.len() > 1).collect()
}

fn area(ring: &[Point]) -> f64 {
    let mut sum = 0.0;
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        sum += a.0 * b.1 - b.0 * a.1;
    }
    sum.abs() / 2.0
}

fn tenths(points: &[Point]) -> Vec<i32> {
    points
        .iter()
        .flat_map(|p| [(p.0 * 10.0).round() as i32, (p.1 * 10.0).round() as i32])
        .collect()
}

/// Rings smaller than this (square map units) are left out: specks of islands.
const MIN_AREA: f64 = 1.0;

/// The derivative, from the text of `countries-50m.json` and `land-110m.json`.
pub fn build_basemap(countries_json: &str, land_json: &str) -> Result<BaseMapFile, TopoError> {
    let parse = |text: &str| {
        serde_json::from_str::<Value>(text).map_err(|e| TopoError(format!("not JSON: {e}")))
    };
    let (countries, land) = (parse(countries_json)?, parse(land_json)?);
    let lcc = Lcc::frame();
    let topo = topology(&countries)?;
    let geometries = countries
        .pointer("/objects/countries/geometries")
        .and_then(Value::as_array)
        .ok_or_else(|| TopoError("no objects.countries".into()))?;
    // A margin outside the frame, so clipped edges never show.
    let (lo, hi) = ((-2.0, -2.0), (WIDTH + 2.0, HEIGHT + 2.0));
    let near =
        |p: &Point| p.0 > -200.0 && p.0 < WIDTH + 200.0 && p.1 > -200.0 && p.1 < HEIGHT + 200.0;
    // Every arc projected and simplified once.
    let arcs: Vec<Vec<Point>> = topo
        .arcs
        .iter()
        .map(|arc| {
            let projected: Vec<Point> = arc
                .iter()
                .map(|&(lon, lat)| lcc.project(lon, lat))
                .collect();
            simplify(&projected, TOLERANCE)
        })
        .collect();
    let mut shapes = Vec::new();
    // Which countries use each arc.
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); arcs.len()];
    for g in geometries {
        let name = g
            .pointer("/properties/name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let polys = polygons(g);
        let in_region = polys.iter().flatten().flatten().any(|&i| {
            let (a, _) = arc_index(i);
            topo.arcs
                .get(a)
                .is_some_and(|arc| arc.iter().any(|&(lon, lat)| near(&lcc.project(lon, lat))))
        });
        if !in_region || name.is_empty() {
            continue;
        }
        let index = shapes.len();
        let mut rings = Vec::new();
        for ring in polys.iter().flatten() {
            let mut points: Vec<Point> = Vec::new();
            for &i in ring {
                let (a, reversed) = arc_index(i);
                let Some(arc) = arcs.get(a) else { continue };
                if !users[a].contains(&index) {
                    users[a].push(index);
                }
                let mut arc = arc.clone();
                if reversed {
                    arc.reverse();
                }
                if !points.is_empty() {
                    arc.remove(0);
                }
                points.extend(arc);
            }
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            let clipped = clip_ring(&points, lo, hi);
            if clipped.len() >= 3 && area(&clipped) >= MIN_AREA {
                rings.push(tenths(&clipped));
            }
        }
        shapes.push(CountryShape { name, rings });
    }
    let mut borders = Vec::new();
    for (a, who) in users.iter().enumerate() {
        let [one, two] = who[..] else { continue };
        let mut between = [shapes[one].name.clone(), shapes[two].name.clone()];
        between.sort();
        let disputed = DISPUTED.iter().any(|(p, q)| {
            let mut pair = [p.to_string(), q.to_string()];
            pair.sort();
            pair == between
        });
        for part in clip_line(&arcs[a], lo, hi) {
            borders.push(Border {
                between: between.clone(),
                disputed,
                line: tenths(&part),
            });
        }
    }
    let shapes: Vec<CountryShape> = shapes.into_iter().filter(|s| !s.rings.is_empty()).collect();
    borders.sort_by(|a, b| (&a.between, a.disputed).cmp(&(&b.between, b.disputed)));
    Ok(BaseMapFile {
        about: "Generated by `cargo xtask basemap` from npm world-atlas@2.0.2 (Natural Earth \
                4.1.0, public domain): countries-50m.json, land-110m.json. Do not edit."
            .into(),
        width: WIDTH as u32,
        height: HEIGHT as u32,
        countries: shapes,
        borders,
        globe: build_globe(&land, &lcc)?,
    })
}

fn build_globe(land: &Value, lcc: &Lcc) -> Result<Globe, TopoError> {
    let topo = topology(land)?;
    let geometries = land
        .pointer("/objects/land/geometries")
        .and_then(Value::as_array)
        .ok_or_else(|| TopoError("no objects.land".into()))?;
    let mut rings = Vec::new();
    for g in geometries {
        for ring in polygons(g).iter().flatten() {
            let mut points: Vec<Point> = Vec::new();
            for &i in ring {
                let (a, reversed) = arc_index(i);
                let Some(arc) = topo.arcs.get(a) else {
                    continue;
                };
                let mut arc: Vec<Point> = arc.iter().map(|&(lon, lat)| globe(lon, lat)).collect();
                if reversed {
                    arc.reverse();
                }
                points.extend(arc);
            }
            let simple = simplify(&points, 0.6);
            if simple.len() >= 3 && area(&simple) >= 1.5 {
                rings.push(tenths(&simple));
            }
        }
    }
    // The frame's edges, walked in small steps and carried to the globe.
    let mut frame = Vec::new();
    let corners = [(0.0, 0.0), (WIDTH, 0.0), (WIDTH, HEIGHT), (0.0, HEIGHT)];
    for i in 0..4 {
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        for s in 0..8 {
            let t = f64::from(s) / 8.0;
            let (lon, lat) = lcc.invert((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)));
            frame.push(globe(lon, lat));
        }
    }
    Ok(Globe {
        radius: GLOBE_RADIUS as u32,
        land: rings,
        frame: tenths(&frame),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Great-circle distance in km.
    fn distance((lon1, lat1): (f64, f64), (lon2, lat2): (f64, f64)) -> f64 {
        let (p1, p2) = (rad(lat1), rad(lat2));
        let h = ((p2 - p1) / 2.0).sin().powi(2)
            + p1.cos() * p2.cos() * (rad(lon2 - lon1) / 2.0).sin().powi(2);
        2.0 * EARTH_KM * h.sqrt().asin()
    }

    #[test]
    fn the_frame_is_centred_and_the_projection_inverts() {
        let lcc = Lcc::frame();
        let (x, y) = lcc.project(CENTRE.0, CENTRE.1);
        assert!((x - WIDTH / 2.0).abs() < 1e-9 && (y - HEIGHT / 2.0).abs() < 1e-9);
        for (lon, lat) in [(35.2, 31.8), (51.4, 35.7), (30.0, 24.0), (63.0, 41.0)] {
            let (l, p) = lcc.invert(lcc.project(lon, lat));
            assert!(
                (l - lon).abs() < 1e-9 && (p - lat).abs() < 1e-9,
                "{lon} {lat}"
            );
        }
    }

    #[test]
    fn the_scale_error_stays_under_one_percent_over_the_frame() {
        let lcc = Lcc::frame();
        let (_, top) = lcc.invert((WIDTH / 2.0, 0.0));
        let (_, bottom) = lcc.invert((0.0, HEIGHT));
        let (_, bottom_mid) = lcc.invert((WIDTH / 2.0, HEIGHT));
        let (_, top_corner) = lcc.invert((0.0, 0.0));
        let high = top.max(top_corner);
        let low = bottom.min(bottom_mid);
        let mut worst: f64 = 0.0;
        let mut lat = low;
        while lat <= high {
            worst = worst.max((lcc.scale_factor(lat) - 1.0).abs());
            lat += 0.1;
        }
        eprintln!("worst scale error over the frame: {worst}");
        assert!(worst < 0.01, "scale error {worst}");
        assert!((lcc.scale_factor(PARALLELS.0) - 1.0).abs() < 1e-9);
        assert!((lcc.scale_factor(PARALLELS.1) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_length_measured_on_the_map_matches_the_ground_at_the_centre() {
        let lcc = Lcc::frame();
        let lat = CENTRE.1;
        // 100 km due east along the centre's parallel: short enough that chord and arc agree.
        let mut lon = CENTRE.0;
        while distance(CENTRE, (lon, lat)) < 100.0 {
            lon += 0.0001;
        }
        let km = distance(CENTRE, (lon, lat));
        let (a, b) = (lcc.project(CENTRE.0, lat), lcc.project(lon, lat));
        let measured = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let expected = lcc.length(km, lat);
        assert!(
            (measured / expected - 1.0).abs() < 0.001,
            "{measured} vs {expected}"
        );
    }

    #[test]
    fn simplify_keeps_the_ends_and_drops_points_within_tolerance() {
        let line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)];
        assert_eq!(
            simplify(&line, 0.5),
            vec![(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
        );
        assert_eq!(simplify(&line[..2], 0.5), line[..2].to_vec());
    }

    #[test]
    fn a_ring_is_clipped_to_the_rectangle() {
        let ring = [(-5.0, 5.0), (5.0, 5.0), (5.0, 15.0), (-5.0, 15.0)];
        let clipped = clip_ring(&ring, (0.0, 0.0), (10.0, 10.0));
        assert!((area(&clipped) - 25.0).abs() < 1e-9, "{clipped:?}");
    }

    #[test]
    fn paths_are_written_in_whole_units_with_relative_moves() {
        let rings = vec![vec![100, 200, 150, 180, 90, 230]];
        assert_eq!(path(&rings, true, 10), "M10 20l5-2-6 5z");
        assert_eq!(path(&rings, false, 5), "M20 40l10-4-12 10");
    }

    #[test]
    fn a_point_is_inside_a_square_ring_and_not_outside_it() {
        let shape = CountryShape {
            name: "Square".into(),
            rings: vec![vec![0, 0, 100, 0, 100, 100, 0, 100]],
        };
        assert!(shape.contains((5.0, 5.0)));
        assert!(!shape.contains((15.0, 5.0)));
    }
}
