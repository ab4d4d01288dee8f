//! The list's sort orders: the keys, and one permutation of the shared rows per key.

use super::rows::Entry;
use super::shared::StaffData;
use crate::domain::Predikat;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Nip,
    Rank,
    Unit,
    Predikat,
    Jp,
    /// The nearest pension date first (BUP, DOMAIN.md): who retires soon.
    Pension,
}

impl SortKey {
    /// The first is the default: the store's own order, so the first frame (drawn before
    /// the whole list is read) is already in place.
    pub const ALL: [SortKey; 7] = [
        SortKey::Nip,
        SortKey::Name,
        SortKey::Rank,
        SortKey::Unit,
        SortKey::Predikat,
        SortKey::Jp,
        SortKey::Pension,
    ];

    pub fn next(self) -> SortKey {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// The name for sorting: without front titles such as "dr." or "Hj.".
pub(super) fn sort_name(display: &str) -> &str {
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

impl StaffData {
    pub(super) fn build_order(&self, sort: SortKey) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.items.len() as u32).collect();
        let items = &self.items;
        let heap = &self.heap;
        let units = &self.unit_names;
        let unit_ids = &self.unit_ids;
        let by_name = |a: &Entry, b: &Entry| {
            sort_name(heap.name(a))
                .to_lowercase()
                .cmp(&sort_name(heap.name(b)).to_lowercase())
                .then_with(|| a.nip.cmp(&b.nip))
        };
        match sort {
            SortKey::Name => {
                let keys: Vec<String> = items
                    .iter()
                    .map(|s| sort_name(heap.name(s)).to_lowercase())
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
            // Active staff by pension date, the overdue and nearest first; then those whose
            // date is unknown (position kind missing), then the inactive.
            SortKey::Pension => {
                let jabatan = &self.jabatan;
                let keys: Vec<(bool, Option<jiff::civil::Date>)> = items
                    .iter()
                    .map(|e| (!e.aktif, e.pension_date(jabatan.text(e.jabatan))))
                    .collect();
                let key = |i: u32| {
                    let (inactive, date) = keys[i as usize];
                    (inactive, date.is_none(), date)
                };
                order.sort_by(|a, b| {
                    key(*a)
                        .cmp(&key(*b))
                        .then_with(|| by_name(&items[*a as usize], &items[*b as usize]))
                });
            }
        }
        order
    }
}
