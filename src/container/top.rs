//! The processes of a running container as `top` shows them, with
//! ps-style columns. Descriptors (Podman's): user, uid, group, gid, pid,
//! ppid, pcpu, etime, tty, time, args, comm, vsz, rss; default `user pid
//! ppid pcpu etime tty time args`. The processes are those in the
//! container's PID namespace, shown with their PIDs and users as the
//! container sees them.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, bail, Context as _};

pub const DEFAULT: [&str; 8] = ["user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args"];

pub fn header(d: &str) -> Option<&'static str> {
    Some(match d {
        "user" => "USER",
        "uid" => "UID",
        "group" => "GROUP",
        "gid" => "GID",
        "pid" => "PID",
        "ppid" => "PPID",
        "pcpu" => "%CPU",
        "etime" => "ELAPSED",
        "tty" => "TTY",
        "time" => "TIME",
        "args" => "COMMAND",
        "comm" => "COMMAND",
        "vsz" => "VSZ",
        "rss" => "RSS",
        _ => return None,
    })
}

/// One process as the container sees it.
struct Proc {
    pid: i64,
    ppid: i64,
    uid: u32,
    gid: u32,
    comm: String,
    args: String,
    tty: String,
    /// CPU seconds (user + system).
    cpu: f64,
    /// Seconds since it started.
    elapsed: f64,
    vsz_kib: u64,
    rss_kib: u64,
}

/// The descriptors `args` name (separated by spaces or commas), the
/// default ones when none; an unknown one is an error.
pub fn descriptors(args: &[String]) -> anyhow::Result<Vec<String>> {
    let mut descriptors: Vec<String> = Vec::new();
    let mut args = args.iter();
    while let Some(d) = args.next() {
        if d == "-o" || d == "o" {
            // ps -o LIST
            let list = args.next().ok_or_else(|| anyhow::anyhow!("top: -o needs a list of columns"))?;
            descriptors.extend(list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(ps_column));
            continue;
        }
        if let Some(set) = ps_options(d) {
            descriptors.extend(set.iter().map(|s| s.to_string()));
            continue;
        }
        descriptors.extend(d.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string));
    }
    if descriptors.is_empty() {
        descriptors = DEFAULT.iter().map(|s| s.to_string()).collect();
    }
    descriptors.dedup();
    for d in &descriptors {
        if header(d).is_none() {
            bail!("unknown descriptor {d:?}: use user, uid, group, gid, pid, ppid, pcpu, etime, tty, time, args, comm, vsz, rss, or ps(1) options such as -ef, aux, -o pid,comm");
        }
    }
    Ok(descriptors)
}

/// ps(1)'s option sets as descriptors: `-f` (full), `u` (user-oriented),
/// and the selection options (`-e`, `-A`, `a`, `x`: every process, which
/// `top` always shows). `None` when `arg` is not ps options.
fn ps_options(arg: &str) -> Option<&'static [&'static str]> {
    if header(arg).is_some() || arg.contains(',') {
        return None;
    }
    let letters = arg.strip_prefix('-').unwrap_or(arg);
    if letters.is_empty() || !letters.chars().all(|c| "efAaxuwl".contains(c)) {
        return None;
    }
    Some(if letters.contains('u') {
        &["user", "pid", "pcpu", "vsz", "rss", "tty", "etime", "time", "args"]
    } else if letters.contains('f') || letters.contains('l') {
        &["user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args"]
    } else {
        &["pid", "tty", "time", "args"]
    })
}

/// A ps(1) `-o` column name as a descriptor (`cmd` and `command` are `args`, `%cpu` is `pcpu`).
fn ps_column(c: &str) -> String {
    match c {
        "cmd" | "command" => "args",
        "%cpu" => "pcpu",
        "ucmd" => "comm",
        "euser" => "user",
        "euid" => "uid",
        other => other,
    }
    .to_string()
}

/// The rows of [`table`] aligned like Podman's tabwriter (the last column
/// not padded).
pub fn render(rows: &[Vec<String>]) -> String {
    let cols = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..cols).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in rows {
        for (i, cell) in r.iter().enumerate() {
            if i + 1 == cols {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<w$}", w = widths[i].max(10) + 2));
            }
        }
        out.push('\n');
    }
    out
}

