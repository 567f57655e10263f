//! `COPY`/`ADD`: sources found in a root (the build context, or another
//! stage's or image's files), their content digest (the cache key), and
//! the copy into the step's root by Docker's rules.
//!
//! Confinement: every source path is cleaned first (`..` that leaves the
//! root is refused), then opened from the root's descriptor with
//! `openat2(RESOLVE_IN_ROOT)`: a symlink in the context that points out of
//! it resolves inside it (and is then usually missing). Files are read and
//! written through descriptors only ([`rpod_storage::pack`],
//! [`rpod_storage::extract::extract_copy`]: the destination resolved inside
//! the step's root the same way).

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use anyhow::{anyhow, bail, Context as _};
use nix::fcntl::{openat2, OFlag, OpenHow, ResolveFlag};
use nix::sys::stat::{fstatat, Mode, SFlag};
use sha2::{Digest as _, Sha256};

/// Says whether a path of the root (relative, `/`-separated) is left out
/// (the ignore file), and whether a directory left out may still hold
/// files that are not.
pub trait Ignore: Sync {
    fn ignored(&self, rel: &str, is_dir: bool) -> bool;
}

/// Nothing left out.
pub struct KeepAll;

impl Ignore for KeepAll {
    fn ignored(&self, _: &str, _: bool) -> bool {
        false
    }
}

/// One source found: `name` in the directory `parent` (both relative to
/// the root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub parent: String,
    pub name: String,
    pub is_dir: bool,
}

impl Found {
    pub fn rel(&self) -> String {
        if self.parent.is_empty() {
            self.name.clone()
        } else {
            format!("{}/{}", self.parent, self.name)
        }
    }
}

pub fn in_root(root: BorrowedFd<'_>, rel: &str, flags: OFlag) -> nix::Result<OwnedFd> {
    let path = if rel.is_empty() { "." } else { rel };
    let how = OpenHow::new()
        .flags(flags | OFlag::O_CLOEXEC)
        .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS);
    openat2(root, path, how)
}

/// The directory `path`, open (a root to resolve in).
pub fn in_root_dir(path: &std::path::Path) -> anyhow::Result<OwnedFd> {
    nix::fcntl::open(path, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
        .with_context(|| format!("opening {}", path.display()))
}

/// `src` cleaned to components relative to the root; `..` leaving it is an
/// error.
pub fn clean(src: &str, what: &str) -> anyhow::Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for c in src.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if out.pop().is_none() {
                    bail!("forbidden path outside the {what}: {src}");
                }
            }
            c => out.push(c.to_string()),
        }
    }
    Ok(out)
}

fn has_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '\\'])
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

fn list_dir(root: BorrowedFd<'_>, rel: &str) -> anyhow::Result<Vec<(String, bool)>> {
    let fd = match in_root(root, rel, OFlag::O_RDONLY | OFlag::O_DIRECTORY) {
        Ok(fd) => fd,
        Err(nix::errno::Errno::ENOENT | nix::errno::Errno::ENOTDIR) => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("opening {rel:?}")),
    };
    let mut d = nix::dir::Dir::from_fd(fd).with_context(|| format!("reading {rel:?}"))?;
    let mut names = Vec::new();
    for ent in d.iter() {
        let ent = ent.with_context(|| format!("reading {rel:?}"))?;
        let n = ent.file_name().to_string_lossy().to_string();
        if n != "." && n != ".." {
            names.push(n);
        }
    }
    let dfd = d.as_fd();
    let mut out = Vec::new();
    for n in names {
        if let Ok(st) = fstatat(dfd, n.as_str(), nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW) {
            out.push((n, st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFDIR.bits()));
        }
    }
    out.sort();
    Ok(out)
}

