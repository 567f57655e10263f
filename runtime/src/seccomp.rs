//! Seccomp: Podman's default profile, Docker/OCI-format profiles read from
//! files, their conversion into the OCI `linux.seccomp` section for a
//! container's capabilities (Podman's semantics: `includes`/`excludes` by
//! capability, architecture and kernel version are resolved here, so the
//! spec holds plain rules), and the compilation of that section into a
//! classic BPF program for this machine's architecture (with `seccompiler`,
//! before the clone: the child only hands the program to the kernel).
//!
//! The default profile (`seccomp_default.json`) follows containers/common's
//! `pkg/seccomp/seccomp.json`: unknown system calls fail with ENOSYS
//! (`defaultErrnoRet` 38, so programs fall back from new calls such as
//! `clone3` alternatives gracefully), a handful of dangerous ones with
//! EPERM, the rest of the list is allowed, some only with the capability
//! they need.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use oci_spec::runtime::{
    Arch, Capabilities, LinuxSeccomp, LinuxSeccompAction, LinuxSeccompArg, LinuxSeccompArgBuilder, LinuxSeccompBuilder,
    LinuxSeccompOperator, LinuxSyscallBuilder,
};
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter, SeccompRule, TargetArch,
};
use serde::Deserialize;

use crate::error::RuntimeError;
use crate::seccomp_syscalls::SYSCALLS;

/// Podman's default profile, in the Docker format.
pub const DEFAULT_PROFILE_JSON: &str = include_str!("seccomp_default.json");

/// The architecture names a profile's `includes.arches` uses (Go's).
#[cfg(target_arch = "x86_64")]
const NATIVE_GO_ARCH: &str = "amd64";
#[cfg(target_arch = "aarch64")]
const NATIVE_GO_ARCH: &str = "arm64";
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const NATIVE_GO_ARCH: &str = "unsupported";

#[cfg(target_arch = "x86_64")]
const NATIVE_ARCH: Arch = Arch::ScmpArchX86_64;
#[cfg(target_arch = "aarch64")]
const NATIVE_ARCH: Arch = Arch::ScmpArchAarch64;
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const NATIVE_ARCH: Arch = Arch::ScmpArchNative;

