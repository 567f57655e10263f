//! The registry client's errors: HTTP statuses, registry error bodies,
//! oci-client and transport errors turned into [`Error`]s with the
//! message the user sees.

use std::io;

use oci_client::errors::{OciDistributionError, OciErrorCode};

use super::*;
use crate::registry::Error;

pub(super) fn status_text(s: u16) -> &'static str {
    reqwest::StatusCode::from_u16(s).ok().and_then(|s| s.canonical_reason()).unwrap_or("unknown")
}

/// The `message`s of a registry's JSON error body, else the body's start.
pub(super) fn body_message(body: &[u8]) -> String {
    #[derive(serde::Deserialize)]
    struct Envelope {
        errors: Vec<serde_json::Value>,
    }
    if let Ok(env) = serde_json::from_slice::<Envelope>(body) {
        let msgs: Vec<String> = env
            .errors
            .iter()
            .map(|e| {
                let code = e.get("code").and_then(|c| c.as_str()).unwrap_or("").to_ascii_lowercase().replace('_', " ");
                let msg = e.get("message").and_then(|m| m.as_str()).unwrap_or("");
                match (code.is_empty(), msg.is_empty()) {
                    (false, false) => format!("{code}: {msg}"),
                    (true, _) => msg.to_string(),
                    (false, true) => code,
                }
            })
            .collect();
        if !msgs.is_empty() {
            return msgs.join("; ");
        }
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.len() > 200 {
        let mut end = 200;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &text[..end])
    } else {
        text.to_string()
    }
}

/// An HTTP error status as an [`Error`].
pub(super) fn http_error(conn: &Conn, status: u16, body: &[u8], what: &str, op: Option<Op>) -> Error {
    match (status, op) {
        (401, _) => auth_error(conn, body_message(body)),
        (404, Some(Op::Manifest(r))) => Error::ManifestUnknown { reference: r.to_string(), detail: body_message(body) },
        (404, Some(Op::Blob(r, d))) => Error::BlobUnknown { reference: r.to_string(), digest: d.to_string() },
        (403, _) => Error::Denied { what: what.to_string(), detail: body_message(body) },
        (s, _) => {
            let msg = body_message(body);
            Error::Http {
                what: what.to_string(),
                status: s,
                message: if msg.is_empty() { status_text(s).to_string() } else { msg },
            }
        }
    }
}

pub(super) fn auth_error(conn: &Conn, detail: String) -> Error {
    if conn.creds.is_some() {
        Error::AuthFailed { registry: conn.registry.clone(), detail }
    } else {
        Error::AuthRequired { registry: conn.registry.clone() }
    }
}

/// An oci-client error as an [`Error`].
pub(super) fn map_oci(e: OciDistributionError, op: Op, conn: &Conn) -> Error {
    let what = op.what();
    match e {
        OciDistributionError::RequestError(re) => reqwest_error(re, conn, &what),
        OciDistributionError::UnauthorizedError { .. } => auth_error(conn, String::new()),
        OciDistributionError::AuthenticationFailure(msg) => auth_error(conn, msg),
        OciDistributionError::RegistryError { envelope, .. } => {
            let code = envelope.errors.first().map(|e| &e.code);
            let detail = envelope
                .errors
                .iter()
                .map(|e| {
                    let code = serde_json::to_value(&e.code)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    format!("{}: {}", code.to_ascii_lowercase().replace('_', " "), e.message)
                })
                .collect::<Vec<_>>()
                .join("; ");
            match (code, op) {
                (
                    Some(OciErrorCode::ManifestUnknown | OciErrorCode::NameUnknown | OciErrorCode::NotFound),
                    Op::Manifest(r),
                ) => Error::ManifestUnknown { reference: r.to_string(), detail },
                (Some(OciErrorCode::BlobUnknown | OciErrorCode::NotFound), Op::Blob(r, d)) => {
                    Error::BlobUnknown { reference: r.to_string(), digest: d.to_string() }
                }
                (Some(OciErrorCode::Unauthorized), _) => auth_error(conn, detail),
                (Some(OciErrorCode::Denied), _) => Error::Denied { what, detail },
                (Some(OciErrorCode::Toomanyrequests), _) => Error::Http { what, status: 429, message: detail },
                _ => Error::Other(format!("{what}: {detail}")),
            }
        }
        OciDistributionError::ServerError { code, message, .. } => {
            http_error(conn, code, message.as_bytes(), &what, Some(op))
        }
        OciDistributionError::DigestError(oci_client::errors::DigestError::VerificationError { expected, actual }) => {
            Error::DigestMismatch { what, expected, actual }
        }
        OciDistributionError::IoError(e) => Error::Network { what, detail: describe_io(&e), transient: true },
        OciDistributionError::ManifestParsingError(m) | OciDistributionError::VersionedParsingError(m) => match op {
            Op::Manifest(r) => Error::InvalidManifest { reference: r.to_string(), detail: m },
            _ => Error::Other(format!("{what}: {m}")),
        },
        OciDistributionError::JsonError(j) => match op {
            Op::Manifest(r) => Error::InvalidManifest { reference: r.to_string(), detail: j.to_string() },
            _ => Error::Other(format!("{what}: {j}")),
        },
        other => Error::Other(format!("{what}: {other}")),
    }
}

