//! Real containers, each case twice: as root (`as_root::*`), and as nobody
//! in a user namespace of its own (`rootless::*`, which re-runs this binary
//! under `setpriv --reuid 65534 ... unshare -U -r -m`).

mod common;

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use common::*;
use rpod_runtime::oci_spec::runtime::{Mount, Spec};
use rpod_runtime::{
    create, exec, start, try_wait, wait, CreateOptions, NetworkMode, Rlimit, RuntimeError, StartGate, Stdio, UserSpec,
};

macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        mod as_root {
            $(
                #[test]
                fn $name() {
                    if !nix::unistd::geteuid().is_root() {
                        eprintln!("not root: skipped");
                        return;
                    }
                    super::$name();
                }
            )*
        }
        mod rootless {
            $(
                #[test]
                fn $name() {
                    super::common::run_rootless(stringify!($name));
                }
            )*
        }
        /// The entry point of the rootless runs (does nothing otherwise).
        #[test]
        fn rootless_helper() {
            let Ok(case) = std::env::var("RPOD_RT_CASE") else { return };
            match case.as_str() {
                $( stringify!($name) => $name(), )*
                other => panic!("unknown case {other}"),
            }
        }
    };
}

cases!(
    echo_hi,
    exit_codes,
    killed_by_signal,
    command_not_found,
    cannot_invoke,
    pid_one_and_ps,
    hostname_set,
    host_files_invisible,
    masked_paths_empty,
    proc_sys_readonly,
    mount_refused,
    default_capabilities,
    no_fd_or_cwd_leak,
    user_switch,
    env_passed,
    cwd_created,
    readonly_root,
    rlimits,
    private_network,
    host_network,
    pty,
    start_gate,
    start_gate_exec_error,
    exec_joins,
    proc_exe_not_writable,
    sealed_exec_fd,
    setup_error_names_the_step,
    preserve_fds,
    dev_nodes,
    seccomp_default_filter,
    seccomp_unconfined,
    seccomp_custom_profile,
    seccomp_with_no_new_privs,
    bind_from_another_containers_root,
);

fn echo_hi() {
    let root = rootfs();
    let out = run(&spec(root.path(), &["echo", "hi"])).unwrap();
    assert_eq!((out.code, out.stdout.as_str()), (0, "hi\n"), "{out:?}");
}

fn exit_codes() {
    let root = rootfs();
    assert_eq!(run(&spec(root.path(), &["sh", "-c", "exit 3"])).unwrap().code, 3);
    assert_eq!(run(&spec(root.path(), &["false"])).unwrap().code, 1);
}

/// 128+signal. (`kill -9 $$` from a container's PID 1 itself is ignored by
/// the kernel, which protects a namespace's init from its own namespace, as
/// under Docker and Podman; a killed non-init process and an init killed
/// from outside report 137.)
fn killed_by_signal() {
    let root = rootfs();
    let out = run(&spec(root.path(), &["sh", "-c", "sh -c 'kill -9 $$'; echo $?; kill -9 $$; echo survived"])).unwrap();
    assert_eq!((out.code, out.stdout.as_str()), (0, "137\nsurvived\n"), "{out:?}");
    let mut opts_spec = spec(root.path(), &["sleep", "10"]);
    opts_spec.set_hostname(Some("k".into()));
    let c = create(&CreateOptions::new(&opts_spec)).unwrap();
    nix::sys::signal::kill(c.pid, nix::sys::signal::Signal::SIGKILL).unwrap();
    assert_eq!(wait(c.pid).unwrap(), 137);
    let c = create(&CreateOptions::new(&opts_spec)).unwrap();
    let (code, _) = exec_output(c.pid, &["sh", "-c", "kill -9 $$"]).unwrap();
    assert_eq!(code, 137, "an exec'd process killed by SIGKILL");
    nix::sys::signal::kill(c.pid, nix::sys::signal::Signal::SIGKILL).unwrap();
    assert_eq!(wait(c.pid).unwrap(), 137);
}

