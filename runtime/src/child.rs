//! The container's init between `clone3` and `execve`.
//!
//! This code runs in a copy of the engine made by a raw `clone3`. The engine
//! may have other threads (the CLI's, a test harness's), and one of them may
//! have held a lock (malloc's, stdout's) at the moment of the copy, so this
//! code does not allocate, lock or panic: it makes system calls on the
//! strings, pointer arrays and numbers the engine prepared in the plan
//! (`plan.rs`), and on stack buffers. Failures are reported to the engine
//! as a fixed-size message naming the step ([`Step`]) and the errno; the
//! engine turns that into a sentence.

use std::convert::Infallible;
use std::ffi::{CStr, OsStr};
use std::os::fd::RawFd;
use std::os::unix::ffi::OsStrExt;

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::mount::{mount, umount2, MntFlags, MsFlags};
use nix::sys::stat::{Mode, SFlag};
use nix::unistd::{Gid, Uid};

use crate::plan::{
    ContainerPlan, DevHow, Fallback, IoPlan, JoinPlan, MountKind, MountOp, Msg, ProcessPlan, Step, HOOKS_CREATE,
    HOOKS_START, MOUNT_SKIP, MOUNT_USE_TREE, MSG_EXEC_FAIL, MSG_FAIL, MSG_GO, MSG_HOOKS, MSG_LEN, MSG_PID, MSG_PTY,
    MSG_READY,
};
use crate::sys;

type Fail = (Step, u32, Errno);

fn at(step: Step, arg: usize) -> impl Fn(Errno) -> Fail {
    move |e| (step, arg as u32, e)
}

const NONE: Option<&CStr> = None;

/// The container's init: set everything up, then exec. Never returns.
pub(crate) fn run_create(plan: &mut ContainerPlan, io: &mut IoPlan) -> Infallible {
    let Err((step, arg, errno)) = setup_container(plan, io);
    report(io.chan, Msg::new(MSG_FAIL, step, arg, errno as i32));
    sys::exit_now(125)
}

/// A process joining a running container. Never returns.
pub(crate) fn run_exec(plan: &mut JoinPlan, io: &mut IoPlan) -> Infallible {
    let Err((step, arg, errno)) = setup_join(plan, io);
    report(io.chan, Msg::new(MSG_FAIL, step, arg, errno as i32));
    sys::exit_now(125)
}

/// The engine's helper for a bind source in another process's mount
/// namespace (`Tree::mntns`): a child forked for it alone (a
/// multi-threaded process may not enter a mount namespace; the engine's
/// own stays as it is) enters the namespace `ns`, opens `path` there
/// (symlinks resolve in that namespace's root, never through a "magic"
/// `/proc` link) and copies the mount it is on (`open_tree`, detached: the
/// kernel copies only mounts of the caller's own namespace, so the engine
/// cannot from outside), then sends the copy on `chan` (`SCM_RIGHTS`, with
/// 4 zero bytes) or the errno as 4 bytes. Never returns.
pub(crate) fn run_open_tree_in(ns: RawFd, path: &CStr, recursive: bool, chan: RawFd) -> Infallible {
    let opened = sys::setns(ns, libc::CLONE_NEWNS)
        .and_then(|_| sys::openat2(libc::AT_FDCWD, path, libc::O_PATH, libc::RESOLVE_NO_MAGICLINKS))
        .and_then(|at| sys::open_tree_of_fd(at, recursive));
    let sent = match opened {
        Ok(fd) => sys::send_with_fd(chan, &0i32.to_ne_bytes(), fd),
        Err(e) => sys::send(chan, &(e as i32).to_ne_bytes()),
    };
    sys::exit_now(if sent.is_ok() { 0 } else { 1 })
}

fn report(chan: RawFd, msg: Msg) {
    let _ = sys::send(chan, &msg.encode());
}

fn setup_container(plan: &mut ContainerPlan, io: &mut IoPlan) -> Result<Infallible, Fail> {
    arrange_fds(io, &mut plan.join, &mut plan.tree_fds).map_err(at(Step::Fds, 0))?;
    nix::sys::stat::umask(Mode::empty());
    if plan.new_userns {
        wait_go(io.chan).map_err(at(Step::UserNsWait, 0))?;
        take_ids(plan.become_ids)?;
    }
    // A joined user namespace: runc's order (nsexec's
    // try_join_namespaces), first every namespace but the user and mount
    // namespaces that the engine's privileges reach — one the joined user
    // namespace does not own (a bridge's, made by netavark as root) cannot
    // be joined from inside it — then the user namespace, then the rest.
    let mut joined = 0u32;
    if plan.joined_userns {
        for (k, &(fd, flag, _)) in plan.join.iter().enumerate() {
            if flag != libc::CLONE_NEWUSER && flag != libc::CLONE_NEWNS && sys::setns(fd, flag).is_ok() {
                joined |= 1 << k;
            }
        }
    }
    for (k, &(fd, flag, idx)) in plan.join.iter().enumerate() {
        if joined & (1 << k) != 0 {
            continue;
        }
        sys::setns(fd, flag).map_err(at(Step::JoinNamespace, idx as usize))?;
        if flag == libc::CLONE_NEWUSER {
            take_ids(plan.become_ids)?;
        }
    }
    if plan.unshare_flags != 0 {
        let flags = nix::sched::CloneFlags::from_bits_retain(plan.unshare_flags as i32);
        nix::sched::unshare(flags).map_err(at(Step::Unshare, 0))?;
    }
    if plan.fork_init {
        // The new PID namespace takes this process's next child as its
        // PID 1: that child goes on (a child of the engine), once the
        // engine has its PID.
        let chan = io.chan;
        return hand_over(chan, || {
            wait_go(chan).map_err(at(Step::Fork, 0))?;
            setup_in_namespaces(plan, io)
        });
    }
    setup_in_namespaces(plan, io)
}

