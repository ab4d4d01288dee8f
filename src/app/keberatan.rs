//! Objections (keberatan, PP 30/2019 Pasal 59; issue 19): the screen of one evaluation's
//! objection, opened by whoever sees the person (a viewer, or a penilai of another unit,
//! reads it) and saved by whoever writes their evaluations, through the store's
//! `save_evaluation`, which validates the objection and applies the decided result.

use super::*;
use crate::screens::keberatan_form::{KeberatanForm, KeberatanScreen, draft_name};

impl App {
    /// Opens the objection screen of the evaluation `id` of the person `nip`, with the
    /// evaluation's history (newest first) and a draft kept from an earlier session.
    pub(super) fn open_keberatan(&mut self, nip: &str, id: u32) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let Some(staff) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let Some(evaluation) = self
                .store
                .evaluations_of(nip)?
                .into_iter()
                .find(|e| e.id == id)
            else {
                return Ok(None);
            };
            let history = self.store.audit_of(&format!("evaluations/{nip}/{id}"))?;
            Ok(Some((staff, evaluation, history)))
        })();
        let (staff, evaluation, history) = match loaded {
            Ok(Some(x)) => x,
            // Deleted meanwhile in another session: the record stays as it is.
            Ok(None) => return true,
            Err(e) => return self.fail(e),
        };
        let history = history
            .into_iter()
            .rev()
            .map(|entry| HistoryRow {
                when: self.draft_time(entry.time_micros),
                entry,
            })
            .collect();
        // Whoever may not save it reads it.
        let why = self.refused(&Outcome::SaveKeberatan(
            nip.to_string(),
            Box::new(evaluation.clone()),
        ));
        let mut form = KeberatanForm::new(
            nip,
            &staff.display_name(),
            evaluation,
            self.opts.today,
            &self.ui,
        );
        match why {
            Some(why) => form = form.read_only(why),
            None => match self.find_draft(&draft_name(nip, id)) {
                Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
                Ok(None) => {}
                Err(e) => return self.fail(e),
            },
        }
        self.push(Screen::Keberatan(Box::new(KeberatanScreen::new(
            form, history,
        ))));
        true
    }

    /// Saves the evaluation with its objection (flushed by the store before "tersimpan"
    /// shows), drops the draft, and goes back to the refreshed record; Beranda's counts are
    /// forgotten, as they list open objections.
    pub(super) fn save_keberatan(
        &mut self,
        nip: &str,
        evaluation: crate::domain::Evaluation,
    ) -> bool {
        let actor = self.opts.actor.clone();
        let id = evaluation.id;
        match self.store.save_evaluation(nip, &evaluation, &actor) {
            Ok(_) => {
                if let Err(e) = self
                    .store
                    .delete_draft(&self.draft_key(&draft_name(nip, id)))
                {
                    return self.fail(e);
                }
                self.shared.forget_home();
                self.back_to_record(nip, T::Saved)
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    other => {
                        crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path())
                    }
                };
                if let Screen::Keberatan(s) = &mut self.screen {
                    s.form.set_error(message);
                }
                true
            }
        }
    }
}
