//! What the registry commands (`login`, `logout`, `search`, `push`) share:
//! the auth files for an `--authfile`, the registry a `login`/`logout`
//! argument names, the client's TLS settings and a small runtime for the
//! registry client.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context as _};

use super::auth::normalize_login_key;
use super::{AuthEnv, AuthFiles, ClientOptions, Credentials};
use crate::config::RegistriesConf;
use crate::context::Context;

/// The key to store credentials under and the registry (`host[:port]`) to
/// contact, for a `login`/`logout` argument; without one, the first
/// unqualified-search registry (as Podman).
pub fn login_key(arg: Option<&str>, conf: &RegistriesConf) -> anyhow::Result<(String, String)> {
    let key = match arg {
        Some(a) => normalize_login_key(a)?,
        None => {
            let first = conf
                .search_registries()
                .first()
                .ok_or_else(|| anyhow!("no registries found in registries.conf, a registry must be provided"))?;
            log::debug!("registry not specified, default to the first registry {first:?} from registries.conf");
            normalize_login_key(first)?
        }
    };
    let registry = key.split('/').next().unwrap_or_default().to_string();
    Ok((key, registry))
}

/// How to reach registries beyond registries.conf: Podman's `--authfile`,
/// `--cert-dir` and `--creds` (the flags of [`crate::commands::flags::RegistryFlags`]).
#[derive(Debug, Clone, Default)]
pub struct Access {
    pub authfile: Option<PathBuf>,
    pub cert_dir: Option<PathBuf>,
    /// `--creds USER[:PASSWORD]`: used instead of the auth files.
    pub creds: Option<Credentials>,
    /// `build --retry`: retries of a failing request (the client's default otherwise).
    pub retries: Option<u32>,
    /// `build --retry-delay`: a fixed delay between retries.
    pub retry_delay: Option<std::time::Duration>,
}

/// Podman's `--creds USERNAME[:PASSWORD]`.
pub fn parse_creds(s: &str) -> anyhow::Result<Credentials> {
    let (u, p) = s.split_once(':').unwrap_or((s, ""));
    if u.is_empty() {
        anyhow::bail!("--creds: expected USERNAME[:PASSWORD]");
    }
    Ok(Credentials::new(u, p))
}

/// The user's auth files, `--authfile` replacing `$REGISTRY_AUTH_FILE`.
pub fn auth_files(ctx: &Context, authfile: Option<&Path>) -> AuthFiles {
    let mut env = AuthEnv::from_process(ctx.user_uid());
    if let Some(f) = authfile {
        env.registry_auth_file = Some(f.to_path_buf());
    }
    AuthFiles::from_env(&env)
}

/// Podman's `CheckAuthFile` (logout, search): a given `--authfile` must exist.
pub fn check_authfile(authfile: Option<&Path>) -> anyhow::Result<()> {
    if let Some(f) = authfile {
        std::fs::metadata(f).with_context(|| format!("checking authfile: stat {}", f.display()))?;
    }
    Ok(())
}

/// The client's TLS settings: `--cert-dir`, else the `certs.d` search.
pub fn client_options(ctx: &Context, cert_dir: Option<PathBuf>) -> ClientOptions {
    ClientOptions { cert_dir, ..ClientOptions::system(ctx.rootless()) }
}

/// A single-threaded runtime for the few requests of login, logout, search.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the registry client")
}
