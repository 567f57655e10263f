//! Podman's configuration files, read from Podman's places in Podman's order.
//!
//! Three files matter to rpod:
//! - `registries.conf` (containers-registries.conf(5), plus the drop-ins of
//!   containers-registries.conf.d(5)): search registries, short-name aliases,
//!   per-registry `insecure`/`blocked`, mirrors — see [`RegistriesConf`];
//! - `storage.conf` (containers-storage.conf(5)): the driver and the driver
//!   options rpod applies (which `--storage-opt`/`$STORAGE_OPTS` replace) —
//!   see [`StorageConf`];
//! - `containers.conf` (containers.conf(5)): defaults for new containers — see
//!   [`ContainersConf`].
//!
//! All roots are injectable through [`Sources`] so that tests never read the
//! real `/etc`. Unknown keys and tables are ignored everywhere; a file that is
//! not valid TOML, or that has a wrong type or a bad value for a key rpod uses,
//! is an error naming `path:line:column`.

mod containers;
mod registries;
mod storage;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use containers::{ContainersConf, Ulimit, DEFAULT_CAPABILITIES, DEFAULT_ENV};
pub use registries::{Mirror, PullFromMirror, PullSource, RegistriesConf, Registry, ShortNameMode};
pub use storage::{DriverOptions, StorageConf, StorageDriver, ENV_STORAGE_OPTS};

/// Environment variable naming the only registries.conf to read.
pub const ENV_REGISTRIES_CONF: &str = "CONTAINERS_REGISTRIES_CONF";
/// Environment variable naming the only storage.conf to read.
pub const ENV_STORAGE_CONF: &str = "CONTAINERS_STORAGE_CONF";
/// Environment variable naming the only containers.conf to read.
pub const ENV_CONTAINERS_CONF: &str = "CONTAINERS_CONF";
/// Environment variable naming a containers.conf read last, on top of all others.
pub const ENV_CONTAINERS_CONF_OVERRIDE: &str = "CONTAINERS_CONF_OVERRIDE";

const ENV_VARS: [&str; 4] = [ENV_REGISTRIES_CONF, ENV_STORAGE_CONF, ENV_CONTAINERS_CONF, ENV_CONTAINERS_CONF_OVERRIDE];

/// Go's `strconv.ParseBool` (how Podman and containers/storage read
/// boolean option values).
pub fn parse_go_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Where configuration files are looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// Administrator's files, normally `/etc/containers`.
    pub etc_dir: PathBuf,
    /// Distribution defaults, normally `/usr/share/containers`.
    pub share_dir: PathBuf,
    /// The user's files: `$XDG_CONFIG_HOME/containers`, by default
    /// `~/.config/containers`; `None` when there is no home directory.
    pub user_dir: Option<PathBuf>,
    /// Running rootless (decides storage.conf's user file and
    /// containers.rootless.conf).
    pub rootless: bool,
    /// The environment. Only `CONTAINERS_REGISTRIES_CONF`,
    /// `CONTAINERS_STORAGE_CONF`, `CONTAINERS_CONF` and
    /// `CONTAINERS_CONF_OVERRIDE` are looked at; an empty value counts as unset.
    pub env: HashMap<String, String>,
}

impl Sources {
    /// The real places, from the real environment.
    pub fn system(rootless: bool) -> Sources {
        let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let user_dir = match non_empty("XDG_CONFIG_HOME") {
            Some(xdg) => Some(PathBuf::from(xdg).join("containers")),
            None => non_empty("HOME").map(|h| PathBuf::from(h).join(".config/containers")),
        };
        let env = ENV_VARS.iter().filter_map(|k| std::env::var(k).ok().map(|v| (k.to_string(), v))).collect();
        Sources {
            etc_dir: PathBuf::from("/etc/containers"),
            share_dir: PathBuf::from("/usr/share/containers"),
            user_dir,
            rootless,
            env,
        }
    }

    /// An environment override, if set to a non-empty value.
    fn env_path(&self, var: &str) -> Option<PathBuf> {
        self.env.get(var).filter(|v| !v.is_empty()).map(PathBuf::from)
    }
}

/// Everything rpod reads from Podman's configuration files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub registries: RegistriesConf,
    pub storage: StorageConf,
    pub containers: ContainersConf,
    /// Every file read, in the order read.
    pub files: Vec<PathBuf>,
}

impl Config {
    /// Read registries.conf (and its drop-ins), storage.conf and
    /// containers.conf (and its drop-ins) from `src`.
    pub fn load(src: &Sources) -> Result<Config, ConfigError> {
        let mut files = Vec::new();
        let registries = RegistriesConf::load(src, &mut files)?;
        let storage = StorageConf::load(src, &mut files)?;
        let containers = ContainersConf::load(src, &mut files)?;
        Ok(Config { registries, storage, containers, files })
    }
}

/// A configuration file that could not be read or understood.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not TOML, a wrong type for a key rpod uses, or a bad value at a known place.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    /// A file that parses but whose content is invalid as a whole (no single place to point at).
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    /// The file (or drop-in directory) exists but cannot be read.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// A file named by an environment variable does not exist.
    #[error("{var}={}: no such file", path.display())]
    MissingEnvFile { var: &'static str, path: PathBuf },
}

impl ConfigError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Parse { path, .. }
            | ConfigError::Invalid { path, .. }
            | ConfigError::Io { path, .. }
            | ConfigError::MissingEnvFile { path, .. } => path,
        }
    }
}

/// A file's text, kept to turn byte offsets into line:column.
pub(crate) struct Source<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Source<'_> {
    /// An error at a byte range of the file (or for the whole file if `span` is `None`).
    pub fn error(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ConfigError {
        let message = message.into();
        match span {
            Some(span) => {
                let (line, column) = line_col(self.text, span.start);
                ConfigError::Parse { path: self.path.to_path_buf(), line, column, message }
            }
            None => ConfigError::Invalid { path: self.path.to_path_buf(), message },
        }
    }

    /// Deserialize the whole file.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ConfigError> {
        toml::from_str(self.text).map_err(|e| {
            let msg = e.message().trim_end().to_string();
            self.error(e.span(), msg)
        })
    }
}

/// 1-based line and column (in characters) of byte offset `off` in `text`.
pub(crate) fn line_col(text: &str, off: usize) -> (usize, usize) {
    let mut off = off.min(text.len());
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    let before = &text[..off];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Read a file; `Ok(None)` if it does not exist.
pub(crate) fn read_optional(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Io { path: path.to_path_buf(), source }),
    }
}

/// Read a file that an environment variable names: it must exist.
pub(crate) fn read_required(var: &'static str, path: &Path) -> Result<String, ConfigError> {
    read_optional(path)?.ok_or_else(|| ConfigError::MissingEnvFile { var, path: path.to_path_buf() })
}

/// The `*.conf` files directly in `dir`, sorted by file name; none if `dir`
/// does not exist. Sub-directories and other files are ignored.
pub(crate) fn drop_ins(dir: &Path) -> Result<Vec<PathBuf>, ConfigError> {
    let io_err = |source| ConfigError::Io { path: dir.to_path_buf(), source };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => return Ok(Vec::new()),
        Err(e) => return Err(io_err(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io_err)?;
        let name = entry.file_name();
        if !name.as_encoded_bytes().ends_with(b".conf") {
            continue;
        }
        let path = entry.path();
        // Follow symlinks: a link to a directory is a directory.
        if std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false) {
            continue;
        }
        out.push(path);
    }
    out.sort_by(|a, b| a.file_name().unwrap_or(OsStr::new("")).cmp(b.file_name().unwrap_or(OsStr::new(""))));
    Ok(out)
}
