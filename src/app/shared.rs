//! What every session of one process shares (`kinerja serve`).

use super::*;

/// What every session of one process shares (`kinerja serve`): the staff rows, and
/// Beranda's counts for all units at a given state of those rows. Cloning shares.
#[derive(Clone)]
pub struct Shared {
    pub staff: SharedStaff,
    home: std::sync::Arc<std::sync::Mutex<Option<(u64, HomeData)>>>,
    /// The tags of the sessions open now: their drafts are theirs, never offered to
    /// another session of the same officer (issue 22, see `live.rs`).
    live: Live,
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
    pub(super) fn forget_home(&self) {
        *self.home.lock().unwrap_or_else(|p| p.into_inner()) = None;
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
