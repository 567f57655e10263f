//! The pause process: a tiny rpod (`rpod __pause`) that sits in the user's
//! user namespace, so that later commands join that namespace (`setns`)
//! instead of creating one through `newuidmap`/`newgidmap` each time — a
//! few system calls instead of two setuid helpers (Podman does the same).
//!
//! `<user run dir>/pause.pid` holds its PID and start time; a command
//! trusts it only when that process still runs with the ID mappings the
//! user has now (so new `/etc/subuid` ranges take effect at once: a new
//! namespace and a new pause process replace the old ones). Creation is
//! serialized by `pause.lock`.

use std::fs::File;
use std::os::unix::fs::DirBuilderExt;
use std::os::unix::process::CommandExt;
use std::path::Path;

use anyhow::Context as _;
use nix::fcntl::{Flock, FlockArg};

use rpod_runtime::rootless::{self, Identity};
use rpod_runtime::userns;

use crate::procfs::process_start;

/// Enter the user's user namespace: join the pause process's, or create
/// one (and a pause process keeping it). Call it while single-threaded.
pub fn join_or_enter(id: &Identity, dir: Option<&Path>) -> anyhow::Result<()> {
    let Some(dir) = dir else {
        rootless::enter(id).context("entering the user namespace")?;
        return Ok(());
    };
    let _ = std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir);
    let lock = File::options().create(true).truncate(false).write(true).open(dir.join("pause.lock")).ok();
    let _lock = lock.and_then(|f| Flock::lock(f, FlockArg::LockExclusive).ok());
    let pidfile = dir.join("pause.pid");
    if let Some(pid) = live_pause(&pidfile, id) {
        match rootless::join(pid) {
            Ok(()) => return Ok(()),
            Err(e) => log::debug!("joining the user namespace of pause process {pid}: {e}"),
        }
    }
    rootless::enter(id).context("entering the user namespace")?;
    if let Err(e) = spawn(&pidfile) {
        log::debug!("starting the pause process: {e:#}");
    }
    Ok(())
}

/// The PID in `pidfile` if that process runs, started when recorded, in a
/// namespace with the mappings `id` asks for.
fn live_pause(pidfile: &Path, id: &Identity) -> Option<i32> {
    let pid = recorded_pause(pidfile)?;
    same_maps(pid, id).then_some(pid)
}

/// The pause process recorded in `<dir>/pause.pid`, if it still runs:
/// its PID and whether its namespace has the mappings `id` asks for now.
pub fn status(dir: &Path, id: &Identity) -> Option<(i32, bool)> {
    let pid = recorded_pause(&dir.join("pause.pid"))?;
    Some((pid, same_maps(pid, id)))
}

/// The PID in `pidfile` if that process runs and started when recorded.
fn recorded_pause(pidfile: &Path) -> Option<i32> {
    let text = std::fs::read_to_string(pidfile).ok()?;
    let mut f = text.split_whitespace();
    let pid: i32 = f.next()?.parse().ok()?;
    let start: u64 = f.next()?.parse().ok()?;
    (process_start(pid) == Some(start)).then_some(pid)
}

/// Whether process `pid` is in a user namespace mapped as `id` asks.
fn same_maps(pid: i32, id: &Identity) -> bool {
    let map = |file: &str| userns::parse_proc_map(&std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?).into();
    let uid: Option<Vec<userns::IdMap>> = map("uid_map");
    let gid: Option<Vec<userns::IdMap>> = map("gid_map");
    let same = |got: Option<Vec<userns::IdMap>>, want: Vec<userns::IdMap>| {
        got.is_some_and(|mut g| {
            let mut w = want;
            g.sort_by_key(|m| m.container_id);
            w.sort_by_key(|m| m.container_id);
            g == w
        })
    };
    same(uid, id.uid_map()) && same(gid, id.gid_map())
}

/// Ends the recorded pause process (`rpod system migrate`): the next
/// command makes a new namespace from the ranges of now. Returns its PID.
pub fn stop(dir: &Path) -> anyhow::Result<Option<i32>> {
    let pidfile = dir.join("pause.pid");
    let pid = recorded_pause(&pidfile);
    match std::fs::remove_file(&pidfile) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("removing {}", pidfile.display())),
    }
    if let Some(pid) = pid {
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGTERM)
            .with_context(|| format!("stopping the pause process {pid}"))?;
    }
    Ok(pid)
}

/// Starts `rpod __pause` in the namespace just entered and records it.
fn spawn(pidfile: &Path) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("finding rpod's own executable")?;
    let child = std::process::Command::new(exe)
        .arg0("rpod-pause")
        .arg("__pause")
        .arg(pidfile)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .current_dir("/")
        .spawn()
        .context("starting rpod __pause")?;
    let pid = child.id() as i32;
    let start = process_start(pid).context("reading the pause process's start time")?;
    crate::files::write_atomic(pidfile, format!("{pid} {start}\n").as_bytes())?;
    Ok(())
}

/// `rpod __pause PIDFILE`: a session of its own, then nothing until
/// killed — or until `PIDFILE` no longer names this process (its run
/// directory was removed, or a newer pause process replaced it): then
/// nobody can find its namespace any more, and it exits.
pub fn pause_forever(pidfile: &Path) -> ! {
    let _ = nix::unistd::setsid();
    let mut all = nix::sys::signal::SigSet::all();
    all.remove(nix::sys::signal::Signal::SIGTERM);
    let _ = all.thread_block();
    let me = std::process::id().to_string();
    // The starter writes the file right after starting us.
    std::thread::sleep(std::time::Duration::from_secs(5));
    loop {
        let named = std::fs::read_to_string(pidfile).is_ok_and(|t| t.split_whitespace().next() == Some(me.as_str()));
        if !named {
            std::process::exit(0);
        }
        std::thread::sleep(std::time::Duration::from_secs(30));
    }
}

/// `rpod system migrate`: stop the running containers (they live in the
/// namespace of the old ranges) and the pause process, so that the next
/// command makes a namespace from `/etc/subuid` and `/etc/subgid` as they
/// are now. Returns the names of the containers stopped and the PIDs of
/// the pause processes ended (the recorded one, and the one this command
/// started when it found the recorded one stale). As root there is no
/// pause process: nothing to do.
pub fn migrate(ctx: &crate::context::Context) -> anyhow::Result<(Vec<String>, Vec<i32>)> {
    let Some(dir) = ctx.paths()?.user_run_dir.clone() else {
        return Ok((Vec::new(), Vec::new()));
    };
    let before = recorded_pause(&dir.join("pause.pid"));
    let mut stopped = Vec::new();
    let mut containers = ctx.containers()?;
    for c in containers.list()? {
        if c.state.status.is_live() {
            let timeout = std::time::Duration::from_secs(u64::from(c.config.stop_timeout));
            crate::container::lifecycle::stop(&mut containers, &c, timeout, None)
                .with_context(|| format!("stopping container {}", c.name))?;
            stopped.push(c.name.clone());
        }
    }
    let mut ended: Vec<i32> = stop(&dir)?.into_iter().collect();
    if let Some(old) = before.filter(|p| !ended.contains(p)) {
        // Replaced while entering above: it would exit by itself within
        // half a minute; end it now.
        if nix::sys::signal::kill(nix::unistd::Pid::from_raw(old), nix::sys::signal::Signal::SIGTERM).is_ok() {
            ended.insert(0, old);
        }
    }
    Ok((stopped, ended))
}
