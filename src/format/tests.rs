//! Behaviour of `--format` on realistic rows, including the seed's templates.

use super::*;
use serde_json::json;

fn ps_rows() -> Vec<Json> {
    vec![
        json!({"ID": "3f0e5a1c2b7d", "Image": "docker.io/library/busybox:latest",
               "Command": "sh", "Names": "bx0", "Status": "Exited (0) 6 seconds ago",
               "ExitCode": 0, "Labels": {"app": "web"}, "Ports": [], "Pid": 0}),
        json!({"ID": "9b1d2e3f4a5c", "Image": "docker.io/library/busybox:latest",
               "Command": "sh", "Names": "bx1", "Status": "Exited (0) 3 seconds ago",
               "ExitCode": 0, "Labels": null, "Ports": ["8080/tcp", "53/udp"], "Pid": 0}),
    ]
}

fn search_rows() -> Vec<Json> {
    vec![
        json!({"Index": "docker.io", "Name": "nginx", "Description": "Official build of Nginx.",
               "StarCount": 11680, "IsOfficial": true, "IsAutomated": false}),
        json!({"Index": "docker.io", "Name": "jwilder/nginx-proxy",
               "Description": "Automated Nginx reverse proxy", "StarCount": 1627,
               "IsOfficial": false, "IsAutomated": true}),
    ]
}

const PS_TABLE: &str = "table {{.ID}}\t{{.Image}}\t{{.Names}}";
const PS_HEADERS: Headers = &[("ID", "CONTAINER ID")];

fn list(format: &str, rows: &[Json]) -> Result<String, FormatError> {
    render_list(Some(format), rows, PS_TABLE, PS_HEADERS)
}

fn one(format: &str, value: &Json) -> Result<String, FormatError> {
    render_one(Some(format), value)
}

#[test]
fn json_function_in_a_row_template_prints_one_line_per_row_in_key_order() {
    let rows = search_rows();
    let out = list("{{json .}} ", &rows).unwrap_or_default();
    // `{{json .}}` with anything beside it is a row template: one line each.
    let out2 = list("X{{json .}}", &rows).unwrap();
    assert_eq!(
        out2,
        "X{\"Index\":\"docker.io\",\"Name\":\"nginx\",\"Description\":\"Official build of Nginx.\",\
         \"StarCount\":11680,\"IsOfficial\":true,\"IsAutomated\":false}\n\
         X{\"Index\":\"docker.io\",\"Name\":\"jwilder/nginx-proxy\",\
         \"Description\":\"Automated Nginx reverse proxy\",\"StarCount\":1627,\
         \"IsOfficial\":false,\"IsAutomated\":true}\n"
    );
    // `{{json .}}` alone is Podman's IsJSON: the pretty array, like `json`.
    assert_eq!(out, list("json", &rows).unwrap());
    assert_eq!(list("{{ json . }}", &rows).unwrap(), list("json", &rows).unwrap());
    assert!(out.starts_with("[\n    {\n        \"Index\": \"docker.io\","), "{out}");
    // Nested values keep their order too; <>& are not escaped (Docker/Podman).
    let v = json!({"Z": {"b": 1, "a": [1, "x<&>"]}, "A": null});
    assert_eq!(
        one("{{json .Z}} {{json .}}", &v).unwrap(),
        "{\"b\":1,\"a\":[1,\"x<&>\"]} {\"Z\":{\"b\":1,\"a\":[1,\"x<&>\"]},\"A\":null}\n"
    );
    assert_eq!(one("{{json .Z.missing}}", &v).unwrap(), "null\n");
    assert_eq!(one("{{json \"s\"}}|{{json 3}}", &v).unwrap(), "\"s\"|3\n");
}

#[test]
fn names_and_status() {
    assert_eq!(
        list("{{.Names}}: {{.Status}}", &ps_rows()).unwrap(),
        "bx0: Exited (0) 6 seconds ago\nbx1: Exited (0) 3 seconds ago\n"
    );
    assert_eq!(list("{{.Names}}: {{.Status}}", &[]).unwrap(), "");
}

