//! Records what `rpod version` reports about the build: the compiler, the
//! git commit and a build time taken from the commit (or SOURCE_DATE_EPOCH),
//! so the same source gives the same binary.

use std::process::Command;

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = output(&rustc, &["--version"]).unwrap_or_default();
    let commit = output("git", &["rev-parse", "HEAD"]).unwrap_or_default();
    let built = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .or_else(|| output("git", &["log", "-1", "--format=%ct"]))
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    println!("cargo:rustc-env=RPOD_RUSTC_VERSION={rustc_version}");
    println!("cargo:rustc-env=RPOD_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=RPOD_BUILT={built}");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    for p in [".git/HEAD", ".git/refs/heads"] {
        if std::path::Path::new(p).exists() {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
