//! `--userns`: which user namespace a container runs in.
//!
//! - `host` (the default, like Podman's empty mode): as root, none of its
//!   own; rootless, the engine's user namespace (the user's own ID is root
//!   inside, the subordinate IDs follow).
//! - `keep-id[:uid=UID,gid=GID]` (rootless only): a user namespace of its
//!   own, nested in the engine's, in which the user's own ID appears as
//!   itself (or as UID/GID) and root and the other IDs come from the
//!   subordinate ranges ([`rpod_runtime::userns::keep_id_mapping`]). The
//!   process runs as that user unless `--user` says otherwise, and the
//!   user gets entries in the container's `/etc/passwd` and `/etc/group`.
//!   Files the container writes belong to the user on the host. The image
//!   is used through a copy whose owners are translated to the new
//!   mapping, made once per image and mapping
//!   ([`rpod_storage::Store::put_shifted_root`]).

use std::path::Path;

use anyhow::{bail, Context as _};
use serde::{Deserialize, Serialize};

use rpod_runtime::userns::{keep_id_mapping, mapped_count, parse_proc_map, to_host, IdMap};

/// The user `keep-id` keeps, as stored with the container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepId {
    /// The user's IDs inside the container.
    pub uid: u32,
    pub gid: u32,
    /// For the container's passwd entry: the user's name and home.
    pub name: String,
    pub home: String,
}

/// A parsed `--userns` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Host,
    KeepId { uid: Option<u32>, gid: Option<u32> },
}

const SUPPORTED: &str = "supported: host, keep-id[:uid=UID,gid=GID]";

impl Mode {
    pub fn parse(s: &str) -> anyhow::Result<Mode> {
        let (mode, opts) = s.split_once(':').unwrap_or((s, ""));
        match mode {
            "" | "host" if opts.is_empty() => Ok(Mode::Host),
            "keep-id" => {
                let (mut uid, mut gid) = (None, None);
                for o in opts.split(',').filter(|o| !o.is_empty()) {
                    let num =
                        |v: &str| v.parse::<u32>().map_err(|_| anyhow::anyhow!("--userns={s}: {v:?} is not a number"));
                    match o.split_once('=') {
                        Some(("uid", v)) => uid = Some(num(v)?),
                        Some(("gid", v)) => gid = Some(num(v)?),
                        _ => bail!("--userns={s}: unknown keep-id option {o:?} (keep-id takes uid=UID and gid=GID)"),
                    }
                }
                Ok(Mode::KeepId { uid, gid })
            }
            _ => bail!("--userns={s} is not supported by rpod ({SUPPORTED})"),
        }
    }

    /// For this caller: `keep-id` as root is refused (Podman's rule), and
    /// rootless it needs subordinate IDs (root inside must map somewhere).
    pub fn keep_id(&self, rootless: bool) -> anyhow::Result<Option<KeepId>> {
        let Mode::KeepId { uid, gid } = self else { return Ok(None) };
        if !rootless {
            bail!("keep-id is only supported in rootless mode");
        }
        let id = rpod_runtime::rootless::Identity::current().context("reading your subordinate ID ranges")?;
        if !id.has_ranges() {
            bail!(
                "--userns=keep-id needs subordinate IDs: {} has no range in /etc/subuid and /etc/subgid (root in the container must map to one of them)",
                id.user.as_deref().unwrap_or("this user")
            );
        }
        let pw = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(id.uid)).ok().flatten();
        Ok(Some(KeepId {
            uid: uid.unwrap_or(id.uid),
            gid: gid.unwrap_or(id.gid),
            name: pw.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| id.uid.to_string()),
            home: pw.map(|p| p.dir.display().to_string()).unwrap_or_else(|| "/".into()),
        }))
    }
}

/// `--uidmap`/`--gidmap` (`CONTAINER:FROM:AMOUNT`, FROM an ID of the
/// engine's user namespace: as root the host's; rootless the user's
/// namespace's, where 0 is the user and 1.. the subordinate IDs) and
/// `--subuidname`/`--subgidname` (NAME's ranges of `/etc/subuid` and
/// `/etc/subgid`, from 0 up): a user namespace of the container's own, as
/// Podman's. Relative to the engine's user namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMaps {
    pub uids: Vec<IdMap>,
    pub gids: Vec<IdMap>,
}

