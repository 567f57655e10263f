//! `rpod search [REGISTRY/]TERM`: the repositories of registries whose
//! name contains TERM, from each registry's `/v2/_catalog` (as Podman does
//! for every registry but Docker Hub). `REGISTRY/TERM` searches that
//! registry; a bare TERM searches every `unqualified-search-registries`
//! entry, in order (at the same time). `--list-tags` lists the tags of one
//! repository instead.
//!
//! Fields of a result: Podman's `Index`, `Name` (`REGISTRY/REPO`),
//! `Description`, `Stars`, `Official`, `Automated`, `Tag`, and Docker's
//! `StarCount`, `IsOfficial`, `IsAutomated`, so that templates written for
//! either work. `--format json` (and `{{json .}}`) prints Podman's JSON:
//! only Podman's keys. Docker's fields are what Docker's formatter gives a
//! template: `StarCount` a number, `IsOfficial`/`IsAutomated` the text
//! `[OK]` or `""` — so `{{.IsOfficial | printf "%q"}}` prints `""` (or
//! `"[OK]"`) as `docker search` does, not Go's `%!q(bool=false)`, and
//! `{{if .IsOfficial}}` still tests what it says.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _};
use clap::Args;
use serde_json::{json, Value};

use crate::context::{print, Context};
use crate::format;
use crate::registry::session::{auth_files, check_authfile, client_options, runtime};
use crate::registry::{resolve_push, resolve_registry, AuthFiles, Client, Endpoint};

/// Podman's default `--limit` (`searchMaxQueries`), per registry.
const DEFAULT_LIMIT: usize = 25;
/// Podman truncates descriptions to this many bytes, then adds `...`.
const DESCRIPTION_TRUNC: usize = 44;

const DEFAULT_TABLE: &str = "table {{.Name}}\t{{.Description}}";
/// `--compatible`: Docker's columns too.
const COMPATIBLE_TABLE: &str = "table {{.Name}}\t{{.Description}}\t{{.Stars}}\t{{.Official}}\t{{.Automated}}";
const TAGS_TABLE: &str = "table {{.Name}}\t{{.Tag}}";
const HEADERS: format::Headers = &[("StarCount", "STARS"), ("IsOfficial", "OFFICIAL"), ("IsAutomated", "AUTOMATED")];

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to search for: TERM (in every unqualified-search registry) or REGISTRY/TERM; a repository with --list-tags
    #[arg(value_name = "TERM")]
    pub term: String,

    /// Filter the results: is-official=BOOL, is-automated=BOOL, stars=N (at least N stars)
    #[arg(short, long, value_name = "FILTER", value_delimiter = ',')]
    pub filter: Vec<String>,

    /// Change the output format to JSON or a Go template (fields: Index, Name, Description, Stars, Official, Automated, Tag; StarCount, IsOfficial, IsAutomated)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Limit the number of results per registry (0: the default, 25)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LIMIT)]
    pub limit: usize,

    /// Do not truncate the output
    #[arg(long)]
    pub no_trunc: bool,

    /// List the tags of the repository TERM
    #[arg(long)]
    pub list_tags: bool,

    /// List stars, official and automated columns (Docker compatibility)
    #[arg(long)]
    pub compatible: bool,

    /// Path of the authentication file (default: $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)
    #[arg(long, value_name = "PATH")]
    pub authfile: Option<PathBuf>,

    /// Use the certificates (*.crt) in this directory to verify the registries
    #[arg(long, value_name = "PATH")]
    pub cert_dir: Option<PathBuf>,

    /// Require HTTPS and verify certificates when contacting registries (default: as registries.conf says)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
}

/// `--filter`, parsed as Podman's `ParseSearchFilter` does.
#[derive(Debug, Default, PartialEq, Eq)]
struct Filter {
    stars: u64,
    official: Option<bool>,
    automated: Option<bool>,
}

