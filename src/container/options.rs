//! The container settings beyond the defaults that `create`/`run` record
//! and `start` applies to the OCI spec: annotations, extra groups,
//! ulimits, sysctls, umask, `/dev/shm` size, namespace modes (`--pid`,
//! `--ipc`, `--uts`, `--cgroupns`), the time zone, tmpfs on a read-only
//! root, host devices. Each is checked when the container is created, so a
//! setting rpod cannot apply is refused then, never dropped at start.

use std::collections::BTreeMap;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use serde::{Deserialize, Serialize};

use rpod_runtime::oci_spec::runtime::{
    LinuxDeviceBuilder, LinuxDeviceCgroup, LinuxDeviceCgroupBuilder, LinuxDeviceType, LinuxNamespaceBuilder,
    LinuxNamespaceType, LinuxPersonalityBuilder, LinuxPersonalityDomain, Mount, MountBuilder, PosixRlimitBuilder, Spec,
};

/// `--pid`, `--ipc`, `--uts`, `--cgroupns`: a namespace of its own
/// (`private`, the default), the host's, or another container's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NsMode {
    #[default]
    Private,
    Host,
    /// `container:NAME|ID` (the ID, resolved at create).
    Container(String),
}

impl NsMode {
    pub fn parse(flag: &str, value: &str) -> anyhow::Result<NsMode> {
        match value {
            "" | "private" => Ok(NsMode::Private),
            "host" => Ok(NsMode::Host),
            v => match v.strip_prefix("container:") {
                Some(c) if !c.is_empty() => Ok(NsMode::Container(c.to_string())),
                _ => bail!("--{flag} {value}: expected host, private or container:NAME"),
            },
        }
    }

    pub fn is_private(&self) -> bool {
        *self == NsMode::Private
    }

    /// Docker's inspect words: `private`, `host`, `container:ID`.
    pub fn text(&self) -> String {
        match self {
            NsMode::Private => "private".into(),
            NsMode::Host => "host".into(),
            NsMode::Container(id) => format!("container:{id}"),
        }
    }
}

/// One `--device HOST[:CONTAINER][:PERMISSIONS]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    pub host: PathBuf,
    pub container: String,
    pub permissions: String,
}

impl Device {
    pub fn parse(s: &str) -> anyhow::Result<Device> {
        let parts: Vec<&str> = s.split(':').collect();
        let is_perm = |p: &str| !p.is_empty() && p.chars().all(|c| "rwm".contains(c));
        let (host, container, permissions) = match parts.as_slice() {
            [h] => (*h, *h, "rwm"),
            [h, p] if is_perm(p) => (*h, *h, *p),
            [h, c] => (*h, *c, "rwm"),
            [h, c, p] if is_perm(p) => (*h, *c, *p),
            _ => bail!("--device {s}: expected HOST[:CONTAINER][:PERMISSIONS]"),
        };
        if !host.starts_with('/') || !container.starts_with('/') {
            bail!("--device {s}: paths must be absolute");
        }
        Ok(Device { host: host.into(), container: container.into(), permissions: permissions.into() })
    }
}

