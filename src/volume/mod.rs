//! Volumes: named (made by `volume create` or on first use by `-v
//! NAME:/path`) and anonymous (`-v /path`, an image's `VOLUME`), stored by
//! [`rpod_storage::Volumes`]: a row in the store's database, the files in
//! `<graph root>/volumes/<name>/_data`.
//!
//! The API other commands use: [`list`], [`lookup`], [`create`],
//! [`ensure`], [`remove`], [`users`], [`size`]; [`mounts`] turns `-v`,
//! `--mount`, `--tmpfs`, `--volumes-from` and an image's `VOLUME` into the
//! container's mounts.

pub mod archive;
pub mod mounts;
pub mod prepare;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use rpod_storage::{StorageError, VolumeRecord, Volumes};

use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// What rpod keeps about a volume (the `config` document of its row).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VolumeConfig {
    /// Always `local`.
    pub driver: String,
    pub labels: BTreeMap<String, String>,
    /// `--opt`: `type`, `device`, `o` of the local driver.
    pub options: BTreeMap<String, String>,
    /// The first container to mount it copies the image's files at the
    /// mount point into it (Docker's and Podman's rule).
    pub needs_copy_up: bool,
    /// The first container to mount it makes it its user's.
    pub needs_chown: bool,
}

/// One volume.
#[derive(Debug, Clone)]
pub struct Volume {
    pub name: String,
    pub anonymous: bool,
    /// Unix nanoseconds.
    pub created: i64,
    pub config: VolumeConfig,
    /// `volumes/<name>/_data`.
    pub mountpoint: PathBuf,
}

/// What `volume create` (and a first use) asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    pub anonymous: bool,
}

/// The volume table of this user's store.
pub fn open(ctx: &Context) -> anyhow::Result<Volumes> {
    let root = &ctx.paths()?.graph_root;
    Volumes::open(root).with_context(|| format!("opening the volume records in {}", root.display()))
}

fn from_record(v: &Volumes, r: &VolumeRecord) -> anyhow::Result<Volume> {
    let config: VolumeConfig =
        serde_json::from_slice(&r.config).with_context(|| format!("volume {}: reading its record", r.name))?;
    Ok(Volume {
        name: r.name.clone(),
        anonymous: r.anonymous,
        created: r.created,
        config,
        mountpoint: v.data_path(&r.name),
    })
}

fn no_such(name: &str) -> anyhow::Error {
    Failure::no_such(StorageError::VolumeUnknown(name.to_string()).to_string()).into()
}

/// Every volume, by name.
pub fn list(ctx: &Context) -> anyhow::Result<Vec<Volume>> {
    let v = open(ctx)?;
    v.list()?.iter().map(|r| from_record(&v, r)).collect()
}

/// The volume of this name (a missing one: a "no such volume" failure).
pub fn lookup(ctx: &Context, name: &str) -> anyhow::Result<Volume> {
    let v = open(ctx)?;
    match v.get(name)? {
        Some(r) => from_record(&v, &r),
        None => Err(no_such(name)),
    }
}

/// The local driver's options Podman knows; checked so none is dropped.
fn check_options(options: &BTreeMap<String, String>) -> anyhow::Result<()> {
    for k in options.keys() {
        if !matches!(k.as_str(), "type" | "device" | "o") {
            return Err(Failure::new(
                ExitCode::Engine,
                format!("invalid mount option {k} for driver 'local': only type, device and o are supported"),
            )
            .into());
        }
    }
    if options.contains_key("device") != options.contains_key("type") && options.contains_key("device") {
        return Err(Failure::new(ExitCode::Engine, "a volume with a device needs its type (--opt type=...)").into());
    }
    Ok(())
}

/// A new volume; `name` None: an anonymous one (64 hex digits). A taken
/// name fails with Podman's "already exists" error (exit 125).
pub fn create(ctx: &Context, name: Option<&str>, opts: &CreateOptions) -> anyhow::Result<Volume> {
    check_options(&opts.options)?;
    let name = match name {
        Some(n) => {
            if !rpod_storage::volumes::valid_name(n) {
                return Err(Failure::new(
                    ExitCode::Engine,
                    format!("running volume create option: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument: {n:?}"),
                )
                .into());
            }
            n.to_string()
        }
        None => crate::container::record::random_id()?,
    };
    let config = VolumeConfig {
        driver: "local".into(),
        labels: opts.labels.clone(),
        options: opts.options.clone(),
        needs_copy_up: true,
        needs_chown: true,
    };
    let rec = VolumeRecord {
        name: name.clone(),
        anonymous: opts.anonymous,
        created: crate::container::record::now_ns(),
        config: serde_json::to_vec(&config)?,
    };
    let mut v = open(ctx)?;
    v.create(&rec).map_err(|e| match e {
        StorageError::VolumeExists(_) => Failure::new(ExitCode::Engine, e.to_string()).into(),
        e => anyhow::Error::from(e).context(format!("creating volume {name}")),
    })?;
    ctx.event(&crate::events::Event::volume(&name, "create"));
    from_record(&v, &rec)
}

