//! What rpod keeps about a container: its configuration (fixed at
//! `create`, the OCI spec included) and its state (changed by the
//! lifecycle commands and the monitor), as JSON documents in the store's
//! `containers` table ([`rpod_storage::Containers`]).
//!
//! The state in the database can be stale only one way: it says
//! running (or paused) while the monitor that would have recorded the end
//! is gone (`kill -9`, a reboot). [`Containers::load`] notices (the
//! monitor's PID and start time no longer match a live process) and
//! records the container as exited; the container's own process never
//! outlives its monitor (it gets SIGKILL when the monitor dies).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use nix::fcntl::{Flock, FlockArg};
use serde::{Deserialize, Serialize};

use rpod_storage::{ContainerRecord, StorageError};

use crate::error::{ExitCode, Failure};

/// Docker's container statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Created,
    Running,
    Paused,
    Exited,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Exited => "exited",
        }
    }

    /// A monitor watches the container.
    pub fn is_live(self) -> bool {
        matches!(self, Status::Running | Status::Paused)
    }
}

/// `--restart`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RestartPolicy {
    /// `no`, `on-failure`, `always`, `unless-stopped`.
    pub name: String,
    /// `on-failure:N`: at most N restarts (0: unlimited).
    pub max_retries: u32,
}

impl RestartPolicy {
    pub fn parse(s: &str) -> anyhow::Result<RestartPolicy> {
        let (name, n) = match s.split_once(':') {
            Some((n, c)) => (n, Some(c)),
            None => (s, None),
        };
        let name = if name.is_empty() { "no" } else { name };
        match (name, n) {
            ("no" | "always" | "unless-stopped", None) => Ok(RestartPolicy { name: name.into(), max_retries: 0 }),
            ("on-failure", None) => Ok(RestartPolicy { name: name.into(), max_retries: 0 }),
            ("on-failure", Some(c)) => {
                let max_retries = c
                    .parse()
                    .map_err(|_| anyhow::anyhow!("invalid restart policy {s:?}: {c:?} is not a number of retries"))?;
                Ok(RestartPolicy { name: name.into(), max_retries })
            }
            ("no" | "always" | "unless-stopped", Some(_)) => {
                anyhow::bail!("invalid restart policy {s:?}: only on-failure takes a retry count")
            }
            _ => anyhow::bail!("invalid restart policy {s:?}: expected no, on-failure[:N], always or unless-stopped"),
        }
    }

    /// After an exit with `code` and `restarts` restarts so far: start
    /// again? (`stopped_by_user`: `stop`/`kill`/`rm` ended it.)
    pub fn restarts(&self, code: i32, restarts: u32, stopped_by_user: bool) -> bool {
        if stopped_by_user {
            return false;
        }
        match self.name.as_str() {
            "always" | "unless-stopped" => true,
            "on-failure" => code != 0 && (self.max_retries == 0 || restarts < self.max_retries),
            _ => false,
        }
    }
}

