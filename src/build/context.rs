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
//! [`BuildContext::resolve`] turns `COPY`/`ADD` sources into the files to
//! copy: globs (Go's `filepath.Match`, one path component at a time),
//! directories (their content), symlinks followed inside the context only
//! (`../x` and links leading out are refused), the ignore file applied, and
//! a content digest for the layer cache. [`resolve_in`] does the same in a
//! stage's or an image's root file system (`COPY --from`), where symlinks
//! resolve as in a chroot.

use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
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
    /// `COPY ../x`, or a symlink leading out of the context.
    #[error("forbidden path outside the build context: {0}")]
    Outside(String),
    /// A source matched nothing.
    #[error("{0}: no such file or directory in the build context")]
    NotFound(String),
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

/// What a file system entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    /// A symlink inside a copied directory: copied as a link (never
    /// followed), with this target.
    Symlink(PathBuf),
}

/// One thing to copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the matched source: `""` for the match itself, else
    /// `a/b` below a matched directory.
    pub rel: String,
    /// Where it is on disk (no symlink in the path but, for a
    /// [`EntryKind::Symlink`], the last component).
    pub disk: PathBuf,
    pub kind: EntryKind,
    /// Permission bits (with setuid/setgid/sticky).
    pub mode: u32,
    /// Bytes of a regular file.
    pub size: u64,
    /// Modification time (seconds), for `ADD`/`COPY` of files (Docker keeps it).
    pub mtime: i64,
}

/// One source path that matched, with what it brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The matched path relative to the root, as named (before symlinks
    /// are followed): its last component is the name a file source gets in
    /// a directory destination. `""` for the root itself (`COPY . /app`).
    pub path: String,
    /// The match itself (`rel == ""`), symlinks followed: a file or a
    /// directory (a directory's own entry is not copied, only its content).
    pub entry: Entry,
    /// For a directory, what is below it (not ignored), parents before
    /// children, each directory's entries sorted by name.
    pub children: Vec<Entry>,
}

/// The sources of one `COPY`/`ADD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// In the order of the patterns, each pattern's matches sorted.
    pub sources: Vec<Source>,
    /// `sha256:<hex>` over every copied name, type, mode and content (or
    /// link target): the cache key part of the step (not times or owners).
    pub digest: String,
}

/// How symlinks that lead out of the root are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The build context: refused.
    Context,
    /// A root file system (`COPY --from`): resolved as in a chroot (an
    /// absolute target starts at the root, `..` stops there).
    Rootfs,
}

impl BuildContext {
    /// The context directory (canonical).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The files `COPY`/`ADD` sources name in the context (after variable
    /// expansion; URLs are the caller's business).
    pub fn resolve(&self, patterns: &[String]) -> Result<Resolved, ContextError> {
        resolve_in(&self.root, &self.ignore, patterns, Scope::Context)
    }
}

fn has_meta(component: &str) -> bool {
    component.contains(['*', '?', '[', '\\'])
}

/// One element of a glob.
enum Tok {
    Star,
    Any,
    /// Ranges (inclusive), negated.
    Class(Vec<(char, char)>, bool),
    Lit(char),
}

fn glob_tokens(pattern: &str) -> Result<Vec<Tok>, String> {
    let bad = || "syntax error in pattern".to_string();
    let p: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.len() {
        let c = p[i];
        i += 1;
        match c {
            '*' => {
                if !matches!(out.last(), Some(Tok::Star)) {
                    out.push(Tok::Star);
                }
            }
            '?' => out.push(Tok::Any),
            '\\' => {
                out.push(Tok::Lit(*p.get(i).ok_or_else(bad)?));
                i += 1;
            }
            '[' => {
                let negated = p.get(i) == Some(&'^');
                if negated {
                    i += 1;
                }
                let mut ranges = Vec::new();
                loop {
                    let mut lo = *p.get(i).ok_or_else(bad)?;
                    if lo == ']' && !ranges.is_empty() {
                        i += 1;
                        break;
                    }
                    i += 1;
                    if lo == '\\' {
                        lo = *p.get(i).ok_or_else(bad)?;
                        i += 1;
                    }
                    let mut hi = lo;
                    if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|c| *c != ']') {
                        hi = p[i + 1];
                        i += 2;
                        if hi == '\\' {
                            hi = *p.get(i).ok_or_else(bad)?;
                            i += 1;
                        }
                        if hi < lo {
                            return Err(bad());
                        }
                    }
                    ranges.push((lo, hi));
                }
                out.push(Tok::Class(ranges, negated));
            }
            c => out.push(Tok::Lit(c)),
        }
    }
    Ok(out)
}

