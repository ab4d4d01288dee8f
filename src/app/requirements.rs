//! The competency requirements screen (issue 13): opened with `R` from Pelatihan; saves
//! and deletes through the store's audited operations.

use super::*;
use crate::domain::Requirement;
use crate::screens::requirements::RequirementsScreen;

impl App {
    pub(super) fn open_requirements(&mut self) -> bool {
        let loaded = (|| -> Result<_, StoreError> {
            Ok((self.store.competencies()?, self.store.requirements()?))
        })();
        match loaded {
            Ok((catalogue, requirements)) => {
                let read_only = self
                    .opts
                    .officer
                    .as_ref()
                    .is_some_and(|o| !o.may_edit_staff_records())
                    .then(|| self.ui.t(T::RoleAdminOnlyRequirements).to_string());
                let screen = RequirementsScreen::new(
                    catalogue,
                    requirements,
                    self.position_names(),
                    read_only,
                );
                self.push(Screen::Requirements(Box::new(screen)));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Every position name held by staff (one spelling each, by name), from the rows in
    /// memory.
    fn position_names(&self) -> Vec<String> {
        let mut names: std::collections::BTreeMap<String, String> = Default::default();
        StaffIndex::view(self.shared.staff.clone()).for_each_by_name(|s| {
            if !s.jabatan.is_empty() {
                names
                    .entry(s.jabatan.to_lowercase())
                    .or_insert_with(|| s.jabatan.to_string());
            }
        });
        names.into_values().collect()
    }

    /// A refused save or delete is shown on the screen; a read failure in the footer.
    fn requirement_refused(&mut self, e: StoreError) -> bool {
        let message = crate::ui::errors::store_error_text_at(&self.ui, &e, self.store.path());
        match &mut self.screen {
            Screen::Requirements(r) => r.set_error(message),
            _ => self.status = Some((message, true)),
        }
        true
    }

    fn requirements_saved(&mut self, select: Option<&Requirement>, text: T) -> bool {
        match self.store.requirements() {
            Ok(rows) => {
                if let Screen::Requirements(r) = &mut self.screen {
                    r.saved(rows, select);
                }
                self.status = Some((self.ui.t(text).to_string(), false));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    pub(super) fn save_requirement(&mut self, old: Option<Requirement>, new: Requirement) -> bool {
        let actor = self.opts.actor.clone();
        match self.store.replace_requirement(old.as_ref(), &new, &actor) {
            Ok(()) => self.requirements_saved(Some(&new), T::Saved),
            Err(e) => self.requirement_refused(e),
        }
    }

    pub(super) fn delete_requirement(&mut self, r: Requirement) -> bool {
        let actor = self.opts.actor.clone();
        match self.store.delete_requirement(&r, &actor) {
            Ok(()) => self.requirements_saved(None, T::Deleted),
            Err(e) => self.requirement_refused(e),
        }
    }

    /// Back from the requirements screen after a change: the Pelatihan tab below is built
    /// again (its suggestions follow the requirements), keeping its section and rows.
    pub(super) fn leave_requirements(&mut self) -> bool {
        if let Some(s) = self.stack.pop() {
            self.screen = s;
        }
        if let Screen::TrainingTab(old) = &self.screen {
            let (year, unit) = old.year_unit();
            match self.training_data_kept(year, unit) {
                Ok(data) => {
                    let mut fresh = TrainingOverview::new(data);
                    if let Screen::TrainingTab(old) = &self.screen {
                        fresh.keep_view_of(old);
                    }
                    self.screen = Screen::TrainingTab(Box::new(fresh));
                }
                Err(e) => return self.fail(e),
            }
        }
        true
    }
}
