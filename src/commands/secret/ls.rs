//! `rpod secret ls`: the secrets, with Podman's filters and format.

use clap::Args;
use serde_json::Value;

use crate::context::{print, Context};
use crate::format;
use crate::secret::{Filters, Store};

const HEADERS: format::Headers =
    &[("ID", "ID"), ("Name", "NAME"), ("Driver", "DRIVER"), ("CreatedAt", "CREATED"), ("UpdatedAt", "UPDATED")];

/// Podman's default (a table with its header).
const DEFAULT: &str = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}";

#[derive(Debug, Args)]
pub struct SecretLsArgs {
    /// Filter secret output (name=REGEX, id=REGEX)
    #[arg(short, long, value_name = "FILTER", value_delimiter = ',')]
    pub filter: Vec<String>,

    /// Format secret output using JSON or a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,

    /// Print secret IDs only
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: SecretLsArgs) -> anyhow::Result<()> {
    let filters = Filters::parse(&args.filter)?;
    let now = crate::container::record::now_ns();
    let rows: Vec<Value> =
        Store::open(ctx)?.list()?.iter().filter(|s| filters.matches(s)).map(|s| s.list_row(now)).collect();
    if args.quiet {
        let out: String = rows.iter().map(|r| format!("{}\n", r["ID"].as_str().unwrap_or_default())).collect();
        return print(&out);
    }
    let fmt = format::without_heading(args.format.as_deref().unwrap_or(DEFAULT), DEFAULT, args.noheading);
    print(&format::render_list(Some(&fmt), &rows, DEFAULT, HEADERS)?)
}
