//! The events log (`rpod events`): Podman's `events_logger = "file"`.
//!
//! One JSON object per line in `<run root>/events/events.log`, with the
//! fields of Podman's `events.Event` (`ID`, `Image`, `Name`, `Status`,
//! `Time`, `Type`, `ContainerExitCode`, `HealthStatus`, `Attributes`).
//! Commands and the monitors append to it, each event with one `write` on a
//! descriptor opened with `O_APPEND` (the kernel keeps such writes whole and
//! apart); a line longer than `PIPE_BUF` also takes an exclusive `flock`.
//! No fsync: events are a record, not a journal.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::timefmt;

/// What an event is about.
pub const CONTAINER: &str = "container";
pub const IMAGE: &str = "image";
pub const POD: &str = "pod";
pub const NETWORK: &str = "network";

/// One event, as Podman writes it to its file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "ContainerExitCode", default, skip_serializing_if = "is_zero")]
    pub exit_code: i32,
    #[serde(rename = "ID", default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(rename = "Image", default, skip_serializing_if = "String::is_empty")]
    pub image: String,
    #[serde(rename = "Name", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "Status")]
    pub status: String,
    /// Unix nanoseconds; RFC 3339 in the file.
    #[serde(rename = "Time", with = "rfc3339")]
    pub time: i64,
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(rename = "HealthStatus", default, skip_serializing_if = "String::is_empty")]
    pub health_status: String,
    #[serde(rename = "Attributes", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

mod rfc3339 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ns: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::timefmt::rfc3339_nano(
            ns.div_euclid(1_000_000_000),
            ns.rem_euclid(1_000_000_000) as u32,
        ))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let s = String::deserialize(d)?;
        crate::timefmt::parse_go_time_ns(&s).ok_or_else(|| serde::de::Error::custom(format!("bad time {s:?}")))
    }
}

impl Event {
    /// An event of `kind` happening now.
    pub fn new(kind: &str, status: &str) -> Event {
        Event { status: status.into(), time: now_ns(), kind: kind.into(), ..Event::default() }
    }

    /// An image event: `id` the image's ID, `name` the reference it was
    /// pulled, tagged, pushed ... by.
    pub fn image(status: &str, id: &str, name: &str) -> Event {
        Event { id: id.into(), name: name.into(), ..Event::new(IMAGE, status) }
    }

    /// A volume event (`create`, `remove`, `prune`, `mount`): Podman logs
    /// the volume's name as both its ID and name.
    /// A container connected to or disconnected from `network`.
    pub fn network(container_id: &str, network: &str, status: &str) -> Event {
        Event { id: container_id.into(), name: network.into(), ..Event::new(NETWORK, status) }
    }

    pub fn volume(name: &str, status: &str) -> Event {
        Event { id: name.into(), name: name.into(), ..Event::new("volume", status) }
    }

    /// The line Podman prints by default, e.g. `2026-12-07 05:10:00.1 +0000
    /// UTC container start 0123456789ab (image=busybox, name=web)`.
    pub fn human(&self, truncate: bool) -> String {
        let id = if truncate && self.id.len() > 12 { &self.id[..12] } else { &self.id };
        let time = timefmt::go_time_string(self.time);
        match self.kind.as_str() {
            CONTAINER | POD => {
                let mut s =
                    format!("{time} {} {} {id} (image={}, name={}", self.kind, self.status, self.image, self.name);
                if !self.health_status.is_empty() {
                    s += &format!(", health_status={}", self.health_status);
                }
                for (k, v) in &self.attributes {
                    s += &format!(", {k}={v}");
                }
                s + ")"
            }
            IMAGE => format!("{time} {} {} {id} {}", self.kind, self.status, self.name),
            "volume" => format!("{time} volume {} {}", self.status, self.name),
            // Podman's: the container's ID, then the network's name.
            NETWORK => format!("{time} network {} {id} (container={}, name={})", self.status, self.id, self.name),
            _ => format!("{time} {} {}", self.kind, self.status),
        }
    }

