//! The monitor: one small process per running container, rpod itself
//! re-executed (`rpod __monitor ID`), like Podman's conmon.
//!
//! Started by [`super::lifecycle::start`] in the starting command's user
//! and mount namespaces (where the container's root file system is
//! mounted), it forks once more and starts a new session, so it outlives
//! the command. Then it
//!
//! 1. becomes a child subreaper and listens on `<run dir>/attach`;
//! 2. reports `listening` on the pipe it was given; when asked to, waits
//!    for the first attach client (so `run` in the foreground sees all
//!    output);
//! 3. starts the container ([`rpod_runtime::create`]) with its stdio on
//!    pipes, or a pty with `-t`; the container's init gets SIGKILL if the
//!    monitor dies, so a container never outlives the process that would
//!    record its end; reports `started PID` (or `error CODE MESSAGE`);
//! 4. copies output to the log ([`super::logfile`]) and to attach clients,
//!    input from clients to the container, window sizes to the pty;
//! 5. on the container's exit records the exit code and time in the
//!    store, tells the clients, and restarts it when the restart policy
//!    says so;
//! 6. finally unmounts the root file system, tears down its bridge network
//!    (netavark), and removes the container
//!    when it was created with `--rm`.
//!
//! Single-threaded: one `poll` loop; no async runtime.

use rpod_runtime::hooks::{HookSet, Stage};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use super::attach::{self, Decoder};
use super::logfile::{LogDriver, LogWriter};
use super::record::{now_ns, Containers, Status};
use super::rootfs::Rootfs;
use crate::context::Context;
use crate::procfs::process_start;

/// The command that starts a monitor for container `id`: `preserve` (for
/// the container's process) become its descriptors 3, 4, ..., `report`
/// the one after them.
pub fn command(
    ctx: &Context,
    id: &str,
    attach_first: bool,
    rootless: bool,
    report: BorrowedFd,
    preserve: &[BorrowedFd],
) -> anyhow::Result<Command> {
    let paths = ctx.paths()?;
    let exe = std::env::current_exe().context("finding rpod's own executable")?;
    let mut cmd = Command::new(exe);
    cmd.arg0("rpod-monitor");
    let mut args: Vec<OsString> = vec![
        "--root".into(),
        paths.graph_root.clone().into(),
        "--runroot".into(),
        paths.run_root.clone().into(),
        "--log-level".into(),
        clap::ValueEnum::to_possible_value(&ctx.global.log_level)
            .map_or_else(|| "warn".to_string(), |v| v.get_name().to_string())
            .into(),
        "__monitor".into(),
    ];
    if attach_first {
        args.push("--attach-first".into());
    }
    if rootless {
        args.push("--rootless".into());
    }
    if !preserve.is_empty() {
        args.push(format!("--preserve-fds={}", preserve.len()).into());
    }
    args.extend(ctx.global.monitor_words());
    args.push(id.into());
    cmd.args(args);
    cmd.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null());
    // The monitor's own messages go to a file in the run directory.
    let log_path = paths.run_root.join("containers").join(id).join("monitor.log");
    let log = std::fs::File::options()
        .create(true)
        .append(true)
        .open(&log_path)
        .with_context(|| format!("opening {}", log_path.display()))?;
    cmd.stderr(log);
    // 3..3+N: the descriptors the container's process gets; then the
    // report pipe; then the host's mount namespace, where the monitor
    // tears its container's bridge network down.
    let mut fds: Vec<_> = preserve.iter().map(|f| f.as_raw_fd()).collect();
    fds.push(report.as_raw_fd());
    fds.extend(crate::context::host_mount_namespace().map(|f| f.as_raw_fd()));
    crate::sys::pass_fds(&mut cmd, fds);
    Ok(cmd)
}

/// What `rpod __monitor` was told.
pub struct MonitorOptions {
    pub id: String,
    pub attach_first: bool,
    pub rootless: bool,
    /// Descriptors 3..3+N are the container process's (`run --preserve-fds`).
    pub preserve_fds: u32,
}

