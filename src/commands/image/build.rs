//! `rpod build` / `rpod image build` / `rpod buildx build`: an image from a
//! Containerfile (see [`crate::build`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use clap::Args;

use crate::build::exec::{self, BuildContext, Options};
use crate::commands::flags::RegistryFlags;
use crate::container::lifecycle::PullPolicy;
use crate::context::{print, Context};
use crate::error::{ExitCode, Failure};
use crate::image::lookup::normalize_name;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The Containerfile to use (default: Containerfile, else Dockerfile, in the context; several are joined)
    #[arg(short, long, value_name = "PATH")]
    pub file: Vec<PathBuf>,

    /// Name of the built image (repeatable)
    #[arg(short, long, value_name = "NAME")]
    pub tag: Vec<String>,

    /// ARG=VALUE to supply to the builder (ARG alone takes the value from the environment)
    #[arg(long, value_name = "ARG=VALUE")]
    pub build_arg: Vec<String>,

    /// A file of ARG=VALUE lines to supply to the builder
    #[arg(long, value_name = "PATH")]
    pub build_arg_file: Vec<PathBuf>,

    /// The stage to build (the last one by default)
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,

    /// Do not use cached images: run every step
    #[arg(long)]
    pub no_cache: bool,

    /// When to pull base images: always (or true), missing (or false), never, newer
    #[arg(long, value_name = "POLICY", num_args = 0..=1, require_equals = true, default_missing_value = "always", value_parser = parse_pull)]
    pub pull: Option<PullPolicy>,

    /// Keep the images of the steps, as the cache for later builds
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub layers: bool,

    /// Print only the image ID
    #[arg(short, long)]
    pub quiet: bool,

    /// Write the image ID to the file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,

    /// Set a label on the image: KEY=VALUE
    #[arg(long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,

    /// Format of the image manifest and metadata: oci or docker
    #[arg(long, value_name = "FORMAT", env = "BUILDAH_FORMAT", default_value = "oci")]
    pub format: String,

    /// The network of RUN steps: as run --network (none, host, private, pasta, slirp4netns, a bridge network)
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,

    /// The platform to build for: only the host's (OS/ARCH)
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Vec<String>,

    /// Squash all of the image's layers into one
    #[arg(long)]
    pub squash_all: bool,

    /// Squash the image's new layers into one, on top of the base image's layers
    #[arg(long)]
    pub squash: bool,

    /// Add an annotation to the image's manifest: KEY=VALUE (OCI format only; discarded with --format docker, as Podman)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,

    /// A file to expose to RUN --mount=type=secret: id=ID,src=PATH
    #[arg(long, value_name = "id=ID,src=PATH")]
    pub secret: Vec<String>,

    /// An ignore file to use instead of the context's .containerignore or .dockerignore
    #[arg(long, value_name = "PATH")]
    pub ignorefile: Option<PathBuf>,

    /// Set the images' creation times to this many seconds since the epoch (default: $SOURCE_DATE_EPOCH, else now)
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<i64>,

    #[command(flatten)]
    pub registry: RegistryFlags,

    /// The build context: a directory (default: the directory of -f, else the current one), `-` (a tar or a Containerfile on stdin), a tar file (plain, gzip or zstd), or an http(s) URL of one
    #[arg(value_name = "CONTEXT")]
    pub context: Option<String>,
}

fn parse_pull(s: &str) -> Result<PullPolicy, String> {
    match s.to_ascii_lowercase().as_str() {
        "always" | "true" => Ok(PullPolicy::Always),
        "missing" | "false" | "ifmissing" | "ifnotpresent" => Ok(PullPolicy::Missing),
        "never" => Ok(PullPolicy::Never),
        "newer" | "ifnewer" => Ok(PullPolicy::Newer),
        _ => Err(format!("invalid pull policy {s:?}: use always, missing, never or newer")),
    }
}

fn usage(msg: impl Into<String>) -> anyhow::Error {
    Failure::new(ExitCode::Engine, msg).into()
}

/// `--build-arg` and `--build-arg-file`: the file's first, then the flags.
fn build_args(args: &BuildArgs) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut add = |kv: &str| {
        match kv.split_once('=') {
            Some((k, v)) => {
                out.insert(k.to_string(), v.to_string());
            }
            None => {
                if let Ok(v) = std::env::var(kv) {
                    out.insert(kv.to_string(), v);
                }
            }
        };
    };
    for f in &args.build_arg_file {
        let text = std::fs::read_to_string(f).with_context(|| format!("reading --build-arg-file {}", f.display()))?;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            add(line);
        }
    }
    for kv in &args.build_arg {
        add(kv);
    }
    Ok(out)
}

