//! The OCI spec of a container from its record, and the capability and
//! terminal-size rules it uses.

use std::os::fd::AsFd;

use anyhow::{anyhow, bail, Context as _};

use rpod_runtime::{default_spec, SpecOptions};

use super::*;
use crate::container::record::Container;
use crate::container::rootfs::{write_in_root, Rootfs};
use crate::context::Context;

/// The OCI spec of a container whose root file system is mounted.
pub(super) fn build_spec(
    ctx: &Context,
    c: &Container,
    rootfs: &Rootfs,
    run_dir: &std::path::Path,
    mapping: Option<&crate::container::userns::Mapping>,
    net: &crate::network::names::Attachment,
    netns: Option<&std::path::Path>,
) -> anyhow::Result<rpod_runtime::oci_spec::runtime::Spec> {
    let conf = &c.config;
    // Files rpod writes belong to root inside the container.
    let owner = mapping.map(|m| m.root());
    let mut bind_files =
        write_files(run_dir, c, ctx.rootless(), owner, net, &rootfs.merged, &ctx.config()?.containers)?;
    // --chrootdirs: each of them gets the engine's files as well (Podman's mountIntoRootDirs).
    let in_chroots: Vec<(std::path::PathBuf, String)> = conf
        .options
        .chrootdirs
        .iter()
        .flat_map(|dir| {
            bind_files.iter().map(move |(src, dest)| (src.clone(), format!("{}{dest}", dir.trim_end_matches('/'))))
        })
        .collect();
    bind_files.extend(in_chroots);
    // --sdnotify=container under a caller with NOTIFY_SOCKET: the
    // container's own socket, which the monitor binds and relays.
    let mut env = conf.env.clone();
    if conf.options.sdnotify == crate::container::sdnotify::Mode::Container
        && crate::container::sdnotify::caller_socket().is_some()
    {
        let dir = crate::container::sdnotify::host_dir(run_dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        bind_files.push((dir, crate::container::sdnotify::CONTAINER_DIR.to_string()));
        env.retain(|e| !e.starts_with("NOTIFY_SOCKET="));
        env.push(format!("NOTIFY_SOCKET={}", crate::container::sdnotify::CONTAINER_SOCKET));
    }
    // Entries for keep-id's user, then (Podman's --passwd, the default) for
    // a numeric user the image does not know.
    let read = |f: &str| rpod_runtime::user::read_in_root(&rootfs.merged, f).map_err(|e| anyhow!("{e}"));
    let add = |(passwd, group): (Option<String>, Option<String>)| -> anyhow::Result<()> {
        if let Some(p) = passwd {
            write_in_root(&rootfs.merged, "/etc/passwd", p.as_bytes(), owner)?;
        }
        if let Some(g) = group {
            write_in_root(&rootfs.merged, "/etc/group", g.as_bytes(), owner)?;
        }
        Ok(())
    };
    if let Some(k) = &conf.keep_id {
        add(crate::container::userns::passwd_entries(k, &read("/etc/passwd")?, &read("/etc/group")?))?;
    }
    if let Some(p) = crate::container::userns::host_user_entries(&conf.options.host_users, &read("/etc/passwd")?)? {
        add((Some(p), None))?;
    }
    if !conf.options.no_passwd {
        add(crate::container::userns::user_entries(
            &conf.user,
            &conf.working_dir,
            conf.options.passwd_entry.as_deref(),
            &read("/etc/passwd")?,
            &read("/etc/group")?,
        )?)?;
    }
    let user = rpod_runtime::user::resolve(&rootfs.merged, &conf.user)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("resolving user {:?} in the container", conf.user))?;
    let mut user = user;
    if let Some(m) = mapping {
        // The process's IDs must exist in the container's user namespace.
        if rpod_runtime::userns::to_host(&m.uids, user.uid).is_none() {
            bail!(
                "the container's user ID {} is not mapped by its --uidmap (map it, or choose one with --user)",
                user.uid
            );
        }
        if rpod_runtime::userns::to_host(&m.gids, user.gid).is_none() {
            bail!(
                "the container's group ID {} is not mapped by its --gidmap (map it, or choose one with --user)",
                user.gid
            );
        }
    }
    user.additional_gids = crate::container::userns::keep_settable_groups(&user.additional_gids, mapping);
    // The container's user as this process's IDs (keep-id: through its map).
    let engine_ids = |uid: u32, gid: u32| -> (u32, u32) {
        match mapping {
            Some(m) => (
                rpod_runtime::userns::to_host(&m.uids, uid).unwrap_or(uid),
                rpod_runtime::userns::to_host(&m.gids, gid).unwrap_or(gid),
            ),
            None => (uid, gid),
        }
    };
    let user_mounts = crate::volume::prepare::oci_mounts(
        ctx,
        &conf.mounts,
        &crate::volume::prepare::Target {
            merged: &rootfs.merged,
            dir: &rootfs.dir,
            user: engine_ids(user.uid, user.gid),
            rootless: ctx.rootless(),
        },
    )?;
    // --secret: read from the store now (a removed secret fails the start, as in Podman).
    let secrets =
        crate::secret::usage::provide(&crate::secret::Store::open(ctx)?, &conf.options.secrets, run_dir, &engine_ids)?;
    for var in &secrets.env {
        let key = var.split('=').next().unwrap_or_default();
        env.retain(|e| e.split('=').next() != Some(key));
        env.push(var.clone());
    }
    let capabilities = capabilities(&ctx.config()?.containers.default_capabilities(), &conf.cap_add, &conf.cap_drop)?;
    let (mut seccomp, no_new_privileges) = crate::container::config::security_opts(&conf.security_opt)?;
    if let Some(profile) = &conf.options.image_seccomp {
        // --seccomp-policy=image: the image's profile over any other, as Podman.
        let p =
            rpod_runtime::seccomp::Profile::parse(profile).map_err(|e| anyhow!("the image's seccomp profile: {e}"))?;
        seccomp = rpod_runtime::Seccomp::Profile(Box::new(p));
    }
    let init_program = conf.options.init_program(conf.init);
    let mut args = match init_program {
        // Podman's way with catatonit: `/run/podman-init -- COMMAND...`.
        Some(_) => vec![crate::container::options::INIT_MOUNT.to_string(), "--".to_string(), conf.path.clone()],
        None => vec![conf.path.clone()],
    };
    args.extend(conf.args.iter().cloned());
    let spec = default_spec(&SpecOptions {
        rootfs: rootfs.merged.clone(),
        args,
        env,
        cwd: conf.working_dir.clone(),
        hostname: conf.hostname.clone(),
        terminal: conf.tty,
        user,
        capabilities,
        read_only: conf.read_only,
        network: conf.network.runtime_mode(),
        rootless: ctx.rootless(),
        privileged: conf.privileged,
        user_namespace: mapping
            .map(|m| rpod_runtime::UserNamespace { uid_mappings: m.uids.clone(), gid_mappings: m.gids.clone() }),
        seccomp,
        no_new_privileges,
        bind_files,
        ..SpecOptions::default()
    });
    let mut spec = spec;
    let groups = rpod_runtime::user::parse_group(
        &rpod_runtime::user::read_in_root(&rootfs.merged, "/etc/group").map_err(|e| anyhow!("{e}"))?,
    );
    let ns_of = |id: &str| -> anyhow::Result<i32> {
        let mut containers = ctx.containers()?;
        let other = containers.find(id)?;
        if !other.state.status.is_live() || other.state.pid <= 0 {
            // Podman's words and exit code (a dependency started for it may have ended at once).
            let msg =
                format!("cannot get namespace path unless container {} is running: container is stopped", other.id);
            return Err(crate::error::Failure::new(crate::error::ExitCode::CannotInvoke, msg).into());
        }
        Ok(other.state.pid)
    };
    conf.options.apply(&mut spec, &groups, &ns_of, ctx.rootless())?;
    join_network(&mut spec, &conf.network, &ns_of, netns)?;
    if !user_mounts.is_empty() {
        // The user's mounts replace the engine's at the same place, and are
        // made parents first.
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        mounts.retain(|m| !user_mounts.iter().any(|u| u.destination() == m.destination()));
        let mut user_mounts = user_mounts;
        user_mounts.sort_by_key(|m| m.destination().components().count());
        mounts.extend(user_mounts);
        spec.set_mounts(Some(mounts));
    }
    if !secrets.files.is_empty() {
        // Read-only, after the user's mounts (a secret in a mounted directory stays visible).
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        for (source, dest) in &secrets.files {
            mounts.retain(|m| m.destination() != std::path::Path::new(dest));
            mounts.push(
                rpod_runtime::oci_spec::runtime::MountBuilder::default()
                    .destination(dest)
                    .typ("bind")
                    .source(source)
                    .options(["bind", "rprivate", "ro", "nosuid", "nodev", "noexec"].map(String::from).to_vec())
                    .build()
                    .map_err(|e| anyhow!("{e}"))?,
            );
        }
        spec.set_mounts(Some(mounts));
    }
    if let Some(program) = init_program {
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        mounts.push(
            rpod_runtime::oci_spec::runtime::MountBuilder::default()
                .destination(crate::container::options::INIT_MOUNT)
                .typ("bind")
                .source(program)
                .options(vec!["bind".to_string(), "ro".to_string(), "rprivate".to_string()])
                .build()
                .map_err(|e| anyhow!("{e}"))?,
        );
        spec.set_mounts(Some(mounts));
    }
    if conf.privileged {
        crate::container::options::add_host_devices(&mut spec, ctx.rootless())?;
    }
    // Hooks of containers.conf's hook directories that apply (Podman's way).
    // --hooks-dir replaces containers.conf's hooks_dir (Podman).
    let given: Vec<String> = ctx.global.hooks_dir.iter().map(|d| d.display().to_string()).collect();
    let configured = if given.is_empty() { ctx.config()?.containers.hooks_dir.clone() } else { Some(given) };
    let hook_dirs = crate::container::hooks::dirs(configured.as_deref(), ctx.rootless());
    crate::container::hooks::apply(&mut spec, &hook_dirs)?;
    if let (Some(adj), Some(process)) = (conf.oom_score_adj, spec.process_mut()) {
        process.set_oom_score_adj(Some(adj));
    }
    // The pty starts with the size of the terminal that starts it (an
    // attach client's later size changes reach it through the monitor).
    if conf.tty {
        if let (Some(size), Some(process)) = (stdin_console_size()?, spec.process_mut()) {
            process.set_console_size(Some(size));
        }
    }
    Ok(spec)
}

