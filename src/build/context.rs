//! The build context: where `COPY`/`ADD` read from, and the Containerfile.
//!
//! [`open`] takes the `CONTEXT` argument of `rpod build` (Podman's and
//! Docker's forms): a directory; `-` (stdin); a local file; an `http(s)://`
//! URL. Stdin, a file or a URL carry either a tar (plain, gzip or zstd) that
//! becomes the context, unpacked into a private temporary directory with the
//! store's safe extractor (no entry lands outside it; removed on drop), or a
//! Containerfile itself (Docker's `docker build - < Dockerfile`: then the
//! context is empty, or for a local file, its directory as Podman does).
//!
//! `COPY`/`ADD` read the opened context through its descriptor
//! ([`BuildContext::open_root`]) with [`super::copy`]'s resolution (globs,
//! `RESOLVE_IN_ROOT`, the ignore rules, content digests), the same as for
//! another stage's or an image's files.

use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::ignore::{clean, Ignore, IgnoreError};

/// Why a context could not be opened or a source not resolved.
#[derive(Debug, thiserror::Error)]
pub enum ContextError {
    #[error("{what} {}: {source}", path.display())]
    Io { what: &'static str, path: PathBuf, source: io::Error },
    #[error(transparent)]
    Ignore(#[from] IgnoreError),
    /// `-f ../x` inside an unpacked context.
    #[error("forbidden path outside the build context: {0}")]
    Outside(String),
    #[error("{0}")]
    Other(String),
}

fn io_err<'p>(what: &'static str, path: &'p Path) -> impl FnOnce(io::Error) -> ContextError + 'p {
    move |source| ContextError::Io { what, path: path.to_path_buf(), source }
}

/// What [`open`] needs from the command line.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions<'a> {
    /// The `CONTEXT` argument. `None`: the directory of `-f`'s file
    /// (Podman), else the current directory.
    pub context: Option<&'a str>,
    /// `-f`/`--file` (the first one); `-` reads it from stdin.
    pub file: Option<&'a str>,
    /// `--ignorefile`.
    pub ignorefile: Option<&'a Path>,
    /// Where unpacked contexts and downloads go (a private directory is
    /// made inside, removed when the [`BuildContext`] is dropped); the
    /// system temporary directory when `None`.
    pub tmp_dir: Option<&'a Path>,
}

/// The Containerfile found for a build.
#[derive(Debug, Clone)]
pub struct ContainerfileText {
    /// For messages (`Containerfile:3:1: ...`) and `parse()`.
    pub path: PathBuf,
    pub text: String,
}

/// An opened build context.
#[derive(Debug)]
pub struct BuildContext {
    root: PathBuf,
    /// Holds an unpacked context (or an empty one) until dropped.
    _temp: Option<tempfile::TempDir>,
    pub ignore: Ignore,
    pub containerfile: ContainerfileText,
}

const DEFAULT_NAMES: [&str; 2] = ["Containerfile", "Dockerfile"];

/// Open the build context and find its Containerfile. `stdin` is read for
/// `-` (context or `-f`).
pub fn open(opts: &OpenOptions<'_>, stdin: &mut dyn Read) -> Result<BuildContext, ContextError> {
    if opts.context == Some("-") && opts.file == Some("-") {
        return Err(ContextError::Other("cannot read both the build context and the Containerfile from stdin".into()));
    }
    let tmp = |prefix: &str| -> Result<tempfile::TempDir, ContextError> {
        let mut b = tempfile::Builder::new();
        b.prefix(prefix);
        match opts.tmp_dir {
            Some(dir) => b.tempdir_in(dir).map_err(io_err("creating a temporary directory in", dir)),
            None => b.tempdir().map_err(io_err("creating a temporary directory in", &std::env::temp_dir())),
        }
    };
    let context = match (opts.context, opts.file) {
        (Some(c), _) => c.to_string(),
        (None, Some(f)) if f != "-" => match Path::new(f).parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_string_lossy().into_owned(),
            _ => ".".to_string(),
        },
        (None, _) => ".".to_string(),
    };

    // A payload: stdin, a URL or a local file (a tar or a Containerfile).
    let payload: Option<(tempfile::TempDir, PathBuf, String)> = if context == "-" {
        let dir = tmp("rpod-build-stdin-")?;
        let path = dir.path().join("payload");
        let mut out = fs::File::create(&path).map_err(io_err("creating", &path))?;
        io::copy(stdin, &mut out).map_err(io_err("reading the build context from stdin into", &path))?;
        Some((dir, path, "-".to_string()))
    } else if context.starts_with("http://") || context.starts_with("https://") {
        let dir = tmp("rpod-build-url-")?;
        let path = dir.path().join("payload");
        download(&context, &path).map_err(|e| ContextError::Other(format!("the build context: {e}")))?;
        Some((dir, path, context.clone()))
    } else {
        None
    };
    let local_file = payload.is_none()
        && fs::metadata(&context).map_err(io_err("reading the build context", Path::new(&context)))?.is_file();

