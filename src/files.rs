//! Small file helpers shared by the commands.

use std::io::Read;
use std::path::Path;

use anyhow::Context as _;

/// Writes `data` to `path` atomically: into a fresh temporary file (mode
/// 0600) in the same directory, renamed over `path`. Readers see the old
/// file or the whole new one; a kill leaves at most a `.rpod-tmp-*` file.
pub fn write_atomic(path: &Path, data: impl Read) -> anyhow::Result<()> {
    write_atomic_as(path, data, None, None)
}

/// [`write_atomic`], the file given `mode` and `owner` (uid, gid) through
/// its descriptor (`fchmod`, `fchown`) before it takes the name.
pub fn write_atomic_as(
    path: &Path,
    mut data: impl Read,
    mode: Option<u32>,
    owner: Option<(u32, u32)>,
) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut f = tempfile::Builder::new()
        .prefix(".rpod-tmp-")
        .tempfile_in(dir)
        .with_context(|| format!("writing into {}", dir.display()))?;
    std::io::copy(&mut data, &mut f).with_context(|| format!("writing {}", path.display()))?;
    if let Some(m) = mode {
        f.as_file()
            .set_permissions(std::os::unix::fs::PermissionsExt::from_mode(m))
            .with_context(|| format!("chmod {}", path.display()))?;
    }
    if let Some((uid, gid)) = owner {
        std::os::unix::fs::fchown(f.as_file(), Some(uid), Some(gid))
            .with_context(|| format!("chown {}", path.display()))?;
    }
    f.persist(path).map_err(|e| e.error).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// An exclusive lock on the file at `path` (made 0600 if missing), held
/// until dropped.
pub fn lock_exclusive(path: &Path) -> anyhow::Result<nix::fcntl::Flock<std::fs::File>> {
    let f = crate::paths::private_file()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    nix::fcntl::Flock::lock(f, nix::fcntl::FlockArg::LockExclusive)
        .map_err(|(_, e)| anyhow::anyhow!("locking {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_whole_files_and_leaves_no_temporary() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("f");
        super::write_atomic(&p, &b"one"[..]).unwrap();
        super::write_atomic(&p, &b"two"[..]).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(t.path()).unwrap().count(), 1);
        assert!(super::write_atomic(&t.path().join("missing/f"), &b"x"[..]).is_err());
    }
}
