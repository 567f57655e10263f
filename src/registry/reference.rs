//! Docker image references (github.com/distribution/reference): parsing,
//! validation and normalization.
//!
//! ```text
//! reference   := name [ ":" tag ] [ "@" digest ]
//! name        := [domain '/'] path
//! domain      := host [':' port]          host: DNS name, IPv4 or [IPv6]
//! path        := component ['/' component]*
//! component   := [a-z0-9]+ (separator [a-z0-9]+)*     separator: . _ __ -+
//! tag         := [\w][\w.-]{0,127}
//! digest      := algorithm ":" hex         (sha256: 64 hex, sha384: 96, sha512: 128)
//! ```
//!
//! The first path element is a domain when it contains `.` or `:`, is
//! `localhost`, or has upper-case letters; otherwise the reference is a
//! *short name*. Normalization (what Docker and Podman store) puts short
//! names under `docker.io`, single-component `docker.io` names under
//! `library/`, and maps `index.docker.io` to `docker.io`.

use std::fmt;
use std::str::FromStr;

/// The registry short names default to.
pub const DEFAULT_DOMAIN: &str = "docker.io";
/// Docker Hub's legacy domain, normalized to [`DEFAULT_DOMAIN`].
pub const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
/// The namespace of Docker Hub's official images.
pub const OFFICIAL_REPO_PREFIX: &str = "library/";
/// The tag used when a reference has neither tag nor digest.
pub const DEFAULT_TAG: &str = "latest";
/// Longest repository name (domain and path).
pub const NAME_MAX: usize = 255;

/// Why a reference is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReferenceError(pub String);

fn err<T>(msg: impl Into<String>) -> Result<T, ReferenceError> {
    Err(ReferenceError(msg.into()))
}

/// A content digest such as `sha256:<64 hex>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest {
    algorithm: String,
    hex: String,
}

impl Digest {
    /// Parse and validate `algorithm:hex` (sha256, sha384 or sha512, lower-case hex).
    pub fn parse(s: &str) -> Result<Digest, ReferenceError> {
        let Some((algorithm, hex)) = s.split_once(':') else {
            return err(format!("invalid digest {s:?}: invalid checksum digest format"));
        };
        let len = match algorithm {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ if is_digest_algorithm(algorithm) => {
                return err(format!("invalid digest {s:?}: unsupported digest algorithm"));
            }
            _ => return err(format!("invalid digest {s:?}: invalid checksum digest format")),
        };
        if !hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return err(format!("invalid digest {s:?}: invalid checksum digest format"));
        }
        if hex.len() != len {
            return err(format!("invalid digest {s:?}: invalid checksum digest length"));
        }
        Ok(Digest { algorithm: algorithm.to_string(), hex: hex.to_string() })
    }

    /// The sha256 digest of `data`.
    pub fn sha256_of(data: &[u8]) -> Digest {
        use sha2::Digest as _;
        Digest::from_sha256(sha2::Sha256::digest(data).into())
    }

    /// A sha256 digest from its 32 raw bytes.
    pub fn from_sha256(bytes: [u8; 32]) -> Digest {
        Digest { algorithm: "sha256".to_string(), hex: hex(&bytes) }
    }

    pub fn algorithm(&self) -> &str {
        &self.algorithm
    }

    /// The hex part (without `algorithm:`).
    pub fn hex(&self) -> &str {
        &self.hex
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.algorithm, self.hex)
    }
}

impl FromStr for Digest {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Digest::parse(s)
    }
}

