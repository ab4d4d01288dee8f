//! The per-unit report (Laporan, `kinerja export report`): staff, evaluated share, each
//! predikat, the distribution guide's status and the share reaching 20 JP, for a year.
//! Computed from the list summaries in one pass; the screen and the CSV use the same rows.

use crate::domain::{
    Breach, Predikat, PredikatCounts, RetiringEntry, UnitRating, check_distribution,
};
use crate::store::{Store, StoreError};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitReport {
    pub unit_id: String,
    pub name: String,
    /// Active staff.
    pub staff: u32,
    /// Annual predikat of the year, of everyone evaluated (active or not) except the unit's
    /// head: what the distribution guide counts.
    pub counts: PredikatCounts,
    pub rating: Option<UnitRating>,
    /// The head's annual predikat of the year, kept out of `counts`: the head's result is
    /// the unit's own (SE MenPANRB 3/2023).
    pub head_predikat: Option<Predikat>,
    /// Whether the unit names a head.
    pub has_head: bool,
    /// `None` when the unit's rating for the year is not recorded.
    pub breaches: Option<Vec<Breach>>,
    /// Active staff who met their own yearly JP target (per employment kind).
    pub reached: u32,
    /// Active staff with an annual evaluation for the year: the coverage.
    pub evaluated_active: u32,
    /// Active staff whose pension date (DOMAIN.md, BUP) is past or within 12 months of the
    /// day the report is made (not of `year`: it is about who can still be sent to training).
    pub retiring: u32,
}

impl UnitReport {
    /// Everyone with an annual predikat of the year that the guide counts (the head apart).
    pub fn evaluated(&self) -> u32 {
        self.counts.total()
    }

    pub fn percent(part: u32, whole: u32) -> f64 {
        if whole == 0 {
            0.0
        } else {
            f64::from(part) * 100.0 / f64::from(whole)
        }
    }
}

/// Every unit's row for `year`, by unit name.
/// `targets`: the yearly JP target per employment kind; a unit's JP share counts who met
/// their own. `today`: for the count of staff retiring within 12 months.
pub fn unit_report(
    store: &Store,
    year: i16,
    targets: &crate::domain::JpTargets,
    today: jiff::civil::Date,
) -> Result<Vec<UnitReport>, StoreError> {
    Ok(report_with_retiring(store, year, targets, today)?.0)
}

/// [`unit_report`] and, from the same pass, every active person whose pension is past or
/// within 12 months of `today`, overdue first, then by pension date.
pub fn report_with_retiring(
    store: &Store,
    year: i16,
    targets: &crate::domain::JpTargets,
    today: jiff::civil::Date,
) -> Result<(Vec<UnitReport>, Vec<RetiringEntry>), StoreError> {
    report_over(store, year, targets, today, |visit| {
        for s in store.iter_summaries() {
            visit(s?);
        }
        Ok(())
    })
}

/// [`report_with_retiring`] over the staff rows in memory (the summaries they were built
/// from, `StaffIndex::for_each_summary`), in the index's scope: what the Laporan tab does
/// once the list is loaded, reading only the units from the store.
pub fn report_with_retiring_from_index(
    store: &Store,
    index: &crate::model::staff_index::StaffIndex,
    year: i16,
    targets: &crate::domain::JpTargets,
    today: jiff::civil::Date,
) -> Result<(Vec<UnitReport>, Vec<RetiringEntry>), StoreError> {
    report_over(store, year, targets, today, |visit| {
        index.for_each_summary(visit);
        Ok(())
    })
}

/// The report's one pass: `each` calls its argument for every person's summary.
fn report_over(
    store: &Store,
    year: i16,
    targets: &crate::domain::JpTargets,
    today: jiff::civil::Date,
    each: impl FnOnce(&mut dyn FnMut(crate::domain::StaffSummary)) -> Result<(), StoreError>,
) -> Result<(Vec<UnitReport>, Vec<RetiringEntry>), StoreError> {
    let units = store.units()?;
    let heads: BTreeMap<String, String> = units
        .iter()
        .filter_map(|u| Some((u.id.clone(), u.head.as_ref()?.as_str().to_string())))
        .collect();
    let mut rows: BTreeMap<String, UnitReport> = units
        .into_iter()
        .map(|u| {
            let rating = u.ratings.get(&year).copied();
            let has_head = u.head.is_some();
            (
                u.id.clone(),
                UnitReport {
                    unit_id: u.id,
                    name: u.name,
                    staff: 0,
                    counts: PredikatCounts::default(),
                    rating,
                    head_predikat: None,
                    has_head,
                    breaches: None,
                    reached: 0,
                    evaluated_active: 0,
                    retiring: 0,
                },
            )
        })
        .collect();
    let mut retiring = Vec::new();
    each(&mut |s| {
        let Some(row) = rows.get_mut(&s.unit_id) else {
            return;
        };
        if let Some(p) = s.annual_in(year) {
            if heads.get(&s.unit_id) == Some(&s.nip) {
                row.head_predikat = Some(p);
            } else {
                row.counts.add(p);
            }
        }
        if s.aktif {
            row.staff += 1;
            if s.annual_in(year).is_some() {
                row.evaluated_active += 1;
            }
            if targets.reached(s.golongan.is_pppk(), s.jp_in(year)) {
                row.reached += 1;
            }
            if let Some(r) = s.retiring_on(today) {
                row.retiring += 1;
                retiring.push(r);
            }
        }
    })?;
    retiring.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let mut out: Vec<UnitReport> = rows
        .into_values()
        .map(|mut r| {
            r.breaches = r.rating.map(|rating| check_distribution(rating, &r.counts));
            r
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((out, retiring))
}

/// The CSV header of the report.
pub const COLUMNS: [&str; 17] = [
    "unit",
    "tahun",
    "pegawai",
    "dinilai_aktif",
    "dinilai_persen",
    "sangat_baik",
    "baik",
    "butuh_perbaikan",
    "kurang",
    "sangat_kurang",
    "capaian_organisasi",
    "status_distribusi",
    "capai_target_jp",
    "capai_target_jp_persen",
    "predikat_pimpinan",
    "sementara",
    "pensiun_12_bulan",
];

/// One CSV row; `status` in words (`sesuai`, `tidak sesuai pola: ...`, `belum dinilai`).
/// `predikat_pimpinan` is the head's annual predikat, which the predikat columns leave out
/// (SE MenPANRB 3/2023); `sementara` is `ya` while the year's annual period has not ended
/// (`provisional`), so its predikat may still change.
pub fn csv_row(r: &UnitReport, year: i16, provisional: bool) -> Vec<String> {
    let status = match &r.breaches {
        None => "belum dinilai".to_string(),
        Some(b) if b.is_empty() => "sesuai".to_string(),
        Some(b) => format!(
            "tidak sesuai pola: {}",
            b.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    let mut v = vec![
        r.name.clone(),
        year.to_string(),
        r.staff.to_string(),
        r.evaluated_active.to_string(),
        format!("{:.1}", UnitReport::percent(r.evaluated_active, r.staff)),
    ];
    v.extend(Predikat::ALL.iter().map(|p| r.counts.get(*p).to_string()));
    v.push(r.rating.map_or(String::new(), |x| x.label().to_string()));
    v.push(status);
    v.push(r.reached.to_string());
    v.push(format!("{:.1}", UnitReport::percent(r.reached, r.staff)));
    v.push(
        r.head_predikat
            .map_or(String::new(), |p| p.label().to_string()),
    );
    v.push(if provisional { "ya" } else { "tidak" }.to_string());
    v.push(r.retiring.to_string());
    v
}
