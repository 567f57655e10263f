//! How containers are shown: `ps` rows (Podman's field names, Docker's
//! status texts) and `inspect` documents (Docker's JSON shape).

use std::time::Duration;

use serde_json::{json, Value};

use super::record::{Container, Status};
use crate::format::human;
use crate::timefmt;

/// Docker's STATUS column: `Created`, `Up 2 seconds`, `Up 3 minutes
/// (Paused)`, `Exited (0) 7 minutes ago`.
pub fn status_text(c: &Container, now_ns: i64) -> String {
    let since = |t: i64| human::duration(Duration::from_nanos(now_ns.saturating_sub(t).max(0) as u64));
    match c.state.status {
        Status::Created => "Created".into(),
        Status::Running => match c.state.health.as_ref().filter(|_| c.config.options.healthcheck.is_some()) {
            Some(h) => format!("Up {} ({})", since(c.state.started_at), h.status),
            None => format!("Up {}", since(c.state.started_at)),
        },
        Status::Paused => format!("Up {} (Paused)", since(c.state.started_at)),
        Status::Exited if c.state.finished_at == 0 => "Created".into(),
        Status::Exited => format!("Exited ({}) {} ago", c.state.exit_code, since(c.state.finished_at)),
    }
}

/// The command as `ps` shows it: path and arguments, cut at 17 characters
/// unless `no_trunc` (Podman).
pub fn command_text(c: &Container, no_trunc: bool) -> String {
    let mut parts = vec![c.config.path.clone()];
    parts.extend(c.config.args.iter().cloned());
    let cmd = parts.join(" ");
    if !no_trunc && cmd.chars().count() > 17 {
        let cut: String = cmd.chars().take(17).collect();
        return format!("{cut}...");
    }
    cmd
}

fn time_text(ns: i64) -> String {
    if ns == 0 {
        return "0001-01-01T00:00:00Z".into();
    }
    super::logfile::timestamp(ns)
}

/// The image name `ps` shows: the full reference of the name used.
pub fn image_text(c: &Container) -> String {
    c.config.image_name.clone()
}

/// One `ps` row for templates: the fields of Podman's `psReporter`
/// (`.Created` and `.CreatedAt` a Go time, `.RunningFor` as
/// `.CreatedHuman`).
pub fn ps_row(c: &Container, now_ns: i64, no_trunc: bool, size: Option<(u64, u64)>) -> Value {
    let id = if no_trunc { c.id.clone() } else { c.short_id().to_string() };
    let ago = human::ago(c.created / 1_000_000_000, now_ns / 1_000_000_000);
    let exited = c.state.status == Status::Exited;
    json!({
        "AutoRemove": c.config.auto_remove,
        "Command": command_text(c, no_trunc),
        "CreatedAt": timefmt::go_time_string(c.created),
        "CreatedHuman": ago,
        "Created": timefmt::go_time_string(c.created),
        "Exited": exited,
        "ExitedAt": if exited { c.state.finished_at / 1_000_000_000 } else { 0 },
        "ExitCode": c.state.exit_code,
        "ID": id,
        "Image": image_text(c),
        "ImageID": c.image_id,
        "Labels": c.config.labels,
        "Mounts": c.config.mounts.iter().map(|m| m.destination.clone()).collect::<Vec<_>>(),
        "Names": c.name,
        "Networks": crate::network::filter::bridge_names(&c.config.network.text()),
        "Pid": c.state.pid,
        "Pod": c.config.pod.as_deref().map(|p| if no_trunc { p } else { &p[..p.len().min(12)] }).unwrap_or_default(),
        "PodName": c.config.pod_name,
        "Ports": crate::network::ports::ps_text(&c.config.ports),
        "RestartCount": c.state.restart_count,
        "RunningFor": ago,
        "Size": size.map(|(rw, rootfs)| format!("{} (virtual {})", human::size(rw), human::size(rootfs))).unwrap_or_default(),
        "StartedAt": c.state.started_at / 1_000_000_000,
        "State": c.state.status.as_str(),
        "Status": status_text(c, now_ns),
    })
}

/// Unix seconds of a time kept in nanoseconds, with Go's zero time
/// (`0001-01-01`, -62135596800) for never, as Podman prints times that
/// never happened.
fn unix_or_go_zero(ns: i64) -> i64 {
    const GO_ZERO_TIME_UNIX: i64 = -62_135_596_800;
    if ns == 0 {
        GO_ZERO_TIME_UNIX
    } else {
        ns.div_euclid(1_000_000_000)
    }
}