/// `--network container:ID`, `ns:PATH` and bridge networks (the namespace
/// netavark set up, `bridge_netns`): the container joins that network
/// namespace instead of getting one of its own.
fn join_network(
    spec: &mut rpod_runtime::oci_spec::runtime::Spec,
    mode: &crate::network::Mode,
    ns_of: &dyn Fn(&str) -> anyhow::Result<i32>,
    bridge_netns: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use rpod_runtime::oci_spec::runtime::{LinuxNamespaceBuilder, LinuxNamespaceType};
    let path = match mode {
        crate::network::Mode::Bridge(_) => match bridge_netns {
            Some(p) => p.to_path_buf(),
            None => bail!("--network {mode}: the network is not set up"),
        },
        crate::network::Mode::Container(id) => std::path::PathBuf::from(format!("/proc/{}/ns/net", ns_of(id)?)),
        crate::network::Mode::Ns(p) => p.clone(),
        _ => return Ok(()),
    };
    let Some(linux) = spec.linux_mut() else { return Ok(()) };
    let mut namespaces = linux.namespaces().clone().unwrap_or_default();
    namespaces.retain(|n| n.typ() != LinuxNamespaceType::Network);
    namespaces.push(LinuxNamespaceBuilder::default().typ(LinuxNamespaceType::Network).path(path).build()?);
    linux.set_namespaces(Some(namespaces));
    Ok(())
}

