//! Secrets (`rpod secret`, `run --secret`), kept as Podman's file driver
//! keeps them, under `<graph root>/secrets/`:
//!
//! ```text
//! secrets/                      0700
//!   secrets.lock                flock: exclusive while the store changes, shared to read
//!   secrets.json                0600  {"secrets": {ID: record}, "nameToID": {...}, "idToName": {...}}
//!   filedriver/                 0700  (the file driver's `path` option)
//!     secretsdata.json          0600  {ID: base64 data}
//! ```
//!
//! Both files are rewritten whole through a temporary file and a rename,
//! so a kill at any moment leaves the old or the new file. `create` writes
//! the data before the record, `remove` the record before the data: an
//! interrupted one leaves at most unreferenced data, never a record
//! without its data.

pub mod usage;

use std::collections::BTreeMap;
#[cfg(test)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context as _};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::{ExitCode, Failure};

/// Podman's limit: the data must be 1 to 511999 bytes.
pub const MAX_SIZE: usize = 512_000;
/// Length of a secret's ID (Podman's).
const ID_LEN: usize = 25;
/// The one driver rpod has (Podman's default, unencrypted files).
pub const FILE_DRIVER: &str = "file";

/// One secret's record (Podman's `secrets.Secret`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Secret {
    pub name: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
    /// RFC 3339 with nanoseconds, UTC.
    #[serde(rename = "createdAt")]
    pub created_at: String,
    pub driver: String,
    #[serde(rename = "driverOptions", default)]
    pub driver_options: BTreeMap<String, String>,
}

/// `secrets.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Db {
    #[serde(default)]
    secrets: BTreeMap<String, Secret>,
    #[serde(rename = "nameToID", default)]
    name_to_id: BTreeMap<String, String>,
    #[serde(rename = "idToName", default)]
    id_to_name: BTreeMap<String, String>,
}

/// What `secret create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub driver: String,
    pub driver_options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
}

/// The secrets of one store (`<graph root>/secrets`).
pub struct Store {
    dir: PathBuf,
}

fn engine(message: impl Into<String>) -> anyhow::Error {
    Failure::new(ExitCode::Engine, message).into()
}

fn no_such(name: &str) -> anyhow::Error {
    Failure::no_such(format!("no secret with name or id {name:?}: no such secret")).into()
}

/// Podman's rule: 1 to 64 of `[a-zA-Z0-9_.-]`, first and last alphanumeric.
pub fn check_name(name: &str) -> anyhow::Result<()> {
    let b = name.as_bytes();
    let ok = !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(engine(format!(
            "only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]: {name}: invalid secret name"
        )))
    }
}

