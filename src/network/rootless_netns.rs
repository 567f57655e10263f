//! The rootless network namespace: where rootless containers' user-defined
//! networks live, one per user and run root (as in Podman 4, which keeps
//! one per user and store). netavark makes the bridges there and
//! aardvark-dns serves names there; pasta (`--config-net`) gives it its
//! way out to the host's network. Each container on such a network has a
//! namespace of its own connected to a bridge by netavark's veth pair, as
//! as root.
//!
//! The namespace is held by a tiny rpod (`rpod __rootless-netns DIR`,
//! shown as `rpod-netns`), kept like the pause process: created once under
//! `<run root>/rootless-netns.lock`, joined later (commands run netavark
//! through `nsenter` into its network and mount namespaces), replaced when
//! its holder or its pasta is gone. `<run root>/rootless-netns/holder`
//! records both (PID and start time each). The holder has a mount
//! namespace of its own, where the containers' network namespaces are
//! bind-mounted (so a later command finds them when the container's
//! monitor is gone) and where `/etc/resolv.conf` lists the host's name
//! servers that are reachable from the namespace (aardvark-dns forwards
//! to them).
//!
//! When its holder is killed, everything made in the old namespace is
//! void: the next command ends the old pasta and aardvark-dns, makes a new
//! namespace, and the teardown of a container attached in the old one
//! only frees its addresses. When the last container leaves, the holder,
//! pasta and the directory go.

use std::io::{BufRead as _, Write as _};
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _};
use nix::fcntl::Flock;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use crate::procfs::process_start;

/// The rootless namespace of a run root, alive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Netns {
    pub holder: i32,
    pub pasta: i32,
    /// `HOLDER:START`: which namespace a container was attached in.
    pub id: String,
}

impl Netns {
    /// `nsenter` into the namespace's network and mount namespaces, to
    /// run `program` there.
    pub fn command(&self, program: &Path) -> Command {
        let mut cmd = Command::new("nsenter");
        cmd.arg(format!("--mount=/proc/{}/ns/mnt", self.holder))
            .arg(format!("--net=/proc/{}/ns/net", self.holder))
            .arg("--")
            .arg(program);
        with_sbin(&mut cmd);
        cmd
    }

    /// `nsenter` into the holder's mount namespace only.
    pub fn mount_command(&self, program: &Path) -> Command {
        let mut cmd = Command::new("nsenter");
        cmd.arg(format!("--mount=/proc/{}/ns/mnt", self.holder)).arg("--").arg(program);
        with_sbin(&mut cmd);
        cmd
    }

    /// The namespace itself, opened.
    pub fn open(&self) -> anyhow::Result<std::fs::File> {
        let path = format!("/proc/{}/ns/net", self.holder);
        std::fs::File::open(&path).with_context(|| format!("opening {path}"))
    }
}

/// netavark runs iptables, which Debian keeps in /usr/sbin, outside a
/// user's `PATH` (Podman adds it too).
fn with_sbin(cmd: &mut Command) {
    let path = std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into());
    if !path.split(':').any(|p| p == "/usr/sbin") {
        cmd.env("PATH", format!("{path}:/usr/local/sbin:/usr/sbin:/sbin"));
    }
}

fn dir(run_root: &Path) -> PathBuf {
    run_root.join("rootless-netns")
}

fn record(run_root: &Path) -> PathBuf {
    dir(run_root).join("holder")
}

/// The lock that serializes the namespace's life and every netavark run in
/// it (Podman's `rootless-netns.lock`).
pub fn lock(run_root: &Path) -> anyhow::Result<Flock<std::fs::File>> {
    crate::paths::private_dir_all(run_root).with_context(|| format!("creating {}", run_root.display()))?;
    crate::files::lock_exclusive(&run_root.join("rootless-netns.lock"))
}

/// (pid, start) pairs of the record.
fn recorded(run_root: &Path) -> Option<[(i32, u64); 2]> {
    let text = std::fs::read_to_string(record(run_root)).ok()?;
    let f: Vec<u64> = text.split_whitespace().map(|x| x.parse().ok()).collect::<Option<_>>()?;
    match f[..] {
        [h, hs, p, ps] => Some([(i32::try_from(h).ok()?, hs), (i32::try_from(p).ok()?, ps)]),
        _ => None,
    }
}

/// The recorded process still runs, and is not being killed (a holder
/// just killed with -9 may still be exiting: it is replaced, not joined).
fn alive((pid, start): (i32, u64)) -> bool {
    process_start(pid) == Some(start) && !crate::procfs::exiting(pid)
}

