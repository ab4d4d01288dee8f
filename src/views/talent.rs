//! The talent view (Talenta tab, `kinerja export talent`): each active person's place in the
//! 9-box of PermenPANRB 3/2020 for a year, from the annual predikat (the list summaries, read
//! on three levels by `domain::talent::kinerja_level`) and the potensial of that year; who has
//! no box and why; and who is berprestasi (Sangat Baik two consecutive years).
//! Computed in one pass over the summaries and one over the potentials; the screen and the
//! CSV use the same rows.

use super::Texts;
use crate::domain::talent::{TalentGap, berprestasi, follow_up, kinerja_level, placement};
use crate::domain::{Potensial, Predikat, Rating};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::sync::Arc;

/// One active person of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalentPerson {
    /// The NIP's 18 digits (see [`TalentPerson::nip`]).
    nip: [u8; 18],
    /// Where the name is in [`TalentData::names`] (see [`TalentData::name`]): the view
    /// keeps every name in one text, so building it makes no allocation per person.
    pub name: NameAt,
    /// The unit and the position: shared by everyone of the same unit or position (a
    /// view over 100,000 people holds a few hundred distinct texts).
    pub unit_id: Arc<str>,
    pub jabatan: Arc<str>,
    /// The 9-box's kinerja row: the year's annual predikat on three levels.
    pub kinerja: Option<Rating>,
    pub potensial: Option<Potensial>,
    /// The box (1-9), or why there is none.
    pub place: Result<u8, TalentGap>,
    /// The annual predikat of the year, if evaluated.
    pub predikat: Option<Predikat>,
    /// JP of the trainings completed in the year viewed.
    pub jp: u32,
    /// Sangat Baik in the year's annual evaluation and the year before's.
    pub berprestasi: bool,
}

impl TalentPerson {
    /// The NIP as text (18 digits).
    pub fn nip(&self) -> &str {
        std::str::from_utf8(&self.nip).unwrap_or("")
    }
}

/// A person's name in [`TalentData::names`]: the byte range `start..end`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameAt {
    start: u32,
    end: u32,
}

/// The view for one year and unit (or all units in scope).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TalentData {
    pub year: i16,
    pub unit: Option<String>,
    /// Active staff by name.
    pub people: Vec<TalentPerson>,
    /// Every person's name, one after the other (see [`TalentData::name`]).
    names: String,
    /// Per box (index box - 1): positions in `people`.
    pub boxes: [Vec<u32>; 9],
    /// Without a box, per reason (`TalentGap::ALL` order): positions in `people`.
    pub gaps: [Vec<u32>; 3],
    /// The berprestasi: positions in `people`, best box first, then by name.
    pub berprestasi: Vec<u32>,
    /// Every unit (id, name) in scope, by name, for the unit choice.
    pub all_units: Vec<(String, String)>,
    /// Unit names by id.
    pub unit_names: HashMap<String, String>,
}

impl TalentData {
    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit_names.get(id).map_or(id, |s| s.as_str())
    }

    pub fn person(&self, i: u32) -> Option<&TalentPerson> {
        self.people.get(i as usize)
    }

    /// The name of `p`, one of this view's people.
    pub fn name(&self, p: &TalentPerson) -> &str {
        self.names
            .get(p.name.start as usize..p.name.end as usize)
            .unwrap_or("")
    }
}

/// Each assessed person's potensial of one year, by the 18 NIP digits.
pub type PotensialByNip = foldhash::HashMap<[u8; 18], Potensial>;

/// Each assessed person's potensial of `year`, by NIP digits: one pass over the
/// `potentials` tree reading only that field. Errors: the store's (a damaged record is
/// named).
pub fn potensial_of_year(store: &Store, year: i16) -> Result<PotensialByNip, StoreError> {
    store.iter_potensial_of_year(year).collect()
}

/// [`potensial_of_year`] read in two halves at once, below and from `middle` (a NIP, such
/// as the middle one of the staff rows): the second on a thread of its own (issue 23: the
/// pass over the `potentials` tree was about half of the first Talenta of a session at
/// 100,000 staff). Read in one go when the system gives no thread. Errors: the store's.
pub fn potensial_of_year_split(
    store: &Store,
    year: i16,
    middle: &str,
) -> Result<PotensialByNip, StoreError> {
    let middle = middle.as_bytes().to_vec();
    let (low, high) = std::thread::scope(|scope| {
        let high = std::thread::Builder::new()
            .spawn_scoped(scope, || {
                store
                    .iter_potensial_of_year_in(year, middle.clone()..)
                    .collect::<Result<Vec<_>, _>>()
            })
            .ok();
        let Some(high) = high else {
            return (potensial_of_year(store, year), Ok(Vec::new()));
        };
        let low: Result<PotensialByNip, StoreError> = store
            .iter_potensial_of_year_in(year, ..middle.clone())
            .collect();
        // A panic on that thread is a bug: raised here, as if it had been read here.
        let high = high.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (low, high)
    });
    let mut map = low?;
    map.extend(high?);
    Ok(map)
}

