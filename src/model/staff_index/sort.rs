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
    /// The rows in name order: [`sort_name`] lowercased, then the NIP (issue 23: a sort of
    /// 100,000 rows by that text took 80-100 ms at the first Talenta of a session). Each
    /// name is lowercased once; the sort compares its first 32 bytes, packed into two
    /// numbers, its length and the NIP held beside the row's place, and reads the text
    /// itself only for two names longer than 32 bytes that begin alike.
    fn name_order(&self) -> Vec<u32> {
        let items = &self.items;
        let keys: Vec<String> = items
            .iter()
            .map(|e| sort_name(self.heap.name(e)).to_lowercase())
            .collect();
        let mut tagged: Vec<NameKey> = keys
            .iter()
            .zip(items)
            .zip(0u32..)
            .map(|((k, e), row)| NameKey {
                head: prefix(k, 0),
                next: prefix(k, 16),
                len: k.len(),
                nip: e.nip,
                row,
            })
            .collect();
        // A total order (the NIP ends every tie), so an unstable sort gives the one result.
        tagged.sort_unstable_by(|a, b| {
            (a.head, a.next)
                .cmp(&(b.head, b.next))
                .then_with(|| {
                    // Equal first 32 bytes: the rest decides when both go on; else the
                    // shorter is the other's beginning (its padding zeros matched) and
                    // comes first, as the text itself does.
                    if a.len > 32 && b.len > 32 {
                        keys[a.row as usize].as_bytes()[32..]
                            .cmp(&keys[b.row as usize].as_bytes()[32..])
                    } else {
                        a.len.cmp(&b.len)
                    }
                })
                .then_with(|| a.nip.cmp(&b.nip))
        });
        tagged.into_iter().map(|k| k.row).collect()
    }

    /// `order` (every row, in any order) sorted by `key`, then by name: each row's key is
    /// worked out once, and its place in name order stands for the name.
    fn by_key_then_name<K: Ord>(&self, mut order: Vec<u32>, key: impl Fn(&Entry) -> K) -> Vec<u32> {
        // Name order as kept for the list when it is (the rows unchanged since), else built.
        let built;
        let name: &[u32] = match self.orders.get(&SortKey::Name) {
            Some(order) => order,
            None => {
                built = self.name_order();
                &built
            }
        };
        let mut rank = vec![0u32; self.items.len()];
        for (place, i) in (0u32..).zip(name.iter().copied()) {
            if let Some(r) = rank.get_mut(i as usize) {
                *r = place;
            }
        }
        let mut keyed: Vec<(K, u32, u32)> = order
            .iter()
            .filter_map(|i| {
                let e = self.items.get(*i as usize)?;
                Some((key(e), rank[*i as usize], *i))
            })
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        order.clear();
        order.extend(keyed.into_iter().map(|(_, _, i)| i));
        order
    }

    pub(super) fn build_order(&self, sort: SortKey) -> Vec<u32> {
        let order: Vec<u32> = (0..self.items.len() as u32).collect();
        let items = &self.items;
        match sort {
            SortKey::Name => self.name_order(),
            SortKey::Nip => {
                let mut order = order;
                order.sort_by(|a, b| items[*a as usize].nip.cmp(&items[*b as usize].nip));
                order
            }
            // Highest rank first, as officers read a roster. PNS ranks, then PPPK
            // golongan: the two have no common scale.
            SortKey::Rank => self.by_key_then_name(order, |s| {
                (s.golongan.is_pppk(), std::cmp::Reverse(s.golongan))
            }),
            SortKey::Unit => {
                let (units, unit_ids) = (&self.unit_names, &self.unit_ids);
                self.by_key_then_name(order, |e| {
                    let id = unit_ids.text(e.unit);
                    units.get(id).map_or(id, |s| s.as_str())
                })
            }
            // Best first; people without an evaluation last.
            SortKey::Predikat => self.by_key_then_name(order, |s| {
                s.last.map_or(6, |(_, p): (_, Predikat)| p.code())
            }),
            // Fewest JP first: who needs training.
            SortKey::Jp => self.by_key_then_name(order, |x| x.jp),
            // Active staff by pension date, the overdue and nearest first; then those whose
            // date is unknown (position kind missing), then the inactive.
            SortKey::Pension => {
                let jabatan = &self.jabatan;
                self.by_key_then_name(order, |e| {
                    let date = e.pension_date(jabatan.text(e.jabatan));
                    (!e.aktif, date.is_none(), date)
                })
            }
        }
    }
}

/// One row's place in the name sort: what the sort compares, held beside the row's number.
struct NameKey {
    head: u128,
    next: u128,
    len: usize,
    nip: [u8; 18],
    row: u32,
}

/// The 16 bytes of `key` from `from` as a number that orders as the bytes do (zeros past
/// its end).
fn prefix(key: &str, from: usize) -> u128 {
    let mut bytes = [0u8; 16];
    let tail = key.as_bytes().get(from..).unwrap_or_default();
    let n = tail.len().min(16);
    bytes[..n].copy_from_slice(&tail[..n]);
    u128::from_be_bytes(bytes)
}
