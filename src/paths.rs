//! Where rpod keeps its store and its run state.
//!
//! | mode     | graph root                                   | run root                                              |
//! |----------|----------------------------------------------|-------------------------------------------------------|
//! | root     | `/var/lib/rpod`                              | `/run/rpod`                                           |
//! | rootless | `$XDG_DATA_HOME/rpod` (`~/.local/share/rpod`) | `$XDG_RUNTIME_DIR/rpod`, else `/tmp/rpod-run-$UID/rpod` |
//!
//! `--root` and `--runroot` override both. The rootless fallback is used when
//! `XDG_RUNTIME_DIR` is unset or is not a directory owned by the user (no
//! systemd/logind, `su`, cron): rpod then makes a private directory of its
//! own and refuses one that someone else owns or can write.

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The resolved places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub graph_root: PathBuf,
    pub run_root: PathBuf,
    pub rootless: bool,
    /// Rootless: the user's own run directory (`$XDG_RUNTIME_DIR/rpod`, or
    /// the private fallback) whatever `--runroot` says: per-user state
    /// such as the pause process that keeps the user namespace.
    pub user_run_dir: Option<PathBuf>,
}

/// The inputs of the resolution, taken from the process or given by tests.
#[derive(Debug, Clone)]
pub struct PathEnv {
    pub uid: u32,
    pub home: Option<PathBuf>,
    pub xdg_data_home: Option<PathBuf>,
    pub xdg_runtime_dir: Option<PathBuf>,
    /// Where the private fallback run directory goes (`/tmp`).
    pub tmp_dir: PathBuf,
}

