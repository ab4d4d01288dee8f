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

/// The marker's value: which way the counts are kept (2: held JP as sums; 3: also who
/// completed a training of each organiser in a year; 4: also the competencies closed per
/// partner and year). Derived data, so another value only means a rebuild on the next open.
const LAYOUT: u8 = 4;

/// Present while the `k` counts (competencies closed) await a recount: a change to the
/// requirements or the catalogue marks it in its own transaction and recounts right after
/// it; an open or a read that finds it recounts first.
const CLOSED_STALE: &[u8] = b"K";

/// A `u64` (big endian) that every change to the requirements or the catalogue raises in
/// its transaction: a save that read them before checks, inside its own transaction, that
/// they did not change since (see [`ClosedInputs`]).
const CLOSED_GENERATION: &[u8] = b"G";

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

/// `n` + year + organiser: who completed a training of that organiser ending in that year,
/// each NIP with how many (issue 23: Mitra's "competencies closed" reads these people's
/// trainings instead of everyone's).
fn people_key(t: &Training) -> Vec<u8> {
    let mut k = year_key(b'n', t.year());
    k.extend_from_slice(t.penyelenggara.as_bytes());
    k
}

/// The people of a `people_key`: (NIP, completed trainings), sorted by NIP.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
struct PeopleV1 {
    people: Vec<(String, u32)>,
}

fn decode_people(bytes: &[u8]) -> Result<PeopleV1, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => decode_payload(payload),
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

/// Adds `sign` (1 or -1) to `nip`'s count in `people`, dropping it at zero.
fn count_person(people: &mut PeopleV1, nip: &str, sign: i64) {
    match people.people.binary_search_by(|(n, _)| n.as_str().cmp(nip)) {
        Ok(i) => {
            let n = i64::from(people.people[i].1) + sign;
            if n <= 0 {
                people.people.remove(i);
            } else {
                people.people[i].1 = n as u32;
            }
        }
        Err(i) if sign > 0 => people.people.insert(i, (nip.to_string(), sign as u32)),
        Err(_) => {}
    }
}

/// `k` + year + partner id: how many distinct (person, competency) pairs the partner's
/// completed trainings ending in that year closed (issue 23: Mitra reads this one value).
fn closed_key(year: i16, partner: &str) -> Vec<u8> {
    let mut k = year_key(b'k', year);
    k.extend_from_slice(partner.as_bytes());
    k
}

/// The value of a `closed_key`.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClosedV1 {
    pub competencies: u32,
}

pub fn encode_closed(c: &ClosedV1) -> Result<Vec<u8>, DecodeError> {
    encode(STAT_VERSION, c)
}

pub fn decode_closed(bytes: &[u8]) -> Result<ClosedV1, DecodeError> {
    let (version, payload) = split(bytes)?;
    match version {
        1 => decode_payload(payload),
        v => Err(DecodeError::UnknownVersion(v)),
    }
}

/// What a save needs to keep the competencies closed: the requirements and the catalogue,
/// read before its transaction, with the generation they were read at.
pub(super) struct ClosedInputs {
    generation: u64,
    /// `None` when a requirement record is damaged: the save then marks the counts stale
    /// (it does not need the requirements itself), and `check` names the record.
    requirements: Option<Vec<crate::domain::Requirement>>,
    pub catalogue: Vec<crate::domain::Competency>,
}

