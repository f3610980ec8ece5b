//! offline: turns the built dist/ into `dist/escalation-offline.html`, one self-contained file
//! that works from file:// with the network off — the styles inlined, the JS glue inlined,
//! the wasm gzip-compressed and base64-encoded (inflated at load with DecompressionStream),
//! and the data downloads carried as `data:` URLs.

use std::path::Path;

pub const OFFLINE_FILE: &str = "escalation-offline.html";

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Text that is safe inside a `<script>` or `<style>` element.
fn inline_safe(text: &str, closing: &str) -> Result<String, String> {
    if text.to_ascii_lowercase().contains(closing) {
        return Err(format!("cannot inline: the text contains `{closing}`"));
    }
    Ok(text.to_string())
}

/// Removes the first `<tag …>…</tag>` or `<tag …>` whose opening contains `marker`.
pub fn remove_element(
    html: &mut String,
    open: &str,
    marker: &str,
    close: &str,
) -> Result<(), String> {
    let mut from = 0;
    while let Some(rel) = html[from..].find(open) {
        let start = from + rel;
        let end = html[start..].find(close).ok_or("unclosed element")? + start + close.len();
        if html[start..end].contains(marker) {
            html.replace_range(start..end, "");
            return Ok(());
        }
        from = start + open.len();
    }
    Err(format!(
        "dist/index.html has no `{open}` element with `{marker}`: has trunk's output changed?"
    ))
}

/// Writes the offline file from dist/; `loader` is the tag by which the prerendered page
/// loads the widget (dist's `BOOT`), which the offline file replaces with its own.
pub fn write(dist: &Path, loader: &str) -> Result<u64, String> {
    let read = |name: &str| {
        std::fs::read_to_string(dist.join(name))
            .map_err(|e| format!("cannot read dist/{name}: {e}"))
    };
    let mut html = read("index.html")?;
    let glue = read("escalation.js")?;
    let wasm = std::fs::read(dist.join("escalation_bg.wasm"))
        .map_err(|e| format!("cannot read the wasm: {e}"))?;

    // Our loader (boot.js), trunk's preloads and the stylesheet links point at files: drop them.
    if !html.contains(loader) {
        return Err("dist/index.html has no boot.js script: has the prerender changed?".into());
    }
    html = html.replacen(loader, "", 1);
    let static_css = inline_safe(&read("static.css")?, "</style")?;
    let noscript = "<noscript><link rel=\"stylesheet\" href=\"static.css\"></noscript>";
    if !html.contains(noscript) {
        return Err("dist/index.html has no <noscript> link to static.css".into());
    }
    // Moved below the widget's own styles (inlined at the end of the head): the no-script
    // rules must come last in the cascade, or the widget's `display: none` on the flat
    // story would win and a reader without script would see nothing below the masthead.
    html = html.replace(noscript, "");
    remove_element(
        &mut html,
        "<link rel=\"modulepreload\"",
        "escalation.js",
        ">",
    )?;
    remove_element(
        &mut html,
        "<link rel=\"preload\"",
        "escalation_bg.wasm",
        ">",
    )?;
    html = without_online_tags(&html);
    let mut styles = String::new();
    for css in ["escalation.css", "page.css"] {
        remove_element(&mut html, "<link rel=\"stylesheet\"", css, ">")?;
        styles.push_str(&inline_safe(&read(css)?, "</style")?);
    }
    let favicon = base64(read("favicon.svg")?.as_bytes());
    html = html.replace(
        "href=\"favicon.svg\"",
        &format!("href=\"data:image/svg+xml;base64,{favicon}\""),
    );

    let mut downloads = Vec::new();
    for entry in
        std::fs::read_dir(dist.join("data")).map_err(|e| format!("cannot list dist/data: {e}"))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("bad file name")?
            .to_string();
        let mime = if name.ends_with(".json") {
            "application/json"
        } else {
            "text/csv"
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
        let uri = format!("data:{mime};charset=utf-8;base64,{}", base64(&bytes));
        // The prerendered markup (the flat story readers without script get) links the
        // downloads beside the page; in this one file they travel inside it.
        html = html.replace(&format!("href=\"data/{name}\""), &format!("href=\"{uri}\""));
        downloads.push(format!("\"data/{name}\":\"{uri}\""));
    }
    downloads.sort();

    let loader = format!(
        "{glue}\n;\n\
         // Offline: the wasm travels in this file, gzip-compressed and base64-encoded. If it\n\
         // cannot start, the whole story shows as text and pictures, with a note.\n\
         try {{\n\
           const packed = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));\n\
           const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n\
           await __wbg_init({{ module_or_path: await new Response(inflated).arrayBuffer() }});\n\
         }} catch (error) {{\n\
           document.getElementById(\"escalation-static\").media = \"all\";\n\
           const note = document.getElementById(\"escalation-note\");\n\
           if (note) note.hidden = false;\n\
           console.warn(\"escalation: the interactive version could not start; showing the whole story as text and pictures.\", error);\n\
         }}\n",
        glue = inline_safe(&glue, "</script")?,
        wasm = base64(&crate::compress::gzip(&wasm)?),
    );
    let head_end = html
        .find("</head>")
        .ok_or("dist/index.html has no </head>")?;
    html.insert_str(
        head_end,
        &format!("<style>\n{styles}</style>\n<style id=\"escalation-static\" media=\"not all\">\n{static_css}</style>\n<noscript><style>{static_css}</style></noscript>\n"),
    );
    let body_end = html
        .rfind("</body>")
        .ok_or("dist/index.html has no </body>")?;
    html.insert_str(
        body_end,
        &format!(
            "<script type=\"application/json\" id=\"escalation-downloads\">{{{}}}</script>\n<script type=\"module\">\n{loader}</script>\n",
            downloads.join(",")
        ),
    );
    let path = dist.join(OFFLINE_FILE);
    std::fs::write(&path, &html).map_err(|e| format!("cannot write {OFFLINE_FILE}: {e}"))?;
    Ok(html.len() as u64)
}

