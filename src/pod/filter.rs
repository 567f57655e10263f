//! Podman's pod filters (`pod ps --filter KEY=VALUE`): values of one key
//! are alternatives, different keys must all match (`label`: every one
//! must hold).

use anyhow::{anyhow, bail};

use super::Pod;
use crate::container::record::Container;

const KEYS: &str = "id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number, network, until";

/// Parsed `--filter` values.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pairs: Vec<(String, String)>,
}

impl Filters {
    pub fn parse(args: &[String]) -> anyhow::Result<Filters> {
        let mut pairs = Vec::new();
        for f in args {
            let (k, v) = f
                .split_once('=')
                .ok_or_else(|| anyhow!("filter input must be in the form of filter=value: {f} is invalid"))?;
            match k {
                "status" if !STATUSES.contains(&v) => {
                    bail!("{v} is not a valid status (stopped, running, paused, exited, dead, created, degraded)")
                }
                "ctr-status" if !["created", "running", "paused", "exited", "stopped"].contains(&v) => {
                    bail!("{v} is not a valid container status (created, running, paused, exited, stopped)")
                }
                "ctr-number" => {
                    v.parse::<usize>().map_err(|_| anyhow!("invalid ctr-number filter {v:?}"))?;
                }
                "until" => {
                    crate::timefmt::parse_input_time(v, true, crate::container::record::now_ns())
                        .map_err(|e| anyhow!("invalid until filter {v:?}: {e}"))?;
                }
                "id" | "name" | "label" | "status" | "ctr-names" | "ctr-ids" | "ctr-status" | "network" => {}
                _ => bail!("invalid filter {k:?}: supported are {KEYS}"),
            }
            pairs.push((k.to_string(), v.to_string()));
        }
        Ok(Filters { pairs })
    }

    /// Pod `pod` with its containers `members` passes every filter.
    pub fn matches(&self, pod: &Pod, members: &[Container]) -> bool {
        let mut keys: Vec<&str> = self.pairs.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.into_iter().all(|key| {
            let mut values = self.pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str());
            let one = |v: &str| matches(pod, members, key, v);
            if key == "label" {
                values.all(one)
            } else {
                values.any(one)
            }
        })
    }
}

const STATUSES: [&str; 7] = ["stopped", "running", "paused", "exited", "dead", "created", "degraded"];

fn matches(pod: &Pod, members: &[Container], key: &str, v: &str) -> bool {
    let ctr_status = |c: &Container| {
        let s = c.state.status.as_str();
        s == v || (v == "stopped" && s == "exited")
    };
    match key {
        "id" => pod.id.starts_with(v),
        "name" => pod.name.contains(v),
        "label" => match v.split_once('=') {
            Some((k, val)) => pod.config.labels.get(k).is_some_and(|x| x == val),
            None => pod.config.labels.contains_key(v),
        },
        "status" => super::status(members).eq_ignore_ascii_case(v),
        "ctr-names" => members.iter().any(|c| c.name == v),
        "ctr-ids" => members.iter().any(|c| c.id.starts_with(v)),
        "ctr-status" => members.iter().any(ctr_status),
        "ctr-number" => v.parse::<usize>().is_ok_and(|n| members.len() == n),
        "network" => members.iter().any(|c| {
            c.config.infra && matches!(&c.config.network, crate::network::Mode::Bridge(n) if n.iter().any(|n| n == v))
        }),
        "until" => {
            crate::timefmt::parse_input_time(v, true, crate::container::record::now_ns()).is_ok_and(|t| pod.created < t)
        }
        _ => false,
    }
}
