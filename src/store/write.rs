//! Saving changes: one sled transaction per change (record, indexes and its audit entry),
//! then a flush before returning, so "saved" on screen means saved on disk.

use super::records::{self, AuditAction, AuditEntry, Partner};
use super::{Store, StoreError, keys};
use crate::domain::{
    Coaching, Evaluation, Revised, Staff, StaffSummary, Training, Unit, UnitRating, unit_id,
};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use std::time::{SystemTime, UNIX_EPOCH};

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

/// Writes the list summary of a person from the records as they will be after the change.
fn put_summary(
    tree: &TransactionalTree,
    staff: &Staff,
    evaluations: &[Evaluation],
    trainings: &[Training],
    catalogue: &[crate::domain::Competency],
) -> TxResult<()> {
    let summary = StaffSummary::of(staff, evaluations, trainings, catalogue);
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
    /// flushes. `change` may run more than once if sled retries on a conflict.
    pub(super) fn audited<T>(
        &self,
        trees: &[&sled::Tree],
        actor: &str,
        change: impl Fn(&[TransactionalTree]) -> TxResult<(T, Audit)>,
    ) -> Result<T, StoreError> {
        let id = self.db.generate_id()?;
        let time_micros = now_micros();
        let audit_key = keys::audit(time_micros, id);
        let mut all: Vec<&sled::Tree> = trees.to_vec();
        all.push(&self.audit);
        all.push(&self.audit_by_record);
        let result = all[..].transaction(|tx| {
            let n = tx.len();
            let (value, audit) = change(&tx[..n - 2])?;
            let entry = AuditEntry {
                time_micros,
                actor: actor.to_string(),
                action: audit.action,
                record: audit.record,
                summary: audit.summary,
            };
            tx[n - 2].insert(&audit_key[..], encoded(records::encode_audit(&entry))?)?;
            tx[n - 1].insert(keys::audit_by_record(&entry.record, &audit_key), &[][..])?;
            Ok(value)
        })?;
        self.db.flush()?;
        Ok(result)
    }

    /// Writes one audit entry for a bulk run (demo, import, restore), then flushes.
    pub fn audit_run(
        &self,
        actor: &str,
        action: AuditAction,
        summary: &str,
    ) -> Result<(), StoreError> {
        self.audited(&[], actor, |_| {
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

    /// Creates a staff record (revision 0) or updates one opened at `staff.revision`.
    /// Returns the record as saved, with its new revision.
    pub fn save_staff(&self, staff: &Staff, actor: &str) -> Result<Staff, StoreError> {
        let catalogue = self.competencies()?;
        let staff = staff.clone().cleaned();
        staff
            .validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let nip = staff.nip.as_str().to_string();
        let what = format!("staff {}", staff.nip);
        self.audited(
            &[
                &self.staff,
                &self.staff_by_unit,
                &self.units,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
            ],
            actor,
            |tx| {
                let (t_staff, t_index, t_units) = (&tx[0], &tx[1], &tx[2]);
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
                    t_index.remove(keys::staff_by_unit(&old.unit_id, &nip))?;
                }
                t_index.insert(keys::staff_by_unit(&saved.unit_id, &nip), &[][..])?;
                let evaluations = read(&tx[3], "evaluations", &nip, records::decode_evaluations)?
                    .unwrap_or_default();
                let trainings =
                    read(&tx[4], "trainings", &nip, records::decode_trainings)?.unwrap_or_default();
                put_summary(
                    &tx[5],
                    &saved,
                    &evaluations.items,
                    &trainings.items,
                    &catalogue,
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
                Ok((saved, audit))
            },
        )
    }

    /// Creates or replaces a unit.
    pub fn save_unit(&self, unit: &Unit, actor: &str) -> Result<(), StoreError> {
        if unit.id.is_empty() || unit.id != unit_id(&unit.name) {
            return Err(StoreError::Invalid(format!(
                "unit id {:?} does not match its name {:?}",
                unit.id, unit.name
            )));
        }
        let value = records::encode_unit(unit).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.audited(&[&self.units], actor, |tx| {
            let old = tx[0].insert(unit.id.as_bytes(), value.clone())?;
            let before = old.as_deref().and_then(|b| records::decode_unit(b).ok());
            let mut summary = format!("{} ({})", unit.name, unit.kind.code());
            let changes = unit_changes(before.as_ref(), unit);
            if !changes.is_empty() {
                summary.push_str(": ");
                summary.push_str(&changes.join("; "));
            }
            Ok((
                (),
                Audit {
                    action: if old.is_some() {
                        AuditAction::Update
                    } else {
                        AuditAction::Create
                    },
                    record: format!("units/{}", unit.id),
                    summary,
                },
            ))
        })
    }

    /// Creates (id 0) or updates an evaluation of the person `nip`. One evaluation per
    /// period: a second one for the same period is refused with the existing id.
    pub fn save_evaluation(
        &self,
        nip: &str,
        evaluation: &Evaluation,
        actor: &str,
    ) -> Result<Evaluation, StoreError> {
        let catalogue = self.competencies()?;
        let evaluation = evaluation.clone().cleaned();
        let by_self = |e: &Option<crate::domain::Evaluator>| {
            e.as_ref()
                .and_then(|e| e.nip.as_ref())
                .is_some_and(|n| n.as_str() == nip)
        };
        if by_self(&evaluation.penilai) {
            return Err(StoreError::Invalid(
                "the evaluator cannot be the person evaluated".into(),
            ));
        }
        self.audited(
            &[
                &self.staff,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
            ],
            actor,
            |tx| {
                let Some(person) = read(&tx[0], "staff", nip, records::decode_staff)? else {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                };
                // DOMAIN.md: an evaluation of a period before the appointment is impossible.
                if evaluation.period.before_appointment(&person.nip) {
                    return abort(StoreError::Invalid(format!(
                        "{} is before the appointment of {nip}; it cannot be evaluated",
                        evaluation.period
                    )));
                }
                let mut group = read(&tx[1], "evaluations", nip, records::decode_evaluations)?
                    .unwrap_or_default();
                if let Some(other) = group
                    .items
                    .iter()
                    .find(|e| e.period == evaluation.period && e.id != evaluation.id)
                {
                    return abort(StoreError::DuplicatePeriod {
                        period: evaluation.period.to_string(),
                        existing: other.id,
                    });
                }
                let what = format!("evaluation {} of {nip}", evaluation.period);
                let (saved, _) = place(&mut group.items, &mut group.next_id, &evaluation, what)?;
                group.items.sort_by_key(|e| e.period.sort_key());
                tx[1].insert(
                    nip.as_bytes(),
                    encoded(records::encode_evaluations(&group))?,
                )?;
                let trainings =
                    read(&tx[2], "trainings", nip, records::decode_trainings)?.unwrap_or_default();
                put_summary(&tx[3], &person, &group.items, &trainings.items, &catalogue)?;
                Ok((
                    saved.clone(),
                    Audit {
                        action: if saved.revision == 1 {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("evaluations/{nip}/{}", saved.id),
                        summary: format!("{}: {}", saved.period, saved.predikat().label()),
                    },
                ))
            },
        )
    }

    /// Deletes an evaluation opened at `revision`.
    pub fn delete_evaluation(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        let catalogue = self.competencies()?;
        self.audited(
            &[
                &self.staff,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
            ],
            actor,
            |tx| {
                let what = format!("evaluation {id} of {nip}");
                let (Some(person), Some(mut group)) = (
                    read(&tx[0], "staff", nip, records::decode_staff)?,
                    read(&tx[1], "evaluations", nip, records::decode_evaluations)?,
                ) else {
                    return abort(StoreError::NotFound { what });
                };
                let gone = take(&mut group.items, id, revision, what)?;
                tx[1].insert(
                    nip.as_bytes(),
                    encoded(records::encode_evaluations(&group))?,
                )?;
                let trainings =
                    read(&tx[2], "trainings", nip, records::decode_trainings)?.unwrap_or_default();
                put_summary(&tx[3], &person, &group.items, &trainings.items, &catalogue)?;
                Ok((
                    (),
                    Audit {
                        action: AuditAction::Delete,
                        record: format!("evaluations/{nip}/{id}"),
                        summary: format!("{}: {}", gone.period, gone.predikat().label()),
                    },
                ))
            },
        )
    }

    /// Creates (id 0) or updates a training of the person `nip`; the organiser becomes a
    /// known partner if it is not one yet.
    pub fn save_training(
        &self,
        nip: &str,
        training: &Training,
        actor: &str,
    ) -> Result<Training, StoreError> {
        let catalogue = self.competencies()?;
        let training = training.clone().cleaned();
        training
            .validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let partner = Partner {
            id: unit_id(&training.penyelenggara),
            name: training.penyelenggara.clone(),
            kind: training.jenis_penyelenggara,
            ..Partner::default()
        };
        let partner_value =
            records::encode_partner(&partner).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.audited(
            &[
                &self.staff,
                &self.trainings,
                &self.partners,
                &self.evaluations,
                &self.staff_summary,
                &self.training_stats,
            ],
            actor,
            |tx| {
                let Some(person) = read(&tx[0], "staff", nip, records::decode_staff)? else {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                };
                let mut group =
                    read(&tx[1], "trainings", nip, records::decode_trainings)?.unwrap_or_default();
                let what = format!("training {:?} of {nip}", training.judul);
                // One person, one record per training (title, start, organiser): the key
                // import matches on, so everything saved here exports and imports back.
                if group
                    .items
                    .iter()
                    .any(|t| t.id != training.id && t.same_as(&training))
                {
                    return abort(StoreError::AlreadyExists {
                        what: format!(
                            "{what} starting {} by {}",
                            crate::domain::format_date(training.mulai),
                            training.penyelenggara
                        ),
                    });
                }
                let (saved, previous) =
                    place(&mut group.items, &mut group.next_id, &training, what)?;
                if let Some(previous) = &previous {
                    super::stats::apply(&tx[5], previous, -1)?;
                }
                super::stats::apply(&tx[5], &saved, 1)?;
                group.items.sort_by_key(|t| (t.mulai, t.id));
                tx[1].insert(nip.as_bytes(), encoded(records::encode_trainings(&group))?)?;
                if tx[2].get(partner.id.as_bytes())?.is_none() {
                    tx[2].insert(partner.id.as_bytes(), partner_value.clone())?;
                }
                let evaluations = read(&tx[3], "evaluations", nip, records::decode_evaluations)?
                    .unwrap_or_default();
                put_summary(
                    &tx[4],
                    &person,
                    &evaluations.items,
                    &group.items,
                    &catalogue,
                )?;
                Ok((
                    saved.clone(),
                    Audit {
                        action: if saved.revision == 1 {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("trainings/{nip}/{}", saved.id),
                        summary: format!("{} JP, {}", saved.jp, saved.status.label()),
                    },
                ))
            },
        )
    }

    /// Deletes a training opened at `revision`.
    pub fn delete_training(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        let catalogue = self.competencies()?;
        self.audited(
            &[
                &self.staff,
                &self.trainings,
                &self.evaluations,
                &self.staff_summary,
                &self.training_stats,
            ],
            actor,
            |tx| {
                let what = format!("training {id} of {nip}");
                let (Some(person), Some(mut group)) = (
                    read(&tx[0], "staff", nip, records::decode_staff)?,
                    read(&tx[1], "trainings", nip, records::decode_trainings)?,
                ) else {
                    return abort(StoreError::NotFound { what });
                };
                let gone = take(&mut group.items, id, revision, what)?;
                super::stats::apply(&tx[4], &gone, -1)?;
                tx[1].insert(nip.as_bytes(), encoded(records::encode_trainings(&group))?)?;
                let evaluations = read(&tx[2], "evaluations", nip, records::decode_evaluations)?
                    .unwrap_or_default();
                put_summary(
                    &tx[3],
                    &person,
                    &evaluations.items,
                    &group.items,
                    &catalogue,
                )?;
                Ok((
                    (),
                    Audit {
                        action: AuditAction::Delete,
                        record: format!("trainings/{nip}/{id}"),
                        summary: format!("{} JP", gone.jp),
                    },
                ))
            },
        )
    }
}

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
        self.audited(&[&self.staff, &self.coaching], actor, |tx| {
            let (t_staff, t_coaching) = (&tx[0], &tx[1]);
            let Some(person) = read(t_staff, "staff", nip, records::decode_staff)? else {
                return abort(StoreError::NotFound {
                    what: format!("staff {nip}"),
                });
            };
            if let Err(e) = coaching.validate(&person.nip, today) {
                return abort(StoreError::Invalid(e.to_string()));
            }
            let mut group =
                read(t_coaching, "coaching", nip, records::decode_coaching)?.unwrap_or_default();
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
            let (saved, _) = place(&mut group.items, &mut group.next_id, &coaching, what)?;
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
                    summary: coaching_summary(&saved),
                },
            ))
        })
    }

    /// Deletes a coaching record opened at `revision`.
    pub fn delete_coaching(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.audited(&[&self.coaching], actor, |tx| {
            let t_coaching = &tx[0];
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
                    summary: coaching_summary(&gone),
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

/// The names of the fields that differ, for the audit summary (no values: they may be personal).
/// The fields of a staff record that changed, as `field: old -> new` joined by `; ` (the
/// field names are the record's own, the same in both languages); `-` when nothing did.
pub fn staff_changes(old: &Staff, new: &Staff) -> String {
    let yes_no = |b: bool| if b { "ya" } else { "tidak" }.to_string();
    let fields: [(&str, String, String); 9] = [
        ("nama", old.nama.clone(), new.nama.clone()),
        (
            "gelar_depan",
            old.gelar_depan.clone(),
            new.gelar_depan.clone(),
        ),
        (
            "gelar_belakang",
            old.gelar_belakang.clone(),
            new.gelar_belakang.clone(),
        ),
        (
            "golongan",
            old.golongan.to_string(),
            new.golongan.to_string(),
        ),
        (
            "pendidikan",
            old.pendidikan.code().to_string(),
            new.pendidikan.code().to_string(),
        ),
        (
            "jabatan",
            old.jabatan.nama.clone(),
            new.jabatan.nama.clone(),
        ),
        (
            "jenis_jabatan",
            old.jabatan.jenis.label().to_string(),
            new.jabatan.jenis.label().to_string(),
        ),
        ("unit", old.unit_id.clone(), new.unit_id.clone()),
        ("aktif", yes_no(old.aktif), yes_no(new.aktif)),
    ];
    let changed: Vec<String> = fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(name, a, b)| {
            let show = |v: String| if v.is_empty() { "-".to_string() } else { v };
            format!("{name}: {} -> {}", show(a), show(b))
        })
        .collect();
    if changed.is_empty() {
        "-".into()
    } else {
        changed.join("; ")
    }
}

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
        self.audited(&[&self.staff, &self.potentials], actor, |tx| {
            if tx[0].get(nip.as_bytes())?.is_none() {
                return abort(StoreError::NotFound {
                    what: format!("staff {nip}"),
                });
            }
            let mut all =
                read(&tx[1], "potentials", nip, records::decode_potentials)?.unwrap_or_default();
            if all.revision != revision {
                return abort(StoreError::Stale {
                    what: format!("the potentials of {nip}"),
                    expected: revision,
                    found: all.revision,
                });
            }
            let before = all.of_year(entry.year).map(|e| e.potensial.label());
            all.put(entry.clone());
            all.revision += 1;
            tx[1].insert(nip.as_bytes(), encoded(records::encode_potentials(&all))?)?;
            Ok((
                all,
                Audit {
                    action: if before.is_some() {
                        AuditAction::Update
                    } else {
                        AuditAction::Create
                    },
                    record: format!("potentials/{nip}"),
                    summary: format!(
                        "potensial {}: {} -> {} ({})",
                        entry.year,
                        before.unwrap_or("-"),
                        entry.potensial.label(),
                        entry.source.label()
                    ),
                },
            ))
        })
    }

    /// Removes a person's potensial of `year`, if still at `revision`; audited.
    pub fn delete_potential(
        &self,
        nip: &str,
        year: i16,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.audited(&[&self.potentials], actor, |tx| {
            let Some(mut all) = read(&tx[0], "potentials", nip, records::decode_potentials)? else {
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
            tx[0].insert(nip.as_bytes(), encoded(records::encode_potentials(&all))?)?;
            Ok((
                (),
                Audit {
                    action: AuditAction::Delete,
                    record: format!("potentials/{nip}"),
                    summary: format!("potensial {year}: {}", gone.potensial.label()),
                },
            ))
        })
    }
}

/// What a save changes in a unit's head and ratings, for the audit trail:
/// `pimpinan: - -> 197001012000031001`, `nilai 2025 triwulan-2: Baik -> -`.
fn unit_changes(before: Option<&Unit>, after: &Unit) -> Vec<String> {
    let mut out = Vec::new();
    let head = |u: Option<&Unit>| {
        u.and_then(|u| u.head.as_ref())
            .map_or("-".to_string(), |n| n.as_str().to_string())
    };
    if head(before) != head(Some(after)) {
        out.push(format!(
            "pimpinan: {} -> {}",
            head(before),
            head(Some(after))
        ));
    }
    let ratings =
        |u: Option<&Unit>| -> std::collections::BTreeMap<(i16, i8, u8), (String, UnitRating)> {
            u.map(|u| {
                u.all_ratings()
                    .into_iter()
                    .map(|(p, r)| {
                        let label = if p.kind == crate::domain::PeriodKind::Tahunan {
                            p.year.to_string()
                        } else {
                            format!("{} {}", p.year, p.kind_code())
                        };
                        (p.sort_key(), (label, r))
                    })
                    .collect()
            })
            .unwrap_or_default()
        };
    let (old, new) = (ratings(before), ratings(Some(after)));
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).collect();
    for k in keys {
        let (o, n) = (old.get(k), new.get(k));
        if o.map(|x| x.1) != n.map(|x| x.1) {
            let label = o.or(n).map_or("", |x| x.0.as_str());
            let show = |x: Option<&(String, UnitRating)>| x.map_or("-", |x| x.1.label());
            out.push(format!("nilai {label}: {} -> {}", show(o), show(n)));
        }
    }
    out
}

impl Store {
    /// Creates or replaces a competency of the catalogue (keyed by its id, from the name),
    /// in one audited transaction. Returns whether it changed anything.
    pub fn save_competency(
        &self,
        competency: &crate::domain::Competency,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let c = competency.clone().cleaned();
        c.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        // The summaries keep a competency by a 32-bit key of its id: refuse a clash.
        if let Some(other) = self
            .competencies()?
            .into_iter()
            .find(|o| o.key() == c.key() && o.id != c.id)
        {
            return Err(StoreError::Invalid(format!(
                "competency {:?} clashes with {:?} in the key the summaries keep; rename it slightly",
                c.name, other.name
            )));
        }
        let value =
            records::encode_competency(&c).map_err(|e| StoreError::Invalid(e.to_string()))?;
        if self
            .competencies
            .get(c.id.as_bytes())?
            .is_some_and(|v| v[..] == value[..])
        {
            return Ok(false);
        }
        // Every summary keeps what the catalogue satisfies: marked stale first, so a kill
        // before the rebuild below leaves the next open to redo it.
        self.summaries_dirty()?;
        let changed = self.audited(&[&self.competencies], actor, |tx| {
            let before = read(&tx[0], "competencies", &c.id, records::decode_competency)?;
            tx[0].insert(c.id.as_bytes(), value.clone())?;
            Ok((
                true,
                Audit {
                    action: if before.is_some() {
                        AuditAction::Update
                    } else {
                        AuditAction::Create
                    },
                    record: format!("competencies/{}", c.id),
                    summary: format!(
                        "{} ({}, {})",
                        c.name,
                        c.kind.label(),
                        c.validity_months
                            .map_or("-".to_string(), |m| format!("{m} bulan"))
                    ),
                },
            ))
        })?;
        self.rebuild_all_summaries()?;
        Ok(changed)
    }

    /// Adds a requirement (a position's need for a catalogued competency), audited.
    /// Returns false when the same requirement is already stored. Errors: an invalid
    /// requirement, a competency not in the catalogue.
    pub fn save_requirement(
        &self,
        requirement: &crate::domain::Requirement,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let r = requirement.clone().cleaned();
        r.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let key = r.key();
        let value =
            records::encode_requirement(&r).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.audited(&[&self.competencies, &self.requirements], actor, |tx| {
            if tx[0].get(r.competency.as_bytes())?.is_none() {
                return abort(StoreError::NotFound {
                    what: format!("competency {}", r.competency),
                });
            }
            let fresh = tx[1].insert(key.as_bytes(), value.clone())?.is_none();
            Ok((
                fresh,
                Audit {
                    action: if fresh {
                        AuditAction::Create
                    } else {
                        AuditAction::Update
                    },
                    record: format!("requirements/{}", r.competency),
                    summary: format!(
                        "{} / {} -> {}",
                        if r.jabatan.is_empty() {
                            "-"
                        } else {
                            &r.jabatan
                        },
                        r.jenis.map_or("-", |j| j.label()),
                        r.competency
                    ),
                },
            ))
        })
    }

    /// Replaces the requirement `old` (as stored) by `new` in one audited transaction, as
    /// an edit on the requirements screen does: the key of a requirement is its content,
    /// so an edit removes the old key and writes the new one. Without `old` it adds `new`.
    /// Errors: an invalid requirement, a competency not in the catalogue, `old` no longer
    /// stored, `new` stored already (another requirement).
    pub fn replace_requirement(
        &self,
        old: Option<&crate::domain::Requirement>,
        new: &crate::domain::Requirement,
        actor: &str,
    ) -> Result<(), StoreError> {
        let r = new.clone().cleaned();
        r.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let key = r.key();
        let old_key = old.map(|o| o.clone().cleaned().key());
        let value =
            records::encode_requirement(&r).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let label = |q: &crate::domain::Requirement| {
            format!(
                "{} / {} -> {}",
                if q.jabatan.is_empty() {
                    "-"
                } else {
                    &q.jabatan
                },
                q.jenis.map_or("-", |j| j.label()),
                q.competency
            )
        };
        let before = old.map(|o| label(&o.clone().cleaned()));
        self.audited(&[&self.competencies, &self.requirements], actor, |tx| {
            if tx[0].get(r.competency.as_bytes())?.is_none() {
                return abort(StoreError::NotFound {
                    what: format!("competency {}", r.competency),
                });
            }
            if let Some(k) = &old_key
                && *k != key
            {
                if tx[1].remove(k.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("requirement {}", k.replace('\0', " / ")),
                    });
                }
                if tx[1].get(key.as_bytes())?.is_some() {
                    return abort(StoreError::Invalid(format!(
                        "requirement {} exists already",
                        key.replace('\0', " / ")
                    )));
                }
            }
            let fresh = tx[1].insert(key.as_bytes(), value.clone())?.is_none();
            Ok((
                (),
                Audit {
                    action: if old_key.is_none() && fresh {
                        AuditAction::Create
                    } else {
                        AuditAction::Update
                    },
                    record: format!("requirements/{}", r.competency),
                    summary: match &before {
                        Some(b) if *b != label(&r) => format!("{b} => {}", label(&r)),
                        _ => label(&r),
                    },
                },
            ))
        })
    }

    /// Removes a requirement, audited. Errors: no such requirement.
    pub fn delete_requirement(
        &self,
        requirement: &crate::domain::Requirement,
        actor: &str,
    ) -> Result<(), StoreError> {
        let r = requirement.clone().cleaned();
        let key = r.key();
        self.audited(&[&self.requirements], actor, |tx| {
            if tx[0].remove(key.as_bytes())?.is_none() {
                return abort(StoreError::NotFound {
                    what: format!("requirement {}", key.replace('\0', " / ")),
                });
            }
            Ok((
                (),
                Audit {
                    action: AuditAction::Delete,
                    record: format!("requirements/{}", r.competency),
                    summary: format!(
                        "{} / {} -> {}",
                        if r.jabatan.is_empty() {
                            "-"
                        } else {
                            &r.jabatan
                        },
                        r.jenis.map_or("-", |j| j.label()),
                        r.competency
                    ),
                },
            ))
        })
    }
}

