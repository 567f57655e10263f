//! What process a container runs: the image's configuration merged with
//! the command line, by Docker's rules.

use anyhow::{bail, Context as _};
use serde_json::Value;

/// The parts of an image configuration (`config` object) a run uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageConfig {
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub working_dir: String,
    pub user: String,
}

impl ImageConfig {
    /// From the image configuration JSON (the whole document).
    pub fn from_json(config: &Value) -> ImageConfig {
        let c = &config["config"];
        let strings = |v: &Value| -> Vec<String> {
            v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
        };
        ImageConfig {
            entrypoint: strings(&c["Entrypoint"]),
            cmd: strings(&c["Cmd"]),
            env: strings(&c["Env"]),
            working_dir: c["WorkingDir"].as_str().unwrap_or_default().to_string(),
            user: c["User"].as_str().unwrap_or_default().to_string(),
        }
    }
}

/// `--entrypoint` as Podman takes it: a JSON array, or one string (the
/// program); an empty string clears the image's entrypoint.
pub fn parse_entrypoint(flag: &str) -> Vec<String> {
    if flag.trim_start().starts_with('[') {
        if let Ok(v) = serde_json::from_str::<Vec<String>>(flag) {
            return v;
        }
    }
    if flag.is_empty() {
        Vec::new()
    } else {
        vec![flag.to_string()]
    }
}

/// Docker's rule: the entrypoint (the flag's, else the image's) followed by
/// the command (the arguments after the image, else the image's `Cmd` —
/// unless `--entrypoint` was given, which drops the image's `Cmd`).
pub fn process_args(image: &ImageConfig, entrypoint: Option<&str>, args: &[String]) -> anyhow::Result<Vec<String>> {
    let entry = match entrypoint {
        Some(flag) => parse_entrypoint(flag),
        None => image.entrypoint.clone(),
    };
    let cmd = if !args.is_empty() {
        args.to_vec()
    } else if entrypoint.is_some() {
        Vec::new()
    } else {
        image.cmd.clone()
    };
    let all: Vec<String> = entry.into_iter().chain(cmd).collect();
    if all.is_empty() {
        bail!("no command or entrypoint provided, and no CMD or ENTRYPOINT from image");
    }
    Ok(all)
}

/// Read an `--env-file`: `KEY=VALUE` lines, `KEY` alone takes the caller's
/// value, `#` comments and blank lines skipped.
pub fn read_env_file(path: &str) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading env file {path}"))?;
    Ok(text
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| expand_env(l.trim_end()))
        .collect())
}

/// `-e KEY=VALUE` as is; `-e KEY` takes the caller's value, or nothing if
/// the caller has none (Docker).
pub fn expand_env(entry: &str) -> Option<String> {
    if entry.contains('=') {
        Some(entry.to_string())
    } else {
        std::env::var(entry).ok().map(|v| format!("{entry}={v}"))
    }
}

