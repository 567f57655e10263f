//! Turning an OCI spec into a plan: every string, path, flag and number the
//! container's init needs, prepared in the engine before the `clone3`, so the
//! child only makes system calls (see `child.rs` for why).

use std::ffi::CString;
use std::os::fd::RawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path};

use nix::mount::MsFlags;
use oci_spec::runtime::{Capabilities, LinuxNamespaceType, Process, Spec};

use crate::error::RuntimeError;
use crate::sys::CapMasks;

/// One message between the engine and the container's init on their socket
/// (or, for exec errors after a start gate, the gate fifo): 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Msg {
    pub kind: u32,
    pub step: u32,
    pub arg: u32,
    pub errno: i32,
}

pub(crate) const MSG_LEN: usize = 16;
/// Child → engine: set-up done, blocked on the start gate.
pub(crate) const MSG_READY: u32 = 1;
/// Child → engine: the pty master is attached.
pub(crate) const MSG_PTY: u32 = 2;
/// Child → engine: a set-up step failed (`step`, `arg`, `errno`).
pub(crate) const MSG_FAIL: u32 = 3;
/// Child → engine: execve failed (`errno`); the fifo variant carries the command after the header.
pub(crate) const MSG_EXEC_FAIL: u32 = 4;
/// Engine → child: the user namespace maps are written.
pub(crate) const MSG_GO: u32 = 5;

impl Msg {
    pub const fn new(kind: u32, step: Step, arg: u32, errno: i32) -> Msg {
        Msg { kind, step: step as u32, arg, errno }
    }

    pub fn encode(&self) -> [u8; MSG_LEN] {
        let mut b = [0u8; MSG_LEN];
        b[0..4].copy_from_slice(&self.kind.to_ne_bytes());
        b[4..8].copy_from_slice(&self.step.to_ne_bytes());
        b[8..12].copy_from_slice(&self.arg.to_ne_bytes());
        b[12..16].copy_from_slice(&self.errno.to_ne_bytes());
        b
    }

    pub fn decode(b: &[u8]) -> Option<Msg> {
        let w = |i: usize| -> Option<[u8; 4]> { b.get(i..i + 4)?.try_into().ok() };
        Some(Msg {
            kind: u32::from_ne_bytes(w(0)?),
            step: u32::from_ne_bytes(w(4)?),
            arg: u32::from_ne_bytes(w(8)?),
            errno: i32::from_ne_bytes(w(12)?),
        })
    }
}

/// The steps of the container's init, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Step {
    None = 0,
    UserNsWait,
    BecomeRoot,
    Dumpable,
    JoinNamespace,
    MakePrivate,
    BindRoot,
    OpenTree,
    PivotRoot,
    Mount,
    Device,
    Symlink,
    Pty,
    Console,
    Sysctl,
    Mask,
    ReadOnlyPath,
    Hostname,
    Domainname,
    Loopback,
    MkdirCwd,
    Propagation,
    RootReadonly,
    Fds,
    Chdir,
    CwdOutside,
    Rlimit,
    Bounding,
    Groups,
    Gid,
    Uid,
    Caps,
    Ambient,
    NoNewPrivs,
    Gate,
    Report,
    Seccomp,
    OomScoreAdj,
}

const STEPS: [Step; 38] = [
    Step::None,
    Step::UserNsWait,
    Step::BecomeRoot,
    Step::Dumpable,
    Step::JoinNamespace,
    Step::MakePrivate,
    Step::BindRoot,
    Step::OpenTree,
    Step::PivotRoot,
    Step::Mount,
    Step::Device,
    Step::Symlink,
    Step::Pty,
    Step::Console,
    Step::Sysctl,
    Step::Mask,
    Step::ReadOnlyPath,
    Step::Hostname,
    Step::Domainname,
    Step::Loopback,
    Step::MkdirCwd,
    Step::Propagation,
    Step::RootReadonly,
    Step::Fds,
    Step::Chdir,
    Step::CwdOutside,
    Step::Rlimit,
    Step::Bounding,
    Step::Groups,
    Step::Gid,
    Step::Uid,
    Step::Caps,
    Step::Ambient,
    Step::NoNewPrivs,
    Step::Gate,
    Step::Report,
    Step::Seccomp,
    Step::OomScoreAdj,
];

impl Step {
    pub fn from_u32(n: u32) -> Step {
        STEPS.get(n as usize).copied().unwrap_or(Step::None)
    }

    /// A description that needs no plan (for reports read by `start` in
    /// another process).
    pub fn generic(self) -> &'static str {
        match self {
            Step::None => "setting up the container",
            Step::UserNsWait => "waiting for the user namespace mappings",
            Step::BecomeRoot => "becoming root in the user namespace",
            Step::Dumpable => "making the init non-dumpable",
            Step::JoinNamespace => "joining a namespace",
            Step::MakePrivate => "making the mount namespace private (MS_REC|MS_PRIVATE on /)",
            Step::BindRoot => "bind-mounting the root file system onto itself",
            Step::OpenTree => "opening a bind-mount source",
            Step::PivotRoot => "pivot_root into the root file system",
            Step::Mount => "mounting",
            Step::Device => "creating a device node",
            Step::Symlink => "creating a symlink in /dev",
            Step::Pty => "creating the container's pseudo-terminal",
            Step::Console => "bind-mounting the terminal on /dev/console",
            Step::Sysctl => "setting a sysctl",
            Step::Mask => "masking a path",
            Step::ReadOnlyPath => "making a path read-only",
            Step::Hostname => "setting the hostname",
            Step::Domainname => "setting the domain name",
            Step::Loopback => "bringing up the loopback interface",
            Step::MkdirCwd => "creating the working directory",
            Step::Propagation => "setting the root's mount propagation",
            Step::RootReadonly => "making the root file system read-only",
            Step::Fds => "arranging file descriptors",
            Step::Chdir => "changing to the working directory",
            Step::CwdOutside => "checking the working directory (it is outside the container)",
            Step::Rlimit => "setting a resource limit",
            Step::OomScoreAdj => "writing /proc/self/oom_score_adj",
            Step::Bounding => "dropping capabilities from the bounding set",
            Step::Groups => "setting supplementary groups",
            Step::Gid => "setting the group ID",
            Step::Uid => "setting the user ID",
            Step::Caps => "setting capabilities",
            Step::Ambient => "raising ambient capabilities",
            Step::NoNewPrivs => "setting no_new_privs",
            Step::Gate => "waiting for start on the gate fifo",
            Step::Report => "reporting to the engine",
            Step::Seccomp => "installing the seccomp filter",
        }
    }
}