/// Fixed at `create`.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct ContainerConfig {
    /// The image as the user named it (`busybox`), for `ps`.
    pub image_name: String,
    /// Its layers' chain IDs, base first.
    pub layers: Vec<String>,
    /// The process: `Path` and `Args` in Docker's terms.
    pub path: String,
    pub args: Vec<String>,
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub hostname: String,
    pub tty: bool,
    pub open_stdin: bool,
    pub auto_remove: bool,
    /// `--init`: a tiny init is the container's PID 1.
    #[serde(default)]
    pub init: bool,
    /// `--oom-score-adj`.
    #[serde(default)]
    pub oom_score_adj: Option<i32>,
    /// `--runtime`: an external OCI runtime's path.
    #[serde(default)]
    pub runtime: Option<String>,
    /// The storage driver that assembles its root file system (`overlay`,
    /// `vfs`; "" in records made before it was recorded: overlay).
    #[serde(default)]
    pub storage_driver: String,
    /// Overlay through this FUSE program (fuse-overlayfs) instead of the
    /// kernel's.
    #[serde(default)]
    pub mount_program: Option<String>,
    /// `--userns` as given ("" = host).
    #[serde(default)]
    pub userns: String,
    /// `--userns=keep-id`: the user kept.
    #[serde(default)]
    pub keep_id: Option<super::userns::KeepId>,
    /// keep-id: the image's copy with translated owners that is the root's
    /// one lower layer (recorded at the first start, for `inspect`).
    #[serde(default)]
    pub shifted_root: Option<String>,
    /// `--rootfs PATH`: the root file system is this directory (no image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rootfs: Option<String>,
    /// `--rootfs PATH:O`: an overlay on it whose changes go at each start.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rootfs_overlay: bool,
    pub restart: RestartPolicy,
    /// Signal name (`SIGTERM`) and seconds before SIGKILL for `stop`.
    pub stop_signal: String,
    pub stop_timeout: u32,
    pub labels: std::collections::BTreeMap<String, String>,
    pub log_driver: super::logfile::LogDriver,
    /// Rotate the log above this many bytes (0: never).
    pub log_max_size: u64,
    /// `--network` (recorded as its text: `pasta`, `none`, `container:ID` ...).
    pub network: crate::network::Mode,
    /// Published ports (`-p`, `-P`), random host ports already picked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<crate::network::PortMapping>,
    /// Exposed ports (the image's and `--expose`), `80/tcp`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exposed: Vec<String>,
    /// `-P/--publish-all`.
    #[serde(default)]
    pub publish_all: bool,
    pub read_only: bool,
    pub privileged: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub security_opt: Vec<String>,
    /// Limits asked for (`--memory`, `--cpus`, ...), cgroup v2 terms.
    #[serde(default)]
    pub resources: rpod_runtime::cgroup_manager::Resources,
    /// Settings applied to the spec at start (`--sysctl`, `--ulimit`, `--pid`, ...).
    #[serde(default)]
    pub options: super::options::Options,
    /// The OCI runtime configuration the monitor starts.
    pub spec: serde_json::Value,
    /// For `inspect`: the image's manifest digest, the command line that
    /// created the container, and its capabilities (full names, sorted).
    #[serde(default)]
    pub image_digest: String,
    #[serde(default)]
    pub create_command: Vec<String>,
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// `-v`, `--mount`, `--tmpfs`, `--volumes-from` and the image's
    /// `VOLUME`s, volumes named (anonymous ones made at create).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mounts: Vec<crate::volume::mounts::MountSpec>,
    /// The pod (its ID) the container belongs to (`--pod`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod: Option<String>,
    /// Its name (pods are never renamed), for `ps --pod` and its filter.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pod_name: String,
    /// The pod's infra container: it holds the pod's namespaces and runs
    /// `rpod-init --pause`, in an empty root.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub infra: bool,
    /// `--init-ctr`: an init container of its pod ([`crate::pod::init`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init_ctr: Option<crate::pod::init::InitCtr>,
}

/// Changed by the lifecycle.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct State {
    pub status: Status,
    /// The container's init (host PID), while live.
    pub pid: i32,
    /// The monitor's PID and start time (`/proc/PID/stat` field 22), while
    /// live: the pair cannot be faked by PID reuse.
    pub monitor_pid: i32,
    pub monitor_start: u64,
    pub exit_code: i32,
    /// Unix nanoseconds; 0: never.
    pub started_at: i64,
    pub finished_at: i64,
    pub oom_killed: bool,
    pub error: String,
    pub restart_count: u32,
    /// `stop`, `kill` or `rm -f` ended it (no restart by policy).
    pub stopped_by_user: bool,
    /// The container's cgroup directory while it runs (empty: none, the
    /// host has no usable cgroup v2).
    #[serde(default)]
    pub cgroup: String,
    /// The healthcheck's results, while it has one and runs.
    #[serde(default)]
    pub health: Option<super::health::Health>,
}

/// A container: its record and both documents.
#[derive(Debug, Clone)]
pub struct Container {
    pub id: String,
    pub name: String,
    pub image_id: String,
    /// Unix nanoseconds.
    pub created: i64,
    pub config: ContainerConfig,
    pub state: State,
}