    if payload.is_none() && !local_file {
        // A directory.
        let root = fs::canonicalize(&context).map_err(io_err("resolving the build context", Path::new(&context)))?;
        let ignore = Ignore::load(&root, opts.ignorefile)?;
        let containerfile = find_containerfile(&root, opts.file, true, stdin)?;
        return Ok(BuildContext { root, _temp: None, ignore, containerfile });
    }

    let (holder, payload_path, shown) = match payload {
        Some((dir, path, shown)) => (Some(dir), path, shown),
        None => (None, PathBuf::from(&context), context.clone()),
    };
    let unpacked = tmp("rpod-build-context-")?;
    if unpack_if_tar(&payload_path, unpacked.path())? {
        drop(holder);
        let root = unpacked.path().to_path_buf();
        let ignore = Ignore::load(&root, opts.ignorefile)?;
        let containerfile = find_containerfile(&root, opts.file, false, stdin)?;
        return Ok(BuildContext { root, _temp: Some(unpacked), ignore, containerfile });
    }
    // Not a tar: the payload is the Containerfile.
    let text = read_text(&payload_path)?;
    let display = if shown == "-" { PathBuf::from("-") } else { PathBuf::from(&shown) };
    if local_file {
        // `rpod build dir/Containerfile`: its directory is the context.
        let dir = match Path::new(&context).parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let root = fs::canonicalize(&dir).map_err(io_err("resolving the build context", &dir))?;
        let ignore = Ignore::load(&root, opts.ignorefile)?;
        return Ok(BuildContext {
            root,
            _temp: None,
            ignore,
            containerfile: ContainerfileText { path: display, text },
        });
    }
    if opts.file.is_some() {
        return Err(ContextError::Other(format!(
            "{shown} is a Containerfile, not a tar archive: it cannot be combined with -f"
        )));
    }
    let root = unpacked.path().to_path_buf();
    Ok(BuildContext {
        root,
        _temp: Some(unpacked),
        ignore: Ignore::default(),
        containerfile: ContainerfileText { path: display, text },
    })
}

fn read_text(path: &Path) -> Result<String, ContextError> {
    let bytes = fs::read(path).map_err(io_err("reading", path))?;
    String::from_utf8(bytes)
        .map_err(|_| ContextError::Other(format!("{}: the Containerfile is not UTF-8 text", path.display())))
}

/// `-f` or the default names. In a directory context (`on_disk`), a
/// relative `-f` is looked up from the current directory first, then in the
/// context (buildah); in an unpacked one, only in the context.
fn find_containerfile(
    root: &Path,
    file: Option<&str>,
    on_disk: bool,
    stdin: &mut dyn Read,
) -> Result<ContainerfileText, ContextError> {
    match file {
        Some("-") => {
            let mut text = String::new();
            stdin
                .read_to_string(&mut text)
                .map_err(|e| ContextError::Other(format!("reading the Containerfile from stdin: {e}")))?;
            Ok(ContainerfileText { path: PathBuf::from("-"), text })
        }
        Some(f) => {
            let given = Path::new(f);
            let candidates: Vec<PathBuf> = if given.is_absolute() && on_disk {
                vec![given.to_path_buf()]
            } else if on_disk {
                vec![given.to_path_buf(), root.join(given)]
            } else {
                // Inside an unpacked context: never outside it.
                let rel = clean(&f.replace('\\', "/"));
                let rel = rel.trim_start_matches('/');
                if rel == ".." || rel.starts_with("../") {
                    return Err(ContextError::Outside(f.to_string()));
                }
                vec![root.join(rel)]
            };
            for c in &candidates {
                if let Ok(meta) = fs::metadata(c) {
                    if meta.is_file() {
                        return Ok(ContainerfileText { path: PathBuf::from(f), text: read_text(c)? });
                    }
                    return Err(ContextError::Other(format!("{f}: the Containerfile is not a regular file")));
                }
            }
            Err(ContextError::Other(format!("the Containerfile {f} does not exist")))
        }
        None => {
            for name in DEFAULT_NAMES {
                let path = root.join(name);
                if fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                    let shown = if on_disk { path.clone() } else { PathBuf::from(name) };
                    return Ok(ContainerfileText { path: shown, text: read_text(&path)? });
                }
            }
            Err(ContextError::Other(format!(
                "no Containerfile or Dockerfile specified or found in context directory, {}",
                root.display()
            )))
        }
    }
}