/// A host path opened (`open_tree`) before `pivot_root`, to be bind-mounted
/// into the container after it.
#[derive(Debug)]
pub(crate) struct Tree {
    pub path: CString,
    pub recursive: bool,
    /// Only a fallback: failing to open it is not an error by itself.
    pub optional: bool,
}

#[derive(Debug)]
pub(crate) enum MountKind {
    /// A new file system instance (`fsopen`/`fsmount`), with its options
    /// as (key, value) pairs and its `MOUNT_ATTR_*` flags.
    Fs { source: CString, fstype: CString, options: Vec<FsOption>, attrs: u64 },
    /// A bind mount of `trees[tree]`.
    Bind { tree: usize },
}

/// A file system option: `key` or `key=value`.
pub(crate) type FsOption = (CString, Option<CString>);

fn fs_options(data: &[String]) -> Result<Vec<FsOption>, RuntimeError> {
    data.iter()
        .map(|d| match d.split_once('=') {
            Some((k, v)) => Ok((cstring(k, "mount option")?, Some(cstring(v, "mount option")?))),
            None => Ok((cstring(d, "mount option")?, None)),
        })
        .collect()
}

#[derive(Debug)]
pub(crate) enum Fallback {
    Fail,
    /// Leave the mount out when it fails (cgroup2 on a host that refuses it).
    Skip,
    /// Try again with other options (devpts without `gid=5` when gid 5 is
    /// not mapped in the user namespace).
    RetryOptions(Vec<FsOption>),
    /// Bind-mount this host tree instead (sysfs that may not be mounted
    /// without owning the network namespace).
    Tree(usize),
}

#[derive(Debug)]
pub(crate) struct MountOp {
    pub desc: String,
    pub target: CString,
    /// The target is a file (a bind mount of a file), not a directory.
    pub file: bool,
    pub kind: MountKind,
    pub fallback: Fallback,
    /// `MOUNT_ATTR_*` set/cleared on a bind mount (recursively for rbind).
    pub attr_set: u64,
    pub attr_clr: u64,
    pub recursive: bool,
    pub propagation: Option<MsFlags>,
}

#[derive(Debug)]
pub(crate) enum DevHow {
    Mknod { mode: u32, dev: u64 },
    Bind { tree: usize },
}

#[derive(Debug)]
pub(crate) struct DeviceOp {
    pub path: CString,
    pub how: DevHow,
    pub uid: u32,
    pub gid: u32,
}

/// Everything about the process itself, shared by create and exec.
#[derive(Debug)]
pub(crate) struct ProcessPlan {
    pub arg0: String,
    pub cwd: CString,
    pub rlimits: Vec<(i32, u64, u64)>,
    pub rlimit_names: Vec<String>,
    pub no_new_privs: bool,
    /// The container's seccomp filter (`linux.seccomp`), compiled.
    pub seccomp: Option<crate::seccomp::Program>,
    pub uid: u32,
    pub gid: u32,
    /// `None`: leave the supplementary groups alone (setgroups is denied in
    /// this user namespace and none were asked for).
    pub groups: Option<Vec<libc::gid_t>>,
    pub bounding: u64,
    pub caps: CapMasks,
    pub ambient: u64,
    pub umask: u32,
    /// `process.oomScoreAdj`, as the text written to /proc/self/oom_score_adj.
    pub oom_score_adj: Option<CString>,
    pub terminal: bool,
    pub console_size: Option<(u16, u16)>,
    _argv: Vec<CString>,
    pub argv: Vec<*const libc::c_char>,
    _env: Vec<CString>,
    pub envp: Vec<*const libc::c_char>,
    /// The paths `execve` tries, in order (args[0] through the container's PATH).
    pub candidates: Vec<CString>,
}

/// The container's init: namespaces, file systems, then the process.
#[derive(Debug)]
pub(crate) struct ContainerPlan {
    pub clone_flags: u64,
    /// No mount namespace of its own: chroot, no pivot_root, no mounts.
    pub chroot_only: bool,
    /// A new user namespace: wait for the engine to write the maps.
    pub new_userns: bool,
    /// Existing namespaces to join first (OCI `namespaces[].path`), user first.
    pub join: Vec<(RawFd, i32, u32)>,
    pub rootfs: CString,
    pub trees: Vec<Tree>,
    pub tree_fds: Vec<RawFd>,
    pub mounts: Vec<MountOp>,
    /// Per mount: the detached file system made before pivot_root (or
    /// [`MOUNT_SKIP`] / [`MOUNT_USE_TREE`]).
    pub mount_fds: Vec<RawFd>,
    pub devices: Vec<DeviceOp>,
    pub symlinks: Vec<(CString, CString)>,
    pub sysctls: Vec<(CString, CString)>,
    pub masked: Vec<CString>,
    pub readonly: Vec<CString>,
    pub hostname: Option<CString>,
    pub domainname: Option<CString>,
    pub loopback: bool,
    pub propagation: Option<MsFlags>,
    pub root_readonly: bool,
    pub process: ProcessPlan,
}

/// `mount_fds` markers: leave this mount out; bind the fallback tree instead.
pub(crate) const MOUNT_SKIP: RawFd = -2;
pub(crate) const MOUNT_USE_TREE: RawFd = -3;

/// A process joining a running container: the namespaces to enter, in
/// order (`fd`, `CLONE_NEW*`, index in [`NAMESPACES`]; a flag of 0: a
/// directory to chroot into, for a container without a mount namespace of
/// its own), then the process.
#[derive(Debug)]
pub(crate) struct JoinPlan {
    pub ns: Vec<(RawFd, i32, u32)>,
    pub process: ProcessPlan,
}

