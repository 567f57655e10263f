//! Container networking through the CLI, rootless and as root: the
//! `--network` modes, published ports (`-p`, `-P`, `--expose`) and how
//! `port`, `ps` and `inspect` report them. Traffic goes only to 127.0.0.1
//! and into namespaces the tests create.

use std::path::Path;

use rpod_testbed::bed::{describe, text};
use rpod_testbed::engine::{each_mode, Eng};

/// Fails with exit 125 and a message containing `needle`.
#[track_caller]
fn fails(n: &Eng, args: &[&str], needle: &str) {
    let out = n.run(args);
    assert_eq!(out.status.code(), Some(125), "{:?} rpod {args:?}\n{}", n.mode, describe(&out));
    assert!(text(&out.stderr).contains(needle), "{:?} rpod {args:?}: wanted {needle:?}\n{}", n.mode, describe(&out));
}

/// The inode of a network namespace file as `readlink` shows it: `net:[N]`.
fn netns_of(path: &Path) -> String {
    use std::os::unix::fs::MetadataExt;
    format!("net:[{}]", std::fs::metadata(path).unwrap().ino())
}

#[test]
fn network_modes() {
    let host_ns = netns_of(Path::new("/proc/self/ns/net"));
    each_mode("net-modes", |n| {
        let ns = |args: &[&str]| {
            let mut a = vec!["run", "--rm"];
            a.extend(args);
            a.extend([n.image.as_str(), "readlink", "/proc/self/ns/net"]);
            n.ok(&a).trim().to_string()
        };
        // none and private: a namespace of its own with only loopback.
        for mode in ["none", "private"] {
            assert_ne!(ns(&["--network", mode]), host_ns, "{mode}");
            let links = n.ok(&["run", "--rm", "--network", mode, &n.image, "ls", "/sys/class/net"]);
            assert_eq!(links, "lo\n", "{mode}");
        }
        // host: the host's namespace.
        assert_eq!(ns(&["--network", "host"]), host_ns);
        assert_eq!(ns(&["--net=host"]), host_ns);
        // container:NAME joins the other container's namespace.
        n.ok(&["run", "-d", "--name", "first", "--network", "none", &n.image, "sleep", "1000"]);
        let first = n.ok(&["exec", "first", "readlink", "/proc/self/ns/net"]).trim().to_string();
        assert_ne!(first, host_ns);
        assert_eq!(ns(&["--network", "container:first"]), first);
        let doc = n.inspect("first");
        let id = doc["Id"].as_str().unwrap();
        n.ok(&["create", "--name", "second", "--network", "container:first", &n.image, "true"]);
        assert_eq!(n.inspect("second")["HostConfig"]["NetworkMode"], format!("container:{id}"));
        assert_eq!(n.inspect("first")["HostConfig"]["NetworkMode"], "none");
        // ns:PATH joins a namespace file: the first container's, by its PID.
        let pid = doc["State"]["Pid"].as_i64().unwrap();
        assert_eq!(ns(&["--network", &format!("ns:/proc/{pid}/ns/net")]), first);
        n.ok(&["rm", "-f", "-t", "0", "second", "first"]);
        // Bad values: a clear error, exit 125, nothing created.
        fails(n, &["create", "--network", "container:nosuch", &n.image], "nosuch");
        fails(n, &["create", "--network", "ns:/nonexistent/ns", &n.image], "/nonexistent/ns");
        fails(n, &["create", "--network", "ns:relative", &n.image], "absolute");
        fails(n, &["create", "--network", "none:x", &n.image], "takes no options");
        fails(n, &["create", "--network", "host", "--network", "none", &n.image], "more than once");
        fails(n, &["create", "--network", "slirp4netns:bogus=1", &n.image], "bogus");
        // Ports need a network the host can forward to.
        fails(n, &["create", "--network", "none", "-p", "8080:80", &n.image], "cannot be published");
        fails(n, &["create", "--network", "host", "-p", "8080:80", &n.image], "cannot be published");
        fails(n, &["create", "--network", "none", "-p", "8080:0", &n.image], "port numbers");
        fails(n, &["create", "--network", "none", "-p", "8000-8005:80", &n.image], "same length");
        fails(n, &["create", "--network", "none", "--expose", "x", &n.image], "--expose x");
        assert_eq!(n.ok(&["ps", "-aq"]), "");
    });
}
