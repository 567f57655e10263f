//! `--change` instructions (Dockerfile syntax) applied to the `config`
//! object of an image configuration: `import --change`, and later
//! `commit --change`.
//!
//! Supported like Podman: `CMD`, `ENTRYPOINT` (JSON array, or shell form
//! run by `/bin/sh -c`), `ENV` (`K=V ...` or `K V`), `EXPOSE`
//! (`80 443/udp`), `LABEL` (`k=v ...`), `ONBUILD`, `STOPSIGNAL`, `USER`,
//! `VOLUME` (JSON array or words), `WORKDIR`. The instruction and its
//! value are separated by whitespace or `=` (`CMD=/bin/sh`).

use anyhow::{anyhow, bail};
use serde_json::{json, Map, Value};

/// Apply one instruction to `config` (the image configuration's `config`
/// object, Docker's field names: `Cmd`, `Env`, ...).
pub fn apply(config: &mut Map<String, Value>, change: &str) -> anyhow::Result<()> {
    let change = change.trim();
    let end = change.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(change.len());
    let (instruction, rest) = change.split_at(end);
    let value = match rest.chars().next() {
        None => "",
        Some('=') => &rest[1..],
        Some(c) if c.is_whitespace() => rest.trim_start(),
        Some(_) => bail!("invalid change {change:?}: expected INSTRUCTION VALUE"),
    };
    let invalid = |why: &str| anyhow!("invalid change {change:?}: {why}");
    match instruction.to_ascii_uppercase().as_str() {
        "CMD" => {
            config.insert("Cmd".into(), json!(command(value)));
        }
        "ENTRYPOINT" => {
            config.insert("Entrypoint".into(), json!(command(value)));
        }
        "ENV" => {
            let pairs = pairs(value).map_err(|e| invalid(&e))?;
            if pairs.is_empty() {
                return Err(invalid("ENV needs a name and a value"));
            }
            let env = array_of_strings(config, "Env");
            let mut env: Vec<String> = env;
            for (k, v) in pairs {
                env.retain(|e| e.split('=').next() != Some(k.as_str()));
                env.push(format!("{k}={v}"));
            }
            config.insert("Env".into(), json!(env));
        }
        "LABEL" => {
            let pairs = pairs(value).map_err(|e| invalid(&e))?;
            if pairs.is_empty() {
                return Err(invalid("LABEL needs a name and a value"));
            }
            let labels = object(config, "Labels");
            for (k, v) in pairs {
                labels.insert(k, Value::String(v));
            }
        }
        "EXPOSE" => {
            let ports = words(value).map_err(|e| invalid(&e))?;
            if ports.is_empty() {
                return Err(invalid("EXPOSE needs a port"));
            }
            let mut keys = Vec::new();
            for p in ports {
                let (port, proto) = p.split_once('/').unwrap_or((&p, "tcp"));
                let proto = proto.to_ascii_lowercase();
                let valid_port = |s: &str| s.parse::<u16>().is_ok();
                let ok = match port.split_once('-') {
                    Some((a, b)) => valid_port(a) && valid_port(b),
                    None => valid_port(port),
                };
                if !ok || !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
                    return Err(invalid(&format!("invalid port {p:?}")));
                }
                keys.push(format!("{port}/{proto}"));
            }
            let exposed = object(config, "ExposedPorts");
            for k in keys {
                exposed.insert(k, json!({}));
            }
        }
        "VOLUME" => {
            let vols = match json_array(value) {
                Some(v) => v,
                None => words(value).map_err(|e| invalid(&e))?,
            };
            if vols.is_empty() {
                return Err(invalid("VOLUME needs a path"));
            }
            let volumes = object(config, "Volumes");
            for v in vols {
                volumes.insert(v, json!({}));
            }
        }
        "WORKDIR" => {
            let dir = unquote(value).map_err(|e| invalid(&e))?;
            if dir.is_empty() {
                return Err(invalid("WORKDIR needs a path"));
            }
            let dir = if dir.starts_with('/') {
                dir
            } else {
                let base = config.get("WorkingDir").and_then(Value::as_str).unwrap_or("/");
                format!("{}/{dir}", base.trim_end_matches('/'))
            };
            config.insert("WorkingDir".into(), json!(dir));
        }
        "USER" => {
            let user = unquote(value).map_err(|e| invalid(&e))?;
            if user.is_empty() {
                return Err(invalid("USER needs a user"));
            }
            config.insert("User".into(), json!(user));
        }
        "STOPSIGNAL" => {
            let sig = unquote(value).map_err(|e| invalid(&e))?;
            if sig.is_empty() {
                return Err(invalid("STOPSIGNAL needs a signal"));
            }
            config.insert("StopSignal".into(), json!(sig));
        }
        "ONBUILD" => {
            if value.is_empty() {
                return Err(invalid("ONBUILD needs an instruction"));
            }
            let mut on = array_of_strings(config, "OnBuild");
            on.push(value.to_string());
            config.insert("OnBuild".into(), json!(on));
        }
        "" => bail!("invalid change {change:?}: no instruction"),
        other => bail!(
            "invalid change {change:?}: {other} is not supported (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR are)"
        ),
    }
    Ok(())
}

