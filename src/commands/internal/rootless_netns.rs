//! `rpod __rootless-netns DIR`: the holder of the rootless network
//! namespace; see [`crate::network::rootless_netns`].

use std::ffi::OsString;
use std::path::PathBuf;

/// What `rpod __rootless-netns` was told: the namespace's directory.
pub struct Invocation {
    pub dir: PathBuf,
}

/// `rpod __rootless-netns DIR`, as [`crate::network::rootless_netns`] starts it.
pub fn parse(args: &[OsString]) -> Option<Invocation> {
    match args {
        [_, cmd, dir] if cmd == "__rootless-netns" => Some(Invocation { dir: PathBuf::from(dir) }),
        _ => None,
    }
}

pub fn run(i: Invocation) -> i32 {
    crate::network::rootless_netns::hold(&i.dir)
}
