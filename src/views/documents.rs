//! What the printed documents show (issue 20; DOMAIN.md, The SKP cycle, "Documents"), read
//! from the store once per document: the SKP with the people as they were when it was
//! set, an evaluation with the plan read for its period and its unit's capaian
//! organisasi, and a unit's spread of predikat for a period. `print/` lays these out;
//! nothing here knows about pages.

use crate::domain::{
    Breach, Evaluation, JpTargets, Nip, Period, PersonAtTime, Predikat, PredikatCounts, Skp, Staff,
    Unit, UnitRating, check_distribution,
};
use crate::store::{Store, StoreError};
use crate::views::skp::SkpReading;
use std::collections::HashMap;

/// A person as a form prints them: name, NIP, pangkat/golongan, jabatan, unit kerja.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonLine {
    pub nama: String,
    pub nip: Option<Nip>,
    /// "Penata, III/c"; "IX" for a PPPK; "" when not known.
    pub pangkat: String,
    pub jabatan: String,
    pub unit: String,
}

impl PersonLine {
    /// A person from the staff record, in their unit named `unit`.
    pub fn of_staff(s: &Staff, unit: &str) -> PersonLine {
        PersonLine {
            nama: s.display_name(),
            nip: Some(s.nip.clone()),
            pangkat: pangkat(s.golongan),
            jabatan: s.jabatan.title(),
            unit: unit.to_string(),
        }
    }

    /// The NIP as printed (`19850330 201001 2 002`), or "-".
    pub fn nip_text(&self) -> String {
        self.nip
            .as_ref()
            .map_or_else(|| "-".into(), |n| n.to_string())
    }
}

fn pangkat(g: crate::domain::Golongan) -> String {
    match g.pangkat() {
        Some(p) => format!("{p}, {g}"),
        None => g.to_string(),
    }
}

/// Reads people and units for a document, each at most once.
struct People<'s> {
    store: &'s Store,
}

impl People<'_> {
    fn unit_name(&self, id: &str) -> Result<String, StoreError> {
        Ok(self
            .store
            .get_unit(id)?
            .map_or_else(|| id.to_string(), |u| u.name))
    }

    /// `p` as it was recorded; what it leaves empty comes from the person's staff record
    /// today, when the NIP is in the database (an SKP or an evaluation made by the
    /// program keeps only what was typed).
    fn line(&self, p: &PersonAtTime) -> Result<PersonLine, StoreError> {
        let staff = match &p.nip {
            Some(n) => self.store.get_staff(n.as_str())?,
            None => None,
        };
        let mut line = PersonLine {
            nama: p.nama.clone(),
            nip: p.nip.clone(),
            pangkat: p.golongan.map(pangkat).unwrap_or_default(),
            jabatan: p.jabatan.clone(),
            unit: p.unit.clone(),
        };
        if let Some(s) = staff {
            let now = PersonLine::of_staff(&s, &self.unit_name(&s.unit_id)?);
            for (field, value) in [
                (&mut line.nama, now.nama),
                (&mut line.pangkat, now.pangkat),
                (&mut line.jabatan, now.jabatan),
                (&mut line.unit, now.unit),
            ] {
                if field.trim().is_empty() {
                    *field = value;
                }
            }
        }
        Ok(line)
    }

    /// The top of the unit's chain of parents: the body the forms name as instansi when
    /// none is set.
    fn top_unit(&self, unit_id: &str) -> Result<String, StoreError> {
        let mut id = unit_id.to_string();
        let mut name = id.clone();
        for _ in 0..16 {
            let Some(u) = self.store.get_unit(&id)? else {
                break;
            };
            name = u.name;
            match u.parent {
                Some(p) if p != id => id = p,
                _ => break,
            }
        }
        Ok(name)
    }
}

/// The SKP of one person for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpDocument {
    pub skp: Skp,
    pub pegawai: PersonLine,
    pub penilai: PersonLine,
    pub atasan: Option<PersonLine>,
    /// The top unit of the person's unit (the instansi when the settings name none).
    pub top_unit: String,
}

