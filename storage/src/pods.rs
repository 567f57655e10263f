//! Pods: one row per pod in the store's database (`pods` table, with the
//! engine's configuration as a JSON document this crate does not
//! interpret); which containers belong to a pod is the `pod_members`
//! table, written with the container's record
//! ([`crate::Containers::create_in`]) and gone with it (`ON DELETE
//! CASCADE`).
//!
//! Every change is one `BEGIN IMMEDIATE` transaction: two creates of one
//! name make one pod (pod and container names share a namespace, as in
//! Podman), a pod is removed only once it has no containers
//! ([`StorageError::PodHasContainers`]: the check and the delete are one
//! transaction), and a container's create fails once its pod is gone.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Result, StorageError};

/// One pod as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodRecord {
    /// 64 lower-case hex digits.
    pub id: String,
    pub name: String,
    /// Unix nanoseconds.
    pub created: i64,
    /// The engine's configuration document.
    pub config: Vec<u8>,
}

/// The pod table of a store.
pub struct Pods {
    db_path: PathBuf,
    conn: Connection,
}

const COLUMNS: &str = "id, name, created, config";

fn row(r: &rusqlite::Row) -> rusqlite::Result<PodRecord> {
    Ok(PodRecord { id: r.get(0)?, name: r.get(1)?, created: r.get(2)?, config: r.get(3)? })
}

impl Pods {
    /// Opens (creating when needed) the database of the store at
    /// `graph_root` (see [`crate::Containers::open`]).
    pub fn open(graph_root: &Path) -> Result<Pods> {
        let (db_path, conn) = crate::store::open_records_db(graph_root)?;
        Ok(Pods { db_path, conn })
    }

    fn err(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StorageError + '_ {
        move |source| StorageError::Db { path: self.db_path.clone(), context, source }
    }

