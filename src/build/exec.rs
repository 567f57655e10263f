//! The build: the stages the target needs, in file order, each instruction
//! a step that makes an image (the parent's layers, the configuration so
//! far, the step's layer when it changed files), found in the cache when
//! an earlier build made the same step ([`super::cache`]).
//!
//! - `FROM`: an image by the pull policy, `scratch`, or an earlier stage;
//!   the base's `ONBUILD` triggers run first.
//! - Metadata instructions change the configuration only (history entries
//!   with `empty_layer`).
//! - `RUN`: a container on the parent image ([`super::run`]); `COPY`,
//!   `ADD`, `WORKDIR`: written into the step's root ([`super::rootfs`],
//!   [`super::copy`]).
//!
//! Progress as Podman prints it, on standard output (`STEP 2/5: RUN …`,
//! `--> Using cache …`, `--> 1a2b3c4d5e6`, `COMMIT name`); `-q` prints
//! only the image ID at the end.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::os::fd::{AsFd, OwnedFd};
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};
use serde_json::{json, Map, Value};

use rpod_storage::{ImageRecord, Store};

use super::ast::{self, Command, CommandLine, Containerfile, CopySource, Instruction};
use super::cache::Cache;
use super::copy::{self, CopyTo, Found, Ignore};
use super::image::{add_history, created, scratch_config, store_step};
use super::rootfs::{Edit, View, Workdir};
use super::vars::{BuildArgs, GlobalArgs, StageVars};
use crate::container::lifecycle::PullPolicy;
use crate::context::Context;
use crate::error::{ExitCode, Failure};
use crate::image::commit::LayerSource;

/// What `rpod build` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Names for the image (normalised).
    pub tags: Vec<String>,
    pub build_args: BTreeMap<String, String>,
    /// The stage to build (by name); the last one when `None`.
    pub target: Option<String>,
    pub no_cache: bool,
    pub pull: PullPolicy,
    /// Keep the steps' images (the cache); without, only the result stays.
    pub layers: bool,
    pub quiet: bool,
    /// `--label`s, set by the last step.
    pub labels: Vec<(String, String)>,
    /// A Docker schema 2 image instead of an OCI one.
    pub docker: bool,
    /// `--network` for `RUN`.
    pub network: Option<crate::network::Mode>,
    /// One layer with everything (`--squash-all`).
    pub squash_all: bool,
    /// The final stage's new layers as one, on the base's (`--squash`;
    /// also what `--layers=false` gives).
    pub squash: bool,
    /// `--annotation`s of the image's manifest (OCI only).
    pub annotations: Vec<(String, String)>,
    /// The `RUN` containers' settings (`--cap-add`, `--ulimit`, `-m`,
    /// `--dns`, `-v`, ...).
    pub run: crate::container::lifecycle::CreateOptions,
    /// `--stdin`: `RUN` reads the build's standard input.
    pub stdin: bool,
    /// `--from`: the first stage's base instead of its `FROM`'s.
    pub from: Option<String>,
    /// `--env KEY=VALUE` / `--unsetenv KEY`: the image's environment,
    /// changed last (no history entry, as buildah).
    pub env: Vec<String>,
    pub unsetenv: Vec<String>,
    /// `--omit-history`.
    pub omit_history: bool,
    /// `--skip-unused-stages` (true: only the stages the target needs).
    pub skip_unused_stages: bool,
    /// `--os-feature` (`NAME-` removes one) and `--os-version`.
    pub os_features: Vec<String>,
    pub os_version: Option<String>,
    /// `--cache-ttl`: cached steps older than this are not used.
    pub cache_ttl: Option<std::time::Duration>,
    /// `--build-context NAME=...`: what `FROM NAME` and `COPY --from=NAME`
    /// mean (after the stages of that name).
    pub build_contexts: BTreeMap<String, NamedContext>,

    /// `--secret id=…,src=…`.
    pub secrets: BTreeMap<String, PathBuf>,
    /// `--timestamp` (or `SOURCE_DATE_EPOCH`): the images' times.
    pub timestamp: Option<i64>,
    /// How base images are pulled.
    pub access: crate::registry::session::Access,
    pub tls_verify: Option<bool>,
}

/// An additional build context (`--build-context`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedContext {
    /// A directory: `COPY --from` reads it as it reads the build context.
    Dir(PathBuf),
    /// An image (`container-image://`, `docker-image://`).
    Image(String),
}

/// Where `COPY` and `RUN --mount=type=bind` read from: the opened context
/// ([`super::context::open`]: a directory, or a tar from stdin, a file or
/// a URL unpacked) with its ignore rules, and its directory open.
pub struct BuildContext {
    pub opened: super::context::BuildContext,
    root: OwnedFd,
}

impl BuildContext {
    pub fn new(opened: super::context::BuildContext) -> anyhow::Result<BuildContext> {
        let root = opened.open_root()?;
        Ok(BuildContext { opened, root })
    }

    fn dir(&self) -> &std::path::Path {
        self.opened.root()
    }
}

/// A stage's result.
#[derive(Clone)]
struct Built {
    image: Option<ImageRecord>,
    config: Value,
    /// How many of the layers are the base image's (`--squash` keeps them).
    base_layers: usize,
    /// The base image's name and manifest digest (the OCI base
    /// annotations), when the stage is `FROM` an image.
    base: Option<(String, String)>,
}

/// The state of the stage being built.
struct Stage {
    image: Option<ImageRecord>,
    config: Value,
    /// `CMD` set in this stage (an `ENTRYPOINT` then keeps it).
    cmd_set: bool,
}

struct Build<'a> {
    ctx: &'a Context,
    store: &'a Store,
    file: &'a Containerfile,
    source: &'a BuildContext,
    opts: &'a Options,
    work: Workdir,
    cache: Cache,
    /// Images made by this build that are not its result (removed at the
    /// end without `--layers`).
    made: Vec<String>,
    /// Stages built so far, by index.
    stages: HashMap<usize, Built>,
    /// External images of `COPY --from`, by name.
    images: HashMap<String, ImageRecord>,
    /// `[i/n] ` when there are several stages.
    prefix: String,
}

fn out(quiet: bool, text: &str) {
    if !quiet {
        let mut o = std::io::stdout().lock();
        let _ = writeln!(o, "{text}");
        let _ = o.flush();
    }
}

fn short(id: &str) -> &str {
    &id[..id.len().min(11)]
}

/// The instruction's text after its keyword (and flags, as written).
fn after_keyword(i: &Instruction) -> String {
    i.original.trim().split_once(char::is_whitespace).map_or("", |x| x.1).trim().to_string()
}

/// The text of an instruction after its keyword, as Podman shows it.
fn shown(i: &Instruction) -> String {
    i.original.trim().to_string()
}

fn parse_failure(e: super::parse::ParseError) -> anyhow::Error {
    Failure::new(ExitCode::Engine, e.to_string()).into()
}

/// Which stage a `FROM`/`--from` name means: an earlier stage's name or
/// index, else `None` (an image).
fn stage_ref(file: &Containerfile, name: &str, before: usize) -> Option<usize> {
    let lower = name.to_ascii_lowercase();
    if let Some(s) = file.stages[..before].iter().find(|s| s.name() == Some(lower.as_str())) {
        return Some(s.index);
    }
    match name.parse::<usize>() {
        Ok(i) if i < before => Some(i),
        _ => None,
    }
}

