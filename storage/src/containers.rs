//! Container records: one row per container in the store's database
//! (`containers` table), with the engine's configuration and state as
//! JSON documents this crate does not interpret.
//!
//! [`Containers`] opens only the database: no recovery of layer
//! directories, nothing outside `db.sqlite`, so commands that read or
//! change container records (`ps`, `inspect`, `stop`, `exec`, the monitor)
//! work without entering the user namespace. Names are unique (the
//! database enforces it); a container is found by its full ID, its name, or
//! a unique prefix of its ID.
//!
//! Every change is one `BEGIN IMMEDIATE` transaction; [`Containers::update`]
//! is a read-modify-write of one record under the database's write lock,
//! so two processes changing one container's state never lose an update.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Result, StorageError};

/// One container as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerRecord {
    /// 64 lower-case hex digits.
    pub id: String,
    pub name: String,
    /// The image's ID (hex config digest).
    pub image_id: String,
    /// Unix nanoseconds.
    pub created: i64,
    /// The engine's configuration document.
    pub config: Vec<u8>,
    /// The engine's state document.
    pub state: Vec<u8>,
}

/// The container table of a store.
pub struct Containers {
    db_path: PathBuf,
    conn: Connection,
}

const COLUMNS: &str = "id, name, image_id, created, config, state";

pub(crate) fn db<'a>(path: &'a Path, context: &'static str) -> impl FnOnce(rusqlite::Error) -> StorageError + 'a {
    move |source| StorageError::Db { path: path.to_path_buf(), context, source }
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<ContainerRecord> {
    Ok(ContainerRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        image_id: r.get(2)?,
        created: r.get(3)?,
        config: r.get(4)?,
        state: r.get(5)?,
    })
}

impl Containers {
    /// Opens (creating when needed) the database of the store at
    /// `graph_root`.
    pub fn open(graph_root: &Path) -> Result<Containers> {
        let (db_path, conn) = crate::store::open_records_db(graph_root)?;
        Ok(Containers { db_path, conn })
    }

    fn err(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StorageError + '_ {
        move |source| StorageError::Db { path: self.db_path.clone(), context, source }
    }

    /// Adds a new container; fails with [`StorageError::NameInUse`] when
    /// the name (or the ID) is taken.
    pub fn create(&mut self, rec: &ContainerRecord) -> Result<()> {
        self.create_using(rec, &[])
    }

    /// Adds a new container that uses these volumes (see
    /// [`crate::Volumes`]), in one transaction: a volume removed meanwhile
    /// fails it with [`StorageError::VolumeUnknown`]; the uses go with the
    /// container's record.
    pub fn create_using(&mut self, rec: &ContainerRecord, volumes: &[String]) -> Result<()> {
        self.create_in(rec, volumes, None)
    }

