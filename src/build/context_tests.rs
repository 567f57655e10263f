//! Build contexts: opening every kind, resolving COPY sources, and the
//! hostile cases (paths and symlinks out of the context, tar entries
//! escaping the unpack directory).

use std::io::Cursor;
use std::os::unix::fs::symlink;

use std::os::fd::AsFd;

use super::*;
use crate::build::copy::{self, glob_match};

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        if let Some(target) = content.strip_prefix("->") {
            symlink(target, &p).unwrap();
        } else if path.ends_with('/') {
            fs::create_dir_all(&p).unwrap();
        } else {
            fs::write(&p, content).unwrap();
        }
    }
    dir
}

/// The sources `pattern` names in `root` ([`copy::resolve`], the build's
/// one resolver), as root-relative paths.
fn found(root: &Path, ignore: &str, pattern: &str) -> anyhow::Result<Vec<String>> {
    let fd = dir_fd(root);
    let rules = Ignore::parse(ignore, ".dockerignore").unwrap();
    copy::resolve(fd.as_fd(), pattern, &rules, "build context").map(|v| v.iter().map(copy::Found::rel).collect())
}

fn dir_fd(root: &Path) -> std::os::fd::OwnedFd {
    nix::fcntl::open(
        root,
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )
    .unwrap()
}

fn digest(root: &Path, ignore: &str, pattern: &str) -> String {
    let fd = dir_fd(root);
    let rules = Ignore::parse(ignore, ".dockerignore").unwrap();
    let f = copy::resolve(fd.as_fd(), pattern, &rules, "build context").unwrap();
    copy::digest(fd.as_fd(), &f, &rules).unwrap()
}

#[test]
fn glob_matching_is_go_filepath_match() {
    let yes = [
        ("*", "abc"),
        ("*", ".hidden"),
        ("a*c", "abbc"),
        ("?b", "ab"),
        ("[a-c]x", "bx"),
        ("[^a-c]x", "dx"),
        ("\\*", "*"),
        ("*.txt", "a.txt"),
    ];
    for (p, n) in yes {
        assert!(glob_match(p, n).unwrap(), "{p} {n}");
    }
    let no = [("a*c", "abd"), ("?", ""), ("[a-c]x", "dx"), ("[^a-c]x", "ax"), ("\\*", "a"), ("*.txt", "a.txtx")];
    for (p, n) in no {
        assert!(!glob_match(p, n).unwrap(), "{p} {n}");
    }
    assert!(glob_match("[a-", "a").is_err());
    assert!(glob_match("[z-a]", "b").is_err());
    // No exponential backtracking.
    let t = std::time::Instant::now();
    assert!(!glob_match(&"*a".repeat(30), &"a".repeat(29)).unwrap());
    assert!(!glob_match("*a*a*a*a*a*a*a*a*a*b", &"a".repeat(250)).unwrap());
    assert!(t.elapsed() < std::time::Duration::from_secs(1));
    assert!(glob_match("x\\", "x").is_err());
}

#[test]
fn files_globs_and_directories() {
    let ctx = tree(&[
        ("app/main.go", "package main"),
        ("app/sub/util.go", "package sub"),
        ("a.txt", "a"),
        ("b.txt", "b"),
        ("c.log", "c"),
        ("app/link", "->main.go"),
    ]);
    assert_eq!(found(ctx.path(), "", "a.txt").unwrap(), ["a.txt"]);
    assert_eq!(found(ctx.path(), "", "/*.txt").unwrap(), ["a.txt", "b.txt"]);
    assert_eq!(found(ctx.path(), "", "./c.log").unwrap(), ["c.log"]);
    assert_eq!(found(ctx.path(), "", "app/*/*.go").unwrap(), ["app/sub/util.go"]);
    assert_eq!(found(ctx.path(), "", "app/link").unwrap(), ["app/link"]);
    let e = found(ctx.path(), "", "nope*").unwrap_err();
    assert!(e.to_string().contains("nothing in the build context matches"), "{e}");
    assert!(found(ctx.path(), "", "missing/file").is_err());
    assert!(found(ctx.path(), "", "[a-").is_err());
}

