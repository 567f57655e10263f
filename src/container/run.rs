//! `rpod run` in the foreground, from flag to syscall:
//!
//! 1. the store (rootless: this enters the user namespace and a private
//!    mount namespace; root: a private mount namespace is made here), the
//!    image (pulled when missing, like Docker);
//! 2. the process by Docker's rules ([`super::config`]);
//! 3. the root file system: overlay of the image's layers, held in the
//!    store while the container lives, plus `/etc/hostname`, `/etc/hosts`,
//!    `/etc/resolv.conf`, `/run/.containerenv` ([`super::rootfs`]);
//! 4. the OCI spec ([`rpod_runtime::default_spec`]) and the container's
//!    start ([`rpod_runtime::create`]): one clone into every namespace;
//! 5. stdio (inherited, or a pty proxied to our terminal), signals
//!    forwarded, the exit code (128+n when killed);
//! 6. everything removed again.

use std::io::Read;
use std::os::fd::{AsFd, OwnedFd};
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use nix::sys::signal::{SigSet, Signal};
use serde_json::Value;

use rpod_runtime::{default_spec, NetworkMode, SpecOptions, Stdio};

use super::config::{expand_env, merge_env, process_args, read_env_file, ImageConfig};
use super::rootfs::{write_in_root, Rootfs};
use super::terminal;
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::image::pull::{PullOptions, Puller};
use crate::registry::Platform;

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub image: String,
    pub args: Vec<String>,
    pub entrypoint: Option<String>,
    pub env: Vec<String>,
    pub env_files: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub network: NetworkMode,
    pub read_only: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    /// `--security-opt seccomp=...`.
    pub seccomp: rpod_runtime::Seccomp,
    /// `--security-opt no-new-privileges`.
    pub no_new_privileges: bool,
    pub interactive: bool,
    pub tty: bool,
    pub quiet_pull: bool,
    pub tls_verify: Option<bool>,
}

/// Run a container to its end; returns its exit code.
pub fn run(ctx: &Context, opts: &RunOptions) -> anyhow::Result<i32> {
    let store = ctx.store()?;
    if !ctx.rootless() {
        // Root: keep the container's mounts out of the host's namespace.
        nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS).context("creating a mount namespace")?;
        nix::mount::mount(None::<&str>, "/", None::<&str>, nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_PRIVATE, None::<&str>)
            .context("making the mount namespace private")?;
    }
    // Found like Podman finds it (`busybox` finds docker.io/library/busybox:latest),
    // pulled only when missing.
    let search = ctx.config()?.registries.search_registries().to_vec();
    let image = match crate::image::lookup::find(store, &search, &opts.image) {
        Ok(found) => found.image,
        Err(rpod_storage::StorageError::ImageUnknown(_)) => {
            let puller = Puller::new(ctx, opts.quiet_pull)?;
            puller.pull(&opts.image, &PullOptions { platform: Platform::host(), tls_verify: opts.tls_verify, quiet: opts.quiet_pull })?
        }
        Err(e) => return Err(e).with_context(|| format!("looking up image {}", opts.image)),
    };
    let image_config: Value = serde_json::from_slice(&image.config).context("parsing the image configuration")?;
    let img = ImageConfig::from_json(&image_config);
    let args = process_args(&img, opts.entrypoint.as_deref(), &opts.args)?;

    let id = random_id()?;
    let hostname = opts.hostname.clone().unwrap_or_else(|| id[..12].to_string());
    let conf = ctx.config()?;
    let mut from_files = Vec::new();
    for f in &opts.env_files {
        from_files.extend(read_env_file(f)?);
    }
    let from_flags: Vec<String> = opts.env.iter().filter_map(|e| expand_env(e)).collect();
    let defaults = conf.containers.env();
    let own = vec![format!("HOSTNAME={hostname}"), "container=rpod".to_string()];
    let env = merge_env([defaults.as_slice(), img.env.as_slice(), own.as_slice(), from_files.as_slice(), from_flags.as_slice()]);

    let paths = ctx.paths()?;
    let rootfs = Rootfs::new(&paths.graph_root, &id);
    let holder = format!("container-{id}");
    let top = image.layers.last().cloned().ok_or_else(|| anyhow!("image {} has no layers", image.id))?;
    store.hold(&holder, &top).context("holding the image's layers")?;
    let result = (|| {
        let lowers: Vec<PathBuf> = image.layers.iter().map(|c| store.layer_diff_path(c)).collect();
        rootfs.mount(&lowers, ctx.rootless())?;
        write_files(&rootfs.merged, &id, &hostname)?;
        start_and_wait(ctx, opts, &rootfs, args, env, hostname, &img)
    })();
    if let Err(e) = rootfs.remove() {
        log::warn!("cleaning up container {id}: {e:#}");
    }
    if let Err(e) = store.release(&holder) {
        log::warn!("releasing the layers of container {id}: {e}");
    }
    result
}

