//! `rpod run` / `rpod container run`: create a container and start it; in
//! the foreground (attached until it exits, with its exit code) or with
//! `-d` in the background (prints the ID).

use clap::Args;

use super::create::ContainerFlags;
use crate::container::attach::{self, ClientOptions, Ended};
use crate::container::lifecycle;
use crate::container::record::Containers;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Run the container in the background and print its ID
    #[arg(short, long)]
    pub detach: bool,

    /// Attach to STDIN, STDOUT or STDERR (default: STDOUT and STDERR, and STDIN with -i)
    #[arg(short, long, value_name = "STREAM", value_parser = ["stdin", "stdout", "stderr"], ignore_case = true)]
    pub attach: Vec<String>,

    /// Override the key sequence for detaching a container
    #[arg(long, value_name = "KEYS", default_value = attach::DEFAULT_DETACH_KEYS)]
    pub detach_keys: String,

    /// Proxy received signals to the container (without a terminal)
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub sig_proxy: bool,

    /// Remove the image after the container exits, unless other containers use it (implies --rm)
    #[arg(long)]
    pub rmi: bool,

    /// Pass N additional file descriptors (3..3+N) to the container's process
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,

    #[command(flatten)]
    pub flags: ContainerFlags,
}

pub fn run(ctx: &Context, args: RunArgs) -> anyhow::Result<()> {
    // First, before this process opens anything that could take a free number among them.
    let owned = crate::sys::inherited_fds(args.preserve_fds)?;
    let preserve: Vec<_> = owned.iter().map(std::os::fd::AsFd::as_fd).collect();
    let mut opts = args.flags.to_options()?;
    opts.runtime = ctx.global.runtime.clone();
    if args.rmi {
        if args.detach {
            anyhow::bail!("--rmi cannot be used with --detach: the image is removed when a run in the foreground ends");
        }
        opts.rm = true;
    }
    let detach_keys = attach::parse_detach_keys(&args.detach_keys)?;
    if args.detach && !args.attach.is_empty() {
        anyhow::bail!("--attach and --detach cannot be used together");
    }
    args.flags.check_cidfile()?;
    let c = lifecycle::create(ctx, &opts)?;
    args.flags.write_cidfile(&c.id)?;
    let mut containers = ctx.containers()?;
    // A start that fails leaves nothing behind with --rm, as in Podman
    // (without it the container stays, `created` or `exited`): the monitor
    // removes it when it got that far, else this command does.
    let failed_start = |containers: &mut Containers, e: anyhow::Error| -> anyhow::Error {
        if opts.rm {
            if let Err(r) = lifecycle::remove_with_volumes(ctx, containers, &c, Some(std::time::Duration::ZERO), true) {
                log::warn!("removing container {} after its failed start: {r:#}", c.id);
            }
        }
        e
    };
    if args.detach {
        lifecycle::start_preserving(ctx, &mut containers, &c, false, &preserve)
            .map_err(|e| failed_start(&mut containers, e))?;
        return print(&format!("{}\n", c.id));
    }
    let streams = |s: &str| args.attach.is_empty() || args.attach.iter().any(|a| a.eq_ignore_ascii_case(s));
    let attached = (|| {
        let started = lifecycle::start_preserving(ctx, &mut containers, &c, true, &preserve)?;
        let sock = attach::connect(&containers.run_dir(&c.id))?;
        let mut report = started.report.ok_or_else(|| anyhow::anyhow!("the monitor did not wait for the attach"))?;
        Ok((sock, lifecycle::read_outcome(&mut report)?))
    })();
    let (sock, pid) = attached.map_err(|e| failed_start(&mut containers, e))?;
    let ended = attach::client(
        sock,
        &ClientOptions {
            stdin: opts.interactive && streams("stdin"),
            stdout: streams("stdout"),
            stderr: streams("stderr"),
            tty: opts.tty,
            detach_keys,
            proxy_signals_to: (args.sig_proxy && !opts.tty).then_some(pid),
        },
    )?;
    let code = match ended {
        Ended::Exited(code) => code,
        Ended::Detached => return Ok(()),
        Ended::Closed => super::attach::exit_code_after_close(&mut containers, &c.id)?,
    };
    if opts.rm {
        // Like Docker: `run --rm` returns once the container is gone (its
        // monitor removes it right after reporting the exit).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while containers.get(&c.id)?.is_some() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let monitor_gone = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while containers.dir(&c.id).exists() && std::time::Instant::now() < monitor_gone {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
    if args.rmi {
        // As Podman: a failure to remove the image is reported; the exit
        // code stays the container's.
        let name = [c.config.image_name.clone()];
        match crate::image::remove::remove(ctx, &name, crate::image::remove::RemoveOptions::default()) {
            Ok(report) => report.errors.iter().for_each(|(_, e)| eprintln!("Error: {e}")),
            Err(e) => eprintln!("{}", crate::error::render(&e)),
        }
    }
    match code {
        0 => Ok(()),
        code => Err(Failure::new(ExitCode::Container(code), "").into()),
    }
}
