//! `quote_block`: a person's statement, verbatim, with the attribution the article gives it.

use yew::prelude::*;

use crate::components::source_line::short_title;
use crate::model::DATASET;

/// One quote (an id from data/quotes.toml), keyed by its id.
pub fn quote_block(id: &str) -> Html {
    let Some(quote) = DATASET.quote(id) else {
        return Html::default();
    };
    html! {
        <figure key={quote.id} class="quote" data-quote={quote.id}>
            <blockquote><p>{ "“" }{ quote.text }{ "”" }</p></blockquote>
            <figcaption>
                { "— " }{ quote.speaker }
                if let Some(role) = quote.role {
                    { ", " }{ role }
                }
                if let Some(context) = quote.context {
                    { " (" }{ context }{ ")" }
                }
                { " · " }<cite>{ short_title(quote.source) }</cite>
            </figcaption>
        </figure>
    }
}
