//! The state of `rpod oci` containers (runc's command line over the
//! built-in runtime): one directory per container under the state root
//! with `state.json` (written atomically) and, between `create` and
//! `start`, the start gate `exec.fifo`. The status is derived, never
//! stored: `stopped` when the init is gone (or a zombie, or its PID was
//! reused: the start time is kept), `created` while the gate exists, else
//! `running`. Also the bundle and `runc spec`'s default config.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{anyhow, bail, Context as _};
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use rpod_runtime::oci_spec::runtime::Spec;

/// The OCI runtime spec version the state reports.
pub const OCI_VERSION: &str = "1.0.2";

/// What `state.json` holds.
#[derive(Debug, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub pid: i32,
    pub bundle: PathBuf,
    /// Field 22 of `/proc/PID/stat`: tells a reused PID apart.
    pub start_time: u64,
    pub created: String,
    #[serde(default)]
    pub annotations: serde_json::Map<String, serde_json::Value>,
    /// The cgroup made for `linux.cgroupsPath`/`linux.resources` (removed by delete).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cgroup: Option<PathBuf>,
    /// The root file system of a container without a mount namespace of
    /// its own: its mounts were made under it in the runtime's namespace
    /// (removed by delete).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mounts_under: Option<PathBuf>,
    /// The config's hooks (startContainer and poststart run by start,
    /// poststop by delete).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hooks: Option<rpod_runtime::oci_spec::runtime::Hooks>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    Running,
    Stopped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Stopped => "stopped",
        }
    }
}

/// `--root`, else the default for the caller: `/run/rpod-oci` as root;
/// rootless `rpod-oci` in the same private run directory as the rest of
/// rpod (`$XDG_RUNTIME_DIR` when it is the caller's, else the private
/// `/tmp/rpod-run-$UID`, made 0700 and refused when someone else owns it or
/// can get in), never a predictable name in `/tmp` another user could
/// make first.
pub fn state_root(root: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(r) = root {
        return Ok(r.to_path_buf());
    }
    let uid = nix::unistd::geteuid().as_raw();
    if uid == 0 {
        return Ok(PathBuf::from("/run/rpod-oci"));
    }
    let xdg = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()).map(PathBuf::from);
    match xdg.filter(|d| crate::paths::usable_runtime_dir(d, uid)) {
        Some(d) => Ok(d.join("rpod-oci")),
        None => {
            Ok(crate::paths::private_run_dir(&std::env::temp_dir().join(format!("rpod-run-{uid}")), uid)?
                .join("rpod-oci"))
        }
    }
}

/// Make the state root (0700, whatever the umask) or check the one there:
/// a real directory of the caller's that no other user can write into, so
/// nobody else can forge a container's `state.json` or swap its files.
pub fn prepare_root(root: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    if let Some(parent) = root.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    match std::fs::DirBuilder::new().mode(0o700).create(root) {
        Ok(()) => return crate::paths::set_dir_mode(root, 0o700).with_context(|| format!("chmod {}", root.display())),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e).with_context(|| format!("creating {}", root.display())),
    }
    let meta = std::fs::symlink_metadata(root).with_context(|| format!("checking {}", root.display()))?;
    let uid = nix::unistd::geteuid().as_raw();
    let why = if !meta.is_dir() {
        Some("not a directory (or a symlink)".to_string())
    } else if meta.uid() != uid {
        Some(format!("owned by uid {}, not {uid}", meta.uid()))
    } else if meta.mode() & 0o022 != 0 {
        Some(format!("mode {:04o} lets other users write into it", meta.mode() & 0o7777))
    } else {
        None
    };
    match why {
        Some(why) => bail!("{}: {why}; refusing to keep container state there", root.display()),
        None => Ok(()),
    }
}

pub fn valid_id(id: &str) -> anyhow::Result<()> {
    let ok = !id.is_empty()
        && id != "."
        && id != ".."
        && id.len() <= 1024
        && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.+".contains(c));
    if !ok {
        bail!("invalid container ID {id:?}");
    }
    Ok(())
}

