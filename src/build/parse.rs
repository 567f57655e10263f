//! The Containerfile parser: text to [`Containerfile`].
//!
//! Our own, after Docker's (BuildKit `frontend/dockerfile/parser` and
//! `instructions`): the crates `dockerfile-parser` (a pest grammar with no
//! heredocs, no `# escape=`, a hard-coded `\` continuation and several
//! instructions left unparsed) and `dockerfile-parser-rs` (heredocs only as
//! the literal `<<EOF` … `EOF`, every line trimmed, so heredoc bodies lose
//! their indentation) do not parse the corpus in tests/data/dockerfiles.
//!
//! Lines: a UTF-8 BOM is dropped; parser directives (`# escape=`,
//! `# syntax=`, `# check=`) are read from the top until the first other
//! line; comment lines (`#` after optional white space) and blank lines are
//! skipped, also inside a continuation; a line ending in the escape character
//! (plus spaces) continues on the next one. `RUN`, `COPY` and `ADD` in shell
//! form (also as `ONBUILD` triggers) take heredoc bodies from the lines that
//! follow.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::ast::{
    ArgDecl, CacheSharing, Command, CommandLine, Containerfile, Copy, CopySource, From, Healthcheck, HealthcheckCmd,
    Heredoc, Instruction, KeyValue, Location, MountKind, Onbuild, Run, RunMount, RunNetwork, Stage,
};
use super::vars::Lex;

/// A syntax error, with the place it was found (`file:line:col: message`).
/// The CLI exits 125 with it, before anything is built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ParseError {
    pub location: Location,
    pub message: String,
}

/// Parse a whole Containerfile. `file` names it in locations and errors.
pub fn parse(text: &str, file: &Path) -> Result<Containerfile, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    let mut p = Parser { file: Arc::from(file), escape: '\\', lines, pos: 0 };
    let syntax = p.directives()?;

    let mut global_args = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    while let Some((line, location)) = p.logical_line() {
        match p.instruction(&line, location.clone(), false)? {
            Parsed::From(from) => {
                if let Some(name) = &from.name {
                    if stages.iter().any(|s| s.name() == Some(name)) {
                        return Err(ParseError { location, message: format!("duplicate stage name {name:?}") });
                    }
                }
                stages.push(Stage { index: stages.len(), from, instructions: Vec::new() });
            }
            Parsed::Instruction(instr) => match stages.last_mut() {
                Some(stage) => stage.instructions.push(instr),
                None if matches!(instr.command, Command::Arg(_)) => global_args.push(instr),
                None => {
                    return Err(ParseError {
                        location,
                        message: format!(
                        "no build stage in current context: {} before the first FROM (only ARG may come before FROM)",
                        instr.keyword()
                    ),
                    })
                }
            },
        }
    }
    if stages.is_empty() {
        let message =
            if global_args.is_empty() { "file with no instructions" } else { "no FROM instruction: no build stage" };
        return Err(ParseError { location: p.location(p.lines.len().max(1), 1), message: message.to_string() });
    }
    Ok(Containerfile { file: p.file, escape: p.escape, syntax, global_args, stages })
}

enum Parsed {
    From(From),
    Instruction(Instruction),
}

struct Parser<'t> {
    file: Arc<Path>,
    escape: char,
    lines: Vec<&'t str>,
    /// Index of the next unread line.
    pos: usize,
}

/// Flag kinds of `--name[=value]`.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Bool,
    Str,
    /// May be repeated.
    List,
}

/// The flags given to one instruction, checked against the ones it takes.
struct Flags {
    given: Vec<(String, String)>,
}

