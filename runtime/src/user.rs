//! `-u name|uid[:group|gid]` resolved through the container's own
//! `/etc/passwd` and `/etc/group`, as Docker does.

use std::ffi::CString;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::error::RuntimeError;
use crate::spec::UserSpec;

/// One `/etc/passwd` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswdEntry {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: String,
}

/// One `/etc/group` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupEntry {
    pub name: String,
    pub gid: u32,
    pub members: Vec<String>,
}

pub fn parse_passwd(text: &str) -> Vec<PasswdEntry> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.len() < 4 {
                return None;
            }
            Some(PasswdEntry {
                name: f[0].to_string(),
                uid: f[2].parse().ok()?,
                gid: f[3].parse().ok()?,
                home: f.get(5).unwrap_or(&"").to_string(),
            })
        })
        .collect()
}

pub fn parse_group(text: &str) -> Vec<GroupEntry> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            if f.len() < 3 {
                return None;
            }
            Some(GroupEntry {
                name: f[0].to_string(),
                gid: f[2].parse().ok()?,
                members: f
                    .get(3)
                    .map(|m| m.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Read a file of the rootfs with symlinks resolved inside it; a missing
/// file reads as empty. The image decides what is there: the file is
/// looked at (`O_PATH`) before it is opened, and only a regular file is
/// read (a FIFO would block the engine forever, a device node could be
/// anything), non-blocking and at most 16 MiB.
pub fn read_in_root(rootfs: &Path, path: &str) -> Result<String, RuntimeError> {
    let root = std::fs::File::open(rootfs).map_err(|e| RuntimeError::io(format!("opening {}", rootfs.display()), e))?;
    let c = CString::new(path).map_err(|_| RuntimeError::InvalidSpec("NUL in path".into()))?;
    let flags = libc::O_PATH | libc::O_CLOEXEC;
    let found = match crate::sys::open_in_root(std::os::fd::AsRawFd::as_raw_fd(&root), &c, flags) {
        Ok(fd) => fd,
        Err(nix::errno::Errno::ENOENT) => return Ok(String::new()),
        Err(e) => return Err(RuntimeError::sys(format!("opening {path} in {}", rootfs.display()), e)),
    };
    let regular = |fd: &std::os::fd::OwnedFd| {
        nix::sys::stat::fstat(fd).map(|st| st.st_mode & libc::S_IFMT == libc::S_IFREG).unwrap_or(false)
    };
    if !regular(&found) {
        return Err(RuntimeError::InvalidSpec(format!("{path} in the container is not a regular file")));
    }
    // Reopened through the descriptor: the same inode, never another path.
    let by_fd = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&found));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC)
        .open(&by_fd)
        .map_err(|e| RuntimeError::io(format!("opening {path} of the container"), e))?;
    let mut s = String::new();
    file.take(16 << 20)
        .read_to_string(&mut s)
        .map_err(|e| RuntimeError::io(format!("reading {path} of the container"), e))?;
    Ok(s)
}

/// Resolve `user` (`""`, `name`, `uid`, with an optional `:group` or `:gid`)
/// against the text of the container's passwd and group files.
pub fn resolve_in(passwd: &str, group: &str, user: &str) -> Result<UserSpec, RuntimeError> {
    let (u, g) = match user.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (user, None),
    };
    let users = parse_passwd(passwd);
    let groups = parse_group(group);
    let u = if u.is_empty() { "0" } else { u };
    let entry = match u.parse::<u32>() {
        Ok(uid) => users.iter().find(|e| e.uid == uid).cloned().or(Some(PasswdEntry {
            name: String::new(),
            uid,
            gid: 0,
            home: "/".into(),
        })),
        Err(_) => users.iter().find(|e| e.name == u).cloned(),
    };
    let Some(entry) = entry else {
        return Err(RuntimeError::InvalidSpec(format!("unable to find user {u}: no matching entries in passwd file")));
    };
    let gid = match g {
        None | Some("") => entry.gid,
        Some(g) => match g.parse::<u32>() {
            Ok(gid) => gid,
            Err(_) => groups.iter().find(|e| e.name == g).map(|e| e.gid).ok_or_else(|| {
                RuntimeError::InvalidSpec(format!("unable to find group {g}: no matching entries in group file"))
            })?,
        },
    };
    let mut additional: Vec<u32> = Vec::new();
    if !entry.name.is_empty() {
        for grp in &groups {
            // Every group that lists the user, its primary one too (runc's
            // GetExecUser, which Podman and Docker use).
            if grp.members.contains(&entry.name) && !additional.contains(&grp.gid) {
                additional.push(grp.gid);
            }
        }
    }
    Ok(UserSpec { uid: entry.uid, gid, additional_gids: additional, umask: None, home: entry.home })
}