fn command_not_found() {
    let root = rootfs();
    for cmd in ["no-such-command", "/bin/no-such-file"] {
        match run(&spec(root.path(), &[cmd])) {
            Err(e @ RuntimeError::CommandNotFound { .. }) => assert_eq!(e.exit_code(), 127),
            other => panic!("{cmd}: expected CommandNotFound, got {other:?}"),
        }
    }
}

fn cannot_invoke() {
    let root = rootfs();
    for cmd in ["/bin/noexec", "/etc"] {
        match run(&spec(root.path(), &[cmd])) {
            Err(e @ RuntimeError::CannotInvoke { .. }) => assert_eq!(e.exit_code(), 126),
            other => panic!("{cmd}: expected CannotInvoke, got {other:?}"),
        }
    }
}

fn pid_one_and_ps() {
    // (`; true`: busybox sh would exec a last command in place.)
    let out = sh("echo $$; ps -o pid,comm; true");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("1"));
    assert!(lines.next().unwrap().contains("PID"));
    let procs: Vec<(u32, String)> = lines
        .map(|l| {
            let mut f = l.split_whitespace();
            (f.next().unwrap().parse().unwrap(), f.next().unwrap_or("").to_string())
        })
        .collect();
    assert_eq!(procs.len(), 2, "only sh and ps: {out}");
    assert_eq!(procs[0], (1, "sh".to_string()));
    assert_eq!(procs[1].1, "ps");
}

fn hostname_set() {
    assert_eq!(sh("hostname"), format!("{HOSTNAME}\n"));
}

fn host_files_invisible() {
    let sentinel = tempfile::Builder::new().prefix("rpod-sentinel-").tempfile_in("/tmp").unwrap();
    let path = sentinel.path().to_str().unwrap().to_string();
    let out = sh(&format!("test -e {path} && echo visible || echo invisible; ls /"));
    assert!(out.starts_with("invisible\n"), "{out}");
    // Only the image's own top-level directories (and the mount points).
    for host_only in ["work", "usr", "var", "home", "boot"] {
        assert!(!out.lines().any(|l| l == host_only), "host directory {host_only} visible: {out}");
    }
}

fn masked_paths_empty() {
    // Files are /dev/null, directories an empty read-only tmpfs.
    let out = sh("for f in /proc/kcore /proc/keys /proc/timer_list; do test -e $f && cat $f | wc -c || echo 0; done; \
                  stat -c %t:%T /proc/keys; ls /proc/acpi 2>/dev/null | wc -l; ls /sys/firmware | wc -l; \
                  touch /sys/firmware/x 2>/dev/null && echo wrote || echo refused");
    let v: Vec<&str> = out.split_whitespace().collect();
    assert_eq!(v, vec!["0", "0", "0", "1:3", "0", "0", "refused"], "{out}");
}

fn proc_sys_readonly() {
    let out = sh("echo x 2>/dev/null > /proc/sys/kernel/hostname && echo wrote || echo refused; \
                  echo h 2>/dev/null > /proc/sysrq-trigger && echo wrote || echo refused");
    assert_eq!(out, "refused\nrefused\n");
}

fn mount_refused() {
    let root = rootfs();
    let out = run(&spec(root.path(), &["mount", "-t", "tmpfs", "none", "/mnt"])).unwrap();
    assert_ne!(out.code, 0, "{out:?}");
}

fn default_capabilities() {
    let out = sh("grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status");
    let want = cap_mask(&rpod_runtime::caps::DEFAULT_CAPABILITIES);
    let get = |k: &str| -> u64 {
        let line = out.lines().find(|l| l.starts_with(k)).unwrap_or_else(|| panic!("{k} in {out}"));
        u64::from_str_radix(line.split_whitespace().nth(1).unwrap(), 16).unwrap()
    };
    assert_eq!(get("CapEff:"), want, "{out}");
    assert_eq!(get("CapPrm:"), want, "{out}");
    assert_eq!(get("CapBnd:"), want, "{out}");
    assert_eq!(get("CapInh:"), 0);
    assert_eq!(get("CapAmb:"), 0);
}

