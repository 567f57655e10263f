//! `rpod info` / `rpod system info`: the host, the store and the
//! registries as rpod sees them, shaped like Podman's report.

use std::path::Path;

use anyhow::Context as _;
use clap::Args;
use serde_json::{json, Map, Value};

use rpod_runtime::{cgroups, host, userns};
use rpod_storage::driver::Driver;
use rpod_storage::layout::{self, Layout};

use crate::context::{print, Context};
use crate::{format, yaml};

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Change the output format to JSON or a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

pub fn run(ctx: &Context, args: InfoArgs) -> anyhow::Result<()> {
    let report = report(ctx)?;
    match args.format.as_deref() {
        None | Some("") => print(&yaml::to_yaml(&report)),
        Some(f) if format::is_json(f) => print(&(format::to_json_indent(&report, 2) + "\n")),
        Some(f) => print(&format::render_one(Some(f), &with_docker_fields(go_field_names(&report), &report))?),
    }
}

/// Templates also see the fields of Docker's `info` that scripts use
/// (`{{.ServerVersion}}`, `{{.Driver}}`, `{{.NCPU}}`, ...), so they work
/// under `alias docker=rpod`.
fn with_docker_fields(mut data: Value, report: &Value) -> Value {
    let host = &report["host"];
    let store = &report["store"];
    let containers = &store["containerStore"];
    let docker = serde_json::json!({
        "ServerVersion": report["version"]["Version"],
        "Driver": store["graphDriverName"],
        "DockerRootDir": store["graphRoot"],
        "OperatingSystem": host["distribution"]["distribution"],
        "OSType": host["os"],
        "Architecture": host["arch"],
        "KernelVersion": host["kernel"],
        "NCPU": host["cpus"],
        "MemTotal": host["memTotal"],
        "Name": host["hostname"],
        "Containers": containers["number"],
        "ContainersRunning": containers["running"],
        "ContainersPaused": containers["paused"],
        "ContainersStopped": containers["stopped"],
        "Images": store["imageStore"]["number"],
        "CgroupVersion": host["cgroupVersion"].as_str().map(|v| v.trim_start_matches('v').to_string()),
    });
    if let (Some(to), Value::Object(from)) = (data.as_object_mut(), docker) {
        for (k, v) in from {
            to.entry(k).or_insert(v);
        }
    }
    data
}

/// Templates see Podman's Go field names (`{{.Host.Arch}}`,
/// `{{.Store.GraphRoot}}`), while JSON and YAML keep its JSON keys.
/// Maps that are maps in Podman too (registries, graph status and options)
/// keep their keys.
fn go_field_names(value: &Value) -> Value {
    const RENAMES: [(&str, &str); 10] = [
        ("cgroupVersion", "CgroupsVersion"),
        ("cpus", "CPUs"),
        ("idMappings", "IDMappings"),
        ("uidmap", "UIDMap"),
        ("gidmap", "GIDMap"),
        ("os", "OS"),
        ("seccompEnabled", "SECCOMPEnabled"),
        ("capabilities", "DefaultCapabilities"),
        ("container_id", "ContainerID"),
        ("host_id", "HostID"),
    ];
    const KEEP_KEYS_BELOW: [&str; 3] = ["registries", "graphStatus", "graphOptions"];
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let name =
                        RENAMES.iter().find(|(from, _)| from == k).map(|(_, to)| to.to_string()).unwrap_or_else(|| {
                            let mut c = k.chars();
                            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                        });
                    let v = if KEEP_KEYS_BELOW.contains(&k.as_str()) { v.clone() } else { go_field_names(v) };
                    (name, v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(go_field_names).collect()),
        other => other.clone(),
    }
}

/// The whole report.
pub fn report(ctx: &Context) -> anyhow::Result<Value> {
    let paths = ctx.paths()?;
    let config = ctx.config()?;
    let rootless = ctx.rootless();

    let native = crate::driver::native_overlay(&paths.run_root, rootless);
    let driver = crate::driver::storage_driver(ctx, native)?;
    let store = Layout::new(&paths.graph_root);
    let images = store.image_count().with_context(|| format!("reading {}", store.images_dir().display()))?;
    let containers =
        store.container_count().with_context(|| format!("reading {}", store.containers_dir().display()))?;
    // By state, from the records (the store's count stays the total).
    let (mut running, mut paused) = (0, 0);
    if containers > 0 {
        for c in ctx.containers()?.list()? {
            match c.state.status {
                crate::container::record::Status::Running => running += 1,
                crate::container::record::Status::Paused => paused += 1,
                _ => {}
            }
        }
    }
    let stopped = containers.saturating_sub(running + paused);

    let mut graph_options = Map::new();
    if let Driver::Overlay { mount_program: Some(p) } = &driver {
        graph_options.insert("overlay.mount_program".into(), json!({ "Executable": p }));
    }
    // As Podman lists the driver's options: the value as text.
    if config.storage.ignore_chown_errors {
        graph_options.insert(format!("{}.ignore_chown_errors", driver.name()), json!("true"));
    }

    Ok(json!({
        "host": host_report(ctx)?,
        "store": {
            "configFile": config.storage.file.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            "containerStore": { "number": containers, "paused": paused, "running": running, "stopped": stopped },
            "graphDriverName": driver.name(),
            "graphOptions": graph_options,
            "graphRoot": paths.graph_root,
            "graphStatus": {
                "Native Overlay Diff": native.to_string(),
                "Supports d_type": supports_d_type(&paths.graph_root).to_string(),
            },
            "imageStore": { "number": images },
            "runRoot": paths.run_root,
        },
        "registries": registries_report(ctx)?,
        "version": crate::commands::version::report()["Client"].clone(),
    }))
}

