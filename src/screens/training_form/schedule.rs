//! When and how long: the dates, the JP (typed, or from the hours), and the status, which
//! follows the dates until the officer chooses one.

use super::{END, HOURS, JP, START, STATUS, TrainingForm};
use crate::domain::training::{jp_from_hours, validate_jp};
use crate::domain::{TrainingStatus, parse_date};
use crate::ui::Ui;
use crate::ui::lang::T;
use jiff::civil::Date;

/// The status the dates give on `today`: not started, running, or over.
pub fn status_from_dates(start: Date, end: Date, today: Date) -> TrainingStatus {
    if today < start {
        TrainingStatus::Rencana
    } else if today <= end {
        TrainingStatus::Berlangsung
    } else {
        TrainingStatus::Selesai
    }
}

impl TrainingForm {
    /// The JP the form gives: typed, or from the hours.
    pub(super) fn jp_value(&self) -> Result<u16, T> {
        let jp = self.form.text(JP);
        let jp = jp.trim();
        if !jp.is_empty() {
            return jp
                .parse::<u32>()
                .ok()
                .and_then(|n| validate_jp(n).ok())
                .ok_or(T::ErrJp);
        }
        let hours = self.form.text(HOURS).trim().replace(',', ".");
        match hours.parse::<f64>() {
            Ok(h) => validate_jp(jp_from_hours(h)).map_err(|_| T::ErrJp),
            Err(_) => Err(T::ErrJp),
        }
    }

    pub(super) fn dates(&self) -> (Option<Date>, Option<Date>) {
        (
            parse_date(&self.form.text(START)),
            parse_date(&self.form.text(END)),
        )
    }

    /// The status as the dates give it (until chosen), and the JP the hours make.
    pub(super) fn schedule_notes(&mut self, ui: &Ui) {
        if !self.status_set
            && let (Some(s), Some(e)) = self.dates()
        {
            let st = status_from_dates(s, e, self.today);
            let i = TrainingStatus::ALL.iter().position(|x| *x == st);
            self.form.set_choice(STATUS, i);
        }
        self.form.field_mut(STATUS).note =
            (!self.status_set).then(|| ui.t(T::FromDates).to_string());
        // Hours typed without JP: the JP they make.
        self.form.field_mut(HOURS).note = match self.jp_value() {
            Ok(jp) if self.form.text(JP).trim().is_empty() => Some(format!("= {jp} JP")),
            _ => None,
        };
    }

    /// Dates missing, wrong or in the wrong order; the JP; a status the dates contradict.
    pub(super) fn schedule_problems(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        let (start, end) = self.dates();
        let date_problem = |id: &str| {
            if self.form.text(id).trim().is_empty() {
                ui.t(T::Required).to_string()
            } else if crate::domain::looks_like_date(&self.form.text(id)) {
                ui.t(T::ErrNoSuchDate).to_string()
            } else {
                ui.t(T::ErrDate).to_string()
            }
        };
        if start.is_none() {
            out.push((START, date_problem(START)));
        }
        match (start, end) {
            (_, None) => out.push((END, date_problem(END))),
            (Some(s), Some(e)) if e < s => out.push((END, ui.t(T::ErrEndBeforeStart).to_string())),
            _ => {}
        }
        if let Err(t) = self.jp_value() {
            out.push((JP, ui.t(t).to_string()));
        }
        let status = self
            .form
            .choice(STATUS)
            .and_then(|i| TrainingStatus::ALL.get(i).copied());
        match (status, start, end) {
            (None, _, _) => out.push((STATUS, ui.t(T::NotChosen).to_string())),
            (Some(TrainingStatus::Selesai), _, Some(e)) if e > self.today => {
                out.push((STATUS, ui.t(T::ErrDoneBeforeEnd).to_string()))
            }
            (Some(TrainingStatus::Berlangsung), Some(s), _) if s > self.today => {
                out.push((STATUS, ui.t(T::ErrRunningBeforeStart).to_string()))
            }
            _ => {}
        }
    }
}