// ---- The Docker/Podman profile format --------------------------------------

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawProfile {
    default_action: String,
    #[serde(default)]
    default_errno_ret: Option<u32>,
    #[serde(default)]
    architectures: Option<Vec<String>>,
    #[serde(default)]
    arch_map: Option<Vec<RawArchMap>>,
    #[serde(default)]
    syscalls: Option<Vec<RawSyscall>>,
    #[serde(default)]
    listener_path: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawArchMap {
    architecture: String,
    #[serde(default)]
    sub_architectures: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSyscall {
    #[serde(default)]
    names: Option<Vec<String>>,
    /// The old single-name form.
    #[serde(default)]
    name: Option<String>,
    action: String,
    #[serde(default)]
    errno_ret: Option<u32>,
    #[serde(default)]
    args: Option<Vec<RawArg>>,
    #[serde(default)]
    includes: Option<Filter>,
    #[serde(default)]
    excludes: Option<Filter>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawArg {
    index: usize,
    value: u64,
    #[serde(default)]
    value_two: Option<u64>,
    op: String,
}

/// A rule's `includes` / `excludes`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
struct Filter {
    #[serde(default)]
    caps: Option<Vec<String>>,
    #[serde(default)]
    arches: Option<Vec<String>>,
    #[serde(default)]
    min_kernel: Option<String>,
}

#[derive(Debug, Clone)]
struct Rule {
    names: Vec<String>,
    action: LinuxSeccompAction,
    errno_ret: Option<u32>,
    args: Vec<LinuxSeccompArg>,
    includes: Filter,
    excludes: Filter,
}

/// A seccomp profile in the Docker/Podman format (`defaultAction`,
/// `archMap`/`architectures`, `syscalls: [{names, action, errnoRet, args,
/// includes, excludes}]`), validated; an OCI `linux.seccomp` section is
/// accepted too (it is the same format without the conditions).
#[derive(Debug, Clone)]
pub struct Profile {
    default_action: LinuxSeccompAction,
    default_errno_ret: Option<u32>,
    architectures: Vec<Arch>,
    arch_map: Vec<(Arch, Vec<Arch>)>,
    rules: Vec<Rule>,
}

fn parse_action(s: &str) -> Result<LinuxSeccompAction, String> {
    use LinuxSeccompAction::*;
    Ok(match s {
        "SCMP_ACT_KILL" => ScmpActKill,
        "SCMP_ACT_KILL_THREAD" => ScmpActKillThread,
        "SCMP_ACT_KILL_PROCESS" => ScmpActKillProcess,
        "SCMP_ACT_TRAP" => ScmpActTrap,
        "SCMP_ACT_ERRNO" => ScmpActErrno,
        "SCMP_ACT_TRACE" => ScmpActTrace,
        "SCMP_ACT_LOG" => ScmpActLog,
        "SCMP_ACT_ALLOW" => ScmpActAllow,
        "SCMP_ACT_NOTIFY" => return Err("action SCMP_ACT_NOTIFY is not supported (rpod has no seccomp agent)".into()),
        other => return Err(format!("unknown action {other:?}")),
    })
}

fn parse_op(s: &str) -> Result<LinuxSeccompOperator, String> {
    use LinuxSeccompOperator::*;
    Ok(match s {
        "SCMP_CMP_NE" => ScmpCmpNe,
        "SCMP_CMP_LT" => ScmpCmpLt,
        "SCMP_CMP_LE" => ScmpCmpLe,
        "SCMP_CMP_EQ" => ScmpCmpEq,
        "SCMP_CMP_GE" => ScmpCmpGe,
        "SCMP_CMP_GT" => ScmpCmpGt,
        "SCMP_CMP_MASKED_EQ" => ScmpCmpMaskedEq,
        other => return Err(format!("unknown argument operator {other:?}")),
    })
}

fn parse_arch(s: &str) -> Result<Arch, String> {
    Arch::from_str(s).map_err(|_| format!("unknown architecture {s:?}"))
}

impl Profile {
    /// Podman's default profile.
    pub fn podman_default() -> Profile {
        Profile::parse(DEFAULT_PROFILE_JSON).expect("the built-in seccomp profile is valid")
    }

    /// Read a profile from a JSON file.
    pub fn from_file(path: &Path) -> Result<Profile, RuntimeError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| RuntimeError::io(format!("reading the seccomp profile {}", path.display()), e))?;
        Profile::parse(&text).map_err(|e| RuntimeError::InvalidSpec(format!("seccomp profile {}: {e}", path.display())))
    }

    /// Parse and validate a profile; the error says what is wrong.
    pub fn parse(json: &str) -> Result<Profile, String> {
        let raw: RawProfile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if raw.listener_path.as_deref().is_some_and(|p| !p.is_empty()) {
            return Err("listenerPath (a seccomp agent) is not supported".into());
        }
        let default_action = parse_action(&raw.default_action).map_err(|e| format!("defaultAction: {e}"))?;
        let architectures = raw.architectures.iter().flatten().map(|a| parse_arch(a)).collect::<Result<Vec<_>, _>>()?;
        let mut arch_map = Vec::new();
        for m in raw.arch_map.iter().flatten() {
            let subs = m.sub_architectures.iter().flatten().map(|a| parse_arch(a)).collect::<Result<Vec<_>, _>>()?;
            arch_map.push((parse_arch(&m.architecture)?, subs));
        }
        let mut rules = Vec::new();
        for (i, s) in raw.syscalls.into_iter().flatten().enumerate() {
            let mut names = s.names.unwrap_or_default();
            names.extend(s.name);
            if names.is_empty() {
                return Err(format!("syscalls[{i}]: no names"));
            }
            let action = parse_action(&s.action).map_err(|e| format!("syscalls[{i}] ({}): {e}", names[0]))?;
            let mut args = Vec::new();
            for a in s.args.into_iter().flatten() {
                if a.index > 5 {
                    return Err(format!("syscalls[{i}] ({}): argument index {} (at most 5)", names[0], a.index));
                }
                let op = parse_op(&a.op).map_err(|e| format!("syscalls[{i}] ({}): {e}", names[0]))?;
                let mut b = LinuxSeccompArgBuilder::default().index(a.index).value(a.value).op(op);
                if let Some(v2) = a.value_two {
                    b = b.value_two(v2);
                }
                args.push(b.build().map_err(|e| e.to_string())?);
            }
            for f in [&s.includes, &s.excludes].into_iter().flatten() {
                if let Some(k) = &f.min_kernel {
                    parse_kernel_version(k).ok_or_else(|| format!("syscalls[{i}]: bad minKernel {k:?}"))?;
                }
            }
            rules.push(Rule {
                names,
                action,
                errno_ret: s.errno_ret,
                args,
                includes: s.includes.unwrap_or_default(),
                excludes: s.excludes.unwrap_or_default(),
            });
        }
        Ok(Profile { default_action, default_errno_ret: raw.default_errno_ret, architectures, arch_map, rules })
    }

    /// The OCI `linux.seccomp` section for a container with these
    /// capabilities (its bounding set) on this machine, as Podman makes it:
    /// rules whose `includes` the container does not meet, or whose
    /// `excludes` it does, are left out.
    pub fn to_oci(&self, caps: &Capabilities) -> LinuxSeccomp {
        let kernel = running_kernel();
        let has_cap = |name: &String| crate::caps::parse_capability(name).is_some_and(|c| caps.contains(&c));
        let arch_ok = |a: &String| a == NATIVE_GO_ARCH;
        let kernel_ok = |k: &Option<String>| match (k.as_deref().and_then(parse_kernel_version), kernel) {
            (Some(min), Some(running)) => running >= min,
            _ => true,
        };
        let mut syscalls = Vec::new();
        for r in &self.rules {
            let inc = &r.includes;
            if let Some(a) = &inc.arches {
                if !a.is_empty() && !a.iter().any(arch_ok) {
                    continue;
                }
            }
            if !inc.caps.iter().flatten().all(has_cap) || !kernel_ok(&inc.min_kernel) {
                continue;
            }
            let exc = &r.excludes;
            if exc.arches.iter().flatten().any(arch_ok) || exc.caps.iter().flatten().any(has_cap) {
                continue;
            }
            if exc.min_kernel.is_some() && kernel_ok(&exc.min_kernel) {
                continue;
            }
            let mut b = LinuxSyscallBuilder::default().names(r.names.clone()).action(r.action);
            if let Some(e) = r.errno_ret {
                b = b.errno_ret(e);
            }
            if !r.args.is_empty() {
                b = b.args(r.args.clone());
            }
            syscalls.push(b.build().expect("syscall rule has no validation"));
        }
        let architectures: Vec<Arch> = if self.arch_map.is_empty() {
            self.architectures.clone()
        } else {
            self.arch_map
                .iter()
                .filter(|(a, _)| *a == NATIVE_ARCH)
                .flat_map(|(a, subs)| std::iter::once(*a).chain(subs.iter().copied()))
                .collect()
        };
        let mut s = LinuxSeccompBuilder::default()
            .default_action(self.default_action)
            .syscalls(syscalls)
            .build()
            .expect("seccomp has no validation");
        s.set_default_errno_ret(self.default_errno_ret);
        s.set_architectures((!architectures.is_empty()).then_some(architectures));
        s
    }
}

/// `major.minor` of a version string such as `5.8` or `6.1.0-13-amd64`.
fn parse_kernel_version(s: &str) -> Option<(u32, u32)> {
    let mut it = s.trim().split(|c: char| !c.is_ascii_digit());
    let major = it.next()?.parse().ok()?;
    let minor = it.next().and_then(|m| m.parse().ok()).unwrap_or(0);
    Some((major, minor))
}

fn running_kernel() -> Option<(u32, u32)> {
    let u = nix::sys::utsname::uname().ok()?;
    parse_kernel_version(u.release().to_str()?)
}

/// The number of a system call on this architecture.
pub(crate) fn syscall_number(name: &str) -> Option<i64> {
    SYSCALLS.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| SYSCALLS[i].1)
}