#[test]
fn ignore_rules_apply_to_sources_and_directories() {
    let ctx = tree(&[
        ("src/main.rs", "fn main() {}"),
        ("src/secret.key", "k"),
        ("docs/a.md", "a"),
        ("docs/keep.md", "keep"),
        ("target/debug/app", "bin"),
        ("notes.md", "n"),
    ]);
    let ignore = "target\n*.key\n**/*.key\ndocs\n!docs/keep.md\n";
    assert!(found(ctx.path(), ignore, "target/debug/app").is_err(), "an ignored file is not in the context");
    assert_eq!(found(ctx.path(), ignore, "src/*").unwrap(), ["src/main.rs"], "the ignored match is dropped");
    // What is left out of a directory is out of its digest too.
    let all = digest(ctx.path(), ignore, ".");
    fs::write(ctx.path().join("src/secret.key"), "changed").unwrap();
    fs::write(ctx.path().join("docs/a.md"), "changed").unwrap();
    assert_eq!(digest(ctx.path(), ignore, "."), all);
    fs::write(ctx.path().join("docs/keep.md"), "changed").unwrap();
    assert_ne!(digest(ctx.path(), ignore, "."), all, "an exception is copied");
}

#[test]
fn digest_follows_content_and_mode_not_times() {
    let ctx = tree(&[("d/a", "one"), ("d/b", "two")]);
    let first = digest(ctx.path(), "", "d");
    assert_eq!(first, digest(ctx.path(), "", "d"));
    // Touching a file (time only) keeps the digest.
    let f = fs::File::options().append(true).open(ctx.path().join("d/a")).unwrap();
    f.set_modified(std::time::SystemTime::UNIX_EPOCH).unwrap();
    assert_eq!(digest(ctx.path(), "", "d"), first);
    fs::write(ctx.path().join("d/a"), "ONE").unwrap();
    let changed = digest(ctx.path(), "", "d");
    assert_ne!(changed, first);
    fs::set_permissions(ctx.path().join("d/a"), fs::Permissions::from_mode(0o600)).unwrap();
    assert_ne!(digest(ctx.path(), "", "d"), changed);
    // The matched name is part of it (it names the file in the destination).
    fs::write(ctx.path().join("x"), "same").unwrap();
    fs::write(ctx.path().join("y"), "same").unwrap();
    assert_ne!(digest(ctx.path(), "", "x"), digest(ctx.path(), "", "y"));
}

#[test]
fn hostile_paths_and_symlinks_stay_inside() {
    let outside = tree(&[("secret", "host secret")]);
    let secret = outside.path().join("secret");
    let ctx = tree(&[("ok", "fine"), ("abs", &format!("->{}", secret.display())), ("dir/up", "->../..")]);
    for p in ["../x", "a/../../x", ".."] {
        let e = found(ctx.path(), "", p).unwrap_err();
        assert!(e.to_string().starts_with("forbidden path outside the build context"), "{p}: {e}");
    }
    // A link leading out resolves inside the context (as in a chroot):
    // `dir/up` is the context's root, not its parent.
    assert_eq!(found(ctx.path(), "", "dir/up/ok").unwrap(), ["dir/up/ok"]);
    let outside_name = format!("dir/up/{}", outside.path().file_name().unwrap().to_str().unwrap());
    assert!(found(ctx.path(), "", &format!("{outside_name}/secret")).is_err());
    // Copied, a link stays a link: nothing outside is read.
    let dest = tempfile::tempdir().unwrap();
    let (c, d) = (dir_fd(ctx.path()), dir_fd(dest.path()));
    let f = copy::resolve(c.as_fd(), "abs", &copy::KeepAll, "build context").unwrap();
    let own = (nix::unistd::geteuid().as_raw(), nix::unistd::getegid().as_raw());
    copy::copy(c.as_fd(), &f, &copy::KeepAll, d.as_fd(), &copy::CopyTo { dest: "/abs", owner: own, mode: None })
        .unwrap();
    assert_eq!(fs::read_link(dest.path().join("abs")).unwrap(), secret);
}

