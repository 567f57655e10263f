//! The image and layer store: extracted layers on disk, metadata in SQLite.
//!
//! See the crate docs for the layout, the schema and the locking
//! discipline.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::hash::BuildHasher;
use std::io::{self, Read};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use nix::errno::Errno;
use nix::fcntl::{Flock, FlockArg};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::digest::{self, hex_of, is_hex64, sha256_hex};
use crate::error::{Result, StorageError};
use crate::extract::{self, ExtractOptions, TarSplitOptions};
use crate::fsutil::{fsync_dir, remove_tree};
use crate::layout::Layout;
use crate::tarsplit::{self, LayerTar};

/// The schema version this code writes and understands.
pub const SCHEMA_VERSION: i64 = 2;

pub(crate) const SCHEMA: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE layers (
    chain_id TEXT PRIMARY KEY NOT NULL,   -- sha256:<hex>; the directory is layers/<hex>
    diff_id  TEXT NOT NULL,               -- sha256 of the uncompressed tar
    parent   TEXT,                        -- parent chain id (not a foreign key: layers are put in parallel)
    size     INTEGER NOT NULL,            -- bytes of the uncompressed tar (Podman's layer size)
    created  INTEGER NOT NULL             -- unix seconds
);
CREATE TABLE layer_compressed (
    chain_id TEXT NOT NULL REFERENCES layers(chain_id) ON DELETE CASCADE,
    digest   TEXT NOT NULL,               -- a compressed blob digest this layer was pulled from
    PRIMARY KEY (chain_id, digest)
);
CREATE INDEX layer_compressed_by_digest ON layer_compressed(digest);
CREATE TABLE images (
    id       TEXT PRIMARY KEY NOT NULL,   -- hex sha256 of the config
    digest   TEXT NOT NULL,               -- the manifest digest last stored for it
    config   BLOB NOT NULL,
    size     INTEGER NOT NULL,            -- its layers' sizes + config + manifest twice (Podman's)
    created  INTEGER NOT NULL,            -- unix seconds, from the config
    added    INTEGER NOT NULL             -- unix seconds, when stored
);
CREATE TABLE image_manifests (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    digest   TEXT NOT NULL,
    manifest BLOB NOT NULL,
    added    INTEGER NOT NULL,
    PRIMARY KEY (image_id, digest)
);
CREATE TABLE image_layers (
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,            -- 0 = base
    chain_id TEXT NOT NULL REFERENCES layers(chain_id),
    PRIMARY KEY (image_id, position)
);
CREATE INDEX image_layers_by_chain ON image_layers(chain_id);
CREATE TABLE names (
    name     TEXT PRIMARY KEY NOT NULL,   -- a name is on at most one image
    image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE
);
CREATE INDEX names_by_image ON names(image_id);
CREATE TABLE holds (
    holder   TEXT NOT NULL,               -- e.g. a container id or an in-flight pull
    chain_id TEXT NOT NULL REFERENCES layers(chain_id),
    PRIMARY KEY (holder, chain_id)
);
CREATE INDEX holds_by_chain ON holds(chain_id);
CREATE INDEX layers_by_parent ON layers(parent);
";

/// Version 2: containers (see [`crate::containers`]).
const SCHEMA_V2: &str = "
CREATE TABLE IF NOT EXISTS containers (
    id       TEXT PRIMARY KEY NOT NULL,   -- 64 hex digits
    name     TEXT NOT NULL UNIQUE,
    image_id TEXT NOT NULL,               -- hex config digest (the image may be removed later)
    created  INTEGER NOT NULL,            -- unix nanoseconds
    config   BLOB NOT NULL,               -- the engine's JSON, opaque here
    state    BLOB NOT NULL                -- the engine's JSON, opaque here
);
";

/// How to open a store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreOptions {
    /// Whiteouts and opaque directories in overlay's `userxattr` form
    /// (`user.overlay.*`, for rootless overlay mounts) instead of
    /// `trusted.overlay.*`.
    pub rootless_xattrs: bool,
    /// Survive power loss, not just process crashes: `syncfs` the staged
    /// layer before it is made visible and `synchronous=FULL` for SQLite.
    /// Off by default, like Podman: it costs a full writeback per layer.
    pub durable: bool,
    /// See [`crate::extract::ExtractOptions::ignore_chown_errors`].
    pub ignore_chown_errors: bool,
}

/// A layer to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerSpec {
    /// `sha256:<hex>`: the diff ID for a base layer, else
    /// `sha256(parent + " " + diff_id)` (checked).
    pub chain_id: String,
    pub parent: Option<String>,
    /// `sha256:<hex>` of the uncompressed tar stream (checked while
    /// extracting).
    pub diff_id: String,
    /// The digest of the compressed blob the stream came from, if any.
    pub compressed_digest: Option<String>,
}

/// A stored layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerInfo {
    pub chain_id: String,
    pub diff_id: String,
    pub parent: Option<String>,
    /// Bytes of the uncompressed layer tar (Podman's layer size).
    pub size: u64,
    /// Compressed blob digests seen for this layer.
    pub compressed_digests: Vec<String>,
    /// Images whose layer list contains it.
    pub images: u64,
    /// Holds on it (containers, in-flight pulls).
    pub holds: u64,
    /// Unix seconds.
    pub created: i64,
}

/// An image record. On [`Store::put_image`] the fields `size`, `added`
/// and `digests` are ignored (the store computes them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageRecord {
    /// 64 hex digits: the sha256 of `config` (checked).
    pub id: String,
    /// `sha256:<hex>` of `manifest` (checked).
    pub digest: String,
    pub manifest: Vec<u8>,
    pub config: Vec<u8>,
    /// Chain IDs, base layer first.
    pub layers: Vec<String>,
    /// Names (`docker.io/library/busybox:latest`), in the order given.
    pub names: Vec<String>,
    /// Podman's image size: the layers' sizes, the config and the manifest
    /// twice (as containers/storage counts its data items).
    pub size: u64,
    /// Unix seconds, from the config's `created`.
    pub created: i64,
    /// Unix seconds, when the image was first stored.
    pub added: i64,
    /// Every manifest digest stored for this image (`digest` included).
    pub digests: Vec<String>,
}

/// The store under one graph root. `Send + Sync`: share it between threads
/// (layers are extracted outside any lock; only commits serialise).
pub struct Store {
    layout: Layout,
    opts: StoreOptions,
    db_path: PathBuf,
    db: Mutex<Connection>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("root", &self.layout.root()).field("opts", &self.opts).finish()
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A name for a temporary directory: `<pid>-<random>`.
fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let r = std::collections::hash_map::RandomState::new().hash_one((std::process::id(), n, t));
    format!("{}-{r:016x}", std::process::id())
}