impl serde::Serialize for Digest {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Digest {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Digest::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// `[A-Za-z][A-Za-z0-9]*` joined by `+ . - _`.
fn is_digest_algorithm(s: &str) -> bool {
    !s.is_empty()
        && s.split(['+', '.', '-', '_']).all(|c| {
            c.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) && c.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// A reference as the user typed it, validated but not normalized: the
/// domain is `None` for a short name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedReference {
    pub domain: Option<String>,
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
}

impl ParsedReference {
    /// Parse `s` (`[domain/]path[:tag][@digest]`) without normalizing it.
    pub fn parse(s: &str) -> Result<ParsedReference, ReferenceError> {
        if s.is_empty() {
            return err("invalid reference format: repository name must have at least one component");
        }
        if s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return err(format!("invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"));
        }
        let (rest, digest) = match s.split_once('@') {
            Some((rest, d)) => {
                (rest, Some(Digest::parse(d).map_err(|e| ReferenceError(format!("invalid reference format: {e}")))?))
            }
            None => (s, None),
        };
        // The tag is after the last ':' that follows the last '/'.
        let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match rest[last_slash..].rfind(':') {
            Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
            None => (rest, None),
        };
        if let Some(tag) = tag {
            if !is_tag(tag) {
                return err(format!("invalid reference format: invalid tag {tag:?}"));
            }
        }
        let (domain, path) = split_domain(name);
        if let Some(d) = domain {
            if !is_domain(d) {
                return err(format!("invalid reference format: invalid registry {d:?}"));
            }
        }
        if path.is_empty() {
            return err("invalid reference format: repository name must have at least one component");
        }
        if path.bytes().any(|b| b.is_ascii_uppercase()) {
            return err("invalid reference format: repository name must be lowercase");
        }
        if !path.split('/').all(is_path_component) {
            return err("invalid reference format");
        }
        if name.len() > NAME_MAX {
            return err(format!(
                "invalid reference format: repository name must not be more than {NAME_MAX} characters"
            ));
        }
        Ok(ParsedReference {
            domain: domain.map(str::to_string),
            path: path.to_string(),
            tag: tag.map(str::to_string),
            digest,
        })
    }

    /// No registry part (`busybox`, `user/img:tag`): needs short-name resolution.
    pub fn is_short_name(&self) -> bool {
        self.domain.is_none()
    }

    /// Put the reference under `domain` (for a short name) and normalize it.
    pub fn qualify(&self, domain: &str) -> Result<Reference, ReferenceError> {
        let domain = self.domain.as_deref().unwrap_or(domain);
        Reference::from_parts(domain, &self.path, self.tag.clone(), self.digest.clone())
    }

    /// The name as typed, without tag or digest (the key of `[aliases]`).
    pub fn name(&self) -> String {
        match &self.domain {
            Some(d) => format!("{d}/{}", self.path),
            None => self.path.clone(),
        }
    }
}

/// Is `s` a short name (no registry part)? Invalid references are not.
pub fn is_short_name(s: &str) -> bool {
    ParsedReference::parse(s).is_ok_and(|p| p.is_short_name())
}

/// A fully-qualified, normalized reference: `domain/path[:tag][@digest]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference {
    domain: String,
    path: String,
    tag: Option<String>,
    digest: Option<Digest>,
}

impl Reference {
    /// Parse and normalize like Docker's `ParseNormalizedNamed`: short names
    /// go under `docker.io`. No default tag is added (see [`Reference::with_default_tag`]).
    pub fn parse(s: &str) -> Result<Reference, ReferenceError> {
        ParsedReference::parse(s)?.qualify(DEFAULT_DOMAIN)
    }

    /// Parse a reference that must name its registry (no short names).
    pub fn parse_qualified(s: &str) -> Result<Reference, ReferenceError> {
        let p = ParsedReference::parse(s)?;
        if p.is_short_name() {
            return err(format!("{s:?} is not a fully-qualified reference (it has no registry part)"));
        }
        p.qualify(DEFAULT_DOMAIN)
    }

    /// Build from parts, normalizing the domain (`index.docker.io` →
    /// `docker.io`) and Docker Hub's official images (`x` → `library/x`).
    pub fn from_parts(
        domain: &str,
        path: &str,
        tag: Option<String>,
        digest: Option<Digest>,
    ) -> Result<Reference, ReferenceError> {
        if !is_domain(domain) {
            return err(format!("invalid reference format: invalid registry {domain:?}"));
        }
        if path.is_empty() || !path.split('/').all(is_path_component) {
            if path.bytes().any(|b| b.is_ascii_uppercase()) {
                return err("invalid reference format: repository name must be lowercase");
            }
            return err("invalid reference format");
        }
        if let Some(t) = &tag {
            if !is_tag(t) {
                return err(format!("invalid reference format: invalid tag {t:?}"));
            }
        }
        let domain = if domain == LEGACY_DEFAULT_DOMAIN { DEFAULT_DOMAIN } else { domain };
        let path = if domain == DEFAULT_DOMAIN && !path.contains('/') {
            format!("{OFFICIAL_REPO_PREFIX}{path}")
        } else {
            path.to_string()
        };
        if domain.len() + 1 + path.len() > NAME_MAX {
            return err(format!(
                "invalid reference format: repository name must not be more than {NAME_MAX} characters"
            ));
        }
        Ok(Reference { domain: domain.to_string(), path, tag, digest })
    }

