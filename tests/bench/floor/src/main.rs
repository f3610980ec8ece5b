//! A bare Yew app: one component, a button and a counter. Its size is the floor any Yew
//! widget starts from, and on our page (served by the bench in place of the widget) its time
//! to answer "next" is the floor any Yew widget's takeover starts from. It mounts at the top
//! of the page, hidden (so it costs the page no layout: the bench presses its button from
//! script), and its class names are the ones the bench presses and watches.
use yew::prelude::*;

#[component]
fn Counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <section class="live-story">
            <p class="step" data-step={count.to_string()}>{ *count }</p>
            <button class="step-next" {onclick}>{ "Next" }</button>
        </section>
    }
}

fn main() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a page");
    let root = document.create_element("div").expect("an element");
    root.set_attribute("hidden", "").expect("hidden");
    document
        .body()
        .expect("a body")
        .prepend_with_node_1(&root)
        .expect("mounted");
    yew::Renderer::<Counter>::with_root(root).render();
}
