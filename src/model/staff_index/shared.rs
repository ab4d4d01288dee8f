//! The rows every session shares ([`StaffData`]) and the process's one handle on them
//! ([`SharedStaff`]).

use super::rows::{Entry, Heap, Interner};
use super::sort::SortKey;
use crate::domain::{KeberatanStatus, Period, StaffSummary};
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// One moved person's unit entries: (TMT, the unit id's number in `unit_ids`).
pub(super) type Moves = Box<[(Option<Date>, u16)]>;

/// One person's open objections, as the summary has them: (period, where it stands, the
/// day it was filed).
pub(super) type Objections = Box<[(Period, KeberatanStatus, Date)]>;

/// The rows every session shares: one per person, texts interned, and one permutation of
/// the rows per sort key, built the first time any session asks for it.
pub struct StaffData {
    pub(super) items: Vec<Entry>,
    /// The rows' names and lists.
    pub(super) heap: Heap,
    pub(super) jabatan: Interner,
    pub(super) unit_ids: Interner,
    pub(super) unit_names: HashMap<String, String>,
    pub(super) year: i16,
    pub(super) orders: HashMap<SortKey, Arc<Vec<u32>>>,
    /// The unit entries (TMT, unit number) of only the people who moved between units
    /// (issue 21): a past year counts each in the unit of that year. Kept beside the rows,
    /// not in them, as most people never move.
    pub(super) moves: foldhash::HashMap<[u8; 18], Moves>,
    /// The open objections of only the people who have any (a few): Beranda lists them,
    /// and counts Beranda from the rows (issue 23) need them.
    pub(super) keberatan: HashMap<[u8; 18], Objections>,
    /// Bumped by every change, so views know to refresh.
    pub(super) generation: u64,
}

impl StaffData {
    fn empty(unit_names: HashMap<String, String>, year: i16) -> StaffData {
        StaffData {
            items: Vec::new(),
            heap: Heap::default(),
            jabatan: Interner::default(),
            unit_ids: Interner::default(),
            unit_names,
            year,
            orders: HashMap::new(),
            moves: Default::default(),
            keberatan: HashMap::new(),
            generation: 0,
        }
    }

    fn entry(&mut self, s: StaffSummary) -> Entry {
        let mut nip = [b'0'; 18];
        for (slot, b) in nip.iter_mut().zip(s.nip.bytes()) {
            *slot = b;
        }
        // Past 4 GiB of parts the rows are packed first; a person whose parts still do not
        // fit is kept without them (never reached: rows are counted in `u32`).
        let parts = (&s.name[..], &s.jp[..], &s.annual[..], &s.held[..]);
        let [name, jp_years, annual, held] = match self.heap.push_parts(parts) {
            Some(spans) => spans,
            None => {
                self.heap.pack(&mut self.items);
                self.heap.push_parts(parts).unwrap_or_default()
            }
        };
        if s.moves.is_empty() {
            self.moves.remove(&nip);
        } else {
            let moves = s
                .moves
                .iter()
                .map(|(tmt, unit)| (*tmt, self.unit_ids.number(unit)))
                .collect();
            self.moves.insert(nip, moves);
        }
        if s.keberatan.is_empty() {
            self.keberatan.remove(&nip);
        } else {
            self.keberatan.insert(nip, s.keberatan.as_slice().into());
        }
        Entry {
            jp_years,
            jenis: s.jenis,
            held,
            keberatan: !s.keberatan.is_empty(),
            nip,
            annual,
            jp: s.jp_in(self.year),
            name,
            golongan: s.golongan,
            jabatan: self.jabatan.number(&s.jabatan),
            unit: self.unit_ids.number(&s.unit_id),
            aktif: s.aktif,
            last: s.last,
        }
    }

    pub(super) fn unit_id_of(&self, e: &Entry) -> &str {
        self.unit_ids.text(e.unit)
    }

    /// The unit entries of a person who moved, as (TMT, unit id); empty for the others.
    pub(super) fn moves_of(&self, e: &Entry) -> Vec<(Option<Date>, String)> {
        let mut out = Vec::new();
        self.moves_into(e, &mut out);
        out
    }

    /// [`StaffData::moves_of`] into `out`, reusing its texts (a pass refills one summary
    /// for every row: the few who moved allocate nothing once the texts are long enough).
    pub(super) fn moves_into(&self, e: &Entry, out: &mut Vec<(Option<Date>, String)>) {
        let Some(m) = self.moves.get(&e.nip) else {
            out.clear();
            return;
        };
        out.truncate(m.len());
        for (i, (tmt, unit)) in m.iter().enumerate() {
            let text = self.unit_ids.text(*unit);
            match out.get_mut(i) {
                Some((at, id)) => {
                    *at = *tmt;
                    id.clear();
                    id.push_str(text);
                }
                None => out.push((*tmt, text.to_string())),
            }
        }
    }

    /// A person's open objections; empty for most.
    pub(super) fn keberatan_of(&self, e: &Entry) -> &[(Period, KeberatanStatus, Date)] {
        if !e.keberatan {
            return &[];
        }
        self.keberatan.get(&e.nip).map_or(&[], |k| &k[..])
    }

