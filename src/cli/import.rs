//! `kinerja import staff|trainings|evaluations FILE.csv [--dry-run] [--skip-invalid]`.
//!
//! Every row is checked before anything is written. Bad rows are reported as
//! `FILE:LINE: what is wrong`; by default one bad row stops the whole import.

use super::columns::{self, ASPECT_COLUMNS};
use super::csvio::{self, Table};
use super::{DataKind, Failure, os_user, progress, today};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::training::{jp_from_hours, validate_jp};
use crate::domain::{
    AspekPenilaian, EmploymentKind, Evaluation, Evaluator, Golongan, Jabatan, JenisJabatan, Nip,
    OrganiserKind, Pendidikan, Period, Predikat, Rating, Revised, Staff, Training, TrainingKind,
    TrainingStatus, Unit, UnitKind, parse_date, unit_id,
};
use crate::store::bulk::BulkWriter;
use crate::store::{AuditAction, Partner, Store};
use csv::StringRecord;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub fn run(
    store: &Store,
    kind: DataKind,
    file: &Path,
    dry_run: bool,
    skip_invalid: bool,
) -> Result<(), Failure> {
    let opts = Options {
        dry_run,
        skip_invalid,
    };
    match kind {
        DataKind::Staff => import_staff(store, file, opts),
        DataKind::Evaluations => import_evaluations(store, file, opts),
        DataKind::Trainings => import_trainings(store, file, opts),
    }
}

#[derive(Clone, Copy)]
struct Options {
    dry_run: bool,
    skip_invalid: bool,
}

