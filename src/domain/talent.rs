//! Talent management: potensial per person and year, and the 9-box of PermenPANRB 3/2020
//! (DOMAIN.md, "Talent: the 9-box"): kinerja (the annual predikat read on three levels,
//! [`kinerja_level`]) in rows against potensial in columns. Every place that shows a box
//! (Talenta, `export talent`, the record, the profile and its PDF) goes through
//! [`placement`], so there is one rule.

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

/// The kinerja row of the 9-box from the annual predikat, on three levels (DOMAIN.md,
/// "Talent"): Sangat Baik above; Baik as expected; Butuh Perbaikan, Kurang/Misconduct and
/// Sangat Kurang below. Not Hasil Kerja alone: a person rated Di Atas for results but Di
/// Bawah for behaviour (Kurang/Misconduct) is below, never in a top box.
pub fn kinerja_level(annual: Predikat) -> Rating {
    match annual {
        Predikat::SangatBaik => Rating::DiAtas,
        Predikat::Baik => Rating::Sesuai,
        Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang => Rating::DiBawah,
    }
}

/// The box number of PermenPANRB 3/2020 for a kinerja level (see [`kinerja_level`]) and
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

/// A person's place for a year from the year's annual predikat (the decided result after
/// an objection) and potensial: their box, or why there is none.
pub fn placement(annual: Option<Predikat>, potensial: Option<Potensial>) -> Result<u8, TalentGap> {
    match (annual, potensial) {
        (Some(k), Some(p)) => Ok(nine_box(kinerja_level(k), p)),
        (None, Some(_)) => Err(TalentGap::NoAnnual),
        (Some(_), None) => Err(TalentGap::NoPotensial),
        (None, None) => Err(TalentGap::Neither),
    }
}

/// Berprestasi (high performers, candidates for succession and awards) in `year`: the
/// annual predikat Sangat Baik in `year` and in the year before, two consecutive years
/// (issue 21; a gap year breaks it, as does any lower predikat). So nobody rated
/// Kurang/Misconduct, or anything below Sangat Baik, in either year is berprestasi, and the
/// box does not decide it. `annual`: the person's annual predikat by year, any order.
pub fn berprestasi(annual: impl IntoIterator<Item = (i16, Predikat)>, year: i16) -> bool {
    let (mut this, mut before) = (false, false);
    for (y, p) in annual {
        if p == Predikat::SangatBaik {
            this |= y == year;
            before |= i32::from(y) == i32::from(year) - 1;
        }
    }
    this && before
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_box_of_every_kinerja_level_and_potensial_pair_is_domain_mds() {
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
    fn the_kinerja_row_is_the_annual_predikat_on_three_levels() {
        // DOMAIN.md, "Talent": Sangat Baik above; Baik as expected; Butuh Perbaikan,
        // Kurang/Misconduct, Sangat Kurang below.
        use Predikat::*;
        assert_eq!(kinerja_level(SangatBaik), Rating::DiAtas);
        assert_eq!(kinerja_level(Baik), Rating::Sesuai);
        for p in [ButuhPerbaikan, Kurang, SangatKurang] {
            assert_eq!(kinerja_level(p), Rating::DiBawah, "{p:?}");
        }
        // Every predikat the matrix can give, from every Hasil Kerja and Perilaku: the box
        // follows the predikat, never Hasil Kerja alone.
        for h in Rating::ALL {
            for b in Rating::ALL {
                let p = crate::domain::rating::predikat(h, b);
                for pot in Potensial::ALL {
                    assert_eq!(
                        placement(Some(p), Some(pot)),
                        Ok(nine_box(kinerja_level(p), pot))
                    );
                }
            }
        }
    }

    #[test]
    fn kurang_misconduct_never_sits_in_a_top_box() {
        // Hasil Kerja Di Atas, Perilaku Di Bawah: Kurang/Misconduct. Hasil Kerja alone
        // would put them in box 7 or 9.
        let p = crate::domain::rating::predikat(Rating::DiAtas, Rating::DiBawah);
        assert_eq!(p, Predikat::Kurang);
        assert_eq!(placement(Some(p), Some(Potensial::Rendah)), Ok(1));
        assert_eq!(placement(Some(p), Some(Potensial::Menengah)), Ok(3));
        assert_eq!(placement(Some(p), Some(Potensial::Tinggi)), Ok(6));
        // Baik from Di Atas / Sesuai is as expected, not above.
        let baik = crate::domain::rating::predikat(Rating::DiAtas, Rating::Sesuai);
        assert_eq!(placement(Some(baik), Some(Potensial::Tinggi)), Ok(8));
        // Only Sangat Baik reaches 7 and 9.
        assert_eq!(
            placement(Some(Predikat::SangatBaik), Some(Potensial::Tinggi)),
            Ok(9)
        );
        for p in Predikat::ALL {
            for pot in Potensial::ALL {
                let b = placement(Some(p), Some(pot)).unwrap_or(0);
                assert_eq!(
                    b == 7 || b == 9 || b == 4,
                    p == Predikat::SangatBaik,
                    "{p:?} {pot:?}: {b}"
                );
            }
        }
    }

    #[test]
    fn missing_data_is_a_reason_never_a_guess() {
        assert_eq!(
            placement(Some(Predikat::Baik), Some(Potensial::Tinggi)),
            Ok(8)
        );
        assert_eq!(
            placement(None, Some(Potensial::Tinggi)),
            Err(TalentGap::NoAnnual)
        );
        assert_eq!(
            placement(Some(Predikat::SangatBaik), None),
            Err(TalentGap::NoPotensial)
        );
        assert_eq!(placement(None, None), Err(TalentGap::Neither));
    }

    #[test]
    fn berprestasi_needs_sangat_baik_two_consecutive_years() {
        use Predikat::*;
        let two_sb = [(2024, SangatBaik), (2025, SangatBaik)];
        assert!(berprestasi(two_sb, 2025));
        // Any order.
        assert!(berprestasi([(2025, SangatBaik), (2024, SangatBaik)], 2025));
        // One year is not enough, whatever the box.
        assert!(!berprestasi([(2025, SangatBaik)], 2025));
        assert!(!berprestasi(two_sb, 2024), "only one year up to 2024");
        // Consecutive: a gap year breaks it.
        let gap = [(2023, SangatBaik), (2025, SangatBaik)];
        assert!(!berprestasi(gap, 2025));
        let between = [(2023, SangatBaik), (2024, Baik), (2025, SangatBaik)];
        assert!(!berprestasi(between, 2025));
        // Kurang/Misconduct in either year: never.
        assert!(!berprestasi([(2024, SangatBaik), (2025, Kurang)], 2025));
        assert!(!berprestasi([(2024, Kurang), (2025, SangatBaik)], 2025));
        // A later year does not count for an earlier one.
        assert!(!berprestasi([(2025, SangatBaik), (2026, SangatBaik)], 2025));
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
