//! What `pod inspect` and `pod ps` show: Podman 4.3's `InspectPodData`
//! and `ListPodsReport`, in their field order.

use serde_json::{json, Value};

use super::Pod;
use crate::container::record::Container;
use crate::network::Mode;

/// Go's nil slice: `null` when empty.
fn list_or_null<T: serde::Serialize>(v: &[T]) -> Value {
    if v.is_empty() {
        Value::Null
    } else {
        json!(v)
    }
}

/// The networks of the infra container's mode, as Podman lists them.
fn networks(infra: Option<&Container>) -> Vec<String> {
    match infra.map(|c| &c.config.network) {
        Some(Mode::Bridge(names)) => names.clone(),
        _ => Vec::new(),
    }
}

/// `pod inspect`: one pod with its containers (`members`, the infra
/// container among them); `cgroup` is where its cgroup is (or would be),
/// from the hierarchy's root.
pub fn inspect(pod: &Pod, members: &[Container], cgroup: Option<&str>) -> Value {
    let infra = members.iter().find(|c| c.config.infra && c.id == pod.config.infra_id);
    let mut doc = json!({
        "Id": pod.id,
        "Name": pod.name,
        "Created": crate::container::logfile::timestamp(pod.created),
        "CreateCommand": pod.config.create_command,
        "ExitPolicy": pod.config.exit_policy,
        "State": super::status(members),
        "Hostname": pod.config.hostname,
    });
    let obj = doc.as_object_mut().expect("an object");
    if !pod.config.labels.is_empty() {
        obj.insert("Labels".into(), json!(pod.config.labels));
    }
    obj.insert("CreateCgroup".into(), json!(pod.config.cgroup.is_some()));
    if let (Some(cg), Some(path)) = (&pod.config.cgroup, cgroup) {
        let parent = std::path::Path::new(path).parent().map(|p| p.display().to_string()).unwrap_or_default();
        obj.insert("CgroupParent".into(), json!(if cg.parent.is_empty() { parent } else { cg.parent.clone() }));
        obj.insert("CgroupPath".into(), json!(path));
    }
    obj.insert("CreateInfra".into(), json!(!pod.config.infra_id.is_empty()));
    if let Some(infra) = infra {
        let conf = &infra.config;
        let names = &conf.options.names;
        obj.insert("InfraContainerID".into(), json!(infra.id));
        obj.insert(
            "InfraConfig".into(),
            json!({
                "PortBindings": crate::network::ports::inspect_map(&conf.ports, &[]),
                "HostNetwork": conf.network == Mode::Host,
                "StaticIP": "",
                "StaticMAC": "",
                "NoManageResolvConf": false,
                "DNSServer": list_or_null(&names.dns),
                "DNSSearch": list_or_null(&names.dns_search),
                "DNSOption": list_or_null(&names.dns_option),
                "NoManageHosts": names.no_hosts,
                "HostAdd": list_or_null(&names.add_host),
                "Networks": list_or_null(&networks(Some(infra))),
                "NetworkOptions": Value::Null,
                "pid_ns": conf.options.pid.text(),
                // Podman's: `private` when the infra container (and so
                // the pod) has a user namespace of its own.
                "userns": if conf.keep_id.is_some() || conf.options.id_maps.is_some() { "private" } else { "host" },
                "uts_ns": conf.options.uts.text(),
            }),
        );
    }
    if !pod.config.infra_id.is_empty() && !pod.config.share.is_empty() {
        obj.insert("SharedNamespaces".into(), json!(pod.config.share));
    }
    obj.insert("NumContainers".into(), json!(members.len()));
    if !members.is_empty() {
        let list: Vec<Value> =
            members.iter().map(|c| json!({"Id": c.id, "Name": c.name, "State": c.state.status.as_str()})).collect();
        obj.insert("Containers".into(), json!(list));
    }
    if let Some(cg) = &pod.config.cgroup {
        add_limits(obj, &cg.resources);
    }
    if let Some(infra) = infra {
        // What the pod's containers inherit (Go's omitempty: only what is set).
        let conf = &infra.config;
        let devices: Vec<Value> = conf
            .options
            .devices
            .iter()
            .map(|d| json!({"PathOnHost": d.host, "PathInContainer": d.container, "CgroupPermissions": d.permissions}))
            .collect();
        for (key, value) in [
            ("devices", json!(devices)),
            ("volumes_from", json!(pod.config.volumes_from)),
            ("security_opt", json!(conf.security_opt)),
        ] {
            if value.as_array().is_some_and(|a| !a.is_empty()) {
                obj.insert(key.into(), value);
            }
        }
    }
    doc
}

