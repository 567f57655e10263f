//! Networking pieces: detected and reported (rootless networking uses
//! pasta or slirp4netns through /dev/net/tun; bridge networks netavark and
//! aardvark-dns).

use super::{find_program, Check, Env, Package};

use crate::network::{HELPER_DIRS, TUN_FIX};

pub fn checks(env: &Env) -> Vec<Check> {
    let mut out = Vec::new();
    if env.rootless {
        let found: Vec<String> = ["pasta", "slirp4netns"]
            .iter()
            .filter_map(|p| find_program(p, &HELPER_DIRS).map(|path| format!("{p} {}", path.display())))
            .collect();
        out.push(if found.is_empty() {
            Check::warning(
                "rootless_network",
                "neither pasta nor slirp4netns is installed: rootless containers can have no network beyond loopback",
                env.distro.install(&Package::same("passt")),
            )
        } else {
            Check::ok("rootless_network", found.join(", "))
        });
    }
    for (name, program) in [("netavark", "netavark"), ("aardvark_dns", "aardvark-dns")] {
        out.push(match find_program(program, &HELPER_DIRS) {
            Some(p) => Check::ok(name, p.display().to_string()),
            None => Check::warning(
                name,
                format!("{program} is not installed: bridge networks need it"),
                env.distro.install(&Package::same(program)),
            ),
        });
    }
    out.push(tun());
    out
}

fn tun() -> Check {
    let fix = TUN_FIX;
    match std::fs::OpenOptions::new().read(true).write(true).open("/dev/net/tun") {
        Ok(_) => Check::ok("tun", "/dev/net/tun can be opened"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Check::warning(
            "tun",
            "/dev/net/tun does not exist: pasta and slirp4netns need it",
            "modprobe tun (as root)",
        ),
        Err(e) => {
            let mode = std::fs::metadata("/dev/net/tun")
                .map(|m| format!(" (mode {:04o})", std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o7777))
                .unwrap_or_default();
            Check::warning(
                "tun",
                format!("/dev/net/tun cannot be opened{mode}: {e}; pasta and slirp4netns need it"),
                fix,
            )
        }
    }
}
