//! Thin wrappers over the system calls the runtime needs that nix does not
//! offer, or offers only with allocations (which the container child, a copy
//! of a possibly multi-threaded process made by a raw `clone3`, must avoid).
//!
//! Every function here is a direct system call on caller-provided buffers:
//! no allocation, no locks, so all of them are usable in that child.
#![allow(unsafe_code)]

use std::ffi::CStr;
use std::os::fd::{FromRawFd, OwnedFd, RawFd};

use nix::errno::Errno;
use nix::unistd::Pid;

pub(crate) type SysResult<T> = Result<T, Errno>;

fn check(r: libc::c_long) -> SysResult<libc::c_long> {
    if r < 0 {
        Err(Errno::last())
    } else {
        Ok(r)
    }
}

fn check_int(r: libc::c_int) -> SysResult<libc::c_int> {
    if r < 0 {
        Err(Errno::last())
    } else {
        Ok(r)
    }
}

/// `clone3` in the fork-like form (no new stack): `child` runs in the new
/// process and never returns; the parent gets the child's pid.
///
/// The child is a copy of the calling thread only. In a multi-threaded
/// caller another thread may hold a lock (malloc's, stdio's) at that moment,
/// so `child` must restrict itself to async-signal-safe work: system calls on
/// memory prepared before the call. The crate's only callers pass
/// `child::run_create`/`child::run_exec`/`child::run_open_tree_in`,
/// written to that rule.
pub(crate) fn clone_child<F: FnOnce() -> std::convert::Infallible>(
    flags: u64,
    cgroup_fd: Option<RawFd>,
    child: F,
) -> SysResult<Pid> {
    /// `CLONE_INTO_CGROUP` (Linux 5.7): start the child in the cgroup
    /// whose directory descriptor is `clone_args.cgroup`.
    const CLONE_INTO_CGROUP: u64 = 0x2_0000_0000;
    // SAFETY: `clone_args` is plain old data; zeroed is a valid value.
    let mut args: libc::clone_args = unsafe { std::mem::zeroed() };
    args.flags = flags;
    if let Some(fd) = cgroup_fd {
        args.flags |= CLONE_INTO_CGROUP;
        args.cgroup = fd as u64;
    }
    // With CLONE_PARENT the child takes its parent's exit signal (clone3
    // refuses one of its own).
    if flags & libc::CLONE_PARENT as u64 == 0 {
        args.exit_signal = libc::SIGCHLD as u64;
    }
    // SAFETY: clone3 with stack 0 and no CLONE_VM duplicates the address
    // space copy-on-write like fork; `args` is valid for the call. In the
    // child (return 0) we only run `child`, which never returns (see above).
    let r = unsafe {
        libc::syscall(libc::SYS_clone3, &args as *const libc::clone_args, std::mem::size_of::<libc::clone_args>())
    };
    match check(r)? {
        #[allow(unreachable_code)]
        0 => match child() {},
        pid => Ok(Pid::from_raw(pid as i32)),
    }
}

/// Plain `fork` (glibc's, with its atfork handlers), for the single-threaded
/// init process.
pub(crate) fn fork_single_threaded() -> SysResult<Option<Pid>> {
    // SAFETY: only called from `tiny_init`, which runs as a single-threaded
    // process (the CLI re-executed inside the container), so the child may
    // use anything.
    match unsafe { nix::unistd::fork() }? {
        nix::unistd::ForkResult::Child => Ok(None),
        nix::unistd::ForkResult::Parent { child } => Ok(Some(child)),
    }
}

/// `_exit`: end the process without running atexit handlers or destructors.
pub(crate) fn exit_now(code: i32) -> ! {
    // SAFETY: _exit is async-signal-safe and has no preconditions.
    unsafe { libc::_exit(code) }
}

