//! `network ls --filter` (Podman's keys) and the fields `--format`
//! templates see (Podman's Go names).

use anyhow::bail;
use serde_json::{json, Value};

use super::config::Network;
use crate::context::Context;

/// The filters given (combined as [`crate::filter`] says).
#[derive(Debug, Default)]
pub struct Filters(crate::filter::Pairs);

const KEYS: [&str; 7] = ["name", "id", "driver", "label", "label!", "dangling", "until"];
/// The keys of `network prune --filter` (Podman's).
const PRUNE_KEYS: [&str; 3] = ["label", "label!", "until"];

impl Filters {
    pub fn parse(args: &[String]) -> anyhow::Result<Filters> {
        Filters::parse_keys(args, &KEYS)
    }

    /// `network prune --filter`: label, label!, until.
    pub fn parse_prune(args: &[String]) -> anyhow::Result<Filters> {
        Filters::parse_keys(args, &PRUNE_KEYS)
    }

    fn parse_keys(args: &[String], keys: &[&str]) -> anyhow::Result<Filters> {
        let supported = || keys.iter().map(|k| format!("{k}=")).collect::<Vec<_>>().join(", ");
        let pairs = crate::filter::Pairs::parse(
            args,
            |f| format!("invalid filter {f:?}: supported are {}", supported()),
            |k, val| {
                if !keys.contains(&k) {
                    bail!("invalid filter \"{k}={val}\": supported are {}", supported());
                }
                if k == "dangling" && !matches!(val, "true" | "false") {
                    bail!("invalid dangling filter value \"{val}\"");
                }
                if k == "until" {
                    crate::timefmt::until_filter(val, 0).map_err(|e| anyhow::anyhow!("{e}"))?;
                }
                Ok(())
            },
        )?;
        Ok(Filters(pairs))
    }

    /// `dangling` needs to know which networks containers use.
    pub fn needs_users(&self) -> bool {
        self.0.has("dangling")
    }

    /// Whether `n` passes; `used`: the networks some container is on.
    pub fn keep(&self, n: &Network, used: &[String], now_ns: i64) -> bool {
        use crate::filter::label_matches;
        self.0.matches(|key, v| match key {
            "name" => n.name.contains(v),
            "id" => n.id.contains(v),
            "driver" => n.driver == v,
            "label" => label_matches(&n.labels, v),
            "label!" => !label_matches(&n.labels, v),
            // The default network is never dangling (Podman).
            "dangling" => {
                let dangling = n.name != super::config::DEFAULT_NETWORK && !used.contains(&n.name);
                (v == "true") == dangling
            }
            _ => {
                let created = crate::timefmt::parse_go_time_ns(&n.created).unwrap_or(0);
                crate::timefmt::until_filter(v, now_ns).is_ok_and(|until| created < until)
            }
        })
    }
}

/// The networks the containers are on (their `--network` names).
pub fn networks_in_use(ctx: &Context) -> anyhow::Result<Vec<String>> {
    let mut used = Vec::new();
    for c in ctx.containers()?.list()? {
        for n in bridge_names(&c.config.network.text()) {
            if !used.contains(&n) {
                used.push(n);
            }
        }
    }
    Ok(used)
}

/// The bridge networks a recorded `--network` mode names (`bridge` is
/// the default network); none for the modes that are no network.
pub fn bridge_names(mode: &str) -> Vec<String> {
    let special = ["none", "host", "private", "pasta", "slirp4netns", "container", "ns"];
    if special.contains(&mode.split(':').next().unwrap_or("")) {
        return Vec::new();
    }
    mode.split(',')
        .filter(|n| !n.is_empty())
        .map(|n| if n == super::config::DOCKER_DEFAULT { super::config::DEFAULT_NETWORK } else { n })
        .map(str::to_string)
        .collect()
}

/// One network as `--format` templates see it (Podman's Go field names).
pub fn template_row(n: &Network, full_id: bool) -> Value {
    let created = crate::timefmt::parse_go_time_ns(&n.created).map(crate::timefmt::go_time_string).unwrap_or_default();
    json!({
        "ID": if full_id { n.id.clone() } else { n.id.chars().take(12).collect() },
        "Name": n.name,
        "Driver": n.driver,
        "NetworkInterface": n.network_interface.clone().unwrap_or_default(),
        "Created": created,
        "Subnets": n.subnets.iter().map(|s| json!({"Subnet": s.subnet, "Gateway": s.gateway})).collect::<Vec<_>>(),
        "IPv6Enabled": n.ipv6_enabled,
        "Internal": n.internal,
        "DNSEnabled": n.dns_enabled,
        // Podman's list report joins them: `a=1,b=2`.
        "Labels": n.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        "Options": n.options,
        "IPAMOptions": n.ipam_options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let mut n = Network::default_network(super::super::config::DEFAULT_SUBNET).unwrap();
        let f = |a: &[&str]| Filters::parse(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        let now = crate::container::record::now_ns();
        assert!(f(&["name=pod"]).keep(&n, &[], now));
        assert!(!f(&["name=x"]).keep(&n, &[], now));
        assert!(f(&["driver=macvlan", "driver=bridge"]).keep(&n, &[], now));
        assert!(!f(&["driver=bridge", "name=x"]).keep(&n, &[], now));
        assert!(f(&["id=2f259b"]).keep(&n, &[], now));
        assert!(f(&["dangling=false"]).keep(&n, &[], now));
        n.name = "other".into();
        assert!(f(&["dangling=true"]).keep(&n, &[], now));
        assert!(!f(&["dangling=true"]).keep(&n, &["other".into()], now));
        n.labels.insert("a".into(), "1".into());
        assert!(f(&["label=a"]).keep(&n, &[], now) && f(&["label=a=1"]).keep(&n, &[], now));
        assert!(!f(&["label=a=2"]).keep(&n, &[], now));
        assert!(f(&["label!=a=2"]).keep(&n, &[], now) && !f(&["label!=a"]).keep(&n, &[], now));
        assert!(Filters::parse_prune(&["name=x".into()]).is_err() && Filters::parse_prune(&["label=a".into()]).is_ok());
        assert!(Filters::parse(&["bogus=1".into()]).is_err());
        assert!(Filters::parse(&["dangling=maybe".into()]).is_err());
        assert_eq!(bridge_names("bridge"), ["podman"]);
        assert_eq!(bridge_names("a,b"), ["a", "b"]);
        assert!(bridge_names("pasta:-T,80").is_empty() && bridge_names("none").is_empty());
    }
}