/// What an HTTP download said about its body.
#[derive(Debug, Default)]
struct Fetched {
    /// `Last-Modified`, in seconds since the epoch.
    last_modified: Option<i64>,
    /// The `filename` of `Content-Disposition`.
    filename: Option<String>,
}

/// Download `url` into `out` (the registry client's HTTP stack).
fn download(url: &str, out: &Path) -> Result<Fetched, ContextError> {
    let fail = |e: String| ContextError::Other(format!("downloading {url}: {e}"));
    // reqwest is built without a default crypto provider: use ring, as the
    // registry client does.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| fail(e.to_string()))?;
    let mut file = fs::File::create(out).map_err(io_err("creating", out))?;
    let fetched = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .connect_timeout(std::time::Duration::from_secs(30))
            .build()
            .map_err(|e| fail(e.to_string()))?;
        let mut resp = client.get(url).send().await.map_err(|e| fail(e.to_string()))?;
        if !resp.status().is_success() {
            return Err(fail(format!("HTTP status {}", resp.status())));
        }
        let header = |name: reqwest::header::HeaderName| {
            resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
        };
        let fetched = Fetched {
            last_modified: header(reqwest::header::LAST_MODIFIED).as_deref().and_then(parse_http_date),
            filename: header(reqwest::header::CONTENT_DISPOSITION).as_deref().and_then(disposition_filename),
        };
        while let Some(chunk) = resp.chunk().await.map_err(|e| fail(e.to_string()))? {
            file.write_all(&chunk).map_err(io_err("writing", out))?;
        }
        Ok(fetched)
    })?;
    file.sync_all().map_err(io_err("writing", out))?;
    Ok(fetched)
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 IMF-fixdate) in seconds.
fn parse_http_date(s: &str) -> Option<i64> {
    let mut parts = s.split_whitespace().skip(1);
    let (day, month, year, time) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    crate::timefmt::parse_rfc3339(&format!("{year}-{month:02}-{day:0>2}T{time}Z"))
}

/// `attachment; filename="name.tar"` → `name.tar` (a bare name only).
fn disposition_filename(v: &str) -> Option<String> {
    let name = v.split(';').find_map(|p| p.trim().strip_prefix("filename="))?.trim().trim_matches('"');
    let name = name.rsplit(['/', '\\']).next()?;
    (!name.is_empty() && name != "." && name != "..").then(|| name.to_string())
}

/// A file `ADD` downloaded from a URL.
#[derive(Debug, Clone)]
pub struct Download {
    /// The downloaded file (in the directory given to [`download_for_add`]).
    pub file: PathBuf,
    /// The name it gets in a directory destination: `Content-Disposition`'s
    /// filename, else the URL path's last segment (Docker). `None` when
    /// neither gives one (then the destination must name the file).
    pub name: Option<String>,
    /// `sha256:<hex>` of the content: the step's cache key part.
    pub digest: String,
    /// `Last-Modified` (seconds), the file's mtime in the image as in Docker.
    pub mtime: Option<i64>,
    pub size: u64,
}

/// `ADD <url> <dest>`: download into `dir`, check `--checksum`
/// (`sha256:<hex>`, the only algorithm Docker accepts) when given. The file
/// is not extracted even if it is an archive (Docker); it gets mode 0600.
pub fn download_for_add(url: &str, dir: &Path, checksum: Option<&str>) -> Result<Download, ContextError> {
    let want = match checksum {
        None => None,
        Some(c) => {
            let hex = c.strip_prefix("sha256:").filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
            Some(hex.ok_or_else(|| {
                ContextError::Other(format!("invalid checksum {c:?}: expected sha256:<64 hex digits>"))
            })?)
        }
    };
    let file = tempfile::Builder::new()
        .prefix("add-")
        .tempfile_in(dir)
        .map_err(io_err("creating a file in", dir))?
        .into_temp_path()
        .keep()
        .map_err(|e| ContextError::Io { what: "creating a file in", path: dir.to_path_buf(), source: e.error })?;
    let done = (|| {
        let fetched = download(url, &file)?;
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).map_err(io_err("setting the mode of", &file))?;
        let mut h = Sha256::new();
        let mut f = fs::File::open(&file).map_err(io_err("reading", &file))?;
        let size = io::copy(&mut f, &mut h).map_err(io_err("reading", &file))?;
        let hex = format!("{:x}", h.finalize());
        if let Some(want) = want {
            if !want.eq_ignore_ascii_case(&hex) {
                return Err(ContextError::Other(format!(
                    "{url}: digest mismatch: got sha256:{hex}, expected sha256:{}",
                    want.to_ascii_lowercase()
                )));
            }
        }
        let from_url = url.split(['?', '#']).next().unwrap_or(url).split_once("://").map(|(_, rest)| rest);
        let url_name = from_url
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(_, path)| path.rsplit('/').next())
            .filter(|n| !n.is_empty() && *n != "." && *n != "..")
            .map(str::to_string);
        Ok(Download {
            file: file.clone(),
            name: fetched.filename.or(url_name),
            digest: format!("sha256:{hex}"),
            mtime: fetched.last_modified,
            size,
        })
    })();
    if done.is_err() {
        let _ = fs::remove_file(&file);
    }
    done
}

