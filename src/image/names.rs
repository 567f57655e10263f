//! Image names as listings show them.

/// Split `docker.io/library/busybox:latest` into (`docker.io/library/busybox`,
/// `latest`); a name with a digest and no tag gives the digest as the tag
/// column's `<none>`.
pub fn repo_tag(name: &str) -> (String, String) {
    let without_digest = name.split('@').next().unwrap_or(name);
    let slash = without_digest.rfind('/').map(|i| i + 1).unwrap_or(0);
    match without_digest[slash..].rfind(':') {
        Some(i) => (without_digest[..slash + i].to_string(), without_digest[slash + i + 1..].to_string()),
        None => (without_digest.to_string(), "<none>".to_string()),
    }
}

/// The 12-hex short form of an image ID.
pub fn short_id(id: &str) -> &str {
    let hex = id.strip_prefix("sha256:").unwrap_or(id);
    &hex[..hex.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        assert_eq!(repo_tag("docker.io/library/busybox:latest"), ("docker.io/library/busybox".into(), "latest".into()));
        assert_eq!(repo_tag("127.0.0.1:5000/a/b:v1"), ("127.0.0.1:5000/a/b".into(), "v1".into()));
        assert_eq!(repo_tag("127.0.0.1:5000/a/b"), ("127.0.0.1:5000/a/b".into(), "<none>".into()));
        assert_eq!(short_id("sha256:0123456789abcdef"), "0123456789ab");
    }
}
