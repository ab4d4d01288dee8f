//! Audit entries: `AuditAction`, `AuditEntry` and `AuditV1`.

use super::{AUDIT_VERSION, code, from_code};
use crate::store::codec::{DecodeError, decode_payload, encode, split};
use serde::{Deserialize, Serialize};

/// What a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Import,
    Demo,
    Restore,
    /// `kinerja compact` (appended: variant numbers are stored).
    Compact,
    /// An officer logged in over SSH (issue 22): record `officers/NAME`, the address and
    /// the key's fingerprint in the summary.
    Login,
    /// That session ended.
    Logout,
}

impl AuditAction {
    pub const ALL: [AuditAction; 9] = [
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Delete,
        AuditAction::Import,
        AuditAction::Demo,
        AuditAction::Restore,
        AuditAction::Compact,
        AuditAction::Login,
        AuditAction::Logout,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Import => "import",
            AuditAction::Demo => "demo",
            AuditAction::Restore => "restore",
            AuditAction::Compact => "compact",
            AuditAction::Login => "login",
            AuditAction::Logout => "logout",
        }
    }
}

/// One entry of the audit trail: who changed what, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Microseconds since the Unix epoch.
    pub time_micros: u64,
    pub actor: String,
    pub action: AuditAction,
    /// The record, as `tree/key` (e.g. `staff/198503302010011002`), or a run like `import`.
    pub record: String,
    pub summary: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AuditV1 {
    pub time_micros: u64,
    pub actor: String,
    pub action: u8,
    pub record: String,
    pub summary: String,
}

pub fn encode_audit(a: &AuditEntry) -> Result<Vec<u8>, DecodeError> {
    encode(
        AUDIT_VERSION,
        &AuditV1 {
            time_micros: a.time_micros,
            actor: a.actor.clone(),
            action: code(&AuditAction::ALL, &a.action),
            record: a.record.clone(),
            summary: a.summary.clone(),
        },
    )
}

pub fn decode_audit(bytes: &[u8]) -> Result<AuditEntry, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => {
            let r: AuditV1 = decode_payload(payload)?;
            Ok(AuditEntry {
                time_micros: r.time_micros,
                actor: r.actor,
                action: from_code(&AuditAction::ALL, r.action, "audit action")?,
                record: r.record,
                summary: r.summary,
            })
        }
        v => Err(DecodeError::UnknownVersion(v)),
    }
}
