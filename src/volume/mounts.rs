//! A container's mounts: `-v/--volume`, `--mount`, `--tmpfs`,
//! `--volumes-from` and the image's `VOLUME`, parsed and checked at
//! `create` into [`MountSpec`]s (recorded with the container), turned into
//! OCI mounts at `start` ([`oci_mount`]) and into Docker's `Mounts` for
//! `inspect` ([`inspect_json`]). Every option is applied or refused with
//! an error; none is dropped.

use std::path::Path;

use anyhow::bail;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::error::{ExitCode, Failure};

/// What is mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A host path.
    #[default]
    Bind,
    /// A named or anonymous volume.
    Volume,
    Tmpfs,
    /// An image's file system (read-only unless `rw=true`).
    Image,
    Devpts,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Bind => "bind",
            Kind::Volume => "volume",
            Kind::Tmpfs => "tmpfs",
            Kind::Image => "image",
            Kind::Devpts => "devpts",
        }
    }
}

/// One mount of a container, as recorded at `create`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MountSpec {
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Bind: the absolute host path; volume: its name; image: the image's
    /// ID; tmpfs, devpts: empty.
    pub source: String,
    /// Absolute, cleaned.
    pub destination: String,
    /// Mount options for the runtime: `ro`, `nosuid`, `nodev`, `noexec`
    /// (and their opposites), `size=`, `mode=` …; no propagation.
    pub options: Vec<String>,
    /// `rprivate` (the default), `rshared`, `rslave`, … (bind mounts).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub propagation: String,
    /// Bind recursively (`rbind`, the default) or not (`bind`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub non_recursive: bool,
    /// An anonymous volume (removed with the container by `rm -v`, `--rm`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    /// `U`: the source is made the container user's (recursively) at start.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub chown: bool,
    /// `O`: an overlay over the host directory; writes go to a layer of
    /// the container's own and the host directory stays as it is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overlay: bool,
    /// `nocopy`: the image's files are not copied into a new volume.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub nocopy: bool,
    /// Image mounts: the image's layers (chain IDs, base first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<String>,
    /// `z`/`Z` as given (shown by inspect; only accepted without SELinux).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub relabel: String,
}

impl MountSpec {
    pub fn read_only(&self) -> bool {
        let mut ro = false;
        for o in &self.options {
            match o.as_str() {
                "ro" => ro = true,
                "rw" => ro = false,
                _ => {}
            }
        }
        ro
    }

    fn set_read_only(&mut self, ro: bool) {
        self.options.retain(|o| o != "ro" && o != "rw");
        if ro {
            self.options.push("ro".into());
        }
    }
}

fn usage(msg: impl Into<String>) -> anyhow::Error {
    Failure::new(ExitCode::Engine, msg).into()
}

/// An absolute container path, cleaned (`/a/./b/` → `/a/b`); `/` itself
/// cannot be a mount point.
fn container_path(p: &str, what: &str) -> anyhow::Result<String> {
    if !p.starts_with('/') {
        bail!("{what} {p:?}: the path in the container must be absolute");
    }
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        bail!("{what} {p:?}: cannot mount over the container's root");
    }
    Ok(format!("/{}", parts.join("/")))
}

/// Is SELinux enabled on this host (relabeling `z`/`Z` would be needed)?
fn selinux_enabled() -> bool {
    Path::new("/sys/fs/selinux/enforce").exists()
}

fn relabel(opt: &str) -> anyhow::Result<String> {
    if selinux_enabled() {
        return Err(usage(format!(
            "the {opt} option relabels the source for SELinux, which rpod cannot do: SELinux is enabled on this host"
        )));
    }
    Ok(opt.to_string())
}

/// A host path for a bind mount: absolute (relative to the working
/// directory), and it must exist (Podman's rule).
fn host_path(src: &str) -> anyhow::Result<String> {
    let p = Path::new(src);
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    match std::fs::metadata(&abs) {
        Ok(_) => {}
        Err(e) => return Err(usage(format!("statfs {}: {}", abs.display(), io_text(&e)))),
    }
    // Lexically cleaned, symlinks kept: the runtime opens the path itself.
    let s = abs.to_string_lossy();
    let mut parts: Vec<&str> = Vec::new();
    for c in s.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    Ok(format!("/{}", parts.join("/")))
}

fn io_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

const PROPAGATIONS: [&str; 8] =
    ["private", "rprivate", "shared", "rshared", "slave", "rslave", "unbindable", "runbindable"];

