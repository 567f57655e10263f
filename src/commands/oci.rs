//! `rpod oci ...` (hidden): the OCI runtime command line (runc's) over the
//! built-in runtime, so a bundle made by `runc spec` runs the same way under
//! both and conformance tools can drive rpod's runtime.
//!
//! State lives in `--root DIR` (default `/run/rpod-oci` as root,
//! `$XDG_RUNTIME_DIR/rpod-oci` rootless), kept by [`crate::oci_state`].

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use clap::{Args, Subcommand};
use nix::sys::signal::{SigSet, Signal};
use nix::unistd::Pid;

use rpod_runtime::oci_spec::runtime::{Process, Spec};
use rpod_runtime::{StartGate, Stdio};

use crate::container::hooks::warn_hooks;
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::oci_state::{
    container_dir, default_config, load, load_bundle, now_rfc3339, parse_signal, prepare_root, save, state_document,
    state_root, status, unmount_under, write_pid_file, Saved, Status,
};
use rpod_runtime::hooks::Stage;

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

pub fn run(ctx: &Context, args: OciArgs) -> anyhow::Result<()> {
    let root = state_root(ctx.global.root.as_deref())?;
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

fn spec(a: &SpecArgs) -> anyhow::Result<()> {
    let path = a.bundle.join("config.json");
    if path.exists() {
        bail!("File {} exists. Remove it first", path.display());
    }
    let text = serde_json::to_string_pretty(&default_config(a.rootless))?;
    std::fs::write(&path, text + "\n").with_context(|| format!("writing {}", path.display()))
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
    // First, before anything here opens a descriptor that could take one of their numbers.
    let preserved = crate::sys::inherited_fds(a.preserve_fds)?;
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
    prepare_root(root)?;
    if let Err(e) = std::os::unix::fs::DirBuilderExt::mode(&mut std::fs::DirBuilder::new(), 0o700).create(&dir) {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            bail!("container with id {} already exists", a.id);
        }
        return Err(e).with_context(|| format!("creating {}", dir.display()));
    }
    crate::paths::set_dir_mode(&dir, 0o700).with_context(|| format!("chmod {}", dir.display()))?;
    let cgroup = match oci_cgroup(&spec, &a.id) {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    };
    let result = create_in(&dir, &bundle, &spec, a, run, cgroup.clone(), &preserved);
    if result.is_err() || run && !a.detach {
        let _ = std::fs::remove_dir_all(&dir);
        if let Some(c) = &cgroup {
            let _ = rpod_runtime::cgroup_manager::remove(c);
        }
        if let Some(root) = mounts_under(&spec) {
            let _ = unmount_under(&root);
        }
    }
    result
}

/// The container's cgroup, when the config asks for one (`linux.cgroupsPath`
/// or limits in `linux.resources`): made through the runtime's cgroup v2
/// manager, or an error saying why it cannot be (a hybrid host), never
/// silently left out. As root, a cgroup is also made for the device rules
/// wherever one can be (the runtime attaches the device filter to it);
/// elsewhere the runtime's `nodev` stand-in applies them, and rules it
/// cannot express are refused.
fn oci_cgroup(spec: &Spec, id: &str) -> anyhow::Result<Option<PathBuf>> {
    use rpod_runtime::cgroup_manager::{create_oci, devices_need_filter, from_oci, place, Placement};
    let linux = spec.linux().as_ref();
    let path = linux.and_then(|l| l.cgroups_path().as_ref()).map(|p| p.to_string_lossy().into_owned());
    let path = path.filter(|p| !p.is_empty());
    let resources = linux.and_then(|l| l.resources().as_ref());
    let res = match resources {
        Some(r) => from_oci(r).map_err(|e| Failure::new(ExitCode::Engine, e))?,
        None => Default::default(),
    };
    let rootless = !nix::unistd::geteuid().is_root();
    let info = rpod_runtime::cgroups::detect(rootless);
    let device_rules = resources.is_some_and(|r| r.devices().as_ref().is_some_and(|d| !d.is_empty()));
    let filter = rpod_runtime::in_initial_userns_as_root()
        && device_rules
        && matches!(place(&info, rootless), Placement::Under { .. });
    if resources.is_some_and(devices_need_filter) && !filter {
        let why = match place(&info, rootless) {
            Placement::Unavailable(why) => why,
            Placement::Under { .. } => "a device cgroup filter needs root".to_string(),
        };
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "linux.resources.devices: a deny rule other than the leading deny-all needs the device cgroup: {why}"
            ),
        )
        .into());
    }
    if path.is_none() && res.is_empty() && !filter {
        return Ok(None);
    }
    let dir = create_oci(&info, rootless, path.as_deref(), &format!("rpod-oci-{id}"), &res)
        .map_err(|e| Failure::new(ExitCode::Engine, e))?;
    Ok(Some(dir))
}

