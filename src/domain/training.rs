//! Competency development: training records and the yearly 20 JP target.

use super::text::{clean_line, clean_multiline};
use jiff::civil::Date;

/// Every PNS must get at least this many JP a year.
pub const JP_TARGET: u32 = 20;
/// One JP (jam pelajaran) is 45 minutes.
pub const MINUTES_PER_JP: u32 = 45;

/// The three groups DOMAIN.md sorts development into ("Competency development").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrainingCategory {
    /// Classroom (klasikal).
    Klasikal,
    /// Non-classroom (non-klasikal), magang among them (PP 11/2017 Pasal 210).
    NonKlasikal,
    /// Formal education (tugas belajar, izin belajar): a kind of its own.
    PendidikanFormal,
}

impl TrainingCategory {
    pub const ALL: [TrainingCategory; 3] = [
        TrainingCategory::Klasikal,
        TrainingCategory::NonKlasikal,
        TrainingCategory::PendidikanFormal,
    ];

    /// The group's name as officers write it (the same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            TrainingCategory::Klasikal => "klasikal",
            TrainingCategory::NonKlasikal => "non-klasikal",
            TrainingCategory::PendidikanFormal => "pendidikan formal",
        }
    }
}

macro_rules! training_kinds {
    ($( $variant:ident => $label:literal, $category:ident; )*) => {
        /// The kinds of training DOMAIN.md lists, classroom, non-classroom and formal
        /// education, plus the leadership trainings and Latsar CPNS. `ALL` is grouped by
        /// category; stored records code a kind as its position in `ALL` (`TrainingV2`),
        /// and `store::records` keeps the older list.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum TrainingKind { $( $variant, )* }

        impl TrainingKind {
            pub const ALL: &'static [TrainingKind] = &[ $( TrainingKind::$variant, )* ];

            pub fn label(self) -> &'static str {
                match self { $( TrainingKind::$variant => $label, )* }
            }

            /// Classroom, non-classroom or formal education (DOMAIN.md).
            pub fn category(self) -> TrainingCategory {
                match self { $( TrainingKind::$variant => TrainingCategory::$category, )* }
            }
        }
    };
}

