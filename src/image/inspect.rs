//! Stored images as Docker and Podman present them: the ImageInspect
//! document (`image inspect`, `inspect`), the image summary of `images
//! --format json`, and the rows of `history`.
//!
//! Everything here is computed from the [`ImageRecord`] (names, digests,
//! manifest, config) and the layer list; Go's JSON conventions are
//! followed where Podman's output depends on them (`omitempty` fields,
//! RFC 3339 times with the fraction's trailing zeros dropped, `null` for
//! absent maps).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::{json, Map, Value};

use rpod_storage::ImageRecord;

use super::names::repo_tag;
use crate::registry::manifest::{DOCKER_CONFIG, DOCKER_MANIFEST, OCI_MANIFEST};
use crate::timefmt;

/// The parsed image configuration (`Value::Null` if it does not parse,
/// which cannot happen for an image the store accepted from a pull).
pub fn config_of(rec: &ImageRecord) -> Value {
    serde_json::from_slice(&rec.config).unwrap_or(Value::Null)
}

fn manifest_of(rec: &ImageRecord) -> Value {
    serde_json::from_slice(&rec.manifest).unwrap_or(Value::Null)
}

/// Names with a tag (`repo:tag`), in the store's order.
pub fn repo_tags(rec: &ImageRecord) -> Vec<String> {
    rec.names.iter().filter(|n| !n.contains('@') && repo_tag(n).1 != "<none>").cloned().collect()
}

/// `repo@digest` for every name and every manifest digest of the image,
/// sorted and without duplicates (libimage's `RepoDigests`).
pub fn repo_digests(rec: &ImageRecord) -> Vec<String> {
    let mut out = BTreeSet::new();
    for name in &rec.names {
        let (repo, _) = repo_tag(name);
        for d in rec.digests.iter().chain(std::iter::once(&rec.digest)) {
            if !d.is_empty() {
                out.insert(format!("{repo}@{d}"));
            }
        }
    }
    out.into_iter().collect()
}

/// An image without names.
pub fn is_dangling(rec: &ImageRecord) -> bool {
    rec.names.is_empty()
}

/// Names, most recently given first (what Podman's `NamesHistory` shows
/// for names the image still has; rpod's store keeps no record of names
/// that were taken away).
pub fn names_history(rec: &ImageRecord) -> Vec<String> {
    rec.names.iter().rev().cloned().collect()
}

/// The image configuration's labels (`config.Labels`), `null` if none.
pub fn labels(config: &Value) -> Value {
    match &config["config"]["Labels"] {
        Value::Object(m) if !m.is_empty() => Value::Object(m.clone()),
        _ => Value::Null,
    }
}

/// One label filter (`label=KEY` or `label=KEY=VALUE`) against a config.
pub fn has_label(config: &Value, key: &str, value: Option<&str>) -> bool {
    match config["config"]["Labels"].get(key) {
        Some(Value::String(v)) => value.is_none_or(|want| want == v),
        Some(_) => value.is_none(),
        None => false,
    }
}

/// A time of the configuration as Go marshals a `time.Time`
/// (RFC 3339, the fraction without trailing zeros); `None` if absent.
pub fn go_time(s: &str) -> String {
    let Some(dot) = s.find('.') else { return s.to_string() };
    let frac_end = s[dot + 1..].find(|c: char| !c.is_ascii_digit()).map_or(s.len(), |i| dot + 1 + i);
    let digits = s[dot + 1..frac_end].trim_end_matches('0');
    if digits.is_empty() {
        format!("{}{}", &s[..dot], &s[frac_end..])
    } else {
        format!("{}.{digits}{}", &s[..dot], &s[frac_end..])
    }
}

/// Go's `time.Time.String()` of a UTC instant: `2024-01-01 00:00:00 +0000 UTC`.
pub fn go_time_string(secs: i64) -> String {
    let rfc = timefmt::rfc3339_nano(secs, 0);
    format!("{} +0000 UTC", rfc.trim_end_matches('Z').replacen('T', " ", 1))
}

/// The container configuration as Podman shows it: the OCI `ImageConfig`
/// fields in their Go order, absent and empty ones left out (Docker-only
/// keys such as `Hostname` are not part of it).
pub fn oci_config(config: &Value) -> Value {
    const FIELDS: [&str; 10] = [
        "User",
        "ExposedPorts",
        "Env",
        "Entrypoint",
        "Cmd",
        "Volumes",
        "WorkingDir",
        "Labels",
        "StopSignal",
        "ArgsEscaped",
    ];
    let src = &config["config"];
    let mut out = Map::new();
    for f in FIELDS {
        let v = &src[f];
        let empty = match v {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            Value::Bool(b) => !b,
            Value::Number(_) => false,
        };
        if !empty {
            out.insert(f.to_string(), v.clone());
        }
    }
    Value::Object(out)
}

