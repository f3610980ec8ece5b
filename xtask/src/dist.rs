//! dist: the release bundle in dist/ — relative asset URLs so it works from any sub-path,
//! the data downloads under dist/data/, minified stylesheets and JS glue, `.gz` and `.br` beside every
//! text and wasm file (see compress.rs) — and each file's gzip -9 and brotli size.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::tools::{Need, Tools};

/// The environment variable that gives the URL the bundle will be served at.
pub const PUBLIC_URL_VAR: &str = "ESCALATION_PUBLIC_URL";

/// Builds dist/ and returns its path; with the public URL of `$ESCALATION_PUBLIC_URL`.
pub fn build(tools: &Tools) -> Result<PathBuf, String> {
    let public_url = std::env::var(PUBLIC_URL_VAR)
        .ok()
        .filter(|url| !url.trim().is_empty());
    build_at(tools, public_url.as_deref())
}

/// Builds dist/ for the bundle served at `public_url` (which the share tags and oEmbed need
/// absolute), or for anywhere; returns its path.
pub fn build_at(tools: &Tools, public_url: Option<&str>) -> Result<PathBuf, String> {
    let dist = tools.root.join("dist");
    println!("$ trunk build --release --public-url ./");
    let mut trunk = tools.command("trunk");
    trunk.args(["build", "--release", "--public-url", "./"]);
    // The post-build hooks (export-images) read it.
    match public_url {
        Some(url) => trunk.env(PUBLIC_URL_VAR, url),
        None => trunk.env_remove(PUBLIC_URL_VAR),
    };
    let status = trunk
        .status()
        .map_err(|e| format!("cannot start trunk: {e}"))?;
    if !status.success() {
        return Err(format!("trunk build failed ({status})"));
    }
    // trunk's post-build hook (Trunk.toml) has written the data downloads into dist/data/.
    if !dist.join("data").join("escalation-data.json").exists() {
        return Err(
            "dist/data/ is missing: trunk's post_build hook did not run `cargo xtask export-data`"
                .into(),
        );
    }
    let saved = crate::compress::minify_stylesheets(&dist)?;
    println!("minified the stylesheets ({saved} bytes of comments and spaces)");
    prerender(tools, &dist)?;
    share_tags(tools, &dist, public_url)?;
    let bytes = crate::offline::write(&dist, BOOT)?;
    println!(
        "wrote dist/{} ({bytes} bytes)",
        crate::offline::OFFLINE_FILE
    );
    let saved = crate::compress::minify_glue(tools, &dist)?;
    println!("minified the JS glue ({saved} bytes)");
    let count = crate::compress::precompress(&dist)?;
    println!("wrote a .gz and a .br beside each of {count} text and wasm files");
    Ok(dist)
}

const EMPTY_ROOT: &str = "<main id=\"escalation\" class=\"escalation-root\"></main>";
/// Our loader (www/boot.js) replaces trunk's inline one: no inline script, and a failed
/// start leaves the static story with a note instead of an error. A classic script, not a
/// module: it is fetched without CORS, so it runs in a sandboxed iframe too (see boot.js).
pub const BOOT: &str = "<script async src=\"./boot.js\"></script>";

/// Puts the server-side render of the page into dist/index.html, so the first paint shows
/// the first step, its chart and the navigation — and the whole story without script. Fails
/// the build if a step did not render.
fn prerender(tools: &Tools, dist: &Path) -> Result<(), String> {
    println!("$ cargo run --package escalation (prerender)");
    let out = tools
        .command("cargo")
        .args(["run", "--quiet", "--package", "escalation"])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run the prerender: {e}"))?;
    if !out.status.success() {
        return Err(format!("the prerender failed ({})", out.status));
    }
    let markup = String::from_utf8(out.stdout).map_err(|_| "the prerender wrote invalid UTF-8")?;
    let data = datakit::load_required(&tools.root.join("data")).map_err(|e| e.to_string())?;
    let story = data.story.ok_or("data/story.toml has no story")?;
    for step in &story.steps {
        if !markup.contains(&format!("data-step=\"{}\"", step.slug)) {
            return Err(format!("step `{}` could not be prerendered", step.slug));
        }
    }
    let index = dist.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    if !html.contains(EMPTY_ROOT) {
        return Err(format!(
            "dist/index.html has no `{EMPTY_ROOT}` to prerender into"
        ));
    }
    html = html.replace(EMPTY_ROOT, markup.trim());
    crate::offline::remove_element(
        &mut html,
        "<script type=\"module\">",
        "escalation.js",
        "</script>",
    )?;
    let head_end = html
        .find("</head>")
        .ok_or("dist/index.html has no </head>")?;
    html.insert_str(head_end, &format!("{BOOT}\n"));
    std::fs::write(&index, html).map_err(|e| format!("cannot write dist/index.html: {e}"))?;
    println!(
        "prerendered {} steps into dist/index.html ({} bytes of markup)",
        story.steps.len(),
        markup.len()
    );
    Ok(())
}

