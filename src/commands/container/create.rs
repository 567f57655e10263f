//! `rpod create` / `rpod container create`: create a container (not
//! started) and print its ID. The flags that describe a container are
//! defined here once and shared with `run`.

use clap::{Args, ValueEnum};

use crate::container::lifecycle::{self, CreateOptions, PullPolicy};
use crate::container::record::RestartPolicy;
use crate::context::{print, Context};

/// `--network`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Network {
    /// An own network namespace with only loopback
    None,
    /// The host's network namespace
    Host,
    /// An own network namespace (loopback only until rootless networking lands)
    Private,
}

/// `--log-driver`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogDriver {
    /// Podman's k8s-file format, read by `rpod logs`
    #[value(name = "k8s-file")]
    K8sFile,
    /// No log
    None,
}

/// The flags that describe a container (`create` and `run`). `-h` is the
/// hostname, as in Docker and Podman: help is `--help` only.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct ContainerFlags {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,

    /// Assign a name to the container
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Keep STDIN open even if not attached
    #[arg(short, long)]
    pub interactive: bool,

    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,

    /// Remove the container (and its files) when it exits
    #[arg(long)]
    pub rm: bool,

    /// Run an init inside the container that forwards signals and reaps processes
    #[arg(long)]
    pub init: bool,

    /// Restart policy: no, on-failure[:max-retries], always, unless-stopped
    #[arg(long, value_name = "POLICY", default_value = "no")]
    pub restart: String,

    /// Set environment variables (KEY=VALUE, or KEY to pass the caller's value)
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,

    /// Read in a file of environment variables
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<String>,

    /// Set metadata on the container (KEY=VALUE)
    #[arg(short, long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// Overwrite the default ENTRYPOINT of the image (a program, or a JSON array)
    #[arg(long, value_name = "ENTRYPOINT", allow_hyphen_values = true)]
    pub entrypoint: Option<String>,

    /// Working directory inside the container (created if missing)
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,

    /// Username or UID (format: <name|uid>[:<group|gid>])
    #[arg(short, long, value_name = "USER")]
    pub user: Option<String>,

    /// Set container hostname (default: the short container ID)
    #[arg(short = 'h', long, value_name = "NAME")]
    pub hostname: Option<String>,

    /// Connect the container to a network
    #[arg(long, alias = "net", value_enum, default_value = "private")]
    pub network: Network,

    /// Make the container's root filesystem read-only
    #[arg(long)]
    pub read_only: bool,

    /// Add capabilities to the container
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,

    /// Drop capabilities from the container
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,

    /// Give extended privileges to the container
    #[arg(long)]
    pub privileged: bool,

    /// Security options: seccomp=unconfined|PROFILE.json, no-new-privileges[=true|false]
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,

    /// User namespace: host (the default), or keep-id[:uid=UID,gid=GID] (rootless: your own UID and GID inside, and the container's files yours on the host)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,

    /// Start the container with this external OCI runtime (a path, or a name in $PATH, e.g. runc) instead of the built-in one
    #[arg(long, value_name = "PATH")]
    pub runtime: Option<String>,

    /// Tune the host's OOM preferences for the container (-1000 to 1000)
    #[arg(long, value_name = "NUM", allow_hyphen_values = true, value_parser = clap::value_parser!(i32).range(-1000..=1000))]
    pub oom_score_adj: Option<i32>,

    /// Signal to stop the container (default: the image's StopSignal, else SIGTERM)
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,

    /// Seconds to wait for the stop signal before SIGKILL
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,

    /// Logging driver for the container
    #[arg(long, value_enum, default_value = "k8s-file")]
    pub log_driver: LogDriver,

    /// Logging driver options: max-size=SIZE (e.g. 10m) rotates the log
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,

    #[command(flatten)]
    pub resources: ResourceFlags,

    /// Pull the image: always, missing (when not in local storage), never, newer
    #[arg(long, value_enum, value_name = "POLICY", default_value = "missing", hide_possible_values = true)]
    pub pull: PullPolicy,

    /// Replace (remove) a container of the same name first
    #[arg(long)]
    pub replace: bool,

    /// Suppress output information when pulling images
    #[arg(short, long)]
    pub quiet: bool,

    /// Require HTTPS and verify certificates when pulling a missing image
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,

    /// The image to run, then the command and its arguments (default: the image's). Everything after
    /// the image belongs to the container's command, as in Docker and Podman.
    #[arg(value_name = "IMAGE", value_names = ["IMAGE", "COMMAND"], num_args = 1.., required = true, trailing_var_arg = true)]
    pub image_and_command: Vec<String>,
}

