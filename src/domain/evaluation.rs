//! An SKP evaluation: period, the two ratings, the seven BerAKHLAK aspects, the evaluator.

use super::nip::Nip;
use super::rating::{Predikat, Rating, predikat};
use super::text::{clean_line, clean_multiline};
use jiff::civil::Date;
use std::fmt;

/// Which part of a year an evaluation covers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum PeriodKind {
    /// The annual, final evaluation.
    Tahunan,
    /// Triwulan I-IV (1 ..= 4).
    Triwulan(u8),
    /// Bulanan, month 1 ..= 12.
    Bulanan(u8),
    /// A span of months (first, last; 1 ..= 12, first before last) for an SKP that covers
    /// part of a year: "1 Juni s/d 31 Desember" (DOMAIN.md, The SKP cycle).
    Rentang(u8, u8),
}

/// An evaluation period of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Period {
    pub year: i16,
    pub kind: PeriodKind,
}

const ROMAN_Q: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    pub fn new(year: i16, kind: PeriodKind) -> Option<Period> {
        let ok = match kind {
            PeriodKind::Tahunan => true,
            PeriodKind::Triwulan(q) => (1..=4).contains(&q),
            PeriodKind::Bulanan(m) => (1..=12).contains(&m),
            PeriodKind::Rentang(a, b) => (1..=12).contains(&a) && (1..=12).contains(&b) && a < b,
        };
        (ok && (1900..=2999).contains(&year)).then_some(Period { year, kind })
    }

    pub fn annual(year: i16) -> Period {
        Period {
            year,
            kind: PeriodKind::Tahunan,
        }
    }

    /// First and last month covered (1-12).
    pub fn months(self) -> (i8, i8) {
        match self.kind {
            PeriodKind::Tahunan => (1, 12),
            PeriodKind::Triwulan(q) => (q as i8 * 3 - 2, q as i8 * 3),
            PeriodKind::Bulanan(m) => (m as i8, m as i8),
            PeriodKind::Rentang(a, b) => (a as i8, b as i8),
        }
    }

    pub fn start(self) -> Date {
        Date::new(self.year, self.months().0, 1).unwrap_or(Date::MIN)
    }

    /// Whether the period ended before the person was appointed (TMT CPNS, or a PPPK's
    /// year of appointment) or born: such an evaluation is impossible (DOMAIN.md,
    /// Evaluations: "An evaluation of a period before the person's appointment (TMT) is
    /// impossible").
    pub fn before_appointment(self, nip: &super::Nip) -> bool {
        let end = (self.year, self.months().1);
        let born = nip.birth_date();
        end < nip.appointed() || end < (born.year(), born.month())
    }

    /// The last day the period covers.
    pub fn end(self) -> Date {
        let (_, last) = self.months();
        Date::new(self.year, last, 1)
            .map(|d| d.last_of_month())
            .unwrap_or(Date::MAX)
    }

    /// A period that has started but not ended on `today`: its evaluation is provisional
    /// (sementara) until the period ends (DOMAIN.md, Evaluations: "An evaluation of a
    /// period that has not ended yet is unusual: ask, and show it as provisional until the
    /// period ends").
    pub fn is_provisional(self, today: Date) -> bool {
        self.end() > today
    }

    /// A period that starts after today cannot be evaluated yet.
    pub fn is_future(self, today: Date) -> bool {
        self.start() > today
    }

    /// Orders periods as a timeline: by last month, then shorter periods first, so a year
    /// reads Jan, Feb, Mar, TW I, ..., Dec, TW IV, Tahunan.
    pub fn sort_key(self) -> (i16, i8, u8) {
        let width = match self.kind {
            PeriodKind::Bulanan(_) => 0,
            PeriodKind::Triwulan(_) => 1,
            PeriodKind::Rentang(..) => 2,
            PeriodKind::Tahunan => 3,
        };
        (self.year, self.months().1, width)
    }

    /// The code used in CSV files: `tahunan`, `triwulan-2`, `bulan-03`.
    pub fn kind_code(self) -> String {
        match self.kind {
            PeriodKind::Tahunan => "tahunan".into(),
            PeriodKind::Triwulan(q) => format!("triwulan-{q}"),
            PeriodKind::Bulanan(m) => format!("bulan-{m:02}"),
            PeriodKind::Rentang(a, b) => format!("bulan-{a:02}-{b:02}"),
        }
    }

    /// Accepts the CSV codes and common spellings: `Triwulan II`, `TW2`, `bulan 3`.
    pub fn parse_kind(s: &str) -> Option<PeriodKind> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if matches!(t.as_str(), "tahunan" | "annual" | "akhir" | "tahun") {
            return Some(PeriodKind::Tahunan);
        }
        let number = |rest: &str| -> Option<u8> {
            rest.parse::<u8>().ok().or_else(|| {
                ROMAN_Q
                    .iter()
                    .position(|r| r.to_lowercase() == rest)
                    .map(|i| i as u8 + 1)
            })
        };
        for prefix in ["triwulan", "tw", "q"] {
            if let Some(rest) = t.strip_prefix(prefix) {
                return number(rest)
                    .filter(|q| (1..=4).contains(q))
                    .map(PeriodKind::Triwulan);
            }
        }
        // A span keeps its separator: `bulan-06-12`, `bulan 6 s/d 12`.
        let span: Vec<u8> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        if let [a, b] = span[..]
            && ["bulan", "rentang", "month", "span"]
                .iter()
                .any(|p| t.starts_with(p))
        {
            return ((1..=12).contains(&a) && (1..=12).contains(&b) && a < b)
                .then_some(PeriodKind::Rentang(a, b));
        }
        for prefix in ["bulanan", "bulan", "month", "m"] {
            if let Some(rest) = t.strip_prefix(prefix) {
                return rest
                    .parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .map(PeriodKind::Bulanan);
            }
        }
        None
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Tahunan => write!(f, "Tahunan {}", self.year),
            PeriodKind::Triwulan(q) => {
                write!(
                    f,
                    "Triwulan {} {}",
                    ROMAN_Q[usize::from(q - 1) % 4],
                    self.year
                )
            }
            PeriodKind::Bulanan(m) => write!(f, "Bulan {:02}/{}", m, self.year),
            PeriodKind::Rentang(a, b) => write!(f, "Bulan {a:02}-{b:02}/{}", self.year),
        }
    }
}