/// `open_tree(AT_FDCWD, path, OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC[|AT_RECURSIVE])`:
/// a detached copy of the mount at `path` (a bind mount not yet attached).
pub(crate) fn open_tree_clone(path: &CStr, recursive: bool) -> SysResult<RawFd> {
    let mut flags = libc::OPEN_TREE_CLONE | libc::OPEN_TREE_CLOEXEC;
    if recursive {
        flags |= libc::AT_RECURSIVE as libc::c_uint;
    }
    // SAFETY: `path` is a valid NUL-terminated string for the call.
    let r = unsafe { libc::syscall(libc::SYS_open_tree, libc::AT_FDCWD, path.as_ptr(), flags) };
    check(r).map(|fd| fd as RawFd)
}

/// `open_tree(fd, "", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_EMPTY_PATH[|AT_RECURSIVE])`:
/// a detached copy of the mount that the open file `fd` (an `O_PATH`
/// descriptor) is on.
pub(crate) fn open_tree_of_fd(fd: RawFd, recursive: bool) -> SysResult<RawFd> {
    let mut flags = libc::OPEN_TREE_CLONE | libc::OPEN_TREE_CLOEXEC | libc::AT_EMPTY_PATH as libc::c_uint;
    if recursive {
        flags |= libc::AT_RECURSIVE as libc::c_uint;
    }
    // SAFETY: the empty path is a valid NUL-terminated string; `fd` is an integer.
    let r = unsafe { libc::syscall(libc::SYS_open_tree, fd, c"".as_ptr(), flags) };
    check(r).map(|fd| fd as RawFd)
}

/// [`open_tree_clone`] for the engine: the descriptor owned.
pub(crate) fn open_tree_owned(path: &CStr, recursive: bool) -> SysResult<OwnedFd> {
    let fd = open_tree_clone(path, recursive)?;
    // SAFETY: open_tree just returned this descriptor; we are its only owner.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Attach the detached mount `fd` at `target`.
pub(crate) fn move_mount_to(fd: RawFd, target: &CStr) -> SysResult<()> {
    // SAFETY: both strings are valid NUL-terminated strings for the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_move_mount,
            fd,
            c"".as_ptr(),
            libc::AT_FDCWD,
            target.as_ptr(),
            libc::MOVE_MOUNT_F_EMPTY_PATH,
        )
    };
    check(r).map(drop)
}

#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

/// `mount_setattr` on the mount at `path` (or on the detached mount `fd`
/// when `path` is empty): set and clear `MOUNT_ATTR_*` flags.
pub(crate) fn mount_setattr(fd: RawFd, path: &CStr, recursive: bool, set: u64, clr: u64) -> SysResult<()> {
    let attr = MountAttr { attr_set: set, attr_clr: clr, propagation: 0, userns_fd: 0 };
    let mut flags = 0u32;
    if path.is_empty() {
        flags |= libc::AT_EMPTY_PATH as u32;
    }
    if recursive {
        flags |= libc::AT_RECURSIVE as u32;
    }
    let dirfd = if path.is_empty() { fd } else { libc::AT_FDCWD };
    // SAFETY: `attr` is a valid `struct mount_attr` of the size passed.
    let r = unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            dirfd,
            path.as_ptr(),
            flags,
            &attr as *const MountAttr,
            std::mem::size_of::<MountAttr>(),
        )
    };
    check(r).map(drop)
}

#[repr(C)]
struct OpenHow {
    flags: u64,
    mode: u64,
    resolve: u64,
}

/// `openat2(dirfd, path, flags, resolve)`.
pub(crate) fn openat2(dirfd: RawFd, path: &CStr, flags: i32, resolve: u64) -> SysResult<RawFd> {
    let how = OpenHow { flags: (flags | libc::O_CLOEXEC) as u64, mode: 0, resolve };
    // SAFETY: `how` is a valid `struct open_how` of the size passed; `path` is NUL-terminated.
    let r = unsafe {
        libc::syscall(libc::SYS_openat2, dirfd, path.as_ptr(), &how as *const OpenHow, std::mem::size_of::<OpenHow>())
    };
    check(r).map(|fd| fd as RawFd)
}