/// Resolve `user` through `rootfs/etc/passwd` and `rootfs/etc/group`
/// (symlinks in the image resolve inside the rootfs).
pub fn resolve(rootfs: &Path, user: &str) -> Result<UserSpec, RuntimeError> {
    let passwd = read_in_root(rootfs, "/etc/passwd")?;
    let group = read_in_root(rootfs, "/etc/group")?;
    resolve_in(&passwd, &group, user)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n# c\nbroken\n";
    const GROUP: &str = "root:x:0:\nalice:x:1000:\nwheel:x:10:alice,bob\naudio:x:29:alice\n";

    #[test]
    fn names_numbers_and_groups() {
        let a = resolve_in(PASSWD, GROUP, "alice").unwrap();
        assert_eq!((a.uid, a.gid, a.additional_gids.clone()), (1000, 1000, vec![10, 29]));
        let a = resolve_in(PASSWD, GROUP, "1000:wheel").unwrap();
        assert_eq!((a.uid, a.gid), (1000, 10));
        assert_eq!(a.additional_gids, vec![10, 29]);
        let n = resolve_in(PASSWD, GROUP, "4242:4243").unwrap();
        assert_eq!((n.uid, n.gid, n.additional_gids.len()), (4242, 4243, 0));
        assert_eq!(resolve_in(PASSWD, GROUP, "").unwrap().uid, 0);
        assert!(resolve_in(PASSWD, GROUP, "nobody").is_err());
        assert!(resolve_in(PASSWD, GROUP, "alice:nogroup").is_err());
    }

    /// A FIFO (or any other non-regular file) at /etc/passwd is refused at
    /// once; it used to block `run -u`/`exec -u` forever (issue 12).
    #[test]
    fn a_fifo_for_passwd_is_refused_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("etc")).unwrap();
        nix::unistd::mkfifo(&dir.path().join("etc/passwd"), nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(resolve(&root, "bob").map_err(|e| e.to_string()));
        });
        let r = rx.recv_timeout(std::time::Duration::from_secs(5)).expect("resolving a user hung on a FIFO");
        let e = r.unwrap_err();
        assert!(e.contains("/etc/passwd in the container is not a regular file"), "{e}");
        // A directory there too.
        std::fs::remove_file(dir.path().join("etc/passwd")).unwrap();
        std::fs::create_dir(dir.path().join("etc/passwd")).unwrap();
        assert!(resolve(dir.path(), "bob").is_err());
    }

    #[test]
    fn reads_inside_the_rootfs_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("etc")).unwrap();
        // An absolute symlink must resolve inside the rootfs, not on the host.
        std::os::unix::fs::symlink("/etc/passwd.real", dir.path().join("etc/passwd")).unwrap();
        std::fs::write(dir.path().join("etc/passwd.real"), "bob:x:7:8::/:/bin/sh\n").unwrap();
        let u = resolve(dir.path(), "bob").unwrap();
        assert_eq!((u.uid, u.gid), (7, 8));
        assert!(resolve(dir.path(), "root").is_err(), "the host's /etc/passwd must not be read");
    }
}