/// What `create` records beyond the process and its limits. Only what
/// was set is written (every container record is read by `ps`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// The cgroup of the container's pod it is placed in (the infra
    /// container, and the others with `pod create --share-parent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_cgroup: Option<super::limits::PodCgroup>,
    /// `--annotation KEY=VALUE`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    /// `--group-add`: group names or IDs, resolved in the container at start.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub group_add: Vec<String>,
    /// `--ulimit TYPE=SOFT[:HARD]` as (RLIMIT_ name, soft, hard).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ulimits: Vec<(String, u64, u64)>,
    /// `--sysctl KEY=VALUE` (namespaced ones only).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub sysctls: BTreeMap<String, String>,
    /// `--umask` (octal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub umask: Option<u32>,
    /// `--personality`: `LINUX` or `LINUX32` (the OCI spec's `linux.personality.domain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personality: Option<String>,
    /// `--shm-size` in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shm_size: Option<u64>,
    #[serde(skip_serializing_if = "NsMode::is_private")]
    pub pid: NsMode,
    #[serde(skip_serializing_if = "NsMode::is_private")]
    pub ipc: NsMode,
    #[serde(skip_serializing_if = "NsMode::is_private")]
    pub uts: NsMode,
    #[serde(skip_serializing_if = "NsMode::is_private")]
    pub cgroupns: NsMode,
    /// A pod's container: `container:INFRA`, the user namespace of the
    /// pod's infra container (`pod create --userns`, `--uidmap` ...),
    /// joined with its maps (copied to the container's record: its files
    /// are owned as they say); `private`: as `--userns` and `--uidmap` say.
    #[serde(skip_serializing_if = "NsMode::is_private")]
    pub userns: NsMode,
    /// `--requires`: the containers (IDs after create) started before this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// `--tz`: `local` or a zone name (`Europe/Berlin`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tz: Option<String>,
    /// `--read-only-tmpfs` (with `--read-only`): tmpfs on /tmp, /var/tmp, /run.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read_only_tmpfs: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Device>,
    /// `--device-cgroup-rule TYPE MAJOR:MINOR ACCESS` (allow rules of the
    /// device cgroup; checked at create).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub device_cgroup_rules: Vec<String>,
    /// `--pidfile`: where the container's PID is written when it starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pidfile: Option<PathBuf>,
    /// `--conmon-pidfile`: where the monitor's PID is written when it starts the container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conmon_pidfile: Option<PathBuf>,
    /// `--timeout`: seconds the container may run before it is killed (0: no limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// The healthcheck (`--health-*` over the image's `HEALTHCHECK`),
    /// resolved at create.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<super::health::HealthConfig>,
    /// The `--health-*` flags, until `create` resolves them (not recorded).
    #[serde(skip)]
    pub health_flags: super::health::HealthFlags,
    /// `--passwd=false`: no passwd/group entries for a numeric `--user`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_passwd: bool,
    /// `--passwd-entry`: the template of that passwd entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passwd_entry: Option<String>,
    /// `--dns*`, `--add-host`, `--no-hosts` (containers.conf's defaults
    /// applied at create).
    #[serde(skip_serializing_if = "crate::network::names::NameSettings::is_empty")]
    pub names: crate::network::names::NameSettings,
    /// `--ip`, `--ip6`, `--mac-address`, `--network-alias` (bridge networks only).
    #[serde(skip_serializing_if = "crate::network::bridge::BridgeSettings::is_empty")]
    pub bridge: crate::network::bridge::BridgeSettings,
    /// `--seccomp-policy=image` until `create` reads the image's profile (not recorded).
    #[serde(skip)]
    pub seccomp_from_image: bool,
    /// `--seccomp-policy=image`: the profile (JSON) from the image's
    /// `io.containers.seccomp.profile` label, used instead of any other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_seccomp: Option<String>,
    /// `--chrootdirs`: directories in the container where the engine's
    /// files are mounted as well.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chrootdirs: Vec<String>,
    /// `--sdnotify`.
    #[serde(default, skip_serializing_if = "crate::container::sdnotify::Mode::is_default")]
    pub sdnotify: crate::container::sdnotify::Mode,
    /// `--init-path` (used with `--init`): the host's program that is the
    /// container's init, mounted read-only at [`INIT_MOUNT`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init_path: Option<PathBuf>,
    /// `--hostuser`: host users given passwd entries in the container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub host_users: Vec<String>,
    /// `--systemd` as given, until `create` decides [`Options::systemd`] (not recorded).
    #[serde(skip)]
    pub systemd_flag: String,
    /// Systemd mode (`--systemd`, decided at create from the command).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub systemd: bool,
    /// `--cgroups`.
    #[serde(default, skip_serializing_if = "crate::container::limits::CgroupsMode::is_default")]
    pub cgroups: crate::container::limits::CgroupsMode,
    /// `--cgroup-parent`: where the container's cgroup goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cgroup_parent: Option<String>,
    /// `--secret`: the secrets given to the container (their data read at each start).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<crate::secret::usage::SecretUse>,
    /// `--uidmap`, `--gidmap`, `--subuidname`, `--subgidname`: the
    /// container's own user namespace, its maps relative to the engine's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_maps: Option<super::userns::IdMaps>,
    /// Those flags, until `create` reads them (not recorded).
    #[serde(skip)]
    pub id_map_flags: super::userns::IdMapFlags,
    /// `create -a`: the streams (`stdin`, `stdout`, `stderr`) `start -a`
    /// attaches, as Docker's; none named: all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attach: Vec<String>,
}