/// Creates `dir` (and missing parents) 0700; an existing `dir` made 0700.
fn mkdir_private(dir: &Path) -> anyhow::Result<()> {
    crate::paths::private_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

impl Store {
    /// The store of this user (nothing is created until a secret is).
    pub fn open(ctx: &Context) -> anyhow::Result<Store> {
        Ok(Store::at(ctx.paths()?.graph_root.join("secrets")))
    }

    pub fn at(dir: PathBuf) -> Store {
        Store { dir }
    }

    /// The file driver's default directory.
    fn default_data_dir(&self) -> PathBuf {
        self.dir.join("filedriver")
    }

    fn lock(&self, exclusive: bool) -> anyhow::Result<Option<nix::fcntl::Flock<std::fs::File>>> {
        use nix::fcntl::{Flock, FlockArg};
        if !exclusive && !self.dir.exists() {
            return Ok(None);
        }
        if exclusive {
            mkdir_private(&self.dir)?;
        }
        let path = self.dir.join("secrets.lock");
        let f = crate::paths::lock_file(&path)?;
        let arg = if exclusive { FlockArg::LockExclusive } else { FlockArg::LockShared };
        Flock::lock(f, arg).map(Some).map_err(|(_, e)| anyhow!("locking {}: {e}", path.display()))
    }

    fn read_db(&self) -> anyhow::Result<Db> {
        let path = self.dir.join("secrets.json");
        match std::fs::read(&path) {
            Ok(b) => serde_json::from_slice(&b).with_context(|| format!("reading {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Db::default()),
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    fn write_db(&self, db: &Db) -> anyhow::Result<()> {
        let body = serde_json::to_vec_pretty(db)?;
        crate::files::write_atomic_as(&self.dir.join("secrets.json"), &body[..], Some(0o600), None)
    }

    fn data_file(dir: &Path) -> PathBuf {
        dir.join("secretsdata.json")
    }

    fn read_data(dir: &Path) -> anyhow::Result<BTreeMap<String, String>> {
        let path = Self::data_file(dir);
        match std::fs::read(&path) {
            Ok(b) => serde_json::from_slice(&b).with_context(|| format!("reading {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    fn write_data(dir: &Path, data: &BTreeMap<String, String>) -> anyhow::Result<()> {
        let body = serde_json::to_vec_pretty(data)?;
        crate::files::write_atomic_as(&Self::data_file(dir), &body[..], Some(0o600), None)
    }

    /// Every secret, by name.
    pub fn list(&self) -> anyhow::Result<Vec<Secret>> {
        let _lock = self.lock(false)?;
        let mut all: Vec<Secret> = self.read_db()?.secrets.into_values().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(all)
    }

    /// By name, full ID or a unique prefix of an ID (Podman's lookup).
    fn find(db: &Db, name_or_id: &str) -> anyhow::Result<Secret> {
        if let Some(s) = db.name_to_id.get(name_or_id).and_then(|id| db.secrets.get(id)) {
            return Ok(s.clone());
        }
        if let Some(s) = db.secrets.get(name_or_id) {
            return Ok(s.clone());
        }
        let mut hits = db.secrets.values().filter(|s| !name_or_id.is_empty() && s.id.starts_with(name_or_id));
        match (hits.next(), hits.next()) {
            (Some(s), None) => Ok(s.clone()),
            (Some(_), Some(_)) => Err(engine(format!("more than one result secret with prefix {name_or_id}"))),
            _ => Err(no_such(name_or_id)),
        }
    }

    pub fn lookup(&self, name_or_id: &str) -> anyhow::Result<Secret> {
        let _lock = self.lock(false)?;
        Self::find(&self.read_db()?, name_or_id)
    }

    /// A new secret holding `data`; a name in use fails (exit 125).
    pub fn create(&self, name: &str, data: &[u8], opts: &CreateOptions) -> anyhow::Result<Secret> {
        check_name(name)?;
        if opts.driver != FILE_DRIVER {
            return Err(engine(format!(
                "secret driver {:?} is not supported by rpod (it has the file driver only)",
                opts.driver
            )));
        }
        if data.is_empty() || data.len() >= MAX_SIZE {
            return Err(engine("secret data must be larger than 0 and less than 512000 bytes"));
        }
        let _lock = self.lock(true)?;
        let mut db = self.read_db()?;
        if db.name_to_id.contains_key(name) {
            return Err(engine(format!("{name}: secret name in use")));
        }
        let id = loop {
            let id = crate::container::record::random_id()?[..ID_LEN].to_string();
            if !db.secrets.contains_key(&id) {
                break id;
            }
        };
        let mut driver_options = opts.driver_options.clone();
        let data_dir = match driver_options.get("path") {
            Some(p) => PathBuf::from(p),
            None => {
                let d = self.default_data_dir();
                driver_options.insert("path".into(), d.display().to_string());
                d
            }
        };
        if !data_dir.is_absolute() {
            return Err(engine(format!("--driver-opts path={}: the path must be absolute", data_dir.display())));
        }
        mkdir_private(&data_dir)?;
        let mut stored = Self::read_data(&data_dir)?;
        stored.insert(id.clone(), base64::engine::general_purpose::STANDARD.encode(data));
        Self::write_data(&data_dir, &stored)?;
        let now = crate::container::record::now_ns();
        let secret = Secret {
            name: name.to_string(),
            id: id.clone(),
            labels: opts.labels.clone(),
            metadata: BTreeMap::new(),
            created_at: crate::timefmt::rfc3339_nano(
                now.div_euclid(1_000_000_000),
                now.rem_euclid(1_000_000_000) as u32,
            ),
            driver: opts.driver.clone(),
            driver_options,
        };
        db.secrets.insert(id.clone(), secret.clone());
        db.name_to_id.insert(name.to_string(), id.clone());
        db.id_to_name.insert(id, name.to_string());
        self.write_db(&db)?;
        Ok(secret)
    }

    /// Removes a secret (its record, then its data); returns its ID.
    pub fn remove(&self, name_or_id: &str) -> anyhow::Result<String> {
        let _lock = self.lock(true)?;
        let mut db = self.read_db()?;
        let s = Self::find(&db, name_or_id)?;
        db.secrets.remove(&s.id);
        db.name_to_id.remove(&s.name);
        db.id_to_name.remove(&s.id);
        self.write_db(&db)?;
        let dir = s.data_dir();
        let mut stored = Self::read_data(&dir)?;
        if stored.remove(&s.id).is_some() {
            Self::write_data(&dir, &stored)?;
        }
        Ok(s.id)
    }

    /// The secret's data.
    pub fn data(&self, s: &Secret) -> anyhow::Result<Vec<u8>> {
        let _lock = self.lock(false)?;
        let stored = Self::read_data(&s.data_dir())?;
        let text = stored.get(&s.id).ok_or_else(|| engine(format!("secret {}: its data is missing", s.name)))?;
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .with_context(|| format!("secret {}: reading its data", s.name))
    }
}

impl Secret {
    fn data_dir(&self) -> PathBuf {
        PathBuf::from(self.driver_options.get("path").cloned().unwrap_or_default())
    }

    fn created_ns(&self) -> i64 {
        crate::timefmt::parse_go_time_ns(&self.created_at).unwrap_or(0)
    }

    /// `secret inspect`'s document (Podman's `SecretInfoReport`); rpod's
    /// secrets never change, so `UpdatedAt` is `CreatedAt`.
    pub fn inspect_json(&self) -> Value {
        json!({
            "ID": self.id,
            "CreatedAt": self.created_at,
            "UpdatedAt": self.created_at,
            "Spec": {
                "Name": self.name,
                "Driver": {"Name": self.driver, "Options": self.driver_options},
                "Labels": self.labels,
            }
        })
    }

    /// `secret inspect --pretty` (Podman's template, its spacing included).
    pub fn pretty(&self) -> String {
        let when = crate::timefmt::go_time_string(self.created_ns());
        let mut out = format!("ID:              {}\nName:              {}\n", self.id, self.name);
        if !self.labels.is_empty() {
            out.push_str("Labels:\n");
            for (k, v) in &self.labels {
                if v.is_empty() {
                    out.push_str(&format!(" - {k}\n"));
                } else {
                    out.push_str(&format!(" - {k}={v}\n"));
                }
            }
        }
        out.push_str(&format!(
            "Driver:            {}\nCreated at:        {when}\nUpdated at:        {when}\n",
            self.driver
        ));
        out
    }

    /// A row of `secret ls` (Podman's `SecretListReport`).
    pub fn list_row(&self, now_ns: i64) -> Value {
        let ago = crate::format::human::ago(self.created_ns().div_euclid(1_000_000_000), now_ns / 1_000_000_000);
        json!({
            "ID": self.id,
            "Name": self.name,
            "Driver": self.driver,
            "CreatedAt": ago,
            "UpdatedAt": ago,
        })
    }
}

/// `secret ls --filter`: `name=` and `id=` (regular expressions, as
/// Podman's), the values of one key alternatives, keys all to match.
pub struct Filters(crate::filter::Pairs);

impl Filters {
    pub fn parse(args: &[String]) -> anyhow::Result<Filters> {
        let pairs = crate::filter::Pairs::parse(
            args,
            |f| format!("invalid filter {f:?}: expected KEY=VALUE"),
            |k, v| match k {
                "name" | "id" => {
                    regex::Regex::new(v).map_err(|e| engine(format!("invalid filter {k}={v}: {e}")))?;
                    Ok(())
                }
                _ => Err(engine(format!("invalid filter {k:?}"))),
            },
        )?;
        Ok(Filters(pairs))
    }

    pub fn matches(&self, s: &Secret) -> bool {
        self.0.matches(|k, v| {
            let field = if k == "name" { &s.name } else { &s.id };
            regex::Regex::new(v).is_ok_and(|re| re.is_match(field))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> CreateOptions {
        CreateOptions { driver: FILE_DRIVER.into(), ..Default::default() }
    }

    #[test]
    fn names_follow_podmans_rule() {
        for ok in ["a", "my.secret-1_x", &"a".repeat(64)] {
            check_name(ok).unwrap();
        }
        for bad in ["", "a-", "_a", "bad/name", "a b", &"a".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn create_lookup_data_remove_and_modes() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::at(t.path().join("secrets"));
        assert!(store.list().unwrap().is_empty());
        let mut o = opts();
        o.labels.insert("k".into(), "v".into());
        let s = store.create("one", b"top\0secret", &o).unwrap();
        assert_eq!(s.id.len(), 25);
        assert_eq!(store.lookup("one").unwrap(), s);
        assert_eq!(store.lookup(&s.id[..6]).unwrap().name, "one");
        assert_eq!(store.data(&s).unwrap(), b"top\0secret");
        let err = store.create("one", b"x", &opts()).unwrap_err();
        assert_eq!(crate::error::render(&err), "Error: one: secret name in use");
        for (path, mode) in [("secrets", 0o700), ("secrets/filedriver", 0o700), ("secrets/secrets.json", 0o600)] {
            let m = std::fs::metadata(t.path().join(path)).unwrap().permissions().mode() & 0o777;
            assert_eq!(m, mode, "{path}");
        }
        let m = std::fs::metadata(t.path().join("secrets/filedriver/secretsdata.json")).unwrap();
        assert_eq!(m.permissions().mode() & 0o777, 0o600);
        // Podman's layout: the record points at the data's directory.
        let db: Value = serde_json::from_slice(&std::fs::read(t.path().join("secrets/secrets.json")).unwrap()).unwrap();
        assert_eq!(db["nameToID"]["one"], s.id.as_str());
        assert_eq!(
            db["secrets"][&s.id]["driverOptions"]["path"],
            t.path().join("secrets/filedriver").to_str().unwrap()
        );
        assert_eq!(store.remove("one").unwrap(), s.id);
        assert!(store.lookup("one").is_err());
        let data = std::fs::read_to_string(t.path().join("secrets/filedriver/secretsdata.json")).unwrap();
        assert!(!data.contains(&s.id), "{data}");
        let err = store.remove("one").unwrap_err();
        assert_eq!(crate::error::render(&err), "Error: no secret with name or id \"one\": no such secret");
    }

    #[test]
    fn bad_data_and_drivers_are_refused_and_nothing_is_written() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::at(t.path().join("secrets"));
        assert!(store.create("e", b"", &opts()).is_err());
        assert!(store.create("big", &vec![b'x'; MAX_SIZE], &opts()).is_err());
        store.create("big", &vec![b'x'; MAX_SIZE - 1], &opts()).unwrap();
        let pass = CreateOptions { driver: "pass".into(), ..Default::default() };
        assert!(store.create("p", b"x", &pass).is_err());
        assert_eq!(store.list().unwrap().len(), 1);
    }

    #[test]
    fn filters_are_regular_expressions() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::at(t.path().join("secrets"));
        let a = store.create("alpha", b"x", &opts()).unwrap();
        store.create("beta", b"x", &opts()).unwrap();
        let names = |f: &[&str]| -> Vec<String> {
            let f = Filters::parse(&f.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
            store.list().unwrap().into_iter().filter(|s| f.matches(s)).map(|s| s.name).collect()
        };
        assert_eq!(names(&["name=^al"]), ["alpha"]);
        assert_eq!(names(&["name=ph", "name=et"]), ["alpha", "beta"]);
        assert_eq!(names(&[&format!("id={}", &a.id[..5]), "name=beta"]), Vec::<String>::new());
        assert!(Filters::parse(&["bogus=1".to_string()]).is_err());
    }
}
