//! A small YAML writer for `serde_json::Value`, for the default text of
//! `rpod info` (Podman prints that report as YAML). Block style only, keys
//! in their order, strings quoted when YAML would read them as something
//! else.

use serde_json::Value;

/// The YAML text of `value` (a mapping at the top, as `info` has).
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(_) | Value::Array(_) => write_block(&mut out, value, 0),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
    out
}

fn write_block(out: &mut String, value: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.push_str(&pad);
                out.push_str(&key(k));
                out.push(':');
                write_child(out, v, indent);
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        // The first key goes on the dash's line.
                        let mut inner = String::new();
                        write_block(&mut inner, item, indent + 2);
                        out.push(' ');
                        out.push_str(inner.trim_start());
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push('\n');
                        write_block(out, item, indent + 2);
                    }
                    other => {
                        out.push(' ');
                        out.push_str(&inline(other));
                        out.push('\n');
                    }
                }
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn write_child(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_block(out, v, indent + 2);
        }
        Value::Array(a) if !a.is_empty() => {
            // Sequences in a mapping are not indented (go-yaml's style).
            out.push('\n');
            write_block(out, v, indent);
        }
        other => {
            out.push(' ');
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
}

/// Empty collections and scalars, as they appear after `key:` or `-`.
fn inline(v: &Value) -> String {
    match v {
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        other => scalar(other),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Object(_) | Value::Array(_) => inline(v),
    }
}

fn key(k: &str) -> String {
    string(k)
}

/// A string plain when YAML reads it back as the same string, else quoted
/// (JSON's quoting is valid YAML).
fn string(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    let reserved = matches!(lower.as_str(), "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n");
    let numeric = s.parse::<f64>().is_ok() || s.starts_with("0x") || s.starts_with("0o");
    let special_start = s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c));
    let special_inside = s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.ends_with(' ');
    let control = s.chars().any(|c| c.is_control());
    if s.is_empty() || reserved || numeric || special_start || special_inside || control {
        serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_report() {
        let v = json!({
            "host": {
                "arch": "amd64",
                "cgroupControllers": ["hugetlb"],
                "idMappings": {"uidmap": [{"container_id": 0, "host_id": 1000, "size": 1}]},
                "security": {"rootless": true},
                "empty": [],
            },
            "store": {"graphStatus": {"Native Overlay Diff": "true"}, "configFile": ""},
        });
        let expected = "host:\n  arch: amd64\n  cgroupControllers:\n  - hugetlb\n  idMappings:\n    uidmap:\n    - container_id: 0\n      host_id: 1000\n      size: 1\n  security:\n    rootless: true\n  empty: []\nstore:\n  graphStatus:\n    Native Overlay Diff: \"true\"\n  configFile: \"\"\n";
        assert_eq!(to_yaml(&v), expected);
    }

    #[test]
    fn quoting() {
        assert_eq!(string("v1"), "v1");
        assert_eq!(string("1.0"), "\"1.0\"");
        assert_eq!(string("a: b"), "\"a: b\"");
        assert_eq!(string("-x"), "\"-x\"");
        assert_eq!(string("/var/lib/rpod"), "/var/lib/rpod");
        assert_eq!(string("line\nbreak"), "\"line\\nbreak\"");
    }
}
