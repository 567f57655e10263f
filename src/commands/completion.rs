//! `rpod completion bash|zsh|fish`: print a shell completion script (the
//! same text as the files under `completions/`).

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use crate::context::print;
use crate::generate::{completion_script, Shell};

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to generate the completion script for
    #[arg(value_enum)]
    pub shell: Shell,

    /// Output the completion to FILE rather than stdout
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Do not include descriptions in the completion output
    #[arg(long)]
    pub no_desc: bool,
}

pub fn run(args: CompletionArgs) -> anyhow::Result<()> {
    let script = completion_script(args.shell, !args.no_desc);
    match &args.file {
        Some(f) => std::fs::write(f, script).with_context(|| format!("writing {}", f.display())),
        None => print(&script),
    }
}