/// Entry point of the monitor process. Never returns an error to the
/// command line: failures go to the report pipe and the log.
pub fn main(ctx: &Context, opts: MonitorOptions) -> anyhow::Result<()> {
    // Detach: a new process (the starter reaps the first one at once) in a
    // session of its own.
    crate::sys::fork_into_background();
    let _ = nix::unistd::setsid();
    let first_own = 3 + opts.preserve_fds as i32;
    let mut preserve: Vec<OwnedFd> = (3..first_own).filter_map(crate::sys::take_fd).collect();
    let report = crate::sys::take_fd(first_own);
    if let Some(host) = crate::sys::take_fd(first_own + 1) {
        crate::context::set_host_mount_namespace(host);
    }
    let mut report = report.map(std::fs::File::from);
    let result = run(ctx, &opts, &mut report, &mut preserve);
    if let Err(e) = &result {
        log::error!("monitor of container {}: {e:#}", opts.id);
        if let Some(r) = report.as_mut() {
            let msg = format!("{e:#}").replace('\n', " ");
            let _ = writeln!(r, "error 125 {msg}");
        }
    }
    Ok(())
}

struct Io {
    /// stdout pipe or pty master.
    out: Option<OwnedFd>,
    err: Option<OwnedFd>,
    /// Where client input goes: the stdin pipe or the pty master.
    input: Option<OwnedFd>,
    tty: bool,
}

