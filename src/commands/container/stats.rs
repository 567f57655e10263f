//! `rpod stats` / `rpod container stats`: resource use of running
//! containers, read from their cgroup v2 files (CPU, memory, PIDs, block
//! I/O) and their network namespace (`/proc/PID/net/dev`).

use std::time::Duration;

use clap::Args;
use serde_json::{json, Value};

use crate::commands::select;
use crate::container::record::{now_ns, Container, Status};
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::format::{self, human};

const DEFAULT: &str =
    "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
const HEADERS: format::Headers = &[
    ("ID", "CONTAINER ID"),
    ("CPUPerc", "CPU %"),
    ("MemUsage", "MEM USAGE / LIMIT"),
    ("MemPerc", "MEM %"),
    ("NetIO", "NET I/O"),
    ("BlockIO", "BLOCK I/O"),
    ("PIDs", "PIDS"),
];

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Show all containers (default: only running ones)
    #[arg(short, long)]
    pub all: bool,

    /// Disable streaming stats and only pull the first result
    #[arg(long)]
    pub no_stream: bool,

    /// Pretty-print stats to JSON or using a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,

    /// Seconds between refreshes when streaming
    #[arg(short, long, value_name = "SECONDS", default_value_t = 5)]
    pub interval: u64,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Do not clear the screen between intervals when streaming
    #[arg(long)]
    pub no_reset: bool,

    /// The containers (default: all running ones)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// Host memory, for containers without a memory limit.
fn mem_total() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:").map(|v| v.trim().trim_end_matches("kB").trim().to_string()))
        })
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Bytes received and sent on the container's interfaces (loopback
/// excluded).
fn net_io(pid: i32) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/net/dev")).unwrap_or_default();
    let mut rx = 0;
    let mut tx = 0;
    for line in text.lines().skip(2) {
        let Some((name, rest)) = line.split_once(':') else { continue };
        if name.trim() == "lo" {
            continue;
        }
        let f: Vec<u64> = rest.split_whitespace().filter_map(|x| x.parse().ok()).collect();
        if f.len() >= 9 {
            rx += f[0];
            tx += f[8];
        }
    }
    (rx, tx)
}

/// One row; `prev` is (cpu usage µs, time ns) of the previous sample, for
/// the CPU percentage over the interval (else over the container's life).
fn row(c: &Container, prev: Option<(u64, i64)>, no_trunc: bool, total_mem: u64) -> (Value, (u64, i64)) {
    let dir = std::path::Path::new(&c.state.cgroup);
    let s = rpod_runtime::cgroup_manager::stats(dir);
    let now = now_ns();
    let (cpu0, t0) = prev.unwrap_or((0, c.state.started_at));
    let dt_us = ((now - t0).max(1) / 1000) as f64;
    let cpu =
        if c.state.status.is_live() { 100.0 * (s.cpu_usage_usec.saturating_sub(cpu0)) as f64 / dt_us } else { 0.0 };
    let limit = s.memory_max.unwrap_or(total_mem);
    let mem_perc = if limit > 0 { 100.0 * s.memory_current as f64 / limit as f64 } else { 0.0 };
    let (rx, tx) = if c.state.pid > 0 { net_io(c.state.pid) } else { (0, 0) };
    let id = if no_trunc { c.id.clone() } else { c.short_id().to_string() };
    let v = json!({
        "ID": id,
        "ContainerID": c.id,
        "Name": c.name,
        "CPUPerc": format!("{cpu:.2}%"),
        "CPU": cpu,
        "MemUsage": format!("{} / {}", human::size(s.memory_current), human::size(limit)),
        "MemUsageBytes": s.memory_current,
        "MemLimit": limit,
        "MemPerc": format!("{mem_perc:.2}%"),
        "NetIO": format!("{} / {}", human::size(rx), human::size(tx)),
        "BlockIO": format!("{} / {}", human::size(s.io_read_bytes), human::size(s.io_write_bytes)),
        "PIDs": s.pids_current,
        "PIDS": s.pids_current,
        "CPUNano": s.cpu_usage_usec * 1000,
        "Throttled": s.nr_throttled,
    });
    (v, (s.cpu_usage_usec, now))
}

pub fn run(ctx: &Context, args: StatsArgs) -> anyhow::Result<()> {
    let view = View {
        all: args.all,
        no_stream: args.no_stream,
        no_reset: args.no_reset,
        no_trunc: args.no_trunc,
        interval: args.interval,
        format: args.format.as_deref(),
        default: DEFAULT,
        headers: HEADERS,
        aliases: &[],
    };
    show(ctx, &view, |containers| {
        let list: Vec<Container> = if args.latest {
            vec![select::one(containers, true, args.containers.first().map(String::as_str))?]
        } else if args.containers.is_empty() {
            containers.list()?.into_iter().filter(|c| args.all || c.state.status.is_live()).collect()
        } else {
            let mut v = Vec::new();
            for n in &args.containers {
                v.push(containers.find(n)?);
            }
            v
        };
        Ok(list.into_iter().map(|c| (c, serde_json::Map::new())).collect())
    })
}

/// How [`show`] prints.
pub(crate) struct View<'a> {
    /// Stopped containers too.
    pub all: bool,
    pub no_stream: bool,
    pub no_reset: bool,
    pub no_trunc: bool,
    pub interval: u64,
    pub format: Option<&'a str>,
    pub default: &'a str,
    pub headers: format::Headers<'a>,
    /// Fields (to, from) a row also has under another name (`pod stats`
    /// has Podman's `CPU` and `Mem` for `CPUPerc` and `MemPerc`).
    pub aliases: &'a [(&'a str, &'a str)],
}

/// The stats of the containers `list` returns (each with fields to add
/// to its row), once or every `interval` seconds.
pub(crate) fn show(
    ctx: &Context,
    view: &View,
    mut list: impl FnMut(
        &mut crate::container::record::Containers,
    ) -> anyhow::Result<Vec<(Container, serde_json::Map<String, Value>)>>,
) -> anyhow::Result<()> {
    let mut containers = ctx.containers()?;
    let total = mem_total();
    let mut prev: std::collections::HashMap<String, (u64, i64)> = std::collections::HashMap::new();
    loop {
        let list = list(&mut containers)?;
        for (c, _) in &list {
            if c.state.status.is_live() && c.state.cgroup.is_empty() {
                return Err(Failure::new(
                    ExitCode::Engine,
                    format!(
                        "stats of {} are not available: it has no cgroup; {}",
                        c.name,
                        rpod_runtime::cgroup_manager::delegation_help(ctx.rootless())
                    ),
                )
                .into());
            }
        }
        let mut rows = Vec::new();
        for (c, extra) in list {
            if c.state.status != Status::Running && c.state.status != Status::Paused && !view.all {
                continue;
            }
            let (mut v, sample) = row(&c, prev.get(&c.id).copied(), view.no_trunc, total);
            prev.insert(c.id.clone(), sample);
            if let Some(obj) = v.as_object_mut() {
                obj.extend(extra);
                for (to, from) in view.aliases {
                    if let Some(x) = obj.get(*from).cloned() {
                        obj.insert(to.to_string(), x);
                    }
                }
            }
            rows.push(v);
        }
        let text = format::render_list(view.format, &rows, view.default, view.headers)?;
        if view.no_stream {
            return print(&text);
        }
        // Streaming: redraw the table each interval (or print it below
        // the last one, --no-reset).
        if view.no_reset {
            print(&text)?;
        } else {
            print(&format!("\x1b[2J\x1b[H{text}"))?;
        }
        std::thread::sleep(Duration::from_secs(view.interval.max(1)));
    }
}
