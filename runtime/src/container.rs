//! Starting, gating, waiting for and joining containers (the engine side).
//!
//! `create` prepares a plan (`plan.rs`), makes the container's init with
//! one `clone3` carrying all the namespace flags (so the init is PID 1 of
//! its PID namespace and a direct child of the caller: no intermediate or
//! long-lived helper process), and reads the init's reports on a
//! close-on-exec `SOCK_SEQPACKET` socket: a report is a failure (step +
//! errno), a pty master (`SCM_RIGHTS`), or "ready" at the start gate; the
//! socket closing without a report means `execve` succeeded.
//!
//! Escape resistance, by construction:
//! - The container's PID 1 is the user's program: the init `execve`s it
//!   directly after set-up and never re-executes the engine's binary inside
//!   the container, so `/proc/1/exe` there is the container's own program
//!   (the runc CVE-2019-5736 class). Until that `execve` the init is not
//!   dumpable, so nothing in the container may ptrace it or open its
//!   `/proc/PID/exe` (which is the engine's binary then). An `exec`'d
//!   process is forked into the container's PID namespace only after a
//!   first child made itself non-dumpable and joined every namespace, mount
//!   included; it runs under the container's seccomp filter, capabilities
//!   and no_new_privs, in a session of its own.
//!   `--init` is `rpod-init`, a small static program of its own run from a
//!   sealed memfd (see `init/rpod_init.rs`), never the engine.
//! - The child's first act is to close every descriptor it does not need
//!   (CVE-2024-21626), again before `chdir` into the container's working
//!   directory, which is checked to be inside the container's root.
//! - Mount targets are resolved after `pivot_root` (paths cannot leave the
//!   new root) and refused when they pass through a `/proc` magic link.

use std::io::Read;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::sys::signal::Signal;
use nix::sys::socket::{socketpair, AddressFamily, SockFlag, SockType};
use nix::sys::stat::Mode;
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;
use oci_spec::runtime::{Process, Spec};

use crate::error::RuntimeError;
use crate::hooks::{HookSet, Stage};
use crate::plan::{
    self, HostFacts, IoPlan, JoinPlan, Msg, Step, MSG_EXEC_FAIL, MSG_FAIL, MSG_GO, MSG_HOOKS, MSG_LEN, MSG_PID,
    MSG_PTY, MSG_READY,
};
use crate::{child, sys};

/// The container process's standard input, output and error.
#[derive(Debug)]
pub enum Stdio {
    /// The caller's own 0, 1 and 2.
    Inherit,
    /// These descriptors (the caller may drop its copies after `create`).
    Fds { stdin: OwnedFd, stdout: OwnedFd, stderr: OwnedFd },
    /// A new pseudo-terminal made inside the container's `/dev/pts`; the
    /// master is returned in [`Created::pty_master`], the slave is the
    /// process's stdio, its controlling terminal and `/dev/console`.
    Pty,
}

/// When the container's process starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartGate {
    /// Exec as soon as the container is set up; `create` returns after the
    /// `execve` (so exec errors come back from `create`).
    Immediate,
    /// Set everything up, then block before `execve` until [`start`] is
    /// called on this fifo path (runc's `exec.fifo`). `create` makes the fifo
    /// (mode 0622, like runc; keep it in a private directory) and fails if
    /// the path exists.
    Wait { fifo: PathBuf },
}

/// Called by [`create`] with the init's PID once its new network
/// namespace exists (see [`CreateOptions::on_netns`]).
pub struct NetnsHook<'a>(pub Box<dyn Fn(Pid) + 'a>);

impl std::fmt::Debug for NetnsHook<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NetnsHook")
    }
}

/// What [`create`] needs.
#[derive(Debug)]
pub struct CreateOptions<'a> {
    pub spec: &'a Spec,
    pub stdio: Stdio,
    pub start_gate: StartGate,
    /// Passed to the container process as descriptors 3, 4, ... in order
    /// (OCI's `--preserve-fds`, systemd's `LISTEN_FDS`).
    pub preserve_fds: Vec<BorrowedFd<'a>>,
    /// Execute this open file (e.g. a sealed copy of the engine made by
    /// [`sealed_copy`], for `--init`) instead of looking `args[0]` up in the
    /// container's `PATH`; `args` are still its argv.
    pub exec_fd: Option<BorrowedFd<'a>>,
    /// Signal the container's process gets when the calling thread dies
    /// (an engine's monitor: SIGKILL, so a container never outlives the
    /// process that would record its exit).
    pub parent_death_signal: Option<nix::sys::signal::Signal>,
    /// Start the container's init in this cgroup (v2, created and
    /// configured by the caller); with a cgroup namespace it becomes the
    /// namespace's root.
    pub cgroup: Option<PathBuf>,
    /// `--init`: the container's PID 1 is a tiny init (the runtime's own,
    /// no binary needed in the container) and the process its child.
    pub init: bool,
    /// Lifecycle hooks: `create` runs `createRuntime` and `createContainer`
    /// (a failure kills the init and fails the create), and with
    /// [`StartGate::Immediate`] `prestart` and `startContainer` too, right
    /// before the exec; the caller runs those two for a gated container
    /// before [`start`], and `poststart`/`poststop`.
    pub hooks: Option<HookSet>,
    /// Called with the init's PID as soon as its new network namespace
    /// exists: right after the clone, while the init still sets up its root
    /// (a namespace the init unshares after joining a user namespace: once
    /// it is ready at the gate, or has exec'd), so that an engine can start
    /// its network helper in parallel with the set-up. Not called without a
    /// new network namespace, nor when the create failed before.
    pub on_netns: Option<NetnsHook<'a>>,
}