/// Prints the bad rows and decides whether the import may go on.
fn report_bad(
    table: &Table,
    bad: &[(u64, String)],
    good: usize,
    opts: Options,
) -> Result<(), Failure> {
    for (line, why) in bad {
        eprintln!("{}:{line}: {why}", table.file);
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

/// Collects problems of one row, so a person sees all of them at once.
#[derive(Default)]
struct Row {
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

fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "ya" | "y" | "yes" | "1" | "true" | "aktif" => Some(true),
        "tidak" | "t" | "no" | "n" | "0" | "false" | "nonaktif" | "non-aktif" => Some(false),
        _ => None,
    }
}

fn parse_nip(s: &str, kind: EmploymentKind) -> Result<Nip, String> {
    Nip::parse_as(s, kind).map_err(|e| format!("nip {s:?}: {e}"))
}

/// An evaluator's NIP: a PNS NIP, or failing that an NI PPPK.
fn parse_any_nip(s: &str) -> Result<Nip, String> {
    Nip::parse(s).or_else(|e| Nip::parse_as(s, EmploymentKind::Pppk).map_err(|_| e.to_string()))
}

// ------------------------------------------------------------------ staff

struct StaffRow {
    staff: Staff,
    unit_name: String,
    unit_kind: Option<UnitKind>,
    parent_name: Option<String>,
}

fn parse_staff(t: &Table, r: &StringRecord) -> Result<StaffRow, Vec<String>> {
    let mut row = Row::default();
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let status = t.get(r, "status");
    let kind = if status.is_empty() {
        Some(EmploymentKind::Pns)
    } else {
        row.need(EmploymentKind::parse(status), || {
            format!("status {status:?} is not PNS or PPPK")
        })
    };
    let kind = kind.unwrap_or(EmploymentKind::Pns);
    let nip = match parse_nip(t.get(r, "nip"), kind) {
        Ok(n) => Some(n),
        Err(e) => {
            row.problems.push(e);
            None
        }
    };
    let nama = clean_line(t.get(r, "nama"));
    if nama.is_empty() {
        row.problems.push("nama is empty".into());
    }
    let gol = t.get(r, "golongan");
    let golongan = row.need(
        Golongan::parse(gol, kind == EmploymentKind::Pppk),
        || match kind {
            EmploymentKind::Pns => format!("golongan {gol:?} is not a PNS rank (I/a to IV/e)"),
            EmploymentKind::Pppk => format!("golongan {gol:?} is not a PPPK golongan (I to XVII)"),
        },
    );
    let pend = t.get(r, "pendidikan");
    let pendidikan = row.need(Pendidikan::parse(pend), || {
        format!("pendidikan {pend:?} is not one of SD, SMP, SMA, D3, S1, S2, S3")
    });
    let jabatan = clean_line(t.get(r, "jabatan"));
    if jabatan.is_empty() {
        row.problems.push("jabatan is empty".into());
    }
    let jj = t.get(r, "jenis_jabatan");
    let jenis = row.need(JenisJabatan::parse(jj), || {
        let all: Vec<&str> = JenisJabatan::ALL.iter().map(|j| j.label()).collect();
        format!("jenis_jabatan {jj:?} is not one of: {}", all.join(", "))
    });
    let unit_name = clean_line(t.get(r, "unit"));
    if unit_id(&unit_name).is_empty() {
        row.problems.push("unit is empty".into());
    }
    let ju = t.get(r, "jenis_unit");
    let unit_kind = if ju.is_empty() {
        None
    } else {
        row.need(UnitKind::parse(ju), || {
            format!("jenis_unit {ju:?} is not kesehatan, pendidikan, pemerintahan or lainnya")
        })
    };
    let parent = clean_line(t.get(r, "unit_induk"));
    let aktif_text = t.get(r, "aktif");
    let aktif = row.need(parse_yes_no(aktif_text), || {
        format!("aktif {aktif_text:?} is not ya or tidak")
    });
    match (nip, golongan, pendidikan, jenis, aktif) {
        (Some(nip), Some(golongan), Some(pendidikan), Some(jenis), Some(aktif))
            if row.problems.is_empty() =>
        {
            let staff = Staff {
                nip,
                nama,
                gelar_depan: clean_line(t.get(r, "gelar_depan")),
                gelar_belakang: clean_line(t.get(r, "gelar_belakang")),
                golongan,
                pendidikan,
                jabatan: Jabatan {
                    nama: jabatan,
                    jenis,
                },
                unit_id: unit_id(&unit_name),
                aktif,
                revision: 0,
            };
            staff.validate().map_err(|e| vec![e.to_string()])?;
            Ok(StaffRow {
                staff,
                unit_name,
                unit_kind,
                parent_name: (!parent.is_empty()).then_some(parent),
            })
        }
        _ => Err(row.problems),
    }
}

fn import_staff(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::STAFF)?;
    let mut bad = Vec::new();
    let mut good: Vec<StaffRow> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, r) in &table.rows {
        match parse_staff(&table, r) {
            Ok(row) => {
                let nip = row.staff.nip.as_str().to_string();
                if let Some(first) = seen.insert(nip, *line) {
                    bad.push((
                        *line,
                        format!("NIP {} is already on line {first}", row.staff.nip),
                    ));
                } else {
                    good.push(row);
                }
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good.len(), opts)?;

    // Units named by the rows: known ones keep their record unless the row gives another kind.
    let mut units: BTreeMap<String, Unit> = store
        .units()?
        .into_iter()
        .map(|u| (u.id.clone(), u))
        .collect();
    let mut changed_units: BTreeMap<String, Unit> = BTreeMap::new();
    let mut want_unit = |name: &str, kind: Option<UnitKind>, parent: Option<String>| {
        let id = unit_id(name);
        let current = units.get(&id).cloned();
        let next = match &current {
            Some(u) => Unit {
                kind: kind.unwrap_or(u.kind),
                parent: parent.clone().or_else(|| u.parent.clone()),
                ..u.clone()
            },
            None => Unit::new(
                name,
                kind.unwrap_or_else(|| UnitKind::guess_from_name(name)),
                parent.clone(),
            ),
        };
        if current.as_ref() != Some(&next) {
            units.insert(id.clone(), next.clone());
            changed_units.insert(id, next);
        }
    };
    for row in &good {
        if let Some(parent) = &row.parent_name {
            want_unit(parent, None, None);
        }
        want_unit(
            &row.unit_name,
            row.unit_kind,
            row.parent_name.as_deref().map(unit_id),
        );
    }

    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut writes: Vec<(Staff, Option<Staff>)> = Vec::new();
    for mut row in good {
        let existing = store.get_staff(row.staff.nip.as_str())?;
        // Optional columns the file does not have keep what the record says.
        if let Some(old) = &existing {
            if !table.has("gelar_depan") {
                row.staff.gelar_depan = old.gelar_depan.clone();
            }
            if !table.has("gelar_belakang") {
                row.staff.gelar_belakang = old.gelar_belakang.clone();
            }
            if !table.has("aktif") {
                row.staff.aktif = old.aktif;
            }
        }
        match existing {
            Some(old)
                if Staff {
                    revision: old.revision,
                    ..row.staff.clone()
                } == old =>
            {
                unchanged += 1
            }
            Some(old) => {
                updated += 1;
                let new = Staff {
                    revision: old.revision + 1,
                    ..row.staff
                };
                writes.push((new, Some(old)));
            }
            None => {
                created += 1;
                writes.push((
                    Staff {
                        revision: 1,
                        ..row.staff
                    },
                    None,
                ));
            }
        }
    }
    let nothing_to_write = writes.is_empty() && changed_units.is_empty();
    let summary = format!(
        "{}: {created} new, {updated} updated, {unchanged} unchanged staff; {} unit(s) added or changed{}",
        table.file,
        changed_units.len(),
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        }
    );
    if opts.dry_run {
        eprintln!("dry run, nothing written: {summary}");
        return Ok(());
    }
    if nothing_to_write {
        eprintln!("nothing to change: {summary}");
        return Ok(());
    }
    let mut w = BulkWriter::new(store);
    for u in changed_units.values() {
        w.put_unit(u)?;
    }
    let bar = progress(writes.len() as u64, "import");
    for (new, old) in &writes {
        w.put_staff(new, old.as_ref())?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    w.finish(&os_user(), AuditAction::Import, &summary)?;
    eprintln!("imported {summary}");
    Ok(())
}

// ------------------------------------------------------------------ evaluations

fn parse_evaluator(
    t: &Table,
    r: &StringRecord,
    nip_col: &str,
    name_col: &str,
    row: &mut Row,
) -> Option<Evaluator> {
    let nip_text = t.get(r, nip_col);
    let nama = clean_line(t.get(r, name_col));
    let nip = if nip_text.is_empty() {
        None
    } else {
        match parse_any_nip(nip_text) {
            Ok(n) => Some(n),
            Err(e) => {
                row.problems.push(format!("{nip_col} {nip_text:?}: {e}"));
                None
            }
        }
    };
    (nip.is_some() || !nama.is_empty()).then_some(Evaluator { nip, nama })
}

fn parse_rating(t: &Table, r: &StringRecord, col: &str, row: &mut Row) -> Option<Rating> {
    let text = t.get(r, col);
    row.need(Rating::parse(text), || {
        format!("{col} {text:?} is not a rating (1/atas, 2/sesuai, 3/bawah)")
    })
}

fn parse_evaluation(
    t: &Table,
    r: &StringRecord,
    today: jiff::civil::Date,
) -> Result<(String, Evaluation), Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let nip_text = t.get(r, "nip");
    let nip = match parse_any_nip(nip_text) {
        Ok(n) => Some(n),
        Err(e) => {
            row.problems.push(format!("nip {nip_text:?}: {e}"));
            None
        }
    };
    let year_text = t.get(r, "tahun");
    let year = row.need(
        year_text
            .parse::<i16>()
            .ok()
            .filter(|y| (1900..=2999).contains(y)),
        || format!("tahun {year_text:?} is not a year"),
    );
    let kind_text = t.get(r, "periode");
    let kind = row.need(Period::parse_kind(kind_text), || {
        format!("periode {kind_text:?} is not tahunan, triwulan-1..4 or bulan-01..12")
    });
    let hasil = parse_rating(t, r, "hasil_kerja", &mut row);
    let perilaku = parse_rating(t, r, "perilaku", &mut row);
    let mut aspek: [AspekPenilaian; 7] = Default::default();
    for (slot, (_, rating_col, ekspektasi_col, umpan_balik_col)) in
        aspek.iter_mut().zip(ASPECT_COLUMNS)
    {
        let text = t.get(r, rating_col);
        slot.rating = if text.is_empty() {
            None
        } else {
            parse_rating(t, r, rating_col, &mut row)
        };
        slot.ekspektasi = clean_multiline(t.get(r, ekspektasi_col));
        slot.umpan_balik = clean_multiline(t.get(r, umpan_balik_col));
    }
    let penilai = parse_evaluator(t, r, "penilai_nip", "penilai_nama", &mut row);
    let atasan = parse_evaluator(t, r, "atasan_nip", "atasan_nama", &mut row);
    if let (Some(h), Some(p)) = (hasil, perilaku) {
        let given = t.get(r, "predikat");
        let matrix = crate::domain::predikat(h, p);
        if !given.is_empty() && Predikat::parse(given) != Some(matrix) {
            row.problems.push(format!(
                "predikat {given:?} does not follow from {} and {}: the matrix gives {}",
                h.label(),
                p.label(),
                matrix.label()
            ));
        }
    }
    match (nip, year, kind, hasil, perilaku) {
        (Some(nip), Some(year), Some(kind), Some(hasil_kerja), Some(perilaku))
            if row.problems.is_empty() =>
        {
            let Some(period) = Period::new(year, kind) else {
                return Err(vec![format!(
                    "periode {kind_text:?} of {year} is not a period"
                )]);
            };
            let e = Evaluation {
                id: 0,
                period,
                hasil_kerja,
                perilaku,
                aspek,
                penilai,
                atasan_penilai: atasan,
                catatan: clean_multiline(t.get(r, "catatan")),
                revision: 0,
            };
            e.validate(&nip, today).map_err(|e| vec![e.to_string()])?;
            Ok((nip.as_str().to_string(), e))
        }
        _ => Err(row.problems),
    }
}