/// `--env-merge KEY=VALUE`: `${NAME}` in VALUE replaced by NAME's value in
/// `env` (the image's), empty when unset.
pub fn expand_from(entry: &str, env: &[String]) -> String {
    let lookup = |name: &str| {
        env.iter().find_map(|e| e.strip_prefix(name).and_then(|r| r.strip_prefix('='))).unwrap_or("").to_string()
    };
    let mut out = String::new();
    let mut rest = entry;
    while let Some(i) = rest.find("${") {
        out.push_str(&rest[..i]);
        match rest[i + 2..].find('}') {
            Some(j) => {
                out.push_str(&lookup(&rest[i + 2..i + 2 + j]));
                rest = &rest[i + 3 + j..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Merge environment lists: later entries replace earlier ones with the
/// same key, keeping the first position.
pub fn merge_env<'a>(lists: impl IntoIterator<Item = &'a [String]>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for list in lists {
        for entry in list {
            let key = entry.split('=').next().unwrap_or(entry);
            match out.iter_mut().find(|e| e.split('=').next() == Some(key)) {
                Some(slot) => *slot = entry.clone(),
                None => out.push(entry.clone()),
            }
        }
    }
    out
}

/// The Linux security modules enabled on the host.
#[derive(Debug, Clone, Copy)]
pub struct Lsm {
    pub selinux: bool,
    pub apparmor: bool,
}

impl Lsm {
    pub fn host() -> Lsm {
        Lsm {
            selinux: std::path::Path::new("/sys/fs/selinux/enforce").exists(),
            apparmor: std::fs::read_to_string("/sys/module/apparmor/parameters/enabled").is_ok_and(|s| s.trim() == "Y"),
        }
    }
}

/// `--security-opt` values: the seccomp profile and no_new_privileges.
pub fn security_opts(opts: &[String]) -> anyhow::Result<(rpod_runtime::Seccomp, bool)> {
    security_opts_on(opts, Lsm::host())
}

fn security_opts_on(opts: &[String], lsm: Lsm) -> anyhow::Result<(rpod_runtime::Seccomp, bool)> {
    let mut seccomp = rpod_runtime::Seccomp::Default;
    let mut no_new_privileges = false;
    for opt in opts {
        // Docker's old syntax used ':' as the separator.
        let (key, value) = match opt.split_once('=').or_else(|| opt.split_once(':')) {
            Some((k, v)) => (k, Some(v)),
            None => (opt.as_str(), None),
        };
        match (key, value) {
            ("seccomp", Some("unconfined")) => seccomp = rpod_runtime::Seccomp::Unconfined,
            ("seccomp", Some(path)) if !path.is_empty() => {
                let profile = rpod_runtime::seccomp::Profile::from_file(std::path::Path::new(path))
                    .map_err(|e| anyhow::anyhow!("--security-opt {opt}: {e}"))?;
                seccomp = rpod_runtime::Seccomp::Profile(Box::new(profile));
            }
            ("seccomp", _) => {
                anyhow::bail!("--security-opt {opt}: expected seccomp=unconfined or seccomp=PROFILE.json")
            }
            ("no-new-privileges", None | Some("true")) => no_new_privileges = true,
            ("no-new-privileges", Some("false")) => no_new_privileges = false,
            // rpod applies no SELinux label and no AppArmor profile: asking
            // for none is met; on a host without SELinux any label is a
            // no-op, as in Podman; a profile that would confine is refused.
            ("label", Some("disable")) | ("apparmor", Some("unconfined")) => {}
            ("label", Some(_)) if !lsm.selinux => {}
            ("apparmor", Some(p)) if !lsm.apparmor => anyhow::bail!(
                "--security-opt {opt}: AppArmor profile {p:?} specified, but AppArmor is not enabled on this system"
            ),
            ("label" | "apparmor" | "mask" | "unmask" | "proc-opts" | "systempaths", _) => {
                anyhow::bail!("--security-opt {opt}: {key} is not supported by rpod")
            }
            _ => anyhow::bail!(
                "--security-opt {opt}: unknown option (supported: seccomp=unconfined|PROFILE.json, no-new-privileges)"
            ),
        }
    }
    Ok((seccomp, no_new_privileges))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec_err(opt: &str) -> String {
        security_opts(&[opt.to_string()]).unwrap_err().to_string()
    }

    #[test]
    fn env_merge_expands_from_the_image() {
        let img = vec!["PATH=/usr/bin:/bin".to_string(), "A=1".to_string()];
        assert_eq!(expand_from("PATH=/opt/x:${PATH}", &img), "PATH=/opt/x:/usr/bin:/bin");
        assert_eq!(expand_from("B=${A}${NOPE}-${A", &img), "B=1-${A");
    }

    #[test]
    fn security_opt_values() {
        let (s, nnp) = security_opts(&["seccomp=unconfined".into(), "no-new-privileges".into()]).unwrap();
        assert!(matches!(s, rpod_runtime::Seccomp::Unconfined) && nnp);
        assert!(matches!(security_opts(&[]).unwrap().0, rpod_runtime::Seccomp::Default));
        let none = Lsm { selinux: false, apparmor: false };
        let both = Lsm { selinux: true, apparmor: true };
        for lsm in [none, both] {
            assert!(security_opts_on(&["label=disable".into(), "apparmor=unconfined".into()], lsm).is_ok());
        }
        assert!(security_opts_on(&["label=type:spc_t".into()], none).is_ok());
        let err = |o: &str, lsm| security_opts_on(&[o.to_string()], lsm).unwrap_err().to_string();
        assert!(err("label=type:spc_t", both).contains("label is not supported"));
        assert!(err("apparmor=myprofile", none).contains("AppArmor is not enabled"));
        assert!(err("apparmor=myprofile", both).contains("apparmor is not supported"));
        assert!(sec_err("mask=/proc/x").contains("mask is not supported"));
        assert!(sec_err("seccomp=/nonexistent/profile.json").contains("/nonexistent/profile.json"));
        assert!(sec_err("bogus=1").contains("unknown option"));
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn docker_rules_for_the_process() {
        let img = ImageConfig { entrypoint: s(&["/ep"]), cmd: s(&["a", "b"]), ..Default::default() };
        assert_eq!(process_args(&img, None, &[]).unwrap(), s(&["/ep", "a", "b"]));
        assert_eq!(process_args(&img, None, &s(&["x"])).unwrap(), s(&["/ep", "x"]));
        assert_eq!(process_args(&img, Some("/other"), &[]).unwrap(), s(&["/other"]));
        assert_eq!(process_args(&img, Some(""), &s(&["ls"])).unwrap(), s(&["ls"]));
        assert_eq!(process_args(&img, Some(r#"["/e", "-v"]"#), &s(&["x"])).unwrap(), s(&["/e", "-v", "x"]));
        let bare = ImageConfig::default();
        assert!(process_args(&bare, None, &[]).is_err());
    }

    #[test]
    fn env_merge_keeps_position_and_last_value() {
        let a = s(&["PATH=/bin", "A=1"]);
        let b = s(&["A=2", "B=3"]);
        assert_eq!(merge_env([a.as_slice(), b.as_slice()]), s(&["PATH=/bin", "A=2", "B=3"]));
        std::env::set_var("RPOD_TEST_EXPAND", "v");
        assert_eq!(expand_env("RPOD_TEST_EXPAND").as_deref(), Some("RPOD_TEST_EXPAND=v"));
        assert_eq!(expand_env("RPOD_TEST_NOT_SET_XYZ"), None);
    }

    #[test]
    fn image_config_fields() {
        let v: Value =
            serde_json::json!({"config": {"Cmd": ["sh"], "Env": ["PATH=/bin"], "WorkingDir": "/w", "User": "1:2"}});
        let c = ImageConfig::from_json(&v);
        assert_eq!(c.cmd, s(&["sh"]));
        assert_eq!(c.working_dir, "/w");
        assert_eq!(c.user, "1:2");
        assert!(c.entrypoint.is_empty());
    }
}
