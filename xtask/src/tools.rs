//! tools: finds or installs every tool the tasks need, each at its pinned version, and says
//! what it does and roughly how long it takes. A second run installs nothing.
//!
//! Cargo-built tools (trunk, wasm-bindgen-cli, cargo-deny) go to cargo's own bin folder; wasm-opt (npm
//! `binaryen`), the chart images' fonts (npm `dejavu-fonts-ttf`) and the glue's minifier (npm
//! `terser`) go to the git-ignored `.tools/` folder, and the bench's Lighthouse to `.tools/lighthouse/`; Chromium and its driver come from
//! Debian; the e2e libraries from the committed package-lock.json.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
pub const CARGO_DENY_VERSION: &str = "0.20.2";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// How much a task needs: building needs the wasm toolchain; testing also needs browsers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Build,
    Test,
}

/// The project root and the environment the tools run in.
pub struct Tools {
    pub root: PathBuf,
    path: String,
}

pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the project root")
        .to_path_buf()
}

/// Cargo's home folder: `$CARGO_HOME`, or `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        })
}

fn cargo_bin_dir() -> PathBuf {
    cargo_home().join("bin")
}

/// The first line a command prints for `--version`, if it runs at all.
fn version_of(program: &Path, path_env: &str) -> Option<String> {
    let out = Command::new(program)
        .arg("--version")
        .env("PATH", path_env)
        .output()
        .ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    out.status
        .success()
        .then(|| text.lines().next().unwrap_or("").trim().to_string())
}

