//! `rpod volume create [NAME]`: a new volume of the local driver; prints
//! its name.

use clap::Args;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::volume::{self, CreateOptions};

#[derive(Debug, Args)]
pub struct VolumeCreateArgs {
    /// Specify volume driver name
    #[arg(long, value_name = "DRIVER", default_value = "local")]
    pub driver: String,

    /// Set metadata for a volume (KEY=VALUE)
    #[arg(short, long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// Set driver specific options: type=TYPE, device=DEVICE, o=OPTIONS (mounted when a container uses the volume)
    #[arg(short, long, value_name = "OPTION")]
    pub opt: Vec<String>,

    /// Do not fail when the volume exists (print its name)
    #[arg(long)]
    pub ignore: bool,

    /// The volume's name (default: a random one)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

pub fn run(ctx: &Context, args: VolumeCreateArgs) -> anyhow::Result<()> {
    if args.driver != "local" {
        return Err(Failure::new(
            ExitCode::Engine,
            format!("volume plugin {} not found: no such volume plugin (rpod has the local driver only)", args.driver),
        )
        .into());
    }
    let opts = CreateOptions {
        labels: super::key_values("--label", &args.label)?,
        options: super::key_values("--opt", &args.opt)?,
        anonymous: false,
    };
    if args.ignore {
        if let Some(n) = &args.name {
            if volume::lookup(ctx, n).is_ok() {
                return print(&format!("{n}\n"));
            }
        }
    }
    let v = match volume::create(ctx, args.name.as_deref(), &opts) {
        Ok(v) => v,
        Err(e) if args.ignore && args.name.as_deref().is_some_and(|n| volume::lookup(ctx, n).is_ok()) => {
            log::debug!("{e:#}");
            return print(&format!("{}\n", args.name.unwrap_or_default()));
        }
        Err(e) => return Err(e),
    };
    print(&format!("{}\n", v.name))
}
