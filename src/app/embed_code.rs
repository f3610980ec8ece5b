//! embed_code: the copy-paste snippets the Embed panel offers, for a given bundle location
//! and step. Pure text; attribute values and text are HTML-escaped.

/// Escapes text for a double-quoted HTML attribute or an element's text.
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

/// The tag that loads embed.js: a classic script, which a page on another origin can load
/// without CORS (a module could not run there unless the widget's host sent
/// Access-Control-Allow-Origin).
fn embed_script(base: &str) -> String {
    format!("<script src=\"{}embed.js\" defer></script>", attr(base))
}

/// The iframe snippet: the widget page at `step`, plus embed.js to size it.
pub fn iframe_code(base: &str, slug: &str, id: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}index.html?step={}&amp;id={}\" title=\"{}\" width=\"100%\" height=\"900\" frameborder=\"0\" scrolling=\"no\" loading=\"lazy\"></iframe>\n{}",
        attr(base),
        attr(slug),
        attr(id),
        attr(title),
        embed_script(base)
    )
}

/// The script snippet: a div that embed.js mounts the widget into, opening at `step`. The div
/// holds a link to the widget's own page at that step, titled `title`: readers get it where
/// the script cannot load, and the widget replaces it when it mounts.
pub fn script_code(base: &str, slug: &str, title: &str) -> String {
    format!(
        "<div data-escalation data-step=\"{slug}\"><a href=\"{base}index.html#step-{slug}\">{title}</a></div>\n{script}",
        slug = attr(slug),
        base = attr(base),
        title = attr(title),
        script = embed_script(base)
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
        assert!(code.ends_with("<script src=\"https://n.example/e/embed.js\" defer></script>"));
        assert_eq!(
            script_code("https://n.example/e/", "barrage", "Sabotage & fire"),
            "<div data-escalation data-step=\"barrage\"><a href=\"https://n.example/e/index.html#step-barrage\">Sabotage &amp; fire</a></div>\n<script src=\"https://n.example/e/embed.js\" defer></script>"
        );
        // Escaped in the link and the script tag alike.
        let odd = script_code("https://n.example/\"x\"/", "a<b", "t");
        assert!(odd.contains("href=\"https://n.example/&quot;x&quot;/index.html#step-a&lt;b\""));
        assert!(
            odd.ends_with(
                "<script src=\"https://n.example/&quot;x&quot;/embed.js\" defer></script>"
            )
        );
    }
}
