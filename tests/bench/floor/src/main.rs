//! A bare Yew app: one component, a button and a counter. Its size is the floor any Yew
//! widget starts from.
use yew::prelude::*;

#[component]
fn Counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <section>
            <button {onclick}>{ "Next" }</button>
            <p>{ *count }</p>
        </section>
    }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
