//! Go's struct semantics for field names in templates.
//!
//! Podman runs templates on Go structs: `{{.Nosuch}}` fails with `can't
//! evaluate field Nosuch in type ...` (exit 125), while a missing key of a
//! map (`{{.Labels.nosuch}}`) prints `<no value>`. The rows here are JSON
//! objects, which the engine treats as maps throughout, so before a
//! template runs on a value its field paths are resolved against that value
//! here, and a name that an object standing for a struct does not have is
//! the error Go would give.
//!
//! Which objects stand for maps: those under a key that is a map in Podman
//! (`Labels`, `Annotations`, `NetworkSettings.Ports`, ...), empty ones, and
//! any whose keys are not all exported Go identifiers (label keys, port
//! specs, registry names). Every other object stands for a struct.
//!
//! The check follows dot into `with` and `range` (over every element) and
//! `$` to the top; fields of variables and of function results are left to
//! the engine. Both branches of an `if` are checked, so a misspelt field is
//! found even in a branch that no row takes.

use gotmpl::parse::{Expr, ListNode, Node, PipeNode};
use serde_json::Value as Json;

/// Keys whose object value is a map in Podman's structs.
const MAP_KEYS: &[&str] = &[
    "Labels",
    "Annotations",
    "Options",
    "ExposedPorts",
    "Volumes",
    "Ports",
    "PortBindings",
    "Networks",
    "Data",
    "Sysctls",
    "Tmpfs",
    "StorageOpt",
    "Registries",
    "GraphStatus",
    "GraphOptions",
    "registries",
    "graphStatus",
    "graphOptions",
];

/// A value the template's dot or `$` can stand for, with the key it was
/// reached by (and its parent's), which decide whether an object is a map.
#[derive(Clone, Copy)]
struct Frame<'a> {
    value: &'a Json,
    key: &'a str,
    parent: &'a str,
}

impl<'a> Frame<'a> {
    fn root(value: &'a Json) -> Self {
        Frame { value, key: "", parent: "" }
    }
}

/// An unknown field: where it is in the source and what Go would say.
#[derive(Debug, PartialEq)]
pub(crate) struct Unknown {
    pub offset: usize,
    pub line: usize,
    pub expr: String,
    pub field: String,
}

fn is_go_identifier(k: &str) -> bool {
    let mut chars = k.chars();
    chars.next().is_some_and(|c| c.is_uppercase()) && chars.all(|c| c.is_alphanumeric() || c == '_')
}

fn is_struct(f: &Frame) -> bool {
    let Json::Object(o) = f.value else { return false };
    if f.key.is_empty() {
        return true;
    }
    let map_key = MAP_KEYS.contains(&f.key) || (f.key == "Config" && f.parent == "LogConfig");
    !map_key && !o.is_empty() && o.keys().all(|k| is_go_identifier(k))
}

/// Go's truth of a value (`if`, `with`): false, 0, "", nil and empty lists
/// and maps are false.
fn truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(a) => !a.is_empty(),
        Json::Object(o) => !o.is_empty(),
    }
}

struct Checker<'a> {
    root: Frame<'a>,
}

type Check<T> = Result<T, Unknown>;

