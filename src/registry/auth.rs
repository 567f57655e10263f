//! Podman's registry credentials files (containers-auth.json(5)).
//!
//! Read, in order, until one has credentials for the registry:
//! 1. the primary file: `$REGISTRY_AUTH_FILE` (or `--authfile`) if set, else
//!    `$XDG_RUNTIME_DIR/containers/auth.json` (rootless) or
//!    `/run/containers/0/auth.json` (root); rootless or root is the user
//!    rpod runs for, never the UID 0 it has in its own user namespace;
//! 2. `$XDG_CONFIG_HOME/containers/auth.json` (`~/.config/...`);
//! 3. `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`;
//! 4. `~/.dockercfg` (Docker's legacy format).
//!
//! Within a file, entries are keyed by `host[:port]` or by
//! `host[:port]/namespace/.../repo`; the most specific key matching the
//! image wins. A missing file is skipped, and so is a default file the user
//! may not read (with a warning); a file the user named must be readable. `auth` is base64(`user:password`). `login` and `logout` only
//! write the primary file, atomically (temporary file + rename, mode 0600,
//! parent directory created 0700). Credential helpers (`credHelpers`,
//! `credsStore`) are not run.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::{Map, Value};

/// A user name and password (or token) for one registry.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

impl Credentials {
    pub fn new(username: impl Into<String>, password: impl Into<String>) -> Credentials {
        Credentials { username: username.into(), password: password.into() }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials").field("username", &self.username).field("password", &"<redacted>").finish()
    }
}

/// An auth file that could not be read, parsed or written.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("invalid registry {0:?}: expected host[:port][/namespace/repository]")]
    InvalidKey(String),
}

/// What the auth file locations depend on (from the process, or given by tests).
#[derive(Debug, Clone, Default)]
pub struct AuthEnv {
    pub uid: u32,
    pub home: Option<PathBuf>,
    pub xdg_runtime_dir: Option<PathBuf>,
    pub xdg_config_home: Option<PathBuf>,
    /// `$REGISTRY_AUTH_FILE` or `--authfile`.
    pub registry_auth_file: Option<PathBuf>,
    /// `$DOCKER_CONFIG` (a directory).
    pub docker_config: Option<PathBuf>,
}

impl AuthEnv {
    /// From this process's environment, for the user `uid`: the user rpod
    /// runs for, recorded before it entered its user namespace (where the
    /// effective UID is 0 and would name root's file).
    pub fn from_process(uid: u32) -> AuthEnv {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        AuthEnv {
            uid,
            home: var("HOME"),
            xdg_runtime_dir: var("XDG_RUNTIME_DIR"),
            xdg_config_home: var("XDG_CONFIG_HOME"),
            registry_auth_file: var("REGISTRY_AUTH_FILE"),
            docker_config: var("DOCKER_CONFIG"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `{"auths": {KEY: {"auth": ...}}}`
    Current,
    /// `~/.dockercfg`: `{KEY: {"auth": ...}}`
    Legacy,
}

/// The credentials files, in reading order; the first is the one written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthFiles {
    /// Each with its format and whether the user named it
    /// (`--authfile`, `$REGISTRY_AUTH_FILE`) rather than it being a default.
    files: Vec<(PathBuf, Format, bool)>,
}

/// What `logout` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoveOutcome {
    /// Removed from the primary file.
    Removed,
    /// Not in the primary file, but another (read-only) file has
    /// credentials for it: Podman says to log out with the tool that wrote it.
    InOtherFile(PathBuf),
    /// No credentials anywhere.
    NotLoggedIn,
}

impl AuthFiles {
    /// The files for `env` (see the module docs). Rootless without
    /// `XDG_RUNTIME_DIR`, `/run/user/UID` is used when it exists, else the
    /// `~/.config` file becomes the primary one.
    pub fn from_env(env: &AuthEnv) -> AuthFiles {
        let config_home = env.xdg_config_home.clone().or_else(|| env.home.as_ref().map(|h| h.join(".config")));
        let config_file = config_home.map(|c| c.join("containers/auth.json"));
        let primary = match &env.registry_auth_file {
            Some(p) => Some(p.clone()),
            None if env.uid == 0 => Some(PathBuf::from("/run/containers/0/auth.json")),
            None => match &env.xdg_runtime_dir {
                Some(d) => Some(d.join("containers/auth.json")),
                None => {
                    let run_user = PathBuf::from(format!("/run/user/{}", env.uid));
                    run_user.is_dir().then(|| run_user.join("containers/auth.json"))
                }
            },
        };
        let mut files = Vec::new();
        for p in [primary, config_file].into_iter().flatten() {
            if !files.iter().any(|(f, _, _)| f == &p) {
                let given = env.registry_auth_file.as_ref() == Some(&p);
                files.push((p, Format::Current, given));
            }
        }
        let docker = match (&env.docker_config, &env.home) {
            (Some(d), _) => Some(d.join("config.json")),
            (None, Some(h)) => Some(h.join(".docker/config.json")),
            (None, None) => None,
        };
        if let Some(d) = docker {
            files.push((d, Format::Current, false));
        }
        if let Some(h) = &env.home {
            files.push((h.join(".dockercfg"), Format::Legacy, false));
        }
        AuthFiles { files }
    }

