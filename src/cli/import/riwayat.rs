//! `kinerja import riwayat` (issue 21): career histories, one row per change, as SIASN's
//! riwayat exports give them. For each person, the kinds the file has rows of (pangkat,
//! jabatan, unit) replace that person's entries of those kinds; the other kinds stay. An
//! entry on the same TMT as a stored one keeps its id. The staff record follows the newest
//! entries (`Career::apply`); a unit the file names that is not stored is added.

use super::*;
use crate::domain::{Career, CareerEntry, CareerKind, CareerValue};

/// One good row: the person's NIP digits and the entry it gives (id 0), the unit's name
/// for a unit entry.
struct Parsed {
    nip: String,
    entry: CareerEntry,
    unit_name: Option<String>,
}

fn parse_row(
    t: &Table,
    r: &StringRecord,
    staff_of: &mut dyn FnMut(&str) -> Result<Option<Staff>, Failure>,
) -> Result<Result<Parsed, Vec<String>>, Failure> {
    if let Some(p) = t.width_problem(r) {
        return Ok(Err(vec![p]));
    }
    let mut row = Row::default();
    let nip_text = t.get(r, "nip");
    let staff = match parse_any_nip(nip_text) {
        Ok(n) => match staff_of(n.as_str())? {
            Some(s) => Some(s),
            None => {
                row.problems.push(format!(
                    "no staff with NIP {}; import the staff file first",
                    n.as_str()
                ));
                None
            }
        },
        Err(e) => {
            row.problems.push(format!("nip {nip_text:?}: {e}"));
            None
        }
    };
    let (gol, jab, unit) = (t.get(r, "golongan"), t.get(r, "jabatan"), t.get(r, "unit"));
    let jenis_text = t.get(r, "jenis");
    let kind = if jenis_text.is_empty() {
        let filled: Vec<CareerKind> = [
            (CareerKind::Pangkat, gol),
            (CareerKind::Jabatan, jab),
            (CareerKind::Unit, unit),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, _)| k)
        .collect();
        row.need((filled.len() == 1).then(|| filled[0]), || {
            "jenis is empty and the row fills not exactly one of golongan, jabatan and unit: say pangkat, jabatan or unit".to_string()
        })
    } else {
        row.need(CareerKind::parse(jenis_text), || {
            format!("jenis {jenis_text:?} is not pangkat, jabatan or unit")
        })
    };
    let mut unit_name = None;
    let value = match kind {
        None => None,
        Some(CareerKind::Pangkat) => {
            let kind = staff.as_ref().map_or(EmploymentKind::Pns, |s| s.nip.kind());
            row.need(Golongan::parse_for(gol, kind), || match kind {
                EmploymentKind::Pns => {
                    format!("golongan {gol:?} is not a PNS rank (I/a to IV/e)")
                }
                EmploymentKind::Pppk => {
                    format!("golongan {gol:?} is not a PPPK golongan (I to XVII)")
                }
                EmploymentKind::PppkParuhWaktu => format!(
                    "golongan {gol:?} is not a PPPK golongan (I to XVII), nor empty or \"-\" (none stated)"
                ),
            })
            .map(CareerValue::Pangkat)
        }
        Some(CareerKind::Jabatan) => {
            let nama = clean_line(jab);
            let jj = t.get(r, "jenis_jabatan");
            if nama.is_empty() {
                row.problems.push("jabatan is empty".into());
                None
            } else {
                row.need(JenisJabatan::from_kind_and_name(jj, &nama), || {
                    format!(
                        "jenis_jabatan {jj:?} is not a jenis jabatan (Pelaksana, Ahli Muda, ...; a general kind such as \"Jabatan Fungsional\" works when the jabatan ends in its jenjang)"
                    )
                })
                .map(|jenis| CareerValue::Jabatan(Jabatan { nama, jenis }))
            }
        }
        Some(CareerKind::Unit) => {
            let name = clean_line(unit);
            if unit_id(&name).is_empty() {
                row.problems.push("unit is empty".into());
                None
            } else {
                let id = unit_id(&name);
                unit_name = Some(name);
                Some(CareerValue::Unit(id))
            }
        }
    };
    let tmt = optional_date(t, r, "tmt", &mut row);
    Ok(match (staff, value) {
        (Some(staff), Some(value)) if row.problems.is_empty() => Ok(Parsed {
            nip: staff.nip.as_str().to_string(),
            entry: CareerEntry {
                id: 0,
                tmt,
                value,
                nomor_sk: clean_line(t.get(r, "nomor_sk")),
            },
            unit_name,
        }),
        _ => Err(row.problems),
    })
}

