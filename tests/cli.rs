//! The command line as a user meets it, as the current user (root in CI):
//! the command list, usage errors and exit codes, `version`, `info`,
//! `completion`. The rootless side lives in tests/rootless.rs.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn rpod(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rpod")).args(args).output().expect("running rpod")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[track_caller]
fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// `rpod` with a private store and run root, so tests never touch /var/lib/rpod.
fn rpod_in(dir: &Path, args: &[&str]) -> Output {
    let root = dir.join("root");
    let runroot = dir.join("run");
    let mut all = vec!["--root", root.to_str().unwrap(), "--runroot", runroot.to_str().unwrap()];
    all.extend_from_slice(args);
    rpod(&all)
}

#[test]
fn help_lists_exactly_the_working_commands() {
    let help = ok(&rpod(&["--help"]));
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .expect("a Commands section")
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        commands,
        [
            "attach",
            "build",
            "buildx",
            "commit",
            "completion",
            "container",
            "cp",
            "create",
            "diff",
            "events",
            "exec",
            "export",
            "healthcheck",
            "history",
            "image",
            "images",
            "import",
            "info",
            "inspect",
            "kill",
            "load",
            "login",
            "logout",
            "logs",
            "network",
            "pause",
            "pod",
            "port",
            "ps",
            "pull",
            "push",
            "rename",
            "restart",
            "rm",
            "rmi",
            "run",
            "save",
            "search",
            "secret",
            "start",
            "stats",
            "stop",
            "system",
            "tag",
            "top",
            "unpause",
            "unshare",
            "untag",
            "update",
            "version",
            "volume",
            "wait"
        ],
        "{help}"
    );
    for global in ["--root", "--runroot", "--storage-driver", "--log-level", "--help", "--version"] {
        assert!(help.contains(global), "{global} missing from --help:\n{help}");
    }
    // And each of them works.
    let dir = tempfile::tempdir().unwrap();
    ok(&rpod(&["completion", "bash"]));
    ok(&rpod_in(dir.path(), &["info"]));
    ok(&rpod_in(dir.path(), &["system", "info"]));
    ok(&rpod(&["version"]));
    assert_eq!(ok(&rpod_in(dir.path(), &["images", "-q"])), "");
    // unshare works rootless (tests/rootless.rs); as root it says so, like Podman.
    if nix::unistd::geteuid().is_root() {
        let out = rpod(&["unshare", "true"]);
        assert_eq!(out.status.code(), Some(125));
        assert_eq!(text(&out.stderr), "Error: please use unshare with rootless\n");
    }
}

#[test]
fn version_flag_and_command() {
    assert_eq!(ok(&rpod(&["--version"])), format!("rpod version {}\n", env!("CARGO_PKG_VERSION")));
    let text = ok(&rpod(&["version"]));
    assert!(text.starts_with("Client:       rpod\nVersion:      "), "{text}");
    assert!(text.contains(&format!("OS/Arch:      linux/{}", rpod_runtime::host::oci_arch())), "{text}");
    assert_eq!(ok(&rpod(&["version", "--format", "{{.Client.Version}}"])), format!("{}\n", env!("CARGO_PKG_VERSION")));
    let v: Value = serde_json::from_str(&ok(&rpod(&["version", "--format", "json"]))).unwrap();
    assert_eq!(v["Client"]["Os"], "linux");
}