impl<'a> CreateOptions<'a> {
    /// Inherited stdio, no gate, nothing preserved.
    pub fn new(spec: &'a Spec) -> Self {
        CreateOptions {
            spec,
            stdio: Stdio::Inherit,
            start_gate: StartGate::Immediate,
            preserve_fds: Vec::new(),
            exec_fd: None,
            parent_death_signal: None,
            cgroup: None,
            init: false,
            hooks: None,
            on_netns: None,
        }
    }
}

/// A container (or exec'd) process that exists.
#[derive(Debug)]
pub struct Created {
    /// Its PID as the caller sees it (the container's PID 1 for `create`).
    pub pid: Pid,
    /// The pty master when [`Stdio::Pty`] was asked for.
    pub pty_master: Option<OwnedFd>,
}

/// Wait-gated inits whose report socket is kept so [`wait`] can tell an
/// exec failure after [`start`] from the command's own exit.
struct Pending {
    pid: Pid,
    sock: OwnedFd,
    command: String,
}

static PENDING: Mutex<Vec<Pending>> = Mutex::new(Vec::new());

fn host_facts() -> HostFacts {
    static FACTS: OnceLock<HostFacts> = OnceLock::new();
    *FACTS.get_or_init(|| HostFacts { init_root: plan::in_initial_userns_as_root(), may_map: plan::may_map_ids() })
}

fn stdio_fds(s: &Stdio) -> [Option<RawFd>; 3] {
    match s {
        Stdio::Fds { stdin, stdout, stderr } => {
            [Some(stdin.as_raw_fd()), Some(stdout.as_raw_fd()), Some(stderr.as_raw_fd())]
        }
        Stdio::Inherit | Stdio::Pty => [None; 3],
    }
}

fn report_socket() -> Result<(OwnedFd, OwnedFd), RuntimeError> {
    socketpair(AddressFamily::Unix, SockType::SeqPacket, None, SockFlag::SOCK_CLOEXEC)
        .map_err(|e| RuntimeError::sys("creating the report socket", e))
}

/// One report from the child: `None` when the socket closed (exec
/// succeeded, or the child died).
fn recv_report(sock: &OwnedFd, nonblock: bool) -> Result<Option<(Msg, Option<OwnedFd>)>, Errno> {
    let mut buf = [0u8; MSG_LEN];
    let (n, fd) = sys::recv_with_fd(sock.as_raw_fd(), &mut buf, nonblock)?;
    if n == 0 {
        return Ok(None);
    }
    Msg::decode(&buf[..n]).map(|m| Some((m, fd))).ok_or(Errno::EBADMSG)
}

/// Reap a child that reported failure (it exits right after).
fn reap(pid: Pid) -> Option<WaitStatus> {
    loop {
        match waitpid(pid, None) {
            Err(Errno::EINTR) => continue,
            r => return r.ok(),
        }
    }
}

fn kill_and_reap(pid: Pid) {
    let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
    reap(pid);
}

fn describe_status(s: Option<WaitStatus>) -> String {
    match s {
        Some(WaitStatus::Exited(_, c)) => format!("exit code {c}"),
        Some(WaitStatus::Signaled(_, sig, _)) => format!("killed by {sig}"),
        Some(other) => format!("{other:?}"),
        None => "status unknown".into(),
    }
}

/// Write the container's ID maps (a user namespace of its own).
fn write_id_maps(pid: Pid, spec: &Spec) -> Result<(), RuntimeError> {
    let linux = spec.linux().as_ref();
    let fmt = |maps: Option<&Vec<oci_spec::runtime::LinuxIdMapping>>| -> String {
        maps.into_iter().flatten().map(|m| format!("{} {} {}\n", m.container_id(), m.host_id(), m.size())).collect()
    };
    let uid_map = fmt(linux.and_then(|l| l.uid_mappings().as_ref()));
    let gid_map = fmt(linux.and_then(|l| l.gid_mappings().as_ref()));
    if uid_map.is_empty() || gid_map.is_empty() {
        return Err(RuntimeError::InvalidSpec("a user namespace needs uidMappings and gidMappings".into()));
    }
    let write = |file: &str, data: &str| {
        std::fs::write(format!("/proc/{pid}/{file}"), data)
            .map_err(|e| RuntimeError::io(format!("writing {file} of the container"), e))
    };
    write("uid_map", &uid_map)?;
    if !host_facts().may_map {
        // Unprivileged writers must deny setgroups before writing gid_map.
        write("setgroups", "deny")?;
    }
    write("gid_map", &gid_map)
}