/// `preserve` go to the container's first start only (and are closed
/// then, so the caller's pipes among them see their end with the container's).
fn run(
    ctx: &Context,
    opts: &MonitorOptions,
    report: &mut Option<std::fs::File>,
    preserve: &mut Vec<OwnedFd>,
) -> anyhow::Result<()> {
    nix::sys::prctl::set_child_subreaper(true).context("becoming a subreaper")?;
    let mut containers = ctx.containers()?;
    let c = containers.get(&opts.id)?.ok_or_else(|| anyhow::anyhow!("container {} not found", opts.id))?;
    let run_dir = containers.run_dir(&c.id);
    let spec_bytes = std::fs::read(run_dir.join("config.json")).context("reading the container's spec")?;
    let spec: rpod_runtime::oci_spec::runtime::Spec =
        serde_json::from_slice(&spec_bytes).context("parsing the container's spec")?;
    let listener = attach::listen(&run_dir)?;
    listener.set_nonblocking(true)?;
    let me = std::process::id() as i32;
    let my_start = process_start(me).unwrap_or(0);

    // SIGCHLD and the termination signals arrive on a signalfd.
    let mut mask = SigSet::empty();
    for s in [Signal::SIGCHLD, Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP, Signal::SIGPIPE] {
        mask.add(s);
    }
    mask.thread_block().context("blocking signals")?;
    let sfd = SignalFd::with_flags(&mask, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)?;

    send(report, "listening");
    let mut clients: Vec<Client> = Vec::new();
    if opts.attach_first {
        let deadline = Instant::now() + Duration::from_secs(30);
        while clients.is_empty() && Instant::now() < deadline {
            let mut fds = [PollFd::new(listener.as_fd(), PollFlags::POLLIN)];
            let _ = poll(&mut fds, PollTimeout::from(100u16));
            accept_all(&listener, &mut clients);
        }
    }

    let mut log = if matches!(c.config.log_driver, LogDriver::K8sFile | LogDriver::JsonFile) {
        Some(
            LogWriter::open(&containers.log_path(&c.id), c.config.log_max_size, c.config.log_driver)
                .context("opening the log")?,
        )
    } else {
        None
    };
    let pod_cgroup = c.config.options.pod_cgroup.as_ref();
    let cgroup = super::limits::plan(&c.config.resources, opts.rootless, super::limits::Where::of(&c.config.options))?;
    let hooks = hook_set(&spec, &c.id, &run_dir);
    // --sdnotify: the caller's NOTIFY_SOCKET (this process has the starting
    // command's environment), and with `container` the container's socket.
    let notify_mode = c.config.options.sdnotify;
    let notify_to = match notify_mode {
        super::sdnotify::Mode::Ignore => None,
        _ => super::sdnotify::caller_socket(),
    };
    let proxy = match (&notify_to, notify_mode) {
        (Some(t), super::sdnotify::Mode::Container) => Some(super::sdnotify::Proxy::bind(&run_dir, t.clone())?),
        _ => None,
    };
    let mut backoff = Duration::from_millis(100);
    let mut exit_after_removal = None;
    let mut first_launch = true;
    loop {
        let (io, stdio) = make_stdio(c.config.tty, c.config.open_stdin)?;
        let kept: Vec<BorrowedFd> = preserve.iter().map(|f| f.as_fd()).collect();
        let launched = match &c.config.runtime {
            Some(runtime) => {
                let ext =
                    super::external::External::new(runtime, &run_dir, &c.id).with_flags(ctx.global.runtime_flags());
                launch_external(ext, &spec, io, (stdio, &kept))
            }
            None => {
                let b = Builtin {
                    id: &c.id,
                    spec: &spec,
                    cgroup: cgroup.as_ref(),
                    // --init-path: the init is the spec's own process.
                    init: c.config.init && c.config.options.init_program(true).is_none(),
                    // An infra container from an image (--infra-image) runs it.
                    infra: c.config.infra && c.config.layers.is_empty(),
                    hooks: hooks.as_ref(),
                    net: Net { mode: &c.config.network, ports: &c.config.ports, run_dir: &run_dir },
                    preserve: &kept,
                };
                launch_builtin(&b, io, stdio)
            }
        };
        drop(kept);
        preserve.clear();
        let launched = match launched {
            Ok(l) => l,
            Err((code, msg)) => {
                containers.update_state(&c.id, |s| {
                    s.status = Status::Exited;
                    s.exit_code = code;
                    s.error = msg.clone();
                    s.finished_at = now_ns();
                    s.pid = 0;
                    s.monitor_pid = 0;
                    true
                })?;
                send(report, &format!("error {code} {}", msg.replace('\n', " ")));
                for cl in &mut clients {
                    cl.send(attach::EXIT, &code.to_le_bytes());
                }
                break;
            }
        };
        let (pid, cgroup_text) =
            (launched.init, launched.cgroup.as_ref().map(|d| d.display().to_string()).unwrap_or_default());
        containers.update_state(&c.id, |s| {
            s.status = Status::Running;
            s.cgroup = cgroup_text.clone();
            s.pid = pid;
            s.monitor_pid = me;
            s.monitor_start = my_start;
            s.started_at = now_ns();
            s.finished_at = 0;
            s.exit_code = 0;
            s.error.clear();
            s.oom_killed = false;
            // A user's start clears it; a restart by policy keeps a `stop`
            // that came while it was being restarted (stop then ends it).
            if first_launch {
                s.stopped_by_user = false;
            }
            s.health = c.config.options.healthcheck.as_ref().map(|_| super::health::Health::starting());
            true
        })?;
        for (flag, file, value) in
            [("--pidfile", &c.config.options.pidfile, pid), ("--conmon-pidfile", &c.config.options.conmon_pidfile, me)]
        {
            if let Some(f) = file {
                if let Err(e) = crate::files::write_atomic(f, value.to_string().as_bytes()) {
                    log::error!("writing {flag} {}: {e:#}", f.display());
                }
            }
        }
        first_launch = false;
        containers.event(&c, "start");
        if let Some(t) = &notify_to {
            // The monitor is the unit's main process (it lives as long as the
            // container); with `conmon` the container counts as ready now.
            let msg = match notify_mode {
                super::sdnotify::Mode::Conmon => format!("MAINPID={me}\nREADY=1"),
                _ => format!("MAINPID={me}"),
            };
            if let Err(e) = super::sdnotify::send(t, &msg) {
                log::warn!("{e:#}");
            }
        }
        send(report, &format!("started {pid}"));
        // Nobody reads the rest.
        *report = None;

        let mut health = super::health::Timer::new(ctx, &c)?;
        // --timeout: the container is killed when it has run this long (Podman's conmon --timeout).
        let deadline = c.config.options.timeout.filter(|t| *t > 0).map(|t| Instant::now() + Duration::from_secs(t));
        let init = Init { pid: launched.watch, deadline, notify: proxy.as_ref() };
        let code = serve(&listener, &sfd, &mut clients, launched.io, log.as_mut(), init, &mut health)?;
        if launched.external.is_none() {
            crate::container::hooks::warn_hooks(hooks.as_ref(), Stage::Poststop, "stopped", 0);
        }
        let health_restart = health.is_some_and(|h| h.restart);
        if let Some(ext) = &launched.external {
            ext.delete();
        }
        if let Some(h) = launched.network {
            h.stop();
        }
        // The kernel's OOM killer ended it: memory.events says so.
        let oom = launched.cgroup.as_ref().is_some_and(|d| rpod_runtime::cgroup_manager::oom_kills(d) > 0);
        if let Some(d) = &launched.cgroup {
            if let Err(e) = rpod_runtime::cgroup_manager::remove(d) {
                log::warn!("{e}");
            }
            if let Some(p) = pod_cgroup {
                super::limits::remove_pod_cgroup(d, p);
            }
        }
        // Before the state says so, so that whoever waits for the exit
        // finds the event already there.
        containers.event_of(&crate::events::Event { exit_code: code, ..c.event("died") });
        let after = containers.update_state(&c.id, |s| {
            s.status = Status::Exited;
            s.exit_code = code;
            s.finished_at = now_ns();
            s.pid = 0;
            s.oom_killed = oom;
            s.cgroup.clear();
            true
        })?;
        if c.config.auto_remove {
            // The attached clients (`run --rm`) hear of the end once the
            // container is gone.
            exit_after_removal = Some(code);
            break;
        }
        for cl in &mut clients {
            cl.send(attach::EXIT, &code.to_le_bytes());
        }
        clients.clear();
        let Some(after) = after else { break };
        // --health-on-failure=restart restarts whatever the policy says.
        if !health_restart && !c.config.restart.restarts(code, after.state.restart_count, after.state.stopped_by_user) {
            break;
        }
        std::thread::sleep(backoff);
        backoff = (backoff * 2).min(Duration::from_secs(5));
        // Still wanted? (`stop` or `rm` may have come in meanwhile.)
        match containers.update_state(&c.id, |s| {
            if s.stopped_by_user {
                return false;
            }
            s.restart_count += 1;
            true
        })? {
            Some(c) if !c.state.stopped_by_user => {}
            _ => break,
        }
        accept_all(&listener, &mut clients);
    }
    finish(&mut containers, &c.id, c.config.auto_remove, c.config.rootfs_overlay);
    if let Some(code) = exit_after_removal {
        for cl in &mut clients {
            cl.send(attach::EXIT, &code.to_le_bytes());
        }
    }
    Ok(())
}

