//! A parsed Containerfile (Dockerfile), as [`super::parse::parse`] returns it.
//!
//! The tree keeps every word *unexpanded*: `$VAR`, `${VAR:-default}`, quotes
//! and escapes are still in the text, because their values depend on the
//! `ARG`/`ENV` state at the point the instruction runs (and on `--build-arg`).
//! The executor expands an instruction right before it dispatches it, with
//! [`super::vars`] (Docker's rules: which instructions expand which words;
//! `RUN`, `CMD`, `ENTRYPOINT`, `SHELL` and heredoc bodies of `RUN` are never
//! expanded by the builder).
//!
//! What the parser already did: directives (`# escape=`, `# syntax=`) read,
//! comments and blank lines dropped, line continuations joined, heredoc bodies
//! collected, flags (`--from=…`) split off and checked against the
//! instruction's known flags, JSON (exec) form recognised (invalid JSON falls
//! back to shell form, as Docker does), durations of `HEALTHCHECK` parsed.

use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Where an instruction (or an error) is in its file: 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: Arc<Path>,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// The whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Containerfile {
    pub file: Arc<Path>,
    /// The escape character (`\` unless `# escape=` says `` ` ``). The
    /// executor needs it to expand words ([`super::vars`]).
    pub escape: char,
    /// `# syntax=…`, recorded only (rpod has no frontends; it is not an error).
    pub syntax: Option<String>,
    /// `ARG`s before the first `FROM` (only `ARG` may come there; each entry
    /// is an [`Instruction`] whose command is [`Command::Arg`]). They are in
    /// scope for `FROM` lines only, and inside a stage once redeclared there
    /// by a bare `ARG name`.
    pub global_args: Vec<Instruction>,
    /// At least one stage, in file order.
    pub stages: Vec<Stage>,
}

/// One `FROM` and the instructions up to the next `FROM`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// 0-based position in the file (`COPY --from=0`).
    pub index: usize,
    pub from: From,
    pub instructions: Vec<Instruction>,
}

impl Stage {
    /// The `AS name` of the stage (lower-cased, as Docker matches it), if any.
    pub fn name(&self) -> Option<&str> {
        self.from.name.as_deref()
    }
}

/// `FROM [--platform=<p>] <image> [AS <name>]`.
#[derive(Debug, Clone, PartialEq)]
pub struct From {
    /// Unexpanded (global `ARG`s apply): `scratch`, an image reference or an
    /// earlier stage's name.
    pub image: String,
    /// `--platform`, unexpanded.
    pub platform: Option<String>,
    /// `AS name`, lower-cased (Docker's stage names are case-insensitive).
    pub name: Option<String>,
    pub location: Location,
    /// The line as written (continuations joined), see [`Instruction::original`].
    pub original: String,
}

/// One instruction of a stage (or a global `ARG`).
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    pub command: Command,
    /// Of the instruction keyword.
    pub location: Location,
    /// The text as written, continuations joined (escape + newline removed,
    /// comment lines inside a continuation dropped), keyword in its original
    /// case, heredoc bodies not included. Docker's parser calls this
    /// `Original`; it is the base of the history `created_by` text and of the
    /// cache key (together with the expanded values).
    pub original: String,
}

impl Instruction {
    /// The keyword in upper case, for messages and `created_by`.
    pub fn keyword(&self) -> &'static str {
        self.command.keyword()
    }
}

