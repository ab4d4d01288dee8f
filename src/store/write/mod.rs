//! Saving changes: one sled transaction per change (record, indexes and its audit entry),
//! then a flush before returning, so "saved" on screen means saved on disk.

use super::records::{self, AuditAction, AuditEntry};
use super::{Store, StoreError, keys};
use crate::domain::{Evaluation, Revised, Staff, StaffSummary, Training};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use std::time::{SystemTime, UNIX_EPOCH};

mod career;
mod coaching;
mod competencies;
mod contracts;
mod evaluations;
mod partners;
mod potentials;
mod skp;
mod staff;
mod trainings;
mod units;

pub(super) type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

pub(super) fn abort<T>(e: StoreError) -> TxResult<T> {
    Err(ConflictableTransactionError::Abort(e))
}

pub(super) fn encoded(r: Result<Vec<u8>, super::codec::DecodeError>) -> TxResult<Vec<u8>> {
    r.or_else(|e| abort(StoreError::Invalid(e.to_string())))
}

/// Reads and decodes one value inside a transaction; damage aborts with the key.
fn read<T>(
    tree: &TransactionalTree,
    name: &'static str,
    key: &str,
    decode: fn(&[u8]) -> Result<T, super::codec::DecodeError>,
) -> TxResult<Option<T>> {
    match tree.get(key.as_bytes())? {
        None => Ok(None),
        Some(v) => match decode(&v) {
            Ok(x) => Ok(Some(x)),
            Err(source) => abort(StoreError::Corrupt {
                tree: name,
                key: key.to_string(),
                source,
            }),
        },
    }
}

/// Puts `item` into its group: a new one (id 0) gets the next id and revision 1; an
/// existing one must still be at the revision it was opened at. Returns the saved item
/// and the one it replaced.
fn place<T: Revised>(
    items: &mut Vec<T>,
    next_id: &mut u32,
    item: &T,
    what: String,
) -> TxResult<(T, Option<T>)> {
    if item.id() == 0 {
        let id = (*next_id).max(1);
        *next_id = id + 1;
        let saved = item.with(id, 1);
        items.push(saved.clone());
        return Ok((saved, None));
    }
    let Some(slot) = items.iter_mut().find(|x| x.id() == item.id()) else {
        return abort(StoreError::NotFound { what });
    };
    if slot.revision() != item.revision() {
        return abort(StoreError::Stale {
            what,
            expected: item.revision(),
            found: slot.revision(),
        });
    }
    let saved = item.with(item.id(), slot.revision() + 1);
    let previous = std::mem::replace(slot, saved.clone());
    Ok((saved, Some(previous)))
}

/// Takes the item `id` out of its group, if it is still at `revision`.
fn take<T: Revised>(items: &mut Vec<T>, id: u32, revision: u64, what: String) -> TxResult<T> {
    let Some(pos) = items.iter().position(|x| x.id() == id) else {
        return abort(StoreError::NotFound { what });
    };
    if items[pos].revision() != revision {
        return abort(StoreError::Stale {
            what,
            expected: revision,
            found: items[pos].revision(),
        });
    }
    Ok(items.remove(pos))
}

/// Writes the list summary of a person from the records as they will be after the change;
/// `career` is the stored career history (`None`: the one the record implies).
fn put_summary(
    tree: &TransactionalTree,
    staff: &Staff,
    evaluations: &[Evaluation],
    trainings: &[Training],
    catalogue: &[crate::domain::Competency],
    career: Option<&crate::domain::Career>,
) -> TxResult<()> {
    let summary = StaffSummary::of_with_career(staff, evaluations, trainings, catalogue, career);
    tree.insert(
        staff.nip.as_str().as_bytes(),
        encoded(records::encode_summary(&summary))?,
    )?;
    Ok(())
}

pub(super) fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

/// What a change wants written to the audit trail.
pub(super) struct Audit {
    pub(super) action: AuditAction,
    pub(super) record: String,
    pub(super) summary: String,
}

impl Store {
    /// Runs `change` over `trees` in one transaction together with its audit entry, then
    /// flushes. `change` may run more than once if sled retries on a conflict. It is given
    /// the trees in the order of `trees`, as an array, so that it names each one:
    /// `|[t_staff, t_coaching]| ...`.
    pub(super) fn audited<const N: usize, T>(
        &self,
        trees: [&super::Tree; N],
        actor: &str,
        change: impl Fn(&[TransactionalTree; N]) -> TxResult<(T, Audit)>,
    ) -> Result<T, StoreError> {
        let id = self.db.generate_id()?;
        let time_micros = now_micros();
        let audit_key = keys::audit(time_micros, id);
        let mut all: Vec<&sled::Tree> = trees.iter().map(|t| t.sled()).collect();
        all.push(self.audit.sled());
        all.push(self.audit_by_record.sled());
        let writing = self.writing();
        let result = all[..].transaction(|tx| {
            // sled gives one transactional tree for each tree of `all`, in its order.
            let (Some(own), Some([t_audit, t_audit_by_record])) =
                (tx.first_chunk::<N>(), tx.last_chunk::<2>())
            else {
                return abort(StoreError::Invalid(
                    "a transaction was given fewer trees than it asked for".into(),
                ));
            };
            let (value, audit) = change(own)?;
            let entry = AuditEntry {
                time_micros,
                actor: actor.to_string(),
                action: audit.action,
                record: audit.record,
                summary: audit.summary,
            };
            t_audit.insert(&audit_key[..], encoded(records::encode_audit(&entry))?)?;
            t_audit_by_record.insert(keys::audit_by_record(&entry.record, &audit_key), &[][..])?;
            Ok(value)
        });
        drop(writing);
        let result = result?;
        self.audited
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.db.flush()?;
        Ok(result)
    }

    /// Writes one audit entry about `record` that changes no data (a login or logout over
    /// SSH), then flushes.
    pub fn audit_event(
        &self,
        actor: &str,
        action: AuditAction,
        record: &str,
        summary: &str,
    ) -> Result<(), StoreError> {
        self.audited([], actor, |[]| {
            Ok((
                (),
                Audit {
                    action,
                    record: record.to_string(),
                    summary: summary.to_string(),
                },
            ))
        })
    }

    /// Writes one audit entry for a bulk run (demo, import, restore), then flushes.
    pub fn audit_run(
        &self,
        actor: &str,
        action: AuditAction,
        summary: &str,
    ) -> Result<(), StoreError> {
        self.audited([], actor, |[]| {
            Ok((
                (),
                Audit {
                    action,
                    record: action.label().to_string(),
                    summary: summary.to_string(),
                },
            ))
        })
    }
}
