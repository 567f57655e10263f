//! Output formatting for `--format`: Go templates, `table`, `json`.
//!
//! Template engine: the `gotmpl` crate (0.6), chosen over `gtmpl` (0.7).
//! `gotmpl` is a maintained, close port of Go's `text/template` and `fmt`
//! (cross-checked against Go in its own test suite): Go's value printing
//! (`[a b]`, `map[k:v]`, `<no value>`), Go's printf verbs and bad-verb output
//! (`%!d(string=x)`, `%q`), `range` over ints, `break`/`continue`, and
//! error texts in Go's form (`template: 1:3: unclosed action`, `can't evaluate
//! field X in type string`). It has no `unsafe`, bounds recursion and range
//! iterations, and needs only `smol_str` + `thiserror` 2. `gtmpl` prints lists
//! and maps as Rust debug output, has no `%q` for strings, errors on Go's
//! bad-verb cases, and pulls in `thiserror` 1, `lazy_static`, `anyhow`.
//!
//! Data are `serde_json::Value`s, converted to `gotmpl::Value`. Three
//! things are added around the engine here:
//! - Go rejects an unknown function when parsing; `gotmpl` only when it runs
//!   into it, so the parse tree is checked here (an error even with no rows).
//! - `gotmpl` 0.6.1 stops silently at a stray top-level `{{end}}`/`{{else}}`
//!   (`a{{end}}b` renders `a`) and accepts a block left open at the end
//!   (`{{if .A}}x`); Go reports `unexpected {{end}}` / `unexpected EOF`.
//!   Detected here.
//! - The engine's maps are sorted; `{{json .}}` restores the rows' key order
//!   (rows stand for Go structs, printed in field order).

mod fields;
mod funcs;
pub mod human;
mod tabwriter;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use gotmpl::parse::{Expr, ListNode, Node, Parser, PipeNode};
use gotmpl::{Template, TemplateError, Value};
use serde::Serialize;
use serde_json::Value as Json;

use funcs::{to_tmpl, KeyOrders};

/// How the header of a column is spelled for a field, e.g. ("ID", "CONTAINER ID"). Fields not listed get their name upper-cased with CamelCase split into words ("CreatedAt" -> "CREATED AT").
pub type Headers<'a> = &'a [(&'a str, &'a str)];

/// A `--format` that could not be used. The messages carry the template
/// engine's own text.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The template does not parse, e.g. `template: 1:5: unclosed action` or
    /// `template: 1:3: function "foo" not defined`.
    #[error("{0}")]
    Parse(String),
    /// The template failed while running on a value, e.g. `template:
    /// execution error: can't evaluate field Foo in type string`.
    #[error("template: {0}")]
    Exec(String),
    /// A value could not be turned into JSON (for callers building the rows
    /// with `serde_json::to_value`).
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

const LEFT_DELIM: &str = "{{";
const RIGHT_DELIM: &str = "}}";

/// Render a list of rows (ps, images, search, network ls ...).
/// `format` None or "" => `default_table` is used (a "table ..." template string, e.g. "table {{.ID}}\t{{.Image}}\t{{.Names}}").
/// "json" => pretty JSON array of the rows (4-space indent like podman; `[]` for no rows).
/// "table" alone => the default table; "table TEMPLATE" => TEMPLATE per row, aligned into columns, preceded by a header line made from the `{{.Field}}` names in TEMPLATE via `headers`.
/// anything else => TEMPLATE executed per row, each row followed by "\n" unless the output of the row already ends with one.
/// `--noheading`: a `table` template without its `table` keyword (still
/// aligned into columns, without the header line); `default` (a `table`
/// template) when the format is `table` alone. Other formats unchanged.
pub fn without_heading(format: &str, default: &str, noheading: bool) -> String {
    match format.trim_start().strip_prefix("table") {
        Some(rest) if noheading => {
            let body = rest.trim_start();
            if body.is_empty() {
                default.trim_start_matches("table ").to_string()
            } else {
                body.to_string()
            }
        }
        _ => format.to_string(),
    }
}

