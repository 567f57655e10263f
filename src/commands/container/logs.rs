//! `rpod logs` / `rpod container logs`: what a container wrote, from its
//! `k8s-file` log; stdout to our stdout, stderr to our stderr.

use std::io::Write;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use crate::container::logfile::{self, Entry};
use crate::container::record::now_ns;
use crate::context::Context;
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Follow log output
    #[arg(short, long)]
    pub follow: bool,

    /// Show logs since TIMESTAMP (RFC 3339, Unix seconds, or a duration like 10m)
    #[arg(long, value_name = "TIMESTAMP")]
    pub since: Option<String>,

    /// Show logs until TIMESTAMP (RFC 3339, Unix seconds, or a duration like 10m)
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

/// `2026-01-01T00:00:00Z`, `1700000000`, `1700000000.5`, `10m`, `1h30m`,
/// `90s`: Unix nanoseconds (a duration counts back from now).
pub fn parse_time(s: &str, now: i64) -> anyhow::Result<i64> {
    if let Some(t) = logfile::parse_time_ns(s) {
        return Ok(t);
    }
    if let Ok(secs) = s.parse::<f64>() {
        return Ok((secs * 1e9) as i64);
    }
    let mut total = 0f64;
    let mut num = String::new();
    let mut any = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
            continue;
        }
        let unit = if c == 'm' && chars.peek() == Some(&'s') {
            chars.next();
            1e-3
        } else {
            match c {
                'h' => 3600.0,
                'm' => 60.0,
                's' => 1.0,
                _ => anyhow::bail!("invalid time {s:?}"),
            }
        };
        let n: f64 = num.parse().map_err(|_| anyhow::anyhow!("invalid time {s:?}"))?;
        total += n * unit;
        num.clear();
        any = true;
    }
    if !any || !num.is_empty() {
        anyhow::bail!("invalid time {s:?}: expected RFC 3339, Unix seconds or a duration like 10m");
    }
    Ok(now - (total * 1e9) as i64)
}

pub fn run(ctx: &Context, args: LogsArgs) -> anyhow::Result<()> {
    let now = now_ns();
    let since = args.since.as_deref().map(|s| parse_time(s, now)).transpose()?;
    let until = args.until.as_deref().map(|s| parse_time(s, now)).transpose()?;
    let mut containers = ctx.containers()?;
    let c = containers.find(&args.container)?;
    if c.config.log_driver == "none" {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("container {} uses the log driver \"none\": there are no logs to read", c.name),
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

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn times() {
        let now = 10_000_000_000_000i64;
        assert_eq!(parse_time("10m", now).unwrap(), now - 600_000_000_000);
        assert_eq!(parse_time("1h30m", now).unwrap(), now - 5_400_000_000_000);
        assert_eq!(parse_time("1700000000", now).unwrap(), 1_700_000_000_000_000_000);
        assert_eq!(parse_time("2023-11-14T22:13:20Z", now).unwrap(), 1_700_000_000_000_000_000);
        assert!(parse_time("yesterday", now).is_err());
        assert!(parse_time("10", now).is_ok());
        assert!(parse_time("5x", now).is_err());
    }
}
