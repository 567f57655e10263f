//! The registry side of images: references, short-name resolution, auth
//! files, and an async client for the OCI distribution API.
//!
//! - [`reference`]: Docker reference grammar (`busybox` →
//!   `docker.io/library/busybox:latest`), digests, familiar names.
//! - [`resolve`]: from a user's reference and registries.conf to the ordered
//!   pull candidates (aliases, unqualified-search registries, mirrors,
//!   `insecure`, `blocked`, `--tls-verify`).
//! - [`auth`]: Podman's auth files (`auth.json`, `~/.docker/config.json`):
//!   lookup, login, logout.
//! - [`client`]: the registry client (built on `oci-client` + `reqwest`
//!   with rustls/ring): manifests, configs, streamed blobs, push, catalog,
//!   tags, login check; bounded retries and timeouts.
//! - [`blob`]: [`BlobReader`] (a blocking `Read` over a streamed blob that
//!   verifies size and digest at EOF) and [`decompress`].
//! - [`manifest`]: media types, manifest/index/descriptor types, platform
//!   selection.
//! - [`session`]: what the registry commands share (auth files for
//!   `--authfile`, login keys, TLS options, a small runtime).
//!
//! Everything here reports [`Error`], whose messages are what the user sees
//! (exit code 125 through `anyhow`).
//!
//! A pull, in outline (the CLI owns the runtime and the threads):
//!
//! ```ignore
//! let res = resolve_pull("busybox", &config.registries, &ResolveOptions { tls_verify, registries_conf })?;
//! let auth = AuthFiles::from_env(&AuthEnv::from_process(ctx.user_uid()));
//! let client = Client::new(ClientOptions::system(rootless));
//! let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
//! for c in &res.candidates {                        // mirrors first, then the registry
//!     let creds = auth.lookup(&c.location.name())?;
//!     let img = match rt.block_on(client.fetch_image(c, creds.as_ref(), &Platform::host())) {
//!         Ok(img) => img,
//!         Err(e) => { /* remember e, try the next candidate */ continue }
//!     };
//!     // per layer, on its own thread (say 6 at a time):
//!     let reader = client.blob_reader(rt.handle(), c, creds.as_ref(), &img.image.layers[i])?;
//!     let mut tar = decompress(&img.image.layers[i].media_type, reader)?;
//!     store.put_layer(&spec, &mut tar)?;            // reads to EOF: digest, size, diff_id checked
//!     // store the image as c.name (docker.io/library/busybox:latest), digest img.manifest.digest
//! }
//! ```

pub mod auth;
pub mod blob;
pub mod client;
mod error;
pub mod manifest;
pub mod reference;
pub mod resolve;
pub mod session;

#[cfg(test)]
mod tests;

pub use auth::{AuthEnv, AuthError, AuthFiles, Credentials, RemoveOutcome};
pub use blob::{decompress, finish, BlobReader, Compression, VerifyingReader};
pub use client::{BlobSource, BlobStream, Client, ClientOptions, PushEvent, PushImage, PushLayer, ResolvedImage};
pub use error::Error;
pub use manifest::{Descriptor, ImageIndex, ImageManifest, Manifest, ManifestKind, Platform};
pub use reference::{Digest, ParsedReference, Reference, ReferenceError};
pub use resolve::{
    resolve_pull, resolve_push, resolve_registry, Candidate, Endpoint, Resolution, ResolveOptions, ResolvedBy,
};
