//! `rpod save` / `rpod image save`: images from the store into a
//! docker-archive (the default, like Podman), an oci-archive, an OCI layout
//! directory or a `dir:`-transport directory; to `-o FILE` or to standard
//! output when that is not a terminal.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use clap::{Args, ValueEnum};

use crate::context::Context;
use crate::image::archive::{self, LayerCompression, SaveFormat, SaveImage, SaveTarget};
use crate::image::lookup;
use crate::image::progress::Progress;
use crate::registry::Compression;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[value(name = "docker-archive")]
    DockerArchive,
    #[value(name = "oci-archive")]
    OciArchive,
    #[value(name = "oci-dir")]
    OciDir,
    #[value(name = "docker-dir")]
    DockerDir,
}

#[derive(Debug, Args)]
pub struct SaveArgs {
    /// The images to save (several go into one archive)
    #[arg(value_name = "IMAGE", required = true)]
    pub images: Vec<String>,

    /// Write to FILE (a directory for oci-dir and docker-dir) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Save in this format
    #[arg(long, value_enum, default_value = "docker-archive")]
    pub format: Format,

    /// Several images in one archive (accepted for Podman compatibility: several IMAGEs always are)
    #[arg(short, long)]
    pub multi_image_archive: bool,

    /// Compress the layers (docker-dir only)
    #[arg(long)]
    pub compress: bool,

    /// Keep the layers of OCI formats uncompressed
    #[arg(long)]
    pub uncompressed: bool,

    /// Suppress the progress output
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(ctx: &Context, args: SaveArgs) -> anyhow::Result<()> {
    let mut saved = Vec::new();
    write(ctx, &args, &mut saved)?;
    for (id, name) in &saved {
        ctx.event(&crate::events::Event::image("save", id, name));
    }
    Ok(())
}

/// Save the images; `saved` gets the ID and name of each (for the events).
fn write(ctx: &Context, args: &SaveArgs, saved: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    let format = match args.format {
        Format::DockerArchive => SaveFormat::DockerArchive,
        Format::OciArchive => SaveFormat::OciArchive,
        Format::OciDir => SaveFormat::OciDir,
        Format::DockerDir => SaveFormat::DockerDir,
    };
    if args.compress && format != SaveFormat::DockerDir {
        bail!("--compress can only be set when --format is docker-dir");
    }
    if args.compress && args.uncompressed {
        bail!("--compress and --uncompressed conflict");
    }
    let layers = match format {
        SaveFormat::DockerArchive => LayerCompression::NONE,
        SaveFormat::DockerDir if !args.compress => LayerCompression::NONE,
        _ if args.uncompressed => LayerCompression::NONE,
        _ => LayerCompression { compression: Compression::Gzip, level: None },
    };
    let stdout = args.output.is_none() || args.output.as_deref() == Some(Path::new("-"));
    if stdout && format.is_dir() {
        bail!(
            "--format {} needs --output DIRECTORY",
            args.format.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
        );
    }
    if stdout && io::stdout().is_terminal() {
        bail!("refusing to save to terminal. Use -o flag or redirect");
    }

    let search = ctx.config()?.registries.search_registries().to_vec();
    let parallel = ctx.config()?.containers.image_parallel_copies();
    let store = ctx.store()?;
    let mut images: Vec<SaveImage> = Vec::new();
    for input in &args.images {
        let found = lookup::find(store, &search, input)?;
        let entry = match images.iter_mut().position(|i| i.image.id == found.image.id) {
            Some(i) => &mut images[i],
            None => {
                images.push(SaveImage { image: found.image.clone(), names: Vec::new() });
                images.last_mut().expect("just pushed")
            }
        };
        // By name: that name; by ID: none (like Docker and Podman).
        if let Some(n) = found.name {
            if !entry.names.contains(&n) {
                entry.names.push(n);
            }
        }
    }
    saved.extend(images.iter().map(|i| (i.image.id.clone(), i.names.join(","))));
    // Progress goes to stderr, the archive maybe to stdout.
    let progress = Progress::new(args.quiet);

    if format.is_dir() {
        let dir = args.output.as_deref().expect("checked above");
        return archive::save(store, &images, format, layers, parallel, &progress, SaveTarget::Dir(dir));
    }
    if stdout {
        let out = io::stdout();
        let mut w = io::BufWriter::with_capacity(1 << 20, out.lock());
        archive::save(store, &images, format, layers, parallel, &progress, SaveTarget::Stream(&mut w))?;
        return w.flush().context("writing to standard output");
    }
    let path = args.output.as_deref().expect("checked above");
    // A regular file is written under a temporary name and renamed, so a
    // failure leaves nothing half-written; anything else (a FIFO, a device)
    // is written directly.
    let special = fs::metadata(path).is_ok_and(|m| !m.is_file());
    if special {
        let mut f =
            fs::OpenOptions::new().write(true).open(path).with_context(|| format!("opening {}", path.display()))?;
        return archive::save(store, &images, format, layers, parallel, &progress, SaveTarget::Stream(&mut f));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".rpod-save-")
        .tempfile_in(dir)
        .with_context(|| format!("creating a file in {}", dir.display()))?;
    {
        let mut w = io::BufWriter::with_capacity(1 << 20, tmp.as_file());
        archive::save(store, &images, format, layers, parallel, &progress, SaveTarget::Stream(&mut w))?;
        w.flush().with_context(|| format!("writing {}", path.display()))?;
    }
    let tmp_path = tmp.into_temp_path();
    set_mode(&tmp_path, 0o644);
    tmp_path.persist(path).map_err(|e| e.error).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// A temporary file is 0600; an archive is an ordinary file (umask applies
/// as for any created file).
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let umask = nix::sys::stat::umask(nix::sys::stat::Mode::empty());
    nix::sys::stat::umask(umask);
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(mode & !umask.bits()));
}
