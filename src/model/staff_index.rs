//! The staff list's data: every person's summary in memory, views sorted once per sort
//! order, and a fuzzy filter over name and NIP. Only the rows on screen are ever formatted.

use crate::domain::{Predikat, StaffSummary};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::HashMap;

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
/// unit) stored once in the index's tables. A row of 100,000 costs about 100 bytes.
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

pub struct StaffIndex {
    items: Vec<Entry>,
    jabatan: Interner,
    unit_ids: Interner,
    unit_names: HashMap<String, String>,
    year: i16,
    /// One permutation of `items` per sort key, built the first time it is asked for.
    orders: HashMap<SortKey, Vec<u32>>,
    sort: SortKey,
    unit: Option<String>,
    query: String,
    /// Indices into `items`, in display order.
    view: Vec<u32>,
    matcher: Matcher,
    pattern: Option<Pattern>,
}

impl StaffIndex {
    /// `year` is the year whose JP the list shows.
    pub fn new(
        items: Vec<StaffSummary>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> StaffIndex {
        let mut index = StaffIndex {
            items: Vec::with_capacity(items.len()),
            jabatan: Interner::default(),
            unit_ids: Interner::default(),
            unit_names,
            year,
            orders: HashMap::new(),
            sort: SortKey::Nip,
            unit: None,
            query: String::new(),
            view: Vec::new(),
            matcher: Matcher::new(Config::DEFAULT),
            pattern: None,
        };
        for summary in items {
            let entry = index.entry(summary);
            index.items.push(entry);
        }
        index.refresh(false);
        index
    }

    /// Builds the index from a stream of summaries, without holding them all at once.
    pub fn build<E>(
        summaries: impl IntoIterator<Item = Result<StaffSummary, E>>,
        unit_names: HashMap<String, String>,
        year: i16,
    ) -> Result<StaffIndex, E> {
        let mut index = StaffIndex::new(Vec::new(), unit_names, year);
        for summary in summaries {
            let entry = index.entry(summary?);
            index.items.push(entry);
        }
        index.items.shrink_to_fit();
        index.orders.clear();
        index.refresh(false);
        Ok(index)
    }

    fn entry(&mut self, s: StaffSummary) -> Entry {
        let mut nip = [b'0'; 18];
        for (slot, b) in nip.iter_mut().zip(s.nip.bytes()) {
            *slot = b;
        }
        Entry {
            nip,
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

    pub fn len(&self) -> usize {
        self.view.len()
    }

    pub fn is_empty(&self) -> bool {
        self.view.is_empty()
    }

    pub fn total(&self) -> usize {
        self.items.len()
    }

    pub fn year(&self) -> i16 {
        self.year
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

    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit_names.get(id).map_or(id, |s| s.as_str())
    }

    /// Learns a unit created meanwhile (for its name in rows and the unit picker).
    pub fn set_unit_name(&mut self, id: &str, name: &str) {
        self.unit_names.insert(id.to_string(), name.to_string());
    }

    /// Unit ids and names, by name.
    pub fn units(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .unit_names
            .iter()
            .map(|(id, name)| (id.clone(), name.clone()))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    }

    /// Everyone, as (NIP, name, name in lowercase), for picking an evaluator.
    pub fn people(&self) -> Vec<(String, String, String)> {
        self.items
            .iter()
            .map(|s| {
                (
                    s.nip().to_string(),
                    s.name.to_string(),
                    s.name.to_lowercase(),
                )
            })
            .collect()
    }

    /// The rows of the current view, as (NIP, name, unit name), at most `limit` of them;
    /// `None` when the view holds more.
    pub fn view_people(&self, limit: usize) -> Option<Vec<(String, String, String)>> {
        if self.view.len() > limit {
            return None;
        }
        Some(
            self.view
                .iter()
                .map(|i| {
                    let e = &self.items[*i as usize];
                    let unit = self.unit_id_of(e);
                    (
                        e.nip().to_string(),
                        e.name.to_string(),
                        self.unit_name(unit).to_string(),
                    )
                })
                .collect(),
        )
    }

    /// The row at a position of the current view.
    pub fn row(&self, pos: usize) -> Option<StaffRow> {
        let e = self
            .view
            .get(pos)
            .and_then(|i| self.items.get(*i as usize))?;
        Some(StaffRow {
            nip: e.nip().to_string(),
            name: e.name.to_string(),
            golongan: e.golongan,
            jabatan: self.jabatan.text(e.jabatan).to_string(),
            unit_id: self.unit_id_of(e).to_string(),
            aktif: e.aktif,
            last: e.last,
            jp: e.jp,
        })
    }

    pub fn position_of(&self, nip: &str) -> Option<usize> {
        self.view
            .iter()
            .position(|i| self.items[*i as usize].nip() == nip)
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

    /// Adds or replaces one person (after a save), keeping the view's order rules.
    pub fn upsert(&mut self, summary: StaffSummary) {
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
        self.refresh(false);
    }

    fn order(&mut self) -> &Vec<u32> {
        let sort = self.sort;
        if !self.orders.contains_key(&sort) {
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
            self.orders.insert(sort, order);
        }
        &self.orders[&sort]
    }

    fn refresh(&mut self, narrowing: bool) {
        let candidates: Vec<u32> = if narrowing {
            std::mem::take(&mut self.view)
        } else {
            let unit = self
                .unit
                .as_deref()
                .map(|u| self.unit_ids.numbers.get(u).copied());
            let order = self.order().clone();
            match unit {
                None => order,
                // A unit nobody is in: an empty view.
                Some(None) => Vec::new(),
                Some(Some(u)) => order
                    .into_iter()
                    .filter(|i| self.items[*i as usize].unit == u)
                    .collect(),
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
        let items = &self.items;
        let (mut scored, rest) = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                let mut matcher = Matcher::new(Config::DEFAULT);
                query.score_all(pattern, &mut matcher, items, second, half)
            });
            let mine = query.score_all(pattern, &mut self.matcher, items, first, 0);
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
            unit_id: unit.into(),
            aktif: true,
            last: None,
            jp: vec![(2026, jp)],
            annual: Vec::new(),
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
}