// ---- Compilation -----------------------------------------------------------

/// A compiled filter, ready for `seccomp(SECCOMP_SET_MODE_FILTER)`.
pub(crate) struct Program(pub Vec<libc::sock_filter>);

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Program({} instructions)", self.0.len())
    }
}

const BPF_RET_K: u16 = 0x06; // BPF_RET | BPF_K
const BPF_JA: u16 = 0x05; // BPF_JMP | BPF_JA
const BPF_MAXINSNS: usize = 4096;
/// Stand-ins in seccompiler's output: "the group's action" and "on to the
/// next group". SECCOMP_RET_TRACE with data no real rule here uses (a rule
/// with exactly this action is compiled like any other: see `compile`).
const MATCH_DATA: u32 = 0xfa11;
const NEXT_DATA: u32 = 0xfa12;
const RET_TRACE: u32 = 0x7ff0_0000;

#[cfg(target_arch = "x86_64")]
fn target_arch() -> Result<TargetArch, RuntimeError> {
    Ok(TargetArch::x86_64)
}
#[cfg(target_arch = "aarch64")]
fn target_arch() -> Result<TargetArch, RuntimeError> {
    Ok(TargetArch::aarch64)
}
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn target_arch() -> Result<TargetArch, RuntimeError> {
    Err(RuntimeError::InvalidSpec("seccomp filters are supported on x86_64 and aarch64 only".into()))
}

