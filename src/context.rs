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
#[derive(Debug, Clone, PartialEq, Args)]
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

    /// Storage driver option (KEY=VALUE, may be set multiple times): replaces storage.conf's driver options and $STORAGE_OPTS; rpod applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors; "" for none
    #[arg(long, global = true, value_name = "OPTION")]
    pub storage_opt: Vec<String>,

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
    /// of a command or a monitor: the network helper's path, `--noout`;
    /// settings rpod cannot apply are refused here (the events log's
    /// backend and place: [`Context::event_log`]).
    pub fn apply(&self) -> anyhow::Result<()> {
        if self.cgroup_manager == Some(CgroupManager::Systemd) {
            anyhow::bail!(
                "--cgroup-manager systemd: rpod manages its cgroups itself, through the cgroup v2 file system (cgroupfs)"
            );
        }
        if self.events_backend == Some(EventsBackend::Journald) {
            anyhow::bail!("--events-backend journald: rpod writes no journal; use file or none");
        }
        crate::network::set_helper_path(self.network_cmd_path.clone());
        if self.noout {
            let null = std::fs::OpenOptions::new().write(true).open("/dev/null")?;
            nix::unistd::dup2_stdout(&null).map_err(|e| anyhow::anyhow!("--noout: {e}"))?;
        }
        Ok(())
    }

    /// These flags as a monitor is told them (`--KEY=VALUE` words after
    /// `__monitor`, read back by [`GlobalArgs::set_from_monitor_word`]; see
    /// [`crate::commands::internal::monitor::parse`]).
    pub fn monitor_words(&self) -> Vec<std::ffi::OsString> {
        let mut out = Vec::new();
        for f in FORWARDED {
            for v in (f.write)(self) {
                let mut w = std::ffi::OsString::from(format!("--{}=", f.key));
                w.push(v);
                out.push(w);
            }
        }
        out
    }

    /// Set the flag of one word [`GlobalArgs::monitor_words`] wrote;
    /// false for a word it does not write (the monitor's fast parse then
    /// gives up and clap reads the arguments).
    pub fn set_from_monitor_word(&mut self, word: &str) -> bool {
        let Some((k, v)) = word.strip_prefix("--").and_then(|w| w.split_once('=')) else { return false };
        FORWARDED.iter().find(|f| f.key == k).is_some_and(|f| (f.read)(self, v))
    }

    /// The graph driver options that replace storage.conf's: `--storage-opt`,
    /// else `$STORAGE_OPTS`; `None` when neither is given. An option rpod
    /// cannot apply is an error (exit 125) naming it.
    pub fn driver_options(&self) -> anyhow::Result<Option<crate::config::DriverOptions>> {
        let env = std::env::var(crate::config::ENV_STORAGE_OPTS).ok();
        let Some(opts) = crate::config::DriverOptions::chosen(&self.storage_opt, env.as_deref()) else {
            return Ok(None);
        };
        let from = if self.storage_opt.is_empty() { crate::config::ENV_STORAGE_OPTS } else { "--storage-opt" };
        crate::config::DriverOptions::parse(&opts).map(Some).map_err(|e| anyhow::anyhow!("{from}: {e}"))
    }

    /// `--runtime-flag`s as the runtime takes them (`--FLAG`).
    pub fn runtime_flags(&self) -> Vec<String> {
        self.runtime_flag.iter().map(|f| format!("--{}", f.trim_start_matches('-'))).collect()
    }
}

/// One global flag a container's monitor is told, written and read in
/// one place so that the two cannot drift: its name (`--KEY=VALUE`), its
/// values in the starter's flags (one word each), and how the monitor sets
/// one back (false: a value the starter never writes).
struct Forwarded {
    key: &'static str,
    write: fn(&GlobalArgs) -> Vec<&std::ffi::OsStr>,
    read: fn(&mut GlobalArgs, &str) -> bool,
}

