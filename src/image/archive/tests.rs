//! Tests of reading and writing archives.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Seek, Write};

use super::read::*;
use super::write::*;
use super::*;
use crate::registry::manifest::{OCI_CONFIG, OCI_MANIFEST};
use crate::registry::{Descriptor, Digest, ImageIndex};

#[test]
fn cleans_paths() {
    assert_eq!(clean("./a//b/./c").as_deref(), Some("a/b/c"));
    assert_eq!(clean("/blobs/sha256/x").as_deref(), Some("blobs/sha256/x"));
    assert_eq!(clean("a/../b").as_deref(), Some("b"));
    assert_eq!(clean("../x"), None);
    assert_eq!(clean("a/../../x"), None);
}

fn tar_of(entries: &[(&str, &[u8])], links: &[(&str, &str)]) -> File {
    let mut b = tar::Builder::new(Vec::new());
    for (p, d) in entries {
        b.append(&tar_header(p, d.len() as u64, false).unwrap(), *d).unwrap();
    }
    for (p, t) in links {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_size(0);
        b.append_link(&mut h, p, t).unwrap();
    }
    let bytes = b.into_inner().unwrap();
    let mut f = tempfile::tempfile().unwrap();
    f.write_all(&bytes).unwrap();
    f.rewind().unwrap();
    f
}

fn read(files: &dyn Files, p: &str) -> Vec<u8> {
    let (mut r, n) = files.open(p).unwrap();
    let mut v = Vec::new();
    r.read_to_end(&mut v).unwrap();
    assert_eq!(v.len() as u64, n);
    v
}

#[test]
fn tar_index_reads_entries_and_links() {
    let big: Vec<u8> = (0..100_000u32).map(|i| (i % 253) as u8).collect();
    let f =
        tar_of(&[("./manifest.json", b"[]"), ("abc.tar", &big)], &[("x/layer.tar", "../abc.tar"), ("loop", "loop")]);
    let t = TarFiles::index(f).unwrap();
    assert_eq!(read(&t, "manifest.json"), b"[]");
    assert_eq!(read(&t, "abc.tar"), big);
    assert_eq!(read(&t, "x/layer.tar"), big);
    assert!(!t.contains("loop"));
    assert!(!t.contains("nope"));
}

#[test]
fn truncated_and_junk_tars_are_refused() {
    let big = vec![7u8; 10_000];
    let f = tar_of(&[("a", &big)], &[]);
    let len = f.metadata().unwrap().len();
    f.set_len(len - 2048 - 1000).unwrap();
    let e = TarFiles::index(f).err().unwrap().to_string();
    assert!(e.contains("truncated"), "{e}");

    let mut f = tempfile::tempfile().unwrap();
    f.write_all(&b"root:x:0:0:root:/root:/bin/bash\n".repeat(60)).unwrap();
    f.rewind().unwrap();
    let e = TarFiles::index(f).err().unwrap().to_string();
    // What it is not, without the raw bytes the tar crate quotes.
    assert_eq!(e, "not a tar archive");

    let mut f = tar_of(&[("a", b"x")], &[]);
    f.seek(io::SeekFrom::Start(1024)).unwrap();
    f.write_all(&[b'y'; 512]).unwrap();
    f.rewind().unwrap();
    let e = TarFiles::index(f).err().unwrap().to_string();
    assert_eq!(e, "damaged tar archive: the header after 1 entries is unreadable");
}

#[test]
fn exact_reader_checks_the_size() {
    let mut v = Vec::new();
    let r = ExactReader { inner: &b"hello"[..], left: 5, what: "x".into() };
    io::copy(&mut { r }, &mut v).unwrap();
    let mut r = ExactReader { inner: &b"hello"[..], left: 4, what: "x".into() };
    assert!(io::copy(&mut r, &mut io::sink()).is_err());
    let mut r = ExactReader { inner: &b"hello"[..], left: 6, what: "x".into() };
    assert!(io::copy(&mut r, &mut io::sink()).is_err());
}

#[test]
fn index_entries_per_name() {
    let w = Written {
        manifest: b"{}".to_vec(),
        manifest_desc: Descriptor::of(OCI_MANIFEST, b"{}"),
        config: vec![],
        config_desc: Descriptor::of(OCI_CONFIG, b""),
        layers: vec![],
        names: vec!["localhost/a:1".into(), "localhost/b:2".into()],
        id: String::new(),
    };
    let idx: ImageIndex = serde_json::from_slice(&oci_index(std::slice::from_ref(&w), None).unwrap()).unwrap();
    assert_eq!(idx.manifests.len(), 2);
    assert_eq!(idx.manifests[1].annotations.as_ref().unwrap()[REF_NAME], "localhost/b:2");
    // An existing layout keeps other names, loses the retaken ones.
    let mut old = idx.clone();
    old.manifests[0].digest = Digest::sha256_of(b"old");
    old.manifests[1].digest = Digest::sha256_of(b"older");
    old.manifests[1].annotations = Some(BTreeMap::from([(REF_NAME.to_string(), "localhost/c:3".to_string())]));
    let idx: ImageIndex = serde_json::from_slice(&oci_index(&[w], Some(old)).unwrap()).unwrap();
    let names: Vec<&str> = idx.manifests.iter().map(|d| d.annotations.as_ref().unwrap()[REF_NAME].as_str()).collect();
    assert_eq!(names, ["localhost/c:3", "localhost/a:1", "localhost/b:2"]);
}