/// Make the start-gate fifo and open it `O_PATH` for the child.
fn make_gate(fifo: &Path, made: &mut bool) -> Result<OwnedFd, RuntimeError> {
    nix::unistd::mkfifo(fifo, Mode::from_bits_truncate(0o622))
        .map_err(|e| RuntimeError::sys(format!("creating the start fifo {}", fifo.display()), e))?;
    *made = true;
    let fd = nix::fcntl::open(fifo, OFlag::O_PATH | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC, Mode::empty())
        .map_err(|e| RuntimeError::sys(format!("opening the start fifo {}", fifo.display()), e))?;
    let st = nix::sys::stat::fstat(&fd).map_err(|e| RuntimeError::sys(format!("checking {}", fifo.display()), e))?;
    if st.st_mode & libc::S_IFMT != libc::S_IFIFO {
        return Err(RuntimeError::sys(format!("the start fifo {} was replaced", fifo.display()), Errno::EEXIST));
    }
    // umask may have cut bits: the container's user (any uid) must be able
    // to open it for writing through /proc/self/fd. Changed through the
    // descriptor (its /proc/self/fd link), never by path.
    let by_fd = format!("/proc/self/fd/{}", fd.as_raw_fd());
    nix::sys::stat::fchmodat(
        nix::fcntl::AT_FDCWD,
        by_fd.as_str(),
        Mode::from_bits_truncate(0o622),
        nix::sys::stat::FchmodatFlags::FollowSymlink,
    )
    .map_err(|e| RuntimeError::sys(format!("chmod {}", fifo.display()), e))?;
    Ok(fd)
}