fn invalid(msg: impl std::fmt::Display) -> RuntimeError {
    RuntimeError::InvalidSpec(format!("seccomp: {msg}"))
}

fn condition(a: &LinuxSeccompArg) -> Result<SeccompCondition, RuntimeError> {
    use LinuxSeccompOperator::*;
    let (op, value) = match a.op() {
        ScmpCmpNe => (SeccompCmpOp::Ne, a.value()),
        ScmpCmpLt => (SeccompCmpOp::Lt, a.value()),
        ScmpCmpLe => (SeccompCmpOp::Le, a.value()),
        ScmpCmpEq => (SeccompCmpOp::Eq, a.value()),
        ScmpCmpGe => (SeccompCmpOp::Ge, a.value()),
        ScmpCmpGt => (SeccompCmpOp::Gt, a.value()),
        // libseccomp: (arg & value) == valueTwo.
        ScmpCmpMaskedEq => (SeccompCmpOp::MaskedEq(a.value()), a.value_two().unwrap_or(0)),
    };
    let index = u8::try_from(a.index()).map_err(|_| invalid(format!("argument index {}", a.index())))?;
    SeccompCondition::new(index, SeccompCmpArgLen::Qword, op, value).map_err(invalid)
}

/// The rules of one syscall in one action group: `None` = always.
type Chain = Option<Vec<SeccompRule>>;

