//! The screens' view at the last clean close (issue 23): the list's rows and Beranda's
//! counts as they were when the screens last closed a database nothing had changed in,
//! beside sled's files in [`VIEW_FILE`]. The next screens read it instead of every
//! summary, while sled opens, so Beranda and the list are filled in tens of milliseconds.
//!
//! It is a cache, never a record: it is used only when the database's files are exactly as
//! the close that wrote it left them (their fingerprint is the one [`super::STATE_FILE`]
//! calls sound, and the one written in the view), and when the reader's `key` (the
//! program's build, the day, the JP targets: whatever the counts depend on) is the writer's.
//! On any doubt it is not read, and the screens count afresh as before.
//!
//! Layout: `KNJVIEW1`, the files' fingerprint (u32 LE), the CRC-32 of the payload (u32 LE),
//! the key's length (u32 LE) and bytes, the payload's length (u64 LE) and bytes. A torn
//! or damaged file fails the lengths or the CRC. The payload is the app's to shape.

use super::files::PrivateFile;
use super::{State, files_fingerprint};
use std::path::Path;

/// The view's file name in the database directory (0600, like every file there). It
/// holds names, NIPs and ratings: personal data, in the same 0700 directory as the rest.
pub const VIEW_FILE: &str = "kinerja.view";

const MAGIC: &[u8; 8] = b"KNJVIEW1";

/// The largest view read: a view of 100,000 people is about 12 MB, so this is room for
/// two million; a larger file is not read (nor allocated for).
const MAX_BYTES: u64 = 256 << 20;

/// The fingerprint of the database's files at `path` when [`super::STATE_FILE`] calls them
/// sound (exactly as a clean close left them); `None` on any doubt. Take it before anything
/// opens the database: opening changes the files.
pub fn sound_fingerprint(path: &Path) -> Option<u32> {
    let now = files_fingerprint(path).ok()?;
    (State::read(path).sound == Some(now)).then_some(now)
}

/// The payload of the view at `path`, if it was written for files with `fingerprint` (see
/// [`sound_fingerprint`]) under the same `key`, and is whole. `None` otherwise: there is
/// none, it is stale, torn or from another build, or it is not a plain file (a pipe, a
/// device or a link to one would block the start or never end).
///
/// The header is read and checked first; the payload is read only when the header names
/// these files and this key, and only as many bytes as the file holds.
pub fn read_view(path: &Path, fingerprint: u32, key: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path.join(VIEW_FILE))
        .ok()?;
    let meta = file.metadata().ok()?;
    let len = meta.len();
    if !meta.is_file() || len > MAX_BYTES {
        return None;
    }
    // Never more than the file's length, even if it grows while it is read.
    let mut file = file.take(len);
    let mut head = [0u8; HEAD];
    file.read_exact(&mut head).ok()?;
    let (magic, rest) = head.split_at_checked(MAGIC.len())?;
    if magic != MAGIC {
        return None;
    }
    let (written_for, rest) = take_u32(rest)?;
    let (crc, rest) = take_u32(rest)?;
    let (key_len, _) = take_u32(rest)?;
    if written_for != fingerprint || usize::try_from(key_len).ok()? != key.len() {
        return None;
    }
    let mut written_key = vec![0u8; key.len()];
    file.read_exact(&mut written_key).ok()?;
    let mut payload_len = [0u8; 8];
    file.read_exact(&mut payload_len).ok()?;
    let payload_len = u64::from_le_bytes(payload_len);
    let header = (HEAD + key.len() + 8) as u64;
    if written_key != key || len.checked_sub(header) != Some(payload_len) {
        return None;
    }
    let mut payload = Vec::with_capacity(usize::try_from(payload_len).ok()?);
    file.read_to_end(&mut payload).ok()?;
    if payload.len() as u64 != payload_len || crc32fast::hash(&payload) != crc {
        return None;
    }
    Some(payload)
}

/// The fixed part of the header: magic, fingerprint, CRC, the key's length.
const HEAD: usize = MAGIC.len() + 12;

fn take_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (n, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*n), rest))
}

/// Writes the view for files with `fingerprint`, replacing any (a temporary file renamed
/// onto it, so a reader never sees half of one). Not synced to disk: a view lost in a
/// crash only means one slower start.
pub(super) fn write_view(
    path: &Path,
    fingerprint: u32,
    key: &[u8],
    payload: &[u8],
) -> std::io::Result<()> {
    use std::io::Write;
    let (handle, file) = PrivateFile::create(&path.join(VIEW_FILE))?;
    let mut out = std::io::BufWriter::new(file);
    out.write_all(MAGIC)?;
    out.write_all(&fingerprint.to_le_bytes())?;
    out.write_all(&crc32fast::hash(payload).to_le_bytes())?;
    let key_len = u32::try_from(key.len()).map_err(std::io::Error::other)?;
    out.write_all(&key_len.to_le_bytes())?;
    out.write_all(key)?;
    out.write_all(&(payload.len() as u64).to_le_bytes())?;
    out.write_all(payload)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    handle.commit_unsynced(file)
}

