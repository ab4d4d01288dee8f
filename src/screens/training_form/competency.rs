//! The competency a training gives (issue 13): chosen from the catalogue, or prefilled when
//! the training is planned for a competency gap from Kompetensi.

use super::{COMPETENCY, KIND, TITLE, TrainingForm};
use crate::domain::{Competency, TrainingKind, latsar_for_non_cpns};
use crate::screens::FormSpec;
use crate::ui::Ui;
use crate::ui::lang::T;

impl TrainingForm {
    /// The competency catalogue as (id, name): the form offers the competency the training
    /// gives (issue 13). A competency the record states that the catalogue no longer has
    /// stays offered under its id, so saving does not drop it.
    pub fn with_competencies(
        mut self,
        mut catalogue: Vec<(String, String)>,
        ui: &Ui,
    ) -> TrainingForm {
        let stated = self.original.as_ref().and_then(|t| t.kompetensi.clone());
        if let Some(id) = &stated
            && !catalogue.iter().any(|(c, _)| c == id)
        {
            catalogue.push((id.clone(), id.clone()));
        }
        let dirty = self.form.is_dirty();
        let mut options = vec![ui.t(T::CompetencyNone).to_string()];
        options.extend(catalogue.iter().map(|(_, name)| name.clone()));
        self.form.set_options(COMPETENCY, options);
        let at = stated.and_then(|id| catalogue.iter().position(|(c, _)| *c == id));
        self.form
            .set_choice(COMPETENCY, Some(at.map_or(0, |i| i + 1)));
        self.form.field_mut(COMPETENCY).hidden = catalogue.is_empty();
        self.competencies = catalogue;
        if !dirty {
            self.form.mark_clean();
        }
        self
    }

    /// Prefills a new training for a competency gap: the competency chosen, the title its
    /// name, the kind its first satisfying kind that fits everyone (Latsar CPNS only when
    /// all are CPNS); the first empty field is focused.
    /// Changes the form, so leaving it asks first.
    pub fn prefill_competency(&mut self, competency: &Competency, ui: &Ui) {
        if let Some(i) = self
            .competencies
            .iter()
            .position(|(c, _)| *c == competency.id)
        {
            self.form.set_choice(COMPETENCY, Some(i + 1));
        }
        if self.form.text(TITLE).trim().is_empty() {
            self.form.set_text(TITLE, &competency.name);
        }
        // Latsar CPNS only for CPNS: it is never the kind offered for anyone else.
        let fits = |k: &&TrainingKind| {
            (self.people.iter()).all(|nip| !latsar_for_non_cpns(**k, self.today, nip))
        };
        if let Some(kind) = competency.training_kinds.iter().find(fits)
            && let Some(i) = self.kinds.iter().position(|k| k == kind)
        {
            self.form.set_choice(KIND, Some(i));
        }
        self.form.focus_first_empty();
        self.refresh(ui);
    }

    /// The competency id the form gives: the chosen one; with no catalogue given, what
    /// the record stated.
    pub(super) fn competency_id(&self) -> Option<String> {
        let o = self.original.as_ref();
        self.form
            .choice(COMPETENCY)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| self.competencies.get(i))
            .map(|(id, _)| id.clone())
            .or_else(|| {
                // No catalogue given: keep what the record stated.
                if self.competencies.is_empty() {
                    o.and_then(|t| t.kompetensi.clone())
                } else {
                    None
                }
            })
    }
}
