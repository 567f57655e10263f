//! The device cgroup of cgroup v2: an eBPF `BPF_PROG_TYPE_CGROUP_DEVICE`
//! program, as runc, crun and youki load, built from the OCI
//! `linux.resources.devices` list followed by runc's default allow-list
//! (`mknod` of anything; null, zero, full, random, urandom, tty, ptmx and
//! the pts of `/dev/pts`).
//!
//! The rules keep their OCI meaning: the last rule that matches an access
//! decides it, nothing matching is denied. The program checks the rules
//! from the last to the first and returns at the first match: an allow rule
//! matches when it grants every access asked for (`open(O_RDWR)` asks for
//! read and write at once), a deny rule when it denies any of them. The
//! instructions are assembled here by hand (a dozen opcodes, as runc's
//! `devicefilter.go` does); [`crate::bpf`] loads and attaches them.

use oci_spec::runtime::{LinuxDeviceCgroup, LinuxDeviceType};

/// Access bits of `struct bpf_cgroup_dev_ctx.access_type` (upper 16 bits).
pub const ACC_MKNOD: u32 = 1;
pub const ACC_READ: u32 = 2;
pub const ACC_WRITE: u32 = 4;
const ACC_ALL: u32 = ACC_MKNOD | ACC_READ | ACC_WRITE;
/// Device types of `access_type` (lower 16 bits).
const DEV_BLOCK: i32 = 1;
const DEV_CHAR: i32 = 2;

/// One device rule. `None` in a field is the wildcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub allow: bool,
    /// `b` or `c`; `None`: both (`a`).
    pub block: Option<bool>,
    pub major: Option<u32>,
    pub minor: Option<u32>,
    /// `ACC_*` bits.
    pub access: u32,
}

impl Rule {
    fn allow(kind: char, major: Option<u32>, minor: Option<u32>, access: &str) -> Rule {
        Rule { allow: true, block: Some(kind == 'b'), major, minor, access: parse_access(access).unwrap_or(ACC_ALL) }
    }

    /// Does this rule match every access to every device?
    fn matches_everything(&self) -> bool {
        self.block.is_none() && self.major.is_none() && self.minor.is_none() && self.access == ACC_ALL
    }
}

/// `rwm` letters as `ACC_*` bits (empty: none).
fn parse_access(s: &str) -> Result<u32, String> {
    s.chars().try_fold(0, |acc, c| match c {
        'r' => Ok(acc | ACC_READ),
        'w' => Ok(acc | ACC_WRITE),
        'm' => Ok(acc | ACC_MKNOD),
        _ => Err(format!("device access {s:?}: only the letters r, w and m")),
    })
}

/// runc's default allow-list, appended after the spec's rules (so the
/// basic devices are always usable, as with runc): `mknod` of any node;
/// null, zero, full, random, urandom, tty; ptmx and the pts.
pub fn default_rules() -> Vec<Rule> {
    vec![
        Rule::allow('c', None, None, "m"),
        Rule::allow('b', None, None, "m"),
        Rule::allow('c', Some(1), Some(3), "rwm"),
        Rule::allow('c', Some(1), Some(8), "rwm"),
        Rule::allow('c', Some(1), Some(7), "rwm"),
        Rule::allow('c', Some(5), Some(0), "rwm"),
        Rule::allow('c', Some(1), Some(5), "rwm"),
        Rule::allow('c', Some(1), Some(9), "rwm"),
        Rule::allow('c', Some(136), None, "rwm"),
        Rule::allow('c', Some(5), Some(2), "rwm"),
    ]
}

/// A major or minor number of an OCI rule (negative: the wildcard, as runc
/// reads it).
fn number(v: Option<i64>, what: &str) -> Result<Option<u32>, String> {
    match v {
        None => Ok(None),
        Some(n) if n < 0 => Ok(None),
        Some(n) if n <= i32::MAX as i64 => Ok(Some(n as u32)),
        Some(n) => Err(format!("device rule: {what} {n} is out of range")),
    }
}

