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

// ---- Planning (perencanaan): the record's SKP rows, the plan above a person's, and
// the people an SKP names by default (issue 19, planning part).

/// One SKP as the record's SKP section lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkpRow {
    pub id: u32,
    pub mulai: jiff::civil::Date,
    pub selesai: jiff::civil::Date,
    pub form: crate::domain::SkpForm,
    pub pendekatan: crate::domain::Pendekatan,
    pub status: crate::domain::SkpStatus,
    pub rhk: usize,
    /// Indicators with a realisation in the SKP's span, and all of them.
    pub realised: usize,
    pub indicators: usize,
}

impl SkpRow {
    pub fn of(skp: &Skp) -> SkpRow {
        let (realised, indicators) = SkpReading::of(skp, skp.span_period()).realised();
        SkpRow {
            id: skp.id,
            mulai: skp.mulai,
            selesai: skp.selesai,
            form: skp.form,
            pendekatan: skp.pendekatan,
            status: skp.status,
            rhk: skp.rhk.len(),
            realised,
            indicators,
        }
    }
}

/// A person's SKPs as the record lists them: the newest span first.
pub fn skp_rows(skps: &[Skp]) -> Vec<SkpRow> {
    let mut rows: Vec<SkpRow> = skps.iter().map(SkpRow::of).collect();
    rows.sort_by_key(|r| std::cmp::Reverse((r.mulai, r.id)));
    rows
}

/// The plan an RHK can support ("RHK pimpinan yang diintervensi"): the SKP of the head of
/// the person's unit that covers the day the person's SKP starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superior {
    /// The head's NIP digits and name.
    pub nip: String,
    pub nama: String,
    pub skp_id: u32,
    /// Each RHK of that SKP: (id, text, Utama or Tambahan), in plan order.
    pub rhk: Vec<(u32, String, JenisRhk)>,
}

impl Superior {
    /// The link an RHK keeps to the superior's RHK `rhk_id`.
    pub fn link(&self, rhk_id: u32) -> Option<(String, u32, u32)> {
        self.rhk
            .iter()
            .any(|(id, ..)| *id == rhk_id)
            .then(|| (self.nip.clone(), self.skp_id, rhk_id))
    }
}

/// The head's plan above the person `nip` on `day`, when the person has a unit head other
/// than themselves and that head has an SKP covering the day.
pub fn superior_plan(
    store: &Store,
    nip: &str,
    day: jiff::civil::Date,
) -> Result<Option<Superior>, StoreError> {
    let Some(staff) = store.get_staff(nip)? else {
        return Ok(None);
    };
    let Some(head) = store
        .get_unit(&staff.unit_id)?
        .and_then(|u| u.head)
        .filter(|h| h.as_str() != nip)
    else {
        return Ok(None);
    };
    let head_staff = store.get_staff(head.as_str())?;
    let skps = store.skp_of(head.as_str())?;
    let plan = skps
        .iter()
        .filter(|s| s.mulai <= day && day <= s.selesai)
        .max_by_key(|s| (s.mulai, s.id));
    Ok(plan.map(|s| Superior {
        nip: head.as_str().to_string(),
        nama: head_staff.map_or(head.as_str().to_string(), |h| h.display_name()),
        skp_id: s.id,
        rhk: s
            .rhk
            .iter()
            .map(|r| (r.id, r.teks.clone(), r.jenis))
            .collect(),
    }))
}

/// Who a new SKP names, as the staff records hold them today (DOMAIN.md: "as they are at
/// that time"): the pegawai, the pejabat penilai (the unit head; for the head, the head of
/// the unit above, else the latest evaluation's evaluator) and the atasan (the head above
/// the evaluator, else the latest evaluation's atasan).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanPeople {
    pub pegawai: crate::domain::PersonAtTime,
    pub penilai: Option<crate::domain::PersonAtTime>,
    pub atasan: Option<crate::domain::PersonAtTime>,
    /// The person heads their unit: their RHK cite the Perjanjian Kinerja.
    pub head: bool,
    pub unit_id: String,
}

/// A staff record as an SKP names it.
fn person_of(
    store: &Store,
    s: &crate::domain::Staff,
) -> Result<crate::domain::PersonAtTime, StoreError> {
    let unit = store
        .get_unit(&s.unit_id)?
        .map_or(s.unit_id.clone(), |u| u.name);
    Ok(crate::domain::PersonAtTime {
        nip: Some(s.nip.clone()),
        nama: s.display_name(),
        golongan: Some(s.golongan),
        jabatan: s.jabatan.title(),
        unit,
    })
}

/// The head of `unit_id` as an SKP names them, unless that is `except`.
fn head_of(
    store: &Store,
    unit_id: &str,
    except: &str,
) -> Result<Option<crate::domain::PersonAtTime>, StoreError> {
    let Some(head) = store.get_unit(unit_id)?.and_then(|u| u.head) else {
        return Ok(None);
    };
    if head.as_str() == except {
        return Ok(None);
    }
    match store.get_staff(head.as_str())? {
        Some(h) => Ok(Some(person_of(store, &h)?)),
        None => Ok(None),
    }
}

/// The people a new SKP of `nip` names by default; `None` when there is no such person.
pub fn plan_people(store: &Store, nip: &str) -> Result<Option<PlanPeople>, StoreError> {
    let Some(staff) = store.get_staff(nip)? else {
        return Ok(None);
    };
    let unit = store.get_unit(&staff.unit_id)?;
    let head = unit.as_ref().is_some_and(|u| u.is_head(nip));
    let parent = unit.as_ref().and_then(|u| u.parent.clone());
    let latest = store
        .evaluations_of(nip)?
        .into_iter()
        .filter(|e| e.penilai.is_some())
        .max_by_key(|e| (e.period.sort_key(), e.id));
    let above = match &parent {
        Some(p) => head_of(store, p, nip)?,
        None => None,
    };
    let own_head = head_of(store, &staff.unit_id, nip)?;
    let (penilai, atasan) = match own_head {
        // The unit head evaluates; the head of the unit above is their atasan.
        Some(h) => (
            Some(h),
            above.or_else(|| latest.as_ref().and_then(|e| e.atasan_penilai.clone())),
        ),
        None => (
            above.or_else(|| latest.as_ref().and_then(|e| e.penilai.clone())),
            latest.as_ref().and_then(|e| e.atasan_penilai.clone()),
        ),
    };
    Ok(Some(PlanPeople {
        pegawai: person_of(store, &staff)?,
        penilai,
        atasan,
        head,
        unit_id: staff.unit_id.clone(),
    }))
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
