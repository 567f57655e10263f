//! `rpod create` / `rpod container create`: create a container (not
//! started) and print its ID. The flags that describe a container are
//! defined here once and shared with `run`.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use crate::commands::flags::PlatformFlags;
use crate::container::health::{HealthFlags, OnFailure};
use crate::container::lifecycle::{self, CreateOptions, ImageVolume, PullPolicy};
use crate::container::logfile::LogDriver;
use crate::container::options::{self, Device, NsMode, Options};
use crate::container::record::RestartPolicy;
use crate::context::{print, Context};

/// The flags that describe a container (`create` and `run`). `-h` is the
/// hostname, as in Docker and Podman: help is `--help` only.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct ContainerFlags {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,

    /// Assign a name to the container
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Keep STDIN open even if not attached
    #[arg(short, long)]
    pub interactive: bool,

    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,

    /// Remove the container (and its files) when it exits
    #[arg(long)]
    pub rm: bool,

    /// Run an init inside the container that forwards signals and reaps processes
    #[arg(long)]
    pub init: bool,

    /// Restart policy: no, on-failure[:max-retries], always, unless-stopped
    #[arg(long, value_name = "POLICY", default_value = "no")]
    pub restart: String,

    /// Set environment variables (KEY=VALUE, or KEY to pass the caller's value)
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,

    /// Read in a file of environment variables
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<String>,

    /// Set metadata on the container (KEY=VALUE)
    #[arg(short, long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)
    #[arg(long, value_name = "ENTRYPOINT", allow_hyphen_values = true)]
    pub entrypoint: Option<String>,

    /// Working directory inside the container (created if missing)
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,

    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long, value_name = "USER")]
    pub user: Option<String>,

    /// Set container hostname (default: the short container ID)
    #[arg(short = 'h', long, value_name = "NAME")]
    pub hostname: Option<String>,

    /// Connect the container to a network: pasta[:OPTIONS] (the rootless default), slirp4netns[:OPTIONS], none, host, private (loopback only), container:NAME, ns:PATH, bridge or a network name
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Vec<String>,

    /// Publish a container's port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ranges N-M, IPv6 in brackets; no HOST_PORT: a random one)
    #[arg(short, long, value_name = "PORT")]
    pub publish: Vec<String>,

    /// Publish every exposed port (the image's EXPOSE and --expose) to a random host port
    #[arg(short = 'P', long)]
    pub publish_all: bool,

    /// Expose a port or a range of ports (PORT[-PORT][/PROTOCOL]), published by -P
    #[arg(long, value_name = "PORT")]
    pub expose: Vec<String>,

    /// Make the container's root filesystem read-only
    #[arg(long)]
    pub read_only: bool,

    /// Give extended privileges to the container
    #[arg(long)]
    pub privileged: bool,

    /// With --init: run this program as the container's init instead of rpod's own (mounted read-only at /run/podman-init, given `-- COMMAND...`, as Podman's catatonit)
    #[arg(long, value_name = "PATH")]
    pub init_path: Option<PathBuf>,

    /// The first argument is not an image but the container's root file system, a directory (PATH:O: an overlay on it, whose changes are discarded when the container stops); the container is configured by the flags alone
    #[arg(long)]
    pub rootfs: bool,

    /// Give a host user (name or UID) an entry in the container's /etc/passwd
    #[arg(long, value_name = "USER")]
    pub hostuser: Vec<String>,

    #[command(flatten)]
    pub id_maps: IdMapArgs,

    /// Where the seccomp profile comes from: default (--security-opt seccomp or the default profile) or image (the image's io.containers.seccomp.profile label)
    #[arg(long, value_name = "POLICY", default_value = "default", value_parser = ["default", "image"])]
    pub seccomp_policy: String,

    /// How the caller's NOTIFY_SOCKET (systemd's Type=notify) is used: container (the container reports readiness through a socket of its own), conmon (ready once started) or ignore
    #[arg(long, value_name = "MODE", default_value = "container", value_parser = ["container", "conmon", "ignore"])]
    pub sdnotify: String,

    /// A directory in the container treated as a chroot: the engine's files (/etc/hosts, /etc/resolv.conf, /etc/hostname, /run/.containerenv) are mounted in it too (comma-separated)
    #[arg(long, value_name = "DIR", value_delimiter = ',')]
    pub chrootdirs: Vec<String>,

    /// Run the container in a pod (name or ID), or new:NAME to make the pod (with the container's -p and --network)
    #[arg(long, value_name = "POD")]
    pub pod: Option<String>,

    /// Read the ID of the pod to run the container in from the file
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,

    /// Tune the host's OOM preferences for the container (-1000 to 1000)
    #[arg(long, value_name = "NUM", allow_hyphen_values = true, value_parser = clap::value_parser!(i32).range(-1000..=1000))]
    pub oom_score_adj: Option<i32>,

    /// Signal to stop the container (default: the image's StopSignal, else SIGTERM)
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,

    /// Seconds to wait for the stop signal before SIGKILL
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,

    /// Logging driver for the container: k8s-file (default: containers.conf's log_driver), json-file, journald, none
    #[arg(long, value_enum, value_name = "DRIVER", hide_possible_values = true)]
    pub log_driver: Option<LogDriver>,

    /// Logging driver options: max-size=SIZE (e.g. 10m) rotates the log
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,

    /// Add an annotation to the container (KEY=VALUE)
    #[arg(long, value_name = "ANNOTATION")]
    pub annotation: Vec<String>,

    /// Write the container ID to the file (which must not exist)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,

    /// Maximum time in seconds the container may run; it is killed when the time expires (0: no limit)
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,

    /// Write the container's PID to the file when it starts
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,

    /// Write the PID of the container's monitor (rpod's conmon) to the file when it starts
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<PathBuf>,

    /// Docker's content trust is not used (Podman's no-op, for Docker's scripts)
    #[arg(long)]
    pub disable_content_trust: bool,

    /// Healthcheck command: a shell command, a JSON array (exec form), or none
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,

    /// Time between healthchecks (default 30s; disable: only `healthcheck run`)
    #[arg(long, value_name = "INTERVAL")]
    pub health_interval: Option<String>,

    /// Consecutive failures before the container is unhealthy (default 3)
    #[arg(long, value_name = "RETRIES")]
    pub health_retries: Option<u32>,

    /// Time after the start when failures do not count yet (default 0s)
    #[arg(long, value_name = "PERIOD")]
    pub health_start_period: Option<String>,

    /// Time after which a healthcheck counts as failed (default 30s)
    #[arg(long, value_name = "TIMEOUT")]
    pub health_timeout: Option<String>,

    /// What to do when the container becomes unhealthy
    #[arg(long, value_name = "ACTION", value_enum, default_value_t = OnFailure::None)]
    pub health_on_failure: OnFailure,

    /// Disable any healthcheck defined in the image
    #[arg(long)]
    pub no_healthcheck: bool,

    /// Use all the current host environment variables in the container
    #[arg(long)]
    pub env_host: bool,

    /// Preprocess default environment variables for the container (KEY=VALUE with ${KEY} from the image)
    #[arg(long, value_name = "ENV")]
    pub env_merge: Vec<String>,

    /// Unset a default environment variable of the image or the engine
    #[arg(long, value_name = "KEY")]
    pub unsetenv: Vec<String>,

    /// Unset all default environment variables (only those of --env and --env-file stay)
    #[arg(long)]
    pub unsetenv_all: bool,

    /// Read in a line-delimited file of labels
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,

    /// Add additional groups to the container's process (names or GIDs)
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,

    /// Namespaced kernel parameters (net.*, kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*)
    #[arg(long, value_name = "KEY=VALUE")]
    pub sysctl: Vec<String>,

    /// Set the umask inside the container (octal, default 0022)
    #[arg(long, value_name = "UMASK")]
    pub umask: Option<String>,

    /// The container's execution domain: LINUX, or LINUX32 (uname -m reports a 32-bit machine)
    #[arg(long, value_name = "DOMAIN", value_parser = ["LINUX", "LINUX32"], ignore_case = true)]
    pub personality: Option<String>,

    /// Containers that are started before this one (names or IDs, comma-separated)
    #[arg(long, value_name = "CONTAINER", value_delimiter = ',')]
    pub requires: Vec<String>,

    /// Set the time zone in the container (local, or a zone such as Europe/Berlin)
    #[arg(long, value_name = "TZ")]
    pub tz: Option<String>,

    /// Give the container a secret (`rpod secret create`): NAME[,type=mount|env][,target=PATH|VAR][,uid=UID,gid=GID,mode=MODE]; a mount is read-only at /run/secrets/NAME
    #[arg(long, value_name = "SECRET")]
    pub secret: Vec<String>,

    /// With --read-only, mount tmpfs on /tmp, /var/tmp and /run
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub read_only_tmpfs: bool,

    /// Add entries to /etc/passwd and /etc/group for a numeric --user the image does not have
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub passwd: bool,

    /// Entry to write to /etc/passwd ($USERNAME, $UID, $GID, $NAME, $HOME are replaced)
    #[arg(long, value_name = "ENTRY")]
    pub passwd_entry: Option<String>,

    /// Attach a file system mount: type=bind|volume|tmpfs|image|devpts,source=...,target=...[,readonly][,bind-propagation=...][,tmpfs-size=...][,tmpfs-mode=...][,U][,relabel=...]
    #[arg(long, value_name = "MOUNT")]
    pub mount: Vec<String>,

    /// Mount a tmpfs: CONTAINER-DIR[:OPTIONS] (default rw,noexec,nosuid,nodev)
    #[arg(long, value_name = "TMPFS")]
    pub tmpfs: Vec<String>,

    /// Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]
    #[arg(long, value_name = "CONTAINER")]
    pub volumes_from: Vec<String>,

    /// What the image's VOLUMEs become: bind (anonymous volumes), tmpfs, ignore
    #[arg(long, value_enum, value_name = "MODE", default_value = "bind", hide_possible_values = true)]
    pub image_volume: ImageVolume,

    /// Allow devices in the device cgroup (TYPE MAJOR:MINOR ACCESS, e.g. "c 4:64 rwm")
    #[arg(long, value_name = "RULE")]
    pub device_cgroup_rule: Vec<String>,

    #[command(flatten)]
    pub sandbox: SandboxFlags,

    #[command(flatten)]
    pub names: NameFlags,

    #[command(flatten)]
    pub bridge: BridgeFlags,

    #[command(flatten)]
    pub platform: PlatformFlags,

    #[command(flatten)]
    pub resources: ResourceFlags,

    /// Set a cgroup v2 file of the container's cgroup (KEY=VALUE, e.g. memory.high=1G)
    #[arg(long, value_name = "KEY=VALUE")]
    pub cgroup_conf: Vec<String>,

    /// Cgroup mode: enabled (a cgroup of its own where the host allows; with limits, required), disabled (none: the container stays in the caller's cgroup), no-conmon (as enabled: rpod's monitor never has a cgroup of its own), split (below the caller's own cgroup)
    #[arg(long, value_name = "MODE", value_enum, default_value = "enabled")]
    pub cgroups: crate::container::limits::CgroupsMode,

    /// Run the container in systemd mode: true (when the command is /sbin/init, /usr/sbin/init, /usr/local/sbin/init or systemd), false, or always. Systemd mode: tmpfs on /run, /run/lock, /tmp, /var/log/journal, a writable cgroup (cgroup v2, a cgroup of its own: refused where rpod cannot give one), stop signal SIGRTMIN+3, container_uuid set
    #[arg(long, value_name = "MODE", default_value = "true", value_parser = ["true", "false", "always"])]
    pub systemd: String,

    /// Pull the image: always, missing (when not in local storage), never, newer
    #[arg(long, value_enum, value_name = "POLICY", default_value = "missing", hide_possible_values = true)]
    pub pull: PullPolicy,

    /// Replace (remove) a container of the same name first
    #[arg(long)]
    pub replace: bool,

    /// Suppress output information when pulling images
    #[arg(short, long)]
    pub quiet: bool,

    /// Require HTTPS and verify certificates when pulling a missing image
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,

    /// Path of the authentication file for pulling a missing image (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<std::path::PathBuf>,

    /// The image to run, then the command and its arguments (default: the image's). Everything after
    /// the image belongs to the container's command, as in Docker and Podman.
    #[arg(value_name = "IMAGE", value_names = ["IMAGE", "COMMAND"], num_args = 1.., required = true, trailing_var_arg = true)]
    pub image_and_command: Vec<String>,
}

