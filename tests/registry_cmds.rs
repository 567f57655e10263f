//! `login`, `logout` and `search` against the test bed's registries, as
//! the unprivileged test user and as root. Needs the test bed (tests/run.sh).
//!
//! Every test keeps its credentials and configuration to itself, so that
//! tests running at the same time (which may expect the TLS registry to
//! refuse them) never see them: rootless with its own `XDG_RUNTIME_DIR`
//! (where the auth file lives), `XDG_CONFIG_HOME` (certs.d,
//! registries.conf) and `DOCKER_CONFIG`; as root with `--authfile` /
//! `REGISTRY_AUTH_FILE` (the system's `/run/containers/0/auth.json` and
//! `/etc/containers/certs.d` are not ours to change: as root the TLS
//! registry is trusted with `--cert-dir`, or skipped with `--tls-verify=false`).

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use rpod_testbed::bed::{describe, output_with_timeout, Bed, OutputExt, UserTempDir};
use rpod_testbed::engine::rpod;
use serde_json::Value;

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

/// Who runs rpod, with a private place for credentials and configuration.
struct Env {
    rootless: bool,
    dir: UserTempDir,
    /// rpod runs where root has used Podman: see [`where_root_used_podman`].
    root_used_podman: bool,
}

impl Env {
    fn rootless(prefix: &str) -> Env {
        let bed = Bed::get();
        let env = Env { rootless: true, dir: bed.user_tempdir(prefix), root_used_podman: false };
        env.init();
        env
    }

    fn root(prefix: &str) -> Env {
        let env = Env { rootless: false, dir: Bed::get().root_tempdir(prefix), root_used_podman: false };
        env.init();
        env
    }

    /// Own directories, and a registries.conf of our own with no search
    /// registries (rootless it replaces the system's; as root it is
    /// `CONTAINERS_REGISTRIES_CONF`).
    fn init(&self) {
        for d in ["run", "config", "docker", "store"] {
            self.mkdir(&self.path(d));
        }
        self.write(&self.path("config/containers/registries.conf"), "# no unqualified-search registries\n");
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A directory (and its missing parents below ours) owned by whoever runs rpod.
    fn mkdir(&self, dir: &Path) {
        fs::create_dir_all(dir).unwrap();
        if self.rootless {
            let bed = Bed::get();
            let mut d = dir.to_path_buf();
            while d.starts_with(self.dir.path()) && d != self.dir.path() {
                std::os::unix::fs::chown(&d, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
                fs::set_permissions(&d, fs::Permissions::from_mode(0o700)).unwrap();
                d.pop();
            }
        }
    }

    /// A file owned by whoever runs rpod.
    fn write(&self, file: &Path, text: &str) {
        self.mkdir(file.parent().unwrap());
        fs::write(file, text).unwrap();
        if self.rootless {
            let bed = Bed::get();
            std::os::unix::fs::chown(file, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
        }
    }

    /// Where `login` writes: `$XDG_RUNTIME_DIR/containers/auth.json`
    /// rootless; root passes it with `--authfile` or `REGISTRY_AUTH_FILE`.
    fn auth_file(&self) -> PathBuf {
        if self.rootless {
            self.path("run/containers/auth.json")
        } else {
            self.path("auth.json")
        }
    }

    /// Trust the TLS registry's CA through certs.d (rootless: the user's own).
    fn trust_tls_registry(&self) {
        assert!(self.rootless, "as root, certs.d is the system's");
        let bed = Bed::get();
        let ca = fs::read_to_string(&bed.ca).unwrap();
        self.write(&self.path("config/containers/certs.d").join(&bed.registry_tls).join("ca.crt"), &ca);
    }

    /// A registries.conf searching the plain registry (insecure).
    fn search_plain_registry(&self) {
        let reg = &Bed::get().registry;
        self.write(
            &self.path("config/containers/registries.conf"),
            &format!(
                "unqualified-search-registries = [\"{reg}\"]\n\n[[registry]]\nlocation = \"{reg}\"\ninsecure = true\n"
            ),
        );
    }

    fn command(&self, args: &[&str]) -> Command {
        let bed = Bed::get();
        let mut cmd = if self.rootless { bed.rootless_command(rpod()) } else { bed.root_command(rpod()) };
        cmd.env("DOCKER_CONFIG", self.path("docker"));
        if self.rootless {
            cmd.env("XDG_RUNTIME_DIR", self.path("run")).env("XDG_CONFIG_HOME", self.path("config"));
        } else {
            cmd.env("REGISTRY_AUTH_FILE", self.auth_file())
                .env("CONTAINERS_REGISTRIES_CONF", self.path("config/containers/registries.conf"));
        }
        cmd.args(args);
        if self.root_used_podman {
            return where_root_used_podman(&cmd);
        }
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        output_with_timeout(&mut self.command(args), Duration::from_secs(120))
    }

    fn run_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut cmd = self.command(args);
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }

    /// `rpod --root STORE pull IMAGE` in this environment's own store.
    fn pull(&self, extra: &[&str], image: &str) -> Output {
        let store = self.path("store");
        let mut args = vec!["--root", store.to_str().unwrap(), "pull", "-q"];
        args.extend_from_slice(extra);
        args.push(image);
        self.run(&args)
    }

    fn auth_json(&self) -> Value {
        let text = fs::read_to_string(self.auth_file()).unwrap();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", self.auth_file().display()))
    }
}

/// `cmd` in a private mount namespace whose `/run` is a fresh tmpfs with
/// what root's Podman leaves there: a root-owned 0700 `/run/containers`
/// with `0/auth.json`. The machine's own `/run` is not ours to change
/// (other tests and users run on it), and this way the test does not
/// depend on whether root has used Podman here.
fn where_root_used_podman(cmd: &Command) -> Command {
    let script = "mount -t tmpfs -o mode=0755 rpod-test-run /run \
        && mkdir -m 0700 /run/containers /run/containers/0 \
        && echo '{}' > /run/containers/0/auth.json && exec \"$@\"";
    let mut w = Command::new("/usr/bin/unshare");
    w.args(["--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh"])
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .env_clear()
        .stdin(Stdio::null());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            w.env(k, v);
        }
    }
    if let Some(d) = cmd.get_current_dir() {
        w.current_dir(d);
    }
    w
}

