//! The store's error type.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A file-system operation on the store failed.
    #[error("{op} {}: {source}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// The database failed.
    #[error("store database {}: {context}: {source}", path.display())]
    Db {
        path: PathBuf,
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },

    /// The database was written by a newer rpod.
    #[error("store database {}: schema version {found} is newer than this rpod supports ({supported}); upgrade rpod", path.display())]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },

    /// A tar entry's path (or hardlink target) is absolute or leaves the
    /// layer directory.
    #[error("layer {layer}: refusing entry {entry:?}: {reason}")]
    UnsafePath { layer: String, entry: String, reason: &'static str },

    /// Creating one entry of a layer failed.
    #[error("layer {layer}: entry {entry:?}: {what}: {source}")]
    Entry {
        layer: String,
        entry: String,
        what: &'static str,
        #[source]
        source: io::Error,
    },

    /// An owner of a tar entry is outside the user namespace's ID map.
    #[error(
        "layer {layer}: entry {entry:?}: {kind} {id} not mapped; the user needs a larger subordinate ID range in /etc/sub{kind} (65536 IDs), or ignore_chown_errors = \"true\" in storage.conf to store such files as yours; `rpod system doctor` prints the command"
    )]
    UnmappedId { layer: String, entry: String, kind: &'static str, id: u64 },

    /// Reading the layer stream failed (including a compressed-digest
    /// mismatch reported by the caller's reader, and malformed tar data).
    #[error("layer {layer}: reading the layer: {source}")]
    Read {
        layer: String,
        #[source]
        source: io::Error,
    },

    /// The uncompressed layer does not hash to its diff ID.
    #[error("layer {layer}: content digest sha256:{actual} does not match the diff ID")]
    DiffIdMismatch { layer: String, actual: String },

    /// A digest / ID argument is malformed or inconsistent.
    #[error("invalid {what} {value:?}: {reason}")]
    Invalid { what: &'static str, value: String, reason: &'static str },

    /// The container name (or ID) belongs to another container.
    #[error("the container name \"{name}\" is already in use by {owner}. You have to remove that container to be able to reuse that name")]
    NameInUse { name: String, owner: String },

    /// No container with this name, ID or ID prefix.
    #[error("no container with name or ID \"{0}\" found: no such container")]
    ContainerUnknown(String),

    /// An ID prefix matches several containers.
    #[error("more than one result for container ID prefix \"{key}\": {}", matches.join(", "))]
    ContainerAmbiguous { key: String, matches: Vec<String> },

    /// A volume of this name exists (Podman's words).
    #[error("volume with name {0} already exists: volume already exists")]
    VolumeExists(String),

    /// No volume of this name.
    #[error("no volume with name \"{0}\" found: no such volume")]
    VolumeUnknown(String),

    /// Containers use the volume.
    #[error("volume {name} is being used by the following container(s): {}: volume is being used", users.join(", "))]
    VolumeInUse { name: String, users: Vec<String> },

    /// No pod with this name, ID or ID prefix (Podman's words).
    #[error("no pod with name or ID {0} found: no such pod")]
    PodUnknown(String),

    /// An ID prefix matches several pods.
    #[error("more than one result for pod ID prefix \"{key}\": {}", matches.join(", "))]
    PodAmbiguous { key: String, matches: Vec<String> },

    /// The pod still has containers.
    #[error("pod {id} has containers that are not ready to be removed: {}", members.join(", "))]
    PodHasContainers { id: String, members: Vec<String> },

    /// No such layer.
    #[error("layer {0} not known")]
    LayerUnknown(String),

    /// A layer row exists but its directory does not (or vice versa), or
    /// its files no longer re-assemble its tar stream.
    #[error("layer {chain_id} is damaged: {reason}")]
    LayerDamaged { chain_id: String, reason: String },

    /// A layer stored before rpod recorded tar-split data: its tar stream
    /// cannot be re-assembled.
    #[error("layer {0} has no tar-split data; pull it again")]
    NoTarSplit(String),

    /// No image matches.
    #[error("{0}: image not known")]
    ImageUnknown(String),

    /// An ID prefix matches several images.
    #[error("{prefix}: ambiguous image ID prefix, matches {}", matches.join(", "))]
    Ambiguous { prefix: String, matches: Vec<String> },

    /// Making an image's copy with translated owners failed.
    #[error("copying image layer {top} with translated owners")]
    Shift {
        top: String,
        #[source]
        source: crate::shifted::ShiftError,
    },

    /// `untag` of a name the image does not have.
    #[error("image {id} does not have the name {name:?}")]
    NameNotOnImage { id: String, name: String },

    /// The store's root directory lets other users in where they could
    /// change it.
    #[error("{}: mode {mode:04o} lets other users write into the store; refusing it (chmod go-w {}, or choose another --root)", path.display(), path.display())]
    UnsafeRoot { path: PathBuf, mode: u32 },

    /// A layer expands past the extraction limits.
    #[error("layer {layer}: {what} exceeds the limit of {limit} (a hostile or broken layer; raise the limit in storage.conf [storage.options] {option} if it is genuine)")]
    TooLarge { layer: String, what: &'static str, limit: u64, option: &'static str },
}

impl StorageError {
    pub(crate) fn io(op: &'static str, path: impl Into<PathBuf>, source: io::Error) -> StorageError {
        StorageError::Io { op, path: path.into(), source }
    }

    pub(crate) fn invalid(what: &'static str, value: &str, reason: &'static str) -> StorageError {
        StorageError::Invalid { what, value: value.to_string(), reason }
    }
}

/// Shorthand for the crate's results.
pub type Result<T, E = StorageError> = std::result::Result<T, E>;
