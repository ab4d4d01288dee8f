//! The `training_stats` tree: per year, every training held (title, organiser, dates) with
//! its participants, and every organiser with the participants and JP it delivered. Single
//! saves keep it in their transaction; bulk writes rebuild it, under a marker in `meta`.
//! So the Pelatihan tab reads one year's entries instead of every training.

use super::codec::{DecodeError, decode_payload, encode, split};
use super::{Store, StoreError, keys};
use crate::domain::{OrganiserKind, Training, TrainingStatus};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use std::collections::BTreeMap;

pub const STAT_VERSION: u8 = 1;

/// The marker's value: which way the counts are kept (2: held JP as sums). Derived data,
/// so another value only means a rebuild on the next open.
const LAYOUT: u8 = 2;

/// A training held in a year: everyone who took part in the same title, organiser and dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldStat {
    pub judul: String,
    pub penyelenggara: String,
    pub mulai: Date,
    pub selesai: Date,
    pub participants: u32,
    /// The JP of all participations added up (divide by `participants` for one).
    pub jp_total: u64,
}

/// An organiser's year: participants and the JP of the completed participations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerStat {
    pub name: String,
    pub kind: OrganiserKind,
    pub participants: u32,
    pub jp: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
struct StatV1 {
    participants: u32,
    jp: u64,
    /// Organiser kind code (partner entries only).
    kind: u8,
}

fn ymd(d: Date) -> [u8; 4] {
    let n = (i32::from(d.year()) * 10_000 + i32::from(d.month()) * 100 + i32::from(d.day())) as u32;
    n.to_be_bytes()
}

fn date_of(b: &[u8]) -> Option<Date> {
    let n = u32::from_be_bytes(b.try_into().ok()?);
    Date::new(
        (n / 10_000) as i16,
        ((n / 100) % 100) as i8,
        (n % 100) as i8,
    )
    .ok()
}

fn year_key(prefix: u8, year: i16) -> Vec<u8> {
    let mut k = vec![prefix];
    k.extend_from_slice(&(year as u16 ^ 0x8000).to_be_bytes());
    k
}

fn held_key(t: &Training) -> Vec<u8> {
    let mut k = year_key(b'h', t.year());
    k.extend_from_slice(t.judul.as_bytes());
    k.push(0);
    k.extend_from_slice(t.penyelenggara.as_bytes());
    k.push(0);
    k.extend_from_slice(&ymd(t.mulai));
    k.extend_from_slice(&ymd(t.selesai));
    k
}

fn partner_key(t: &Training) -> Vec<u8> {
    let mut k = year_key(b'p', t.year());
    k.extend_from_slice(t.penyelenggara.as_bytes());
    k
}

fn decode(bytes: &[u8]) -> Result<StatV1, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => decode_payload(payload),
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

fn kind_code(k: OrganiserKind) -> u8 {
    OrganiserKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}

/// The changes one training makes: (key, participants, JP, organiser kind).
fn deltas(t: &Training) -> [(Vec<u8>, u64, u8); 2] {
    let done = if t.status == TrainingStatus::Selesai {
        u64::from(t.jp)
    } else {
        0
    };
    [
        (held_key(t), u64::from(t.jp), 0),
        (partner_key(t), done, kind_code(t.jenis_penyelenggara)),
    ]
}

/// Adds (`sign` 1) or takes away (`sign` -1) one training inside a transaction.
pub(super) fn apply(
    tree: &TransactionalTree,
    t: &Training,
    sign: i64,
) -> Result<(), ConflictableTransactionError<StoreError>> {
    for (key, jp, kind) in deltas(t) {
        let mut stat = match tree.get(&key)? {
            Some(v) => decode(&v).unwrap_or_default(),
            None => StatV1::default(),
        };
        let participants = i64::from(stat.participants) + sign;
        if participants <= 0 {
            tree.remove(key)?;
            continue;
        }
        stat.participants = participants as u32;
        // Sums, so the result does not depend on the order of the saves.
        stat.jp = (stat.jp as i64 + sign * jp as i64).max(0) as u64;
        stat.kind = kind;
        let value = encode(STAT_VERSION, &stat)
            .map_err(|e| ConflictableTransactionError::Abort(StoreError::Invalid(e.to_string())))?;
        tree.insert(key, value)?;
    }
    Ok(())
}