/// The decompressed stream of `path` when it is a tar (plain, gzip or
/// zstd), positioned at its start; `None` for any other file. bzip2 and
/// xz archives are an error: rpod cannot unpack them.
fn tar_stream(path: &Path) -> Result<Option<Box<dyn Read + Send>>, ContextError> {
    let file = fs::File::open(path).map_err(io_err("opening", path))?;
    let mut reader = crate::registry::blob::decompress("", file).map_err(|e| {
        ContextError::Other(format!("{}: {}", path.display(), e.to_string().replace(" layer ", " ").replace(" ()", "")))
    })?;
    let mut head = Vec::with_capacity(512);
    (&mut reader).take(512).read_to_end(&mut head).map_err(io_err("reading", path))?;
    let is_tar = head.len() == 512 && (&head[257..262] == b"ustar" || looks_like_v7_tar(&head));
    Ok(is_tar.then(|| Box::new(io::Cursor::new(head).chain(reader)) as Box<dyn Read + Send>))
}

/// `ADD <local archive> <dest>`: Docker unpacks a local tar (compressed or
/// not) into the destination instead of copying the file. `Some(stream)`:
/// the uncompressed tar to extract at the destination (e.g. with
/// `rpod_storage::extract::extract_copy`); `None`: copy the file as it is.
pub fn add_archive(path: &Path) -> Result<Option<Box<dyn Read + Send>>, ContextError> {
    tar_stream(path)
}

/// If `payload` is a tar (plain, gzip or zstd), unpack it into `dir` (the
/// store's extractor: entries are resolved inside `dir`, never outside) and
/// return true; false when it is something else.
pub fn unpack_if_tar(payload: &Path, dir: &Path) -> Result<bool, ContextError> {
    let Some(mut stream) = tar_stream(payload)? else { return Ok(false) };
    let dir_fd = nix::fcntl::open(
        dir,
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )
    .map_err(|e| ContextError::Io { what: "opening", path: dir.to_path_buf(), source: e.into() })?;
    let owner = Some((u64::from(nix::unistd::getuid().as_raw()), u64::from(nix::unistd::getgid().as_raw())));
    let opts = rpod_storage::extract::CopyOptions { what: "the build context", ignore_chown_errors: true, owner };
    rpod_storage::extract::extract_copy(dir_fd, &mut stream, &opts)
        .map_err(|e| ContextError::Other(format!("unpacking {}: {e}", payload.display())))?;
    Ok(true)
}

/// An old-style tar header: a checksum that adds up.
fn looks_like_v7_tar(head: &[u8]) -> bool {
    let field = &head[148..156];
    let text: String = field.iter().take_while(|b| **b != 0 && **b != b' ').map(|b| *b as char).collect();
    let Ok(sum) = u32::from_str_radix(text.trim(), 8) else { return false };
    let computed: u32 =
        head.iter().enumerate().map(|(i, b)| if (148..156).contains(&i) { 32 } else { u32::from(*b) }).sum();
    head[0] != 0 && sum == computed
}

impl BuildContext {
    /// The context's directory (canonical; an unpacked one is private).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The directory, open: what `COPY`/`ADD` read through
    /// ([`super::copy::resolve`], confined with `RESOLVE_IN_ROOT`).
    pub fn open_root(&self) -> Result<std::os::fd::OwnedFd, ContextError> {
        nix::fcntl::open(
            &self.root,
            nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
            nix::sys::stat::Mode::empty(),
        )
        .map_err(|e| ContextError::Io {
            what: "opening the build context",
            path: self.root.clone(),
            source: e.into(),
        })
    }
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
