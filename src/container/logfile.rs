//! The container log, in Podman's `k8s-file` format: one line per chunk of
//! output, `<RFC3339Nano UTC> <stdout|stderr> <F|P> <text>`, `F` for a
//! complete line (its newline is the line's end), `P` for a partial one
//! (the text continues in the next record of the same stream); or in
//! Docker's `json-file` format: `{"log":"text\n","stream":"stdout","time":"..."}`
//! per record (a record whose `log` has no newline is partial). `logs`
//! reads both, line by line.
//!
//! With `--log-opt max-size`, a log that grows past the size is renamed to
//! `<log>.1` (replacing the previous one) and a new one started; `logs`
//! reads both.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// `--log-driver`: where a container's output goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
pub enum LogDriver {
    /// Podman's k8s-file format, read by `rpod logs`
    #[default]
    #[value(name = "k8s-file")]
    #[serde(rename = "k8s-file")]
    K8sFile,
    /// Docker's json-file format, read by `rpod logs`
    #[value(name = "json-file")]
    #[serde(rename = "json-file")]
    JsonFile,
    /// The systemd journal (refused: rpod does not write to it)
    #[value(name = "journald")]
    #[serde(rename = "journald")]
    Journald,
    /// No log
    #[value(name = "none")]
    #[serde(rename = "none")]
    None,
}

impl LogDriver {
    pub fn as_str(self) -> &'static str {
        match self {
            LogDriver::K8sFile => "k8s-file",
            LogDriver::JsonFile => "json-file",
            LogDriver::Journald => "journald",
            LogDriver::None => "none",
        }
    }

    /// A driver name (containers.conf `log_driver`).
    pub fn parse(name: &str) -> Result<LogDriver, String> {
        <LogDriver as clap::ValueEnum>::from_str(name, false)
            .map_err(|_| format!("unknown log driver {name:?} (k8s-file, json-file, journald, none)"))
    }

    /// Whether rpod can write this driver's log here; journald is refused
    /// with the reason (never dropped silently).
    pub fn check(self) -> Result<(), String> {
        if self != LogDriver::Journald {
            return Ok(());
        }
        if Path::new("/run/systemd/journal/socket").exists() {
            Err("the journald log driver is not supported by rpod yet: use k8s-file or json-file".into())
        } else {
            Err("the journald log driver needs the systemd journal, and this host has none (/run/systemd/journal/socket is missing): use k8s-file or json-file".into())
        }
    }
}

/// Appends records to a container's log.
pub struct LogWriter {
    path: PathBuf,
    file: File,
    size: u64,
    max_size: u64,
    json: bool,
}

impl LogWriter {
    /// Opens (appends to) the log at `path` in the format of `driver`
    /// (k8s-file or json-file).
    pub fn open(path: &Path, max_size: u64, driver: LogDriver) -> io::Result<LogWriter> {
        let file = crate::paths::private_file().create(true).append(true).open(path)?;
        let size = file.metadata()?.len();
        Ok(LogWriter { path: path.to_path_buf(), file, size, max_size, json: driver == LogDriver::JsonFile })
    }

    /// Records `data` written by the container on `stream` ("stdout" or
    /// "stderr") at `now_ns`.
    pub fn write(&mut self, stream: &str, data: &[u8], now_ns: i64) -> io::Result<()> {
        let ts = timestamp(now_ns);
        let mut out = Vec::with_capacity(data.len() + 64);
        for (line, full) in split_lines(data) {
            let start = out.len();
            if self.json {
                let mut text = String::from_utf8_lossy(line).into_owned();
                if full {
                    text.push('\n');
                }
                let record = serde_json::json!({"log": text, "stream": stream, "time": ts});
                out.extend_from_slice(record.to_string().as_bytes());
            } else {
                out.extend_from_slice(ts.as_bytes());
                out.push(b' ');
                out.extend_from_slice(stream.as_bytes());
                out.extend_from_slice(if full { b" F " } else { b" P " });
                out.extend_from_slice(line);
            }
            out.push(b'\n');
            // Rotation happens between records, never inside one.
            let record = (out.len() - start) as u64;
            if self.max_size > 0 && self.size > 0 && self.size + record > self.max_size {
                self.file.write_all(&out[..start])?;
                out.drain(..start);
                self.rotate()?;
            }
            self.size += record;
        }
        self.file.write_all(&out)?;
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        let old = rotated(&self.path);
        std::fs::rename(&self.path, &old)?;
        self.file = crate::paths::private_file().create(true).append(true).open(&self.path)?;
        self.size = 0;
        Ok(())
    }
}