fn no_fd_or_cwd_leak() {
    // A descriptor of the engine without O_CLOEXEC, open while the container starts.
    let leaky = nix::fcntl::open(
        "/",
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY,
        nix::sys::stat::Mode::empty(),
    )
    .unwrap();
    let out = sh("ls /proc/self/fd | tr '\\n' ' '; echo; readlink /proc/self/cwd; readlink /proc/1/cwd");
    drop(leaky);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("0 1 2 3 "), "{out}");
    assert_eq!(lines.next(), Some("/"));
    assert_eq!(lines.next(), Some("/"));
}

fn user_switch() {
    let root = rootfs();
    let user = rpod_runtime::user::resolve(root.path(), "alice").unwrap();
    assert_eq!(
        user,
        UserSpec { uid: 1000, gid: 1000, additional_gids: vec![10, 29], umask: None, home: "/home/alice".into() }
    );
    let mut o = options(root.path(), &["sh", "-c", "id -u; id -g; id -G; grep CapEff /proc/self/status"]);
    o.user = user;
    let result = run(&rpod_runtime::default_spec(&o));
    if rootless() {
        // Only uid 0 is mapped in `unshare -r`, and setgroups is denied there.
        match result {
            Err(RuntimeError::InvalidSpec(m)) => assert!(m.contains("setgroups"), "{m}"),
            other => panic!("expected a setgroups refusal, got {other:?}"),
        }
        o.user = UserSpec { uid: 1000, gid: 1000, ..Default::default() };
        match run(&rpod_runtime::default_spec(&o)) {
            Err(RuntimeError::Setup { step, errno }) => {
                assert!(step.contains("ID"), "{step}");
                assert_eq!(errno, nix::errno::Errno::EINVAL);
            }
            other => panic!("expected unmapped IDs to fail, got {other:?}"),
        }
        return;
    }
    let out = result.unwrap();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "1000", "{out:?}");
    assert_eq!(lines[1], "1000");
    let groups: Vec<&str> = lines[2].split_whitespace().collect();
    assert!(groups.contains(&"10") && groups.contains(&"29") && groups.contains(&"1000"), "{out:?}");
    assert!(lines[3].ends_with("0000000000000000"), "a non-root user has no effective caps: {out:?}");
}

fn env_passed() {
    let root = rootfs();
    let mut o = options(root.path(), &["sh", "-c", "echo $FOO; echo $PATH; echo $TERM"]);
    o.env = vec!["FOO=bar baz".into(), "PATH=/bin".into()];
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    assert_eq!(out.stdout, "bar baz\n/bin\nxterm\n");
}

fn cwd_created() {
    let root = rootfs();
    let mut o = options(root.path(), &["pwd"]);
    o.cwd = "/work/dir".into();
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    assert_eq!(out.stdout, "/work/dir\n");
    assert!(root.path().join("work/dir").is_dir());
}

fn readonly_root() {
    let root = rootfs();
    let mut o = options(
        root.path(),
        &["sh", "-c", "touch /x 2>/dev/null && echo wrote || echo refused; touch /dev/shm/y && echo shm"],
    );
    o.read_only = true;
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    assert_eq!(out.stdout, "refused\nshm\n", "{out:?}");
    assert!(!root.path().join("x").exists());
}

