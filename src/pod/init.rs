//! Init containers (`create --pod POD --init-ctr always|once`), as in
//! Podman: at each `pod start`, before the pod's other containers start,
//! its init containers run one at a time, in the order they were created,
//! each to its end; one that exits non-zero fails the start (the ones after
//! it and the regular containers are not started). An `always` one runs at
//! every `pod start`; a `once` one is removed after its first successful
//! run. `pod restart`, `start` of a member and `run --pod` run none; the
//! pod's state leaves them out.

use std::time::Duration;

use anyhow::anyhow;
use serde::{Deserialize, Serialize};

use crate::container::attach::{self, ClientOptions, Ended};
use crate::container::lifecycle;
use crate::container::record::{Container, Containers, Status};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// `--init-ctr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InitCtr {
    /// Runs at every `pod start`.
    Always,
    /// Runs at the first `pod start` that gets to it, then is removed.
    Once,
}

impl InitCtr {
    /// `--init-ctr VALUE` of `create` (`pod` is whether `--pod` was given):
    /// Podman's checks, in its order, with its messages.
    pub fn from_flag(value: &str, pod: bool) -> anyhow::Result<InitCtr> {
        let usage = |m: &str| -> anyhow::Error { Failure::new(ExitCode::Engine, m).into() };
        if !pod {
            return Err(usage("must specify pod value with init-ctr"));
        }
        match value {
            "always" => Ok(InitCtr::Always),
            "once" => Ok(InitCtr::Once),
            _ => Err(usage("init-ctr value must be 'always' or 'once'")),
        }
    }
}

/// Whether `c` is an init container.
pub fn is_init(c: &Container) -> bool {
    c.config.init_ctr.is_some()
}

/// Refuses an init container for a pod one of whose regular containers
/// runs (Podman's check at create).
pub fn check_joinable(members: &[Container]) -> anyhow::Result<()> {
    if members.iter().any(|c| !is_init(c) && c.state.status == Status::Running) {
        return Err(Failure::new(ExitCode::Engine, "cannot add init-ctr to a running pod").into());
    }
    Ok(())
}

/// The init containers among `members`, oldest first.
pub fn in_order(members: &[Container]) -> Vec<&Container> {
    let mut init: Vec<&Container> = members.iter().filter(|c| is_init(c)).collect();
    init.sort_by_key(|c| c.created);
    init
}

/// Runs the pod's init containers (`pod start`): each started (the infra
/// container first, as its dependency), waited for, and a `once` one
/// removed; the IDs of those removed. The first failure ends it.
pub fn run(ctx: &Context, containers: &mut Containers, members: &[Container]) -> anyhow::Result<Vec<String>> {
    let mut removed = Vec::new();
    for c in in_order(members) {
        let now = containers.get(&c.id)?.ok_or_else(|| {
            Failure::new(ExitCode::Engine, format!("no container with ID {} found: no such container", c.id))
        })?;
        if now.state.status.is_live() {
            return Err(Failure::new(
                ExitCode::Engine,
                format!(
                    "container {} must be in Created or Stopped state to be started: container state improper",
                    c.id
                ),
            )
            .into());
        }
        let code = run_to_end(ctx, containers, &now).map_err(super::engine_failure)?;
        if code != 0 {
            return Err(
                Failure::new(ExitCode::Engine, format!("init container {} exited with code {code}", c.id)).into()
            );
        }
        if now.config.init_ctr == Some(InitCtr::Once) {
            let Some(done) = containers.get(&c.id)? else { continue };
            lifecycle::remove(ctx, containers, &done, false)
                .map_err(|e| e.context(format!("failed to remove once init container {}", c.id)))?;
            removed.push(c.id.clone());
        }
    }
    Ok(removed)
}

/// Starts `c` and waits for its end: its exit code. Through an attach
/// (no streams) made before it starts, as `start -a` does: its monitor
/// reports the exit code to it even when the container is gone with it
/// (`--rm`).
fn run_to_end(ctx: &Context, containers: &mut Containers, c: &Container) -> anyhow::Result<i32> {
    let started = lifecycle::start(ctx, containers, c, true)?;
    let sock = attach::connect(&containers.run_dir(&c.id))?;
    let mut report = started.report.ok_or_else(|| anyhow!("the monitor of {} did not wait for the attach", c.id))?;
    lifecycle::read_outcome(&mut report)?;
    let quiet = ClientOptions {
        stdin: false,
        stdout: false,
        stderr: false,
        tty: false,
        detach_keys: Vec::new(),
        proxy_signals_to: None,
    };
    match attach::client(sock, &quiet)? {
        Ended::Exited(code) => Ok(code),
        // The monitor went without telling: the exit it recorded.
        Ended::Closed | Ended::Detached => {
            let state = lifecycle::wait_for(containers, &c.id, |s| !s.status.is_live(), Some(Duration::from_secs(10)))?;
            Ok(state.map_or(-1, |s| s.exit_code))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_checks_in_podmans_order() {
        let err = |v: &str, pod: bool| InitCtr::from_flag(v, pod).unwrap_err().to_string();
        assert_eq!(InitCtr::from_flag("always", true).unwrap(), InitCtr::Always);
        assert_eq!(InitCtr::from_flag("once", true).unwrap(), InitCtr::Once);
        assert_eq!(err("once", false), "must specify pod value with init-ctr");
        assert_eq!(err("bogus", false), "must specify pod value with init-ctr");
        assert_eq!(err("bogus", true), "init-ctr value must be 'always' or 'once'");
        assert_eq!(err("", true), "init-ctr value must be 'always' or 'once'");
        assert_eq!(err("Always", true), "init-ctr value must be 'always' or 'once'");
    }

    fn member(id: char, created: i64, init: Option<InitCtr>, status: Status) -> Container {
        let mut c = Container {
            id: id.to_string().repeat(64),
            name: String::new(),
            image_id: String::new(),
            created,
            config: Default::default(),
            state: crate::container::record::State { status, ..Default::default() },
        };
        c.config.init_ctr = init;
        c
    }

    #[test]
    fn init_containers_by_creation_time() {
        let members = [
            member('a', 1, None, Status::Created),
            member('b', 30, Some(InitCtr::Always), Status::Created),
            member('c', 20, Some(InitCtr::Once), Status::Created),
            member('d', 40, None, Status::Created),
        ];
        let ids: Vec<char> = in_order(&members).iter().map(|c| c.id.chars().next().unwrap()).collect();
        assert_eq!(ids, ['c', 'b']);
    }

    #[test]
    fn joining_a_running_pod() {
        let idle = [member('a', 1, None, Status::Exited), member('b', 2, Some(InitCtr::Once), Status::Running)];
        assert!(check_joinable(&idle).is_ok(), "a running init container does not make the pod running");
        let paused = [member('a', 1, None, Status::Paused)];
        assert!(check_joinable(&paused).is_ok(), "Podman looks for running ones only");
        let running = [member('a', 1, None, Status::Running), member('b', 2, None, Status::Created)];
        assert_eq!(check_joinable(&running).unwrap_err().to_string(), "cannot add init-ctr to a running pod");
    }
}