/// Where `--init-path`'s program is in the container (Podman's place).
pub const INIT_MOUNT: &str = "/run/podman-init";

impl Options {
    /// `--init` with `--init-path`: the program replaces rpod's own init.
    pub fn init_program(&self, init: bool) -> Option<&Path> {
        self.init_path.as_deref().filter(|_| init)
    }

    /// Whether `start -a` attaches `stream` (see [`Options::attach`]).
    pub fn attaches(&self, stream: &str) -> bool {
        self.attach.is_empty() || self.attach.iter().any(|a| a == stream)
    }

    /// The IDs of the containers whose namespaces this one joins
    /// (`--pid/--ipc/--uts/--cgroupns container:ID`): it depends on them.
    pub fn joins(&self) -> impl Iterator<Item = &str> {
        [&self.pid, &self.ipc, &self.uts, &self.cgroupns, &self.userns].into_iter().filter_map(|m| match m {
            NsMode::Container(id) => Some(id.as_str()),
            _ => None,
        })
    }

    /// Every container this one depends on: those whose namespaces it
    /// joins and those it `--requires` (started before it, not removed
    /// while it exists).
    pub fn depends_on(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.joins().chain(self.requires.iter().map(String::as_str)).collect();
        v.dedup();
        v
    }
}

/// `--privileged`: the host's device nodes under `/dev`, found as Podman
/// finds them (not in `pts`, `shm`, `fd`, `mqueue`, `.lxc`,
/// `.lxd-mounts`; no `console`, no symlinks). Rootless they are bound
/// (the runtime cannot make nodes in a user namespace), so, as Podman,
/// `/dev/ptmx` and `/dev/tty*` are left out, and so are nodes the user can
/// neither read nor write. Added to the spec's devices unless a device of
/// the same path is there.
pub fn add_host_devices(spec: &mut Spec, rootless: bool) -> anyhow::Result<()> {
    fn walk(dir: &Path, rootless: bool, out: &mut Vec<(PathBuf, std::fs::Metadata)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let (path, name) = (e.path(), e.file_name());
            let Ok(m) = std::fs::symlink_metadata(&path) else { continue };
            let ft = m.file_type();
            if ft.is_dir() {
                if ![".lxc", ".lxd-mounts", "pts", "shm", "fd", "mqueue"].contains(&name.to_string_lossy().as_ref()) {
                    walk(&path, rootless, out);
                }
                continue;
            }
            if name == "console" || !(ft.is_char_device() || ft.is_block_device()) {
                continue;
            }
            if rootless {
                use nix::unistd::{access, AccessFlags};
                let usable = access(&path, AccessFlags::R_OK).is_ok() || access(&path, AccessFlags::W_OK).is_ok();
                if path == Path::new("/dev/ptmx")
                    || name.to_string_lossy().starts_with("tty") && dir == Path::new("/dev")
                    || !usable
                {
                    continue;
                }
            }
            out.push((path, m));
        }
    }
    let mut found = Vec::new();
    walk(Path::new("/dev"), rootless, &mut found);
    let Some(linux) = spec.linux_mut() else { return Ok(()) };
    let mut devs = linux.devices().clone().unwrap_or_default();
    for (path, m) in found {
        if devs.iter().any(|d| d.path() == &path) {
            continue;
        }
        devs.push(host_device(&path, &path.to_string_lossy(), &m)?);
    }
    linux.set_devices(Some(devs));
    Ok(())
}