    /// The JSON line of the file (and of `--format json`).
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The value templates see: every field of Podman's struct (Go prints
    /// a `time.Time` as `2006-01-02 15:04:05.999999999 -0700 MST`).
    pub fn template_row(&self) -> Value {
        json!({
            "ContainerExitCode": self.exit_code,
            "ID": self.id,
            "Image": self.image,
            "Name": self.name,
            "Network": if self.kind == NETWORK { self.name.as_str() } else { "" },
            "Status": self.status,
            "Time": timefmt::go_time_string(self.time),
            "TimeNano": self.time,
            "Type": self.kind,
            "HealthStatus": self.health_status,
            "PodID": "",
            "Attributes": self.attributes,
        })
    }
}

/// Now, in Unix nanoseconds.
fn now_ns() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64)
}

/// Where a command records events (`--events-backend`, `--tmpdir`): the
/// log file, or nowhere (`none`).
#[derive(Debug, Clone)]
pub struct EventLog(Option<PathBuf>);

impl EventLog {
    /// The log of the user whose run directory is `run_root`, or in
    /// `tmpdir` (Podman keeps it in its tmp dir); none when not `enabled`.
    pub fn new(enabled: bool, tmpdir: Option<&Path>, run_root: &Path) -> EventLog {
        EventLog(enabled.then(|| tmpdir.unwrap_or(run_root).join("events").join("events.log")))
    }

    /// The log file; `None` with `--events-backend none`.
    pub fn path(&self) -> Option<&Path> {
        self.0.as_deref()
    }

    /// Append `event` to the log; failures are logged, never fatal (an
    /// event lost must not fail the container operation it records).
    pub fn record(&self, event: &Event) {
        let Some(path) = self.path() else { return };
        if let Err(e) = append(path, event) {
            log::warn!("writing the event {} {}: {e}", event.kind, event.status);
        }
    }
}

/// Lines up to this length go out in one atomic append without a lock.
const ATOMIC_LINE: usize = 4096;

fn append(path: &Path, event: &Event) -> std::io::Result<()> {
    let mut line = event.to_line();
    line.push('\n');
    let open = || crate::paths::private_file().create(true).append(true).open(path);
    let mut file = match open() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                crate::paths::private_dir_all(dir)?;
            }
            open()?
        }
        other => other?,
    };
    if line.len() <= ATOMIC_LINE {
        // One write(2): whole, and never interleaved with other appends.
        let n = file.write(line.as_bytes())?;
        if n == line.len() {
            return Ok(());
        }
        return Err(std::io::Error::other("short write"));
    }
    let lock = nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusive).map_err(|(_, e)| e)?;
    let mut f: &std::fs::File = &lock;
    f.write_all(line.as_bytes())
}

/// Parse the lines of a log; unreadable lines are skipped (with a debug
/// message), as a half-written last line may be.
pub fn parse_lines(text: &str) -> Vec<Event> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| match serde_json::from_str(l) {
            Ok(e) => Some(e),
            Err(e) => {
                log::debug!("skipping an events line: {e}: {l}");
                None
            }
        })
        .collect()
}

/// `--filter KEY=VALUE` of `rpod events`: values of one key are
/// alternatives, different keys must all match (Podman's rules).
#[derive(Debug, Default)]
pub struct Filters {
    by_key: BTreeMap<String, Vec<String>>,
}

impl Filters {
    pub fn parse(filters: &[String]) -> Result<Filters, String> {
        let mut f = Filters::default();
        for raw in filters {
            let Some((key, value)) = raw.split_once('=') else {
                return Err(format!("{raw} is an invalid filter"));
            };
            let key = key.to_ascii_lowercase();
            let key = match key.as_str() {
                "container" | "event" | "image" | "label" | "type" | "pod" | "volume" | "network" => key,
                "status" => "event".to_string(),
                _ => return Err(format!("{key} is an invalid filter")),
            };
            f.by_key.entry(key).or_default().push(value.to_string());
        }
        Ok(f)
    }

    pub fn matches(&self, e: &Event) -> bool {
        self.by_key.iter().all(|(key, values)| values.iter().any(|v| matches_one(key, v, e)))
    }
}