impl Store {
    /// The partner with this id (the slug of its name), if known.
    pub fn partner(&self, id: &str) -> Result<Option<Partner>, StoreError> {
        match self.partners.get(id.as_bytes())? {
            None => Ok(None),
            Some(v) => {
                records::decode_partner(&v)
                    .map(Some)
                    .map_err(|source| StoreError::Corrupt {
                        tree: "partners",
                        key: id.to_string(),
                        source,
                    })
            }
        }
    }

    /// Saves a partner (its contact, agreements and competencies) in one audited
    /// transaction. `partner.revision` is the revision it was opened at: a partner changed
    /// since (by another session or an import) is refused as stale. A partner at revision 0
    /// may also be new; one with another id's name is refused. Competencies must be in the
    /// catalogue. Returns the partner as saved, with its new revision; saving one that did
    /// not change writes nothing and returns it as it was.
    pub fn save_partner(&self, partner: &Partner, actor: &str) -> Result<Partner, StoreError> {
        let p = partner.clone().cleaned();
        if p.id != unit_id(&p.name) {
            return Err(StoreError::Invalid(format!(
                "partner id {:?} does not match its name {:?}",
                p.id, p.name
            )));
        }
        p.validate()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        if let Some(current) = self.partner(&p.id)?
            && current
                == (Partner {
                    revision: current.revision,
                    ..p.clone()
                })
            && current.revision == p.revision
        {
            return Ok(current);
        }
        let what = format!("partner {}", p.name);
        self.audited(&[&self.partners, &self.competencies], actor, |tx| {
            for c in &p.competencies {
                if tx[1].get(c.as_bytes())?.is_none() {
                    return abort(StoreError::NotFound {
                        what: format!("competency {c}"),
                    });
                }
            }
            let before = read(&tx[0], "partners", &p.id, records::decode_partner)?;
            let found = before.as_ref().map_or(0, |b| b.revision);
            if before.is_some() && found != p.revision {
                return abort(StoreError::Stale {
                    what: what.clone(),
                    expected: p.revision,
                    found,
                });
            }
            if before.is_none() && p.revision != 0 {
                return abort(StoreError::NotFound { what: what.clone() });
            }
            let saved = Partner {
                revision: found + 1,
                ..p.clone()
            };
            tx[0].insert(p.id.as_bytes(), encoded(records::encode_partner(&saved))?)?;
            let audit = Audit {
                action: if before.is_some() {
                    AuditAction::Update
                } else {
                    AuditAction::Create
                },
                record: format!("partners/{}", p.id),
                summary: partner_changes(before.as_ref(), &saved),
            };
            Ok((saved, audit))
        })
    }
}

