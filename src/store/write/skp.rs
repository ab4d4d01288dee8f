//! Saving and deleting a person's SKPs (plan, realisations, evidence and feedback).

use super::{Audit, abort, encoded, place, read, take};
use crate::domain::{Nilai, Period, Skp, SkpStatus, format_date};
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};

impl Store {
    /// Creates (id 0) or updates an SKP of the person `nip`: checked ([`Skp::validate`]),
    /// its new RHK, indicators, evidence and feedback numbered, one transaction with its
    /// audit entry, flushed. A save over a newer revision is refused ([`StoreError::Stale`]).
    pub fn save_skp(&self, nip: &str, skp: &Skp, actor: &str) -> Result<Skp, StoreError> {
        let mut skp = skp.clone().cleaned();
        skp.validate(nip)
            .map_err(|e| StoreError::Invalid(format!("SKP of {nip}: {e}")))?;
        skp.number();
        self.audited([&self.staff, &self.skp], actor, |[t_staff, t_skp]| {
            if t_staff.get(nip.as_bytes())?.is_none() {
                return abort(StoreError::NotFound {
                    what: format!("staff {nip}"),
                });
            }
            let mut group = read(t_skp, "skp", nip, records::decode_skp)?.unwrap_or_default();
            let what = format!("SKP {} of {nip}", span(&skp));
            let (saved, previous) = place(&mut group.items, &mut group.next_id, &skp, what)?;
            group.items.sort_by_key(|s| (s.mulai, s.id));
            t_skp.insert(nip.as_bytes(), encoded(records::encode_skp(&group))?)?;
            Ok((
                saved.clone(),
                Audit {
                    action: if saved.revision == 1 {
                        AuditAction::Create
                    } else {
                        AuditAction::Update
                    },
                    record: format!("skp/{nip}/{}", saved.id),
                    summary: crate::store::diff::with_changes(
                        &skp_summary(&saved),
                        &crate::store::diff::edits(previous.as_ref(), &saved),
                    ),
                },
            ))
        })
    }

    /// Sets (or with `None` clears) the realisation of one indicator for `period`, on the
    /// SKP opened at `revision`. Returns the SKP as saved (its revision raised), so a
    /// screen entering many realisations keeps going from it.
    #[allow(clippy::too_many_arguments)]
    pub fn save_realisasi(
        &self,
        nip: &str,
        skp_id: u32,
        revision: u64,
        indikator_id: u32,
        period: Period,
        nilai: Option<Nilai>,
        catatan: &str,
        actor: &str,
    ) -> Result<Skp, StoreError> {
        self.audited([&self.skp], actor, |[t_skp]| {
            let what = format!("SKP {skp_id} of {nip}");
            let Some(mut group) = read(t_skp, "skp", nip, records::decode_skp)? else {
                return abort(StoreError::NotFound { what });
            };
            let Some(slot) = group.items.iter_mut().find(|s| s.id == skp_id) else {
                return abort(StoreError::NotFound { what });
            };
            if slot.revision != revision {
                return abort(StoreError::Stale {
                    what,
                    expected: revision,
                    found: slot.revision,
                });
            }
            let mut nilai = nilai.clone();
            if let Some(n) = &mut nilai {
                *n = match n {
                    Nilai::Angka { nilai, satuan } => Nilai::Angka {
                        nilai: *nilai,
                        satuan: crate::domain::text::clean_line(satuan),
                    },
                    Nilai::Teks(t) => Nilai::Teks(crate::domain::text::clean_line(t)),
                };
            }
            let cleared = nilai.is_none();
            let before = slot.clone();
            let Some(ind) = slot.indikator_mut(indikator_id) else {
                return abort(StoreError::NotFound {
                    what: format!("indicator {indikator_id} of {what}"),
                });
            };
            ind.set_realisasi(period, nilai, catatan);
            // Named as the screens and exports number them: RHK n, indicator m.
            let place = slot
                .rhk
                .iter()
                .enumerate()
                .find_map(|(r, rhk)| {
                    rhk.indikator
                        .iter()
                        .position(|i| i.id == indikator_id)
                        .map(|i| format!("RHK {} IKI {}", r + 1, i + 1))
                })
                .unwrap_or_else(|| format!("indikator {indikator_id}"));
            slot.revision += 1;
            let saved = slot.clone();
            let summary = crate::store::diff::with_changes(
                &format!("realisasi {period}, {place}"),
                &crate::store::diff::changes(Some(&before), Some(&saved)),
            );
            t_skp.insert(nip.as_bytes(), encoded(records::encode_skp(&group))?)?;
            Ok((
                saved,
                Audit {
                    action: if cleared {
                        AuditAction::Delete
                    } else {
                        AuditAction::Update
                    },
                    record: format!("skp/{nip}/{skp_id}"),
                    summary,
                },
            ))
        })
    }

    /// Deletes an SKP opened at `revision`.
    pub fn delete_skp(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.audited([&self.skp], actor, |[t_skp]| {
            let what = format!("SKP {id} of {nip}");
            let Some(mut group) = read(t_skp, "skp", nip, records::decode_skp)? else {
                return abort(StoreError::NotFound { what });
            };
            let gone = take(&mut group.items, id, revision, what)?;
            // Kept even when empty: its id counter must survive, so no id is used twice.
            t_skp.insert(nip.as_bytes(), encoded(records::encode_skp(&group))?)?;
            Ok((
                (),
                Audit {
                    action: AuditAction::Delete,
                    record: format!("skp/{nip}/{id}"),
                    summary: crate::store::diff::with_changes(
                        &skp_summary(&gone),
                        &crate::store::diff::changes(Some(&gone), None),
                    ),
                },
            ))
        })
    }
}

fn span(s: &Skp) -> String {
    format!("{} - {}", format_date(s.mulai), format_date(s.selesai))
}

/// `2026-01-01 - 2026-12-31, 5 RHK, 10 indikator, ditetapkan 2026-01-05`: what the audit
/// trail says of an SKP (no texts: they may be personal).
fn skp_summary(s: &Skp) -> String {
    let mut out = format!(
        "{}, {} RHK, {} indikator",
        span(s),
        s.rhk.len(),
        s.indicators().count()
    );
    if let SkpStatus::Ditetapkan(d) = s.status {
        out.push_str(&format!(", ditetapkan {}", format_date(d)));
    }
    out
}