/// The flags [`IdMaps`] come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdMapFlags {
    pub uidmap: Vec<String>,
    pub gidmap: Vec<String>,
    pub subuidname: Option<String>,
    pub subgidname: Option<String>,
}

impl IdMapFlags {
    pub fn is_empty(&self) -> bool {
        self.uidmap.is_empty() && self.gidmap.is_empty() && self.subuidname.is_none() && self.subgidname.is_none()
    }
}

/// The engine's own user namespace as maps to the host (None as root,
/// whose IDs are the host's): rootless, the user's own ID at 0 and the
/// subordinate ranges after it.
fn engine_maps(rootless: bool) -> anyhow::Result<Option<(Vec<IdMap>, Vec<IdMap>)>> {
    if !rootless {
        return Ok(None);
    }
    if rpod_runtime::rootless::in_user_namespace() {
        let read = |f: &str| -> anyhow::Result<Vec<IdMap>> {
            Ok(parse_proc_map(&std::fs::read_to_string(f).with_context(|| format!("reading {f}"))?))
        };
        return Ok(Some((read("/proc/self/uid_map")?, read("/proc/self/gid_map")?)));
    }
    let id = rpod_runtime::rootless::Identity::current().context("reading your subordinate ID ranges")?;
    Ok(Some((id.uid_map(), id.gid_map())))
}

impl IdMaps {
    /// None when no flag asks for maps. As Podman: a sub*name alone
    /// stands for both, and so do `--uidmap` or `--gidmap` alone; a
    /// sub*name conflicts with the map flag of its kind. The container's
    /// user IDs must be mapped without overlaps, each ID of FROM within
    /// the engine's user namespace (rootless).
    pub fn from_flags(f: &IdMapFlags, rootless: bool) -> anyhow::Result<Option<IdMaps>> {
        if f.is_empty() {
            return Ok(None);
        }
        if f.subuidname.is_some() && !f.uidmap.is_empty() {
            bail!("--subuidname and --uidmap are mutually exclusive");
        }
        if f.subgidname.is_some() && !f.gidmap.is_empty() {
            bail!("--subgidname and --gidmap are mutually exclusive");
        }
        let engine = engine_maps(rootless)?;
        let (engine_uids, engine_gids) = match &engine {
            Some((u, g)) => (Some(u.as_slice()), Some(g.as_slice())),
            None => (None, None),
        };
        let subuid = f.subuidname.as_deref().or(if f.uidmap.is_empty() { f.subgidname.as_deref() } else { None });
        let subgid = f.subgidname.as_deref().or(if f.gidmap.is_empty() { f.subuidname.as_deref() } else { None });
        let uidmap = if f.uidmap.is_empty() && subuid.is_none() { &f.gidmap } else { &f.uidmap };
        let gidmap = if f.gidmap.is_empty() && subgid.is_none() { &f.uidmap } else { &f.gidmap };
        let uids = match subuid {
            Some(name) => sub_maps("--subuidname", Path::new("/etc/subuid"), name, engine_uids)?,
            None => uidmap.iter().map(|m| parse_map("--uidmap", m, engine_uids)).collect::<anyhow::Result<_>>()?,
        };
        let gids = match subgid {
            Some(name) => sub_maps("--subgidname", Path::new("/etc/subgid"), name, engine_gids)?,
            None => gidmap.iter().map(|m| parse_map("--gidmap", m, engine_gids)).collect::<anyhow::Result<_>>()?,
        };
        for (what, maps) in [("UID", &uids), ("GID", &gids)] {
            for (i, a) in maps.iter().enumerate() {
                for b in &maps[i + 1..] {
                    let meet = |x: u32, xs: u32, y: u32, ys: u32| {
                        u64::from(x) < u64::from(y) + u64::from(ys) && u64::from(y) < u64::from(x) + u64::from(xs)
                    };
                    if meet(a.container_id, a.size, b.container_id, b.size)
                        || meet(a.host_id, a.size, b.host_id, b.size)
                    {
                        bail!(
                            "the {what} maps {}:{}:{} and {}:{}:{} overlap",
                            a.container_id,
                            a.host_id,
                            a.size,
                            b.container_id,
                            b.host_id,
                            b.size
                        );
                    }
                }
            }
        }
        Ok(Some(IdMaps { uids, gids }))
    }
}