/// `-v/--volume SRC:DEST[:OPTS]`, `NAME:DEST[:OPTS]`, `DEST[:OPTS]`.
pub fn parse_volume(s: &str) -> anyhow::Result<MountSpec> {
    let bad = |why: &str| usage(format!("invalid volume {s:?}: {why}"));
    let parts: Vec<&str> = s.split(':').collect();
    let (src, dest, opts) = match parts.as_slice() {
        [d] => (None, *d, ""),
        [a, b] if b.starts_with('/') => (Some(*a), *b, ""),
        [d, o] => (None, *d, *o),
        [a, b, o] => (Some(*a), *b, *o),
        _ => return Err(bad("expected [SOURCE:]DESTINATION[:OPTIONS]")),
    };
    if dest.is_empty() {
        return Err(bad("no destination"));
    }
    let destination = container_path(dest, "volume").map_err(|e| usage(format!("{e}")))?;
    let mut m = MountSpec { destination, ..Default::default() };
    match src {
        None => {
            m.kind = Kind::Volume;
            m.anonymous = true;
        }
        Some("") => return Err(bad("empty source")),
        Some(p) if p.starts_with('/') || p.starts_with('.') => {
            m.kind = Kind::Bind;
            m.source = host_path(p)?;
        }
        Some(name) => {
            if !rpod_storage::volumes::valid_name(name) {
                return Err(bad(&format!(
                    "{name:?} is neither an absolute host path nor a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)"
                )));
            }
            m.kind = Kind::Volume;
            m.source = name.to_string();
        }
    }
    let (mut rw_seen, mut prop_seen, mut relabel_seen) = (false, false, false);
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" | "rw" => {
                if rw_seen {
                    return Err(bad("cannot pass 'ro' and 'rw' options more than once"));
                }
                rw_seen = true;
                m.set_read_only(o == "ro");
            }
            "z" | "Z" => {
                if relabel_seen {
                    return Err(bad("cannot pass 'z' or 'Z' options more than once"));
                }
                relabel_seen = true;
                m.relabel = relabel(o)?;
            }
            "U" => m.chown = true,
            "O" => {
                if m.kind != Kind::Bind {
                    return Err(bad("the O (overlay) option needs a host directory as the source"));
                }
                m.overlay = true;
            }
            "noexec" | "exec" | "nosuid" | "suid" | "nodev" | "dev" => m.options.push(o.to_string()),
            "bind" => m.non_recursive = true,
            "rbind" => m.non_recursive = false,
            p if PROPAGATIONS.contains(&p) => {
                if prop_seen {
                    return Err(bad("cannot pass more than one propagation option"));
                }
                if m.kind != Kind::Bind {
                    return Err(bad("propagation options apply to bind mounts only"));
                }
                prop_seen = true;
                m.propagation = p.to_string();
            }
            "copy" | "nocopy" => {
                if m.kind != Kind::Volume {
                    return Err(bad("copy and nocopy apply to volumes only"));
                }
                m.nocopy = o == "nocopy";
            }
            "idmap" | "ridmap" => return Err(idmap_unsupported(s)),
            other => return Err(bad(&format!("unknown option {other:?}"))),
        }
    }
    if m.overlay && (m.chown || m.read_only()) {
        return Err(bad("the O (overlay) option cannot be combined with U, ro"));
    }
    Ok(m)
}

fn idmap_unsupported(what: &str) -> anyhow::Error {
    usage(format!(
        "{what}: idmapped mounts are not supported by rpod yet (the container's user namespace would have to be \
         applied to the mount); without idmap the files show with their host owners mapped through the user namespace"
    ))
}

fn parse_bool(key: &str, v: Option<&str>) -> anyhow::Result<bool> {
    match v {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(other) => Err(usage(format!("--mount {key}={other}: expected true or false"))),
    }
}

fn need<'a>(v: Option<&'a str>, key: &str, spec: &str) -> anyhow::Result<&'a str> {
    v.filter(|v| !v.is_empty()).ok_or_else(|| usage(format!("invalid --mount {spec:?}: {key} needs a value")))
}

