//! The staff list's data: every person's summary in memory, views sorted once per sort
//! order, and a fuzzy filter over name and NIP. Only the rows on screen are ever formatted.
//!
//! Two parts: [`SharedStaff`], the rows and the sorted orders, held once per process and
//! shared by every session (`kinerja serve` runs one per SSH connection), updated in place
//! by every save; and [`StaffIndex`], one session's view of it (sort, unit, query, the
//! matching rows), a few bytes per row. A view notices another session's change through
//! the shared generation number ([`StaffIndex::sync`]).

use crate::domain::{JenisJabatan, Predikat, StaffSummary};
use jiff::civil::Date;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::HashMap;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Nip,
    Rank,
    Unit,
    Predikat,
    Jp,
}

impl SortKey {
    /// The first is the default: the store's own order, so the first frame (drawn before
    /// the whole list is read) is already in place.
    pub const ALL: [SortKey; 6] = [
        SortKey::Nip,
        SortKey::Name,
        SortKey::Rank,
        SortKey::Unit,
        SortKey::Predikat,
        SortKey::Jp,
    ];

    pub fn next(self) -> SortKey {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// A search query, with what lets most rows be skipped before fuzzy matching.
struct Query {
    /// Only digits: names cannot match.
    digits: bool,
    /// No digit: NIPs cannot match.
    letters: bool,
    /// Each word of the query, lowercase ASCII: a match holds each word's letters in
    /// order (nucleo matches the words in any order). `None` when the query uses nucleo's
    /// syntax (`!`, `^`, `$`, `'`) or is not ASCII: then no row is skipped.
    words: Option<Vec<Vec<u8>>>,
}

impl Query {
    fn new(q: &str) -> Query {
        let plain = q.is_ascii() && !q.contains(['!', '^', '$', '\'', '\\']);
        Query {
            digits: q
                .chars()
                .filter(|c| !c.is_whitespace())
                .all(|c| c.is_ascii_digit()),
            letters: !q.chars().any(|c| c.is_ascii_digit()),
            words: plain.then(|| {
                q.split_ascii_whitespace()
                    .map(|w| w.bytes().map(|b| b.to_ascii_lowercase()).collect())
                    .collect()
            }),
        }
    }

    fn may_match(&self, hay: &str) -> bool {
        self.words
            .as_ref()
            .is_none_or(|ws| ws.iter().all(|w| is_subsequence(w, hay.as_bytes())))
    }

    /// (inverted score, position among the candidates, item) of every match.
    fn score_all(
        &self,
        pattern: &Pattern,
        matcher: &mut Matcher,
        items: &[Entry],
        candidates: &[u32],
        offset: usize,
    ) -> Vec<(u32, u32, u32)> {
        let mut buf = Vec::new();
        let mut out = Vec::with_capacity(candidates.len() / 4);
        for (rank, &i) in candidates.iter().enumerate() {
            let s = &items[i as usize];
            let name = (!self.digits && self.may_match(&s.name))
                .then(|| pattern.score(Utf32Str::new(&s.name, &mut buf), matcher))
                .flatten();
            let nip = (!self.letters && self.may_match(s.nip()))
                .then(|| pattern.score(Utf32Str::new(s.nip(), &mut buf), matcher))
                .flatten();
            if let Some(score) = name.max(nip) {
                out.push((u32::MAX - score, (offset + rank) as u32, i));
            }
        }
        out
    }
}

/// Whether the lowercase ASCII `needle` appears in `hay` in order, ignoring ASCII case.
fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut want = needle.iter();
    let mut next = want.next();
    for b in hay {
        match next {
            None => return true,
            Some(n) if b.to_ascii_lowercase() == *n => next = want.next(),
            Some(_) => {}
        }
    }
    next.is_none()
}

/// The name for sorting: without front titles such as "dr." or "Hj.".
fn sort_name(display: &str) -> &str {
    let mut rest = display;
    while let Some((word, tail)) = rest.split_once(' ') {
        if word.ends_with('.') && word.len() <= 4 {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

/// One person as the list keeps it in memory: small, with repeated texts (position,
/// unit) stored once in the index's tables. Measured at 100,000 rows of the scale database
/// (with annual ratings, JP per year and competencies held): about 220 bytes a row.
struct Entry {
    nip: [u8; 18],
    name: Box<str>,
    golongan: crate::domain::Golongan,
    jabatan: u16,
    unit: u16,
    aktif: bool,
    last: Option<(crate::domain::Period, Predikat)>,
    /// JP of the index's year.
    jp: u32,
    /// JP of every year with any, oldest first (as the summary keeps them).
    jp_years: Box<[(i16, u32)]>,
    /// Each year's annual (year, predikat, Hasil Kerja), oldest first: the talent view's.
    annual: Box<[(i16, Predikat, crate::domain::Rating)]>,
    /// The position's kind and jenjang (`None` in a summary of the first layout).
    jenis: Option<JenisJabatan>,
    /// Each competency held (`competency_key` of its id) with the end of the latest
    /// training that gave it: the Kompetensi view's.
    held: Box<[(u32, Date)]>,
}

/// One person as the talent view reads them, borrowed from the shared rows.
pub struct TalentSource<'a> {
    pub nip: &'a str,
    pub name: &'a str,
    pub unit_id: &'a str,
    /// The position's name (without its jenjang).
    pub jabatan: &'a str,
    pub aktif: bool,
    /// JP of the index's year (this year).
    pub jp: u32,
    /// Each year's annual (year, predikat, Hasil Kerja), oldest first.
    pub annual: &'a [(i16, Predikat, crate::domain::Rating)],
    /// The position's name as a number, the same for every person with that name (for
    /// caching what a position requires).
    pub jabatan_no: u16,
    /// The position's kind and jenjang.
    pub jenis: Option<JenisJabatan>,
    /// Competencies held: (`competency_key` of the id, end of the latest training that
    /// gave it).
    pub held: &'a [(u32, Date)],
}

impl Entry {
    fn nip(&self) -> &str {
        std::str::from_utf8(&self.nip).unwrap_or("")
    }
}

/// One row of the view, copied out for drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub nip: String,
    pub name: String,
    pub golongan: crate::domain::Golongan,
    pub jabatan: String,
    pub unit_id: String,
    pub aktif: bool,
    pub last: Option<(crate::domain::Period, Predikat)>,
    pub jp: u32,
}

impl StaffRow {
    pub fn nip_spaced(&self) -> String {
        crate::domain::summary::spaced_nip(&self.nip)
    }
}

/// Texts stored once, referred to by number.
#[derive(Default)]
struct Interner {
    texts: Vec<String>,
    numbers: HashMap<String, u16>,
}

impl Interner {
    fn number(&mut self, text: &str) -> u16 {
        if let Some(n) = self.numbers.get(text) {
            return *n;
        }
        let n = self.texts.len().min(u16::MAX as usize) as u16;
        self.texts.push(text.to_string());
        self.numbers.insert(text.to_string(), n);
        n
    }

    fn text(&self, n: u16) -> &str {
        self.texts.get(usize::from(n)).map_or("", |s| s.as_str())
    }
}

/// The rows every session shares: one per person, texts interned, and one permutation of
/// the rows per sort key, built the first time any session asks for it.
pub struct StaffData {
    items: Vec<Entry>,
    jabatan: Interner,
    unit_ids: Interner,
    unit_names: HashMap<String, String>,
    year: i16,
    orders: HashMap<SortKey, Arc<Vec<u32>>>,
    /// Bumped by every change, so views know to refresh.
    generation: u64,
}

impl StaffData {
    fn empty(unit_names: HashMap<String, String>, year: i16) -> StaffData {
        StaffData {
            items: Vec::new(),
            jabatan: Interner::default(),
            unit_ids: Interner::default(),
            unit_names,
            year,
            orders: HashMap::new(),
            generation: 0,
        }
    }

    fn entry(&mut self, s: StaffSummary) -> Entry {
        let mut nip = [b'0'; 18];
        for (slot, b) in nip.iter_mut().zip(s.nip.bytes()) {
            *slot = b;
        }
        let annual: Box<[(i16, Predikat, crate::domain::Rating)]> = s
            .annual
            .iter()
            .filter_map(|(y, p)| Some((*y, *p, s.annual_hasil_in(*y)?)))
            .collect();
        let held: Box<[(u32, Date)]> = s.held.as_slice().into();
        let jp_years: Box<[(i16, u32)]> = s.jp.as_slice().into();
        Entry {
            jp_years,
            jenis: s.jenis,
            held,
            nip,
            annual,
            jp: s.jp_in(self.year),
            name: s.name.into_boxed_str(),
            golongan: s.golongan,
            jabatan: self.jabatan.number(&s.jabatan),
            unit: self.unit_ids.number(&s.unit_id),
            aktif: s.aktif,
            last: s.last,
        }
    }

    fn unit_id_of(&self, e: &Entry) -> &str {
        self.unit_ids.text(e.unit)
    }

    fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit_names.get(id).map_or(id, |s| s.as_str())
    }

    /// Adds or replaces one person, dropping only the sorted orders the change touches.
    fn upsert(&mut self, summary: StaffSummary) {
        let at = self.items.iter().position(|s| s.nip() == summary.nip);
        let entry = self.entry(summary);
        match at {
            Some(i) => {
                // Keep the sorted views this change does not touch: a quick evaluation
                // changes only the predikat, and re-sorting 100,000 rows per save is waste.
                let old = &self.items[i];
                let changed = |k: &SortKey| match k {
                    SortKey::Nip => false,
                    SortKey::Name => old.name != entry.name,
                    SortKey::Rank => old.golongan != entry.golongan || old.name != entry.name,
                    SortKey::Unit => old.unit != entry.unit || old.name != entry.name,
                    SortKey::Predikat => old.last != entry.last || old.name != entry.name,
                    SortKey::Jp => old.jp != entry.jp || old.name != entry.name,
                };
                self.orders.retain(|k, _| !changed(k));
                self.items[i] = entry;
            }
            None => {
                self.items.push(entry);
                self.orders.clear();
            }
        }
        self.generation += 1;
    }

    /// Removes one person (after a delete); every order is rebuilt when next asked for.
    fn remove(&mut self, nip: &str) -> bool {
        let Some(i) = self.items.iter().position(|s| s.nip() == nip) else {
            return false;
        };
        self.items.swap_remove(i);
        self.orders.clear();
        self.generation += 1;
        true
    }

    fn build_order(&self, sort: SortKey) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.items.len() as u32).collect();
        let items = &self.items;
        let units = &self.unit_names;
        let unit_ids = &self.unit_ids;
        let by_name = |a: &Entry, b: &Entry| {
            sort_name(&a.name)
                .to_lowercase()
                .cmp(&sort_name(&b.name).to_lowercase())
                .then_with(|| a.nip.cmp(&b.nip))
        };
        match sort {
            SortKey::Name => {
                let keys: Vec<String> = items
                    .iter()
                    .map(|s| sort_name(&s.name).to_lowercase())
                    .collect();
                order.sort_by(|a, b| {
                    keys[*a as usize]
                        .cmp(&keys[*b as usize])
                        .then_with(|| items[*a as usize].nip.cmp(&items[*b as usize].nip))
                });
            }
            SortKey::Nip => {
                order.sort_by(|a, b| items[*a as usize].nip.cmp(&items[*b as usize].nip))
            }
            // Highest rank first, as officers read a roster.
            SortKey::Rank => order.sort_by(|a, b| {
                // PNS ranks, then PPPK golongan: the two have no common scale.
                let (x, y) = (&items[*a as usize], &items[*b as usize]);
                let key = |s: &Entry| (s.golongan.is_pppk(), std::cmp::Reverse(s.golongan));
                key(x).cmp(&key(y)).then_with(|| by_name(x, y))
            }),
            SortKey::Unit => order.sort_by(|a, b| {
                let (x, y) = (&items[*a as usize], &items[*b as usize]);
                let name = |e: &Entry| {
                    let id = unit_ids.text(e.unit);
                    units.get(id).map_or(id, |s| s.as_str())
                };
                let (ux, uy) = (name(x), name(y));
                ux.cmp(uy).then_with(|| by_name(x, y))
            }),
            // Best first; people without an evaluation last.
            SortKey::Predikat => order.sort_by(|a, b| {
                let (x, y) = (&items[*a as usize], &items[*b as usize]);
                let p = |s: &Entry| s.last.map_or(6, |(_, p): (_, Predikat)| p.code());
                p(x).cmp(&p(y)).then_with(|| by_name(x, y))
            }),
            // Fewest JP first: who needs training.
            SortKey::Jp => order.sort_by(|a, b| {
                let (x, y) = (&items[*a as usize], &items[*b as usize]);
                x.jp.cmp(&y.jp).then_with(|| by_name(x, y))
            }),
        }
        order
    }
}