/// `\t` and `\n` written literally (backslash + letter, as typed in a shell) in the format are turned into TAB / newline before parsing.
/// Output of table and plain templates goes through a tab-aligner like Go's text/tabwriter as podman uses it (minwidth 12, tabwidth 2, padding 2, padchar ' ', flags 0): cells are separated by TAB; the last cell of a line is not padded.
///
/// A template that ranges over dot at its top level (`{{range .}}...{{end}}`,
/// as Podman accepts) is executed once on the whole list instead of per row.
/// The result is ready to print: it ends with a newline unless it is empty.
pub fn render_list(
    format: Option<&str>,
    rows: &[Json],
    default_table: &str,
    headers: Headers,
) -> Result<String, FormatError> {
    match list_mode(format.unwrap_or(""), default_table) {
        Mode::Json => Ok(to_json_pretty(&Json::Array(rows.to_vec())) + "\n"),
        Mode::Table(body) => render_rows(&spaces_to_tabs(body), rows, Some(headers)),
        Mode::Plain(body) => render_rows(body, rows, None),
    }
}

/// Render one value (inspect, info, version): "json" => pretty JSON (4-space indent), otherwise a template executed on the value, followed by "\n" unless it already ends in one. (No table here; `table`/None/"" are treated as "json"; "table TEMPLATE" runs TEMPLATE, without a header.)
pub fn render_one(format: Option<&str>, value: &Json) -> Result<String, FormatError> {
    let format = format.unwrap_or("");
    let body = match format.trim() {
        "" | "table" => return Ok(to_json_pretty(value) + "\n"),
        f if is_json(f) => return Ok(to_json_pretty(value) + "\n"),
        _ => table_body(format).unwrap_or(format),
    };
    let src = normalize_escapes(body);
    let compiled = compile(&src, || KeyOrders::collect([value]))?;
    check_fields(&src, &compiled.tree, value)?;
    let mut text = String::new();
    push_line(&mut text, &execute(&compiled.template, &to_tmpl(value))?);
    Ok(tabwriter::align(&text))
}

/// Tab-separated cells aligned into columns the way table output is (for
/// callers that build a fixed table without the template engine).
pub fn align_columns(text: &str) -> String {
    tabwriter::align(text)
}

/// Pretty JSON with 4-space indentation, as Podman prints `images` and
/// `search` (helper also used by inspect). See [`to_json_indent`].
pub fn to_json_pretty(value: &Json) -> String {
    to_json_indent(value, 4)
}

/// JSON as Go's encoder writes it with `SetEscapeHTML(false)`: keys keep
/// their order, `<`, `>`, `&` are not escaped. `indent` spaces per level
/// (Podman: `ps`, `info`, `network ls` 2; `images`, `search` 4), 0 for the
/// compact form (`version`, `history`). No trailing newline.
pub fn to_json_indent(value: &Json, indent: usize) -> String {
    let mut buf = Vec::with_capacity(128);
    let indent = " ".repeat(indent);
    // Writing a `serde_json::Value` into a Vec cannot fail, and the output
    // of serde_json is always UTF-8.
    let written = if indent.is_empty() {
        value.serialize(&mut serde_json::Serializer::new(&mut buf))
    } else {
        let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut buf, formatter))
    };
    if written.is_err() {
        return String::new();
    }
    funcs::go_json_escapes(String::from_utf8(buf).unwrap_or_default())
}

enum Mode<'a> {
    Json,
    Table(&'a str),
    Plain(&'a str),
}

fn list_mode<'a>(format: &'a str, default_table: &'a str) -> Mode<'a> {
    let default = || match table_body(default_table) {
        Some(body) => Mode::Table(body),
        None => Mode::Plain(default_table),
    };
    match format.trim() {
        "" => default(),
        f if is_json(f) => Mode::Json,
        _ => match table_body(format) {
            Some(body) if body.trim().is_empty() => default(),
            Some(body) => Mode::Table(body),
            None => Mode::Plain(format),
        },
    }
}

/// Podman's `IsJSON`: `json`, and `{{json .}}` as the whole format, both
/// print the pretty JSON document (a list as one array, not a line per row).
pub fn is_json(format: &str) -> bool {
    let f = format.trim();
    if f == "json" {
        return true;
    }
    let Some(inner) = f.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) else { return false };
    let inner = inner.strip_prefix('-').unwrap_or(inner);
    let inner = inner.strip_suffix('-').unwrap_or(inner);
    let mut words = inner.split_whitespace();
    words.next() == Some("json") && words.next() == Some(".") && words.next().is_none()
}

/// The template after a leading `table` keyword, if there is one.
fn table_body(format: &str) -> Option<&str> {
    let rest = format.trim_start().strip_prefix("table")?;
    let mut chars = rest.chars();
    match chars.next() {
        None => Some(""),
        Some(c) if c.is_whitespace() => Some(chars.as_str()),
        Some(_) => None,
    }
}

