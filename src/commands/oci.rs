//! `rpod oci ...` (hidden): the OCI runtime command line (runc's) over the
//! built-in runtime, so a bundle made by `runc spec` runs the same way under
//! both and conformance tools can drive rpod's runtime.
//!
//! State lives in `--root DIR` (default `/run/rpod-oci` as root,
//! `$XDG_RUNTIME_DIR/rpod-oci` rootless): one directory per container with
//! `state.json` (written atomically) and, between `create` and `start`, the
//! start gate `exec.fifo`. The status is derived, never stored: `stopped`
//! when the init is gone (or a zombie, or its PID was reused: the start time
//! is kept), `created` while the gate exists, else `running`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{anyhow, bail, Context as _};
use clap::{Args, Subcommand};
use nix::sys::signal::{SigSet, Signal};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};

use rpod_runtime::oci_spec::runtime::{Process, Spec};
use rpod_runtime::{StartGate, Stdio};

use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// The OCI runtime spec version the state reports.
const OCI_VERSION: &str = "1.0.2";

#[derive(Debug, Args)]
pub struct OciArgs {
    /// Ignored (runc compatibility: log file)
    #[arg(long, global = true, value_name = "FILE", hide = true)]
    pub log: Option<PathBuf>,
    /// Ignored (runc compatibility: log format)
    #[arg(long, global = true, value_name = "FORMAT", hide = true)]
    pub log_format: Option<String>,
    /// Ignored (runc compatibility)
    #[arg(long, global = true, hide = true)]
    pub systemd_cgroup: bool,

    #[command(subcommand)]
    pub command: OciCommand,
}

#[derive(Debug, Subcommand)]
pub enum OciCommand {
    /// Write a default config.json (like `runc spec`)
    Spec(SpecArgs),
    /// Create a container from a bundle; its process waits for `start`
    Create(CreateArgs),
    /// Start a created container
    Start(IdArg),
    /// Print a container's OCI state as JSON
    State(IdArg),
    /// Send a signal to a container's init (default SIGTERM)
    Kill(KillArgs),
    /// Delete a container's state (-f: kill it first)
    Delete(DeleteArgs),
    /// Create and start a container, wait for it, delete it: its exit code
    Run(CreateArgs),
    /// Run a process in a running container
    Exec(ExecArgs),
}

#[derive(Debug, Args)]
pub struct SpecArgs {
    /// Directory to write config.json into
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub bundle: PathBuf,
    /// A spec for a rootless container (user namespace, no network namespace)
    #[arg(long)]
    pub rootless: bool,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The container's ID
    pub id: String,
    /// The bundle directory (config.json and the root file system)
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub bundle: PathBuf,
    /// Write the init's PID to this file
    #[arg(long, value_name = "FILE")]
    pub pid_file: Option<PathBuf>,
    /// Unix socket to send the pty master to (process.terminal)
    #[arg(long, value_name = "SOCKET")]
    pub console_socket: Option<PathBuf>,
    /// Pass N extra descriptors (3..3+N) to the process
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    /// Ignored (pivot_root is always used)
    #[arg(long, hide = true)]
    pub no_pivot: bool,
    /// Ignored (no keyring is made)
    #[arg(long, hide = true)]
    pub no_new_keyring: bool,
    /// `run` only: do not wait for the container
    #[arg(short, long)]
    pub detach: bool,
}

#[derive(Debug, Args)]
pub struct IdArg {
    /// The container's ID
    pub id: String,
}

#[derive(Debug, Args)]
pub struct KillArgs {
    /// The container's ID
    pub id: String,
    /// Signal name or number
    #[arg(default_value = "SIGTERM")]
    pub signal: String,
    /// Ignored (runc compatibility)
    #[arg(short, long, hide = true)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Kill the container first if it is still running
    #[arg(short, long)]
    pub force: bool,
    /// The container's ID
    pub id: String,
}

#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct ExecArgs {
    /// The container's ID
    pub id: String,
    /// A process.json describing the process (instead of COMMAND)
    #[arg(short, long, value_name = "FILE")]
    pub process: Option<PathBuf>,
    /// Extra environment (KEY=VALUE)
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,
    /// Working directory
    #[arg(long, value_name = "DIR")]
    pub cwd: Option<String>,
    /// UID[:GID]
    #[arg(short, long, value_name = "UID[:GID]")]
    pub user: Option<String>,
    /// Write the process's PID to this file
    #[arg(long, value_name = "FILE")]
    pub pid_file: Option<PathBuf>,
    /// The command and its arguments
    #[arg(value_name = "COMMAND", allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// What `state.json` holds.