impl Flags {
    fn parse(words: Vec<String>, allowed: &[(&str, Kind)]) -> Result<Flags, String> {
        let mut given: Vec<(String, String)> = Vec::new();
        for word in words {
            let Some(arg) = word.strip_prefix("--") else {
                return Err(format!("arg should start with -- : {word}"));
            };
            let (name, value) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (arg, None),
            };
            let Some(&(_, kind)) = allowed.iter().find(|(n, _)| *n == name) else {
                return Err(format!("unknown flag: {name}"));
            };
            if kind != Kind::List && given.iter().any(|(n, _)| n == name) {
                return Err(format!("duplicate flag specified: {name}"));
            }
            let value = match (kind, value) {
                (Kind::Bool, None) => "true".to_string(),
                (Kind::Bool, Some("")) => return Err(format!("missing a value on flag: {name}")),
                (Kind::Bool, Some(v)) => match v.to_ascii_lowercase().as_str() {
                    "true" => "true".to_string(),
                    "false" => "false".to_string(),
                    _ => return Err(format!("expecting boolean value for flag {name}, not: {v}")),
                },
                (_, None) => return Err(format!("missing a value on flag: {name}")),
                (_, Some(v)) => v.to_string(),
            };
            given.push((name.to_string(), value));
        }
        Ok(Flags { given })
    }

    fn string(&self, name: &str) -> Option<String> {
        self.given.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    fn bool(&self, name: &str) -> bool {
        self.given.iter().any(|(n, v)| n == name && v == "true")
    }

    fn list(&self, name: &str) -> Vec<String> {
        self.given.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }
}

const COPY_FLAGS: &[(&str, Kind)] = &[
    ("from", Kind::Str),
    ("chown", Kind::Str),
    ("chmod", Kind::Str),
    ("link", Kind::Bool),
    ("parents", Kind::Bool),
    ("exclude", Kind::List),
];
const ADD_FLAGS: &[(&str, Kind)] = &[
    ("chown", Kind::Str),
    ("chmod", Kind::Str),
    ("link", Kind::Bool),
    ("parents", Kind::Bool),
    ("exclude", Kind::List),
    ("checksum", Kind::Str),
    ("keep-git-dir", Kind::Bool),
];
const RUN_FLAGS: &[(&str, Kind)] = &[("mount", Kind::List), ("network", Kind::Str), ("security", Kind::Str)];
const HEALTHCHECK_FLAGS: &[(&str, Kind)] = &[
    ("interval", Kind::Str),
    ("timeout", Kind::Str),
    ("start-period", Kind::Str),
    ("start-interval", Kind::Str),
    ("retries", Kind::Str),
];

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// `# name=value` at the top of the file.
fn directive(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix('#')?.trim_start();
    let name_len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let name = &rest[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let value = rest[name_len..].trim_start().strip_prefix('=')?.trim();
    if value.is_empty() {
        return None;
    }
    Some((name.to_ascii_lowercase(), value.to_string()))
}

/// Docker's `parseWords`: split on white space outside quotes, keeping quotes
/// and escapes in the words.
fn parse_words(rest: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut blank_ok = false;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            if c == escape && q != '\'' {
                // An escaped quote does not close the quote.
                match chars.next() {
                    Some(n) => {
                        word.push(c);
                        word.push(n);
                    }
                    None => quote = None,
                }
                continue;
            }
            word.push(c);
            continue;
        }
        if !in_word {
            if c.is_whitespace() {
                continue;
            }
            in_word = true;
        }
        if c.is_whitespace() {
            if blank_ok || !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            in_word = false;
            blank_ok = false;
            continue;
        }
        if c == '\'' || c == '"' {
            quote = Some(c);
            blank_ok = true;
            word.push(c);
            continue;
        }
        if c == escape {
            // Kept with the escaped character; dropped at the very end.
            if let Some(n) = chars.next() {
                word.push(c);
                word.push(n);
            }
            continue;
        }
        word.push(c);
    }
    if in_word && (blank_ok || !word.is_empty()) {
        words.push(word);
    }
    words
}

/// Docker's `extractBuilderFlags`: leading `--name[=value]` words (quotes
/// and `\` handled) and the rest of the line.
fn extract_flags(line: &str) -> (Vec<String>, &str) {
    let mut flags = Vec::new();
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].1.is_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            return (flags, "");
        }
        let start = bytes[i].0;
        if !line[start..].starts_with("--") {
            return (flags, &line[start..]);
        }
        let mut word = String::new();
        let mut quote: Option<char> = None;
        let mut blank_ok = false;
        while i < bytes.len() {
            let c = bytes[i].1;
            match quote {
                None if c.is_whitespace() => break,
                None if c == '\'' || c == '"' => {
                    quote = Some(c);
                    blank_ok = true;
                }
                Some(q) if c == q => quote = None,
                _ if c == '\\' => {
                    if i + 1 < bytes.len() {
                        i += 1;
                        word.push(bytes[i].1);
                    }
                }
                _ => word.push(c),
            }
            i += 1;
        }
        if word == "--" {
            let end = bytes.get(i).map_or(line.len(), |b| b.0);
            return (flags, line[end..].trim_start());
        }
        if blank_ok || !word.is_empty() {
            flags.push(word);
        }
    }
}

