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
/// `interactive`, until the container closes its side. Returns when the
/// output side ends (the input copier is left to die with the process).
pub fn proxy(master: OwnedFd, interactive: bool) -> std::io::Result<()> {
    let mut reader = std::fs::File::from(master);
    if interactive {
        let mut writer = reader.try_clone()?;
        std::thread::spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut buf = [0u8; 4096];
            loop {
                match stdin.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if writer.write_all(&buf[..n]).is_err() {
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
        match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            // EIO: every slave descriptor is closed (the container ended).
            Err(e) if e.raw_os_error() == Some(libc::EIO) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
            Ok(n) => {
                out.write_all(&buf[..n])?;
                out.flush()?;
            }
        }
    }
}