/// `--mount type=bind|volume|tmpfs|image|devpts,KEY=VALUE,...`.
pub fn parse_mount(s: &str) -> anyhow::Result<MountSpec> {
    let bad = |why: String| usage(format!("invalid --mount {s:?}: {why}"));
    let mut kind = None;
    let mut source = None;
    let mut target = None;
    let mut m = MountSpec::default();
    let mut fs_opts: Vec<String> = Vec::new();
    let mut ro: Option<bool> = None;
    for field in s.split(',').filter(|f| !f.is_empty()) {
        let (k, v) = match field.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (field, None),
        };
        match k {
            "type" => {
                kind = Some(match need(v, k, s)? {
                    "bind" => Kind::Bind,
                    "volume" => Kind::Volume,
                    "tmpfs" => Kind::Tmpfs,
                    "image" => Kind::Image,
                    "devpts" => Kind::Devpts,
                    t => return Err(bad(format!("unknown type {t:?} (bind, volume, tmpfs, image, devpts)"))),
                })
            }
            "source" | "src" => source = Some(need(v, k, s)?.to_string()),
            "target" | "dst" | "destination" => target = Some(need(v, k, s)?.to_string()),
            "readonly" | "ro" => ro = Some(parse_bool(k, v)?),
            "rw" => ro = Some(!parse_bool(k, v)?),
            "bind-propagation" => {
                let p = need(v, k, s)?;
                if !PROPAGATIONS.contains(&p) {
                    return Err(bad(format!("unknown bind-propagation {p:?}")));
                }
                m.propagation = p.to_string();
            }
            "bind-nonrecursive" => m.non_recursive = parse_bool(k, v)?,
            "relabel" => match need(v, k, s)? {
                "shared" => m.relabel = relabel("z")?,
                "private" => m.relabel = relabel("Z")?,
                r => return Err(bad(format!("relabel={r}: expected shared or private"))),
            },
            "z" | "Z" => m.relabel = relabel(k)?,
            "U" | "chown" => m.chown = parse_bool(k, v)?,
            "volume-nocopy" => m.nocopy = parse_bool(k, v)?,
            "volume-opt" => match need(v, k, s)? {
                "nocopy" => m.nocopy = true,
                o => return Err(bad(format!("volume-opt={o}: only nocopy is supported (create the volume with rpod volume create --opt for driver options)"))),
            },
            "volume-driver" => {
                if need(v, k, s)? != "local" {
                    return Err(bad("only the local volume driver exists".into()));
                }
            }
            "tmpfs-size" => fs_opts.push(format!("size={}", need(v, k, s)?)),
            "tmpfs-mode" => {
                let mode = need(v, k, s)?;
                if u32::from_str_radix(mode, 8).is_err() {
                    return Err(bad(format!("tmpfs-mode={mode}: expected an octal mode")));
                }
                fs_opts.push(format!("mode={mode}"));
            }
            "tmpcopyup" | "notmpcopyup" => {
                if k == "tmpcopyup" {
                    return Err(bad("tmpcopyup is not supported by rpod: the tmpfs starts empty".into()));
                }
            }
            "noexec" | "exec" | "nosuid" | "suid" | "nodev" | "dev" => fs_opts.push(k.to_string()),
            "uid" | "gid" | "mode" | "max" | "ptmxmode" => {
                let val = need(v, k, s)?;
                if val.parse::<u32>().is_err() {
                    return Err(bad(format!("{k}={val}: expected a number")));
                }
                fs_opts.push(format!("{k}={val}"));
            }
            "consistency" => {
                // Docker for Mac's hint; every mount is consistent here.
                need(v, k, s)?;
            }
            "idmap" => return Err(idmap_unsupported(s)),
            other => return Err(bad(format!("unknown key {other:?}"))),
        }
    }
    let kind = kind.ok_or_else(|| bad("type= is required".into()))?;
    let target = target.ok_or_else(|| bad("target= is required".into()))?;
    m.kind = kind;
    m.destination = container_path(&target, "--mount").map_err(|e| usage(format!("{e}")))?;
    let key_for = |ks: &[Kind]| ks.contains(&kind);
    if !m.propagation.is_empty() && !key_for(&[Kind::Bind]) {
        return Err(bad("bind-propagation applies to type=bind".into()));
    }
    if m.nocopy && !key_for(&[Kind::Volume]) {
        return Err(bad("volume-nocopy applies to type=volume".into()));
    }
    let tmpfs_keys = fs_opts.iter().any(|o| o.starts_with("size=") || o.starts_with("mode="));
    if tmpfs_keys && !key_for(&[Kind::Tmpfs, Kind::Devpts]) {
        return Err(bad("tmpfs-size and tmpfs-mode apply to type=tmpfs".into()));
    }
    let devpts_keys = fs_opts.iter().any(|o| ["uid=", "gid=", "max=", "ptmxmode="].iter().any(|k| o.starts_with(k)));
    if devpts_keys && kind != Kind::Devpts && kind != Kind::Tmpfs {
        return Err(bad("uid, gid, max, ptmxmode apply to type=devpts (uid, gid also to tmpfs)".into()));
    }
    match kind {
        Kind::Bind => {
            let src = source.ok_or_else(|| bad("type=bind needs source=".into()))?;
            m.source = host_path(&src)?;
        }
        Kind::Volume => match source {
            Some(n) => {
                if !rpod_storage::volumes::valid_name(&n) {
                    return Err(bad(format!("{n:?} is not a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)")));
                }
                m.source = n;
            }
            None => m.anonymous = true,
        },
        Kind::Image => {
            m.source = source.ok_or_else(|| bad("type=image needs source=IMAGE".into()))?;
            // Read-only unless rw=true.
            if ro.is_none() {
                ro = Some(true);
            }
        }
        Kind::Tmpfs | Kind::Devpts => {
            if source.is_some() {
                return Err(bad(format!("type={} takes no source", kind.as_str())));
            }
            if m.chown && kind == Kind::Devpts {
                return Err(bad("U applies to bind, volume and tmpfs mounts".into()));
            }
        }
    }
    if kind == Kind::Tmpfs {
        // Podman's defaults, under what was asked for.
        let asked = |d: &str| fs_opts.iter().any(|o| o.trim_start_matches("no") == d);
        m.options = ["nosuid", "nodev"].into_iter().filter(|d| !asked(&d[2..])).map(String::from).collect();
    }
    if kind == Kind::Volume || kind == Kind::Bind {
        m.options.extend(fs_opts.iter().filter(|o| !o.contains('=')).cloned());
        if fs_opts.iter().any(|o| o.contains('=')) {
            return Err(bad(format!("{:?} do not apply to type={}", fs_opts, kind.as_str())));
        }
    } else {
        m.options.extend(fs_opts);
    }
    if let Some(r) = ro {
        m.set_read_only(r);
    }
    Ok(m)
}

