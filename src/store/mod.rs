//! The only code that touches sled and bincode: trees, keys, the record codec, transactions.

mod audit_fields;
mod audit_read;
pub mod backup;
pub mod bulk;
pub mod check;
pub mod codec;
pub mod compact;
pub mod diff;
mod error;
pub mod files;
pub mod host;
pub mod keys;
mod lock;
mod officers;
pub use officers::{KeyFileError, fingerprint as officer_fingerprint, key_identity, parse_keys};
pub mod records;
pub mod stats;
mod summary;
mod tree;
pub mod view_file;
pub mod way_back;
mod write;

use tree::Tree;

pub use error::StoreError;
pub use records::{
    AuditAction, AuditEntry, CoachingGroup, Draft, EvaluationGroup, Partner, SkpGroup,
    TrainingGroup,
};

use crate::domain::{Coaching, Evaluation, Staff, Training, Unit};
use codec::DecodeError;
use std::path::{Path, PathBuf};

/// The schema this program writes; a database with a newer one is refused. 2: staff
/// and training records may be V2 (the SIASN education levels, the training kinds grouped
/// by category), which an older kinerja cannot
/// read, so it refuses the whole database up front instead of failing on single records.
/// 3: partner records may be V2 (agreements, contact, competencies; issue 13).
/// 4: career histories (tree `career`, issue 21), which an older kinerja would leave behind
/// when it changes a staff record, and units with their former heads (`UnitV3`).
pub const SCHEMA_VERSION: u32 = 4;

/// sled's page cache: small, for old PCs and thin clients.
pub const DEFAULT_CACHE_BYTES: u64 = 32 * 1024 * 1024;

/// The open database. One per process (sled's rule); a second open of the same path fails
/// with [`StoreError::Locked`].
/// A handle on the database. Cloning shares it (sled's trees are shared handles): `serve`
/// gives every session a clone; the lock is released when the last clone is dropped.
#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    path: PathBuf,
    staff: Tree,
    units: Tree,
    evaluations: Tree,
    trainings: Tree,
    potentials: Tree,
    /// Coaching records (pembinaan kinerja), grouped per person like evaluations.
    coaching: Tree,
    /// SKPs (plans, realisations, evidence, feedback), grouped per person like evaluations.
    skp: Tree,
    /// PPPK contracts (perjanjian kerja), per person; only PPPK with a contract have a key.
    contracts: Tree,
    /// Career histories (riwayat pangkat, jabatan, unit; issue 21), one value per person
    /// who has one stored; the others have the one their staff record implies.
    career: Tree,
    partners: Tree,
    /// The competency catalogue (AKPK), keyed by competency id.
    competencies: Tree,
    /// Which positions need which competencies, keyed by `Requirement::key`.
    requirements: Tree,
    audit: Tree,
    audit_by_record: Tree,
    staff_by_unit: Tree,
    staff_summary: Tree,
    /// The staff count at open and the newest audit key then: while that key is still the
    /// newest, nothing was written and the count holds (see `staff_count`).
    counted: Option<(usize, Option<Vec<u8>>)>,
    drafts: Tree,
    training_stats: Tree,
    meta: Tree,
    _lock: std::sync::Arc<lock::LockFile>,
    /// Writes hold it shared for their transaction; a backup holds it alone, so that a
    /// backup taken while `serve` works is one consistent state (issue 22).
    writes: std::sync::Arc<std::sync::RwLock<()>>,
    /// Lines about what opening did (see [`Store::open_notes`]).
    notes: Vec<String>,
    /// Whether the data is known sound: its files are as a clean close left them after a
    /// sound `check` (or they were new), or `check` found nothing in this process. Shared
    /// by the clones; see [`Store::known_sound`].
    sound: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// How many audited writes this process made (every save, event and bulk run): a
    /// session tells from it whether it changed anything, whatever the clock did to the
    /// audit keys (see [`Store::audited_writes`]). Shared by the clones.
    audited: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// How many records of each kind the database holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub staff: usize,
    pub units: usize,
    pub partners: usize,
    pub evaluations: usize,
    pub trainings: usize,
    pub coaching: usize,
    /// SKPs (one per person and period of work).
    pub skp: usize,
    /// PPPK contracts.
    pub contracts: usize,
    /// Potensial entries (one per person and year).
    pub potentials: usize,
    /// Stored career entries (people without a stored history are not counted).
    pub career: usize,
    pub audit: usize,
    pub competencies: usize,
    pub requirements: usize,
}

fn corrupt(tree: &'static str, key: &[u8]) -> impl FnOnce(DecodeError) -> StoreError {
    let key = keys::show(key);
    move |source| StoreError::Corrupt { tree, key, source }
}