/// The process's one [`StaffData`], behind a lock; cloning shares it.
#[derive(Clone)]
pub struct SharedStaff(Arc<RwLock<StaffData>>);

impl SharedStaff {
    /// `year` is the year whose JP the list shows.
    pub fn new(
        items: Vec<StaffSummary>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> SharedStaff {
        let mut data = StaffData::empty(unit_names, year);
        data.items.reserve(items.len());
        for summary in items {
            let entry = data.entry(summary);
            data.items.push(entry);
        }
        SharedStaff(Arc::new(RwLock::new(data)))
    }

    /// Builds the rows from a stream of summaries, without holding them all at once.
    pub fn build<E>(
        summaries: impl IntoIterator<Item = Result<StaffSummary, E>>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> Result<SharedStaff, E> {
        let mut data = StaffData::empty(unit_names, year);
        for summary in summaries {
            let entry = data.entry(summary?);
            data.items.push(entry);
        }
        data.items.shrink_to_fit();
        Ok(SharedStaff(Arc::new(RwLock::new(data))))
    }

    /// Replaces every row with `other`'s (the whole list read after the first page), so
    /// every view sharing this one sees them.
    pub fn replace_with(&self, other: SharedStaff) {
        let fresh = match Arc::try_unwrap(other.0) {
            Ok(lock) => lock.into_inner().unwrap_or_else(|p| p.into_inner()),
            Err(shared) => {
                // Still shared elsewhere: rebuild from its rows.
                let src = read(&shared);
                let mut data = StaffData::empty(src.unit_names.clone(), src.year);
                for e in &src.items {
                    let entry = Entry {
                        nip: e.nip,
                        name: e.name.clone(),
                        golongan: e.golongan,
                        jabatan: data.jabatan.number(src.jabatan.text(e.jabatan)),
                        unit: data.unit_ids.number(src.unit_ids.text(e.unit)),
                        aktif: e.aktif,
                        last: e.last,
                        jp: e.jp,
                        jp_years: e.jp_years.clone(),
                        annual: e.annual.clone(),
                        jenis: e.jenis,
                        held: e.held.clone(),
                    };
                    data.items.push(entry);
                }
                data
            }
        };
        let mut data = write(&self.0);
        let generation = data.generation + 1;
        *data = fresh;
        data.generation = generation;
    }

    /// Adds or replaces one person (after a save in any session).
    pub fn upsert(&self, summary: StaffSummary) {
        write(&self.0).upsert(summary);
    }

    /// Removes one person (after a delete in any session).
    pub fn remove(&self, nip: &str) -> bool {
        write(&self.0).remove(nip)
    }

    /// Learns a unit created meanwhile (for its name in rows and the unit picker).
    pub fn set_unit_name(&self, id: &str, name: &str) {
        let mut data = write(&self.0);
        data.unit_names.insert(id.to_string(), name.to_string());
        data.generation += 1;
    }

    /// Changes with every save: a view whose number differs refreshes.
    pub fn generation(&self) -> u64 {
        read(&self.0).generation
    }

    /// Everyone in the process, and how many sessions share these rows.
    pub fn total(&self) -> usize {
        read(&self.0).items.len()
    }

    /// The permutation for `sort`, built (once, for every session) if missing.
    fn order(&self, sort: SortKey) -> Arc<Vec<u32>> {
        if let Some(order) = read(&self.0).orders.get(&sort) {
            return Arc::clone(order);
        }
        let mut data = write(&self.0);
        if let Some(order) = data.orders.get(&sort) {
            return Arc::clone(order);
        }
        let order = Arc::new(data.build_order(sort));
        data.orders.insert(sort, Arc::clone(&order));
        order
    }
}

/// A poisoned lock means a panic in another session while it held the rows; the rows
/// themselves are whole (every change is one assignment), so reading them on is safe.
fn read(lock: &RwLock<StaffData>) -> RwLockReadGuard<'_, StaffData> {
    lock.read().unwrap_or_else(|p| p.into_inner())
}

fn write(lock: &RwLock<StaffData>) -> RwLockWriteGuard<'_, StaffData> {
    lock.write().unwrap_or_else(|p| p.into_inner())
}