fn tar_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_entry_type(tar::EntryType::Regular);
        // set_path refuses "..": write the raw name, as a hostile tar would.
        let raw = &mut h.as_old_mut().name;
        raw[..name.len()].copy_from_slice(name.as_bytes());
        h.set_cksum();
        b.append(&h, *data).unwrap();
    }
    b.into_inner().unwrap()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn opts<'a>(context: &'a str, file: Option<&'a str>, tmp: &'a Path) -> OpenOptions<'a> {
    OpenOptions { context: Some(context), file, ignorefile: None, tmp_dir: Some(tmp) }
}

#[test]
fn directory_contexts_find_their_containerfile() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx =
        tree(&[("Dockerfile", "FROM docker\n"), ("sub/other.Containerfile", "FROM other\n"), (".dockerignore", "x\n")]);
    let c = ctx.path().to_str().unwrap();
    let mut no_stdin = io::empty();
    let b = open(&opts(c, None, tmp.path()), &mut no_stdin).unwrap();
    assert_eq!(b.containerfile.text, "FROM docker\n");
    assert_eq!(b.root(), fs::canonicalize(ctx.path()).unwrap());
    assert_eq!(b.ignore.patterns(), ["x"]);
    fs::write(ctx.path().join("Containerfile"), "FROM containerfile\n").unwrap();
    let b = open(&opts(c, None, tmp.path()), &mut no_stdin).unwrap();
    assert_eq!(b.containerfile.text, "FROM containerfile\n", "Containerfile before Dockerfile");
    let b = open(&opts(c, Some("sub/other.Containerfile"), tmp.path()), &mut no_stdin).unwrap();
    assert_eq!(b.containerfile.text, "FROM other\n", "-f relative to the context when not in the current directory");
    let b = open(&opts(c, Some("-"), tmp.path()), &mut Cursor::new("FROM stdin\n")).unwrap();
    assert_eq!((b.containerfile.text.as_str(), b.containerfile.path.as_path()), ("FROM stdin\n", Path::new("-")));

    // No context argument: the directory of -f.
    let file = ctx.path().join("sub/other.Containerfile");
    let o = OpenOptions { context: None, file: file.to_str(), ignorefile: None, tmp_dir: Some(tmp.path()) };
    let b = open(&o, &mut no_stdin).unwrap();
    assert_eq!(b.root(), fs::canonicalize(ctx.path().join("sub")).unwrap());

    let empty = tempfile::tempdir().unwrap();
    let e = open(&opts(empty.path().to_str().unwrap(), None, tmp.path()), &mut no_stdin).unwrap_err();
    assert!(e.to_string().starts_with("no Containerfile or Dockerfile specified or found in context directory"), "{e}");
    let e = open(&opts(c, Some("nope"), tmp.path()), &mut no_stdin).unwrap_err();
    assert_eq!(e.to_string(), "the Containerfile nope does not exist");
    let e = open(&opts("-", Some("-"), tmp.path()), &mut no_stdin).unwrap_err();
    assert!(e.to_string().contains("both"), "{e}");
    assert!(open(&opts("/nonexistent/ctx", None, tmp.path()), &mut no_stdin).is_err());
}

