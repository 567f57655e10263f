//! `rpod version`: what rpod this is.

use clap::Args;
use serde_json::json;

use crate::context::print;
use crate::format;
use crate::timefmt;

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// Change the output format to JSON or a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

/// The version report, shaped like Podman's (`{{.Client.Version}}` works
/// as with Docker and Podman). rpod has no daemon: `Server` is the same
/// engine, so Docker's `{{.Server.Version}}` answers too.
pub fn report() -> serde_json::Value {
    let mut r = client_report();
    r["Server"] = r["Client"].clone();
    r
}

fn client_report() -> serde_json::Value {
    let built: i64 = env!("RPOD_BUILT").parse().unwrap_or(0);
    let os = std::env::consts::OS;
    let arch = rpod_runtime::host::oci_arch();
    json!({
        "Client": {
            "APIVersion": env!("CARGO_PKG_VERSION"),
            "Version": env!("CARGO_PKG_VERSION"),
            "RustVersion": env!("RPOD_RUSTC_VERSION"),
            "GitCommit": env!("RPOD_GIT_COMMIT"),
            "BuiltTime": timefmt::ansic(built),
            "Built": built,
            "OsArch": format!("{os}/{arch}"),
            "Os": os,
            "Arch": arch,
        }
    })
}

pub fn run(args: VersionArgs) -> anyhow::Result<()> {
    let report = report();
    match args.format.as_deref() {
        None | Some("") => {
            let c = &report["Client"];
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            let mut text = String::new();
            for (label, value) in [
                ("Client:", "rpod".to_string()),
                ("Version:", s("Version")),
                ("API Version:", s("APIVersion")),
                ("Rust Version:", s("RustVersion")),
                ("Git Commit:", s("GitCommit")),
                ("Built:", s("BuiltTime")),
                ("OS/Arch:", s("OsArch")),
            ] {
                text.push_str(&format!("{label:<14}{value}\n"));
            }
            print(&text)
        }
        // Podman prints the JSON of `version` compact.
        Some(f) if format::is_json(f) => print(&(format::to_json_indent(&report, 0) + "\n")),
        Some(f) => print(&format::render_one(Some(f), &report)?),
    }
}