/// Resource limits (`create`, `run`, `update`), applied through the
/// container's cgroup v2.
#[derive(Debug, Args, Default)]
pub struct ResourceFlags {
    /// Memory limit (e.g. 64m, 1g)
    #[arg(short, long, value_name = "SIZE")]
    pub memory: Option<String>,

    /// Memory soft limit (memory.low)
    #[arg(long, value_name = "SIZE")]
    pub memory_reservation: Option<String>,

    /// Memory plus swap limit; -1 for unlimited swap
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,

    /// Number of CPUs (e.g. 1.5)
    #[arg(long, value_name = "NUMBER")]
    pub cpus: Option<f64>,

    /// CPU shares (relative weight, converted to cpu.weight)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,

    /// Limit the CPU CFS quota (microseconds per period)
    #[arg(long, value_name = "MICROSECONDS")]
    pub cpu_quota: Option<i64>,

    /// Limit the CPU CFS period (microseconds)
    #[arg(long, value_name = "MICROSECONDS")]
    pub cpu_period: Option<u64>,

    /// CPUs in which to allow execution (0-3, 0,1)
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,

    /// Memory nodes in which to allow execution (0-3, 0,1)
    #[arg(long, value_name = "NODES")]
    pub cpuset_mems: Option<String>,

    /// Tune the container's pids limit (-1 for unlimited; default 2048 where the pids controller is available)
    #[arg(long, value_name = "LIMIT", allow_hyphen_values = true)]
    pub pids_limit: Option<i64>,
}

impl ResourceFlags {
    /// The limits in cgroup v2 terms; only what was asked for.
    pub fn to_resources(&self) -> anyhow::Result<rpod_runtime::cgroup_manager::Resources> {
        use rpod_runtime::cgroup_manager::{shares_to_weight, Resources};
        let memory = self.memory.as_deref().map(parse_size).transpose()?.map(|v| v as i64);
        if memory.is_some_and(|m| m < 6 << 20) {
            anyhow::bail!("minimum memory limit allowed is 6MB");
        }
        let mut r = Resources {
            memory_max: memory,
            memory_low: self.memory_reservation.as_deref().map(parse_size).transpose()?.map(|v| v as i64),
            ..Default::default()
        };
        if let Some(swap) = self.memory_swap.as_deref() {
            if swap.trim() == "-1" {
                r.memory_swap_max = Some(-1);
            } else {
                let total = parse_size(swap)? as i64;
                let Some(m) = memory else {
                    anyhow::bail!("you must provide a memory limit when setting --memory-swap")
                };
                if total < m {
                    anyhow::bail!("--memory-swap must be larger than or equal to --memory");
                }
                r.memory_swap_max = Some(total - m);
            }
        }
        if let Some(s) = self.cpu_shares {
            r.cpu_weight = Some(shares_to_weight(s));
        }
        if self.cpus.is_some() && (self.cpu_quota.is_some() || self.cpu_period.is_some()) {
            anyhow::bail!("--cpus and --cpu-quota/--cpu-period cannot be used together");
        }
        if let Some(c) = self.cpus {
            if c.is_nan() || c <= 0.0 {
                anyhow::bail!("--cpus must be a positive number");
            }
            r.cpu_max = Some((Some((c * 100_000.0).round() as u64), 100_000));
        } else if self.cpu_quota.is_some() || self.cpu_period.is_some() {
            let period = self.cpu_period.unwrap_or(100_000);
            let quota = self.cpu_quota.filter(|q| *q > 0).map(|q| q as u64);
            r.cpu_max = Some((quota, period));
        }
        r.cpuset_cpus = self.cpuset_cpus.clone();
        r.cpuset_mems = self.cpuset_mems.clone();
        if let Some(p) = self.pids_limit {
            r.pids_max = Some(if p <= 0 { -1 } else { p });
        }
        Ok(r)
    }
}