/// A transport error as an [`Error`]: failing to connect is "unreachable".
pub(super) fn reqwest_error(e: reqwest::Error, conn: &Conn, what: &str) -> Error {
    let detail = describe_reqwest(&e, &conn.registry);
    if e.is_connect() {
        let url = e.url().map(|u| u.to_string()).unwrap_or_else(|| conn.base.clone());
        let transient = !e.is_timeout() && !is_tls_error(&e);
        Error::Unreachable { registry: conn.registry.clone(), detail: format!("Get {url:?}: {detail}"), transient }
    } else {
        Error::Network { what: what.to_string(), detail, transient: e.is_timeout() || e.is_body() || e.is_request() }
    }
}

/// An error and its causes, looking inside `io::Error`s (whose `source()`
/// skips the error they wrap).
pub(super) fn error_chain<'a>(e: &'a (dyn std::error::Error + 'static)) -> Vec<&'a (dyn std::error::Error + 'static)> {
    let mut out = Vec::new();
    let mut cur = Some(e);
    while let Some(c) = cur {
        out.push(c);
        if out.len() > 32 {
            break;
        }
        cur = match c.downcast_ref::<io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => c.source(),
        };
    }
    out
}

/// The useful part of a transport error: the TLS problem or the OS error.
pub(super) fn describe_reqwest(e: &reqwest::Error, registry: &str) -> String {
    if e.is_timeout() && e.is_connect() {
        return "connection timed out".to_string();
    }
    let chain = error_chain(e);
    if let Some(tls) = chain.iter().find_map(|c| c.downcast_ref::<rustls::Error>()) {
        return describe_tls(tls, registry);
    }
    if let Some(io) = chain.iter().rev().find_map(|c| c.downcast_ref::<io::Error>()) {
        return describe_io(io);
    }
    if e.is_timeout() {
        return "i/o timeout".to_string();
    }
    describe_chain(e)
}

/// The failure is a TLS handshake or certificate problem.
pub(super) fn is_tls_error(e: &reqwest::Error) -> bool {
    error_chain(e).iter().any(|c| c.downcast_ref::<rustls::Error>().is_some())
}

pub(super) fn describe_io(e: &io::Error) -> String {
    let chain = error_chain(e);
    if let Some(tls) = chain.iter().find_map(|c| c.downcast_ref::<rustls::Error>()) {
        return describe_tls(tls, "the registry");
    }
    let e = chain.iter().rev().find_map(|c| c.downcast_ref::<io::Error>()).unwrap_or(e);
    match e.kind() {
        io::ErrorKind::ConnectionRefused => "connect: connection refused".to_string(),
        io::ErrorKind::ConnectionReset => "connection reset by peer".to_string(),
        io::ErrorKind::TimedOut => "i/o timeout".to_string(),
        io::ErrorKind::UnexpectedEof => "unexpected EOF".to_string(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

pub(super) fn describe_tls(e: &rustls::Error, registry: &str) -> String {
    use rustls::CertificateError as C;
    let hint = format!(
        "(trust its CA in /etc/containers/certs.d/{registry}/ca.crt or with --cert-dir, or use --tls-verify=false)"
    );
    match e {
        rustls::Error::InvalidCertificate(C::UnknownIssuer) => {
            format!("tls: failed to verify certificate: x509: certificate signed by unknown authority {hint}")
        }
        rustls::Error::InvalidCertificate(C::Expired | C::ExpiredContext { .. }) => {
            format!("tls: failed to verify certificate: x509: certificate has expired {hint}")
        }
        rustls::Error::InvalidCertificate(C::NotValidForName | C::NotValidForNameContext { .. }) => {
            format!("tls: failed to verify certificate: x509: certificate is not valid for {registry} {hint}")
        }
        rustls::Error::InvalidMessage(_) => {
            "tls: the server did not answer with TLS (a plain-HTTP registry needs --tls-verify=false or insecure = true in registries.conf)".to_string()
        }
        other => format!("tls: {other}"),
    }
}

pub(super) fn describe_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}
