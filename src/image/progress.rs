//! What a pull or load tells the user while it works: Podman's plain lines
//! on a pipe (`Copying blob sha256:...`), one bar per layer (bytes, rate)
//! on a terminal, nothing with `-q`. All of it goes to stderr; the image ID
//! goes to stdout at the end.

use std::io::{IsTerminal, Read, Write};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Quiet,
    Lines,
    Bars,
}

pub struct Progress {
    mode: Mode,
    bars: MultiProgress,
}

impl Progress {
    /// Quiet when asked, bars when stderr is a terminal, lines otherwise.
    pub fn new(quiet: bool) -> Progress {
        let mode = if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() {
            Mode::Bars
        } else {
            Mode::Lines
        };
        Progress::with_mode(mode)
    }

    pub fn with_mode(mode: Mode) -> Progress {
        let target = if mode == Mode::Bars { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
        Progress { mode, bars: MultiProgress::with_draw_target(target) }
    }

    /// A line of text (suspended around the bars).
    pub fn line(&self, text: &str) {
        match self.mode {
            Mode::Quiet => {}
            Mode::Lines => {
                let _ = writeln!(std::io::stderr().lock(), "{text}");
            }
            Mode::Bars => self.bars.suspend(|| {
                let _ = writeln!(std::io::stderr().lock(), "{text}");
            }),
        }
    }

    /// A layer that is already stored.
    pub fn blob_skipped(&self, digest: &str) {
        self.line(&format!("Copying blob {digest} skipped: already exists"));
    }

    /// Wrap the reader of a blob being copied: in bar mode it advances a bar
    /// of `size` bytes; in line mode it prints `Copying blob DIGEST` once.
    pub fn blob(&self, digest: &str, size: u64, reader: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
        match self.mode {
            Mode::Bars => {
                let short = digest.strip_prefix("sha256:").unwrap_or(digest);
                let bar = self.bars.add(ProgressBar::new(size));
                bar.set_style(
                    ProgressStyle::with_template(
                        "Copying blob {prefix} {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar.set_prefix(short[..short.len().min(12)].to_string());
                Box::new(BarReader { inner: reader, bar })
            }
            Mode::Lines => {
                self.line(&format!("Copying blob {digest}"));
                reader
            }
            Mode::Quiet => reader,
        }
    }
}

struct BarReader {
    inner: Box<dyn Read + Send>,
    bar: ProgressBar,
}

impl Read for BarReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.bar.finish();
        } else {
            self.bar.inc(n as u64);
        }
        Ok(n)
    }
}