/// Go's `filepath.Match` for one path component (`*`, `?`, `[a-z]`,
/// `[^a-z]`, `\` escapes). `Err` for a malformed pattern. Linear
/// backtracking (to the last `*` only), whatever the pattern.
pub fn glob_match(pattern: &str, name: &str) -> Result<bool, String> {
    let toks = glob_tokens(pattern)?;
    let n: Vec<char> = name.chars().collect();
    let one = |t: &Tok, c: char| match t {
        Tok::Any => true,
        Tok::Lit(l) => *l == c,
        Tok::Class(ranges, negated) => ranges.iter().any(|(lo, hi)| *lo <= c && c <= *hi) != *negated,
        Tok::Star => false,
    };
    let (mut t, mut i) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while i < n.len() {
        match toks.get(t) {
            Some(Tok::Star) => {
                star = Some((t, i));
                t += 1;
            }
            Some(tok) if one(tok, n[i]) => {
                t += 1;
                i += 1;
            }
            _ => match star {
                Some((st, si)) => {
                    star = Some((st, si + 1));
                    t = st + 1;
                    i = si + 1;
                }
                None => return Ok(false),
            },
        }
    }
    Ok(toks[t..].iter().all(|t| matches!(t, Tok::Star)))
}

/// Follow `components` from `root`, symlinks included (also the last one),
/// keeping inside `root`. `Ok(None)`: something does not exist.
fn resolve_path(
    root: &Path,
    components: &[String],
    scope: Scope,
    shown: &str,
) -> Result<Option<Vec<String>>, ContextError> {
    let mut todo: std::collections::VecDeque<String> = components.iter().cloned().collect();
    let mut done: Vec<String> = Vec::new();
    let mut links = 0;
    while let Some(c) = todo.pop_front() {
        if c.is_empty() || c == "." {
            continue;
        }
        if c == ".." {
            if done.pop().is_none() && scope == Scope::Context {
                return Err(ContextError::Outside(shown.to_string()));
            }
            continue;
        }
        let mut path = root.to_path_buf();
        path.extend(&done);
        path.push(&c);
        let meta = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound || e.raw_os_error() == Some(libc::ENOTDIR) => {
                return Ok(None)
            }
            Err(e) => return Err(ContextError::Io { what: "reading", path, source: e }),
        };
        if meta.file_type().is_symlink() {
            links += 1;
            if links > 40 {
                return Err(ContextError::Other(format!("{shown}: too many levels of symbolic links")));
            }
            let target = fs::read_link(&path).map_err(io_err("reading the link", &path))?;
            let target = target.to_string_lossy().into_owned();
            if target.starts_with('/') {
                if scope == Scope::Context {
                    return Err(ContextError::Outside(format!("{shown} (a symlink to {target})")));
                }
                done.clear();
            }
            for part in target.split('/').rev() {
                todo.push_front(part.to_string());
            }
            continue;
        }
        done.push(c);
    }
    Ok(Some(done))
}

fn entry_of(disk: PathBuf, rel: String) -> Result<Entry, ContextError> {
    let meta = fs::symlink_metadata(&disk).map_err(io_err("reading", &disk))?;
    let ft = meta.file_type();
    let kind = if ft.is_symlink() {
        EntryKind::Symlink(fs::read_link(&disk).map_err(io_err("reading the link", &disk))?)
    } else if ft.is_dir() {
        EntryKind::Dir
    } else if ft.is_file() {
        EntryKind::File
    } else {
        return Err(ContextError::Other(format!("{}: not a regular file, directory or symlink", disk.display())));
    };
    Ok(Entry {
        rel,
        size: if ft.is_file() { meta.len() } else { 0 },
        mode: meta.permissions().mode() & 0o7777,
        mtime: meta.mtime(),
        disk,
        kind,
    })
}