/// One container of `ps --format json`: Podman 4.3's `ListContainer`, in
/// its field order, with `Created` (Unix seconds) last and `CreatedAt` and
/// `Status` as its `ps` prints them. Full ID and command, `Names` a list;
/// `size` is (rw bytes, rootfs bytes) with `--size`.
pub fn ps_json(c: &Container, now_ns: i64, size: Option<(u64, u64)>) -> Value {
    let mut command = vec![c.config.path.clone()];
    command.extend(c.config.args.iter().cloned());
    let exited = c.state.status == Status::Exited && c.state.finished_at != 0;
    json!({
        "AutoRemove": c.config.auto_remove,
        "Command": command,
        "CreatedAt": human::ago(c.created / 1_000_000_000, now_ns / 1_000_000_000),
        "Exited": exited,
        "ExitedAt": unix_or_go_zero(c.state.finished_at),
        "ExitCode": c.state.exit_code,
        "Id": c.id,
        "Image": image_text(c),
        "ImageID": c.image_id,
        "IsInfra": false,
        "Labels": c.config.labels,
        "Mounts": c.config.mounts.iter().map(|m| m.destination.clone()).collect::<Vec<_>>(),
        "Names": [c.name],
        "Namespaces": {},
        "Networks": crate::network::filter::bridge_names(&c.config.network.text()),
        "Pid": c.state.pid,
        "Pod": c.config.pod.clone().unwrap_or_default(),
        "PodName": c.config.pod_name,
        "Ports": crate::network::ports::ps_json(&c.config.ports),
        "Size": size.map(|(rw, rootfs)| json!({"rootFsSize": rootfs, "rwSize": rw})),
        "StartedAt": unix_or_go_zero(c.state.started_at),
        "State": c.state.status.as_str(),
        "Status": status_text(c, now_ns),
        "Created": c.created.div_euclid(1_000_000_000),
    })
}

/// The namespaces of a process, as Podman's `ps --ns` lists them: the
/// inode numbers of `/proc/PID/ns/*` by Podman's keys (`{}` without a
/// process).
pub fn namespaces(pid: i32) -> Value {
    let mut map = serde_json::Map::new();
    if pid <= 0 {
        return Value::Object(map);
    }
    for (key, file) in [
        ("Cgroup", "cgroup"),
        ("IPC", "ipc"),
        ("MNT", "mnt"),
        ("NET", "net"),
        ("PIDNS", "pid"),
        ("User", "user"),
        ("UTS", "uts"),
    ] {
        let Ok(link) = std::fs::read_link(format!("/proc/{pid}/ns/{file}")) else { continue };
        // `ipc:[4026531839]`
        let text = link.to_string_lossy();
        let inode = text.split_once('[').map_or("", |(_, r)| r.trim_end_matches(']'));
        map.insert(key.into(), Value::from(inode));
    }
    Value::Object(map)
}