impl<'a> Checker<'a> {
    /// Follow `path` from `from`: the value reached, None once the path
    /// leaves what can be followed (a missing map key, nil, a non-object:
    /// the engine has its own answer there).
    fn walk<S: AsRef<str>>(
        &self,
        from: Frame<'a>,
        path: &[S],
        pos: (usize, usize),
        text: &str,
    ) -> Check<Option<Frame<'a>>> {
        let mut f = from;
        for name in path {
            let Json::Object(o) = f.value else { return Ok(None) };
            match o.get_key_value(name.as_ref()) {
                Some((k, v)) => f = Frame { value: v, key: k.as_str(), parent: f.key },
                None if is_struct(&f) => {
                    return Err(Unknown {
                        offset: pos.0,
                        line: pos.1,
                        expr: text.to_string(),
                        field: name.as_ref().to_string(),
                    });
                }
                None => return Ok(None),
            }
        }
        Ok(Some(f))
    }

    /// Check `expr`, returning the value it stands for when known.
    fn expr(&self, expr: &Expr, dot: Option<Frame<'a>>) -> Check<Option<Frame<'a>>> {
        match expr {
            Expr::Dot(_) => Ok(dot),
            Expr::Field(p, path) => {
                let text = path.iter().map(|s| format!(".{s}")).collect::<String>();
                match dot {
                    Some(d) => self.walk(d, path, (p.offset, p.line), &text),
                    None => Ok(None),
                }
            }
            Expr::Variable(p, name, path) if name.as_str() == "$" => {
                let text = format!("${}", path.iter().map(|s| format!(".{s}")).collect::<String>());
                self.walk(self.root, path, (p.offset, p.line), &text)
            }
            Expr::Pipe(_, pipe) => self.pipe(pipe, dot),
            Expr::Chain(p, inner, path) => match self.expr(inner, dot)? {
                Some(f) => {
                    let text = path.iter().map(|s| format!(".{s}")).collect::<String>();
                    self.walk(f, path, (p.offset, p.line), &text)
                }
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Check every argument of a pipeline; its value is known when it is a
    /// single operand (`.A.B`, `$.A`, `(.A).B`).
    fn pipe(&self, pipe: &PipeNode, dot: Option<Frame<'a>>) -> Check<Option<Frame<'a>>> {
        let mut value = None;
        for command in &pipe.commands {
            for arg in &command.args {
                value = self.expr(arg, dot)?;
            }
        }
        let single = matches!(pipe.commands.as_slice(), [c] if c.args.len() == 1);
        Ok(if single { value } else { None })
    }

    fn list(&self, list: &ListNode, dot: Option<Frame<'a>>) -> Check<()> {
        list.nodes.iter().try_for_each(|n| self.node(n, dot))
    }

    fn node(&self, node: &Node, dot: Option<Frame<'a>>) -> Check<()> {
        match node {
            Node::Action(a) => self.pipe(&a.pipe, dot).map(drop),
            Node::List(l) => self.list(l, dot),
            Node::If(b) => {
                self.pipe(&b.pipe, dot)?;
                self.list(&b.body, dot)?;
                b.else_body.as_ref().map_or(Ok(()), |e| self.list(e, dot))
            }
            Node::With(b) => match self.pipe(&b.pipe, dot)? {
                Some(f) if !truthy(f.value) => b.else_body.as_ref().map_or(Ok(()), |e| self.list(e, dot)),
                inner => {
                    self.list(&b.body, inner)?;
                    b.else_body.as_ref().map_or(Ok(()), |e| self.list(e, dot))
                }
            },
            Node::Range(b) => {
                let over = self.pipe(&b.pipe, dot)?;
                // Elements stand for structs unless their keys make them
                // maps (the key of the list or map is not theirs).
                let item = |v: &'a Json, parent: &'a str| Frame { value: v, key: "[]", parent };
                let items: Vec<Frame<'a>> = match over.map(|f| (f.key, f.value)) {
                    Some((key, Json::Array(a))) => a.iter().map(|v| item(v, key)).collect(),
                    Some((key, Json::Object(o))) => o.values().map(|v| item(v, key)).collect(),
                    Some(_) => Vec::new(),
                    None => return self.list(&b.body, None),
                };
                for item in &items {
                    self.list(&b.body, Some(*item))?;
                }
                if items.is_empty() {
                    b.else_body.as_ref().map_or(Ok(()), |e| self.list(e, dot))?;
                }
                Ok(())
            }
            // Named templates run on whatever they are given: not followed.
            Node::Template(_) | Node::Define(_) | Node::Text(_) | Node::Break(_) | Node::Continue(_) => Ok(()),
        }
    }
}

/// The first field in `tree` that `value` (as dot and `$`) does not have
/// where Go would need it.
pub(crate) fn unknown_field(tree: &ListNode, value: &Json) -> Option<Unknown> {
    let root = Frame::root(value);
    Checker { root }.list(tree, Some(root)).err()
}
