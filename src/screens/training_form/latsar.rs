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

    /// The warning, with the names it concerns in a group.
    fn latsar_warning(&self, ui: &Ui) -> Option<String> {
        match self.latsar_not_cpns().as_slice() {
            [] => None,
            _ if self.names.len() == 1 => Some(ui.t(T::WarnLatsarNotCpns).to_string()),
            names => Some(format!(
                "{}: {}",
                ui.t(T::WarnLatsarNotCpns),
                names.join(", ")
            )),
        }
    }

    /// The warning beside the kind.
    pub(super) fn latsar_note(&mut self, ui: &Ui) {
        // A Latsar CPNS for someone who is not a CPNS: a warning, never a refusal.
        self.form.field_mut(KIND).note = self.latsar_warning(ui);
    }

    /// In a group, the note beside the kind is cut at the form's width: the first save
    /// shows the whole warning with every name it concerns instead, once everything else
    /// is right; a second Ctrl-S saves.
    pub(super) fn latsar_problem(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        let warning = self.latsar_warning(ui).filter(|_| self.names.len() > 1);
        if out.is_empty()
            && let Some(w) = warning
            && self.latsar_ok.as_ref() != Some(&w)
        {
            out.push((KIND, format!("{w}. {}", ui.t(T::ConfirmGroupWarning))));
        }
    }

    /// A second Ctrl-S while the whole warning is on screen saves.
    pub(super) fn confirm_latsar(&mut self, ui: &Ui) {
        let warning = self.latsar_warning(ui);
        if self.latsar_asked.is_some() && self.latsar_asked == warning {
            self.latsar_ok = warning.clone();
        }
        self.refresh(ui);
        let asking = self
            .form
            .first_problem()
            .is_some_and(|(_, text)| text.ends_with(ui.t(T::ConfirmGroupWarning)));
        self.latsar_asked = if asking { warning } else { None };
    }
}
