//! Small file-system helpers shared by the store and the extractor.

use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use nix::dir::{Dir, Type};
use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag};
use nix::sys::stat::{fchmodat, fstatat, FchmodatFlags, Mode, SFlag};
use nix::unistd::{unlinkat, UnlinkatFlags};

pub(crate) fn errno_io(e: Errno) -> io::Error {
    io::Error::from_raw_os_error(e as i32)
}

/// Opens a directory for reading (an fd usable for `*at` calls and fsync).
pub(crate) fn open_dir(path: &Path) -> io::Result<Dir> {
    Dir::open(path, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).map_err(errno_io)
}

/// fsync a directory (makes renames / creations in it durable).
pub(crate) fn fsync_dir(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Removes `name` in `dir` and, if it is a directory, everything below it,
/// without following symlinks. Directories that cannot be read or entered
/// are made `0700` first (when we own them). A name that disappears
/// meanwhile (a concurrent cleaner) is not an error.
pub(crate) fn remove_tree_at(dir: BorrowedFd<'_>, name: &[u8]) -> io::Result<()> {
    let st = match fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) => st,
        Err(Errno::ENOENT) => return Ok(()),
        Err(e) => return Err(errno_io(e)),
    };
    if SFlag::from_bits_truncate(st.st_mode & SFlag::S_IFMT.bits()) != SFlag::S_IFDIR {
        return match unlinkat(dir, name, UnlinkatFlags::NoRemoveDir) {
            Ok(()) | Err(Errno::ENOENT) => Ok(()),
            Err(e) => Err(errno_io(e)),
        };
    }
    if st.st_mode & 0o700 != 0o700 {
        // Best effort: when this fails the open or the unlinks below report it.
        let _ = fchmodat(dir, name, Mode::from_bits_truncate(0o700), FchmodatFlags::NoFollowSymlink)
            .or_else(|_| fchmodat(dir, name, Mode::from_bits_truncate(0o700), FchmodatFlags::FollowSymlink));
    }
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let mut sub = match Dir::openat(dir, name, flags, Mode::empty()) {
        Ok(d) => d,
        Err(Errno::ENOENT) => return Ok(()),
        Err(e) => return Err(errno_io(e)),
    };
    let mut children: Vec<(CString, Option<Type>)> = Vec::new();
    for ent in sub.iter() {
        let ent = ent.map_err(errno_io)?;
        let n = ent.file_name();
        if n.to_bytes() == b"." || n.to_bytes() == b".." {
            continue;
        }
        children.push((n.to_owned(), ent.file_type()));
    }
    for (child, ty) in &children {
        match ty {
            Some(Type::Directory) | None => remove_tree_at(sub.as_fd(), child.to_bytes())?,
            Some(_) => match unlinkat(sub.as_fd(), child.as_c_str(), UnlinkatFlags::NoRemoveDir) {
                Ok(()) | Err(Errno::ENOENT) => {}
                Err(e) => return Err(errno_io(e)),
            },
        }
    }
    drop(sub);
    match unlinkat(dir, name, UnlinkatFlags::RemoveDir) {
        Ok(()) | Err(Errno::ENOENT) => Ok(()),
        Err(e) => Err(errno_io(e)),
    }
}

/// Removes `path` (a file or a whole tree, see [`remove_tree_at`]).
pub(crate) fn remove_tree(path: &Path) -> io::Result<()> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "refusing to remove a root path"));
    };
    let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
    let d = match open_dir(parent) {
        Ok(d) => d,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    remove_tree_at(d.as_fd(), name.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn removes_read_only_trees_and_tolerates_missing() {
        let t = tempfile::tempdir().unwrap();
        let top = t.path().join("top");
        std::fs::create_dir_all(top.join("a/b/c")).unwrap();
        std::fs::write(top.join("a/b/c/f"), b"x").unwrap();
        std::os::unix::fs::symlink("/", top.join("a/root-link")).unwrap();
        std::fs::set_permissions(top.join("a/b/c"), std::fs::Permissions::from_mode(0o500)).unwrap();
        std::fs::set_permissions(top.join("a/b"), std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::set_permissions(top.join("a"), std::fs::Permissions::from_mode(0o555)).unwrap();
        remove_tree(&top).unwrap();
        assert!(!top.exists());
        remove_tree(&top).unwrap();
        remove_tree(&t.path().join("missing/deeper")).unwrap();
    }
}