fn rlimits() {
    let root = rootfs();
    let (_, host_hard) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).unwrap();
    let out = run(&spec(root.path(), &["sh", "-c", "ulimit -Hn"])).unwrap();
    let default_hard: u64 = out.stdout.trim().parse().unwrap();
    assert!(default_hard <= host_hard, "default {default_hard} above the caller's hard limit {host_hard}");
    let mut o = options(root.path(), &["sh", "-c", "ulimit -Sn; ulimit -Hn"]);
    o.rlimits = vec![Rlimit { kind: "nofile".into(), soft: 512, hard: 1024 }];
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    assert_eq!(out.stdout, "512\n1024\n");
    // Above the caller's hard limit: refused, naming the limit.
    o.rlimits = vec![Rlimit { kind: "nofile".into(), soft: host_hard + 1, hard: host_hard + 1 }];
    match run(&rpod_runtime::default_spec(&o)) {
        Err(RuntimeError::Setup { step, .. }) => assert!(step.contains("RLIMIT_NOFILE"), "{step}"),
        other => panic!("expected an rlimit failure, got {other:?}"),
    }
}

fn interfaces(out: &str) -> Vec<String> {
    // `ip -o link`: "1: lo: <LOOPBACK,UP,LOWER_UP> ..."
    out.lines().filter_map(|l| l.split(':').nth(1)).map(|s| s.trim().split('@').next().unwrap().to_string()).collect()
}

fn private_network() {
    let out = sh("ip -o link");
    assert_eq!(interfaces(&out), vec!["lo"], "{out}");
    assert!(out.contains("<LOOPBACK,UP"), "lo is up: {out}");
}

fn host_network() {
    let root = rootfs();
    let mut o = options(root.path(), &["ip", "-o", "link"]);
    o.network = NetworkMode::Host;
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    let mut host: Vec<String> = std::fs::read_dir("/sys/class/net")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut seen = interfaces(&out.stdout);
    host.sort();
    seen.sort();
    assert_eq!(seen, host, "{out:?}");
}

fn read_until(master: &mut std::fs::File, want: &str, deadline: Duration) -> String {
    let start = Instant::now();
    let mut all = String::new();
    let mut buf = [0u8; 256];
    while !all.contains(want) {
        assert!(start.elapsed() < deadline, "timed out waiting for {want:?}; got {all:?}");
        let rev = nix::poll::poll(
            &mut [nix::poll::PollFd::new(std::os::fd::AsFd::as_fd(master), nix::poll::PollFlags::POLLIN)],
            nix::poll::PollTimeout::from(100u16),
        )
        .unwrap();
        if rev == 0 {
            continue;
        }
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => all.push_str(&String::from_utf8_lossy(&buf[..n])),
        }
    }
    all
}

fn pty() {
    let root = rootfs();
    let mut o = options(root.path(), &["sh", "-c", "tty; readlink /proc/self/fd/0; read x; echo got:$x"]);
    o.terminal = true;
    let spec = rpod_runtime::default_spec(&o);
    let mut opts = CreateOptions::new(&spec);
    opts.stdio = Stdio::Pty;
    let c = create(&opts).unwrap();
    let mut master = std::fs::File::from(c.pty_master.expect("a pty master"));
    let first = read_until(&mut master, "/dev/pts/0\r\n/dev/pts/0", Duration::from_secs(5));
    assert!(first.starts_with("/dev/pts/0\r\n"), "{first:?}");
    master.write_all(b"hello\n").unwrap();
    let rest = read_until(&mut master, "got:hello", Duration::from_secs(5));
    assert!(rest.contains("got:hello"), "{rest:?}");
    assert_eq!(wait(c.pid).unwrap(), 0);
}

fn gated(spec: &Spec, fifo: &std::path::Path) -> (rpod_runtime::Created, std::os::fd::OwnedFd) {
    let (out_r, out_w) = pipe();
    let mut opts = CreateOptions::new(spec);
    opts.stdio = Stdio::Fds { stdin: devnull(), stdout: out_w, stderr: devnull() };
    opts.start_gate = StartGate::Wait { fifo: fifo.to_path_buf() };
    let c = create(&opts).unwrap();
    (c, out_r)
}