/// A started container, by either runtime.
struct Launched {
    io: Io,
    /// The container's init.
    init: i32,
    /// The child whose exit is the container's: the init, or the external
    /// runtime's process.
    watch: i32,
    cgroup: Option<std::path::PathBuf>,
    external: Option<super::external::External>,
    /// pasta, serving the container's network namespace.
    network: Option<crate::network::pasta::Helper>,
}

/// What the network helper of a new container needs.
struct Net<'a> {
    mode: &'a crate::network::Mode,
    ports: &'a [crate::network::PortMapping],
    run_dir: &'a std::path::Path,
}

/// Why a start failed: exit code (125, or 126/127 for the command) and
/// message.
type LaunchError = (i32, String);

/// What [`launch_builtin`] starts: the same for each (re)start of a container.
struct Builtin<'a> {
    id: &'a str,
    spec: &'a rpod_runtime::oci_spec::runtime::Spec,
    cgroup: Option<&'a super::limits::CgroupPlan>,
    /// `--init`: rpod-init as PID 1.
    init: bool,
    /// A pod's infra container: `rpod-init --pause` from the engine's sealed copy.
    infra: bool,
    hooks: Option<&'a HookSet>,
    net: Net<'a>,
    /// `--preserve-fds`: the caller's descriptors for the first start only.
    preserve: &'a [BorrowedFd<'a>],
}

