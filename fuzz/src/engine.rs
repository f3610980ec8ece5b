//! engine: a small mutation fuzzer on stable Rust, with no dependencies. It keeps a corpus
//! per target, mutates inputs from it (bit flips, byte edits, dictionary splices, crossover),
//! and keeps each input that gives an outcome not seen before — the outcome signature stands
//! in for the coverage feedback cargo-fuzz gets from nightly-only instrumentation. Panics and
//! broken invariants are failures; each is saved so it can be replayed.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// What one run of a target says about its input.
pub enum Verdict {
    /// Handled; the signature summarises the outcome (new signatures grow the corpus).
    Ok(u64),
    /// An invariant broke: the parser gave an invalid state.
    Broken(String),
}

/// A parser under test: seeds to start from, tokens worth splicing in, and the check itself.
pub struct Target {
    pub name: &'static str,
    pub about: &'static str,
    pub seeds: fn() -> Vec<Vec<u8>>,
    pub dictionary: &'static [&'static str],
    pub run: fn(&[u8]) -> Verdict,
}

/// When to stop: after `iterations` inputs, or when `time` has passed, whichever is first.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub iterations: u64,
    pub time: Duration,
}

/// A failing input and why it failed.
#[derive(Debug, Clone)]
pub struct Failure {
    pub input: Vec<u8>,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub iterations: u64,
    pub corpus: usize,
    pub signatures: usize,
    pub failure: Option<Failure>,
}

/// xorshift64*: fast, seedable, and good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A value in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Largest input the mutator makes; the parsers' inputs are URLs, options and data files.
pub const MAX_INPUT: usize = 64 * 1024;

const INTERESTING_BYTES: &[u8] = &[
    0, 0x1e, 0x1f, b'%', b'&', b'=', b'#', b'"', b'\\', b'\n', 0x7f, 0x80, 0xc3, 0xe2, 0xff,
];

/// One to four random edits of `input`, sometimes splicing in `other` or a dictionary token.
pub fn mutate(input: &[u8], other: &[u8], dictionary: &[&str], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = INTERESTING_BYTES[rng.below(INTERESTING_BYTES.len())];
            }
            2 => out.insert(at, INTERESTING_BYTES[rng.below(INTERESTING_BYTES.len())]),
            3 if !out.is_empty() => {
                let len = 1 + rng.below(out.len().min(16));
                let start = rng.below(out.len() - len + 1);
                out.drain(start..start + len);
            }
            4 | 5 if !dictionary.is_empty() => {
                let token = dictionary[rng.below(dictionary.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            6 if !other.is_empty() => {
                let start = rng.below(other.len());
                let len = 1 + rng.below((other.len() - start).min(64));
                out.splice(at..at, other[start..start + len].iter().copied());
            }
            _ if !out.is_empty() => {
                let len = 1 + rng.below(out.len().min(32));
                let start = rng.below(out.len() - len + 1);
                let chunk = out[start..start + len].to_vec();
                out.splice(at..at, chunk);
            }
            _ => out.push(rng.next_u64() as u8),
        }
    }
    out.truncate(MAX_INPUT);
    out
}

/// Runs `target` once on `input`, turning a panic into a failure.
pub fn run_once(target: &Target, input: &[u8]) -> Result<u64, String> {
    match catch_unwind(AssertUnwindSafe(|| (target.run)(input))) {
        Ok(Verdict::Ok(signature)) => Ok(signature),
        Ok(Verdict::Broken(why)) => Err(format!("invariant broken: {why}")),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            Err(format!("panicked: {message}"))
        }
    }
}

/// Fuzzes `target` within `budget`, from `seed`. Stops at the first failure.
pub fn fuzz(target: &Target, budget: Budget, seed: u64) -> Report {
    let mut rng = Rng::new(seed);
    let mut corpus: Vec<Vec<u8>> = (target.seeds)();
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }
    let mut seen = HashSet::new();
    let started = Instant::now();
    let mut iterations = 0;
    let fail =
        |input: &[u8], reason: String, iterations, corpus: &Vec<Vec<u8>>, seen: &HashSet<u64>| {
            Report {
                iterations,
                corpus: corpus.len(),
                signatures: seen.len(),
                failure: Some(Failure {
                    input: input.to_vec(),
                    reason,
                }),
            }
        };
    for input in corpus.clone() {
        iterations += 1;
        match run_once(target, &input) {
            Ok(signature) => {
                seen.insert(signature);
            }
            Err(reason) => return fail(&input, reason, iterations, &corpus, &seen),
        }
    }
    while iterations < budget.iterations
        && (iterations % 64 != 0 || started.elapsed() < budget.time)
    {
        let base = &corpus[rng.below(corpus.len())];
        let other = &corpus[rng.below(corpus.len())];
        let input = mutate(base, other, target.dictionary, &mut rng);
        iterations += 1;
        match run_once(target, &input) {
            Ok(signature) => {
                if seen.insert(signature) && corpus.len() < 4096 {
                    corpus.push(input);
                }
            }
            Err(reason) => return fail(&input, reason, iterations, &corpus, &seen),
        }
    }
    Report {
        iterations,
        corpus: corpus.len(),
        signatures: seen.len(),
        failure: None,
    }
}

/// A stable 64-bit signature of an outcome, for novelty.
pub fn signature(outcome: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    outcome.hash(&mut hasher);
    hasher.finish()
}

/// Reads bytes as a sequence of fields: splits `input` at the separator byte.
pub fn fields(input: &[u8], separator: u8) -> impl Iterator<Item = &[u8]> {
    input.split(move |&b| b == separator)
}

/// An f64 from up to 8 bytes (little-endian, zero-padded): reaches NaN, infinities, -0.
pub fn f64_from(bytes: &[u8]) -> f64 {
    let mut raw = [0u8; 8];
    let n = bytes.len().min(8);
    raw[..n].copy_from_slice(&bytes[..n]);
    f64::from_le_bytes(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needle(input: &[u8]) -> Verdict {
        if input.windows(6).any(|w| w == b"go-to=") {
            panic!("found the planted bug");
        }
        Verdict::Ok(signature(input.len().min(16)))
    }

    #[test]
    fn finds_a_planted_panic_and_reports_its_input() {
        let target = Target {
            name: "planted",
            about: "panics on a dictionary token followed by '='",
            seeds: || vec![b"step=1".to_vec()],
            dictionary: &["go-to"],
            run: needle,
        };
        let budget = Budget {
            iterations: 200_000,
            time: Duration::from_secs(30),
        };
        let report = fuzz(&target, budget, 7);
        let failure = report.failure.expect("the planted bug is found");
        assert!(
            failure.reason.contains("found the planted bug"),
            "{}",
            failure.reason
        );
        assert!(failure.input.windows(6).any(|w| w == b"go-to="));
    }

    #[test]
    fn mutations_stay_bounded_and_vary() {
        let mut rng = Rng::new(1);
        let mut distinct = HashSet::new();
        for _ in 0..1000 {
            let out = mutate(b"theme=dark", b"step=3", &["#step-"], &mut rng);
            assert!(out.len() <= MAX_INPUT);
            distinct.insert(out);
        }
        assert!(
            distinct.len() > 500,
            "only {} distinct mutations",
            distinct.len()
        );
    }

    #[test]
    fn floats_cover_the_awkward_values() {
        assert!(f64_from(&f64::NAN.to_le_bytes()).is_nan());
        assert_eq!(f64_from(&[]), 0.0);
        assert_eq!(f64_from(&f64::INFINITY.to_le_bytes()), f64::INFINITY);
    }
}
