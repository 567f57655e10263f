//! containers.conf: containers.conf(5), the keys rpod uses, merged over all
//! the files containers/common reads.

use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{
    drop_ins, read_optional, read_required, ConfigError, Source, Sources, ENV_CONTAINERS_CONF,
    ENV_CONTAINERS_CONF_OVERRIDE,
};

/// Podman's default capabilities: the runtime's list, the one definition.
pub use rpod_runtime::caps::DEFAULT_CAPABILITIES;

/// Podman's default `[containers] env`.
pub const DEFAULT_ENV: [&str; 2] = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"];

const DEFAULT_PIDS_LIMIT: i64 = 2048;
const DEFAULT_LOG_DRIVER: &str = "k8s-file";
const DEFAULT_LOG_SIZE_MAX: i64 = -1;
const DEFAULT_IMAGE_PARALLEL_COPIES: usize = 6;

/// Resource limit names accepted in `default_ulimits` (as Docker's go-units).
const ULIMIT_NAMES: [&str; 15] = [
    "core",
    "cpu",
    "data",
    "fsize",
    "locks",
    "memlock",
    "msgqueue",
    "nice",
    "nofile",
    "nproc",
    "rss",
    "rtprio",
    "rttime",
    "sigpending",
    "stack",
];

/// One `default_ulimits` entry, `name=soft[:hard]`; `-1` means unlimited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ulimit {
    /// Lower-case, without `RLIMIT_`: `nofile`, `nproc`, ...
    pub name: String,
    pub soft: i64,
    pub hard: i64,
}

impl Ulimit {
    /// Parse `name=soft[:hard]` (hard defaults to soft).
    pub fn parse(s: &str) -> Result<Ulimit, String> {
        let (name, limits) =
            s.split_once('=').ok_or_else(|| format!("invalid ulimit {s:?}: expected name=soft[:hard]"))?;
        if !ULIMIT_NAMES.contains(&name) {
            return Err(format!("invalid ulimit {s:?}: unknown type {name:?}"));
        }
        let num = |v: &str| {
            v.parse::<i64>()
                .ok()
                .filter(|&n| n >= -1)
                .ok_or_else(|| format!("invalid ulimit {s:?}: {v:?} is not a limit (a number, or -1 for unlimited)"))
        };
        let (soft, hard) = match limits.split_once(':') {
            Some((soft, hard)) => (num(soft)?, num(hard)?),
            None => {
                let v = num(limits)?;
                (v, v)
            }
        };
        // -1 is RLIM_INFINITY, larger than anything.
        if (soft as u64) > (hard as u64) {
            return Err(format!(
                "invalid ulimit {s:?}: soft limit must be less than or equal to hard limit: {soft} > {hard}"
            ));
        }
        Ok(Ulimit { name: name.to_string(), soft, hard })
    }
}

impl fmt::Display for Ulimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}:{}", self.name, self.soft, self.hard)
    }
}

/// The keys of containers.conf that rpod uses, as set by the files (`None`:
/// no file set it); the accessor methods apply Podman's defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContainersConf {
    /// `[containers] default_capabilities`, normalized to `CAP_XXX`.
    pub default_capabilities: Option<Vec<String>>,
    /// `[containers] default_ulimits`.
    pub default_ulimits: Option<Vec<Ulimit>>,
    /// `[containers] pids_limit`.
    pub pids_limit: Option<i64>,
    /// `[containers] log_driver`.
    pub log_driver: Option<String>,
    /// `[containers] log_size_max`.
    pub log_size_max: Option<i64>,
    /// `[containers] env`.
    pub env: Option<Vec<String>>,
    /// `[containers] init`.
    pub init: Option<bool>,
    /// `[containers] http_proxy`: the default of `--http-proxy` (true).
    pub http_proxy: Option<bool>,
    /// `[containers] tz`.
    pub tz: Option<String>,
    /// `[engine] image_parallel_copies`.
    pub image_parallel_copies: Option<u64>,
    /// `[containers] dns_servers`, `dns_searches`, `dns_options`: the
    /// defaults of `--dns`, `--dns-search`, `--dns-option`.
    pub dns_servers: Option<Vec<String>>,
    pub dns_searches: Option<Vec<String>>,
    pub dns_options: Option<Vec<String>>,
    /// `[containers] no_hosts`: the default of `--no-hosts`.
    pub no_hosts: Option<bool>,
    /// `[containers] base_hosts_file`: "" (the host's /etc/hosts), `image`
    /// (the image's), `none`, or a path.
    pub base_hosts_file: Option<String>,
    /// `[containers] host_containers_internal_ip`: the address of
    /// `host.containers.internal` ("": rpod picks one; `none`: no entry).
    pub host_containers_internal_ip: Option<String>,
    /// `[network] network_config_dir`: where network definitions are.
    pub network_config_dir: Option<String>,
    /// `[network] default_subnet`: the default network's subnet.
    pub default_subnet: Option<String>,
    /// `[engine] hooks_dir`.
    pub hooks_dir: Option<Vec<String>>,
}

