//! Flags that several commands share, defined once and flattened into
//! each command's `Args`.

use std::path::PathBuf;

use clap::Args;

use crate::registry::session::{parse_creds, Access};
use crate::registry::Platform;

/// How to reach a registry (`pull`, `push`): Podman's `--tls-verify`,
/// `--authfile`, `--cert-dir`, `--creds`.
#[derive(Debug, Args, Default)]
pub struct RegistryFlags {
    /// Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,

    /// Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,

    /// Use the certificates (*.crt) in this directory to verify the registry
    #[arg(long, value_name = "PATH")]
    pub cert_dir: Option<PathBuf>,

    /// Credentials for the registry: USERNAME[:PASSWORD] (instead of the authentication file's)
    #[arg(long, value_name = "USERNAME[:PASSWORD]")]
    pub creds: Option<String>,

    /// Docker's content trust is not used (Podman's no-op, for Docker's scripts)
    #[arg(long)]
    pub disable_content_trust: bool,
}

impl RegistryFlags {
    /// The auth file, certificates and credentials asked for.
    pub fn access(&self) -> anyhow::Result<Access> {
        Ok(Access {
            authfile: self.authfile.clone(),
            cert_dir: self.cert_dir.clone(),
            creds: self.creds.as_deref().map(parse_creds).transpose()?,
            ..Access::default()
        })
    }
}

/// Which platform's image to pull (`pull`, `create`, `run`).
#[derive(Debug, Args, Default)]
pub struct PlatformFlags {
    /// Pull the image for this platform (OS/ARCH[/VARIANT]) instead of the host's
    #[arg(long, value_name = "PLATFORM")]
    pub platform: Option<String>,

    /// Use ARCH instead of the host's architecture when pulling
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,

    /// Use OS instead of the host's operating system when pulling
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,

    /// Use VARIANT instead of the default architecture variant when pulling
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
}

impl PlatformFlags {
    /// The platform asked for, `None` when no flag was given.
    pub fn chosen(&self) -> anyhow::Result<Option<Platform>> {
        if self.platform.is_none() && self.os.is_none() && self.arch.is_none() && self.variant.is_none() {
            return Ok(None);
        }
        let base = match &self.platform {
            Some(p) => Platform::parse(p)?,
            None => Platform::host(),
        };
        Ok(Some(base.with_overrides(self.os.as_deref(), self.arch.as_deref(), self.variant.as_deref())))
    }

    /// The platform asked for, else the host's.
    pub fn or_host(&self) -> anyhow::Result<Platform> {
        Ok(self.chosen()?.unwrap_or_else(Platform::host))
    }
}
