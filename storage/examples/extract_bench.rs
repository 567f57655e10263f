//! Times the extractor on an uncompressed layer tar:
//!
//! ```text
//! cargo run --release -p rpod-storage --example extract_bench -- LAYER.tar DEST_PARENT [N] [--store [--layer-tar]]
//! ```
//!
//! Extracts N times (default 3) into fresh directories under DEST_PARENT
//! and prints the time of each run; with `--store`, does a full
//! `Store::put_layer` (hashing, staging, tar-split, rename, commit) into a
//! fresh store each time and prints the tar-split's size; `--layer-tar`
//! also times reading `Store::layer_tar` back (re-assembly + verification).
//! Compare with `tar -xf` into the same file system.

use std::io::Read;
use std::time::Instant;

use rpod_storage::extract::{extract, ExtractOptions};
use rpod_storage::{LayerSpec, Store, StoreOptions};
use sha2::{Digest, Sha256};

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    let store = std::env::args().any(|a| a == "--store");
    let read_back = std::env::args().any(|a| a == "--layer-tar");
    if args.len() < 3 {
        eprintln!("usage: extract_bench LAYER.tar DEST_PARENT [N] [--store]");
        std::process::exit(2);
    }
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
    let diff_id = if store {
        let mut h = Sha256::new();
        let mut f = std::fs::File::open(&args[1]).unwrap();
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let k = f.read(&mut buf).unwrap();
            if k == 0 {
                break;
            }
            h.update(&buf[..k]);
        }
        format!("sha256:{}", h.finalize().iter().map(|b| format!("{b:02x}")).collect::<String>())
    } else {
        String::new()
    };
    for i in 0..n {
        let dest = std::path::Path::new(&args[2]).join(format!("run-{}-{i}", std::process::id()));
        std::fs::create_dir_all(&dest).unwrap();
        let f = std::fs::File::open(&args[1]).unwrap();
        let mut r = std::io::BufReader::with_capacity(1 << 20, f);
        let t = Instant::now();
        if store {
            let s = Store::open(&dest, StoreOptions { rootless_xattrs: true, ..Default::default() }).unwrap();
            let spec = LayerSpec {
                chain_id: diff_id.clone(),
                parent: None,
                diff_id: diff_id.clone(),
                compressed_digest: None,
            };
            let info = s.put_layer(&spec, &mut r).unwrap();
            let took = t.elapsed();
            let split = dest.join("layers").join(&diff_id[7..]).join("tar-split.zst");
            let split_size = std::fs::metadata(&split).map(|m| m.len()).unwrap_or(0);
            println!("run {i}: put_layer {took:?} ({} bytes, tar-split {split_size} bytes)", info.size);
            if read_back {
                let t = Instant::now();
                let n = std::io::copy(&mut s.layer_tar(&diff_id).unwrap(), &mut std::io::sink()).unwrap();
                println!("run {i}: layer_tar {:?} ({n} bytes, verified)", t.elapsed());
            }
        } else {
            let opts = ExtractOptions {
                layer: "bench",
                rootless_xattrs: true,
                force_xattr_whiteouts: false,
                ignore_chown_errors: false,
                limits: Default::default(),
            };
            let st = extract(&dest, &mut r, &opts).unwrap();
            println!("run {i}: extract {:?} ({} entries, {} bytes)", t.elapsed(), st.entries, st.file_bytes);
        }
    }
}