    /// [`Containers::create_using`], the container a member of `pod` (see
    /// [`crate::Pods`]): a pod removed meanwhile fails it with
    /// [`StorageError::PodUnknown`]. Container and pod names share one
    /// namespace, as in Podman.
    pub fn create_in(&mut self, rec: &ContainerRecord, volumes: &[String], pod: Option<&str>) -> Result<()> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db(&self.db_path, "begin"))?;
        let owner: Option<String> = tx
            .query_row("SELECT id FROM containers WHERE name = ?1 OR id = ?2", params![rec.name, rec.id], |r| r.get(0))
            .optional()
            .map_err(db(&self.db_path, "read containers"))?;
        if let Some(owner) = owner {
            return Err(StorageError::NameInUse { name: rec.name.clone(), owner });
        }
        let pod_owner: Option<String> = tx
            .query_row("SELECT id FROM pods WHERE name = ?1", [&rec.name], |r| r.get(0))
            .optional()
            .map_err(db(&self.db_path, "read pods"))?;
        if let Some(owner) = pod_owner {
            return Err(StorageError::NameInUse { name: rec.name.clone(), owner });
        }
        tx.execute(
            &format!("INSERT INTO containers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
            params![rec.id, rec.name, rec.image_id, rec.created, rec.config, rec.state],
        )
        .map_err(db(&self.db_path, "insert container"))?;
        for v in volumes {
            let exists: bool = tx
                .query_row("SELECT EXISTS (SELECT 1 FROM volumes WHERE name = ?1)", [v], |r| r.get(0))
                .map_err(db(&self.db_path, "read volumes"))?;
            if !exists {
                return Err(StorageError::VolumeUnknown(v.clone()));
            }
            tx.execute("INSERT OR IGNORE INTO volume_users (volume, container) VALUES (?1, ?2)", params![v, rec.id])
                .map_err(db(&self.db_path, "record volume use"))?;
        }
        if let Some(pod) = pod {
            let exists: bool = tx
                .query_row("SELECT EXISTS (SELECT 1 FROM pods WHERE id = ?1)", [pod], |r| r.get(0))
                .map_err(db(&self.db_path, "read pods"))?;
            if !exists {
                return Err(StorageError::PodUnknown(pod.to_string()));
            }
            tx.execute("INSERT INTO pod_members (container, pod) VALUES (?1, ?2)", params![rec.id, pod])
                .map_err(db(&self.db_path, "record pod member"))?;
        }
        tx.commit().map_err(db(&self.db_path, "commit"))
    }

    /// Every container, oldest first.
    pub fn list(&self) -> Result<Vec<ContainerRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM containers ORDER BY created, id"))
            .map_err(self.err("read containers"))?;
        let rows = st.query_map([], row).map_err(self.err("read containers"))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(self.err("read containers"))
    }

    /// The container with exactly this ID.
    pub fn get(&self, id: &str) -> Result<Option<ContainerRecord>> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM containers WHERE id = ?1"), [id], row)
            .optional()
            .map_err(self.err("read container"))
    }

    /// The container named `key`, or whose ID is `key` or starts with it.
    /// No match: [`StorageError::ContainerUnknown`]; several IDs with the
    /// prefix: [`StorageError::ContainerAmbiguous`] listing them.
    pub fn lookup(&self, key: &str) -> Result<ContainerRecord> {
        use crate::lookup::Found;
        match crate::lookup::by_name_or_prefix(&self.conn, "containers", COLUMNS, key, row)
            .map_err(self.err("read containers"))?
        {
            Found::One(r) => Ok(r),
            Found::Many(found) => Err(StorageError::ContainerAmbiguous {
                key: key.to_string(),
                matches: found.into_iter().map(|r| r.id).collect(),
            }),
            Found::None => Err(StorageError::ContainerUnknown(key.to_string())),
        }
    }

    /// Read-modify-write of one container's state document under the
    /// write lock: `f` gets the current state and returns the new one, or
    /// `None` to leave it. Returns the record as it is afterwards.
    pub fn update<F>(&mut self, id: &str, f: F) -> Result<ContainerRecord>
    where
        F: FnOnce(&ContainerRecord) -> Option<Vec<u8>>,
    {
        let path = &self.db_path;
        let dberr = |context| db(path, context);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(dberr("begin"))?;
        let mut rec = tx
            .query_row(&format!("SELECT {COLUMNS} FROM containers WHERE id = ?1"), [id], row)
            .optional()
            .map_err(dberr("read container"))?
            .ok_or_else(|| StorageError::ContainerUnknown(id.to_string()))?;
        if let Some(state) = f(&rec) {
            tx.execute("UPDATE containers SET state = ?1 WHERE id = ?2", params![state, id])
                .map_err(dberr("update container"))?;
            rec.state = state;
        }
        tx.commit().map_err(dberr("commit"))?;
        Ok(rec)
    }

    /// Replaces the configuration document (e.g. `update`, `rename`).
    pub fn set_config(&mut self, id: &str, config: &[u8]) -> Result<()> {
        let n = self
            .conn
            .execute("UPDATE containers SET config = ?1 WHERE id = ?2", params![config, id])
            .map_err(self.err("update container"))?;
        if n == 0 {
            return Err(StorageError::ContainerUnknown(id.to_string()));
        }
        Ok(())
    }

    /// Gives a container a new (unused) name.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<()> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db(&self.db_path, "begin"))?;
        let owner: Option<String> = tx
            .query_row("SELECT id FROM containers WHERE name = ?1", [name], |r| r.get(0))
            .optional()
            .map_err(db(&self.db_path, "read containers"))?;
        if let Some(owner) = owner {
            if owner != id {
                return Err(StorageError::NameInUse { name: name.to_string(), owner });
            }
        }
        let n = tx
            .execute("UPDATE containers SET name = ?1 WHERE id = ?2", params![name, id])
            .map_err(db(&self.db_path, "rename container"))?;
        if n == 0 {
            return Err(StorageError::ContainerUnknown(id.to_string()));
        }
        tx.commit().map_err(db(&self.db_path, "commit"))
    }

    /// Deletes the record (its files are the engine's business). Removing
    /// a record that is gone already is not an error.
    pub fn remove(&mut self, id: &str) -> Result<()> {
        self.conn.execute("DELETE FROM containers WHERE id = ?1", [id]).map_err(self.err("delete container"))?;
        Ok(())
    }

    /// Removes a container's record and `holder`'s holds on layers (see
    /// [`crate::Store::hold`]) in one transaction. Returns the layers those
    /// holds were the last reference to (no image lists them, nobody else
    /// holds them: their image was removed first): the caller removes
    /// them with [`crate::Store::remove_layer_chain_if_unused`], which
    /// needs the layer directories (and, rootless, the user namespace).
    pub fn remove_with_holds(&mut self, id: &str, holder: &str) -> Result<Vec<String>> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db(&self.db_path, "begin"))?;
        let held: Vec<String> = {
            let mut st =
                tx.prepare("SELECT chain_id FROM holds WHERE holder = ?1").map_err(db(&self.db_path, "read holds"))?;
            let rows = st.query_map([holder], |r| r.get(0)).map_err(db(&self.db_path, "read holds"))?;
            rows.collect::<rusqlite::Result<_>>().map_err(db(&self.db_path, "read holds"))?
        };
        tx.execute("DELETE FROM containers WHERE id = ?1", [id]).map_err(db(&self.db_path, "delete container"))?;
        tx.execute("DELETE FROM holds WHERE holder = ?1", [holder]).map_err(db(&self.db_path, "delete holds"))?;
        let mut unreferenced = Vec::new();
        for chain in held {
            let used: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM image_layers WHERE chain_id = ?1)
                         OR EXISTS (SELECT 1 FROM holds WHERE chain_id = ?1)",
                    [&chain],
                    |r| r.get(0),
                )
                .map_err(db(&self.db_path, "count layer users"))?;
            if !used {
                unreferenced.push(chain);
            }
        }
        tx.commit().map_err(db(&self.db_path, "commit"))?;
        Ok(unreferenced)
    }

    /// A container has this name.
    pub fn name_in_use(&self, name: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS (SELECT 1 FROM containers WHERE name = ?1)", [name], |r| r.get(0))
            .map_err(self.err("read containers"))
    }

    /// How many containers use the image `image_id`.
    pub fn users_of_image(&self, image_id: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM containers WHERE image_id = ?1 ORDER BY id")
            .map_err(self.err("read containers"))?;
        let rows = st.query_map([image_id], |r| r.get(0)).map_err(self.err("read containers"))?;
        rows.collect::<rusqlite::Result<Vec<String>>>().map_err(self.err("read containers"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, name: &str) -> ContainerRecord {
        ContainerRecord {
            id: id.to_string(),
            name: name.to_string(),
            image_id: "ab".repeat(32),
            created: 1,
            config: b"{}".to_vec(),
            state: b"{\"s\":0}".to_vec(),
        }
    }

    #[test]
    fn create_lookup_update_rename_remove() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Containers::open(dir.path()).unwrap();
        let a = format!("aa11{}", "0".repeat(60));
        let b = format!("aa22{}", "0".repeat(60));
        c.create(&rec(&a, "one")).unwrap();
        c.create(&rec(&b, "two")).unwrap();
        assert!(matches!(c.create(&rec(&"f".repeat(64), "one")), Err(StorageError::NameInUse { .. })));
        assert!(matches!(c.create(&rec(&a, "three")), Err(StorageError::NameInUse { .. })));
        assert_eq!(c.lookup("one").unwrap().id, a);
        assert_eq!(c.lookup(&b).unwrap().name, "two");
        assert_eq!(c.lookup("aa1").unwrap().id, a);
        match c.lookup("aa") {
            Err(StorageError::ContainerAmbiguous { matches, .. }) => assert_eq!(matches, vec![a.clone(), b.clone()]),
            other => panic!("{other:?}"),
        }
        assert!(matches!(c.lookup("bb"), Err(StorageError::ContainerUnknown(_))));
        assert!(matches!(c.lookup("nope"), Err(StorageError::ContainerUnknown(_))));
        let r = c.update(&a, |r| Some([r.state.as_slice(), b"!"].concat())).unwrap();
        assert_eq!(r.state, b"{\"s\":0}!");
        assert_eq!(c.get(&a).unwrap().unwrap().state, b"{\"s\":0}!");
        assert!(matches!(c.rename(&a, "two"), Err(StorageError::NameInUse { .. })));
        c.rename(&a, "uno").unwrap();
        assert_eq!(c.lookup("uno").unwrap().id, a);
        assert_eq!(c.users_of_image(&"ab".repeat(32)).unwrap().len(), 2);
        c.remove(&a).unwrap();
        c.remove(&a).unwrap();
        assert_eq!(c.list().unwrap().len(), 1);
    }

    #[test]
    fn a_version_1_database_gains_the_table() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::layout::Layout::new(dir.path()).db_path();
        {
            let conn = Connection::open(&db).unwrap();
            conn.execute_batch(crate::store::SCHEMA).unwrap();
            conn.execute_batch("INSERT INTO meta VALUES ('schema_version', '1');").unwrap();
        }
        let mut c = Containers::open(dir.path()).unwrap();
        c.create(&rec(&"c".repeat(64), "x")).unwrap();
        let v: String =
            c.conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).unwrap();
        assert_eq!(v, crate::store::SCHEMA_VERSION.to_string());
    }
}
