//! Attaching to a container: the wire format between a monitor and its
//! clients, and the client (`run` in the foreground, `start -a`,
//! `attach`).
//!
//! The monitor listens on `<run dir>/attach` (a stream socket). Each
//! message is a frame: a kind byte, a little-endian u32 length, the payload.
//! Client to monitor: [`STDIN`] data, [`STDIN_EOF`], [`RESIZE`] (rows, cols
//! as u16 LE). Monitor to client: [`STDOUT`] and [`STDERR`] data, and
//! [`EXIT`] (i32 LE) once the container has ended and all of its output has
//! been sent. A connection that ends without an exit frame means the
//! client detached or the monitor died; the caller then reads the state.
//!
//! Unix socket paths are limited to 108 bytes, run directories can be
//! longer: both sides go through `/proc/self/fd/<dir fd>/attach`.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;

use anyhow::Context as _;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};

pub const STDIN: u8 = 0;
pub const STDOUT: u8 = 1;
pub const STDERR: u8 = 2;
pub const EXIT: u8 = 3;
pub const STDIN_EOF: u8 = 4;
pub const RESIZE: u8 = 5;

/// One frame, encoded.
pub fn frame(kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(5 + payload.len());
    v.push(kind);
    v.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    v.extend_from_slice(payload);
    v
}

/// Splits complete frames off the front of a byte buffer.
#[derive(Default)]
pub struct Decoder {
    buf: Vec<u8>,
}

impl Decoder {
    pub fn push(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// The next complete frame, if any; errors on an absurd length.
    pub fn next_frame(&mut self) -> io::Result<Option<(u8, Vec<u8>)>> {
        if self.buf.len() < 5 {
            return Ok(None);
        }
        let len = u32::from_le_bytes([self.buf[1], self.buf[2], self.buf[3], self.buf[4]]) as usize;
        if len > 16 << 20 {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "attach frame too large"));
        }
        if self.buf.len() < 5 + len {
            return Ok(None);
        }
        let kind = self.buf[0];
        let payload = self.buf[5..5 + len].to_vec();
        self.buf.drain(..5 + len);
        Ok(Some((kind, payload)))
    }
}

fn dir_fd(dir: &Path) -> anyhow::Result<OwnedFd> {
    let f = std::fs::File::open(dir).with_context(|| format!("opening {}", dir.display()))?;
    Ok(f.into())
}

/// The monitor's listening socket in `run_dir`.
pub fn listen(run_dir: &Path) -> anyhow::Result<UnixListener> {
    let fd = dir_fd(run_dir)?;
    let path = format!("/proc/self/fd/{}/attach", fd.as_raw_fd());
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path).with_context(|| format!("listening on {}/attach", run_dir.display()))?;
    // 0600 whatever the umask (a socket's mode is its file's; the run
    // directory is private, so the name is ours).
    nix::sys::stat::fchmodat(
        fd.as_fd(),
        "attach",
        nix::sys::stat::Mode::from_bits_truncate(0o600),
        nix::sys::stat::FchmodatFlags::FollowSymlink,
    )
    .with_context(|| format!("chmod {}/attach", run_dir.display()))?;
    Ok(listener)
}

/// Connects to the monitor of the container whose run directory is
/// `run_dir`.
pub fn connect(run_dir: &Path) -> anyhow::Result<UnixStream> {
    let fd = dir_fd(run_dir)?;
    let path = format!("/proc/self/fd/{}/attach", fd.as_raw_fd());
    UnixStream::connect(&path).with_context(|| format!("connecting to {}/attach", run_dir.display()))
}

