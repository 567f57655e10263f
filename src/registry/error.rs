//! The registry module's error: each variant's message is what the user reads.

use super::reference::ReferenceError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Reference(#[from] ReferenceError),

    /// A short name with no alias and no `unqualified-search-registries`.
    #[error(
        "short-name {name:?} did not resolve to an alias and no unqualified-search registries are defined in {path:?}"
    )]
    NoSearchRegistries { name: String, path: String },

    #[error("registry {0} is blocked in registries.conf")]
    Blocked(String),

    /// The registry cannot be reached (connection refused, DNS, TLS, timeout).
    #[error("pinging container registry {registry}: {detail}")]
    Unreachable { registry: String, detail: String, transient: bool },

    /// A 401 without credentials.
    #[error("authentication required for {registry}: run 'rpod login {registry}'")]
    AuthRequired { registry: String },

    /// A 401 (or a refused token request) with credentials.
    #[error("authentication to {registry} failed: invalid username/password")]
    AuthFailed { registry: String, detail: String },

    /// Authenticated, but not allowed (403 / DENIED).
    #[error("{what}: access denied: {detail}")]
    Denied { what: String, detail: String },

    /// 404 / MANIFEST_UNKNOWN / NAME_UNKNOWN for a manifest.
    #[error("{reference}: manifest unknown")]
    ManifestUnknown { reference: String, detail: String },

    #[error("{reference}: blob {digest} unknown to registry")]
    BlobUnknown { reference: String, digest: String },

    /// Not JSON, not a manifest we understand, or a malformed one.
    #[error("parsing manifest of {reference}: {detail}")]
    InvalidManifest { reference: String, detail: String },

    /// `--platform` (or this host) has no entry in an image index.
    #[error("choosing an image from manifest list {reference}: no image found for platform {wanted} (available: {available})")]
    NoMatchingPlatform { reference: String, wanted: String, available: String },

    #[error("{what}: digest mismatch: expected {expected}, got {actual}")]
    DigestMismatch { what: String, expected: String, actual: String },

    #[error("{what}: size mismatch: expected {expected} bytes, got {actual}")]
    SizeMismatch { what: String, expected: u64, actual: u64 },

    /// An HTTP status the registry should not have answered.
    #[error("{what}: {status}: {message}")]
    Http { what: String, status: u16, message: String },

    /// A transfer that broke after it started (reset, timeout while reading).
    #[error("{what}: {detail}")]
    Network { what: String, detail: String, transient: bool },

    #[error("{0}")]
    Other(String),
}

impl Error {
    /// Worth retrying: connection problems, 5xx and 429.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Unreachable { transient, .. } | Error::Network { transient, .. } => *transient,
            Error::Http { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    /// The manifest (or repository) does not exist at this location: the
    /// caller may try the next candidate.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::ManifestUnknown { .. } | Error::BlobUnknown { .. })
    }

    /// Into an `io::Error` (for the blocking readers), keeping the message.
    pub fn into_io(self) -> std::io::Error {
        let kind = match &self {
            Error::DigestMismatch { .. } | Error::SizeMismatch { .. } => std::io::ErrorKind::InvalidData,
            Error::Unreachable { .. } | Error::Network { .. } => std::io::ErrorKind::ConnectionAborted,
            _ => std::io::ErrorKind::Other,
        };
        std::io::Error::new(kind, self)
    }
}