impl Store {
    /// Opens (creating if needed) the database directory at `path`, with mode 0700.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_with_cache(path, DEFAULT_CACHE_BYTES)
    }

    /// Whether the database at `path` would open known sound (new, or its files exactly as
    /// a clean close left them), read from the files without opening it: the screens draw
    /// their first frame before opening only then (after an unclean close, `check` speaks
    /// first on the main screen). False on any doubt.
    pub fn would_open_sound(path: &Path) -> bool {
        let new = !path.join("db").exists() && !path.join("conf").exists();
        new || files_fingerprint(path)
            .ok()
            .is_some_and(|f| State::read(path).sound == Some(f))
    }

    pub fn open_with_cache(path: &Path, cache_bytes: u64) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        create_private_dir(path).map_err(open_err)?;
        let lock = lock::LockFile::acquire(path)?;
        // Taken before anything changes the files (tightening their modes changes their
        // change time, sled writes): are they as the last close left them?
        let new = !path.join("db").exists() && !path.join("conf").exists();
        let fingerprint = files_fingerprint(path).map_err(open_err)?;
        let state = State::read(path);
        let sound = new || state.sound == Some(fingerprint);
        tighten_modes(path).map_err(open_err)?;
        let mut notes = set_aside_incomplete_snapshots(path).map_err(open_err)?;
        let leftover = compact::fresh_path(path);
        if leftover.is_dir()
            && !path
                .to_string_lossy()
                .trim_end_matches('/')
                .ends_with(".compact-new")
        {
            notes.push(format!(
                "{} is left from a compact that was cut short; the database itself is whole. The next `kinerja compact` removes it, or delete it",
                leftover.display()
            ));
        }
        let config = sled::Config::new().path(path).cache_capacity(cache_bytes);
        // Our own lock says no other process has the database. If sled still finds its
        // lock taken, a handle closed a moment ago in this process is still shutting down
        // its background thread: wait for it, up to 5 s (a loaded machine is slow to stop it).
        let mut waited = 0;
        let db = loop {
            match open_catching_panics(&config) {
                Err(Opened::Panicked(detail)) => {
                    return Err(StoreError::Damaged {
                        path: path.to_path_buf(),
                        detail,
                    });
                }
                Ok(db) => break db,
                Err(Opened::Sled(sled::Error::Io(io)))
                    if io.to_string().contains("could not acquire lock") =>
                {
                    if waited >= 500 {
                        return Err(StoreError::Locked {
                            path: path.to_path_buf(),
                        });
                    }
                    waited += 1;
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(Opened::Sled(sled::Error::Io(io))) => return Err(open_err(io)),
                Err(Opened::Sled(sled::Error::Corruption { .. })) => {
                    return Err(StoreError::Damaged {
                        path: path.to_path_buf(),
                        detail: "sled found corrupted data".into(),
                    });
                }
                // Anything else sled cannot get past while opening is in its files.
                Err(Opened::Sled(other)) => {
                    return Err(StoreError::Damaged {
                        path: path.to_path_buf(),
                        detail: other.to_string(),
                    });
                }
            }
        };
        let tree = |name: &str| db.open_tree(name).map(Tree::new);
        let store = Store {
            staff: tree("staff")?,
            units: tree("units")?,
            evaluations: tree("evaluations")?,
            trainings: tree("trainings")?,
            potentials: tree("potentials")?,
            coaching: tree("coaching")?,
            skp: tree("skp")?,
            contracts: tree("contracts")?,
            career: tree("career")?,
            partners: tree("partners")?,
            competencies: tree("competencies")?,
            requirements: tree("requirements")?,
            audit: tree("audit")?,
            audit_by_record: tree("audit_by_record")?,
            staff_by_unit: tree("staff_by_unit")?,
            staff_summary: tree("staff_summary")?,
            drafts: tree("drafts")?,
            training_stats: tree("training_stats")?,
            meta: tree("meta")?,
            db,
            path: path.to_path_buf(),
            _lock: std::sync::Arc::new(lock),
            writes: Default::default(),
            notes,
            sound: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(sound)),
            audited: Default::default(),
            counted: None,
        };
        // sled opens damaged or missing data files as an empty (or shorter) database: if the
        // database had more staff when it was last closed, that is damage, not a fresh start.
        // Staff records are never deleted, so fewer than at the last close is damage too.
        // Files exactly as a clean close left them hold the staff it counted: walking the
        // whole tree (100,000 records: tens of milliseconds and of MiB) is only needed when
        // they changed since (issue 23).
        let now = match state.staff.filter(|_| sound && !new) {
            Some(n) => n,
            None => store.staff.len()?,
        };
        if let Some(n) = state.staff.filter(|n| *n > now) {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                detail: format!(
                    "its files hold {now} staff records, but it had {n} when last closed"
                ),
            });
        }
        let mut store = store;
        store.counted = Some((now, store.last_change()?));
        // Kept for the SSH officers of a later version.
        store.tree("officers")?;
        store.unfinished_job()?;
        store.check_schema()?;
        store.ensure_summaries()?;
        store.ensure_stats()?;
        Ok(store)
    }

    /// Marks in `meta` that a multi-batch job started (flushed before its first batch).
    pub(crate) fn job_started(
        &self,
        action: AuditAction,
        actor: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        let value = format!(
            "{}\t{}\t{}\t{}",
            action.label(),
            actor.replace('\t', " "),
            write::now_micros(),
            detail.replace('\t', " ")
        );
        self.meta.insert(keys::JOB_KEY, value.as_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    /// Held while one transaction writes (shared with the others); see [`Store::backup`].
    pub(crate) fn writing(&self) -> std::sync::RwLockReadGuard<'_, ()> {
        self.writes.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Held while a backup reads every tree: no write lands meanwhile.
    pub(crate) fn no_writes(&self) -> std::sync::RwLockWriteGuard<'_, ()> {
        self.writes.write().unwrap_or_else(|p| p.into_inner())
    }

    /// The job marked by [`Store::job_started`] finished.
    pub(crate) fn job_finished(&self) -> Result<(), StoreError> {
        self.meta.remove(keys::JOB_KEY)?;
        self.db.flush()?;
        Ok(())
    }

    /// At open: a job that started and never finished. An import or the demo left
    /// consistent batches behind: its audit entry is added now and the officer is told how
    /// to finish it. A restore cut short is refused as damage (part of a backup is not a
    /// sound database).
    fn unfinished_job(&mut self) -> Result<(), StoreError> {
        let Some(value) = self.meta.get(keys::JOB_KEY)? else {
            return Ok(());
        };
        let text = String::from_utf8_lossy(&value).into_owned();
        let mut parts = text.splitn(4, '\t');
        let (action, actor, micros, detail) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or("").to_string(),
            parts.next().and_then(|m| m.parse::<i64>().ok()),
            parts.next().unwrap_or("").to_string(),
        );
        let when = micros
            .and_then(|m| jiff::Timestamp::from_microsecond(m).ok())
            .map_or(String::new(), |t| format!(" at {t}"));
        let action = AuditAction::ALL
            .into_iter()
            .find(|a| a.label() == action)
            .unwrap_or(AuditAction::Import);
        let how = match action {
            AuditAction::Restore => {
                return Err(StoreError::Damaged {
                    path: self.path.clone(),
                    detail: format!(
                        "a restore into it (started{when}) stopped before it finished; delete the directory and run the restore again"
                    ),
                });
            }
            AuditAction::Demo => {
                "the demo data is incomplete; to start again, use a new --db and run `kinerja demo` there"
            }
            _ => {
                "what landed is consistent; run the same import again to finish it (rows already in are left as they are)"
            }
        };
        self.audit_run(
            &actor,
            action,
            &format!("{detail} (stopped before it finished)"),
        )?;
        self.job_finished()?;
        self.notes.push(format!(
            "{}: the {} {detail} started{when} by {actor} stopped before it finished: {how}",
            self.path.display(),
            action.label()
        ));
        Ok(())
    }

    /// What opening did that the officer should hear of (an incomplete snapshot moved
    /// aside), one line each.
    pub fn open_notes(&self) -> &[String] {
        &self.notes
    }

    fn check_schema(&self) -> Result<(), StoreError> {
        match self.meta.get(keys::SCHEMA_KEY)? {
            None => {
                self.meta
                    .insert(keys::SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                self.db.flush()?;
                Ok(())
            }
            Some(v) => {
                let found = <[u8; 4]>::try_from(v.as_ref())
                    .map(u32::from_be_bytes)
                    .map_err(|_| StoreError::Corrupt {
                        tree: "meta",
                        key: "schema".into(),
                        source: DecodeError::Malformed(format!("{} bytes instead of 4", v.len())),
                    })?;
                if found > SCHEMA_VERSION {
                    return Err(StoreError::NewerSchema {
                        path: self.path.clone(),
                        found,
                        known: SCHEMA_VERSION,
                    });
                }
                if found < SCHEMA_VERSION {
                    // Records upgrade on read; the marker says which program may open it now.
                    self.meta
                        .insert(keys::SCHEMA_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                    self.db.flush()?;
                }
                Ok(())
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A tree by name (those of [`keys::TREES`]), whose walks end at the first error.
    pub(crate) fn tree(&self, name: &str) -> Result<Tree, StoreError> {
        Ok(Tree::new(self.db.open_tree(name)?))
    }

    /// Writes everything to disk. Every save already does this before returning.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// Flushes and closes, so the next open needs no log replay, and notes beside sled's
    /// files how many staff records there were and, when the data was known sound, how
    /// its files look once sled has let go of them (see [`STATE_FILE`]).
    pub fn close(self) -> Result<(), StoreError> {
        self.close_with_view(None)
    }

    /// [`Store::close`], then, when the files were left sound, writes `view` (a key and the
    /// payload's writer, see [`view_file`]) for them: the next screens read it instead of every
    /// summary. Without a view, or when the files are not left sound, a view from an
    /// earlier close is removed. A view that cannot be written only costs the next start
    /// its speed: it is not an error.
    pub fn close_with_view(
        self,
        view: Option<(Vec<u8>, view_file::Payload)>,
    ) -> Result<(), StoreError> {
        self.flush()?;
        let staff = self.staff_count()?;
        let path = self.path.clone();
        // Another handle of this process (a `serve` session) may still write: then the
        // files are not final here, and the next screens open runs `check`.
        let sound = self.known_sound() && std::sync::Arc::strong_count(&self._lock) == 1;
        if !sound {
            view_file::remove_view(&path);
            return write_state(&path, staff, None);
        }
        match self.release() {
            Ok(held) => {
                let fingerprint = files_fingerprint(&path).ok();
                let written = write_state(&path, staff, fingerprint);
                match (fingerprint, view, &written) {
                    (Some(fp), Some((key, payload)), Ok(())) => {
                        if view_file::write_view(&path, fp, &key, payload).is_err() {
                            view_file::remove_view(&path);
                        }
                    }
                    (Some(fp), None, Ok(())) => view_file::keep_if_current(&path, fp),
                    _ => view_file::remove_view(&path),
                }
                drop(held);
                written
            }
            // sled slow to let go: say nothing of soundness (the next screens open checks).
            Err(_) => {
                view_file::remove_view(&path);
                write_state(&path, staff, None)
            }
        }
    }

    /// How many audited writes this process (every clone) made since the open: each save,
    /// event and bulk run counts one, once its transaction is written. Audit keys follow
    /// the wall clock, so a clock set back can give a later write an earlier key; this
    /// count does not depend on it.
    pub fn audited_writes(&self) -> u64 {
        self.audited.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Whether the data is known sound without running `check`: its files are exactly as
    /// a clean close left them after a sound `check` (every clean close of kinerja keeps
    /// that), or the database was new, or `check` found no damage in this process. The
    /// screens run `check` when this is false and refuse a damaged database.
    pub fn known_sound(&self) -> bool {
        self.sound.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// What `check` found (called by it).
    fn found_sound(&self, sound: bool) {
        self.sound
            .store(sound, std::sync::atomic::Ordering::Relaxed);
    }

    /// Writes [`STATE_FILE`] with the staff count (and no soundness: the compact's fresh
    /// copy, whose files are not final yet).
    fn write_state(&self) -> Result<(), StoreError> {
        write_state(&self.path, self.staff_count()?, None)
    }

    /// About how many staff records there are, without reading any: the count taken at
    /// open (0 when none was taken). For making room, never for a decision.
    pub fn staff_hint(&self) -> usize {
        self.counted.as_ref().map_or(0, |(n, _)| *n)
    }

    /// How many staff records the database holds: the count taken at open while nothing
    /// has been written since (every write leaves an audit entry), else a walk of the tree.
    /// Errors: the store's.
    pub fn staff_count(&self) -> Result<usize, StoreError> {
        if let Some((n, mark)) = &self.counted
            && self.last_change()? == *mark
        {
            return Ok(*n);
        }
        Ok(self.staff.len()?)
    }

    /// True when no staff, unit, partner, evaluation or training is stored.
    pub fn is_empty(&self) -> bool {
        [
            &self.staff,
            &self.units,
            &self.partners,
            &self.evaluations,
            &self.trainings,
            &self.coaching,
            &self.skp,
            &self.contracts,
        ]
        .iter()
        .all(|t| t.is_empty())
    }

    /// Counts every record; this walks each tree, so it is for commands, not screens.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let mut c = Counts {
            staff: self.staff.len()?,
            units: self.units.len()?,
            partners: self.partners.len()?,
            audit: self.audit.len()?,
            competencies: self.competencies.len()?,
            requirements: self.requirements.len()?,
            ..Counts::default()
        };
        for item in self.evaluations.iter() {
            let (k, v) = item?;
            c.evaluations += records::decode_evaluations(&v)
                .map_err(corrupt("evaluations", &k))?
                .items
                .len();
        }
        for item in self.potentials.iter() {
            let (k, v) = item?;
            c.potentials += records::decode_potentials(&v)
                .map_err(corrupt("potentials", &k))?
                .items
                .len();
        }
        for item in self.trainings.iter() {
            let (k, v) = item?;
            c.trainings += records::decode_trainings(&v)
                .map_err(corrupt("trainings", &k))?
                .items
                .len();
        }
        for item in self.coaching.iter() {
            let (k, v) = item?;
            c.coaching += records::decode_coaching(&v)
                .map_err(corrupt("coaching", &k))?
                .items
                .len();
        }
        for item in self.skp.iter() {
            let (k, v) = item?;
            c.skp += records::decode_skp(&v)
                .map_err(corrupt("skp", &k))?
                .items
                .len();
        }
        for item in self.contracts.iter() {
            let (k, v) = item?;
            c.contracts += records::decode_contracts(&v)
                .map_err(corrupt("contracts", &k))?
                .items
                .len();
        }
        for item in self.career.iter() {
            let (k, v) = item?;
            c.career += records::decode_career(&v)
                .map_err(corrupt("career", &k))?
                .entries
                .len();
        }
        Ok(c)
    }

    // ------------------------------------------------------------ reads

    /// The staff whose NIP starts with `prefix` (digits), in NIP order.
    pub fn staff_with_prefix(&self, prefix: &str) -> Result<Vec<Staff>, StoreError> {
        self.staff
            .scan_prefix(prefix.as_bytes())
            .map(|item| {
                let (k, v) = item?;
                records::decode_staff(&v).map_err(corrupt("staff", &k))
            })
            .collect()
    }

    pub fn get_staff(&self, nip: &str) -> Result<Option<Staff>, StoreError> {
        match self.staff.get(nip.as_bytes())? {
            Some(v) => Ok(Some(
                records::decode_staff(&v).map_err(corrupt("staff", nip.as_bytes()))?,
            )),
            None => Ok(None),
        }
    }

    /// All staff in NIP order, decoded one at a time.
    pub fn iter_staff(&self) -> impl Iterator<Item = Result<Staff, StoreError>> + '_ {
        self.staff.iter().map(|item| {
            let (k, v) = item?;
            records::decode_staff(&v).map_err(corrupt("staff", &k))
        })
    }

    /// The NIPs of a unit's staff, in NIP order, from the index.
    pub fn nips_of_unit(&self, unit_id: &str) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        for item in self.staff_by_unit.scan_prefix(keys::unit_prefix(unit_id)) {
            let (k, _) = item?;
            if let Some((_, nip)) = keys::split_staff_by_unit(&k) {
                out.push(nip.to_string());
            }
        }
        Ok(out)
    }

    pub fn get_unit(&self, id: &str) -> Result<Option<Unit>, StoreError> {
        match self.units.get(id.as_bytes())? {
            Some(v) => Ok(Some(
                records::decode_unit(&v).map_err(corrupt("units", id.as_bytes()))?,
            )),
            None => Ok(None),
        }
    }

    /// All units, in id order.
    pub fn units(&self) -> Result<Vec<Unit>, StoreError> {
        self.units
            .iter()
            .map(|item| {
                let (k, v) = item?;
                records::decode_unit(&v).map_err(corrupt("units", &k))
            })
            .collect()
    }

    /// All training organisers, in id order.
    pub fn partners(&self) -> Result<Vec<Partner>, StoreError> {
        self.partners
            .iter()
            .map(|item| {
                let (k, v) = item?;
                records::decode_partner(&v).map_err(corrupt("partners", &k))
            })
            .collect()
    }

    /// The competency catalogue, in id order.
    pub fn competencies(&self) -> Result<Vec<crate::domain::Competency>, StoreError> {
        self.competencies
            .iter()
            .map(|item| {
                let (k, v) = item?;
                records::decode_competency(&v).map_err(corrupt("competencies", &k))
            })
            .collect()
    }

    /// Every requirement, in key order (by competency, then position).
    pub fn requirements(&self) -> Result<Vec<crate::domain::Requirement>, StoreError> {
        self.requirements
            .iter()
            .map(|item| {
                let (k, v) = item?;
                records::decode_requirement(&v).map_err(corrupt("requirements", &k))
            })
            .collect()
    }

    pub fn evaluation_group(&self, nip: &str) -> Result<EvaluationGroup, StoreError> {
        match self.evaluations.get(nip.as_bytes())? {
            Some(v) => {
                records::decode_evaluations(&v).map_err(corrupt("evaluations", nip.as_bytes()))
            }
            None => Ok(EvaluationGroup::default()),
        }
    }

    /// A person's evaluations, oldest period first.
    pub fn evaluations_of(&self, nip: &str) -> Result<Vec<Evaluation>, StoreError> {
        Ok(self.evaluation_group(nip)?.items)
    }

    /// Every person's evaluations, in NIP order.
    pub fn iter_evaluations(
        &self,
    ) -> impl Iterator<Item = Result<(String, EvaluationGroup), StoreError>> + '_ {
        self.evaluations.iter().map(|item| {
            let (k, v) = item?;
            let group = records::decode_evaluations(&v).map_err(corrupt("evaluations", &k))?;
            Ok((keys::show(&k), group))
        })
    }

    /// A person's potensial per year (empty when none was recorded).
    pub fn potentials_of(&self, nip: &str) -> Result<crate::domain::Potentials, StoreError> {
        match self.potentials.get(nip.as_bytes())? {
            Some(v) => {
                records::decode_potentials(&v).map_err(corrupt("potentials", nip.as_bytes()))
            }
            None => Ok(crate::domain::Potentials::default()),
        }
    }

    /// Every assessed person's potensial of `year` (NIP digits, potensial), in NIP order,
    /// reading only that field of each record.
    pub fn iter_potensial_of_year(
        &self,
        year: i16,
    ) -> impl Iterator<Item = Result<([u8; 18], crate::domain::Potensial), StoreError>> + '_ {
        self.iter_potensial_of_year_in(year, ..)
    }

    /// [`Store::iter_potensial_of_year`] over the people whose NIP digits fall in `nips`
    /// (a range of keys), so two threads can read two halves of the tree at once.
    pub fn iter_potensial_of_year_in(
        &self,
        year: i16,
        nips: impl std::ops::RangeBounds<Vec<u8>>,
    ) -> impl Iterator<Item = Result<([u8; 18], crate::domain::Potensial), StoreError>> + '_ {
        self.potentials.range(nips).filter_map(move |item| {
            let (k, v) = match item {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            match records::decode_potensial_of_year(&v, year) {
                Ok(Some(p)) => {
                    let mut nip = [b'0'; 18];
                    for (slot, b) in nip.iter_mut().zip(k.iter()) {
                        *slot = *b;
                    }
                    Some(Ok((nip, p)))
                }
                Ok(None) => None,
                Err(e) => Some(Err(corrupt("potentials", &k)(e))),
            }
        })
    }

    /// Every person's potentials, in NIP order (only people who have any).
    pub fn iter_potentials(
        &self,
    ) -> impl Iterator<Item = Result<(String, crate::domain::Potentials), StoreError>> + '_ {
        self.potentials.iter().map(|item| {
            let (k, v) = item?;
            let p = records::decode_potentials(&v).map_err(corrupt("potentials", &k))?;
            Ok((keys::show(&k), p))
        })
    }

    /// A person's contracts (empty when none is recorded: a PNS, or a PPPK not entered).
    pub fn contracts_of(&self, nip: &str) -> Result<crate::domain::Contracts, StoreError> {
        match self.contracts.get(nip.as_bytes())? {
            Some(v) => records::decode_contracts(&v).map_err(corrupt("contracts", nip.as_bytes())),
            None => Ok(crate::domain::Contracts::default()),
        }
    }

    /// Every person's contracts, in NIP order (only people who have any): a pass over the
    /// PPPK with a contract, never over everyone.
    pub fn iter_contracts(
        &self,
    ) -> impl Iterator<Item = Result<(String, crate::domain::Contracts), StoreError>> + '_ {
        self.contracts.iter().map(|item| {
            let (k, v) = item?;
            let c = records::decode_contracts(&v).map_err(corrupt("contracts", &k))?;
            Ok((keys::show(&k), c))
        })
    }

    pub fn training_group(&self, nip: &str) -> Result<TrainingGroup, StoreError> {
        match self.trainings.get(nip.as_bytes())? {
            Some(v) => records::decode_trainings(&v).map_err(corrupt("trainings", nip.as_bytes())),
            None => Ok(TrainingGroup::default()),
        }
    }

    /// A person's trainings, by start date.
    pub fn trainings_of(&self, nip: &str) -> Result<Vec<Training>, StoreError> {
        Ok(self.training_group(nip)?.items)
    }

    /// Every person's trainings, in NIP order.
    pub fn iter_trainings(
        &self,
    ) -> impl Iterator<Item = Result<(String, TrainingGroup), StoreError>> + '_ {
        self.trainings.iter().map(|item| {
            let (k, v) = item?;
            let group = records::decode_trainings(&v).map_err(corrupt("trainings", &k))?;
            Ok((keys::show(&k), group))
        })
    }

    /// The trainings of every person with at least one training that passes
    /// `keep(organiser, status, end)`, in NIP order; the others are read in place and
    /// skipped without building their records (`records::trainings_any`).
    pub fn iter_trainings_where<'s, F>(
        &'s self,
        keep: F,
    ) -> impl Iterator<Item = Result<(String, TrainingGroup), StoreError>> + 's
    where
        F: Fn(&str, crate::domain::TrainingStatus, jiff::civil::Date) -> bool + 's,
    {
        self.trainings.iter().filter_map(move |item| {
            let (k, v) = match item {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            match records::trainings_any(&v, &keep) {
                Ok(false) => None,
                Ok(true) => Some(
                    records::decode_trainings(&v)
                        .map(|g| (keys::show(&k), g))
                        .map_err(corrupt("trainings", &k)),
                ),
                Err(e) => Some(Err(corrupt("trainings", &k)(e))),
            }
        })
    }

    pub fn coaching_group(&self, nip: &str) -> Result<CoachingGroup, StoreError> {
        match self.coaching.get(nip.as_bytes())? {
            Some(v) => records::decode_coaching(&v).map_err(corrupt("coaching", nip.as_bytes())),
            None => Ok(CoachingGroup::default()),
        }
    }

    /// A person's coaching records (pembinaan kinerja), oldest first.
    pub fn coaching_of(&self, nip: &str) -> Result<Vec<Coaching>, StoreError> {
        Ok(self.coaching_group(nip)?.items)
    }

    /// Every person's coaching records, in NIP order. The tree holds only the people who
    /// were coached, so this pass costs what they cost, not the whole staff.
    pub fn iter_coaching(
        &self,
    ) -> impl Iterator<Item = Result<(String, CoachingGroup), StoreError>> + '_ {
        self.coaching.iter().map(|item| {
            let (k, v) = item?;
            let group = records::decode_coaching(&v).map_err(corrupt("coaching", &k))?;
            Ok((keys::show(&k), group))
        })
    }

    /// Every coached person's coaching dates (NIP, [`crate::domain::CoachingDates`] of
    /// each record), without their texts: for the coaching statuses. Errors: a damaged
    /// value, named by its key.
    pub fn iter_coaching_dates(
        &self,
    ) -> impl Iterator<Item = Result<(String, Vec<crate::domain::CoachingDates>), StoreError>> + '_
    {
        self.coaching.iter().map(|item| {
            let (k, v) = item?;
            let dates = records::decode_coaching_dates(&v).map_err(corrupt("coaching", &k))?;
            Ok((keys::show(&k), dates))
        })
    }

    /// One person's SKPs with the group's id counter.
    pub fn skp_group(&self, nip: &str) -> Result<SkpGroup, StoreError> {
        match self.skp.get(nip.as_bytes())? {
            Some(v) => records::decode_skp(&v).map_err(corrupt("skp", nip.as_bytes())),
            None => Ok(SkpGroup::default()),
        }
    }

    /// A person's SKPs (Sasaran Kinerja Pegawai), oldest first.
    pub fn skp_of(&self, nip: &str) -> Result<Vec<crate::domain::Skp>, StoreError> {
        Ok(self.skp_group(nip)?.items)
    }

    /// Every person's SKPs, in NIP order (only the people who have one).
    pub fn iter_skp(&self) -> impl Iterator<Item = Result<(String, SkpGroup), StoreError>> + '_ {
        self.skp.iter().map(|item| {
            let (k, v) = item?;
            let group = records::decode_skp(&v).map_err(corrupt("skp", &k))?;
            Ok((keys::show(&k), group))
        })
    }

    /// A person's stored career history, if one is stored.
    pub fn stored_career(&self, nip: &str) -> Result<Option<crate::domain::Career>, StoreError> {
        match self.career.get(nip.as_bytes())? {
            Some(v) => Ok(Some(
                records::decode_career(&v).map_err(corrupt("career", nip.as_bytes()))?,
            )),
            None => Ok(None),
        }
    }

    /// A person's career history: the stored one, or the one their staff record implies
    /// (`Career::implied`, revision 0); `None` when there is no such staff.
    pub fn career_of(&self, nip: &str) -> Result<Option<crate::domain::Career>, StoreError> {
        if let Some(c) = self.stored_career(nip)? {
            return Ok(Some(c));
        }
        Ok(self
            .get_staff(nip)?
            .map(|s| crate::domain::Career::implied(&s)))
    }

    /// Every stored career history, in NIP order (only the people who have one stored).
    pub fn iter_careers(
        &self,
    ) -> impl Iterator<Item = Result<(String, crate::domain::Career), StoreError>> + '_ {
        self.career.iter().map(|item| {
            let (k, v) = item?;
            let c = records::decode_career(&v).map_err(corrupt("career", &k))?;
            Ok((keys::show(&k), c))
        })
    }

    /// The change history of one record (e.g. `staff/198503302010011002`), oldest first.
    pub fn audit_of(&self, record: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let mut prefix = record.as_bytes().to_vec();
        prefix.push(0);
        let mut out = Vec::new();
        for item in self.audit_by_record.scan_prefix(&prefix) {
            let (k, _) = item?;
            let audit_key = &k[prefix.len()..];
            if let Some(v) = self.audit.get(audit_key)? {
                out.push(records::decode_audit(&v).map_err(corrupt("audit", audit_key))?);
            }
        }
        Ok(out)
    }

    /// Every change to a person: the staff record, the career history, the potensial,
    /// their evaluations, trainings, coaching, SKPs and contracts, newest first.
    pub fn history_of_person(&self, nip: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let mut out = self.audit_of(&format!("staff/{nip}"))?;
        out.extend(self.audit_of(&format!("career/{nip}"))?);
        out.extend(self.audit_of(&format!("potentials/{nip}"))?);
        for kind in ["evaluations", "trainings", "coaching", "skp", "contracts"] {
            let prefix = format!("{kind}/{nip}/");
            for item in self.audit_by_record.scan_prefix(prefix.as_bytes()) {
                let (k, _) = item?;
                if k.len() < 17 {
                    continue;
                }
                let audit_key = &k[k.len() - 16..];
                if let Some(v) = self.audit.get(audit_key)? {
                    out.push(records::decode_audit(&v).map_err(corrupt("audit", audit_key))?);
                }
            }
        }
        out.sort_by_key(|a| std::cmp::Reverse(a.time_micros));
        Ok(out)
    }

    /// Keeps a form's draft under `key` (officer, form and record). Not flushed here:
    /// sled writes it out within half a second, and every clean exit flushes.
    pub fn save_draft(&self, key: &str, fields: Vec<(String, String)>) -> Result<(), StoreError> {
        let draft = Draft {
            time_micros: write::now_micros(),
            fields,
        };
        let value =
            records::encode_draft(&draft).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.drafts.insert(key.as_bytes(), value)?;
        Ok(())
    }

    pub fn draft(&self, key: &str) -> Result<Option<Draft>, StoreError> {
        match self.drafts.get(key.as_bytes())? {
            Some(v) => Ok(Some(
                records::decode_draft(&v).map_err(corrupt("drafts", key.as_bytes()))?,
            )),
            None => Ok(None),
        }
    }

    /// Every draft whose key starts with `prefix` (an officer's: `NAME/`), with its key.
    pub fn drafts_under(&self, prefix: &str) -> Result<Vec<(String, Draft)>, StoreError> {
        self.drafts
            .scan_prefix(prefix.as_bytes())
            .map(|item| {
                let (k, v) = item?;
                let draft = records::decode_draft(&v).map_err(corrupt("drafts", &k))?;
                Ok((String::from_utf8_lossy(&k).into_owned(), draft))
            })
            .collect()
    }

    /// Moves the draft at `from` to `to` and gives it back; `None` when there is none at
    /// `from` (another session took it first: the removal is what decides, so two
    /// sessions never both take one draft).
    pub fn claim_draft(&self, from: &str, to: &str) -> Result<Option<Draft>, StoreError> {
        let Some(v) = self.drafts.remove(from.as_bytes())? else {
            return Ok(None);
        };
        let draft = records::decode_draft(&v).map_err(corrupt("drafts", from.as_bytes()))?;
        self.drafts.insert(to.as_bytes(), v)?;
        self.db.flush()?;
        Ok(Some(draft))
    }

    /// The keys of every kept draft (officer/form/record), in key order.
    pub fn draft_keys(&self) -> Result<Vec<String>, StoreError> {
        self.drafts
            .iter()
            .keys()
            .map(|k| Ok(String::from_utf8_lossy(&k?).into_owned()))
            .collect()
    }

    /// Removes a draft; flushed only when there was one (forms call this on every change
    /// that leaves them as they were opened).
    pub fn delete_draft(&self, key: &str) -> Result<(), StoreError> {
        if self.drafts.remove(key.as_bytes())?.is_some() {
            self.db.flush()?;
        }
        Ok(())
    }

    /// The newest `n` audit entries, newest first.
    /// The key of the newest audit entry: every change of data writes one, so two different
    /// answers mean the data changed in between.
    pub fn last_change(&self) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.audit.last()?.map(|(k, _)| k.to_vec()))
    }

    /// Every audit entry from `since_micros` (microseconds since the Unix epoch) on, oldest
    /// first; the audit tree is keyed by time, so this reads only those.
    pub fn audit_since(
        &self,
        since_micros: u64,
    ) -> impl Iterator<Item = Result<AuditEntry, StoreError>> + '_ {
        self.audit
            .range(keys::audit(since_micros, 0).to_vec()..)
            .map(|item| {
                let (k, v) = item?;
                records::decode_audit(&v).map_err(corrupt("audit", &k))
            })
    }

    /// The audit entries written after the one keyed `after` (`None`: from the first),
    /// oldest first, at most `limit` of them, with the key of the last one given: what a
    /// session that saw the data at `after` reads to learn what other sessions saved
    /// (issue 22). More than `limit` and the caller treats everything as changed.
    pub fn changes_after(
        &self,
        after: Option<&[u8]>,
        limit: usize,
    ) -> Result<(Vec<AuditEntry>, Option<Vec<u8>>), StoreError> {
        use std::ops::Bound;
        let from = match after {
            Some(k) => Bound::Excluded(k.to_vec()),
            None => Bound::Unbounded,
        };
        let mut out = Vec::new();
        let mut last = None;
        for item in self
            .audit
            .range::<Vec<u8>, _>((from, Bound::Unbounded))
            .take(limit)
        {
            let (k, v) = item?;
            out.push(records::decode_audit(&v).map_err(corrupt("audit", &k))?);
            last = Some(k.to_vec());
        }
        Ok((out, last))
    }

    pub fn audit_recent(&self, n: usize) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit
            .iter()
            .rev()
            .take(n)
            .map(|item| {
                let (k, v) = item?;
                records::decode_audit(&v).map_err(corrupt("audit", &k))
            })
            .collect()
    }
}

