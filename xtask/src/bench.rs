//! bench: builds the release bundle and runs tests/bench/bench.mjs, which measures it
//! against a TimelineJS reference in Chromium and writes target/bench/report.md and
//! report.json, printing each budget as PASS or FAIL. Timings live here, never in tests.

use crate::tools::{CHROMIUM, Need, Tools};

pub fn run() -> Result<(), String> {
    let tools = Tools::ensure(Need::Test)?;
    let dist = crate::dist::build(&tools)?;
    println!("$ node tests/bench/bench.mjs (about 3 minutes)");
    let status = tools
        .command("node")
        .arg("tests/bench/bench.mjs")
        .env("ESCALATION_DIST", &dist)
        .env("CHROMIUM_PATH", CHROMIUM)
        .status()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the benchmark failed ({status})"))
    }
}