/// `--annotation KEY=VALUE`; a Docker manifest has none (Podman discards
/// them then, with this warning).
fn annotations(specs: &[String], docker: bool) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for a in specs {
        let (k, v) = a.split_once('=').ok_or_else(|| usage(format!("invalid --annotation {a:?}: use KEY=VALUE")))?;
        out.push((k.to_string(), v.to_string()));
    }
    if docker && !out.is_empty() {
        log::warn!("annotations are not supported by the docker image format: --annotation is discarded");
        out.clear();
    }
    Ok(out)
}

fn secrets(specs: &[String]) -> anyhow::Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    for spec in specs {
        let (mut id, mut src) = (None, None);
        for field in spec.split(',') {
            match field.split_once('=') {
                Some(("id", v)) => id = Some(v.to_string()),
                Some(("src" | "source", v)) => src = Some(PathBuf::from(v)),
                Some(("type", "file")) => {}
                _ => return Err(usage(format!("invalid --secret {spec:?}: use id=ID,src=PATH"))),
            }
        }
        let id = id.ok_or_else(|| usage(format!("invalid --secret {spec:?}: id= is missing")))?;
        let src = src.ok_or_else(|| usage(format!("invalid --secret {spec:?}: src= is missing")))?;
        let src = std::fs::canonicalize(&src).with_context(|| format!("--secret {id}: {}", src.display()))?;
        if !src.is_file() {
            return Err(usage(format!("--secret {id}: {} is not a file", src.display())));
        }
        out.insert(id, src);
    }
    Ok(out)
}

/// The build context ([`crate::build::context::open`]) and the text of
/// the Containerfile: several `-f` are joined in order (the first one
/// found as `open` finds it, the others from the current directory or the
/// context's).
fn open_context(args: &BuildArgs) -> anyhow::Result<(crate::build::context::BuildContext, String, PathBuf)> {
    use crate::build::context::{open, OpenOptions};
    let first = args.file.first().map(|f| f.to_string_lossy().into_owned());
    let opts = OpenOptions {
        context: args.context.as_deref(),
        file: first.as_deref(),
        ignorefile: args.ignorefile.as_deref(),
        tmp_dir: None,
    };
    let opened = open(&opts, &mut std::io::stdin().lock()).map_err(|e| usage(e.to_string()))?;
    let mut text = opened.containerfile.text.clone();
    for f in args.file.iter().skip(1) {
        let path = if f.exists() { f.clone() } else { opened.root().join(f) };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&std::fs::read_to_string(&path).with_context(|| format!("reading {}", f.display()))?);
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let path = opened.containerfile.path.clone();
    Ok((opened, text, path))
}

pub fn run(ctx: &Context, args: BuildArgs) -> anyhow::Result<()> {
    let docker = match args.format.as_str() {
        "oci" => false,
        "docker" => true,
        f => return Err(usage(format!("unrecognized image type {f:?}: use oci or docker"))),
    };
    for p in &args.platform {
        for one in p.split(',') {
            exec::check_platform(one)?;
        }
    }
    let tags = args.tag.iter().map(|t| normalize_name(t).map(|r| r.to_string())).collect::<anyhow::Result<Vec<_>>>()?;
    let labels = args
        .label
        .iter()
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    let network = args.network.as_deref().map(crate::network::Mode::parse).transpose()?;
    let timestamp = match args.timestamp {
        Some(t) => Some(t),
        None => match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(v) if !v.is_empty() => Some(
                v.parse::<i64>().map_err(|_| usage(format!("SOURCE_DATE_EPOCH={v:?} is not a number of seconds")))?,
            ),
            _ => None,
        },
    };
    let (opened, text, path) = open_context(&args)?;
    let file = crate::build::parse::parse(&text, &path).map_err(|e| usage(e.to_string()))?;
    let opts = Options {
        tags,
        build_args: build_args(&args)?,
        target: args.target.clone(),
        no_cache: args.no_cache,
        pull: args.pull.unwrap_or(PullPolicy::Missing),
        layers: args.layers,
        quiet: args.quiet,
        labels,
        docker,
        network,
        squash_all: args.squash_all,
        squash: args.squash,
        annotations: annotations(&args.annotation, docker)?,
        secrets: secrets(&args.secret)?,
        timestamp,
        access: args.registry.access()?,
        tls_verify: args.registry.tls_verify,
    };
    let source = BuildContext::new(opened)?;
    let img = exec::build(ctx, &file, &source, &opts)?;
    for n in &opts.tags {
        ctx.event(&crate::events::Event::image("build", &img.id, n));
    }
    if let Some(f) = &args.iidfile {
        crate::files::write_atomic(f, format!("sha256:{}", img.id).as_bytes())
            .with_context(|| format!("writing {}", f.display()))?;
    }
    print(&format!("{}\n", img.id)).map_err(|e| anyhow!(e))
}