/// The configuration's history as Go's `ociv1.History` marshals it.
pub fn history_entries(config: &Value) -> Vec<Value> {
    let Some(entries) = config["history"].as_array() else { return Vec::new() };
    entries
        .iter()
        .map(|h| {
            let mut out = Map::new();
            if let Some(c) = h["created"].as_str() {
                out.insert("created".into(), Value::String(go_time(c)));
            }
            for key in ["created_by", "author", "comment"] {
                if let Some(s) = h[key].as_str().filter(|s| !s.is_empty()) {
                    out.insert(key.into(), Value::String(s.to_string()));
                }
            }
            if h["empty_layer"].as_bool() == Some(true) {
                out.insert("empty_layer".into(), Value::Bool(true));
            }
            Value::Object(out)
        })
        .collect()
}

/// The manifest's media type (Podman's `ManifestType`).
pub fn manifest_type(rec: &ImageRecord) -> String {
    let m = manifest_of(rec);
    match m["mediaType"].as_str() {
        Some(t) if !t.is_empty() => t.to_string(),
        _ if m["config"]["mediaType"].as_str() == Some(DOCKER_CONFIG) => DOCKER_MANIFEST.to_string(),
        _ => OCI_MANIFEST.to_string(),
    }
}

/// Where the layers are for `GraphDriver`: the driver's name and the
/// layers' directories, top layer first.
#[derive(Debug, Clone)]
pub struct GraphDriver {
    pub name: String,
    pub lower_dirs: Vec<String>,
}

/// The ImageInspect document of one image, shaped like Podman's (which
/// follows Docker's): `Id` is the 64-hex config digest without `sha256:`.
pub fn inspect(rec: &ImageRecord, driver: &GraphDriver) -> Value {
    let config = config_of(rec);
    let manifest = manifest_of(rec);
    let mtype = manifest_type(rec);
    let docker = mtype == DOCKER_MANIFEST;
    let history = history_entries(&config);
    let comment = if docker {
        config["comment"].as_str().unwrap_or_default().to_string()
    } else {
        history.first().and_then(|h| h["comment"].as_str()).unwrap_or_default().to_string()
    };
    let annotations = match &manifest["annotations"] {
        Value::Object(m) if !docker => Value::Object(m.clone()),
        _ => json!({}),
    };
    let diff_ids = config["rootfs"]["diff_ids"].as_array().cloned().unwrap_or_default();
    let mut graph_data = Map::new();
    if !driver.lower_dirs.is_empty() {
        graph_data.insert("LowerDir".into(), Value::String(driver.lower_dirs.join(":")));
    }
    let str_of = |v: &Value| v.as_str().unwrap_or_default().to_string();

    let mut out = Map::new();
    out.insert("Id".into(), json!(rec.id));
    out.insert("Digest".into(), json!(rec.digest));
    out.insert("RepoTags".into(), json!(repo_tags(rec)));
    out.insert("RepoDigests".into(), json!(repo_digests(rec)));
    out.insert("Parent".into(), json!(""));
    out.insert("Comment".into(), json!(comment));
    out.insert("Created".into(), config["created"].as_str().map_or(Value::Null, |c| Value::String(go_time(c))));
    out.insert("Config".into(), oci_config(&config));
    out.insert("Version".into(), json!(str_of(&config["docker_version"])));
    out.insert("Author".into(), json!(str_of(&config["author"])));
    out.insert("Architecture".into(), json!(str_of(&config["architecture"])));
    out.insert("Os".into(), json!(str_of(&config["os"])));
    if let Some(v) = config["variant"].as_str().filter(|v| !v.is_empty()) {
        out.insert("Variant".into(), json!(v));
    }
    out.insert("Size".into(), json!(rec.size));
    out.insert("VirtualSize".into(), json!(rec.size));
    out.insert("GraphDriver".into(), json!({ "Name": driver.name, "Data": graph_data }));
    out.insert("RootFS".into(), json!({ "Type": str_of(&config["rootfs"]["type"]), "Layers": diff_ids }));
    out.insert("Labels".into(), labels(&config));
    out.insert("Annotations".into(), annotations);
    out.insert("ManifestType".into(), json!(mtype));
    out.insert("User".into(), json!(str_of(&config["config"]["User"])));
    out.insert("History".into(), Value::Array(history));
    out.insert("NamesHistory".into(), json!(names_history(rec)));
    if docker {
        let hc = match &config["container_config"]["Healthcheck"] {
            Value::Null => &config["config"]["Healthcheck"],
            v => v,
        };
        if !hc.is_null() {
            out.insert("Healthcheck".into(), hc.clone());
        }
    }
    Value::Object(out)
}