#[test]
fn repository_tag_id() {
    let rows = vec![
        json!({"Repository": "docker.io/library/hello-world", "Tag": "latest",
               "ID": "sha256:fce289e99eb9bca977dae136fbe2a82b6b7d4c372474c9235adc1741675f587e",
               "Size": 13336}),
        json!({"Repository": "<none>", "Tag": "<none>", "ID": "sha256:7aa5b1b0616a", "Size": 4_300_000}),
    ];
    assert_eq!(
        list("{{.Repository}}:{{.Tag}} {{.ID}}", &rows).unwrap(),
        "docker.io/library/hello-world:latest \
         sha256:fce289e99eb9bca977dae136fbe2a82b6b7d4c372474c9235adc1741675f587e\n\
         <none>:<none> sha256:7aa5b1b0616a\n"
    );
}

#[test]
fn search_template_with_typed_backslash_t() {
    // Exactly as typed in the shell: backslash + 't', not a TAB.
    let format = r#"{{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial | printf "%q"}}"#;
    let out = list(format, &search_rows()).unwrap();
    // Go's %q has no meaning for a bool: fmt prints %!q(bool=true).
    assert_eq!(
        out,
        "nginx                Official build of Nginx.       11680       %!q(bool=true)\n\
         jwilder/nginx-proxy  Automated Nginx reverse proxy  1627        %!q(bool=false)\n"
    );
    // With Docker's string fields ("[OK]" / "") %q quotes, as in the seed.
    let rows = vec![
        json!({"Name": "nginx", "Description": "Official build of Nginx.", "StarCount": 11680,
               "IsOfficial": "[OK]", "IsAutomated": ""}),
        json!({"Name": "nginx/nginx-ingress", "Description": "NGINX Ingress Controller",
               "StarCount": 20, "IsOfficial": "", "IsAutomated": "false"}),
    ];
    let format = r#"{{.Name}}\t{{.StarCount}}\t{{.IsOfficial | printf "%q"}}\t{{.IsAutomated | printf "%q"}}"#;
    assert_eq!(
        list(format, &rows).unwrap(),
        "nginx                11680       \"[OK]\"      \"\"\n\
         nginx/nginx-ingress  20          \"\"          \"false\"\n"
    );
}

#[test]
fn table_with_header_from_headers_map() {
    let out = list("table {{.ID}}\t{{.Names}}", &ps_rows()).unwrap();
    assert_eq!(out, "CONTAINER ID  NAMES\n3f0e5a1c2b7d  bx0\n9b1d2e3f4a5c  bx1\n");
    // Also with a literal backslash-t, and a header alone for no rows.
    assert_eq!(list(r"table {{.ID}}\t{{.Names}}", &[]).unwrap(), "CONTAINER ID  NAMES\n");
}

#[test]
fn default_table_for_none_empty_and_table_keyword() {
    let expected = "CONTAINER ID  IMAGE                             NAMES\n\
                    3f0e5a1c2b7d  docker.io/library/busybox:latest  bx0\n\
                    9b1d2e3f4a5c  docker.io/library/busybox:latest  bx1\n";
    let rows = ps_rows();
    assert_eq!(render_list(None, &rows, PS_TABLE, PS_HEADERS).unwrap(), expected);
    assert_eq!(render_list(Some(""), &rows, PS_TABLE, PS_HEADERS).unwrap(), expected);
    assert_eq!(render_list(Some("table"), &rows, PS_TABLE, PS_HEADERS).unwrap(), expected);
    assert_eq!(render_list(Some(" table "), &rows, PS_TABLE, PS_HEADERS).unwrap(), expected);
}

