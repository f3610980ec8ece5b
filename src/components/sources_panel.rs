//! `SourcesPanel`: the closing "Sources and data" view — each article with its outlet and how
//! its date was worked out, and the data downloads (JSON, and CSV per table).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::DATASET;

/// Where each download really is, when not beside the page: the offline file carries the
/// data inside itself as `data:` URLs. Paths not listed stay as they are.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DownloadHrefs(pub Rc<Vec<(String, String)>>);

impl DownloadHrefs {
    pub fn href<'a>(&'a self, path: &'a str) -> &'a str {
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map_or(path, |(_, href)| href.as_str())
    }
}

/// The downloads `cargo xtask dist` writes under `data/`, with what each holds.
pub const DOWNLOADS: [(&str, &str); 6] = [
    ("data/escalation-data.json", "Everything, as JSON"),
    ("data/escalation-figures.csv", "Figures (CSV)"),
    ("data/escalation-events.csv", "Events (CSV)"),
    ("data/escalation-quotes.csv", "Quotes (CSV)"),
    (
        "data/escalation-groups.csv",
        "Groups of countries and people (CSV)",
    ),
    ("data/escalation-sources.csv", "Sources (CSV)"),
];

#[component]
pub fn SourcesPanel() -> Html {
    let hrefs = use_context::<DownloadHrefs>().unwrap_or_default();
    html! {
        <section class="sources" aria-label="Sources and data">
            <h3 class="chart-title">{ "The two source articles" }</h3>
            <ol class="source-list">
                { for DATASET.sources.iter().map(|s| html! {
                    <li key={s.id}>
                        <cite class="source-title">{ s.title }</cite>
                        if let Some(sub) = s.subtitle {
                            <span class="source-subtitle">{ sub }</span>
                        }
                        <span class="source-meta">
                            { s.outlet.map(|o| format!("{o}, ")).unwrap_or_default() }
                            { format!("published {}", s.published.label()) }
                        </span>
                        <details class="source-reasoning">
                            <summary>{ "How we dated it" }</summary>
                            <p>{ s.published_reasoning }</p>
                        </details>
                    </li>
                }) }
            </ol>
            <h3 class="chart-title">{ "Get the data" }</h3>
            <ul class="downloads">
                { for DOWNLOADS.iter().map(|(href, label)| html! {
                    <li key={*href}><a href={hrefs.href(href).to_string()} download={href.rsplit('/').next().unwrap_or(href).to_string()}>{ *label }</a></li>
                }) }
            </ul>
            <p class="chart-note">{ format!(
                "{} events, {} figures, {} quotes. Each figure names who makes the claim; counts keep the sources' own hedges.",
                DATASET.events.len(), DATASET.figures.len(), DATASET.quotes.len()
            ) }</p>
        </section>
    }
}
