//! `rpod build` / `rpod image build` / `rpod buildx build`: an image from a
//! Containerfile (see [`crate::build`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use clap::Args;

use crate::build::exec::{self, BuildContext, Options};
use crate::commands::container::create::{NameFlags, ResourceFlags, SandboxFlags};
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

    /// Set an environment variable in the built image: KEY=VALUE (KEY alone: the caller's value, when it is set)
    #[arg(long, value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,

    /// Unset an environment variable in the built image
    #[arg(long, value_name = "KEY")]
    pub unsetenv: Vec<String>,

    /// The image to start from instead of the first FROM's
    #[arg(long, value_name = "IMAGE")]
    pub from: Option<String>,

    /// Remove the RUN containers after a successful build (always: rpod keeps no build container)
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub rm: bool,

    /// Remove the RUN containers even when the build fails (always: rpod keeps no build container)
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub force_rm: bool,

    /// Pass the standard input into the RUN containers
    #[arg(long)]
    pub stdin: bool,

    /// Write the build's output (standard output and error) to this file instead
    #[arg(long, value_name = "FILE")]
    pub logfile: Option<PathBuf>,

    /// With --logfile: the file of each platform is FILE_OS_ARCH
    #[arg(long, value_name = "BOOL", default_value_t = false, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub logsplit: bool,

    /// Times to retry pulling a base image from a registry (default 3)
    #[arg(long, value_name = "N")]
    pub retry: Option<u32>,

    /// Delay between the retries of a pull (a duration such as 2s)
    #[arg(long, value_name = "DURATION")]
    pub retry_delay: Option<String>,

    /// Stages to build at once, at most (rpod builds them one at a time, which any N allows)
    #[arg(long, value_name = "N")]
    pub jobs: Option<u32>,

    /// The OS of the image: only the host's
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,

    /// The architecture of the image: only the host's
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,

    /// The architecture variant of the image: only the host's (none on amd64)
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,

    /// A required OS feature listed in the image (FEATURE- removes one the base lists)
    #[arg(long, value_name = "FEATURE")]
    pub os_feature: Vec<String>,

    /// The required OS version listed in the image
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,

    /// Docker's flag, accepted: there is no daemon to send the context to (Podman's no-op)
    #[arg(long)]
    pub compress: bool,

    /// Do not compress the layers (always: the store keeps them uncompressed and push compresses them)
    #[arg(short = 'D', long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub disable_compression: bool,

    /// Leave the build's history out of the image
    #[arg(long)]
    pub omit_history: bool,

    /// Skip the stages the target does not need
    #[arg(long, value_name = "BOOL", default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub skip_unused_stages: bool,

    /// Also write the image's files: type=local,dest=DIR or type=tar,dest=FILE (DIR alone: local; -: a tar on standard output)
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<String>,

    /// Use only cached steps made less than this long ago (e.g. 10h; 0: no cache)
    #[arg(long, value_name = "DURATION")]
    pub cache_ttl: Option<String>,

    /// How RUN runs: oci (a container of rpod's runtime, the default) or rootless (the same, for a rootless build); chroot is not supported
    #[arg(long, value_name = "TYPE", env = "BUILDAH_ISOLATION")]
    pub isolation: Option<String>,

    /// Flags for cpp(1), which preprocesses Containerfiles whose name ends in .in
    #[arg(long, value_name = "FLAGS")]
    pub cpp_flag: Vec<String>,

    /// An additional build context for FROM NAME and COPY --from=NAME: NAME=DIR, or NAME=container-image://IMAGE (also docker-image://)
    #[arg(long, value_name = "NAME=VALUE")]
    pub build_context: Vec<String>,

    #[command(flatten)]
    pub sandbox: SandboxFlags,

    #[command(flatten)]
    pub resources: ResourceFlags,

    #[command(flatten)]
    pub names: NameFlags,

    /// The build context: a directory (default: the directory of -f, else the current one), `-` (a tar or a Containerfile on stdin), a tar file (plain, gzip or zstd), or an http(s) URL of one
    #[arg(value_name = "CONTEXT")]
    pub context: Option<String>,
}

