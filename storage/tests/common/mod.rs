//! Helpers shared by the storage tests: a tar builder that can write
//! hostile entries, digests, and store shortcuts.
#![allow(dead_code)]

use std::io::{self, Read};
use std::path::Path;

use rpod_storage::{LayerInfo, LayerSpec, StorageError, Store};
use sha2::{Digest, Sha256};
use tar::{EntryType, Header};

pub const MTIME: u64 = 1_704_067_200; // 2024-01-01

pub fn euid() -> u64 {
    u64::from(nix::unistd::geteuid().as_raw())
}

pub fn egid() -> u64 {
    u64::from(nix::unistd::getegid().as_raw())
}

pub fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

pub fn digest_of(data: &[u8]) -> String {
    format!("sha256:{}", sha256_hex(data))
}

/// Builds tars entry by entry, with raw (unvalidated) paths when asked.
pub struct TarB {
    b: tar::Builder<Vec<u8>>,
    pub uid: u64,
    pub gid: u64,
}

impl Default for TarB {
    fn default() -> Self {
        TarB::new()
    }
}

impl TarB {
    pub fn new() -> TarB {
        let mut b = tar::Builder::new(Vec::new());
        b.mode(tar::HeaderMode::Complete);
        TarB { b, uid: euid(), gid: egid() }
    }

    fn header(&self, kind: EntryType, mode: u32, size: u64) -> Header {
        let mut h = Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(self.uid);
        h.set_gid(self.gid);
        h.set_mtime(MTIME);
        h.set_size(size);
        h
    }

    /// An entry whose name bytes are written as given (up to 100 bytes),
    /// bypassing the tar crate's path checks.
    pub fn raw(&mut self, path: &str, kind: EntryType, mode: u32, link: Option<&str>, data: &[u8]) -> &mut Self {
        let mut h = self.header(kind, mode, data.len() as u64);
        set_raw_name(&mut h, path.as_bytes());
        if let Some(l) = link {
            let gnu = h.as_gnu_mut().unwrap();
            gnu.linkname = [0; 100];
            gnu.linkname[..l.len()].copy_from_slice(l.as_bytes());
        }
        h.set_cksum();
        self.b.append(&h, data).unwrap();
        self
    }

    pub fn with_header(&mut self, h: &mut Header, path: &str, data: &[u8]) -> &mut Self {
        self.b.append_data(h, path, data).unwrap();
        self
    }

    pub fn file(&mut self, path: &str, mode: u32, data: &[u8]) -> &mut Self {
        self.raw(path, EntryType::Regular, mode, None, data)
    }

    pub fn dir(&mut self, path: &str, mode: u32) -> &mut Self {
        self.raw(path, EntryType::Directory, mode, None, b"")
    }

    pub fn symlink(&mut self, path: &str, target: &str) -> &mut Self {
        self.raw(path, EntryType::Symlink, 0o777, Some(target), b"")
    }

    pub fn hardlink(&mut self, path: &str, target: &str) -> &mut Self {
        self.raw(path, EntryType::Link, 0o644, Some(target), b"")
    }

    pub fn fifo(&mut self, path: &str, mode: u32) -> &mut Self {
        self.raw(path, EntryType::Fifo, mode, None, b"")
    }

    pub fn device(&mut self, path: &str, kind: EntryType, major: u32, minor: u32) -> &mut Self {
        let mut h = self.header(kind, 0o666, 0);
        set_raw_name(&mut h, path.as_bytes());
        h.set_device_major(major).unwrap();
        h.set_device_minor(minor).unwrap();
        h.set_cksum();
        self.b.append(&h, &b""[..]).unwrap();
        self
    }

    /// A PAX extended header (`x`) followed by a regular entry.
    pub fn pax(&mut self, records: &[(&str, &[u8])]) -> &mut Self {
        self.b.append_pax_extensions(records.iter().map(|(k, v)| (*k, *v))).unwrap();
        self
    }

