//! Volumes: one row per volume in the store's database (`volumes` table,
//! with the engine's configuration as a JSON document this crate does not
//! interpret) and its files in `<root>/volumes/<name>/_data`; which
//! containers use a volume is the `volume_users` table, written with the
//! container's record ([`crate::Containers::create_using`]) and gone with
//! it (`ON DELETE CASCADE`).
//!
//! Every change is one `BEGIN IMMEDIATE` transaction, so two processes
//! creating one name make one volume (the second gets
//! [`StorageError::VolumeExists`]), and a volume in use is never removed
//! ([`StorageError::VolumeInUse`]): the check and the delete are one
//! transaction, and a container's create fails once its volume is gone.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Result, StorageError};
use crate::layout::Layout;

/// One volume as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeRecord {
    /// `[a-zA-Z0-9][a-zA-Z0-9_.-]*` (anonymous ones: 64 hex digits).
    pub name: String,
    /// Made for one container (`-v /path`, an image's `VOLUME`).
    pub anonymous: bool,
    /// Unix nanoseconds.
    pub created: i64,
    /// The engine's configuration document.
    pub config: Vec<u8>,
}

/// The volume table of a store, and the volume directories.
pub struct Volumes {
    layout: Layout,
    db_path: PathBuf,
    conn: Connection,
}

const COLUMNS: &str = "name, anonymous, created, config";

fn row(r: &rusqlite::Row) -> rusqlite::Result<VolumeRecord> {
    Ok(VolumeRecord { name: r.get(0)?, anonymous: r.get(1)?, created: r.get(2)?, config: r.get(3)? })
}

fn db<'a>(path: &'a Path, context: &'static str) -> impl FnOnce(rusqlite::Error) -> StorageError + 'a {
    move |source| StorageError::Db { path: path.to_path_buf(), context, source }
}

/// Docker's rule for volume names (the name is a directory of the store).
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

impl Volumes {
    /// Opens (creating when needed) the database of the store at
    /// `graph_root`.
    pub fn open(graph_root: &Path) -> Result<Volumes> {
        let (db_path, conn) = crate::store::open_records_db(graph_root)?;
        Ok(Volumes { layout: Layout::new(graph_root), db_path, conn })
    }

    fn err(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StorageError + '_ {
        move |source| StorageError::Db { path: self.db_path.clone(), context, source }
    }

    /// `volumes/<name>`.
    pub fn dir(&self, name: &str) -> PathBuf {
        self.layout.volumes_dir().join(name)
    }

    /// `volumes/<name>/_data`: what containers mount.
    pub fn data_path(&self, name: &str) -> PathBuf {
        self.dir(name).join("_data")
    }

