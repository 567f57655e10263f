//! `rpod exec` / `rpod container exec`: run a process in a running
//! container. It joins every namespace of the container's init directly
//! (no user namespace of its own first), with the container's
//! environment, user and capabilities unless overridden; rpod exits with
//! the process's exit code (126/127 when it cannot be run).

use std::os::fd::{AsFd, OwnedFd};

use anyhow::{anyhow, Context as _};
use clap::Args;
use nix::sys::signal::{SigSet, Signal};

use rpod_runtime::oci_spec::runtime::{Spec, UserBuilder};

use crate::commands::select;
use crate::container::config::{expand_env, merge_env, read_env_file};
use crate::container::record::Status;
use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct ExecArgs {
    /// Run the process in the background
    #[arg(short, long)]
    pub detach: bool,

    /// Set environment variables
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,

    /// Read in a file of environment variables
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<String>,

    /// Keep STDIN open even if not attached
    #[arg(short, long)]
    pub interactive: bool,

    /// Give extended privileges to the process
    #[arg(long)]
    pub privileged: bool,

    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,

    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long, value_name = "USER")]
    pub user: Option<String>,

    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,

    /// Override the key sequence for detaching from the process (with -it; empty: none)
    #[arg(long, value_name = "KEYS", default_value = crate::container::attach::DEFAULT_DETACH_KEYS)]
    pub detach_keys: String,

    /// Pass N additional file descriptors (3..3+N) to the process
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,

    /// Act on the latest container rpod created (then every argument is the command)
    #[arg(short, long)]
    pub latest: bool,

    /// The container (name or ID; not with --latest), then the command and its arguments.
    /// Everything after the container belongs to the command, as in Docker and Podman.
    #[arg(value_name = "CONTAINER", value_names = ["CONTAINER", "COMMAND"], num_args = 1.., required = true, trailing_var_arg = true)]
    pub container_and_command: Vec<String>,
}

