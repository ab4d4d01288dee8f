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
use std::io::{Read, Write};
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

/// What a view's payload is written by: a writer of its bytes, called once at the close
/// with the file (buffered), so the payload is never held whole in memory.
pub type Payload = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()>>;

/// Reads the view at `path` with `decode`, if it was written for files with `fingerprint`
/// (see [`sound_fingerprint`]) under the same `key`, and is whole. `None` otherwise: there
/// is none, it is stale, torn or from another build, it is not a plain file (a pipe, a
/// device or a link to one would block the start or never end), or `decode` refused it.
///
/// The header is read and checked first; the payload only when the header names these
/// files and this key, and only as many bytes as the file holds. `decode` gets the payload
/// as a buffered reader with its length, and builds what it holds as the bytes come (no
/// copy of the whole is made); what it returns is given back only when it read the payload
/// to its end and the payload's CRC is the one written, so a damaged view is never used.
pub fn read_view<T>(
    path: &Path,
    fingerprint: u32,
    key: &[u8],
    decode: impl FnOnce(&mut ViewReader, u64) -> Option<T>,
) -> Option<T> {
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
    let mut payload = std::io::BufReader::with_capacity(
        BUFFER,
        Tally {
            inner: file,
            crc: crc32fast::Hasher::new(),
            bytes: 0,
        },
    );
    let value = decode(&mut payload, payload_len)?;
    // Every byte was taken, and they are the ones written.
    let mut more = [0u8; 1];
    if payload.read(&mut more).ok()? != 0 {
        return None;
    }
    let tally = payload.into_inner();
    (tally.bytes == payload_len && tally.crc.finalize() == crc).then_some(value)
}

/// The buffer between the view file and its encoder or decoder.
const BUFFER: usize = 64 << 10;

/// A view's payload as its decoder reads it (see [`read_view`]).
pub type ViewReader = std::io::BufReader<Tally<std::io::Take<std::fs::File>>>;

/// A reader or writer that counts its bytes and their CRC-32 as they pass, in the large
/// pieces a buffer above it moves (also the backup file's writer, `backup.rs`).
pub struct Tally<T> {
    pub(super) inner: T,
    pub(super) crc: crc32fast::Hasher,
    pub(super) bytes: u64,
}

impl<R: Read> Read for Tally<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.crc.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

impl<W: Write> Write for Tally<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The fixed part of the header: magic, fingerprint, CRC, the key's length.
const HEAD: usize = MAGIC.len() + 12;

fn take_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (n, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*n), rest))
}

/// Writes the view for files with `fingerprint`, replacing any (a temporary file renamed
/// onto it, so a reader never sees half of one): the header, then what `payload` writes,
/// then the payload's CRC and length in the header's places. Not synced to disk: a view
/// lost in a crash only means one slower start.
pub(super) fn write_view(
    path: &Path,
    fingerprint: u32,
    key: &[u8],
    payload: Payload,
) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    let (handle, mut file) = PrivateFile::create(&path.join(VIEW_FILE))?;
    let key_len = u32::try_from(key.len()).map_err(std::io::Error::other)?;
    let mut head = Vec::with_capacity(HEAD + key.len() + 8);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&fingerprint.to_le_bytes());
    // The CRC and the payload's length, written once the payload is.
    head.extend_from_slice(&[0; 4]);
    head.extend_from_slice(&key_len.to_le_bytes());
    head.extend_from_slice(key);
    head.extend_from_slice(&[0; 8]);
    file.write_all(&head)?;
    let mut out = std::io::BufWriter::with_capacity(
        BUFFER,
        Tally {
            inner: file,
            crc: crc32fast::Hasher::new(),
            bytes: 0,
        },
    );
    payload(&mut out)?;
    let Tally {
        inner: mut file,
        crc,
        bytes,
    } = out.into_inner().map_err(|e| e.into_error())?;
    file.seek(SeekFrom::Start(MAGIC.len() as u64 + 4))?;
    file.write_all(&crc.finalize().to_le_bytes())?;
    file.seek(SeekFrom::Start((HEAD + key.len()) as u64))?;
    file.write_all(&bytes.to_le_bytes())?;
    handle.commit_unsynced(file)
}

/// Keeps the view only when it was written for files with `fingerprint` (a close that
/// changed nothing, as a read-only command's); removes it otherwise, so that no stale view
/// waits for a fingerprint that happens to match.
pub(super) fn keep_if_current(path: &Path, fingerprint: u32) {
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

    /// Writes `payload` as a view's.
    fn write_view(
        path: &Path,
        fingerprint: u32,
        key: &[u8],
        payload: &[u8],
    ) -> std::io::Result<()> {
        let payload = payload.to_vec();
        super::write_view(
            path,
            fingerprint,
            key,
            Box::new(move |w| w.write_all(&payload)),
        )
    }

    /// A view's payload, read whole.
    fn read_view(path: &Path, fingerprint: u32, key: &[u8]) -> Option<Vec<u8>> {
        super::read_view(path, fingerprint, key, |r, len| {
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes).ok()?;
            (bytes.len() as u64 == len).then_some(bytes)
        })
    }

    /// What a decoder makes of a payload counts only when it read every byte, and the
    /// bytes are the ones written (the CRC is checked after the decode, which reads as it
    /// goes).
    #[test]
    fn a_decode_counts_only_for_the_whole_payload_as_written() {
        let dir = tempfile::tempdir().expect("dir");
        let payload = b"rows and counts".repeat(10_000);
        write_view(dir.path(), 7, b"k", &payload).expect("write");
        let first = |r: &mut ViewReader, _| {
            let mut part = [0u8; 15];
            r.read_exact(&mut part).ok()?;
            Some(part)
        };
        assert_eq!(
            super::read_view(dir.path(), 7, b"k", first),
            None,
            "a decode that stops before the end"
        );
        assert_eq!(
            super::read_view(dir.path(), 7, b"k", |_, _| None::<()>),
            None,
            "a decode that refuses"
        );
        assert_eq!(read_view(dir.path(), 7, b"k"), Some(payload.clone()));
        // One byte changed in the middle: the decode reads it, the CRC refuses it.
        let file = dir.path().join(VIEW_FILE);
        let mut bytes = std::fs::read(&file).expect("read");
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x20;
        std::fs::write(&file, &bytes).expect("write");
        assert_eq!(
            read_view(dir.path(), 7, b"k"),
            None,
            "damaged in the middle"
        );
    }

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
