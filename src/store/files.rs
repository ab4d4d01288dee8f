//! Writing a file that holds personal data: created private (0600) under a fresh temporary
//! name beside the target, synced, then renamed into place, so the target is either the
//! old file or the complete new one, and no other file is ever touched.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The temporary file's name and the target; dropping it uncommitted removes the file.
pub struct PrivateFile {
    temp: PathBuf,
    target: PathBuf,
}

impl PrivateFile {
    /// Creates the temporary file and returns it open for writing. Nothing appears under
    /// `target` until [`Self::commit`].
    pub fn create(target: &Path) -> io::Result<(PrivateFile, File)> {
        use std::os::unix::fs::OpenOptionsExt;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "kinerja".into());
        remove_abandoned(&dir, &name);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let temp = dir.join(format!(".{name}.{}.{n}.partial", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&temp)
            {
                Ok(file) => {
                    let handle = PrivateFile {
                        temp,
                        target: target.to_path_buf(),
                    };
                    return Ok((handle, file));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Renames `file` (the one `create` returned) onto the target without syncing it
    /// first: for a cache, which a crash may lose or tear (its reader must tell).
    pub fn commit_unsynced(mut self, file: File) -> io::Result<()> {
        drop(file);
        std::fs::rename(&self.temp, &self.target)?;
        self.temp = PathBuf::new();
        Ok(())
    }

    /// Syncs `file` (the one `create` returned) and renames it onto the target.
    pub fn commit(mut self, file: File) -> io::Result<()> {
        file.sync_all()?;
        drop(file);
        std::fs::rename(&self.temp, &self.target)?;
        self.temp = PathBuf::new();
        Ok(())
    }
}

/// Removes temporary files of earlier writes of `name` in `dir` whose process is gone (a
/// killed backup or export): `.NAME.PID.N.partial` with no process PID.
fn remove_abandoned(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".partial"))
        else {
            continue;
        };
        let Some(pid) = rest.split('.').next().and_then(|p| p.parse::<i32>().ok()) else {
            continue;
        };
        if pid > 0 && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

impl PrivateFile {
    /// Like [`Self::commit`], but never replaces anything: the file appears under the target
    /// only if no file (nor symlink) has that name, atomically (a hard link, then the
    /// temporary name is removed). `AlreadyExists` otherwise, with the temporary removed.
    pub fn commit_new(mut self, file: File) -> io::Result<()> {
        file.sync_all()?;
        drop(file);
        match std::fs::hard_link(&self.temp, &self.target) {
            Ok(()) => {}
            // File systems without hard links (FAT and exFAT on USB sticks, some network
            // shares): an exclusive create of the target, which also never replaces a file
            // or follows a symlink, then a copy.
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                use std::os::unix::fs::OpenOptionsExt;
                let mut out = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&self.target)?;
                let copied = std::fs::File::open(&self.temp)
                    .and_then(|mut src| io::copy(&mut src, &mut out))
                    .and_then(|_| out.sync_all());
                if let Err(e) = copied {
                    let _ = std::fs::remove_file(&self.target);
                    return Err(e);
                }
            }
            Err(e) => return Err(e),
        }
        let _ = std::fs::remove_file(&self.temp);
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Drop for PrivateFile {
    /// An uncommitted file is removed: a failed write leaves nothing behind.
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_committed_file_is_private_and_complete() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(dir.path().join("out.partial"), "not ours").unwrap();
        let (handle, mut f) = PrivateFile::create(&target).unwrap();
        f.write_all(b"nip\n").unwrap();
        handle.commit(f).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"nip\n");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(
            std::fs::read(dir.path().join("out.partial")).unwrap(),
            b"not ours"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn commit_new_never_replaces_a_file_or_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("laporan.csv");
        std::fs::write(&target, "the officer's own file").unwrap();
        let (handle, mut f) = PrivateFile::create(&target).unwrap();
        f.write_all(b"report").unwrap();
        let err = handle.commit_new(f).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&target).unwrap(), b"the officer's own file");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "untouched").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let (handle, mut f) = PrivateFile::create(&link).unwrap();
        f.write_all(b"report").unwrap();
        assert!(handle.commit_new(f).is_err());
        assert_eq!(std::fs::read(&elsewhere).unwrap(), b"untouched");
        // Only the three files of the test: no temporary left.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn a_partial_file_of_a_killed_process_is_removed_at_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("kinerja.bak");
        // A pid far above any the kernel hands out, and our own (alive: kept).
        let dead = dir.path().join(".kinerja.bak.2147483646.0.partial");
        let alive = dir
            .path()
            .join(format!(".kinerja.bak.{}.99.partial", std::process::id()));
        std::fs::write(&dead, "half a backup").unwrap();
        std::fs::write(&alive, "being written").unwrap();
        let (handle, mut f) = PrivateFile::create(&target).unwrap();
        f.write_all(b"backup").unwrap();
        handle.commit(f).unwrap();
        assert!(!dead.exists());
        assert!(alive.exists());
    }

    #[test]
    fn an_abandoned_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (handle, f) = PrivateFile::create(&dir.path().join("x.bak")).unwrap();
        drop(f);
        drop(handle);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
