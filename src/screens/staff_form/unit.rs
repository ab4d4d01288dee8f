//! The unit of the staff form: a unit that is not known is created only when the officer
//! asks for it (`Ctrl-N`), after the closest known names were offered.

use super::{StaffForm, UNIT};
use crate::domain::text::clean_line;
use crate::domain::{Unit, UnitKind, unit_id};
use crate::screens::{FormSpec, Outcome};
use crate::ui::Ui;
use crate::ui::closest::closest;
use crate::ui::lang::T;

impl StaffForm {
    /// `Ctrl-N` in the unit field: the typed name becomes the new unit to create, or the
    /// known unit it only differs from in spelling.
    pub(super) fn choose_new_unit(&mut self, ui: &Ui) -> Outcome {
        let typed = self.form.choice_unmatched(UNIT).map(|t| clean_line(&t));
        let Some(name) = typed.filter(|n| !unit_id(n).is_empty()) else {
            return Outcome::Ignored;
        };
        // A name that only differs in spelling from a unit's ("Puskesmas-Belawan") is that
        // unit: choose it instead of promising a new one.
        let id = unit_id(&name);
        if let Some(i) = self.unit_ids.iter().position(|u| *u == id) {
            self.form.set_choice(UNIT, Some(i));
            self.new_unit = None;
        } else {
            self.new_unit = Some(name);
        }
        self.refresh(ui);
        Outcome::Changed
    }

    /// The note beside the unit: the new unit to create, or the closest known names.
    pub(super) fn unit_note(&mut self, ui: &Ui) {
        let typed = self.form.choice_unmatched(UNIT).map(|t| clean_line(&t));
        self.form.field_mut(UNIT).accept_typed =
            typed.is_some() && self.new_unit.is_some() && typed == self.new_unit;
        self.form.field_mut(UNIT).note = match (&self.new_unit, self.form.choice_unmatched(UNIT)) {
            (Some(name), _) => Some(format!("{}: {name}", ui.t(T::NewUnit))),
            (None, Some(typed)) => {
                let near: Vec<String> = closest(&typed, &self.unit_names, 3)
                    .into_iter()
                    .map(|i| self.unit_names[i].clone())
                    .collect();
                let mut s = String::new();
                if !near.is_empty() {
                    s.push_str(&format!("{}: {}. ", ui.t(T::Closest), near.join("; ")));
                }
                s.push_str(ui.t(T::CtrlNNewUnit));
                Some(s)
            }
            _ => None,
        };
    }

    pub(super) fn new_unit_record(&self) -> Option<Unit> {
        let name = clean_line(self.new_unit.as_deref()?);
        (!unit_id(&name).is_empty())
            .then(|| Unit::new(&name, UnitKind::guess_from_name(&name), None))
    }
}
