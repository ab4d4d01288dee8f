//! Coaching (pembinaan kinerja): the form, its drafts, saving and deleting; where each
//! flagged person's coaching stands is counted in `views::coaching`.

use super::*;
use crate::domain::Coaching;

impl App {
    /// Opens the coaching form of a person: a new one (offering their latest evaluator as
    /// the giver) or the record `id`.
    pub(super) fn open_coaching(&mut self, nip: &str, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let Some(staff) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let original = match id {
                Some(id) => self
                    .store
                    .coaching_of(nip)?
                    .into_iter()
                    .find(|c| c.id == id),
                None => None,
            };
            let giver = self
                .store
                .evaluations_of(nip)?
                .into_iter()
                .filter(|e| e.penilai.is_some())
                .max_by_key(|e| e.period.sort_key())
                .and_then(|e| e.penilai);
            // The RHK a coaching can be about (issue 19): the person's plans.
            let rhk = crate::views::coaching::rhk_choices_of(&self.store, nip)?;
            Ok(Some((staff, original, giver, rhk)))
        })();
        let (staff, original, giver, rhk) = match loaded {
            Ok(Some(x)) => x,
            Ok(None) => return true,
            Err(e) => return self.fail(e),
        };
        if id.is_some() && original.is_none() {
            // Deleted meanwhile in another session.
            return true;
        }
        let mut form = CoachingForm::new(
            nip,
            &staff.display_name(),
            original,
            giver,
            self.opts.today,
            &self.ui,
        )
        .with_person(staff.nip.clone(), &self.ui)
        .with_rhk(rhk, &self.ui);
        match self.find_draft(&crate::screens::coaching_form::draft_name(nip, id)) {
            Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
            Ok(None) => {}
            Err(e) => return self.fail(e),
        }
        self.push(Screen::Coaching(Box::new(form)));
        true
    }

    /// Saves (flushed by the store before "tersimpan" shows), drops the draft, and goes
    /// back to the refreshed record.
    pub(super) fn save_coaching(&mut self, nip: &str, coaching: Coaching) -> bool {
        let actor = self.opts.actor.clone();
        let id = (coaching.id != 0).then_some(coaching.id);
        match self
            .store
            .save_coaching(nip, &coaching, self.opts.today, &actor)
        {
            Ok(_) => {
                if let Err(e) = self.store.delete_draft(
                    &self.draft_key(&crate::screens::coaching_form::draft_name(nip, id)),
                ) {
                    return self.fail(e);
                }
                self.after_coaching_change(nip, T::Saved)
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    StoreError::AlreadyExists { .. } => self.ui.t(T::CoachingTaken).to_string(),
                    other => {
                        crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path())
                    }
                };
                if let Screen::Coaching(f) = &mut self.screen {
                    f.set_error(message);
                }
                true
            }
        }
    }

    pub(super) fn delete_coaching(&mut self, nip: &str, id: u32, revision: u64) -> bool {
        let actor = self.opts.actor.clone();
        match self.store.delete_coaching(nip, id, revision, &actor) {
            Ok(()) => {
                if let Err(e) = self.store.delete_draft(
                    &self.draft_key(&crate::screens::coaching_form::draft_name(nip, Some(id))),
                ) {
                    return self.fail(e);
                }
                self.after_coaching_change(nip, T::Deleted)
            }
            Err(e) => self.fail(e),
        }
    }

    /// Back from the form: to the refreshed record when it came from there, else (the
    /// coaching list) to the list with the statuses counted again. Beranda's shared counts
    /// are forgotten, as they include the coaching statuses.
    fn after_coaching_change(&mut self, nip: &str, done: T) -> bool {
        self.shared.forget_home();
        if matches!(self.stack.last(), Some(Screen::Record(_))) {
            return self.back_to_record(nip, done);
        }
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        // The kept copy of Pelatihan's data is stale after this save: let go of it, so the
        // statuses are counted again in the screen's own list, not in a copy of it.
        self.kept = None;
        if let Screen::TrainingTab(t) = &mut self.screen {
            match self.shared.coached(&self.store) {
                Ok(map) => t.set_coaching_records(&map, self.opts.today),
                Err(e) => return self.fail(e),
            }
        }
        self.status = Some((self.ui.t(done).to_string(), false));
        true
    }
}

impl App {
    /// The NIPs Pelatihan's coaching list shows under its filter, in order, when that tab
    /// is open (for tests and benchmarks); empty elsewhere.
    pub fn coaching_list_shown(&self) -> Vec<String> {
        match &self.screen {
            Screen::TrainingTab(t) => t.shown_coaching().map(|c| c.nip.clone()).collect(),
            _ => Vec::new(),
        }
    }
}
