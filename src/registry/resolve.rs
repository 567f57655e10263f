//! From what the user typed and registries.conf to where to pull from
//! (containers/image `shortnames.Resolve` + `sysregistriesv2` pull sources).
//!
//! A short name (`busybox`) resolves through `[aliases]` first, else through
//! the `unqualified-search-registries`; when there are several,
//! `short-name-mode` decides as in Podman ([`apply_short_name_mode`]):
//! `enforcing` asks which one (and refuses without a terminal, so that
//! whichever registry answers first cannot win by squatting the name),
//! `permissive` asks with a terminal and tries them in order without one,
//! `disabled` tries them in order. Each fully-qualified name then goes
//! through its `[[registry]]`: `blocked` is refused, the usable mirrors come
//! first (honoring `pull-from-mirror` / `mirror-by-digest-only`), then the
//! registry's own location, each with its `insecure` setting;
//! `--tls-verify=false` makes every location insecure and `--tls-verify=true`
//! makes every one secure.

use std::path::Path;

use crate::config::{RegistriesConf, ShortNameMode};

use super::reference::{ParsedReference, Reference, DEFAULT_DOMAIN};
use super::Error;

/// One place to try to pull from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The resolved, fully-qualified image name shown to the user and stored
    /// as the image's name (`docker.io/library/busybox:latest`).
    pub name: Reference,
    /// What to contact: the mirror's or the registry's location with the
    /// repository rewritten (`127.0.0.1:5000/library/busybox:latest`).
    pub location: Reference,
    /// Plain HTTP or unverified TLS allowed.
    pub insecure: bool,
    /// `location` is a mirror of `name`'s registry.
    pub is_mirror: bool,
}

impl Candidate {
    /// `host[:port]` to contact.
    pub fn registry(&self) -> &str {
        self.location.domain()
    }
}

/// How a reference was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolvedBy {
    /// It named its registry.
    FullyQualified,
    /// A short name found in `[aliases]` (the alias's value, without tag).
    Alias { short_name: String, alias: String },
    /// A short name tried against `unqualified-search-registries`.
    SearchRegistries { short_name: String, registries: Vec<String> },
}

/// The ordered candidates for one pull.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub candidates: Vec<Candidate>,
    pub resolved_by: ResolvedBy,
    /// Search registries skipped because they are blocked (short names only).
    pub blocked: Vec<String>,
}

/// Inputs besides the reference and the configuration.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions<'a> {
    /// `--tls-verify`: `Some(false)` forces insecure, `Some(true)` forces
    /// verified TLS, `None` follows registries.conf.
    pub tls_verify: Option<bool>,
    /// Named in the "no unqualified-search registries" error when no file
    /// set them (normally the main registries.conf).
    pub registries_conf: Option<&'a Path>,
}

