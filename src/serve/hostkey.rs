//! The server's host key: made once, kept in the class folder, so that students' SSH clients
//! recognise the server from one lesson to the next.

use std::path::Path;

use anyhow::{Context, Result};
use russh::keys::PrivateKey;
use russh::keys::ssh_key::{Algorithm, LineEnding};

/// The file in the class folder that holds the key (OpenSSH format, readable by its owner only).
pub const FILE: &str = "host_key";

/// The key in `class/host_key`, made and written there the first time.
pub fn load_or_make(class: &Path) -> Result<PrivateKey> {
    let path = class.join(FILE);
    if path.exists() {
        return russh::keys::load_secret_key(&path, None)
            .with_context(|| format!("reading the host key {}", path.display()));
    }
    let key =
        PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).context("making a host key")?;
    let text = key
        .to_openssh(LineEnding::LF)
        .context("encoding the host key")?;
    write_private(&path, text.as_bytes())
        .with_context(|| format!("writing the host key {}", path.display()))?;
    Ok(key)
}

/// The key's fingerprint as OpenSSH prints it (`SHA256:…`), to read out to a class.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key()
        .fingerprint(russh::keys::HashAlg::Sha256)
        .to_string()
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
