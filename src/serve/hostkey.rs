//! The server's host key: made once (Ed25519) and kept inside the database
//! (`meta/host_key`, see `store/host.rs`), so a backup carries it and a restore or a move
//! keeps it; clients pin its fingerprint. A database of an older version kept it 0600
//! beside the database as `NAME.ssh_host_ed25519_key`: that file is taken in at the first
//! start. The public half is written beside the database as `NAME.ssh_host_ed25519_key.pub`
//! so `serve --fingerprint` can answer while the server holds the database.

use crate::store::Store;
use crate::store::files::PrivateFile;
use russh::keys::{HashAlg, PrivateKey, PublicKey};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The host key of the database: the one inside it; else the file an older version kept
/// beside it (`side`, see [`path_for`]), taken in; else a new one. Taking in or making is
/// audited with the key's fingerprint, never the key. Errors name the database or file.
pub fn for_store(store: &Store, side: &Path, actor: &str) -> Result<PrivateKey, String> {
    let db = store.path().display().to_string();
    let parse = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .ok()
            .and_then(|t| PrivateKey::from_openssh(t).ok())
            .ok_or_else(|| {
                format!(
                    "the host key inside the database {db} cannot be read; run `kinerja check`, and restore the newest backup it names"
                )
            })
    };
    let held = store
        .host_key()
        .map_err(|e| format!("cannot read the host key in the database {db}: {e}"))?;
    if let Some(bytes) = held {
        return parse(&bytes);
    }
    let (key, how) = match std::fs::read(side) {
        Ok(bytes) => {
            let key = PrivateKey::from_openssh(&bytes).map_err(|e| {
                format!(
                    "the host key {} cannot be read ({e}); move it away to make a new one (clients will then warn that the host key changed)",
                    side.display()
                )
            })?;
            let how = format!(
                "host key {} taken in from {}",
                fingerprint(&key),
                crate::domain::text::shown_path(side)
            );
            (key, how)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519)
                .map_err(|e| format!("cannot make a host key: {e}"))?;
            let how = format!("host key {} made", fingerprint(&key));
            (key, how)
        }
        Err(e) => return Err(format!("cannot read the host key {}: {e}", side.display())),
    };
    let text = key
        .to_openssh(russh::keys::ssh_key::LineEnding::LF)
        .map_err(|e| format!("cannot keep the host key: {e}"))?;
    let kept = store
        .keep_host_key(text.as_bytes(), actor, &how)
        .map_err(|e| format!("cannot keep the host key in the database {db}: {e}"))?;
    parse(&kept)
}

/// Where the public half of the host key is written beside the database at `db`.
pub fn public_path_for(db: &Path) -> PathBuf {
    let mut p = path_for(db).into_os_string();
    p.push(".pub");
    PathBuf::from(p)
}

/// Writes the public half beside the database (replacing what an earlier start wrote),
/// for `serve --fingerprint` while the server holds the database.
pub fn write_public(path: &Path, key: &PrivateKey) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    let text = key.public_key().to_openssh().map_err(|e| err(&e))?;
    if std::fs::read_to_string(path).is_ok_and(|t| t.trim() == text) {
        return Ok(());
    }
    let (handle, mut file) = PrivateFile::create(path).map_err(|e| err(&e))?;
    writeln!(file, "{text}").map_err(|e| err(&e))?;
    handle.commit(file).map_err(|e| err(&e))
}

/// Reads the public half written by [`write_public`].
pub fn read_public(path: &Path) -> Result<PublicKey, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    PublicKey::from_openssh(text.trim())
        .map_err(|e| format!("{} is not a public key: {e}", path.display()))
}

/// Where an older version kept the host key of the database at `db`: beside it (a compact
/// or restore replaces the directory). Now only read once, to take the key in.
pub fn path_for(db: &Path) -> PathBuf {
    let db: PathBuf = db.components().collect();
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kinerja".into());
    db.with_file_name(format!("{name}.ssh_host_ed25519_key"))
}

/// Reads the host key file, making it first if there is none. Errors name the file. (Tests
/// serving without a database's own key use it.)
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

/// What officers compare with their client's first-connection prompt: the key's size, its
/// SHA256 fingerprint and algorithm on one line, as `ssh-keygen -lv` prints it, then
/// OpenSSH's randomart picture (`ssh -o VisualHostKey=yes` shows the same).
pub fn fingerprint_for_officers(key: &PrivateKey) -> String {
    officers_form(key.public_key())
}

/// [`fingerprint_for_officers`] from the public key alone.
pub fn officers_form(public: &PublicKey) -> String {
    let algorithm = public.algorithm();
    let (name, bits) = match algorithm {
        russh::keys::Algorithm::Ed25519 => ("ED25519".to_string(), 256),
        other => (other.as_str().to_uppercase(), 0),
    };
    let header = if bits > 0 {
        format!("[{name} {bits}]")
    } else {
        format!("[{name}]")
    };
    let print = public.fingerprint(HashAlg::Sha256);
    let line = if bits > 0 {
        format!("{bits} {print} ({name})")
    } else {
        format!("{print} ({name})")
    };
    format!("{line}\n{}", print.to_randomart(&header))
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

    #[test]
    fn the_officers_form_has_the_fingerprint_and_openssh_randomart() {
        let dir = tempfile::tempdir().expect("dir");
        let key = load_or_create(&dir.path().join("host")).expect("key");
        let text = fingerprint_for_officers(&key);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("256 {} (ED25519)", fingerprint(&key)));
        // The picture: a framed 17x9 field, headed and footed as OpenSSH does.
        assert_eq!(lines.len(), 1 + 11, "{text}");
        assert!(lines[1].starts_with("+--[ED25519 256]--"), "{text}");
        assert!(lines[11].starts_with("+----[SHA256]-----"), "{text}");
        assert!(
            lines[2..11]
                .iter()
                .all(|l| l.len() == 19 && l.starts_with('|'))
        );
    }
}