fn render_rows(body: &str, rows: &[Json], headers: Option<Headers>) -> Result<String, FormatError> {
    let src = normalize_escapes(body);
    let compiled = compile(&src, || KeyOrders::collect(rows))?;
    let mut text = String::new();
    if let Some(headers) = headers {
        let mut header = String::new();
        for node in &compiled.tree.nodes {
            header_of_node(node, headers, &mut header);
        }
        push_line(&mut text, &header);
    }
    if compiled.tree.nodes.iter().any(is_range_over_dot) {
        check_fields(&src, &compiled.tree, &Json::Array(rows.to_vec()))?;
        let list = Value::List(rows.iter().map(to_tmpl).collect::<Vec<_>>().into());
        let out = execute(&compiled.template, &list)?;
        if !out.is_empty() {
            push_line(&mut text, &out);
        }
    } else {
        for row in rows {
            check_fields(&src, &compiled.tree, row)?;
            push_line(&mut text, &execute(&compiled.template, &to_tmpl(row))?);
        }
    }
    Ok(tabwriter::align(&text))
}

fn push_line(buf: &mut String, s: &str) {
    buf.push_str(s);
    if !s.ends_with('\n') {
        buf.push('\n');
    }
}

/// Go's error for a field that a struct does not have (see `fields`), e.g.
/// `template: 1:2: executing at <.Nosuch>: can't evaluate field Nosuch in
/// type struct` (Go counts the column from 0 here).
fn check_fields(src: &str, tree: &ListNode, value: &Json) -> Result<(), FormatError> {
    match fields::unknown_field(tree, value) {
        None => Ok(()),
        Some(u) => Err(FormatError::Exec(format!(
            "{}:{}: executing at <{}>: can't evaluate field {} in type struct",
            u.line,
            column(src, u.offset) - 1,
            u.expr,
            u.field
        ))),
    }
}

/// Podman's `table` directive turns every space of its template into a
/// column break (a TAB), so `table {{.ID}} {{.Names}}` aligns like
/// `table {{.ID}}\t{{.Names}}`. Done here in the text between actions only:
/// inside an action a space is either insignificant or part of a string.
fn spaces_to_tabs(body: &str) -> String {
    map_text(body, |text| text.replace(' ', "\t"))
}

fn execute(template: &Template, data: &Value) -> Result<String, FormatError> {
    template.execute_to_string(data).map_err(|e| FormatError::Exec(e.to_string()))
}

/// Turn `\t` and `\n` typed in a shell into TAB and newline in the text of
/// the template. Inside `{{ }}` they are left alone: there they can only be
/// in string literals, where Go reads the escape itself (and a raw newline
/// would end the literal).
fn normalize_escapes(src: &str) -> String {
    map_text(src, |text| text.replace("\\t", "\t").replace("\\n", "\n"))
}

/// `src` with `f` applied to the text between its actions.
fn map_text(src: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    loop {
        let (text, action) = match rest.find(LEFT_DELIM) {
            Some(i) => (&rest[..i], Some(&rest[i..])),
            None => (rest, None),
        };
        out.push_str(&f(text));
        let Some(action) = action else { break };
        let end = action_end(action.as_bytes());
        out.push_str(&action[..end]);
        rest = &action[end..];
    }
    out
}

/// Length of the action at the start of `s` (which starts with `{{`), up to
/// and including its `}}`, skipping quoted strings and comments; all of `s`
/// if it is not closed. Always an ASCII boundary.
fn action_end(s: &[u8]) -> usize {
    let mut i = LEFT_DELIM.len();
    let mut quote = None;
    while i < s.len() {
        match quote {
            Some(q) => {
                if s[i] == b'\\' && q != b'`' {
                    i += 1;
                } else if s[i] == q {
                    quote = None;
                }
            }
            None => {
                if s[i..].starts_with(RIGHT_DELIM.as_bytes()) {
                    return i + RIGHT_DELIM.len();
                }
                if s[i..].starts_with(b"/*") {
                    match s[i + 2..].windows(2).position(|w| w == b"*/") {
                        Some(j) => i += 2 + j + 1,
                        None => return s.len(),
                    }
                } else if matches!(s[i], b'"' | b'`' | b'\'') {
                    quote = Some(s[i]);
                }
            }
        }
        i += 1;
    }
    s.len()
}