/// What a save changed in a partner, for the audit trail: `kontak_telepon: - -> 0812...;
/// perjanjian + PKS 12/2025 (2025-01-01..2025-12-31); kompetensi - btcls-demo`. Only the
/// fields that changed; `-` when nothing did.
pub fn partner_changes(before: Option<&Partner>, after: &Partner) -> String {
    use crate::domain::format_date;
    let mut out = Vec::new();
    let show = |v: &str| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.to_string()
        }
    };
    let empty = Partner::default();
    let b = before.unwrap_or(&empty);
    if before.is_none() {
        out.push(format!("{} ({})", after.name, after.kind.label()));
    } else if b.kind != after.kind {
        out.push(format!(
            "jenis: {} -> {}",
            b.kind.label(),
            after.kind.label()
        ));
    }
    for (name, old, new) in [
        ("kontak_nama", &b.contact.nama, &after.contact.nama),
        ("kontak_telepon", &b.contact.telepon, &after.contact.telepon),
        ("kontak_email", &b.contact.email, &after.contact.email),
    ] {
        if old != new {
            out.push(format!("{name}: {} -> {}", show(old), show(new)));
        }
    }
    let agreement = |a: &crate::domain::Agreement| {
        format!(
            "{} {} ({}..{})",
            a.kind.label(),
            a.nomor,
            format_date(a.mulai),
            format_date(a.selesai)
        )
    };
    for a in &b.agreements {
        if !after.agreements.contains(a) {
            out.push(format!("perjanjian - {}", agreement(a)));
        }
    }
    for a in &after.agreements {
        if !b.agreements.contains(a) {
            out.push(format!("perjanjian + {}", agreement(a)));
        }
    }
    for c in &b.competencies {
        if !after.competencies.contains(c) {
            out.push(format!("kompetensi - {c}"));
        }
    }
    for c in &after.competencies {
        if !b.competencies.contains(c) {
            out.push(format!("kompetensi + {c}"));
        }
    }
    if out.is_empty() {
        "-".into()
    } else {
        out.join("; ")
    }
}
