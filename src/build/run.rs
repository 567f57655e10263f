//! `RUN`: the command in an rpod container made from the step's parent
//! image — the same create and start as `rpod run` (runtime, user
//! namespace, network), its output streamed — whose upper layer becomes
//! the step's layer. The container goes whatever happens ([`StepContainer`]).

use std::path::PathBuf;

use anyhow::{anyhow, Context as _};

use crate::container::attach::{self, ClientOptions, Ended};
use crate::container::lifecycle::{self, CreateOptions, ImageVolume, PullPolicy};
use crate::container::record::{Container, Containers};
use crate::context::Context;

/// The label that marks a build's containers (`rpod build` removes those
/// an interrupted build left behind).
pub const BUILD_LABEL: &str = "io.rpod.build";

/// How to run one `RUN`.
pub struct RunStep<'a> {
    /// The parent image's ID.
    pub image: &'a str,
    /// The process (shell + command, or the exec form).
    pub argv: Vec<String>,
    /// Set on top of the image's environment (the build args in scope).
    pub env: Vec<String>,
    pub network: Option<crate::network::Mode>,
    /// `--mount`s of the step (secrets, caches, binds), as `--mount` values.
    pub mounts: Vec<crate::volume::mounts::MountSpec>,
    /// Show the command's output.
    pub output: bool,
    /// The container's other settings (`build --cap-add`, `--ulimit`, `-m`,
    /// `--dns`, `-v`, ...).
    pub base: &'a CreateOptions,
    /// `build --stdin`: the command reads the build's standard input.
    pub stdin: bool,
}

/// A build step's container: removed (with its files) on drop.
pub struct StepContainer<'a> {
    ctx: &'a Context,
    pub containers: Containers,
    pub container: Container,
}

impl StepContainer<'_> {
    /// The container's upper layer: its changes.
    pub fn upper(&self) -> anyhow::Result<PathBuf> {
        crate::container::diff::upper_dir(&self.containers, &self.container)
    }
}

impl Drop for StepContainer<'_> {
    fn drop(&mut self) {
        if let Err(e) = lifecycle::remove(self.ctx, &mut self.containers, &self.container, true) {
            log::warn!("removing build container {}: {e:#}", self.container.id);
        }
    }
}

/// Files the engine makes in every container as mount points (when the
/// image lacks them), left out of the step's layer as Podman does.
const MOUNT_POINTS: &[&str] = &["etc/hostname", "etc/hosts", "etc/resolv.conf", "run/.containerenv", "etc/mtab"];

/// Mount points of every container (and the parents of [`MOUNT_POINTS`]).
const MOUNT_DIRS: &[&str] = &["etc", "run", "dev", "proc", "sys"];

/// Run the step; returns the exited container (exit code 0), or an error
/// carrying the command's exit code.
pub fn run<'a>(ctx: &'a Context, step: &RunStep<'_>, shown: &str) -> anyhow::Result<StepContainer<'a>> {
    let mut mounts = step.base.mounts.clone();
    mounts.extend(step.mounts.iter().cloned());
    let opts = CreateOptions {
        image: step.image.to_string(),
        args: step.argv.clone(),
        entrypoint: Some(String::new()),
        env: step.env.clone(),
        network: step.network.clone(),
        labels: vec![format!("{BUILD_LABEL}={}", std::process::id())],
        pull: PullPolicy::Never,
        quiet_pull: true,
        mounts,
        image_volume: ImageVolume::Ignore,
        runtime: ctx.global.runtime.clone(),
        interactive: step.stdin,
        ..step.base.clone()
    };
    let c = lifecycle::create(ctx, &opts)?;
    let mut guard = StepContainer { ctx, containers: ctx.containers()?, container: c.clone() };
    let started = lifecycle::start(ctx, &mut guard.containers, &c, true)?;
    let sock = attach::connect(&guard.containers.run_dir(&c.id))?;
    let mut report = started.report.ok_or_else(|| anyhow!("the monitor did not wait for the attach"))?;
    let outcome = lifecycle::read_outcome(&mut report);
    let pid = match outcome {
        Ok(pid) => pid,
        Err(e) => return Err(e.context(format!("building at STEP \"{shown}\""))),
    };
    let ended = attach::client(
        sock,
        &ClientOptions {
            stdin: step.stdin,
            stdout: step.output,
            stderr: step.output,
            tty: false,
            detach_keys: Vec::new(),
            proxy_signals_to: Some(pid),
        },
    )?;
    let code = match ended {
        Ended::Exited(code) => code,
        Ended::Detached | Ended::Closed => {
            crate::commands::container::attach::exit_code_after_close(&mut guard.containers, &c.id)?
        }
    };
    if code != 0 {
        return Err(crate::error::Failure::new(
            crate::error::ExitCode::Container(code),
            format!("building at STEP \"{shown}\": while running runtime: exit status {code}"),
        )
        .into());
    }
    let upper = guard.upper()?;
    for p in MOUNT_POINTS {
        let f = upper.join(p);
        if std::fs::symlink_metadata(&f).is_ok_and(|m| m.is_file() && m.len() == 0) {
            std::fs::remove_file(&f).with_context(|| format!("removing {}", f.display()))?;
        }
    }
    // The step's mount points (secrets, caches), with the directories made
    // for them, and the directories the runtime made as mount points or
    // copied up for the files above: empty ones (not opaque) are no change.
    for m in &opts.mounts {
        let mut p = upper.join(m.destination.trim_start_matches('/'));
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_file() && m.len() == 0) {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
        }
        while p.starts_with(&upper) && p != upper {
            remove_if_empty_dir(&p)?;
            p = match p.parent() {
                Some(q) => q.to_path_buf(),
                None => break,
            };
        }
    }
    for d in MOUNT_DIRS {
        remove_if_empty_dir(&upper.join(d))?;
    }
    Ok(guard)
}

/// Remove `p` when it is an empty directory that is not opaque (a copy-up
/// or a mount point: no change of the step).
fn remove_if_empty_dir(p: &std::path::Path) -> anyhow::Result<()> {
    let empty = std::fs::read_dir(p).is_ok_and(|mut e| e.next().is_none());
    let opaque = ["trusted.overlay.opaque", "user.overlay.opaque"].iter().any(|x| crate::sys::has_xattr(p, x));
    if empty && !opaque && std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) {
        std::fs::remove_dir(p).with_context(|| format!("removing {}", p.display()))?;
    }
    Ok(())
}

/// Remove the containers of builds that are gone (killed mid-step): their
/// label names the build's process.
pub fn remove_leftovers(ctx: &Context) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    for c in containers.list()? {
        let Some(pid) = c.config.labels.get(BUILD_LABEL).and_then(|p| p.parse::<i32>().ok()) else { continue };
        if pid != std::process::id() as i32 && !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            if let Err(e) = lifecycle::remove(ctx, &mut containers, &c, true) {
                log::warn!("removing container {} of an interrupted build: {e:#}", c.id);
            }
        }
    }
    Ok(())
}
