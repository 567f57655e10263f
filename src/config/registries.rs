//! registries.conf: containers-registries.conf(5) and containers-registries.conf.d(5),
//! following containers/image's `pkg/sysregistriesv2`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{drop_ins, read_optional, read_required, ConfigError, Source, Sources, ENV_REGISTRIES_CONF};

/// `short-name-mode`: how a short name that several search registries could
/// resolve is handled (see `registry::resolve::apply_short_name_mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShortNameMode {
    Enforcing,
    #[default]
    Permissive,
    Disabled,
}

impl ShortNameMode {
    fn parse(s: &str) -> Option<ShortNameMode> {
        match s {
            "enforcing" => Some(ShortNameMode::Enforcing),
            "permissive" => Some(ShortNameMode::Permissive),
            "disabled" => Some(ShortNameMode::Disabled),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ShortNameMode::Enforcing => "enforcing",
            ShortNameMode::Permissive => "permissive",
            ShortNameMode::Disabled => "disabled",
        }
    }
}

/// A mirror's `pull-from-mirror`: which pulls may use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PullFromMirror {
    /// `"all"` or unset: pulls by tag and by digest.
    #[default]
    All,
    /// `"digest-only"`: only pulls by digest.
    DigestOnly,
    /// `"tag-only"`: only pulls by tag.
    TagOnly,
}

impl serde::Serialize for PullFromMirror {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl serde::Serialize for ShortNameMode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PullFromMirror {
    pub fn as_str(self) -> &'static str {
        match self {
            PullFromMirror::All => "all",
            PullFromMirror::DigestOnly => "digest-only",
            PullFromMirror::TagOnly => "tag-only",
        }
    }
}

/// One `[[registry.mirror]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mirror {
    pub location: String,
    pub insecure: bool,
    pub pull_from_mirror: PullFromMirror,
}

/// One `[[registry]]` table (after defaulting `prefix` to `location`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    /// What references it applies to: `host[:port][/namespace...]` or `*.domain`.
    pub prefix: String,
    /// Where the `prefix`-rooted namespace really lives; empty only for a
    /// `*.domain` prefix (no rewriting).
    pub location: String,
    pub insecure: bool,
    pub blocked: bool,
    pub mirror_by_digest_only: bool,
    /// In the order given; tried before `location`.
    pub mirrors: Vec<Mirror>,
}

/// Where to try to pull a reference from, in order (see [`Registry::pull_sources`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullSource {
    /// The rewritten reference.
    pub reference: String,
    pub insecure: bool,
    /// This source is a mirror (not the registry's own location).
    pub mirror: bool,
}

impl Registry {
    /// The endpoints to pull `reference` (which must match this registry's
    /// prefix, e.g. as returned by [`RegistriesConf::find_registry`]) from:
    /// the usable mirrors in order, then the primary location, each with the
    /// reference rewritten. `digested` says whether the reference is by digest.
    /// (containers/image `PullSourcesFromReference`.)
    pub fn pull_sources(&self, reference: &str, digested: bool) -> Vec<PullSource> {
        let Some(matched) = ref_matching_prefix(reference, &self.prefix) else {
            return vec![PullSource { reference: reference.to_string(), insecure: self.insecure, mirror: false }];
        };
        let rest = &reference[matched..];
        let rewrite = |location: &str| {
            if location.is_empty() {
                reference.to_string()
            } else {
                format!("{location}{rest}")
            }
        };
        let mut out = Vec::new();
        for m in &self.mirrors {
            let usable = if self.mirror_by_digest_only {
                digested
            } else {
                match m.pull_from_mirror {
                    PullFromMirror::All => true,
                    PullFromMirror::DigestOnly => digested,
                    PullFromMirror::TagOnly => !digested,
                }
            };
            if usable {
                out.push(PullSource { reference: rewrite(&m.location), insecure: m.insecure, mirror: true });
            }
        }
        out.push(PullSource { reference: rewrite(&self.location), insecure: self.insecure, mirror: false });
        out
    }
}

/// The merged registries configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistriesConf {
    search: Vec<String>,
    search_origin: Option<PathBuf>,
    short_name_mode: Option<ShortNameMode>,
    credential_helpers: Option<Vec<String>>,
    /// Unique by prefix, sorted by prefix (as containers/image keeps them).
    registries: Vec<Registry>,
    aliases: BTreeMap<String, String>,
}

