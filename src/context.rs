//! What every command gets: the global flags, and the paths and
//! configuration they imply, each worked out once and only when a command
//! asks for it (so `rpod version` reads no file).

use std::cell::OnceCell;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use rpod_runtime::rootless::Identity;
use rpod_storage::{Store, StoreOptions};

use crate::config::{Config, Sources};
use crate::logging::LogLevel;
use crate::paths::{self, PathEnv, Paths};

/// Flags every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Path to the root directory in which data, including images, is stored
    #[arg(long, global = true, value_name = "PATH")]
    pub root: Option<PathBuf>,

    /// Path to the 'run directory' where all state information is stored
    #[arg(long, global = true, value_name = "PATH")]
    pub runroot: Option<PathBuf>,

    /// Select which storage driver is used to manage storage of images and containers
    #[arg(long, global = true, value_name = "DRIVER")]
    pub storage_driver: Option<String>,

    /// Start containers with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one
    #[arg(long, global = true, value_name = "PATH")]
    pub runtime: Option<String>,

    /// Log messages above specified level
    #[arg(long, global = true, value_name = "LEVEL", value_enum, default_value = "warn")]
    pub log_level: LogLevel,

    /// Path of the directory where network configuration files are stored
    #[arg(long, global = true, value_name = "PATH")]
    pub network_config_dir: Option<PathBuf>,

    /// Cgroup manager to use: cgroupfs (rpod writes cgroup v2 itself; systemd is refused)
    #[arg(long, global = true, value_name = "MANAGER", value_enum)]
    pub cgroup_manager: Option<CgroupManager>,

    /// Backend to use for storing events: file, or none (journald is refused: rpod writes no journal)
    #[arg(long, global = true, value_name = "BACKEND", value_enum)]
    pub events_backend: Option<EventsBackend>,

    /// Set the OCI hooks directory path (may be set multiple times; replaces containers.conf's hooks_dir)
    #[arg(long, global = true, value_name = "PATH")]
    pub hooks_dir: Vec<PathBuf>,

    /// Path to the command binary to use for setting up a network (pasta or slirp4netns)
    #[arg(long, global = true, value_name = "PATH")]
    pub network_cmd_path: Option<PathBuf>,

    /// Do not output to stdout
    #[arg(long, global = true)]
    pub noout: bool,

    /// Add global flags for the container runtime given with --runtime (without the leading --, e.g. debug or log-format=json)
    #[arg(long, global = true, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,

    /// Path to the tmp directory for rpod's runtime content (the events log: TMPDIR/events/events.log)
    #[arg(long, global = true, value_name = "PATH")]
    pub tmpdir: Option<PathBuf>,
}

/// `--cgroup-manager`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CgroupManager {
    Cgroupfs,
    Systemd,
}

/// `--events-backend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventsBackend {
    File,
    Journald,
    None,
}

impl GlobalArgs {
    /// The process-wide settings of these flags, applied once at the start
    /// of a command or a monitor: the events log's backend and place, the
    /// network helper's path, `--noout`; settings rpod cannot apply are
    /// refused here.
    pub fn apply(&self) -> anyhow::Result<()> {
        if self.cgroup_manager == Some(CgroupManager::Systemd) {
            anyhow::bail!(
                "--cgroup-manager systemd: rpod manages its cgroups itself, through the cgroup v2 file system (cgroupfs)"
            );
        }
        if self.events_backend == Some(EventsBackend::Journald) {
            anyhow::bail!("--events-backend journald: rpod writes no journal; use file or none");
        }
        crate::events::configure(self.events_backend != Some(EventsBackend::None), self.tmpdir.clone());
        crate::network::set_helper_path(self.network_cmd_path.clone());
        if self.noout {
            let null = std::fs::OpenOptions::new().write(true).open("/dev/null")?;
            nix::unistd::dup2_stdout(&null).map_err(|e| anyhow::anyhow!("--noout: {e}"))?;
        }
        Ok(())
    }