/// The SKP of `nip` that covers `period`; `Ok(None)` when the person or the SKP is not
/// there.
pub fn skp_document(
    store: &Store,
    nip: &str,
    period: Period,
) -> Result<Option<SkpDocument>, StoreError> {
    let Some(staff) = store.get_staff(nip)? else {
        return Ok(None);
    };
    let skps = store.skp_of(nip)?;
    let Some(skp) = crate::domain::skp::skp_for(&skps, period) else {
        return Ok(None);
    };
    let people = People { store };
    let mut pegawai = people.line(&skp.pegawai)?;
    if pegawai.nip.is_none() {
        pegawai.nip = Some(staff.nip.clone());
    }
    Ok(Some(SkpDocument {
        pegawai,
        penilai: people.line(&skp.penilai)?,
        atasan: skp.atasan.as_ref().map(|a| people.line(a)).transpose()?,
        top_unit: people.top_unit(&staff.unit_id)?,
        skp: skp.clone(),
    }))
}

/// One evaluation with everything its two documents print.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluasiDocument {
    pub evaluation: Evaluation,
    /// The plan read for the period; `None` when the period has no SKP.
    pub reading: Option<SkpReading>,
    pub pegawai: PersonLine,
    pub penilai: Option<PersonLine>,
    pub atasan: Option<PersonLine>,
    pub top_unit: String,
    /// The unit's own rating for the period (capaian kinerja organisasi).
    pub capaian_organisasi: Option<UnitRating>,
    pub unit_name: String,
    /// The unit's spread of predikat for the period, its head apart.
    pub distribution: PredikatCounts,
    /// The expectation per BerAKHLAK value: the evaluation's, else the SKP's.
    pub ekspektasi: [String; 7],
}

/// The evaluation of `nip` for `period`; `Ok(None)` when the person or the evaluation is
/// not there.
pub fn evaluasi_document(
    store: &Store,
    nip: &str,
    period: Period,
) -> Result<Option<EvaluasiDocument>, StoreError> {
    let Some(staff) = store.get_staff(nip)? else {
        return Ok(None);
    };
    let Some(evaluation) = store
        .evaluations_of(nip)?
        .into_iter()
        .find(|e| e.period == period)
    else {
        return Ok(None);
    };
    let people = People { store };
    let unit = store.get_unit(&staff.unit_id)?;
    let unit_name = unit
        .as_ref()
        .map_or_else(|| staff.unit_id.clone(), |u| u.name.clone());
    let pegawai = match &evaluation.pegawai {
        Some(p) => {
            let mut l = people.line(p)?;
            if l.nip.is_none() {
                l.nip = Some(staff.nip.clone());
            }
            l
        }
        None => PersonLine::of_staff(&staff, &unit_name),
    };
    let reading = crate::views::skp::reading_for(store, nip, period)?;
    let mut ekspektasi: [String; 7] = Default::default();
    for (i, e) in ekspektasi.iter_mut().enumerate() {
        let own = evaluation.berakhlak[i].ekspektasi.trim();
        *e = if own.is_empty() {
            reading
                .as_ref()
                .map(|r| r.skp.ekspektasi[i].trim().to_string())
                .unwrap_or_default()
        } else {
            own.to_string()
        };
    }
    let distribution = match &unit {
        Some(u) => spread(store, u, period)?.0,
        None => PredikatCounts::default(),
    };
    Ok(Some(EvaluasiDocument {
        penilai: evaluation
            .penilai
            .as_ref()
            .map(|p| people.line(p))
            .transpose()?,
        atasan: evaluation
            .atasan_penilai
            .as_ref()
            .map(|p| people.line(p))
            .transpose()?,
        top_unit: people.top_unit(&staff.unit_id)?,
        capaian_organisasi: unit.as_ref().and_then(|u| u.rating_of(period)),
        unit_name,
        distribution,
        ekspektasi,
        reading,
        pegawai,
        evaluation,
    }))
}