/// `openat(dirfd, path, flags | O_CLOEXEC)` on a raw directory descriptor
/// (or `AT_FDCWD`).
pub(crate) fn open_at(dirfd: RawFd, path: &CStr, flags: i32) -> SysResult<OwnedFd> {
    // SAFETY: `path` is NUL-terminated; the result is a new descriptor we own.
    let fd = Errno::result(unsafe { libc::openat(dirfd, path.as_ptr(), flags | libc::O_CLOEXEC) })?;
    // SAFETY: `fd` was just opened and is owned by nothing else.
    Ok(unsafe { std::os::fd::FromRawFd::from_raw_fd(fd) })
}

/// `openat2` with `RESOLVE_IN_ROOT`, for the engine reading files of a
/// rootfs from outside it (symlinks resolve inside `root`).
pub(crate) fn open_in_root(root: RawFd, path: &CStr, flags: i32) -> SysResult<OwnedFd> {
    let fd = openat2(root, path, flags, libc::RESOLVE_IN_ROOT | libc::RESOLVE_NO_MAGICLINKS)?;
    // SAFETY: openat2 just returned this descriptor; we are its only owner.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// `close_range(first, ~0, flags)`.
pub(crate) fn close_from(first: u32, flags: u32) -> SysResult<()> {
    // SAFETY: close_range only takes integers.
    let r = unsafe { libc::syscall(libc::SYS_close_range, first, u32::MAX, flags) };
    check(r).map(drop)
}

pub(crate) fn close(fd: RawFd) {
    // SAFETY: closing a descriptor number; the callers own it.
    unsafe { libc::close(fd) };
}

/// `fchdir(fd)` on a raw descriptor.
pub(crate) fn fchdir(fd: RawFd) -> SysResult<()> {
    // SAFETY: a plain system call on a descriptor number.
    Errno::result(unsafe { libc::fchdir(fd) }).map(drop)
}

/// `fcntl(fd, F_DUPFD_CLOEXEC, min)`.
pub(crate) fn dup_at_least(fd: RawFd, min: RawFd) -> SysResult<RawFd> {
    // SAFETY: fcntl with integer arguments.
    check_int(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, min) })
}

/// `dup3(old, new, cloexec ? O_CLOEXEC : 0)`; `old == new` only fixes the flag.
pub(crate) fn dup_to(old: RawFd, new: RawFd, cloexec: bool) -> SysResult<()> {
    if old == new {
        let flags = if cloexec { libc::FD_CLOEXEC } else { 0 };
        // SAFETY: fcntl with integer arguments.
        return check_int(unsafe { libc::fcntl(old, libc::F_SETFD, flags) }).map(drop);
    }
    // SAFETY: dup3 with integer arguments.
    check_int(unsafe { libc::dup3(old, new, if cloexec { libc::O_CLOEXEC } else { 0 }) }).map(drop)
}

pub(crate) fn setns(fd: RawFd, nstype: i32) -> SysResult<()> {
    // SAFETY: setns with integer arguments.
    check_int(unsafe { libc::setns(fd, nstype) }).map(drop)
}

pub(crate) fn fchown(fd: RawFd, uid: u32, gid: u32) -> SysResult<()> {
    // SAFETY: fchown with integer arguments.
    check_int(unsafe { libc::fchown(fd, uid, gid) }).map(drop)
}

pub(crate) fn write(fd: RawFd, buf: &[u8]) -> SysResult<usize> {
    loop {
        // SAFETY: `buf` is valid for `buf.len()` bytes.
        let r = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = Errno::last();
        if e != Errno::EINTR {
            return Err(e);
        }
    }
}

pub(crate) fn read(fd: RawFd, buf: &mut [u8]) -> SysResult<usize> {
    loop {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = Errno::last();
        if e != Errno::EINTR {
            return Err(e);
        }
    }
}