impl Container {
    fn from_record(r: &ContainerRecord) -> anyhow::Result<Container> {
        Ok(Container {
            id: r.id.clone(),
            name: r.name.clone(),
            image_id: r.image_id.clone(),
            created: r.created,
            config: serde_json::from_slice(&r.config)
                .with_context(|| format!("container {}: reading its configuration", r.id))?,
            state: serde_json::from_slice(&r.state)
                .with_context(|| format!("container {}: reading its state", r.id))?,
        })
    }

    pub fn short_id(&self) -> &str {
        &self.id[..12]
    }

    /// An event about this container (its labels are the attributes, as
    /// in Podman).
    pub fn event(&self, status: &str) -> crate::events::Event {
        crate::events::Event {
            id: self.id.clone(),
            name: self.name.clone(),
            image: self.config.image_name.clone(),
            attributes: self.config.labels.clone(),
            ..crate::events::Event::new(crate::events::CONTAINER, status)
        }
    }
}

/// Now, in Unix nanoseconds.
pub fn now_ns() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64)
}

/// The container table, opened without entering the user namespace.
pub struct Containers {
    db: rpod_storage::Containers,
    graph_root: PathBuf,
    run_root: PathBuf,
    events: crate::events::EventLog,
}

impl Containers {
    pub fn open(graph_root: &Path, run_root: &Path, events: crate::events::EventLog) -> anyhow::Result<Containers> {
        let db = rpod_storage::Containers::open(graph_root)
            .with_context(|| format!("opening the container records in {}", graph_root.display()))?;
        Ok(Containers { db, graph_root: graph_root.to_path_buf(), run_root: run_root.to_path_buf(), events })
    }

    pub fn graph_root(&self) -> &Path {
        &self.graph_root
    }

    pub fn run_root(&self) -> &Path {
        &self.run_root
    }

    /// Record `status` of container `c` in the events log.
    pub fn event(&self, c: &Container, status: &str) {
        self.event_of(&c.event(status));
    }

    /// The events log these containers' events go to.
    pub fn events(&self) -> &crate::events::EventLog {
        &self.events
    }

    /// Record `event` in the events log.
    pub fn event_of(&self, event: &crate::events::Event) {
        self.events.record(event);
    }

    /// `<graph root>/containers/<id>`: upper/work/merged, the log.
    pub fn dir(&self, id: &str) -> PathBuf {
        self.graph_root.join("containers").join(id)
    }

    /// Undo what connects container `id` to its bridge networks, if
    /// anything does (its monitor finished or died; it is being removed).
    /// Errors are logged: the container's end is recorded regardless.
    pub fn detach_network(&self, id: &str) {
        if let Err(e) = crate::network::bridge::teardown(&self.run_root, id) {
            log::warn!("{e:#}");
        }
    }

    /// What connects container `id` to its bridge networks, while it is.
    pub fn attached_network(&self, id: &str) -> Option<crate::network::bridge::Attached> {
        crate::network::bridge::attached(&self.run_root, id)
    }

    /// `<run root>/containers/<id>`: the attach socket, the lock.
    pub fn run_dir(&self, id: &str) -> PathBuf {
        self.run_root.join("containers").join(id)
    }

    pub fn log_path(&self, id: &str) -> PathBuf {
        self.dir(id).join("ctr.log")
    }

    pub fn create(&mut self, c: &Container) -> anyhow::Result<()> {
        self.create_using(c, &[])
    }

    /// Store a new container that uses these volumes (recorded with it).
    pub fn create_using(&mut self, c: &Container, volumes: &[String]) -> anyhow::Result<()> {
        let pod = c.config.pod.clone();
        self.create_in(c, volumes, pod.as_deref())
    }

