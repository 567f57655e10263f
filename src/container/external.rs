//! `--runtime PATH`: an external OCI runtime (runc, crun) starts the
//! container instead of the built-in one. The monitor writes the bundle
//! (`<run dir>/bundle/config.json`, the same spec, its root the mounted
//! overlay), runs `RUNTIME --root <run dir>/runtime create --bundle ...
//! NAME` with the container's pipes as its stdio (the runtime passes them
//! through), then `RUNTIME start NAME`, as conmon does; the init is then
//! the monitor's child (the monitor is a subreaper), and the runtime's
//! state is deleted after the container ends. Without a terminal only (`-t` would give the runtime the
//! terminal, not the monitor).

use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};

/// One container under an external runtime.
pub struct External {
    pub runtime: PathBuf,
    pub state_root: PathBuf,
    pub bundle: PathBuf,
    pub name: String,
    /// `--runtime-flag`s (`--FLAG`), given to every call of the runtime.
    pub flags: Vec<String>,
}

impl External {
    pub fn new(runtime: &str, run_dir: &Path, id: &str) -> External {
        External {
            runtime: PathBuf::from(runtime),
            state_root: run_dir.join("runtime"),
            bundle: run_dir.join("bundle"),
            name: format!("rpod-{}", &id[..12]),
            flags: Vec::new(),
        }
    }

    /// With the runtime's global flags (`--runtime-flag`).
    pub fn with_flags(mut self, flags: Vec<String>) -> External {
        self.flags = flags;
        self
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.runtime);
        c.args(&self.flags).arg("--root").arg(&self.state_root);
        c
    }

    /// Starts the container with `stdio` and `preserve` (its descriptors
    /// 3, 4, ...: the runtime's `--preserve-fds`) as conmon does: `RUNTIME
    /// create` (the runtime passes the stdio through to the container's
    /// init, which waits to exec the process), then `RUNTIME start`.
    /// Returns the init's PID: once `create` has exited the init is the
    /// monitor's (a subreaper's) child, so its exit status is the
    /// container's. A create that fails because the command is missing or
    /// not executable gives Podman's 127 or 126 (the runtime's message
    /// read from its JSON log, as Podman does).
    pub fn start(
        &self,
        spec: &rpod_runtime::oci_spec::runtime::Spec,
        [stdin, stdout, stderr]: [OwnedFd; 3],
        preserve: &[BorrowedFd],
    ) -> Result<i32, (i32, String)> {
        let engine = |e: anyhow::Error| (125, format!("{e:#}"));
        crate::paths::private_dir_all(&self.bundle)
            .with_context(|| format!("creating {}", self.bundle.display()))
            .map_err(engine)?;
        crate::paths::private_dir_all(&self.state_root)
            .with_context(|| format!("creating {}", self.state_root.display()))
            .map_err(engine)?;
        let mut spec = spec.clone();
        if let Some(p) = spec.process_mut() {
            p.set_terminal(Some(false));
        }
        let config = self.bundle.join("config.json");
        serde_json::to_vec(&spec)
            .map_err(anyhow::Error::from)
            .and_then(|json| std::fs::write(&config, json).with_context(|| format!("writing {}", config.display())))
            .map_err(engine)?;
        self.delete();
        let pid_file = self.bundle.join("init.pid");
        let log_file = self.bundle.join("runtime.log");
        for f in [&pid_file, &log_file] {
            let _ = std::fs::remove_file(f);
        }
        let mut create = self.command();
        create.arg("--log").arg(&log_file).arg("--log-format").arg("json");
        create.arg("create").arg("--pid-file").arg(&pid_file);
        if !preserve.is_empty() {
            create.arg("--preserve-fds").arg(preserve.len().to_string());
            crate::sys::pass_fds(&mut create, preserve.iter().map(|f| f.as_raw_fd()).collect());
        }
        let status = create
            .arg("--bundle")
            .arg(&self.bundle)
            .arg(&self.name)
            .stdin(Stdio::from(stdin))
            .stdout(Stdio::from(stdout))
            .stderr(Stdio::from(stderr))
            .status()
            .with_context(|| format!("starting {}", self.runtime.display()))
            .map_err(engine)?;
        if !status.success() {
            let msg = runtime_error(&log_file).unwrap_or_else(|| format!("{status}"));
            self.delete();
            return Err((exit_code_of(&msg), format!("{}: {msg}", self.runtime.display())));
        }
        let pid = std::fs::read_to_string(&pid_file).ok().and_then(|p| p.trim().parse::<i32>().ok()).filter(|&p| p > 0);
        let Some(pid) = pid else {
            self.delete();
            return Err((125, format!("{} create wrote no PID to {}", self.runtime.display(), pid_file.display())));
        };
        let out = self
            .command()
            .arg("start")
            .arg(&self.name)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .with_context(|| format!("starting {}", self.runtime.display()))
            .map_err(engine)?;
        if !out.status.success() {
            let msg =
                runtime_error(&log_file).unwrap_or_else(|| String::from_utf8_lossy(&out.stderr).trim().to_string());
            self.delete();
            return Err((125, format!("{} start: {msg}", self.runtime.display())));
        }
        Ok(pid)
    }

    /// Removes the runtime's state of the container (best effort).
    pub fn delete(&self) {
        let _ =
            self.command().arg("delete").arg("-f").arg(&self.name).stdout(Stdio::null()).stderr(Stdio::null()).status();
    }
}

/// The last error the runtime wrote to its JSON log (`{"level":"error",
/// "msg":...}` lines, runc's and crun's `--log-format json`).
fn runtime_error(log_file: &Path) -> Option<String> {
    let text = std::fs::read_to_string(log_file).ok()?;
    text.lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| matches!(v["level"].as_str(), Some("error" | "fatal")))
        .find_map(|v| v["msg"].as_str().map(str::to_string))
}

/// Podman's exit code for a runtime's create error: 127 when the command
/// was not found, 126 when it could not be executed, else 125.
fn exit_code_of(msg: &str) -> i32 {
    let m = msg.to_lowercase();
    if m.contains("executable file not found") || m.contains("no such file or directory") {
        127
    } else if m.contains("permission denied") {
        126
    } else {
        125
    }
}

/// `--runtime`: a path, or a name looked up in `PATH`.
pub fn resolve(runtime: &str) -> anyhow::Result<PathBuf> {
    let p = Path::new(runtime);
    if runtime.contains('/') {
        if p.is_file() {
            return Ok(p.to_path_buf());
        }
        bail!("OCI runtime {runtime} not found");
    }
    std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(runtime)).find(|c| c.is_file()))
        .ok_or_else(|| anyhow::anyhow!("OCI runtime {runtime:?} not found in $PATH"))
}
