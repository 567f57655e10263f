//! A bound on the tar stream's extension headers, checked before the `tar`
//! crate sees them: it reads a PAX extended header (`x`, `g`) or a GNU long
//! name (`L`, `K`) whole into memory, whatever size its header claims, so a
//! layer could make extraction allocate gigabytes. [`HeaderGuard`] follows
//! the stream's blocks as the `tar` crate does (headers, GNU sparse
//! extension blocks, data rounded up to 512 bytes, the size a PAX `size`
//! record gives the next entry) and fails the read of a header whose
//! extension data is larger than [`MAX_EXTENSION`] (Go's `archive/tar`
//! limit, so Podman refuses the same layers).

use std::io::{self, Read};

/// The largest PAX or GNU long-name data accepted.
pub const MAX_EXTENSION: u64 = 1 << 20;

const BLOCK: u64 = 512;

enum State {
    /// Collecting a header block.
    Header,
    /// Collecting a GNU sparse extension block.
    SparseExt { size: u64 },
    /// Passing `left` data bytes (`pax`: keep them, they are a PAX header).
    Data { left: u64, keep: bool },
    /// After the end of the archive, or a header the `tar` crate will
    /// refuse itself: everything passes unchecked.
    Off,
}

/// Wraps the reader of a tar stream; see the module doc.
pub struct HeaderGuard<R> {
    inner: R,
    state: State,
    block: Vec<u8>,
    /// The data of the last PAX `x` header, until the entry it describes.
    pax: Option<Vec<u8>>,
    collecting: Vec<u8>,
}

impl<R: Read> HeaderGuard<R> {
    pub fn new(inner: R) -> HeaderGuard<R> {
        HeaderGuard { inner, state: State::Header, block: Vec::with_capacity(512), pax: None, collecting: Vec::new() }
    }

    /// Follows `data`, as read from the stream.
    fn follow(&mut self, mut data: &[u8]) -> io::Result<()> {
        while !data.is_empty() {
            match &mut self.state {
                State::Off => return Ok(()),
                State::Data { left, keep } => {
                    let n = (*left).min(data.len() as u64) as usize;
                    if *keep {
                        self.collecting.extend_from_slice(&data[..n]);
                    }
                    *left -= n as u64;
                    data = &data[n..];
                    if *left == 0 {
                        if *keep {
                            self.pax = Some(std::mem::take(&mut self.collecting));
                        }
                        self.state = State::Header;
                    }
                }
                State::Header | State::SparseExt { .. } => {
                    let n = (512 - self.block.len()).min(data.len());
                    self.block.extend_from_slice(&data[..n]);
                    data = &data[n..];
                    if self.block.len() == 512 {
                        let block = std::mem::take(&mut self.block);
                        self.state = self.next_state(&block)?;
                        self.block = block;
                        self.block.clear();
                    }
                }
            }
        }
        Ok(())
    }

    /// What follows the complete block `b` (a header or a sparse extension).
    fn next_state(&mut self, b: &[u8]) -> io::Result<State> {
        if let State::SparseExt { size } = self.state {
            return Ok(if b[504] != 0 { State::SparseExt { size } } else { data(size, false) });
        }
        if b.iter().all(|&x| x == 0) {
            // The end of the archive: the tar crate stops here.
            return Ok(State::Off);
        }
        let Some(mut size) = entry_size(&b[124..136]) else { return Ok(State::Off) };
        let kind = b[156];
        let extension = matches!(kind, b'x' | b'g' | b'L' | b'K');
        if extension && size > MAX_EXTENSION {
            let what = match kind {
                b'x' | b'g' => "a PAX extended header",
                _ => "a GNU long name",
            };
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{what} of {size} bytes (more than {MAX_EXTENSION}, the largest accepted)"),
            ));
        }
        let ustar = &b[257..263] == b"ustar\0";
        let gnu = &b[257..265] == b"ustar  \0";
        if !extension {
            if let Some(pax) = self.pax.take() {
                if let Some(s) = pax_size(&pax) {
                    size = s;
                }
            }
        }
        if kind == b'x' && (ustar || gnu) {
            return Ok(data(size, true));
        }
        if kind == b'S' && gnu && b[482] != 0 {
            return Ok(State::SparseExt { size });
        }
        Ok(data(size, false))
    }
}

fn data(size: u64, keep: bool) -> State {
    match size.checked_add(BLOCK - 1) {
        Some(s) if s & !(BLOCK - 1) == 0 => State::Header,
        Some(s) => State::Data { left: s & !(BLOCK - 1), keep },
        None => State::Off,
    }
}