    /// Explicit files (the first is written), for tests and `--authfile`.
    pub fn with_paths(paths: Vec<PathBuf>) -> AuthFiles {
        AuthFiles { files: paths.into_iter().map(|p| (p, Format::Current, true)).collect() }
    }

    /// The file `login`/`logout` write (`None` only without any location).
    pub fn primary(&self) -> Option<&Path> {
        self.files.first().map(|(p, _, _)| p.as_path())
    }

    /// All files, in reading order.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(p, _, _)| p.as_path())
    }

    /// Credentials for an image at `location` (`host[:port]/repo/path`, tag
    /// or digest ignored) or for a whole registry (`host[:port]`): the first
    /// file that has any, and in it the most specific key.
    pub fn lookup(&self, location: &str) -> Result<Option<Credentials>, AuthError> {
        Ok(self.lookup_with_source(location)?.map(|(c, _)| c))
    }

    /// [`AuthFiles::lookup`], also naming the file the credentials came from.
    pub fn lookup_with_source(&self, location: &str) -> Result<Option<(Credentials, PathBuf)>, AuthError> {
        let repo = strip_tag_digest(location);
        let registry = repo.split('/').next().unwrap_or_default();
        for (path, format, given) in &self.files {
            let Some(auths) = read_auths_or_skip(path, *format, *given)? else { continue };
            // Namespaced keys, most specific first.
            let mut key = repo;
            while key.len() > registry.len() {
                if let Some(entry) = auths.get(key) {
                    if let Some(c) = decode_entry(path, key, entry)? {
                        return Ok(Some((c, path.clone())));
                    }
                }
                key = &key[..key.rfind('/').unwrap_or(registry.len())];
            }
            // Registry keys, normalized (`https://index.docker.io/v1/` ~ `docker.io`).
            let want = normalize_registry(registry);
            for (k, entry) in &auths {
                if normalize_key(k, *format) == want {
                    if let Some(c) = decode_entry(path, k, entry)? {
                        return Ok(Some((c, path.clone())));
                    }
                }
            }
        }
        Ok(None)
    }

    /// `login --get-login`: the user name stored for `key`.
    pub fn get_login(&self, key: &str) -> Result<Option<String>, AuthError> {
        let key = normalize_login_key(key)?;
        Ok(self.lookup(&key)?.map(|c| c.username))
    }

    /// `login`: store `creds` under `key` (`host[:port]` or
    /// `host[:port]/namespace/repo`) in the primary file, keeping everything
    /// else in it.
    pub fn store(&self, key: &str, creds: &Credentials) -> Result<(), AuthError> {
        let key = normalize_login_key(key)?;
        let path = self.primary_or_err()?;
        let mut doc = read_doc(path)?.unwrap_or_default();
        let auths = doc.entry("auths").or_insert_with(|| Value::Object(Map::new()));
        if !auths.is_object() {
            *auths = Value::Object(Map::new());
        }
        let encoded =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", creds.username, creds.password));
        let mut entry = Map::new();
        entry.insert("auth".into(), Value::String(encoded));
        auths.as_object_mut().unwrap().insert(key, Value::Object(entry));
        write_doc(path, &doc)
    }