/// Send `data` on a socket with `fd` attached (`SCM_RIGHTS`).
pub(crate) fn send_with_fd(sock: RawFd, data: &[u8], fd: RawFd) -> SysResult<()> {
    // Room for one cmsghdr carrying one int, 8-byte aligned.
    let mut control = [0u64; 4];
    let mut iov = libc::iovec { iov_base: data.as_ptr() as *mut libc::c_void, iov_len: data.len() };
    // SAFETY: msghdr is plain old data; zeroed is valid.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    // SAFETY: CMSG_SPACE only computes a size.
    msg.msg_controllen = unsafe { libc::CMSG_SPACE(std::mem::size_of::<RawFd>() as u32) } as usize;
    debug_assert!(msg.msg_controllen <= std::mem::size_of_val(&control));
    // SAFETY: msg_control points to `control`, large enough for one
    // cmsghdr + int (checked above), so the first header and its data are in
    // bounds; `iov` and `data` outlive the sendmsg call.
    unsafe {
        let cmsg = libc::CMSG_FIRSTHDR(&msg);
        (*cmsg).cmsg_level = libc::SOL_SOCKET;
        (*cmsg).cmsg_type = libc::SCM_RIGHTS;
        (*cmsg).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<RawFd>() as u32) as usize;
        std::ptr::write_unaligned(libc::CMSG_DATA(cmsg).cast::<RawFd>(), fd);
        check(libc::sendmsg(sock, &msg, libc::MSG_NOSIGNAL) as libc::c_long).map(drop)
    }
}

pub(crate) fn send(sock: RawFd, data: &[u8]) -> SysResult<()> {
    // SAFETY: `data` is valid for `data.len()` bytes.
    check(unsafe { libc::send(sock, data.as_ptr().cast(), data.len(), libc::MSG_NOSIGNAL) } as libc::c_long).map(drop)
}

/// Capability sets as 64-bit masks (bit n = capability n).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CapMasks {
    pub effective: u64,
    pub permitted: u64,
    pub inheritable: u64,
}

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: i32,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

const LINUX_CAPABILITY_VERSION_3: u32 = 0x2008_0522;

pub(crate) fn capset(c: CapMasks) -> SysResult<()> {
    let mut header = CapHeader { version: LINUX_CAPABILITY_VERSION_3, pid: 0 };
    let data = [
        CapData { effective: c.effective as u32, permitted: c.permitted as u32, inheritable: c.inheritable as u32 },
        CapData {
            effective: (c.effective >> 32) as u32,
            permitted: (c.permitted >> 32) as u32,
            inheritable: (c.inheritable >> 32) as u32,
        },
    ];
    // SAFETY: header and a 2-element data array as capset(2) v3 expects.
    check(unsafe { libc::syscall(libc::SYS_capset, &mut header as *mut CapHeader, data.as_ptr()) }).map(drop)
}

/// `prctl` with integer arguments.
pub(crate) fn prctl(option: i32, arg2: u64, arg3: u64) -> SysResult<i32> {
    // SAFETY: every prctl option used by the crate takes integer arguments.
    check_int(unsafe {
        libc::prctl(option, arg2 as libc::c_ulong, arg3 as libc::c_ulong, 0 as libc::c_ulong, 0 as libc::c_ulong)
    })
}

/// Install a seccomp filter on the calling thread
/// (`seccomp(SECCOMP_SET_MODE_FILTER)`). Needs no_new_privs or
/// CAP_SYS_ADMIN in the current user namespace. Does not allocate.
pub(crate) fn seccomp_set_filter(prog: &[libc::sock_filter]) -> SysResult<()> {
    let len = u16::try_from(prog.len()).map_err(|_| Errno::EINVAL)?;
    let fprog = libc::sock_fprog { len, filter: prog.as_ptr().cast_mut() };
    // SAFETY: fprog points at `len` valid instructions for the duration of
    // the call; the kernel copies the program.
    check(unsafe {
        libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            0 as libc::c_uint,
            &fprog as *const libc::sock_fprog,
        )
    })
    .map(drop)
}

#[repr(C)]
struct IfReq {
    name: [u8; libc::IFNAMSIZ],
    flags: libc::c_short,
    _pad: [u8; 22],
}

const SIOCGIFFLAGS: libc::c_ulong = 0x8913;
const SIOCSIFFLAGS: libc::c_ulong = 0x8914;

