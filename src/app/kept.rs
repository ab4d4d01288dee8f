//! The data of the last Pelatihan, Laporan or Talenta tab built, kept for the next switch to the
//! same tab, year and unit while nothing changed (issue 23: at 100,000 staff each build is
//! a pass over every row, about 70-140 ms on this project's 2-core machine; a switch back
//! to the tab is then a draw).
//!
//! One slot for the three tabs (switching between two of them builds each time), so a session holds at most one tab's data beyond the screen it
//! shows. Not in `serve`: each extra session there is held to about 1 MiB, and a kept
//! Talenta of 100,000 people is about 9 MiB.

use super::App;
#[cfg(test)]
use super::Options;
use crate::domain::RetiringEntry;
use crate::store::StoreError;
use crate::views::report::UnitReport;
use crate::views::talent::TalentData;
use crate::views::training::TrainingData;
use std::sync::Arc;

/// What a tab's data was built from. Equal stamps build equal data: the same rows
/// (their generation), the same records (the newest audit key: every change of data writes
/// one; and this process's count of audited writes, for a save whose key sorts before the
/// newest after the clock was set back), the same day (the JP due by today, the coaching
/// follow-ups; a session's day is set at its start), year and unit; the officer's scope
/// and JP targets are the session's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Stamp {
    year: i16,
    unit: Option<String>,
    today: jiff::civil::Date,
    generation: u64,
    change: Option<Vec<u8>>,
    writes: u64,
}

/// The one kept tab's data, with what it was built from.
pub(super) enum Kept {
    /// Cheap to clone: the coaching list, its large part, is shared.
    Training(Stamp, TrainingData),
    Talent(Stamp, Arc<TalentData>),
    /// Each unit's row and the retiring list: a few hundred rows and a few thousand
    /// people at 100,000 staff, copied for the screen.
    Report(Stamp, Arc<ReportData>),
}

/// Laporan's rows and retiring list, before the officer's scope is applied.
pub(super) type ReportData = (Vec<UnitReport>, Vec<RetiringEntry>);

impl App {
    /// The stamp of a tab's data for `year` and `unit` now; `None` when nothing may be
    /// kept: in `serve`, while the rows are still being read (the data then comes from the
    /// store's summaries), or when the newest audit key cannot be read (the build then
    /// says what failed, if it fails too).
    pub(super) fn tab_stamp(&self, year: i16, unit: &Option<String>) -> Option<Stamp> {
        if self.opts.remote || self.pending_load || self.list_ref().is_none() {
            return None;
        }
        Some(Stamp {
            year,
            unit: unit.clone(),
            today: self.opts.today,
            generation: self.shared.staff.generation(),
            change: self.store.last_change().ok()?,
            writes: self.store.audited_writes(),
        })
    }

    /// The kept data of a tab when `take` finds it in the slot built from what there is
    /// now ([`App::tab_stamp`]); else `build`'s, kept (by `keep`) when there is a stamp.
    fn kept_or_built<T: Clone>(
        &mut self,
        year: i16,
        unit: &Option<String>,
        take: impl FnOnce(&Kept, &Stamp) -> Option<T>,
        keep: impl FnOnce(Stamp, T) -> Kept,
        build: impl FnOnce(&App) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let stamp = self.tab_stamp(year, unit);
        if let (Some(kept), Some(now)) = (&self.kept, &stamp)
            && let Some(data) = take(kept, now)
        {
            return Ok(data);
        }
        let data = build(self)?;
        let kept = stamp.map(|s| keep(s, data.clone()));
        // The data replaced is let go of after the frame ([`App::after_frame`]).
        self.retired = std::mem::replace(&mut self.kept, kept);
        Ok(data)
    }

    /// Pelatihan's data for `year` and `unit`, kept or built ([`App::kept_or_built`]).
    pub(super) fn training_data_kept(
        &mut self,
        year: i16,
        unit: Option<String>,
    ) -> Result<TrainingData, StoreError> {
        self.kept_or_built(
            year,
            &unit.clone(),
            |kept, now| match kept {
                Kept::Training(stamp, data) if stamp == now => Some(data.clone()),
                _ => None,
            },
            Kept::Training,
            |app| app.training_data(year, unit),
        )
    }

    /// Talenta's data, kept or built by `build` ([`App::kept_or_built`]).
    pub(super) fn talent_data_kept(
        &mut self,
        year: i16,
        unit: Option<String>,
        build: impl FnOnce(&App, Option<String>) -> Result<TalentData, StoreError>,
    ) -> Result<Arc<TalentData>, StoreError> {
        self.kept_or_built(
            year,
            &unit.clone(),
            |kept, now| match kept {
                Kept::Talent(stamp, data) if stamp == now => Some(data.clone()),
                _ => None,
            },
            Kept::Talent,
            |app| build(app, unit).map(Arc::new),
        )
    }

