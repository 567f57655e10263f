//! The commands, by noun as in Podman (`cmd/podman/<noun>/<verb>.go`):
//! `rpod image rm` is [`image::rm`], `rpod container run` (and its
//! shortcut `rpod run`) is [`container::run`]. Each file holds the
//! command's `Args` (its flags, defined once) and a `run` function that only
//! turns flags into calls of library code and prints the result. Commands
//! of no noun (`login`, `inspect`, `version`, ...) are files here; the
//! entry points rpod starts itself are in [`internal`]. The root of the tree
//! and the dispatch are in [`crate::cli`].

pub mod buildx;
pub mod completion;
pub mod container;
pub mod flags;
pub mod healthcheck;
pub mod image;
pub mod inspect;
pub mod internal;
pub mod login;
pub mod logout;
pub mod network;
pub mod oci;
pub mod pod;
pub mod secret;
pub mod select;
pub mod system;
pub mod unshare;
pub mod version;
pub mod volume;

use crate::error;

/// Run `f` on each name; every failure but the last is printed, the last
/// is returned (Podman reports each and exits 125).
pub fn each(names: &[String], mut f: impl FnMut(&String) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut last = None;
    for n in names {
        if let Err(e) = f(n) {
            if let Some(prev) = last.replace(e) {
                eprintln!("{}", error::render(&prev));
            }
        }
    }
    last.map_or(Ok(()), Err)
}

/// The prompt of `prune`/`reset`: ask on the terminal; refuse without one (there is nobody to answer).
pub fn confirm(prompt: &str) -> anyhow::Result<bool> {
    use anyhow::Context as _;
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(crate::error::Failure::new(
            crate::error::ExitCode::Engine,
            "standard input is not a terminal to confirm on: use --force to go ahead without confirmation",
        )
        .into());
    }
    let mut err = std::io::stderr().lock();
    err.write_all(prompt.as_bytes()).and_then(|()| err.flush()).context("writing the prompt")?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer).context("reading the answer")?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES"))
}
