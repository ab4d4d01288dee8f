//! The one-page profile: opening it from a record and writing it as Markdown (`x`).

use super::*;
use crate::views::profile::Profile;

impl App {
    /// The profile of `nip`, read afresh from the store, over the record.
    pub(super) fn open_profile(&mut self, nip: &str) -> bool {
        match Profile::build(&self.store, nip, self.opts.today, &self.opts.jp) {
            Ok(Some(p)) => {
                self.push(Screen::Profile(Box::new(ProfileScreen::new(p))));
                true
            }
            Ok(None) => true,
            Err(e) => self.fail(e),
        }
    }

    /// Writes the profile of `nip` as Markdown into the export directory and says where.
    /// An existing file (or symlink) is never replaced: the name gets a number instead
    /// (`profil-NIP-2.md`), as Laporan's CSV does.
    pub(super) fn export_profile(&mut self, nip: &str) -> bool {
        let profile = match Profile::build(&self.store, nip, self.opts.today, &self.opts.jp) {
            Ok(Some(p)) => p,
            Ok(None) => return true,
            Err(e) => return self.fail(e),
        };
        let text = profile.markdown(self.ui.lang);
        self.status = Some(
            match write_new_numbered(&self.opts.export_dir, &format!("profil-{nip}"), "md", &text) {
                Ok(path) => (
                    format!("{} {}", self.ui.t(T::WrittenTo), path.display()),
                    false,
                ),
                Err(e) => (e, true),
            },
        );
        true
    }
}

/// Writes `text` to `dir/STEM.EXT` (0600, synced), or to `STEM-2.EXT`, `STEM-3.EXT`, ...
/// when that name is taken: never replacing a file, never following a symlink. The path
/// written, or what went wrong with which file.
pub(super) fn write_new_numbered(
    dir: &std::path::Path,
    stem: &str,
    ext: &str,
    text: &str,
) -> Result<std::path::PathBuf, String> {
    use std::io::Write;
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        let (handle, mut file) = crate::store::files::PrivateFile::create(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        file.write_all(text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        match handle.commit_new(file) {
            Ok(()) => return Ok(path),
            // Taken meanwhile: the next number.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Err(format!("{}: {stem}-*.{ext}", dir.display()))
}