/// `inspect` of a container, in Docker's shape (with Podman's additions
/// where Podman has them).
pub fn inspect(c: &Container, log_path: &str, rootfs: &str, upper: &str, work: &str, lowers: &[String]) -> Value {
    let s = &c.state;
    let conf = &c.config;
    let r = &conf.resources;
    let mut cmd_env = conf.env.clone();
    cmd_env.sort_by_key(|e| e.split('=').next().unwrap_or_default().to_string());
    cmd_env.dedup();
    let go_zero = time_text(0);
    let signal = super::lifecycle::signal_number(&conf.stop_signal).unwrap_or(15);
    let mut doc = json!({
        "Id": c.id,
        "Created": time_text(c.created),
        "Path": conf.path,
        "Args": conf.args,
        "State": {
            "OciVersion": rpod_runtime::oci_spec::runtime::Spec::default().version(),
            "Status": s.status.as_str(),
            "Running": s.status == Status::Running || s.status == Status::Paused,
            "Paused": s.status == Status::Paused,
            "Restarting": false,
            "OOMKilled": s.oom_killed,
            "Dead": false,
            "Pid": s.pid,
            "ConmonPid": s.monitor_pid,
            "ExitCode": s.exit_code,
            "Error": s.error,
            "StartedAt": time_text(s.started_at),
            "FinishedAt": time_text(s.finished_at),
            "Health": match (&conf.options.healthcheck, &s.health) {
                (Some(_), Some(h)) => h.to_docker(),
                (Some(_), None) => super::health::Health::starting().to_docker(),
                // Podman's empty health when there is no healthcheck.
                (None, _) => json!({"Status": "", "FailingStreak": 0, "Log": null}),
            },
            "CheckpointedAt": go_zero,
            "RestoredAt": go_zero,
        },
        "Image": c.image_id,
        "ImageDigest": conf.image_digest,
        "ImageName": conf.image_name,
        "Rootfs": conf.rootfs.clone().unwrap_or_default(),
        "Pod": conf.pod.clone().unwrap_or_default(),
        "StaticDir": "",
        "OCIRuntime": conf.runtime.clone().unwrap_or_else(|| "rpod".into()),
        "ConmonPidFile": conf.options.conmon_pidfile.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
        "PidFile": conf.options.pidfile.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
        "Name": c.name,
        "RestartCount": s.restart_count,
        "Driver": if conf.storage_driver.is_empty() { "overlay" } else { conf.storage_driver.as_str() },
        "LogPath": log_path,
        "LogTag": "",
        "MountLabel": "",
        "ProcessLabel": "",
        "AppArmorProfile": "",
        "EffectiveCaps": conf.capabilities,
        "BoundingCaps": conf.capabilities,
        "ExecIDs": Vec::<String>::new(),
        "Dependencies": conf.options.depends_on(),
        "Namespace": "",
        "IsInfra": false,
        "IsService": false,
        "Config": {
            "Hostname": conf.hostname,
            "Domainname": "",
            "User": conf.user,
            // `create -a` (Docker's); Podman's false otherwise.
            "AttachStdin": conf.options.attach.iter().any(|a| a == "stdin"),
            "AttachStdout": conf.options.attach.iter().any(|a| a == "stdout"),
            "AttachStderr": conf.options.attach.iter().any(|a| a == "stderr"),
            "Tty": conf.tty,
            "OpenStdin": conf.open_stdin,
            "StdinOnce": false,
            "Env": conf.env,
            "Cmd": conf.cmd,
            "Image": conf.image_name,
            "Volumes": null,
            "WorkingDir": conf.working_dir,
            // Podman 4.3's shapes: the entrypoint one string, no labels null,
            // the stop signal a number.
            "Entrypoint": conf.entrypoint.join(" "),
            "OnBuild": null,
            "Labels": if conf.labels.is_empty() { Value::Null } else { json!(conf.labels) },
            "StopSignal": signal,
            "StopTimeout": conf.stop_timeout,
            "CreateCommand": conf.create_command,
            "Timeout": 0,
            "Passwd": !conf.options.no_passwd,
            "sdNotifyMode": "container",
            "Healthcheck": conf.options.healthcheck.as_ref().map_or(Value::Null, |h| h.to_docker()),
            "HealthcheckOnFailureAction": conf.options.healthcheck.as_ref().map_or("none", |h| match h.on_failure {
                super::health::OnFailure::None => "none",
                super::health::OnFailure::Kill => "kill",
                super::health::OnFailure::Restart => "restart",
                super::health::OnFailure::Stop => "stop",
            }),
        },
        "HostConfig": {
            "AutoRemove": conf.auto_remove,
            "Init": conf.init,
            "OomScoreAdj": conf.oom_score_adj.unwrap_or(0),
            "Runtime": conf.runtime.clone().unwrap_or_else(|| "rpod".into()),
            // Podman's: its pod's (container:INFRA), one of its own
            // (keep-id, --uidmap), else none.
            "UsernsMode": match &conf.options.userns {
                super::options::NsMode::Container(_) => conf.options.userns.text(),
                _ if conf.keep_id.is_some() || conf.options.id_maps.is_some() => "private".into(),
                _ => String::new(),
            },
            "CapAdd": conf.cap_add,
            "CapDrop": conf.cap_drop,
            "LogConfig": {
                "Type": conf.log_driver.as_str(),
                "Config": if conf.log_max_size > 0 { json!({"max-size": conf.log_max_size.to_string()}) } else { json!({}) },
                "Path": log_path,
                "Tag": "",
                "Size": if conf.log_max_size > 0 { human::size(conf.log_max_size) } else { "0B".into() },
            },
            "Binds": Vec::<String>::new(),
            "CgroupMode": if conf.options.cgroupns == super::options::NsMode::Host { "host" } else { "private" },
            "ContainerIDFile": "",
            "VolumeDriver": "",
            "VolumesFrom": null,
            "Dns": conf.options.names.dns,
            "DnsOptions": conf.options.names.dns_option,
            "DnsSearch": conf.options.names.dns_search,
            "ExtraHosts": conf.options.names.add_host,
            "Cgroup": "",
            "Cgroups": conf.options.cgroups.inspect_text(),
            "Links": null,
            "PublishAllPorts": conf.publish_all,
            "Tmpfs": if conf.options.read_only_tmpfs {
                json!({"/tmp": "rw,rprivate,nosuid,nodev,mode=1777", "/var/tmp": "rw,rprivate,nosuid,nodev,mode=1777", "/run": "rw,rprivate,nosuid,nodev,mode=1777"})
            } else {
                json!({})
            },
            "ConsoleSize": [0, 0],
            "Isolation": "",
            // cgroup v2's weight back to Docker's shares (the inverse of
            // 1 + (shares - 2) * 9999 / 262142).
            "CpuShares": r.cpu_weight.map_or(0, |w| (w.saturating_sub(1)) * 262_142 / 9_999 + 2),
            "CgroupParent": conf.options.cgroup_parent.clone().unwrap_or_default(),
            "BlkioWeight": r.io_weight.map_or(0, |w| ((w.saturating_sub(1)) * 990 + 4_999) / 9_999 + 10),
            "BlkioWeightDevice": weight_devices(&r.io_weight_device),
            "BlkioDeviceReadBps": io_rates(&r.io_max, |m| m.rbps),
            "BlkioDeviceWriteBps": io_rates(&r.io_max, |m| m.wbps),
            "BlkioDeviceReadIOps": io_rates(&r.io_max, |m| m.riops),
            "BlkioDeviceWriteIOps": io_rates(&r.io_max, |m| m.wiops),
            "CpuRealtimePeriod": 0,
            "CpuRealtimeRuntime": 0,
            "DiskQuota": 0,
            "KernelMemory": 0,
            "MemorySwappiness": 0,
            "OomKillDisable": false,
            "CpuCount": 0,
            "CpuPercent": 0,
            "IOMaximumIOps": 0,
            "IOMaximumBandwidth": 0,
            "CgroupConf": if r.unified.is_empty() { Value::Null } else { json!(r.unified) },
            "NetworkMode": conf.network.inspect_name(),
            "PortBindings": crate::network::ports::inspect_map(&conf.ports, &conf.exposed),
            "Privileged": conf.privileged,
            "ReadonlyRootfs": conf.read_only,
            "RestartPolicy": {
                "Name": if conf.restart.name.is_empty() { "no" } else { conf.restart.name.as_str() },
                "MaximumRetryCount": conf.restart.max_retries,
            },
            "SecurityOpt": conf.security_opt,
            "Memory": r.memory_max.unwrap_or(0),
            "MemoryReservation": r.memory_low.unwrap_or(0),
            "MemorySwap": match (r.memory_max, r.memory_swap_max) {
                (_, Some(-1)) => -1,
                (Some(m), Some(s)) => m + s,
                _ => 0,
            },
            "NanoCpus": match r.cpu_max {
                Some((Some(q), p)) if p > 0 => q * 1_000_000_000 / p,
                _ => 0,
            },
            "CpuQuota": r.cpu_max.and_then(|(q, _)| q).unwrap_or(0),
            "CpuPeriod": r.cpu_max.map_or(0, |(_, p)| p),
            "CpuWeight": r.cpu_weight.unwrap_or(0),
            "CpusetCpus": r.cpuset_cpus.clone().unwrap_or_default(),
            "CpusetMems": r.cpuset_mems.clone().unwrap_or_default(),
            "PidsLimit": r.pids_max.unwrap_or(0),
            "CgroupManager": "cgroupfs",
            "CgroupPath": s.cgroup,
        },
        "Mounts": Vec::<Value>::new(),
        "GraphDriver": if conf.storage_driver == "vfs" {
            json!({ "Name": "vfs", "Data": null })
        } else {
            json!({
                "Name": "overlay",
                "Data": {
                    "LowerDir": lowers.join(":"),
                    "MergedDir": rootfs,
                    "UpperDir": upper,
                    "WorkDir": work,
                },
            })
        },
        "NetworkSettings": {
            "EndpointID": "",
            "Gateway": "",
            "IPPrefixLen": 0,
            "IPv6Gateway": "",
            "GlobalIPv6Address": "",
            "GlobalIPv6PrefixLen": 0,
            "MacAddress": "",
            "LinkLocalIPv6Address": "",
            "LinkLocalIPv6PrefixLen": 0,
            "Bridge": "",
            "SandboxID": "",
            "HairpinMode": false,
            "Ports": crate::network::ports::inspect_map(&conf.ports, &conf.exposed),
            "SandboxKey": if s.pid > 0 && conf.network != crate::network::Mode::Host { format!("/proc/{}/ns/net", s.pid) } else { String::new() },
            "IPAddress": "",
            "Networks": {},
        },
    });
    add_options(&mut doc, &conf.options);
    // Podman's omitempty: the maps of a user namespace of its own (or of
    // its pod's), CONTAINER:FROM:AMOUNT.
    if let Some(m) = super::userns::shown_maps(conf) {
        let text = |maps: &[rpod_runtime::userns::IdMap]| {
            maps.iter().map(|m| format!("{}:{}:{}", m.container_id, m.host_id, m.size)).collect::<Vec<_>>()
        };
        doc["HostConfig"]["IDMappings"] = json!({"UidMap": text(&m.uids), "GidMap": text(&m.gids)});
    }
    doc
}