/// The sources `src` names in `root` (a path or a glob), in name order;
/// an error when there are none.
pub fn resolve(root: BorrowedFd<'_>, src: &str, ignore: &dyn Ignore, what: &str) -> anyhow::Result<Vec<Found>> {
    let comps = clean(src, what)?;
    if comps.is_empty() {
        // The root itself: its contents.
        return Ok(vec![Found { parent: String::new(), name: String::new(), is_dir: true }]);
    }
    // Directories reached so far.
    let mut dirs: Vec<String> = vec![String::new()];
    let last = comps.len() - 1;
    let mut found = Vec::new();
    for (i, c) in comps.iter().enumerate() {
        let mut next = Vec::new();
        for d in &dirs {
            let join = |n: &str| if d.is_empty() { n.to_string() } else { format!("{d}/{n}") };
            let candidates: Vec<(String, bool)> = if has_glob(c) {
                glob_tokens(c).map_err(|e| anyhow!("{src}: {e}"))?;
                list_dir(root, d)?.into_iter().filter(|(n, _)| glob_match(c, n).unwrap_or(false)).collect()
            } else {
                let parent = match in_root(root, d, OFlag::O_PATH | OFlag::O_DIRECTORY) {
                    Ok(fd) => fd,
                    Err(_) => continue,
                };
                match fstatat(&parent, c.as_str(), nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW) {
                    Ok(st) => vec![(c.clone(), st.st_mode & SFlag::S_IFMT.bits() == SFlag::S_IFDIR.bits())],
                    Err(_) => {
                        // A symlink on the way resolves inside the root.
                        match in_root(root, &join(c), OFlag::O_PATH | OFlag::O_DIRECTORY) {
                            Ok(_) if i < last => vec![(c.clone(), true)],
                            _ => Vec::new(),
                        }
                    }
                }
            };
            for (n, is_dir) in candidates {
                let rel = join(&n);
                if ignore.ignored(&rel, is_dir) && i == last {
                    continue;
                }
                if i == last {
                    found.push(Found { parent: d.clone(), name: n, is_dir });
                } else if is_dir || in_root(root, &rel, OFlag::O_PATH | OFlag::O_DIRECTORY).is_ok() {
                    next.push(rel);
                }
            }
        }
        dirs = next;
    }
    if found.is_empty() {
        if has_glob(src) {
            bail!("no source files were specified for {src:?} (nothing in the {what} matches)");
        }
        bail!("{src:?}: no such file or directory in the {what}");
    }
    Ok(found)
}

/// Pack `sources` (each named as given) into `out`, leaving out what
/// `ignore` says below directories.
fn pack(root: BorrowedFd<'_>, items: &[(Found, String)], ignore: &dyn Ignore, out: &mut dyn Write) -> io::Result<()> {
    let mut p = rpod_storage::pack::Packer::new(out, rpod_storage::pack::PackOptions::default());
    for (f, tar_name) in items {
        let (s, plen) = (f.rel(), tar_name.len());
        let ignored = collect_ignored(root, &s, f.is_dir, ignore);
        p.skip(Box::new(move |tar: &str, _is_dir: bool| {
            let rest = tar.get(plen..).unwrap_or("").trim_start_matches('/');
            let rel = if s.is_empty() {
                rest.to_string()
            } else if rest.is_empty() {
                s.clone()
            } else {
                format!("{s}/{rest}")
            };
            ignored.contains(&rel)
        }));
        let parent = in_root(root, &f.parent, OFlag::O_RDONLY | OFlag::O_DIRECTORY).map_err(io::Error::from)?;
        if f.name.is_empty() || tar_name.is_empty() {
            let dir = if f.name.is_empty() {
                parent
            } else {
                nix::fcntl::openat(
                    &parent,
                    f.name.as_str(),
                    OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
                    Mode::empty(),
                )
                .map_err(io::Error::from)?
            };
            p.add_contents(dir.as_fd(), tar_name)?;
        } else {
            p.add(parent.as_fd(), std::ffi::OsStr::new(&f.name), tar_name)?;
        }
    }
    p.finish()?.flush()
}

/// The paths below the directory source `rel` that `ignore` leaves out
/// (the Packer's filter looks them up).
fn collect_ignored(
    root: BorrowedFd<'_>,
    rel: &str,
    is_dir: bool,
    ignore: &dyn Ignore,
) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    if !is_dir {
        return out;
    }
    let mut todo = vec![rel.to_string()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = list_dir(root, &d) else { continue };
        for (n, is_dir) in entries {
            let r = if d.is_empty() { n } else { format!("{d}/{n}") };
            if ignore.ignored(&r, is_dir) {
                out.insert(r.clone());
                // A directory left out is not entered by the packer; its
                // exceptions (`!dir/keep`) are not copied then.
                continue;
            }
            if is_dir {
                todo.push(r);
            }
        }
    }
    out
}