/// One session's view of the shared rows: sort order, unit filter, search, and the rows
/// that match, in order.
pub struct StaffIndex {
    data: SharedStaff,
    /// The generation of the data this view was last refreshed from.
    seen: u64,
    sort: SortKey,
    unit: Option<String>,
    /// The units this session may see (an officer's scope); `None`: all.
    scope: Option<Vec<String>>,
    query: String,
    /// Indices into the shared rows, in display order.
    view: Vec<u32>,
    /// Rows in scope, whatever the filter and search.
    in_scope: usize,
    matcher: Matcher,
    pattern: Option<Pattern>,
}

impl StaffIndex {
    /// `year` is the year whose JP the list shows. A view over rows of its own.
    pub fn new(
        items: Vec<StaffSummary>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> StaffIndex {
        StaffIndex::view(SharedStaff::new(items, unit_names, year))
    }

    /// Builds rows of its own from a stream of summaries.
    pub fn build<E>(
        summaries: impl IntoIterator<Item = Result<StaffSummary, E>>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> Result<StaffIndex, E> {
        Ok(StaffIndex::view(SharedStaff::build(
            summaries, unit_names, year,
        )?))
    }

    /// A new view (NIP order, everyone) over shared rows: reads nothing from the database.
    pub fn view(data: SharedStaff) -> StaffIndex {
        let mut index = StaffIndex {
            data,
            seen: 0,
            sort: SortKey::Nip,
            unit: None,
            scope: None,
            query: String::new(),
            view: Vec::new(),
            in_scope: 0,
            matcher: Matcher::new(Config::DEFAULT),
            pattern: None,
        };
        index.refresh(false);
        index
    }

    /// Limits the view to these units (an officer's), `None` for all.
    pub fn set_scope(&mut self, units: Option<Vec<String>>) {
        self.scope = units;
        self.refresh(false);
    }

    /// The shared rows this view reads.
    pub fn shared(&self) -> &SharedStaff {
        &self.data
    }

    /// Calls `f` for every person in the view's scope (not its unit filter or search), in
    /// name order, from the rows in memory: the talent view reads no record.
    pub fn for_each_by_name(&self, mut f: impl FnMut(TalentSource<'_>)) {
        let order = self.data.order(SortKey::Name);
        let data = read(&self.data.0);
        for i in order.iter() {
            let Some(e) = data.items.get(*i as usize) else {
                continue;
            };
            if !self.in_scope_entry(&data, e) {
                continue;
            }
            f(TalentSource {
                nip: e.nip(),
                name: &e.name,
                unit_id: data.unit_id_of(e),
                jabatan: data.jabatan.text(e.jabatan),
                aktif: e.aktif,
                jp: e.jp,
                annual: &e.annual,
                jabatan_no: e.jabatan,
                jenis: e.jenis,
                held: &e.held,
            });
        }
    }

    /// Calls `f` for every person in the view's scope, in NIP order (the store's order), as
    /// the summary the rows in memory were built from: for passes over everyone (Pelatihan,
    /// Laporan) that then read no summary from the store.
    pub fn for_each_summary(&self, mut f: impl FnMut(StaffSummary)) {
        let order = self.data.order(SortKey::Nip);
        let data = read(&self.data.0);
        for i in order.iter() {
            let Some(e) = data.items.get(*i as usize) else {
                continue;
            };
            if !self.in_scope_entry(&data, e) {
                continue;
            }
            f(StaffSummary {
                nip: e.nip().to_string(),
                name: e.name.to_string(),
                golongan: e.golongan,
                jabatan: data.jabatan.text(e.jabatan).to_string(),
                jenis: e.jenis,
                unit_id: data.unit_id_of(e).to_string(),
                aktif: e.aktif,
                last: e.last,
                jp: e.jp_years.to_vec(),
                annual: e.annual.iter().map(|(y, p, _)| (*y, *p)).collect(),
                annual_hasil: e.annual.iter().map(|(y, _, h)| (*y, *h)).collect(),
                held: e.held.to_vec(),
            });
        }
    }

    /// Refreshes the view if another session changed the rows since; true if it did.
    pub fn sync(&mut self) -> bool {
        if self.data.generation() == self.seen {
            return false;
        }
        self.refresh(false);
        true
    }

    pub fn len(&self) -> usize {
        self.view.len()
    }

    pub fn is_empty(&self) -> bool {
        self.view.is_empty()
    }

    /// Everyone this view may show, whatever the filter and search.
    pub fn total(&self) -> usize {
        self.in_scope
    }

    pub fn year(&self) -> i16 {
        read(&self.data.0).year
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    pub fn unit_filter(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// A unit's name, or its id when the unit is unknown.
    pub fn unit_name(&self, id: &str) -> String {
        read(&self.data.0).unit_name(id).to_string()
    }

    /// Learns a unit created meanwhile (for its name in rows and the unit picker).
    pub fn set_unit_name(&mut self, id: &str, name: &str) {
        self.data.set_unit_name(id, name);
    }

    /// Unit ids and names in this view's scope, by name.
    pub fn units(&self) -> Vec<(String, String)> {
        let data = read(&self.data.0);
        let mut v: Vec<(String, String)> = data
            .unit_names
            .iter()
            .filter(|(id, _)| self.scope.as_ref().is_none_or(|s| s.contains(id)))
            .map(|(id, name)| (id.clone(), name.clone()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    }

    /// Everyone in scope, as (NIP, name, name in lowercase), for picking an evaluator.
    pub fn people(&self) -> Vec<(String, String, String)> {
        let data = read(&self.data.0);
        data.items
            .iter()
            .filter(|e| self.in_scope_entry(&data, e))
            .map(|s| {
                (
                    s.nip().to_string(),
                    s.name.to_string(),
                    s.name.to_lowercase(),
                )
            })
            .collect()
    }

    fn in_scope_entry(&self, data: &StaffData, e: &Entry) -> bool {
        self.scope
            .as_ref()
            .is_none_or(|units| units.iter().any(|u| u == data.unit_id_of(e)))
    }

    /// The rows of the current view, as (NIP, name, unit name), at most `limit` of them;
    /// `None` when the view holds more.
    pub fn view_people(&self, limit: usize) -> Option<Vec<(String, String, String)>> {
        if self.view.len() > limit {
            return None;
        }
        let data = read(&self.data.0);
        Some(
            self.view
                .iter()
                .filter_map(|i| data.items.get(*i as usize))
                .map(|e| {
                    let unit = data.unit_id_of(e);
                    (
                        e.nip().to_string(),
                        e.name.to_string(),
                        data.unit_name(unit).to_string(),
                    )
                })
                .collect(),
        )
    }

    /// The row at a position of the current view.
    pub fn row(&self, pos: usize) -> Option<StaffRow> {
        let data = read(&self.data.0);
        let e = self
            .view
            .get(pos)
            .and_then(|i| data.items.get(*i as usize))?;
        Some(StaffRow {
            nip: e.nip().to_string(),
            name: e.name.to_string(),
            golongan: e.golongan,
            jabatan: data.jabatan.text(e.jabatan).to_string(),
            unit_id: data.unit_id_of(e).to_string(),
            aktif: e.aktif,
            last: e.last,
            jp: e.jp,
        })
    }

    pub fn position_of(&self, nip: &str) -> Option<usize> {
        let data = read(&self.data.0);
        self.view
            .iter()
            .position(|i| data.items.get(*i as usize).is_some_and(|e| e.nip() == nip))
    }

    pub fn set_sort(&mut self, sort: SortKey) {
        self.sort = sort;
        self.refresh(false);
    }

    pub fn set_unit(&mut self, unit: Option<String>) {
        self.unit = unit;
        self.refresh(false);
    }

    /// Sets the search text; a longer query that starts with the old one only narrows
    /// the rows already matched.
    pub fn set_query(&mut self, query: &str) {
        let narrowing = !self.query.is_empty() && query.starts_with(&self.query);
        self.query = query.to_string();
        self.pattern = (!query.trim().is_empty())
            .then(|| Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart));
        self.refresh(narrowing);
    }

    /// Adds or replaces one person (after a save), for every session; this view keeps
    /// its order rules.
    pub fn upsert(&mut self, summary: StaffSummary) {
        self.data.upsert(summary);
        self.refresh(false);
    }

    /// Removes one person (after a delete), for every session.
    pub fn remove(&mut self, nip: &str) {
        self.data.remove(nip);
        self.refresh(false);
    }

    fn refresh(&mut self, narrowing: bool) {
        // The order and the rows must be of one generation: another session may change
        // the rows between fetching the order and taking the read lock. Then fetch again.
        let shared = self.data.clone();
        let (data, order) = loop {
            let order = self.data.order(self.sort);
            let data = read(&shared.0);
            if data
                .orders
                .get(&self.sort)
                .is_some_and(|o| Arc::ptr_eq(o, &order))
            {
                // Rows of another session's change are not "already matched": start over.
                let narrowing = narrowing && data.generation == self.seen;
                break (data, (!narrowing).then_some(order));
            }
        };
        self.seen = data.generation;
        let scope: Option<Vec<u16>> = self.scope.as_ref().map(|units| {
            units
                .iter()
                .filter_map(|u| data.unit_ids.numbers.get(u).copied())
                .collect()
        });
        let in_scope = |e: &Entry| scope.as_ref().is_none_or(|s| s.contains(&e.unit));
        let candidates: Vec<u32> = match order {
            None => std::mem::take(&mut self.view),
            Some(order) => {
                let unit = self
                    .unit
                    .as_deref()
                    .map(|u| data.unit_ids.numbers.get(u).copied());
                self.in_scope = if scope.is_none() {
                    data.items.len()
                } else {
                    data.items.iter().filter(|e| in_scope(e)).count()
                };
                match unit {
                    None if scope.is_none() => order.as_ref().clone(),
                    None => order
                        .iter()
                        .copied()
                        .filter(|i| in_scope(&data.items[*i as usize]))
                        .collect(),
                    // A unit nobody is in: an empty view.
                    Some(None) => Vec::new(),
                    Some(Some(u)) => order
                        .iter()
                        .copied()
                        .filter(|i| {
                            let e = &data.items[*i as usize];
                            e.unit == u && in_scope(e)
                        })
                        .collect(),
                }
            }
        };
        let Some(pattern) = &self.pattern else {
            self.view = candidates;
            return;
        };
        let query = Query::new(&self.query);
        // Two halves on two threads: the machines this serves have two cores or more.
        let half = candidates.len().div_ceil(2);
        let (first, second) = candidates.split_at(half);
        let items = &data.items;
        let matcher = &mut self.matcher;
        let (mut scored, rest) = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                let mut matcher = Matcher::new(Config::DEFAULT);
                query.score_all(pattern, &mut matcher, items, second, half)
            });
            let mine = query.score_all(pattern, matcher, items, first, 0);
            (mine, other.join().unwrap_or_default())
        });
        scored.extend(rest);
        // Best matches first; the chosen order breaks ties.
        scored.sort_unstable();
        self.view = scored.into_iter().map(|(_, _, i)| i).collect();
    }

    /// Character positions of the search match in a name, for highlighting.
    pub fn match_positions(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(pattern) = &self.pattern {
            let mut buf = Vec::new();
            pattern.indices(Utf32Str::new(text, &mut buf), &mut self.matcher, &mut out);
            out.sort_unstable();
            out.dedup();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Golongan;

    fn person(nip: &str, name: &str, gol: &str, unit: &str, jp: u32) -> StaffSummary {
        StaffSummary {
            nip: nip.into(),
            name: name.into(),
            golongan: Golongan::parse(gol, false).unwrap(),
            jabatan: "Perawat".into(),
            jenis: None,
            unit_id: unit.into(),
            aktif: true,
            last: None,
            jp: vec![(2026, jp)],
            annual: Vec::new(),
            annual_hasil: Vec::new(),
            held: Vec::new(),
        }
    }

    fn index() -> StaffIndex {
        let units = HashMap::from([
            ("a".to_string(), "Puskesmas Belawan".to_string()),
            ("b".to_string(), "SD Negeri 065005".to_string()),
        ]);
        StaffIndex::new(
            vec![
                person("198503302010012002", "dr. Rina Siregar", "III/c", "a", 4),
                person(
                    "199001152015031001",
                    "Budi Nasution, S.Pd.",
                    "IV/a",
                    "b",
                    30,
                ),
                person("197712312002122003", "Hj. Ani Lubis", "II/d", "a", 12),
            ],
            units,
            2026,
        )
    }

    fn names(ix: &StaffIndex) -> Vec<String> {
        (0..ix.len())
            .map(|i| ix.row(i).unwrap().name.clone())
            .collect()
    }

    #[test]
    fn name_order_ignores_front_titles() {
        let mut ix = index();
        ix.set_sort(SortKey::Name);
        assert_eq!(
            names(&ix),
            ["Hj. Ani Lubis", "Budi Nasution, S.Pd.", "dr. Rina Siregar"]
        );
    }

    #[test]
    fn rank_order_follows_the_ranks_not_the_alphabet() {
        let mut ix = index();
        ix.set_sort(SortKey::Rank);
        assert_eq!(
            names(&ix),
            ["Budi Nasution, S.Pd.", "dr. Rina Siregar", "Hj. Ani Lubis"]
        );
    }

    #[test]
    fn jp_order_puts_the_least_trained_first() {
        let mut ix = index();
        ix.set_sort(SortKey::Jp);
        assert_eq!(ix.row(0).unwrap().name, "dr. Rina Siregar");
    }

    #[test]
    fn search_matches_names_and_nips_and_narrows() {
        let mut ix = index();
        ix.set_query("sir");
        assert_eq!(names(&ix), ["dr. Rina Siregar"]);
        ix.set_query("");
        ix.set_query("19900115");
        assert_eq!(names(&ix), ["Budi Nasution, S.Pd."]);
        ix.set_query("zzz");
        assert!(ix.is_empty());
        assert_eq!(ix.total(), 3);
    }

    #[test]
    fn an_update_keeps_every_order_right() {
        let mut ix = index();
        ix.set_sort(SortKey::Jp);
        assert_eq!(ix.row(0).unwrap().name, "dr. Rina Siregar");
        let mut rina = person("198503302010012002", "dr. Rina Siregar", "III/c", "a", 40);
        rina.jabatan = "Dokter".into();
        ix.upsert(rina);
        assert_eq!(ix.row(0).unwrap().name, "Hj. Ani Lubis");
        assert_eq!(ix.row(2).unwrap().name, "dr. Rina Siregar");
        ix.set_sort(SortKey::Name);
        assert_eq!(
            names(&ix),
            ["Hj. Ani Lubis", "Budi Nasution, S.Pd.", "dr. Rina Siregar"]
        );
    }

    #[test]
    fn words_match_in_any_order() {
        let mut ix = index();
        ix.set_query("siregar rina");
        assert_eq!(names(&ix), ["dr. Rina Siregar"]);
        ix.set_query("!budi");
        assert_eq!(ix.len(), 2);
    }

    #[test]
    fn the_byte_prefilter_agrees_with_fuzzy_matching() {
        assert!(is_subsequence(b"sir", b"Rina Siregar"));
        assert!(is_subsequence(b"rsg", b"Rina Siregar"));
        assert!(!is_subsequence(b"zr", b"Rina Siregar"));
        assert!(is_subsequence(b"", b"x"));
    }

    #[test]
    fn an_index_built_from_a_stream_lists_everyone() {
        let rows = index().people().len();
        let streamed = StaffIndex::build::<()>(
            vec![
                Ok(person(
                    "198503302010012002",
                    "dr. Rina Siregar",
                    "III/c",
                    "a",
                    4,
                )),
                Ok(person(
                    "199001152015031001",
                    "Budi Nasution, S.Pd.",
                    "IV/a",
                    "b",
                    30,
                )),
            ],
            HashMap::new(),
            2026,
        )
        .unwrap();
        assert_eq!((rows, streamed.len()), (3, 2));
    }

    #[test]
    fn the_unit_filter_keeps_one_unit() {
        let mut ix = index();
        ix.set_sort(SortKey::Name);
        ix.set_unit(Some("a".into()));
        assert_eq!(names(&ix), ["Hj. Ani Lubis", "dr. Rina Siregar"]);
        ix.set_unit(None);
        assert_eq!(ix.len(), 3);
    }

    #[test]
    fn matched_positions_are_reported_for_highlighting() {
        let mut ix = index();
        ix.set_query("rina");
        assert_eq!(ix.match_positions("dr. Rina Siregar"), vec![4, 5, 6, 7]);
    }

    #[test]
    fn two_views_share_the_rows_and_see_each_others_saves() {
        let mut a = index();
        let mut b = StaffIndex::view(a.shared().clone());
        b.set_sort(SortKey::Name);
        assert!(!b.sync(), "nothing changed yet");
        a.upsert(person("200001012022011001", "Zaki Harahap", "II/a", "b", 0));
        // `b` keeps its own order and sees the new person at its next sync.
        assert_eq!(b.len(), 3);
        assert!(b.sync());
        assert_eq!(b.len(), 4);
        assert_eq!(b.row(3).unwrap().name, "Zaki Harahap");
        assert_eq!(a.sort(), SortKey::Nip);
        // A remove in one is seen by the other too.
        b.remove("200001012022011001");
        assert!(a.sync());
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn a_scoped_view_shows_only_its_units() {
        let mut ix = index();
        ix.set_scope(Some(vec!["b".into()]));
        assert_eq!(names(&ix), ["Budi Nasution, S.Pd."]);
        assert_eq!(ix.total(), 1);
        assert_eq!(ix.people().len(), 1);
        assert_eq!(
            ix.units(),
            [("b".to_string(), "SD Negeri 065005".to_string())]
        );
        // A unit filter outside the scope shows nobody.
        ix.set_unit(Some("a".into()));
        assert!(ix.is_empty());
        ix.set_unit(None);
        ix.set_query("rina");
        assert!(ix.is_empty());
    }
}
