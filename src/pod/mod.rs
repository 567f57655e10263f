//! Pods: containers that share namespaces (by default net, ipc and uts)
//! held by an infra container, as in Podman.
//!
//! - A pod is a row of the store's `pods` table ([`rpod_storage::Pods`])
//!   with its configuration ([`PodConfig`]); its containers are those
//!   stored as its members (`pod_members`, written with each container's
//!   record, so a container never joins a pod that is being removed).
//! - The infra container ([`create`]) is a container like any other,
//!   watched by its own monitor, whose process is rpod's own `rpod-init
//!   --pause` in an empty root: no pause image to pull or build. It owns
//!   the pod's network (pasta rootless, the `podman` bridge as root, or
//!   `--network none|host`) and its published ports; the other containers
//!   join its namespaces (`container:INFRA` modes, [`join`]), its user
//!   namespace too when it has one of its own (`pod create --userns`,
//!   `--uidmap` ...: the pod's containers then have its maps).
//! - The pod's state is derived from its containers' ([`status`]), with
//!   Podman's rules; the lifecycle verbs ([`ops`]) run the container
//!   lifecycle's functions on each member.

pub mod create;
pub mod filter;
pub mod init;
pub mod ops;
pub mod view;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::container::record::{Container, Containers, Status};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

pub use create::{create, join, prepare_member, PodCreateOptions};

/// The namespaces a pod shares by default (Podman's `ipc,net,uts`).
pub const DEFAULT_SHARE: [&str; 3] = ["ipc", "net", "uts"];

/// Fixed at `pod create`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PodConfig {
    /// The infra container's ID ("" without one: `--infra=false`).
    pub infra_id: String,
    /// The namespaces its containers share with the infra container
    /// (`net`, `ipc`, `uts`, `pid`, `cgroup`; `user` when the infra
    /// container has a user namespace of its own, which they join: `pod
    /// create --userns`, `--uidmap` ...), sorted.
    pub share: Vec<String>,
    pub hostname: String,
    pub labels: BTreeMap<String, String>,
    pub create_command: Vec<String>,
    /// `--exit-policy` (only `continue`).
    pub exit_policy: String,
    /// The pod's cgroup (`None`: a pod from before pods had one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cgroup: Option<crate::container::limits::PodCgroup>,
    /// `--volumes-from` (for `inspect`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volumes_from: Vec<String>,
    /// `--share-parent`: its containers' cgroups go in the pod's.
    #[serde(default = "yes")]
    pub share_parent: bool,
}

fn yes() -> bool {
    true
}

impl PodConfig {
    pub fn shares(&self, ns: &str) -> bool {
        !self.infra_id.is_empty() && self.share.iter().any(|s| s == ns)
    }
}

/// A pod as stored.
#[derive(Debug, Clone)]
pub struct Pod {
    pub id: String,
    pub name: String,
    /// Unix nanoseconds.
    pub created: i64,
    pub config: PodConfig,
}

impl Pod {
    fn from_record(r: rpod_storage::PodRecord) -> anyhow::Result<Pod> {
        let config = serde_json::from_slice(&r.config)
            .map_err(|e| anyhow::anyhow!("pod {}: reading its configuration: {e}", r.id))?;
        Ok(Pod { id: r.id, name: r.name, created: r.created, config })
    }

    pub fn short_id(&self) -> &str {
        &self.id[..12]
    }

    /// An event about this pod (Podman's `pod` events).
    pub fn event(&self, status: &str) -> crate::events::Event {
        crate::events::Event {
            id: self.id.clone(),
            name: self.name.clone(),
            ..crate::events::Event::new(crate::events::POD, status)
        }
    }
}

/// The pod table.
pub struct Pods {
    db: rpod_storage::Pods,
}

fn not_found(e: rpod_storage::StorageError) -> anyhow::Error {
    match e {
        rpod_storage::StorageError::PodUnknown(_) => Failure::no_such(e.to_string()).into(),
        rpod_storage::StorageError::PodAmbiguous { .. } => Failure::new(ExitCode::Engine, e.to_string()).into(),
        e => e.into(),
    }
}

impl Pods {
    pub fn open(ctx: &Context) -> anyhow::Result<Pods> {
        let paths = ctx.paths()?;
        Ok(Pods { db: rpod_storage::Pods::open(&paths.graph_root)? })
    }

    /// By name, full ID or unique ID prefix.
    pub fn find(&self, key: &str) -> anyhow::Result<Pod> {
        Pod::from_record(self.db.lookup(key).map_err(not_found)?)
    }

    /// By exact ID, if it exists.
    pub fn get(&self, id: &str) -> anyhow::Result<Option<Pod>> {
        self.db.get(id)?.map(Pod::from_record).transpose()
    }

    /// Every pod, oldest first.
    pub fn list(&self) -> anyhow::Result<Vec<Pod>> {
        let mut out = Vec::new();
        for r in self.db.list()? {
            match Pod::from_record(r) {
                Ok(p) => out.push(p),
                Err(e) => log::warn!("{e:#}"),
            }
        }
        Ok(out)
    }

    /// The pod's containers (states up to date), in creation order: the
    /// infra container first.
    pub fn members(&self, containers: &mut Containers, pod: &Pod) -> anyhow::Result<Vec<Container>> {
        let mut out = Vec::new();
        for id in self.db.members(&pod.id)? {
            if let Some(c) = containers.get(&id)? {
                out.push(c);
            }
        }
        Ok(out)
    }

    pub(crate) fn db(&mut self) -> &mut rpod_storage::Pods {
        &mut self.db
    }
}