/// The maps `inspect` shows (Podman's `IDMappings`), relative to the
/// engine's user namespace: `--uidmap`'s (or its pod's), or keep-id's;
/// None without a user namespace of its own.
pub fn shown_maps(conf: &crate::container::record::ContainerConfig) -> Option<IdMaps> {
    if let Some(m) = &conf.options.id_maps {
        return Some(m.clone());
    }
    let k = conf.keep_id.as_ref()?;
    // keep-id is rootless only.
    let (uids, gids) = engine_maps(true).ok().flatten()?;
    Some(IdMaps {
        uids: keep_id_mapping(k.uid, mapped_count(&uids)),
        gids: keep_id_mapping(k.gid, mapped_count(&gids)),
    })
}

/// One `CONTAINER:FROM:AMOUNT`; rootless FROM.. must lie in the engine's
/// namespace (`engine`: its map).
fn parse_map(flag: &str, s: &str, engine: Option<&[IdMap]>) -> anyhow::Result<IdMap> {
    let nums: Vec<Option<u32>> = s.split(':').map(|n| n.trim().parse().ok()).collect();
    let [Some(container_id), Some(host_id), Some(size)] = nums[..] else {
        bail!("{flag} {s}: expected CONTAINER_ID:FROM_ID:AMOUNT (numbers)");
    };
    if size == 0 || container_id.checked_add(size).is_none() || host_id.checked_add(size).is_none() {
        bail!("{flag} {s}: the amount must be at least 1 and the IDs stay below 2^32");
    }
    if let Some(engine) = engine {
        let n = mapped_count(engine);
        if u64::from(host_id) + u64::from(size) > u64::from(n) {
            bail!(
                "{flag} {s}: IDs {host_id}-{} are outside your user namespace (0-{}: 0 is you, 1 and up your subordinate IDs)",
                u64::from(host_id) + u64::from(size) - 1,
                n.saturating_sub(1)
            );
        }
    }
    Ok(IdMap { container_id, host_id, size })
}

/// NAME's subordinate ranges in `file`, as maps from 0 up; rootless
/// translated into the engine's namespace (only your own ranges are there).
fn sub_maps(flag: &str, file: &Path, name: &str, engine: Option<&[IdMap]>) -> anyhow::Result<Vec<IdMap>> {
    let id = match name.parse::<u32>() {
        Ok(n) => n,
        Err(_) => nix::unistd::User::from_name(name).ok().flatten().map_or(u32::MAX, |u| u.uid.as_raw()),
    };
    let ranges = rpod_runtime::userns::read_subids(file, Some(name), id)
        .with_context(|| format!("reading {}", file.display()))?;
    if ranges.is_empty() {
        bail!("{flag} {name}: {name} has no range in {}", file.display());
    }
    let mut maps = Vec::new();
    let mut next = 0u32;
    for r in ranges {
        let host_id = match engine {
            None => r.start,
            Some(engine) => engine
                .iter()
                .find(|m| {
                    m.host_id <= r.start && u64::from(r.start) + u64::from(r.count) <= u64::from(m.host_id) + u64::from(m.size)
                })
                .map(|m| m.container_id + (r.start - m.host_id))
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "{flag} {name}: IDs {}-{} are not in your user namespace (rootless, only your own subordinate IDs can be mapped)",
                        r.start,
                        u64::from(r.start) + u64::from(r.count) - 1
                    )
                })?,
        };
        maps.push(IdMap { container_id: next, host_id, size: r.count });
        next = next.checked_add(r.count).ok_or_else(|| anyhow::anyhow!("{flag} {name}: the ranges are too large"))?;
    }
    Ok(maps)
}

