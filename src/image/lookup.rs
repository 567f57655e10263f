//! Finding stored images by what users type (`busybox`, `busybox:1.36`,
//! `127.0.0.1:5000/library/busybox:latest`, a full or short ID), and the
//! names `tag` gives, both following Podman (libimage's `LookupImage` and
//! `NormalizeName`).

use rpod_storage::{ImageRecord, StorageError, Store};

use super::names::repo_tag;
use crate::registry::{ParsedReference, Reference};

/// How an image was found.
#[derive(Debug, Clone)]
pub struct Found {
    pub image: ImageRecord,
    /// The stored name that matched; `None` when found by ID.
    pub name: Option<String>,
}

impl Found {
    pub fn by_id(&self) -> bool {
        self.name.is_none()
    }
}

/// Look an image up like Podman:
///
/// 1. an exact stored name, a full ID or a unique ID prefix (3+ hex
///    digits, `sha256:` optional);
/// 2. for a name without a registry: `localhost/NAME:TAG`, then
///    `REGISTRY/NAME:TAG` for each unqualified-search registry; for a name
///    with one: its normalized form (`docker.io/busybox` →
///    `docker.io/library/busybox:latest`);
/// 3. for a name without a registry: any stored name whose repository ends
///    in `/NAME` with the same tag (`busybox` finds
///    `127.0.0.1:5000/library/busybox:latest`), in store order.
///
/// A `@digest` in the input must be one of the image's manifest digests.
/// Nothing found: [`StorageError::ImageUnknown`] naming the input.
pub fn find(store: &Store, search_registries: &[String], input: &str) -> Result<Found, StorageError> {
    match store.lookup(input) {
        Ok(image) => {
            let name = image.names.iter().find(|n| n.as_str() == input).cloned();
            return Ok(Found { image, name });
        }
        Err(StorageError::ImageUnknown(_)) => {}
        Err(e) => return Err(e),
    }
    let unknown = || StorageError::ImageUnknown(input.to_string());
    let Ok(parsed) = ParsedReference::parse(input) else { return Err(unknown()) };
    let digest = parsed.digest.as_ref().map(|d| d.to_string());
    let tag = parsed.tag.clone().unwrap_or_else(|| "latest".to_string());
    let with_tag = |name: String| match (&digest, &parsed.tag) {
        (Some(_), None) => name,
        _ => format!("{name}:{tag}"),
    };

    // 2. The candidates a short name resolves to locally, or the
    // normalized form of a qualified name.
    let mut candidates = Vec::new();
    if parsed.is_short_name() {
        candidates.push(with_tag(format!("localhost/{}", parsed.path)));
        for registry in search_registries {
            if let Ok(r) = Reference::from_parts(registry, &parsed.path, None, None) {
                candidates.push(with_tag(r.name()));
            }
        }
    } else if let Ok(r) = parsed.qualify("docker.io") {
        candidates.push(with_tag(r.name()));
    }
    let images = store.images()?;
    let has_digest = |img: &ImageRecord| digest.as_ref().is_none_or(|d| img.digests.contains(d) || &img.digest == d);
    for candidate in &candidates {
        if digest.is_some() && parsed.tag.is_none() {
            // `name@digest`: any image carrying the repository and the digest.
            for img in &images {
                if let Some(n) = img.names.iter().find(|n| repo_tag(n).0 == *candidate) {
                    if has_digest(img) {
                        return Ok(Found { name: Some(n.clone()), image: img.clone() });
                    }
                }
            }
        } else if let Some(img) = images.iter().find(|i| i.names.contains(candidate)) {
            if has_digest(img) {
                return Ok(Found { name: Some(candidate.clone()), image: img.clone() });
            }
        }
    }

    // 3. Suffix match on the repository, short names only.
    if !parsed.is_short_name() {
        return Err(unknown());
    }
    for img in images.iter().filter(|i| has_digest(i)) {
        for n in &img.names {
            let (repo, t) = repo_tag(n);
            if (digest.is_none() || parsed.tag.is_some()) && t != tag {
                continue;
            }
            if repo == parsed.path || repo.ends_with(&format!("/{}", parsed.path)) {
                return Ok(Found { name: Some(n.clone()), image: img.clone() });
            }
        }
    }
    Err(unknown())
}

/// Podman's `NormalizeName`: the name `tag` gives and `untag` removes.
/// Without a registry part the name goes under `localhost/` (`foo` →
/// `localhost/foo:latest`); Docker Hub names are normalized
/// (`docker.io/busybox` → `docker.io/library/busybox:latest`); `latest`
/// is added when there is neither tag nor digest.
pub fn normalize_name(input: &str) -> anyhow::Result<Reference> {
    let parsed = ParsedReference::parse(input).map_err(|e| anyhow::anyhow!("normalizing name {input:?}: {e}"))?;
    let r = parsed.qualify("localhost").map_err(|e| anyhow::anyhow!("normalizing name {input:?}: {e}"))?;
    Ok(match (r.tag(), r.digest()) {
        // A tagged and digested name keeps the digest only, like Podman.
        (Some(_), Some(_)) => r.without_tag(),
        _ => r.with_default_tag(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_like_podman() {
        let n = |s: &str| normalize_name(s).unwrap().to_string();
        assert_eq!(n("foo"), "localhost/foo:latest");
        assert_eq!(n("foo/bar:v1"), "localhost/foo/bar:v1");
        assert_eq!(n("localhost/foo"), "localhost/foo:latest");
        assert_eq!(n("docker.io/busybox"), "docker.io/library/busybox:latest");
        assert_eq!(n("127.0.0.1:5000/a/b:c"), "127.0.0.1:5000/a/b:c");
        assert_eq!(n("quay.io/x/y"), "quay.io/x/y:latest");
        assert!(normalize_name("Foo").is_err());
        assert!(normalize_name("").is_err());
    }
}
