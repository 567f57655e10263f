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
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::digest::is_hex64;
use crate::error::{Result, StorageError};
use crate::fsutil::{fsync_dir, remove_tree};
use crate::layout::Layout;

mod images;
mod layers;

/// The schema version this code writes and understands.
pub const SCHEMA_VERSION: i64 = 4;

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

/// Version 3: volumes and which containers use them (see [`crate::volumes`]).
const SCHEMA_V3: &str = "
CREATE TABLE IF NOT EXISTS volumes (
    name      TEXT PRIMARY KEY NOT NULL,  -- the directory is volumes/<name>
    anonymous INTEGER NOT NULL,           -- made for one container (-v /path, an image's VOLUME)
    created   INTEGER NOT NULL,           -- unix nanoseconds
    config    BLOB NOT NULL               -- the engine's JSON (driver, labels, options), opaque here
);
CREATE TABLE IF NOT EXISTS volume_users (
    volume    TEXT NOT NULL REFERENCES volumes(name),
    container TEXT NOT NULL REFERENCES containers(id) ON DELETE CASCADE,
    PRIMARY KEY (volume, container)
);
CREATE INDEX IF NOT EXISTS volume_users_by_container ON volume_users(container);
";

/// Version 4: pods and their containers (see [`crate::pods`]).
const SCHEMA_V4: &str = "
CREATE TABLE IF NOT EXISTS pods (
    id      TEXT PRIMARY KEY NOT NULL,    -- 64 hex digits
    name    TEXT NOT NULL UNIQUE,         -- shares the container names' namespace (checked on insert)
    created INTEGER NOT NULL,             -- unix nanoseconds
    config  BLOB NOT NULL                 -- the engine's JSON, opaque here
);
CREATE TABLE IF NOT EXISTS pod_members (
    container TEXT PRIMARY KEY NOT NULL REFERENCES containers(id) ON DELETE CASCADE,
    pod       TEXT NOT NULL REFERENCES pods(id)
);
CREATE INDEX IF NOT EXISTS pod_members_by_pod ON pod_members(pod);
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
    /// How far one layer may expand when it is extracted.
    pub extract_limits: crate::extract::ExtractLimits,
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

pub(crate) fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A name for a temporary directory: `<pid>-<random>`.
pub(crate) fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let r = std::collections::hash_map::RandomState::new().hash_one((std::process::id(), n, t));
    format!("{}-{r:016x}", std::process::id())
}

/// A store root another user can write into (a `--root` on a shared or
/// 0777 directory) could have its contents swapped under rpod: refused.
fn check_root(graph_root: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(graph_root).map_err(|e| StorageError::io("stat", graph_root, e))?;
    let mode = meta.mode() & 0o7777;
    // The sticky bit does not keep anyone from adding entries.
    if mode & 0o022 != 0 {
        return Err(StorageError::UnsafeRoot { path: graph_root.to_path_buf(), mode });
    }
    Ok(())
}

pub(crate) fn mkdir_mode(path: &Path, mode: u32) -> io::Result<()> {
    match fs::DirBuilder::new().mode(mode).create(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

/// Hashes and counts what is read through it.
pub(crate) struct HashReader<'a> {
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
pub(crate) struct Staging {
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
        check_root(graph_root)?;
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
        check_root(graph_root)?;
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

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding it cannot leave a transaction open: the
        // Transaction's drop rolls back.
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn dberr(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StorageError + '_ {
        move |source| StorageError::Db { path: self.db_path.clone(), context, source }
    }

    pub(crate) fn lock(&self, arg: FlockArg) -> Result<Flock<File>> {
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

    pub(crate) fn recover(&self) -> Result<()> {
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
    pub(crate) fn scan(&self) -> Result<Scan> {
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
    pub(crate) fn clean_tmp(&self) {
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
    pub(crate) fn move_to_trash(&self, dir: &Path) -> Result<Option<PathBuf>> {
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

pub(crate) struct Scan {
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

/// The store's database for a table of records kept beside the images
/// (containers, volumes, ...): creates `graph_root` (0700) when needed and
/// opens the database without the durable (FULL) sync. Returns its path
/// (for errors) and the connection.
pub(crate) fn open_records_db(graph_root: &Path) -> Result<(PathBuf, Connection)> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(graph_root)
        .map_err(|e| StorageError::io("create", graph_root, e))?;
    let db_path = Layout::new(graph_root).db_path();
    let conn = open_db(&db_path, false)?;
    Ok((db_path, conn))
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
    }
    if version < 3 {
        tx.execute_batch(SCHEMA_V3).map_err(err("create schema"))?;
    }
    if version < 4 {
        tx.execute_batch(SCHEMA_V4).map_err(err("create schema"))?;
        tx.execute("UPDATE meta SET value = ?1 WHERE key = 'schema_version'", [SCHEMA_VERSION.to_string()])
            .map_err(err("write schema version"))?;
    }
    tx.commit().map_err(err("commit schema"))?;
    Ok(conn)
}