/// Runs `command` to the end; an error names `what` if it cannot start or fails.
pub fn checked(mut command: Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The version Cargo.lock resolves for a package.
pub fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("Cargo.lock has no package `{package}`"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")? + start;
    Ok(lock[start..end].to_string())
}

fn step(what: &str, estimate: &str) -> Instant {
    println!("==> {what} (takes {estimate})");
    Instant::now()
}

/// Whether the npm folder `dir` holds the package `spec` (`name@version`) at that version.
fn npm_has(dir: &Path, spec: &str) -> bool {
    let Some((name, version)) = spec.rsplit_once('@') else {
        return false;
    };
    std::fs::read_to_string(dir.join("node_modules").join(name).join("package.json"))
        .is_ok_and(|p| p.contains(&format!("\"version\": \"{version}\"")))
}

fn done(started: Instant) {
    println!("    done in {:.0} s", started.elapsed().as_secs_f64());
}

/// The Lighthouse that `cargo xtask bench` runs (Lighthouse 13 needs Node 22), installed on
/// first use into its own folder, `.tools/lighthouse/`, apart from the build's npm tools.
pub const LIGHTHOUSE: &str = "lighthouse@12.2.3";

/// Installs [`LIGHTHOUSE`] if it is missing; returns the path of its command-line script.
pub fn ensure_lighthouse(tools: &Tools) -> Result<PathBuf, String> {
    let dir = tools.root.join(".tools").join("lighthouse");
    let cli = dir.join("node_modules/lighthouse/cli/index.js");
    if npm_has(&dir, LIGHTHOUSE) && cli.exists() {
        return Ok(cli);
    }
    let started = step(
        &format!("installing {LIGHTHOUSE} (npm) into .tools/lighthouse/ for the benchmark"),
        "about a minute",
    );
    tools.npm_install_into(&dir, &[LIGHTHOUSE])?;
    done(started);
    Ok(cli)
}

/// The pinned npm package of the fonts the chart images are drawn with, and the folder of its
/// TrueType files.
pub const DEJAVU_FONTS: &str = "dejavu-fonts-ttf@2.37.3";

/// The pinned npm package that minifies the JS glue of the release bundle, and its script.
pub const TERSER: &str = "terser@5.36.0";
pub fn terser_cli(root: &Path) -> PathBuf {
    root.join(".tools/node_modules/terser/bin/terser")
}
pub fn font_dir(root: &Path) -> PathBuf {
    root.join(".tools/node_modules/dejavu-fonts-ttf/ttf")
}

impl Tools {
    /// The environment the tools run in, installing nothing: for tasks that run inside a
    /// build that has already installed them (trunk's hooks).
    pub fn here() -> Tools {
        let root = project_root();
        let node_bin = root.join(".tools").join("node_modules").join(".bin");
        let path = format!(
            "{}:{}:{}",
            node_bin.display(),
            cargo_bin_dir().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Tools { root, path }
    }

    /// Finds or installs what `need` asks for, and returns the environment to run it in.
    pub fn ensure(need: Need) -> Result<Tools, String> {
        let tools = Tools::here();
        let tools_dir = tools.root.join(".tools");
        tools.ensure_wasm_target()?;
        let bindgen_version = locked_version(&tools.root, "wasm-bindgen")?;
        tools.ensure_cargo_tool(
            "trunk",
            "trunk",
            TRUNK_VERSION,
            true,
            "about 8 minutes on 2 cores",
        )?;
        tools.ensure_cargo_tool(
            "wasm-bindgen-cli",
            "wasm-bindgen",
            &bindgen_version,
            false,
            "about 2.5 minutes on 2 cores",
        )?;
        tools.ensure_npm_tools(&tools_dir)?;
        if need == Need::Test {
            tools.ensure_cargo_tool(
                "cargo-deny",
                "cargo-deny",
                CARGO_DENY_VERSION,
                true,
                "about 7 minutes on 2 cores",
            )?;
            tools.ensure_chromium()?;
            tools.ensure_node_modules()?;
        }
        Ok(tools)
    }

    /// A command with the tools' PATH, run from the project root.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root).env("PATH", &self.path);
        command
    }

    fn run(&self, command: Command, what: &str) -> Result<(), String> {
        checked(command, what)
    }

    fn ensure_wasm_target(&self) -> Result<(), String> {
        let out = self
            .command("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .map_err(|e| format!("rustup is needed to add the {WASM_TARGET} target: {e}"))?;
        if String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|l| l.trim() == WASM_TARGET)
        {
            return Ok(());
        }
        let started = step(
            &format!("adding the Rust target {WASM_TARGET}"),
            "a few seconds",
        );
        let mut cmd = self.command("rustup");
        cmd.args(["target", "add", WASM_TARGET]);
        self.run(cmd, "rustup target add")?;
        done(started);
        Ok(())
    }

    fn ensure_cargo_tool(
        &self,
        krate: &str,
        binary: &str,
        version: &str,
        locked: bool,
        estimate: &str,
    ) -> Result<(), String> {
        let installed = version_of(&cargo_bin_dir().join(binary), &self.path)
            .or_else(|| version_of(Path::new(binary), &self.path));
        if installed
            .as_deref()
            .is_some_and(|v| v.split_whitespace().any(|w| w == version))
        {
            return Ok(());
        }
        let started = step(
            &format!(
                "installing {krate} {version} with cargo install (found: {})",
                installed.unwrap_or_else(|| "none".into())
            ),
            estimate,
        );
        let mut cmd = self.command("cargo");
        cmd.args(["install", krate, "--version", version, "--force"]);
        // wasm-bindgen-cli's own lockfile pins a crate the registry no longer serves.
        if locked {
            cmd.arg("--locked");
        }
        self.run(cmd, &format!("cargo install {krate}"))?;
        done(started);
        Ok(())
    }

    /// wasm-opt (npm binaryen), the chart images' fonts (npm dejavu-fonts-ttf) and terser, into
    /// `.tools/`: both in one install, which would otherwise prune the other.
    fn ensure_npm_tools(&self, tools_dir: &Path) -> Result<(), String> {
        let wasm_opt = tools_dir.join("node_modules").join(".bin").join("wasm-opt");
        let fonts_ok = npm_has(tools_dir, DEJAVU_FONTS)
            && crate::images::FONT_FILES
                .iter()
                .all(|f| font_dir(&self.root).join(f).exists());
        let terser_ok = npm_has(tools_dir, TERSER) && terser_cli(&self.root).exists();
        if fonts_ok
            && terser_ok
            && version_of(&wasm_opt, &self.path)
                .is_some_and(|v| v.contains(&format!("version {BINARYEN_VERSION}")))
        {
            return Ok(());
        }
        let started = step(
            &format!(
                "installing wasm-opt (npm binaryen@{BINARYEN_VERSION}), the chart images' fonts (npm {DEJAVU_FONTS}) and the glue's minifier (npm {TERSER}) into .tools/"
            ),
            "about 15 seconds",
        );
        self.npm_install_into(
            tools_dir,
            &[
                &format!("binaryen@{BINARYEN_VERSION}"),
                DEJAVU_FONTS,
                TERSER,
            ],
        )?;
        done(started);
        Ok(())
    }

    /// `npm install` of pinned `packages` into `dir` (its own node_modules, no package.json
    /// written): tools we run, never the project's dependencies.
    fn npm_install_into(&self, dir: &Path, packages: &[&str]) -> Result<(), String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let mut cmd = self.command("npm");
        cmd.args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
        ])
        .arg(dir)
        .args(packages);
        self.run(cmd, &format!("npm install {}", packages.join(" ")))
    }

    fn ensure_chromium(&self) -> Result<(), String> {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            return Ok(());
        }
        let started = step(
            "installing Debian's chromium and chromium-driver with apt-get",
            "about 1 minute",
        );
        let sudo = !is_root();
        let apt = |args: &[&str]| {
            let mut cmd = self.command(if sudo { "sudo" } else { "apt-get" });
            if sudo {
                cmd.arg("apt-get");
            }
            cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            cmd
        };
        self.run(apt(&["update", "-qq"]), "apt-get update")?;
        self.run(
            apt(&["install", "-y", "-qq", "chromium", "chromium-driver"]),
            "apt-get install chromium",
        )?;
        done(started);
        Ok(())
    }

    fn ensure_node_modules(&self) -> Result<(), String> {
        let lock = self.root.join("package-lock.json");
        let stamp = self.root.join("node_modules").join(".package-lock.json");
        let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
            (Ok(l), Ok(s)) => s.modified().ok() >= l.modified().ok(),
            _ => false,
        };
        if fresh {
            return Ok(());
        }
        let started = step(
            "installing the e2e libraries with npm ci (package-lock.json)",
            "about 10 seconds",
        );
        let mut cmd = self.command("npm");
        cmd.args(["ci", "--no-audit", "--no-fund"]);
        self.run(cmd, "npm ci")?;
        done(started);
        Ok(())
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}