/// Loads the device filter of `linux.resources.devices` (with runc's
/// default allow-list, see [`crate::devices`]) and attaches it to the
/// container's cgroup `dir`. `Ok(false)`: no filter, because every device
/// is allowed, or because this process may not load one (rootless: in a
/// user namespace `bpf(2)` is refused; device nodes are inert there
/// anyway, and the root file system stays `nodev`).
fn device_filter(spec: &Spec, dir: &Path) -> Result<bool, RuntimeError> {
    let list = spec.linux().as_ref().and_then(|l| l.resources().as_ref()).and_then(|r| r.devices().clone());
    let rules = crate::devices::rules_from_oci(&list.unwrap_or_default()).map_err(RuntimeError::InvalidSpec)?;
    let filter = crate::devices::Filter::new(&rules).map_err(RuntimeError::InvalidSpec)?;
    if filter.allows_everything() {
        return Ok(false);
    }
    let program = crate::devices::program(&filter);
    let prog = match crate::bpf::load_device_program(&program, "rpod_devices") {
        Ok(p) => p,
        Err(Errno::EPERM | Errno::EACCES) if !crate::plan::in_initial_userns_as_root() => return Ok(false),
        Err(e) => return Err(RuntimeError::sys("loading the device cgroup filter (bpf BPF_PROG_LOAD)", e)),
    };
    let dir_fd = nix::fcntl::open(dir, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
        .map_err(|e| RuntimeError::sys(format!("opening the cgroup {}", dir.display()), e))?;
    match crate::bpf::attach_device_program(prog.as_fd(), dir_fd.as_fd()) {
        Ok(()) => Ok(true),
        Err(Errno::EPERM | Errno::EACCES) if !crate::plan::in_initial_userns_as_root() => Ok(false),
        Err(e) => Err(RuntimeError::sys(
            format!("attaching the device cgroup filter to {} (bpf BPF_PROG_ATTACH)", dir.display()),
            e,
        )),
    }
}

/// Start a container: fork its init with the spec's namespaces, set up its
/// root file system and process, and exec (or wait at the start gate).
///
/// `spec.root.path` must be an existing directory (the engine has mounted
/// the container's root there in the caller's mount namespace). The caller
/// must be root, or root of the user namespace it shares with the container.
pub fn create(c: &CreateOptions) -> Result<Created, RuntimeError> {
    let mut made_fifo = false;
    let result = create_inner(c, &mut made_fifo);
    if let (Err(_), StartGate::Wait { fifo }, true) = (&result, &c.start_gate, made_fifo) {
        let _ = std::fs::remove_file(fifo);
    }
    result
}

fn create_inner(c: &CreateOptions, made_fifo: &mut bool) -> Result<Created, RuntimeError> {
    let (mut plan, _join_files) = plan::container_plan(c.spec, host_facts())?;
    let (parent_sock, child_sock) = report_socket()?;
    let gate = match &c.start_gate {
        StartGate::Immediate => None,
        StartGate::Wait { fifo } => Some(make_gate(fifo, made_fifo)?),
    };
    let mut io = IoPlan::new(
        child_sock.as_raw_fd(),
        stdio_fds(&c.stdio),
        matches!(c.stdio, Stdio::Pty),
        c.preserve_fds.iter().map(|f| f.as_raw_fd()).collect(),
    );
    io.gate = gate.as_ref().map(|g| g.as_raw_fd());
    io.exec_fd = c.exec_fd.map(|f| f.as_raw_fd());
    io.parent_death_signal = c.parent_death_signal.map_or(0, |s| s as i32);
    io.init = c.init;
    let init_program = if c.init { Some(init_program()?) } else { None };
    io.init_fd = init_program.as_ref().map(|f| f.as_raw_fd());
    if let Some(h) = &c.hooks {
        io.hooks_create = h.any(&[Stage::CreateRuntime, Stage::CreateContainer]);
        io.hooks_start = c.start_gate == StartGate::Immediate && h.any(&[Stage::Prestart, Stage::StartContainer]);
    }

    let flags = plan.clone_flags;
    let cgroup = match &c.cgroup {
        Some(dir) => Some(
            nix::fcntl::open(dir.as_path(), OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
                .map_err(|e| RuntimeError::sys(format!("opening the cgroup {}", dir.display()), e))?,
        ),
        None => None,
    };
    if let Some(dir) = &c.cgroup {
        if device_filter(c.spec, dir)? {
            // The device cgroup now guards every node: an image's own
            // nodes are refused by it (EPERM), as with runc.
            plan.root_nodev = false;
        }
    }
    let cgroup_fd = cgroup.as_ref().map(|f| f.as_raw_fd());
    let pid = if plan.pid_join.is_none() && plan.early_join.is_empty() {
        let _opened = preopen(&mut plan, &mut io)?;
        sys::clone_child(flags, cgroup_fd, || child::run_create(&mut plan, &mut io))
            .map_err(|e| RuntimeError::sys("clone3 of the container's init", e))?
    } else {
        clone_from_thread(c.spec.clone(), io, cgroup_fd, plan.root_nodev, c.parent_death_signal.is_some())?
    };
    drop(child_sock);
    drop(gate);
    let pid = match plan.fork_init {
        true => forked_init(pid, &parent_sock, &plan)?,
        false => pid,
    };

    if plan.new_userns {
        let go = write_id_maps(pid, c.spec).and_then(|_| {
            sys::send(parent_sock.as_raw_fd(), &Msg::new(MSG_GO, Step::None, 0, 0).encode())
                .map_err(|e| RuntimeError::sys("signalling the init", e))
        });
        if let Err(e) = go {
            kill_and_reap(pid);
            return Err(e);
        }
    }

    // The network namespace: made by the clone, or unshared by the init.
    let mut netns_hook =
        c.on_netns.as_ref().filter(|_| (plan.clone_flags | plan.unshare_flags) & libc::CLONE_NEWNET as u64 != 0);
    if plan.clone_flags & libc::CLONE_NEWNET as u64 != 0 {
        if let Some(h) = netns_hook.take() {
            (h.0)(pid);
        }
    }
    let mut pty_master = None;
    loop {
        let report = match recv_report(&parent_sock, false) {
            Ok(r) => r,
            Err(e) => {
                kill_and_reap(pid);
                return Err(RuntimeError::sys("reading the init's report", e));
            }
        };
        match report {
            None if c.start_gate == StartGate::Immediate => {
                if let Some(h) = netns_hook.take() {
                    (h.0)(pid);
                }
                return Ok(Created { pid, pty_master });
            }
            None => return Err(RuntimeError::InitDied(describe_status(reap(pid)))),
            Some((m, fd)) => match m.kind {
                MSG_PTY => pty_master = fd,
                MSG_HOOKS => {
                    let ran = run_create_hooks(c.hooks.as_ref(), m.arg, pid).and_then(|_| {
                        sys::send(parent_sock.as_raw_fd(), &Msg::new(MSG_GO, Step::None, 0, 0).encode())
                            .map_err(|e| RuntimeError::sys("signalling the init", e))
                    });
                    if let Err(e) = ran {
                        kill_and_reap(pid);
                        return Err(e);
                    }
                }
                MSG_READY => {
                    if let Some(h) = netns_hook.take() {
                        (h.0)(pid);
                    }
                    let command = plan.process.arg0.clone();
                    PENDING.lock().unwrap_or_else(|p| p.into_inner()).push(Pending { pid, sock: parent_sock, command });
                    return Ok(Created { pid, pty_master });
                }
                MSG_FAIL => {
                    reap(pid);
                    let step = Step::from_u32(m.step);
                    return Err(RuntimeError::Setup {
                        step: plan.describe(step, m.arg),
                        errno: Errno::from_raw(m.errno),
                    });
                }
                MSG_EXEC_FAIL => {
                    reap(pid);
                    return Err(RuntimeError::from_exec(&plan.process.arg0, Errno::from_raw(m.errno)));
                }
                _ => {
                    kill_and_reap(pid);
                    return Err(RuntimeError::sys("reading the init's report", Errno::EBADMSG));
                }
            },
        }
    }
}

/// A new PID namespace in a joined user namespace (`plan.fork_init`):
/// the first child (`first`) unshared it and forked the container's init;
/// its report is that PID (it exits then) or the step that failed. The
/// init waits for the go-ahead sent here once its PID is known.
fn forked_init(first: Pid, sock: &OwnedFd, plan: &plan::ContainerPlan) -> Result<Pid, RuntimeError> {
    let report = recv_report(sock, false);
    let status = reap(first);
    let pid = match report {
        Ok(Some((m, _))) if m.kind == MSG_PID => Pid::from_raw(m.arg as i32),
        Ok(Some((m, _))) if m.kind == MSG_FAIL => {
            return Err(RuntimeError::Setup {
                step: plan.describe(Step::from_u32(m.step), m.arg),
                errno: Errno::from_raw(m.errno),
            })
        }
        Ok(None) => return Err(RuntimeError::InitDied(describe_status(status))),
        Ok(Some(_)) => return Err(RuntimeError::sys("reading the init's report", Errno::EBADMSG)),
        Err(e) => return Err(RuntimeError::sys("reading the init's report", e)),
    };
    if let Err(e) = sys::send(sock.as_raw_fd(), &Msg::new(MSG_GO, Step::None, 0, 0).encode()) {
        kill_and_reap(pid);
        return Err(RuntimeError::sys("signalling the init", e));
    }
    Ok(pid)
}

/// The hooks the init paused for: before `pivot_root` (`HOOKS_CREATE`:
/// createRuntime, createContainer) or before exec (`HOOKS_START`:
/// prestart, startContainer).
fn run_create_hooks(hooks: Option<&HookSet>, which: u32, pid: Pid) -> Result<(), RuntimeError> {
    let Some(h) = hooks else { return Ok(()) };
    let pid = pid.as_raw();
    if which == plan::HOOKS_START {
        h.run(Stage::Prestart, "created", pid)?;
        return h.run(Stage::StartContainer, "created", pid);
    }
    h.run(Stage::CreateRuntime, "creating", pid)?;
    h.run(Stage::CreateContainer, "creating", pid)
}

/// A new or joined user namespace: the root file system and every bind source
/// opened (detached copies, `open_tree`) by the engine before the clone,
/// their descriptors put in the plan for the init, which attaches them —
/// the container's IDs may not be able to reach them (the store's
/// directories are private to the engine's user; the maps need not
/// include it), as crun and runc open mount sources before the switch.
/// The returned descriptors are the engine's copies, to drop after the
/// clone. Makes room in `io` for the init to keep them.
/// Trees in another process's mount namespace (`Tree::mntns`) are always
/// opened here (the init, in a mount namespace of its own, could not).
fn preopen(plan: &mut plan::ContainerPlan, io: &mut IoPlan) -> Result<Vec<OwnedFd>, RuntimeError> {
    // Only a caller with privileges over its mount namespace can: root, or
    // root of a user namespace (a rootless engine); an unprivileged runtime
    // (`rpod oci` run by a user) leaves them to the init, as before, which
    // reaches what that user reaches.
    let opened = match (plan.new_userns || plan.joined_userns) && nix::unistd::geteuid().is_root() {
        true => open_trees(plan),
        false => None,
    };
    let mut opened = match opened {
        Some(o) => o,
        None => {
            // The init binds the root by its path.
            if let Some(t) = plan.root_tree.take() {
                plan.trees.truncate(t);
                plan.tree_fds.truncate(t);
            }
            Vec::new()
        }
    };
    for (i, t) in plan.trees.iter().enumerate() {
        let Some((ns, pid)) = t.mntns else { continue };
        let fd = open_tree_in(ns, &t.path, t.recursive).map_err(|e| {
            RuntimeError::sys(format!("opening {} of process {pid} for a bind mount", t.path.to_string_lossy()), e)
        })?;
        if let Some(slot) = plan.tree_fds.get_mut(i) {
            *slot = fd.as_raw_fd();
        }
        opened.push(fd);
    }
    io.scratch.resize(io.scratch.len() + opened.len(), -1);
    Ok(opened)
}

/// `path` as the mount namespace `ns` sees it, copied (detached,
/// `open_tree`) by a child forked to enter that namespace
/// (`child::run_open_tree_in`).
fn open_tree_in(ns: RawFd, path: &std::ffi::CStr, recursive: bool) -> Result<OwnedFd, Errno> {
    let (ours, theirs) = socketpair(AddressFamily::Unix, SockType::SeqPacket, None, SockFlag::SOCK_CLOEXEC)?;
    let chan = theirs.as_raw_fd();
    let pid = sys::clone_child(0, None, || child::run_open_tree_in(ns, path, recursive, chan))?;
    drop(theirs);
    let mut buf = [0u8; 4];
    let got = sys::recv_with_fd(ours.as_raw_fd(), &mut buf, false);
    reap(pid);
    match got? {
        (_, Some(fd)) => Ok(fd),
        (4, None) => Err(Errno::from_raw(i32::from_ne_bytes(buf))),
        _ => Err(Errno::EPIPE),
    }
}

/// [`preopen`]'s trees, their descriptors in `plan.tree_fds`; None (and
/// nothing left in the plan) when one that is needed cannot be opened:
/// the init then opens them itself and reports what fails.
fn open_trees(plan: &mut plan::ContainerPlan) -> Option<Vec<OwnedFd>> {
    let mut opened = Vec::new();
    let mut ok = true;
    for (i, t) in plan.trees.iter().enumerate() {
        if t.mntns.is_some() {
            continue;
        }
        let owned = match sys::open_tree_owned(&t.path, t.recursive) {
            Ok(fd) => fd,
            Err(_) if t.optional => continue,
            Err(_) => {
                ok = false;
                break;
            }
        };
        let fd = owned.as_raw_fd();
        if plan.root_tree == Some(i)
            && plan.root_nodev
            && sys::mount_setattr(fd, c"", true, plan::attr::NODEV, 0).is_err()
        {
            ok = false;
            break;
        }
        if let Some(slot) = plan.tree_fds.get_mut(i) {
            *slot = fd;
        }
        opened.push(owned);
    }
    if !ok {
        plan.tree_fds.iter_mut().for_each(|fd| *fd = -1);
        return None;
    }
    Some(opened)
}

/// The clone of a container's init from a thread of its own, which
/// joins namespaces first: an existing PID namespace (`namespaces[].path`
/// of type pid) — a process enters one only by being forked into it, and
/// `setns(CLONE_NEWPID)` changes that for the calling thread for good (a
/// rootless engine may not switch back) — and, for an init that makes a
/// user namespace, the other namespaces it joins but the mount namespace
/// (see `ContainerPlan::early_join`). The thread has a plan of its own (a
/// plan holds raw pointers, which stay with the thread that made them).
/// When the init must die with its creator (`stay`:
/// [`CreateOptions::parent_death_signal`], which the kernel sends when the
/// creating *thread* ends), that thread stays, parked, for the life of the
/// process.
fn clone_from_thread(
    spec: Spec,
    mut io: IoPlan,
    cgroup: Option<RawFd>,
    root_nodev: bool,
    stay: bool,
) -> Result<Pid, RuntimeError> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("rpod-joinns".into())
        .spawn(move || {
            let cloned = (|| {
                let (mut plan, _files) = plan::container_plan(&spec, host_facts())?;
                plan.root_nodev = root_nodev;
                let _opened = preopen(&mut plan, &mut io)?;
                if let Some(ns) = plan.pid_join {
                    sys::setns(ns, libc::CLONE_NEWPID)
                        .map_err(|e| RuntimeError::sys("joining the PID namespace of namespaces[].path", e))?;
                }
                for &(fd, flag, idx) in &plan.early_join {
                    let name = plan::NAMESPACES.get(idx as usize).map_or("?", |n| n.2);
                    sys::setns(fd, flag).map_err(|e| {
                        RuntimeError::sys(format!("joining the {name} namespace of namespaces[].path"), e)
                    })?;
                }
                let flags = plan.clone_flags;
                sys::clone_child(flags, cgroup, || child::run_create(&mut plan, &mut io))
                    .map_err(|e| RuntimeError::sys("clone3 of the container's init", e))
            })();
            let ok = cloned.is_ok();
            let _ = tx.send(cloned);
            if ok && stay {
                loop {
                    std::thread::park();
                }
            }
        })
        .map_err(|e| RuntimeError::io("starting the thread that joins the namespaces", e))?;
    rx.recv().map_err(|_| RuntimeError::sys("the thread that joins the namespaces ended", Errno::EPIPE))?
}

/// Let a container created with [`StartGate::Wait`] exec its process: runs
/// the `prestart` and `startContainer` hooks of `hooks` first (the runtime
/// left them to whoever opens the gate; `pid` is the init's), then opens the
/// gate. Returns once the process has exec'd, or with the first hook's
/// failure ([`RuntimeError::Hook`]: the process never runs; the caller
/// stops the container) or the exec error ([`RuntimeError::CommandNotFound`],
/// [`RuntimeError::CannotInvoke`]). Removes the fifo. Blocks until the init
/// reaches the gate: the caller must know the container is alive (its init
/// was not killed meanwhile).
pub fn start(gate_fifo: &Path, hooks: Option<&HookSet>, pid: i32) -> Result<(), RuntimeError> {
    if let Some(h) = hooks {
        h.run(Stage::Prestart, "created", pid)?;
        h.run(Stage::StartContainer, "created", pid)?;
    }
    let fifo = nix::fcntl::open(gate_fifo, OFlag::O_RDONLY | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC, Mode::empty())
        .map_err(|e| RuntimeError::sys(format!("opening the start fifo {}", gate_fifo.display()), e))?;
    let _ = std::fs::remove_file(gate_fifo);
    let mut data = Vec::new();
    let mut file = std::fs::File::from(fifo);
    loop {
        // No POLLHUP before a writer has come and gone, so this waits for
        // the init to open its end, then for it to exec (close) or report.
        sys::poll_one(file.as_raw_fd(), libc::POLLIN, -1)
            .map_err(|e| RuntimeError::sys("waiting on the start fifo", e))?;
        let mut buf = [0u8; 512];
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(RuntimeError::io("reading the start fifo", e)),
        }
    }
    match Msg::decode(&data) {
        Some(m) if m.kind == MSG_EXEC_FAIL => {
            let command = String::from_utf8_lossy(&data[MSG_LEN..]).into_owned();
            Err(RuntimeError::from_exec(&command, Errno::from_raw(m.errno)))
        }
        Some(m) if m.kind == MSG_FAIL => {
            Err(RuntimeError::Setup { step: Step::from_u32(m.step).generic().into(), errno: Errno::from_raw(m.errno) })
        }
        _ => Ok(()),
    }
}

