//! What every session of one process shares (`kinerja serve`).

use super::*;

/// Beranda's counts of several days, each with its day.
type DaysAhead = Vec<(Date, HomeData)>;

/// What every session of one process shares (`kinerja serve`): the staff rows, and
/// Beranda's counts for all units at a given state of those rows. Cloning shares.
#[derive(Clone)]
pub struct Shared {
    pub staff: SharedStaff,
    home: std::sync::Arc<std::sync::Mutex<Option<(u64, HomeData)>>>,
    /// Beranda's all-units counts of the days after today ([`App::homes_ahead`]) at a
    /// generation of the rows, forgotten with today's.
    ahead: std::sync::Arc<std::sync::Mutex<Option<(u64, DaysAhead)>>>,
    /// The potensial of one year by NIP, as the store held it at one audit entry (the
    /// newest when it was read): the Talenta tab reads it again only after a change.
    potensial: KeptAtChange<i16, crate::views::talent::PotensialByNip>,
    /// Everyone's coaching dates by NIP, as the store held them at one audit entry:
    /// Pelatihan's statuses and Beranda's counts read the `coaching` tree again only after
    /// a change (issue 23: about a fifth of a Pelatihan build at 100,000 staff).
    coached: KeptAtChange<(), crate::views::coaching::CoachedByNip>,
    /// The tags of the sessions open now: their drafts are theirs, never offered to
    /// another session of the same officer (issue 22, see `live.rs`).
    live: Live,
}

/// A value read from the store for `key` (a year, or nothing) at the audit entry `change`
/// (the store's newest when read) and this process's count of audited writes `writes`,
/// shared by every session until either moves. The count catches a save whose key sorts
/// before the newest: the clock set back, or two sessions of `serve` committing out of
/// their keys' order (a key is taken before its transaction).
struct AtChange<K, T> {
    change: Option<Vec<u8>>,
    writes: u64,
    key: K,
    value: std::sync::Arc<T>,
}

type KeptAtChange<K, T> = std::sync::Arc<std::sync::Mutex<Option<AtChange<K, T>>>>;

/// The value `slot` keeps for `key` while the store's newest audit entry is the one it was
/// read at; else `read` once more, kept for the next. The lock is held while reading, so
/// sessions asking at once read it once. Errors: the store's, or `read`'s.
fn kept_at_change<K: PartialEq, T>(
    slot: &KeptAtChange<K, T>,
    store: &Store,
    key: K,
    read: impl FnOnce() -> Result<T, StoreError>,
) -> Result<std::sync::Arc<T>, StoreError> {
    // Both before the read: a save committed after them moves one of them, so what is read
    // meanwhile is read again next time.
    let writes = store.audited_writes();
    let change = store.last_change()?;
    let mut kept = slot.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(k) = kept.as_ref()
        && k.key == key
        && k.change == change
        && k.writes == writes
    {
        return Ok(k.value.clone());
    }
    let value = std::sync::Arc::new(read()?);
    *kept = Some(AtChange {
        change,
        writes,
        key,
        value: value.clone(),
    });
    Ok(value)
}

/// The open sessions: their tags, and the officer and role label of each (none: local
/// screens without officers).
type Live =
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Option<(String, String)>>>>;

impl Shared {
    /// Reads every staff summary once (the whole list, for every session).
    pub fn load(store: &Store, today: Date) -> Result<Shared, StoreError> {
        Ok(Shared::from_staff(SharedStaff::build(
            store.iter_summaries(),
            unit_names(store)?,
            today.year(),
        )?))
    }

    pub(super) fn from_staff(staff: SharedStaff) -> Shared {
        Shared {
            staff,
            home: Default::default(),
            ahead: Default::default(),
            potensial: Default::default(),
            coached: Default::default(),
            live: Default::default(),
        }
    }

    /// The session with `tag`, of officer `who` (name, role label), is open until the
    /// guard is dropped (with its app).
    pub(super) fn enter(&self, tag: &str, who: Option<(String, String)>) -> LiveGuard {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(tag.to_string(), who);
        LiveGuard {
            live: self.live.clone(),
            tag: tag.to_string(),
        }
    }