    /// [`Containers::create_using`], a member of `pod` (a pod gone
    /// meanwhile fails it: nothing is stored).
    fn create_in(&mut self, c: &Container, volumes: &[String], pod: Option<&str>) -> anyhow::Result<()> {
        let rec = ContainerRecord {
            id: c.id.clone(),
            name: c.name.clone(),
            image_id: c.image_id.clone(),
            created: c.created,
            config: serde_json::to_vec(&c.config)?,
            state: serde_json::to_vec(&c.state)?,
        };
        self.db.create_in(&rec, volumes, pod).map_err(|e| match e {
            StorageError::NameInUse { .. } => anyhow::Error::from(Failure::new(ExitCode::Engine, e.to_string())),
            StorageError::PodUnknown(_) => anyhow::Error::from(Failure::no_such(e.to_string())),
            e => anyhow::Error::from(e).context("storing the container"),
        })
    }

    /// By name, full ID or unique ID prefix; the state brought up to date.
    pub fn find(&mut self, key: &str) -> anyhow::Result<Container> {
        let rec = self.db.lookup(key).map_err(not_found)?;
        let c = Container::from_record(&rec)?;
        self.reconcile(c)
    }

    /// Like [`Containers::find`], but a name or ID that matches no
    /// container is `None` (an ambiguous prefix is still an error).
    pub fn try_find(&mut self, key: &str) -> anyhow::Result<Option<Container>> {
        match self.db.lookup(key) {
            Ok(rec) => Ok(Some(self.reconcile(Container::from_record(&rec)?)?)),
            Err(StorageError::ContainerUnknown(_)) => Ok(None),
            Err(e) => Err(not_found(e)),
        }
    }

    /// By exact ID, if it still exists.
    pub fn get(&mut self, id: &str) -> anyhow::Result<Option<Container>> {
        match self.db.get(id)? {
            Some(rec) => Ok(Some(self.reconcile(Container::from_record(&rec)?)?)),
            None => Ok(None),
        }
    }

    /// Every container, oldest first, states up to date.
    pub fn list(&mut self) -> anyhow::Result<Vec<Container>> {
        let recs = self.db.list()?;
        let mut out = Vec::with_capacity(recs.len());
        for r in &recs {
            // One unreadable record must not hide the others.
            match Container::from_record(r) {
                Ok(c) => out.push(self.reconcile(c)?),
                Err(e) => log::warn!("{e:#}"),
            }
        }
        Ok(out)
    }

    /// A live state whose monitor is gone becomes exited.
    fn reconcile(&mut self, c: Container) -> anyhow::Result<Container> {
        if !c.state.status.is_live() || monitor_alive(&c.state) {
            return Ok(c);
        }
        if let Some(runtime) = &c.config.runtime {
            // The built-in runtime's init dies with its monitor; an external
            // runtime's container does not: its runtime ends it.
            super::external::External::new(runtime, &self.run_dir(&c.id), &c.id).delete();
        }
        let id = c.id.clone();
        let updated = self.update_state(&id, |s| {
            if !s.status.is_live() || monitor_alive(s) {
                return false;
            }
            s.status = Status::Exited;
            s.exit_code = 137;
            s.finished_at = now_ns();
            s.error = "the container's monitor exited unexpectedly".into();
            s.pid = 0;
            s.monitor_pid = 0;
            true
        })?;
        // Its network outlives a killed monitor (the netns is bind-mounted):
        // torn down here, by whichever command notices first.
        self.detach_network(&id);
        Ok(updated.unwrap_or(c))
    }

