//! `rpod pod ps` (`ls`, `list`): the pods, with Podman's columns, filters,
//! sort orders and formats.

use clap::Args;
use serde_json::Value;

use crate::container::record::now_ns;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::format;

const HEADERS: format::Headers = &[
    ("Id", "POD ID"),
    ("ID", "POD ID"),
    ("Name", "NAME"),
    ("Status", "STATUS"),
    ("Labels", "LABELS"),
    ("NumberOfContainers", "# OF CONTAINERS"),
    ("Created", "CREATED"),
    ("InfraID", "INFRA ID"),
    ("InfraId", "INFRA ID"),
    ("ContainerIds", "IDS"),
    ("ContainerNames", "NAMES"),
    ("ContainerStatuses", "STATUS"),
    ("Cgroup", "CGROUP"),
    ("Namespace", "NAMESPACES"),
    ("Networks", "NETWORKS"),
];

#[derive(Debug, Args)]
pub struct PodPsArgs {
    /// Display the container IDs (truncated unless --no-trunc)
    #[arg(long)]
    pub ctr_ids: bool,

    /// Display the container names
    #[arg(long)]
    pub ctr_names: bool,

    /// Display the container statuses
    #[arg(long)]
    pub ctr_status: bool,

    /// Filter the pods (id=, name=, label=, status=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=, network=, until=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Pretty-print the pods as JSON or with a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Show only the latest pod rpod created
    #[arg(short, long)]
    pub latest: bool,

    /// Display the pod's cgroup parent and namespace (CGROUP and NAMESPACES columns)
    #[arg(long)]
    pub ns: bool,

    /// Do not truncate pod and container IDs
    #[arg(long)]
    pub no_trunc: bool,

    /// Do not print headers
    #[arg(long)]
    pub noheading: bool,

    /// Print the IDs of the pods only
    #[arg(short, long)]
    pub quiet: bool,

    /// Sort the output by created, id, name, number or status
    #[arg(long, value_name = "KEY", default_value = "created")]
    pub sort: String,
}

pub fn run(ctx: &Context, args: PodPsArgs) -> anyhow::Result<()> {
    if args.quiet && args.format.is_some() {
        return Err(Failure::new(ExitCode::Engine, "quiet and format cannot be used together").into());
    }
    if !["created", "id", "name", "number", "status"].contains(&args.sort.as_str()) {
        return Err(
            Failure::new(ExitCode::Engine, "invalid option for --sort, options are: id, names, or number").into()
        );
    }
    let filters = crate::pod::filter::Filters::parse(&args.filter)?;
    let pods = crate::pod::Pods::open(ctx)?;
    let mut containers = ctx.containers()?;
    let mut found = Vec::new();
    for pod in pods.list()? {
        let members = pods.members(&mut containers, &pod)?;
        if filters.matches(&pod, &members) {
            found.push((pod, members));
        }
    }
    if args.latest {
        found = found.into_iter().max_by_key(|(p, _)| p.created).into_iter().collect();
    }
    match args.sort.as_str() {
        "id" => found.sort_by(|a, b| a.0.id.cmp(&b.0.id)),
        "name" => found.sort_by(|a, b| a.0.name.cmp(&b.0.name)),
        "number" => found.sort_by_key(|(_, m)| m.len()),
        "status" => found.sort_by_key(|(_, m)| crate::pod::status(m)),
        // Newest first.
        _ => found.sort_by_key(|(p, _)| std::cmp::Reverse(p.created)),
    }
    let cgroup_parent = |p: &crate::pod::Pod| crate::pod::cgroup_parent(p, ctx.rootless());
    if args.quiet {
        let out: String = found.iter().map(|(p, _)| format!("{}\n", p.id)).collect();
        return print(&out);
    }
    if args.format.as_deref().is_some_and(format::is_json) {
        let rows: Vec<Value> = found.iter().map(|(p, m)| crate::pod::view::ps_json(p, m, &cgroup_parent(p))).collect();
        return print(&(format::to_json_indent(&Value::Array(rows), 2) + "\n"));
    }
    let now = now_ns();
    let rows: Vec<Value> =
        found.iter().map(|(p, m)| crate::pod::view::ps_row(p, m, now, args.no_trunc, &cgroup_parent(p))).collect();
    let mut cols = vec!["{{.Id}}", "{{.Name}}", "{{.Status}}", "{{.Created}}", "{{.InfraID}}"];
    if args.ctr_ids {
        cols.push("{{.ContainerIds}}");
    }
    if args.ctr_names {
        cols.push("{{.ContainerNames}}");
    }
    if args.ctr_status {
        cols.push("{{.ContainerStatuses}}");
    }
    if args.ns {
        // rpod has no libpod namespaces (Podman's --namespace): the column is empty.
        cols.extend(["{{.Cgroup}}", "{{.Namespace}}"]);
    }
    if !args.ctr_ids && !args.ctr_names && !args.ctr_status {
        cols.push("{{.NumberOfContainers}}");
    }
    let default = format!("table {}", cols.join("\t"));
    let fmt = format::without_heading(args.format.as_deref().unwrap_or(&default), &default, args.noheading);
    print(&format::render_list(Some(&fmt), &rows, &default, HEADERS)?)
}
