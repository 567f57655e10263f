//! storage.conf: containers-storage.conf(5), the few keys rpod uses.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{read_optional, read_required, ConfigError, Source, Sources, ENV_STORAGE_CONF};

/// A `[storage] driver` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageDriver {
    /// `"overlay"` (or its alias `"overlay2"`).
    Overlay,
    /// `"vfs"`.
    Vfs,
    /// Anything else, as written; the caller reports it as unsupported.
    Other(String),
}

/// The keys of storage.conf that rpod looks at. Only one file is read (no
/// merging), as containers/storage does.
///
/// rpod keeps its images and containers in its own format, so `graphroot`
/// and `runroot` (which point at containers/storage's format) are exposed
/// for information only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StorageConf {
    /// `[storage] driver`, if set and non-empty.
    pub driver: Option<String>,
    /// `[storage] graphroot`.
    pub graphroot: Option<PathBuf>,
    /// `[storage] runroot`.
    pub runroot: Option<PathBuf>,
    /// `[storage] rootless_storage_path`.
    pub rootless_storage_path: Option<PathBuf>,
    /// `[storage.options] mount_program` (the older place).
    pub options_mount_program: Option<PathBuf>,
    /// `[storage.options.overlay] mount_program`.
    pub overlay_mount_program: Option<PathBuf>,
    /// `ignore_chown_errors` of `[storage.options]`, `[storage.options.overlay]`
    /// or `[storage.options.vfs]` (Podman's option for users with a single ID:
    /// files of unmapped owners are stored as the user's own).
    pub ignore_chown_errors: bool,
    /// `[storage.options] layer_max_bytes` and `layer_max_entries` (rpod's
    /// own keys): how far one layer may expand when it is extracted (see
    /// `rpod_storage::extract::ExtractLimits`; generous when unset).
    pub layer_max_bytes: Option<u64>,
    pub layer_max_entries: Option<u64>,
    /// The file these came from, if any.
    pub file: Option<PathBuf>,
}

impl StorageConf {
    /// `[storage] driver`, classified.
    pub fn driver_kind(&self) -> Option<StorageDriver> {
        self.driver.as_deref().map(|d| match d {
            "overlay" | "overlay2" => StorageDriver::Overlay,
            "vfs" => StorageDriver::Vfs,
            other => StorageDriver::Other(other.to_string()),
        })
    }

    /// The overlay mount program (e.g. `/usr/bin/fuse-overlayfs`):
    /// `[storage.options.overlay]` wins over `[storage.options]`.
    pub fn mount_program(&self) -> Option<&Path> {
        self.overlay_mount_program.as_deref().or(self.options_mount_program.as_deref())
    }

    /// Read the storage.conf that applies, appending it to `files`:
    /// `$CONTAINERS_STORAGE_CONF` if set (it must exist); else, rootless,
    /// `user_dir/storage.conf` if it exists; else the first that exists of
    /// `etc_dir/storage.conf` and `share_dir/storage.conf`.
    pub fn load(src: &Sources, files: &mut Vec<PathBuf>) -> Result<StorageConf, ConfigError> {
        let found = if let Some(path) = src.env_path(ENV_STORAGE_CONF) {
            let text = read_required(ENV_STORAGE_CONF, &path)?;
            Some((path, text))
        } else {
            let mut candidates = Vec::new();
            if src.rootless {
                if let Some(u) = &src.user_dir {
                    candidates.push(u.join("storage.conf"));
                }
            }
            candidates.push(src.etc_dir.join("storage.conf"));
            candidates.push(src.share_dir.join("storage.conf"));
            let mut found = None;
            for path in candidates {
                if let Some(text) = read_optional(&path)? {
                    found = Some((path, text));
                    break;
                }
            }
            found
        };
        match found {
            None => Ok(StorageConf::default()),
            Some((path, text)) => {
                files.push(path.clone());
                Self::parse(&path, &text)
            }
        }
    }

    /// Replace the graph driver options (the `[storage.options]` keys a
    /// driver takes: mount program, `ignore_chown_errors`) with `opts`, as
    /// containers/storage does with `--storage-opt` and `$STORAGE_OPTS`;
    /// rpod's own keys (layer limits) stay.
    pub fn replace_driver_options(&mut self, opts: &DriverOptions) {
        self.options_mount_program = None;
        self.overlay_mount_program = opts.mount_program.clone();
        self.ignore_chown_errors = opts.ignore_chown_errors;
    }

