//! The two `bpf(2)` commands the device cgroup needs, raw through libc:
//! `BPF_PROG_LOAD` of a `BPF_PROG_TYPE_CGROUP_DEVICE` program and
//! `BPF_PROG_ATTACH` of it to a cgroup (`BPF_F_ALLOW_MULTI`, as runc and
//! crun attach theirs). The program itself is built in [`crate::devices`].
#![allow(unsafe_code)]

use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

use nix::errno::Errno;

use crate::devices::Insn;

const BPF_PROG_LOAD: libc::c_long = 5;
const BPF_PROG_ATTACH: libc::c_long = 8;
const BPF_PROG_TYPE_CGROUP_DEVICE: u32 = 15;
const BPF_CGROUP_DEVICE: u32 = 6;
const BPF_F_ALLOW_MULTI: u32 = 2;

/// The `BPF_PROG_LOAD` part of `union bpf_attr`, zero-padded to a size
/// every kernel since 5.x knows (the kernel checks that bytes beyond its
/// own idea of the union are zero).
#[repr(C)]
#[derive(Default)]
struct ProgLoadAttr {
    prog_type: u32,
    insn_cnt: u32,
    insns: u64,
    license: u64,
    log_level: u32,
    log_size: u32,
    log_buf: u64,
    kern_version: u32,
    prog_flags: u32,
    prog_name: [u8; 16],
    prog_ifindex: u32,
    expected_attach_type: u32,
    _rest: [u64; 8],
}

/// The `BPF_PROG_ATTACH` part of `union bpf_attr`.
#[repr(C)]
#[derive(Default)]
struct ProgAttachAttr {
    target_fd: u32,
    attach_bpf_fd: u32,
    attach_type: u32,
    attach_flags: u32,
    replace_bpf_fd: u32,
    _pad: u32,
    _rest: [u64; 4],
}

fn bpf<T>(cmd: libc::c_long, attr: &mut T) -> Result<libc::c_long, Errno> {
    // SAFETY: `attr` is a live, exclusively borrowed `#[repr(C)]` value of
    // the layout `union bpf_attr` has for `cmd`, and its size is passed
    // along; the kernel reads (and for some commands writes) only within it.
    let r = unsafe { libc::syscall(libc::SYS_bpf, cmd, attr as *mut T, std::mem::size_of::<T>()) };
    if r < 0 {
        Err(Errno::last())
    } else {
        Ok(r)
    }
}

/// Loads `insns` as a cgroup device program (named `name`: at most 15
/// letters, digits, `_` or `.`) and returns its descriptor.
pub(crate) fn load_device_program(insns: &[Insn], name: &str) -> Result<OwnedFd, Errno> {
    let license = c"Apache";
    let mut attr = ProgLoadAttr {
        prog_type: BPF_PROG_TYPE_CGROUP_DEVICE,
        insn_cnt: u32::try_from(insns.len()).map_err(|_| Errno::E2BIG)?,
        insns: insns.as_ptr() as u64,
        license: license.as_ptr() as u64,
        ..Default::default()
    };
    let n = name.len().min(15);
    attr.prog_name[..n].copy_from_slice(&name.as_bytes()[..n]);
    let fd = bpf(BPF_PROG_LOAD, &mut attr)?;
    // SAFETY: a successful BPF_PROG_LOAD returns a new descriptor that
    // nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// Attaches the device program `prog` to the cgroup whose directory is
/// open as `cgroup` (a plain `O_RDONLY` descriptor: the kernel refuses an
/// `O_PATH` one), beside any others (`BPF_F_ALLOW_MULTI`).
pub(crate) fn attach_device_program(prog: BorrowedFd<'_>, cgroup: BorrowedFd<'_>) -> Result<(), Errno> {
    let mut attr = ProgAttachAttr {
        target_fd: cgroup.as_raw_fd() as u32,
        attach_bpf_fd: prog.as_raw_fd() as u32,
        attach_type: BPF_CGROUP_DEVICE,
        attach_flags: BPF_F_ALLOW_MULTI,
        ..Default::default()
    };
    bpf(BPF_PROG_ATTACH, &mut attr).map(drop)
}

#[cfg(test)]
mod tests {
    use nix::errno::Errno;

    #[test]
    fn attribute_layouts_match_the_kernels() {
        assert_eq!(std::mem::offset_of!(super::ProgLoadAttr, log_buf), 32);
        assert_eq!(std::mem::offset_of!(super::ProgLoadAttr, prog_name), 48);
        assert_eq!(std::mem::offset_of!(super::ProgLoadAttr, expected_attach_type), 68);
        assert_eq!(std::mem::offset_of!(super::ProgAttachAttr, replace_bpf_fd), 16);
        assert_eq!(std::mem::size_of::<crate::devices::Insn>(), 8);
    }

    /// The kernel's verifier accepts the programs (as real root: loading
    /// touches no cgroup; attaching is the VM suite's part).
    #[test]
    fn the_verifier_accepts_device_programs() {
        if !crate::plan::in_initial_userns_as_root() {
            eprintln!("skipped: needs real root");
            return;
        }
        let list: Vec<oci_spec::runtime::LinuxDeviceCgroup> = serde_json::from_value(serde_json::json!([
            {"allow": false, "access": "rwm"},
            {"allow": true, "type": "c", "major": 4, "minor": 64, "access": "rw"},
            {"allow": true, "type": "c", "major": 4, "minor": 65, "access": "r"},
            {"allow": true, "type": "c", "major": 4, "minor": 65, "access": "w"},
            {"allow": true, "type": "b", "major": 8, "access": "rwm"},
        ]))
        .unwrap();
        let rules = crate::devices::rules_from_oci(&list).unwrap();
        let prog = crate::devices::program(&crate::devices::Filter::new(&rules).unwrap());
        super::load_device_program(&prog, "rpod_test").expect("BPF_PROG_LOAD");
        // Allow-all with deny exceptions (the other kind of block).
        let list: Vec<oci_spec::runtime::LinuxDeviceCgroup> = serde_json::from_value(serde_json::json!([
            {"allow": true, "access": "rwm"},
            {"allow": false, "type": "c", "major": 4, "access": "w"},
            {"allow": false, "type": "b", "major": 8, "minor": 0, "access": "rwm"},
        ]))
        .unwrap();
        let rules = crate::devices::rules_from_oci(&list).unwrap();
        let other = crate::devices::program(&crate::devices::Filter::new(&rules).unwrap());
        super::load_device_program(&other, "rpod_test").expect("BPF_PROG_LOAD");
        // A program that reads past the context is refused: the check is real.
        let mut bad = prog.clone();
        bad[5].off = 64;
        assert_eq!(super::load_device_program(&bad, "rpod_test").unwrap_err(), Errno::EACCES);
    }
}
