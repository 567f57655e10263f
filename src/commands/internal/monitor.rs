//! `rpod __monitor ID`: the monitor of one container, started by
//! `run`, `start` and `restart`; see [`crate::container::monitor`].

use crate::container::monitor::{self, MonitorOptions};
use crate::context::{Context, GlobalArgs};

/// What `rpod __monitor` was told: the global flags and the container.
pub struct Invocation {
    pub global: GlobalArgs,
    pub options: MonitorOptions,
}

/// Run the monitor; 125 when it fails before the container's end is recorded.
pub fn run(inv: Invocation) -> i32 {
    crate::logging::init(inv.global.log_level);
    if inv.global.apply().is_err() {
        return 125;
    }
    let ctx = Context::new(inv.global);
    match monitor::main(&ctx, inv.options) {
        Ok(()) => 0,
        Err(_) => 125,
    }
}

/// The arguments [`crate::container::monitor::command`] writes, read
/// without clap: `--root R --runroot RR --log-level L __monitor
/// [--attach-first] [--rootless] [--preserve-fds=N] ID`. Anything else: `None` (the normal
/// parser handles it, errors included).
pub fn parse(args: &[std::ffi::OsString]) -> Option<Invocation> {
    let a: Vec<&str> = args.iter().skip(1).map(|x| x.to_str()).collect::<Option<_>>()?;
    let [r, root, rr, runroot, l, level, cmd, rest @ ..] = a.as_slice() else { return None };
    if (*r, *rr, *l, *cmd) != ("--root", "--runroot", "--log-level", "__monitor") {
        return None;
    }
    let log_level = <crate::logging::LogLevel as clap::ValueEnum>::from_str(level, false).ok()?;
    let (id, flags) = rest.split_last()?;
    let mut opts = MonitorOptions { id: id.to_string(), attach_first: false, rootless: false, preserve_fds: 0 };
    let mut global = GlobalArgs {
        root: Some(root.into()),
        runroot: Some(runroot.into()),
        storage_driver: None,
        storage_opt: Vec::new(),
        runtime: None,
        log_level,
        network_config_dir: None,
        cgroup_manager: None,
        events_backend: None,
        hooks_dir: Vec::new(),
        network_cmd_path: None,
        noout: false,
        runtime_flag: Vec::new(),
        tmpdir: None,
    };
    for f in flags {
        match *f {
            "--attach-first" => opts.attach_first = true,
            "--rootless" => opts.rootless = true,
            f if f.starts_with("--preserve-fds=") => opts.preserve_fds = f["--preserve-fds=".len()..].parse().ok()?,
            // The starter's global flags (GlobalArgs::monitor_words).
            f => {
                if !global.set_from_monitor_word(f) {
                    return None;
                }
            }
        }
    }
    Some(Invocation { global, options: opts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_parse_reads_what_the_starter_writes() {
        let args: Vec<std::ffi::OsString> = [
            "rpod-monitor",
            "--root",
            "/r",
            "--runroot",
            "/rr",
            "--log-level",
            "warn",
            "__monitor",
            "--rootless",
            "--preserve-fds=2",
            "--hooks-dir=/h1",
            "--hooks-dir=/h2",
            "--events-backend=none",
            "--tmpdir=/t",
            "--network-cmd-path=/p",
            "--runtime-flag=debug",
            "--network-config-dir=/n",
            "abc",
        ]
        .iter()
        .map(Into::into)
        .collect();
        let Invocation { global: g, options: o } = parse(&args).unwrap();
        assert_eq!(g.root.unwrap(), std::path::PathBuf::from("/r"));
        assert!(o.rootless && !o.attach_first && o.id == "abc" && o.preserve_fds == 2);
        assert_eq!(g.hooks_dir, [std::path::PathBuf::from("/h1"), "/h2".into()]);
        assert_eq!(g.events_backend, Some(crate::context::EventsBackend::None));
        assert_eq!((g.tmpdir.unwrap(), g.network_cmd_path.unwrap()), ("/t".into(), "/p".into()));
        assert_eq!((g.runtime_flag, g.network_config_dir.unwrap()), (vec!["debug".to_string()], "/n".into()));
        let other: Vec<std::ffi::OsString> = ["rpod", "ps", "-a"].iter().map(Into::into).collect();
        assert!(parse(&other).is_none());
    }
}