training_kinds! {
    DiklatStruktural => "Diklat Struktural", Klasikal;
    DiklatFungsional => "Diklat Fungsional", Klasikal;
    DiklatTeknis => "Diklat Teknis", Klasikal;
    Workshop => "Workshop", Klasikal;
    PelatihanManajerial => "Pelatihan Manajerial", Klasikal;
    PelatihanSosialKultural => "Pelatihan Sosial Kultural", Klasikal;
    Sosialisasi => "Sosialisasi", Klasikal;
    Bimtek => "Bimtek", Klasikal;
    Seminar => "Seminar", Klasikal;
    Kursus => "Kursus", Klasikal;
    Penataran => "Penataran", Klasikal;
    Pkp => "PKP", Klasikal;
    Pka => "PKA", Klasikal;
    Pkn2 => "PKN II", Klasikal;
    Pkn1 => "PKN I", Klasikal;
    LatsarCpns => "Latsar CPNS", Klasikal;
    Coaching => "Coaching", NonKlasikal;
    Mentoring => "Mentoring", NonKlasikal;
    ELearning => "E-Learning", NonKlasikal;
    PelatihanJarakJauh => "Pelatihan Jarak Jauh", NonKlasikal;
    Magang => "Magang", NonKlasikal;
    Detasering => "Detasering", NonKlasikal;
    Outbound => "Outbound", NonKlasikal;
    Benchmarking => "Benchmarking", NonKlasikal;
    PertukaranPns => "Pertukaran PNS dengan Swasta/BUMN/BUMD", NonKlasikal;
    BelajarMandiri => "Belajar Mandiri", NonKlasikal;
    CommunityOfPractice => "Community of Practice", NonKlasikal;
    BimbinganDiTempatKerja => "Bimbingan di Tempat Kerja", NonKlasikal;
    TugasBelajar => "Tugas Belajar", PendidikanFormal;
    IzinBelajar => "Izin Belajar", PendidikanFormal;
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

impl TrainingKind {
    /// Case-, space- and punctuation-insensitive match on the label, plus the old names
    /// still on certificates (DOMAIN.md): Diklatpim IV = PKP, III = PKA, II = PKN II,
    /// I = PKN I; Prajabatan (Diklat Prajabatan, Latsar) = Latsar CPNS.
    pub fn parse(s: &str) -> Option<TrainingKind> {
        let t = fold(s);
        let alias = match t.as_str() {
            "diklatpimiv" | "diklatpim4" | "pimiv" | "pim4" => Some(TrainingKind::Pkp),
            "diklatpimiii" | "diklatpim3" | "pimiii" | "pim3" => Some(TrainingKind::Pka),
            "diklatpimii" | "diklatpim2" | "pimii" | "pim2" => Some(TrainingKind::Pkn2),
            "diklatpimi" | "diklatpim1" | "pimi" | "pim1" => Some(TrainingKind::Pkn1),
            "latsar" | "prajabatan" | "diklatprajabatan" | "latihandasarcpns" => {
                Some(TrainingKind::LatsarCpns)
            }
            "pertukaranpns" => Some(TrainingKind::PertukaranPns),
            "bimbinganteknis" => Some(TrainingKind::Bimtek),
            "tubel" => Some(TrainingKind::TugasBelajar),
            "ijinbelajar" => Some(TrainingKind::IzinBelajar),
            _ => None,
        };
        alias.or_else(|| Self::ALL.iter().copied().find(|k| fold(k.label()) == t))
    }
}

/// How long after TMT CPNS a Latsar CPNS may start before the person is taken not to be
/// a CPNS any more, in years (see `latsar_for_non_cpns`).
pub const LATSAR_YEARS_AFTER_TMT: i16 = 2;

/// Whether this is a Latsar CPNS recorded for someone who is not a CPNS (DOMAIN.md,
/// "Competency development": "Prajabatan = Latsar CPNS (only for CPNS)"): a warning,
/// never a refusal. kinerja stores no CPNS status, so "not a CPNS" is the program's
/// reading: a PPPK, or a training that starts more than 2 years after the TMT CPNS in the
/// NIP (taken as the first day of that month).
pub fn latsar_for_non_cpns(kind: TrainingKind, mulai: Date, nip: &super::Nip) -> bool {
    if kind != TrainingKind::LatsarCpns {
        return false;
    }
    match nip.tmt_cpns() {
        None => true,
        Some((year, month)) => match Date::new(year + LATSAR_YEARS_AFTER_TMT, month, 1) {
            Ok(limit) => mulai > limit,
            Err(_) => false,
        },
    }
}

/// Who organised a training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrganiserKind {
    Pemerintah,
    Swasta,
    BumnBumd,
}

impl OrganiserKind {
    pub const ALL: [OrganiserKind; 3] = [
        OrganiserKind::Pemerintah,
        OrganiserKind::Swasta,
        OrganiserKind::BumnBumd,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OrganiserKind::Pemerintah => "Pemerintah",
            OrganiserKind::Swasta => "Swasta",
            OrganiserKind::BumnBumd => "BUMN/BUMD",
        }
    }

    pub fn parse(s: &str) -> Option<OrganiserKind> {
        match fold(s).as_str() {
            "pemerintah" | "government" | "instansipemerintah" => Some(OrganiserKind::Pemerintah),
            "swasta" | "private" => Some(OrganiserKind::Swasta),
            "bumnbumd" | "bumn" | "bumd" => Some(OrganiserKind::BumnBumd),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrainingStatus {
    Rencana,
    Berlangsung,
    Selesai,
}

impl TrainingStatus {
    pub const ALL: [TrainingStatus; 3] = [
        TrainingStatus::Rencana,
        TrainingStatus::Berlangsung,
        TrainingStatus::Selesai,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TrainingStatus::Rencana => "rencana",
            TrainingStatus::Berlangsung => "berlangsung",
            TrainingStatus::Selesai => "selesai",
        }
    }

    pub fn parse(s: &str) -> Option<TrainingStatus> {
        match fold(s).as_str() {
            "rencana" | "planned" => Some(TrainingStatus::Rencana),
            "berlangsung" | "ongoing" => Some(TrainingStatus::Berlangsung),
            "selesai" | "done" | "completed" => Some(TrainingStatus::Selesai),
            _ => None,
        }
    }
}

/// One training a person took part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    /// Unique among this person's trainings; assigned by the store.
    pub id: u32,
    pub judul: String,
    pub jenis: TrainingKind,
    pub penyelenggara: String,
    pub jenis_penyelenggara: OrganiserKind,
    pub mulai: Date,
    pub selesai: Date,
    pub jp: u16,
    pub status: TrainingStatus,
    pub no_sertifikat: String,
    pub catatan: String,
    /// The id of the catalogue competency this training gives (`Competency::id`), when the
    /// officer stated one (issue 13); `None` leaves it to the catalogue's kinds and title
    /// words.
    pub kompetensi: Option<String>,
    pub revision: u64,
}