/// The namespace of `run_root` if its holder and its pasta both run. The
/// caller holds [`lock`].
pub fn live(run_root: &Path) -> Option<Netns> {
    let [h, p] = recorded(run_root)?;
    (alive(h) && alive(p)).then(|| Netns { holder: h.0, pasta: p.0, id: format!("{}:{}", h.0, h.1) })
}

/// The namespace of `run_root`, made (or remade, when its holder or pasta
/// is gone) if need be. The caller holds [`lock`]; `state_dir` is
/// netavark's configuration directory (its aardvark-dns there belongs to
/// the namespace).
pub fn ensure(run_root: &Path, state_dir: &Path) -> anyhow::Result<Netns> {
    if let Some(n) = live(run_root) {
        return Ok(n);
    }
    stop(run_root, state_dir);
    create(run_root).context("making the rootless network namespace")
}

fn create(run_root: &Path) -> anyhow::Result<Netns> {
    let pasta = super::find_helper("pasta").ok_or_else(|| {
        anyhow!("rootless user-defined networks need pasta (Debian: apt-get install passt) for their way out")
    })?;
    super::tun_usable().map_err(|e| anyhow!(e))?;
    let d = dir(run_root);
    crate::paths::private_dir_all(&d).with_context(|| format!("creating {}", d.display()))?;
    crate::files::write_atomic(&d.join("resolv.conf"), resolv_conf().as_bytes())?;
    let exe = std::env::current_exe().context("finding rpod's own executable")?;
    let mut holder = Command::new(exe)
        .arg0("rpod-netns")
        .arg("__rootless-netns")
        .arg(&d)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .current_dir("/")
        .spawn()
        .context("starting rpod __rootless-netns")?;
    let hpid = holder.id() as i32;
    let fail = |e: anyhow::Error| -> anyhow::Error {
        let _ = kill(Pid::from_raw(hpid), Signal::SIGKILL);
        e
    };
    let mut line = String::new();
    let out = holder.stdout.take().expect("piped");
    std::io::BufReader::new(out).read_line(&mut line).context("reading from the namespace's holder")?;
    if line.trim() != "ok" {
        let _ = holder.wait();
        bail!("the namespace's holder failed: {}", line.trim().trim_start_matches("error: "));
    }
    // The holder is reaped by whoever outlives it (it is not waited for).
    drop(holder);
    let hstart = process_start(hpid).ok_or_else(|| anyhow!("the namespace's holder {hpid} is gone"))?;
    let netns =
        std::fs::File::open(format!("/proc/{hpid}/ns/net")).context("opening the new namespace").map_err(fail)?;
    let pid_file = d.join("pasta.pid");
    let log_file = d.join("pasta.log");
    let _ = std::fs::remove_file(&pid_file);
    let log = crate::paths::private_file_create(&log_file)?;
    // In the background (pasta forks once it has configured the
    // namespace, its parent exits 0 then): it outlives this command.
    let args = [
        "--config-net",
        "--quiet",
        "-t",
        "none",
        "-u",
        "none",
        "-T",
        "none",
        "-U",
        "none",
        "--netns",
        "/proc/self/fd/3",
        "-P",
    ];
    let mut cmd = Command::new(&pasta);
    cmd.args(args).arg(&pid_file).stdin(Stdio::null()).stdout(log.try_clone()?).stderr(log);
    crate::sys::pass_fds(&mut cmd, vec![netns.as_fd().as_raw_fd()]);
    log::debug!("starting {} {} {}", pasta.display(), args.join(" "), pid_file.display());
    let status = cmd.status().with_context(|| format!("starting {}", pasta.display())).map_err(fail)?;
    let ppid: Option<i32> = std::fs::read_to_string(&pid_file).ok().and_then(|t| t.trim().parse().ok());
    let pstart = ppid.and_then(process_start);
    let (Some(ppid), Some(pstart), true) = (ppid, pstart, status.success()) else {
        let msg = std::fs::read_to_string(&log_file).unwrap_or_default();
        let msg: Vec<&str> = msg.lines().filter(|l| !l.starts_with("Failed to send")).collect();
        return Err(fail(anyhow!("pasta failed ({status}): {}", msg.join("; "))));
    };
    crate::files::write_atomic(&record(run_root), format!("{hpid} {hstart} {ppid} {pstart}\n").as_bytes())
        .map_err(fail)?;
    Ok(Netns { holder: hpid, pasta: ppid, id: format!("{hpid}:{hstart}") })
}

/// The host's `/etc/resolv.conf` as the namespace sees it: name servers on
/// the host's loopback cannot be reached from there (they are dropped);
/// with none left, pasta's gateway address, which it maps to the host's
/// loopback.
fn resolv_conf() -> String {
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    resolv_conf_from(&host, super::default_gateway())
}

