//! Man pages and shell completions, generated from the clap definition in
//! [`crate::cli`]. The generated files are committed under `man/` and
//! `completions/`; `tests/generated.rs` fails when they drift and rewrites
//! them when run with `RPOD_UPDATE_GENERATED=1`.

use std::path::PathBuf;

use clap::ValueEnum;

/// Shells rpod writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Shell {
    fn clap(self) -> clap_complete::Shell {
        match self {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
        }
    }

    /// The file name under `completions/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Shell::Bash => "rpod.bash",
            Shell::Zsh => "_rpod",
            Shell::Fish => "rpod.fish",
        }
    }
}

/// The completion script for `shell` (`descriptions`: with the flags' and
/// commands' help): clap_complete's, plus the names of containers and
/// images asked from rpod at completion time (as Podman's scripts ask
/// `podman __complete`).
pub fn completion_script(shell: Shell, descriptions: bool) -> String {
    let mut cmd = without_hidden_commands(crate::cli::command());
    let names = name_positionals(&cmd);
    if !descriptions {
        cmd = without_descriptions(cmd);
    }
    if shell == Shell::Zsh {
        cmd = with_name_hints(cmd);
    }
    let mut buf = Vec::new();
    clap_complete::generate(shell.clap(), &mut cmd, "rpod", &mut buf);
    let script = String::from_utf8_lossy(&buf).into_owned();
    match shell {
        Shell::Bash => bash_names(script, &names),
        Shell::Zsh => zsh_names(script),
        Shell::Fish => fish_names(script, &names),
    }
}

/// What a command's positional names: containers or images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Containers,
    Images,
}

impl Names {
    /// The rpod command that lists them, one a line.
    fn lister(self) -> &'static str {
        match self {
            Names::Containers => "rpod ps -a --format '{{.Names}}' 2>/dev/null",
            Names::Images => "rpod images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>'",
        }
    }
}

/// A command whose first positional (every one when `all`) is a container
/// or an image, with its flags that take a value (their values are not
/// positionals).
struct NamePositional {
    path: Vec<String>,
    kind: Names,
    all: bool,
    value_flags: Vec<String>,
}

fn name_positionals(root: &clap::Command) -> Vec<NamePositional> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<NamePositional>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            if let Some(first) = sub.get_positionals().next() {
                let names: Vec<String> =
                    first.get_value_names().unwrap_or_default().iter().map(|n| n.to_string()).collect();
                let kind = match names.first().map(String::as_str) {
                    Some("CONTAINER") => Some(Names::Containers),
                    Some("IMAGE") => Some(Names::Images),
                    _ => None,
                };
                if let Some(kind) = kind {
                    let mut value_flags = Vec::new();
                    for a in sub
                        .get_arguments()
                        .filter(|a| !a.is_positional() && a.get_action().takes_values() && !a.is_require_equals_set())
                    {
                        value_flags.extend(a.get_long().map(|l| format!("--{l}")));
                        value_flags.extend(a.get_short().map(|c| format!("-{c}")));
                    }
                    let all = names.len() == 1 && first.get_num_args().is_some_and(|n| n.max_values() > 1);
                    out.push(NamePositional { path: p.clone(), kind, all, value_flags });
                }
            }
            walk(sub, &p, out);
        }
    }
    let mut out = Vec::new();
    walk(root, &[], &mut out);
    out
}

