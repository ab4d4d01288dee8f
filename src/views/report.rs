//! The per-unit report (Laporan, `kinerja export report`): staff, evaluated share, each
//! predikat, the distribution guide's status and the share reaching 20 JP, for a year.
//! Computed from the list summaries in one pass; the screen and the CSV use the same rows.
//!
//! A year is judged with that year's data (issue 21): each person counts in the unit they
//! were in on its last day (the career history: `StaffSummary::unit_in`), and each unit's
//! head is the one it had that day (`Unit::head_on`). A head is counted in the parent
//! unit's distribution (a lurah in the kecamatan's), never in their own; a unit without a
//! parent leaves its head out. A unit rated for a period within the year (a triwulan or a
//! month) gets that period checked too, from the evaluations of that period.

use crate::domain::{
    Breach, Period, Predikat, PredikatCounts, RetiringEntry, UnitRating, check_distribution,
};
use crate::store::{Store, StoreError};
use std::collections::{BTreeMap, HashMap};

/// A unit's rating of a period within the year checked against that period's predikat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodCheck {
    pub period: Period,
    pub rating: UnitRating,
    /// The period's predikat of the unit's staff then (the head apart, the heads of the
    /// units under it in).
    pub counts: PredikatCounts,
    pub breaches: Vec<Breach>,
}

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
    /// Whether the unit had a head on the year's last day.
    pub has_head: bool,
    /// The unit above, whose distribution counts this unit's head.
    pub parent: Option<String>,
    /// The unit's ratings of periods within the year, each checked (issue 21).
    pub periods: Vec<PeriodCheck>,
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
            visit(&s?);
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

/// Who headed which unit on a day: head's NIP digits to the unit's id.
type Heads = FoldMap<String, String>;

type FoldMap<K, V> = foldhash::HashMap<K, V>;