/// Compile an OCI seccomp section into a BPF program for this machine.
///
/// seccompiler builds filters with one action for every matching rule, so
/// the rules are grouped by action (most restrictive first, the kernel's
/// precedence), each group is compiled with stand-in actions, and the
/// groups are chained: a group's "no match" becomes a forward jump to the
/// next group, the last one falls to the default action. As runc does,
/// unknown system call names are skipped, rules with the default action are
/// left out, and several conditions on the same argument make one rule
/// each (OR) instead of one rule with all of them (AND).
pub(crate) fn compile(s: &LinuxSeccomp) -> Result<Program, RuntimeError> {
    if s.listener_path().as_ref().is_some_and(|p| !p.as_os_str().is_empty()) {
        return Err(invalid("listenerPath (a seccomp agent) is not supported"));
    }
    let target = target_arch()?;
    let default = s.default_action().as_u32(s.default_errno_ret());
    // action -> syscall -> chain
    let mut groups: BTreeMap<(i32, u32), BTreeMap<i64, Chain>> = BTreeMap::new();
    for sc in s.syscalls().iter().flatten() {
        if sc.action() == LinuxSeccompAction::ScmpActNotify {
            return Err(invalid("action SCMP_ACT_NOTIFY is not supported (rpod has no seccomp agent)"));
        }
        if sc.errno_ret().is_some_and(|e| e > 0xffff) {
            return Err(invalid(format!(
                "errnoRet {} of {:?} is out of range",
                sc.errno_ret().unwrap_or(0),
                sc.names()
            )));
        }
        let action = sc.action().as_u32(sc.errno_ret());
        if action == RET_TRACE | NEXT_DATA {
            return Err(invalid(format!("SCMP_ACT_TRACE with data {NEXT_DATA} is not supported")));
        }
        if action == default {
            continue;
        }
        let args = sc.args().clone().unwrap_or_default();
        let mut per_index = [0u8; 6];
        let mut conds = Vec::new();
        for a in &args {
            if a.index() > 5 {
                return Err(invalid(format!("argument index {} (at most 5)", a.index())));
            }
            per_index[a.index()] += 1;
            conds.push(condition(a)?);
        }
        let rules: Vec<SeccompRule> = if conds.is_empty() {
            Vec::new()
        } else if per_index.iter().any(|&n| n > 1) {
            conds.into_iter().map(|c| SeccompRule::new(vec![c]).map_err(invalid)).collect::<Result<_, _>>()?
        } else {
            vec![SeccompRule::new(conds).map_err(invalid)?]
        };
        // Order: the kernel's precedence of actions (KILL_PROCESS first,
        // ALLOW last), then the full value.
        let key = ((action & 0xffff_0000) as i32, action);
        let group = groups.entry(key).or_default();
        for name in sc.names() {
            let Some(nr) = syscall_number(name) else { continue };
            let chain = group.entry(nr).or_insert_with(|| Some(Vec::new()));
            match (chain.as_mut(), rules.is_empty()) {
                (_, true) => *chain = None,
                (Some(existing), false) => existing.extend(rules.iter().cloned()),
                (None, false) => {}
            }
        }
    }

    let mut out: Vec<libc::sock_filter> = Vec::new();
    for ((_, action), syscalls) in groups {
        if syscalls.is_empty() {
            continue;
        }
        let rules: BTreeMap<i64, Vec<SeccompRule>> =
            syscalls.into_iter().map(|(nr, chain)| (nr, chain.unwrap_or_default())).collect();
        let filter =
            SeccompFilter::new(rules, SeccompAction::Trace(NEXT_DATA), SeccompAction::Trace(MATCH_DATA), target)
                .map_err(invalid)?;
        let prog: BpfProgram = filter.try_into().map_err(invalid)?;
        let n = prog.len();
        for (pc, ins) in prog.into_iter().enumerate() {
            let mut ins = libc::sock_filter { code: ins.code, jt: ins.jt, jf: ins.jf, k: ins.k };
            if ins.code == BPF_RET_K && ins.k == RET_TRACE | MATCH_DATA {
                ins.k = action;
            } else if ins.code == BPF_RET_K && ins.k == RET_TRACE | NEXT_DATA {
                ins = libc::sock_filter { code: BPF_JA, jt: 0, jf: 0, k: (n - pc - 1) as u32 };
            }
            out.push(ins);
        }
    }
    out.push(libc::sock_filter { code: BPF_RET_K, jt: 0, jf: 0, k: default });
    if out.len() > BPF_MAXINSNS {
        return Err(invalid(format!(
            "the filter has {} instructions, more than the kernel's {BPF_MAXINSNS}",
            out.len()
        )));
    }
    Ok(Program(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::caps::capability_set;
    use oci_spec::runtime::LinuxSyscall;

    fn caps(names: &[&str]) -> Capabilities {
        capability_set(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn rule_for<'a>(s: &'a LinuxSeccomp, name: &str) -> Vec<&'a LinuxSyscall> {
        s.syscalls().iter().flatten().filter(|r| r.names().iter().any(|n| n == name)).collect()
    }

    #[test]
    fn default_profile_follows_capabilities() {
        let p = Profile::podman_default();
        let plain = p.to_oci(&caps(crate::caps::DEFAULT_CAPABILITIES.as_slice()));
        assert_eq!(plain.default_action(), LinuxSeccompAction::ScmpActErrno);
        assert_eq!(plain.default_errno_ret(), Some(38));
        assert_eq!(plain.architectures().as_ref().unwrap()[0], NATIVE_ARCH);
        // chroot is allowed (CAP_SYS_CHROOT is a default), ptrace is EPERM.
        assert!(rule_for(&plain, "chroot").iter().all(|r| r.action() == LinuxSeccompAction::ScmpActAllow));
        let ptrace = rule_for(&plain, "ptrace");
        assert_eq!(ptrace.len(), 1);
        assert_eq!((ptrace[0].action(), ptrace[0].errno_ret()), (LinuxSeccompAction::ScmpActErrno, Some(1)));
        let admin = p.to_oci(&caps(&["CAP_SYS_ADMIN", "CAP_SYS_PTRACE"]));
        assert!(rule_for(&admin, "ptrace").iter().all(|r| r.action() == LinuxSeccompAction::ScmpActAllow));
        assert!(rule_for(&admin, "sethostname").iter().all(|r| r.action() == LinuxSeccompAction::ScmpActAllow));
        #[cfg(target_arch = "x86_64")]
        assert!(!rule_for(&plain, "arch_prctl").is_empty() && rule_for(&plain, "set_tls").is_empty());
    }

    #[test]
    fn default_profile_compiles() {
        let s = Profile::podman_default().to_oci(&caps(crate::caps::DEFAULT_CAPABILITIES.as_slice()));
        let prog = compile(&s).unwrap();
        assert!(prog.0.len() < BPF_MAXINSNS, "{}", prog.0.len());
        assert_eq!(prog.0.last().unwrap().k, 0x0005_0000 | 38);
        // No stand-in survives.
        assert!(!prog.0.iter().any(|i| i.code == BPF_RET_K && i.k & 0xffff_0000 == RET_TRACE));
    }

    #[test]
    fn bad_profiles_say_why() {
        let e = Profile::parse(
            r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir"],"action":"SCMP_ACT_NOTIFY"}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("SCMP_ACT_NOTIFY is not supported"), "{e}");
        let e = Profile::parse(r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":1,"op":"SCMP_CMP_ALMOST"}]}]}"#)
            .unwrap_err();
        assert!(e.contains("unknown argument operator"), "{e}");
        assert!(Profile::parse(r#"{"defaultAction":"SCMP_ACT_NOPE"}"#).unwrap_err().contains("defaultAction"));
        assert!(Profile::parse("{").is_err());
        let ok = Profile::parse(
            r#"{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_AARCH64"],
                "syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}"#,
        )
        .unwrap();
        let prog = compile(&ok.to_oci(&Capabilities::new())).unwrap();
        assert_eq!(prog.0.last().unwrap().k, 0x7fff_0000);
    }

    #[test]
    fn syscall_numbers() {
        #[cfg(target_arch = "x86_64")]
        assert_eq!((syscall_number("read"), syscall_number("mkdir")), (Some(0), Some(83)));
        #[cfg(target_arch = "aarch64")]
        assert_eq!((syscall_number("read"), syscall_number("mkdir")), (Some(63), None));
        assert_eq!(syscall_number("no_such_call"), None);
        assert_eq!(parse_kernel_version("6.1.0-13-amd64"), Some((6, 1)));
    }
}