/// The content digest of `sources`: names relative to the root, types,
/// modes, owners, sizes, link targets and contents — not times (a touched
/// file with the same content is a cache hit, as in Docker).
pub fn digest(root: BorrowedFd<'_>, sources: &[Found], ignore: &dyn Ignore) -> anyhow::Result<String> {
    let items: Vec<(Found, String)> =
        sources.iter().map(|f| (f.clone(), if f.rel().is_empty() { ".".to_string() } else { f.rel() })).collect();
    let (rd, mut wr) = io::pipe().context("creating a pipe")?;
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let r = pack(root, &items, ignore, &mut wr);
            drop(wr);
            r
        });
        let hashed = hash_tar(rd);
        let packed = producer.join().map_err(|_| anyhow!("the reader of the files to copy panicked"))?;
        packed.context("reading the files to copy")?;
        hashed
    })
}

fn hash_tar(rd: impl Read) -> anyhow::Result<String> {
    let mut h = Sha256::new();
    let mut a = tar::Archive::new(rd);
    for e in a.entries().context("reading the files to copy")? {
        let mut e = e.context("reading the files to copy")?;
        let hd = e.header().clone();
        h.update(e.path_bytes().as_ref());
        h.update([0, hd.entry_type().as_byte()]);
        h.update(format!(
            "\0{:o}\0{}\0{}\0{}\0",
            hd.mode().unwrap_or(0),
            hd.uid().unwrap_or(0),
            hd.gid().unwrap_or(0),
            hd.size().unwrap_or(0)
        ));
        if let Some(l) = e.link_name_bytes() {
            h.update(l.as_ref());
        }
        h.update([0]);
        io::copy(&mut e, &mut HashWrite(&mut h)).context("reading the files to copy")?;
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

struct HashWrite<'a>(&'a mut Sha256);

impl Write for HashWrite<'_> {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.update(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Buildah's content summary in `created_by`: `file:`, `dir:` or `multi:`
/// and the digest.
pub fn summary(sources: &[Found], digest: &str) -> String {
    let kind = match sources {
        [one] if one.is_dir => "dir",
        [_] => "file",
        _ => "multi",
    };
    format!("{kind}:{digest}")
}

/// `ADD` of a local archive (tar, plain, gzip or zstd): extracted into the
/// directory `dest` of `dest_root` (made when missing), every entry owned
/// by `owner`. Returns false (nothing done) when `f` is not an archive.
pub fn add_archive(
    src_root: BorrowedFd<'_>,
    f: &Found,
    dest_root: BorrowedFd<'_>,
    dest: &str,
    owner: (u32, u32),
) -> anyhow::Result<bool> {
    if f.is_dir {
        return Ok(false);
    }
    let parent = in_root(src_root, &f.parent, OFlag::O_PATH | OFlag::O_DIRECTORY).context("opening the source")?;
    // The source itself, never through a symlink.
    let file = nix::fcntl::openat(
        &parent,
        f.name.as_str(),
        OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
        Mode::empty(),
    );
    let Ok(file) = file else { return Ok(false) };
    let st = nix::sys::stat::fstat(&file).context("reading the source")?;
    if st.st_mode & SFlag::S_IFMT.bits() != SFlag::S_IFREG.bits() {
        return Ok(false);
    }
    let path = std::path::PathBuf::from(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&file)));
    let Some(mut stream) = super::context::add_archive(&path).map_err(|e| anyhow!("{e}"))? else { return Ok(false) };
    let rel = clean(dest, "image")?.join("/");
    let dir = make_dirs(dest_root, &rel)?;
    let opts = rpod_storage::extract::CopyOptions {
        what: "the archive",
        ignore_chown_errors: false,
        owner: Some((u64::from(owner.0), u64::from(owner.1))),
    };
    rpod_storage::extract::extract_copy(dir, &mut stream, &opts).with_context(|| format!("extracting {}", f.rel()))?;
    Ok(true)
}