fn start_and_wait(
    ctx: &Context,
    opts: &RunOptions,
    rootfs: &Rootfs,
    args: Vec<String>,
    env: Vec<String>,
    hostname: String,
    img: &ImageConfig,
) -> anyhow::Result<i32> {
    let user_str = opts.user.clone().unwrap_or_else(|| img.user.clone());
    let user = rpod_runtime::user::resolve(&rootfs.merged, &user_str)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("resolving user {user_str:?} in the container"))?;
    let cwd = opts.workdir.clone().filter(|w| !w.is_empty()).unwrap_or_else(|| {
        if img.working_dir.is_empty() { "/".into() } else { img.working_dir.clone() }
    });
    let capabilities = capabilities(&ctx.config()?.containers.default_capabilities(), &opts.cap_add, &opts.cap_drop)?;
    let mut spec = default_spec(&SpecOptions {
        rootfs: rootfs.merged.clone(),
        args,
        env,
        cwd,
        hostname,
        terminal: opts.tty,
        user,
        capabilities,
        read_only: opts.read_only,
        network: opts.network,
        rootless: ctx.rootless(),
        privileged: opts.privileged,
        seccomp: opts.seccomp.clone(),
        no_new_privileges: opts.no_new_privileges,
        ..SpecOptions::default()
    });
    if opts.tty {
        if let Some((rows, cols)) = crate::sys::window_size(std::io::stdin().as_fd()) {
            if let Some(process) = spec.process_mut() {
                process.set_console_size(Some(
                    rpod_runtime::oci_spec::runtime::BoxBuilder::default()
                        .height(u64::from(rows))
                        .width(u64::from(cols))
                        .build()
                        .map_err(|e| anyhow!("{e}"))?,
                ));
            }
        }
    }
    let stdio = if opts.tty {
        Stdio::Pty
    } else if opts.interactive {
        Stdio::Inherit
    } else {
        let null: OwnedFd = std::fs::File::open("/dev/null").context("opening /dev/null")?.into();
        let dup = |fd: std::os::fd::BorrowedFd| fd.try_clone_to_owned().context("duplicating standard output");
        Stdio::Fds { stdin: null, stdout: dup(std::io::stdout().as_fd())?, stderr: dup(std::io::stderr().as_fd())? }
    };

    // Signals sent to rpod go to the container; the runtime resets the
    // mask in the container's process.
    let mut forwarded = SigSet::empty();
    for s in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2] {
        forwarded.add(s);
    }
    forwarded.thread_block().context("blocking signals")?;

    let mut create = rpod_runtime::CreateOptions::new(&spec);
    create.stdio = stdio;
    let created = rpod_runtime::create(&create).map_err(runtime_failure)?;
    drop(create);
    let pid = created.pid;
    std::thread::spawn(move || loop {
        if let Ok(sig) = forwarded.wait() {
            let _ = nix::sys::signal::kill(pid, sig);
        }
    });
    if let Some(master) = created.pty_master {
        let _raw = terminal::RawMode::enter();
        terminal::proxy(master, opts.interactive).context("copying the container's terminal")?;
    }
    rpod_runtime::wait(pid).map_err(runtime_failure)
}


/// A runtime error with the exit code Docker gives it (127 not found, 126
/// cannot invoke, 125 otherwise).
fn runtime_failure(e: rpod_runtime::RuntimeError) -> anyhow::Error {
    let exit = match e.exit_code() {
        127 => ExitCode::NotFound,
        126 => ExitCode::CannotInvoke,
        _ => ExitCode::Engine,
    };
    Failure::new(exit, e.to_string()).into()
}

/// The default set with `--cap-add` / `--cap-drop` applied (`ALL` works in
/// both, as in Podman).
fn capabilities(defaults: &[String], add: &[String], drop: &[String]) -> anyhow::Result<Vec<String>> {
    let norm = |c: &String| rpod_runtime::caps::normalize(c).ok_or_else(|| anyhow!("unknown capability {c:?}"));
    let add: Vec<String> = add.iter().map(norm).collect::<anyhow::Result<_>>()?;
    let drop: Vec<String> = drop.iter().map(norm).collect::<anyhow::Result<_>>()?;
    let mut caps: Vec<String> = if drop.iter().any(|c| c == "ALL") { Vec::new() } else { defaults.to_vec() };
    caps.retain(|c| !drop.contains(c));
    if add.iter().any(|c| c == "ALL") {
        return Ok(rpod_runtime::caps::ALL.iter().map(|c| c.to_string()).collect());
    }
    for c in add {
        if !caps.contains(&c) {
            caps.push(c);
        }
    }
    Ok(caps)
}

/// The files rpod writes into every container.
fn write_files(root: &std::path::Path, id: &str, hostname: &str) -> anyhow::Result<()> {
    write_in_root(root, "/etc/hostname", format!("{hostname}\n").as_bytes())?;
    write_in_root(
        root,
        "/etc/hosts",
        format!("127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n127.0.1.1\t{hostname}\n").as_bytes(),
    )?;
    let resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    write_in_root(root, "/etc/resolv.conf", resolv.as_bytes())?;
    write_in_root(root, "/run/.containerenv", format!("engine=\"rpod-{}\"\nid=\"{id}\"\n", env!("CARGO_PKG_VERSION")).as_bytes())?;
    Ok(())
}

/// 64 random hex digits.
fn random_id() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).context("reading /dev/urandom")?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capability_flags() {
        let d: Vec<String> = ["CAP_CHOWN", "CAP_KILL"].iter().map(|s| s.to_string()).collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(capabilities(&d, &s(&["net_raw"]), &s(&["kill"])).unwrap(), s(&["CAP_CHOWN", "CAP_NET_RAW"]));
        assert_eq!(capabilities(&d, &s(&["chown"]), &s(&["ALL"])).unwrap(), s(&["CAP_CHOWN"]));
        assert_eq!(capabilities(&d, &s(&["all"]), &[]).unwrap().len(), rpod_runtime::caps::ALL.len());
        assert!(capabilities(&d, &s(&["bogus"]), &[]).is_err());
    }
}