fn matches_one(key: &str, value: &str, e: &Event) -> bool {
    match key {
        "container" => e.kind == CONTAINER && (e.name == value || (!value.is_empty() && e.id.starts_with(value))),
        "pod" => e.kind == POD && (e.name == value || (!value.is_empty() && e.id.starts_with(value))),
        "event" => e.status == value,
        "type" => e.kind == value,
        "image" => {
            let named = |n: &str| n == value || n.strip_suffix(":latest") == Some(value) || short_name(n) == value;
            if e.kind == IMAGE {
                named(&e.name) || (!value.is_empty() && e.id.starts_with(value))
            } else {
                named(&e.image)
            }
        }
        "label" => match value.split_once('=') {
            Some((k, v)) => e.attributes.get(k).is_some_and(|x| x == v),
            None => e.attributes.contains_key(value),
        },
        "volume" => e.kind == "volume" && e.name == value,
        "network" => e.kind == NETWORK && e.name == value,
        _ => false,
    }
}

/// `docker.io/library/busybox:latest` -> `busybox`.
fn short_name(n: &str) -> &str {
    let n = n.rsplit('/').next().unwrap_or(n);
    n.split_once(':').map_or(n, |(a, _)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctr(status: &str) -> Event {
        let mut e = Event::new(CONTAINER, status);
        e.id = "0123456789abcdef0123".into();
        e.name = "web".into();
        e.image = "docker.io/library/busybox:latest".into();
        e.time = 1_796_613_358_123_456_789;
        e.attributes.insert("app".into(), "x".into());
        e
    }

    #[test]
    fn file_line_round_trips_with_podman_fields() {
        let mut e = ctr("died");
        e.exit_code = 3;
        let line = e.to_line();
        assert!(line.starts_with(r#"{"ContainerExitCode":3,"ID":"0123456789abcdef0123","#), "{line}");
        assert!(line.contains(r#""Status":"died","Time":"2026-12-07T03:15:58.123456789Z","Type":"container""#));
        assert!(!line.contains('\n'));
        assert_eq!(parse_lines(&format!("{line}\n{{garbage\n")), vec![e.clone()]);
        // Exit code 0 is left out, as Go's omitempty does.
        e.exit_code = 0;
        assert!(!e.to_line().contains("ContainerExitCode"));
    }

    #[test]
    fn human_lines() {
        assert_eq!(
            ctr("start").human(true),
            "2026-12-07 03:15:58.123456789 +0000 UTC container start 0123456789ab (image=docker.io/library/busybox:latest, name=web, app=x)"
        );
        assert!(ctr("start").human(false).contains(" 0123456789abcdef0123 "));
        let mut i = Event::image("pull", "sha", "busybox");
        i.time = 0;
        assert_eq!(i.human(true), "1970-01-01 00:00:00 +0000 UTC image pull sha busybox");
    }

    #[test]
    fn filters() {
        let f = |v: &[&str]| Filters::parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        let e = ctr("start");
        assert!(f(&[]).matches(&e));
        assert!(f(&["container=web"]).matches(&e));
        assert!(f(&["container=0123"]).matches(&e));
        assert!(!f(&["container=other"]).matches(&e));
        assert!(f(&["event=stop", "event=start"]).matches(&e));
        assert!(f(&["status=start", "type=container"]).matches(&e));
        assert!(!f(&["event=start", "type=image"]).matches(&e));
        assert!(f(&["image=busybox"]).matches(&e));
        assert!(f(&["label=app=x"]).matches(&e));
        assert!(f(&["label=app"]).matches(&e));
        assert!(!f(&["label=app=y"]).matches(&e));
        let i = Event::image("tag", "abcdef", "localhost/x:1");
        assert!(f(&["image=abc"]).matches(&i));
        assert!(f(&["image=localhost/x:1"]).matches(&i));
        assert!(!f(&["container=abc"]).matches(&i));
        assert_eq!(Filters::parse(&["nope=1".into()]).unwrap_err(), "nope is an invalid filter");
        assert_eq!(Filters::parse(&["nope".into()]).unwrap_err(), "nope is an invalid filter");
    }

    #[test]
    fn concurrent_appends_stay_whole() {
        let dir = std::env::temp_dir().join(format!("rpod-events-{}", std::process::id()));
        let log = EventLog::new(true, None, &dir);
        let path = log.path().unwrap().to_path_buf();
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let log = log.clone();
                std::thread::spawn(move || {
                    for i in 0..50 {
                        let mut e = ctr("exec");
                        e.name = format!("{t}-{i}-{}", "x".repeat(if i % 10 == 0 { 5000 } else { 100 }));
                        log.record(&e);
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 400);
        assert_eq!(parse_lines(&text).len(), 400);
        let _ = std::fs::remove_dir_all(dir);
    }
}
