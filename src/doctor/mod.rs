//! `rpod system doctor`: checks the machine for what rootless (and root)
//! containers need, before something fails. Each check says what it found
//! and, when it is not ok, the command or file change that fixes it, for
//! this distribution when it can tell (`/etc/os-release`).
//!
//! One file per group: [`identity`] (user namespaces, subordinate IDs,
//! the setuid helpers, the pause process), [`host`] (run directory,
//! cgroups), [`storage`] (driver, file system, space, the store itself),
//! [`network`] and [`registries`]. The JSON shape ([`Report`]) is
//! documented in the README and kept stable: checks are only added.

mod host;
mod identity;
mod network;
mod registries;
pub(crate) mod storage;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rpod_runtime::overlay_probe::Outcome;
use serde::Serialize;

use crate::context::Context;

/// How a check came out. `Fail`: something rpod is asked to do cannot
/// work; `Warning`: rpod works, but less well or not for every image or
/// option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warning,
    Fail,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Fail => "fail",
        }
    }
}

/// One check: its stable name, the outcome, what was found and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: Status,
    pub found: String,
    /// The command or file change that fixes it (`None` when ok).
    pub fix: Option<String>,
}

impl Check {
    pub fn ok(name: &'static str, found: impl Into<String>) -> Check {
        Check { name, status: Status::Ok, found: found.into(), fix: None }
    }
    pub fn warning(name: &'static str, found: impl Into<String>, fix: impl Into<String>) -> Check {
        Check { name, status: Status::Warning, found: found.into(), fix: Some(fix.into()) }
    }
    pub fn fail(name: &'static str, found: impl Into<String>, fix: impl Into<String>) -> Check {
        Check { name, status: Status::Fail, found: found.into(), fix: Some(fix.into()) }
    }
}

/// The whole report (`--format json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub rootless: bool,
    pub user: String,
    pub uid: u32,
    /// `ID` of `/etc/os-release` (empty when unknown).
    pub distribution: String,
    /// The worst status of all checks.
    pub status: Status,
    pub checks: Vec<Check>,
}

/// The family of distribution whose package names and tools the fixes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distro {
    Debian,
    Fedora,
    Arch,
    Suse,
    Other,
}

/// A package by distribution family: Debian/Ubuntu, Fedora, Arch, openSUSE.
pub struct Package {
    pub debian: &'static str,
    pub fedora: &'static str,
    pub arch: &'static str,
    pub suse: &'static str,
}

impl Package {
    /// The same name everywhere.
    pub const fn same(name: &'static str) -> Package {
        Package { debian: name, fedora: name, arch: name, suse: name }
    }
}

pub const UIDMAP: Package = Package { debian: "uidmap", fedora: "shadow-utils", arch: "shadow", suse: "shadow" };

impl Distro {
    /// From the fields of `/etc/os-release`: `ID`, else the words of `ID_LIKE`.
    pub fn detect(os_release: &HashMap<String, String>) -> Distro {
        let id = os_release.get("ID").map(String::as_str).unwrap_or("");
        let like = os_release.get("ID_LIKE").map(String::as_str).unwrap_or("");
        std::iter::once(id)
            .chain(like.split_whitespace())
            .find_map(|w| match w {
                "debian" | "ubuntu" => Some(Distro::Debian),
                "fedora" | "rhel" | "centos" => Some(Distro::Fedora),
                "arch" => Some(Distro::Arch),
                "opensuse" | "suse" | "sles" | "opensuse-tumbleweed" | "opensuse-leap" => Some(Distro::Suse),
                _ => None,
            })
            .unwrap_or(Distro::Other)
    }

    /// The command that installs `pkg` (as root).
    pub fn install(self, pkg: &Package) -> String {
        match self {
            Distro::Debian => format!("apt-get install {}", pkg.debian),
            Distro::Fedora => format!("dnf install {}", pkg.fedora),
            Distro::Arch => format!("pacman -S {}", pkg.arch),
            Distro::Suse => format!("zypper install {}", pkg.suse),
            Distro::Other => {
                format!("install the package that provides it ({} on Debian, {} on Fedora)", pkg.debian, pkg.fedora)
            }
        }
    }

    /// The command that reinstalls `pkg` (restoring its files' modes).
    pub fn reinstall(self, pkg: &Package) -> String {
        match self {
            Distro::Debian => format!("apt-get install --reinstall {}", pkg.debian),
            Distro::Fedora => format!("dnf reinstall {}", pkg.fedora),
            Distro::Arch => format!("pacman -S {}", pkg.arch),
            Distro::Suse => format!("zypper install --force {}", pkg.suse),
            Distro::Other => self.install(pkg).replacen("install", "reinstall", 1),
        }
    }

    /// How to add kernel command-line arguments for good.
    pub fn kernel_args(self, args: &str) -> String {
        match self {
            Distro::Fedora => format!("grubby --update-kernel=ALL --args=\"{args}\", then reboot"),
            _ => format!("add \"{args}\" to GRUB_CMDLINE_LINUX in /etc/default/grub, run update-grub (grub2-mkconfig -o /boot/grub2/grub.cfg on openSUSE, grub-mkconfig -o /boot/grub/grub.cfg on Arch), then reboot"),
        }
    }
}

