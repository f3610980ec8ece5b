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
    let mut fuzz = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    fuzz.current_dir(&root)
        .args([
            "run",
            "--quiet",
            "--profile",
            "fuzz",
            "-p",
            "escalation-fuzz",
            "--",
        ])
        .args(args);
    crate::tools::checked(fuzz, "fuzzing (a failure, or it could not run)")
}
