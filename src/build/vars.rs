//! Variable substitution in Containerfile words, with Docker's rules.
//!
//! [`Lex`] is Docker's shell-word lexer (BuildKit `frontend/dockerfile/shell`):
//! `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`,
//! `${VAR+alt}`, `${VAR:?msg}`, `${VAR?msg}`; single quotes keep everything
//! literal, double quotes keep spaces but expand `$`; the escape character
//! (`\`, or `` ` `` with `# escape=`) escapes the next character. Quotes are
//! removed from the result.
//!
//! [`StageVars`] is the `ARG`/`ENV` state of one stage: global `ARG`s (before
//! the first `FROM`) are visible to `FROM` lines only, until a stage redeclares
//! them with `ARG name`; `--build-arg` values override `ARG` defaults; `ENV`
//! overrides an `ARG` of the same name; the predefined proxy args reach `RUN`
//! without a declaration; the automatic platform args (`TARGETARCH`, ...) are
//! global args.
//!
//! Which words are expanded, per instruction (Docker's list): `ADD`, `COPY`
//! (sources, destination, `--chown`, `--chmod`, `--from`, `--checksum`,
//! heredoc bodies with an unquoted delimiter), `ENV`, `LABEL` (keys and
//! values), `ARG` (defaults), `EXPOSE`, `FROM` (with global args only),
//! `STOPSIGNAL`, `USER`, `VOLUME`, `WORKDIR`, `RUN --mount` values. Never:
//! `RUN`, `CMD`, `ENTRYPOINT`, `SHELL`, `HEALTHCHECK`, `MAINTAINER`,
//! `ONBUILD` (its trigger is expanded when it fires in a child build).

use std::collections::{BTreeMap, BTreeSet};

use super::ast::{self, Command, Containerfile, CopySource, Instruction};

/// A failed substitution (`${A:?must be set}`, an unclosed quote or brace).
/// The executor prefixes the instruction's location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct VarError(pub String);

fn err<T>(message: impl Into<String>) -> Result<T, VarError> {
    Err(VarError(message.into()))
}

/// Docker's shell-word lexer.
#[derive(Debug, Clone, Copy)]
pub struct Lex {
    escape: char,
    /// Keep quotes in the result (used to find heredoc markers).
    raw_quotes: bool,
    /// Keep escape characters in the result.
    raw_escapes: bool,
    /// Leave `$UNSET` / `${UNSET...}` as written instead of expanding to "".
    skip_unset: bool,
    /// Quotes are ordinary characters (heredoc bodies).
    skip_quotes: bool,
}

impl Lex {
    pub fn new(escape: char) -> Self {
        Lex { escape, raw_quotes: false, raw_escapes: false, skip_unset: false, skip_quotes: false }
    }

    pub(crate) fn raw(mut self, quotes: bool, escapes: bool) -> Self {
        self.raw_quotes = quotes;
        self.raw_escapes = escapes;
        self
    }

    pub(crate) fn skip_unset(mut self) -> Self {
        self.skip_unset = true;
        self
    }

