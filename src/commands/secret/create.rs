//! `rpod secret create NAME FILE|-`: a new secret (file driver); prints its ID.

use std::io::Read;

use anyhow::Context as _;
use clap::Args;

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::secret::{CreateOptions, Store, MAX_SIZE};

#[derive(Debug, Args)]
pub struct SecretCreateArgs {
    /// Specify secret driver (rpod has the file driver: unencrypted, readable only by you)
    #[arg(short, long, value_name = "DRIVER", default_value = crate::secret::FILE_DRIVER)]
    pub driver: String,

    /// Specify driver specific options (KEY=VALUE, comma-separated; file: path=DIR, where the data is kept)
    #[arg(long, value_name = "OPTIONS", value_delimiter = ',')]
    pub driver_opts: Vec<String>,

    /// Read secret data from environment variable (FILE is the variable's name)
    #[arg(long)]
    pub env: bool,

    /// Specify labels on the secret (KEY=VALUE)
    #[arg(short, long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// The secret's name
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The file holding the data, - for standard input (with --env: a variable's name)
    #[arg(value_name = "FILE|-")]
    pub file: String,
}

pub fn run(ctx: &Context, args: SecretCreateArgs) -> anyhow::Result<()> {
    let opts = CreateOptions {
        driver: args.driver.clone(),
        driver_options: crate::commands::volume::key_values("--driver-opts", &args.driver_opts)?,
        labels: crate::commands::volume::key_values("--label", &args.label)?,
    };
    let data = if args.env {
        std::env::var_os(&args.file).map(std::os::unix::ffi::OsStringExt::into_vec).ok_or_else(|| {
            Failure::new(
                ExitCode::Engine,
                format!("cannot create store secret data: environment variable {} is not set", args.file),
            )
        })?
    } else {
        let mut data = Vec::new();
        // One byte more than allowed is enough to refuse it.
        let limit = MAX_SIZE as u64;
        if args.file == "-" {
            std::io::stdin()
                .lock()
                .take(limit)
                .read_to_end(&mut data)
                .context("reading the secret from standard input")?;
        } else {
            let f = std::fs::File::open(&args.file)
                .map_err(|e| Failure::new(ExitCode::Engine, format!("open {}: {e}", args.file)))?;
            f.take(limit).read_to_end(&mut data).with_context(|| format!("reading {}", args.file))?;
        }
        data
    };
    let s = Store::open(ctx)?.create(&args.name, &data, &opts)?;
    print(&format!("{}\n", s.id))
}
