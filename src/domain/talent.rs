//! Talent management: potensial per person and year, and the 9-box of PermenPANRB 3/2020
//! (DOMAIN.md, "Talent: the 9-box"): kinerja (the annual Hasil Kerja) in rows against
//! potensial in columns.

use super::rating::{Predikat, Rating};
use super::text::clean_line;
use jiff::civil::Date;

/// A person's potential (potensial): the 9-box's columns, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Potensial {
    Rendah,
    Menengah,
    Tinggi,
}

impl Potensial {
    pub const ALL: [Potensial; 3] = [Potensial::Rendah, Potensial::Menengah, Potensial::Tinggi];

    /// The label officers use, also the CSV value: `rendah`, `menengah`, `tinggi`.
    pub fn label(self) -> &'static str {
        match self {
            Potensial::Rendah => "rendah",
            Potensial::Menengah => "menengah",
            Potensial::Tinggi => "tinggi",
        }
    }

    /// Accepts the labels in any case, the English words and `1`-`3` (low to high).
    pub fn parse(s: &str) -> Option<Potensial> {
        match s.trim().to_lowercase().as_str() {
            "rendah" | "low" | "1" => Some(Potensial::Rendah),
            "menengah" | "sedang" | "medium" | "2" => Some(Potensial::Menengah),
            "tinggi" | "high" | "3" => Some(Potensial::Tinggi),
            _ => None,
        }
    }
}

/// Where a potensial comes from (DOMAIN.md: an assessment or the superior's judgement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PotensialSource {
    /// Assessment centre.
    AssessmentCentre,
    /// Uji kompetensi.
    UjiKompetensi,
    /// The superior's judgement (penilaian atasan).
    PenilaianAtasan,
}

impl PotensialSource {
    pub const ALL: [PotensialSource; 3] = [
        PotensialSource::AssessmentCentre,
        PotensialSource::UjiKompetensi,
        PotensialSource::PenilaianAtasan,
    ];

    /// The label, also the CSV value.
    pub fn label(self) -> &'static str {
        match self {
            PotensialSource::AssessmentCentre => "assessment centre",
            PotensialSource::UjiKompetensi => "uji kompetensi",
            PotensialSource::PenilaianAtasan => "penilaian atasan",
        }
    }

    /// Case-, space- and punctuation-insensitive; also `ac`, `ukom`, `atasan`.
    pub fn parse(s: &str) -> Option<PotensialSource> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "assessmentcentre" | "assessmentcenter" | "ac" => {
                Some(PotensialSource::AssessmentCentre)
            }
            "ujikompetensi" | "ukom" => Some(PotensialSource::UjiKompetensi),
            "penilaianatasan" | "atasan" | "superior" => Some(PotensialSource::PenilaianAtasan),
            _ => None,
        }
    }
}

/// One year's potensial of a person, dated, with its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PotentialEntry {
    pub year: i16,
    pub potensial: Potensial,
    pub source: PotensialSource,
    /// When it was assessed or judged.
    pub date: Date,
    /// Who assessed it (the assessor or the superior), free text.
    pub assessor: String,
}

/// Why a potensial cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PotentialError {
    #[error("year {0} is outside 1900-2999")]
    Year(i16),
    #[error("the date {date} is more than a year away from {year}")]
    DateFarFromYear { date: Date, year: i16 },
    #[error("the date {0} is in the future")]
    FutureDate(Date),
}

impl PotentialEntry {
    pub fn cleaned(mut self) -> PotentialEntry {
        self.assessor = clean_line(&self.assessor);
        self
    }

    /// A year in range; a date not in the future and within the year before, of or after
    /// the year it rates (an assessment early in the next year rates the year before).
    pub fn validate(&self, today: Date) -> Result<(), PotentialError> {
        if !(1900..=2999).contains(&self.year) {
            return Err(PotentialError::Year(self.year));
        }
        if self.date > today {
            return Err(PotentialError::FutureDate(self.date));
        }
        if (i32::from(self.date.year()) - i32::from(self.year)).abs() > 1 {
            return Err(PotentialError::DateFarFromYear {
                date: self.date,
                year: self.year,
            });
        }
        Ok(())
    }
}

/// A person's potensial per year, newest kept per year (one entry per year).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Potentials {
    /// By year, oldest first.
    pub items: Vec<PotentialEntry>,
    /// Bumped by the store on each save; a save with an older one is refused.
    pub revision: u64,
}

impl Potentials {
    pub fn of_year(&self, year: i16) -> Option<&PotentialEntry> {
        self.items.iter().find(|e| e.year == year)
    }