/// The spec entry of the host's device node `host` (metadata `m`) at `path`.
fn host_device(
    host: &Path,
    path: &str,
    m: &std::fs::Metadata,
) -> anyhow::Result<rpod_runtime::oci_spec::runtime::LinuxDevice> {
    let rdev = m.rdev();
    let typ = if m.file_type().is_block_device() { LinuxDeviceType::B } else { LinuxDeviceType::C };
    LinuxDeviceBuilder::default()
        .path(path)
        .typ(typ)
        .major(nix::sys::stat::major(rdev) as i64)
        .minor(nix::sys::stat::minor(rdev) as i64)
        .file_mode(m.mode() & 0o777)
        .uid(m.uid())
        .gid(m.gid())
        .build()
        .with_context(|| format!("device {}", host.display()))
}

/// Podman's namespaced sysctls: the only ones a container may set.
fn sysctl_allowed(key: &str, network_host: bool, ipc_host: bool) -> anyhow::Result<()> {
    let ipc = ["kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax"];
    let ipc_ok = ipc.contains(&key) || key.starts_with("kernel.shm") || key.starts_with("fs.mqueue.");
    if ipc_ok {
        if ipc_host {
            bail!("--sysctl {key}: cannot be set with --ipc host");
        }
        return Ok(());
    }
    if key.starts_with("net.") {
        if network_host {
            bail!("--sysctl {key}: cannot be set with --network host");
        }
        return Ok(());
    }
    bail!("--sysctl {key}: not a namespaced sysctl (allowed: kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)")
}

/// `--ulimit nofile=1024:2048` (or `nofile=1024`, `-1` for unlimited).
pub fn parse_ulimit(s: &str) -> anyhow::Result<(String, u64, u64)> {
    let (name, values) = s.split_once('=').ok_or_else(|| anyhow!("--ulimit {s}: expected TYPE=SOFT[:HARD]"))?;
    let kind =
        rpod_runtime::spec::parse_rlimit_kind(name).ok_or_else(|| anyhow!("--ulimit {s}: unknown type {name}"))?;
    let num = |v: &str| -> anyhow::Result<u64> {
        if v == "-1" || v == "unlimited" {
            return Ok(u64::MAX);
        }
        v.parse().map_err(|_| anyhow!("--ulimit {s}: bad value {v:?}"))
    };
    let (soft, hard) = match values.split_once(':') {
        Some((a, b)) => (num(a)?, num(b)?),
        None => (num(values)?, num(values)?),
    };
    if soft > hard {
        bail!("--ulimit {s}: the soft limit is above the hard one");
    }
    Ok((serde_json::to_value(kind)?.as_str().unwrap_or(name).to_string(), soft, hard))
}

impl Options {
    /// Checks what can be checked before anything is stored.
    pub fn validate(&self, network_host: bool, hostname_given: bool) -> anyhow::Result<()> {
        for key in self.sysctls.keys() {
            sysctl_allowed(key, network_host, self.ipc == NsMode::Host)?;
        }
        if self.uts == NsMode::Host && hostname_given {
            bail!("--hostname cannot be set with --uts host");
        }
        if self.group_add.iter().any(|g| g == "keep-groups") {
            bail!("--group-add keep-groups is not supported by rpod (it needs crun)");
        }
        if let Some(tz) = &self.tz {
            zone_file(tz)?;
        }
        for d in &self.devices {
            let m = std::fs::metadata(&d.host).with_context(|| format!("--device {}", d.host.display()))?;
            if !m.file_type().is_char_device() && !m.file_type().is_block_device() {
                bail!("--device {}: not a device node", d.host.display());
            }
        }
        if !self.device_cgroup_rules.is_empty() {
            device_cgroup_available()?;
        }
        Ok(())
    }

