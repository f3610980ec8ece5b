//! `SourcesPanel`: the closing "Sources and data" view — each article with its outlet and when
//! it was published, and the data downloads (JSON, and CSV per table). How each date was
//! worked out is in the step's details (`step_details::dating_notes`). And `colophon`, the
//! line under every step that says what period the story covers and when its sources appeared.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::DATASET;
use crate::story::STORY;

/// Where the files beside the bundle (the data downloads, the chart images) are for this
/// widget: beside the page by default; at an absolute folder URL for a widget mounted into
/// another site's page (embed.js passes its own folder), where a relative link would point
/// into the host's site; or inside the offline file, which carries the data as `data:` URLs
/// and no images.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DownloadHrefs {
    /// The files the offline file carries, by path; when any are, no other file is offered.
    carried: Rc<Vec<(String, String)>>,
    /// The bundle's folder (`https://…/`), for a widget mounted into another page.
    folder: Option<AttrValue>,
}

impl DownloadHrefs {
    /// The files the offline file carries inside itself, `(path, data: URL)`.
    pub fn carried(pairs: Vec<(String, String)>) -> Self {
        DownloadHrefs {
            carried: Rc::new(pairs),
            folder: None,
        }
    }

    /// Every file beside the bundle at `folder`, an absolute URL ending in `/` (see
    /// `config::bundle_folder`).
    pub fn in_folder(folder: &str) -> Self {
        DownloadHrefs {
            carried: Rc::default(),
            folder: Some(AttrValue::from(folder.to_string())),
        }
    }

    /// Whether these are the offline file's own (data carried inside the page).
    pub fn is_carried(&self) -> bool {
        !self.carried.is_empty()
    }

    /// Where the file at `path` (relative to the bundle) is linked from.
    pub fn href(&self, path: &str) -> String {
        self.offered(path).unwrap_or_else(|| path.to_string())
    }

    /// Where the file at `path` can be had, or `None` where it cannot: a page served with its
    /// bundle has every file beside it; the offline file has only those it carries inside.
    pub fn offered(&self, path: &str) -> Option<String> {
        if !self.carried.is_empty() {
            return self
                .carried
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, href)| href.clone());
        }
        Some(match &self.folder {
            Some(folder) => format!("{folder}{path}"),
            None => path.to_string(),
        })
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
                <a class="download" href={hrefs.href(href)}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_beside_the_page_in_the_bundles_folder_or_carried_inside() {
        let beside = DownloadHrefs::default();
        assert_eq!(
            beside.href("data/escalation-data.json"),
            "data/escalation-data.json"
        );
        assert_eq!(
            beside.offered("images/step-07-barrage.png").as_deref(),
            Some("images/step-07-barrage.png")
        );

        let mounted = DownloadHrefs::in_folder("https://example.org/escalation/");
        assert_eq!(
            mounted.href("data/escalation-data.json"),
            "https://example.org/escalation/data/escalation-data.json"
        );
        assert!(!mounted.is_carried());

        let offline = DownloadHrefs::carried(vec![(
            "data/escalation-data.json".into(),
            "data:application/json;base64,e30=".into(),
        )]);
        assert!(offline.is_carried());
        assert_eq!(
            offline.href("data/escalation-data.json"),
            "data:application/json;base64,e30="
        );
        assert_eq!(
            offline.offered("images/step-07-barrage.png"),
            None,
            "the offline file carries no images"
        );
    }
}