struct Compiled {
    template: Template,
    /// The top-level parse tree, for the header line and `{{range .}}`.
    tree: ListNode,
}

fn parse_error(e: TemplateError) -> FormatError {
    FormatError::Parse(e.to_string())
}

/// Parse `src` with our functions, checking what `gotmpl` leaves unchecked.
/// `orders` is only computed when the template calls `json`.
fn compile(src: &str, orders: impl FnOnce() -> KeyOrders) -> Result<Compiled, FormatError> {
    let (tree, defines) = Parser::new(src, LEFT_DELIM, RIGHT_DELIM).and_then(Parser::parse).map_err(parse_error)?;
    if !parses_to_the_end(src) {
        return Err(FormatError::Parse(stray_keyword_error(src)));
    }

    let mut unknown = None;
    let mut uses_json = false;
    let mut check = |e: &Expr| {
        if let Expr::Identifier(pos, name) = e {
            let name = name.as_str();
            uses_json |= name == "json";
            let known = funcs::GO_BUILTINS.contains(&name) || funcs::CUSTOM.contains(&name);
            if !known && unknown.is_none() {
                unknown = Some((pos.offset, pos.line, name.to_string()));
            }
        }
    };
    walk_list(&tree, &mut check);
    for define in &defines {
        walk_list(&define.body, &mut check);
    }
    if let Some((offset, line, name)) = unknown {
        let col = column(src, offset);
        return Err(FormatError::Parse(format!("template: {line}:{col}: function \"{name}\" not defined")));
    }

    let orders = Arc::new(if uses_json { orders() } else { KeyOrders::default() });
    let template = Template::new("").funcs(funcs::func_map(orders)).parse(src).map_err(parse_error)?;
    Ok(Compiled { template, tree })
}

/// 1-based column of byte `offset` in `src`, counted in characters.
fn column(src: &str, offset: usize) -> usize {
    let mut end = offset.min(src.len());
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let start = src[..end].rfind('\n').map_or(0, |i| i + 1);
    src[start..end].chars().count() + 1
}

/// Text that cannot occur in a template, appended to see whether the parser
/// reaches the end of the source.
const SENTINEL: &str = "\u{1}rpod:end-of-template\u{1}";

/// Whether `src` parses and the parser consumed all of it at the top level
/// (see the module doc: `gotmpl` stops at a stray `{{end}}` or `{{else}}`,
/// and an open block swallows the rest).
fn parses_to_the_end(src: &str) -> bool {
    let full = format!("{src}{SENTINEL}");
    match Parser::new(&full, LEFT_DELIM, RIGHT_DELIM).and_then(Parser::parse) {
        Ok((tree, _)) => {
            matches!(tree.nodes.last(), Some(Node::Text(t)) if t.text.ends_with(SENTINEL))
        }
        Err(_) => false,
    }
}

/// Go's error for a template the parser did not read to its end: the first
/// top-level `{{end}}` or `{{else}}` (the first one whose preceding text is a
/// complete template), else an unclosed block.
fn stray_keyword_error(src: &str) -> String {
    for (i, _) in src.match_indices(LEFT_DELIM) {
        let after = &src[i + LEFT_DELIM.len()..];
        let after = after.strip_prefix('-').unwrap_or(after).trim_start();
        let word_len = after.find(|c: char| !c.is_ascii_alphanumeric() && c != '_').unwrap_or(after.len());
        let word = &after[..word_len];
        if (word == "end" || word == "else") && parses_to_the_end(&src[..i]) {
            let line = src[..i].matches('\n').count() + 1;
            let col = column(src, i);
            return format!("template: {line}:{col}: unexpected {{{{{word}}}}}");
        }
    }
    // No stray keyword: a block (`if`, `range`, `with`, `define`) is left
    // open at the end, which `gotmpl` 0.6.1 accepts as well.
    let line = src.matches('\n').count() + 1;
    format!("template: {line}:{}: unexpected EOF", column(src, src.len()))
}

fn walk_list(list: &ListNode, f: &mut impl FnMut(&Expr)) {
    for node in &list.nodes {
        walk_node(node, f);
    }
}