impl Filter {
    fn parse(filters: &[String]) -> anyhow::Result<Filter> {
        let mut f = Filter::default();
        for item in filters.iter().filter(|s| !s.is_empty()) {
            let (name, value) = match item.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (item.as_str(), None),
            };
            match name {
                "stars" => {
                    let v = value.ok_or_else(|| anyhow!("invalid filter {item:?}, should be stars=<value>"))?;
                    f.stars = v.parse().map_err(|e| anyhow!("incorrect value type for stars filter: {v:?}: {e}"))?;
                }
                // Podman: anything but `=false` means true.
                "is-official" => f.official = Some(value != Some("false")),
                "is-automated" => f.automated = Some(value != Some("false")),
                _ => bail!("invalid filter type {item:?}"),
            }
        }
        Ok(f)
    }

    fn matches(&self, stars: u64, official: bool, automated: bool) -> bool {
        stars >= self.stars
            && self.official.is_none_or(|want| want == official)
            && self.automated.is_none_or(|want| want == automated)
    }
}

/// One search result.
struct Found {
    index: String,
    name: String,
    description: String,
    stars: u64,
    official: bool,
    automated: bool,
    tag: String,
}

impl Found {
    /// Podman's `ImageSearchReport`, in its field order.
    fn podman(&self) -> Value {
        json!({
            "Index": self.index,
            "Name": self.name,
            "Description": self.description,
            "Stars": self.stars,
            "Official": ok_mark(self.official),
            "Automated": ok_mark(self.automated),
            "Tag": self.tag,
        })
    }

    /// Podman's fields, then Docker's (for templates).
    fn with_docker_fields(&self) -> Value {
        let mut v = self.podman();
        let o = v.as_object_mut().expect("an object");
        o.insert("StarCount".into(), json!(self.stars));
        o.insert("IsOfficial".into(), json!(ok_mark(self.official)));
        o.insert("IsAutomated".into(), json!(ok_mark(self.automated)));
        v
    }
}

fn ok_mark(b: bool) -> &'static str {
    if b {
        "[OK]"
    } else {
        ""
    }
}

pub fn run(ctx: &Context, args: SearchArgs) -> anyhow::Result<()> {
    check_authfile(args.authfile.as_deref())?;
    if args.list_tags && !args.filter.is_empty() {
        bail!("filters are not applicable to list tags result");
    }
    let filter = Filter::parse(&args.filter)?;
    let limit = if args.limit == 0 { DEFAULT_LIMIT } else { args.limit };
    let config = ctx.config()?;
    let auth = auth_files(ctx, args.authfile.as_deref());
    let client = Client::new(client_options(ctx, args.cert_dir.clone()));
    let rt = runtime()?;

    if args.list_tags {
        let candidate = resolve_push(&args.term, &config.registries, args.tls_verify)?;
        let repo = candidate.location.name();
        let creds = auth.lookup(&repo).context("getting username and password")?;
        let tags = rt
            .block_on(client.tags(&candidate, creds.as_ref()))
            .with_context(|| format!("getting repository tags of {repo}"))?;
        let tags: Vec<String> = tags.into_iter().take(limit).collect();
        if tags.is_empty() {
            return Ok(());
        }
        if is_json(args.format.as_deref()) {
            let doc = json!([{ "Name": repo, "Tags": tags }]);
            return print(&(format::to_json_pretty(&doc) + "\n"));
        }
        let rows: Vec<Value> = tags
            .into_iter()
            .map(|tag| {
                let found = Found {
                    index: candidate.registry().to_string(),
                    name: repo.clone(),
                    description: String::new(),
                    stars: 0,
                    official: false,
                    automated: false,
                    tag,
                };
                found.with_docker_fields()
            })
            .collect();
        let format = args.format.as_deref().filter(|f| !f.trim().is_empty()).unwrap_or(TAGS_TABLE);
        return print(&format::render_list(Some(format), &rows, TAGS_TABLE, HEADERS)?);
    }

    let (registries, term) = split_term(&args.term, config.registries.search_registries())?;
    let mut targets = Vec::new();
    for registry in &registries {
        targets.push(resolve_registry(registry, &config.registries, args.tls_verify).map_err(anyhow::Error::from));
    }
    let searches = targets.iter().map(|t| {
        let (client, auth, term) = (&client, &auth, term.as_str());
        async move {
            match t {
                Ok(endpoint) => search_one(client, auth, endpoint, term).await,
                Err(e) => Err(anyhow!("{e}")),
            }
        }
    });
    let outcomes = rt.block_on(futures_util::future::join_all(searches));

    let mut found = Vec::new();
    let mut errors = Vec::new();
    for (registry, outcome) in registries.iter().zip(outcomes) {
        match outcome {
            Ok(repos) => {
                let index = registry_name(registry);
                let matching = repos
                    .into_iter()
                    .map(|repo| Found {
                        name: format!("{index}/{repo}"),
                        index: index.clone(),
                        description: truncate_description("", args.no_trunc),
                        stars: 0,
                        official: false,
                        automated: false,
                        tag: String::new(),
                    })
                    .filter(|f| filter.matches(f.stars, f.official, f.automated))
                    .take(limit);
                found.extend(matching);
            }
            Err(e) => errors.push(format!("couldn't search registry {registry:?}: {e:#}")),
        }
    }
    // As Podman: results from one registry are enough; errors only matter
    // when nothing was found.
    if found.is_empty() && !errors.is_empty() {
        if errors.len() == 1 {
            bail!("{}", errors.remove(0));
        }
        bail!("{} errors occurred:\n\t* {}", errors.len(), errors.join("\n\t* "));
    }
    for e in &errors {
        log::debug!("{e}");
    }
    if found.is_empty() {
        return Ok(());
    }
    if is_json(args.format.as_deref()) {
        let rows: Vec<Value> = found.iter().map(Found::podman).collect();
        return print(&(format::to_json_pretty(&Value::Array(rows)) + "\n"));
    }
    let rows: Vec<Value> = found.iter().map(Found::with_docker_fields).collect();
    let default = if args.compatible { COMPATIBLE_TABLE } else { DEFAULT_TABLE };
    print(&format::render_list(args.format.as_deref(), &rows, default, HEADERS)?)
}