/// `--detach-keys`: `ctrl-p,ctrl-q` (the default), `ctrl-a`, `a,b`; an
/// empty string disables detaching.
pub fn parse_detach_keys(s: &str) -> anyhow::Result<Vec<u8>> {
    if s.is_empty() {
        return Ok(Vec::new());
    }
    let mut keys = Vec::new();
    for k in s.split(',') {
        let b = match k.strip_prefix("ctrl-") {
            Some(c) if c.len() == 1 => {
                let c = c.as_bytes()[0].to_ascii_lowercase();
                match c {
                    b'a'..=b'z' => c - b'a' + 1,
                    b'@' => 0,
                    b'[' => 27,
                    b'\\' => 28,
                    b']' => 29,
                    b'^' => 30,
                    b'_' => 31,
                    _ => anyhow::bail!("invalid detach keys {s:?}: unknown key ctrl-{}", c as char),
                }
            }
            None if k.len() == 1 => k.as_bytes()[0],
            _ => anyhow::bail!("invalid detach keys {s:?}: expected keys like ctrl-p,ctrl-q"),
        };
        keys.push(b);
    }
    Ok(keys)
}

pub const DEFAULT_DETACH_KEYS: &str = "ctrl-p,ctrl-q";

/// Finds the detach sequence in the typed bytes, holding back a partial
/// match until it completes or fails.
pub(crate) struct DetachMatcher {
    pub(crate) keys: Vec<u8>,
    pub(crate) matched: usize,
}

impl DetachMatcher {
    /// Bytes to forward, and whether the sequence completed.
    pub(crate) fn feed(&mut self, data: &[u8]) -> (Vec<u8>, bool) {
        if self.keys.is_empty() {
            return (data.to_vec(), false);
        }
        let mut out = Vec::with_capacity(data.len());
        for &b in data {
            if b == self.keys[self.matched] {
                self.matched += 1;
                if self.matched == self.keys.len() {
                    return (out, true);
                }
            } else {
                out.extend_from_slice(&self.keys[..self.matched]);
                self.matched = 0;
                if b == self.keys[0] {
                    self.matched = 1;
                    if self.keys.len() == 1 {
                        return (out, true);
                    }
                } else {
                    out.push(b);
                }
            }
        }
        (out, false)
    }
}

/// What the client does.
pub struct ClientOptions {
    /// Send our stdin to the container.
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// The container has a terminal: ours goes raw, window size follows.
    pub tty: bool,
    pub detach_keys: Vec<u8>,
    /// Forward SIGINT, SIGTERM, ... to this PID (`--sig-proxy`).
    pub proxy_signals_to: Option<i32>,
}

/// How an attach ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The container exited with this code.
    Exited(i32),
    /// The user typed the detach keys.
    Detached,
    /// The monitor closed the connection without an exit code.
    Closed,
}

const PROXIED: [Signal; 6] =
    [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP, Signal::SIGQUIT, Signal::SIGUSR1, Signal::SIGUSR2];

/// Copy between our stdio and the monitor until the container ends, the
/// user detaches or the connection closes.
pub fn client(sock: UnixStream, opts: &ClientOptions) -> anyhow::Result<Ended> {
    let mut mask = SigSet::empty();
    if opts.tty {
        mask.add(Signal::SIGWINCH);
    }
    if opts.proxy_signals_to.is_some() {
        for s in PROXIED {
            mask.add(s);
        }
    }
    let old_mask = mask.thread_swap_mask(nix::sys::signal::SigmaskHow::SIG_BLOCK).context("blocking signals")?;
    let result = (|| {
        let sfd = SignalFd::with_flags(&mask, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK)
            .context("creating a signalfd")?;
        let _raw = if opts.tty && opts.stdin { Some(super::terminal::RawMode::enter()) } else { None };
        let mut sock = sock;
        if opts.tty {
            send_size(&mut sock);
        }
        copy_loop(&mut sock, &sfd, opts)
    })();
    let _ = old_mask.thread_set_mask();
    result
}

fn send_size(sock: &mut UnixStream) {
    if let Some((rows, cols)) = crate::sys::window_size(io::stdin().as_fd()) {
        let mut p = Vec::with_capacity(4);
        p.extend_from_slice(&rows.to_le_bytes());
        p.extend_from_slice(&cols.to_le_bytes());
        let _ = sock.write_all(&frame(RESIZE, &p));
    }
}

