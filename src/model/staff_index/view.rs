//! One session's view of the shared rows ([`StaffIndex`]): its sort, unit, scope and query.

use super::rows::{Entry, StaffRow, TalentSource};
use super::shared::{SharedStaff, StaffData, read};
use super::sort::SortKey;
use crate::domain::StaffSummary;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use std::collections::HashMap;

/// One session's view of the shared rows: sort order, unit filter, search, and the rows
/// that match, in order.
pub struct StaffIndex {
    pub(super) data: SharedStaff,
    /// The generation of the data this view was last refreshed from.
    pub(super) seen: u64,
    pub(super) sort: SortKey,
    pub(super) unit: Option<String>,
    /// The units this session may see (an officer's scope); `None`: all.
    pub(super) scope: Option<Vec<String>>,
    pub(super) query: String,
    /// Indices into the shared rows, in display order.
    pub(super) view: Vec<u32>,
    /// Rows in scope, whatever the filter and search.
    pub(super) in_scope: usize,
    pub(super) matcher: Matcher,
    pub(super) pattern: Option<Pattern>,
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
        for (k, i) in order.iter().enumerate() {
            // Name order visits the rows out of their order in memory: asking early for
            // the rows a few places ahead, and for their parts, lets those reads overlap
            // this row's work instead of each waiting its turn.
            if let Some(ahead) = order.get(k + AHEAD_ROW) {
                super::rows::prefetch(data.items.get(*ahead as usize));
            }
            if let Some(e) = order
                .get(k + AHEAD_PARTS)
                .and_then(|ahead| data.items.get(*ahead as usize))
            {
                data.heap.prefetch(e);
            }
            let Some(e) = data.items.get(*i as usize) else {
                continue;
            };
            if !self.in_scope_entry(&data, e) {
                continue;
            }
            f(TalentSource {
                nip: e.nip(),
                name: data.heap.name(e),
                unit_id: data.unit_id_of(e),
                jabatan: data.jabatan.text(e.jabatan),
                aktif: e.aktif,
                jp: e.jp,
                jp_years: data.heap.jp_years(e),
                annual: data.heap.annual(e),
                jabatan_no: e.jabatan,
                jenis: e.jenis,
                held: data.heap.held(e),
                moves: data.moves.get(&e.nip).map_or_else(Vec::new, |m| {
                    m.iter()
                        .map(|(tmt, unit)| (*tmt, data.unit_ids.text(*unit)))
                        .collect()
                }),
            });
        }
    }

    /// Calls `f` for every person in the view's scope, in NIP order (the store's order), as
    /// the summary the rows in memory were built from: for passes over everyone (Pelatihan,
    /// Laporan) that then read no summary from the store. One summary is refilled for each
    /// person (its text and lists keep their capacity), so a pass over 100,000 rows makes
    /// no allocation per row; `f` clones what it keeps.
    pub fn for_each_summary(&self, mut f: impl FnMut(&StaffSummary)) {
        let order = self.data.order(SortKey::Nip);
        let data = read(&self.data.0);
        let mut s: Option<StaffSummary> = None;
        for i in order.iter() {
            let Some(e) = data.items.get(*i as usize) else {
                continue;
            };
            if !self.in_scope_entry(&data, e) {
                continue;
            }
            let s = match &mut s {
                Some(s) => {
                    refill(s, &data, e);
                    s
                }
                None => s.insert(StaffSummary {
                    nip: e.nip().to_string(),
                    name: data.heap.name(e).to_string(),
                    golongan: e.golongan,
                    jabatan: data.jabatan.text(e.jabatan).to_string(),
                    jenis: e.jenis,
                    unit_id: data.unit_id_of(e).to_string(),
                    aktif: e.aktif,
                    last: e.last,
                    jp: data.heap.jp_years(e).to_vec(),
                    annual: data.heap.annual(e).to_vec(),
                    // The rows do not keep each year's Hasil Kerja: the 9-box reads the
                    // predikat (`domain::talent::kinerja_level`), and no pass needs it.
                    annual_hasil: Vec::new(),
                    held: data.heap.held(e).to_vec(),
                    keberatan: data.keberatan_of(e).to_vec(),
                    // Nor the education and TMT golongan (the promotions list reads the
                    // summaries in the store); the moves come from the side map.
                    pendidikan: None,
                    tmt_golongan: None,
                    moves: data.moves_of(e),
                }),
            };
            f(s);
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
    pub fn people(&self) -> Vec<crate::screens::evaluation_form::Candidate> {
        let data = read(&self.data.0);
        data.items
            .iter()
            .filter(|e| self.in_scope_entry(&data, e))
            .map(|s| {
                crate::screens::evaluation_form::Candidate::new(
                    s.nip().to_string(),
                    data.heap.name(s).to_string(),
                    s.golongan.is_pppk(),
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
    /// (NIP, name, unit name, whether a PPPK) of the view's rows.
    pub fn view_people(&self, limit: usize) -> Option<Vec<(String, String, String, bool)>> {
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
                        data.heap.name(e).to_string(),
                        data.unit_name(unit).to_string(),
                        e.golongan.is_pppk(),
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
            name: data.heap.name(e).to_string(),
            golongan: e.golongan,
            jabatan: data.jabatan.text(e.jabatan).to_string(),
            unit_id: data.unit_id_of(e).to_string(),
            aktif: e.aktif,
            last: e.last,
            jp: e.jp,
            pension: e.pension_date(data.jabatan.text(e.jabatan)),
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
}

/// How far ahead, in rows, [`StaffIndex::for_each_by_name`] asks for a row, and for the
/// parts of a row it already asked for.
const AHEAD_ROW: usize = 16;
const AHEAD_PARTS: usize = 8;

/// Puts row `e` into `s` in place of the person it held, reusing its buffers: what
/// [`StaffIndex::for_each_summary`] passes for every row after the first.
fn refill(s: &mut StaffSummary, data: &StaffData, e: &Entry) {
    fn set(text: &mut String, to: &str) {
        text.clear();
        text.push_str(to);
    }
    fn set_all<T: Copy>(list: &mut Vec<T>, to: &[T]) {
        list.clear();
        list.extend_from_slice(to);
    }
    set(&mut s.nip, e.nip());
    set(&mut s.name, data.heap.name(e));
    s.golongan = e.golongan;
    set(&mut s.jabatan, data.jabatan.text(e.jabatan));
    s.jenis = e.jenis;
    set(&mut s.unit_id, data.unit_id_of(e));
    s.aktif = e.aktif;
    s.last = e.last;
    set_all(&mut s.jp, data.heap.jp_years(e));
    set_all(&mut s.annual, data.heap.annual(e));
    set_all(&mut s.held, data.heap.held(e));
    // Only people who moved between units have moves: one lookup, the texts reused.
    data.moves_into(e, &mut s.moves);
    set_all(&mut s.keberatan, data.keberatan_of(e));
}