/// The global flags a container's monitor needs: those that change what it
/// does for the container after the start (hooks, events, networks, the
/// external runtime).
const FORWARDED: &[Forwarded] = &[
    Forwarded { key: "hooks-dir", write: |g| each(&g.hooks_dir), read: |g, v| push(&mut g.hooks_dir, v) },
    Forwarded {
        key: "events-backend",
        write: |g| match g.events_backend {
            Some(EventsBackend::None) => vec!["none".as_ref()],
            _ => Vec::new(),
        },
        read: |g, v| v == "none" && set(&mut g.events_backend, EventsBackend::None),
    },
    Forwarded { key: "tmpdir", write: |g| each(&g.tmpdir), read: |g, v| set(&mut g.tmpdir, v.into()) },
    Forwarded {
        key: "network-cmd-path",
        write: |g| each(&g.network_cmd_path),
        read: |g, v| set(&mut g.network_cmd_path, v.into()),
    },
    Forwarded { key: "runtime-flag", write: |g| each(&g.runtime_flag), read: |g, v| push(&mut g.runtime_flag, v) },
    Forwarded {
        key: "network-config-dir",
        write: |g| each(&g.network_config_dir),
        read: |g, v| set(&mut g.network_config_dir, v.into()),
    },
];

/// A flag's values, one word each ([`Forwarded::write`]).
fn each<'a, T: AsRef<std::ffi::OsStr> + 'a>(values: impl IntoIterator<Item = &'a T>) -> Vec<&'a std::ffi::OsStr> {
    values.into_iter().map(AsRef::as_ref).collect()
}

/// Set a flag given once ([`Forwarded::read`]).
fn set<T>(flag: &mut Option<T>, value: T) -> bool {
    *flag = Some(value);
    true
}

/// Add a value of a flag given any number of times ([`Forwarded::read`]).
fn push<T: for<'v> From<&'v str>>(flag: &mut Vec<T>, value: &str) -> bool {
    flag.push(value.into());
    true
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
        crate::container::record::Containers::open(&p.graph_root, &p.run_root, self.event_log()?)
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
        let mut c = Config::load(&Sources::system(self.rootless)).context("reading configuration")?;
        if let Some(opts) = self.global.driver_options()? {
            c.storage.replace_driver_options(&opts);
        }
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

    /// This user's events log (`--events-backend`, `--tmpdir`).
    pub fn event_log(&self) -> anyhow::Result<crate::events::EventLog> {
        let enabled = self.global.events_backend != Some(EventsBackend::None);
        Ok(crate::events::EventLog::new(enabled, self.global.tmpdir.as_deref(), &self.paths()?.run_root))
    }

    /// Record `event` in this user's events log (never fails the command).
    pub fn event(&self, event: &crate::events::Event) {
        if let Ok(log) = self.event_log() {
            log.record(event);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_forwarded_flag_reaches_the_monitor() {
        let mut told = GlobalArgs {
            root: Some("/r".into()),
            runroot: Some("/rr".into()),
            storage_driver: None,
            storage_opt: Vec::new(),
            runtime: None,
            log_level: LogLevel::Debug,
            network_config_dir: Some("/n e t".into()),
            cgroup_manager: None,
            events_backend: Some(EventsBackend::None),
            hooks_dir: vec!["/h1".into(), "/h=2".into()],
            network_cmd_path: Some("/p".into()),
            noout: false,
            runtime_flag: vec!["debug".into(), "log-format=json".into()],
            tmpdir: Some("/t".into()),
        };
        let words = told.monitor_words();
        // Each flag of the table is set above (a new one must be too).
        for f in FORWARDED {
            let prefix = format!("--{}=", f.key);
            assert!(words.iter().any(|w| w.to_str().unwrap().starts_with(&prefix)), "{} not set in this test", f.key);
        }
        let args: Vec<std::ffi::OsString> =
            ["rpod-monitor", "--root", "/r", "--runroot", "/rr", "--log-level", "debug", "__monitor"]
                .iter()
                .map(Into::into)
                .chain(words)
                .chain(["abc".into()])
                .collect();
        let read = crate::commands::internal::monitor::parse(&args).unwrap();
        assert_eq!(read.global, told);
        assert_eq!(read.options.id, "abc");
        // Unset, nothing is written, and the monitor reads the defaults.
        told = GlobalArgs { events_backend: Some(EventsBackend::File), ..read.global };
        told.hooks_dir.clear();
        told.runtime_flag.clear();
        (told.tmpdir, told.network_cmd_path, told.network_config_dir) = (None, None, None);
        assert!(told.monitor_words().is_empty());
        let mut back = told.clone();
        back.events_backend = None;
        assert!(!back.set_from_monitor_word("--events-backend=file"));
        assert!(!back.set_from_monitor_word("--storage-driver=vfs"));
        assert!(!back.set_from_monitor_word("tmpdir=/t"));
    }
}
