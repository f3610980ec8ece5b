//! `cargo xtask basemap [--check]`: makes `data/basemap.json`, the locator map's projected and
//! simplified base map, from Natural Earth as npm `world-atlas@2.0.2` ships it
//! (`node_modules/world-atlas/`, a devDependency in package.json: `npm ci` installs it). The
//! work is datakit's (`datakit::map::build_basemap`); this only reads and writes the files.
//! `--check` writes nothing and fails when the committed file differs from a fresh one.

use std::path::{Path, PathBuf};

/// Where the committed derivative lives.
pub fn committed(root: &Path) -> PathBuf {
    root.join("data").join("basemap.json")
}

/// The derivative as text, from the npm package under `root`.
pub fn generate(root: &Path) -> Result<String, String> {
    let package = root.join("node_modules").join("world-atlas");
    let read = |name: &str| {
        std::fs::read_to_string(package.join(name)).map_err(|e| {
            format!(
                "cannot read {}: {e} (run `npm ci` to install world-atlas@2.0.2)",
                package.join(name).display()
            )
        })
    };
    let version = read("package.json")?;
    if !version.contains("\"version\": \"2.0.2\"") {
        return Err("node_modules/world-atlas is not version 2.0.2: run `npm ci`".into());
    }
    let map = datakit::map::build_basemap(&read("countries-50m.json")?, &read("land-110m.json")?)
        .map_err(|e| e.0)?;
    Ok(to_text(&map))
}

/// One country, border or globe part a line, so a regenerated file diffs readably.
fn to_text(map: &datakit::map::BaseMapFile) -> String {
    let line = |v: &dyn erased::Json| v.json();
    let mut out = String::from("{\n");
    out.push_str(&format!("\"about\": {},\n", line(&map.about)));
    out.push_str(&format!(
        "\"width\": {},\n\"height\": {},\n",
        map.width, map.height
    ));
    let list = |items: Vec<String>| format!("[\n{}\n]", items.join(",\n"));
    out.push_str(&format!(
        "\"countries\": {},\n",
        list(map.countries.iter().map(|c| line(c)).collect())
    ));
    out.push_str(&format!(
        "\"borders\": {},\n",
        list(map.borders.iter().map(|b| line(b)).collect())
    ));
    out.push_str(&format!("\"globe\": {}\n}}\n", line(&map.globe)));
    out
}

mod erased {
    /// Any serialisable value as one line of JSON.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).expect("plain data serialises")
        }
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let root = crate::tools::project_root();
    let fresh = generate(&root)?;
    let path = committed(&root);
    if args.iter().any(|a| a == "--check") {
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old != fresh {
            return Err(format!(
                "{} differs from what world-atlas@2.0.2 gives: run `cargo xtask basemap`",
                path.display()
            ));
        }
        println!("{} matches world-atlas@2.0.2", path.display());
        return Ok(());
    }
    std::fs::write(&path, &fresh).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), fresh.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The committed derivative is what the npm package gives today. Without the package
    /// (`npm ci` not run) it fails on CI and is skipped elsewhere.
    #[test]
    fn the_committed_basemap_matches_natural_earth() {
        let root = crate::tools::project_root();
        if !root.join("node_modules/world-atlas").exists() {
            assert!(
                std::env::var_os("CI").is_none(),
                "node_modules/world-atlas is missing on CI: run `npm ci`"
            );
            eprintln!("SKIPPED: basemap check: node_modules/world-atlas is missing (run `npm ci`)");
            return;
        }
        let fresh = super::generate(&root).expect("world-atlas reads");
        let committed =
            std::fs::read_to_string(super::committed(&root)).expect("data/basemap.json");
        assert!(
            fresh == committed,
            "data/basemap.json is stale: run `cargo xtask basemap`"
        );
    }
}
