//! `volume export` / `volume import`: a volume's files as a tar stream.
//! Both run in the user namespace (rootless), so owners are the
//! container's IDs in the archive, as Podman writes them.

use std::io::{Read, Write};

use anyhow::Context as _;

use crate::context::Context;
use crate::error::{ExitCode, Failure};

fn data_dir(ctx: &Context, name: &str) -> anyhow::Result<std::path::PathBuf> {
    let v = super::lookup(ctx, name)?;
    if let Some(t) = v.config.options.get("type") {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("volume {name} is a {t} mount made when a container uses it: it has no files to export or import"),
        )
        .into());
    }
    ctx.enter_user_namespace()?;
    Ok(v.mountpoint)
}

/// Write the volume's files (symlinks not followed) as a tar archive.
pub fn export(ctx: &Context, name: &str, out: impl Write) -> anyhow::Result<()> {
    let dir = data_dir(ctx, name)?;
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    b.mode(tar::HeaderMode::Complete);
    b.append_dir_all(".", &dir).with_context(|| format!("archiving {}", dir.display()))?;
    b.into_inner().context("writing the archive")?.flush().context("writing the archive")
}

/// Unpack a tar archive into the volume (entries stay inside it: `..`
/// and paths through symlinks out of it are refused by the unpacker).
pub fn import(ctx: &Context, name: &str, input: impl Read) -> anyhow::Result<()> {
    let dir = data_dir(ctx, name)?;
    let mut a = tar::Archive::new(input);
    a.set_preserve_permissions(true);
    a.set_preserve_ownerships(true);
    a.set_preserve_mtime(true);
    a.set_overwrite(true);
    a.unpack(&dir).with_context(|| format!("importing into volume {name}"))
}