/// `--tmpfs PATH[:OPTIONS]`: Podman's defaults `rw,noexec,nosuid,nodev`
/// under the options given.
pub fn parse_tmpfs(s: &str) -> anyhow::Result<MountSpec> {
    let (dest, opts) = s.split_once(':').unwrap_or((s, ""));
    let destination = container_path(dest, "--tmpfs").map_err(|e| usage(format!("{e}")))?;
    let mut options: Vec<String> = Vec::new();
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o {
            "tmpcopyup" => {
                return Err(usage(format!("--tmpfs {s}: tmpcopyup is not supported by rpod: the tmpfs starts empty")))
            }
            "notmpcopyup" => {}
            "idmap" => return Err(idmap_unsupported(s)),
            o if PROPAGATIONS.contains(&o) => {
                return Err(usage(format!("--tmpfs {s}: propagation options apply to bind mounts only")))
            }
            o => options.push(o.to_string()),
        }
    }
    let mut all: Vec<String> = Vec::new();
    for (d, opposite) in [("rw", "ro"), ("noexec", "exec"), ("nosuid", "suid"), ("nodev", "dev")] {
        if !options.iter().any(|o| o == d || o == opposite) {
            all.push(d.into());
        }
    }
    all.extend(options);
    Ok(MountSpec { kind: Kind::Tmpfs, destination, options: all, ..Default::default() })
}

/// `--volumes-from CTR[:ro|rw]`: the other container's bind mounts and
/// volumes at the same places, read-only or writable as asked (else as
/// there).
pub fn from_container(spec: &str, theirs: &[MountSpec]) -> anyhow::Result<(String, Vec<MountSpec>)> {
    let (name, mode) = match spec.rsplit_once(':') {
        Some((n, m))
            if ["ro", "rw", "z", "Z"]
                .iter()
                .any(|x| m.split(',').all(|p| p == *x || ["ro", "rw", "z", "Z"].contains(&p))) =>
        {
            (n, Some(m))
        }
        _ => (spec, None),
    };
    let mut ro = None;
    for p in mode.into_iter().flat_map(|m| m.split(',')) {
        match p {
            "ro" => ro = Some(true),
            "rw" => ro = Some(false),
            z => {
                relabel(z)?;
            }
        }
    }
    let mut out = Vec::new();
    for m in theirs.iter().filter(|m| matches!(m.kind, Kind::Bind | Kind::Volume)) {
        let mut m = m.clone();
        // The volume is theirs: removing this container leaves it.
        m.anonymous = false;
        m.chown = false;
        if let Some(r) = ro {
            m.set_read_only(r);
        }
        out.push(m);
    }
    Ok((name.to_string(), out))
}

