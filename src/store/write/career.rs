//! Saving a person's career history (riwayat pangkat, jabatan, unit; issue 21). The staff
//! record's golongan, jabatan and unit are the newest entry of each kind: a save that
//! changes the newest one changes the record, its unit index and its summary in the same
//! transaction.

use super::{Audit, TxResult, abort, encoded, put_summary, read};
use crate::domain::{Career, CareerEntry, CareerValue, Staff};
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError, keys};
use sled::transaction::TransactionalTree;

/// What one save does to the history.
enum Change {
    Put(CareerEntry),
    Remove(u32),
}

impl Store {
    /// Adds (id 0) or replaces (by id) one entry of `nip`'s career history, opened at
    /// `revision` (0: the history the record implies, none stored yet). Returns the
    /// history and the staff record as saved. Errors: no such staff, a stale history, an
    /// invalid one (`Career::validate`), a unit that is not known.
    pub fn save_career_entry(
        &self,
        nip: &str,
        entry: &CareerEntry,
        revision: u64,
        actor: &str,
    ) -> Result<(Career, Staff), StoreError> {
        self.change_career(nip, Change::Put(entry.clone()), revision, actor)
    }

    /// Removes the entry `id` of `nip`'s history opened at `revision`; the last entry of a
    /// kind stays.
    pub fn delete_career_entry(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(Career, Staff), StoreError> {
        self.change_career(nip, Change::Remove(id), revision, actor)
    }

    fn change_career(
        &self,
        nip: &str,
        change: Change,
        revision: u64,
        actor: &str,
    ) -> Result<(Career, Staff), StoreError> {
        let inputs = self.closed_inputs()?;
        let catalogue = &inputs.catalogue;
        let ((career, saved), stale) = self.audited(
            [
                &self.staff,
                &self.staff_by_unit,
                &self.units,
                &self.career,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
                &self.training_stats,
            ],
            actor,
            |[
                t_staff,
                t_staff_by_unit,
                t_units,
                t_career,
                t_evaluations,
                t_trainings,
                t_staff_summary,
                t_training_stats,
            ]| {
                let Some(staff) = read(t_staff, "staff", nip, records::decode_staff)? else {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                };
                let mut career = read(t_career, "career", nip, records::decode_career)?
                    .unwrap_or_else(|| Career::implied(&staff));
                if career.revision != revision {
                    return abort(StoreError::Stale {
                        what: format!("the career history of {nip}"),
                        expected: revision,
                        found: career.revision,
                    });
                }
                let invalid = |e: crate::domain::CareerError| {
                    StoreError::Invalid(format!("career history of {nip}: {e}"))
                };
                let (action, what) = match &change {
                    Change::Put(entry) => {
                        if let CareerValue::Unit(u) = &entry.value
                            && t_units.get(u.as_bytes())?.is_none()
                        {
                            return abort(StoreError::NotFound {
                                what: format!("unit {u}"),
                            });
                        }
                        match career.put(entry.clone()) {
                            Ok((saved, None)) => {
                                (AuditAction::Create, format!("+ {}", line(&saved)))
                            }
                            Ok((saved, Some(before))) => (
                                AuditAction::Update,
                                format!("{} -> {}", line(&before), line(&saved)),
                            ),
                            Err(e) => return abort(invalid(e)),
                        }
                    }
                    Change::Remove(id) => match career.remove(*id) {
                        Ok(gone) => (AuditAction::Delete, format!("- {}", line(&gone))),
                        Err(e) => return abort(invalid(e)),
                    },
                };
                if let Err(e) = career.validate(&staff.nip) {
                    return abort(invalid(e));
                }
                career.revision += 1;
                t_career.insert(nip.as_bytes(), encoded(records::encode_career(&career))?)?;
                let now = career.apply(&staff);
                let old_jabatan = staff.jabatan.clone();
                let mut summary = what;
                let saved = if now == staff {
                    staff
                } else {
                    let saved = Staff {
                        revision: staff.revision + 1,
                        ..now
                    };
                    summary.push_str(&format!(
                        "; staff: {}",
                        super::staff::staff_changes(&staff, &saved)
                    ));
                    t_staff.insert(nip.as_bytes(), encoded(records::encode_staff(&saved))?)?;
                    move_index(t_staff_by_unit, &staff, &saved)?;
                    saved
                };
                let evaluations = read(
                    t_evaluations,
                    "evaluations",
                    nip,
                    records::decode_evaluations,
                )?
                .unwrap_or_default();
                let trainings = read(t_trainings, "trainings", nip, records::decode_trainings)?
                    .unwrap_or_default();
                // A new jabatan: the person's share of the counts Mitra shows follows.
                let stale = old_jabatan != saved.jabatan
                    && crate::store::stats::keep_closed(
                        t_training_stats,
                        &inputs,
                        (Some(&old_jabatan), &trainings.items),
                        (Some(&saved.jabatan), &trainings.items),
                    )?;
                put_summary(
                    t_staff_summary,
                    &saved,
                    &evaluations.items,
                    &trainings.items,
                    catalogue,
                    Some(&career),
                )?;
                Ok((
                    ((career, saved), stale),
                    Audit {
                        action,
                        record: format!("career/{nip}"),
                        summary,
                    },
                ))
            },
        )?;
        if stale {
            self.recount_closed_tolerant()?;
        }
        Ok((career, saved))
    }
}

/// Moves the person's `staff_by_unit` entry when the unit changed.
pub(super) fn move_index(tree: &TransactionalTree, old: &Staff, new: &Staff) -> TxResult<()> {
    if old.unit_id != new.unit_id {
        let nip = new.nip.as_str();
        tree.remove(keys::staff_by_unit(&old.unit_id, nip))?;
        tree.insert(keys::staff_by_unit(&new.unit_id, nip), &[][..])?;
    }
    Ok(())
}

/// An entry as the audit trail writes it: `pangkat III/b 2020-04-01`, `unit X ?` (an
/// unknown TMT), with the nomor SK when there is one.
pub fn line(e: &CareerEntry) -> String {
    let tmt = e.tmt.map_or("?".to_string(), crate::domain::format_date);
    let mut s = format!("{} {} {tmt}", e.kind().code(), e.value.text());
    if !e.nomor_sk.is_empty() {
        s.push_str(&format!(" (SK {})", e.nomor_sk));
    }
    s
}
