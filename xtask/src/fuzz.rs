//! fuzz: long runs of the property tests. Each target is a module of `tests/properties.rs`
//! (`mount-options` is `mount_options`) whose properties `cargo test` runs on a few hundred
//! cases from a fixed seed; here they run on fresh cases for as long as asked.
//!
//! `cargo xtask fuzz [--seconds N] [TARGET...]` builds the property tests once, optimised
//! (`--profile proptest`), then runs each target's module (every target by default) in batches
//! until N seconds (default 30) have passed: each batch is one run of the test binary with
//! proptest's `PROPTEST_CASES` (sized from the last batch's speed, so a batch lasts a few
//! seconds) and a fresh `PROPTEST_RNG_SEED`. A failure ends its target: proptest shrinks
//! it, the test prints the smallest failing input, and its seed is saved in
//! `target/fuzz/<target>/failures.txt`, which every later run of that target tries first —
//! `cargo test` too, so a failure stays red until it is fixed and the file deleted.
//!
//! `--replay TARGET FILE` runs TARGET's properties on the cases saved in FILE and no others
//! (`PROPTEST_CASES=0`; the tests read FILE from `ESCALATION_REPLAY`). proptest saves a
//! case as the seed it was generated from, so a saved case replays as long as the
//! strategies that made it are unchanged. `--list` names the targets.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The targets, in the order of their modules in tests/properties.rs, and what each covers.
const TARGETS: [(&str, &str); 7] = [
    ("url", "parse_url: any query string and hash"),
    (
        "mount-options",
        "parse_pairs over mount() options: any keys and typed values",
    ),
    ("message", "parse_incoming: any message type and step value"),
    (
        "step-name",
        "step_from_hash and step_from_value: any text names a step or none",
    ),
    (
        "numbers",
        "plausible_height, action_for_swipe and the cursor: any floats and actions",
    ),
    (
        "outgoing",
        "outgoing: every message to the host is JSON that reads back, whatever its id and src",
    ),
    (
        "data-files",
        "datakit's checker over edited data files: a dataset, or errors naming file and line",
    ),
];

const HELP: &str = "\
cargo xtask fuzz [--seconds N] [TARGET...]   run each target's properties for N seconds (default 30)
cargo xtask fuzz --replay TARGET FILE        run TARGET's properties on the cases saved in FILE
cargo xtask fuzz --list                      name the targets
";

/// How long a batch should take: long enough that starting the binary costs nothing, short
/// enough that the last one ends near the deadline.
const BATCH: Duration = Duration::from_secs(3);

/// How long proptest may spend shrinking a failure, in milliseconds, and in steps. (Left
/// alone, proptest allows four steps per case: none at all when replaying.)
const SHRINK_MS: &str = "60000";
const SHRINK_STEPS: &str = "1000000";

pub fn run(args: &[String]) -> Result<(), String> {
    let mut seconds = 30;
    let mut names = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or(format!("--seconds needs a whole number\n\n{HELP}"))?;
            }
            "--list" => {
                for (name, about) in TARGETS {
                    println!("{name:<14} {about}");
                }
                return Ok(());
            }
            "--replay" => {
                let (Some(name), Some(file)) = (args.next(), args.next()) else {
                    return Err(format!("--replay needs a target and a file\n\n{HELP}"));
                };
                return replay(target(name)?, Path::new(file));
            }
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            name if !name.starts_with('-') => names.push(target(name)?),
            other => return Err(format!("unknown flag `{other}`\n\n{HELP}")),
        }
    }
    if names.is_empty() {
        names = TARGETS.iter().map(|(name, _)| *name).collect();
    }
    let tests = build()?;
    println!(
        "fuzzing {} target(s), {seconds} s each, with {}",
        names.len(),
        tests.display()
    );
    let mut failed = Vec::new();
    for name in names {
        if !fuzz(&tests, name, Duration::from_secs(seconds))? {
            failed.push(name);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzzing found a failure in: {}", failed.join(", ")))
    }
}

fn target(name: &str) -> Result<&'static str, String> {
    TARGETS
        .iter()
        .map(|(target, _)| *target)
        .find(|target| *target == name)
        .ok_or(format!("no target `{name}` (try --list)"))
}

/// The libtest filter that selects a target's properties: its module's path prefix.
fn filter(target: &str) -> String {
    format!("{}::", target.replace('-', "_"))
}

/// Where a target's failures are saved (the tests' `config` writes them).
fn failures_file(target: &str) -> PathBuf {
    Path::new("target/fuzz").join(target).join("failures.txt")
}

