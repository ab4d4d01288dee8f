//! Automatic backups, the safety net sled does not have (it cannot open damaged files):
//! after a command or a session that changed data, at most one backup a day goes into
//! `DB-backups/` beside the database directory (0700; files 0600), named
//! `kinerja-YYYY-MM-DD.bak`; the newest `kept` are kept (config `backups_kept`, default 7,
//! 0 turns them off). `kinerja backup --list` lists them; the damage message names the
//! newest.

use crate::store::{Store, StoreError};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// How many automatic backups are kept when the config file does not say.
pub const DEFAULT_KEPT: usize = 7;

pub use crate::store::way_back::{dir_of, list, newest};

/// Makes today's backup if there is none yet, then keeps only the newest `kept`. Returns
/// the file written, if one was.
pub fn run(
    store: &Store,
    db: &Path,
    today: Date,
    kept: usize,
) -> Result<Option<PathBuf>, StoreError> {
    if kept == 0 {
        return Ok(None);
    }
    let dir = dir_of(db);
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        let cannot =
            |e: std::io::Error| StoreError::Backup(format!("cannot make {}: {e}", dir.display()));
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(cannot)?;
        // One that already existed (made by hand, or by an older kinerja) is tightened:
        // the backups hold everyone's personal data (issue 24: 0755 stayed 0755).
        let meta = std::fs::symlink_metadata(&dir).map_err(cannot)?;
        if meta.is_dir() && meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .map_err(cannot)?;
        }
        for file in list(db) {
            if let Ok(m) = std::fs::symlink_metadata(&file)
                && m.is_file()
                && m.permissions().mode() & 0o077 != 0
            {
                let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
            }
        }
    }
    let file = dir.join(format!(
        "kinerja-{:04}-{:02}-{:02}.bak",
        today.year(),
        today.month(),
        today.day()
    ));
    let written = if file.exists() {
        None
    } else {
        store.backup(&file)?;
        Some(file)
    };
    let all = list(db);
    for old in all.iter().take(all.len().saturating_sub(kept)) {
        let _ = std::fs::remove_file(old);
    }
    Ok(written)
}

/// The server's own automatic backups (issue 22): `kinerja serve` keeps the same daily
/// rule while it runs, taking one at its start and at each day change, on a thread of its
/// own. [`Store::backup`] is consistent while sessions write.
#[derive(Debug, Default)]
pub struct Daily {
    /// The day last looked at.
    day: Option<Date>,
    /// The database's last change when the last backup was taken (or found taken).
    backed: Option<Option<Vec<u8>>>,
}

impl Daily {
    /// On the first call, and on the first call of each new day if the data changed since
    /// the last backup: today's backup, if there is none yet (see [`run`]). Returns the
    /// file written, if one was.
    pub fn tick(
        &mut self,
        store: &Store,
        db: &Path,
        today: Date,
        kept: usize,
    ) -> Result<Option<PathBuf>, StoreError> {
        if self.day == Some(today) {
            return Ok(None);
        }
        let now = store.last_change()?;
        let first = self.day.is_none();
        // Said once a day, even when it fails: tried again the next day.
        self.day = Some(today);
        if !first && self.backed.as_ref() == Some(&now) {
            return Ok(None);
        }
        let written = run(store, db, today, kept)?;
        self.backed = Some(now);
        Ok(written)
    }
}

/// How often the server's backup thread looks at the date.
const LOOK_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// The thread of [`Daily`] in a running server; stopped when dropped.
pub struct Timer {
    stop: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Timer {
    /// Starts the thread; its first look (the start's backup) is taken before this returns,
    /// so that the log says it in order.
    pub fn start(
        store: Store,
        db: PathBuf,
        kept: usize,
        today: fn() -> Date,
    ) -> std::io::Result<Timer> {
        let stop = std::sync::Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let mut daily = Daily::default();
        let look = move |daily: &mut Daily| match daily.tick(&store, &db, today(), kept) {
            Ok(Some(file)) => tell!(
                "kinerja serve: automatic backup written to {}",
                file.display()
            ),
            Ok(None) => {}
            Err(e) => {
                tell!("kinerja serve: the automatic backup failed: {e}; tried again tomorrow")
            }
        };
        look(&mut daily);
        let stopping = std::sync::Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("backups".into())
            .spawn(move || {
                let (lock, wake) = &*stopping;
                let mut stopped = lock.lock().unwrap_or_else(|p| p.into_inner());
                while !*stopped {
                    stopped = wake
                        .wait_timeout(stopped, LOOK_EVERY)
                        .map(|(g, _)| g)
                        .unwrap_or_else(|p| p.into_inner().0);
                    if !*stopped {
                        look(&mut daily);
                    }
                }
            })?;
        Ok(Timer {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        let (lock, wake) = &*self.stop;
        *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
        wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_backs_up_at_its_start_and_on_each_new_day_with_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let store = Store::open(&db).unwrap();
        store
            .save_unit(
                &crate::domain::Unit::new(
                    "Puskesmas Belawan",
                    crate::domain::UnitKind::Kesehatan,
                    None,
                ),
                "t",
            )
            .unwrap();
        let day = |d| jiff::civil::date(2026, 11, d);
        let mut daily = Daily::default();
        assert!(
            daily.tick(&store, &db, day(1), 7).unwrap().is_some(),
            "at start"
        );
        assert!(
            daily.tick(&store, &db, day(1), 7).unwrap().is_none(),
            "same day"
        );
        assert!(
            daily.tick(&store, &db, day(2), 7).unwrap().is_none(),
            "a new day without a change: the last backup still holds it"
        );
        store
            .save_unit(
                &crate::domain::Unit::new(
                    "SD Negeri 060968",
                    crate::domain::UnitKind::Pendidikan,
                    None,
                ),
                "t",
            )
            .unwrap();
        assert!(
            daily.tick(&store, &db, day(2), 7).unwrap().is_none(),
            "looked today"
        );
        let file = daily.tick(&store, &db, day(3), 7).unwrap();
        assert_eq!(file, Some(dir_of(&db).join("kinerja-2026-11-03.bak")));
        // A server started on a day whose backup exists writes none.
        let mut again = Daily::default();
        assert!(again.tick(&store, &db, day(3), 7).unwrap().is_none());
        assert_eq!(list(&db).len(), 2);
    }

    #[test]
    fn one_a_day_and_only_the_newest_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        let store = Store::open(&db).unwrap();
        let day = |d| jiff::civil::date(2026, 11, d);
        assert!(run(&store, &db, day(1), 2).unwrap().is_some());
        assert!(run(&store, &db, day(1), 2).unwrap().is_none(), "one a day");
        run(&store, &db, day(2), 2).unwrap();
        run(&store, &db, day(3), 2).unwrap();
        let names: Vec<String> = list(&db)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["kinerja-2026-11-02.bak", "kinerja-2026-11-03.bak"]);
        assert_eq!(
            newest(&db),
            Some(dir.path().join("db-backups/kinerja-2026-11-03.bak"))
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir_of(&db)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        // An existing directory left open to others is tightened by the next backup, and
        // the backups in it too.
        std::fs::set_permissions(dir_of(&db), std::fs::Permissions::from_mode(0o755)).unwrap();
        let old = newest(&db).unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();
        run(&store, &db, day(5), 2).unwrap();
        let mode = std::fs::metadata(dir_of(&db)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "0755 tightened");
        let mode = std::fs::metadata(&old).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "0644 tightened");
        assert!(
            run(&store, &db, day(4), 0).unwrap().is_none(),
            "0 turns them off"
        );
    }
}