/// The seven BerAKHLAK core values against which Perilaku Kerja is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NilaiBerakhlak {
    BerorientasiPelayanan,
    Akuntabel,
    Kompeten,
    Harmonis,
    Loyal,
    Adaptif,
    Kolaboratif,
}

impl NilaiBerakhlak {
    pub const ALL: [NilaiBerakhlak; 7] = [
        NilaiBerakhlak::BerorientasiPelayanan,
        NilaiBerakhlak::Akuntabel,
        NilaiBerakhlak::Kompeten,
        NilaiBerakhlak::Harmonis,
        NilaiBerakhlak::Loyal,
        NilaiBerakhlak::Adaptif,
        NilaiBerakhlak::Kolaboratif,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NilaiBerakhlak::BerorientasiPelayanan => "Berorientasi Pelayanan",
            NilaiBerakhlak::Akuntabel => "Akuntabel",
            NilaiBerakhlak::Kompeten => "Kompeten",
            NilaiBerakhlak::Harmonis => "Harmonis",
            NilaiBerakhlak::Loyal => "Loyal",
            NilaiBerakhlak::Adaptif => "Adaptif",
            NilaiBerakhlak::Kolaboratif => "Kolaboratif",
        }
    }

    /// The CSV column stem: `berorientasi_pelayanan`, `akuntabel`, ...
    pub fn code(self) -> &'static str {
        match self {
            NilaiBerakhlak::BerorientasiPelayanan => "berorientasi_pelayanan",
            NilaiBerakhlak::Akuntabel => "akuntabel",
            NilaiBerakhlak::Kompeten => "kompeten",
            NilaiBerakhlak::Harmonis => "harmonis",
            NilaiBerakhlak::Loyal => "loyal",
            NilaiBerakhlak::Adaptif => "adaptif",
            NilaiBerakhlak::Kolaboratif => "kolaboratif",
        }
    }
}