fn walk_node(node: &Node, f: &mut impl FnMut(&Expr)) {
    match node {
        Node::List(list) => walk_list(list, f),
        Node::Action(action) => walk_pipe(&action.pipe, f),
        Node::If(b) | Node::Range(b) | Node::With(b) => {
            walk_pipe(&b.pipe, f);
            walk_list(&b.body, f);
            if let Some(list) = &b.else_body {
                walk_list(list, f);
            }
        }
        Node::Template(t) => {
            if let Some(pipe) = &t.pipe {
                walk_pipe(pipe, f);
            }
        }
        Node::Define(d) => walk_list(&d.body, f),
        Node::Text(_) | Node::Break(_) | Node::Continue(_) => {}
    }
}

fn walk_pipe(pipe: &PipeNode, f: &mut impl FnMut(&Expr)) {
    for command in &pipe.commands {
        for arg in &command.args {
            walk_expr(arg, f);
        }
    }
}

fn walk_expr(expr: &Expr, f: &mut impl FnMut(&Expr)) {
    f(expr);
    match expr {
        Expr::Pipe(_, pipe) => walk_pipe(pipe, f),
        Expr::Chain(_, inner, _) => walk_expr(inner, f),
        _ => {}
    }
}

fn is_dot_pipe(pipe: &PipeNode) -> bool {
    matches!(pipe.commands.as_slice(), [c] if matches!(c.args.as_slice(), [Expr::Dot(_)]))
}

fn is_range_over_dot(node: &Node) -> bool {
    matches!(node, Node::Range(b) if is_dot_pipe(&b.pipe))
}

/// The first field a pipeline reads, as its path (`.Host.Arch` -> Host, Arch).
fn first_field(pipe: &PipeNode) -> Option<Vec<String>> {
    let mut found = None;
    walk_pipe(pipe, &mut |e: &Expr| {
        if found.is_none() {
            let path = match e {
                Expr::Field(_, path) | Expr::Variable(_, _, path) | Expr::Chain(_, _, path) => path,
                _ => return,
            };
            if !path.is_empty() {
                found = Some(path.iter().map(|s| s.to_string()).collect());
            }
        }
    });
    found
}

/// The header line of a table: the template's text with every action
/// replaced by the header of the field it prints.
fn header_of_node(node: &Node, headers: Headers, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(&t.text),
        Node::Action(a) if a.pipe.decl.is_empty() => {
            if let Some(path) = first_field(&a.pipe) {
                out.push_str(&header_for(&path, headers));
            }
        }
        // `{{range .}}` runs over the rows; `if` and `with` print their body.
        Node::Range(b) if is_dot_pipe(&b.pipe) => b.body.nodes.iter().for_each(|n| header_of_node(n, headers, out)),
        Node::If(b) | Node::With(b) => b.body.nodes.iter().for_each(|n| header_of_node(n, headers, out)),
        Node::Range(b) => {
            if let Some(path) = first_field(&b.pipe) {
                out.push_str(&header_for(&path, headers));
            }
        }
        Node::List(l) => l.nodes.iter().for_each(|n| header_of_node(n, headers, out)),
        _ => {}
    }
}

fn header_for(path: &[String], headers: Headers) -> String {
    let key = path.join(".");
    match headers.iter().find(|(field, _)| *field == key) {
        Some((_, header)) => header.to_string(),
        None => path.iter().map(|p| humanize(p)).collect::<Vec<_>>().join(" "),
    }
}

/// Podman's default header for a field: CamelCase split into words (as
/// github.com/fatih/camelcase splits it), upper-cased: "CreatedAt" ->
/// "CREATED AT", "NetworkID" -> "NETWORK ID", "ID" -> "ID".
fn humanize(name: &str) -> String {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Lower,
        Upper,
        Digit,
        Other,
    }
    let class = |c: char| {
        if c.is_lowercase() {
            Class::Lower
        } else if c.is_uppercase() {
            Class::Upper
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Other
        }
    };
    // Runs of characters of one class.
    let mut runs: Vec<(Class, Vec<char>)> = Vec::new();
    for c in name.chars() {
        let k = class(c);
        match runs.last_mut() {
            Some((last, chars)) if *last == k => chars.push(c),
            _ => runs.push((k, vec![c])),
        }
    }
    // An upper-case run followed by a lower-case one gives its last letter
    // to it: "HTTPServer" -> "HTTP", "Server".
    for i in 0..runs.len().saturating_sub(1) {
        if runs[i].0 == Class::Upper && runs[i + 1].0 == Class::Lower {
            if let Some(c) = runs[i].1.pop() {
                runs[i + 1].1.insert(0, c);
            }
        }
    }
    runs.iter()
        .filter(|(_, chars)| !chars.is_empty())
        .map(|(_, chars)| chars.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}