/// Bring the loopback interface of the current network namespace up.
pub(crate) fn loopback_up() -> SysResult<()> {
    // SAFETY: socket with integer arguments.
    let sock = check_int(unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) })?;
    let mut req = IfReq { name: [0; libc::IFNAMSIZ], flags: 0, _pad: [0; 22] };
    req.name[..2].copy_from_slice(b"lo");
    // SAFETY: `req` is a valid, 40-byte `struct ifreq` for both ioctls.
    let r = unsafe {
        if libc::ioctl(sock, SIOCGIFFLAGS as _, &mut req as *mut IfReq) < 0 {
            -1
        } else {
            req.flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
            libc::ioctl(sock, SIOCSIFFLAGS as _, &req as *const IfReq)
        }
    };
    let res = check_int(r).map(drop);
    close(sock);
    res
}

/// Open a pseudo-terminal pair in the devpts instance whose `ptmx` is at
/// `ptmx`: returns (master, slave, pts number). Both are close-on-exec.
pub(crate) fn open_pty(ptmx: &CStr) -> SysResult<(RawFd, RawFd, u32)> {
    // SAFETY: `ptmx` is NUL-terminated.
    let master = check_int(unsafe { libc::open(ptmx.as_ptr(), libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC) })?;
    let unlock: libc::c_int = 0;
    let mut n: libc::c_uint = 0;
    // SAFETY: TIOCSPTLCK reads an int, TIOCGPTN writes an unsigned int,
    // TIOCGPTPEER takes open flags; all on our own master descriptor.
    let res = unsafe {
        check_int(libc::ioctl(master, libc::TIOCSPTLCK, &unlock))
            .and_then(|_| check_int(libc::ioctl(master, libc::TIOCGPTN, &mut n)))
            .and_then(|_| {
                check_int(libc::ioctl(master, libc::TIOCGPTPEER, libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC))
            })
    };
    match res {
        Ok(slave) => Ok((master, slave, n)),
        Err(e) => {
            close(master);
            Err(e)
        }
    }
}

pub(crate) fn set_winsize(fd: RawFd, rows: u16, cols: u16) -> SysResult<()> {
    let ws = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCSWINSZ reads a `struct winsize`.
    check_int(unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &ws) }).map(drop)
}

/// Make `fd` (a terminal) the controlling terminal of this new session.
pub(crate) fn set_controlling_tty(fd: RawFd) -> SysResult<()> {
    // SAFETY: TIOCSCTTY takes an int.
    unsafe { check_int(libc::ioctl(fd, libc::TIOCSCTTY, 0)).map(drop) }
}

/// `setsid()`: lead a new session, with no controlling terminal.
pub(crate) fn setsid() -> SysResult<()> {
    // SAFETY: setsid has no arguments.
    unsafe { check_int(libc::setsid()).map(drop) }
}

/// Is the working directory inside this process's root? (`getcwd` answers
/// "(unreachable)..." or ENOENT when it is not, e.g. a leaked host fd.)
pub(crate) fn cwd_is_reachable() -> bool {
    let mut buf = [0u8; 512];
    // SAFETY: the raw getcwd system call writes at most `buf.len()` bytes.
    let r = unsafe { libc::syscall(libc::SYS_getcwd, buf.as_mut_ptr(), buf.len()) };
    // ERANGE (a long path) still proves nothing bad; only an answer that is
    // not absolute means "outside the root".
    if r < 0 {
        return Errno::last() == Errno::ERANGE;
    }
    buf[0] == b'/'
}

/// Reset every signal's disposition to the default and unblock all signals.
pub(crate) fn reset_signals() {
    // SAFETY: a zeroed sigaction is SIG_DFL with an empty mask; sigaction
    // and sigprocmask only read the structures passed.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = libc::SIG_DFL;
        for sig in 1..=libc::SIGRTMAX() {
            if sig != libc::SIGKILL && sig != libc::SIGSTOP {
                libc::sigaction(sig, &sa, std::ptr::null_mut());
            }
        }
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
    }
}