    /// Adds a volume and makes its directory (mode 0755, owned by the
    /// caller); [`StorageError::VolumeExists`] when the name is taken.
    pub fn create(&mut self, rec: &VolumeRecord) -> Result<()> {
        if !valid_name(&rec.name) {
            return Err(StorageError::invalid("volume name", &rec.name, "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"));
        }
        let data = self.data_path(&rec.name);
        let path = &self.db_path;
        let dberr = |context| db(path, context);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(dberr("begin"))?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM volumes WHERE name = ?1)", [&rec.name], |r| r.get(0))
            .map_err(dberr("read volumes"))?;
        if exists {
            return Err(StorageError::VolumeExists(rec.name.clone()));
        }
        tx.execute(
            &format!("INSERT INTO volumes ({COLUMNS}) VALUES (?1, ?2, ?3, ?4)"),
            params![rec.name, rec.anonymous, rec.created, rec.config],
        )
        .map_err(dberr("insert volume"))?;
        // Made under the write lock: a directory without a row (a crash
        // before the commit) is taken over by the next create of the name.
        // `volumes/` and `volumes/<name>` private (as Podman makes them):
        // what containers write there, setuid files too, is out of other
        // users' reach even under a `--root` they may enter.
        let vol = data.parent().unwrap_or(&data).to_path_buf();
        for d in [self.layout.volumes_dir(), vol] {
            crate::store::mkdir_mode(&d, 0o700).map_err(|e| StorageError::io("create", &d, e))?;
        }
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o755)
            .create(&data)
            .map_err(|e| StorageError::io("create", &data, e))?;
        tx.commit().map_err(dberr("commit"))
    }

    /// The volume of this name.
    pub fn get(&self, name: &str) -> Result<Option<VolumeRecord>> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM volumes WHERE name = ?1"), [name], row)
            .optional()
            .map_err(self.err("read volume"))
    }

    /// Every volume, by name.
    pub fn list(&self) -> Result<Vec<VolumeRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM volumes ORDER BY name"))
            .map_err(self.err("read volumes"))?;
        let rows = st.query_map([], row).map_err(self.err("read volumes"))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(self.err("read volumes"))
    }

    /// The IDs of the containers that use the volume.
    pub fn users(&self, name: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT container FROM volume_users WHERE volume = ?1 ORDER BY container")
            .map_err(self.err("read volume users"))?;
        let rows = st.query_map([name], |r| r.get(0)).map_err(self.err("read volume users"))?;
        rows.collect::<rusqlite::Result<Vec<String>>>().map_err(self.err("read volume users"))
    }

    /// The volumes a container uses.
    pub fn of_container(&self, id: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT volume FROM volume_users WHERE container = ?1 ORDER BY volume")
            .map_err(self.err("read volume users"))?;
        let rows = st.query_map([id], |r| r.get(0)).map_err(self.err("read volume users"))?;
        rows.collect::<rusqlite::Result<Vec<String>>>().map_err(self.err("read volume users"))
    }

    /// Replaces the configuration document.
    pub fn set_config(&mut self, name: &str, config: &[u8]) -> Result<()> {
        let n = self
            .conn
            .execute("UPDATE volumes SET config = ?1 WHERE name = ?2", params![config, name])
            .map_err(self.err("update volume"))?;
        if n == 0 {
            return Err(StorageError::VolumeUnknown(name.to_string()));
        }
        Ok(())
    }

    /// Deletes an unused volume's row and moves its directory out of
    /// `volumes/` (into `tmp/`) in one transaction; returns where the
    /// directory now is, for the caller to delete (its files may belong to
    /// a user namespace's IDs). [`StorageError::VolumeInUse`] when a
    /// container uses it.
    pub fn remove(&mut self, name: &str) -> Result<Option<PathBuf>> {
        let dir = self.dir(name);
        let tmp = self.layout.tmp_dir();
        let path = &self.db_path;
        let dberr = |context| db(path, context);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(dberr("begin"))?;
        let exists: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM volumes WHERE name = ?1)", [name], |r| r.get(0))
            .map_err(dberr("read volumes"))?;
        if !exists {
            return Err(StorageError::VolumeUnknown(name.to_string()));
        }
        let users: Vec<String> = {
            let mut st = tx
                .prepare("SELECT container FROM volume_users WHERE volume = ?1 ORDER BY container")
                .map_err(dberr("read volume users"))?;
            let rows = st.query_map([name], |r| r.get(0)).map_err(dberr("read volume users"))?;
            rows.collect::<rusqlite::Result<_>>().map_err(dberr("read volume users"))?
        };
        if !users.is_empty() {
            return Err(StorageError::VolumeInUse { name: name.to_string(), users });
        }
        tx.execute("DELETE FROM volumes WHERE name = ?1", [name]).map_err(dberr("delete volume"))?;
        std::fs::create_dir_all(&tmp).map_err(|e| StorageError::io("create", &tmp, e))?;
        let gone = tmp.join(format!("rm-volume-{}-{name}", std::process::id()));
        let moved = match std::fs::rename(&dir, &gone) {
            Ok(()) => Some(gone.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(StorageError::io("rename", &dir, e)),
        };
        if let Err(e) = tx.commit() {
            if moved.is_some() {
                let _ = std::fs::rename(&gone, &dir);
            }
            return Err(db(path, "commit")(e));
        }
        Ok(moved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ContainerRecord, Containers};

    fn vol(name: &str) -> VolumeRecord {
        VolumeRecord { name: name.into(), anonymous: false, created: 1, config: b"{}".to_vec() }
    }

    #[test]
    fn create_use_remove() {
        let dir = tempfile::tempdir().unwrap();
        let mut v = Volumes::open(dir.path()).unwrap();
        v.create(&vol("data")).unwrap();
        assert!(v.data_path("data").is_dir());
        assert!(matches!(v.create(&vol("data")), Err(StorageError::VolumeExists(_))));
        assert!(matches!(v.create(&vol("../x")), Err(StorageError::Invalid { .. })));
        assert!(matches!(v.create(&vol(".x")), Err(StorageError::Invalid { .. })));
        let mut c = Containers::open(dir.path()).unwrap();
        let id = "c".repeat(64);
        let rec = ContainerRecord {
            id: id.clone(),
            name: "x".into(),
            image_id: "ab".repeat(32),
            created: 1,
            config: b"{}".to_vec(),
            state: b"{}".to_vec(),
        };
        assert!(matches!(c.create_using(&rec, &["nope".to_string()]), Err(StorageError::VolumeUnknown(_))));
        c.create_using(&rec, &["data".to_string()]).unwrap();
        assert_eq!(v.users("data").unwrap(), vec![id.clone()]);
        assert_eq!(v.of_container(&id).unwrap(), vec!["data".to_string()]);
        match v.remove("data") {
            Err(StorageError::VolumeInUse { users, .. }) => assert_eq!(users, vec![id.clone()]),
            other => panic!("{other:?}"),
        }
        c.remove(&id).unwrap();
        assert!(v.users("data").unwrap().is_empty());
        let gone = v.remove("data").unwrap().unwrap();
        assert!(gone.is_dir() && !v.dir("data").exists());
        assert!(v.get("data").unwrap().is_none());
        assert!(matches!(v.remove("data"), Err(StorageError::VolumeUnknown(_))));
    }

    #[test]
    fn concurrent_creates_of_one_name_make_one_volume() {
        let dir = tempfile::tempdir().unwrap();
        Volumes::open(dir.path()).unwrap();
        let made: Vec<bool> = (0..8)
            .map(|_| {
                let root = dir.path().to_path_buf();
                std::thread::spawn(move || Volumes::open(&root).unwrap().create(&vol("one")).is_ok())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        assert_eq!(made.iter().filter(|m| **m).count(), 1);
        assert_eq!(Volumes::open(dir.path()).unwrap().list().unwrap().len(), 1);
    }
}