#[test]
fn usage_errors_exit_125_with_a_hint() {
    // A private store: usage errors never depend on (or touch) /var/lib/rpod.
    let dir = tempfile::tempdir().unwrap();
    let rpod = |args: &[&str]| rpod_in(dir.path(), args);
    let out = rpod(&["info", "--bogus"]);
    assert_eq!(out.status.code(), Some(125));
    let err = text(&out.stderr);
    assert!(err.starts_with("Error: unexpected argument '--bogus' found\n"), "{err}");
    assert!(err.ends_with("See 'rpod info --help'.\n"), "{err}");

    let out = rpod(&["system", "info", "extra"]);
    assert_eq!(out.status.code(), Some(125));
    assert!(text(&out.stderr).ends_with("See 'rpod system info --help'.\n"), "{}", text(&out.stderr));

    let out = rpod(&["nosuchcommand"]);
    assert_eq!(out.status.code(), Some(125));
    assert!(text(&out.stderr).contains("unrecognized subcommand 'nosuchcommand'"), "{}", text(&out.stderr));
    assert!(text(&out.stderr).ends_with("See 'rpod --help'.\n"));

    let out = rpod(&["system"]);
    assert_eq!(out.status.code(), Some(125));
    assert_eq!(text(&out.stderr), "Error: missing command 'rpod system COMMAND'\nSee 'rpod system --help'.\n");
    assert_eq!(text(&out.stdout), ok(&rpod(&["system", "--help"])), "the command's help first, as Podman");

    // Bare rpod: the help on stdout, then the error (Podman, exit 125).
    let out = rpod(&[]);
    assert_eq!(out.status.code(), Some(125));
    assert_eq!(text(&out.stdout), ok(&rpod(&["--help"])));
    assert_eq!(text(&out.stderr), "Error: missing command 'rpod COMMAND'\nSee 'rpod --help'.\n");
    // `rpod help CMD` is `rpod CMD --help` (Cobra's help command).
    assert_eq!(ok(&rpod(&["help", "system", "info"])), ok(&rpod(&["system", "info", "--help"])));
    assert_eq!(ok(&rpod(&["help", "run"])), ok(&rpod(&["run", "--help"])));
    assert_eq!(ok(&rpod(&["help"])), ok(&rpod(&["--help"])));

    // Missing arguments are named by count, as Cobra's validators do.
    for (args, message) in [
        (&["run"][..], "requires at least 1 arg(s), only received 0"),
        (&["history"], "accepts 1 arg(s), received 0"),
        (&["tag", "busybox"], "requires at least 2 arg(s), only received 1"),
        (&["container", "rename", "a"], "accepts 2 arg(s), received 1"),
    ] {
        let out = rpod(args);
        assert_eq!(out.status.code(), Some(125), "{args:?}");
        let path = if args[0] == "container" { "container rename" } else { args[0] };
        assert_eq!(text(&out.stderr), format!("Error: {message}\nSee 'rpod {path} --help'.\n"), "{args:?}");
    }

    // logs takes several containers, or --latest (Podman's check and words).
    let out = rpod(&["logs"]);
    assert_eq!(out.status.code(), Some(125));
    assert_eq!(text(&out.stderr), "Error: specify at least one container name or ID to log\n");

    let out = rpod(&["--log-level", "loud", "version"]);
    assert_eq!(out.status.code(), Some(125));
    assert!(text(&out.stderr).contains("invalid value 'loud'"), "{}", text(&out.stderr));
}

#[test]
fn template_errors_exit_125_with_the_template_message() {
    for bad in ["{{.Client.Version", "{{nosuchfunc .}}", "{{end}}"] {
        let out = rpod(&["version", "--format", bad]);
        assert_eq!(out.status.code(), Some(125), "{bad}");
        let err = text(&out.stderr);
        assert!(err.starts_with("Error: ") && err.contains("template"), "{bad}: {err}");
        assert!(out.stdout.is_empty(), "{bad}");
    }
}

#[test]
fn unknown_template_fields_exit_125_and_json_is_indented_as_podman() {
    // A struct has no field Nosuch: Go's error, exit 125 (Podman), not `<no value>`.
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["version", "--format", "{{.Nosuch}}"][..],
        &["version", "--format", "{{.Client.Versoin}}"],
        &["info", "--format", "{{.Host.Nosuch}}"],
        &["images", "--format", "{{.Nosuch}}"],
    ] {
        let out = rpod_in(dir.path(), args);
        let err = text(&out.stderr);
        if args[0] == "images" {
            // No images, so no row to run on: nothing printed, as in Podman.
            assert_eq!(ok(&out), "", "{args:?}");
            continue;
        }
        assert_eq!(out.status.code(), Some(125), "{args:?}: {err}");
        assert!(err.contains("can't evaluate field "), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // A map's missing key is still `<no value>`.
    let out = rpod_in(dir.path(), &["info", "--format", "{{.Store.GraphOptions.nosuch}}"]);
    assert_eq!(ok(&out), "<no value>\n");
    // `version --format json` is one compact line; `info` is indented by 2.
    let v = ok(&rpod(&["version", "--format", "json"]));
    assert!(v.starts_with("{\"Client\":{") && v.matches('\n').count() == 1, "{v}");
    let i = ok(&rpod_in(dir.path(), &["info", "--format", "json"]));
    assert!(i.starts_with("{\n  \"host\": {\n    \""), "{i}");
}

#[test]
fn arbitrary_arguments_never_panic() {
    let cases: &[&[&str]] = &[
        &["--root"],
        &["--root", "", "info"],
        &["info", "--format", ""],
        &["info", "--format", "{{"],
        &["completion", "powershell"],
        &["completion"],
        &["--storage-driver", "btrfs", "--root", "/nonexistent/x", "--runroot", "/nonexistent/y", "info"],
        &["\u{1F600}"],
        &["version", "--format", "{{printf \"%d\" .Client.Version}}"],
    ];
    for args in cases {
        let out = rpod(args);
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.code().is_some(), "{args:?} died of a signal");
    }
    let out = rpod(&["--storage-driver", "btrfs", "--root", "/tmp/x", "--runroot", "/tmp/y", "info"]);
    assert_eq!(out.status.code(), Some(125));
    assert!(text(&out.stderr).contains("unsupported storage driver \"btrfs\""), "{}", text(&out.stderr));
}

