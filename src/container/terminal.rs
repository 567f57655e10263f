//! `-t`: the container's pseudo-terminal wired to ours. Our terminal goes
//! raw (the container's line discipline does the editing); bytes are
//! copied both ways until the container side closes.

use std::io::{Read, Write};
use std::os::fd::{AsFd, OwnedFd};

use nix::sys::termios::{self, SetArg, Termios};

/// Our terminal in raw mode, restored when dropped.
pub struct RawMode {
    saved: Option<Termios>,
}

impl RawMode {
    /// Make stdin raw if it is a terminal.
    pub fn enter() -> RawMode {
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(stdin.as_fd()).ok();
        if let Some(t) = &saved {
            let mut raw = t.clone();
            termios::cfmakeraw(&mut raw);
            let _ = termios::tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &raw);
        }
        RawMode { saved }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if let Some(t) = &self.saved {
            let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSADRAIN, t);
        }
    }
}

/// Copy the pty master to stdout, and stdin to the master when
/// `interactive`, until the container closes its side, or the
/// `detach_keys` are typed (then `true`: the process goes on, its terminal
/// held and drained by a `cat` of its own, as conmon holds it for Podman).
/// The input copier is left to die with the process.
pub fn proxy(master: OwnedFd, interactive: bool, detach_keys: &[u8]) -> std::io::Result<bool> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let mut reader = std::fs::File::from(master);
    let (mut detached_tx, detached_rx) = std::os::unix::net::UnixStream::pair()?;
    if interactive {
        let mut writer = reader.try_clone()?;
        let mut matcher = super::attach::DetachMatcher { keys: detach_keys.to_vec(), matched: 0 };
        std::thread::spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut buf = [0u8; 4096];
            loop {
                match stdin.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let (data, detach) = matcher.feed(&buf[..n]);
                        if writer.write_all(&data).is_err() {
                            break;
                        }
                        if detach {
                            let _ = detached_tx.write_all(b"d");
                            break;
                        }
                    }
                }
            }
        });
    }
    let mut out = std::io::stdout();
    let mut buf = [0u8; 8192];
    loop {
        let mut fds =
            [PollFd::new(reader.as_fd(), PollFlags::POLLIN), PollFd::new(detached_rx.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::NONE) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
        let detach = fds[1].revents().is_some_and(|r| !r.is_empty());
        let output = fds[0].revents().is_some_and(|r| !r.is_empty());
        if detach && !output {
            use std::os::unix::process::CommandExt;
            // In a process group of its own: not hung up with our terminal.
            std::process::Command::new("cat")
                .process_group(0)
                .stdin(std::process::Stdio::from(reader))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()?;
            return Ok(true);
        }
        match reader.read(&mut buf) {
            Ok(0) => return Ok(false),
            // EIO: every slave descriptor is closed (the container ended).
            Err(e) if e.raw_os_error() == Some(libc::EIO) => return Ok(false),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
            Ok(n) => {
                out.write_all(&buf[..n])?;
                out.flush()?;
            }
        }
    }
}
