//! `rpod push` / `rpod image push`: an image from the store to a registry.
//! Layers are re-created from the store (their exact tars), compressed
//! (gzip, or zstd) into temporary files — a blob's digest must be known
//! before it is uploaded — and uploaded unless the registry has them; then
//! the config and a manifest (OCI, or Docker schema 2 when the image came
//! with one) under the destination's tag.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _};
use clap::{Args, ValueEnum};

use crate::commands::flags::RegistryFlags;
use crate::context::Context;
use crate::image::archive::{
    self, build_manifest, docker_media_type, image_layers, prepare_layers, LayerCompression, LayerHold,
};
use crate::image::progress::Progress;
use crate::image::{lookup, sign};
use crate::registry::manifest::{DOCKER_MANIFEST, OCI_MANIFEST};
use crate::registry::session::{auth_files, check_authfile, client_options};
use crate::registry::{resolve_push, BlobSource, Client, Compression, PushEvent, PushImage, PushLayer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompressionFormat {
    Gzip,
    Zstd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ManifestFormat {
    /// OCI image manifest
    Oci,
    /// Docker schema 2 manifest
    V2s2,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// The image to push (a name or an ID)
    #[arg(value_name = "IMAGE")]
    pub image: String,

    /// Where to push: [docker://]REGISTRY/REPOSITORY[:TAG] (default: IMAGE's name)
    #[arg(value_name = "DESTINATION")]
    pub destination: Option<String>,

    /// Suppress the progress output
    #[arg(short, long)]
    pub quiet: bool,

    /// Compress the layers with this algorithm
    #[arg(long, value_enum, default_value = "gzip", value_name = "FORMAT")]
    pub compression_format: CompressionFormat,

    /// Compression level (gzip 0-9, zstd 1-22)
    #[arg(long, value_name = "LEVEL")]
    pub compression_level: Option<i32>,

    /// Manifest type to push: oci or v2s2 (default: v2s2 for an image pulled with a Docker manifest, else oci)
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<ManifestFormat>,

    #[command(flatten)]
    pub registry: RegistryFlags,

    /// Compress tarball layers when pushing to a directory (accepted: rpod pushes to registries only, whose layers are always compressed, --compression-format)
    #[arg(long)]
    pub compress: bool,

    /// Write the digest of the pushed manifest to FILE
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,

    /// Discard any signatures when copying (rpod copies none: always so)
    #[arg(long)]
    pub remove_signatures: bool,

    /// Sign the image with this GPG key (fingerprint or ID; GNUPGHOME as set): a simple signing signature, written to the lookaside store registries.d configures
    #[arg(long, value_name = "KEY")]
    pub sign_by: Option<String>,

    /// The passphrase of the --sign-by key, read from FILE
    #[arg(long, value_name = "FILE", requires = "sign_by")]
    pub sign_passphrase_file: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: PushArgs) -> anyhow::Result<()> {
    let access = args.registry.access()?;
    check_authfile(access.authfile.as_deref())?;
    // The auth files depend on who we are: resolve them before entering the
    // user namespace.
    let auth = auth_files(ctx, access.authfile.as_deref());
    let creds_flag = access.creds;
    let compression = LayerCompression {
        compression: match args.compression_format {
            CompressionFormat::Gzip => Compression::Gzip,
            CompressionFormat::Zstd => Compression::Zstd,
        },
        level: args.compression_level,
    };
    if args.format == Some(ManifestFormat::V2s2) && compression.compression == Compression::Zstd {
        bail!("zstd-compressed layers need an OCI manifest (--format oci)");
    }
    let destination = match args.destination.as_deref() {
        Some(d) => Some(transport_free(d)?),
        None => None,
    };
    let config = ctx.config()?;
    let search = config.registries.search_registries().to_vec();
    let parallel = config.containers.image_parallel_copies();
    let client = Client::new(client_options(ctx, access.cert_dir));

    let store = ctx.store()?;
    let found = lookup::find(store, &search, transport_free(&args.image)?)?;
    let dest = match (destination, &found.name) {
        (Some(d), _) => d.to_string(),
        (None, Some(n)) => n.clone(),
        (None, None) => bail!("{}: an image given by ID needs a DESTINATION", args.image),
    };
    let candidate = resolve_push(&dest, &config.registries, args.registry.tls_verify)?;
    let creds = match creds_flag {
        Some(c) => Some(c),
        None => auth
            .lookup(&candidate.location.name())
            .with_context(|| format!("reading credentials for {}", candidate.registry()))?,
    };
    let image = &found.image;
    let stored_type = serde_json::from_slice::<serde_json::Value>(&image.manifest)
        .ok()
        .and_then(|m| m["mediaType"].as_str().map(str::to_string));
    let docker = match args.format {
        Some(f) => f == ManifestFormat::V2s2,
        None => stored_type.as_deref() == Some(DOCKER_MANIFEST) && compression.compression == Compression::Gzip,
    };

    let progress = Progress::new(args.quiet);
    let layers = image_layers(image)?;
    let chains: Vec<String> = layers.iter().map(|l| l.0.clone()).collect();
    let _hold = LayerHold::new(store, "push", &chains)?;
    progress.line("Getting image source signatures");
    let blobs = prepare_layers(store, &layers, compression, parallel, &archive::tmp_dir(), &progress)?;
    let ordered: Vec<&archive::LayerBlob> = layers
        .iter()
        .map(|(c, d)| blobs.iter().find(|b| &b.diff_id == d).ok_or_else(|| anyhow!("layer {c} was not prepared")))
        .collect::<anyhow::Result<_>>()?;
    let descs: Vec<&crate::registry::Descriptor> = ordered.iter().map(|b| &b.desc).collect();
    let manifest = build_manifest(&image.config, &descs, docker)?;
    // --sign-by: signed before anything is pushed (a key that cannot sign pushes nothing).
    let signature = match &args.sign_by {
        Some(key) => {
            let digest = crate::registry::Digest::sha256_of(&manifest).to_string();
            let identity = candidate.name.clone().with_default_tag().to_string();
            let signer = sign::Signer { key: key.clone(), passphrase_file: args.sign_passphrase_file.clone() };
            let now =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
            let home = std::env::var_os("HOME").map(PathBuf::from);
            let dir = sign::lookaside_dir(&identity, home.as_deref(), !ctx.rootless())?;
            Some((sign::sign(&signer, &sign::payload(&identity, &digest, now))?, dir, digest))
        }
        None => None,
    };
    let mut push_layers = Vec::new();
    for b in &blobs {
        let file = b.file.as_ref().ok_or_else(|| anyhow!("layer {} was not compressed", b.diff_id))?;
        let mut descriptor = b.desc.clone();
        if docker {
            descriptor.media_type = docker_media_type(&descriptor.media_type).to_string();
        }
        push_layers.push(PushLayer { descriptor, source: BlobSource::File(file.path().to_path_buf()) });
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the registry client")?;
    let on_event = |e: PushEvent| match e {
        PushEvent::BlobExists(d) => progress.line(&format!("Copying blob {} skipped: already exists", d.digest)),
        PushEvent::BlobUploaded(d) => log::debug!("uploaded blob {}", d.digest),
        PushEvent::ConfigUploaded(d) => progress.line(&format!("Copying config {}", d.digest)),
        PushEvent::ManifestWritten(_) => progress.line("Writing manifest to image destination"),
    };
    let digest = runtime
        .block_on(client.push_image(
            &candidate,
            creds.as_ref(),
            PushImage {
                manifest: manifest.into(),
                manifest_media_type: if docker { DOCKER_MANIFEST } else { OCI_MANIFEST }.to_string(),
                config: image.config.clone().into(),
                layers: push_layers,
            },
            &on_event,
        ))
        .with_context(|| format!("pushing {} to docker://{}", args.image, candidate.location))?;
    drop(blobs);
    if let Some((sig, dir, signed)) = &signature {
        if *signed != digest.to_string() {
            bail!("the registry stored manifest {digest}, the signature is of {signed}: not written");
        }
        progress.line("Storing signatures");
        sign::store(dir, candidate.name.path(), signed, sig)?;
    }
    ctx.event(&crate::events::Event::image("push", &image.id, &dest));
    if let Some(f) = &args.digestfile {
        std::fs::write(f, digest.to_string()).with_context(|| format!("writing {}", f.display()))?;
    }
    Ok(())
}

/// The reference of a `docker://` destination; other transports are refused.
fn transport_free(s: &str) -> anyhow::Result<&str> {
    if let Some(r) = s.strip_prefix("docker://") {
        return Ok(r);
    }
    if let Some((t, _)) = s.split_once(':') {
        if matches!(t, "oci" | "oci-archive" | "docker-archive" | "dir" | "docker-daemon" | "containers-storage") {
            bail!("{s}: pushing to the {t} transport is not supported (use `rpod save` for archives and layouts)");
        }
    }
    Ok(s)
}