    /// Puts `entry` in place of the year's entry, keeping years in order.
    pub fn put(&mut self, entry: PotentialEntry) {
        self.items.retain(|e| e.year != entry.year);
        self.items.push(entry);
        self.items.sort_by_key(|e| e.year);
    }
}

/// The box number of PermenPANRB 3/2020 for kinerja (the annual Hasil Kerja) and
/// potensial, as DOMAIN.md's table lays it out:
///
/// | kinerja \ potensial | rendah | menengah | tinggi |
/// | Di Atas  | 4 | 7 | 9 |
/// | Sesuai   | 2 | 5 | 8 |
/// | Di Bawah | 1 | 3 | 6 |
pub fn nine_box(kinerja: Rating, potensial: Potensial) -> u8 {
    match (kinerja, potensial) {
        (Rating::DiAtas, Potensial::Rendah) => 4,
        (Rating::DiAtas, Potensial::Menengah) => 7,
        (Rating::DiAtas, Potensial::Tinggi) => 9,
        (Rating::Sesuai, Potensial::Rendah) => 2,
        (Rating::Sesuai, Potensial::Menengah) => 5,
        (Rating::Sesuai, Potensial::Tinggi) => 8,
        (Rating::DiBawah, Potensial::Rendah) => 1,
        (Rating::DiBawah, Potensial::Menengah) => 3,
        (Rating::DiBawah, Potensial::Tinggi) => 6,
    }
}

/// The grid as drawn: rows Di Atas, Sesuai, Di Bawah; columns rendah, menengah, tinggi.
pub const GRID_ROWS: [Rating; 3] = [Rating::DiAtas, Rating::Sesuai, Rating::DiBawah];

/// The follow-up of each box (index = box - 1), Indonesian and English. DOMAIN.md notes
/// that the grouping is not verified against the regulation's annex and that agencies
/// differ: this one table is the place to change it.
pub const FOLLOW_UPS: [(&str, &str); 9] = [
    (
        "pembinaan sesuai ketentuan",
        "handled under the regulations (pembinaan)",
    ),
    (
        "penempatan sesuai, pengembangan kompetensi",
        "right placement, competency development",
    ),
    (
        "bimbingan kinerja, pengembangan kompetensi",
        "performance coaching, competency development",
    ),
    ("rotasi dan pengembangan", "rotation and development"),
    (
        "penempatan sesuai, pengembangan kompetensi",
        "right placement, competency development",
    ),
    (
        "bimbingan kinerja, pengembangan kompetensi",
        "performance coaching, competency development",
    ),
    (
        "pertahankan, rotasi, pengayaan jabatan",
        "keep, rotate, enrich the job",
    ),
    (
        "pertahankan, rotasi, pengayaan jabatan",
        "keep, rotate, enrich the job",
    ),
    (
        "promosi, kandidat suksesor",
        "promote, succession candidate",
    ),
];

/// The follow-up text of box `n` (1-9) in Indonesian (`english` false) or English.
pub fn follow_up(n: u8, english: bool) -> &'static str {
    let Some(i) = usize::from(n).checked_sub(1) else {
        return "";
    };
    FOLLOW_UPS
        .get(i)
        .map_or("", |(id, en)| if english { en } else { id })
}

/// Why a person has no box for a year: counted apart, never guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TalentGap {
    /// No annual evaluation for the year (and a potensial).
    NoAnnual,
    /// No potensial for the year (and an annual evaluation).
    NoPotensial,
    /// Neither.
    Neither,
}

impl TalentGap {
    pub const ALL: [TalentGap; 3] = [
        TalentGap::NoAnnual,
        TalentGap::NoPotensial,
        TalentGap::Neither,
    ];
}

/// A person's place for a year: their box, or why there is none.
pub fn placement(
    annual_hasil: Option<Rating>,
    potensial: Option<Potensial>,
) -> Result<u8, TalentGap> {
    match (annual_hasil, potensial) {
        (Some(k), Some(p)) => Ok(nine_box(k, p)),
        (None, Some(_)) => Err(TalentGap::NoAnnual),
        (Some(_), None) => Err(TalentGap::NoPotensial),
        (None, None) => Err(TalentGap::Neither),
    }
}