#[test]
fn info_reports_this_host() {
    let dir = tempfile::tempdir().unwrap();
    let out = rpod_in(dir.path(), &["info", "--format", "json"]);
    let info: Value = serde_json::from_str(&ok(&out)).expect("info --format json is JSON");
    let host = &info["host"];
    assert_eq!(host["os"], "linux");
    assert_eq!(host["arch"], rpod_runtime::host::oci_arch());
    assert_eq!(host["kernel"], rpod_runtime::host::kernel_release());
    assert_eq!(host["cpus"].as_u64().unwrap() as usize, std::thread::available_parallelism().unwrap().get());
    assert!(host["memTotal"].as_u64().unwrap() > host["memFree"].as_u64().unwrap());
    let rootless = !nix::unistd::geteuid().is_root();
    assert_eq!(host["security"]["rootless"], rootless);
    assert!(host["security"]["capabilities"].as_str().unwrap().starts_with("CAP_CHOWN,CAP_DAC_OVERRIDE"));

    // cgroups, judged independently from the mount table.
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap();
    let v1 = mounts.lines().any(|l| l.split(" - ").nth(1).is_some_and(|r| r.starts_with("cgroup ")));
    let v2 = mounts.lines().find(|l| l.split(" - ").nth(1).is_some_and(|r| r.starts_with("cgroup2 ")));
    let expected_version = if v2.is_some() && !v1 { "v2" } else { "v1" };
    assert_eq!(host["cgroupVersion"], expected_version);
    if let (Some(line), false) = (v2, rootless) {
        let mountpoint = line.split_whitespace().nth(4).unwrap();
        let controllers = std::fs::read_to_string(Path::new(mountpoint).join("cgroup.controllers")).unwrap();
        let expected: Vec<&str> = controllers.split_whitespace().collect();
        let got: Vec<&str> =
            host["cgroupControllers"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(got, expected);
    }

    let store = &info["store"];
    assert_eq!(store["graphRoot"], dir.path().join("root").to_str().unwrap());
    assert_eq!(store["runRoot"], dir.path().join("run").to_str().unwrap());
    assert_eq!(store["imageStore"]["number"], 0);
    assert!(["overlay", "vfs"].contains(&store["graphDriverName"].as_str().unwrap()));
    assert_eq!(info["version"]["Version"], env!("CARGO_PKG_VERSION"));

    // The same through a template and as the default YAML text.
    let arch = ok(&rpod_in(dir.path(), &["info", "--format", "{{.Host.Arch}} {{.Store.GraphDriverName}}"]));
    assert_eq!(arch, format!("{} {}\n", host["arch"].as_str().unwrap(), store["graphDriverName"].as_str().unwrap()));
    let yaml = ok(&rpod_in(dir.path(), &["system", "info"]));
    assert!(yaml.starts_with("host:\n  arch: "), "{yaml}");
    assert!(yaml.contains("\nstore:\n  configFile: "), "{yaml}");
}

#[test]
fn storage_driver_flag_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(&rpod_in(dir.path(), &["--storage-driver", "vfs", "info", "--format", "{{.Store.GraphDriverName}}"]));
    assert_eq!(out, "vfs\n");
}

