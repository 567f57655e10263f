//! OCI lifecycle hooks (`hooks` of the config): the six stages, each hook
//! run with the container's state on its stdin, its own environment only,
//! an optional timeout, and the spec's failure rules (the caller decides
//! what a failure does: [`Stage::fatal`]).
//!
//! When: `createRuntime` and `createContainer` during create, before
//! `pivot_root`; `prestart` (deprecated by the spec, which still says it
//! runs "after the start operation is called but before the user-specified
//! program is executed") and `startContainer` at start, before the exec;
//! `poststart` after it, `poststop` at delete.
//!
//! Where they run: `prestart`, `createRuntime`, `poststart` and `poststop`
//! in the runtime's namespaces (a plain child of the engine);
//! `createContainer` and `startContainer` in the container's namespaces,
//! joined the way [`crate::exec`] joins them (the hook runs as root of the
//! container with every capability, no seccomp filter). `createContainer`
//! runs before `pivot_root`, so its path resolves as on the host;
//! `startContainer` after, so its path resolves in the container.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::unistd::Pid;
use oci_spec::runtime::{Hook, Hooks};

use crate::error::RuntimeError;

/// The lifecycle point a hook belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Prestart,
    CreateRuntime,
    CreateContainer,
    StartContainer,
    Poststart,
    Poststop,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Prestart,
        Stage::CreateRuntime,
        Stage::CreateContainer,
        Stage::StartContainer,
        Stage::Poststart,
        Stage::Poststop,
    ];

    /// The name used in the config (and in Podman's hook files).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Prestart => "prestart",
            Stage::CreateRuntime => "createRuntime",
            Stage::CreateContainer => "createContainer",
            Stage::StartContainer => "startContainer",
            Stage::Poststart => "poststart",
            Stage::Poststop => "poststop",
        }
    }

    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }

    /// A failure stops the container's creation or start (the spec's MUST
    /// for these four); `poststart` and `poststop` failures are warnings.
    pub fn fatal(self) -> bool {
        !matches!(self, Stage::Poststart | Stage::Poststop)
    }

    /// Run in the container's namespaces rather than the runtime's.
    pub fn in_container(self) -> bool {
        matches!(self, Stage::CreateContainer | Stage::StartContainer)
    }

    /// This stage's hooks in a config's `hooks`.
    #[allow(deprecated)] // prestart: deprecated by the spec, still run (as runc does)
    pub fn of(self, hooks: &Hooks) -> &[Hook] {
        let list = match self {
            Stage::Prestart => hooks.prestart(),
            Stage::CreateRuntime => hooks.create_runtime(),
            Stage::CreateContainer => hooks.create_container(),
            Stage::StartContainer => hooks.start_container(),
            Stage::Poststart => hooks.poststart(),
            Stage::Poststop => hooks.poststop(),
        };
        list.as_deref().unwrap_or(&[])
    }

    /// Append `hook` to this stage's list.
    #[allow(deprecated)]
    pub fn push(self, hooks: &mut Hooks, hook: Hook) {
        let list = match self {
            Stage::Prestart => hooks.prestart_mut(),
            Stage::CreateRuntime => hooks.create_runtime_mut(),
            Stage::CreateContainer => hooks.create_container_mut(),
            Stage::StartContainer => hooks.start_container_mut(),
            Stage::Poststart => hooks.poststart_mut(),
            Stage::Poststop => hooks.poststop_mut(),
        };
        list.get_or_insert_with(Vec::new).push(hook);
    }
}

/// The OCI state document a hook reads on its stdin.
#[derive(Debug, Clone, Default)]
pub struct State {
    pub id: String,
    /// `creating`, `created`, `running` or `stopped`.
    pub status: String,
    /// The container's init (0 once it is gone).
    pub pid: i32,
    pub bundle: PathBuf,
    pub annotations: BTreeMap<String, String>,
}

impl State {
    pub fn to_json(&self) -> Vec<u8> {
        let doc = serde_json::json!({
            "ociVersion": crate::spec::OCI_VERSION,
            "id": self.id,
            "status": self.status,
            "pid": self.pid,
            "bundle": self.bundle,
            "annotations": self.annotations,
        });
        serde_json::to_vec(&doc).unwrap_or_default()
    }
}

/// The hooks of a container and the state they are given, for
/// [`crate::CreateOptions::hooks`] (create runs `createRuntime`,
/// `createContainer`, and with an immediate start `prestart` and
/// `startContainer`; the caller runs the others).
#[derive(Debug, Clone, Default)]
pub struct HookSet {
    pub hooks: Hooks,
    pub state: State,
}

impl HookSet {
    pub fn any(&self, stages: &[Stage]) -> bool {
        stages.iter().any(|s| !s.of(&self.hooks).is_empty())
    }

