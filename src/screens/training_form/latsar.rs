//! Latsar CPNS is only for CPNS (DOMAIN.md, "Competency development"): the training form
//! warns, never refuses, naming the people it concerns.

use super::{KIND, TrainingForm};
use crate::domain::{Nip, latsar_for_non_cpns};
use crate::screens::FormSpec;
use crate::ui::Ui;
use crate::ui::lang::T;

impl TrainingForm {
    /// The people's NIPs as stored (PNS or PPPK), in the order of `nips`: the form warns of
    /// a Latsar CPNS for someone who is not a CPNS.
    pub fn with_people(mut self, people: Vec<Nip>, ui: &Ui) -> TrainingForm {
        self.people = people;
        let dirty = self.form.is_dirty();
        self.refresh(ui);
        if !dirty {
            self.form.mark_clean();
        }
        self
    }

    /// The names of the people for whom the chosen kind and start date make a Latsar CPNS
    /// for someone who is not a CPNS (a warning only).
    pub(super) fn latsar_not_cpns(&self) -> Vec<&str> {
        let kind = self
            .form
            .choice(KIND)
            .and_then(|i| self.kinds.get(i).copied());
        let (Some(kind), (Some(start), _)) = (kind, self.dates()) else {
            return Vec::new();
        };
        self.people
            .iter()
            .zip(&self.names)
            .filter(|(nip, _)| latsar_for_non_cpns(kind, start, nip))
            .map(|(_, name)| name.as_str())
            .collect()
    }

    /// The warning beside the kind.
    pub(super) fn latsar_note(&mut self, ui: &Ui) {
        // A Latsar CPNS for someone who is not a CPNS: a warning, never a refusal.
        let not_cpns = self.latsar_not_cpns();
        self.form.field_mut(KIND).note = match not_cpns.as_slice() {
            [] => None,
            _ if self.names.len() == 1 => Some(ui.t(T::WarnLatsarNotCpns).to_string()),
            names => Some(format!(
                "{}: {}",
                ui.t(T::WarnLatsarNotCpns),
                names.join(", ")
            )),
        };
    }
}
