//! `rpod container rm` / `rpod rm`: remove containers (`-f` stops running
//! ones first). A missing container exits 1, a running one without `-f` 2,
//! as in Podman.

use std::time::Duration;

use clap::Args;

use crate::commands::select::{self, All, Selection};
use crate::container::lifecycle;
use crate::container::record::Container;
use crate::context::{print, Context};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,

    /// Force removal of a running or paused container (and ignore missing ones)
    #[arg(short, long)]
    pub force: bool,

    /// Seconds to wait for the stop signal before killing a running container with --force (default 0)
    #[arg(short, long, value_name = "SECONDS")]
    pub time: Option<u64>,

    /// Remove the container's anonymous volumes (those no other container uses)
    #[arg(short, long)]
    pub volumes: bool,

    /// Remove the containers that depend on it (joined its namespaces with --pid/--ipc/--uts/--cgroupns container:ID, or --requires it) first
    #[arg(long)]
    pub depend: bool,

    /// Remove the containers that match the filter (status=, name=, id=, label=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,

    #[command(flatten)]
    pub selection: Selection,
}

pub fn run(ctx: &Context, args: RmArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let mut targets = args.selection.resolve_filtered(&mut containers, args.all.then_some(All::Every), &args.filter)?;
    if args.all {
        // Infra containers go with their pods (`pod rm`), not with `rm --all`.
        let infra: Vec<String> = containers.list()?.into_iter().filter(|c| c.config.infra).map(|c| c.id).collect();
        targets.retain(|t| !infra.contains(t));
    }
    let stop_first = args.force.then(|| Duration::from_secs(args.time.unwrap_or(0)));
    // `rm -f` of a missing container is not an error (Podman).
    let ignore = args.selection.ignore || args.force;
    let target_ids: Vec<String> = targets.iter().filter_map(|t| containers.find(t).ok().map(|c| c.id)).collect();
    select::each(&targets, ignore, |name| {
        let c = containers.find(name)?;
        if c.config.infra {
            return Err(crate::error::Failure::new(
                crate::error::ExitCode::Engine,
                format!(
                    "container {} is the infra container of pod {} and cannot be removed without removing the pod",
                    c.id,
                    c.config.pod.as_deref().unwrap_or_default()
                ),
            )
            .into());
        }
        if !args.depend {
            // Podman's rule: what others depend on goes only with them.
            let all = containers.list()?;
            let blocking: Vec<String> =
                dependents(&all, &c.id).into_iter().filter(|d| !target_ids.contains(&d.id)).map(|d| d.id).collect();
            if !blocking.is_empty() {
                return Err(crate::error::Failure::new(
                    crate::error::ExitCode::Engine,
                    format!(
                        "container {} has dependent containers which must be removed before it: {}",
                        c.id,
                        blocking.join(",")
                    ),
                )
                .into());
            }
        }
        if args.depend {
            // Dependents first, each printed by ID, as Podman does.
            for d in dependents(&containers.list()?, &c.id) {
                lifecycle::remove_with_volumes(ctx, &mut containers, &d, stop_first, args.volumes)?;
                print(&format!("{}\n", d.id))?;
            }
        }
        lifecycle::remove_with_volumes(ctx, &mut containers, &c, stop_first, args.volumes)?;
        let shown = if args.all || !args.filter.is_empty() || args.depend { c.id.clone() } else { name.clone() };
        print(&format!("{shown}\n"))
    })
}

/// The containers that depend on `id` (joined its namespaces, or
/// `--requires` it), and theirs in turn,
/// each after the ones that depend on it (the order to remove them in).
fn dependents(all: &[Container], id: &str) -> Vec<Container> {
    let mut out: Vec<Container> = Vec::new();
    let mut stack = vec![id.to_string()];
    let mut seen = vec![id.to_string()];
    while let Some(of) = stack.pop() {
        for c in all.iter().filter(|c| c.config.options.depends_on().contains(&of.as_str())) {
            if !seen.contains(&c.id) {
                seen.push(c.id.clone());
                stack.push(c.id.clone());
                out.push(c.clone());
            }
        }
    }
    // In the order found from `id`: the deepest last; remove those first.
    out.reverse();
    out
}