    /// `logout KEY`: remove the entry from the primary file.
    pub fn remove(&self, key: &str) -> Result<RemoveOutcome, AuthError> {
        let key = normalize_login_key(key)?;
        let path = self.primary_or_err()?;
        if let Some(mut doc) = read_doc(path)? {
            let removed =
                doc.get_mut("auths").and_then(Value::as_object_mut).is_some_and(|a| a.shift_remove(&key).is_some());
            if removed {
                write_doc(path, &doc)?;
                return Ok(RemoveOutcome::Removed);
            }
        }
        for (other, format, given) in self.files.iter().skip(1) {
            let Some(auths) = read_auths_or_skip(other, *format, *given)? else { continue };
            let want = if key.contains('/') { key.clone() } else { normalize_registry(&key).to_string() };
            if auths.keys().any(|k| k == &key || normalize_key(k, *format) == want) {
                return Ok(RemoveOutcome::InOtherFile(other.clone()));
            }
        }
        Ok(RemoveOutcome::NotLoggedIn)
    }

    /// `logout --all`: empty `auths` (and `credHelpers`) in the primary file.
    pub fn remove_all(&self) -> Result<(), AuthError> {
        let path = self.primary_or_err()?;
        let Some(mut doc) = read_doc(path)? else { return Ok(()) };
        doc.insert("auths".into(), Value::Object(Map::new()));
        doc.shift_remove("credHelpers");
        write_doc(path, &doc)
    }

    fn primary_or_err(&self) -> Result<&Path, AuthError> {
        self.primary().ok_or_else(|| AuthError::Invalid {
            path: PathBuf::from("auth.json"),
            message: "no location for the credentials file: set XDG_RUNTIME_DIR, HOME or REGISTRY_AUTH_FILE".into(),
        })
    }
}

/// `host/repo:tag@digest` → `host/repo` (the tag colon is after the last `/`).
fn strip_tag_digest(s: &str) -> &str {
    let s = s.split('@').next().unwrap_or(s);
    match s.rfind('/') {
        Some(slash) => match s[slash..].rfind(':') {
            Some(colon) => &s[..slash + colon],
            None => s,
        },
        None => s,
    }
}

/// Docker Hub's many names.
fn normalize_registry(r: &str) -> &str {
    match r {
        "registry-1.docker.io" | "docker.io" | "index.docker.io" => "docker.io",
        other => other,
    }
}

/// containers/image `normalizeAuthFileKey`: `https://host/v1/` → `host`.
fn normalize_key(key: &str, format: Format) -> String {
    let stripped = key.strip_prefix("http://").or_else(|| key.strip_prefix("https://"));
    let host = match (stripped, format) {
        (Some(s), _) => s.split('/').next().unwrap_or(s),
        (None, Format::Legacy) => key.split('/').next().unwrap_or(key),
        (None, Format::Current) => key,
    };
    normalize_registry(host).to_string()
}

/// A `login`/`logout` argument: `host[:port][/namespace...]`; a URL
/// (`https://host/v1/`) keeps only its host, as Docker does.
pub fn normalize_login_key(input: &str) -> Result<String, AuthError> {
    let invalid = || AuthError::InvalidKey(input.to_string());
    let (key, was_url) = match input.strip_prefix("http://").or_else(|| input.strip_prefix("https://")) {
        Some(rest) => (rest.split('/').next().unwrap_or(rest), true),
        None => (input.trim_end_matches('/'), false),
    };
    let mut parts = key.split('/');
    let host = parts.next().filter(|h| super::reference::is_domain(h)).ok_or_else(invalid)?;
    let host = if host == "index.docker.io" || host == "registry-1.docker.io" { "docker.io" } else { host };
    let rest: Vec<&str> = parts.collect();
    if was_url || rest.is_empty() {
        return Ok(host.to_string());
    }
    if key.contains(['@']) || rest.last().is_some_and(|l| l.contains(':')) {
        return Err(invalid()); // no tags or digests
    }
    if rest.iter().any(|c| {
        c.is_empty() || !c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
    }) {
        return Err(invalid());
    }
    Ok(format!("{host}/{}", rest.join("/")))
}