    /// One word: variables expanded, quotes and escapes removed, spaces kept
    /// (BuildKit's `ProcessWord`).
    pub fn word(&self, word: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String, VarError> {
        Ok(self.process(word, env)?.0)
    }

    /// Words split on unquoted white space, after expansion (BuildKit's
    /// `ProcessWords`: an expanded value with spaces makes several words).
    pub fn words(&self, word: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Vec<String>, VarError> {
        Ok(self.process(word, env)?.1)
    }

    fn process(&self, word: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<(String, Vec<String>), VarError> {
        let mut sc = Scanner { lex: self, chars: word.chars().collect(), pos: 0, env, depth: 0 };
        sc.stop_on(None)
    }
}

/// Words of [`Lex::words`] under construction.
#[derive(Default)]
struct Words {
    words: Vec<String>,
    word: String,
    in_word: bool,
}

impl Words {
    fn add_char(&mut self, c: char) {
        if c.is_whitespace() {
            if self.in_word && !self.word.is_empty() {
                self.words.push(std::mem::take(&mut self.word));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(c);
        }
    }
    fn add_raw_char(&mut self, c: char) {
        self.word.push(c);
        self.in_word = true;
    }
    fn add_string(&mut self, s: &str) {
        s.chars().for_each(|c| self.add_char(c));
    }
    fn add_raw_string(&mut self, s: &str) {
        self.word.push_str(s);
        self.in_word = true;
    }
    fn finish(mut self) -> Vec<String> {
        if !self.word.is_empty() {
            self.words.push(self.word);
        }
        self.words
    }
}

struct Scanner<'a> {
    lex: &'a Lex,
    chars: Vec<char>,
    pos: usize,
    env: &'a dyn Fn(&str) -> Option<String>,
    /// Nesting of `${a:-${b:-...}}`, bounded.
    depth: usize,
}

/// Deeper `${...${...}}` nesting is an error rather than a deep recursion.
const MAX_NESTING: usize = 64;

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn stop_on(&mut self, stop: Option<char>) -> Result<(String, Vec<String>), VarError> {
        let mut result = String::new();
        let mut words = Words::default();
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                self.next();
                return Ok((result, words.finish()));
            }
            match c {
                '\'' | '"' if self.lex.skip_quotes => {
                    self.next();
                    words.add_char(c);
                    result.push(c);
                }
                '\'' => {
                    let s = self.single_quote()?;
                    result.push_str(&s);
                    words.add_raw_string(&s);
                }
                '"' => {
                    let s = self.double_quote()?;
                    result.push_str(&s);
                    words.add_raw_string(&s);
                }
                '$' => {
                    let s = self.dollar()?;
                    result.push_str(&s);
                    words.add_string(&s);
                }
                _ => {
                    self.next();
                    if c == self.lex.escape {
                        if self.lex.raw_escapes {
                            words.add_raw_char(c);
                            result.push(c);
                        }
                        // An escape at the very end is dropped.
                        let Some(escaped) = self.next() else { break };
                        words.add_raw_char(escaped);
                        result.push(escaped);
                    } else {
                        words.add_char(c);
                        result.push(c);
                    }
                }
            }
        }
        if let Some(stop) = stop {
            return err(format!("unexpected end of statement while looking for matching {stop}"));
        }
        Ok((result, words.finish()))
    }

    fn single_quote(&mut self) -> Result<String, VarError> {
        let mut result = String::new();
        let open = self.next();
        if self.lex.raw_quotes {
            result.extend(open);
        }
        loop {
            match self.next() {
                None => return err("unexpected end of statement while looking for matching single-quote"),
                Some('\'') => {
                    if self.lex.raw_quotes {
                        result.push('\'');
                    }
                    return Ok(result);
                }
                Some(c) => result.push(c),
            }
        }
    }