    /// Apply to the spec `default_spec` made (`rootless`: the engine runs in
    /// a user namespace). `ns_of` gives the host PID of
    /// a running container's init, for `container:ID` modes; `groups` are
    /// the container's `/etc/group` entries.
    pub fn apply(
        &self,
        spec: &mut Spec,
        groups: &[rpod_runtime::user::GroupEntry],
        ns_of: &dyn Fn(&str) -> anyhow::Result<i32>,
        rootless: bool,
    ) -> anyhow::Result<()> {
        if !self.annotations.is_empty() {
            let mut a = spec.annotations().clone().unwrap_or_default();
            a.extend(self.annotations.iter().map(|(k, v)| (k.clone(), v.clone())));
            spec.set_annotations(Some(a.into_iter().collect()));
        }
        if let Some(process) = spec.process_mut() {
            let mut user = process.user().clone();
            let mut gids = user.additional_gids().clone().unwrap_or_default();
            for g in &self.group_add {
                let gid = match g.parse::<u32>() {
                    Ok(n) => n,
                    Err(_) => groups
                        .iter()
                        .find(|e| &e.name == g)
                        .map(|e| e.gid)
                        .ok_or_else(|| anyhow!("--group-add {g}: no such group in the container's /etc/group"))?,
                };
                if !gids.contains(&gid) {
                    gids.push(gid);
                }
            }
            user.set_additional_gids((!gids.is_empty()).then_some(gids));
            if let Some(m) = self.umask {
                user.set_umask(Some(m));
            }
            process.set_user(user);
            if !self.ulimits.is_empty() {
                let mut rl = process.rlimits().clone().unwrap_or_default();
                for (name, soft, hard) in &self.ulimits {
                    let typ = rpod_runtime::spec::parse_rlimit_kind(name).ok_or_else(|| anyhow!("ulimit {name}"))?;
                    rl.retain(|r| r.typ() != typ);
                    rl.push(PosixRlimitBuilder::default().typ(typ).soft(*soft).hard(*hard).build()?);
                }
                process.set_rlimits(Some(rl));
            }
        }
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        if let NsMode::Container(id) = &self.ipc {
            // POSIX shared memory lives in /dev/shm: the IPC namespace's
            // owner's, bound from its mount namespace (Podman binds the
            // owner's shm tmpfs into every container joining its IPC
            // namespace; its size is the owner's).
            let source = format!("/proc/{}/root/dev/shm", ns_of(id)?);
            if let Some(m) = mounts.iter_mut().find(|m| m.destination() == Path::new("/dev/shm")) {
                let opts = ["bind", "rprivate", "nosuid", "noexec", "nodev"].map(String::from).to_vec();
                *m =
                    MountBuilder::default().destination("/dev/shm").typ("bind").source(source).options(opts).build()?;
            }
        } else if let Some(size) = self.shm_size {
            if let Some(m) = mounts.iter_mut().find(|m| m.destination() == Path::new("/dev/shm")) {
                let mut opts: Vec<String> =
                    m.options().clone().unwrap_or_default().into_iter().filter(|o| !o.starts_with("size=")).collect();
                opts.push(format!("size={}k", size.div_ceil(1024)));
                m.set_options(Some(opts));
            }
        }
        if self.ipc == NsMode::Host {
            // The host's IPC objects: its /dev/shm and /dev/mqueue (Podman's way).
            // A host without /dev/mqueue: as root, the container's own mqueue
            // mount is the host IPC namespace's queues already; rootless it
            // cannot be mounted (the host's IPC namespace is not the user
            // namespace's), and the container has none, as the host.
            for dest in ["/dev/shm", "/dev/mqueue"] {
                if dest == "/dev/mqueue" && !Path::new(dest).is_dir() {
                    if rootless {
                        mounts.retain(|m| m.destination() != Path::new(dest));
                    }
                    continue;
                }
                if let Some(m) = mounts.iter_mut().find(|m| m.destination() == Path::new(dest)) {
                    *m = bind(dest, dest, false)?;
                }
            }
        }
        if self.pid == NsMode::Host && rootless {
            // procfs of a PID namespace the user namespace does not own cannot
            // be mounted: the host's /proc, bound (Podman's way).
            if let Some(m) = mounts.iter_mut().find(|m| m.destination() == Path::new("/proc")) {
                *m = bind("/proc", "/proc", false)?;
            }
        }
        if rootless {
            // Device nodes cannot be made in a user namespace: the host's,
            // bound (as Podman does rootless).
            for d in &self.devices {
                mounts.push(bind(&d.host.to_string_lossy(), &d.container, !d.permissions.contains('w'))?);
            }
        }
        if let Some(tz) = &self.tz {
            mounts.push(bind(&zone_file(tz)?.to_string_lossy(), "/etc/localtime", true)?);
        }
        if self.read_only_tmpfs {
            let at = mounts.iter().position(|m| m.destination().starts_with("/run")).unwrap_or(mounts.len());
            for (i, dest) in ["/tmp", "/var/tmp", "/run"].into_iter().enumerate() {
                let opts = ["rw", "rprivate", "nosuid", "nodev", "mode=1777"].map(String::from).to_vec();
                let m = MountBuilder::default().destination(dest).typ("tmpfs").source("tmpfs").options(opts).build()?;
                mounts.insert(at + i, m);
            }
        }
        if self.systemd {
            // Podman's systemd mode: tmpfs where systemd writes, before the
            // engine's files under /run; the cgroup hierarchy writable
            // (the container has a cgroup and a cgroup namespace of its own:
            // checked at create).
            let at = mounts.iter().position(|m| m.destination().starts_with("/run")).unwrap_or(mounts.len());
            let mut i = at;
            for dest in ["/run", "/run/lock", "/tmp", "/var/log/journal"] {
                if mounts.iter().any(|m| m.destination() == Path::new(dest)) {
                    continue;
                }
                let opts = ["rw", "rprivate", "nosuid", "nodev"].map(String::from).to_vec();
                let m = MountBuilder::default().destination(dest).typ("tmpfs").source("tmpfs").options(opts).build()?;
                mounts.insert(i, m);
                i += 1;
            }
            for m in mounts.iter_mut().filter(|m| m.destination() == Path::new("/sys/fs/cgroup")) {
                let opts: Vec<String> = m
                    .options()
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|o| if o == "ro" { "rw".to_string() } else { o })
                    .collect();
                m.set_options(Some(opts));
            }
        }
        spec.set_mounts(Some(mounts));
        if let Some(p) = &self.personality {
            let domain = match p.as_str() {
                "LINUX" => LinuxPersonalityDomain::PerLinux,
                "LINUX32" => LinuxPersonalityDomain::PerLinux32,
                other => bail!("--personality {other}: expected LINUX or LINUX32"),
            };
            if let Some(linux) = spec.linux_mut() {
                linux.set_personality(Some(LinuxPersonalityBuilder::default().domain(domain).build()?));
            }
        }
        if self.uts != NsMode::Private {
            // The host's or the other container's name.
            spec.set_hostname(None);
        }