/// The settings of a container's process and namespaces (`create`,
/// `run`) that `build` gives its `RUN` containers too.
#[derive(Debug, Args, Default)]
pub struct SandboxFlags {
    /// Add capabilities to the container
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,

    /// Drop capabilities from the container
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,

    /// Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,

    /// User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container's files yours on the host)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,

    /// Ulimit options (TYPE=SOFT[:HARD], e.g. nofile=1024:2048)
    #[arg(long, value_name = "ULIMIT")]
    pub ulimit: Vec<String>,

    /// Size of /dev/shm (e.g. 64m); one that joins another container's IPC
    /// namespace (--ipc container:, a pod's) shares its /dev/shm, of its size
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,

    /// PID namespace to use: private, host
    #[arg(long, value_name = "PID")]
    pub pid: Option<String>,

    /// IPC namespace to use: private, host, container:NAME
    #[arg(long, value_name = "IPC")]
    pub ipc: Option<String>,

    /// UTS namespace to use: private, host, container:NAME
    #[arg(long, value_name = "UTS")]
    pub uts: Option<String>,

    /// Cgroup namespace to use: private, host, container:NAME
    #[arg(long, value_name = "CGROUPNS")]
    pub cgroupns: Option<String>,

    /// Add a host device to the container (HOST[:CONTAINER][:PERMISSIONS])
    #[arg(long, value_name = "DEVICE")]
    pub device: Vec<String>,