    /// These flags as a monitor is told them (`KEY=VALUE` words after
    /// `__monitor`; see [`crate::commands::internal::monitor::parse`]).
    pub fn monitor_words(&self) -> Vec<std::ffi::OsString> {
        let mut out: Vec<std::ffi::OsString> = Vec::new();
        let mut word = |k: &str, v: &std::ffi::OsStr| {
            let mut w = std::ffi::OsString::from(format!("--{k}="));
            w.push(v);
            out.push(w);
        };
        for d in &self.hooks_dir {
            word("hooks-dir", d.as_os_str());
        }
        if self.events_backend == Some(EventsBackend::None) {
            word("events-backend", "none".as_ref());
        }
        if let Some(t) = &self.tmpdir {
            word("tmpdir", t.as_os_str());
        }
        if let Some(p) = &self.network_cmd_path {
            word("network-cmd-path", p.as_os_str());
        }
        for f in &self.runtime_flag {
            word("runtime-flag", f.as_ref());
        }
        if let Some(d) = &self.network_config_dir {
            word("network-config-dir", d.as_os_str());
        }
        out
    }

    /// `--runtime-flag`s as the runtime takes them (`--FLAG`).
    pub fn runtime_flags(&self) -> Vec<String> {
        self.runtime_flag.iter().map(|f| format!("--{}", f.trim_start_matches('-'))).collect()
    }
}

pub struct Context {
    pub global: GlobalArgs,
    rootless: bool,
    /// The user rpod runs for: its effective UID at the start, before it
    /// entered a user namespace of its own (where it is 0).
    user_uid: u32,
    paths: OnceCell<Paths>,
    config: OnceCell<Config>,
    in_userns: OnceCell<()>,
    store: OnceCell<Store>,
    metadata: OnceCell<Store>,
}

impl Context {
    pub fn new(global: GlobalArgs) -> Context {
        let euid = nix::unistd::geteuid();
        Context {
            global,
            rootless: !euid.is_root(),
            user_uid: euid.as_raw(),
            paths: OnceCell::new(),
            config: OnceCell::new(),
            in_userns: OnceCell::new(),
            store: OnceCell::new(),
            metadata: OnceCell::new(),
        }
    }

    /// True when rpod runs as an unprivileged user.
    pub fn rootless(&self) -> bool {
        self.rootless
    }

    /// The UID of the user rpod runs for, also inside its user namespace
    /// (what the user's files, such as credentials, are found by).
    pub fn user_uid(&self) -> u32 {
        self.user_uid
    }

    pub fn paths(&self) -> anyhow::Result<&Paths> {
        if let Some(p) = self.paths.get() {
            return Ok(p);
        }
        let p = paths::resolve(&PathEnv::from_process(), self.global.root.as_deref(), self.global.runroot.as_deref())?;
        Ok(self.paths.get_or_init(|| p))
    }

    /// Rootless: move this process into the user's user namespace (and a
    /// private mount namespace), where it is root over the user's
    /// subordinate IDs. Paths and configuration are resolved first, with the
    /// caller's own identity. As root: nothing to do.
    ///
    /// Must run before any thread is started.
    pub fn enter_user_namespace(&self) -> anyhow::Result<()> {
        if !self.rootless || self.in_userns.get().is_some() {
            return Ok(());
        }
        self.paths()?;
        self.config()?;
        let id = Identity::current()?;
        if !id.has_ranges() {
            log::warn!(
                "no subordinate ID ranges for {} in /etc/subuid and /etc/subgid: mapping only your own ID into the user namespace; images with files owned by other users will not work",
                id.user.as_deref().unwrap_or("this user")
            );
        }
        crate::pause::join_or_enter(&id, self.paths()?.user_run_dir.as_deref())?;
        private_mount_namespace()?;
        let _ = self.in_userns.set(());
        Ok(())
    }

    /// Root: move this process into a private mount namespace (container
    /// root file systems are mounted there, never in the host's). Rootless
    /// this happened with the user namespace. Must run before any thread
    /// is started.
    pub fn enter_mount_namespace(&self) -> anyhow::Result<()> {
        if self.rootless || self.in_userns.get().is_some() {
            return Ok(());
        }
        private_mount_namespace()?;
        let _ = self.in_userns.set(());
        Ok(())
    }

    /// The image and container store, opened once. Rootless, this enters
    /// the user namespace first (the store's files belong to the user's
    /// subordinate IDs), so call it before starting any thread.
    pub fn store(&self) -> anyhow::Result<&Store> {
        if let Some(s) = self.store.get() {
            return Ok(s);
        }
        self.enter_user_namespace()?;
        self.enter_mount_namespace()?;
        let root = &self.paths()?.graph_root;
        let store = Store::open(root, self.store_options()?)
            .with_context(|| format!("opening the store in {}", root.display()))?;
        Ok(self.store.get_or_init(|| store))
    }

