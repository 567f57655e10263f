//! The functions Docker and Podman add to Go's template builtins (`json`,
//! `lower`, `upper`, `title`, `split`, `join`, `truncate`, `pad`), and the
//! conversions between `serde_json::Value` and the engine's `gotmpl::Value`.

use std::collections::HashMap;
use std::sync::Arc;

use gotmpl::{FuncMap, TemplateError, Value};
use serde_json::Value as Json;

/// Names of the functions Go's `text/template` always provides. Used to
/// reject an unknown function when the template is parsed, as Go does.
pub(crate) const GO_BUILTINS: &[&str] = &[
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq",
    "ge", "gt", "le", "lt", "ne",
];

/// Names of the functions registered by [`func_map`].
pub(crate) const CUSTOM: &[&str] = &["json", "lower", "upper", "title", "split", "join", "truncate", "pad"];

/// Convert a JSON value into the engine's value. Integers stay integers so
/// they print without a fractional part.
pub(crate) fn to_tmpl(v: &Json) -> Value {
    match v {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Int(i)
            } else if let Some(u) = n.as_u64() {
                Value::Uint(u)
            } else {
                Value::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Json::String(s) => Value::String(Arc::from(s.as_str())),
        Json::Array(a) => Value::List(a.iter().map(to_tmpl).collect::<Vec<_>>().into()),
        Json::Object(o) => Value::Map(Arc::new(o.iter().map(|(k, v)| (Arc::from(k.as_str()), to_tmpl(v))).collect())),
    }
}

/// The engine keeps map keys sorted (as Go iterates maps). Our rows stand
/// for Go structs, whose fields `{{json .}}` prints in declaration order, so
/// the original key order of every object in the input is remembered here,
/// indexed by its sorted key set, and restored by the `json` function.
#[derive(Default)]
pub(crate) struct KeyOrders(HashMap<String, Vec<String>>);

impl KeyOrders {
    pub(crate) fn collect<'a>(values: impl IntoIterator<Item = &'a Json>) -> Self {
        let mut orders = KeyOrders::default();
        for v in values {
            orders.add(v);
        }
        orders
    }

    fn add(&mut self, v: &Json) {
        match v {
            Json::Object(o) => {
                let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
                keys.sort_unstable();
                self.0.entry(keys.join("\0")).or_insert_with(|| o.keys().cloned().collect());
                o.values().for_each(|v| self.add(v));
            }
            Json::Array(a) => a.iter().for_each(|v| self.add(v)),
            _ => {}
        }
    }

    fn order_of(&self, sorted_keys: &[&str]) -> Option<&Vec<String>> {
        self.0.get(&sorted_keys.join("\0"))
    }
}

fn exec_err(msg: String) -> TemplateError {
    TemplateError::Exec(msg)
}

/// Convert an engine value back to JSON for the `json` function.
fn to_json(v: &Value, orders: &KeyOrders) -> Result<Json, TemplateError> {
    Ok(match v {
        Value::Nil => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Uint(u) => Json::from(*u),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(Json::Number)
            .ok_or_else(|| exec_err(format!("json: unsupported value: {f}")))?,
        Value::String(s) => Json::String(s.to_string()),
        Value::List(l) => Json::Array(l.iter().map(|v| to_json(v, orders)).collect::<Result<_, _>>()?),
        Value::Map(m) => {
            let sorted: Vec<&str> = m.keys().map(|k| k.as_ref()).collect();
            let mut obj = serde_json::Map::with_capacity(m.len());
            if let Some(order) = orders.order_of(&sorted) {
                for k in order {
                    if let Some(v) = m.get(k.as_str()) {
                        obj.insert(k.clone(), to_json(v, orders)?);
                    }
                }
            }
            // Maps not seen in the input keep Go's sorted order.
            for (k, v) in m.iter() {
                if !obj.contains_key(k.as_ref()) {
                    obj.insert(k.to_string(), to_json(v, orders)?);
                }
            }
            Json::Object(obj)
        }
        Value::Function(_) => return Err(exec_err("json: unsupported type: func".into())),
    })
}

/// Compact JSON as Go's `json.Encoder` with `SetEscapeHTML(false)` writes it
/// (what Docker's and Podman's `json` function use): `<`, `>`, `&` stay as
/// they are, U+2028 and U+2029 are escaped.
pub(crate) fn go_json_escapes(s: String) -> String {
    if s.contains(['\u{2028}', '\u{2029}']) {
        s.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
    } else {
        s
    }
}

fn check_args(name: &str, args: &[Value], want: usize) -> Result<(), TemplateError> {
    if args.len() == want {
        Ok(())
    } else {
        Err(exec_err(format!("wrong number of args for {name}: want {want} got {}", args.len())))
    }
}

fn wrong_type(name: &str, expected: &str, got: &Value) -> TemplateError {
    exec_err(format!("{name}: wrong type for value; expected {expected}; got {}", got.type_name()))
}

