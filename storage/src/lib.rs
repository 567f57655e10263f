//! rpod's store: images, layers and containers under one graph root.
//!
//! * [`driver`]: the storage drivers (overlay, vfs).
//! * [`layout`]: where things live under the graph root.
//! * [`Store`]: layers extracted by chain ID as overlay lower dirs, and the
//!   metadata (images, names, manifests, configs, layers, holds) in an
//!   embedded SQLite database.
//! * [`extract`]: the hardened tar extractor (path safety, overlay
//!   whiteouts, owners, modes, xattrs, times).
//! * [`shifted`]: a copy of a tree with its owners translated, for
//!   containers in a user namespace of their own (`--userns=keep-id`).
//! * [`tarsplit`]: the record of a layer's tar stream minus file content,
//!   written while extracting, from which [`Store::layer_tar`]
//!   re-assembles the exact stream (`save`, `push`).
//!
//! # On disk
//!
//! ```text
//! <root>/storage.lock                  flock (see below)
//! <root>/db.sqlite{,-wal,-shm}         SQLite, WAL mode
//! <root>/layers/<chain-id-hex>/diff/   extracted layers
//! <root>/layers/<chain-id-hex>/tar-split.zst   their tar streams minus file content
//! <root>/layers/<chain-id-hex>/shifted/<key>/  the image topped by that layer, flattened, owners translated (keep-id)
//! <root>/tmp/stage-<pid>-<rand>/       {lock, layer/{diff/,tar-split.zst}, replaced/}: extractions in progress
//! <root>/tmp/rm-<pid>-<rand>/          layers being deleted
//! ```
//!
//! Database (schema version [`store::SCHEMA_VERSION`], in the `meta`
//! table): `layers(chain_id PK, diff_id, parent, size, created)`,
//! `layer_compressed(chain_id, digest)`, `images(id PK = config sha256 hex,
//! digest, config, size, created, added)`, `image_manifests(image_id,
//! digest, manifest)`, `image_layers(image_id, position, chain_id → layers)`,
//! `names(name PK, image_id)`, `holds(holder, chain_id → layers)`,
//! `containers(id PK, name UNIQUE, …)`, `volumes(name PK, anonymous, created, config)`,
//! `volume_users(volume → volumes, container → containers ON DELETE CASCADE)`,
//! `pods(id PK, name UNIQUE, created, config)`, `pod_members(container PK →
//! containers ON DELETE CASCADE, pod → pods)`. A layer's
//! users are derived (`image_layers` + `holds`), never counted by hand.
//!
//! # Invariants and crash safety
//!
//! *A layer row exists only while its directory does.* A layer is
//! extracted into `tmp/stage-*`, verified against its diff ID, renamed into
//! `layers/` (parent directories fsynced) and only then inserted; removal
//! deletes the row first and renames the directory into `tmp/` afterwards.
//! A crash (`kill -9`) can therefore leave only (a) staging directories,
//! (b) a layer directory without a row (killed between rename and commit),
//! (c) `tmp/rm-*`; [`Store::open`] removes all three. Images are pure
//! database state and change in single transactions.
//!
//! # Locking discipline
//!
//! * Metadata: SQLite transactions; every write is `BEGIN IMMEDIATE` (takes
//!   the write lock up front, no deadlock-prone upgrades), `busy_timeout`
//!   30 s; readers never block writers (WAL).
//! * `storage.lock` (flock): **exclusive** only around the short sections
//!   that change which layer directories exist together with the rows —
//!   rename + insert in [`Store::put_layer`], delete + rename-out in
//!   [`Store::remove_image`] / [`Store::remove_unused_layers`], and the
//!   repair in [`Store::open`] — and **shared** while `open` compares the
//!   directories with the rows. Extraction itself runs with no global
//!   lock, so layers of one image, or of concurrent pulls, extract in
//!   parallel; two putters of the same layer both extract, the first to
//!   commit wins and the second discards its copy and returns the stored
//!   layer.
//! * Each staging directory holds an exclusive flock on its own `lock`
//!   file for its lifetime; cleanup removes only staging directories whose
//!   lock it can take, so a live extraction is never removed (a flock dies
//!   with its process; PID reuse cannot fake it).
//! * Order: flock before the in-process connection mutex before SQLite's
//!   lock; nothing waits for the flock while holding the others.
#![deny(unsafe_code)]

pub mod changes;
pub mod containers;
mod digest;
pub mod driver;
pub mod error;
pub mod extract;
mod fsutil;
pub mod layout;
mod lookup;
pub mod pack;
pub mod pods;
pub mod shifted;
pub mod store;
mod targuard;
pub mod tarsplit;
pub mod volumes;

pub use containers::{ContainerRecord, Containers};
pub use digest::chain_id;
pub use error::StorageError;
pub use pods::{PodRecord, Pods};
pub use store::{ImageRecord, LayerInfo, LayerSpec, Store, StoreOptions};
pub use tarsplit::LayerTar;
pub use volumes::{VolumeRecord, Volumes};
