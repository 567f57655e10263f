//! Images: records, names (tags), manifests and their removal.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::digest::{hex_of, is_hex64, sha256_hex};
use crate::error::{Result, StorageError};

use super::*;

impl Store {
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

    pub(crate) fn image_in(&self, conn: &Connection, id: &str) -> Result<Option<ImageRecord>> {
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
}

/// Moves `name` to image `id` (a moved name goes last in the name order).
pub(crate) fn move_name(tx: &rusqlite::Transaction<'_>, id: &str, name: &str) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM names WHERE name = ?1 AND image_id != ?2", [name, id])?;
    tx.execute("INSERT OR IGNORE INTO names (name, image_id) VALUES (?1, ?2)", [name, id])?;
    Ok(())
}

pub(crate) fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(StorageError::invalid("image name", name, "must be non-empty without spaces"));
    }
    Ok(())
}