/// The size of the terminal on standard input as an OCI console size
/// (`None` when standard input is no terminal).
pub fn stdin_console_size() -> anyhow::Result<Option<rpod_runtime::oci_spec::runtime::Box>> {
    let Some((rows, cols)) = crate::sys::window_size(std::io::stdin().as_fd()) else { return Ok(None) };
    let size = rpod_runtime::oci_spec::runtime::BoxBuilder::default()
        .height(u64::from(rows))
        .width(u64::from(cols))
        .build()
        .map_err(|e| anyhow!("{e}"))?;
    Ok(Some(size))
}

/// The default set with `--cap-add` / `--cap-drop` applied (`ALL` works in
/// both, as in Podman).
pub fn capabilities(defaults: &[String], add: &[String], drop: &[String]) -> anyhow::Result<Vec<String>> {
    let norm = |c: &String| rpod_runtime::caps::normalize(c).ok_or_else(|| anyhow!("unknown capability {c:?}"));
    let add: Vec<String> = add.iter().map(norm).collect::<anyhow::Result<_>>()?;
    let drop: Vec<String> = drop.iter().map(norm).collect::<anyhow::Result<_>>()?;
    let mut caps: Vec<String> = if drop.iter().any(|c| c == "ALL") { Vec::new() } else { defaults.to_vec() };
    caps.retain(|c| !drop.contains(c));
    if add.iter().any(|c| c == "ALL") {
        // Every capability rpod can give (see rpod_runtime::spec::capability_set).
        return Ok(vec!["ALL".to_string()]);
    }
    for c in add {
        if !caps.contains(&c) {
            caps.push(c);
        }
    }
    Ok(caps)
}