/// Drops what [`create`] kept for a Wait-gated init (its report socket)
/// when the caller reaps the init itself instead of through [`wait`] or
/// [`try_wait`] (a monitor's `waitpid(-1)` loop), once [`start`] has
/// returned.
pub fn forget(pid: Pid) {
    PENDING.lock().unwrap_or_else(|p| p.into_inner()).retain(|p| p.pid != pid);
}

fn exit_code(status: WaitStatus) -> Option<i32> {
    match status {
        WaitStatus::Exited(_, code) => Some(code),
        WaitStatus::Signaled(_, sig, _) => Some(128 + sig as i32),
        _ => None,
    }
}

/// After the init of a Wait-gated container exited: its exec error, if
/// that is why it exited.
fn pending_exec_error(pid: Pid) -> Option<RuntimeError> {
    let pending = {
        let mut list = PENDING.lock().unwrap_or_else(|p| p.into_inner());
        let i = list.iter().position(|p| p.pid == pid)?;
        list.swap_remove(i)
    };
    match recv_report(&pending.sock, true) {
        Ok(Some((m, _))) if m.kind == MSG_EXEC_FAIL => {
            Some(RuntimeError::from_exec(&pending.command, Errno::from_raw(m.errno)))
        }
        _ => None,
    }
}

/// Wait for a container's init (or an exec'd process) and return its exit
/// code the Docker way: the code, or 128+signal when it was killed. For a
/// Wait-gated container whose exec failed after `start`, the exec error.
pub fn wait(pid: Pid) -> Result<i32, RuntimeError> {
    loop {
        match waitpid(pid, None) {
            Ok(status) => {
                if let Some(code) = exit_code(status) {
                    if let Some(e) = pending_exec_error(pid) {
                        return Err(e);
                    }
                    return Ok(code);
                }
            }
            Err(Errno::EINTR) => {}
            Err(e) => return Err(RuntimeError::sys(format!("waiting for {pid}"), e)),
        }
    }
}