/// A JSON array of strings, or the shell form run by `/bin/sh -c`.
fn command(value: &str) -> Vec<String> {
    json_array(value).unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into(), value.to_string()])
}

fn json_array(value: &str) -> Option<Vec<String>> {
    if !value.trim_start().starts_with('[') {
        return None;
    }
    serde_json::from_str(value).ok()
}

fn array_of_strings(config: &Map<String, Value>, key: &str) -> Vec<String> {
    config
        .get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

fn object<'a>(config: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let entry = config.entry(key.to_string()).or_insert_with(|| json!({}));
    if !entry.is_object() {
        *entry = json!({});
    }
    entry.as_object_mut().expect("an object")
}

/// Words with shell-like quoting (`"..."`, `'...'`, backslash escapes).
fn words(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(e) => cur.push(e),
                            None => return Err("unterminated quote".into()),
                        },
                        Some(x) => cur.push(x),
                        None => return Err("unterminated quote".into()),
                    }
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(x) => cur.push(x),
                        None => return Err("unterminated quote".into()),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(e) = chars.next() {
                    cur.push(e);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

fn unquote(s: &str) -> Result<String, String> {
    let w = words(s)?;
    Ok(w.join(" "))
}

/// `K=V K2="v 2"` pairs, or the old `K V W` form (one pair, the rest the value).
fn pairs(s: &str) -> Result<Vec<(String, String)>, String> {
    let ws = words(s)?;
    let Some(first) = ws.first() else { return Ok(Vec::new()) };
    if !first.contains('=') {
        if ws.len() < 2 {
            return Err(format!("{first} has no value"));
        }
        return Ok(vec![(first.clone(), ws[1..].join(" "))]);
    }
    let mut out = Vec::new();
    for w in ws {
        let (k, v) = w.split_once('=').ok_or_else(|| format!("{w:?} is not NAME=VALUE"))?;
        if k.is_empty() {
            return Err(format!("{w:?} has no name"));
        }
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply_all(changes: &[&str]) -> Value {
        let mut m = Map::new();
        for c in changes {
            apply(&mut m, c).unwrap_or_else(|e| panic!("{c}: {e}"));
        }
        Value::Object(m)
    }

    #[test]
    fn like_podman() {
        let c = apply_all(&[
            r#"CMD ["/bin/sh"]"#,
            "ENTRYPOINT /bin/x -y",
            "ENV A=1",
            "ENV=B=2",
            "EXPOSE 80",
            "LABEL a=b",
            "WORKDIR=/tmp",
            "USER 5",
        ]);
        assert_eq!(
            c,
            json!({
                "Cmd": ["/bin/sh"],
                "Entrypoint": ["/bin/sh", "-c", "/bin/x -y"],
                "Env": ["A=1", "B=2"],
                "ExposedPorts": {"80/tcp": {}},
                "Labels": {"a": "b"},
                "WorkingDir": "/tmp",
                "User": "5",
            })
        );
    }

    #[test]
    fn forms_and_quoting() {
        let c = apply_all(&[
            "CMD=/bin/bash",
            r#"LABEL "c d"=e f='g h' x=1"#,
            "ENV PATH /usr/bin:/bin",
            "ENV A=1 B=\"two words\"",
            "ENV A=3",
            "EXPOSE 53/udp 8000-8010",
            r#"VOLUME ["/data", "/logs"]"#,
            "VOLUME /cache",
            "WORKDIR /app",
            "WORKDIR sub",
            "STOPSIGNAL SIGINT",
            "ENTRYPOINT []",
        ]);
        assert_eq!(c["Cmd"], json!(["/bin/sh", "-c", "/bin/bash"]));
        assert_eq!(c["Labels"], json!({"c d": "e", "f": "g h", "x": "1"}));
        assert_eq!(c["Env"], json!(["PATH=/usr/bin:/bin", "B=two words", "A=3"]));
        assert_eq!(c["ExposedPorts"], json!({"53/udp": {}, "8000-8010/tcp": {}}));
        assert_eq!(c["Volumes"], json!({"/data": {}, "/logs": {}, "/cache": {}}));
        assert_eq!(c["WorkingDir"], "/app/sub");
        assert_eq!(c["StopSignal"], "SIGINT");
        assert_eq!(c["Entrypoint"], json!([]));
    }

    #[test]
    fn bad_changes() {
        for bad in ["RUN make", "EXPOSE http", "ENV", "LABEL =x", "", "CMD\"x\"", "ENV A=\"open"] {
            let mut m = Map::new();
            assert!(apply(&mut m, bad).is_err(), "{bad}");
        }
    }
}
