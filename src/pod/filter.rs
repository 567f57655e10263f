//! Podman's pod filters (`pod ps --filter KEY=VALUE`): values of one key
//! are alternatives, different keys must all match (`label`: every one
//! must hold).

use anyhow::{anyhow, bail};

use super::Pod;
use crate::container::record::Container;
use crate::filter::{label_matches, Pairs};

const KEYS: &str = "id, name, label, status, ctr-names, ctr-ids, ctr-status, ctr-number, network, until";

/// Parsed `--filter` values.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pairs: Pairs,
}

impl Filters {
    pub fn parse(args: &[String]) -> anyhow::Result<Filters> {
        let pairs = Pairs::parse(
            args,
            |f| format!("filter input must be in the form of filter=value: {f} is invalid"),
            |k, v| {
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
                        crate::timefmt::until_filter(v, crate::container::record::now_ns())
                            .map_err(|e| anyhow!("invalid until filter {v:?}: {e}"))?;
                    }
                    "id" | "name" | "label" | "status" | "ctr-names" | "ctr-ids" | "ctr-status" | "network" => {}
                    _ => bail!("invalid filter {k:?}: supported are {KEYS}"),
                }
                Ok(())
            },
        )?;
        Ok(Filters { pairs })
    }

    /// Pod `pod` with its containers `members` passes every filter.
    pub fn matches(&self, pod: &Pod, members: &[Container]) -> bool {
        self.pairs.matches(|key, v| matches(pod, members, key, v))
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
        "label" => label_matches(&pod.config.labels, v),
        "status" => super::status(members).eq_ignore_ascii_case(v),
        "ctr-names" => members.iter().any(|c| c.name == v),
        "ctr-ids" => members.iter().any(|c| c.id.starts_with(v)),
        "ctr-status" => members.iter().any(ctr_status),
        "ctr-number" => v.parse::<usize>().is_ok_and(|n| members.len() == n),
        "network" => members.iter().any(|c| {
            c.config.infra && matches!(&c.config.network, crate::network::Mode::Bridge(n) if n.iter().any(|n| n == v))
        }),
        "until" => crate::timefmt::until_filter(v, crate::container::record::now_ns()).is_ok_and(|t| pod.created < t),
        _ => false,
    }
}
