//! rpod-fixtures: builds rpod's test images offline as OCI image layouts.
//!
//! ```text
//! rpod-fixtures build --out DIR [--cache DIR] [--skip-big] [--only NAME[,NAME...]]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rpod_testbed::fixtures::{build, BuildOptions, DEFAULT_CACHE_DIR, IMAGE_NAMES};

fn usage() -> String {
    format!(
        "usage: rpod-fixtures build --out DIR [--cache DIR] [--skip-big] [--only NAME[,NAME...]]\n\
         \n\
         Builds the test images ({}) as OCI image layouts in DIR/oci/<name>,\n\
         writes DIR/fixtures.json and DIR/expected/multilayer.tree.\n\
         \n\
         --out DIR      output directory (created)\n\
         --cache DIR    cache for the big image's layers (default {DEFAULT_CACHE_DIR})\n\
         --skip-big     do not build the big image (and leave it out of fixtures.json)\n\
         --only NAMES   build only these images (comma-separated)\n",
        IMAGE_NAMES.join(", ")
    )
}

fn parse(args: &[String]) -> Result<BuildOptions, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("build") => {}
        Some("-h") | Some("--help") | Some("help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command {other:?}")),
        None => return Err("missing command".into()),
    }
    let mut out = None;
    let mut cache = PathBuf::from(DEFAULT_CACHE_DIR);
    let mut skip_big = false;
    let mut only: Option<Vec<String>> = None;
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--cache" => cache = PathBuf::from(value("--cache")?),
            "--only" => only = Some(value("--only")?.split(',').filter(|s| !s.is_empty()).map(String::from).collect()),
            "--skip-big" if inline.is_none() => skip_big = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok(BuildOptions { out, cache, skip_big, only })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse(&args) {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            print!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("rpod-fixtures: {e}\n\n{}", usage());
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match build(&opts) {
        Ok(entries) => {
            eprintln!(
                "rpod-fixtures: done: {} tags in {} ({:.1}s)",
                entries.len(),
                opts.out.display(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rpod-fixtures: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
