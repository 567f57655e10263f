//! Small file helpers shared by the commands.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt as _;
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

/// Rewrites the file at `path` in place with `text`, keeping its inode (a
/// file bind-mounted into a running container, where a rename would not
/// be seen). Every moment leaves a usable file for line-based formats
/// (resolv.conf, hosts): one write puts the new text at the start, padded
/// to the old length with a comment line when shorter, then the file is cut
/// to the new length: a kill between the two leaves the new text and a
/// comment.
pub fn rewrite_in_place(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::FileExt;
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(nix::libc::O_NOFOLLOW)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    let old = f.metadata().with_context(|| format!("reading {}", path.display()))?.len() as usize;
    f.write_all_at(&padded(text, old), 0).with_context(|| format!("writing {}", path.display()))?;
    f.set_len(text.len() as u64).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// `text` padded to `len` bytes with a comment line of its own ("\n#   \n",
/// or as much of it as fits), as [`rewrite_in_place`] writes it.
fn padded(text: &str, len: usize) -> Vec<u8> {
    let mut buf = text.as_bytes().to_vec();
    if buf.len() < len {
        let pad = len - buf.len();
        let mut tail = vec![b' '; pad];
        tail[0] = b'\n';
        if pad > 1 {
            tail[1] = b'#';
        }
        tail[pad - 1] = b'\n';
        buf.extend(tail);
    }
    buf
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

    #[test]
    fn rewrites_in_place_keeping_the_inode() {
        use std::os::unix::fs::MetadataExt;
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("f");
        std::fs::write(&p, "nameserver 10.0.0.1\n").unwrap();
        let ino = std::fs::metadata(&p).unwrap().ino();
        for text in ["nameserver 10.0.0.2\nnameserver 10.0.0.1\n", "a\n", "ab\n", "a", ""] {
            super::rewrite_in_place(&p, text).unwrap();
            assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
            assert_eq!(std::fs::metadata(&p).unwrap().ino(), ino);
        }
        assert!(super::rewrite_in_place(&t.path().join("missing"), "x").is_err());
        // What a kill between the write and the cut leaves: the new lines and a comment.
        assert_eq!(super::padded("a\n", 8), b"a\n\n#   \n");
        assert_eq!(super::padded("a\n", 4), b"a\n\n\n");
        assert_eq!(super::padded("a", 2), b"a\n");
        assert_eq!(super::padded("abc", 2), b"abc");
    }
}
