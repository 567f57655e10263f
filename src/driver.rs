//! Which storage driver a store uses: `--storage-driver`, else
//! storage.conf's `driver`, else the best the kernel offers (native overlay,
//! probed once per kernel; else fuse-overlayfs when installed; else vfs).
//! `info` reports it; `create` records it with each container, whose root
//! file system [`crate::container::rootfs`] then assembles that way.

use std::path::{Path, PathBuf};

use rpod_runtime::{host, overlay_probe};
use rpod_storage::driver::Driver;

use crate::context::Context;

/// The storage driver in use (what the report calls `graphDriverName`).
/// The kernel probe behind it is cached per kernel in the run root; call
/// this before entering the user namespace (before `ctx.store()`), where a
/// probe would answer for the wrong context.
pub fn graph_driver(ctx: &Context) -> anyhow::Result<Driver> {
    let paths = ctx.paths()?;
    storage_driver(ctx, native_overlay(&paths.run_root, ctx.rootless()))
}

/// `--storage-driver`, else storage.conf's `driver`, else the best the
/// kernel offers.
pub fn storage_driver(ctx: &Context, native: bool) -> anyhow::Result<Driver> {
    let storage = &ctx.config()?.storage;
    let configured = ctx.global.storage_driver.clone().or_else(|| storage.driver.clone()).filter(|d| !d.is_empty());
    match configured {
        Some(name) => Ok(Driver::parse(&name, storage.mount_program().map(Path::to_path_buf))?),
        None => Ok(Driver::choose(native, find_in_path("fuse-overlayfs"))),
    }
}

pub fn find_in_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).map(|d| d.join(program)).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|p| p.is_file())
}

/// Whether native overlay works here for this user, probed once per kernel
/// and remembered in the run root.
pub fn native_overlay(run_root: &Path, rootless: bool) -> bool {
    let kernel = host::kernel_release();
    let cache = run_root.join("overlay-native");
    if let Ok(text) = std::fs::read_to_string(&cache) {
        if let Some((k, answer)) = text.trim().split_once(' ') {
            if k == kernel {
                return answer == "true";
            }
        }
    }
    if let Err(e) = create_private_dir(run_root) {
        log::debug!("cannot create {}: {e}", run_root.display());
        return false;
    }
    let scratch = run_root.join(format!("overlay-probe-{}", std::process::id()));
    if let Err(e) = create_private_dir(&scratch) {
        log::debug!("cannot create {}: {e}", scratch.display());
        return false;
    }
    let outcome = overlay_probe::probe(&scratch, rootless);
    let _ = std::fs::remove_dir(&scratch);
    log::debug!("native overlay probe: {outcome:?}");
    let native = outcome.is_native();
    let tmp = run_root.join(format!(".overlay-native-{}", std::process::id()));
    if std::fs::write(&tmp, format!("{kernel} {native}\n")).is_ok() {
        let _ = std::fs::rename(&tmp, &cache);
    }
    native
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}