/// `career` with its entries of the kinds in `rows` replaced by the rows' entries; an
/// entry of the same kind and TMT as a stored one keeps that one's id.
fn replaced(career: &Career, rows: &[(u64, CareerEntry)]) -> Career {
    let kinds: HashSet<CareerKind> = rows.iter().map(|(_, e)| e.kind()).collect();
    let mut old: Vec<CareerEntry> = career
        .entries
        .iter()
        .filter(|e| kinds.contains(&e.kind()))
        .cloned()
        .collect();
    let mut next = Career {
        entries: career
            .entries
            .iter()
            .filter(|e| !kinds.contains(&e.kind()))
            .cloned()
            .collect(),
        ..career.clone()
    };
    for (_, e) in rows {
        let mut e = e.clone();
        if let Some(i) = old
            .iter()
            .position(|o| o.kind() == e.kind() && o.tmt == e.tmt)
        {
            e.id = old.remove(i).id;
        } else {
            let id = next.next_id.max(1);
            next.next_id = id + 1;
            e.id = id;
        }
        next.entries.push(e);
    }
    next.sort();
    next
}

pub(super) fn import_riwayat(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::RIWAYAT, opts.ignore_unknown_columns)?;
    let mut staff: HashMap<String, Option<Staff>> = HashMap::new();
    let mut staff_of = |nip: &str| -> Result<Option<Staff>, Failure> {
        if let Some(s) = staff.get(nip) {
            return Ok(s.clone());
        }
        let s = store.get_staff(nip)?;
        staff.insert(nip.to_string(), s.clone());
        Ok(s)
    };
    let mut bad: Vec<(u64, String)> = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<(u64, CareerEntry)>> = BTreeMap::new();
    let mut unit_names: BTreeMap<String, String> = BTreeMap::new();
    let mut good = 0usize;
    for (line, r) in &table.rows {
        match parse_row(&table, r, &mut staff_of)? {
            Ok(p) => {
                good += 1;
                if let Some(name) = p.unit_name {
                    unit_names.entry(unit_id(&name)).or_insert(name);
                }
                by_nip.entry(p.nip).or_default().push((*line, p.entry));
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    // Each person's history as the file makes it, checked as a whole: a problem names the
    // person's lines.
    let mut plans: Vec<(Staff, Career, Career)> = Vec::new();
    for (nip, rows) in &by_nip {
        let Some(person) = staff_of(nip)? else {
            continue;
        };
        let career = store
            .stored_career(nip)?
            .unwrap_or_else(|| Career::implied(&person));
        let next = replaced(&career, rows);
        match next.validate(&person.nip) {
            Ok(()) => plans.push((person, career, next)),
            Err(e) => {
                let lines: Vec<String> = rows.iter().map(|(l, _)| l.to_string()).collect();
                good -= rows.len();
                bad.push((
                    rows[0].0,
                    format!(
                        "NIP {nip} (line(s) {}): the history would break: {e}",
                        lines.join(", ")
                    ),
                ));
            }
        }
    }
    bad.sort_by_key(|(l, _)| *l);
    report_bad(&table, &bad, good, opts)?;

    let known: HashSet<String> = store.units()?.into_iter().map(|u| u.id).collect();
    let new_units: Vec<Unit> = unit_names
        .iter()
        .filter(|(id, _)| !known.contains(*id))
        .map(|(_, name)| Unit::new(name, UnitKind::guess_from_name(name), None))
        .collect();
    let (mut created, mut updated, mut unchanged, mut records) = (0usize, 0usize, 0usize, 0usize);
    let mut writes: Vec<(Career, Staff, Option<Staff>)> = Vec::new();
    for (person, career, mut next) in plans {
        if next == career {
            unchanged += 1;
            continue;
        }
        if career.revision == 0 {
            created += 1;
        } else {
            updated += 1;
        }
        next.revision = career.revision + 1;
        let now = next.apply(&person);
        let changed = (now != person).then(|| {
            records += 1;
            Staff {
                revision: person.revision + 1,
                ..now
            }
        });
        writes.push((next, person, changed));
    }
    let counts = with_skipped(
        format!(
            "{created} new, {updated} updated, {unchanged} unchanged histories; {records} staff record(s) follow their newest entries; {} unit(s) added",
            new_units.len()
        ),
        bad.len(),
    );
    write_run(
        store,
        &table,
        opts,
        "riwayat",
        &counts,
        writes.len() + new_units.len(),
        |w, tick| {
            for u in &new_units {
                w.put_unit(u)?;
                tick();
            }
            for (career, old, new) in &writes {
                if let Some(new) = new {
                    w.put_staff(new, Some(old))?;
                }
                w.put_career(old.nip.as_str(), career)?;
                tick();
            }
            Ok(())
        },
    )
}