    /// Change the state in one transaction: `f` returns whether it changed
    /// anything. `None` when the container is gone.
    pub fn update_state(&mut self, id: &str, f: impl FnOnce(&mut State) -> bool) -> anyhow::Result<Option<Container>> {
        let mut err = None;
        let res = self.db.update(id, |rec| {
            let mut state: State = match serde_json::from_slice(&rec.state) {
                Ok(s) => s,
                Err(e) => {
                    err = Some(e);
                    return None;
                }
            };
            if f(&mut state) {
                serde_json::to_vec(&state).ok()
            } else {
                None
            }
        });
        if let Some(e) = err {
            return Err(anyhow::Error::from(e).context(format!("container {id}: reading its state")));
        }
        match res {
            Ok(rec) => Ok(Some(Container::from_record(&rec)?)),
            Err(StorageError::ContainerUnknown(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn set_config(&mut self, id: &str, config: &ContainerConfig) -> anyhow::Result<()> {
        Ok(self.db.set_config(id, &serde_json::to_vec(config)?)?)
    }

    pub fn rename(&mut self, id: &str, name: &str) -> anyhow::Result<()> {
        self.db.rename(id, name).map_err(|e| match e {
            StorageError::NameInUse { .. } => anyhow::Error::from(Failure::new(ExitCode::Engine, e.to_string())),
            e => e.into(),
        })
    }

    /// Removes the record and the container's hold on its image's layers;
    /// returns the layers that hold was the last reference to (see
    /// [`rpod_storage::Containers::remove_with_holds`]).
    pub fn remove_record(&mut self, id: &str) -> anyhow::Result<Vec<String>> {
        Ok(self.db.remove_with_holds(id, &super::lifecycle::holder(id))?)
    }

    pub fn name_in_use(&self, name: &str) -> anyhow::Result<bool> {
        Ok(self.db.name_in_use(name)?)
    }

    pub fn users_of_image(&self, image_id: &str) -> anyhow::Result<Vec<String>> {
        Ok(self.db.users_of_image(image_id)?)
    }

    /// The per-container lock that serializes lifecycle commands on one
    /// container (`ps` and `inspect` never take it).
    pub fn lock(&self, id: &str) -> anyhow::Result<Flock<File>> {
        let dir = self.run_root.join("locks");
        crate::paths::private_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let f = crate::paths::lock_file(&dir.join(id))?;
        Flock::lock(f, FlockArg::LockExclusive).map_err(|(_, e)| anyhow::anyhow!("locking container {id}: {e}"))
    }

    /// The lock if nobody holds it.
    pub fn try_lock(&self, id: &str) -> Option<Flock<File>> {
        let path = self.run_root.join("locks").join(id);
        let f = File::options().create(true).truncate(false).write(true).open(path).ok()?;
        Flock::lock(f, FlockArg::LockExclusiveNonblock).ok()
    }

    pub fn drop_lock_file(&self, id: &str) {
        let _ = std::fs::remove_file(self.run_root.join("locks").join(id));
    }
}

/// The monitor recorded in `s` is alive.
pub fn monitor_alive(s: &State) -> bool {
    s.monitor_pid > 0 && crate::procfs::process_start(s.monitor_pid) == Some(s.monitor_start)
}

/// The error for a name or ID that matches no container.
pub fn unknown(key: &str) -> anyhow::Error {
    not_found(StorageError::ContainerUnknown(key.to_string()))
}

/// "no such container" with Podman's wording (exit 125, or 1 for the
/// commands that say so).
fn not_found(e: StorageError) -> anyhow::Error {
    match e {
        StorageError::ContainerUnknown(_) => Failure::no_such(e.to_string()).into(),
        StorageError::ContainerAmbiguous { .. } => Failure::new(ExitCode::Engine, e.to_string()).into(),
        e => e.into(),
    }
}

/// 64 random hex digits.
pub fn random_id() -> anyhow::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 32];
    File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).context("reading /dev/urandom")?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restart_policies() {
        let p = |s| RestartPolicy::parse(s).unwrap();
        assert!(!p("no").restarts(1, 0, false));
        assert!(p("always").restarts(0, 100, false));
        assert!(!p("always").restarts(0, 0, true));
        assert!(p("on-failure").restarts(1, 50, false));
        assert!(!p("on-failure").restarts(0, 0, false));
        assert!(p("on-failure:2").restarts(3, 1, false));
        assert!(!p("on-failure:2").restarts(3, 2, false));
        assert!(p("unless-stopped").restarts(0, 0, false));
        assert!(RestartPolicy::parse("sometimes").is_err());
        assert!(RestartPolicy::parse("always:3").is_err());
        assert!(RestartPolicy::parse("on-failure:x").is_err());
    }
}
