//! `--filter KEY=VALUE` as Podman combines them, for every noun that has
//! filters (containers, pods, volumes, networks): the values given for one
//! key are alternatives, different keys must all match, and every `label`
//! and `label!` value must hold (Podman's `MatchLabelFilters`). Each noun
//! checks its own keys and values and says what one value means.

use std::collections::BTreeMap;

/// The `KEY=VALUE` pairs given, in order.
#[derive(Debug, Clone, Default)]
pub struct Pairs(Vec<(String, String)>);

impl Pairs {
    /// Splits each argument at its first `=`; `form_error` words the
    /// error for one without (the nouns' messages differ, as Podman's do);
    /// `check` accepts or refuses each pair.
    pub fn parse(
        args: &[String],
        form_error: impl Fn(&str) -> String,
        mut check: impl FnMut(&str, &str) -> anyhow::Result<()>,
    ) -> anyhow::Result<Pairs> {
        let mut pairs = Vec::with_capacity(args.len());
        for f in args {
            let (k, v) = f.split_once('=').ok_or_else(|| anyhow::anyhow!(form_error(f)))?;
            check(k, v)?;
            pairs.push((k.to_string(), v.to_string()));
        }
        Ok(Pairs(pairs))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether any pair has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }

    /// Whether an object passes, `one(key, value)` telling whether it
    /// matches one pair.
    pub fn matches(&self, mut one: impl FnMut(&str, &str) -> bool) -> bool {
        self.try_matches(|k, v| Ok::<bool, std::convert::Infallible>(one(k, v))).unwrap_or(false)
    }

    /// [`Pairs::matches`] for a test that can fail (the first error ends it).
    pub fn try_matches<E>(&self, mut one: impl FnMut(&str, &str) -> Result<bool, E>) -> Result<bool, E> {
        let mut keys: Vec<&str> = self.0.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let every = key.starts_with("label");
            let mut verdict = every;
            for (_, v) in self.0.iter().filter(|(k, _)| k == key) {
                let hit = one(key, v)?;
                if hit != every {
                    verdict = hit;
                    break;
                }
            }
            if !verdict {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// `label=KEY` (the label is set) or `label=KEY=VALUE` (set to VALUE).
pub fn label_matches(labels: &BTreeMap<String, String>, value: &str) -> bool {
    match value.split_once('=') {
        Some((k, v)) => labels.get(k).is_some_and(|x| x == v),
        None => labels.contains_key(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(args: &[&str]) -> Pairs {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        Pairs::parse(&args, |f| format!("bad {f}"), |_, _| Ok(())).unwrap()
    }

    #[test]
    fn one_keys_values_are_alternatives_labels_must_all_hold() {
        let labels: BTreeMap<String, String> = [("a".into(), "1".into()), ("b".into(), "2".into())].into();
        let test = |p: &Pairs, name: &str| {
            p.matches(|k, v| match k {
                "name" => name.contains(v),
                "label" => label_matches(&labels, v),
                "label!" => !label_matches(&labels, v),
                _ => false,
            })
        };
        assert!(test(&pairs(&[]), "x"));
        assert!(test(&pairs(&["name=web", "name=db"]), "db1"));
        assert!(!test(&pairs(&["name=web", "label=a"]), "db1"), "different keys must all match");
        assert!(test(&pairs(&["label=a", "label=b=2"]), "x"));
        assert!(!test(&pairs(&["label=a", "label=c"]), "x"), "every label must hold");
        assert!(!test(&pairs(&["label=a=2"]), "x"));
        assert!(test(&pairs(&["label!=c", "label!=d"]), "x"));
        assert!(!test(&pairs(&["label!=c", "label!=a"]), "x"), "every label! must hold");
    }

    #[test]
    fn parse_words_and_checks() {
        let args = vec!["nokey".to_string()];
        let e = Pairs::parse(&args, |f| format!("filter {f} has no ="), |_, _| Ok(())).unwrap_err();
        assert_eq!(e.to_string(), "filter nokey has no =");
        let args = vec!["x=1".to_string()];
        let e = Pairs::parse(&args, |f| f.to_string(), |k, _| anyhow::bail!("unknown key {k}")).unwrap_err();
        assert_eq!(e.to_string(), "unknown key x");
        let p = pairs(&["a=1", "b=2=3"]);
        assert_eq!(p.iter().collect::<Vec<_>>(), [("a", "1"), ("b", "2=3")]);
        assert!(p.has("b") && !p.has("c"));
        let failing = p.try_matches(|_, _| Err("boom"));
        assert_eq!(failing, Err("boom"));
    }
}