impl RegistriesConf {
    /// `unqualified-search-registries`, in order.
    pub fn search_registries(&self) -> &[String] {
        &self.search
    }

    /// The file that set `unqualified-search-registries`, if any did.
    pub fn search_registries_origin(&self) -> Option<&Path> {
        self.search_origin.as_deref()
    }

    /// `short-name-mode`, `Permissive` if unset.
    pub fn short_name_mode(&self) -> ShortNameMode {
        self.short_name_mode.unwrap_or_default()
    }

    /// `credential-helpers`, `["containers-auth.json"]` if unset or empty.
    pub fn credential_helpers(&self) -> Vec<String> {
        match &self.credential_helpers {
            Some(h) if !h.is_empty() => h.clone(),
            _ => vec!["containers-auth.json".to_string()],
        }
    }

    /// The alias for a short name (without tag or digest), e.g. `"alpine"` →
    /// `"docker.io/library/alpine"`. Values are normalized like Docker
    /// references (`docker.io/x` → `docker.io/library/x`).
    pub fn alias(&self, short: &str) -> Option<&str> {
        self.aliases.get(short).map(String::as_str)
    }

    /// All aliases.
    pub fn aliases(&self) -> &BTreeMap<String, String> {
        &self.aliases
    }

    /// The `[[registry]]` whose prefix matches `reference` best: the longest
    /// prefix among those matching (containers-registries.conf(5)), including
    /// `*.example.com` wildcard prefixes. `reference` must start with an
    /// explicit host (e.g. `docker.io/library/alpine:latest`).
    pub fn find_registry(&self, reference: &str) -> Option<&Registry> {
        let mut best: Option<&Registry> = None;
        for r in &self.registries {
            if ref_matching_prefix(reference, &r.prefix).is_some()
                && best.is_none_or(|b| r.prefix.len() > b.prefix.len())
            {
                best = Some(r);
            }
        }
        best
    }

    /// All `[[registry]]` entries, unique by prefix, sorted by prefix.
    pub fn registries(&self) -> &[Registry] {
        &self.registries
    }

    /// Read registries.conf and its drop-ins from `src`, appending the files
    /// read to `files`.
    ///
    /// The main file is `$CONTAINERS_REGISTRIES_CONF` if set (it must exist),
    /// else `user_dir/registries.conf` if it exists, else
    /// `etc_dir/registries.conf` (may be absent). Drop-ins (`*.conf`, by file
    /// name) follow: `etc_dir/registries.conf.d` then
    /// `user_dir/registries.conf.d` — only the latter when the user's
    /// registries.conf was the main file.
    pub fn load(src: &Sources, files: &mut Vec<PathBuf>) -> Result<RegistriesConf, ConfigError> {
        let user_file = src.user_dir.as_ref().map(|d| d.join("registries.conf"));
        let user_dropins = src.user_dir.as_ref().map(|d| d.join("registries.conf.d"));
        let etc_dropins = src.etc_dir.join("registries.conf.d");

        let (main, main_text, dirs) = if let Some(path) = src.env_path(ENV_REGISTRIES_CONF) {
            let text = read_required(ENV_REGISTRIES_CONF, &path)?;
            (path, Some(text), vec![Some(etc_dropins), user_dropins])
        } else if let Some(text) = user_file.as_deref().map(read_optional).transpose()?.flatten() {
            (user_file.unwrap(), Some(text), vec![user_dropins])
        } else {
            let path = src.etc_dir.join("registries.conf");
            let text = read_optional(&path)?;
            (path, text, vec![Some(etc_dropins), user_dropins])
        };

        let mut conf = RegistriesConf::default();
        if let Some(text) = main_text {
            files.push(main.clone());
            conf.merge(parse_file(&Source { path: &main, text: &text }, false)?, &main);
        }
        for dir in dirs.into_iter().flatten() {
            for path in drop_ins(&dir)? {
                let Some(text) = read_optional(&path)? else { continue };
                files.push(path.clone());
                let parsed = parse_file(&Source { path: &path, text: &text }, true)?;
                conf.merge(parsed, &path);
            }
        }
        Ok(conf)
    }

