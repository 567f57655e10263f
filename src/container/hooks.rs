//! OCI hooks from hook directories (containers.conf `[engine] hooks_dir`),
//! read the way Podman reads them (containers/common `pkg/hooks`, schema
//! 1.0.0): every `*.json` file of each directory, a later directory's file
//! replacing an earlier one of the same name; a hook applies to a container
//! when all of the conditions in its `when` match, and is added to the
//! container's spec for each of its `stages`, hooks of a stage ordered by
//! file name. This is how GPU and other device vendors plug into Podman.
//!
//! ```json
//! {"version": "1.0.0",
//!  "hook": {"path": "/usr/bin/hook", "args": ["hook", "x"], "env": ["K=V"], "timeout": 5},
//!  "when": {"always": true, "annotations": {"^key$": "^value$"},
//!           "commands": ["^/bin/sh$"], "hasBindMounts": true},
//!  "stages": ["prestart", "poststop"]}
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use serde::Deserialize;

use rpod_runtime::hooks::Stage;
use rpod_runtime::oci_spec::runtime::{Hook, Hooks, Spec};

/// Podman's directories when containers.conf names none: both, as root
/// (missing ones skipped); none rootless.
pub const DEFAULT_DIRS: [&str; 2] = ["/usr/share/containers/oci/hooks.d", "/etc/containers/oci/hooks.d"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HookFile {
    version: String,
    hook: Hook,
    when: When,
    stages: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct When {
    always: Option<bool>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    #[serde(default)]
    commands: Vec<String>,
    has_bind_mounts: Option<bool>,
}

/// A validated hook file.
#[derive(Debug)]
struct Entry {
    hook: Hook,
    when: When,
    stages: Vec<Stage>,
}

fn regex(pattern: &str, file: &Path) -> anyhow::Result<regex::Regex> {
    regex::Regex::new(pattern).with_context(|| format!("{}: bad regular expression {pattern:?}", file.display()))
}

fn parse(file: &Path, text: &str) -> anyhow::Result<Entry> {
    let f: HookFile = serde_json::from_str(text).with_context(|| format!("parsing hook file {}", file.display()))?;
    if f.version != "1.0.0" {
        bail!("{}: unsupported hook version {:?} (rpod reads 1.0.0)", file.display(), f.version);
    }
    let path = f.hook.path();
    if !path.is_absolute() {
        bail!("{}: hook path {} is not absolute", file.display(), path.display());
    }
    std::fs::metadata(path).with_context(|| format!("{}: hook path {}", file.display(), path.display()))?;
    let w = &f.when;
    if w.always.is_none() && w.annotations.is_empty() && w.commands.is_empty() && w.has_bind_mounts.is_none() {
        bail!("{}: no `when` conditions", file.display());
    }
    for (k, v) in &w.annotations {
        regex(k, file)?;
        regex(v, file)?;
    }
    for c in &w.commands {
        regex(c, file)?;
    }
    if f.stages.is_empty() {
        bail!("{}: no stages", file.display());
    }
    let stages = f
        .stages
        .iter()
        .map(|s| Stage::from_name(s).ok_or_else(|| anyhow!("{}: unknown stage {s:?}", file.display())))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Entry { hook: f.hook, when: f.when, stages })
}

impl When {
    /// Podman's `When.Match`: every condition given must hold (`always:
    /// false` never matches).
    fn matches(&self, spec: &Spec, file: &Path) -> anyhow::Result<bool> {
        if self.always == Some(false) {
            return Ok(false);
        }
        if let Some(want) = self.has_bind_mounts {
            if want != has_bind_mounts(spec) {
                return Ok(false);
            }
        }
        let annotations = spec.annotations().clone().unwrap_or_default();
        for (kp, vp) in &self.annotations {
            let (kr, vr) = (regex(kp, file)?, regex(vp, file)?);
            if !annotations.iter().any(|(k, v)| kr.is_match(k) && vr.is_match(v)) {
                return Ok(false);
            }
        }
        if !self.commands.is_empty() {
            let command = spec.process().as_ref().and_then(|p| p.args().as_ref()?.first().cloned()).unwrap_or_default();
            let mut any = false;
            for c in &self.commands {
                any |= regex(c, file)?.is_match(&command);
            }
            if !any {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

fn has_bind_mounts(spec: &Spec) -> bool {
    spec.mounts().iter().flatten().any(|m| {
        m.typ().as_deref() == Some("bind") || m.options().iter().flatten().any(|o| o == "bind" || o == "rbind")
    })
}

/// The hook files of `dirs` by file name (a later directory's file of the
/// same name wins); a directory that does not exist is skipped.
fn files(dirs: &[PathBuf]) -> anyhow::Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    for dir in dirs {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("reading hooks directory {}", dir.display())),
        };
        for e in entries {
            let e = e.with_context(|| format!("reading hooks directory {}", dir.display()))?;
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") {
                out.insert(name, e.path());
            }
        }
    }
    Ok(out)
}

/// Add the hooks of `dirs` that match `spec` to its `hooks` (after any it
/// has). A hook file that cannot be read or is not valid is an error, as
/// in Podman.
pub fn apply(spec: &mut Spec, dirs: &[PathBuf]) -> anyhow::Result<()> {
    let mut hooks = spec.hooks().clone().unwrap_or_default();
    let mut added = false;
    for (_, file) in files(dirs)? {
        let text = std::fs::read_to_string(&file).with_context(|| format!("reading hook file {}", file.display()))?;
        let entry = parse(&file, &text)?;
        if !entry.when.matches(spec, &file)? {
            continue;
        }
        for stage in &entry.stages {
            stage.push(&mut hooks, entry.hook.clone());
            added = true;
        }
    }
    if added {
        spec.set_hooks(Some(hooks));
    }
    Ok(())
}

/// The directories hooks are read from: containers.conf's `hooks_dir`, or
/// Podman's defaults (as root only).
pub fn dirs(configured: Option<&[String]>, rootless: bool) -> Vec<PathBuf> {
    match configured {
        Some(d) => d.iter().map(PathBuf::from).collect(),
        None if rootless => Vec::new(),
        None => DEFAULT_DIRS.iter().map(PathBuf::from).collect(),
    }
}

/// Run a stage whose failures are warnings (poststart, poststop): each
/// failure is logged, the remaining hooks and the container go on.
pub fn warn_hooks(hooks: Option<&rpod_runtime::hooks::HookSet>, stage: Stage, status: &str, pid: i32) {
    for e in hooks.map(|h| h.run_each(stage, status, pid)).unwrap_or_default() {
        log::warn!("{e}");
    }
}

/// The stages with hooks in a spec (for messages and tests).
pub fn stages(hooks: &Hooks) -> Vec<&'static str> {
    Stage::ALL.into_iter().filter(|s| !s.of(hooks).is_empty()).map(Stage::name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(args: &[&str], annotations: &[(&str, &str)], bind: bool) -> Spec {
        let mut s = Spec::default();
        let mut p = s.process().clone().unwrap_or_default();
        p.set_args(Some(args.iter().map(|a| a.to_string()).collect()));
        s.set_process(Some(p));
        s.set_annotations(Some(annotations.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()));
        let mut mounts = vec![];
        if bind {
            mounts.push(
                rpod_runtime::oci_spec::runtime::MountBuilder::default()
                    .destination("/x")
                    .source("/tmp")
                    .options(vec!["rbind".to_string()])
                    .build()
                    .unwrap(),
            );
        }
        s.set_mounts(Some(mounts));
        s
    }

    fn write(dir: &Path, name: &str, when: serde_json::Value, stages: &[&str], arg: &str) {
        let doc = serde_json::json!({
            "version": "1.0.0",
            "hook": {"path": "/bin/true", "args": ["true", arg]},
            "when": when,
            "stages": stages,
        });
        std::fs::write(dir.join(name), doc.to_string()).unwrap();
    }

    fn args_of(hooks: &[Hook]) -> Vec<String> {
        hooks.iter().map(|h| h.args().as_ref().unwrap()[1].clone()).collect()
    }

    #[test]
    fn hooks_are_matched_ordered_and_overridden_as_podman_does() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        write(a.path(), "20-always.json", serde_json::json!({"always": true}), &["prestart", "poststop"], "always");
        write(
            a.path(),
            "10-gpu.json",
            serde_json::json!({"annotations": {"^gpu$": "^yes$"}}),
            &["createRuntime"],
            "gpu",
        );
        write(a.path(), "30-sh.json", serde_json::json!({"commands": ["/sh$"]}), &["prestart"], "sh");
        write(a.path(), "40-binds.json", serde_json::json!({"hasBindMounts": true}), &["poststart"], "binds");
        write(a.path(), "50-never.json", serde_json::json!({"always": false}), &["prestart"], "never");
        std::fs::write(a.path().join("README"), "not a hook").unwrap();
        // The second directory's file of the same name replaces the first's.
        write(b.path(), "20-always.json", serde_json::json!({"always": true}), &["prestart"], "override");
        let dirs = [a.path().to_path_buf(), b.path().to_path_buf()];

        let mut s = spec(&["/bin/sh", "-c", "x"], &[("gpu", "yes")], true);
        apply(&mut s, &dirs).unwrap();
        let h = s.hooks().clone().unwrap();
        assert_eq!(args_of(Stage::Prestart.of(&h)), ["override", "sh"]);
        assert_eq!(args_of(Stage::CreateRuntime.of(&h)), ["gpu"]);
        assert_eq!(args_of(Stage::Poststart.of(&h)), ["binds"]);
        assert!(Stage::Poststop.of(&h).is_empty());

        let mut s = spec(&["/bin/bash"], &[("gpu", "no")], false);
        apply(&mut s, &dirs).unwrap();
        assert_eq!(stages(&s.hooks().clone().unwrap()), ["prestart"]);
        assert_eq!(args_of(Stage::Prestart.of(s.hooks().as_ref().unwrap())), ["override"]);

        // No matching hook: the spec stays without hooks; missing dirs are skipped.
        let mut s = spec(&["/bin/bash"], &[], false);
        apply(&mut s, &[PathBuf::from("/nonexistent/hooks.d"), a.path().join("none")]).unwrap();
        assert!(s.hooks().is_none());
    }

    #[test]
    fn bad_hook_files_are_errors() {
        let d = tempfile::tempdir().unwrap();
        let dirs = [d.path().to_path_buf()];
        let cases = [
            (
                serde_json::json!({"version": "0.1.0", "hook": {"path": "/bin/true"}, "when": {"always": true}, "stages": ["prestart"]}),
                "unsupported hook version",
            ),
            (
                serde_json::json!({"version": "1.0.0", "hook": {"path": "/bin/true"}, "when": {}, "stages": ["prestart"]}),
                "no `when` conditions",
            ),
            (
                serde_json::json!({"version": "1.0.0", "hook": {"path": "/bin/true"}, "when": {"always": true}, "stages": ["later"]}),
                "unknown stage",
            ),
            (
                serde_json::json!({"version": "1.0.0", "hook": {"path": "/no/such/hook"}, "when": {"always": true}, "stages": ["prestart"]}),
                "/no/such/hook",
            ),
            (
                serde_json::json!({"version": "1.0.0", "hook": {"path": "/bin/true"}, "when": {"commands": ["("]}, "stages": ["prestart"]}),
                "bad regular expression",
            ),
        ];
        for (doc, msg) in cases {
            std::fs::write(d.path().join("h.json"), doc.to_string()).unwrap();
            let e = apply(&mut spec(&["x"], &[], false), &dirs).unwrap_err();
            assert!(format!("{e:#}").contains(msg), "{e:#} (wanted {msg})");
        }
        assert_eq!(dirs_for_test(), (2, 0));
    }

    fn dirs_for_test() -> (usize, usize) {
        (dirs(None, false).len(), dirs(None, true).len())
    }
}
