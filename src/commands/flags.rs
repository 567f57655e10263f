//! Flags that several commands share, defined once and flattened into
//! each command's `Args`.

use clap::Args;

use crate::registry::Platform;

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