/// Why a training record cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrainingError {
    #[error("the title is empty")]
    EmptyTitle,
    #[error("the organiser is empty")]
    EmptyOrganiser,
    #[error("the end date {selesai} is before the start date {mulai}")]
    EndBeforeStart { mulai: Date, selesai: Date },
    #[error("JP must be from 1 to 1000, not {0}")]
    JpOutOfRange(u32),
}

impl Training {
    /// Whether `other` is the same training for a person: the same title, start date and
    /// organiser (the organiser compared as a unit id: case and punctuation aside). The key
    /// an import matches on, and the one the store keeps unique per person.
    pub fn same_as(&self, other: &Training) -> bool {
        self.judul == other.judul
            && self.mulai == other.mulai
            && super::unit::unit_id(&self.penyelenggara)
                == super::unit::unit_id(&other.penyelenggara)
    }

    /// The record with every text field cleaned of control characters.
    pub fn cleaned(mut self) -> Training {
        for field in [
            &mut self.judul,
            &mut self.penyelenggara,
            &mut self.no_sertifikat,
        ] {
            *field = clean_line(field);
        }
        self.catatan = clean_multiline(&self.catatan);
        self
    }

    pub fn validate(&self) -> Result<(), TrainingError> {
        if self.judul.trim().is_empty() {
            return Err(TrainingError::EmptyTitle);
        }
        if self.penyelenggara.trim().is_empty() {
            return Err(TrainingError::EmptyOrganiser);
        }
        if self.selesai < self.mulai {
            return Err(TrainingError::EndBeforeStart {
                mulai: self.mulai,
                selesai: self.selesai,
            });
        }
        validate_jp(u32::from(self.jp))?;
        Ok(())
    }

    /// The year a training counts for: the year it ends.
    pub fn year(&self) -> i16 {
        self.selesai.year()
    }

    /// Counts towards a year's JP only when completed and ending in that year.
    pub fn counts_for(&self, year: i16) -> bool {
        self.status == TrainingStatus::Selesai && self.selesai.year() == year
    }
}

pub fn validate_jp(jp: u32) -> Result<u16, TrainingError> {
    if (1..=1000).contains(&jp) {
        Ok(jp as u16)
    } else {
        Err(TrainingError::JpOutOfRange(jp))
    }
}

/// Whole JP in a number of minutes: only full 45-minute units count (8 hours = 10 JP).
pub fn jp_from_minutes(minutes: u32) -> u32 {
    minutes / MINUTES_PER_JP
}

/// Whole JP in a number of hours.
pub fn jp_from_hours(hours: f64) -> u32 {
    if hours.is_finite() && hours > 0.0 {
        jp_from_minutes((hours * 60.0).round() as u32)
    } else {
        0
    }
}

/// A person's JP for a year: completed trainings that end in that year.
pub fn jp_in_year<'a>(trainings: impl IntoIterator<Item = &'a Training>, year: i16) -> u32 {
    trainings
        .into_iter()
        .filter(|t| t.counts_for(year))
        .map(|t| u32::from(t.jp))
        .sum()
}

/// A person's JP over the days `start` to `end` (both included): completed trainings that
/// end in them. With a PPPK's contract year ([`super::Contracts::ceiling_span`]) it is
/// what the 24 JP ceiling counts.
pub fn jp_between<'a>(
    trainings: impl IntoIterator<Item = &'a Training>,
    start: Date,
    end: Date,
) -> u32 {
    trainings
        .into_iter()
        .filter(|t| t.status == TrainingStatus::Selesai && start <= t.selesai && t.selesai <= end)
        .map(|t| u32::from(t.jp))
        .sum()
}

/// The most development a PPPK should take in a contract year ("paling lama 24 JP", PP
/// 49/2018 Pasal 40): above it, a warning, never a refusal.
pub const PPPK_JP_CEILING: u32 = 24;

/// The yearly JP target of each employment kind, a setting (DOMAIN.md, "Competency
/// development"): PNS at least 20 JP (PP 17/2020); PPPK no floor by default (0), since
/// their regulation sets a ceiling, not a floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpTargets {
    pub pns: u32,
    pub pppk: u32,
}

impl Default for JpTargets {
    fn default() -> Self {
        JpTargets {
            pns: JP_TARGET,
            pppk: 0,
        }
    }
}

