//! fuzz: runs the std-only fuzzer in `fuzz/` (crate escalation-fuzz) over every parser that
//! takes outside input, each for a bounded time. Needs only cargo: no nightly, no cargo-fuzz.
//! Arguments pass through: `--seconds N`, `--seed N`, target names, `--replay`, `--list`.

use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    let root = crate::tools::project_root();
    println!(
        "$ cargo run --profile fuzz -p escalation-fuzz -- {}",
        args.join(" ")
    );
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&root)
        .args([
            "run",
            "--quiet",
            "--profile",
            "fuzz",
            "-p",
            "escalation-fuzz",
            "--",
        ])
        .args(args)
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "fuzzing found a failure or could not run ({status})"
        ))
    }
}
