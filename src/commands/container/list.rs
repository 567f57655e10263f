//! `rpod ps` / `rpod container ls|list|ps`: list containers. Reads the
//! records only (no lock, no user namespace), so it never waits for a
//! container that is starting.

use std::time::Duration;

use clap::{Args, ValueEnum};
use serde_json::Value;

use crate::container::filter::Filters;
use crate::container::record::{now_ns, Container, Containers};
use crate::container::size::sizes;
use crate::container::view;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::format;

const HEADERS: format::Headers = &[
    ("ID", "CONTAINER ID"),
    ("CreatedHuman", "CREATED"),
    ("Names", "NAMES"),
    ("Pod", "POD ID"),
    ("PodName", "PODNAME"),
];

const DEFAULT: &str = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.CreatedHuman}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

/// `--ns`: Podman's table, and its columns' keys in `Namespaces`.
const NS_TABLE: &str =
    "table {{.ID}}\t{{.Names}}\t{{.Pid}}\t{{.CGROUPNS}}\t{{.IPC}}\t{{.MNT}}\t{{.NET}}\t{{.PIDNS}}\t{{.USERNS}}\t{{.UTS}}";
const NS_COLUMNS: [(&str, &str); 7] = [
    ("CGROUPNS", "Cgroup"),
    ("IPC", "IPC"),
    ("MNT", "MNT"),
    ("NET", "NET"),
    ("PIDNS", "PIDNS"),
    ("USERNS", "User"),
    ("UTS", "UTS"),
];

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

    /// Filter output based on conditions given (status=, name=, id=, label=, label!=, ancestor=, exited=, before=, since=, health=, volume=, pod=, network=)
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

    /// Print the ID and name of the pod each container is in
    #[arg(short, long)]
    pub pod: bool,

    /// Display the namespaces of the containers' processes (CGROUPNS IPC MNT NET PIDNS USERNS UTS)
    #[arg(long)]
    pub ns: bool,

    /// Sync container state with the OCI runtime (accepted: rpod's records are always in sync, each state change is written under the container's lock by the command or the monitor that makes it)
    #[arg(long)]
    pub sync: bool,

    /// Watch the ps output on an interval in seconds
    #[arg(short, long, value_name = "SECONDS")]
    pub watch: Option<u64>,

    /// Sort output by command, created, id, image, names, runningfor, size or status
    #[arg(long, value_enum, value_name = "KEY", default_value = "created", hide_possible_values = true)]
    pub sort: SortKey,
}

pub fn run(ctx: &Context, args: PsArgs) -> anyhow::Result<()> {
    let Some(every) = args.watch.filter(|n| *n > 0) else {
        return print(&render(ctx, &args)?);
    };
    if args.latest {
        return Err(Failure::new(ExitCode::Engine, "the watch and latest flags cannot be used together").into());
    }
    // Reprint, on a cleared screen, until interrupted (as Podman).
    loop {
        let text = render(ctx, &args)?;
        print(&format!("\x1b[2J\x1b[H{text}"))?;
        std::thread::sleep(Duration::from_secs(every));
    }
}

/// The list as `ps` prints it once.
fn render(ctx: &Context, args: &PsArgs) -> anyhow::Result<String> {
    let mut containers = ctx.containers()?;
    let filters = Filters::parse(&args.filter)?;
    let mut kept = filters.apply(containers.list()?)?;
    let explicit_status = filters.names_state();
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
        return Ok(out);
    }
    let plain = args.format.as_deref().is_none_or(|f| f.trim().is_empty() || f.trim() == "table");
    if plain && !args.size && !args.ns && !args.pod {
        // The default table, without the template engine (it dominates
        // with many containers).
        let mut text = String::with_capacity(128 * (kept.len() + 1));
        if !args.noheading {
            text.push_str("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
        }
        for c in &kept {
            let id = if args.no_trunc { c.id.as_str() } else { c.short_id() };
            text.push_str(&format!(
                "{id}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                view::image_text(c),
                view::command_text(c, args.no_trunc),
                crate::format::human::ago(c.created / 1_000_000_000, now / 1_000_000_000),
                view::status_text(c, now),
                crate::network::ports::ps_text(&c.config.ports),
                c.name
            ));
        }
        return Ok(format::align_columns(&text));
    }
    if args.format.as_deref().is_some_and(format::is_json) {
        let size = |c| args.size.then(|| sizes(&containers, c));
        let list = kept
            .iter()
            .map(|c| {
                let mut j = view::ps_json(c, now, size(c));
                if args.ns {
                    j["Namespaces"] = view::namespaces(c.state.pid);
                }
                j
            })
            .collect();
        return Ok(format::to_json_indent(&Value::Array(list), 2) + "\n");
    }
    let rows: Vec<Value> = kept
        .iter()
        .map(|c| {
            let size = args.size.then(|| sizes(&containers, c));
            let mut row = view::ps_row(c, now, args.no_trunc, size);
            if args.ns {
                let ns = view::namespaces(c.state.pid);
                for (col, key) in NS_COLUMNS {
                    row[col] = ns.get(key).cloned().unwrap_or_else(|| Value::from(""));
                }
                row["Namespaces"] = ns;
            }
            row
        })
        .collect();
    let mut default = if args.ns { NS_TABLE.to_string() } else { DEFAULT.to_string() };
    if args.pod {
        default.push_str("\t{{.Pod}}\t{{.PodName}}");
    }
    if args.size {
        default.push_str("\t{{.Size}}");
    }
    let fmt = args.format.as_deref().filter(|f| !f.trim().is_empty()).unwrap_or(&default).to_string();
    let fmt = format::without_heading(&fmt, &default, args.noheading);
    Ok(format::render_list(Some(&fmt), &rows, &default, HEADERS)?)
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