fn mkdir_mode(path: &Path, mode: u32) -> io::Result<()> {
    match fs::DirBuilder::new().mode(mode).create(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

/// Hashes and counts what is read through it.
struct HashReader<'a> {
    inner: &'a mut dyn Read,
    hasher: Sha256,
    bytes: u64,
}

impl Read for HashReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// A staging directory `tmp/stage-<pid>-<random>` holding an exclusive
/// flock on its `lock` file for as long as it lives; removed on drop.
struct Staging {
    dir: PathBuf,
    _lock: Flock<File>,
}

impl Staging {
    fn create(layout: &Layout) -> Result<Staging> {
        let tmp = layout.tmp_dir();
        let suffix = unique_suffix();
        let new = tmp.join(format!(".new-{suffix}"));
        mkdir_mode(&new, 0o700).map_err(|e| StorageError::io("create", &new, e))?;
        let setup = || -> Result<(PathBuf, Flock<File>)> {
            let lock_path = new.join("lock");
            let f = OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&lock_path)
                .map_err(|e| StorageError::io("create", &lock_path, e))?;
            let lock = Flock::lock(f, FlockArg::LockExclusive)
                .map_err(|(_, e)| StorageError::io("lock", &lock_path, io::Error::from(e)))?;
            let layer = new.join("layer");
            mkdir_mode(&layer, 0o755).map_err(|e| StorageError::io("create", &layer, e))?;
            let diff = layer.join("diff");
            mkdir_mode(&diff, 0o755).map_err(|e| StorageError::io("create", &diff, e))?;
            let dir = tmp.join(format!("stage-{suffix}"));
            fs::rename(&new, &dir).map_err(|e| StorageError::io("rename", &new, e))?;
            Ok((dir, lock))
        };
        match setup() {
            Ok((dir, lock)) => Ok(Staging { dir, _lock: lock }),
            Err(e) => {
                let _ = remove_tree(&new);
                Err(e)
            }
        }
    }

    fn layer(&self) -> PathBuf {
        self.dir.join("layer")
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Still holding the lock: nobody else touches it meanwhile.
        if let Err(e) = remove_tree(&self.dir) {
            log::warn!("removing {}: {e} (the next rpod command retries)", self.dir.display());
        }
    }
}

impl Store {
    /// Opens (creating when needed) the store under `graph_root`, and
    /// cleans up what interrupted operations left: staging directories
    /// whose owner is gone, layer directories the database does not know,
    /// and layer rows whose directory is missing (with the images using
    /// them).
    pub fn open(graph_root: &Path, opts: StoreOptions) -> Result<Store> {
        let layout = Layout::new(graph_root);
        // Private like Podman's: layers hold other users' files.
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(graph_root)
            .map_err(|e| StorageError::io("create", graph_root, e))?;
        for d in [layout.layers_dir(), layout.tmp_dir()] {
            mkdir_mode(&d, 0o700).map_err(|e| StorageError::io("create", &d, e))?;
        }
        let db_path = layout.db_path();
        let conn = open_db(&db_path, opts.durable)?;
        let store = Store { layout, opts, db_path, db: Mutex::new(conn) };
        store.recover()?;
        Ok(store)
    }

    /// Opens the store's metadata only: the database, without the repair
    /// of interrupted operations [`Store::open`] does (which may have to
    /// remove files of other owners). For commands that read images and
    /// change holds but never touch layer directories (`create`), so
    /// that they need not enter the user namespace. Fails if the store
    /// does not exist yet.
    pub fn open_metadata(graph_root: &Path, opts: StoreOptions) -> Result<Store> {
        let layout = Layout::new(graph_root);
        let db_path = layout.db_path();
        if !db_path.exists() {
            return Err(StorageError::io("open", &db_path, std::io::Error::from(std::io::ErrorKind::NotFound)));
        }
        let conn = open_db(&db_path, opts.durable)?;
        Ok(Store { layout, opts, db_path, db: Mutex::new(conn) })
    }