/// The named volume, made (with no options) when missing: `-v NAME:/path`
/// creates it on first use. Two containers asking at once get one volume.
pub fn ensure(ctx: &Context, name: &str) -> anyhow::Result<Volume> {
    match lookup(ctx, name) {
        Ok(v) => return Ok(v),
        Err(e) if crate::error::cause_of(&e) == crate::error::Cause::NoSuchObject => {}
        Err(e) => return Err(e),
    }
    match create(ctx, Some(name), &CreateOptions::default()) {
        Ok(v) => Ok(v),
        Err(_) => lookup(ctx, name),
    }
}

/// The IDs of the containers using the volume.
pub fn users(ctx: &Context, name: &str) -> anyhow::Result<Vec<String>> {
    Ok(open(ctx)?.users(name)?)
}

/// Remove a volume. One in use is refused (exit 2 through
/// [`crate::commands::select::each`]) unless `force`, which removes its
/// containers first (running ones killed at once).
pub fn remove(ctx: &Context, name: &str, force: bool) -> anyhow::Result<()> {
    remove_stopping(ctx, name, force.then_some(std::time::Duration::ZERO))
}

/// [`remove`]; with `force_stop` the containers using the volume are
/// removed first, running ones stopped with that timeout.
pub fn remove_stopping(ctx: &Context, name: &str, force_stop: Option<std::time::Duration>) -> anyhow::Result<()> {
    lookup(ctx, name)?;
    if let Some(timeout) = force_stop {
        let mut containers = ctx.containers()?;
        for id in users(ctx, name)? {
            if let Some(c) = containers.get(&id)? {
                crate::container::lifecycle::remove_stopping(ctx, &mut containers, &c, Some(timeout))
                    .with_context(|| format!("removing container {} that uses volume {name}", c.name))?;
            }
        }
    }
    let mut v = open(ctx)?;
    let gone = match v.remove(name) {
        Ok(g) => g,
        Err(e @ StorageError::VolumeInUse { .. }) => return Err(Failure::state_improper(e.to_string()).into()),
        Err(StorageError::VolumeUnknown(n)) => return Err(no_such(&n)),
        Err(e) => return Err(e.into()),
    };
    if let Some(dir) = gone {
        // Its files may belong to the user's subordinate IDs.
        ctx.enter_user_namespace()?;
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    ctx.event(&crate::events::Event::volume(name, "remove"));
    Ok(())
}

/// Bytes used by the files under `path` (not following symlinks; each
/// hard-linked file once), for `system df`.
pub fn size(path: &Path) -> u64 {
    fn walk(p: &Path, seen: &mut std::collections::HashSet<(u64, u64)>) -> u64 {
        use std::os::unix::fs::MetadataExt;
        let Ok(m) = std::fs::symlink_metadata(p) else { return 0 };
        let mut total = 0;
        if m.nlink() <= 1 || m.is_dir() || seen.insert((m.dev(), m.ino())) {
            total += if m.is_dir() { 0 } else { m.len() };
        }
        if m.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                for e in rd.flatten() {
                    total += walk(&e.path(), seen);
                }
            }
        }
        total
    }
    walk(path, &mut Default::default())
}

/// Of a removed container's volumes, the anonymous ones nothing uses any
/// more (`rm -v`, `--rm`) are removed (in the user namespace, where their
/// files' owners are); returns the errors.
pub fn remove_unused_anonymous(graph_root: &Path, events: &crate::events::EventLog, names: &[String]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut v = match Volumes::open(graph_root) {
        Ok(v) => v,
        Err(e) => return vec![format!("{e}")],
    };
    for n in names {
        match v.get(n) {
            Ok(Some(r)) if r.anonymous => {}
            _ => continue,
        }
        match v.remove(n) {
            Ok(dir) => {
                if let Some(dir) = dir {
                    if let Err(e) = std::fs::remove_dir_all(&dir) {
                        errors.push(format!("removing {}: {e}", dir.display()));
                    }
                }
                events.record(&crate::events::Event::volume(n, "remove"));
            }
            // Another container uses it now (--volumes-from).
            Err(StorageError::VolumeInUse { .. }) => {}
            Err(e) => errors.push(format!("removing volume {n}: {e}")),
        }
    }
    errors
}

