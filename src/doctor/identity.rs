//! Rootless identity: user namespaces allowed, the subordinate ID ranges,
//! the setuid helpers that write them, and the pause process that keeps
//! the namespace made from them.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use rpod_runtime::overlay_probe::Outcome;
use rpod_runtime::rootless::{self, Identity};
use rpod_runtime::userns::SubIdRange;

use super::{Check, Env, UIDMAP};

/// IDs a user needs for ordinary images (every ID up to 65535, `nobody`
/// being 65534).
pub const WANTED_IDS: u32 = 65536;

pub fn checks(env: &Env) -> Vec<Check> {
    let id = Identity::current();
    let mut out = vec![user_namespaces(env)];
    for (name, file, own) in [("subuid", "/etc/subuid", env.uid), ("subgid", "/etc/subgid", env.gid)] {
        let content = match std::fs::read_to_string(file) {
            Ok(c) => Some(c),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                out.push(Check::fail(name, format!("{file}: {e}"), format!("make {file} readable: chmod 0644 {file}")));
                continue;
            }
        };
        let mut check = subid_check(name, file, content.as_deref().unwrap_or(""), &env.user, env.uid, own);
        if check.status != super::Status::Ok && env.ctx.config().is_ok_and(|c| c.storage.ignore_chown_errors) {
            check
                .found
                .push_str("; ignore_chown_errors is on in storage.conf: files of unmapped owners are stored as yours");
        } else if check.found.starts_with("no range") {
            check.fix = check.fix.map(|f| {
                format!("{f}; or, to stay with one ID, set ignore_chown_errors = \"true\" under [storage.options.overlay] in ~/.config/containers/storage.conf")
            });
        }
        out.push(check);
    }
    let has_ranges = id.as_ref().map(Identity::has_ranges).unwrap_or(false);
    for name in ["newuidmap", "newgidmap"] {
        out.push(helper_check(env, name, has_ranges));
    }
    if let Ok(id) = &id {
        out.push(pause_check(env, id));
    }
    out
}

/// Unprivileged user namespaces: the sysctls that switch them off, and
/// the real answer of a child that tries.
fn user_namespaces(env: &Env) -> Check {
    let sysctl = |p: &str| std::fs::read_to_string(p).ok().map(|s| s.trim().to_string());
    let persist = |kv: &str| format!("sysctl -w {kv} (as root; for good: echo {kv} > /etc/sysctl.d/99-rpod.conf)");
    if sysctl("/proc/sys/user/max_user_namespaces").as_deref() == Some("0") {
        return Check::fail(
            "userns",
            "user.max_user_namespaces is 0: user namespaces are switched off",
            persist("user.max_user_namespaces=28633"),
        );
    }
    if sysctl("/proc/sys/kernel/unprivileged_userns_clone").as_deref() == Some("0") {
        return Check::fail(
            "userns",
            "kernel.unprivileged_userns_clone is 0: unprivileged users may not create user namespaces",
            persist("kernel.unprivileged_userns_clone=1"),
        );
    }
    let apparmor = sysctl("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").as_deref() == Some("1");
    match env.overlay_probe() {
        Outcome::Unsupported {
            step: step @ ("unshare" | "setgroups" | "uid_map" | "gid_map" | "make-private" | "mount tmpfs"),
            errno,
        } => {
            let err = nix::errno::Errno::from_raw(errno);
            if apparmor {
                Check::fail(
                    "userns",
                    format!("kernel.apparmor_restrict_unprivileged_userns is 1 and rpod has no AppArmor profile: a user namespace gets no privileges ({step}: {err})"),
                    "install rpod's AppArmor profile (as root): install -m 0644 contrib/apparmor/rpod /etc/apparmor.d/rpod && apparmor_parser -r /etc/apparmor.d/rpod (it names /usr/bin/rpod and /usr/local/bin/rpod; edit the path if rpod lives elsewhere)",
                )
            } else {
                Check::fail(
                    "userns",
                    format!("creating a user namespace fails ({step}: {err})"),
                    "allow unprivileged user namespaces: check user.max_user_namespaces, kernel.unprivileged_userns_clone and any security module (AppArmor, SELinux) that denies them",
                )
            }
        }
        _ => {
            let max = sysctl("/proc/sys/user/max_user_namespaces").unwrap_or_else(|| "?".into());
            let extra = if apparmor { "; AppArmor restricts them, rpod's profile allows them" } else { "" };
            Check::ok("userns", format!("unprivileged user namespaces work (user.max_user_namespaces={max}{extra})"))
        }
    }
}

