//! [`container_plan`]: the whole init of a new container from its spec
//! (namespaces, devices, mounts, then the process).

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use nix::mount::MsFlags;
use oci_spec::runtime::{LinuxNamespaceType, Spec};

use crate::error::RuntimeError;

use super::*;

pub(crate) struct DeviceSpec {
    pub(crate) path: String,
    pub(crate) kind: u32,
    pub(crate) major: u64,
    pub(crate) minor: u64,
    pub(crate) mode: u32,
    pub(crate) uid: u32,
    pub(crate) gid: u32,
}

/// The standard devices of `/dev` (OCI's implicit default devices).
pub(crate) const DEFAULT_DEVICES: [(&str, u64, u64); 6] =
    [("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8), ("urandom", 1, 9), ("tty", 5, 0)];

/// Does `linux.resources.devices` end up allowing every device (a last
/// wildcard rule `allow: true` for `rwm`, as `--privileged` writes)? The
/// runtime has no device cgroup of its own yet, so anything short of that
/// keeps the container's root file system `nodev`: device nodes shipped
/// in an image are inert (only those the runtime makes in `/dev`, and
/// those asked for, work), as runc's device controller would have it.
pub(crate) fn devices_allow_all(resources: Option<&oci_spec::runtime::LinuxResources>) -> bool {
    let rules = resources.and_then(|r| r.devices().as_ref());
    let wildcard = |d: &&oci_spec::runtime::LinuxDeviceCgroup| {
        d.major().is_none()
            && d.minor().is_none()
            && d.typ().is_none_or(|t| t == oci_spec::runtime::LinuxDeviceType::A)
            && d.access().as_deref().is_none_or(|a| ["r", "w", "m"].iter().all(|c| a.contains(c)))
    };
    rules.and_then(|r| r.iter().rev().find(wildcard)).is_some_and(|d| d.allow())
}

/// The plan for a container's init.
pub(crate) fn container_plan(
    spec: &Spec,
    host: HostFacts,
) -> Result<(ContainerPlan, Vec<std::fs::File>), RuntimeError> {
    let process = spec.process().as_ref().ok_or_else(|| RuntimeError::InvalidSpec("no process".into()))?;
    let root = spec.root().as_ref().ok_or_else(|| RuntimeError::InvalidSpec("no root".into()))?;
    let rootfs = std::fs::canonicalize(root.path())
        .map_err(|e| RuntimeError::io(format!("root path {}", root.path().display()), e))?;
    if !rootfs.is_dir() {
        return Err(RuntimeError::InvalidSpec(format!("root path {} is not a directory", rootfs.display())));
    }
    let linux = spec.linux().as_ref();
    lsm_setting("linux.mountLabel", linux.and_then(|l| l.mount_label().as_deref()), Lsm::SELinux)?;

    // Namespaces: new ones become clone flags; those with a path are joined
    // (the PID namespace by the engine's thread before the clone: a process
    // enters one only by being forked into it).
    let mut clone_flags: u64 = 0;
    let mut join_files = Vec::new();
    let mut join = Vec::new();
    let mut pid_join = None;
    let ns_list = linux.and_then(|l| l.namespaces().as_ref());
    let listed = |t: LinuxNamespaceType| ns_list.and_then(|ns| ns.iter().find(|n| n.typ() == t));
    let has_new = |t: LinuxNamespaceType| listed(t).is_some_and(|n| n.path().is_none());
    let new_net = has_new(LinuxNamespaceType::Network);
    let new_user = has_new(LinuxNamespaceType::User);
    for (idx, (typ, flag, name)) in NAMESPACES.into_iter().enumerate() {
        let Some(ns) = listed(typ) else { continue };
        match ns.path() {
            None => clone_flags |= flag as u64,
            Some(path) => {
                let f = std::fs::File::open(path)
                    .map_err(|e| RuntimeError::io(format!("{name} namespace {}", path.display()), e))?;
                let fd = std::os::fd::AsRawFd::as_raw_fd(&f);
                if typ == LinuxNamespaceType::Pid {
                    pid_join = Some(fd);
                } else {
                    join.push((fd, flag, idx as u32));
                }
                join_files.push(f);
            }
        }
    }
    // A new user namespace: every other namespace to join but the mount
    // namespace is joined before it is made (see `ContainerPlan::early_join`).
    let mut early_join = Vec::new();
    if new_user {
        let (early, late): (Vec<_>, Vec<_>) = join.into_iter().partition(|&(_, flag, _)| flag != libc::CLONE_NEWNS);
        early_join = early;
        join = late;
    }
    let joined_user = listed(LinuxNamespaceType::User).is_some_and(|n| n.path().is_some());
    // Namespaces made after joining a user namespace must belong to it, so
    // they are unshared by the init once it has joined (runc's order), not
    // made by the clone; a new PID namespace is entered by one more fork
    // there (runc's stage-2 child: see `ContainerPlan::fork_init`).
    let mut unshare_flags = 0;
    if joined_user {
        unshare_flags = std::mem::take(&mut clone_flags);
    }
    // Without a mount namespace of its own (OCI: the runtime's is
    // inherited) the init only chroots into the root file system: pivot_root
    // or mounts there would change the caller's namespace, so a config that
    // needs them is refused (as runc refuses masked paths without one). A
    // joined mount namespace is set up like a new one (as runc does).
    let chroot_only = listed(LinuxNamespaceType::Mount).is_none();
    let userns = new_user || joined_user;
    // mknod works only for real root outside any user namespace.
    let can_mknod = host.init_root && !userns;
    // sysfs can always be mounted by real root; elsewhere only when the
    // container owns its network namespace (and even then it may be refused).
    let sysfs_may_fail = !host.init_root || userns;
    let mut trees: Vec<Tree> = Vec::new();
    let tree = |path: &Path, recursive: bool, trees: &mut Vec<Tree>| -> Result<usize, RuntimeError> {
        let path = cstring(path.as_os_str().as_bytes(), "mount source")?;
        trees.push(Tree { path, recursive, optional: false, mntns: None });
        Ok(trees.len() - 1)
    };

    let mut mounts = Vec::new();
    let mut dev_mounted = false;
    let mut pts_mounted = false;
    for m in spec.mounts().iter().flatten() {
        let dest = clean_abs(m.destination())?;
        if dest == "/" {
            return Err(RuntimeError::InvalidSpec("a mount on / is not supported (use root.path)".into()));
        }
        let typ = m.typ().clone().unwrap_or_default();
        let raw_opts = m.options().as_deref().unwrap_or(&[]);
        // crun's extensions that change what is mounted: refused, never skipped.
        if let Some(o) = raw_opts.iter().find(|o| matches!(o.as_str(), "tmpcopyup" | "idmap" | "ridmap")) {
            return Err(RuntimeError::InvalidSpec(format!(
                "the mount option {o} (mount on {dest}) is not supported by rpod's runtime"
            )));
        }
        let opts = parse_mount_options(raw_opts);
        let is_bind = opts.bind || typ == "bind";
        let target = cstring(&dest, "mount destination")?;
        if is_bind {
            let src = m
                .source()
                .clone()
                .ok_or_else(|| RuntimeError::InvalidSpec(format!("bind mount on {dest} without a source")))?;
            let src =
                if src.is_absolute() { src } else { std::env::current_dir().map(|d| d.join(&src)).unwrap_or(src) };
            let meta = std::fs::metadata(&src)
                .map_err(|e| RuntimeError::io(format!("bind mount source {}", src.display()), e))?;
            let (set, clr) = bind_attrs(opts.flags, opts.clear);
            let t = tree(&src, opts.recursive, &mut trees)?;
            if let Some((pid, inside)) = in_process_root(&src) {
                // Another process's file: reached through its mount namespace.
                let ns = std::fs::File::open(format!("/proc/{pid}/ns/mnt"))
                    .map_err(|e| RuntimeError::io(format!("bind mount source {}", src.display()), e))?;
                trees[t].path = cstring(inside.as_bytes(), "mount source")?;
                trees[t].mntns = Some((std::os::fd::AsRawFd::as_raw_fd(&ns), pid));
                join_files.push(ns);
            }
            mounts.push(MountOp {
                desc: format!("bind-mounting {} on {dest}", src.display()),
                target,
                file: !meta.is_dir(),
                kind: MountKind::Bind { tree: t },
                fallback: Fallback::Fail,
                attr_set: set,
                attr_clr: clr,
                recursive: opts.recursive,
                propagation: opts.propagation,
            });
            continue;
        }
        let fstype = match typ.as_str() {
            "" => return Err(RuntimeError::InvalidSpec(format!("mount on {dest} has no type"))),
            "cgroup" => "cgroup2".to_string(),
            t => t.to_string(),
        };
        let source = m
            .source()
            .as_ref()
            .map(|s| s.as_os_str().as_bytes().to_vec())
            .unwrap_or_else(|| fstype.as_bytes().to_vec());
        let (set, clr) = bind_attrs(opts.flags, opts.clear);
        let fallback = match fstype.as_str() {
            "cgroup2" => Fallback::Skip,
            "sysfs" if sysfs_may_fail => {
                let t = tree(Path::new("/sys"), true, &mut trees)?;
                trees[t].optional = true;
                Fallback::Tree(t)
            }
            "devpts" if opts.data.iter().any(|d| d.starts_with("gid=")) => {
                let rest: Vec<String> = opts.data.iter().filter(|d| !d.starts_with("gid=")).cloned().collect();
                Fallback::RetryOptions(fs_options(&rest)?)
            }
            "mqueue" if !host.init_root || userns => Fallback::Skip,
            _ => Fallback::Fail,
        };
        if dest == "/dev" {
            dev_mounted = true;
        }
        if fstype == "devpts" && dest == "/dev/pts" {
            pts_mounted = true;
        }
        mounts.push(MountOp {
            desc: format!("mounting {fstype} on {dest}"),
            target,
            file: false,
            kind: MountKind::Fs {
                source: cstring(&source, "mount source")?,
                fstype: cstring(&fstype, "mount type")?,
                options: {
                    let mut o = fs_options(&opts.data)?;
                    for (flag, name) in [(MsFlags::MS_SYNCHRONOUS, "sync"), (MsFlags::MS_DIRSYNC, "dirsync")] {
                        if opts.flags.contains(flag) {
                            o.push((cstring(name, "mount option")?, None));
                        }
                    }
                    o
                },
                attrs: set,
            },
            fallback,
            attr_set: set,
            attr_clr: clr,
            recursive: true,
            propagation: opts.propagation,
        });
    }

    // Devices: the standard ones when /dev is ours, plus the spec's.
    let mut devices = Vec::new();
    let add_device = |devices: &mut Vec<DeviceOp>, trees: &mut Vec<Tree>, d: DeviceSpec| -> Result<(), RuntimeError> {
        let how = if can_mknod {
            DevHow::Mknod { mode: d.kind | (d.mode & 0o7777), dev: nix::sys::stat::makedev(d.major, d.minor) }
        } else {
            DevHow::Bind { tree: tree(Path::new(&d.path), false, trees)? }
        };
        devices.retain(|x| x.path.as_bytes() != d.path.as_bytes());
        devices.push(DeviceOp { path: cstring(&d.path, "device path")?, how, uid: d.uid, gid: d.gid });
        Ok(())
    };
    if dev_mounted {
        for (name, major, minor) in DEFAULT_DEVICES {
            let d = DeviceSpec {
                path: format!("/dev/{name}"),
                kind: libc::S_IFCHR,
                major,
                minor,
                mode: 0o666,
                uid: 0,
                gid: 0,
            };
            add_device(&mut devices, &mut trees, d)?;
        }
    }
    for d in linux.and_then(|l| l.devices().as_ref()).into_iter().flatten() {
        let kind = match d.typ() {
            oci_spec::runtime::LinuxDeviceType::B => libc::S_IFBLK,
            oci_spec::runtime::LinuxDeviceType::P => libc::S_IFIFO,
            _ => libc::S_IFCHR,
        };
        let spec = DeviceSpec {
            path: clean_abs(d.path())?,
            kind,
            major: d.major() as u64,
            minor: d.minor() as u64,
            mode: d.file_mode().unwrap_or(0o666),
            uid: d.uid().unwrap_or(0),
            gid: d.gid().unwrap_or(0),
        };
        add_device(&mut devices, &mut trees, spec)?;
    }
    let mut symlinks = Vec::new();
    if dev_mounted {
        for (target, link) in [
            ("/proc/self/fd", "/dev/fd"),
            ("/proc/self/fd/0", "/dev/stdin"),
            ("/proc/self/fd/1", "/dev/stdout"),
            ("/proc/self/fd/2", "/dev/stderr"),
        ] {
            symlinks.push((cstring(target, "symlink")?, cstring(link, "symlink")?));
        }
        if pts_mounted {
            symlinks.push((cstring("pts/ptmx", "symlink")?, cstring("/dev/ptmx", "symlink")?));
        }
    }

    let mut sysctls = Vec::new();
    for (k, v) in linux.and_then(|l| l.sysctl().as_ref()).into_iter().flatten() {
        if k.contains("..") || k.contains('/') && k.contains('.') {
            return Err(RuntimeError::InvalidSpec(format!("bad sysctl name {k}")));
        }
        sysctls.push((cstring(format!("/proc/sys/{}", k.replace('.', "/")), "sysctl")?, cstring(v, "sysctl value")?));
    }
    let paths = |v: Option<&Vec<String>>| -> Result<Vec<CString>, RuntimeError> {
        v.into_iter().flatten().map(|p| cstring(clean_abs(Path::new(p))?, "path")).collect()
    };
    let masked = paths(linux.and_then(|l| l.masked_paths().as_ref()))?;
    let readonly = paths(linux.and_then(|l| l.readonly_paths().as_ref()))?;

    let hostname = match spec.hostname() {
        Some(h) if !h.is_empty() => {
            if listed(LinuxNamespaceType::Uts).is_none() {
                return Err(RuntimeError::InvalidSpec(
                    "a hostname needs a UTS namespace of the container's own (new or joined by path)".into(),
                ));
            }
            Some(cstring(h, "hostname")?)
        }
        _ => None,
    };
    let domainname =
        spec.domainname().as_ref().filter(|d| !d.is_empty()).map(|d| cstring(d, "domainname")).transpose()?;
    let personality = match linux.and_then(|l| l.personality().as_ref()) {
        None => None,
        Some(p) if p.flags().as_ref().is_some_and(|f| !f.is_empty()) => {
            return Err(RuntimeError::InvalidSpec("linux.personality.flags are not supported".into()))
        }
        Some(p) => Some(match p.domain() {
            oci_spec::runtime::LinuxPersonalityDomain::PerLinux => 0,
            oci_spec::runtime::LinuxPersonalityDomain::PerLinux32 => 0x0008,
        }),
    };
    let propagation = match linux.and_then(|l| l.rootfs_propagation().as_deref()) {
        None | Some("") => None,
        Some(p) => Some(
            propagation_flags(p).ok_or_else(|| RuntimeError::InvalidSpec(format!("unknown rootfsPropagation {p}")))?,
        ),
    };

    // A new user namespace: its maps are written by a caller with
    // CAP_SETGID in its own namespace (setgroups stays as allowed as it is
    // there) or by an unprivileged one, which must deny setgroups first
    // (see `write_id_maps`).
    let setgroups_ok = match listed(LinuxNamespaceType::User).and_then(|n| n.path().as_deref()) {
        // A joined one: as its /proc/PID/setgroups says, when the path names a process.
        Some(path) => setgroups_allowed(proc_pid(path).unwrap_or("self")),
        None => setgroups_allowed("self") && (!new_user || host.may_map),
    };
    let mut process = process_plan(process, setgroups_ok)?;
    process.seccomp = linux.and_then(|l| l.seccomp().as_ref()).map(crate::seccomp::compile).transpose()?;

    if chroot_only {
        let needs = [
            ("linux.maskedPaths", !masked.is_empty()),
            ("linux.readonlyPaths", !readonly.is_empty()),
            ("root.readonly", root.readonly().unwrap_or(false)),
            ("linux.rootfsPropagation", propagation.is_some()),
        ];
        if let Some((what, _)) = needs.iter().find(|n| n.1) {
            return Err(RuntimeError::InvalidSpec(format!(
                "{what} needs a mount namespace of the container's own (add {{\"type\": \"mount\"}} to \
                 linux.namespaces); without one the runtime's is inherited: the root is only changed (chroot) \
                 and mounts are made under it in the runtime's namespace"
            )));
        }
    }
    let root_tree = match userns && !chroot_only {
        true => Some(tree(&rootfs, true, &mut trees)?),
        false => None,
    };
    // The IDs of a new user namespace's init: root's if mapped.
    let maps_root = |m: Option<&Vec<oci_spec::runtime::LinuxIdMapping>>| {
        m.into_iter().flatten().any(|m| m.container_id() == 0 && m.size() > 0)
    };
    let become_ids = (
        if maps_root(linux.and_then(|l| l.uid_mappings().as_ref())) { 0 } else { process.uid },
        if maps_root(linux.and_then(|l| l.gid_mappings().as_ref())) { 0 } else { process.gid },
    );
    let tree_fds = vec![-1; trees.len()];
    let mount_fds = vec![-1; mounts.len()];
    Ok((
        ContainerPlan {
            clone_flags,
            unshare_flags,
            pid_join,
            chroot_only,
            new_userns: new_user,
            joined_userns: joined_user,
            fork_init: joined_user && unshare_flags & libc::CLONE_NEWPID as u64 != 0,
            become_ids,
            join,
            early_join,
            rootfs: cstring(rootfs.as_os_str().as_bytes(), "root path")?,
            root_tree,
            trees,
            tree_fds,
            mounts,
            mount_fds,
            devices,
            symlinks,
            sysctls,
            masked,
            readonly,
            hostname,
            domainname,
            personality,
            loopback: new_net,
            propagation,
            root_readonly: root.readonly().unwrap_or(false),
            root_nodev: !devices_allow_all(linux.and_then(|l| l.resources().as_ref())),
            process,
        },
        join_files,
    ))
}

/// `(PID, /PATH)` of a `/proc/PID/root/PATH` path: a file as process
/// PID sees it.
pub(crate) fn in_process_root(path: &Path) -> Option<(u32, String)> {
    let rest = path.to_str()?.strip_prefix("/proc/")?;
    let (pid, rest) = rest.split_once('/')?;
    let inside = rest.strip_prefix("root")?;
    if !(inside.is_empty() || inside.starts_with('/')) {
        return None;
    }
    let pid = pid.parse().ok().filter(|_| pid.bytes().all(|b| b.is_ascii_digit()))?;
    Some((pid, clean_abs(Path::new(if inside.is_empty() { "/" } else { inside })).ok()?))
}

/// `PID` of a `/proc/PID/ns/...` path.
fn proc_pid(path: &Path) -> Option<&str> {
    let rest = path.to_str()?.strip_prefix("/proc/")?;
    let (pid, _) = rest.split_once('/')?;
    pid.bytes().all(|b| b.is_ascii_digit()).then_some(pid)
}

impl ContainerPlan {
    /// The description of a failed step, with the plan's details.
    pub fn describe(&self, step: Step, arg: u32) -> String {
        let i = arg as usize;
        let lossy = |c: &CString| c.to_string_lossy().into_owned();
        match step {
            Step::Mount => self.mounts.get(i).map(|m| m.desc.clone()),
            Step::OpenTree => self.trees.get(i).map(|t| match t.mntns {
                Some((_, pid)) => format!("opening {} of process {pid} for a bind mount", lossy(&t.path)),
                None => format!("opening {} for a bind mount", lossy(&t.path)),
            }),
            Step::Device => self.devices.get(i).map(|d| format!("creating device {}", lossy(&d.path))),
            Step::Symlink => {
                self.symlinks.get(i).map(|(t, l)| format!("creating symlink {} -> {}", lossy(l), lossy(t)))
            }
            Step::Sysctl => self.sysctls.get(i).map(|(p, v)| format!("writing {} to {}", lossy(v), lossy(p))),
            Step::Mask => self.masked.get(i).map(|p| format!("masking {}", lossy(p))),
            Step::ReadOnlyPath => self.readonly.get(i).map(|p| format!("making {} read-only", lossy(p))),
            Step::BindRoot => Some(format!("bind-mounting the root file system {} onto itself", lossy(&self.rootfs))),
            Step::PivotRoot => Some(format!("pivot_root into {}", lossy(&self.rootfs))),
            _ => None,
        }
        .unwrap_or_else(|| self.process.describe(step, arg))
    }
}

impl ProcessPlan {
    pub fn describe(&self, step: Step, arg: u32) -> String {
        let cwd = self.cwd.to_string_lossy();
        match step {
            Step::Rlimit => self.rlimit_names.get(arg as usize).cloned().unwrap_or_else(|| step.generic().into()),
            Step::MkdirCwd => format!("creating the working directory {cwd}"),
            Step::Chdir => format!("changing to the working directory {cwd}"),
            Step::CwdOutside => format!("the working directory {cwd} is outside the container"),
            Step::Uid => format!("setting the user ID to {}", self.uid),
            Step::Gid => format!("setting the group ID to {}", self.gid),
            Step::Groups => format!("setting supplementary groups {:?}", self.groups.as_deref().unwrap_or(&[])),
            Step::JoinNamespace => {
                format!("joining the container's {} namespace", NAMESPACES.get(arg as usize).map_or("?", |n| n.2))
            }
            _ => step.generic().to_string(),
        }
    }
}