fn rotated(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".1");
    PathBuf::from(p)
}

/// The pieces of `data`: each line without its newline, and whether it
/// had one.
fn split_lines(data: &[u8]) -> Vec<(&[u8], bool)> {
    let mut v = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => {
                v.push((&rest[..i], true));
                rest = &rest[i + 1..];
            }
            None => {
                v.push((rest, false));
                rest = &[];
            }
        }
    }
    v
}

/// `2026-11-27T21:50:57.123456789Z` (always nine digits, so records align).
pub fn timestamp(ns: i64) -> String {
    let whole = crate::timefmt::rfc3339_nano(ns.div_euclid(1_000_000_000), 0);
    format!("{}.{:09}Z", whole.trim_end_matches('Z'), ns.rem_euclid(1_000_000_000))
}

/// One line of output as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Unix nanoseconds.
    pub time: i64,
    /// The RFC 3339 text as written.
    pub time_text: String,
    pub stderr: bool,
    /// The text, with its newline when the line was complete.
    pub text: Vec<u8>,
}

/// Parses one record of either format: (time, stderr, complete, text);
/// `None` for a malformed line.
pub fn parse_line(line: &[u8]) -> Option<(String, bool, bool, std::borrow::Cow<'_, [u8]>)> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    if line.first() == Some(&b'{') {
        let v: serde_json::Value = serde_json::from_slice(line).ok()?;
        let stderr = match v["stream"].as_str()? {
            "stdout" => false,
            "stderr" => true,
            _ => return None,
        };
        let log = v["log"].as_str()?;
        let (text, full) = match log.strip_suffix('\n') {
            Some(t) => (t, true),
            None => (log, false),
        };
        return Some((v["time"].as_str()?.to_string(), stderr, full, text.as_bytes().to_vec().into()));
    }
    let mut parts = line.splitn(4, |&b| b == b' ');
    let ts = std::str::from_utf8(parts.next()?).ok()?.to_string();
    let stderr = match parts.next()? {
        b"stdout" => false,
        b"stderr" => true,
        _ => return None,
    };
    let full = match parts.next()? {
        b"F" => true,
        b"P" => false,
        _ => return None,
    };
    Some((ts, stderr, full, parts.next().unwrap_or(b"").into()))
}

/// Parses RFC 3339 with fractional seconds into Unix nanoseconds.
pub fn parse_time_ns(s: &str) -> Option<i64> {
    let (main, frac) = match s.find('.') {
        Some(i) => {
            let end = s[i + 1..].find(|c: char| !c.is_ascii_digit()).map_or(s.len(), |j| i + 1 + j);
            let digits = &s[i + 1..end];
            let mut n: i64 = 0;
            for (k, c) in digits.chars().take(9).enumerate() {
                n += (c as i64 - '0' as i64) * 10i64.pow(8 - k as u32);
            }
            (format!("{}{}", &s[..i], &s[end..]), n)
        }
        None => (s.to_string(), 0),
    };
    Some(crate::timefmt::parse_rfc3339(&main)? * 1_000_000_000 + frac)
}