    /// A regular file with a long (GNU `L`) name.
    pub fn long_file(&mut self, path: &str, data: &[u8]) -> &mut Self {
        let mut h = self.header(EntryType::Regular, 0o644, data.len() as u64);
        self.b.append_data(&mut h, path, data).unwrap();
        self
    }

    pub fn long_symlink(&mut self, path: &str, target: &str) -> &mut Self {
        let mut h = self.header(EntryType::Symlink, 0o777, 0);
        self.b.append_link(&mut h, path, target).unwrap();
        self
    }

    pub fn finish(&mut self) -> Vec<u8> {
        let b = std::mem::replace(&mut self.b, tar::Builder::new(Vec::new()));
        b.into_inner().unwrap()
    }
}

fn set_raw_name(h: &mut Header, name: &[u8]) {
    let gnu = h.as_gnu_mut().unwrap();
    gnu.name = [0; 100];
    gnu.name[..name.len()].copy_from_slice(name);
}

/// The spec of a base layer for this tar.
pub fn base_spec(tar: &[u8]) -> LayerSpec {
    let d = digest_of(tar);
    LayerSpec { chain_id: d.clone(), parent: None, diff_id: d, compressed_digest: None }
}

/// The spec of a layer on top of `parent` (a chain ID).
pub fn child_spec(parent: &str, tar: &[u8]) -> LayerSpec {
    let d = digest_of(tar);
    LayerSpec {
        chain_id: rpod_storage::chain_id(Some(parent), &d),
        parent: Some(parent.to_string()),
        diff_id: d,
        compressed_digest: None,
    }
}

pub fn put(store: &Store, spec: &LayerSpec, tar: &[u8]) -> Result<LayerInfo, StorageError> {
    store.put_layer(spec, &mut &tar[..])
}

/// A reader that fails after `ok` bytes.
pub struct FailAfter<'a> {
    pub data: &'a [u8],
    pub ok: usize,
    pub pos: usize,
}

impl Read for FailAfter<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.ok {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "blob digest mismatch (test)"));
        }
        let n = buf.len().min(self.ok - self.pos).min(self.data.len() - self.pos);
        if n == 0 {
            return Ok(0);
        }
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Names in a directory (sorted).
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

/// Every path below `dir` (relative, sorted), not following symlinks.
pub fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for e in std::fs::read_dir(dir.join(&rel)).unwrap() {
            let e = e.unwrap();
            let r = rel.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                stack.push(r.clone());
            }
            out.push(r.to_string_lossy().into_owned());
        }
    }
    out.sort();
    out
}

/// Gives the owner rwx on every directory below `dir` (not following
/// symlinks), so that it can be deleted.
pub fn make_removable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let _ = std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o700));
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            }
        }
    }
}

/// A deterministic pseudo-random generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A "realistic" layer: `files` files of varying size in nested
/// directories, a few symlinks and hardlinks.
pub fn generated_layer(seed: u64, files: usize, max_size: usize) -> Vec<u8> {
    let mut rng = Rng(seed.wrapping_mul(2).wrapping_add(1));
    let mut t = TarB::new();
    let mut content = vec![0u8; max_size];
    for (i, b) in content.iter_mut().enumerate() {
        *b = (i * 31 % 251) as u8;
    }
    for d in 0..(files / 50).max(1) {
        t.dir(&format!("usr/d{d:03}/"), 0o755);
    }
    t.dir("usr/", 0o755);
    for i in 0..files {
        let d = i % (files / 50).max(1);
        let size = rng.below(max_size as u64 + 1) as usize;
        t.file(&format!("usr/d{d:03}/f{i:05}"), 0o644, &content[..size]);
        if i % 97 == 0 {
            t.symlink(&format!("usr/d{d:03}/s{i:05}"), &format!("f{i:05}"));
        }
        if i % 101 == 0 {
            t.hardlink(&format!("usr/d{d:03}/h{i:05}"), &format!("usr/d{d:03}/f{i:05}"));
        }
    }
    t.finish()
}