/// `--hostuser`: the host's passwd entry of each user (a name or UID) the
/// container's `passwd` lacks, appended; None when nothing is added.
pub fn host_user_entries(users: &[String], passwd: &str) -> anyhow::Result<Option<String>> {
    use rpod_runtime::user::parse_passwd;
    let mut text = passwd.to_string();
    let mut added = false;
    for u in users {
        let found = match u.parse::<u32>() {
            Ok(uid) => nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)),
            Err(_) => nix::unistd::User::from_name(u),
        };
        let user = found
            .with_context(|| format!("--hostuser {u}: looking the user up on the host"))?
            .ok_or_else(|| anyhow::anyhow!("--hostuser {u}: no such user on the host"))?;
        if parse_passwd(&text).iter().any(|e| e.name == user.name) {
            continue;
        }
        let line = format!(
            "{}:x:{}:{}:{}:{}:{}",
            user.name,
            user.uid,
            user.gid,
            user.gecos.to_string_lossy(),
            user.dir.display(),
            user.shell.display()
        );
        text = append_line(&text, &line);
        added = true;
    }
    Ok(added.then_some(text))
}

/// The ID maps of a keep-id container, relative to the engine's user
/// namespace (the one this process is in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub uids: Vec<IdMap>,
    pub gids: Vec<IdMap>,
}

impl Mapping {
    /// The container's own user namespace, if it has one: keep-id's
    /// (call inside the engine's user namespace) or `--uidmap`'s.
    pub fn of(conf: &crate::container::record::ContainerConfig) -> anyhow::Result<Option<Mapping>> {
        if let Some(k) = &conf.keep_id {
            return Mapping::keep_id(k).map(Some);
        }
        Ok(conf.options.id_maps.as_ref().map(|m| Mapping { uids: m.uids.clone(), gids: m.gids.clone() }))
    }

    /// From this process's own maps (call inside the engine's user
    /// namespace): their sizes bound the nested namespace's.
    pub fn keep_id(k: &KeepId) -> anyhow::Result<Mapping> {
        let read = |f: &str| -> anyhow::Result<u32> {
            let text = std::fs::read_to_string(f).with_context(|| format!("reading {f}"))?;
            Ok(mapped_count(&parse_proc_map(&text)))
        };
        let (nu, ng) = (read("/proc/self/uid_map")?, read("/proc/self/gid_map")?);
        Ok(Mapping { uids: keep_id_mapping(k.uid, nu), gids: keep_id_mapping(k.gid, ng) })
    }

    /// The maps as [`rpod_storage::pack::PackOptions::owners`] takes them
    /// (a layer or archive of the container's files with its own IDs).
    pub fn owners(&self) -> rpod_storage::pack::OwnerMaps {
        let t = |maps: &[IdMap]| maps.iter().map(|m| (m.container_id, m.host_id, m.size)).collect();
        (t(&self.uids), t(&self.gids))
    }

    /// Names the translation in the store (one copy of an image per name).
    pub fn key(&self) -> String {
        let part = |maps: &[IdMap]| {
            maps.iter().map(|m| format!("{}-{}-{}", m.container_id, m.host_id, m.size)).collect::<Vec<_>>().join("-")
        };
        format!("u-{}-g-{}", part(&self.uids), part(&self.gids))
    }

    /// The engine IDs of root inside the container.
    pub fn root(&self) -> (u32, u32) {
        (to_host(&self.uids, 0).unwrap_or(0), to_host(&self.gids, 0).unwrap_or(0))
    }
}

/// `name:*:UID:GID:name:HOME:/bin/sh` appended to `passwd` unless the UID
/// has an entry; `name:x:GID:` to `group` likewise. None: nothing to add.
pub fn passwd_entries(k: &KeepId, passwd: &str, group: &str) -> (Option<String>, Option<String>) {
    use rpod_runtime::user::{parse_group, parse_passwd};
    let p = (!parse_passwd(passwd).iter().any(|e| e.uid == k.uid))
        .then(|| append_line(passwd, &format!("{0}:*:{1}:{2}:{0}:{3}:/bin/sh", k.name, k.uid, k.gid, k.home)));
    let g = (!parse_group(group).iter().any(|e| e.gid == k.gid))
        .then(|| append_line(group, &format!("{}:x:{}:", k.name, k.gid)));
    (p, g)
}