/// One aspect's rating with the superior's specific expectation and feedback.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PenilaianNilai {
    pub rating: Option<Rating>,
    pub ekspektasi: String,
    pub umpan_balik: String,
}

/// A person as they were at a time: the pejabat penilai, the atasan or the pegawai named
/// on an SKP or an evaluation, inside the database or not (DOMAIN.md, After the
/// evaluation: "An evaluation keeps who the people were at the time").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonAtTime {
    /// Optional: the regulation's form marks the evaluator's NIP optional, and SIASN allows
    /// a non-ASN evaluator.
    pub nip: Option<Nip>,
    /// Always there for an evaluator.
    pub nama: String,
    /// Pangkat/golongan then, when known.
    pub golongan: Option<super::Golongan>,
    /// Jabatan then (free text, as printed on the form).
    pub jabatan: String,
    /// Unit kerja then (its name).
    pub unit: String,
}

impl PersonAtTime {
    /// A person known by name (and NIP) only.
    pub fn named(nama: &str, nip: Option<Nip>) -> PersonAtTime {
        PersonAtTime {
            nip,
            nama: nama.to_string(),
            ..Default::default()
        }
    }

    /// The record with its texts cleaned of control characters.
    pub fn cleaned(mut self) -> PersonAtTime {
        self.nama = clean_line(&self.nama);
        self.jabatan = clean_line(&self.jabatan);
        self.unit = clean_line(&self.unit);
        self
    }
}

/// One evaluation of one person for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Unique among this person's evaluations; assigned by the store.
    pub id: u32,
    pub period: Period,
    pub hasil_kerja: Rating,
    pub perilaku: Rating,
    pub berakhlak: [PenilaianNilai; 7],
    pub penilai: Option<PersonAtTime>,
    pub atasan_penilai: Option<PersonAtTime>,
    pub catatan: String,
    /// The date the employee received the result: the 14 days for an objection run from it
    /// (PP 30/2019 Pasal 59).
    pub diterima: Option<Date>,
    /// The pegawai as they were for this period (rank, position, unit); `None` in records
    /// made before kinerja kept it.
    pub pegawai: Option<PersonAtTime>,
    /// The objection to this evaluation, if any: with a decision, `hasil_kerja` and
    /// `perilaku` above are the decided result and the objection keeps the original.
    pub keberatan: Option<super::keberatan::Keberatan>,
    /// Bumped by the store on each save; a save with an older one is refused.
    pub revision: u64,
}

/// Why an evaluation cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationError {
    #[error("period {0} has not started yet")]
    FuturePeriod(Period),
    #[error("the evaluator cannot be the person evaluated")]
    SelfEvaluation,
}

impl Evaluation {
    pub fn predikat(&self) -> Predikat {
        predikat(self.hasil_kerja, self.perilaku)
    }

    /// The record with every text field cleaned of control characters.
    pub fn cleaned(mut self) -> Evaluation {
        for a in &mut self.berakhlak {
            a.ekspektasi = clean_multiline(&a.ekspektasi);
            a.umpan_balik = clean_multiline(&a.umpan_balik);
        }
        for e in [
            &mut self.penilai,
            &mut self.atasan_penilai,
            &mut self.pegawai,
        ]
        .into_iter()
        .flatten()
        {
            *e = e.clone().cleaned();
        }
        self.catatan = clean_multiline(&self.catatan);
        self.keberatan = self.keberatan.map(|k| k.cleaned());
        self
    }

