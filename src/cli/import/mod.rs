//! `kinerja import staff|trainings|evaluations|unit-ratings|coaching|competencies|requirements|partners|skp|realisasi|bukti|keberatan FILE.csv [--dry-run] [--skip-invalid]`.
//!
//! Every row is checked before anything is written. Bad rows are reported as
//! `FILE:LINE: what is wrong`; by default one bad row stops the whole import.

mod coaching;
mod competencies;
mod contracts;
mod evaluations;
mod keberatan;
mod partners;
mod potentials;
mod realisasi;
mod riwayat;
mod skp;
mod staff;
mod trainings;
mod unit_ratings;

use super::columns::{self, ASPECT_COLUMNS};
use super::csvio::{self, Table};
use super::{DataKind, Failure, os_user, progress, today};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::training::{jp_from_hours, validate_jp};
use crate::domain::{
    EmploymentKind, Evaluation, Golongan, Jabatan, JenisJabatan, Nip, OrganiserKind, Pendidikan,
    PenilaianNilai, Period, PersonAtTime, Predikat, Rating, Revised, Staff, Training, TrainingKind,
    TrainingStatus, Unit, UnitKind, parse_date, unit_id,
};
use crate::store::bulk::BulkWriter;
use crate::store::{AuditAction, Partner, Store};
use csv::StringRecord;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

pub fn run(store: &Store, kind: DataKind, file: &Path, opts: Options) -> Result<(), Failure> {
    if opts.replace && !matches!(kind, DataKind::Requirements) {
        return Err(Failure::cannot_run(
            "--replace applies to `kinerja import requirements` only".to_string(),
        ));
    }
    if opts.accept_competencies && !matches!(kind, DataKind::Trainings) {
        return Err(Failure::cannot_run(
            "--accept-competencies applies to `kinerja import trainings` only".to_string(),
        ));
    }
    match kind {
        DataKind::Staff => staff::import_staff(store, file, opts),
        DataKind::Evaluations => evaluations::import_evaluations(store, file, opts),
        DataKind::Trainings => trainings::import_trainings(store, file, opts),
        DataKind::UnitRatings => unit_ratings::import_unit_ratings(store, file, opts),
        DataKind::Potentials => potentials::import_potentials(store, file, opts),
        DataKind::Coaching => coaching::import_coaching(store, file, opts),
        DataKind::Competencies => competencies::import_competencies(store, file, opts),
        DataKind::Requirements => competencies::import_requirements(store, file, opts),
        DataKind::Partners => partners::import_partners(store, file, opts),
        DataKind::Skp => skp::import_skp(store, file, opts),
        DataKind::Realisasi => realisasi::import_realisasi(store, file, opts),
        DataKind::Bukti => realisasi::import_bukti(store, file, opts),
        DataKind::Keberatan => keberatan::import_keberatan(store, file, opts),
        DataKind::Kontrak => contracts::import_contracts(store, file, opts),
        DataKind::Riwayat => riwayat::import_riwayat(store, file, opts),
    }
}

/// How an import treats a file.
#[derive(Clone, Copy)]
pub struct Options {
    /// Check and report, write nothing.
    pub dry_run: bool,
    /// Write the good rows when some are bad.
    pub skip_invalid: bool,
    /// Read the known columns of a file that has others too.
    pub ignore_unknown_columns: bool,
    /// Import a new NIP even when it looks like an Excel-changed copy of a stored person's.
    pub allow_similar_nip: bool,
    /// Import evaluations without a pejabat penilai (historical data), counted apart.
    pub allow_missing_evaluator: bool,
    /// Requirements: the stored set becomes the file's rows (the others are deleted).
    pub replace: bool,
    /// Trainings: record the competencies matched by title and kind (else only listed).
    pub accept_competencies: bool,
}

/// Prints the bad rows and decides whether the import may go on.
pub(super) fn report_bad(
    table: &Table,
    bad: &[(u64, String)],
    good: usize,
    opts: Options,
) -> Result<(), Failure> {
    for (line, why) in bad {
        tell!("{}:{line}: {why}", table.file);
    }
    if bad.is_empty() || opts.skip_invalid {
        return Ok(());
    }
    Err(Failure::data(format!(
        "{}: {} bad row(s) of {}; nothing was written. Fix them, or use --skip-invalid to import the {good} good row(s).",
        table.file,
        bad.len(),
        bad.len() + good
    )))
}

/// `counts` with the bad rows an import skipped: `3 new ...; 2 bad row(s) skipped`.
pub(super) fn with_skipped(counts: String, bad: usize) -> String {
    if bad == 0 {
        counts
    } else {
        format!("{counts}; {bad} bad row(s) skipped")
    }
}

/// The end the imports of one record kind share. `counts` is the summary without the file
/// name (`3 new, 1 updated ...`, see [`with_skipped`]). Nothing is written on `--dry-run` or
/// when `changes` is 0; otherwise `write` puts the records into one audited run, named
/// `kind FILE` in the audit trail, with a progress bar over `changes`.
pub(super) fn write_run(
    store: &Store,
    table: &Table,
    opts: Options,
    kind: &str,
    counts: &str,
    changes: usize,
    write: impl FnOnce(&mut BulkWriter, &dyn Fn()) -> Result<(), crate::store::StoreError>,
) -> Result<(), Failure> {
    let summary = format!("{}: {counts}", table.file);
    if opts.dry_run {
        tell!("dry run, nothing written: {summary}");
        return Ok(());
    }
    if changes == 0 {
        tell!("nothing to change: {summary}");
        return Ok(());
    }
    let mut w = BulkWriter::for_job(
        store,
        AuditAction::Import,
        &os_user(),
        &format!("{kind} {}", table.file),
    );
    let bar = progress(changes as u64, "import");
    write(&mut w, &|| bar.inc(1))?;
    bar.finish_and_clear();
    w.finish(&os_user(), AuditAction::Import, &summary)?;
    tell!("imported {summary}");
    Ok(())
}

