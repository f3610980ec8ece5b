//! embed_code: the copy-paste snippets the Embed panel offers, for a given bundle location
//! and step. Pure text; attribute values are HTML-escaped.

/// Escapes text for a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The folder a page URL sits in: query and hash dropped, cut after the last `/`.
pub fn base_dir(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = &href[..end];
    match path.rfind('/') {
        Some(i) => path[..=i].to_string(),
        None => String::new(),
    }
}

/// The iframe snippet: the widget page at `step`, plus embed.js to size it.
pub fn iframe_code(base: &str, slug: &str, id: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}index.html?step={}&amp;id={}\" title=\"{}\" width=\"100%\" height=\"900\" frameborder=\"0\" scrolling=\"no\" loading=\"lazy\"></iframe>\n<script type=\"module\" src=\"{}embed.js\"></script>",
        attr(base),
        attr(slug),
        attr(id),
        attr(title),
        attr(base)
    )
}

/// The script snippet: a div that embed.js mounts the widget into, opening at `step`.
pub fn script_code(base: &str, slug: &str) -> String {
    format!(
        "<div data-escalation data-step=\"{}\"></div>\n<script type=\"module\" src=\"{}embed.js\"></script>",
        attr(slug),
        attr(base)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_dir_drops_file_query_and_hash() {
        assert_eq!(
            base_dir("https://news.example/x/escalation/index.html?step=2#step-a"),
            "https://news.example/x/escalation/"
        );
        assert_eq!(
            base_dir("https://news.example/x/escalation/#step-a"),
            "https://news.example/x/escalation/"
        );
        assert_eq!(
            base_dir("file:///home/a/escalation-offline.html"),
            "file:///home/a/"
        );
        assert_eq!(base_dir("nothing"), "");
    }

    #[test]
    fn snippets_point_at_the_step_and_escape_attributes() {
        let code = iframe_code(
            "https://n.example/e/",
            "barrage",
            "story-1",
            "A \"quoted\" title",
        );
        assert!(code.starts_with(
            "<iframe src=\"https://n.example/e/index.html?step=barrage&amp;id=story-1\""
        ));
        assert!(code.contains("title=\"A &quot;quoted&quot; title\""));
        assert!(
            code.ends_with(
                "<script type=\"module\" src=\"https://n.example/e/embed.js\"></script>"
            )
        );
        assert_eq!(
            script_code("https://n.example/e/", "barrage"),
            "<div data-escalation data-step=\"barrage\"></div>\n<script type=\"module\" src=\"https://n.example/e/embed.js\"></script>"
        );
    }
}