#[test]
fn tar_contexts_from_stdin_and_files() {
    let tmp = tempfile::tempdir().unwrap();
    let tar = tar_of(&[("Containerfile", b"FROM tar\n"), ("app/a.txt", b"a"), ("custom.df", b"FROM custom\n")]);
    let b = open(&opts("-", None, tmp.path()), &mut Cursor::new(tar.clone())).unwrap();
    assert_eq!(b.containerfile.text, "FROM tar\n");
    assert_eq!(fs::read(b.root().join("app/a.txt")).unwrap(), b"a");
    assert_eq!(found(b.root(), "", "app/*").unwrap(), ["app/a.txt"]);
    let root = b.root().to_path_buf();
    assert!(root.starts_with(tmp.path()));
    drop(b);
    assert!(!root.exists(), "an unpacked context goes with the BuildContext");

    // A gzip'd tar file on disk, -f inside it.
    let file = tmp.path().join("ctx.tar.gz");
    fs::write(&file, gzip(&tar)).unwrap();
    let b = open(&opts(file.to_str().unwrap(), Some("custom.df"), tmp.path()), &mut io::empty()).unwrap();
    assert_eq!(b.containerfile.text, "FROM custom\n");
    assert!(matches!(
        open(&opts(file.to_str().unwrap(), Some("../../etc/passwd"), tmp.path()), &mut io::empty()),
        Err(ContextError::Outside(_))
    ));

    // A Containerfile on stdin: an empty context.
    let b = open(&opts("-", None, tmp.path()), &mut Cursor::new("FROM plain\n")).unwrap();
    assert_eq!(b.containerfile.text, "FROM plain\n");
    assert_eq!(fs::read_dir(b.root()).unwrap().count(), 0);
    // A Containerfile named as the context: its directory is the context.
    let dir = tree(&[("Custom", "FROM named\n"), ("f", "x")]);
    let b = open(&opts(dir.path().join("Custom").to_str().unwrap(), None, tmp.path()), &mut io::empty()).unwrap();
    assert_eq!(b.containerfile.text, "FROM named\n");
    assert_eq!(b.root(), fs::canonicalize(dir.path()).unwrap());
}

#[test]
fn hostile_tar_contexts_write_nothing_outside() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    fs::create_dir(&work).unwrap();
    let tar = tar_of(&[("Containerfile", b"FROM x\n"), ("../escaped", b"evil")]);
    let e = open(&opts("-", None, &work), &mut Cursor::new(tar)).unwrap_err();
    assert!(e.to_string().contains("unpacking") && e.to_string().contains("../escaped"), "{e}");
    assert!(!tmp.path().join("escaped").exists() && !work.join("escaped").exists());

    // A symlink entry out of the directory, then a file through it: refused,
    // nothing written through the link.
    let header = |kind: tar::EntryType, size: u64| {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_size(size);
        h.set_mode(0o755);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h
    };
    let mut b = tar::Builder::new(Vec::new());
    b.append_data(&mut header(tar::EntryType::Regular, 7), "Containerfile", &b"FROM x\n"[..]).unwrap();
    b.append_link(&mut header(tar::EntryType::Symlink, 0), "root", tmp.path()).unwrap();
    let link_only = b.get_ref().clone();
    b.append_data(&mut header(tar::EntryType::Regular, 4), "root/planted", &b"evil"[..]).unwrap();
    let data = b.into_inner().unwrap();
    assert!(open(&opts("-", None, &work), &mut Cursor::new(data)).is_err());
    assert!(!tmp.path().join("planted").exists(), "nothing written through the link");

    // The link alone unpacks; COPY through it stays in the context.
    let mut link_only = link_only;
    link_only.extend_from_slice(&[0; 1024]);
    let ctx = open(&opts("-", None, &work), &mut Cursor::new(link_only)).unwrap();
    assert_eq!(ctx.containerfile.text, "FROM x\n");
    fs::write(tmp.path().join("outside"), "host").unwrap();
    assert!(found(ctx.root(), "", "root/outside").is_err());
}

/// A loopback HTTP server answering each request in turn with
/// (status line, extra headers, body).
fn serve(answers: Vec<(&'static str, &'static str, Vec<u8>)>) -> (u16, std::thread::JoinHandle<()>) {
    use std::io::BufRead;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        for (status, headers, body) in answers {
            let (mut s, _) = listener.accept().unwrap();
            let mut r = io::BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            while r.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            write!(s, "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len())
                .unwrap();
            s.write_all(&body).unwrap();
        }
    });
    (port, server)
}