    /// Run one stage's hooks in order with `status` and `pid` in the state;
    /// the first failure ends the stage. `container` is the init to join
    /// for the stages that run in the container's namespaces.
    pub fn run(&self, stage: Stage, status: &str, pid: i32) -> Result<(), RuntimeError> {
        match self.run_hooks(stage, status, pid, true).into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Run every hook of a stage whose failures are warnings (poststart,
    /// poststop: the remaining hooks go on as if it had succeeded); the
    /// failures, in order.
    pub fn run_each(&self, stage: Stage, status: &str, pid: i32) -> Vec<RuntimeError> {
        self.run_hooks(stage, status, pid, false)
    }

    fn run_hooks(&self, stage: Stage, status: &str, pid: i32, first_only: bool) -> Vec<RuntimeError> {
        let mut state = self.state.clone();
        state.status = status.to_string();
        state.pid = pid;
        let json = state.to_json();
        let mut failed = Vec::new();
        for (i, hook) in stage.of(&self.hooks).iter().enumerate() {
            if let Err(why) = run_one(stage, i, hook, &json, pid) {
                failed.push(RuntimeError::Hook { stage: stage.name(), path: hook.path().display().to_string(), why });
                if first_only {
                    break;
                }
            }
        }
        failed
    }
}

/// A hook as a process: the runtime's child, or one joining the container.
enum Running {
    Here(std::process::Child),
    InContainer(Pid),
}

impl Running {
    fn try_wait(&mut self) -> Result<Option<i32>, String> {
        match self {
            Running::Here(c) => c
                .try_wait()
                .map(|s| {
                    s.map(|s| {
                        s.code().unwrap_or_else(|| 128 + std::os::unix::process::ExitStatusExt::signal(&s).unwrap_or(0))
                    })
                })
                .map_err(|e| e.to_string()),
            Running::InContainer(pid) => crate::try_wait(*pid).map_err(|e| e.to_string()),
        }
    }

    fn kill(&mut self) {
        match self {
            Running::Here(c) => {
                let _ = c.kill();
                let _ = c.wait();
            }
            Running::InContainer(pid) => {
                let _ = nix::sys::signal::kill(*pid, nix::sys::signal::Signal::SIGKILL);
                let _ = crate::wait(*pid);
            }
        }
    }
}

fn pipe() -> Result<(OwnedFd, OwnedFd), String> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| format!("pipe: {e}"))
}

