//! `rpod run` / `rpod container run`: run a command in a new container, in
//! the foreground, and exit with its exit code.

use clap::{Args, ValueEnum};

use crate::container::run::{run as run_container, RunOptions};
use crate::context::Context;
use crate::error::{ExitCode, Failure};

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

#[derive(Debug, Args)]
#[command(trailing_var_arg = true)]
pub struct RunArgs {
    /// Keep STDIN open
    #[arg(short, long)]
    pub interactive: bool,

    /// Allocate a pseudo-TTY
    #[arg(short, long)]
    pub tty: bool,

    /// Remove the container when it exits (every container is removed when it exits until the container lifecycle lands)
    #[arg(long)]
    pub rm: bool,

    /// Set environment variables (KEY=VALUE, or KEY to pass the caller's value)
    #[arg(short, long, value_name = "ENV")]
    pub env: Vec<String>,

    /// Read in a file of environment variables
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<String>,

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
    #[arg(long, value_name = "NAME")]
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

    /// Suppress output information when pulling images
    #[arg(short, long)]
    pub quiet: bool,

    /// Require HTTPS and verify certificates when pulling a missing image
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,

    /// The image to run
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// The command and its arguments (default: the image's)
    #[arg(value_name = "COMMAND", allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// `--security-opt` values: the seccomp profile and no_new_privileges.
pub fn security_opts(opts: &[String]) -> anyhow::Result<(rpod_runtime::Seccomp, bool)> {
    let mut seccomp = rpod_runtime::Seccomp::Default;
    let mut no_new_privileges = false;
    for opt in opts {
        // Docker's old syntax used ':' as the separator.
        let (key, value) = match opt.split_once('=').or_else(|| opt.split_once(':')) {
            Some((k, v)) => (k, Some(v)),
            None => (opt.as_str(), None),
        };
        match (key, value) {
            ("seccomp", Some("unconfined")) => seccomp = rpod_runtime::Seccomp::Unconfined,
            ("seccomp", Some(path)) if !path.is_empty() => {
                let profile = rpod_runtime::seccomp::Profile::from_file(std::path::Path::new(path))
                    .map_err(|e| anyhow::anyhow!("--security-opt {opt}: {e}"))?;
                seccomp = rpod_runtime::Seccomp::Profile(Box::new(profile));
            }
            ("seccomp", _) => anyhow::bail!("--security-opt {opt}: expected seccomp=unconfined or seccomp=PROFILE.json"),
            ("no-new-privileges", None | Some("true")) => no_new_privileges = true,
            ("no-new-privileges", Some("false")) => no_new_privileges = false,
            ("label" | "apparmor" | "mask" | "unmask" | "proc-opts" | "systempaths", _) => {
                anyhow::bail!("--security-opt {opt}: {key} is not supported by rpod")
            }
            _ => anyhow::bail!(
                "--security-opt {opt}: unknown option (supported: seccomp=unconfined|PROFILE.json, no-new-privileges)"
            ),
        }
    }
    Ok((seccomp, no_new_privileges))
}

pub fn run(ctx: &Context, args: RunArgs) -> anyhow::Result<()> {
    let (seccomp, no_new_privileges) = security_opts(&args.security_opt)?;
    let opts = RunOptions {
        image: args.image,
        args: args.command,
        entrypoint: args.entrypoint,
        env: args.env,
        env_files: args.env_file,
        workdir: args.workdir,
        user: args.user,
        hostname: args.hostname,
        network: match args.network {
            Network::None => rpod_runtime::NetworkMode::None,
            Network::Host => rpod_runtime::NetworkMode::Host,
            Network::Private => rpod_runtime::NetworkMode::Private,
        },
        read_only: args.read_only,
        cap_add: args.cap_add,
        cap_drop: args.cap_drop,
        privileged: args.privileged,
        seccomp,
        no_new_privileges,
        interactive: args.interactive,
        tty: args.tty,
        quiet_pull: args.quiet,
        tls_verify: args.tls_verify,
    };
    match run_container(ctx, &opts)? {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::security_opts;

    fn err(opt: &str) -> String {
        security_opts(&[opt.to_string()]).unwrap_err().to_string()
    }

    #[test]
    fn security_opt_values() {
        let (s, nnp) = security_opts(&["seccomp=unconfined".into(), "no-new-privileges".into()]).unwrap();
        assert!(matches!(s, rpod_runtime::Seccomp::Unconfined) && nnp);
        assert!(matches!(security_opts(&[]).unwrap().0, rpod_runtime::Seccomp::Default));
        assert!(err("label=disable").contains("label is not supported"));
        assert!(err("apparmor=unconfined").contains("apparmor is not supported"));
        assert!(err("seccomp=/nonexistent/profile.json").contains("/nonexistent/profile.json"));
        assert!(err("bogus=1").contains("unknown option"));
    }
}
