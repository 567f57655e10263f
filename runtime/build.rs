//! Builds `init/rpod_init.rs`, the `--init` program, as a statically linked
//! executable (it runs inside any image, which may have no libc at all or
//! another one), for the engine to embed and run from a sealed memfd.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let src = "init/rpod_init.rs";
    println!("cargo:rerun-if-changed={src}");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("rpod-init");
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let target = env::var("TARGET").expect("cargo sets TARGET");
    let output = Command::new(rustc)
        .args(["--edition=2021", "--crate-type=bin", "--crate-name=rpod_init", "--target", &target])
        .args(["-Copt-level=s", "-Cpanic=abort", "-Ctarget-feature=+crt-static", "-Cstrip=symbols", "-Cdebuginfo=0"])
        .arg("-o")
        .arg(&out)
        .arg(src)
        .output()
        .expect("running rustc for rpod-init");
    if !output.status.success() {
        panic!(
            "building {src} (statically linked; it needs the C library's static archives, libc6-dev):\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
