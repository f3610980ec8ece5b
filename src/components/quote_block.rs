//! `QuoteBlock`: a person's statement, verbatim, with the attribution the article gives it.

use yew::prelude::*;

use crate::components::figure_card::source_title;
use crate::model::DATASET;

#[derive(Properties, PartialEq, Clone)]
pub struct QuoteBlockProps {
    /// A quote id from data/quotes.toml.
    pub id: AttrValue,
}

#[component]
pub fn QuoteBlock(props: &QuoteBlockProps) -> Html {
    let Some(quote) = DATASET.quote(&props.id) else {
        return Html::default();
    };
    html! {
        <figure class="quote" data-quote={quote.id}>
            <blockquote><p>{ "“" }{ quote.text }{ "”" }</p></blockquote>
            <figcaption>
                { "— " }{ quote.speaker }
                if let Some(role) = quote.role {
                    { ", " }{ role }
                }
                if let Some(context) = quote.context {
                    { " (" }{ context }{ ")" }
                }
                { " · " }<cite>{ source_title(quote.source) }</cite>
            </figcaption>
        </figure>
    }
}
