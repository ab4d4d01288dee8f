//! Angka kredit of functional staff from the predikat (DOMAIN.md, "After the evaluation";
//! PermenPANRB 1/2023, Peraturan BKN 3/2023): each year's (or period's) predikat converts to
//! credit, a percentage of the jenjang's annual coefficient, pro rata by months for a
//! periodic result:
//!
//! ```text
//! angka kredit = months / 12 × percentage of the predikat × annual coefficient of the jenjang
//! ```
//!
//! (BKN's example: Ahli Pertama, Baik for January-February: 2/12 × 100% × 12.5 = 2.083.)
//! The facts of each functional jenjang (its coefficient, its rank range, the cumulative
//! credit a promotion needs) are ONE table, [`JENJANG`], with its source; the percentages
//! are [`PERSENTASE`]. Change them there.
//!
//! A year counts once: its annual (tahunan) evaluation when there is one (12 months);
//! else its periodic ones, the longest first, each month once (a month already covered
//! leaves the later period out, so a quarter and a month inside it never both count).
//! A period not ended yet is shown and not counted (provisional). Years before
//! [`FIRST_YEAR`] are not converted: their credit is in the PAK integrasi, which kinerja
//! does not store. Under the integrated model a promotion to the next jenjang starts the
//! count again at 0, so the total toward the next jenjang is the credit earned in the
//! current jenjang (the jenjang each evaluation recorded for the person at the time).

use super::evaluation::Period;
use super::jabatan::JenisJabatan;
use super::rank::Golongan;
use super::rating::Predikat;
use jiff::civil::Date;

/// The first year whose predikat converts to credit: the conversion began with 2023's
/// performance (Peraturan BKN 3/2023; BKN's technical guidance counts January-December
/// 2023 as the first annual conversion, earlier credit going into the PAK integrasi).
pub const FIRST_YEAR: i16 = 2023;

/// An amount of angka kredit, exact: in units of 1/120,000 (coefficients have two
/// decimals, percentages are whole, months are twelfths), so sums never drift. Shown
/// rounded to three decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AngkaKredit(u64);

/// Units per 1 angka kredit: 100 (hundredths) × 100 (percent) × 12 (months).
const UNIT: u64 = 120_000;

impl AngkaKredit {
    pub const ZERO: AngkaKredit = AngkaKredit(0);

    /// `hundredths` / 100 angka kredit (a coefficient such as 12.50 = 1250).
    pub const fn from_hundredths(hundredths: u32) -> AngkaKredit {
        AngkaKredit(hundredths as u64 * (UNIT / 100))
    }

    /// A whole number of angka kredit (a cumulative requirement such as 100).
    pub const fn whole(n: u32) -> AngkaKredit {
        AngkaKredit(n as u64 * UNIT)
    }

    /// Rounded to thousandths, half up: 2.0833... is 2083.
    pub fn thousandths(self) -> u64 {
        (self.0 * 1000 + UNIT / 2) / UNIT
    }

    /// Three decimals with a point, for CSV: `2.083`, `12.500`.
    pub fn fixed(self) -> String {
        let t = self.thousandths();
        format!("{}.{:03}", t / 1000, t % 1000)
    }

    /// At most three decimals, trailing zeros dropped, with `decimal` as the separator
    /// (`,` in Indonesian): `12,5`, `2,083`, `100`.
    pub fn text(self, decimal: char) -> String {
        let t = self.thousandths();
        let frac = format!("{:03}", t % 1000);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            format!("{}", t / 1000)
        } else {
            format!("{}{decimal}{frac}", t / 1000)
        }
    }

    pub fn saturating_sub(self, other: AngkaKredit) -> AngkaKredit {
        AngkaKredit(self.0.saturating_sub(other.0))
    }
}

impl std::ops::Add for AngkaKredit {
    type Output = AngkaKredit;
    fn add(self, other: AngkaKredit) -> AngkaKredit {
        AngkaKredit(self.0 + other.0)
    }
}

impl std::iter::Sum for AngkaKredit {
    fn sum<I: Iterator<Item = AngkaKredit>>(iter: I) -> AngkaKredit {
        iter.fold(AngkaKredit::ZERO, |a, b| a + b)
    }
}

