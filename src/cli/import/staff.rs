//! `kinerja import staff`: staff by NIP, with their units.

use super::*;

pub(super) struct StaffRow {
    /// The row's line in the file (set once parsed).
    line: u64,
    staff: Staff,
    /// The old jabatan pelaksana name the file gave, read as its PermenPANRB 45/2022 name.
    renamed_from: Option<String>,
    unit_name: String,
    unit_kind: Option<UnitKind>,
    parent_name: Option<String>,
}

pub(super) fn parse_staff(t: &Table, r: &StringRecord) -> Result<StaffRow, Vec<String>> {
    let mut row = Row::default();
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let status = t.get(r, "status");
    let kind = if status.is_empty() {
        Some(EmploymentKind::Pns)
    } else {
        row.need(EmploymentKind::parse(status), || {
            format!("status {status:?} is not PNS, PPPK or PPPK Paruh Waktu")
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
    let golongan = row.need(Golongan::parse_for(gol, kind), || match kind {
        EmploymentKind::Pns => format!("golongan {gol:?} is not a PNS rank (I/a to IV/e)"),
        EmploymentKind::Pppk => format!("golongan {gol:?} is not a PPPK golongan (I to XVII)"),
        EmploymentKind::PppkParuhWaktu => format!(
            "golongan {gol:?} is not a PPPK golongan (I to XVII); a PPPK paruh waktu may leave it empty"
        ),
    });
    let pend = t.get(r, "pendidikan");
    let pendidikan = row.need(Pendidikan::parse(pend), || {
        format!(
            "pendidikan {pend:?} is not one of SD, SLTP, SLTA, D-I, D-II, D-III, D-IV, S-1, \
             Profesi, S-2, Sp-1, S-3, Sp-2 (old codes such as SMA, D3, S1 are read too)"
        )
    });
    let jabatan = clean_line(t.get(r, "jabatan"));
    if jabatan.is_empty() {
        row.problems.push("jabatan is empty".into());
    }
    let jj = t.get(r, "jenis_jabatan");
    let jenis = row.need(JenisJabatan::from_kind_and_name(jj, &jabatan), || {
        let all: Vec<&str> = JenisJabatan::ALL.iter().map(|j| j.label()).collect();
        format!(
            "jenis_jabatan {jj:?} is not one of: {} (a general kind such as \"Jabatan Fungsional\" works when the jabatan ends in its jenjang)",
            all.join(", ")
        )
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
            // An old jabatan pelaksana name is read as its new one (PermenPANRB 45/2022).
            let (jabatan, renamed_from) = match crate::domain::jabatan::pelaksana_renamed(&jabatan)
            {
                Some(new) if jenis == JenisJabatan::Pelaksana => (new.to_string(), Some(jabatan)),
                _ => (jabatan, None),
            };
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
                line: 0,
                staff,
                renamed_from,
                unit_name,
                unit_kind,
                parent_name: (!parent.is_empty()).then_some(parent),
            })
        }
        _ => Err(row.problems),
    }
}

/// A stored person that a new row's NIP probably copies with its last digits changed by
/// Excel (DOMAIN.md: Excel keeps 15 significant digits): the same first 15 digits, name
/// and unit, another NIP.
fn probable_excel_twin(store: &Store, row: &StaffRow) -> Result<Option<Staff>, Failure> {
    let nip = row.staff.nip.as_str();
    if store.get_staff(nip)?.is_some() {
        return Ok(None);
    }
    let name = row.staff.nama.to_lowercase();
    let unit = unit_id(&row.unit_name);
    Ok(store
        .staff_with_prefix(&nip[..15])?
        .into_iter()
        .find(|s| s.nama.to_lowercase() == name && s.unit_id == unit))
}

pub(super) fn import_staff(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::STAFF, opts.ignore_unknown_columns)?;
    let mut bad = Vec::new();
    let mut good: Vec<StaffRow> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, r) in &table.rows {
        match parse_staff(&table, r) {
            Ok(mut row) => {
                row.line = *line;
                let nip = row.staff.nip.as_str().to_string();
                if let Some(first) = seen.insert(nip.clone(), *line) {
                    bad.push((
                        *line,
                        format!("NIP {} is already on line {first}", row.staff.nip),
                    ));
                } else if !opts.allow_similar_nip
                    && let Some(twin) = probable_excel_twin(store, &row)?
                {
                    bad.push((
                        *line,
                        format!(
                            "NIP {} is new, but {} with the same name and unit is stored as NIP {}: the first 15 digits agree, as when Excel changes the last ones. Correct the NIP, or if they are two people use --allow-similar-nip",
                            row.staff.nip, twin.nama, twin.nip
                        ),
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
    let mut careers: Vec<(String, crate::domain::Career)> = Vec::new();
    // Warnings (DOMAIN.md: warn, never refuse): said per row on the officer's terminal,
    // counted in the summary; the audit trail gets only the count.
    let mut warned = 0usize;
    let today = today();
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
        if let Some(old) = &row.renamed_from {
            tell!(
                "{}:{}: note: NIP {}: jabatan {old:?} is read as {:?} (PermenPANRB 45/2022)",
                table.file,
                row.line,
                row.staff.nip,
                row.staff.jabatan.nama
            );
        }
        for w in crate::domain::staff_warnings(&row.staff, today) {
            warned += 1;
            tell!(
                "{}:{}: warning: NIP {}: {w}",
                table.file,
                row.line,
                row.staff.nip
            );
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
                // A changed golongan, jabatan or unit is a career entry dated today
                // (`Career::follow`, issue 21).
                let nip = new.nip.as_str();
                let mut career = store
                    .stored_career(nip)?
                    .unwrap_or_else(|| crate::domain::Career::implied(&old));
                if career.follow(&new, today) {
                    career.validate(&new.nip).map_err(|e| {
                        Failure::data(format!(
                            "{}:{}: NIP {}: the career history would break: {e}; nothing was written",
                            table.file, row.line, new.nip
                        ))
                    })?;
                    career.revision += 1;
                    careers.push((nip.to_string(), career));
                }
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
        "{}: {created} new, {updated} updated, {unchanged} unchanged staff; {} unit(s) added or changed{}{}",
        table.file,
        changed_units.len(),
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        },
        if warned == 0 {
            String::new()
        } else {
            format!("; {warned} warning(s), imported anyway")
        }
    );
    if opts.dry_run {
        tell!("dry run, nothing written: {summary}");
        return Ok(());
    }
    if nothing_to_write {
        tell!("nothing to change: {summary}");
        return Ok(());
    }
    let mut w = BulkWriter::for_job(
        store,
        AuditAction::Import,
        &os_user(),
        &format!("staff {}", table.file),
    );
    for u in changed_units.values() {
        w.put_unit(u)?;
    }
    let bar = progress(writes.len() as u64, "import");
    for (new, old) in &writes {
        w.put_staff(new, old.as_ref())?;
        bar.inc(1);
    }
    for (nip, career) in &careers {
        w.put_career(nip, career)?;
    }
    bar.finish_and_clear();
    w.finish(&os_user(), AuditAction::Import, &summary)?;
    tell!("imported {summary}");
    Ok(())
}
