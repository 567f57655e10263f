//! `rpod logs` / `rpod container logs`: what a container wrote, from its
//! `k8s-file` log; stdout to our stdout, stderr to our stderr. With
//! several containers each line starts with its container's short ID (or
//! name, `--names`; coloured, `--color`), as in Podman.

use std::io::Write;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use crate::commands::select;
use crate::container::logfile::{self, Entry, LogDriver};
use crate::container::record::{now_ns, Container};
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::timefmt;

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Follow log output
    #[arg(short, long)]
    pub follow: bool,

    /// Show logs since TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long ago)
    #[arg(long, value_name = "TIMESTAMP")]
    pub since: Option<String>,

    /// Show logs until TIMESTAMP (RFC 3339 or a date, Unix seconds, or a duration like 10m: that long from now)
    #[arg(long, value_name = "TIMESTAMP")]
    pub until: Option<String>,

    /// Output the specified number of lines at the end of the logs (-1: all)
    #[arg(long, value_name = "LINES", default_value_t = -1, allow_negative_numbers = true)]
    pub tail: i64,

    /// Output the timestamps of the log entries
    #[arg(short, long)]
    pub timestamps: bool,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Output the container names instead of the container IDs in the log (with several containers)
    #[arg(short = 'n', long)]
    pub names: bool,

    /// Output the containers with different colors in the log (with several containers)
    #[arg(long)]
    pub color: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// One container being read.
struct Source {
    id: String,
    path: std::path::PathBuf,
    /// What starts each of its lines (empty with one container).
    prefix: Vec<u8>,
    offset: u64,
    file_id: Option<(u64, u64)>,
    done: bool,
}

/// Podman's colours for the prefixes, one per container in turn.
const COLORS: [&str; 6] = ["\x1b[32m", "\x1b[33m", "\x1b[34m", "\x1b[35m", "\x1b[36m", "\x1b[31m"];

/// The prefix of a container's lines when several are shown (Podman's
/// `Multi`): its name with `--names`, else its short ID, coloured with
/// `--color`.
fn prefix(c: &Container, index: usize, names: bool, color: bool) -> Vec<u8> {
    let who = if names { c.name.as_str() } else { c.short_id() };
    let text = if color { format!("{}{who}\x1b[0m ", COLORS[index % COLORS.len()]) } else { format!("{who} ") };
    text.into_bytes()
}

pub fn run(ctx: &Context, args: LogsArgs) -> anyhow::Result<()> {
    let now = now_ns();
    let time = |flag: &str, value: &str, since: bool| {
        timefmt::parse_input_time(value, since, now).map_err(|e| anyhow::anyhow!("parsing {flag} {value:?}: {e}"))
    };
    let since = args.since.as_deref().map(|s| time("--since", s, true)).transpose()?;
    let until = args.until.as_deref().map(|s| time("--until", s, false)).transpose()?;
    let mut containers = ctx.containers()?;
    if !args.latest && args.containers.is_empty() {
        return Err(Failure::new(ExitCode::Engine, "specify at least one container name or ID to log").into());
    }
    let found = if args.latest {
        vec![select::one(&mut containers, args.latest, args.containers.first().map(String::as_str))?]
    } else {
        args.containers.iter().map(|n| containers.find(n)).collect::<anyhow::Result<Vec<_>>>()?
    };
    let multi = found.len() > 1;
    let keep = |e: &Entry| since.is_none_or(|s| e.time >= s) && until.is_none_or(|u| e.time <= u);
    let mut sources = Vec::new();
    let mut shown: Vec<(usize, Entry)> = Vec::new();
    for (i, c) in found.iter().enumerate() {
        if !matches!(c.config.log_driver, LogDriver::K8sFile | LogDriver::JsonFile) {
            return Err(Failure::new(
                ExitCode::Engine,
                format!(
                    "container {} uses the log driver \"{}\": there are no logs to read",
                    c.name,
                    c.config.log_driver.as_str()
                ),
            )
            .into());
        }
        let path = containers.log_path(&c.id);
        let (entries, offset) =
            logfile::read_entries(&path, 0, true).with_context(|| format!("reading {}", path.display()))?;
        let mut mine: Vec<Entry> = entries.into_iter().filter(|e| keep(e)).collect();
        if args.tail >= 0 {
            let n = args.tail as usize;
            if mine.len() > n {
                mine.drain(..mine.len() - n);
            }
        }
        shown.extend(mine.into_iter().map(|e| (i, e)));
        let prefix = if multi { prefix(c, i, args.names, args.color) } else { Vec::new() };
        let file_id = file_identity(&path);
        sources.push(Source { id: c.id.clone(), path, prefix, offset, file_id, done: false });
    }
    // Several containers: in time order.
    shown.sort_by_key(|(_, e)| e.time);
    for (i, e) in &shown {
        emit(&sources[*i].prefix, e, args.timestamps)?;
    }
    if !args.follow {
        return Ok(());
    }
    // Follow: new records as they come, until each container has stopped
    // and its log holds nothing more.
    loop {
        for s in sources.iter_mut().filter(|s| !s.done) {
            let live = containers.get(&s.id)?.is_some_and(|c| c.state.status.is_live());
            if file_identity(&s.path) != s.file_id {
                // Rotated: start over at the new file.
                s.file_id = file_identity(&s.path);
                s.offset = 0;
            }
            let (entries, end) = logfile::read_entries(&s.path, s.offset, false).unwrap_or((Vec::new(), s.offset));
            s.offset = end;
            for e in entries.iter().filter(|e| keep(e)) {
                emit(&s.prefix, e, args.timestamps)?;
            }
            s.done = !live && entries.is_empty();
        }
        if until.is_some_and(|u| now_ns() > u) || sources.iter().all(|s| s.done) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn file_identity(p: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

fn emit(prefix: &[u8], e: &Entry, timestamps: bool) -> anyhow::Result<()> {
    let mut data = Vec::with_capacity(e.text.len() + 40);
    data.extend_from_slice(prefix);
    if timestamps {
        data.extend_from_slice(e.time_text.as_bytes());
        data.push(b' ');
    }
    data.extend_from_slice(&e.text);
    let r = if e.stderr {
        let mut err = std::io::stderr().lock();
        err.write_all(&data).and_then(|()| err.flush())
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(&data).and_then(|()| out.flush())
    };
    r.context("writing the log")
}
