//! Saving and deleting a person's evaluations (SKP); each also rewrites the person's summary.

use super::{Audit, abort, encoded, place, put_summary, read, take};
use crate::domain::Evaluation;
use crate::store::records::{self, AuditAction};
use crate::store::{Store, StoreError};

/// What an objection's save adds to the evaluation's audit line (issue 19): where it
/// stands and since when, and a decision's effect, so every step reads in the history.
fn keberatan_step(e: &Evaluation) -> String {
    use crate::domain::{HasilKeputusan, KeberatanStatus};
    let Some(k) = &e.keberatan else {
        return String::new();
    };
    let (day, effect) = match (&k.keputusan, k.status()) {
        (Some(d), _) => (
            d.tanggal,
            match d.hasil {
                HasilKeputusan::Tetap => " (tetap)".to_string(),
                HasilKeputusan::Diubah { .. } => {
                    format!(" (semula {})", k.asal_predikat().label())
                }
            },
        ),
        (None, KeberatanStatus::Dijelaskan) => {
            (k.penjelasan_tanggal.unwrap_or(k.diajukan), String::new())
        }
        (None, _) => (k.diajukan, String::new()),
    };
    format!(
        ", keberatan {} {}{effect}",
        k.status().code(),
        crate::domain::format_date(day)
    )
}

impl Store {
    /// Creates (id 0) or updates an evaluation of the person `nip`. One evaluation per
    /// period: a second one for the same period is refused with the existing id.
    pub fn save_evaluation(
        &self,
        nip: &str,
        evaluation: &Evaluation,
        actor: &str,
    ) -> Result<Evaluation, StoreError> {
        let catalogue = self.competencies()?;
        let mut evaluation = evaluation.clone().cleaned();
        // The ratings as sent, before an objection's result is applied to them.
        let sent = (evaluation.hasil_kerja, evaluation.perilaku);
        // PP 30/2019 Pasal 59: an objection's refusals stop the save; its decided result
        // replaces the ratings, the original stays in the objection.
        if let Some(k) = evaluation.keberatan.clone() {
            k.validate(&evaluation, nip)
                .map_err(|e| StoreError::Invalid(format!("keberatan of {nip}: {e}")))?;
            evaluation = evaluation.with_keberatan(k);
        }
        let by_self = |e: &Option<crate::domain::PersonAtTime>| {
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
            [
                &self.staff,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
                &self.career,
            ],
            actor,
            |[
                t_staff,
                t_evaluations,
                t_trainings,
                t_staff_summary,
                t_career,
            ]| {
                let Some(person) = read(t_staff, "staff", nip, records::decode_staff)? else {
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
                let mut group = read(
                    t_evaluations,
                    "evaluations",
                    nip,
                    records::decode_evaluations,
                )?
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
                // Under an objection the result changes only by the atasan's decision: a
                // save that changes the ratings and leaves the objection as it was (the
                // evaluation form) is refused rather than silently undone.
                if let Some(stored) = group.items.iter().find(|e| e.id == evaluation.id)
                    && stored.keberatan.is_some()
                    && stored.keberatan == evaluation.keberatan
                    && sent != (stored.hasil_kerja, stored.perilaku)
                {
                    return abort(StoreError::Invalid(format!(
                        "{} of {nip} is under an objection (keberatan): its ratings change \
                         only by the atasan's decision; record it with o on the staff record",
                        evaluation.period
                    )));
                }
                let what = format!("evaluation {} of {nip}", evaluation.period);
                let (saved, previous) =
                    place(&mut group.items, &mut group.next_id, &evaluation, what)?;
                group.items.sort_by_key(|e| e.period.sort_key());
                t_evaluations.insert(
                    nip.as_bytes(),
                    encoded(records::encode_evaluations(&group))?,
                )?;
                let trainings = read(t_trainings, "trainings", nip, records::decode_trainings)?
                    .unwrap_or_default();
                let career = read(t_career, "career", nip, records::decode_career)?;
                put_summary(
                    t_staff_summary,
                    &person,
                    &group.items,
                    &trainings.items,
                    &catalogue,
                    career.as_ref(),
                )?;
                Ok((
                    saved.clone(),
                    Audit {
                        action: if saved.revision == 1 {
                            AuditAction::Create
                        } else {
                            AuditAction::Update
                        },
                        record: format!("evaluations/{nip}/{}", saved.id),
                        summary: crate::store::diff::with_changes(
                            &format!(
                                "{}: {}{}",
                                saved.period,
                                saved.predikat().label(),
                                keberatan_step(&saved)
                            ),
                            &crate::store::diff::edits(previous.as_ref(), &saved),
                        ),
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
            [
                &self.staff,
                &self.evaluations,
                &self.trainings,
                &self.staff_summary,
                &self.career,
            ],
            actor,
            |[
                t_staff,
                t_evaluations,
                t_trainings,
                t_staff_summary,
                t_career,
            ]| {
                let what = format!("evaluation {id} of {nip}");
                let (Some(person), Some(mut group)) = (
                    read(t_staff, "staff", nip, records::decode_staff)?,
                    read(
                        t_evaluations,
                        "evaluations",
                        nip,
                        records::decode_evaluations,
                    )?,
                ) else {
                    return abort(StoreError::NotFound { what });
                };
                let gone = take(&mut group.items, id, revision, what)?;
                t_evaluations.insert(
                    nip.as_bytes(),
                    encoded(records::encode_evaluations(&group))?,
                )?;
                let trainings = read(t_trainings, "trainings", nip, records::decode_trainings)?
                    .unwrap_or_default();
                let career = read(t_career, "career", nip, records::decode_career)?;
                put_summary(
                    t_staff_summary,
                    &person,
                    &group.items,
                    &trainings.items,
                    &catalogue,
                    career.as_ref(),
                )?;
                Ok((
                    (),
                    Audit {
                        action: AuditAction::Delete,
                        record: format!("evaluations/{nip}/{id}"),
                        summary: crate::store::diff::with_changes(
                            &format!("{}: {}", gone.period, gone.predikat().label()),
                            &crate::store::diff::changes(Some(&gone), None),
                        ),
                    },
                ))
            },
        )
    }
}