    /// Checks the rules that involve the person and today's date.
    pub fn validate(&self, evaluated: &Nip, today: Date) -> Result<(), EvaluationError> {
        if self.period.is_future(today) {
            return Err(EvaluationError::FuturePeriod(self.period));
        }
        let is_self = |e: &Option<PersonAtTime>| {
            e.as_ref()
                .and_then(|e| e.nip.as_ref())
                .is_some_and(|n| n.as_str() == evaluated.as_str())
        };
        if is_self(&self.penilai) {
            return Err(EvaluationError::SelfEvaluation);
        }
        Ok(())
    }
}

/// The Perilaku Kerja rating suggested by the aspects: the most frequent rating, ties going
/// to Sesuai Ekspektasi. `None` when no aspect is rated.
pub fn suggest_perilaku(berakhlak: &[PenilaianNilai]) -> Option<Rating> {
    let mut counts = [0usize; 3];
    for r in berakhlak.iter().filter_map(|a| a.rating) {
        counts[usize::from(r.code() - 1)] += 1;
    }
    let max = *counts.iter().max()?;
    if max == 0 {
        return None;
    }
    let leaders: Vec<Rating> = Rating::ALL
        .into_iter()
        .filter(|r| counts[usize::from(r.code() - 1)] == max)
        .collect();
    Some(if leaders.len() == 1 {
        leaders[0]
    } else {
        Rating::Sesuai
    })
}

/// What is wrong with who an evaluation names (DOMAIN.md, Evaluations: the pejabat penilai's
/// "name is always there"; evaluator and atasan: "Neither may be the person evaluated").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhoProblem {
    NoEvaluator,
    EvaluatorIsPerson,
    AtasanIsPerson,
}

/// The problems of who `e` names, for the person with NIP digits `person`.
pub fn who_problems(e: &Evaluation, person: &str) -> Vec<WhoProblem> {
    let mut out = Vec::new();
    let is_person = |x: &Option<PersonAtTime>| {
        x.as_ref()
            .and_then(|p| p.nip.as_ref())
            .is_some_and(|n| n.as_str() == person)
    };
    if e.penilai.as_ref().is_none_or(|p| p.nama.trim().is_empty()) {
        out.push(WhoProblem::NoEvaluator);
    }
    if is_person(&e.penilai) {
        out.push(WhoProblem::EvaluatorIsPerson);
    }
    if is_person(&e.atasan_penilai) {
        out.push(WhoProblem::AtasanIsPerson);
    }
    out
}

/// Whether the evaluator and the atasan are the same person (by NIP, else by name): allowed,
/// but worth a warning, since the atasan decides an objection to the evaluator's rating.
pub fn evaluator_is_atasan(e: &Evaluation) -> bool {
    match (&e.penilai, &e.atasan_penilai) {
        (Some(p), Some(a)) => match (&p.nip, &a.nip) {
            (Some(x), Some(y)) => x == y,
            _ => !p.nama.trim().is_empty() && p.nama.trim().eq_ignore_ascii_case(a.nama.trim()),
        },
        _ => false,
    }
}

/// How a year's annual predikat stands against that year's periodic (monthly or
/// quarterly) ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualAgainstPeriodic {
    NoPeriodic,
    Within,
    BetterThanAll,
    WorseThanAll,
}

/// DOMAIN.md, Performance: "Periodic evaluations (monthly or quarterly) lead to the annual
/// (final) one". An annual predikat better than every periodic one of its year, or worse
/// than all of them, deserves a second look: a warning, never a refusal.
pub fn annual_against_periodic(annual: Predikat, periodic: &[Predikat]) -> AnnualAgainstPeriodic {
    // Codes run 1 (Sangat Baik) to 5 (Sangat Kurang): smaller is better.
    let best = periodic.iter().map(|p| p.code()).min();
    let worst = periodic.iter().map(|p| p.code()).max();
    match (best, worst) {
        (Some(best), _) if annual.code() < best => AnnualAgainstPeriodic::BetterThanAll,
        (_, Some(worst)) if annual.code() > worst => AnnualAgainstPeriodic::WorseThanAll,
        (Some(_), Some(_)) => AnnualAgainstPeriodic::Within,
        _ => AnnualAgainstPeriodic::NoPeriodic,
    }
}