/// The rules of `linux.resources.devices`, then [`default_rules`].
pub fn rules_from_oci(list: &[LinuxDeviceCgroup]) -> Result<Vec<Rule>, String> {
    let mut rules = Vec::with_capacity(list.len() + 10);
    for d in list {
        let block = match d.typ() {
            None | Some(LinuxDeviceType::A) => None,
            Some(LinuxDeviceType::B) => Some(true),
            Some(LinuxDeviceType::C) | Some(LinuxDeviceType::U) => Some(false),
            Some(t) => return Err(format!("device rule: type {t:?} cannot be filtered (a, b or c)")),
        };
        let access = match d.access().as_deref() {
            None | Some("") => ACC_ALL,
            Some(a) => parse_access(a)?,
        };
        rules.push(Rule {
            allow: d.allow(),
            block,
            major: number(d.major(), "major")?,
            minor: number(d.minor(), "minor")?,
            access,
        });
    }
    rules.extend(default_rules());
    Ok(rules)
}

/// Parses Podman's `--device-cgroup-rule` (`TYPE MAJOR:MINOR ACCESS`, e.g.
/// `c 4:64 rwm`, `*` for any number) into an allow rule of the OCI spec.
pub fn parse_cgroup_rule(s: &str) -> Result<LinuxDeviceCgroup, String> {
    let bad = || format!("--device-cgroup-rule {s:?}: expected TYPE MAJOR:MINOR ACCESS, e.g. \"c 4:64 rwm\"");
    let fields: Vec<&str> = s.split_whitespace().collect();
    let [typ, nums, access] = fields.as_slice() else { return Err(bad()) };
    let typ = match *typ {
        "a" => LinuxDeviceType::A,
        "b" => LinuxDeviceType::B,
        "c" => LinuxDeviceType::C,
        _ => return Err(bad()),
    };
    let (major, minor) = nums.split_once(':').ok_or_else(bad)?;
    let num = |n: &str| -> Result<Option<i64>, String> {
        match n {
            "*" => Ok(None),
            n => n.parse::<u32>().ok().filter(|v| *v <= i32::MAX as u32).map(|v| Some(v as i64)).ok_or_else(bad),
        }
    };
    if access.is_empty() || parse_access(access).is_err() {
        return Err(bad());
    }
    let mut b = oci_spec::runtime::LinuxDeviceCgroupBuilder::default().allow(true).typ(typ).access(*access);
    if let Some(m) = num(major)? {
        b = b.major(m);
    }
    if let Some(m) = num(minor)? {
        b = b.minor(m);
    }
    b.build().map_err(|e| format!("{}: {e}", bad()))
}

/// One eBPF instruction (`struct bpf_insn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Insn {
    pub code: u8,
    /// `dst_reg` in the low nibble, `src_reg` in the high one.
    pub regs: u8,
    pub off: i16,
    pub imm: i32,
}

// Opcodes: class | operation | source.
const LDX_MEM_W: u8 = 0x01 | 0x60; // BPF_LDX | BPF_MEM | BPF_W
const ALU32_AND_K: u8 = 0x04 | 0x50; // BPF_ALU | BPF_AND | BPF_K
const ALU32_RSH_K: u8 = 0x04 | 0x70; // BPF_ALU | BPF_RSH | BPF_K
const ALU32_MOV_K: u8 = 0x04 | 0xb0; // BPF_ALU | BPF_MOV | BPF_K
const ALU32_MOV_X: u8 = 0x04 | 0xb0 | 0x08; // BPF_ALU | BPF_MOV | BPF_X
const JMP_JNE_K: u8 = 0x05 | 0x50; // BPF_JMP | BPF_JNE | BPF_K
const JMP_JNE_X: u8 = 0x05 | 0x50 | 0x08; // BPF_JMP | BPF_JNE | BPF_X
const JMP_JEQ_K: u8 = 0x05 | 0x10; // BPF_JMP | BPF_JEQ | BPF_K
const JMP_EXIT: u8 = 0x05 | 0x90; // BPF_JMP | BPF_EXIT

const R0: u8 = 0;
const R1: u8 = 1;
const R2: u8 = 2;
const R3: u8 = 3;
const R4: u8 = 4;
const R5: u8 = 5;

