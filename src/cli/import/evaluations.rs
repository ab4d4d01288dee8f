//! `kinerja import evaluations`: one per NIP and period.

use super::*;

pub(super) fn parse_evaluator(
    t: &Table,
    r: &StringRecord,
    nip_col: &str,
    name_col: &str,
    row: &mut Row,
) -> Option<PersonAtTime> {
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
    (nip.is_some() || !nama.is_empty()).then_some(PersonAtTime {
        nip,
        nama,
        ..Default::default()
    })
}

pub(super) fn parse_rating(
    t: &Table,
    r: &StringRecord,
    col: &str,
    row: &mut Row,
) -> Option<Rating> {
    let text = t.get(r, col);
    row.need(Rating::parse(text), || {
        format!("{col} {text:?} is not a rating (1/atas, 2/sesuai, 3/bawah)")
    })
}

pub(super) fn parse_evaluation(
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
    let mut berakhlak: [PenilaianNilai; 7] = Default::default();
    for (slot, (_, rating_col, ekspektasi_col, umpan_balik_col)) in
        berakhlak.iter_mut().zip(ASPECT_COLUMNS)
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
    let mut penilai = parse_evaluator(t, r, "penilai_nip", "penilai_nama", &mut row);
    let mut atasan = parse_evaluator(t, r, "atasan_nip", "atasan_nama", &mut row);
    for (p, prefix) in [(&mut penilai, "penilai"), (&mut atasan, "atasan")] {
        if let Some(p) = p {
            person_details(t, r, prefix, p, &mut row);
        }
    }
    let diterima = optional_date(t, r, "diterima", &mut row);
    let mut pegawai = PersonAtTime {
        nip: nip.clone(),
        nama: clean_line(t.get(r, "pegawai_nama")),
        ..Default::default()
    };
    person_details(t, r, "pegawai", &mut pegawai, &mut row);
    let pegawai = (!pegawai.nama.is_empty()
        || pegawai.golongan.is_some()
        || !pegawai.jabatan.is_empty()
        || !pegawai.unit.is_empty())
    .then_some(pegawai);
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
                berakhlak,
                penilai,
                atasan_penilai: atasan,
                catatan: clean_multiline(t.get(r, "catatan")),
                revision: 0,
                diterima,
                keberatan: None,
                pegawai,
            };
            e.validate(&nip, today).map_err(|e| vec![e.to_string()])?;
            Ok((nip.as_str().to_string(), e))
        }
        _ => Err(row.problems),
    }
}

/// How late in its year a row's period is: the annual last, then by [`Period::sort_key`].
type Rank = (bool, (i16, i8, u8));

