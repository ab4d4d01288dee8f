//! Keberatan: an objection to an evaluation (PP 30/2019 Pasal 59; DOMAIN.md, The SKP
//! cycle). The employee objects, with reasons, to the atasan pejabat penilai within 14 days
//! of receiving the result; the atasan asks the evaluator for an explanation and decides,
//! finally: the result is kept or changed. The decided result is what the distribution,
//! the 9-box, coaching and promotion use; the original stays in the record.

use super::evaluation::{Evaluation, PersonAtTime};
use super::rating::{Predikat, Rating, predikat};
use super::text::{clean_line, clean_multiline};
use jiff::ToSpan;
use jiff::civil::Date;

/// Days after receiving the result within which an objection is filed (PP 30/2019 Pasal
/// 59 ayat 2: "paling lama 14 (empat belas) hari").
pub const KEBERATAN_DAYS: i32 = 14;

/// What the atasan decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HasilKeputusan {
    /// The evaluator's result stands.
    Tetap,
    /// The result is changed to these ratings.
    Diubah {
        hasil_kerja: Rating,
        perilaku: Rating,
    },
}

/// The atasan's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keputusan {
    pub tanggal: Date,
    /// The atasan pejabat penilai who decided, as they were then.
    pub oleh: PersonAtTime,
    pub hasil: HasilKeputusan,
    pub catatan: String,
}

/// An objection and every step taken on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keberatan {
    pub diajukan: Date,
    pub alasan: String,
    /// The ratings objected to, kept when a decision changes them.
    pub asal_hasil_kerja: Rating,
    pub asal_perilaku: Rating,
    /// The evaluator's explanation (tanggapan pejabat penilai) and its date.
    pub penjelasan: String,
    pub penjelasan_tanggal: Option<Date>,
    pub keputusan: Option<Keputusan>,
}

/// Where an objection stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum KeberatanStatus {
    /// Filed; waiting for the evaluator's explanation.
    Diajukan,
    /// Explained; waiting for the atasan's decision.
    Dijelaskan,
    /// Decided: kept or changed.
    Diputuskan,
}

impl KeberatanStatus {
    /// Stored as positions in this list (the staff summary): it only ever grows at the end.
    pub const ALL: [KeberatanStatus; 3] = [
        KeberatanStatus::Diajukan,
        KeberatanStatus::Dijelaskan,
        KeberatanStatus::Diputuskan,
    ];

    pub fn label(self) -> &'static str {
        match self {
            KeberatanStatus::Diajukan => "Diajukan",
            KeberatanStatus::Dijelaskan => "Dijelaskan",
            KeberatanStatus::Diputuskan => "Diputuskan",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            KeberatanStatus::Diajukan => "diajukan",
            KeberatanStatus::Dijelaskan => "dijelaskan",
            KeberatanStatus::Diputuskan => "diputuskan",
        }
    }
}

/// Why an objection or its decision cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeberatanError {
    #[error("an objection needs its reasons")]
    NoReasons,
    #[error("the evaluation has no date received: record when the employee received it first")]
    NotReceived,
    #[error("an objection cannot be filed before the result was received")]
    BeforeReceived,
    #[error("the decision cannot come before the objection was filed")]
    DecidedBeforeFiled,
    #[error("the person who objected cannot decide their own objection")]
    DecidedByPerson,
    #[error("the decision needs the name of the atasan who made it")]
    NoDecider,
    #[error("the evaluation already has an objection")]
    AlreadyFiled,
}

/// A reason to look twice that does not stop the save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeberatanWarning {
    /// Filed this many days after receiving, past the 14 days.
    Late(i32),
    /// The atasan who decided is also the evaluator (the regulation has the atasan decide
    /// on the evaluator's rating).
    DecidedByEvaluator,
}

/// Days from `received` to `filed` (negative when filed first).
pub fn days_after(received: Date, filed: Date) -> i32 {
    received
        .until((jiff::Unit::Day, filed))
        .map(|s| s.get_days())
        .unwrap_or(i32::MAX)
}

/// The last day an objection to a result received on `received` is in time.
pub fn last_day(received: Date) -> Date {
    received
        .checked_add(KEBERATAN_DAYS.days())
        .unwrap_or(Date::MAX)
}

