//! `tiny_init`, exercised as a real process: this binary re-runs itself in
//! helper mode (`RPOD_TINY_INIT=1 <this> CMD...`). It has its own `main`
//! (`harness = false`) so the helper is single-threaded, as the CLI is when
//! it re-executes itself as a container's init.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

fn init(script: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .env("RPOD_TINY_INIT", "1")
        .args(["sh", "-c", script])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

fn code(mut c: Child) -> i32 {
    c.wait().unwrap().code().expect("init exits, it is not killed")
}

fn read_line(c: &mut Child) -> String {
    let mut line = String::new();
    BufReader::new(c.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
    line
}

fn exit_code_passes_through() {
    assert_eq!(code(init("exit 3")), 3);
    assert_eq!(code(init("true")), 0);
}

fn killed_child_is_128_plus_signal() {
    assert_eq!(code(init("kill -9 $$")), 137);
}

fn missing_command_is_127() {
    let c = Command::new(std::env::current_exe().unwrap())
        .env("RPOD_TINY_INIT", "1")
        .arg("no-such-command-rpod")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert_eq!(code(c), 127);
}

fn signals_are_forwarded() {
    let mut c = init("trap 'echo usr1' USR1; trap 'echo term; exit 7' TERM; echo ready; while :; do sleep 0.02; done");
    assert_eq!(read_line(&mut c), "ready\n");
    let pid = Pid::from_raw(c.id() as i32);
    kill(pid, Signal::SIGUSR1).unwrap();
    assert_eq!(read_line(&mut c), "usr1\n");
    kill(pid, Signal::SIGTERM).unwrap();
    assert_eq!(read_line(&mut c), "term\n");
    assert_eq!(code(c), 7);
}

fn zombies_are_reaped() {
    // The inner sh leaves an orphan `sleep` behind; it is reparented to the
    // init (a subreaper), which must reap it when it exits. The command
    // itself waits on its stdin meanwhile.
    let mut c = Command::new(std::env::current_exe().unwrap())
        .env("RPOD_TINY_INIT", "1")
        .args(["sh", "-c", "sh -c 'sleep 0.1 &'; echo ready; read x; true"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    assert_eq!(read_line(&mut c), "ready\n");
    let pid = c.id();
    let children = || -> Vec<String> {
        std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    // Zombies stay listed as children until they are reaped.
    while children().len() != 1 {
        assert!(Instant::now() < deadline, "the orphan was never reaped: children {:?}", children());
        std::thread::sleep(Duration::from_millis(20));
    }
    for p in children() {
        let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
        assert!(!stat.contains(") Z "), "zombie {p}: {stat}");
    }
    drop(c.stdin.take());
    assert_eq!(code(c), 0);
}

fn main() {
    let args: Vec<OsString> = std::env::args_os().collect();
    if std::env::var_os("RPOD_TINY_INIT").is_some() {
        rpod_runtime::tiny_init(&args[1..]);
    }
    let tests: [(&str, fn()); 5] = [
        ("exit_code_passes_through", exit_code_passes_through),
        ("killed_child_is_128_plus_signal", killed_child_is_128_plus_signal),
        ("missing_command_is_127", missing_command_is_127),
        ("signals_are_forwarded", signals_are_forwarded),
        ("zombies_are_reaped", zombies_are_reaped),
    ];
    let filter: Vec<String> =
        args.iter().skip(1).map(|a| a.to_string_lossy().into_owned()).filter(|a| !a.starts_with('-')).collect();
    let (mut passed, mut failed) = (0, 0);
    for (name, f) in tests {
        if !filter.is_empty() && !filter.iter().any(|x| name.contains(x.as_str())) {
            continue;
        }
        match std::panic::catch_unwind(f) {
            Ok(()) => {
                passed += 1;
                println!("test {name} ... ok");
            }
            Err(_) => {
                failed += 1;
                println!("test {name} ... FAILED");
            }
        }
    }
    println!(
        "\ntest result: {}. {passed} passed; {failed} failed; 0 ignored; 0 measured; 0 filtered out\n",
        if failed == 0 { "ok" } else { "FAILED" }
    );
    std::process::exit(if failed == 0 { 0 } else { 101 });
}