fn generation_of(v: Option<&[u8]>) -> u64 {
    v.and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

/// One person's share of the closed counts (none without a staff record).
fn share(
    jabatan: Option<&crate::domain::Jabatan>,
    trainings: &[Training],
    requirements: &[crate::domain::Requirement],
    catalogue: &[crate::domain::Competency],
) -> BTreeMap<(i16, String), u32> {
    match jabatan {
        Some(j) => crate::domain::closed_per_partner(j, trainings, requirements, catalogue),
        None => BTreeMap::new(),
    }
}

/// Inside a save's transaction: replaces one person's share of the closed counts, from
/// (position, trainings) before the save to after it. If the requirements or the catalogue
/// changed since `inputs` were read, the counts are marked stale instead, and the save
/// recounts after its transaction ([`Store::recount_closed_if_stale`]); the result says so.
pub(super) fn keep_closed(
    tree: &TransactionalTree,
    inputs: &ClosedInputs,
    before: (Option<&crate::domain::Jabatan>, &[Training]),
    after: (Option<&crate::domain::Jabatan>, &[Training]),
) -> Result<bool, ConflictableTransactionError<StoreError>> {
    let invalid = |e: String| ConflictableTransactionError::Abort(StoreError::Invalid(e));
    let requirements = match &inputs.requirements {
        Some(r) if generation_of(tree.get(CLOSED_GENERATION)?.as_deref()) == inputs.generation => r,
        _ => {
            tree.insert(CLOSED_STALE, &[][..])?;
            return Ok(true);
        }
    };
    let old = share(before.0, before.1, requirements, &inputs.catalogue);
    let new = share(after.0, after.1, requirements, &inputs.catalogue);
    let keys: std::collections::BTreeSet<&(i16, String)> = old.keys().chain(new.keys()).collect();
    for key in keys {
        let delta = i64::from(new.get(key).copied().unwrap_or(0))
            - i64::from(old.get(key).copied().unwrap_or(0));
        if delta == 0 {
            continue;
        }
        let k = closed_key(key.0, &key.1);
        let stored = match tree.get(&k)? {
            Some(v) => decode_closed(&v).unwrap_or_default(),
            None => ClosedV1::default(),
        };
        let n = (i64::from(stored.competencies) + delta).max(0) as u32;
        if n == 0 {
            tree.remove(k)?;
        } else {
            let value =
                encode_closed(&ClosedV1 { competencies: n }).map_err(|e| invalid(e.to_string()))?;
            tree.insert(k, value)?;
        }
    }
    Ok(false)
}

/// Inside the transaction of a change to the requirements or the catalogue: the closed
/// counts are stale until recounted, and saves that read the old ones notice.
pub(super) fn closed_changed(
    tree: &TransactionalTree,
) -> Result<(), ConflictableTransactionError<StoreError>> {
    let next = generation_of(tree.get(CLOSED_GENERATION)?.as_deref()).wrapping_add(1);
    tree.insert(CLOSED_GENERATION, &next.to_be_bytes()[..])?;
    tree.insert(CLOSED_STALE, &[][..])?;
    Ok(())
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

/// Adds (`sign` 1) or takes away (`sign` -1) one training of `nip` inside a transaction.
pub(super) fn apply(
    tree: &TransactionalTree,
    nip: &str,
    t: &Training,
    sign: i64,
) -> Result<(), ConflictableTransactionError<StoreError>> {
    let invalid = |e: String| ConflictableTransactionError::Abort(StoreError::Invalid(e));
    if t.status == TrainingStatus::Selesai {
        let key = people_key(t);
        let mut people = match tree.get(&key)? {
            Some(v) => decode_people(&v).unwrap_or_default(),
            None => PeopleV1::default(),
        };
        count_person(&mut people, nip, sign);
        if people.people.is_empty() {
            tree.remove(key)?;
        } else {
            let value = encode(STAT_VERSION, &people).map_err(|e| invalid(e.to_string()))?;
            tree.insert(key, value)?;
        }
    }
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
            // A change to the requirements cut short before its recount (a damaged
            // requirement leaves it marked, for `check` to name: the open goes on).
            return self.recount_closed_tolerant();
        }
        self.rebuild_stats()
    }

    pub(super) fn stats_dirty(&self) -> Result<(), StoreError> {
        self.meta.remove(keys::STATS_KEY)?;
        Ok(())
    }

    /// Counts every training afresh (a pass over all of them).
    pub(super) fn rebuild_stats(&self) -> Result<(), StoreError> {
        let (all, people) = self.counted_stats()?;
        // Raised, so a save that read the requirements before this rebuild recounts.
        let generation =
            generation_of(self.training_stats.get(CLOSED_GENERATION)?.as_deref()).wrapping_add(1);
        self.training_stats.clear()?;
        let mut batch = sled::Batch::default();
        for (k, s) in &all {
            let value = encode(STAT_VERSION, s).map_err(|e| StoreError::Invalid(e.to_string()))?;
            batch.insert(k.as_slice(), value);
        }
        for (k, p) in &people {
            let value = encode(STAT_VERSION, p).map_err(|e| StoreError::Invalid(e.to_string()))?;
            batch.insert(k.as_slice(), value);
        }
        match self.counted_closed() {
            Ok(closed) => {
                for (k, c) in &closed {
                    let value = encode_closed(c).map_err(|e| StoreError::Invalid(e.to_string()))?;
                    batch.insert(k.as_slice(), value);
                }
            }
            // A damaged requirement or catalogue record: the counts stay marked stale
            // (a read names the record), the other counts are made.
            Err(StoreError::Corrupt { .. }) => batch.insert(CLOSED_STALE, &[][..]),
            Err(e) => return Err(e),
        }
        batch.insert(CLOSED_GENERATION, &generation.to_be_bytes()[..]);
        self.training_stats.apply_batch(batch)?;
        self.meta.insert(keys::STATS_KEY, &[LAYOUT][..])?;
        self.db.flush()?;
        Ok(())
    }

    /// The requirements and the catalogue, with the generation they were read at (read
    /// first: a change landing in between makes the save's check fail safe).
    pub(super) fn closed_inputs(&self) -> Result<ClosedInputs, StoreError> {
        let generation = generation_of(self.training_stats.get(CLOSED_GENERATION)?.as_deref());
        let requirements = match self.requirements() {
            Ok(r) => Some(r),
            Err(StoreError::Corrupt { .. }) => None,
            Err(e) => return Err(e),
        };
        Ok(ClosedInputs {
            generation,
            requirements,
            catalogue: self.competencies()?,
        })
    }

    /// Marks the closed counts stale outside a transaction (a bulk write that changes
    /// staff, trainings, requirements or the catalogue; it recounts when it ends).
    pub(super) fn closed_dirty(&self) -> Result<(), StoreError> {
        let next =
            generation_of(self.training_stats.get(CLOSED_GENERATION)?.as_deref()).wrapping_add(1);
        self.training_stats
            .insert(CLOSED_GENERATION, &next.to_be_bytes()[..])?;
        self.training_stats.insert(CLOSED_STALE, &[][..])?;
        self.db.flush()?;
        Ok(())
    }

    /// Recounts the competencies closed if they are marked stale: a pass over every
    /// person with trainings, holding off every other write meanwhile (so no save lands
    /// between the pass and its result). Not to be called while a write or `check` runs
    /// on this thread.
    pub fn recount_closed_if_stale(&self) -> Result<(), StoreError> {
        if !self.training_stats.contains_key(CLOSED_STALE)? {
            return Ok(());
        }
        let _no_writes = self.no_writes();
        if !self.training_stats.contains_key(CLOSED_STALE)? {
            return Ok(());
        }
        let fresh = self.counted_closed()?;
        let mut batch = sled::Batch::default();
        for item in self.training_stats.scan_prefix([b'k']) {
            let (k, _) = item?;
            if !fresh.contains_key(k.as_ref()) {
                batch.remove(k);
            }
        }
        for (k, c) in &fresh {
            let value = encode_closed(c).map_err(|e| StoreError::Invalid(e.to_string()))?;
            batch.insert(k.as_slice(), value);
        }
        batch.remove(CLOSED_STALE);
        self.training_stats.apply_batch(batch)?;
        self.db.flush()?;
        Ok(())
    }

    /// [`Store::recount_closed_if_stale`] after a save's transaction marked the counts stale,
    /// or at an open: a damaged requirement or catalogue record leaves them marked (the
    /// next read names the record, `check` reports it) and the save or open stands.
    /// Errors: the store's others.
    pub(super) fn recount_closed_tolerant(&self) -> Result<(), StoreError> {
        match self.recount_closed_if_stale() {
            Err(StoreError::Corrupt { .. }) => Ok(()),
            other => other,
        }
    }

    /// The competencies closed per partner and year, counted afresh: every person's
    /// trainings judged against their position's requirements.
    fn counted_closed(&self) -> Result<BTreeMap<Vec<u8>, ClosedV1>, StoreError> {
        // Read here with `?`: a damaged requirement or catalogue record stops the count.
        let requirements = self.requirements()?;
        let catalogue = self.competencies()?;
        let mut out: BTreeMap<Vec<u8>, ClosedV1> = BTreeMap::new();
        if requirements.is_empty() {
            return Ok(out);
        }
        for item in self.trainings.iter() {
            let (k, v) = item?;
            // Damage is left to `check`; the rest is counted.
            let Ok(group) = super::records::decode_trainings(&v) else {
                continue;
            };
            if !group
                .items
                .iter()
                .any(|t| t.status == TrainingStatus::Selesai)
            {
                continue;
            }
            let Some(staff) = self.staff.get(&k)? else {
                continue;
            };
            let Ok(staff) = super::records::decode_staff(&staff) else {
                continue;
            };
            for ((year, partner), n) in share(
                Some(&staff.jabatan),
                &group.items,
                &requirements,
                &catalogue,
            ) {
                out.entry(closed_key(year, &partner))
                    .or_default()
                    .competencies += n;
            }
        }
        Ok(out)
    }

    /// The competencies a partner's completed trainings ending in `year` closed, from the
    /// kept count (recounted first if marked stale).
    pub fn competencies_closed(&self, year: i16, partner: &str) -> Result<u32, StoreError> {
        self.recount_closed_if_stale()?;
        let k = closed_key(year, partner);
        match self.training_stats.get(&k)? {
            None => Ok(0),
            Some(v) => {
                decode_closed(&v)
                    .map(|c| c.competencies)
                    .map_err(|source| StoreError::Corrupt {
                        tree: "training_stats",
                        key: keys::show(&k),
                        source,
                    })
            }
        }
    }

    /// Whether the kept counts match the trainings (for `check`): the keys that differ.
    pub(super) fn stats_mismatches(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let (expected, expected_people) = self.counted_stats()?;
        let mut stored = BTreeMap::new();
        let mut stored_people = BTreeMap::new();
        let mut stored_closed = BTreeMap::new();
        for item in self.training_stats.iter() {
            let (k, v) = item?;
            match k.first() {
                Some(b'n') => {
                    stored_people.insert(k.to_vec(), decode_people(&v).ok());
                }
                Some(b'k') => {
                    stored_closed.insert(k.to_vec(), decode_closed(&v).ok());
                }
                _ if k == CLOSED_STALE || k == CLOSED_GENERATION => {}
                _ => {
                    stored.insert(k.to_vec(), decode(&v).ok());
                }
            }
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
        out.extend(
            expected_people
                .iter()
                .filter(|(k, p)| stored_people.get(*k).and_then(Option::as_ref) != Some(*p))
                .map(|(k, _)| k.clone()),
        );
        out.extend(
            stored_people
                .keys()
                .filter(|k| !expected_people.contains_key(*k))
                .cloned(),
        );
        // Counts marked stale are recounted by the save that marked them (or the next
        // open or read): not damage. A damaged requirement or competency, which `check`
        // reports as such, leaves nothing to count them against.
        let counted = if self.training_stats.contains_key(CLOSED_STALE)? {
            None
        } else {
            match self.counted_closed() {
                Ok(c) => Some(c),
                Err(StoreError::Corrupt {
                    tree: "requirements" | "competencies",
                    ..
                }) => None,
                Err(e) => return Err(e),
            }
        };
        if let Some(expected_closed) = counted {
            out.extend(
                expected_closed
                    .iter()
                    .filter(|(k, c)| stored_closed.get(*k) != Some(&Some(**c)))
                    .map(|(k, _)| k.clone()),
            );
            out.extend(
                stored_closed
                    .keys()
                    .filter(|k| !expected_closed.contains_key(*k))
                    .cloned(),
            );
        }
        Ok(out)
    }

    /// The sums and the people per organiser and year, counted afresh from the trainings.
    #[allow(clippy::type_complexity)]
    fn counted_stats(
        &self,
    ) -> Result<(BTreeMap<Vec<u8>, StatV1>, BTreeMap<Vec<u8>, PeopleV1>), StoreError> {
        let mut all: BTreeMap<Vec<u8>, StatV1> = BTreeMap::new();
        let mut people: BTreeMap<Vec<u8>, PeopleV1> = BTreeMap::new();
        for item in self.trainings.iter() {
            let (k, v) = item?;
            // Damage is left to `check`; the rest is counted.
            let Ok(group) = super::records::decode_trainings(&v) else {
                continue;
            };
            let nip = String::from_utf8_lossy(&k);
            for t in &group.items {
                if t.status == TrainingStatus::Selesai {
                    count_person(people.entry(people_key(t)).or_default(), &nip, 1);
                }
                for (key, jp, kind) in deltas(t) {
                    let s = all.entry(key).or_default();
                    s.participants += 1;
                    s.jp += jp;
                    s.kind = kind;
                }
            }
        }
        Ok((all, people))
    }

    /// Everyone who completed a training ending in `year` of an organiser whose name
    /// `organiser` accepts, from the kept index (no pass over the trainings), by NIP.
    pub fn completed_with(
        &self,
        year: i16,
        organiser: impl Fn(&str) -> bool,
    ) -> Result<Vec<String>, StoreError> {
        let prefix = year_key(b'n', year);
        let mut out: Vec<String> = Vec::new();
        for item in self.training_stats.scan_prefix(&prefix) {
            let (k, v) = item?;
            if !organiser(&String::from_utf8_lossy(&k[prefix.len()..])) {
                continue;
            }
            let p = decode_people(&v).map_err(|source| StoreError::Corrupt {
                tree: "training_stats",
                key: keys::show(&k),
                source,
            })?;
            out.extend(p.people.into_iter().map(|(nip, _)| nip));
        }
        out.sort();
        out.dedup();
        Ok(out)
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