/// What the checks share.
pub struct Env<'a> {
    pub ctx: &'a Context,
    pub rootless: bool,
    pub uid: u32,
    pub gid: u32,
    pub user: String,
    pub distro: Distro,
    probe: std::cell::OnceCell<Outcome>,
}

impl Env<'_> {
    /// Whether this caller can mount native overlay (in a user namespace
    /// when rootless), tried once in a throw-away child: its failing step
    /// also tells whether user namespaces work at all.
    pub fn overlay_probe(&self) -> Outcome {
        *self.probe.get_or_init(|| match tempfile::Builder::new().prefix("rpod-doctor-").tempdir() {
            Ok(dir) => rpod_runtime::overlay_probe::probe(dir.path(), self.rootless),
            Err(e) => Outcome::Unsupported { step: "fork", errno: e.raw_os_error().unwrap_or(0) },
        })
    }
}

/// The first `program` on `PATH`, else in one of `dirs`.
pub fn find_program(program: &str, dirs: &[&str]) -> Option<PathBuf> {
    crate::driver::find_in_path(program)
        .or_else(|| dirs.iter().map(|d| Path::new(d).join(program)).find(|p| p.is_file()))
}

/// Every check that applies to this caller, in a fixed order.
pub fn run(ctx: &Context) -> Report {
    let rootless = ctx.rootless();
    let uid = nix::unistd::getuid().as_raw();
    let gid = nix::unistd::getgid().as_raw();
    let user = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.name)
        .unwrap_or_else(|| uid.to_string());
    let os_release = rpod_runtime::host::os_release();
    let env = Env {
        ctx,
        rootless,
        uid,
        gid,
        user: user.clone(),
        distro: Distro::detect(&os_release),
        probe: Default::default(),
    };
    let mut checks = Vec::new();
    if rootless {
        checks.extend(identity::checks(&env));
        checks.extend(host::runtime_dir(&env));
    }
    checks.extend(host::cgroups(&env));
    checks.extend(storage::checks(&env));
    checks.extend(network::checks(&env));
    checks.extend(registries::checks(&env));
    let status = checks.iter().map(|c| c.status).max().unwrap_or(Status::Ok);
    Report { rootless, user, uid, distribution: os_release.get("ID").cloned().unwrap_or_default(), status, checks }
}

/// The text report: one line per check (status, name, what was found),
/// and the fix on the line below when there is one.
pub fn render_text(report: &Report) -> String {
    let width = report.checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in &report.checks {
        out.push_str(&format!("{:<7}  {:<width$}  {}\n", c.status.as_str(), c.name, c.found));
        if let Some(fix) = &c.fix {
            out.push_str(&format!("{:<7}  {:<width$}  fix: {fix}\n", "", ""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn distributions_and_their_package_commands() {
        assert_eq!(Distro::detect(&release(&[("ID", "debian")])), Distro::Debian);
        assert_eq!(Distro::detect(&release(&[("ID", "linuxmint"), ("ID_LIKE", "ubuntu debian")])), Distro::Debian);
        assert_eq!(Distro::detect(&release(&[("ID", "fedora")])), Distro::Fedora);
        assert_eq!(Distro::detect(&release(&[("ID", "rocky"), ("ID_LIKE", "rhel centos fedora")])), Distro::Fedora);
        assert_eq!(Distro::detect(&release(&[("ID", "arch")])), Distro::Arch);
        assert_eq!(
            Distro::detect(&release(&[("ID", "opensuse-tumbleweed"), ("ID_LIKE", "opensuse suse")])),
            Distro::Suse
        );
        assert_eq!(Distro::detect(&release(&[])), Distro::Other);
        assert_eq!(Distro::Debian.install(&UIDMAP), "apt-get install uidmap");
        assert_eq!(Distro::Fedora.reinstall(&UIDMAP), "dnf reinstall shadow-utils");
        assert_eq!(Distro::Arch.install(&UIDMAP), "pacman -S shadow");
        assert_eq!(Distro::Suse.install(&Package::same("passt")), "zypper install passt");
    }

    #[test]
    fn text_lines_carry_status_name_found_and_fix() {
        let report = Report {
            rootless: true,
            user: "u".into(),
            uid: 1000,
            distribution: "debian".into(),
            status: Status::Fail,
            checks: vec![Check::ok("subuid", "u:100000:65536"), Check::fail("newuidmap", "not setuid", "chmod u+s x")],
        };
        assert_eq!(
            render_text(&report),
            "ok       subuid     u:100000:65536\nfail     newuidmap  not setuid\n                    fix: chmod u+s x\n"
        );
        assert_eq!(serde_json::to_value(&report.checks[0]).unwrap()["fix"], serde_json::Value::Null);
        assert_eq!(serde_json::to_value(&report.checks[1]).unwrap()["status"], "fail");
    }
}