/// Builds the property tests optimised and returns the test binary.
fn build() -> Result<PathBuf, String> {
    let args = [
        "test",
        "--profile",
        "proptest",
        "--test",
        "properties",
        "--no-run",
    ];
    println!("$ cargo {}", args.join(" "));
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(crate::tools::project_root())
        .args(args)
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !output.status.success() {
        return Err("building the property tests failed".into());
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "properties")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .ok_or("cargo built no property test binary".into())
}

/// The test binary, set to run `target`'s properties on `cases` new cases each.
fn properties(tests: &Path, target: &str, cases: u64) -> Command {
    let mut command = Command::new(tests);
    command
        .current_dir(crate::tools::project_root())
        .args([&filter(target), "--quiet"])
        .env("PROPTEST_CASES", cases.to_string())
        .env("PROPTEST_MAX_SHRINK_TIME", SHRINK_MS)
        .env("PROPTEST_MAX_SHRINK_ITERS", SHRINK_STEPS)
        .env_remove("ESCALATION_REPLAY");
    command
}

fn output(mut command: Command) -> Result<Output, String> {
    command
        .output()
        .map_err(|e| format!("cannot run the property tests: {e}"))
}

/// How many properties `target` has: a target without any would pass without testing.
fn count(tests: &Path, target: &str) -> Result<u64, String> {
    let mut list = properties(tests, target, 0);
    list.arg("--list");
    let listed = String::from_utf8_lossy(&output(list)?.stdout).into_owned();
    match listed.lines().filter(|l| l.ends_with(": test")).count() {
        0 => Err(format!(
            "target `{target}` has no properties: tests/properties.rs needs a module `{}`",
            filter(target).trim_end_matches("::")
        )),
        n => Ok(n as u64),
    }
}

/// Runs `target`'s properties in batches of fresh cases until `time` has passed; false if
/// one failed.
fn fuzz(tests: &Path, target: &str, time: Duration) -> Result<bool, String> {
    let properties_count = count(tests, target)?;
    let started = Instant::now();
    let (mut cases, mut total, mut batches) = (16u64, 0u64, 0u64);
    loop {
        let seed = RandomState::new().hash_one(batches);
        let mut batch = properties(tests, target, cases);
        batch.env("PROPTEST_RNG_SEED", seed.to_string());
        let batch_started = Instant::now();
        let out = output(batch)?;
        let took = batch_started.elapsed();
        batches += 1;
        if !out.status.success() {
            println!("FAIL  {target:<14} in batch {batches} (PROPTEST_RNG_SEED={seed}):");
            print_failure(&out);
            let file = failures_file(target);
            println!(
                "      saved: {} (replay: cargo xtask fuzz --replay {target} {})",
                file.display(),
                file.display()
            );
            return Ok(false);
        }
        total += cases * properties_count;
        let left = time.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        // Size the next batch from this one's speed, to last BATCH or what time is left.
        let per_case = took.as_secs_f64() / cases as f64;
        cases = ((left.min(BATCH).as_secs_f64() / per_case) as u64).clamp(1, 10_000_000);
    }
    let properties = if properties_count == 1 {
        "property"
    } else {
        "properties"
    };
    println!(
        "ok    {target:<14} {properties_count} {properties:<10} {total:>9} cases in {batches:>3} batches, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(true)
}

/// Prints what the tests said about a failure — proptest's report with the smallest input —
/// leaving out libtest's progress lines and summary.
fn print_failure(out: &Output) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report = stdout
        .lines()
        .skip_while(|line| !line.starts_with("---- "))
        .take_while(|line| *line != "failures:");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in report.chain(stderr.lines()) {
        println!("      {line}");
    }
}

/// Runs `target`'s properties on the cases saved in `file`, and no new ones.
fn replay(target: &str, file: &Path) -> Result<(), String> {
    let file = std::path::absolute(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let saved = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let cases = saved.lines().filter(|l| l.starts_with("cc ")).count();
    if cases == 0 {
        return Err(format!(
            "{} holds no saved case (proptest's `cc <seed>` lines)",
            file.display()
        ));
    }
    let tests = build()?;
    let mut command = properties(&tests, target, 0);
    command.env("ESCALATION_REPLAY", &file);
    let out = output(command)?;
    if out.status.success() {
        println!(
            "{target}: the {cases} case(s) saved in {} pass",
            file.display()
        );
        Ok(())
    } else {
        print_failure(&out);
        Err(format!(
            "{target}: a case saved in {} fails",
            file.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_is_a_module_of_the_property_tests() {
        let properties = include_str!("../../tests/properties.rs");
        let modules: Vec<&str> = properties
            .lines()
            .filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(" {"))
            .collect();
        let targets: Vec<String> = TARGETS
            .iter()
            .map(|(name, _)| filter(name).trim_end_matches("::").to_string())
            .collect();
        assert_eq!(modules, targets);
    }
}
