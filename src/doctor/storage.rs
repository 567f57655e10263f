//! Storage: the driver and why, the store's file system and free space,
//! the store itself (read without repairing anything), and what crashed
//! commands can leave (stale mounts, monitors of removed containers).

use std::path::Path;

use nix::sys::statfs::{statfs, FsType};
use rpod_runtime::overlay_probe::Outcome;
use rpod_storage::driver::Driver;
use rpod_storage::layout::{existing_ancestor, Layout};

use super::{Check, Env, Package};

const NFS: i64 = 0x6969;
const LOW_SPACE: u64 = 1 << 30;

pub fn checks(env: &Env) -> Vec<Check> {
    let paths = match env.ctx.paths() {
        Ok(p) => p.clone(),
        Err(e) => {
            return vec![Check::fail(
                "storage",
                format!("{e:#}"),
                "use --root and --runroot, or fix the directory named",
            )]
        }
    };
    let driver = match crate::driver::storage_driver(env.ctx, env.overlay_probe().is_native()) {
        Ok(d) => d,
        Err(e) => {
            return vec![Check::fail(
                "storage_driver",
                format!("{e:#}"),
                "set driver = \"overlay\" (or \"vfs\") in storage.conf, or pass --storage-driver",
            )]
        }
    };
    let mut out = vec![driver_check(env, &driver)];
    out.extend(filesystem_checks(env, &paths.graph_root, &driver));
    out.push(store_check(&paths.graph_root));
    out.push(leftovers_check(&paths.graph_root, &paths.run_root));
    out
}

/// Mounts left under the store or the run directory in this mount
/// namespace (rpod mounts container roots only in private namespaces), and
/// monitor processes of this store whose container is gone. Read only.
fn leftovers_check(graph_root: &Path, run_root: &Path) -> Check {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let mounts = stale_mounts(&mountinfo, &[graph_root, run_root]);
    let monitors = orphan_monitors(graph_root);
    if mounts.is_empty() && monitors.is_empty() {
        return Check::ok("leftovers", "no stale mounts under the store, no monitor without its container");
    }
    let mut found = Vec::new();
    let mut fix = Vec::new();
    if !mounts.is_empty() {
        found.push(format!("{} stale mounts ({})", mounts.len(), mounts.join(", ")));
        fix.push(format!("umount {}", mounts.join(" ")));
    }
    if !monitors.is_empty() {
        let pids: Vec<String> = monitors.iter().map(|(pid, _)| pid.to_string()).collect();
        let ids: Vec<String> = monitors.iter().map(|(_, id)| id[..id.len().min(12)].to_string()).collect();
        found.push(format!("{} monitor processes of removed containers ({})", monitors.len(), ids.join(", ")));
        fix.push(format!("kill {}", pids.join(" ")));
    }
    Check::warning("leftovers", found.join("; "), fix.join("; "))
}

/// Mount points of `/proc/self/mountinfo` text under any of `roots`.
pub(crate) fn stale_mounts(mountinfo: &str, roots: &[&Path]) -> Vec<String> {
    mountinfo
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .filter(|m| roots.iter().any(|r| Path::new(m).starts_with(r) && Path::new(m) != *r))
        .map(str::to_string)
        .collect()
}

/// (PID, container ID) of the `rpod ... --root GRAPH_ROOT ... __monitor
/// ID` processes whose container directory no longer exists.
fn orphan_monitors(graph_root: &Path) -> Vec<(i32, String)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc") else { return out };
    for e in dir.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else { continue };
        let Ok(cmdline) = std::fs::read(e.path().join("cmdline")) else { continue };
        let args: Vec<String> = cmdline
            .split(|&b| b == 0)
            .filter(|a| !a.is_empty())
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        if !args.iter().any(|a| a == "__monitor") {
            continue;
        }
        let root = args.windows(2).find(|w| w[0] == "--root").map(|w| w[1].as_str());
        let Some(id) = args.last() else { continue };
        if root.is_some_and(|r| Path::new(r) == graph_root) && !graph_root.join("containers").join(id).exists() {
            out.push((pid, id.clone()));
        }
    }
    out
}

