//! `kinerja backup FILE` and `kinerja restore FILE`.
//!
//! File layout: the magic line `kinerja-backup\n`, a format version byte, then for each
//! tree a `T` record (name length u8, name) followed by its entries as `E` records (key
//! length u32 BE, key, value length u32 BE, value), then `Z` and a CRC-32 (u32 BE) of every
//! byte before it. Restore verifies the checksum over the whole file before writing anything.

use super::check::{Facts, examine};
use super::files::PrivateFile;
use super::records::AuditAction;
use super::{Store, StoreError, keys};
use crate::domain::text::shown_path;
use std::collections::{BTreeSet, HashMap, HashSet};
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

fn io_err(path: &Path, action: &str) -> impl Fn(std::io::Error) -> StoreError {
    let p = path.display().to_string();
    let action = action.to_string();
    move |e| StoreError::Backup(format!("cannot {action} {p}: {e}"))
}

fn bad(path: &Path, why: &str) -> StoreError {
    StoreError::DamagedBackup(format!(
        "{} is not a usable kinerja backup: {why}",
        shown_path(path)
    ))
}

/// Trees whose content a restore rebuilds from the records instead of taking it from the
/// backup: the `staff_by_unit` index, the list summaries and the training counts.
const REBUILT: [&str; 3] = ["staff_by_unit", "staff_summary", "training_stats"];

/// How many problems a refused restore names.
const PROBLEMS_SHOWN: usize = 5;

