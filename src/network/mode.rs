//! `--network`: which network a container gets, as Podman spells it.
//!
//! - `none`: a network namespace of its own with only loopback;
//! - `host`: the host's network namespace;
//! - `private`: a namespace of its own with loopback (rpod's word for "no
//!   network attached yet"; kept for scripts that used it);
//! - `pasta[:OPTIONS]`: rootless networking through pasta (Podman 5's
//!   rootless default), OPTIONS passed on to pasta (comma separated);
//! - `slirp4netns[:OPTIONS]`: rootless networking through slirp4netns;
//! - `container:NAME|ID`: the network namespace of another container;
//! - `ns:PATH`: a network namespace file (`/run/netns/NAME`, `/proc/PID/ns/net`);
//! - `bridge` or a network NAME: bridge networks (through netavark);
//!   `bridge` is Docker's name of the default network `podman`.
//!
//! A mode is recorded as its text ([`Mode::text`]), so records written
//! before the model (`none`, `host`, `private`) read back unchanged.

use std::fmt;
use std::path::PathBuf;

use anyhow::bail;
use serde::{Deserialize, Serialize};

/// The name of the default bridge network (Podman's).
pub const DEFAULT_BRIDGE: &str = "podman";

/// One `--network` mode.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Mode {
    None,
    Host,
    /// Loopback only (the default before networking landed).
    #[default]
    Private,
    /// pasta with these extra options.
    Pasta(Vec<String>),
    /// slirp4netns with these `KEY=VALUE` options.
    Slirp4netns(Vec<String>),
    /// `container:ID` (a name is resolved to the ID at create).
    Container(String),
    /// `ns:PATH`.
    Ns(PathBuf),
    /// Bridge networks by name (`bridge` becomes [`DEFAULT_BRIDGE`]).
    Bridge(Vec<String>),
}

/// The slirp4netns options Podman documents.
const SLIRP_OPTIONS: &[&str] =
    &["allow_host_loopback", "cidr", "enable_ipv6", "mtu", "outbound_addr", "outbound_addr6", "port_handler"];