/// The annual evaluation of `year` among `evaluations`, and how it stands against the
/// periodic ones of that year (see [`annual_against_periodic`]).
pub fn annual_check(
    evaluations: &[Evaluation],
    year: i16,
) -> Option<(Predikat, Vec<Predikat>, AnnualAgainstPeriodic)> {
    let annual = evaluations
        .iter()
        .find(|e| e.period == Period::annual(year))?
        .predikat();
    let mut periodic: Vec<&Evaluation> = evaluations
        .iter()
        .filter(|e| e.period.year == year && e.period.kind != PeriodKind::Tahunan)
        .collect();
    periodic.sort_by_key(|e| e.period.sort_key());
    let periodic: Vec<Predikat> = periodic.iter().map(|e| e.predikat()).collect();
    let check = annual_against_periodic(annual, &periodic);
    Some((annual, periodic, check))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn aspects(ratings: &[Option<Rating>]) -> Vec<PenilaianNilai> {
        ratings
            .iter()
            .map(|r| PenilaianNilai {
                rating: *r,
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn period_kinds_parse_from_common_spellings() {
        assert_eq!(Period::parse_kind("tahunan"), Some(PeriodKind::Tahunan));
        assert_eq!(
            Period::parse_kind("Triwulan II"),
            Some(PeriodKind::Triwulan(2))
        );
        assert_eq!(
            Period::parse_kind("triwulan-4"),
            Some(PeriodKind::Triwulan(4))
        );
        assert_eq!(Period::parse_kind("TW3"), Some(PeriodKind::Triwulan(3)));
        assert_eq!(Period::parse_kind("bulan-03"), Some(PeriodKind::Bulanan(3)));
        assert_eq!(Period::parse_kind("triwulan-5"), None);
        assert_eq!(Period::parse_kind("bulan-13"), None);
    }

    #[test]
    fn kind_codes_parse_back() {
        for kind in [
            PeriodKind::Tahunan,
            PeriodKind::Triwulan(3),
            PeriodKind::Bulanan(11),
        ] {
            let p = Period::new(2025, kind).unwrap();
            assert_eq!(Period::parse_kind(&p.kind_code()), Some(kind));
        }
    }

    #[test]
    fn a_period_that_has_not_started_is_future() {
        let today = date(2025, 4, 10);
        assert!(
            !Period::new(2025, PeriodKind::Triwulan(2))
                .unwrap()
                .is_future(today)
        );
        assert!(
            Period::new(2025, PeriodKind::Triwulan(3))
                .unwrap()
                .is_future(today)
        );
        assert!(!Period::annual(2025).is_future(today));
        assert!(Period::annual(2026).is_future(today));
    }

    #[test]
    fn periods_sort_as_a_timeline() {
        let q1 = Period::new(2025, PeriodKind::Triwulan(1)).unwrap();
        let mar = Period::new(2025, PeriodKind::Bulanan(3)).unwrap();
        let apr = Period::new(2025, PeriodKind::Bulanan(4)).unwrap();
        let year = Period::annual(2025);
        let q4 = Period::new(2025, PeriodKind::Triwulan(4)).unwrap();
        let mut v = vec![year, q4, apr, q1, mar];
        v.sort_by_key(|p| p.sort_key());
        assert_eq!(v, vec![mar, q1, apr, q4, year]);
    }

    #[test]
    fn perilaku_suggestion_is_the_most_frequent_rating() {
        use Rating::*;
        let a = aspects(&[
            Some(DiAtas),
            Some(DiAtas),
            Some(DiAtas),
            Some(Sesuai),
            None,
            None,
            None,
        ]);
        assert_eq!(suggest_perilaku(&a), Some(DiAtas));
        let b = aspects(&[Some(DiBawah), Some(DiBawah), Some(Sesuai)]);
        assert_eq!(suggest_perilaku(&b), Some(DiBawah));
    }

    #[test]
    fn perilaku_ties_go_to_as_expected() {
        use Rating::*;
        let tie = aspects(&[Some(DiAtas), Some(DiBawah)]);
        assert_eq!(suggest_perilaku(&tie), Some(Sesuai));
        let tie3 = aspects(&[
            Some(DiAtas),
            Some(DiAtas),
            Some(DiBawah),
            Some(DiBawah),
            Some(Sesuai),
        ]);
        assert_eq!(suggest_perilaku(&tie3), Some(Sesuai));
        assert_eq!(suggest_perilaku(&aspects(&[None, None])), None);
    }

    /// DOMAIN.md, Evaluations: "a name is always there"; "Neither may be the person
    /// evaluated".
    #[test]
    fn an_evaluation_names_an_evaluator_who_is_not_the_person() {
        let person = "198503302010012002";
        let nip = |s: &str| Some(crate::domain::Nip::parse(s).unwrap());
        let mut e = Evaluation {
            id: 0,
            period: Period::annual(2025),
            hasil_kerja: Rating::Sesuai,
            perilaku: Rating::Sesuai,
            berakhlak: Default::default(),
            penilai: None,
            atasan_penilai: None,
            catatan: String::new(),
            revision: 0,
            diterima: None,
            keberatan: None,
            pegawai: None,
        };
        assert_eq!(who_problems(&e, person), [WhoProblem::NoEvaluator]);
        e.penilai = Some(PersonAtTime {
            nip: nip(person),
            nama: "Rina".into(),
            ..Default::default()
        });
        e.atasan_penilai = Some(PersonAtTime {
            nip: nip(person),
            nama: "Rina".into(),
            ..Default::default()
        });
        assert_eq!(
            who_problems(&e, person),
            [WhoProblem::EvaluatorIsPerson, WhoProblem::AtasanIsPerson]
        );
        assert!(evaluator_is_atasan(&e));
        // A non-ASN evaluator: a name without a NIP is enough.
        e.penilai = Some(PersonAtTime {
            nip: None,
            nama: "Kepala Dinas".into(),
            ..Default::default()
        });
        e.atasan_penilai = None;
        assert!(who_problems(&e, person).is_empty());
    }

    /// DOMAIN.md, Evaluations: "An evaluation of a period before the person's appointment
    /// (TMT) is impossible."
    #[test]
    fn a_period_before_the_appointment_is_impossible() {
        // TMT CPNS 2010-01.
        let pns = crate::domain::Nip::parse("198503302010012002").unwrap();
        assert!(Period::annual(2009).before_appointment(&pns));
        assert!(!Period::annual(2010).before_appointment(&pns));
        assert!(
            Period::new(2009, PeriodKind::Triwulan(4))
                .unwrap()
                .before_appointment(&pns)
        );
        // An NI PPPK appointed in 2025: 2024 is before it.
        let pppk =
            crate::domain::Nip::parse_as("199312282025212001", crate::domain::EmploymentKind::Pppk)
                .unwrap();
        assert!(Period::annual(2024).before_appointment(&pppk));
        assert!(
            !Period::new(2025, PeriodKind::Bulanan(1))
                .unwrap()
                .before_appointment(&pppk)
        );
    }

    #[test]
    fn a_period_not_ended_yet_is_provisional() {
        // DOMAIN.md, Evaluations: show it as provisional until the period ends.
        use jiff::civil::date;
        let today = date(2026, 11, 28);
        assert_eq!(Period::annual(2026).end(), date(2026, 12, 31));
        assert!(Period::annual(2026).is_provisional(today));
        assert!(!Period::annual(2025).is_provisional(today));
        let q4 = Period::new(2026, PeriodKind::Triwulan(4)).unwrap();
        let q3 = Period::new(2026, PeriodKind::Triwulan(3)).unwrap();
        assert!(q4.is_provisional(today) && !q3.is_provisional(today));
        let feb = Period::new(2024, PeriodKind::Bulanan(2)).unwrap();
        assert_eq!(feb.end(), date(2024, 2, 29));
        assert!(!feb.is_provisional(date(2024, 2, 29)));
        assert!(feb.is_provisional(date(2024, 2, 28)));
    }

    /// DOMAIN.md, The SKP cycle: the annual is the final periodic one (TRIWULAN IV -
    /// AKHIR); warn when they differ.
    #[test]
    fn an_annual_that_differs_from_the_last_periodic_evaluation_is_flagged() {
        let e = |kind: PeriodKind, hasil_kerja: Rating| Evaluation {
            id: 0,
            period: Period::new(2025, kind).unwrap(),
            hasil_kerja,
            perilaku: Rating::Sesuai,
            berakhlak: Default::default(),
            penilai: None,
            atasan_penilai: None,
            catatan: String::new(),
            revision: 0,
            diterima: None,
            keberatan: None,
            pegawai: None,
        };
        use PeriodKind::*;
        use Rating::*;
        let q4 = Period::new(2025, Triwulan(4)).unwrap();
        // Baik in the annual, Butuh Perbaikan in quarter IV, whatever came before.
        let year = vec![
            e(Triwulan(3), Sesuai),
            e(Tahunan, Sesuai),
            e(Bulanan(12), Sesuai),
            e(Triwulan(4), DiBawah),
        ];
        assert_eq!(
            akhir_differs(&year, 2025),
            Some((Predikat::Baik, Predikat::ButuhPerbaikan, q4))
        );
        // The same predikat: nothing to say, even if an earlier quarter differs.
        let agree = vec![
            e(Triwulan(1), DiBawah),
            e(Triwulan(4), Sesuai),
            e(Tahunan, Sesuai),
        ];
        assert_eq!(akhir_differs(&agree, 2025), None);
        // Only quarters I to III so far: the last one is quarter III.
        let early = vec![e(Triwulan(3), DiBawah), e(Tahunan, Sesuai)];
        assert_eq!(
            akhir_differs(&early, 2025).map(|x| x.2),
            Period::new(2025, Triwulan(3))
        );
        assert_eq!(akhir_differs(&[e(Tahunan, Sesuai)], 2025), None);
        assert_eq!(akhir_differs(&[e(Triwulan(4), DiBawah)], 2025), None);
        assert_eq!(akhir_differs(&year, 2024), None);
    }

    #[test]
    fn an_annual_predikat_outside_all_periodic_ones_is_flagged() {
        // DOMAIN.md, Performance: periodic evaluations lead to the annual one.
        use AnnualAgainstPeriodic::*;
        use Predikat::*;
        assert_eq!(annual_against_periodic(Baik, &[]), NoPeriodic);
        assert_eq!(
            annual_against_periodic(Baik, &[Baik, ButuhPerbaikan]),
            Within
        );
        assert_eq!(
            annual_against_periodic(SangatBaik, &[Baik, Baik]),
            BetterThanAll
        );
        assert_eq!(
            annual_against_periodic(Kurang, &[Baik, ButuhPerbaikan]),
            WorseThanAll
        );
        assert_eq!(
            annual_against_periodic(SangatBaik, &[SangatBaik, Baik]),
            Within
        );
    }
}

/// The last periodic (monthly, quarterly or part-year) evaluation of `year` among
/// `periods` (period, predikat): the final one ("TRIWULAN IV - AKHIR") the annual result
/// is (DOMAIN.md, The SKP cycle: "the annual result is the final periodic one").
pub fn last_periodic(periods: &[(Period, Predikat)], year: i16) -> Option<(Period, Predikat)> {
    periods
        .iter()
        .filter(|(p, _)| p.year == year && p.kind != PeriodKind::Tahunan)
        .max_by_key(|(p, _)| p.sort_key())
        .copied()
}

/// DOMAIN.md, The SKP cycle: "the annual result is the final periodic one; warn when they
/// differ". `Some((annual, last periodic, its period))` when `year` has an annual
/// evaluation and a periodic one, and the annual predikat differs from the last periodic
/// one. A warning for the form, import and `check --warnings`; never a refusal.
pub fn akhir_differs(
    evaluations: &[Evaluation],
    year: i16,
) -> Option<(Predikat, Predikat, Period)> {
    let annual = evaluations
        .iter()
        .find(|e| e.period == Period::annual(year))?
        .predikat();
    let periods: Vec<(Period, Predikat)> = evaluations
        .iter()
        .map(|e| (e.period, e.predikat()))
        .collect();
    let (period, last) = last_periodic(&periods, year)?;
    (annual != last).then_some((annual, last, period))
}

#[cfg(test)]
mod akhir_tests {
    use super::*;

    fn e(kind: PeriodKind, hasil: Rating, perilaku: Rating) -> Evaluation {
        Evaluation {
            id: 0,
            period: Period::new(2025, kind).expect("period"),
            hasil_kerja: hasil,
            perilaku,
            berakhlak: Default::default(),
            penilai: None,
            atasan_penilai: None,
            catatan: String::new(),
            diterima: None,
            pegawai: None,
            keberatan: None,
            revision: 0,
        }
    }

    /// DOMAIN.md, The SKP cycle: the annual is the final periodic one; a difference warns.
    #[test]
    fn an_annual_that_differs_from_the_last_periodic_one_is_named_with_that_period() {
        use PeriodKind::*;
        use Rating::*;
        let q3 = e(Triwulan(3), DiAtas, DiAtas);
        let q4 = e(Triwulan(4), Sesuai, Sesuai);
        let annual_sb = e(Tahunan, DiAtas, DiAtas);
        let annual_b = e(Tahunan, Sesuai, Sesuai);
        // Only periodic, or only the annual: nothing to compare.
        assert_eq!(akhir_differs(&[q3.clone(), q4.clone()], 2025), None);
        assert_eq!(akhir_differs(std::slice::from_ref(&annual_sb), 2025), None);
        // The annual equals Triwulan IV (the last), though not Triwulan III: no warning.
        assert_eq!(
            akhir_differs(&[annual_b, q3.clone(), q4.clone()], 2025),
            None
        );
        let q4p = Period::new(2025, Triwulan(4)).expect("q4");
        assert_eq!(
            akhir_differs(&[q4.clone(), annual_sb.clone(), q3.clone()], 2025),
            Some((Predikat::SangatBaik, Predikat::Baik, q4p))
        );
        // December is later than Triwulan III; Triwulan IV after December (wider, same end).
        let dec = e(Bulanan(12), DiBawah, Sesuai);
        assert_eq!(
            akhir_differs(&[annual_sb.clone(), q3.clone(), dec.clone()], 2025),
            Some((
                Predikat::SangatBaik,
                Predikat::ButuhPerbaikan,
                Period::new(2025, Bulanan(12)).expect("dec")
            ))
        );
        assert_eq!(
            akhir_differs(&[annual_sb.clone(), dec, q4], 2025).map(|x| x.2),
            Some(q4p)
        );
        // A part-year span ending in December is the final periodic one too.
        let span = e(Rentang(6, 12), DiAtas, DiAtas);
        assert_eq!(akhir_differs(&[annual_sb.clone(), q3, span], 2025), None);
        // Another year's evaluations do not count.
        assert_eq!(akhir_differs(&[annual_sb], 2024), None);
    }
}