impl PathEnv {
    pub fn from_process() -> PathEnv {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        PathEnv {
            uid: nix::unistd::geteuid().as_raw(),
            home: var("HOME"),
            xdg_data_home: var("XDG_DATA_HOME"),
            xdg_runtime_dir: var("XDG_RUNTIME_DIR"),
            tmp_dir: PathBuf::from("/tmp"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PathError {
    #[error("cannot find the storage directory: neither XDG_DATA_HOME nor HOME is set (use --root)")]
    NoHome,
    #[error("{path}: {why}; refusing to use it as the run directory (remove it, or set XDG_RUNTIME_DIR or --runroot)")]
    UnsafeRunDir { path: PathBuf, why: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// Resolve the paths for `env`, with the `--root`/`--runroot` overrides.
/// Rootless without a usable `XDG_RUNTIME_DIR`, this creates (or checks)
/// the private fallback directory.
pub fn resolve(env: &PathEnv, root: Option<&Path>, runroot: Option<&Path>) -> Result<Paths, PathError> {
    let rootless = env.uid != 0;
    let graph_root = match root {
        Some(r) => r.to_path_buf(),
        None if !rootless => PathBuf::from("/var/lib/rpod"),
        None => match (&env.xdg_data_home, &env.home) {
            (Some(x), _) => x.join("rpod"),
            (None, Some(h)) => h.join(".local/share/rpod"),
            (None, None) => return Err(PathError::NoHome),
        },
    };
    let user_run_dir = |env: &PathEnv| -> Result<PathBuf, PathError> {
        match env.xdg_runtime_dir.as_deref().filter(|d| usable_runtime_dir(d, env.uid)) {
            Some(d) => Ok(d.join("rpod")),
            None => {
                if let Some(d) = &env.xdg_runtime_dir {
                    log::debug!(
                        "XDG_RUNTIME_DIR {} is not a directory owned by uid {}; using a private one",
                        d.display(),
                        env.uid
                    );
                }
                Ok(private_run_dir(&env.tmp_dir.join(format!("rpod-run-{}", env.uid)), env.uid)?.join("rpod"))
            }
        }
    };
    let run_root = match runroot {
        Some(r) => r.to_path_buf(),
        None if !rootless => PathBuf::from("/run/rpod"),
        None => user_run_dir(env)?,
    };
    // Only worked out when needed (it may create the private fallback).
    let user_run_dir = if !rootless {
        None
    } else if runroot.is_none() {
        Some(run_root.clone())
    } else {
        user_run_dir(env).ok()
    };
    Ok(Paths { graph_root, run_root, rootless, user_run_dir })
}

pub fn usable_runtime_dir(dir: &Path, uid: u32) -> bool {
    fs::metadata(dir).map(|m| m.is_dir() && m.uid() == uid).unwrap_or(false)
}

/// Create `dir` 0700 (whatever the umask), or accept it if it already is a
/// real directory owned by `uid` that nobody else can get into.
pub fn private_run_dir(dir: &Path, uid: u32) -> Result<PathBuf, PathError> {
    let io_err = |source| PathError::Io { path: dir.to_path_buf(), source };
    match fs::DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {
            set_dir_mode(dir, 0o700).map_err(io_err)?;
            return Ok(dir.to_path_buf());
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io_err(e)),
    }
    let meta = fs::symlink_metadata(dir).map_err(io_err)?;
    let unsafe_dir = |why: String| Err(PathError::UnsafeRunDir { path: dir.to_path_buf(), why });
    if !meta.is_dir() {
        return unsafe_dir("not a directory".into());
    }
    if meta.uid() != uid {
        return unsafe_dir(format!("owned by uid {}, not {uid}", meta.uid()));
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return unsafe_dir(format!("mode {mode:04o} lets other users in"));
    }
    Ok(dir.to_path_buf())
}

/// Create `dir` and its missing parents `0700`, and give `dir` itself
/// exactly that mode whatever the umask (an existing one too: rpod's own
/// directories are private).
pub fn private_dir_all(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    set_dir_mode(dir, 0o700)
}

/// Create `dir` and its missing parents with exactly `mode` whatever the
/// umask (directories that exist keep theirs: a shared place such as
/// `/etc/containers/networks` is the administrator's).
pub fn dir_all_with_mode(dir: &Path, mode: u32) -> io::Result<()> {
    if fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        dir_all_with_mode(parent, mode)?;
    }
    match fs::DirBuilder::new().mode(mode).create(dir) {
        Ok(()) => set_dir_mode(dir, mode),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// Creates (truncates) the file `path` `0600` for writing.
pub fn private_file_create(path: &Path) -> io::Result<fs::File> {
    private_file().write(true).create(true).truncate(true).open(path)
}

/// Opens (creates 0600) the lock file `path` for `flock`.
pub fn lock_file(path: &Path) -> anyhow::Result<fs::File> {
    use anyhow::Context as _;
    private_file()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))
}

/// Options that create a file `0600` (a file that exists keeps its mode).
pub fn private_file() -> fs::OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = fs::OpenOptions::new();
    o.mode(0o600);
    o
}

/// Give the directory `dir` (not a symlink to one) exactly `mode`, through
/// a descriptor (`fchmod`), independent of the umask it was made under.
pub fn set_dir_mode(dir: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let f = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(dir)?;
    f.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(uid: u32, tmp: &Path) -> PathEnv {
        PathEnv {
            uid,
            home: Some("/home/u".into()),
            xdg_data_home: None,
            xdg_runtime_dir: None,
            tmp_dir: tmp.to_path_buf(),
        }
    }

    #[test]
    fn root_defaults_ignore_xdg() {
        let t = tempfile::tempdir().unwrap();
        let mut e = env(0, t.path());
        e.xdg_data_home = Some("/x".into());
        let p = resolve(&e, None, None).unwrap();
        assert_eq!(p.graph_root, PathBuf::from("/var/lib/rpod"));
        assert_eq!(p.run_root, PathBuf::from("/run/rpod"));
        assert!(!p.rootless);
    }

    #[test]
    fn rootless_defaults_and_overrides() {
        let t = tempfile::tempdir().unwrap();
        let me = nix::unistd::geteuid().as_raw();
        let mut e = env(me.max(1), t.path());
        if me != 0 {
            e.xdg_runtime_dir = Some(t.path().to_path_buf());
            let p = resolve(&e, None, None).unwrap();
            assert_eq!(p.run_root, t.path().join("rpod"));
        }
        e.xdg_runtime_dir = None;
        e.xdg_data_home = Some("/data".into());
        let p = resolve(&e, None, Some(Path::new("/r"))).unwrap();
        assert_eq!(p.graph_root, PathBuf::from("/data/rpod"));
        assert_eq!(p.run_root, PathBuf::from("/r"));
        e.xdg_data_home = None;
        let p = resolve(&e, Some(Path::new("/g")), Some(Path::new("/r"))).unwrap();
        assert_eq!(p.graph_root, PathBuf::from("/g"));
        let p = resolve(&e, None, Some(Path::new("/r"))).unwrap();
        assert_eq!(p.graph_root, PathBuf::from("/home/u/.local/share/rpod"));
        e.home = None;
        assert!(matches!(resolve(&e, None, Some(Path::new("/r"))), Err(PathError::NoHome)));
    }

    #[test]
    fn runtime_dir_of_someone_else_falls_back_to_private_dir() {
        let t = tempfile::tempdir().unwrap();
        let me = nix::unistd::geteuid().as_raw();
        // A uid that does not own the temp dir.
        let other = if me == 0 { 4242 } else { me };
        let mut e = env(other, t.path());
        e.xdg_runtime_dir = Some(PathBuf::from("/")); // owned by root, not `other`
        if me == 0 {
            // A fallback directory that exists and belongs to root, not 4242: refused.
            fs::DirBuilder::new().mode(0o700).create(t.path().join("rpod-run-4242")).unwrap();
            let err = resolve(&e, Some(Path::new("/g")), None).unwrap_err();
            assert!(err.to_string().contains("owned by uid 0, not 4242"), "{err}");
        } else {
            let p = resolve(&e, Some(Path::new("/g")), None).unwrap();
            let dir = t.path().join(format!("rpod-run-{other}"));
            assert_eq!(p.run_root, dir.join("rpod"));
            let m = fs::metadata(&dir).unwrap();
            assert_eq!(m.permissions().mode() & 0o777, 0o700);
        }
    }

    #[test]
    fn private_dir_checks() {
        let t = tempfile::tempdir().unwrap();
        let me = nix::unistd::geteuid().as_raw();
        let d = t.path().join("run");
        assert_eq!(private_run_dir(&d, me).unwrap(), d);
        // Existing and fine: accepted again.
        assert_eq!(private_run_dir(&d, me).unwrap(), d);
        fs::set_permissions(&d, fs::Permissions::from_mode(0o777)).unwrap();
        let err = private_run_dir(&d, me).unwrap_err().to_string();
        assert!(err.contains("mode 0777"), "{err}");
        let link = t.path().join("link");
        std::os::unix::fs::symlink(&d, &link).unwrap();
        let err = private_run_dir(&link, me).unwrap_err().to_string();
        assert!(err.contains("not a directory"), "{err}");
    }
}
