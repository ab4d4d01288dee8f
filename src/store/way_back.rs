//! The way back from damaged files: the automatic backups kept beside a database (written
//! by `cli::autobackup`), the newest of them and the command that restores it. Every
//! message about damage names it (issue 24), on the command line and in the screens.

use crate::domain::text::shown_path;
use std::path::{Path, PathBuf};

/// The directory of a database's automatic backups: beside it, `NAME-backups`.
pub fn dir_of(db: &Path) -> PathBuf {
    let name = db.file_name().map_or_else(
        || "kinerja".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    db.with_file_name(format!("{name}-backups"))
}

/// The automatic backups of `db`, oldest first: by when they were written (a clock set
/// wrong on some day must not make an old backup look newest), then by name.
pub fn list(db: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir_of(db)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with("kinerja-") && n.ends_with(".bak"))
        })
        .collect();
    files.sort_by_key(|p| {
        let written = std::fs::metadata(p).and_then(|m| m.modified()).ok();
        (written, p.clone())
    });
    files
}

/// The newest automatic backup of `db`, if any.
pub fn newest(db: &Path) -> Option<PathBuf> {
    list(db).pop()
}

/// What a damage message tells the officer to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WayBack {
    /// The newest automatic backup, if there is one.
    pub newest: Option<PathBuf>,
    /// Where the automatic backups are kept.
    pub dir: PathBuf,
    /// A new directory beside the damaged one to restore into (none of that name yet).
    pub restored: PathBuf,
}

impl WayBack {
    /// The restore command, ready to paste into a shell (`BACKUP_FILE` when no automatic
    /// backup was found).
    pub fn command(&self) -> String {
        let file = self
            .newest
            .as_deref()
            .map_or_else(|| "BACKUP_FILE".to_string(), shell_word);
        format!("kinerja --db {} restore {file}", shell_word(&self.restored))
    }
}

impl std::fmt::Display for WayBack {
    /// The way back in English, for the command line (the screens say it in their
    /// language, `ui::errors`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.newest {
            Some(file) => write!(
                f,
                "The newest automatic backup is {}: restore it into a new directory with `{}`, then use --db {} (`kinerja backup --list` lists the others).",
                shown_path(file),
                self.command(),
                shown_path(&self.restored)
            ),
            None => write!(
                f,
                "No automatic backup was found in {}; restore a backup you made into a new directory: `{}`.",
                shown_path(&self.dir),
                self.command()
            ),
        }
    }
}

/// The way back for the database at `db`.
pub fn way_back(db: &Path) -> WayBack {
    // Beside the damaged directory, never inside it (`db` may end in a slash).
    let name = db
        .file_name()
        .map_or_else(|| "kinerja".into(), |n| n.to_string_lossy().into_owned());
    let restored = (1..)
        .map(|i| match i {
            1 => db.with_file_name(format!("{name}-restored")),
            i => db.with_file_name(format!("{name}-restored-{i}")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| db.with_file_name(format!("{name}-restored")));
    WayBack {
        newest: newest(db),
        dir: dir_of(db),
        restored,
    }
}

/// A path as one shell word: as it is when it holds only safe characters, else in single
/// quotes (a quote inside written `'\''`), with characters a terminal would act on shown
/// escaped.
fn shell_word(path: &Path) -> String {
    let text = path.to_string_lossy();
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        return text.into_owned();
    }
    let quoted: String = text
        .chars()
        .flat_map(|c| match c {
            '\'' => "'\\''".chars().collect::<Vec<_>>(),
            c if crate::domain::text::acts_on_terminal(c) => c.escape_default().collect(),
            c => vec![c],
        })
        .collect();
    format!("'{quoted}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_names_the_newest_backup_and_a_new_directory_beside() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        std::fs::create_dir_all(dir.path().join("db-backups")).unwrap();
        std::fs::write(dir.path().join("db-backups/kinerja-2026-11-01.bak"), b"x").unwrap();
        std::fs::create_dir_all(dir.path().join("db-restored")).unwrap();
        let w = way_back(&db);
        assert_eq!(
            w.newest,
            Some(dir.path().join("db-backups/kinerja-2026-11-01.bak"))
        );
        assert_eq!(w.restored, dir.path().join("db-restored-2"), "a free name");
        assert!(w.command().starts_with("kinerja --db "));
        assert!(w.command().ends_with("kinerja-2026-11-01.bak"));
    }

    #[test]
    fn a_crafted_backup_name_reaches_the_terminal_escaped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        std::fs::create_dir_all(dir.path().join("db-backups")).unwrap();
        let name = "kinerja-\u{1b}]0;x\u{7}\u{202e}.bak";
        std::fs::write(dir.path().join("db-backups").join(name), b"x").unwrap();
        let text = way_back(&db).to_string();
        assert!(text.contains("kinerja-"), "{text}");
        assert!(
            !text.chars().any(crate::domain::text::acts_on_terminal),
            "{text:?}"
        );
    }

    #[test]
    fn odd_paths_are_quoted_as_one_shell_word() {
        assert_eq!(shell_word(Path::new("/a/b-c.bak")), "/a/b-c.bak");
        assert_eq!(shell_word(Path::new("/a/my db")), "'/a/my db'");
        assert_eq!(shell_word(Path::new("/a/it's")), "'/a/it'\\''s'");
        assert_eq!(
            shell_word(Path::new("/a/\u{1b}]0;x\u{7}")),
            "'/a/\\u{1b}]0;x\\u{7}'"
        );
    }
}
