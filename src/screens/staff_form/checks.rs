//! What stops a staff form's save, field by field: a wrong NIP (with its reason), a
//! choice not made, an empty name or position, a position holding its jenjang, a unit no
//! unit has (unless chosen as new).

use super::{EDUCATION, KIND, NAME, NIP, POSITION, POSITION_KIND, RANK, StaffForm, UNIT, position};
use crate::domain::text::clean_line;
use crate::ui::Ui;
use crate::ui::errors::nip_error_text;
use crate::ui::lang::T;

/// What is wrong with a field, as interface text plus an optional detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub T, pub String);

impl StaffForm {
    pub(super) fn problem(&self, f: &str, ui: &Ui) -> Option<Problem> {
        let missing = |id: &str| {
            self.form
                .choice(id)
                .is_none()
                .then(|| Problem(T::NotChosen, String::new()))
        };
        let empty = |id: &str| {
            clean_line(&self.form.text(id))
                .is_empty()
                .then(|| Problem(T::Required, String::new()))
        };
        match f {
            NIP => self
                .nip_result()
                .err()
                .map(|e| Problem(T::FieldNip, nip_error_text(ui, &e))),
            KIND | RANK | EDUCATION | POSITION_KIND => missing(f),
            NAME => empty(f),
            POSITION => empty(f).or_else(|| {
                let (_, j) = position::split_jenjang(&self.form.text(POSITION))?;
                Some(Problem(T::ErrJenjangInName, j.label().to_string()))
            }),
            UNIT if self.new_unit.is_some() => None,
            UNIT => match self.form.choice_unmatched(UNIT) {
                Some(typed) => Some(Problem(T::UnitUnknown, clean_line(&typed))),
                None => missing(UNIT),
            },
            _ => None,
        }
    }
}
