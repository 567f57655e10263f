//! `rpod __monitor ID` (hidden): the monitor of one container, started by
//! `run`, `start` and `restart`; see [`crate::container::monitor`].

use clap::Args;

use crate::container::monitor::{self, MonitorOptions};
use crate::context::Context;

#[derive(Debug, Args)]
pub struct MonitorArgs {
    /// Wait for the first attach client before starting the container
    #[arg(long)]
    pub attach_first: bool,

    /// The store belongs to an unprivileged user (this process is in their user namespace)
    #[arg(long)]
    pub rootless: bool,

    /// The container's full ID
    #[arg(value_name = "ID")]
    pub id: String,
}

pub fn run(ctx: &Context, args: MonitorArgs) -> anyhow::Result<()> {
    monitor::main(ctx, MonitorOptions { id: args.id, attach_first: args.attach_first, rootless: args.rootless })
}

/// The arguments [`crate::container::monitor::command`] writes, read
/// without clap: `--root R --runroot RR --log-level L __monitor
/// [--attach-first] [--rootless] ID`. Anything else: `None` (the normal
/// parser handles it, errors included).
pub fn parse_fast(args: &[std::ffi::OsString]) -> Option<(crate::cli::GlobalArgs, MonitorOptions)> {
    let a: Vec<&str> = args.iter().skip(1).map(|x| x.to_str()).collect::<Option<_>>()?;
    let [r, root, rr, runroot, l, level, cmd, rest @ ..] = a.as_slice() else { return None };
    if (*r, *rr, *l, *cmd) != ("--root", "--runroot", "--log-level", "__monitor") {
        return None;
    }
    let log_level = <crate::logging::LogLevel as clap::ValueEnum>::from_str(level, false).ok()?;
    let (id, flags) = rest.split_last()?;
    let mut opts = MonitorOptions { id: id.to_string(), attach_first: false, rootless: false };
    for f in flags {
        match *f {
            "--attach-first" => opts.attach_first = true,
            "--rootless" => opts.rootless = true,
            _ => return None,
        }
    }
    let global = crate::cli::GlobalArgs {
        root: Some(root.into()),
        runroot: Some(runroot.into()),
        storage_driver: None,
        log_level,
    };
    Some((global, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_parse_reads_what_the_starter_writes() {
        let args: Vec<std::ffi::OsString> =
            ["rpod-monitor", "--root", "/r", "--runroot", "/rr", "--log-level", "warn", "__monitor", "--rootless", "abc"]
                .iter()
                .map(Into::into)
                .collect();
        let (g, o) = parse_fast(&args).unwrap();
        assert_eq!(g.root.unwrap(), std::path::PathBuf::from("/r"));
        assert!(o.rootless && !o.attach_first && o.id == "abc");
        let other: Vec<std::ffi::OsString> = ["rpod", "ps", "-a"].iter().map(Into::into).collect();
        assert!(parse_fast(&other).is_none());
    }
}
