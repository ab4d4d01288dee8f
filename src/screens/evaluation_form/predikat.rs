//! The evaluation form's live predikat: Perilaku Kerja follows the aspects until the
//! officer sets it, and the predikat the matrix gives is shown as the ratings change, with
//! a warning when an annual one is better or worse than every periodic one of its year, or
//! differs from the last periodic one (AKHIR).

use super::{ASPEK_IDS, EvaluationForm, HASIL, PERILAKU, PREDIKAT};
use crate::domain::evaluation::suggest_perilaku;
use crate::domain::{
    AnnualAgainstPeriodic, PenilaianNilai, Period, PeriodKind, Predikat, annual_against_periodic,
    predikat,
};
use crate::screens::FormSpec;
use crate::ui::Ui;
use crate::ui::lang::T;
use ratatui::style::Modifier;

impl EvaluationForm {
    /// The person's periodic evaluations, for the annual form's comparison.
    pub fn set_periodic(&mut self, periodic: Vec<(Period, Predikat)>, ui: &Ui) {
        self.periodic = periodic;
        self.refresh(ui);
    }

    /// Perilaku Kerja as the aspects suggest it, until the officer sets it.
    pub(super) fn follow_aspects(&mut self, ui: &Ui) {
        if !self.perilaku_set {
            let aspects: Vec<PenilaianNilai> = ASPEK_IDS
                .iter()
                .map(|(id, _)| PenilaianNilai {
                    rating: self.form.rating(id),
                    ..Default::default()
                })
                .collect();
            self.form.set_rating(PERILAKU, suggest_perilaku(&aspects));
        }
        // "From the aspects" only while it follows them and they give a value.
        self.form.field_mut(PERILAKU).note = (!self.perilaku_set
            && self.form.rating(PERILAKU).is_some())
        .then(|| ui.t(T::FromAspects).to_string());
    }

    /// The predikat of the ratings chosen so far, into its info field.
    pub(super) fn show_predikat(&mut self, ui: &Ui) {
        let (text, style) = match (self.form.rating(HASIL), self.form.rating(PERILAKU)) {
            (Some(h), Some(p)) => {
                let pr = predikat(h, p);
                (
                    format!("{}{}", pr.label(), self.against_periodic(pr, ui)),
                    ui.theme.predikat(pr).add_modifier(Modifier::BOLD),
                )
            }
            _ => ("-".to_string(), ui.theme.muted()),
        };
        self.form.set_info(PREDIKAT, text, style);
    }

    /// For an annual period: `  ! di atas semua periodik (B B)` when the
    /// predikat is better than every periodic one of its year or worse than all (DOMAIN.md,
    /// a warning only); empty otherwise.
    fn against_periodic(&self, annual: Predikat, ui: &Ui) -> String {
        let Some(period) = self.period().filter(|p| p.kind == PeriodKind::Tahunan) else {
            return String::new();
        };
        let mut of_year: Vec<&(Period, Predikat)> = self
            .periodic
            .iter()
            .filter(|(p, _)| p.year == period.year && p.kind != PeriodKind::Tahunan)
            .collect();
        of_year.sort_by_key(|(p, _)| p.sort_key());
        let periodic: Vec<Predikat> = of_year.iter().map(|(_, p)| *p).collect();
        let text = match annual_against_periodic(annual, &periodic) {
            AnnualAgainstPeriodic::BetterThanAll => T::AnnualAboveShort,
            AnnualAgainstPeriodic::WorseThanAll => T::AnnualBelowShort,
            // Within the periodic ones, yet not the last one (the AKHIR rule).
            _ => {
                return self
                    .akhir_text(ui)
                    .map_or(String::new(), |t| format!("  ! {t}"));
            }
        };
        let shorts: Vec<&str> = periodic
            .iter()
            .map(|p| crate::ui::labels::predikat_short(*p))
            .collect();
        format!("  ! {} ({})", ui.t(text), shorts.join(" "))
    }
}