        let Some(linux) = spec.linux_mut() else { return Ok(()) };
        if !self.sysctls.is_empty() {
            let mut s = linux.sysctl().clone().unwrap_or_default();
            s.extend(self.sysctls.iter().map(|(k, v)| (k.clone(), v.clone())));
            linux.set_sysctl(Some(s));
        }
        if !self.devices.is_empty() && !rootless {
            let mut devs = linux.devices().clone().unwrap_or_default();
            let mut rules = Vec::new();
            for d in &self.devices {
                let m = std::fs::metadata(&d.host).with_context(|| format!("--device {}", d.host.display()))?;
                let dev = host_device(&d.host, &d.container, &m)?;
                // Podman's allow rule for the node, with its permissions.
                rules.push(
                    LinuxDeviceCgroupBuilder::default()
                        .allow(true)
                        .typ(dev.typ())
                        .major(dev.major())
                        .minor(dev.minor())
                        .access(d.permissions.clone())
                        .build()?,
                );
                devs.push(dev);
            }
            linux.set_devices(Some(devs));
            add_device_rules(linux, rules);
        }
        if !self.device_cgroup_rules.is_empty() {
            let rules = self.device_cgroup_rules.iter().map(|r| rpod_runtime::devices::parse_cgroup_rule(r));
            add_device_rules(linux, rules.collect::<Result<_, _>>().map_err(|e| anyhow!(e))?);
        }
        let mut namespaces = linux.namespaces().clone().unwrap_or_default();
        for (mode, typ, file) in [
            (&self.pid, LinuxNamespaceType::Pid, "pid"),
            (&self.ipc, LinuxNamespaceType::Ipc, "ipc"),
            (&self.uts, LinuxNamespaceType::Uts, "uts"),
            (&self.cgroupns, LinuxNamespaceType::Cgroup, "cgroup"),
            (&self.userns, LinuxNamespaceType::User, "user"),
        ] {
            match mode {
                NsMode::Private => {
                    if typ == LinuxNamespaceType::Cgroup && !namespaces.iter().any(|n| n.typ() == typ) {
                        namespaces.push(LinuxNamespaceBuilder::default().typ(typ).build()?);
                    }
                }
                NsMode::Host => namespaces.retain(|n| n.typ() != typ),
                NsMode::Container(id) => {
                    let pid = ns_of(id)?;
                    namespaces.retain(|n| n.typ() != typ);
                    namespaces.push(
                        LinuxNamespaceBuilder::default().typ(typ).path(format!("/proc/{pid}/ns/{file}")).build()?,
                    );
                }
            }
        }
        linux.set_namespaces(Some(namespaces));
        Ok(())
    }
}

