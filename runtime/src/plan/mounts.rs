//! Mount entries of the spec turned into mount flags, attributes and file
//! system options.

use nix::mount::MsFlags;

use crate::error::RuntimeError;

use super::*;

pub(crate) fn fs_options(data: &[String]) -> Result<Vec<FsOption>, RuntimeError> {
    data.iter()
        .map(|d| match d.split_once('=') {
            Some((k, v)) => Ok((cstring(k, "mount option")?, Some(cstring(v, "mount option")?))),
            None => Ok((cstring(d, "mount option")?, None)),
        })
        .collect()
}

#[derive(Debug)]
pub(crate) struct MountOptions {
    pub(crate) flags: MsFlags,
    pub(crate) clear: MsFlags,
    pub(crate) propagation: Option<MsFlags>,
    pub(crate) bind: bool,
    pub(crate) recursive: bool,
    pub(crate) data: Vec<String>,
}

pub(crate) fn parse_mount_options(options: &[String]) -> MountOptions {
    let mut o = MountOptions {
        flags: MsFlags::empty(),
        clear: MsFlags::empty(),
        propagation: None,
        bind: false,
        recursive: false,
        data: Vec::new(),
    };
    for opt in options {
        let (set, clr) = match opt.as_str() {
            "defaults" => (MsFlags::empty(), MsFlags::empty()),
            "ro" => (MsFlags::MS_RDONLY, MsFlags::empty()),
            "rw" => (MsFlags::empty(), MsFlags::MS_RDONLY),
            "nosuid" => (MsFlags::MS_NOSUID, MsFlags::empty()),
            "suid" => (MsFlags::empty(), MsFlags::MS_NOSUID),
            "nodev" => (MsFlags::MS_NODEV, MsFlags::empty()),
            "dev" => (MsFlags::empty(), MsFlags::MS_NODEV),
            "noexec" => (MsFlags::MS_NOEXEC, MsFlags::empty()),
            "exec" => (MsFlags::empty(), MsFlags::MS_NOEXEC),
            "sync" => (MsFlags::MS_SYNCHRONOUS, MsFlags::empty()),
            "async" => (MsFlags::empty(), MsFlags::MS_SYNCHRONOUS),
            "dirsync" => (MsFlags::MS_DIRSYNC, MsFlags::empty()),
            "mand" => (MsFlags::MS_MANDLOCK, MsFlags::empty()),
            "nomand" => (MsFlags::empty(), MsFlags::MS_MANDLOCK),
            "noatime" => (MsFlags::MS_NOATIME, MsFlags::empty()),
            "atime" => (MsFlags::empty(), MsFlags::MS_NOATIME),
            "nodiratime" => (MsFlags::MS_NODIRATIME, MsFlags::empty()),
            "diratime" => (MsFlags::empty(), MsFlags::MS_NODIRATIME),
            "relatime" => (MsFlags::MS_RELATIME, MsFlags::empty()),
            "norelatime" => (MsFlags::empty(), MsFlags::MS_RELATIME),
            "strictatime" => (MsFlags::MS_STRICTATIME, MsFlags::empty()),
            "nostrictatime" => (MsFlags::empty(), MsFlags::MS_STRICTATIME),
            "bind" => {
                o.bind = true;
                continue;
            }
            "rbind" => {
                o.bind = true;
                o.recursive = true;
                continue;
            }
            "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" | "unbindable" | "runbindable" => {
                o.propagation = propagation_flags(opt);
                continue;
            }
            // Podman/Docker annotations that are not mount options (the engine
            // applies them; `tmpcopyup`/`idmap`/`ridmap` are refused by the plan).
            "z" | "Z" | "U" | "copy" | "nocopy" | "notmpcopyup" => continue,
            other => {
                o.data.push(other.to_string());
                continue;
            }
        };
        o.flags |= set;
        o.flags &= !clr;
        o.clear |= clr;
        o.clear &= !set;
    }
    o
}

pub(crate) fn propagation_flags(name: &str) -> Option<MsFlags> {
    Some(match name {
        "private" => MsFlags::MS_PRIVATE,
        "rprivate" => MsFlags::MS_PRIVATE | MsFlags::MS_REC,
        "shared" => MsFlags::MS_SHARED,
        "rshared" => MsFlags::MS_SHARED | MsFlags::MS_REC,
        "slave" => MsFlags::MS_SLAVE,
        "rslave" => MsFlags::MS_SLAVE | MsFlags::MS_REC,
        "unbindable" => MsFlags::MS_UNBINDABLE,
        "runbindable" => MsFlags::MS_UNBINDABLE | MsFlags::MS_REC,
        _ => return None,
    })
}

/// The `MOUNT_ATTR_*` sets for a bind mount with these mount flags.
pub(crate) fn bind_attrs(flags: MsFlags, clear: MsFlags) -> (u64, u64) {
    let mut set = 0;
    let mut clr = 0;
    for (f, a) in [
        (MsFlags::MS_RDONLY, attr::RDONLY),
        (MsFlags::MS_NOSUID, attr::NOSUID),
        (MsFlags::MS_NODEV, attr::NODEV),
        (MsFlags::MS_NOEXEC, attr::NOEXEC),
        (MsFlags::MS_NODIRATIME, attr::NODIRATIME),
    ] {
        if flags.contains(f) {
            set |= a;
        }
        if clear.contains(f) {
            clr |= a;
        }
    }
    if flags.contains(MsFlags::MS_NOATIME) {
        set |= attr::NOATIME;
        clr |= attr::ATIME_MASK;
    } else if flags.contains(MsFlags::MS_STRICTATIME) {
        set |= attr::STRICTATIME;
        clr |= attr::ATIME_MASK;
    }
    (set, clr)
}
