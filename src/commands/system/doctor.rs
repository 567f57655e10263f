//! `rpod system doctor`: check the machine for what containers need (see
//! [`crate::doctor`]); exit 1 when a check fails.

use clap::Args;

use crate::context::{print, Context};
use crate::doctor::{self, Status};
use crate::error::{ExitCode, Failure};
use crate::format;

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Change the output format to JSON or a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

pub fn run(ctx: &Context, args: DoctorArgs) -> anyhow::Result<()> {
    let report = doctor::run(ctx);
    let value = serde_json::to_value(&report)?;
    match args.format.as_deref() {
        None | Some("") => print(&doctor::render_text(&report))?,
        Some(f) if format::is_json(f) => print(&(format::to_json_indent(&value, 2) + "\n"))?,
        Some(f) => print(&format::render_one(Some(f), &value)?)?,
    }
    if report.status == Status::Fail {
        let failed: Vec<&str> = report.checks.iter().filter(|c| c.status == Status::Fail).map(|c| c.name).collect();
        return Err(Failure::new(ExitCode::Container(1), format!("failed checks: {}", failed.join(", "))).into());
    }
    Ok(())
}