/// Collects problems of one row, so a person sees all of them at once.
#[derive(Default)]
pub(super) struct Row {
    problems: Vec<String>,
}

impl Row {
    fn need<T>(&mut self, value: Option<T>, problem: impl FnOnce() -> String) -> Option<T> {
        if value.is_none() {
            self.problems.push(problem());
        }
        value
    }
}

pub(super) fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "ya" | "y" | "yes" | "1" | "true" | "aktif" => Some(true),
        "tidak" | "t" | "no" | "n" | "0" | "false" | "nonaktif" | "non-aktif" => Some(false),
        _ => None,
    }
}

pub(super) fn parse_nip(s: &str, kind: EmploymentKind) -> Result<Nip, String> {
    Nip::parse_as(s, kind).map_err(|e| format!("nip {s:?}: {e}"))
}

/// An evaluator's NIP: a PNS NIP, or failing that an NI PPPK.
pub(super) fn parse_any_nip(s: &str) -> Result<Nip, String> {
    Nip::parse(s).or_else(|e| Nip::parse_as(s, EmploymentKind::Pppk).map_err(|_| e.to_string()))
}

/// A date column: `None` with no problem when empty, else the date or a problem.
pub(super) fn optional_date(
    t: &Table,
    r: &StringRecord,
    col: &str,
    row: &mut Row,
) -> Option<jiff::civil::Date> {
    let text = t.get(r, col);
    if text.is_empty() {
        return None;
    }
    row.need(parse_date(text), || {
        format!("{col} {text:?} is not a date (2025-03-14, 14-03-2025 or 14/03/2025)")
    })
}

/// A rank as a person-at-a-time column writes it: a PPPK's golongan for an NI PPPK, a PNS
/// rank for a NIP, either for someone without one.
fn parse_golongan_of(text: &str, nip: Option<&Nip>) -> Option<Golongan> {
    match nip.map(|n| n.kind()) {
        // An NI PPPK: a PPPK golongan, or `-` for a paruh waktu without one.
        Some(k) if k.is_pppk() => Golongan::parse_for(text, EmploymentKind::PppkParuhWaktu),
        Some(_) => Golongan::parse(text, false),
        None => Golongan::parse_any(text),
    }
}

/// Fills the rank, position and unit of `person` from `{prefix}_golongan`, `_jabatan` and
/// `_unit` (issue 19: people as they were then).
pub(super) fn person_details(
    t: &Table,
    r: &StringRecord,
    prefix: &str,
    person: &mut PersonAtTime,
    row: &mut Row,
) {
    let col = format!("{prefix}_golongan");
    let text = t.get(r, &col);
    person.golongan = if text.is_empty() {
        None
    } else {
        row.need(parse_golongan_of(text, person.nip.as_ref()), || {
            format!("{col} {text:?} is not a rank (III/a, IV/b; PPPK IX; - for none)")
        })
    };
    person.jabatan = clean_line(t.get(r, &format!("{prefix}_jabatan")));
    person.unit = clean_line(t.get(r, &format!("{prefix}_unit")));
}

/// Whether the file has any of `{prefix}_golongan`, `_jabatan`, `_unit`.
pub(super) fn has_details(t: &Table, prefix: &str) -> bool {
    ["golongan", "jabatan", "unit"]
        .iter()
        .any(|c| t.has(&format!("{prefix}_{c}")))
}

/// A whole person at a time from `{prefix}_nip`, `_nama` and the details; `None` when all
/// are empty.
pub(super) fn parse_person(
    t: &Table,
    r: &StringRecord,
    prefix: &str,
    row: &mut Row,
) -> Option<PersonAtTime> {
    let mut p = evaluations::parse_evaluator(
        t,
        r,
        &format!("{prefix}_nip"),
        &format!("{prefix}_nama"),
        row,
    )
    .unwrap_or_default();
    person_details(t, r, prefix, &mut p, row);
    (p != PersonAtTime::default()).then_some(p)
}

pub(super) enum Merge {
    Created,
    Updated,
    Unchanged,
}

/// Puts an imported record into its group: into the matching one (a new revision if it
/// differs), or as a new one with the next id.
pub(super) fn merge_into<T: Revised + PartialEq>(
    items: &mut Vec<T>,
    next_id: &mut u32,
    row: T,
    same: impl Fn(&T) -> bool,
) -> Merge {
    match items.iter_mut().find(|x| same(x)) {
        Some(old) if row.with(old.id(), old.revision()) == *old => Merge::Unchanged,
        Some(old) => {
            *old = row.with(old.id(), old.revision() + 1);
            Merge::Updated
        }
        None => {
            let id = (*next_id).max(1);
            *next_id = id + 1;
            items.push(row.with(id, 1));
            Merge::Created
        }
    }
}
