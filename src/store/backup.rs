//! `kinerja backup FILE` and `kinerja restore FILE`.
//!
//! File layout: the magic line `kinerja-backup\n`, a format version byte, then for each
//! tree a `T` record (name length u8, name) followed by its entries as `E` records (key
//! length u32 BE, key, value length u32 BE, value), then `Z` and a CRC-32 (u32 BE) of every
//! byte before it. Restore verifies the checksum over the whole file before writing anything.

use super::files::PrivateFile;
use super::records::{self, AuditAction};
use super::{Store, StoreError, keys};
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

const MAGIC: &[u8] = b"kinerja-backup\n";
const FORMAT: u8 = 1;

/// What a backup or restore moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackupStats {
    pub trees: usize,
    pub entries: u64,
    pub bytes: u64,
}

struct CrcWriter<W: Write> {
    inner: W,
    crc: crc32fast::Hasher,
    bytes: u64,
}

impl<W: Write> Write for CrcWriter<W> {
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

fn io_err(path: &Path, action: &str) -> impl Fn(std::io::Error) -> StoreError {
    let p = path.display().to_string();
    let action = action.to_string();
    move |e| StoreError::Backup(format!("cannot {action} {p}: {e}"))
}

fn bad(path: &Path, why: &str) -> StoreError {
    StoreError::DamagedBackup(format!(
        "{} is not a usable kinerja backup: {why}",
        path.display()
    ))
}

impl Store {
    /// Writes every tree to `file` (mode 0600), through a temporary file renamed into place,
    /// so a failed backup never leaves a half file under the name. Refuses to overwrite.
    pub fn backup(&self, file: &Path) -> Result<BackupStats, StoreError> {
        if file.exists() {
            return Err(StoreError::Backup(format!(
                "{} already exists; kinerja never overwrites a backup, so remove it or choose another name",
                file.display()
            )));
        }
        let (handle, out) = PrivateFile::create(file).map_err(io_err(file, "create"))?;
        let (stats, out) = self.write_backup(out, file)?;
        handle.commit(out).map_err(io_err(file, "write"))?;
        Ok(stats)
    }

    fn write_backup(&self, out: File, path: &Path) -> Result<(BackupStats, File), StoreError> {
        let werr = io_err(path, "write");
        let mut w = CrcWriter {
            inner: BufWriter::new(out),
            crc: crc32fast::Hasher::new(),
            bytes: 0,
        };
        let mut stats = BackupStats::default();
        w.write_all(MAGIC).map_err(&werr)?;
        w.write_all(&[FORMAT]).map_err(&werr)?;
        for name in keys::TREES {
            let tree = self.tree(name)?;
            w.write_all(&[b'T', name.len() as u8]).map_err(&werr)?;
            w.write_all(name.as_bytes()).map_err(&werr)?;
            for item in tree.iter() {
                let (k, v) = item?;
                w.write_all(b"E").map_err(&werr)?;
                w.write_all(&(k.len() as u32).to_be_bytes())
                    .map_err(&werr)?;
                w.write_all(&k).map_err(&werr)?;
                w.write_all(&(v.len() as u32).to_be_bytes())
                    .map_err(&werr)?;
                w.write_all(&v).map_err(&werr)?;
                stats.entries += 1;
            }
            stats.trees += 1;
        }
        w.write_all(b"Z").map_err(&werr)?;
        let crc = w.crc.clone().finalize();
        let bytes = w.bytes + 4;
        let mut inner = w.inner.into_inner().map_err(|e| werr(e.into_error()))?;
        inner.write_all(&crc.to_be_bytes()).map_err(&werr)?;
        stats.bytes = bytes;
        Ok((stats, inner))
    }

