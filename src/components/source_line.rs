//! `SourceLine`: "Source: <article title>", naming each article a chart's numbers come from.

use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SourceLineProps {
    pub titles: Vec<&'static str>,
    /// Who makes the claims, when it is not the article's own voice.
    #[prop_or_default]
    pub note: AttrValue,
}

#[component]
pub fn SourceLine(props: &SourceLineProps) -> Html {
    let label = if props.titles.len() > 1 {
        "Sources: "
    } else {
        "Source: "
    };
    html! {
        <>
            { label }
            { for props.titles.iter().enumerate().map(|(i, t)| html! {
                <>{ if i > 0 { "; " } else { "" } }<cite>{ *t }</cite></>
            }) }
            if !props.note.is_empty() {
                { ". " }{ props.note.clone() }
            }
        </>
    }
}
