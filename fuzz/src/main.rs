//! The `cargo xtask fuzz` runner: fuzzes each named target (all by default) for a bounded
//! time, saves any failing input under target/fuzz/<target>/, and replays saved inputs.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use escalation_fuzz::engine::{Budget, fuzz, run_once, signature};
use escalation_fuzz::targets::TARGETS;

const HELP: &str = "\
escalation-fuzz [--seconds N] [--seed N] [TARGET...]   fuzz each target for N seconds (default 30)
escalation-fuzz --replay TARGET FILE                   run one saved input again
escalation-fuzz --list                                 name the targets
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("fuzz: {message}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<bool, String> {
    let mut seconds = 30u64;
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut names = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => seconds = number(args.next(), "--seconds")?,
            "--seed" => seed = number(args.next(), "--seed")?,
            "--list" => {
                for t in TARGETS {
                    println!("{:<14} {}", t.name, t.about);
                }
                return Ok(true);
            }
            "--replay" => {
                let (name, file) = (
                    args.next().ok_or("--replay needs a target")?,
                    args.next().ok_or("--replay needs a file")?,
                );
                let target = TARGETS
                    .iter()
                    .find(|t| t.name == name)
                    .ok_or(format!("no target `{name}`"))?;
                let input = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
                return Ok(match run_once(target, &input) {
                    Ok(_) => {
                        println!("{name}: {file} is handled");
                        true
                    }
                    Err(reason) => {
                        println!("{name}: {file} fails: {reason}");
                        false
                    }
                });
            }
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(true);
            }
            name if !name.starts_with('-') => names.push(name.to_string()),
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    let targets: Vec<_> = if names.is_empty() {
        TARGETS.iter().collect()
    } else {
        names
            .iter()
            .map(|n| {
                TARGETS
                    .iter()
                    .find(|t| t.name == n)
                    .ok_or(format!("no target `{n}` (try --list)"))
            })
            .collect::<Result<_, _>>()?
    };
    // Failures are reported with their input; the default hook would print every caught panic.
    std::panic::set_hook(Box::new(|_| {}));
    let budget = Budget {
        iterations: u64::MAX,
        time: Duration::from_secs(seconds),
    };
    println!(
        "fuzzing {} target(s), {seconds} s each, seed {seed}",
        targets.len()
    );
    let mut all_ok = true;
    for target in targets {
        let report = fuzz(target, budget, seed);
        match report.failure {
            None => println!(
                "ok    {:<14} {:>9} inputs, {:>4} kept, {:>4} outcomes",
                target.name, report.iterations, report.corpus, report.signatures
            ),
            Some(failure) => {
                all_ok = false;
                let dir = PathBuf::from("target/fuzz").join(target.name);
                let file = dir.join(format!("crash-{:016x}", signature(&failure.input)));
                let saved = std::fs::create_dir_all(&dir)
                    .and_then(|_| std::fs::write(&file, &failure.input));
                println!(
                    "FAIL  {:<14} after {} inputs: {}",
                    target.name, report.iterations, failure.reason
                );
                println!("      input: {:?}", String::from_utf8_lossy(&failure.input));
                match saved {
                    Ok(()) => println!(
                        "      saved: {} (replay: cargo xtask fuzz --replay {} {})",
                        file.display(),
                        target.name,
                        file.display()
                    ),
                    Err(e) => println!("      could not save it: {e}"),
                }
            }
        }
    }
    Ok(all_ok)
}

fn number(value: Option<String>, flag: &str) -> Result<u64, String> {
    value
        .as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or(format!("{flag} needs a whole number"))
}