/// The stages `target` needs (itself included), by index.
fn needed(file: &Containerfile, global: &GlobalArgs, target: usize) -> anyhow::Result<Vec<usize>> {
    let mut need = vec![false; file.stages.len()];
    let mut todo = vec![target];
    while let Some(i) = todo.pop() {
        if need[i] {
            continue;
        }
        need[i] = true;
        let s = &file.stages[i];
        let (base, _) = global.expand_from(&s.from).map_err(parse_failure)?;
        if let Some(j) = stage_ref(file, &base, i) {
            todo.push(j);
        }
        for instr in &s.instructions {
            let froms: Vec<&str> = match &instr.command {
                Command::Copy(c) | Command::Add(c) => c.from.iter().map(String::as_str).collect(),
                Command::Run(r) => r.mounts.iter().filter_map(|m| m.from.as_deref()).collect(),
                _ => Vec::new(),
            };
            for f in froms {
                if let Some(j) = stage_ref(file, f, i) {
                    todo.push(j);
                }
            }
        }
    }
    Ok((0..file.stages.len()).filter(|i| need[*i]).collect())
}

/// Build the image; returns it (named `opts.tags`).
pub fn build(
    ctx: &Context,
    file: &Containerfile,
    source: &BuildContext,
    opts: &Options,
) -> anyhow::Result<ImageRecord> {
    let store = ctx.store()?;
    super::run::remove_leftovers(ctx)?;
    let build_args = BuildArgs::new(opts.build_args.clone());
    let global = GlobalArgs::new(file, &build_args).map_err(parse_failure)?;
    let target = match &opts.target {
        None => file.stages.len() - 1,
        Some(t) => {
            let lower = t.to_ascii_lowercase();
            file.stages.iter().position(|s| s.name() == Some(lower.as_str())).ok_or_else(|| {
                Failure::new(ExitCode::Engine, format!("the target {t:?} was not found in the provided Containerfile"))
            })?
        }
    };
    let stages = if opts.skip_unused_stages { needed(file, &global, target)? } else { (0..=target).collect() };
    let cache = if opts.no_cache { Cache::default() } else { Cache::new(&store.images()?) };
    let mut b = Build {
        ctx,
        store,
        file,
        source,
        opts,
        work: Workdir::new(ctx)?,
        cache,
        made: Vec::new(),
        stages: HashMap::new(),
        images: HashMap::new(),
        prefix: String::new(),
    };
    let result = (|| {
        for (n, &i) in stages.iter().enumerate() {
            if stages.len() > 1 {
                b.prefix = format!("[{}/{}] ", n + 1, stages.len());
            }
            let built = b.stage(i, &global, &build_args, i == target)?;
            b.stages.insert(i, built);
        }
        let last = b.stages.remove(&target).ok_or_else(|| anyhow!("the target stage was not built"))?;
        b.finish(last)
    })();
    let unused = build_args.unused();
    if !unused.is_empty() && result.is_ok() {
        log::warn!("one or more build-args {unused:?} were not consumed");
    }
    if !opts.layers || result.is_err() {
        // Without --layers the steps' images go (the result stays); a
        // failed build keeps those that worked, as the cache.
        if !opts.layers {
            let keep = result.as_ref().ok().map(|r| r.id.clone());
            for id in b.made.iter().rev() {
                if Some(id) != keep.as_ref() {
                    let opts = crate::image::remove::RemoveOptions::default();
                    match crate::image::remove::remove(ctx, std::slice::from_ref(id), opts) {
                        Ok(r) => r.errors.iter().for_each(|(_, e)| log::debug!("removing the build's image {id}: {e}")),
                        Err(e) => log::debug!("removing the build's image {id}: {e:#}"),
                    }
                }
            }
        }
    }
    result
}

