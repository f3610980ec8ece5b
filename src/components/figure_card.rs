//! `figure_card`: one figure as the source states it — the number with its unit and its
//! hedge, what it counts, who claims it and in which article. A share stated in words ("most",
//! "nearly all") is set as text, not as a big number.

use yew::prelude::*;

use crate::components::source_line::attribution;
use crate::model::Figure;

/// One key figure, keyed by its id.
pub fn figure_card(figure: &'static Figure) -> Html {
    let uncertain = figure.is_uncertain().then_some("true");
    let class = classes!("figure-card", figure.is_share().then_some("is-share"));
    html! {
        <li key={figure.id} class={class} data-figure={figure.id}>
            <p class="figure-value" data-uncertain={uncertain}>{ figure.quantity() }</p>
            <p class="figure-what">{ figure.what }</p>
            <p class="figure-claim">{ attribution(Some(figure.claimed_by), figure.source) }</p>
            if let Some(note) = figure.note {
                <p class="figure-note">{ note }</p>
            }
        </li>
    }
}