fn start_gate() {
    let root = rootfs();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("exec.fifo");
    let spec = spec(root.path(), &["sh", "-c", "echo started"]);
    let (c, out_r) = gated(&spec, &fifo);
    std::thread::sleep(Duration::from_millis(150));
    assert_eq!(try_wait(c.pid).unwrap(), None, "the init waits at the gate");
    nix::fcntl::fcntl(&out_r, nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK)).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(nix::unistd::read(&out_r, &mut buf), Err(nix::errno::Errno::EAGAIN), "nothing ran yet");
    start(&fifo, None, 0).unwrap();
    assert!(!fifo.exists(), "start removes the fifo");
    assert_eq!(wait(c.pid).unwrap(), 0);
    let n = nix::unistd::read(&out_r, &mut buf).unwrap();
    assert_eq!(&buf[..n], b"started\n");
}

fn start_gate_exec_error() {
    let root = rootfs();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("exec.fifo");
    let spec = spec(root.path(), &["no-such-command"]);
    let (c, _out) = gated(&spec, &fifo);
    match start(&fifo, None, 0) {
        Err(RuntimeError::CommandNotFound { command }) => assert_eq!(command, "no-such-command"),
        other => panic!("expected CommandNotFound from start, got {other:?}"),
    }
    match wait(c.pid) {
        Err(RuntimeError::CommandNotFound { .. }) => {}
        other => panic!("expected CommandNotFound from wait, got {other:?}"),
    }
}

fn exec_output(pid: rpod_runtime::Pid, args: &[&str]) -> Result<(i32, String), RuntimeError> {
    let mut p = spec(std::path::Path::new("/"), args).process().clone().unwrap();
    p.set_args(Some(args.iter().map(|s| s.to_string()).collect()));
    let (out_r, out_w) = pipe();
    let c = exec(pid, &p, None, Stdio::Fds { stdin: devnull(), stdout: out_w, stderr: devnull() }, &[])?;
    let (out, _) = collect(out_r, devnull());
    Ok((wait(c.pid)?, out))
}

fn exec_joins() {
    let root = rootfs();
    let spec = spec(root.path(), &["sleep", "5"]);
    let mut opts = CreateOptions::new(&spec);
    opts.stdio = Stdio::Fds { stdin: devnull(), stdout: devnull(), stderr: devnull() };
    let c = create(&opts).unwrap();
    assert_eq!(exec_output(c.pid, &["hostname"]).unwrap(), (0, format!("{HOSTNAME}\n")));
    assert_eq!(exec_output(c.pid, &["cat", "/proc/1/cmdline"]).unwrap(), (0, "sleep\u{0}5\u{0}".to_string()));
    let (code, out) = exec_output(c.pid, &["sh", "-c", "echo $$; ls /; exit 4"]).unwrap();
    assert_eq!(code, 4);
    assert_ne!(out.lines().next(), Some("1"), "exec'd process is not PID 1");
    assert!(out.lines().any(|l| l == "bin") && !out.lines().any(|l| l == "work"), "container root: {out}");
    assert!(matches!(exec_output(c.pid, &["no-such-command"]), Err(RuntimeError::CommandNotFound { .. })));
    // An interactive exec: a new pty in the container's devpts.
    let mut p = spec.process().clone().unwrap();
    p.set_args(Some(vec!["sh".into(), "-c".into(), "tty; read x; echo got:$x".into()]));
    let e = exec(c.pid, &p, None, Stdio::Pty, &[]).unwrap();
    let mut master = std::fs::File::from(e.pty_master.expect("a pty master"));
    let first = read_until(&mut master, "/dev/pts/", Duration::from_secs(5));
    assert!(first.starts_with("/dev/pts/"), "{first:?}");
    master.write_all(b"hey\n").unwrap();
    assert!(read_until(&mut master, "got:hey", Duration::from_secs(5)).contains("got:hey"));
    assert_eq!(wait(e.pid).unwrap(), 0);
    nix::sys::signal::kill(c.pid, nix::sys::signal::Signal::SIGKILL).unwrap();
    assert_eq!(wait(c.pid).unwrap(), 137);
}