/// `execve(path, argv, envp)`; returns only on failure. Both arrays must be
/// NULL-terminated arrays of pointers to NUL-terminated strings.
pub(crate) fn execve(path: &CStr, argv: &[*const libc::c_char], envp: &[*const libc::c_char]) -> Errno {
    debug_assert!(argv.last().is_some_and(|p| p.is_null()) && envp.last().is_some_and(|p| p.is_null()));
    // SAFETY: see the contract above (upheld by `plan::ExecPlan`, which
    // builds the arrays from CStrings it owns and terminates them).
    unsafe { libc::execve(path.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    Errno::last()
}

/// `execveat(fd, "", argv, envp, AT_EMPTY_PATH)`: execute an open file.
pub(crate) fn execveat_fd(fd: RawFd, argv: &[*const libc::c_char], envp: &[*const libc::c_char]) -> Errno {
    debug_assert!(argv.last().is_some_and(|p| p.is_null()) && envp.last().is_some_and(|p| p.is_null()));
    // SAFETY: as for `execve`.
    unsafe { libc::syscall(libc::SYS_execveat, fd, c"".as_ptr(), argv.as_ptr(), envp.as_ptr(), libc::AT_EMPTY_PATH) };
    Errno::last()
}

/// `setdomainname`.
pub(crate) fn setdomainname(name: &[u8]) -> SysResult<()> {
    // SAFETY: `name` is valid for `name.len()` bytes.
    check_int(unsafe { libc::setdomainname(name.as_ptr().cast(), name.len()) }).map(drop)
}

/// `personality(persona)`: the process's execution domain (`PER_LINUX`,
/// `PER_LINUX32`).
pub(crate) fn personality(persona: libc::c_ulong) -> SysResult<()> {
    // SAFETY: personality takes a plain number and touches no memory of ours.
    check_int(unsafe { libc::personality(persona) }).map(drop)
}

/// `memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING)`.
pub(crate) fn memfd_sealable(name: &CStr) -> SysResult<OwnedFd> {
    // SAFETY: `name` is NUL-terminated.
    let fd = check_int(unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING) })?;
    // SAFETY: memfd_create just returned this descriptor; we own it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Does `fd` refer to an object on which poll reports `events`, waiting up
/// to `timeout_ms` (-1: forever)? Returns the revents.
pub(crate) fn poll_one(fd: RawFd, events: i16, timeout_ms: i32) -> SysResult<i16> {
    let mut p = libc::pollfd { fd, events, revents: 0 };
    loop {
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, timeout_ms) };
        if r >= 0 {
            return Ok(p.revents);
        }
        let e = Errno::last();
        if e != Errno::EINTR {
            return Err(e);
        }
    }
}

/// `setrlimit(resource, {soft, hard})`.
pub(crate) fn setrlimit(resource: i32, soft: u64, hard: u64) -> SysResult<()> {
    let lim = libc::rlimit { rlim_cur: soft, rlim_max: hard };
    // SAFETY: `lim` is a valid rlimit for the call.
    check_int(unsafe { libc::setrlimit(resource as _, &lim) }).map(drop)
}

// The credential calls below are raw system calls on purpose: glibc's
// wrappers (and nix's, which call them) broadcast the change to every thread
// glibc believes the process has, and in a clone3 child of a multi-threaded
// process those threads do not exist, so glibc waits for them forever.

/// `setgroups(groups)`, for the calling thread only.
pub(crate) fn setgroups(groups: &[libc::gid_t]) -> SysResult<()> {
    // SAFETY: `groups` is valid for `groups.len()` elements.
    check(unsafe { libc::syscall(libc::SYS_setgroups, groups.len(), groups.as_ptr()) }).map(drop)
}

/// `setresuid(uid, uid, uid)`, for the calling thread only.
pub(crate) fn setresuid(uid: u32) -> SysResult<()> {
    // SAFETY: integer arguments.
    check(unsafe { libc::syscall(libc::SYS_setresuid, uid, uid, uid) }).map(drop)
}

/// `setresgid(gid, gid, gid)`, for the calling thread only.
pub(crate) fn setresgid(gid: u32) -> SysResult<()> {
    // SAFETY: integer arguments.
    check(unsafe { libc::syscall(libc::SYS_setresgid, gid, gid, gid) }).map(drop)
}