/// Reads the records of `path` (and its rotated predecessor) from byte
/// `offset` of the current file; partial records are joined with their
/// continuation. Returns the entries and the offset after the last
/// complete line read.
pub fn read_entries(path: &Path, offset: u64, with_rotated: bool) -> io::Result<(Vec<Entry>, u64)> {
    let mut entries = Vec::new();
    let mut pending: [Option<Entry>; 2] = [None, None];
    if with_rotated {
        if let Ok(f) = File::open(rotated(path)) {
            read_into(BufReader::new(f), &mut entries, &mut pending)?;
        }
    }
    let mut end = offset;
    match File::open(path) {
        Ok(f) => {
            use std::io::Seek;
            let mut f = f;
            f.seek(io::SeekFrom::Start(offset))?;
            end += read_into(BufReader::new(f), &mut entries, &mut pending)?;
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    // A partial line at the end (the container has not finished it yet).
    for p in pending.into_iter().flatten() {
        entries.push(p);
    }
    Ok((entries, end))
}

fn read_into(mut r: impl BufRead, entries: &mut Vec<Entry>, pending: &mut [Option<Entry>; 2]) -> io::Result<u64> {
    let mut consumed = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = r.read_until(b'\n', &mut line)?;
        if n == 0 || !line.ends_with(b"\n") {
            // Not a whole record yet: read again from here next time.
            return Ok(consumed);
        }
        consumed += n as u64;
        let Some((ts, stderr, full, text)) = parse_line(&line) else { continue };
        let slot = &mut pending[usize::from(stderr)];
        let mut e = slot.take().unwrap_or_else(|| Entry {
            time: parse_time_ns(&ts).unwrap_or(0),
            time_text: ts.clone(),
            stderr,
            text: Vec::new(),
        });
        e.text.extend_from_slice(&text);
        if full {
            e.text.push(b'\n');
            entries.push(e);
        } else {
            *slot = Some(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ctr.log");
        let mut w = LogWriter::open(&p, 0, LogDriver::K8sFile).unwrap();
        let t = 1_764_280_257_123_456_789i64;
        w.write("stdout", b"one\ntwo\npar", t).unwrap();
        w.write("stderr", b"oops\n", t + 1).unwrap();
        w.write("stdout", b"tial\n", t + 2).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].ends_with(" stdout F one"), "{}", lines[0]);
        assert!(lines[2].ends_with(" stdout P par"));
        assert!(lines[3].contains(" stderr F oops"));
        assert!(lines[0].starts_with("2025-11-27T21:50:57.123456789Z"), "{}", lines[0]);
        let (entries, end) = read_entries(&p, 0, true).unwrap();
        assert_eq!(end, text.len() as u64);
        let texts: Vec<(bool, &[u8])> = entries.iter().map(|e| (e.stderr, e.text.as_slice())).collect();
        assert_eq!(texts, vec![(false, &b"one\n"[..]), (false, b"two\n"), (true, b"oops\n"), (false, b"partial\n")]);
        assert_eq!(entries[0].time, t);
    }

    #[test]
    fn dockers_json_file_format() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ctr.log");
        let mut w = LogWriter::open(&p, 0, LogDriver::JsonFile).unwrap();
        let t = 1_764_280_257_123_456_789i64;
        w.write("stdout", b"one \"q\"\npar", t).unwrap();
        w.write("stderr", b"oops\n", t + 1).unwrap();
        w.write("stdout", b"tial\n", t + 2).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(
            first,
            serde_json::json!({"log": "one \"q\"\n", "stream": "stdout", "time": "2025-11-27T21:50:57.123456789Z"})
        );
        let (entries, _) = read_entries(&p, 0, true).unwrap();
        let texts: Vec<(bool, &[u8])> = entries.iter().map(|e| (e.stderr, e.text.as_slice())).collect();
        assert_eq!(texts, vec![(false, &b"one \"q\"\n"[..]), (true, b"oops\n"), (false, b"partial\n")]);
        assert_eq!(entries[1].time, t + 1);
        assert!(LogDriver::parse("json-file").is_ok() && LogDriver::parse("syslog").is_err());
        assert!(LogDriver::Journald.check().is_err() && LogDriver::JsonFile.check().is_ok());
    }

    #[test]
    fn rotation_keeps_one_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ctr.log");
        let mut w = LogWriter::open(&p, 200, LogDriver::K8sFile).unwrap();
        for i in 0..20 {
            w.write("stdout", format!("line {i}\n").as_bytes(), i).unwrap();
        }
        assert!(std::fs::metadata(&p).unwrap().len() <= 200);
        assert!(std::fs::metadata(rotated(&p)).unwrap().len() <= 200);
        let (entries, _) = read_entries(&p, 0, true).unwrap();
        assert_eq!(entries.last().unwrap().text, b"line 19\n");
        assert!(entries.len() < 20);
    }
}