/// The inspect keys of [`super::options::Options`] (Docker's names).
fn add_options(doc: &mut Value, o: &super::options::Options) {
    let config = json!({
        "Annotations": o.annotations,
        "Umask": format!("{:04o}", o.umask.unwrap_or(0o022)),
        "Timezone": o.tz.clone().unwrap_or_default(),
    });
    let mut config = config;
    // Podman lists the mounted secrets (omitted when there are none).
    let mounted: Vec<Value> = o
        .secrets
        .iter()
        .filter(|s| s.kind == crate::secret::usage::Kind::Mount)
        .map(|s| json!({"Name": s.name, "ID": s.id, "UID": s.uid, "GID": s.gid, "Mode": s.mode}))
        .collect();
    if !mounted.is_empty() {
        config["Secrets"] = Value::Array(mounted);
    }
    // Podman's omitempty: shown in systemd mode only.
    if o.systemd {
        config["SystemdMode"] = Value::Bool(true);
    }
    let host = json!({
        "PidMode": o.pid.text(),
        "IpcMode": o.ipc.text(),
        "UTSMode": o.uts.text(),
        "CgroupnsMode": o.cgroupns.text(),
        "ShmSize": o.shm_size.unwrap_or(64 << 20),
        "GroupAdd": o.group_add,
        "Sysctls": o.sysctls,
        "Ulimits": o.ulimits.iter().map(|(n, s, h)| json!({"Name": n, "Soft": s, "Hard": h})).collect::<Vec<_>>(),
        "Devices": o.devices.iter().map(|d| json!({
            "PathOnHost": d.host, "PathInContainer": d.container, "CgroupPermissions": d.permissions,
        })).collect::<Vec<_>>(),
    });
    for (key, add) in [("Config", config), ("HostConfig", host)] {
        if let (Some(to), Value::Object(from)) = (doc[key].as_object_mut(), add) {
            to.extend(from);
        }
    }
}

