//! Reading the audit trail newest first from a moment back (the audit screen, issue 22):
//! the tree is keyed by time, so this reads only the entries it returns.

use super::records::{self, AuditAction, AuditEntry};
use super::{Store, StoreError, keys};

impl Store {
    /// The audit entries before `until_micros` (microseconds since the Unix epoch), newest
    /// first; `None`: from the newest on.
    pub fn audit_before(
        &self,
        until_micros: Option<u64>,
    ) -> impl Iterator<Item = Result<AuditEntry, StoreError>> + '_ {
        let end = keys::audit(until_micros.unwrap_or(u64::MAX), 0).to_vec();
        self.audit.range(..end).rev().map(|item| {
            let (k, v) = item?;
            records::decode_audit(&v).map_err(|source| StoreError::Corrupt {
                tree: "audit",
                key: keys::show(&k),
                source,
            })
        })
    }

    /// The newest login over SSH of officer `name` (its audit entry: when, and the
    /// address and key fingerprint in the summary), if they ever logged in. Reads that
    /// officer's entries newest first, through the `audit_by_record` index.
    pub fn last_login(&self, name: &str) -> Result<Option<AuditEntry>, StoreError> {
        let mut prefix = format!("officers/{name}").into_bytes();
        prefix.push(0);
        for item in self.audit_by_record.scan_prefix(&prefix).rev() {
            let (k, _) = item?;
            let audit_key = &k[prefix.len()..];
            let Some(v) = self.audit.get(audit_key)? else {
                continue;
            };
            let entry = records::decode_audit(&v).map_err(|source| StoreError::Corrupt {
                tree: "audit",
                key: keys::show(audit_key),
                source,
            })?;
            if entry.action == AuditAction::Login {
                return Ok(Some(entry));
            }
        }
        Ok(None)
    }
}
