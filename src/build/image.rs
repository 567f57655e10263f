//! The images a build makes, one per step: the stage's configuration so
//! far (with its `history`) over the parent's layers, plus the step's own
//! layer when it changed files. Stored like any image
//! ([`crate::image::copy::store_image`]); untagged ones are the build
//! cache (see [`super::cache`]).

use anyhow::{anyhow, bail, Context as _};
use serde_json::{json, Value};

use rpod_storage::{ImageRecord, Store};

use crate::image::archive::{self, build_manifest};
use crate::image::commit::{pack_layer_at, LayerSource};
use crate::image::copy::{store_image, Blobs, Incoming, SpoolBlob};
use crate::image::progress::{Mode, Progress};
use crate::registry::manifest::OCI_LAYER;
use crate::registry::{Descriptor, Digest, ImageManifest};

/// When a step's image was made: `--timestamp` (or `SOURCE_DATE_EPOCH`)
/// when given, else now; RFC 3339 as the configuration writes it.
pub fn created(fixed: Option<i64>) -> String {
    match fixed {
        Some(secs) => crate::timefmt::rfc3339_nano(secs, 0),
        None => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            crate::timefmt::rfc3339_nano(now.as_secs() as i64, now.subsec_nanos())
        }
    }
}

/// Add the history entry of a step to `config` (Docker's form: `created`,
/// `created_by`, `empty_layer` for a step without a layer), and set the
/// configuration's `created` to the same time.
pub fn add_history(config: &mut Value, created_by: &str, empty_layer: bool, when: &str) {
    let mut entry = serde_json::Map::new();
    entry.insert("created".into(), json!(when));
    entry.insert("created_by".into(), json!(created_by));
    if empty_layer {
        entry.insert("empty_layer".into(), json!(true));
    }
    if let Some(o) = config.as_object_mut() {
        o.insert("created".into(), json!(when));
        match o.get_mut("history").and_then(Value::as_array_mut) {
            Some(h) => h.push(Value::Object(entry)),
            None => {
                o.insert("history".into(), json!([entry]));
            }
        }
    }
}

/// The configuration a `FROM scratch` stage starts from.
pub fn scratch_config() -> Value {
    let p = crate::registry::Platform::host();
    json!({
        "architecture": p.architecture,
        "os": p.os,
        "config": {},
        "rootfs": {"type": "layers", "diff_ids": []},
        "history": [],
    })
}

/// No blob to copy: every layer of a metadata step's image is stored.
struct NoBlobs;

impl Blobs for NoBlobs {
    fn open(&self, desc: &Descriptor) -> anyhow::Result<Box<dyn std::io::Read + Send>> {
        Err(anyhow!("layer {} of the built image is not in the store", desc.digest))
    }
}

/// Store the image of one step: `parent`'s layers (none for scratch), plus
/// the layer made of `layer` when given (its diff ID is appended to
/// `config`'s `rootfs.diff_ids`), with `config` as the configuration.
/// `names` are given to it; with `mtime` every file of the layer gets that
/// modification time.
pub fn store_step(
    store: &Store,
    parent: Option<&ImageRecord>,
    config: &mut Value,
    layer: Option<LayerSource<'_>>,
    docker: bool,
    mtime: Option<i64>,
) -> anyhow::Result<ImageRecord> {
    let mut descs = Vec::new();
    if let Some(p) = parent {
        for (chain, diff) in archive::image_layers(p)? {
            let info = store.layer(&chain)?.ok_or_else(|| anyhow!("layer {chain} of image {} is missing", p.id))?;
            descs.push(Descriptor::new(OCI_LAYER, diff, info.size));
        }
    }
    let spool = match layer {
        Some(source) => {
            let (file, size, diff_id) = pack_layer_at(source, mtime.map(|t| t.max(0) as u64), None)?;
            descs.push(Descriptor::new(OCI_LAYER, diff_id.clone(), size));
            let ids = config
                .pointer_mut("/rootfs/diff_ids")
                .and_then(Value::as_array_mut)
                .ok_or_else(|| anyhow!("the configuration has no rootfs.diff_ids"))?;
            ids.push(json!(diff_id.to_string()));
            Some(SpoolBlob { file })
        }
        None => None,
    };
    let n = config.pointer("/rootfs/diff_ids").and_then(Value::as_array).map_or(0, Vec::len);
    if n != descs.len() {
        bail!("the configuration lists {n} layers, the image has {}", descs.len());
    }
    let config_bytes = serde_json::to_vec(config)?;
    let refs: Vec<&Descriptor> = descs.iter().collect();
    let manifest_bytes = build_manifest(&config_bytes, &refs, docker)?;
    let manifest: ImageManifest = serde_json::from_slice(&manifest_bytes)?;
    let quiet = Progress::with_mode(Mode::Quiet);
    let incoming = Incoming {
        manifest_bytes: &manifest_bytes,
        manifest_digest: &Digest::sha256_of(&manifest_bytes).to_string(),
        manifest: &manifest,
        config: &config_bytes,
        names: Vec::new(),
    };
    match &spool {
        Some(blob) => store_image(store, blob, &incoming, 1, &quiet),
        None => store_image(store, &NoBlobs, &incoming, 1, &quiet),
    }
    .context("storing the image of the step")
}

/// `img` with `annotations` in its manifest (OCI): the same image (the ID
/// is the configuration's), stored again with the annotated manifest as
/// its own.
pub fn annotate(
    store: &Store,
    img: &ImageRecord,
    annotations: std::collections::BTreeMap<String, String>,
) -> anyhow::Result<ImageRecord> {
    let mut manifest: ImageManifest = serde_json::from_slice(&img.manifest).context("parsing the image's manifest")?;
    manifest.annotations.get_or_insert_with(Default::default).extend(annotations);
    let bytes = serde_json::to_vec(&manifest)?;
    let digest = Digest::sha256_of(&bytes).to_string();
    let rec = ImageRecord {
        digest: digest.clone(),
        manifest: bytes,
        names: Vec::new(),
        digests: vec![digest],
        ..img.clone()
    };
    store.put_image(&rec).context("storing the image's manifest")?;
    store.image(&img.id)?.ok_or_else(|| anyhow!("image {} vanished", img.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_entries_and_created() {
        let mut c = scratch_config();
        add_history(&mut c, "/bin/sh -c #(nop) ENV A=b", true, "2024-01-01T00:00:00Z");
        add_history(&mut c, "/bin/sh -c echo", false, "2024-01-01T00:00:01Z");
        assert_eq!(c["created"], "2024-01-01T00:00:01Z");
        assert_eq!(c["history"][0]["empty_layer"], true);
        assert_eq!(c["history"][1].get("empty_layer"), None);
        assert_eq!(c["history"][1]["created_by"], "/bin/sh -c echo");
        assert_eq!(created(Some(0)), "1970-01-01T00:00:00Z");
    }
}