    pub fn root(&self) -> &Path {
        self.layout.root()
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn options(&self) -> &StoreOptions {
        &self.opts
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding it cannot leave a transaction open: the
        // Transaction's drop rolls back.
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn dberr(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StorageError + '_ {
        move |source| StorageError::Db { path: self.db_path.clone(), context, source }
    }

    fn lock(&self, arg: FlockArg) -> Result<Flock<File>> {
        let p = self.layout.lock_path();
        // (std opens everything O_CLOEXEC.)
        let mut f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&p)
            .map_err(|e| StorageError::io("open", &p, e))?;
        loop {
            match Flock::lock(f, arg) {
                Ok(l) => return Ok(l),
                Err((back, Errno::EINTR)) => f = back,
                Err((_, e)) => return Err(StorageError::io("lock", &p, io::Error::from(e))),
            }
        }
    }

    // ---- recovery ----

    fn recover(&self) -> Result<()> {
        self.clean_tmp();
        let pending = {
            let _shared = self.lock(FlockArg::LockShared)?;
            self.scan()?
        };
        if pending.is_clean() {
            return Ok(());
        }
        let mut doomed = Vec::new();
        {
            let _excl = self.lock(FlockArg::LockExclusive)?;
            let pending = self.scan()?;
            if !pending.missing.is_empty() {
                let mut conn = self.conn();
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(self.dberr("begin"))?;
                for chain in &pending.missing {
                    log::warn!("store: layer {chain} has no directory; forgetting it and the images using it");
                    tx.execute(
                        "DELETE FROM images WHERE id IN (SELECT image_id FROM image_layers WHERE chain_id = ?1)",
                        [chain],
                    )
                    .map_err(self.dberr("delete images of a missing layer"))?;
                    tx.execute("DELETE FROM holds WHERE chain_id = ?1", [chain]).map_err(self.dberr("delete holds"))?;
                    tx.execute("DELETE FROM layers WHERE chain_id = ?1", [chain])
                        .map_err(self.dberr("delete layer"))?;
                }
                tx.commit().map_err(self.dberr("commit"))?;
            }
            for hex in &pending.orphans {
                log::debug!("store: removing layer directory {hex} unknown to the database");
                if let Some(p) = self.move_to_trash(&self.layout.layer_dir(hex))? {
                    doomed.push(p);
                }
            }
        }
        for p in doomed {
            if let Err(e) = remove_tree(&p) {
                log::warn!("removing {}: {e}", p.display());
            }
        }
        Ok(())
    }

    /// Compares the layer directories with the database (under a lock that
    /// keeps both still).
    fn scan(&self) -> Result<Scan> {
        let known: Vec<String> = {
            let conn = self.conn();
            let mut st = conn.prepare("SELECT chain_id FROM layers").map_err(self.dberr("list layers"))?;
            let rows = st.query_map([], |r| r.get::<_, String>(0)).map_err(self.dberr("list layers"))?;
            rows.collect::<std::result::Result<_, _>>().map_err(self.dberr("list layers"))?
        };
        let dir = self.layout.layers_dir();
        let (orphans, missing) = compare_layers(&self.layout, &known).map_err(|e| StorageError::io("read", &dir, e))?;
        Ok(Scan { orphans, missing })
    }

    /// Removes leftovers in `tmp/`: staging dirs whose lock is free (their
    /// process is gone: a flock dies with its owner, PID reuse cannot fake
    /// it), set-up dirs older than ten minutes, and removal dirs.
    fn clean_tmp(&self) {
        let tmp = self.layout.tmp_dir();
        let Ok(rd) = fs::read_dir(&tmp) else { return };
        for ent in rd.flatten() {
            let name = ent.file_name();
            let Some(name) = name.to_str() else { continue };
            let path = ent.path();
            if name.starts_with("stage-") {
                let lock_path = path.join("lock");
                let f = match OpenOptions::new()
                    .read(true)
                    .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
                    .open(&lock_path)
                {
                    Ok(f) => f,
                    // Renamed to stage-* only after locking: no lock file =
                    // a cleaner died halfway.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        let _ = remove_tree(&path);
                        continue;
                    }
                    Err(_) => continue,
                };
                // Not lockable = its extraction is alive.
                if let Ok(_held) = Flock::lock(f, FlockArg::LockExclusiveNonblock) {
                    log::debug!("store: removing abandoned staging dir {}", path.display());
                    if let Err(e) = remove_tree(&path) {
                        log::warn!("removing {}: {e}", path.display());
                    }
                }
            } else if name.starts_with(".new-") {
                let old = ent
                    .metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > Duration::from_secs(600));
                if old {
                    let _ = remove_tree(&path);
                }
            } else if name.starts_with("rm-") {
                let _ = remove_tree(&path);
            }
        }
    }

    /// Renames a layer directory into `tmp/rm-*` (call with the exclusive
    /// lock held); returns the new path, None when it was already gone.
    fn move_to_trash(&self, dir: &Path) -> Result<Option<PathBuf>> {
        let dest = self.layout.tmp_dir().join(format!("rm-{}", unique_suffix()));
        match fs::rename(dir, &dest) {
            Ok(()) => {
                let _ = fsync_dir(&self.layout.layers_dir());
                Ok(Some(dest))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StorageError::io("rename", dir, e)),
        }
    }

    // ---- layers ----

    /// Whether the layer is stored (false also when the database cannot be
    /// read; the error then shows on the next write).
    pub fn has_layer(&self, chain_id: &str) -> bool {
        match self.layer(chain_id) {
            Ok(l) => l.is_some(),
            Err(e) => {
                log::warn!("{e}");
                false
            }
        }
    }

    /// The overlay lower dir of a layer: `<root>/layers/<hex>/diff`.
    pub fn layer_diff_path(&self, chain_id: &str) -> PathBuf {
        let hex = chain_id.strip_prefix("sha256:").unwrap_or(chain_id);
        if is_hex64(hex) {
            self.layout.layer_diff_dir(hex)
        } else {
            // Never a real layer: keeps a malformed ID from naming any
            // other path.
            self.layout.layers_dir().join("invalid-chain-id").join("diff")
        }
    }

    /// `layers/<hex of top>/shifted/<key>`: a flattened copy of the image
    /// whose top layer is `top`, with owners translated for a container
    /// user namespace (`key` names the translation). It lives in the top
    /// layer's directory, so it goes when the layer goes.
    pub fn shifted_root_path(&self, top: &str, key: &str) -> Result<PathBuf> {
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(StorageError::invalid("shifted copy key", key, "only letters, digits and '-'"));
        }
        let hex = hex_of("chain ID", top)?;
        Ok(self.layout.layer_dir(hex).join("shifted").join(key))
    }

    /// The shifted copy of [`Store::shifted_root_path`], made first when
    /// missing: `merged` is the image's root as the container would see it
    /// (the caller mounts the overlay of its layers there), copied with
    /// [`crate::shifted::copy_shifted`] into a staging directory, which
    /// then, under the exclusive lock, becomes the copy, unless another
    /// process made it meanwhile. A kill at any point leaves at most a
    /// staging directory, which the next [`Store::open`] removes.
    pub fn put_shifted_root(
        &self,
        top: &str,
        key: &str,
        merged: &Path,
        uid: crate::shifted::IdFn<'_>,
        gid: crate::shifted::IdFn<'_>,
    ) -> Result<PathBuf> {
        let dest = self.shifted_root_path(top, key)?;
        if dest.is_dir() {
            return Ok(dest);
        }
        let staging = Staging::create(&self.layout)?;
        let staged = staging.layer().join("diff");
        crate::shifted::copy_shifted(merged, &staged, uid, gid)
            .map_err(|source| StorageError::Shift { top: top.to_string(), source })?;
        let _lock = self.lock(FlockArg::LockExclusive)?;
        if self.layer(top)?.is_none() {
            return Err(StorageError::LayerUnknown(top.to_string()));
        }
        let parent = dest.parent().expect("shifted/<key> has a parent");
        mkdir_mode(parent, 0o700).map_err(|e| StorageError::io("create", parent, e))?;
        match fs::rename(&staged, &dest) {
            Ok(()) => {
                let _ = fsync_dir(parent);
                Ok(dest)
            }
            // Made by another process meanwhile.
            Err(e)
                if dest.is_dir()
                    && matches!(e.kind(), io::ErrorKind::AlreadyExists | io::ErrorKind::DirectoryNotEmpty) =>
            {
                Ok(dest)
            }
            Err(e) => Err(StorageError::io("rename", &staged, e)),
        }
    }

    /// Stores a layer from its **uncompressed** tar stream.
    ///
    /// The stream is extracted into a fresh staging directory while its
    /// sha256 is computed; a reader error at any point, a malformed or
    /// hostile entry, or a digest different from `diff_id` discards the
    /// staging directory and returns the error. Then, under the store's
    /// exclusive lock, the staged layer is renamed to
    /// `layers/<hex>` and its row inserted in one transaction — unless
    /// another thread or process stored the same layer meanwhile, in which
    /// case ours is discarded and the existing one returned.
    ///
    /// While extracting, the stream's tar-split (everything but regular-file
    /// content) is recorded into `tar-split.zst` in the staging layer
    /// directory, so it appears together with the layer; see
    /// [`Store::layer_tar`].
    ///
    /// When the layer is already stored on entry, it is returned at once
    /// without reading `tar` (the compressed digest is recorded).
    pub fn put_layer(&self, spec: &LayerSpec, tar: &mut dyn Read) -> Result<LayerInfo> {
        let chain_hex = hex_of("chain ID", &spec.chain_id)?.to_string();
        let diff_hex = hex_of("diff ID", &spec.diff_id)?.to_string();
        if let Some(p) = &spec.parent {
            hex_of("parent chain ID", p)?;
        }
        if let Some(c) = &spec.compressed_digest {
            hex_of("compressed digest", c)?;
        }
        if digest::chain_id(spec.parent.as_deref(), &spec.diff_id) != spec.chain_id {
            return Err(StorageError::invalid(
                "chain ID",
                &spec.chain_id,
                "does not derive from the parent and diff ID",
            ));
        }
        if let Some(existing) = self.layer(&spec.chain_id)? {
            return self.note_compressed(existing, spec);
        }

        let stage = Staging::create(&self.layout)?;
        let layer_dir = stage.layer();
        let diff = layer_dir.join("diff");
        let mut hr = HashReader { inner: tar, hasher: Sha256::new(), bytes: 0 };
        let opts = ExtractOptions {
            layer: &spec.diff_id,
            rootless_xattrs: self.opts.rootless_xattrs,
            force_xattr_whiteouts: false,
            ignore_chown_errors: self.opts.ignore_chown_errors,
        };
        let split_path = layer_dir.join(tarsplit::FILE_NAME);
        // Outside the layer directory: removed with the staging dir.
        let scratch = stage.dir.join("replaced");
        mkdir_mode(&scratch, 0o700).map_err(|e| StorageError::io("create", &scratch, e))?;
        let split = TarSplitOptions { output: &split_path, scratch: &scratch };
        extract::extract_with_tar_split(&diff, &mut hr, &opts, &split)?;
        // The whole stream was read (the diff ID is checked): its length is
        // the layer's size as Podman shows it.
        let tar_bytes = hr.bytes;
        let actual = digest::to_hex(&hr.hasher.finalize());
        if actual != diff_hex {
            return Err(StorageError::DiffIdMismatch { layer: spec.diff_id.clone(), actual });
        }
        if self.opts.durable {
            let f = File::open(&diff).map_err(|e| StorageError::io("open", &diff, e))?;
            nix::unistd::syncfs(&f).map_err(|e| StorageError::io("syncfs", &diff, io::Error::from(e)))?;
        }

        let mut doomed = None;
        let info = {
            let _excl = self.lock(FlockArg::LockExclusive)?;
            if let Some(existing) = self.layer(&spec.chain_id)? {
                drop(_excl);
                return self.note_compressed(existing, spec);
            }
            let dest = self.layout.layer_dir(&chain_hex);
            if fs::symlink_metadata(&dest).is_ok() {
                // A crash between rename and commit after our open.
                doomed = self.move_to_trash(&dest)?;
            }
            fs::rename(&layer_dir, &dest).map_err(|e| StorageError::io("rename", &layer_dir, e))?;
            let layers = self.layout.layers_dir();
            fsync_dir(&layers).map_err(|e| StorageError::io("fsync", &layers, e))?;
            fsync_dir(&stage.dir).map_err(|e| StorageError::io("fsync", &stage.dir, e))?;
            let created = now();
            let insert = || -> Result<()> {
                let mut conn = self.conn();
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(self.dberr("begin"))?;
                tx.execute(
                    "INSERT INTO layers (chain_id, diff_id, parent, size, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![spec.chain_id, spec.diff_id, spec.parent, tar_bytes as i64, created],
                )
                .map_err(self.dberr("insert layer"))?;
                if let Some(c) = &spec.compressed_digest {
                    tx.execute(
                        "INSERT OR IGNORE INTO layer_compressed (chain_id, digest) VALUES (?1, ?2)",
                        [&spec.chain_id, c],
                    )
                    .map_err(self.dberr("insert layer digest"))?;
                }
                tx.commit().map_err(self.dberr("commit layer"))
            };
            if let Err(e) = insert() {
                // Take it back out; should that fail too, the next open
                // removes the unknown directory.
                let _ = fs::rename(&dest, &layer_dir);
                return Err(e);
            }
            LayerInfo {
                chain_id: spec.chain_id.clone(),
                diff_id: spec.diff_id.clone(),
                parent: spec.parent.clone(),
                size: tar_bytes,
                compressed_digests: spec.compressed_digest.iter().cloned().collect(),
                images: 0,
                holds: 0,
                created,
            }
        };
        drop(stage);
        if let Some(p) = doomed {
            let _ = remove_tree(&p);
        }
        Ok(info)
    }

    fn note_compressed(&self, mut existing: LayerInfo, spec: &LayerSpec) -> Result<LayerInfo> {
        if let Some(c) = &spec.compressed_digest {
            if !existing.compressed_digests.contains(c) {
                let conn = self.conn();
                conn.execute(
                    "INSERT OR IGNORE INTO layer_compressed (chain_id, digest) VALUES (?1, ?2)",
                    [&existing.chain_id, c],
                )
                .map_err(self.dberr("insert layer digest"))?;
                existing.compressed_digests.push(c.clone());
            }
        }
        Ok(existing)
    }

    /// One layer, if stored.
    pub fn layer(&self, chain_id: &str) -> Result<Option<LayerInfo>> {
        let conn = self.conn();
        self.layer_in(&conn, chain_id)
    }

    fn layer_in(&self, conn: &Connection, chain_id: &str) -> Result<Option<LayerInfo>> {
        let row = conn
            .query_row(
                "SELECT chain_id, diff_id, parent, size, created,
                        (SELECT count(DISTINCT image_id) FROM image_layers WHERE chain_id = layers.chain_id),
                        (SELECT count(*) FROM holds WHERE chain_id = layers.chain_id)
                 FROM layers WHERE chain_id = ?1",
                [chain_id],
                |r| {
                    Ok(LayerInfo {
                        chain_id: r.get(0)?,
                        diff_id: r.get(1)?,
                        parent: r.get(2)?,
                        size: r.get::<_, i64>(3)? as u64,
                        created: r.get(4)?,
                        images: r.get::<_, i64>(5)? as u64,
                        holds: r.get::<_, i64>(6)? as u64,
                        compressed_digests: Vec::new(),
                    })
                },
            )
            .optional()
            .map_err(self.dberr("read layer"))?;
        let Some(mut info) = row else { return Ok(None) };
        let mut st = conn
            .prepare_cached("SELECT digest FROM layer_compressed WHERE chain_id = ?1 ORDER BY rowid")
            .map_err(self.dberr("read layer digests"))?;
        info.compressed_digests = st
            .query_map([chain_id], |r| r.get(0))
            .map_err(self.dberr("read layer digests"))?
            .collect::<std::result::Result<_, _>>()
            .map_err(self.dberr("read layer digests"))?;
        Ok(Some(info))
    }

    /// All stored layers, by chain ID.
    pub fn layers(&self) -> Result<Vec<LayerInfo>> {
        let conn = self.conn();
        let ids: Vec<String> = {
            let mut st =
                conn.prepare("SELECT chain_id FROM layers ORDER BY chain_id").map_err(self.dberr("list layers"))?;
            let rows = st.query_map([], |r| r.get(0)).map_err(self.dberr("list layers"))?;
            rows.collect::<std::result::Result<_, _>>().map_err(self.dberr("list layers"))?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(l) = self.layer_in(&conn, &id)? {
                out.push(l);
            }
        }
        Ok(out)
    }

    /// A stored layer pulled from the compressed blob `digest`, if any.
    pub fn layer_by_compressed_digest(&self, digest: &str) -> Result<Option<LayerInfo>> {
        let conn = self.conn();
        let chain: Option<String> = conn
            .query_row("SELECT chain_id FROM layer_compressed WHERE digest = ?1 LIMIT 1", [digest], |r| r.get(0))
            .optional()
            .map_err(self.dberr("find layer by digest"))?;
        match chain {
            Some(c) => self.layer_in(&conn, &c),
            None => Ok(None),
        }
    }

    /// Checks a stored layer cheaply: the row is complete and consistent
    /// (digests well-formed, chain ID derived from parent and diff ID,
    /// parent stored) and the directory exists. The full check is reading
    /// [`Store::layer_tar`] to its end, which re-hashes the layer.
    pub fn verify_layer(&self, chain_id: &str) -> Result<LayerInfo> {
        let info = self.layer(chain_id)?.ok_or_else(|| StorageError::LayerUnknown(chain_id.to_string()))?;
        let damaged = |reason: String| StorageError::LayerDamaged { chain_id: chain_id.to_string(), reason };
        let hex = hex_of("chain ID", &info.chain_id).map_err(|e| damaged(e.to_string()))?;
        hex_of("diff ID", &info.diff_id).map_err(|e| damaged(e.to_string()))?;
        if digest::chain_id(info.parent.as_deref(), &info.diff_id) != info.chain_id {
            return Err(damaged("chain ID does not derive from parent and diff ID".into()));
        }
        if let Some(p) = &info.parent {
            if self.layer(p)?.is_none() {
                return Err(damaged(format!("parent layer {p} is not stored")));
            }
        }
        let diff = self.layout.layer_diff_dir(hex);
        match fs::symlink_metadata(&diff) {
            Ok(m) if m.is_dir() => Ok(info),
            Ok(_) => Err(damaged(format!("{} is not a directory", diff.display()))),
            Err(e) => Err(damaged(format!("{}: {e}", diff.display()))),
        }
    }

    /// The layer's uncompressed tar stream, byte for byte the one it was
    /// stored from (its sha256 is the diff ID), re-assembled from the
    /// tar-split recorded by [`Store::put_layer`] and the files in its
    /// diff dir: for `save` and `push`.
    ///
    /// * **User namespace:** call it in the user namespace the layer was
    ///   extracted in (rpod's, for a rootless store). The layer's files
    ///   belong to the image's owners, mapped to subordinate IDs, and may
    ///   be readable by them only; elsewhere reading fails with
    ///   "Permission denied".
    /// * **Verified:** the reader hashes the stream and fails the read that
    ///   reaches its end unless it is the diff ID; a file whose size
    ///   changed fails with "layer X is damaged: file Y changed size".
    ///   Reader errors wrap a [`StorageError`].
    /// * **Confined:** files are opened with `openat2(RESOLVE_IN_ROOT)`
    ///   relative to the diff dir (symlinks resolve inside it, as when it
    ///   was extracted), the last component never followed, FIFOs never
    ///   waited on.
    /// * Layers stored before tar-split data was recorded fail with
    ///   [`StorageError::NoTarSplit`] ("pull it again").
    /// * The reader holds the files it reads open; to keep a layer from
    ///   being removed meanwhile, [`Store::hold`] it.
    pub fn layer_tar(&self, chain_id: &str) -> Result<LayerTar> {
        let info = self.layer(chain_id)?.ok_or_else(|| StorageError::LayerUnknown(chain_id.to_string()))?;
        let damaged =
            |e: StorageError| StorageError::LayerDamaged { chain_id: chain_id.to_string(), reason: e.to_string() };
        let hex = hex_of("chain ID", &info.chain_id).map_err(damaged)?;
        let diff_hex = hex_of("diff ID", &info.diff_id).map_err(damaged)?;
        match LayerTar::open(&info.chain_id, diff_hex, &self.layout.layer_dir(hex)) {
            // Removed since we looked it up?
            Err(StorageError::NoTarSplit(_)) if self.layer(chain_id)?.is_none() => {
                Err(StorageError::LayerUnknown(chain_id.to_string()))
            }
            r => r,
        }
    }

    /// Records that `holder` (a container, an in-flight pull) uses a
    /// layer: held layers survive image removal.
    pub fn hold(&self, holder: &str, chain_id: &str) -> Result<()> {
        let conn = self.conn();
        match conn.execute("INSERT OR IGNORE INTO holds (holder, chain_id) VALUES (?1, ?2)", [holder, chain_id]) {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
                Err(StorageError::LayerUnknown(chain_id.to_string()))
            }
            Err(e) => Err(self.dberr("insert hold")(e)),
        }
    }

    /// Drops all holds of `holder`. (Layers left unused are removed by
    /// [`Store::remove_unused_layers`].)
    pub fn release(&self, holder: &str) -> Result<()> {
        let conn = self.conn();
        conn.execute("DELETE FROM holds WHERE holder = ?1", [holder]).map_err(self.dberr("delete holds"))?;
        Ok(())
    }

    /// Removes layers no image uses, nobody holds and no other layer
    /// builds on, stored at least
    /// `min_age` ago (a younger one may belong to a pull that has not
    /// stored its image yet). Returns their chain IDs.
    pub fn remove_unused_layers(&self, min_age: Duration) -> Result<Vec<String>> {
        let cutoff = now() - i64::try_from(min_age.as_secs()).unwrap_or(i64::MAX);
        self.remove_layers_where(
            "SELECT chain_id FROM layers WHERE created <= ?1
               AND chain_id NOT IN (SELECT chain_id FROM image_layers)
               AND chain_id NOT IN (SELECT chain_id FROM holds)",
            params![cutoff],
            None,
        )
    }

    /// Removes the layer `chain_id` and then each layer below it, as long
    /// as nothing references it any more: no image lists it, nobody holds
    /// it, no remaining layer builds on it. For the last container of an
    /// image removed before it (see [`crate::Containers::remove_with_holds`]).
    /// Returns the removed layers' chain IDs.
    pub fn remove_layer_chain_if_unused(&self, chain_id: &str) -> Result<Vec<String>> {
        self.remove_layers_where(
            "WITH RECURSIVE chain(id) AS (
                 SELECT ?1
                 UNION SELECT layers.parent FROM layers JOIN chain ON layers.chain_id = chain.id
                     WHERE layers.parent IS NOT NULL)
             SELECT id FROM chain WHERE id IN (SELECT chain_id FROM layers)",
            params![chain_id],
            None,
        )
    }

    // ---- images ----

    /// Stores an image: inserts it (or, when the ID exists, adds the
    /// manifest), moves its names from any other image (which may become
    /// dangling), all in one transaction. Its layers must be stored.
    pub fn put_image(&self, rec: &ImageRecord) -> Result<()> {
        if !is_hex64(&rec.id) {
            return Err(StorageError::invalid("image ID", &rec.id, "expected 64 lowercase hex digits"));
        }
        if sha256_hex(&rec.config) != rec.id {
            return Err(StorageError::invalid("image ID", &rec.id, "is not the sha256 of the config"));
        }
        let mhex = hex_of("manifest digest", &rec.digest)?;
        if sha256_hex(&rec.manifest) != mhex {
            return Err(StorageError::invalid("manifest digest", &rec.digest, "is not the sha256 of the manifest"));
        }
        for l in &rec.layers {
            hex_of("chain ID", l)?;
        }
        for n in &rec.names {
            check_name(n)?;
        }
        let t = now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(self.dberr("begin"))?;
        let mut size: i64 = 0;
        for l in &rec.layers {
            let s: Option<i64> = tx
                .query_row("SELECT size FROM layers WHERE chain_id = ?1", [l], |r| r.get(0))
                .optional()
                .map_err(self.dberr("read layer"))?;
            size += s.ok_or_else(|| StorageError::LayerUnknown(l.clone()))?;
        }
        // containers/storage adds the image's data items: the config and
        // the manifest, stored twice (by digest and as the default).
        size += (rec.config.len() + 2 * rec.manifest.len()) as i64;
        let exists: bool = tx
            .query_row("SELECT 1 FROM images WHERE id = ?1", [&rec.id], |_| Ok(()))
            .optional()
            .map_err(self.dberr("read image"))?
            .is_some();
        if exists {
            let mut st = tx
                .prepare("SELECT chain_id FROM image_layers WHERE image_id = ?1 ORDER BY position")
                .map_err(self.dberr("read image layers"))?;
            let have: Vec<String> = st
                .query_map([&rec.id], |r| r.get(0))
                .map_err(self.dberr("read image layers"))?
                .collect::<std::result::Result<_, _>>()
                .map_err(self.dberr("read image layers"))?;
            drop(st);
            if have != rec.layers {
                return Err(StorageError::invalid("image", &rec.id, "already stored with different layers"));
            }
            tx.execute("UPDATE images SET digest = ?2 WHERE id = ?1", [&rec.id, &rec.digest])
                .map_err(self.dberr("update image"))?;
        } else {
            tx.execute(
                "INSERT INTO images (id, digest, config, size, created, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![rec.id, rec.digest, rec.config, size, rec.created, t],
            )
            .map_err(self.dberr("insert image"))?;
            for (i, l) in rec.layers.iter().enumerate() {
                tx.execute(
                    "INSERT INTO image_layers (image_id, position, chain_id) VALUES (?1, ?2, ?3)",
                    params![rec.id, i as i64, l],
                )
                .map_err(self.dberr("insert image layer"))?;
            }
        }
        tx.execute(
            "INSERT INTO image_manifests (image_id, digest, manifest, added) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (image_id, digest) DO UPDATE SET manifest = excluded.manifest",
            params![rec.id, rec.digest, rec.manifest, t],
        )
        .map_err(self.dberr("insert manifest"))?;
        for n in &rec.names {
            move_name(&tx, &rec.id, n).map_err(self.dberr("set name"))?;
        }
        tx.commit().map_err(self.dberr("commit image"))
    }

    /// All images, oldest first.
    pub fn images(&self) -> Result<Vec<ImageRecord>> {
        let conn = self.conn();
        let ids: Vec<String> = {
            let mut st = conn.prepare("SELECT id FROM images ORDER BY added, id").map_err(self.dberr("list images"))?;
            let rows = st.query_map([], |r| r.get(0)).map_err(self.dberr("list images"))?;
            rows.collect::<std::result::Result<_, _>>().map_err(self.dberr("list images"))?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(r) = self.image_in(&conn, &id)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// One image by full ID.
    pub fn image(&self, id: &str) -> Result<Option<ImageRecord>> {
        let conn = self.conn();
        self.image_in(&conn, id.strip_prefix("sha256:").unwrap_or(id))
    }

    fn image_in(&self, conn: &Connection, id: &str) -> Result<Option<ImageRecord>> {
        let row = conn
            .query_row(
                "SELECT i.id, i.digest, i.config, i.size, i.created, i.added, m.manifest
                 FROM images i LEFT JOIN image_manifests m ON m.image_id = i.id AND m.digest = i.digest
                 WHERE i.id = ?1",
                [id],
                |r| {
                    Ok(ImageRecord {
                        id: r.get(0)?,
                        digest: r.get(1)?,
                        config: r.get(2)?,
                        size: r.get::<_, i64>(3)? as u64,
                        created: r.get(4)?,
                        added: r.get(5)?,
                        manifest: r.get::<_, Option<Vec<u8>>>(6)?.unwrap_or_default(),
                        ..ImageRecord::default()
                    })
                },
            )
            .optional()
            .map_err(self.dberr("read image"))?;
        let Some(mut rec) = row else { return Ok(None) };
        let strings = |sql: &str| -> Result<Vec<String>> {
            let mut st = conn.prepare_cached(sql).map_err(self.dberr("read image"))?;
            let rows = st.query_map([id], |r| r.get(0)).map_err(self.dberr("read image"))?;
            rows.collect::<std::result::Result<_, _>>().map_err(self.dberr("read image"))
        };
        rec.layers = strings("SELECT chain_id FROM image_layers WHERE image_id = ?1 ORDER BY position")?;
        rec.names = strings("SELECT name FROM names WHERE image_id = ?1 ORDER BY rowid")?;
        rec.digests = strings("SELECT digest FROM image_manifests WHERE image_id = ?1 ORDER BY added, rowid")?;
        Ok(Some(rec))
    }

    /// A stored manifest of an image by its digest.
    pub fn manifest(&self, id: &str, digest: &str) -> Result<Option<Vec<u8>>> {
        let conn = self.conn();
        conn.query_row(
            "SELECT manifest FROM image_manifests WHERE image_id = ?1 AND digest = ?2",
            [id.strip_prefix("sha256:").unwrap_or(id), digest],
            |r| r.get(0),
        )
        .optional()
        .map_err(self.dberr("read manifest"))
    }

    /// Finds an image: by exact name first, then by full ID, then by a
    /// unique ID prefix of at least 3 hex digits (`sha256:` optional).
    pub fn lookup(&self, name_or_id: &str) -> Result<ImageRecord> {
        let conn = self.conn();
        let by_name: Option<String> = conn
            .query_row("SELECT image_id FROM names WHERE name = ?1", [name_or_id], |r| r.get(0))
            .optional()
            .map_err(self.dberr("look up name"))?;
        if let Some(id) = by_name {
            return self.image_in(&conn, &id)?.ok_or_else(|| StorageError::ImageUnknown(name_or_id.to_string()));
        }
        let hex = name_or_id.strip_prefix("sha256:").unwrap_or(name_or_id);
        let is_hex = !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if is_hex && hex.len() == 64 {
            if let Some(r) = self.image_in(&conn, hex)? {
                return Ok(r);
            }
        } else if is_hex && hex.len() >= 3 {
            let mut st = conn
                .prepare_cached("SELECT id FROM images WHERE id GLOB ?1 || '*' ORDER BY id LIMIT 11")
                .map_err(self.dberr("look up ID prefix"))?;
            let ids: Vec<String> = st
                .query_map([hex], |r| r.get(0))
                .map_err(self.dberr("look up ID prefix"))?
                .collect::<std::result::Result<_, _>>()
                .map_err(self.dberr("look up ID prefix"))?;
            drop(st);
            match ids.len() {
                0 => {}
                1 => {
                    return self
                        .image_in(&conn, &ids[0])?
                        .ok_or_else(|| StorageError::ImageUnknown(name_or_id.to_string()))
                }
                _ => return Err(StorageError::Ambiguous { prefix: name_or_id.to_string(), matches: ids }),
            }
        }
        Err(StorageError::ImageUnknown(name_or_id.to_string()))
    }

    /// Adds `name` to the image, moving it from any other image.
    pub fn tag(&self, id: &str, name: &str) -> Result<()> {
        check_name(name)?;
        let id = id.strip_prefix("sha256:").unwrap_or(id);
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(self.dberr("begin"))?;
        let exists = tx
            .query_row("SELECT 1 FROM images WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map_err(self.dberr("read image"))?
            .is_some();
        if !exists {
            return Err(StorageError::ImageUnknown(id.to_string()));
        }
        move_name(&tx, id, name).map_err(self.dberr("set name"))?;
        tx.commit().map_err(self.dberr("commit"))
    }

    /// Removes `name` from the image (the image stays, possibly dangling).
    pub fn untag(&self, id: &str, name: &str) -> Result<()> {
        let id = id.strip_prefix("sha256:").unwrap_or(id);
        let conn = self.conn();
        let n = conn
            .execute("DELETE FROM names WHERE name = ?1 AND image_id = ?2", [name, id])
            .map_err(self.dberr("delete name"))?;
        if n == 0 {
            return Err(StorageError::NameNotOnImage { id: id.to_string(), name: name.to_string() });
        }
        Ok(())
    }

    /// Removes an image with its names and manifests, and the layers no
    /// other image uses, nobody holds and no remaining layer builds on.
    /// Returns the removed layers'
    /// chain IDs. Layer directories go after the commit: renamed into
    /// `tmp/` under the lock, then deleted (a crash leaves only garbage the
    /// next open removes).
    pub fn remove_image(&self, id: &str) -> Result<Vec<String>> {
        let id = id.strip_prefix("sha256:").unwrap_or(id).to_string();
        self.remove_layers_where(
            "SELECT DISTINCT chain_id FROM image_layers WHERE image_id = ?1",
            params![id],
            Some(&id),
        )
    }

    /// The common part of image and layer removal: under the exclusive
    /// lock, in one transaction, delete the image (if any), then the
    /// candidate layers that are now unused; then trash their directories.
    fn remove_layers_where(
        &self,
        candidates_sql: &str,
        args: &[&dyn rusqlite::ToSql],
        image: Option<&str>,
    ) -> Result<Vec<String>> {
        let mut trash = Vec::new();
        let removed = {
            let _excl = self.lock(FlockArg::LockExclusive)?;
            let removed = {
                let mut conn = self.conn();
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(self.dberr("begin"))?;
                let candidates: Vec<String> = {
                    let mut st = tx.prepare(candidates_sql).map_err(self.dberr("list layers"))?;
                    let rows = st.query_map(args, |r| r.get(0)).map_err(self.dberr("list layers"))?;
                    rows.collect::<std::result::Result<_, _>>().map_err(self.dberr("list layers"))?
                };
                if let Some(id) = image {
                    let n = tx.execute("DELETE FROM images WHERE id = ?1", [id]).map_err(self.dberr("delete image"))?;
                    if n == 0 {
                        return Err(StorageError::ImageUnknown(id.to_string()));
                    }
                }
                // A layer stays while an image lists it, someone holds it,
                // or a remaining layer builds on it (a container's lower
                // dirs are the whole chain). Children go first, so repeat
                // until nothing changes.
                let mut removed = Vec::new();
                let mut left = candidates;
                loop {
                    let before = left.len();
                    let mut keep = Vec::with_capacity(left.len());
                    for chain in left {
                        let used: bool = tx
                            .query_row(
                                "SELECT EXISTS (SELECT 1 FROM image_layers WHERE chain_id = ?1)
                                     OR EXISTS (SELECT 1 FROM holds WHERE chain_id = ?1)
                                     OR EXISTS (SELECT 1 FROM layers WHERE parent = ?1)",
                                [&chain],
                                |r| r.get(0),
                            )
                            .map_err(self.dberr("count layer users"))?;
                        if used {
                            keep.push(chain);
                        } else {
                            tx.execute("DELETE FROM layers WHERE chain_id = ?1", [&chain])
                                .map_err(self.dberr("delete layer"))?;
                            removed.push(chain);
                        }
                    }
                    left = keep;
                    if left.len() == before {
                        break;
                    }
                }
                tx.commit().map_err(self.dberr("commit removal"))?;
                removed
            };
            for chain in &removed {
                let hex = chain.strip_prefix("sha256:").unwrap_or(chain);
                if !is_hex64(hex) {
                    continue;
                }
                match self.move_to_trash(&self.layout.layer_dir(hex)) {
                    Ok(Some(p)) => trash.push(p),
                    Ok(None) => {}
                    Err(e) => log::warn!("{e} (the next open removes it)"),
                }
            }
            removed
        };
        for p in trash {
            if let Err(e) = remove_tree(&p) {
                log::warn!("removing {}: {e} (the next open retries)", p.display());
            }
        }
        Ok(removed)
    }
}

/// Moves `name` to image `id` (a moved name goes last in the name order).
fn move_name(tx: &rusqlite::Transaction<'_>, id: &str, name: &str) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM names WHERE name = ?1 AND image_id != ?2", [name, id])?;
    tx.execute("INSERT OR IGNORE INTO names (name, image_id) VALUES (?1, ?2)", [name, id])?;
    Ok(())
}

fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(StorageError::invalid("image name", name, "must be non-empty without spaces"));
    }
    Ok(())
}