/// Every instruction rpod knows. (`FROM` is [`Stage::from`].)
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `ARG name[=default] ...` (Docker accepts several per line).
    Arg(Vec<ArgDecl>),
    /// `ENV k=v ...` or the legacy `ENV k v` (one pair, value the rest of the line).
    Env(Vec<KeyValue>),
    /// `LABEL k=v ...`.
    Label(Vec<KeyValue>),
    /// `MAINTAINER name` (deprecated; sets the image's `Author`).
    Maintainer(String),
    /// `WORKDIR path`.
    Workdir(String),
    /// `USER user[:group]`.
    User(String),
    Run(Run),
    Copy(Copy),
    /// `ADD` takes `COPY`'s flags plus `--checksum` and `--keep-git-dir`.
    Add(Copy),
    Cmd(CommandLine),
    Entrypoint(CommandLine),
    /// `EXPOSE 80 443/tcp ...`: each word unexpanded; one word may expand to
    /// several ports (Docker splits after expansion).
    Expose(Vec<String>),
    /// `VOLUME ["/a", "/b"]` or `VOLUME /a /b`.
    Volume(Vec<String>),
    /// `STOPSIGNAL signal`.
    StopSignal(String),
    Healthcheck(Healthcheck),
    /// `SHELL ["executable", "params"...]`: JSON form only (Docker rejects
    /// the shell form).
    Shell(Vec<String>),
    /// `ONBUILD <instruction>`: the trigger, parsed and checked like any
    /// instruction (not `ONBUILD`, `FROM` or `MAINTAINER`). The image config
    /// stores the trigger's text (see [`Onbuild::text`]).
    Onbuild(Box<Onbuild>),
}

impl Command {
    /// The keyword in upper case, as Docker prints it.
    pub fn keyword(&self) -> &'static str {
        match self {
            Command::Arg(_) => "ARG",
            Command::Env(_) => "ENV",
            Command::Label(_) => "LABEL",
            Command::Maintainer(_) => "MAINTAINER",
            Command::Workdir(_) => "WORKDIR",
            Command::User(_) => "USER",
            Command::Run(_) => "RUN",
            Command::Copy(_) => "COPY",
            Command::Add(_) => "ADD",
            Command::Cmd(_) => "CMD",
            Command::Entrypoint(_) => "ENTRYPOINT",
            Command::Expose(_) => "EXPOSE",
            Command::Volume(_) => "VOLUME",
            Command::StopSignal(_) => "STOPSIGNAL",
            Command::Healthcheck(_) => "HEALTHCHECK",
            Command::Shell(_) => "SHELL",
            Command::Onbuild(_) => "ONBUILD",
        }
    }
}

/// One name of an `ARG` line.
#[derive(Debug, Clone, PartialEq)]
pub struct ArgDecl {
    pub name: String,
    /// The default, unexpanded (quotes intact); `None` for a bare `ARG name`.
    pub default: Option<String>,
}

/// One pair of `ENV` or `LABEL`, both sides unexpanded (quotes intact).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
}

/// Shell or exec form of `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD`.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandLine {
    /// The text after the keyword and flags, as written (continuations
    /// joined); run as `SHELL + [text]` (default `/bin/sh -c`).
    Shell(String),
    /// A valid JSON array of strings: run as is.
    Exec(Vec<String>),
}

/// `RUN [--mount=…]... [--network=…] [--security=…] <command>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub mounts: Vec<RunMount>,
    /// `--network=default|none|host`.
    pub network: Option<RunNetwork>,
    /// `--security=insecure|sandbox` (rpod runs only `sandbox`; the executor
    /// refuses `insecure` with a clear error).
    pub security: Option<String>,
    /// The command. With heredocs, the shell form's text still holds the
    /// `<<EOF` markers (Docker: a lone `<<EOF` with no command runs the body
    /// as the script; otherwise the bodies are fed as files / stdin).
    pub command: CommandLine,
    /// Heredoc bodies, in the order their markers appear on the line.
    pub heredocs: Vec<Heredoc>,
}

/// `RUN --network=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunNetwork {
    Default,
    None,
    Host,
}