#[derive(Debug, Serialize, Deserialize)]
struct Saved {
    id: String,
    pid: i32,
    bundle: PathBuf,
    /// Field 22 of `/proc/PID/stat`: tells a reused PID apart.
    start_time: u64,
    created: String,
    #[serde(default)]
    annotations: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Created,
    Running,
    Stopped,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Stopped => "stopped",
        }
    }
}

pub fn run(ctx: &Context, args: OciArgs) -> anyhow::Result<()> {
    let root = state_root(ctx);
    match args.command {
        OciCommand::Spec(a) => spec(&a),
        OciCommand::Create(a) => create(&root, &a, false),
        OciCommand::Run(a) => create(&root, &a, true),
        OciCommand::Start(a) => start(&root, &a.id),
        OciCommand::State(a) => state(&root, &a.id),
        OciCommand::Kill(a) => kill(&root, &a),
        OciCommand::Delete(a) => delete(&root, &a),
        OciCommand::Exec(a) => exec(&root, &a),
    }
}

/// `--root`, else the default for the caller.
fn state_root(ctx: &Context) -> PathBuf {
    if let Some(r) = &ctx.global.root {
        return r.clone();
    }
    if nix::unistd::geteuid().is_root() {
        return PathBuf::from("/run/rpod-oci");
    }
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d).join("rpod-oci"),
        None => std::env::temp_dir().join(format!("rpod-oci-{}", nix::unistd::geteuid())),
    }
}

fn valid_id(id: &str) -> anyhow::Result<()> {
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

fn container_dir(root: &Path, id: &str) -> anyhow::Result<PathBuf> {
    valid_id(id)?;
    Ok(root.join(id))
}

fn load(root: &Path, id: &str) -> anyhow::Result<(PathBuf, Saved)> {
    let dir = container_dir(root, id)?;
    let data = match std::fs::read(dir.join("state.json")) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!("container {id} does not exist"),
        Err(e) => return Err(e).with_context(|| format!("reading the state of container {id}")),
    };
    let saved: Saved = serde_json::from_slice(&data).with_context(|| format!("parsing the state of container {id}"))?;
    Ok((dir, saved))
}

fn save(dir: &Path, saved: &Saved) -> anyhow::Result<()> {
    let tmp = dir.join(".state.json.tmp");
    let mut f = std::fs::File::create(&tmp).with_context(|| format!("writing {}", tmp.display()))?;
    f.write_all(&serde_json::to_vec(saved)?)?;
    f.sync_data().ok();
    std::fs::rename(&tmp, dir.join("state.json")).context("saving the container's state")?;
    Ok(())
}

/// (state letter, start time) of a process from `/proc/PID/stat`.
fn proc_stat(pid: i32) -> Option<(char, u64)> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command may hold spaces and parentheses: the fields follow the last ')'.
    let rest = &s[s.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let state = fields.first()?.chars().next()?;
    let start = fields.get(19)?.parse().ok()?;
    Some((state, start))
}

