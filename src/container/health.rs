//! Healthchecks: the configuration (`--health-*` flags over the image's
//! `HEALTHCHECK`), one check (`rpod healthcheck run`: the command run by
//! `rpod exec`, its result recorded in the state), and what the monitor
//! does on the interval (see [`super::monitor`]).

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::record::{now_ns, Container, Containers, Status};
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::timefmt;

const SECOND: i64 = 1_000_000_000;
/// Results kept in `State.Health.Log`.
const LOG_ENTRIES: usize = 5;
/// Output kept of one check (Podman's limit).
const OUTPUT_MAX: usize = 500;

/// `--health-on-failure`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OnFailure {
    #[default]
    None,
    Kill,
    Restart,
    Stop,
}

/// The healthcheck a container runs (Docker's `Healthcheck`, durations in
/// nanoseconds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthConfig {
    /// `["CMD-SHELL", "cmd"]` or `["CMD", "prog", "arg"...]`.
    pub test: Vec<String>,
    /// 0: no timer (`--health-interval disable`), only `healthcheck run`.
    pub interval: i64,
    pub timeout: i64,
    pub start_period: i64,
    pub retries: u32,
    #[serde(default)]
    pub on_failure: OnFailure,
}

impl HealthConfig {
    /// The command `rpod exec` runs.
    pub fn command(&self) -> Vec<String> {
        match self.test.first().map(String::as_str) {
            Some("CMD-SHELL") => vec!["/bin/sh".into(), "-c".into(), self.test[1..].join(" ")],
            Some("CMD") => self.test[1..].to_vec(),
            _ => self.test.clone(),
        }
    }

    /// Docker's `Config.Healthcheck` for `inspect`.
    pub fn to_docker(&self) -> Value {
        serde_json::json!({
            "Test": self.test,
            "Interval": self.interval,
            "Timeout": self.timeout,
            "StartPeriod": self.start_period,
            "Retries": self.retries,
        })
    }
}

/// The `--health-*` flags as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HealthFlags {
    pub cmd: Option<String>,
    pub interval: Option<String>,
    pub retries: Option<u32>,
    pub start_period: Option<String>,
    pub timeout: Option<String>,
    pub on_failure: OnFailure,
    pub no_healthcheck: bool,
}

/// `--health-cmd`: `none`, a JSON array (exec form), or a shell command.
pub fn parse_test(cmd: &str) -> anyhow::Result<Vec<String>> {
    if cmd.trim() == "none" {
        return Ok(vec!["NONE".into()]);
    }
    if let Ok(arr) = serde_json::from_str::<Vec<String>>(cmd) {
        return match arr.first().map(String::as_str) {
            None => anyhow::bail!("must define a healthcheck command for all healthchecks"),
            Some("CMD" | "CMD-SHELL" | "NONE") => Ok(arr),
            Some("none") => Ok(vec!["NONE".into()]),
            Some(_) => Ok(std::iter::once("CMD".to_string()).chain(arr).collect()),
        };
    }
    if cmd.trim().is_empty() {
        anyhow::bail!("must define a healthcheck command for all healthchecks");
    }
    Ok(vec!["CMD-SHELL".into(), cmd.to_string()])
}

/// A duration flag (`30s`, `1m30s`); `disable` allowed where `disable` is.
fn duration(flag: &str, value: &str, disable: bool, min: i64) -> anyhow::Result<i64> {
    if disable && value == "disable" {
        return Ok(0);
    }
    let d = timefmt::parse_go_duration_ns(value)
        .ok_or_else(|| anyhow::anyhow!("invalid duration {value:?} for --{flag} (e.g. 30s, 1m)"))?;
    if d < min {
        anyhow::bail!("{flag} must be at least {} second", min / SECOND);
    }
    Ok(d)
}