/// The 18 digits of a NIP as the map's key.
fn key(nip: &str) -> [u8; 18] {
    let mut k = [b'0'; 18];
    for (slot, b) in k.iter_mut().zip(nip.bytes()) {
        *slot = b;
    }
    k
}

/// The units in scope by name, and every unit's name by id.
pub type Units = (Vec<(String, String)>, HashMap<String, String>);

pub fn units(store: &Store, in_scope: &dyn Fn(&str) -> bool) -> Result<Units, StoreError> {
    let mut unit_names = HashMap::new();
    let mut all_units = Vec::new();
    for u in store.units()? {
        if in_scope(&u.id) {
            all_units.push((u.id.clone(), u.name.clone()));
        }
        unit_names.insert(u.id, u.name);
    }
    all_units.sort_by(|a, b| a.1.cmp(&b.1));
    Ok((all_units, unit_names))
}

/// One person's place for `year`, their name added to `names`. `annual`: each year's
/// (year, predikat).
#[allow(clippy::too_many_arguments)]
fn person(
    names: &mut String,
    year: i16,
    nip: &str,
    name: &str,
    unit_id: Arc<str>,
    jabatan: Arc<str>,
    jp: u32,
    annual: &[(i16, Predikat)],
    potensial: Option<Potensial>,
) -> TalentPerson {
    let predikat = annual.iter().find(|(y, _)| *y == year).map(|(_, p)| *p);
    let place = placement(predikat, potensial);
    let start = names.len() as u32;
    names.push_str(name);
    TalentPerson {
        berprestasi: berprestasi(annual.iter().copied(), year),
        predikat,
        kinerja: predikat.map(kinerja_level),
        nip: key(nip),
        name: NameAt {
            start,
            end: names.len() as u32,
        },
        unit_id,
        jabatan,
        potensial,
        place,
        jp,
    }
}

/// The boxes, gaps and berprestasi of people already in name order.
fn assemble(
    year: i16,
    unit: Option<String>,
    (people, names): (Vec<TalentPerson>, String),
    (all_units, unit_names): Units,
) -> TalentData {
    let mut d = TalentData {
        year,
        unit,
        all_units,
        unit_names,
        names,
        ..Default::default()
    };
    for (i, p) in people.iter().enumerate() {
        let i = i as u32;
        match p.place {
            Ok(b) => d.boxes[usize::from(b - 1)].push(i),
            Err(gap) => {
                let g = TalentGap::ALL.iter().position(|x| *x == gap).unwrap_or(0);
                d.gaps[g].push(i);
            }
        }
        if p.berprestasi {
            d.berprestasi.push(i);
        }
    }
    d.berprestasi
        .sort_by_key(|i| std::cmp::Reverse(people[*i as usize].place.unwrap_or(0)));
    d.people = people;
    d
}

/// The talent view of `year` for `unit` (`None`: every unit `in_scope` allows), from the
/// records (the command line). Only active staff are placed; their JP is of `year`.
/// Errors: the store's.
pub fn talent_data(
    store: &Store,
    year: i16,
    unit: Option<String>,
    in_scope: &dyn Fn(&str) -> bool,
) -> Result<TalentData, StoreError> {
    let units = units(store, in_scope)?;
    let potensial = potensial_of_year(store, year)?;
    let mut people = Vec::new();
    let mut names = String::new();
    let mut texts = Texts::default();
    for s in store.iter_summaries() {
        let s = s?;
        // The unit of the year viewed (issue 21: a past year with that year's unit).
        let unit_then = s.unit_in(year);
        if !s.aktif || unit.as_deref().is_some_and(|u| u != unit_then) || !in_scope(&s.unit_id) {
            continue;
        }
        people.push(person(
            &mut names,
            year,
            &s.nip,
            &s.name,
            texts.get(unit_then),
            texts.get(&s.position().title()),
            s.jp_in(year),
            &s.annual,
            potensial.get(&key(&s.nip)).copied(),
        ));
    }
    let name = |p: &TalentPerson| &names[p.name.start as usize..p.name.end as usize];
    people.sort_by(|a, b| name(a).cmp(name(b)).then_with(|| a.nip.cmp(&b.nip)));
    Ok(assemble(year, unit, (people, names), units))
}

