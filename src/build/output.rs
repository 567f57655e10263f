//! `rpod build -o/--output`: the built image's files written out as well
//! (Podman's `type=local,dest=DIR` and `type=tar,dest=FILE`; `DIR` alone is
//! local, `-` a tar on standard output). The files are read from the image
//! mounted read-only, packed with the store's packer and, for `local`,
//! unpacked with the store's safe extractor into `DIR` (owned by the
//! caller).

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _};

use rpod_storage::pack::{PackOptions, Packer};
use rpod_storage::ImageRecord;

use super::rootfs::{View, Workdir};
use crate::context::Context;

/// Where `--output` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// A directory (made when missing).
    Local(PathBuf),
    /// A tar file; `None`: standard output.
    Tar(Option<PathBuf>),
}

impl Output {
    /// `type=local,dest=DIR`, `type=tar,dest=FILE|-`, `DIR`, `-`.
    pub fn parse(spec: &str) -> anyhow::Result<Output> {
        if !spec.contains('=') {
            return Ok(if spec == "-" { Output::Tar(None) } else { Output::Local(PathBuf::from(spec)) });
        }
        let (mut kind, mut dest) = ("local", None);
        for field in spec.split(',') {
            match field.split_once('=') {
                Some(("type", t)) => kind = t,
                Some(("dest", d)) if !d.is_empty() => dest = Some(d),
                _ => bail!("invalid --output {spec:?}: use type=local,dest=DIR or type=tar,dest=FILE"),
            }
        }
        let dest = dest.ok_or_else(|| anyhow!("invalid --output {spec:?}: dest= is missing"))?;
        match kind {
            "local" if dest == "-" => bail!("invalid --output {spec:?}: a local output needs a directory"),
            "local" => Ok(Output::Local(PathBuf::from(dest))),
            "tar" if dest == "-" => Ok(Output::Tar(None)),
            "tar" => Ok(Output::Tar(Some(PathBuf::from(dest)))),
            t => bail!("invalid --output {spec:?}: the type {t:?} is not supported (local or tar)"),
        }
    }

    /// Whether it takes standard output (then the build prints nothing else there).
    pub fn is_stdout(&self) -> bool {
        *self == Output::Tar(None)
    }
}

/// Write `img`'s files to `out`.
pub fn write(ctx: &Context, img: &ImageRecord, out: &Output) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let work = Workdir::new(ctx)?;
    let lowers: Vec<PathBuf> = img.layers.iter().map(|l| store.layer_diff_path(l)).collect();
    let empty;
    let view;
    let root = if lowers.is_empty() {
        empty = work.fresh("empty")?;
        open_dir(&empty)?
    } else {
        view = View::new(ctx, &work, &lowers)?;
        view.root()?
    };
    let pack = |w: &mut dyn Write| -> io::Result<()> {
        let mut p = Packer::new(w, PackOptions::default());
        p.add_contents(root.as_fd(), "")?;
        p.finish()?.flush()
    };
    match out {
        Output::Tar(None) => pack(&mut io::stdout().lock()).context("writing the image's files to standard output"),
        Output::Tar(Some(file)) => {
            let dir = match file.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(&dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            {
                let mut w = io::BufWriter::new(tmp.as_file_mut());
                pack(&mut w).with_context(|| format!("writing {}", file.display()))?;
            }
            tmp.persist(file).map_err(|e| anyhow!("writing {}: {}", file.display(), e.error))?;
            Ok(())
        }
        Output::Local(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            let dest = open_dir(dir)?;
            let (mut rd, mut wr) = io::pipe().context("creating a pipe")?;
            let owner = (u64::from(nix::unistd::geteuid().as_raw()), u64::from(nix::unistd::getegid().as_raw()));
            std::thread::scope(|scope| {
                let producer = scope.spawn(move || {
                    let r = pack(&mut wr);
                    drop(wr);
                    r
                });
                let opts = rpod_storage::extract::CopyOptions {
                    what: "the image's files",
                    ignore_chown_errors: true,
                    owner: Some(owner),
                };
                let extracted = rpod_storage::extract::extract_copy(dest, &mut rd, &opts);
                drop(rd);
                let packed = producer.join().map_err(|_| anyhow!("the reader of the image's files panicked"))?;
                extracted.with_context(|| format!("writing the image's files to {}", dir.display()))?;
                packed.context("reading the image's files")?;
                Ok(())
            })
        }
    }
}

fn open_dir(p: &std::path::Path) -> anyhow::Result<std::os::fd::OwnedFd> {
    nix::fcntl::open(
        p,
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )
    .with_context(|| format!("opening {}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_specs() {
        assert_eq!(Output::parse("out").unwrap(), Output::Local("out".into()));
        assert_eq!(Output::parse("-").unwrap(), Output::Tar(None));
        assert_eq!(Output::parse("type=local,dest=/x").unwrap(), Output::Local("/x".into()));
        assert_eq!(Output::parse("type=tar,dest=a.tar").unwrap(), Output::Tar(Some("a.tar".into())));
        assert_eq!(Output::parse("type=tar,dest=-").unwrap(), Output::Tar(None));
        assert!(Output::parse("type=registry,dest=x").is_err());
        assert!(Output::parse("type=local").is_err());
        assert!(Output::parse("type=local,dest=-").is_err());
        assert!(Output::parse("type=local,bogus=1").is_err());
    }
}
