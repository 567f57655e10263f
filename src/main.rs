//! The `rpod` binary: parse, dispatch, exit with the right code.
#![deny(unsafe_code)]

fn main() {
    rpod::sys::restore_sigpipe();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    std::process::exit(rpod::cli::main(args));
}
