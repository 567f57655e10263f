//! `rpod history IMAGE` / `rpod image history`: how the image was built,
//! from its configuration's history, newest first (Podman's columns: ID
//! CREATED CREATED BY SIZE COMMENT).

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use clap::{ArgAction, Args};
use serde_json::{json, Map, Value};

use rpod_storage::{ImageRecord, StorageError};

use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::format::{self, human};
use crate::image::inspect::{self, HistoryRow};
use crate::image::{lookup, names};
use crate::timefmt;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The image, by name or ID
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// Display sizes and dates in human readable format (--human=false: RFC 3339 dates)
    #[arg(
        short = 'H',
        long,
        value_name = "BOOL",
        action = ArgAction::Set,
        num_args = 0..=1,
        require_equals = true,
        default_value = "true",
        default_missing_value = "true"
    )]
    pub human: bool,

    /// Do not truncate the output
    #[arg(long, visible_alias = "notruncate")]
    pub no_trunc: bool,

    /// Display only the IDs
    #[arg(short, long)]
    pub quiet: bool,

    /// Change the output format to JSON or a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

const DEFAULT_TABLE: &str = "table {{.ID}}\t{{.Created}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
const HEADERS: format::Headers = &[("CreatedBy", "CREATED BY")];
/// Podman shortens CREATED BY to this many characters (the last three
/// being `...`) unless --no-trunc.
const CREATED_BY_WIDTH: usize = 45;

pub fn run(ctx: &Context, args: HistoryArgs) -> anyhow::Result<()> {
    let search = ctx.config()?.registries.search_registries().to_vec();
    let store = ctx.store()?;
    let found = lookup::find(store, &search, &args.image).map_err(|e| match e {
        StorageError::ImageUnknown(_) => {
            Failure::new(ExitCode::Engine, format!("{}: image not known", args.image)).into()
        }
        e => anyhow::Error::from(e),
    })?;
    let rec = found.image;
    let mut sizes = Vec::with_capacity(rec.layers.len());
    for chain in &rec.layers {
        sizes.push(store.layer(chain).with_context(|| format!("reading layer {chain}"))?.map_or(0, |l| l.size));
    }
    let all = store.images().context("listing images")?;
    let mut tops: HashMap<String, Vec<&ImageRecord>> = HashMap::new();
    for img in &all {
        if let Some(top) = img.layers.last() {
            tops.entry(top.clone()).or_default().push(img);
        }
    }
    let rows = inspect::history_rows(&rec, &sizes, &tops);

    let fmt = args.format.as_deref().unwrap_or("").trim();
    if fmt == "json" || fmt == "{{json .}}" {
        let list: Vec<Value> = rows.iter().map(json_row).collect();
        // Compact, as Podman's encoder writes it.
        return print(&(format::to_json_indent(&Value::Array(list), 0) + "\n"));
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let data: Vec<Value> = rows.iter().map(|r| template_row(r, &args, now)).collect();
    let format = if !fmt.is_empty() {
        args.format.clone().unwrap_or_default()
    } else if args.quiet {
        "{{.ID}}".to_string()
    } else {
        DEFAULT_TABLE.to_string()
    };
    print(&format::render_list(Some(&format), &data, DEFAULT_TABLE, HEADERS)?)
}

/// Podman's `ImageHistoryLayer` in JSON: full IDs, Go's key spellings.
fn json_row(r: &HistoryRow) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(r.id));
    m.insert(
        "created".into(),
        json!(r.created.as_deref().map(inspect::go_time).unwrap_or_else(|| "0001-01-01T00:00:00Z".into())),
    );
    if !r.created_by.is_empty() {
        m.insert("CreatedBy".into(), json!(r.created_by));
    }
    if !r.tags.is_empty() {
        m.insert("tags".into(), json!(r.tags));
    }
    m.insert("size".into(), json!(r.size));
    if !r.comment.is_empty() {
        m.insert("comment".into(), json!(r.comment));
    }
    Value::Object(m)
}

/// What a template sees (Podman's `historyReporter`).
fn template_row(r: &HistoryRow, args: &HistoryArgs, now: i64) -> Value {
    let secs = inspect::history_created_secs(r);
    let created = if args.human { human::ago(secs, now) } else { timefmt::rfc3339_nano(secs, 0) };
    let id = if args.no_trunc || r.id == "<missing>" { r.id.clone() } else { names::short_id(&r.id).to_string() };
    let created_by = if !args.no_trunc && r.created_by.chars().count() > CREATED_BY_WIDTH {
        let kept: String = r.created_by.chars().take(CREATED_BY_WIDTH - 3).collect();
        format!("{kept}...")
    } else {
        r.created_by.clone()
    };
    json!({
        "ID": id,
        "Created": created,
        "CreatedBy": created_by,
        "Size": if args.human { human::size(r.size) } else { r.size.to_string() },
        "Comment": r.comment,
        "CreatedAt": inspect::go_time_string(secs),
        "CreatedSince": created,
        "Tags": r.tags,
    })
}