    /// The container records (no user namespace needed to read them).
    pub fn containers(&self) -> anyhow::Result<crate::container::record::Containers> {
        let p = self.paths()?;
        crate::container::record::Containers::open(&p.graph_root, &p.run_root)
    }

    /// The store for reading images and changing holds only, opened
    /// without entering the user namespace (see
    /// [`Store::open_metadata`]); the full store when it is open already
    /// or does not exist yet.
    pub fn metadata_store(&self) -> anyhow::Result<&Store> {
        if let Some(s) = self.store.get() {
            return Ok(s);
        }
        if let Some(s) = self.metadata.get() {
            return Ok(s);
        }
        let root = &self.paths()?.graph_root;
        match Store::open_metadata(root, self.store_options()?) {
            Ok(s) => Ok(self.metadata.get_or_init(|| s)),
            Err(_) => self.store(),
        }
    }

    fn store_options(&self) -> anyhow::Result<StoreOptions> {
        let storage = &self.config()?.storage;
        let defaults = rpod_storage::extract::ExtractLimits::DEFAULT;
        Ok(StoreOptions {
            rootless_xattrs: self.rootless,
            durable: false,
            ignore_chown_errors: storage.ignore_chown_errors,
            extract_limits: rpod_storage::extract::ExtractLimits {
                max_bytes: storage.layer_max_bytes.unwrap_or(defaults.max_bytes),
                max_entries: storage.layer_max_entries.unwrap_or(defaults.max_entries),
            },
        })
    }

    pub fn config(&self) -> anyhow::Result<&Config> {
        if let Some(c) = self.config.get() {
            return Ok(c);
        }
        let c = Config::load(&Sources::system(self.rootless)).context("reading configuration")?;
        Ok(self.config.get_or_init(|| c))
    }
}

impl Context {
    /// The networks containers can join ([`crate::network::config`]).
    pub fn networks(&self) -> anyhow::Result<Vec<crate::network::config::Network>> {
        crate::network::config::list(&self.network_dir()?, self.config()?.containers.default_subnet())
    }

    /// The directory of the network definitions ([`crate::network::config::config_dir`]).
    pub fn network_dir(&self) -> anyhow::Result<std::path::PathBuf> {
        Ok(crate::network::config::config_dir(
            self.global.network_config_dir.as_deref(),
            &self.config()?.containers,
            self.rootless,
            &self.paths()?.graph_root,
        ))
    }

    /// Record `event` in this user's events log (never fails the command).
    pub fn event(&self, event: &crate::events::Event) {
        if let Ok(p) = self.paths() {
            crate::events::record(&p.run_root, event);
        }
    }
}

/// The mount namespace rpod was started in, once it has entered a private
/// one (see [`host_mount_namespace`]).
static HOST_MOUNT_NS: std::sync::OnceLock<std::os::fd::OwnedFd> = std::sync::OnceLock::new();

/// The mount namespace this command was started in (the host's), when it
/// has moved into a private one; `None` while it is still there. A
/// monitor gets its starter's (it starts in the starter's private one).
pub fn host_mount_namespace() -> Option<&'static std::os::fd::OwnedFd> {
    HOST_MOUNT_NS.get()
}

/// The monitor: the host's mount namespace, handed over by its starter.
pub fn set_host_mount_namespace(fd: std::os::fd::OwnedFd) {
    let _ = HOST_MOUNT_NS.set(fd);
}

/// Move this process into a new mount namespace whose mounts do not
/// propagate back to the host's.
fn private_mount_namespace() -> anyhow::Result<()> {
    // The namespace left behind, for what must happen there (bridge
    // networks' namespaces are bind-mounted in it).
    if HOST_MOUNT_NS.get().is_none() {
        if let Ok(f) = std::fs::File::open("/proc/self/ns/mnt") {
            let _ = HOST_MOUNT_NS.set(f.into());
        }
    }
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS).context("creating a mount namespace")?;
    nix::mount::mount(
        None::<&str>,
        "/",
        None::<&str>,
        nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_PRIVATE,
        None::<&str>,
    )
    .context("making the mount namespace private")
}

/// Write a command's output to standard output.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).context("writing to standard output")
}
