//! New images from file system changes: a parent image plus one layer
//! made from a directory, with configuration changes, stored like any
//! other image (`rpod commit`; later `rpod build`, one step at a time).
//!
//! The layer is the tar stream of the directory ([`rpod_storage::pack`]):
//! an overlay upper directory with its whiteouts in the OCI form
//! ([`LayerSource::Diff`]), or a whole merged tree replacing every layer
//! of the parent ([`LayerSource::Squashed`], `--squash`). It is written
//! to a temporary file while its digest (the diff ID) is computed, then
//! stored through [`store_image`], which extracts it into the store and
//! records its tar-split: `save` and `push` re-create the exact stream, so
//! the image keeps its ID wherever it goes. The manifest lists the layers
//! uncompressed (as containers-storage does for local images); the
//! configuration is the parent's with the new layer's diff ID, a history
//! entry, the author, and `config` changed by the caller's values and the
//! `--change` instructions.

use std::io::{self, Seek, Write};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, Context as _};
use serde_json::{json, Map, Value};
use sha2::Digest as _;

use rpod_storage::pack::{PackOptions, Packer};
use rpod_storage::{ImageRecord, Store};

use super::archive::{self, build_manifest, HashingWriter};
use super::copy::{store_image, Incoming, SpoolBlob};
use super::progress::Progress;
use crate::registry::manifest::OCI_LAYER;
use crate::registry::{Descriptor, Digest, ImageManifest};

/// What the new layer is made of.
#[derive(Debug, Clone, Copy)]
pub enum LayerSource<'a> {
    /// An overlay upper directory over the parent's layers: the new layer
    /// holds its changes (whiteouts become `.wh.` entries).
    Diff(&'a Path),
    /// A complete root file system: the one layer of the new image.
    Squashed(&'a Path),
}

/// How to make the image.
#[derive(Debug, Clone, Default)]
pub struct NewImage {
    /// The configuration's `author`.
    pub author: Option<String>,
    /// The history entry's comment.
    pub message: Option<String>,
    /// The history entry's `created_by`.
    pub created_by: String,
    /// Set in the configuration's `config` first (Docker's field names:
    /// `Cmd`, `Env`, ...; a container's settings for `commit`).
    pub config: Map<String, Value>,
    /// Dockerfile instructions applied after (`--change`).
    pub changes: Vec<String>,
    /// A Docker schema 2 manifest instead of an OCI one.
    pub docker: bool,
    /// Names to give the image.
    pub names: Vec<String>,
    /// A container with a user namespace of its own: its maps, so that the
    /// layer's owners are the container's IDs (see
    /// [`rpod_storage::pack::PackOptions::owners`]).
    pub owners: Option<rpod_storage::pack::OwnerMaps>,
}

/// The tar stream of `source` in a temporary file: (file, size, diff ID)
/// (also `rpod build`'s layers).
pub fn pack_layer(source: LayerSource<'_>) -> anyhow::Result<(std::fs::File, u64, Digest)> {
    pack_layer_at(source, None, None)
}

/// [`pack_layer`] with every entry's modification time set to `mtime`
/// when given (`rpod build --timestamp`).
pub fn pack_layer_at(
    source: LayerSource<'_>,
    mtime: Option<u64>,
    owners: Option<rpod_storage::pack::OwnerMaps>,
) -> anyhow::Result<(std::fs::File, u64, Digest)> {
    let (dir, overlay) = match source {
        LayerSource::Diff(d) => (d, true),
        LayerSource::Squashed(d) => (d, false),
    };
    let tmp = archive::tmp_dir();
    std::fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let mut file =
        tempfile::tempfile_in(&tmp).with_context(|| format!("creating a temporary file in {}", tmp.display()))?;
    let fd = nix::fcntl::open(
        dir,
        nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_DIRECTORY | nix::fcntl::OFlag::O_CLOEXEC,
        nix::sys::stat::Mode::empty(),
    )
    .with_context(|| format!("opening {}", dir.display()))?;
    let (n, hash) = {
        let w = HashingWriter::new(io::BufWriter::with_capacity(1 << 20, &mut file));
        let mut p = Packer::new(w, PackOptions { overlay, mtime, owners });
        p.add_contents(std::os::fd::AsFd::as_fd(&fd), "").with_context(|| format!("reading {}", dir.display()))?;
        let mut w = p.finish().context("writing the layer")?;
        w.flush().context("writing the layer")?;
        let HashingWriter { inner, hash, n } = w;
        drop(inner);
        (n, hash)
    };
    file.rewind().context("rewinding the layer")?;
    Ok((file, n, Digest::from_sha256(hash.finalize().into())))
}

fn now_rfc3339() -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    crate::timefmt::rfc3339_nano(now.as_secs() as i64, now.subsec_nanos())
}

