//! The server's SSH host key, kept inside the database (`meta/host_key`, the OpenSSH
//! private key text) so that a backup carries it and a restore or a move keeps it: the
//! officers' clients pinned its fingerprint. It is secret: no export shows it, and its
//! audit entries name it by fingerprint only.

use super::records::AuditAction;
use super::write::Audit;
use super::{Store, StoreError, keys};

/// What a stored host key must look like (judged by `check` and by a restore's first pass).
pub fn host_key_problem(value: &[u8]) -> Option<&'static str> {
    match std::str::from_utf8(value).map(russh::keys::PrivateKey::from_openssh) {
        Ok(Ok(_)) => None,
        _ => Some("the host key is not an OpenSSH private key"),
    }
}

impl Store {
    /// The host key's OpenSSH private key text, if the database holds one.
    pub fn host_key(&self) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.meta.get(keys::HOST_KEY)?.map(|v| v.to_vec()))
    }

    /// Keeps `text` (an OpenSSH private key) as the database's host key, unless it already
    /// holds one (then that one is returned and nothing is written: two starts at once
    /// agree on one key). `how` says in the audit entry where the key came from, with its
    /// fingerprint; never the key.
    pub fn keep_host_key(
        &self,
        text: &[u8],
        actor: &str,
        how: &str,
    ) -> Result<Vec<u8>, StoreError> {
        self.audited([&self.meta], actor, |[t_meta]| {
            if let Some(held) = t_meta.get(keys::HOST_KEY)? {
                return Ok((
                    held.to_vec(),
                    Audit {
                        action: AuditAction::Update,
                        record: "meta/host_key".into(),
                        summary: "kept the host key already there".into(),
                    },
                ));
            }
            t_meta.insert(keys::HOST_KEY, text)?;
            Ok((
                text.to_vec(),
                Audit {
                    action: AuditAction::Create,
                    record: "meta/host_key".into(),
                    summary: how.to_string(),
                },
            ))
        })
    }
}
