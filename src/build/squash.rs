//! `--squash` and `--layers=false`: the layers a build added on top of its
//! base image become one layer (Podman's and buildah's result: the base's
//! layers, then one). Each new layer's OCI tar is applied in order to an
//! overlay over the base: its whiteouts delete (`.wh.NAME`) or empty
//! (`.wh..wh..opq`) in the merged view, then its files are written there;
//! the overlay's upper directory is the squashed diff. Every path is
//! resolved inside the root (`RESOLVE_IN_ROOT`), never through a symlink
//! of the image.

use std::io::{Seek, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use nix::errno::Errno;
use nix::fcntl::{openat, OFlag};
use nix::sys::stat::Mode;
use nix::unistd::{unlinkat, UnlinkatFlags};

use super::copy::in_root;
use super::rootfs::{Edit, Workdir};
use crate::context::Context;
use crate::image::commit::{pack_layer, LayerSource};

/// Apply `layers` (overlay diff directories, oldest first) over `base`
/// (the lower layers' diff directories, oldest first); returns the upper
/// directory holding their sum (kept until `edit` goes), `None` when they
/// change nothing.
pub fn squash(ctx: &Context, work: &Workdir, base: &[PathBuf], layers: &[PathBuf]) -> anyhow::Result<Squashed> {
    let mut edit = Edit::new(ctx, work, base)?;
    for layer in layers {
        let (mut file, _, _) = pack_layer(LayerSource::Diff(layer))?;
        let root = edit.root()?;
        // Whiteouts first: they apply to what is below this layer.
        {
            let mut a = tar::Archive::new(&mut file);
            for e in a.entries().context("reading a layer to squash")? {
                let e = e.context("reading a layer to squash")?;
                let path = String::from_utf8_lossy(&e.path_bytes()).trim_end_matches('/').to_string();
                let (parent, name) = path.rsplit_once('/').unwrap_or(("", path.as_str()));
                if name == ".wh..wh..opq" {
                    let dir = in_root(root.as_fd(), parent, OFlag::O_RDONLY | OFlag::O_DIRECTORY)
                        .with_context(|| format!("opening /{parent}"))?;
                    clear_dir(dir)?;
                } else if let Some(gone) = name.strip_prefix(".wh.") {
                    match in_root(root.as_fd(), parent, OFlag::O_RDONLY | OFlag::O_DIRECTORY) {
                        Ok(dir) => remove_at(dir.as_fd(), gone)?,
                        Err(Errno::ENOENT) => {}
                        Err(e) => return Err(e).with_context(|| format!("opening /{parent}")),
                    }
                }
            }
        }
        // Then the files, whiteouts left out.
        file.rewind().context("rewinding a layer to squash")?;
        let mut plain = tempfile::tempfile_in(&work.dir).context("creating a temporary file")?;
        {
            let mut b = tar::Builder::new(std::io::BufWriter::new(&mut plain));
            let mut a = tar::Archive::new(&mut file);
            for e in a.entries().context("reading a layer to squash")? {
                let mut e = e.context("reading a layer to squash")?;
                let path = e.path_bytes().into_owned();
                let name = path.rsplit(|b| *b == b'/').find(|c| !c.is_empty()).unwrap_or(&[]);
                if name.starts_with(b".wh.") {
                    continue;
                }
                let mut h = e.header().clone();
                let path = String::from_utf8_lossy(&path).to_string();
                match e.link_name_bytes().map(|l| l.into_owned()) {
                    Some(l) if h.entry_type().is_symlink() || h.entry_type().is_hard_link() => {
                        b.append_link(&mut h, &path, String::from_utf8_lossy(&l).as_ref())?;
                    }
                    _ => b.append_data(&mut h, &path, &mut e)?,
                }
            }
            b.into_inner()?.flush()?;
        }
        plain.rewind().context("rewinding a layer to squash")?;
        let opts =
            rpod_storage::extract::CopyOptions { what: "a layer to squash", ignore_chown_errors: false, owner: None };
        rpod_storage::extract::extract_copy(root, &mut plain, &opts).context("squashing a layer")?;
    }
    let upper = edit.finish()?;
    Ok(Squashed { _edit: edit, upper })
}

/// The squashed layer: `upper` lives as long as this.
pub struct Squashed {
    _edit: Edit,
    pub upper: Option<PathBuf>,
}

/// Remove `name` of `dir` (a directory with its content), never following
/// a symlink; missing is fine.
fn remove_at(dir: BorrowedFd<'_>, name: &str) -> anyhow::Result<()> {
    match unlinkat(dir, name, UnlinkatFlags::NoRemoveDir) {
        Ok(()) | Err(Errno::ENOENT) => return Ok(()),
        Err(Errno::EISDIR | Errno::EPERM) => {}
        Err(e) => return Err(anyhow!("removing {name}: {e}")),
    }
    let sub =
        openat(dir, name, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC, Mode::empty())
            .with_context(|| format!("opening {name}"))?;
    clear_dir(sub)?;
    unlinkat(dir, name, UnlinkatFlags::RemoveDir).with_context(|| format!("removing {name}"))
}

/// Remove everything in the directory `fd`.
fn clear_dir(fd: OwnedFd) -> anyhow::Result<()> {
    let mut d = nix::dir::Dir::from_fd(fd).context("reading a directory")?;
    let mut names = Vec::new();
    for e in d.iter() {
        let e = e.context("reading a directory")?;
        let n = e.file_name().to_string_lossy().into_owned();
        if n != "." && n != ".." {
            names.push(n);
        }
    }
    for n in names {
        remove_at(d.as_fd(), &n)?;
    }
    Ok(())
}
