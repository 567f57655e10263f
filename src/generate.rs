//! Man pages and shell completions, generated from the clap definition in
//! [`crate::cli`]. The generated files are committed under `man/` and
//! `completions/`; `tests/generated.rs` fails when they drift and rewrites
//! them when run with `RPOD_UPDATE_GENERATED=1`.

use std::path::PathBuf;

use clap::ValueEnum;

/// Shells rpod writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    fn clap(self) -> clap_complete::Shell {
        match self {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
        }
    }

    /// The file name under `completions/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Shell::Bash => "rpod.bash",
            Shell::Zsh => "_rpod",
            Shell::Fish => "rpod.fish",
        }
    }
}

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> String {
    let mut cmd = without_hidden_commands(crate::cli::command());
    let mut buf = Vec::new();
    clap_complete::generate(shell.clap(), &mut cmd, "rpod", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The tree without its hidden top-level commands (`oci`):
/// clap_complete would offer them.
fn without_hidden_commands(cmd: clap::Command) -> clap::Command {
    let mut out = clap::Command::new(cmd.get_name().to_string());
    if let Some(v) = cmd.get_version() {
        out = out.version(v.to_string());
    }
    if let Some(a) = cmd.get_about() {
        out = out.about(a.clone());
    }
    if let Some(a) = cmd.get_long_about() {
        out = out.long_about(a.clone());
    }
    for a in cmd.get_arguments() {
        out = out.arg(a.clone());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out = out.subcommand(sub.clone());
    }
    out.subcommand_required(true).disable_help_subcommand(true).disable_version_flag(cmd.is_disable_version_flag_set())
}

/// Every man page: `rpod.1`, and `rpod-<sub>[-<verb>].1` for each command.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = crate::cli::command();
    cmd.build();
    let mut pages = Vec::new();
    collect_pages(&cmd, &mut pages);
    pages
}

fn collect_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name()).to_string();
    let mut buf = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd.clone().name(name.clone())).render(&mut buf);
    pages.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let sub = sub.clone().display_name(format!("{name}-{}", sub.get_name()));
        collect_pages(&sub, pages);
    }
}

/// Every generated file, by its path relative to the repository root.
pub fn all_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> =
        man_pages().into_iter().map(|(name, body)| (PathBuf::from("man").join(name), body)).collect();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        files.push((PathBuf::from("completions").join(shell.file_name()), completion_script(shell).into_bytes()));
    }
    files
}
