//! bench: builds the release bundle and runs tests/bench/bench.mjs, which measures it
//! against a TimelineJS reference in Chromium and writes target/bench/report.md and
//! report.json, printing each budget as PASS or FAIL. Timings live here, never in tests.
//! It also builds tests/bench/floor, a bare Yew app, for the report's size and Yew floors,
//! lists the story's events for the reference page, and installs Lighthouse for its audit.

use std::path::Path;

use crate::tools::{CHROMIUM, Need, Tools, WASM_TARGET, checked};

pub fn run() -> Result<(), String> {
    let tools = Tools::ensure(Need::Test)?;
    let dist = crate::dist::build(&tools)?;
    floor(&tools)?;
    story_events(&tools)?;
    let lighthouse = crate::tools::ensure_lighthouse(&tools)?;
    println!("$ node tests/bench/bench.mjs (about 15 minutes)");
    let mut bench = tools.command("node");
    bench
        .arg("tests/bench/bench.mjs")
        .env("ESCALATION_DIST", &dist)
        .env("CHROMIUM_PATH", CHROMIUM)
        .env("LIGHTHOUSE_CLI", &lighthouse);
    checked(bench, "the benchmark")
}

/// Builds the bare Yew app in tests/bench/floor like the widget (release profile, wasm-bindgen,
/// `wasm-opt -Oz`) and writes its gzip sizes to target/bench/floor.json for the report.
fn floor(tools: &Tools) -> Result<(), String> {
    let crate_dir = tools.root.join("tests/bench/floor");
    let out = tools.root.join("target/bench/floor");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    // The workspace's lock file, so the floor uses the same Yew and wasm-bindgen.
    std::fs::copy(tools.root.join("Cargo.lock"), crate_dir.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy Cargo.lock: {e}"))?;
    println!("$ cargo build --release (tests/bench/floor, a bare Yew app)");
    let target_dir = tools.root.join("target/bench/floor-target");
    let mut build = tools.command("cargo");
    build
        .args([
            "build",
            "--release",
            "--target",
            WASM_TARGET,
            "--manifest-path",
        ])
        .arg(crate_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir);
    checked(build, "cargo build (the bare Yew app)")?;
    let built = target_dir
        .join(WASM_TARGET)
        .join("release/escalation-floor.wasm");
    let mut bindgen = tools.command("wasm-bindgen");
    bindgen
        .arg(&built)
        .args(["--target", "web", "--out-dir"])
        .arg(&out);
    checked(bindgen, "wasm-bindgen (the bare Yew app)")?;
    let optimised = out.join("floor.wasm");
    let mut wasm_opt = tools.command("wasm-opt");
    wasm_opt
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(out.join("escalation-floor_bg.wasm"))
        .arg("-o")
        .arg(&optimised);
    checked(wasm_opt, "wasm-opt (the bare Yew app)")?;
    let wasm = crate::dist::gzip_size(&optimised)?;
    let glue = crate::dist::gzip_size(&out.join("escalation-floor.js"))?;
    write_json(&tools.root.join("target/bench/floor.json"), wasm, glue)?;
    println!("bare Yew app: {wasm} bytes of wasm and {glue} of JS glue, gzip -9");
    Ok(())
}

/// The events the story's steps show, in the story's order without repeats, written to
/// target/bench/story-events.json for the TimelineJS reference: the same events as slides.
fn story_events(tools: &Tools) -> Result<(), String> {
    let data = datakit::load_required(&tools.root.join("data")).map_err(|e| e.to_string())?;
    let story = data.story.ok_or("data/story.toml has no story")?;
    let mut ids: Vec<&str> = Vec::new();
    for event in story.steps.iter().flat_map(|step| &step.events) {
        if !ids.contains(&event.id.as_str()) {
            ids.push(&event.id);
        }
    }
    let path = tools.root.join("target/bench/story-events.json");
    let json = serde_json::to_string(&ids).map_err(|e| e.to_string())?;
    std::fs::write(&path, json + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write_json(path: &Path, wasm: u64, glue: u64) -> Result<(), String> {
    std::fs::write(
        path,
        format!("{{\"wasmGzip\": {wasm}, \"glueGzip\": {glue}}}\n"),
    )
    .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
