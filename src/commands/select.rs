//! Which containers a batch command (`rm`, `stop`, `kill`, `restart`) acts
//! on, with Podman's flags and rules: names or IDs, `--all` (each command
//! has its own, as its help differs), `--latest`, `--cidfile`, `--ignore`;
//! and Podman's exit codes when several fail (1 when one was missing, 2
//! when one was in the wrong state, else the last failure's). [`one`]
//! is the same for commands that act on one container (`--latest` or a
//! name).

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use crate::container::filter::Filters;
use crate::container::record::{Container, Containers};
use crate::error::{self, Cause, ExitCode, Failure};

/// The containers named on the command line, or found another way.
#[derive(Debug, Args)]
pub struct Selection {
    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Read the container ID from the file (repeatable)
    #[arg(long, value_name = "CIDFILE")]
    pub cidfile: Vec<PathBuf>,

    /// Ignore errors when a specified container is missing
    #[arg(short, long)]
    pub ignore: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// Which containers `--all` means for a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum All {
    /// Every container.
    Every,
    /// Running and paused ones.
    Live,
}

impl Selection {
    /// The names or IDs to act on, in order; `all` is the command's
    /// `--all`. Podman's checks: `--all`, `--latest` and names or
    /// `--cidfile` exclude each other, and something must be given.
    pub fn resolve(&self, containers: &mut Containers, all: Option<All>) -> anyhow::Result<Vec<String>> {
        self.resolve_filtered(containers, all, &[])
    }

    /// [`Selection::resolve`] with the command's `--filter`s: as in Podman,
    /// they pick among every container (`--all` adds nothing), and only
    /// the named ones when names are given; the IDs are returned.
    pub fn resolve_filtered(
        &self,
        containers: &mut Containers,
        all: Option<All>,
        filter: &[String],
    ) -> anyhow::Result<Vec<String>> {
        if !filter.is_empty() {
            let filters = Filters::parse(filter)?;
            let kept = filters.apply(containers.list()?)?;
            if self.latest {
                return Ok(kept.into_iter().max_by_key(|c| c.created).map(|c| c.id).into_iter().collect());
            }
            let named = self.named()?;
            return Ok(kept
                .into_iter()
                .filter(|c| named.is_empty() || named.iter().any(|n| *n == c.id || *n == c.name))
                .map(|c| c.id)
                .collect());
        }
        let named = !self.containers.is_empty() || !self.cidfile.is_empty();
        if all.is_some() && self.latest {
            return Err(usage("--all and --latest cannot be used together"));
        }
        if (all.is_some() || self.latest) && named {
            let what = if self.cidfile.is_empty() { "containers" } else { "--cidfile" };
            return Err(usage(format!("--all, --latest, and {what} cannot be used together")));
        }
        if all.is_none() && !self.latest && !named {
            return Err(usage("you must provide at least one name or id"));
        }
        if let Some(which) = all {
            let list = containers.list()?;
            return Ok(list
                .into_iter()
                .filter(|c| which == All::Every || c.state.status.is_live())
                .map(|c| c.id)
                .collect());
        }
        if self.latest {
            return Ok(vec![latest_of(containers)?.id]);
        }
        self.named()
    }

    /// The names given and the IDs in the `--cidfile`s.
    fn named(&self) -> anyhow::Result<Vec<String>> {
        let mut names = self.containers.clone();
        for f in &self.cidfile {
            match std::fs::read_to_string(f) {
                Ok(id) => names.push(id.trim().to_string()),
                Err(e) if self.ignore && e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("reading CIDFile {}", f.display())),
            }
        }
        Ok(names)
    }
}

fn usage(message: impl Into<String>) -> anyhow::Error {
    Failure::new(ExitCode::Engine, message).into()
}

/// Run `f` on each name; every failure but the last is printed. A missing
/// container is skipped with `ignore`. The error returned exits as
/// Podman's `rm`/`stop`/`kill` do: 1 if any container was missing, else 2
/// if any was in the wrong state, else the last failure's code.
pub fn each(names: &[String], ignore: bool, mut f: impl FnMut(&String) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut last: Option<anyhow::Error> = None;
    let mut code = None;
    for n in names {
        let Err(e) = f(n) else { continue };
        let cause = error::cause_of(&e);
        if ignore && cause == Cause::NoSuchObject {
            continue;
        }
        code = match (code, cause) {
            (Some(1), _) | (_, Cause::NoSuchObject) => Some(1),
            (Some(2), _) | (_, Cause::StateImproper) => Some(2),
            _ => None,
        };
        if let Some(prev) = last.replace(e) {
            eprintln!("{}", error::render(&prev));
        }
    }
    match (last, code) {
        (None, _) => Ok(()),
        (Some(e), Some(c)) => {
            let message = error::render(&e);
            let message = message.strip_prefix("Error: ").unwrap_or(&message);
            Err(Failure::new(ExitCode::Container(c), message).into())
        }
        (Some(e), None) => Err(e),
    }
}

/// The one container a single-container command acts on: `name`, or the
/// latest created with `--latest` (Podman's rules: one or the other).
pub fn one(containers: &mut Containers, latest: bool, name: Option<&str>) -> anyhow::Result<Container> {
    match (latest, name) {
        (true, Some(_)) => Err(usage("--latest and containers cannot be used together")),
        (false, None) => Err(usage("you must provide a container name or ID, or --latest")),
        (false, Some(n)) => containers.find(n),
        (true, None) => latest_of(containers),
    }
}

/// The latest container created.
pub fn latest_of(containers: &mut Containers) -> anyhow::Result<Container> {
    containers
        .list()?
        .into_iter()
        .max_by_key(|c| c.created)
        .ok_or_else(|| Failure::no_such("no containers to act on: no such container").into())
}
