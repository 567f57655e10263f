//! `.containerignore` / `.dockerignore`: which context paths a build never
//! sees, with Docker's rules (moby `patternmatcher` and `ignorefile`).
//!
//! One pattern a line; lines starting with `#` are comments; white space
//! around a pattern is trimmed; `!` makes an exception. Each pattern is
//! cleaned like Go's `filepath.Clean` (so `./a`, `a/` and `a//b` mean `a`
//! and `a/b`) and a leading `/` is dropped: patterns are relative to the
//! context root. `*` matches any run of characters but `/`, `?` one
//! character but `/`, `[a-z]` / `[^a-z]` a class, `\` escapes, and `**`
//! any number of directories (also none). A pattern matching a directory
//! matches everything below it. The last pattern that matches a path
//! decides (so `!` exceptions must come after what they except).
//!
//! Which file: `--ignorefile` if given; otherwise `.containerignore` in the
//! context directory, else `.dockerignore` (Podman's order).

use std::path::{Path, PathBuf};

use regex::Regex;

/// A bad ignore file (unreadable, or a pattern that does not compile).
#[derive(Debug, thiserror::Error)]
pub enum IgnoreError {
    #[error("reading ignore file {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{file}: line {line}: {message}")]
    Pattern { file: String, line: usize, message: String },
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Cleaned, without the `!`.
    text: String,
    exception: bool,
    regex: Regex,
}

/// The compiled patterns of one ignore file (empty: nothing excluded).
#[derive(Debug, Clone, Default)]
pub struct Ignore {
    patterns: Vec<Pattern>,
    /// The file they came from, if any.
    pub file: Option<PathBuf>,
}

/// Go's `path.Clean` for `/`-separated paths.
pub(crate) fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|p| *p != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            p => out.push(p),
        }
    }
    let joined = out.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// Docker's translation of one cleaned pattern into an anchored regex.
fn compile(pattern: &str) -> Result<Regex, String> {
    let mut re = String::from("^");
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '*' if chars.get(i) == Some(&'*') => {
                i += 1;
                if chars.get(i) == Some(&'/') {
                    i += 1;
                }
                if i == chars.len() {
                    re.push_str(".*");
                } else {
                    re.push_str("(.*/)?");
                }
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            // `^` right after `[` negates the class; elsewhere it is literal.
            '^' if i >= 2 && chars[i - 2] == '[' => re.push('^'),
            '.' | '$' | '+' | '(' | ')' | '|' | '{' | '}' | '^' => {
                re.push('\\');
                re.push(c);
            }
            '\\' => {
                re.push('\\');
                match chars.get(i) {
                    Some(&n) => {
                        re.push(n);
                        i += 1;
                    }
                    None => re.push('\\'),
                }
            }
            _ => re.push(c),
        }
    }
    re.push('$');
    Regex::new(&re).map_err(|_| format!("syntax error in pattern {pattern:?}"))
}