/// The root under which the container's mounts land in the runtime's own
/// mount namespace (a config with mounts and no mount namespace).
fn mounts_under(spec: &Spec) -> Option<PathBuf> {
    use rpod_runtime::oci_spec::runtime::LinuxNamespaceType;
    let ns = spec.linux().as_ref().and_then(|l| l.namespaces().as_ref());
    let own = ns.is_some_and(|ns| ns.iter().any(|n| n.typ() == LinuxNamespaceType::Mount));
    let mounts = spec.mounts().as_ref().is_some_and(|m| !m.is_empty());
    let root = spec.root().as_ref().map(|r| std::fs::canonicalize(r.path()).unwrap_or_else(|_| r.path().clone()));
    root.filter(|_| mounts && !own)
}

fn create_in(
    dir: &Path,
    bundle: &Path,
    spec: &Spec,
    a: &CreateArgs,
    run: bool,
    cgroup: Option<PathBuf>,
    preserved: &[std::os::fd::OwnedFd],
) -> anyhow::Result<()> {
    // Relative mount sources are relative to the bundle.
    std::env::set_current_dir(bundle).with_context(|| format!("entering {}", bundle.display()))?;
    let mut saved = Saved {
        id: a.id.clone(),
        pid: 0,
        bundle: bundle.to_path_buf(),
        start_time: 0,
        created: now_rfc3339(),
        annotations: spec
            .annotations()
            .as_ref()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect())
            .unwrap_or_default(),
        cgroup,
        mounts_under: mounts_under(spec),
        hooks: spec.hooks().clone(),
    };
    let hooks = saved.hook_set();
    let mut opts = rpod_runtime::CreateOptions::new(spec);
    opts.hooks = hooks.clone();
    opts.stdio = Stdio::Inherit;
    opts.preserve_fds = preserved.iter().map(std::os::fd::AsFd::as_fd).collect();
    opts.cgroup = saved.cgroup.clone();
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
    saved.pid = pid.as_raw();
    saved.start_time = crate::procfs::stat(pid.as_raw()).map(|s| s.1).unwrap_or(0);
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
        if run {
            warn_hooks(hooks.as_ref(), Stage::Poststart, "running", pid.as_raw());
        }
        return Ok(());
    }
    warn_hooks(hooks.as_ref(), Stage::Poststart, "running", pid.as_raw());
    std::thread::spawn(move || loop {
        if let Ok(sig) = forwarded.wait() {
            let _ = nix::sys::signal::kill(pid, sig);
        }
    });
    let code = rpod_runtime::wait(pid).map_err(runtime_failure);
    warn_hooks(hooks.as_ref(), Stage::Poststop, "stopped", 0);
    match code? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}

fn start(root: &Path, id: &str) -> anyhow::Result<()> {
    let (dir, saved) = load(root, id)?;
    match status(&dir, &saved) {
        Status::Created => {}
        s => bail!("cannot start a container that is {} (it must be created)", s.as_str()),
    }
    let hooks = saved.hook_set();
    if let Err(e) = rpod_runtime::start(&dir.join("exec.fifo"), hooks.as_ref(), saved.pid) {
        if matches!(e, rpod_runtime::RuntimeError::Hook { .. }) {
            // prestart, startContainer: a failure stops the container (delete follows).
            let _ = delete(root, &DeleteArgs { force: true, id: id.to_string() });
        }
        return Err(runtime_failure(e));
    }
    warn_hooks(hooks.as_ref(), Stage::Poststart, "running", saved.pid);
    Ok(())
}

fn state(root: &Path, id: &str) -> anyhow::Result<()> {
    let (dir, saved) = load(root, id)?;
    let doc = state_document(&saved, status(&dir, &saved));
    crate::context::print(&format!("{}\n", serde_json::to_string_pretty(&doc)?))
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
            if crate::procfs::stat(saved.pid).is_none_or(|(s, t)| t != saved.start_time || s == 'Z' || s == 'X') {
                break;
            }
            if std::time::Instant::now() > deadline {
                bail!("container {} did not die after SIGKILL", a.id);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    if let Some(c) = &saved.cgroup {
        rpod_runtime::cgroup_manager::remove(c)?;
    }
    if let Some(root) = &saved.mounts_under {
        unmount_under(root)?;
    }
    std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    warn_hooks(saved.hook_set().as_ref(), Stage::Poststop, "stopped", 0);
    Ok(())
}

fn exec(root: &Path, a: &ExecArgs) -> anyhow::Result<()> {
    let (dir, saved) = load(root, &a.id)?;
    if status(&dir, &saved) != Status::Running {
        bail!("container {} is not running", a.id);
    }
    let (_, bundle_spec) = load_bundle(&saved.bundle)?;
    let seccomp = bundle_spec.linux().as_ref().and_then(|l| l.seccomp().clone());
    let mut process: Process = match &a.process {
        Some(f) => {
            let data = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
            serde_json::from_slice(&data).with_context(|| format!("parsing {}", f.display()))?
        }
        None => {
            if a.command.is_empty() {
                bail!("exec needs a command (or --process)");
            }
            let mut p = bundle_spec.process().clone().ok_or_else(|| anyhow!("the bundle's config has no process"))?;
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
    let created = rpod_runtime::exec(Pid::from_raw(saved.pid), &process, seccomp.as_ref(), Stdio::Inherit, &[])
        .map_err(runtime_failure)?;
    if let Some(f) = &a.pid_file {
        write_pid_file(f, created.pid)?;
    }
    match rpod_runtime::wait(created.pid).map_err(runtime_failure)? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}