fn import_evaluations(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let cols = columns::evaluations();
    let table = csvio::read(file, &cols)?;
    let today = today();
    let mut bad = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<(u64, Evaluation)>> = BTreeMap::new();
    let mut seen: HashMap<(String, Period), u64> = HashMap::new();
    let mut good = 0usize;
    let mut known: HashMap<String, bool> = HashMap::new();
    for (line, r) in &table.rows {
        match parse_evaluation(&table, r, today) {
            Ok((nip, e)) => {
                let exists = match known.get(&nip) {
                    Some(b) => *b,
                    None => {
                        let b = store.get_staff(&nip)?.is_some();
                        known.insert(nip.clone(), b);
                        b
                    }
                };
                if !exists {
                    bad.push((
                        *line,
                        format!("no staff with NIP {nip}; import the staff file first"),
                    ));
                } else if let Some(first) = seen.insert((nip.clone(), e.period), *line) {
                    bad.push((
                        *line,
                        format!("{} for this NIP is already on line {first}", e.period),
                    ));
                } else {
                    good += 1;
                    by_nip.entry(nip).or_default().push((*line, e));
                }
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good, opts)?;

    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut groups = Vec::new();
    for (nip, rows) in by_nip {
        let mut group = store.evaluation_group(&nip)?;
        let before = created + updated;
        for (_, e) in rows {
            let existing = group.items.iter().find(|x| x.period == e.period).cloned();
            let e = match &existing {
                Some(old) => keep_absent_evaluation_columns(&table, e, old),
                None => e,
            };
            let period = e.period;
            match merge_into(&mut group.items, &mut group.next_id, e, |x| {
                x.period == period
            }) {
                Merge::Created => created += 1,
                Merge::Updated => updated += 1,
                Merge::Unchanged => unchanged += 1,
            }
        }
        if created + updated > before {
            group.items.sort_by_key(|e| e.period.sort_key());
            groups.push((nip, group));
        }
    }
    let nothing_to_write = groups.is_empty();
    let summary = format!(
        "{}: {created} new, {updated} updated, {unchanged} unchanged evaluations{}",
        table.file,
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        }
    );
    if opts.dry_run {
        eprintln!("dry run, nothing written: {summary}");
        return Ok(());
    }
    if nothing_to_write {
        eprintln!("nothing to change: {summary}");
        return Ok(());
    }
    let mut w = BulkWriter::new(store);
    let bar = progress(groups.len() as u64, "import");
    for (nip, group) in &groups {
        w.put_evaluations(nip, group)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    w.finish(&os_user(), AuditAction::Import, &summary)?;
    eprintln!("imported {summary}");
    Ok(())
}

// ------------------------------------------------------------------ trainings

fn parse_training(
    t: &Table,
    r: &StringRecord,
    today: jiff::civil::Date,
) -> Result<(String, Training), Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let nip_text = t.get(r, "nip");
    let nip = match parse_any_nip(nip_text) {
        Ok(n) => Some(n),
        Err(e) => {
            row.problems.push(format!("nip {nip_text:?}: {e}"));
            None
        }
    };
    let judul = clean_line(t.get(r, "judul"));
    let jenis_text = t.get(r, "jenis");
    let jenis = row.need(TrainingKind::parse(jenis_text), || {
        format!("jenis {jenis_text:?} is not a kind of training (see the user guide for the list)")
    });
    let penyelenggara = clean_line(t.get(r, "penyelenggara"));
    let jp_text = t.get(r, "jenis_penyelenggara");
    let jenis_penyelenggara = if jp_text.is_empty() {
        Some(OrganiserKind::Pemerintah)
    } else {
        row.need(OrganiserKind::parse(jp_text), || {
            format!("jenis_penyelenggara {jp_text:?} is not pemerintah, swasta or BUMN/BUMD")
        })
    };
    let mulai_text = t.get(r, "mulai");
    let mulai = row.need(parse_date(mulai_text), || {
        format!("mulai {mulai_text:?} is not a date (2025-03-14, 14-03-2025 or 14/03/2025)")
    });
    let selesai_text = t.get(r, "selesai");
    let selesai = row.need(parse_date(selesai_text), || {
        format!("selesai {selesai_text:?} is not a date (2025-03-14, 14-03-2025 or 14/03/2025)")
    });
    let jp_col = t.get(r, "jp");
    let jam_col = t.get(r, "jam");
    let jp = if !jp_col.is_empty() {
        row.need(
            jp_col.parse::<u32>().ok().and_then(|n| validate_jp(n).ok()),
            || format!("jp {jp_col:?} is not a whole number from 1 to 1000"),
        )
    } else if !jam_col.is_empty() {
        let hours = jam_col.replace(',', ".").parse::<f64>().ok();
        row.need(
            hours.and_then(|h| validate_jp(jp_from_hours(h)).ok()),
            || format!("jam {jam_col:?} does not make 1 to 1000 JP of 45 minutes"),
        )
    } else {
        row.problems
            .push("jp is empty (give jp, or jam to count 45-minute JP)".into());
        None
    };
    let status_text = t.get(r, "status");
    let status = if status_text.is_empty() {
        // Without a status, the dates tell: over, under way, or planned.
        match (mulai, selesai) {
            (_, Some(end)) if end < today => Some(TrainingStatus::Selesai),
            (Some(start), _) if start <= today => Some(TrainingStatus::Berlangsung),
            _ => Some(TrainingStatus::Rencana),
        }
    } else {
        row.need(TrainingStatus::parse(status_text), || {
            format!("status {status_text:?} is not rencana, berlangsung or selesai")
        })
    };
    match (nip, jenis, jenis_penyelenggara, mulai, selesai, jp, status) {
        (
            Some(nip),
            Some(jenis),
            Some(jenis_penyelenggara),
            Some(mulai),
            Some(selesai),
            Some(jp),
            Some(status),
        ) if row.problems.is_empty() => {
            let training = Training {
                id: 0,
                judul,
                jenis,
                penyelenggara,
                jenis_penyelenggara,
                mulai,
                selesai,
                jp,
                status,
                no_sertifikat: clean_line(t.get(r, "no_sertifikat")),
                catatan: clean_multiline(t.get(r, "catatan")),
                revision: 0,
            };
            training.validate().map_err(|e| vec![e.to_string()])?;
            Ok((nip.as_str().to_string(), training))
        }
        _ => Err(row.problems),
    }
}

/// What importing one row did to a person's group.
enum Merge {
    Created,
    Updated,
    Unchanged,
}

/// Puts an imported record into its group: into the matching one (a new revision if it
/// differs), or as a new one with the next id.
fn merge_into<T: Revised + PartialEq>(
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

/// An optional evaluation column the file does not have keeps what the stored record says
/// (as for staff): a short file with only the ratings must not wipe feedback or notes.
fn keep_absent_evaluation_columns(t: &Table, mut e: Evaluation, old: &Evaluation) -> Evaluation {
    if !t.has("penilai_nip") && !t.has("penilai_nama") {
        e.penilai = old.penilai.clone();
    }
    if !t.has("atasan_nip") && !t.has("atasan_nama") {
        e.atasan_penilai = old.atasan_penilai.clone();
    }
    for (i, (_, rating, ekspektasi, umpan_balik)) in ASPECT_COLUMNS.iter().enumerate() {
        if !t.has(rating) {
            e.aspek[i].rating = old.aspek[i].rating;
        }
        if !t.has(ekspektasi) {
            e.aspek[i].ekspektasi = old.aspek[i].ekspektasi.clone();
        }
        if !t.has(umpan_balik) {
            e.aspek[i].umpan_balik = old.aspek[i].umpan_balik.clone();
        }
    }
    if !t.has("catatan") {
        e.catatan = old.catatan.clone();
    }
    e
}

/// As for evaluations: optional training columns the file lacks keep the stored values.
fn keep_absent_training_columns(t: &Table, mut tr: Training, old: &Training) -> Training {
    if !t.has("jenis_penyelenggara") {
        tr.jenis_penyelenggara = old.jenis_penyelenggara;
    }
    if !t.has("status") {
        tr.status = old.status;
    }
    if !t.has("no_sertifikat") {
        tr.no_sertifikat = old.no_sertifikat.clone();
    }
    if !t.has("catatan") {
        tr.catatan = old.catatan.clone();
    }
    tr
}

/// Two rows are the same training for a person when title, start and organiser agree.
fn same_training(a: &Training, b: &Training) -> bool {
    a.judul == b.judul
        && a.mulai == b.mulai
        && unit_id(&a.penyelenggara) == unit_id(&b.penyelenggara)
}

fn import_trainings(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::TRAININGS)?;
    let today = today();
    let mut bad = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<Training>> = BTreeMap::new();
    let mut known: HashMap<String, bool> = HashMap::new();
    let mut good = 0usize;
    for (line, r) in &table.rows {
        match parse_training(&table, r, today) {
            Ok((nip, t)) => {
                let exists = match known.get(&nip) {
                    Some(b) => *b,
                    None => {
                        let b = store.get_staff(&nip)?.is_some();
                        known.insert(nip.clone(), b);
                        b
                    }
                };
                if !exists {
                    bad.push((
                        *line,
                        format!("no staff with NIP {nip}; import the staff file first"),
                    ));
                } else if by_nip
                    .get(&nip)
                    .is_some_and(|v| v.iter().any(|x| same_training(x, &t)))
                {
                    bad.push((
                        *line,
                        "the same training (title, start, organiser) is on an earlier line".into(),
                    ));
                } else {
                    good += 1;
                    by_nip.entry(nip).or_default().push(t);
                }
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good, opts)?;

    let mut partners: HashMap<String, Partner> = store
        .partners()?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut new_partners = Vec::new();
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut groups = Vec::new();
    for (nip, rows) in by_nip {
        let mut group = store.training_group(&nip)?;
        let before = created + updated;
        for t in rows {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                partners.entry(unit_id(&t.penyelenggara))
            {
                let p = Partner {
                    id: slot.key().clone(),
                    name: t.penyelenggara.clone(),
                    kind: t.jenis_penyelenggara,
                };
                slot.insert(p.clone());
                new_partners.push(p);
            }
            let existing = group.items.iter().find(|x| same_training(x, &t)).cloned();
            let t = match &existing {
                Some(old) => keep_absent_training_columns(&table, t, old),
                None => t,
            };
            let key = t.clone();
            match merge_into(&mut group.items, &mut group.next_id, t, |x| {
                same_training(x, &key)
            }) {
                Merge::Created => created += 1,
                Merge::Updated => updated += 1,
                Merge::Unchanged => unchanged += 1,
            }
        }
        if created + updated > before {
            group.items.sort_by_key(|t| (t.mulai, t.id));
            groups.push((nip, group));
        }
    }
    let nothing_to_write = groups.is_empty() && new_partners.is_empty();
    let summary = format!(
        "{}: {created} new, {updated} updated, {unchanged} unchanged trainings; {} new partner(s){}",
        table.file,
        new_partners.len(),
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        }
    );
    if opts.dry_run {
        eprintln!("dry run, nothing written: {summary}");
        return Ok(());
    }
    if nothing_to_write {
        eprintln!("nothing to change: {summary}");
        return Ok(());
    }
    let mut w = BulkWriter::new(store);
    for p in &new_partners {
        w.put_partner(p)?;
    }
    let bar = progress(groups.len() as u64, "import");
    for (nip, group) in &groups {
        w.put_trainings(nip, group)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    w.finish(&os_user(), AuditAction::Import, &summary)?;
    eprintln!("imported {summary}");
    Ok(())
}
