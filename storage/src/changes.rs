//! What an overlay upper directory changes in the layers below it (`rpod
//! diff`): every name in the upper directory is *added* when no lower
//! layer shows it, else *changed*; a whiteout *deletes* its name, and an
//! opaque directory deletes what the lower layers have in it. Parents of
//! changed names are themselves listed as changed, as Docker does (they
//! are in the upper directory because something below them changed).
//!
//! Whiteouts are recognised in every form the store and the kernel or
//! fuse-overlayfs write: 0:0 character devices, empty files with the
//! overlay `whiteout` xattr, and `.wh.NAME` files; opaque directories by
//! the `opaque` xattr (`y`) or a `.wh..wh..opq` file.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

/// What happened to a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Changed,
    Deleted,
}

impl ChangeKind {
    /// Docker's letter: `A`, `C`, `D`.
    pub fn letter(self) -> char {
        match self {
            ChangeKind::Added => 'A',
            ChangeKind::Changed => 'C',
            ChangeKind::Deleted => 'D',
        }
    }
}

/// One change: an absolute path in the container.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub path: String,
    pub kind: ChangeKind,
}

/// The overlay xattr `name` of `path` (either prefix), not following a
/// final symlink.
fn overlay_xattr(path: &Path, name: &str) -> Option<Vec<u8>> {
    for prefix in ["trusted.overlay.", "user.overlay."] {
        let mut buf = [0u8; 16];
        if let Ok(n) = rustix::fs::lgetxattr(path, format!("{prefix}{name}").as_str(), &mut buf) {
            return Some(buf[..n].to_vec());
        }
    }
    None
}

/// Whether `path` (lstat'ed as `m`) is an overlay whiteout.
pub fn is_whiteout(path: &Path, m: &fs::Metadata) -> bool {
    let ft = m.file_type();
    (ft.is_char_device() && m.rdev() == 0)
        || (ft.is_file() && m.len() == 0 && overlay_xattr(path, "whiteout").is_some())
}

/// Whether the directory `path` is opaque.
pub fn is_opaque(path: &Path) -> bool {
    overlay_xattr(path, "opaque").as_deref() == Some(b"y") || path.join(".wh..wh..opq").exists()
}

/// The changes the upper directory `upper` makes to `lowers` (layer
/// directories, base first), sorted by path.
pub fn changes(upper: &Path, lowers: &[PathBuf]) -> io::Result<Vec<Change>> {
    let lowers: Vec<&Path> = lowers.iter().rev().map(PathBuf::as_path).collect();
    let mut out = BTreeSet::new();
    walk(upper, "", &lowers, &mut out)?;
    Ok(out.into_iter().collect())
}

fn walk(dir: &Path, rel: &str, lowers: &[&Path], out: &mut BTreeSet<Change>) -> io::Result<()> {
    let mut seen = BTreeSet::new();
    for ent in fs::read_dir(dir)? {
        let ent = ent?;
        let name = ent.file_name();
        let name = name.to_string_lossy().into_owned();
        let path = ent.path();
        let m = fs::symlink_metadata(&path)?;
        if name == ".wh..wh..opq" {
            continue;
        }
        if let Some(gone) = name.strip_prefix(".wh.") {
            out.insert(Change { path: format!("{rel}/{gone}"), kind: ChangeKind::Deleted });
            seen.insert(gone.to_string());
            continue;
        }
        let crel = format!("{rel}/{name}");
        seen.insert(name.clone());
        if is_whiteout(&path, &m) {
            if in_lowers(lowers, &crel) {
                out.insert(Change { path: crel, kind: ChangeKind::Deleted });
            }
            continue;
        }
        let kind = if in_lowers(lowers, &crel) { ChangeKind::Changed } else { ChangeKind::Added };
        out.insert(Change { path: crel.clone(), kind });
        if m.is_dir() {
            walk(&path, &crel, lowers, out)?;
        }
    }
    // An opaque directory hides what the layers below hold in it.
    if !rel.is_empty() && is_opaque(dir) {
        for name in lower_names(lowers, rel) {
            if !seen.contains(&name) {
                out.insert(Change { path: format!("{rel}/{name}"), kind: ChangeKind::Deleted });
            }
        }
    }
    Ok(())
}

/// Whether the merged view of `lowers` (top first) has `rel` (`/a/b`).
pub fn in_lowers(lowers: &[&Path], rel: &str) -> bool {
    let rel = rel.trim_start_matches('/');
    let comps: Vec<&str> = rel.split('/').collect();
    for layer in lowers {
        // A whiteout or a non-directory at a parent hides everything below;
        // an opaque parent stops the search after this layer.
        let mut hidden = false;
        let mut opaque = false;
        for i in 1..comps.len() {
            let p = layer.join(comps[..i].join("/"));
            match fs::symlink_metadata(&p) {
                Ok(m) if m.is_dir() => opaque |= is_opaque(&p),
                Ok(_) => hidden = true,
                Err(_) => {}
            }
        }
        if hidden {
            return false;
        }
        let p = layer.join(rel);
        if let Ok(m) = fs::symlink_metadata(&p) {
            return !is_whiteout(&p, &m);
        }
        if opaque {
            return false;
        }
    }
    false
}

/// The names the merged view of `lowers` (top first) has in `rel`.
fn lower_names(lowers: &[&Path], rel: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (i, layer) in lowers.iter().enumerate() {
        let Ok(rd) = fs::read_dir(layer.join(rel.trim_start_matches('/'))) else { continue };
        for ent in rd.flatten() {
            let n = ent.file_name().to_string_lossy().into_owned();
            if in_lowers(&lowers[i..], &format!("{rel}/{n}")) {
                names.insert(n);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn added_changed_deleted() {
        let t = tempfile::tempdir().unwrap();
        let (l1, l2, up) = (t.path().join("l1"), t.path().join("l2"), t.path().join("up"));
        for d in [&l1, &l2, &up] {
            fs::create_dir_all(d.join("etc")).unwrap();
        }
        fs::write(l1.join("etc/passwd"), "root").unwrap();
        fs::write(l1.join("etc/group"), "root").unwrap();
        fs::create_dir_all(l1.join("opt/a")).unwrap();
        fs::write(l2.join("etc/hosts"), "x").unwrap();
        fs::write(up.join("etc/passwd"), "root2").unwrap();
        fs::write(up.join("etc/new"), "n").unwrap();
        fs::write(up.join("etc/.wh.group"), "").unwrap();
        fs::create_dir_all(up.join("opt")).unwrap();
        fs::write(up.join("opt/.wh..wh..opq"), "").unwrap();
        symlink("/x", up.join("link")).unwrap();
        let got: Vec<String> = changes(&up, &[l1.clone(), l2.clone()])
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c.kind.letter(), c.path))
            .collect();
        assert_eq!(got, ["C /etc", "D /etc/group", "A /etc/new", "C /etc/passwd", "A /link", "C /opt", "D /opt/a"]);
    }
}