/// The repositories of one registry whose name contains `term`.
async fn search_one(client: &Client, auth: &AuthFiles, endpoint: &Endpoint, term: &str) -> anyhow::Result<Vec<String>> {
    let creds = auth.lookup(&endpoint.registry).context("getting username and password")?;
    let repos = client.catalog(endpoint, creds.as_ref()).await?;
    Ok(repos.into_iter().filter(|r| r.contains(term)).collect())
}

/// `REGISTRY/TERM` → that registry; a bare TERM → the search registries.
/// The part before the first `/` is a registry when it looks like a host
/// (has a `.` or a `:`, or is `localhost`), as Docker decides for
/// references; otherwise (`library/busybox`) the whole is the term.
fn split_term(input: &str, search: &[String]) -> anyhow::Result<(Vec<String>, String)> {
    if let Some((first, rest)) = input.split_once('/') {
        if first.contains(['.', ':']) || first == "localhost" {
            let registry = registry_name(first);
            // Docker Hub does not find `library/x` when asked for it.
            let term = if registry == "docker.io" { rest.strip_prefix("library/").unwrap_or(rest) } else { rest };
            return Ok((vec![registry], term.to_string()));
        }
    }
    if search.is_empty() {
        bail!("no registries to search: set unqualified-search-registries in registries.conf, or search REGISTRY/TERM");
    }
    Ok((search.to_vec(), input.to_string()))
}

/// Docker Hub's legacy names are `docker.io`.
fn registry_name(r: &str) -> String {
    match r {
        "index.docker.io" | "registry-1.docker.io" => "docker.io".to_string(),
        other => other.to_string(),
    }
}

/// Podman's description cell: one line, at most 44 bytes and `...` unless `--no-trunc`.
fn truncate_description(description: &str, no_trunc: bool) -> String {
    let one_line = description.replace('\n', " ");
    if no_trunc || one_line.len() <= DESCRIPTION_TRUNC {
        return one_line;
    }
    let mut end = DESCRIPTION_TRUNC;
    while !one_line.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", &one_line[..end])
}