    /// Where the container's cgroup is made: an absolute cgroup path (rootless: below your delegated cgroup) or one relative to rpod's default place
    #[arg(long, value_name = "PATH")]
    pub cgroup_parent: Option<String>,

    /// Pass the host's proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy, either case) into the container, below the image's and -e (default: containers.conf http_proxy, true)
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub http_proxy: Option<bool>,

    /// Bind mount a host path or mount a volume: HOST-DIR:CONTAINER-DIR[:OPTIONS], VOLUME:CONTAINER-DIR[:OPTIONS], or CONTAINER-DIR (an anonymous volume); options ro, rw, z, Z, U, O, noexec, nosuid, nodev, [r]private, [r]shared, [r]slave, nocopy
    #[arg(short = 'v', long = "volume", value_name = "VOLUME")]
    pub volume: Vec<String>,
}

impl SandboxFlags {
    /// Into `opts` (and its `options`).
    pub fn apply(&self, opts: &mut CreateOptions) -> anyhow::Result<()> {
        opts.cap_add = self.cap_add.clone();
        opts.cap_drop = self.cap_drop.clone();
        opts.security_opt = self.security_opt.clone();
        opts.userns = self.userns.clone();
        opts.http_proxy = self.http_proxy;
        let o = &mut opts.options;
        o.cgroup_parent = self.cgroup_parent.clone().filter(|p| !p.is_empty());
        o.ulimits = self.ulimit.iter().map(|u| options::parse_ulimit(u)).collect::<anyhow::Result<_>>()?;
        o.shm_size = self.shm_size.as_deref().map(parse_size).transpose()?;
        let ns = |flag: &str, v: &Option<String>| NsMode::parse(flag, v.as_deref().unwrap_or(""));
        o.pid = ns("pid", &self.pid)?;
        o.ipc = ns("ipc", &self.ipc)?;
        o.uts = ns("uts", &self.uts)?;
        o.cgroupns = ns("cgroupns", &self.cgroupns)?;
        o.devices = self.device.iter().map(|d| Device::parse(d)).collect::<anyhow::Result<_>>()?;
        // -v first, as the other mount flags come after it.
        let volumes = self.volume.iter().map(|v| crate::volume::mounts::parse_volume(v));
        let volumes = volumes.collect::<anyhow::Result<Vec<_>>>()?;
        opts.mounts.splice(0..0, volumes);
        Ok(())
    }
}

