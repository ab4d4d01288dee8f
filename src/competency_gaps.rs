//! Competency gaps (issue 13, `kinerja export gaps`): for each active person, each
//! competency their position requires that is missing, expired, or expires soon.
//!
//! - **belum ada**: never met by a completed training.
//! - **kedaluwarsa**: met once, but the expiry day is today or earlier.
//! - **segera kedaluwarsa**: still held, and the expiry day (the first day it no longer
//!   holds) is at most [`SOON_MONTHS`] months after today (jiff's calendar arithmetic).
//!
//! Rows are sorted by urgency: missing and expired first, then expiring soon; within each
//! group by the expiry day (missing, without one, first), then the person's name, NIP and
//! the competency's name.

use crate::domain::{Competency, CompetencyKind, CompetencyState, competency_states};
use crate::store::{Store, StoreError};
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::HashMap;

/// How far ahead an expiry counts as "soon", in months.
pub const SOON_MONTHS: i64 = 6;

/// Why a required competency is a gap on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Never met.
    BelumAda,
    /// No longer valid since this day (the expiry day).
    Kedaluwarsa(Date),
    /// Still valid; no longer from this day (the expiry day), within [`SOON_MONTHS`].
    SegeraKedaluwarsa(Date),
}

impl Gap {
    /// The person's state on `on` as a gap, `None` when it is held and not expiring soon.
    pub fn of(state: CompetencyState, on: Date) -> Option<Gap> {
        match state {
            CompetencyState::BelumAda => Some(Gap::BelumAda),
            CompetencyState::Kedaluwarsa(d) => Some(Gap::Kedaluwarsa(d)),
            CompetencyState::Ada { until: None } => None,
            CompetencyState::Ada { until: Some(last) } => {
                let expiry = last.tomorrow().ok()?;
                let horizon = on.checked_add(SOON_MONTHS.months()).ok()?;
                (expiry <= horizon).then_some(Gap::SegeraKedaluwarsa(expiry))
            }
        }
    }

    /// The CSV value (Indonesian, as officers write it).
    pub fn label(self) -> &'static str {
        match self {
            Gap::BelumAda => "belum ada",
            Gap::Kedaluwarsa(_) => "kedaluwarsa",
            Gap::SegeraKedaluwarsa(_) => "segera kedaluwarsa",
        }
    }

    /// The expiry day; `None` when missing.
    pub fn date(self) -> Option<Date> {
        match self {
            Gap::BelumAda => None,
            Gap::Kedaluwarsa(d) | Gap::SegeraKedaluwarsa(d) => Some(d),
        }
    }

    /// 0 for missing and expired, 1 for expiring soon.
    pub fn group(self) -> u8 {
        u8::from(matches!(self, Gap::SegeraKedaluwarsa(_)))
    }
}

/// One row of the gaps list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapRow {
    pub nip: String,
    pub nama: String,
    pub unit: String,
    /// The position's full title (`Jabatan::title`).
    pub jabatan: String,
    pub competency: String,
    pub kind: CompetencyKind,
    pub gap: Gap,
}

/// The CSV columns of `kinerja export gaps`.
pub const COLUMNS: [&str; 8] = [
    "nip",
    "nama",
    "unit",
    "jabatan",
    "kompetensi",
    "jenis_kompetensi",
    "keadaan",
    "tanggal",
];

impl GapRow {
    pub fn csv_row(&self) -> [String; 8] {
        [
            self.nip.clone(),
            self.nama.clone(),
            self.unit.clone(),
            self.jabatan.clone(),
            self.competency.clone(),
            self.kind.label().to_string(),
            self.gap.label().to_string(),
            self.gap
                .date()
                .map(crate::domain::format_date)
                .unwrap_or_default(),
        ]
    }
}

/// Sorts rows by urgency (see the module's rules).
pub fn sort_by_urgency(rows: &mut [GapRow]) {
    rows.sort_by(|a, b| {
        (a.gap.group(), a.gap.date(), &a.nama, &a.nip, &a.competency).cmp(&(
            b.gap.group(),
            b.gap.date(),
            &b.nama,
            &b.nip,
            &b.competency,
        ))
    });
}

/// The gaps of every active person (of `unit`, a unit id, when given) on `on`, sorted by
/// urgency. Each person's trainings are read once, and only when their position requires
/// any competency.
pub fn gaps(store: &Store, unit: Option<&str>, on: Date) -> Result<Vec<GapRow>, StoreError> {
    let catalogue: Vec<Competency> = store.competencies()?;
    let requirements = store.requirements()?;
    let unit_names: HashMap<String, String> =
        store.units()?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut rows = Vec::new();
    for staff in store.iter_staff() {
        let s = staff?;
        if !s.aktif || unit.is_some_and(|u| u != s.unit_id) {
            continue;
        }
        if crate::domain::competency::required_for(&s.jabatan, &requirements, &catalogue).is_empty()
        {
            continue;
        }
        let trainings = store.trainings_of(s.nip.as_str())?;
        for (c, state) in competency_states(&s.jabatan, &trainings, &requirements, &catalogue, on) {
            if let Some(gap) = Gap::of(state, on) {
                rows.push(GapRow {
                    nip: s.nip.as_str().to_string(),
                    nama: s.nama.clone(),
                    unit: unit_names
                        .get(&s.unit_id)
                        .cloned()
                        .unwrap_or_else(|| s.unit_id.clone()),
                    jabatan: s.jabatan.title(),
                    competency: c.name.clone(),
                    kind: c.kind,
                    gap,
                });
            }
        }
    }
    sort_by_urgency(&mut rows);
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn soon_means_an_expiry_day_at_most_six_months_ahead() {
        let on = date(2026, 12, 1);
        // Valid through 31 May 2027: the expiry day 1 June 2027 is exactly 6 months ahead.
        assert_eq!(
            Gap::of(
                CompetencyState::Ada {
                    until: Some(date(2027, 5, 31))
                },
                on
            ),
            Some(Gap::SegeraKedaluwarsa(date(2027, 6, 1)))
        );
        // One day later it is not soon yet.
        assert_eq!(
            Gap::of(
                CompetencyState::Ada {
                    until: Some(date(2027, 6, 1))
                },
                on
            ),
            None
        );
        assert_eq!(Gap::of(CompetencyState::Ada { until: None }, on), None);
        assert_eq!(
            Gap::of(CompetencyState::Kedaluwarsa(date(2026, 1, 1)), on),
            Some(Gap::Kedaluwarsa(date(2026, 1, 1)))
        );
        assert_eq!(Gap::of(CompetencyState::BelumAda, on), Some(Gap::BelumAda));
    }

    #[test]
    fn missing_and_expired_come_before_expiring_soon() {
        let row = |nama: &str, gap: Gap| GapRow {
            nip: nama.into(),
            nama: nama.into(),
            unit: "U".into(),
            jabatan: "J".into(),
            competency: "C".into(),
            kind: CompetencyKind::Teknis,
            gap,
        };
        let mut rows = vec![
            row("a", Gap::SegeraKedaluwarsa(date(2027, 1, 1))),
            row("b", Gap::Kedaluwarsa(date(2026, 3, 1))),
            row("c", Gap::BelumAda),
            row("d", Gap::Kedaluwarsa(date(2025, 3, 1))),
        ];
        sort_by_urgency(&mut rows);
        let order: Vec<&str> = rows.iter().map(|r| r.nama.as_str()).collect();
        assert_eq!(order, ["c", "d", "b", "a"]);
    }
}
