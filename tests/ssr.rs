//! Server-side renders of the explainer (Yew `ssr`, natively): the first screen shows the
//! story's real title and first step, and every step renders its headline and figures.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::live_part;
use escalation::model::claimant;
use escalation::story::STORY;
use escalation::{render_to_html, render_to_html_with_details};

/// Yew escapes text for HTML; compare against the same escaping.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn first_screen_shows_title_and_first_step() {
    let whole = render_to_html(0);
    assert!(whole.contains(&escaped(STORY.title)), "title missing");
    let html = live_part(&whole);
    let first = &STORY.steps[0];
    assert!(
        html.contains("2020: a string of blasts inside Iran"),
        "first headline missing"
    );
    assert!(
        html.contains(&escaped(first.caption)),
        "first caption missing"
    );
    assert!(
        html.contains(&format!("1 of {}", STORY.len())),
        "progress missing"
    );
    assert!(
        html.contains("nearly a dozen"),
        "first step's figure missing"
    );
}

#[test]
fn every_step_renders_its_headline_and_figures() {
    for (i, step) in STORY.steps.iter().enumerate() {
        let whole = render_to_html_with_details(i);
        let html = live_part(&whole);
        for (j, other) in STORY.steps.iter().enumerate() {
            let shown = html.contains(&format!("data-step=\"{}\"", other.slug));
            assert_eq!(shown, i == j, "render of step {i} shows step {j}: {shown}");
        }
        assert!(
            html.contains(&format!("data-step=\"{}\"", step.slug)),
            "step {i} not current"
        );
        assert!(html.contains(&escaped(step.headline)), "step {i} headline");
        assert!(html.contains(&escaped(step.caption)), "step {i} caption");
        for paragraph in step.more {
            assert!(html.contains(&escaped(paragraph)), "step {i}: its details");
        }
        assert!(
            html.contains(&format!("{} of {}", i + 1, STORY.len())),
            "step {i} progress"
        );
        // Every figure the step gives reaches the reader: on the chart or in the details,
        // as the source states it and with who claims it.
        for figure in step.figures {
            let id = figure.id;
            assert!(
                html.contains(&escaped(&figure.label())),
                "step {i}: figure {id}"
            );
            if let Some(who) = claimant(Some(figure.claimed_by)) {
                assert!(html.contains(&escaped(who)), "step {i}: claim of {id}");
            }
        }
        for quote in step.quotes {
            assert!(
                html.contains(&escaped(quote.speaker)),
                "step {i}: speaker of {}",
                quote.id
            );
        }
    }
}

/// The text a reader can see in a render: tags and the invisible stand-ins left out.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with("<div class=\"slot-phantom") {
            // Skip to the end of this stand-in: count nested divs.
            let mut depth = 0usize;
            let mut at = 0;
            for (i, _) in rest.match_indices('<') {
                if rest[i..].starts_with("<div") {
                    depth += 1;
                } else if rest[i..].starts_with("</div") {
                    depth -= 1;
                    if depth == 0 {
                        at = i;
                        break;
                    }
                }
            }
            rest = &rest[at..];
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        rest = &rest[end..];
        out.push(' ');
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn no_step_calls_its_source_the_article() {
    // Inside a host's news story, "the article" reads as the host's own article.
    for i in 0..STORY.len() {
        let whole = render_to_html_with_details(i);
        let text = visible_text(live_part(&whole)).to_lowercase();
        assert!(
            !text.contains("the article"),
            "step {i} says \"the article\": …{}…",
            text.find("the article")
                .map(|at| &text[at.saturating_sub(60)..(at + 40).min(text.len())])
                .unwrap_or_default()
        );
    }
    let flat = render_to_html(0);
    let flat = &flat[flat.find("class=\"full-story\"").expect("the flat story")..];
    assert!(!visible_text(flat).to_lowercase().contains("the article"));
}

#[test]
fn the_stage_reserves_room_for_every_steps_words() {
    // The stand-ins that keep the stage one height hold every step's headline and caption,
    // whichever step is live, and are hidden from assistive technology.
    let whole = render_to_html(5);
    let html = live_part(&whole);
    for step in STORY.steps {
        assert!(html.contains(&format!(
            "<p class=\"step-headline-twin\">{}</p>",
            escaped(step.headline)
        )));
        assert!(html.contains(&format!(
            "<p class=\"step-caption-twin\">{}</p>",
            escaped(step.caption)
        )));
    }
    // Each stand-in's opening tag, whatever the order of its attributes.
    let tags: Vec<&str> = html
        .match_indices("slot-phantom")
        .map(|(at, _)| {
            let open = html[..at].rfind('<').expect("inside a tag");
            let close = at + html[at..].find('>').expect("a closed tag");
            &html[open..close]
        })
        .collect();
    let phantoms = tags.len();
    assert!(
        tags.iter().all(|tag| tag.contains("aria-hidden=\"true\"")),
        "every stand-in is aria-hidden: {tags:?}"
    );
    assert_eq!(phantoms, 2 * STORY.len() + 1);
}