/// The new image's configuration: the parent's, with `diff_ids` (all of
/// the new image's), one more history entry and `img`'s settings.
pub fn new_config(parent: &Value, diff_ids: &[String], squashed: bool, img: &NewImage) -> anyhow::Result<Vec<u8>> {
    let mut config = parent.as_object().cloned().unwrap_or_default();
    let created = now_rfc3339();
    config.insert("created".into(), json!(created));
    match &img.author {
        Some(a) => {
            config.insert("author".into(), json!(a));
        }
        None => {
            config.remove("author");
        }
    }
    let mut inner = config.get("config").and_then(Value::as_object).cloned().unwrap_or_default();
    for (k, v) in &img.config {
        inner.insert(k.clone(), v.clone());
    }
    for c in &img.changes {
        super::changes::apply(&mut inner, c)?;
    }
    config.insert("config".into(), Value::Object(inner));
    // Docker's `container_config` describes the build step, not this image.
    config.remove("container_config");
    config.remove("container");
    config.insert("rootfs".into(), json!({"type": "layers", "diff_ids": diff_ids}));
    let mut entry = Map::new();
    entry.insert("created".into(), json!(created));
    if !img.created_by.is_empty() {
        entry.insert("created_by".into(), json!(img.created_by));
    }
    if let Some(a) = &img.author {
        entry.insert("author".into(), json!(a));
    }
    if let Some(m) = img.message.as_deref().filter(|m| !m.is_empty()) {
        entry.insert("comment".into(), json!(m));
    }
    let mut history = if squashed {
        Vec::new()
    } else {
        config.get("history").and_then(Value::as_array).cloned().unwrap_or_default()
    };
    history.push(Value::Object(entry));
    config.insert("history".into(), Value::Array(history));
    Ok(serde_json::to_vec(&Value::Object(config))?)
}

/// Make and store the image: `parent`'s layers (none when squashed) plus
/// the layer of `source`, configured as `img` says. Returns the stored
/// record (its `id` is the image ID).
pub fn commit(
    store: &Store,
    parent: &ImageRecord,
    source: LayerSource<'_>,
    img: &NewImage,
    progress: &Progress,
) -> anyhow::Result<ImageRecord> {
    let parent_config: Value = serde_json::from_slice(&parent.config).context("parsing the parent's configuration")?;
    let squashed = matches!(source, LayerSource::Squashed(_));
    let mut descs = Vec::new();
    let mut diff_ids = Vec::new();
    if !squashed {
        for (chain, diff) in archive::image_layers(parent)? {
            let info = store.layer(&chain)?.ok_or_else(|| anyhow!("layer {chain} of the parent image is missing"))?;
            descs.push(Descriptor::new(OCI_LAYER, diff.clone(), info.size));
            diff_ids.push(diff.to_string());
        }
    }
    let (file, size, diff_id) = pack_layer_at(source, None, img.owners.clone())?;
    descs.push(Descriptor::new(OCI_LAYER, diff_id.clone(), size));
    diff_ids.push(diff_id.to_string());
    let config = new_config(&parent_config, &diff_ids, squashed, img)?;
    let refs: Vec<&Descriptor> = descs.iter().collect();
    let manifest_bytes = build_manifest(&config, &refs, img.docker)?;
    let manifest: ImageManifest = serde_json::from_slice(&manifest_bytes)?;
    progress.line("Getting image source signatures");
    store_image(
        store,
        &SpoolBlob { file },
        &Incoming {
            manifest_bytes: &manifest_bytes,
            manifest_digest: &Digest::sha256_of(&manifest_bytes).to_string(),
            manifest: &manifest,
            config: &config,
            names: img.names.clone(),
        },
        1,
        progress,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_gets_the_layer_history_and_changes() {
        let parent = json!({
            "architecture": "amd64", "os": "linux",
            "config": {"Cmd": ["sh"], "Env": ["PATH=/bin"]},
            "rootfs": {"type": "layers", "diff_ids": ["sha256:aa"]},
            "history": [{"created_by": "base"}],
        });
        let img = NewImage {
            author: Some("me".into()),
            message: Some("msg".into()),
            config: [("User".to_string(), json!("1000"))].into_iter().collect(),
            changes: vec!["CMD [\"top\"]".into(), "ENV A=b".into()],
            ..NewImage::default()
        };
        let c: Value = serde_json::from_slice(
            &new_config(&parent, &["sha256:aa".into(), "sha256:bb".into()], false, &img).unwrap(),
        )
        .unwrap();
        assert_eq!(c["author"], "me");
        assert_eq!(c["config"]["Cmd"], json!(["top"]));
        assert_eq!(c["config"]["User"], "1000");
        assert_eq!(c["config"]["Env"], json!(["PATH=/bin", "A=b"]));
        assert_eq!(c["rootfs"]["diff_ids"], json!(["sha256:aa", "sha256:bb"]));
        assert_eq!(c["history"].as_array().unwrap().len(), 2);
        assert_eq!(c["history"][1]["comment"], "msg");
        let sq: Value =
            serde_json::from_slice(&new_config(&parent, &["sha256:cc".into()], true, &img).unwrap()).unwrap();
        assert_eq!(sq["history"].as_array().unwrap().len(), 1);
    }
}
