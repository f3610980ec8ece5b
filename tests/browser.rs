//! Browser tier: the app mounted into a real DOM in headless Chromium (wasm-bindgen-test),
//! driven as a reader would: press "Next", and the DOM shows the next step.
#![cfg(target_arch = "wasm32")]

use escalation::embed::config::Settings;
use escalation::embed::host::{Host, HostProps, Mode, PageRef, Remote};
use escalation::story::STORY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    // The widget as `mount()` makes it, with no page services: the reader's place lives in
    // the host, and the explainer shows it.
    let props = HostProps {
        mode: Mode::Mounted,
        instance: "t1".into(),
        remote: Remote::default(),
        settings: Some(Settings::default()),
        flat_copy: false,
        page: PageRef::default(),
    };
    yew::Renderer::<Host>::with_root_and_props(root.clone(), props).render();
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn next_moves_to_the_second_step_and_previous_comes_back() {
    let root = mount();
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, ".live-story .step-headline"),
        STORY.steps[0].headline
    );
    assert_eq!(
        text(&root, ".progress-count"),
        format!("1 of {}", STORY.len())
    );

    click(&root, ".step-next");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, ".live-story .step-headline"),
        STORY.steps[1].headline
    );
    assert_eq!(
        text(&root, ".progress-count"),
        format!("2 of {}", STORY.len())
    );
    assert_eq!(text(&root, ".step-announcer"), STORY.steps[1].headline);

    click(&root, ".step-prev");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, ".live-story .step-headline"),
        STORY.steps[0].headline
    );
    root.remove();
}
