//! Kenaikan pangkat reguler (DOMAIN.md "After the evaluation"; issue 21): who is due at a
//! promotion period and why each one is or is not eligible.
//!
//! - Periods: 1 February, 1 April, 1 June, 1 August, 1 October and 1 December (Peraturan
//!   BKN 4/2023, from 2024).
//! - Due: at least 4 years in the current rank on the period's day, counted from the TMT
//!   golongan to the day (PP 99/2000 as amended by PP 12/2002): TMT 1 April 2023 is due on
//!   1 April 2027, TMT 2 April 2023 not before 1 June 2027.
//! - Eligible: predikat at least Baik in each of the last 2 years (PP 30/2019 replaces the
//!   DP3), the annual evaluations of the two years before the period's year, as decided
//!   after an objection; an objection not decided yet holds it back.
//! - Warnings, never refusals: a rank above what the education allows without further
//!   study ([`education_cap`], not verified against the regulation's text), and a
//!   functional position, whose promotion also needs angka kredit (PP 99/2000 Pasal 13).

use super::jabatan::JenisJabatan;
use super::rank::{Golongan, Pendidikan};
use super::rating::Predikat;
use jiff::civil::Date;

/// One of the six promotion periods of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PromotionPeriod {
    pub year: i16,
    /// 2, 4, 6, 8, 10 or 12.
    pub month: i8,
}

impl PromotionPeriod {
    /// The months the periods fall on (Peraturan BKN 4/2023).
    pub const MONTHS: [i8; 6] = [2, 4, 6, 8, 10, 12];

    pub fn new(year: i16, month: i8) -> Option<PromotionPeriod> {
        (Self::MONTHS.contains(&month) && (1900..=2999).contains(&year))
            .then_some(PromotionPeriod { year, month })
    }

    /// `2027-04` (also `2027-4`, `04-2027`).
    pub fn parse(s: &str) -> Option<PromotionPeriod> {
        let (a, b) = s.trim().split_once(['-', '/'])?;
        let (y, m) = if a.len() == 4 { (a, b) } else { (b, a) };
        PromotionPeriod::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// The period's day: the first of its month.
    pub fn date(self) -> Date {
        Date::new(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// The six periods of `year`.
    pub fn of_year(year: i16) -> Vec<PromotionPeriod> {
        Self::MONTHS
            .iter()
            .filter_map(|m| PromotionPeriod::new(year, *m))
            .collect()
    }

    /// The first period on or after `day`.
    pub fn on_or_after(day: Date) -> PromotionPeriod {
        Self::MONTHS
            .iter()
            .filter_map(|m| PromotionPeriod::new(day.year(), *m))
            .find(|p| p.date() >= day)
            .unwrap_or(PromotionPeriod {
                year: day.year() + 1,
                month: 2,
            })
    }

    pub fn previous(self) -> PromotionPeriod {
        if self.month == 2 {
            PromotionPeriod {
                year: self.year - 1,
                month: 12,
            }
        } else {
            PromotionPeriod {
                month: self.month - 2,
                ..self
            }
        }
    }

    pub fn next(self) -> PromotionPeriod {
        if self.month == 12 {
            PromotionPeriod {
                year: self.year + 1,
                month: 2,
            }
        } else {
            PromotionPeriod {
                month: self.month + 2,
                ..self
            }
        }
    }

    /// The years whose annual predikat count: the two before the period's year.
    pub fn years_judged(self) -> [i16; 2] {
        [self.year - 2, self.year - 1]
    }
}

impl std::fmt::Display for PromotionPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The day 4 years after the TMT golongan: the first day the rank is old enough.
pub fn four_years_after(tmt: Date) -> Date {
    tmt.checked_add(jiff::Span::new().years(4))
        .unwrap_or(Date::MAX)
}

/// The highest rank reguler promotion reaches with this education without further study
/// (PP 99/2000 as amended by PP 12/2002, as BKD tables give it: SD II/a, SLTP II/c,
/// SLTA and D-I III/b, D-II III/b, D-III III/c, D-IV and S-1 III/d, S-2, Profesi (dokter,
/// apoteker) IV/a, S-3 IV/b). Sp-1 and Sp-2 are put with S-2 and S-3 (kinerja's
/// assumption). DOMAIN.md: not verified here, so only a warning.
pub fn education_cap(p: Pendidikan) -> Golongan {
    Golongan::Pns(match p {
        Pendidikan::Sd => 4,
        Pendidikan::Sltp => 6,
        Pendidikan::Slta | Pendidikan::D1 | Pendidikan::D2 => 9,
        Pendidikan::D3 => 10,
        Pendidikan::D4 | Pendidikan::S1 => 11,
        Pendidikan::Profesi | Pendidikan::S2 | Pendidikan::Sp1 => 12,
        Pendidikan::S3 | Pendidikan::Sp2 => 13,
    })
}

/// Why a person due is not eligible at a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotEligible {
    /// No annual evaluation of this year.
    NoEvaluation(i16),
    /// This year's annual predikat is below Baik.
    Below(i16, Predikat),
    /// An objection to this year's annual evaluation is not decided yet.
    Objection(i16),
}

/// What the list warns of, never refusing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromotionWarning {
    /// The next rank is above what the education allows without further study.
    EducationCap(Golongan),
    /// A functional position: its promotion also needs angka kredit.
    Fungsional,
}

/// What the list needs of one person.
#[derive(Debug, Clone, Copy)]
pub struct PromotionInput<'a> {
    pub golongan: Golongan,
    pub tmt_golongan: Option<Date>,
    pub pendidikan: Option<Pendidikan>,
    pub jenis: Option<JenisJabatan>,
    /// (year, predikat) of each annual evaluation, as decided.
    pub annual: &'a [(i16, Predikat)],
    /// The years of the annual evaluations with an objection not decided yet.
    pub open_objections: &'a [i16],
    pub aktif: bool,
}