fn status(dir: &Path, saved: &Saved) -> Status {
    match proc_stat(saved.pid) {
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

fn now_rfc3339() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    crate::timefmt::rfc3339_nano(now.as_secs() as i64, now.subsec_nanos())
}

/// A default config.json, the same as `runc spec` writes.
fn default_config(rootless: bool) -> serde_json::Value {
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
    namespaces.extend([serde_json::json!({"type": "ipc"}), serde_json::json!({"type": "uts"}), serde_json::json!({"type": "mount"})]);
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

fn spec(a: &SpecArgs) -> anyhow::Result<()> {
    let path = a.bundle.join("config.json");
    if path.exists() {
        bail!("File {} exists. Remove it first", path.display());
    }
    let text = serde_json::to_string_pretty(&default_config(a.rootless))?;
    std::fs::write(&path, text + "\n").with_context(|| format!("writing {}", path.display()))
}

/// The bundle's config with the root path made absolute.
fn load_bundle(bundle: &Path) -> anyhow::Result<(PathBuf, Spec)> {
    let bundle = std::fs::canonicalize(bundle).with_context(|| format!("bundle {}", bundle.display()))?;
    let config = bundle.join("config.json");
    let mut spec = Spec::load(&config).map_err(|e| anyhow!("loading {}: {e}", config.display()))?;
    let mut root = spec.root().clone().ok_or_else(|| anyhow!("{}: no root", config.display()))?;
    let abs = bundle.join(root.path());
    root.set_path(abs);
    spec.set_root(Some(root));
    Ok((bundle, spec))
}

fn runtime_failure(e: rpod_runtime::RuntimeError) -> anyhow::Error {
    let exit = match e.exit_code() {
        127 => ExitCode::NotFound,
        126 => ExitCode::CannotInvoke,
        _ => ExitCode::Engine,
    };
    Failure::new(exit, e.to_string()).into()
}

fn create(root: &Path, a: &CreateArgs, run: bool) -> anyhow::Result<()> {
    let dir = container_dir(root, &a.id)?;
    let (bundle, spec) = load_bundle(&a.bundle)?;
    let terminal = spec.process().as_ref().and_then(|p| p.terminal()).unwrap_or(false);
    if terminal {
        // Sending the pty master over --console-socket is not implemented yet.
        bail!("process.terminal is not supported by rpod oci yet (set it to false)");
    }
    if a.console_socket.is_some() {
        bail!("--console-socket needs process.terminal");
    }
    std::fs::create_dir_all(root).with_context(|| format!("creating {}", root.display()))?;
    if let Err(e) = std::fs::create_dir(&dir) {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            bail!("container with id {} already exists", a.id);
        }
        return Err(e).with_context(|| format!("creating {}", dir.display()));
    }
    let result = create_in(&dir, &bundle, &spec, a, run);
    if result.is_err() || run && !a.detach {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

fn create_in(dir: &Path, bundle: &Path, spec: &Spec, a: &CreateArgs, run: bool) -> anyhow::Result<()> {
    // Relative mount sources are relative to the bundle.
    std::env::set_current_dir(bundle).with_context(|| format!("entering {}", bundle.display()))?;
    if a.preserve_fds > 0 {
        // Borrowing inherited raw descriptors needs unsafe code: not yet.
        bail!("--preserve-fds is not supported by rpod oci yet");
    }
    let mut opts = rpod_runtime::CreateOptions::new(spec);
    opts.stdio = Stdio::Inherit;
    opts.start_gate = if run { StartGate::Immediate } else { StartGate::Wait { fifo: dir.join("exec.fifo") } };

    let mut forwarded = SigSet::empty();
    if run && !a.detach {
        for s in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2] {
            forwarded.add(s);
        }
        forwarded.thread_block().context("blocking signals")?;
    }
    let created = rpod_runtime::create(&opts).map_err(runtime_failure)?;
    let pid = created.pid;
    let saved = Saved {
        id: a.id.clone(),
        pid: pid.as_raw(),
        bundle: bundle.to_path_buf(),
        start_time: proc_stat(pid.as_raw()).map(|s| s.1).unwrap_or(0),
        created: now_rfc3339(),
        annotations: spec
            .annotations()
            .as_ref()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect())
            .unwrap_or_default(),
    };
    let written = save(dir, &saved).and_then(|_| match &a.pid_file {
        Some(f) => write_pid_file(f, pid),
        None => Ok(()),
    });
    if let Err(e) = written {
        let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
        let _ = rpod_runtime::wait(pid);
        return Err(e);
    }
    if !run || a.detach {
        return Ok(());
    }
    std::thread::spawn(move || loop {
        if let Ok(sig) = forwarded.wait() {
            let _ = nix::sys::signal::kill(pid, sig);
        }
    });
    match rpod_runtime::wait(pid).map_err(runtime_failure)? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}

/// `--pid-file`, written atomically.
fn write_pid_file(path: &Path, pid: Pid) -> anyhow::Result<()> {
    let tmp = path.with_extension("rpod-tmp");
    std::fs::write(&tmp, pid.to_string()).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}

fn start(root: &Path, id: &str) -> anyhow::Result<()> {
    let (dir, saved) = load(root, id)?;
    match status(&dir, &saved) {
        Status::Created => {}
        s => bail!("cannot start a container that is {} (it must be created)", s.as_str()),
    }
    rpod_runtime::start(&dir.join("exec.fifo")).map_err(runtime_failure)
}

fn state(root: &Path, id: &str) -> anyhow::Result<()> {
    let (dir, saved) = load(root, id)?;
    let st = status(&dir, &saved);
    let mut out = serde_json::json!({
        "ociVersion": OCI_VERSION,
        "id": saved.id,
        "status": st.as_str(),
        "bundle": saved.bundle,
        "rootfs": saved.bundle.join("rootfs"),
        "created": saved.created,
        "annotations": saved.annotations,
    });
    if st != Status::Stopped {
        out["pid"] = serde_json::json!(saved.pid);
    } else {
        out["pid"] = serde_json::json!(0);
    }
    crate::context::print(&format!("{}\n", serde_json::to_string_pretty(&out)?))
}

fn parse_signal(s: &str) -> anyhow::Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow!("invalid signal {s:?}"));
    }
    let up = s.to_ascii_uppercase();
    let name = if up.starts_with("SIG") { up } else { format!("SIG{up}") };
    Signal::from_str(&name).map_err(|_| anyhow!("invalid signal {s:?}"))
}

