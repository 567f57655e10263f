//! `--filter` for image listings and pruning, as Podman's libimage reads
//! it: `dangling=BOOL`, `reference=PATTERN`, `label=KEY[=VALUE]` (and
//! `label!=`), `before=IMAGE`, `since=IMAGE`, `id=PREFIX`. An image must
//! pass every filter given.

use anyhow::{anyhow, bail};
use serde_json::Value;

use rpod_storage::ImageRecord;

use super::inspect::{config_of, has_label};
use super::names::repo_tag;

/// One parsed filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Dangling(bool),
    Reference(String),
    Label {
        key: String,
        value: Option<String>,
        negate: bool,
    },
    /// Created strictly before this Unix time.
    Before(i64),
    /// Created strictly after this Unix time.
    Since(i64),
    Id(String),
}

/// Parse `--filter` values; `created_of` looks up the image a `before=` or
/// `since=` names and returns its creation time.
pub fn parse(
    filters: &[String],
    mut created_of: impl FnMut(&str) -> anyhow::Result<i64>,
) -> anyhow::Result<Vec<Filter>> {
    let mut out = Vec::with_capacity(filters.len());
    for f in filters {
        let (key, value, negate) = match f.split_once("!=") {
            Some((k, v)) if !k.contains('=') => (k, v, true),
            _ => match f.split_once('=') {
                Some((k, v)) => (k, v, false),
                None => bail!("invalid image filter {f:?}: must be in the format \"filter=value\""),
            },
        };
        if negate && key != "label" {
            bail!("invalid image filter {f:?}: only label filters can be negated with !=");
        }
        out.push(match key {
            "dangling" => Filter::Dangling(
                crate::config::parse_go_bool(value)
                    .ok_or_else(|| anyhow!("non-boolean value {value:?} for dangling filter"))?,
            ),
            "reference" => Filter::Reference(value.to_string()),
            "label" => match value.split_once('=') {
                Some((k, v)) => Filter::Label { key: k.to_string(), value: Some(v.to_string()), negate },
                None => Filter::Label { key: value.to_string(), value: None, negate },
            },
            "before" => Filter::Before(created_of(value)?),
            "since" => Filter::Since(created_of(value)?),
            "id" => Filter::Id(value.strip_prefix("sha256:").unwrap_or(value).to_string()),
            _ => bail!("unsupported image filter {key:?}"),
        });
    }
    Ok(out)
}

/// Whether the image passes all filters.
pub fn matches(filters: &[Filter], rec: &ImageRecord) -> bool {
    let mut config: Option<Value> = None;
    filters.iter().all(|f| match f {
        Filter::Dangling(want) => rec.names.is_empty() == *want,
        Filter::Reference(pattern) => rec.names.iter().any(|n| reference_matches(pattern, n)),
        Filter::Label { key, value, negate } => {
            let config = config.get_or_insert_with(|| config_of(rec));
            has_label(config, key, value.as_deref()) != *negate
        }
        Filter::Before(t) => rec.created < *t,
        Filter::Since(t) => rec.created > *t,
        Filter::Id(prefix) => rec.id.starts_with(prefix.as_str()),
    })
}

/// libimage's reference filter: the pattern (Go's `path.Match`) against
/// the name, the name without its registry, its last component — each
/// with and without the tag or digest.
pub fn reference_matches(pattern: &str, name: &str) -> bool {
    let (repo, tag) = repo_tag(name);
    let suffix = match name.split_once('@') {
        Some((_, d)) => format!("@{d}"),
        None if tag != "<none>" => format!(":{tag}"),
        None => String::new(),
    };
    let trimmed = repo.as_str();
    // The path: the repository without its registry part.
    let path = match trimmed.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => rest,
        _ => trimmed,
    };
    let last = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    let mut candidates = vec![name.to_string(), path.to_string(), last(name)];
    if !suffix.is_empty() {
        candidates.extend([trimmed.to_string(), format!("{path}{suffix}"), last(trimmed)]);
    }
    candidates.iter().any(|c| glob_match(pattern, c))
}

/// Go's `path.Match`: `*` (any run without `/`), `?` (one character but
/// `/`), `[...]` classes with ranges and `^` negation, `\` escapes. A
/// malformed pattern matches nothing.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    glob(&p, &t).unwrap_or(false)
}