fn copy_loop(sock: &mut UnixStream, sfd: &SignalFd, opts: &ClientOptions) -> anyhow::Result<Ended> {
    let stdin = io::stdin();
    let mut stdin_open = opts.stdin;
    let mut matcher =
        DetachMatcher { keys: if opts.tty || opts.stdin { opts.detach_keys.clone() } else { Vec::new() }, matched: 0 };
    let mut dec = Decoder::default();
    let mut buf = vec![0u8; 32 * 1024];
    let mut out = io::stdout();
    let mut err = io::stderr();
    loop {
        let mut fds = vec![PollFd::new(sock.as_fd(), PollFlags::POLLIN), PollFd::new(sfd.as_fd(), PollFlags::POLLIN)];
        if stdin_open {
            fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("waiting for the container's output"),
            Ok(_) => {}
        }
        let ready = |i: usize, fds: &[PollFd]| fds.get(i).and_then(|f| f.revents()).is_some_and(|r| !r.is_empty());
        let (sock_ready, sig_ready, in_ready) = (ready(0, &fds), ready(1, &fds), stdin_open && ready(2, &fds));
        drop(fds);
        if sig_ready {
            while let Ok(Some(info)) = sfd.read_signal() {
                let sig = info.ssi_signo as i32;
                if sig == Signal::SIGWINCH as i32 {
                    send_size(sock);
                } else if let Some(pid) = opts.proxy_signals_to {
                    if let Ok(s) = Signal::try_from(sig) {
                        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), s);
                    }
                }
            }
        }
        if in_ready {
            let n = match stdin.lock().read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => 0,
            };
            if n == 0 {
                stdin_open = false;
                let _ = sock.write_all(&frame(STDIN_EOF, &[]));
            } else {
                let (data, detach) = matcher.feed(&buf[..n]);
                if !data.is_empty() && sock.write_all(&frame(STDIN, &data)).is_err() {
                    stdin_open = false;
                }
                if detach {
                    return Ok(Ended::Detached);
                }
            }
        }
        if sock_ready {
            let n = match sock.read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => 0,
                Err(e) => return Err(e).context("reading from the container's monitor"),
            };
            if n == 0 {
                return Ok(Ended::Closed);
            }
            dec.push(&buf[..n]);
            while let Some((kind, payload)) = dec.next_frame()? {
                match kind {
                    STDOUT if opts.stdout => {
                        out.write_all(&payload).and_then(|()| out.flush()).context("writing to standard output")?
                    }
                    STDERR if opts.stderr => {
                        err.write_all(&payload).and_then(|()| err.flush()).context("writing to standard error")?
                    }
                    EXIT if payload.len() == 4 => {
                        return Ok(Ended::Exited(i32::from_le_bytes([payload[0], payload[1], payload[2], payload[3]])))
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_in_pieces() {
        let mut bytes = frame(STDOUT, b"hello");
        bytes.extend(frame(EXIT, &7i32.to_le_bytes()));
        let mut d = Decoder::default();
        let mut got = Vec::new();
        for b in bytes {
            d.push(&[b]);
            while let Some(f) = d.next_frame().unwrap() {
                got.push(f);
            }
        }
        assert_eq!(got, vec![(STDOUT, b"hello".to_vec()), (EXIT, 7i32.to_le_bytes().to_vec())]);
        let mut bad = Decoder::default();
        bad.push(&[1, 0xff, 0xff, 0xff, 0xff]);
        assert!(bad.next_frame().is_err());
    }

    #[test]
    fn detach_keys() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(parse_detach_keys("ctrl-a,x").unwrap(), vec![1, b'x']);
        assert_eq!(parse_detach_keys("").unwrap(), Vec::<u8>::new());
        assert!(parse_detach_keys("ctrl-").is_err());
        assert!(parse_detach_keys("ctrl-1").is_err());
        assert!(parse_detach_keys("abc").is_err());
        let mut m = DetachMatcher { keys: vec![16, 17], matched: 0 };
        assert_eq!(m.feed(b"ab\x10"), (b"ab".to_vec(), false));
        assert_eq!(m.feed(b"c"), (b"\x10c".to_vec(), false));
        assert_eq!(m.feed(b"\x10\x10\x11rest"), (b"\x10".to_vec(), true));
        let mut none = DetachMatcher { keys: vec![], matched: 0 };
        assert_eq!(none.feed(b"\x10\x11"), (b"\x10\x11".to_vec(), false));
    }
}
