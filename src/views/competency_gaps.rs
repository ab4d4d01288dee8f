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

/// A person's missing or expired required competencies on `on`, most urgent first:
/// missing ones, then expired ones by expiry day (longest expired first), then by name.
/// `held` gives the end of the latest completed training that satisfies a competency id
/// (`StaffSummary::held_until`), so no training is read. Expiring soon is no gap here.
pub fn person_gaps<'c>(
    jabatan: &crate::domain::Jabatan,
    held: impl Fn(&str) -> Option<Date>,
    requirements: &[crate::domain::Requirement],
    catalogue: &'c [Competency],
    on: Date,
) -> Vec<(&'c Competency, Gap)> {
    let required = crate::domain::competency::required_for(jabatan, requirements, catalogue);
    gaps_among(&required, held, on)
}

/// [`person_gaps`] among competencies already known to be required (matched once per
/// position by the caller, for a pass over many people).
pub fn gaps_among<'c>(
    required: &[&'c Competency],
    held: impl Fn(&str) -> Option<Date>,
    on: Date,
) -> Vec<(&'c Competency, Gap)> {
    let mut out: Vec<(&Competency, Gap)> = required
        .iter()
        .copied()
        .filter_map(|c| {
            let state = c.state_from(held(&c.id), on);
            match state {
                CompetencyState::Ada { .. } => None,
                _ => Gap::of(state, on).map(|g| (c, g)),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.1.date(), &a.0.name).cmp(&(b.1.date(), &b.0.name)));
    out
}

/// The training kinds whose label the notes name (case-insensitive), in `TrainingKind::ALL`
/// order: the guess from an evaluation's notes.
pub fn kinds_in_notes(notes: &str) -> Vec<crate::domain::TrainingKind> {
    let notes = notes.to_lowercase();
    crate::domain::TrainingKind::ALL
        .iter()
        .filter(|k| notes.contains(&k.label().to_lowercase()))
        .copied()
        .collect()
}

/// What the coaching list suggests for a person (issue 13: the gaps first, the notes'
/// words only as a fallback).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Suggestion {
    #[default]
    None,
    /// Required competencies missing or expired, most urgent first: (name, gap).
    Competencies(Vec<(String, Gap)>),
    /// Training kinds the latest evaluation's notes name (the person has no gap).
    Kinds(Vec<crate::domain::TrainingKind>),
}

impl Suggestion {
    pub fn is_empty(&self) -> bool {
        match self {
            Suggestion::None => true,
            Suggestion::Competencies(v) => v.is_empty(),
            Suggestion::Kinds(v) => v.is_empty(),
        }
    }

    /// The suggestion from a person's gaps ([`person_gaps`]) and, only when there are
    /// none, the notes of their latest evaluation (`None`: not read or no evaluation).
    pub fn from(gaps: &[(&Competency, Gap)], notes: Option<&str>) -> Suggestion {
        if !gaps.is_empty() {
            return Suggestion::Competencies(
                gaps.iter().map(|(c, g)| (c.name.clone(), *g)).collect(),
            );
        }
        match notes.map(kinds_in_notes) {
            Some(kinds) if !kinds.is_empty() => Suggestion::Kinds(kinds),
            _ => Suggestion::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn catalogue() -> Vec<Competency> {
        use crate::domain::TrainingKind;
        vec![
            Competency::new(
                "BTCLS",
                CompetencyKind::Teknis,
                vec![],
                vec!["BTCLS".into()],
                Some(36),
            ),
            Competency::new(
                "PPI",
                CompetencyKind::Teknis,
                vec![],
                vec!["PPI".into()],
                Some(12),
            ),
            Competency::new(
                "Pelayanan Prima",
                CompetencyKind::SosialKultural,
                vec![TrainingKind::Bimtek],
                vec![],
                None,
            ),
            Competency::new(
                "Kurikulum Merdeka",
                CompetencyKind::Teknis,
                vec![],
                vec!["Merdeka".into()],
                None,
            ),
        ]
    }

    fn perawat() -> crate::domain::Jabatan {
        crate::domain::Jabatan {
            nama: "Perawat".into(),
            jenis: crate::domain::JenisJabatan::Terampil,
        }
    }

    fn requirements() -> Vec<crate::domain::Requirement> {
        ["btcls", "ppi", "pelayanan-prima"]
            .iter()
            .map(|c| crate::domain::Requirement {
                jabatan: "Perawat".into(),
                jenis: None,
                competency: (*c).into(),
            })
            .chain(std::iter::once(crate::domain::Requirement {
                jabatan: "Guru".into(),
                jenis: None,
                competency: "kurikulum-merdeka".into(),
            }))
            .collect()
    }

    /// Issue 13: the coaching suggestions use the gaps first, most urgent first (missing,
    /// then the longest expired), and leave out what is held.
    #[test]
    fn gaps_come_most_urgent_first_and_held_ones_are_left_out() {
        let cat = catalogue();
        let reqs = requirements();
        let on = date(2026, 11, 28);
        let held = |id: &str| match id {
            // BTCLS ended 2022-01-10: expired on 2025-01-10.
            "btcls" => Some(date(2022, 1, 10)),
            // PPI ended 2025-06-01: expired on 2026-06-01.
            "ppi" => Some(date(2025, 6, 1)),
            _ => None,
        };
        let gaps = person_gaps(&perawat(), held, &reqs, &cat, on);
        let names: Vec<(&str, Gap)> = gaps.iter().map(|(c, g)| (c.name.as_str(), *g)).collect();
        assert_eq!(
            names,
            [
                ("Pelayanan Prima", Gap::BelumAda),
                ("BTCLS", Gap::Kedaluwarsa(date(2025, 1, 10))),
                ("PPI", Gap::Kedaluwarsa(date(2026, 6, 1))),
            ]
        );
        // Held and valid (even expiring within 6 months): no gap.
        let all_held = |id: &str| match id {
            "ppi" => Some(date(2026, 1, 1)),
            _ => Some(date(2026, 10, 1)),
        };
        assert!(person_gaps(&perawat(), all_held, &reqs, &cat, on).is_empty());
        // The notes are not read when there are gaps.
        assert_eq!(
            Suggestion::from(&gaps, Some("perlu diklat teknis")),
            Suggestion::Competencies(vec![
                ("Pelayanan Prima".into(), Gap::BelumAda),
                ("BTCLS".into(), Gap::Kedaluwarsa(date(2025, 1, 10))),
                ("PPI".into(), Gap::Kedaluwarsa(date(2026, 6, 1))),
            ])
        );
    }

    #[test]
    fn without_gaps_the_notes_words_are_the_fallback() {
        let notes = "Disarankan ikut Bimtek penyusunan laporan";
        assert_eq!(
            Suggestion::from(&[], Some(notes)),
            Suggestion::Kinds(vec![crate::domain::TrainingKind::Bimtek])
        );
        assert_eq!(Suggestion::from(&[], Some("tidak ada")), Suggestion::None);
        assert_eq!(Suggestion::from(&[], None), Suggestion::None);
        assert!(Suggestion::from(&[], None).is_empty());
    }

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
