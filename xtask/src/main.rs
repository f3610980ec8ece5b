//! xtask: the project's automation, in Rust (the cargo-xtask pattern). Run `cargo xtask help`.
//!
//! Each task installs what it needs first (see `tools`), so a fresh machine with only the
//! Rust toolchain, node/npm and apt can run every task with nothing done by hand.

mod basemap;
mod bench;
mod compress;
mod dist;
mod fuzz;
mod images;
mod offline;
mod serve;
mod test;
mod tools;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

Tasks:
  serve [--port N]     build and serve the widget on http://127.0.0.1:N/ (default 8080, or $ESCALATION_PORT)
  test                 install what is missing, then run every test tier (lint, native, browser, e2e)
  dist [--public-url URL]
                       build the release bundle into dist/ and print each file's gzip -9 size; with
                       the URL it will be served at (or $ESCALATION_PUBLIC_URL), also the share-card
                       image tags and oEmbed (oembed.json and its discovery tag)
  fuzz [--seconds N] [TARGET...]
                       run the property tests of every parser that takes outside input for N seconds
                       each (default 30); failures are saved under target/fuzz/ (`fuzz --list`,
                       `fuzz --replay TARGET FILE`)
  bench                measure the release bundle against TimelineJS in Chromium; writes target/bench/report.md
  export-data <dir>    write the dataset as JSON and CSV into <dir> (used by trunk's post-build hook)
  export-images [dir]  write the chart images and the share card (SVG and PNG) into <dir>/images/, and
                       with $ESCALATION_PUBLIC_URL oembed.json into <dir> (trunk's post-build hook)
  basemap [--check]    make data/basemap.json (the locator map's base) from npm world-atlas@2.0.2;
                       --check fails if the committed file differs
  setup                install the build and test tools only
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(),
        Some("dist") => dist::run(&args[1..]).map(|_| ()),
        Some("bench") => bench::run(),
        Some("basemap") => basemap::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("export-data") => dist::export_data(args.get(1).map(String::as_str)),
        Some("export-images") => dist::export_images(args.get(1).map(String::as_str)),
        Some("setup") => tools::Tools::ensure(tools::Need::Test).map(|_| ()),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
