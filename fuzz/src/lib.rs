//! escalation-fuzz: bounded fuzzing on stable Rust for every parser that takes input from
//! outside — a host page, a reader, or a data editor. `engine` is the mutation fuzzer;
//! `targets` holds one target per parser with the invariants it must keep. Run it with
//! `cargo xtask fuzz`; `cargo test` runs each target briefly from a fixed seed.

pub mod engine;
pub mod targets;