#[test]
fn default_headers_split_camel_case() {
    let rows = vec![json!({"NetworkID": "2f259bab93aa", "Name": "podman", "Driver": "bridge",
                           "CreatedAt": "2024-01-01", "IsOfficial": true})];
    let out = render_list(None, &rows, "table {{.NetworkID}}\t{{.Name}}\t{{.Driver}}", &[]).unwrap();
    assert_eq!(out, "NETWORK ID    NAME        DRIVER\n2f259bab93aa  podman      bridge\n");
    assert_eq!(humanize("CreatedAt"), "CREATED AT");
    assert_eq!(humanize("IsOfficial"), "IS OFFICIAL");
    assert_eq!(humanize("ID"), "ID");
    assert_eq!(humanize("HTTPServer"), "HTTP SERVER");
    assert_eq!(humanize("Version2"), "VERSION 2");
    let out =
        render_list(Some("table {{.CreatedAt | upper}} {{if .IsOfficial}}{{.Name}}{{end}}"), &rows, "", &[]).unwrap();
    assert_eq!(out, "CREATED AT  NAME\n2024-01-01  podman\n");
}

#[test]
fn json_keyword_on_lists() {
    let rows = vec![json!({"Name": "podman", "Id": "2f25", "Subnets": [], "Labels": {}, "N": 3})];
    assert_eq!(
        list("json", &rows).unwrap(),
        "[\n    {\n        \"Name\": \"podman\",\n        \"Id\": \"2f25\",\n        \
         \"Subnets\": [],\n        \"Labels\": {},\n        \"N\": 3\n    }\n]\n"
    );
    assert_eq!(list("json", &[]).unwrap(), "[]\n");
    assert_eq!(list(" json ", &[]).unwrap(), "[]\n");
}

#[test]
fn render_one_json_and_templates() {
    let info = json!({"Host": {"Arch": "amd64", "Cpus": 2, "MemFree": 1.5, "Rootless": true},
                      "Version": {"APIVersion": "4.3.1"}});
    let pretty = "{\n    \"Host\": {\n        \"Arch\": \"amd64\",\n        \"Cpus\": 2,\n        \
                  \"MemFree\": 1.5,\n        \"Rootless\": true\n    },\n    \"Version\": {\n        \
                  \"APIVersion\": \"4.3.1\"\n    }\n}";
    assert_eq!(to_json_pretty(&info), pretty);
    for f in [None, Some(""), Some("json"), Some("table")] {
        assert_eq!(render_one(f, &info).unwrap(), format!("{pretty}\n"));
    }
    assert_eq!(one("{{.Host.Arch}}", &info).unwrap(), "amd64\n");
    assert_eq!(one("{{.Host.Cpus}} {{.Host.MemFree}} {{.Host.Rootless}}", &info).unwrap(), "2 1.5 true\n");
    assert_eq!(one("{{.Host.Arch}}\n", &info).unwrap(), "amd64\n");
    assert_eq!(one(r"{{.Host.Arch}}\n", &info).unwrap(), "amd64\n");
    assert_eq!(one(r"a\tb\n{{.Version.APIVersion}}", &info).unwrap(), "a           b\n4.3.1\n");
    assert_eq!(one("table {{.Host.Arch}}", &info).unwrap(), "amd64\n");
}

#[test]
fn go_value_printing() {
    let v = json!({"L": ["a", "b", "c"], "E": [], "N": 42, "Neg": -7, "Big": 18446744073709551615u64,
                   "F": 0.5, "T": true, "Nil": null, "M": {"k": "v", "a": 1}});
    assert_eq!(
        one("{{.L}}|{{.E}}|{{.N}}|{{.Neg}}|{{.Big}}|{{.F}}|{{.T}}|{{.Nil}}|{{.M}}", &v).unwrap(),
        "[a b c]|[]|42|-7|18446744073709551615|0.5|true|<no value>|map[a:1 k:v]\n"
    );
    // Missing keys of a map print <no value>, as Go does for map[string]interface{}.
    assert_eq!(one("{{.M.missing}}", &v).unwrap(), "<no value>\n");
}