#[test]
fn out_of_range_start_opens_the_last_step() {
    let whole = render_to_html(999);
    let html = live_part(&whole);
    let last = STORY.steps.last().expect("the story has steps");
    assert!(html.contains(&format!("data-step=\"{}\"", last.slug)));
}

#[test]
fn the_full_story_for_print_holds_every_step_in_order() {
    let whole = render_to_html(3);
    let full = &whole[whole
        .find("class=\"full-story\"")
        .expect("the full story renders")..];
    let mut last = 0;
    for (i, step) in STORY.steps.iter().enumerate() {
        let at = full
            .find(&format!("data-step=\"{}\"", step.slug))
            .unwrap_or_else(|| panic!("step {i} missing"));
        assert!(at >= last, "step {i} out of order");
        last = at;
        assert!(full.contains(&format!("Step {} of {}", i + 1, STORY.len())));
    }
}

/// The SVG of the live step's chart.
fn live_chart(whole: &str) -> &str {
    let html = live_part(whole);
    let start = html.find("<svg").expect("the step draws a chart");
    let end = start + html[start..].find("</svg>").expect("the chart closes");
    &html[start..end]
}

#[test]
fn each_timeline_step_labels_its_own_events_and_only_those() {
    let mut steps = 0;
    for (i, step) in STORY.steps.iter().enumerate() {
        if step.events.is_empty() {
            continue;
        }
        steps += 1;
        let whole = render_to_html(i);
        let chart = live_chart(&whole);
        assert!(chart.contains("class=\"timeline\""), "{}", step.slug);
        for event in step.events {
            let label = event.label.expect("checked at build time");
            assert!(
                chart.contains(&escaped(label)),
                "{}: {label} is not on the chart",
                step.slug
            );
            assert!(
                chart.contains(&escaped(&event.date.short_label())),
                "{}: {label} has no date",
                step.slug
            );
        }
        assert_eq!(
            chart.matches("class=\"event\"").count(),
            step.events.len(),
            "{}: one mark per event, none for the rest of the data",
            step.slug
        );
        for old in ["badge", "axis-break", "timeline-axis"] {
            assert!(!chart.contains(old), "{}: {old} is gone", step.slug);
        }
    }
    assert_eq!(
        steps, 4,
        "four timeline steps (the 2020 sites and Damascus are maps)"
    );
}

#[test]
fn the_timeline_overview_names_the_years_and_boxes_the_zoom_once() {
    let whole = render_to_html(1);
    let chart = live_chart(&whole);
    assert_eq!(chart.matches("class=\"zoom\"").count(), 1);
    let years: Vec<u16> = (STORY.period.start.year..=STORY.period.end.year).collect();
    assert_eq!(years, [2020, 2021, 2022, 2023, 2024]);
    for year in years {
        assert!(chart.contains(&format!(">{year}</text>")), "{year}");
    }
}

/// The font size, in px, that the one-line rule for `.class` in `css` sets.
fn font_size(css: &str, class: &str) -> Option<f64> {
    let rule = css.lines().find(|l| l.contains(&format!(".{class} {{")))?;
    let value = rule.split("font-size:").nth(1)?;
    value.trim_start().split("px").next()?.parse().ok()
}

#[test]
fn the_timelines_text_is_at_least_12px_on_a_375px_phone() {
    // The chart is 360 units wide and drawn 351 px wide there: 12.4 units make 12.1 px.
    let css = include_str!("../www/escalation.css");
    let section = &css[css.find("/* Timeline").expect("the timeline's rules")..];
    let section = &section[..section.find("\n/* ").expect("the next section")];
    for step in [1, 2, 4] {
        let whole = render_to_html(step);
        let chart = live_chart(&whole);
        let mut classes: Vec<&str> = chart
            .split("<text ")
            .skip(1)
            .filter_map(|tag| tag.split("class=\"").nth(1)?.split('"').next())
            .collect();
        classes.dedup();
        assert!(classes.len() >= 2, "{classes:?}");
        for class in classes {
            let size = font_size(section, class)
                .unwrap_or_else(|| panic!("the timeline's rules size .{class}"));
            assert!(size >= 12.4, ".{class} is {size}px");
        }
    }
}

#[test]
fn every_legend_swatch_on_the_stage_has_its_own_style() {
    let css = include_str!("../www/escalation.css");
    let mut seen = 0;
    for step in 0..STORY.len() {
        let whole = render_to_html(step);
        for tag in whole.split("class=\"swatch ").skip(1) {
            let class = tag.split('"').next().unwrap_or_default();
            assert!(
                css.contains(&format!(".swatch.{class} {{")),
                "step {}: the legend's swatch `{class}` has no `.swatch.{class}` rule",
                step + 1
            );
            seen += 1;
        }
    }
    assert!(seen > 0, "the stage draws legend swatches");
}