/// The directory `rel` of `root`, made (0755, with its parents) when
/// missing; every component resolved inside the root.
pub fn make_dirs(root: BorrowedFd<'_>, rel: &str) -> anyhow::Result<OwnedFd> {
    let mut at = String::new();
    for c in rel.split('/').filter(|c| !c.is_empty()) {
        let next = if at.is_empty() { c.to_string() } else { format!("{at}/{c}") };
        if in_root(root, &next, OFlag::O_PATH | OFlag::O_DIRECTORY).is_err() {
            let parent =
                in_root(root, &at, OFlag::O_PATH | OFlag::O_DIRECTORY).with_context(|| format!("opening /{at}"))?;
            match nix::sys::stat::mkdirat(&parent, c, Mode::from_bits_truncate(0o755)) {
                Ok(()) | Err(nix::errno::Errno::EEXIST) => {}
                Err(e) => return Err(e).with_context(|| format!("creating /{next}")),
            }
        }
        at = next;
    }
    in_root(root, &at, OFlag::O_RDONLY | OFlag::O_DIRECTORY).with_context(|| format!("opening /{at}"))
}

/// How to copy.
pub struct CopyTo<'a> {
    /// The destination, absolute (relative ones already joined to the
    /// working directory); a trailing `/` kept.
    pub dest: &'a str,
    /// Owner of what is copied (`--chown`, else 0:0).
    pub owner: (u32, u32),
    /// `--chmod`.
    pub mode: Option<u32>,
}

/// Copy `sources` of `src_root` into `dest_root` by Docker's rules: a
/// directory's contents go to the destination; a file goes into it when
/// it ends in `/` or is a directory already, else to that name; several
/// sources need a destination that ends in `/`.
pub fn copy(
    src_root: BorrowedFd<'_>,
    sources: &[Found],
    ignore: &dyn Ignore,
    dest_root: BorrowedFd<'_>,
    to: &CopyTo<'_>,
) -> anyhow::Result<()> {
    let dest_comps = clean(to.dest, "image")?;
    let dest_rel = dest_comps.join("/");
    let slash = to.dest.ends_with('/') || dest_rel.is_empty();
    if sources.len() > 1 && !slash {
        bail!("when using COPY with more than one source file, the destination must be a directory and end with a /");
    }
    let dest_is_dir = slash || in_root(dest_root, &dest_rel, OFlag::O_PATH | OFlag::O_DIRECTORY).is_ok();
    let items: Vec<(Found, String)> = sources
        .iter()
        .map(|f| {
            let name = if f.is_dir || !dest_is_dir {
                dest_rel.clone()
            } else if dest_rel.is_empty() {
                f.name.clone()
            } else {
                format!("{dest_rel}/{}", f.name)
            };
            (f.clone(), name)
        })
        .collect();
    // The destination's directory (created when missing).
    let dir = in_root(dest_root, "", OFlag::O_RDONLY | OFlag::O_DIRECTORY).context("opening the step's root")?;
    let (mut rd, mut wr) = io::pipe().context("creating a pipe")?;
    let mode = to.mode;
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let r = match mode {
                None => pack(src_root, &items, ignore, &mut wr),
                Some(m) => chmod_stream(src_root, &items, ignore, m, &mut wr),
            };
            drop(wr);
            r
        });
        let opts = rpod_storage::extract::CopyOptions {
            what: "the files to copy",
            ignore_chown_errors: false,
            owner: Some((u64::from(to.owner.0), u64::from(to.owner.1))),
        };
        let extracted = rpod_storage::extract::extract_copy(dir, &mut rd, &opts);
        drop(rd);
        let packed = producer.join().map_err(|_| anyhow!("the reader of the files to copy panicked"))?;
        extracted.context("copying the files")?;
        packed.context("reading the files to copy")?;
        Ok(())
    })
}

/// The packed stream with every mode set to `mode` (`--chmod`).
fn chmod_stream(
    root: BorrowedFd<'_>,
    items: &[(Found, String)],
    ignore: &dyn Ignore,
    mode: u32,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (rd, mut wr) = io::pipe()?;
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            let r = pack(root, items, ignore, &mut wr);
            drop(wr);
            r
        });
        let mut b = tar::Builder::new(out);
        let rewritten = (|| {
            let mut a = tar::Archive::new(rd);
            for e in a.entries()? {
                let mut e = e?;
                let mut h = e.header().clone();
                h.set_mode(mode);
                let path = e.path_bytes().into_owned();
                let path = String::from_utf8_lossy(&path).to_string();
                match e.link_name_bytes().map(|l| l.into_owned()) {
                    Some(l) if h.entry_type().is_symlink() || h.entry_type().is_hard_link() => {
                        b.append_link(&mut h, &path, String::from_utf8_lossy(&l).as_ref())?;
                    }
                    _ => b.append_data(&mut h, &path, &mut e)?,
                }
            }
            b.into_inner()?.flush()
        })();
        let packed = producer.join().map_err(|_| io::Error::other("the packer panicked"))?;
        rewritten.and(packed)
    })
}