/// How the child's standard I/O and extra descriptors are set up.
#[derive(Debug)]
pub(crate) struct IoPlan {
    /// The child's end of the report socket.
    pub chan: RawFd,
    /// Descriptors for 0, 1, 2 (`None`: inherited as they are).
    pub stdio: [Option<RawFd>; 3],
    /// Make a pty in the container's devpts, send the master, use the slave.
    pub pty: bool,
    /// Descriptors passed through as 3, 4, ...
    pub preserve: Vec<RawFd>,
    /// `O_PATH` descriptor of the start-gate fifo.
    pub gate: Option<RawFd>,
    /// Execute this open file instead of searching args[0].
    pub exec_fd: Option<RawFd>,
    /// Scratch room for the descriptor shuffle (sized by the engine).
    pub scratch: Vec<RawFd>,
    /// The first descriptor number past those the child keeps.
    pub top: u32,
    /// Signal the process gets when the thread that created it dies
    /// (`PR_SET_PDEATHSIG`, set after the identity change that clears it);
    /// 0: none.
    pub parent_death_signal: i32,
    /// Stay as an init (reaping, forwarding signals) with the command as
    /// a child (`--init`).
    pub init: bool,
    /// The engine's command line area, renamed to `rpod-init` by the init.
    pub cmdline: Option<(usize, usize)>,
    /// The host's /proc (`O_PATH`), kept by an init that only chrooted
    /// (no /proc in its root) to reopen the gate fifo; -1: none.
    pub proc_dir: RawFd,
}

impl IoPlan {
    pub fn new(chan: RawFd, stdio: [Option<RawFd>; 3], pty: bool, preserve: Vec<RawFd>) -> IoPlan {
        // stdio, preserved, report socket + gate + exec file + up to 7
        // namespaces + a root to chroot into.
        let scratch = vec![-1; 3 + preserve.len() + 3 + NAMESPACES.len() + 1];
        IoPlan {
            chan,
            stdio,
            pty,
            preserve,
            gate: None,
            exec_fd: None,
            scratch,
            top: 3,
            parent_death_signal: 0,
            init: false,
            cmdline: None,
            proc_dir: -1,
        }
    }
}

/// Linux namespace clone flags by OCI type, in the order namespaces are
/// joined (user first, mount last so paths stay valid).
pub(crate) const NAMESPACES: [(LinuxNamespaceType, i32, &str); 7] = [
    (LinuxNamespaceType::User, libc::CLONE_NEWUSER, "user"),
    (LinuxNamespaceType::Ipc, libc::CLONE_NEWIPC, "ipc"),
    (LinuxNamespaceType::Uts, libc::CLONE_NEWUTS, "uts"),
    (LinuxNamespaceType::Network, libc::CLONE_NEWNET, "net"),
    (LinuxNamespaceType::Cgroup, libc::CLONE_NEWCGROUP, "cgroup"),
    (LinuxNamespaceType::Pid, libc::CLONE_NEWPID, "pid"),
    (LinuxNamespaceType::Mount, libc::CLONE_NEWNS, "mnt"),
];

pub(crate) fn cstring(s: impl AsRef<[u8]>, what: &str) -> Result<CString, RuntimeError> {
    CString::new(s.as_ref()).map_err(|_| RuntimeError::InvalidSpec(format!("{what} contains a NUL byte")))
}

/// Lexically clean an absolute container path (`/a/./b/../c` → `/a/c`;
/// `..` never climbs above `/`).
pub(crate) fn clean_abs(p: &Path) -> Result<String, RuntimeError> {
    if !p.is_absolute() {
        return Err(RuntimeError::InvalidSpec(format!("{} is not an absolute path", p.display())));
    }
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => parts.push(s),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    let mut out = String::new();
    for s in parts {
        out.push('/');
        out.push_str(&s.to_string_lossy());
    }
    if out.is_empty() {
        out.push('/');
    }
    Ok(out)
}

/// Is the engine real root in the initial user namespace (so it may
/// `mknod` and mount sysfs without owning the network namespace)?
pub fn in_initial_userns_as_root() -> bool {
    nix::unistd::geteuid().is_root()
        && std::fs::read_to_string("/proc/self/uid_map")
            .map(|m| {
                crate::userns::parse_proc_map(&m)
                    .iter()
                    .any(|x| x.container_id == 0 && x.host_id == 0 && x.size == u32::MAX)
            })
            .unwrap_or(false)
}

/// Has this process CAP_SETUID and CAP_SETGID (effective) in its user
/// namespace?
pub fn may_map_ids() -> bool {
    const SETID: u64 = (1 << 6) | (1 << 7);
    crate::caps::status_mask("CapEff").is_some_and(|caps| caps & SETID == SETID)
}

/// May this process call setgroups (`/proc/PID/setgroups` is not `deny`)?
pub(crate) fn setgroups_allowed(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/setgroups")).map(|s| s.trim() != "deny").unwrap_or(true)
}

/// `MOUNT_ATTR_*` values (linux/mount.h).
pub(crate) mod attr {
    pub const RDONLY: u64 = 0x1;
    pub const NOSUID: u64 = 0x2;
    pub const NODEV: u64 = 0x4;
    pub const NOEXEC: u64 = 0x8;
    pub const ATIME_MASK: u64 = 0x70;
    pub const NOATIME: u64 = 0x10;
    pub const STRICTATIME: u64 = 0x20;
    pub const NODIRATIME: u64 = 0x80;
}

#[derive(Debug)]
struct MountOptions {
    flags: MsFlags,
    clear: MsFlags,
    propagation: Option<MsFlags>,
    bind: bool,
    recursive: bool,
    data: Vec<String>,
}