/// The lines of a subordinate ID file: owner and range.
fn parse_all(content: &str) -> Vec<(String, SubIdRange)> {
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split(':');
            let (owner, start, count) = (f.next()?, f.next()?.trim().parse().ok()?, f.next()?.trim().parse().ok()?);
            (count > 0).then(|| (owner.to_string(), SubIdRange { start, count }))
        })
        .collect()
}

fn end(r: &SubIdRange) -> u64 {
    u64::from(r.start) + u64::from(r.count)
}

fn overlaps(a: &SubIdRange, b: &SubIdRange) -> bool {
    u64::from(a.start) < end(b) && u64::from(b.start) < end(a)
}

fn show(r: &SubIdRange) -> String {
    format!("{}-{}", r.start, end(r) - 1)
}

/// The first block of [`WANTED_IDS`] IDs from 100000 on that no other line
/// uses and that does not contain `own`.
pub fn free_range(others: &[SubIdRange], own: u32) -> SubIdRange {
    let mut start = 100_000u32;
    loop {
        let cand = SubIdRange { start, count: WANTED_IDS };
        let own_inside = own >= cand.start && u64::from(own) < end(&cand);
        if !own_inside && !others.iter().any(|o| overlaps(o, &cand)) {
            return cand;
        }
        start = start.saturating_add(WANTED_IDS);
    }
}

/// The check of `/etc/subuid` (`name` "subuid") or `/etc/subgid`: the
/// user's ranges exist, give [`WANTED_IDS`] IDs, leave out the user's own
/// ID and overlap nobody else's.
pub fn subid_check(name: &'static str, file: &str, content: &str, user: &str, uid: u32, own: u32) -> Check {
    let uid_s = uid.to_string();
    let all = parse_all(content);
    let (mine, others): (Vec<_>, Vec<_>) = all.into_iter().partition(|(o, _)| o == user || *o == uid_s);
    let mine: Vec<SubIdRange> = mine.into_iter().map(|(_, r)| r).collect();
    let other_ranges: Vec<SubIdRange> = others.iter().map(|(_, r)| *r).collect();
    let flag = if name == "subuid" { "subuids" } else { "subgids" };
    let free = free_range(&other_ranges, own);
    let replace = |rs: &[SubIdRange]| {
        let del: String = rs.iter().map(|r| format!("--del-{flag} {} ", show(r))).collect();
        format!("usermod {del}--add-{flag} {} {user} (as root), then rpod system migrate", show(&free))
    };
    if mine.is_empty() {
        return Check::warning(
            name,
            format!("no range for {user} in {file}: only your own ID is mapped; images with files of other owners cannot be pulled and supplementary groups are skipped"),
            format!("usermod --add-{flag} {} {user} (as root), then rpod system migrate", show(&free)),
        );
    }
    let listed = mine.iter().map(|r| format!("{user}:{}:{}", r.start, r.count)).collect::<Vec<_>>().join(", ");
    if let Some(r) = mine.iter().find(|r| own >= r.start && u64::from(own) < end(r)) {
        return Check::fail(
            name,
            format!(
                "{listed}: the range {} contains your own ID {own}, so the user namespace cannot be set up",
                show(r)
            ),
            replace(&mine),
        );
    }
    let total: u64 = mine.iter().map(|r| u64::from(r.count)).sum();
    if total < u64::from(WANTED_IDS) {
        return Check::warning(
            name,
            format!("{listed}: {total} IDs; images with files owned by IDs from {} up (e.g. nobody, 65534) cannot be pulled (potentially insufficient UIDs or GIDs)", total + 1),
            replace(&mine),
        );
    }
    let clash: Vec<String> = others
        .iter()
        .filter(|(_, o)| mine.iter().any(|m| overlaps(m, o)))
        .map(|(who, o)| format!("{who}:{}:{}", o.start, o.count))
        .collect();
    if !clash.is_empty() {
        return Check::warning(
            name,
            format!("{listed} overlaps {}: containers of both users share IDs on the host", clash.join(", ")),
            replace(&mine),
        );
    }
    Check::ok(name, format!("{listed} ({total} IDs)"))
}