impl ContainersConf {
    /// Capabilities granted by default, `CAP_` prefixed, upper case.
    pub fn default_capabilities(&self) -> Vec<String> {
        match &self.default_capabilities {
            Some(c) => c.clone(),
            None => strings(&DEFAULT_CAPABILITIES),
        }
    }

    /// Ulimits set in every container (none by default).
    pub fn default_ulimits(&self) -> &[Ulimit] {
        self.default_ulimits.as_deref().unwrap_or(&[])
    }

    /// Maximum number of processes per container; 2048 by default, 0 = no limit.
    pub fn pids_limit(&self) -> i64 {
        self.pids_limit.unwrap_or(DEFAULT_PIDS_LIMIT)
    }

    /// `k8s-file` by default.
    pub fn log_driver(&self) -> &str {
        self.log_driver.as_deref().filter(|d| !d.is_empty()).unwrap_or(DEFAULT_LOG_DRIVER)
    }

    /// Maximum log size in bytes; -1 (unlimited) by default.
    pub fn log_size_max(&self) -> i64 {
        self.log_size_max.unwrap_or(DEFAULT_LOG_SIZE_MAX)
    }

    /// Environment added to every container (under the image's and the
    /// user's); Podman's `PATH=...` and `TERM=xterm` by default.
    pub fn env(&self) -> Vec<String> {
        match &self.env {
            Some(e) => e.clone(),
            None => strings(&DEFAULT_ENV),
        }
    }

    /// Pass the host's proxy variables into containers by default (`--http-proxy`); true by default.
    pub fn http_proxy(&self) -> bool {
        self.http_proxy.unwrap_or(true)
    }

    /// Run an init in containers by default; false by default.
    pub fn init(&self) -> bool {
        self.init.unwrap_or(false)
    }

    /// Default time zone for containers; `None` (the image's) by default.
    pub fn tz(&self) -> Option<&str> {
        self.tz.as_deref().filter(|t| !t.is_empty())
    }

    /// Layers copied in parallel; 0 or unset means 6.
    pub fn image_parallel_copies(&self) -> usize {
        match self.image_parallel_copies {
            None | Some(0) => DEFAULT_IMAGE_PARALLEL_COPIES,
            Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
        }
    }

    /// The base of a container's /etc/hosts: `None` for the image's own
    /// (`base_hosts_file = "image"`), else a file on the host (`none`: an
    /// empty base, `/dev/null`).
    pub fn base_hosts_file(&self) -> Option<PathBuf> {
        match self.base_hosts_file.as_deref().unwrap_or("") {
            "" => Some(PathBuf::from("/etc/hosts")),
            "image" => None,
            "none" => Some(PathBuf::from("/dev/null")),
            p => Some(PathBuf::from(p)),
        }
    }

    /// The default network's subnet: Podman's 10.88.0.0/16 unless set.
    pub fn default_subnet(&self) -> &str {
        self.default_subnet.as_deref().filter(|s| !s.is_empty()).unwrap_or(crate::network::config::DEFAULT_SUBNET)
    }

