//! Manifests, indexes and descriptors (OCI image-spec and Docker schema 2),
//! and choosing a platform from an index.

use std::collections::BTreeMap;
use std::fmt;

use bytes::Bytes;
use serde::{Deserialize, Serialize};

use super::reference::Digest;
use super::Error;

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_MANIFEST_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const DOCKER_MANIFEST_V1: &str = "application/vnd.docker.distribution.manifest.v1+json";
pub const DOCKER_MANIFEST_V1_SIGNED: &str = "application/vnd.docker.distribution.manifest.v1+prettyjws";

pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";

pub const OCI_LAYER: &str = "application/vnd.oci.image.layer.v1.tar";
pub const OCI_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const OCI_LAYER_ZSTD: &str = "application/vnd.oci.image.layer.v1.tar+zstd";
pub const DOCKER_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";
pub const DOCKER_LAYER: &str = "application/vnd.docker.image.rootfs.diff.tar";
pub const DOCKER_FOREIGN_LAYER_GZIP: &str = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

/// What the client accepts when fetching a manifest, in order of preference.
pub const ACCEPTED_MANIFEST_TYPES: [&str; 4] = [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST];

/// A content descriptor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    pub media_type: String,
    pub digest: Digest,
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urls: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
}

impl Descriptor {
    pub fn new(media_type: &str, digest: Digest, size: u64) -> Descriptor {
        Descriptor {
            media_type: media_type.to_string(),
            digest,
            size,
            urls: None,
            annotations: None,
            platform: None,
            artifact_type: None,
        }
    }

    /// The descriptor of `data`.
    pub fn of(media_type: &str, data: &[u8]) -> Descriptor {
        Descriptor::new(media_type, Digest::sha256_of(data), data.len() as u64)
    }
}

/// A platform (`os/arch[/variant]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Platform {
    pub architecture: String,
    pub os: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(rename = "os.version", default, skip_serializing_if = "Option::is_none")]
    pub os_version: Option<String>,
    #[serde(rename = "os.features", default, skip_serializing_if = "Option::is_none")]
    pub os_features: Option<Vec<String>>,
}

impl Platform {
    /// This host's platform (`linux/amd64`, `linux/arm64/v8`, ...).
    pub fn host() -> Platform {
        let arch = normalize_arch(std::env::consts::ARCH, None);
        let variant = match arch.0.as_str() {
            "arm64" => Some("v8".to_string()),
            "arm" => Some("v7".to_string()),
            _ => None,
        };
        Platform { architecture: arch.0, os: std::env::consts::OS.to_string(), variant, ..Platform::default() }
    }

