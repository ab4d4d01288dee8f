//! Who evaluates: the evaluator suggested from the staff (the latest one while the field
//! is empty), their NIP filled when taken, the atasan, and what is wrong with either.

use super::{ATASAN, ATASAN_NIP, EVALUATOR, EVALUATOR_NIP, EvaluationForm, HASIL};
use crate::domain::text::clean_line;
use crate::domain::{EmploymentKind, Nip, NipError, PersonAtTime};
use crate::screens::FormSpec;
use crate::ui::Ui;
use crate::ui::errors::nip_error_text;
use crate::ui::lang::T;

impl EvaluationForm {
    /// Offers this evaluator while the field is empty (the person's latest one).
    pub fn set_last_evaluator(&mut self, e: Option<PersonAtTime>, ui: &Ui) {
        self.last_evaluator = e;
        self.refresh(ui);
    }

    /// The evaluator and the atasan as saved: each a name, a NIP or both, or none.
    pub(super) fn evaluators(&self) -> (Option<PersonAtTime>, Option<PersonAtTime>) {
        let who = |nip: Option<Nip>, nama: String| {
            (nip.is_some() || !nama.is_empty()).then_some(PersonAtTime {
                nip,
                nama,
                ..Default::default()
            })
        };
        let penilai = who(
            self.evaluator_nip().ok().flatten(),
            clean_line(&self.form.text(EVALUATOR)),
        );
        let atasan = who(
            self.nip_of(ATASAN_NIP).ok().flatten(),
            clean_line(&self.form.text(ATASAN)),
        );
        (penilai, atasan)
    }

    /// Puts the suggestion for the evaluator on offer.
    pub(super) fn offer_evaluator(&mut self) {
        self.suggested = self.suggestion();
        self.form.field_mut(EVALUATOR).suggestion = self.suggested.as_ref().map(|(_, n)| n.clone());
    }

    /// The suggestion for the evaluator field: the latest evaluator while it is empty, else
    /// the first person whose name or NIP contains what is typed; as (the NIP spaced the
    /// way of the person's kind, name).
    pub(super) fn suggestion(&self) -> Option<(String, String)> {
        let typed = self.form.text(EVALUATOR);
        let q = typed.trim().to_lowercase();
        if q.is_empty() {
            return self.last_evaluator.as_ref().map(|e| {
                (
                    e.nip.as_ref().map_or(String::new(), |n| n.to_string()),
                    e.nama.clone(),
                )
            });
        }
        if q.chars().count() < 2 {
            return None;
        }
        let digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
        self.people
            .iter()
            .find(|c| {
                c.nip != self.nip
                    && (c.lower.contains(&q) || (!digits.is_empty() && c.nip.starts_with(&digits)))
            })
            .map(|c| (c.nip_spaced(), c.name.clone()))
    }

    /// The evaluator taken: their NIP too, and with Enter on to the ratings (the atasan is
    /// optional).
    pub(super) fn take_evaluator(&mut self) {
        if let Some((spaced, _)) = &self.suggested {
            self.form.set_text(EVALUATOR_NIP, spaced);
        }
        if self.form.focus_id() == EVALUATOR_NIP
            && !self.form.text(EVALUATOR_NIP).is_empty()
            && self.form.rating(HASIL).is_none()
        {
            self.form.focus_on(HASIL);
        }
    }

    pub(super) fn evaluator_nip(&self) -> Result<Option<Nip>, NipError> {
        self.nip_of(EVALUATOR_NIP)
    }

    /// A NIP field: empty, a PNS NIP, or failing that an NI PPPK.
    pub(super) fn nip_of(&self, field: &str) -> Result<Option<Nip>, NipError> {
        let text = self.form.text(field);
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Nip::parse(text)
            .or_else(|e| Nip::parse_as(text, EmploymentKind::Pppk).map_err(|_| e))
            .map(Some)
    }

    /// The evaluator's name, and NIPs that are wrong or the person's own.
    pub(super) fn people_problems(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        // A name always (DOMAIN.md: the regulation's form marks only the NIP optional).
        if clean_line(&self.form.text(EVALUATOR)).is_empty() {
            out.push((EVALUATOR, ui.t(T::ErrNoEvaluator).to_string()));
        }
        match self.evaluator_nip() {
            Err(e) => out.push((EVALUATOR_NIP, nip_error_text(ui, &e))),
            Ok(Some(n)) if n.as_str() == self.nip => {
                out.push((EVALUATOR_NIP, ui.t(T::ErrSelfEvaluation).to_string()))
            }
            _ => {}
        }
        match self.nip_of(ATASAN_NIP) {
            Err(e) => out.push((ATASAN_NIP, nip_error_text(ui, &e))),
            Ok(Some(n)) if n.as_str() == self.nip => {
                out.push((ATASAN_NIP, ui.t(T::ErrSelfAtasan).to_string()))
            }
            _ => {}
        }
    }

    /// The atasan decides an objection to the evaluator's rating: the same person for both
    /// is allowed, but said.
    pub(super) fn note_same_atasan(&mut self, ui: &Ui) {
        let same = {
            let ev = clean_line(&self.form.text(EVALUATOR));
            let at = clean_line(&self.form.text(ATASAN));
            let nips = (
                self.evaluator_nip().ok().flatten(),
                self.nip_of(ATASAN_NIP).ok().flatten(),
            );
            match nips {
                (Some(a), Some(b)) => a == b,
                _ => !ev.is_empty() && ev.eq_ignore_ascii_case(&at),
            }
        };
        self.form.field_mut(ATASAN).note = same.then(|| ui.t(T::WarnEvaluatorIsAtasan).to_string());
    }
}

/// A NIP as its field shows it: spaced, or empty.
pub(super) fn nip_text(who: Option<&PersonAtTime>) -> String {
    who.and_then(|p| p.nip.as_ref())
        .map_or(String::new(), |n| n.to_string())
}