/// A bind source in another container's root (`/proc/PID/root/PATH`, as
/// rpod binds the /dev/shm of the container whose IPC namespace one joins):
/// the mount found there, copied through that container's mount namespace
/// (the kernel binds only mounts of the caller's namespace), with the
/// mount's own attributes; the two containers share its files.
fn bind_from_another_containers_root() {
    let root = rootfs();
    let owner = spec(root.path(), &["sh", "-c", "echo from-owner > /dev/shm/f; exec sleep 20"]);
    let mut opts = CreateOptions::new(&owner);
    opts.stdio = Stdio::Fds { stdin: devnull(), stdout: devnull(), stderr: devnull() };
    let a = create(&opts).unwrap();
    let start = Instant::now();
    while !std::path::Path::new(&format!("/proc/{}/root/dev/shm/f", a.pid)).exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "the owner never wrote /dev/shm/f");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut joiner = spec(
        root.path(),
        &["sh", "-c", "cat /dev/shm/f; echo from-joiner > /dev/shm/g; grep ' /dev/shm ' /proc/self/mountinfo"],
    );
    let mut mounts: Vec<Mount> = joiner.mounts().clone().unwrap_or_default();
    let shm = mounts.iter_mut().find(|m| m.destination() == std::path::Path::new("/dev/shm")).unwrap();
    *shm = rpod_runtime::oci_spec::runtime::MountBuilder::default()
        .destination("/dev/shm")
        .typ("bind")
        .source(format!("/proc/{}/root/dev/shm", a.pid))
        .options(["bind", "nosuid", "noexec", "nodev"].map(String::from).to_vec())
        .build()
        .unwrap();
    joiner.set_mounts(Some(mounts));
    let out = run(&joiner).unwrap();
    assert_eq!(out.code, 0, "{out:?}");
    let mut lines = out.stdout.lines();
    assert_eq!(lines.next(), Some("from-owner"), "{out:?}");
    let info = lines.next().unwrap_or_default();
    assert!(info.contains(" - tmpfs ") && info.contains("nosuid,nodev,noexec"), "{info}");
    let written = std::fs::read_to_string(format!("/proc/{}/root/dev/shm/g", a.pid)).unwrap();
    assert_eq!(written, "from-joiner\n");
    // A process that is gone: its PID names no mount namespace.
    nix::sys::signal::kill(a.pid, nix::sys::signal::Signal::SIGKILL).unwrap();
    assert_eq!(wait(a.pid).unwrap(), 137);
    let err = run(&joiner).unwrap_err();
    assert!(err.to_string().contains("/dev/shm"), "{err}");
}

/// The container's PID 1 is the user's program itself (the runtime execs it
/// straight after clone3, never re-executing its own binary inside), so
/// /proc/1/exe is the container's program, and it cannot be opened for writing.
fn proc_exe_not_writable() {
    let out = sh("readlink /proc/1/exe; (echo x >> /proc/1/exe) 2>/dev/null && echo WROTE || echo refused; \
                  (echo x >> /proc/self/exe) 2>/dev/null && echo WROTE || echo refused");
    assert_eq!(out, "/bin/busybox\nrefused\nrefused\n");
}

/// With `exec_fd` (how `--init` runs the engine inside), PID 1's exe is a
/// sealed memfd copy, not a host file.
fn sealed_exec_fd() {
    let root = rootfs();
    let copy = rpod_runtime::sealed_copy(&root.path().join("bin/busybox")).unwrap();
    let spec = spec(
        root.path(),
        &["sh", "-c", "readlink /proc/1/exe; (echo x >> /proc/1/exe) 2>/dev/null && echo WROTE || echo refused"],
    );
    let out = run_with(&spec, |o| o.exec_fd = Some(std::os::fd::AsFd::as_fd(&copy))).unwrap();
    let copy_path = std::fs::read_link(format!("/proc/self/fd/{}", copy.as_raw_fd())).unwrap();
    assert!(out.stdout.starts_with("/memfd:rpod-sealed"), "{out:?} (copy is {copy_path:?})");
    assert!(out.stdout.ends_with("refused\n"), "{out:?}");
}

