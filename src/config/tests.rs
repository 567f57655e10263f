use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::*;

/// A fake filesystem root: `etc/`, `share/`, `user/`.
struct Fx {
    dir: tempfile::TempDir,
    env: HashMap<String, String>,
    rootless: bool,
}

impl Fx {
    fn new() -> Fx {
        Fx { dir: tempfile::tempdir().unwrap(), env: HashMap::new(), rootless: true }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, text).unwrap();
        p
    }

    fn set_env(&mut self, var: &str, rel: &str) {
        let p = self.path(rel);
        self.env.insert(var.to_string(), p.to_string_lossy().into_owned());
    }

    fn sources(&self) -> Sources {
        Sources {
            etc_dir: self.path("etc"),
            share_dir: self.path("share"),
            user_dir: Some(self.path("user")),
            rootless: self.rootless,
            env: self.env.clone(),
        }
    }

    fn load(&self) -> Result<Config, ConfigError> {
        Config::load(&self.sources())
    }

    fn rel(&self, files: &[PathBuf]) -> Vec<String> {
        files.iter().map(|f| f.strip_prefix(self.dir.path()).unwrap().to_string_lossy().into_owned()).collect()
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

// ---------------------------------------------------------------------------
// registries.conf

#[test]
fn registries_absent_is_empty() {
    let fx = Fx::new();
    let c = fx.load().unwrap();
    assert!(c.registries.search_registries().is_empty());
    assert!(c.registries.registries().is_empty());
    assert_eq!(c.registries.short_name_mode(), ShortNameMode::Permissive);
    assert_eq!(c.registries.credential_helpers(), vec!["containers-auth.json"]);
    assert!(c.files.is_empty());
}

#[test]
fn registries_system_file_and_drop_ins_merge() {
    let fx = Fx::new();
    fx.write(
        "etc/registries.conf",
        r#"
unqualified-search-registries = ["docker.io", "quay.io"]
short-name-mode = "enforcing"

[[registry]]
location = "a.example.com"

[[registry]]
prefix = "b.example.com/ns"
location = "b-internal.example.com/ns"
insecure = false

[aliases]
"foo" = "quay.io/foo/foo"
"bar" = "quay.io/bar/bar"
"#,
    );
    // Drop-ins are applied in file-name order: 10 then 20.
    fx.write(
        "etc/registries.conf.d/20-later.conf",
        r#"
short-name-mode = "disabled"
[[registry]]
prefix = "b.example.com/ns"
location = "b-from-20.example.com/ns"
"#,
    );
    fx.write(
        "etc/registries.conf.d/10-first.conf",
        r#"
[[registry]]
prefix = "b.example.com/ns"
location = "b-from-10.example.com/ns"
insecure = true

[[registry]]
location = "c.example.com"

[aliases]
"foo" = "docker.io/foo"
"bar" = ""
"#,
    );
    fx.write("etc/registries.conf.d/not-a-drop-in.txt", "this is not toml at all [[[");
    fx.write("etc/registries.conf.d/sub.conf/x.conf", "not read either [[[");
    fx.write(
        "user/registries.conf.d/50-user.conf",
        "unqualified-search-registries = [\"registry.fedoraproject.org\"]\n",
    );

    let c = fx.load().unwrap();
    let r = &c.registries;
    assert_eq!(
        fx.rel(&c.files),
        vec![
            "etc/registries.conf",
            "etc/registries.conf.d/10-first.conf",
            "etc/registries.conf.d/20-later.conf",
            "user/registries.conf.d/50-user.conf",
        ]
    );
    // The user's drop-in replaced the search list (not merged).
    assert_eq!(strs(r.search_registries()), vec!["registry.fedoraproject.org"]);
    assert_eq!(r.search_registries_origin(), Some(fx.path("user/registries.conf.d/50-user.conf").as_path()));
    assert_eq!(r.short_name_mode(), ShortNameMode::Disabled);
    // Entries merged by prefix, later file wins; result sorted by prefix.
    let prefixes: Vec<&str> = r.registries().iter().map(|r| r.prefix.as_str()).collect();
    assert_eq!(prefixes, vec!["a.example.com", "b.example.com/ns", "c.example.com"]);
    let b = r.find_registry("b.example.com/ns/img:1").unwrap();
    assert_eq!(b.location, "b-from-20.example.com/ns");
    assert!(!b.insecure, "the whole entry is replaced, not merged field by field");
    // Aliases merge key by key; "" erases; docker.io names are normalized.
    assert_eq!(r.alias("foo"), Some("docker.io/library/foo"));
    assert_eq!(r.alias("bar"), None);
}

#[test]
fn registries_user_file_replaces_system_file_and_system_drop_ins() {
    let fx = Fx::new();
    fx.write("etc/registries.conf", "unqualified-search-registries = [\"system.example.com\"]\n");
    fx.write("etc/registries.conf.d/shortnames.conf", "[aliases]\n\"sys\" = \"quay.io/sys/sys\"\n");
    fx.write(
        "user/registries.conf",
        "[[registry]]\nlocation = \"user.example.com\"\n", // no search list: system's is NOT inherited
    );
    fx.write("user/registries.conf.d/a.conf", "[aliases]\n\"mine\" = \"quay.io/me/mine\"\n");
    let c = fx.load().unwrap();
    assert_eq!(fx.rel(&c.files), vec!["user/registries.conf", "user/registries.conf.d/a.conf"]);
    assert!(c.registries.search_registries().is_empty());
    assert_eq!(c.registries.alias("sys"), None);
    assert_eq!(c.registries.alias("mine"), Some("quay.io/me/mine"));
    assert!(c.registries.find_registry("user.example.com/x").is_some());
}

#[test]
fn registries_env_var_wins() {
    let mut fx = Fx::new();
    fx.write("etc/registries.conf", "unqualified-search-registries = [\"system.example.com\"]\n");
    fx.write("user/registries.conf", "unqualified-search-registries = [\"user.example.com\"]\n");
    fx.write("etc/registries.conf.d/a.conf", "[aliases]\n\"sys\" = \"quay.io/sys/sys\"\n");
    fx.write("custom.conf", "unqualified-search-registries = [\"env.example.com\"]\n");
    fx.set_env(ENV_REGISTRIES_CONF, "custom.conf");
    let c = fx.load().unwrap();
    assert_eq!(strs(c.registries.search_registries()), vec!["env.example.com"]);
    // Like containers/image (and podman): drop-ins still apply on top.
    assert_eq!(fx.rel(&c.files), vec!["custom.conf", "etc/registries.conf.d/a.conf"]);
    assert_eq!(c.registries.alias("sys"), Some("quay.io/sys/sys"));

    // A missing file named by the variable is an error.
    fx.set_env(ENV_REGISTRIES_CONF, "missing.conf");
    let e = fx.load().unwrap_err();
    assert!(matches!(e, ConfigError::MissingEnvFile { var: ENV_REGISTRIES_CONF, .. }), "{e}");
    assert!(e.to_string().contains("missing.conf"), "{e}");
    // An empty value counts as unset.
    fx.env.insert(ENV_REGISTRIES_CONF.into(), String::new());
    assert_eq!(strs(fx.load().unwrap().registries.search_registries()), vec!["user.example.com"]);
}

#[test]
fn registries_v1_format() {
    let fx = Fx::new();
    fx.write(
        "etc/registries.conf",
        r#"
[registries.search]
registries = ['registry1.com', 'registry2.com/']

[registries.insecure]
registries = ['registry3.com', 'registry4.com']

[registries.block]
registries = ['registry.untrusted.com', 'registry4.com']
"#,
    );
    let c = fx.load().unwrap();
    let r = &c.registries;
    assert_eq!(strs(r.search_registries()), vec!["registry1.com", "registry2.com"]);
    let get = |p: &str| r.registries().iter().find(|r| r.prefix == p).unwrap().clone();
    assert_eq!(r.registries().len(), 3);
    assert!(get("registry3.com").insecure && !get("registry3.com").blocked);
    assert!(get("registry4.com").insecure && get("registry4.com").blocked);
    assert!(!get("registry.untrusted.com").insecure && get("registry.untrusted.com").blocked);
    assert_eq!(get("registry3.com").location, "registry3.com");
}

#[test]
fn registries_mixing_v1_and_v2_is_an_error() {
    let fx = Fx::new();
    let p = fx.write(
        "etc/registries.conf",
        "unqualified-search-registries = [\"docker.io\"]\n[registries.search]\nregistries = [\"quay.io\"]\n",
    );
    let e = fx.load().unwrap_err();
    assert!(e.to_string().contains("mixing sysregistry v1/v2"), "{e}");
    assert_eq!(e.path(), p);
}

#[test]
fn registries_v1_in_drop_in_is_an_error() {
    let fx = Fx::new();
    fx.write("etc/registries.conf", "unqualified-search-registries = [\"docker.io\"]\n");
    let p = fx.write("etc/registries.conf.d/old.conf", "[registries.search]\nregistries = [\"quay.io\"]\n");
    let e = fx.load().unwrap_err();
    assert_eq!(e.path(), p);
    assert!(e.to_string().contains("v2 format"), "{e}");
}

#[test]
fn registries_wildcard_and_longest_prefix() {
    let text = r#"
[[registry]]
prefix = "*.example.com"
insecure = true

[[registry]]
prefix = "*.foo.example.com"
blocked = true

[[registry]]
location = "example.com"

[[registry]]
location = "registry.com/ns"

[[registry]]
location = "registry.com/ns/repo"

[[registry]]
location = "registry.com"
"#;
    let r = RegistriesConf::parse(Path::new("/x/registries.conf"), text).unwrap();
    let find = |s: &str| r.find_registry(s).map(|r| r.prefix.as_str());
    assert_eq!(find("a.example.com/img"), Some("*.example.com"));
    assert_eq!(find("a.b.example.com:5000/img:tag"), Some("*.example.com"));
    assert_eq!(find("bar.foo.example.com/img"), Some("*.foo.example.com"));
    assert_eq!(find("example.com/img"), Some("example.com"), "the wildcard needs a subdomain");
    assert_eq!(find("notexample.com/img"), None);
    assert_eq!(find("other.com/a.example.com/img"), None, "the wildcard only matches the host");
    assert_eq!(find("a.example.community/img"), None);
    assert_eq!(find("registry.com/ns/repo:tag"), Some("registry.com/ns/repo"));
    assert_eq!(find("registry.com/ns/repo@sha256:abcd"), Some("registry.com/ns/repo"));
    assert_eq!(find("registry.com/ns/repo2"), Some("registry.com/ns"));
    assert_eq!(find("registry.com/other"), Some("registry.com"));
    assert_eq!(find("registry.com"), Some("registry.com"));
    assert_eq!(find("registry.community/x"), None);
    // The wildcard entry has no location: references are used as-is.
    let w = r.find_registry("a.example.com/img").unwrap();
    assert!(w.insecure && w.location.is_empty());
    assert_eq!(w.pull_sources("a.example.com/img:1", false)[0].reference, "a.example.com/img:1");
}

#[test]
fn registries_aliases() {
    let text = r#"
[aliases]
"fedora" = "registry.fedoraproject.org/fedora"
"alpine" = "docker.io/alpine"
"library/busybox" = "index.docker.io/library/busybox"
"local" = "localhost/mine"
"#;
    let r = RegistriesConf::parse(Path::new("r.conf"), text).unwrap();
    assert_eq!(r.alias("fedora"), Some("registry.fedoraproject.org/fedora"));
    assert_eq!(r.alias("alpine"), Some("docker.io/library/alpine"));
    assert_eq!(r.alias("library/busybox"), Some("docker.io/library/busybox"));
    assert_eq!(r.alias("local"), Some("localhost/mine"));
    assert_eq!(r.alias("nope"), None);
    assert_eq!(r.aliases().len(), 4);

    for (bad, why) in [
        ("\"quay.io/x\" = \"quay.io/x/x\"", "must not contain registry"),
        ("\"x:tag\" = \"quay.io/x/x\"", "tag"),
        ("\"x\" = \"x/y\"", "must contain registry"),
        ("\"x\" = \"quay.io/x/x:latest\"", "tag"),
        ("\"x\" = \"quay.io/x/x@sha256:0123\"", "digest"),
        ("\"x\" = \"quay.io/X\"", "invalid reference format"),
    ] {
        let text = format!("[aliases]\n{bad}\n");
        let e = RegistriesConf::parse(Path::new("r.conf"), &text).unwrap_err();
        assert!(e.to_string().contains(why), "{bad}: {e}");
        assert!(e.to_string().starts_with("r.conf:2:"), "{bad}: {e}");
    }
}

#[test]
fn registries_mirrors_in_order() {
    let text = r#"
unqualified-search-registries = ["example.com"]

[[registry]]
prefix = "example.com/foo"
insecure = false
blocked = false
location = "internal-registry-for-example.com/bar"

[[registry.mirror]]
location = "example-mirror-0.local/mirror-for-foo"

[[registry.mirror]]
location = "example-mirror-1.local/mirrors/foo/"
insecure = true

[[registry.mirror]]
location = "digest-mirror.local/foo"
pull-from-mirror = "digest-only"

[[registry.mirror]]
location = "tag-mirror.local/foo"
pull-from-mirror = "tag-only"

[[registry]]
location = "registry.com"
mirror-by-digest-only = true

[[registry.mirror]]
location = "mirror.registry.com"
"#;
    let r = RegistriesConf::parse(Path::new("r.conf"), text).unwrap();
    let foo = r.find_registry("example.com/foo/image:latest").unwrap();
    assert_eq!(foo.location, "internal-registry-for-example.com/bar");
    let m: Vec<(&str, bool, PullFromMirror)> =
        foo.mirrors.iter().map(|m| (m.location.as_str(), m.insecure, m.pull_from_mirror)).collect();
    assert_eq!(
        m,
        vec![
            ("example-mirror-0.local/mirror-for-foo", false, PullFromMirror::All),
            ("example-mirror-1.local/mirrors/foo", true, PullFromMirror::All),
            ("digest-mirror.local/foo", false, PullFromMirror::DigestOnly),
            ("tag-mirror.local/foo", false, PullFromMirror::TagOnly),
        ]
    );
    let refs =
        |srcs: Vec<PullSource>| srcs.into_iter().map(|s| (s.reference, s.insecure, s.mirror)).collect::<Vec<_>>();
    assert_eq!(
        refs(foo.pull_sources("example.com/foo/image:latest", false)),
        vec![
            ("example-mirror-0.local/mirror-for-foo/image:latest".to_string(), false, true),
            ("example-mirror-1.local/mirrors/foo/image:latest".to_string(), true, true),
            ("tag-mirror.local/foo/image:latest".to_string(), false, true),
            ("internal-registry-for-example.com/bar/image:latest".to_string(), false, false),
        ]
    );
    let by_digest = refs(foo.pull_sources("example.com/foo/image@sha256:00", true));
    assert_eq!(by_digest.len(), 4);
    assert_eq!(by_digest[2].0, "digest-mirror.local/foo/image@sha256:00");

    let reg = r.find_registry("registry.com/image:latest").unwrap();
    assert!(reg.mirror_by_digest_only);
    assert_eq!(refs(reg.pull_sources("registry.com/image:latest", false)).len(), 1);
    assert_eq!(
        refs(reg.pull_sources("registry.com/image@sha256:00", true))[0].0,
        "mirror.registry.com/image@sha256:00"
    );
}

#[test]
fn registries_validation_errors() {
    for (text, line, why) in [
        ("\n[[registry]]\ninsecure = true\n", 2, "both location and prefix are unset"),
        ("[[registry]]\nprefix = \"example.com\"\n", 1, "location is unset"),
        ("[[registry]]\nprefix = \"*.example.com/foo\"\n", 2, "wildcarded prefix"),
        ("[[registry]]\nlocation = \"https://example.com\"\n", 2, "URI schemes"),
        ("[[registry]]\nlocation = \"a.com\"\n[[registry.mirror]]\ninsecure = true\n", 3, "mirror location is unset"),
        (
            "[[registry]]\nlocation = \"a.com\"\n[[registry.mirror]]\nlocation = \"m.com\"\npull-from-mirror = \"sometimes\"\n",
            5,
            "unsupported pull-from-mirror",
        ),
        (
            "[[registry]]\nlocation = \"a.com\"\nmirror-by-digest-only = true\n[[registry.mirror]]\nlocation = \"m.com\"\npull-from-mirror = \"all\"\n",
            6,
            "at the same time",
        ),
        ("[[registry]]\nlocation = \"a.com\"\npull-from-mirror = \"all\"\n", 3, "non-mirror registry"),
        ("\n\nshort-name-mode = \"prompt\"\n", 3, "invalid short-name mode"),
        ("unqualified-search-registries = [\"docker.io/library\"]\n", 1, "unqualified-search-registries entry"),
    ] {
        let e = RegistriesConf::parse(Path::new("/r.conf"), text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with(&format!("/r.conf:{line}:")), "{text:?}: {msg}");
        assert!(msg.contains(why), "{text:?}: {msg}");
    }
    // Conflicting settings for the same location within one file.
    let e = RegistriesConf::parse(
        Path::new("/r.conf"),
        "[[registry]]\nlocation = \"a.com\"\n[[registry]]\nprefix = \"b.com\"\nlocation = \"a.com\"\ninsecure = true\n",
    )
    .unwrap_err();
    assert!(e.to_string().contains("conflicting 'insecure'"), "{e}");
}

#[test]
fn registries_same_prefix_in_one_file_first_wins() {
    let r = RegistriesConf::parse(
        Path::new("r.conf"),
        "[[registry]]\nprefix = \"p.com\"\nlocation = \"first.com\"\n[[registry]]\nprefix = \"p.com\"\nlocation = \"second.com\"\n",
    )
    .unwrap();
    assert_eq!(r.registries().len(), 1);
    assert_eq!(r.registries()[0].location, "first.com");
}

#[test]
fn registries_syntax_error_reports_line() {
    let fx = Fx::new();
    let p = fx.write(
        "user/registries.conf",
        "# comment\nunqualified-search-registries = [\"docker.io\"]\n[[registry]\nlocation = \"x\"\n",
    );
    let e = fx.load().unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with(&format!("{}:3:", p.display())), "{msg}");
    match e {
        ConfigError::Parse { line, column, path, .. } => {
            assert_eq!((line, path), (3, p));
            assert!(column >= 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn registries_wrong_type_reports_file_and_line() {
    let fx = Fx::new();
    let p =
        fx.write("etc/registries.conf.d/bad.conf", "[[registry]]\nlocation = \"example.com\"\ninsecure = \"yes\"\n");
    let e = fx.load().unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with(&format!("{}:3:12:", p.display())), "{msg}");
}

#[test]
fn unknown_keys_are_ignored() {
    let fx = Fx::new();
    fx.write(
        "etc/registries.conf",
        r#"
unqualified-search-registries = ["docker.io"]
some-future-key = { nested = [1, "two"] }
[[registry]]
location = "example.com"
future-field = 3
[[registry.mirror]]
location = "mirror.example.com"
weird = true
[some-table]
x = 1
"#,
    );
    fx.write(
        "etc/storage.conf",
        r#"
[storage]
driver = "overlay"
graphroot = "/var/lib/containers/storage"
transient_store = false
[storage.options]
additionalimagestores = []
pull_options = {enable_partial_images = "false"}
[storage.options.overlay]
mountopt = "nodev"
[storage.options.thinpool]
autoextend_percent = "20"
"#,
    );
    fx.write(
        "share/containers.conf",
        r#"
[containers]
annotations = []
default_sysctls = ["net.ipv4.ping_group_range=0 0"]
[engine]
events_logger = "file"
[engine.runtimes]
crun = ["/usr/bin/crun"]
[machine]
cpus = 1
[network]
network_backend = "netavark"
"#,
    );
    let c = fx.load().unwrap();
    assert_eq!(strs(c.registries.search_registries()), vec!["docker.io"]);
    assert_eq!(c.registries.registries()[0].mirrors.len(), 1);
    assert_eq!(c.storage.driver_kind(), Some(StorageDriver::Overlay));
    assert_eq!(c.containers, ContainersConf::default());
    assert_eq!(fx.rel(&c.files), vec!["etc/registries.conf", "etc/storage.conf", "share/containers.conf"]);
}

// ---------------------------------------------------------------------------
// storage.conf

#[test]
fn storage_precedence() {
    let mut fx = Fx::new();
    fx.write("share/storage.conf", "[storage]\ndriver = \"vfs\"\n");
    assert_eq!(fx.load().unwrap().storage.driver_kind(), Some(StorageDriver::Vfs));

    fx.write(
        "etc/storage.conf",
        "[storage]\ndriver = \"overlay\"\n[storage.options]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n",
    );
    let s = fx.load().unwrap().storage;
    assert_eq!(s.driver_kind(), Some(StorageDriver::Overlay));
    assert_eq!(s.mount_program(), Some(Path::new("/usr/bin/fuse-overlayfs")));
    assert_eq!(s.file.as_deref(), Some(fx.path("etc/storage.conf").as_path()));

    // The rootless user's file replaces the system one entirely.
    fx.write("user/storage.conf", "[storage]\ndriver = \"btrfs\"\n");
    let c = fx.load().unwrap();
    assert_eq!(c.storage.driver_kind(), Some(StorageDriver::Other("btrfs".into())));
    assert_eq!(c.storage.mount_program(), None);
    assert_eq!(fx.rel(&c.files), vec!["user/storage.conf"]);

    // Root ignores the user's file.
    fx.rootless = false;
    assert_eq!(fx.load().unwrap().storage.driver_kind(), Some(StorageDriver::Overlay));

    // The environment wins over everything.
    fx.write(
        "env-storage.conf",
        "[storage]\ndriver = \"overlay\"\n[storage.options]\nmount_program = \"/old\"\n[storage.options.overlay]\nmount_program = \"/new\"\n",
    );
    fx.set_env(ENV_STORAGE_CONF, "env-storage.conf");
    fx.rootless = true;
    let c = fx.load().unwrap();
    assert_eq!(c.storage.mount_program(), Some(Path::new("/new")));
    assert_eq!(fx.rel(&c.files), vec!["env-storage.conf"]);

    fx.set_env(ENV_STORAGE_CONF, "nope.conf");
    assert!(matches!(fx.load().unwrap_err(), ConfigError::MissingEnvFile { var: ENV_STORAGE_CONF, .. }));
}

#[test]
fn storage_fields_and_errors() {
    let s = StorageConf::parse(
        Path::new("s.conf"),
        "[storage]\ndriver = \"\"\ngraphroot = \"/g\"\nrunroot = \"/r\"\nrootless_storage_path = \"$HOME/x\"\n",
    )
    .unwrap();
    assert_eq!(s.driver_kind(), None, "an empty driver means unset");
    assert_eq!(s.graphroot.as_deref(), Some(Path::new("/g")));
    assert_eq!(s.runroot.as_deref(), Some(Path::new("/r")));
    assert_eq!(s.rootless_storage_path.as_deref(), Some(Path::new("$HOME/x")));
    assert_eq!(StorageConf::parse(Path::new("s.conf"), "").unwrap().driver_kind(), None);

    let e = StorageConf::parse(Path::new("/s.conf"), "[storage]\n\ndriver = 3\n").unwrap_err();
    assert!(e.to_string().starts_with("/s.conf:3:"), "{e}");
}

#[test]
fn ignore_chown_errors_in_any_of_its_places() {
    let parse = |t: &str| StorageConf::parse(Path::new("s.conf"), t).unwrap().ignore_chown_errors;
    assert!(!parse(""));
    assert!(parse("[storage.options.overlay]\nignore_chown_errors = \"true\"\n"));
    assert!(parse("[storage.options.vfs]\nignore_chown_errors = \"True\"\n"));
    assert!(parse("[storage.options]\nignore_chown_errors = true\n"));
    assert!(!parse("[storage.options.overlay]\nignore_chown_errors = \"false\"\n"));
}

#[test]
fn storage_opts_flag_wins_over_env_and_env_may_clear() {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(DriverOptions::chosen(&[], None), None, "neither: storage.conf's stay");
    assert_eq!(DriverOptions::chosen(&[], Some("")), Some(strings(&[""])), "STORAGE_OPTS= clears");
    assert_eq!(DriverOptions::chosen(&[], Some("a=1,b=2")), Some(strings(&["a=1", "b=2"])));
    assert_eq!(DriverOptions::chosen(&strings(&["x=1"]), Some("a=1")), Some(strings(&["x=1"])));
}

#[test]
fn storage_opts_map_onto_storage_conf_settings() {
    let parse = |v: &[&str]| DriverOptions::parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(parse(&[""]).unwrap(), DriverOptions::default());
    assert_eq!(parse(&[]).unwrap(), DriverOptions::default());
    for key in ["overlay.mount_program", "overlay2.mount_program", ".mount_program", "Overlay.Mount_Program"] {
        let o = parse(&[&format!("{key}=/usr/bin/fuse-overlayfs")]).unwrap();
        assert_eq!(o.mount_program.as_deref(), Some(Path::new("/usr/bin/fuse-overlayfs")), "{key}");
        assert!(!o.ignore_chown_errors);
    }
    for key in ["overlay.ignore_chown_errors", "vfs.ignore_chown_errors", ".ignore_chown_errors"] {
        assert!(parse(&[&format!("{key}=true")]).unwrap().ignore_chown_errors, "{key}");
        assert!(parse(&[&format!("{key}=1")]).unwrap().ignore_chown_errors, "{key}");
        assert!(!parse(&[&format!("{key}=false")]).unwrap().ignore_chown_errors, "{key}");
    }
    let both = parse(&["overlay.ignore_chown_errors=true", "overlay.mount_program=/bin/m"]).unwrap();
    assert!(both.ignore_chown_errors);
    assert_eq!(both.mount_program.as_deref(), Some(Path::new("/bin/m")));

    for (bad, named) in [
        ("overlay.mountopt=nodev", "overlay.mountopt"),
        ("overlay.size=10G", "overlay.size"),
        ("vfs.mount_program=/bin/m", "vfs.mount_program"),
        ("btrfs.min_space=1G", "btrfs.min_space"),
        ("mount_program=/bin/m", "mount_program"),
        ("overlay.ignore_chown_errors=maybe", "overlay.ignore_chown_errors"),
        ("overlay.mount_program", "overlay.mount_program"),
    ] {
        let e = parse(&[bad]).unwrap_err();
        assert!(e.contains(named), "{bad}: {e}");
    }
}

#[test]
fn storage_opts_replace_the_files_driver_options_only() {
    let text = "[storage]\ndriver = \"overlay\"\n[storage.options]\nmount_program = \"/old\"\nlayer_max_bytes = 5\n\
                [storage.options.overlay]\nmount_program = \"/older\"\nignore_chown_errors = \"true\"\n";
    let conf = StorageConf::parse(Path::new("s.conf"), text).unwrap();
    assert!(conf.ignore_chown_errors);

    let mut cleared = conf.clone();
    cleared.replace_driver_options(&DriverOptions::default());
    assert_eq!(cleared.mount_program(), None);
    assert!(!cleared.ignore_chown_errors);
    assert_eq!(cleared.layer_max_bytes, Some(5), "rpod's own keys stay");
    assert_eq!(cleared.driver_kind(), Some(StorageDriver::Overlay));

    let mut set = conf;
    set.replace_driver_options(&DriverOptions { mount_program: Some("/new".into()), ignore_chown_errors: false });
    assert_eq!(set.mount_program(), Some(Path::new("/new")));
    assert!(!set.ignore_chown_errors);
}

// ---------------------------------------------------------------------------
// containers.conf

#[test]
fn containers_defaults() {
    let c = ContainersConf::default();
    assert_eq!(c.default_capabilities().len(), 11);
    assert_eq!(c.default_capabilities()[0], "CAP_CHOWN");
    assert!(c.default_capabilities().contains(&"CAP_SYS_CHROOT".to_string()));
    assert!(c.default_ulimits().is_empty());
    assert_eq!(c.pids_limit(), 2048);
    assert_eq!(c.log_driver(), "k8s-file");
    assert_eq!(c.log_size_max(), -1);
    assert_eq!(c.env(), strings(&DEFAULT_ENV));
    assert!(!c.init());
    assert_eq!(c.tz(), None);
    assert_eq!(c.image_parallel_copies(), 6);
}

fn strings(s: &[&str]) -> Vec<String> {
    s.iter().map(|s| s.to_string()).collect()
}

#[test]
fn containers_precedence_and_merge() {
    let mut fx = Fx::new();
    fx.write("share/containers.conf", "[containers]\npids_limit = 100\nlog_driver = \"journald\"\ntz = \"UTC\"\n");
    fx.write("etc/containers.conf", "[containers]\npids_limit = 200\ninit = true\n");
    fx.write("etc/containers.conf.d/20.conf", "[containers]\nlog_size_max = 20\n");
    fx.write("etc/containers.conf.d/10.conf", "[containers]\nlog_size_max = 10\nenv = [\"A=1\"]\n");
    fx.write("etc/containers.rootless.conf", "[engine]\nimage_parallel_copies = 3\n");
    fx.write("etc/containers.rootless.d/x.conf", "[containers]\ntz = \"Europe/Paris\"\n");
    fx.write("user/containers.conf", "[containers]\npids_limit = 300\n");
    fx.write("user/containers.conf.d/a.conf", "[containers]\nenv = [\"B=2\", {append = true}]\n");

    let c = fx.load().unwrap();
    assert_eq!(
        fx.rel(&c.files),
        vec![
            "share/containers.conf",
            "etc/containers.conf",
            "etc/containers.conf.d/10.conf",
            "etc/containers.conf.d/20.conf",
            "etc/containers.rootless.conf",
            "etc/containers.rootless.d/x.conf",
            "user/containers.conf",
            "user/containers.conf.d/a.conf",
        ]
    );
    let cc = &c.containers;
    assert_eq!(cc.pids_limit(), 300);
    assert_eq!(cc.log_driver(), "journald");
    assert_eq!(cc.log_size_max(), 20);
    assert!(cc.init());
    assert_eq!(cc.tz(), Some("Europe/Paris"));
    assert_eq!(cc.env(), vec!["A=1", "B=2"]);
    assert_eq!(cc.image_parallel_copies(), 3);

    // Root: no containers.rootless.*.
    fx.rootless = false;
    let c = fx.load().unwrap();
    assert_eq!(c.containers.tz(), Some("UTC"));
    assert_eq!(c.containers.image_parallel_copies(), 6);

    // CONTAINERS_CONF: only that file; CONTAINERS_CONF_OVERRIDE on top.
    fx.write("only.conf", "[containers]\nlog_driver = \"none\"\npids_limit = 1\n");
    fx.write("override.conf", "[containers]\npids_limit = 0\n");
    fx.set_env(ENV_CONTAINERS_CONF, "only.conf");
    let c = fx.load().unwrap();
    assert_eq!(fx.rel(&c.files), vec!["only.conf"]);
    assert_eq!(c.containers.tz(), None);
    assert_eq!(c.containers.pids_limit(), 1);
    fx.set_env(ENV_CONTAINERS_CONF_OVERRIDE, "override.conf");
    let c = fx.load().unwrap();
    assert_eq!(fx.rel(&c.files), vec!["only.conf", "override.conf"]);
    assert_eq!(c.containers.pids_limit(), 0);
    assert_eq!(c.containers.log_driver(), "none");

    // The override also goes on top of the usual files.
    fx.env.remove(ENV_CONTAINERS_CONF);
    let c = fx.load().unwrap();
    assert_eq!(fx.rel(&c.files).last().unwrap(), "override.conf");
    assert_eq!(c.containers.pids_limit(), 0);
    assert_eq!(c.containers.env(), vec!["A=1", "B=2"]);

    fx.set_env(ENV_CONTAINERS_CONF_OVERRIDE, "missing.conf");
    assert!(matches!(fx.load().unwrap_err(), ConfigError::MissingEnvFile { var: ENV_CONTAINERS_CONF_OVERRIDE, .. }));
    fx.env.remove(ENV_CONTAINERS_CONF_OVERRIDE);
    fx.set_env(ENV_CONTAINERS_CONF, "missing.conf");
    assert!(matches!(fx.load().unwrap_err(), ConfigError::MissingEnvFile { var: ENV_CONTAINERS_CONF, .. }));
}

#[test]
fn containers_capabilities_normalized_and_appended() {
    let mut c = ContainersConf::default();
    c.merge_text(
        Path::new("a.conf"),
        "[containers]\ndefault_capabilities = [\"chown\", \"CAP_KILL\", \"cap_net_raw\"]\n",
    )
    .unwrap();
    assert_eq!(c.default_capabilities(), vec!["CAP_CHOWN", "CAP_KILL", "CAP_NET_RAW"]);

    // Appending to the built-in default when no file set it before.
    let mut c = ContainersConf::default();
    c.merge_text(Path::new("a.conf"), "[containers]\ndefault_capabilities = [\"NET_RAW\", {append=true}]\n").unwrap();
    let caps = c.default_capabilities();
    assert_eq!(caps.len(), 12);
    assert_eq!(caps.last().unwrap(), "CAP_NET_RAW");
    // {append=false} replaces.
    c.merge_text(Path::new("b.conf"), "[containers]\ndefault_capabilities = [{append=false}, \"SYS_ADMIN\"]\n")
        .unwrap();
    assert_eq!(c.default_capabilities(), vec!["CAP_SYS_ADMIN"]);
    // An empty list is "no capabilities", not "default".
    c.merge_text(Path::new("c.conf"), "[containers]\ndefault_capabilities = []\n").unwrap();
    assert!(c.default_capabilities().is_empty());
}

#[test]
fn containers_ulimits() {
    let mut c = ContainersConf::default();
    c.merge_text(
        Path::new("a.conf"),
        "[containers]\ndefault_ulimits = [\"nofile=1024:2048\", \"nproc=512\", \"core=-1\", \"memlock=64:-1\"]\n",
    )
    .unwrap();
    let u = c.default_ulimits();
    assert_eq!(u[0], Ulimit { name: "nofile".into(), soft: 1024, hard: 2048 });
    assert_eq!(u[1], Ulimit { name: "nproc".into(), soft: 512, hard: 512 });
    assert_eq!(u[2], Ulimit { name: "core".into(), soft: -1, hard: -1 });
    assert_eq!(u[3], Ulimit { name: "memlock".into(), soft: 64, hard: -1 });
    assert_eq!(u[0].to_string(), "nofile=1024:2048");

    for (bad, why) in [
        ("nofile", "name=soft[:hard]"),
        ("nofiles=1", "unknown type"),
        ("nofile=abc", "not a limit"),
        ("nofile=2048:1024", "soft limit must be less than or equal to hard limit"),
        ("nofile=-1:1024", "soft limit"),
        ("nofile=-2", "not a limit"),
    ] {
        let text = format!("[containers]\ndefault_ulimits = [\n  \"nproc=1\",\n  \"{bad}\",\n]\n");
        let e = ContainersConf::default().merge_text(Path::new("/etc/containers/containers.conf"), &text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("/etc/containers/containers.conf:4:3:"), "{bad}: {msg}");
        assert!(msg.contains(why), "{bad}: {msg}");
    }
}

#[test]
fn containers_type_errors() {
    for (text, line) in [
        ("[containers]\npids_limit = \"many\"\n", 2),
        ("[containers]\n\ninit = 1\n", 3),
        ("[containers]\nenv = \"A=1\"\n", 2),
        ("[containers]\nenv = [1]\n", 2),
        ("[containers]\nenv = [{prepend = true}]\n", 2),
        ("[engine]\nimage_parallel_copies = -1\n", 2),
        ("[containers\n", 1),
    ] {
        let e = ContainersConf::default().merge_text(Path::new("/c.conf"), text).unwrap_err();
        assert!(e.to_string().starts_with(&format!("/c.conf:{line}:")), "{text:?}: {e}");
    }
}

// ---------------------------------------------------------------------------
// Whole load

#[test]
fn io_errors_name_the_path() {
    let fx = Fx::new();
    // A directory where a file is expected.
    fs::create_dir_all(fx.path("etc/containers.conf")).unwrap();
    let e = fx.load().unwrap_err();
    assert!(matches!(e, ConfigError::Io { .. }), "{e:?}");
    assert_eq!(e.path(), fx.path("etc/containers.conf"));
    assert!(e.to_string().contains("etc/containers.conf"), "{e}");
}

#[test]
fn no_user_dir() {
    let mut fx = Fx::new();
    fx.write("etc/registries.conf", "unqualified-search-registries = [\"docker.io\"]\n");
    let mut src = fx.sources();
    src.user_dir = None;
    let c = Config::load(&src).unwrap();
    assert_eq!(strs(c.registries.search_registries()), vec!["docker.io"]);
    fx.rootless = false;
}

#[test]
fn line_col_counts_chars() {
    assert_eq!(line_col("abc", 0), (1, 1));
    assert_eq!(line_col("a\nbc", 3), (2, 2));
    assert_eq!(line_col("é\né = x", 5), (2, 2));
    assert_eq!(line_col("ab", 99), (1, 3));
}

#[test]
fn sources_system_reads_only_the_four_variables() {
    let s = Sources::system(true);
    assert_eq!(s.etc_dir, Path::new("/etc/containers"));
    assert_eq!(s.share_dir, Path::new("/usr/share/containers"));
    assert!(s.rootless);
    assert!(s.env.keys().all(|k| ENV_VARS.contains(&k.as_str())));
}

/// The files Debian's containers-common / golang-github-containers-image
/// install, if this machine has them.
#[test]
fn real_debian_files_parse() {
    let reg = Path::new("/etc/containers/registries.conf");
    let cc = Path::new("/usr/share/containers/containers.conf");
    let st = Path::new("/etc/containers/storage.conf");
    let mut checked = 0;
    if let Ok(text) = fs::read_to_string(reg) {
        RegistriesConf::parse(reg, &text).unwrap();
        checked += 1;
    } else {
        eprintln!("skipping {}: not present", reg.display());
    }
    if let Ok(d) = drop_ins(Path::new("/etc/containers/registries.conf.d")) {
        for p in d {
            let text = fs::read_to_string(&p).unwrap();
            let r = RegistriesConf::parse(&p, &text).unwrap();
            if p.ends_with("shortnames.conf") {
                assert!(!r.aliases().is_empty());
            }
            checked += 1;
        }
    }
    if let Ok(text) = fs::read_to_string(cc) {
        let mut c = ContainersConf::default();
        c.merge_text(cc, &text).unwrap();
        checked += 1;
    } else {
        eprintln!("skipping {}: not present", cc.display());
    }
    for p in [st, Path::new("/usr/share/containers/storage.conf")] {
        if let Ok(text) = fs::read_to_string(p) {
            StorageConf::parse(p, &text).unwrap();
            checked += 1;
        } else {
            eprintln!("skipping {}: not present", p.display());
        }
    }
    if checked == 0 {
        eprintln!("no Podman configuration files on this machine; nothing checked");
        return;
    }
    // And the whole thing, from the real places (the environment's variables
    // may point elsewhere; only run when none is set).
    if ENV_VARS.iter().all(|v| std::env::var_os(v).is_none()) {
        let mut src = Sources::system(false);
        src.user_dir = None;
        Config::load(&src).unwrap();
    }
}

#[test]
fn layer_extraction_limits_from_storage_conf() {
    let c = StorageConf::parse(
        Path::new("s.conf"),
        "[storage]\ndriver = \"overlay\"\n[storage.options]\nlayer_max_bytes = 1024\nlayer_max_entries = 7\n",
    )
    .unwrap();
    assert_eq!((c.layer_max_bytes, c.layer_max_entries), (Some(1024), Some(7)));
    let c = StorageConf::parse(Path::new("s.conf"), "[storage]\ndriver = \"overlay\"\n").unwrap();
    assert_eq!((c.layer_max_bytes, c.layer_max_entries), (None, None));
}
