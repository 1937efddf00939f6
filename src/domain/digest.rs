//! Short content hashes that anyone can recompute with a standard tool (`sha256sum`).

use sha2::{Digest, Sha256};

/// The first 12 hex digits of the SHA-256 of `bytes`: short enough to cite in a tender, long enough
/// that two different texts do not share one by accident.
pub fn short_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
