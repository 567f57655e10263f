//! Where things live under the graph root.
//!
//! ```text
//! <graph root>/storage.lock                 flock: exclusive around layer renames + commits and removals
//! <graph root>/db.sqlite (+ -wal, -shm)     the metadata database (images, names, layers, holds)
//! <graph root>/layers/<chain-id-hex>/diff/  one extracted layer: an overlay lower dir
//! <graph root>/layers/<chain-id-hex>/tar-split.zst  its tar stream minus file content (see tarsplit)
//! <graph root>/layers/<chain-id-hex>/shifted/<key>/  the image it tops, flattened, owners translated (see shifted)
//! <graph root>/tmp/stage-<pid>-<random>/    a layer being extracted (lock, layer/{diff,tar-split.zst}, replaced/)
//! <graph root>/tmp/.new-<pid>-<random>/     a staging dir being set up (renamed to stage-* once locked)
//! <graph root>/tmp/rm-<pid>-<random>/       a layer being deleted
//! <graph root>/containers/<id>/             one container each
//! <graph root>/volumes/<name>/_data/        one volume each (the mount source)
//! ```
//!
//! Everything in `tmp/` is garbage once its owner is gone and is removed by
//! the next [`crate::Store::open`]; `tmp/` and `layers/` are on the same
//! file system so that staging → layer is one `rename(2)`.

use std::io;
use std::path::{Path, PathBuf};

