//! The parser against the corpus in tests/data/dockerfiles (real-world
//! shapes: multi-stage, heredocs, `# escape=`, continuations, JSON forms,
//! ONBUILD, variables) and against broken files.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use super::*;
use crate::build::ast::*;
use crate::build::vars::{BuildArgs, GlobalArgs, StageVars};

macro_rules! corpus {
    ($name:literal) => {
        parse(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dockerfiles/", $name)), Path::new($name))
            .unwrap_or_else(|e| panic!("{e}"))
    };
}

fn parse_str(text: &str) -> Result<Containerfile, ParseError> {
    parse(text, Path::new("Containerfile"))
}

fn error(text: &str) -> String {
    match parse_str(text) {
        Ok(file) => panic!("parsed, expected an error: {file:?}"),
        Err(e) => e.to_string(),
    }
}

fn shell(text: &str) -> CommandLine {
    CommandLine::Shell(text.to_string())
}

fn exec(args: &[&str]) -> CommandLine {
    CommandLine::Exec(args.iter().map(|s| s.to_string()).collect())
}

fn build_args(pairs: &[(&str, &str)]) -> BuildArgs {
    BuildArgs::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<BTreeMap<_, _>>())
}

fn copy_of(instr: &Instruction) -> &Copy {
    match &instr.command {
        Command::Copy(c) | Command::Add(c) => c,
        other => panic!("not COPY/ADD: {other:?}"),
    }
}

fn run_of(instr: &Instruction) -> &Run {
    match &instr.command {
        Command::Run(r) => r,
        other => panic!("not RUN: {other:?}"),
    }
}

fn paths(copy: &Copy) -> Vec<&str> {
    copy.sources
        .iter()
        .map(|s| match s {
            CopySource::Path(p) => p.as_str(),
            CopySource::Heredoc(h) => h.name.as_str(),
        })
        .collect()
}