/// A unit's predikat of `period` (its head apart) and the head's own.
fn spread(
    store: &Store,
    unit: &Unit,
    period: Period,
) -> Result<(PredikatCounts, Option<Predikat>), StoreError> {
    let mut counts = PredikatCounts::default();
    let mut head = None;
    for nip in store.nips_of_unit(&unit.id)? {
        let Some(e) = store
            .evaluations_of(&nip)?
            .into_iter()
            .find(|e| e.period == period)
        else {
            continue;
        };
        if unit.is_head(&nip) {
            head = Some(e.predikat());
        } else {
            counts.add(e.predikat());
        }
    }
    Ok((counts, head))
}

/// One person in the unit report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub nama: String,
    pub nip: Nip,
    pub aktif: bool,
    /// The predikat of the period, if evaluated.
    pub predikat: Option<Predikat>,
    /// JP in the period's year and the person's own target.
    pub jp: u32,
    pub target: u32,
}

/// A unit's report for a period (Laporan): its spread of predikat against the pattern its
/// capaian organisasi sets, its head apart, who has which predikat, and JP.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDocument {
    pub unit: Unit,
    pub period: Period,
    pub top_unit: String,
    pub rating: Option<UnitRating>,
    /// Everyone evaluated for the period (active or not) except the head, with the heads
    /// of the units below (as Laporan counts them).
    pub counts: PredikatCounts,
    /// `None` when the unit's rating for the period is not recorded.
    pub breaches: Option<Vec<Breach>>,
    /// The head as printed over the signature, with their predikat of the period.
    pub head: Option<(PersonLine, Option<Predikat>)>,
    /// Everyone of the unit on the period's last day by name, the head included.
    pub members: Vec<Member>,
    /// The heads of the units below, counted in this unit's distribution (issue 21), by
    /// name; their name says which unit they head.
    pub heads_below: Vec<Member>,
}

impl UnitDocument {
    /// Active staff, and how many of them met their own yearly JP target.
    pub fn jp_reached(&self) -> (u32, u32) {
        let active: Vec<&Member> = self.members.iter().filter(|m| m.aktif).collect();
        let reached = active.iter().filter(|m| m.jp >= m.target).count();
        (reached as u32, active.len() as u32)
    }

    /// Active staff not evaluated for the period.
    pub fn not_evaluated(&self) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .filter(|m| m.aktif && m.predikat.is_none())
    }
}

