//! `rpod __port-forward WORD...`: the forwarder of a rootless container's
//! published ports on user-defined networks; see
//! [`crate::network::forward`].

use std::ffi::OsString;

use crate::network::forward::{self, Listen};

/// What `rpod __port-forward` was told: the sockets to listen on.
pub struct Invocation {
    pub listens: Vec<Listen>,
}

/// `rpod __port-forward tcp:ADDR:PORT...`, as [`forward::start`] starts it.
pub fn parse(args: &[OsString]) -> Option<Invocation> {
    match args {
        [_, cmd, words @ ..] if cmd == "__port-forward" && !words.is_empty() => {
            let listens = words.iter().map(|w| Listen::parse(w.to_str()?)).collect::<Option<_>>()?;
            Some(Invocation { listens })
        }
        _ => None,
    }
}

pub fn run(i: Invocation) -> i32 {
    forward::serve(&i.listens)
}