pub fn container_dir(root: &Path, id: &str) -> anyhow::Result<PathBuf> {
    valid_id(id)?;
    Ok(root.join(id))
}

pub fn load(root: &Path, id: &str) -> anyhow::Result<(PathBuf, Saved)> {
    let dir = container_dir(root, id)?;
    prepare_root(root)?;
    let data = match std::fs::read(dir.join("state.json")) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!("container {id} does not exist"),
        Err(e) => return Err(e).with_context(|| format!("reading the state of container {id}")),
    };
    let saved: Saved = serde_json::from_slice(&data).with_context(|| format!("parsing the state of container {id}"))?;
    Ok((dir, saved))
}

pub fn save(dir: &Path, saved: &Saved) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = dir.join(".state.json.tmp");
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(&tmp)
        .with_context(|| format!("writing {}", tmp.display()))?;
    // 0600 whatever the umask (through the descriptor).
    f.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    f.write_all(&serde_json::to_vec(saved)?)?;
    f.sync_data().ok();
    std::fs::rename(&tmp, dir.join("state.json")).context("saving the container's state")?;
    Ok(())
}

pub fn status(dir: &Path, saved: &Saved) -> Status {
    match crate::procfs::stat(saved.pid) {
        Some((st, start)) if start == saved.start_time && st != 'Z' && st != 'X' => {
            if dir.join("exec.fifo").exists() {
                Status::Created
            } else {
                Status::Running
            }
        }
        _ => Status::Stopped,
    }
}

pub fn now_rfc3339() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    crate::timefmt::rfc3339_nano(now.as_secs() as i64, now.subsec_nanos())
}