/// The container's healthcheck: the flags over the image's (`image` is
/// its config's `Healthcheck`); None when there is none.
pub fn resolve(flags: &HealthFlags, image: &Value) -> anyhow::Result<Option<HealthConfig>> {
    let any_flag = flags.cmd.is_some()
        || flags.interval.is_some()
        || flags.retries.is_some()
        || flags.start_period.is_some()
        || flags.timeout.is_some()
        || flags.on_failure != OnFailure::None;
    if flags.no_healthcheck {
        if any_flag {
            anyhow::bail!("cannot specify both --no-healthcheck and other HealthCheck flags");
        }
        return Ok(None);
    }
    let ns = |k: &str| image[k].as_i64().filter(|v| *v > 0);
    let test = match &flags.cmd {
        Some(c) => parse_test(c)?,
        None => image["Test"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default(),
    };
    if test.is_empty() || test[0] == "NONE" {
        return Ok(None);
    }
    let from_image = flags.cmd.is_none();
    let pick = |flag: &Option<String>, name: &str, key: &str, default: i64, disable: bool, min: i64| match flag {
        Some(v) => duration(name, v, disable, min),
        None => Ok(if from_image { ns(key).unwrap_or(default) } else { default }),
    };
    let retries = match flags.retries {
        Some(0) => anyhow::bail!("healthcheck-retries must be greater than 0"),
        Some(r) => r,
        None if from_image => image["Retries"].as_u64().filter(|r| *r > 0).map_or(3, |r| r as u32),
        None => 3,
    };
    Ok(Some(HealthConfig {
        test,
        interval: pick(&flags.interval, "health-interval", "Interval", 30 * SECOND, true, SECOND)?,
        timeout: pick(&flags.timeout, "health-timeout", "Timeout", 30 * SECOND, false, SECOND)?,
        start_period: pick(&flags.start_period, "health-start-period", "StartPeriod", 0, false, 0)?,
        retries,
        on_failure: flags.on_failure,
    }))
}

/// `State.Health`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// `starting`, `healthy` or `unhealthy`.
    pub status: String,
    pub failing_streak: u32,
    pub log: Vec<HealthLog>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HealthLog {
    /// Unix nanoseconds.
    pub start: i64,
    pub end: i64,
    pub exit_code: i32,
    pub output: String,
}

pub const STARTING: &str = "starting";
pub const HEALTHY: &str = "healthy";
pub const UNHEALTHY: &str = "unhealthy";

impl Health {
    pub fn starting() -> Health {
        Health { status: STARTING.into(), ..Health::default() }
    }

    /// Take in one result; `in_start_period`: failures do not count yet.
    pub fn record(&mut self, entry: HealthLog, retries: u32, in_start_period: bool) {
        if entry.exit_code == 0 {
            self.status = HEALTHY.into();
            self.failing_streak = 0;
        } else if !in_start_period || self.status != STARTING {
            self.failing_streak += 1;
            if self.failing_streak >= retries {
                self.status = UNHEALTHY.into();
            }
        }
        self.log.push(entry);
        let extra = self.log.len().saturating_sub(LOG_ENTRIES);
        self.log.drain(..extra);
    }

    /// Docker's `State.Health`.
    pub fn to_docker(&self) -> Value {
        let time = |ns: i64| timefmt::rfc3339_nano(ns.div_euclid(SECOND), ns.rem_euclid(SECOND) as u32);
        serde_json::json!({
            "Status": self.status,
            "FailingStreak": self.failing_streak,
            "Log": self.log.iter().map(|l| serde_json::json!({
                "Start": time(l.start),
                "End": time(l.end),
                "ExitCode": l.exit_code,
                "Output": l.output,
            })).collect::<Vec<_>>(),
        })
    }
}

/// `rpod healthcheck run`: run the check once through `rpod exec`, record
/// the result; returns the new status.
pub fn run_check(ctx: &Context, containers: &mut Containers, c: &Container) -> anyhow::Result<String> {
    let Some(hc) = c.config.options.healthcheck.clone() else {
        return Err(Failure::new(ExitCode::Engine, format!("container {} has no defined healthcheck", c.name)).into());
    };
    if c.state.status != Status::Running {
        return Err(Failure::new(ExitCode::Engine, format!("container {} is not running", c.name)).into());
    }
    let paths = ctx.paths()?;
    let out_path = containers.run_dir(&c.id).join(format!("healthcheck-{}.out", std::process::id()));
    let out =
        crate::paths::private_file_create(&out_path).with_context(|| format!("creating {}", out_path.display()))?;
    let exe = std::env::current_exe().context("finding rpod's own executable")?;
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("--root").arg(&paths.graph_root).arg("--runroot").arg(&paths.run_root).arg("exec").arg(&c.id);
    cmd.args(hc.command());
    cmd.stdin(std::process::Stdio::null()).stdout(out.try_clone()?).stderr(out);
    // Killed with its process group at the timeout.
    cmd.process_group(0);
    let start = now_ns();
    let mut child = cmd.spawn().context("running the healthcheck")?;
    let deadline = Instant::now() + Duration::from_nanos(hc.timeout.max(SECOND) as u64);
    let mut pause = Duration::from_millis(2);
    let code = loop {
        if let Some(status) = child.try_wait()? {
            break status.code().unwrap_or(1);
        }
        if Instant::now() >= deadline {
            let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::SIGKILL);
            let _ = child.wait();
            break -1;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    };
    let end = now_ns();
    let mut output = String::new();
    if let Ok(mut f) = std::fs::File::open(&out_path) {
        let mut bytes = Vec::new();
        let _ = f.by_ref().take(OUTPUT_MAX as u64).read_to_end(&mut bytes);
        output = String::from_utf8_lossy(&bytes).into_owned();
    }
    let _ = std::fs::remove_file(&out_path);
    if code == -1 {
        output = format!("Healthcheck command timed out after {}", timefmt_secs(hc.timeout));
    }
    let entry = HealthLog { start, end, exit_code: if code == -1 { 1 } else { code }, output };
    let started_at = c.state.started_at;
    let in_start_period = hc.start_period > 0 && start - started_at < hc.start_period;
    let after = containers.update_state(&c.id, |s| {
        let h = s.health.get_or_insert_with(Health::starting);
        h.record(entry.clone(), hc.retries, in_start_period);
        true
    })?;
    let status = after.and_then(|c| c.state.health).map(|h| h.status).unwrap_or_default();
    containers.event_of(&crate::events::Event { health_status: status.clone(), ..c.event("health_status") });
    Ok(status)
}

fn timefmt_secs(ns: i64) -> String {
    format!("{}s", ns / SECOND)
}

/// The monitor's healthcheck timer: every interval it starts `rpod
/// healthcheck run ID` (without waiting for it; the monitor reaps it), and
/// when a check leaves the container unhealthy it applies
/// `--health-on-failure`.
pub struct Timer {
    command: Vec<std::ffi::OsString>,
    id: String,
    containers: Containers,
    interval: Duration,
    on_failure: OnFailure,
    stop_signal: i32,
    stop_timeout: Duration,
    next: Instant,
    /// The running check.
    child: Option<i32>,
    acted: bool,
    /// SIGKILL the container then (`stop`/`restart` after the stop timeout).
    kill_at: Option<Instant>,
    /// The monitor restarts the container once it has exited.
    pub restart: bool,
}

impl Timer {
    /// None when the container has no healthcheck on a timer.
    pub fn new(ctx: &Context, c: &Container) -> anyhow::Result<Option<Timer>> {
        let Some(hc) = c.config.options.healthcheck.as_ref().filter(|h| h.interval > 0) else { return Ok(None) };
        let paths = ctx.paths()?;
        let exe = std::env::current_exe().context("finding rpod's own executable")?;
        let command = vec![
            exe.into(),
            "--root".into(),
            paths.graph_root.clone().into(),
            "--runroot".into(),
            paths.run_root.clone().into(),
            "healthcheck".into(),
            "run".into(),
            c.id.clone().into(),
        ];
        let interval = Duration::from_nanos(hc.interval as u64);
        Ok(Some(Timer {
            command,
            id: c.id.clone(),
            containers: ctx.containers()?,
            interval,
            on_failure: hc.on_failure,
            stop_signal: super::lifecycle::signal_number(&c.config.stop_signal).unwrap_or(libc::SIGTERM),
            stop_timeout: Duration::from_secs(u64::from(c.config.stop_timeout)),
            next: Instant::now() + interval,
            child: None,
            acted: false,
            kill_at: None,
            restart: false,
        }))
    }

    /// How long the monitor may sleep before [`Timer::tick`] has work.
    pub fn timeout(&self) -> Duration {
        let mut at = self.kill_at;
        if self.child.is_none() && !self.acted {
            at = Some(at.map_or(self.next, |k| k.min(self.next)));
        }
        at.map_or(Duration::from_secs(3600), |t| t.saturating_duration_since(Instant::now()))
    }

    /// Start a check when one is due; SIGKILL a container that outlived
    /// its stop timeout.
    pub fn tick(&mut self, container_pid: i32) {
        let now = Instant::now();
        if self.kill_at.is_some_and(|k| now >= k) {
            self.kill_at = None;
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(container_pid), nix::sys::signal::SIGKILL);
        }
        if self.child.is_some() || self.acted || now < self.next {
            return;
        }
        self.next = now + self.interval;
        let mut cmd = std::process::Command::new(&self.command[0]);
        cmd.args(&self.command[1..]).stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null());
        match cmd.spawn() {
            // The monitor reaps it (see `reaped`).
            Ok(child) => self.child = Some(child.id() as i32),
            Err(e) => log::warn!("starting the healthcheck of {}: {e}", self.id),
        }
    }

    /// A child exited: when it was the check, act on an unhealthy result.
    /// Returns whether it was.
    pub fn reaped(&mut self, pid: i32, code: i32, container_pid: i32) -> bool {
        if self.child != Some(pid) {
            return false;
        }
        self.child = None;
        if code != 1 || self.on_failure == OnFailure::None {
            return true;
        }
        let unhealthy = self
            .containers
            .get(&self.id)
            .ok()
            .flatten()
            .and_then(|c| c.state.health)
            .is_some_and(|h| h.status == UNHEALTHY);
        if !unhealthy {
            return true;
        }
        log::info!("container {} is unhealthy: {:?}", self.id, self.on_failure);
        self.acted = true;
        if self.on_failure != OnFailure::Restart {
            let _ = self.containers.update_state(&self.id, |s| {
                s.stopped_by_user = true;
                true
            });
        }
        let target = nix::unistd::Pid::from_raw(container_pid);
        match self.on_failure {
            OnFailure::Kill => {
                let _ = nix::sys::signal::kill(target, nix::sys::signal::SIGKILL);
            }
            OnFailure::Stop | OnFailure::Restart => {
                self.restart = self.on_failure == OnFailure::Restart;
                let _ = crate::sys::kill_raw(container_pid, self.stop_signal);
                self.kill_at = Some(Instant::now() + self.stop_timeout);
            }
            OnFailure::None => {}
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_cmd_forms() {
        assert_eq!(parse_test("curl -f http://x || exit 1").unwrap(), ["CMD-SHELL", "curl -f http://x || exit 1"]);
        assert_eq!(parse_test(r#"["ls", "/"]"#).unwrap(), ["CMD", "ls", "/"]);
        assert_eq!(parse_test(r#"["CMD-SHELL", "true"]"#).unwrap(), ["CMD-SHELL", "true"]);
        assert_eq!(parse_test("none").unwrap(), ["NONE"]);
        assert!(parse_test("").is_err());
        let hc = HealthConfig { test: vec!["CMD-SHELL".into(), "exit 1".into()], ..HealthConfig::default() };
        assert_eq!(hc.command(), ["/bin/sh", "-c", "exit 1"]);
    }

    #[test]
    fn flags_over_the_image() {
        let image = serde_json::json!({"Test": ["CMD", "true"], "Interval": 5 * SECOND, "Retries": 2});
        let flags = HealthFlags::default();
        let hc = resolve(&flags, &image).unwrap().unwrap();
        assert_eq!(
            (hc.test.clone(), hc.interval, hc.timeout, hc.retries),
            (vec!["CMD".into(), "true".into()], 5 * SECOND, 30 * SECOND, 2)
        );
        let flags = HealthFlags { cmd: Some("exit 1".into()), interval: Some("1s".into()), ..HealthFlags::default() };
        let hc = resolve(&flags, &image).unwrap().unwrap();
        assert_eq!((hc.interval, hc.retries, hc.start_period), (SECOND, 3, 0));
        let off = HealthFlags { interval: Some("disable".into()), ..flags.clone() };
        assert_eq!(resolve(&off, &Value::Null).unwrap().unwrap().interval, 0);
        assert!(resolve(&HealthFlags { no_healthcheck: true, ..HealthFlags::default() }, &image).unwrap().is_none());
        assert!(resolve(&HealthFlags { no_healthcheck: true, ..flags.clone() }, &image).is_err());
        assert!(resolve(&HealthFlags { interval: Some("10ms".into()), ..flags.clone() }, &image).is_err());
        assert!(resolve(&HealthFlags { retries: Some(0), ..flags.clone() }, &image).is_err());
        assert!(resolve(&HealthFlags::default(), &serde_json::json!({"Test": ["NONE"]})).unwrap().is_none());
        assert!(resolve(&HealthFlags::default(), &Value::Null).unwrap().is_none());
    }

    #[test]
    fn streaks_and_statuses() {
        let fail = |t| HealthLog { start: t, end: t, exit_code: 1, output: String::new() };
        let mut h = Health::starting();
        h.record(fail(1), 2, true);
        assert_eq!((h.status.as_str(), h.failing_streak), (STARTING, 0));
        h.record(fail(2), 2, false);
        assert_eq!((h.status.as_str(), h.failing_streak), (STARTING, 1));
        h.record(fail(3), 2, false);
        assert_eq!((h.status.as_str(), h.failing_streak), (UNHEALTHY, 2));
        for t in 4..10 {
            h.record(fail(t), 2, false);
        }
        assert_eq!(h.log.len(), LOG_ENTRIES);
        assert_eq!(h.log[0].start, 5);
        h.record(HealthLog { exit_code: 0, ..fail(10) }, 2, false);
        assert_eq!((h.status.as_str(), h.failing_streak), (HEALTHY, 0));
    }
}
