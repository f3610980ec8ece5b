//! Build script: checks data/*.toml with datakit and writes the checked data as Rust values
//! into OUT_DIR (`dataset.rs` for `model`, `story.rs` for `story`). A bad data file stops
//! the build with one line per problem: `error: data/figures.toml:12: …`.

use std::path::Path;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data_dir = Path::new(&manifest_dir).join("data");
    println!("cargo::rerun-if-changed=data");
    let dataset = match datakit::load_required(&data_dir) {
        Ok(dataset) => dataset,
        Err(errors) => {
            for error in &errors.0 {
                let relative = error
                    .file
                    .strip_prefix(&manifest_dir)
                    .unwrap_or(&error.file);
                let shown = datakit::DataError {
                    file: relative.to_path_buf(),
                    ..error.clone()
                };
                eprintln!("error: {shown}");
                println!("cargo::warning={shown}");
            }
            eprintln!(
                "error: data/ has {} problem(s); fix them and build again",
                errors.0.len()
            );
            std::process::exit(1);
        }
    };
    let (dataset_rs, story_rs) = datakit::to_rust_source(&dataset);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("dataset.rs"), dataset_rs)
        .expect("OUT_DIR is writable");
    std::fs::write(Path::new(&out_dir).join("story.rs"), story_rs).expect("OUT_DIR is writable");
}