    /// `host[:port]`.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The repository path within the registry (`library/busybox`).
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn tag(&self) -> Option<&str> {
        self.tag.as_deref()
    }

    pub fn digest(&self) -> Option<&Digest> {
        self.digest.as_ref()
    }

    /// `domain/path` (no tag or digest).
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// With `latest` added when there is neither tag nor digest (Docker's `TagNameOnly`).
    pub fn with_default_tag(mut self) -> Reference {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some(DEFAULT_TAG.to_string());
        }
        self
    }

    pub fn with_tag(mut self, tag: &str) -> Result<Reference, ReferenceError> {
        if !is_tag(tag) {
            return err(format!("invalid reference format: invalid tag {tag:?}"));
        }
        self.tag = Some(tag.to_string());
        Ok(self)
    }

    pub fn with_digest(mut self, digest: Digest) -> Reference {
        self.digest = Some(digest);
        self
    }

    pub fn without_tag(mut self) -> Reference {
        self.tag = None;
        self
    }

    pub fn without_digest(mut self) -> Reference {
        self.digest = None;
        self
    }

    /// What to ask the registry for: the digest if any, else the tag, else `latest`.
    pub fn manifest_reference(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => DEFAULT_TAG.to_string(),
        }
    }

    /// The short form Docker shows: without `docker.io/` and `library/`
    /// (`busybox:latest`, `user/img`, `quay.io/x/y`), tag and digest kept.
    pub fn familiar(&self) -> String {
        let mut out = self.familiar_name();
        self.push_suffix(&mut out);
        out
    }

    /// [`Reference::familiar`] without tag or digest.
    pub fn familiar_name(&self) -> String {
        if self.domain == DEFAULT_DOMAIN {
            self.path.strip_prefix(OFFICIAL_REPO_PREFIX).filter(|p| !p.contains('/')).unwrap_or(&self.path).to_string()
        } else {
            self.name()
        }
    }

    fn push_suffix(&self, out: &mut String) {
        if let Some(t) = &self.tag {
            out.push(':');
            out.push_str(t);
        }
        if let Some(d) = &self.digest {
            out.push('@');
            out.push_str(&d.to_string());
        }
    }
}

impl fmt::Display for Reference {
    /// The normalized form: `docker.io/library/busybox:latest`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = self.name();
        self.push_suffix(&mut out);
        f.write_str(&out)
    }
}

impl FromStr for Reference {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Reference::parse(s)
    }
}

/// Split `name` into (domain, path): the first component is a domain if it
/// contains `.` or `:`, is `localhost`, or has upper-case letters.
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

/// `host[:port]`: DNS labels (letters, digits, `-` inside) joined by `.`, an
/// IPv4 address, or a bracketed IPv6 address.
pub fn is_domain(s: &str) -> bool {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let Some(end) = rest.find(']') else { return false };
        let (addr, after) = (&rest[..end], &rest[end + 1..]);
        if addr.is_empty()
            || !addr.contains(':')
            || !addr.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return false;
        }
        match after.strip_prefix(':') {
            Some(port) => (None, Some(port)),
            None if after.is_empty() => (None, None),
            None => return false,
        }
    } else {
        match s.split_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(s), None),
        }
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    match host {
        None => true,
        Some(host) => {
            !host.is_empty()
                && host.split('.').all(|label| {
                    !label.is_empty()
                        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                })
        }
    }
}

/// A repository path component: `[a-z0-9]+` joined by `.`, `_`, `__` or `-`+.
fn is_path_component(s: &str) -> bool {
    let b = s.as_bytes();
    let alnum = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    if b.is_empty() || !alnum(b[0]) || !alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        match b[i] {
            b'.' => i += 1,
            b'_' => i += if b.get(i + 1) == Some(&b'_') { 2 } else { 1 },
            b'-' => {
                while b.get(i) == Some(&b'-') {
                    i += 1;
                }
            }
            _ => return false,
        }
        if !b.get(i).is_some_and(|&c| alnum(c)) {
            return false;
        }
    }
    true
}