/// The report of the unit `unit_id` for `period`; `Ok(None)` when there is no such unit.
///
/// The period is judged with its own data, as Laporan judges it (`views::report`, issue
/// 21): the members are the people whose unit on the period's last day was this one (the
/// career history), the head is the one the unit had that day, and the counts take each
/// evaluated person where Laporan does: a head in the parent unit's distribution (a lurah
/// in the kecamatan's), everyone else in their unit of that day.
pub fn unit_document(
    store: &Store,
    unit_id: &str,
    period: Period,
    targets: &JpTargets,
) -> Result<Option<UnitDocument>, StoreError> {
    let Some(unit) = store.get_unit(unit_id)? else {
        return Ok(None);
    };
    let day = period.end();
    let units = store.units()?;
    // Who headed which unit that day, and each unit's parent.
    let headed: HashMap<String, String> = units
        .iter()
        .filter_map(|u| Some((u.head_on(day)?.as_str().to_string(), u.id.clone())))
        .collect();
    // A pustu is part of its puskesmas: its people are the puskesmas's too.
    let fold = crate::domain::pustu_fold(&units);
    let folded = |id: &str| fold.get(id).cloned().unwrap_or_else(|| id.to_string());
    let parent_of = |id: &str| {
        units
            .iter()
            .find(|u| u.id == id)
            .and_then(|u| u.parent.as_deref().map(folded))
    };
    let head_nip = unit.head_on(day).map(|n| n.as_str().to_string());
    // Everyone who is a member that day or is counted here (a head of a unit below).
    let mut wanted: Vec<(String, bool, bool)> = Vec::new();
    for s in store.iter_summaries() {
        let s = s?;
        let member = s.unit_on(day) == unit.id || folded(s.unit_on(day)) == unit.id;
        let counted_in = match headed.get(&s.nip) {
            Some(h) => parent_of(h),
            None => Some(folded(s.unit_on(day))),
        };
        let counted = counted_in.as_deref() == Some(unit.id.as_str());
        if member || counted || head_nip.as_deref() == Some(s.nip.as_str()) {
            wanted.push((s.nip, member, counted));
        }
    }
    let people = People { store };
    let mut members = Vec::new();
    let mut counts = PredikatCounts::default();
    let mut head = None;
    let mut heads_below = Vec::new();
    for (nip, member, counted_here) in wanted {
        let Some(staff) = store.get_staff(&nip)? else {
            continue;
        };
        let predikat = store
            .evaluations_of(&nip)?
            .into_iter()
            .find(|e| e.period == period)
            .map(|e| e.predikat());
        if head_nip.as_deref() == Some(nip.as_str()) {
            head = Some((PersonLine::of_staff(&staff, &unit.name), predikat));
        }
        if counted_here && let Some(p) = predikat {
            counts.add(p);
        }
        let below = headed.get(&nip).filter(|_| counted_here && !member);
        if !member && below.is_none() {
            continue;
        }
        let jp = crate::domain::training::jp_in_year(&store.trainings_of(&nip)?, period.year);
        let m = Member {
            nama: staff.display_name(),
            nip: staff.nip.clone(),
            aktif: staff.aktif,
            predikat,
            jp,
            target: targets.of(staff.golongan.is_pppk()),
        };
        if let Some(h) = below {
            let name = units
                .iter()
                .find(|u| u.id == *h)
                .map_or(h.as_str(), |u| &u.name);
            let mut head = m.clone();
            head.nama = format!("{} (pimpinan {name})", m.nama);
            heads_below.push((staff.nama.to_lowercase(), head));
        }
        if member {
            members.push((staff.nama.to_lowercase(), m));
        }
    }
    // By name without titles, as an attendance list reads.
    members.sort_by(|(a, x), (b, y)| a.cmp(b).then(x.nip.as_str().cmp(y.nip.as_str())));
    let members: Vec<Member> = members.into_iter().map(|(_, m)| m).collect();
    heads_below.sort_by(|(a, x), (b, y)| a.cmp(b).then(x.nip.as_str().cmp(y.nip.as_str())));
    let heads_below = heads_below.into_iter().map(|(_, m)| m).collect();
    let rating = unit.rating_of(period);
    Ok(Some(UnitDocument {
        top_unit: people.top_unit(&unit.id)?,
        breaches: rating.map(|r| check_distribution(r, &counts)),
        rating,
        counts,
        head,
        members,
        heads_below,
        period,
        unit,
    }))
}

/// The unit named `name` (any case; or its id).
pub fn find_unit(store: &Store, name: &str) -> Result<Option<Unit>, StoreError> {
    let id = crate::domain::unit_id(name);
    if let Some(u) = store.get_unit(&id)? {
        return Ok(Some(u));
    }
    let want = name.trim().to_lowercase();
    Ok(store
        .units()?
        .into_iter()
        .find(|u| u.name.to_lowercase() == want || u.id == want))
}

/// The active staff of a unit, by name: whose documents a unit's file holds.
pub fn unit_staff(store: &Store, unit_id: &str) -> Result<Vec<Staff>, StoreError> {
    let mut out = Vec::new();
    for nip in store.nips_of_unit(unit_id)? {
        if let Some(s) = store.get_staff(&nip)?
            && s.aktif
        {
            out.push(s);
        }
    }
    // By name without titles, as an attendance list reads.
    out.sort_by(|a, b| {
        a.nama
            .to_lowercase()
            .cmp(&b.nama.to_lowercase())
            .then(a.nip.as_str().cmp(b.nip.as_str()))
    });
    Ok(out)
}