/// Forks the process that goes on with `next` (a child of the engine:
/// `CLONE_PARENT`; it reports its own failure on `chan`), reports its PID
/// on `chan` and exits.
fn hand_over(chan: RawFd, next: impl FnOnce() -> Result<Infallible, Fail>) -> Result<Infallible, Fail> {
    let pid = sys::clone_child(libc::CLONE_PARENT as u64, None, || {
        let Err((step, arg, errno)) = next();
        report(chan, Msg::new(MSG_FAIL, step, arg, errno as i32));
        sys::exit_now(125)
    })
    .map_err(at(Step::Fork, 0))?;
    report(chan, Msg::new(MSG_PID, Step::None, pid.as_raw() as u32, 0));
    sys::exit_now(0)
}

/// The IDs a process takes in the user namespace it made or joined.
fn take_ids((uid, gid): (u32, u32)) -> Result<(), Fail> {
    sys::setresgid(gid).map_err(at(Step::BecomeRoot, 0))?;
    sys::setresuid(uid).map_err(at(Step::BecomeRoot, 0))
}

/// The init's set-up once in its namespaces: file systems, then the process.
fn setup_in_namespaces(plan: &mut ContainerPlan, io: &mut IoPlan) -> Result<Infallible, Fail> {
    // Not dumpable: nothing in the container may ptrace this process or open
    // its /proc files (its exe is the engine's binary) until it execs.
    sys::prctl(libc::PR_SET_DUMPABLE, 0, 0).map_err(at(Step::Dumpable, 0))?;

    if !plan.chroot_only {
        // The mount namespace: private first, then the root file system.
        mount(NONE, c"/", NONE, MsFlags::MS_REC | MsFlags::MS_PRIVATE, NONE).map_err(at(Step::MakePrivate, 0))?;
        let rootfs = plan.rootfs.as_c_str();
        match plan.root_tree {
            // Opened by the engine (already `nodev` if need be): stacked
            // on `/`, the one place reachable without its path, and
            // entered by descriptor for the pivot below.
            Some(t) => {
                let fd = plan.tree_fds.get(t).copied().unwrap_or(-1);
                sys::move_mount_to(fd, c"/").map_err(at(Step::BindRoot, 0))?;
                sys::fchdir(fd).map_err(at(Step::BindRoot, 0))?;
                sys::close(fd);
                if let Some(slot) = plan.tree_fds.get_mut(t) {
                    *slot = -1;
                }
            }
            None => {
                mount(Some(rootfs), rootfs, NONE, MsFlags::MS_BIND | MsFlags::MS_REC, NONE)
                    .map_err(at(Step::BindRoot, 0))?;
                if plan.root_nodev {
                    sys::mount_setattr(-1, rootfs, true, crate::plan::attr::NODEV, 0).map_err(at(Step::BindRoot, 0))?;
                }
            }
        }
    }
    // Host paths to bind into the container are opened while they are
    // still reachable, and new file system instances are made now too,
    // detached (the kernel allows a new proc or sysfs in a user namespace
    // only while an existing one is fully visible, which the host's stops
    // being after pivot_root); all are attached after pivot_root. Both are
    // made in the order the mounts are listed: the kernel lists a
    // namespace's mounts (mountinfo) in the order they were made, and the
    // spec says mounts are applied in order.
    let (mounts, trees) = (&plan.mounts, &plan.trees);
    let (tree_fds, mount_fds) = (&mut plan.tree_fds, &mut plan.mount_fds);
    for (i, m) in mounts.iter().enumerate() {
        let (fstype, source, options, attrs) = match &m.kind {
            MountKind::Bind { tree } => {
                open_tree_slot(trees, tree_fds, *tree)?;
                continue;
            }
            MountKind::Fs { source, fstype, options, attrs } => (fstype, source, options, *attrs),
        };
        if let Fallback::Tree(t) = m.fallback {
            open_tree_slot(trees, tree_fds, t)?;
        }
        let state = match sys::fs_mount(fstype, source, options, attrs) {
            Ok(fd) => fd,
            Err(e) => match &m.fallback {
                Fallback::Skip => MOUNT_SKIP,
                Fallback::RetryOptions(o) => sys::fs_mount(fstype, source, o, attrs).map_err(at(Step::Mount, i))?,
                Fallback::Tree(_) if matches!(e, Errno::EPERM | Errno::EACCES) => MOUNT_USE_TREE,
                _ => return Err((Step::Mount, i as u32, e)),
            },
        };
        if let Some(slot) = mount_fds.get_mut(i) {
            *slot = state;
        }
    }
    // The rest (device nodes bound from the host).
    for i in 0..trees.len() {
        if plan.root_tree != Some(i) && tree_fds.get(i).is_some_and(|&fd| fd < 0) {
            open_tree_slot(trees, tree_fds, i)?;
        }
    }
    if io.hooks_create {
        hooks_pause(io.chan, HOOKS_CREATE)?;
    }
    if plan.chroot_only {
        // The caller's mount namespace (none of its own was asked for, OCI:
        // the runtime's is inherited): the root is only changed, and the
        // mounts below land under it in that namespace (the plan refused
        // what would change mounts outside it). The host's /proc stays
        // reachable by descriptor until exec, for the start gate.
        if io.gate.is_some() {
            let fd = nix::fcntl::open(c"/proc", OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
                .map_err(at(Step::Gate, 0))?;
            io.proc_dir = std::os::fd::IntoRawFd::into_raw_fd(fd);
            if io.proc_dir as u32 >= io.top {
                io.top = io.proc_dir as u32 + 1;
            }
        }
        nix::unistd::chroot(plan.rootfs.as_c_str()).map_err(at(Step::PivotRoot, 0))?;
        nix::unistd::chdir(c"/").map_err(at(Step::PivotRoot, 0))?;
    } else {
        if plan.root_tree.is_none() {
            nix::unistd::chdir(plan.rootfs.as_c_str()).map_err(at(Step::PivotRoot, 0))?;
        }
        nix::unistd::pivot_root(c".", c".").map_err(at(Step::PivotRoot, 0))?;
        // The old root is now stacked on top of the new one: detach it.
        umount2(c".", MntFlags::MNT_DETACH).map_err(at(Step::PivotRoot, 0))?;
        nix::unistd::chdir(c"/").map_err(at(Step::PivotRoot, 0))?;
    }

    // From here on every path is the container's: resolution cannot leave
    // the new root.
    for (i, m) in plan.mounts.iter().enumerate() {
        let fd = plan.mount_fds.get(i).copied().unwrap_or(-1);
        do_mount(m, fd, &mut plan.tree_fds).map_err(at(Step::Mount, i))?;
    }
    finish_container(plan, io)
}

/// After the root is in place: devices, sysctls, names, then the process.
fn finish_container(plan: &mut ContainerPlan, io: &mut IoPlan) -> Result<Infallible, Fail> {
    for (i, d) in plan.devices.iter().enumerate() {
        make_device(d, &mut plan.tree_fds, plan.root_nodev && !plan.chroot_only).map_err(at(Step::Device, i))?;
    }
    for (i, (target, link)) in plan.symlinks.iter().enumerate() {
        match nix::unistd::symlinkat(target.as_c_str(), nix::fcntl::AT_FDCWD, link.as_c_str()) {
            Ok(()) | Err(Errno::EEXIST) => {}
            Err(e) => return Err((Step::Symlink, i as u32, e)),
        }
    }
    if io.pty {
        setup_pty(io, &plan.process, plan.process.terminal)?;
    }
    for (i, (path, value)) in plan.sysctls.iter().enumerate() {
        write_file(path, value.to_bytes()).map_err(at(Step::Sysctl, i))?;
    }
    for (i, p) in plan.masked.iter().enumerate() {
        mask_path(p).map_err(at(Step::Mask, i))?;
    }
    for (i, p) in plan.readonly.iter().enumerate() {
        readonly_path(p).map_err(at(Step::ReadOnlyPath, i))?;
    }
    if let Some(h) = &plan.hostname {
        nix::unistd::sethostname(OsStr::from_bytes(h.to_bytes())).map_err(at(Step::Hostname, 0))?;
    }
    if let Some(d) = &plan.domainname {
        sys::setdomainname(d.to_bytes()).map_err(at(Step::Domainname, 0))?;
    }
    if let Some(p) = plan.personality {
        sys::personality(p).map_err(at(Step::Personality, 0))?;
    }
    if plan.loopback {
        sys::loopback_up().map_err(at(Step::Loopback, 0))?;
    }
    mkdir_all(&plan.process.cwd, 0o755).map_err(at(Step::MkdirCwd, 0))?;
    if let Some(p) = plan.propagation {
        mount(NONE, c"/", NONE, p, NONE).map_err(at(Step::Propagation, 0))?;
    }
    if plan.root_readonly {
        sys::mount_setattr(-1, c"/", false, crate::plan::attr::RDONLY, 0).map_err(at(Step::RootReadonly, 0))?;
    }
    process_tail(&plan.process, io)
}

/// Exec, first stage: a child of the engine outside the container's PID
/// namespace. It makes itself non-dumpable, joins every namespace (the PID
/// namespace for its children, the mount namespace or root too), and only
/// then forks the process that appears in the container — already
/// non-dumpable, already in the container's mounts, so nothing in the
/// container ever sees a moment of it with the host's root, files or
/// descriptors (runc's nsexec does the same). That process is made a child
/// of the engine (`CLONE_PARENT`); this one reports its PID and exits.
fn setup_join(plan: &mut JoinPlan, io: &mut IoPlan) -> Result<Infallible, Fail> {
    sys::prctl(libc::PR_SET_DUMPABLE, 0, 0).map_err(at(Step::Dumpable, 0))?;
    arrange_fds(io, &mut plan.ns, &mut []).map_err(at(Step::Fds, 0))?;
    // runc's order (nsexec's try_join_namespaces): first every namespace
    // but the user namespace that can be joined with the engine's
    // privileges — one the container's user namespace does not own (a
    // bridge's, made by netavark as root) cannot be joined from inside it
    // — then the user namespace, then the rest in order.
    let mut joined = 0u32;
    for (k, &(fd, flag, _)) in plan.ns.iter().enumerate() {
        if flag != 0 && flag != libc::CLONE_NEWUSER && flag != libc::CLONE_NEWNS && sys::setns(fd, flag).is_ok() {
            joined |= 1 << k;
        }
    }
    for (k, &(fd, flag, idx)) in plan.ns.iter().enumerate() {
        if joined & (1 << k) != 0 {
            continue;
        }
        if flag == 0 {
            sys::fchdir(fd).map_err(at(Step::PivotRoot, 0))?;
            nix::unistd::chroot(c".").map_err(at(Step::PivotRoot, 0))?;
            continue;
        }
        sys::setns(fd, flag).map_err(at(Step::JoinNamespace, idx as usize))?;
    }
    for &(fd, _, _) in &plan.ns {
        sys::close(fd);
    }
    let chan = io.chan;
    hand_over(chan, || {
        if io.pty {
            setup_pty(io, &plan.process, false)?;
        }
        process_tail(&plan.process, io)
    })
}

/// Open (`open_tree`, detached) the host tree `trees[i]` into its slot; an
/// optional one that cannot be opened stays -1.
fn open_tree_slot(trees: &[crate::plan::Tree], tree_fds: &mut [RawFd], i: usize) -> Result<(), Fail> {
    let Some(t) = trees.get(i) else { return Ok(()) };
    if tree_fds.get(i).is_some_and(|&fd| fd >= 0) {
        // Opened by the engine before the clone (a new user namespace).
        return Ok(());
    }
    match sys::open_tree_clone(&t.path, t.recursive) {
        Ok(fd) => {
            if let Some(slot) = tree_fds.get_mut(i) {
                *slot = fd;
            }
            Ok(())
        }
        Err(e) if !t.optional => Err((Step::OpenTree, i as u32, e)),
        Err(_) => Ok(()),
    }
}

/// Let the engine run hooks (`which`: [`HOOKS_CREATE`], [`HOOKS_START`])
/// while this process waits; any answer but go fails the set-up.
fn hooks_pause(chan: RawFd, which: u32) -> Result<(), Fail> {
    sys::send(chan, &Msg::new(MSG_HOOKS, Step::None, which, 0).encode()).map_err(at(Step::Report, 0))?;
    wait_go(chan).map_err(at(Step::Hooks, 0))
}

/// Wait for the engine's go-ahead (the user namespace maps are written).
fn wait_go(chan: RawFd) -> Result<(), Errno> {
    let mut buf = [0u8; MSG_LEN];
    match sys::read(chan, &mut buf)? {
        MSG_LEN if Msg::decode(&buf).is_some_and(|m| m.kind == MSG_GO) => Ok(()),
        _ => Err(Errno::EPIPE),
    }
}

fn do_mount(m: &MountOp, fs_fd: RawFd, tree_fds: &mut [RawFd]) -> Result<(), Errno> {
    if fs_fd == MOUNT_SKIP {
        return Ok(());
    }
    if m.file {
        mkdir_parent(&m.target)?;
        touch(&m.target)?;
    } else {
        mkdir_all(&m.target, 0o755)?;
    }
    // The image may hold symlinks; they resolve inside the new root, but a
    // "magic" /proc link could point at a descriptor of the engine.
    let fd = sys::openat2(libc::AT_FDCWD, &m.target, libc::O_PATH, libc::RESOLVE_NO_MAGICLINKS)?;
    sys::close(fd);
    match (&m.kind, &m.fallback) {
        (MountKind::Fs { .. }, Fallback::Tree(t)) if fs_fd == MOUNT_USE_TREE => {
            bind_tree(tree_fds, *t, &m.target, m.attr_set, m.attr_clr, true)?
        }
        (MountKind::Fs { .. }, _) => {
            if fs_fd < 0 {
                return Err(Errno::EBADF);
            }
            let r = sys::move_mount_to(fs_fd, &m.target);
            sys::close(fs_fd);
            r?
        }
        (MountKind::Bind { tree }, _) => bind_tree(tree_fds, *tree, &m.target, m.attr_set, m.attr_clr, m.recursive)?,
    }
    if let Some(p) = m.propagation {
        mount(NONE, m.target.as_c_str(), NONE, p, NONE)?;
    }
    Ok(())
}

/// Attach the detached tree `tree_fds[i]` at `target` with these attributes.
fn bind_tree(
    tree_fds: &mut [RawFd],
    i: usize,
    target: &CStr,
    set: u64,
    clr: u64,
    recursive: bool,
) -> Result<(), Errno> {
    let Some(slot) = tree_fds.get_mut(i) else { return Err(Errno::EBADF) };
    let fd = *slot;
    if fd < 0 {
        return Err(Errno::EBADF);
    }
    if set != 0 || clr != 0 {
        sys::mount_setattr(fd, c"", recursive, set, clr)?;
    }
    sys::move_mount_to(fd, target)?;
    sys::close(fd);
    *slot = -1;
    Ok(())
}

/// Make a device the spec asks for. `root_nodev`: the root file system is
/// `nodev`, so a node made outside `/dev` (a tmpfs of its own) gets a bind
/// mount of itself without `nodev`.
fn make_device(d: &crate::plan::DeviceOp, tree_fds: &mut [RawFd], root_nodev: bool) -> Result<(), Errno> {
    mkdir_parent(&d.path)?;
    match d.how {
        DevHow::Mknod { mode, dev } => {
            let kind = SFlag::from_bits_truncate(mode & libc::S_IFMT);
            match nix::sys::stat::mknod(d.path.as_c_str(), kind, Mode::from_bits_truncate(mode & 0o7777), dev) {
                Ok(()) => {}
                Err(Errno::EEXIST) => return Ok(()),
                Err(e) => return Err(e),
            }
            if d.uid != 0 || d.gid != 0 {
                nix::unistd::chown(d.path.as_c_str(), Some(Uid::from_raw(d.uid)), Some(Gid::from_raw(d.gid)))?;
            }
            if root_nodev && !d.path.to_bytes().starts_with(b"/dev/") {
                mount(Some(d.path.as_c_str()), d.path.as_c_str(), NONE, MsFlags::MS_BIND, NONE)?;
                sys::mount_setattr(-1, &d.path, false, 0, crate::plan::attr::NODEV)?;
            }
            Ok(())
        }
        DevHow::Bind { tree } => {
            touch(&d.path)?;
            bind_tree(tree_fds, tree, &d.path, 0, 0, false)
        }
    }
}

/// Make a pty in the container's devpts; send the master to the engine; the
/// slave becomes the process's standard I/O (and `/dev/console` for init).
fn setup_pty(io: &mut IoPlan, p: &ProcessPlan, console: bool) -> Result<(), Fail> {
    let (master, slave, n) = sys::open_pty(c"/dev/pts/ptmx").map_err(at(Step::Pty, 0))?;
    if let Some((rows, cols)) = p.console_size {
        if rows > 0 && cols > 0 {
            sys::set_winsize(slave, rows, cols).map_err(at(Step::Pty, 0))?;
        }
    }
    if p.uid != 0 {
        sys::fchown(slave, p.uid, u32::MAX).map_err(at(Step::Pty, 0))?;
    }
    if console {
        let mut buf = [0u8; 32];
        let pts = number_path(&mut buf, b"/dev/pts/", n);
        touch(c"/dev/console").map_err(at(Step::Console, 0))?;
        mount(Some(pts), c"/dev/console", NONE, MsFlags::MS_BIND, NONE).map_err(at(Step::Console, 0))?;
    }
    let sent = sys::send_with_fd(io.chan, &Msg::new(MSG_PTY, Step::None, n, 0).encode(), master);
    sys::close(master);
    sent.map_err(at(Step::Report, 0))?;
    for fd in 0..3 {
        sys::dup_to(slave, fd, false).map_err(at(Step::Pty, 0))?;
    }
    if slave > 2 {
        sys::close(slave);
    }
    Ok(())
}

fn write_file(path: &CStr, data: &[u8]) -> Result<(), Errno> {
    let fd = nix::fcntl::open(path, OFlag::O_WRONLY | OFlag::O_CLOEXEC | OFlag::O_TRUNC, Mode::empty())?;
    let raw = std::os::fd::AsRawFd::as_raw_fd(&fd);
    let n = sys::write(raw, data)?;
    if n != data.len() {
        return Err(Errno::EIO);
    }
    Ok(())
}

/// Podman's masking: a read-only empty tmpfs over a directory, /dev/null
/// over a file; paths that do not exist are skipped.
fn mask_path(p: &CStr) -> Result<(), Errno> {
    let st = match nix::sys::stat::stat(p) {
        Ok(st) => st,
        Err(Errno::ENOENT) => return Ok(()),
        Err(e) => return Err(e),
    };
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        mount(Some(c"tmpfs"), p, Some(c"tmpfs"), MsFlags::MS_RDONLY, Some(c"size=0k"))
    } else {
        mount(Some(c"/dev/null"), p, NONE, MsFlags::MS_BIND, NONE)
    }
}