fn setup_error_names_the_step() {
    let root = rootfs();
    let mut spec = spec(root.path(), &["true"]);
    let mut mounts = spec.mounts().clone().unwrap();
    let bad: Mount = rpod_runtime::oci_spec::runtime::MountBuilder::default()
        .destination("/mnt/x")
        .typ("nosuchfs")
        .source("none")
        .build()
        .unwrap();
    mounts.push(bad);
    spec.set_mounts(Some(mounts));
    match run(&spec) {
        Err(e @ RuntimeError::Setup { .. }) => {
            assert_eq!(e.to_string(), "mounting nosuchfs on /mnt/x: ENODEV: No such device");
            assert_eq!(e.exit_code(), 125);
        }
        other => panic!("expected a set-up error, got {other:?}"),
    }
}

fn preserve_fds() {
    let root = rootfs();
    let (r, w) = pipe();
    let spec = spec(root.path(), &["sh", "-c", "echo via3 >&3; ls /proc/self/fd | tr '\\n' ' '"]);
    let out = run_with(&spec, |o| o.preserve_fds = vec![std::os::fd::AsFd::as_fd(&w)]).unwrap();
    drop(w);
    let mut got = String::new();
    std::fs::File::from(r).read_to_string(&mut got).unwrap();
    assert_eq!(got, "via3\n");
    assert_eq!(out.stdout, "0 1 2 3 4 ");
}

fn dev_nodes() {
    let out = sh("ls /dev | tr '\\n' ' '; echo; echo x > /dev/null && head -c 5 /dev/zero | wc -c; \
                  head -c 4 /dev/urandom | wc -c; readlink /dev/ptmx; stat -c %t:%T /dev/null");
    let mut lines = out.lines();
    let ls: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    for want in [
        "null", "zero", "full", "random", "urandom", "tty", "ptmx", "pts", "shm", "mqueue", "fd", "stdin", "stdout",
        "stderr",
    ] {
        assert!(ls.contains(&want), "/dev/{want} missing: {ls:?}");
    }
    assert_eq!(lines.next(), Some("5"));
    assert_eq!(lines.next(), Some("4"));
    assert_eq!(lines.next(), Some("pts/ptmx"));
    assert_eq!(lines.next(), Some("1:3"));
}

/// For debugging: `DBG='script' cargo test -p rpod-runtime --test containers debug_script -- --ignored --nocapture`.
#[test]
#[ignore]
fn debug_script() {
    let script = std::env::var("DBG").unwrap();
    let root = rootfs();
    let out = run(&spec(root.path(), &["sh", "-c", &script]));
    println!("{out:#?}");
}

