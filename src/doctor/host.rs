//! The host: the run directory and cgroups.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rpod_runtime::cgroup_manager::delegation_help;
use rpod_runtime::cgroups::{self, Layout};

use super::{Check, Env};

/// The controllers resource limits use.
const LIMIT_CONTROLLERS: [&str; 5] = ["cpu", "cpuset", "io", "memory", "pids"];

/// `XDG_RUNTIME_DIR`: set, a directory of the user's, 0700; else the
/// private fallback (and whether that one can be used).
pub fn runtime_dir(env: &Env) -> Vec<Check> {
    let name = "runtime_dir";
    let fallback = PathBuf::from(format!("/tmp/rpod-run-{}", env.uid));
    let fix = format!(
        "create a run directory and point XDG_RUNTIME_DIR at it: install -d -m 0700 -o {user} /run/user/{uid} (as root), then export XDG_RUNTIME_DIR=/run/user/{uid}; with systemd, log in through a PAM session (or loginctl enable-linger {user})",
        user = env.user,
        uid = env.uid
    );
    let fallback_note = format!(
        "rpod uses its private {} instead (no logind: nothing cleans it up at logout, and its state does not survive a reboot)",
        fallback.display()
    );
    let var = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()).map(PathBuf::from);
    let problem = match &var {
        None => Some(format!("XDG_RUNTIME_DIR is unset; {fallback_note}")),
        Some(d) => match std::fs::metadata(d) {
            Err(e) => Some(format!("XDG_RUNTIME_DIR={}: {e}; {fallback_note}", d.display())),
            Ok(m) if !m.is_dir() => {
                Some(format!("XDG_RUNTIME_DIR={} is not a directory; {fallback_note}", d.display()))
            }
            Ok(m) if m.uid() != env.uid => Some(format!(
                "XDG_RUNTIME_DIR={} is owned by uid {}, not by you ({}); {fallback_note}",
                d.display(),
                m.uid(),
                env.uid
            )),
            Ok(m) if m.permissions().mode() & 0o077 != 0 => {
                return vec![Check::warning(
                    name,
                    format!(
                        "XDG_RUNTIME_DIR={} has mode {:04o}: other users can look inside",
                        d.display(),
                        m.permissions().mode() & 0o7777
                    ),
                    format!("chmod 0700 {}", d.display()),
                )];
            }
            Ok(_) => None,
        },
    };
    let Some(problem) = problem else {
        let d = var.unwrap_or_default();
        return vec![Check::ok(name, format!("XDG_RUNTIME_DIR={} (yours, 0700)", d.display()))];
    };
    // The fallback must itself be usable, or every command without
    // --runroot fails.
    if let Err(e) = crate::paths::resolve(&crate::paths::PathEnv::from_process(), Some(Path::new("/")), None) {
        return vec![Check::fail(
            name,
            format!("{problem}, and it cannot be used: {e:#}"),
            format!("remove {} (as root), or {fix}", fallback.display()),
        )];
    }
    vec![Check::warning(name, problem, fix)]
}

/// cgroup v2 mounted as the only hierarchy, and the controllers delegated.
pub fn cgroups(env: &Env) -> Vec<Check> {
    let cg = cgroups::detect(env.rootless);
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let v1: Vec<String> = v1_hierarchies(&mountinfo);
    let root_controllers = cg
        .v2_mount
        .as_ref()
        .and_then(|m| std::fs::read_to_string(m.join("cgroup.controllers")).ok())
        .map(|s| s.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .unwrap_or_default();
    let refused =
        "resource limits (--memory, --cpus, --cpu-shares, --pids-limit, ...) are refused, containers run without them";
    let boot = env.distro.kernel_args("systemd.unified_cgroup_hierarchy=1 cgroup_no_v1=all");
    let version = match (cg.layout, &cg.v2_mount) {
        (Layout::Unified, Some(m)) => {
            Check::ok("cgroups", format!("cgroup v2 (unified) at {} with {}", m.display(), list(&root_controllers)))
        }
        (Layout::Hybrid, Some(m)) => Check::warning(
            "cgroups",
            format!(
                "hybrid layout: cgroup v1 controllers ({}) beside a cgroup2 mount at {} that offers only {}; {refused}",
                v1.join(", "),
                m.display(),
                list(&root_controllers)
            ),
            boot.clone(),
        ),
        (Layout::Legacy, _) => {
            Check::warning("cgroups", format!("cgroup v1 only ({}); {refused}", v1.join(", ")), boot.clone())
        }
        _ => Check::warning("cgroups", format!("no cgroup file system is mounted; {refused}"), boot.clone()),
    };
    let have = &cg.controllers;
    let missing: Vec<&str> = LIMIT_CONTROLLERS.iter().copied().filter(|c| !have.iter().any(|h| h == c)).collect();
    let who = if env.rootless { "delegated to you" } else { "available" };
    let delegation = if missing.is_empty() {
        Check::ok("cgroup_controllers", format!("{who}: {}", have.join(" ")))
    } else {
        let why = match cg.layout {
            Layout::Unified if env.rootless && have.is_empty() => {
                format!(" (your cgroup {} is not yours to write)", cg.own_path.as_deref().unwrap_or("?"))
            }
            Layout::Unified => String::new(),
            other => format!(" (the {} layout leaves them to cgroup v1)", other.name()),
        };
        Check::warning(
            "cgroup_controllers",
            format!("{who}: {}; missing: {}{why}; limits that need them are refused", list(have), missing.join(" ")),
            delegation_help(env.rootless),
        )
    };
    vec![version, delegation]
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "no controllers".into()
    } else {
        items.join(" ")
    }
}

/// The mount points (last component) of the cgroup v1 hierarchies.
fn v1_hierarchies(mountinfo: &str) -> Vec<String> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            (right.split_whitespace().next() == Some("cgroup")).then(|| {
                let mp = left.split_whitespace().nth(4).unwrap_or("");
                mp.rsplit('/').next().unwrap_or(mp).to_string()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_hierarchies_by_mount_point() {
        let mi = "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n33 31 0:30 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n";
        assert_eq!(v1_hierarchies(mi), ["cpu,cpuacct", "memory"]);
    }
}
