//! Labels several screens show for the same values: the short predikat codes, a coaching
//! status (word and colour), why someone needs coaching, and the JP targets in force. In
//! the interface language; kept here so that no screen borrows them from another.

use super::Ui;
use super::lang::{Lang, T};
use crate::domain::talent::Potensial;
use crate::domain::training::OrganiserKind;
use crate::domain::{CoachingStatus, Period, PeriodKind, Predikat, Rating};
use crate::views::coaching::Reason;

/// The short code of a predikat for narrow columns: SB, B, BP, K, SK.
pub fn predikat_short(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => "SB",
        Predikat::Baik => "B",
        Predikat::ButuhPerbaikan => "BP",
        Predikat::Kurang => "K",
        Predikat::SangatKurang => "SK",
    }
}

// The domain types' own `label()` stays Indonesian: it is the CSV and export value. The
// functions below are what the screens show. The predikat names (`Sangat Baik` ..
// `Sangat Kurang`) are not translated: they are the regulation's terms (PermenPANRB
// 6/2022) that the SKP documents and the national system print, so an English-reading
// officer still has to recognise them. So are the competency kinds (`teknis`,
// `manajerial`, `sosial kultural`, PermenPANRB 38/2017).

/// A period as the screens show it: `Triwulan III 2026`, in English `Q3 2026` (the
/// profile's trend says `Q3 2026` too), `Annual 2026`, `Month 03/2026`.
pub fn period_text(p: Period, lang: Lang) -> String {
    match lang {
        Lang::Id => p.to_string(),
        Lang::En => match p.kind {
            PeriodKind::Tahunan => format!("Annual {}", p.year),
            PeriodKind::Triwulan(q) => format!("Q{q} {}", p.year),
            PeriodKind::Bulanan(m) => format!("Month {m:02}/{}", p.year),
            PeriodKind::Rentang(a, b) => format!("Months {a:02}-{b:02}/{}", p.year),
        },
    }
}

/// A period kind without its year, for the forms' choice lists: `Triwulan III`, `Q3`.
pub fn period_kind_text(k: PeriodKind, lang: Lang) -> String {
    match Period::new(2000, k) {
        Some(p) => period_text(p, lang)
            .replace(" 2000", "")
            .replace("/2000", ""),
        None => String::new(),
    }
}

/// A rating (Hasil Kerja, Perilaku Kerja, an aspect, a unit's rating) in the interface
/// language: `Di Atas Ekspektasi`, `Above expectations`.
pub fn rating_text(r: Rating, lang: Lang) -> &'static str {
    match (lang, r) {
        (Lang::Id, _) => r.label(),
        (Lang::En, Rating::DiAtas) => "Above expectations",
        (Lang::En, Rating::Sesuai) => "As expected",
        (Lang::En, Rating::DiBawah) => "Below expectations",
    }
}

/// A rating in at most 8 columns, the 9-box's row heads: `Di Atas`, `Above`.
pub fn rating_short(r: Rating, lang: Lang) -> &'static str {
    match (lang, r) {
        (Lang::Id, Rating::DiAtas) => "Di Atas",
        (Lang::Id, Rating::Sesuai) => "Sesuai",
        (Lang::Id, Rating::DiBawah) => "Di Bawah",
        (Lang::En, Rating::DiAtas) => "Above",
        (Lang::En, Rating::Sesuai) => "Expected",
        (Lang::En, Rating::DiBawah) => "Below",
    }
}

/// A potensial in the interface language: `rendah`, `low`.
pub fn potensial_text(p: Potensial, lang: Lang) -> &'static str {
    match (lang, p) {
        (Lang::Id, _) => p.label(),
        (Lang::En, Potensial::Rendah) => "low",
        (Lang::En, Potensial::Menengah) => "medium",
        (Lang::En, Potensial::Tinggi) => "high",
    }
}

/// A 9-box column head: `potensial rendah`, `low potential`.
pub fn potensial_head(p: Potensial, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("potensial {}", p.label()),
        Lang::En => format!("{} potential", potensial_text(p, lang)),
    }
}

/// A partner's (organiser's) kind: `Pemerintah`, `Government`; `BUMN/BUMD` is kept, the
/// Indonesian name of state- and region-owned enterprises.
pub fn organiser_text(k: OrganiserKind, lang: Lang) -> &'static str {
    match (lang, k) {
        (Lang::Id, _) => k.label(),
        (Lang::En, OrganiserKind::Pemerintah) => "Government",
        (Lang::En, OrganiserKind::Swasta) => "Private",
        (Lang::En, OrganiserKind::BumnBumd) => "BUMN/BUMD",
    }
}

