//! dist: the release bundle in dist/ — relative asset URLs so it works from any sub-path,
//! the data downloads under dist/data/ — and the gzip -9 size of each file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::tools::{Need, Tools};

/// Builds dist/ and returns its path.
pub fn build(tools: &Tools) -> Result<PathBuf, String> {
    let dist = tools.root.join("dist");
    println!("$ trunk build --release --public-url ./");
    let status = tools
        .command("trunk")
        .args(["build", "--release", "--public-url", "./"])
        .status()
        .map_err(|e| format!("cannot start trunk: {e}"))?;
    if !status.success() {
        return Err(format!("trunk build failed ({status})"));
    }
    // trunk's post-build hook (Trunk.toml) has written the data downloads into dist/data/.
    if !dist.join("data").join("escalation-data.json").exists() {
        return Err(
            "dist/data/ is missing: trunk's post_build hook did not run `cargo xtask export-data`"
                .into(),
        );
    }
    let bytes = crate::offline::write(&dist)?;
    println!(
        "wrote dist/{} ({bytes} bytes)",
        crate::offline::OFFLINE_FILE
    );
    Ok(dist)
}

/// Writes the dataset downloads (JSON and one CSV per table) into `dir`, or into
/// `$TRUNK_STAGING_DIR/data` when run as trunk's hook.
pub fn export_data(dir: Option<&str>) -> Result<(), String> {
    let dir = match (dir, std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(staging)) => PathBuf::from(staging).join("data"),
        (None, None) => return Err("export-data needs a folder (or $TRUNK_STAGING_DIR)".into()),
    };
    let root = crate::tools::project_root();
    let dataset = datakit::load_required(&root.join("data")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("escalation-data.json", &datakit::export::to_json(&dataset))?;
    for (name, text) in datakit::export::to_csv_files(&dataset) {
        write(name, &text)?;
    }
    Ok(())
}

/// The size of `path` after `gzip -9`.
pub fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .arg(path)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    Ok(out.stdout.len() as u64)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

pub fn run() -> Result<PathBuf, String> {
    let tools = Tools::ensure(Need::Build)?;
    let dist = build(&tools)?;
    let mut files = Vec::new();
    files_under(&dist, &mut files).map_err(|e| format!("cannot list dist/: {e}"))?;
    files.sort();
    println!("\n{:>10} {:>10}  file", "bytes", "gzip -9");
    let (mut raw_total, mut gz_total) = (0, 0);
    for file in &files {
        let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let gz = gzip_size(file)?;
        raw_total += raw;
        gz_total += gz;
        println!(
            "{raw:>10} {gz:>10}  {}",
            file.strip_prefix(&dist).unwrap_or(file).display()
        );
    }
    println!("{raw_total:>10} {gz_total:>10}  total");
    Ok(dist)
}