fn resolv_conf_from(host: &str, gateway: Option<std::net::Ipv4Addr>) -> String {
    let mut out = String::new();
    let mut servers = 0;
    for l in host.lines() {
        let mut f = l.split_whitespace();
        if f.next() == Some("nameserver") {
            let loopback = f.next().and_then(|a| a.parse::<std::net::IpAddr>().ok()).is_some_and(|a| a.is_loopback());
            if loopback {
                continue;
            }
            servers += 1;
        }
        out.push_str(l);
        out.push('\n');
    }
    if servers == 0 {
        if let Some(gw) = gateway {
            out.push_str(&format!("nameserver {gw}\n"));
        }
    }
    out
}

/// Ends the namespace of `run_root` (its holder, pasta and aardvark-dns)
/// and removes its directory. The caller holds [`lock`].
pub fn stop(run_root: &Path, state_dir: &Path) {
    if let Some(rec) = recorded(run_root) {
        for p in rec.into_iter().filter(|p| alive(*p)) {
            let _ = kill(Pid::from_raw(p.0), Signal::SIGKILL);
        }
    }
    // aardvark-dns runs in the namespace: a new one would not reach it.
    let aardvark = state_dir.join("aardvark-dns");
    if let Some(pid) = std::fs::read_to_string(aardvark.join("aardvark.pid")).ok().and_then(|p| p.trim().parse().ok()) {
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if comm.trim() == "aardvark-dns" {
            let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
        }
    }
    let _ = std::fs::remove_dir_all(&aardvark);
    let _ = std::fs::remove_dir_all(dir(run_root));
}

/// `rpod __rootless-netns DIR`: a session of its own, a new network and
/// mount namespace (`DIR/resolv.conf` over `/etc/resolv.conf` there), its
/// loopback up; then `ok` on standard output, and nothing until killed —
/// or until `DIR/holder` no longer names this process.
pub fn hold(dir: &Path) -> ! {
    let _ = nix::unistd::setsid();
    let mut all = nix::sys::signal::SigSet::all();
    all.remove(Signal::SIGTERM);
    all.remove(Signal::SIGKILL);
    let _ = all.thread_block();
    let result = (|| -> anyhow::Result<()> {
        use nix::mount::{mount, MsFlags};
        use nix::sched::{unshare, CloneFlags};
        unshare(CloneFlags::CLONE_NEWNET | CloneFlags::CLONE_NEWNS).context("unshare")?;
        mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>)
            .context("making the mount namespace private")?;
        let resolv = dir.join("resolv.conf");
        if resolv.exists() {
            // A link (to /run/systemd/resolve/...): over its target.
            let target = std::fs::canonicalize("/etc/resolv.conf").unwrap_or_else(|_| "/etc/resolv.conf".into());
            mount(Some(&resolv), &target, None::<&str>, MsFlags::MS_BIND, None::<&str>)
                .with_context(|| format!("mounting {} on {}", resolv.display(), target.display()))?;
        }
        // pasta brings it up as well; whichever comes first.
        let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].into_iter().find(|p| Path::new(p).exists());
        if let Some(ip) = ip {
            let _ =
                Command::new(ip).args(["link", "set", "lo", "up"]).stdout(Stdio::null()).stderr(Stdio::null()).status();
        }
        Ok(())
    })();
    let mut out = std::io::stdout();
    let _ = match &result {
        Ok(()) => writeln!(out, "ok"),
        Err(e) => writeln!(out, "error: {e:#}"),
    };
    let _ = out.flush();
    if result.is_err() {
        std::process::exit(1);
    }
    let me = std::process::id().to_string();
    // The starter records us once pasta runs.
    std::thread::sleep(Duration::from_secs(15));
    loop {
        let named =
            std::fs::read_to_string(dir.join("holder")).is_ok_and(|t| t.split_whitespace().next() == Some(me.as_str()));
        if !named {
            std::process::exit(0);
        }
        std::thread::sleep(Duration::from_secs(30));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_servers_on_the_hosts_loopback_are_dropped() {
        let gw = Some(std::net::Ipv4Addr::new(192, 0, 2, 1));
        let host = "# x\nnameserver 127.0.0.53\nnameserver 10.0.0.2\nsearch lan\n";
        assert_eq!(resolv_conf_from(host, gw), "# x\nnameserver 10.0.0.2\nsearch lan\n");
        assert_eq!(resolv_conf_from("nameserver ::1\noptions edns0\n", gw), "options edns0\nnameserver 192.0.2.1\n");
        assert_eq!(resolv_conf_from("nameserver 127.0.0.1\n", None), "");
    }
}
