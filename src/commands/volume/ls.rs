//! `rpod volume ls`: the volumes, with Podman's filters and formats.

use clap::Args;
use serde_json::Value;

use crate::context::{print, Context};
use crate::format;

const HEADERS: format::Headers = &[("Name", "VOLUME NAME"), ("Driver", "DRIVER"), ("Mountpoint", "MOUNT POINT")];

#[derive(Debug, Args)]
pub struct VolumeLsArgs {
    /// Filter volume output (name=, label=, driver=, dangling=true|false, until=, anonymous=true|false)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Format volume output using JSON or a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,

    /// Print volume output in quiet mode (names only)
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: VolumeLsArgs) -> anyhow::Result<()> {
    let filters = crate::volume::Filters::parse(&args.filter)?;
    let mut rows = Vec::new();
    for v in crate::volume::list(ctx)? {
        if filters.matches(ctx, &v)? {
            rows.push(crate::volume::inspect_json(ctx, &v)?);
        }
    }
    if args.quiet {
        let out: String = rows.iter().map(|r| format!("{}\n", r["Name"].as_str().unwrap_or_default())).collect();
        return print(&out);
    }
    if args.format.as_deref().is_some_and(format::is_json) {
        return print(&(format::to_json_indent(&Value::Array(rows), 2) + "\n"));
    }
    let default = "table {{.Driver}}\t{{.Name}}";
    let fmt = format::without_heading(args.format.as_deref().unwrap_or(default), default, args.noheading);
    print(&format::render_list(Some(&fmt), &rows, default, HEADERS)?)
}
