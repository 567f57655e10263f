//! Registries: the configuration parses, what it says, and the auth files.

use crate::registry::auth::{AuthEnv, AuthFiles};

use super::{Check, Env};

pub fn checks(env: &Env) -> Vec<Check> {
    let conf = match env.ctx.config() {
        Ok(c) => c,
        Err(e) => {
            return vec![Check::fail(
                "config",
                format!("{e:#}"),
                "correct the file named (see containers-registries.conf(5), containers-storage.conf(5), containers.conf(5))",
            )]
        }
    };
    let read: Vec<String> = conf.files.iter().map(|f| f.display().to_string()).collect();
    let config = if read.is_empty() {
        Check::ok("config", "no configuration files (built-in defaults)")
    } else {
        Check::ok("config", format!("read {}", read.join(", ")))
    };
    let r = &conf.registries;
    let files: Vec<String> = conf
        .files
        .iter()
        .filter(|f| f.to_string_lossy().contains("registries.conf"))
        .map(|f| f.display().to_string())
        .collect();
    let mirrors: Vec<String> = r
        .registries()
        .iter()
        .filter(|reg| !reg.mirrors.is_empty())
        .map(|reg| {
            format!(
                "{} -> {}",
                reg.prefix,
                reg.mirrors.iter().map(|m| m.location.as_str()).collect::<Vec<_>>().join(" ")
            )
        })
        .collect();
    let blocked: Vec<&str> = r.registries().iter().filter(|reg| reg.blocked).map(|reg| reg.prefix.as_str()).collect();
    let mut found = format!(
        "{}; short-name-mode {}; search [{}]",
        if files.is_empty() { "no registries.conf".to_string() } else { files.join(", ") },
        r.short_name_mode().as_str(),
        r.search_registries().join(", "),
    );
    if !mirrors.is_empty() {
        found.push_str(&format!("; mirrors {}", mirrors.join(", ")));
    }
    if !blocked.is_empty() {
        found.push_str(&format!("; blocked {}", blocked.join(", ")));
    }
    let mut out = vec![config];
    out.push(if r.search_registries().is_empty() {
        Check::warning(
            "registries",
            format!("{found}: short names such as busybox cannot be pulled"),
            "add unqualified-search-registries = [\"docker.io\"] to ~/.config/containers/registries.conf (or /etc/containers/registries.conf)",
        )
    } else {
        Check::ok("registries", found)
    });
    out.push(auth_check(env.uid));
    out
}

fn auth_check(uid: u32) -> Check {
    let files = AuthFiles::from_env(&AuthEnv::from_process(uid));
    let mut present = Vec::new();
    for p in files.paths() {
        match std::fs::read(p) {
            Ok(bytes) => {
                if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                    return Check::fail(
                        "auth",
                        format!("{}: not JSON: {e}", p.display()),
                        format!("correct or remove {} (rpod logout --all rewrites it)", p.display()),
                    );
                }
                present.push(p.display().to_string());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Check::fail(
                    "auth",
                    format!("{}: {e}", p.display()),
                    format!("make {} readable by you (chown/chmod 0600), or remove it", p.display()),
                )
            }
        }
    }
    if present.is_empty() {
        Check::ok("auth", "no credentials files (pulls are anonymous until rpod login)")
    } else {
        Check::ok("auth", present.join(", "))
    }
}
