//! `kill`, `stop` and waiting for a container to end.

use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use nix::sys::signal::Signal;

use super::*;
use crate::container::record::{Container, Containers, State, Status};
use crate::error::{ExitCode, Failure};

/// Sends `signal` to a live container's init; marks it stopped by the
/// user (no restart by policy).
pub fn kill(containers: &mut Containers, c: &Container, signal: Signal) -> anyhow::Result<()> {
    kill_number(containers, c, signal as i32)
}

/// [`kill`] by signal number (the real-time signals too).
pub fn kill_number(containers: &mut Containers, c: &Container, signal: i32) -> anyhow::Result<()> {
    let c = containers.update_state(&c.id, |s| {
        if s.status.is_live() {
            s.stopped_by_user = true;
            true
        } else {
            false
        }
    })?;
    let Some(c) = c else { bail!("container was removed") };
    if !c.state.status.is_live() || c.state.pid <= 0 {
        return Err(Failure::state_improper(format!(
            "can only kill running containers. {} is in state {}: container state improper",
            c.id,
            c.state.status.as_str()
        ))
        .into());
    }
    crate::sys::kill_raw(c.state.pid, signal).with_context(|| format!("sending signal {signal} to container {}", c.id))
}

/// `stop`: the container's stop signal (or `signal`), then SIGKILL after
/// `timeout` (at once when zero); returns when the monitor has recorded
/// the exit. A container that is not running is left as it is.
pub fn stop(
    containers: &mut Containers,
    c: &Container,
    timeout: Duration,
    signal: Option<Signal>,
) -> anyhow::Result<()> {
    let _lock = containers.lock(&c.id)?;
    let Some(mut c) = containers.get(&c.id)? else { return Ok(()) };
    if !c.state.status.is_live() {
        // Between restarts by its policy (the monitor still there): not to
        // be restarted; if the restart is already under way, stopped below.
        if !crate::container::record::monitor_alive(&c.state) {
            return Ok(());
        }
        containers.update_state(&c.id, |s| {
            s.stopped_by_user = true;
            true
        })?;
        let settled = |s: &State| s.status.is_live() || !crate::container::record::monitor_alive(s);
        match wait_for(containers, &c.id, settled, Some(Duration::from_secs(30)))? {
            Some(s) if s.status.is_live() => c.state = s,
            _ => return Ok(()),
        }
    }
    // A paused container is thawed first, so it can act on the signal.
    if c.state.status == Status::Paused && !c.state.cgroup.is_empty() {
        rpod_runtime::cgroup_manager::freeze(std::path::Path::new(&c.state.cgroup), false)?;
        containers.update_state(&c.id, |s| {
            if s.status == Status::Paused {
                s.status = Status::Running;
                true
            } else {
                false
            }
        })?;
    }
    let (signal, name) = match signal {
        Some(s) => (s as i32, s.as_str().to_string()),
        None => (signal_number(&c.config.stop_signal).unwrap_or(Signal::SIGTERM as i32), c.config.stop_signal.clone()),
    };
    if !timeout.is_zero() {
        if let Err(e) = kill_number(containers, &c, signal) {
            return ended_meanwhile(containers, &c, e);
        }
        // Paused containers get the signal once they are thawed.
        if wait_for(containers, &c.id, |s| !s.status.is_live(), Some(timeout))?.is_some() {
            containers.event(&c, "stop");
            return Ok(());
        }
        log::warn!(
            "StopSignal {} failed to stop container {} in {} seconds, resorting to SIGKILL",
            name.trim_start_matches("SIG"),
            c.name,
            timeout.as_secs()
        );
    }
    if let Err(e) = kill(containers, &c, Signal::SIGKILL) {
        return ended_meanwhile(containers, &c, e);
    }
    if wait_for(containers, &c.id, |s| !s.status.is_live(), Some(Duration::from_secs(30)))?.is_none() {
        bail!("container {} did not exit after SIGKILL", c.id);
    }
    containers.event(&c, "stop");
    Ok(())
}

/// A signal of `stop` failed: fine when the container's process ended in
/// the meantime (the kernel says there is no such process, or the state
/// says it is no longer running): once its monitor has recorded the end
/// (it was marked stopped by the user first, so no restart follows), the
/// stop is done. Any other failure is `e`.
fn ended_meanwhile(containers: &mut Containers, c: &Container, e: anyhow::Error) -> anyhow::Result<()> {
    let gone =
        e.chain().any(|x| x.downcast_ref::<std::io::Error>().is_some_and(|io| io.raw_os_error() == Some(libc::ESRCH)));
    let live = containers.get(&c.id)?.is_some_and(|c| c.state.status.is_live());
    if !gone && live {
        return Err(e);
    }
    if live && wait_for(containers, &c.id, |s| !s.status.is_live(), Some(Duration::from_secs(30)))?.is_none() {
        bail!("container {} did not exit", c.id);
    }
    containers.event(c, "stop");
    Ok(())
}

/// Polls the state until `cond` holds (returns it), the container is gone
/// (`Err`), or `timeout` passes (`None`).
pub fn wait_for(
    containers: &mut Containers,
    id: &str,
    cond: impl Fn(&State) -> bool,
    timeout: Option<Duration>,
) -> anyhow::Result<Option<State>> {
    wait_polling(containers, id, cond, timeout, None)
}

/// [`wait_for`], reading the state every `interval` (`wait --interval`)
/// instead of backing off from 2 to 50 ms.
pub fn wait_polling(
    containers: &mut Containers,
    id: &str,
    cond: impl Fn(&State) -> bool,
    timeout: Option<Duration>,
    interval: Option<Duration>,
) -> anyhow::Result<Option<State>> {
    let start = Instant::now();
    let mut pause = interval.unwrap_or(Duration::from_millis(2));
    loop {
        let Some(c) = containers.get(id)? else {
            return Err(
                Failure::new(ExitCode::Engine, format!("no container with ID {id} found: no such container")).into()
            );
        };
        if cond(&c.state) {
            return Ok(Some(c.state));
        }
        if timeout.is_some_and(|t| start.elapsed() >= t) {
            return Ok(None);
        }
        std::thread::sleep(pause);
        if interval.is_none() {
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }
}