    fn double_quote(&mut self) -> Result<String, VarError> {
        let mut result = String::new();
        let open = self.next();
        if self.lex.raw_quotes {
            result.extend(open);
        }
        loop {
            match self.peek() {
                None => return err("unexpected end of statement while looking for matching double-quote"),
                Some('"') => {
                    self.next();
                    if self.lex.raw_quotes {
                        result.push('"');
                    }
                    return Ok(result);
                }
                Some('$') => result.push_str(&self.dollar()?),
                Some(c) => {
                    self.next();
                    if c == self.lex.escape {
                        match self.peek() {
                            // An escape at the end of the text is dropped.
                            None => continue,
                            Some(n) if n == '"' || n == '$' || n == self.lex.escape => {
                                if self.lex.raw_escapes {
                                    result.push(c);
                                }
                                self.next();
                                result.push(n);
                            }
                            // Anything else keeps its escape character.
                            Some(_) => result.push(c),
                        }
                    } else {
                        result.push(c);
                    }
                }
            }
        }
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if name.is_empty() && c.is_ascii_digit() {
                while let Some(d) = self.peek().filter(|d| d.is_ascii_digit()) {
                    self.next();
                    name.push(d);
                }
                return name;
            }
            if name.is_empty() && matches!(c, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0') {
                self.next();
                name.push(c);
                return name;
            }
            if !(c.is_alphanumeric() || c == '_') {
                break;
            }
            self.next();
            name.push(c);
        }
        name
    }

    fn lookup(&self, name: &str) -> Option<String> {
        (self.env)(name)
    }

    fn dollar(&mut self) -> Result<String, VarError> {
        self.next(); // '$'
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".to_string());
            }
            return Ok(match self.lookup(&name) {
                Some(v) => v,
                None if self.lex.skip_unset => format!("${name}"),
                None => String::new(),
            });
        }
        self.next(); // '{'
        match self.peek() {
            None => return err("syntax error: missing '}'"),
            Some('{' | '}' | ':') => return err("syntax error: bad substitution"),
            _ => {}
        }
        let name = self.name();
        let Some(op) = self.next() else { return err("syntax error: missing '}'") };
        let value = self.lookup(&name);
        match op {
            '}' => Ok(match value {
                Some(v) => v,
                None if self.lex.skip_unset => format!("${{{name}}}"),
                None => String::new(),
            }),
            ':' | '-' | '+' | '?' => {
                // `${a:-w}` tests "unset or empty", `${a-w}` only "unset".
                let (colon, modifier) = if op == ':' {
                    match self.next() {
                        Some(m) => (true, m),
                        None => return err("syntax error: missing '}'"),
                    }
                } else {
                    (false, op)
                };
                if self.depth >= MAX_NESTING {
                    return err("syntax error: substitutions nested too deeply");
                }
                self.depth += 1;
                let inner = self.stop_on(Some('}'));
                self.depth -= 1;
                let (word, _) = inner.map_err(|e| {
                    if self.peek().is_none() {
                        VarError("syntax error: missing '}'".to_string())
                    } else {
                        e
                    }
                })?;
                if value.is_none() && self.lex.skip_unset {
                    let colon = if colon { ":" } else { "" };
                    return Ok(format!("${{{name}{colon}{modifier}{word}}}"));
                }
                let present = match &value {
                    Some(v) => !(colon && v.is_empty()),
                    None => false,
                };
                match modifier {
                    '-' => Ok(if present { value.unwrap_or_default() } else { word }),
                    '+' => Ok(if present { word } else { String::new() }),
                    '?' => {
                        if present {
                            Ok(value.unwrap_or_default())
                        } else if !word.is_empty() {
                            err(format!("{name}: {word}"))
                        } else if colon && value.is_some() {
                            err(format!("{name}: is not allowed to be empty"))
                        } else {
                            err(format!("{name}: is not allowed to be unset"))
                        }
                    }
                    m => err(format!("unsupported modifier ({m}) in substitution")),
                }
            }
            m => err(format!("unsupported modifier ({m}) in substitution")),
        }
    }
}

/// Docker's predefined args: usable by `RUN` from `--build-arg` without an
/// `ARG` line, and left out of the image history.
pub const PROXY_ARGS: [&str; 10] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// The automatic platform args (`TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`,
/// `TARGETVARIANT`, `BUILDPLATFORM`, `BUILDOS`, `BUILDARCH`, `BUILDVARIANT`)
/// for the host: rpod builds for the host's platform only.
pub fn platform_args() -> Vec<(String, String)> {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        "s390x" => "s390x",
        "riscv64" => "riscv64",
        "arm" => "arm",
        other => other,
    };
    let variant = if arch == "arm" { "v7" } else { "" };
    let platform = if variant.is_empty() { format!("linux/{arch}") } else { format!("linux/{arch}/{variant}") };
    let mut args = Vec::new();
    for prefix in ["TARGET", "BUILD"] {
        args.push((format!("{prefix}PLATFORM"), platform.clone()));
        args.push((format!("{prefix}OS"), "linux".to_string()));
        args.push((format!("{prefix}ARCH"), arch.to_string()));
        args.push((format!("{prefix}VARIANT"), variant.to_string()));
    }
    args
}

