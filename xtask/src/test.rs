//! test: every tier in order, stopping at the first that fails, one line per tier and a final
//! `N passed, N failed` line.
//!
//! a. lint: rustfmt and clippy (native and wasm32), warnings denied; cargo deny (deny.toml);
//! b. native: `cargo test` for the workspace (logic, data, server-side renders, chart
//!    snapshots, the tidy test), with insta told never to write or accept a snapshot;
//! c. browser: wasm-bindgen-test in headless Chromium (tests/browser.rs);
//! d. e2e: a release bundle served on loopback, driven by playwright-core (tests/e2e/).

use std::process::Command;
use std::time::Instant;

use crate::dist;
use crate::tools::{CHROMEDRIVER, CHROMIUM, Need, Tools, WASM_TARGET};

struct Tier {
    name: &'static str,
    run: fn(&Tools) -> Result<(), String>,
}

const TIERS: [Tier; 4] = [
    Tier {
        name: "a. lint (rustfmt, clippy)",
        run: lint,
    },
    Tier {
        name: "b. native (cargo test, SSR)",
        run: native,
    },
    Tier {
        name: "c. browser (wasm-bindgen-test)",
        run: browser,
    },
    Tier {
        name: "d. e2e (release bundle, Chromium)",
        run: e2e,
    },
];

fn check(command: Command, what: &str) -> Result<(), String> {
    println!("$ {what}");
    crate::tools::checked(command, what)
}

fn cargo(tools: &Tools, args: &[&str]) -> Result<(), String> {
    let mut command = tools.command("cargo");
    command.args(args);
    check(command, &format!("cargo {}", args.join(" ")))
}

fn lint(tools: &Tools) -> Result<(), String> {
    cargo(tools, &["fmt", "--all", "--check"])?;
    cargo(
        tools,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    cargo(
        tools,
        &[
            "clippy",
            "--package",
            "escalation",
            "--all-targets",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ],
    )?;
    deny(tools)
}

/// The supply chain of every workspace crate (the widget, the data checker, the domain crate
/// and xtask, which builds what we ship), from deny.toml: licences, bans and sources offline; advisories against the
/// RustSec database, which lives on GitHub — fetched where the network allows, and skipped
/// with a loud line where it does not (this workplace's machines reach only the package
/// registries).
fn deny(tools: &Tools) -> Result<(), String> {
    // `--offline` reads every crate in Cargo.lock from cargo's cache, those of other platforms
    // too (hermit-abi, …), which no build here downloads: on a fresh machine, fetch them first
    // (crates.io is reachable; a second run downloads nothing).
    cargo(tools, &["fetch", "--locked"])?;
    let mut fetch = tools.command("cargo");
    fetch.args(["deny", "fetch", "db"]);
    let fetched = fetch
        .output()
        .map(|out| out.status.success())
        .unwrap_or(false);
    let cached = advisory_db_cached(&crate::tools::cargo_home().join("advisory-dbs"));
    let checks: &[&str] = if fetched || cached {
        &["deny", "--offline", "--workspace", "check"]
    } else {
        eprintln!(
            "SKIPPED: cargo deny's advisories check: the RustSec advisory database could not be fetched \
             from GitHub and none is cached in cargo's home. Licences, bans and sources are still checked; run \
             `cargo deny fetch db` where GitHub is reachable to check advisories too."
        );
        &[
            "deny",
            "--offline",
            "--workspace",
            "check",
            "licenses",
            "bans",
            "sources",
        ]
    };
    cargo(tools, checks)
}

/// Whether `dir` (cargo deny's `advisory-dbs` in cargo's home) holds a usable clone of the
/// RustSec database: a git checkout with its `crates/` advisories. A failed fetch leaves a lock
/// file and may leave an empty or partial folder, which must not count.
fn advisory_db_cached(dir: &std::path::Path) -> bool {
    dir.read_dir().is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            let db = entry.path();
            db.join(".git").exists() && db.join("crates").is_dir()
        })
    })
}

fn native(tools: &Tools) -> Result<(), String> {
    // A chart snapshot that differs fails, and nothing here writes or accepts one: whatever
    // the environment or an insta config file says, a person reviews snapshot changes
    // (tests/snapshots.rs says how).
    let mut command = tools.command("cargo");
    command
        .args(["test", "--workspace"])
        .env("INSTA_UPDATE", "no")
        .env("INSTA_FORCE_PASS", "0");
    check(command, "cargo test --workspace (INSTA_UPDATE=no)")
}

fn browser(tools: &Tools) -> Result<(), String> {
    let mut command = tools.command("cargo");
    command
        .args([
            "test",
            "--package",
            "escalation",
            "--target",
            WASM_TARGET,
            "--test",
            "browser",
        ])
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    check(
        command,
        "cargo test --target wasm32-unknown-unknown --test browser (headless Chromium)",
    )
}

fn e2e(tools: &Tools) -> Result<(), String> {
    let dist_dir = dist::build(tools)?;
    let test_dist = dist::build_test_variant(tools, &dist_dir)?;
    let mut command = tools.command("node");
    command
        .args(["--test", "--test-concurrency=1", "tests/e2e/"])
        .env("ESCALATION_DIST", &dist_dir)
        .env("ESCALATION_TEST_DIST", &test_dist)
        .env("CHROMIUM_PATH", CHROMIUM);
    check(command, "node --test tests/e2e/")
}

pub fn run() -> Result<(), String> {
    let tools = Tools::ensure(Need::Test)?;
    let mut lines = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for tier in &TIERS {
        println!("\n=== tier {} ===", tier.name);
        let started = Instant::now();
        let result = (tier.run)(&tools);
        let seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(()) => {
                passed += 1;
                lines.push(format!("tier {}: passed ({seconds:.0} s)", tier.name));
            }
            Err(e) => {
                failed += 1;
                lines.push(format!("tier {}: FAILED ({seconds:.0} s): {e}", tier.name));
                break;
            }
        }
    }
    let skipped = TIERS.len() - passed - failed;
    println!();
    for tier in TIERS.iter().skip(passed + failed) {
        lines.push(format!(
            "tier {}: not run (an earlier tier failed)",
            tier.name
        ));
    }
    for line in &lines {
        println!("{line}");
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    if failed == 0 {
        Ok(())
    } else {
        Err("a test tier failed".into())
    }
}

#[cfg(test)]
mod tests {
    use super::advisory_db_cached;

    #[test]
    fn only_a_cloned_advisory_database_counts_as_cached() {
        let dir = std::env::temp_dir().join(format!("xtask-advisory-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(!advisory_db_cached(&dir), "no folder at all");
        std::fs::create_dir_all(dir.join("advisory-db-0123")).unwrap();
        std::fs::write(dir.join("db.lock"), "").unwrap();
        assert!(
            !advisory_db_cached(&dir),
            "a lock and an empty folder, as a failed fetch leaves them"
        );
        std::fs::create_dir_all(dir.join("advisory-db-0123/.git")).unwrap();
        std::fs::create_dir_all(dir.join("advisory-db-0123/crates")).unwrap();
        assert!(advisory_db_cached(&dir), "a clone with its advisories");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
