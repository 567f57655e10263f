//! sha256 digests as the store uses them: `sha256:<64 lowercase hex>`.

use sha2::{Digest, Sha256};

use crate::error::{Result, StorageError};

/// Whether `s` is 64 lowercase hex digits.
pub fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The hex part of a `sha256:<hex>` digest, or an error naming `what`.
pub fn hex_of<'a>(what: &'static str, digest: &'a str) -> Result<&'a str> {
    match digest.strip_prefix("sha256:") {
        Some(h) if is_hex64(h) => Ok(h),
        Some(_) => Err(StorageError::invalid(what, digest, "expected sha256: and 64 lowercase hex digits")),
        None => Err(StorageError::invalid(what, digest, "only sha256 digests are supported")),
    }
}

/// Lowercase hex of a hash output.
pub fn to_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// Hex sha256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    to_hex(&Sha256::digest(data))
}

/// The OCI chain ID of a layer: its diff ID for a base layer, else
/// `sha256(parent_chain_id + " " + diff_id)`.
pub fn chain_id(parent: Option<&str>, diff_id: &str) -> String {
    match parent {
        None => diff_id.to_string(),
        Some(p) => format!("sha256:{}", sha256_hex(format!("{p} {diff_id}").as_bytes())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests() {
        let d = format!("sha256:{}", "a".repeat(64));
        assert_eq!(hex_of("x", &d).unwrap(), "a".repeat(64));
        assert!(hex_of("x", "sha256:ABC").is_err());
        assert!(hex_of("x", &format!("sha512:{}", "a".repeat(64))).is_err());
        assert!(hex_of("x", &format!("sha256:{}/..", "a".repeat(61))).is_err());
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(chain_id(None, &d), d);
        let c = chain_id(Some(&d), &d);
        assert!(hex_of("x", &c).is_ok());
        assert_ne!(c, d);
    }
}