impl Ignore {
    /// Parse the text of an ignore file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Ignore, IgnoreError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut patterns = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let mut pattern = line.trim();
            if pattern.is_empty() {
                continue;
            }
            let exception = pattern.starts_with('!');
            if exception {
                pattern = pattern[1..].trim();
            }
            let fail = |message: String| IgnoreError::Pattern { file: file.to_string(), line: n + 1, message };
            if pattern.is_empty() {
                return Err(fail("illegal exclusion pattern: \"!\"".to_string()));
            }
            let mut text = clean(pattern);
            if text.len() > 1 && text.starts_with('/') {
                text.remove(0);
            }
            let regex = compile(&text).map_err(fail)?;
            patterns.push(Pattern { text, exception, regex });
        }
        Ok(Ignore { patterns, file: None })
    }

    /// `--ignorefile` if given, else `.containerignore`, else `.dockerignore`
    /// in `context`; none of them: nothing is ignored.
    pub fn load(context: &Path, ignorefile: Option<&Path>) -> Result<Ignore, IgnoreError> {
        let candidates: Vec<PathBuf> = match ignorefile {
            Some(f) => vec![f.to_path_buf()],
            None => vec![context.join(".containerignore"), context.join(".dockerignore")],
        };
        for path in candidates {
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let mut ignore = Ignore::parse(&text, &path.display().to_string())?;
                    ignore.file = Some(path);
                    return Ok(ignore);
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && ignorefile.is_none() => continue,
                Err(source) => return Err(IgnoreError::Read { path, source }),
            }
        }
        Ok(Ignore::default())
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether some pattern is a `!` exception (then an excluded directory
    /// must still be walked: something below it may be included again).
    pub fn has_exceptions(&self) -> bool {
        self.patterns.iter().any(|p| p.exception)
    }

    /// Whether `path` (relative to the context root, `/`-separated) is
    /// excluded: by a pattern matching it or one of its parent directories,
    /// the last matching pattern deciding (Docker's `MatchesOrParentMatches`).
    pub fn is_excluded(&self, path: &str) -> bool {
        let path = clean(path);
        let path = path.trim_start_matches('/');
        if path.is_empty() || path == "." {
            return false;
        }
        let parents: Vec<usize> = path.match_indices('/').map(|(i, _)| i).collect();
        let mut excluded = false;
        for p in &self.patterns {
            // An exclusion cannot change an excluded path, nor an exception
            // an included one.
            if p.exception != excluded {
                continue;
            }
            let matched = p.regex.is_match(path) || parents.iter().any(|&i| p.regex.is_match(&path[..i]));
            if matched {
                excluded = !p.exception;
            }
        }
        excluded
    }

    /// The cleaned patterns (`!` kept), for messages and tests.
    pub fn patterns(&self) -> Vec<String> {
        self.patterns.iter().map(|p| if p.exception { format!("!{}", p.text) } else { p.text.clone() }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignore(text: &str) -> Ignore {
        Ignore::parse(text, ".dockerignore").unwrap()
    }

    #[test]
    fn docker_documented_examples() {
        // docs.docker.com "Dockerignore files": the example file.
        let i = ignore("# comment\n*/temp*\n*/*/temp*\ntemp?\n");
        assert!(i.is_excluded("somedir/temporary.txt"));
        assert!(i.is_excluded("somedir/temp"));
        assert!(i.is_excluded("somedir/subdir/temporary.txt"));
        assert!(i.is_excluded("tempa") && i.is_excluded("tempb"));
        assert!(!i.is_excluded("temp"), "? is exactly one character");
        assert!(!i.is_excluded("temporary.txt"), "*/temp* needs a directory level");
        assert!(!i.is_excluded("# comment"));

        let i = ignore("**/*.go\n");
        assert!(i.is_excluded("main.go") && i.is_excluded("a/b/c.go"));
        assert!(!i.is_excluded("a/b/c.gox"));

        let i = ignore("*.md\n!README.md\n");
        assert!(i.is_excluded("CHANGES.md"));
        assert!(!i.is_excluded("README.md"));

        let i = ignore("*.md\n!README*.md\nREADME-secret.md\n");
        assert!(i.is_excluded("README-secret.md"));
        assert!(!i.is_excluded("README-public.md"));
        assert!(i.is_excluded("other.md"));

        let i = ignore("*.md\nREADME-secret.md\n!README*.md\n");
        assert!(!i.is_excluded("README-secret.md"), "the last match wins");
    }

    #[test]
    fn directories_and_cleaning() {
        let i = ignore("/build/\n./node_modules\nlogs//old\n  tmp  \n");
        assert_eq!(i.patterns(), ["build", "node_modules", "logs/old", "tmp"]);
        assert!(i.is_excluded("build") && i.is_excluded("build/out/app"));
        assert!(i.is_excluded("node_modules/x/index.js"));
        assert!(i.is_excluded("logs/old/1.log") && !i.is_excluded("logs/new/1.log"));
        assert!(!i.is_excluded("src/build"), "patterns are anchored at the root");
        assert!(!i.is_excluded(""), "the root itself is never excluded");

        // Excluded directory with an exception inside it.
        let i = ignore("docs\n!docs/keep.txt\n");
        assert!(i.has_exceptions());
        assert!(i.is_excluded("docs") && i.is_excluded("docs/other.txt"));
        assert!(!i.is_excluded("docs/keep.txt"));

        let i = ignore("**\n!src/**\n!Containerfile\n");
        assert!(i.is_excluded("README") && i.is_excluded("a/b"));
        assert!(!i.is_excluded("src/main.rs") && !i.is_excluded("Containerfile"));

        let i = ignore("a/**/z\n");
        assert!(i.is_excluded("a/z") && i.is_excluded("a/b/c/z") && !i.is_excluded("b/z"));

        let i = ignore("[a-c].txt\n\\*.log\nfile.?\n[^x]y\n");
        assert!(i.is_excluded("b.txt") && !i.is_excluded("d.txt"));
        assert!(i.is_excluded("ay") && !i.is_excluded("xy"));
        assert!(i.is_excluded("*.log") && !i.is_excluded("x.log"));
        assert!(i.is_excluded("file.c") && !i.is_excluded("filexc"), ". is literal");
    }

    #[test]
    fn bad_patterns_and_files() {
        let e = Ignore::parse("ok\n!\n", ".dockerignore").unwrap_err();
        assert_eq!(e.to_string(), ".dockerignore: line 2: illegal exclusion pattern: \"!\"");
        let e = Ignore::parse("[a-\n", "x").unwrap_err();
        assert!(e.to_string().contains("syntax error in pattern"), "{e}");

        let dir = tempfile::tempdir().unwrap();
        assert!(Ignore::load(dir.path(), None).unwrap().is_empty());
        std::fs::write(dir.path().join(".dockerignore"), "a\n").unwrap();
        assert_eq!(Ignore::load(dir.path(), None).unwrap().patterns(), ["a"]);
        std::fs::write(dir.path().join(".containerignore"), "b\n").unwrap();
        let i = Ignore::load(dir.path(), None).unwrap();
        assert_eq!(i.patterns(), ["b"], ".containerignore wins");
        assert_eq!(i.file.as_deref(), Some(dir.path().join(".containerignore").as_path()));
        let other = dir.path().join("custom.ignore");
        std::fs::write(&other, "c\n").unwrap();
        assert_eq!(Ignore::load(dir.path(), Some(&other)).unwrap().patterns(), ["c"]);
        let missing = dir.path().join("missing");
        assert!(matches!(Ignore::load(dir.path(), Some(&missing)), Err(IgnoreError::Read { .. })));
    }
}
