//! The engine handle the integration tests share: a private store
//! (`--root`, `--runroot` in a temporary directory) used as root or as the
//! test user, with helpers to run rpod, read `inspect`, wait for states, drive
//! a pseudo-terminal and check that nothing is left behind.
//!
//! ```ignore
//! use rpod_testbed::engine::{each_mode, Eng, Mode};
//! each_mode("web", |e| { e.ok(&["run", "--rm", &e.image, "true"]); });
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::bed::{describe, output_with_timeout, text, Bed, UserTempDir};

/// The rpod binary of this build (`target/<profile>/rpod`, next to the test
/// binary's `deps/`), copied where the test user can run it.
pub fn rpod() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test binary's path");
        let dir = exe.parent().and_then(Path::parent).expect("the test binary is in target/<profile>/deps");
        let bin = dir.join("rpod");
        assert!(bin.is_file(), "{} is missing: build it first (cargo build --bin rpod)", bin.display());
        Bed::get().install_rpod(&bin)
    })
    .clone()
}

/// Who runs the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Rootless,
    Root,
}

/// A private store used as root or as the test user; removes its
/// containers when dropped.
pub struct Eng {
    pub mode: Mode,
    pub dir: UserTempDir,
    /// The busybox fixture's reference (pulled by [`Eng::new`]).
    pub image: String,
}

impl Eng {
    /// A private store with the busybox fixture pulled.
    pub fn new(mode: Mode, prefix: &str) -> Eng {
        let e = Eng::empty(mode, prefix);
        e.ok(&["pull", "-q", "--tls-verify=false", &e.image]);
        e
    }

    /// A private store with nothing in it.
    pub fn empty(mode: Mode, prefix: &str) -> Eng {
        let bed = Bed::get();
        let dir = match mode {
            Mode::Rootless => bed.user_tempdir(prefix),
            Mode::Root => bed.root_tempdir(prefix),
        };
        Eng { mode, dir, image: bed.image("busybox", "latest") }
    }

    /// A path in the private directory (the engine's user can write there).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs with standard input from `file`.
    pub fn run_stdin(&self, args: &[&str], file: &Path) -> Output {
        let mut cmd = self.cmd(args);
        cmd.stdin(Stdio::from(std::fs::File::open(file).unwrap()));
        output_with_timeout(&mut cmd, Duration::from_secs(300))
    }

    pub fn base_args(&self) -> Vec<String> {
        vec![
            "--root".into(),
            self.dir.path().join("root").display().to_string(),
            "--runroot".into(),
            self.dir.path().join("run").display().to_string(),
        ]
    }

    pub fn command_of(&self, program: &Path, args: &[&str]) -> Command {
        let bed = Bed::get();
        let mut cmd = match self.mode {
            Mode::Rootless => bed.rootless_command(program),
            Mode::Root => bed.root_command(program),
        };
        cmd.args(self.base_args()).args(args);
        cmd
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        self.command_of(&rpod(), args)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        output_with_timeout(&mut self.cmd(args), Duration::from_secs(120))
    }

