//! `rpod secret` and `run/create --secret`, rootless and as root: Podman
//! 4.3's commands, output and exit codes; the store's files private; a
//! secret mounted read-only or given as a variable, its data read at each
//! start.

use std::os::unix::fs::PermissionsExt;

use rpod_testbed::bed::{describe, text, Bed};
use rpod_testbed::engine::{each_mode, Eng, Mode};
use serde_json::Value;

/// `rpod ARGS` with `data` on standard input.
fn with_stdin(e: &Eng, args: &[&str], data: &[u8]) -> std::process::Output {
    let f = e.path(&format!("stdin-{}", data.len()));
    std::fs::write(&f, data).unwrap();
    if e.mode == Mode::Rootless {
        let b = Bed::get();
        std::os::unix::fs::chown(&f, Some(b.test_uid), Some(b.test_gid)).unwrap();
    }
    e.run_stdin(args, &f)
}

#[track_caller]
fn fails(e: &Eng, args: &[&str], code: i32, message: &str) {
    let out = e.run(args);
    assert_eq!(out.status.code(), Some(code), "{:?} rpod {args:?}\n{}", e.mode, describe(&out));
    let err = text(&out.stderr);
    assert!(err.contains(message), "{:?} rpod {args:?}: expected {message:?} in\n{err}", e.mode);
}