/// Bash: `_rpod` (clap's), then, on a container or image positional, the
/// names rpod lists.
fn bash_names(script: String, names: &[NamePositional]) -> String {
    let mut table = String::new();
    for n in names {
        let kind = if n.kind == Names::Containers { "containers" } else { "images" };
        let all = if n.all { "all" } else { "first" };
        table.push_str(&format!(
            "        \"{}\") echo \"{kind} {all} {}\" ;;\n",
            n.path.join(" "),
            n.value_flags.join(" ")
        ));
    }
    let helper = format!(
        r#"
# Container and image names, asked from rpod at completion time.
_rpod_name_table() {{
    case "$1" in
{table}    esac
}}

_rpod_with_names() {{
    _rpod "$@"
    local cur="${{COMP_WORDS[COMP_CWORD]}}"
    [[ "$cur" == -* ]] && return
    local path="" entry="" i w skip=0 positionals=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${{COMP_WORDS[i]}}"
        if ((skip)); then skip=0; continue; fi
        if [[ -z "$entry" ]]; then
            [[ "$w" == -* ]] && continue
            path="${{path:+$path }}$w"
            entry="$(_rpod_name_table "$path")"
            continue
        fi
        if [[ "$w" == -* ]]; then
            [[ "$w" != *=* && " ${{entry#* * }} " == *" $w "* ]] && skip=1
            continue
        fi
        positionals=$((positionals + 1))
    done
    [[ -z "$entry" ]] && return
    local kind="${{entry%% *}}" rest="${{entry#* }}"
    [[ "${{rest%% *}}" == first && $positionals -gt 0 ]] && return
    local list
    case "$kind" in
        containers) list="$({containers})" ;;
        images) list="$({images})" ;;
    esac
    COMPREPLY=($(compgen -W "$list" -- "$cur"))
}}
"#,
        containers = Names::Containers.lister(),
        images = Names::Images.lister(),
    );
    let script = script.replace("complete -F _rpod ", "complete -F _rpod_with_names ");
    match script.rfind("\nif [[ \"${BASH_VERSINFO[0]}\"") {
        Some(at) => format!("{}{helper}{}", &script[..at], &script[at..]),
        None => script + &helper,
    }
}

/// For zsh: a positional that is only a container (image) gets the value
/// hint `Username` (`Hostname`), which rpod uses nowhere else, so that
/// [`zsh_names`] can turn clap's `_users` (`_hosts`) into rpod's lists.
fn with_name_hints(cmd: clap::Command) -> clap::Command {
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = cmd;
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |sub| {
            let first = sub.get_positionals().next().and_then(|a| {
                let names = a.get_value_names()?;
                let hint = match names {
                    [n] if n.as_str() == "CONTAINER" => clap::ValueHint::Username,
                    [n] if n.as_str() == "IMAGE" => clap::ValueHint::Hostname,
                    _ => return None,
                };
                Some((a.get_id().to_string(), hint))
            });
            // mut_arg moves an argument to the end: the later positionals
            // are moved after it again, in their order.
            let later: Vec<String> = sub.get_positionals().skip(1).map(|a| a.get_id().to_string()).collect();
            let sub = match first {
                Some((id, hint)) => {
                    later.iter().fold(sub.mut_arg(id, |a| a.value_hint(hint)), |s, id| s.mut_arg(id, |a| a))
                }
                None => sub,
            };
            with_name_hints(sub)
        });
    }
    cmd
}

/// Zsh: the positional's action becomes the names rpod lists.
fn zsh_names(script: String) -> String {
    let helper = format!(
        "\n(( $+functions[_rpod_containers] )) ||\n_rpod_containers() {{\n    local -a names; names=(${{(f)\"$({})\"}})\n    compadd -a names\n}}\n(( $+functions[_rpod_images] )) ||\n_rpod_images() {{\n    local -a names; names=(${{(f)\"$({})\"}})\n    compadd -a names\n}}\n",
        Names::Containers.lister(),
        Names::Images.lister()
    );
    let script = script.replace(":_users' \\", ":_rpod_containers' \\").replace(":_hosts' \\", ":_rpod_images' \\");
    match script.rfind("\nif [ \"$funcstack[1]\" = \"_rpod\" ]") {
        Some(at) => format!("{}{helper}{}", &script[..at], &script[at..]),
        None => script + &helper,
    }
}

/// Fish: one more rule per command, offering the names.
fn fish_names(mut script: String, names: &[NamePositional]) -> String {
    script.push_str("\n# Container and image names, asked from rpod at completion time.\n");
    for n in names {
        let cond = match n.path.as_slice() {
            [one] => format!("__fish_rpod_using_subcommand {one}"),
            [first, rest @ ..] => {
                format!("__fish_rpod_using_subcommand {first}; and __fish_seen_subcommand_from {}", rest.join(" "))
            }
            [] => continue,
        };
        script.push_str(&format!(
            "complete -c rpod -n \"{cond}\" -f -a \"({})\"\n",
            n.kind.lister().replace('"', "\\\"")
        ));
    }
    script
}

