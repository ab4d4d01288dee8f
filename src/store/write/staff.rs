//! Saving a staff record, and what its audit entry says changed.

use super::{Audit, abort, encoded, put_summary, read};
use crate::domain::Staff;
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError, keys};

impl Store {
    /// Creates a staff record (revision 0) or updates one opened at `staff.revision`.
    /// Returns the record as saved, with its new revision. A changed golongan, jabatan or
    /// unit is a career entry dated today (UTC; [`Self::save_staff_on`] takes the day).
    pub fn save_staff(&self, staff: &Staff, actor: &str) -> Result<Staff, StoreError> {
        let today = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date();
        self.save_staff_on(staff, today, actor)
    }

    /// [`Self::save_staff`], a change of golongan, jabatan or unit recorded on `on`: it
    /// becomes a career entry with TMT `on` (or corrects the newest entry when that one
    /// is dated `on` or later; `Career::follow`), in the same transaction.
    pub fn save_staff_on(
        &self,
        staff: &Staff,
        on: jiff::civil::Date,
        actor: &str,
    ) -> Result<Staff, StoreError> {
        let inputs = self.closed_inputs()?;
        let catalogue = &inputs.catalogue;
        let staff = staff.clone().cleaned();
        staff
            .validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let nip = staff.nip.as_str().to_string();
        let what = format!("staff {}", staff.nip);
        self.audited(
            [
                &self.staff,
                &self.staff_by_unit,
                &self.units,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
                &self.career,
                &self.training_stats,
            ],
            actor,
            |[
                t_staff,
                t_staff_by_unit,
                t_units,
                t_evaluations,
                t_trainings,
                t_staff_summary,
                t_career,
                t_training_stats,
            ]| {
                if t_units.get(staff.unit_id.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("unit {}", staff.unit_id),
                    });
                }
                let current = read(t_staff, "staff", &nip, records::decode_staff)?;
                let found = current.as_ref().map_or(0, |c| c.revision);
                if found != staff.revision {
                    return abort(if staff.revision == 0 {
                        StoreError::AlreadyExists { what: what.clone() }
                    } else if found == 0 {
                        StoreError::NotFound { what: what.clone() }
                    } else {
                        StoreError::Stale {
                            what: what.clone(),
                            expected: staff.revision,
                            found,
                        }
                    });
                }
                let saved = Staff {
                    revision: found + 1,
                    ..staff.clone()
                };
                t_staff.insert(nip.as_bytes(), encoded(records::encode_staff(&saved))?)?;
                if let Some(old) = &current
                    && old.unit_id != saved.unit_id
                {
                    t_staff_by_unit.remove(keys::staff_by_unit(&old.unit_id, &nip))?;
                }
                t_staff_by_unit.insert(keys::staff_by_unit(&saved.unit_id, &nip), &[][..])?;
                let evaluations = read(
                    t_evaluations,
                    "evaluations",
                    &nip,
                    records::decode_evaluations,
                )?
                .unwrap_or_default();
                let trainings = read(t_trainings, "trainings", &nip, records::decode_trainings)?
                    .unwrap_or_default();
                // Another position closes other competencies: the person's share of the
                // counts Mitra shows follows.
                let old_jabatan = current.as_ref().map(|c| &c.jabatan);
                let stale = old_jabatan != Some(&saved.jabatan)
                    && crate::store::stats::keep_closed(
                        t_training_stats,
                        &inputs,
                        (old_jabatan, &trainings.items),
                        (Some(&saved.jabatan), &trainings.items),
                    )?;
                // The career history follows a change of golongan, jabatan or unit; a new
                // record has the one it implies until an entry is saved.
                let stored = read(t_career, "career", &nip, records::decode_career)?;
                let career = match &current {
                    None => stored,
                    Some(old) => {
                        let mut career = stored
                            .clone()
                            .unwrap_or_else(|| crate::domain::Career::implied(old));
                        if career.follow(&saved, on) {
                            if let Err(e) = career.validate(&saved.nip) {
                                return abort(StoreError::Invalid(format!(
                                    "career history of {nip}: {e}"
                                )));
                            }
                            career.revision += 1;
                            t_career.insert(
                                nip.as_bytes(),
                                encoded(records::encode_career(&career))?,
                            )?;
                            Some(career)
                        } else {
                            stored
                        }
                    }
                };
                put_summary(
                    t_staff_summary,
                    &saved,
                    &evaluations.items,
                    &trainings.items,
                    catalogue,
                    career.as_ref(),
                )?;
                let audit = match &current {
                    None => Audit {
                        action: AuditAction::Create,
                        record: format!("staff/{nip}"),
                        summary: saved.display_name(),
                    },
                    Some(old) => Audit {
                        action: AuditAction::Update,
                        record: format!("staff/{nip}"),
                        summary: staff_changes(old, &saved),
                    },
                };
                Ok(((saved, stale), audit))
            },
        )
        .and_then(|(saved, stale)| {
            if stale {
                self.recount_closed_tolerant()?;
            }
            Ok(saved)
        })
    }
}

/// The fields of a staff record that changed, as `field: old -> new` joined by `; ` (the
/// field names are the record's own, the same in both languages); `-` when nothing did.
pub fn staff_changes(old: &Staff, new: &Staff) -> String {
    let changes = crate::store::diff::changes(Some(old), Some(new));
    if changes.is_empty() {
        "-".into()
    } else {
        changes
    }
}
