//! `rpod diff` / `rpod container diff` / `rpod image diff`: the files a
//! container (or an image's top layer) added, changed or deleted
//! (`image diff`'s flags are in `commands/image/diff.rs`).

use anyhow::bail;
use clap::Args;

use crate::commands::select;
use crate::container::diff;
use crate::context::{print, Context};
use crate::error::Failure;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Change the output format (json)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Act on the latest container rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// The container or image (name or ID)
    #[arg(value_name = "CONTAINER|IMAGE", num_args = 0..=2)]
    pub names: Vec<String>,
}

pub(crate) fn check_format(format: Option<&str>) -> anyhow::Result<bool> {
    match format {
        None => Ok(false),
        Some("json") => Ok(true),
        Some(_) => bail!("only supported value for '--format' is 'json'"),
    }
}

pub(crate) fn output(json: bool, changes: &[rpod_storage::changes::Change]) -> anyhow::Result<()> {
    if json {
        print(&format!("{}\n", crate::format::to_json_indent(&diff::render_json(changes), 5)))
    } else {
        print(&diff::render_text(changes))
    }
}

pub(crate) fn one_name(names: &[String]) -> anyhow::Result<Option<&str>> {
    if names.len() > 1 {
        bail!("comparing two containers or images is not supported by rpod: give one, its changes are to its image");
    }
    Ok(names.first().map(String::as_str))
}

pub fn run(ctx: &Context, args: DiffArgs) -> anyhow::Result<()> {
    let json = check_format(args.format.as_deref())?;
    let name = one_name(&args.names)?;
    let mut containers = ctx.containers()?;
    let found = match (args.latest, name) {
        (false, Some(n)) => match containers.find(n) {
            Ok(c) => Some(c),
            Err(e) if crate::error::failure_of(&e).is_some_and(|f| f.cause == crate::error::Cause::NoSuchObject) => {
                None
            }
            Err(e) => return Err(e),
        },
        (latest, name) => Some(select::one(&mut containers, latest, name)?),
    };
    let store = ctx.store()?;
    let changes = match found {
        Some(c) => diff::container_changes(store, &containers, &c)?,
        None => {
            let n = name.unwrap_or_default();
            let rec =
                image(ctx, n).map_err(|_| Failure::no_such(format!("{n} not found: no such container or image")))?;
            diff::image_changes(store, &rec)?
        }
    };
    output(json, &changes)
}

pub(crate) fn image(ctx: &Context, name: &str) -> anyhow::Result<rpod_storage::ImageRecord> {
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;
    Ok(crate::image::lookup::find(store, &search, name)?.image)
}