/// `--storage-opt` and `$STORAGE_OPTS` replace storage.conf's driver
/// options (`""`: none); an option rpod cannot apply is refused, named.
#[test]
fn storage_opt_replaces_the_driver_options() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("storage.conf");
    std::fs::write(
        &conf,
        "[storage]\ndriver = \"overlay\"\n[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\nignore_chown_errors = \"true\"\n",
    )
    .unwrap();
    let root = dir.path().join("root");
    let runroot = dir.path().join("run");
    let graph_options = |global: &[&str], env: Option<&str>| -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rpod"));
        c.args(["--root", root.to_str().unwrap(), "--runroot", runroot.to_str().unwrap()]);
        c.args(global).args(["info", "--format", "{{json .Store.GraphOptions}}"]);
        c.env("CONTAINERS_STORAGE_CONF", &conf).env_remove("STORAGE_OPTS");
        if let Some(v) = env {
            c.env("STORAGE_OPTS", v);
        }
        c.output().unwrap()
    };
    let json = |out: &Output| -> Value { serde_json::from_str(&ok(out)).unwrap() };

    let file = json(&graph_options(&[], None));
    assert_eq!(file["overlay.mount_program"]["Executable"], "/usr/bin/fuse-overlayfs", "{file}");
    assert_eq!(file["overlay.ignore_chown_errors"], "true", "{file}");
    // `""` clears them all, from the flag or the environment.
    assert_eq!(json(&graph_options(&["--storage-opt", ""], None)), serde_json::json!({}));
    assert_eq!(json(&graph_options(&[], Some(""))), serde_json::json!({}));
    // Given options replace the file's; the flag wins over the environment.
    let set = json(&graph_options(&["--storage-opt", "overlay.mount_program=/bin/true"], Some("")));
    assert_eq!(set, serde_json::json!({ "overlay.mount_program": { "Executable": "/bin/true" } }));
    let env = json(&graph_options(&[], Some("overlay.ignore_chown_errors=false,.mount_program=/bin/m")));
    assert_eq!(env, serde_json::json!({ "overlay.mount_program": { "Executable": "/bin/m" } }));
    let vfs = json(&graph_options(
        &["--storage-driver", "vfs", "--storage-opt", "", "--storage-opt", "vfs.ignore_chown_errors=true"],
        None,
    ));
    assert_eq!(vfs, serde_json::json!({ "vfs.ignore_chown_errors": "true" }));

    // Not applied by rpod: refused, named, before anything runs.
    for (global, env, named) in [
        (&["--storage-opt", "overlay.mountopt=nodev"][..], None, "overlay.mountopt"),
        (&["--storage-opt", "overlay.size=10G"][..], Some(""), "overlay.size"),
        (&[][..], Some("overlay.force_mask=shared"), "overlay.force_mask"),
    ] {
        let out = graph_options(global, env);
        assert_eq!(out.status.code(), Some(125), "{global:?} {env:?}");
        let err = text(&out.stderr);
        assert!(err.contains(named) && err.contains("not supported"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn completion_prints_the_committed_scripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [("bash", "rpod.bash"), ("zsh", "_rpod"), ("fish", "rpod.fish")] {
        let printed = ok(&rpod(&["completion", shell]));
        let committed = std::fs::read_to_string(root.join("completions").join(file)).unwrap();
        assert_eq!(printed, committed, "{shell}");
        assert!(printed.contains("info"), "{shell}");
    }
}

/// `completion --file FILE` writes the script there (stdout stays empty);
/// `--no-desc` leaves the commands' and flags' descriptions out.
#[test]
fn completion_to_a_file_and_without_descriptions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("_rpod");
    let out = rpod(&["completion", "zsh", "--file", file.to_str().unwrap()]);
    assert_eq!(ok(&out), "");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, ok(&rpod(&["completion", "zsh"])));
    assert!(written.contains("Remove one or more containers"), "zsh has descriptions");
    let bare = ok(&rpod(&["completion", "fish", "--no-desc"]));
    let full = ok(&rpod(&["completion", "fish"]));
    assert!(full.contains("Remove one or more containers") && full.contains("Act on the latest container"));
    assert!(!bare.contains("Remove one or more containers") && !bare.contains("Act on the latest container"));
    assert!(bare.contains("-l 'latest'") || bare.contains("-l latest"), "the flags stay: {}", &bare[..400]);
}

