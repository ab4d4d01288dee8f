//! Saving and deleting a person's potensial of a year.

use super::{Audit, abort, encoded, read};
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};

impl Store {
    /// Records (or replaces) a person's potensial for `entry.year` (PermenPANRB 3/2020),
    /// in one audited transaction. `revision` is the revision of the person's potentials
    /// the officer saw (0 when there were none): a save over a newer one is refused as
    /// stale. Errors: no such staff, an invalid entry (`PotentialEntry::validate`).
    pub fn save_potential(
        &self,
        nip: &str,
        entry: &crate::domain::PotentialEntry,
        revision: u64,
        today: jiff::civil::Date,
        actor: &str,
    ) -> Result<crate::domain::Potentials, StoreError> {
        let entry = entry.clone().cleaned();
        entry
            .validate(today)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.audited(
            [&self.staff, &self.potentials],
            actor,
            |[t_staff, t_potentials]| {
                if t_staff.get(nip.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                }
                let mut all = read(t_potentials, "potentials", nip, records::decode_potentials)?
                    .unwrap_or_default();
                if all.revision != revision {
                    return abort(StoreError::Stale {
                        what: format!("the potentials of {nip}"),
                        expected: revision,
                        found: all.revision,
                    });
                }
                let previous = all.of_year(entry.year).cloned();
                let before = previous.as_ref().map(|e| e.potensial.label());
                all.put(entry.clone());
                all.revision += 1;
                t_potentials.insert(nip.as_bytes(), encoded(records::encode_potentials(&all))?)?;
                Ok((
                    all,
                    Audit {
                        action: if before.is_some() {
                            AuditAction::Update
                        } else {
                            AuditAction::Create
                        },
                        record: format!("potentials/{nip}"),
                        summary: crate::store::diff::with_changes(
                            &format!(
                                "potensial {}: {} -> {} ({})",
                                entry.year,
                                before.unwrap_or("-"),
                                entry.potensial.label(),
                                entry.source.label()
                            ),
                            &crate::store::diff::edits(previous.as_ref(), &entry),
                        ),
                    },
                ))
            },
        )
    }

    /// Removes a person's potensial of `year`, if still at `revision`; audited.
    pub fn delete_potential(
        &self,
        nip: &str,
        year: i16,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.audited([&self.potentials], actor, |[t_potentials]| {
            let Some(mut all) = read(t_potentials, "potentials", nip, records::decode_potentials)?
            else {
                return abort(StoreError::NotFound {
                    what: format!("the potensial {year} of {nip}"),
                });
            };
            if all.revision != revision {
                return abort(StoreError::Stale {
                    what: format!("the potentials of {nip}"),
                    expected: revision,
                    found: all.revision,
                });
            }
            let Some(gone) = all.of_year(year).cloned() else {
                return abort(StoreError::NotFound {
                    what: format!("the potensial {year} of {nip}"),
                });
            };
            all.items.retain(|e| e.year != year);
            all.revision += 1;
            t_potentials.insert(nip.as_bytes(), encoded(records::encode_potentials(&all))?)?;
            Ok((
                (),
                Audit {
                    action: AuditAction::Delete,
                    record: format!("potentials/{nip}"),
                    summary: crate::store::diff::with_changes(
                        &format!("potensial {year}: {}", gone.potensial.label()),
                        &crate::store::diff::changes(Some(&gone), None),
                    ),
                },
            ))
        })
    }
}