/// The table of the processes in the PID namespace of `init` (a host PID):
/// a header row, then a row per process, a cell per descriptor.
pub fn table(init: i32, descriptors: &[String]) -> anyhow::Result<Vec<Vec<String>>> {
    let procs = container_processes(init)?;
    let root = format!("/proc/{init}/root");
    let (users, groups) = names(&root);
    let uid_map = read_map(&format!("/proc/{init}/uid_map"));
    let gid_map = read_map(&format!("/proc/{init}/gid_map"));

    let mut rows: Vec<Vec<String>> = vec![descriptors.iter().map(|d| header(d).unwrap_or("").to_string()).collect()];
    for p in &procs {
        let uid = to_inner(&uid_map, p.uid);
        let gid = to_inner(&gid_map, p.gid);
        rows.push(
            descriptors
                .iter()
                .map(|d| match d.as_str() {
                    "user" => users.get(&uid).cloned().unwrap_or_else(|| uid.to_string()),
                    "uid" => uid.to_string(),
                    "group" => groups.get(&gid).cloned().unwrap_or_else(|| gid.to_string()),
                    "gid" => gid.to_string(),
                    "pid" => p.pid.to_string(),
                    "ppid" => p.ppid.to_string(),
                    "pcpu" => format!("{:.3}", if p.elapsed > 0.0 { 100.0 * p.cpu / p.elapsed } else { 0.0 }),
                    "etime" => duration(p.elapsed),
                    "tty" => p.tty.clone(),
                    "time" => duration(p.cpu),
                    "args" => p.args.clone(),
                    "comm" => p.comm.clone(),
                    "vsz" => p.vsz_kib.to_string(),
                    "rss" => p.rss_kib.to_string(),
                    _ => String::new(),
                })
                .collect(),
        );
    }
    Ok(rows)
}

/// Go's duration style for seconds: `1m2.5s`, `350ms`, `0s`.
fn duration(secs: f64) -> String {
    if secs <= 0.0 {
        return "0s".into();
    }
    if secs < 1.0 {
        return format!("{}ms", (secs * 1000.0).round() as u64);
    }
    let h = (secs / 3600.0).floor();
    let m = ((secs - h * 3600.0) / 60.0).floor();
    let s = secs - h * 3600.0 - m * 60.0;
    let s_text = format!("{s:.3}").trim_end_matches('0').trim_end_matches('.').to_string();
    match (h as u64, m as u64) {
        (0, 0) => format!("{s_text}s"),
        (0, m) => format!("{m}m{s_text}s"),
        (h, m) => format!("{h}h{m}m{s_text}s"),
    }
}

/// The processes that share the PID namespace of `init`.
fn container_processes(init: i32) -> anyhow::Result<Vec<Proc>> {
    let ns = std::fs::read_link(format!("/proc/{init}/ns/pid"))
        .with_context(|| format!("reading the PID namespace of process {init}"))?;
    let ticks = nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK).ok().flatten().unwrap_or(100) as f64;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0.0);
    let mut inner_pid: HashMap<i64, i64> = HashMap::new();
    let mut raw = Vec::new();
    for e in std::fs::read_dir("/proc").context("reading /proc")?.flatten() {
        let Ok(host_pid) = e.file_name().to_string_lossy().parse::<i64>() else { continue };
        if std::fs::read_link(e.path().join("ns/pid")).ok().as_ref() != Some(&ns) {
            continue;
        }
        let Ok(status) = std::fs::read_to_string(e.path().join("status")) else { continue };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else { continue };
        let field = |name: &str| status.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or("");
        let nspid = field("NSpid:").split_whitespace().last().and_then(|x| x.parse().ok()).unwrap_or(host_pid);
        inner_pid.insert(host_pid, nspid);
        let uid = field("Uid:").split_whitespace().nth(1).and_then(|x| x.parse().ok()).unwrap_or(0);
        let gid = field("Gid:").split_whitespace().nth(1).and_then(|x| x.parse().ok()).unwrap_or(0);
        let close = stat.rfind(')').ok_or_else(|| anyhow!("bad /proc/{host_pid}/stat"))?;
        let comm = stat[stat.find('(').map_or(0, |i| i + 1)..close].to_string();
        let f: Vec<&str> = stat[close + 2..].split(' ').collect();
        let num = |i: usize| f.get(i - 3).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
        let host_ppid = num(4) as i64;
        let tty_nr = num(7) as u64;
        let cpu = (num(14) + num(15)) / ticks;
        let elapsed = (uptime - num(22) / ticks).max(0.0);
        let vsz_kib = num(23) as u64 / 1024;
        let page_kib =
            (nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok().flatten().unwrap_or(4096) / 1024) as u64;
        let rss_kib = num(24) as u64 * page_kib;
        let args = std::fs::read(e.path().join("cmdline"))
            .map(|b| String::from_utf8_lossy(&b).trim_end_matches('\0').replace('\0', " "))
            .unwrap_or_default();
        let tty = if tty_nr == 0 {
            "?".to_string()
        } else {
            let (major, minor) = ((tty_nr >> 8) & 0xfff, (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00));
            if (136..=143).contains(&major) {
                format!("pts/{}", (major - 136) * 256 + minor)
            } else {
                "?".into()
            }
        };
        raw.push((
            host_ppid,
            Proc {
                pid: nspid,
                ppid: 0,
                uid,
                gid,
                args: if args.is_empty() { format!("[{comm}]") } else { args },
                comm,
                tty,
                cpu,
                elapsed,
                vsz_kib,
                rss_kib,
            },
        ));
    }
    let mut procs: Vec<Proc> = raw
        .into_iter()
        .map(|(host_ppid, mut p)| {
            p.ppid = inner_pid.get(&host_ppid).copied().unwrap_or(0);
            p
        })
        .collect();
    procs.sort_by_key(|p| p.pid);
    Ok(procs)
}