/// `recvmsg` of one datagram into `buf`, taking ownership of a descriptor
/// passed with it (`SCM_RIGHTS`, received close-on-exec). Returns the number
/// of bytes (0: the peer closed) and the descriptor.
pub(crate) fn recv_with_fd(sock: RawFd, buf: &mut [u8], nonblock: bool) -> SysResult<(usize, Option<OwnedFd>)> {
    let mut control = [0u64; 8];
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
    // SAFETY: msghdr is plain old data; zeroed is valid.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = std::mem::size_of_val(&control);
    let flags = libc::MSG_CMSG_CLOEXEC | if nonblock { libc::MSG_DONTWAIT } else { 0 };
    let n = loop {
        // SAFETY: `msg` points at `iov` (over `buf`) and `control`, all live
        // and writable for the call.
        let r = unsafe { libc::recvmsg(sock, &mut msg, flags) };
        if r >= 0 {
            break r as usize;
        }
        let e = Errno::last();
        if e != Errno::EINTR {
            return Err(e);
        }
    };
    let mut fd = None;
    // SAFETY: the CMSG_* helpers walk the control buffer the kernel filled,
    // bounded by msg_controllen; an SCM_RIGHTS payload holds ints.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
        while !cmsg.is_null() {
            if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                let data = libc::CMSG_DATA(cmsg).cast::<RawFd>();
                let count = ((*cmsg).cmsg_len - libc::CMSG_LEN(0) as usize) / std::mem::size_of::<RawFd>();
                for i in 0..count {
                    let raw = std::ptr::read_unaligned(data.add(i));
                    // The kernel installed this descriptor for us: we own it.
                    let owned = OwnedFd::from_raw_fd(raw);
                    if fd.is_none() {
                        fd = Some(owned);
                    }
                }
            }
            cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
        }
    }
    Ok((n, fd))
}

const FSCONFIG_SET_FLAG: u32 = 0;
const FSCONFIG_SET_STRING: u32 = 1;
const FSCONFIG_CMD_CREATE: u32 = 6;

/// A new, detached mount of a file system (`fsopen`, `fsconfig`,
/// `fsmount`): `source`, then each option (`key` or `key=value`), then
/// create with these `MOUNT_ATTR_*` flags. Made before `pivot_root`, while
/// the host's own proc and sysfs are still visible (the kernel refuses a new
/// proc or sysfs in a user namespace when none is fully visible).
pub(crate) fn fs_mount(
    fstype: &CStr,
    source: &CStr,
    options: &[(std::ffi::CString, Option<std::ffi::CString>)],
    attrs: u64,
) -> SysResult<RawFd> {
    // SAFETY: `fstype` is NUL-terminated.
    let fc = check(unsafe { libc::syscall(libc::SYS_fsopen, fstype.as_ptr(), libc::FSOPEN_CLOEXEC) })? as RawFd;
    let configure = || -> SysResult<RawFd> {
        // SAFETY: keys and values are NUL-terminated strings; FSCONFIG_SET_FLAG
        // and FSCONFIG_CMD_CREATE take a NULL value and 0 aux.
        unsafe {
            check(libc::syscall(libc::SYS_fsconfig, fc, FSCONFIG_SET_STRING, c"source".as_ptr(), source.as_ptr(), 0))?;
            for (key, value) in options {
                match value {
                    Some(v) => {
                        check(libc::syscall(libc::SYS_fsconfig, fc, FSCONFIG_SET_STRING, key.as_ptr(), v.as_ptr(), 0))?
                    }
                    None => check(libc::syscall(
                        libc::SYS_fsconfig,
                        fc,
                        FSCONFIG_SET_FLAG,
                        key.as_ptr(),
                        std::ptr::null::<u8>(),
                        0,
                    ))?,
                };
            }
            check(libc::syscall(
                libc::SYS_fsconfig,
                fc,
                FSCONFIG_CMD_CREATE,
                std::ptr::null::<u8>(),
                std::ptr::null::<u8>(),
                0,
            ))?;
            check(libc::syscall(libc::SYS_fsmount, fc, libc::FSMOUNT_CLOEXEC, attrs)).map(|fd| fd as RawFd)
        }
    };
    let r = configure();
    close(fc);
    r
}