/// The report's one pass: `each` calls its argument for every person's summary.
fn report_over(
    store: &Store,
    year: i16,
    targets: &crate::domain::JpTargets,
    today: jiff::civil::Date,
    each: impl FnOnce(&mut dyn FnMut(&crate::domain::StaffSummary)) -> Result<(), StoreError>,
) -> Result<(Vec<UnitReport>, Vec<RetiringEntry>), StoreError> {
    let units = store.units()?;
    // A pustu is part of its puskesmas: its people count in the puskesmas's row.
    // Every map below is looked up once or more per person: hashed with foldhash.
    let fold: FoldMap<String, String> = crate::domain::pustu_fold(&units).into_iter().collect();
    let last_day = period_end(Period::annual(year));
    // Who headed which unit on the year's last day, and each unit's parent.
    let heads: FoldMap<String, String> = units
        .iter()
        .filter_map(|u| Some((u.head_on(last_day)?.as_str().to_string(), u.id.clone())))
        .collect();
    let parents: FoldMap<String, String> = units
        .iter()
        .filter_map(|u| {
            Some((
                u.id.clone(),
                folded(&fold, u.parent.as_deref()?).to_string(),
            ))
        })
        .collect();
    // The periods within the year some unit is rated for, with the heads of their last day.
    let mut rated: BTreeMap<(i16, i8, u8), (Period, Heads)> = BTreeMap::new();
    for u in &units {
        for (y, kind) in u.period_ratings.keys() {
            if *y != year {
                continue;
            }
            let period = Period { year, kind: *kind };
            rated.entry(period.sort_key()).or_insert_with(|| {
                let day = period_end(period);
                let heads = units
                    .iter()
                    .filter_map(|u| Some((u.head_on(day)?.as_str().to_string(), u.id.clone())))
                    .collect();
                (period, heads)
            });
        }
    }
    let rated_units: FoldMap<String, Vec<(Period, UnitRating)>> = units
        .iter()
        .map(|u| {
            let periods: Vec<(Period, UnitRating)> = u
                .all_ratings()
                .into_iter()
                .filter(|(p, _)| p.year == year && p.kind != crate::domain::PeriodKind::Tahunan)
                .collect();
            (u.id.clone(), periods)
        })
        .filter(|(_, p)| !p.is_empty())
        .collect();
    let mut rows: FoldMap<String, UnitReport> = units
        .into_iter()
        .filter(|u| !fold.contains_key(&u.id))
        .map(|u| {
            let rating = u.ratings.get(&year).copied();
            let has_head = u.head_on(last_day).is_some();
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
                    parent: u.parent,
                    periods: Vec::new(),
                    breaches: None,
                    reached: 0,
                    evaluated_active: 0,
                    retiring: 0,
                },
            )
        })
        .collect();
    let mut retiring = Vec::new();
    // (NIP, the period, the unit whose count it joins) for the periods checked.
    let mut wanted: Vec<(String, Period, String)> = Vec::new();
    each(&mut |s| {
        let unit_row = folded(&fold, s.unit_in(year));
        if let Some(p) = s.annual_in(year) {
            match heads.get(&s.nip) {
                Some(headed) => {
                    if let Some(row) = rows.get_mut(headed) {
                        row.head_predikat = Some(p);
                    }
                    if let Some(row) = parents.get(headed).and_then(|up| rows.get_mut(up)) {
                        row.counts.add(p);
                    }
                }
                None => {
                    if let Some(row) = rows.get_mut(unit_row) {
                        row.counts.add(p);
                    }
                }
            }
        }
        for (period, heads) in rated.values() {
            let counted_in = match heads.get(&s.nip) {
                Some(headed) => parents.get(headed).map(String::as_str),
                None => Some(s.unit_on(period_end(*period))),
            };
            if let Some(unit) = counted_in.map(|u| folded(&fold, u))
                && rated_units
                    .get(unit)
                    .is_some_and(|ps| ps.iter().any(|(p, _)| p == period))
            {
                wanted.push((s.nip.clone(), *period, unit.to_string()));
            }
        }
        if s.aktif {
            if let Some(row) = rows.get_mut(unit_row) {
                row.staff += 1;
                if s.annual_in(year).is_some() {
                    row.evaluated_active += 1;
                }
                if targets.reached(s.golongan.is_pppk(), s.jp_in(year)) {
                    row.reached += 1;
                }
            }
            // Retiring is about today: the unit the person is in now.
            if let Some(r) = s.retiring_on(today) {
                if let Some(row) = rows.get_mut(folded(&fold, &s.unit_id)) {
                    row.retiring += 1;
                }
                retiring.push(r);
            }
        }
    })?;
    // The periods' predikat: only the evaluations of the people counted in a rated unit.
    let mut period_counts: HashMap<(String, Period), PredikatCounts> = HashMap::new();
    wanted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut i = 0;
    while i < wanted.len() {
        let nip = wanted[i].0.clone();
        let evaluations = store.evaluations_of(&nip)?;
        while i < wanted.len() && wanted[i].0 == nip {
            let (_, period, unit) = &wanted[i];
            if let Some(e) = evaluations.iter().find(|e| e.period == *period) {
                period_counts
                    .entry((unit.clone(), *period))
                    .or_default()
                    .add(e.predikat());
            }
            i += 1;
        }
    }
    for (unit, periods) in &rated_units {
        if let Some(row) = rows.get_mut(unit) {
            row.periods = periods
                .iter()
                .map(|(period, rating)| {
                    let counts = period_counts
                        .get(&(unit.clone(), *period))
                        .copied()
                        .unwrap_or_default();
                    PeriodCheck {
                        period: *period,
                        rating: *rating,
                        counts,
                        breaches: check_distribution(*rating, &counts),
                    }
                })
                .collect();
        }
    }
    retiring.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let mut out: Vec<UnitReport> = rows
        .into_values()
        .map(|mut r| {
            r.breaches = r.rating.map(|rating| check_distribution(rating, &r.counts));
            r
        })
        .collect();
    // By name, then id (two units of one name keep an order).
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.unit_id.cmp(&b.unit_id)));
    Ok((out, retiring))
}

/// The unit whose row counts the people of `id`: a pustu's puskesmas, else `id`.
fn folded<'a>(fold: &'a FoldMap<String, String>, id: &'a str) -> &'a str {
    fold.get(id).map_or(id, String::as_str)
}

/// The last day of a period: whose unit and head count for it.
fn period_end(p: Period) -> jiff::civil::Date {
    p.end()
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
