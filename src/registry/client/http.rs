//! HTTP details of the registry client: certificates, pagination links,
//! auth challenges.

use std::collections::HashMap;

use super::*;

/// Each `-----BEGIN CERTIFICATE-----` block of `text`.
pub(super) fn split_pem(text: &str) -> Vec<String> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(BEGIN) {
        let Some(end) = rest[start..].find(END) else { break };
        let stop = start + end + END.len();
        out.push(format!("{}\n", &rest[start..stop]));
        rest = &rest[stop..];
    }
    out
}

/// The `rel="next"` target of a `Link` header.
pub(super) fn next_link(headers: &reqwest::header::HeaderMap) -> Option<String> {
    for v in headers.get_all(reqwest::header::LINK) {
        let v = v.to_str().ok()?;
        for part in v.split(',') {
            let (target, params) = part.split_once(';').unwrap_or((part, ""));
            if params.split(';').any(|p| matches!(p.trim().replace(' ', "").as_str(), "rel=\"next\"" | "rel=next")) {
                let t = target.trim().trim_start_matches('<').trim_end_matches('>');
                return Some(t.to_string());
            }
        }
    }
    None
}

/// The first usable challenge of `WWW-Authenticate` headers (Bearer preferred).
pub(super) fn parse_challenge(values: reqwest::header::GetAll<'_, reqwest::header::HeaderValue>) -> Option<Challenge> {
    let mut basic = false;
    for v in values {
        let Ok(v) = v.to_str() else { continue };
        let (scheme, params) = v.trim().split_once(' ').unwrap_or((v.trim(), ""));
        if scheme.eq_ignore_ascii_case("bearer") {
            let params = parse_auth_params(params);
            if let Some(realm) = params.get("realm") {
                return Some(Challenge::Bearer { realm: realm.clone(), service: params.get("service").cloned() });
            }
        } else if scheme.eq_ignore_ascii_case("basic") {
            basic = true;
        }
    }
    basic.then_some(Challenge::Basic)
}

/// `key="value", key=value, ...` (RFC 7235 auth-params; quoted strings may hold `,` and `\"`).
pub(super) fn parse_auth_params(s: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let key: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        if key.is_empty() {
            break;
        }
        if chars.next() != Some('=') {
            continue;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            value = std::iter::from_fn(|| chars.next_if(|c| *c != ',')).collect::<String>().trim().to_string();
        }
        out.insert(key.trim().to_ascii_lowercase(), value);
    }
    out
}

/// Property test (issue 12): `WWW-Authenticate` challenges from a registry
/// never panic the parser, and a quoted realm comes back as it was.
#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(crate::proptests::config())]

        #[test]
        fn challenges_never_panic(v in "(Bearer|Basic|bearer|[A-Za-z]{0,6}) ?([a-z]{0,8}=(\"[\\PC]{0,16}\"|[^ ,]{0,10}),? ?){0,5}|\\PC{0,60}") {
            let _ = parse_auth_params(&v);
            if let Ok(h) = reqwest::header::HeaderValue::from_str(&v) {
                let mut map = reqwest::header::HeaderMap::new();
                map.append("www-authenticate", h);
                let _ = parse_challenge(map.get_all("www-authenticate"));
            }
        }

        #[test]
        fn quoted_realms_come_back(realm in "[a-zA-Z0-9:/._ -]{1,30}") {
            let params = parse_auth_params(&format!("realm=\"{realm}\",service=\"reg\""));
            prop_assert_eq!(params.get("realm"), Some(&realm));
        }
    }
}