/// A header's size field as the `tar` crate reads it: octal (spaces and
/// NULs around it) or, with the top bit set, big-endian binary.
fn entry_size(f: &[u8]) -> Option<u64> {
    if f[0] & 0x80 != 0 {
        let mut v: u64 = 0;
        for (i, &b) in f.iter().enumerate() {
            let b = if i == 0 { b & 0x7f } else { b };
            v = v.checked_mul(256)?.checked_add(u64::from(b))?;
        }
        return Some(v);
    }
    let end = f.iter().position(|&b| b == 0).unwrap_or(f.len());
    let s = std::str::from_utf8(&f[..end]).ok()?.trim_matches(' ');
    if s.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(s, 8).ok()
}

/// The `size` record of PAX data (`LEN size=N\n`), as the tar crate takes
/// it.
fn pax_size(pax: &[u8]) -> Option<u64> {
    let mut rest = pax;
    let mut found = None;
    while !rest.is_empty() {
        let sp = rest.iter().position(|&b| b == b' ')?;
        let len: usize = std::str::from_utf8(&rest[..sp]).ok()?.parse().ok()?;
        if len <= sp || len > rest.len() {
            return found;
        }
        let record = &rest[sp + 1..len];
        let record = record.strip_suffix(b"\n").unwrap_or(record);
        if let Some(v) = record.strip_prefix(b"size=") {
            found = std::str::from_utf8(v).ok().and_then(|v| v.parse().ok());
        }
        rest = &rest[len..];
    }
    found
}

impl<R: Read> Read for HeaderGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.follow(&buf[..n])?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(data: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        // Small reads, so blocks straddle them.
        let mut inner = HeaderGuard::new(io::Cursor::new(data.to_vec()));
        let mut buf = [0u8; 100];
        loop {
            let n = inner.read(&mut buf)?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    fn archive(pax: &[(&str, &[u8])], file: &[u8]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        if !pax.is_empty() {
            b.append_pax_extensions(pax.iter().copied()).unwrap();
        }
        let mut h = tar::Header::new_ustar();
        h.set_size(file.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "f", file).unwrap();
        let mut h = tar::Header::new_gnu();
        h.set_size(3);
        h.set_cksum();
        b.append_data(&mut h, "g", &b"abc"[..]).unwrap();
        b.into_inner().unwrap()
    }

    #[test]
    fn ordinary_archives_pass_unchanged() {
        let big = vec![7u8; 5000];
        let long = "d/".repeat(200) + "f";
        for a in [
            archive(&[], b"hello"),
            archive(&[("SCHILY.xattr.user.x", b"1"), ("mtime", b"1.5")], &big),
            archive(&[("path", long.as_bytes())], b""),
        ] {
            assert_eq!(read_all(&a).unwrap(), a);
            // And the tar crate reads it through the guard.
            let mut ar = tar::Archive::new(HeaderGuard::new(io::Cursor::new(a.clone())));
            assert_eq!(ar.entries().unwrap().count(), 2);
        }
    }

    #[test]
    fn a_huge_pax_header_is_refused_before_it_is_read() {
        // A PAX header claiming 2 GiB: refused at its header, from 512 bytes.
        let mut h = tar::Header::new_ustar();
        h.set_entry_type(tar::EntryType::XHeader);
        h.set_size(2 << 30);
        h.set_cksum();
        let mut a = h.as_bytes().to_vec();
        a.extend(std::iter::repeat_n(b'a', 4096));
        let e = read_all(&a).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("PAX extended header of 2147483648 bytes"), "{e}");
        // Just over the limit, after an ordinary entry.
        let mut a = archive(&[], b"x");
        a.truncate(a.len() - 1024);
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::GNULongName);
        h.set_size(MAX_EXTENSION + 1);
        h.set_cksum();
        a.extend_from_slice(h.as_bytes());
        assert!(read_all(&a).unwrap_err().to_string().contains("GNU long name"));
    }

    #[test]
    fn sizes_as_the_tar_crate_reads_them() {
        assert_eq!(entry_size(b"00000001750\0"), Some(1000));
        assert_eq!(entry_size(b" 1750 \0\0\0\0\0\0"), Some(1000));
        assert_eq!(entry_size(&[0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), Some(256));
        assert_eq!(entry_size(b"\0\0\0\0\0\0\0\0\0\0\0\0"), Some(0));
        assert_eq!(pax_size(b"12 size=100\n20 path=abcdefghijk\n"), Some(100));
        assert_eq!(pax_size(b"20 path=abcdefghijk\n"), None);
    }
}