/// `uid -> name` and `gid -> name` from the container's passwd and group
/// files (parsed like `-u` is resolved).
fn names(root: &str) -> (HashMap<u32, String>, HashMap<u32, String>) {
    let read = |f: &str| rpod_runtime::user::read_in_root(Path::new(root), f).unwrap_or_default();
    let users = rpod_runtime::user::parse_passwd(&read("/etc/passwd")).into_iter().map(|e| (e.uid, e.name)).collect();
    let groups = rpod_runtime::user::parse_group(&read("/etc/group")).into_iter().map(|e| (e.gid, e.name)).collect();
    (users, groups)
}

/// `/proc/PID/uid_map` lines: (inside, outside, count).
fn read_map(path: &str) -> Vec<(u32, u32, u32)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let v: Vec<u32> = l.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            (v.len() == 3).then(|| (v[0], v[1], v[2]))
        })
        .collect()
}

/// A host ID as the container sees it (the map is read from the host).
fn to_inner(map: &[(u32, u32, u32)], host: u32) -> u32 {
    for &(inside, outside, count) in map {
        if host >= outside && host - outside < count {
            return inside + (host - outside);
        }
    }
    host
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(duration(0.0), "0s");
        assert_eq!(duration(0.35), "350ms");
        assert_eq!(duration(2.5), "2.5s");
        assert_eq!(duration(62.0), "1m2s");
        assert_eq!(duration(3723.25), "1h2m3.25s");
    }

    #[test]
    fn id_maps() {
        let m = vec![(0, 1001, 1), (1, 165536, 65536)];
        assert_eq!(to_inner(&m, 1001), 0);
        assert_eq!(to_inner(&m, 165536), 1);
        assert_eq!(to_inner(&m, 165536 + 999), 1000);
        assert_eq!(to_inner(&[], 7), 7);
        assert!(header("pid").is_some() && header("bogus").is_none());
    }

    #[test]
    fn ps_options_and_descriptors() {
        let d = |a: &[&str]| descriptors(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(d(&["-ef"]).unwrap(), ["user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args"]);
        assert_eq!(d(&["aux"]).unwrap()[..3], ["user", "pid", "pcpu"]);
        assert_eq!(d(&["-e"]).unwrap(), ["pid", "tty", "time", "args"]);
        assert_eq!(d(&["-o", "pid,cmd"]).unwrap(), ["pid", "args"]);
        assert_eq!(d(&["pid", "user"]).unwrap(), ["pid", "user"]);
        assert_eq!(d(&["pid,comm"]).unwrap(), ["pid", "comm"]);
        assert!(d(&["-Z"]).is_err() && d(&["bogus"]).is_err());
    }
}