/// A training's status: `selesai`, `completed`.
pub fn training_status_text(s: crate::domain::TrainingStatus, lang: Lang) -> &'static str {
    use crate::domain::TrainingStatus as S;
    match (lang, s) {
        (Lang::Id, _) => s.label(),
        (Lang::En, S::Rencana) => "planned",
        (Lang::En, S::Berlangsung) => "ongoing",
        (Lang::En, S::Selesai) => "completed",
    }
}

/// Where a potensial comes from: `penilaian atasan`, `superior's judgement`.
pub fn potensial_source_text(
    s: crate::domain::talent::PotensialSource,
    lang: Lang,
) -> &'static str {
    use crate::domain::talent::PotensialSource as P;
    match (lang, s) {
        (Lang::Id, _) => s.label(),
        (Lang::En, P::AssessmentCentre) => "assessment centre",
        (Lang::En, P::UjiKompetensi) => "competency test",
        (Lang::En, P::PenilaianAtasan) => "superior's judgement",
    }
}

/// A coaching status in the interface language.
pub fn status_text(s: CoachingStatus, ui: &Ui) -> &'static str {
    ui.t(match s {
        CoachingStatus::Missing => T::CoachMissing,
        CoachingStatus::Overdue => T::CoachOverdue,
        CoachingStatus::Open => T::CoachOpen,
        CoachingStatus::Closed => T::CoachClosedStatus,
    })
}

/// Missing and overdue in the error colour, closed as done, open plain.
pub fn status_style(s: CoachingStatus, ui: &Ui) -> ratatui::style::Style {
    match s {
        CoachingStatus::Missing | CoachingStatus::Overdue => ui.theme.error(),
        CoachingStatus::Closed => ui.theme.ok(),
        CoachingStatus::Open => ratatui::style::Style::new(),
    }
}

/// Why someone needs coaching, in the interface language.
pub fn reason_text(r: &Reason, ui: &Ui) -> String {
    match r {
        Reason::Predikat(p) => format!("{} {}", ui.t(T::ReasonPredikat), p.label()),
        // Which target flagged the person: the part due by today, or the whole year's.
        Reason::BelowJp {
            jp,
            target,
            year_target,
        } if target < year_target => format!(
            "{jp} / {target} {} ({year_target}/{})",
            ui.t(T::ReasonJpToday),
            ui.t(T::ReasonJpYear)
        ),
        Reason::BelowJp { jp, target, .. } => {
            format!(
                "{jp} / {target} {} {}",
                ui.t(T::ReasonJp),
                ui.t(T::ReasonJpYear)
            )
        }
    }
}

/// `target: PNS 20 JP, PPPK -`: which target each kind is held to (a setting).
pub fn targets_note(ui: &Ui) -> String {
    let pppk = match ui.jp.pppk {
        0 => "-".to_string(),
        n => format!("{n} JP"),
    };
    ui.t(T::JpTargetsNote)
        .replace("{pns}", &ui.jp.pns.to_string())
        .replace("{pppk}", &pppk)
}

/// Where an objection (keberatan) stands, in a word: `diajukan`, `dijelaskan`,
/// `diputuskan`; in English `filed`, `explained`, `decided` (issue 19).
pub fn keberatan_status_text(s: crate::domain::KeberatanStatus, ui: &Ui) -> &'static str {
    use crate::domain::KeberatanStatus as S;
    ui.t(match s {
        S::Diajukan => T::KbFiled,
        S::Dijelaskan => T::KbExplained,
        S::Diputuskan => T::KbDecided,
    })
}

/// An amount of angka kredit in the interface language, at most three decimals: `12,5`
/// in Indonesian, `12.5` in English (issue 21).
pub fn kredit_text(k: crate::domain::AngkaKredit, lang: Lang) -> String {
    k.text(if lang == Lang::En { '.' } else { ',' })
}

/// The total toward the next jenjang, a sentence: `Di jenjang Ahli Pertama: 21,094 dari
/// 100 untuk Ahli Muda (kurang 78,906)`, or at the top of the category `Di jenjang
/// Penyelia: 40,5 (jenjang tertinggi)`.
pub fn kredit_total_text(r: &crate::domain::KreditRecord, lang: Lang) -> String {
    let total = kredit_text(r.in_jenjang, lang);
    match (r.next, r.missing()) {
        (Some((next, need)), Some(missing)) => {
            let missing = if missing == crate::domain::AngkaKredit::ZERO {
                T::AkReached.get(lang).to_string()
            } else {
                T::AkMissing
                    .get(lang)
                    .replace("{n}", &kredit_text(missing, lang))
            };
            T::AkInJenjang
                .get(lang)
                .replace("{jenjang}", r.jenjang.label())
                .replace("{total}", &total)
                .replace("{need}", &kredit_text(need, lang))
                .replace("{next}", next.label())
                .replace("{missing}", &missing)
        }
        _ => T::AkInTopJenjang
            .get(lang)
            .replace("{jenjang}", r.jenjang.label())
            .replace("{total}", &total),
    }
}