/// A restore's first pass: every entry judged as `check` judges it (decoded under its own
/// key, ids inside it, then the references between trees), before anything is written.
#[derive(Default)]
struct Verifier {
    entries: u64,
    /// `tree/key: problem`, keys shown escaped.
    problems: Vec<String>,
    units: HashSet<String>,
    /// Each staff record's NIP (key) and unit.
    staff: HashMap<Vec<u8>, String>,
    competencies: HashSet<String>,
    audit: HashSet<Vec<u8>>,
    /// Groups that must belong to a staff record: (tree, key).
    groups: Vec<(&'static str, Vec<u8>)>,
    /// Requirements and partners, with the competencies they name.
    named: Vec<(&'static str, Vec<u8>, Vec<String>)>,
    /// `audit_by_record` keys, which must point to an audit entry.
    audit_refs: Vec<Vec<u8>>,
}

impl Verifier {
    fn problem(&mut self, tree: &str, key: &[u8], what: impl std::fmt::Display) {
        let what = what.to_string();
        let what = crate::domain::text::shown(&what);
        self.problems
            .push(format!("{tree}/{}: {what}", keys::show(key)));
    }

    /// One entry: refused at once for what no backup of a sound database holds (a newer
    /// schema, an unfinished job), else judged and remembered.
    fn entry(
        &mut self,
        file: &Path,
        tree: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), StoreError> {
        self.entries += 1;
        let Some(tree) = keys::TREES.iter().copied().find(|t| *t == tree) else {
            return Err(bad(file, &format!("unknown tree {tree:?}")));
        };
        match tree {
            "meta" if key == keys::SCHEMA_KEY => match <[u8; 4]>::try_from(value) {
                Ok(v) if u32::from_be_bytes(v) > super::SCHEMA_VERSION => {
                    return Err(StoreError::NewerSchema {
                        path: file.to_path_buf(),
                        found: u32::from_be_bytes(v),
                        known: super::SCHEMA_VERSION,
                    });
                }
                Ok(_) => {}
                Err(_) => self.problem(tree, key, "schema version is not 4 bytes"),
            },
            "meta" if key == keys::JOB_KEY => {
                return Err(bad(
                    file,
                    "it was made while a job was unfinished; make a new backup after the job ends",
                ));
            }
            "meta" if key == keys::HOST_KEY => {
                if let Some(problem) = super::host::host_key_problem(value) {
                    self.problem(tree, key, problem);
                }
            }
            // Markers of derived data, which the restore rebuilds and marks itself.
            "meta" => {}
            t if REBUILT.contains(&t) => {}
            "audit_by_record" => {
                if key.len() > 17 && key[key.len() - 17] == 0 {
                    self.audit_refs.push(key[key.len() - 16..].to_vec());
                } else {
                    self.problem(tree, key, "is not record, zero byte, audit key");
                }
            }
            tree => {
                let (facts, problems) = examine(tree, key, value);
                for p in problems {
                    self.problem(tree, key, p);
                }
                match facts {
                    Some(Facts::Unit(id)) => {
                        self.units.insert(id);
                    }
                    Some(Facts::Staff { unit }) => {
                        self.staff.insert(key.to_vec(), unit);
                    }
                    Some(Facts::Competency(id)) => {
                        self.competencies.insert(id);
                    }
                    Some(Facts::Requirement { competency }) => {
                        self.named.push((tree, key.to_vec(), vec![competency]));
                    }
                    Some(Facts::Partner { competencies }) => {
                        self.named.push((tree, key.to_vec(), competencies));
                    }
                    Some(Facts::Group(_)) => self.groups.push((tree, key.to_vec())),
                    Some(Facts::Plain) | None => {}
                }
                if tree == "audit" {
                    self.audit.insert(key.to_vec());
                }
            }
        }
        Ok(())
    }

    /// After the last entry: the references between trees, as `check` verifies them, and
    /// the staff there must be (unless an empty database is asked for). The refusal names
    /// the first problems.
    fn finish(mut self, file: &Path, allow_empty: bool) -> Result<u64, StoreError> {
        let staff = std::mem::take(&mut self.staff);
        for (nip, unit) in &staff {
            if !self.units.contains(unit) {
                self.problem(
                    "staff",
                    nip,
                    format!("names unit {unit:?}, which does not exist"),
                );
            }
        }
        for (tree, key) in std::mem::take(&mut self.groups) {
            if !staff.contains_key(&key) {
                self.problem(tree, &key, "belongs to no staff record");
            }
        }
        for (tree, key, named) in std::mem::take(&mut self.named) {
            if let Some(c) = named.iter().find(|c| !self.competencies.contains(*c)) {
                let what = format!("names competency {c:?}, which does not exist");
                self.problem(tree, &key, what);
            }
        }
        for audit_key in std::mem::take(&mut self.audit_refs) {
            if !self.audit.contains(&audit_key) {
                self.problem("audit_by_record", &audit_key, "points to no audit entry");
            }
        }
        if let Some(first) = self.problems.first() {
            let more = match self.problems.len() {
                1 => String::new(),
                n => format!(
                    "; and {} more: {}",
                    n - 1,
                    self.problems[1..self.problems.len().min(PROBLEMS_SHOWN)].join("; ")
                ),
            };
            return Err(bad(
                file,
                &format!("entry {first}{more}; nothing was restored"),
            ));
        }
        if staff.is_empty() && !allow_empty {
            return Err(bad(
                file,
                "it holds no staff records (no staff tree, or an empty one), so it would restore as an empty database; nothing was restored (if that is what you want, add --allow-empty)",
            ));
        }
        Ok(self.entries)
    }
}

impl Store {
    /// Writes every tree to `file` (mode 0600), through a temporary file renamed into place,
    /// so a failed backup never leaves a half file under the name. Refuses to overwrite.
    /// Consistent while others write (`serve`'s sessions): every transaction lands wholly
    /// before or wholly after it, as writes wait for the backup's read to end.
    pub fn backup(&self, file: &Path) -> Result<BackupStats, StoreError> {
        if file.exists() {
            return Err(StoreError::Backup(format!(
                "{} already exists; kinerja never overwrites a backup, so remove it or choose another name",
                file.display()
            )));
        }
        let (handle, out) = PrivateFile::create(file).map_err(io_err(file, "create"))?;
        let no_writes = self.no_writes();
        let written = self.write_backup(out, file);
        drop(no_writes);
        let (stats, out) = written?;
        handle.commit(out).map_err(io_err(file, "write"))?;
        Ok(stats)
    }

    fn write_backup(&self, out: File, path: &Path) -> Result<(BackupStats, File), StoreError> {
        let werr = io_err(path, "write");
        let mut w = super::view_file::Tally {
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
    /// over the whole file first, then every entry as `check` would judge it; nothing is
    /// written from a damaged backup, nor from one without staff unless `allow_empty`.
    /// The `staff_by_unit` index, the summaries and the training counts are rebuilt from
    /// the records, whatever the backup held for them.
    pub fn restore(
        &self,
        file: &Path,
        actor: &str,
        allow_empty: bool,
    ) -> Result<BackupStats, StoreError> {
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
        let mut verifier = Verifier::default();
        for_each_entry(file, &mut |tree, key, value| {
            verifier.entry(file, tree, key, value)
        })?;
        let index: Vec<(Vec<u8>, String)> = verifier
            .staff
            .iter()
            .map(|(nip, unit)| (nip.clone(), unit.clone()))
            .collect();
        stats.entries = verifier.finish(file, allow_empty)?;
        // Then written, marked in `meta` as a job so a restore cut short is never taken for
        // a sound database at the next open.
        self.job_started(
            AuditAction::Restore,
            actor,
            &format!("from {}", shown_path(file)),
        )?;
        let mut current: Option<(String, super::Tree)> = None;
        let mut batch = sled::Batch::default();
        let mut pending = 0usize;
        let mut trees = BTreeSet::new();
        for_each_entry(file, &mut |tree, key, value| {
            if REBUILT.contains(&tree) {
                return Ok(());
            }
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
        // The index from the staff records (the check above found each one's unit).
        for chunk in index.chunks(super::bulk::CHUNK) {
            let mut batch = sled::Batch::default();
            for (nip, unit) in chunk {
                let nip = String::from_utf8_lossy(nip);
                batch.insert(keys::staff_by_unit(unit, &nip), &[][..]);
            }
            self.staff_by_unit.apply_batch(batch)?;
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
