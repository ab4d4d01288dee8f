//! The period of an evaluation: which one a new form proposes, the choice of kinds,
//! whether the period can be evaluated (a period, not in the future, not before the
//! appointment, not evaluated already) and the question a period not ended yet asks once.

use super::{EvaluationForm, HASIL, KIND, YEAR};
use crate::domain::{Nip, Period, PeriodKind};
use crate::screens::{FormSpec, Outcome};
use crate::ui::Ui;
use crate::ui::lang::T;
use jiff::civil::Date;

/// What a new evaluation most likely is for: last year's annual one, else the newest
/// quarter that has started, else this year's annual one; the first not yet evaluated.
pub(super) fn default_period(taken: &[(Period, u32)], today: Date) -> Option<Period> {
    let y = today.year();
    let mut candidates = vec![Period::annual(y - 1)];
    candidates.extend(
        (1..=4u8)
            .rev()
            .filter_map(|q| Period::new(y, PeriodKind::Triwulan(q))),
    );
    candidates.push(Period::annual(y));
    candidates
        .into_iter()
        .filter(|p| !p.is_future(today))
        .find(|p| !taken.iter().any(|(t, _)| t == p))
}

/// Period kinds in the order of the choice: annual, four quarters, twelve months (the
/// spans of the person's part-year SKPs follow, see `set_skps`).
pub(super) fn period_kinds() -> Vec<PeriodKind> {
    let mut v = vec![PeriodKind::Tahunan];
    v.extend((1..=4).map(PeriodKind::Triwulan));
    v.extend((1..=12).map(PeriodKind::Bulanan));
    v
}

pub(super) fn kind_label(k: PeriodKind, lang: crate::ui::lang::Lang) -> String {
    crate::ui::labels::period_kind_text(k, lang)
}

impl EvaluationForm {
    /// The person's NIP, so a period before the appointment is refused.
    pub fn set_person_nip(&mut self, nip: Nip, ui: &Ui) {
        self.person_nip = Some(nip);
        self.refresh(ui);
    }

    /// This form was opened in place of a new one for a period already evaluated.
    pub fn mark_reopened(&mut self, ui: &Ui) {
        self.form.notice = Some(ui.t(T::PeriodOpened).to_string());
    }

    /// A new evaluation for a period already evaluated, with nothing else entered: that
    /// evaluation, to open instead (with something entered, saving is refused and the
    /// problem says why: nothing typed is thrown away).
    pub(super) fn taken_to_open(&self) -> Option<u32> {
        if !self.is_new() || self.has_entries() {
            return None;
        }
        let period = self.period()?;
        self.taken
            .iter()
            .find(|(p, _)| *p == period)
            .map(|(_, id)| *id)
    }

    /// What a period that may be complete now asks: to open its evaluation, if taken.
    pub(super) fn open_taken(&self) -> Outcome {
        match self.taken_to_open() {
            Some(id) => Outcome::OpenEvaluation(self.nip.clone(), Some(id)),
            None => Outcome::Changed,
        }
    }

    pub(super) fn period(&self) -> Option<Period> {
        let year = self.form.text(YEAR).trim().parse::<i16>().ok()?;
        let kind = self
            .form
            .choice(KIND)
            .and_then(|i| self.kinds.get(i).copied())?;
        Period::new(year, kind)
    }

    /// Whether anything besides the period was entered.
    pub(super) fn has_entries(&self) -> bool {
        let proposed = self.only_proposed();
        self.form.values().iter().any(|(id, v)| {
            id != YEAR && id != KIND && !(proposed && id == HASIL) && !v.trim().is_empty()
        })
    }

    /// What keeps the period from being evaluated: not a period, in the future, before the
    /// appointment, or evaluated already.
    pub(super) fn period_problems(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        match self.period() {
            None => out.push((YEAR, ui.t(T::ErrPeriod).to_string())),
            Some(period) if period.is_future(self.today) => {
                out.push((KIND, ui.t(T::ErrFuturePeriod).to_string()))
            }
            Some(period)
                if self
                    .person_nip
                    .as_ref()
                    .is_some_and(|n| period.before_appointment(n)) =>
            {
                out.push((KIND, ui.t(T::ErrBeforeAppointment).to_string()))
            }
            Some(period) => {
                if let Some((_, id)) = self
                    .taken
                    .iter()
                    .find(|(p, id)| *p == period && Some(*id) != self.id())
                {
                    let text = if self.is_new() && self.has_entries() {
                        ui.t(T::PeriodTakenTyped).to_string()
                    } else {
                        format!("{} ({id})", ui.t(T::ErrPeriodTaken))
                    };
                    out.push((KIND, text));
                }
            }
        }
    }

    /// DOMAIN.md: a period not ended yet is unusual: asked once, when all else is right.
    pub(super) fn provisional_problem(&self, ui: &Ui, out: &mut Vec<(&'static str, String)>) {
        if out.is_empty()
            && let Some(period) = self.period()
            && period.is_provisional(self.today)
            && self.provisional_ok != Some(period)
        {
            out.push((KIND, ui.t(T::ConfirmProvisional).to_string()));
        }
    }

    /// A period not ended yet is asked about once: a second Ctrl-S while the question is
    /// on screen is the yes.
    pub(super) fn confirm_provisional(&mut self, ui: &Ui) {
        if self.provisional_asked.is_some() && self.provisional_asked == self.period() {
            self.provisional_ok = self.provisional_asked;
        }
        self.refresh(ui);
        let asking = self
            .form
            .first_problem()
            .is_some_and(|(_, text)| text.as_str() == ui.t(T::ConfirmProvisional));
        self.provisional_asked = if asking { self.period() } else { None };
    }
}
