//! Trainings: the form (one person or a group), its drafts, opening the Pelatihan tab
//! (its data is `views::training`).

use super::*;
use crate::screens::training_form;
use crate::views::training::{self, Held, PartnerJp, TrainingData};

impl App {
    /// Pelatihan: one pass over the summaries and one over the trainings, when the tab
    /// opens; nothing is scanned per keystroke.
    pub(super) fn open_training_tab(&mut self, year: i16, unit: Option<String>) -> bool {
        match self.training_data_kept(year, unit) {
            Ok(data) => {
                self.push(Screen::TrainingTab(Box::new(TrainingOverview::new(data))));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// What the Pelatihan tab shows for a year: from the staff rows in memory once the
    /// list is loaded, before that from the store's summaries; the officer's units only.
    pub fn training_data(
        &self,
        year: i16,
        unit: Option<String>,
    ) -> Result<TrainingData, StoreError> {
        let rows = self.list_ref().filter(|_| !self.pending_load);
        // Everyone ever coached, for the statuses: read again only after a change.
        let coached = self.shared.coached(&self.store)?;
        training::training_data(
            training::TrainingSources {
                store: &self.store,
                coached: &coached,
                rows: rows.map(|list| list.index()),
            },
            year,
            unit,
            &self.opts.jp,
            self.opts.today,
            &|u| self.in_scope(u),
        )
    }

    /// [`App::training_stats`] with the people each partner could close a gap of (a pass
    /// over every person's gaps: read when Pelatihan's Partners section is first opened).
    pub fn training_stats_with_gaps(
        &self,
        year: i16,
    ) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
        // From the staff rows in memory, limited to the officer's units: each person's
        // competencies are kept there, so no training is read (issue 13, "gaps kept up to
        // date on save"). Before the list is loaded, from rows read for this count.
        let built;
        let index = match self.list_ref().filter(|_| !self.pending_load) {
            Some(list) => list.index(),
            None => {
                built = scoped(
                    StaffIndex::build(
                        self.store.iter_summaries(),
                        HashMap::new(),
                        self.opts.today.year(),
                    )?,
                    &self.opts,
                );
                &built
            }
        };
        training::training_stats_with_gaps(&self.store, index, year, self.opts.today)
    }

    /// The trainings held and the partners of a year, from the counts the store keeps.
    pub fn training_stats(&self, year: i16) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
        training::training_stats(&self.store, year)
    }

    pub(super) fn open_training(&mut self, nips: Vec<String>, id: Option<u32>) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            let mut names = Vec::with_capacity(nips.len());
            let mut people = Vec::with_capacity(nips.len());
            for n in &nips {
                if let Some(s) = self.store.get_staff(n)? {
                    names.push(s.display_name());
                    people.push(s.nip);
                }
            }
            let first = (names.len() == nips.len() && !names.is_empty()).then_some(names);
            let original = match (nips.first(), id) {
                (Some(n), Some(id)) => self.store.trainings_of(n)?.into_iter().find(|t| t.id == id),
                _ => None,
            };
            let catalogue: Vec<(String, String)> = self
                .store
                .competencies()?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect();
            Ok((first, people, original, self.store.partners()?, catalogue))
        })();
        match loaded {
            Ok((Some(names), people, original, partners, catalogue)) => {
                let name = training_form::draft_name(&nips, id);
                let mut form =
                    TrainingForm::new(nips, names, original, partners, self.opts.today, &self.ui)
                        .with_people(people, &self.ui)
                        .with_competencies(catalogue, &self.ui);
                match self.find_draft(&name) {
                    Ok(Some(d)) => form.offer_draft(self.draft_time(d.time_micros), d.fields),
                    Ok(None) => {}
                    Err(e) => return self.fail(e),
                }
                self.push(Screen::Training(Box::new(form)));
                true
            }
            Ok(_) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Saves the training for each person of the form: one record each.
    pub(super) fn save_training(
        &mut self,
        nips: &[String],
        training: crate::domain::Training,
    ) -> bool {
        let actor = self.opts.actor.clone();
        let id = (training.id != 0).then_some(training.id);
        // The draft is the form's, keyed by who it was opened for (a partial save earlier
        // may have left fewer people in `nips`).
        let draft = match &self.screen {
            Screen::Training(f) => training_form::draft_name(f.draft_nips(), f.id()),
            _ => training_form::draft_name(nips, id),
        };
        let draft = self.draft_key(&draft);
        for (done, nip) in nips.iter().enumerate() {
            if let Err(e) = self.store.save_training(nip, &training, &actor) {
                let mut message = match e {
                    StoreError::Stale { .. } => self.stale_text(),
                    other => {
                        crate::ui::errors::store_error_text_at(&self.ui, &other, self.store.path())
                    }
                };
                if done > 0 {
                    message = format!("{message} ({} {done})", self.ui.t(T::AlreadySavedFor));
                }
                if let Screen::Training(f) = &mut self.screen {
                    // Those already saved leave the form, so saving again adds no duplicate.
                    f.keep_only(done);
                    f.set_error(message);
                }
                return true;
            }
            if let Ok(Some(summary)) = self.store.summary(nip)
                && let Some(list) = self.list_mut()
            {
                list.index_mut().upsert(summary);
            }
        }
        if let Err(e) = self.store.delete_draft(&draft) {
            return self.fail(e);
        }
        let done = match nips {
            [one] => self.back_to_record(one, T::Saved),
            _ => {
                if let Some(s) = self.stack.pop() {
                    self.screen = s;
                }
                self.status = Some((format!("{} ({})", self.ui.t(T::Saved), nips.len()), false));
                true
            }
        };
        // Back on the Kompetensi view: its gaps are counted again from the rows just
        // updated, so the people the training closed a gap for leave the list.
        if let Screen::Competency(c) = &self.screen {
            let query = c.query().clone();
            let status = self.status.take();
            self.open_competencies(query);
            self.status = status;
        }
        done
    }
}