impl Build<'_> {
    fn out(&self, text: &str) {
        out(self.opts.quiet, text);
    }

    /// The image named `name` by the pull policy.
    fn image(&self, name: &str) -> anyhow::Result<ImageRecord> {
        let search = self.ctx.config()?.registries.search_registries().to_vec();
        let local = match crate::image::lookup::find(self.store, &search, name) {
            Ok(found) => Some(found.image),
            Err(rpod_storage::StorageError::ImageUnknown(_)) => None,
            Err(e) => return Err(e).with_context(|| format!("looking up image {name}")),
        };
        match (local, self.opts.pull) {
            (Some(image), PullPolicy::Missing | PullPolicy::Never) => Ok(image),
            (None, PullPolicy::Never) => Err(Failure::no_such(format!("{name}: image not known")).into()),
            _ => {
                let puller = crate::image::pull::Puller::with_access(self.ctx, self.opts.quiet, &self.opts.access)?;
                let popts = crate::image::pull::PullOptions {
                    platform: crate::registry::Platform::host(),
                    tls_verify: self.opts.tls_verify,
                    quiet: self.opts.quiet,
                };
                puller.pull(name, &popts)
            }
        }
    }

    fn stage(
        &mut self,
        i: usize,
        global: &GlobalArgs,
        build_args: &BuildArgs,
        is_target: bool,
    ) -> anyhow::Result<Built> {
        let file = self.file;
        let s = &file.stages[i];
        let total = s.instructions.len() + 1;
        let from_text = s.from.original.trim();
        self.out(&format!("{}STEP 1/{total}: {from_text}", self.prefix));
        let (mut base, platform) = global.expand_from(&s.from).map_err(parse_failure)?;
        if let (0, Some(from)) = (i, &self.opts.from) {
            base = from.clone();
        }
        if stage_ref(file, &base, i).is_none() {
            match self.opts.build_contexts.get(&base) {
                Some(NamedContext::Image(image)) => base = image.clone(),
                Some(NamedContext::Dir(d)) => {
                    return Err(Failure::new(
                        ExitCode::Engine,
                        format!("FROM {base}: the build context {} is a directory, not an image", d.display()),
                    )
                    .into())
                }
                None => {}
            }
        }
        if let Some(p) = platform {
            check_platform(&p)?;
        }
        let start = if base.eq_ignore_ascii_case("scratch") {
            Built { image: None, config: scratch_config(), base_layers: 0, base: None }
        } else if let Some(j) = stage_ref(file, &base, i) {
            let mut b = self.stages.get(&j).cloned().ok_or_else(|| anyhow!("stage {j} was not built"))?;
            b.base_layers = b.image.as_ref().map_or(0, |i| i.layers.len());
            b.base = None;
            b
        } else {
            let image = self.image(&base)?;
            let mut config: Value =
                serde_json::from_slice(&image.config).context("parsing the base image's configuration")?;
            if let Some(o) = config.as_object_mut() {
                o.remove("container_config");
                o.remove("container");
            }
            let name = crate::image::lookup::normalize_name(&base).ok().map(|r| r.to_string());
            let base = name.map(|n| (n, image.digest.clone()));
            Built { base_layers: image.layers.len(), image: Some(image), config, base }
        };
        let (base_layers, base_ref) = (start.base_layers, start.base.clone());
        let triggers: Vec<String> = strings(&start.config["config"]["OnBuild"]);
        let mut st = Stage { image: start.image, config: start.config, cmd_set: false };
        if let Some(c) = st.config.get_mut("config").and_then(Value::as_object_mut) {
            c.remove("OnBuild");
        }
        let image_env: Vec<String> = strings(&st.config["config"]["Env"]);
        let mut vars = StageVars::new(file, global, build_args, &image_env);
        // The base's ONBUILD triggers run first, as steps of their own.
        let mut onbuild = Vec::new();
        for t in &triggers {
            let parsed = super::parse::parse(&format!("FROM scratch\n{t}\n"), &file.file).map_err(|e| {
                Failure::new(ExitCode::Engine, format!("the base image's ONBUILD {t:?}: {}", e.message))
            })?;
            onbuild.extend(parsed.stages.into_iter().flat_map(|s| s.instructions));
        }
        for instr in &onbuild {
            self.out(&format!("{}STEP ONBUILD: {}", self.prefix, shown(instr)));
            self.step(&mut st, &mut vars, instr, i, false)?;
        }
        for (n, instr) in s.instructions.iter().enumerate() {
            self.out(&format!("{}STEP {}/{total}: {}", self.prefix, n + 2, shown(instr)));
            let last = is_target && n + 1 == s.instructions.len();
            self.step(&mut st, &mut vars, instr, i, last)?;
        }
        if is_target && s.instructions.is_empty() && !self.opts.labels.is_empty() {
            // Only a FROM: the labels still make an image of their own.
            let by = format!("/bin/sh -c #(nop) LABEL {}", labels_text(&self.opts.labels));
            self.metadata_step(&mut st, &by, |c| set_labels(c, &self.opts.labels))?;
        }
        Ok(Built { image: st.image, config: st.config, base_layers, base: base_ref })
    }

    /// One instruction.
    fn step(
        &mut self,
        st: &mut Stage,
        vars: &mut StageVars<'_>,
        instr: &Instruction,
        stage: usize,
        last: bool,
    ) -> anyhow::Result<()> {
        let cmd = vars.expand(instr).map_err(parse_failure)?;
        let nop = |text: &str| format!("/bin/sh -c #(nop) {text}");
        let shell: Vec<String> = Some(strings(&st.config["config"]["Shell"]))
            .filter(|v: &Vec<String>| !v.is_empty())
            .unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()]);
        let original_args = after_keyword(instr);
        // The --labels go with the last step (and into its cache key).
        let mut suffix = if last && !self.opts.labels.is_empty() {
            self.opts.labels.iter().map(|(k, v)| format!("|label={k}={v}")).collect::<String>()
        } else {
            String::new()
        };
        // Fixed times make other layers than the same step without: a
        // different cache entry (buildah's note).
        if let Some(t) = self.opts.timestamp {
            suffix.push_str(&format!("|force-mtime={t}"));
        }
        let labels = if last { self.opts.labels.clone() } else { Vec::new() };
        let with_labels = move |c: &mut Map<String, Value>| set_labels(c, &labels);
        match cmd {
            Command::Arg(decls) => {
                // In scope from here on (part of RUN's history text); an
                // empty-layer history entry naming the args, as buildah
                // writes it (`ARG A` for `ARG A=1`).
                let names: Vec<&str> = decls.iter().map(|d| d.name.as_str()).collect();
                let by = nop(&format!("ARG {}", names.join(" "))) + &suffix;
                self.metadata_step(st, &by, with_labels)
            }
            Command::Env(pairs) => {
                let text = format!(
                    "ENV {}",
                    pairs.iter().map(|kv| format!("{}={}", kv.key, kv.value)).collect::<Vec<_>>().join(" ")
                );
                self.metadata_step(st, &(nop(&text) + &suffix), |c| {
                    let mut env: Vec<String> = c.get("Env").map(strings).unwrap_or_default();
                    for kv in &pairs {
                        let prefix = format!("{}=", kv.key);
                        env.retain(|e| !e.starts_with(&prefix) && e != &kv.key);
                        env.push(format!("{}={}", kv.key, kv.value));
                    }
                    c.insert("Env".into(), json!(env));
                    with_labels(c);
                })
            }
            Command::Label(pairs) => {
                let text = format!(
                    "LABEL {}",
                    pairs.iter().map(|kv| format!("{}={}", kv.key, kv.value)).collect::<Vec<_>>().join(" ")
                );
                self.metadata_step(st, &(nop(&text) + &suffix), |c| {
                    let kv: Vec<(String, String)> = pairs.iter().map(|p| (p.key.clone(), p.value.clone())).collect();
                    set_labels(c, &kv);
                    with_labels(c);
                })
            }
            Command::Maintainer(m) => {
                let text = format!("MAINTAINER {m}");
                let by = nop(&text) + &suffix;
                if let Some(o) = st.config.as_object_mut() {
                    o.insert("author".into(), json!(m));
                }
                self.metadata_step(st, &by, with_labels)
            }
            Command::Workdir(w) => {
                let prev = st.config["config"]["WorkingDir"].as_str().unwrap_or("/").to_string();
                let dir = join_path(&prev, &w);
                let by = nop(&format!("WORKDIR {dir}")) + &suffix;
                self.workdir_step(st, &by, &dir, with_labels)
            }
            Command::User(u) => {
                let by = nop(&format!("USER {u}")) + &suffix;
                self.metadata_step(st, &by, |c| {
                    c.insert("User".into(), json!(u));
                    with_labels(c);
                })
            }
            Command::Cmd(line) => {
                let argv = command_line(&line, &shell);
                let by = nop(&format!("CMD {original_args}")) + &suffix;
                st.cmd_set = true;
                self.metadata_step(st, &by, |c| {
                    c.insert("Cmd".into(), json!(argv));
                    with_labels(c);
                })
            }
            Command::Entrypoint(line) => {
                let argv = command_line(&line, &shell);
                let by = nop(&format!("ENTRYPOINT {original_args}")) + &suffix;
                let reset_cmd = !st.cmd_set;
                self.metadata_step(st, &by, |c| {
                    c.insert("Entrypoint".into(), json!(argv));
                    if reset_cmd {
                        c.remove("Cmd");
                    }
                    with_labels(c);
                })
            }
            Command::Expose(ports) => {
                let ports: Vec<String> = ports
                    .iter()
                    .map(|p| if p.contains('/') { p.to_ascii_lowercase() } else { format!("{p}/tcp") })
                    .collect();
                for p in &ports {
                    let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
                    let ok_num = num.split_once('-').map_or(num.parse::<u16>().is_ok(), |(a, b)| {
                        a.parse::<u16>().is_ok() && b.parse::<u16>().is_ok()
                    });
                    if !ok_num || !matches!(proto, "tcp" | "udp" | "sctp") {
                        return Err(Failure::new(
                            ExitCode::Engine,
                            format!("{}: invalid port {p:?} for EXPOSE", instr.location),
                        )
                        .into());
                    }
                }
                let by = nop(&format!("EXPOSE {}", ports.join(" "))) + &suffix;
                self.metadata_step(st, &by, |c| {
                    let m = c.entry("ExposedPorts").or_insert_with(|| json!({}));
                    if let Some(m) = m.as_object_mut() {
                        for p in &ports {
                            m.insert(p.clone(), json!({}));
                        }
                    }
                    with_labels(c);
                })
            }
            Command::Volume(paths) => {
                let by = nop(&format!("VOLUME {}", json!(paths))) + &suffix;
                self.metadata_step(st, &by, |c| {
                    let m = c.entry("Volumes").or_insert_with(|| json!({}));
                    if let Some(m) = m.as_object_mut() {
                        for p in &paths {
                            m.insert(p.clone(), json!({}));
                        }
                    }
                    with_labels(c);
                })
            }
            Command::StopSignal(s) => {
                crate::container::lifecycle::parse_signal(&s)
                    .map_err(|e| Failure::new(ExitCode::Engine, format!("{}: STOPSIGNAL: {e}", instr.location)))?;
                let by = nop(&format!("STOPSIGNAL {s}")) + &suffix;
                self.metadata_step(st, &by, |c| {
                    c.insert("StopSignal".into(), json!(s));
                    with_labels(c);
                })
            }
            Command::Healthcheck(h) => {
                let by = nop(&format!("HEALTHCHECK {original_args}")) + &suffix;
                let value = match &h {
                    ast::Healthcheck::None => json!({"Test": ["NONE"]}),
                    ast::Healthcheck::Check(hc) => {
                        let mut m = Map::new();
                        m.insert("Test".into(), json!(hc.test()));
                        let ns = |d: &std::time::Duration| json!(d.as_nanos() as u64);
                        if let Some(d) = &hc.interval {
                            m.insert("Interval".into(), ns(d));
                        }
                        if let Some(d) = &hc.timeout {
                            m.insert("Timeout".into(), ns(d));
                        }
                        if let Some(d) = &hc.start_period {
                            m.insert("StartPeriod".into(), ns(d));
                        }
                        if let Some(d) = &hc.start_interval {
                            m.insert("StartInterval".into(), ns(d));
                        }
                        if let Some(r) = hc.retries {
                            m.insert("Retries".into(), json!(r));
                        }
                        Value::Object(m)
                    }
                };
                self.metadata_step(st, &by, |c| {
                    c.insert("Healthcheck".into(), value);
                    with_labels(c);
                })
            }
            Command::Shell(sh) => {
                let by = nop(&format!("SHELL {original_args}")) + &suffix;
                self.metadata_step(st, &by, |c| {
                    c.insert("Shell".into(), json!(sh));
                    with_labels(c);
                })
            }
            Command::Onbuild(o) => {
                let text = o.text().to_string();
                let by = nop(&format!("ONBUILD {text}")) + &suffix;
                self.metadata_step(st, &by, |c| {
                    let list = c.entry("OnBuild").or_insert_with(|| json!([]));
                    if let Some(l) = list.as_array_mut() {
                        l.push(json!(text));
                    }
                    with_labels(c);
                })
            }
            Command::Run(run) => self.run_step(st, vars, instr, &run, &shell, &suffix, with_labels),
            Command::Copy(c) => self.copy_step(st, instr, &c, false, stage, &suffix, with_labels),
            Command::Add(c) => self.copy_step(st, instr, &c, true, stage, &suffix, with_labels),
        }
    }

    /// A step whose image is found in the cache: taken as it is.
    fn cached(&mut self, st: &mut Stage, created_by: &str) -> anyhow::Result<bool> {
        if self.opts.no_cache || !self.opts.layers {
            return Ok(false);
        }
        let Some(id) = self.cache.find(&st.config, created_by).map(str::to_string) else { return Ok(false) };
        let Some(img) = self.store.image(&id)? else { return Ok(false) };
        if let Some(ttl) = self.opts.cache_ttl {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            if ttl.is_zero() || img.created < now.as_secs() as i64 - ttl.as_secs() as i64 {
                return Ok(false);
            }
        }
        let config: Value = serde_json::from_slice(&img.config).context("parsing a cached image's configuration")?;
        self.out(&format!("--> Using cache {id}"));
        self.out(&format!("--> {}", short(&id)));
        st.config = config;
        st.image = Some(img);
        Ok(true)
    }

    /// Store the step's image (after `st.config` got its history entry).
    fn commit(
        &mut self,
        st: &mut Stage,
        parent_config: &Value,
        created_by: &str,
        layer: Option<LayerSource<'_>>,
    ) -> anyhow::Result<()> {
        let img =
            store_step(self.store, st.image.as_ref(), &mut st.config, layer, self.opts.docker, self.opts.timestamp)?;
        self.cache.insert(parent_config, created_by, &img.id);
        self.made.push(img.id.clone());
        self.out(&format!("--> {}", short(&img.id)));
        st.image = Some(img);
        Ok(())
    }

    fn metadata_step(
        &mut self,
        st: &mut Stage,
        created_by: &str,
        change: impl FnOnce(&mut Map<String, Value>),
    ) -> anyhow::Result<()> {
        if self.cached(st, created_by)? {
            return Ok(());
        }
        let parent = st.config.clone();
        {
            let inner = st.config.as_object_mut().ok_or_else(|| anyhow!("the image configuration is not an object"))?;
            let c = inner.entry("config").or_insert_with(|| json!({}));
            if !c.is_object() {
                *c = json!({});
            }
            if let Some(c) = c.as_object_mut() {
                change(c);
            }
        }
        add_history(&mut st.config, created_by, true, &created(self.opts.timestamp));
        self.commit(st, &parent, created_by, None)
    }

    fn lowers(&self, st: &Stage) -> Vec<PathBuf> {
        st.image.as_ref().map(|i| i.layers.iter().map(|l| self.store.layer_diff_path(l)).collect()).unwrap_or_default()
    }

    /// `WORKDIR`: the configuration, and the directory made when missing.
    fn workdir_step(
        &mut self,
        st: &mut Stage,
        created_by: &str,
        dir: &str,
        change: impl FnOnce(&mut Map<String, Value>),
    ) -> anyhow::Result<()> {
        if self.cached(st, created_by)? {
            return Ok(());
        }
        let parent = st.config.clone();
        if let Some(c) = st.config.get_mut("config").and_then(Value::as_object_mut) {
            c.insert("WorkingDir".into(), json!(dir));
            change(c);
        } else if let Some(o) = st.config.as_object_mut() {
            let mut c = Map::new();
            c.insert("WorkingDir".into(), json!(dir));
            change(&mut c);
            o.insert("config".into(), Value::Object(c));
        }
        let mut edit = Edit::new(self.ctx, &self.work, &self.lowers(st))?;
        let user = st.config["config"]["User"].as_str().unwrap_or("").to_string();
        make_dir(&edit, dir, &user)?;
        let upper = edit.finish()?;
        add_history(&mut st.config, created_by, upper.is_none(), &created(self.opts.timestamp));
        self.commit(st, &parent, created_by, upper.as_deref().map(LayerSource::Diff))
    }

    #[allow(clippy::too_many_arguments)]
    fn run_step(
        &mut self,
        st: &mut Stage,
        vars: &StageVars<'_>,
        instr: &Instruction,
        run: &ast::Run,
        shell: &[String],
        suffix: &str,
        change: impl FnOnce(&mut Map<String, Value>),
    ) -> anyhow::Result<()> {
        if run.security.as_deref() == Some("insecure") {
            return Err(Failure::new(
                ExitCode::Engine,
                format!("{}: RUN --security=insecure is not supported: rpod runs every step sandboxed", instr.location),
            )
            .into());
        }
        let args = vars.history_args();
        let mut by = String::new();
        if !args.is_empty() {
            by.push_str(&format!(
                "|{} {} ",
                args.len(),
                args.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")
            ));
        }
        let text = after_keyword(instr);
        by.push_str(&format!("/bin/sh -c {text}"));
        for h in &run.heredocs {
            by.push('\n');
            by.push_str(h.content.trim());
        }
        by.push_str(suffix);
        if self.cached(st, &by)? {
            return Ok(());
        }
        let image = st.image.clone().ok_or_else(|| {
            Failure::new(
                ExitCode::Engine,
                format!("{}: RUN needs a file system: the stage has no layers (FROM scratch)", instr.location),
            )
        })?;
        let argv = run_argv(run, shell);
        let mut mounts = Vec::new();
        for m in &run.mounts {
            mounts.push(self.run_mount(m, instr)?);
        }
        let network = match run.network {
            Some(ast::RunNetwork::None) => Some(crate::network::Mode::None),
            Some(ast::RunNetwork::Host) => Some(crate::network::Mode::Host),
            Some(ast::RunNetwork::Default) | None => self.opts.network.clone(),
        };
        let step = super::run::RunStep {
            image: &image.id,
            argv,
            env: vars.run_env(),
            network,
            mounts,
            output: !self.opts.quiet,
            base: &self.opts.run,
            stdin: self.opts.stdin,
        };
        let shown = format!("RUN {text}");
        let container = super::run::run(self.ctx, &step, &shown)?;
        let upper = container.upper()?;
        let parent = st.config.clone();
        if let Some(c) = st.config.get_mut("config").and_then(Value::as_object_mut) {
            change(c);
        }
        add_history(&mut st.config, &by, false, &created(self.opts.timestamp));
        self.commit(st, &parent, &by, Some(LayerSource::Diff(&upper)))?;
        drop(container);
        Ok(())
    }

    /// A `RUN --mount` as a container mount.
    fn run_mount(&self, m: &ast::RunMount, instr: &Instruction) -> anyhow::Result<crate::volume::mounts::MountSpec> {
        use crate::volume::mounts::{Kind, MountSpec};
        let fail = |why: String| -> anyhow::Error {
            Failure::new(ExitCode::Engine, format!("{}: {why}", instr.location)).into()
        };
        let target = |default: Option<String>| -> anyhow::Result<String> {
            let t = m.target.clone().or(default).ok_or_else(|| fail("RUN --mount needs a target".into()))?;
            Ok(if t.starts_with('/') { t } else { format!("/{t}") })
        };
        match m.kind {
            ast::MountKind::Secret => {
                let id =
                    m.id.clone().or_else(|| m.target.as_ref().and_then(|t| t.rsplit('/').next().map(str::to_string)));
                let id = id.ok_or_else(|| fail("RUN --mount=type=secret needs an id".into()))?;
                let src = self
                    .opts
                    .secrets
                    .get(&id)
                    .ok_or_else(|| fail(format!("secret {id:?} was not given: pass --secret id={id},src=FILE")))?;
                Ok(MountSpec {
                    kind: Kind::Bind,
                    source: src.display().to_string(),
                    destination: target(Some(format!("/run/secrets/{id}")))?,
                    options: vec!["ro".into()],
                    ..MountSpec::default()
                })
            }
            ast::MountKind::Cache => {
                if m.from.is_some() {
                    return Err(fail("RUN --mount=type=cache,from= is not supported".into()));
                }
                let t = target(None)?;
                let id = m.id.clone().unwrap_or_else(|| t.clone());
                let key: String =
                    sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(id.as_bytes()))
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect();
                let dir = self.ctx.paths()?.graph_root.join("build-cache-mounts").join(&key[..32]);
                std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
                let mut options = Vec::new();
                if m.readonly == Some(true) {
                    options.push("ro".into());
                }
                Ok(MountSpec {
                    kind: Kind::Bind,
                    source: dir.display().to_string(),
                    destination: t,
                    options,
                    ..MountSpec::default()
                })
            }
            ast::MountKind::Bind => {
                if m.from.is_some() {
                    return Err(fail(
                        "RUN --mount=type=bind,from= is not supported: COPY --from the stage instead".into(),
                    ));
                }
                let src = m.source.clone().unwrap_or_else(|| ".".into());
                let comps = copy::clean(&src, "build context").map_err(|e| fail(e.to_string()))?;
                let path = self.source.dir().join(comps.join("/"));
                let real = path.canonicalize().with_context(|| format!("RUN --mount source {src:?}"))?;
                let base = self.source.dir().canonicalize().context("the build context")?;
                if !real.starts_with(&base) {
                    return Err(fail(format!("RUN --mount source {src:?} leaves the build context")));
                }
                let mut options = Vec::new();
                if m.readonly != Some(false) {
                    options.push("ro".into());
                } else {
                    // Writes must not reach the context: Podman mounts an overlay.
                    return Err(fail("RUN --mount=type=bind,rw is not supported (the context stays read-only)".into()));
                }
                Ok(MountSpec {
                    kind: Kind::Bind,
                    source: real.display().to_string(),
                    destination: target(None)?,
                    options,
                    ..MountSpec::default()
                })
            }
            ast::MountKind::Tmpfs => {
                let mut options = Vec::new();
                if let Some(s) = &m.size {
                    options.push(format!("size={s}"));
                }
                Ok(MountSpec { kind: Kind::Tmpfs, destination: target(None)?, options, ..MountSpec::default() })
            }
            ast::MountKind::Ssh => Err(fail("RUN --mount=type=ssh is not supported".into())),
        }
    }

    /// The root `COPY --from=NAME` reads: an earlier stage or an image.
    fn source_view(&mut self, name: &str, stage: usize) -> anyhow::Result<Option<View>> {
        let layers = if let Some(j) = stage_ref(self.file, name, stage) {
            let built = self.stages.get(&j).ok_or_else(|| anyhow!("stage {name} was not built"))?;
            built.image.as_ref().map(|i| i.layers.clone()).unwrap_or_default()
        } else {
            if !self.images.contains_key(name) {
                let img = self.image(name)?;
                self.images.insert(name.to_string(), img);
            }
            self.images[name].layers.clone()
        };
        if layers.is_empty() {
            return Ok(None);
        }
        let lowers: Vec<PathBuf> = layers.iter().map(|l| self.store.layer_diff_path(l)).collect();
        Ok(Some(View::new(self.ctx, &self.work, &lowers)?))
    }

    #[allow(clippy::too_many_arguments)]
    fn copy_step(
        &mut self,
        st: &mut Stage,
        instr: &Instruction,
        c: &ast::Copy,
        add: bool,
        stage: usize,
        suffix: &str,
        change: impl FnOnce(&mut Map<String, Value>),
    ) -> anyhow::Result<()> {
        let keyword = if add { "ADD" } else { "COPY" };
        let fail = |why: String| -> anyhow::Error {
            Failure::new(ExitCode::Engine, format!("building at STEP \"{}\": {why}", shown(instr))).into()
        };
        if c.parents || !c.exclude.is_empty() {
            return Err(fail(format!("{keyword} --parents and --exclude are not supported")));
        }
        let mode = c.chmod.as_deref().map(copy::parse_chmod).transpose().map_err(|e| fail(e.to_string()))?;
        // Where the sources are.
        // --from: a stage, an additional build context (a directory or an
        // image), else an image.
        let named = match &c.from {
            Some(n) if stage_ref(self.file, n, stage).is_none() => self.opts.build_contexts.get(n).cloned(),
            _ => None,
        };
        let (from_image, extra_dir) = match (&c.from, named) {
            (_, Some(NamedContext::Dir(d))) => (None, Some(copy::in_root_dir(&d)?)),
            (_, Some(NamedContext::Image(i))) => (Some(i), None),
            (Some(n), None) => (Some(n.clone()), None),
            (None, None) => (None, None),
        };
        let view = match &from_image {
            Some(name) => Some(self.source_view(name, stage)?),
            None => None,
        };
        let empty_dir;
        let (src_root, what, ignore): (std::os::fd::BorrowedFd<'_>, &str, &dyn Ignore) = match (&view, &extra_dir) {
            (_, Some(d)) => (d.as_fd(), "build context", &copy::KeepAll),
            (None, None) => (self.source.root.as_fd(), "build context", &self.source.opened.ignore),
            (Some(Some(v)), None) => {
                empty_dir = v.root()?;
                (empty_dir.as_fd(), "image", &copy::KeepAll)
            }
            (Some(None), None) => {
                empty_dir = nix::fcntl::open(
                    &self.work.fresh("empty")?,
                    nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
                    nix::sys::stat::Mode::empty(),
                )?;
                (empty_dir.as_fd(), "image", &copy::KeepAll)
            }
        };
        // Heredoc sources: files of their own.
        let docs_dir = self.work.fresh("heredocs")?;
        let mut found: Vec<Found> = Vec::new();
        let mut docs: Vec<Found> = Vec::new();
        // ADD's URLs: each downloaded into a directory of its own.
        let mut urls: Vec<(OwnedFd, Found)> = Vec::new();
        let mut url_keys = String::new();
        for s in &c.sources {
            match s {
                CopySource::Path(p) if add && (p.starts_with("http://") || p.starts_with("https://")) => {
                    let (fd, f, key) =
                        self.download(p, c, &dest_of(&st.config, c)).map_err(|e| fail(format!("{e:#}")))?;
                    url_keys.push_str(&key);
                    urls.push((fd, f));
                }
                CopySource::Path(p) => {
                    if c.checksum.is_some() {
                        return Err(fail(format!(
                            "{keyword} --checksum can't be specified for a non-HTTP(S) source {p:?}"
                        )));
                    }
                    found.extend(copy::resolve(src_root, p, ignore, what).map_err(|e| fail(e.to_string()))?);
                }
                CopySource::Heredoc(h) => {
                    let name = h.name.clone();
                    std::fs::write(docs_dir.join(&name), &h.content)
                        .with_context(|| format!("writing heredoc {name}"))?;
                    docs.push(Found { parent: String::new(), name, is_dir: false });
                }
            }
        }
        let docs_root = nix::fcntl::open(
            &docs_dir,
            nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
            nix::sys::stat::Mode::empty(),
        )?;
        let mut digest = copy::digest(src_root, &found, ignore)?;
        if !docs.is_empty() || !url_keys.is_empty() {
            let d =
                if docs.is_empty() { String::new() } else { copy::digest(docs_root.as_fd(), &docs, &copy::KeepAll)? };
            digest = format!("{digest}{d}{url_keys}");
            let mut h = <sha2::Sha256 as sha2::Digest>::new();
            sha2::Digest::update(&mut h, digest.as_bytes());
            digest = sha2::Digest::finalize(h).iter().map(|b| format!("{b:02x}")).collect();
        }
        let all: Vec<Found> = found.iter().chain(&docs).chain(urls.iter().map(|u| &u.1)).cloned().collect();
        let dest = dest_of(&st.config, c);
        if all.len() > 1 && !dest.ends_with('/') {
            return Err(fail(format!(
                "when using {keyword} with more than one source file, the destination must be a directory and end with a /"
            )));
        }
        let mut flags = String::new();
        if let Some(f) = &c.from {
            flags.push_str(&format!("--from={f} "));
        }
        if let Some(o) = &c.chown {
            flags.push_str(&format!("--chown={o} "));
        }
        if let Some(m) = &c.chmod {
            flags.push_str(&format!("--chmod={m} "));
        }
        if c.link {
            flags.push_str("--link ");
        }
        let by = format!("/bin/sh -c #(nop) {keyword} {flags}{} in {dest} {suffix}", copy::summary(&all, &digest));
        if self.cached(st, &by)? {
            return Ok(());
        }
        let edit = Edit::new(self.ctx, &self.work, &self.lowers(st))?;
        let owner = match &c.chown {
            None => (0, 0),
            Some(spec) => chown_ids(edit.root_path(), spec).map_err(|e| fail(e.to_string()))?,
        };
        let dest_root = edit.root()?;
        let to = CopyTo { dest: &dest, owner, mode };
        if add && c.from.is_none() {
            // ADD extracts local archives into the destination directory.
            let mut plain = Vec::new();
            for f in std::mem::take(&mut found) {
                if !copy::add_archive(src_root, &f, dest_root.as_fd(), &dest, owner)
                    .map_err(|e| fail(format!("{e:#}")))?
                {
                    plain.push(f);
                }
            }
            found = plain;
        }
        if !found.is_empty() {
            copy::copy(src_root, &found, ignore, dest_root.as_fd(), &to).map_err(|e| fail(format!("{e:#}")))?;
        }
        if !docs.is_empty() {
            copy::copy(docs_root.as_fd(), &docs, &copy::KeepAll, dest_root.as_fd(), &to)
                .map_err(|e| fail(format!("{e:#}")))?;
        }
        for (root, f) in &urls {
            copy::copy(root.as_fd(), std::slice::from_ref(f), &copy::KeepAll, dest_root.as_fd(), &to)
                .map_err(|e| fail(format!("{e:#}")))?;
        }
        drop(dest_root);
        let mut edit = edit;
        let upper = edit.finish()?;
        drop(view);
        let parent = st.config.clone();
        if let Some(c) = st.config.get_mut("config").and_then(Value::as_object_mut) {
            change(c);
        }
        add_history(&mut st.config, &by, upper.is_none(), &created(self.opts.timestamp));
        self.commit(st, &parent, &by, upper.as_deref().map(LayerSource::Diff))
    }

    /// `--env`, `--unsetenv`, `--omit-history`, `--os-feature`,
    /// `--os-version`: the final image's configuration changed (the same
    /// layers); `None` when none is given.
    fn final_config(&mut self, img: &ImageRecord) -> anyhow::Result<Option<ImageRecord>> {
        let o = self.opts;
        if o.env.is_empty()
            && o.unsetenv.is_empty()
            && !o.omit_history
            && o.os_features.is_empty()
            && o.os_version.is_none()
        {
            return Ok(None);
        }
        let mut config: Value = serde_json::from_slice(&img.config)?;
        let root = config.as_object_mut().ok_or_else(|| anyhow!("the image configuration is not an object"))?;
        if o.omit_history {
            root.remove("history");
        }
        if !o.os_features.is_empty() {
            let mut features: Vec<String> = root.get("os.features").map(strings).unwrap_or_default();
            for f in &o.os_features {
                match f.strip_suffix('-') {
                    Some(gone) => features.retain(|x| x != gone),
                    None if !features.contains(f) => features.push(f.clone()),
                    None => {}
                }
            }
            root.insert("os.features".into(), json!(features));
        }
        if let Some(v) = &o.os_version {
            root.insert("os.version".into(), json!(v));
        }
        if !o.env.is_empty() || !o.unsetenv.is_empty() {
            let c = root.entry("config").or_insert_with(|| json!({}));
            let c = c.as_object_mut().ok_or_else(|| anyhow!("the image configuration's config is not an object"))?;
            let mut env: Vec<String> = c.get("Env").map(strings).unwrap_or_default();
            for kv in &o.env {
                let key = kv.split_once('=').map_or(kv.as_str(), |x| x.0);
                env.retain(|e| e.split_once('=').map_or(e.as_str(), |x| x.0) != key);
                env.push(kv.clone());
            }
            for key in &o.unsetenv {
                env.retain(|e| e.split_once('=').map_or(e.as_str(), |x| x.0) != key);
            }
            c.insert("Env".into(), json!(env));
        }
        store_step(self.store, Some(img), &mut config, None, o.docker, o.timestamp).map(Some)
    }

    /// `img` with its layers after the first `base` squashed into one; the
    /// history entries of those steps become empty ones but the last.
    fn squash_new(&mut self, img: &ImageRecord, base: usize) -> anyhow::Result<ImageRecord> {
        let paths: Vec<PathBuf> = img.layers.iter().map(|l| self.store.layer_diff_path(l)).collect();
        let squashed = super::squash::squash(self.ctx, &self.work, &paths[..base], &paths[base..])?;
        let mut config: Value = serde_json::from_slice(&img.config)?;
        let ids = config
            .pointer_mut("/rootfs/diff_ids")
            .and_then(Value::as_array_mut)
            .ok_or_else(|| anyhow!("the configuration has no rootfs.diff_ids"))?;
        ids.truncate(base);
        // The base's own history entries (those of its layers and its empty
        // ones) stay as they are.
        if let Some(h) = config.get_mut("history").and_then(Value::as_array_mut) {
            let mut layers_seen = 0;
            let mut first_new = h.len();
            for (k, e) in h.iter().enumerate() {
                if e.get("empty_layer").and_then(Value::as_bool) != Some(true) {
                    if layers_seen == base {
                        first_new = k;
                        break;
                    }
                    layers_seen += 1;
                }
            }
            let n = h.len();
            for e in h[first_new..].iter_mut() {
                if let Some(o) = e.as_object_mut() {
                    o.insert("empty_layer".into(), json!(true));
                }
            }
            if squashed.upper.is_some() && n > first_new {
                if let Some(o) = h[n - 1].as_object_mut() {
                    o.remove("empty_layer");
                }
            }
        }
        let mut parent = img.clone();
        parent.layers.truncate(base);
        let mut pconfig: Value = serde_json::from_slice(&img.config)?;
        if let Some(ids) = pconfig.pointer_mut("/rootfs/diff_ids").and_then(Value::as_array_mut) {
            ids.truncate(base);
        }
        parent.config = serde_json::to_vec(&pconfig)?;
        let layer = squashed.upper.as_deref().map(LayerSource::Diff);
        store_step(self.store, (base > 0).then_some(&parent), &mut config, layer, self.opts.docker, self.opts.timestamp)
    }

    /// `ADD <url>`: the file downloaded (Docker's rules: named by the
    /// URL's last path segment or `Content-Disposition`, mode 0600, the
    /// modification time from `Last-Modified`), in a directory of its own,
    /// open; and its cache key part (content digest, name, time).
    fn download(&self, url: &str, c: &ast::Copy, dest: &str) -> anyhow::Result<(OwnedFd, Found, String)> {
        let dir = self.work.fresh("add-url")?;
        let d = super::context::download_for_add(url, &dir, c.checksum.as_deref())?;
        let name = match d.name.clone() {
            Some(n) => n,
            None if !dest.ends_with('/') => "download".to_string(),
            None => anyhow::bail!("cannot determine a file name from the URL {url}: name the destination file"),
        };
        let file = dir.join(&name);
        std::fs::rename(&d.file, &file).with_context(|| format!("renaming {}", d.file.display()))?;
        if let Some(t) = d.mtime {
            let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(t.max(0) as u64);
            std::fs::File::open(&file)
                .and_then(|f| f.set_modified(when))
                .with_context(|| format!("setting the time of {}", file.display()))?;
        }
        let fd = nix::fcntl::open(
            &dir,
            nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
            nix::sys::stat::Mode::empty(),
        )?;
        let key = format!("|url={name}:{}:{}", d.digest, d.mtime.unwrap_or(-1));
        Ok((fd, Found { parent: String::new(), name, is_dir: false }, key))
    }

    /// The build's result: the target stage's image, squashed with
    /// `--squash-all`, named.
    fn finish(&mut self, last: Built) -> anyhow::Result<ImageRecord> {
        let names = self.opts.tags.clone();
        if let Some(first) = names.first() {
            self.out(&format!("COMMIT {first}"));
        } else {
            self.out("COMMIT");
        }
        let mut img = match last.image {
            Some(i) => i,
            None => {
                // FROM scratch with metadata only: an image without layers.
                let mut config = last.config.clone();
                store_step(self.store, None, &mut config, None, self.opts.docker, self.opts.timestamp)?
            }
        };
        if self.opts.squash_all {
            let lowers: Vec<PathBuf> = img.layers.iter().map(|l| self.store.layer_diff_path(l)).collect();
            let mut config: Value = serde_json::from_slice(&img.config)?;
            if let Some(o) = config.as_object_mut() {
                o.insert("rootfs".into(), json!({"type": "layers", "diff_ids": []}));
            }
            // One layer: the history entries become empty ones but the last.
            if let Some(h) = config.get_mut("history").and_then(Value::as_array_mut) {
                let n = h.len();
                for (k, e) in h.iter_mut().enumerate() {
                    if let Some(o) = e.as_object_mut() {
                        if k + 1 < n {
                            o.insert("empty_layer".into(), json!(true));
                        } else {
                            o.remove("empty_layer");
                        }
                    }
                }
            }
            let squashed = if lowers.is_empty() {
                store_step(self.store, None, &mut config, None, self.opts.docker, self.opts.timestamp)?
            } else {
                let view = View::new(self.ctx, &self.work, &lowers)?;
                let at = view.path().to_path_buf();
                store_step(
                    self.store,
                    None,
                    &mut config,
                    Some(LayerSource::Squashed(&at)),
                    self.opts.docker,
                    self.opts.timestamp,
                )?
            };
            self.made.push(img.id.clone());
            img = squashed;
        } else if (self.opts.squash || !self.opts.layers) && img.layers.len() > last.base_layers + 1 {
            let squashed = self.squash_new(&img, last.base_layers)?;
            self.made.push(img.id.clone());
            img = squashed;
        }
        if let Some(changed) = self.final_config(&img)? {
            self.made.push(img.id.clone());
            img = changed;
        }
        let mut annotations: BTreeMap<String, String> = BTreeMap::new();
        if let Some((name, digest)) = &last.base {
            if !self.opts.docker {
                annotations.insert("org.opencontainers.image.base.name".into(), name.clone());
                annotations.insert("org.opencontainers.image.base.digest".into(), digest.clone());
            }
        }
        annotations.extend(self.opts.annotations.iter().cloned());
        if !annotations.is_empty() {
            img = super::image::annotate(self.store, &img, annotations)?;
        }
        for n in &names {
            self.store.tag(&img.id, n).with_context(|| format!("tagging the image {n}"))?;
        }
        self.out(&format!("--> {}", short(&img.id)));
        for n in &names {
            self.out(&format!("Successfully tagged {n}"));
        }
        self.store.image(&img.id)?.ok_or_else(|| anyhow!("image {} vanished", img.id))
    }
}