/// The same view from the staff rows the screens keep in memory (already in name order,
/// already limited to the officer's scope) and `potensial`, the year's potentials
/// ([`potensial_of_year`], which the app keeps until the next save), reading only the units
/// from the store: what the Talenta tab does, so switching to it reads no staff record. The
/// JP is of `year`, as the rows keep every year's.
pub fn talent_data_from_index(
    store: &Store,
    index: &crate::model::staff_index::StaffIndex,
    potensial: &PotensialByNip,
    year: i16,
    unit: Option<String>,
    in_scope: &dyn Fn(&str) -> bool,
) -> Result<TalentData, StoreError> {
    let units = units(store, in_scope)?;
    // Room for everyone in scope at once when every unit is shown: growing by doubling
    // would copy the people (about 120 bytes each) several times over at 100,000 staff.
    // One unit's view grows as it goes (the view keeps the list it was given).
    let mut people = Vec::with_capacity(if unit.is_none() { index.total() } else { 0 });
    let mut names = String::new();
    let mut texts = Texts::default();
    // The position's full title ("Perawat Ahli Pertama"), as the export gives it, made once
    // per position (by its number in the rows) and jenjang.
    let mut titles: Vec<Titles> = Vec::new();
    index.for_each_by_name(|s| {
        // The unit of the year viewed (issue 21: a past year with that year's unit).
        let unit_then = s.unit_in(year);
        if !s.aktif || unit.as_deref().is_some_and(|u| u != unit_then) {
            return;
        }
        people.push(person(
            &mut names,
            year,
            s.nip,
            s.name,
            texts.get(unit_then),
            title_of(&mut titles, s.jabatan_no, s.jabatan, s.jenis),
            s.jp_years
                .iter()
                .find(|(y, _)| *y == year)
                .map_or(0, |(_, jp)| *jp),
            s.annual,
            potensial.get(&key(s.nip)).copied(),
        ));
    });
    Ok(assemble(year, unit, (people, names), units))
}

/// The titles of the positions met so far: by position number, each jenjang's title.
type Titles = Vec<(Option<crate::domain::JenisJabatan>, Arc<str>)>;

/// The full title of position number `no` (`nama`, of jenjang `jenis`) from `titles`,
/// made on its first use.
fn title_of(
    titles: &mut Vec<Titles>,
    no: u16,
    nama: &str,
    jenis: Option<crate::domain::JenisJabatan>,
) -> Arc<str> {
    let no = usize::from(no);
    if titles.len() <= no {
        titles.resize_with(no + 1, Vec::new);
    }
    let of_no = &mut titles[no];
    if let Some((_, t)) = of_no.iter().find(|(j, _)| *j == jenis) {
        return t.clone();
    }
    let title: Arc<str> = Arc::from(
        crate::domain::Jabatan {
            nama: nama.to_string(),
            jenis: jenis.unwrap_or(crate::domain::JenisJabatan::Pelaksana),
        }
        .title(),
    );
    of_no.push((jenis, title.clone()));
    title
}

/// The CSV header of `kinerja export talent`.
/// `kinerja` is the 9-box's row as a rating code (1 di atas, 2 sesuai, 3 di bawah), from
/// `predikat_tahunan` (until issue 21 it was `hasil_kerja_tahunan`, the Hasil Kerja alone).
pub const COLUMNS: [&str; 13] = [
    "nip",
    "nama",
    "unit",
    "jabatan",
    "tahun",
    "predikat_tahunan",
    "kinerja",
    "potensial",
    "kotak",
    "alasan",
    "tindak_lanjut",
    "berprestasi",
    "jp_tahun",
];

/// One CSV row: the box and its follow-up, or empty with the reason there is none.
pub fn csv_row(d: &TalentData, p: &TalentPerson) -> Vec<String> {
    let (kotak, alasan, tindak) = match p.place {
        Ok(b) => (
            b.to_string(),
            String::new(),
            follow_up(b, false).to_string(),
        ),
        Err(g) => (String::new(), gap_code(g).to_string(), String::new()),
    };
    vec![
        p.nip().to_string(),
        d.name(p).to_string(),
        d.unit_name(&p.unit_id).to_string(),
        p.jabatan.to_string(),
        d.year.to_string(),
        p.predikat.map_or(String::new(), |x| x.label().to_string()),
        p.kinerja.map_or(String::new(), |r| r.code().to_string()),
        p.potensial.map_or(String::new(), |x| x.label().to_string()),
        kotak,
        alasan,
        tindak,
        if p.berprestasi { "ya" } else { "tidak" }.to_string(),
        p.jp.to_string(),
    ]
}

/// The reason without a box, as the CSV writes it.
pub fn gap_code(g: TalentGap) -> &'static str {
    match g {
        TalentGap::NoAnnual => "belum ada evaluasi tahunan",
        TalentGap::NoPotensial => "belum ada potensial",
        TalentGap::Neither => "belum ada evaluasi tahunan dan potensial",
    }
}
