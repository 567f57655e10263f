//! `rpod wait` / `rpod container wait`: block until containers reach a
//! condition (default: stopped) and print their exit codes.

use std::time::Duration;

use clap::{Args, ValueEnum};

use crate::commands::select;
use crate::container::lifecycle;
use crate::container::record::Status;
use crate::context::{print, Context};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Condition {
    Created,
    Running,
    Paused,
    Exited,
    Stopped,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Condition to wait on
    #[arg(long, value_enum, default_value = "stopped")]
    pub condition: Vec<Condition>,

    /// Time to wait between polls for the condition (a duration such as 250ms or 2s; a bare number is milliseconds)
    #[arg(short, long, value_name = "INTERVAL", default_value = "250ms")]
    pub interval: String,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The containers (names or IDs)
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// Podman's `--interval`: a Go duration, or milliseconds.
fn interval(s: &str) -> anyhow::Result<Duration> {
    let ns = match s.parse::<i64>() {
        Ok(ms) => ms.checked_mul(1_000_000),
        Err(_) => crate::timefmt::parse_go_duration_ns(s),
    };
    match ns {
        Some(ns) if ns > 0 => Ok(Duration::from_nanos(ns as u64)),
        _ => anyhow::bail!("invalid --interval {s:?}: expected a positive duration such as 250ms"),
    }
}

pub fn run(ctx: &Context, args: WaitArgs) -> anyhow::Result<()> {
    let every = interval(&args.interval)?;
    let mut containers = ctx.containers()?;
    let conds = args.condition.clone();
    let names = if args.latest || args.containers.is_empty() {
        vec![select::one(&mut containers, args.latest, args.containers.first().map(String::as_str))?.id]
    } else {
        args.containers.clone()
    };
    crate::commands::each(&names, |name| {
        let c = containers.find(name)?;
        let state = lifecycle::wait_polling(
            &mut containers,
            &c.id,
            |s| {
                conds.iter().any(|cond| match cond {
                    Condition::Created => s.status == Status::Created,
                    Condition::Running => s.status == Status::Running,
                    Condition::Paused => s.status == Status::Paused,
                    Condition::Exited | Condition::Stopped => s.status == Status::Exited,
                })
            },
            None,
            Some(every),
        )?;
        print(&format!("{}\n", state.map_or(-1, |s| s.exit_code)))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn interval_is_a_duration_or_milliseconds() {
        assert_eq!(super::interval("250ms").unwrap().as_millis(), 250);
        assert_eq!(super::interval("2s").unwrap().as_millis(), 2000);
        assert_eq!(super::interval("100").unwrap().as_millis(), 100);
        assert!(super::interval("0").is_err() && super::interval("soon").is_err());
    }
}
