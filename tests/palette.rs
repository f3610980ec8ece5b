//! The palette in www/escalation.css meets WCAG AA in both themes: text at 4.5:1 against
//! the backgrounds it sits on, chart marks at 3:1 against the page; and the two copies of the
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

fn channel(hex: &str, i: usize) -> f64 {
    let v = f64::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).expect("a hex colour"))
        / 255.0;
    if v <= 0.03928 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(hex: &str) -> f64 {
    assert_eq!(hex.len(), 7, "{hex}: use #rrggbb");
    0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn check(theme: &str, vars: &BTreeMap<String, String>) -> Vec<String> {
    let v = |name: &str| {
        vars.get(name)
            .unwrap_or_else(|| panic!("{theme}: --{name} is defined"))
            .as_str()
    };
    let mut failures = Vec::new();
    let mut need = |fg: &str, bg: &str, min: f64| {
        let ratio = contrast(v(fg), v(bg));
        if ratio < min {
            failures.push(format!(
                "{theme}: --{fg} on --{bg} is {ratio:.2}:1, needs {min}:1"
            ));
        }
    };
    for text in ["text", "muted", "accent", "uncertain"] {
        need(text, "bg", 4.5);
        need(text, "surface", 4.5);
    }
    need("bg", "entered", 4.5); // badge numbers
    need("bg", "text", 4.5); // the Next button
    for mark in [
        "drone",
        "cruise",
        "ballistic",
        "stopped",
        "entered",
        "accent",
        "focus",
    ] {
        need(mark, "bg", 3.0);
    }
    failures
}

#[test]
fn both_themes_meet_wcag_aa() {
    let light = block(".escalation {");
    let dark = block(".escalation[data-theme=\"dark\"] {");
    let mut failures = check("light", &light);
    failures.extend(check("dark", &dark));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_system_dark_theme_equals_the_forced_one() {
    let system = block("@media (prefers-color-scheme: dark)");
    let forced = block(".escalation[data-theme=\"dark\"] {");
    assert!(system.len() >= 12, "the dark block declares the palette");
    assert_eq!(system, forced);
}
