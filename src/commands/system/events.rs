//! `rpod events` / `rpod system events`: the events log (see
//! [`crate::events`]), printed as Podman does, then (`--stream`, the
//! default) followed like `tail -f` until interrupted.

use std::io::{Read, Seek, SeekFrom};
use std::time::Duration;

use clap::Args;

use crate::container::record::now_ns;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::events::{self, Event, Filters};
use crate::{format, timefmt};

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Filter output (container=, event=/status=, image=, label=, type=)
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,

    /// Format the output as JSON or with a Go template
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Do not truncate the IDs in the output
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub no_trunc: bool,

    /// Show all events created since TIMESTAMP (a time, Unix seconds, or a duration like 10m: that long ago)
    #[arg(long, value_name = "TIMESTAMP")]
    pub since: Option<String>,

    /// Stream new events as they happen; --stream=false prints the past events and exits
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub stream: bool,

    /// Show all events created until TIMESTAMP (a time, Unix seconds, or a duration like 10m: that long from now)
    #[arg(long, value_name = "TIMESTAMP")]
    pub until: Option<String>,
}

pub fn run(ctx: &Context, args: EventsArgs) -> anyhow::Result<()> {
    let now = now_ns();
    let time = |flag: &str, value: &str, since: bool| {
        timefmt::parse_input_time(value, since, now)
            .map_err(|e| Failure::new(ExitCode::Engine, format!("parsing {flag} {value:?}: {e}")))
    };
    let since = args.since.as_deref().map(|s| time("--since", s, true)).transpose()?;
    let until = args.until.as_deref().map(|s| time("--until", s, false)).transpose()?;
    let filters = Filters::parse(&args.filter).map_err(|e| Failure::new(ExitCode::Engine, e))?;
    let out = Output::new(args.format.as_deref(), !args.no_trunc)?;
    let keep = |e: &Event| since.is_none_or(|s| e.time >= s) && until.is_none_or(|u| e.time <= u) && filters.matches(e);

    let log = ctx.event_log()?;
    let Some(path) = log.path() else {
        return Err(Failure::new(ExitCode::Engine, "cannot read events with the \"none\" backend").into());
    };
    let mut file = std::fs::File::open(path).ok();
    // Streaming without a time range shows the new events only.
    let mut offset = match (&file, args.stream && since.is_none() && until.is_none()) {
        (Some(f), true) => f.metadata().map_or(0, |m| m.len()),
        _ => 0,
    };
    let mut partial = String::new();
    loop {
        if file.is_none() {
            file = std::fs::File::open(path).ok();
        }
        if let Some(f) = file.as_mut() {
            let mut text = std::mem::take(&mut partial);
            f.seek(SeekFrom::Start(offset))?;
            let n = f.read_to_string(&mut text)?;
            offset += n as u64;
            // A line still being written waits for its newline.
            let complete = text.rfind('\n').map_or(0, |i| i + 1);
            partial = text[complete..].to_string();
            for e in events::parse_lines(&text[..complete]).iter().filter(|e| keep(e)) {
                out.print(e)?;
            }
        }
        if !args.stream || until.is_some_and(|u| now_ns() > u) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// How each event is printed.
enum Output {
    Human { truncate: bool },
    Json,
    Template(String),
}

impl Output {
    fn new(format: Option<&str>, truncate: bool) -> anyhow::Result<Output> {
        Ok(match format.map(str::trim) {
            None | Some("") => Output::Human { truncate },
            Some(f) if format::is_json(f) => Output::Json,
            Some(f) => {
                // A template error shows before any event does.
                format::render_one(Some(f), &Event::new(events::CONTAINER, "check").template_row())?;
                Output::Template(f.to_string())
            }
        })
    }

    fn print(&self, e: &Event) -> anyhow::Result<()> {
        match self {
            Output::Human { truncate } => print(&(e.human(*truncate) + "\n")),
            Output::Json => print(&(e.to_line() + "\n")),
            Output::Template(f) => print(&format::render_one(Some(f), &e.template_row())?),
        }
    }
}