/// Podman's `IsJSON`: `json`, or `{{json .}}` as the whole format.
fn is_json(format: Option<&str>) -> bool {
    format::is_json(format.unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let p = |v: &[&str]| Filter::parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(p(&[]).unwrap(), Filter::default());
        let f = p(&["is-official=true", "stars=3", "is-automated=false"]).unwrap();
        assert_eq!(f, Filter { stars: 3, official: Some(true), automated: Some(false) });
        assert_eq!(p(&["is-official"]).unwrap().official, Some(true));
        assert_eq!(p(&["is-official=no"]).unwrap().official, Some(true));
        assert!(p(&["stars"]).unwrap_err().to_string().contains("should be stars=<value>"));
        assert!(p(&["stars=x"]).unwrap_err().to_string().starts_with("incorrect value type for stars filter"));
        assert_eq!(p(&["label=x"]).unwrap_err().to_string(), "invalid filter type \"label=x\"");
        assert!(Filter::default().matches(0, false, false));
        assert!(!f.matches(5, false, false));
        assert!(f.matches(5, true, false));
        assert!(!f.matches(2, true, false));
        assert!(p(&["is-official=false"]).unwrap().matches(0, false, true));
    }

    #[test]
    fn terms() {
        let search = vec!["r1.io".to_string(), "docker.io".to_string()];
        assert_eq!(split_term("busybox", &search).unwrap(), (search.clone(), "busybox".to_string()));
        assert_eq!(split_term("library/busybox", &search).unwrap(), (search.clone(), "library/busybox".to_string()));
        assert_eq!(
            split_term("127.0.0.1:5000/busybox", &search).unwrap(),
            (vec!["127.0.0.1:5000".into()], "busybox".into())
        );
        assert_eq!(split_term("localhost/", &search).unwrap(), (vec!["localhost".into()], String::new()));
        assert_eq!(split_term("index.docker.io/library/x", &search).unwrap(), (vec!["docker.io".into()], "x".into()));
        assert!(split_term("x", &[]).unwrap_err().to_string().starts_with("no registries to search"));
    }

    #[test]
    fn descriptions_and_json_formats() {
        assert_eq!(truncate_description("a\nb", false), "a b");
        let long = "x".repeat(50);
        assert_eq!(truncate_description(&long, false), format!("{}...", "x".repeat(44)));
        assert_eq!(truncate_description(&long, true), long);
        let accents = "é".repeat(30);
        assert_eq!(truncate_description(&accents, false), format!("{}...", "é".repeat(22)));
        for f in ["json", " json ", "{{json .}}", "{{ json . }}", "{{- json . -}}"] {
            assert!(is_json(Some(f)), "{f}");
        }
        for f in ["", "table", "{{json .Name}}", "{{.Name}} {{json .}}", "jsonx"] {
            assert!(!is_json(Some(f)), "{f}");
        }
    }

    #[test]
    fn docker_fields_render_as_docker_prints_them() {
        let f = Found {
            index: "r.io".into(),
            name: "r.io/library/busybox".into(),
            description: String::new(),
            stars: 0,
            official: false,
            automated: false,
            tag: String::new(),
        };
        let row = f.with_docker_fields();
        let seed = r#"{{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial | printf "%q"}}\t{{.IsAutomated | printf "%q"}}"#;
        let out = format::render_list(Some(seed), std::slice::from_ref(&row), DEFAULT_TABLE, HEADERS).unwrap();
        let cells: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(cells, ["r.io/library/busybox", "0", "\"\"", "\"\""], "{out:?}");
        let official = Found { official: true, stars: 7, ..f }.with_docker_fields();
        let out = format::render_list(
            Some("{{.IsOfficial}} {{.StarCount}} {{.Stars}} {{if .IsOfficial}}yes{{end}}"),
            &[official],
            DEFAULT_TABLE,
            HEADERS,
        )
        .unwrap();
        assert_eq!(out, "[OK] 7 7 yes\n");
        let out = format::render_list(
            Some("table {{.Name}}\t{{.StarCount}}\t{{.IsOfficial}}\t{{.Stars}}"),
            &[row],
            DEFAULT_TABLE,
            HEADERS,
        )
        .unwrap();
        assert!(out.starts_with("NAME"), "{out}");
        assert_eq!(
            out.lines().next().unwrap().split_whitespace().collect::<Vec<_>>(),
            ["NAME", "STARS", "OFFICIAL", "STARS"]
        );
    }
}
