//! `rpod ps` / `rpod container ls|list|ps`: list containers. Reads the
//! records only (no lock, no user namespace), so it never waits for a
//! container that is starting.

use clap::{Args, ValueEnum};
use serde_json::Value;

use crate::container::record::{now_ns, Container, Containers, Status};
use crate::container::view;
use crate::context::{print, Context};
use crate::format;

const HEADERS: format::Headers = &[("ID", "CONTAINER ID"), ("CreatedHuman", "CREATED"), ("Names", "NAMES")];

const DEFAULT: &str = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    Command,
    Created,
    Id,
    Image,
    Names,
    Runningfor,
    Size,
    Status,
}

#[derive(Debug, Args)]
pub struct PsArgs {
    /// Show all the containers, default is only running containers
    #[arg(short, long)]
    pub all: bool,

    /// Show containers in storage not controlled by rpod (accepted for Podman's scripts: rpod's store has none)
    #[arg(long)]
    pub external: bool,

    /// Filter output based on conditions given (status=, name=, id=, label=, ancestor=, exited=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Pretty-print containers to JSON or using a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Print the n last created containers (all states)
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,

    /// Show the latest container created (all states)
    #[arg(short, long)]
    pub latest: bool,

    /// Display the extended information
    #[arg(long)]
    pub no_trunc: bool,

    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,

    /// Print the numeric IDs of the containers only
    #[arg(short, long)]
    pub quiet: bool,

    /// Display the total file sizes
    #[arg(short, long)]
    pub size: bool,

    /// Sort output by command, created, id, image, names, runningfor, size or status
    #[arg(long, value_enum, value_name = "KEY", default_value = "created", hide_possible_values = true)]
    pub sort: SortKey,
}

/// One `--filter KEY=VALUE`.
fn matches(c: &Container, key: &str, value: &str) -> anyhow::Result<bool> {
    Ok(match key {
        "status" => {
            let s = match value {
                "created" | "running" | "paused" | "exited" => value,
                "stopped" => "exited",
                _ => anyhow::bail!("invalid status filter {value:?}: use created, running, paused, exited or stopped"),
            };
            c.state.status.as_str() == s
        }
        "name" => c.name.contains(value),
        "id" => c.id.starts_with(value),
        "label" => match value.split_once('=') {
            Some((k, v)) => c.config.labels.get(k).is_some_and(|x| x == v),
            None => c.config.labels.contains_key(value),
        },
        "ancestor" => {
            let v = value.trim_start_matches("sha256:");
            c.config.image_name == value
                || c.image_id.starts_with(v)
                || crate::image::lookup::normalize_name(value)
                    .ok()
                    .zip(crate::image::lookup::normalize_name(&c.config.image_name).ok())
                    .is_some_and(|(a, b)| a == b)
        }
        "exited" => {
            let code: i32 = value.parse().map_err(|_| anyhow::anyhow!("invalid exited filter {value:?}"))?;
            c.state.status == Status::Exited && c.state.exit_code == code
        }
        _ => anyhow::bail!("invalid filter {key:?}: supported are status, name, id, label, ancestor, exited"),
    })
}

