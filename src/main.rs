//! The widget's entry point. In the browser it starts the app through `embed`. Natively it
//! prints the page's server-side render, which `cargo xtask dist` puts into dist/index.html;
//! given `share DIR [PUBLIC_URL]`, it writes what the build adds for other sites into DIR: the
//! chart images and the share card as SVG (`images/`), the head's share tags (`head.html`)
//! and, with a public URL, the oEmbed answer (`oembed.json`) — without one, what it left out
//! (`left-out.txt`). See `escalation::render_images`
//! and `app::share`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    escalation::embed::start();
    #[cfg(not(target_arch = "wasm32"))]
    native();
}

#[cfg(not(target_arch = "wasm32"))]
fn native() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => println!("{}", escalation::render_page()),
        [share, dir, rest @ ..] if share == "share" && rest.len() <= 1 => {
            if let Err(error) = write_share(std::path::Path::new(dir), rest.first()) {
                eprintln!("escalation: {error}");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!(
                "usage: escalation                         print the prerendered page\n       \
                 escalation share DIR [PUBLIC_URL]  write the chart images, the share tags and (with a URL) oembed.json under DIR"
            );
            std::process::exit(2);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_share(dir: &std::path::Path, public_url: Option<&String>) -> Result<(), String> {
    use escalation::app::share;
    let folder = public_url
        .map(|url| share::public_folder(url))
        .transpose()?;
    let write = |path: &str, text: &str| {
        let file = dir.join(path);
        file.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&file, text))
            .map_err(|e| format!("cannot write {}: {e}", file.display()))
    };
    for (path, svg) in escalation::render_images() {
        write(&path, &svg)?;
    }
    write("head.html", &share::head_tags(folder.as_deref()))?;
    match &folder {
        Some(folder) => {
            let oembed = serde_json::to_string_pretty(&share::oembed(folder))
                .map_err(|e| format!("cannot write the oEmbed answer: {e}"))?;
            write(share::OEMBED_FILE, &oembed)
        }
        None => write("left-out.txt", &share::NEEDS_PUBLIC_URL.join(", ")),
    }
}
