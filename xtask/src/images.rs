//! images: the chart images and the share card in `dist/images/`. The widget's binary draws
//! them as SVG with the widget's classes (`escalation images DIR`, see
//! `src/components/chart_image.rs`); here each gets the stylesheet it needs — the rules of
//! `www/escalation.css` that match its classes and the rules of `www/chart-image.css`, in the
//! light theme, with the custom properties resolved, since an SVG file stands alone and
//! resvg knows no `var()` — and a PNG of it is drawn with resvg, its text in the DejaVu fonts
//! from npm (`dejavu-fonts-ttf`, installed into `.tools/`), never a system font.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A rule of a stylesheet: its selectors and its declarations, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub selectors: Vec<String>,
    pub declarations: String,
}

/// `css` without its comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The rules at the top level of `css`, in order; at-rules (`@media`, `@supports`, …) and
/// everything inside them are left out: the images are drawn in the default (light) theme.
pub fn top_level_rules(css: &str) -> Vec<Rule> {
    let css = without_comments(css);
    let mut rules = Vec::new();
    let mut rest = css.as_str();
    while let Some(open) = rest.find('{') {
        let prelude = rest[..open].trim();
        // The block's end, counting nested braces.
        let mut depth = 0;
        let mut close = None;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        if !prelude.starts_with('@') {
            rules.push(Rule {
                selectors: prelude.split(',').map(|s| s.trim().to_string()).collect(),
                declarations: rest[open + 1..close].trim().to_string(),
            });
        }
        rest = &rest[close + 1..];
    }
    rules
}