fn read_doc(path: &Path) -> Result<Option<Map<String, Value>>, AuthError> {
    let text = match fs::read(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => return Ok(None),
        Err(source) => return Err(AuthError::Io { path: path.to_path_buf(), source }),
    };
    if text.iter().all(u8::is_ascii_whitespace) {
        return Ok(Some(Map::new()));
    }
    match serde_json::from_slice::<Value>(&text) {
        Ok(Value::Object(m)) => Ok(Some(m)),
        Ok(_) => Err(AuthError::Invalid { path: path.to_path_buf(), message: "not a JSON object".into() }),
        Err(e) => Err(AuthError::Invalid { path: path.to_path_buf(), message: format!("invalid JSON: {e}") }),
    }
}

/// The `auths` map of a file (the whole map for the legacy format).
fn read_auths(path: &Path, format: Format) -> Result<Option<Map<String, Value>>, AuthError> {
    let Some(doc) = read_doc(path)? else { return Ok(None) };
    Ok(match format {
        Format::Legacy => Some(doc),
        Format::Current => match doc.get("auths") {
            Some(Value::Object(a)) => Some(a.clone()),
            _ => None,
        },
    })
}

/// [`read_auths`], where a default file this user may not read (root's
/// `/run/containers/0`, a `HOME` that is not theirs) is skipped with a
/// warning, as if it were missing; a file the user named is an error.
fn read_auths_or_skip(path: &Path, format: Format, given: bool) -> Result<Option<Map<String, Value>>, AuthError> {
    match read_auths(path, format) {
        Err(AuthError::Io { source, .. }) if !given && source.kind() == io::ErrorKind::PermissionDenied => {
            log::warn!("skipping the credentials file {}: {source}", path.display());
            Ok(None)
        }
        other => other,
    }
}

/// `{"auth": base64(user:pass)}`; entries with only an `identitytoken` are skipped.
fn decode_entry(path: &Path, key: &str, entry: &Value) -> Result<Option<Credentials>, AuthError> {
    let invalid = |m: String| AuthError::Invalid { path: path.to_path_buf(), message: format!("entry {key:?}: {m}") };
    let Some(auth) = entry.get("auth").and_then(Value::as_str).filter(|a| !a.is_empty()) else {
        if entry.get("identitytoken").is_some() {
            log::debug!("{}: entry {key:?} has only an identity token, which rpod does not use", path.display());
        }
        return Ok(None);
    };
    let raw = base64::engine::general_purpose::STANDARD
        .decode(auth.trim())
        .map_err(|e| invalid(format!("auth is not base64: {e}")))?;
    let text = String::from_utf8(raw).map_err(|_| invalid("auth is not UTF-8".into()))?;
    let Some((user, pass)) = text.split_once(':') else {
        return Err(invalid("auth is not user:password".into()));
    };
    Ok(Some(Credentials::new(user, pass.trim_end_matches('\n'))))
}