/// Creates the directory (and missing parents) with mode 0700, and tightens the database
/// directory itself to 0700 if it already existed.
/// Tightens what sled keeps in `path` (files 0600, directories 0700) when an older version,
/// a copy or a restore left them readable by others. Symlinks are left alone.
fn tighten_modes(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        let (want, is_dir) = if meta.is_dir() {
            (0o700, true)
        } else if meta.is_file() {
            (0o600, false)
        } else {
            continue;
        };
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(want))?;
        }
        if is_dir {
            tighten_modes(&entry.path())?;
        }
    }
    Ok(())
}

/// Moves aside an incomplete snapshot (`snap.*.generating`, left by a crash between sled's
/// write and its rename), which sled would otherwise try to read. Returns a line for each.
fn set_aside_incomplete_snapshots(path: &Path) -> std::io::Result<Vec<String>> {
    let mut notes = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            let aside = path.join(format!("set-aside.{name}"));
            std::fs::rename(entry.path(), &aside)?;
            notes.push(format!(
                "{}: an incomplete snapshot left by a crash ({}) was moved aside to {}",
                path.display(),
                crate::domain::text::shown(&name),
                crate::domain::text::shown_path(&aside)
            ));
        }
    }
    Ok(notes)
}

/// Beside sled's files: the staff count at the last clean close (`staff N`), so an open
/// that finds the data gone can tell damage from a new database; and, when the data was
/// known sound then, the fingerprint of sled's files after it let go of them (`sound
/// HEX`, see [`files_fingerprint`]), so the screens skip `check` when nothing touched them.
pub const STATE_FILE: &str = "kinerja.state";