fn arg_str<'a>(name: &str, v: &'a Value) -> Result<&'a str, TemplateError> {
    v.as_str().ok_or_else(|| wrong_type(name, "string", v))
}

fn arg_count(name: &str, v: &Value) -> Result<usize, TemplateError> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Uint(u) => i64::try_from(*u).unwrap_or(i64::MAX),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => *f as i64,
        other => return Err(wrong_type(name, "int", other)),
    };
    usize::try_from(n).map_err(|_| exec_err(format!("{name}: negative count {n}")))
}

fn string(s: impl Into<Arc<str>>) -> Value {
    Value::String(s.into())
}

/// Go's `strings.Title`: upper-case the first letter of every word, a word
/// starting after anything that is not a letter, digit or underscore.
fn title(s: &str) -> String {
    fn is_separator(c: char) -> bool {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else if c.is_alphanumeric() {
            false
        } else {
            c.is_whitespace()
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        if is_separator(prev) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// The functions Docker and Podman register on top of Go's builtins.
pub(crate) fn func_map(orders: Arc<KeyOrders>) -> FuncMap {
    let mut m = FuncMap::new();
    m.insert(
        "json".into(),
        Arc::new(move |args: &[Value]| {
            check_args("json", args, 1)?;
            let j = to_json(&args[0], &orders)?;
            let s = serde_json::to_string(&j).map_err(|e| exec_err(format!("json: {e}")))?;
            Ok(string(go_json_escapes(s)))
        }),
    );
    m.insert(
        "lower".into(),
        Arc::new(|args: &[Value]| {
            check_args("lower", args, 1)?;
            Ok(string(arg_str("lower", &args[0])?.to_lowercase()))
        }),
    );
    m.insert(
        "upper".into(),
        Arc::new(|args: &[Value]| {
            check_args("upper", args, 1)?;
            Ok(string(arg_str("upper", &args[0])?.to_uppercase()))
        }),
    );
    m.insert(
        "title".into(),
        Arc::new(|args: &[Value]| {
            check_args("title", args, 1)?;
            Ok(string(title(arg_str("title", &args[0])?)))
        }),
    );
    m.insert(
        "split".into(),
        Arc::new(|args: &[Value]| {
            check_args("split", args, 2)?;
            let s = arg_str("split", &args[0])?;
            let sep = arg_str("split", &args[1])?;
            // Go's strings.Split: an empty separator splits into characters.
            let parts: Vec<Value> = if sep.is_empty() {
                s.chars().map(|c| string(c.to_string())).collect()
            } else {
                s.split(sep).map(string).collect()
            };
            Ok(Value::List(parts.into()))
        }),
    );
    m.insert(
        "join".into(),
        Arc::new(|args: &[Value]| {
            check_args("join", args, 2)?;
            let sep = arg_str("join", &args[1])?;
            let Value::List(items) = &args[0] else {
                return Err(wrong_type("join", "[]string", &args[0]));
            };
            // Go's strings.Join wants []string; JSON lists are untyped, so
            // elements that are not strings are printed as Go's %v would.
            let parts: Vec<String> = items.iter().map(|v| v.to_string()).collect();
            Ok(string(parts.join(sep)))
        }),
    );
    m.insert(
        "truncate".into(),
        Arc::new(|args: &[Value]| {
            check_args("truncate", args, 2)?;
            let s = arg_str("truncate", &args[0])?;
            let n = arg_count("truncate", &args[1])?;
            // Counted in characters so a multi-byte rune is never cut.
            Ok(match s.char_indices().nth(n) {
                Some((at, _)) => string(&s[..at]),
                None => args[0].clone(),
            })
        }),
    );
    m.insert(
        "pad".into(),
        Arc::new(|args: &[Value]| {
            check_args("pad", args, 3)?;
            let s = arg_str("pad", &args[0])?;
            let left = arg_count("pad", &args[1])?;
            let right = arg_count("pad", &args[2])?;
            if s.is_empty() {
                return Ok(args[0].clone());
            }
            Ok(string(format!("{}{s}{}", " ".repeat(left), " ".repeat(right))))
        }),
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_follows_go_strings_title() {
        assert_eq!(title("hello wORLD foo_bar x-y 1a"), "Hello WORLD Foo_bar X-Y 1a");
        assert_eq!(title(""), "");
    }

    #[test]
    fn round_trip_keeps_key_order() {
        let row = serde_json::json!({"Z": 1, "A": {"y": true, "b": null}, "M": [1.5, "s"]});
        let orders = KeyOrders::collect([&row]);
        let back = to_json(&to_tmpl(&row), &orders).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), r#"{"Z":1,"A":{"y":true,"b":null},"M":[1.5,"s"]}"#);
    }

    #[test]
    fn unknown_maps_are_sorted_like_go() {
        let row = serde_json::json!({"b": 1, "a": 2});
        let back = to_json(&to_tmpl(&row), &KeyOrders::default()).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), r#"{"a":2,"b":1}"#);
    }
}
