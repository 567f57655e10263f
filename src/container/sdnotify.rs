//! `--sdnotify`: systemd's readiness protocol (`NOTIFY_SOCKET`, a unix
//! datagram socket) for a container started under a `Type=notify` unit,
//! as Podman:
//!
//! - `container` (the default): the container gets a socket of its own at
//!   `/run/notify/notify.sock` (its `NOTIFY_SOCKET`); the monitor passes
//!   what the container's process sends there (`READY=1`, `STATUS=...`) on
//!   to the caller's socket, after telling it `MAINPID` (the monitor's PID:
//!   it lives as long as the container);
//! - `conmon`: the monitor sends `MAINPID` and `READY=1` itself once the
//!   container has started; the container gets no socket;
//! - `ignore`: the caller's socket is left alone.
//!
//! Nothing happens when the starting command has no `NOTIFY_SOCKET`.

use std::os::unix::net::{SocketAddr, UnixDatagram};
use std::path::{Path, PathBuf};

use std::os::unix::fs::OpenOptionsExt;

use anyhow::{bail, Context as _};
use serde::{Deserialize, Serialize};

/// Where the container's socket is, inside it.
pub const CONTAINER_DIR: &str = "/run/notify";
/// The container's `NOTIFY_SOCKET`.
pub const CONTAINER_SOCKET: &str = "/run/notify/notify.sock";

/// `--sdnotify`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Container,
    Conmon,
    Ignore,
}

impl Mode {
    pub fn parse(s: &str) -> anyhow::Result<Mode> {
        Ok(match s {
            "container" => Mode::Container,
            "conmon" => Mode::Conmon,
            "ignore" => Mode::Ignore,
            _ => bail!("--sdnotify {s}: expected container, conmon or ignore"),
        })
    }

    pub fn is_default(&self) -> bool {
        *self == Mode::Container
    }
}

/// The caller's `NOTIFY_SOCKET` (a path, or `@name` in the abstract
/// namespace), when it has one.
pub fn caller_socket() -> Option<String> {
    std::env::var("NOTIFY_SOCKET").ok().filter(|s| !s.is_empty())
}

/// The host side of the container's socket: a directory in its run
/// directory, bind-mounted at [`CONTAINER_DIR`].
pub fn host_dir(run_dir: &Path) -> PathBuf {
    run_dir.join("notify")
}

/// A socket path as a short one (a socket's address holds at most 107
/// bytes, run directories are longer): through an `O_PATH` descriptor of
/// its directory, which the caller keeps open while it uses the path.
fn short_path(path: &Path) -> std::io::Result<(std::os::fd::OwnedFd, PathBuf)> {
    use std::os::fd::AsRawFd;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| std::io::Error::other(format!("{} names no file", path.display())))?;
    let fd: std::os::fd::OwnedFd =
        std::fs::File::options().read(true).custom_flags(libc::O_PATH | libc::O_DIRECTORY).open(dir)?.into();
    let short = PathBuf::from(format!("/proc/self/fd/{}", fd.as_raw_fd())).join(name);
    Ok((fd, short))
}

/// Sends one message to `target` (a path, or `@name`).
pub fn send(target: &str, message: &str) -> anyhow::Result<()> {
    let sock = UnixDatagram::unbound().context("creating a socket")?;
    let sent = match target.strip_prefix('@') {
        Some(name) => <SocketAddr as std::os::linux::net::SocketAddrExt>::from_abstract_name(name.as_bytes())
            .and_then(|a| sock.send_to_addr(message.as_bytes(), &a)),
        None => short_path(Path::new(target)).and_then(|(_dir, p)| sock.send_to(message.as_bytes(), p)),
    };
    sent.with_context(|| format!("sending {message:?} to NOTIFY_SOCKET {target}"))?;
    Ok(())
}

/// The monitor's end of `--sdnotify=container`: the container's socket,
/// and the caller's, where what arrives is passed on.
pub struct Proxy {
    pub sock: UnixDatagram,
    target: String,
}

impl Proxy {
    /// Binds the container's socket (in `run_dir`, made before the spec
    /// named it) for messages to `target`.
    pub fn bind(run_dir: &Path, target: String) -> anyhow::Result<Proxy> {
        use std::os::unix::fs::PermissionsExt;
        let dir = host_dir(run_dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("notify.sock");
        let _ = std::fs::remove_file(&path);
        let sock = short_path(&path)
            .and_then(|(_dir, p)| UnixDatagram::bind(p))
            .with_context(|| format!("binding {}", path.display()))?;
        // Any user of the container may report.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777))
            .with_context(|| format!("opening {} to the container's users", path.display()))?;
        sock.set_nonblocking(true)?;
        Ok(Proxy { sock, target })
    }

    /// Passes on what the container sent, without its `MAINPID` (a PID of
    /// the container's namespace: the monitor named its own).
    pub fn forward(&self) {
        let mut buf = [0u8; 4096];
        while let Ok(n) = self.sock.recv(&mut buf) {
            let text = String::from_utf8_lossy(&buf[..n]);
            let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("MAINPID=")).collect();
            if kept.is_empty() {
                continue;
            }
            if let Err(e) = send(&self.target, &kept.join("\n")) {
                log::warn!("{e:#}");
            }
        }
    }

    pub fn target(&self) -> &str {
        &self.target
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_and_messages_pass_through_without_mainpid() {
        assert_eq!(Mode::parse("conmon").unwrap(), Mode::Conmon);
        assert!(Mode::parse("bogus").is_err());
        let dir = tempfile::tempdir().unwrap();
        let host = dir.path().join("host.sock");
        let listener = UnixDatagram::bind(&host).unwrap();
        // Longer than a socket address can hold.
        let deep = dir.path().join("d".repeat(100));
        let proxy = Proxy::bind(&deep, host.display().to_string()).unwrap();
        let ctr = UnixDatagram::unbound().unwrap();
        let (_d, to) = short_path(&deep.join("notify/notify.sock")).unwrap();
        ctr.send_to(b"MAINPID=1\nREADY=1", &to).unwrap();
        ctr.send_to(b"MAINPID=1", &to).unwrap();
        proxy.forward();
        let mut buf = [0u8; 64];
        listener.set_nonblocking(true).unwrap();
        let n = listener.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"READY=1");
        assert!(listener.recv(&mut buf).is_err(), "a message of only MAINPID is dropped");
    }
}