/// `--build-arg` values, and which of them a declaration consumed.
#[derive(Debug, Default)]
pub struct BuildArgs {
    values: BTreeMap<String, String>,
    used: std::cell::RefCell<BTreeSet<String>>,
}

impl BuildArgs {
    pub fn new(values: BTreeMap<String, String>) -> Self {
        BuildArgs { values, used: Default::default() }
    }

    fn get(&self, name: &str) -> Option<&String> {
        let value = self.values.get(name);
        if value.is_some() {
            self.used.borrow_mut().insert(name.to_string());
        }
        value
    }

    /// Build args no `ARG` declared (Docker warns: "one or more build-args
    /// [...] were not consumed"); the proxy args never count.
    pub fn unused(&self) -> Vec<String> {
        let used = self.used.borrow();
        self.values.keys().filter(|k| !used.contains(*k) && !PROXY_ARGS.contains(&k.as_str())).cloned().collect()
    }
}

/// Look a name up in `first`, then in `second` (last definition wins).
fn lookup_in<'a>(
    first: &'a [(String, String)],
    second: &'a [(String, String)],
) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        [first, second].iter().find_map(|list| list.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }
}

fn located(instr: &Instruction, e: VarError) -> super::parse::ParseError {
    super::parse::ParseError { location: instr.location.clone(), message: e.0 }
}

/// The global `ARG`s (before the first `FROM`), evaluated: build args win
/// over defaults; each default sees the args before it and the platform args.
#[derive(Debug, Clone)]
pub struct GlobalArgs {
    lex: Lex,
    /// Name and value; `None` = declared without a value.
    args: Vec<(String, Option<String>)>,
    platform: Vec<(String, String)>,
}

impl GlobalArgs {
    pub fn new(file: &Containerfile, build_args: &BuildArgs) -> Result<Self, super::parse::ParseError> {
        let mut global = GlobalArgs { lex: Lex::new(file.escape), args: Vec::new(), platform: platform_args() };
        for instr in &file.global_args {
            let Command::Arg(decls) = &instr.command else { continue };
            // Every default of one line sees the args before the line (Podman).
            let known = global.known();
            let env = lookup_in(&known, &global.platform);
            let mut line = Vec::new();
            for decl in decls {
                let value = match (build_args.get(&decl.name), &decl.default) {
                    (Some(v), _) => Some(v.clone()),
                    (None, Some(default)) => Some(global.lex.word(default, &env).map_err(|e| located(instr, e))?),
                    (None, None) => None,
                };
                line.push((decl.name.clone(), value));
            }
            global.args.extend(line);
        }
        Ok(global)
    }

    fn known(&self) -> Vec<(String, String)> {
        self.args.iter().filter_map(|(k, v)| Some((k.clone(), v.clone()?))).collect()
    }

    /// The value of a global arg (`None` when undeclared or declared without
    /// a value).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args.iter().rev().find(|(k, _)| k == name).and_then(|(_, v)| v.as_deref())
    }

    /// `FROM`'s image and `--platform`, expanded with the global args.
    /// An image that expands to nothing is an error, as in Docker.
    pub fn expand_from(&self, from: &ast::From) -> Result<(String, Option<String>), super::parse::ParseError> {
        let known = self.known();
        let env = lookup_in(&known, &self.platform);
        let fail = |message: String| super::parse::ParseError { location: from.location.clone(), message };
        let image = self.lex.word(&from.image, &env).map_err(|e| fail(e.0))?;
        if image.is_empty() {
            return Err(fail(format!("base name ({}) should not be blank", from.image)));
        }
        let platform = match &from.platform {
            Some(p) => Some(self.lex.word(p, &env).map_err(|e| fail(e.0))?),
            None => None,
        };
        Ok((image, platform))
    }
}