/// The store's directory layout under one graph root.
#[derive(Debug, Clone)]
pub struct Layout {
    root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Layout {
        Layout { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The metadata database.
    pub fn db_path(&self) -> PathBuf {
        self.root.join("db.sqlite")
    }

    /// The lock file serialising layer commits and removals.
    pub fn lock_path(&self) -> PathBuf {
        self.root.join("storage.lock")
    }

    /// Parent of all layer directories.
    pub fn layers_dir(&self) -> PathBuf {
        self.root.join("layers")
    }

    /// `layers/<hex>`: one layer (`hex` is the chain ID's hex part).
    pub fn layer_dir(&self, chain_hex: &str) -> PathBuf {
        self.layers_dir().join(chain_hex)
    }

    /// `layers/<hex>/diff`: the layer's extracted tree, an overlay lower dir.
    pub fn layer_diff_dir(&self, chain_hex: &str) -> PathBuf {
        self.layer_dir(chain_hex).join("diff")
    }

    /// Staging area for extractions and removals.
    pub fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    /// Where the image records live: the database file (images have no
    /// directories of their own).
    pub fn images_dir(&self) -> PathBuf {
        self.db_path()
    }

    pub fn containers_dir(&self) -> PathBuf {
        self.root.join("containers")
    }

    /// `volumes/`: one directory per volume, its files in `<name>/_data`.
    pub fn volumes_dir(&self) -> PathBuf {
        self.root.join("volumes")
    }

    /// Number of images in the store (0 for a store not created yet).
    /// Reads the database without locking or creating anything.
    pub fn image_count(&self) -> io::Result<usize> {
        let db = self.db_path();
        if !db.exists() {
            return Ok(0);
        }
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = rusqlite::Connection::open_with_flags(&db, flags).map_err(io::Error::other)?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(io::Error::other)?;
        match conn.query_row("SELECT count(*) FROM images", [], |r| r.get::<_, i64>(0)) {
            Ok(n) => Ok(usize::try_from(n).unwrap_or(0)),
            Err(rusqlite::Error::SqliteFailure(_, Some(msg))) if msg.contains("no such table") => Ok(0),
            Err(e) => Err(io::Error::other(e)),
        }
    }

    /// Number of containers in the store (0 for a store not created yet).
    pub fn container_count(&self) -> io::Result<usize> {
        count_entries(&self.containers_dir())
    }
}

/// What `rpod system doctor` reports about a store, read without locking,
/// creating or repairing anything (opening a [`crate::Store`] would repair).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Health {
    /// Whether the database exists (a store not created yet is healthy).
    pub exists: bool,
    /// SQLite's `PRAGMA quick_check` answer: `ok`, or what is broken.
    pub integrity: String,
    /// Layer directories the database does not know (hex names): the next
    /// command that opens the store removes them.
    pub orphans: Vec<String>,
    /// Layers recorded without a directory: the next command forgets them
    /// and the images using them.
    pub missing: Vec<String>,
    /// Layers no image and no container uses (`image prune` territory is
    /// images; these are left over by interrupted removals).
    pub unused: usize,
    /// Images without a name (what `image prune` removes).
    pub dangling_images: usize,
}

impl Layout {
    /// See [`Health`].
    pub fn health(&self) -> io::Result<Health> {
        let db = self.db_path();
        if !db.exists() {
            let (orphans, missing) = crate::store::compare_layers(self, &[])?;
            return Ok(Health { integrity: "ok".into(), orphans, missing, ..Health::default() });
        }
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = rusqlite::Connection::open_with_flags(&db, flags).map_err(io::Error::other)?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(io::Error::other)?;
        let integrity: Vec<String> = {
            let mut st = conn.prepare("PRAGMA quick_check").map_err(io::Error::other)?;
            let rows = st.query_map([], |r| r.get::<_, String>(0)).map_err(io::Error::other)?;
            rows.collect::<Result<_, _>>().map_err(io::Error::other)?
        };
        let count = |sql: &str| -> io::Result<usize> {
            match conn.query_row(sql, [], |r| r.get::<_, i64>(0)) {
                Ok(n) => Ok(usize::try_from(n).unwrap_or(0)),
                Err(rusqlite::Error::SqliteFailure(_, Some(msg))) if msg.contains("no such table") => Ok(0),
                Err(e) => Err(io::Error::other(e)),
            }
        };
        let known: Vec<String> = match conn.prepare("SELECT chain_id FROM layers") {
            Ok(mut st) => {
                let rows = st.query_map([], |r| r.get::<_, String>(0)).map_err(io::Error::other)?;
                rows.collect::<Result<_, _>>().map_err(io::Error::other)?
            }
            Err(rusqlite::Error::SqliteFailure(_, Some(msg))) if msg.contains("no such table") => Vec::new(),
            Err(e) => return Err(io::Error::other(e)),
        };
        let (orphans, missing) = crate::store::compare_layers(self, &known)?;
        Ok(Health {
            exists: true,
            integrity: integrity.join("; "),
            orphans,
            missing,
            unused: count(
                "SELECT count(*) FROM layers l WHERE NOT EXISTS (SELECT 1 FROM image_layers i WHERE i.chain_id = l.chain_id) \
                 AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.chain_id = l.chain_id) \
                 AND NOT EXISTS (SELECT 1 FROM layers c WHERE c.parent = l.chain_id)",
            )?,
            dangling_images: count("SELECT count(*) FROM images m WHERE NOT EXISTS (SELECT 1 FROM names n WHERE n.image_id = m.id)")?,
        })
    }
}

/// Entries of a directory, ignoring names that start with `.` (staging
/// areas, locks); a missing directory has none.
fn count_entries(dir: &Path) -> io::Result<usize> {
    match std::fs::read_dir(dir) {
        Ok(rd) => {
            let mut n = 0;
            for e in rd {
                if !e?.file_name().as_encoded_bytes().starts_with(b".") {
                    n += 1;
                }
            }
            Ok(n)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(0),
        Err(e) => Err(e),
    }
}

/// The nearest existing ancestor of `path` (itself included).
pub fn existing_ancestor(path: &Path) -> Option<&Path> {
    path.ancestors().find(|p| p.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_ignore_hidden_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        let l = Layout::new(dir.path().join("store"));
        assert_eq!(l.image_count().unwrap(), 0);
        assert_eq!(l.container_count().unwrap(), 0);
        std::fs::create_dir_all(l.containers_dir().join("abc")).unwrap();
        std::fs::create_dir_all(l.containers_dir().join(".staging-1")).unwrap();
        assert_eq!(l.container_count().unwrap(), 1);
        assert_eq!(existing_ancestor(&l.containers_dir().join("x/y")), Some(l.containers_dir().as_path()));
        assert_eq!(l.layer_diff_dir("ab"), dir.path().join("store/layers/ab/diff"));
    }
}