/// `network ls` and `network inspect` as Podman shows them: the built-in
/// default network `podman` and the definitions in the network config
/// directory (Podman's JSON), `--filter`, `--format`, `--noheading`, `-q`.
#[test]
fn network_ls_and_inspect() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_string();
    std::fs::write(
        dir.path().join("web.json"),
        r#"{"name": "web", "id": "7c0e5a1c2bd51f6dd2a3de7f0f1c0b7a1bd19a9f4e2dd2bd9b7b0d1a2b3c4d5e", "driver": "bridge",
            "network_interface": "rpodtest9", "created": "2026-01-02T03:04:05.123456789Z",
            "subnets": [{"subnet": "10.231.7.0/24", "gateway": "10.231.7.1"}], "ipv6_enabled": false,
            "internal": false, "dns_enabled": true, "labels": {"team": "a"}, "ipam_options": {"driver": "host-local"}}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.json"), "{").unwrap();
    let (root, run) = (format!("{d}/root"), format!("{d}/run"));
    let net = |args: &[&str]| {
        let mut a = vec!["--root", &root, "--runroot", &run, "--network-config-dir", d.as_str(), "network"];
        a.extend_from_slice(args);
        rpod(&a)
    };
    let names = |args: &[&str]| {
        let mut a = vec!["ls", "--format", "{{.Name}}"];
        a.extend_from_slice(args);
        ok(&net(&a))
    };
    assert_eq!(names(&[]), "podman\nweb\n");
    assert_eq!(ok(&net(&["ls", "-q"])), "podman\nweb\n", "-q lists names, as Podman");
    assert_eq!(names(&["--filter", "name=we"]), "web\n");
    assert_eq!(names(&["-f", "driver=macvlan", "-f", "driver=bridge"]), "podman\nweb\n");
    assert_eq!(names(&["-f", "driver=bridge", "-f", "name=nope"]), "");
    assert_eq!(names(&["-f", "label=team=a"]), "web\n");
    assert_eq!(names(&["-f", "id=2f259bab"]), "podman\n");
    assert_eq!(names(&["-f", "dangling=true"]), "web\n", "the default network is never dangling");
    assert_eq!(names(&["-f", "until=2026-06-01"]), "web\n");
    let table = ok(&net(&["ls"]));
    assert_eq!(
        table,
        "NETWORK ID    NAME        DRIVER\n2f259bab93aa  podman      bridge\n7c0e5a1c2bd5  web         bridge\n"
    );
    let bare = ok(&net(&["ls", "--noheading"]));
    assert_eq!(bare.lines().collect::<Vec<_>>(), table.lines().skip(1).collect::<Vec<_>>());
    assert!(ok(&net(&["ls", "--no-trunc"]))
        .contains("2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9  podman"));
    assert_eq!(
        ok(&net(&[
            "ls",
            "--format",
            "{{.Name}} {{.NetworkInterface}} {{.DNSEnabled}} {{.Labels}} {{.Created}}",
            "-f",
            "name=web"
        ])),
        "web rpodtest9 true team=a 2026-01-02 03:04:05.123456789 +0000 UTC\n"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&net(&["ls", "--format", "json"]))).unwrap();
    assert_eq!(json[1]["subnets"][0]["subnet"], "10.231.7.0/24");
    assert_eq!(net(&["ls", "-f", "bogus=x"]).status.code(), Some(125));

    // inspect: Podman's shape (keys in its order, five-space indent).
    let out = ok(&net(&["inspect", "bridge"]));
    assert!(out.starts_with("[\n     {\n          \"name\": \"podman\",\n"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = v[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "name",
            "id",
            "driver",
            "network_interface",
            "created",
            "subnets",
            "ipv6_enabled",
            "internal",
            "dns_enabled",
            "ipam_options"
        ]
    );
    assert_eq!(v[0]["id"], "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9");
    assert_eq!(v[0]["subnets"], serde_json::json!([{"subnet": "10.88.0.0/16", "gateway": "10.88.0.1"}]));
    assert_eq!(v[0]["ipam_options"], serde_json::json!({"driver": "host-local"}));
    assert_eq!(
        ok(&net(&["inspect", "--format", "{{.Name}} {{.ID}}", "7c0e5a"])),
        "web 7c0e5a1c2bd51f6dd2a3de7f0f1c0b7a1bd19a9f4e2dd2bd9b7b0d1a2b3c4d5e\n"
    );
    let missing = net(&["inspect", "nope"]);
    assert_eq!(missing.status.code(), Some(125));
    assert_eq!(String::from_utf8_lossy(&missing.stdout), "[]\n");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("network not found"));
}
