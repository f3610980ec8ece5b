//! share: what other sites read from the bundle's page, written into it by `cargo xtask dist`
//! — the share-card tags (Open Graph and Twitter) for index.html's head, and the oEmbed answer
//! (`oembed.json`) a CMS discovers through a `<link>` tag. Pure text from the story, the
//! chart image paths and the public URL the bundle will be served at. The tags that need an
//! absolute URL (the card image, the page's URL, oEmbed discovery) exist only with one.

use serde::Serialize;

use crate::app::embed_code::iframe_code;
use crate::components::chart_image::share_card_alt;
use crate::components::scope::DEFAULT_PREFIX;
use crate::story::STORY;

/// The share card, beside the page.
pub const SHARE_CARD: &str = "images/share-card.png";
/// The share card's size in pixels.
pub const CARD_SIZE: (u32, u32) = (1200, 630);
/// The oEmbed answer, beside the page.
pub const OEMBED_FILE: &str = "oembed.json";
/// The size oEmbed states for the iframe: a column the explainer reads well in, and the
/// iframe's height before embed.js sizes it.
pub const EMBED_SIZE: (u32, u32) = (640, 900);

/// Escapes text for a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The public URL as the folder the bundle is served from: an absolute `http(s)` URL, with a
/// trailing slash added. Refused, with why, otherwise.
pub fn public_folder(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("the public URL `{url}` must start with https:// or http://"))?;
    if rest.is_empty() || rest.starts_with('/') || url.contains(['?', '#', '"', '<', '>', ' ']) {
        return Err(format!(
            "the public URL `{url}` must name a host and a folder, with no query, fragment or quotes"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// What the head says without a public URL is missing, for the build to print.
pub const NEEDS_PUBLIC_URL: [&str; 5] = [
    "og:url",
    "og:image (and its width, height and alt)",
    "twitter:image (and its alt)",
    "the oEmbed discovery <link>",
    "oembed.json",
];

/// The tags for index.html's head: title, description and card type always; with `folder` (a
/// [`public_folder`]), the page's URL, the card image and oEmbed discovery too.
pub fn head_tags(folder: Option<&str>) -> String {
    let title = attr(STORY.title);
    let description = attr(STORY.dek);
    let mut tags = vec![
        "<meta property=\"og:type\" content=\"article\">".to_string(),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
    ];
    if let Some(folder) = folder {
        let folder = attr(folder);
        let alt = attr(&share_card_alt());
        let (width, height) = CARD_SIZE;
        tags.extend([
            format!("<meta property=\"og:url\" content=\"{folder}\">"),
            format!("<meta property=\"og:image\" content=\"{folder}{SHARE_CARD}\">"),
            "<meta property=\"og:image:type\" content=\"image/png\">".to_string(),
            format!("<meta property=\"og:image:width\" content=\"{width}\">"),
            format!("<meta property=\"og:image:height\" content=\"{height}\">"),
            format!("<meta property=\"og:image:alt\" content=\"{alt}\">"),
            format!("<meta name=\"twitter:image\" content=\"{folder}{SHARE_CARD}\">"),
            format!("<meta name=\"twitter:image:alt\" content=\"{alt}\">"),
            format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{folder}{OEMBED_FILE}\" title=\"{title}\">"
            ),
        ]);
    }
    tags.join("\n")
}

/// The oEmbed answer (type `rich`), per <https://oembed.com/>.
#[derive(Serialize, Debug, PartialEq)]
pub struct OEmbed {
    pub version: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: &'static str,
    pub provider_name: &'static str,
    pub provider_url: String,
    /// The iframe snippet the Embed panel offers on the bundle's own page at the first step.
    pub html: String,
    pub width: u32,
    pub height: u32,
    pub thumbnail_url: String,
    pub thumbnail_width: u32,
    pub thumbnail_height: u32,
}

/// The oEmbed answer for the bundle served from `folder` (a [`public_folder`]).
pub fn oembed(folder: &str) -> OEmbed {
    let first = STORY.steps.first().map_or("", |s| s.slug);
    OEmbed {
        version: "1.0",
        kind: "rich",
        title: STORY.title,
        provider_name: "Escalation",
        provider_url: folder.to_string(),
        html: iframe_code(folder, first, DEFAULT_PREFIX, STORY.title),
        width: EMBED_SIZE.0,
        height: EMBED_SIZE.1,
        thumbnail_url: format!("{folder}{SHARE_CARD}"),
        thumbnail_width: CARD_SIZE.0,
        thumbnail_height: CARD_SIZE.1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_url_must_be_an_absolute_http_folder() {
        assert_eq!(
            public_folder("https://news.example/graphics/escalation").unwrap(),
            "https://news.example/graphics/escalation/"
        );
        assert_eq!(
            public_folder("http://news.example/").unwrap(),
            "http://news.example/"
        );
        for bad in [
            "news.example/escalation/",
            "/escalation/",
            "https://",
            "ftp://news.example/",
            "https://news.example/?q=1",
            "https://news.example/\"x",
        ] {
            assert!(public_folder(bad).is_err(), "{bad}");
        }
    }

    // serde_json is a native dependency: the oEmbed answer is written at build time.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_oembed_answer_is_rich_json_with_the_embed_panels_snippet() {
        let folder = "https://news.example/e/";
        let json = serde_json::to_value(oembed(folder)).expect("serialises");
        for field in [
            "version",
            "type",
            "html",
            "width",
            "height",
            "title",
            "provider_name",
            "provider_url",
            "thumbnail_url",
            "thumbnail_width",
            "thumbnail_height",
        ] {
            assert!(json.get(field).is_some(), "oEmbed needs `{field}`");
        }
        assert_eq!(json["version"], "1.0");
        assert_eq!(json["type"], "rich");
        assert!(json["width"].as_u64().is_some_and(|w| w > 0));
        assert!(json["height"].as_u64().is_some_and(|h| h > 0));
        // What the Embed panel offers on the bundle's own page (instance DEFAULT_PREFIX) at
        // the first step, as app.rs builds it.
        let first = STORY.steps[0].slug;
        assert_eq!(
            json["html"],
            iframe_code(folder, first, DEFAULT_PREFIX, STORY.title)
        );
        let html = json["html"].as_str().unwrap();
        assert!(html.starts_with(&format!("<iframe src=\"{folder}index.html?step={first}")));
        assert_eq!(json["thumbnail_url"], format!("{folder}{SHARE_CARD}"));
        assert_eq!(
            (
                json["thumbnail_width"].as_u64(),
                json["thumbnail_height"].as_u64()
            ),
            (Some(1200), Some(630))
        );
    }

    #[test]
    fn without_a_public_url_the_head_has_no_absolute_url() {
        let tags = head_tags(None);
        assert!(tags.contains("og:title"));
        assert!(tags.contains("twitter:card"));
        assert!(!tags.contains("og:image"));
        assert!(!tags.contains("oembed"));
        let tags = head_tags(Some("https://news.example/e/"));
        assert!(tags.contains(
            "<meta property=\"og:image\" content=\"https://news.example/e/images/share-card.png\">"
        ));
        assert!(tags.contains("href=\"https://news.example/e/oembed.json\""));
    }
}