/// One person due at a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promotion {
    pub from: Golongan,
    pub to: Golongan,
    pub tmt_golongan: Date,
    /// The first day of 4 years in the rank.
    pub due: Date,
    /// Due since an earlier period (not promoted then).
    pub carried: bool,
    /// The annual predikat of the two years judged, oldest first.
    pub predikat: [(i16, Option<Predikat>); 2],
    /// Empty: eligible.
    pub not_eligible: Vec<NotEligible>,
    pub warnings: Vec<PromotionWarning>,
}

impl Promotion {
    pub fn eligible(&self) -> bool {
        self.not_eligible.is_empty()
    }
}

/// Whether and how `p` is on the list of `period`: `None` unless an active PNS below IV/e
/// with a known TMT golongan at least 4 years (to the day) before the period's day.
pub fn assess(p: &PromotionInput, period: PromotionPeriod) -> Option<Promotion> {
    let Golongan::Pns(rank) = p.golongan else {
        return None;
    };
    let to = Golongan::pns(rank + 1)?;
    let tmt = p.tmt_golongan?;
    if !p.aktif {
        return None;
    }
    let due = four_years_after(tmt);
    if due > period.date() {
        return None;
    }
    let predikat = period
        .years_judged()
        .map(|y| (y, p.annual.iter().find(|(py, _)| *py == y).map(|(_, x)| *x)));
    let mut not_eligible = Vec::new();
    for (y, x) in predikat {
        if p.open_objections.contains(&y) {
            not_eligible.push(NotEligible::Objection(y));
        } else {
            match x {
                None => not_eligible.push(NotEligible::NoEvaluation(y)),
                Some(x) if !matches!(x, Predikat::SangatBaik | Predikat::Baik) => {
                    not_eligible.push(NotEligible::Below(y, x))
                }
                Some(_) => {}
            }
        }
    }
    let mut warnings = Vec::new();
    if let Some(ed) = p.pendidikan {
        let cap = education_cap(ed);
        if to > cap {
            warnings.push(PromotionWarning::EducationCap(cap));
        }
    }
    if p.jenis.is_some_and(|j| j.is_fungsional()) {
        warnings.push(PromotionWarning::Fungsional);
    }
    Some(Promotion {
        from: p.golongan,
        to,
        tmt_golongan: tmt,
        due,
        carried: due <= period.previous().date(),
        predikat,
        not_eligible,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn input<'a>(tmt: Option<Date>, annual: &'a [(i16, Predikat)]) -> PromotionInput<'a> {
        PromotionInput {
            golongan: Golongan::parse("III/a", false).unwrap(),
            tmt_golongan: tmt,
            pendidikan: Some(Pendidikan::S1),
            jenis: Some(JenisJabatan::Pelaksana),
            annual,
            open_objections: &[],
            aktif: true,
        }
    }

    const GOOD: [(i16, Predikat); 2] = [(2025, Predikat::Baik), (2026, Predikat::SangatBaik)];

    #[test]
    fn the_six_periods_fall_on_the_first_of_every_other_month_from_february() {
        let days: Vec<Date> = PromotionPeriod::of_year(2027)
            .iter()
            .map(|p| p.date())
            .collect();
        assert_eq!(
            days,
            [2, 4, 6, 8, 10, 12].map(|m| date(2027, m, 1)).to_vec()
        );
        assert_eq!(
            PromotionPeriod::parse("2027-04").unwrap().to_string(),
            "2027-04"
        );
        assert_eq!(
            PromotionPeriod::parse("04/2027"),
            PromotionPeriod::new(2027, 4)
        );
        assert_eq!(
            PromotionPeriod::parse("2027-03"),
            None,
            "March is no period"
        );
        // The period on a period's day is that period; the day after, the next.
        assert_eq!(
            PromotionPeriod::on_or_after(date(2027, 4, 1)),
            PromotionPeriod::new(2027, 4).unwrap()
        );
        assert_eq!(
            PromotionPeriod::on_or_after(date(2027, 4, 2)),
            PromotionPeriod::new(2027, 6).unwrap()
        );
        assert_eq!(
            PromotionPeriod::on_or_after(date(2027, 12, 2)),
            PromotionPeriod::new(2028, 2).unwrap()
        );
        let feb = PromotionPeriod::new(2027, 2).unwrap();
        assert_eq!(feb.previous(), PromotionPeriod::new(2026, 12).unwrap());
        assert_eq!(feb.previous().next(), feb);
    }

    #[test]
    fn four_years_count_to_the_day() {
        let april = PromotionPeriod::new(2027, 4).unwrap();
        // TMT 1 April 2023: 4 years on 1 April 2027, due that period.
        let on_the_day = assess(&input(Some(date(2023, 4, 1)), &GOOD), april).unwrap();
        assert_eq!(on_the_day.due, date(2027, 4, 1));
        assert!(on_the_day.eligible());
        assert!(!on_the_day.carried);
        // One day later: not yet at April, due at June.
        assert_eq!(assess(&input(Some(date(2023, 4, 2)), &GOOD), april), None);
        let june = PromotionPeriod::new(2027, 6).unwrap();
        assert!(assess(&input(Some(date(2023, 4, 2)), &GOOD), june).is_some());
        // Due at February, still listed at April as carried over.
        let carried = assess(&input(Some(date(2023, 2, 1)), &GOOD), april).unwrap();
        assert!(carried.carried);
        // A leap day: 29 February 2024 + 4 years is 29 February 2028.
        assert_eq!(four_years_after(date(2024, 2, 29)), date(2028, 2, 29));
        // No TMT, a PPPK, IV/e, or inactive: not on the list.
        assert_eq!(assess(&input(None, &GOOD), april), None);
        let top = PromotionInput {
            golongan: Golongan::parse("IV/e", false).unwrap(),
            ..input(Some(date(2010, 1, 1)), &GOOD)
        };
        assert_eq!(assess(&top, april), None);
        let pppk = PromotionInput {
            golongan: Golongan::Pppk(9),
            ..input(Some(date(2010, 1, 1)), &GOOD)
        };
        assert_eq!(assess(&pppk, april), None);
        let gone = PromotionInput {
            aktif: false,
            ..input(Some(date(2010, 1, 1)), &GOOD)
        };
        assert_eq!(assess(&gone, april), None);
    }

    #[test]
    fn the_last_two_years_must_each_be_at_least_baik() {
        let april = PromotionPeriod::new(2027, 4).unwrap();
        let tmt = Some(date(2020, 1, 1));
        let below = [(2025, Predikat::Baik), (2026, Predikat::ButuhPerbaikan)];
        let p = assess(&input(tmt, &below), april).unwrap();
        assert_eq!(
            p.not_eligible,
            vec![NotEligible::Below(2026, Predikat::ButuhPerbaikan)]
        );
        let missing = [(2026, Predikat::Baik)];
        let p = assess(&input(tmt, &missing), april).unwrap();
        assert_eq!(p.not_eligible, vec![NotEligible::NoEvaluation(2025)]);
        assert_eq!(p.predikat, [(2025, None), (2026, Some(Predikat::Baik))]);
        // An objection not decided yet holds the year back whatever it says now.
        let open = PromotionInput {
            open_objections: &[2026],
            ..input(tmt, &GOOD)
        };
        assert_eq!(
            assess(&open, april).unwrap().not_eligible,
            vec![NotEligible::Objection(2026)]
        );
        // The year of the period itself does not count.
        let this_year = [
            (2025, Predikat::Baik),
            (2026, Predikat::Baik),
            (2027, Predikat::Kurang),
        ];
        assert!(assess(&input(tmt, &this_year), april).unwrap().eligible());
    }

    #[test]
    fn the_education_cap_and_a_functional_position_are_warnings_only() {
        let april = PromotionPeriod::new(2027, 4).unwrap();
        // An S-1 at III/d goes to IV/a, above the S-1 cap III/d: warned, still eligible.
        let capped = PromotionInput {
            golongan: Golongan::parse("III/d", false).unwrap(),
            jenis: Some(JenisJabatan::AhliMuda),
            ..input(Some(date(2020, 1, 1)), &GOOD)
        };
        let p = assess(&capped, april).unwrap();
        assert!(p.eligible());
        assert_eq!(p.to.to_string(), "IV/a");
        assert_eq!(
            p.warnings,
            vec![
                PromotionWarning::EducationCap(Golongan::parse("III/d", false).unwrap()),
                PromotionWarning::Fungsional
            ]
        );
        // III/c to III/d is within the S-1 cap.
        let within = PromotionInput {
            golongan: Golongan::parse("III/c", false).unwrap(),
            ..input(Some(date(2020, 1, 1)), &GOOD)
        };
        assert!(assess(&within, april).unwrap().warnings.is_empty());
        assert_eq!(education_cap(Pendidikan::Sd).to_string(), "II/a");
        assert_eq!(education_cap(Pendidikan::S3).to_string(), "IV/b");
    }
}
