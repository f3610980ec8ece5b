//! `source_line` and `attribution`: naming where a number or an event comes from. A chart's
//! source line names each article its numbers come from; an attribution says who makes a
//! claim and in which article ("According to Israeli officials, in *Miscalculation Leads to
//! Escalation…*"), or that the article reports it in its own voice. Never "the article": inside
//! a host's news story, readers would take that to be the host's own.

use yew::prelude::*;

use crate::model::{Source, claimant};

/// "Source: *short title*" (or "Sources: *a*; *b*").
pub fn source_line(sources: &[&'static Source]) -> Html {
    let titles: Vec<&'static str> = sources.iter().map(|s| s.short_title).collect();
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
        </>
    }
}

/// "According to *who*, in *short title*", or "Reported in *short title*" for the article's own
/// reporting; `claimed_by` as data/ gives it.
pub fn attribution(claimed_by: Option<&'static str>, source: &Source) -> Html {
    let title = source.short_title;
    match claimant(claimed_by) {
        Some(who) => html! { <>{ "According to " }{ who }{ ", in " }<cite>{ title }</cite></> },
        None => html! { <>{ "Reported in " }<cite>{ title }</cite></> },
    }
}

/// The same as plain text, for table cells: "Israeli officials, in Miscalculation Leads…".
pub fn attribution_text(claimed_by: Option<&'static str>, source: &Source) -> String {
    let title = source.short_title;
    match claimant(claimed_by) {
        Some(who) => format!("{who}, in {title}"),
        None => format!("Reported in {title}"),
    }
}
