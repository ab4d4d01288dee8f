//! An exclusive lock on the database directory, taken before sled opens it, so a second
//! process gets a clear "already open" error instead of sled's raw I/O message.

use super::StoreError;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::Path;

/// The lock file's name in the database directory.
pub const FILE_NAME: &str = "kinerja.lock";

pub struct LockFile {
    // Held for its lock: closing the file releases it.
    _file: File,
}

impl LockFile {
    pub fn acquire(dir: &Path) -> Result<LockFile, StoreError> {
        use std::os::unix::fs::OpenOptionsExt;
        let path = dir.join(FILE_NAME);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&path)
            .map_err(|source| StoreError::Open {
                path: path.clone(),
                source,
            })?;
        // A lock held for a moment is let go soon: a handle of this process closed just
        // now, or a child forked by this process between its fork and exec still shares
        // the descriptor. Try again for up to 1 s before saying another process has it.
        let mut tries = 0;
        let rc = loop {
            // SAFETY: flock on a file descriptor we own; no memory is shared with the call.
            let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
            let busy =
                rc != 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::WouldBlock;
            if !busy || tries >= 100 {
                break rc;
            }
            tries += 1;
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        if rc != 0 {
            let err = std::io::Error::last_os_error();
            return Err(if err.kind() == std::io::ErrorKind::WouldBlock {
                StoreError::Locked {
                    path: dir.to_path_buf(),
                }
            } else {
                StoreError::Open { path, source: err }
            });
        }
        Ok(LockFile { _file: file })
    }
}

/// Waits (up to 5 s) until no open file description holds a `flock` on `file`: sled takes
/// one on its data file and lets it go when its last handle's background work is done.
/// False if it is still held.
pub fn wait_released(file: &std::path::Path) -> bool {
    let Ok(f) = std::fs::OpenOptions::new().read(true).open(file) else {
        return true;
    };
    for _ in 0..500 {
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            // SAFETY: as above; releases what was just taken.
            unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_UN) };
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    false
}