/// Berprestasi (high performers, candidates for succession and awards): in box 7, 8 or 9
/// for the year, or Sangat Baik in both of the last two annual evaluations up to the year.
/// `annual`: the person's annual predikat by year, oldest first.
pub fn berprestasi(
    box_of_year: Option<u8>,
    annual: impl IntoIterator<Item = (i16, Predikat)>,
    year: i16,
) -> bool {
    if box_of_year.is_some_and(|b| b >= 7) {
        return true;
    }
    // The last two years up to `year`, without collecting them.
    let mut last: [Option<Predikat>; 2] = [None, None];
    for (_, p) in annual.into_iter().filter(|(y, _)| *y <= year) {
        last = [last[1], Some(p)];
    }
    last.iter().all(|p| *p == Some(Predikat::SangatBaik))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_box_of_every_kinerja_and_potensial_pair_is_domain_mds() {
        // DOMAIN.md, "Talent: the 9-box" (PermenPANRB 3/2020): the table row by row.
        let table = [
            (Rating::DiAtas, [4, 7, 9]),
            (Rating::Sesuai, [2, 5, 8]),
            (Rating::DiBawah, [1, 3, 6]),
        ];
        let mut seen = Vec::new();
        for (k, boxes) in table {
            for (p, want) in Potensial::ALL.into_iter().zip(boxes) {
                assert_eq!(nine_box(k, p), want, "{k:?} {p:?}");
                seen.push(want);
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, (1..=9).collect::<Vec<u8>>());
    }

    #[test]
    fn follow_ups_are_one_per_box_in_both_languages() {
        // DOMAIN.md: 9 promote; 7-8 keep, rotate, enrich; 4 rotation; 1 pembinaan.
        assert!(follow_up(9, true).contains("succession"));
        assert!(follow_up(7, true).contains("enrich") && follow_up(8, true).contains("enrich"));
        assert!(follow_up(4, true).contains("rotation"));
        assert!(follow_up(1, false).contains("pembinaan"));
        for n in [2, 3, 5, 6] {
            assert!(follow_up(n, true).contains("competency development"), "{n}");
        }
        for n in 1..=9 {
            assert!(!follow_up(n, false).is_empty() && !follow_up(n, true).is_empty());
        }
        assert_eq!(follow_up(0, false), "");
        assert_eq!(follow_up(10, true), "");
    }

    #[test]
    fn missing_data_is_a_reason_never_a_guess() {
        assert_eq!(
            placement(Some(Rating::Sesuai), Some(Potensial::Tinggi)),
            Ok(8)
        );
        assert_eq!(
            placement(None, Some(Potensial::Tinggi)),
            Err(TalentGap::NoAnnual)
        );
        assert_eq!(
            placement(Some(Rating::DiAtas), None),
            Err(TalentGap::NoPotensial)
        );
        assert_eq!(placement(None, None), Err(TalentGap::Neither));
    }

    #[test]
    fn berprestasi_is_boxes_seven_to_nine_or_two_sangat_baik_years() {
        use Predikat::*;
        assert!(berprestasi(Some(7), [], 2025));
        assert!(!berprestasi(Some(6), [], 2025));
        let two_sb = [(2024, SangatBaik), (2025, SangatBaik)];
        assert!(berprestasi(None, two_sb, 2025));
        assert!(berprestasi(Some(2), two_sb, 2025));
        // The last two up to the year, not any two.
        let gap = [(2023, SangatBaik), (2024, Baik), (2025, SangatBaik)];
        assert!(!berprestasi(None, gap, 2025));
        assert!(!berprestasi(None, two_sb, 2024), "only one year up to 2024");
        assert!(!berprestasi(None, [(2025, SangatBaik)], 2025));
    }

    #[test]
    fn a_potential_is_dated_near_its_year_and_not_in_the_future() {
        let today = date(2026, 11, 30);
        let e = PotentialEntry {
            year: 2025,
            potensial: Potensial::Tinggi,
            source: PotensialSource::AssessmentCentre,
            date: date(2026, 2, 10),
            assessor: "  UPT Penilaian\u{7} Kompetensi ".into(),
        };
        assert_eq!(e.validate(today), Ok(()));
        assert_eq!(e.clone().cleaned().assessor, "UPT Penilaian Kompetensi");
        let future = PotentialEntry {
            date: date(2026, 12, 1),
            ..e.clone()
        };
        assert!(matches!(
            future.validate(today),
            Err(PotentialError::FutureDate(_))
        ));
        let far = PotentialEntry {
            date: date(2020, 1, 1),
            ..e
        };
        assert!(matches!(
            far.validate(today),
            Err(PotentialError::DateFarFromYear { .. })
        ));
    }

    #[test]
    fn labels_parse_back() {
        for p in Potensial::ALL {
            assert_eq!(Potensial::parse(p.label()), Some(p));
        }
        for s in PotensialSource::ALL {
            assert_eq!(PotensialSource::parse(s.label()), Some(s));
        }
        assert_eq!(
            PotensialSource::parse("UKOM"),
            Some(PotensialSource::UjiKompetensi)
        );
        assert_eq!(Potensial::parse("Sedang"), Some(Potensial::Menengah));
    }
}