/// `[\w][\w.-]{0,127}`.
pub fn is_tag(s: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = s.as_bytes();
    !b.is_empty() && b.len() <= 128 && word(b[0]) && b.iter().all(|&c| word(c) || c == b'.' || c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn norm(s: &str) -> String {
        Reference::parse(s).unwrap_or_else(|e| panic!("{s}: {e}")).with_default_tag().to_string()
    }

    fn bad(s: &str) -> String {
        match Reference::parse(s) {
            Ok(r) => panic!("{s:?} parsed as {r}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn normalizes_like_docker() {
        assert_eq!(norm("busybox"), "docker.io/library/busybox:latest");
        assert_eq!(norm("busybox:1.36"), "docker.io/library/busybox:1.36");
        assert_eq!(norm("user/img"), "docker.io/user/img:latest");
        assert_eq!(norm("docker.io/busybox"), "docker.io/library/busybox:latest");
        assert_eq!(norm("index.docker.io/busybox"), "docker.io/library/busybox:latest");
        assert_eq!(norm("index.docker.io/library/busybox:x"), "docker.io/library/busybox:x");
        assert_eq!(norm("docker.io/library/busybox"), "docker.io/library/busybox:latest");
        assert_eq!(norm("host:5000/a/b:tag"), "host:5000/a/b:tag");
        assert_eq!(norm("127.0.0.1:5000/busybox"), "127.0.0.1:5000/busybox:latest");
        assert_eq!(norm("localhost/x"), "localhost/x:latest");
        assert_eq!(norm("localhost:5000/x/y/z"), "localhost:5000/x/y/z:latest");
        assert_eq!(norm("quay.io/podman/hello"), "quay.io/podman/hello:latest");
        assert_eq!(norm("[::1]:5000/x"), "[::1]:5000/x:latest");
        assert_eq!(norm("Registry.Example.com/x"), "Registry.Example.com/x:latest");
        assert_eq!(norm("a/b-c__d.e_f---g"), "docker.io/a/b-c__d.e_f---g:latest");
    }

    #[test]
    fn digests() {
        assert_eq!(norm(&format!("busybox@{D}")), format!("docker.io/library/busybox@{D}"));
        assert_eq!(norm(&format!("busybox:1@{D}")), format!("docker.io/library/busybox:1@{D}"));
        assert_eq!(norm(&format!("host:5000/a@{D}")), format!("host:5000/a@{D}"));
        let r = Reference::parse(&format!("busybox:1@{D}")).unwrap();
        assert_eq!(r.tag(), Some("1"));
        assert_eq!(r.digest().unwrap().to_string(), D);
        assert_eq!(r.manifest_reference(), D);
        assert_eq!(r.digest().unwrap().algorithm(), "sha256");
        assert_eq!(Reference::parse("busybox").unwrap().manifest_reference(), "latest");
        assert!(bad("busybox@sha256:abc").contains("invalid checksum digest length"));
        assert!(bad(&format!("busybox@{}", D.to_uppercase().replace("SHA256", "sha256"))).contains("format"));
        assert!(bad("busybox@md5:d41d8cd98f00b204e9800998ecf8427e").contains("unsupported digest algorithm"));
        assert!(bad("busybox@").contains("invalid reference format"));
        let d512 = format!("sha512:{}", "a".repeat(128));
        assert!(Reference::parse(&format!("x@{d512}")).is_ok());
        assert_eq!(Digest::sha256_of(b"").to_string(), D);
    }

    #[test]
    fn rejects_bad_references() {
        assert_eq!(bad("Busybox"), "invalid reference format: repository name must be lowercase");
        assert_eq!(bad("docker.io/Library/busybox"), "invalid reference format: repository name must be lowercase");
        assert_eq!(bad("host:5000/A/b"), "invalid reference format: repository name must be lowercase");
        assert!(bad("").contains("at least one component"));
        assert!(bad("busybox:").contains("invalid tag"));
        assert!(bad("busybox:-x").contains("invalid tag"));
        assert!(bad(&format!("busybox:{}", "a".repeat(129))).contains("invalid tag"));
        assert!(Reference::parse(&format!("busybox:{}", "a".repeat(128))).is_ok());
        assert!(bad("a//b").starts_with("invalid reference format"));
        assert!(bad("a/b/").starts_with("invalid reference format"));
        assert!(bad("-a").starts_with("invalid reference format"));
        assert!(bad("a-").starts_with("invalid reference format"));
        assert!(bad("a..b").starts_with("invalid reference format"));
        assert!(bad("a___b").starts_with("invalid reference format"));
        assert!(bad("a b").starts_with("invalid reference format"));
        assert!(bad("host:port/x").contains("invalid registry"));
        assert!(bad("-host.com/x").contains("invalid registry"));
        assert!(bad("host.com:/x").contains("invalid registry"));
        assert!(bad("[zz]:5000/x").contains("invalid registry"));
        assert!(bad(&"e".repeat(64)).contains("64-byte hexadecimal"));
        assert!(bad(&format!("x/{}", "a".repeat(260))).contains("255"));
        assert!(bad("host.com/").contains("at least one component"));
    }

    #[test]
    fn short_names() {
        assert!(is_short_name("busybox"));
        assert!(is_short_name("busybox:1"));
        assert!(is_short_name(&format!("busybox@{D}")));
        assert!(is_short_name("library/busybox"));
        assert!(is_short_name("user/img:tag"));
        assert!(!is_short_name("docker.io/busybox"));
        assert!(!is_short_name("localhost/x"));
        assert!(!is_short_name("host:5000/x"));
        assert!(!is_short_name("Host/x"));
        assert!(!is_short_name("BAD"));
        let p = ParsedReference::parse("user/img:tag").unwrap();
        assert_eq!(p.name(), "user/img");
        assert_eq!(p.tag.as_deref(), Some("tag"));
        assert_eq!(p.qualify("quay.io").unwrap().to_string(), "quay.io/user/img:tag");
        let p = ParsedReference::parse("busybox").unwrap();
        assert_eq!(p.qualify("docker.io").unwrap().to_string(), "docker.io/library/busybox");
        assert_eq!(p.qualify("quay.io").unwrap().to_string(), "quay.io/busybox");
        assert!(Reference::parse_qualified("busybox").is_err());
        assert!(Reference::parse_qualified("docker.io/busybox").is_ok());
    }

    #[test]
    fn familiar_and_display() {
        let f = |s: &str| Reference::parse(s).unwrap().with_default_tag().familiar();
        assert_eq!(f("busybox"), "busybox:latest");
        assert_eq!(f("docker.io/library/busybox:1"), "busybox:1");
        assert_eq!(f("docker.io/user/img"), "user/img:latest");
        assert_eq!(f("docker.io/library/a/b"), "library/a/b:latest");
        assert_eq!(f("quay.io/x/y:t"), "quay.io/x/y:t");
        assert_eq!(f("localhost/x"), "localhost/x:latest");
        let r = Reference::parse("host:5000/a/b:t").unwrap();
        assert_eq!(r.domain(), "host:5000");
        assert_eq!(r.path(), "a/b");
        assert_eq!(r.name(), "host:5000/a/b");
        assert_eq!(r.familiar_name(), "host:5000/a/b");
        assert_eq!(r.clone().without_tag().to_string(), "host:5000/a/b");
        assert_eq!(r.clone().with_tag("u").unwrap().to_string(), "host:5000/a/b:u");
        assert!(r.clone().with_tag("!").is_err());
        let r: Reference = "busybox".parse().unwrap();
        assert_eq!(r.to_string(), "docker.io/library/busybox");
        assert_eq!(r.with_default_tag().to_string(), "docker.io/library/busybox:latest");
        let with_digest = Reference::parse(&format!("busybox@{D}")).unwrap().with_default_tag();
        assert_eq!(with_digest.tag(), None, "a digest needs no default tag");
    }

    #[test]
    fn path_components() {
        for ok in ["a", "a0", "a.b", "a_b", "a__b", "a-b", "a--b", "a.b.c", "0"] {
            assert!(is_path_component(ok), "{ok}");
        }
        for bad in ["", "A", ".a", "a.", "_a", "a_", "a..b", "a___b", "a.-b", "a/b", "a:b"] {
            assert!(!is_path_component(bad), "{bad}");
        }
        assert!(is_domain("localhost"));
        assert!(is_domain("a.b.c:443"));
        assert!(is_domain("[fe80::1%25]").eq(&false));
        assert!(!is_domain("a.b:123456"));
    }
}