    /// Parse one registries.conf text on its own (no drop-ins); `path` is
    /// only used in messages.
    pub fn parse(path: &Path, text: &str) -> Result<RegistriesConf, ConfigError> {
        let mut conf = RegistriesConf::default();
        conf.merge(parse_file(&Source { path, text }, false)?, path);
        Ok(conf)
    }

    /// containers/image `updateWithConfigurationFrom`.
    fn merge(&mut self, p: ParsedFile, path: &Path) {
        if !p.registries.is_empty() {
            let mut by_prefix: BTreeMap<String, Registry> =
                std::mem::take(&mut self.registries).into_iter().map(|r| (r.prefix.clone(), r)).collect();
            for r in p.registries {
                by_prefix.insert(r.prefix.clone(), r);
            }
            self.registries = by_prefix.into_values().collect();
        }
        if let Some(search) = p.search {
            self.search = search;
            self.search_origin = Some(path.to_path_buf());
        }
        if p.credential_helpers.is_some() {
            self.credential_helpers = p.credential_helpers;
        }
        if p.short_name_mode.is_some() {
            self.short_name_mode = p.short_name_mode;
        }
        for (name, value) in p.aliases {
            match value {
                Some(v) => self.aliases.insert(name, v),
                None => self.aliases.remove(&name),
            };
        }
    }
}