/// The tree without the help texts of its commands and flags
/// (`completion --no-desc`).
fn without_descriptions(cmd: clap::Command) -> clap::Command {
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = cmd.about(None).long_about(None).mut_args(|a| a.help(None).long_help(None));
    for name in subs {
        cmd = cmd.mut_subcommand(name, without_descriptions);
    }
    cmd
}

/// The tree without its hidden top-level commands (`oci`):
/// clap_complete would offer them.
fn without_hidden_commands(cmd: clap::Command) -> clap::Command {
    let mut out = clap::Command::new(cmd.get_name().to_string());
    if let Some(v) = cmd.get_version() {
        out = out.version(v.to_string());
    }
    if let Some(a) = cmd.get_about() {
        out = out.about(a.clone());
    }
    if let Some(a) = cmd.get_long_about() {
        out = out.long_about(a.clone());
    }
    for a in cmd.get_arguments() {
        out = out.arg(a.clone());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out = out.subcommand(sub.clone());
    }
    out.subcommand_required(true).disable_help_subcommand(true).disable_version_flag(cmd.is_disable_version_flag_set())
}

/// Every man page: `rpod.1`, and `rpod-<sub>[-<verb>].1` for each command.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = crate::cli::command();
    cmd.build();
    let mut pages = Vec::new();
    collect_pages(&cmd, &mut pages);
    pages
}

fn collect_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    let name = cmd.get_display_name().unwrap_or_else(|| cmd.get_name()).to_string();
    let mut buf = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd.clone().name(name.clone())).render(&mut buf);
    pages.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let sub = sub.clone().display_name(format!("{name}-{}", sub.get_name()));
        collect_pages(&sub, pages);
    }
}

/// Every generated file, by its path relative to the repository root.
pub fn all_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> =
        man_pages().into_iter().map(|(name, body)| (PathBuf::from("man").join(name), body)).collect();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        files.push((PathBuf::from("completions").join(shell.file_name()), completion_script(shell, true).into_bytes()));
    }
    files
}

/// Every command path of the tree users can type (`rm`, `container rm`,
/// `image ls`'s canonical `image list`, ...), in tree order, without the
/// hidden ones.
pub fn command_paths() -> Vec<String> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let path =
                if prefix.is_empty() { sub.get_name().to_string() } else { format!("{prefix} {}", sub.get_name()) };
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&crate::cli::command(), "", &mut out);
    out
}

/// The flags of `podman CMD --help` output as snapshot lines:
/// `CMD<TAB>-s<TAB>--long` (`-` when there is no short form). `CMD` is
/// empty for the global flags.
pub fn podman_flag_lines(command: &str, help: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_options = false;
    for line in help.lines() {
        if line.ends_with("Options:") || line == "Flags:" {
            in_options = true;
            continue;
        }
        if !in_options {
            continue;
        }
        let t = line.trim_start();
        let (short, rest) = match t.strip_prefix('-') {
            Some(r) if !r.starts_with('-') && r.chars().nth(1) == Some(',') => {
                (format!("-{}", &r[..1]), r[2..].trim_start().to_string())
            }
            _ => ("-".to_string(), t.to_string()),
        };
        let Some(long) = rest.strip_prefix("--") else { continue };
        let long: String = long.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        if long.is_empty() || long == "help" {
            continue;
        }
        out.push(format!("{command}\t{short}\t--{long}"));
    }
    out
}