    /// Parse one storage.conf text; `path` is used in messages and recorded.
    pub fn parse(path: &Path, text: &str) -> Result<StorageConf, ConfigError> {
        let file: FileToml = Source { path, text }.parse()?;
        let s = file.storage.unwrap_or_default();
        let opts = s.options.unwrap_or_default();
        let overlay = opts.overlay.unwrap_or_default();
        let ignore_chown_errors = [
            &opts.ignore_chown_errors,
            &overlay.ignore_chown_errors,
            &opts.vfs.unwrap_or_default().ignore_chown_errors,
        ]
        .iter()
        .any(|v| v.as_ref().is_some_and(Flag::is_true));
        let nonempty = |v: Option<String>| v.filter(|v| !v.is_empty());
        let as_path = |v: Option<String>| nonempty(v).map(PathBuf::from);
        Ok(StorageConf {
            driver: nonempty(s.driver),
            graphroot: as_path(s.graphroot),
            runroot: as_path(s.runroot),
            rootless_storage_path: as_path(s.rootless_storage_path),
            options_mount_program: as_path(opts.mount_program),
            overlay_mount_program: as_path(overlay.mount_program),
            ignore_chown_errors,
            layer_max_bytes: opts.layer_max_bytes,
            layer_max_entries: opts.layer_max_entries,
            file: Some(path.to_path_buf()),
        })
    }
}

/// Environment variable whose comma-separated graph driver options replace
/// storage.conf's (containers/storage's; an empty value clears them).
pub const ENV_STORAGE_OPTS: &str = "STORAGE_OPTS";

/// Graph driver options as `--storage-opt` and `$STORAGE_OPTS` give them
/// (`KEY=VALUE`, the key with the driver's prefix as containers/storage
/// spells it: `overlay.`, `overlay2.`, `vfs.` or a bare `.`): the ones rpod
/// applies. Empty entries are skipped, so `--storage-opt ""` gives none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DriverOptions {
    /// `overlay.mount_program` (the `[storage.options.overlay]` key).
    pub mount_program: Option<PathBuf>,
    /// `overlay.ignore_chown_errors` / `vfs.ignore_chown_errors`.
    pub ignore_chown_errors: bool,
}

impl DriverOptions {
    /// The options that apply: `flag` (`--storage-opt`, each time given)
    /// when given, else `$STORAGE_OPTS` split at commas when set (even
    /// empty), else none (`None`: storage.conf's stay).
    pub fn chosen(flag: &[String], env: Option<&str>) -> Option<Vec<String>> {
        if !flag.is_empty() {
            return Some(flag.to_vec());
        }
        env.map(|e| e.split(',').map(str::to_string).collect())
    }

    /// Parse `opts`; an option rpod cannot apply (or a bad value) is an
    /// error naming it.
    pub fn parse(opts: &[String]) -> Result<DriverOptions, String> {
        let mut out = DriverOptions::default();
        for opt in opts.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
            let Some((key, value)) = opt.split_once('=') else {
                return Err(format!("storage option {opt:?}: not KEY=VALUE"));
            };
            let key = key.trim().to_ascii_lowercase();
            let (driver, name) = match key.split_once('.') {
                Some((d @ ("" | "overlay" | "overlay2" | "vfs"), name)) => (d, name),
                _ => return Err(unsupported(&key)),
            };
            match (driver, name) {
                ("" | "overlay" | "overlay2", "mount_program") => {
                    out.mount_program = Some(value.trim()).filter(|v| !v.is_empty()).map(PathBuf::from);
                }
                (_, "ignore_chown_errors") => {
                    out.ignore_chown_errors = super::parse_go_bool(value.trim())
                        .ok_or_else(|| format!("storage option {key}: {value:?} is not a boolean"))?;
                }
                _ => return Err(unsupported(&key)),
            }
        }
        Ok(out)
    }
}

fn unsupported(key: &str) -> String {
    format!(
        "storage option {key} is not supported by rpod (it applies overlay.mount_program and overlay.ignore_chown_errors / vfs.ignore_chown_errors)"
    )
}

#[derive(Deserialize)]
struct FileToml {
    storage: Option<StorageToml>,
}

#[derive(Deserialize, Default)]
struct StorageToml {
    driver: Option<String>,
    graphroot: Option<String>,
    runroot: Option<String>,
    rootless_storage_path: Option<String>,
    options: Option<OptionsToml>,
}

#[derive(Deserialize, Default)]
struct OptionsToml {
    mount_program: Option<String>,
    layer_max_bytes: Option<u64>,
    layer_max_entries: Option<u64>,
    ignore_chown_errors: Option<Flag>,
    overlay: Option<OverlayToml>,
    vfs: Option<VfsToml>,
}

#[derive(Deserialize, Default)]
struct OverlayToml {
    mount_program: Option<String>,
    ignore_chown_errors: Option<Flag>,
}

#[derive(Deserialize, Default)]
struct VfsToml {
    ignore_chown_errors: Option<Flag>,
}

/// containers/storage writes its booleans as strings (`"true"`); a TOML
/// boolean is taken too.
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Text(String),
}

impl Flag {
    fn is_true(&self) -> bool {
        match self {
            Flag::Bool(b) => *b,
            Flag::Text(t) => t.trim().eq_ignore_ascii_case("true"),
        }
    }
}