/// A default config.json, the same as `runc spec` writes.
pub fn default_config(rootless: bool) -> serde_json::Value {
    let caps = serde_json::json!(["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"]);
    let mut devpts = vec!["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"];
    if !rootless {
        devpts.push("gid=5");
    }
    let mut mounts = vec![
        serde_json::json!({"destination": "/proc", "type": "proc", "source": "proc"}),
        serde_json::json!({"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]}),
        serde_json::json!({"destination": "/dev/pts", "type": "devpts", "source": "devpts", "options": devpts}),
        serde_json::json!({"destination": "/dev/shm", "type": "tmpfs", "source": "shm", "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]}),
        serde_json::json!({"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"]}),
    ];
    let mut namespaces = vec![serde_json::json!({"type": "pid"})];
    if rootless {
        mounts.push(serde_json::json!({"destination": "/sys", "type": "none", "source": "/sys", "options": ["rbind", "nosuid", "noexec", "nodev", "ro"]}));
    } else {
        mounts.push(serde_json::json!({"destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"]}));
        mounts.push(serde_json::json!({"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup", "options": ["nosuid", "noexec", "nodev", "relatime", "ro"]}));
        namespaces.push(serde_json::json!({"type": "network"}));
    }
    namespaces.extend([
        serde_json::json!({"type": "ipc"}),
        serde_json::json!({"type": "uts"}),
        serde_json::json!({"type": "mount"}),
    ]);
    let mut linux = serde_json::json!({
        "namespaces": namespaces,
        "maskedPaths": ["/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi"],
        "readonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    });
    if rootless {
        linux["namespaces"].as_array_mut().expect("array").push(serde_json::json!({"type": "user"}));
        let uid = nix::unistd::geteuid().as_raw();
        let gid = nix::unistd::getegid().as_raw();
        linux["uidMappings"] = serde_json::json!([{"containerID": 0, "hostID": uid, "size": 1}]);
        linux["gidMappings"] = serde_json::json!([{"containerID": 0, "hostID": gid, "size": 1}]);
    } else {
        linux["resources"] = serde_json::json!({"devices": [{"allow": false, "access": "rwm"}]});
    }
    serde_json::json!({
        "ociVersion": "1.0.2-dev",
        "process": {
            "terminal": true,
            "user": {"uid": 0, "gid": 0},
            "args": ["sh"],
            "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            "cwd": "/",
            "capabilities": {"bounding": caps, "effective": caps, "permitted": caps, "ambient": caps},
            "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024}],
            "noNewPrivileges": true
        },
        "root": {"path": "rootfs", "readonly": true},
        "hostname": "rpod",
        "mounts": mounts,
        "linux": linux,
    })
}

impl Saved {
    /// The hooks with the state they are given (the status and PID are
    /// filled in per stage).
    pub fn hook_set(&self) -> Option<rpod_runtime::hooks::HookSet> {
        let hooks = self.hooks.clone()?;
        let annotations =
            self.annotations.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect();
        let state = rpod_runtime::hooks::State {
            id: self.id.clone(),
            bundle: self.bundle.clone(),
            annotations,
            ..Default::default()
        };
        Some(rpod_runtime::hooks::HookSet { hooks, state })
    }
}

/// The OCI state document of a container (`runc state`'s JSON).
pub fn state_document(saved: &Saved, st: Status) -> serde_json::Value {
    serde_json::json!({
        "ociVersion": OCI_VERSION,
        "id": saved.id,
        "status": st.as_str(),
        "pid": if st == Status::Stopped { 0 } else { saved.pid },
        "bundle": saved.bundle,
        "rootfs": saved.bundle.join("rootfs"),
        "created": saved.created,
        "annotations": saved.annotations,
    })
}

/// The bundle's config with the root path made absolute.
pub fn load_bundle(bundle: &Path) -> anyhow::Result<(PathBuf, Spec)> {
    let bundle = std::fs::canonicalize(bundle).with_context(|| format!("bundle {}", bundle.display()))?;
    let config = bundle.join("config.json");
    let mut spec = Spec::load(&config).map_err(|e| anyhow!("loading {}: {e}", config.display()))?;
    let mut root = spec.root().clone().ok_or_else(|| anyhow!("{}: no root", config.display()))?;
    let abs = bundle.join(root.path());
    root.set_path(abs);
    spec.set_root(Some(root));
    Ok((bundle, spec))
}

/// Detach every mount under `root` in this mount namespace (deepest
/// first): what a container without a mount namespace of its own mounted.
pub fn unmount_under(root: &Path) -> anyhow::Result<()> {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").context("reading /proc/self/mountinfo")?;
    let mut mounts = crate::doctor::storage::stale_mounts(&mountinfo, &[root]);
    mounts.sort_by_key(|m| std::cmp::Reverse(m.len()));
    for m in mounts {
        match nix::mount::umount2(Path::new(&m), nix::mount::MntFlags::MNT_DETACH) {
            Ok(()) | Err(nix::errno::Errno::EINVAL | nix::errno::Errno::ENOENT) => {}
            Err(e) => return Err(e).with_context(|| format!("unmounting {m}")),
        }
    }
    Ok(())
}

/// `--pid-file`, written atomically.
pub fn write_pid_file(path: &Path, pid: Pid) -> anyhow::Result<()> {
    let tmp = path.with_extension("rpod-tmp");
    std::fs::write(&tmp, pid.to_string()).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}

pub fn parse_signal(s: &str) -> anyhow::Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow!("invalid signal {s:?}"));
    }
    let up = s.to_ascii_uppercase();
    let name = if up.starts_with("SIG") { up } else { format!("SIG{up}") };
    Signal::from_str(&name).map_err(|_| anyhow!("invalid signal {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_and_ids() {
        assert_eq!(parse_signal("9").unwrap(), Signal::SIGKILL);
        assert_eq!(parse_signal("TERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("sigusr1").unwrap(), Signal::SIGUSR1);
        assert!(parse_signal("NOPE").is_err());
        assert!(valid_id("abc-1.2_x").is_ok());
        assert!(valid_id("../x").is_err() && valid_id("").is_err() && valid_id("a/b").is_err());
    }

    #[test]
    fn default_config_parses_as_a_spec() {
        for rootless in [false, true] {
            let v = default_config(rootless);
            let spec: Spec = serde_json::from_value(v).unwrap();
            assert_eq!(spec.process().as_ref().unwrap().args().as_ref().unwrap(), &["sh"]);
        }
    }
}