/// Why rpod does not have a flag of Podman's yet: "not yet", or the area
/// (issue) that brings it.
fn missing_area(command: &str, long: &str) -> &'static str {
    match long {
        "network" | "net" | "network-alias" | "ip" | "ip6" | "mac-address" | "dns" | "dns-opt" | "dns-option"
        | "dns-search" | "add-host" | "publish" | "publish-all" | "expose" | "no-hosts" | "rootless-netns" => {
            "not yet (networks)"
        }
        "volume" | "mount" | "tmpfs" | "volumes-from" | "image-volume" => "not yet (volumes)",
        "pod" | "pod-id-file" | "infra" | "infra-command" | "infra-conmon-pidfile" | "infra-image" | "infra-name" => {
            "not yet (pods)"
        }
        "remote" | "url" | "connection" | "identity" | "ssh" => "not planned (remote API)",
        // cgroup v1 knobs with no cgroup v2 file: rpod manages cgroup v2 only.
        "memory-swappiness" | "oom-kill-disable" | "cpu-rt-period" | "cpu-rt-runtime" | "kernel-memory" => {
            "not planned (cgroup v1 only)"
        }
        // rpod's monitor is its own (conmon's part); libpod namespaces are gone in Podman 5.
        "conmon" | "namespace" if command.is_empty() => "not planned (rpod's own monitor; libpod namespaces)",
        "syslog" | "volumepath" if command.is_empty() => "not yet (global engine settings)",
        _ => "not yet",
    }
}

/// `man/compat.md`: per command, each of Podman 4.3's flags (from the
/// snapshot of `podman CMD --help`) as supported by rpod, or not yet with
/// the area that brings it; totals first.
pub fn compat_table(snapshot: &str) -> String {
    let root = crate::cli::command();
    let find = |path: &str| -> Option<clap::Command> {
        let mut cmd = root.clone();
        for word in path.split_whitespace() {
            cmd = cmd.find_subcommand(word)?.clone();
        }
        Some(cmd)
    };
    // (command, [(flag as shown, status, long name)])
    type Section = (String, Vec<(String, String, String)>);
    let mut sections: Vec<Section> = Vec::new();
    for line in snapshot.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (cmd, short, long) = (f.next().unwrap_or(""), f.next().unwrap_or("-"), f.next().unwrap_or(""));
        if sections.last().is_none_or(|(c, _)| c != cmd) {
            sections.push((cmd.to_string(), Vec::new()));
        }
        let name = long.trim_start_matches("--");
        let ours = find(cmd).is_some_and(|c| {
            c.get_arguments().chain(root.get_arguments().filter(|a| a.is_global_set())).any(|a| {
                a.get_long() == Some(name)
                    || a.get_all_aliases().is_some_and(|al| al.contains(&name))
                    || (name == "version" && cmd.is_empty() && a.get_id() == "version")
            })
        });
        let shown = if short == "-" { long.to_string() } else { format!("{short}, {long}") };
        let status = if ours { "supported" } else { missing_area(cmd, name) }.to_string();
        sections.last_mut().expect("pushed").1.push((shown, status, name.to_string()));
    }
    let total: usize = sections.iter().map(|s| s.1.len()).sum();
    let supported: usize = sections.iter().map(|s| s.1.iter().filter(|f| f.1 == "supported").count()).sum();
    let mut by_area: std::collections::BTreeMap<&str, usize> = Default::default();
    for (_, flags) in &sections {
        for (_, status, _) in flags {
            if status != "supported" {
                *by_area.entry(status).or_default() += 1;
            }
        }
    }
    let mut out = String::from(
        "# rpod and Podman 4.3: flag by flag\n\n\
         Generated by `RPOD_UPDATE_GENERATED=1 cargo test --test generated` from rpod's clap tree and\n\
         `tests/podman-4.3-flags.txt` (the flags of `podman CMD --help` for every command rpod has; the\n\
         same test checks that snapshot against the installed Podman). Do not edit.\n\n",
    );
    out.push_str(&format!("Totals: {supported} of {total} of Podman's flags supported"));
    for (area, n) in &by_area {
        out.push_str(&format!("; {area}: {n}"));
    }
    out.push_str(".\n");
    for (cmd, flags) in &sections {
        let title = if cmd.is_empty() { "rpod (global flags)".to_string() } else { format!("rpod {cmd}") };
        out.push_str(&format!("\n## {title}\n\n| flag | rpod |\n|---|---|\n"));
        for (shown, status, _) in flags {
            out.push_str(&format!("| `{shown}` | {status} |\n"));
        }
    }
    out
}