/// Appends allow rules to `linux.resources.devices` (after the spec's
/// deny-all).
fn add_device_rules(linux: &mut rpod_runtime::oci_spec::runtime::Linux, rules: Vec<LinuxDeviceCgroup>) {
    let mut res = linux.resources().clone().unwrap_or_default();
    let mut list = res.devices().clone().unwrap_or_default();
    list.extend(rules);
    res.set_devices(Some(list));
    linux.set_resources(Some(res));
}

/// `--device-cgroup-rule` needs the device cgroup: root (a filter cannot be
/// loaded rootless) on a host where rpod can make the container's cgroup.
fn device_cgroup_available() -> anyhow::Result<()> {
    use rpod_runtime::cgroup_manager::{place, Placement};
    let refuse = |why: String| -> anyhow::Result<()> {
        Err(crate::error::Failure::new(
            crate::error::ExitCode::Engine,
            format!("--device-cgroup-rule cannot be applied: {why}"),
        )
        .into())
    };
    if !rpod_runtime::in_initial_userns_as_root() {
        return refuse("the device cgroup's filter needs root (rootless, device nodes are inert anyway)".into());
    }
    match place(&rpod_runtime::cgroups::detect(false), false) {
        Placement::Unavailable(why) => refuse(why),
        Placement::Under { .. } => Ok(()),
    }
}

fn bind(source: &str, dest: &str, read_only: bool) -> anyhow::Result<Mount> {
    let mut opts = vec!["rbind".to_string(), "rprivate".to_string()];
    if read_only {
        opts.push("ro".into());
    }
    Ok(MountBuilder::default().destination(dest).typ("bind").source(source).options(opts).build()?)
}