#[track_caller]
fn assert_error(out: Output, expected: &str) {
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert_eq!(out.stderr_str(), format!("Error: {expected}\n"), "{}", describe(&out));
}

#[track_caller]
fn assert_pull_needs_login(out: Output) {
    let bed = Bed::get();
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    let err = out.stderr_str();
    assert!(err.contains(&format!("authentication required for {}", bed.registry_tls)), "{err}");
    assert!(err.contains(&format!("rpod login {}", bed.registry_tls)), "{err}");
}

#[track_caller]
fn assert_pulled(out: Output) {
    let out = out.assert_success();
    let id = out.stdout_str();
    assert!(id.trim().len() == 64 && id.trim().bytes().all(|b| b.is_ascii_hexdigit()), "{}", describe(&out));
}

// ----------------------------------------------------------------------
// login / logout

#[test]
fn rootless_login_pull_logout() {
    let bed = Bed::get();
    let env = Env::rootless("login");
    env.trust_tls_registry();
    let reg = bed.registry_tls.as_str();
    let image = bed.image_tls("busybox", "latest");
    let cert_dir = bed.cert_dir.to_str().unwrap();

    // Before login: a pull says to log in; search too.
    assert_pull_needs_login(env.pull(&[], &image));
    let out = env.run(&["search", &format!("{reg}/busybox")]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(
        out.stderr_str().contains(&format!("couldn't search registry \"{reg}\": authentication required for {reg}")),
        "{}",
        describe(&out)
    );

    // Wrong password: 125, nothing written.
    assert_error(
        env.run(&["login", "--cert-dir", cert_dir, "-u", &bed.user, "-p", "wrong", reg]),
        &format!("logging into \"{reg}\": invalid username/password"),
    );
    assert!(!env.auth_file().exists());

    // Login with --cert-dir, -u, -p.
    let out = env.run(&["login", "--cert-dir", cert_dir, "-u", &bed.user, "-p", &bed.password, reg]).assert_success();
    assert_eq!(out.stdout_str(), "Login Succeeded!\n");
    let meta = fs::metadata(env.auth_file()).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(meta.uid(), bed.test_uid);
    let auth = env.auth_json();
    assert_eq!(auth["auths"][reg]["auth"], b64(&format!("{}:{}", bed.user, bed.password)), "{auth}");
    assert_eq!(auth["auths"].as_object().unwrap().len(), 1, "{auth}");

    // A failed login later changes nothing.
    let before = fs::read(env.auth_file()).unwrap();
    assert_error(
        env.run(&["login", "-u", &bed.user, "-p", "wrong", reg]),
        &format!("logging into \"{reg}\": invalid username/password"),
    );
    assert_eq!(fs::read(env.auth_file()).unwrap(), before);

    // --get-login.
    assert_eq!(env.run(&["login", "--get-login", reg]).assert_success().stdout_str(), format!("{}\n", bed.user));
    assert_error(env.run(&["login", "--get-login", &bed.registry]), &format!("not logged into {}", bed.registry));

    // Without -u/-p: the stored credentials are checked and kept (the CA now from certs.d).
    let out = env.run(&["login", reg]).assert_success();
    assert_eq!(
        out.stdout_str(),
        format!("Authenticating with existing credentials for {reg}\nExisting credentials are valid. Already logged in to {reg}\n")
    );

    // The credentials are used: pull (CA trusted through the user's certs.d) and search.
    assert_pulled(env.pull(&[], &image));
    let out = env.run(&["search", "--format", "{{.Name}}", &format!("{reg}/busybox")]).assert_success();
    assert_eq!(out.stdout_str(), format!("{reg}/library/busybox\n"));

    // Logout, twice.
    let out = env.run(&["logout", reg]).assert_success();
    assert_eq!(out.stdout_str(), format!("Removed login credentials for {reg}\n"));
    assert!(env.auth_json()["auths"].get(reg).is_none());
    assert_error(env.run(&["logout", reg]), &format!("not logged into {reg}"));
    assert_error(env.run(&["login", "--get-login", reg]), &format!("not logged into {reg}"));
    assert_pull_needs_login(env.pull(&[], &image));

    // --password-stdin, the CA from certs.d only; a repository-scoped key.
    let scoped = format!("{reg}/library/busybox");
    let out = env.run_stdin(&["login", "-u", &bed.user, "--password-stdin", &scoped], &format!("{}\n", bed.password));
    assert_eq!(out.stdout_str(), "Login Succeeded!\n", "{}", describe(&out));
    let auth = env.auth_json();
    assert_eq!(auth["auths"][&scoped]["auth"], b64(&format!("{}:{}", bed.user, bed.password)), "{auth}");
    assert!(auth["auths"].get(reg).is_none(), "{auth}");
    assert_pulled(env.pull(&[], &image));
    let out = env.run(&["logout", "--all"]).assert_success();
    assert_eq!(out.stdout_str(), "Removed login credentials for all registries\n");
    assert_eq!(env.auth_json()["auths"], serde_json::json!({}));
}

/// Rootless where root has used Podman: rpod is UID 0 in its user
/// namespace, which named root's `/run/containers/0/auth.json` ("reading
/// credentials ...: Permission denied" for `run`/`create` of an image that
/// is not local). Every registry command uses the user's own files, and a
/// default file the user may not read is skipped (a named one is not).
#[test]
fn rootless_credentials_are_the_users_where_root_used_podman() {
    let bed = Bed::get();
    let mut env = Env::rootless("rootpodman");
    env.root_used_podman = true;
    env.trust_tls_registry();
    let reg = bed.registry_tls.as_str();
    let image = bed.image_tls("busybox", "latest");
    // The condition: root's file is there, and the user may not read it.
    let mut cat = where_root_used_podman(&bed.rootless_command("/bin/cat"));
    cat.arg("/run/containers/0/auth.json");
    let out = output_with_timeout(&mut cat, Duration::from_secs(30));
    assert!(out.stderr_str().contains("Permission denied"), "{}", describe(&out));

    let out = env.run(&["login", "-u", &bed.user, "-p", &bed.password, reg]).assert_success();
    assert_eq!(out.stdout_str(), "Login Succeeded!\n");
    assert!(env.auth_file().exists());
    assert_eq!(env.run(&["login", "--get-login", reg]).assert_success().stdout_str(), format!("{}\n", bed.user));
    // run and create pull the image (into stores of their own) with the user's credentials.
    let store = |name: &str| {
        let d = env.path(name);
        env.mkdir(&d);
        d.display().to_string()
    };
    let out = env.run(&["--root", &store("store-run"), "run", "--rm", &image, "echo", "ran"]).assert_success();
    assert_eq!(out.stdout_str(), "ran\n");
    let out = env.run(&["--root", &store("store-create"), "create", "-q", &image]).assert_success();
    assert!(out.stdout_str().trim().len() == 64, "{}", describe(&out));
    env.run(&["--root", &store("store-create"), "rm", "-a"]).assert_success();
    assert_pulled(env.pull(&[], &image));
    let pushed = format!("{reg}/library/rootpodman:latest");
    env.run(&["--root", &store("store"), "push", "-q", &image, &pushed]).assert_success();
    let out = env.run(&["search", "--format", "{{.Name}}", &format!("{reg}/rootpodman")]).assert_success();
    assert_eq!(out.stdout_str(), format!("{reg}/library/rootpodman\n"));
    // push --compress (Podman's flag for the dir transport; a registry's
    // layers are compressed anyway): the pushed image pulls back.
    let again = format!("{reg}/library/rootpodman:compress");
    env.run(&["--root", &store("store"), "push", "-q", "--compress", &image, &again]).assert_success();
    assert_pulled(env.run(&["--root", &store("store-again"), "pull", "-q", &again]));
    let out = env.run(&["logout", reg]).assert_success();
    assert_eq!(out.stdout_str(), format!("Removed login credentials for {reg}\n"));
    assert_pull_needs_login(env.pull(&[], &image));

    // A default file the user may not read (root's, in the user's config
    // directory) is skipped with a warning; the same file named is an error.
    let unreadable = env.path("config/containers/auth.json");
    fs::write(&unreadable, "{}").unwrap();
    fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o600)).unwrap();
    let out = env.pull(&["--tls-verify=false"], &bed.image("busybox", "latest"));
    assert!(out.stderr_str().contains("skipping the credentials file"), "{}", describe(&out));
    assert_pulled(out);
    let mut named = env.command(&["--root", &store("store"), "pull", "-q", &image]);
    named.env("REGISTRY_AUTH_FILE", &unreadable);
    let out = output_with_timeout(&mut named, Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(out.stderr_str().contains("Permission denied"), "{}", describe(&out));
}