/// The built-in runtime: the init cloned straight into its cgroup, dying
/// with the monitor. A network helper (pasta) is started for its network
/// namespace as soon as the clone has made it, in parallel with the rest of
/// the set-up, and the start gate opens once it is ready, so the
/// container's process never runs without its network.
fn launch_builtin(b: &Builtin, mut io: Io, stdio: rpod_runtime::Stdio) -> Result<Launched, LaunchError> {
    let Builtin { id, spec, cgroup, init, infra, hooks, ref net, preserve } = *b;
    let cgroup_dir = match cgroup {
        Some(cg) => Some(cg.create(id).map_err(|e| (125, format!("{e:#}")))?),
        None => None,
    };
    let drop_cgroup = || {
        if let Some(d) = &cgroup_dir {
            let _ = rpod_runtime::cgroup_manager::remove(d);
        }
    };
    let exit_code = |e: &rpod_runtime::RuntimeError| match e.exit_code() {
        126 => 126,
        127 => 127,
        _ => 125,
    };
    let gated = crate::network::needs_helper(net.mode);
    let fifo = net.run_dir.join("start.fifo");
    // The helper starts as soon as the namespace exists, in parallel with
    // the rest of the container's set-up; it must be ready before the gate
    // opens.
    let early: std::cell::RefCell<Option<anyhow::Result<Option<crate::network::pasta::Helper>>>> = Default::default();
    // A pod's infra container runs `rpod-init --pause` (its spec's
    // arguments) from the engine's sealed copy: its root is empty.
    let pause_program = match infra {
        true => Some(rpod_runtime::init_program().map_err(|e| {
            drop_cgroup();
            (125, e.to_string())
        })?),
        false => None,
    };
    let mut create = rpod_runtime::CreateOptions::new(spec);
    create.stdio = stdio;
    create.preserve_fds = preserve.to_vec();
    create.parent_death_signal = Some(Signal::SIGKILL);
    create.cgroup = cgroup_dir.clone();
    create.init = init;
    create.hooks = hooks.cloned();
    create.exec_fd = pause_program.as_ref().map(|f| f.as_fd());
    if gated {
        let _ = std::fs::remove_file(&fifo);
        create.start_gate = rpod_runtime::StartGate::Wait { fifo: fifo.clone() };
        create.on_netns = Some(rpod_runtime::NetnsHook(Box::new(|pid: Pid| {
            *early.borrow_mut() = Some(crate::network::attach(net.mode, net.ports, pid.as_raw(), net.run_dir));
        })));
    }
    let created = rpod_runtime::create(&create);
    drop(create);
    let early = early.into_inner();
    let created = match created {
        Ok(c) => c,
        Err(e) => {
            if let Some(Ok(Some(h))) = early {
                h.stop();
            }
            drop_cgroup();
            return Err((exit_code(&e), e.to_string()));
        }
    };
    let pid = created.pid.as_raw();
    let mut network = None;
    if gated {
        // Nothing is left half-started: the init is killed and reaped.
        let abandon = |code: i32, msg: String| {
            let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGKILL);
            let _ = waitpid(Pid::from_raw(pid), None);
            rpod_runtime::forget(created.pid);
            let _ = std::fs::remove_file(&fifo);
            drop_cgroup();
            (code, msg)
        };
        let spawned = early.unwrap_or_else(|| crate::network::attach(net.mode, net.ports, pid, net.run_dir));
        network = match spawned.and_then(|h| h.map(|h| h.ready()).transpose()) {
            Ok(h) => h,
            Err(e) => return Err(abandon(125, format!("setting up the network ({}): {e:#}", net.mode))),
        };
        // The init waited at the gate, so the runtime left prestart and
        // startContainer to whoever opens it (as `rpod oci start` does).
        if let Err(e) = rpod_runtime::start(&fifo, hooks, pid) {
            if let Some(h) = network.take() {
                h.stop();
            }
            return Err(abandon(exit_code(&e), e.to_string()));
        }
        rpod_runtime::forget(created.pid);
    }
    if let Some(m) = created.pty_master {
        let dup = m.try_clone().map_err(|e| (125, format!("duplicating the pty: {e}")))?;
        io.out = Some(m);
        io.input = Some(dup);
    }
    crate::container::hooks::warn_hooks(hooks, Stage::Poststart, "running", pid);
    Ok(Launched { io, init: pid, watch: pid, cgroup: cgroup_dir, external: None, network })
}

