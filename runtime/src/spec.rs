//! A Podman-like default OCI runtime configuration for a container.

use std::path::PathBuf;

use oci_spec::runtime::{
    LinuxBuilder, LinuxIdMapping, LinuxIdMappingBuilder, LinuxNamespace, LinuxNamespaceBuilder, LinuxNamespaceType,
    Mount, MountBuilder, PosixRlimit, PosixRlimitBuilder, PosixRlimitType, ProcessBuilder, RootBuilder, Spec,
    SpecBuilder, UserBuilder,
};

use crate::caps;
use crate::userns::IdMap;

/// The OCI runtime spec version of the configs and states rpod writes.
pub const OCI_VERSION: &str = "1.0.2";

/// The `PATH` a container gets when neither the image nor the user sets one.
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Podman's default masked paths (containers/common `DefaultMaskedPaths`).
pub const MASKED_PATHS: [&str; 12] = [
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
    "/sys/devices/virtual/powercap",
];

/// Podman's default read-only paths (containers/common `DefaultReadOnlyPaths`).
pub const READONLY_PATHS: [&str; 6] =
    ["/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

/// Podman's default `RLIMIT_NOFILE` and `RLIMIT_NPROC` (as root), before
/// clamping to the caller's hard limits.
pub const DEFAULT_NOFILE: u64 = 1_048_576;
pub const DEFAULT_NPROC: u64 = 4_194_304;

/// The user a container process runs as (numeric; names are resolved
/// through the container's `/etc/passwd` by [`crate::user::resolve`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserSpec {
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
    pub umask: Option<u32>,
    /// The user's home directory: `HOME` unless the environment sets it
    /// (Docker's rule); empty: none.
    pub home: String,
}

/// The container's network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NetworkMode {
    /// Docker's/Podman's `--network none`: an own network namespace with
    /// only the loopback interface, up.
    None,
    /// `--network host`: the caller's network namespace.
    Host,
    /// An own network namespace with loopback up, to which the engine
    /// attaches a real network later (pasta, in the networking issue).
    #[default]
    Private,
}

/// A user namespace for the container itself (not needed rootless: the
/// engine already runs in one, which the container shares).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserNamespace {
    pub uid_mappings: Vec<IdMap>,
    pub gid_mappings: Vec<IdMap>,
}

/// One resource limit: `kind` is an `RLIMIT_*` name (`RLIMIT_NOFILE`, or
/// Docker's `nofile`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rlimit {
    pub kind: String,
    pub soft: u64,
    pub hard: u64,
}

/// The container's seccomp filter (`--security-opt seccomp=...`).
#[derive(Debug, Clone, Default)]
pub enum Seccomp {
    /// Podman's default profile ([`crate::seccomp::DEFAULT_PROFILE_JSON`]).
    #[default]
    Default,
    /// No filter (`seccomp=unconfined`; also what `--privileged` means
    /// unless a profile is given).
    Unconfined,
    /// A profile read from a file ([`crate::seccomp::Profile::from_file`]).
    Profile(Box<crate::seccomp::Profile>),
}

/// What [`default_spec`] needs to know.
#[derive(Debug, Clone)]
pub struct SpecOptions {
    /// The container's root directory (already mounted by the engine).
    pub rootfs: PathBuf,
    pub args: Vec<String>,
    /// `KEY=VALUE` entries; they override the defaults (`PATH`, `TERM`).
    pub env: Vec<String>,
    pub cwd: String,
    /// Empty: the UTS namespace keeps a copy of the host's name.
    pub hostname: String,
    pub terminal: bool,
    pub user: UserSpec,
    /// Capability names (`CAP_CHOWN`, `chown`, `ALL`); by default Podman's 11.
    pub capabilities: Vec<String>,
    pub read_only: bool,
    pub network: NetworkMode,
    /// The engine runs rootless (in its own user namespace). The spec then
    /// bind-mounts `/sys` instead of mounting sysfs when the network is the
    /// host's (sysfs may not be mounted without owning the network namespace).
    pub rootless: bool,
    /// `--privileged`: every capability, no masked or read-only paths, `/sys` writable.
    pub privileged: bool,
    pub no_new_privileges: bool,
    /// Extra or overriding resource limits (clamped to the caller's hard limit
    /// only for the defaults: an explicit one above it fails at start).
    pub rlimits: Vec<Rlimit>,
    /// A user namespace of the container's own, with these mappings.
    pub user_namespace: Option<UserNamespace>,
    /// Mount cgroup2 read-only on `/sys/fs/cgroup`: `None` = when the host is
    /// in cgroup v2 unified mode (a cgroup2 hierarchy usable as the root of the
    /// container's cgroup namespace).
    pub cgroup_mount: Option<bool>,
    /// The seccomp profile; `--privileged` makes the default unconfined.
    pub seccomp: Seccomp,
    /// Files of the engine's bind-mounted into the container: (source on
    /// the host, destination inside), like Podman's `/etc/hostname`,
    /// `/etc/hosts`, `/etc/resolv.conf` and `/run/.containerenv`.
    pub bind_files: Vec<(PathBuf, String)>,
}

