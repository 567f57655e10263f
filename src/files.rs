//! Small file helpers shared by the commands.

use std::io::Read;
use std::path::Path;

use anyhow::Context as _;

/// Writes `data` to `path` atomically: into a fresh temporary file (mode
/// 0600) in the same directory, renamed over `path`. Readers see the old
/// file or the whole new one; a kill leaves at most a `.rpod-tmp-*` file.
pub fn write_atomic(path: &Path, mut data: impl Read) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut f = tempfile::Builder::new()
        .prefix(".rpod-tmp-")
        .tempfile_in(dir)
        .with_context(|| format!("writing into {}", dir.display()))?;
    std::io::copy(&mut data, &mut f).with_context(|| format!("writing {}", path.display()))?;
    f.persist(path).map_err(|e| e.error).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
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
