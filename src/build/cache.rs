//! The layer cache: the images of earlier build steps, found again by
//! what made them (buildah's way, with no index beside the store).
//!
//! A step's image is its parent's configuration history and layers plus
//! one history entry (and one layer when the step changed files). Its
//! *parent signature* hashes the parent's history and diff IDs; its *key*
//! adds the entry's `created_by`, which holds everything that decides the
//! step: the instruction after substitution (metadata), the build args in
//! scope (`|N A=b /bin/sh -c …`, `RUN`), the content digest of what
//! `COPY`/`ADD` copy, the `--label`s of the last step. A step is a hit
//! when an image with its key exists. The parent's history holds the
//! `created` times of every step before, so only the same chain of images
//! matches.
//!
//! The same signatures tell intermediate images: an untagged image that
//! is the parent of another one (hidden by `images` unless `-a`, as in
//! Podman).

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use sha2::{Digest as _, Sha256};

use rpod_storage::ImageRecord;

fn history_of(config: &Value) -> &[Value] {
    config.get("history").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn diff_ids_of(config: &Value) -> &[Value] {
    config.pointer("/rootfs/diff_ids").and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn signature(history: &[Value], diff_ids: &[Value]) -> String {
    let mut h = Sha256::new();
    h.update(serde_json::to_vec(history).unwrap_or_default());
    h.update(b"\n");
    h.update(serde_json::to_vec(diff_ids).unwrap_or_default());
    hex(&h.finalize())
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The signature of the image whose configuration is `config`, as the
/// parent of the next step.
pub fn own_signature(config: &Value) -> String {
    signature(history_of(config), diff_ids_of(config))
}

/// The signature of `config`'s parent (its history and layers without the
/// last entry) and the last entry's `created_by`; `None` for an image with
/// no history.
fn parent_signature(config: &Value) -> Option<(String, String)> {
    let history = history_of(config);
    let (last, before) = history.split_last()?;
    let ids = diff_ids_of(config);
    let empty = last.get("empty_layer").and_then(Value::as_bool).unwrap_or(false);
    let keep = if empty { ids.len() } else { ids.len().checked_sub(1)? };
    let by = last.get("created_by").and_then(Value::as_str).unwrap_or_default().to_string();
    Some((signature(before, &ids[..keep]), by))
}

fn key(parent_sig: &str, created_by: &str) -> String {
    let mut h = Sha256::new();
    h.update(parent_sig.as_bytes());
    h.update(b"\n");
    h.update(created_by.as_bytes());
    hex(&h.finalize())
}

/// The stored images by step key.
#[derive(Debug, Default)]
pub struct Cache {
    by_key: HashMap<String, String>,
}

impl Cache {
    /// Index `images` (newest last wins on a tie).
    pub fn new(images: &[ImageRecord]) -> Cache {
        let mut sorted: Vec<&ImageRecord> = images.iter().collect();
        sorted.sort_by_key(|i| i.added);
        let mut by_key = HashMap::new();
        for img in sorted {
            let Ok(config) = serde_json::from_slice::<Value>(&img.config) else { continue };
            if let Some((sig, by)) = parent_signature(&config) {
                by_key.insert(key(&sig, &by), img.id.clone());
            }
        }
        Cache { by_key }
    }

    /// The image made by the step `created_by` on the image configured as
    /// `parent`, if one is stored.
    pub fn find(&self, parent: &Value, created_by: &str) -> Option<&str> {
        self.by_key.get(&key(&own_signature(parent), created_by)).map(String::as_str)
    }

    /// Remember a step's image made by this build.
    pub fn insert(&mut self, parent: &Value, created_by: &str, id: &str) {
        self.by_key.insert(key(&own_signature(parent), created_by), id.to_string());
    }
}

/// The IDs of the intermediate images among `images`: untagged, and the
/// parent of another image.
pub fn intermediate_ids(images: &[ImageRecord]) -> HashSet<String> {
    let configs: Vec<Option<Value>> = images.iter().map(|i| serde_json::from_slice(&i.config).ok()).collect();
    let parents: HashSet<String> =
        configs.iter().flatten().filter_map(|c| parent_signature(c).map(|(sig, _)| sig)).collect();
    images
        .iter()
        .zip(&configs)
        .filter(|(img, c)| {
            img.names.is_empty()
                && c.as_ref().is_some_and(|c| !history_of(c).is_empty() && parents.contains(&own_signature(c)))
        })
        .map(|(img, _)| img.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rec(id: &str, names: &[&str], config: &Value, added: i64) -> ImageRecord {
        ImageRecord {
            id: id.into(),
            config: serde_json::to_vec(config).unwrap(),
            names: names.iter().map(|s| s.to_string()).collect(),
            added,
            ..ImageRecord::default()
        }
    }

    #[test]
    fn steps_are_found_by_parent_and_created_by() {
        let base = json!({"history": [{"created": "t0", "created_by": "base"}], "rootfs": {"diff_ids": ["sha256:a"]}});
        let mut env = base.clone();
        env["history"]
            .as_array_mut()
            .unwrap()
            .push(json!({"created": "t1", "created_by": "ENV A=b", "empty_layer": true}));
        let mut run = env.clone();
        run["history"].as_array_mut().unwrap().push(json!({"created": "t2", "created_by": "RUN x"}));
        run["rootfs"]["diff_ids"].as_array_mut().unwrap().push(json!("sha256:b"));
        let images = [rec("base", &["b:latest"], &base, 1), rec("env", &[], &env, 2), rec("run", &["app"], &run, 3)];
        let c = Cache::new(&images);
        assert_eq!(c.find(&base, "ENV A=b"), Some("env"));
        assert_eq!(c.find(&env, "RUN x"), Some("run"));
        assert_eq!(c.find(&env, "RUN y"), None);
        // Another parent with the same step: a miss.
        let mut other = base.clone();
        other["history"][0]["created"] = json!("t9");
        assert_eq!(c.find(&other, "ENV A=b"), None);
        let inter = intermediate_ids(&images);
        assert_eq!(inter, ["env".to_string()].into_iter().collect());
    }
}