    /// Adds a new pod; fails with [`StorageError::NameInUse`] when a pod or
    /// a container has the name (or the pod's ID is taken).
    pub fn create(&mut self, rec: &PodRecord) -> Result<()> {
        let path = self.db_path.clone();
        let err = |context| crate::containers::db(&path, context);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err("begin"))?;
        let owner: Option<String> = tx
            .query_row(
                "SELECT id FROM pods WHERE name = ?1 OR id = ?2 UNION ALL SELECT id FROM containers WHERE name = ?1",
                params![rec.name, rec.id],
                |r| r.get(0),
            )
            .optional()
            .map_err(err("read pods"))?;
        if let Some(owner) = owner {
            return Err(StorageError::NameInUse { name: rec.name.clone(), owner });
        }
        tx.execute(
            &format!("INSERT INTO pods ({COLUMNS}) VALUES (?1, ?2, ?3, ?4)"),
            params![rec.id, rec.name, rec.created, rec.config],
        )
        .map_err(err("insert pod"))?;
        tx.commit().map_err(err("commit"))
    }

    /// Every pod, oldest first.
    pub fn list(&self) -> Result<Vec<PodRecord>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM pods ORDER BY created, id"))
            .map_err(self.err("read pods"))?;
        let rows = st.query_map([], row).map_err(self.err("read pods"))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(self.err("read pods"))
    }

    /// The pod with exactly this ID.
    pub fn get(&self, id: &str) -> Result<Option<PodRecord>> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM pods WHERE id = ?1"), [id], row)
            .optional()
            .map_err(self.err("read pod"))
    }

    /// The pod named `key`, or whose ID is `key` or starts with it.
    pub fn lookup(&self, key: &str) -> Result<PodRecord> {
        use crate::lookup::Found;
        match crate::lookup::by_name_or_prefix(&self.conn, "pods", COLUMNS, key, row).map_err(self.err("read pods"))? {
            Found::One(r) => Ok(r),
            Found::Many(found) => Err(StorageError::PodAmbiguous {
                key: key.to_string(),
                matches: found.into_iter().map(|r| r.id).collect(),
            }),
            Found::None => Err(StorageError::PodUnknown(key.to_string())),
        }
    }

    /// Replaces the configuration document (e.g. the infra container's ID
    /// once it exists).
    pub fn set_config(&mut self, id: &str, config: &[u8]) -> Result<()> {
        let n = self
            .conn
            .execute("UPDATE pods SET config = ?1 WHERE id = ?2", params![config, id])
            .map_err(self.err("update pod"))?;
        if n == 0 {
            return Err(StorageError::PodUnknown(id.to_string()));
        }
        Ok(())
    }

    /// The IDs of the pod's containers, in the order they were created.
    pub fn members(&self, id: &str) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT m.container FROM pod_members m JOIN containers c ON c.id = m.container
                 WHERE m.pod = ?1 ORDER BY c.created, c.id",
            )
            .map_err(self.err("read pod members"))?;
        let rows = st.query_map([id], |r| r.get(0)).map_err(self.err("read pod members"))?;
        rows.collect::<rusqlite::Result<Vec<String>>>().map_err(self.err("read pod members"))
    }

    /// Which pod each container in a pod belongs to (container ID → pod ID).
    pub fn memberships(&self) -> Result<std::collections::HashMap<String, String>> {
        let mut st =
            self.conn.prepare_cached("SELECT container, pod FROM pod_members").map_err(self.err("read pod members"))?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(self.err("read pod members"))?;
        rows.collect::<rusqlite::Result<_>>().map_err(self.err("read pod members"))
    }

    /// The pod container `container` belongs to, if any.
    pub fn pod_of(&self, container: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT pod FROM pod_members WHERE container = ?1", [container], |r| r.get(0))
            .optional()
            .map_err(self.err("read pod members"))
    }

    /// Deletes the pod's record, in one transaction with the check that no
    /// container belongs to it any more ([`StorageError::PodHasContainers`]
    /// otherwise). Removing a pod that is gone already is not an error.
    pub fn remove(&mut self, id: &str) -> Result<()> {
        let path = self.db_path.clone();
        let err = |context| crate::containers::db(&path, context);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err("begin"))?;
        let members: Vec<String> = {
            let mut st = tx.prepare("SELECT container FROM pod_members WHERE pod = ?1").map_err(err("read members"))?;
            let rows = st.query_map([id], |r| r.get(0)).map_err(err("read members"))?;
            rows.collect::<rusqlite::Result<_>>().map_err(err("read members"))?
        };
        if !members.is_empty() {
            return Err(StorageError::PodHasContainers { id: id.to_string(), members });
        }
        tx.execute("DELETE FROM pods WHERE id = ?1", [id]).map_err(err("delete pod"))?;
        tx.commit().map_err(err("commit"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ContainerRecord, Containers};

    fn pod(id: &str, name: &str) -> PodRecord {
        PodRecord { id: id.to_string(), name: name.to_string(), created: 1, config: b"{}".to_vec() }
    }

    fn ctr(id: &str, name: &str) -> ContainerRecord {
        ContainerRecord {
            id: id.to_string(),
            name: name.to_string(),
            image_id: String::new(),
            created: 2,
            config: b"{}".to_vec(),
            state: b"{}".to_vec(),
        }
    }

    #[test]
    fn pods_members_and_names() {
        let dir = tempfile::tempdir().unwrap();
        let mut pods = Pods::open(dir.path()).unwrap();
        let mut ctrs = Containers::open(dir.path()).unwrap();
        let p1 = format!("ab{}", "0".repeat(62));
        let p2 = format!("ac{}", "0".repeat(62));
        pods.create(&pod(&p1, "web")).unwrap();
        pods.create(&pod(&p2, "db")).unwrap();
        assert!(matches!(pods.create(&pod(&"e".repeat(64), "web")), Err(StorageError::NameInUse { .. })));
        assert_eq!(pods.lookup("web").unwrap().id, p1);
        assert_eq!(pods.lookup("ab").unwrap().id, p1);
        assert!(matches!(pods.lookup("a"), Err(StorageError::PodAmbiguous { .. })));
        assert!(matches!(pods.lookup("nope"), Err(StorageError::PodUnknown(_))));

        // Pod and container names share a namespace.
        assert!(matches!(ctrs.create(&ctr(&"c".repeat(64), "web")), Err(StorageError::NameInUse { .. })));
        ctrs.create(&ctr(&"d".repeat(64), "lone")).unwrap();
        assert!(matches!(pods.create(&pod(&"f".repeat(64), "lone")), Err(StorageError::NameInUse { .. })));

        let c1 = "1".repeat(64);
        ctrs.create_in(&ctr(&c1, "one"), &[], Some(&p1)).unwrap();
        assert!(matches!(
            ctrs.create_in(&ctr(&"2".repeat(64), "two"), &[], Some(&"9".repeat(64))),
            Err(StorageError::PodUnknown(_))
        ));
        assert!(ctrs.lookup("two").is_err(), "nothing half-written");
        assert_eq!(pods.members(&p1).unwrap(), vec![c1.clone()]);
        assert_eq!(pods.pod_of(&c1).unwrap().as_deref(), Some(p1.as_str()));
        assert_eq!(pods.memberships().unwrap().len(), 1);
        assert!(matches!(pods.remove(&p1), Err(StorageError::PodHasContainers { .. })));
        ctrs.remove(&c1).unwrap();
        assert!(pods.members(&p1).unwrap().is_empty());
        pods.remove(&p1).unwrap();
        pods.remove(&p1).unwrap();
        assert_eq!(pods.list().unwrap().len(), 1);
        pods.set_config(&p2, b"{\"a\":1}").unwrap();
        assert_eq!(pods.get(&p2).unwrap().unwrap().config, b"{\"a\":1}");
    }
}