impl JpTargets {
    /// The year's target of a PNS (`pppk` false) or a PPPK; 0 means none.
    pub fn of(&self, pppk: bool) -> u32 {
        if pppk { self.pppk } else { self.pns }
    }

    /// The target by `today`: the year's, times the elapsed part of the year, rounded
    /// down (a person is flagged only once clearly behind).
    pub fn pro_rata(&self, pppk: bool, today: Date) -> u32 {
        let days = f64::from(today.days_in_year());
        (f64::from(self.of(pppk)) * f64::from(today.day_of_year()) / days).floor() as u32
    }

    /// Whether `jp` meets the year's target (always, with no target).
    pub fn reached(&self, pppk: bool, jp: u32) -> bool {
        jp >= self.of(pppk)
    }

    /// Whether a PPPK's `jp` is above the contract year's ceiling.
    pub fn above_ceiling(pppk: bool, jp: u32) -> bool {
        pppk && jp > PPPK_JP_CEILING
    }
}

/// The JP a person should have by `today`: 20 times the elapsed part of the year.
pub fn pro_rata_target(today: Date) -> f64 {
    let days = f64::from(today.days_in_year());
    f64::from(JP_TARGET) * f64::from(today.day_of_year()) / days
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn training(jp: u16, status: TrainingStatus, mulai: Date, selesai: Date) -> Training {
        Training {
            id: 1,
            judul: "Bimtek e-Kinerja".into(),
            jenis: TrainingKind::Bimtek,
            penyelenggara: "BKPSDM Kota Medan".into(),
            jenis_penyelenggara: OrganiserKind::Pemerintah,
            mulai,
            selesai,
            jp,
            status,
            no_sertifikat: String::new(),
            catatan: String::new(),
            kompetensi: None,
            revision: 1,
        }
    }

    /// PP 49/2018 Pasal 40: "paling lama 24 JP" per contract year. A contract from 1 July
    /// 2025: 14 JP in September 2025 and 12 JP in March 2026 are under 24 in each calendar
    /// year, but 26 in the one contract year, above the ceiling.
    #[test]
    fn the_ceiling_counts_a_contract_year_across_two_calendar_years() {
        use crate::domain::{Contract, Contracts};
        let all = [
            training(
                14,
                TrainingStatus::Selesai,
                date(2025, 9, 1),
                date(2025, 9, 2),
            ),
            training(
                12,
                TrainingStatus::Selesai,
                date(2026, 3, 2),
                date(2026, 3, 3),
            ),
            training(
                8,
                TrainingStatus::Rencana,
                date(2026, 4, 1),
                date(2026, 4, 1),
            ),
            training(
                6,
                TrainingStatus::Selesai,
                date(2026, 7, 1),
                date(2026, 7, 1),
            ),
        ];
        assert_eq!(jp_in_year(&all, 2025), 14);
        assert_eq!(jp_in_year(&all, 2026), 18);
        let contracts = Contracts {
            items: vec![Contract {
                mulai: date(2025, 7, 1),
                selesai: date(2027, 6, 30),
                nomor: String::new(),
            }],
            revision: 1,
        };
        let span = contracts.ceiling_span(date(2026, 5, 15));
        assert!(span.contract);
        let jp = jp_between(&all, span.start, span.end);
        assert_eq!(
            jp, 26,
            "September 2025 and March 2026, not the planned one nor July 2026"
        );
        assert!(JpTargets::above_ceiling(true, jp));
        // The next contract year starts again from 1 July 2026.
        let next = contracts.ceiling_span(date(2026, 7, 1));
        assert_eq!(jp_between(&all, next.start, next.end), 6);
        // Without a contract: the calendar year.
        let none = Contracts::default().ceiling_span(date(2026, 5, 15));
        assert_eq!(jp_between(&all, none.start, none.end), 18);
    }

    #[test]
    fn jp_counts_only_completed_trainings_ending_in_the_year() {
        let done = training(
            12,
            TrainingStatus::Selesai,
            date(2025, 3, 1),
            date(2025, 3, 3),
        );
        let planned = training(
            8,
            TrainingStatus::Rencana,
            date(2025, 6, 1),
            date(2025, 6, 2),
        );
        let ongoing = training(
            8,
            TrainingStatus::Berlangsung,
            date(2025, 6, 1),
            date(2025, 6, 2),
        );
        let across = training(
            10,
            TrainingStatus::Selesai,
            date(2024, 12, 30),
            date(2025, 1, 2),
        );
        let last_year = training(
            30,
            TrainingStatus::Selesai,
            date(2024, 5, 1),
            date(2024, 5, 5),
        );
        let all = [done, planned, ongoing, across, last_year];
        assert_eq!(jp_in_year(&all, 2025), 22);
        assert_eq!(jp_in_year(&all, 2024), 30);
        assert!(jp_in_year(&all, 2025) >= JP_TARGET);
    }

    #[test]
    fn hours_convert_to_whole_jp_of_45_minutes() {
        assert_eq!(jp_from_minutes(45), 1);
        assert_eq!(jp_from_minutes(44), 0);
        assert_eq!(jp_from_hours(8.0), 10);
        assert_eq!(jp_from_hours(15.0), 20);
        assert_eq!(jp_from_hours(0.75), 1);
        assert_eq!(jp_from_hours(-1.0), 0);
    }

    #[test]
    fn end_before_start_and_jp_out_of_range_are_refused() {
        let bad = training(
            5,
            TrainingStatus::Selesai,
            date(2025, 3, 3),
            date(2025, 3, 1),
        );
        assert!(matches!(
            bad.validate(),
            Err(TrainingError::EndBeforeStart { .. })
        ));
        let zero = training(
            0,
            TrainingStatus::Selesai,
            date(2025, 3, 1),
            date(2025, 3, 1),
        );
        assert_eq!(zero.validate(), Err(TrainingError::JpOutOfRange(0)));
        assert_eq!(validate_jp(1000), Ok(1000));
        assert_eq!(validate_jp(1001), Err(TrainingError::JpOutOfRange(1001)));
    }

    #[test]
    fn kinds_are_grouped_and_parse_back() {
        for kind in TrainingKind::ALL {
            assert_eq!(TrainingKind::parse(kind.label()), Some(*kind));
        }
        assert_eq!(TrainingKind::Seminar.category(), TrainingCategory::Klasikal);
        assert_eq!(
            TrainingKind::ELearning.category(),
            TrainingCategory::NonKlasikal
        );
        assert_eq!(
            TrainingKind::parse("e-learning"),
            Some(TrainingKind::ELearning)
        );
        assert_eq!(TrainingKind::parse("Diklatpim IV"), Some(TrainingKind::Pkp));
        assert_eq!(
            OrganiserKind::parse("BUMN/BUMD"),
            Some(OrganiserKind::BumnBumd)
        );
    }

    #[test]
    fn pro_rata_target_grows_through_the_year() {
        assert!((pro_rata_target(date(2025, 12, 31)) - 20.0).abs() < 1e-9);
        // DOMAIN.md: PNS at least 20 JP; PPPK no floor, a warning above 24.
        let t = JpTargets::default();
        assert_eq!((t.of(false), t.of(true)), (20, 0));
        assert!(t.reached(true, 0) && !t.reached(false, 19) && t.reached(false, 20));
        assert_eq!(t.pro_rata(false, date(2025, 12, 31)), 20);
        assert_eq!(t.pro_rata(false, date(2025, 7, 2)), 10);
        assert_eq!(t.pro_rata(true, date(2025, 12, 31)), 0);
        assert!(JpTargets::above_ceiling(true, 25) && !JpTargets::above_ceiling(true, 24));
        assert!(!JpTargets::above_ceiling(false, 40));
        let set = JpTargets { pns: 20, pppk: 12 };
        assert_eq!(set.pro_rata(true, date(2025, 12, 31)), 12);
        let mid = pro_rata_target(date(2025, 7, 2));
        assert!((mid - 20.0 * 183.0 / 365.0).abs() < 1e-9);
    }

    #[test]
    fn magang_is_non_klasikal() {
        // DOMAIN.md, "Competency development": magang is non-classroom (PP 11/2017 Pasal
        // 210 lists it there, not as classroom).
        assert_eq!(
            TrainingKind::Magang.category(),
            TrainingCategory::NonKlasikal
        );
        assert_eq!(TrainingKind::parse("magang"), Some(TrainingKind::Magang));
    }

    #[test]
    fn every_kind_is_in_the_category_domain_md_gives_it() {
        // DOMAIN.md, "Competency development": the classroom list, the non-classroom list,
        // and formal education (tugas belajar, izin belajar) as a kind of its own; the
        // leadership trainings and Latsar CPNS are classroom trainings.
        use TrainingCategory::*;
        use TrainingKind as K;
        let klasikal = [
            K::DiklatStruktural,
            K::DiklatFungsional,
            K::DiklatTeknis,
            K::Workshop,
            K::PelatihanManajerial,
            K::PelatihanSosialKultural,
            K::Sosialisasi,
            K::Bimtek,
            K::Seminar,
            K::Kursus,
            K::Penataran,
            K::Pkp,
            K::Pka,
            K::Pkn2,
            K::Pkn1,
            K::LatsarCpns,
        ];
        let non_klasikal = [
            K::Coaching,
            K::Mentoring,
            K::ELearning,
            K::PelatihanJarakJauh,
            K::Magang,
            K::Detasering,
            K::Outbound,
            K::Benchmarking,
            K::PertukaranPns,
            K::BelajarMandiri,
            K::CommunityOfPractice,
            K::BimbinganDiTempatKerja,
        ];
        let formal = [K::TugasBelajar, K::IzinBelajar];
        for k in klasikal {
            assert_eq!(k.category(), Klasikal, "{k:?}");
        }
        for k in non_klasikal {
            assert_eq!(k.category(), NonKlasikal, "{k:?}");
        }
        for k in formal {
            assert_eq!(k.category(), PendidikanFormal, "{k:?}");
        }
        assert_eq!(
            klasikal.len() + non_klasikal.len() + formal.len(),
            TrainingKind::ALL.len()
        );
        // ALL is grouped: classroom, then non-classroom, then formal education.
        assert!(
            TrainingKind::ALL
                .windows(2)
                .all(|w| w[0].category() <= w[1].category())
        );
        assert_eq!(TrainingKind::parse("Tugas Belajar"), Some(K::TugasBelajar));
        assert_eq!(TrainingKind::parse("izin belajar"), Some(K::IzinBelajar));
        assert_eq!(TrainingKind::parse("Ijin Belajar"), Some(K::IzinBelajar));
    }

    #[test]
    fn old_names_on_certificates_are_aliases() {
        // DOMAIN.md, "Competency development": Diklatpim IV = PKP, Diklatpim III = PKA,
        // Diklatpim II = PKN II, Diklatpim I = PKN I; Prajabatan = Latsar CPNS.
        let table = [
            ("Diklatpim IV", TrainingKind::Pkp),
            ("DIKLATPIM 4", TrainingKind::Pkp),
            ("Diklatpim III", TrainingKind::Pka),
            ("Diklat PIM III", TrainingKind::Pka),
            ("Diklatpim II", TrainingKind::Pkn2),
            ("Diklatpim I", TrainingKind::Pkn1),
            ("Prajabatan", TrainingKind::LatsarCpns),
            ("Diklat Prajabatan", TrainingKind::LatsarCpns),
            ("Latsar", TrainingKind::LatsarCpns),
            ("Latsar CPNS", TrainingKind::LatsarCpns),
            ("PKN II", TrainingKind::Pkn2),
            ("PKN I", TrainingKind::Pkn1),
        ];
        for (text, kind) in table {
            assert_eq!(TrainingKind::parse(text), Some(kind), "{text:?}");
        }
    }

    #[test]
    fn latsar_for_someone_not_a_cpns_is_flagged() {
        // DOMAIN.md, "Competency development": "Prajabatan = Latsar CPNS (only for CPNS)".
        // Not a CPNS, as the program reads it: a PPPK, or a start more than 2 years after
        // the TMT CPNS of the NIP (here 2010-01).
        use super::super::{EmploymentKind, Nip};
        let pns = Nip::parse("198503302010011002").unwrap();
        let pppk = Nip::parse_as("199204112023212999", EmploymentKind::Pppk).unwrap();
        let latsar = TrainingKind::LatsarCpns;
        assert!(!latsar_for_non_cpns(latsar, date(2010, 6, 1), &pns));
        assert!(!latsar_for_non_cpns(latsar, date(2012, 1, 1), &pns));
        assert!(latsar_for_non_cpns(latsar, date(2012, 1, 2), &pns));
        assert!(latsar_for_non_cpns(latsar, date(2020, 3, 1), &pns));
        assert!(latsar_for_non_cpns(latsar, date(2024, 1, 1), &pppk));
        // Only Latsar CPNS is concerned.
        assert!(!latsar_for_non_cpns(
            TrainingKind::Pkp,
            date(2020, 3, 1),
            &pns
        ));
        assert!(!latsar_for_non_cpns(
            TrainingKind::Bimtek,
            date(2024, 1, 1),
            &pppk
        ));
    }
}
