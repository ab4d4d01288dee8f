//! The screens' view kept at a clean close (issue 23, `store::view_file`): the list's
//! rows, and Beranda's all-units counts with the day they were counted for, read back by
//! the next screens while sled opens, instead of a pass over every summary (at 100,000
//! staff: a few tens of milliseconds against about 400, and no 18 MiB of sled's nodes).
//!
//! Kept only when the rows are exactly what a pass would give: the session changed nothing
//! in the database (its newest audit key is the one at the start), or every change it made
//! was to people's records, whose summaries are read again into the rows at the close.
//! Beranda's counts go with them only when counted for the rows as they are, for the day
//! of the close and each of the next `HOME_DAYS_AHEAD` (seven) days of the year (retiring,
//! contracts ending, the JP due by today all move with the day); a start on a later day
//! counts them again from the rows. The key names everything else the rows and counts
//! depend on: this build of the program, the year, the JP targets.

use super::*;

/// The view's layout, with the rows' own (`model::staff_index::persist`).
const VIEW_LAYOUT: &str = "kinerja-view 4";

/// What the view's contents depend on besides the data: the program (its version and
/// the executable's size and modification time, so a rebuilt program counts afresh), the
/// year (the JP the rows show) and the JP targets. The day is kept with Beranda's counts.
/// `None` when the program's own file cannot be read: no view is then written or read, as
/// one build's view could be taken for another's.
pub fn view_key(year: i16, jp: crate::domain::JpTargets) -> Option<Vec<u8>> {
    view_key_of(&std::env::current_exe().ok()?, year, jp)
}

/// [`view_key`] of the program at `exe` (a test names the `kinerja` binary it ran, to
/// read the view a command kept).
pub fn view_key_of(
    exe: &std::path::Path,
    year: i16,
    jp: crate::domain::JpTargets,
) -> Option<Vec<u8>> {
    let build = std::fs::metadata(exe)
        .map(|m| {
            use std::os::unix::fs::MetadataExt;
            format!("{}-{}.{}", m.len(), m.mtime(), m.mtime_nsec())
        })
        .ok()?;
    Some(
        format!(
            "{VIEW_LAYOUT} {} {build} {year} pns {} pppk {}",
            env!("CARGO_PKG_VERSION"),
            jp.pns,
            jp.pppk
        )
        .into_bytes(),
    )
}

impl Shared {
    /// Beranda's all-units counts with the day they were counted for (when they are those
    /// of the rows as they are now), then those of the days after it (`ahead`), then the
    /// rows, as a view's payload: written as it is encoded, into the file at the close. The
    /// counts come first, with their own length and CRC, so the next start can draw Beranda
    /// from them as soon as they are read and checked, before the rows and before sled is
    /// open.
    fn view_payload(
        &self,
        today: Date,
        officers: bool,
        ahead: Vec<(Date, HomeData)>,
    ) -> crate::store::view_file::Payload {
        // An empty database opens on the welcome screen, never Beranda: no counts for it.
        let homes = match self.home().filter(|_| self.staff.total() > 0) {
            Some(home) => std::iter::once((today, home)).chain(ahead).collect(),
            None => Vec::new(),
        };
        let head = Head { homes, officers };
        let staff = self.staff.clone();
        Box::new(move |mut out| {
            let head = bincode::serde::encode_to_vec(&head, bincode::config::standard())
                .map_err(std::io::Error::other)?;
            let len = u32::try_from(head.len()).map_err(std::io::Error::other)?;
            out.write_all(&len.to_le_bytes())?;
            out.write_all(&crc32fast::hash(&head).to_le_bytes())?;
            out.write_all(&head)?;
            staff.write_view(&mut out).map_err(std::io::Error::other)
        })
    }