    /// Whether the session with `tag` is open now.
    pub(super) fn is_live(&self, tag: &str) -> bool {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(tag)
    }

    /// Who is logged in now: officer and role label, by name, each once per session.
    pub(super) fn online(&self) -> Vec<(String, String)> {
        let mut who: Vec<(String, String)> = self
            .live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .flatten()
            .cloned()
            .collect();
        who.sort();
        who
    }

    /// Beranda's all-units counts, if counted since the rows last changed.
    pub(super) fn home(&self) -> Option<HomeData> {
        let generation = self.staff.generation();
        let cached = self.home.lock().unwrap_or_else(|p| p.into_inner());
        cached
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, h)| h.clone())
    }

    /// Drops the kept counts (a coaching save changes them without changing the rows).
    /// Each assessed person's potensial of `year` (PermenPANRB 3/2020), by NIP digits: from
    /// the last read when no change was saved since (any save by any session writes an audit
    /// entry), else one pass over the `potentials` tree, kept for the next. Errors: the
    /// store's.
    pub(super) fn potensial_of_year(
        &self,
        store: &Store,
        year: i16,
    ) -> Result<std::sync::Arc<crate::views::talent::PotensialByNip>, StoreError> {
        kept_at_change(&self.potensial, store, year, || {
            // In two halves at once, split at the middle of the rows' NIPs.
            match self.staff.middle_nip() {
                Some(middle) => crate::views::talent::potensial_of_year_split(store, year, &middle),
                None => crate::views::talent::potensial_of_year(store, year),
            }
        })
    }

    /// Everyone's coaching dates by NIP ([`crate::views::coaching::coaching_by_person`]):
    /// from the last read when no change was saved since, else one pass over the
    /// `coaching` tree, kept for the next. Errors: the store's.
    pub(super) fn coached(
        &self,
        store: &Store,
    ) -> Result<std::sync::Arc<crate::views::coaching::CoachedByNip>, StoreError> {
        kept_at_change(&self.coached, store, (), || {
            crate::views::coaching::coaching_by_person(store)
        })
    }

    pub(super) fn forget_home(&self) {
        *self.home.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.ahead.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The counts of the days after today kept for the rows at `generation`.
    pub(super) fn ahead(&self, generation: u64) -> Option<Vec<(Date, HomeData)>> {
        let kept = self.ahead.lock().unwrap_or_else(|p| p.into_inner());
        kept.as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, homes)| homes.clone())
    }

    pub(super) fn keep_ahead(&self, generation: u64, homes: &[(Date, HomeData)]) {
        *self.ahead.lock().unwrap_or_else(|p| p.into_inner()) = Some((generation, homes.to_vec()));
    }

    pub(super) fn keep_home(&self, generation: u64, home: &HomeData) {
        *self.home.lock().unwrap_or_else(|p| p.into_inner()) = Some((generation, home.clone()));
    }
}

/// A session counted open (see [`Shared::enter`]); dropping it ends that.
pub(super) struct LiveGuard {
    live: Live,
    tag: String,
}

impl Drop for LiveGuard {
    fn drop(&mut self) {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.tag);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{demo, rename_first};
    use super::*;

    /// The coaching dates are read once while nothing is saved; a save whose audit key
    /// does not become the newest (the clock set back, or another session's save that
    /// sorts before) is still seen, by the count of writes.
    #[test]
    fn kept_coaching_dates_are_read_again_after_any_save_even_one_not_newest() {
        let (_dir, store) = demo();
        let shared = Shared::load(&store, jiff::civil::date(2026, 11, 28)).expect("rows");
        let first = shared.coached(&store).expect("read");
        assert!(!first.is_empty(), "the demo coached someone");
        let again = shared.coached(&store).expect("kept");
        assert!(
            std::sync::Arc::ptr_eq(&first, &again),
            "nothing saved: kept"
        );
        rename_first(&store, "x");
        // As if that save's key had sorted before the one the dates were read at.
        let newest = store.last_change().expect("read");
        if let Some(k) = shared
            .coached
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            k.change = newest;
        }
        let after = shared.coached(&store).expect("read again");
        assert!(!std::sync::Arc::ptr_eq(&first, &after), "read again");
    }
}
