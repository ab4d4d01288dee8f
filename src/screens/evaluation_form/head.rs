//! The Hasil Kerja of a unit's head (pimpinan unit kerja): the unit's rating for the
//! period proposes it, and another choice is warned about (SE MenPANRB 3/2023).

use super::{EvaluationForm, HASIL};
use crate::domain::{Period, Rating, Unit, UnitRating, head_hasil_kerja};
use crate::screens::FormSpec;
use crate::ui::Ui;
use crate::ui::lang::T;

impl EvaluationForm {
    /// The unit the person heads (pimpinan unit kerja): its rating for the period proposes
    /// Hasil Kerja, and another choice is warned about (SE MenPANRB 3/2023).
    pub fn set_head_of(&mut self, unit: Option<Unit>, ui: &Ui) {
        self.head_of = unit;
        self.refresh(ui);
    }

    /// For a unit's head: puts the Hasil Kerja that the unit's rating gives into an empty
    /// field of a new evaluation (once per period), and notes beside the field where it
    /// comes from, or that the chosen one differs. A warning only: any rating may be saved.
    pub(super) fn propose_for_head(&mut self, ui: &Ui) {
        let period = self.period();
        let proposal = period.and_then(|p| self.head_proposal(p));
        if self.original.is_none() && self.proposed_for != period {
            // Follow the period while Hasil Kerja is empty or still the earlier proposal;
            // never replace what the officer chose.
            let untouched = self.form.rating(HASIL).is_none() || self.only_proposed();
            if untouched {
                self.form.set_rating(HASIL, proposal.map(|(_, h)| h));
                self.proposed_for = proposal.and(period);
            }
        }
        let Some((_, hasil)) = proposal else {
            self.form.field_mut(HASIL).note = None;
            return;
        };
        // Short enough for the note column: the unit's rating itself is on Laporan.
        let short = match hasil {
            Rating::DiAtas => "Di Atas",
            Rating::Sesuai => "Sesuai",
            Rating::DiBawah => "Di Bawah",
        };
        let note = match self.form.rating(HASIL) {
            Some(chosen) if chosen != hasil => format!("{} {short}", ui.t(T::HeadDiffers)),
            _ => ui.t(T::HeadProposal).to_string(),
        };
        self.form.field_mut(HASIL).note = Some(note);
    }

    /// For a head: the unit's rating of `period` and the Hasil Kerja it gives.
    pub(super) fn head_proposal(&self, period: Period) -> Option<(UnitRating, Rating)> {
        let r = self.head_of.as_ref()?.rating_of(period)?;
        Some((r, head_hasil_kerja(r)))
    }

    /// Whether Hasil Kerja holds only what the unit's rating proposed (not the officer's
    /// own entry, so it does not keep a taken period from opening).
    pub(super) fn only_proposed(&self) -> bool {
        let proposed = self
            .proposed_for
            .and_then(|p| self.head_proposal(p))
            .map(|(_, h)| h);
        proposed.is_some() && self.form.rating(HASIL) == proposed
    }
}