/// Write `doc` to `path` atomically: a 0600 temporary file in the same
/// directory (created 0700 if missing), fsync, rename.
fn write_doc(path: &Path, doc: &Map<String, Value>) -> Result<(), AuthError> {
    let io_err = |source| AuthError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(io_err)?;
    let mut text = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut text, serde_json::ser::PrettyFormatter::with_indent(b"\t"));
    serde::Serialize::serialize(doc, &mut ser).map_err(|e| io_err(io::Error::other(e)))?;
    text.push(b'\n');
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("auth.json");
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.tmp-{}-{attempt}", std::process::id()));
        match fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(io_err(e)),
        }
    };
    let result = file
        .write_all(&text)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(&tmp, path))
        .and_then(|()| fs::File::open(dir).and_then(|d| d.sync_all()));
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn locations() {
        let env = AuthEnv {
            uid: 1000,
            home: Some("/home/u".into()),
            xdg_runtime_dir: Some("/run/user/1000".into()),
            ..AuthEnv::default()
        };
        let f = AuthFiles::from_env(&env);
        let paths: Vec<_> = f.paths().map(|p| p.display().to_string()).collect();
        assert_eq!(
            paths,
            [
                "/run/user/1000/containers/auth.json",
                "/home/u/.config/containers/auth.json",
                "/home/u/.docker/config.json",
                "/home/u/.dockercfg"
            ]
        );
        let env2 = AuthEnv {
            registry_auth_file: Some("/tmp/a.json".into()),
            xdg_config_home: Some("/cfg".into()),
            docker_config: Some("/dock".into()),
            ..env.clone()
        };
        let paths: Vec<_> = AuthFiles::from_env(&env2).paths().map(|p| p.display().to_string()).collect();
        assert_eq!(paths, ["/tmp/a.json", "/cfg/containers/auth.json", "/dock/config.json", "/home/u/.dockercfg"]);
        let root = AuthEnv { uid: 0, home: Some("/root".into()), ..AuthEnv::default() };
        assert_eq!(AuthFiles::from_env(&root).primary().unwrap(), Path::new("/run/containers/0/auth.json"));
        // Rootless, no runtime dir and no /run/user/UID: ~/.config is primary.
        let bare = AuthEnv { uid: 4_000_000_000, home: Some("/home/x".into()), ..AuthEnv::default() };
        assert_eq!(AuthFiles::from_env(&bare).primary().unwrap(), Path::new("/home/x/.config/containers/auth.json"));
    }

    #[test]
    fn lookup_order_and_specificity() {
        let dir = tempfile::tempdir().unwrap();
        let primary = dir.path().join("run/containers/auth.json");
        let docker = dir.path().join("home/.docker/config.json");
        write(
            &primary,
            &format!(
                r#"{{"auths": {{
                    "r.example.com": {{"auth": "{}"}},
                    "r.example.com/team": {{"auth": "{}"}},
                    "r.example.com/team/app": {{"auth": "{}"}}
                }}}}"#,
                b64("host:h"),
                b64("team:t"),
                b64("app:a")
            ),
        );
        write(
            &docker,
            &format!(
                r#"{{"auths": {{"https://index.docker.io/v1/": {{"auth": "{}"}}, "r.example.com": {{"auth": "{}"}}, "localhost:5000": {{"auth": "{}"}}}}, "credsStore": "desktop"}}"#,
                b64("hub:pw"),
                b64("shadowed:x"),
                b64("local:pw:with:colons")
            ),
        );
        let f = AuthFiles::with_paths(vec![primary.clone(), docker.clone()]);
        let user = |loc: &str| f.lookup(loc).unwrap().map(|c| c.username);
        assert_eq!(user("r.example.com/team/app:1").as_deref(), Some("app"));
        assert_eq!(user("r.example.com/team/app@sha256:abc").as_deref(), Some("app"));
        assert_eq!(user("r.example.com/team/other").as_deref(), Some("team"));
        assert_eq!(user("r.example.com/teamx").as_deref(), Some("host"));
        assert_eq!(user("r.example.com").as_deref(), Some("host"));
        assert_eq!(user("docker.io/library/busybox").as_deref(), Some("hub"));
        assert_eq!(user("index.docker.io/library/busybox").as_deref(), Some("hub"));
        let c = f.lookup("localhost:5000/x:1").unwrap().unwrap();
        assert_eq!((c.username.as_str(), c.password.as_str()), ("local", "pw:with:colons"));
        assert_eq!(f.lookup_with_source("localhost:5000/x").unwrap().unwrap().1, docker);
        assert_eq!(user("quay.io/x"), None);
        assert_eq!(f.get_login("r.example.com").unwrap().as_deref(), Some("host"));
        assert_eq!(f.get_login("quay.io").unwrap(), None);
        assert!(!format!("{c:?}").contains("pw"), "Debug must not show the password");
    }

    #[test]
    fn legacy_dockercfg_and_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let legacy = dir.path().join(".dockercfg");
        write(&legacy, &format!(r#"{{"https://quay.io/v1/": {{"auth": "{}", "email": "x"}}}}"#, b64("q:p")));
        let f = AuthFiles {
            files: vec![(dir.path().join("missing.json"), Format::Current, false), (legacy, Format::Legacy, false)],
        };
        assert_eq!(f.lookup("quay.io/a/b").unwrap().unwrap().username, "q");
        let bad = dir.path().join("bad.json");
        write(&bad, "{nope");
        let e = AuthFiles::with_paths(vec![bad.clone()]).lookup("x.io").unwrap_err().to_string();
        assert!(e.contains("bad.json: invalid JSON"), "{e}");
        write(&bad, &format!(r#"{{"auths": {{"x.io": {{"auth": "{}"}}}}}}"#, b64("nocolon")));
        assert!(AuthFiles::with_paths(vec![bad.clone()])
            .lookup("x.io")
            .unwrap_err()
            .to_string()
            .contains("not user:password"));
        write(&bad, r#"{"auths": {"x.io": {"identitytoken": "tok"}}}"#);
        assert_eq!(AuthFiles::with_paths(vec![bad]).lookup("x.io").unwrap(), None);
    }

    #[test]
    fn login_logout_roundtrip() {
        let dir = tempfile::tempdir().unwrap();
        let primary = dir.path().join("rt/containers/auth.json");
        let docker = dir.path().join("docker.json");
        write(&docker, &format!(r#"{{"auths": {{"docker-only.io": {{"auth": "{}"}}}}}}"#, b64("d:d")));
        let f = AuthFiles::with_paths(vec![primary.clone(), docker]);
        f.store("127.0.0.1:5000", &Credentials::new("alice", "s3cret")).unwrap();
        f.store("quay.io/team/app", &Credentials::new("bob", "pw")).unwrap();
        f.store("https://index.docker.io/v1/", &Credentials::new("carol", "pw")).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&primary), 0o600);
        assert_eq!(mode(primary.parent().unwrap()), 0o700);
        let text = fs::read_to_string(&primary).unwrap();
        assert!(text.contains(&format!("\"auth\": \"{}\"", b64("alice:s3cret"))), "{text}");
        assert!(text.contains("\"docker.io\""), "{text}");
        assert_eq!(f.lookup("127.0.0.1:5000/x").unwrap().unwrap().password, "s3cret");
        assert_eq!(f.lookup("quay.io/team/app:1").unwrap().unwrap().username, "bob");
        assert_eq!(f.lookup("quay.io/other").unwrap(), None);
        // Login again replaces.
        f.store("127.0.0.1:5000", &Credentials::new("alice", "new")).unwrap();
        assert_eq!(f.lookup("127.0.0.1:5000").unwrap().unwrap().password, "new");
        // Other content of the file survives.
        let mut doc: Value = serde_json::from_str(&fs::read_to_string(&primary).unwrap()).unwrap();
        doc["credHelpers"] = serde_json::json!({"x.io": "helper"});
        doc["other"] = serde_json::json!(1);
        fs::write(&primary, doc.to_string()).unwrap();
        f.store("y.io", &Credentials::new("y", "y")).unwrap();
        let doc: Value = serde_json::from_str(&fs::read_to_string(&primary).unwrap()).unwrap();
        assert_eq!(doc["other"], 1);
        // Logout.
        assert_eq!(f.remove("127.0.0.1:5000").unwrap(), RemoveOutcome::Removed);
        assert_eq!(f.lookup("127.0.0.1:5000").unwrap(), None);
        assert_eq!(f.remove("127.0.0.1:5000").unwrap(), RemoveOutcome::NotLoggedIn);
        assert!(matches!(f.remove("docker-only.io").unwrap(), RemoveOutcome::InOtherFile(_)));
        f.remove_all().unwrap();
        let doc: Value = serde_json::from_str(&fs::read_to_string(&primary).unwrap()).unwrap();
        assert_eq!(doc["auths"], serde_json::json!({}));
        assert!(doc.get("credHelpers").is_none());
        assert_eq!(doc["other"], 1);
        // No temporary files left.
        let names: Vec<_> = fs::read_dir(primary.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from("auth.json")]);
    }

    #[test]
    fn login_keys() {
        assert_eq!(normalize_login_key("127.0.0.1:5000").unwrap(), "127.0.0.1:5000");
        assert_eq!(normalize_login_key("quay.io/ns/repo").unwrap(), "quay.io/ns/repo");
        assert_eq!(normalize_login_key("https://quay.io/v1/").unwrap(), "quay.io");
        assert_eq!(normalize_login_key("registry-1.docker.io").unwrap(), "docker.io");
        assert_eq!(normalize_login_key("quay.io/").unwrap(), "quay.io");
        assert!(normalize_login_key("quay.io/ns/repo:tag").is_err());
        assert!(normalize_login_key("quay.io/ns/repo@sha256:x").is_err());
        assert!(normalize_login_key("not a host").is_err());
        assert!(normalize_login_key("quay.io//x").is_err());
        assert_eq!(strip_tag_digest("h:5000/a/b:t@sha256:x"), "h:5000/a/b");
        assert_eq!(strip_tag_digest("h:5000/a"), "h:5000/a");
        assert_eq!(strip_tag_digest("h:5000"), "h:5000");
    }
}