/// The same document for `--format` templates. Podman runs them on its Go
/// struct: fields `ID` and `HealthCheck` (JSON keys `Id`, `Healthcheck`;
/// both spellings work here), and absent values are Go's zero values
/// (`{{.Config.WorkingDir}}` of an image without one prints nothing, a
/// missing map prints `map[]`), not `<no value>`.
pub fn for_template(doc: &Value) -> Value {
    let mut doc = doc.clone();
    if let Value::Object(m) = &mut doc {
        if let Some(id) = m.get("Id").cloned() {
            m.insert("ID".into(), id);
        }
        if let Some(hc) = m.get("Healthcheck").cloned() {
            m.insert("HealthCheck".into(), hc);
        }
        if m.get("Labels").is_some_and(Value::is_null) {
            m.insert("Labels".into(), json!({}));
        }
        if let Some(Value::Object(config)) = m.get_mut("Config") {
            let zero = [
                ("User", json!("")),
                ("ExposedPorts", json!({})),
                ("Env", json!([])),
                ("Entrypoint", json!([])),
                ("Cmd", json!([])),
                ("Volumes", json!({})),
                ("WorkingDir", json!("")),
                ("Labels", json!({})),
                ("StopSignal", json!("")),
                ("ArgsEscaped", json!(false)),
            ];
            for (k, v) in zero {
                config.entry(k).or_insert(v);
            }
        }
    }
    doc
}

/// One image in `images --format json` (Podman's `ImageSummary` plus
/// `Created` as Unix seconds and `CreatedAt`).
pub fn summary(rec: &ImageRecord) -> Value {
    let config = config_of(rec);
    let mut out = Map::new();
    out.insert("Id".into(), json!(rec.id));
    out.insert("ParentId".into(), json!(""));
    out.insert("RepoTags".into(), json!(repo_tags(rec)));
    out.insert("RepoDigests".into(), json!(repo_digests(rec)));
    out.insert("Size".into(), json!(rec.size));
    out.insert("SharedSize".into(), json!(0));
    out.insert("VirtualSize".into(), json!(rec.size));
    out.insert("Labels".into(), labels(&config));
    out.insert("Containers".into(), json!(0));
    if is_dangling(rec) {
        out.insert("Dangling".into(), json!(true));
    }
    if !rec.names.is_empty() {
        out.insert("Names".into(), json!(rec.names));
    }
    out.insert("Digest".into(), json!(rec.digest));
    let history = names_history(rec);
    if !history.is_empty() {
        out.insert("History".into(), json!(history));
    }
    out.insert("Created".into(), json!(rec.created));
    out.insert("CreatedAt".into(), json!(timefmt::rfc3339_nano(rec.created, 0)));
    Value::Object(out)
}

/// One row of `history`, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    /// The full image ID for rows that are the top of a stored image, else
    /// `<missing>`.
    pub id: String,
    /// `created` as written in the configuration (absent: None).
    pub created: Option<String>,
    pub created_by: String,
    pub size: u64,
    pub comment: String,
    /// Names of the images whose top layer this row's layer is.
    pub tags: Vec<String>,
}

/// The rows of `history` (libimage's `History`): the configuration's
/// history newest first; rows that add a layer get its size, walking down
/// from the top layer; the newest row carries the image's ID, and the
/// newest row at a layer that is the top layer of a stored image carries
/// that image's ID (each ID once); every row at such a layer lists the
/// images' names.
///
/// `sizes`: the size of each of the image's layers (chain IDs, base
/// first, as in `rec.layers`); `tops`: the images by their top layer.
pub fn history_rows(rec: &ImageRecord, sizes: &[u64], tops: &HashMap<String, Vec<&ImageRecord>>) -> Vec<HistoryRow> {
    let config = config_of(rec);
    let entries = config["history"].as_array().cloned().unwrap_or_default();
    let mut layer = rec.layers.len().checked_sub(1);
    let mut used = HashSet::new();
    let mut rows = Vec::with_capacity(entries.len());
    for (x, h) in entries.iter().enumerate().rev() {
        let empty = h["empty_layer"].as_bool() == Some(true);
        let mut row = HistoryRow {
            id: if x + 1 == entries.len() { rec.id.clone() } else { "<missing>".into() },
            created: h["created"].as_str().map(str::to_string),
            created_by: h["created_by"].as_str().unwrap_or_default().to_string(),
            size: 0,
            comment: h["comment"].as_str().unwrap_or_default().to_string(),
            tags: Vec::new(),
        };
        if let Some(i) = layer {
            if !empty {
                row.size = sizes.get(i).copied().unwrap_or(0);
            }
            if let Some(images) = tops.get(&rec.layers[i]) {
                if let Some(first) = images.first() {
                    if used.insert(first.id.clone()) {
                        row.id = first.id.clone();
                    }
                }
                for img in images {
                    row.tags.extend(img.names.iter().cloned());
                }
            }
            if !empty {
                layer = i.checked_sub(1);
            }
        }
        rows.push(row);
    }
    rows
}

