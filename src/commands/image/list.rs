//! `rpod images` / `rpod image list` / `rpod image ls`: the stored images,
//! one row per name like Podman (an image without names shows `<none>
//! <none>`), newest first.

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context as _};
use clap::Args;
use serde_json::{json, Value};

use rpod_storage::ImageRecord;

use crate::context::{print, Context};
use crate::format::{self, human};
use crate::image::{filter, inspect, lookup, names};

#[derive(Debug, Args)]
pub struct ImagesArgs {
    /// Show only images whose name matches IMAGE (like --filter reference=IMAGE)
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,

    /// Show all images, intermediate ones (a build's steps) included
    #[arg(short, long)]
    pub all: bool,

    /// Display only image IDs
    #[arg(short, long)]
    pub quiet: bool,

    /// Do not truncate output: full image IDs (sha256:...)
    #[arg(long, visible_alias = "notruncate")]
    pub no_trunc: bool,

    /// Show digests
    #[arg(long)]
    pub digests: bool,

    /// Filter output based on conditions provided: dangling=BOOL, reference=PATTERN, label=KEY[=VALUE], before=IMAGE, since=IMAGE, id=ID
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Change the output format to JSON or a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Sort by created, id, repository, size or tag
    #[arg(long, value_name = "FIELD", default_value = "created", value_parser = ["created", "id", "repository", "size", "tag"])]
    pub sort: String,

    /// Do not print column headings
    #[arg(short, long)]
    pub noheading: bool,

    /// Display the image name history
    #[arg(long)]
    pub history: bool,
}

/// Column headers that are not the field name upper-cased.
const HEADERS: format::Headers = &[("ID", "IMAGE ID"), ("ReadOnly", "R/O")];

/// One row per name: an image and which of its names the row shows.
struct Row<'a> {
    image: &'a ImageRecord,
    repository: String,
    tag: String,
}

pub fn run(ctx: &Context, args: ImagesArgs) -> anyhow::Result<()> {
    if args.image.is_some() && !args.filter.is_empty() {
        bail!("cannot specify an image and a filter(s)");
    }
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;
    let mut images = store.images().context("listing images")?;
    if !args.all {
        let hidden = crate::build::cache::intermediate_ids(&images);
        images.retain(|img| !hidden.contains(&img.id));
    }
    let mut filters = args.filter.clone();
    if let Some(image) = &args.image {
        filters.push(format!("reference={image}"));
    }
    let filters = filter::parse(&filters, |name| {
        Ok(lookup::find(store, &search, name).with_context(|| format!("looking up {name}"))?.image.created)
    })?;
    images.retain(|img| filter::matches(&filters, img));
    // Newest first: the store lists images oldest first, so reverse it
    // before the (stable) sort to break ties newest-stored first.
    images.reverse();

    let mut rows = rows_of(&images);
    let key_size = |r: &Row| r.image.size;
    match args.sort.as_str() {
        "id" => rows.sort_by(|a, b| a.image.id.cmp(&b.image.id)),
        "repository" => rows.sort_by(|a, b| a.repository.cmp(&b.repository)),
        "size" => rows.sort_by_key(key_size),
        "tag" => rows.sort_by(|a, b| a.tag.cmp(&b.tag)),
        _ => rows.sort_by_key(|r| std::cmp::Reverse(r.image.created)),
    }

    let id_of = |img: &ImageRecord| {
        if args.no_trunc {
            format!("sha256:{}", img.id)
        } else {
            names::short_id(&img.id).to_string()
        }
    };
    let fmt = args.format.as_deref().unwrap_or("");

    if format::is_json(fmt) {
        let mut seen = std::collections::HashSet::new();
        let list: Vec<Value> =
            rows.iter().filter(|r| seen.insert(r.image.id.clone())).map(|r| inspect::summary(r.image)).collect();
        return print(&(format::to_json_pretty(&Value::Array(list)) + "\n"));
    }
    if args.quiet {
        let mut seen = std::collections::HashSet::new();
        let mut out = String::new();
        for r in rows.iter().filter(|r| seen.insert(r.image.id.clone())) {
            out.push_str(&id_of(r.image));
            out.push('\n');
        }
        return print(&out);
    }

    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let data: Vec<Value> = rows.iter().map(|r| template_row(r, &id_of(r.image), now)).collect();
    let default = default_format(&args);
    let format = if fmt.trim().is_empty() { default.as_str() } else { fmt };
    // --noheading: the same template without its `table` keyword, which is
    // still aligned into columns but has no header line.
    let format = format::without_heading(format, &default, args.noheading);
    print(&format::render_list(Some(&format), &data, &default, HEADERS)?)
}

/// Podman's default columns for the flags given.
fn default_format(args: &ImagesArgs) -> String {
    let mut cols = vec!["{{.Repository}}", "{{.Tag}}"];
    if args.digests {
        cols.push("{{.Digest}}");
    }
    cols.extend(["{{.ID}}", "{{.Created}}", "{{.Size}}"]);
    if args.history {
        cols.push("{{if .History}}{{.History}}{{else}}<none>{{end}}");
    }
    format!("table {}", cols.join("\t"))
}

/// One row per tagged name; an image whose names carry no tag shows one
/// `<none>` row (the first such name), an image without names `<none>
/// <none>`.
fn rows_of(images: &[ImageRecord]) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for image in images {
        let split: Vec<(String, String)> = image.names.iter().map(|n| names::repo_tag(n)).collect();
        let tagged: Vec<&(String, String)> = split.iter().filter(|(_, t)| t != "<none>").collect();
        if !tagged.is_empty() {
            rows.extend(tagged.into_iter().map(|(r, t)| Row { image, repository: r.clone(), tag: t.clone() }));
        } else if let Some((r, _)) = split.first() {
            rows.push(Row { image, repository: r.clone(), tag: "<none>".into() });
        } else {
            rows.push(Row { image, repository: "<none>".into(), tag: "<none>".into() });
        }
    }
    rows
}

/// What a template sees for a row: Podman's `imageReporter` (the image
/// summary's fields plus Repository, Tag and the human-readable methods).
fn template_row(row: &Row, id: &str, now: i64) -> Value {
    let img = row.image;
    let config = inspect::config_of(img);
    let created = human::ago(img.created, now);
    let created_at = inspect::go_time_string(img.created);
    let history = inspect::names_history(img);
    json!({
        "ID": id,
        "Repository": row.repository,
        "Tag": row.tag,
        "Digest": img.digest,
        "Created": created,
        "CreatedAt": created_at,
        "CreatedSince": created,
        "CreatedTime": created_at,
        "Size": human::size(img.size),
        "SharedSize": 0,
        "VirtualSize": img.size,
        "ParentId": "",
        "RepoTags": inspect::repo_tags(img),
        "RepoDigests": inspect::repo_digests(img),
        "Labels": inspect::labels(&config),
        "Containers": 0,
        "ReadOnly": false,
        "Dangling": inspect::is_dangling(img),
        "Names": img.names,
        "ConfigDigest": format!("sha256:{}", img.id),
        "History": history.join(", "),
    })
}