/// `["a", "b"]`: `Some(Ok)` for an array of strings, `Some(Err)` for an
/// array with other values (an error in Docker), `None` when not JSON (the
/// shell form).
fn json_array(rest: &str) -> Option<Result<Vec<String>, String>> {
    let rest = rest.trim_start();
    if !rest.starts_with('[') {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(rest).ok()?;
    let array = value.as_array()?;
    Some(
        array
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| "when using JSON array syntax, arrays must be comprised of strings only".to_string()),
    )
}

fn whitespace_words(rest: &str) -> Vec<String> {
    rest.split([' ', '\t', '\u{b}', '\u{c}', '\r']).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// A heredoc marker word: `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`.
fn heredoc_marker(word: &str) -> Option<Heredoc> {
    let rest = word.trim_start_matches(|c: char| c.is_ascii_digit()).strip_prefix("<<")?;
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if rest.is_empty() || rest.contains('<') {
        return None;
    }
    let none = |_: &str| None;
    let lex = Lex::new('\\').skip_unset();
    let words = lex.words(rest, &none).ok()?;
    if words.len() != 1 {
        return None;
    }
    let raw = lex.raw(true, false).words(rest, &none).ok()?;
    let quotes = |s: &str| s.matches(['\'', '"']).count();
    let name = words.into_iter().next()?;
    let expand = raw.first().is_some_and(|r| quotes(r) == quotes(&name));
    Some(Heredoc { name, content: String::new(), expand, chomp })
}

fn heredocs_in(line: &str) -> Vec<Heredoc> {
    let none = |_: &str| None;
    let words = Lex::new('\\').raw(true, true).words(line, &none).unwrap_or_default();
    words.iter().filter_map(|w| heredoc_marker(w)).collect()
}

fn duration(flags: &Flags, name: &str) -> Result<Option<Duration>, String> {
    let Some(value) = flags.string(name) else { return Ok(None) };
    let ns = crate::timefmt::parse_go_duration_ns(&value).ok_or_else(|| format!("time: invalid duration {value:?}"))?;
    if ns == 0 {
        return Ok(None);
    }
    if ns < 1_000_000 {
        return Err(format!("Interval {name:?} cannot be less than 1ms"));
    }
    Ok(Some(Duration::from_nanos(ns as u64)))
}

/// Split a `--mount` value on commas, honouring `"` quotes (Go's csv).
fn csv_fields(value: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn parse_mount(value: &str) -> Result<RunMount, String> {
    let mut m = RunMount {
        kind: MountKind::Bind,
        target: None,
        source: None,
        from: None,
        readonly: None,
        id: None,
        sharing: None,
        required: false,
        mode: None,
        uid: None,
        gid: None,
        size: None,
        env: None,
    };
    let fields = csv_fields(value);
    // The type decides which keys are valid: read it first.
    for field in &fields {
        if let Some(("type", t)) =
            field.split_once('=').map(|(k, v)| (k.to_ascii_lowercase(), v)).as_ref().map(|(k, v)| (k.as_str(), *v))
        {
            m.kind = match t {
                "bind" => MountKind::Bind,
                "cache" => MountKind::Cache,
                "tmpfs" => MountKind::Tmpfs,
                "secret" => MountKind::Secret,
                "ssh" => MountKind::Ssh,
                other => return Err(format!("unsupported mount type {other:?}")),
            };
        }
    }
    for field in fields.iter().filter(|f| !f.is_empty()) {
        let (key, val) = match field.split_once('=') {
            Some((k, v)) => (k.to_ascii_lowercase(), Some(v.to_string())),
            None => (field.to_ascii_lowercase(), None),
        };
        let bool_value = |v: &Option<String>| -> Result<bool, String> {
            match v.as_deref() {
                None => Ok(true),
                Some(s) => match s.to_ascii_lowercase().as_str() {
                    "true" | "1" => Ok(true),
                    "false" | "0" => Ok(false),
                    _ => Err(format!("invalid value for {key}: {s}")),
                },
            }
        };
        let need = |v: Option<String>| v.ok_or_else(|| format!("unexpected key '{key}' in '{field}'"));
        match key.as_str() {
            "type" => {}
            "target" | "dst" | "destination" => m.target = Some(need(val)?),
            "source" | "src" => m.source = Some(need(val)?),
            "from" => m.from = Some(need(val)?),
            "readonly" | "ro" => m.readonly = Some(bool_value(&val)?),
            "readwrite" | "rw" => m.readonly = Some(!bool_value(&val)?),
            "required" if matches!(m.kind, MountKind::Secret | MountKind::Ssh) => m.required = bool_value(&val)?,
            "id" => m.id = Some(need(val)?),
            "sharing" => {
                m.sharing = Some(match need(val)?.as_str() {
                    "shared" => CacheSharing::Shared,
                    "private" => CacheSharing::Private,
                    "locked" => CacheSharing::Locked,
                    other => return Err(format!("unsupported sharing value {other:?}")),
                })
            }
            "mode" => {
                let mode = need(val)?;
                u32::from_str_radix(&mode, 8).map_err(|_| format!("invalid mode {mode:?}: not an octal number"))?;
                m.mode = Some(mode);
            }
            "uid" => m.uid = Some(need(val)?),
            "gid" => m.gid = Some(need(val)?),
            "size" if m.kind == MountKind::Tmpfs => m.size = Some(need(val)?),
            "env" if m.kind == MountKind::Secret => m.env = Some(need(val)?),
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    match m.kind {
        MountKind::Secret => {
            if m.from.is_some() {
                return Err("secret mount should not have a from".to_string());
            }
            if m.id.is_none() && m.source.is_none() && m.target.is_none() && m.env.is_none() {
                return Err("secret mount: one of id, source, target or env required".to_string());
            }
        }
        MountKind::Ssh => {}
        _ if m.target.as_deref().is_none_or(str::is_empty) => {
            return Err(format!("mount type {} requires a target", mount_kind_name(m.kind)));
        }
        _ => {}
    }
    Ok(m)
}

fn mount_kind_name(kind: MountKind) -> &'static str {
    match kind {
        MountKind::Bind => "bind",
        MountKind::Cache => "cache",
        MountKind::Secret => "secret",
        MountKind::Tmpfs => "tmpfs",
        MountKind::Ssh => "ssh",
    }
}

fn stage_name_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

impl Parser<'_> {
    fn location(&self, line: usize, column: usize) -> Location {
        Location { file: self.file.clone(), line, column }
    }

    /// Read the parser directives at the top; returns `# syntax=`.
    fn directives(&mut self) -> Result<Option<String>, ParseError> {
        let mut syntax = None;
        let mut seen: Vec<String> = Vec::new();
        while let Some(line) = self.lines.get(self.pos) {
            let Some((name, value)) = directive(line) else { break };
            if !matches!(name.as_str(), "escape" | "syntax" | "check") {
                break;
            }
            if seen.contains(&name) {
                return Err(ParseError {
                    location: self.location(self.pos + 1, 1),
                    message: format!("only one {name} parser directive can be used"),
                });
            }
            match name.as_str() {
                "escape" => {
                    self.escape = match value.as_str() {
                        "\\" => '\\',
                        "`" => '`',
                        _ => {
                            return Err(ParseError {
                                location: self.location(self.pos + 1, 1),
                                message: format!("invalid escape token '{value}' does not match ` or \\"),
                            })
                        }
                    }
                }
                "syntax" => syntax = Some(value),
                _ => {}
            }
            seen.push(name);
            self.pos += 1;
        }
        Ok(syntax)
    }

    /// Strip a trailing escape (and spaces after it); true if the line ends
    /// the instruction.
    fn continuation<'l>(&self, line: &'l str) -> (&'l str, bool) {
        let trimmed = line.trim_end_matches([' ', '\t']);
        match trimmed.strip_suffix(self.escape) {
            Some(body) => (body, false),
            None => (line, true),
        }
    }

    /// The next instruction line with its continuations joined, and where it
    /// starts; `None` at the end of the file.
    fn logical_line(&mut self) -> Option<(String, Location)> {
        while self.pos < self.lines.len() {
            let raw = self.lines[self.pos];
            self.pos += 1;
            let start = self.pos;
            let body = raw.trim_start();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            let column = raw[..raw.len() - body.len()].chars().count() + 1;
            let (first, mut done) = self.continuation(body);
            let mut line = first.to_string();
            while !done && self.pos < self.lines.len() {
                let next = self.lines[self.pos];
                self.pos += 1;
                if is_comment(next) || next.trim_start().is_empty() {
                    continue;
                }
                let (part, end) = self.continuation(next);
                line.push_str(part);
                done = end;
            }
            if line.trim().is_empty() {
                continue;
            }
            return Some((line, self.location(start, column)));
        }
        None
    }

    /// Read the bodies of `docs` from the lines after the instruction.
    fn heredoc_bodies(&mut self, mut docs: Vec<Heredoc>, location: &Location) -> Result<Vec<Heredoc>, ParseError> {
        for doc in &mut docs {
            let mut terminated = false;
            while self.pos < self.lines.len() {
                let line = self.lines[self.pos];
                self.pos += 1;
                let candidate = if doc.chomp { line.trim_start_matches('\t') } else { line };
                if candidate == doc.name {
                    terminated = true;
                    break;
                }
                doc.content.push_str(candidate);
                doc.content.push('\n');
            }
            if !terminated {
                return Err(ParseError {
                    location: location.clone(),
                    message: format!("unterminated heredoc {:?}", doc.name),
                });
            }
        }
        Ok(docs)
    }

    fn instruction(&mut self, line: &str, location: Location, trigger: bool) -> Result<Parsed, ParseError> {
        let fail = |message: String| ParseError { location: location.clone(), message };
        let trimmed = line.trim();
        let (keyword, rest) = match trimmed.find(char::is_whitespace) {
            Some(i) => (&trimmed[..i], trimmed[i..].trim_start()),
            None => (trimmed, ""),
        };
        let (flag_words, args) = extract_flags(rest);
        let args = args.trim();
        let upper = keyword.to_ascii_uppercase();
        let flags = |allowed: &[(&str, Kind)]| Flags::parse(flag_words.clone(), allowed).map_err(fail);
        let original = line.to_string();
        let escape = self.escape;

        if trigger && matches!(upper.as_str(), "ONBUILD" | "FROM" | "MAINTAINER") {
            return Err(fail(match upper.as_str() {
                "ONBUILD" => "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".to_string(),
                _ => format!("{upper} isn't allowed as an ONBUILD trigger"),
            }));
        }
        let at_least_one = |what: &str| fail(format!("{what} requires at least one argument"));
        let exactly_one = || fail(format!("{upper} requires exactly one argument"));

        let command = match upper.as_str() {
            "FROM" => {
                let flags = flags(&[("platform", Kind::Str)])?;
                let words = whitespace_words(args);
                let (image, name) = match words.as_slice() {
                    [image] => (image.clone(), None),
                    [image, as_, name] if as_.eq_ignore_ascii_case("as") => {
                        let name = name.to_ascii_lowercase();
                        if !stage_name_ok(&name) {
                            return Err(fail(format!(
                                "invalid name for build stage: {name:?}, name can't start with a number or contain symbols"
                            )));
                        }
                        (image.clone(), Some(name))
                    }
                    _ => return Err(fail("FROM requires either one or three arguments".to_string())),
                };
                return Ok(Parsed::From(From { image, platform: flags.string("platform"), name, location, original }));
            }
            "ARG" => {
                flags(&[])?;
                let words = parse_words(args, escape);
                if words.is_empty() {
                    return Err(at_least_one("ARG"));
                }
                let mut decls = Vec::new();
                for word in words {
                    let (name, default) = match word.split_once('=') {
                        Some((n, v)) => (n.to_string(), Some(v.to_string())),
                        None => (word, None),
                    };
                    if name.is_empty() {
                        return Err(fail("ARG names can not be blank".to_string()));
                    }
                    decls.push(ArgDecl { name, default });
                }
                Command::Arg(decls)
            }
            "ENV" | "LABEL" => {
                flags(&[])?;
                let words = parse_words(args, escape);
                if words.is_empty() {
                    return Err(at_least_one(&upper));
                }
                let mut pairs = Vec::new();
                if !words[0].contains('=') {
                    // Legacy `ENV name value...`: the value is the rest of the line.
                    let mut parts = args.splitn(2, char::is_whitespace);
                    let key = parts.next().unwrap_or_default().to_string();
                    let value = parts.next().map(str::trim_start).unwrap_or_default().to_string();
                    if value.is_empty() {
                        return Err(fail(format!("{upper} must have two arguments")));
                    }
                    pairs.push(KeyValue { key, value });
                } else {
                    for word in words {
                        let Some((key, value)) = word.split_once('=') else {
                            return Err(fail(format!(
                                "Syntax error - can't find = in {word:?}. Must be of the form: name=value"
                            )));
                        };
                        if key.is_empty() {
                            return Err(fail(format!("{upper} names can not be blank")));
                        }
                        pairs.push(KeyValue { key: key.to_string(), value: value.to_string() });
                    }
                }
                if upper == "ENV" {
                    Command::Env(pairs)
                } else {
                    Command::Label(pairs)
                }
            }
            "MAINTAINER" | "WORKDIR" | "USER" | "STOPSIGNAL" => {
                flags(&[])?;
                if args.is_empty() {
                    return Err(exactly_one());
                }
                let a = args.to_string();
                match upper.as_str() {
                    "MAINTAINER" => Command::Maintainer(a),
                    "WORKDIR" => Command::Workdir(a),
                    "USER" => Command::User(a),
                    _ => Command::StopSignal(a),
                }
            }
            "EXPOSE" => {
                flags(&[])?;
                let ports = whitespace_words(args);
                if ports.is_empty() {
                    return Err(at_least_one("EXPOSE"));
                }
                Command::Expose(ports)
            }
            "VOLUME" => {
                flags(&[])?;
                let paths = match json_array(args) {
                    Some(r) => r.map_err(fail)?,
                    None => whitespace_words(args),
                };
                if paths.is_empty() {
                    return Err(at_least_one("VOLUME"));
                }
                if paths.iter().any(|p| p.trim().is_empty()) {
                    return Err(fail("VOLUME specified can not be an empty string".to_string()));
                }
                Command::Volume(paths)
            }
            "CMD" | "ENTRYPOINT" | "SHELL" => {
                flags(&[])?;
                let cmd = match json_array(args) {
                    Some(r) => CommandLine::Exec(r.map_err(fail)?),
                    None if args.is_empty() => return Err(at_least_one(&upper)),
                    None => CommandLine::Shell(args.to_string()),
                };
                match (upper.as_str(), cmd) {
                    ("CMD", cmd) => Command::Cmd(cmd),
                    ("ENTRYPOINT", cmd) => Command::Entrypoint(cmd),
                    (_, CommandLine::Exec(shell)) if !shell.is_empty() => Command::Shell(shell),
                    (_, CommandLine::Exec(_)) => return Err(at_least_one("SHELL")),
                    (_, CommandLine::Shell(_)) => {
                        return Err(fail("SHELL requires the arguments to be in JSON form".to_string()))
                    }
                }
            }
            "RUN" => {
                let flags = flags(RUN_FLAGS)?;
                let (command, heredocs) = match json_array(args) {
                    Some(r) => (CommandLine::Exec(r.map_err(fail)?), Vec::new()),
                    None if args.is_empty() => return Err(at_least_one("RUN")),
                    None => {
                        let docs = if args.contains("<<") { heredocs_in(line) } else { Vec::new() };
                        (CommandLine::Shell(args.to_string()), self.heredoc_bodies(docs, &location)?)
                    }
                };
                let mounts =
                    flags.list("mount").iter().map(|m| parse_mount(m)).collect::<Result<Vec<_>, _>>().map_err(fail)?;
                let network = match flags.string("network").as_deref() {
                    None => None,
                    Some("default") => Some(RunNetwork::Default),
                    Some("none") => Some(RunNetwork::None),
                    Some("host") => Some(RunNetwork::Host),
                    Some(other) => return Err(fail(format!("network mode {other:?} not supported"))),
                };
                let security = flags.string("security");
                if let Some(s) = &security {
                    if s != "sandbox" && s != "insecure" {
                        return Err(fail(format!("security mode {s:?} not supported")));
                    }
                }
                Command::Run(Run { mounts, network, security, command, heredocs })
            }
            "COPY" | "ADD" => {
                let is_add = upper == "ADD";
                let flags = flags(if is_add { ADD_FLAGS } else { COPY_FLAGS })?;
                let (words, heredocs) = match json_array(args) {
                    Some(r) => (r.map_err(fail)?, Vec::new()),
                    None => {
                        let docs = if args.contains("<<") { heredocs_in(line) } else { Vec::new() };
                        (whitespace_words(args), self.heredoc_bodies(docs, &location)?)
                    }
                };
                if words.len() < 2 {
                    return Err(fail(format!(
                        "{upper} requires at least two arguments, but only one was provided. Destination could not be determined"
                    )));
                }
                let (dest, sources) = words.split_last().expect("two words");
                let in_shell_form = json_array(args).is_none();
                if in_shell_form && heredoc_marker(dest).is_some() {
                    return Err(fail(format!("{upper} cannot accept a heredoc as a destination")));
                }
                let sources = sources
                    .iter()
                    .map(|s| match heredoc_marker(s).filter(|_| in_shell_form) {
                        Some(marker) => {
                            let body = heredocs.iter().find(|h| h.name == marker.name).cloned().unwrap_or(marker);
                            CopySource::Heredoc(body)
                        }
                        None => CopySource::Path(s.clone()),
                    })
                    .collect();
                let copy = Copy {
                    from: if is_add { None } else { flags.string("from") },
                    chown: flags.string("chown"),
                    chmod: flags.string("chmod"),
                    link: flags.bool("link"),
                    parents: flags.bool("parents"),
                    exclude: flags.list("exclude"),
                    checksum: flags.string("checksum"),
                    keep_git_dir: flags.bool("keep-git-dir"),
                    sources,
                    dest: dest.clone(),
                };
                if is_add {
                    Command::Add(copy)
                } else {
                    Command::Copy(copy)
                }
            }
            "HEALTHCHECK" => {
                let (kind, cmd) = match args.find(char::is_whitespace) {
                    Some(i) => (&args[..i], args[i..].trim_start()),
                    None => (args, ""),
                };
                match kind.to_ascii_uppercase().as_str() {
                    "" => return Err(at_least_one("HEALTHCHECK")),
                    "NONE" => {
                        flags(&[])?;
                        if !cmd.is_empty() {
                            return Err(fail("HEALTHCHECK NONE takes no arguments".to_string()));
                        }
                        Command::Healthcheck(Healthcheck::None)
                    }
                    "CMD" => {
                        let flags = flags(HEALTHCHECK_FLAGS)?;
                        let command = match json_array(cmd) {
                            Some(r) => CommandLine::Exec(r.map_err(fail)?),
                            None => CommandLine::Shell(cmd.to_string()),
                        };
                        if matches!(&command, CommandLine::Exec(v) if v.is_empty()) || cmd.is_empty() {
                            return Err(fail("Missing command after HEALTHCHECK CMD".to_string()));
                        }
                        let retries = match flags.string("retries") {
                            None => None,
                            Some(r) => {
                                let n: i64 = r.parse().map_err(|_| fail(format!("invalid --retries value {r:?}")))?;
                                if n < 0 {
                                    return Err(fail(format!("--retries cannot be negative ({n})")));
                                }
                                Some(u32::try_from(n).map_err(|_| fail(format!("--retries too large ({n})")))?)
                            }
                        };
                        Command::Healthcheck(Healthcheck::Check(HealthcheckCmd {
                            command,
                            interval: duration(&flags, "interval").map_err(fail)?,
                            timeout: duration(&flags, "timeout").map_err(fail)?,
                            start_period: duration(&flags, "start-period").map_err(fail)?,
                            start_interval: duration(&flags, "start-interval").map_err(fail)?,
                            retries,
                        }))
                    }
                    other => return Err(fail(format!("Unknown type {other:?} in HEALTHCHECK (try CMD)"))),
                }
            }
            "ONBUILD" => {
                flags(&[])?;
                if args.is_empty() {
                    return Err(fail("ONBUILD requires at least one argument".to_string()));
                }
                let inner = rest.trim();
                let Parsed::Instruction(trigger) = self.instruction(inner, location.clone(), true)? else {
                    return Err(fail("FROM isn't allowed as an ONBUILD trigger".to_string()));
                };
                Command::Onbuild(Box::new(Onbuild { trigger }))
            }
            _ => return Err(fail(format!("unknown instruction: {keyword}"))),
        };
        Ok(Parsed::Instruction(Instruction { command, location, original }))
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