/// The spec's hooks (from the hook directories) with the state they get:
/// the container's run directory is its bundle (it holds config.json).
fn hook_set(spec: &rpod_runtime::oci_spec::runtime::Spec, id: &str, run_dir: &std::path::Path) -> Option<HookSet> {
    let hooks = spec.hooks().clone()?;
    let annotations = spec.annotations().clone().unwrap_or_default().into_iter().collect();
    let state = rpod_runtime::hooks::State {
        id: id.to_string(),
        bundle: run_dir.to_path_buf(),
        annotations,
        ..Default::default()
    };
    Some(HookSet { hooks, state })
}

/// `--runtime`: the container created and started by an external runtime;
/// its init is then our child (we are a subreaper).
fn launch_external(
    ext: super::external::External,
    spec: &rpod_runtime::oci_spec::runtime::Spec,
    io: Io,
    (stdio, preserve): (rpod_runtime::Stdio, &[BorrowedFd]),
) -> Result<Launched, LaunchError> {
    let rpod_runtime::Stdio::Fds { stdin, stdout, stderr } = stdio else {
        return Err((125, "--runtime needs pipes, not a terminal".into()));
    };
    match ext.start(spec, [stdin, stdout, stderr], preserve) {
        Ok(init) => Ok(Launched { io, init, watch: init, cgroup: None, external: Some(ext), network: None }),
        Err(e) => {
            ext.delete();
            Err(e)
        }
    }
}

fn send(report: &mut Option<std::fs::File>, line: &str) {
    if let Some(r) = report.as_mut() {
        let _ = writeln!(r, "{line}");
    }
}

/// The container's stdio: a pty, or pipes (stdin from a pipe the monitor
/// feeds with `-i`, else `/dev/null`).
fn make_stdio(tty: bool, open_stdin: bool) -> anyhow::Result<(Io, rpod_runtime::Stdio)> {
    if tty {
        return Ok((Io { out: None, err: None, input: None, tty: true }, rpod_runtime::Stdio::Pty));
    }
    let (out_r, out_w) = nix::unistd::pipe()?;
    let (err_r, err_w) = nix::unistd::pipe()?;
    let (stdin, input) = if open_stdin {
        let (r, w) = nix::unistd::pipe()?;
        (r, Some(w))
    } else {
        (super::lifecycle::dev_null()?, None)
    };
    Ok((
        Io { out: Some(out_r), err: Some(err_r), input, tty: false },
        rpod_runtime::Stdio::Fds { stdin, stdout: out_w, stderr: err_w },
    ))
}

struct Client {
    sock: UnixStream,
    dec: Decoder,
    alive: bool,
}

impl Client {
    fn send(&mut self, kind: u8, data: &[u8]) {
        if self.alive && self.sock.write_all(&attach::frame(kind, data)).is_err() {
            self.alive = false;
        }
    }
}

fn accept_all(listener: &UnixListener, clients: &mut Vec<Client>) {
    while let Ok((sock, _)) = listener.accept() {
        // Writes block (a slow client slows the container, like a pipe);
        // a client that stops reading for long is dropped.
        let _ = sock.set_nonblocking(false);
        let _ = sock.set_write_timeout(Some(Duration::from_secs(5)));
        clients.push(Client { sock, dec: Decoder::default(), alive: true });
    }
}