    /// The rows of a view's payload ([`Shared::view_payload`]), read from `payload` (at
    /// most `len` bytes: the view file, decoded as it is read), with Beranda's counts when
    /// they were counted for `today`; `None` when the bytes are not one whole.
    ///
    /// `on_home` is given those counts as soon as they are read and their own CRC holds,
    /// before the rows are, when they are of `today` and the database had no officers at
    /// the close (so no officer's scope narrows them): the screens draw Beranda from them
    /// while sled opens.
    pub fn from_view<R: std::io::Read>(
        payload: &mut std::io::BufReader<R>,
        len: u64,
        today: Date,
        on_home: impl FnOnce(&HomeData),
    ) -> Option<Shared> {
        use std::io::Read;
        let mut fixed = [0u8; 8];
        payload.read_exact(&mut fixed).ok()?;
        let (head_len, crc) = fixed.split_at(4);
        let head_len = u32::from_le_bytes(head_len.try_into().ok()?);
        if u64::from(head_len) > len.saturating_sub(8) {
            return None;
        }
        let mut bytes = vec![0u8; usize::try_from(head_len).ok()?];
        payload.read_exact(&mut bytes).ok()?;
        if crc32fast::hash(&bytes).to_le_bytes()[..] != crc[..] {
            return None;
        }
        let (head, used): (Head, usize) = crate::model::staff_index::decode_bounded(&bytes)?;
        if used != bytes.len() || head.homes.iter().any(|(_, h)| !h.loaded()) {
            return None;
        }
        // Today's counts, and those of the days after it the close counted (kept for this
        // session's own close).
        let mut home = None;
        let mut ahead = Vec::new();
        for (day, h) in head.homes {
            if day == today {
                home = Some(h);
            } else if day > today {
                ahead.push((day, h));
            }
        }
        if let Some(h) = &home
            && !head.officers
        {
            on_home(h);
        }
        let staff = SharedStaff::read_view(payload, len)?;
        let shared = Shared::from_staff(staff);
        if let Some(home) = home {
            shared.keep_home(shared.staff.generation(), &home);
            shared.keep_ahead(shared.staff.generation(), &ahead);
        }
        Some(shared)
    }

    /// The screens' view kept at the last close of the database at `path`, if it is for
    /// its files as they are (`fingerprint`), this `key` and whole: the rows, and
    /// Beranda's counts when they were counted for `today` ([`Shared::from_view`], which
    /// gives them to `on_home` first).
    pub fn read_view(
        path: &std::path::Path,
        fingerprint: u32,
        key: &[u8],
        today: Date,
        on_home: impl FnOnce(&HomeData),
    ) -> Option<Shared> {
        crate::store::view_file::read_view(path, fingerprint, key, |payload, len| {
            Shared::from_view(payload, len, today, on_home)
        })
    }
}

/// The first part of a view's payload: Beranda's all-units counts with their day (the
/// close's first, then the days after it), and whether the database had officers at the
/// close.
#[derive(serde::Serialize, serde::Deserialize)]
struct Head {
    homes: Vec<(Date, HomeData)>,
    officers: bool,
}

impl App {
    /// The screens over a view read at the start ([`Shared::from_view`]): nothing is read
    /// from the database for the list, and for Beranda only what the rows do not hold
    /// (coaching, contracts) when its counts are of another day.
    pub fn from_view(store: Store, shared: Shared, opts: Options) -> Result<App, StoreError> {
        App::with_shared(store, shared, opts)
    }

    /// The view to keep at the close (key and payload, for `Store::close_with_view`):
    /// `None` in `serve`, when the rows were never all read, or when this session changed
    /// anything but people's records (a unit, the catalogue, an officer: whatever other
    /// rows or names depend on), or more than the rows can be brought up to date with.
    ///
    /// A session that saved people's records reads their summaries again into the rows
    /// first, so the rows kept are the store's. Errors are not returned: on any doubt,
    /// no view.
    pub fn view_to_keep(&self) -> Option<(Vec<u8>, crate::store::view_file::Payload)> {
        if self.pending_load || self.opts.remote {
            return None;
        }
        let now = self.store.last_change().ok()?;
        if now != self.opened_at || self.store.audited_writes() != self.writes_at_open {
            self.rows_up_to_date().ok()??;
        }
        // Every row, whatever happened: rows cut short (a read that failed) are never kept.
        if self.shared.staff.total() != self.store.staff_count().ok()? {
            return None;
        }
        // Beranda's counts for these rows, when the session's saves left none counted:
        // then the next start on this day fills Beranda from the view alone, as after a
        // session that changed nothing (counted over the rows, now the store's).
        // A count that fails keeps the view without counts.
        if self.shared.home().is_none() && self.scope().is_none() {
            let _ = self.home_counted(None, true);
        }
        // And those of the next days, so the next start on one of them is as quick. None
        // when today's are not kept (an officer's scope), or when they fail to count.
        let ahead = if self.shared.home().is_some() && self.scope().is_none() {
            self.homes_ahead().unwrap_or_default()
        } else {
            Vec::new()
        };
        let key = view_key(self.opts.today.year(), self.opts.jp)?;
        let officers = self.store.has_officers().ok()?;
        Some((
            key,
            self.shared.view_payload(self.opts.today, officers, ahead),
        ))
    }