/// What the regulations fix for one functional jenjang.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JenjangFungsional {
    pub jenjang: JenisJabatan,
    /// The annual coefficient (koefisien angka kredit tahunan), in hundredths.
    pub koefisien: u32,
    /// The lowest and highest PNS rank of the jenjang (inclusive).
    pub golongan: (Golongan, Golongan),
    /// Cumulative credit for the next rank within the jenjang (kenaikan pangkat).
    pub kenaikan_pangkat: Option<u32>,
    /// The next jenjang and the cumulative credit it needs (kenaikan jenjang); `None`
    /// at the top of the category.
    pub kenaikan_jenjang: Option<(JenisJabatan, u32)>,
}

const fn pns(index: u8) -> Golongan {
    Golongan::Pns(index)
}

/// Each functional jenjang: the annual coefficient (PermenPANRB 1/2023, Lampiran; Peraturan
/// BKN 3/2023), the rank range, and the cumulative credit for a promotion under the
/// integrated model ("AK kebutuhan kenaikan pangkat/jenjang model konversi", BKN's
/// technical guidance on Peraturan BKN 3/2023, Direktorat Jabatan ASN, July 2023).
/// Rank indices: II/a 4, II/b 5, II/d 7, III/a 8, III/b 9, III/c 10, III/d 11, IV/a 12,
/// IV/c 14, IV/d 15, IV/e 16.
pub const JENJANG: [JenjangFungsional; 8] = [
    // Keterampilan.
    JenjangFungsional {
        jenjang: JenisJabatan::Pemula,
        koefisien: 375,
        golongan: (pns(4), pns(4)),
        kenaikan_pangkat: Some(15),
        kenaikan_jenjang: Some((JenisJabatan::Terampil, 15)),
    },
    JenjangFungsional {
        jenjang: JenisJabatan::Terampil,
        koefisien: 500,
        golongan: (pns(5), pns(7)),
        kenaikan_pangkat: Some(20),
        kenaikan_jenjang: Some((JenisJabatan::Mahir, 60)),
    },
    JenjangFungsional {
        jenjang: JenisJabatan::Mahir,
        koefisien: 1250,
        golongan: (pns(8), pns(9)),
        kenaikan_pangkat: Some(50),
        kenaikan_jenjang: Some((JenisJabatan::Penyelia, 100)),
    },
    JenjangFungsional {
        jenjang: JenisJabatan::Penyelia,
        koefisien: 2500,
        golongan: (pns(10), pns(11)),
        kenaikan_pangkat: Some(100),
        kenaikan_jenjang: None,
    },
    // Keahlian.
    JenjangFungsional {
        jenjang: JenisJabatan::AhliPertama,
        koefisien: 1250,
        golongan: (pns(8), pns(9)),
        kenaikan_pangkat: Some(50),
        kenaikan_jenjang: Some((JenisJabatan::AhliMuda, 100)),
    },
    JenjangFungsional {
        jenjang: JenisJabatan::AhliMuda,
        koefisien: 2500,
        golongan: (pns(10), pns(11)),
        kenaikan_pangkat: Some(100),
        kenaikan_jenjang: Some((JenisJabatan::AhliMadya, 200)),
    },
    JenjangFungsional {
        jenjang: JenisJabatan::AhliMadya,
        koefisien: 3750,
        golongan: (pns(12), pns(14)),
        kenaikan_pangkat: Some(150),
        kenaikan_jenjang: Some((JenisJabatan::AhliUtama, 450)),
    },
    JenjangFungsional {
        jenjang: JenisJabatan::AhliUtama,
        koefisien: 5000,
        golongan: (pns(15), pns(16)),
        kenaikan_pangkat: Some(200),
        kenaikan_jenjang: None,
    },
];

/// The percentage of the annual coefficient each predikat earns (Peraturan BKN 3/2023).
pub const PERSENTASE: [(Predikat, u32); 5] = [
    (Predikat::SangatBaik, 150),
    (Predikat::Baik, 100),
    (Predikat::ButuhPerbaikan, 75),
    (Predikat::Kurang, 50),
    (Predikat::SangatKurang, 25),
];