/// `--uidmap`, `--gidmap`, `--subuidname`, `--subgidname` (of `run`,
/// `create` and `pod create`).
#[derive(Debug, Args, Default)]
pub struct IdMapArgs {
    /// Run in a user namespace of its own with this UID map, CONTAINER_UID:FROM_UID:AMOUNT (repeatable; FROM as root a host UID, rootless one of your user namespace: 0 is you, 1 and up your subordinate UIDs)
    #[arg(long, value_name = "MAP")]
    pub uidmap: Vec<String>,

    /// The GID map as --uidmap's (default: --uidmap's)
    #[arg(long, value_name = "MAP")]
    pub gidmap: Vec<String>,

    /// Run in a user namespace of its own mapping its UIDs, from 0 up, to NAME's ranges in /etc/subuid
    #[arg(long, value_name = "NAME")]
    pub subuidname: Option<String>,

    /// Map its GIDs, from 0 up, to NAME's ranges in /etc/subgid
    #[arg(long, value_name = "NAME")]
    pub subgidname: Option<String>,
}

impl IdMapArgs {
    pub fn flags(&self) -> crate::container::userns::IdMapFlags {
        crate::container::userns::IdMapFlags {
            uidmap: self.uidmap.clone(),
            gidmap: self.gidmap.clone(),
            subuidname: self.subuidname.clone(),
            subgidname: self.subgidname.clone(),
        }
    }
}

/// Name resolution in the container: /etc/resolv.conf and /etc/hosts.
#[derive(Debug, Args, Default)]
pub struct NameFlags {
    /// Set custom DNS servers (replace the host's)
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,

    /// Set custom DNS search domains (`.`: none)
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,

    /// Set custom DNS options
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,

    /// Add a custom host-to-IP mapping (NAME:IP, or NAME:host-gateway for the address that reaches the host)
    #[arg(long, value_name = "HOST:IP")]
    pub add_host: Vec<String>,

