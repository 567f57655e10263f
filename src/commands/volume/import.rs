//! `rpod volume import NAME FILE|-`: a tar archive's files added to an
//! existing volume.

use clap::Args;

use crate::context::Context;

#[derive(Debug, Args)]
pub struct VolumeImportArgs {
    /// The volume's name
    #[arg(value_name = "VOLUME")]
    pub name: String,

    /// The tar archive (- for standard input)
    #[arg(value_name = "FILE")]
    pub source: String,
}

pub fn run(ctx: &Context, args: VolumeImportArgs) -> anyhow::Result<()> {
    let input: Box<dyn std::io::Read> = if args.source == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(&args.source).map_err(|e| anyhow::anyhow!("opening {}: {e}", args.source))?)
    };
    crate::volume::archive::import(ctx, &args.name, input)
}
