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
/// none, it is stale, torn or from another build.
pub fn read_view(path: &Path, fingerprint: u32, key: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path.join(VIEW_FILE)).ok()?;
    let len = file.metadata().ok()?.len();
    if len > MAX_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
    file.read_to_end(&mut bytes).ok()?;
    let (magic, rest) = bytes.split_at_checked(MAGIC.len())?;
    if magic != MAGIC {
        return None;
    }
    let (written_for, rest) = take_u32(rest)?;
    let (crc, rest) = take_u32(rest)?;
    let (key_len, rest) = take_u32(rest)?;
    let (written_key, rest) = rest.split_at_checked(usize::try_from(key_len).ok()?)?;
    let (payload_len, rest) = rest.split_first_chunk::<8>()?;
    let payload_len = usize::try_from(u64::from_le_bytes(*payload_len)).ok()?;
    if written_for != fingerprint || written_key != key || rest.len() != payload_len {
        return None;
    }
    if crc32fast::hash(rest) != crc {
        return None;
    }
    let start = bytes.len() - payload_len;
    bytes.drain(..start);
    Some(bytes)
}

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