/// containers/image `refMatchingPrefix`: the length of `reference` matched
/// by `prefix` (everything after it is appended to a rewritten location).
fn ref_matching_prefix(reference: &str, prefix: &str) -> Option<usize> {
    if let Some(domain) = prefix.strip_prefix('*') {
        // `*.example.com`: `.example.com` somewhere in the host part.
        let index = reference.find(domain)?;
        if reference[..index].contains('/') {
            return None;
        }
        let end = index + domain.len();
        return match reference.as_bytes().get(end) {
            None | Some(b':' | b'/' | b'@') => Some(end),
            _ => None,
        };
    }
    if !reference.starts_with(prefix) {
        return None;
    }
    match reference.as_bytes().get(prefix.len()) {
        None | Some(b':' | b'/' | b'@') => Some(prefix.len()),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// One file

#[derive(Deserialize)]
struct FileToml {
    // V2
    #[serde(rename = "unqualified-search-registries")]
    search: Option<Vec<Spanned<String>>>,
    #[serde(rename = "short-name-mode")]
    short_name_mode: Option<Spanned<String>>,
    #[serde(rename = "credential-helpers")]
    credential_helpers: Option<Vec<String>>,
    #[serde(rename = "additional-layer-store-auth-helper")]
    additional_layer_store_auth_helper: Option<String>,
    registry: Option<Vec<Spanned<RegistryToml>>>,
    aliases: Option<BTreeMap<String, Spanned<String>>>,
    // V1
    registries: Option<V1Toml>,
}

#[derive(Deserialize)]
struct RegistryToml {
    prefix: Option<Spanned<String>>,
    location: Option<Spanned<String>>,
    #[serde(default)]
    insecure: bool,
    #[serde(default)]
    blocked: bool,
    #[serde(rename = "mirror-by-digest-only", default)]
    mirror_by_digest_only: bool,
    #[serde(rename = "pull-from-mirror")]
    pull_from_mirror: Option<Spanned<String>>,
    mirror: Option<Vec<Spanned<MirrorToml>>>,
}

#[derive(Deserialize)]
struct MirrorToml {
    location: Option<Spanned<String>>,
    #[serde(default)]
    insecure: bool,
    #[serde(rename = "pull-from-mirror")]
    pull_from_mirror: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct V1Toml {
    search: Option<V1List>,
    insecure: Option<V1List>,
    block: Option<V1List>,
}

#[derive(Deserialize)]
struct V1List {
    registries: Option<Vec<Spanned<String>>>,
}

impl FileToml {
    fn has_v2(&self) -> bool {
        self.search.is_some()
            || self.short_name_mode.as_ref().is_some_and(|m| !m.get_ref().is_empty())
            || self.credential_helpers.is_some()
            || self.additional_layer_store_auth_helper.as_ref().is_some_and(|h| !h.is_empty())
            || self.registry.is_some()
            || self.aliases.is_some()
    }
}

impl V1Toml {
    fn has_set_field(&self) -> bool {
        [&self.search, &self.insecure, &self.block].iter().any(|l| l.as_ref().is_some_and(|l| l.registries.is_some()))
    }
}

/// One file, validated.
struct ParsedFile {
    search: Option<Vec<String>>,
    short_name_mode: Option<ShortNameMode>,
    credential_helpers: Option<Vec<String>>,
    registries: Vec<Registry>,
    /// `None` erases the alias.
    aliases: Vec<(String, Option<String>)>,
}

/// A registry being validated, with the places of its values.
struct RawRegistry {
    span: std::ops::Range<usize>,
    prefix: Option<Spanned<String>>,
    location: Option<Spanned<String>>,
    insecure: bool,
    blocked: bool,
    mirror_by_digest_only: bool,
    pull_from_mirror: Option<Spanned<String>>,
    mirrors: Vec<Spanned<MirrorToml>>,
}

fn parse_file(src: &Source, force_v2: bool) -> Result<ParsedFile, ConfigError> {
    let mut file: FileToml = src.parse()?;

    let mut raw: Vec<RawRegistry> = Vec::new();
    let v1 = file.registries.take().filter(V1Toml::has_set_field);
    if v1.is_some() {
        if force_v2 {
            return Err(
                src.error(None, "registry must be in v2 format but is in v1 (drop-in files must use the v2 format)")
            );
        }
        if file.has_v2() {
            return Err(src.error(None, "mixing sysregistry v1/v2 is not supported"));
        }
    }
    let mut search = file.search.take();
    if let Some(v1) = v1 {
        // containers/image ConvertToV2: blocked first, then insecure, one entry per location.
        let mut index: HashMap<String, usize> = HashMap::new();
        let lists = [(v1.block, true), (v1.insecure, false)];
        for (list, is_block) in lists {
            for loc in list.and_then(|l| l.registries).unwrap_or_default() {
                let span = loc.span();
                let location = parse_location(src, &loc)?;
                let i = *index.entry(location.clone()).or_insert_with(|| {
                    raw.push(RawRegistry {
                        span: span.clone(),
                        prefix: None,
                        location: Some(Spanned::new(span.clone(), location)),
                        insecure: false,
                        blocked: false,
                        mirror_by_digest_only: false,
                        pull_from_mirror: None,
                        mirrors: Vec::new(),
                    });
                    raw.len() - 1
                });
                if is_block {
                    raw[i].blocked = true;
                } else {
                    raw[i].insecure = true;
                }
            }
        }
        search = v1.search.and_then(|l| l.registries);
    } else {
        for r in file.registry.take().unwrap_or_default() {
            let span = r.span();
            let r = r.into_inner();
            raw.push(RawRegistry {
                span,
                prefix: r.prefix,
                location: r.location,
                insecure: r.insecure,
                blocked: r.blocked,
                mirror_by_digest_only: r.mirror_by_digest_only,
                pull_from_mirror: r.pull_from_mirror,
                mirrors: r.mirror.unwrap_or_default(),
            });
        }
    }

    // containers/image postProcessRegistries.
    let mut registries: Vec<Registry> = Vec::with_capacity(raw.len());
    for r in raw {
        let location = match &r.location {
            Some(l) => parse_location(src, l)?,
            None => String::new(),
        };
        let prefix = match &r.prefix {
            Some(p) if !p.get_ref().is_empty() => {
                let prefix = parse_location(src, p)?;
                if prefix.starts_with("*.") {
                    if prefix.contains(['/', '@', ':']) {
                        return Err(src.error(
                            Some(p.span()),
                            format!("wildcarded prefix should be in the format: *.example.com. Current prefix {prefix:?} is incorrectly formatted"),
                        ));
                    }
                } else if location.is_empty() {
                    return Err(src.error(
                        Some(r.span.clone()),
                        "invalid condition: location is unset and prefix is not in the format: *.example.com",
                    ));
                }
                prefix
            }
            _ => {
                if location.is_empty() {
                    return Err(
                        src.error(Some(r.span.clone()), "invalid condition: both location and prefix are unset")
                    );
                }
                location.clone()
            }
        };
        if let Some(p) = r.pull_from_mirror.as_ref().filter(|p| !p.get_ref().is_empty()) {
            return Err(src.error(
                Some(p.span()),
                format!("pull-from-mirror must not be set for a non-mirror registry {prefix:?}"),
            ));
        }
        let mut mirrors = Vec::with_capacity(r.mirrors.len());
        for m in r.mirrors {
            let mspan = m.span();
            let m = m.into_inner();
            let mloc = match &m.location {
                Some(l) => parse_location(src, l)?,
                None => String::new(),
            };
            if mloc.is_empty() {
                let span = m.location.as_ref().map(|l| l.span()).unwrap_or(mspan);
                return Err(src.error(Some(span), "invalid condition: mirror location is unset"));
            }
            let mut pull_from_mirror = PullFromMirror::All;
            if let Some(p) = m.pull_from_mirror.as_ref().filter(|p| !p.get_ref().is_empty()) {
                if r.mirror_by_digest_only {
                    return Err(src.error(
                        Some(p.span()),
                        format!("cannot set mirror usage mirror-by-digest-only for the registry ({prefix:?}) and pull-from-mirror for per-mirror ({mloc:?}) at the same time"),
                    ));
                }
                pull_from_mirror = match p.get_ref().as_str() {
                    "all" => PullFromMirror::All,
                    "digest-only" => PullFromMirror::DigestOnly,
                    "tag-only" => PullFromMirror::TagOnly,
                    other => {
                        return Err(src.error(
                            Some(p.span()),
                            format!("unsupported pull-from-mirror value {other:?} for mirror {mloc:?} (expected \"all\", \"digest-only\" or \"tag-only\")"),
                        ))
                    }
                };
            }
            mirrors.push(Mirror { location: mloc, insecure: m.insecure, pull_from_mirror });
        }
        registries.push(Registry {
            prefix,
            location,
            insecure: r.insecure,
            blocked: r.blocked,
            mirror_by_digest_only: r.mirror_by_digest_only,
            mirrors,
        });
    }

    // The same registry (by location, or prefix if no location) must not
    // have conflicting insecure/blocked settings.
    let key = |r: &Registry| if r.location.is_empty() { r.prefix.clone() } else { r.location.clone() };
    let mut seen: HashMap<String, (bool, bool)> = HashMap::new();
    for r in &registries {
        let (insecure, blocked) = *seen.entry(key(r)).or_insert((r.insecure, r.blocked));
        if insecure != r.insecure {
            return Err(src.error(
                None,
                format!("registry '{}' is defined multiple times with conflicting 'insecure' setting", r.location),
            ));
        }
        if blocked != r.blocked {
            return Err(src.error(
                None,
                format!("registry '{}' is defined multiple times with conflicting 'blocked' setting", r.location),
            ));
        }
    }

    // Within one file, the first entry for a prefix wins; keep them sorted.
    let mut unique: BTreeMap<String, Registry> = BTreeMap::new();
    for r in registries {
        unique.entry(r.prefix.clone()).or_insert(r);
    }
    let registries = unique.into_values().collect();

    let search = match search {
        None => None,
        Some(list) => {
            let mut out = Vec::with_capacity(list.len());
            for s in list {
                let reg = parse_location(src, &s)?;
                if !is_domain(&reg) {
                    return Err(
                        src.error(Some(s.span()), format!("invalid unqualified-search-registries entry {reg:?}"))
                    );
                }
                out.push(reg);
            }
            Some(out)
        }
    };

    let short_name_mode = match file.short_name_mode.as_ref().filter(|m| !m.get_ref().is_empty()) {
        None => None,
        Some(m) => Some(ShortNameMode::parse(m.get_ref()).ok_or_else(|| {
            src.error(
                Some(m.span()),
                format!(
                    "invalid short-name mode: {:?} (expected \"enforcing\", \"permissive\" or \"disabled\")",
                    m.get_ref()
                ),
            )
        })?),
    };

    let mut aliases = Vec::new();
    for (name, value) in file.aliases.take().unwrap_or_default() {
        if let Err(msg) = validate_short_name(&name) {
            return Err(src.error(Some(value.span()), format!("validating short-name aliases: {msg}")));
        }
        if value.get_ref().is_empty() {
            aliases.push((name, None));
            continue;
        }
        match parse_alias_value(value.get_ref()) {
            Ok(v) => aliases.push((name, Some(v))),
            Err(msg) => return Err(src.error(Some(value.span()), format!("validating short-name aliases: {msg}"))),
        }
    }

    Ok(ParsedFile { search, short_name_mode, credential_helpers: file.credential_helpers, registries, aliases })
}

/// containers/image `parseLocation`: strip trailing `/`, refuse URI schemes.
fn parse_location(src: &Source, input: &Spanned<String>) -> Result<String, ConfigError> {
    let trimmed = input.get_ref().trim_end_matches('/');
    if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
        return Err(src.error(
            Some(input.span()),
            format!("invalid location '{}': URI schemes are not supported", input.get_ref()),
        ));
    }
    Ok(trimmed.to_string())
}

// ---------------------------------------------------------------------------
// Bits of Docker reference syntax (github.com/distribution/reference)

/// `host[:port]`, host being DNS labels (letters, digits, `-` inside) joined
/// by `.`, or a bracketed IPv6 address.
pub(crate) fn is_domain(s: &str) -> bool {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let Some(end) = rest.find(']') else { return false };
        let (addr, after) = (&rest[..end], &rest[end + 1..]);
        if addr.is_empty() || !addr.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return false;
        }
        match after.strip_prefix(':') {
            Some(port) => ("[]", Some(port)),
            None if after.is_empty() => ("[]", None),
            None => return false,
        }
    } else {
        match s.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (s, None),
        }
    };
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if host == "[]" {
        return true;
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// A repository path component: `[a-z0-9]+` joined by `.`, `_`, `__` or `-`+.
fn is_path_component(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_alphanumeric() || !b[b.len() - 1].is_ascii_alphanumeric() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            i += 1;
            continue;
        }
        // A separator: ".", "_", "__" or one or more "-".
        let start = i;
        match c {
            b'.' => i += 1,
            b'_' => {
                i += 1;
                if b.get(i) == Some(&b'_') {
                    i += 1;
                }
            }
            b'-' => {
                while b.get(i) == Some(&b'-') {
                    i += 1;
                }
            }
            _ => return false,
        }
        if i == start || !b.get(i).is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// Split `name` into (domain, path) the way Docker references do: the first
/// component is a domain if it contains `.` or `:`, is `localhost`, or has
/// upper-case letters.
fn split_domain(name: &str) -> (Option<&str>, &str) {
    match name.split_once('/') {
        Some((first, rest))
            if first.contains(['.', ':']) || first == "localhost" || first.bytes().any(|b| b.is_ascii_uppercase()) =>
        {
            (Some(first), rest)
        }
        _ => (None, name),
    }
}

/// Check a repository name without tag or digest; returns (domain, path).
fn check_name(name: &str) -> Result<(Option<&str>, &str), String> {
    if name.contains('@') {
        return Err(format!("{name:?}: must not contain a digest"));
    }
    let (domain, path) = split_domain(name);
    if path.rsplit('/').next().is_some_and(|last| last.contains(':')) {
        return Err(format!("{name:?}: must not contain a tag"));
    }
    if let Some(d) = domain {
        if !is_domain(d) {
            return Err(format!("{name:?}: invalid registry {d:?}"));
        }
    }
    if !path.split('/').all(is_path_component) {
        return Err(format!("{name:?}: invalid reference format"));
    }
    Ok((domain, path))
}

/// The left side of an alias: a short name (no registry, tag or digest).
fn validate_short_name(name: &str) -> Result<(), String> {
    match check_name(name) {
        Ok((None, _)) => Ok(()),
        Ok((Some(_), _)) => Err(format!("invalid short name {name:?}: must not contain registry")),
        Err(e) => Err(format!("invalid short name {e}")),
    }
}

/// The right side of an alias: a fully-qualified name (registry and
/// repository, no tag or digest), normalized like Docker does.
fn parse_alias_value(value: &str) -> Result<String, String> {
    match check_name(value) {
        Ok((Some(domain), path)) => {
            let domain = if domain == "index.docker.io" { "docker.io" } else { domain };
            if domain == "docker.io" && !path.contains('/') {
                Ok(format!("docker.io/library/{path}"))
            } else {
                Ok(format!("{domain}/{path}"))
            }
        }
        Ok((None, _)) => Err(format!("invalid alias {value:?}: must contain registry and repository")),
        Err(e) => Err(format!("invalid alias {e}")),
    }
}