fn insn(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> Insn {
    Insn { code, regs: dst | (src << 4), off, imm }
}

/// `R0 = verdict; exit`.
fn verdict(allow: bool) -> [Insn; 2] {
    [insn(ALU32_MOV_K, R0, 0, 0, i32::from(allow)), insn(JMP_EXIT, 0, 0, 0, 0)]
}

/// The filter program for `rules` (see the module doc for the order).
pub fn program(rules: &[Rule]) -> Vec<Insn> {
    // struct bpf_cgroup_dev_ctx { u32 access_type; u32 major; u32 minor; } at R1:
    // R2 = type, R3 = access, R4 = major, R5 = minor.
    let mut p = vec![
        insn(LDX_MEM_W, R2, R1, 0, 0),
        insn(ALU32_AND_K, R2, 0, 0, 0xffff),
        insn(LDX_MEM_W, R3, R1, 0, 0),
        insn(ALU32_RSH_K, R3, 0, 0, 16),
        insn(LDX_MEM_W, R4, R1, 4, 0),
        insn(LDX_MEM_W, R5, R1, 8, 0),
    ];
    for rule in rules.iter().rev() {
        if rule.matches_everything() {
            // Nothing before this rule can matter.
            p.extend(verdict(rule.allow));
            return p;
        }
        // Each test jumps past the block (to the next rule) when it fails;
        // the offsets are filled in once the block's length is known.
        let mut block: Vec<Insn> = Vec::new();
        let mut skips: Vec<usize> = Vec::new();
        if let Some(b) = rule.block {
            skips.push(block.len());
            block.push(insn(JMP_JNE_K, R2, 0, 0, if b { DEV_BLOCK } else { DEV_CHAR }));
        }
        if rule.access != ACC_ALL {
            // R1 = R3 & access (R1 is free once the context is read).
            block.push(insn(ALU32_MOV_X, R1, R3, 0, 0));
            block.push(insn(ALU32_AND_K, R1, 0, 0, rule.access as i32));
            skips.push(block.len());
            if rule.allow {
                // Not every access asked for is granted: next rule.
                block.push(insn(JMP_JNE_X, R1, R3, 0, 0));
            } else {
                // None of the accesses asked for is denied: next rule.
                block.push(insn(JMP_JEQ_K, R1, 0, 0, 0));
            }
        }
        if let Some(m) = rule.major {
            skips.push(block.len());
            block.push(insn(JMP_JNE_K, R4, 0, 0, m as i32));
        }
        if let Some(m) = rule.minor {
            skips.push(block.len());
            block.push(insn(JMP_JNE_K, R5, 0, 0, m as i32));
        }
        block.extend(verdict(rule.allow));
        let len = block.len();
        for i in skips {
            block[i].off = (len - i - 1) as i16;
        }
        p.extend(block);
    }
    p.extend(verdict(false));
    p
}

/// What the program decides for an access, computed without the kernel:
/// the reference the tests hold the program to.
pub fn decide(rules: &[Rule], block: bool, major: u32, minor: u32, access: u32) -> bool {
    rules
        .iter()
        .rev()
        .find(|r| {
            r.block.is_none_or(|b| b == block)
                && r.major.is_none_or(|m| m == major)
                && r.minor.is_none_or(|m| m == minor)
                && if r.allow { access & r.access == access } else { access & r.access != 0 }
        })
        .is_some_and(|r| r.allow)
}

/// Do these rules (spec rules then the defaults) allow every access to
/// every device? Then no filter is needed.
pub fn allow_everything(rules: &[Rule]) -> bool {
    rules.iter().rev().find(|r| r.matches_everything()).is_some_and(|r| r.allow)
        && !rules.iter().rev().take_while(|r| !r.matches_everything()).any(|r| !r.allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small interpreter of the opcodes [`program`] emits.
    fn run(p: &[Insn], block: bool, major: u32, minor: u32, access: u32) -> bool {
        let ctx = [(access << 16) | if block { 1 } else { 2 }, major, minor];
        let mut r = [0u64; 11];
        let mut pc = 0usize;
        loop {
            let i = p[pc];
            let (dst, src) = ((i.regs & 0xf) as usize, (i.regs >> 4) as usize);
            pc += 1;
            let jump = |cond: bool, pc: &mut usize| {
                if cond {
                    *pc = (*pc as i64 + i.off as i64) as usize
                }
            };
            match i.code {
                LDX_MEM_W => {
                    assert_eq!(src, 1);
                    r[dst] = ctx[i.off as usize / 4] as u64
                }
                ALU32_AND_K => r[dst] = (r[dst] as u32 & i.imm as u32) as u64,
                ALU32_RSH_K => r[dst] = ((r[dst] as u32) >> i.imm) as u64,
                ALU32_MOV_K => r[dst] = i.imm as u32 as u64,
                ALU32_MOV_X => r[dst] = r[src] as u32 as u64,
                JMP_JNE_K => jump(r[dst] != i.imm as i64 as u64, &mut pc),
                JMP_JEQ_K => jump(r[dst] == i.imm as i64 as u64, &mut pc),
                JMP_JNE_X => jump(r[dst] != r[src], &mut pc),
                JMP_EXIT => return r[0] == 1,
                c => panic!("unknown opcode {c:#x}"),
            }
            assert!(pc < p.len(), "ran off the end");
        }
    }

    fn oci(json: serde_json::Value) -> Vec<Rule> {
        let list: Vec<LinuxDeviceCgroup> = serde_json::from_value(json).unwrap();
        rules_from_oci(&list).unwrap()
    }

    #[test]
    fn podman_default_denies_all_but_the_basic_devices() {
        let rules = oci(serde_json::json!([{"allow": false, "access": "rwm"}]));
        let p = program(&rules);
        let rw = ACC_READ | ACC_WRITE;
        for (blk, maj, min, acc, want) in [
            (false, 1, 3, rw, true),          // /dev/null
            (false, 1, 9, ACC_READ, true),    // /dev/urandom
            (false, 136, 7, rw, true),        // a pts
            (false, 5, 2, rw, true),          // ptmx
            (false, 4, 64, ACC_WRITE, false), // a serial port
            (false, 4, 64, ACC_MKNOD, true),  // mknod of anything
            (true, 8, 0, ACC_READ, false),    // a disk
            (true, 8, 0, ACC_MKNOD, true),
            (false, 10, 200, rw, false), // tun: not in the list
        ] {
            assert_eq!(run(&p, blk, maj, min, acc), want, "{blk} {maj}:{min} {acc}");
            assert_eq!(decide(&rules, blk, maj, min, acc), want, "{blk} {maj}:{min} {acc}");
        }
        assert!(!allow_everything(&rules));
    }

    #[test]
    fn last_rule_wins_with_partial_access() {
        let rules = oci(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "rw"},
            {"allow": false, "type": "c", "major": 4, "minor": 64, "access": "w"},
            {"allow": true, "type": "b", "major": 8, "access": "r"},
            {"allow": false, "type": "c", "major": 1, "minor": 3, "access": "rwm"},
        ]));
        let p = program(&rules);
        for blk in [false, true] {
            for maj in [1, 4, 5, 8, 136, 200] {
                for min in [0, 3, 64, 65] {
                    for acc in 1..=7 {
                        assert_eq!(
                            run(&p, blk, maj, min, acc),
                            decide(&rules, blk, maj, min, acc),
                            "{blk} {maj}:{min} {acc}"
                        );
                    }
                }
            }
        }
        assert!(run(&p, false, 4, 64, ACC_READ));
        assert!(!run(&p, false, 4, 64, ACC_READ | ACC_WRITE));
        assert!(run(&p, true, 8, 1, ACC_READ) && !run(&p, true, 8, 1, ACC_WRITE));
        // The defaults come after the spec's rules: /dev/null stays usable.
        assert!(run(&p, false, 1, 3, ACC_WRITE));
    }

    #[test]
    fn allow_all_is_one_verdict() {
        let rules = oci(serde_json::json!([{"allow": true, "access": "rwm"}]));
        assert!(allow_everything(&rules));
        let p = program(&rules);
        assert!(run(&p, true, 8, 0, ACC_WRITE) && run(&p, false, 4, 64, ACC_READ));
        let rules = oci(serde_json::json!([
            {"allow": true, "access": "rwm"},
            {"allow": false, "type": "c", "major": 4, "access": "w"}
        ]));
        assert!(!allow_everything(&rules));
        assert!(!run(&program(&rules), false, 4, 1, ACC_WRITE));
    }

    #[test]
    fn device_cgroup_rules_parse_like_podman() {
        let r = parse_cgroup_rule("c 4:64 rwm").unwrap();
        assert_eq!(
            (r.typ(), r.major(), r.minor(), r.access().as_deref()),
            (Some(LinuxDeviceType::C), Some(4), Some(64), Some("rwm"))
        );
        let r = parse_cgroup_rule("b *:* r").unwrap();
        assert_eq!((r.major(), r.minor()), (None, None));
        assert!(r.allow());
        for bad in ["c 4:64", "x 4:64 rwm", "c 4 rwm", "c 4:64 rwx", "c -1:2 r", "c 4:64 rwm extra", ""] {
            assert!(parse_cgroup_rule(bad).is_err(), "{bad}");
        }
    }
}