    /// Laporan's data, kept or built by `build` ([`App::kept_or_built`]); the caller gets
    /// its own copy (it applies the officer's scope to it).
    pub(super) fn report_data_kept(
        &mut self,
        year: i16,
        build: impl FnOnce(&App) -> Result<ReportData, StoreError>,
    ) -> Result<ReportData, StoreError> {
        let data = self.kept_or_built(
            year,
            &None,
            |kept, now| match kept {
                Kept::Report(stamp, data) if stamp == now => Some(data.clone()),
                _ => None,
            },
            Kept::Report,
            |app| build(app).map(Arc::new),
        )?;
        Ok(Arc::unwrap_or_clone(data))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{demo, options, rename_first};
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(app: &mut App, c: char) {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }

    /// Where the kept data of tab `tab` (`3`, `4` or `5`) is, when that tab's is kept.
    fn kept_at(app: &App, tab: char) -> Option<usize> {
        match (&app.kept, tab) {
            (Some(Kept::Training(_, d)), '3') => Some(Arc::as_ptr(&d.coaching) as usize),
            (Some(Kept::Report(_, d)), '4') => Some(Arc::as_ptr(d) as usize),
            (Some(Kept::Talent(_, d)), '5') => Some(Arc::as_ptr(d) as usize),
            _ => None,
        }
    }

    fn loaded(opts: Options) -> (tempfile::TempDir, App) {
        let (dir, store) = demo();
        let mut app = App::new(store, opts).expect("app");
        app.finish_loading().expect("load");
        (dir, app)
    }

    #[test]
    fn a_switch_back_to_a_tab_reuses_its_data_until_the_records_change() {
        let (_dir, mut app) = loaded(options());
        for tab in ['3', '4', '5'] {
            key(&mut app, '2');
            key(&mut app, tab);
            let first = kept_at(&app, tab).expect("built and kept");
            key(&mut app, '2');
            key(&mut app, tab);
            assert_eq!(
                kept_at(&app, tab),
                Some(first),
                "tab {tab}: nothing changed"
            );
            // A save (any record: every one writes an audit entry) makes it stale.
            rename_first(&app.store, "x");
            key(&mut app, '2');
            key(&mut app, tab);
            let again = kept_at(&app, tab).expect("built again and kept");
            assert_ne!(again, first, "tab {tab}: built again after the save");
        }
        // One slot: Talenta's data replaced Laporan's.
        assert!(kept_at(&app, '4').is_none());
    }

    /// A save whose audit key sorts before the newest (the clock set back) leaves the
    /// newest key as it was: the count of this process's writes still tells.
    #[test]
    fn a_save_the_newest_key_does_not_show_still_builds_the_tab_again() {
        let (_dir, mut app) = loaded(options());
        key(&mut app, '5');
        let first = kept_at(&app, '5').expect("kept");
        rename_first(&app.store, "x");
        // As if the save's key had sorted before the one the data was built at.
        let newest = app.store.last_change().expect("read");
        if let Some(Kept::Talent(stamp, _)) = &mut app.kept {
            stamp.change = newest;
        }
        key(&mut app, '2');
        key(&mut app, '5');
        assert_ne!(kept_at(&app, '5'), Some(first), "built again");
    }

    #[test]
    fn another_day_or_year_builds_the_tab_again() {
        let (_dir, mut app) = loaded(options());
        key(&mut app, '5');
        let first = kept_at(&app, '5').expect("kept");
        key(&mut app, '2');
        app.opts.today = jiff::civil::date(2026, 11, 29);
        key(&mut app, '5');
        let next_day = kept_at(&app, '5').expect("kept");
        assert_ne!(
            next_day, first,
            "the day is part of what the data was built from"
        );
        // Another year of the tab (`[`) is another build, of that year.
        key(&mut app, '[');
        match &app.kept {
            Some(Kept::Talent(stamp, data)) => {
                assert_eq!((stamp.year, data.year), (2024, 2024));
            }
            _ => panic!("the year before is kept"),
        }
    }

    /// The data a build replaces is freed after the new tab's frame, not while the key is
    /// handled: the loop calls `after_frame` once the frame is out.
    #[test]
    fn the_data_a_build_replaces_is_let_go_after_the_frame() {
        let (_dir, mut app) = loaded(options());
        key(&mut app, '3');
        let coaching = match &app.kept {
            Some(Kept::Training(_, d)) => Arc::downgrade(&d.coaching),
            _ => panic!("Pelatihan kept"),
        };
        key(&mut app, '2');
        key(&mut app, '4');
        assert!(kept_at(&app, '4').is_some(), "Laporan kept in its place");
        assert!(coaching.upgrade().is_some(), "still held until the frame");
        app.after_frame();
        assert!(coaching.upgrade().is_none(), "let go of after the frame");
        app.after_frame();
        assert!(kept_at(&app, '4').is_some(), "the kept data stays");
    }

    #[test]
    fn a_serve_session_keeps_no_tab() {
        let (_dir, mut app) = loaded(Options {
            remote: true,
            ..options()
        });
        for tab in ['3', '4', '5'] {
            key(&mut app, '2');
            key(&mut app, tab);
            assert!(app.kept.is_none(), "tab {tab}");
        }
    }
}