    /// Reads again into the rows the summary of everyone this session's changes name
    /// (from the audit trail since the start); `Some(())` when the rows are then the
    /// store's, `None` when a change named no person or there were too many to read.
    fn rows_up_to_date(&self) -> Result<Option<()>, StoreError> {
        let (entries, _) = self
            .store
            .changes_after(self.opened_at.as_deref(), live::CHANGES_READ)?;
        // Each of this session's writes must be among them: a clock set back during the
        // session gives a later write an earlier key, which this read would miss.
        let written = self
            .store
            .audited_writes()
            .saturating_sub(self.writes_at_open);
        if entries.len() >= live::CHANGES_READ || entries.len() as u64 != written {
            return Ok(None);
        }
        let mut people: Vec<&str> = Vec::with_capacity(entries.len());
        for e in &entries {
            match live::person_of(&e.record) {
                Some(nip) => people.push(nip),
                None => return Ok(None),
            }
        }
        people.sort_unstable();
        people.dedup();
        for nip in people {
            match self.store.summary(nip)? {
                Some(summary) => self.shared.staff.upsert(summary),
                None => {
                    self.shared.staff.remove(nip);
                }
            }
        }
        Ok(Some(()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::reports::HOME_DAYS_AHEAD;
    use super::super::test_support::{demo, options, rename_first};
    use super::*;

    #[test]
    fn the_key_changes_with_the_year_and_the_targets() {
        let jp = crate::domain::JpTargets::default();
        let a = view_key(2026, jp).expect("the test's own program is readable");
        assert_eq!(Some(a.clone()), view_key(2026, jp));
        assert_ne!(Some(a.clone()), view_key(2027, jp));
        let other = crate::domain::JpTargets {
            pns: jp.pns + 1,
            ..jp
        };
        assert_ne!(Some(a), view_key(2026, other));
    }

    /// A read that fails while the rows are loaded leaves the first page only: those rows
    /// are never kept as the view, nor taken for the store's by Beranda.
    #[test]
    fn rows_cut_short_by_a_failed_read_are_never_kept() {
        let (_dir, store) = demo();
        let damaged = store.tree("coaching").expect("tree");
        let (first, _) = damaged
            .sled()
            .first()
            .expect("read")
            .expect("a coached person");
        damaged
            .sled()
            .insert(first, &[2u8, 0xff, 0xff][..])
            .expect("write");
        let mut app = App::new(store, options()).expect("app");
        assert!(
            app.finish_loading().is_err(),
            "the damaged coaching stops the load"
        );
        assert!(app.shared.staff.total() < app.store.staff_count().expect("count"));
        assert!(app.view_to_keep().is_none());
        assert!(!app.rows_are_the_stores().expect("read"));
    }

    /// A session that saved leaves no Beranda counts for its rows; its close counts them
    /// over the rows brought up to date, and they are what a pass over the store counts.
    #[test]
    fn a_saving_sessions_view_carries_berandas_counts_for_its_rows() {
        let (_dir, store) = demo();
        let mut app = App::new(store, options()).expect("app");
        app.finish_loading().expect("load");
        assert!(app.shared.home().is_some(), "counted by the load");
        let nip = app
            .store
            .iter_summaries()
            .next()
            .expect("someone")
            .expect("summary")
            .nip;
        let mut staff = app.store.get_staff(&nip).expect("read").expect("staff");
        staff.aktif = false;
        app.store.save_staff(&staff, "t").expect("save");
        app.shared.forget_home();
        assert!(app.view_to_keep().is_some(), "a person's record: kept");
        let kept = app.shared.home().expect("counted at the close");
        let passed = app.home_counted(None, false).expect("count over the store");
        assert_eq!(format!("{kept:?}"), format!("{passed:?}"));
    }

    /// A save the audit trail does not show after the session's start (the clock set back
    /// gives it an earlier key) keeps no view: the count of this session's writes and the
    /// entries read must agree.
    #[test]
    fn a_write_missing_from_the_trail_since_the_start_keeps_no_view() {
        let (_dir, store) = demo();
        let mut app = App::new(store, options()).expect("app");
        app.finish_loading().expect("load");
        assert!(app.view_to_keep().is_some(), "nothing changed");
        rename_first(&app.store, " Baru");
        assert!(
            app.view_to_keep().is_some(),
            "a person's record: kept, re-read"
        );
        // As if the clock had gone back before the save: the start is after its key.
        app.opened_at = app.store.last_change().expect("read");
        assert!(
            app.view_to_keep().is_none(),
            "the save is not in the trail read"
        );
    }

    /// The view's payload as the close would write it.
    fn payload_bytes(app: &App) -> Vec<u8> {
        let (_, payload) = app.view_to_keep().expect("a view to keep");
        let mut bytes = Vec::new();
        payload(&mut bytes).expect("written");
        bytes
    }

    /// What a start on `day` draws before the rows (`None`: nothing), and whether it read
    /// the rows back.
    fn drawn_on(bytes: &[u8], day: Date) -> (Option<String>, bool) {
        let mut drawn = None;
        let mut reader = std::io::BufReader::new(bytes);
        let read = Shared::from_view(&mut reader, bytes.len() as u64, day, |h| {
            drawn = Some(format!("{h:?}"))
        });
        (drawn, read.is_some())
    }

    /// The close counts Beranda for the next seven days too: a start on any of them draws
    /// what a pass over the store counts on that day, before the rows; a start on the
    /// eighth draws nothing early (its counts are made from the rows once sled is open).
    #[test]
    fn the_close_counts_beranda_for_the_next_days_and_a_start_on_one_draws_it_first() {
        let (_dir, store) = demo();
        // A contract that comes within three months of its end on the fourth day: the
        // counts of the days differ, and each must be its own day's.
        let today = options().today;
        let (nip, mut contracts) = store
            .iter_contracts()
            .map(|c| c.expect("contracts"))
            .find(|(_, c)| c.latest().is_some())
            .expect("a PPPK with a contract");
        let latest = contracts.items.pop().expect("latest");
        let ends = today
            .checked_add(jiff::Span::new().months(3).days(4))
            .expect("a day");
        let edited = crate::domain::Contract {
            selesai: ends,
            ..latest.clone()
        };
        store
            .save_contract(&nip, Some(latest.mulai), &edited, contracts.revision, "t")
            .expect("the contract saved");
        let mut app = App::new(store, options()).expect("app");
        app.finish_loading().expect("load");
        let bytes = payload_bytes(&app);
        let mut ending = Vec::new();
        for n in 0..=8 {
            let day = today.checked_add(jiff::Span::new().days(n)).expect("a day");
            let (drawn, read) = drawn_on(&bytes, day);
            assert!(read, "the rows come back on day +{n}");
            if n <= HOME_DAYS_AHEAD {
                app.opts.today = day;
                let counted = app
                    .home_counted(None, false)
                    .expect("a pass over the store");
                assert_eq!(drawn, Some(format!("{counted:?}")), "day +{n}");
                ending.push(counted.contracts_total);
            } else {
                assert_eq!(drawn, None, "day +{n}: not counted ahead");
            }
        }
        assert!(
            ending.first() < ending.last(),
            "the edited contract counts from its day: {ending:?}"
        );
    }

    /// No day of the next year is counted ahead (a start in another year makes the pass:
    /// the view's key holds the year).
    #[test]
    fn beranda_is_counted_ahead_only_to_the_end_of_the_year() {
        let (_dir, store) = demo();
        let opts = Options {
            today: jiff::civil::date(2026, 12, 29),
            ..options()
        };
        let mut app = App::new(store, opts).expect("app");
        app.finish_loading().expect("load");
        let ahead = app.homes_ahead().expect("counted");
        let days: Vec<Date> = ahead.iter().map(|(d, _)| *d).collect();
        assert_eq!(
            days,
            [
                jiff::civil::date(2026, 12, 30),
                jiff::civil::date(2026, 12, 31)
            ]
        );
    }

    /// A later day's close keeps the days already counted and counts only the new ones:
    /// the window moves on with each day a session starts, and each new day is its own.
    #[test]
    fn the_days_ahead_move_on_with_the_day() {
        let (_dir, store) = demo();
        let mut app = App::new(store, options()).expect("app");
        app.finish_loading().expect("load");
        let today = options().today;
        let day = |n: i64| today.checked_add(jiff::Span::new().days(n)).expect("a day");
        let first = app.homes_ahead().expect("counted");
        assert_eq!(
            first.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
            (1..=7).map(day).collect::<Vec<_>>()
        );
        app.opts.today = day(3);
        let later = app.homes_ahead().expect("counted");
        assert_eq!(
            later.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
            (4..=10).map(day).collect::<Vec<_>>()
        );
        for (d, home) in &later {
            app.opts.today = *d;
            let counted = app
                .home_counted(None, false)
                .expect("a pass over the store");
            assert_eq!(format!("{home:?}"), format!("{counted:?}"), "{d}");
        }
        // On the last day of the year there is none to count (and nothing is read).
        app.opts.today = jiff::civil::date(2026, 12, 31);
        assert!(app.homes_ahead().expect("counted").is_empty());
    }

    /// A coaching save changes Beranda without changing a row: the days counted ahead are
    /// forgotten with today's, and the close counts them again.
    #[test]
    fn a_save_forgets_the_days_counted_ahead() {
        let (_dir, store) = demo();
        let mut app = App::new(store, options()).expect("app");
        app.finish_loading().expect("load");
        let generation = app.shared.staff.generation();
        app.homes_ahead().expect("counted");
        assert!(app.shared.ahead(generation).is_some(), "kept");
        app.shared.forget_home();
        assert!(
            app.shared.ahead(generation).is_none(),
            "forgotten with today's"
        );
    }
}