/// The host's zone file for `--tz` (`local` = the host's /etc/localtime).
fn zone_file(tz: &str) -> anyhow::Result<PathBuf> {
    let path = if tz == "local" {
        std::fs::canonicalize("/etc/localtime").context("--tz local: reading /etc/localtime")?
    } else {
        if tz.split('/').any(|p| p.is_empty() || p == "." || p == "..") {
            bail!("--tz {tz}: not a time zone name");
        }
        Path::new("/usr/share/zoneinfo").join(tz)
    };
    if !path.is_file() {
        bail!("--tz {tz}: no such time zone on this host ({} is missing)", path.display());
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_was_set_is_recorded() {
        assert_eq!(serde_json::to_string(&Options::default()).unwrap(), "{}");
        let o = Options { pid: NsMode::Host, umask: Some(0o077), read_only_tmpfs: true, ..Options::default() };
        let text = serde_json::to_string(&o).unwrap();
        assert_eq!(serde_json::from_str::<Options>(&text).unwrap(), o);
    }

    #[test]
    fn devices_and_cgroup_rules_become_allow_rules() {
        let mut spec = rpod_runtime::default_spec(&Default::default());
        let o = Options {
            devices: vec![Device::parse("/dev/null:/dev/mynull:r").unwrap()],
            device_cgroup_rules: vec!["c 4:64 rw".into()],
            ..Options::default()
        };
        o.apply(&mut spec, &[], &|_| unreachable!(), false).unwrap();
        let linux = spec.linux().as_ref().unwrap();
        let rules: Vec<String> = linux
            .resources()
            .as_ref()
            .unwrap()
            .devices()
            .as_ref()
            .unwrap()
            .iter()
            .map(|d| {
                let n = |v: Option<i64>| v.map_or("*".into(), |v| v.to_string());
                let t = d.typ().map_or("a", |t| if t == LinuxDeviceType::C { "c" } else { "?" });
                format!("{} {t} {}:{} {}", d.allow(), n(d.major()), n(d.minor()), d.access().as_deref().unwrap_or(""))
            })
            .collect();
        assert_eq!(rules, ["false a *:* rwm", "true c 1:3 r", "true c 4:64 rw"]);
        assert_eq!(linux.devices().as_ref().unwrap().last().unwrap().path(), Path::new("/dev/mynull"));
    }

    #[test]
    fn namespace_modes() {
        assert_eq!(NsMode::parse("pid", "host").unwrap(), NsMode::Host);
        assert_eq!(NsMode::parse("ipc", "container:db").unwrap(), NsMode::Container("db".into()));
        assert_eq!(NsMode::parse("uts", "private").unwrap(), NsMode::Private);
        assert!(NsMode::parse("uts", "container:").is_err() && NsMode::parse("uts", "ns:/x").is_err());
    }

    #[test]
    fn devices_ulimits_sysctls() {
        let d = Device::parse("/dev/fuse").unwrap();
        assert_eq!((d.container.as_str(), d.permissions.as_str()), ("/dev/fuse", "rwm"));
        let d = Device::parse("/dev/null:/dev/mynull:r").unwrap();
        assert_eq!((d.container.as_str(), d.permissions.as_str()), ("/dev/mynull", "r"));
        assert!(Device::parse("dev/null").is_err());
        assert_eq!(parse_ulimit("nofile=1024:2048").unwrap(), ("RLIMIT_NOFILE".into(), 1024, 2048));
        assert_eq!(parse_ulimit("nproc=-1").unwrap().1, u64::MAX);
        assert!(parse_ulimit("nofile=2:1").is_err() && parse_ulimit("bogus=1").is_err());
        assert!(sysctl_allowed("net.ipv4.ip_forward", false, false).is_ok());
        assert!(sysctl_allowed("net.ipv4.ip_forward", true, false).is_err());
        assert!(sysctl_allowed("kernel.shmmax", false, false).is_ok());
        assert!(sysctl_allowed("kernel.shmmax", false, true).is_err());
        assert!(sysctl_allowed("vm.swappiness", false, false).is_err());
        assert!(zone_file("../etc/passwd").is_err());
    }
}
