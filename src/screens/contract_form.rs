//! The contract form (`n` or `Enter` on a PPPK's Kontrak section, issue 21): a perjanjian
//! kerja's start, end and number. A new one starts the day after the newest contract ends
//! and runs a year (a renewal is `n` and `Ctrl-S`); `Ctrl-D` deletes the one opened. A
//! contract overlapping another is refused; one shorter than a year is noted (PP 49/2018
//! Pasal 37 ayat 1: at least a year).

use super::{FormSpec, Outcome};
use crate::domain::{Contract, ContractError, ContractWarning, Contracts, format_date, parse_date};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::text::{Line, Span};

const START: &str = "mulai";
const END: &str = "selesai";
const NUMBER: &str = "nomor";

pub struct ContractForm {
    pub nip: String,
    name: String,
    /// The person's contracts as the form was opened (their revision guards the save).
    current: Contracts,
    /// The start of the contract opened (`None`: a new one).
    original: Option<Date>,
    form: Form,
}

impl ContractForm {
    /// The form for the person `nip` (`name` shown above it): `original` the start of the
    /// contract to edit, `None` for a new one, offered from `today` or, after the newest
    /// contract, from the day after it ends, for a year.
    pub fn new(
        nip: &str,
        name: &str,
        current: Contracts,
        original: Option<Date>,
        today: Date,
        ui: &Ui,
    ) -> ContractForm {
        let opened = original.and_then(|m| current.starting(m).cloned());
        let (mulai, selesai, nomor) = match &opened {
            Some(c) => (c.mulai, c.selesai, c.nomor.clone()),
            None => {
                let start = current
                    .latest()
                    .map_or(today, |c| c.selesai.saturating_add(1.day()));
                let end = start.saturating_add(1.year()).saturating_sub(1.day());
                (start, end, String::new())
            }
        };
        let fields = vec![
            Field::date(START, ui.t(T::ContractStart), &format_date(mulai)),
            Field::date(END, ui.t(T::ContractEnd), &format_date(selesai)),
            Field::text(NUMBER, ui.t(T::ContractNumber), 100, &nomor).width(40),
        ];
        let title = ui.t(if opened.is_some() {
            T::ContractEditTitle
        } else {
            T::ContractNewTitle
        });
        let is_new = opened.is_none();
        let mut form = ContractForm {
            nip: nip.to_string(),
            name: name.to_string(),
            current,
            original: opened.map(|c| c.mulai),
            form: Form::new(title, fields, is_new).with_delete(T::ContractDeleteAsk),
        };
        form.form.focus_on(if is_new { NUMBER } else { END });
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    /// The start of the contract opened (`None`: a new one): the save replaces it.
    pub fn original(&self) -> Option<Date> {
        self.original
    }

    fn date_of(&self, id: &str) -> Option<Date> {
        parse_date(&self.form.text(id))
    }

    fn contract(&self) -> Option<Contract> {
        Some(Contract {
            mulai: self.date_of(START)?,
            selesai: self.date_of(END)?,
            nomor: crate::domain::text::clean_line(&self.form.text(NUMBER)),
        })
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for id in [START, END] {
            let text = self.form.text(id);
            if parse_date(&text).is_none() {
                let why = if text.trim().is_empty() {
                    T::Required
                } else if crate::domain::looks_like_date(&text) {
                    T::ErrNoSuchDate
                } else {
                    T::ErrDate
                };
                out.push((id, ui.t(why).to_string()));
            }
        }
        if let Some(c) = self.contract() {
            let mut after = self.current.clone();
            match after.put(self.original, c) {
                Ok(()) => {}
                Err(ContractError::EndBeforeStart { .. }) => {
                    out.push((END, ui.t(T::ErrEndBeforeStart).to_string()))
                }
                Err(ContractError::Year(_)) => out.push((START, ui.t(T::ErrDate).to_string())),
                Err(ContractError::Overlaps { mulai, selesai }) => out.push((
                    START,
                    format!(
                        "{} {} - {}",
                        ui.t(T::ContractOverlaps),
                        format_date(mulai),
                        format_date(selesai)
                    ),
                )),
            }
        }
        out
    }
}

/// The draft's name of a contract form (`None`: a new contract), after the officer's prefix.
pub fn draft_name(nip: &str, original: Option<Date>) -> String {
    let which = original.map_or("baru".to_string(), format_date);
    format!("kontrak/{nip}/{which}")
}

impl FormSpec for ContractForm {
    type Record = Contract;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.is_new() {
            T::ContractNewTitle
        } else {
            T::ContractEditTitle
        }
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip, self.original)
    }

    fn revision(&self) -> u64 {
        self.current.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.current.revision = revision;
    }

    /// The problems, and a note on the end: the contract's length, and when it is shorter
    /// than a year, so (a warning only).
    fn refresh(&mut self, ui: &Ui) {
        let note = self.contract().filter(|c| c.validate().is_ok()).map(|c| {
            let days = (c.selesai - c.mulai).get_days() + 1;
            let mut text = ui.t(T::ContractDays).replace("{n}", &days.to_string());
            if c.warnings().contains(&ContractWarning::ShorterThanAYear) {
                text = format!("{text}; {}", ui.t(T::ContractShort));
            }
            text
        });
        self.form.field_mut(END).note = note;
        let problems = self.problems(ui);
        self.form.set_problems(problems);
    }

    fn build(&self) -> Option<Contract> {
        let c = self.contract()?;
        let mut after = self.current.clone();
        after.put(self.original, c.clone()).ok()?;
        Some(c)
    }

    fn save_outcome(&self, c: Contract) -> Outcome {
        Outcome::SaveContract(self.nip.clone(), self.original, Box::new(c))
    }

    fn delete_outcome(&self) -> Outcome {
        match self.original {
            Some(mulai) => Outcome::DeleteContract(self.nip.clone(), mulai, self.current.revision),
            None => Outcome::Changed,
        }
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        vec![Line::from(Span::styled(
            format!(" {}", fit(ui, &self.name, width)),
            ui.theme.header(),
        ))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screens::Screen;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use jiff::civil::date;

    fn key(f: &mut ContractForm, code: KeyCode, ui: &Ui) -> Outcome {
        f.handle(KeyEvent::new(code, KeyModifiers::NONE), ui)
    }

    fn ctrl(f: &mut ContractForm, c: char, ui: &Ui) -> Outcome {
        f.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), ui)
    }

    fn first() -> Contracts {
        Contracts {
            items: vec![Contract {
                mulai: date(2025, 3, 1),
                selesai: date(2026, 2, 28),
                nomor: "PK/1".into(),
            }],
            revision: 4,
        }
    }

    #[test]
    fn a_new_contract_renews_the_newest_for_a_year_with_one_save() {
        let ui = Ui::default();
        let mut f = ContractForm::new(
            "199312282025212001",
            "Dewi",
            first(),
            None,
            date(2026, 1, 5),
            &ui,
        );
        let out = ctrl(&mut f, 's', &ui);
        assert_eq!(
            out,
            Outcome::SaveContract(
                "199312282025212001".into(),
                None,
                Box::new(Contract {
                    mulai: date(2026, 3, 1),
                    selesai: date(2027, 2, 28),
                    nomor: String::new(),
                })
            )
        );
        assert_eq!(f.revision(), 4);
    }

    #[test]
    fn an_overlapping_contract_is_refused_and_an_edit_replaces_its_own() {
        let ui = Ui::default();
        let mut f = ContractForm::new(
            "199312282025212001",
            "Dewi",
            first(),
            None,
            date(2026, 1, 5),
            &ui,
        );
        f.form.set_text(START, "2026-02-01");
        f.refresh(&ui);
        assert_eq!(f.form.first_problem().map(|p| p.0), Some(START));
        assert_eq!(
            ctrl(&mut f, 's', &ui),
            Outcome::Changed,
            "refused, not saved"
        );
        // The opened contract may be moved over its own days.
        let mut g = ContractForm::new(
            "199312282025212001",
            "Dewi",
            first(),
            Some(date(2025, 3, 1)),
            date(2026, 1, 5),
            &ui,
        );
        g.form.set_text(END, "2030-02-28");
        g.refresh(&ui);
        assert!(g.form.first_problem().is_none());
        match ctrl(&mut g, 's', &ui) {
            Outcome::SaveContract(_, Some(m), c) => {
                assert_eq!(m, date(2025, 3, 1));
                assert_eq!(c.selesai, date(2030, 2, 28));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_contract_shorter_than_a_year_is_noted_not_refused() {
        let ui = Ui::default();
        let mut f = ContractForm::new(
            "199312282025212001",
            "Dewi",
            Contracts::default(),
            None,
            date(2026, 1, 5),
            &ui,
        );
        f.form.set_text(END, "2026-06-30");
        f.refresh(&ui);
        let note = f.form.field(END).note.clone().unwrap_or_default();
        assert!(note.contains(ui.t(T::ContractShort)), "{note}");
        assert!(f.build().is_some());
    }

    #[test]
    fn delete_names_the_contract_opened_at_its_revision() {
        let ui = Ui::default();
        let mut f = ContractForm::new(
            "199312282025212001",
            "Dewi",
            first(),
            Some(date(2025, 3, 1)),
            date(2026, 1, 5),
            &ui,
        );
        ctrl(&mut f, 'd', &ui);
        let out = key(&mut f, KeyCode::Char('y'), &ui);
        assert_eq!(
            out,
            Outcome::DeleteContract("199312282025212001".into(), date(2025, 3, 1), 4)
        );
    }
}