/// `newuidmap`/`newgidmap`: the one rpod runs (first on PATH) must be
/// setuid root or carry file capabilities. Only needed with ranges.
fn helper_check(env: &Env, name: &'static str, needed: bool) -> Check {
    let status = |found: String, fix: String| {
        if needed {
            Check::fail(name, found, fix)
        } else {
            Check::warning(name, format!("{found} (not needed while you have no subordinate ranges)"), fix)
        }
    };
    let Some(path) = rootless::helper_path(name) else {
        return status(format!("{name} is not installed"), env.distro.install(&UIDMAP));
    };
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => return status(format!("{}: {e}", path.display()), env.distro.reinstall(&UIDMAP)),
    };
    if meta.uid() == 0 && meta.permissions().mode() & 0o4000 != 0 {
        return Check::ok(name, format!("{} (setuid root)", path.display()));
    }
    if crate::sys::has_xattr(&path, "security.capability") {
        return Check::ok(name, format!("{} (file capabilities)", path.display()));
    }
    let system = [Path::new("/usr/bin"), Path::new("/usr/sbin"), Path::new("/bin"), Path::new("/sbin")]
        .iter()
        .any(|d| path.parent() == Some(d));
    let found = format!("{} is not setuid root and has no file capabilities", path.display());
    if system {
        status(
            found,
            format!(
                "chmod u+s {p} (as root), or setcap cap_set{id}id+ep {p}, or {}",
                env.distro.reinstall(&UIDMAP),
                p = path.display(),
                id = if name == "newuidmap" { "u" } else { "g" }
            ),
        )
    } else {
        status(
            format!("{found}; it is the first {name} on PATH, and rpod runs that one"),
            format!(
                "remove {} or put /usr/bin before {} in PATH",
                path.display(),
                path.parent().map(|p| p.display().to_string()).unwrap_or_default()
            ),
        )
    }
}

/// The pause process keeps the namespace made from the ranges of its
/// time: say when they changed since.
fn pause_check(env: &Env, id: &Identity) -> Check {
    let dir = match env.ctx.paths() {
        Ok(p) => p.user_run_dir.clone(),
        Err(_) => None,
    };
    let Some(dir) = dir else {
        return Check::ok("pause", "no run directory: each command makes its own user namespace");
    };
    match crate::pause::status(&dir, id) {
        None => Check::ok("pause", "no pause process (the next command starts one)"),
        Some((pid, true)) => {
            Check::ok("pause", format!("pause process {pid}: its namespace maps the ranges of /etc/subuid and /etc/subgid"))
        }
        Some((pid, false)) => Check::warning(
            "pause",
            format!("pause process {pid} keeps a user namespace made from older ranges of /etc/subuid or /etc/subgid (the next command replaces it; running containers keep the old mapping)"),
            "rpod system migrate",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Status;

    #[test]
    fn subordinate_ranges_traps() {
        let ok = subid_check("subuid", "/etc/subuid", "alice:100000:65536\nbob:165536:65536\n", "alice", 1000, 1000);
        assert_eq!(ok.status, Status::Ok, "{ok:?}");
        assert_eq!(ok.found, "alice:100000:65536 (65536 IDs)");

        let none = subid_check("subuid", "/etc/subuid", "bob:100000:65536\n", "alice", 1000, 1000);
        assert_eq!(none.status, Status::Warning);
        assert_eq!(
            none.fix.as_deref(),
            Some("usermod --add-subuids 165536-231071 alice (as root), then rpod system migrate")
        );

        let small = subid_check("subgid", "/etc/subgid", "1000:200000:1000\n", "alice", 1000, 1000);
        assert_eq!(small.status, Status::Warning);
        assert!(small.found.contains("1000 IDs") && small.found.contains("insufficient"), "{small:?}");
        assert_eq!(
            small.fix.as_deref(),
            Some("usermod --del-subgids 200000-200999 --add-subgids 100000-165535 alice (as root), then rpod system migrate")
        );

        let own = subid_check("subuid", "/etc/subuid", "alice:0:65536\n", "alice", 1000, 1000);
        assert_eq!(own.status, Status::Fail);
        assert!(own.found.contains("own ID 1000"), "{own:?}");

        let clash = subid_check("subuid", "/etc/subuid", "alice:100000:65536\nbob:150000:65536\n", "alice", 1000, 1000);
        assert_eq!(clash.status, Status::Warning);
        assert!(clash.found.contains("overlaps bob:150000:65536"), "{clash:?}");
        assert!(clash.fix.unwrap().contains("--add-subuids 231072-296607"));
    }

    #[test]
    fn free_ranges_avoid_others_and_the_own_id() {
        assert_eq!(free_range(&[], 1000).start, 100_000);
        assert_eq!(free_range(&[], 100_005).start, 165_536);
        assert_eq!(free_range(&[SubIdRange { start: 100_000, count: 10 }], 1000).start, 165_536);
    }
}