    /// Restores `file` into this database, which must be empty. The checksum is verified
    /// over the whole file first; nothing is written from a damaged backup.
    pub fn restore(&self, file: &Path, actor: &str) -> Result<BackupStats, StoreError> {
        let has_audit = !self.audit.is_empty();
        if !self.is_empty() || has_audit {
            return Err(StoreError::Backup(format!(
                "the database at {} is not empty; restore only into a new database (--db NEW_PATH)",
                self.path.display()
            )));
        }
        verify_checksum(file)?;
        // First every entry is read and checked, writing nothing: a backup refused for
        // anything in it leaves the database as it was.
        let mut stats = BackupStats::default();
        for_each_entry(file, &mut |tree, key, value| {
            check_entry(file, tree, key, value)?;
            stats.entries += 1;
            Ok(())
        })?;
        // Then written, marked in `meta` as a job so a restore cut short is never taken for
        // a sound database at the next open.
        self.job_started(
            AuditAction::Restore,
            actor,
            &format!("from {}", file.display()),
        )?;
        let mut current: Option<(String, super::Tree)> = None;
        let mut batch = sled::Batch::default();
        let mut pending = 0usize;
        let mut trees = BTreeSet::new();
        for_each_entry(file, &mut |tree, key, value| {
            if current.as_ref().is_none_or(|(name, _)| name != tree) {
                if let Some((_, t)) = &current {
                    t.apply_batch(std::mem::take(&mut batch))?;
                    pending = 0;
                }
                current = Some((tree.to_string(), self.tree(tree)?));
                trees.insert(tree.to_string());
            }
            batch.insert(key, value);
            pending += 1;
            if pending >= super::bulk::CHUNK
                && let Some((_, t)) = &current
            {
                t.apply_batch(std::mem::take(&mut batch))?;
                pending = 0;
            }
            Ok(())
        })?;
        if let Some((_, t)) = &current {
            t.apply_batch(std::mem::take(&mut batch))?;
        }
        stats.trees = trees.len();
        let rerr = io_err(file, "read");
        stats.bytes = std::fs::metadata(file).map_err(&rerr)?.len();
        // Summaries are derived: rebuild them, whatever the backup held.
        self.summaries_dirty()?;
        self.ensure_summaries()?;
        self.rebuild_stats()?;
        self.audit_run(
            actor,
            AuditAction::Restore,
            &format!("{} entries from a backup", stats.entries),
        )?;
        self.job_finished()?;
        Ok(stats)
    }
}

/// What [`for_each_entry`] calls for each entry: (tree, key, value).
type EntryFn<'a> = dyn FnMut(&str, &[u8], &[u8]) -> Result<(), StoreError> + 'a;

/// Reads the entries of a backup file in order, calling `each(tree, key, value)`; stops
/// at the end marker, or at the first fault (of the file, or returned by `each`).
fn for_each_entry(file: &Path, each: &mut EntryFn) -> Result<(), StoreError> {
    let rerr = io_err(file, "read");
    let mut r = BufReader::new(File::open(file).map_err(&rerr)?);
    let mut magic = vec![0u8; MAGIC.len() + 1];
    r.read_exact(&mut magic).map_err(&rerr)?;
    if &magic[..MAGIC.len()] != MAGIC || magic[MAGIC.len()] != FORMAT {
        return Err(bad(file, "unknown header or format version"));
    }
    let mut tree: Option<String> = None;
    loop {
        let mut tag = [0u8; 1];
        r.read_exact(&mut tag).map_err(&rerr)?;
        match tag[0] {
            b'Z' => return Ok(()),
            b'T' => {
                let mut len = [0u8; 1];
                r.read_exact(&mut len).map_err(&rerr)?;
                let mut name = vec![0u8; usize::from(len[0])];
                r.read_exact(&mut name).map_err(&rerr)?;
                let name =
                    String::from_utf8(name).map_err(|_| bad(file, "a tree name is not text"))?;
                if !keys::TREES.contains(&name.as_str()) {
                    return Err(bad(
                        file,
                        &format!("unknown tree {name:?} (made by a newer kinerja?)"),
                    ));
                }
                tree = Some(name);
            }
            b'E' => {
                let Some(t) = &tree else {
                    return Err(bad(file, "an entry before any tree"));
                };
                let key = read_chunk(&mut r, file)?;
                let value = read_chunk(&mut r, file)?;
                each(t, &key, &value)?;
            }
            _ => return Err(bad(file, "unknown record tag")),
        }
    }
}

/// Whether a backup entry can go into the database: the schema is one this kinerja knows,
/// and a record decodes (under its own key) as the store would read it.
fn check_entry(file: &Path, tree: &str, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
    let name = String::from_utf8_lossy(key).into_owned();
    let undecodable = |e: super::codec::DecodeError| {
        bad(
            file,
            &format!("entry {tree}/{name} cannot be read ({e}); nothing was restored"),
        )
    };
    match tree {
        "meta" if key == keys::SCHEMA_KEY => {
            let found = <[u8; 4]>::try_from(value)
                .map(u32::from_be_bytes)
                .unwrap_or(u32::MAX);
            if found > super::SCHEMA_VERSION {
                return Err(StoreError::NewerSchema {
                    path: file.to_path_buf(),
                    found,
                    known: super::SCHEMA_VERSION,
                });
            }
        }
        "meta" if key == keys::JOB_KEY => {
            return Err(bad(
                file,
                "it was made while a job was unfinished; make a new backup after the job ends",
            ));
        }
        "staff" => {
            let s = records::decode_staff(value).map_err(undecodable)?;
            if s.nip.as_str().as_bytes() != key {
                return Err(bad(file, &format!("entry staff/{name} holds another NIP")));
            }
        }
        "units" => {
            records::decode_unit(value).map_err(undecodable)?;
        }
        "partners" => {
            records::decode_partner(value).map_err(undecodable)?;
        }
        "competencies" => {
            let c = records::decode_competency(value).map_err(undecodable)?;
            if c.id.as_bytes() != key {
                return Err(bad(
                    file,
                    &format!("entry competencies/{name} holds another id"),
                ));
            }
        }
        "requirements" => {
            let r = records::decode_requirement(value).map_err(undecodable)?;
            if r.key().as_bytes() != key {
                return Err(bad(
                    file,
                    &format!("entry requirements/{name} holds another key"),
                ));
            }
        }
        "evaluations" => {
            records::decode_evaluations(value).map_err(undecodable)?;
        }
        "trainings" => {
            records::decode_trainings(value).map_err(undecodable)?;
        }
        "coaching" => {
            records::decode_coaching(value).map_err(undecodable)?;
        }
        "skp" => {
            records::decode_skp(value).map_err(undecodable)?;
        }
        "audit" => {
            records::decode_audit(value).map_err(undecodable)?;
        }
        "drafts" => {
            records::decode_draft(value).map_err(undecodable)?;
        }
        // Indexes, summaries and counts are rebuilt or checked after the restore.
        _ => {}
    }
    Ok(())
}

fn read_chunk(r: &mut impl Read, file: &Path) -> Result<Vec<u8>, StoreError> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).map_err(io_err(file, "read"))?;
    let len = u32::from_be_bytes(len) as usize;
    if len > super::codec::DECODE_LIMIT + 1 {
        return Err(bad(file, "an entry is larger than any record"));
    }
    let mut buf = vec![0u8; len];
    r.read_exact(&mut buf).map_err(io_err(file, "read"))?;
    Ok(buf)
}

/// Checks the CRC-32 trailer against the rest of the file.
fn verify_checksum(file: &Path) -> Result<(), StoreError> {
    let rerr = io_err(file, "read");
    let len = std::fs::metadata(file).map_err(&rerr)?.len();
    if len < (MAGIC.len() + 1 + 1 + 4) as u64 {
        return Err(bad(file, "it is too short"));
    }
    let mut r = BufReader::new(File::open(file).map_err(&rerr)?);
    let mut crc = crc32fast::Hasher::new();
    let mut left = len - 4;
    let mut buf = vec![0u8; 64 * 1024];
    while left > 0 {
        let n = buf.len().min(left as usize);
        r.read_exact(&mut buf[..n]).map_err(&rerr)?;
        crc.update(&buf[..n]);
        left -= n as u64;
    }
    let mut stored = [0u8; 4];
    r.read_exact(&mut stored).map_err(&rerr)?;
    if crc.finalize() != u32::from_be_bytes(stored) {
        return Err(bad(
            file,
            "its checksum does not match (the file is damaged or incomplete)",
        ));
    }
    Ok(())
}