impl Store {
    /// Rebuilds every entry from the trainings if an earlier bulk write did not finish.
    pub(super) fn ensure_stats(&self) -> Result<(), StoreError> {
        if self.meta.get(keys::STATS_KEY)?.as_deref() == Some(&[LAYOUT][..]) {
            return Ok(());
        }
        self.rebuild_stats()
    }

    pub(super) fn stats_dirty(&self) -> Result<(), StoreError> {
        self.meta.remove(keys::STATS_KEY)?;
        Ok(())
    }

    /// Counts every training afresh (a pass over all of them).
    pub(super) fn rebuild_stats(&self) -> Result<(), StoreError> {
        let all = self.counted_stats()?;
        self.training_stats.clear()?;
        let mut batch = sled::Batch::default();
        for (k, s) in &all {
            let value = encode(STAT_VERSION, s).map_err(|e| StoreError::Invalid(e.to_string()))?;
            batch.insert(k.as_slice(), value);
        }
        self.training_stats.apply_batch(batch)?;
        self.meta.insert(keys::STATS_KEY, &[LAYOUT][..])?;
        self.db.flush()?;
        Ok(())
    }

    /// Whether the kept counts match the trainings (for `check`): the keys that differ.
    pub(super) fn stats_mismatches(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let expected = self.counted_stats()?;
        let mut stored = BTreeMap::new();
        for item in self.training_stats.iter() {
            let (k, v) = item?;
            stored.insert(k.to_vec(), decode(&v).ok());
        }
        let mut out: Vec<Vec<u8>> = expected
            .iter()
            .filter(|(k, s)| stored.get(*k) != Some(&Some(**s)))
            .map(|(k, _)| k.clone())
            .collect();
        out.extend(
            stored
                .keys()
                .filter(|k| !expected.contains_key(*k))
                .cloned(),
        );
        Ok(out)
    }

    fn counted_stats(&self) -> Result<BTreeMap<Vec<u8>, StatV1>, StoreError> {
        let mut all: BTreeMap<Vec<u8>, StatV1> = BTreeMap::new();
        for item in self.trainings.iter() {
            let (_, v) = item?;
            // Damage is left to `check`; the rest is counted.
            let Ok(group) = super::records::decode_trainings(&v) else {
                continue;
            };
            for t in &group.items {
                for (key, jp, kind) in deltas(t) {
                    let s = all.entry(key).or_default();
                    s.participants += 1;
                    s.jp += jp;
                    s.kind = kind;
                }
            }
        }
        Ok(all)
    }

    /// The trainings held in `year` and the organisers' totals, from the kept counts.
    pub fn training_stats(
        &self,
        year: i16,
    ) -> Result<(Vec<HeldStat>, Vec<PartnerStat>), StoreError> {
        let mut held = Vec::new();
        let bad = |k: &[u8]| StoreError::Corrupt {
            tree: "training_stats",
            key: keys::show(k),
            source: DecodeError::Malformed("key".into()),
        };
        let prefix = year_key(b'h', year);
        for item in self.training_stats.scan_prefix(&prefix) {
            let (k, v) = item?;
            let s = decode(&v).map_err(|source| StoreError::Corrupt {
                tree: "training_stats",
                key: keys::show(&k),
                source,
            })?;
            let rest = &k[prefix.len()..];
            let mut parts = rest.splitn(3, |b| *b == 0);
            let (Some(judul), Some(org), Some(dates)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(bad(&k));
            };
            let (Some(mulai), Some(selesai)) = (
                date_of(dates.get(..4).unwrap_or(&[])),
                date_of(dates.get(4..8).unwrap_or(&[])),
            ) else {
                return Err(bad(&k));
            };
            held.push(HeldStat {
                judul: String::from_utf8_lossy(judul).into_owned(),
                penyelenggara: String::from_utf8_lossy(org).into_owned(),
                mulai,
                selesai,
                participants: s.participants,
                jp_total: s.jp,
            });
        }
        let mut partners = Vec::new();
        let prefix = year_key(b'p', year);
        for item in self.training_stats.scan_prefix(&prefix) {
            let (k, v) = item?;
            let s = decode(&v).map_err(|source| StoreError::Corrupt {
                tree: "training_stats",
                key: keys::show(&k),
                source,
            })?;
            partners.push(PartnerStat {
                name: String::from_utf8_lossy(&k[prefix.len()..]).into_owned(),
                kind: OrganiserKind::ALL
                    .get(usize::from(s.kind))
                    .copied()
                    .unwrap_or(OrganiserKind::Pemerintah),
                participants: s.participants,
                jp: s.jp,
            });
        }
        Ok((held, partners))
    }
}
