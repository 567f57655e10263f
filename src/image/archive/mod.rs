//! Image archives: OCI image layouts (a directory, or a tar of one:
//! `oci-archive`), Docker's `docker save` format (`docker-archive`) and the
//! `dir:` transport's directory (`docker-dir`, written only).
//!
//! Reading (`load`): [`open`] gives random access to the files of an input —
//! a directory as it is; an uncompressed tar file indexed in place (entry
//! offsets, data read with `pread`, nothing copied); a compressed tar or a
//! stream (stdin) decompressed into an unlinked temporary file first (gone
//! when rpod exits, even on `kill -9`) and indexed. [`Archive::images`]
//! then finds the images (`index.json`, else `manifest.json`), verifying
//! manifests and configs against their digests; their layers go through
//! [`super::copy::store_image`] with [`Archive::blobs`], whose readers verify
//! each blob's size and digest at EOF.
//!
//! Writing (`save`, `push`): layers are re-created from the store with
//! [`Store::layer_tar`] (the exact tar whose sha256 is the diff ID, checked
//! at EOF), compressed into temporary files in parallel when the format
//! wants them compressed (a tar header and a manifest need the size and
//! digest before the bytes), or counted first and streamed when not.

//!
//! [`read`] holds the reading side, [`write`] the writing side; both are
//! re-exported here.

mod read;
mod write;

pub use read::*;
pub use write::*;

/// The annotation an OCI index entry names its image with.
pub const REF_NAME: &str = "org.opencontainers.image.ref.name";
/// containerd's (and BuildKit's, Docker 25's) annotation with the full name.
pub const CONTAINERD_NAME: &str = "io.containerd.image.name";

#[cfg(test)]
mod tests;
