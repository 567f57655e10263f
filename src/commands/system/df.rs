//! `rpod system df`: disk use of images, containers and volumes (see
//! [`crate::system::df`]).

use clap::Args;
use serde_json::{json, Value};

use crate::context::{print, Context};
use crate::format::human;
use crate::system::df::{self, reclaimable_text};

#[derive(Debug, Args)]
pub struct DfArgs {
    /// Pretty-print the summary with a Go template (fields .Type .Total .Active .Size .Reclaimable), or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Show detailed information on disk usage
    #[arg(short, long)]
    pub verbose: bool,
}

pub fn run(ctx: &Context, args: DfArgs) -> anyhow::Result<()> {
    if args.verbose && args.format.is_some() {
        anyhow::bail!("cannot combine --format and --verbose flags");
    }
    let u = df::usage(ctx)?;
    if args.verbose {
        return print(&verbose(&u));
    }
    let rows: Vec<Value> = df::summary(&u)
        .iter()
        .map(|r| {
            json!({
                "Type": r.kind,
                "Total": r.total,
                "Active": r.active,
                "RawSize": r.size,
                "RawReclaimable": r.reclaimable,
                "Size": human::size_precise(r.size),
                "Reclaimable": reclaimable_text(r.reclaimable, r.size),
                "TotalCount": r.total,
            })
        })
        .collect();
    let default = "table {{.Type}}\t{{.Total}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
    print(&crate::format::render_list(args.format.as_deref(), &rows, default, &[])?)
}

fn verbose(u: &df::Usage) -> String {
    let now = crate::container::record::now_ns() / 1_000_000_000;
    let mut out = String::from("Images space usage:\n\n");
    let mut t = String::from("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n");
    for i in &u.images {
        let created = human::duration(std::time::Duration::from_secs((now - i.image.created).max(0) as u64));
        let tags = crate::image::inspect::repo_tags(&i.image);
        let names: Vec<(String, String)> = if tags.is_empty() {
            vec![("<none>".into(), "<none>".into())]
        } else {
            tags.iter()
                .map(|t| match t.rsplit_once(':') {
                    Some((r, tag)) if !tag.contains('/') => (r.to_string(), tag.to_string()),
                    _ => (t.clone(), "<none>".into()),
                })
                .collect()
        };
        for (repo, tag) in names {
            t.push_str(&format!(
                "{repo}\t{tag}\t{}\t{created}\t{}\t{}\t{}\t{}\n",
                &i.image.id[..12.min(i.image.id.len())],
                human::size_precise(i.size),
                human::size_precise(i.shared),
                human::size_precise(i.unique),
                i.containers
            ));
        }
    }
    out.push_str(&crate::format::align_columns(&t));
    out.push_str("\nContainers space usage:\n\n");
    let mut t = String::from("CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n");
    for c in &u.containers {
        let k = &c.container;
        let created = human::duration(std::time::Duration::from_secs((now - k.created / 1_000_000_000).max(0) as u64));
        let command = std::iter::once(k.config.path.clone()).chain(k.config.args.iter().cloned()).collect::<Vec<_>>();
        t.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{created}\t{}\t{}\n",
            k.short_id(),
            &k.image_id[..12.min(k.image_id.len())],
            command.join(" "),
            k.config.mounts.iter().filter(|m| m.kind == crate::volume::mounts::Kind::Volume).count(),
            human::size_precise(c.size),
            k.state.status.as_str(),
            k.name
        ));
    }
    out.push_str(&crate::format::align_columns(&t));
    out.push_str("\nLocal Volumes space usage:\n\n");
    let mut t = String::from("VOLUME NAME\tLINKS\tSIZE\n");
    for v in &u.volumes {
        t.push_str(&format!("{}\t{}\t{}\n", v.name, v.links, human::size_precise(v.size)));
    }
    out.push_str(&crate::format::align_columns(&t));
    out
}