/// Podman's pod limits fields (only those set).
fn add_limits(obj: &mut serde_json::Map<String, Value>, r: &rpod_runtime::cgroup_manager::Resources) {
    if let Some((quota, period)) = r.cpu_max {
        obj.insert("cpu_period".into(), json!(period));
        if let Some(q) = quota {
            obj.insert("cpu_quota".into(), json!(q));
        }
    }
    if let Some(c) = &r.cpuset_cpus {
        obj.insert("cpuset_cpus".into(), json!(c));
    }
    if let Some(m) = &r.cpuset_mems {
        obj.insert("cpuset_mems".into(), json!(m));
    }
    if let Some(m) = r.memory_max {
        obj.insert("memory_limit".into(), json!(m));
        if let Some(s) = r.memory_swap_max.filter(|s| *s >= 0) {
            obj.insert("memory_swap".into(), json!(m + s));
        }
    }
    if let Some(w) = r.io_weight {
        obj.insert("blkio_weight".into(), json!(w));
    }
}

/// The fields [`inspect`] leaves out when empty (Go's `omitempty`) put
/// back, for a `--format` template: Go's templates see every field.
pub fn with_every_field(mut doc: Value) -> Value {
    if let Some(obj) = doc.as_object_mut() {
        for (k, v) in [
            ("Labels", json!({})),
            ("InfraContainerID", json!("")),
            ("InfraConfig", Value::Null),
            ("SharedNamespaces", json!([])),
            ("Containers", json!([])),
        ] {
            obj.entry(k).or_insert(v);
        }
    }
    doc
}

/// One pod of `pod ps --format json`: Podman's `ListPodsReport` (full IDs).
pub fn ps_json(pod: &Pod, members: &[Container], cgroup: &str) -> Value {
    let infra = members.iter().find(|c| c.config.infra && c.id == pod.config.infra_id);
    json!({
        "Cgroup": cgroup,
        "Containers": members
            .iter()
            .map(|c| json!({"Id": c.id, "Names": c.name, "Status": c.state.status.as_str()}))
            .collect::<Vec<_>>(),
        "Created": crate::container::logfile::timestamp(pod.created),
        "Id": pod.id,
        "InfraId": infra.map(|c| c.id.as_str()).unwrap_or_default(),
        "Name": pod.name,
        "Namespace": "",
        "Networks": networks(infra),
        "Status": super::status(members),
        "Labels": pod.config.labels,
    })
}

/// One row of `pod ps` for a table or template: what Podman's
/// `ListPodReporter` gives (IDs short unless `no_trunc`, `Created` as
/// "2 minutes ago", the container lists comma-separated).
pub fn ps_row(pod: &Pod, members: &[Container], now_ns: i64, no_trunc: bool, cgroup: &str) -> Value {
    let short = |id: &str| if no_trunc || id.len() < 12 { id.to_string() } else { id[..12].to_string() };
    let infra = members.iter().find(|c| c.config.infra && c.id == pod.config.infra_id);
    let join = |f: &dyn Fn(&Container) -> String| members.iter().map(f).collect::<Vec<_>>().join(",");
    let created = crate::format::human::ago(pod.created / 1_000_000_000, now_ns / 1_000_000_000);
    let id = short(&pod.id);
    let infra_id = infra.map(|c| short(&c.id)).unwrap_or_default();
    json!({
        "Cgroup": cgroup,
        "ContainerIds": join(&|c| short(&c.id)),
        "ContainerNames": join(&|c| c.name.clone()),
        "ContainerStatuses": join(&|c| c.state.status.as_str().to_string()),
        "Created": created,
        "ID": id,
        "Id": id,
        "InfraID": infra_id,
        "InfraId": infra_id,
        "Labels": pod.config.labels,
        "Name": pod.name,
        "Namespace": "",
        "Networks": networks(infra).join(","),
        "NumberOfContainers": members.len(),
        "Status": super::status(members),
    })
}