    pub(super) fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
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
                let renamed = self.heap.name(old) != self.heap.name(&entry);
                let changed = |k: &SortKey| match k {
                    SortKey::Nip => false,
                    SortKey::Name => renamed,
                    SortKey::Rank => old.golongan != entry.golongan || renamed,
                    SortKey::Unit => old.unit != entry.unit || renamed,
                    SortKey::Predikat => old.last != entry.last || renamed,
                    SortKey::Jp => old.jp != entry.jp || renamed,
                    // The date follows from the NIP, the rank's kind and the position.
                    SortKey::Pension => {
                        old.aktif != entry.aktif
                            || old.jabatan != entry.jabatan
                            || old.jenis != entry.jenis
                            || old.golongan.is_pppk() != entry.golongan.is_pppk()
                            || renamed
                    }
                };
                self.orders.retain(|k, _| !changed(k));
                let old = std::mem::replace(&mut self.items[i], entry);
                self.heap.release(&old);
                self.pack_if_worth_it();
            }
            None => {
                self.items.push(entry);
                self.orders.clear();
            }
        }
        self.generation += 1;
    }

    /// Drops the parts of replaced and removed rows once they are as many as the rest: a
    /// long `serve` day of saves never holds more than twice the rows' parts.
    fn pack_if_worth_it(&mut self) {
        if self.heap.worth_packing() {
            self.heap.pack(&mut self.items);
        }
    }

    /// Removes one person (after a delete); every order is rebuilt when next asked for.
    fn remove(&mut self, nip: &str) -> bool {
        let Some(i) = self.items.iter().position(|s| s.nip() == nip) else {
            return false;
        };
        let gone = self.items.swap_remove(i);
        self.heap.release(&gone);
        self.pack_if_worth_it();
        self.moves.remove(&gone.nip);
        self.keberatan.remove(&gone.nip);
        self.orders.clear();
        self.generation += 1;
        true
    }
}

/// The process's one [`StaffData`], behind a lock; cloning shares it.
#[derive(Clone)]
pub struct SharedStaff(pub(super) Arc<RwLock<StaffData>>);

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
        data.heap.shrink();
        SharedStaff(Arc::new(RwLock::new(data)))
    }

    /// Builds the rows from a stream of summaries, without holding them all at once.
    pub fn build<E>(
        summaries: impl IntoIterator<Item = Result<StaffSummary, E>>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> Result<SharedStaff, E> {
        Self::build_sized(summaries, unit_names, year, 0)
    }

    /// As [`Self::build`], with room made first for `expected` rows (the store's count):
    /// growing by doubling and shrinking after would hold up to twice the rows at the peak
    /// (issue 23: at 100,000 staff, 11 MiB of rows briefly 22).
    pub fn build_sized<E>(
        summaries: impl IntoIterator<Item = Result<StaffSummary, E>>,
        unit_names: HashMap<String, String>,
        year: i16,
        expected: usize,
    ) -> Result<SharedStaff, E> {
        let mut data = StaffData::empty(unit_names, year);
        data.items.reserve_exact(expected);
        for summary in summaries {
            let entry = data.entry(summary?);
            data.items.push(entry);
        }
        if data.items.capacity() > data.items.len() + data.items.len() / 64 {
            data.items.shrink_to_fit();
        }
        data.heap.shrink();
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
                data.heap = src.heap.clone();
                data.items.reserve_exact(src.items.len());
                for e in &src.items {
                    let entry = Entry {
                        jabatan: data.jabatan.number(src.jabatan.text(e.jabatan)),
                        unit: data.unit_ids.number(src.unit_ids.text(e.unit)),
                        ..*e
                    };
                    if let Some(m) = src.moves.get(&e.nip) {
                        let moves = m
                            .iter()
                            .map(|(tmt, unit)| {
                                (*tmt, data.unit_ids.number(src.unit_ids.text(*unit)))
                            })
                            .collect();
                        data.moves.insert(e.nip, moves);
                    }
                    if let Some(k) = src.keberatan.get(&e.nip) {
                        data.keberatan.insert(e.nip, k.clone());
                    }
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

    /// The NIP in the middle of everyone's in NIP order (`None` without rows): where a read
    /// of a NIP-keyed tree splits in two halves of about as many people.
    pub fn middle_nip(&self) -> Option<String> {
        let order = self.order(SortKey::Nip);
        let middle = *order.get(order.len() / 2)?;
        read(&self.0)
            .items
            .get(middle as usize)
            .map(|e| e.nip().to_string())
    }

    /// The permutation for `sort`, built (once, for every session) if missing.
    pub(super) fn order(&self, sort: SortKey) -> Arc<Vec<u32>> {
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
pub(super) fn read(lock: &RwLock<StaffData>) -> RwLockReadGuard<'_, StaffData> {
    lock.read().unwrap_or_else(|p| p.into_inner())
}

pub(super) fn write(lock: &RwLock<StaffData>) -> RwLockWriteGuard<'_, StaffData> {
    lock.write().unwrap_or_else(|p| p.into_inner())
}
