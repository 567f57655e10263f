//! Entering the user's user namespace: the first thing a rootless rpod
//! command that touches the store does. Inside it rpod is root, with the
//! user's own ID as 0 and the subordinate ranges of `/etc/subuid` and
//! `/etc/subgid` from 1 up, so layers keep their owners (shifted into the
//! user's range) and overlay can be mounted.
//!
//! The mapping is written by the setuid helpers `newuidmap`/`newgidmap`,
//! which must run outside the new namespace: a helper process is forked
//! before `unshare(CLONE_NEWUSER)` and waits on a pipe until the caller is
//! in its namespace. Without subordinate ranges, the caller maps only its
//! own ID (no helper needed) and rpod warns.
//!
//! This module forks and changes process-wide credentials, hence `unsafe`.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use crate::userns::{self, IdMap, SubIdRange};

/// Who is entering, and with which ranges.
#[derive(Debug, Clone)]
pub struct Identity {
    pub uid: u32,
    pub gid: u32,
    pub user: Option<String>,
    pub subuids: Vec<SubIdRange>,
    pub subgids: Vec<SubIdRange>,
}

impl Identity {
    /// The calling user, with the ranges of `/etc/subuid` and `/etc/subgid`.
    pub fn current() -> Result<Identity, EnterError> {
        let uid = nix::unistd::getuid();
        let gid = nix::unistd::getgid();
        let user = nix::unistd::User::from_uid(uid).ok().flatten().map(|u| u.name);
        let read = |p: &str| {
            userns::read_subids(Path::new(p), user.as_deref(), uid.as_raw())
                .map_err(|e| EnterError::Read { path: PathBuf::from(p), source: e })
        };
        Ok(Identity {
            uid: uid.as_raw(),
            gid: gid.as_raw(),
            subuids: read("/etc/subuid")?,
            subgids: read("/etc/subgid")?,
            user,
        })
    }

    pub fn uid_map(&self) -> Vec<IdMap> {
        userns::rootless_mapping(self.uid, &self.subuids)
    }

    pub fn gid_map(&self) -> Vec<IdMap> {
        userns::rootless_mapping(self.gid, &self.subgids)
    }

    /// True when both files give the user a range.
    pub fn has_ranges(&self) -> bool {
        !self.subuids.is_empty() && !self.subgids.is_empty()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EnterError {
    #[error("reading {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("creating a user namespace: {0} (are unprivileged user namespaces disabled? see /proc/sys/kernel/unprivileged_userns_clone and /proc/sys/user/max_user_namespaces)")]
    Unshare(nix::Error),
    #[error("{helper} failed to set up the user namespace ({status}); check the ranges of {user} in {file} (e.g. \"{user}:100000:65536\") and that {path} is setuid root or has file capabilities (Debian package uidmap); `rpod system doctor` checks both")]
    Helper { helper: &'static str, path: String, file: &'static str, user: String, status: String },
    #[error("{0} not found: install the uidmap package, or remove the ranges of this user from /etc/subuid and /etc/subgid to map only one ID")]
    HelperMissing(&'static str),
    #[error("writing {what}: {source}")]
    Write { what: &'static str, source: nix::Error },
    #[error("setting up the user namespace: {0}")]
    Sys(nix::Error),
}

/// How the namespace was set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entered {
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
    /// Only the user's own ID is mapped (no subordinate ranges).
    pub single_id: bool,
}

/// Whether this process already runs in a user namespace other than the
/// initial one (its uid_map is not the identity over all IDs).
pub fn in_user_namespace() -> bool {
    let map = std::fs::read_to_string("/proc/self/uid_map").unwrap_or_default();
    userns::parse_proc_map(&map) != [IdMap { container_id: 0, host_id: 0, size: u32::MAX }]
}

/// The `newuidmap`/`newgidmap` rpod runs: the first on `PATH`, else the
/// one in `/usr/bin` or `/usr/sbin`.
pub fn helper_path(name: &str) -> Option<PathBuf> {
    let dirs = std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default();
    dirs.iter()
        .map(|d| d.join(name))
        .chain([PathBuf::from("/usr/bin").join(name), PathBuf::from("/usr/sbin").join(name)])
        .find(|p| p.is_file())
}

fn find_helper(name: &'static str) -> Result<CString, EnterError> {
    helper_path(name)
        .and_then(|p| CString::new(p.into_os_string().into_encoded_bytes()).ok())
        .ok_or(EnterError::HelperMissing(name))
}

fn map_args(helper: &CString, pid: i32, maps: &[IdMap]) -> Vec<CString> {
    let mut args = vec![helper.clone(), CString::new(pid.to_string()).unwrap_or_default()];
    for m in maps {
        for n in [m.container_id, m.host_id, m.size] {
            args.push(CString::new(n.to_string()).unwrap_or_default());
        }
    }
    args
}

/// Move the calling process into a new user namespace in which it is root.
///
/// Must be called while the process is single-threaded (before any runtime
/// or thread is started): `unshare(CLONE_NEWUSER)` refuses otherwise.
pub fn enter(id: &Identity) -> Result<Entered, EnterError> {
    let (uid_map, gid_map) = (id.uid_map(), id.gid_map());
    if !id.has_ranges() {
        nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUSER).map_err(EnterError::Unshare)?;
        let write = |what: &'static str, path: &str, text: String| {
            std::fs::write(path, text)
                .map_err(|e| EnterError::Write { what, source: nix::Error::from_raw(e.raw_os_error().unwrap_or(0)) })
        };
        write("/proc/self/setgroups", "/proc/self/setgroups", "deny".into())?;
        write("/proc/self/uid_map", "/proc/self/uid_map", format!("0 {} 1\n", id.uid))?;
        write("/proc/self/gid_map", "/proc/self/gid_map", format!("0 {} 1\n", id.gid))?;
        become_root()?;
        return Ok(Entered { uid_map: uid_map[..1].to_vec(), gid_map: gid_map[..1].to_vec(), single_id: true });
    }

    let newuidmap = find_helper("newuidmap")?;
    let newgidmap = find_helper("newgidmap")?;
    let pid = std::process::id() as i32;
    let uid_args = map_args(&newuidmap, pid, &uid_map);
    let gid_args = map_args(&newgidmap, pid, &gid_map);
    let uid_argv: Vec<*const libc::c_char> = uid_args.iter().map(|a| a.as_ptr()).chain([std::ptr::null()]).collect();
    let gid_argv: Vec<*const libc::c_char> = gid_args.iter().map(|a| a.as_ptr()).chain([std::ptr::null()]).collect();
    let (go_read, go_write): (OwnedFd, OwnedFd) =
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(EnterError::Sys)?;

    // SAFETY: the child only makes async-signal-safe calls (read, fork,
    // execv, waitpid, _exit) on memory prepared before the fork, and never
    // returns into Rust code.
    let helper = unsafe { libc::fork() };
    if helper < 0 {
        return Err(EnterError::Sys(nix::Error::last()));
    }
    if helper == 0 {
        // SAFETY: see above; argv arrays are NULL-terminated and outlive the calls.
        unsafe {
            drop_fd(go_write.as_raw_fd());
            let mut byte = 0u8;
            if libc::read(go_read.as_raw_fd(), (&mut byte as *mut u8).cast(), 1) != 1 {
                libc::_exit(103);
            }
            // Run newuidmap, then newgidmap; the exit code says which failed.
            for (argv, failed) in [(&uid_argv, 101), (&gid_argv, 102)] {
                let child = libc::fork();
                if child == 0 {
                    libc::execv(argv[0], argv.as_ptr());
                    libc::_exit(127);
                }
                let mut status = 0;
                if child < 0 || libc::waitpid(child, &mut status, 0) != child || status != 0 {
                    libc::_exit(failed);
                }
            }
            libc::_exit(0);
        }
    }
    drop(go_read);
    let unshared = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUSER);
    // Release the helper either way: on failure it exits at EOF.
    if unshared.is_ok() {
        let _ = nix::unistd::write(&go_write, b"g");
    }
    drop(go_write);
    let mut status = 0;
    // SAFETY: waiting for the helper forked above; `status` is a valid out pointer.
    let waited = unsafe { libc::waitpid(helper, &mut status, 0) };
    unshared.map_err(EnterError::Unshare)?;
    if waited != helper || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -1 };
        let (helper_name, file, path) = if code == 102 {
            ("newgidmap", "/etc/subgid", &newgidmap)
        } else {
            ("newuidmap", "/etc/subuid", &newuidmap)
        };
        return Err(EnterError::Helper {
            helper: helper_name,
            path: path.to_string_lossy().into_owned(),
            file,
            user: id.user.clone().unwrap_or_else(|| id.uid.to_string()),
            status: match code {
                101 | 102 => "it printed why above".to_string(),
                other => format!("helper process exit status {other}"),
            },
        });
    }
    become_root()?;
    Ok(Entered { uid_map, gid_map, single_id: false })
}