impl Keberatan {
    /// A new objection to `e`'s current ratings.
    pub fn file(e: &Evaluation, diajukan: Date, alasan: &str) -> Keberatan {
        Keberatan {
            diajukan,
            alasan: alasan.to_string(),
            asal_hasil_kerja: e.hasil_kerja,
            asal_perilaku: e.perilaku,
            penjelasan: String::new(),
            penjelasan_tanggal: None,
            keputusan: None,
        }
    }

    pub fn status(&self) -> KeberatanStatus {
        match (&self.keputusan, self.penjelasan.trim().is_empty()) {
            (Some(_), _) => KeberatanStatus::Diputuskan,
            (None, false) => KeberatanStatus::Dijelaskan,
            (None, true) => KeberatanStatus::Diajukan,
        }
    }

    /// Open until decided.
    pub fn is_open(&self) -> bool {
        self.keputusan.is_none()
    }

    /// The predikat objected to.
    pub fn asal_predikat(&self) -> Predikat {
        predikat(self.asal_hasil_kerja, self.asal_perilaku)
    }

    /// The record with its texts cleaned of control characters.
    pub fn cleaned(mut self) -> Keberatan {
        self.alasan = clean_multiline(&self.alasan);
        self.penjelasan = clean_multiline(&self.penjelasan);
        if let Some(k) = &mut self.keputusan {
            k.oleh = k.oleh.clone().cleaned();
            k.catatan = clean_multiline(&k.catatan);
        }
        self
    }

    /// Checks the objection on `e` of the person with NIP digits `person`: refusals as
    /// errors, the rest as warnings (PP 30/2019 Pasal 59: 14 days; the atasan decides, so a
    /// decision by the person is refused and one by the evaluator is a warning).
    pub fn validate(
        &self,
        e: &Evaluation,
        person: &str,
    ) -> Result<Vec<KeberatanWarning>, KeberatanError> {
        if self.alasan.trim().is_empty() {
            return Err(KeberatanError::NoReasons);
        }
        let Some(received) = e.diterima else {
            return Err(KeberatanError::NotReceived);
        };
        let days = days_after(received, self.diajukan);
        if days < 0 {
            return Err(KeberatanError::BeforeReceived);
        }
        let mut warnings = Vec::new();
        if days > KEBERATAN_DAYS {
            warnings.push(KeberatanWarning::Late(days));
        }
        if let Some(k) = &self.keputusan {
            if k.oleh.nama.trim().is_empty() {
                return Err(KeberatanError::NoDecider);
            }
            if k.tanggal < self.diajukan {
                return Err(KeberatanError::DecidedBeforeFiled);
            }
            if k.oleh.nip.as_ref().is_some_and(|n| n.as_str() == person) {
                return Err(KeberatanError::DecidedByPerson);
            }
            if e.penilai.as_ref().is_some_and(|p| same_person(p, &k.oleh)) {
                warnings.push(KeberatanWarning::DecidedByEvaluator);
            }
        }
        Ok(warnings)
    }
}

/// Same person by NIP when both have one, else by name (ignoring case and spaces).
pub fn same_person(a: &PersonAtTime, b: &PersonAtTime) -> bool {
    match (&a.nip, &b.nip) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let norm = |s: &str| clean_line(s).trim().to_lowercase();
            !a.nama.trim().is_empty() && norm(&a.nama) == norm(&b.nama)
        }
    }
}

impl Evaluation {
    /// Applies an objection's state to the evaluation: the decided result replaces the
    /// ratings (a decision to keep, or no decision yet, restores the ratings objected to),
    /// while the objection keeps the original. This is how "the decided result is what
    /// distribution, talent, coaching and promotion use" holds for every reader.
    pub fn with_keberatan(mut self, k: Keberatan) -> Evaluation {
        let (h, p) = match k.keputusan.as_ref().map(|d| d.hasil) {
            Some(HasilKeputusan::Diubah {
                hasil_kerja,
                perilaku,
            }) => (hasil_kerja, perilaku),
            _ => (k.asal_hasil_kerja, k.asal_perilaku),
        };
        self.hasil_kerja = h;
        self.perilaku = p;
        self.keberatan = Some(k);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Nip, Period};
    use jiff::civil::date;