#[test]
fn root_login_with_authfile_and_password_stdin() {
    let bed = Bed::get();
    let env = Env::root("login");
    let reg = bed.registry_tls.as_str();
    let image = bed.image_tls("busybox", "latest");
    let cert_dir = bed.cert_dir.to_str().unwrap();
    let authfile = env.path("explicit/auth.json");
    let authfile_arg = authfile.to_str().unwrap();

    assert_pull_needs_login(env.pull(&["--tls-verify=false"], &image));

    // --password-stdin needs --username, and excludes --password.
    assert_error(
        env.run_stdin(&["login", "--cert-dir", cert_dir, "--password-stdin", reg], "x\n"),
        "Must provide --username with --password-stdin",
    );
    assert_error(
        env.run_stdin(&["login", "--cert-dir", cert_dir, "-u", "a", "-p", "b", "--password-stdin", reg], "x\n"),
        "Can't specify both --password-stdin and --password",
    );
    let out = env.run_stdin(
        &["login", "--authfile", authfile_arg, "--cert-dir", cert_dir, "-u", &bed.user, "--password-stdin", reg],
        "wrong\n",
    );
    assert_error(out, &format!("logging into \"{reg}\": invalid username/password"));
    assert!(!authfile.exists());

    let out = env.run_stdin(
        &["login", "--authfile", authfile_arg, "--cert-dir", cert_dir, "-u", &bed.user, "--password-stdin", "-v", reg],
        &format!("{}\n", bed.password),
    );
    assert_eq!(out.stdout_str(), format!("Used:  {}\nLogin Succeeded!\n", authfile.display()), "{}", describe(&out));
    assert_eq!(fs::metadata(&authfile).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(fs::metadata(authfile.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
    let auth: Value = serde_json::from_str(&fs::read_to_string(&authfile).unwrap()).unwrap();
    assert_eq!(auth["auths"][reg]["auth"], b64(&format!("{}:{}", bed.user, bed.password)));
    assert!(!env.auth_file().exists(), "--authfile replaces REGISTRY_AUTH_FILE");

    // The same file through REGISTRY_AUTH_FILE: get-login, pull (TLS not verified), logout.
    let mut get = env.command(&["login", "--get-login", reg]);
    get.env("REGISTRY_AUTH_FILE", &authfile);
    assert_eq!(
        output_with_timeout(&mut get, Duration::from_secs(60)).assert_success().stdout_str(),
        format!("{}\n", bed.user)
    );
    assert_eq!(
        env.run(&["login", "--authfile", authfile_arg, "--get-login", reg]).assert_success().stdout_str(),
        format!("{}\n", bed.user)
    );
    // pull reads REGISTRY_AUTH_FILE.
    let store = env.path("store");
    let mut pull = env.command(&["--root", store.to_str().unwrap(), "pull", "-q", "--tls-verify=false", &image]);
    pull.env("REGISTRY_AUTH_FILE", &authfile);
    assert_pulled(output_with_timeout(&mut pull, Duration::from_secs(120)));
    // pull --authfile and --cert-dir (TLS verified with the bed's CA), and
    // --creds instead of any auth file; each into a store of its own.
    let pull_into = |store: &str, flags: &[&str]| {
        let store = env.path(store);
        let mut args = vec!["--root", store.to_str().unwrap(), "pull", "-q"];
        args.extend_from_slice(flags);
        args.push(&image);
        env.run(&args)
    };
    assert_pulled(pull_into("s-authfile", &["--authfile", authfile_arg, "--cert-dir", cert_dir]));
    assert_pull_needs_login(pull_into("s-noauth", &["--cert-dir", cert_dir]));
    let good = format!("{}:{}", bed.user, bed.password);
    assert_pulled(pull_into("s-creds", &["--creds", &good, "--cert-dir", cert_dir]));
    let bad = format!("{}:wrong", bed.user);
    let out = pull_into("s-badcreds", &["--creds", &bad, "--cert-dir", cert_dir]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    let out = pull_into("s-missing", &["--authfile", "/nonexistent/auth.json"]);
    assert!(out.stderr_str().contains("checking authfile"), "{}", describe(&out));
    // run --authfile: the pull of a missing image uses that file.
    let run_in = |store: &str, flags: &[&str]| {
        let store = env.path(store);
        let mut args = vec!["--root", store.to_str().unwrap(), "run", "--rm", "--tls-verify=false"];
        args.extend_from_slice(flags);
        args.extend([image.as_str(), "echo", "ran"]);
        env.run(&args)
    };
    assert_eq!(run_in("s-run-auth", &["--authfile", authfile_arg]).assert_success().stdout_str(), "ran\n");
    assert_pull_needs_login(run_in("s-run-noauth", &[]));
    let out = env.run(&["logout", "--authfile", authfile_arg, reg]).assert_success();
    assert_eq!(out.stdout_str(), format!("Removed login credentials for {reg}\n"));
    assert_error(env.run(&["logout", "--authfile", authfile_arg, reg]), &format!("not logged into {reg}"));

    // logout --authfile of a missing file, --all with a registry.
    let missing = env.path("missing.json");
    let out = env.run(&["logout", "--authfile", missing.to_str().unwrap(), reg]);
    assert_eq!(out.status.code(), Some(125));
    assert!(
        out.stderr_str().starts_with(&format!("Error: checking authfile: stat {}: ", missing.display())),
        "{}",
        describe(&out)
    );
    assert_error(env.run(&["logout", "--all", reg]), "--all takes no arguments");
}

#[test]
fn credentials_from_docker_config_are_used_but_not_removed() {
    let bed = Bed::get();
    let env = Env::rootless("dockercfg");
    env.trust_tls_registry();
    let reg = bed.registry_tls.as_str();
    let docker = env.path("docker/config.json");

    // Valid credentials in Docker's file: pull uses them; logout points to docker.
    env.write(
        &docker,
        &format!(
            r#"{{"auths": {{"https://{reg}/v1/": {{"auth": "{}"}}}}}}"#,
            b64(&format!("{}:{}", bed.user, bed.password))
        ),
    );
    assert_pulled(env.pull(&[], &bed.image_tls("busybox", "latest")));
    assert_eq!(env.run(&["login", "--get-login", reg]).assert_success().stdout_str(), format!("{}\n", bed.user));
    let out = env.run(&["logout", reg]).assert_success();
    assert_eq!(
        out.stdout_str(),
        format!("Not logged into {reg} with current tool. Existing credentials were established via docker login. Please use docker logout instead.\n")
    );
    assert!(
        docker.exists()
            && fs::read_to_string(&docker).unwrap().contains(&b64(&format!("{}:{}", bed.user, bed.password)))
    );

    // Invalid ones: simply not logged in.
    env.write(&docker, &format!(r#"{{"auths": {{"{reg}": {{"auth": "{}"}}}}}}"#, b64(&format!("{}:nope", bed.user))));
    assert_error(env.run(&["logout", reg]), &format!("not logged into {reg}"));
}

#[test]
fn login_prompts_on_a_terminal_without_echo_and_refuses_otherwise() {
    let bed = Bed::get();
    let env = Env::rootless("prompt");
    env.trust_tls_registry();
    let reg = bed.registry_tls.as_str();

    // No terminal: a clear error, no prompt.
    assert_error(
        env.run(&["login", reg]),
        "getting username and password: cannot prompt for a username: standard input is not a terminal (use --username)",
    );
    assert_error(
        env.run(&["login", "-u", &bed.user, reg]),
        "getting username and password: cannot prompt for a password: standard input is not a terminal (use --password or --password-stdin)",
    );

    // A terminal: both prompts; the password is not echoed.
    let pty = nix::pty::openpty(None, None).unwrap();
    let mut cmd = env.command(&["login", reg]);
    cmd.stdin(Stdio::from(pty.slave.try_clone().unwrap()))
        .stdout(Stdio::from(pty.slave.try_clone().unwrap()))
        .stderr(Stdio::from(pty.slave));
    let mut child = cmd.spawn().unwrap();
    drop(cmd); // our copies of the terminal's slave side
    let mut master = fs::File::from(pty.master);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut reader = master.try_clone().unwrap();
    let sink = seen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1024];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let wait_for = |needle: &str| {
        let start = Instant::now();
        loop {
            let text = String::from_utf8_lossy(&seen.lock().unwrap()).into_owned();
            if text.contains(needle) {
                return text;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "waiting for {needle:?}, got {text:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("Username: ");
    master.write_all(format!("{}\n", bed.user).as_bytes()).unwrap();
    wait_for("Password: ");
    master.write_all(format!("{}\n", bed.password).as_bytes()).unwrap();
    let text = wait_for("Login Succeeded!");
    let status = child.wait().unwrap();
    assert!(status.success(), "{text}");
    assert!(text.contains(&format!("Username: {}", bed.user)), "the user name is echoed: {text:?}");
    assert!(!text.contains(&bed.password), "the password must not be echoed: {text:?}");
    assert_eq!(env.auth_json()["auths"][reg]["auth"], b64(&format!("{}:{}", bed.user, bed.password)));
}

#[test]
fn login_without_registry_uses_the_first_search_registry() {
    let bed = Bed::get();
    let env = Env::rootless("default-reg");
    assert_error(
        env.run(&["login", "--get-login"]),
        "no registries found in registries.conf, a registry must be provided",
    );
    env.search_plain_registry();
    assert_error(env.run(&["login", "--get-login"]), &format!("not logged into {}", bed.registry));
    // The plain registry asks for no credentials: any are accepted.
    let out = env.run(&["login", "-u", "anyone", "-p", "anything"]).assert_success();
    assert_eq!(out.stdout_str(), "Login Succeeded!\n");
    assert_eq!(env.run(&["login", "--get-login"]).assert_success().stdout_str(), "anyone\n");
    let out = env.run(&["logout"]).assert_success();
    assert_eq!(out.stdout_str(), format!("Removed login credentials for {}\n", bed.registry));
    assert_error(
        env.run(&["login", "-u", "a", "-p", "b", "not a registry"]),
        "invalid registry \"not a registry\": expected host[:port][/namespace/repository]",
    );
}

// ----------------------------------------------------------------------
// search

/// The names `search` prints with `--format {{.Name}}`.
fn names(out: Output) -> Vec<String> {
    out.assert_success().stdout_str().lines().map(str::to_string).collect()
}

fn search_plain(env: &Env) {
    let bed = Bed::get();
    let reg = bed.registry.as_str();
    let term = |t: &str| format!("{reg}/{t}");
    let insecure = "--tls-verify=false";

    // Default table: Podman 4's NAME and DESCRIPTION.
    let out = env.run(&["search", insecure, &term("busybox")]).assert_success();
    let text = out.stdout_str();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["NAME", "DESCRIPTION"], "{text}");
    assert_eq!(lines[1].trim_end(), format!("{reg}/library/busybox"), "{text}");
    // --compatible: Docker's STARS, OFFICIAL and AUTOMATED columns too.
    let out = env.run(&["search", "--compatible", insecure, &term("busybox")]).assert_success();
    let text = out.stdout_str();
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(head, ["NAME", "DESCRIPTION", "STARS", "OFFICIAL", "AUTOMATED"], "{text}");
    assert_eq!(
        lines[1].split_whitespace().collect::<Vec<_>>(),
        [format!("{reg}/library/busybox").as_str(), "0"],
        "{text}"
    );

    // Substring match on the repository; the catalog's order.
    let all = names(env.run(&["search", insecure, "--format", "{{.Name}}", &term("library")]));
    assert!(
        all.contains(&format!("{reg}/library/busybox")) && all.contains(&format!("{reg}/library/multilayer")),
        "{all:?}"
    );
    assert_eq!(
        names(env.run(&["search", insecure, "--format", "{{.Name}}", &term("multilayer")])),
        [format!("{reg}/library/multilayer")]
    );
    // Other tests may push repositories of their own to the same registry.
    let everything = names(env.run(&["search", insecure, "--format", "{{.Name}}", &term("")]));
    let library: Vec<String> =
        everything.iter().filter(|n| n.starts_with(&format!("{reg}/library/"))).cloned().collect();
    assert_eq!(library, all, "REGISTRY/ lists everything: {everything:?}");
    assert_eq!(names(env.run(&["search", insecure, &term("no-such-repository")])), Vec::<String>::new());

    // --limit.
    let one = names(env.run(&["search", insecure, "--limit", "1", "--format", "{{.Name}}", &term("library")]));
    assert_eq!(one, all[..1]);
    let two = names(env.run(&["search", insecure, "--limit=2", "--format", "{{.Name}}", &term("library")]));
    assert_eq!(two, all[..2]);

    // --format json and {{json .}}: Podman's keys, in Podman's order.
    for format in ["json", "{{json .}}"] {
        let out = env.run(&["search", insecure, "--format", format, &term("busybox")]).assert_success();
        let v: Value = serde_json::from_str(&out.stdout_str()).unwrap_or_else(|e| panic!("{e}\n{}", describe(&out)));
        assert_eq!(
            v,
            serde_json::json!([{
                "Index": reg, "Name": format!("{reg}/library/busybox"), "Description": "",
                "Stars": 0, "Official": "", "Automated": "", "Tag": ""
            }])
        );
        let keys: Vec<&String> = v[0].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["Index", "Name", "Description", "Stars", "Official", "Automated", "Tag"]);
    }

    // The seed's template, with Docker's fields. Docker formats IsOfficial
    // and IsAutomated as "[OK]" or "" (not Go's bool), so `printf "%q"`
    // prints `""` for a repository that is not official, as `docker search`
    // does -- never `%!q(bool=false)`; StarCount is a number.
    let seed =
        r#"{{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial | printf "%q"}}\t{{.IsAutomated | printf "%q"}}"#;
    let out = env.run(&["search", insecure, "--limit", "5", "--format", seed, &term("library")]).assert_success();
    let rows: Vec<Vec<String>> =
        out.stdout_str().lines().map(|l| l.split_whitespace().map(str::to_string).collect()).collect();
    assert_eq!(rows.len(), all.len().min(5), "{}", describe(&out));
    for (row, name) in rows.iter().zip(&all) {
        assert_eq!(row, &[name.as_str(), "0", "\"\"", "\"\""], "{}", describe(&out));
    }
    let seed4 = r#"{{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial | printf "%q"}}"#;
    let out = env.run(&["search", insecure, "--format", seed4, &term("busybox")]).assert_success();
    assert_eq!(
        out.stdout_str().split_whitespace().collect::<Vec<_>>(),
        [format!("{reg}/library/busybox").as_str(), "0", "\"\""]
    );
    let out = env.run(&[
        "search",
        insecure,
        "--format",
        "{{.Name}}|{{.Description}}|{{.StarCount}}|{{.IsOfficial}}|{{.IsAutomated}}",
        &term("busybox"),
    ]);
    assert_eq!(out.assert_success().stdout_str(), format!("{reg}/library/busybox||0||\n"));

    // A table of both field sets: headers as Podman and Docker name them.
    let out = env
        .run(&[
            "search",
            insecure,
            "--format",
            "table {{.Index}}\t{{.Name}}\t{{.Stars}}\t{{.StarCount}}\t{{.Official}}\t{{.IsOfficial}}\t{{.IsAutomated}}",
            &term("busybox"),
        ])
        .assert_success();
    let text = out.stdout_str();
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["INDEX", "NAME", "STARS", "STARS", "OFFICIAL", "OFFICIAL", "AUTOMATED"], "{text}");
    assert_eq!(
        text.lines().nth(1).unwrap().split_whitespace().collect::<Vec<_>>(),
        [reg, &format!("{reg}/library/busybox"), "0", "0"]
    );

    // Filters.
    assert_eq!(
        names(env.run(&["search", insecure, "--filter", "is-official=true", &term("busybox")])),
        Vec::<String>::new()
    );
    assert_eq!(
        names(env.run(&[
            "search",
            insecure,
            "--filter",
            "is-official=false",
            "--filter=stars=0,is-automated=false",
            "--format",
            "{{.Name}}",
            &term("busybox")
        ])),
        [format!("{reg}/library/busybox")]
    );
    assert_eq!(names(env.run(&["search", insecure, "-f", "stars=1", &term("busybox")])), Vec::<String>::new());
    assert_error(
        env.run(&["search", insecure, "--filter", "label=x", &term("busybox")]),
        "invalid filter type \"label=x\"",
    );

    // --list-tags.
    let out =
        env.run(&["search", insecure, "--list-tags", "--format", "json", &term("library/busybox")]).assert_success();
    let v: Value = serde_json::from_str(&out.stdout_str()).unwrap();
    assert_eq!(v[0]["Name"], format!("{reg}/library/busybox"));
    let tags: Vec<&str> = v[0]["Tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    for t in ["latest", "zstd", "uncompressed", "v2s2"] {
        assert!(tags.contains(&t), "{tags:?}");
    }
    let out = env.run(&["search", insecure, "--list-tags", "--limit", "1", &term("library/busybox")]).assert_success();
    let text = out.stdout_str();
    assert_eq!(text.lines().next().unwrap().split_whitespace().collect::<Vec<_>>(), ["NAME", "TAG"], "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");
    assert_error(
        env.run(&["search", insecure, "--list-tags", "--filter", "stars=1", &term("library/busybox")]),
        "filters are not applicable to list tags result",
    );

    // Verified TLS on a plain-HTTP registry fails, with the registry named.
    let out = env.run(&["search", &term("busybox")]);
    assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
    assert!(
        out.stderr_str().starts_with(&format!("Error: couldn't search registry \"{reg}\": ")),
        "{}",
        describe(&out)
    );

    // Unqualified: the search registries of registries.conf (insecure there).
    assert_error(
        env.run(&["search", "busybox"]),
        "no registries to search: set unqualified-search-registries in registries.conf, or search REGISTRY/TERM",
    );
    env.search_plain_registry();
    assert_eq!(names(env.run(&["search", "--format", "{{.Name}}", "busybox"])), [format!("{reg}/library/busybox")]);
    assert_eq!(
        names(env.run(&["search", "--format", "{{.Index}} {{.Name}}", "library/multi"])),
        [format!("{reg} {reg}/library/multilayer")]
    );
    assert_eq!(
        names(env.run(&["image", "search", "--format", "{{.Name}}", "multilayer"])),
        [format!("{reg}/library/multilayer")]
    );
}

#[test]
fn rootless_search() {
    search_plain(&Env::rootless("search"));
}

#[test]
fn root_search() {
    search_plain(&Env::root("search"));
}
