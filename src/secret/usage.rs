//! `run/create --secret NAME[,type=mount|env][,target=...][,uid=,gid=,mode=]`
//! (Podman's syntax and messages): checked and recorded at create, the
//! data read from the store at each start (a secret removed in between
//! fails the start, as in Podman). A mount secret is a file written into
//! the container's run directory and bound read-only at `/run/secrets/NAME`
//! (or `target`: absolute, or relative to `/run/secrets`); an env secret
//! is a variable (named `target`, default NAME) over every other setting.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::error::{ExitCode, Failure};

/// How the container gets a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Mount,
    Env,
}

/// One `--secret`, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretUse {
    /// The secret's name as given (looked up again at each start).
    pub name: String,
    /// Its ID at create (`Config.Secrets` of inspect).
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub kind: Kind,
    /// Mount: the absolute path in the container; env: the variable.
    pub target: String,
    #[serde(default)]
    pub uid: u32,
    #[serde(default)]
    pub gid: u32,
    /// Octal permission bits of the mounted file (Podman's default 0444).
    #[serde(default = "default_mode")]
    pub mode: u32,
}

fn default_mode() -> u32 {
    0o444
}

/// Where mounted secrets go by default.
pub const SECRETS_DIR: &str = "/run/secrets";

fn parse_error(message: String) -> anyhow::Error {
    Failure::new(ExitCode::Engine, format!("{message}: parsing secret")).into()
}

/// One `--secret` value (Podman's `parseSecrets`).
pub fn parse(value: &str) -> anyhow::Result<SecretUse> {
    let mut parts: Vec<&str> = value.split(',').collect();
    let mut source = String::new();
    if parts.len() == 1 || !parts[0].contains('=') {
        source = parts.remove(0).to_string();
    }
    let (mut kind, mut target, mut uid, mut gid, mut mode) = (None, String::new(), 0, 0, 0o444);
    let mut mount_only = false;
    for p in parts {
        let (k, v) =
            p.split_once('=').ok_or_else(|| parse_error(format!("option {p} must be in form option=value")))?;
        match k {
            "source" => source = v.to_string(),
            "type" => {
                if kind.is_some() {
                    return Err(parse_error("cannot set more than one secret type".into()));
                }
                kind = Some(match v {
                    "mount" => Kind::Mount,
                    "env" => Kind::Env,
                    _ => return Err(parse_error(format!("type {v} is invalid"))),
                });
            }
            "target" => target = v.to_string(),
            "mode" => {
                mount_only = true;
                mode = u32::from_str_radix(v, 8).map_err(|_| parse_error(format!("mode {v} invalid")))?;
                if mode > 0o7777 {
                    return Err(parse_error(format!("mode {v} invalid")));
                }
            }
            "uid" | "UID" => {
                mount_only = true;
                uid = v.parse().map_err(|_| parse_error(format!("UID {v} invalid")))?;
            }
            "gid" | "GID" => {
                mount_only = true;
                gid = v.parse().map_err(|_| parse_error(format!("GID {v} invalid")))?;
            }
            _ => return Err(parse_error(format!("option {p} invalid"))),
        }
    }
    if source.is_empty() {
        return Err(parse_error(format!("no source found {value}")));
    }
    let kind = kind.unwrap_or_default();
    let target = match kind {
        Kind::Env => {
            if mount_only {
                return Err(parse_error("UID, GID, Mode options cannot be set with secret type env".into()));
            }
            if target.is_empty() {
                source.clone()
            } else {
                target
            }
        }
        Kind::Mount => {
            let t = if target.is_empty() { source.clone() } else { target };
            let path = if t.starts_with('/') { PathBuf::from(&t) } else { Path::new(SECRETS_DIR).join(&t) };
            if path.components().any(|c| c == std::path::Component::ParentDir) {
                return Err(parse_error(format!("target {t} must not contain ..")));
            }
            path.to_string_lossy().into_owned()
        }
    };
    Ok(SecretUse { name: source, id: String::new(), kind, target, uid, gid, mode })
}

/// At create: every secret named exists (its ID recorded).
pub fn resolve(store: &super::Store, uses: &mut [SecretUse]) -> anyhow::Result<()> {
    for u in uses.iter_mut() {
        u.id = store.lookup(&u.name)?.id;
    }
    Ok(())
}

/// What a start gives the container: files to bind (source, destination,
/// read-only) and variables.
#[derive(Debug, Default)]
pub struct Provided {
    pub files: Vec<(PathBuf, String)>,
    pub env: Vec<String>,
}

/// At start: the secrets' data, mount ones written 0600→`mode` into
/// `run_dir/secrets/` owned by `owner(uid, gid)` (the container's IDs as
/// this process sees them).
pub fn provide(
    store: &super::Store,
    uses: &[SecretUse],
    run_dir: &Path,
    owner: &dyn Fn(u32, u32) -> (u32, u32),
) -> anyhow::Result<Provided> {
    let mut out = Provided::default();
    if uses.is_empty() {
        return Ok(out);
    }
    let dir = run_dir.join("secrets");
    crate::paths::private_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for (i, u) in uses.iter().enumerate() {
        let s = store.lookup(&u.name)?;
        let data = store.data(&s)?;
        match u.kind {
            Kind::Env => {
                let text = String::from_utf8(data).map_err(|_| {
                    anyhow::anyhow!("secret {}: its data is not UTF-8 text, it cannot be a variable", u.name)
                })?;
                out.env.push(format!("{}={text}", u.target));
            }
            Kind::Mount => {
                let path = dir.join(format!("{i}-{}", s.id));
                crate::files::write_atomic_as(&path, &data[..], Some(u.mode), Some(owner(u.uid, u.gid)))
                    .with_context(|| format!("secret {}", u.name))?;
                out.files.push((path, u.target.clone()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(v: &str) -> String {
        crate::error::render(&parse(v).unwrap_err())
    }

    #[test]
    fn podmans_forms_and_messages() {
        let m = parse("s1").unwrap();
        assert_eq!((m.kind, m.target.as_str(), m.mode, m.uid), (Kind::Mount, "/run/secrets/s1", 0o444, 0));
        let e = parse("s1,type=env").unwrap();
        assert_eq!((e.kind, e.target.as_str()), (Kind::Env, "s1"));
        assert_eq!(parse("s1,type=env,target=FOO").unwrap().target, "FOO");
        let m = parse("s1,target=/etc/x,uid=5,gid=6,mode=0400").unwrap();
        assert_eq!((m.target.as_str(), m.uid, m.gid, m.mode), ("/etc/x", 5, 6, 0o400));
        assert_eq!(parse("s1,target=foo").unwrap().target, "/run/secrets/foo");
        assert_eq!(parse("source=s2,type=mount").unwrap().name, "s2");
        assert_eq!(err("s1,type=bogus"), "Error: type bogus is invalid: parsing secret");
        assert_eq!(
            err("s1,type=env,uid=4"),
            "Error: UID, GID, Mode options cannot be set with secret type env: parsing secret"
        );
        assert_eq!(err("s1,bad=1"), "Error: option bad=1 invalid: parsing secret");
        assert_eq!(err("s1,mode=9"), "Error: mode 9 invalid: parsing secret");
        assert_eq!(err("type=env,target=X"), "Error: no source found type=env,target=X: parsing secret");
        assert!(parse("s1,target=../../etc/passwd").is_err());
    }
}