pub(super) fn import_evaluations(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let cols = columns::evaluations();
    let table = csvio::read(file, &cols, opts.ignore_unknown_columns)?;
    let today = today();
    let mut bad = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<(u64, Evaluation)>> = BTreeMap::new();
    let mut seen: HashMap<(String, Period), u64> = HashMap::new();
    let mut good = 0usize;
    // Per NIP: the person's NIP (kind and appointment) and their stored evaluations.
    let mut known: HashMap<String, Option<(crate::domain::Nip, Vec<Evaluation>)>> = HashMap::new();
    let mut missing_evaluator = 0usize;
    for (line, r) in &table.rows {
        match parse_evaluation(&table, r, today) {
            Ok((nip, e)) => {
                if !known.contains_key(&nip) {
                    let found = match store.get_staff(&nip)? {
                        Some(s) => Some((s.nip, store.evaluation_group(&nip)?.items)),
                        None => None,
                    };
                    known.insert(nip.clone(), found);
                }
                let Some(Some((person, stored))) = known.get(&nip) else {
                    bad.push((
                        *line,
                        format!("no staff with NIP {nip}; import the staff file first"),
                    ));
                    continue;
                };
                // The evaluator a stored evaluation keeps when the file has no such column.
                let evaluator_kept = !table.has("penilai_nip")
                    && !table.has("penilai_nama")
                    && stored
                        .iter()
                        .any(|x| x.period == e.period && x.penilai.is_some());
                let mut problems = Vec::new();
                if e.period.before_appointment(person) {
                    problems.push(format!(
                        "{} ends before the person's appointment (TMT {:04}-{:02}): it cannot be evaluated",
                        e.period,
                        person.appointed().0,
                        person.appointed().1
                    ));
                }
                for p in crate::domain::evaluation::who_problems(&e, &nip) {
                    match p {
                        crate::domain::evaluation::WhoProblem::NoEvaluator if evaluator_kept => {}
                        crate::domain::evaluation::WhoProblem::NoEvaluator
                            if opts.allow_missing_evaluator =>
                        {
                            missing_evaluator += 1;
                        }
                        crate::domain::evaluation::WhoProblem::NoEvaluator => problems.push(
                            "no pejabat penilai: penilai_nama is required (penilai_nip may be empty); for historical data without one, use --allow-missing-evaluator".into(),
                        ),
                        crate::domain::evaluation::WhoProblem::EvaluatorIsPerson => {
                            problems.push("the evaluator (penilai_nip) is the person evaluated".into())
                        }
                        crate::domain::evaluation::WhoProblem::AtasanIsPerson => {
                            problems.push("the atasan (atasan_nip) is the person evaluated".into())
                        }
                    }
                }
                // An objection's result is the evaluation's ratings (PP 30/2019 Pasal 59):
                // they change through the objection, not under it.
                if let Some(old) = stored.iter().find(|x| x.period == e.period)
                    && let Some(k) = &old.keberatan
                    && (e.hasil_kerja, e.perilaku) != (old.hasil_kerja, old.perilaku)
                {
                    problems.push(format!(
                        "{} has an objection ({}): its ratings stay {} and {} as the objection gives them; change them with `kinerja import keberatan`",
                        e.period,
                        k.status().code(),
                        old.hasil_kerja.code(),
                        old.perilaku.code()
                    ));
                }
                if !problems.is_empty() {
                    bad.push((*line, problems.join("; ")));
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
    // Periods not ended yet: written, and counted as provisional (DOMAIN.md).
    let mut provisional = 0usize;
    let mut groups = Vec::new();
    // The annual is the final periodic evaluation (DOMAIN.md, The SKP cycle): warned, by
    // the line of the file's annual (or else its last periodic row) of that year.
    let mut akhir: Vec<(u64, String)> = Vec::new();
    for (nip, rows) in by_nip {
        let mut group = store.evaluation_group(&nip)?;
        let before = created + updated;
        // Per year, the line of the row that sorts last: the annual, else the latest.
        let mut lines: BTreeMap<i16, (u64, Rank)> = BTreeMap::new();
        for (line, e) in &rows {
            let rank = (
                e.period.kind == crate::domain::PeriodKind::Tahunan,
                e.period.sort_key(),
            );
            let slot = lines.entry(e.period.year).or_insert((*line, rank));
            if rank > slot.1 {
                *slot = (*line, rank);
            }
        }
        for (_, e) in rows {
            let existing = group.items.iter().find(|x| x.period == e.period).cloned();
            let e = match &existing {
                Some(old) => keep_absent_evaluation_columns(&table, e, old),
                None => e,
            };
            let period = e.period;
            let merged = merge_into(&mut group.items, &mut group.next_id, e, |x| {
                x.period == period
            });
            if !matches!(merged, Merge::Unchanged) && period.is_provisional(today) {
                provisional += 1;
            }
            match merged {
                Merge::Created => created += 1,
                Merge::Updated => updated += 1,
                Merge::Unchanged => unchanged += 1,
            }
        }
        for (year, (line, _)) in lines {
            if let Some((annual, last, period)) = crate::domain::akhir_differs(&group.items, year) {
                akhir.push((
                    line,
                    format!(
                        "NIP {nip}: the annual {year} is {}, the last periodic evaluation of the year ({period}) is {}; the annual is the final periodic one (TRIWULAN IV - AKHIR, PermenPANRB 6/2022): imported",
                        annual.label(),
                        last.label()
                    ),
                ));
            }
        }
        if created + updated > before {
            group.items.sort_by_key(|e| e.period.sort_key());
            groups.push((nip, group));
        }
    }
    akhir.sort();
    for (line, why) in &akhir {
        tell!("{}:{line}: warning: {why}", table.file);
    }
    let nothing_to_write = groups.is_empty();
    let summary = format!(
        "{}: {created} new, {updated} updated, {unchanged} unchanged evaluations{}{}{}{}",
        table.file,
        if akhir.is_empty() {
            String::new()
        } else {
            format!(
                "; {} annual(s) differ from the last periodic evaluation of their year",
                akhir.len()
            )
        },
        if provisional > 0 {
            format!("; {provisional} provisional (the period has not ended yet)")
        } else {
            String::new()
        },
        if missing_evaluator > 0 {
            format!("; {missing_evaluator} without a pejabat penilai (--allow-missing-evaluator)")
        } else {
            String::new()
        },
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
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
        &format!("evaluations {}", table.file),
    );
    let bar = progress(groups.len() as u64, "import");
    for (nip, group) in &groups {
        w.put_evaluations(nip, group)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    w.finish(&os_user(), AuditAction::Import, &summary)?;
    tell!("imported {summary}");
    Ok(())
}

/// An optional evaluation column the file does not have keeps what the stored record says
/// (as for staff): a short file with only the ratings must not wipe feedback or notes.
pub(super) fn keep_absent_evaluation_columns(
    t: &Table,
    mut e: Evaluation,
    old: &Evaluation,
) -> Evaluation {
    for (prefix, new, old) in [
        ("penilai", &mut e.penilai, &old.penilai),
        ("atasan", &mut e.atasan_penilai, &old.atasan_penilai),
    ] {
        if !t.has(&format!("{prefix}_nip")) && !t.has(&format!("{prefix}_nama")) {
            *new = old.clone();
        } else if !has_details(t, prefix)
            && let (Some(n), Some(o)) = (new.as_mut(), old.as_ref())
        {
            (n.golongan, n.jabatan, n.unit) = (o.golongan, o.jabatan.clone(), o.unit.clone());
        }
    }
    for (i, (_, rating, ekspektasi, umpan_balik)) in ASPECT_COLUMNS.iter().enumerate() {
        if !t.has(rating) {
            e.berakhlak[i].rating = old.berakhlak[i].rating;
        }
        if !t.has(ekspektasi) {
            e.berakhlak[i].ekspektasi = old.berakhlak[i].ekspektasi.clone();
        }
        if !t.has(umpan_balik) {
            e.berakhlak[i].umpan_balik = old.berakhlak[i].umpan_balik.clone();
        }
    }
    if !t.has("catatan") {
        e.catatan = old.catatan.clone();
    }
    if !t.has("diterima") {
        e.diterima = old.diterima;
    }
    if !t.has("pegawai_nama") && !has_details(t, "pegawai") {
        e.pegawai = old.pegawai.clone();
    }
    // The objection has a file of its own (`import keberatan`): it stays as stored.
    e.keberatan = old.keberatan.clone();
    e
}
