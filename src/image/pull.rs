//! `pull`: a registry as the source of [`super::copy::store_image`].
//!
//! The reference is resolved through registries.conf (aliases, search
//! registries, mirrors first), each candidate is tried in order until one
//! has the manifest, then its layers are streamed into the store.

use std::io::{IsTerminal as _, Read};

use anyhow::{anyhow, Context as _};

use rpod_storage::ImageRecord;

use super::copy::{store_image, Blobs, Incoming};
use super::progress::Progress;
use crate::context::Context;
use crate::registry::session::{self as access, Access};
use crate::registry::{
    resolve_pull, AuthFiles, Candidate, Client, Credentials, Descriptor, Platform, ResolveOptions, ResolvedBy,
};

/// How to pull.
#[derive(Debug, Clone)]
pub struct PullOptions {
    pub platform: Platform,
    /// `--tls-verify`: `Some(false)` allows plain HTTP and unverified TLS.
    pub tls_verify: Option<bool>,
    pub quiet: bool,
}

/// Blobs of one candidate, downloaded on the pull's runtime.
struct RegistryBlobs<'a> {
    client: &'a Client,
    handle: &'a tokio::runtime::Handle,
    candidate: &'a Candidate,
    creds: Option<&'a Credentials>,
}

impl Blobs for RegistryBlobs<'_> {
    fn open(&self, desc: &Descriptor) -> anyhow::Result<Box<dyn Read + Send>> {
        Ok(Box::new(self.client.blob_reader(self.handle, self.candidate, self.creds, desc)?))
    }
}

/// The registry side of a pull, set up once per command (several images
/// may be pulled with it: `--all-tags`).
pub struct Puller<'a> {
    ctx: &'a Context,
    auth: AuthFiles,
    client: Client,
    runtime: tokio::runtime::Runtime,
    parallel: usize,
    progress: Progress,
    /// `--creds`: instead of the auth files.
    creds: Option<Credentials>,
}

