//! `rpod container inspect`: containers in Docker's JSON shape.

use clap::Args;
use serde_json::Value;

use crate::commands::select;
use crate::container::record::{Container, Containers};
use crate::container::view;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::format;

#[derive(Debug, Args)]
pub struct ContainerInspectArgs {
    /// Format the output using the given Go template, or 'json' (the default)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Inspect the latest container created
    #[arg(short, long)]
    pub latest: bool,

    /// Display the total file size (SizeRw and SizeRootFs)
    #[arg(short, long)]
    pub size: bool,

    /// Containers to inspect, by name or ID
    #[arg(value_name = "CONTAINER", required_unless_present = "latest")]
    pub names: Vec<String>,
}

/// The inspect document, with Podman's `SizeRw` and `SizeRootFs` when
/// `size` (`--size`).
pub fn document_sized(containers: &Containers, c: &Container, size: bool) -> Value {
    let mut doc = document(containers, c);
    if size {
        let (rw, root) = crate::container::size::sizes(containers, c);
        doc["SizeRw"] = Value::from(rw);
        doc["SizeRootFs"] = Value::from(root);
    }
    doc
}

/// The inspect document of one container.
pub fn document(containers: &Containers, c: &Container) -> Value {
    let dir = containers.dir(&c.id);
    let lowers: Vec<String> = match &c.config.shifted_root {
        Some(copy) => vec![copy.clone()],
        None => c
            .config
            .layers
            .iter()
            .rev()
            .map(|l| {
                containers
                    .graph_root()
                    .join("layers")
                    .join(l.trim_start_matches("sha256:"))
                    .join("diff")
                    .display()
                    .to_string()
            })
            .collect(),
    };
    let mut doc = view::inspect(
        c,
        &containers.log_path(&c.id).display().to_string(),
        &dir.join("merged").display().to_string(),
        &dir.join("upper").display().to_string(),
        &dir.join("work").display().to_string(),
        &lowers,
    );
    // Config.Env with the HOME the process gets: the runtime adds the
    // user's home from the container's /etc/passwd unless the environment
    // sets it (the container's own files first, then the image's layers).
    if !c.config.env.iter().any(|e| e.starts_with("HOME=")) {
        let dirs =
            [dir.join("merged"), dir.join("upper")].into_iter().chain(lowers.iter().map(std::path::PathBuf::from));
        let home = dirs
            .filter(|d| d.join("etc/passwd").is_file())
            .find_map(|d| rpod_runtime::user::resolve(&d, &c.config.user).ok())
            .map_or_else(|| "/".to_string(), |u| if u.home.is_empty() { "/".into() } else { u.home });
        if let Some(env) = doc["Config"]["Env"].as_array_mut() {
            env.push(Value::String(format!("HOME={home}")));
        }
    }
    mounts_into(&mut doc, containers.graph_root(), c);
    // Its addresses on bridge networks, while it is attached.
    if let (Some(a), Some(ns)) = (containers.attached_network(&c.id), doc["NetworkSettings"].as_object_mut()) {
        for (k, v) in crate::network::bridge::inspect_settings(&a) {
            ns.insert(k.to_string(), v);
        }
    }
    // The files bind-mounted into the container (written at its start).
    let run_dir = containers.run_dir(&c.id);
    for (key, name) in [("HostnamePath", "hostname"), ("HostsPath", "hosts"), ("ResolvConfPath", "resolv.conf")] {
        let p = run_dir.join(name);
        doc[key] = Value::String(if p.exists() { p.display().to_string() } else { String::new() });
    }
    doc
}

/// `Mounts` (Docker's shape: bind mounts and volumes), `HostConfig.Binds`
/// and `HostConfig.Tmpfs` from the container's mounts.
fn mounts_into(doc: &mut Value, graph_root: &std::path::Path, c: &Container) {
    use crate::volume::mounts::{bind_options, inspect_json, Kind};
    let volumes = graph_root.join("volumes");
    let path = |n: &str| volumes.join(n).join("_data").display().to_string();
    let mut mounts = Vec::new();
    let mut binds = Vec::new();
    for m in &c.config.mounts {
        match m.kind {
            Kind::Tmpfs => {
                if let Some(t) = doc["HostConfig"]["Tmpfs"].as_object_mut() {
                    t.insert(m.destination.clone(), Value::String(m.options.join(",")));
                }
            }
            Kind::Devpts => {}
            kind => {
                mounts.push(inspect_json(m, &path));
                if matches!(kind, Kind::Bind | Kind::Volume) {
                    let mut opts = vec![if m.read_only() { "ro" } else { "rw" }.to_string()];
                    opts.extend(bind_options(m).into_iter().filter(|o| o != "ro" && o != "rw"));
                    binds.push(format!("{}:{}:{}", m.source, m.destination, opts.join(",")));
                }
            }
        }
    }
    doc["Mounts"] = Value::from(mounts);
    doc["HostConfig"]["Binds"] = Value::from(binds);
}

/// The document as a template sees it in Podman, where the times are Go
/// `time.Time`s: `2026-12-07 05:34:04.185341777 +0000 UTC`, not the JSON's
/// RFC 3339 text.
fn with_go_times(doc: &Value) -> Value {
    let go = |v: &Value| -> Option<Value> {
        let t = v.as_str()?;
        if t.starts_with("0001-01-01") {
            return Some(Value::String("0001-01-01 00:00:00 +0000 UTC".into()));
        }
        let secs = crate::timefmt::parse_rfc3339(t)?;
        let frac = t.split_once('.').map_or("", |(_, f)| f.trim_end_matches(|c: char| !c.is_ascii_digit()));
        let nanos: i64 = format!("{frac:0<9}").get(..9)?.parse().ok()?;
        Some(Value::String(crate::timefmt::go_time_string(secs * 1_000_000_000 + nanos)))
    };
    let mut d = doc.clone();
    for path in [
        &["Created"][..],
        &["State", "StartedAt"],
        &["State", "FinishedAt"],
        &["State", "CheckpointedAt"],
        &["State", "RestoredAt"],
    ] {
        let mut at = &mut d;
        for k in path {
            at = &mut at[*k];
        }
        if let Some(v) = go(at) {
            *at = v;
        }
    }
    d
}

/// Prints the documents as a JSON array or through the template.
pub fn print_documents(docs: &[Value], fmt: Option<&str>) -> anyhow::Result<()> {
    let text = match fmt.map(str::trim) {
        None | Some("") | Some("json") | Some("{{json .}}") => {
            format::to_json_pretty(&Value::Array(docs.to_vec())) + "\n"
        }
        Some(_) => {
            let mut out = String::new();
            for d in docs {
                out.push_str(&format::render_one(fmt, &with_go_times(d))?);
            }
            out
        }
    };
    print(&text)
}

pub fn run(ctx: &Context, args: ContainerInspectArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let mut docs = Vec::new();
    let mut missing = Vec::new();
    if args.latest {
        match select::latest_of(&mut containers) {
            Ok(c) => docs.push(document_sized(&containers, &c, args.size)),
            Err(_) => missing.push("no containers to inspect".to_string()),
        }
    }
    for n in &args.names {
        match containers.find(n) {
            Ok(c) => docs.push(document_sized(&containers, &c, args.size)),
            Err(e) => missing.push(format!("{e}")),
        }
    }
    if !docs.is_empty() || missing.is_empty() {
        print_documents(&docs, args.format.as_deref())?;
    }
    match missing.pop() {
        None => Ok(()),
        Some(last) => {
            for m in missing {
                eprintln!("Error: {m}");
            }
            Err(Failure::new(ExitCode::Engine, last).into())
        }
    }
}