/// Later mounts on the same destination replace earlier ones (the order:
/// `--volumes-from`, then `-v`, `--mount`, `--tmpfs`); the same
/// destination twice among the user's own flags is an error (Podman).
pub fn merge(inherited: Vec<MountSpec>, own: Vec<MountSpec>) -> anyhow::Result<Vec<MountSpec>> {
    let mut out: Vec<MountSpec> = Vec::new();
    for m in &own {
        if own.iter().filter(|o| o.destination == m.destination).count() > 1 {
            return Err(usage(format!("{}: duplicate mount destination", m.destination)));
        }
    }
    for m in inherited.into_iter().chain(own) {
        out.retain(|o| o.destination != m.destination);
        out.push(m);
    }
    Ok(out)
}

/// The options the runtime gets for a bind mount (of a host path or a
/// volume's directory).
pub fn bind_options(m: &MountSpec) -> Vec<String> {
    let mut o = vec![if m.non_recursive { "bind" } else { "rbind" }.to_string()];
    if m.kind == Kind::Volume {
        for d in ["nosuid", "nodev"] {
            if !m.options.iter().any(|x| x.trim_start_matches("no") == d.trim_start_matches("no")) {
                o.push(d.into());
            }
        }
    }
    o.extend(m.options.iter().cloned());
    o.push(if m.propagation.is_empty() { "rprivate".into() } else { m.propagation.clone() });
    o
}

/// Docker's shape of one mount for `inspect`'s `Mounts`; `volume_path`
/// gives a volume's directory.
pub fn inspect_json(m: &MountSpec, volume_path: &dyn Fn(&str) -> String) -> Value {
    let mut options: Vec<String> = match m.kind {
        Kind::Bind | Kind::Volume => bind_options(m),
        _ => m.options.clone(),
    };
    options.retain(|o| o != "ro" && o != "rw" && !PROPAGATIONS.contains(&o.as_str()));
    let propagation = match m.kind {
        Kind::Bind | Kind::Volume if m.propagation.is_empty() => "rprivate".to_string(),
        _ => m.propagation.clone(),
    };
    let mut v = json!({
        "Type": m.kind.as_str(),
        "Source": match m.kind {
            Kind::Volume => volume_path(&m.source),
            Kind::Tmpfs | Kind::Devpts => m.kind.as_str().to_string(),
            _ => m.source.clone(),
        },
        "Destination": m.destination,
        "Driver": if m.kind == Kind::Volume { "local" } else { "" },
        "Mode": m.relabel,
        "Options": options,
        "RW": !m.read_only(),
        "Propagation": propagation,
    });
    if m.kind == Kind::Volume {
        if let Some(o) = v.as_object_mut() {
            let mut ordered = serde_json::Map::new();
            ordered.insert("Type".into(), o["Type"].clone());
            ordered.insert("Name".into(), json!(m.source));
            for (k, val) in o.iter().filter(|(k, _)| *k != "Type") {
                ordered.insert(k.clone(), val.clone());
            }
            *o = ordered;
        }
    }
    v
}

/// Checks of a whole set at `create`: `--read-only` and friends need no
/// more; a mount under `/proc` or `/sys` or on `/dev` itself is refused.
pub fn check(mounts: &[MountSpec]) -> anyhow::Result<()> {
    for m in mounts {
        let d = m.destination.as_str();
        if d == "/proc" || d.starts_with("/proc/") || d == "/dev" || d == "/sys" {
            return Err(usage(format!("{d}: cannot mount over the container's {d}")));
        }
    }
    Ok(())
}

