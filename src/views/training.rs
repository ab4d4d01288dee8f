//! What the Pelatihan tab shows for a year (tab `3`): who reached the JP target, the spread
//! of JP, each unit's share, who needs coaching with the reasons and the suggested
//! trainings, the trainings held and the partners. Built once when the tab opens, never per
//! keystroke.

use super::Texts;
use super::coaching::{CoachedByNip, Reason, flagged_since, status_of};
use super::competency_gaps::{Suggestion, gaps_among};
use super::competency_view::{CompetencyData, closable_by};
use crate::domain::{
    CoachingStatus, Competency, Jabatan, JenisJabatan, JpTargets, OrganiserKind, Partner,
    StaffSummary, format_date, unit_id,
};
use crate::model::staff_index::StaffIndex;
use crate::store::{Store, StoreError};
use jiff::civil::Date;
use smallvec::SmallVec;
use std::collections::HashMap;
use std::sync::Arc;

/// People at the top of the coaching list whose notes are read for suggested trainings.
pub const SUGGESTED_FOR: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct UnitJp {
    pub name: String,
    pub staff: u32,
    pub reached: u32,
}

#[derive(Debug, Clone)]
pub struct Held {
    pub title: String,
    pub organiser: String,
    pub dates: String,
    pub participants: u32,
    pub jp: u32,
}

#[derive(Debug, Clone)]
pub struct PartnerJp {
    pub name: String,
    pub kind: OrganiserKind,
    pub participants: u32,
    /// JP delivered: each completed participation's JP, added up.
    pub jp: u64,
    /// People with a current competency gap this partner says it can close (`None`: it
    /// names no competency).
    pub gaps: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Coaching {
    pub nip: String,
    pub name: String,
    /// Shared by everyone of the unit.
    pub unit: Arc<str>,
    /// The predikat, the JP or both: kept in place (tens of thousands of people are on
    /// the list at 100,000 staff).
    pub reasons: SmallVec<[Reason; 2]>,
    /// The person's missing or expired required competencies, most urgent first; only
    /// without any, the training kinds the last evaluation's notes name (issue 13).
    pub suggested: Suggestion,
    /// The first day of the period of the latest evaluation, when its predikat flags the
    /// person for coaching (pembinaan kinerja); `None` when only JP puts them here.
    pub flagged_since: Option<Date>,
    /// Where their coaching stands ([`crate::domain::follow_up`]); `None`: not flagged by
    /// predikat and never coached.
    pub status: Option<CoachingStatus>,
}

#[derive(Debug, Clone, Default)]
pub struct TrainingData {
    pub year: i16,
    pub staff: u32,
    pub reached: u32,
    /// Staff with 0, 1-9, 10-19 and 20 or more JP.
    pub spread: [u32; 4],
    pub units: Vec<UnitJp>,
    /// Filled when the Held or Partners section is first opened.
    pub held: Vec<Held>,
    pub partners: Vec<PartnerJp>,
    pub stats_loaded: bool,
    /// The partners' `gaps` are counted (when the Partners section is first opened: it
    /// reads every person's gaps).
    pub gaps_loaded: bool,
    /// The unit shown, `None` for all; the counts above follow it (held and partners are
    /// for all units).
    pub unit: Option<String>,
    /// Every unit as (id, name), by name, for `f`.
    pub all_units: Vec<(String, String)>,
    /// Shared, so the data is cheap to copy (the app keeps the last one built for the next
    /// switch to the tab): tens of thousands of people at 100,000 staff.
    pub coaching: Arc<Vec<Coaching>>,
}

/// Where the Pelatihan tab's data is read from.
pub struct TrainingSources<'a> {
    pub store: &'a Store,
    /// Everyone's coaching dates, for the statuses ([`super::coaching::coaching_by_person`]).
    pub coached: &'a CoachedByNip,
    /// The staff rows in memory once the list is loaded; `None`: the store's summaries.
    pub rows: Option<&'a StaffIndex>,
}