#[test]
fn url_contexts_are_downloaded() {
    let tar = gzip(&tar_of(&[("Containerfile", b"FROM url\n"), ("f", b"x")]));
    let (port, server) = serve(vec![
        ("200 OK", "", tar),
        ("200 OK", "", b"FROM plain-url\n".to_vec()),
        ("404 Not Found", "", Vec::new()),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let url = format!("http://127.0.0.1:{port}/ctx.tar.gz");
    let b = open(&opts(&url, None, tmp.path()), &mut io::empty()).unwrap();
    assert_eq!(b.containerfile.text, "FROM url\n");
    assert_eq!(fs::read(b.root().join("f")).unwrap(), b"x");
    let b = open(&opts(&url, None, tmp.path()), &mut io::empty()).unwrap();
    assert_eq!(b.containerfile.text, "FROM plain-url\n");
    let e = open(&opts(&url, None, tmp.path()), &mut io::empty()).unwrap_err();
    assert!(e.to_string().contains("404"), "{e}");
    server.join().unwrap();
}

#[test]
fn add_downloads_urls() {
    let body = b"binary content".to_vec();
    let sha = format!("{:x}", Sha256::digest(&body));
    let (port, server) = serve(vec![
        ("200 OK", "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\n", body.clone()),
        ("200 OK", "Content-Disposition: attachment; filename=\"../named.tgz\"\r\n", body.clone()),
        ("200 OK", "", body.clone()),
        ("200 OK", "", body.clone()),
        ("500 Internal Server Error", "", b"oops".to_vec()),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let checksum = format!("sha256:{sha}");
    let d = download_for_add(&format!("{base}/files/app.bin?x=1"), dir.path(), Some(&checksum)).unwrap();
    assert_eq!(d.name.as_deref(), Some("app.bin"));
    assert_eq!((d.digest.as_str(), d.size, d.mtime), (checksum.as_str(), body.len() as u64, Some(784_111_777)));
    assert_eq!(fs::read(&d.file).unwrap(), body);
    assert_eq!(fs::metadata(&d.file).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(d.file.starts_with(dir.path()));

    let d = download_for_add(&format!("{base}/dl?id=3"), dir.path(), None).unwrap();
    assert_eq!(d.name.as_deref(), Some("named.tgz"), "Content-Disposition wins, reduced to a bare name");
    let d = download_for_add(&format!("{base}/"), dir.path(), None).unwrap();
    assert_eq!(d.name, None);

    let before = fs::read_dir(dir.path()).unwrap().count();
    let wrong = format!("sha256:{}", "0".repeat(64));
    let e = download_for_add(&format!("{base}/x"), dir.path(), Some(&wrong)).unwrap_err();
    assert!(e.to_string().contains("digest mismatch"), "{e}");
    let e = download_for_add(&format!("{base}/x"), dir.path(), None).unwrap_err();
    assert!(e.to_string().contains("500"), "{e}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), before, "failed downloads leave nothing");
    assert!(download_for_add(&format!("{base}/x"), dir.path(), Some("md5:abc"))
        .unwrap_err()
        .to_string()
        .contains("invalid checksum"));
    server.join().unwrap();
}

#[test]
fn add_unpacks_local_archives_only() {
    let dir = tempfile::tempdir().unwrap();
    let tar = tar_of(&[("a/b.txt", b"inside")]);
    for (name, data) in [("plain.tar", tar.clone()), ("packed.tar.gz", gzip(&tar)), ("oddly.named", gzip(&tar))] {
        let p = dir.path().join(name);
        fs::write(&p, data).unwrap();
        let stream = add_archive(&p).unwrap().unwrap_or_else(|| panic!("{name} is an archive"));
        let mut a = tar::Archive::new(stream);
        let names: Vec<String> =
            a.entries().unwrap().map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a/b.txt"], "{name}");
    }
    for (name, data) in [("text.tar", b"not a tar at all".to_vec()), ("small.gz", gzip(b"tiny")), ("empty", Vec::new())]
    {
        let p = dir.path().join(name);
        fs::write(&p, data).unwrap();
        assert!(add_archive(&p).unwrap().is_none(), "{name} is copied as it is");
    }
    let p = dir.path().join("x.tar.bz2");
    fs::write(&p, b"BZh91AY&SYxxxx").unwrap();
    match add_archive(&p) {
        Err(e) => assert!(e.to_string().contains("bzip2"), "{e}"),
        Ok(_) => panic!("bzip2 is not unpacked, nor copied silently"),
    }
}

#[test]
fn http_dates() {
    assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
    assert_eq!(parse_http_date("garbage"), None);
    assert_eq!(disposition_filename("attachment; filename=\"a.tar\""), Some("a.tar".into()));
    assert_eq!(disposition_filename("inline"), None);
}