fn kill(root: &Path, a: &KillArgs) -> anyhow::Result<()> {
    let sig = parse_signal(&a.signal)?;
    let (dir, saved) = load(root, &a.id)?;
    match status(&dir, &saved) {
        Status::Stopped => bail!("container {} is not running", a.id),
        _ => nix::sys::signal::kill(Pid::from_raw(saved.pid), sig)
            .with_context(|| format!("sending {sig} to container {}", a.id)),
    }
}

fn delete(root: &Path, a: &DeleteArgs) -> anyhow::Result<()> {
    let (dir, saved) = match load(root, &a.id) {
        Ok(x) => x,
        Err(e) if a.force && e.to_string().contains("does not exist") => return Ok(()),
        Err(e) => return Err(e),
    };
    let st = status(&dir, &saved);
    if st != Status::Stopped {
        if !a.force {
            bail!("cannot delete container {} that is {} (stop it first, or use -f)", a.id, st.as_str());
        }
        let _ = nix::sys::signal::kill(Pid::from_raw(saved.pid), Signal::SIGKILL);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while status(&dir, &saved) != Status::Stopped {
            // A wait-gated init has no exec'd process yet: the fifo stays.
            if proc_stat(saved.pid).is_none_or(|(s, t)| t != saved.start_time || s == 'Z' || s == 'X') {
                break;
            }
            if std::time::Instant::now() > deadline {
                bail!("container {} did not die after SIGKILL", a.id);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))
}

fn exec(root: &Path, a: &ExecArgs) -> anyhow::Result<()> {
    let (dir, saved) = load(root, &a.id)?;
    if status(&dir, &saved) != Status::Running {
        bail!("container {} is not running", a.id);
    }
    let mut process: Process = match &a.process {
        Some(f) => {
            let data = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
            serde_json::from_slice(&data).with_context(|| format!("parsing {}", f.display()))?
        }
        None => {
            if a.command.is_empty() {
                bail!("exec needs a command (or --process)");
            }
            let (_, spec) = load_bundle(&saved.bundle)?;
            let mut p = spec.process().clone().ok_or_else(|| anyhow!("the bundle's config has no process"))?;
            p.set_args(Some(a.command.clone()));
            p
        }
    };
    if process.terminal().unwrap_or(false) {
        bail!("process.terminal is not supported by rpod oci exec yet");
    }
    if !a.env.is_empty() {
        let mut env = process.env().clone().unwrap_or_default();
        env.extend(a.env.iter().cloned());
        process.set_env(Some(env));
    }
    if let Some(cwd) = &a.cwd {
        process.set_cwd(PathBuf::from(cwd));
    }
    if let Some(u) = &a.user {
        let (uid, gid) = u.split_once(':').unwrap_or((u, "0"));
        let mut user = process.user().clone();
        user.set_uid(uid.parse().with_context(|| format!("--user {u}"))?);
        user.set_gid(gid.parse().with_context(|| format!("--user {u}"))?);
        process.set_user(user);
    }
    let created = rpod_runtime::exec(Pid::from_raw(saved.pid), &process, Stdio::Inherit).map_err(runtime_failure)?;
    if let Some(f) = &a.pid_file {
        write_pid_file(f, created.pid)?;
    }
    match rpod_runtime::wait(created.pid).map_err(runtime_failure)? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
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
