//! serve: builds the widget with trunk (debug, rebuilt on change) and serves it on loopback.

use crate::tools::{Need, Tools};

pub const DEFAULT_PORT: u16 = 8080;

/// The port from `--port N`, else $ESCALATION_PORT, else the default.
fn port(args: &[String]) -> Result<u16, String> {
    let from_args = args
        .iter()
        .position(|a| a == "--port")
        .map(|i| args.get(i + 1).cloned().ok_or("--port needs a number"))
        .transpose()?;
    let text = from_args.or_else(|| std::env::var("ESCALATION_PORT").ok());
    match text {
        None => Ok(DEFAULT_PORT),
        Some(t) => t.parse().map_err(|_| format!("`{t}` is not a port number")),
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let port = port(args)?;
    let tools = Tools::ensure(Need::Build)?;
    println!("\nServing Escalation at http://127.0.0.1:{port}/ (Ctrl-C stops)\n");
    let mut trunk = tools.command("trunk");
    trunk.args([
        "serve",
        "--address",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]);
    crate::tools::checked(trunk, "trunk serve")
}