fn parse_mount_options(options: &[String]) -> MountOptions {
    let mut o = MountOptions {
        flags: MsFlags::empty(),
        clear: MsFlags::empty(),
        propagation: None,
        bind: false,
        recursive: false,
        data: Vec::new(),
    };
    for opt in options {
        let (set, clr) = match opt.as_str() {
            "defaults" => (MsFlags::empty(), MsFlags::empty()),
            "ro" => (MsFlags::MS_RDONLY, MsFlags::empty()),
            "rw" => (MsFlags::empty(), MsFlags::MS_RDONLY),
            "nosuid" => (MsFlags::MS_NOSUID, MsFlags::empty()),
            "suid" => (MsFlags::empty(), MsFlags::MS_NOSUID),
            "nodev" => (MsFlags::MS_NODEV, MsFlags::empty()),
            "dev" => (MsFlags::empty(), MsFlags::MS_NODEV),
            "noexec" => (MsFlags::MS_NOEXEC, MsFlags::empty()),
            "exec" => (MsFlags::empty(), MsFlags::MS_NOEXEC),
            "sync" => (MsFlags::MS_SYNCHRONOUS, MsFlags::empty()),
            "async" => (MsFlags::empty(), MsFlags::MS_SYNCHRONOUS),
            "dirsync" => (MsFlags::MS_DIRSYNC, MsFlags::empty()),
            "mand" => (MsFlags::MS_MANDLOCK, MsFlags::empty()),
            "nomand" => (MsFlags::empty(), MsFlags::MS_MANDLOCK),
            "noatime" => (MsFlags::MS_NOATIME, MsFlags::empty()),
            "atime" => (MsFlags::empty(), MsFlags::MS_NOATIME),
            "nodiratime" => (MsFlags::MS_NODIRATIME, MsFlags::empty()),
            "diratime" => (MsFlags::empty(), MsFlags::MS_NODIRATIME),
            "relatime" => (MsFlags::MS_RELATIME, MsFlags::empty()),
            "norelatime" => (MsFlags::empty(), MsFlags::MS_RELATIME),
            "strictatime" => (MsFlags::MS_STRICTATIME, MsFlags::empty()),
            "nostrictatime" => (MsFlags::empty(), MsFlags::MS_STRICTATIME),
            "bind" => {
                o.bind = true;
                continue;
            }
            "rbind" => {
                o.bind = true;
                o.recursive = true;
                continue;
            }
            "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" | "unbindable" | "runbindable" => {
                o.propagation = propagation_flags(opt);
                continue;
            }
            // Podman/Docker annotations that are not mount options.
            "z" | "Z" | "U" | "copy" | "nocopy" | "tmpcopyup" | "notmpcopyup" | "idmap" | "ridmap" => continue,
            other => {
                o.data.push(other.to_string());
                continue;
            }
        };
        o.flags |= set;
        o.flags &= !clr;
        o.clear |= clr;
        o.clear &= !set;
    }
    o
}

fn propagation_flags(name: &str) -> Option<MsFlags> {
    Some(match name {
        "private" => MsFlags::MS_PRIVATE,
        "rprivate" => MsFlags::MS_PRIVATE | MsFlags::MS_REC,
        "shared" => MsFlags::MS_SHARED,
        "rshared" => MsFlags::MS_SHARED | MsFlags::MS_REC,
        "slave" => MsFlags::MS_SLAVE,
        "rslave" => MsFlags::MS_SLAVE | MsFlags::MS_REC,
        "unbindable" => MsFlags::MS_UNBINDABLE,
        "runbindable" => MsFlags::MS_UNBINDABLE | MsFlags::MS_REC,
        _ => return None,
    })
}

/// The `MOUNT_ATTR_*` sets for a bind mount with these mount flags.
fn bind_attrs(flags: MsFlags, clear: MsFlags) -> (u64, u64) {
    let mut set = 0;
    let mut clr = 0;
    for (f, a) in [
        (MsFlags::MS_RDONLY, attr::RDONLY),
        (MsFlags::MS_NOSUID, attr::NOSUID),
        (MsFlags::MS_NODEV, attr::NODEV),
        (MsFlags::MS_NOEXEC, attr::NOEXEC),
        (MsFlags::MS_NODIRATIME, attr::NODIRATIME),
    ] {
        if flags.contains(f) {
            set |= a;
        }
        if clear.contains(f) {
            clr |= a;
        }
    }
    if flags.contains(MsFlags::MS_NOATIME) {
        set |= attr::NOATIME;
        clr |= attr::ATIME_MASK;
    } else if flags.contains(MsFlags::MS_STRICTATIME) {
        set |= attr::STRICTATIME;
        clr |= attr::ATIME_MASK;
    }
    (set, clr)
}

fn cap_bit(c: &oci_spec::runtime::Capability) -> Option<u64> {
    let name = format!("CAP_{c}");
    crate::caps::ALL.iter().position(|n| *n == name).map(|i| 1u64 << i)
}

pub(crate) fn cap_mask(set: Option<&Capabilities>) -> u64 {
    set.map(|s| s.iter().filter_map(cap_bit).fold(0, |a, b| a | b)).unwrap_or(0)
}

fn rlimit_resource(t: oci_spec::runtime::PosixRlimitType) -> i32 {
    use oci_spec::runtime::PosixRlimitType::*;
    (match t {
        RlimitCpu => libc::RLIMIT_CPU,
        RlimitFsize => libc::RLIMIT_FSIZE,
        RlimitData => libc::RLIMIT_DATA,
        RlimitStack => libc::RLIMIT_STACK,
        RlimitCore => libc::RLIMIT_CORE,
        RlimitRss => libc::RLIMIT_RSS,
        RlimitNproc => libc::RLIMIT_NPROC,
        RlimitNofile => libc::RLIMIT_NOFILE,
        RlimitMemlock => libc::RLIMIT_MEMLOCK,
        RlimitAs => libc::RLIMIT_AS,
        RlimitLocks => libc::RLIMIT_LOCKS,
        RlimitSigpending => libc::RLIMIT_SIGPENDING,
        RlimitMsgqueue => libc::RLIMIT_MSGQUEUE,
        RlimitNice => libc::RLIMIT_NICE,
        RlimitRtprio => libc::RLIMIT_RTPRIO,
        RlimitRttime => libc::RLIMIT_RTTIME,
    }) as i32
}