/// What the Pelatihan tab shows for `year` and `unit` (`None`: every unit `in_scope`): one
/// pass over the staff rows in memory (`rows`, once the list is loaded) or else over the
/// store's summaries; the coaching records are given, read once for several builds.
pub fn training_data(
    from: TrainingSources<'_>,
    year: i16,
    unit: Option<String>,
    targets: &JpTargets,
    today: Date,
    in_scope: &dyn Fn(&str) -> bool,
) -> Result<TrainingData, StoreError> {
    let TrainingSources {
        store,
        coached,
        rows,
    } = from;
    let names: foldhash::HashMap<String, String> =
        store.units()?.into_iter().map(|u| (u.id, u.name)).collect();
    // Each person's own target (per employment kind): this year, the part due by
    // today; a past year, the whole year's.
    let target_of = |pppk: bool| {
        if year == today.year() {
            targets.pro_rata(pppk, today)
        } else {
            targets.of(pppk)
        }
    };
    // Worked out once for each kind, not once a person.
    let (target_pns, target_pppk) = (target_of(false), target_of(true));
    let mut d = TrainingData {
        year,
        ..Default::default()
    };
    // By name, hashed: one lookup a person (sorted by name at the end).
    let mut units: foldhash::HashMap<String, UnitJp> = Default::default();
    // Competency gaps come from the summaries (what each person holds), the catalogue
    // and the requirements: no training is read. What a position requires is matched
    // once per position.
    let competencies = CompetencyData {
        catalogue: store.competencies()?,
        requirements: store.requirements()?,
    };
    // What each position requires (positions in the catalogue), matched once per
    // position: a pass over tens of thousands of people needing coaching would match
    // every requirement against each of them otherwise.
    let mut requires: HashMap<JenisJabatan, HashMap<String, Vec<usize>>> = HashMap::new();
    let mut unit_texts = Texts::default();
    let mut coaching = Vec::new();
    let mut visit = |s: &StaffSummary| {
        // The unit of the year shown (issue 21: a past year with that year's unit).
        let unit_then = s.unit_in(year);
        if !s.aktif || unit.as_deref().is_some_and(|u| u != unit_then) || !in_scope(&s.unit_id) {
            return;
        }
        let jp = s.jp_in(year);
        let unit_name = names.get(unit_then).map_or(unit_then, |n| n.as_str());
        // Looked up by reference first: a pass over 100,000 people allocates a unit's
        // name once, not once a person.
        let u = match units.get_mut(unit_name) {
            Some(u) => u,
            None => units
                .entry(unit_name.to_string())
                .or_insert_with(|| UnitJp {
                    name: unit_name.to_string(),
                    ..Default::default()
                }),
        };
        u.staff += 1;
        d.staff += 1;
        let pppk = s.golongan.is_pppk();
        let target = if pppk { target_pppk } else { target_pns };
        if targets.reached(pppk, jp) {
            u.reached += 1;
            d.reached += 1;
        }
        d.spread[match jp {
            0 => 0,
            1..=9 => 1,
            10..=19 => 2,
            _ => 3,
        }] += 1;
        let mut reasons: SmallVec<[Reason; 2]> = SmallVec::new();
        if let Some((_, p)) = s.last
            && p.needs_coaching()
        {
            reasons.push(Reason::Predikat(p));
        }
        if jp < target {
            reasons.push(Reason::BelowJp {
                jp,
                target,
                year_target: targets.of(pppk),
            });
        }
        if !reasons.is_empty() {
            let mut suggested = Suggestion::None;
            if let Some(jenis) = s.jenis {
                // By the position's text as written (the same text repeats exactly), so
                // a lookup allocates nothing; `required_by` matches case-insensitively.
                let of_kind = requires.entry(jenis).or_default();
                if !of_kind.contains_key(s.jabatan.as_str()) {
                    let found = competencies.required_by(&Jabatan {
                        nama: s.jabatan.clone(),
                        jenis,
                    });
                    of_kind.insert(s.jabatan.clone(), found);
                }
                let required = of_kind.get(s.jabatan.as_str()).map_or(&[][..], |r| r);
                if !required.is_empty() {
                    let required: Vec<&Competency> = required
                        .iter()
                        .map(|i| &competencies.catalogue[*i])
                        .collect();
                    let gaps = gaps_among(&required, |id| s.held_until(id), today);
                    suggested = Suggestion::from(&gaps, None);
                }
            }
            coaching.push(Coaching {
                nip: s.nip.clone(),
                name: s.name.clone(),
                unit: unit_texts.get(unit_name),
                reasons,
                suggested,
                flagged_since: flagged_since(s.last),
                status: status_of(coached, &s.nip, s.last, today),
            });
        }
    };
    // From the staff rows in memory once the list is loaded (each row keeps what its
    // summary holds): no summary is read from the store.
    match rows {
        Some(index) => index.for_each_summary(&mut visit),
        None => {
            for s in store.iter_summaries() {
                visit(&s?);
            }
        }
    }
    // Predikat reasons first, then the furthest below the target.
    // By a key worked out once a person, so the entries themselves move once.
    coaching.sort_by_cached_key(|c| {
        let predikat = c.reasons.iter().any(|r| matches!(r, Reason::Predikat(_)));
        let jp = c
            .reasons
            .iter()
            .find_map(|r| match r {
                Reason::BelowJp { jp, .. } => Some(*jp),
                _ => None,
            })
            .unwrap_or(u32::MAX);
        (!predikat, jp)
    });
    // Without competency gaps: the training kinds the last evaluation's notes name,
    // for the people at the top of the list (reading everyone's notes would cost a
    // pass over the evaluations).
    for c in coaching.iter_mut().take(SUGGESTED_FOR) {
        if !matches!(c.reasons.first(), Some(Reason::Predikat(_))) || !c.suggested.is_empty() {
            continue;
        }
        let mut evaluations = store.evaluations_of(&c.nip)?;
        evaluations.sort_by_key(|e| e.period.sort_key());
        if let Some(e) = evaluations.last() {
            c.suggested = Suggestion::from(&[], Some(&e.catatan));
        }
    }
    d.coaching = Arc::new(coaching);
    d.units = units.into_values().collect();
    d.units.sort_by(|a, b| a.name.cmp(&b.name));
    (d.held, d.partners) = training_stats(store, year)?;
    d.stats_loaded = true;
    let mut all_units: Vec<(String, String)> =
        names.into_iter().filter(|(id, _)| in_scope(id)).collect();
    all_units.sort_by(|a, b| a.1.cmp(&b.1));
    d.all_units = all_units;
    d.unit = unit;
    Ok(d)
}