/// The head's tags that point at the bundle's public URL — the share card's image, the page's
/// URL, oEmbed discovery — do nothing in a file opened from disk: the offline file keeps the
/// title and description tags only. (`app::share::head_tags` writes one tag a line.)
pub fn without_online_tags(html: &str) -> String {
    const ONLINE: [&str; 4] = [
        "og:url",
        "og:image",
        "twitter:image",
        "application/json+oembed",
    ];
    html.split_inclusive('\n')
        .filter(|line| {
            let tag = line.trim_start();
            !(tag.starts_with("<meta") || tag.starts_with("<link"))
                || !ONLINE.iter().any(|online| tag.contains(online))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offline_file_drops_the_tags_that_need_the_public_url() {
        let head = "<head>\n<meta property=\"og:title\" content=\"T\">\n<meta property=\"og:image\" content=\"https://n.example/i.png\">\n<meta property=\"og:image:alt\" content=\"A\">\n<meta name=\"twitter:image\" content=\"https://n.example/i.png\">\n<meta property=\"og:url\" content=\"https://n.example/\">\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://n.example/oembed.json\">\n<p>og:image in text stays</p>\n</head>\n";
        assert_eq!(
            without_online_tags(head),
            "<head>\n<meta property=\"og:title\" content=\"T\">\n<p>og:image in text stays</p>\n</head>\n"
        );
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }

    #[test]
    fn removes_only_the_marked_element() {
        let mut html =
            "<link rel=\"stylesheet\" href=\"a.css\"><link rel=\"stylesheet\" href=\"b.css\">"
                .to_string();
        remove_element(&mut html, "<link rel=\"stylesheet\"", "b.css", ">").unwrap();
        assert_eq!(html, "<link rel=\"stylesheet\" href=\"a.css\">");
        assert!(remove_element(&mut html, "<link rel=\"stylesheet\"", "c.css", ">").is_err());
        assert!(inline_safe("x</script>", "</script").is_err());
    }
}