/// The poll loop while the container runs; returns its exit code once it
/// has exited and its output is drained.
/// The process `serve` waits for, and when it must be killed (`--timeout`).
struct Init<'a> {
    pid: i32,
    deadline: Option<Instant>,
    /// `--sdnotify=container`: the container's socket, relayed.
    notify: Option<&'a super::sdnotify::Proxy>,
}

fn serve(
    listener: &UnixListener,
    sfd: &SignalFd,
    clients: &mut Vec<Client>,
    mut io: Io,
    mut log: Option<&mut LogWriter>,
    init: Init,
    health: &mut Option<super::health::Timer>,
) -> anyhow::Result<i32> {
    let Init { pid, mut deadline, notify } = init;
    let mut exit: Option<(i32, Instant)> = None;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if let Some((code, since)) = exit {
            // Output is drained when both streams hit EOF (or after a grace
            // period: something else may hold the pipe open).
            if (io.out.is_none() && io.err.is_none()) || since.elapsed() > Duration::from_secs(2) {
                return Ok(code);
            }
        }
        let mut fds: Vec<PollFd> = Vec::with_capacity(4 + clients.len());
        fds.push(PollFd::new(sfd.as_fd(), PollFlags::POLLIN));
        fds.push(PollFd::new(listener.as_fd(), PollFlags::POLLIN));
        let out_i = io.out.as_ref().map(|f| {
            fds.push(PollFd::new(f.as_fd(), PollFlags::POLLIN));
            fds.len() - 1
        });
        let err_i = io.err.as_ref().map(|f| {
            fds.push(PollFd::new(f.as_fd(), PollFlags::POLLIN));
            fds.len() - 1
        });
        let notify_i = notify.map(|n| {
            fds.push(PollFd::new(n.sock.as_fd(), PollFlags::POLLIN));
            fds.len() - 1
        });
        let first_client = fds.len();
        for c in clients.iter() {
            fds.push(PollFd::new(c.sock.as_fd(), PollFlags::POLLIN));
        }
        let wake =
            [health.as_ref().map(|h| h.timeout()), deadline.map(|d| d.saturating_duration_since(Instant::now()))]
                .into_iter()
                .flatten()
                .min();
        let timeout = match (exit, wake) {
            (Some(_), _) => PollTimeout::from(100u16),
            (None, Some(w)) => PollTimeout::try_from(w.max(Duration::from_millis(1))).unwrap_or(PollTimeout::MAX),
            (None, None) => PollTimeout::NONE,
        };
        match poll(&mut fds, timeout) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("poll"),
            Ok(_) => {}
        }
        let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
        drop(fds);
        if let Some(h) = health.as_mut().filter(|_| exit.is_none()) {
            h.tick(pid);
        }
        if deadline.is_some_and(|d| exit.is_none() && Instant::now() >= d) {
            deadline = None;
            log::info!("the container ran past its --timeout: killing it");
            let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGKILL);
        }

        if ready[0] {
            while let Ok(Some(info)) = sfd.read_signal() {
                match Signal::try_from(info.ssi_signo as i32) {
                    Ok(Signal::SIGCHLD) => {}
                    // Someone wants the monitor gone: the container goes
                    // first (its exit is then recorded as usual).
                    Ok(Signal::SIGTERM | Signal::SIGINT | Signal::SIGHUP) => {
                        let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGKILL);
                    }
                    _ => {}
                }
            }
            // Reap everything: the container and orphans we inherited.
            loop {
                match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                    Ok(WaitStatus::Exited(p, code)) if p.as_raw() == pid => exit = Some((code, Instant::now())),
                    Ok(WaitStatus::Exited(p, code)) => {
                        if let Some(h) = health.as_mut() {
                            h.reaped(p.as_raw(), code, pid);
                        }
                    }
                    Ok(WaitStatus::Signaled(p, sig, _)) if p.as_raw() == pid => {
                        exit = Some((128 + sig as i32, Instant::now()))
                    }
                    Ok(WaitStatus::StillAlive) | Err(_) => break,
                    Ok(_) => {}
                }
            }
        }
        if ready[1] {
            accept_all(listener, clients);
        }
        if let (Some(n), Some(i)) = (notify, notify_i) {
            if ready[i] {
                n.forward();
            }
        }
        for (idx, stream, kind) in [(out_i, "stdout", attach::STDOUT), (err_i, "stderr", attach::STDERR)] {
            let Some(i) = idx else { continue };
            if !ready[i] {
                continue;
            }
            let slot = if kind == attach::STDOUT { &mut io.out } else { &mut io.err };
            let Some(fd) = slot.as_ref() else { continue };
            match nix::unistd::read(fd, &mut buf) {
                Ok(0) | Err(nix::errno::Errno::EIO) => *slot = None,
                Err(nix::errno::Errno::EINTR | nix::errno::Errno::EAGAIN) => {}
                Err(e) => {
                    log::warn!("reading the container's {stream}: {e}");
                    *slot = None;
                }
                Ok(n) => {
                    if let Some(l) = log.as_deref_mut() {
                        if let Err(e) = l.write(stream, &buf[..n], now_ns()) {
                            log::warn!("writing the container log: {e}");
                        }
                    }
                    for c in clients.iter_mut() {
                        c.send(kind, &buf[..n]);
                    }
                }
            }
        }
        for (k, c) in clients.iter_mut().enumerate() {
            if !ready.get(first_client + k).copied().unwrap_or(false) {
                continue;
            }
            match c.sock.read(&mut buf) {
                Ok(0) | Err(_) => c.alive = false,
                Ok(n) => {
                    c.dec.push(&buf[..n]);
                    while let Ok(Some((kind, payload))) = c.dec.next_frame() {
                        client_frame(&mut io, kind, &payload);
                    }
                }
            }
        }
        clients.retain(|c| c.alive);
    }
}

