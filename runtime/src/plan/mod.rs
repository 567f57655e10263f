//! Turning an OCI spec into a plan: every string, path, flag and number the
//! container's init needs, prepared in the engine before the `clone3`, so the
//! child only makes system calls (see `child.rs` for why).

use std::ffi::CString;
use std::os::fd::RawFd;
use std::path::{Component, Path};

use nix::mount::MsFlags;
use oci_spec::runtime::LinuxNamespaceType;

use crate::error::RuntimeError;
use crate::sys::CapMasks;

mod codec;
mod container;
mod mounts;
mod process;

pub(crate) use codec::*;
pub(crate) use container::*;
use mounts::*;
pub(crate) use process::*;

/// A host path opened (`open_tree`) before `pivot_root`, to be bind-mounted
/// into the container after it.
#[derive(Debug)]
pub(crate) struct Tree {
    pub path: CString,
    pub recursive: bool,
    /// Only a fallback: failing to open it is not an error by itself.
    pub optional: bool,
    /// `path` as another process's mount namespace sees it (a bind source
    /// `/proc/PID/root/PATH`): that namespace and PID. Opened by the
    /// engine, through a child that enters it (see `child::run_open_tree_in`):
    /// the kernel bind-mounts only mounts of the caller's own namespace.
    pub mntns: Option<(RawFd, u32)>,
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
    /// New namespaces the init unshares after joining a user namespace.
    pub unshare_flags: u64,
    /// A PID namespace to start in (`setns` by the engine's thread before
    /// the clone).
    pub pid_join: Option<RawFd>,
    /// No mount namespace of its own: chroot, no pivot_root, no mounts.
    pub chroot_only: bool,
    /// A new user namespace: wait for the engine to write the maps.
    pub new_userns: bool,
    /// An existing user namespace to join (`namespaces[].path` of type
    /// user): the other namespaces are joined before it where the engine's
    /// privileges allow (runc's order), the new ones unshared after it, and
    /// the init takes `become_ids` there.
    pub joined_userns: bool,
    /// A new PID namespace in a joined user namespace: the process that
    /// unshared it forks the container's init (PID 1 there, a child of the
    /// engine), reports its PID and exits; the init waits for the engine's
    /// go-ahead before anything else.
    pub fork_init: bool,
    /// In a new user namespace, the IDs the init takes once the maps are
    /// written: root's, or the process's own when the maps leave root out
    /// (`--uidmap 1000:0:1 --user 1000`).
    pub become_ids: (u32, u32),
    /// Existing namespaces to join first (OCI `namespaces[].path`), user
    /// first, mount last; not the PID namespace (see `pid_join`).
    pub join: Vec<(RawFd, i32, u32)>,
    /// With a new user namespace: the existing namespaces (not the mount
    /// namespace) the engine's thread joins before the clone that makes
    /// it, as runc joins before it unshares `CLONE_NEWUSER` — one the
    /// engine's user namespace owns (a bridge's, made by netavark as root;
    /// a pod's) can be entered only with privileges there, which the
    /// container's root lacks.
    pub early_join: Vec<(RawFd, i32, u32)>,
    pub rootfs: CString,
    /// The root file system as `trees[i]` (a new user namespace): opened
    /// by the engine before the clone, like every tree then (see
    /// `preopen`), stacked on `/` and pivoted into by descriptor — the
    /// container's IDs may not reach it through the store's private
    /// directories.
    pub root_tree: Option<usize>,
    pub trees: Vec<Tree>,
    /// The detached trees, by `trees` index; -1: not opened (yet).
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
    /// `linux.personality`: the execution domain set before the process starts.
    pub personality: Option<libc::c_ulong>,
    pub loopback: bool,
    pub propagation: Option<MsFlags>,
    pub root_readonly: bool,
    /// Mount the root file system (and what is mounted under it) `nodev`
    /// (see `devices_allow_all`).
    pub root_nodev: bool,
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
    /// `--init`: the sealed memfd of the `rpod-init` program, which the
    /// init executes once the command is forked.
    pub init_fd: Option<RawFd>,
    /// Pause for the engine's create hooks before `pivot_root`.
    pub hooks_create: bool,
    /// Pause for the engine's startContainer hooks before exec.
    pub hooks_start: bool,
    /// The host's /proc (`O_PATH`), kept by an init that only chrooted
    /// (no /proc in its root) to reopen the gate fifo; -1: none.
    pub proc_dir: RawFd,
}