    /// The containers.conf files that apply, in order (existing or not,
    /// except that a missing `$CONTAINERS_CONF`/`$CONTAINERS_CONF_OVERRIDE`
    /// is an error).
    ///
    /// `$CONTAINERS_CONF` alone if set; else `share_dir/containers.conf`,
    /// `etc_dir/containers.conf`, `etc_dir/containers.conf.d/*.conf`, when
    /// rootless `etc_dir/containers.rootless.conf` and
    /// `etc_dir/containers.rootless.d/*.conf`, then
    /// `user_dir/containers.conf` and `user_dir/containers.conf.d/*.conf`.
    /// `$CONTAINERS_CONF_OVERRIDE` always comes last.
    fn paths(src: &Sources) -> Result<Vec<(PathBuf, Option<&'static str>)>, ConfigError> {
        let mut out: Vec<(PathBuf, Option<&'static str>)> = Vec::new();
        if let Some(path) = src.env_path(ENV_CONTAINERS_CONF) {
            out.push((path, Some(ENV_CONTAINERS_CONF)));
        } else {
            let add_dir = |out: &mut Vec<_>, dir: &Path| -> Result<(), ConfigError> {
                out.extend(drop_ins(dir)?.into_iter().map(|p| (p, None)));
                Ok(())
            };
            out.push((src.share_dir.join("containers.conf"), None));
            out.push((src.etc_dir.join("containers.conf"), None));
            add_dir(&mut out, &src.etc_dir.join("containers.conf.d"))?;
            if src.rootless {
                out.push((src.etc_dir.join("containers.rootless.conf"), None));
                add_dir(&mut out, &src.etc_dir.join("containers.rootless.d"))?;
            }
            if let Some(user) = &src.user_dir {
                out.push((user.join("containers.conf"), None));
                add_dir(&mut out, &user.join("containers.conf.d"))?;
            }
        }
        if let Some(path) = src.env_path(ENV_CONTAINERS_CONF_OVERRIDE) {
            out.push((path, Some(ENV_CONTAINERS_CONF_OVERRIDE)));
        }
        Ok(out)
    }

    /// Read and merge all containers.conf files that apply (see
    /// containers.conf(5)), appending those read to `files`. Later files
    /// override earlier ones key by key; a list ending with `{append=true}`
    /// extends the earlier value instead.
    pub fn load(src: &Sources, files: &mut Vec<PathBuf>) -> Result<ContainersConf, ConfigError> {
        let mut conf = ContainersConf::default();
        for (path, env_var) in Self::paths(src)? {
            let text = match env_var {
                Some(var) => read_required(var, &path)?,
                None => match read_optional(&path)? {
                    Some(t) => t,
                    None => continue,
                },
            };
            files.push(path.clone());
            conf.merge_text(&path, &text)?;
        }
        Ok(conf)
    }

    /// Merge one containers.conf text over `self`; `path` is used in messages.
    pub fn merge_text(&mut self, path: &Path, text: &str) -> Result<(), ConfigError> {
        let file: FileToml = Source { path, text }.parse()?;
        let c = file.containers.unwrap_or_default();
        merge_list(&mut self.default_capabilities, c.default_capabilities.map(normalize_caps), || {
            strings(&DEFAULT_CAPABILITIES)
        });
        merge_list(&mut self.default_ulimits, c.default_ulimits, Vec::new);
        merge_list(&mut self.env, c.env, || strings(&DEFAULT_ENV));
        if c.pids_limit.is_some() {
            self.pids_limit = c.pids_limit;
        }
        if c.log_driver.is_some() {
            self.log_driver = c.log_driver;
        }
        if c.log_size_max.is_some() {
            self.log_size_max = c.log_size_max;
        }
        if c.init.is_some() {
            self.init = c.init;
        }
        if c.http_proxy.is_some() {
            self.http_proxy = c.http_proxy;
        }
        if c.tz.is_some() {
            self.tz = c.tz;
        }
        merge_list(&mut self.dns_servers, c.dns_servers, Vec::new);
        merge_list(&mut self.dns_searches, c.dns_searches, Vec::new);
        merge_list(&mut self.dns_options, c.dns_options, Vec::new);
        if c.no_hosts.is_some() {
            self.no_hosts = c.no_hosts;
        }
        if c.base_hosts_file.is_some() {
            self.base_hosts_file = c.base_hosts_file;
        }
        if c.host_containers_internal_ip.is_some() {
            self.host_containers_internal_ip = c.host_containers_internal_ip;
        }
        if let Some(n) = file.network {
            if n.network_config_dir.is_some() {
                self.network_config_dir = n.network_config_dir;
            }
            if n.default_subnet.is_some() {
                self.default_subnet = n.default_subnet;
            }
        }
        let engine = file.engine;
        if let Some(n) = engine.as_ref().and_then(|e| e.image_parallel_copies) {
            self.image_parallel_copies = Some(n);
        }
        merge_list(&mut self.hooks_dir, engine.and_then(|e| e.hooks_dir), Vec::new);
        Ok(())
    }
}

/// Replace `current` with `new`, or extend it (starting from the built-in
/// default) when `new` asks to append.
fn merge_list<T>(current: &mut Option<Vec<T>>, new: Option<AttrList<T>>, default: impl FnOnce() -> Vec<T>) {
    let Some(new) = new else { return };
    if new.append {
        let mut base = current.take().unwrap_or_else(default);
        base.extend(new.values);
        *current = Some(base);
    } else {
        *current = Some(new.values);
    }
}

fn strings(s: &[&str]) -> Vec<String> {
    s.iter().map(|s| s.to_string()).collect()
}

/// containers/common `addCAPPrefix`, plus upper-casing.
fn normalize_caps(mut caps: AttrList<String>) -> AttrList<String> {
    // Unknown names are kept as written (upper-cased): the runtime rejects
    // them when a container asks for them, naming the capability.
    for c in &mut caps.values {
        *c = rpod_runtime::caps::normalize(c).unwrap_or_else(|| c.to_ascii_uppercase());
    }
    caps
}

#[derive(Deserialize)]
struct FileToml {
    containers: Option<ContainersToml>,
    engine: Option<EngineToml>,
    network: Option<NetworkToml>,
}

#[derive(Deserialize)]
struct NetworkToml {
    network_config_dir: Option<String>,
    default_subnet: Option<String>,
}

#[derive(Deserialize, Default)]
struct ContainersToml {
    default_capabilities: Option<AttrList<String>>,
    default_ulimits: Option<AttrList<Ulimit>>,
    pids_limit: Option<i64>,
    log_driver: Option<String>,
    log_size_max: Option<i64>,
    env: Option<AttrList<String>>,
    init: Option<bool>,
    http_proxy: Option<bool>,
    tz: Option<String>,
    dns_servers: Option<AttrList<String>>,
    dns_searches: Option<AttrList<String>>,
    dns_options: Option<AttrList<String>>,
    no_hosts: Option<bool>,
    base_hosts_file: Option<String>,
    host_containers_internal_ip: Option<String>,
}

#[derive(Deserialize)]
struct EngineToml {
    image_parallel_copies: Option<u64>,
    hooks_dir: Option<AttrList<String>>,
}

// ---------------------------------------------------------------------------
// String arrays with attributes (containers/common `attributedstring.Slice`):
// `env = ["A=1", {append = true}]`.

struct AttrList<T> {
    values: Vec<T>,
    append: bool,
}

/// How an array element is read from its string.
trait ListItem: Sized {
    fn from_item(s: &str) -> Result<Self, String>;
}
impl ListItem for String {
    fn from_item(s: &str) -> Result<Self, String> {
        Ok(s.to_string())
    }
}
impl ListItem for Ulimit {
    fn from_item(s: &str) -> Result<Self, String> {
        Ulimit::parse(s)
    }
}

enum Element<T> {
    Value(T),
    Append(Option<bool>),
}

impl<'de, T: ListItem> Deserialize<'de> for Element<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: ListItem> Visitor<'de> for V<T> {
            type Value = Element<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an attribute table such as {append = true}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Element<T>, E> {
                T::from_item(s).map(Element::Value).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element<T>, A::Error> {
                let mut append = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "append" => append = Some(map.next_value::<bool>()?),
                        other => {
                            return Err(de::Error::custom(format!(
                                "unsupported attribute {other:?} (only \"append\" is supported)"
                            )))
                        }
                    }
                }
                Ok(Element::Append(append))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl<'de, T: ListItem> Deserialize<'de> for AttrList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: ListItem> Visitor<'de> for V<T> {
            type Value = AttrList<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AttrList<T>, A::Error> {
                let mut out = AttrList { values: Vec::new(), append: false };
                while let Some(e) = seq.next_element::<Element<T>>()? {
                    match e {
                        Element::Value(v) => out.values.push(v),
                        Element::Append(Some(a)) => out.append = a,
                        Element::Append(None) => {}
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V(PhantomData))
    }
}