impl Default for SpecOptions {
    fn default() -> Self {
        SpecOptions {
            rootfs: PathBuf::from("rootfs"),
            args: vec!["sh".into()],
            env: Vec::new(),
            cwd: "/".into(),
            hostname: String::new(),
            terminal: false,
            user: UserSpec::default(),
            capabilities: caps::DEFAULT_CAPABILITIES.iter().map(|c| c.to_string()).collect(),
            read_only: false,
            network: NetworkMode::Private,
            rootless: false,
            privileged: false,
            no_new_privileges: false,
            rlimits: Vec::new(),
            user_namespace: None,
            bind_files: Vec::new(),
            cgroup_mount: None,
            seccomp: Seccomp::Default,
        }
    }
}

/// Parse an rlimit name: `RLIMIT_NOFILE`, `nofile`.
pub fn parse_rlimit_kind(name: &str) -> Option<PosixRlimitType> {
    let upper = name.trim().to_ascii_uppercase();
    let full = if upper.starts_with("RLIMIT_") { upper } else { format!("RLIMIT_{upper}") };
    rlimit_by_name(&full)
}

fn rlimit_by_name(full: &str) -> Option<PosixRlimitType> {
    use PosixRlimitType::*;
    Some(match full {
        "RLIMIT_CPU" => RlimitCpu,
        "RLIMIT_FSIZE" => RlimitFsize,
        "RLIMIT_DATA" => RlimitData,
        "RLIMIT_STACK" => RlimitStack,
        "RLIMIT_CORE" => RlimitCore,
        "RLIMIT_RSS" => RlimitRss,
        "RLIMIT_NPROC" => RlimitNproc,
        "RLIMIT_NOFILE" => RlimitNofile,
        "RLIMIT_MEMLOCK" => RlimitMemlock,
        "RLIMIT_AS" => RlimitAs,
        "RLIMIT_LOCKS" => RlimitLocks,
        "RLIMIT_SIGPENDING" => RlimitSigpending,
        "RLIMIT_MSGQUEUE" => RlimitMsgqueue,
        "RLIMIT_NICE" => RlimitNice,
        "RLIMIT_RTPRIO" => RlimitRtprio,
        "RLIMIT_RTTIME" => RlimitRttime,
        _ => return None,
    })
}

fn hard_limit(resource: nix::sys::resource::Resource) -> u64 {
    nix::sys::resource::getrlimit(resource).map(|(_, hard)| hard).unwrap_or(u64::MAX)
}

fn rlimit(typ: PosixRlimitType, soft: u64, hard: u64) -> PosixRlimit {
    PosixRlimitBuilder::default().typ(typ).soft(soft).hard(hard).build().expect("rlimit has no validation")
}

fn mount(dest: &str, typ: &str, source: &str, options: &[&str]) -> Mount {
    MountBuilder::default()
        .destination(dest)
        .typ(typ)
        .source(source)
        .options(options.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .build()
        .expect("a mount without ID mappings is valid")
}

fn namespace(typ: LinuxNamespaceType) -> LinuxNamespace {
    LinuxNamespaceBuilder::default().typ(typ).build().expect("namespace has no validation")
}

fn id_mappings(maps: &[IdMap]) -> Vec<LinuxIdMapping> {
    maps.iter()
        .map(|m| {
            LinuxIdMappingBuilder::default()
                .container_id(m.container_id)
                .host_id(m.host_id)
                .size(m.size)
                .build()
                .expect("id mapping has no validation")
        })
        .collect()
}

/// Merge `KEY=VALUE` lists: later entries replace earlier ones with the same key.
pub fn merge_env<'a>(lists: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for entry in lists {
        let key = entry.split_once('=').map_or(entry, |(k, _)| k);
        match out.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == key) {
            Some(slot) => *slot = entry.to_string(),
            None => out.push(entry.to_string()),
        }
    }
    out
}