    /// Do not create /etc/hosts for the container (the image's stays)
    #[arg(long)]
    pub no_hosts: bool,
}

/// A container's address and names on a bridge network.
#[derive(Debug, Args, Default)]
pub struct BridgeFlags {
    /// Container IPv4 address on its bridge network (e.g. 10.88.64.128)
    #[arg(long, value_name = "ADDRESS")]
    pub ip: Option<std::net::IpAddr>,

    /// Container IPv6 address on its bridge network (e.g. fd46:db93:aa76:ac37::10)
    #[arg(long, value_name = "ADDRESS")]
    pub ip6: Option<std::net::IpAddr>,

    /// Container MAC address on its bridge network (e.g. 92:d0:c6:0a:29:33)
    #[arg(long, value_name = "ADDRESS")]
    pub mac_address: Option<String>,

    /// Add a network-scoped alias for the container (names it on networks with DNS)
    #[arg(long, value_name = "NAME")]
    pub network_alias: Vec<String>,
}

impl NameFlags {
    pub(crate) fn settings(&self) -> anyhow::Result<crate::network::names::NameSettings> {
        let dns = self
            .dns
            .iter()
            .map(|d| d.parse().map_err(|_| anyhow::anyhow!("--dns {d:?}: not an IP address")))
            .collect::<anyhow::Result<_>>()?;
        let s = crate::network::names::NameSettings {
            dns,
            dns_search: self.dns_search.clone(),
            dns_option: self.dns_option.clone(),
            add_host: self.add_host.clone(),
            no_hosts: self.no_hosts,
        };
        s.validate()?;
        Ok(s)
    }
}

impl BridgeFlags {
    pub(crate) fn bridge(&self) -> anyhow::Result<crate::network::bridge::BridgeSettings> {
        let b = crate::network::bridge::BridgeSettings {
            all: crate::network::bridge::NetSettings {
                ip: self.ip,
                ip6: self.ip6,
                mac_address: self.mac_address.clone(),
                aliases: self.network_alias.clone(),
            },
            ..Default::default()
        };
        b.validate()?;
        Ok(b)
    }
}

/// Resource limits (`create`, `run`, `update`), applied through the
/// container's cgroup v2.
#[derive(Debug, Args, Default)]
pub struct ResourceFlags {
    #[command(flatten)]
    pub limits: LimitFlags,

    /// Memory soft limit (memory.low)
    #[arg(long, value_name = "SIZE")]
    pub memory_reservation: Option<String>,

    /// Limit the CPU CFS quota (microseconds per period)
    #[arg(long, value_name = "MICROSECONDS")]
    pub cpu_quota: Option<i64>,

    /// Limit the CPU CFS period (microseconds)
    #[arg(long, value_name = "MICROSECONDS")]
    pub cpu_period: Option<u64>,

    /// Tune the container's pids limit (-1 for unlimited; default 2048 where the pids controller is available)
    #[arg(long, value_name = "LIMIT", allow_hyphen_values = true)]
    pub pids_limit: Option<i64>,

    /// Limit read operations per second from a device (DEVICE:IOPS)
    #[arg(long, value_name = "DEVICE:IOPS")]
    pub device_read_iops: Vec<String>,

    /// Limit write operations per second to a device (DEVICE:IOPS)
    #[arg(long, value_name = "DEVICE:IOPS")]
    pub device_write_iops: Vec<String>,
}

/// The limits a pod has too (`pod create`, Podman's subset), part of
/// [`ResourceFlags`].
#[derive(Debug, Clone, Args, Default)]
pub struct LimitFlags {
    /// Memory limit (e.g. 64m, 1g)
    #[arg(short, long, value_name = "SIZE")]
    pub memory: Option<String>,

    /// Memory plus swap limit; -1 for unlimited swap
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,

    /// Number of CPUs (e.g. 1.5)
    #[arg(long, value_name = "NUMBER")]
    pub cpus: Option<f64>,

    /// CPU shares (relative weight, converted to cpu.weight)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,

    /// CPUs in which to allow execution (0-3, 0,1)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,

    /// Memory nodes in which to allow execution (0-3, 0,1)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,

    /// Block IO relative weight, 10 to 1000 (cgroup v2 io.weight)
    #[arg(long, value_name = "WEIGHT")]
    pub blkio_weight: Option<u64>,

    /// Block IO relative weight of a device (DEVICE:WEIGHT)
    #[arg(long, value_name = "DEVICE:WEIGHT")]
    pub blkio_weight_device: Vec<String>,

    /// Limit read rate from a device (DEVICE:RATE, e.g. /dev/sda:1mb)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_read_bps: Vec<String>,

