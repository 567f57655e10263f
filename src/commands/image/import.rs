//! `rpod import` / `rpod image import`: a root filesystem tarball (gzip,
//! zstd or plain; a file or `-` for standard input) becomes a one-layer
//! image with a fresh configuration; prints the image ID (`sha256:...`,
//! like Podman).

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Seek, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context as _};
use clap::Args;
use serde_json::{json, Map, Value};
use sha2::Digest as _;

use crate::context::{print, Context};
use crate::image::archive::{self, build_manifest, HashingWriter};
use crate::image::changes;
use crate::image::copy::{store_image, Incoming, SpoolBlob};
use crate::image::lookup::normalize_name;
use crate::image::progress::Progress;
use crate::registry::manifest::OCI_LAYER;
use crate::registry::{decompress, Compression, Descriptor, Digest, ImageManifest, Platform};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The tarball: a file, or - for standard input
    #[arg(value_name = "PATH")]
    pub path: String,

    /// Name to give the image
    #[arg(value_name = "REFERENCE")]
    pub reference: Option<String>,

    /// Apply a Dockerfile instruction to the image: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,

    /// Set the commit message of the imported image
    #[arg(short, long, value_name = "MESSAGE")]
    pub message: Option<String>,

    /// Suppress the progress output: print only the image ID
    #[arg(short, long)]
    pub quiet: bool,

    /// Set the architecture of the image (default: this host's)
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,

    /// Set the operating system of the image (default: this host's)
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,

    /// Set the architecture variant of the image
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
}

pub fn run(ctx: &Context, args: ImportArgs) -> anyhow::Result<()> {
    if args.path.starts_with("http://") || args.path.starts_with("https://") {
        bail!("importing from a URL is not supported: download {} first", args.path);
    }
    let names = match &args.reference {
        Some(r) => vec![normalize_name(r)?.to_string()],
        None => Vec::new(),
    };
    let mut container_config = Map::new();
    for c in &args.change {
        changes::apply(&mut container_config, c)?;
    }
    let (source, plain): (Box<dyn Read + Send>, Option<File>) = if args.path == "-" {
        if io::stdin().is_terminal() {
            bail!("cannot read from terminal, use command-line redirection");
        }
        (Box::new(io::stdin()), None)
    } else {
        let p = Path::new(&args.path);
        if p.is_dir() {
            bail!("{}: is a directory; import takes a tarball", p.display());
        }
        let f = File::open(p).with_context(|| format!("opening {}", p.display()))?;
        // A plain tar file is used in place (read twice: hashed, then
        // extracted); anything else is decompressed into a temporary file.
        let mut head = [0u8; 6];
        let n = f.read_at(&mut head, 0).unwrap_or(0);
        let in_place =
            f.metadata().is_ok_and(|m| m.is_file()) && Compression::sniff(&head[..n]) == Ok(Compression::None);
        let plain = if in_place { Some(f.try_clone().context("opening the tarball")?) } else { None };
        (Box::new(f), plain)
    };
    let parallel = ctx.config()?.containers.image_parallel_copies();
    let store = ctx.store()?;
    let progress = Progress::new(args.quiet);

    // The uncompressed tar's digest is the diff ID the store checks the
    // extraction against.
    let (mut spool, size, diff_id) = match plain {
        Some(mut f) => {
            let mut w = HashingWriter::new(io::sink());
            io::copy(&mut f, &mut w).with_context(|| format!("reading {}", args.path))?;
            (f, w.n, Digest::from_sha256(w.hash.finalize().into()))
        }
        None => {
            let tmp = archive::tmp_dir();
            std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
            let mut spool = tempfile::tempfile_in(&tmp)
                .with_context(|| format!("creating a temporary file in {}", tmp.display()))?;
            let (n, d) = {
                let mut tar =
                    decompress("tarball", BufReader::new(source)).with_context(|| format!("reading {}", args.path))?;
                let mut w = HashingWriter::new(io::BufWriter::new(&mut spool));
                io::copy(&mut tar, &mut w).with_context(|| format!("reading {}", args.path))?;
                w.inner.flush().context("writing the temporary file")?;
                let HashingWriter { inner, hash, n } = w;
                drop(inner);
                (n, Digest::from_sha256(hash.finalize().into()))
            };
            (spool, n, d)
        }
    };
    if size == 0 {
        bail!("{}: empty input, not a tarball", args.path);
    }
    spool.rewind().context("rewinding the tarball")?;
    check_tar(&spool).with_context(|| format!("importing {}", args.path))?;

    let platform = Platform::host().with_overrides(args.os.as_deref(), args.arch.as_deref(), args.variant.as_deref());
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let created = crate::timefmt::rfc3339_nano(now.as_secs() as i64, now.subsec_nanos());
    let mut config = Map::new();
    config.insert("created".into(), json!(created));
    config.insert("architecture".into(), json!(platform.architecture));
    if let Some(v) = platform.variant.as_deref() {
        config.insert("variant".into(), json!(v));
    }
    config.insert("os".into(), json!(platform.os));
    config.insert("config".into(), Value::Object(container_config));
    config.insert("rootfs".into(), json!({"type": "layers", "diff_ids": [diff_id.to_string()]}));
    let mut history = Map::new();
    history.insert("created".into(), json!(created));
    history.insert("created_by".into(), json!(format!("/bin/sh -c #(nop) ADD file:{} in /", diff_id.hex())));
    if let Some(m) = args.message.as_deref().filter(|m| !m.is_empty()) {
        history.insert("comment".into(), json!(m));
    }
    config.insert("history".into(), json!([history]));
    let config = serde_json::to_vec(&Value::Object(config))?;

    let layer = Descriptor::new(OCI_LAYER, diff_id, size);
    let manifest_bytes = build_manifest(&config, &[&layer], false)?;
    let manifest: ImageManifest = serde_json::from_slice(&manifest_bytes)?;
    progress.line("Getting image source signatures");
    let record = store_image(
        store,
        &SpoolBlob { file: spool },
        &Incoming {
            manifest_bytes: &manifest_bytes,
            manifest_digest: &Digest::sha256_of(&manifest_bytes).to_string(),
            manifest: &manifest,
            config: &config,
            names,
        },
        parallel,
        &progress,
    )
    .with_context(|| format!("importing {}", args.path))?;
    ctx.event(&crate::events::Event::image("import", &record.id, &args.path));
    print(&format!("sha256:{}\n", record.id))
}

/// A quick look at the headers (seeking over the data): not a tar → a
/// clear error before anything is extracted.
fn check_tar(file: &File) -> anyhow::Result<()> {
    let len = file.metadata()?.len();
    let mut a = tar::Archive::new(file);
    let mut n = 0;
    for e in a.entries_with_seek().map_err(|e| archive::tar_header_error(&e, 0))? {
        let e = e.map_err(|e| archive::tar_header_error(&e, n))?;
        if e.raw_file_position().saturating_add(e.size()) > len {
            bail!("the tarball is truncated");
        }
        n += 1;
    }
    (&*file).rewind()?;
    if n == 0 {
        bail!("not a tar archive: no entries");
    }
    Ok(())
}