/// Podman's `--passwd` entries for the container's user (`--user`, else the
/// image's): when the user is a number with no entry in `passwd`,
/// `UID:*:UID:GID:container user:WORKDIR:/bin/sh` (GID that of `:GROUP`, a
/// number or a name in `group`, else 0), or `template` with `$USERNAME`,
/// `$UID`, `$GID`, `$NAME` and `$HOME` replaced (`--passwd-entry`); when
/// the group part (else the user part) is a number with no entry in
/// `group`, `GID:x:GID:USER`. Returns the new texts (None: unchanged).
pub fn user_entries(
    user: &str,
    workdir: &str,
    template: Option<&str>,
    passwd: &str,
    group: &str,
) -> anyhow::Result<(Option<String>, Option<String>)> {
    use rpod_runtime::user::{parse_group, parse_passwd};
    if user.is_empty() {
        return Ok((None, None));
    }
    let (u, g) = match user.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (user, None),
    };
    let groups = parse_group(group);
    let group_known = |g: &str| groups.iter().any(|e| e.name == g || g.parse() == Ok(e.gid));
    let home = if workdir.is_empty() { "/" } else { workdir };
    let mut new_passwd = None;
    if let Ok(uid) = u.parse::<u32>() {
        if !parse_passwd(passwd).iter().any(|e| e.uid == uid || e.name == u) {
            let gid = match g.filter(|g| !g.is_empty()) {
                None => 0,
                Some(g) => match g.parse::<u32>() {
                    Ok(gid) => gid,
                    Err(_) => groups.iter().find(|e| e.name == g).map(|e| e.gid).ok_or_else(|| {
                        anyhow::anyhow!("unable to get gid {g} from group file: no matching entries in group file")
                    })?,
                },
            };
            let line = match template {
                Some(t) => t
                    .replace("$USERNAME", u)
                    .replace("$UID", u)
                    .replace("$GID", &gid.to_string())
                    .replace("$NAME", "container user")
                    .replace("$HOME", home),
                None => format!("{uid}:*:{uid}:{gid}:container user:{home}:/bin/sh"),
            };
            new_passwd = Some(append_line(passwd, &line));
        }
    }
    let gname = g.unwrap_or(u);
    let new_group = match gname.parse::<u32>() {
        Ok(gid) if !group_known(gname) => Some(append_line(group, &format!("{gid}:x:{gid}:{u}"))),
        _ => None,
    };
    Ok((new_passwd, new_group))
}

/// `text` with `line` appended as a line of its own.
fn append_line(text: &str, line: &str) -> String {
    let mut t = text.to_string();
    if !t.is_empty() && !t.ends_with('\n') {
        t.push('\n');
    }
    t.push_str(line.trim_end_matches('\n'));
    t.push('\n');
    t
}

/// The supplementary groups a container's process can get, out of
/// `gids`: those its user namespace maps (`maps`, the container's gid map,
/// or the engine's own when the container has none) and none at all when
/// setgroups is denied there (`setgroups_denied`: a rootless namespace
/// made without subordinate IDs). Like Podman, the others are skipped with
/// a warning instead of failing the start.
pub fn settable_groups(gids: &[u32], maps: &[IdMap], setgroups_denied: bool) -> (Vec<u32>, Vec<String>) {
    let mut keep = Vec::new();
    let mut warnings = Vec::new();
    for &gid in gids {
        if rpod_runtime::userns::to_host(maps, gid).is_none() {
            warnings.push(format!("Additional gid={gid} is not present in the user namespace, skip setting it"));
        } else if setgroups_denied {
            warnings.push(format!(
                "Additional gid={gid} cannot be set: setgroups is denied in the user namespace (no subordinate IDs), skip setting it"
            ));
        } else {
            keep.push(gid);
        }
    }
    (keep, warnings)
}