pub fn run(ctx: &Context, args: PsArgs) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let mut list = containers.list()?;
    let mut filters = Vec::new();
    for f in &args.filter {
        let (k, v) = f.split_once('=').ok_or_else(|| anyhow::anyhow!("invalid filter {f:?}: expected KEY=VALUE"))?;
        filters.push((k.to_string(), v.to_string()));
    }
    let mut kept = Vec::new();
    for c in list.drain(..) {
        let mut ok = true;
        // Filters on one key are alternatives; different keys must all match.
        let mut keys: Vec<&str> = filters.iter().map(|(k, _)| k.as_str()).collect();
        keys.dedup();
        for key in keys {
            let mut any = false;
            for (_, v) in filters.iter().filter(|(k, _)| k == key) {
                any |= matches(&c, key, v)?;
            }
            ok &= any;
        }
        if ok {
            kept.push(c);
        }
    }
    let explicit_status = filters.iter().any(|(k, _)| k == "status" || k == "exited");
    let show_all = args.all || args.latest || args.last.is_some() || explicit_status;
    if !show_all {
        kept.retain(|c| c.state.status.is_live());
    }
    // Newest first, like Podman; --latest and --last count from there.
    kept.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    if args.latest {
        kept.truncate(1);
    } else if let Some(n) = args.last {
        kept.truncate(n);
    }
    let now = now_ns();
    sort(&mut kept, args.sort, &containers, now);
    if args.quiet {
        let mut out = String::new();
        for c in &kept {
            out.push_str(if args.no_trunc { &c.id } else { c.short_id() });
            out.push('\n');
        }
        return print(&out);
    }
    if args.format.as_deref().is_none_or(|f| f.trim().is_empty() || f.trim() == "table") && !args.size {
        // The default table, without the template engine (it dominates
        // with many containers).
        let mut text = String::with_capacity(128 * (kept.len() + 1));
        if !args.noheading {
            text.push_str("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
        }
        for c in &kept {
            let id = if args.no_trunc { c.id.as_str() } else { c.short_id() };
            text.push_str(&format!(
                "{id}\t{}\t{}\t{}\t{}\t\t{}\n",
                view::image_text(c),
                view::command_text(c, args.no_trunc),
                crate::format::human::ago(c.created / 1_000_000_000, now / 1_000_000_000),
                view::status_text(c, now),
                c.name
            ));
        }
        return print(&format::align_columns(&text));
    }
    if args.format.as_deref().is_some_and(format::is_json) {
        let size = |c| args.size.then(|| sizes(&containers, c));
        let list = kept.iter().map(|c| view::ps_json(c, now, size(c))).collect();
        return print(&(format::to_json_indent(&Value::Array(list), 2) + "\n"));
    }
    let rows: Vec<Value> = kept
        .iter()
        .map(|c| {
            let size = args.size.then(|| sizes(&containers, c));
            view::ps_row(c, now, args.no_trunc, size)
        })
        .collect();
    let mut default = DEFAULT.to_string();
    if args.size {
        default.push_str("\t{{.Size}}");
    }
    let fmt = args.format.as_deref().filter(|f| !f.trim().is_empty()).unwrap_or(&default).to_string();
    let fmt = match fmt.trim_start().strip_prefix("table") {
        Some(rest) if args.noheading => {
            let body = rest.trim_start();
            if body.is_empty() {
                default.trim_start_matches("table ").to_string()
            } else {
                body.to_string()
            }
        }
        _ => fmt,
    };
    print(&format::render_list(Some(&fmt), &rows, &default, HEADERS)?)
}

/// Podman's `--sort`: newest first for the times, ascending otherwise.
fn sort(list: &mut [Container], key: SortKey, containers: &Containers, now: i64) {
    match key {
        SortKey::Created | SortKey::Runningfor => {}
        SortKey::Command => list.sort_by_cached_key(|c| view::command_text(c, true)),
        SortKey::Id => list.sort_by(|a, b| a.id.cmp(&b.id)),
        SortKey::Image => list.sort_by_cached_key(|c| view::image_text(c).to_string()),
        SortKey::Names => list.sort_by(|a, b| a.name.cmp(&b.name)),
        SortKey::Size => list.sort_by_cached_key(|c| sizes(containers, c).0),
        SortKey::Status => list.sort_by_cached_key(|c| view::status_text(c, now)),
    }
}

/// (bytes in the container's upper layer, plus the image's layers).
fn sizes(containers: &Containers, c: &Container) -> (u64, u64) {
    let rw = du(&containers.dir(&c.id).join("upper"));
    let image: u64 = c
        .config
        .layers
        .iter()
        .map(|l| du(&containers.graph_root().join("layers").join(l.trim_start_matches("sha256:")).join("diff")))
        .sum();
    (rw, rw + image)
}

fn du(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let Ok(m) = e.metadata() else { continue };
            if m.is_dir() {
                stack.push(e.path());
            } else {
                total += m.len();
            }
        }
    }
    total
}
