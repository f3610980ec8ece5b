//! `figure_card`: one figure as the source states it — the number with its qualifier, what it
//! counts, who claims it and which article says so.

use yew::prelude::*;

use crate::model::{DATASET, Figure};

/// The article title a figure traces to, for its source line.
pub fn source_title(source_id: &str) -> &'static str {
    DATASET.source(source_id).map_or("", |s| s.title)
}

/// One key figure (an id from data/figures.toml, checked at build time), keyed by its id.
pub fn figure_card(id: &str) -> Html {
    let Some(figure): Option<&Figure> = DATASET.figure(id) else {
        return Html::default();
    };
    let uncertain = figure.is_uncertain().then_some("true");
    html! {
        <li key={figure.id} class="figure-card" data-figure={figure.id}>
            <p class="figure-value" data-uncertain={uncertain}>{ figure.label() }</p>
            <p class="figure-what">{ figure.what }</p>
            <p class="figure-claim">
                { "According to " }{ figure.claimed_by }
                { " · " }<cite>{ source_title(figure.source) }</cite>
            </p>
            if let Some(note) = figure.note {
                <p class="figure-note">{ note }</p>
            }
        </li>
    }
}
