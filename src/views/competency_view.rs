//! The Kompetensi view (issue 13, AKPK): per unit, the matrix of position x competency with
//! the number of people who lack each required competency, let it expire, or will lose it
//! within `competency_gaps::SOON_MONTHS` months; and for one competency, who they are, most urgent first.
//!
//! Read from the staff rows the screens keep in memory (each person's position and, per
//! competency, the end of the latest training that gave it, kept up to date by every save
//! through the list summaries), the catalogue and the requirements: no training is read,
//! so the view costs one pass over the rows. The gaps are the same as `kinerja export gaps`
//! computes from the trainings themselves (`competency_gaps`), except for a completed
//! training dated after today, which the rows cannot see past (see
//! [`Competency::state_from`]).

use crate::domain::{Competency, Jabatan, JenisJabatan, Requirement};
use crate::model::staff_index::{StaffIndex, TalentSource};
use crate::views::competency_gaps::Gap;
use jiff::civil::Date;
use std::collections::HashMap;

/// One row of the matrix: a position (name and jenjang) in the scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionRow {
    /// The position's full title ("Perawat Terampil").
    pub title: String,
    /// The position's name, without the jenjang ("Perawat").
    pub name: String,
    /// Active people holding it in the scope.
    pub people: u32,
    /// Per column: `None` when the position does not require that competency, else the
    /// number of people with a gap in it.
    pub cells: Vec<Option<u32>>,
}

/// The matrix of a scope (one unit, or every unit the officer may see).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    /// The catalogue positions (in `CompetencyData::catalogue`) that some position in the
    /// scope requires, in catalogue order: the columns.
    pub columns: Vec<usize>,
    /// The positions, by title.
    pub rows: Vec<PositionRow>,
    /// Per column, the gaps of every position added up.
    pub totals: Vec<u32>,
}

/// One person with a gap in the chosen competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapPerson {
    pub nip: String,
    pub name: String,
    pub unit_id: String,
    /// The position's full title.
    pub jabatan: String,
    pub gap: Gap,
}

/// What the view needs besides the rows: the catalogue and the requirements.
#[derive(Debug, Clone, Default)]
pub struct CompetencyData {
    pub catalogue: Vec<Competency>,
    pub requirements: Vec<Requirement>,
}