    /// Limit write rate to a device (DEVICE:RATE, e.g. /dev/sda:1mb)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_write_bps: Vec<String>,
}

impl ResourceFlags {
    /// The limits in cgroup v2 terms; only what was asked for.
    pub fn to_resources(&self) -> anyhow::Result<rpod_runtime::cgroup_manager::Resources> {
        use rpod_runtime::cgroup_manager::{shares_to_weight, Resources};
        let memory = self.limits.memory.as_deref().map(parse_size).transpose()?.map(|v| v as i64);
        if memory.is_some_and(|m| m < 6 << 20) {
            anyhow::bail!("minimum memory limit allowed is 6MB");
        }
        let mut r = Resources {
            memory_max: memory,
            memory_low: self.memory_reservation.as_deref().map(parse_size).transpose()?.map(|v| v as i64),
            ..Default::default()
        };
        if let Some(swap) = self.limits.memory_swap.as_deref() {
            if swap.trim() == "-1" {
                r.memory_swap_max = Some(-1);
            } else {
                let total = parse_size(swap)? as i64;
                let Some(m) = memory else {
                    anyhow::bail!("you must provide a memory limit when setting --memory-swap")
                };
                if total < m {
                    anyhow::bail!("--memory-swap must be larger than or equal to --memory");
                }
                r.memory_swap_max = Some(total - m);
            }
        }
        if let Some(s) = self.limits.cpu_shares {
            r.cpu_weight = Some(shares_to_weight(s));
        }
        if self.limits.cpus.is_some() && (self.cpu_quota.is_some() || self.cpu_period.is_some()) {
            anyhow::bail!("--cpus and --cpu-quota/--cpu-period cannot be used together");
        }
        if let Some(c) = self.limits.cpus {
            if c.is_nan() || c <= 0.0 {
                anyhow::bail!("--cpus must be a positive number");
            }
            r.cpu_max = Some((Some((c * 100_000.0).round() as u64), 100_000));
        } else if self.cpu_quota.is_some() || self.cpu_period.is_some() {
            let period = self.cpu_period.unwrap_or(100_000);
            let quota = self.cpu_quota.filter(|q| *q > 0).map(|q| q as u64);
            r.cpu_max = Some((quota, period));
        }
        r.cpuset_cpus = self.limits.cpuset_cpus.clone();
        r.cpuset_mems = self.limits.cpuset_mems.clone();
        if let Some(p) = self.pids_limit {
            r.pids_max = Some(if p <= 0 { -1 } else { p });
        }
        if let Some(w) = self.limits.blkio_weight {
            if w != 0 && !(10..=1000).contains(&w) {
                anyhow::bail!("--blkio-weight {w}: must be from 10 to 1000 (0: unset)");
            }
            r.io_weight = Some(rpod_runtime::cgroup_manager::blkio_weight_to_io_weight(w)).filter(|&w| w != 0);
        }
        use crate::container::limits::{device_rate, device_weight, IoLimit};
        for d in &self.limits.blkio_weight_device {
            r.io_weight_device.push(device_weight(d)?);
        }
        let rates = [
            (&self.limits.device_read_bps, IoLimit::ReadBps),
            (&self.limits.device_write_bps, IoLimit::WriteBps),
            (&self.device_read_iops, IoLimit::ReadIops),
            (&self.device_write_iops, IoLimit::WriteIops),
        ];
        for (list, which) in rates {
            for d in list {
                r.add_io_max(device_rate(d, which)?);
            }
        }
        Ok(r)
    }
}