pub fn run(ctx: &Context, args: ExecArgs) -> anyhow::Result<()> {
    // First, before this process opens anything that could take a free number among them.
    let preserve = crate::sys::inherited_fds(args.preserve_fds)?;
    let detach_keys = crate::container::attach::parse_detach_keys(&args.detach_keys)?;
    let mut containers = ctx.containers()?;
    let (name, command) = match args.container_and_command.split_first() {
        Some((first, rest)) if !args.latest => (Some(first.as_str()), rest.to_vec()),
        _ => (None, args.container_and_command.clone()),
    };
    if command.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "you must provide a command to exec").into());
    }
    let c = select::one(&mut containers, args.latest, name)?;
    if c.state.status != Status::Running || c.state.pid <= 0 {
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "can only create exec sessions on running containers: container state improper ({} is {})",
                c.name,
                c.state.status.as_str()
            ),
        )
        .into());
    }
    if ctx.rootless() && (c.config.keep_id.is_some() || c.config.options.id_maps.is_some()) {
        // A user namespace of the container's own, nested in the engine's:
        // into the engine's, from where the runtime joins the namespaces
        // that one owns (a user-defined network's) before the container's
        // user namespace, then the others.
        ctx.enter_user_namespace()?;
    } else if ctx.rootless() {
        // Into the container's user namespace first, while this process
        // has one thread: there it may join the other namespaces.
        let userns = std::fs::File::open(format!("/proc/{}/ns/user", c.state.pid))
            .with_context(|| format!("opening the user namespace of container {}", c.name))?;
        nix::sched::setns(userns, nix::sched::CloneFlags::CLONE_NEWUSER)
            .with_context(|| format!("joining the user namespace of container {}", c.name))?;
    }
    let spec_path = containers.run_dir(&c.id).join("config.json");
    let spec: Spec =
        serde_json::from_slice(&std::fs::read(&spec_path).with_context(|| format!("reading {}", spec_path.display()))?)
            .context("parsing the container's spec")?;
    let mut process = spec.process().clone().ok_or_else(|| anyhow!("the container's spec has no process"))?;
    // The container's own filter: an exec'd process is confined like the
    // container's, never less.
    let seccomp = spec.linux().as_ref().and_then(|l| l.seccomp().clone());
    process.set_args(Some(command));
    process.set_terminal(Some(args.tty));
    process.set_console_size(None);
    let mut extra = Vec::new();
    for f in &args.env_file {
        extra.extend(read_env_file(f)?);
    }
    extra.extend(args.env.iter().filter_map(|e| expand_env(e)));
    let base = process.env().clone().unwrap_or_default();
    process.set_env(Some(merge_env([base.as_slice(), extra.as_slice()])));
    if let Some(w) = args.workdir.as_ref().filter(|w| !w.is_empty()) {
        process.set_cwd(w.into());
    }
    if let Some(u) = &args.user {
        let root = std::path::PathBuf::from(format!("/proc/{}/root", c.state.pid));
        // An unknown user or group is Podman's "unable to find user NAME: no
        // matching entries in passwd file", exit 125 (no process started).
        let spec = rpod_runtime::user::resolve(&root, u).map_err(|e| match e {
            rpod_runtime::RuntimeError::InvalidSpec(m) => Failure::new(ExitCode::Engine, m),
            e => Failure::new(ExitCode::Engine, format!("resolving user {u:?} in the container: {e}")),
        })?;
        let mut b = UserBuilder::default().uid(spec.uid).gid(spec.gid);
        // This process is in the container's user namespace now (rootless)
        // or the host's, or (a user namespace of the container's own) in the
        // engine's, where the container's maps are known.
        let mapping = crate::container::userns::Mapping::of(&c.config)?;
        let groups = crate::container::userns::keep_settable_groups(&spec.additional_gids, mapping.as_ref());
        if !groups.is_empty() {
            b = b.additional_gids(groups);
        }
        process.set_user(b.build().map_err(|e| anyhow!("{e}"))?);
    }
    if args.privileged {
        // What `run --privileged` gives: every capability this process can
        // give, its bounding set (in the container's user namespace when
        // rootless); asking for more fails with EPERM.
        let all = rpod_runtime::caps::capability_set(&["ALL".to_string()]);
        process.set_capabilities(Some(rpod_runtime::caps::process_capabilities(all)));
    }
    if args.tty {
        if let Some(size) = crate::container::lifecycle::stdin_console_size()? {
            process.set_console_size(Some(size));
        }
    }
    let null =
        || -> anyhow::Result<OwnedFd> { Ok(std::fs::File::open("/dev/null").context("opening /dev/null")?.into()) };
    let dup = |fd: std::os::fd::BorrowedFd| fd.try_clone_to_owned().context("duplicating a descriptor");
    let stdio = if args.detach {
        rpod_runtime::Stdio::Fds { stdin: null()?, stdout: null()?, stderr: null()? }
    } else if args.tty {
        rpod_runtime::Stdio::Pty
    } else if args.interactive {
        rpod_runtime::Stdio::Inherit
    } else {
        rpod_runtime::Stdio::Fds {
            stdin: null()?,
            stdout: dup(std::io::stdout().as_fd())?,
            stderr: dup(std::io::stderr().as_fd())?,
        }
    };
    let mut forwarded = SigSet::empty();
    if !args.detach && !args.tty {
        for s in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2] {
            forwarded.add(s);
        }
        forwarded.thread_block().context("blocking signals")?;
    }
    let kept: Vec<_> = preserve.iter().map(|f| f.as_fd()).collect();
    let created = rpod_runtime::exec(nix::unistd::Pid::from_raw(c.state.pid), &process, seccomp.as_ref(), stdio, &kept)
        .map_err(runtime_failure)?;
    drop(kept);
    drop(preserve);
    containers.event(&c, "exec");
    if args.detach {
        return Ok(());
    }
    let pid = created.pid;
    if !args.tty {
        std::thread::spawn(move || loop {
            if let Ok(sig) = forwarded.wait() {
                let _ = nix::sys::signal::kill(pid, sig);
            }
        });
    }
    if let Some(master) = created.pty_master {
        let _raw = if args.interactive { Some(crate::container::terminal::RawMode::enter()) } else { None };
        let detached = crate::container::terminal::proxy(master, args.interactive, &detach_keys)
            .context("copying the terminal")?;
        if detached {
            // The process goes on (`exec` of Podman after its detach keys).
            return Ok(());
        }
    }
    match rpod_runtime::wait(pid).map_err(runtime_failure)? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}

/// A runtime error with the exit code Podman gives it: 127 when the command
/// is not found, 126 when it cannot be invoked, and, as Podman classifies
/// what its OCI runtime reports, 127 for a set-up step that failed with "no
/// such file or directory" (a missing `-w` directory); 125 otherwise.
pub fn runtime_failure(e: rpod_runtime::RuntimeError) -> anyhow::Error {
    let exit = match (&e, e.exit_code()) {
        (_, 127) | (rpod_runtime::RuntimeError::Setup { errno: nix::errno::Errno::ENOENT, .. }, _) => {
            ExitCode::NotFound
        }
        (_, 126) => ExitCode::CannotInvoke,
        _ => ExitCode::Engine,
    };
    Failure::new(exit, e.to_string()).into()
}