#[test]
fn unknown_fields_of_structs_are_errors_like_go() {
    let rows = ps_rows();
    let exec = |r: Result<String, FormatError>| match r {
        Err(FormatError::Exec(m)) => m,
        other => panic!("expected exec error, got {other:?}"),
    };
    // Podman: `can't evaluate field Nosuch in type ...`, exit 125.
    assert_eq!(
        exec(list("{{.Nosuch}}", &rows)),
        "1:2: executing at <.Nosuch>: can't evaluate field Nosuch in type struct"
    );
    assert_eq!(
        list("{{.Names}} {{.Nosuch}}", &rows).unwrap_err().to_string(),
        "template: 1:13: executing at <.Nosuch>: can't evaluate field Nosuch in type struct"
    );
    assert!(exec(list("table {{.ID}}\t{{.Nosuch}}", &rows)).contains("field Nosuch"));
    assert!(exec(list("{{range .}}{{.Nosuch}}{{end}}", &rows)).contains("field Nosuch"));
    assert!(exec(list("{{if .Pid}}x{{else}}{{$.Nosuch}}{{end}}", &rows)).contains("<$.Nosuch>"));
    assert!(exec(list("{{upper .Nosuch}}", &rows)).contains("field Nosuch"));
    assert!(exec(list("{{json .Nosuch}}", &rows)).contains("field Nosuch"));
    // No rows, nothing runs (Go), but unknown functions are still found.
    assert_eq!(list("{{.Nosuch}}", &[]).unwrap(), "");
    // Maps keep map semantics.
    assert_eq!(list("{{.Labels.nosuch}}|{{index .Labels \"x\"}}", &rows[..1]).unwrap(), "<no value>|<no value>\n");
    assert_eq!(list("{{.Labels.nosuch}}", &rows).unwrap(), "<no value>\n<no value>\n");
    assert_eq!(list("{{with .Labels}}{{.app}}{{end}}", &rows).unwrap(), "web\n\n");
    // Nested structs, lists of structs and inspect's map fields.
    let doc = json!({"Config": {"Labels": {"a": "1"}, "Env": ["A=1"], "ExposedPorts": {"80/tcp": {}}},
                     "HostConfig": {"LogConfig": {"Type": "k8s-file", "Config": {}}},
                     "Mounts": [{"Type": "bind", "Source": "/x"}],
                     "NetworkSettings": {"Ports": {}, "Networks": {}}});
    assert_eq!(
        one("{{.Config.Labels.b}} {{.HostConfig.LogConfig.Config.max}} {{.NetworkSettings.Ports.x}}", &doc).unwrap(),
        "<no value> <no value> <no value>\n"
    );
    assert_eq!(one("{{range .Mounts}}{{.Source}}{{end}}", &doc).unwrap(), "/x\n");
    let err = |f: &str| one(f, &doc).unwrap_err().to_string();
    assert!(err("{{.Config.Nosuch}}").ends_with("at <.Config.Nosuch>: can't evaluate field Nosuch in type struct"));
    assert!(err("{{.HostConfig.LogConfig.Typo}}").contains("field Typo"));
    assert!(err("{{range .Mounts}}{{.Sourc}}{{end}}").contains("field Sourc"));
    assert!(err("{{with .HostConfig}}{{.Nope}}{{end}}").contains("field Nope"));
    assert!(err("{{(.HostConfig).Nope}}").contains("field Nope"));
}

#[test]
fn table_columns_separated_by_spaces_align_like_tabs() {
    let rows = ps_rows();
    // Podman's `table` turns each space of the template into a TAB.
    assert_eq!(list("table {{.ID}} {{.Names}}", &rows).unwrap(), list("table {{.ID}}\t{{.Names}}", &rows).unwrap());
    assert_eq!(
        list("table {{.Names}} {{printf \"%s %s\" .Names .Names}}", &rows).unwrap(),
        "NAMES       NAMES\nbx0         bx0 bx0\nbx1         bx1 bx1\n"
    );
    // Without `table`, spaces stay spaces.
    assert_eq!(list("{{.ID}} {{.Names}}", &rows).unwrap(), "3f0e5a1c2b7d bx0\n9b1d2e3f4a5c bx1\n");
}

#[test]
fn json_indentation_as_podman_prints_it() {
    let v = json!([{"A": [1], "B": "<&>"}]);
    assert_eq!(to_json_indent(&v, 2), "[\n  {\n    \"A\": [\n      1\n    ],\n    \"B\": \"<&>\"\n  }\n]");
    assert_eq!(to_json_indent(&v, 0), "[{\"A\":[1],\"B\":\"<&>\"}]");
    assert!(to_json_pretty(&v).starts_with("[\n    {\n        \"A\""));
}