/// The layer directories the database does not know (hex names) and the
/// chain IDs of `known` whose directory is missing.
pub(crate) fn compare_layers(layout: &Layout, known: &[String]) -> io::Result<(Vec<String>, Vec<String>)> {
    let mut known_hex = HashSet::with_capacity(known.len());
    let mut missing = Vec::new();
    for chain in known {
        let hex = chain.strip_prefix("sha256:").unwrap_or(chain);
        known_hex.insert(hex.to_string());
        if !is_hex64(hex) || !layout.layer_diff_dir(hex).is_dir() {
            missing.push(chain.clone());
        }
    }
    let mut orphans = Vec::new();
    let rd = match fs::read_dir(layout.layers_dir()) {
        Ok(rd) => rd,
        Err(e) if e.kind() == io::ErrorKind::NotFound && known.is_empty() => return Ok((orphans, missing)),
        Err(e) => return Err(e),
    };
    for ent in rd {
        let name = ent?.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_hex64(name) && !known_hex.contains(name) {
            orphans.push(name.to_string());
        }
    }
    Ok((orphans, missing))
}

struct Scan {
    /// Layer directory names (hex) the database does not know.
    orphans: Vec<String>,
    /// Chain IDs whose directory is missing.
    missing: Vec<String>,
}

impl Scan {
    fn is_clean(&self) -> bool {
        self.orphans.is_empty() && self.missing.is_empty()
    }
}

