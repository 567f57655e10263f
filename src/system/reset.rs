//! `rpod system reset`: everything of this user's rpod gone — every
//! container (stopped first), every image, layer and volume (the whole
//! store), the run directory with the events log, and the pause process
//! that keeps the user namespace.

use std::time::Duration;

use anyhow::Context as _;

use crate::context::Context;

/// What reset removed, and what it could not.
#[derive(Debug, Default)]
pub struct ResetReport {
    pub containers: Vec<String>,
    /// The pause process ended, if one ran.
    pub pause: Option<i32>,
    pub errors: Vec<String>,
}

/// Remove everything (see the module docs).
pub fn reset(ctx: &Context) -> anyhow::Result<ResetReport> {
    let mut report = ResetReport::default();
    let paths = ctx.paths()?.clone();
    // The store's files belong to the user's subordinate IDs.
    ctx.store()?;
    let mut containers = ctx.containers()?;
    for c in containers.list()? {
        match crate::container::lifecycle::remove_stopping(ctx, &mut containers, &c, Some(Duration::ZERO)) {
            Ok(()) => report.containers.push(c.id.clone()),
            Err(e) => report.errors.push(crate::error::render(&e)),
        }
    }
    drop(containers);
    // Before the run directory goes: by default it holds the pause
    // process's PID file. (This process stays in the namespace.)
    if let Some(dir) = &paths.user_run_dir {
        report.pause = crate::pause::stop(dir).context("stopping the pause process")?;
    }
    for dir in [&paths.graph_root, &paths.run_root] {
        match std::fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => report.errors.push(format!("removing {}: {e}", dir.display())),
        }
    }
    Ok(report)
}