/// Resolve a reference to pull (see the module docs). A reference without
/// tag or digest gets `latest`.
pub fn resolve_pull(input: &str, conf: &RegistriesConf, opts: &ResolveOptions) -> Result<Resolution, Error> {
    let parsed = ParsedReference::parse(input)?;
    if !parsed.is_short_name() {
        let name = parsed.qualify(DEFAULT_DOMAIN)?.with_default_tag();
        let candidates = candidates_for(&name, conf, opts)?;
        return Ok(Resolution { candidates, resolved_by: ResolvedBy::FullyQualified, blocked: Vec::new() });
    }

    let short = parsed.name();
    if let Some(alias) = conf.alias(&short) {
        let base = Reference::parse_qualified(alias)?;
        let name = Reference::from_parts(base.domain(), base.path(), parsed.tag.clone(), parsed.digest.clone())?
            .with_default_tag();
        let candidates = candidates_for(&name, conf, opts)?;
        return Ok(Resolution {
            candidates,
            resolved_by: ResolvedBy::Alias { short_name: short, alias: alias.to_string() },
            blocked: Vec::new(),
        });
    }

    let registries = conf.search_registries();
    if registries.is_empty() {
        let path = conf
            .search_registries_origin()
            .or(opts.registries_conf)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "/etc/containers/registries.conf".to_string());
        return Err(Error::NoSearchRegistries { name: short, path });
    }
    let mut candidates = Vec::new();
    let mut blocked = Vec::new();
    let mut first_blocked = None;
    for registry in registries {
        let name = parsed.qualify(registry)?.with_default_tag();
        match candidates_for(&name, conf, opts) {
            Ok(c) => candidates.extend(c),
            Err(e @ Error::Blocked(_)) => {
                blocked.push(registry.clone());
                first_blocked.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    if candidates.is_empty() {
        if let Some(e) = first_blocked {
            return Err(e);
        }
    }
    Ok(Resolution {
        candidates,
        resolved_by: ResolvedBy::SearchRegistries { short_name: short, registries: registries.to_vec() },
        blocked,
    })
}

/// The pull sources of one fully-qualified name.
fn candidates_for(name: &Reference, conf: &RegistriesConf, opts: &ResolveOptions) -> Result<Vec<Candidate>, Error> {
    let insecure = |conf_insecure: bool| match opts.tls_verify {
        Some(verify) => !verify,
        None => conf_insecure,
    };
    let text = name.to_string();
    let Some(registry) = conf.find_registry(&text) else {
        return Ok(vec![Candidate {
            name: name.clone(),
            location: name.clone(),
            insecure: insecure(false),
            is_mirror: false,
        }]);
    };
    if registry.blocked {
        return Err(Error::Blocked(registry.prefix.clone()));
    }
    let mut out = Vec::new();
    for source in registry.pull_sources(&text, name.digest().is_some()) {
        let location = Reference::parse_qualified(&source.reference)
            .map_err(|e| Error::Other(format!("registries.conf rewrites {text} to {:?}: {e}", source.reference)))?;
        out.push(Candidate {
            name: name.clone(),
            location,
            insecure: insecure(source.insecure),
            is_mirror: source.mirror,
        });
    }
    Ok(out)
}

/// Where to push `input` (a short name is normalized under `docker.io`, as
/// Podman's docker transport does): no mirrors and no location rewriting;
/// `blocked` refused; `insecure` from the registry's entry unless
/// `--tls-verify` says otherwise. A reference without tag or digest gets `latest`.
pub fn resolve_push(input: &str, conf: &RegistriesConf, tls_verify: Option<bool>) -> Result<Candidate, Error> {
    let name = Reference::parse(input)?.with_default_tag();
    let endpoint = resolve_registry(&name.to_string(), conf, tls_verify)?;
    Ok(Candidate { location: name.clone(), name, insecure: endpoint.insecure, is_mirror: false })
}

/// A registry to talk to as a whole (login, logout, search).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `host[:port]`.
    pub registry: String,
    pub insecure: bool,
}

/// The registry of `input` — `host[:port]`, or a reference / `host/namespace`
/// — with its `insecure` setting; `blocked` refused.
pub fn resolve_registry(input: &str, conf: &RegistriesConf, tls_verify: Option<bool>) -> Result<Endpoint, Error> {
    let registry = input.split('/').next().unwrap_or_default();
    let registry = if registry == super::reference::LEGACY_DEFAULT_DOMAIN { DEFAULT_DOMAIN } else { registry };
    if !super::reference::is_domain(registry) {
        return Err(Error::Other(format!("invalid registry {input:?}")));
    }
    let found = conf.find_registry(input).or_else(|| conf.find_registry(registry));
    if let Some(r) = found {
        if r.blocked {
            return Err(Error::Blocked(r.prefix.clone()));
        }
    }
    let insecure = match tls_verify {
        Some(verify) => !verify,
        None => found.is_some_and(|r| r.insecure),
    };
    Ok(Endpoint { registry: registry.to_string(), insecure })
}

/// Shows the fully-qualified names a short name may mean; returns the index
/// of the one chosen.
pub type AskImage<'a> = &'a mut dyn FnMut(&[String]) -> Result<usize, Error>;

/// Podman's `short-name-mode` for a short name that the search registries
/// could resolve more than one way. `ask` (given only with a terminal on
/// stdin and stdout) shows the fully-qualified names and returns the index
/// chosen; only that name's candidates are kept. Without a terminal,
/// `enforcing` refuses (containers/image's message) and `permissive` keeps
/// every candidate in order, as `disabled` always does.
pub fn apply_short_name_mode(
    mut resolution: Resolution,
    mode: ShortNameMode,
    ask: Option<AskImage<'_>>,
) -> Result<Resolution, Error> {
    if mode == ShortNameMode::Disabled || !matches!(resolution.resolved_by, ResolvedBy::SearchRegistries { .. }) {
        return Ok(resolution);
    }
    let mut names: Vec<String> = Vec::new();
    for c in &resolution.candidates {
        let n = c.name.to_string();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    if names.len() < 2 {
        return Ok(resolution);
    }
    match (ask, mode) {
        (Some(ask), _) => {
            let i = ask(&names)?;
            let chosen = names.get(i).ok_or_else(|| Error::Other(format!("no image number {}", i + 1)))?;
            resolution.candidates.retain(|c| &c.name.to_string() == chosen);
            Ok(resolution)
        }
        (None, ShortNameMode::Enforcing) => {
            Err(Error::Other("short-name resolution enforced but cannot prompt without a TTY".into()))
        }
        (None, _) => Ok(resolution),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const D: &str = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn conf(text: &str) -> RegistriesConf {
        RegistriesConf::parse(Path::new("/etc/containers/registries.conf"), text).unwrap()
    }

    fn opts() -> ResolveOptions<'static> {
        ResolveOptions::default()
    }

    /// (name, location, insecure, mirror) of each candidate.
    fn cands(input: &str, c: &RegistriesConf, o: &ResolveOptions) -> Vec<(String, String, bool, bool)> {
        resolve_pull(input, c, o)
            .unwrap_or_else(|e| panic!("{input}: {e}"))
            .candidates
            .into_iter()
            .map(|c| (c.name.to_string(), c.location.to_string(), c.insecure, c.is_mirror))
            .collect()
    }

    fn s(name: &str, loc: &str, insecure: bool, mirror: bool) -> (String, String, bool, bool) {
        (name.to_string(), loc.to_string(), insecure, mirror)
    }

    #[test]
    fn fully_qualified_without_config() {
        let c = conf("");
        assert_eq!(
            cands("docker.io/busybox", &c, &opts()),
            vec![s("docker.io/library/busybox:latest", "docker.io/library/busybox:latest", false, false)]
        );
        let r = resolve_pull("quay.io/a/b:1", &c, &opts()).unwrap();
        assert_eq!(r.resolved_by, ResolvedBy::FullyQualified);
        assert_eq!(r.candidates[0].registry(), "quay.io");
        let e = resolve_pull("Bad", &c, &opts()).unwrap_err().to_string();
        assert_eq!(e, "invalid reference format: repository name must be lowercase");
    }

    #[test]
    fn short_name_without_search_registries() {
        let c = conf("");
        let e = resolve_pull("x", &c, &opts()).unwrap_err().to_string();
        assert_eq!(
            e,
            "short-name \"x\" did not resolve to an alias and no unqualified-search registries are defined in \"/etc/containers/registries.conf\""
        );
        let p = PathBuf::from("/home/u/.config/containers/registries.conf");
        let o = ResolveOptions { registries_conf: Some(&p), ..opts() };
        assert!(resolve_pull("x:1", &c, &o)
            .unwrap_err()
            .to_string()
            .contains("defined in \"/home/u/.config/containers/registries.conf\""));
    }

    #[test]
    fn search_registries_in_order() {
        let c = conf(r#"unqualified-search-registries = ["quay.io", "docker.io", "127.0.0.1:5000"]"#);
        assert_eq!(
            cands("busybox", &c, &opts()),
            vec![
                s("quay.io/busybox:latest", "quay.io/busybox:latest", false, false),
                s("docker.io/library/busybox:latest", "docker.io/library/busybox:latest", false, false),
                s("127.0.0.1:5000/busybox:latest", "127.0.0.1:5000/busybox:latest", false, false),
            ]
        );
        let r = resolve_pull(&format!("user/img:t@{D}"), &c, &opts()).unwrap();
        assert_eq!(r.candidates[1].name.to_string(), format!("docker.io/user/img:t@{D}"));
        assert_eq!(
            r.resolved_by,
            ResolvedBy::SearchRegistries {
                short_name: "user/img".into(),
                registries: vec!["quay.io".into(), "docker.io".into(), "127.0.0.1:5000".into()]
            }
        );
    }

    #[test]
    fn aliases_win() {
        let c = conf(
            r#"
unqualified-search-registries = ["quay.io"]
[aliases]
"busybox" = "docker.io/library/busybox"
"tools/x" = "registry.example.com:5000/team/x"
"#,
        );
        let r = resolve_pull("busybox:1.36", &c, &opts()).unwrap();
        assert_eq!(
            r.resolved_by,
            ResolvedBy::Alias { short_name: "busybox".into(), alias: "docker.io/library/busybox".into() }
        );
        assert_eq!(r.candidates.len(), 1);
        assert_eq!(r.candidates[0].name.to_string(), "docker.io/library/busybox:1.36");
        assert_eq!(cands("tools/x", &c, &opts())[0].0, "registry.example.com:5000/team/x:latest");
        // Not an alias: search registries.
        assert_eq!(cands("other", &c, &opts())[0].0, "quay.io/other:latest");
    }

    #[test]
    fn mirrors_first_and_insecure() {
        let c = conf(
            r#"
unqualified-search-registries = ["docker.io"]
[[registry]]
prefix = "docker.io"
location = "docker.io"
[[registry.mirror]]
location = "127.0.0.1:5000"
insecure = true
[[registry.mirror]]
location = "mirror.example.com/hub"
"#,
        );
        assert_eq!(
            cands("busybox", &c, &opts()),
            vec![
                s("docker.io/library/busybox:latest", "127.0.0.1:5000/library/busybox:latest", true, true),
                s("docker.io/library/busybox:latest", "mirror.example.com/hub/library/busybox:latest", false, true),
                s("docker.io/library/busybox:latest", "docker.io/library/busybox:latest", false, false),
            ]
        );
        // --tls-verify=false makes all insecure; =true none.
        let o = ResolveOptions { tls_verify: Some(false), ..opts() };
        assert!(cands("busybox", &c, &o).iter().all(|c| c.2));
        let o = ResolveOptions { tls_verify: Some(true), ..opts() };
        assert!(cands("busybox", &c, &o).iter().all(|c| !c.2));
    }

    #[test]
    fn pull_from_mirror_modes() {
        let c = conf(
            r#"
[[registry]]
location = "example.com"
[[registry.mirror]]
location = "digest.mirror"
pull-from-mirror = "digest-only"
[[registry.mirror]]
location = "tag.mirror"
pull-from-mirror = "tag-only"
"#,
        );
        let tag: Vec<_> = cands("example.com/a:1", &c, &opts()).into_iter().map(|c| c.1).collect();
        assert_eq!(tag, ["tag.mirror/a:1", "example.com/a:1"]);
        let dig: Vec<_> = cands(&format!("example.com/a@{D}"), &c, &opts()).into_iter().map(|c| c.1).collect();
        assert_eq!(dig, [format!("digest.mirror/a@{D}"), format!("example.com/a@{D}")]);
        let c = conf(
            r#"
[[registry]]
location = "example.com"
mirror-by-digest-only = true
[[registry.mirror]]
location = "m.example.com"
"#,
        );
        assert_eq!(cands("example.com/a", &c, &opts()).len(), 1);
        assert_eq!(cands(&format!("example.com/a@{D}"), &c, &opts()).len(), 2);
    }

    #[test]
    fn location_rewriting_by_prefix() {
        let c = conf(
            r#"
[[registry]]
prefix = "example.com/foo"
location = "internal.example.com:5000/bar"
insecure = true
"#,
        );
        assert_eq!(
            cands("example.com/foo/img:2", &c, &opts()),
            vec![s("example.com/foo/img:2", "internal.example.com:5000/bar/img:2", true, false)]
        );
        // Other namespaces of the same host are not affected.
        assert_eq!(cands("example.com/other", &c, &opts())[0].1, "example.com/other:latest");
    }

    #[test]
    fn blocked() {
        let c = conf(
            r#"
unqualified-search-registries = ["bad.example.com", "good.example.com"]
[[registry]]
location = "bad.example.com"
blocked = true
"#,
        );
        let e = resolve_pull("bad.example.com/x", &c, &opts()).unwrap_err().to_string();
        assert_eq!(e, "registry bad.example.com is blocked in registries.conf");
        let r = resolve_pull("x", &c, &opts()).unwrap();
        assert_eq!(r.blocked, vec!["bad.example.com".to_string()]);
        assert_eq!(r.candidates.len(), 1);
        assert_eq!(r.candidates[0].registry(), "good.example.com");
        let only_bad = conf(
            r#"
unqualified-search-registries = ["bad.example.com"]
[[registry]]
location = "bad.example.com"
blocked = true
"#,
        );
        assert!(resolve_pull("x", &only_bad, &opts()).unwrap_err().to_string().contains("is blocked"));
        assert!(resolve_push("bad.example.com/x", &c, None).unwrap_err().to_string().contains("is blocked"));
        assert!(resolve_registry("bad.example.com", &c, None).is_err());
    }

    #[test]
    fn push_and_registry_endpoints() {
        let c = conf(
            r#"
[[registry]]
location = "127.0.0.1:5000"
insecure = true
[[registry.mirror]]
location = "never.used"
"#,
        );
        let p = resolve_push("127.0.0.1:5000/busybox", &c, None).unwrap();
        assert_eq!(p.location.to_string(), "127.0.0.1:5000/busybox:latest");
        assert!(p.insecure);
        assert!(!resolve_push("127.0.0.1:5000/busybox", &c, Some(true)).unwrap().insecure);
        assert_eq!(resolve_push("busybox", &c, None).unwrap().name.to_string(), "docker.io/library/busybox:latest");
        let e = resolve_registry("127.0.0.1:5000", &c, None).unwrap();
        assert_eq!(e, Endpoint { registry: "127.0.0.1:5000".into(), insecure: true });
        assert!(resolve_registry("quay.io/ns/repo", &c, None).is_ok_and(|e| e.registry == "quay.io" && !e.insecure));
        assert!(resolve_registry("quay.io", &c, Some(false)).unwrap().insecure);
        assert_eq!(resolve_registry("index.docker.io", &c, None).unwrap().registry, "docker.io");
        assert!(resolve_registry("not a host", &c, None).is_err());
    }

    #[test]
    fn short_name_mode_as_podman() {
        let conf = RegistriesConf::parse(
            Path::new("r.conf"),
            "unqualified-search-registries = [\"one.example\", \"two.example\"]\n",
        )
        .unwrap();
        let res = resolve_pull("tool", &conf, &ResolveOptions::default()).unwrap();
        assert_eq!(res.candidates.len(), 2);
        let names = |r: &Resolution| r.candidates.iter().map(|c| c.name.to_string()).collect::<Vec<_>>();
        // No terminal.
        let e = apply_short_name_mode(res.clone(), ShortNameMode::Enforcing, None).unwrap_err();
        assert_eq!(e.to_string(), "short-name resolution enforced but cannot prompt without a TTY");
        assert_eq!(names(&apply_short_name_mode(res.clone(), ShortNameMode::Permissive, None).unwrap()).len(), 2);
        assert_eq!(names(&apply_short_name_mode(res.clone(), ShortNameMode::Disabled, None).unwrap()).len(), 2);
        // A terminal: the choice is the only candidate left.
        let mut shown = Vec::new();
        let mut pick_second = |n: &[String]| {
            shown = n.to_vec();
            Ok(1)
        };
        let r = apply_short_name_mode(res.clone(), ShortNameMode::Enforcing, Some(&mut pick_second)).unwrap();
        assert_eq!(names(&r), ["two.example/tool:latest"]);
        assert_eq!(shown, ["one.example/tool:latest", "two.example/tool:latest"]);
        let mut never = |_: &[String]| -> Result<usize, Error> { panic!("disabled never asks") };
        assert_eq!(names(&apply_short_name_mode(res, ShortNameMode::Disabled, Some(&mut never)).unwrap()).len(), 2);
        // One search registry, or a qualified name: nothing to choose.
        let one =
            RegistriesConf::parse(Path::new("r.conf"), "unqualified-search-registries = [\"one.example\"]\n").unwrap();
        let res = resolve_pull("tool", &one, &ResolveOptions::default()).unwrap();
        assert_eq!(names(&apply_short_name_mode(res, ShortNameMode::Enforcing, None).unwrap()).len(), 1);
        let res = resolve_pull("one.example/tool", &conf, &ResolveOptions::default()).unwrap();
        assert!(apply_short_name_mode(res, ShortNameMode::Enforcing, None).is_ok());
    }
}
