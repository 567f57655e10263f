//! Property tests (issue 12) of the parsers that read untrusted bytes:
//! image references and digests, `--platform`, registries.conf,
//! storage.conf, containers.conf, manifests, indexes and configs, archive
//! paths. None may panic, whatever the input; a few round-trip. 64 cases
//! per property; `RPOD_PROPTEST_CASES=N` for a longer run. (Layer
//! extraction has its own in storage/tests/extract.rs; `WWW-Authenticate`
//! challenges are in registry/client/http.rs.)

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;

use crate::config::{ContainersConf, RegistriesConf, StorageConf};
use crate::registry::manifest::{Manifest, Platform};
use crate::registry::reference::{Digest, ParsedReference, Reference};

pub(crate) fn config() -> ProptestConfig {
    let cases = std::env::var("RPOD_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Reference-like text: the characters references are made of, plus some
/// that they may not hold.
fn reference_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9._/:@+-]{0,80}",
        "[a-z0-9]{1,8}(\\.[a-z]{1,4})?(:[0-9]{1,6})?/[a-z0-9._-]{1,12}(/[a-z0-9_-]{1,8}){0,3}(:[A-Za-z0-9_.-]{1,20})?(@sha256:[0-9a-f]{64})?",
        "\\PC{0,40}",
    ]
}

/// TOML-ish text made of the keys these files have, with random values,
/// or anything at all.
fn toml_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("unqualified-search-registries"),
        Just("short-name-mode"),
        Just("prefix"),
        Just("location"),
        Just("insecure"),
        Just("blocked"),
        Just("mirror"),
        Just("pull-from-mirror"),
        Just("driver"),
        Just("graphroot"),
        Just("mount_program"),
        Just("ignore_chown_errors"),
        Just("layer_max_bytes"),
        Just("default_capabilities"),
        Just("default_ulimits"),
        Just("pids_limit"),
        Just("env"),
        Just("log_driver"),
        Just("\"docker.io\""),
    ];
    let value = prop_oneof![
        Just("true".to_string()),
        Just("[]".to_string()),
        "-?[0-9]{1,20}",
        "\"[\\PC]{0,20}\"",
        "\\[(\"[a-z.:/=*-]{0,12}\", ?){0,3}\\]",
        Just("{ location = \"x\" }".to_string()),
    ];
    let table = prop_oneof![
        Just("[[registry]]"),
        Just("[[registry.mirror]]"),
        Just("[aliases]"),
        Just("[storage]"),
        Just("[storage.options]"),
        Just("[storage.options.overlay]"),
        Just("[containers]"),
        Just("[engine]"),
    ];
    let line = prop_oneof![
        3 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => table.prop_map(String::from),
        1 => "\\PC{0,30}",
    ];
    prop_oneof![
        4 => proptest::collection::vec(line, 0..12).prop_map(|l| l.join("\n")),
        1 => "\\PC{0,200}",
    ]
}

/// JSON shaped like manifests, indexes and configs (their field names,
/// random values), or any JSON.
fn manifest_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[\\PC]{0,20}".prop_map(Value::String),
        Just(Value::String("application/vnd.oci.image.manifest.v1+json".into())),
        Just(Value::String("application/vnd.oci.image.index.v1+json".into())),
        Just(Value::String(format!("sha256:{}", "a".repeat(64)))),
        Just(Value::from(2)),
    ];
    let key = prop_oneof![
        Just("schemaVersion"),
        Just("mediaType"),
        Just("config"),
        Just("layers"),
        Just("manifests"),
        Just("digest"),
        Just("size"),
        Just("platform"),
        Just("architecture"),
        Just("os"),
        Just("variant"),
        Just("annotations"),
        Just("urls"),
        Just("fsLayers"),
        Just("rootfs"),
        Just("diff_ids"),
    ]
    .prop_map(String::from);
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn references_never_panic_and_round_trip(s in reference_text()) {
        let _ = Digest::parse(&s);
        let _ = Reference::parse_qualified(&s);
        if let Ok(p) = ParsedReference::parse(&s) {
            let _ = p.is_short_name();
            let _ = p.name();
        }
        if let Ok(r) = Reference::parse(&s) {
            let text = r.to_string();
            let again = Reference::parse(&text).map(|a| a.to_string());
            prop_assert_eq!(again.as_deref(), Ok(text.as_str()), "{:?} -> {:?}", s, text);
        }
    }

    #[test]
    fn platforms_never_panic(s in "[a-z0-9/._-]{0,40}|\\PC{0,20}") {
        let _ = Platform::parse(&s);
    }

    #[test]
    fn config_files_never_panic(text in toml_text()) {
        let p = Path::new("fuzz.conf");
        let _ = RegistriesConf::parse(p, &text);
        let _ = StorageConf::parse(p, &text);
        let _ = ContainersConf::default().merge_text(p, &text);
    }

    #[test]
    fn manifests_never_panic(v in manifest_json(), raw in proptest::collection::vec(any::<u8>(), 0..64)) {
        let digest = Digest::parse(&format!("sha256:{}", "0".repeat(64))).unwrap();
        for bytes in [serde_json::to_vec(&v).unwrap(), raw] {
            for ct in [None, Some("application/vnd.docker.distribution.manifest.v2+json")] {
                if let Ok(m) = Manifest::from_bytes(bytes.clone().into(), digest.clone(), ct, "fuzz") {
                    let _ = m.kind();
                    let _ = m.image("fuzz");
                    let _ = m.index("fuzz");
                }
            }
        }
    }

    #[test]
    fn archive_paths_never_leave_the_root(s in "(\\.\\.|\\.|[a-z]{1,3}|/){0,12}") {
        if let Some(c) = crate::image::archive::clean(&s) {
            prop_assert!(!c.starts_with('/'), "{:?} -> {:?}", s, c);
            prop_assert!(!c.split('/').any(|p| p == ".." || p == "."), "{:?} -> {:?}", s, c);
        }
    }
}