impl Mode {
    /// Parses the `--network` values given (several only for bridge
    /// networks, as in Podman). `None` when no value was given: the
    /// caller picks [`Mode::default_for`].
    pub fn parse_all(values: &[String]) -> anyhow::Result<Option<Mode>> {
        let mut modes = values.iter().map(|v| Mode::parse(v)).collect::<anyhow::Result<Vec<_>>>()?;
        match modes.len() {
            0 => Ok(None),
            1 => Ok(modes.pop()),
            _ => {
                let mut names = Vec::new();
                for m in modes {
                    let Mode::Bridge(n) = m else {
                        bail!("--network: only bridge networks can be given more than once, not {}", m.text())
                    };
                    for n in n {
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                }
                Ok(Some(Mode::Bridge(names)))
            }
        }
    }

    /// One `--network` value.
    pub fn parse(value: &str) -> anyhow::Result<Mode> {
        let (kind, opts) = match value.split_once(':') {
            Some((k, o)) => (k, Some(o)),
            None => (value, None),
        };
        let list = |o: Option<&str>| -> Vec<String> {
            o.map(|o| o.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()).unwrap_or_default()
        };
        let no_opts = |m: Mode| -> anyhow::Result<Mode> {
            match opts {
                Some(_) => bail!("--network {value}: {kind} takes no options"),
                None => Ok(m),
            }
        };
        match kind {
            "" => bail!("--network: the value is empty"),
            "none" => no_opts(Mode::None),
            "host" => no_opts(Mode::Host),
            "private" => no_opts(Mode::Private),
            "pasta" => Ok(Mode::Pasta(list(opts))),
            "slirp4netns" => {
                let o = list(opts);
                for opt in &o {
                    let key = opt.split_once('=').map_or(opt.as_str(), |(k, _)| k);
                    if !SLIRP_OPTIONS.contains(&key) {
                        bail!(
                            "--network {value}: unknown slirp4netns option {opt:?} (known: {})",
                            SLIRP_OPTIONS.join(", ")
                        );
                    }
                }
                Ok(Mode::Slirp4netns(o))
            }
            "container" => match opts {
                Some(c) if !c.is_empty() => Ok(Mode::Container(c.to_string())),
                _ => bail!("--network {value}: expected container:NAME or container:ID"),
            },
            "ns" => match opts {
                Some(p) if p.starts_with('/') => Ok(Mode::Ns(PathBuf::from(p))),
                _ => bail!("--network {value}: expected ns:PATH with an absolute PATH"),
            },
            "bridge" => no_opts(Mode::Bridge(vec![DEFAULT_BRIDGE.to_string()])),
            "slirp" | "slirp4" => bail!("--network {value}: unknown mode (did you mean slirp4netns?)"),
            names => {
                if opts.is_some() {
                    bail!("--network {value}: options for bridge networks are not supported");
                }
                let mut list = Vec::new();
                for name in names.split(',') {
                    let ok = name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
                    if !ok {
                        bail!("--network {value}: not a mode (none, host, private, pasta, slirp4netns, container:NAME, ns:PATH, bridge) nor a valid network name");
                    }
                    let name = if name == "bridge" { DEFAULT_BRIDGE } else { name };
                    if !list.iter().any(|n: &String| n == name) {
                        list.push(name.to_string());
                    }
                }
                Ok(Mode::Bridge(list))
            }
        }
    }

    /// The mode without `--network`: rootless pasta (Podman 5's default),
    /// except with an external runtime (`--runtime`), which makes the
    /// namespace itself where pasta cannot be attached before the process
    /// runs: loopback only; as root the default bridge network (Podman's).
    pub fn default_for(rootless: bool, external_runtime: bool) -> Mode {
        if !rootless {
            Mode::Bridge(vec![DEFAULT_BRIDGE.to_string()])
        } else if !external_runtime {
            // Podman's order: pasta, else slirp4netns.
            if super::find_helper("pasta").is_none() && super::find_helper("slirp4netns").is_some() {
                Mode::Slirp4netns(Vec::new())
            } else {
                Mode::Pasta(Vec::new())
            }
        } else {
            Mode::Private
        }
    }

    /// As recorded and shown by `inspect`'s `HostConfig.NetworkMode`
    /// (Podman: `pasta`, `slirp4netns`, `bridge`, `container:ID`, `ns:PATH`).
    pub fn text(&self) -> String {
        let with = |k: &str, o: &[String]| if o.is_empty() { k.to_string() } else { format!("{k}:{}", o.join(",")) };
        match self {
            Mode::None => "none".into(),
            Mode::Host => "host".into(),
            Mode::Private => "private".into(),
            Mode::Pasta(o) => with("pasta", o),
            Mode::Slirp4netns(o) => with("slirp4netns", o),
            Mode::Container(id) => format!("container:{id}"),
            Mode::Ns(p) => format!("ns:{}", p.display()),
            Mode::Bridge(names) if names.len() == 1 && names[0] == DEFAULT_BRIDGE => "bridge".into(),
            Mode::Bridge(names) => names.join(","),
        }
    }

    /// `HostConfig.NetworkMode` as Podman shows it: options left out,
    /// every bridge network `bridge`.
    pub fn inspect_name(&self) -> String {
        match self {
            Mode::Pasta(_) => "pasta".into(),
            Mode::Slirp4netns(_) => "slirp4netns".into(),
            Mode::Bridge(_) => "bridge".into(),
            m => m.text(),
        }
    }

    /// The container has a network namespace of its own (not the host's,
    /// not another's).
    pub fn own_namespace(&self) -> bool {
        !matches!(self, Mode::Host | Mode::Container(_) | Mode::Ns(_))
    }

    /// Published ports can reach the container in this mode.
    pub fn can_publish(&self) -> bool {
        matches!(self, Mode::Pasta(_) | Mode::Slirp4netns(_) | Mode::Bridge(_))
    }

    /// The runtime's view: the host's namespace, a new one, or a joined one
    /// (the caller passes the path of a joined one separately).
    pub fn runtime_mode(&self) -> rpod_runtime::NetworkMode {
        match self {
            Mode::Host => rpod_runtime::NetworkMode::Host,
            Mode::None => rpod_runtime::NetworkMode::None,
            _ => rpod_runtime::NetworkMode::Private,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl TryFrom<String> for Mode {
    type Error = anyhow::Error;
    fn try_from(s: String) -> anyhow::Result<Mode> {
        // Records before the model: "" was never written, but be lenient.
        if s.is_empty() {
            return Ok(Mode::Private);
        }
        Mode::parse(&s)
    }
}

impl From<Mode> for String {
    fn from(m: Mode) -> String {
        m.text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Mode {
        Mode::parse(s).unwrap()
    }

    #[test]
    fn modes() {
        assert_eq!(p("none"), Mode::None);
        assert_eq!(p("host"), Mode::Host);
        assert_eq!(p("private"), Mode::Private);
        assert_eq!(p("pasta"), Mode::Pasta(vec![]));
        assert_eq!(p("pasta:-4,--mtu,1500"), Mode::Pasta(vec!["-4".into(), "--mtu".into(), "1500".into()]));
        assert_eq!(
            p("slirp4netns:allow_host_loopback=true"),
            Mode::Slirp4netns(vec!["allow_host_loopback=true".into()])
        );
        assert_eq!(p("container:web"), Mode::Container("web".into()));
        assert_eq!(p("ns:/run/netns/x"), Mode::Ns("/run/netns/x".into()));
        assert_eq!(p("bridge"), Mode::Bridge(vec!["podman".into()]));
        assert_eq!(p("mynet"), Mode::Bridge(vec!["mynet".into()]));
        for bad in ["", "none:x", "container:", "ns:rel/path", "slirp4netns:bogus=1", "a b", "net:x"] {
            assert!(Mode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn several_only_for_bridges() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(Mode::parse_all(&[]).unwrap(), None);
        assert_eq!(Mode::parse_all(&v(&["a", "b", "a"])).unwrap(), Some(Mode::Bridge(vec!["a".into(), "b".into()])));
        assert!(Mode::parse_all(&v(&["a", "host"])).is_err());
    }

    #[test]
    fn text_round_trips() {
        for s in
            ["none", "host", "private", "pasta", "pasta:-4", "slirp4netns", "container:abc", "ns:/x", "bridge", "a,b"]
        {
            let m: Mode = serde_json::from_value(serde_json::json!(s)).unwrap();
            assert_eq!(serde_json::to_value(&m).unwrap(), serde_json::json!(s));
        }
        assert_eq!(p("pasta:-4").inspect_name(), "pasta");
        assert_eq!(p("mynet").inspect_name(), "bridge");
    }
}
