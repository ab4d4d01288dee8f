//! Saving and deleting a person's trainings; each also rewrites the person's summary and
//! the training counts, and a new organiser becomes a known partner.

use super::{Audit, abort, encoded, place, put_summary, read, take};
use crate::domain::{Training, unit_id};
use crate::store::records::{self, AuditAction, Partner};
use crate::store::{Store, StoreError};

impl Store {
    /// Creates (id 0) or updates a training of the person `nip`; the organiser becomes a
    /// known partner if it is not one yet.
    pub fn save_training(
        &self,
        nip: &str,
        training: &Training,
        actor: &str,
    ) -> Result<Training, StoreError> {
        let inputs = self.closed_inputs()?;
        let catalogue = &inputs.catalogue;
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
            [
                &self.staff,
                &self.trainings,
                &self.partners,
                &self.evaluations,
                &self.staff_summary,
                &self.training_stats,
                &self.career,
            ],
            actor,
            |[
                t_staff,
                t_trainings,
                t_partners,
                t_evaluations,
                t_staff_summary,
                t_training_stats,
                t_career,
            ]| {
                let Some(person) = read(t_staff, "staff", nip, records::decode_staff)? else {
                    return abort(StoreError::NotFound {
                        what: format!("staff {nip}"),
                    });
                };
                let mut group = read(t_trainings, "trainings", nip, records::decode_trainings)?
                    .unwrap_or_default();
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
                let before = group.items.clone();
                let (saved, previous) =
                    place(&mut group.items, &mut group.next_id, &training, what)?;
                if let Some(previous) = &previous {
                    crate::store::stats::apply(t_training_stats, nip, previous, -1)?;
                }
                crate::store::stats::apply(t_training_stats, nip, &saved, 1)?;
                group.items.sort_by_key(|t| (t.mulai, t.id));
                let stale = crate::store::stats::keep_closed(
                    t_training_stats,
                    &inputs,
                    (Some(&person.jabatan), &before),
                    (Some(&person.jabatan), &group.items),
                )?;
                t_trainings.insert(nip.as_bytes(), encoded(records::encode_trainings(&group))?)?;
                if t_partners.get(partner.id.as_bytes())?.is_none() {
                    t_partners.insert(partner.id.as_bytes(), partner_value.clone())?;
                }
                let evaluations = read(
                    t_evaluations,
                    "evaluations",
                    nip,
                    records::decode_evaluations,
                )?
                .unwrap_or_default();
                let career = read(t_career, "career", nip, records::decode_career)?;
                put_summary(
                    t_staff_summary,
                    &person,
                    &evaluations.items,
                    &group.items,
                    catalogue,
                    career.as_ref(),
                )?;
                Ok((
                    (saved.clone(), stale),
                    Audit {
                        action: if saved.revision == 1 {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("trainings/{nip}/{}", saved.id),
                        summary: crate::store::diff::with_changes(
                            &format!("{} JP, {}", saved.jp, saved.status.label()),
                            &crate::store::diff::edits(previous.as_ref(), &saved),
                        ),
                    },
                ))
            },
        )
        .and_then(|(saved, stale)| {
            if stale {
                self.recount_closed_tolerant()?;
            }
            Ok(saved)
        })
    }

    /// Deletes a training opened at `revision`.
    pub fn delete_training(
        &self,
        nip: &str,
        id: u32,
        revision: u64,
        actor: &str,
    ) -> Result<(), StoreError> {
        let inputs = self.closed_inputs()?;
        let catalogue = &inputs.catalogue;
        let stale = self.audited(
            [
                &self.staff,
                &self.trainings,
                &self.evaluations,
                &self.staff_summary,
                &self.training_stats,
                &self.career,
            ],
            actor,
            |[
                t_staff,
                t_trainings,
                t_evaluations,
                t_staff_summary,
                t_training_stats,
                t_career,
            ]| {
                let what = format!("training {id} of {nip}");
                let (Some(person), Some(mut group)) = (
                    read(t_staff, "staff", nip, records::decode_staff)?,
                    read(t_trainings, "trainings", nip, records::decode_trainings)?,
                ) else {
                    return abort(StoreError::NotFound { what });
                };
                let before = group.items.clone();
                let gone = take(&mut group.items, id, revision, what)?;
                crate::store::stats::apply(t_training_stats, nip, &gone, -1)?;
                let stale = crate::store::stats::keep_closed(
                    t_training_stats,
                    &inputs,
                    (Some(&person.jabatan), &before),
                    (Some(&person.jabatan), &group.items),
                )?;
                t_trainings.insert(nip.as_bytes(), encoded(records::encode_trainings(&group))?)?;
                let evaluations = read(
                    t_evaluations,
                    "evaluations",
                    nip,
                    records::decode_evaluations,
                )?
                .unwrap_or_default();
                let career = read(t_career, "career", nip, records::decode_career)?;
                put_summary(
                    t_staff_summary,
                    &person,
                    &evaluations.items,
                    &group.items,
                    catalogue,
                    career.as_ref(),
                )?;
                Ok((
                    stale,
                    Audit {
                        action: AuditAction::Delete,
                        record: format!("trainings/{nip}/{id}"),
                        summary: crate::store::diff::with_changes(
                            &format!("{} JP", gone.jp),
                            &crate::store::diff::changes(Some(&gone), None),
                        ),
                    },
                ))
            },
        )?;
        if stale {
            self.recount_closed_tolerant()?;
        }
        Ok(())
    }
}