/// The facts of a functional jenjang; `None` for any other kind of position.
pub fn jenjang_fungsional(jenjang: JenisJabatan) -> Option<&'static JenjangFungsional> {
    JENJANG.iter().find(|j| j.jenjang == jenjang)
}

/// The percentage a predikat earns.
pub fn persentase(p: Predikat) -> u32 {
    PERSENTASE
        .iter()
        .find(|(q, _)| *q == p)
        .map_or(0, |(_, pct)| *pct)
}

/// The credit of `months` (1-12) of a predikat at a jenjang; `None` when the jenjang is
/// not functional.
pub fn kredit(jenjang: JenisJabatan, predikat: Predikat, months: u8) -> Option<AngkaKredit> {
    let j = jenjang_fungsional(jenjang)?;
    // hundredths × percent × months, in units of 1/120,000: exact.
    Some(AngkaKredit(
        u64::from(j.koefisien) * u64::from(persentase(predikat)) * u64::from(months.min(12)),
    ))
}

/// Whether an evaluation's credit counts toward its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KreditStatus {
    /// Counted in its year's total.
    Dihitung,
    /// A periodic result of a year whose annual evaluation counts instead.
    DigantiTahunan,
    /// A periodic result whose months a longer period of the year already covers.
    Tumpang,
    /// The period has not ended: shown, not counted yet.
    Sementara,
}

impl KreditStatus {
    /// The CSV value.
    pub fn code(self) -> &'static str {
        match self {
            KreditStatus::Dihitung => "dihitung",
            KreditStatus::DigantiTahunan => "diganti tahunan",
            KreditStatus::Tumpang => "tumpang tindih",
            KreditStatus::Sementara => "sementara",
        }
    }
}

/// One evaluation converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KreditEntry {
    pub period: Period,
    pub predikat: Predikat,
    /// The jenjang at the time of the evaluation.
    pub jenjang: JenisJabatan,
    /// The months the period covers (12 for the annual).
    pub months: u8,
    pub kredit: AngkaKredit,
    pub status: KreditStatus,
}

/// A person's angka kredit: every converted evaluation, each year's total and the total
/// toward the next jenjang.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KreditRecord {
    /// The person's current jenjang.
    pub jenjang: JenisJabatan,
    /// Every evaluation from [`FIRST_YEAR`] at a functional jenjang, in timeline order.
    pub entries: Vec<KreditEntry>,
    /// Each year's counted credit, oldest first (years with any counted entry).
    pub years: Vec<(i16, AngkaKredit)>,
    /// The counted credit earned at the current jenjang.
    pub in_jenjang: AngkaKredit,
    /// The next jenjang and the cumulative credit it needs; `None` at the top.
    pub next: Option<(JenisJabatan, AngkaKredit)>,
}

impl KreditRecord {
    /// The credit still missing for the next jenjang (0 when reached).
    pub fn missing(&self) -> Option<AngkaKredit> {
        self.next
            .map(|(_, need)| need.saturating_sub(self.in_jenjang))
    }

    /// The counted credit of `year`.
    pub fn of_year(&self, year: i16) -> AngkaKredit {
        self.years
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(AngkaKredit::ZERO, |(_, k)| *k)
    }
}

/// The jenjang a position text ends in ("Perawat Ahli Pertama"), if functional: how an
/// evaluation's `pegawai` (the person at the time) names it.
pub fn jenjang_in_title(title: &str) -> Option<JenisJabatan> {
    let t = title.trim().to_lowercase();
    JenisJabatan::ALL
        .into_iter()
        .filter(|j| j.is_fungsional())
        .find(|j| t.ends_with(&j.label().to_lowercase()))
}