impl ContainerFlags {
    pub fn to_options(&self) -> anyhow::Result<CreateOptions> {
        let mut log_max_size = 0;
        for o in &self.log_opt {
            match o.split_once('=') {
                Some(("max-size", v)) => log_max_size = parse_size(v)?,
                Some(("max-file" | "path" | "tag", _)) => {
                    anyhow::bail!("--log-opt {o}: not supported by rpod (supported: max-size)")
                }
                _ => anyhow::bail!("--log-opt {o}: unknown option (supported: max-size=SIZE)"),
            }
        }
        Ok(CreateOptions {
            image: self.image_and_command[0].clone(),
            name: self.name.clone(),
            args: self.image_and_command[1..].to_vec(),
            entrypoint: self.entrypoint.clone(),
            env: self.env.clone(),
            env_files: self.env_file.clone(),
            workdir: self.workdir.clone(),
            user: self.user.clone(),
            hostname: self.hostname.clone(),
            network: match self.network {
                Network::None => rpod_runtime::NetworkMode::None,
                Network::Host => rpod_runtime::NetworkMode::Host,
                Network::Private => rpod_runtime::NetworkMode::Private,
            },
            read_only: self.read_only,
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            privileged: self.privileged,
            security_opt: self.security_opt.clone(),
            interactive: self.interactive,
            tty: self.tty,
            rm: self.rm,
            init: self.init,
            oom_score_adj: self.oom_score_adj,
            runtime: self.runtime.clone(),
            userns: self.userns.clone(),
            restart: RestartPolicy::parse(&self.restart)?,
            labels: self.label.clone(),
            log_driver: match self.log_driver {
                LogDriver::K8sFile => "k8s-file".into(),
                LogDriver::None => "none".into(),
            },
            log_max_size,
            stop_signal: self.stop_signal.clone(),
            stop_timeout: self.stop_timeout,
            resources: self.resources.to_resources()?,
            quiet_pull: self.quiet,
            tls_verify: self.tls_verify,
            pull: self.pull,
            replace: self.replace,
        })
    }
}

/// `10m`, `1g`, `512k`, `100` (bytes); decimal suffixes are powers of 1024
/// like Docker's `RAMInBytes`.
pub fn parse_size(s: &str) -> anyhow::Result<u64> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.strip_suffix('b').unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: f64 = num.parse().map_err(|_| anyhow::anyhow!("invalid size {s:?}"))?;
    if n.is_nan() || n < 0.0 {
        anyhow::bail!("invalid size {s:?}");
    }
    Ok((n * mult as f64) as u64)
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub flags: ContainerFlags,
}

pub fn run(ctx: &Context, args: CreateArgs) -> anyhow::Result<()> {
    let opts = args.flags.to_options()?;
    let c = lifecycle::create(ctx, &opts)?;
    print(&format!("{}\n", c.id))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10m").unwrap(), 10 << 20);
        assert_eq!(parse_size("1G").unwrap(), 1 << 30);
        assert_eq!(parse_size("512kb").unwrap(), 512 << 10);
        assert_eq!(parse_size("100").unwrap(), 100);
        assert!(parse_size("x").is_err());
        assert!(parse_size("-1m").is_err());
    }
}
