//! Potentials: the form on a record and its save (the Talenta tab is in `reports.rs`).

use super::*;
use crate::screens::potential_form::PotentialForm;

impl App {
    /// Opens the potensial form for a person, offering a draft left from before.
    pub(super) fn open_potential(&mut self, nip: &str) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let staff = self.store.get_staff(nip)?;
            let potentials = self.store.potentials_of(nip)?;
            let draft = self.find_draft(&crate::screens::potential_form::draft_name(nip))?;
            Ok((staff, potentials, draft))
        })();
        let (staff, potentials, draft) = match loaded {
            Ok((Some(s), p, d)) => (s, p, d),
            Ok((None, ..)) => return true,
            Err(e) => return self.fail(e),
        };
        let mut form = PotentialForm::new(
            nip,
            &staff.display_name(),
            potentials,
            self.opts.today,
            &self.ui,
        );
        if let Some(d) = draft {
            form.offer_draft(self.draft_time(d.time_micros), d.fields);
        }
        self.push(Screen::Potential(Box::new(form)));
        true
    }

    /// Saves the potensial (flushed in the store's audited transaction), removes the draft,
    /// and goes back to the record, which says `tersimpan`.
    pub(super) fn save_potential(
        &mut self,
        nip: &str,
        entry: &crate::domain::PotentialEntry,
    ) -> bool {
        let revision = match &self.screen {
            Screen::Potential(f) => f.revision(),
            _ => 0,
        };
        let actor = self.opts.actor.clone();
        match self
            .store
            .save_potential(nip, entry, revision, self.opts.today, &actor)
        {
            Ok(_) => {
                if let Err(e) = self
                    .store
                    .delete_draft(&self.draft_key(&crate::screens::potential_form::draft_name(nip)))
                {
                    return self.fail(e);
                }
                self.back_to_record(nip, T::Saved)
            }
            Err(StoreError::Stale { .. }) => {
                self.status = Some((self.stale_text(), true));
                true
            }
            Err(e) => self.fail(e),
        }
    }
}
