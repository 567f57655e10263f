//! The device cgroup of cgroup v2: an eBPF `BPF_PROG_TYPE_CGROUP_DEVICE`
//! program, as runc, crun and youki load, built from the OCI
//! `linux.resources.devices` list followed by runc's default allow-list
//! (`mknod` of anything; null, zero, full, random, urandom, tty, ptmx and
//! the pts of `/dev/pts`).
//!
//! The list is read as runc reads it (its devices emulator, which keeps
//! the semantics of the cgroup v1 device controller), see [`Filter::new`]:
//! a rule of type `a` sets the default (allow or deny every device, every
//! access) and drops what came before; every other rule changes the
//! exception of its own type, major and minor (wildcards included), its
//! accesses merged with what earlier rules gave that exception, so
//! separate `r` and `w` rules for one device make `rw`. An exception to
//! deny-all allows an access when it grants every access asked for at once
//! (`open(O_RDWR)` asks for read and write); an exception to allow-all
//! denies it when it denies any of them (the v1 kernel's reading). The
//! instructions are assembled here by hand (a dozen opcodes, as runc's
//! `devicefilter.go` does); [`crate::bpf`] loads and attaches them.

use std::collections::BTreeMap;

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

/// What a list of rules amounts to: a default verdict and the exceptions
/// to it, one per type, major and minor (as runc's devices emulator keeps
/// them), each with the accesses it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Allow-all with deny exceptions (true), or deny-all with allow ones.
    pub default_allow: bool,
    /// `(block, major, minor)` (`None`: any number) -> `ACC_*` bits; none empty.
    pub exceptions: BTreeMap<(bool, Option<u32>, Option<u32>), u32>,
}

impl Filter {
    /// Applies the rules in order, as runc does (its devices emulator, the
    /// cgroup v1 controller's semantics): a rule of type `a` (whatever its
    /// numbers and accesses, as the v1 kernel reads `a`) resets the filter
    /// to allow-all or deny-all; a rule whose verdict differs from the
    /// default adds its accesses to its exception; one that agrees with
    /// the default takes them away. Taking accesses away from one device
    /// while a wildcard exception covering it (same type, `*` for its major
    /// or minor) keeps them is refused, as runc refuses it ("cannot punch
    /// hole in existing wildcard rule").
    pub fn new(rules: &[Rule]) -> Result<Filter, String> {
        let mut f = Filter { default_allow: false, exceptions: BTreeMap::new() };
        for r in rules {
            let Some(block) = r.block else {
                f = Filter { default_allow: r.allow, exceptions: BTreeMap::new() };
                continue;
            };
            if r.access == 0 {
                continue;
            }
            let key = (block, r.major, r.minor);
            if r.allow != f.default_allow {
                *f.exceptions.entry(key).or_insert(0) |= r.access;
                continue;
            }
            for wide in [(block, None, r.minor), (block, r.major, None), (block, None, None)] {
                let kept = f.exceptions.get(&wide).copied().unwrap_or(0) & r.access;
                if wide != key && kept != 0 {
                    return Err(format!(
                        "device rule {}: it takes {} away from part of the wildcard rule {} (runc refuses this too: \
                         cannot punch a hole in an existing wildcard rule)",
                        show(r.allow, key, r.access),
                        access_letters(kept),
                        show(!r.allow, wide, f.exceptions[&wide]),
                    ));
                }
            }
            if let Some(acc) = f.exceptions.get_mut(&key) {
                *acc &= !r.access;
                if *acc == 0 {
                    f.exceptions.remove(&key);
                }
            }
        }
        Ok(f)
    }

    /// Every access to every device is allowed: no filter is needed.
    pub fn allows_everything(&self) -> bool {
        self.default_allow && self.exceptions.is_empty()
    }

    /// What the filter decides for an access, computed without the kernel:
    /// the reference the tests hold [`program`] to.
    pub fn decide(&self, block: bool, major: u32, minor: u32, access: u32) -> bool {
        let hit = self.exceptions.iter().any(|(&(b, ma, mi), &acc)| {
            b == block
                && ma.is_none_or(|m| m == major)
                && mi.is_none_or(|m| m == minor)
                && if self.default_allow { access & acc != 0 } else { access & acc == access }
        });
        hit != self.default_allow
    }
}

/// `rwm` letters of `ACC_*` bits.
fn access_letters(acc: u32) -> String {
    [(ACC_READ, 'r'), (ACC_WRITE, 'w'), (ACC_MKNOD, 'm')].iter().filter(|(b, _)| acc & b != 0).map(|(_, c)| c).collect()
}

