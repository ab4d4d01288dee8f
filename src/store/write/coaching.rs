//! Saving and deleting a person's coaching records (pembinaan kinerja).

use super::{Audit, abort, encoded, place, read, take};
use crate::domain::Coaching;
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};

impl Store {
    /// Creates (id 0) or updates a coaching record (pembinaan kinerja) of the person `nip`,
    /// checked against `today` ([`Coaching::validate`]). One record per date and kind: a
    /// second one is refused (the key import matches on).
    pub fn save_coaching(
        &self,
        nip: &str,
        coaching: &Coaching,
        today: jiff::civil::Date,
        actor: &str,
    ) -> Result<Coaching, StoreError> {
        let coaching = coaching.clone().cleaned();
        self.audited(
            [&self.staff, &self.coaching],
            actor,
            |[t_staff, t_coaching]| {
                let Some(person) = read(t_staff, "staff", nip, records::decode_staff)? else {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                };
                if let Err(e) = coaching.validate(&person.nip, today) {
                    return abort(StoreError::Invalid(e.to_string()));
                }
                let mut group = read(t_coaching, "coaching", nip, records::decode_coaching)?
                    .unwrap_or_default();
                let date = crate::domain::format_date(coaching.tanggal);
                if group
                    .items
                    .iter()
                    .any(|c| c.id != coaching.id && c.same_as(&coaching))
                {
                    return abort(StoreError::AlreadyExists {
                        what: format!("{} of {nip} on {date}", coaching.jenis.label()),
                    });
                }
                let what = format!("coaching of {nip} on {date}");
                let (saved, previous) =
                    place(&mut group.items, &mut group.next_id, &coaching, what)?;
                group.items.sort_by_key(|c| (c.tanggal, c.id));
                t_coaching.insert(nip.as_bytes(), encoded(records::encode_coaching(&group))?)?;
                Ok((
                    saved.clone(),
                    Audit {
                        action: if saved.revision == 1 {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("coaching/{nip}/{}", saved.id),
                        summary: crate::store::diff::with_changes(
                            &coaching_summary(&saved),
                            &crate::store::diff::edits(previous.as_ref(), &saved),
                        ),
                    },
                ))
            },
        )
    }

    /// Deletes a coaching record opened at `revision`.
    pub fn delete_coaching(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.audited([&self.coaching], actor, |[t_coaching]| {
            let what = format!("coaching {id} of {nip}");
            let Some(mut group) = read(t_coaching, "coaching", nip, records::decode_coaching)?
            else {
                return abort(StoreError::NotFound { what });
            };
            let gone = take(&mut group.items, id, revision, what)?;
            // Kept even when empty: its id counter must survive, so no id is used twice.
            t_coaching.insert(nip.as_bytes(), encoded(records::encode_coaching(&group))?)?;
            Ok((
                (),
                Audit {
                    action: AuditAction::Delete,
                    record: format!("coaching/{nip}/{id}"),
                    summary: crate::store::diff::with_changes(
                        &coaching_summary(&gone),
                        &crate::store::diff::changes(Some(&gone), None),
                    ),
                },
            ))
        })
    }
}

/// `2026-11-02 Bimbingan kinerja, tindak lanjut 2026-12-02[, selesai 2026-11-20]`: what
/// the audit trail says of a coaching (no texts: they may be personal).
fn coaching_summary(c: &Coaching) -> String {
    let mut s = format!(
        "{} {}, tindak lanjut {}",
        crate::domain::format_date(c.tanggal),
        c.jenis.label(),
        crate::domain::format_date(c.tindak_lanjut)
    );
    if let Some(d) = c.selesai {
        s.push_str(&format!(", selesai {}", crate::domain::format_date(d)));
    }
    s
}