impl ContainerFlags {
    pub fn to_options(&self) -> anyhow::Result<CreateOptions> {
        let mut log_max_size = 0;
        for o in &self.log_opt {
            match o.split_once('=') {
                Some(("max-size", v)) => log_max_size = parse_size(v)?,
                Some(("max-file" | "path" | "tag", _)) => {
                    anyhow::bail!("--log-opt {o}: not supported by rpod (supported: max-size)")
                }
                _ => anyhow::bail!("--log-opt {o}: unknown option (supported: max-size=SIZE)"),
            }
        }
        let pod = match (&self.pod, &self.pod_id_file) {
            (Some(_), Some(_)) => anyhow::bail!("--pod and --pod-id-file cannot be used together"),
            (Some(p), None) => Some(p.clone()),
            (None, Some(f)) => Some(
                std::fs::read_to_string(f)
                    .with_context(|| format!("reading pod ID file {}", f.display()))?
                    .trim()
                    .to_string(),
            ),
            (None, None) => None,
        };
        let mut opts = CreateOptions {
            pod,
            pod_name: String::new(),
            infra_id: None,
            image: self.image_and_command[0].clone(),
            rootfs: self.rootfs,
            name: self.name.clone(),
            args: self.image_and_command[1..].to_vec(),
            entrypoint: self.entrypoint.clone(),
            env: self.env.clone(),
            env_files: self.env_file.clone(),
            workdir: self.workdir.clone(),
            user: self.user.clone(),
            hostname: self.hostname.clone(),
            network: crate::network::Mode::parse_all(&self.network)?,
            publish: self.publish.clone(),
            publish_all: self.publish_all,
            expose: self.expose.clone(),
            read_only: self.read_only,
            privileged: self.privileged,
            interactive: self.interactive,
            tty: self.tty,
            rm: self.rm,
            init: self.init,
            oom_score_adj: self.oom_score_adj,
            // The global --runtime (Context), set by the command.
            runtime: None,
            restart: RestartPolicy::parse(&self.restart)?,
            labels: self.label.clone(),
            log_driver: self.log_driver,
            log_max_size,
            stop_signal: self.stop_signal.clone(),
            stop_timeout: self.stop_timeout,
            resources: {
                let mut r = self.resources.to_resources()?;
                for c in &self.cgroup_conf {
                    let (k, v) = crate::container::limits::cgroup_conf(c)?;
                    r.unified.insert(k, v);
                }
                r
            },
            quiet_pull: self.quiet,
            tls_verify: self.tls_verify,
            authfile: self.authfile.clone(),
            pull: self.pull,
            replace: self.replace,
            platform: self.platform.chosen()?,
            env_host: self.env_host,
            env_merge: self.env_merge.clone(),
            unsetenv: self.unsetenv.clone(),
            unsetenv_all: self.unsetenv_all,
            label_files: read_label_files(&self.label_file)?,
            options: self.options()?,
            mounts: self.mounts()?,
            volumes_from: self.volumes_from.clone(),
            image_volume: self.image_volume,
            ..CreateOptions::default()
        };
        self.sandbox.apply(&mut opts)?;
        Ok(opts)
    }
}

impl ContainerFlags {
    /// `--mount`, `--tmpfs`, parsed and checked (a host path must exist);
    /// `-v` is [`SandboxFlags::apply`]'s.
    fn mounts(&self) -> anyhow::Result<Vec<crate::volume::mounts::MountSpec>> {
        use crate::volume::mounts;
        let mut out = Vec::new();
        for m in &self.mount {
            out.push(mounts::parse_mount(m)?);
        }
        for t in &self.tmpfs {
            out.push(mounts::parse_tmpfs(t)?);
        }
        Ok(out)
    }

    fn options(&self) -> anyhow::Result<Options> {
        let mut o = Options::default();
        for a in &self.annotation {
            let (k, v) = a.split_once('=').ok_or_else(|| anyhow::anyhow!("--annotation {a}: expected KEY=VALUE"))?;
            o.annotations.insert(k.to_string(), v.to_string());
        }
        o.group_add = self.group_add.clone();
        for s in &self.sysctl {
            let (k, v) = s.split_once('=').ok_or_else(|| anyhow::anyhow!("--sysctl {s}: expected KEY=VALUE"))?;
            o.sysctls.insert(k.to_string(), v.to_string());
        }
        o.personality = self.personality.as_ref().map(|p| p.to_ascii_uppercase());
        o.umask = match &self.umask {
            Some(m) => Some(
                u32::from_str_radix(m, 8)
                    .ok()
                    .filter(|v| *v <= 0o777)
                    .ok_or_else(|| anyhow::anyhow!("--umask {m}: expected an octal mode such as 0022"))?,
            ),
            None => None,
        };
        o.requires = self.requires.clone();
        o.tz = self.tz.clone();
        o.cgroups = self.cgroups;
        o.systemd_flag = self.systemd.clone();
        o.secrets = self.secret.iter().map(|s| crate::secret::usage::parse(s)).collect::<anyhow::Result<_>>()?;
        o.read_only_tmpfs = self.read_only && self.read_only_tmpfs;
        for r in &self.device_cgroup_rule {
            rpod_runtime::devices::parse_cgroup_rule(r).map_err(|e| anyhow::anyhow!(e))?;
        }
        o.device_cgroup_rules = self.device_cgroup_rule.clone();
        // The monitor writes them, from another working directory.
        let absolute = |p: &Option<PathBuf>| p.as_deref().map(std::path::absolute).transpose();
        o.pidfile = absolute(&self.pidfile).context("--pidfile")?;
        o.conmon_pidfile = absolute(&self.conmon_pidfile).context("--conmon-pidfile")?;
        o.timeout = self.timeout;
        // Resolved against the image's HEALTHCHECK at create.
        o.health_flags = HealthFlags {
            cmd: self.health_cmd.clone(),
            interval: self.health_interval.clone(),
            retries: self.health_retries,
            start_period: self.health_start_period.clone(),
            timeout: self.health_timeout.clone(),
            on_failure: self.health_on_failure,
            no_healthcheck: self.no_healthcheck,
        };
        o.no_passwd = !self.passwd;
        o.seccomp_from_image = self.seccomp_policy == "image";
        o.host_users = self.hostuser.clone();
        o.id_map_flags = self.id_maps.flags();
        o.init_path = match &self.init_path {
            Some(p) => {
                let abs = std::path::absolute(p).with_context(|| format!("--init-path {}", p.display()))?;
                if !abs.is_file() {
                    anyhow::bail!("--init-path {}: no such file", p.display());
                }
                Some(abs)
            }
            None => None,
        };
        o.sdnotify = crate::container::sdnotify::Mode::parse(&self.sdnotify)?;
        for d in &self.chrootdirs {
            if !d.starts_with('/') {
                anyhow::bail!("--chrootdirs {d}: expected an absolute path in the container");
            }
        }
        o.chrootdirs = self.chrootdirs.clone();
        o.passwd_entry = self.passwd_entry.clone();
        o.names = self.names.settings()?;
        o.bridge = self.bridge.bridge()?;
        Ok(o)
    }