/// Podman's `volume inspect` document (also the rows of `volume ls`).
pub fn inspect_json(ctx: &Context, v: &Volume) -> anyhow::Result<serde_json::Value> {
    let mut containers = ctx.containers()?;
    let mut mounted = 0;
    for id in users(ctx, &v.name)? {
        if containers.get(&id)?.is_some_and(|c| c.state.status.is_live()) {
            mounted += 1;
        }
    }
    let secs = v.created.div_euclid(1_000_000_000);
    let nanos = v.created.rem_euclid(1_000_000_000) as u32;
    let mut doc = serde_json::json!({
        "Name": v.name,
        "Driver": v.config.driver,
        "Mountpoint": v.mountpoint.display().to_string(),
        "CreatedAt": crate::timefmt::rfc3339_nano(secs, nanos),
        "Labels": v.config.labels,
        "Scope": "local",
        "Options": v.config.options,
        "MountCount": mounted,
        "NeedsCopyUp": v.config.needs_copy_up,
        "NeedsChown": v.config.needs_chown,
    });
    if v.anonymous {
        doc["Anonymous"] = serde_json::Value::Bool(true);
    }
    Ok(doc)
}

/// `volume ls --filter`, `volume prune --filter` (combined as
/// [`crate::filter`] says).
#[derive(Debug, Default)]
pub struct Filters {
    pairs: crate::filter::Pairs,
}

impl Filters {
    pub fn parse(args: &[String]) -> anyhow::Result<Filters> {
        let pairs = crate::filter::Pairs::parse(
            args,
            |f| format!("invalid filter {f:?}: expected KEY=VALUE"),
            |k, v| {
                match k {
                    "name" | "label" | "label!" | "driver" | "scope" => {}
                    "dangling" | "anonymous" => {
                        if !matches!(v, "true" | "false" | "1" | "0") {
                            anyhow::bail!("invalid {k} filter value {v:?}: expected true or false");
                        }
                    }
                    "until" => {
                        crate::timefmt::until_filter(v, crate::container::record::now_ns())
                            .map_err(|e| anyhow::anyhow!("invalid until filter {v:?}: {e}"))?;
                    }
                    _ => anyhow::bail!(
                        "invalid filter {k:?}: supported are name, label, label!, driver, scope, dangling, anonymous, until"
                    ),
                }
                Ok(())
            },
        )?;
        Ok(Filters { pairs })
    }

    pub fn matches(&self, ctx: &Context, v: &Volume) -> anyhow::Result<bool> {
        use crate::filter::label_matches;
        self.pairs.try_matches(|key, value| {
            let yes = matches!(value, "true" | "1");
            Ok(match key {
                "name" => v.name.contains(value),
                "label" => label_matches(&v.config.labels, value),
                "label!" => !label_matches(&v.config.labels, value),
                "driver" => v.config.driver == value,
                "scope" => value == "local",
                "anonymous" => v.anonymous == yes,
                "dangling" => users(ctx, &v.name)?.is_empty() == yes,
                "until" => {
                    crate::timefmt::until_filter(value, crate::container::record::now_ns()).is_ok_and(|t| v.created < t)
                }
                _ => false,
            })
        })
    }
}

/// The volumes `prune` would remove: unused ones that match.
pub fn prune_candidates(ctx: &Context, filters: &Filters) -> anyhow::Result<Vec<Volume>> {
    let mut out = Vec::new();
    for v in list(ctx)? {
        if users(ctx, &v.name)?.is_empty() && filters.matches(ctx, &v)? {
            out.push(v);
        }
    }
    Ok(out)
}

/// `volume prune`: every unused volume that matches removed; returns the
/// names removed and the errors (a volume taken into use meanwhile stays).
pub fn prune(ctx: &Context, filters: &Filters) -> anyhow::Result<(Vec<String>, Vec<anyhow::Error>)> {
    let mut removed = Vec::new();
    let mut errors = Vec::new();
    for v in prune_candidates(ctx, filters)? {
        match remove(ctx, &v.name, false) {
            Ok(()) => {
                ctx.event(&crate::events::Event::volume(&v.name, "prune"));
                removed.push(v.name);
            }
            Err(e) if crate::error::cause_of(&e) == crate::error::Cause::StateImproper => {}
            Err(e) => errors.push(e),
        }
    }
    Ok((removed, errors))
}