/// `--chmod=OCTAL`.
pub fn parse_chmod(s: &str) -> anyhow::Result<u32> {
    u32::from_str_radix(s, 8)
        .ok()
        .filter(|m| *m <= 0o7777)
        .ok_or_else(|| anyhow!("invalid --chmod {s:?}: an octal mode is needed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_and_globs() {
        assert_eq!(clean("./a/../b/", "build context").unwrap(), vec!["b".to_string()]);
        assert!(clean("../x", "build context").is_err());
        assert!(clean("a/../../x", "build context").is_err());
        assert_eq!(clean("/a/b", "build context").unwrap(), vec!["a".to_string(), "b".to_string()]);
        assert!(glob_match("*.t[x]t", "a.txt").unwrap() && !glob_match("*.t[x]t", "a.tyt").unwrap());
        assert!(glob_match("[^a]?", "bc").unwrap());
        assert!(glob_match("a[", "a").is_err());
    }

    #[test]
    fn resolve_copy_and_digest() {
        let t = tempfile::tempdir().unwrap();
        let ctx = t.path().join("ctx");
        let dest = t.path().join("dest");
        std::fs::create_dir_all(ctx.join("dir/sub")).unwrap();
        std::fs::create_dir_all(&dest).unwrap();
        std::fs::write(ctx.join("a.txt"), "a").unwrap();
        std::fs::write(ctx.join("b.txt"), "b").unwrap();
        std::fs::write(ctx.join("dir/sub/f"), "f").unwrap();
        std::fs::write(t.path().join("secret"), "s").unwrap();
        std::os::unix::fs::symlink("../secret", ctx.join("out")).unwrap();
        std::os::unix::fs::symlink("/", ctx.join("rootlink")).unwrap();
        let open = |p: &std::path::Path| {
            nix::fcntl::open(p, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()).unwrap()
        };
        let (c, d) = (open(&ctx), open(&dest));
        let found = resolve(c.as_fd(), "*.txt", &KeepAll, "build context").unwrap();
        assert_eq!(found.iter().map(Found::rel).collect::<Vec<_>>(), ["a.txt", "b.txt"]);
        assert!(resolve(c.as_fd(), "../secret", &KeepAll, "build context").is_err());
        // Through a symlink out of the context: resolved inside it, missing.
        assert!(resolve(c.as_fd(), "rootlink/secret", &KeepAll, "build context").is_err());
        let d1 = digest(c.as_fd(), &found, &KeepAll).unwrap();
        std::fs::write(ctx.join("b.txt"), "B").unwrap();
        assert_ne!(d1, digest(c.as_fd(), &found, &KeepAll).unwrap());
        let own = (nix::unistd::geteuid().as_raw(), nix::unistd::getegid().as_raw());
        let to = |dest: &'static str| CopyTo { dest, owner: own, mode: None };
        assert!(copy(c.as_fd(), &found, &KeepAll, d.as_fd(), &to("/x")).is_err());
        copy(c.as_fd(), &found, &KeepAll, d.as_fd(), &to("/x/")).unwrap();
        assert_eq!(std::fs::read_to_string(dest.join("x/b.txt")).unwrap(), "B");
        let dir = resolve(c.as_fd(), "dir", &KeepAll, "build context").unwrap();
        copy(c.as_fd(), &dir, &KeepAll, d.as_fd(), &to("/app")).unwrap();
        assert!(dest.join("app/sub/f").is_file());
        let one = resolve(c.as_fd(), "a.txt", &KeepAll, "build context").unwrap();
        copy(c.as_fd(), &one, &KeepAll, d.as_fd(), &CopyTo { dest: "/app", owner: own, mode: Some(0o600) }).unwrap();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(dest.join("app/a.txt")).unwrap().permissions().mode() & 0o7777, 0o600);
        // The symlink itself is copied, never what it points to.
        let l = resolve(c.as_fd(), "out", &KeepAll, "build context").unwrap();
        copy(c.as_fd(), &l, &KeepAll, d.as_fd(), &to("/l")).unwrap();
        assert!(std::fs::symlink_metadata(dest.join("l")).unwrap().file_type().is_symlink());
    }
}