/// The `ARG`/`ENV` state while one stage runs. Feed every instruction
/// through [`StageVars::expand`], in order.
#[derive(Debug, Clone)]
pub struct StageVars<'a> {
    lex: Lex,
    global: &'a GlobalArgs,
    build_args: &'a BuildArgs,
    /// `ENV` of the base image and of the stage so far, `KEY=value` order kept.
    env: Vec<(String, String)>,
    /// `ARG`s declared in the stage that have a value.
    args: Vec<(String, String)>,
}

impl<'a> StageVars<'a> {
    /// `image_env` is the base image's `Env` (`KEY=value` strings); a stage
    /// built on an earlier stage gets that stage's final [`StageVars::env`].
    pub fn new(file: &Containerfile, global: &'a GlobalArgs, build_args: &'a BuildArgs, image_env: &[String]) -> Self {
        let env = image_env
            .iter()
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (kv.clone(), String::new()),
            })
            .collect();
        StageVars { lex: Lex::new(file.escape), global, build_args, env, args: Vec::new() }
    }

    /// The image config's `Env` (`KEY=value`): base image and `ENV` only.
    pub fn env(&self) -> Vec<String> {
        self.env.iter().map(|(k, v)| format!("{k}={v}")).collect()
    }

    /// The stage's `ARG`s with values, in declaration order (last value of a
    /// name wins). Part of a `RUN` step's cache key, and of its history text
    /// (`|N a=b c=d /bin/sh -c ...`) minus the proxy args
    /// ([`StageVars::history_args`]).
    pub fn args(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in &self.args {
            out.retain(|(name, _)| name != k);
            out.push((k.clone(), v.clone()));
        }
        out
    }

    /// [`StageVars::args`] without the proxy args (they stay out of history).
    pub fn history_args(&self) -> Vec<(String, String)> {
        self.args().into_iter().filter(|(k, _)| !PROXY_ARGS.contains(&k.as_str())).collect()
    }

    /// The environment of a `RUN` container: `ENV`, then the stage's `ARG`s
    /// not shadowed by an `ENV`, then proxy args given as `--build-arg`.
    pub fn run_env(&self) -> Vec<String> {
        let mut out = self.env();
        let shadowed = |k: &str| self.env.iter().any(|(name, _)| name == k);
        let args = self.args();
        for (k, v) in &args {
            if !shadowed(k) {
                out.push(format!("{k}={v}"));
            }
        }
        for name in PROXY_ARGS {
            if shadowed(name) || args.iter().any(|(k, _)| k == name) {
                continue;
            }
            if let Some(v) = self.build_args.values.get(name) {
                out.push(format!("{name}={v}"));
            }
        }
        out
    }

    /// Expand a word as the instruction at this point would (ENV before ARG).
    pub fn word(&self, word: &str) -> Result<String, VarError> {
        let env = lookup_in(&self.env, &self.args);
        self.lex.word(word, &env)
    }

    fn words(&self, word: &str) -> Result<Vec<String>, VarError> {
        let env = lookup_in(&self.env, &self.args);
        self.lex.words(word, &env)
    }

    /// A heredoc body with an unquoted delimiter: `$` expanded, quotes kept
    /// (BuildKit expands them with `\` as escape whatever `# escape=` says).
    fn heredoc_body(&self, body: &str) -> Result<String, VarError> {
        let env = lookup_in(&self.env, &self.args);
        let mut lex = Lex::new('\\');
        lex.skip_quotes = true;
        lex.word(body, &env)
    }

    fn opt(&self, word: &Option<String>) -> Result<Option<String>, VarError> {
        word.as_deref().map(|w| self.word(w)).transpose()
    }

    /// The instruction with its words expanded per Docker's rules (see the
    /// module doc); `ARG` and `ENV` also update the state, and the returned
    /// `ARG` carries each name's resolved value as its `default` (`None` when
    /// it has none). Errors name the instruction's location.
    pub fn expand(&mut self, instr: &Instruction) -> Result<Command, super::parse::ParseError> {
        self.expand_command(&instr.command).map_err(|e| located(instr, e))
    }

    fn expand_command(&mut self, command: &Command) -> Result<Command, VarError> {
        Ok(match command {
            Command::Arg(decls) => {
                // Every default of one line sees the state before the line (Podman).
                let mut out = Vec::new();
                for decl in decls {
                    let value = match (self.build_args.get(&decl.name), &decl.default) {
                        (Some(v), _) => Some(v.clone()),
                        (None, Some(default)) => Some(self.word(default)?),
                        (None, None) => self.global.get(&decl.name).map(str::to_string),
                    };
                    out.push(ast::ArgDecl { name: decl.name.clone(), default: value });
                }
                for decl in &out {
                    if let Some(v) = &decl.default {
                        self.args.push((decl.name.clone(), v.clone()));
                    }
                }
                Command::Arg(out)
            }
            Command::Env(pairs) => {
                let expanded = self.pairs(pairs)?;
                for kv in &expanded {
                    self.env.retain(|(k, _)| k != &kv.key);
                    self.env.push((kv.key.clone(), kv.value.clone()));
                }
                Command::Env(expanded)
            }
            Command::Label(pairs) => Command::Label(self.pairs(pairs)?),
            Command::Workdir(w) => Command::Workdir(self.word(w)?),
            Command::User(u) => Command::User(self.word(u)?),
            Command::StopSignal(s) => Command::StopSignal(self.word(s)?),
            Command::Expose(ports) => {
                let mut out = Vec::new();
                for p in ports {
                    out.extend(self.words(p)?);
                }
                Command::Expose(out)
            }
            Command::Volume(paths) => {
                let out = paths.iter().map(|p| self.word(p)).collect::<Result<Vec<_>, _>>()?;
                if out.iter().any(|p| p.trim().is_empty()) {
                    return err("VOLUME specified can not be an empty string");
                }
                Command::Volume(out)
            }
            Command::Copy(copy) => Command::Copy(self.copy(copy)?),
            Command::Add(copy) => Command::Add(self.copy(copy)?),
            Command::Run(run) => {
                let mut run = run.clone();
                for m in &mut run.mounts {
                    for field in [
                        &mut m.target,
                        &mut m.source,
                        &mut m.from,
                        &mut m.id,
                        &mut m.mode,
                        &mut m.uid,
                        &mut m.gid,
                        &mut m.size,
                        &mut m.env,
                    ] {
                        *field = self.opt(field)?;
                    }
                }
                Command::Run(run)
            }
            Command::Maintainer(_)
            | Command::Cmd(_)
            | Command::Entrypoint(_)
            | Command::Healthcheck(_)
            | Command::Shell(_)
            | Command::Onbuild(_) => command.clone(),
        })
    }

    fn pairs(&self, pairs: &[ast::KeyValue]) -> Result<Vec<ast::KeyValue>, VarError> {
        pairs.iter().map(|kv| Ok(ast::KeyValue { key: self.word(&kv.key)?, value: self.word(&kv.value)? })).collect()
    }

    fn copy(&self, copy: &ast::Copy) -> Result<ast::Copy, VarError> {
        let mut sources = Vec::new();
        for source in &copy.sources {
            sources.push(match source {
                CopySource::Path(p) => CopySource::Path(self.word(p)?),
                CopySource::Heredoc(h) if h.expand => {
                    CopySource::Heredoc(ast::Heredoc { content: self.heredoc_body(&h.content)?, ..h.clone() })
                }
                CopySource::Heredoc(h) => CopySource::Heredoc(h.clone()),
            });
        }
        Ok(ast::Copy {
            from: self.opt(&copy.from)?,
            chown: self.opt(&copy.chown)?,
            chmod: self.opt(&copy.chmod)?,
            checksum: self.opt(&copy.checksum)?,
            exclude: copy.exclude.iter().map(|e| self.word(e)).collect::<Result<_, _>>()?,
            sources,
            dest: self.word(&copy.dest)?,
            ..copy.clone()
        })
    }
}

#[cfg(test)]
#[path = "vars_tests.rs"]
mod tests;