/// A rule as Podman's `--device-cgroup-rule` writes it, for messages.
fn show(allow: bool, (block, major, minor): (bool, Option<u32>, Option<u32>), acc: u32) -> String {
    let num = |n: Option<u32>| n.map_or("*".to_string(), |n| n.to_string());
    format!(
        "{} {} {}:{} {}",
        if allow { "allow" } else { "deny" },
        if block { 'b' } else { 'c' },
        num(major),
        num(minor),
        access_letters(acc)
    )
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

/// The filter program for `filter`: each exception's test, then the
/// default verdict (all exceptions have the same verdict, so their order
/// does not matter).
pub fn program(filter: &Filter) -> Vec<Insn> {
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
    let verdict_of_exception = !filter.default_allow;
    for (&(block, major, minor), &access) in &filter.exceptions {
        // Each test jumps past the block (to the next exception) when it
        // fails; the offsets are filled in once the block's length is known.
        let mut b: Vec<Insn> = Vec::new();
        let mut skips: Vec<usize> = Vec::new();
        skips.push(b.len());
        b.push(insn(JMP_JNE_K, R2, 0, 0, if block { DEV_BLOCK } else { DEV_CHAR }));
        if access != ACC_ALL {
            // R1 = R3 & access (R1 is free once the context is read).
            b.push(insn(ALU32_MOV_X, R1, R3, 0, 0));
            b.push(insn(ALU32_AND_K, R1, 0, 0, access as i32));
            skips.push(b.len());
            if verdict_of_exception {
                // Not every access asked for is allowed: next exception.
                b.push(insn(JMP_JNE_X, R1, R3, 0, 0));
            } else {
                // None of the accesses asked for is denied: next exception.
                b.push(insn(JMP_JEQ_K, R1, 0, 0, 0));
            }
        }
        if let Some(m) = major {
            skips.push(b.len());
            b.push(insn(JMP_JNE_K, R4, 0, 0, m as i32));
        }
        if let Some(m) = minor {
            skips.push(b.len());
            b.push(insn(JMP_JNE_K, R5, 0, 0, m as i32));
        }
        b.extend(verdict(verdict_of_exception));
        let len = b.len();
        for i in skips {
            b[i].off = (len - i - 1) as i16;
        }
        p.extend(b);
    }
    p.extend(verdict(filter.default_allow));
    p
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

    fn oci(json: serde_json::Value) -> Filter {
        let list: Vec<LinuxDeviceCgroup> = serde_json::from_value(json).unwrap();
        Filter::new(&rules_from_oci(&list).unwrap()).unwrap()
    }

    /// The program and the reference agree on every access to a spread of
    /// devices (the numbers the rules name and others).
    fn agree(f: &Filter) {
        let p = program(f);
        for blk in [false, true] {
            for maj in [1, 4, 5, 8, 136, 200] {
                for min in [0, 2, 3, 64, 65] {
                    for acc in 1..=7 {
                        assert_eq!(
                            run(&p, blk, maj, min, acc),
                            f.decide(blk, maj, min, acc),
                            "{blk} {maj}:{min} {acc}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn podman_default_denies_all_but_the_basic_devices() {
        let f = oci(serde_json::json!([{"allow": false, "access": "rwm"}]));
        let p = program(&f);
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
            assert_eq!(f.decide(blk, maj, min, acc), want, "{blk} {maj}:{min} {acc}");
        }
        assert!(!f.allows_everything());
        agree(&f);
    }

    /// Rules for one device add up (runc's emulator, the v1 controller):
    /// `r` then `w` is `rw`; a later deny takes accesses away again.
    #[test]
    fn rules_for_one_device_merge() {
        let rw = ACC_READ | ACC_WRITE;
        let f = oci(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "r"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "w"},
        ]));
        assert_eq!(f.exceptions.get(&(false, Some(4), Some(64))), Some(&rw));
        let p = program(&f);
        assert!(run(&p, false, 4, 64, rw), "separate r and w rules make rw");
        assert!(run(&p, false, 4, 64, ACC_READ) && run(&p, false, 4, 64, ACC_WRITE));
        assert!(!run(&p, false, 4, 65, ACC_READ) && !run(&p, true, 4, 64, ACC_READ));
        agree(&f);
        // A later deny takes `w` away from the same device: read only.
        let f = oci(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "rw"},
            {"allow": false, "type": "c", "major": 4, "minor": 64, "access": "w"},
            {"allow": true, "type": "b", "major": 8, "access": "r"},
            {"allow": true, "type": "b", "major": 8, "access": "w"},
            {"allow": false, "type": "c", "major": 1, "minor": 3, "access": "rwm"},
        ]));
        let p = program(&f);
        assert!(run(&p, false, 4, 64, ACC_READ));
        assert!(!run(&p, false, 4, 64, rw) && !run(&p, false, 4, 64, ACC_WRITE));
        assert!(run(&p, true, 8, 1, rw), "b 8:* r + b 8:* w");
        // The defaults come after the spec's rules: /dev/null stays usable.
        assert!(run(&p, false, 1, 3, ACC_WRITE));
        agree(&f);
        // Denying every access of a device drops its exception.
        let f = oci(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "rw"},
            {"allow": false, "type": "c", "major": 4, "minor": 64, "access": "rwm"},
        ]));
        assert!(!f.exceptions.contains_key(&(false, Some(4), Some(64))));
    }

    /// Allow-all with deny exceptions: a deny for one access stops any
    /// access that asks for it (the v1 kernel's partial match); deny rules
    /// for one device add up too.
    #[test]
    fn deny_exceptions_of_allow_all() {
        let rw = ACC_READ | ACC_WRITE;
        let f = oci(serde_json::json!([
            {"allow": true, "access": "rwm"},
            {"allow": false, "type": "c", "major": 4, "access": "w"},
            {"allow": false, "type": "b", "major": 8, "minor": 0, "access": "r"},
            {"allow": false, "type": "b", "major": 8, "minor": 0, "access": "w"},
        ]));
        assert!(f.default_allow && !f.allows_everything());
        let p = program(&f);
        assert!(run(&p, false, 4, 1, ACC_READ));
        assert!(!run(&p, false, 4, 1, ACC_WRITE) && !run(&p, false, 4, 1, rw), "O_RDWR asks for w too");
        assert!(!run(&p, true, 8, 0, ACC_READ) && !run(&p, true, 8, 0, ACC_WRITE));
        assert!(run(&p, true, 8, 0, ACC_MKNOD) && run(&p, true, 8, 1, rw));
        agree(&f);
    }

    /// A rule of type `a` resets the filter, whatever came before (and,
    /// as runc and the v1 kernel read `a`, whatever its numbers).
    #[test]
    fn a_type_rule_resets_the_filter() {
        let f = oci(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "rw"},
            {"allow": true, "access": "rwm"}
        ]));
        assert!(f.allows_everything());
        assert_eq!(program(&f)[6..], verdict(true), "one verdict after the context is read");
        let f = oci(serde_json::json!([
            {"allow": true, "access": "rwm"},
            {"allow": false, "type": "c", "major": 4, "access": "w"},
            {"allow": false, "type": "a", "major": 8, "access": "r"}
        ]));
        assert!(!f.default_allow);
        assert!(!f.decide(false, 4, 1, ACC_READ) && f.decide(false, 1, 3, ACC_WRITE));
        agree(&f);
    }

    /// Taking an access away from one device while a wildcard exception
    /// keeps it is refused, as runc refuses it (the v1 controller silently
    /// ignored such a rule).
    #[test]
    fn holes_in_a_wildcard_exception_are_refused() {
        let list: Vec<LinuxDeviceCgroup> = serde_json::from_value(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "access": "rw"},
            {"allow": false, "type": "c", "major": 4, "minor": 64, "access": "w"},
        ]))
        .unwrap();
        let e = Filter::new(&rules_from_oci(&list).unwrap()).unwrap_err();
        assert!(e.contains("deny c 4:64 w") && e.contains("allow c 4:* rw") && e.contains("punch a hole"), "{e}");
        // No overlap in accesses: fine.
        let list: Vec<LinuxDeviceCgroup> = serde_json::from_value(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "access": "r"},
            {"allow": false, "type": "c", "major": 4, "minor": 64, "access": "w"},
        ]))
        .unwrap();
        assert!(Filter::new(&rules_from_oci(&list).unwrap()).is_ok());
        // The same in allow-all: a hole in a wildcard deny.
        let list: Vec<LinuxDeviceCgroup> = serde_json::from_value(serde_json::json!([
            {"allow": true, "access": "rwm"},
            {"allow": false, "type": "b", "access": "rw"},
            {"allow": true, "type": "b", "major": 8, "minor": 0, "access": "r"},
        ]))
        .unwrap();
        assert!(Filter::new(&rules_from_oci(&list).unwrap()).is_err());
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
