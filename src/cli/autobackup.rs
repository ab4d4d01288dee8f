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

#[cfg(test)]
mod tests {
    use super::*;

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
