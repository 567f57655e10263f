//! Storage drivers: how a container's root filesystem is assembled from
//! image layers.

use std::fmt;
use std::path::PathBuf;

/// A storage driver rpod supports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driver {
    /// Overlay: the kernel's own (`mount_program` = None) or a FUSE
    /// implementation such as fuse-overlayfs.
    Overlay { mount_program: Option<PathBuf> },
    /// Plain copies of the layers: slow, works everywhere.
    Vfs,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DriverError {
    #[error("unsupported storage driver {0:?} (rpod supports \"overlay\" and \"vfs\")")]
    Unsupported(String),
}

impl Driver {
    /// Parse a driver name as `--storage-driver` and storage.conf give it.
    pub fn parse(name: &str, mount_program: Option<PathBuf>) -> Result<Driver, DriverError> {
        match name {
            "overlay" | "overlay2" => Ok(Driver::Overlay { mount_program }),
            "vfs" => Ok(Driver::Vfs),
            other => Err(DriverError::Unsupported(other.to_string())),
        }
    }

    /// Choose a driver when none is configured: native overlay when the
    /// kernel allows it, else fuse-overlayfs when installed, else vfs.
    pub fn choose(native_overlay: bool, fuse_overlayfs: Option<PathBuf>) -> Driver {
        if native_overlay {
            Driver::Overlay { mount_program: None }
        } else if let Some(p) = fuse_overlayfs {
            Driver::Overlay { mount_program: Some(p) }
        } else {
            Driver::Vfs
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Driver::Overlay { .. } => "overlay",
            Driver::Vfs => "vfs",
        }
    }
}

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names() {
        assert_eq!(Driver::parse("overlay", None).unwrap().name(), "overlay");
        assert_eq!(Driver::parse("overlay2", None).unwrap().name(), "overlay");
        assert_eq!(Driver::parse("vfs", None).unwrap(), Driver::Vfs);
        assert_eq!(Driver::parse("btrfs", None), Err(DriverError::Unsupported("btrfs".into())));
    }

    #[test]
    fn choice_order() {
        assert_eq!(
            Driver::choose(true, Some("/usr/bin/fuse-overlayfs".into())),
            Driver::Overlay { mount_program: None }
        );
        assert_eq!(
            Driver::choose(false, Some("/usr/bin/fuse-overlayfs".into())),
            Driver::Overlay { mount_program: Some("/usr/bin/fuse-overlayfs".into()) }
        );
        assert_eq!(Driver::choose(false, None), Driver::Vfs);
    }
}