impl CompetencyData {
    /// What `jabatan` requires, as positions in `catalogue` (catalogue order): the
    /// requirements matched once, for a cache per position.
    pub fn required_by(&self, jabatan: &Jabatan) -> Vec<usize> {
        self.catalogue
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                self.requirements
                    .iter()
                    .any(|r| r.competency == c.id && r.applies_to(jabatan))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// What one position requires, as positions in the catalogue, cached per (name, jenis):
/// the requirements are matched once per position, not once per person.
struct Required<'d> {
    data: &'d CompetencyData,
    cache: HashMap<(u16, Option<JenisJabatan>), Vec<usize>>,
}

impl<'d> Required<'d> {
    fn new(data: &'d CompetencyData) -> Required<'d> {
        Required {
            data,
            cache: HashMap::new(),
        }
    }

    fn of(&mut self, s: &TalentSource<'_>) -> &[usize] {
        let data = self.data;
        self.cache
            .entry((s.jabatan_no, s.jenis))
            .or_insert_with(|| {
                data.required_by(&Jabatan {
                    nama: s.jabatan.to_string(),
                    jenis: s.jenis.unwrap_or(JenisJabatan::Pelaksana),
                })
            })
    }
}

/// A position's full title from a row.
fn title(s: &TalentSource<'_>) -> String {
    Jabatan {
        nama: s.jabatan.to_string(),
        jenis: s.jenis.unwrap_or(JenisJabatan::Pelaksana),
    }
    .title()
}

/// The person's gap in `competency` on `on`, from the row; `key` is the competency's
/// `competency_key`.
fn gap_of(s: &TalentSource<'_>, competency: &Competency, key: u32, on: Date) -> Option<Gap> {
    let latest = s.held.iter().find(|(k, _)| *k == key).map(|(_, d)| *d);
    Gap::of(competency.state_from(latest, on), on)
}

fn in_unit(s: &TalentSource<'_>, unit: Option<&str>) -> bool {
    s.aktif && unit.is_none_or(|u| u == s.unit_id)
}

/// The keys the rows hold the catalogue's competencies by, in catalogue order.
fn numbers(data: &CompetencyData) -> Vec<u32> {
    data.catalogue.iter().map(Competency::key).collect()
}

/// The matrix of `unit` (`None`: every unit in the index's scope) on `on`.
pub fn matrix(index: &StaffIndex, unit: Option<&str>, data: &CompetencyData, on: Date) -> Matrix {
    let numbers = numbers(data);
    let mut required = Required::new(data);
    // Per position title: its name, people, and gaps per catalogue competency (None: not
    // required).
    let mut by_title: HashMap<String, (String, u32, Vec<Option<u32>>)> = HashMap::new();
    // Titles are built once per (name, jenis).
    let mut titles: HashMap<(u16, Option<JenisJabatan>), String> = HashMap::new();
    index.for_each_by_name(|s| {
        if !in_unit(&s, unit) {
            return;
        }
        let needs = required.of(&s).to_vec();
        let t = titles
            .entry((s.jabatan_no, s.jenis))
            .or_insert_with(|| title(&s));
        let (_, people, cells) = match by_title.get_mut(t.as_str()) {
            Some(v) => v,
            None => by_title
                .entry(t.clone())
                .or_insert_with(|| (s.jabatan.to_string(), 0, vec![None; data.catalogue.len()])),
        };
        *people += 1;
        for c in needs {
            let cell = cells[c].get_or_insert(0);
            if gap_of(&s, &data.catalogue[c], numbers[c], on).is_some() {
                *cell += 1;
            }
        }
    });
    let columns: Vec<usize> = (0..data.catalogue.len())
        .filter(|c| by_title.values().any(|(_, _, cells)| cells[*c].is_some()))
        .collect();
    let mut rows: Vec<PositionRow> = by_title
        .into_iter()
        .map(|(title, (name, people, cells))| PositionRow {
            title,
            name,
            people,
            cells: columns.iter().map(|c| cells[*c]).collect(),
        })
        .collect();
    rows.sort_by(|a, b| a.title.cmp(&b.title));
    let totals = (0..columns.len())
        .map(|i| rows.iter().filter_map(|r| r.cells[i]).sum())
        .collect();
    Matrix {
        columns,
        rows,
        totals,
    }
}

/// Who in `unit` (`None`: every unit in scope) has a gap on `on` in the catalogue's
/// competency at `competency` (a position in `data.catalogue`), optionally only those in
/// the position titled `position`: missing and expired first, then expiring soon; within
/// each, by the expiry day (missing first), then name and NIP.
pub fn gap_list(
    index: &StaffIndex,
    unit: Option<&str>,
    position: Option<&str>,
    data: &CompetencyData,
    competency: usize,
    on: Date,
) -> Vec<GapPerson> {
    let Some(c) = data.catalogue.get(competency) else {
        return Vec::new();
    };
    let number = numbers(data)[competency];
    let mut required = Required::new(data);
    let mut out = Vec::new();
    index.for_each_by_name(|s| {
        if !in_unit(&s, unit) || !required.of(&s).contains(&competency) {
            return;
        }
        let Some(gap) = gap_of(&s, c, number, on) else {
            return;
        };
        let jabatan = title(&s);
        if position.is_some_and(|p| p != jabatan) {
            return;
        }
        out.push(GapPerson {
            nip: s.nip.to_string(),
            name: s.name.to_string(),
            unit_id: s.unit_id.to_string(),
            jabatan,
            gap,
        });
    });
    // The rows come in name order already: a stable sort by urgency keeps it within ties.
    out.sort_by_key(|p| (p.gap.group(), p.gap.date()));
    out
}

/// For each set of competencies (positions in `data.catalogue`), the number of people in
/// `unit` (`None`: every unit in scope) with a gap on `on` in at least one of them: what a
/// partner delivering that set could close (the Pelatihan tab's Celah column). One pass
/// over the rows in memory.
pub fn closable_by(
    index: &StaffIndex,
    unit: Option<&str>,
    data: &CompetencyData,
    sets: &[Vec<usize>],
    on: Date,
) -> Vec<usize> {
    let mut counts = vec![0; sets.len()];
    if sets.iter().all(Vec::is_empty) {
        return counts;
    }
    let numbers = numbers(data);
    let mut required = Required::new(data);
    let mut gaps: Vec<usize> = Vec::new();
    index.for_each_by_name(|s| {
        if !in_unit(&s, unit) {
            return;
        }
        gaps.clear();
        for &c in required.of(&s) {
            if gap_of(&s, &data.catalogue[c], numbers[c], on).is_some() {
                gaps.push(c);
            }
        }
        if gaps.is_empty() {
            return;
        }
        for (set, count) in sets.iter().zip(counts.iter_mut()) {
            if set.iter().any(|c| gaps.contains(c)) {
                *count += 1;
            }
        }
    });
    counts
}