fn readonly_path(p: &CStr) -> Result<(), Errno> {
    match mount(Some(p), p, NONE, MsFlags::MS_BIND | MsFlags::MS_REC, NONE) {
        Ok(()) => {}
        Err(Errno::ENOENT) => return Ok(()),
        Err(e) => return Err(e),
    }
    sys::mount_setattr(-1, p, true, crate::plan::attr::RDONLY, 0)
}

fn touch(path: &CStr) -> Result<(), Errno> {
    let flags = OFlag::O_CREAT | OFlag::O_RDONLY | OFlag::O_CLOEXEC | OFlag::O_NOFOLLOW;
    match nix::fcntl::open(path, flags, Mode::from_bits_truncate(0o644)) {
        Ok(_fd) => Ok(()),
        // Something else is there already (a directory, a device): let the
        // mount say whether it fits.
        Err(Errno::EISDIR | Errno::ELOOP | Errno::ENXIO | Errno::EEXIST) => Ok(()),
        Err(e) => Err(e),
    }
}

const PATH_BUF: usize = 4096;

/// `mkdir -p` without allocating: each prefix is NUL-terminated in place in
/// a stack copy of the path.
fn mkdir_all(path: &CStr, mode: u32) -> Result<(), Errno> {
    let bytes = path.to_bytes();
    if bytes.len() >= PATH_BUF {
        return Err(Errno::ENAMETOOLONG);
    }
    let mut buf = [0u8; PATH_BUF];
    buf[..bytes.len()].copy_from_slice(bytes);
    let mode = Mode::from_bits_truncate(mode);
    for i in 1..=bytes.len() {
        if i < bytes.len() && bytes[i] != b'/' {
            continue;
        }
        if i < bytes.len() && bytes[i - 1] == b'/' {
            continue;
        }
        let saved = buf[i];
        buf[i] = 0;
        let prefix = CStr::from_bytes_until_nul(&buf).map_err(|_| Errno::EINVAL)?;
        let r = nix::unistd::mkdir(prefix, mode);
        buf[i] = saved;
        match r {
            Ok(()) | Err(Errno::EEXIST) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn mkdir_parent(path: &CStr) -> Result<(), Errno> {
    let bytes = path.to_bytes();
    let Some(slash) = bytes.iter().rposition(|&b| b == b'/') else { return Ok(()) };
    if slash == 0 {
        return Ok(());
    }
    let mut buf = [0u8; PATH_BUF];
    if slash >= PATH_BUF {
        return Err(Errno::ENAMETOOLONG);
    }
    buf[..slash].copy_from_slice(&bytes[..slash]);
    mkdir_all(CStr::from_bytes_until_nul(&buf).map_err(|_| Errno::EINVAL)?, 0o755)
}

/// `prefix` followed by the decimal `n`, NUL-terminated, in `buf`.
fn number_path<'a>(buf: &'a mut [u8; 32], prefix: &[u8], n: u32) -> &'a CStr {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut v = n;
    loop {
        digits[len] = b'0' + (v % 10) as u8;
        len += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let mut pos = 0;
    for &b in prefix.iter().take(buf.len() - 12) {
        buf[pos] = b;
        pos += 1;
    }
    for i in (0..len).rev() {
        buf[pos] = digits[i];
        pos += 1;
    }
    buf[pos] = 0;
    CStr::from_bytes_until_nul(&buf[..]).unwrap_or(c"")
}

/// Put stdio on 0-2, the preserved descriptors on 3.., our own few (report
/// socket, gate, exec file, namespace files in `extra`, trees the engine
/// opened in `trees`) right after them,
/// and close everything else. Done first thing in the child: descriptors of
/// the engine must not leak into the container (CVE-2024-21626), and the
/// sooner the copies of other threads' descriptors go, the shorter the
/// window in which a file being written elsewhere in the engine is held open
/// here (ETXTBSY for whoever executes it). Updates `io` and `extra` with
/// the new numbers.
fn arrange_fds(io: &mut IoPlan, extra: &mut [(RawFd, i32, u32)], trees: &mut [RawFd]) -> Result<(), Errno> {
    let np = io.preserve.len();
    let first_own = 3 + np;
    let ntrees = trees.iter().filter(|&&fd| fd >= 0).count();
    let nown = 1
        + usize::from(io.gate.is_some())
        + usize::from(io.exec_fd.is_some())
        + usize::from(io.init_fd.is_some())
        + extra.len()
        + ntrees;
    let top = first_own + nown;
    if io.scratch.len() < top {
        return Err(Errno::EINVAL);
    }
    let min = top as RawFd;
    // First copy every source above all destinations, so no destination
    // overwrites a source that is still needed.
    for i in 0..3 {
        io.scratch[i] = match io.stdio[i] {
            Some(fd) => sys::dup_at_least(fd, min)?,
            None => -1,
        };
    }
    for j in 0..np {
        io.scratch[3 + j] = sys::dup_at_least(io.preserve[j], min)?;
    }
    let own = [Some(io.chan), io.gate, io.exec_fd, io.init_fd]
        .into_iter()
        .flatten()
        .chain(extra.iter().map(|e| e.0))
        .chain(trees.iter().copied().filter(|&fd| fd >= 0));
    for (k, fd) in (first_own..).zip(own) {
        io.scratch[k] = sys::dup_at_least(fd, min)?;
    }
    for slot in 0..top {
        if io.scratch[slot] >= 0 {
            sys::dup_to(io.scratch[slot], slot as RawFd, slot >= first_own)?;
        }
    }
    sys::close_from(top as u32, 0)?;
    io.stdio = [None; 3];
    for j in 0..np {
        io.preserve[j] = (3 + j) as RawFd;
    }
    let mut k = first_own as RawFd;
    io.chan = k;
    k += 1;
    if io.gate.is_some() {
        io.gate = Some(k);
        k += 1;
    }
    if io.exec_fd.is_some() {
        io.exec_fd = Some(k);
        k += 1;
    }
    if io.init_fd.is_some() {
        io.init_fd = Some(k);
        k += 1;
    }
    for e in extra.iter_mut() {
        e.0 = k;
        k += 1;
    }
    for fd in trees.iter_mut().filter(|fd| **fd >= 0) {
        *fd = k;
        k += 1;
    }
    io.top = top as u32;
    Ok(())
}

/// Drop every capability not in `keep` from the bounding set.
fn drop_bounding(keep: u64) -> Result<(), Errno> {
    for cap in 0..64u64 {
        match sys::prctl(libc::PR_CAPBSET_READ, cap, 0) {
            Err(Errno::EINVAL) => break,
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        if keep & (1 << cap) == 0 {
            sys::prctl(libc::PR_CAPBSET_DROP, cap, 0)?;
        }
    }
    Ok(())
}

/// From the descriptors on: working directory, limits, identity,
/// capabilities, the start gate, exec.
fn process_tail(p: &ProcessPlan, io: &mut IoPlan) -> Result<Infallible, Fail> {
    // Anything the set-up left open goes too (before chdir, CVE-2024-21626).
    sys::close_from(io.top, 0).map_err(at(Step::Fds, 0))?;
    // Every process leads a session of its own: without a pty it has no
    // controlling terminal, so it cannot open the caller's /dev/tty (and
    // push input into it with TIOCSTI), as with runc and crun.
    sys::setsid().map_err(at(Step::Session, 0))?;
    if io.pty {
        sys::set_controlling_tty(0).map_err(at(Step::Pty, 0))?;
    }
    nix::unistd::chdir(p.cwd.as_c_str()).map_err(at(Step::Chdir, 0))?;
    if !sys::cwd_is_reachable() {
        return Err((Step::CwdOutside, 0, Errno::EPERM));
    }
    // Before the capabilities go: lowering it takes CAP_SYS_RESOURCE.
    if let Some(adj) = &p.oom_score_adj {
        write_file(c"/proc/self/oom_score_adj", adj.as_bytes()).map_err(at(Step::OomScoreAdj, 0))?;
    }
    for (i, &(resource, soft, hard)) in p.rlimits.iter().enumerate() {
        sys::setrlimit(resource, soft, hard).map_err(at(Step::Rlimit, i))?;
    }
    drop_bounding(p.bounding).map_err(at(Step::Bounding, 0))?;
    // Ambient capabilities may be unsupported (EINVAL on old kernels).
    let _ = sys::prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_CLEAR_ALL as u64, 0);
    sys::prctl(libc::PR_SET_KEEPCAPS, 1, 0).map_err(at(Step::Caps, 0))?;
    // Seccomp comes last, so that the fewest system calls run under it, but
    // without no_new_privs installing a filter takes CAP_SYS_ADMIN (in this
    // user namespace), which this process holds only until it changes its
    // identity: then the filter goes in here, before setgroups/setresuid/
    // capset (which the profile must therefore allow, as with runc).
    if let (Some(f), false) = (&p.seccomp, p.no_new_privs) {
        sys::seccomp_set_filter(&f.0).map_err(at(Step::Seccomp, 0))?;
    }
    if let Some(groups) = &p.groups {
        sys::setgroups(groups).map_err(at(Step::Groups, 0))?;
    }
    sys::setresgid(p.gid).map_err(at(Step::Gid, 0))?;
    sys::setresuid(p.uid).map_err(at(Step::Uid, 0))?;
    sys::capset(p.caps).map_err(at(Step::Caps, 0))?;
    sys::prctl(libc::PR_SET_KEEPCAPS, 0, 0).map_err(at(Step::Caps, 0))?;
    for cap in 0..64u64 {
        if p.ambient & (1 << cap) != 0 {
            sys::prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_RAISE as u64, cap)
                .map_err(at(Step::Ambient, cap as usize))?;
        }
    }
    if p.no_new_privs {
        sys::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0).map_err(at(Step::NoNewPrivs, 0))?;
    }
    nix::sys::stat::umask(Mode::from_bits_truncate(p.umask));

    if io.hooks_start {
        hooks_pause(io.chan, HOOKS_START)?;
    }
    // The start gate: tell the engine we are ready, then block opening the
    // fifo for writing until `start` opens it for reading.
    let gate = match io.gate {
        None => None,
        Some(g) => {
            sys::send(io.chan, &Msg::new(MSG_READY, Step::None, 0, 0).encode()).map_err(at(Step::Report, 0))?;
            let mut buf = [0u8; 32];
            let (dir, path) = if io.proc_dir >= 0 {
                (io.proc_dir, number_path(&mut buf, b"self/fd/", g as u32))
            } else {
                (libc::AT_FDCWD, number_path(&mut buf, b"/proc/self/fd/", g as u32))
            };
            let w = loop {
                match sys::open_at(dir, path, libc::O_WRONLY) {
                    Err(Errno::EINTR) => continue,
                    r => break r,
                }
            };
            Some(w.map_err(at(Step::Gate, 0))?)
        }
    };

    if io.parent_death_signal != 0 {
        sys::prctl(libc::PR_SET_PDEATHSIG, io.parent_death_signal as u64, 0).map_err(at(Step::Caps, 0))?;
    }
    sys::reset_signals();
    // With no_new_privs, any process may install a filter: right before exec.
    if let (Some(f), true) = (&p.seccomp, p.no_new_privs) {
        sys::seccomp_set_filter(&f.0).map_err(at(Step::Seccomp, 0))?;
    }
    if let (true, Some(init_fd)) = (io.init, io.init_fd) {
        // `--init`: the command runs as a child of this process, which then
        // becomes `rpod-init` (a small static program run from a sealed
        // memfd, so /proc/1/exe is never the engine's binary), with the
        // signals it forwards and SIGCHLD blocked so none is lost meanwhile.
        let mut set = nix::sys::signal::SigSet::empty();
        for sig in crate::init::FORWARDED {
            set.add(sig);
        }
        set.add(nix::sys::signal::Signal::SIGCHLD);
        let _ = set.thread_block();
        // The command must not run before this process has become rpod-init:
        // until then it is the engine's binary, which the command could read or
        // (with CAP_SYS_PTRACE) attach to through /proc/1. The command waits for
        // end-of-file on a pipe whose only writer is this process's close-on-exec end.
        let (ready_r, ready_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(at(Step::InitExec, 0))?;
        let (r, w) = (std::os::fd::AsRawFd::as_raw_fd(&ready_r), std::os::fd::AsRawFd::as_raw_fd(&ready_w));
        let child = sys::clone_child(0, None, || {
            sys::reset_signals();
            sys::close(w);
            let mut b = [0u8; 1];
            while let Err(Errno::EINTR) = sys::read(r, &mut b) {}
            sys::close(r);
            let errno = exec(p, io.exec_fd);
            report(io.chan, Msg::new(MSG_EXEC_FAIL, Step::None, 0, errno as i32));
            sys::exit_now(if matches!(errno, Errno::ENOENT | Errno::ENOTDIR) { 127 } else { 126 })
        })
        .map_err(at(Step::Report, 0))?;
        drop(ready_r);
        let _keep_until_exec = ready_w;
        // The engine learns the command's fate from the command's copy of
        // the report socket (closed by its exec); ours closes with the exec
        // of rpod-init, or carries why that failed.
        drop(gate);
        let mut buf = [0u8; 32];
        let pid_arg = number_path(&mut buf, b"", child.as_raw() as u32);
        let argv = [c"rpod-init".as_ptr(), pid_arg.as_ptr(), std::ptr::null()];
        let errno = sys::execveat_fd(init_fd, &argv, &[std::ptr::null()]);
        let _ = nix::sys::signal::kill(child, nix::sys::signal::Signal::SIGKILL);
        return Err((Step::InitExec, 0, errno));
    }
    let errno = exec(p, io.exec_fd);
    let msg = Msg::new(MSG_EXEC_FAIL, Step::None, 0, errno as i32);
    report(io.chan, msg);
    let msg = msg.encode();
    if let Some(w) = &gate {
        let raw = std::os::fd::AsRawFd::as_raw_fd(w);
        let _ = sys::write(raw, &msg);
        let _ = sys::write(raw, p.arg0.as_bytes());
    }
    sys::exit_now(if matches!(errno, Errno::ENOENT | Errno::ENOTDIR) { 127 } else { 126 })
}

/// execve args[0], searched through the container's PATH like execvp
/// (without its /bin/sh fallback for ENOEXEC).
fn exec(p: &ProcessPlan, exec_fd: Option<RawFd>) -> Errno {
    if let Some(fd) = exec_fd {
        return sys::execveat_fd(fd, &p.argv, &p.envp);
    }
    let mut eacces = false;
    for c in &p.candidates {
        match sys::execve(c, &p.argv, &p.envp) {
            Errno::ENOENT | Errno::ENOTDIR | Errno::ESTALE | Errno::ENODEV | Errno::ETIMEDOUT => {}
            Errno::EACCES => eacces = true,
            other => return other,
        }
    }
    if eacces {
        Errno::EACCES
    } else {
        Errno::ENOENT
    }
}