/// A container's failure to start as a pod verb reports it: exit 125
/// (Podman's `pod start` exits 125 whatever the runtime said, where
/// `start` of the container exits 126 or 127).
pub(crate) fn engine_failure(e: anyhow::Error) -> anyhow::Error {
    match crate::error::failure_of(&e) {
        Some(f) if f.exit != ExitCode::Engine => Failure::new(ExitCode::Engine, format!("{e:#}")).into(),
        _ => e,
    }
}

/// Where the pod's cgroup is (or would be), from the cgroup hierarchy's
/// root (`/rpod/pod-ID`, as cgroup files and `/proc/PID/cgroup` name it).
pub fn cgroup_path(cg: &crate::container::limits::PodCgroup, rootless: bool) -> Option<String> {
    let dir = crate::container::limits::pod_cgroup_dir(cg, rootless)?;
    let mount = rpod_runtime::cgroups::detect(rootless).v2_mount?;
    Some(format!("/{}", dir.strip_prefix(mount).ok()?.display()))
}

/// The parent of the pod's cgroup, as `pod ps` shows it ("" without one).
pub fn cgroup_parent(pod: &Pod, rootless: bool) -> String {
    let Some(cg) = &pod.config.cgroup else { return String::new() };
    if !cg.parent.is_empty() {
        return cg.parent.clone();
    }
    let path = cgroup_path(cg, rootless).unwrap_or_default();
    std::path::Path::new(&path).parent().map(|p| p.display().to_string()).unwrap_or_default()
}

/// The pod's state from its containers' but its init containers'
/// (Podman's `createPodStatusResults`): `Running` when all run, `Degraded`
/// when some do, `Paused` when all are, `Exited` when all have exited,
/// `Stopped` when some have, else `Created`.
pub fn status(members: &[Container]) -> &'static str {
    let regular = || members.iter().filter(|c| !init::is_init(c));
    let n = regular().count();
    let count = |s: Status| regular().filter(|c| c.state.status == s).count();
    let (running, paused, stopped) = (count(Status::Running), count(Status::Paused), count(Status::Exited));
    if n == 0 {
        "Created"
    } else if running == n {
        "Running"
    } else if running > 0 {
        "Degraded"
    } else if paused == n {
        "Paused"
    } else if stopped == n {
        "Exited"
    } else if stopped > 0 {
        "Stopped"
    } else {
        "Created"
    }
}

/// The pods `keys` name, or with `all` every pod (Podman's rule: not both,
/// and something must be given); `--pod-id-file`s add theirs.
pub fn select(
    pods: &Pods,
    all: bool,
    latest: bool,
    keys: &[String],
    id_files: &[std::path::PathBuf],
) -> anyhow::Result<Vec<String>> {
    let mut named = keys.to_vec();
    for f in id_files {
        let id = std::fs::read_to_string(f).map_err(|e| anyhow::anyhow!("reading pod ID file {}: {e}", f.display()))?;
        named.push(id.trim().to_string());
    }
    let usage = |m: &str| -> anyhow::Error { Failure::new(ExitCode::Engine, m.to_string()).into() };
    if (all || latest) && !named.is_empty() {
        return Err(usage("--all, --latest and pods cannot be used together"));
    }
    if all && latest {
        return Err(usage("--all and --latest cannot be used together"));
    }
    if all {
        return Ok(pods.list()?.into_iter().map(|p| p.id).collect());
    }
    if latest {
        let newest = pods.list()?.into_iter().max_by_key(|p| p.created);
        return newest.map(|p| vec![p.id]).ok_or_else(|| Failure::no_such("no pods to act on").into());
    }
    if named.is_empty() {
        return Err(usage("you must provide at least one pod name or id"));
    }
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(statuses: &[Status]) -> Vec<Container> {
        statuses
            .iter()
            .map(|s| Container {
                id: "0".repeat(64),
                name: String::new(),
                image_id: String::new(),
                created: 0,
                config: Default::default(),
                state: crate::container::record::State { status: *s, ..Default::default() },
            })
            .collect()
    }

    #[test]
    fn podman_pod_states() {
        use Status::*;
        assert_eq!(status(&[]), "Created");
        assert_eq!(status(&with(&[Running, Running])), "Running");
        assert_eq!(status(&with(&[Running, Exited])), "Degraded");
        assert_eq!(status(&with(&[Paused, Paused])), "Paused");
        assert_eq!(status(&with(&[Exited, Exited])), "Exited");
        assert_eq!(status(&with(&[Exited, Created])), "Stopped");
        assert_eq!(status(&with(&[Created, Created])), "Created");
        assert_eq!(status(&with(&[Paused, Created])), "Created");
    }

    #[test]
    fn start_failures_exit_125() {
        let e = anyhow::Error::from(Failure::new(ExitCode::NotFound, "exec: /nope: no such file or directory"))
            .context("starting container abc");
        let e = engine_failure(e);
        assert_eq!(crate::error::exit_code_of(&e), 125);
        assert_eq!(crate::error::render(&e), "Error: starting container abc: exec: /nope: no such file or directory");
        let state = engine_failure(Failure::state_improper("improper").into());
        assert_eq!(crate::error::cause_of(&state), crate::error::Cause::StateImproper, "left as it is");
    }

    #[test]
    fn init_containers_do_not_count() {
        use Status::*;
        let mut members = with(&[Running, Exited, Created]);
        members[1].config.init_ctr = Some(init::InitCtr::Always);
        members[2].config.init_ctr = Some(init::InitCtr::Once);
        assert_eq!(status(&members), "Running");
        members[0].state.status = Exited;
        assert_eq!(status(&members), "Exited");
    }
}
