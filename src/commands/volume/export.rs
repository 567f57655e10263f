//! `rpod volume export NAME [-o FILE]`: the volume's files as a tar
//! archive (owners, modes, times, symlinks as they are).

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct VolumeExportArgs {
    /// Write to a specified file (default: stdout, which must be redirected)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The volume's name
    #[arg(value_name = "VOLUME")]
    pub name: String,
}

pub fn run(ctx: &Context, args: VolumeExportArgs) -> anyhow::Result<()> {
    let out: Box<dyn std::io::Write> = match &args.output {
        Some(p) if p.as_os_str() != "/dev/stdout" && p.as_os_str() != "-" => {
            Box::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("creating {}: {e}", p.display()))?)
        }
        _ => {
            if std::io::stdout().is_terminal() {
                return Err(Failure::new(
                    ExitCode::Engine,
                    "cannot write to the terminal: redirect standard output or use --output",
                )
                .into());
            }
            Box::new(std::io::stdout().lock())
        }
    };
    crate::volume::archive::export(ctx, &args.name, out)
}
