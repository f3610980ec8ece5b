//! The palette in www/escalation.css meets WCAG AA in both themes: text at 4.5:1 against
//! the backgrounds it sits on, chart marks at 3:1 against the page; series a reader must tell
//! apart differ by a CIEDE2000 ΔE of at least 20 in both themes; and the two copies of the
//! dark theme (system setting, forced) are identical.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

const CSS: &str = include_str!("../www/escalation.css");

/// The custom properties declared in the first block that follows `selector`.
fn block(selector: &str) -> BTreeMap<String, String> {
    let start = CSS
        .find(selector)
        .unwrap_or_else(|| panic!("{selector} is in the stylesheet"));
    let mut open = CSS[start..].find('{').expect("a block") + start + 1;
    // Step into a rule nested in an @media block.
    if let (Some(inner), Some(end)) = (CSS[open..].find('{'), CSS[open..].find('}'))
        && inner < end
    {
        open += inner + 1;
    }
    let close = CSS[open..].find('}').expect("a closed block") + open;
    CSS[open..close]
        .split(';')
        .filter_map(|decl| decl.trim().strip_prefix("--esc-")?.split_once(':'))
        .filter(|(_, value)| value.trim().starts_with('#'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect()
}

/// Both themes, by name. The system dark block equals the forced one (tested below).
fn themes() -> [(&'static str, BTreeMap<String, String>); 2] {
    [
        ("light", block(".escalation {")),
        ("dark", block(".escalation[data-theme=\"dark\"] {")),
    ]
}

/// One channel of an sRGB `#rrggbb` colour, linearised. WCAG's threshold (0.03928) and the
/// sRGB standard's (0.04045) pick the same branch for every 8-bit value.
fn channel(hex: &str, i: usize) -> f64 {
    assert_eq!(hex.len(), 7, "{hex}: use #rrggbb");
    let v = f64::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).expect("a hex colour"))
        / 255.0;
    if v <= 0.03928 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(hex: &str) -> f64 {
    0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIELAB of an sRGB `#rrggbb` colour: linear sRGB → XYZ (IEC 61966-2-1 primaries, D65)
/// → L*a*b* relative to D65 white.
fn lab(hex: &str) -> [f64; 3] {
    const SRGB_TO_XYZ: [[f64; 3]; 3] = [
        [0.412_456_4, 0.357_576_1, 0.180_437_5],
        [0.212_672_9, 0.715_152_2, 0.072_175_0],
        [0.019_333_9, 0.119_192_0, 0.950_304_1],
    ];
    let rgb = [0, 1, 2].map(|i| channel(hex, i));
    let xyz = SRGB_TO_XYZ.map(|row| row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]);
    // D65 white is sRGB white: each row's sum.
    let white = SRGB_TO_XYZ.map(|row| row[0] + row[1] + row[2]);
    let delta: f64 = 6.0 / 29.0;
    let f = |t: f64| {
        if t > delta.powi(3) {
            t.cbrt()
        } else {
            t / (3.0 * delta * delta) + 4.0 / 29.0
        }
    };
    let [fx, fy, fz] = [0, 1, 2].map(|i| f(xyz[i] / white[i]));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The CIEDE2000 colour difference of two L*a*b* colours (kL = kC = kH = 1), following
/// Sharma, Wu & Dalal, "The CIEDE2000 color-difference formula: implementation notes,
/// supplementary test data, and mathematical observations", Color Res. Appl. 30 (2005).
fn delta_e_2000([l1, a1, b1]: [f64; 3], [l2, a2, b2]: [f64; 3]) -> f64 {
    let pow7 = |x: f64| x.powi(7);
    let twenty_five_7 = pow7(25.0);
    // a' stretches a* for near-neutral colours.
    let c_mean = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(c_mean) / (pow7(c_mean) + twenty_five_7)).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    // Hue angles in degrees, 0..360; 0 for a neutral colour.
    let hue = |a: f64, b: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(a1p, b1), hue(a2p, b2));
    let neutral = c1p * c2p == 0.0;

    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh = if neutral {
        0.0
    } else if h2p - h1p > 180.0 {
        h2p - h1p - 360.0
    } else if h2p - h1p < -180.0 {
        h2p - h1p + 360.0
    } else {
        h2p - h1p
    };
    let dh_big = 2.0 * (c1p * c2p).sqrt() * (dh / 2.0).to_radians().sin();

    let l_mean = (l1 + l2) / 2.0;
    let cp_mean = (c1p + c2p) / 2.0;
    let hp_mean = if neutral {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos = |degrees: f64| degrees.to_radians().cos();
    let t = 1.0 - 0.17 * cos(hp_mean - 30.0)
        + 0.24 * cos(2.0 * hp_mean)
        + 0.32 * cos(3.0 * hp_mean + 6.0)
        - 0.20 * cos(4.0 * hp_mean - 63.0);
    let d_theta = 30.0 * (-((hp_mean - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (pow7(cp_mean) / (pow7(cp_mean) + twenty_five_7)).sqrt();
    let s_l = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * cp_mean;
    let s_h = 1.0 + 0.015 * cp_mean * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;

    let (l, c, h) = (dl / s_l, dc / s_c, dh_big / s_h);
    (l * l + c * c + h * h + r_t * c * h).sqrt()
}

/// Table 1 of Sharma, Wu & Dalal (2005): two L*a*b* colours and their ΔE00, to 4 decimals.
#[rustfmt::skip]
const SHARMA_PAIRS: [([f64; 3], [f64; 3], f64); 34] = [
    ([50.0000, 2.6772, -79.7751], [50.0000, 0.0000, -82.7485], 2.0425),
    ([50.0000, 3.1571, -77.2803], [50.0000, 0.0000, -82.7485], 2.8615),
    ([50.0000, 2.8361, -74.0200], [50.0000, 0.0000, -82.7485], 3.4412),
    ([50.0000, -1.3802, -84.2814], [50.0000, 0.0000, -82.7485], 1.0000),
    ([50.0000, -1.1848, -84.8006], [50.0000, 0.0000, -82.7485], 1.0000),
    ([50.0000, -0.9009, -85.5211], [50.0000, 0.0000, -82.7485], 1.0000),
    ([50.0000, 0.0000, 0.0000], [50.0000, -1.0000, 2.0000], 2.3669),
    ([50.0000, -1.0000, 2.0000], [50.0000, 0.0000, 0.0000], 2.3669),
    ([50.0000, 2.4900, -0.0010], [50.0000, -2.4900, 0.0009], 7.1792),
    ([50.0000, 2.4900, -0.0010], [50.0000, -2.4900, 0.0010], 7.1792),
    ([50.0000, 2.4900, -0.0010], [50.0000, -2.4900, 0.0011], 7.2195),
    ([50.0000, 2.4900, -0.0010], [50.0000, -2.4900, 0.0012], 7.2195),
    ([50.0000, -0.0010, 2.4900], [50.0000, 0.0009, -2.4900], 4.8045),
    ([50.0000, -0.0010, 2.4900], [50.0000, 0.0010, -2.4900], 4.8045),
    ([50.0000, -0.0010, 2.4900], [50.0000, 0.0011, -2.4900], 4.7461),
    ([50.0000, 2.5000, 0.0000], [50.0000, 0.0000, -2.5000], 4.3065),
    ([50.0000, 2.5000, 0.0000], [73.0000, 25.0000, -18.0000], 27.1492),
    ([50.0000, 2.5000, 0.0000], [61.0000, -5.0000, 29.0000], 22.8977),
    ([50.0000, 2.5000, 0.0000], [56.0000, -27.0000, -3.0000], 31.9030),
    ([50.0000, 2.5000, 0.0000], [58.0000, 24.0000, 15.0000], 19.4535),
    ([50.0000, 2.5000, 0.0000], [50.0000, 3.1736, 0.5854], 1.0000),
    ([50.0000, 2.5000, 0.0000], [50.0000, 3.2972, 0.0000], 1.0000),
    ([50.0000, 2.5000, 0.0000], [50.0000, 1.8634, 0.5757], 1.0000),
    ([50.0000, 2.5000, 0.0000], [50.0000, 3.2592, 0.3350], 1.0000),
    ([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644),
    ([63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.2630),
    ([61.2901, 3.7196, -5.3901], [61.4292, 2.2480, -4.9620], 1.8731),
    ([35.0831, -44.1164, 3.7933], [35.0232, -40.0716, 1.5901], 1.8645),
    ([22.7233, 20.0904, -46.6940], [23.0331, 14.9730, -42.5619], 2.0373),
    ([36.4612, 47.8580, 18.3852], [36.2715, 50.5065, 21.2231], 1.4146),
    ([90.8027, -2.0831, 1.4410], [91.1528, -1.6435, 0.0447], 1.4441),
    ([90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381),
    ([6.7747, -0.2908, -2.4247], [5.8714, -0.0985, -2.2286], 0.6377),
    ([2.0776, 0.0795, -1.1350], [0.9033, -0.0636, -0.5514], 0.9082),
];

#[test]
fn delta_e_2000_matches_sharma_wu_dalal_test_data() {
    for (i, &(x, y, expected)) in SHARMA_PAIRS.iter().enumerate() {
        let got = delta_e_2000(x, y);
        assert!(
            (got - expected).abs() <= 5e-5,
            "pair {}: ΔE00 is {got:.6}, the paper gives {expected:.4}",
            i + 1
        );
        assert!(
            (delta_e_2000(y, x) - got).abs() < 1e-9,
            "pair {}: ΔE00 is symmetric",
            i + 1
        );
    }
}

#[test]
fn srgb_hex_converts_to_cielab_d65() {
    // Reference values for sRGB primaries under D65 (as in Lindbloom's calculator).
    for (hex, expected) in [
        ("#ffffff", [100.0, 0.0, 0.0]),
        ("#000000", [0.0, 0.0, 0.0]),
        ("#ff0000", [53.2408, 80.0925, 67.2032]),
        ("#00ff00", [87.7347, -86.1827, 83.1793]),
        ("#0000ff", [32.2970, 79.1875, -107.8602]),
    ] {
        let got = lab(hex);
        assert!(
            got.iter().zip(expected).all(|(g, e)| (g - e).abs() < 1e-3),
            "{hex}: L*a*b* {got:?}, expected {expected:?}"
        );
    }
}

fn check(theme: &str, vars: &BTreeMap<String, String>) -> Vec<String> {
    let v = |name: &str| {
        vars.get(name)
            .unwrap_or_else(|| panic!("{theme}: --esc-{name} is defined"))
            .as_str()
    };
    let mut failures = Vec::new();
    let mut need = |fg: &str, bg: &str, min: f64| {
        let ratio = contrast(v(fg), v(bg));
        if ratio < min {
            failures.push(format!(
                "{theme}: --esc-{fg} on --esc-{bg} is {ratio:.2}:1, needs {min}:1"
            ));
        }
    };
    for text in ["text", "muted", "accent", "uncertain"] {
        need(text, "bg", 4.5);
        need(text, "surface", 4.5);
    }
    need("bg", "text", 4.5); // the Next button
    for mark in [
        "drone",
        "cruise",
        "ballistic",
        "stopped",
        "entered",
        "estimate",
        "highlight",
        "accent",
        "focus",
    ] {
        need(mark, "bg", 3.0);
        need(mark, "surface", 3.0);
    }
    failures
}

#[test]
fn both_themes_meet_wcag_aa() {
    let failures: Vec<String> = themes()
        .iter()
        .flat_map(|(theme, vars)| check(theme, vars))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The least CIEDE2000 difference between two series a reader must tell apart.
const MIN_DELTA_E: f64 = 20.0;

/// Series a reader must tell apart, because they share a chart or because the same marks
/// move from one to the other between adjacent steps: what the pair is, where it meets,
/// and the two custom properties (without --esc-).
#[rustfmt::skip]
const APART: &[(&str, &str, &str, &str)] = &[
    ("Israeli estimate / ballistic missiles",      "step 6 estimates; step 6 → 7 unit chart", "estimate",  "ballistic"),
    ("Israeli estimate / cruise missiles",         "step 6 estimates; step 6 → 7 unit chart", "estimate",  "cruise"),
    ("Israeli estimate / drones",                  "step 6 estimates; step 6 → 7 unit chart", "estimate",  "drone"),
    ("ballistic missiles / cruise missiles",       "step 6 estimates; step 7 by type",        "ballistic", "cruise"),
    ("ballistic missiles / drones",                "step 6 estimates; step 7 by type",        "ballistic", "drone"),
    ("cruise missiles / drones",                   "step 6 estimates; step 7 by type",        "cruise",    "drone"),
    ("drones / stopped before Israel",             "step 7 by type → 8 by airspace",          "drone",     "stopped"),
    ("drones / entered Israeli airspace",          "step 7 by type → 8 by airspace",          "drone",     "entered"),
    ("cruise missiles / stopped before Israel",    "step 7 by type → 8 by airspace",          "cruise",    "stopped"),
    ("cruise missiles / entered airspace",         "step 7 by type → 8 by airspace",          "cruise",    "entered"),
    ("ballistic missiles / stopped before Israel", "step 7 by type → 8 by airspace",          "ballistic", "stopped"),
    ("ballistic missiles / entered airspace",      "step 7 by type → 8 by airspace",          "ballistic", "entered"),
    ("stopped (intercepted) / entered airspace",   "steps 8 by airspace and 9 outcome",       "stopped",   "entered"),
    ("timeline event / its axis and dates",        "every timeline step",                     "highlight", "muted"),
    ("highlighted event / entered airspace",       "step 5 timeline against steps 8–10",      "highlight", "entered"),
    ("map place or arrow / land",                  "the map steps 1, 4 and 10",               "highlight", "rule"),
    ("map dashed border / land",                   "the map steps 1, 4 and 10",               "text",      "rule"),
];

#[test]
fn series_that_share_a_chart_or_move_between_steps_differ_by_delta_e_of_20() {
    let mut failures = Vec::new();
    for (theme, vars) in themes() {
        let v = |name: &str| {
            vars.get(name)
                .unwrap_or_else(|| panic!("{theme}: --esc-{name} is defined"))
                .as_str()
        };
        for &(pair, place, one, other) in APART {
            let difference = delta_e_2000(lab(v(one)), lab(v(other)));
            if difference < MIN_DELTA_E {
                failures.push(format!(
                    "{theme}: {pair} ({place}): --esc-{one} {} and --esc-{other} {} differ by \
                     ΔE00 {difference:.2}, need {MIN_DELTA_E}",
                    v(one),
                    v(other)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_system_dark_theme_equals_the_forced_one() {
    let system = block("@media (prefers-color-scheme: dark)");
    let forced = block(".escalation[data-theme=\"dark\"] {");
    assert!(system.len() >= 14, "the dark block declares the palette");
    assert_eq!(system, forced);
}
