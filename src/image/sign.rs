//! `push --sign-by`: containers/image's "simple signing". The payload is an
//! atomic container signature (JSON naming the pushed reference and its
//! manifest digest), signed by `gpg` with the given key (GNUPGHOME as set),
//! and written to the lookaside ("sigstore") directory that registries.d
//! configures for the destination, as
//! `<dir>/<repository path>@sha256=<hex>/signature-1` (rpod copies no
//! signatures, so the new one is the only one; a stale `signature-2…` of
//! an earlier push is removed, as containers/image does).
//!
//! registries.d: `$HOME/.config/containers/registries.d` when it exists,
//! else `/etc/containers/registries.d`; every `*.yaml` there, `docker:`
//! scopes (longest prefix of `host/repo:tag` wins) over `default-docker:`,
//! `lookaside-staging`/`sigstore-staging` over `lookaside`/`sigstore`.
//! Only `file://` places can be written (containers/image's rule too);
//! without any configuration: `/var/lib/containers/sigstore` as root,
//! `$HOME/.local/share/containers/sigstore` otherwise.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{anyhow, bail, Context as _};

use crate::error::{ExitCode, Failure};

/// The key and its passphrase (`--sign-by`, `--sign-passphrase-file`).
#[derive(Debug, Clone)]
pub struct Signer {
    pub key: String,
    pub passphrase_file: Option<PathBuf>,
}

/// The atomic container signature's payload (containers/image's layout).
pub fn payload(docker_reference: &str, manifest_digest: &str, timestamp: i64) -> Vec<u8> {
    let v = serde_json::json!({
        "critical": {
            "identity": {"docker-reference": docker_reference},
            "image": {"docker-manifest-digest": manifest_digest},
            "type": "atomic container signature"
        },
        "optional": {
            "creator": format!("rpod {}", env!("CARGO_PKG_VERSION")),
            "timestamp": timestamp
        }
    });
    v.to_string().into_bytes()
}

/// The payload signed by gpg (an OpenPGP message, payload included).
pub fn sign(signer: &Signer, payload: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut cmd = Command::new("gpg");
    cmd.args(["--batch", "--no-tty", "--sign", "--local-user", &signer.key, "--output", "-"]);
    if let Some(f) = &signer.passphrase_file {
        std::fs::metadata(f).with_context(|| format!("--sign-passphrase-file {}", f.display()))?;
        cmd.args(["--pinentry-mode", "loopback", "--passphrase-file"]).arg(f);
    }
    // The payload from a file, not a pipe: gpg may exit before reading it
    // (an unknown key), and a write to its closed stdin would be SIGPIPE.
    let mut file = tempfile::NamedTempFile::new().context("a temporary file for the signature's payload")?;
    file.write_all(payload).context("writing the signature's payload")?;
    cmd.arg("--").arg(file.path());
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failure::new(ExitCode::Engine, format!("--sign-by needs gpg (GnuPG): running gpg: {e}")))?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "signing with key {}: gpg failed ({}): {}",
                signer.key,
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        )
        .into());
    }
    Ok(out.stdout)
}

/// One registries.d setting: scope (`""` for `default-docker`) → key → value.
type Config = BTreeMap<String, BTreeMap<String, String>>;

/// The registries.d directory in use.
fn config_dir(home: Option<&Path>) -> PathBuf {
    if let Some(h) = home {
        let user = h.join(".config/containers/registries.d");
        if user.is_dir() {
            return user;
        }
    }
    PathBuf::from("/etc/containers/registries.d")
}

/// Every `*.yaml` of `dir`, merged (a scope defined twice is an error, as
/// containers/image has it).
fn read_config(dir: &Path) -> anyhow::Result<Config> {
    let mut out = Config::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(out) };
    let mut files: Vec<PathBuf> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "yaml")).collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        for (scope, keys) in parse(&text).with_context(|| format!("{}", f.display()))? {
            if out.insert(scope.clone(), keys).is_some() {
                let what =
                    if scope.is_empty() { "default-docker".to_string() } else { format!("docker namespace {scope}") };
                bail!("{}: {what} defined more than once", f.display());
            }
        }
    }
    Ok(out)
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    s.to_string()
}