fn run_one(stage: Stage, index: usize, hook: &Hook, state: &[u8], pid: i32) -> Result<(), String> {
    if !hook.path().is_absolute() {
        return Err("the path is not absolute".into());
    }
    let timeout = match hook.timeout() {
        Some(t) if t <= 0 => return Err(format!("timeout {t} is not above zero")),
        Some(t) => Some(Duration::from_secs(t as u64)),
        None => None,
    };
    let args = hook.args().clone().unwrap_or_default();
    let env = hook.env().clone().unwrap_or_default();
    let (in_r, in_w) = pipe()?;
    let (out_r, out_w) = pipe()?;
    let mut running = if stage.in_container() {
        // argv[0] is the path here: the container side looks the command
        // up by it (the hook's own args[0] would be searched in PATH).
        let mut argv = vec![hook.path().display().to_string()];
        argv.extend(args.iter().skip(1).cloned());
        let process = hook_process(argv, env)?;
        let err_w = out_w.try_clone().map_err(|e| e.to_string())?;
        let stdio = crate::Stdio::Fds { stdin: in_r, stdout: out_w, stderr: err_w };
        let created = crate::exec(Pid::from_raw(pid), &process, None, stdio, &[]).map_err(|e| e.to_string())?;
        Running::InContainer(created.pid)
    } else {
        let mut cmd = Command::new(hook.path());
        if let Some(arg0) = args.first() {
            cmd.arg0(arg0);
        }
        cmd.args(args.iter().skip(1)).env_clear().current_dir("/");
        for kv in &env {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            cmd.env(k, v);
        }
        let err_w = out_w.try_clone().map_err(|e| e.to_string())?;
        cmd.stdin(Stdio::from(in_r)).stdout(Stdio::from(out_w)).stderr(Stdio::from(err_w));
        Running::Here(cmd.spawn().map_err(|e| e.to_string())?)
    };
    // The state goes in from a thread (a hook that never reads it must not
    // block us); the output is collected for the error message.
    let state = state.to_vec();
    let writer = std::thread::spawn(move || {
        // A hook that exits without reading: EPIPE here, not a SIGPIPE
        // that would end an engine which restored its default action.
        let mut pipe_signal = nix::sys::signal::SigSet::empty();
        pipe_signal.add(nix::sys::signal::Signal::SIGPIPE);
        let _ = pipe_signal.thread_block();
        let mut w = std::fs::File::from(in_w);
        let _ = w.write_all(&state);
    });
    let reader = std::thread::spawn(move || {
        let mut r = std::fs::File::from(out_r);
        let mut buf = Vec::new();
        let _ = Read::by_ref(&mut r).take(64 << 10).read_to_end(&mut buf);
        let _ = std::io::copy(&mut r, &mut std::io::sink());
        buf
    });
    let start = Instant::now();
    let code = loop {
        match running.try_wait()? {
            Some(code) => break code,
            None if timeout.is_some_and(|t| start.elapsed() >= t) => {
                running.kill();
                let _ = writer.join();
                return Err(format!("hook #{index} timed out after {}s", timeout.unwrap_or_default().as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    let _ = writer.join();
    // A hook that left a child holding its output: do not wait for it.
    let output = if reader.is_finished() || {
        std::thread::sleep(Duration::from_millis(50));
        reader.is_finished()
    } {
        reader.join().unwrap_or_default()
    } else {
        Vec::new()
    };
    if code != 0 {
        let out = String::from_utf8_lossy(&output);
        let out = out.trim();
        return Err(if out.is_empty() { format!("exit status {code}") } else { format!("exit status {code}: {out}") });
    }
    Ok(())
}

/// The process of a hook run in the container: root with the runtime's own
/// capabilities, `/` as working directory, the hook's environment only.
fn hook_process(args: Vec<String>, env: Vec<String>) -> Result<oci_spec::runtime::Process, String> {
    use oci_spec::runtime::{LinuxCapabilitiesBuilder, ProcessBuilder, UserBuilder};
    let ours = crate::caps::status_mask("CapEff").unwrap_or(0);
    let all: std::collections::HashSet<_> = crate::caps::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| ours & (1u64 << i) != 0)
        .filter_map(|(_, c)| crate::caps::parse_capability(c))
        .collect();
    let caps = LinuxCapabilitiesBuilder::default()
        .bounding(all.clone())
        .effective(all.clone())
        .permitted(all.clone())
        .inheritable(all)
        .build()
        .map_err(|e| e.to_string())?;
    ProcessBuilder::default()
        .args(args)
        .env(env)
        .cwd("/")
        .user(UserBuilder::default().uid(0u32).gid(0u32).build().map_err(|e| e.to_string())?)
        .capabilities(caps)
        .no_new_privileges(false)
        .build()
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::HookBuilder;

    fn hook(args: &[&str], timeout: Option<i64>) -> Hook {
        let mut b = HookBuilder::default().path("/bin/sh").args(args.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        if let Some(t) = timeout {
            b = b.timeout(t);
        }
        b.env(vec!["ONLY=1".to_string()]).build().unwrap()
    }

    fn set(stage: Stage, list: Vec<Hook>) -> HookSet {
        let mut hooks = Hooks::default();
        for h in list {
            stage.push(&mut hooks, h);
        }
        let state = State { id: "c1".into(), bundle: "/b".into(), ..State::default() };
        HookSet { hooks, state }
    }

    #[test]
    fn runtime_hooks_get_the_state_and_their_environment_only() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let script = format!("cat > {0}; echo \" $0 $ONLY ${{CARGO_PKG_NAME:-clean}}\" >> {0}", out.display());
        let s = set(Stage::Poststart, vec![hook(&["my-hook", "-c", &script], Some(5))]);
        s.run(Stage::Poststart, "running", 42).unwrap();
        let got = std::fs::read_to_string(&out).unwrap();
        let (json, rest) = got.split_once(" my-hook").unwrap();
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            (v["id"].as_str(), v["status"].as_str(), v["pid"].as_i64()),
            (Some("c1"), Some("running"), Some(42))
        );
        assert_eq!(v["bundle"], "/b");
        assert_eq!(rest, " 1 clean\n");
    }

    #[test]
    fn failures_and_timeouts_name_the_stage_and_hook() {
        let s = set(Stage::Prestart, vec![hook(&["sh", "-c", "echo bad >&2; exit 3"], None)]);
        let e = s.run(Stage::Prestart, "created", 1).unwrap_err().to_string();
        assert!(e.contains("prestart hook /bin/sh") && e.contains("exit status 3: bad"), "{e}");
        let s = set(Stage::Poststop, vec![hook(&["sh", "-c", "sleep 30"], Some(1))]);
        let start = Instant::now();
        let e = s.run(Stage::Poststop, "stopped", 0).unwrap_err().to_string();
        assert!(e.contains("timed out after 1s"), "{e}");
        assert!(start.elapsed() < Duration::from_secs(10));
        let s = set(Stage::Poststop, vec![hook(&["sh", "-c", "true"], Some(0))]);
        assert!(s.run(Stage::Poststop, "stopped", 0).unwrap_err().to_string().contains("not above zero"));
        // In order, the first failure ends the stage.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("order");
        let o = out.display();
        let s = set(
            Stage::CreateRuntime,
            vec![
                hook(&["sh", "-c", &format!("echo 1 >> {o}")], None),
                hook(&["sh", "-c", "exit 1"], None),
                hook(&["sh", "-c", &format!("echo 3 >> {o}")], None),
            ],
        );
        assert!(s.run(Stage::CreateRuntime, "created", 1).is_err());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "1\n");
        // A stage of warnings runs them all.
        std::fs::remove_file(&out).unwrap();
        let mut s = s;
        s.hooks.set_poststop(s.hooks.create_runtime().clone());
        assert_eq!(s.run_each(Stage::Poststop, "stopped", 0).len(), 1);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "1\n3\n");
        assert!(Stage::Prestart.fatal() && !Stage::Poststop.fatal());
        assert_eq!(Stage::from_name("createContainer"), Some(Stage::CreateContainer));
    }
}
