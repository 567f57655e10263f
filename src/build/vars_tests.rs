//! Docker's word expansion rules (BuildKit's shell lexer test cases).

use super::*;

fn env(name: &str) -> Option<String> {
    match name {
        "A" => Some("a".into()),
        "EMPTY" => Some(String::new()),
        "SPACED" => Some("x  y".into()),
        _ => None,
    }
}

fn word(w: &str) -> String {
    Lex::new('\\').word(w, &env).unwrap_or_else(|e| panic!("{w}: {e}"))
}

fn fails(w: &str) -> String {
    Lex::new('\\').word(w, &env).unwrap_err().0
}

#[test]
fn expansion() {
    let cases = [
        ("$A", "a"),
        ("${A}", "a"),
        ("x${A}y", "xay"),
        ("$Ab", ""),
        ("$UNSET", ""),
        ("${UNSET:-d}", "d"),
        ("${EMPTY:-d}", "d"),
        ("${EMPTY-d}", ""),
        ("${UNSET-d}", "d"),
        ("${A:-d}", "a"),
        ("${A:+alt}", "alt"),
        ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"),
        ("${UNSET:+alt}", ""),
        ("${UNSET:-${A}x}", "ax"),
        ("${A:?no}", "a"),
        ("'$A'", "$A"),
        ("\"$A\"", "a"),
        ("\"'$A'\"", "'a'"),
        ("\\$A", "$A"),
        ("\\${A}", "${A}"),
        ("\"\\$A\"", "$A"),
        ("\"a\\b\"", "a\\b"),
        ("a\\ b", "a b"),
        ("\"a  b\"", "a  b"),
        ("$", "$"),
        ("a$", "a$"),
        ("$1x", "x"),
        ("end\\", "end"),
        ("'it''s'", "its"),
    ];
    for (input, want) in cases {
        assert_eq!(word(input), want, "{input}");
    }
}

#[test]
fn errors() {
    assert_eq!(fails("${UNSET:?must be set}"), "UNSET: must be set");
    assert_eq!(fails("${EMPTY:?}"), "EMPTY: is not allowed to be empty");
    assert_eq!(fails("${UNSET?}"), "UNSET: is not allowed to be unset");
    assert_eq!(fails("${A"), "syntax error: missing '}'");
    assert_eq!(fails("${A:-x"), "syntax error: missing '}'");
    assert_eq!(fails("${}"), "syntax error: bad substitution");
    assert_eq!(fails("${A%x}"), "unsupported modifier (%) in substitution");
    assert!(fails("\"open").contains("double-quote"));
    assert!(fails("'open").contains("single-quote"));
}

#[test]
fn words_split_after_expansion() {
    let lex = Lex::new('\\');
    assert_eq!(lex.words("$SPACED", &env).unwrap(), ["x", "y"]);
    assert_eq!(lex.words("\"$SPACED\"", &env).unwrap(), ["x  y"]);
    assert_eq!(lex.words("80 ${A}/tcp", &env).unwrap(), ["80", "a/tcp"]);
    assert_eq!(lex.words("a\\ b c", &env).unwrap(), ["a b", "c"]);
    assert!(lex.words("\"\"", &env).unwrap().is_empty());
}

#[test]
fn backtick_escape() {
    let lex = Lex::new('`');
    assert_eq!(lex.word(r"C:\path\$A", &env).unwrap(), r"C:\path\a");
    assert_eq!(lex.word("`$A", &env).unwrap(), "$A");
    assert_eq!(lex.word("\"C:\\x`\"\"", &env).unwrap(), "C:\\x\"");
}

#[test]
fn platform_args_name_the_host() {
    let args = platform_args();
    let get = |k: &str| args.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("TARGETOS"), Some("linux"));
    let arch = get("TARGETARCH").unwrap();
    assert!(get("TARGETPLATFORM").unwrap().starts_with(&format!("linux/{arch}")));
    assert_eq!(get("BUILDPLATFORM"), get("TARGETPLATFORM"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "${A:-".repeat(10_000) + &"}".repeat(10_000);
    assert_eq!(fails(&deep), "syntax error: substitutions nested too deeply");
    let ok = "${U:-".repeat(10) + "x" + &"}".repeat(10);
    assert_eq!(word(&ok), "x");
}