/// A user namespace of the container's own (0 → 100000, 65536 IDs), made by
/// a real-root engine: the maps are written by the engine, the init becomes
/// root in it, devices are bind-mounted, and `-u` switches inside it.
#[test]
fn own_user_namespace() {
    if common::rootless() {
        eprintln!("needs real root to write a 65536-ID map: skipped");
        return;
    }
    let root = rootfs();
    let map = vec![rpod_runtime::userns::IdMap { container_id: 0, host_id: 100000, size: 65536 }];
    let mut o =
        options(root.path(), &["sh", "-c", "cat /proc/self/uid_map; id -u; ls /dev/null; ps -o pid,user,comm; true"]);
    o.user_namespace = Some(rpod_runtime::UserNamespace { uid_mappings: map.clone(), gid_mappings: map });
    let spec = rpod_runtime::default_spec(&o);
    let out = run(&spec).unwrap();
    assert_eq!(out.code, 0, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), vec!["0", "100000", "65536"], "{out:?}");
    assert_eq!(lines[1], "0");
    assert_eq!(lines[2], "/dev/null");

    // Seen from the host, the container's root is uid 100000.
    let mut o2 = o.clone();
    o2.args = vec!["sleep".into(), "5".into()];
    let spec2 = rpod_runtime::default_spec(&o2);
    let c = create(&CreateOptions::new(&spec2)).unwrap();
    let status = std::fs::read_to_string(format!("/proc/{}/status", c.pid)).unwrap();
    assert!(status.lines().any(|l| l.starts_with("Uid:") && l.contains("100000")), "{status}");
    // exec joins the user namespace too, and -u works there with groups.
    let mut p = spec2.process().clone().unwrap();
    p.set_args(Some(vec!["sh".into(), "-c".into(), "id -u; id -G".into()]));
    p.set_user(
        rpod_runtime::oci_spec::runtime::UserBuilder::default()
            .uid(1000u32)
            .gid(1000u32)
            .additional_gids(vec![10u32, 29])
            .build()
            .unwrap(),
    );
    let (out_r, out_w) = pipe();
    let e = exec(c.pid, &p, None, Stdio::Fds { stdin: devnull(), stdout: out_w, stderr: devnull() }, &[]).unwrap();
    let (text, _) = collect(out_r, devnull());
    assert_eq!(wait(e.pid).unwrap(), 0);
    assert_eq!(text, "1000\n1000 10 29\n");
    nix::sys::signal::kill(c.pid, nix::sys::signal::Signal::SIGKILL).unwrap();
    assert_eq!(wait(c.pid).unwrap(), 137);
}

fn seccomp_mode(seccomp: rpod_runtime::Seccomp, nnp: bool) -> String {
    let root = rootfs();
    let mut o = options(root.path(), &["sh", "-c", "grep ^Seccomp: /proc/self/status"]);
    o.seccomp = seccomp;
    o.no_new_privileges = nnp;
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    assert_eq!(out.code, 0, "{out:?}");
    out.stdout.split_whitespace().nth(1).unwrap_or_default().to_string()
}

fn seccomp_default_filter() {
    assert_eq!(seccomp_mode(rpod_runtime::Seccomp::Default, false), "2");
    // Normal use is not broken; a call the profile denies fails with EPERM
    // (ptrace without CAP_SYS_PTRACE: strace-less busybox has no ptrace, so
    // use one it has: swapon, in the profile's EPERM list).
    let out = sh("ls / >/dev/null && cat /etc/passwd >/dev/null && ps >/dev/null && mkdir /x && echo ok; \
                  swapon /dev/null 2>&1; true");
    assert!(out.starts_with("ok\n"), "{out}");
    assert!(out.contains("Operation not permitted"), "{out}");
}

fn seccomp_unconfined() {
    assert_eq!(seccomp_mode(rpod_runtime::Seccomp::Unconfined, false), "0");
}

fn seccomp_with_no_new_privs() {
    assert_eq!(seccomp_mode(rpod_runtime::Seccomp::Default, true), "2");
}

fn seccomp_custom_profile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deny-mkdir.json");
    std::fs::write(
        &path,
        r#"{"defaultAction": "SCMP_ACT_ALLOW",
            "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}"#,
    )
    .unwrap();
    let profile = rpod_runtime::seccomp::Profile::from_file(&path).unwrap();
    let root = rootfs();
    let mut o = options(root.path(), &["sh", "-c", "mkdir /x 2>&1; touch /y && echo touched"]);
    o.seccomp = rpod_runtime::Seccomp::Profile(Box::new(profile));
    let out = run(&rpod_runtime::default_spec(&o)).unwrap();
    assert!(out.stdout.contains("Operation not permitted"), "{out:?}");
    assert!(out.stdout.contains("touched"), "{out:?}");
    let e = rpod_runtime::seccomp::Profile::from_file(&dir.path().join("missing.json")).unwrap_err();
    assert!(e.to_string().contains("missing.json"), "{e}");
}
