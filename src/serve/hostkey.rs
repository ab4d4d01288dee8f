//! The server's host key: made once (Ed25519), kept 0600 beside the database as
//! `NAME.ssh_host_ed25519_key`, read at every start. Clients pin its fingerprint.

use crate::store::files::PrivateFile;
use russh::keys::{HashAlg, PrivateKey};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the host key of the database at `db` lives: beside it, not inside (a compact or
/// restore replaces the directory; the key must stay).
pub fn path_for(db: &Path) -> PathBuf {
    let db: PathBuf = db.components().collect();
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kinerja".into());
    db.with_file_name(format!("{name}.ssh_host_ed25519_key"))
}

/// Reads the host key, making it first if there is none. Errors name the file.
pub fn load_or_create(path: &Path) -> Result<PrivateKey, String> {
    match std::fs::read(path) {
        Ok(bytes) => {
            tighten(path);
            PrivateKey::from_openssh(&bytes).map_err(|e| {
                format!(
                    "the host key {} cannot be read ({e}); move it away to make a new one (clients will then warn that the host key changed)",
                    path.display()
                )
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(e) => Err(format!("cannot read the host key {}: {e}", path.display())),
    }
}

fn tighten(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(m) = std::fs::metadata(path)
        && m.permissions().mode() & 0o077 != 0
    {
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
}

fn create(path: &Path) -> Result<PrivateKey, String> {
    let err =
        |e: &dyn std::fmt::Display| format!("cannot write the host key {}: {e}", path.display());
    let key = PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519)
        .map_err(|e| err(&e))?;
    let text = key
        .to_openssh(russh::keys::ssh_key::LineEnding::LF)
        .map_err(|e| err(&e))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
    }
    let (handle, mut file) = PrivateFile::create(path).map_err(|e| err(&e))?;
    file.write_all(text.as_bytes()).map_err(|e| err(&e))?;
    match handle.commit_new(file) {
        Ok(()) => Ok(key),
        // Another start made it meanwhile: use that one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => load_or_create(path),
        Err(e) => Err(err(&e)),
    }
}

/// The key's fingerprint as OpenSSH prints it (`SHA256:...`).
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_private_and_read_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = path_for(&dir.path().join("db/"));
        assert_eq!(path, dir.path().join("db.ssh_host_ed25519_key"));
        let made = load_or_create(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = load_or_create(&path).unwrap();
        assert_eq!(fingerprint(&made), fingerprint(&again));
        assert!(fingerprint(&made).starts_with("SHA256:"));
    }

    #[test]
    fn a_damaged_key_is_named_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        std::fs::write(&path, b"not a key").unwrap();
        let e = load_or_create(&path).unwrap_err();
        assert!(
            e.contains("cannot be read") && e.contains("move it away"),
            "{e}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"not a key");
    }
}
