//! Rootless networking through pasta (Debian's `passt` package, Podman 5's
//! rootless default): pasta connects the container's network namespace to
//! the host's with a tap device, copies the host's addresses and routes
//! into it (`--config-net`), maps the gateway address to the host's
//! loopback, and forwards published ports with its own splice path.
//!
//! pasta runs in the foreground as a child of the container's monitor with
//! SIGKILL as its parent-death signal, so it goes with the monitor even
//! when the monitor is killed. It gets the namespace as an open descriptor
//! (`--netns /proc/self/fd/3`): having given up its capabilities it could
//! not open `/proc/PID/ns/net` of the container's init itself. It is ready
//! once it has written its PID file.

use std::os::fd::{AsFd, AsRawFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};

use super::ports::{PortMapping, Proto};

/// How long pasta may take to come up.
const READY_TIMEOUT: Duration = Duration::from_secs(10);

/// A running network helper (pasta or slirp4netns), a child of the caller.
pub struct Helper {
    child: Child,
    what: &'static str,
    ready: Ready,
    /// The helper's messages.
    log_file: PathBuf,
}

/// How a helper says it is ready.
pub(super) enum Ready {
    /// pasta writes its PID file.
    PidFile(PathBuf),
    /// slirp4netns writes `1` on a pipe; the ports are then published
    /// through its API socket in `api_dir`.
    Pipe { read: std::fs::File, api_dir: std::fs::File, ports: Vec<PortMapping> },
}

impl Helper {
    pub(super) fn new(child: Child, what: &'static str, ready: Ready, log_file: PathBuf) -> Helper {
        Helper { child, what, ready, log_file }
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Ends the helper and reaps it. It may have been reaped already by a
    /// `waitpid(-1)` of the caller: only an unreaped child of ours is
    /// signalled (its PID cannot have been reused then).
    pub fn stop(self) {
        use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
        let pid = nix::unistd::Pid::from_raw(self.pid());
        if let Ok(WaitStatus::StillAlive) = waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
            let _ = waitpid(pid, None);
        }
        log::debug!("{} stopped", self.what);
    }
}

/// pasta's forwarding options for the published ports: `-t`/`-u` SPECs
/// (`[ADDR/]HOST[-END]:CONTAINER[-END]`), `none` for a protocol without any.
pub fn port_options(ports: &[PortMapping]) -> anyhow::Result<Vec<String>> {
    let mut tcp = Vec::new();
    let mut udp = Vec::new();
    for m in ports {
        let r = m.range - 1;
        let host = if r > 0 { format!("{}-{}", m.host_port, m.host_port + r) } else { m.host_port.to_string() };
        let inner =
            if r > 0 { format!("{}-{}", m.container_port, m.container_port + r) } else { m.container_port.to_string() };
        let addr = if m.host_ip.is_empty() { String::new() } else { format!("{}/", m.host_ip) };
        let spec = format!("{addr}{host}:{inner}");
        match m.protocol {
            Proto::Tcp => tcp.push(spec),
            Proto::Udp => udp.push(spec),
            Proto::Sctp => bail!("-p {}/sctp: pasta forwards only tcp and udp", m.container_port),
        }
    }
    let mut out = Vec::new();
    for (flag, specs) in [("-t", tcp), ("-u", udp)] {
        if specs.is_empty() {
            out.extend([flag.to_string(), "none".to_string()]);
        }
        for s in specs {
            out.extend([flag.to_string(), s]);
        }
    }
    Ok(out)
}

/// Refuses the options rpod sets itself (checked at create).
pub fn check_options(user: &[String]) -> anyhow::Result<()> {
    for o in user {
        let name = o.split('=').next().unwrap_or(o);
        if matches!(name, "--netns" | "--userns" | "--netns-only" | "-P" | "--pid" | "-f" | "--foreground") {
            bail!("--network pasta:{o}: rpod sets this option of pasta itself");
        }
    }
    Ok(())
}

/// The whole command line after `pasta`: rpod's defaults (no forwarding
/// from the namespace to the host: `-T none -U none`), the user's options
/// (which win: a `-t`/`-u`/`-T`/`-U` of theirs replaces rpod's `none`),
/// the ports, the namespace and the PID file.
pub fn arguments(user: &[String], ports: &[PortMapping], pid_file: &Path) -> anyhow::Result<Vec<String>> {
    let given =
        |short: &str, long: &str| user.iter().any(|o| o == short || o == long || o.starts_with(&format!("{long}=")));
    check_options(user)?;
    let mut args: Vec<String> = ["--config-net", "--foreground", "--quiet"].map(String::from).to_vec();
    args.extend(user.iter().cloned());
    let forwarding = port_options(ports)?;
    let mut i = 0;
    while i < forwarding.len() {
        let (flag, spec) = (&forwarding[i], &forwarding[i + 1]);
        let long = if flag == "-t" { "--tcp-ports" } else { "--udp-ports" };
        // `none` only when the user forwards nothing of that protocol.
        if spec != "none" || !given(flag, long) {
            args.extend([flag.clone(), spec.clone()]);
        }
        i += 2;
    }
    for (short, long) in [("-T", "--tcp-ns"), ("-U", "--udp-ns")] {
        if !given(short, long) {
            args.extend([short.to_string(), "none".to_string()]);
        }
    }
    args.extend(["--netns".to_string(), "/proc/self/fd/3".to_string(), "-P".to_string()]);
    args.push(pid_file.display().to_string());
    Ok(args)
}

