//! The career history (issue 21): the entry form from the record's Karier section, its
//! save and delete (the staff record follows the newest entries in the same transaction,
//! so the list's row is updated from the new summary).

use super::*;
use crate::screens::career_form::{CareerForm, draft_name};

impl App {
    /// Opens the entry form of a person's history: a new entry (`None`) or the entry `id`,
    /// offering a draft left from before.
    pub(super) fn edit_career(&mut self, nip: &str, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let Some(staff) = self.store.get_staff(nip)? else {
                return Ok(None);
            };
            let career = self.store.career_of(nip)?.unwrap_or_default();
            let mut units: Vec<(String, String)> = self
                .store
                .units()?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect();
            units.sort_by(|a, b| a.1.cmp(&b.1));
            let draft = self.find_draft(&draft_name(nip, id.unwrap_or(0)))?;
            Ok(Some((staff, career, units, draft)))
        })();
        let (staff, career, units, draft) = match loaded {
            Ok(Some(x)) => x,
            Ok(None) => return true,
            Err(e) => return self.fail(e),
        };
        let mut form = CareerForm::new(
            staff.nip.clone(),
            &staff.display_name(),
            career,
            id,
            units,
            &self.ui,
        );
        if let Some(d) = draft {
            form.offer_draft(self.draft_time(d.time_micros), d.fields);
        }
        self.push(Screen::Career(Box::new(form)));
        true
    }

    /// Saves an entry at the revision the form opened; back to the record (and its row in
    /// the list) on success, the refusal on the form otherwise.
    pub(super) fn save_career(&mut self, nip: &str, entry: &crate::domain::CareerEntry) -> bool {
        let revision = match &self.screen {
            Screen::Career(f) => f.revision(),
            _ => 0,
        };
        let actor = self.opts.actor.clone();
        let result = self
            .store
            .save_career_entry(nip, entry, revision, &actor)
            .map(|_| ());
        self.after_career(nip, entry.id, result, T::Saved)
    }

    pub(super) fn delete_career(&mut self, nip: &str, id: u32, revision: u64) -> bool {
        let actor = self.opts.actor.clone();
        let result = self
            .store
            .delete_career_entry(nip, id, revision, &actor)
            .map(|_| ());
        self.after_career(nip, id, result, T::Deleted)
    }

    fn after_career(
        &mut self,
        nip: &str,
        id: u32,
        result: Result<(), StoreError>,
        done: T,
    ) -> bool {
        match result {
            Ok(()) => {
                if let Err(e) = self
                    .store
                    .delete_draft(&self.draft_key(&draft_name(nip, id)))
                {
                    return self.fail(e);
                }
                self.back_to_record(nip, done)
            }
            Err(e) => {
                let message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    other => crate::ui::errors::store_error_text(&self.ui, &other),
                };
                if let Screen::Career(f) = &mut self.screen {
                    f.set_error(message);
                }
                true
            }
        }
    }
}

impl App {
    /// The promotions list of `period` (`None`: the next period from today) for the
    /// officer's units (narrowed to `unit` and its sub-units), replacing the list on screen or opened over the current screen.
    pub(super) fn open_promotions(
        &mut self,
        period: Option<crate::domain::PromotionPeriod>,
        unit: Option<String>,
    ) -> bool {
        let period =
            period.unwrap_or_else(|| crate::domain::PromotionPeriod::on_or_after(self.opts.today));
        let list = crate::views::promotions::promotions_in(&self.store, period, unit, &|u| {
            self.in_scope(u)
        });
        match list {
            Ok(list) => {
                let screen = Box::new(crate::screens::promotions::Promotions::new(list));
                if matches!(self.screen, Screen::Promotions(_)) {
                    self.screen = Screen::Promotions(screen);
                } else {
                    self.push(Screen::Promotions(screen));
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// The NIP of the staff record on screen, if one is (for tests).
    pub fn record_shown(&self) -> Option<&str> {
        match &self.screen {
            Screen::Record(r) => Some(r.staff.nip.as_str()),
            _ => None,
        }
    }
}