impl Ignore for super::ignore::Ignore {
    fn ignored(&self, rel: &str, is_dir: bool) -> bool {
        // A directory left out may hold exceptions: then it is walked.
        self.is_excluded(rel) && !(is_dir && self.has_exceptions())
    }
}

/// `--platform` / `FROM --platform`: only the host's.
pub fn check_platform(p: &str) -> anyhow::Result<()> {
    let host = crate::registry::Platform::host();
    let mut parts = p.split('/');
    let os = parts.next().unwrap_or("");
    let arch = parts.next().unwrap_or(&host.architecture);
    let arch = match arch {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        a => a,
    };
    if os != host.os || arch != host.architecture {
        return Err(Failure::new(
            ExitCode::Engine,
            format!(
                "platform {p:?} is not supported: rpod builds for this host's platform only ({}/{})",
                host.os, host.architecture
            ),
        )
        .into());
    }
    Ok(())
}

/// The strings of a JSON array (none when it is not one).
fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn labels_text(labels: &[(String, String)]) -> String {
    labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")
}

fn set_labels(c: &mut Map<String, Value>, labels: &[(String, String)]) {
    if labels.is_empty() {
        return;
    }
    let m = c.entry("Labels").or_insert_with(|| json!({}));
    if !m.is_object() {
        *m = json!({});
    }
    if let Some(m) = m.as_object_mut() {
        for (k, v) in labels {
            m.insert(k.clone(), json!(v));
        }
    }
}