/// Input from an attach client.
fn client_frame(io: &mut Io, kind: u8, payload: &[u8]) {
    match kind {
        attach::STDIN => {
            if let Some(fd) = io.input.as_ref() {
                if write_all(fd.as_fd(), payload).is_err() && !io.tty {
                    io.input = None;
                }
            }
        }
        attach::STDIN_EOF if !io.tty => io.input = None,
        attach::RESIZE if payload.len() == 4 => {
            if let Some(fd) = io.input.as_ref().filter(|_| io.tty) {
                let rows = u16::from_le_bytes([payload[0], payload[1]]);
                let cols = u16::from_le_bytes([payload[2], payload[3]]);
                crate::sys::set_window_size(fd.as_fd(), rows, cols);
            }
        }
        _ => {}
    }
}

fn write_all(fd: BorrowedFd, mut data: &[u8]) -> nix::Result<()> {
    while !data.is_empty() {
        match nix::unistd::write(fd, data) {
            Ok(n) => data = &data[n..],
            Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// After the last exit: unmount, tear the network down, and remove with
/// `--rm`; `--rootfs PATH:O`'s changes (`discard`) go.
fn finish(containers: &mut Containers, id: &str, auto_remove: bool, discard: bool) {
    let graph_root = containers.graph_root().to_path_buf();
    let rootfs = Rootfs::new(&graph_root, id);
    let _ = nix::mount::umount2(&rootfs.merged, nix::mount::MntFlags::MNT_DETACH);
    if discard {
        if let Err(e) = rootfs.discard_changes() {
            log::warn!("{e:#}");
        }
    }
    let _ = std::fs::remove_file(containers.run_dir(id).join("attach"));
    containers.detach_network(id);
    if auto_remove {
        // `rm` may be at it already (it holds the lock): it finishes the job.
        if let Some(_lock) = containers.try_lock(id) {
            if let Err(e) = super::lifecycle::remove_files(containers, &graph_root, id, true) {
                log::error!("{e:#}");
            }
            return;
        }
    }
    // The monitor is done: clear it from the state (unless a new run's
    // monitor is recorded already).
    let me = std::process::id() as i32;
    let _ = containers.update_state(id, |s| {
        if s.monitor_pid != me {
            return false;
        }
        s.monitor_pid = 0;
        s.monitor_start = 0;
        true
    });
}
