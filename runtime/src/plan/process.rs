//! The process part of a plan (user, groups, capabilities, rlimits,
//! seccomp, LSM settings), shared by create and exec.

use std::ffi::CString;
use std::path::Path;

use oci_spec::runtime::{Capabilities, Process};

use crate::error::RuntimeError;
use crate::sys::CapMasks;

use super::*;

pub(crate) fn cap_bit(c: &oci_spec::runtime::Capability) -> Option<u64> {
    let name = format!("CAP_{c}");
    crate::caps::ALL.iter().position(|n| *n == name).map(|i| 1u64 << i)
}

pub(crate) fn cap_mask(set: Option<&Capabilities>) -> u64 {
    set.map(|s| s.iter().filter_map(cap_bit).fold(0, |a, b| a | b)).unwrap_or(0)
}

pub(crate) fn rlimit_resource(t: oci_spec::runtime::PosixRlimitType) -> i32 {
    use oci_spec::runtime::PosixRlimitType::*;
    (match t {
        RlimitCpu => libc::RLIMIT_CPU,
        RlimitFsize => libc::RLIMIT_FSIZE,
        RlimitData => libc::RLIMIT_DATA,
        RlimitStack => libc::RLIMIT_STACK,
        RlimitCore => libc::RLIMIT_CORE,
        RlimitRss => libc::RLIMIT_RSS,
        RlimitNproc => libc::RLIMIT_NPROC,
        RlimitNofile => libc::RLIMIT_NOFILE,
        RlimitMemlock => libc::RLIMIT_MEMLOCK,
        RlimitAs => libc::RLIMIT_AS,
        RlimitLocks => libc::RLIMIT_LOCKS,
        RlimitSigpending => libc::RLIMIT_SIGPENDING,
        RlimitMsgqueue => libc::RLIMIT_MSGQUEUE,
        RlimitNice => libc::RLIMIT_NICE,
        RlimitRtprio => libc::RLIMIT_RTPRIO,
        RlimitRttime => libc::RLIMIT_RTTIME,
    }) as i32
}