/// What [`STATE_FILE`] says.
#[derive(Debug, Default)]
struct State {
    staff: Option<usize>,
    sound: Option<u32>,
}

impl State {
    /// The file's lines, if it is there and readable; a line not understood is ignored.
    fn read(path: &Path) -> State {
        let Ok(text) = std::fs::read_to_string(path.join(STATE_FILE)) else {
            return State::default();
        };
        let value = |prefix: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(prefix))
                .map(str::trim)
        };
        State {
            staff: value("staff ").and_then(|n| n.parse().ok()),
            sound: value("sound ").and_then(|h| u32::from_str_radix(h, 16).ok()),
        }
    }
}

/// Writes [`STATE_FILE`] in `path`: the staff count and, when given, the files' fingerprint
/// of a sound database.
fn write_state(path: &Path, staff: usize, sound: Option<u32>) -> Result<(), StoreError> {
    let file = path.join(STATE_FILE);
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let (handle, mut f) = files::PrivateFile::create(&file)?;
        writeln!(f, "staff {staff}")?;
        if let Some(fp) = sound {
            writeln!(f, "sound {fp:08x}")?;
        }
        handle.commit(f)
    };
    write().map_err(|source| StoreError::Open {
        path: file.clone(),
        source,
    })
}

/// How sled's files look from outside: each one's name, size, inode, and modification and
/// change times (the change time cannot be set back by a program), over a CRC-32. Any write,
/// copy, truncation or replacement of a file changes it. Our lock and state files and
/// what was set aside are left out.
fn files_fingerprint(path: &Path) -> std::io::Result<u32> {
    use std::os::unix::fs::MetadataExt;
    let mut crc = crc32fast::Hasher::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name();
            let text = name.to_string_lossy();
            if dir == path
                && (text == lock::FILE_NAME
                    || text == STATE_FILE
                    || text.starts_with("set-aside.")
                    || text == view_file::VIEW_FILE
                    || text.starts_with(&format!(".{}.", view_file::VIEW_FILE)))
            {
                continue;
            }
            let meta = e.metadata()?;
            if meta.is_dir() {
                dirs.push(e.path());
            }
            crc.update(
                e.path()
                    .strip_prefix(path)
                    .unwrap_or(&e.path())
                    .as_os_str()
                    .as_encoded_bytes(),
            );
            for n in [
                meta.len(),
                meta.ino(),
                meta.mtime() as u64,
                meta.mtime_nsec() as u64,
                meta.ctime() as u64,
                meta.ctime_nsec() as u64,
            ] {
                crc.update(&n.to_le_bytes());
            }
        }
    }
    Ok(crc.finalize())
}

enum Opened {
    Sled(sled::Error),
    /// sled panicked inside `open` (it does on some damaged files): the panic's text.
    Panicked(String),
}

thread_local! {
    /// Set while this thread opens sled: a panic then is caught and reported as damage,
    /// so the panic hook stays quiet for it (and only for it).
    static QUIET_PANICS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Puts a hook in front of the process's panic hook, once, that stays quiet for the panics
/// of a thread opening sled and passes every other panic on. (Swapping the process-wide
/// hook around each open would also silence panics of other threads meanwhile.)
fn quiet_hook_installed() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
}

/// Opens sled, turning a panic inside it into an error: a damaged file must give a message,
/// never a crash. Nothing is printed for that panic (the message says it once).
fn open_catching_panics(config: &sled::Config) -> Result<sled::Db, Opened> {
    quiet_hook_installed();
    QUIET_PANICS.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| config.open()));
    QUIET_PANICS.with(|q| q.set(false));
    match result {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(e)) => Err(Opened::Sled(e)),
        Err(panic) => {
            let text = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(Opened::Panicked(text))
        }
    }
}

fn create_private_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)?;
    let meta = std::fs::metadata(path)?;
    if meta.permissions().mode() & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