/// Docker's `BlkioWeightDevice` (null when none).
fn weight_devices(list: &[rpod_runtime::cgroup_manager::DeviceWeight]) -> Value {
    if list.is_empty() {
        return Value::Null;
    }
    let weight = |w: u64| ((w.saturating_sub(1)) * 990 + 4_999) / 9_999 + 10;
    list.iter().map(|d| json!({ "Path": d.path, "Weight": weight(d.weight) })).collect()
}

/// Docker's `BlkioDevice*Bps|IOps` lists (null when none).
fn io_rates(
    list: &[rpod_runtime::cgroup_manager::IoMax],
    pick: impl Fn(&rpod_runtime::cgroup_manager::IoMax) -> Option<u64>,
) -> Value {
    let v: Vec<Value> = list.iter().filter_map(|m| pick(m).map(|r| json!({ "Path": m.path, "Rate": r }))).collect();
    if v.is_empty() {
        Value::Null
    } else {
        Value::Array(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::record::{ContainerConfig, State};

    fn ctr(status: Status, started: i64, finished: i64, code: i32) -> Container {
        Container {
            id: "a".repeat(64),
            name: "n".into(),
            image_id: "b".repeat(64),
            created: 0,
            config: ContainerConfig {
                path: "sleep".into(),
                args: vec!["1000000000000000".into()],
                ..Default::default()
            },
            state: State { status, started_at: started, finished_at: finished, exit_code: code, ..Default::default() },
        }
    }

    #[test]
    fn docker_status_texts() {
        let s = 1_000_000_000i64;
        let now = 1000 * s;
        assert_eq!(status_text(&ctr(Status::Created, 0, 0, 0), now), "Created");
        assert_eq!(status_text(&ctr(Status::Running, now - 2 * s, 0, 0), now), "Up 2 seconds");
        assert_eq!(status_text(&ctr(Status::Paused, now - 180 * s, 0, 0), now), "Up 3 minutes (Paused)");
        assert_eq!(status_text(&ctr(Status::Exited, 1, now - 420 * s, 0), now), "Exited (0) 7 minutes ago");
        assert_eq!(status_text(&ctr(Status::Exited, 1, now - s / 2, 137), now), "Exited (137) Less than a second ago");
    }

    #[test]
    fn ps_times_as_podman_prints_them_in_templates() {
        let s = 1_000_000_000i64;
        let mut c = ctr(Status::Created, 0, 0, 0);
        c.created = 1_796_613_358 * s + 123_456_789;
        let row = ps_row(&c, c.created + 300 * s, false, None);
        assert_eq!(row["CreatedAt"], "2026-12-07 03:15:58.123456789 +0000 UTC");
        assert_eq!(row["Created"], "2026-12-07 03:15:58.123456789 +0000 UTC");
        assert_eq!(row["RunningFor"], "5 minutes ago");
        assert_eq!(row["CreatedHuman"], "5 minutes ago");
    }

    #[test]
    fn ps_json_is_podmans_list_container() {
        let s = 1_000_000_000i64;
        let mut c = ctr(Status::Exited, 1_700_000_000 * s, 1_700_000_060 * s, 3);
        c.created = 1_699_999_990 * s;
        c.config.args = vec!["-c".into(), "i=0; while true; do i=$((i+1)); done".into()];
        c.config.path = "sh".into();
        let j = ps_json(&c, 1_700_000_360 * s, None);
        let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "AutoRemove",
                "Command",
                "CreatedAt",
                "Exited",
                "ExitedAt",
                "ExitCode",
                "Id",
                "Image",
                "ImageID",
                "IsInfra",
                "Labels",
                "Mounts",
                "Names",
                "Namespaces",
                "Networks",
                "Pid",
                "Pod",
                "PodName",
                "Ports",
                "Size",
                "StartedAt",
                "State",
                "Status",
                "Created"
            ]
        );
        assert_eq!(j["Command"], json!(["sh", "-c", "i=0; while true; do i=$((i+1)); done"]));
        assert_eq!(j["Id"], "a".repeat(64));
        assert_eq!(j["Names"], json!(["n"]));
        assert_eq!(j["Created"], 1_699_999_990);
        assert_eq!(j["CreatedAt"], "6 minutes ago");
        assert_eq!(j["StartedAt"], 1_700_000_000);
        assert_eq!(j["ExitedAt"], 1_700_000_060);
        assert_eq!(j["Exited"], true);
        assert_eq!(j["ExitCode"], 3);
        assert_eq!(j["State"], "exited");
        assert_eq!(j["Status"], "Exited (3) 5 minutes ago");
        assert_eq!(j["Size"], Value::Null);
        assert_eq!(j["Namespaces"], json!({}));
        let j = ps_json(&ctr(Status::Created, 0, 0, 0), s, Some((10, 20)));
        assert_eq!((j["StartedAt"].as_i64(), j["ExitedAt"].as_i64()), (Some(-62_135_596_800), Some(-62_135_596_800)));
        assert_eq!(j["Exited"], false);
        assert_eq!(j["Size"], json!({"rootFsSize": 20, "rwSize": 10}));
    }

    #[test]
    fn command_is_cut_like_podman() {
        let c = ctr(Status::Created, 0, 0, 0);
        assert_eq!(command_text(&c, false), "sleep 10000000000...");
        assert_eq!(command_text(&c, true), "sleep 1000000000000000");
    }
}