/// `created` of a history row as Unix seconds (0 when absent, like Go's
/// zero time would be shown relative to the epoch).
pub fn history_created_secs(row: &HistoryRow) -> i64 {
    row.created.as_deref().and_then(timefmt::parse_rfc3339).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> ImageRecord {
        let config = json!({
            "created": "2025-06-01T12:00:00.120000000Z",
            "architecture": "amd64",
            "os": "linux",
            "config": {"Hostname": "x", "Cmd": ["sh"], "Env": ["A=1"], "User": "", "Labels": {"a": "b"}},
            "rootfs": {"type": "layers", "diff_ids": ["sha256:aa", "sha256:bb"]},
            "history": [
                {"created": "2024-01-01T00:00:00Z", "created_by": "base", "comment": "first"},
                {"created": "2025-06-01T12:00:00Z", "created_by": "label", "empty_layer": true},
                {"created": "2025-06-01T12:00:00Z", "created_by": "add"},
            ],
        });
        ImageRecord {
            id: "1".repeat(64),
            digest: format!("sha256:{}", "d".repeat(64)),
            manifest: serde_json::to_vec(&json!({"mediaType": OCI_MANIFEST, "annotations": {"k": "v"}})).unwrap(),
            config: serde_json::to_vec(&config).unwrap(),
            layers: vec!["sha256:l1".into(), "sha256:l2".into()],
            names: vec!["r.io/a/b:1".into(), "r.io/a/b:2".into()],
            size: 42,
            created: 1_748_779_200,
            added: 0,
            digests: vec![format!("sha256:{}", "d".repeat(64))],
        }
    }

    #[test]
    fn inspect_document() {
        let rec = record();
        let doc = inspect(&rec, &GraphDriver { name: "overlay".into(), lower_dirs: vec!["/l2".into(), "/l1".into()] });
        assert_eq!(doc["Id"], "1".repeat(64));
        assert_eq!(doc["Created"], "2025-06-01T12:00:00.12Z");
        assert_eq!(doc["Config"], json!({"Env": ["A=1"], "Cmd": ["sh"], "Labels": {"a": "b"}}));
        assert_eq!(doc["Comment"], "first");
        assert_eq!(doc["Annotations"], json!({"k": "v"}));
        assert_eq!(doc["GraphDriver"]["Data"]["LowerDir"], "/l2:/l1");
        assert_eq!(doc["RootFS"]["Layers"], json!(["sha256:aa", "sha256:bb"]));
        let d = format!("sha256:{}", "d".repeat(64));
        assert_eq!(doc["RepoDigests"], json!([format!("r.io/a/b@{d}")]));
        assert_eq!(doc["NamesHistory"], json!(["r.io/a/b:2", "r.io/a/b:1"]));
        assert_eq!(
            doc["History"][1],
            json!({"created": "2025-06-01T12:00:00Z", "created_by": "label", "empty_layer": true})
        );
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(keys[..4], ["Id", "Digest", "RepoTags", "RepoDigests"]);
    }

    #[test]
    fn history_walks_the_layers_down() {
        let rec = record();
        let rows = history_rows(&rec, &[10, 20], &HashMap::new());
        let got: Vec<(&str, &str, u64)> = rows.iter().map(|r| (r.id.as_str(), r.created_by.as_str(), r.size)).collect();
        let id = "1".repeat(64);
        assert_eq!(got, [(id.as_str(), "add", 20), ("<missing>", "label", 0), ("<missing>", "base", 10)]);
        // A layer that is the top of another image shows that image.
        let mut base = record();
        base.id = "2".repeat(64);
        base.names = vec!["base:latest".into()];
        let tops = HashMap::from([("sha256:l1".to_string(), vec![&base])]);
        // (The newest row at that layer gets it, here an empty_layer one,
        // like Podman.)
        let rows = history_rows(&rec, &[10, 20], &tops);
        assert_eq!(rows[1].id, "2".repeat(64));
        assert_eq!(rows[2].id, "<missing>");
        assert_eq!(rows[2].tags, ["base:latest"]);
    }

    #[test]
    fn go_times() {
        assert_eq!(go_time("2024-01-01T00:00:00Z"), "2024-01-01T00:00:00Z");
        assert_eq!(go_time("2024-01-01T00:00:00.000Z"), "2024-01-01T00:00:00Z");
        assert_eq!(go_time("2024-01-01T00:00:00.123400+01:00"), "2024-01-01T00:00:00.1234+01:00");
        assert_eq!(go_time_string(1_704_067_200), "2024-01-01 00:00:00 +0000 UTC");
    }
}