#[test]
fn multistage_go() {
    let f = corpus!("multistage-go.Dockerfile");
    assert_eq!(f.syntax.as_deref(), Some("docker/dockerfile:1.7"));
    assert_eq!(f.escape, '\\');
    assert_eq!(f.global_args.len(), 2);
    assert_eq!(
        f.global_args[0].command,
        Command::Arg(vec![ArgDecl { name: "GO_VERSION".into(), default: Some("1.22".into()) }])
    );
    assert_eq!(f.stages.len(), 3);

    let build = &f.stages[0];
    assert_eq!(build.name(), Some("build"), "stage names are lower-cased");
    assert_eq!(build.from.image, "golang:${GO_VERSION}-alpine");
    assert_eq!(build.from.platform.as_deref(), Some("$BUILDPLATFORM"));
    assert_eq!((build.from.location.line, build.from.location.column), (7, 1));
    assert_eq!(build.from.location.to_string(), "multistage-go.Dockerfile:7:1");
    let kinds: Vec<&str> = build.instructions.iter().map(|i| i.keyword()).collect();
    assert_eq!(kinds, ["ARG", "WORKDIR", "ENV", "COPY", "RUN", "COPY", "RUN"]);
    assert_eq!(
        build.instructions[0].command,
        Command::Arg(vec![
            ArgDecl { name: "TARGETOS".into(), default: None },
            ArgDecl { name: "TARGETARCH".into(), default: None }
        ])
    );
    assert_eq!(build.instructions[2].original, "ENV CGO_ENABLED=0     GOFLAGS=-trimpath");
    assert_eq!(build.instructions[2].location.line, 10);
    let download = run_of(&build.instructions[4]);
    assert_eq!(download.command, shell("go mod download"));
    assert_eq!(download.mounts.len(), 2);
    assert_eq!(download.mounts[0].kind, MountKind::Cache);
    assert_eq!(download.mounts[0].target.as_deref(), Some("/go/pkg/mod"));
    assert_eq!(download.mounts[1].sharing, Some(CacheSharing::Locked));
    assert_eq!(build.instructions[5].location.line, 16);
    assert_eq!(
        run_of(&build.instructions[6]).command,
        shell(r#"GOOS=$TARGETOS GOARCH=$TARGETARCH go build -ldflags="-s -w" -o /out/app ./cmd/app"#)
    );

    let test = &f.stages[1];
    assert_eq!((test.index, test.from.image.as_str(), test.name()), (1, "build", Some("test")));
    assert_eq!(run_of(&test.instructions[0]).network, Some(RunNetwork::None));

    let last = &f.stages[2];
    assert_eq!(last.name(), None);
    let Command::Label(labels) = &last.instructions[0].command else { panic!() };
    assert_eq!(labels[0].key, "org.opencontainers.image.source");
    assert_eq!(labels[0].value, "\"https://example.com/app\"", "quotes stay until expansion");
    let copy = copy_of(&last.instructions[1]);
    assert_eq!(copy.from.as_deref(), Some("build"));
    assert_eq!(copy.chown.as_deref(), Some("65532:65532"));
    assert_eq!(copy.chmod.as_deref(), Some("0755"));
    assert_eq!((paths(copy), copy.dest.as_str()), (vec!["/out/app"], "/usr/local/bin/app"));
    assert_eq!(last.instructions[3].command, Command::Expose(vec!["8080/tcp".into(), "9090".into()]));
    assert_eq!(last.instructions[4].command, Command::StopSignal("SIGTERM".into()));
    let Command::Healthcheck(Healthcheck::Check(hc)) = &last.instructions[5].command else { panic!() };
    assert_eq!(hc.interval, Some(Duration::from_secs(30)));
    assert_eq!(hc.timeout, Some(Duration::from_secs(3)));
    assert_eq!(hc.start_period, Some(Duration::from_secs(5)));
    assert_eq!((hc.start_interval, hc.retries), (None, Some(3)));
    assert_eq!(hc.test(), ["CMD", "/usr/local/bin/app", "healthcheck"]);
    assert_eq!(last.instructions[6].command, Command::Entrypoint(exec(&["/usr/local/bin/app"])));
    assert_eq!(last.instructions[7].command, Command::Cmd(exec(&["serve", "--port=8080"])));

    // FROM lines expand with the global args (and the platform args).
    let none = build_args(&[]);
    let global = GlobalArgs::new(&f, &none).unwrap();
    let (image, platform) = global.expand_from(&build.from).unwrap();
    assert_eq!(image, "golang:1.22-alpine");
    assert!(platform.unwrap().starts_with("linux/"));
    assert_eq!(global.expand_from(&last.from).unwrap().0, "gcr.io/distroless/static-debian12:nonroot");
    let given = build_args(&[("GO_VERSION", "1.21")]);
    let global = GlobalArgs::new(&f, &given).unwrap();
    assert_eq!(global.expand_from(&build.from).unwrap().0, "golang:1.21-alpine");
    assert!(given.unused().is_empty());
}

#[test]
fn heredocs() {
    let f = corpus!("heredocs.Dockerfile");
    let i = &f.stages[0].instructions;
    let kinds: Vec<&str> = i.iter().map(|i| i.keyword()).collect();
    assert_eq!(kinds, ["RUN", "RUN", "RUN", "RUN", "ARG", "COPY", "COPY", "RUN", "CMD"]);

    let script = run_of(&i[0]);
    assert_eq!(script.command, shell("<<EOF"));
    assert_eq!(script.heredocs.len(), 1);
    assert_eq!(script.heredocs[0].name, "EOF");
    assert_eq!(
        script.heredocs[0].content,
        "set -e\napt-get update\napt-get install -y --no-install-recommends ca-certificates\n  rm -rf /var/lib/apt/lists/*\n"
    );
    assert!(script.heredocs[0].expand && !script.heredocs[0].chomp);

    let chomped = run_of(&i[1]);
    assert_eq!(chomped.command, shell("<<-EOT bash -ex"));
    assert!(chomped.heredocs[0].chomp);
    assert_eq!(chomped.heredocs[0].content, "echo \"tabs stripped\"\n  echo \"spaces kept\"\n");

    let two = run_of(&i[2]);
    let bodies: Vec<(&str, &str)> = two.heredocs.iter().map(|h| (h.name.as_str(), h.content.as_str())).collect();
    assert_eq!(bodies, [("FILE1", "I am\nfirst\n"), ("FILE2", "I am\nsecond\n")]);
    assert_eq!(run_of(&i[3]).heredocs[0].content, "print(\"hello from python\")\n");
    assert_eq!(i[3].location.line, 20, "lines count the heredoc bodies");

    let motd = copy_of(&i[5]);
    let [CopySource::Heredoc(body)] = motd.sources.as_slice() else { panic!("{motd:?}") };
    assert_eq!((body.name.as_str(), body.expand), ("EOF", true));
    assert_eq!(body.content, "$GREETING from ${HOSTNAME:-builder}\n");
    assert_eq!(motd.dest, "/etc/motd");

    let quoted = copy_of(&i[6]);
    assert_eq!(quoted.chmod.as_deref(), Some("0755"));
    let [CopySource::Heredoc(script), CopySource::Heredoc(conf)] = quoted.sources.as_slice() else { panic!() };
    assert_eq!((script.name.as_str(), script.expand), ("SCRIPT", false));
    assert_eq!((conf.name.as_str(), conf.expand), ("CONF", false));
    assert_eq!(script.content, "#!/bin/sh\necho \"$HOME is not expanded\"\n");
    assert_eq!(conf.content, "key=\"$GREETING\"\n");

    let json = run_of(&i[7]);
    assert_eq!(json.command, exec(&["echo", "<<EOF is not a heredoc in exec form"]));
    assert!(json.heredocs.is_empty());

    // COPY expands an unquoted heredoc's body (quotes kept), not a quoted one.
    let none = build_args(&[]);
    let global = GlobalArgs::new(&f, &none).unwrap();
    let mut vars = StageVars::new(&f, &global, &none, &[]);
    for instr in &i[..5] {
        vars.expand(instr).unwrap();
    }
    let Command::Copy(motd) = vars.expand(&i[5]).unwrap() else { panic!() };
    let [CopySource::Heredoc(body)] = motd.sources.as_slice() else { panic!() };
    assert_eq!(body.content, "hello from builder\n");
    let Command::Copy(quoted) = vars.expand(&i[6]).unwrap() else { panic!() };
    let [_, CopySource::Heredoc(conf)] = quoted.sources.as_slice() else { panic!() };
    assert_eq!(conf.content, "key=\"$GREETING\"\n");
    // RUN is never expanded by the builder.
    assert_eq!(vars.expand(&i[0]).unwrap(), i[0].command);
}

#[test]
fn windows_escape() {
    let f = corpus!("windows-escape.Dockerfile");
    assert_eq!(f.escape, '`');
    let i = &f.stages[0].instructions;
    assert_eq!(
        i[0].command,
        Command::Shell(vec!["powershell".into(), "-Command".into(), "$ErrorActionPreference = 'Stop';".into()])
    );
    let copy = copy_of(&i[1]);
    assert_eq!((paths(copy), copy.dest.as_str()), (vec!["testfile.txt"], r"c:\"));
    let copy = copy_of(&i[2]);
    assert_eq!((paths(copy), copy.dest.as_str()), (vec![r"app\bin\"], r"C:\app\"));
    assert_eq!(
        run_of(&i[3]).command,
        shell(r#"New-Item -ItemType Directory C:\Example     ; Add-Content C:\Example\log.txt "line"     ; dir c:\"#)
    );
    assert_eq!(i[4].command, Command::Workdir(r"C:\app".into()));
    assert_eq!(i[6].command, Command::Entrypoint(exec(&[r"C:\app\app.exe"])));

    let none = build_args(&[]);
    let global = GlobalArgs::new(&f, &none).unwrap();
    let mut vars = StageVars::new(&f, &global, &none, &[]);
    let Command::Env(env) = vars.expand(&i[5]).unwrap() else { panic!() };
    let pairs: Vec<(&str, &str)> = env.iter().map(|kv| (kv.key.as_str(), kv.value.as_str())).collect();
    assert_eq!(pairs, [("PATH", r"C:\app;C:\Windows\system32"), ("APP_HOME", r"C:\app")]);
}

#[test]
fn continuations() {
    let f = corpus!("continuations.Dockerfile");
    let i = &f.stages[0].instructions;
    assert_eq!(i.len(), 4);
    assert_eq!(
        run_of(&i[0]).command,
        shell("apt-get update     && apt-get install -y         curl         git         make     && rm -rf /var/lib/apt/lists/*")
    );
    assert_eq!(i[0].location.line, 3);
    assert_eq!(run_of(&i[1]).command, shell("echo one     two"), "spaces after the escape still continue");
    assert_eq!(i[1].location.line, 13);
    assert_eq!(run_of(&i[2]).command, shell("echo indented"));
    assert_eq!((i[2].location.line, i[2].location.column), (15, 4));
    assert_eq!(i[2].original, "RUN    echo indented");
    assert_eq!(run_of(&i[3]).command, shell("echo lower case keyword"));
    assert_eq!(i[3].original, "run echo lower case keyword");
}

#[test]
fn json_forms() {
    let f = corpus!("json-forms.Dockerfile");
    let i = &f.stages[0].instructions;
    assert_eq!(i[0].command, Command::Shell(vec!["/bin/ash".into(), "-eo".into(), "pipefail".into(), "-c".into()]));
    assert_eq!(run_of(&i[1]).command, exec(&["/bin/echo", "exec", "form"]));
    assert_eq!(
        run_of(&i[2]).command,
        shell(r#"[ "echo", 'single quotes are not JSON' ]"#),
        "invalid JSON falls back to the shell form"
    );
    assert_eq!(i[3].command, Command::Cmd(exec(&["sh", "-c", "echo $HOME"])));
    assert_eq!(i[4].command, Command::Entrypoint(shell("echo shell form entrypoint")));
    assert_eq!(i[5].command, Command::Volume(vec!["/data".into(), "/var/log".into()]));
    assert_eq!(i[6].command, Command::Volume(vec!["/cache".into(), "/tmp/x".into()]));
    let Command::Healthcheck(Healthcheck::Check(hc)) = &i[7].command else { panic!() };
    assert_eq!(hc.test(), ["CMD-SHELL", "wget -q -O- http://localhost/ || exit 1"]);
    assert_eq!(hc.interval, None);
    assert_eq!(i[8].command, Command::Healthcheck(Healthcheck::None));
    assert_eq!(i[9].command, Command::Cmd(shell("[broken json")));
}

#[test]
fn onbuild() {
    let f = corpus!("onbuild.Dockerfile");
    let i = &f.stages[0].instructions;
    let triggers: Vec<&Onbuild> = i
        .iter()
        .filter_map(|i| match &i.command {
            Command::Onbuild(o) => Some(o.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(triggers.len(), 4);
    assert_eq!(triggers[0].text(), "COPY package*.json ./");
    assert_eq!(paths(copy_of(&triggers[0].trigger)), ["package*.json"]);
    assert_eq!(run_of(&triggers[1].trigger).command, shell("npm ci --omit=dev"));
    assert_eq!(copy_of(&triggers[2].trigger).chown.as_deref(), Some("node:node"));
    assert_eq!(triggers[2].text(), "ADD --chown=node:node . /app");
    assert_eq!(run_of(&triggers[3].trigger).heredocs[0].content, "npm run build\n");
    assert_eq!(i[5].command, Command::Maintainer("Jane Doe <jane@example.com>".into()));
    assert_eq!(i[5].location.line, 9);
}

#[test]
fn variables() {
    let f = corpus!("vars.Dockerfile");
    let none = build_args(&[]);
    let global = GlobalArgs::new(&f, &none).unwrap();
    let stage = &f.stages[0];
    assert_eq!(global.expand_from(&stage.from).unwrap().0, "docker.io/library/alpine:3.20");
    let given = build_args(&[("REGISTRY", "localhost:5000"), ("http_proxy", "http://proxy:3128"), ("UNUSED", "1")]);
    let global_given = GlobalArgs::new(&f, &given).unwrap();
    assert_eq!(global_given.expand_from(&stage.from).unwrap().0, "localhost:5000/library/alpine:3.20");

    let mut vars = StageVars::new(&f, &global, &none, &["PATH=/usr/bin".to_string()]);
    let expanded: Vec<Command> = stage.instructions.iter().map(|i| vars.expand(i).unwrap()).collect();
    assert_eq!(expanded[0], Command::Arg(vec![ArgDecl { name: "VERSION".into(), default: Some("1.0".into()) }]));
    assert_eq!(
        expanded[1],
        Command::Arg(vec![ArgDecl { name: "BUILD_DATE".into(), default: Some("unknown date".into()) }])
    );
    let Command::Env(env) = &expanded[2] else { panic!() };
    let pairs: Vec<(&str, &str)> = env.iter().map(|kv| (kv.key.as_str(), kv.value.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("APP_VERSION", "1.0"),
            ("APP_HOME", "/opt/app"),
            ("SUFFIX", "-release"),
            ("LITERAL", "$NOT_EXPANDED"),
            ("QUOTED", "$SINGLE"),
            ("MIXED", "a b 1.0"),
        ]
    );
    assert_eq!(expanded[3], Command::Env(vec![KeyValue { key: "LEGACY".into(), value: "value with spaces".into() }]));
    let Command::Label(labels) = &expanded[4] else { panic!() };
    assert_eq!(labels[0].value, "1.0");
    assert_eq!(labels[1].value, "An app, built on unknown date");
    assert_eq!(expanded[5], Command::Workdir("/opt/app/bin".into()));
    assert_eq!(expanded[6], Command::User("nobody".into()));
    assert_eq!(expanded[7], Command::Expose(vec!["8080".into()]));
    let Command::Copy(copy) = &expanded[8] else { panic!() };
    assert_eq!((paths(copy), copy.dest.as_str()), (vec!["app-1.0.tar.gz"], "/opt/app/"));
    assert_eq!(expanded[9], stage.instructions[9].command, "RUN is left to the shell");

    assert_eq!(vars.env()[0], "PATH=/usr/bin");
    assert!(vars.env().contains(&"LEGACY=value with spaces".to_string()));
    assert!(!vars.env().iter().any(|e| e.starts_with("VERSION=")), "ARG stays out of the image config");
    let run_env = vars.run_env();
    assert!(run_env.contains(&"VERSION=1.0".to_string()));
    assert!(run_env.contains(&"BUILD_DATE=unknown date".to_string()));
    assert_eq!(vars.args(), [("VERSION".to_string(), "1.0".to_string()), ("BUILD_DATE".into(), "unknown date".into())]);

    // Build args: override defaults, proxies reach RUN undeclared, the rest is reported unused.
    let global = GlobalArgs::new(&f, &given).unwrap();
    let mut vars = StageVars::new(&f, &global, &given, &[]);
    for i in &stage.instructions {
        vars.expand(i).unwrap();
    }
    assert!(vars.run_env().contains(&"http_proxy=http://proxy:3128".to_string()));
    assert!(vars.history_args().iter().all(|(k, _)| k != "http_proxy"));
    assert_eq!(given.unused(), ["UNUSED"]);
}

#[test]
fn arg_and_env_scoping() {
    let f = parse_str("ARG G=global\nARG H=h\nFROM a\nARG G\nENV X=$G Y=$H\nARG A=arg\nENV A=env\nRUN x\n").unwrap();
    let none = build_args(&[]);
    let global = GlobalArgs::new(&f, &none).unwrap();
    let mut vars = StageVars::new(&f, &global, &none, &[]);
    let i = &f.stages[0].instructions;
    vars.expand(&i[0]).unwrap();
    let Command::Env(env) = vars.expand(&i[1]).unwrap() else { panic!() };
    assert_eq!(env[0].value, "global", "a redeclared global ARG keeps its value");
    assert_eq!(env[1].value, "", "a global ARG is not visible in a stage without ARG");
    vars.expand(&i[2]).unwrap();
    vars.expand(&i[3]).unwrap();
    assert_eq!(vars.word("$A").unwrap(), "env", "ENV wins over ARG");
    let run_env = vars.run_env();
    assert!(run_env.contains(&"A=env".to_string()) && !run_env.contains(&"A=arg".to_string()));

    // A build arg beats both the default and the global value.
    let given = build_args(&[("G", "cli"), ("A", "cli-a")]);
    let global = GlobalArgs::new(&f, &given).unwrap();
    let mut vars = StageVars::new(&f, &global, &given, &[]);
    vars.expand(&i[0]).unwrap();
    let Command::Env(env) = vars.expand(&i[1]).unwrap() else { panic!() };
    assert_eq!(env[0].value, "cli");

    // An ARG with no value anywhere is declared but unset.
    let f = parse_str("FROM a\nARG NOPE\nENV X=${NOPE-unset}\n").unwrap();
    let global = GlobalArgs::new(&f, &none).unwrap();
    let mut vars = StageVars::new(&f, &global, &none, &[]);
    let i = &f.stages[0].instructions;
    assert_eq!(vars.expand(&i[0]).unwrap(), Command::Arg(vec![ArgDecl { name: "NOPE".into(), default: None }]));
    let Command::Env(env) = vars.expand(&i[1]).unwrap() else { panic!() };
    assert_eq!(env[0].value, "unset");

    // Expansion errors carry the location.
    let f = parse_str("FROM a\nWORKDIR ${DIR:?must be set}\n").unwrap();
    let global = GlobalArgs::new(&f, &none).unwrap();
    let mut vars = StageVars::new(&f, &global, &none, &[]);
    let e = vars.expand(&f.stages[0].instructions[0]).unwrap_err();
    assert_eq!(e.to_string(), "Containerfile:2:1: DIR: must be set");
    let f = parse_str("ARG IMG\nFROM $IMG\n").unwrap();
    let global = GlobalArgs::new(&f, &none).unwrap();
    assert!(global.expand_from(&f.stages[0].from).unwrap_err().to_string().contains("should not be blank"));
}

#[test]
fn directives() {
    let f = parse_str("# syntax=x\n\n# escape=`\nFROM a\n").unwrap();
    assert_eq!((f.syntax.as_deref(), f.escape), (Some("x"), '\\'), "a blank line ends the directives");
    let f = parse_str("# a comment\n# escape=`\nFROM a\n").unwrap();
    assert_eq!(f.escape, '\\');
    let f = parse_str("  #ESCAPE = `\nFROM a\nRUN echo `\n  b\n").unwrap();
    assert_eq!(run_of(&f.stages[0].instructions[0]).command, shell("echo   b"));
    let f = parse_str("\u{feff}FROM a\r\nRUN echo \\\r\n  b\r\n").unwrap();
    assert_eq!(run_of(&f.stages[0].instructions[0]).command, shell("echo   b"));
    let f = parse_str("\tFROM a\n").unwrap();
    assert_eq!(f.stages[0].from.location.column, 2);
}

#[test]
fn errors_name_file_line_and_column() {
    let cases: &[(&str, &str)] = &[
        ("FROM a\nFOO bar\n", "Containerfile:2:1: unknown instruction: FOO"),
        ("FROM a\n  COPY --frm=x a b\n", "Containerfile:2:3: unknown flag: frm"),
        ("FROM a\nCOPY a\n", "Containerfile:2:1: COPY requires at least two arguments"),
        ("FROM a\nRUN <<EOF\necho\n", "Containerfile:2:1: unterminated heredoc \"EOF\""),
        ("RUN x\n", "Containerfile:1:1: no build stage in current context"),
        ("", "file with no instructions"),
        ("ARG A\n", "no FROM instruction"),
        ("# escape=x\nFROM a\n", "Containerfile:1:1: invalid escape token 'x'"),
        ("# escape=`\n# escape=\\\nFROM a\n", "Containerfile:2:1: only one escape parser directive"),
        ("FROM a AS 1x\n", "invalid name for build stage: \"1x\""),
        ("FROM a AS x\nFROM b AS X\n", "Containerfile:2:1: duplicate stage name \"x\""),
        ("FROM a\nONBUILD ONBUILD RUN x\n", "Chaining ONBUILD"),
        ("FROM a\nONBUILD FROM b\n", "FROM isn't allowed as an ONBUILD trigger"),
        ("FROM a\nSHELL /bin/sh -c\n", "SHELL requires the arguments to be in JSON form"),
        ("FROM a\nCMD [1, 2]\n", "arrays must be comprised of strings only"),
        ("FROM a\nRUN --mount=type=foo,target=/x true\n", "unsupported mount type \"foo\""),
        ("FROM a\nRUN --mount=type=cache true\n", "mount type cache requires a target"),
        ("FROM a\nRUN --mount=type=bind,target=/x,bogus=1 true\n", "unexpected key 'bogus'"),
        ("FROM a\nRUN --network=bridge true\n", "network mode \"bridge\" not supported"),
        ("FROM a\nHEALTHCHECK --interval=5 CMD true\n", "time: invalid duration \"5\""),
        ("FROM a\nHEALTHCHECK --retries=-1 CMD true\n", "--retries cannot be negative"),
        ("FROM a\nHEALTHCHECK FOO\n", "Unknown type \"FOO\" in HEALTHCHECK"),
        ("FROM a\nHEALTHCHECK CMD\n", "Missing command after HEALTHCHECK CMD"),
        ("FROM a\nHEALTHCHECK NONE x\n", "HEALTHCHECK NONE takes no arguments"),
        ("FROM a\nWORKDIR\n", "WORKDIR requires exactly one argument"),
        ("FROM a\nRUN --link true\n", "unknown flag: link"),
        ("FROM a\nADD --from=x a b\n", "unknown flag: from"),
        ("FROM a\nCOPY --link=maybe a b\n", "expecting boolean value for flag link, not: maybe"),
        ("FROM a\nCOPY --from a b\n", "missing a value on flag: from"),
        ("FROM a\nCOPY --chown=1 --chown=2 a b\n", "duplicate flag specified: chown"),
        ("FROM a\nENV\n", "ENV requires at least one argument"),
        ("FROM a\nENV A\n", "ENV must have two arguments"),
        ("FROM a\nENV a=1 b\n", "can't find = in \"b\""),
        ("FROM a\nLABEL =x\n", "LABEL names can not be blank"),
        ("FROM\n", "FROM requires either one or three arguments"),
        ("FROM a b\n", "FROM requires either one or three arguments"),
        ("FROM a\nRUN\n", "RUN requires at least one argument"),
        ("FROM a\nCOPY a <<EOF\nx\nEOF\n", "COPY cannot accept a heredoc as a destination"),
        ("FROM a\nVOLUME [\"\"]\n", "VOLUME specified can not be an empty string"),
    ];
    for (text, want) in cases {
        let got = error(text);
        assert!(got.contains(want), "{text:?}: got {got:?}, want {want:?}");
    }
}

#[test]
fn flags_and_words() {
    let f = parse_str(
        "FROM a\nCOPY --exclude=*.md --exclude=*.txt --parents --link=false -- --weird dest/\nADD --checksum=sha256:abc --keep-git-dir https://x/y.tar.gz /z\nRUN --mount=type=secret,id=tok,required --mount=type=bind,from=build,source=/out,target=/in,rw --security=insecure make\nARG A=\"x y\" B\n",
    )
    .unwrap();
    let i = &f.stages[0].instructions;
    let copy = copy_of(&i[0]);
    assert_eq!(copy.exclude, ["*.md", "*.txt"]);
    assert!(copy.parents && !copy.link);
    assert_eq!(paths(copy), ["--weird"], "`--` ends the flags");
    let add = copy_of(&i[1]);
    assert_eq!(add.checksum.as_deref(), Some("sha256:abc"));
    assert!(add.keep_git_dir);
    assert!(matches!(i[1].command, Command::Add(_)));
    let run = run_of(&i[2]);
    assert_eq!(run.mounts[0].kind, MountKind::Secret);
    assert_eq!((run.mounts[0].id.as_deref(), run.mounts[0].required), (Some("tok"), true));
    assert_eq!(run.mounts[1].from.as_deref(), Some("build"));
    assert_eq!(run.mounts[1].readonly, Some(false));
    assert_eq!(run.security.as_deref(), Some("insecure"));
    assert_eq!(
        i[3].command,
        Command::Arg(vec![
            ArgDecl { name: "A".into(), default: Some("\"x y\"".into()) },
            ArgDecl { name: "B".into(), default: None }
        ])
    );
}

/// Containerfile-like text: keywords, flags, quotes, escapes, heredoc
/// markers, JSON brackets and line breaks in any order.
fn containerfile_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("FROM a AS b\n"),
        Just("FROM "),
        Just("RUN "),
        Just("COPY "),
        Just("ADD "),
        Just("ARG "),
        Just("ENV "),
        Just("LABEL "),
        Just("ONBUILD "),
        Just("HEALTHCHECK "),
        Just("CMD "),
        Just("SHELL "),
        Just("VOLUME "),
        Just("EXPOSE "),
        Just("WORKDIR "),
        Just("--mount=type=cache,target=/x "),
        Just("--from="),
        Just("--interval="),
        Just("<<EOF"),
        Just("<<-'E' "),
        Just("EOF\n"),
        Just("\tE\n"),
        Just("${A:-"),
        Just("$A"),
        Just("}"),
        Just("\""),
        Just("'"),
        Just("\\"),
        Just("`"),
        Just("\\\n"),
        Just("\n"),
        Just("# escape=`\n"),
        Just("#c\n"),
        Just("["),
        Just("]"),
        Just("\"x\","),
        Just("="),
        Just(" "),
        Just("é"),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(crate::proptests::config())]

    #[test]
    fn parsing_and_expansion_never_panic(text in containerfile_text(), junk in "\\PC{0,60}") {
        for t in [text.clone(), format!("FROM a\n{text}"), junk.clone()] {
            if let Ok(file) = parse_str(&t) {
                let none = build_args(&[("A", "1")]);
                if let Ok(global) = GlobalArgs::new(&file, &none) {
                    for stage in &file.stages {
                        let _ = global.expand_from(&stage.from);
                        let mut vars = StageVars::new(&file, &global, &none, &[]);
                        for i in &stage.instructions {
                            let _ = vars.expand(i);
                        }
                    }
                }
            }
        }
        let _ = crate::build::ignore::Ignore::parse(&junk, "x").map(|i| i.is_excluded(&junk));
        let _ = crate::build::copy::glob_match(&junk, &text);
    }
}

/// Expand every instruction of the only stage; the final env and labels.
fn expand_all(text: &str, given: &[(&str, &str)]) -> (Vec<String>, Vec<(String, String)>, Vec<Command>) {
    let file = parse_str(text).unwrap();
    let args = build_args(given);
    let global = GlobalArgs::new(&file, &args).unwrap();
    let mut vars = StageVars::new(&file, &global, &args, &[]);
    let mut labels = Vec::new();
    let mut out = Vec::new();
    for i in &file.stages[0].instructions {
        let c = vars.expand(i).unwrap();
        if let Command::Label(l) = &c {
            labels.extend(l.iter().map(|kv| (kv.key.clone(), kv.value.clone())));
        }
        out.push(c);
    }
    (vars.env(), labels, out)
}

#[test]
fn expansion_matches_podman() {
    // Both files were built with `podman build` (4.3.1, rootless); the
    // expected values are its image config's Env and Labels.
    let (env, labels, cmds) = expand_all(
        r#"ARG G=global
ARG H=h
FROM scratch AS base
ARG G
ARG V=1
ARG BD="unknown date"
ENV A=${V:+x} B=\$V C='$V' D="a ${V}" E=${NOPE:-dflt} F=$G H2=$H
ENV LEGACY value with  spaces
ENV V=env
LABEL l1="${V}" l2=$BD
EXPOSE ${PORT:-8080} 9090/udp
WORKDIR /a/$V
USER ${U:-nobody}
"#,
        &[],
    );
    assert_eq!(
        env,
        ["A=x", "B=$V", "C=$V", "D=a 1", "E=dflt", "F=global", "H2=", "LEGACY=value with  spaces", "V=env"]
    );
    assert_eq!(labels, [("l1".to_string(), "env".to_string()), ("l2".into(), "unknown date".into())]);
    assert_eq!(cmds[7], Command::Expose(vec!["8080".into(), "9090/udp".into()]));
    assert_eq!(cmds[8], Command::Workdir("/a/env".into()));
    assert_eq!(cmds[9], Command::User("nobody".into()));

    // podman build --build-arg CLI=cli --build-arg GV=gcli --build-arg UNUSED=1
    let (env, labels, _) = expand_all(
        r#"ARG GV=gdefault
FROM scratch
ENV X="a\"b" Y=a\ b Z="c\d" Q='s\q' T=`x
ENV W=env
ARG W=arg
ARG GV
ARG CLI=default
ARG EMPTY=
LABEL w=$W gv=$GV cli=$CLI e2=${EMPTY:-unset} e5=${EMPTY:+plus}
"#,
        &[("CLI", "cli"), ("GV", "gcli"), ("UNUSED", "1")],
    );
    assert_eq!(env, ["X=a\"b", "Y=a b", "Z=c\\d", "Q=s\\q", "T=`x", "W=env"]);
    let labels: Vec<(&str, &str)> = labels.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(labels, [("w", "env"), ("gv", "gcli"), ("cli", "cli"), ("e2", "unset"), ("e5", "")]);

    // One ENV or ARG line sees the state before it, global or not.
    let (env, _, _) = expand_all("FROM scratch\nENV A=1 B=$A\nARG X=1 Y=${X}2\nENV C=$Y\n", &[]);
    assert_eq!(env, ["A=1", "B=", "C=2"]);
    let (env, _, _) = expand_all("ARG X=1 Y=${X}2\nARG Z=${X}3\nFROM scratch\nARG Y\nARG Z\nENV Y=$Y Z=$Z\n", &[]);
    assert_eq!(env, ["Y=2", "Z=13"]);
    // A stage default beats the global one; an expanded EXPOSE splits.
    let (env, _, cmds) =
        expand_all("ARG G=global\nFROM scratch\nARG G=stage\nARG P=\"80 443\"\nEXPOSE $P\nENV G=$G\n", &[]);
    assert_eq!(env, ["G=stage"]);
    assert_eq!(cmds[2], Command::Expose(vec!["80".into(), "443".into()]));
}

#[test]
fn original_text_is_what_podman_puts_in_history() {
    // podman 4.3's history of this file: `/bin/sh -c #(nop) ` + these texts.
    let f = parse_str("FROM scratch\nLABEL a=\"b c\" \\\n    # comment\n\n    d=e\nENV  X=1\nCMD [broken\nexpose 80\nSTOPSIGNAL   SIGTERM\n").unwrap();
    let originals: Vec<&str> = f.stages[0].instructions.iter().map(|i| i.original.as_str()).collect();
    assert_eq!(originals, ["LABEL a=\"b c\"     d=e", "ENV  X=1", "CMD [broken", "expose 80", "STOPSIGNAL   SIGTERM"]);
}