fn configured(env: &Env) -> Option<String> {
    let from_conf = env.ctx.config().ok().and_then(|c| {
        c.storage.driver.clone().filter(|d| !d.is_empty()).map(|d| {
            format!(
                "driver = \"{d}\" in {}",
                c.storage.file.as_ref().map(|f| f.display().to_string()).unwrap_or_default()
            )
        })
    });
    env.ctx.global.storage_driver.as_ref().map(|d| format!("--storage-driver {d}")).or(from_conf)
}

fn driver_check(env: &Env, driver: &Driver) -> Check {
    let kernel = rpod_runtime::host::kernel_release();
    let why_not_native = match env.overlay_probe() {
        Outcome::Native => String::new(),
        Outcome::Unsupported { step, errno } => format!(
            "native overlay does not work here ({step}: {}; {} needs Linux >= 5.11, this is {kernel})",
            nix::errno::Errno::from_raw(errno),
            if env.rootless { "overlay in a user namespace" } else { "overlay" }
        ),
    };
    let chosen =
        configured(env).map(|c| format!("chosen by {c}")).unwrap_or_else(|| "chosen as the best available".into());
    let fuse = Package::same("fuse-overlayfs");
    match driver {
        Driver::Overlay { mount_program: None } => {
            let note =
                if why_not_native.is_empty() { format!("native overlay, kernel {kernel}") } else { why_not_native };
            Check::ok("storage_driver", format!("overlay ({note}; {chosen})"))
        }
        Driver::Overlay { mount_program: Some(p) } => {
            match std::fs::OpenOptions::new().read(true).write(true).open("/dev/fuse") {
                Ok(_) => {
                    Check::ok("storage_driver", format!("overlay through {} ({why_not_native}; {chosen})", p.display()))
                }
                Err(e) => Check::fail(
                    "storage_driver",
                    format!("overlay through {}, but /dev/fuse cannot be opened: {e}", p.display()),
                    "modprobe fuse and chmod 0666 /dev/fuse (as root)",
                ),
            }
        }
        Driver::Vfs => {
            let fix = if configured(env).is_some() {
                format!(
                    "remove the vfs setting ({}) once overlay works; {}",
                    configured(env).unwrap_or_default(),
                    env.distro.install(&fuse)
                )
            } else {
                format!("{} (rpod then uses overlay through it)", env.distro.install(&fuse))
            };
            let why = if why_not_native.is_empty() { String::new() } else { format!("; {why_not_native}") };
            Check::warning(
                "storage_driver",
                format!("vfs ({chosen}{why}): every container copies all of its image's files, slow to start and large on disk"),
                fix,
            )
        }
    }
}

fn fs_name(t: FsType) -> String {
    #[allow(clippy::unnecessary_cast)]
    let magic = t.0 as i64;
    let known: [(i64, &str); 10] = [
        (0xEF53, "ext4"),
        (0x5846_5342, "xfs"),
        (0x9123_683E, "btrfs"),
        (0x0102_1994, "tmpfs"),
        (NFS, "nfs"),
        (0x794C_7630, "overlay"),
        (0x2FC1_2FC1, "zfs"),
        (0x6573_5546, "fuse"),
        (0xFF53_4D42, "cifs"),
        (0x0102_1997, "9p"),
    ];
    known.iter().find(|(m, _)| *m == magic).map(|(_, n)| n.to_string()).unwrap_or_else(|| format!("type 0x{magic:x}"))
}

