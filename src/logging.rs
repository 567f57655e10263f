//! `--log-level`: a small logger in Podman's style (`WARN[0000] message`).

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use clap::ValueEnum;

/// The levels `--log-level` accepts (Podman's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
    Panic,
}

impl LogLevel {
    fn filter(self) -> log::LevelFilter {
        match self {
            LogLevel::Trace => log::LevelFilter::Trace,
            LogLevel::Debug => log::LevelFilter::Debug,
            LogLevel::Info => log::LevelFilter::Info,
            LogLevel::Warn => log::LevelFilter::Warn,
            LogLevel::Error | LogLevel::Fatal | LogLevel::Panic => log::LevelFilter::Error,
        }
    }
}

struct Logger {
    start: Instant,
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let tag = match record.level() {
            log::Level::Error => "ERRO",
            log::Level::Warn => "WARN",
            log::Level::Info => "INFO",
            log::Level::Debug => "DEBU",
            log::Level::Trace => "TRAC",
        };
        let secs = self.start.elapsed().as_secs();
        let _ = writeln!(std::io::stderr().lock(), "{tag}[{secs:04}] {}", record.args());
    }

    fn flush(&self) {}
}

static LOGGER: OnceLock<Logger> = OnceLock::new();

/// Install the logger at `level`. Safe to call more than once.
pub fn init(level: LogLevel) {
    let logger = LOGGER.get_or_init(|| Logger { start: Instant::now() });
    let _ = log::set_logger(logger);
    log::set_max_level(level.filter());
}
