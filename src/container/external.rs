//! `--runtime PATH`: an external OCI runtime (runc, crun) starts the
//! container instead of the built-in one. The monitor writes the bundle
//! (`<run dir>/bundle/config.json`, the same spec, its root the mounted
//! overlay), runs `RUNTIME --root <run dir>/runtime run --bundle ... NAME`
//! in the foreground with the container's pipes as its stdio (the runtime
//! passes them through and exits with the container's code), reads the
//! init's PID from `RUNTIME state`, and deletes the runtime's state
//! afterwards. Without a terminal only (`-t` would give the runtime the
//! terminal, not the monitor).

use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};

/// One container under an external runtime.
pub struct External {
    pub runtime: PathBuf,
    pub state_root: PathBuf,
    pub bundle: PathBuf,
    pub name: String,
}

impl External {
    pub fn new(runtime: &str, run_dir: &Path, id: &str) -> External {
        External {
            runtime: PathBuf::from(runtime),
            state_root: run_dir.join("runtime"),
            bundle: run_dir.join("bundle"),
            name: format!("rpod-{}", &id[..12]),
        }
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.runtime);
        c.arg("--root").arg(&self.state_root);
        c
    }

    /// Starts the container with `stdio` and `preserve` (its descriptors
    /// 3, 4, ...: the runtime's `--preserve-fds`); returns the runtime's
    /// process (whose exit status is the container's) and the container's
    /// init PID.
    pub fn start(
        &self,
        spec: &rpod_runtime::oci_spec::runtime::Spec,
        [stdin, stdout, stderr]: [OwnedFd; 3],
        preserve: &[BorrowedFd],
    ) -> anyhow::Result<(Child, i32)> {
        crate::paths::private_dir_all(&self.bundle).with_context(|| format!("creating {}", self.bundle.display()))?;
        crate::paths::private_dir_all(&self.state_root)
            .with_context(|| format!("creating {}", self.state_root.display()))?;
        let mut spec = spec.clone();
        if let Some(p) = spec.process_mut() {
            p.set_terminal(Some(false));
        }
        let config = self.bundle.join("config.json");
        std::fs::write(&config, serde_json::to_vec(&spec)?).with_context(|| format!("writing {}", config.display()))?;
        self.delete();
        // Written by the runtime once the container exists (before its process
        // starts): tells a process that ended before the first `state` poll
        // from a runtime that failed to create the container.
        let pid_file = self.bundle.join("init.pid");
        let _ = std::fs::remove_file(&pid_file);
        let mut run = self.command();
        run.arg("run").arg("--pid-file").arg(&pid_file);
        if !preserve.is_empty() {
            run.arg("--preserve-fds").arg(preserve.len().to_string());
            crate::sys::pass_fds(&mut run, preserve.iter().map(|f| f.as_raw_fd()).collect());
        }
        let mut child = run
            .arg("--bundle")
            .arg(&self.bundle)
            .arg(&self.name)
            .stdin(Stdio::from(stdin))
            .stdout(Stdio::from(stdout))
            .stderr(Stdio::from(stderr))
            .spawn()
            .with_context(|| format!("starting {}", self.runtime.display()))?;
        let start = Instant::now();
        // The init's PID shows while the container is "created" (the init
        // waits to exec the process); it is started once "running", or
        // "stopped" (or the runtime gone) when the process ended that fast.
        let mut seen = 0;
        loop {
            // Not reaped here: the monitor's wait collects the exit status.
            if exited(&child) {
                if seen > 0 {
                    return Ok((child, seen));
                }
                let written = std::fs::read_to_string(&pid_file).ok().and_then(|p| p.trim().parse::<i32>().ok());
                if let Some(pid) = written.filter(|&p| p > 0) {
                    return Ok((child, pid));
                }
                let status = child.wait()?;
                bail!("{} exited ({status}) before the container started", self.runtime.display());
            }
            let out = self.command().arg("state").arg(&self.name).stderr(Stdio::null()).output()?;
            if out.status.success() {
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
                let pid = v["pid"].as_i64().unwrap_or(0) as i32;
                match v["status"].as_str() {
                    Some("created") if pid > 0 => seen = pid,
                    Some("running") if pid > 0 => return Ok((child, pid)),
                    Some("stopped") if seen > 0 => return Ok((child, seen)),
                    _ => {}
                }
            }
            if start.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                bail!("{} did not start the container in 30 s", self.runtime.display());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Removes the runtime's state of the container (best effort).
    pub fn delete(&self) {
        let _ =
            self.command().arg("delete").arg("-f").arg(&self.name).stdout(Stdio::null()).stderr(Stdio::null()).status();
    }
}

/// Has `child` exited? Asked without reaping it (`WNOWAIT`).
fn exited(child: &Child) -> bool {
    use nix::sys::wait::{waitid, Id, WaitPidFlag, WaitStatus};
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    !matches!(
        waitid(Id::Pid(pid), WaitPidFlag::WEXITED | WaitPidFlag::WNOHANG | WaitPidFlag::WNOWAIT),
        Ok(WaitStatus::StillAlive)
    )
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
