//! Beranda and Laporan: counting, the per-unit report and its CSV.

use super::*;
use crate::views::{report, talent};

/// How many days after today a close counts Beranda for ([`App::homes_ahead`]): a weekend
/// and a few days' leave. Each costs about a pass over the rows at the close.
pub(super) const HOME_DAYS_AHEAD: i64 = 7;

impl App {
    /// Laporan: each unit's annual predikat against the distribution guide and who retires
    /// within 12 months, in one pass over everyone when the tab opens (the rows in memory,
    /// or the store's summaries before the list is loaded).
    pub(super) fn open_report(&mut self, year: i16, selected: usize) -> bool {
        // From the staff rows in memory once the list is loaded; before, from the store.
        let report = self.report_data_kept(year, |app| {
            let (jp, today) = (&app.opts.jp, app.opts.today);
            match app.list_ref().filter(|_| !app.pending_load) {
                Some(list) => report::report_with_retiring_from_index(
                    &app.store,
                    list.index(),
                    year,
                    jp,
                    today,
                ),
                None => report::report_with_retiring(&app.store, year, jp, today),
            }
        });
        match report {
            Ok((mut rows, mut retiring)) => {
                rows.retain(|r| self.in_scope(&r.unit_id));
                retiring.retain(|r| self.in_scope(&r.unit_id));
                let provisional =
                    crate::domain::Period::annual(year).is_provisional(self.opts.today);
                let report =
                    Box::new(Report::new(rows, retiring, year, selected).provisional(provisional));
                if matches!(self.screen, Screen::Report(_)) {
                    self.screen = Screen::Report(report);
                } else {
                    self.push(Screen::Report(report));
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Writes the report of `year` as CSV into the export directory and says where. An
    /// existing file (or symlink) is never replaced: the name gets a number instead
    /// (`laporan-2025-2.csv`).
    pub(super) fn export_report(&mut self, year: i16) -> bool {
        let written = (|| -> Result<std::path::PathBuf, String> {
            let mut rows = report::unit_report(&self.store, year, &self.opts.jp, self.opts.today)
                .map_err(|e| e.to_string())?;
            rows.retain(|r| self.in_scope(&r.unit_id));
            let provisional = crate::domain::Period::annual(year).is_provisional(self.opts.today);
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| report::csv_row(r, year, provisional))
                .collect();
            self.write_csv(&format!("laporan-{year}"), &report::COLUMNS, &rows)
        })();
        self.say_written(written)
    }

    /// `x` on the promotions list (issue 21): the list of `period`, narrowed to `unit` and
    /// its sub-units, as `kinerja export promotions --period` writes it.
    pub(super) fn export_promotions(
        &mut self,
        period: crate::domain::PromotionPeriod,
        unit: Option<String>,
    ) -> bool {
        use crate::views::promotions;
        let written = (|| -> Result<std::path::PathBuf, String> {
            let list = promotions::promotions_in(&self.store, period, unit, &|u| self.in_scope(u))
                .map_err(|e| e.to_string())?;
            let rows: Vec<Vec<String>> = list
                .rows
                .iter()
                .map(|r| promotions::csv_row(&list, r))
                .collect();
            self.write_csv(
                &format!("kenaikan-pangkat-{period}"),
                &promotions::COLUMNS,
                &rows,
            )
        })();
        self.say_written(written)
    }

    /// Writes `header` and `rows` as CSV to a new file `stem.csv` in the export directory
    /// (`stem-2.csv`, ... when taken), never over an existing file.
    fn write_csv(
        &self,
        stem: &str,
        header: &[&str],
        rows: &[Vec<String>],
    ) -> Result<std::path::PathBuf, String> {
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{stem}.csv")
            } else {
                format!("{stem}-{n}.csv")
            };
            let path = self.opts.export_dir.join(name);
            if std::fs::symlink_metadata(&path).is_ok() {
                continue;
            }
            let (handle, file) = crate::store::files::PrivateFile::create(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(file);
            w.write_record(header).map_err(|e| e.to_string())?;
            for r in rows {
                w.write_record(r).map_err(|e| e.to_string())?;
            }
            let file = w.into_inner().map_err(|e| e.to_string())?;
            match handle.commit_new(file) {
                Ok(()) => return Ok(path),
                // Taken meanwhile: the next number.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
        Err(format!("{}: {stem}-*.csv", self.opts.export_dir.display()))
    }

    /// The status line after writing a file: where it went, or what failed.
    fn say_written(&mut self, written: Result<std::path::PathBuf, String>) -> bool {
        self.status = Some(match written {
            Ok(path) => (
                format!("{} {}", self.ui.t(T::WrittenTo), path.display()),
                false,
            ),
            Err(e) => (e, true),
        });
        true
    }

    pub(super) fn home_data_new(&self) -> HomeData {
        HomeData::new(self.opts.today.year() - 1, self.opts.today.year())
    }

    /// Beranda, counted afresh (a pass over the summaries), for one unit or all.
    pub(super) fn open_home(&mut self, unit: Option<String>) -> bool {
        match self.home_data(unit) {
            Ok(home) => {
                self.push(Screen::Home(Box::new(Home::new(home))));
                true
            }
            Err(e) => self.fail(e),
        }
    }

    /// Beranda's counts for one unit or all: all units' from the process's shared copy
    /// when no save happened since it was counted, else a pass over the summaries.
    pub(super) fn home_data(&self, unit: Option<String>) -> Result<HomeData, StoreError> {
        let whole = unit.is_none() && self.scope().is_none();
        if whole && let Some(home) = self.shared.home() {
            return Ok(home);
        }
        self.home_counted(unit, self.rows_are_the_stores()?)
    }

    /// Beranda's counts for one unit or all, counted now: over the rows in memory when
    /// `from_rows` (they are known to be the store's summaries), else over the store's.
    /// All units' counts are kept for the rows as they are.
    pub(super) fn home_counted(
        &self,
        unit: Option<String>,
        from_rows: bool,
    ) -> Result<HomeData, StoreError> {
        let whole = unit.is_none() && self.scope().is_none();
        let generation = self.shared.staff.generation();
        let home = self
            .count_homes(unit, from_rows, &[self.opts.today])?
            .pop()
            .ok_or_else(|| StoreError::Db("Beranda: no day counted".into()))?;
        if whole {
            self.shared.keep_home(generation, &home);
        }
        Ok(home)
    }

    /// Beranda's all-units counts for each day after today up to [`HOME_DAYS_AHEAD`] in
    /// this year, over the rows in memory (call only when they are the store's): the view
    /// kept at the close carries them, so the next start on one of those days draws
    /// Beranda from the view as on the day it was kept (issue 23). Kept for the rows as
    /// they are: the days already counted for them are taken as they are, and only the
    /// others are counted (none on 31 December).
    pub(super) fn homes_ahead(&self) -> Result<Vec<(Date, HomeData)>, StoreError> {
        let generation = self.shared.staff.generation();
        let today = self.opts.today;
        let days: Vec<Date> = (1..=HOME_DAYS_AHEAD)
            .filter_map(|n| today.checked_add(jiff::Span::new().days(n)).ok())
            .filter(|d| d.year() == today.year())
            .collect();
        // The days already counted for these rows (read with the view, or counted by an
        // earlier close of this process) are taken as they are; only the others are
        // counted, so the window moves on with each day a session starts.
        let mut kept = self.shared.ahead(generation).unwrap_or_default();
        kept.retain(|(day, _)| days.contains(day));
        let missing: Vec<Date> = days
            .iter()
            .copied()
            .filter(|day| !kept.iter().any(|(k, _)| k == day))
            .collect();
        if !missing.is_empty() {
            let counted = self.count_homes(None, true, &missing)?;
            kept.extend(missing.into_iter().zip(counted));
            kept.sort_by_key(|(day, _)| *day);
        }
        self.shared.keep_ahead(generation, &kept);
        Ok(kept)
    }

    /// Beranda's counts for one unit or all on each of `days` (one per day, in order):
    /// what the rows do not hold (units, coaching dates, contracts) read once for all of
    /// them, then one pass over the rows in memory when `from_rows` (they are known to be
    /// the store's summaries), else over the store's.
    fn count_homes(
        &self,
        unit: Option<String>,
        from_rows: bool,
        days: &[Date],
    ) -> Result<Vec<HomeData>, StoreError> {
        let units = self.unit_list()?;
        let (store, shared) = (&self.store, &self.shared);
        let (coached, contracts) = std::thread::scope(|scope| {
            // A thread the system will not give (a process limit under `serve`): both are
            // read here, one after the other.
            let coached = std::thread::Builder::new()
                .spawn_scoped(scope, || shared.coached(store))
                .ok();
            // Only the contracts that end within three months of the last day or ended:
            // no other is listed on any of the days.
            let last = days.last().copied().unwrap_or(self.opts.today);
            let contracts = crate::views::home::contracts_ending_by(store, last);
            let coached = match coached {
                // A panic on that thread is a bug: raised here, as if it had been read here.
                Some(t) => t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                None => shared.coached(store),
            };
            (coached, contracts)
        });
        let (coached, contracts) = (coached?, contracts?);
        let mut homes: Vec<HomeData> = days
            .iter()
            .map(|day| {
                let mut home = HomeData::new(day.year() - 1, day.year());
                home.set_units(units.clone(), unit.clone());
                home.set_coaching_shared(coached.clone());
                home.set_contracts(crate::views::home::ending_on(&contracts, *day));
                home
            })
            .collect();
        let targets = self.opts.jp;
        let mut add = |s: &StaffSummary| {
            if self.in_scope(&s.unit_id) {
                for (home, day) in homes.iter_mut().zip(days) {
                    home.add(s, &targets, *day);
                }
            }
        };
        if from_rows {
            StaffIndex::view(self.shared.staff.clone()).for_each_summary(add);
        } else {
            self.store
                .iter_summaries()
                .try_for_each(|s| s.map(|s| add(&s)))?;
        }
        let mut predikat = HashMap::new();
        for home in &mut homes {
            home.read_step_days(&self.store)?;
            home.read_contract_predikat_with(&self.store, &mut predikat)?;
            home.done();
        }
        Ok(homes)
    }

    /// Gives `home` what it counts beside the rows: everyone's coaching dates and the
    /// contracts ending. The two trees are read at once, on two threads (each about 25 ms
    /// at 100,000 staff, mostly decoding). Errors: the store's.
    pub(super) fn read_coaching_and_contracts(
        &self,
        home: &mut HomeData,
    ) -> Result<(), StoreError> {
        let (store, shared, today) = (&self.store, &self.shared, self.opts.today);
        let (coached, ending) = std::thread::scope(|scope| {
            // A thread the system will not give (a process limit under `serve`): both are
            // read here, one after the other.
            let coached = std::thread::Builder::new()
                .spawn_scoped(scope, || shared.coached(store))
                .ok();
            let ending = crate::views::home::contracts_ending(store, today);
            let coached = match coached {
                // A panic on that thread is a bug: raised here, as if it had been read here.
                Some(t) => t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                None => shared.coached(store),
            };
            (coached, ending)
        });
        home.set_coaching_shared(coached?);
        home.set_contracts(ending?);
        Ok(())
    }

    /// Whether the rows in memory are known to be exactly the store's summaries, so a
    /// pass may read them instead of the store (issue 23: at 100,000 staff, a walk of the
    /// summaries leaves about 18 MiB of sled's nodes in memory): local screens whose rows
    /// were all read, from the store or from the view its files were kept with, and nothing
    /// saved since. Not in `serve`, whose rows other sessions change.
    pub(super) fn rows_are_the_stores(&self) -> Result<bool, StoreError> {
        Ok(!self.opts.remote
            && !self.pending_load
            && self.store.audited_writes() == self.writes_at_open
            && self.store.last_change()? == self.opened_at)
    }

    /// Every unit the officer may see as (id, name), by name.
    pub(super) fn unit_list(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut v: Vec<(String, String)> = unit_names(&self.store)?
            .into_iter()
            .filter(|(id, _)| self.in_scope(id))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(v)
    }
}

impl App {
    /// The Talenta tab for a year and unit (`None`: every unit in the officer's scope); in
    /// place of the tab when it is open, keeping the selected box.
    pub(super) fn open_talent(&mut self, year: i16, unit: Option<String>) -> bool {
        let data = self.talent_data_kept(year, unit, |app, unit| {
            let scope = |u: &str| app.in_scope(u);
            // From the rows in memory once the list is loaded; before that, from the store.
            match app.list_ref().filter(|_| !app.pending_load) {
                Some(list) => {
                    app.shared
                        .potensial_of_year(&app.store, year)
                        .and_then(|potensial| {
                            talent::talent_data_from_index(
                                &app.store,
                                list.index(),
                                &potensial,
                                year,
                                unit,
                                &scope,
                            )
                        })
                }
                None => talent::talent_data(&app.store, year, unit, &scope),
            }
        });
        match data {
            Ok(data) => {
                let provisional =
                    crate::domain::Period::annual(year).is_provisional(self.opts.today);
                let tab = crate::screens::talent::TalentTab::new(data).provisional(provisional);
                if let Screen::Talent(old) = &self.screen {
                    let tab = tab.keep_place_of(old);
                    self.screen = Screen::Talent(Box::new(tab));
                } else {
                    self.push(Screen::Talent(Box::new(tab)));
                }
                true
            }
            Err(e) => self.fail(e),
        }
    }
}