    /// Parse `os[/arch[/variant]]` (`--platform`); missing parts come from this host.
    pub fn parse(s: &str) -> Result<Platform, Error> {
        let parts: Vec<&str> = s.split('/').collect();
        if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(Error::Other(format!("invalid platform {s:?}: expected os/arch[/variant]")));
        }
        let host = Platform::host();
        let os = parts[0].to_ascii_lowercase();
        let (arch, variant) = match parts.get(1) {
            Some(a) => normalize_arch(&a.to_ascii_lowercase(), parts.get(2).map(|v| v.to_ascii_lowercase())),
            None => (host.architecture.clone(), host.variant.clone()),
        };
        Ok(Platform { architecture: arch, os, variant, ..Platform::default() })
    }

    /// From `--os`, `--arch`, `--variant` overrides on top of this host (or of `--platform`).
    pub fn with_overrides(mut self, os: Option<&str>, arch: Option<&str>, variant: Option<&str>) -> Platform {
        if let Some(os) = os {
            self.os = os.to_ascii_lowercase();
        }
        if let Some(arch) = arch {
            let (a, v) = normalize_arch(&arch.to_ascii_lowercase(), variant.map(str::to_string));
            self.architecture = a;
            self.variant = v;
        } else if let Some(v) = variant {
            self.variant = Some(v.to_string());
        }
        self
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = self.variant.as_deref().filter(|v| !v.is_empty()) {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

/// containerd's `platforms.Normalize` for architectures: `x86_64` → `amd64`,
/// `aarch64` → `arm64` (variant `v8` implied), `armhf` → `arm/v7`, ...
pub fn normalize_arch(arch: &str, variant: Option<String>) -> (String, Option<String>) {
    let variant = variant.filter(|v| !v.is_empty());
    match arch {
        "i386" | "i686" | "x86" => ("386".into(), None),
        "x86_64" | "x86-64" | "amd64" => ("amd64".into(), variant),
        "aarch64" | "arm64" => (
            "arm64".into(),
            match variant.as_deref() {
                Some("8") | Some("v8") | None => Some("v8".into()),
                _ => variant,
            },
        ),
        "armhf" => ("arm".into(), Some("v7".into())),
        "armel" => ("arm".into(), Some("v6".into())),
        "arm" => (
            "arm".into(),
            match variant.as_deref() {
                None | Some("7") | Some("v7") => Some("v7".into()),
                Some("5") | Some("6") | Some("8") => variant.map(|v| format!("v{v}")),
                _ => variant,
            },
        ),
        "powerpc64" | "ppc64el" => ("ppc64le".into(), variant),
        other => (other.to_string(), variant),
    }
}

/// An image manifest (OCI, or Docker schema 2: the same shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageManifest {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    pub config: Descriptor,
    pub layers: Vec<Descriptor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// An image index (OCI) or manifest list (Docker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageIndex {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    pub manifests: Vec<Descriptor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestKind {
    /// OCI image manifest or Docker schema 2 manifest.
    Image,
    /// OCI image index or Docker manifest list.
    Index,
}

/// A manifest as fetched: its exact bytes, media type and digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub media_type: String,
    pub bytes: Bytes,
    pub digest: Digest,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Probe {
    schema_version: Option<u32>,
    media_type: Option<String>,
    manifests: Option<serde_json::Value>,
    config: Option<serde_json::Value>,
    layers: Option<serde_json::Value>,
    fs_layers: Option<serde_json::Value>,
}

impl Manifest {
    /// Check `bytes` and work out the media type: the `mediaType` field,
    /// else the shape (`manifests` → index, `config`+`layers` → manifest),
    /// else `content_type` (the HTTP header, when known). `reference` is
    /// only for messages.
    pub fn from_bytes(
        bytes: Bytes,
        digest: Digest,
        content_type: Option<&str>,
        reference: &str,
    ) -> Result<Manifest, Error> {
        let invalid = |detail: String| Error::InvalidManifest { reference: reference.to_string(), detail };
        let probe: Probe = serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
        match probe.schema_version {
            Some(2) => {}
            Some(1) => return Err(invalid("Docker schema 1 manifests are not supported".into())),
            Some(v) => return Err(invalid(format!("unsupported schemaVersion {v}"))),
            None if probe.fs_layers.is_some() => {
                return Err(invalid("Docker schema 1 manifests are not supported".into()))
            }
            None => return Err(invalid("missing schemaVersion".into())),
        }
        let media_type = match probe.media_type.filter(|m| !m.is_empty()) {
            Some(m) => m,
            None if probe.manifests.is_some() => OCI_INDEX.to_string(),
            None if probe.config.is_some() && probe.layers.is_some() => OCI_MANIFEST.to_string(),
            None => match content_type.map(|c| c.split(';').next().unwrap_or("").trim()) {
                Some(c) if ACCEPTED_MANIFEST_TYPES.contains(&c) => c.to_string(),
                _ => return Err(invalid("not an image manifest or index (no mediaType, manifests or layers)".into())),
            },
        };
        let m = Manifest { media_type, bytes, digest };
        // Validate the structure now, so later parsing cannot fail.
        match m.kind() {
            Some(ManifestKind::Image) => {
                m.image(reference)?;
            }
            Some(ManifestKind::Index) => {
                m.index(reference)?;
            }
            None => return Err(invalid(format!("unsupported manifest media type {:?}", m.media_type))),
        }
        Ok(m)
    }

    pub fn kind(&self) -> Option<ManifestKind> {
        match self.media_type.as_str() {
            OCI_MANIFEST | DOCKER_MANIFEST => Some(ManifestKind::Image),
            OCI_INDEX | DOCKER_MANIFEST_LIST => Some(ManifestKind::Index),
            _ => None,
        }
    }

    pub fn is_index(&self) -> bool {
        self.kind() == Some(ManifestKind::Index)
    }

    /// Parse as an image manifest.
    pub fn image(&self, reference: &str) -> Result<ImageManifest, Error> {
        let m: ImageManifest = serde_json::from_slice(&self.bytes)
            .map_err(|e| Error::InvalidManifest { reference: reference.to_string(), detail: e.to_string() })?;
        Ok(m)
    }

    /// Parse as an index / manifest list.
    pub fn index(&self, reference: &str) -> Result<ImageIndex, Error> {
        serde_json::from_slice(&self.bytes)
            .map_err(|e| Error::InvalidManifest { reference: reference.to_string(), detail: e.to_string() })
    }
}

/// Choose the manifest for `want` in `index` (containers/image's platform
/// matching): same OS and architecture; the variant must match when `want`
/// has one (`arm64` with no variant counts as `v8`), else entries without a
/// variant (or the architecture's default one) are preferred. Entries that
/// are not image manifests (attestations: OS `unknown`) never match.
pub fn select_platform<'a>(index: &'a ImageIndex, want: &Platform, reference: &str) -> Result<&'a Descriptor, Error> {
    let want_arch = normalize_arch(&want.architecture, want.variant.clone());
    let mut best: Option<(u8, &Descriptor)> = None;
    for d in &index.manifests {
        let Some(p) = &d.platform else { continue };
        if !matches!(d.media_type.as_str(), OCI_MANIFEST | DOCKER_MANIFEST | "") {
            continue;
        }
        if !p.os.eq_ignore_ascii_case(&want.os) {
            continue;
        }
        let (arch, variant) = normalize_arch(&p.architecture.to_ascii_lowercase(), p.variant.clone());
        if arch != want_arch.0 {
            continue;
        }
        // Rank: exact variant 0, entry without variant 1, other variant 2
        // (only when the user did not ask for one explicitly).
        let rank = match (&want_arch.1, &variant) {
            (Some(w), Some(v)) if w == v => 0,
            (_, None) => 1,
            (Some(_), Some(_)) if want.variant.is_some() => continue,
            (None, Some(_)) => 2,
            _ => 2,
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, d));
        }
    }
    match best {
        Some((_, d)) => Ok(d),
        None => {
            let mut available: Vec<String> = index
                .manifests
                .iter()
                .filter_map(|d| d.platform.as_ref())
                .filter(|p| p.os != "unknown")
                .map(|p| p.to_string())
                .collect();
            available.dedup();
            Err(Error::NoMatchingPlatform {
                reference: reference.to_string(),
                wanted: want.to_string(),
                available: if available.is_empty() { "none".into() } else { available.join(", ") },
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: u8) -> Digest {
        Digest::from_sha256([n; 32])
    }

    fn entry(n: u8, os: &str, arch: &str, variant: Option<&str>) -> Descriptor {
        let mut e = Descriptor::new(OCI_MANIFEST, d(n), 100);
        e.platform = Some(Platform {
            os: os.into(),
            architecture: arch.into(),
            variant: variant.map(Into::into),
            ..Platform::default()
        });
        e
    }

    fn index(entries: Vec<Descriptor>) -> ImageIndex {
        ImageIndex { schema_version: 2, media_type: Some(OCI_INDEX.into()), manifests: entries, annotations: None }
    }

    #[test]
    fn platform_selection() {
        let idx = index(vec![
            entry(1, "linux", "amd64", None),
            entry(2, "linux", "arm", Some("v6")),
            entry(3, "linux", "arm", Some("v7")),
            entry(4, "linux", "arm64", Some("v8")),
            entry(5, "windows", "amd64", None),
            entry(6, "unknown", "unknown", None),
        ]);
        let pick = |s: &str| select_platform(&idx, &Platform::parse(s).unwrap(), "r").map(|d| d.digest.clone());
        assert_eq!(pick("linux/amd64").unwrap(), d(1));
        assert_eq!(pick("linux/arm").unwrap(), d(3), "arm defaults to v7");
        assert_eq!(pick("linux/arm/v6").unwrap(), d(2));
        assert_eq!(pick("linux/arm64").unwrap(), d(4));
        assert_eq!(pick("linux/aarch64").unwrap(), d(4));
        assert_eq!(pick("windows/amd64").unwrap(), d(5));
        assert_eq!(pick("linux/x86_64").unwrap(), d(1));
        let e = pick("linux/s390x").unwrap_err().to_string();
        assert!(e.contains("no image found for platform linux/s390x"), "{e}");
        assert!(e.contains("linux/amd64, linux/arm/v6, linux/arm/v7, linux/arm64/v8, windows/amd64"), "{e}");
        assert!(pick("linux/arm/v5").is_err());
        // arm64 without variant in the index still matches.
        let idx2 = index(vec![entry(7, "linux", "arm64", None)]);
        assert_eq!(select_platform(&idx2, &Platform::parse("linux/arm64").unwrap(), "r").unwrap().digest, d(7));
        // The host is found in a typical index.
        let host = Platform::host();
        if host.os == "linux" && host.architecture == "amd64" {
            assert_eq!(select_platform(&idx, &host, "r").unwrap().digest, d(1));
        }
    }

    #[test]
    fn platform_parse_and_overrides() {
        assert_eq!(Platform::parse("linux/arm64").unwrap().to_string(), "linux/arm64/v8");
        assert_eq!(Platform::parse("linux/amd64").unwrap().to_string(), "linux/amd64");
        assert_eq!(Platform::parse("linux/arm/6").unwrap().to_string(), "linux/arm/v6");
        assert!(Platform::parse("linux//x").is_err());
        assert!(Platform::parse("a/b/c/d").is_err());
        let p = Platform::host().with_overrides(Some("linux"), Some("arm"), Some("v6"));
        assert_eq!(p.to_string(), "linux/arm/v6");
        let p = Platform::parse("linux/amd64").unwrap().with_overrides(None, Some("arm64"), None);
        assert_eq!(p.to_string(), "linux/arm64/v8");
    }

    #[test]
    fn manifest_detection() {
        let img = br#"{"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:0000000000000000000000000000000000000000000000000000000000000000","size":2},"layers":[]}"#;
        let m = Manifest::from_bytes(Bytes::from_static(img), d(0), None, "r").unwrap();
        assert_eq!(m.media_type, OCI_MANIFEST);
        assert_eq!(m.kind(), Some(ManifestKind::Image));
        let idx = br#"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[]}"#;
        let m = Manifest::from_bytes(Bytes::from_static(idx), d(0), None, "r").unwrap();
        assert!(m.is_index());
        let e = Manifest::from_bytes(Bytes::from_static(b"{not json"), d(0), None, "x:1").unwrap_err().to_string();
        assert!(e.starts_with("parsing manifest of x:1: "), "{e}");
        let e = Manifest::from_bytes(Bytes::from_static(br#"{"schemaVersion":1,"fsLayers":[]}"#), d(0), None, "x")
            .unwrap_err();
        assert!(e.to_string().contains("schema 1"), "{e}");
        let bad_layers =
            br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}"#;
        assert!(Manifest::from_bytes(Bytes::from_static(bad_layers), d(0), None, "x").is_err());
        let odd = br#"{"schemaVersion":2,"mediaType":"text/plain"}"#;
        assert!(Manifest::from_bytes(Bytes::from_static(odd), d(0), None, "x")
            .unwrap_err()
            .to_string()
            .contains("unsupported manifest media type"));
    }
}