fn ptr_array(strings: &[CString]) -> Vec<*const libc::c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// The process part of a plan. `setgroups_ok`: whether setgroups is allowed
/// in the user namespace the process will run in.
pub(crate) fn process_plan(p: &Process, setgroups_ok: bool) -> Result<ProcessPlan, RuntimeError> {
    let args = p.args().clone().unwrap_or_default();
    let Some(arg0) = args.first().cloned() else {
        return Err(RuntimeError::InvalidSpec("process.args is empty".into()));
    };
    if arg0.is_empty() {
        return Err(RuntimeError::InvalidSpec("process.args[0] is empty".into()));
    }
    lsm_setting("process.selinuxLabel", p.selinux_label().as_deref(), Lsm::SELinux)?;
    lsm_setting("process.apparmorProfile", p.apparmor_profile().as_deref(), Lsm::AppArmor)?;
    let env = p.env().clone().unwrap_or_default();
    let cwd = if p.cwd().as_os_str().is_empty() { "/".to_string() } else { clean_abs(p.cwd())? };

    let path_var = env.iter().rev().find_map(|e| e.strip_prefix("PATH=")).unwrap_or(crate::spec::DEFAULT_PATH);
    let candidates: Vec<CString> = if arg0.contains('/') {
        vec![cstring(&arg0, "process.args[0]")?]
    } else {
        path_var
            .split(':')
            .map(|dir| {
                let dir = if dir.is_empty() { "." } else { dir };
                cstring(format!("{}/{arg0}", dir.trim_end_matches('/')), "PATH")
            })
            .collect::<Result<_, _>>()?
    };

    let argv: Vec<CString> = args.iter().map(|a| cstring(a, "process.args")).collect::<Result<_, _>>()?;
    let envs: Vec<CString> = env.iter().map(|e| cstring(e, "process.env")).collect::<Result<_, _>>()?;

    let mut rlimits = Vec::new();
    let mut rlimit_names = Vec::new();
    for r in p.rlimits().iter().flatten() {
        if r.soft() > r.hard() {
            return Err(RuntimeError::InvalidSpec(format!(
                "{}: soft limit {} above hard limit {}",
                r.typ(),
                r.soft(),
                r.hard()
            )));
        }
        rlimits.push((rlimit_resource(r.typ()), r.soft(), r.hard()));
        rlimit_names.push(format!("setting {} to {}:{}", r.typ(), r.soft(), r.hard()));
    }

    let user = p.user();
    let gids: Vec<libc::gid_t> = user.additional_gids().clone().unwrap_or_default();
    let groups = if setgroups_ok {
        Some(gids)
    } else if gids.is_empty() {
        None
    } else {
        return Err(RuntimeError::InvalidSpec(
            "supplementary groups were asked for, but setgroups is denied in this user namespace".into(),
        ));
    };

    let caps = p.capabilities().as_ref();
    let bounding = cap_mask(caps.and_then(|c| c.bounding().as_ref()));
    let masks = CapMasks {
        effective: cap_mask(caps.and_then(|c| c.effective().as_ref())),
        permitted: cap_mask(caps.and_then(|c| c.permitted().as_ref())),
        inheritable: cap_mask(caps.and_then(|c| c.inheritable().as_ref())),
    };
    // The kernel raises an ambient capability only when it is permitted
    // and inheritable; like runc, the others are left out rather than
    // failing the start (`runc spec` lists ambient but no inheritable).
    let ambient = cap_mask(caps.and_then(|c| c.ambient().as_ref())) & masks.permitted & masks.inheritable;

    let argv_ptrs = ptr_array(&argv);
    let env_ptrs = ptr_array(&envs);
    Ok(ProcessPlan {
        arg0,
        cwd: cstring(&cwd, "process.cwd")?,
        rlimits,
        rlimit_names,
        no_new_privs: p.no_new_privileges().unwrap_or(false),
        seccomp: None,
        uid: user.uid(),
        gid: user.gid(),
        groups,
        bounding,
        caps: masks,
        ambient,
        umask: user.umask().unwrap_or(0o022),
        oom_score_adj: p.oom_score_adj().map(|v| CString::new(v.to_string()).expect("a number has no NUL")),
        terminal: p.terminal().unwrap_or(false),
        console_size: p
            .console_size()
            .map(|b| (b.height().min(u16::MAX as u64) as u16, b.width().min(u16::MAX as u64) as u16)),
        _argv: argv,
        argv: argv_ptrs,
        _env: envs,
        envp: env_ptrs,
        candidates,
    })
}

#[derive(Debug, Clone, Copy)]
enum Lsm {
    SELinux,
    AppArmor,
}

impl Lsm {
    fn enabled(self) -> bool {
        match self {
            Lsm::SELinux => Path::new("/sys/fs/selinux/enforce").exists(),
            Lsm::AppArmor => {
                std::fs::read_to_string("/sys/module/apparmor/parameters/enabled").is_ok_and(|s| s.trim() == "Y")
            }
        }
    }
}

/// A security label or profile the runtime cannot apply is refused, never
/// ignored: where the LSM is not enabled, and (for now) where it is.
fn lsm_setting(field: &str, value: Option<&str>, lsm: Lsm) -> Result<(), RuntimeError> {
    let Some(v) = value.filter(|v| !v.is_empty()) else { return Ok(()) };
    Err(RuntimeError::InvalidSpec(if lsm.enabled() {
        format!(
            "{field} {v:?}: applying {lsm:?} settings is not implemented in rpod's runtime (remove it from the config)"
        )
    } else {
        format!(
            "{field} {v:?}: {lsm:?} is not enabled on this host, so it cannot be applied (remove it from the config)"
        )
    }))
}

/// What the engine learned about the host that shapes the plan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HostFacts {
    /// Real root in the initial user namespace (mknod, sysfs anywhere).
    pub init_root: bool,
    /// CAP_SETUID and CAP_SETGID in the caller's user namespace (real root,
    /// or root of the engine's user namespace): it may write any ID map of
    /// a user namespace it makes without denying setgroups first.
    pub may_map: bool,
}

struct DeviceSpec {
    path: String,
    kind: u32,
    major: u64,
    minor: u64,
    mode: u32,
    uid: u32,
    gid: u32,
}