/// [`settable_groups`] for a process of this engine (call inside its user
/// namespace): the container's `mapping` when it has one, else this
/// process's gid map; the warnings are logged.
pub fn keep_settable_groups(gids: &[u32], mapping: Option<&Mapping>) -> Vec<u32> {
    if gids.is_empty() {
        return Vec::new();
    }
    let own = parse_proc_map(&std::fs::read_to_string("/proc/self/gid_map").unwrap_or_default());
    let maps = mapping.map(|m| m.gids.as_slice()).unwrap_or(&own);
    let denied = std::fs::read_to_string("/proc/self/setgroups").map(|s| s.trim() == "deny").unwrap_or(false);
    let (keep, warnings) = settable_groups(gids, maps, denied);
    for w in warnings {
        log::warn!("{w}");
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_like_podman() {
        assert_eq!(Mode::parse("").unwrap(), Mode::Host);
        assert_eq!(Mode::parse("host").unwrap(), Mode::Host);
        assert_eq!(Mode::parse("keep-id").unwrap(), Mode::KeepId { uid: None, gid: None });
        assert_eq!(Mode::parse("keep-id:uid=200,gid=210").unwrap(), Mode::KeepId { uid: Some(200), gid: Some(210) });
        assert!(Mode::parse("keep-id:uid=x").is_err());
        assert!(Mode::parse("keep-id:size=3").is_err());
        let e = Mode::parse("auto").unwrap_err().to_string();
        assert!(e.contains("not supported") && e.contains("keep-id"), "{e}");
        assert!(Mode::parse("host:x").is_err());
        assert!(Mode::Host.keep_id(false).unwrap().is_none());
        assert!(Mode::KeepId { uid: None, gid: None }.keep_id(false).unwrap_err().to_string().contains("rootless"));
    }

    #[test]
    fn id_maps_as_podman() {
        let flags = |u: &[&str], g: &[&str]| IdMapFlags {
            uidmap: u.iter().map(|s| s.to_string()).collect(),
            gidmap: g.iter().map(|s| s.to_string()).collect(),
            ..IdMapFlags::default()
        };
        let m = |c, h, s| IdMap { container_id: c, host_id: h, size: s };
        assert_eq!(IdMaps::from_flags(&IdMapFlags::default(), false).unwrap(), None);
        // One kind alone stands for both.
        let got = IdMaps::from_flags(&flags(&["0:100000:5000", "5000:0:1"], &[]), false).unwrap().unwrap();
        assert_eq!(got.uids, [m(0, 100000, 5000), m(5000, 0, 1)]);
        assert_eq!(got.gids, got.uids);
        let got = IdMaps::from_flags(&flags(&[], &["0:7:3"]), false).unwrap().unwrap();
        assert_eq!((got.uids, got.gids), (vec![m(0, 7, 3)], vec![m(0, 7, 3)]));
        let got = IdMaps::from_flags(&flags(&["0:1:2"], &["0:9:2"]), false).unwrap().unwrap();
        assert_eq!((got.uids, got.gids), (vec![m(0, 1, 2)], vec![m(0, 9, 2)]));
        for (u, g, msg) in [
            (&["0:1"][..], &[][..], "expected CONTAINER_ID:FROM_ID:AMOUNT"),
            (&["a:1:2"], &[], "expected"),
            (&["0:1:0"], &[], "at least 1"),
            (&["0:4294967295:2"], &[], "below 2^32"),
            (&["0:1:10", "9:100:1"], &[], "UID maps 0:1:10 and 9:100:1 overlap"),
            (&["0:1:10", "20:10:1"], &[], "overlap"),
            (&["0:1:10"], &["0:1:5", "3:50:1"], "GID maps"),
        ] {
            let e = format!("{:#}", IdMaps::from_flags(&flags(u, g), false).unwrap_err());
            assert!(e.contains(msg), "{u:?} {g:?}: {e}");
        }
        let mut f = flags(&["0:1:2"], &[]);
        f.subuidname = Some("x".into());
        assert!(IdMaps::from_flags(&f, false).unwrap_err().to_string().contains("mutually exclusive"));
    }

    #[test]
    fn passwd_gets_the_user_once() {
        let k = KeepId { uid: 1001, gid: 1001, name: "alice".into(), home: "/home/alice".into() };
        let (p, g) = passwd_entries(&k, "root:x:0:0:root:/root:/bin/sh", "root:x:0:\n");
        assert_eq!(p.unwrap(), "root:x:0:0:root:/root:/bin/sh\nalice:*:1001:1001:alice:/home/alice:/bin/sh\n");
        assert_eq!(g.unwrap(), "root:x:0:\nalice:x:1001:\n");
        let (p, g) = passwd_entries(&k, "bob:x:1001:5::/:/bin/sh\n", "bob:x:1001:\n");
        assert!(p.is_none() && g.is_none());
    }

    #[test]
    fn numeric_users_get_entries_as_in_podman() {
        let (pw, gr) = ("root:x:0:0:root:/root:/bin/sh\n", "root:x:0:\nstaff:x:50:\n");
        let (p, g) = user_entries("1000:1000", "/work", None, pw, gr).unwrap();
        assert_eq!(p.unwrap(), format!("{pw}1000:*:1000:1000:container user:/work:/bin/sh\n"));
        assert_eq!(g.unwrap(), format!("{gr}1000:x:1000:1000\n"));
        // No group: GID 0 in passwd, the UID's number as a group.
        let (p, g) = user_entries("1000", "", None, pw, gr).unwrap();
        assert!(p.unwrap().ends_with("1000:*:1000:0:container user:/:/bin/sh\n"));
        assert!(g.unwrap().ends_with("1000:x:1000:1000\n"));
        // A group by name, a known group: no group entry.
        let (p, g) = user_entries("1000:staff", "/", None, pw, gr).unwrap();
        assert!(p.unwrap().ends_with("1000:*:1000:50:container user:/:/bin/sh\n"));
        assert_eq!(g, None);
        assert!(user_entries("1000:nosuch", "/", None, pw, gr).is_err());
        // Known users and names: nothing.
        assert_eq!(user_entries("0:0", "/", None, pw, gr).unwrap(), (None, None));
        assert_eq!(user_entries("root", "/", None, pw, gr).unwrap(), (None, None));
        // --passwd-entry.
        let (p, _) = user_entries("7:8", "/w", Some("$USERNAME:x:$UID:$GID:$NAME:$HOME:/bin/false"), pw, gr).unwrap();
        assert!(p.unwrap().ends_with("\n7:x:7:8:container user:/w:/bin/false\n"));
    }

    #[test]
    fn keys_name_the_whole_mapping() {
        let k = KeepId { uid: 1000, gid: 1000, name: "a".into(), home: "/".into() };
        let m = Mapping { uids: keep_id_mapping(k.uid, 65537), gids: keep_id_mapping(k.gid, 65537) };
        assert_eq!(m.key(), "u-0-1-1000-1000-0-1-1001-1001-64536-g-0-1-1000-1000-0-1-1001-1001-64536");
        assert_eq!(m.root(), (1, 1));
    }

    #[test]
    fn unmapped_groups_are_skipped_with_a_warning() {
        let single = [IdMap { container_id: 0, host_id: 1000, size: 1 }];
        let (keep, warn) = settable_groups(&[0, 10], &single, false);
        assert_eq!(keep, [0]);
        assert_eq!(warn, ["Additional gid=10 is not present in the user namespace, skip setting it"]);
        let (keep, warn) = settable_groups(&[0], &single, true);
        assert!(keep.is_empty());
        assert!(warn[0].contains("setgroups is denied"), "{warn:?}");
        let full = [
            IdMap { container_id: 0, host_id: 1000, size: 1 },
            IdMap { container_id: 1, host_id: 100000, size: 65536 },
        ];
        assert_eq!(settable_groups(&[10, 65536, 65537], &full, false).0, [10, 65536]);
    }
}
