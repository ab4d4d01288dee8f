//! The potensial form (`T` on a staff record): one person's potensial for a year, with its
//! source and date (PermenPANRB 3/2020, DOMAIN.md "Talent"). Opens on last year's entry if
//! there is one; a year that already has one is replaced on save (the store keeps one per
//! year and audits the change).

use super::{FormSpec, Outcome};
use crate::domain::{Potensial, PotensialSource, PotentialEntry, Potentials, parse_date};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use jiff::civil::Date;

const YEAR: &str = "tahun";
const POTENSIAL: &str = "potensial";
const SOURCE: &str = "sumber";
const DATE: &str = "tanggal";
const ASSESSOR: &str = "penilai";

pub struct PotentialForm {
    pub nip: String,
    /// The person's potentials as the form was opened (their revision guards the save).
    current: Potentials,
    today: Date,
    form: Form,
}

impl PotentialForm {
    pub fn new(
        nip: &str,
        person: &str,
        current: Potentials,
        today: Date,
        ui: &Ui,
    ) -> PotentialForm {
        let year = today.year() - 1;
        let existing = current.of_year(year).cloned();
        let e = existing.as_ref();
        let fields = vec![
            Field::digits(YEAR, ui.t(T::FieldYear), 4, false, &year.to_string()),
            Field::choice(
                POTENSIAL,
                ui.t(T::Potensial),
                Potensial::ALL
                    .iter()
                    .map(|p| crate::ui::labels::potensial_text(*p, ui.lang).to_string())
                    .collect(),
                e.and_then(|e| Potensial::ALL.iter().position(|p| *p == e.potensial)),
            ),
            Field::choice(
                SOURCE,
                ui.t(T::PotensialSourceField),
                PotensialSource::ALL
                    .iter()
                    .map(|p| p.label().to_string())
                    .collect(),
                e.and_then(|e| PotensialSource::ALL.iter().position(|p| *p == e.source)),
            ),
            Field::text(
                DATE,
                ui.t(T::PotensialDate),
                10,
                &e.map_or(String::new(), |e| crate::domain::format_date(e.date)),
            )
            .width(12),
            Field::text(
                ASSESSOR,
                ui.t(T::PotensialAssessor),
                100,
                e.map_or("", |e| e.assessor.as_str()),
            )
            .width(40),
        ];
        let title = format!("{}: {}", ui.t(T::PotensialTitle), fit(ui, person, 40));
        let mut form = PotentialForm {
            nip: nip.to_string(),
            current,
            today,
            form: Form::new(title, fields, existing.is_none()),
        };
        form.form.focus_first_empty();
        form.refresh(ui);
        form
    }

    /// The revision the save must match.
    pub fn revision(&self) -> u64 {
        self.current.revision
    }

    fn year(&self) -> Option<i16> {
        self.form
            .text(YEAR)
            .trim()
            .parse::<i16>()
            .ok()
            .filter(|y| (1900..=2999).contains(y))
    }

    fn problems(&self, ui: &Ui) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.year().is_none() {
            out.push((YEAR, ui.t(T::ErrPeriod).to_string()));
        }
        if self.form.choice(POTENSIAL).is_none() {
            out.push((POTENSIAL, ui.t(T::NotChosen).to_string()));
        }
        if self.form.choice(SOURCE).is_none() {
            out.push((SOURCE, ui.t(T::NotChosen).to_string()));
        }
        match parse_date(&self.form.text(DATE)) {
            None => {
                let text = self.form.text(DATE);
                let why = if text.trim().is_empty() {
                    T::Required
                } else if crate::domain::looks_like_date(&text) {
                    T::ErrNoSuchDate
                } else {
                    T::ErrDate
                };
                out.push((DATE, ui.t(why).to_string()));
            }
            Some(d) if d > self.today => out.push((DATE, ui.t(T::ErrFutureDate).to_string())),
            Some(d) => {
                if let Some(y) = self.year()
                    && (i32::from(d.year()) - i32::from(y)).abs() > 1
                {
                    out.push((DATE, ui.t(T::ErrPotensialDateFar).to_string()));
                }
            }
        }
        out
    }
}

/// The draft's name of a person's potensial form, after the officer's prefix.
pub fn draft_name(nip: &str) -> String {
    format!("potensial/{nip}")
}

impl FormSpec for PotentialForm {
    type Record = PotentialEntry;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::PotensialTitle
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip)
    }

    fn revision(&self) -> u64 {
        self.current.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.current.revision = revision;
    }

    /// Notes an existing potensial of the typed year (saving replaces it).
    fn refresh(&mut self, ui: &Ui) {
        let note = self.year().and_then(|y| self.current.of_year(y)).map(|e| {
            format!(
                "{} {}",
                ui.t(T::PotensialReplaces),
                crate::ui::labels::potensial_text(e.potensial, ui.lang)
            )
        });
        self.form.field_mut(YEAR).note = note;
        let problems = self.problems(ui);
        self.form.set_problems(problems);
    }

    /// The entry the fields describe, or `None` while a field is missing or wrong.
    fn build(&self) -> Option<PotentialEntry> {
        let entry = PotentialEntry {
            year: self.year()?,
            potensial: *Potensial::ALL.get(self.form.choice(POTENSIAL)?)?,
            source: *PotensialSource::ALL.get(self.form.choice(SOURCE)?)?,
            date: parse_date(&self.form.text(DATE))?,
            assessor: self.form.text(ASSESSOR),
        };
        entry.validate(self.today).ok()?;
        Some(entry)
    }

    fn save_outcome(&self, entry: PotentialEntry) -> Outcome {
        Outcome::SavePotential(self.nip.clone(), Box::new(entry))
    }
}