/// A readable error for a volume name that is a path by mistake.
pub fn describe(m: &MountSpec) -> String {
    match m.kind {
        Kind::Volume if m.anonymous => format!("anonymous volume on {}", m.destination),
        Kind::Volume => format!("volume {} on {}", m.source, m.destination),
        k => format!("{} mount of {} on {}", k.as_str(), m.source, m.destination),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_forms() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().display().to_string();
        let m = parse_volume(&format!("{p}:/data:ro,Z,noexec,rshared")).unwrap();
        assert_eq!((m.kind, m.source.as_str(), m.destination.as_str()), (Kind::Bind, p.as_str(), "/data"));
        assert!(m.read_only());
        assert_eq!(m.propagation, "rshared");
        assert_eq!(bind_options(&m), vec!["rbind", "ro", "noexec", "rshared"]);
        let m = parse_volume("cache:/var/cache/./x/").unwrap();
        assert_eq!((m.kind, m.source.as_str(), m.destination.as_str()), (Kind::Volume, "cache", "/var/cache/x"));
        assert_eq!(bind_options(&m), vec!["rbind", "nosuid", "nodev", "rprivate"]);
        let m = parse_volume("/anon").unwrap();
        assert!(m.anonymous && m.kind == Kind::Volume);
        let m = parse_volume("/anon:ro").unwrap();
        assert!(m.anonymous && m.read_only());
        assert!(parse_volume("/nonexistent-rpod-dir:/x").is_err());
        assert!(parse_volume("rel/x:/x").is_err());
        assert!(parse_volume(&format!("{p}:/x:ro,rw")).is_err());
        assert!(parse_volume(&format!("{p}:/x:bogus")).is_err());
        assert!(parse_volume(&format!("{p}:/x:idmap")).is_err());
        assert!(parse_volume("vol:/x:rshared").is_err());
        assert!(parse_volume("vol:/").is_err());
        assert!(parse_volume("vol:rel").is_err());
    }

    #[test]
    fn mount_forms() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().display().to_string();
        let m = parse_mount(&format!("type=bind,src={p},dst=/x,readonly,bind-propagation=rslave")).unwrap();
        assert!(m.read_only() && m.propagation == "rslave");
        let m = parse_mount("type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=1777").unwrap();
        assert_eq!(m.options, vec!["nosuid", "nodev", "size=1m", "mode=1777"]);
        let m = parse_mount("type=volume,target=/v").unwrap();
        assert!(m.anonymous);
        let m = parse_mount("type=volume,source=v1,target=/v,volume-nocopy").unwrap();
        assert!(m.nocopy && m.source == "v1");
        let m = parse_mount("type=image,source=busybox,target=/img").unwrap();
        assert!(m.read_only());
        let m = parse_mount("type=devpts,target=/dev/pts2,uid=0,gid=5,mode=620").unwrap();
        assert_eq!(m.options, vec!["uid=0", "gid=5", "mode=620"]);
        assert!(parse_mount("target=/x").is_err());
        assert!(parse_mount("type=bind,target=/x").is_err());
        assert!(parse_mount("type=tmpfs,target=/x,bind-propagation=shared").is_err());
        assert!(parse_mount("type=volume,target=/x,tmpfs-size=1m").is_err());
        assert!(parse_mount("type=bind,src=/,target=/x,bogus=1").is_err());
    }

    #[test]
    fn tmpfs_and_merge() {
        let m = parse_tmpfs("/run/x:size=10m,exec").unwrap();
        assert_eq!(m.options, vec!["rw", "nosuid", "nodev", "size=10m", "exec"]);
        assert!(parse_tmpfs("rel").is_err());
        let a = parse_tmpfs("/a").unwrap();
        let b = parse_tmpfs("/a:ro").unwrap();
        assert!(merge(vec![], vec![a.clone(), b.clone()]).is_err());
        assert_eq!(merge(vec![a], vec![b.clone()]).unwrap(), vec![b]);
        let vol = parse_volume("v:/d").unwrap();
        let (n, got) = from_container("web:ro", std::slice::from_ref(&vol)).unwrap();
        assert_eq!(n, "web");
        assert!(got[0].read_only());
        let (n, _) = from_container("web", &[]).unwrap();
        assert_eq!(n, "web");
    }

    #[test]
    fn inspect_shape() {
        let m = parse_volume("v:/d:ro").unwrap();
        let j = inspect_json(&m, &|n| format!("/vols/{n}/_data"));
        assert_eq!(
            serde_json::to_string(&j).unwrap(),
            r#"{"Type":"volume","Name":"v","Source":"/vols/v/_data","Destination":"/d","Driver":"local","Mode":"","Options":["rbind","nosuid","nodev"],"RW":false,"Propagation":"rprivate"}"#
        );
    }
}