fn host_report(ctx: &Context) -> anyhow::Result<Value> {
    let rootless = ctx.rootless();
    let cg = cgroups::detect(rootless);
    let mem = host::meminfo();
    let os_release = host::os_release();
    let (uidmap, gidmap) = id_mappings(rootless);
    let capabilities = ctx.config()?.containers.default_capabilities().join(",");
    let up = host::uptime_secs();
    Ok(json!({
        "arch": host::oci_arch(),
        "cgroupControllers": cg.controllers,
        "cgroupLayout": cg.layout.name(),
        "cgroupManager": "cgroupfs",
        "cgroupVersion": cg.layout.version(),
        "cpus": host::cpus(),
        "distribution": {
            "codename": os_release.get("VERSION_CODENAME").cloned().unwrap_or_default(),
            "distribution": os_release.get("ID").cloned().unwrap_or_default(),
            "version": os_release.get("VERSION_ID").cloned().unwrap_or_default(),
        },
        "hostname": host::hostname(),
        "idMappings": { "gidmap": gidmap, "uidmap": uidmap },
        "kernel": host::kernel_release(),
        "memFree": mem.get("MemFree").copied().unwrap_or(0),
        "memTotal": mem.get("MemTotal").copied().unwrap_or(0),
        "os": std::env::consts::OS,
        "security": {
            "capabilities": capabilities,
            "rootless": rootless,
            // rpod installs Podman's default profile whenever the kernel
            // supports seccomp filters.
            "seccompEnabled": host::kernel_has_seccomp(),
            "kernelSeccomp": host::kernel_has_seccomp(),
        },
        "swapFree": mem.get("SwapFree").copied().unwrap_or(0),
        "swapTotal": mem.get("SwapTotal").copied().unwrap_or(0),
        "uptime": format!("{}h {}m {}s", up / 3600, up % 3600 / 60, up % 60),
    }))
}

/// Rootless: the mapping rpod's user namespace gets from /etc/subuid and
/// /etc/subgid. Root: the mapping this process lives in.
fn id_mappings(rootless: bool) -> (Vec<userns::IdMap>, Vec<userns::IdMap>) {
    if !rootless {
        let read = |p: &str| userns::parse_proc_map(&std::fs::read_to_string(p).unwrap_or_default());
        return (read("/proc/self/uid_map"), read("/proc/self/gid_map"));
    }
    let uid = nix::unistd::getuid();
    let gid = nix::unistd::getgid();
    let name = nix::unistd::User::from_uid(uid).ok().flatten().map(|u| u.name);
    let uids = userns::read_subids(Path::new("/etc/subuid"), name.as_deref(), uid.as_raw()).unwrap_or_default();
    let gids = userns::read_subids(Path::new("/etc/subgid"), name.as_deref(), uid.as_raw()).unwrap_or_default();
    (userns::rootless_mapping(uid.as_raw(), &uids), userns::rootless_mapping(gid.as_raw(), &gids))
}

fn registries_report(ctx: &Context) -> anyhow::Result<Value> {
    let reg = &ctx.config()?.registries;
    let mut out = Map::new();
    for r in reg.registries() {
        let mirrors: Vec<Value> = r
            .mirrors
            .iter()
            .map(|m| json!({ "Location": m.location, "Insecure": m.insecure, "PullFromMirror": m.pull_from_mirror.as_str() }))
            .collect();
        out.insert(
            r.prefix.clone(),
            json!({
                "Prefix": r.prefix,
                "Location": r.location,
                "Insecure": r.insecure,
                "Blocked": r.blocked,
                "MirrorByDigestOnly": r.mirror_by_digest_only,
                "Mirrors": mirrors,
            }),
        );
    }
    out.insert("search".into(), json!(reg.search_registries()));
    Ok(Value::Object(out))
}

/// Whether the file system of the graph root (or its nearest existing
/// ancestor) reports file types in directory entries.
fn supports_d_type(graph_root: &Path) -> bool {
    use nix::dir::{Dir, Type};
    use nix::fcntl::OFlag;
    use nix::sys::stat::Mode;
    let Some(dir) = layout::existing_ancestor(graph_root) else { return false };
    let Ok(mut d) = Dir::open(dir, OFlag::O_RDONLY | OFlag::O_DIRECTORY, Mode::empty()) else { return false };
    // "." always exists; a file system without d_type reports it as unknown.
    let found = d.iter().flatten().any(|e| e.file_name().to_bytes() == b"." && e.file_type() == Some(Type::Directory));
    found
}