/// The registries.d subset rpod reads: `default-docker:` and `docker:`
/// mappings of string values, block style, `#` comments. Anything else
/// in those sections is an error (never silently skipped).
fn parse(text: &str) -> anyhow::Result<Config> {
    let mut out = Config::new();
    let (mut section, mut scope): (Option<String>, Option<String>) = (None, None);
    let mut scope_indent = 0;
    for (n, raw) in text.lines().enumerate() {
        let line = match raw.find(" #") {
            Some(i) => &raw[..i],
            None if raw.trim_start().starts_with('#') => "",
            None => raw,
        };
        if line.trim().is_empty() || line.trim() == "---" {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        // `KEY:` or `KEY: VALUE` (a key such as `host:port/repo` has colons of its own).
        let t = line.trim();
        let (k, v) = match t.strip_suffix(':') {
            Some(k) => (k, ""),
            None => t.split_once(": ").ok_or_else(|| anyhow!("line {}: expected KEY: VALUE", n + 1))?,
        };
        let (k, v) = (unquote(k), v.trim().to_string());
        if indent == 0 {
            section = Some(k.clone());
            scope = None;
            if !v.is_empty() {
                bail!("line {}: {k} must be a mapping", n + 1);
            }
            if k == "default-docker" {
                out.entry(String::new()).or_default();
            }
            continue;
        }
        match section.as_deref() {
            Some("default-docker") => {
                out.entry(String::new()).or_default().insert(k, unquote(&v));
            }
            Some("docker") => {
                if v.is_empty() && (scope.is_none() || indent <= scope_indent) {
                    scope_indent = indent;
                    scope = Some(k.clone());
                    out.entry(k).or_default();
                } else if let Some(s) = scope.as_ref().filter(|_| indent > scope_indent) {
                    out.entry(s.clone()).or_default().insert(k, unquote(&v));
                } else {
                    bail!("line {}: expected a namespace under docker:", n + 1);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The lookaside directory to write signatures of `reference`
/// (`host/repo:tag`) to.
pub fn lookaside_dir(reference: &str, home: Option<&Path>, root: bool) -> anyhow::Result<PathBuf> {
    let config = read_config(&config_dir(home))?;
    // The longest `docker:` scope that is the reference or a prefix of it at a `/` (or `:`).
    let scoped = config
        .iter()
        .filter(|(s, _)| !s.is_empty())
        .filter(|(s, _)| {
            reference == s.as_str() || reference.strip_prefix(s.as_str()).is_some_and(|r| r.starts_with(['/', ':']))
        })
        .max_by_key(|(s, _)| s.len())
        .map(|(_, v)| v);
    let pick = |keys: &BTreeMap<String, String>| -> Option<String> {
        ["lookaside-staging", "sigstore-staging", "lookaside", "sigstore"].iter().find_map(|k| keys.get(*k).cloned())
    };
    let url = scoped.and_then(pick).or_else(|| config.get("").and_then(pick));
    match url {
        Some(u) => match u.strip_prefix("file://") {
            Some(p) if p.starts_with('/') => Ok(PathBuf::from(p)),
            _ => Err(Failure::new(
                ExitCode::Engine,
                format!("writing signatures to {u} is not supported: only a file:// lookaside can be written (registries.d)"),
            )
            .into()),
        },
        None if root => Ok(PathBuf::from("/var/lib/containers/sigstore")),
        None => {
            let home = home.ok_or_else(|| anyhow!("HOME is not set: cannot find the signature store"))?;
            Ok(home.join(".local/share/containers/sigstore"))
        }
    }
}

/// Writes `signature` as the image's only signature; returns its path.
pub fn store(dir: &Path, repository_path: &str, manifest_digest: &str, signature: &[u8]) -> anyhow::Result<PathBuf> {
    let (algo, hex) = manifest_digest.split_once(':').ok_or_else(|| anyhow!("bad digest {manifest_digest}"))?;
    let sig_dir = dir.join(format!("{repository_path}@{algo}={hex}"));
    std::fs::create_dir_all(&sig_dir).with_context(|| format!("creating {}", sig_dir.display()))?;
    let path = sig_dir.join("signature-1");
    crate::files::write_atomic_as(&path, signature, Some(0o644), None)?;
    for i in 2.. {
        match std::fs::remove_file(sig_dir.join(format!("signature-{i}"))) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => break,
            Err(e) => return Err(e).with_context(|| format!("removing an old signature in {}", sig_dir.display())),
        }
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registries_d_scopes_and_defaults() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join(".config/containers/registries.d");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(
            d.join("default.yaml"),
            "# comment\ndefault-docker:\n  sigstore-staging: file:///var/sig\n  lookaside: https://example.com/sig\n",
        )
        .unwrap();
        std::fs::write(
            d.join("mine.yaml"),
            "docker:\n  127.0.0.1:5000/team:\n    lookaside: \"file:///srv/team\"\n  127.0.0.1:5000:\n    lookaside: https://x.example/sigs # remote\n",
        )
        .unwrap();
        let home = Some(t.path());
        assert_eq!(lookaside_dir("127.0.0.1:5000/team/app:1", home, false).unwrap(), Path::new("/srv/team"));
        let err = lookaside_dir("127.0.0.1:5000/teamx/app:1", home, false).unwrap_err().to_string();
        assert!(err.contains("https://x.example/sigs"), "{err}");
        assert_eq!(lookaside_dir("quay.io/a/b:1", home, false).unwrap(), Path::new("/var/sig"));
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(
            lookaside_dir("quay.io/a/b:1", Some(empty.path()), false).unwrap(),
            empty.path().join(".local/share/containers/sigstore")
        );
        std::fs::write(d.join("bad.yaml"), "docker:\n    x: y\n  broken\n").unwrap();
        assert!(lookaside_dir("quay.io/a/b:1", home, false).is_err());
    }

    #[test]
    fn signatures_replace_older_ones() {
        let t = tempfile::tempdir().unwrap();
        let p = store(t.path(), "library/busybox", "sha256:abcd", b"one").unwrap();
        assert_eq!(p, t.path().join("library/busybox@sha256=abcd/signature-1"));
        std::fs::write(t.path().join("library/busybox@sha256=abcd/signature-2"), b"old").unwrap();
        store(t.path(), "library/busybox", "sha256:abcd", b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(!t.path().join("library/busybox@sha256=abcd/signature-2").exists());
        let v: serde_json::Value = serde_json::from_slice(&payload("h/r:t", "sha256:abcd", 5)).unwrap();
        assert_eq!(v["critical"]["type"], "atomic container signature");
        assert_eq!(v["critical"]["identity"]["docker-reference"], "h/r:t");
        assert_eq!(v["critical"]["image"]["docker-manifest-digest"], "sha256:abcd");
    }
}