impl IoPlan {
    pub fn new(chan: RawFd, stdio: [Option<RawFd>; 3], pty: bool, preserve: Vec<RawFd>) -> IoPlan {
        // stdio, preserved, report socket + gate + exec file + init program
        // + up to 7 namespaces + a root to chroot into.
        let scratch = vec![-1; 3 + preserve.len() + 4 + NAMESPACES.len() + 1];
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
            init_fd: None,
            hooks_create: false,
            hooks_start: false,
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

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::Process;

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
    fn a_file_in_another_process_root() {
        let of = |p: &str| in_process_root(Path::new(p));
        assert_eq!(of("/proc/42/root/dev/shm"), Some((42, "/dev/shm".to_string())));
        assert_eq!(of("/proc/42/root/a/../b/"), Some((42, "/b".to_string())));
        assert_eq!(of("/proc/42/root"), Some((42, "/".to_string())));
        for other in ["/proc/self/root/dev/shm", "/proc/42/rootx/a", "/proc/42/cwd/a", "/proc/+4/root/a", "/dev/shm"] {
            assert_eq!(of(other), None, "{other}");
        }
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
    fn only_an_allow_all_device_rule_lifts_nodev() {
        use oci_spec::runtime::{LinuxDeviceCgroupBuilder, LinuxDeviceType, LinuxResourcesBuilder};
        let rule = |allow: bool, typ: Option<LinuxDeviceType>, major: Option<i64>, access: &str| {
            let mut b = LinuxDeviceCgroupBuilder::default().allow(allow).access(access);
            if let Some(t) = typ {
                b = b.typ(t);
            }
            if let Some(m) = major {
                b = b.major(m);
            }
            b.build().unwrap()
        };
        let res = |rules: Vec<_>| LinuxResourcesBuilder::default().devices(rules).build().unwrap();
        assert!(!devices_allow_all(None));
        assert!(!devices_allow_all(Some(&res(vec![rule(false, None, None, "rwm")]))));
        assert!(devices_allow_all(Some(&res(vec![rule(false, None, None, "rwm"), rule(true, None, None, "rwm")]))));
        assert!(devices_allow_all(Some(&res(vec![rule(true, Some(LinuxDeviceType::A), None, "rwm")]))));
        // Allowing one kind, one major or only reading is not everything.
        assert!(!devices_allow_all(Some(&res(vec![rule(true, Some(LinuxDeviceType::C), None, "rwm")]))));
        assert!(!devices_allow_all(Some(&res(vec![rule(true, None, Some(4), "rwm")]))));
        assert!(!devices_allow_all(Some(&res(vec![rule(true, None, None, "r")]))));
        assert!(!devices_allow_all(Some(&res(vec![rule(true, None, None, "rwm"), rule(false, None, None, "rwm")]))));
    }

    #[test]
    fn a_joined_user_namespace_owns_the_new_ones_and_forks_into_a_new_pid_namespace() {
        use oci_spec::runtime::LinuxNamespaceBuilder;
        let dir = std::env::temp_dir().join(format!("rpod-plan-userns-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let plan_with = |pid_ns: bool| {
            let mut spec = crate::default_spec(&crate::SpecOptions {
                rootfs: dir.clone(),
                args: vec!["true".into()],
                ..Default::default()
            });
            let linux = spec.linux_mut().as_mut().unwrap();
            let mut ns = linux.namespaces().clone().unwrap_or_default();
            ns.retain(|n| n.typ() != LinuxNamespaceType::User && (pid_ns || n.typ() != LinuxNamespaceType::Pid));
            let user = LinuxNamespaceBuilder::default().typ(LinuxNamespaceType::User).path("/proc/self/ns/user");
            ns.push(user.build().unwrap());
            linux.set_namespaces(Some(ns));
            container_plan(&spec, HostFacts { init_root: false, may_map: false }).unwrap().0
        };
        let plan = plan_with(true);
        assert!(plan.joined_userns && !plan.new_userns && plan.fork_init);
        assert_eq!(plan.clone_flags, 0, "made inside the joined namespace, not by the clone");
        let (pid, mnt) = (libc::CLONE_NEWPID as u64, libc::CLONE_NEWNS as u64);
        assert_eq!(plan.unshare_flags & (pid | mnt), pid | mnt);
        assert!(plan.root_tree.is_some(), "the root is opened by the engine");
        assert_eq!(plan.join.iter().filter(|j| j.1 == libc::CLONE_NEWUSER).count(), 1);
        assert!(!plan_with(false).fork_init, "no new PID namespace, no fork");
        std::fs::remove_dir(&dir).unwrap();
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
