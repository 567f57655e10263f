//! `rpod export` / `rpod container export`: a container's file system as
//! a tar archive (see [`crate::container::export`]).

use std::io::{IsTerminal, Write};

use anyhow::{bail, Context as _};
use clap::Args;

use crate::container::export;
use crate::context::Context;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to a specified file (default: stdout, which must be redirected)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: ExportArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let c = containers.find(&args.container)?;
    match args.output.as_deref().filter(|o| *o != "-") {
        Some(path) => {
            // Written aside and renamed: a failed export leaves no half file.
            let target = std::path::Path::new(path);
            let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
            {
                let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
                export::export(ctx, &mut containers, &c, &mut w)?;
                w.flush().with_context(|| format!("writing {path}"))?;
            }
            tmp.persist(target).with_context(|| format!("writing {path}"))?;
            Ok(())
        }
        None => {
            if std::io::stdout().is_terminal() {
                bail!("refusing to export to terminal. Use -o flag or redirect");
            }
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            export::export(ctx, &mut containers, &c, &mut out)?;
            out.flush().context("writing to standard output")
        }
    }
}