pub(crate) fn ptr_array(strings: &[CString]) -> Vec<*const libc::c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// The process part of a plan. `setgroups_ok`: whether setgroups is allowed
/// in the user namespace the process will run in.
pub(crate) fn process_plan(p: &Process, setgroups_ok: bool) -> Result<ProcessPlan, RuntimeError> {
    let args = p.args().clone().unwrap_or_default();
    let Some(arg0) = args.first().cloned() else {
        return Err(RuntimeError::InvalidSpec("process.args is empty".into()));
    };
    if arg0.is_empty() {
        return Err(RuntimeError::InvalidSpec("process.args[0] is empty".into()));
    }
    lsm_setting("process.selinuxLabel", p.selinux_label().as_deref(), Lsm::SELinux)?;
    lsm_setting("process.apparmorProfile", p.apparmor_profile().as_deref(), Lsm::AppArmor)?;
    let env = p.env().clone().unwrap_or_default();
    let cwd = if p.cwd().as_os_str().is_empty() { "/".to_string() } else { clean_abs(p.cwd())? };

    let path_var = env.iter().rev().find_map(|e| e.strip_prefix("PATH=")).unwrap_or(crate::spec::DEFAULT_PATH);
    let candidates: Vec<CString> = if arg0.contains('/') {
        vec![cstring(&arg0, "process.args[0]")?]
    } else {
        path_var
            .split(':')
            .map(|dir| {
                let dir = if dir.is_empty() { "." } else { dir };
                cstring(format!("{}/{arg0}", dir.trim_end_matches('/')), "PATH")
            })
            .collect::<Result<_, _>>()?
    };

    let argv: Vec<CString> = args.iter().map(|a| cstring(a, "process.args")).collect::<Result<_, _>>()?;
    let envs: Vec<CString> = env.iter().map(|e| cstring(e, "process.env")).collect::<Result<_, _>>()?;

    let mut rlimits = Vec::new();
    let mut rlimit_names = Vec::new();
    for r in p.rlimits().iter().flatten() {
        if r.soft() > r.hard() {
            return Err(RuntimeError::InvalidSpec(format!(
                "{}: soft limit {} above hard limit {}",
                r.typ(),
                r.soft(),
                r.hard()
            )));
        }
        rlimits.push((rlimit_resource(r.typ()), r.soft(), r.hard()));
        rlimit_names.push(format!("setting {} to {}:{}", r.typ(), r.soft(), r.hard()));
    }

    let user = p.user();
    let gids: Vec<libc::gid_t> = user.additional_gids().clone().unwrap_or_default();
    let groups = if setgroups_ok {
        Some(gids)
    } else if gids.is_empty() {
        None
    } else {
        return Err(RuntimeError::InvalidSpec(
            "supplementary groups were asked for, but setgroups is denied in this user namespace".into(),
        ));
    };

    let caps = p.capabilities().as_ref();
    let bounding = cap_mask(caps.and_then(|c| c.bounding().as_ref()));
    let masks = CapMasks {
        effective: cap_mask(caps.and_then(|c| c.effective().as_ref())),
        permitted: cap_mask(caps.and_then(|c| c.permitted().as_ref())),
        inheritable: cap_mask(caps.and_then(|c| c.inheritable().as_ref())),
    };
    // The kernel raises an ambient capability only when it is permitted
    // and inheritable; like runc, the others are left out rather than
    // failing the start (`runc spec` lists ambient but no inheritable).
    let ambient = cap_mask(caps.and_then(|c| c.ambient().as_ref())) & masks.permitted & masks.inheritable;

    let argv_ptrs = ptr_array(&argv);
    let env_ptrs = ptr_array(&envs);
    Ok(ProcessPlan {
        arg0,
        cwd: cstring(&cwd, "process.cwd")?,
        rlimits,
        rlimit_names,
        no_new_privs: p.no_new_privileges().unwrap_or(false),
        seccomp: None,
        uid: user.uid(),
        gid: user.gid(),
        groups,
        bounding,
        caps: masks,
        ambient,
        umask: user.umask().unwrap_or(0o022),
        oom_score_adj: p.oom_score_adj().map(|v| CString::new(v.to_string()).expect("a number has no NUL")),
        terminal: p.terminal().unwrap_or(false),
        console_size: p
            .console_size()
            .map(|b| (b.height().min(u16::MAX as u64) as u16, b.width().min(u16::MAX as u64) as u16)),
        _argv: argv,
        argv: argv_ptrs,
        _env: envs,
        envp: env_ptrs,
        candidates,
    })
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Lsm {
    SELinux,
    AppArmor,
}

impl Lsm {
    fn enabled(self) -> bool {
        match self {
            Lsm::SELinux => Path::new("/sys/fs/selinux/enforce").exists(),
            Lsm::AppArmor => {
                std::fs::read_to_string("/sys/module/apparmor/parameters/enabled").is_ok_and(|s| s.trim() == "Y")
            }
        }
    }
}

/// A security label or profile the runtime cannot apply is refused, never
/// ignored: where the LSM is not enabled, and (for now) where it is.
pub(crate) fn lsm_setting(field: &str, value: Option<&str>, lsm: Lsm) -> Result<(), RuntimeError> {
    let Some(v) = value.filter(|v| !v.is_empty()) else { return Ok(()) };
    Err(RuntimeError::InvalidSpec(if lsm.enabled() {
        format!(
            "{field} {v:?}: applying {lsm:?} settings is not implemented in rpod's runtime (remove it from the config)"
        )
    } else {
        format!(
            "{field} {v:?}: {lsm:?} is not enabled on this host, so it cannot be applied (remove it from the config)"
        )
    }))
}

/// What the engine learned about the host that shapes the plan.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HostFacts {
    /// Real root in the initial user namespace (mknod, sysfs anywhere).
    pub init_root: bool,
    /// CAP_SETUID and CAP_SETGID in the caller's user namespace (real root,
    /// or root of the engine's user namespace): it may write any ID map of
    /// a user namespace it makes without denying setgroups first.
    pub may_map: bool,
}