/// A `COPY`/`ADD` destination, absolute (the working directory's when
/// relative), a trailing `/` kept (it means "into the directory").
fn dest_of(config: &Value, c: &ast::Copy) -> String {
    let workdir = config["config"]["WorkingDir"].as_str().unwrap_or("/");
    let mut dest = join_path(workdir, &c.dest);
    if (c.dest.ends_with('/') || c.dest == "." || c.dest.ends_with("/.")) && !dest.ends_with('/') {
        dest.push('/');
    }
    dest
}

/// `path` against the working directory `base` (Docker: relative
/// `WORKDIR`/destinations are relative to the current one).
fn join_path(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    let base = if base.is_empty() { "/" } else { base };
    let joined = format!("{}/{}", base.trim_end_matches('/'), path);
    let mut out: Vec<&str> = Vec::new();
    for c in joined.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    format!("/{}", out.join("/"))
}

/// The argv of a shell or exec form.
fn command_line(line: &CommandLine, shell: &[String]) -> Vec<String> {
    match line {
        CommandLine::Exec(v) => v.clone(),
        CommandLine::Shell(text) => {
            let mut v = shell.to_vec();
            v.push(text.clone());
            v
        }
    }
}

/// `RUN`'s process: heredocs go to the shell as heredocs (a lone `<<EOF`
/// is the script itself).
fn run_argv(run: &ast::Run, shell: &[String]) -> Vec<String> {
    match (&run.command, run.heredocs.as_slice()) {
        (CommandLine::Shell(text), [one])
            if text.trim().trim_start_matches("<<").trim_start_matches('-').trim_matches(['"', '\'']) == one.name =>
        {
            let mut v = shell.to_vec();
            v.push(one.content.clone());
            v
        }
        (CommandLine::Shell(text), docs) if !docs.is_empty() => {
            let mut script = text.clone();
            for d in docs {
                script.push('\n');
                script.push_str(&d.content);
                if !d.content.ends_with('\n') {
                    script.push('\n');
                }
                script.push_str(&d.name);
            }
            let mut v = shell.to_vec();
            v.push(script);
            v
        }
        (line, _) => command_line(line, shell),
    }
}