impl<'a> Puller<'a> {
    /// Resolve everything that depends on the caller's identity, enter the
    /// user namespace (rootless), then start the runtime's threads.
    pub fn new(ctx: &'a Context, quiet: bool) -> anyhow::Result<Puller<'a>> {
        Puller::with_access(ctx, quiet, &Access::default())
    }

    /// [`Puller::new`] with `--authfile`, `--cert-dir` and `--creds`.
    pub fn with_access(ctx: &'a Context, quiet: bool, access: &Access) -> anyhow::Result<Puller<'a>> {
        access::check_authfile(access.authfile.as_deref())?;
        let auth = access::auth_files(ctx, access.authfile.as_deref());
        let mut client_options = access::client_options(ctx, access.cert_dir.clone());
        if let Some(n) = access.retries {
            client_options.retries = n;
        }
        if let Some(d) = access.retry_delay {
            client_options.retry_backoff = d;
            client_options.retry_fixed = true;
        }
        let parallel = ctx.config()?.containers.image_parallel_copies();
        ctx.store()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .context("starting the registry client")?;
        Ok(Puller {
            ctx,
            auth,
            client: Client::new(client_options),
            runtime,
            parallel,
            progress: Progress::new(quiet),
            creds: access.creds.clone(),
        })
    }

    /// The credentials for a repository: `--creds`, else the auth files'.
    fn creds_for(&self, repo: &str) -> anyhow::Result<Option<Credentials>> {
        match &self.creds {
            Some(c) => Ok(Some(c.clone())),
            None => Ok(self.auth.lookup(repo)?),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn runtime(&self) -> &tokio::runtime::Runtime {
        &self.runtime
    }

    pub fn auth(&self) -> &AuthFiles {
        &self.auth
    }

    /// Pull one reference; returns the stored image.
    pub fn pull(&self, input: &str, opts: &PullOptions) -> anyhow::Result<ImageRecord> {
        let image = self.pull_image(input, opts)?;
        self.ctx.event(&crate::events::Event::image("pull", &image.id, input));
        Ok(image)
    }

    fn pull_image(&self, input: &str, opts: &PullOptions) -> anyhow::Result<ImageRecord> {
        let config = self.ctx.config()?;
        let resolution = resolve_pull(
            input,
            &config.registries,
            &ResolveOptions {
                tls_verify: opts.tls_verify,
                registries_conf: config.registries.search_registries_origin(),
            },
        )?;
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let mut ask = |names: &[String]| ask_which_image(names);
        let resolution = crate::registry::resolve::apply_short_name_mode(
            resolution,
            config.registries.short_name_mode(),
            if interactive { Some(&mut ask) } else { None },
        )?;
        if let ResolvedBy::Alias { short_name, alias } = &resolution.resolved_by {
            self.progress.line(&format!("Resolved \"{short_name}\" as an alias ({alias})"));
        }
        let store = self.ctx.store()?;
        let mut failures = Vec::new();
        let mut announced = None;
        for candidate in &resolution.candidates {
            let name = candidate.name.to_string();
            if announced.as_ref() != Some(&name) {
                self.progress.line(&format!("Trying to pull {name}..."));
                announced = Some(name.clone());
            }
            let creds = self
                .creds_for(&candidate.location.name())
                .with_context(|| format!("reading credentials for {}", candidate.registry()))?;
            let fetched = self.runtime.block_on(self.client.fetch_image(candidate, creds.as_ref(), &opts.platform));
            let img = match fetched {
                Ok(img) => img,
                Err(e) => {
                    log::debug!("{}: {e}", candidate.location);
                    failures.push((candidate.location.to_string(), e));
                    continue;
                }
            };
            self.progress.line("Getting image source signatures");
            let blobs =
                RegistryBlobs { client: &self.client, handle: self.runtime.handle(), candidate, creds: creds.as_ref() };
            let manifest_digest = img.manifest.digest.to_string();
            let record = store_image(
                store,
                &blobs,
                &Incoming {
                    manifest_bytes: &img.manifest.bytes,
                    manifest_digest: &manifest_digest,
                    manifest: &img.image,
                    config: &img.config,
                    names: vec![name],
                },
                self.parallel,
                &self.progress,
            )
            .with_context(|| format!("pulling {}", candidate.location))?;
            return Ok(record);
        }
        Err(match failures.len() {
            0 => anyhow!("{input}: no registry to pull from"),
            1 => {
                let (location, e) = failures.remove(0);
                anyhow::Error::from(e).context(format!("initializing source docker://{location}"))
            }
            _ => {
                let lines: Vec<String> = failures.iter().map(|(l, e)| format!("\n  * docker://{l}: {e}")).collect();
                anyhow!("pulling {input}: every registry failed:{}", lines.concat())
            }
        })
    }

    /// The tags of a repository (`pull --all-tags`), from the first
    /// candidate that answers.
    pub fn tags(&self, input: &str, tls_verify: Option<bool>) -> anyhow::Result<(String, Vec<String>)> {
        let config = self.ctx.config()?;
        let resolution = resolve_pull(
            input,
            &config.registries,
            &ResolveOptions { tls_verify, registries_conf: config.registries.search_registries_origin() },
        )?;
        let mut last = None;
        for candidate in &resolution.candidates {
            let creds = self.creds_for(&candidate.location.name())?;
            match self.runtime.block_on(self.client.tags(candidate, creds.as_ref())) {
                Ok(tags) => return Ok((candidate.name.name(), tags)),
                Err(e) => last = Some(e),
            }
        }
        Err(last.map(anyhow::Error::from).unwrap_or_else(|| anyhow!("{input}: no registry to list tags from")))
    }
}

/// The terminal prompt of `short-name-mode` (Podman's "Please select an
/// image"): the names numbered, a number read from stdin.
fn ask_which_image(names: &[String]) -> Result<usize, crate::registry::Error> {
    use std::io::{BufRead, Write};
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "? Please select an image:");
    for (i, n) in names.iter().enumerate() {
        let _ = writeln!(out, "  {}) {n}", i + 1);
    }
    let _ = write!(out, "Number [1-{}]: ", names.len());
    let _ = out.flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| crate::registry::Error::Other(format!("reading the choice: {e}")))?;
    match line.trim().parse::<usize>() {
        Ok(n) if (1..=names.len()).contains(&n) => Ok(n - 1),
        _ => Err(crate::registry::Error::Other(format!("{:?} is not one of the images listed", line.trim()))),
    }
}