#[test]
fn range_if_with_pipelines_and_variables() {
    let rows = ps_rows();
    assert_eq!(list("{{.Names}}:{{range .Ports}} {{.}}{{end}}", &rows).unwrap(), "bx0:\nbx1: 8080/tcp 53/udp\n");
    assert_eq!(list("{{if .Labels}}{{.Labels.app}}{{else}}none{{end}}", &rows).unwrap(), "web\nnone\n");
    assert_eq!(list("{{with .Labels}}{{range $k, $v := .}}{{$k}}={{$v}}{{end}}{{end}}", &rows).unwrap(), "app=web\n\n");
    assert_eq!(list("{{.Names | upper | printf \"<%s>\"}} {{len .Ports}}", &rows).unwrap(), "<BX0> 0\n<BX1> 2\n");
    // A template ranging over dot runs once over the whole list (Podman).
    assert_eq!(list("{{range .}}{{.Names}},{{end}}", &rows).unwrap(), "bx0,bx1,\n");
    assert_eq!(list("{{range .}}{{.Names}}\n{{end}}", &rows).unwrap(), "bx0\nbx1\n");
}

#[test]
fn printf_verbs() {
    let v = json!({"S": "bx0", "N": 42, "B": false, "SB": "false", "L": ["a", "b"], "F": 2.5});
    assert_eq!(one(r#"{{printf "%q" "x"}}"#, &v).unwrap(), "\"x\"\n");
    assert_eq!(one(r#"{{printf "%q" .SB}}"#, &v).unwrap(), "\"false\"\n");
    assert_eq!(one(r#"{{.SB | printf "%q"}}"#, &v).unwrap(), "\"false\"\n");
    assert_eq!(one(r#"{{printf "%q" .B}}"#, &v).unwrap(), "%!q(bool=false)\n");
    assert_eq!(one(r#"{{printf "%t" .B}}"#, &v).unwrap(), "false\n");
    assert_eq!(one(r#"{{printf "%s|%-6s|%6s|" .S .S .S}}"#, &v).unwrap(), "bx0|bx0   |   bx0|\n");
    assert_eq!(one(r#"{{printf "%d|%5d|%-5d|%05d" .N .N .N .N}}"#, &v).unwrap(), "42|   42|42   |00042\n");
    assert_eq!(one(r#"{{printf "%x %X %x" .N .N .S}}"#, &v).unwrap(), "2a 2A 627830\n");
    assert_eq!(one(r#"{{printf "%v %v %v" .L .N .F}}"#, &v).unwrap(), "[a b] 42 2.5\n");
    assert_eq!(one(r#"{{printf "%.1f" .F}}"#, &v).unwrap(), "2.5\n");
    assert_eq!(one(r#"{{printf "%d" "x"}}"#, &v).unwrap(), "%!d(string=x)\n");
    assert_eq!(one(r#"{{println .S .N}}"#, &v).unwrap(), "bx0 42\n");
    // Go's print puts spaces only between operands that are not strings.
    assert_eq!(one(r#"{{print .S .N}}|{{print .N .N}}"#, &v).unwrap(), "bx042|42 42\n");
}

#[test]
fn custom_functions() {
    let v = json!({"S": "Hello World", "Csv": "a,b,,c", "L": ["x", "y", 3], "E": "",
                   "U": "héllo"});
    let t = |f: &str| one(f, &v).unwrap();
    assert_eq!(t("{{lower .S}}|{{upper .S}}"), "hello world|HELLO WORLD\n");
    assert_eq!(t(r#"{{title "hello wORLD foo-bar"}}"#), "Hello WORLD Foo-Bar\n");
    assert_eq!(t(r#"{{split .Csv ","}}"#), "[a b  c]\n");
    assert_eq!(t(r#"{{len (split .Csv ",")}}"#), "4\n");
    assert_eq!(t(r#"{{split "abc" ""}}"#), "[a b c]\n");
    assert_eq!(t(r#"{{join .L ", "}}"#), "x, y, 3\n");
    assert_eq!(t(r#"{{join (split .Csv ",") "+"}}"#), "a+b++c\n");
    assert_eq!(t("{{truncate .S 5}}|{{truncate .S 50}}|{{truncate .U 2}}"), "Hello|Hello World|hé\n");
    assert_eq!(t("[{{pad .S 2 3}}]"), "[  Hello World   ]\n");
    assert_eq!(t("[{{pad .E 2 3}}]"), "[]\n");
    assert_eq!(t("{{.S | lower | printf \"%.3s\"}}"), "hel\n");
}

#[test]
fn custom_function_errors() {
    let v = json!({"S": "x", "N": 3});
    let err = |f: &str| one(f, &v).unwrap_err().to_string();
    assert_eq!(err("{{lower .N}}"), "template: execution error: lower: wrong type for value; expected string; got int");
    assert_eq!(err("{{upper}}"), "template: execution error: wrong number of args for upper: want 1 got 0");
    assert_eq!(err("{{truncate .S -1}}"), "template: execution error: truncate: negative count -1");
    assert_eq!(
        err("{{join .S \",\"}}"),
        "template: execution error: join: wrong type for value; expected []string; got string"
    );
    // The pipeline value goes last, as in Go: truncate 3 .S is a type error.
    assert_eq!(
        err("{{.S | truncate 3}}"),
        "template: execution error: truncate: wrong type for value; expected string; got int"
    );
}

#[test]
fn parse_errors_carry_engine_messages() {
    let v = json!({"A": 1});
    let parse = |f: &str| match one(f, &v) {
        Err(FormatError::Parse(m)) => m,
        other => panic!("{f}: expected parse error, got {other:?}"),
    };
    assert_eq!(parse("{{.A"), "template: 1:5: unclosed action");
    assert_eq!(parse("x{{"), "template: 1:4: unclosed action");
    assert_eq!(parse("{{range}}{{end}}"), "template: 1:10: empty command");
    assert_eq!(parse("{{foo .}}"), "template: 1:3: function \"foo\" not defined");
    assert_eq!(parse("ok\n{{if .A}}{{bar 1}}{{end}}"), "template: 2:12: function \"bar\" not defined");
    assert_eq!(parse("a{{end}}b"), "template: 1:2: unexpected {{end}}");
    assert_eq!(parse("{{if .A}}x{{end}}\n{{else}}"), "template: 2:1: unexpected {{else}}");
    assert_eq!(parse("{{if .A}}x"), "template: 1:11: unexpected EOF");
    assert_eq!(parse("{{range .A}}\n{{define \"x\"}}{{end}}"), "template: 2:22: unexpected EOF");
    assert_eq!(parse("{{if .A}}{{end}}{{end}}{{if .B}}"), "template: 1:17: unexpected {{end}}");
    // Unknown functions are found even when there are no rows to run on.
    match render_list(Some("{{nope .}}"), &[], "", &[]) {
        Err(FormatError::Parse(m)) => assert_eq!(m, "template: 1:3: function \"nope\" not defined"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn execution_errors_carry_engine_messages() {
    let v = json!({"Name": "bx0", "L": ["a"]});
    let exec = |f: &str| match one(f, &v) {
        Err(FormatError::Exec(m)) => m,
        other => panic!("{f}: expected exec error, got {other:?}"),
    };
    assert_eq!(exec("{{.Name.Foo}}"), "execution error: can't evaluate field Foo in type string");
    assert_eq!(exec("{{index .L 5}}"), "index out of range: 5");
    assert_eq!(exec("{{range .Name}}{{end}}"), "cannot range over string");
    assert_eq!(
        one("{{.Name.Foo}}", &v).unwrap_err().to_string(),
        "template: execution error: can't evaluate field Foo in type string"
    );
}

#[test]
fn backslash_escapes_only_outside_actions() {
    let v = json!({"A": "x"});
    // Inside a string literal Go reads \t itself.
    assert_eq!(one(r#"{{printf "%s\t%s" .A .A}}"#, &v).unwrap(), "x           x\n");
    assert_eq!(one(r#"{{printf "}}\n"}}{{.A}}\n"#, &v).unwrap(), "}}\nx\n");
    assert_eq!(one(r"{{/* \t }} */}}{{.A}}", &v).unwrap(), "x\n");
    assert_eq!(normalize_escapes(r#"a\tb{{"\t"}}c\nd"#), "a\tb{{\"\\t\"}}c\nd");
    assert_eq!(normalize_escapes(r"{{.A"), r"{{.A");
    assert_eq!(normalize_escapes(r"{{'\''}}\t"), "{{'\\''}}\t");
}

/// Malformed or hostile templates return Ok or Err, never panic.
#[test]
fn malformed_templates_never_panic() {
    let rows = ps_rows();
    let templates = [
        "{{",
        "}}",
        "{{.A",
        "{{end}}",
        "{{else}}",
        "{{range}}",
        "{{if}}",
        "{{with}}",
        r#"{{printf "%d" "x"}}"#,
        "{{printf}}",
        r#"{{printf "%"}}"#,
        r#"{{printf "%!"}}"#,
        r#"{{printf "%999999999d" 1}}"#,
        r#"{{printf "%.999999999f" 1.0}}"#,
        r#"{{printf "%[3]d" 1}}"#,
        "{{.Names.X.Y}}",
        "{{index .Ports 99}}",
        "{{index .Ports -1}}",
        "{{index . 1}}",
        "{{slice .Names 5 1}}",
        "{{slice .Names 0 99}}",
        "{{len 3}}",
        "{{call .Names}}",
        "{{template \"nope\"}}",
        "{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}",
        "{{break}}",
        "{{continue}}",
        "{{range .Ports}}{{break}}{{end}}",
        "{{$x}}",
        "{{$x := }}",
        "{{/*",
        "{{/* */",
        "{{\"unterminated}}",
        "{{`raw",
        "{{'c}}",
        "{{1e400}}",
        "{{0x}}",
        "{{((((((((((((((((((((.Names))))))))))))))))))))}}",
        "{{.Names | }}",
        "{{| .Names}}",
        "{{range $i, $e, $f := .Ports}}{{end}}",
        "{{if .A}}{{else}}{{else}}{{end}}",
        "{{if .A}}{{else if}}{{end}}",
        "{{end}}{{end}}",
        "{{-}}",
        "{{- -}}",
        "{{.}}",
        "{{json}}",
        "{{json . .}}",
        "{{split}}",
        "{{pad .Names -1 2}}",
        "{{truncate .Names 1e3}}",
        "{{join .Ports}}",
        "{{title 1}}",
        "{{range -5}}{{end}}",
        "{{range 3}}{{.}}{{end}}",
        "{{nil}}",
        "{{.Names 1}}",
        "table",
        "table {{",
        "json",
        "{{range .}}{{.Names}}",
        "{{range .}}{{end}}{{end}}",
        "\u{0}{{\u{0}}}",
        "é{{.é}}",
        "{{ .Names\n}}",
        "{{- .Names -}}\t\\t\\n",
        "{{é",
        "é{{/*é",
        "{{\"é\\",
        "{{'é'}}",
        "é\\t{{é}}\\n",
        "table é\\t{{.Names}}\\t",
        "{{block \"b\" .}}x{{end}}",
        "{{define \"x\"}}",
        "{{with $x := .Names}}{{$x}}{{end}}",
    ];
    let mut deep = String::new();
    for _ in 0..2000 {
        deep.push_str("{{if .A}}");
    }
    let deep_parens = format!("{{{{{}.A{}}}}}", "(".repeat(5000), ")".repeat(5000));
    let mut panicked = Vec::new();
    for t in templates.iter().copied().chain([deep.as_str(), deep_parens.as_str()]) {
        let list_ok = std::panic::catch_unwind(|| {
            let _ = render_list(Some(t), &rows, PS_TABLE, PS_HEADERS);
        });
        let one_ok = std::panic::catch_unwind(|| {
            let _ = render_one(Some(t), &rows[0]);
        });
        if list_ok.is_err() || one_ok.is_err() {
            panicked.push(t.chars().take(60).collect::<String>());
        }
    }
    assert!(panicked.is_empty(), "panicked on: {panicked:?}");
}