/// Starts pasta for the network namespace `netns` (an open
/// `/proc/PID/ns/net`), its messages in `run_dir/pasta.log`, without
/// waiting for it: [`Helper::ready`] does.
pub fn spawn(user: &[String], ports: &[PortMapping], netns: &std::fs::File, run_dir: &Path) -> anyhow::Result<Helper> {
    let program = super::find_helper("pasta").ok_or_else(|| {
        anyhow::anyhow!("pasta is not installed: install the passt package, or use --network private")
    })?;
    let pid_file = run_dir.join("pasta.pid");
    let log_file = run_dir.join("pasta.log");
    let _ = std::fs::remove_file(&pid_file);
    let mut args = arguments(user, ports, &pid_file)?;
    // Started as real root, pasta changes to nobody, who may not join the
    // container's namespace: it stays root (with only the capabilities it
    // needs), as Podman runs it as root.
    if rpod_runtime::in_initial_userns_as_root() && !user.iter().any(|o| o == "--runas" || o.starts_with("--runas=")) {
        args.splice(0..0, ["--runas".to_string(), "0".to_string()]);
    }
    let log =
        crate::paths::private_file_create(&log_file).with_context(|| format!("creating {}", log_file.display()))?;
    let mut cmd = Command::new(&program);
    cmd.args(&args).stdin(Stdio::null()).stdout(log.try_clone()?).stderr(log);
    crate::sys::pass_fds(&mut cmd, vec![netns.as_fd().as_raw_fd()]);
    crate::sys::helper_child(&mut cmd, 1);
    log::debug!("starting {} {}", program.display(), args.join(" "));
    let child = cmd.spawn().with_context(|| format!("starting {}", program.display()))?;
    Ok(Helper::new(child, "pasta", Ready::PidFile(pid_file), log_file))
}

impl Helper {
    /// Waits until the helper is ready (its PID file is written); its exit
    /// before that is an error with its message (a busy host port, a
    /// missing /dev/net/tun), and so is a timeout; either way it is gone.
    pub fn ready(mut self) -> anyhow::Result<Helper> {
        let failed = |h: &mut Helper, e: anyhow::Error| -> anyhow::Error {
            let msg = messages(&h.log_file);
            let status = h.child.try_wait().ok().flatten();
            match status {
                Some(status) if !msg.is_empty() => anyhow::anyhow!("{} failed ({status}): {msg}", h.what),
                _ if !msg.is_empty() => anyhow::anyhow!("{e:#}: {msg}"),
                _ => e,
            }
        };
        let pid_file = match &mut self.ready {
            Ready::PidFile(p) => p.clone(),
            Ready::Pipe { read, api_dir, ports } => {
                let ok = super::slirp::wait_pipe(read, READY_TIMEOUT)
                    .and_then(|ok| if ok { Ok(()) } else { bail!("slirp4netns failed") })
                    .and_then(|()| super::slirp::forward(api_dir, ports));
                if let Err(e) = ok {
                    let e = failed(&mut self, e);
                    self.stop();
                    return Err(e);
                }
                return Ok(self);
            }
        };
        let start = Instant::now();
        let mut pause = Duration::from_micros(200);
        loop {
            if std::fs::metadata(&pid_file).is_ok_and(|m| m.len() > 0) {
                return Ok(self);
            }
            if let Some(status) = self.child.try_wait()? {
                let msg = messages(&self.log_file);
                bail!("{} failed ({status}): {}", self.what, if msg.is_empty() { "no message".into() } else { msg });
            }
            if start.elapsed() > READY_TIMEOUT {
                let msg = messages(&self.log_file);
                let what = self.what;
                self.stop();
                bail!("{what} was not ready after {}s: {msg}", READY_TIMEOUT.as_secs());
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(2));
        }
    }
}

/// pasta's own messages (without its complaints about a missing syslog),
/// with the fix for the usual causes.
fn messages(log_file: &Path) -> String {
    let text = std::fs::read_to_string(log_file).unwrap_or_default();
    let lines: Vec<&str> =
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("Failed to send")).collect();
    let mut msg = lines.join("; ");
    if msg.contains("Failed to bind") {
        msg.push_str(" (a published host port is in use)");
    }
    if msg.contains("/dev/net/tun") || msg.contains("tun") && msg.contains("ermission") {
        msg.push_str(&format!(" ({})", super::TUN_FIX));
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::ports::tests::pm;

    #[test]
    fn forwarding_specs() {
        assert_eq!(port_options(&[]).unwrap(), ["-t", "none", "-u", "none"]);
        let ports = [
            pm("127.0.0.1", 18080, 80, 1, Proto::Tcp),
            pm("", 8000, 80, 3, Proto::Tcp),
            pm("::1", 5353, 53, 1, Proto::Udp),
        ];
        assert_eq!(
            port_options(&ports).unwrap(),
            ["-t", "127.0.0.1/18080:80", "-t", "8000-8002:80-82", "-u", "::1/5353:53"]
        );
        assert!(port_options(&[pm("", 1, 1, 1, Proto::Sctp)]).is_err());
    }

    #[test]
    fn command_line() {
        let p = Path::new("/run/x/pasta.pid");
        let a = arguments(&[], &[], p).unwrap().join(" ");
        assert_eq!(
            a,
            "--config-net --foreground --quiet -t none -u none -T none -U none --netns /proc/self/fd/3 -P /run/x/pasta.pid"
        );
        let user: Vec<String> = ["-T", "5432", "--mtu", "1500"].map(String::from).to_vec();
        let a = arguments(&user, &[pm("", 8080, 80, 1, Proto::Tcp)], p).unwrap().join(" ");
        assert_eq!(
            a,
            "--config-net --foreground --quiet -T 5432 --mtu 1500 -t 8080:80 -u none -U none --netns /proc/self/fd/3 -P /run/x/pasta.pid"
        );
        assert!(arguments(&["--netns".into()], &[], p).is_err());
    }
}
