//! What every session of one process shares (`kinerja serve`).

use super::*;

/// What every session of one process shares (`kinerja serve`): the staff rows, and
/// Beranda's counts for all units at a given state of those rows. Cloning shares.
#[derive(Clone)]
pub struct Shared {
    pub staff: SharedStaff,
    home: std::sync::Arc<std::sync::Mutex<Option<(u64, HomeData)>>>,
}

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
        }
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