/// Take uid/gid 0 of the new namespace explicitly (the mapped IDs already
/// are 0; this also sets the saved IDs) and drop supplementary groups that
/// the namespace cannot represent, when allowed.
/// Join the user namespace of process `pid` (one made by [`enter`] and
/// kept alive by that process) and become root in it: a few system calls
/// instead of the helpers. Call it while single-threaded.
pub fn join(pid: i32) -> Result<(), EnterError> {
    let ns = std::fs::File::open(format!("/proc/{pid}/ns/user"))
        .map_err(|e| EnterError::Sys(nix::Error::from_raw(e.raw_os_error().unwrap_or(libc::ENOENT))))?;
    nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWUSER).map_err(EnterError::Sys)?;
    become_root()
}

fn become_root() -> Result<(), EnterError> {
    let root_u = nix::unistd::Uid::from_raw(0);
    let root_g = nix::unistd::Gid::from_raw(0);
    nix::unistd::setresgid(root_g, root_g, root_g).map_err(EnterError::Sys)?;
    nix::unistd::setresuid(root_u, root_u, root_u).map_err(EnterError::Sys)?;
    let _ = nix::unistd::setgroups(&[]);
    Ok(())
}

fn drop_fd(fd: i32) {
    // SAFETY: closing a descriptor this process owns, in the forked child.
    unsafe {
        libc::close(fd);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helper_arguments() {
        let maps = [
            IdMap { container_id: 0, host_id: 1000, size: 1 },
            IdMap { container_id: 1, host_id: 100000, size: 65536 },
        ];
        let helper = CString::new("/usr/bin/newuidmap").unwrap();
        let args: Vec<String> = map_args(&helper, 42, &maps).into_iter().map(|c| c.into_string().unwrap()).collect();
        assert_eq!(args, ["/usr/bin/newuidmap", "42", "0", "1000", "1", "1", "100000", "65536"]);
    }

    #[test]
    fn the_test_process_is_in_the_initial_namespace_or_knows_it_is_not() {
        let map = std::fs::read_to_string("/proc/self/uid_map").unwrap();
        assert_eq!(in_user_namespace(), !map.split_whitespace().eq(["0", "0", "4294967295"]));
    }
}