/// [`training_stats`] with the people each partner could close a gap of, counted over the
/// staff rows `index` (a pass over every person's gaps: read when Pelatihan's Partners
/// section is first opened).
pub fn training_stats_with_gaps(
    store: &Store,
    index: &StaffIndex,
    year: i16,
    today: Date,
) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
    let (held, mut partners) = training_stats(store, year)?;
    let known = store.partners()?;
    let data = CompetencyData {
        catalogue: store.competencies()?,
        requirements: store.requirements()?,
    };
    let with: Vec<&Partner> = known
        .iter()
        .filter(|p| !p.competencies.is_empty())
        .collect();
    let sets: Vec<Vec<usize>> = with
        .iter()
        .map(|p| {
            p.competencies
                .iter()
                .filter_map(|id| data.catalogue.iter().position(|c| c.id == *id))
                .collect()
        })
        .collect();
    let counts = closable_by(index, None, &data, &sets, today);
    let gaps: HashMap<String, usize> = with.iter().map(|p| p.id.clone()).zip(counts).collect();
    for p in &mut partners {
        p.gaps = gaps.get(&unit_id(&p.name)).copied();
    }
    Ok((held, partners))
}

/// The trainings held and the partners of a year, from the counts the store keeps.
pub fn training_stats(store: &Store, year: i16) -> Result<(Vec<Held>, Vec<PartnerJp>), StoreError> {
    let (held, partners) = store.training_stats(year)?;
    let mut held: Vec<Held> = held
        .into_iter()
        .map(|h| Held {
            title: h.judul,
            organiser: h.penyelenggara,
            dates: format_date(h.mulai),
            participants: h.participants,
            // One participation's JP: the average, should participants differ.
            jp: (h.jp_total / u64::from(h.participants.max(1))) as u32,
        })
        .collect();
    held.sort_by_key(|h| std::cmp::Reverse(h.participants));
    let mut partners: Vec<PartnerJp> = partners
        .into_iter()
        .map(|p| PartnerJp {
            gaps: None,
            name: p.name,
            kind: p.kind,
            participants: p.participants,
            jp: p.jp,
        })
        .collect();
    partners.sort_by_key(|p| std::cmp::Reverse(p.jp));
    Ok((held, partners))
}