/// Runs the widget's binary to write what other sites read (`escalation share DIR [URL]`:
/// the chart images and the share card as SVG, the share tags, oEmbed) into
/// `target/share/`, and returns that folder.
fn render_share(tools: &Tools, public_url: Option<&str>) -> Result<PathBuf, String> {
    let out = tools.root.join("target").join("share");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("cannot clear target/share: {e}"))?;
    }
    let mut command = tools.command("cargo");
    command
        .args(["run", "--quiet", "--package", "escalation", "--", "share"])
        .arg(&out)
        .args(public_url);
    crate::tools::checked(command, "escalation share (chart images, share tags)")?;
    Ok(out)
}

/// Writes the chart images and the share card, styled, as SVG and PNG into `dir/images/`, and
/// with a public URL the oEmbed answer into `dir`: trunk's post-build hook, so that served
/// and released builds alike have them. `dir` defaults to `$TRUNK_STAGING_DIR`.
pub fn export_images(dir: Option<&str>) -> Result<(), String> {
    let dir = match (dir, std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(staging)) => PathBuf::from(staging),
        (None, None) => {
            return Err("export-images needs a folder (or $TRUNK_STAGING_DIR)".into());
        }
    };
    let tools = Tools::here();
    let public_url = std::env::var(PUBLIC_URL_VAR)
        .ok()
        .filter(|url| !url.trim().is_empty());
    let share = render_share(&tools, public_url.as_deref())?;
    let mut pictures = Vec::new();
    let images = share.join("images");
    let mut entries: Vec<_> = std::fs::read_dir(&images)
        .map_err(|e| format!("cannot read {}: {e}", images.display()))?
        .flatten()
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        let svg = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        pictures.push((format!("images/{name}"), svg));
    }
    let written = crate::images::write_images(
        &dir,
        &tools.root,
        &crate::tools::font_dir(&tools.root),
        &pictures,
    )?;
    println!(
        "wrote {} chart images and the share card, as SVG and PNG",
        pictures.len() - 1
    );
    let _ = written;
    let oembed = share.join("oembed.json");
    if oembed.exists() {
        std::fs::copy(&oembed, dir.join("oembed.json"))
            .map_err(|e| format!("cannot copy oembed.json: {e}"))?;
    }
    Ok(())
}

/// Puts the share tags (Open Graph, Twitter card, oEmbed discovery) into dist/index.html's
/// head; without a public URL, says which ones it left out.
fn share_tags(tools: &Tools, dist: &Path, public_url: Option<&str>) -> Result<(), String> {
    let share = render_share(tools, public_url)?;
    let tags = std::fs::read_to_string(share.join("head.html"))
        .map_err(|e| format!("cannot read the share tags: {e}"))?;
    let index = dist.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    let head_end = html
        .find("</head>")
        .ok_or("dist/index.html has no </head>")?;
    html.insert_str(
        head_end,
        &format!(
            "{}
",
            tags.trim()
        ),
    );
    std::fs::write(&index, html).map_err(|e| format!("cannot write dist/index.html: {e}"))?;
    match public_url {
        Some(url) => println!("share tags and oEmbed for {url}"),
        None => {
            let left_out = std::fs::read_to_string(share.join("left-out.txt")).unwrap_or_default();
            println!(
                "no public URL (--public-url or ${PUBLIC_URL_VAR}): left out {}, which need absolute URLs",
                left_out.trim()
            );
        }
    }
    Ok(())
}

/// Where the e2e tests' copy of the bundle goes: dist/ with the wasm built with the
/// `test-hooks` feature (exports the release bundle must not have).
pub const TEST_DIST: &str = "target/dist-test";