/// Keeps the view only when it was written for files with `fingerprint` (a close that
/// changed nothing, as a read-only command's); removes it otherwise, so that no stale view
/// waits for a fingerprint that happens to match.
pub(super) fn keep_if_current(path: &Path, fingerprint: u32) {
    use std::io::Read;
    let mut head = [0u8; 12];
    let current = std::fs::File::open(path.join(VIEW_FILE))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head[..8] == MAGIC[..] && head[8..12] == fingerprint.to_le_bytes()[..]);
    if !current {
        remove_view(path);
    }
}

/// Removes the view (the files changed or were not left sound): nothing stale stays.
pub(super) fn remove_view(path: &Path) {
    let _ = std::fs::remove_file(path.join(VIEW_FILE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_read_back_only_for_its_fingerprint_and_key_and_whole() {
        let dir = tempfile::tempdir().expect("dir");
        let payload = b"rows and counts".repeat(100);
        write_view(dir.path(), 7, b"build-1 2026-12-07", &payload).expect("write");
        assert_eq!(
            read_view(dir.path(), 7, b"build-1 2026-12-07").as_deref(),
            Some(&payload[..])
        );
        assert_eq!(
            read_view(dir.path(), 8, b"build-1 2026-12-07"),
            None,
            "other files"
        );
        assert_eq!(
            read_view(dir.path(), 7, b"build-1 2026-12-08"),
            None,
            "another day"
        );
        let file = dir.path().join(VIEW_FILE);
        let mut bytes = std::fs::read(&file).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(
            read_view(dir.path(), 7, b"build-1 2026-12-07"),
            None,
            "damaged"
        );
        bytes.truncate(bytes.len() - 10);
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(
            read_view(dir.path(), 7, b"build-1 2026-12-07"),
            None,
            "torn"
        );
        write_view(dir.path(), 7, b"k", b"p").expect("write");
        keep_if_current(dir.path(), 7);
        assert!(file.exists(), "written for these files: kept");
        keep_if_current(dir.path(), 8);
        assert!(!file.exists(), "the files changed: removed");
    }

    /// Only a plain file is read: a link (to another view, to /dev/zero, which would be
    /// read until memory ran out) or a pipe (which would block the start) is not.
    #[test]
    fn a_view_that_is_not_a_plain_file_is_not_read() {
        let dir = tempfile::tempdir().expect("dir");
        let elsewhere = tempfile::tempdir().expect("dir");
        write_view(elsewhere.path(), 7, b"k", b"p").expect("write");
        let file = dir.path().join(VIEW_FILE);
        std::os::unix::fs::symlink(elsewhere.path().join(VIEW_FILE), &file).expect("link");
        assert_eq!(read_view(dir.path(), 7, b"k"), None, "a link to a view");
        std::fs::remove_file(&file).expect("remove");
        let fifo = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: mkfifo reads the NUL-terminated path given.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0, "mkfifo");
        // A guard, not a measure: before, opening the pipe waited for a writer for ever.
        let (tx, rx) = std::sync::mpsc::channel();
        let at = dir.path().to_path_buf();
        std::thread::spawn(move || tx.send(read_view(&at, 7, b"k")));
        let read = rx.recv_timeout(std::time::Duration::from_secs(60));
        assert_eq!(read, Ok(None), "a pipe");
    }

    /// A header naming other files or another key is refused before the payload is read.
    #[test]
    fn a_header_for_other_files_is_refused_before_the_payload() {
        let dir = tempfile::tempdir().expect("dir");
        write_view(dir.path(), 7, b"key", b"payload").expect("write");
        let file = dir.path().join(VIEW_FILE);
        let mut bytes = std::fs::read(&file).expect("read");
        // The payload's length says more than the file holds.
        let at = HEAD + 3;
        bytes[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(
            read_view(dir.path(), 7, b"key"),
            None,
            "a length past the end"
        );
        assert_eq!(read_view(dir.path(), 7, b"kez"), None, "another key");
        assert_eq!(read_view(dir.path(), 7, b"keyy"), None, "a longer key");
    }

    #[test]
    fn the_view_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        write_view(dir.path(), 1, b"k", b"p").expect("write");
        let mode = std::fs::metadata(dir.path().join(VIEW_FILE))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
