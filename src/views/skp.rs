//! The SKP as the screens, documents and exports show it: for one person and one evaluation
//! period, each indicator of the plan with its RHK, target, realisation, capaian, evidence
//! and feedback (DOMAIN.md, The SKP cycle). Computed here once, so the evaluation form, the
//! record, the profile and `export` show the same capaian.

use crate::domain::skp::{self, HasilKerjaWarning};
use crate::domain::{Aspek, Evaluation, JenisRhk, Nilai, Period, Rating, Skp};
use crate::store::{Store, StoreError};

/// One indicator of a plan, read for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    /// 1-based number of the RHK in the plan, as printed (`RHK 2`).
    pub rhk_no: usize,
    pub rhk_id: u32,
    pub jenis: JenisRhk,
    pub rhk: String,
    /// The superior's RHK or Perjanjian Kinerja line it supports ("" when not said).
    pub intervensi: String,
    pub indikator_id: u32,
    pub aspek: Aspek,
    pub indikator: String,
    pub target: Nilai,
    /// The realisation read for the period (for the annual: the latest in the year).
    pub realisasi: Option<Nilai>,
    /// Realisation against target in percent, where both are numbers.
    pub capaian: Option<f64>,
    pub met: Option<bool>,
    /// Evidence recorded for this indicator or for its RHK as a whole.
    pub bukti: usize,
    /// Feedback recorded for this indicator or its RHK, and the latest one's text.
    pub umpan_balik: usize,
    pub last_umpan_balik: Option<String>,
}

/// A person's plan read for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpReading {
    pub skp: Skp,
    pub period: Period,
    pub rows: Vec<IndicatorRow>,
}

impl SkpReading {
    /// Reads `skp` for `period`.
    pub fn of(skp: &Skp, period: Period) -> SkpReading {
        let readings = skp::readings(skp, period);
        let mut rows = Vec::with_capacity(readings.len());
        let mut it = readings.into_iter();
        for (n, r) in skp.rhk.iter().enumerate() {
            for i in &r.indikator {
                let Some(reading) = it.next() else { break };
                let about = |x: Option<u32>| x.is_none() || x == Some(i.id);
                let feedback: Vec<_> = r
                    .umpan_balik
                    .iter()
                    .filter(|u| about(u.indikator))
                    .collect();
                rows.push(IndicatorRow {
                    rhk_no: n + 1,
                    rhk_id: r.id,
                    jenis: r.jenis,
                    rhk: r.teks.clone(),
                    intervensi: r.intervensi.teks().to_string(),
                    indikator_id: i.id,
                    aspek: i.aspek,
                    indikator: i.teks.clone(),
                    target: i.target.clone(),
                    realisasi: reading.realisasi,
                    capaian: reading.capaian,
                    met: reading.met,
                    bukti: r.bukti.iter().filter(|b| about(b.indikator)).count(),
                    umpan_balik: feedback.len(),
                    last_umpan_balik: feedback
                        .iter()
                        .max_by_key(|u| (u.tanggal, u.id))
                        .map(|u| u.teks.clone()),
                });
            }
        }
        SkpReading {
            skp: skp.clone(),
            period,
            rows,
        }
    }

    /// Indicators with a realisation for the period, and all of them.
    pub fn realised(&self) -> (usize, usize) {
        (
            self.rows.iter().filter(|r| r.realisasi.is_some()).count(),
            self.rows.len(),
        )
    }

    /// The warnings for rating Hasil Kerja `rating` in this period.
    pub fn warnings(&self, rating: Rating) -> Vec<HasilKerjaWarning> {
        skp::hasil_kerja_warnings(&self.skp, self.period, rating)
    }
}

/// Capaian as printed: `120%`, `95,5%`; `-` when there is none.
pub fn capaian_text(c: Option<f64>) -> String {
    match c {
        None => "-".into(),
        Some(v) => {
            let tenths = (v * 10.0).round() as i64;
            if tenths % 10 == 0 {
                format!("{}%", tenths / 10)
            } else {
                format!("{},{}%", tenths / 10, (tenths % 10).abs())
            }
        }
    }
}

/// The plan of the person `nip` for `period`, read for it; `None` when the period has no
/// SKP (older years, imports): the screens say so and keep working.
pub fn reading_for(
    store: &Store,
    nip: &str,
    period: Period,
) -> Result<Option<SkpReading>, StoreError> {
    let skps = store.skp_of(nip)?;
    Ok(skp::skp_for(&skps, period).map(|s| SkpReading::of(s, period)))
}

/// The reading that an evaluation was made against.
pub fn reading_for_evaluation(
    store: &Store,
    nip: &str,
    e: &Evaluation,
) -> Result<Option<SkpReading>, StoreError> {
    reading_for(store, nip, e.period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Indikator, Intervensi, PeriodKind, PersonAtTime, Rhk};

    #[test]
    fn rows_carry_capaian_and_count_evidence_for_the_indicator_or_its_rhk() {
        let mut s = Skp::new_year(
            2026,
            PersonAtTime::named("A", None),
            PersonAtTime::named("B", None),
        );
        let mut r = Rhk::new(JenisRhk::Utama, "Layanan", Intervensi::None);
        for (aspek, t) in [(Aspek::Kuantitas, "10 laporan"), (Aspek::Waktu, "3 hari")] {
            r.indikator.push(Indikator {
                id: 0,
                aspek,
                teks: "x".into(),
                target: Nilai::parse(t).expect("target"),
                realisasi: Vec::new(),
            });
        }
        s.rhk.push(r);
        s.number();
        let q = Period::new(2026, PeriodKind::Triwulan(1)).expect("q");
        let first = s.rhk[0].indikator[0].id;
        s.indikator_mut(first)
            .expect("indicator")
            .set_realisasi(q, Nilai::parse("12 laporan"), "");
        s.rhk[0].bukti.push(crate::domain::Bukti {
            id: 0,
            indikator: Some(first),
            tanggal: jiff::civil::date(2026, 3, 1),
            uraian: "Arsip".into(),
            lokasi: "Map 1".into(),
        });
        s.rhk[0].bukti.push(crate::domain::Bukti {
            id: 0,
            indikator: None,
            tanggal: jiff::civil::date(2026, 3, 2),
            uraian: "Foto".into(),
            lokasi: "Drive".into(),
        });
        s.number();
        let v = SkpReading::of(&s, q);
        assert_eq!(v.rows.len(), 2);
        assert_eq!(capaian_text(v.rows[0].capaian), "120%");
        assert_eq!(v.rows[0].bukti, 2);
        assert_eq!(v.rows[1].bukti, 1);
        assert_eq!(v.realised(), (1, 2));
        assert_eq!(capaian_text(Some(95.55)), "95,6%");
        assert_eq!(capaian_text(None), "-");
    }
}
