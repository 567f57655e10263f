//! `rpod logs` / `rpod container logs`: what a container wrote, from its
//! `k8s-file` log; stdout to our stdout, stderr to our stderr.

use std::io::Write;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use crate::container::logfile::{self, Entry, LogDriver};
use crate::container::record::now_ns;
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
    #[arg(short = 'n', long, value_name = "LINES", default_value_t = -1, allow_negative_numbers = true)]
    pub tail: i64,

    /// Output the timestamps of the log entries
    #[arg(short, long)]
    pub timestamps: bool,

    /// The container (name or ID)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

pub fn run(ctx: &Context, args: LogsArgs) -> anyhow::Result<()> {
    let now = now_ns();
    let time = |flag: &str, value: &str, since: bool| {
        timefmt::parse_input_time(value, since, now).map_err(|e| anyhow::anyhow!("parsing {flag} {value:?}: {e}"))
    };
    let since = args.since.as_deref().map(|s| time("--since", s, true)).transpose()?;
    let until = args.until.as_deref().map(|s| time("--until", s, false)).transpose()?;
    let mut containers = ctx.containers()?;
    let c = containers.find(&args.container)?;
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
    let (entries, mut offset) =
        logfile::read_entries(&path, 0, true).with_context(|| format!("reading {}", path.display()))?;
    let keep = |e: &Entry| since.is_none_or(|s| e.time >= s) && until.is_none_or(|u| e.time <= u);
    let mut shown: Vec<&Entry> = entries.iter().filter(|e| keep(e)).collect();
    if args.tail >= 0 {
        let n = args.tail as usize;
        if shown.len() > n {
            shown.drain(..shown.len() - n);
        }
    }
    for e in shown {
        emit(e, args.timestamps)?;
    }
    if !args.follow {
        return Ok(());
    }
    // Follow: new records as they come, until the container has stopped
    // and its log holds nothing more.
    let mut file_id = file_identity(&path);
    loop {
        let live = containers.get(&c.id)?.is_some_and(|c| c.state.status.is_live());
        if file_identity(&path) != file_id {
            // Rotated: start over at the new file.
            file_id = file_identity(&path);
            offset = 0;
        }
        let (entries, end) = logfile::read_entries(&path, offset, false).unwrap_or((Vec::new(), offset));
        offset = end;
        for e in entries.iter().filter(|e| keep(e)) {
            emit(e, args.timestamps)?;
        }
        if until.is_some_and(|u| now_ns() > u) {
            return Ok(());
        }
        if !live && entries.is_empty() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn file_identity(p: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

fn emit(e: &Entry, timestamps: bool) -> anyhow::Result<()> {
    let mut data = Vec::with_capacity(e.text.len() + 40);
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
