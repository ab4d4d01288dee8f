//! The search: a query that skips most rows before fuzzy matching, and a view's refresh
//! that applies the unit, the scope and the query.

use super::rows::{Entry, Heap};
use super::shared::read;
use super::view::StaffIndex;
use nucleo_matcher::pattern::Pattern;
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::sync::Arc;

/// A search query, with what lets most rows be skipped before fuzzy matching.
pub(super) struct Query {
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
        heap: &Heap,
        candidates: &[u32],
        offset: usize,
    ) -> Vec<(u32, u32, u32)> {
        let mut buf = Vec::new();
        let mut out = Vec::with_capacity(candidates.len() / 4);
        for (rank, &i) in candidates.iter().enumerate() {
            let s = &items[i as usize];
            let name = heap.name(s);
            let name = (!self.digits && self.may_match(name))
                .then(|| pattern.score(Utf32Str::new(name, &mut buf), matcher))
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
pub(super) fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
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

impl StaffIndex {
    pub(super) fn refresh(&mut self, narrowing: bool) {
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
        let heap = &data.heap;
        let matcher = &mut self.matcher;
        let (mut scored, rest) = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                let mut matcher = Matcher::new(Config::DEFAULT);
                query.score_all(pattern, &mut matcher, items, heap, second, half)
            });
            let mine = query.score_all(pattern, matcher, items, heap, first, 0);
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
