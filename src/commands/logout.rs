//! `rpod logout [REGISTRY]` / `--all`: remove credentials from the auth
//! file `login` writes, with Podman's messages (containers/common
//! `auth.Logout`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use clap::Args;

use crate::context::{print, Context};
use crate::registry::session::{auth_files, check_authfile, client_options, login_key, runtime};
use crate::registry::{resolve_registry, Client, RemoveOutcome};

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Registry to log out of: HOST[:PORT][/NAMESPACE/REPOSITORY] (default: the first unqualified-search registry of registries.conf)
    #[arg(value_name = "REGISTRY")]
    pub registry: Option<String>,

    /// Remove the credentials of all registries
    #[arg(short, long)]
    pub all: bool,

    /// Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: LogoutArgs) -> anyhow::Result<()> {
    check_authfile(args.authfile.as_deref())?;
    let auth = auth_files(ctx, args.authfile.as_deref());
    if args.all {
        if args.registry.is_some() {
            bail!("--all takes no arguments");
        }
        auth.remove_all()?;
        return print("Removed login credentials for all registries\n");
    }

    let config = ctx.config()?;
    let (key, registry) = login_key(args.registry.as_deref(), &config.registries)?;
    let other = match auth.remove(&key).with_context(|| format!("logging out of {key:?}"))? {
        RemoveOutcome::Removed => return print(&format!("Removed login credentials for {key}\n")),
        RemoveOutcome::NotLoggedIn => bail!("not logged into {key}"),
        RemoveOutcome::InOtherFile(path) => path,
    };

    // Credentials only in a file rpod does not write (Docker's config):
    // Podman tells to log out with the tool that wrote them, if they work.
    let creds = auth.lookup(&key).context("get credentials")?;
    let valid = creds.filter(|c| !c.username.is_empty() && !c.password.is_empty()).is_some_and(|c| {
        let check = || -> anyhow::Result<()> {
            let endpoint = resolve_registry(&registry, &config.registries, None)?;
            let client = Client::new(client_options(ctx, None));
            runtime()?.block_on(client.check_login(&endpoint, &c))?;
            Ok(())
        };
        check().inspect_err(|e| log::debug!("credentials for {key} in {}: {e:#}", other.display())).is_ok()
    });
    if !valid {
        bail!("not logged into {key}");
    }
    if is_docker_file(&other) {
        print(&format!(
            "Not logged into {key} with current tool. Existing credentials were established via docker login. Please use docker logout instead.\n"
        ))
    } else {
        print(&format!(
            "Not logged into {key} with current tool. Existing credentials are in {}: remove them there.\n",
            other.display()
        ))
    }
}

/// Docker's `config.json` or legacy `.dockercfg`.
fn is_docker_file(path: &Path) -> bool {
    matches!(path.file_name().and_then(|n| n.to_str()), Some("config.json" | ".dockercfg"))
}