/// `--chown=user[:group]`: names through the image's passwd and group
/// files; a user alone gives its primary group (a number: the same
/// number).
fn chown_ids(root: &std::path::Path, spec: &str) -> anyhow::Result<(u32, u32)> {
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    if let (Ok(uid), None) = (u.parse::<u32>(), g) {
        return Ok((uid, uid));
    }
    if let (Ok(uid), Some(Ok(gid))) = (u.parse::<u32>(), g.map(str::parse::<u32>)) {
        return Ok((uid, gid));
    }
    let r = rpod_runtime::user::resolve(root, spec).map_err(|e| anyhow!("--chown={spec}: {e}"))?;
    Ok((r.uid, r.gid))
}

/// `WORKDIR`'s directory, made (with its parents) when missing, owned by
/// the stage's user as Docker does.
fn make_dir(edit: &Edit, dir: &str, user: &str) -> anyhow::Result<()> {
    use nix::fcntl::{openat2, OFlag, OpenHow, ResolveFlag};
    let root = edit.root()?;
    let rel = dir.trim_start_matches('/');
    if rel.is_empty() {
        return Ok(());
    }
    let how = OpenHow::new()
        .flags(OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC)
        .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS);
    if openat2(root.as_fd(), rel, how).is_ok() {
        return Ok(());
    }
    let owner = if user.is_empty() { (0, 0) } else { chown_ids(edit.root_path(), user).unwrap_or((0, 0)) };
    // An empty directory as a one-entry tar, extracted inside the root.
    let mut tar = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Directory);
    h.set_mode(0o755);
    h.set_uid(0);
    h.set_gid(0);
    h.set_size(0);
    h.set_mtime(0);
    tar.append_data(&mut h, format!("{rel}/"), std::io::empty())?;
    let bytes = tar.into_inner()?;
    let opts = rpod_storage::extract::CopyOptions {
        what: "WORKDIR",
        ignore_chown_errors: false,
        owner: Some((u64::from(owner.0), u64::from(owner.1))),
    };
    let dirfd = nix::fcntl::open(
        edit.root_path(),
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )?;
    rpod_storage::extract::extract_copy(dirfd, &mut bytes.as_slice(), &opts)
        .with_context(|| format!("creating WORKDIR {dir}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_command_lines() {
        assert_eq!(join_path("/", "app"), "/app");
        assert_eq!(join_path("/a/b", "../c/./d"), "/a/c/d");
        assert_eq!(join_path("/a", "/x"), "/x");
        assert_eq!(join_path("", "."), "/");
        let sh = vec!["/bin/sh".to_string(), "-c".to_string()];
        assert_eq!(command_line(&CommandLine::Shell("echo hi".into()), &sh), ["/bin/sh", "-c", "echo hi"]);
        assert_eq!(command_line(&CommandLine::Exec(vec!["a".into()]), &sh), ["a"]);
        assert!(check_platform("linux/arm64/v8").is_err() || std::env::consts::ARCH == "aarch64");
        let host = crate::registry::Platform::host();
        check_platform(&format!("{}/{}", host.os, host.architecture)).unwrap();
    }
}
