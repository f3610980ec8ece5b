//! Server-side renders of the explainer (Yew `ssr`, natively): the first screen shows the
//! story's real title and first step, and every step renders its headline and figures.
#![cfg(not(target_arch = "wasm32"))]

use escalation::model::DATASET;
use escalation::render_to_html;
use escalation::story::STORY;

/// The interactive part of a render (the current step), without the flat full story that
/// follows it for print.
fn live_part(html: &str) -> &str {
    let start = html
        .find("class=\"live-story\"")
        .expect("the live story renders");
    let end = html
        .find("class=\"full-story\"")
        .expect("the full story renders");
    assert!(start < end);
    &html[start..end]
}

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
        html.contains(&escaped(first.narration[0])),
        "first narration missing"
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
        let whole = render_to_html(i);
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
        assert!(
            html.contains(&format!("{} of {}", i + 1, STORY.len())),
            "step {i} progress"
        );
        for id in step.figures {
            let figure = DATASET.figure(id).expect("checked at build time");
            assert!(
                html.contains(&escaped(&figure.label())),
                "step {i}: figure {id}"
            );
            assert!(
                html.contains(&escaped(figure.claimed_by)),
                "step {i}: claim of {id}"
            );
        }
        for id in step.quotes {
            let quote = DATASET.quote(id).expect("checked at build time");
            assert!(
                html.contains(&escaped(quote.speaker)),
                "step {i}: speaker of {id}"
            );
        }
    }
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

#[test]
fn the_timeline_draws_each_background_mark_once() {
    let whole = render_to_html(0);
    let html = live_part(&whole);
    let axis = &html[html
        .find("class=\"timeline-axis\"")
        .expect("step 1 draws the timeline")..];
    let axis = &axis[..axis.find("</g></g>").expect("the axis group closes")];
    let marks: Vec<&str> = axis
        .split('<')
        .filter(|tag| tag.contains("class=\"event-span\"") || tag.contains("class=\"event-dot\""))
        .collect();
    assert!(
        marks.len() >= 10,
        "the axis shows the data's events: {marks:?}"
    );
    let mut distinct = marks.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        marks.len(),
        "a mark is drawn twice in one place"
    );
}
