//! Podman's container filters (`--filter KEY=VALUE`), shared by `ps` and
//! the commands that act on the containers they select (`rm`, `stop`,
//! `restart`, `start`, `pause`, `unpause`).
//!
//! Filters on one key are alternatives, different keys must all match;
//! `label` and `label!` are the exception (every one must hold), as in
//! Podman.

use anyhow::{anyhow, bail};

use super::record::{Container, Status};
use crate::filter::{label_matches, Pairs};

/// The keys rpod knows.
const KEYS: &str = "status, name, id, label, label!, ancestor, exited, before, since, health, volume, pod, network";

/// Parsed `--filter` values.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pairs: Pairs,
}

impl Filters {
    /// Parses `KEY=VALUE` strings, checking keys and values.
    pub fn parse(args: &[String]) -> anyhow::Result<Filters> {
        let pairs = Pairs::parse(
            args,
            |f| format!("invalid filter {f:?}: expected KEY=VALUE"),
            |k, v| {
                match k {
                    "status" => {
                        status_word(v)?;
                    }
                    "exited" => {
                        v.parse::<i32>().map_err(|_| anyhow!("invalid exited filter {v:?}"))?;
                    }
                    "health" if !matches!(v, "healthy" | "unhealthy" | "starting" | "none") => {
                        bail!("invalid health filter {v:?}: use healthy, unhealthy, starting or none")
                    }
                    "name" | "id" | "label" | "label!" | "ancestor" | "before" | "since" | "health" | "volume"
                    | "pod" | "network" => {}
                    _ => bail!("invalid filter {k:?}: supported are {KEYS}"),
                }
                Ok(())
            },
        )?;
        Ok(Filters { pairs })
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Whether a filter asks about the state (then `ps` shows stopped
    /// containers without `--all`).
    pub fn names_state(&self) -> bool {
        self.pairs.has("status") || self.pairs.has("exited")
    }

    /// The containers of `all` that every filter lets through, in order.
    /// `before`/`since` name containers of `all`.
    pub fn apply(&self, all: Vec<Container>) -> anyhow::Result<Vec<Container>> {
        if self.is_empty() {
            return Ok(all);
        }
        let created_of = |key: &str, name: &str| -> anyhow::Result<i64> {
            all.iter()
                .find(|c| c.name == name || c.id == name)
                .or_else(|| {
                    let mut hits = all.iter().filter(|c| c.id.starts_with(name));
                    hits.next().filter(|_| hits.next().is_none())
                })
                .map(|c| c.created)
                .ok_or_else(|| anyhow!("invalid {key} filter: no container with name or ID {name:?} found"))
        };
        let mut bounds = Vec::new();
        for (k, v) in self.pairs.iter() {
            if k == "before" || k == "since" {
                bounds.push((k.to_string(), v.to_string(), created_of(k, v)?));
            }
        }
        let mut kept = Vec::new();
        for c in all.iter() {
            if self.matches(c, &bounds) {
                kept.push(c.clone());
            }
        }
        Ok(kept)
    }

    fn matches(&self, c: &Container, bounds: &[(String, String, i64)]) -> bool {
        self.pairs.matches(|key, v| match key {
            "before" | "since" => bounds.iter().any(|(k, name, t)| {
                k == key && name == v && if key == "before" { c.created < *t } else { c.created > *t }
            }),
            _ => matches(c, key, v),
        })
    }
}

fn status_word(v: &str) -> anyhow::Result<&str> {
    Ok(match v {
        "created" | "running" | "paused" | "exited" => v,
        "stopped" => "exited",
        _ => bail!("invalid status filter {v:?}: use created, running, paused, exited or stopped"),
    })
}

/// One `KEY=VALUE` (checked by [`Filters::parse`]) on one container.
fn matches(c: &Container, key: &str, value: &str) -> bool {
    match key {
        "status" => status_word(value).is_ok_and(|s| c.state.status.as_str() == s),
        "name" => c.name.contains(value),
        "id" => c.id.starts_with(value),
        "label" => label_matches(&c.config.labels, value),
        "label!" => !label_matches(&c.config.labels, value),
        "ancestor" => {
            let v = value.trim_start_matches("sha256:");
            c.config.image_name == value
                || c.image_id.starts_with(v)
                || crate::image::lookup::normalize_name(value)
                    .ok()
                    .zip(crate::image::lookup::normalize_name(&c.config.image_name).ok())
                    .is_some_and(|(a, b)| a == b)
        }
        "exited" => {
            value.parse::<i32>().is_ok_and(|code| c.state.status == Status::Exited && c.state.exit_code == code)
        }
        "health" => match &c.state.health {
            Some(h) => h.status == value,
            None => value == "none",
        },
        // The pod's name, ID or a prefix of its ID.
        "pod" => c
            .config
            .pod
            .as_deref()
            .is_some_and(|id| c.config.pod_name == value || (!value.is_empty() && id.starts_with(value))),
        // Podman: a volume's name or a mount's destination.
        "volume" => c
            .config
            .mounts
            .iter()
            .any(|m| m.destination == value || (m.kind == crate::volume::mounts::Kind::Volume && m.source == value)),
        // The container's bridge networks, by name (`bridge`: the default one).
        "network" => {
            let want = if value == crate::network::config::DOCKER_DEFAULT {
                crate::network::config::DEFAULT_NETWORK
            } else {
                value
            };
            crate::network::filter::bridge_names(&c.config.network.text()).iter().any(|n| n == want)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::record::{ContainerConfig, State};

    fn ctr(name: &str, created: i64, status: Status, labels: &[(&str, &str)]) -> Container {
        Container {
            id: format!("{name}0123"),
            name: name.into(),
            image_id: String::new(),
            created,
            config: ContainerConfig {
                labels: labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                ..Default::default()
            },
            state: State { status, ..Default::default() },
        }
    }

    fn names(f: &[&str], all: &[Container]) -> Vec<String> {
        let f = Filters::parse(&f.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        f.apply(all.to_vec()).unwrap().into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn keys_combine_as_podman() {
        let all = vec![
            ctr("a", 1, Status::Running, &[("app", "web"), ("tier", "1")]),
            ctr("b", 2, Status::Exited, &[("app", "web")]),
            ctr("c", 3, Status::Created, &[]),
        ];
        assert_eq!(names(&["status=running", "status=created"], &all), ["a", "c"]);
        assert_eq!(names(&["label=app=web", "status=exited"], &all), ["b"]);
        // label filters must all hold.
        assert_eq!(names(&["label=app", "label=tier"], &all), ["a"]);
        assert_eq!(names(&["label!=app"], &all), ["c"]);
        assert_eq!(names(&["before=c"], &all), ["a", "b"]);
        assert_eq!(names(&["since=a"], &all), ["b", "c"]);
        assert_eq!(names(&["health=none", "name=b"], &all), ["b"]);
        let mut in_pod = ctr("d", 4, Status::Created, &[]);
        in_pod.config.pod = Some("abcdef".repeat(10) + "abcd");
        in_pod.config.pod_name = "web".into();
        let all = [all, vec![in_pod]].concat();
        assert_eq!(names(&["pod=web"], &all), ["d"]);
        assert_eq!(names(&["pod=abcd"], &all), ["d"]);
        assert!(names(&["pod=other"], &all).is_empty());
        assert!(Filters::parse(&["bogus=1".into()]).is_err());
        assert!(Filters::parse(&["status=sleeping".into()]).is_err());
        assert!(Filters::parse(&["before=zzz".into()]).unwrap().apply(all).is_err());
    }
}