/// [`wait`] without blocking: `None` while the process runs.
pub fn try_wait(pid: Pid) -> Result<Option<i32>, RuntimeError> {
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) => return Ok(None),
            Ok(status) => {
                if let Some(code) = exit_code(status) {
                    if let Some(e) = pending_exec_error(pid) {
                        return Err(e);
                    }
                    return Ok(Some(code));
                }
            }
            Err(Errno::EINTR) => {}
            Err(e) => return Err(RuntimeError::sys(format!("waiting for {pid}"), e)),
        }
    }
}

/// (dev, inode) of a namespace file.
fn ns_id(path: &str) -> Option<(u64, u64)> {
    nix::sys::stat::stat(path).ok().map(|s| (s.st_dev, s.st_ino))
}

/// Run `process` inside the running container whose init is
/// `container_pid`, confined as the container's own process: its seccomp
/// filter (`seccomp`, the container's `linux.seccomp`), the process's
/// capabilities, no_new_privs and user, a session of its own. A first
/// child joins each of the container's namespaces that differs from the
/// caller's (user first, mount last) and then forks the process into the
/// PID namespace (see `child.rs`); `preserve_fds` become its descriptors
/// 3, 4, ... Returns after the exec, like `create` with
/// [`StartGate::Immediate`].
pub fn exec(
    container_pid: Pid,
    process: &Process,
    seccomp: Option<&oci_spec::runtime::LinuxSeccomp>,
    stdio: Stdio,
    preserve_fds: &[BorrowedFd],
) -> Result<Created, RuntimeError> {
    let pid_s = container_pid.to_string();
    let setgroups_ok = plan::setgroups_allowed(&pid_s);
    let mut join_process = plan::process_plan(process, setgroups_ok)?;
    join_process.seccomp = seccomp.map(crate::seccomp::compile).transpose()?;
    let mut files = Vec::new();
    let mut ns = Vec::new();
    for (idx, (_, flag, name)) in plan::NAMESPACES.into_iter().enumerate() {
        let theirs = format!("/proc/{pid_s}/ns/{name}");
        let ours =
            if name == "pid" { "/proc/self/ns/pid_for_children".to_string() } else { format!("/proc/self/ns/{name}") };
        let Some(their_id) = ns_id(&theirs) else {
            return Err(RuntimeError::sys(format!("container {container_pid} ({theirs})"), Errno::last()));
        };
        if ns_id(&ours) == Some(their_id) {
            continue;
        }
        let f = std::fs::File::open(&theirs).map_err(|e| RuntimeError::io(format!("opening {theirs}"), e))?;
        ns.push((f.as_raw_fd(), flag, idx as u32));
        files.push(f);
    }
    // A container without a mount namespace of its own only chrooted: so
    // does the process (its root, last).
    if !ns.iter().any(|n| n.1 == libc::CLONE_NEWNS) {
        let root = format!("/proc/{pid_s}/root");
        let same = std::fs::read_link(&root).is_ok_and(|r| r == Path::new("/"));
        if !same {
            let f = std::fs::File::open(&root).map_err(|e| RuntimeError::io(format!("opening {root}"), e))?;
            ns.push((f.as_raw_fd(), 0, 0));
            files.push(f);
        }
    }
    // On a cgroup v2 host the process joins the container's cgroup (the
    // first child does, while its cgroup namespace is still the caller's;
    // the process inherits it).
    let cgroup_dir = container_cgroup(&pid_s);
    let cgroup_fd = cgroup_dir.and_then(|d| {
        nix::fcntl::open(d.as_path(), OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).ok()
    });
    let (parent_sock, child_sock) = report_socket()?;
    let mut join = JoinPlan { ns, process: join_process };
    let preserve = preserve_fds.iter().map(|f| f.as_raw_fd()).collect();
    let mut io = IoPlan::new(child_sock.as_raw_fd(), stdio_fds(&stdio), matches!(stdio, Stdio::Pty), preserve);
    let first = sys::clone_child(0, cgroup_fd.as_ref().map(|f| f.as_raw_fd()), || child::run_exec(&mut join, &mut io))
        .map_err(|e| RuntimeError::sys("clone3 of the exec process", e))?;
    drop(child_sock);
    drop(files);

    // The first child's reports (a failure, or the PID of the process it
    // forked), and the process's own, which may come before its PID does.
    let mut pid = None;
    let mut pty_master = None;
    let mut failed: Option<RuntimeError> = None;
    loop {
        let report = match recv_report(&parent_sock, false) {
            Err(e) => {
                kill_and_reap(pid.unwrap_or(first));
                return Err(RuntimeError::sys("reading the exec process's report", e));
            }
            Ok(r) => r,
        };
        match report {
            None => {
                return match pid {
                    Some(pid) => Ok(Created { pid, pty_master }),
                    None => {
                        let status = reap(first);
                        Err(failed.unwrap_or_else(|| RuntimeError::InitDied(describe_status(status))))
                    }
                }
            }
            Some((m, fd)) => match m.kind {
                MSG_PID if pid.is_none() => {
                    pid = Some(Pid::from_raw(m.arg as i32));
                    reap(first);
                }
                MSG_PTY => pty_master = fd,
                MSG_FAIL => {
                    let step = Step::from_u32(m.step);
                    failed = Some(RuntimeError::Setup {
                        step: join.process.describe(step, m.arg),
                        errno: Errno::from_raw(m.errno),
                    });
                }
                MSG_EXEC_FAIL => {
                    failed = Some(RuntimeError::from_exec(&join.process.arg0, Errno::from_raw(m.errno)));
                }
                _ => failed = Some(RuntimeError::sys("reading the exec process's report", Errno::EBADMSG)),
            },
        }
        failed = match (pid, failed) {
            (Some(p), Some(e)) => {
                kill_and_reap(p);
                return Err(e);
            }
            (_, f) => f,
        };
    }
}

