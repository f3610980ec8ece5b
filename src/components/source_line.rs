//! `source_line`: "Source: <article title>", naming each article a chart's numbers come from.

use yew::prelude::*;

/// "Source: *title*" (or "Sources: *a*; *b*"), then an optional note.
pub fn source_line(titles: &[&'static str], note: &'static str) -> Html {
    let label = if titles.len() > 1 {
        "Sources: "
    } else {
        "Source: "
    };
    html! {
        <>
            { label }
            { for titles.iter().enumerate().map(|(i, t)| html! {
                <>{ if i > 0 { "; " } else { "" } }<cite>{ *t }</cite></>
            }) }
            if !note.is_empty() {
                { ". " }{ note }
            }
        </>
    }
}