/// Everything below `dir` (resolved path `dir_rel` under the root), ignore
/// rules applied to the root-relative paths.
fn walk(dir: &Path, dir_rel: &str, rel: &str, ignore: &Ignore, out: &mut Vec<Entry>) -> Result<bool, ContextError> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .map_err(io_err("reading the directory", dir))?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<Result<_, _>>()
        .map_err(io_err("reading the directory", dir))?;
    names.sort();
    let mut any = false;
    for name in names {
        let name = name.to_string_lossy().into_owned();
        let child_root_rel = if dir_rel.is_empty() { name.clone() } else { format!("{dir_rel}/{name}") };
        let child_rel = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        let excluded = ignore.is_excluded(&child_root_rel);
        let disk = dir.join(&name);
        let entry = entry_of(disk.clone(), child_rel.clone())?;
        if entry.kind == EntryKind::Dir {
            if excluded && !ignore.has_exceptions() {
                continue;
            }
            let at = out.len();
            out.push(entry);
            let inner = walk(&disk, &child_root_rel, &child_rel, ignore, out)?;
            if excluded && !inner {
                out.truncate(at);
                continue;
            }
            any = true;
        } else if !excluded {
            out.push(entry);
            any = true;
        }
    }
    Ok(any)
}

/// [`BuildContext::resolve`] for any root: each pattern (a path or glob,
/// relative to `root`; a leading `/` is the root) becomes the sources it
/// matches; a pattern that matches nothing (or only ignored paths) is an
/// error, as in Podman.
pub fn resolve_in(root: &Path, ignore: &Ignore, patterns: &[String], scope: Scope) -> Result<Resolved, ContextError> {
    let mut sources = Vec::new();
    for pattern in patterns {
        let cleaned = clean(&format!("./{pattern}"));
        if scope == Scope::Context && (cleaned == ".." || cleaned.starts_with("../")) {
            return Err(ContextError::Outside(pattern.clone()));
        }
        let components: Vec<&str> =
            cleaned.trim_start_matches("../").split('/').filter(|c| !c.is_empty() && *c != "." && *c != "..").collect();
        // (path as named, resolved components)
        let mut candidates: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
        for component in &components {
            let mut next = Vec::new();
            for (named, resolved) in &candidates {
                let names: Vec<String> = if has_meta(component) {
                    let mut dir = root.to_path_buf();
                    dir.extend(resolved);
                    let Ok(read) = fs::read_dir(&dir) else { continue };
                    let mut names = Vec::new();
                    for e in read {
                        let name = e
                            .map_err(io_err("reading the directory", &dir))?
                            .file_name()
                            .to_string_lossy()
                            .into_owned();
                        if glob_match(component, &name).map_err(|e| ContextError::Other(format!("{pattern}: {e}")))? {
                            names.push(name);
                        }
                    }
                    names.sort();
                    names
                } else {
                    vec![component.to_string()]
                };
                for name in names {
                    let named = if named.is_empty() { name.clone() } else { format!("{named}/{name}") };
                    let mut path = resolved.clone();
                    path.push(name);
                    if let Some(r) = resolve_path(root, &path, scope, &named)? {
                        next.push((named, r));
                    }
                }
            }
            candidates = next;
        }
        let mut matched = 0;
        for (named, resolved) in candidates {
            let resolved_rel = resolved.join("/");
            if ignore.is_excluded(&named) || ignore.is_excluded(&resolved_rel) {
                continue;
            }
            let mut disk = root.to_path_buf();
            disk.extend(&resolved);
            let entry = entry_of(disk.clone(), String::new())?;
            let mut children = Vec::new();
            if entry.kind == EntryKind::Dir {
                walk(&disk, &resolved_rel, "", ignore, &mut children)?;
            }
            matched += 1;
            sources.push(Source { path: named, entry, children });
        }
        if matched == 0 {
            return Err(ContextError::NotFound(pattern.clone()));
        }
    }
    let digest = digest_of(&sources)?;
    Ok(Resolved { sources, digest })
}

fn digest_of(sources: &[Source]) -> Result<String, ContextError> {
    let mut h = Sha256::new();
    for s in sources {
        h.update(format!("source\0{}\0", s.path));
        for e in std::iter::once(&s.entry).chain(&s.children) {
            h.update(format!("{}\0{:o}\0", e.rel, e.mode));
            match &e.kind {
                EntryKind::Dir => h.update(b"dir\0"),
                EntryKind::Symlink(t) => h.update(format!("link\0{}\0", t.display())),
                EntryKind::File => {
                    let mut f = fs::File::open(&e.disk).map_err(io_err("reading", &e.disk))?;
                    let mut fh = Sha256::new();
                    io::copy(&mut f, &mut fh).map_err(io_err("reading", &e.disk))?;
                    h.update(format!("file\0{:x}\0", fh.finalize()));
                }
            }
        }
    }
    Ok(format!("sha256:{:x}", h.finalize()))
}

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