pub(crate) fn open_db(path: &Path, durable: bool) -> Result<Connection> {
    let err = |context: &'static str| move |source| StorageError::Db { path: path.to_path_buf(), context, source };
    let mut conn = Connection::open(path).map_err(err("open"))?;
    conn.busy_timeout(Duration::from_secs(30)).map_err(err("set busy timeout"))?;
    // Switching a new database to WAL needs an exclusive lock, and SQLite
    // answers BUSY at once (without the busy handler, to avoid a deadlock)
    // when another process is creating the same store: retry for a while.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let mode: String = loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            r => break r.map_err(err("enable WAL"))?,
        }
    };
    if !mode.eq_ignore_ascii_case("wal") {
        log::warn!("store database {}: journal mode {mode}, not WAL", path.display());
    }
    // NORMAL with WAL: a commit is in the WAL (the OS page cache) before
    // COMMIT returns, so a killed process loses nothing; only power loss
    // can drop the last transactions (never corrupt the database) — and a
    // layer's files are not fsynced either unless `durable`, so FULL alone
    // would buy nothing. `durable` asks for both.
    conn.pragma_update(None, "synchronous", if durable { "FULL" } else { "NORMAL" }).map_err(err("set synchronous"))?;
    // Every rpod command is a short process: checkpointing (and deleting)
    // the WAL whenever the last connection closes costs each command
    // several fsyncs, and re-creating the WAL next time a directory
    // fsync. Keep the WAL; SQLite still checkpoints it as it grows past
    // 1000 pages, and truncates it to 4 MiB afterwards.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(err("set no checkpoint on close"))?;
    conn.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024).map_err(err("set journal size limit"))?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(err("enable foreign keys"))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err("begin"))?;
    let has_meta: bool = tx
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')", [], |r| {
            r.get(0)
        })
        .map_err(err("read schema"))?;
    let version: i64 = if has_meta {
        tx.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get::<_, String>(0))
            .optional()
            .map_err(err("read schema version"))?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    } else {
        0
    };
    if version > SCHEMA_VERSION {
        return Err(StorageError::SchemaTooNew { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    if version == 0 {
        tx.execute_batch(SCHEMA).map_err(err("create schema"))?;
        tx.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)", [SCHEMA_VERSION.to_string()])
            .map_err(err("write schema version"))?;
    }
    if version < 2 {
        tx.execute_batch(SCHEMA_V2).map_err(err("create schema"))?;
        tx.execute("UPDATE meta SET value = ?1 WHERE key = 'schema_version'", [SCHEMA_VERSION.to_string()])
            .map_err(err("write schema version"))?;
    }
    tx.commit().map_err(err("commit schema"))?;
    Ok(conn)
}
