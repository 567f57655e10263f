//! Layers: extracted once per chain ID, verified, held by images and
//! containers, removed when nothing holds them.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use nix::fcntl::FlockArg;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::digest::{self, hex_of, is_hex64};
use crate::error::{Result, StorageError};
use crate::extract::{self, ExtractOptions, TarSplitOptions};
use crate::fsutil::{fsync_dir, remove_tree};
use crate::tarsplit::{self, LayerTar};

use super::*;

impl Store {
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
            limits: self.opts.extract_limits,
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

    pub(crate) fn note_compressed(&self, mut existing: LayerInfo, spec: &LayerSpec) -> Result<LayerInfo> {
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

    pub(crate) fn layer_in(&self, conn: &Connection, chain_id: &str) -> Result<Option<LayerInfo>> {
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

    /// The common part of image and layer removal: under the exclusive
    /// lock, in one transaction, delete the image (if any), then the
    /// candidate layers that are now unused; then trash their directories.
    pub(crate) fn remove_layers_where(
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