fn filesystem_checks(env: &Env, graph_root: &Path, driver: &Driver) -> Vec<Check> {
    let Some(dir) = existing_ancestor(graph_root) else {
        return vec![Check::fail(
            "storage_fs",
            format!("{}: no part of it exists", graph_root.display()),
            "use --root",
        )];
    };
    let st = match statfs(dir) {
        Ok(s) => s,
        Err(e) => return vec![Check::fail("storage_fs", format!("{}: {e}", dir.display()), "use --root")],
    };
    #[allow(clippy::unnecessary_cast)]
    let magic = st.filesystem_type().0 as i64;
    let fs = fs_name(st.filesystem_type());
    let mut out = Vec::new();
    let native = matches!(driver, Driver::Overlay { mount_program: None });
    let elsewhere = "move the store to a local file system: --root DIR (e.g. below /var/tmp on a local disk)";
    if native && (magic == NFS || fs == "overlay") {
        out.push(Check::fail(
            "storage_fs",
            format!("{} is on {fs}: overlay cannot use an upper directory there", graph_root.display()),
            elsewhere,
        ));
    } else if native && env.rootless && !user_xattrs_work(dir) {
        out.push(Check::fail(
            "storage_fs",
            format!(
                "{} is on {fs} without user extended attributes: rootless overlay keeps whiteouts in them",
                graph_root.display()
            ),
            elsewhere,
        ));
    } else {
        out.push(Check::ok("storage_fs", format!("{} is on {fs}", graph_root.display())));
    }
    let free = st.blocks_available() as u64 * st.block_size() as u64;
    let gib = free as f64 / (1u64 << 30) as f64;
    if free < LOW_SPACE {
        out.push(Check::warning(
            "storage_space",
            format!("{gib:.2} GiB free for {}: pulls and containers may run out of space", graph_root.display()),
            format!("free space there (rpod image prune, rpod container prune), or {elsewhere}"),
        ));
    } else {
        out.push(Check::ok("storage_space", format!("{gib:.1} GiB free")));
    }
    out
}

/// Can a file in `dir` get a `user.` extended attribute? (Only asked when
/// the caller can write there; otherwise assumed.)
fn user_xattrs_work(dir: &Path) -> bool {
    let Ok(file) = tempfile::Builder::new().prefix(".rpod-doctor-").tempfile_in(dir) else { return true };
    match crate::sys::set_xattr(file.path(), "user.rpod.doctor", b"1") {
        Ok(()) => true,
        Err(e) => e.raw_os_error() != Some(libc::EOPNOTSUPP),
    }
}

fn store_check(graph_root: &Path) -> Check {
    let layout = Layout::new(graph_root);
    let h = match layout.health() {
        Ok(h) => h,
        Err(e) => {
            return Check::fail(
                "store",
                format!("{}: {e}", layout.db_path().display()),
                format!(
                    "move the store away (mv {0} {0}.broken, kept for a bug report) and pull again",
                    graph_root.display()
                ),
            )
        }
    };
    if !h.exists {
        return Check::ok("store", format!("{}: no store yet", graph_root.display()));
    }
    if h.integrity != "ok" {
        return Check::fail(
            "store",
            format!("{}: the database integrity check says: {}", layout.db_path().display(), h.integrity),
            format!(
                "move the store away (mv {0} {0}.broken, kept for a bug report) and pull again",
                graph_root.display()
            ),
        );
    }
    if !h.orphans.is_empty() || !h.missing.is_empty() {
        return Check::warning(
            "store",
            format!(
                "{} layer directories without a record, {} layer records without a directory",
                h.orphans.len(),
                h.missing.len()
            ),
            "any command that opens the store repairs it (e.g. rpod images): it removes the directories and forgets the records and the images using them",
        );
    }
    let mut found = "database ok, layers match their records".to_string();
    if h.unused > 0 || h.dangling_images > 0 {
        found.push_str(&format!(
            "; {} unused layers, {} dangling images (rpod image prune reclaims them)",
            h.unused, h.dangling_images
        ));
    }
    Check::ok("store", found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_mounts_under_the_store_only() {
        let info = "36 25 0:32 / /var/lib/rpod rw - ext4 x rw\n\
                    37 36 0:33 / /var/lib/rpod/containers/abc/merged rw - overlay overlay rw\n\
                    38 25 0:34 / /run/rpod/x rw - tmpfs tmpfs rw\n\
                    39 25 0:35 / /home rw - ext4 y rw\n";
        let roots = [Path::new("/var/lib/rpod"), Path::new("/run/rpod")];
        assert_eq!(stale_mounts(info, &roots), ["/var/lib/rpod/containers/abc/merged", "/run/rpod/x"]);
        assert!(orphan_monitors(Path::new("/nonexistent/store")).is_empty());
    }
}
