//! `rpod build`, rootless and as root: every instruction in a multi-stage
//! Containerfile (with `--target`, `COPY --from` a stage and an external
//! image, an ignore file with exceptions, a secret), the image it makes
//! (configuration, history, running it), the layer cache (a full hit gives
//! the same image ID with no container started; a changed file misses from
//! its `COPY` on), intermediate images (hidden, pruned), a failing `RUN`,
//! hostile contexts, and `kill -9` of a build in the middle of a step.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rpod_testbed::bed::{text, Bed};
use rpod_testbed::engine::{assert_no_leftovers, each_mode, is_id, processes_mentioning, Eng, Mode};
use serde_json::Value;

/// A build context of the test's store, readable (and owned, rootless) by
/// the engine's user, with `files` (path, content) in it.
fn context(e: &Eng, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = e.dir.path().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (f, content) in files {
        let p = dir.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
    }
    chown_tree(e, &dir);
    dir
}

fn chown_tree(e: &Eng, dir: &Path) {
    if e.mode != Mode::Rootless {
        return;
    }
    let bed = Bed::get();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(p) = todo.pop() {
        std::os::unix::fs::lchown(&p, Some(bed.test_uid), Some(bed.test_gid)).unwrap();
        if p.is_dir() && !p.is_symlink() {
            todo.extend(std::fs::read_dir(&p).unwrap().map(|d| d.unwrap().path()));
        }
    }
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// `build` with these arguments; (exit code, stdout, stderr).
fn build(e: &Eng, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["build", "--tls-verify=false"];
    all.extend_from_slice(args);
    let out = e.run_for(&all, Duration::from_secs(300));
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[track_caller]
fn build_ok(e: &Eng, args: &[&str]) -> String {
    let (code, out, err) = build(e, args);
    assert_eq!(code, 0, "{:?} build {args:?}\nstdout:\n{out}\nstderr:\n{err}", e.mode);
    out
}

fn last_line(out: &str) -> String {
    out.lines().last().unwrap_or("").to_string()
}

fn image_config(e: &Eng, name: &str) -> Value {
    let v: Value = serde_json::from_str(&e.ok(&["image", "inspect", name])).unwrap();
    v[0].clone()
}

const APP: &str = r#"# syntax=docker/dockerfile:1
ARG BASE
ARG GREETING=hello

FROM ${BASE} AS builder
ARG GREETING
RUN mkdir -p /out && echo "$GREETING from the builder" > /out/greeting

FROM ${BASE} AS unused
RUN echo the unused stage ran; exit 1

FROM ${BASE} AS app
ARG GREETING
ARG EXTERNAL
ENV APP_HOME=/srv/app \
    MODE=prod
LABEL org.example.name="app" version=1
WORKDIR $APP_HOME
COPY *.txt ./
COPY conf/ conf/
COPY --chown=1000:1000 --chmod=0640 secret.cfg /etc/app.cfg
ADD notes.md /srv/
COPY --from=builder /out/greeting ./greeting
COPY --from=${EXTERNAL} /hello /usr/local/bin/hello
COPY <<EOF /srv/app/inline.txt
inline $MODE
EOF
RUN echo "run: $GREETING $MODE $(pwd)" && echo built > built.txt
RUN ["sh", "-c", "echo exec form > exec.txt"]
RUN <<EOF
echo heredoc script > heredoc.txt
EOF
RUN --mount=type=secret,id=tok cat /run/secrets/tok > secret-seen.txt
SHELL ["/bin/sh", "-c"]
USER 1000:1000
EXPOSE 8080 53/udp
VOLUME /data
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --retries=2 CMD ["true"]
ONBUILD RUN echo triggered by $MODE
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["cat /srv/app/greeting"]
"#;

/// Every instruction; the image as written; history; the cache (hits,
/// misses from a changed file's COPY on); --target; intermediate images
/// hidden and pruned; ONBUILD when used as a base.
#[test]
fn every_instruction_multi_stage_and_the_cache() {
    each_mode("build-app", |e| {
        let bed = Bed::get();
        let external = bed.image("hello", "latest");
        let ctx = context(
            e,
            "ctx",
            &[
                ("Containerfile", APP),
                ("a.txt", "a\n"),
                ("b.txt", "b\n"),
                ("skip.txt", "ignored\n"),
                ("conf/app.conf", "conf\n"),
                ("conf/tmp/x.tmp", "tmp\n"),
                ("conf/tmp/keep.tmp", "kept\n"),
                ("secret.cfg", "cfg\n"),
                ("notes.md", "notes\n"),
                (".dockerignore", "skip.txt\n**/*.tmp\n!conf/tmp/keep.tmp\n"),
            ],
        );
        let tok = e.dir.path().join("token");
        std::fs::write(&tok, "s3cret\n").unwrap();
        chown_tree(e, &tok);
        let base = format!("BASE={}", e.image);
        let ext = format!("EXTERNAL={external}");
        let secret = format!("id=tok,src={}", s(&tok));
        let args = [
            "-t",
            "app",
            "-t",
            "app:v1",
            "--build-arg",
            &base,
            "--build-arg",
            &ext,
            "--secret",
            &secret,
            "--label",
            "built.by=rpod",
            &s(&ctx),
        ];
        let out = build_ok(e, &args);
        let id = last_line(&out);
        assert!(is_id(&id), "{out}");
        assert!(out.contains("[1/2] STEP 1/3: FROM ${BASE} AS builder"), "{out}");
        assert!(out.contains("[2/2] STEP 3/"), "{out}");
        assert!(!out.contains("the unused stage ran"), "a stage the target does not need ran:\n{out}");
        assert!(out.contains("run: hello prod /srv/app"), "{out}");
        assert!(out.contains("COMMIT localhost/app:latest"), "{out}");
        assert!(out.contains("Successfully tagged localhost/app:v1"), "{out}");
        // Nothing of the build is left: no container, no work directory.
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
        assert_eq!(std::fs::read_dir(e.path("root/build")).unwrap().count(), 0);

        // The image, as written.
        let img = image_config(e, "app");
        let c = &img["Config"];
        assert_eq!(img["Id"], id.as_str());
        assert_eq!(c["Entrypoint"], serde_json::json!(["/bin/sh", "-c"]));
        assert_eq!(c["Cmd"], serde_json::json!(["cat /srv/app/greeting"]));
        assert_eq!(c["WorkingDir"], "/srv/app");
        assert_eq!(c["User"], "1000:1000");
        assert_eq!(c["StopSignal"], "SIGINT");
        assert!(c["Env"].as_array().unwrap().iter().any(|v| v == "APP_HOME=/srv/app"), "{c}");
        assert!(c["Env"].as_array().unwrap().iter().any(|v| v == "MODE=prod"), "{c}");
        assert!(!c["Env"].to_string().contains("GREETING"), "build args stay out of the image: {c}");
        assert_eq!(c["Labels"]["org.example.name"], "app");
        assert_eq!(c["Labels"]["built.by"], "rpod");
        assert!(c["ExposedPorts"].get("8080/tcp").is_some() && c["ExposedPorts"].get("53/udp").is_some(), "{c}");
        assert!(c["Volumes"].get("/data").is_some(), "{c}");
        // The health check, as a container of the image gets it.
        e.ok(&["create", "--name", "hc", "app"]);
        let hc = &e.inspect("hc")["Config"]["Healthcheck"];
        assert_eq!(hc["Test"], serde_json::json!(["CMD", "true"]), "{hc}");
        assert_eq!(hc["Interval"], 5_000_000_000u64, "{hc}");
        assert_eq!(hc["Retries"], 2, "{hc}");
        e.ok(&["rm", "hc"]);

        // It runs as written, with every file where the steps put it.
        assert_eq!(e.ok(&["run", "--rm", "app"]), "hello from the builder\n");
        let files = e.ok(&[
            "run",
            "--rm",
            "app",
            "cd /srv/app; cat a.txt b.txt conf/app.conf conf/tmp/keep.tmp inline.txt built.txt exec.txt \
             heredoc.txt secret-seen.txt /srv/notes.md; ls skip.txt conf/tmp/x.tmp 2>&1; \
             stat -c '%u:%g %a' /etc/app.cfg; /usr/local/bin/hello; ls /run/secrets 2>&1; id -u",
        ]);
        for want in [
            "a\nb\nconf\nkept\ninline prod\nbuilt\nexec form\nheredoc script\ns3cret\nnotes\n",
            "skip.txt: No such file or directory",
            "x.tmp: No such file or directory",
            "1000:1000 640\n",
            "Hello from rpod",
            "1000\n",
        ] {
            assert!(files.contains(want), "{want:?} missing in:\n{files}");
        }
        assert!(!files.contains("tok"), "the secret stays out of the image:\n{files}");

        // History: one entry per instruction of the stage, as Docker writes it.
        let hist = e.ok(&["history", "--no-trunc", "--format", "{{.CreatedBy}}|{{.Size}}", "app"]);
        for want in [
            "/bin/sh -c #(nop) ENV APP_HOME=/srv/app MODE=prod|",
            "/bin/sh -c #(nop) WORKDIR /srv/app|",
            "/bin/sh -c #(nop) COPY --from=builder file:",
            "|2 GREETING=hello EXTERNAL=",
            "/bin/sh -c #(nop) USER 1000:1000|",
            "/bin/sh -c #(nop) EXPOSE 8080/tcp 53/udp",
            "/bin/sh -c #(nop) ARG GREETING|0 B",
        ] {
            assert!(hist.contains(want), "{want:?} missing in the history:\n{hist}");
        }

        // Intermediate images: hidden unless -a.
        let shown = e.ok(&["images", "-q"]);
        let all = e.ok(&["images", "-a", "-q"]);
        assert!(all.lines().count() > shown.lines().count() + 10, "images:\n{shown}\nimages -a:\n{all}");

        // The fully cached rebuild: the same ID, every step from the
        // cache, no container (no RUN output).
        let again = build_ok(e, &args);
        assert_eq!(last_line(&again), id, "{again}");
        assert!(!again.contains("run: hello"), "a cached RUN ran again:\n{again}");
        assert!(again.matches("--> Using cache").count() >= 20, "{again}");

        // A changed file: the steps before its COPY hit, from it on miss.
        std::fs::write(ctx.join("secret.cfg"), "changed\n").unwrap();
        let changed = build_ok(e, &args);
        let id2 = last_line(&changed);
        assert_ne!(id2, id);
        let step_of = |text: &str, needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}:\n{text}"));
        let copy_conf = step_of(&changed, "COPY conf/ conf/");
        let copy_cfg = step_of(&changed, "COPY --chown=1000:1000");
        assert!(changed[copy_conf..copy_cfg].contains("--> Using cache"), "{changed}");
        assert!(!changed[copy_cfg..].contains("--> Using cache"), "{changed}");
        assert!(changed.contains("run: hello"), "{changed}");
        // --no-cache runs everything.
        let nocache = build_ok(e, &[&["--no-cache"][..], &args].concat());
        assert!(!nocache.contains("Using cache") && nocache.contains("run: hello"), "{nocache}");

        // --target: that stage only (the builder's image), -q prints the ID only.
        let target = build_ok(e, &["-q", "--target", "builder", "--build-arg", &base, "-t", "builder", &s(&ctx)]);
        assert_eq!(target.lines().count(), 1, "{target}");
        assert_eq!(e.ok(&["run", "--rm", "builder", "cat", "/out/greeting"]), "hello from the builder\n");

        // The image as a base: its ONBUILD trigger runs first.
        let child = context(e, "child", &[("Containerfile", "FROM localhost/app\nRUN echo child\n")]);
        let out = build_ok(e, &["-t", "child", &s(&child)]);
        let (trigger, own) = (out.find("triggered by prod\n"), out.find("child\n"));
        assert!(trigger.is_some() && trigger < own, "{out}");
        let again = build_ok(e, &["-t", "child", &s(&child)]);
        assert!(again.contains("--> Using cache"), "{again}");

        // Prune removes the intermediate images; the tagged ones stay and run.
        e.ok(&["image", "prune", "-f"]);
        let after = e.ok(&["images", "-a", "-q"]);
        assert_eq!(after.lines().count(), e.ok(&["images", "-q"]).lines().count(), "{after}");
        assert_eq!(e.ok(&["run", "--rm", "app"]), "hello from the builder\n");
        e.ok(&["rmi", "-a", "-f"]);
    });
}

/// A failing RUN: its exit code and Podman's message, no image, no
/// container. Hostile contexts and bad files: exit 125, nothing built.
#[test]
fn failures_and_hostile_contexts() {
    each_mode("build-fail", |e| {
        let from = format!("FROM {}\n", e.image);
        let ctx = context(
            e,
            "ctx",
            &[
                ("Fail", &format!("{from}RUN echo before\nRUN echo failing; exit 3\n")),
                ("Up", &format!("{from}COPY ../secret /x\n")),
                ("Link", &format!("{from}COPY link/passwd /x\n")),
                ("Bad", &format!("{from}FROBNICATE x\n")),
                ("Scratch", "FROM scratch\nRUN true\n"),
            ],
        );
        std::os::unix::fs::symlink("/etc", ctx.join("link")).unwrap();
        chown_tree(e, &ctx);
        let f = |n: &str| s(&ctx.join(n));
        let (code, out, err) = build(e, &["-t", "failed", "-f", &f("Fail"), &s(&ctx)]);
        assert_eq!(code, 3, "{out}\n{err}");
        assert!(out.contains("failing"), "{out}");
        assert!(
            err.contains("building at STEP \"RUN echo failing; exit 3\": while running runtime: exit status 3"),
            "{err}"
        );
        assert_eq!(e.code(&["image", "exists", "failed"]), 1);
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
        for (file, want) in [
            ("Up", "outside the build context"),
            ("Link", "no such file or directory in the build context"),
            ("Bad", ":2:1"),
            ("Scratch", "RUN needs a file system"),
        ] {
            let (code, out, err) = build(e, &["-t", "hostile", "-f", &f(file), &s(&ctx)]);
            assert_eq!(code, 125, "{file}: {out}\n{err}");
            assert!(err.contains(want), "{file}: {want:?} missing in:\n{err}");
            assert_eq!(e.code(&["image", "exists", "hostile"]), 1);
        }
        // Reproducible with --timestamp: two builds from nothing, one ID;
        // --squash-all makes one layer of it all.
        let repro = context(
            e,
            "repro",
            &[("Containerfile", &format!("{from}COPY Containerfile /c\nRUN echo x > /x\n")), ("x", "x")],
        );
        let one = build_ok(e, &["-q", "--no-cache", "--timestamp", "1700000000", &s(&repro)]);
        let two = build_ok(e, &["-q", "--no-cache", "--timestamp", "1700000000", &s(&repro)]);
        assert_eq!(one, two);
        let sq = last_line(&build_ok(e, &["-q", "--squash-all", "-t", "squashed", &s(&repro)]));
        let layers = e.ok(&["image", "inspect", "--format", "{{len .RootFS.Layers}}", &sq]);
        assert_eq!(layers, "1\n");
        assert_eq!(e.ok(&["run", "--rm", "squashed", "cat", "/x"]), "x\n");
        // ADD extracts a local archive into the directory.
        let arc = context(
            e,
            "arc",
            &[("inner/f", "in the archive\n"), ("Containerfile", &format!("{from}ADD arc.tgz /opt/\n"))],
        );
        let tar = std::process::Command::new("tar")
            .args(["-czf"])
            .arg(arc.join("arc.tgz"))
            .args(["-C"])
            .arg(&arc)
            .arg("inner")
            .status()
            .unwrap();
        assert!(tar.success());
        chown_tree(e, &arc);
        build_ok(e, &["-q", "-t", "added", &s(&arc)]);
        assert_eq!(e.ok(&["run", "--rm", "added", "cat", "/opt/inner/f"]), "in the archive\n");
        let (code, _, err) = build(e, &["--platform", "linux/s390x", "-f", &f("Fail"), &s(&ctx)]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("host's platform only"), "{err}");
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
    });
}

/// A loopback HTTP server (detached) answering `GET path` with the body
/// `files` has for it (404 otherwise), with a `Last-Modified` date.
fn serve(files: Vec<(&'static str, Vec<u8>)>) -> u16 {
    use std::io::{BufRead, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for s in listener.incoming() {
            let Ok(mut s) = s else { continue };
            let mut r = std::io::BufReader::new(s.try_clone().unwrap());
            let mut first = String::new();
            let _ = r.read_line(&mut first);
            let mut line = String::new();
            while r.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = first.split_whitespace().nth(1).unwrap_or("").to_string();
            let (status, body) = match files.iter().find(|(p, _)| *p == path) {
                Some((_, b)) => ("200 OK", b.clone()),
                None => ("404 Not Found", Vec::new()),
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nLast-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body);
        }
    });
    port
}

fn tar_of_dir(dir: &Path) -> Vec<u8> {
    let out = std::process::Command::new("tar").arg("-C").arg(dir).args(["-cf", "-", "."]).output().unwrap();
    assert!(out.status.success());
    out.stdout
}

/// Contexts other than a directory (a tar on stdin, a URL), `ADD` of a
/// URL, `--annotation`, `--squash` and `--layers=false`.
#[test]
fn contexts_urls_annotations_and_squash() {
    each_mode("build-ctx", |e| {
        let from = format!("FROM {}\n", e.image);
        let tarred = context(e, "tarred", &[("Containerfile", &format!("{from}COPY f /f\n")), ("f", "from a tar\n")]);
        let tar = tar_of_dir(&tarred);
        let port = serve(vec![
            ("/ctx.tar", tar.clone()),
            ("/files/tool.sh", b"echo tool\n".to_vec()),
            ("/Containerfile", format!("{from}RUN echo from-url > /u\n").into_bytes()),
        ]);
        // A tar on stdin.
        let mut child = e
            .cmd(&["build", "-q", "-t", "fromstdin", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &tar).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(e.ok(&["run", "--rm", "fromstdin", "cat", "/f"]), "from a tar\n");
        // A tar and a Containerfile from a URL.
        let url = format!("http://127.0.0.1:{port}");
        build_ok(e, &["-q", "-t", "fromurl", &format!("{url}/ctx.tar")]);
        assert_eq!(e.ok(&["run", "--rm", "fromurl", "cat", "/f"]), "from a tar\n");
        build_ok(e, &["-q", "-t", "fromurl2", &format!("{url}/Containerfile")]);
        assert_eq!(e.ok(&["run", "--rm", "fromurl2", "cat", "/u"]), "from-url\n");
        let (code, _, err) = build(e, &[&format!("{url}/missing.tar")]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("404"), "{err}");

        // ADD of a URL: named from the URL, mode 0600, Last-Modified's time;
        // cached while the content is the same.
        let add = context(
            e,
            "add",
            &[(
                "Containerfile",
                &format!("{from}ADD {url}/files/tool.sh /opt/\nADD {url}/files/tool.sh /opt/renamed\n"),
            )],
        );
        let id = last_line(&build_ok(e, &["-t", "added", &s(&add)]));
        let st = e.ok(&["run", "--rm", "added", "stat", "-c", "%n %a %Y", "/opt/tool.sh", "/opt/renamed"]);
        assert_eq!(st, "/opt/tool.sh 600 784111777\n/opt/renamed 600 784111777\n");
        let again = build_ok(e, &["-t", "added", &s(&add)]);
        assert!(again.contains("Using cache"), "{again}");
        assert_eq!(last_line(&again), id);
        let bad = context(e, "badurl", &[("Containerfile", &format!("{from}ADD {url}/nope /x\n"))]);
        let (code, _, err) = build(e, &["-t", "nope", &s(&bad)]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("404"), "{err}");

        // --build-context: a directory for COPY --from, an image for FROM.
        let extra = context(e, "extra", &[("g", "from another context\n")]);
        let bc = context(e, "bc", &[("Containerfile", "FROM base\nCOPY --from=extra g /g\n")]);
        let extra_ctx = format!("extra={}", s(&extra));
        let base_ctx = format!("base=container-image://{}", e.image);
        build_ok(e, &["-q", "-t", "bc", "--build-context", &extra_ctx, "--build-context", &base_ctx, &s(&bc)]);
        assert_eq!(e.ok(&["run", "--rm", "bc", "cat", "/g"]), "from another context\n");

        // --annotation in the manifest, with the base image's.
        build_ok(e, &["-q", "-t", "annotated", "--annotation", "org.example.a=b", &s(&add)]);
        let ann = e.ok(&["image", "inspect", "--format", "{{json .Annotations}}", "annotated"]);
        let ann: Value = serde_json::from_str(&ann).unwrap();
        assert_eq!(ann["org.example.a"], "b", "{ann}");
        assert!(ann["org.opencontainers.image.base.digest"].as_str().unwrap_or("").starts_with("sha256:"), "{ann}");

        // --squash and --layers=false: the base's layers, then one.
        let sq = context(
            e,
            "squash",
            &[(
                "Containerfile",
                &format!(
                    "{from}RUN mkdir /d && echo x > /d/old && echo 1 > /a\nRUN echo 2 > /b && rm /bin/cat\n\
                     RUN rm -r /d /a && mkdir /d && echo y > /d/new\nCMD [\"ls\", \"/\"]\n"
                ),
            )],
        );
        let base = e.ok(&["image", "inspect", "--format", "{{len .RootFS.Layers}}", &e.image]);
        let base: usize = base.trim().parse().unwrap();
        for flag in ["--squash", "--layers=false"] {
            build_ok(e, &["-q", "-t", "squashed", flag, &s(&sq)]);
            let n = e.ok(&["image", "inspect", "--format", "{{len .RootFS.Layers}}", "squashed"]);
            assert_eq!(n.trim(), (base + 1).to_string(), "{flag}");
            let seen = e.ok(&["run", "--rm", "squashed", "sh", "-c", "ls /d; ls /a /bin/cat 2>&1; head -n1 /b"]);
            assert!(seen.starts_with("new\n") && seen.ends_with("2\n"), "{flag}: {seen}");
            assert!(!seen.contains("/bin/cat\n") && seen.matches("No such file").count() == 2, "{flag}: {seen}");
            let hist = e.ok(&["history", "--format", "{{.Size}}", "squashed"]);
            assert_eq!(hist.lines().filter(|l| *l != "0 B").count(), base + 1, "{flag}:\n{hist}");
        }
        e.ok(&["rm", "-a", "-f"]);
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "");
    });
}

/// `kill -9` of `rpod build` while a RUN step runs: the next build works
/// (and removes what the killed one left), the store stays usable.
#[test]
fn kill_9_mid_step_leaves_a_usable_store() {
    for mode in [Mode::Rootless, Mode::Root] {
        let e = Eng::new(mode, "build-kill");
        let file = format!("FROM {}\nRUN echo started; sleep 60\n", e.image);
        let ctx =
            context(&e, "ctx", &[("Containerfile", &file), ("Quick", &format!("FROM {}\nRUN echo quick\n", e.image))]);
        let mut child = e.cmd(&["build", "-t", "slow", &s(&ctx)]).stdout(std::process::Stdio::piped()).spawn().unwrap();
        let root = e.path("root").display().to_string();
        let start = Instant::now();
        // Wait until the step's container runs (its sleep is there).
        let build_pid = loop {
            let procs = processes_mentioning(&root);
            let running = processes_mentioning("sleep 60");
            if let Some(p) =
                procs.iter().find(|p| p.contains(" build ") && !p.contains("sudo") && !p.contains("setpriv"))
            {
                if !running.is_empty() {
                    break p.split(':').next().unwrap().parse::<i32>().unwrap();
                }
            }
            assert!(start.elapsed() < Duration::from_secs(60), "the build never reached its RUN: {procs:?}");
            std::thread::sleep(Duration::from_millis(100));
        };
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(build_pid), nix::sys::signal::Signal::SIGKILL).unwrap();
        let _ = child.wait();
        assert_eq!(e.code(&["image", "exists", "slow"]), 1);
        // The next build uses the store, and clears the killed build's container and files.
        let out = build_ok(&e, &["-t", "quick", "-f", &s(&ctx.join("Quick")), &s(&ctx)]);
        assert!(out.contains("quick"), "{out}");
        assert_eq!(e.ok(&["run", "--rm", "quick", "echo", "ok"]), "ok\n");
        assert_eq!(e.ok(&["ps", "-a", "-q"]), "", "the killed build's container is gone");
        assert_eq!(std::fs::read_dir(e.path("root/build")).unwrap().count(), 0);
        e.ok(&["rm", "-a", "-f"]);
        assert_no_leftovers(&e);
    }
}