/// `RUN --mount=type=…,…`; values unexpanded (Docker expands them).
#[derive(Debug, Clone, PartialEq)]
pub struct RunMount {
    pub kind: MountKind,
    /// `target`/`dst`/`destination`. Required except for `secret` (default
    /// `/run/secrets/<id>`) and `ssh`.
    pub target: Option<String>,
    /// `source`/`src`: path in the context or in `from` (`bind`, `cache`).
    pub source: Option<String>,
    /// `from`: a stage name/index or an image (`bind`, `cache`).
    pub from: Option<String>,
    /// `ro`/`readonly` (`bind` defaults to read-only, `cache` to read-write);
    /// `rw`/`readwrite` sets it false.
    pub readonly: Option<bool>,
    /// `id` (`cache`, `secret`).
    pub id: Option<String>,
    /// `sharing=shared|private|locked` (`cache`).
    pub sharing: Option<CacheSharing>,
    /// `required` (`secret`).
    pub required: bool,
    /// `mode`, `uid`, `gid` (`cache`, `secret`), as written (octal for mode).
    pub mode: Option<String>,
    pub uid: Option<String>,
    pub gid: Option<String>,
    /// `size` (`tmpfs`).
    pub size: Option<String>,
    /// `env` (`secret`: expose as this environment variable).
    pub env: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MountKind {
    Bind,
    Cache,
    Secret,
    Tmpfs,
    Ssh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheSharing {
    Shared,
    Private,
    Locked,
}

/// A heredoc: `<<EOF`, `<<-EOF` (leading tabs stripped), `<<"EOF"` / `<<'EOF'`
/// (body not expanded).
#[derive(Debug, Clone, PartialEq)]
pub struct Heredoc {
    /// The delimiter word, without quotes.
    pub name: String,
    /// The body, each line ending in `\n`, tabs already stripped for `<<-`.
    pub content: String,
    /// Unquoted delimiter: `COPY`/`ADD` expand variables in the body
    /// (`RUN` leaves it to the shell).
    pub expand: bool,
    /// `<<-`.
    pub chomp: bool,
}

/// `COPY`/`ADD [--from=…] [--chown=…] [--chmod=…] [--link] [--parents]
/// [--exclude=…] <src>... <dest>`, shell or JSON form.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    /// `--from`: a stage name, a stage index or an image (unexpanded).
    pub from: Option<String>,
    pub chown: Option<String>,
    pub chmod: Option<String>,
    pub link: bool,
    pub parents: bool,
    pub exclude: Vec<String>,
    /// `ADD --checksum=sha256:…` (never set for `COPY`).
    pub checksum: Option<String>,
    /// `ADD --keep-git-dir` (never set for `COPY`).
    pub keep_git_dir: bool,
    /// At least one.
    pub sources: Vec<CopySource>,
    /// Unexpanded.
    pub dest: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CopySource {
    /// A path/glob in the context (or in `--from`), or for `ADD` a URL;
    /// unexpanded.
    Path(String),
    /// `<<EOF`: an inline file named [`Heredoc::name`] with that body.
    Heredoc(Heredoc),
}

/// `ONBUILD <trigger>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Onbuild {
    pub trigger: Instruction,
}

impl Onbuild {
    /// What goes into the image config's `OnBuild` list: the trigger as
    /// written (Docker stores the text after `ONBUILD `).
    pub fn text(&self) -> &str {
        &self.trigger.original
    }
}

/// `HEALTHCHECK NONE` or `HEALTHCHECK [options] CMD …`.
#[derive(Debug, Clone, PartialEq)]
pub enum Healthcheck {
    /// Disable any healthcheck inherited from the base image.
    None,
    Check(HealthcheckCmd),
}

#[derive(Debug, Clone, PartialEq)]
pub struct HealthcheckCmd {
    /// Shell form becomes `["CMD-SHELL", text]`, exec form `["CMD", ...]`
    /// in the image config.
    pub command: CommandLine,
    /// `--interval`, `--timeout`, `--start-period`, `--start-interval`;
    /// `None` = not given (inherit / default).
    pub interval: Option<Duration>,
    pub timeout: Option<Duration>,
    pub start_period: Option<Duration>,
    pub start_interval: Option<Duration>,
    /// `--retries`.
    pub retries: Option<u32>,
}

impl HealthcheckCmd {
    /// The `Test` array of the image config (`CMD-SHELL`/`CMD` + command).
    pub fn test(&self) -> Vec<String> {
        match &self.command {
            CommandLine::Shell(text) => vec!["CMD-SHELL".to_string(), text.clone()],
            CommandLine::Exec(args) => {
                let mut test = vec!["CMD".to_string()];
                test.extend(args.iter().cloned());
                test
            }
        }
    }
}
