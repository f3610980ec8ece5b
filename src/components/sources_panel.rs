//! `SourcesPanel`: the closing "Sources and data" view — each article with its outlet and when
//! it was published, and the data downloads (JSON, and CSV per table). How each date was
//! worked out is in the step's details (`step_details::dating_notes`). And `colophon`, the
//! line under every step that says what period the story covers and when its sources appeared.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::DATASET;
use crate::story::STORY;

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

    /// Where a file beside the page can be had, or `None` where it cannot: a page served with
    /// its bundle has every file beside it; the offline file has only those it carries inside.
    pub fn offered<'a>(&'a self, path: &'a str) -> Option<&'a str> {
        if self.0.is_empty() {
            return Some(path);
        }
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, href)| href.as_str())
    }
}

/// The downloads `cargo xtask dist` writes under `data/`, with what each holds.
pub const DOWNLOADS: [(&str, &str); 6] = [
    ("data/escalation-data.json", "All, JSON"),
    ("data/escalation-figures.csv", "Figures, CSV"),
    ("data/escalation-events.csv", "Events, CSV"),
    ("data/escalation-quotes.csv", "Quotes, CSV"),
    ("data/escalation-groups.csv", "Groups, CSV"),
    ("data/escalation-sources.csv", "Sources, CSV"),
];

/// The two articles, each with its outlet and when it was published.
pub fn source_list() -> Html {
    html! {
        <ol class="source-list">
            { for DATASET.sources.iter().map(|s| html! {
                <li key={s.id}>
                    <cite class="source-title">{ s.title }</cite>
                    <span class="source-meta">
                        { s.outlet.map(|o| format!("{o}, ")).unwrap_or_default() }
                        { format!("published {}", s.published.label()) }
                    </span>
                </li>
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq, Clone, Default)]
pub struct DownloadsProps {
    /// An invisible stand-in that takes the same room (see `step_view`): no links.
    #[prop_or_default]
    pub phantom: bool,
}

/// The data downloads, one link per file.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let hrefs = use_context::<DownloadHrefs>().unwrap_or_default();
    let link = |href: &'static str, label: &'static str| {
        if props.phantom {
            html! { <span class="download">{ label }</span> }
        } else {
            html! {
                <a class="download" href={hrefs.href(href).to_string()}
                    download={href.rsplit('/').next().unwrap_or(href).to_string()}>{ label }</a>
            }
        }
    };
    html! {
        <div class="get-data">
            <p class="downloads-label">{ "Get the data" }</p>
            <ul class="downloads">
                { for DOWNLOADS.iter().map(|(href, label)| html! {
                    <li key={*href}>{ link(href, label) }</li>
                }) }
            </ul>
        </div>
    }
}

/// The whole view, as the flat story shows it.
#[component]
pub fn SourcesPanel() -> Html {
    html! {
        <section class="sources" aria-label="Sources and data">
            <h3 class="chart-title">{ "The two source articles" }</h3>
            { source_list() }
            <Downloads />
            <p class="chart-note">{ data_note() }</p>
        </section>
    }
}

/// What the data holds.
pub fn data_note() -> String {
    format!(
        "{} events, {} figures, {} quotes, each with who makes the claim.",
        DATASET.events.len(),
        DATASET.figures.len(),
        DATASET.quotes.len()
    )
}

/// When the story stops and where it comes from: one line under the stage on every step.
pub fn colophon() -> Html {
    html! {
        <p class="colophon">{ coverage_line() }</p>
    }
}

/// "Covers June 2020 to April 15, 2024, from two articles published July 19–31, 2020 and
/// April 15–19, 2024 (dates worked out from the texts)."
pub fn coverage_line() -> String {
    let period = STORY.period;
    let spans: Vec<_> = DATASET.sources.iter().map(|s| s.published).collect();
    let published: Vec<String> = spans.iter().map(|s| s.label()).collect();
    let list = match published.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let articles = match spans.len() {
        1 => "one article".to_string(),
        n => format!("{} articles", number_word(n)),
    };
    let inferred = if spans.iter().any(|s| s.is_interval()) {
        " (dates worked out from the texts)"
    } else {
        ""
    };
    format!(
        "Covers {} to {}, from {articles} published {list}{inferred}.",
        period.start.label(),
        period.end.label()
    )
}

fn number_word(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        n => n.to_string(),
    }
}