fn glob(p: &[char], t: &[char]) -> Option<bool> {
    let (mut pi, mut ti) = (0, 0);
    // Backtracking point for the last `*`: (pattern index after it, text index).
    let mut star: Option<(usize, usize)> = None;
    loop {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi + 1, ti));
                    pi += 1;
                    continue;
                }
                c => {
                    if ti < t.len() {
                        let (ok, len) = match c {
                            '?' => (t[ti] != '/', 1),
                            '[' => class(&p[pi..], t[ti])?,
                            '\\' => (p.get(pi + 1).copied()? == t[ti], 2),
                            c => (c == t[ti], 1),
                        };
                        if ok {
                            pi += len;
                            ti += 1;
                            continue;
                        }
                    }
                }
            }
        } else if ti == t.len() {
            return Some(true);
        }
        // Mismatch: let the last star eat one more character (not a '/').
        match star {
            Some((sp, st)) if st < t.len() && t[st] != '/' => {
                star = Some((sp, st + 1));
                pi = sp;
                ti = st + 1;
            }
            _ => {
                // Go still reports a malformed rest of the pattern.
                return Some(false);
            }
        }
    }
}

/// Matches a `[...]` class at the start of `p` against `c`; returns
/// (matched, pattern length). None: malformed.
fn class(p: &[char], c: char) -> Option<(bool, usize)> {
    let mut i = 1;
    let negate = p.get(i) == Some(&'^');
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let lo = *p.get(i)?;
        if lo == ']' && !first {
            i += 1;
            break;
        }
        first = false;
        let lo = if lo == '\\' {
            i += 1;
            *p.get(i)?
        } else {
            lo
        };
        i += 1;
        let mut hi = lo;
        if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|&x| x != ']') {
            hi = if p[i + 1] == '\\' {
                i += 1;
                *p.get(i + 1)?
            } else {
                p[i + 1]
            };
            i += 2;
        }
        if lo <= c && c <= hi {
            matched = true;
        }
    }
    Some((matched != negate && c != '/', i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_path_match() {
        assert!(glob_match("*busy*", "busybox:latest"));
        assert!(!glob_match("*busy*", "127.0.0.1:5000/library/busybox:latest"));
        assert!(glob_match("*", "abc"));
        assert!(!glob_match("*", "a/b"));
        assert!(glob_match("a?c", "abc"));
        assert!(glob_match("[a-c]x", "bx"));
        assert!(!glob_match("[^a-c]x", "bx"));
        assert!(glob_match("\\*", "*"));
        assert!(!glob_match("[", "a"));
        assert!(glob_match("a*b*c", "axxbyyc"));
        assert!(!glob_match("a*b", "ab/b"));
    }

    #[test]
    fn reference_candidates() {
        let n = "127.0.0.1:5000/library/busybox:latest";
        for p in [
            "*busy*",
            "busybox",
            "busybox:latest",
            "library/busybox",
            "library/*:latest",
            "127.0.0.1:5000/library/busybox",
            n,
        ] {
            assert!(reference_matches(p, n), "{p}");
        }
        for p in ["busybox:v2", "hello", "*/*/busybox:v2", "*.0.0.1"] {
            assert!(!reference_matches(p, n), "{p}");
        }
        assert!(reference_matches("localhost/foo", "localhost/foo:latest"));
        assert!(reference_matches("foo", "localhost/foo:latest"));
    }

    #[test]
    fn parses() {
        let f = parse(&["dangling=true".into(), "label=a=b=c".into(), "label!=x".into()], |_| Ok(0)).unwrap();
        assert_eq!(f[0], Filter::Dangling(true));
        assert_eq!(f[1], Filter::Label { key: "a".into(), value: Some("b=c".into()), negate: false });
        assert_eq!(f[2], Filter::Label { key: "x".into(), value: None, negate: true });
        assert!(parse(&["nosuch=1".into()], |_| Ok(0)).unwrap_err().to_string().contains("unsupported image filter"));
        assert!(parse(&["dangling=maybe".into()], |_| Ok(0)).is_err());
        assert!(parse(&["dangling".into()], |_| Ok(0)).is_err());
    }
}