#[test]
fn secret_commands_as_podman() {
    each_mode("secrets-cmds", |e| {
        let out = with_stdin(e, &["secret", "create", "--label", "a=b", "--label", "k", "one", "-"], b"s3cr3t");
        assert!(out.status.success(), "{}", describe(&out));
        let id = text(&out.stdout).trim().to_string();
        assert!(id.len() == 25 && id.bytes().all(|b| b.is_ascii_hexdigit()), "{id:?}");
        let file = e.path("data");
        std::fs::write(&file, "from a file").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        e.ok(&["secret", "create", "--driver-opts", "x=y", "two", &file.display().to_string()]);

        // The store: 0700 directories, 0600 files, Podman's file driver layout.
        let dir = e.dir.path().join("root/secrets");
        for (p, mode) in
            [("", 0o700), ("filedriver", 0o700), ("secrets.json", 0o600), ("filedriver/secretsdata.json", 0o600)]
        {
            let m = std::fs::metadata(dir.join(p)).unwrap().permissions().mode() & 0o777;
            assert_eq!(m, mode, "{:?}: {p}", e.mode);
        }
        let data = std::fs::read_to_string(dir.join("filedriver/secretsdata.json")).unwrap();
        assert!(data.contains("czNjcjN0"), "the data, base64, under its ID: {data}");

        // ls: Podman's table, --noheading, -q, --format, filters.
        let ls = e.ok(&["secret", "ls"]);
        let mut lines = ls.lines();
        let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        assert_eq!(header, ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"], "{ls}");
        assert!(ls.contains(&id) && ls.contains("one") && ls.contains("ago"), "{ls}");
        assert_eq!(lines.count(), 2, "{ls}");
        assert_eq!(e.ok(&["secret", "ls", "--noheading"]).lines().count(), 2);
        assert!(e.ok(&["secret", "ls", "-q"]).lines().any(|l| l == id));
        assert_eq!(e.ok(&["secret", "list", "--format", "{{.Name}} {{.Driver}}"]), "one file\ntwo file\n");
        assert_eq!(e.ok(&["secret", "ls", "--filter", "name=^tw", "--format", "{{.Name}}"]), "two\n");
        assert_eq!(e.ok(&["secret", "ls", "--filter", &format!("id={}", &id[..8]), "-q"]), format!("{id}\n"));
        fails(e, &["secret", "ls", "--filter", "bogus=1"], 125, "invalid filter \"bogus\"");

        // inspect: Podman's JSON (no data), --format, --pretty; by name or ID prefix.
        let v: Value = serde_json::from_str(&e.ok(&["secret", "inspect", "one"])).unwrap();
        let s = &v[0];
        assert_eq!(s["ID"], id.as_str());
        assert_eq!(s["Spec"]["Name"], "one");
        assert_eq!(s["Spec"]["Driver"]["Name"], "file");
        assert_eq!(s["Spec"]["Driver"]["Options"]["path"], dir.join("filedriver").display().to_string());
        assert_eq!(s["Spec"]["Labels"], serde_json::json!({"a": "b", "k": ""}));
        assert_eq!(s["CreatedAt"], s["UpdatedAt"]);
        assert!(!v.to_string().contains("s3cr3t") && !v.to_string().contains("czNjcjN0"), "{v}");
        assert_eq!(e.ok(&["secret", "inspect", "--format", "{{.Spec.Name}}", &id[..6]]), "one\n");
        let v: Value = serde_json::from_str(&e.ok(&["secret", "inspect", "two"])).unwrap();
        assert_eq!(v[0]["Spec"]["Driver"]["Options"]["x"], "y");
        let pretty = e.ok(&["secret", "inspect", "--pretty", "one"]);
        assert!(pretty.starts_with(&format!("ID:              {id}\nName:              one\nLabels:\n - a=b\n - k\nDriver:            file\nCreated at:        ")), "{pretty}");

        // Podman's errors and exit codes.
        fails(e, &["secret", "create", "one", &file.display().to_string()], 125, "one: secret name in use");
        fails(e, &["secret", "create", "bad/name", &file.display().to_string()], 125, "invalid secret name");
        let missing = e.path("missing").display().to_string();
        fails(e, &["secret", "create", "e", &missing], 125, &format!("open {missing}: No such file"));
        let out = with_stdin(e, &["secret", "create", "empty", "-"], b"");
        assert_eq!(out.status.code(), Some(125));
        assert!(text(&out.stderr).contains("secret data must be larger than 0 and less than 512000 bytes"));
        let out = with_stdin(e, &["secret", "create", "big", "-"], &vec![b'x'; 512_000]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        fails(e, &["secret", "create", "--driver", "pass", "p", &file.display().to_string()], 125, "file driver only");
        fails(
            e,
            &["secret", "create", "--env", "env1", "RPOD_NOT_SET_ANYWHERE"],
            125,
            "environment variable RPOD_NOT_SET_ANYWHERE is not set",
        );
        fails(e, &["secret", "inspect", "nope"], 125, "no secret with name or id \"nope\": no such secret");
        fails(e, &["secret", "rm"], 125, "requires one argument, or the --all flag");
        assert_eq!(e.ok(&["secret", "ls", "-q"]).lines().count(), 2, "nothing half-made by the failures");

        // rm: prints the IDs; a missing one fails (125) after the others are removed.
        let out = e.run(&["secret", "rm", "nope", "one"]);
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert_eq!(text(&out.stdout), format!("{id}\n"));
        assert_eq!(e.ok(&["secret", "rm", "-a"]).lines().count(), 1);
        assert_eq!(e.ok(&["secret", "ls", "-q"]), "");
        let data = std::fs::read_to_string(dir.join("filedriver/secretsdata.json")).unwrap();
        assert!(!data.contains("czNjcjN0"), "the data went with the secret: {data}");
    });
}

#[test]
fn run_with_secrets_mounted_and_as_variables() {
    each_mode("secrets-run", |e| {
        let out = with_stdin(e, &["secret", "create", "s1", "-"], b"topsecret");
        assert!(out.status.success(), "{}", describe(&out));
        let img = e.image.as_str();
        // Mounted read-only at /run/secrets/NAME, root's, 0444.
        let out = e.run(&[
            "run",
            "--rm",
            "--secret",
            "s1",
            img,
            "sh",
            "-c",
            "stat -c '%u %g %a' /run/secrets/s1; cat /run/secrets/s1; echo; echo x > /run/secrets/s1 && echo WROTE",
        ]);
        assert_eq!(text(&out.stdout), "0 0 444\ntopsecret\n", "{:?}\n{}", e.mode, describe(&out));
        assert!(text(&out.stderr).contains("Read-only file system"), "{}", describe(&out));
        // Another target, owner and mode; a relative target is under /run/secrets.
        let out = e.ok(&[
            "run",
            "--rm",
            "--secret",
            "s1,target=/etc/x,uid=5,gid=6,mode=0400",
            "--secret",
            "s1,target=rel",
            img,
            "sh",
            "-c",
            "stat -c '%u %g %a' /etc/x /run/secrets/rel; cat /etc/x",
        ]);
        assert_eq!(out, "5 6 400\n0 0 444\ntopsecret");
        // A variable, named NAME or target, over -e.
        let out = e.ok(&[
            "run",
            "--rm",
            "-e",
            "FOO=plain",
            "--secret",
            "s1,type=env",
            "--secret",
            "source=s1,type=env,target=FOO",
            img,
            "sh",
            "-c",
            "echo $s1 $FOO",
        ]);
        assert_eq!(out, "topsecret topsecret\n");
        // Podman's parse errors; a missing secret fails create, nothing made.
        fails(
            e,
            &["run", "--rm", "--secret", "s1,type=bogus", img, "true"],
            125,
            "type bogus is invalid: parsing secret",
        );
        fails(
            e,
            &["run", "--rm", "--secret", "s1,type=env,uid=4", img, "true"],
            125,
            "UID, GID, Mode options cannot be set with secret type env",
        );
        fails(e, &["create", "--secret", "nope", img, "true"], 125, "no secret with name or id \"nope\"");
        assert_eq!(e.ok(&["ps", "-aq"]), "");
        // Recorded at create (inspect lists the mounted ones), read at each start.
        e.ok(&[
            "create",
            "--name",
            "c",
            "--secret",
            "s1",
            "--secret",
            "s1,type=env,target=E",
            img,
            "sh",
            "-c",
            "cat /run/secrets/s1; echo \" $E\"",
        ]);
        let v = e.inspect("c");
        let id = e.ok(&["secret", "inspect", "--format", "{{.ID}}", "s1"]);
        assert_eq!(
            v["Config"]["Secrets"],
            serde_json::json!([{"Name": "s1", "ID": id.trim(), "UID": 0, "GID": 0, "Mode": 292}])
        );
        assert!(!v.to_string().contains("topsecret"), "the data is not in the container's record");
        assert_eq!(e.ok(&["start", "-a", "c"]), "topsecret topsecret\n");
        e.ok(&["secret", "rm", "s1"]);
        fails(e, &["start", "-a", "c"], 125, "no secret with name or id \"s1\"");
        e.ok(&["rm", "c"]);
    });
}
