//! Images on the CLI side: bringing them into the store (from a registry or
//! an archive) through one pipeline, and presenting stored images the way
//! Docker and Podman do.
//!
//! - [`commit`]: a new image from a parent and a directory of changes.
//! - [`copy`]: layers in parallel (blob → digest check → decompress →
//!   extract), then the image record.
//! - [`pull`]: a registry as the source.
//! - [`progress`]: Podman's plain lines, or bars on a terminal.
//! - [`names`]: repository/tag splitting for listings.
//! - [`lookup`]: finding stored images by name or ID, and normalizing new names.
//! - [`inspect`]: the ImageInspect document, image summaries, history rows.
//! - [`filter`]: `--filter` for listings and pruning.

pub mod archive;
pub mod changes;
pub mod commit;
pub mod copy;
pub mod filter;
pub mod inspect;
pub mod lookup;
pub mod names;
pub mod progress;
pub mod pull;
pub mod remove;
pub mod sign;