/// buildah's preprocessing of a `*.in` Containerfile: `cpp -E -iquote
/// CONTEXT -traditional -undef -`, then `$BUILDAH_CPPFLAGS` and `--cpp-flag`.
fn cpp(text: &str, dir: &std::path::Path, flags: &[String]) -> anyhow::Result<String> {
    use std::process::{Command, Stdio};
    let mut cmd = Command::new("cpp");
    cmd.args(["-E", "-iquote"]).arg(dir).args(["-traditional", "-undef", "-"]);
    if let Ok(f) = std::env::var("BUILDAH_CPPFLAGS") {
        cmd.args(f.split_whitespace());
    }
    cmd.args(flags).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child =
        cmd.spawn().map_err(|e| usage(format!("preprocessing the Containerfile with cpp: {e} (is cpp installed?)")))?;
    let mut stdin = child.stdin.take().ok_or_else(|| anyhow!("cpp's standard input"))?;
    let input = text.to_string();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
    let out = child.wait_with_output().context("running cpp")?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(usage(format!(
            "preprocessing the Containerfile with cpp: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    String::from_utf8(out.stdout).map_err(|_| usage("cpp's output is not UTF-8 text"))
}

/// Flags rpod takes only with the values it can honour.
fn check_flags(ctx: &Context, args: &BuildArgs) -> anyhow::Result<()> {
    let host = crate::registry::Platform::host();
    let platform = format!(
        "{}/{}{}",
        args.os.as_deref().unwrap_or(&host.os),
        args.arch.as_deref().unwrap_or(&host.architecture),
        args.variant.as_deref().map(|v| format!("/{v}")).unwrap_or_default()
    );
    if args.os.is_some() || args.arch.is_some() || args.variant.is_some() {
        exec::check_platform(&platform)?;
        if args.variant.as_deref().is_some_and(|v| Some(v) != host.variant.as_deref()) {
            return Err(usage(format!(
                "--variant {}: rpod builds for this host's platform only ({}/{})",
                args.variant.as_deref().unwrap_or(""),
                host.os,
                host.architecture
            )));
        }
    }
    if !args.rm || !args.force_rm {
        return Err(usage("--rm=false and --force-rm=false are not supported: rpod removes every RUN container"));
    }
    if !args.disable_compression {
        return Err(usage(
            "--disable-compression=false is not supported: built layers are stored uncompressed (push compresses them)",
        ));
    }
    if args.logsplit && args.logfile.is_none() {
        return Err(usage("--logsplit needs --logfile"));
    }
    match args.isolation.as_deref() {
        None | Some("" | "oci" | "default") => {}
        Some("rootless") if !ctx.rootless() => {
            return Err(usage("--isolation rootless: this build runs as root (use oci)"));
        }
        Some("rootless") => {}
        Some("chroot") => {
            return Err(usage("--isolation chroot is not supported: rpod runs every RUN step in a container (oci)"))
        }
        Some(i) => return Err(usage(format!("unrecognized isolation type {i:?}: use oci or rootless"))),
    }
    Ok(())
}

/// `--logfile` (`--logsplit`: `FILE_OS_ARCH`): standard output and error
/// go to the file from here on.
fn log_to(file: &std::path::Path, split: bool) -> anyhow::Result<()> {
    let file = if split {
        let host = crate::registry::Platform::host();
        PathBuf::from(format!("{}_{}_{}", file.display(), host.os, host.architecture))
    } else {
        file.to_path_buf()
    };
    let f = std::fs::File::create(&file).with_context(|| format!("creating the log file {}", file.display()))?;
    nix::unistd::dup2_stdout(&f).with_context(|| format!("writing to {}", file.display()))?;
    nix::unistd::dup2_stderr(&f).with_context(|| format!("writing to {}", file.display()))?;
    Ok(())
}

/// A Go duration (`2s`, `10h`) or a number of seconds.
fn duration(flag: &str, s: &str) -> anyhow::Result<std::time::Duration> {
    let ns = crate::timefmt::parse_go_duration_ns(s)
        .or_else(|| s.parse::<u64>().ok().map(|secs| secs as i64 * 1_000_000_000))
        .filter(|n| *n >= 0)
        .ok_or_else(|| usage(format!("invalid {flag} {s:?}: expected a duration such as 2s or 10h")))?;
    Ok(std::time::Duration::from_nanos(ns as u64))
}

/// `--build-context NAME=VALUE`: a directory or an image.
fn build_contexts(specs: &[String]) -> anyhow::Result<BTreeMap<String, exec::NamedContext>> {
    let mut out = BTreeMap::new();
    for spec in specs {
        let (name, value) = spec
            .split_once('=')
            .filter(|(n, v)| !n.is_empty() && !v.is_empty())
            .ok_or_else(|| usage(format!("invalid --build-context {spec:?}: use NAME=VALUE")))?;
        let named = if let Some(image) =
            value.strip_prefix("container-image://").or_else(|| value.strip_prefix("docker-image://"))
        {
            exec::NamedContext::Image(image.to_string())
        } else if value.contains("://") {
            return Err(usage(format!(
                "--build-context {name}: {value:?} is not supported (a directory, or container-image://IMAGE)"
            )));
        } else {
            let dir = std::fs::canonicalize(value).with_context(|| format!("--build-context {name}: {value}"))?;
            if !dir.is_dir() {
                return Err(usage(format!("--build-context {name}: {value} is not a directory")));
            }
            exec::NamedContext::Dir(dir)
        };
        out.insert(name.to_ascii_lowercase(), named);
    }
    Ok(out)
}

/// `--env`: KEY=VALUE, or KEY with the caller's value (left out when unset).
fn env_of(specs: &[String]) -> Vec<String> {
    specs
        .iter()
        .filter_map(|e| match e.split_once('=') {
            Some(_) => Some(e.clone()),
            None => std::env::var(e).ok().map(|v| format!("{e}={v}")),
        })
        .collect()
}

/// The RUN containers' settings: run's flags (capabilities, ulimits,
/// namespaces, devices, -v, resources, name resolution).
fn run_settings(args: &BuildArgs) -> anyhow::Result<crate::container::lifecycle::CreateOptions> {
    let mut opts =
        crate::container::lifecycle::CreateOptions { resources: args.resources.to_resources()?, ..Default::default() };
    opts.options.names = args.names.settings()?;
    args.sandbox.apply(&mut opts)?;
    Ok(opts)
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
    if path.to_string_lossy().ends_with(".in") {
        text = cpp(&text, opened.root(), &args.cpp_flag)?;
    }
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
    check_flags(ctx, &args)?;
    if let Some(f) = &args.logfile {
        log_to(f, args.logsplit)?;
    }
    let output = args
        .output
        .as_deref()
        .map(crate::build::output::Output::parse)
        .transpose()
        .map_err(|e| usage(e.to_string()))?;
    let to_stdout = output.as_ref().is_some_and(|o| o.is_stdout());
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
        quiet: args.quiet || to_stdout,
        labels,
        docker,
        network,
        squash_all: args.squash_all,
        squash: args.squash,
        annotations: annotations(&args.annotation, docker)?,
        run: run_settings(&args)?,
        stdin: args.stdin,
        from: args.from.clone(),
        env: env_of(&args.env),
        unsetenv: args.unsetenv.clone(),
        omit_history: args.omit_history,
        skip_unused_stages: args.skip_unused_stages,
        os_features: args.os_feature.clone(),
        os_version: args.os_version.clone(),
        cache_ttl: args.cache_ttl.as_deref().map(|d| duration("--cache-ttl", d)).transpose()?,
        build_contexts: build_contexts(&args.build_context)?,
        secrets: secrets(&args.secret)?,
        timestamp,
        access: crate::registry::session::Access {
            retries: args.retry,
            retry_delay: args.retry_delay.as_deref().map(|d| duration("--retry-delay", d)).transpose()?,
            ..args.registry.access()?
        },
        tls_verify: args.registry.tls_verify,
    };
    let source = BuildContext::new(opened)?;
    let img = exec::build(ctx, &file, &source, &opts)?;
    for n in &opts.tags {
        ctx.event(&crate::events::Event::image("build", &img.id, n));
    }
    if let Some(o) = &output {
        crate::build::output::write(ctx, &img, o)?;
        if to_stdout {
            return Ok(());
        }
    }
    if let Some(f) = &args.iidfile {
        crate::files::write_atomic(f, format!("sha256:{}", img.id).as_bytes())
            .with_context(|| format!("writing {}", f.display()))?;
    }
    print(&format!("{}\n", img.id)).map_err(|e| anyhow!(e))
}