/// Copies the built `dist` into [`TEST_DIST`] and replaces its wasm and JS glue with a build
/// that has the `test-hooks` feature. Returns the copy's path.
pub fn build_test_variant(tools: &Tools, dist: &Path) -> Result<PathBuf, String> {
    let copy = tools.root.join(TEST_DIST);
    if copy.exists() {
        std::fs::remove_dir_all(&copy).map_err(|e| format!("cannot clear {TEST_DIST}: {e}"))?;
    }
    copy_dir(dist, &copy).map_err(|e| format!("cannot copy dist/ to {TEST_DIST}: {e}"))?;
    println!("$ cargo build --release --target wasm32-unknown-unknown --features test-hooks");
    let status = tools
        .command("cargo")
        .args([
            "build",
            "--release",
            "--package",
            "escalation",
            "--bin",
            "escalation",
            "--target",
            crate::tools::WASM_TARGET,
            "--features",
            "test-hooks",
        ])
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the test-hooks wasm did not build ({status})"));
    }
    let wasm = tools
        .root
        .join("target")
        .join(crate::tools::WASM_TARGET)
        .join("release")
        .join("escalation.wasm");
    println!("$ wasm-bindgen --target web --no-typescript (test-hooks) into {TEST_DIST}");
    let status = tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&copy)
        .arg(&wasm)
        .status()
        .map_err(|e| format!("cannot start wasm-bindgen: {e}"))?;
    if !status.success() {
        return Err(format!(
            "wasm-bindgen failed on the test-hooks wasm ({status})"
        ));
    }
    Ok(copy)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Writes the dataset downloads (JSON and one CSV per table) into `dir`, or into
/// `$TRUNK_STAGING_DIR/data` when run as trunk's hook.
pub fn export_data(dir: Option<&str>) -> Result<(), String> {
    let dir = match (dir, std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(staging)) => PathBuf::from(staging).join("data"),
        (None, None) => return Err("export-data needs a folder (or $TRUNK_STAGING_DIR)".into()),
    };
    let root = crate::tools::project_root();
    let dataset = datakit::load_required(&root.join("data")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("escalation-data.json", &datakit::export::to_json(&dataset))?;
    for (name, text) in datakit::export::to_csv_files(&dataset) {
        write(name, &text)?;
    }
    Ok(())
}

/// The size of `path` after `gzip -9`.
pub fn gzip_size(path: &Path) -> Result<u64, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(crate::compress::gzip(&bytes)?.len() as u64)
}

/// `--public-url URL`, else `$ESCALATION_PUBLIC_URL`, else none.
fn public_url(args: &[String]) -> Result<Option<String>, String> {
    let given = match args {
        [] => None,
        [flag, url] if flag == "--public-url" => Some(url.clone()),
        _ => return Err("usage: cargo xtask dist [--public-url URL]".into()),
    };
    Ok(given.or_else(|| {
        std::env::var(PUBLIC_URL_VAR)
            .ok()
            .filter(|url| !url.trim().is_empty())
    }))
}

pub fn run(args: &[String]) -> Result<PathBuf, String> {
    let public_url = public_url(args)?;
    let tools = Tools::ensure(Need::Build)?;
    let dist = build_at(&tools, public_url.as_deref())?;
    let mut files = Vec::new();
    crate::compress::files_under(&dist, &mut files)
        .map_err(|e| format!("cannot list dist/: {e}"))?;
    // The precompressed copies are listed as their originals' columns.
    files.retain(|f| !matches!(f.extension().and_then(|e| e.to_str()), Some("gz" | "br")));
    files.sort();
    println!(
        "\n{:>10} {:>10} {:>10}  file",
        "bytes", "gzip -9", "brotli 11"
    );
    let (mut raw_total, mut gz_total, mut br_total) = (0, 0, 0);
    let size = |path: &Path| std::fs::metadata(path).map(|m| m.len()).ok();
    for file in &files {
        let raw = size(file).unwrap_or(0);
        // The .gz written beside it is the same gzip -9; files without one are gzipped here.
        let gz = match size(&crate::compress::with_suffix(file, ".gz")) {
            Some(gz) => gz,
            None => gzip_size(file)?,
        };
        // Files a host sends as they are (PNG) count as themselves.
        let br = size(&crate::compress::with_suffix(file, ".br")).unwrap_or(raw);
        raw_total += raw;
        gz_total += gz;
        br_total += br;
        println!(
            "{raw:>10} {gz:>10} {br:>10}  {}",
            file.strip_prefix(&dist).unwrap_or(file).display()
        );
    }
    println!("{raw_total:>10} {gz_total:>10} {br_total:>10}  total");
    Ok(dist)
}
