//! Reading the audit trail newest first from a moment back (the audit screen, issue 22):
//! the tree is keyed by time, so this reads only the entries it returns.

use super::records::{self, AuditEntry};
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
}
