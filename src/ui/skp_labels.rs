//! The SKP's terms as the screens and the profile show them, in the interface language. The domain types'
//! own `label()` stays Indonesian (the CSV and export value); under `--lang en` these are
//! English, as `ui::labels` does for the ratings and periods.

use crate::domain::{Aspek, JenisRhk, Pendekatan, SkpForm, SkpStatus, format_date};
use crate::ui::lang::Lang;

pub fn jenis_text(j: JenisRhk, lang: Lang) -> &'static str {
    match (lang, j) {
        (Lang::Id, _) => j.label(),
        (Lang::En, JenisRhk::Utama) => "Main",
        (Lang::En, JenisRhk::Tambahan) => "Additional",
    }
}

pub fn aspek_text(a: Aspek, lang: Lang) -> &'static str {
    match (lang, a) {
        (Lang::Id, _) => a.label(),
        (Lang::En, Aspek::Kuantitas) => "Quantity",
        (Lang::En, Aspek::Kualitas) => "Quality",
        (Lang::En, Aspek::Waktu) => "Time",
        (Lang::En, Aspek::Biaya) => "Cost",
    }
}

pub fn pendekatan_text(p: Pendekatan, lang: Lang) -> &'static str {
    match (lang, p) {
        (Lang::Id, _) => p.label(),
        (Lang::En, Pendekatan::Kuantitatif) => "Quantitative",
        (Lang::En, Pendekatan::Kualitatif) => "Qualitative",
    }
}

pub fn form_text(f: SkpForm, lang: Lang) -> &'static str {
    match (lang, f) {
        (Lang::Id, _) => f.label(),
        (Lang::En, SkpForm::Jpt) => "JPT",
        (Lang::En, SkpForm::AdministrasiFungsional) => "Administrative and functional",
    }
}

/// `Draf`, `Ditetapkan 2026-01-05` (`Draft`, `Set 2026-01-05`).
pub fn status_text(s: SkpStatus, lang: Lang) -> String {
    match (lang, s) {
        (_, SkpStatus::Draft) => status_word(s, lang).to_string(),
        (Lang::Id, SkpStatus::Ditetapkan(d)) => format!("Ditetapkan {}", format_date(d)),
        (Lang::En, SkpStatus::Ditetapkan(d)) => format!("Set {}", format_date(d)),
    }
}

/// The span of an SKP: `2026` for a whole year, else `2026-06-01 s/d 2026-12-31`.
pub fn span_text(mulai: jiff::civil::Date, selesai: jiff::civil::Date, lang: Lang) -> String {
    let whole = (mulai.month(), mulai.day(), selesai.month(), selesai.day()) == (1, 1, 12, 31)
        && mulai.year() == selesai.year();
    if whole {
        return mulai.year().to_string();
    }
    let to = match lang {
        Lang::Id => "s/d",
        Lang::En => "to",
    };
    format!("{} {to} {}", format_date(mulai), format_date(selesai))
}

/// The form kind in a narrow column: `JPT`, `Adm-Fungs` (`Adm-Func`).
pub fn form_short(f: SkpForm, lang: Lang) -> &'static str {
    match (lang, f) {
        (_, SkpForm::Jpt) => "JPT",
        (Lang::Id, SkpForm::AdministrasiFungsional) => "Adm-Fungs",
        (Lang::En, SkpForm::AdministrasiFungsional) => "Adm-Func",
    }
}

/// The separator between the parts of a line: ` · `, in ASCII ` - `.
pub fn dot(ui: &crate::ui::Ui) -> &'static str {
    ui.theme.sym(" · ", " - ")
}

/// The status in a narrow column: `Draf`, `Ditetapkan` (`Draft`, `Set`), without its
/// date. Indonesian writes `draf` (KBBI), as the messages do; the domain's `label()` keeps
/// `Draft`, the value exports and imports read.
pub fn status_word(s: SkpStatus, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::Id, SkpStatus::Draft) => "Draf",
        (Lang::En, SkpStatus::Draft) => "Draft",
        (Lang::Id, SkpStatus::Ditetapkan(_)) => "Ditetapkan",
        (Lang::En, SkpStatus::Ditetapkan(_)) => "Set",
    }
}

/// Why an SKP cannot be saved, in the interface language, naming the RHK and indicator.
pub fn skp_error_text(ui: &crate::ui::Ui, e: &crate::domain::SkpError) -> String {
    use crate::domain::SkpError as E;
    use crate::ui::lang::T;
    match e {
        E::BadSpan => ui.t(T::SkpErrSpan).to_string(),
        E::NoEvaluator => ui.t(T::ErrNoEvaluator).to_string(),
        E::EvaluatorIsPerson => ui.t(T::ErrSelfEvaluation).to_string(),
        E::AtasanIsPerson => ui.t(T::ErrSelfAtasan).to_string(),
        E::EmptyRhk(r) => format!("RHK {r}: {}", ui.t(T::Required)),
        E::EmptyIndikator(r, i) => format!("RHK {r} IKI {i}: {}", ui.t(T::Required)),
        E::TextTarget(r, i) => format!("RHK {r} IKI {i}: {}", ui.t(T::SkpErrTargetNumber)),
    }
}