/// The standard devices of `/dev` (OCI's implicit default devices).
const DEFAULT_DEVICES: [(&str, u64, u64); 6] =
    [("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8), ("urandom", 1, 9), ("tty", 5, 0)];

/// The plan for a container's init.
pub(crate) fn container_plan(
    spec: &Spec,
    host: HostFacts,
) -> Result<(ContainerPlan, Vec<std::fs::File>), RuntimeError> {
    let process = spec.process().as_ref().ok_or_else(|| RuntimeError::InvalidSpec("no process".into()))?;
    let root = spec.root().as_ref().ok_or_else(|| RuntimeError::InvalidSpec("no root".into()))?;
    let rootfs = std::fs::canonicalize(root.path())
        .map_err(|e| RuntimeError::io(format!("root path {}", root.path().display()), e))?;
    if !rootfs.is_dir() {
        return Err(RuntimeError::InvalidSpec(format!("root path {} is not a directory", rootfs.display())));
    }
    let linux = spec.linux().as_ref();
    lsm_setting("linux.mountLabel", linux.and_then(|l| l.mount_label().as_deref()), Lsm::SELinux)?;

    // Namespaces: new ones become clone flags; those with a path are joined.
    let mut clone_flags: u64 = 0;
    let mut join_files = Vec::new();
    let mut join = Vec::new();
    let ns_list = linux.and_then(|l| l.namespaces().as_ref());
    let has_new =
        |t: LinuxNamespaceType| ns_list.is_some_and(|ns| ns.iter().any(|n| n.typ() == t && n.path().is_none()));
    let new_net = has_new(LinuxNamespaceType::Network);
    let new_uts = has_new(LinuxNamespaceType::Uts);
    let new_user = has_new(LinuxNamespaceType::User);
    for (idx, (typ, flag, name)) in NAMESPACES.into_iter().enumerate() {
        let Some(ns) = ns_list.and_then(|ns| ns.iter().find(|n| n.typ() == typ)) else {
            continue;
        };
        match ns.path() {
            None => clone_flags |= flag as u64,
            Some(path) => {
                if matches!(typ, LinuxNamespaceType::Pid | LinuxNamespaceType::Mount | LinuxNamespaceType::User) {
                    return Err(RuntimeError::InvalidSpec(format!(
                        "joining an existing {name} namespace is not supported"
                    )));
                }
                let f = std::fs::File::open(path)
                    .map_err(|e| RuntimeError::io(format!("{name} namespace {}", path.display()), e))?;
                join.push((std::os::fd::AsRawFd::as_raw_fd(&f), flag, idx as u32));
                join_files.push(f);
            }
        }
    }
    // Without a mount namespace of its own (OCI: the runtime's is
    // inherited) the init only chroots into the root file system: pivot_root
    // or mounts there would change the caller's namespace, so a config that
    // needs them is refused (as runc refuses masked paths without one).
    let chroot_only = clone_flags & libc::CLONE_NEWNS as u64 == 0;
    let userns = new_user;
    // mknod works only for real root outside any user namespace.
    let can_mknod = host.init_root && !userns;
    // sysfs can always be mounted by real root; elsewhere only when the
    // container owns its network namespace (and even then it may be refused).
    let sysfs_may_fail = !host.init_root || userns;

    let mut trees: Vec<Tree> = Vec::new();
    let tree = |path: &Path, recursive: bool, trees: &mut Vec<Tree>| -> Result<usize, RuntimeError> {
        trees.push(Tree { path: cstring(path.as_os_str().as_bytes(), "mount source")?, recursive, optional: false });
        Ok(trees.len() - 1)
    };

    let mut mounts = Vec::new();
    let mut dev_mounted = false;
    let mut pts_mounted = false;
    for m in spec.mounts().iter().flatten() {
        let dest = clean_abs(m.destination())?;
        if dest == "/" {
            return Err(RuntimeError::InvalidSpec("a mount on / is not supported (use root.path)".into()));
        }
        let typ = m.typ().clone().unwrap_or_default();
        let opts = parse_mount_options(m.options().as_deref().unwrap_or(&[]));
        let is_bind = opts.bind || typ == "bind";
        let target = cstring(&dest, "mount destination")?;
        if is_bind {
            let src = m
                .source()
                .clone()
                .ok_or_else(|| RuntimeError::InvalidSpec(format!("bind mount on {dest} without a source")))?;
            let src =
                if src.is_absolute() { src } else { std::env::current_dir().map(|d| d.join(&src)).unwrap_or(src) };
            let meta = std::fs::metadata(&src)
                .map_err(|e| RuntimeError::io(format!("bind mount source {}", src.display()), e))?;
            let (set, clr) = bind_attrs(opts.flags, opts.clear);
            let t = tree(&src, opts.recursive, &mut trees)?;
            mounts.push(MountOp {
                desc: format!("bind-mounting {} on {dest}", src.display()),
                target,
                file: !meta.is_dir(),
                kind: MountKind::Bind { tree: t },
                fallback: Fallback::Fail,
                attr_set: set,
                attr_clr: clr,
                recursive: opts.recursive,
                propagation: opts.propagation,
            });
            continue;
        }
        let fstype = match typ.as_str() {
            "" => return Err(RuntimeError::InvalidSpec(format!("mount on {dest} has no type"))),
            "cgroup" => "cgroup2".to_string(),
            t => t.to_string(),
        };
        let source = m
            .source()
            .as_ref()
            .map(|s| s.as_os_str().as_bytes().to_vec())
            .unwrap_or_else(|| fstype.as_bytes().to_vec());
        let (set, clr) = bind_attrs(opts.flags, opts.clear);
        let fallback = match fstype.as_str() {
            "cgroup2" => Fallback::Skip,
            "sysfs" if sysfs_may_fail => {
                let t = tree(Path::new("/sys"), true, &mut trees)?;
                trees[t].optional = true;
                Fallback::Tree(t)
            }
            "devpts" if opts.data.iter().any(|d| d.starts_with("gid=")) => {
                let rest: Vec<String> = opts.data.iter().filter(|d| !d.starts_with("gid=")).cloned().collect();
                Fallback::RetryOptions(fs_options(&rest)?)
            }
            "mqueue" if !host.init_root || userns => Fallback::Skip,
            _ => Fallback::Fail,
        };
        if dest == "/dev" {
            dev_mounted = true;
        }
        if fstype == "devpts" && dest == "/dev/pts" {
            pts_mounted = true;
        }
        mounts.push(MountOp {
            desc: format!("mounting {fstype} on {dest}"),
            target,
            file: false,
            kind: MountKind::Fs {
                source: cstring(&source, "mount source")?,
                fstype: cstring(&fstype, "mount type")?,
                options: {
                    let mut o = fs_options(&opts.data)?;
                    for (flag, name) in [(MsFlags::MS_SYNCHRONOUS, "sync"), (MsFlags::MS_DIRSYNC, "dirsync")] {
                        if opts.flags.contains(flag) {
                            o.push((cstring(name, "mount option")?, None));
                        }
                    }
                    o
                },
                attrs: set,
            },
            fallback,
            attr_set: set,
            attr_clr: clr,
            recursive: true,
            propagation: opts.propagation,
        });
    }

    // Devices: the standard ones when /dev is ours, plus the spec's.
    let mut devices = Vec::new();
    let add_device = |devices: &mut Vec<DeviceOp>, trees: &mut Vec<Tree>, d: DeviceSpec| -> Result<(), RuntimeError> {
        let how = if can_mknod {
            DevHow::Mknod { mode: d.kind | (d.mode & 0o7777), dev: nix::sys::stat::makedev(d.major, d.minor) }
        } else {
            DevHow::Bind { tree: tree(Path::new(&d.path), false, trees)? }
        };
        devices.retain(|x| x.path.as_bytes() != d.path.as_bytes());
        devices.push(DeviceOp { path: cstring(&d.path, "device path")?, how, uid: d.uid, gid: d.gid });
        Ok(())
    };
    if dev_mounted {
        for (name, major, minor) in DEFAULT_DEVICES {
            let d = DeviceSpec {
                path: format!("/dev/{name}"),
                kind: libc::S_IFCHR,
                major,
                minor,
                mode: 0o666,
                uid: 0,
                gid: 0,
            };
            add_device(&mut devices, &mut trees, d)?;
        }
    }
    for d in linux.and_then(|l| l.devices().as_ref()).into_iter().flatten() {
        let kind = match d.typ() {
            oci_spec::runtime::LinuxDeviceType::B => libc::S_IFBLK,
            oci_spec::runtime::LinuxDeviceType::P => libc::S_IFIFO,
            _ => libc::S_IFCHR,
        };
        let spec = DeviceSpec {
            path: clean_abs(d.path())?,
            kind,
            major: d.major() as u64,
            minor: d.minor() as u64,
            mode: d.file_mode().unwrap_or(0o666),
            uid: d.uid().unwrap_or(0),
            gid: d.gid().unwrap_or(0),
        };
        add_device(&mut devices, &mut trees, spec)?;
    }
    let mut symlinks = Vec::new();
    if dev_mounted {
        for (target, link) in [
            ("/proc/self/fd", "/dev/fd"),
            ("/proc/self/fd/0", "/dev/stdin"),
            ("/proc/self/fd/1", "/dev/stdout"),
            ("/proc/self/fd/2", "/dev/stderr"),
        ] {
            symlinks.push((cstring(target, "symlink")?, cstring(link, "symlink")?));
        }
        if pts_mounted {
            symlinks.push((cstring("pts/ptmx", "symlink")?, cstring("/dev/ptmx", "symlink")?));
        }
    }

    let mut sysctls = Vec::new();
    for (k, v) in linux.and_then(|l| l.sysctl().as_ref()).into_iter().flatten() {
        if k.contains("..") || k.contains('/') && k.contains('.') {
            return Err(RuntimeError::InvalidSpec(format!("bad sysctl name {k}")));
        }
        sysctls.push((cstring(format!("/proc/sys/{}", k.replace('.', "/")), "sysctl")?, cstring(v, "sysctl value")?));
    }
    let paths = |v: Option<&Vec<String>>| -> Result<Vec<CString>, RuntimeError> {
        v.into_iter().flatten().map(|p| cstring(clean_abs(Path::new(p))?, "path")).collect()
    };
    let masked = paths(linux.and_then(|l| l.masked_paths().as_ref()))?;
    let readonly = paths(linux.and_then(|l| l.readonly_paths().as_ref()))?;

    let hostname = match spec.hostname() {
        Some(h) if !h.is_empty() => {
            if !new_uts {
                return Err(RuntimeError::InvalidSpec(
                    "a hostname needs a UTS namespace of the container's own".into(),
                ));
            }
            Some(cstring(h, "hostname")?)
        }
        _ => None,
    };
    let domainname =
        spec.domainname().as_ref().filter(|d| !d.is_empty()).map(|d| cstring(d, "domainname")).transpose()?;
    let propagation = match linux.and_then(|l| l.rootfs_propagation().as_deref()) {
        None | Some("") => None,
        Some(p) => Some(
            propagation_flags(p).ok_or_else(|| RuntimeError::InvalidSpec(format!("unknown rootfsPropagation {p}")))?,
        ),
    };

    // A new user namespace: its maps are written by a caller with
    // CAP_SETGID in its own namespace (setgroups stays as allowed as it is
    // there) or by an unprivileged one, which must deny setgroups first
    // (see `write_id_maps`).
    let setgroups_ok = setgroups_allowed("self") && (!new_user || host.may_map);
    let mut process = process_plan(process, setgroups_ok)?;
    process.seccomp = linux.and_then(|l| l.seccomp().as_ref()).map(crate::seccomp::compile).transpose()?;

    if chroot_only {
        let needs = [
            ("mounts", !mounts.is_empty()),
            ("linux.maskedPaths", !masked.is_empty()),
            ("linux.readonlyPaths", !readonly.is_empty()),
            ("root.readonly", root.readonly().unwrap_or(false)),
            ("linux.rootfsPropagation", propagation.is_some()),
            ("linux.devices (bound from the host)", !trees.is_empty()),
        ];
        if let Some((what, _)) = needs.iter().find(|n| n.1) {
            return Err(RuntimeError::InvalidSpec(format!(
                "{what} needs a mount namespace of the container's own (add {{\"type\": \"mount\"}} to \
                 linux.namespaces); without one the runtime's is inherited and only a chroot is done"
            )));
        }
    }
    let tree_fds = vec![-1; trees.len()];
    let mount_fds = vec![-1; mounts.len()];
    Ok((
        ContainerPlan {
            clone_flags,
            chroot_only,
            new_userns: new_user,
            join,
            rootfs: cstring(rootfs.as_os_str().as_bytes(), "root path")?,
            trees,
            tree_fds,
            mounts,
            mount_fds,
            devices,
            symlinks,
            sysctls,
            masked,
            readonly,
            hostname,
            domainname,
            loopback: new_net,
            propagation,
            root_readonly: root.readonly().unwrap_or(false),
            process,
        },
        join_files,
    ))
}

impl ContainerPlan {
    /// The description of a failed step, with the plan's details.
    pub fn describe(&self, step: Step, arg: u32) -> String {
        let i = arg as usize;
        let lossy = |c: &CString| c.to_string_lossy().into_owned();
        match step {
            Step::Mount => self.mounts.get(i).map(|m| m.desc.clone()),
            Step::OpenTree => self.trees.get(i).map(|t| format!("opening {} for a bind mount", lossy(&t.path))),
            Step::Device => self.devices.get(i).map(|d| format!("creating device {}", lossy(&d.path))),
            Step::Symlink => {
                self.symlinks.get(i).map(|(t, l)| format!("creating symlink {} -> {}", lossy(l), lossy(t)))
            }
            Step::Sysctl => self.sysctls.get(i).map(|(p, v)| format!("writing {} to {}", lossy(v), lossy(p))),
            Step::Mask => self.masked.get(i).map(|p| format!("masking {}", lossy(p))),
            Step::ReadOnlyPath => self.readonly.get(i).map(|p| format!("making {} read-only", lossy(p))),
            Step::BindRoot => Some(format!("bind-mounting the root file system {} onto itself", lossy(&self.rootfs))),
            Step::PivotRoot => Some(format!("pivot_root into {}", lossy(&self.rootfs))),
            _ => None,
        }
        .unwrap_or_else(|| self.process.describe(step, arg))
    }
}

impl ProcessPlan {
    pub fn describe(&self, step: Step, arg: u32) -> String {
        let cwd = self.cwd.to_string_lossy();
        match step {
            Step::Rlimit => self.rlimit_names.get(arg as usize).cloned().unwrap_or_else(|| step.generic().into()),
            Step::MkdirCwd => format!("creating the working directory {cwd}"),
            Step::Chdir => format!("changing to the working directory {cwd}"),
            Step::CwdOutside => format!("the working directory {cwd} is outside the container"),
            Step::Uid => format!("setting the user ID to {}", self.uid),
            Step::Gid => format!("setting the group ID to {}", self.gid),
            Step::Groups => format!("setting supplementary groups {:?}", self.groups.as_deref().unwrap_or(&[])),
            Step::JoinNamespace => {
                format!("joining the container's {} namespace", NAMESPACES.get(arg as usize).map_or("?", |n| n.2))
            }
            _ => step.generic().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msg_round_trips() {
        let m = Msg::new(MSG_FAIL, Step::Mount, 7, libc::EPERM);
        assert_eq!(Msg::decode(&m.encode()), Some(m));
        assert_eq!(Msg::decode(&[0; 3]), None);
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(*s as usize, i);
            assert_eq!(Step::from_u32(i as u32), *s);
        }
    }

    #[test]
    fn paths_clean() {
        assert_eq!(clean_abs(Path::new("/a/./b/../c/")).unwrap(), "/a/c");
        assert_eq!(clean_abs(Path::new("/../../x")).unwrap(), "/x");
        assert_eq!(clean_abs(Path::new("/")).unwrap(), "/");
        assert!(clean_abs(Path::new("rel")).is_err());
    }

    #[test]
    fn mount_options_parse() {
        let o = parse_mount_options(&[
            "nosuid".into(),
            "ro".into(),
            "rbind".into(),
            "mode=755".into(),
            "rslave".into(),
            "Z".into(),
        ]);
        assert!(o.flags.contains(MsFlags::MS_NOSUID | MsFlags::MS_RDONLY));
        assert!(o.bind && o.recursive);
        assert_eq!(o.data, vec!["mode=755"]);
        assert_eq!(o.propagation, Some(MsFlags::MS_SLAVE | MsFlags::MS_REC));
        let (set, clr) = bind_attrs(o.flags, o.clear);
        assert_eq!(set, attr::RDONLY | attr::NOSUID);
        assert_eq!(clr, 0);
        let o = parse_mount_options(&["ro".into(), "rw".into(), "noatime".into()]);
        let (set, clr) = bind_attrs(o.flags, o.clear);
        assert_eq!(set, attr::NOATIME);
        assert_eq!(clr, attr::RDONLY | attr::ATIME_MASK);
    }

    #[test]
    fn every_capability_has_a_bit() {
        for (i, name) in crate::caps::ALL.iter().enumerate() {
            let c = crate::caps::parse_capability(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(cap_bit(&c), Some(1 << i), "{name}");
        }
    }

    #[test]
    fn process_plan_searches_the_containers_path() {
        let mut p = Process::default();
        p.set_args(Some(vec!["ls".into(), "-l".into()]));
        p.set_env(Some(vec!["PATH=/x:/y/".into()]));
        let plan = process_plan(&p, true).unwrap();
        let c: Vec<_> = plan.candidates.iter().map(|c| c.to_str().unwrap()).collect();
        assert_eq!(c, vec!["/x/ls", "/y/ls"]);
        assert_eq!(plan.argv.len(), 3);
        assert!(plan.argv[2].is_null());
        p.set_args(Some(vec!["./run".into()]));
        assert_eq!(process_plan(&p, true).unwrap().candidates.len(), 1);
        p.set_args(Some(vec![]));
        assert!(process_plan(&p, true).is_err());
        p.set_args(Some(vec!["x".into()]));
        p.set_user(oci_spec::runtime::UserBuilder::default().additional_gids(vec![5u32]).build().unwrap());
        assert!(process_plan(&p, false).is_err());
    }
}