/// The cgroup v2 directory of process `pid` as this process sees it, on a
/// host in unified mode (elsewhere rpod creates no cgroups: `None`).
fn container_cgroup(pid: &str) -> Option<PathBuf> {
    let info = crate::cgroups::detect(false);
    if info.layout != crate::cgroups::Layout::Unified {
        return None;
    }
    let content = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).ok()?;
    let path = crate::cgroups::parse_own_v2_path(&content)?;
    Some(info.v2_mount?.join(path.trim_start_matches('/')))
}

/// A sealed in-memory copy of an executable (write, grow and shrink sealed),
/// to pass as [`CreateOptions::exec_fd`]: when the engine runs itself inside
/// a container (`--init`), the container sees this copy as `/proc/1/exe`,
/// never the engine's binary on the host (the runc CVE-2019-5736 class).
pub fn sealed_copy(path: &Path) -> Result<OwnedFd, RuntimeError> {
    let mut src = std::fs::File::open(path).map_err(|e| RuntimeError::io(format!("opening {}", path.display()), e))?;
    sealed_memfd(c"rpod-sealed", &mut src).map_err(|e| RuntimeError::io(format!("copying {}", path.display()), e))
}

/// `rpod-init` (`init/rpod_init.rs`, built statically by `build.rs`).
static INIT_PROGRAM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rpod-init"));

/// A sealed memfd holding the `--init` program (also the process of a
/// pod's infra container, as `rpod-init --pause`, through
/// [`CreateOptions::exec_fd`]).
pub fn init_program() -> Result<OwnedFd, RuntimeError> {
    sealed_memfd(c"rpod-init", &mut &INIT_PROGRAM[..]).map_err(|e| RuntimeError::io("copying rpod-init", e))
}

/// A memfd holding what `src` reads, sealed against writing, growing and
/// shrinking.
fn sealed_memfd(name: &std::ffi::CStr, src: &mut impl Read) -> std::io::Result<OwnedFd> {
    use nix::fcntl::{fcntl, FcntlArg, SealFlag};
    let memfd = sys::memfd_sealable(name)?;
    let mut dst = std::fs::File::from(memfd);
    std::io::copy(src, &mut dst)?;
    let seals = SealFlag::F_SEAL_SEAL | SealFlag::F_SEAL_SHRINK | SealFlag::F_SEAL_GROW | SealFlag::F_SEAL_WRITE;
    fcntl(&dst, FcntlArg::F_ADD_SEALS(seals))?;
    Ok(OwnedFd::from(dst))
}