/// Does the host mount cgroup2 in unified mode (so a container may mount it
/// as the root of its cgroup namespace)?
pub fn host_cgroup2_unified() -> bool {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    matches!(crate::cgroups::parse_mountinfo(&mountinfo), (Some(_), false))
}

/// A Podman-like default spec for a container: namespaces (mount, uts, ipc,
/// pid, cgroup, network unless host; user only when asked), Podman's mounts,
/// masked and read-only paths, capabilities, rlimits clamped to the caller's
/// hard limits, `PATH`/`TERM`, hostname.
pub fn default_spec(opts: &SpecOptions) -> Spec {
    use nix::sys::resource::Resource;

    // Process.
    let home = (!opts.user.home.is_empty()).then(|| format!("HOME={}", opts.user.home));
    let env = merge_env(
        [format!("PATH={DEFAULT_PATH}"), "TERM=xterm".to_string()]
            .iter()
            .chain(home.iter())
            .map(String::as_str)
            .chain(opts.env.iter().map(String::as_str)),
    );
    let mut user = UserBuilder::default().uid(opts.user.uid).gid(opts.user.gid);
    if !opts.user.additional_gids.is_empty() {
        user = user.additional_gids(opts.user.additional_gids.clone());
    }
    if let Some(umask) = opts.user.umask {
        user = user.umask(umask);
    }
    let user = user.build().expect("user has no validation");

    let cap_names: Vec<String> = if opts.privileged { vec!["ALL".into()] } else { opts.capabilities.clone() };
    let caps = caps::capability_set(&cap_names);
    // Podman: the default profile with its rules resolved for these
    // capabilities; `--privileged` alone means no filter.
    let seccomp = match (&opts.seccomp, opts.privileged) {
        (Seccomp::Unconfined, _) | (Seccomp::Default, true) => None,
        (Seccomp::Default, false) => Some(crate::seccomp::Profile::podman_default().to_oci(&caps)),
        (Seccomp::Profile(p), _) => Some(p.to_oci(&caps)),
    };
    let capabilities = caps::process_capabilities(caps);

    let mut rlimits = vec![
        rlimit(
            PosixRlimitType::RlimitNofile,
            DEFAULT_NOFILE.min(hard_limit(Resource::RLIMIT_NOFILE)),
            DEFAULT_NOFILE.min(hard_limit(Resource::RLIMIT_NOFILE)),
        ),
        rlimit(
            PosixRlimitType::RlimitNproc,
            DEFAULT_NPROC.min(hard_limit(Resource::RLIMIT_NPROC)),
            DEFAULT_NPROC.min(hard_limit(Resource::RLIMIT_NPROC)),
        ),
    ];
    for r in &opts.rlimits {
        if let Some(typ) = parse_rlimit_kind(&r.kind) {
            rlimits.retain(|x| x.typ() != typ);
            rlimits.push(rlimit(typ, r.soft, r.hard));
        }
    }

    let process = ProcessBuilder::default()
        .terminal(opts.terminal)
        .user(user)
        .args(opts.args.clone())
        .env(env)
        .cwd(if opts.cwd.is_empty() { "/" } else { opts.cwd.as_str() })
        .capabilities(capabilities)
        .rlimits(rlimits)
        .no_new_privileges(opts.no_new_privileges)
        .build()
        .expect("process has no validation");

    // Mounts, in Podman's order.
    let mut mounts = vec![
        mount("/proc", "proc", "proc", &["nosuid", "noexec", "nodev"]),
        mount("/dev", "tmpfs", "tmpfs", &["nosuid", "strictatime", "mode=755", "size=65536k"]),
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            &["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"],
        ),
        mount("/dev/mqueue", "mqueue", "mqueue", &["nosuid", "noexec", "nodev"]),
    ];
    let sys_ro = if opts.privileged { "rw" } else { "ro" };
    if opts.rootless && opts.network == NetworkMode::Host {
        mounts.push(mount("/sys", "bind", "/sys", &["rbind", "nosuid", "noexec", "nodev", sys_ro]));
    } else {
        mounts.push(mount("/sys", "sysfs", "sysfs", &["nosuid", "noexec", "nodev", sys_ro]));
    }
    mounts.push(mount("/dev/shm", "tmpfs", "shm", &["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]));
    for (src, dest) in &opts.bind_files {
        mounts.push(mount(dest, "bind", &src.to_string_lossy(), &["bind", "rprivate"]));
    }
    if opts.cgroup_mount.unwrap_or_else(host_cgroup2_unified) {
        mounts.push(mount(
            "/sys/fs/cgroup",
            "cgroup",
            "cgroup",
            &["rprivate", "nosuid", "noexec", "nodev", "relatime", sys_ro],
        ));
    }

    // Namespaces.
    let mut namespaces: Vec<LinuxNamespace> = [
        LinuxNamespaceType::Pid,
        LinuxNamespaceType::Ipc,
        LinuxNamespaceType::Uts,
        LinuxNamespaceType::Mount,
        LinuxNamespaceType::Cgroup,
    ]
    .into_iter()
    .map(namespace)
    .collect();
    if opts.network != NetworkMode::Host {
        namespaces.push(namespace(LinuxNamespaceType::Network));
    }
    let mut linux = LinuxBuilder::default();
    if let Some(u) = &opts.user_namespace {
        namespaces.push(namespace(LinuxNamespaceType::User));
        linux = linux.uid_mappings(id_mappings(&u.uid_mappings)).gid_mappings(id_mappings(&u.gid_mappings));
    }
    linux = linux.namespaces(namespaces);
    // (The builder starts from oci-spec's `Linux::default()`: every field
    // that matters is set explicitly below.)
    let mut linux = linux.build().expect("linux has no validation");
    // Podman's device rules: deny all (the runtime adds what it makes in
    // /dev and what --device asks for), or allow all for --privileged.
    // Without a device cgroup, the runtime keeps the root file system
    // nodev unless everything is allowed (plan::devices_allow_all).
    let all = oci_spec::runtime::LinuxDeviceCgroupBuilder::default()
        .allow(opts.privileged)
        .access("rwm")
        .build()
        .expect("device rule");
    let resources = oci_spec::runtime::LinuxResourcesBuilder::default().devices(vec![all]).build().expect("resources");
    linux.set_resources(Some(resources));
    linux.set_seccomp(seccomp);
    linux.set_masked_paths((!opts.privileged).then(|| MASKED_PATHS.iter().map(|s| s.to_string()).collect()));
    linux.set_readonly_paths((!opts.privileged).then(|| READONLY_PATHS.iter().map(|s| s.to_string()).collect()));

    let root = RootBuilder::default().path(opts.rootfs.clone()).readonly(opts.read_only).build().expect("root");
    let mut spec = SpecBuilder::default()
        .version(OCI_VERSION)
        .root(root)
        .process(process)
        .mounts(mounts)
        .linux(linux)
        .build()
        .expect("spec has no validation");
    spec.set_hostname((!opts.hostname.is_empty()).then(|| opts.hostname.clone()));
    spec.set_annotations(None);
    spec
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::caps::parse_capability;
    use oci_spec::runtime::Capability;

    fn ns_types(spec: &Spec) -> Vec<LinuxNamespaceType> {
        spec.linux().as_ref().unwrap().namespaces().as_ref().unwrap().iter().map(|n| n.typ()).collect()
    }

    #[test]
    fn defaults_look_like_podman() {
        let spec = default_spec(&SpecOptions {
            args: vec!["true".into()],
            hostname: "abc".into(),
            cgroup_mount: Some(false),
            ..Default::default()
        });
        let p = spec.process().as_ref().unwrap();
        assert_eq!(p.no_new_privileges(), Some(false));
        let caps = p.capabilities().as_ref().unwrap();
        assert_eq!(caps.bounding().as_ref().unwrap().len(), 11);
        assert!(caps.bounding().as_ref().unwrap().contains(&Capability::SysChroot));
        assert!(!caps.bounding().as_ref().unwrap().contains(&Capability::SysAdmin));
        assert_eq!(spec.hostname().as_deref(), Some("abc"));
        let env = p.env().as_ref().unwrap();
        assert!(env.iter().any(|e| e.starts_with("PATH=/usr/local/sbin")));
        let nofile = p.rlimits().as_ref().unwrap().iter().find(|r| r.typ() == PosixRlimitType::RlimitNofile).unwrap();
        assert!(nofile.hard() <= hard_limit(nix::sys::resource::Resource::RLIMIT_NOFILE));
        let types = ns_types(&spec);
        assert!(types.contains(&LinuxNamespaceType::Network) && !types.contains(&LinuxNamespaceType::User));
        let dests: Vec<_> = spec.mounts().as_ref().unwrap().iter().map(|m| m.destination().clone()).collect();
        assert_eq!(dests.len(), 6);
        assert!(!dests.contains(&PathBuf::from("/sys/fs/cgroup")));
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux.masked_paths().as_ref().unwrap().contains(&"/proc/kcore".to_string()));
        assert!(linux.readonly_paths().as_ref().unwrap().contains(&"/proc/sys".to_string()));
        let seccomp = linux.seccomp().as_ref().unwrap();
        assert_eq!(seccomp.default_errno_ret(), Some(38));
        let unconfined = default_spec(&SpecOptions { seccomp: Seccomp::Unconfined, ..Default::default() });
        assert!(unconfined.linux().as_ref().unwrap().seccomp().is_none());
    }

    #[test]
    fn host_network_rootless_binds_sys() {
        let spec = default_spec(&SpecOptions {
            network: NetworkMode::Host,
            rootless: true,
            cgroup_mount: Some(true),
            ..Default::default()
        });
        assert!(!ns_types(&spec).contains(&LinuxNamespaceType::Network));
        let sys = spec.mounts().as_ref().unwrap().iter().find(|m| m.destination() == &PathBuf::from("/sys")).unwrap();
        assert_eq!(sys.typ().as_deref(), Some("bind"));
        assert!(spec.mounts().as_ref().unwrap().iter().any(|m| m.destination() == &PathBuf::from("/sys/fs/cgroup")));
    }

    #[test]
    fn env_overrides_and_user_namespace() {
        let spec = default_spec(&SpecOptions {
            env: vec!["PATH=/bin".into(), "A=1".into(), "A=2".into()],
            user_namespace: Some(UserNamespace {
                uid_mappings: vec![IdMap { container_id: 0, host_id: 100000, size: 65536 }],
                gid_mappings: vec![IdMap { container_id: 0, host_id: 100000, size: 65536 }],
            }),
            privileged: true,
            ..Default::default()
        });
        let env = spec.process().as_ref().unwrap().env().clone().unwrap();
        assert_eq!(env, vec!["PATH=/bin", "TERM=xterm", "A=2"]);
        assert!(ns_types(&spec).contains(&LinuxNamespaceType::User));
        let linux = spec.linux().as_ref().unwrap();
        assert_eq!(linux.uid_mappings().as_ref().unwrap()[0].host_id(), 100000);
        assert!(linux.masked_paths().is_none());
        assert!(linux.seccomp().is_none(), "--privileged is unconfined");
        let caps = spec.process().as_ref().unwrap().capabilities().clone().unwrap();
        assert!(caps.bounding().as_ref().unwrap().contains(&Capability::SysAdmin));
    }

    #[test]
    fn names_parse() {
        assert_eq!(parse_capability("net_raw"), Some(Capability::NetRaw));
        assert_eq!(parse_capability("CAP_CHECKPOINT_RESTORE"), Some(Capability::CheckpointRestore));
        assert_eq!(parse_rlimit_kind("nofile"), Some(PosixRlimitType::RlimitNofile));
        assert_eq!(parse_rlimit_kind("RLIMIT_RTTIME"), Some(PosixRlimitType::RlimitRttime));
        assert_eq!(parse_rlimit_kind("bogus"), None);
    }
}