/// Run's flags for the RUN containers (`--cap-drop`, `--ulimit`, `-v`,
/// `--stdin`), the build's own (`--env`, `--unsetenv`, `--from`,
/// `--omit-history`, `--logfile`, `--cache-ttl`, `-o`), and the values
/// rpod refuses.
#[test]
fn run_flags_env_and_output() {
    each_mode("build-flags", |e| {
        let from = format!("FROM {}\n", e.image);
        let ctx = context(
            e,
            "ctx",
            &[(
                "Containerfile",
                &format!(
                    "{from}ENV GONE=1\nRUN grep CapEff /proc/self/status > /caps; ulimit -n > /nofile; \
                     echo \"foo=$FOO\" > /foo; cat /vol/f > /seen\n"
                ),
            )],
        );
        let vol = context(e, "vol", &[("f", "from a volume\n")]);
        let volume = format!("{}:/vol", s(&vol));
        let args = [
            "-t",
            "flags",
            "--cap-drop",
            "all",
            "--ulimit",
            "nofile=512:512",
            "-v",
            &volume,
            "--env",
            "FOO=bar",
            "--unsetenv",
            "GONE",
            "--omit-history",
        ];
        let ctx_s = s(&ctx);
        let all: Vec<&str> = args.iter().copied().chain([ctx_s.as_str()]).collect();
        build_ok(e, &all);
        let seen = e.ok(&["run", "--rm", "flags", "sh", "-c", "cat /caps /nofile /foo /seen; ls /vol | wc -l"]);
        assert_eq!(seen, "CapEff:\t0000000000000000\n512\nfoo=\nfrom a volume\n0\n", "{:?}", e.mode);
        let env = e.ok(&["image", "inspect", "--format", "{{json .Config.Env}} {{len .History}}", "flags"]);
        assert!(env.contains("\"FOO=bar\"") && !env.contains("GONE") && env.trim_end().ends_with(" 0"), "{env}");

        // --from, --stdin, --logfile, --cache-ttl=0.
        let stdin_ctx = context(e, "stdin", &[("Containerfile", "FROM scratch-is-replaced\nRUN cat > /in\n")]);
        let log = e.dir.path().join("build.log");
        let mut child = e
            .cmd(&["build", "-t", "piped", "--stdin", "--from", "flags", "--logfile", &s(&log), &s(&stdin_ctx)])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"piped in\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "", "--logfile takes the output");
        let logged = std::fs::read_to_string(&log).unwrap();
        assert!(logged.contains("STEP 2/2: RUN cat > /in"), "{logged}");
        assert_eq!(e.ok(&["run", "--rm", "piped", "cat", "/in", "/foo"]), "piped in\nfoo=\n");
        let again = build_ok(e, &["-t", "flags", "--cache-ttl", "0", "-v", &volume, &s(&ctx)]);
        assert!(!again.contains("Using cache"), "{again}");
        let again = build_ok(e, &["-t", "flags", "--cache-ttl", "1h", "-v", &volume, &s(&ctx)]);
        assert!(again.contains("Using cache"), "{again}");

        // -o: the image's files in a directory (the caller's) and a tar.
        let out_dir = e.dir.path().join("out");
        let tar = e.dir.path().join("out.tar");
        let o_local = format!("type=local,dest={}", s(&out_dir));
        let o_tar = format!("type=tar,dest={}", s(&tar));
        build_ok(e, &["-q", "-o", &o_local, "-v", &volume, &s(&ctx)]);
        build_ok(e, &["-q", "-o", &o_tar, "-v", &volume, &s(&ctx)]);
        assert_eq!(std::fs::read_to_string(out_dir.join("seen")).unwrap(), "from a volume\n");
        let meta = std::fs::metadata(out_dir.join("seen")).unwrap();
        let want = if e.mode == Mode::Rootless { Bed::get().test_uid } else { 0 };
        assert_eq!(std::os::unix::fs::MetadataExt::uid(&meta), want);
        let listed = std::process::Command::new("tar").arg("-tf").arg(&tar).output().unwrap();
        assert!(text(&listed.stdout).lines().any(|l| l.trim_start_matches("./") == "seen"), "{}", text(&listed.stdout));

        for (bad, want) in [
            (vec!["--rm=false"], "--rm=false"),
            (vec!["--isolation", "chroot"], "chroot"),
            (vec!["--arch", "s390x"], "host's platform only"),
            (vec!["-o", "type=registry,dest=x"], "registry"),
        ] {
            let mut a = bad.clone();
            a.push(&ctx_s);
            let (code, _, err) = build(e, &a);
            assert_eq!(code, 125, "{bad:?}: {err}");
            assert!(err.contains(want), "{bad:?}: {err}");
        }
        e.ok(&["rm", "-a", "-f"]);
    });
}