    /// `--cidfile`: refused before anything is created when the file exists (Podman).
    pub fn check_cidfile(&self) -> anyhow::Result<()> {
        match &self.cidfile {
            Some(f) if f.exists() => anyhow::bail!(
                "container id file exists. Ensure another container is not using it or delete {}",
                f.display()
            ),
            _ => Ok(()),
        }
    }

    /// `--cidfile`: the new container's ID.
    pub fn write_cidfile(&self, id: &str) -> anyhow::Result<()> {
        match &self.cidfile {
            Some(f) => crate::files::write_atomic(f, id.as_bytes()),
            None => Ok(()),
        }
    }
}

/// `--label-file`: KEY=VALUE lines, blank lines and `#` comments skipped.
pub(crate) fn read_label_files(files: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).with_context(|| format!("--label-file {}", f.display()))?;
        out.extend(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string));
    }
    Ok(out)
}

/// `10m`, `1g`, `512k`, `100` (bytes); decimal suffixes are powers of 1024
/// like Docker's `RAMInBytes`.
pub fn parse_size(s: &str) -> anyhow::Result<u64> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.strip_suffix('b').unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: f64 = num.parse().map_err(|_| anyhow::anyhow!("invalid size {s:?}"))?;
    if n.is_nan() || n < 0.0 {
        anyhow::bail!("invalid size {s:?}");
    }
    Ok((n * mult as f64) as u64)
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Attach to STDIN, STDOUT or STDERR when started with `start -a` (default: all three)
    #[arg(short, long, value_name = "STREAM", value_parser = ["stdin", "stdout", "stderr"], ignore_case = true)]
    pub attach: Vec<String>,

    /// Make this an init container of its pod (needs --pod): always (run to completion at every pod start, before the other containers) or once (at the first pod start, then removed)
    #[arg(long, value_name = "TYPE")]
    pub init_ctr: Option<String>,

    #[command(flatten)]
    pub flags: ContainerFlags,
}

pub fn run(ctx: &Context, args: CreateArgs) -> anyhow::Result<()> {
    let init_ctr = args
        .init_ctr
        .as_deref()
        .map(|v| crate::pod::init::InitCtr::from_flag(v, args.flags.pod.is_some()))
        .transpose()?;
    let mut opts = args.flags.to_options()?;
    opts.init_ctr = init_ctr;
    opts.options.attach = args.attach.iter().map(|a| a.to_ascii_lowercase()).collect();
    opts.options.attach.sort();
    opts.options.attach.dedup();
    opts.runtime = ctx.global.runtime.clone();
    args.flags.check_cidfile()?;
    let c = lifecycle::create(ctx, &opts)?;
    args.flags.write_cidfile(&c.id)?;
    print(&format!("{}\n", c.id))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10m").unwrap(), 10 << 20);
        assert_eq!(parse_size("1G").unwrap(), 1 << 30);
        assert_eq!(parse_size("512kb").unwrap(), 512 << 10);
        assert_eq!(parse_size("100").unwrap(), 100);
        assert!(parse_size("x").is_err());
        assert!(parse_size("-1m").is_err());
    }
}