    /// Like [`Eng::run`] with another time limit.
    pub fn run_for(&self, args: &[&str], limit: Duration) -> Output {
        output_with_timeout(&mut self.cmd(args), limit)
    }

    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{:?} rpod {args:?}\n{}", self.mode, describe(&out));
        text(&out.stdout)
    }

    #[track_caller]
    pub fn code(&self, args: &[&str]) -> i32 {
        self.run(args).status.code().unwrap_or(-1)
    }

    pub fn inspect(&self, name: &str) -> Value {
        let v: Value = serde_json::from_str(&self.ok(&["container", "inspect", name])).unwrap();
        v[0].clone()
    }

    pub fn status(&self, name: &str) -> String {
        self.ok(&["ps", "-a", "--filter", &format!("name={name}"), "--format", "{{.Names}}={{.Status}}"])
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")).map(str::to_string))
            .unwrap_or_default()
    }

    /// Waits until `inspect` of `name` satisfies `cond`.
    #[track_caller]
    pub fn wait_until(&self, name: &str, what: &str, cond: impl Fn(&Value) -> bool) -> Value {
        let start = Instant::now();
        loop {
            let out = self.run(&["container", "inspect", name]);
            let v: Value = if out.status.success() {
                serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone()
            } else {
                Value::Null
            };
            if !v.is_null() && cond(&v) {
                return v;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{:?}: {name} never became {what}: {v:#}", self.mode);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `script` running rpod in a new pseudo-terminal, its input from
    /// `input`; returns (exit code, output).
    pub fn in_pty(&self, before: &str, args: &[&str], input: &[u8]) -> (i32, String) {
        let mut line = String::new();
        if !before.is_empty() {
            line.push_str(before);
            line.push_str("; ");
        }
        line.push_str(&shell_quote(&rpod().display().to_string()));
        for a in self.base_args().iter().map(String::as_str).chain(args.iter().copied()) {
            line.push(' ');
            line.push_str(&shell_quote(a));
        }
        self.in_pty_steps(&line, &[input])
    }

    /// Like [`Eng::in_pty`] for a ready command line, with the input given
    /// in steps, each after a pause (so that it arrives once the terminal
    /// is in the state the step is meant for).
    pub fn in_pty_steps(&self, line: &str, steps: &[&[u8]]) -> (i32, String) {
        let input: Vec<u8> = steps.concat();
        let mut feeder = String::from("{ ");
        if steps.len() > 1 {
            for st in steps {
                let octal: String = st.iter().map(|b| format!("\\{b:03o}")).collect();
                feeder.push_str(&format!("sleep 1; printf \"{octal}\"; "));
            }
            feeder.push_str("sleep 1; }");
        }
        let input_file = self.dir.path().join(format!("input-{}", std::process::id()));
        std::fs::write(&input_file, &input).unwrap();
        if self.mode == Mode::Rootless {
            let b = Bed::get();
            std::os::unix::fs::chown(&input_file, Some(b.test_uid), Some(b.test_gid)).unwrap();
        }
        let mut cmd = match self.mode {
            Mode::Rootless => Bed::get().rootless_command("/usr/bin/script"),
            Mode::Root => Bed::get().root_command("/usr/bin/script"),
        };
        if steps.len() > 1 {
            let pipeline = format!("{feeder} | /usr/bin/script -qec {} /dev/null", shell_quote(line));
            cmd = match self.mode {
                Mode::Rootless => Bed::get().rootless_command("/bin/sh"),
                Mode::Root => Bed::get().root_command("/bin/sh"),
            };
            cmd.args(["-c", &pipeline]);
        } else {
            cmd.args(["-qec", line, "/dev/null"]).stdin(Stdio::from(std::fs::File::open(&input_file).unwrap()));
        }
        let out = output_with_timeout(&mut cmd, Duration::from_secs(60));
        (out.status.code().unwrap_or(-1), text(&out.stdout))
    }

    /// Runs a command that streams until interrupted for `dur`, then kills
    /// its process group; returns what it printed.
    pub fn streamed(&self, args: &[&str], dur: Duration) -> String {
        use std::io::Read;
        use std::os::unix::process::CommandExt;
        let mut child = self.cmd(args).stdout(Stdio::piped()).stderr(Stdio::null()).process_group(0).spawn().unwrap();
        std::thread::sleep(dur);
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = child.wait();
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        out
    }
}

impl Drop for Eng {
    fn drop(&mut self) {
        if self.dir.path().join("root/containers").read_dir().is_ok_and(|mut d| d.next().is_some()) {
            let _ = self.run(&["pod", "rm", "-a", "-f", "-t", "0"]);
        }
        let _ = self.run(&["rm", "-a", "-f"]);
    }
}

pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

pub fn each_mode(prefix: &str, f: impl Fn(&Eng)) {
    for mode in [Mode::Rootless, Mode::Root] {
        let e = Eng::new(mode, prefix);
        f(&e);
        e.ok(&["rm", "-a", "-f"]);
        assert_no_leftovers(&e);
    }
}

/// No container directory, run directory or monitor process is left.
#[track_caller]
pub fn assert_no_leftovers(e: &Eng) {
    for sub in ["root/containers", "run/containers"] {
        let dir = e.dir.path().join(sub);
        let start = Instant::now();
        loop {
            let left: Vec<_> =
                std::fs::read_dir(&dir).map(|rd| rd.flatten().map(|x| x.file_name()).collect()).unwrap_or_default();
            if left.is_empty() {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{:?}: leftovers in {}: {left:?}",
                e.mode,
                dir.display()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let root = e.dir.path().join("root").display().to_string();
    let start = Instant::now();
    loop {
        let monitors = processes_mentioning(&root);
        if monitors.is_empty() {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "{:?}: processes left: {monitors:?}", e.mode);
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmd = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmd.contains(needle) {
                found.push(format!("{}: {cmd}", name.to_string_lossy()));
            }
        }
    }
    found
}

pub fn is_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}
