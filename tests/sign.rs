//! `push --sign-by` (simple signing with gpg, a throwaway GNUPGHOME key),
//! `--sign-passphrase-file`, `--remove-signatures`, root and rootless,
//! against the test bed's plain registry. The signature lands in the
//! default lookaside store (no registries.d here: root
//! /var/lib/containers/sigstore, rootless ~/.local/share/containers/sigstore)
//! and gpg verifies it and gives back the payload naming the pushed
//! reference and its manifest digest.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use rpod_testbed::bed::{describe, output_with_timeout, text, Bed};
use rpod_testbed::engine::{each_mode, Eng, Mode};
use serde_json::Value;

/// gpg as the engine's user with this GNUPGHOME.
fn gpg(e: &Eng, home: &Path, args: &[&str]) -> std::process::Output {
    let bed = Bed::get();
    let mut cmd: Command = match e.mode {
        Mode::Rootless => bed.rootless_command("/usr/bin/gpg"),
        Mode::Root => bed.root_command("/usr/bin/gpg"),
    };
    cmd.env("GNUPGHOME", home).args(["--batch", "--no-tty"]).args(args);
    output_with_timeout(&mut cmd, Duration::from_secs(120))
}

fn owned(e: &Eng, p: &Path) {
    if e.mode == Mode::Rootless {
        let b = Bed::get();
        std::os::unix::fs::chown(p, Some(b.test_uid), Some(b.test_gid)).unwrap();
    }
}

#[test]
fn push_signs_with_gpg_into_the_lookaside_store() {
    each_mode("sign", |e| {
        let bed = Bed::get();
        let home = e.path("gnupg");
        std::fs::create_dir(&home).unwrap();
        std::fs::set_permissions(&home, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
        owned(e, &home);
        let out = gpg(
            e,
            &home,
            &[
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "pw",
                "--quick-gen-key",
                "rpod test <rpod@test.invalid>",
                "ed25519",
                "sign",
                "never",
            ],
        );
        assert!(out.status.success(), "{}", describe(&out));
        let listed = text(&gpg(e, &home, &["--list-secret-keys", "--with-colons"]).stdout);
        let fpr = listed.lines().find_map(|l| l.strip_prefix("fpr:")).unwrap().trim_matches(':').to_string();
        let pass = e.path("pass");
        std::fs::write(&pass, "pw\n").unwrap();
        owned(e, &pass);
        let pass = pass.display().to_string();
        let push = |args: &[&str]| {
            let mut cmd = e.cmd(args);
            cmd.env("GNUPGHOME", &home);
            output_with_timeout(&mut cmd, Duration::from_secs(300))
        };
        let repo = format!("rpod-sign-{}-{:?}", std::process::id(), e.mode).to_lowercase();
        let store: PathBuf = match e.mode {
            Mode::Root => PathBuf::from("/var/lib/containers/sigstore"),
            Mode::Rootless => bed.test_home.join(".local/share/containers/sigstore"),
        };
        let sigs = |tag_digest: &str| store.join(format!("library/{repo}@sha256={tag_digest}"));

        // --remove-signatures: rpod copies none, an unsigned image pushes as ever.
        let dest = format!("{}/library/{repo}:plain", bed.registry);
        let out = push(&["push", "-q", "--tls-verify=false", "--remove-signatures", &e.image, &dest]);
        assert!(out.status.success(), "{}", describe(&out));

        // A key that cannot sign (no passphrase in batch mode): nothing signed, exit 125.
        let dest = format!("{}/library/{repo}:signed", bed.registry);
        let out = push(&["push", "-q", "--tls-verify=false", "--sign-by", &fpr, &e.image, &dest]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(text(&out.stderr).contains("gpg failed"), "{}", describe(&out));
        let out = push(&["push", "-q", "--tls-verify=false", "--sign-by", "NOSUCHKEY", &e.image, &dest]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));

        let left: Vec<String> = std::fs::read_dir(store.join("library"))
            .map(|d| {
                d.flatten()
                    .map(|x| x.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with(&repo))
                    .collect()
            })
            .unwrap_or_default();
        assert!(left.is_empty(), "signatures of failed pushes: {left:?}");

        // Signed: signature-1 under the manifest's digest, verified by gpg.
        let digestfile = e.path("digest");
        std::fs::write(&digestfile, "").unwrap();
        owned(e, &digestfile);
        let out = push(&[
            "push",
            "--tls-verify=false",
            "--sign-by",
            &fpr,
            "--sign-passphrase-file",
            &pass,
            "--digestfile",
            &digestfile.display().to_string(),
            &e.image,
            &dest,
        ]);
        assert!(out.status.success(), "{}", describe(&out));
        assert!(describe(&out).contains("Storing signatures"), "{}", describe(&out));
        let digest = std::fs::read_to_string(&digestfile).unwrap();
        let hex = digest.strip_prefix("sha256:").unwrap();
        let sig = sigs(hex).join("signature-1");
        assert!(sig.is_file(), "{} missing", sig.display());
        let out = gpg(e, &home, &["--decrypt", &sig.display().to_string()]);
        assert!(out.status.success(), "gpg cannot verify it: {}", describe(&out));
        assert!(text(&out.stderr).contains("Good signature"), "{}", describe(&out));
        let payload: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(payload["critical"]["type"], "atomic container signature");
        assert_eq!(payload["critical"]["identity"]["docker-reference"], dest.as_str());
        assert_eq!(payload["critical"]["image"]["docker-manifest-digest"], digest.as_str());
        let _ = std::fs::remove_dir_all(sigs(hex));
    });
}
