//! `rpod completion bash|zsh|fish`: print a shell completion script (the
//! same text as the files under `completions/`).

use clap::Args;

use crate::context::print;
use crate::generate::{completion_script, Shell};

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to generate the completion script for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: CompletionArgs) -> anyhow::Result<()> {
    print(&completion_script(args.shell))
}