/// The custom properties the widget's root rule (`.escalation { --esc-…: … }`) declares: the
/// light theme.
pub fn light_variables(widget_css: &str) -> Vec<(String, String)> {
    top_level_rules(widget_css)
        .into_iter()
        .find(|rule| rule.selectors == [".escalation"])
        .map(|rule| {
            rule.declarations
                .split(';')
                .filter_map(|d| d.split_once(':'))
                .filter(|(name, _)| name.trim().starts_with("--"))
                .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// `value` with each `var(--name)` (or `var(--name, fallback)`) replaced by the variable's
/// value; an unknown one by its fallback, or left out.
pub fn resolve_variables(value: &str, variables: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("var(") {
        out.push_str(&rest[..start]);
        let inside = &rest[start + 4..];
        let Some(end) = inside.find(')') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let (name, fallback) = match inside[..end].split_once(',') {
            Some((name, fallback)) => (name.trim(), Some(fallback.trim())),
            None => (inside[..end].trim(), None),
        };
        match variables.iter().find(|(n, _)| n == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(fallback.unwrap_or("")),
        }
        rest = &inside[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Every class an SVG's elements carry.
pub fn svg_classes(svg: &str) -> BTreeSet<String> {
    svg.split("class=\"")
        .skip(1)
        .filter_map(|part| part.split_once('"'))
        .flat_map(|(classes, _)| classes.split_whitespace().map(str::to_string))
        .collect()
}

/// The classes a selector names.
fn selector_classes(selector: &str) -> Vec<&str> {
    selector
        .split('.')
        .skip(1)
        .map(|part| {
            part.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap_or("")
        })
        .collect()
}

/// The stylesheet for one picture: the widget's rules (`.escalation …`, the prefix dropped)
/// and the image rules whose selectors match classes the picture uses, with the light
/// theme's values in place of `var()`; transitions and selectors resvg cannot read
/// (pseudo-classes, attribute selectors) left out.
pub fn image_stylesheet(widget_css: &str, image_css: &str, svg: &str) -> String {
    let variables = light_variables(widget_css);
    let used = svg_classes(svg);
    let readable = |selector: &str| !selector.contains(':') && !selector.contains('[');
    let matches = |selector: &str| selector_classes(selector).iter().all(|c| used.contains(*c));
    let widget = top_level_rules(widget_css).into_iter().map(|rule| {
        let selectors = rule
            .selectors
            .iter()
            .filter_map(|s| s.strip_prefix(".escalation "))
            .map(str::to_string)
            .collect();
        Rule { selectors, ..rule }
    });
    let mut out = String::new();
    for rule in widget.chain(top_level_rules(image_css)) {
        let selectors: Vec<&str> = rule
            .selectors
            .iter()
            .map(String::as_str)
            .filter(|s| readable(s) && matches(s))
            .collect();
        if selectors.is_empty() {
            continue;
        }
        let declarations: Vec<String> = rule
            .declarations
            .split(';')
            .map(str::trim)
            .filter(|d| !d.is_empty() && !d.starts_with("transition"))
            .map(|d| resolve_variables(d, &variables))
            .collect();
        if declarations.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "{} {{ {}; }}\n",
            selectors.join(", "),
            declarations.join("; ")
        ));
    }
    out
}

/// `svg` with `css` as its first child.
pub fn with_stylesheet(svg: &str, css: &str) -> Result<String, String> {
    let open = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .ok_or("the picture is not an SVG element")?;
    Ok(format!(
        "{}<style><![CDATA[\n{css}]]></style>{}",
        &svg[..open],
        &svg[open..]
    ))
}

/// The font files the pictures are drawn with, from the npm package in `.tools/`.
pub const FONT_FILES: [&str; 5] = [
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
];

/// The fonts to draw with: DejaVu Sans for every sans-serif family the stylesheet names
/// (system-ui, Segoe UI, Arial…: none is loaded, so the generic family decides), DejaVu
/// Serif for serif ones.
pub fn font_options(font_dir: &Path) -> Result<resvg::usvg::Options<'static>, String> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    for file in FONT_FILES {
        let path = font_dir.join(file);
        let data = std::fs::read(&path)
            .map_err(|e| format!("cannot read the font {}: {e}", path.display()))?;
        fonts.load_font_data(data);
    }
    fonts.set_sans_serif_family("DejaVu Sans");
    fonts.set_serif_family("DejaVu Serif");
    options.font_family = "DejaVu Sans".into();
    Ok(options)
}

/// The picture as a PNG, at the pixel size its `width` and `height` give.
pub fn render_png(svg: &str, options: &resvg::usvg::Options) -> Result<Vec<u8>, String> {
    let tree = resvg::usvg::Tree::from_str(svg, options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or("the picture has no area")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The pictures the binary drew (`path beside the page`, SVG), each written styled into
/// `dist` as `.svg` and `.png`. Returns the files written.
pub fn write_images(
    dist: &Path,
    root: &Path,
    font_dir: &Path,
    pictures: &[(String, String)],
) -> Result<Vec<PathBuf>, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let widget_css = read(&root.join("www/escalation.css"))?;
    let image_css = read(&root.join("www/chart-image.css"))?;
    let options = font_options(font_dir)?;
    let mut written = Vec::new();
    for (path, svg) in pictures {
        let styled = with_stylesheet(svg, &image_stylesheet(&widget_css, &image_css, svg))?;
        let svg_file = dist.join(path);
        if let Some(folder) = svg_file.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        let png = render_png(&styled, &options).map_err(|e| format!("{path}: {e}"))?;
        let png_file = svg_file.with_extension("png");
        std::fs::write(&svg_file, &styled)
            .and_then(|()| std::fs::write(&png_file, png))
            .map_err(|e| format!("cannot write {}: {e}", svg_file.display()))?;
        written.push(svg_file);
        written.push(png_file);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDGET: &str = "/* a comment { with braces } */
.escalation { --esc-bg: #fff; --esc-drone: #0072b2; --esc-font: system-ui, sans-serif; }
@media (prefers-color-scheme: dark) { .escalation:not([data-theme=\"light\"]) { --esc-bg: #000; } }
.escalation[data-theme=\"dark\"] { --esc-bg: #121417; }
.escalation .chart-svg text { fill: #222; font-family: var(--esc-font); }
.escalation .mark { transition: transform 700ms; stroke-width: 1.5px; }
.escalation .units.by-type .mark.drone { fill: var(--esc-drone); }
.escalation .bar.estimate { fill: var(--esc-estimate, #967108); }
.escalation :is(.step-caption, .step-caption-twin) { margin: 0; }
.escalation .progress-dot { color: red; }";

    #[test]
    fn rules_at_the_top_level_are_read_and_at_rules_skipped() {
        let rules = top_level_rules(WIDGET);
        assert_eq!(rules.len(), 8);
        assert_eq!(rules[0].selectors, [".escalation"]);
        assert!(rules.iter().all(|r| !r.declarations.contains("#000")));
        assert_eq!(
            light_variables(WIDGET),
            [
                ("--esc-bg".to_string(), "#fff".to_string()),
                ("--esc-drone".into(), "#0072b2".into()),
                ("--esc-font".into(), "system-ui, sans-serif".into()),
            ]
        );
    }

    #[test]
    fn variables_resolve_with_their_fallbacks() {
        let vars = light_variables(WIDGET);
        assert_eq!(
            resolve_variables("fill: var(--esc-drone)", &vars),
            "fill: #0072b2"
        );
        assert_eq!(
            resolve_variables("fill: var(--esc-none, #123)", &vars),
            "fill: #123"
        );
        assert_eq!(
            resolve_variables("border: 1px solid var(--esc-bg)", &vars),
            "border: 1px solid #fff"
        );
    }

    #[test]
    fn a_picture_gets_the_rules_its_classes_match_in_the_light_theme() {
        let svg = r#"<svg class="chart-svg chart-image"><g class="units by-type"><rect class="mark drone"/></g><text class="image-note">x</text></svg>"#;
        let image = ".chart-image .image-note { fill: var(--esc-bg); }\n.chart-image .unused { fill: red; }";
        let css = image_stylesheet(WIDGET, image, svg);
        assert!(
            css.contains(".chart-svg text { fill: #222; font-family: system-ui, sans-serif; }"),
            "{css}"
        );
        assert!(
            css.contains(".units.by-type .mark.drone { fill: #0072b2; }"),
            "{css}"
        );
        assert!(
            css.contains(".mark { stroke-width: 1.5px; }"),
            "transitions dropped: {css}"
        );
        assert!(
            css.contains(".chart-image .image-note { fill: #fff; }"),
            "{css}"
        );
        for absent in [
            "estimate",
            "progress-dot",
            "step-caption",
            "unused",
            "data-theme",
            "var(",
        ] {
            assert!(!css.contains(absent), "{absent} in {css}");
        }
        let styled = with_stylesheet(svg, &css).unwrap();
        assert!(styled.starts_with("<svg class=\"chart-svg chart-image\"><style><![CDATA["));
    }
}