    fn evaluation() -> Evaluation {
        Evaluation {
            id: 1,
            period: Period::annual(2025),
            hasil_kerja: Rating::DiBawah,
            perilaku: Rating::Sesuai,
            berakhlak: Default::default(),
            penilai: Some(PersonAtTime::named("Bu Penilai", None)),
            atasan_penilai: Some(PersonAtTime::named("Pak Atasan", None)),
            catatan: String::new(),
            diterima: Some(date(2026, 1, 10)),
            pegawai: None,
            keberatan: None,
            revision: 1,
        }
    }

    fn decided(by: &str, hasil: HasilKeputusan) -> Keputusan {
        Keputusan {
            tanggal: date(2026, 2, 1),
            oleh: PersonAtTime::named(by, None),
            hasil,
            catatan: String::new(),
        }
    }

    #[test]
    fn the_fourteenth_day_is_in_time_and_the_fifteenth_is_late() {
        let e = evaluation();
        assert_eq!(last_day(date(2026, 1, 10)), date(2026, 1, 24));
        let on_time = Keberatan::file(&e, date(2026, 1, 24), "Target tidak realistis");
        assert_eq!(on_time.validate(&e, "x"), Ok(vec![]));
        let late = Keberatan::file(&e, date(2026, 1, 25), "Target tidak realistis");
        assert_eq!(late.validate(&e, "x"), Ok(vec![KeberatanWarning::Late(15)]));
        let early = Keberatan::file(&e, date(2026, 1, 9), "alasan");
        assert_eq!(early.validate(&e, "x"), Err(KeberatanError::BeforeReceived));
        let mut unreceived = e.clone();
        unreceived.diterima = None;
        assert_eq!(
            on_time.validate(&unreceived, "x"),
            Err(KeberatanError::NotReceived)
        );
        let empty = Keberatan::file(&e, date(2026, 1, 12), " ");
        assert_eq!(empty.validate(&e, "x"), Err(KeberatanError::NoReasons));
    }

    #[test]
    fn the_atasan_decides_not_the_evaluator_and_never_the_person() {
        let e = evaluation();
        let mut k = Keberatan::file(&e, date(2026, 1, 12), "alasan");
        k.keputusan = Some(decided("bu penilai", HasilKeputusan::Tetap));
        assert_eq!(
            k.validate(&e, "x"),
            Ok(vec![KeberatanWarning::DecidedByEvaluator])
        );
        let nip = Nip::parse("199001012015031001").expect("nip");
        let mut by_self = decided("Sendiri", HasilKeputusan::Tetap);
        by_self.oleh.nip = Some(nip.clone());
        k.keputusan = Some(by_self);
        assert_eq!(
            k.validate(&e, nip.as_str()),
            Err(KeberatanError::DecidedByPerson)
        );
        let mut early = decided("Pak Atasan", HasilKeputusan::Tetap);
        early.tanggal = date(2026, 1, 11);
        k.keputusan = Some(early);
        assert_eq!(k.validate(&e, "x"), Err(KeberatanError::DecidedBeforeFiled));
    }

    #[test]
    fn a_changed_decision_replaces_the_result_and_keeps_the_original() {
        let e = evaluation();
        assert_eq!(e.predikat(), Predikat::ButuhPerbaikan);
        let mut k = Keberatan::file(&e, date(2026, 1, 12), "alasan");
        assert_eq!(k.status(), KeberatanStatus::Diajukan);
        k.penjelasan = "Target sudah disepakati".into();
        assert_eq!(k.status(), KeberatanStatus::Dijelaskan);
        k.keputusan = Some(decided(
            "Pak Atasan",
            HasilKeputusan::Diubah {
                hasil_kerja: Rating::Sesuai,
                perilaku: Rating::Sesuai,
            },
        ));
        let changed = e.clone().with_keberatan(k.clone());
        assert_eq!(changed.predikat(), Predikat::Baik);
        let kept = changed.keberatan.as_ref().expect("objection");
        assert_eq!(kept.asal_predikat(), Predikat::ButuhPerbaikan);
        assert_eq!(kept.status(), KeberatanStatus::Diputuskan);
        // Reopened (decision withdrawn): the original comes back.
        k.keputusan = None;
        assert_eq!(
            changed.with_keberatan(k).predikat(),
            Predikat::ButuhPerbaikan
        );
    }
}