/// The angka kredit of a person whose current position is `current`, from their
/// evaluations as (period, predikat (the decided one), jenjang at the time if known: the
/// current one otherwise), on `today`. `None` when the current position is not functional.
pub fn angka_kredit(
    current: JenisJabatan,
    evaluations: &[(Period, Predikat, Option<JenisJabatan>)],
    today: Date,
) -> Option<KreditRecord> {
    let facts = jenjang_fungsional(current)?;
    let mut entries: Vec<KreditEntry> = evaluations
        .iter()
        .filter(|(p, ..)| p.year >= FIRST_YEAR)
        .filter_map(|(period, predikat, then)| {
            let jenjang = then.unwrap_or(current);
            let (first, last) = period.months();
            let months = u8::try_from(last - first + 1).unwrap_or(12);
            Some(KreditEntry {
                period: *period,
                predikat: *predikat,
                jenjang,
                months,
                kredit: kredit(jenjang, *predikat, months)?,
                status: KreditStatus::Dihitung,
            })
        })
        .collect();
    entries.sort_by_key(|e| e.period.sort_key());
    let mut years: Vec<i16> = entries.iter().map(|e| e.period.year).collect();
    years.dedup();
    let mut totals = Vec::new();
    for year in years {
        let of_year: Vec<usize> = (0..entries.len())
            .filter(|i| entries[*i].period.year == year)
            .collect();
        // An annual evaluation replaces the periodic ones once its year has ended.
        let annual = of_year.iter().copied().find(|i| {
            let p = entries[*i].period;
            p.kind == super::evaluation::PeriodKind::Tahunan && !p.is_provisional(today)
        });
        // Longest first, then earliest: each month counts once.
        let mut order = of_year.clone();
        order.sort_by_key(|i| {
            let e = &entries[*i];
            (std::cmp::Reverse(e.months), e.period.months().0)
        });
        let mut covered = 0u16;
        for i in order {
            let e = &mut entries[i];
            let (first, last) = e.period.months();
            let mask = (first..=last).fold(0u16, |m, month| m | (1 << month));
            e.status = if e.period.is_provisional(today) {
                KreditStatus::Sementara
            } else if annual.is_some_and(|a| a != i) {
                KreditStatus::DigantiTahunan
            } else if covered & mask != 0 {
                KreditStatus::Tumpang
            } else {
                covered |= mask;
                KreditStatus::Dihitung
            };
        }
        let total: AngkaKredit = of_year
            .iter()
            .filter(|i| entries[**i].status == KreditStatus::Dihitung)
            .map(|i| entries[*i].kredit)
            .sum();
        if of_year
            .iter()
            .any(|i| entries[*i].status == KreditStatus::Dihitung)
        {
            totals.push((year, total));
        }
    }
    let in_jenjang = entries
        .iter()
        .filter(|e| e.status == KreditStatus::Dihitung && e.jenjang == current)
        .map(|e| e.kredit)
        .sum();
    Some(KreditRecord {
        jenjang: current,
        entries,
        years: totals,
        in_jenjang,
        next: facts
            .kenaikan_jenjang
            .map(|(j, need)| (j, AngkaKredit::whole(need))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PeriodKind;
    use JenisJabatan::*;
    use Predikat::*;
    use jiff::civil::date;

    fn period(year: i16, kind: PeriodKind) -> Period {
        Period::new(year, kind).unwrap()
    }

    #[test]
    fn the_coefficients_and_percentages_are_domain_mds() {
        // DOMAIN.md, "After the evaluation": keahlian 12.5, 25, 37.5, 50; keterampilan
        // 3.75, 5, 12.5, 25; Sangat Baik 150% ... Sangat Kurang 25%.
        let want = [
            (AhliPertama, 1250),
            (AhliMuda, 2500),
            (AhliMadya, 3750),
            (AhliUtama, 5000),
            (Pemula, 375),
            (Terampil, 500),
            (Mahir, 1250),
            (Penyelia, 2500),
        ];
        for (j, k) in want {
            assert_eq!(jenjang_fungsional(j).map(|f| f.koefisien), Some(k), "{j:?}");
            // A whole year of Baik earns the coefficient.
            assert_eq!(
                kredit(j, Baik, 12),
                Some(AngkaKredit::from_hundredths(k)),
                "{j:?}"
            );
        }
        let pct = [
            (SangatBaik, 150),
            (Baik, 100),
            (ButuhPerbaikan, 75),
            (Kurang, 50),
            (SangatKurang, 25),
        ];
        for (p, x) in pct {
            assert_eq!(persentase(p), x, "{p:?}");
        }
        // Only functional positions earn credit.
        for j in [JptPratama, Administrator, Pengawas, Pelaksana] {
            assert_eq!(kredit(j, Baik, 12), None, "{j:?}");
            assert!(angka_kredit(j, &[], date(2026, 1, 1)).is_none());
        }
    }

    #[test]
    fn the_extremes_of_the_table() {
        // The smallest: Pemula, Sangat Kurang, one month: 3.75 × 25% / 12 = 0.078125.
        let k = kredit(Pemula, SangatKurang, 1).unwrap();
        assert_eq!(k.fixed(), "0.078");
        assert_eq!(k.text(','), "0,078");
        // The largest: Ahli Utama, Sangat Baik, a year: 50 × 150% = 75.
        assert_eq!(kredit(AhliUtama, SangatBaik, 12).unwrap().text(','), "75");
        // Ahli Pertama, Sangat Baik: 18.75 (BKN's example).
        assert_eq!(
            kredit(AhliPertama, SangatBaik, 12).unwrap().text('.'),
            "18.75"
        );
        // Pemula, Butuh Perbaikan: 3.75 × 75% = 2.8125, shown 2.813 (half up).
        assert_eq!(kredit(Pemula, ButuhPerbaikan, 12).unwrap().fixed(), "2.813");
    }

    #[test]
    fn a_periodic_result_is_pro_rata_by_months() {
        // BKN's example: Ahli Pertama, Baik, January-February: 2/12 × 100% × 12.5 = 2.083.
        let r = angka_kredit(
            AhliPertama,
            &[
                (period(2023, PeriodKind::Tahunan), SangatBaik, None),
                (period(2024, PeriodKind::Rentang(1, 2)), Baik, None),
            ],
            date(2024, 12, 31),
        )
        .unwrap();
        assert_eq!(r.of_year(2023).text('.'), "18.75");
        assert_eq!(r.of_year(2024).text('.'), "2.083");
        // The sum is exact (18.75 + 2.08333...), shown 20.833.
        assert_eq!(r.in_jenjang.text('.'), "20.833");
        assert_eq!(r.next, Some((AhliMuda, AngkaKredit::whole(100))));
        assert_eq!(r.missing().unwrap().text('.'), "79.167");
        // A quarter is 3 months; four quarters of Baik are a year of Baik.
        let q: Vec<_> = (1..=4)
            .map(|n| (period(2025, PeriodKind::Triwulan(n)), Baik, None))
            .collect();
        let r = angka_kredit(Mahir, &q, date(2026, 1, 1)).unwrap();
        assert_eq!(r.of_year(2025), kredit(Mahir, Baik, 12).unwrap());
    }

    #[test]
    fn a_year_counts_once_the_annual_before_its_periodic_ones() {
        let evaluations = [
            (period(2025, PeriodKind::Triwulan(1)), Kurang, None),
            (period(2025, PeriodKind::Bulanan(2)), SangatKurang, None),
            (period(2025, PeriodKind::Tahunan), Baik, None),
            (period(2026, PeriodKind::Triwulan(1)), SangatBaik, None),
            // February is inside the first quarter: left out.
            (period(2026, PeriodKind::Bulanan(2)), Baik, None),
            (period(2026, PeriodKind::Bulanan(4)), Baik, None),
            // Not ended on the day: shown, not counted.
            (period(2026, PeriodKind::Triwulan(4)), Baik, None),
            // Nor is the annual of a year not ended, which replaces nothing yet.
            (period(2026, PeriodKind::Tahunan), Baik, None),
        ];
        let r = angka_kredit(AhliMuda, &evaluations, date(2026, 11, 28)).unwrap();
        assert_eq!(r.of_year(2025), AngkaKredit::whole(25));
        let status = |y, kind| {
            r.entries
                .iter()
                .find(|e| e.period == period(y, kind))
                .unwrap()
                .status
        };
        assert_eq!(
            status(2025, PeriodKind::Triwulan(1)),
            KreditStatus::DigantiTahunan
        );
        assert_eq!(status(2025, PeriodKind::Tahunan), KreditStatus::Dihitung);
        assert_eq!(status(2026, PeriodKind::Bulanan(2)), KreditStatus::Tumpang);
        assert_eq!(status(2026, PeriodKind::Bulanan(4)), KreditStatus::Dihitung);
        assert_eq!(
            status(2026, PeriodKind::Triwulan(4)),
            KreditStatus::Sementara
        );
        assert_eq!(status(2026, PeriodKind::Tahunan), KreditStatus::Sementara);
        // 2026: 3/12 × 150% × 25 + 1/12 × 100% × 25 = 9.375 + 2.0833 = 11.458.
        assert_eq!(r.of_year(2026).fixed(), "11.458");
        assert_eq!(r.in_jenjang.fixed(), "36.458");
    }

    #[test]
    fn years_before_the_conversion_and_other_jenjang_do_not_count_toward_the_next() {
        let evaluations = [
            // 2022 is in the PAK integrasi: not converted here.
            (
                period(FIRST_YEAR - 1, PeriodKind::Tahunan),
                SangatBaik,
                None,
            ),
            // At Ahli Pertama then: counted in its year, not toward Ahli Madya.
            (period(2023, PeriodKind::Tahunan), Baik, Some(AhliPertama)),
            (period(2024, PeriodKind::Tahunan), Baik, Some(AhliMuda)),
            // Pelaksana then: no credit at all.
            (period(2025, PeriodKind::Tahunan), Baik, Some(Pelaksana)),
        ];
        let r = angka_kredit(AhliMuda, &evaluations, date(2026, 1, 1)).unwrap();
        assert_eq!(
            r.years,
            vec![
                (2023, AngkaKredit::from_hundredths(1250)),
                (2024, AngkaKredit::whole(25))
            ]
        );
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.in_jenjang, AngkaKredit::whole(25));
        assert_eq!(r.next, Some((AhliMadya, AngkaKredit::whole(200))));
        // The top of a category has no next jenjang.
        let top = angka_kredit(Penyelia, &[], date(2026, 1, 1)).unwrap();
        assert_eq!(top.next, None);
        assert_eq!(top.missing(), None);
    }

    #[test]
    fn reaching_the_requirement_leaves_nothing_missing() {
        // Pemula needs 15 for Terampil: four years of Baik (3.75 each) is exactly 15.
        let years: Vec<_> = (2023..=2026)
            .map(|y| (period(y, PeriodKind::Tahunan), Baik, None))
            .collect();
        let r = angka_kredit(Pemula, &years, date(2027, 1, 1)).unwrap();
        assert_eq!(r.in_jenjang, AngkaKredit::whole(15));
        assert_eq!(r.missing(), Some(AngkaKredit::ZERO));
        // Three years are 11.25: 3.75 missing.
        let r = angka_kredit(Pemula, &years[..3], date(2027, 1, 1)).unwrap();
        assert_eq!(r.missing().unwrap().text(','), "3,75");
    }

    #[test]
    fn the_jenjang_is_read_from_the_title_at_the_time() {
        assert_eq!(jenjang_in_title("Perawat Ahli Pertama"), Some(AhliPertama));
        assert_eq!(jenjang_in_title("Bidan Terampil "), Some(Terampil));
        assert_eq!(jenjang_in_title("Kepala Puskesmas"), None);
    }

    #[test]
    fn every_jenjang_has_a_rank_range_in_order() {
        // DOMAIN.md: Ahli Pertama III/a-b, Ahli Muda III/c-d, Ahli Madya IV/a-c, Ahli
        // Utama IV/d-e.
        let range = |j| {
            let f = jenjang_fungsional(j).unwrap();
            (f.golongan.0.to_string(), f.golongan.1.to_string())
        };
        assert_eq!(range(AhliPertama), ("III/a".into(), "III/b".into()));
        assert_eq!(range(AhliMuda), ("III/c".into(), "III/d".into()));
        assert_eq!(range(AhliMadya), ("IV/a".into(), "IV/c".into()));
        assert_eq!(range(AhliUtama), ("IV/d".into(), "IV/e".into()));
        for f in JENJANG {
            assert!(f.golongan.0 <= f.golongan.1, "{f:?}");
        }
    }
}
