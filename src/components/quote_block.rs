//! `quote_block`: a person's statement, verbatim, with the attribution the article gives it.

use yew::prelude::*;

use crate::model::Quote;

/// One quote, keyed by its id.
pub fn quote_block(quote: &'static Quote) -> Html {
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
                { " · " }<cite>{ quote.source.short_title }</cite>
            </figcaption>
        </figure>
    }
}
