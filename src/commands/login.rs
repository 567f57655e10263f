//! `rpod login [REGISTRY]`: check credentials against a registry and store
//! them in Podman's auth file (`$XDG_RUNTIME_DIR/containers/auth.json`
//! rootless, `/run/containers/0/auth.json` as root; `--authfile` or
//! `$REGISTRY_AUTH_FILE` instead). Messages and checks follow Podman's
//! (containers/common `auth.Login`): `Login Succeeded!`, `--get-login`,
//! reusing valid stored credentials, `logging into "REG": invalid
//! username/password`.

use std::io::{self, BufRead, IsTerminal, Read};
use std::path::PathBuf;

use anyhow::{bail, Context as _};
use clap::Args;

use crate::context::{print, Context};
use crate::registry::session::{auth_files, client_options, login_key, runtime};
use crate::registry::{resolve_registry, Client, Credentials, Error as RegistryError};

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Registry to log in to: HOST[:PORT], or HOST[:PORT]/NAMESPACE/REPOSITORY for credentials of one repository (default: the first unqualified-search registry of registries.conf)
    #[arg(value_name = "REGISTRY")]
    pub registry: Option<String>,

    /// Username for the registry (prompted for on a terminal when missing)
    #[arg(short, long, value_name = "USERNAME")]
    pub username: Option<String>,

    /// Password for the registry (prompted for on a terminal, without echo, when missing)
    #[arg(short, long, value_name = "PASSWORD")]
    pub password: Option<String>,

    /// Take the password from standard input
    #[arg(long)]
    pub password_stdin: bool,

    /// Print the user name stored for the registry and exit
    #[arg(long)]
    pub get_login: bool,

    /// Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,

    /// Use the certificates (*.crt) in this directory to verify the registry
    #[arg(long, value_name = "PATH")]
    pub cert_dir: Option<PathBuf>,

    /// Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,

    /// Write more detailed information to stdout (the auth file used)
    #[arg(short, long)]
    pub verbose: bool,
}

pub fn run(ctx: &Context, args: LoginArgs) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let (key, registry) = login_key(args.registry.as_deref(), &config.registries)?;
    let auth = auth_files(ctx, args.authfile.as_deref());
    let stored = auth.lookup(&key).context("get credentials")?;

    if args.get_login {
        return match stored {
            Some(c) if !c.username.is_empty() => print(&format!("{}\n", c.username)),
            _ => bail!("not logged into {key}"),
        };
    }

    let mut password = args.password.clone().filter(|p| !p.is_empty());
    if args.password_stdin {
        if password.is_some() {
            bail!("Can't specify both --password-stdin and --password");
        }
        if args.username.as_deref().unwrap_or_default().is_empty() {
            bail!("Must provide --username with --password-stdin");
        }
        password = Some(read_password_stdin()?);
    }

    let endpoint = resolve_registry(&registry, &config.registries, args.tls_verify)?;
    let client = Client::new(client_options(ctx, args.cert_dir.clone()));
    let runtime = runtime()?;
    let check = |c: &Credentials| runtime.block_on(client.check_login(&endpoint, c));

    // No user name and no password: reuse what is stored, if it still works.
    let username_given = args.username.as_deref().is_some_and(|u| !u.is_empty());
    if !username_given && password.is_none() {
        if let Some(c) = stored.as_ref().filter(|c| !c.username.is_empty() && !c.password.is_empty()) {
            print(&format!("Authenticating with existing credentials for {key}\n"))?;
            match check(c) {
                Ok(()) => return print(&format!("Existing credentials are valid. Already logged in to {registry}\n")),
                Err(e) => {
                    log::debug!("existing credentials for {key}: {e}");
                    print("Existing credentials are invalid, please enter valid username and password\n")?;
                }
            }
        }
    }

    let stored_user = stored.as_ref().map(|c| c.username.as_str()).unwrap_or_default();
    let creds = user_and_password(args.username.as_deref().filter(|u| !u.is_empty()), password, stored_user)
        .context("getting username and password")?;

    match check(&creds) {
        Ok(()) => {}
        Err(RegistryError::AuthFailed { detail, .. }) => {
            log::debug!("logging into {key:?}: {detail}");
            bail!("logging into {key:?}: invalid username/password");
        }
        Err(e) => return Err(anyhow::Error::from(e).context(format!("authenticating creds for {key:?}"))),
    }
    auth.store(&key, &creds)?;
    if args.verbose {
        if let Some(p) = auth.primary() {
            print(&format!("Used:  {}\n", p.display()))?;
        }
    }
    print("Login Succeeded!\n")
}

/// The credentials to check: given ones, else prompted for on a terminal
/// (Podman's `getUserAndPass`: an empty answer to the user name prompt
/// keeps the stored user name).
fn user_and_password(
    username: Option<&str>,
    password: Option<String>,
    stored_user: &str,
) -> anyhow::Result<Credentials> {
    let username = match username {
        Some(u) => u.to_string(),
        None => {
            if !io::stdin().is_terminal() {
                bail!("cannot prompt for a username: standard input is not a terminal (use --username)");
            }
            let prompt =
                if stored_user.is_empty() { "Username: ".to_string() } else { format!("Username ({stored_user}): ") };
            print(&prompt)?;
            let mut line = String::new();
            io::stdin().lock().read_line(&mut line).context("reading username")?;
            match line.trim() {
                "" => stored_user.to_string(),
                u => u.to_string(),
            }
        }
    };
    let password = match password {
        Some(p) => p,
        None => {
            if !io::stdin().is_terminal() {
                bail!(
                    "cannot prompt for a password: standard input is not a terminal (use --password or --password-stdin)"
                );
            }
            let p = read_password_tty("Password: ").context("reading password")?;
            print("\n")?;
            p
        }
    };
    Ok(Credentials::new(username.trim(), password))
}

/// `--password-stdin`: every line of standard input, joined without the
/// line ends (as Podman's scanner does).
fn read_password_stdin() -> anyhow::Result<String> {
    let mut text = String::new();
    io::stdin().lock().read_to_string(&mut text).context("reading the password from standard input")?;
    Ok(text.lines().map(|l| l.strip_suffix('\r').unwrap_or(l)).collect())
}

/// Print `prompt` and read one line from the terminal on standard input,
/// with echo off (turned off before the prompt is shown, so nothing typed
/// after it is echoed; typed-ahead input is kept, as Go's `term.ReadPassword`).
fn read_password_tty(prompt: &str) -> anyhow::Result<String> {
    use nix::sys::termios::{tcgetattr, tcsetattr, LocalFlags, SetArg};
    use std::os::fd::AsFd;

    let stdin = io::stdin();
    let saved = tcgetattr(stdin.as_fd()).context("reading the terminal settings")?;
    let mut quiet = saved.clone();
    quiet.local_flags.remove(LocalFlags::ECHO);
    quiet.local_flags.insert(LocalFlags::ICANON | LocalFlags::ISIG);
    tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &quiet).context("turning off the terminal echo")?;
    let mut line = String::new();
    let read = print(prompt).and_then(|()| stdin.lock().read_line(&mut line).context("reading from the terminal"));
    let restored = tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &saved);
    read?;
    restored.context("restoring the terminal settings")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}
