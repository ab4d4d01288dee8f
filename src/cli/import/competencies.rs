//! `kinerja import competencies` and `kinerja import requirements` (AKPK, issue 13): the
//! competency catalogue, matched by name (its id), and which positions need which
//! competency. Requirements are added; only `--replace` removes those the file does not
//! list, so that an officer's edited spreadsheet (the export with rows deleted) becomes
//! the stored set. Each removed requirement is named, also on `--dry-run`.

use super::*;
use crate::domain::{Competency, CompetencyKind, Requirement};

/// Splits a `;`-separated list, dropping empty parts.
fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(clean_line)
        .filter(|x| !x.is_empty())
        .collect()
}

fn parse_competency(t: &Table, r: &StringRecord) -> Result<Competency, Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let name = clean_line(t.get(r, "nama"));
    if unit_id(&name).is_empty() {
        row.problems.push("nama is empty".into());
    }
    let kind_text = t.get(r, "jenis");
    let kind = row.need(CompetencyKind::parse(kind_text), || {
        format!("jenis {kind_text:?} is not teknis, manajerial or sosial kultural")
    });
    let mut kinds = Vec::new();
    for k in list(t.get(r, "jenis_pelatihan")) {
        if let Some(k) = row.need(TrainingKind::parse(&k), || {
            format!("jenis_pelatihan {k:?} is not a training kind (see the user guide)")
        }) {
            kinds.push(k);
        }
    }
    let words = list(t.get(r, "kata_judul"));
    let months_text = t.get(r, "berlaku_bulan").trim();
    let months = if months_text.is_empty() {
        Some(None)
    } else {
        row.need(
            months_text
                .parse::<u16>()
                .ok()
                .filter(|m| (1..=crate::domain::competency::MAX_VALIDITY_MONTHS).contains(m))
                .map(Some),
            || {
                format!(
                    "berlaku_bulan {months_text:?} is not a number of months from 1 to {} (empty: for good)",
                    crate::domain::competency::MAX_VALIDITY_MONTHS
                )
            },
        )
    };
    if kinds.is_empty() && words.is_empty() && row.problems.is_empty() {
        row.problems.push(
            "neither jenis_pelatihan nor kata_judul is given: nothing would satisfy it".into(),
        );
    }
    match (kind, months) {
        (Some(kind), Some(months)) if row.problems.is_empty() => {
            let c = Competency::new(&name, kind, kinds, words, months);
            c.validate().map_err(|e| vec![e.to_string()])?;
            Ok(c)
        }
        _ => Err(row.problems),
    }
}

pub(super) fn import_competencies(
    store: &Store,
    file: &Path,
    opts: Options,
) -> Result<(), Failure> {
    let table = csvio::read(file, columns::COMPETENCIES, opts.ignore_unknown_columns)?;
    let stored: BTreeMap<String, Competency> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    let mut bad = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut good: Vec<Competency> = Vec::new();
    // The summaries keep a competency by a 32-bit key of its id: two ids with one key
    // cannot both be in the catalogue (a clash is about one in a billion per pair).
    let mut keys: HashMap<u32, String> = stored.values().map(|c| (c.key(), c.id.clone())).collect();
    for (line, r) in &table.rows {
        match parse_competency(&table, r) {
            Ok(c) if keys.get(&c.key()).is_some_and(|id| *id != c.id) => bad.push((
                *line,
                format!(
                    "competency {:?} clashes with {:?} in the key the summaries keep; rename it slightly",
                    c.name,
                    keys[&c.key()]
                ),
            )),
            Ok(c) => match seen.get(&c.id) {
                Some(first) => bad.push((
                    *line,
                    format!(
                        "line {first} already names competency {:?}; keep one",
                        c.name
                    ),
                )),
                None => {
                    seen.insert(c.id.clone(), *line);
                    keys.insert(c.key(), c.id.clone());
                    good.push(c);
                }
            },
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good.len(), opts)?;
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut changed = Vec::new();
    for c in good {
        match stored.get(&c.id) {
            Some(old) if *old == c => unchanged += 1,
            Some(_) => {
                updated += 1;
                changed.push(c);
            }
            None => {
                created += 1;
                changed.push(c);
            }
        }
    }
    let summary = format!(
        "{}: {created} new, {updated} changed, {unchanged} unchanged competenc(ies){}",
        table.file,
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        }
    );
    finish(store, &table, opts, &summary, "competencies", |w| {
        for c in &changed {
            w.put_competency(c)?;
        }
        Ok(!changed.is_empty())
    })
}

fn parse_requirement(
    t: &Table,
    r: &StringRecord,
    catalogue: &BTreeMap<String, Competency>,
) -> Result<Requirement, Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let jabatan = clean_line(t.get(r, "jabatan"));
    let jenis_text = t.get(r, "jenis_jabatan").trim();
    let jenis = if jenis_text.is_empty() {
        Some(None)
    } else {
        row.need(JenisJabatan::parse(jenis_text).map(Some), || {
            format!("jenis_jabatan {jenis_text:?} is not a jenis jabatan or jenjang")
        })
    };
    if jabatan.is_empty() && jenis_text.is_empty() {
        row.problems.push(
            "jabatan and jenis_jabatan are both empty: give a position, a jenjang, or both".into(),
        );
    }
    let name = clean_line(t.get(r, "kompetensi"));
    let id = unit_id(&name);
    let competency = if id.is_empty() {
        row.problems.push("kompetensi is empty".into());
        None
    } else {
        row.need(catalogue.contains_key(&id).then_some(id), || {
            format!(
                "kompetensi {name:?} is not in the catalogue; import it with `kinerja import competencies` first"
            )
        })
    };
    match (jenis, competency) {
        (Some(jenis), Some(competency)) if row.problems.is_empty() => Ok(Requirement {
            jabatan,
            jenis,
            competency,
        }
        .cleaned()),
        _ => Err(row.problems),
    }
}

pub(super) fn import_requirements(
    store: &Store,
    file: &Path,
    opts: Options,
) -> Result<(), Failure> {
    let table = csvio::read(file, columns::REQUIREMENTS, opts.ignore_unknown_columns)?;
    let catalogue: BTreeMap<String, Competency> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    let stored_all = store.requirements()?;
    let stored: std::collections::BTreeSet<String> =
        stored_all.iter().map(Requirement::key).collect();
    let mut bad = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut good: Vec<Requirement> = Vec::new();
    for (line, r) in &table.rows {
        match parse_requirement(&table, r, &catalogue) {
            // The same requirement twice in a file is harmless: it is added once.
            Ok(q) => {
                if let std::collections::hash_map::Entry::Vacant(e) = seen.entry(q.key()) {
                    e.insert(*line);
                    good.push(q);
                }
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good.len(), opts)?;
    // A position nobody holds is allowed (it may be filled later), but said, as the
    // requirement form says it: it is often a misspelling.
    let held: std::collections::HashSet<String> = store
        .iter_summaries()
        .filter_map(Result::ok)
        .flat_map(|s| {
            let title = s.position().title().to_lowercase();
            [s.jabatan.to_lowercase(), title]
        })
        .collect();
    for (q, line) in good.iter().map(|q| (q, seen.get(&q.key()))) {
        let name = q.jabatan.trim().to_lowercase();
        if !name.is_empty() && !held.contains(&name) {
            tell!(
                "{}:{}: warning: no staff member holds the position {:?} (yet); check its spelling",
                table.file,
                line.copied().unwrap_or(0),
                q.jabatan
            );
        }
    }
    // --replace: what is stored and not in the file goes. With bad rows skipped, a bad
    // row's requirement would be deleted for a typo: refuse that combination.
    let removed: Vec<Requirement> = if opts.replace {
        if !bad.is_empty() {
            return Err(Failure::data(format!(
                "{}: --replace with {} bad row(s): fix them first, so that no requirement is deleted because its row could not be read; nothing was written",
                table.file,
                bad.len()
            )));
        }
        let in_file: std::collections::BTreeSet<String> =
            good.iter().map(Requirement::key).collect();
        stored_all
            .into_iter()
            .filter(|q| !in_file.contains(&q.key()))
            .collect()
    } else {
        Vec::new()
    };
    for q in &removed {
        tell!(
            "{}: deleting requirement: {} / {} -> {}",
            table.file,
            if q.jabatan.is_empty() {
                "-"
            } else {
                &q.jabatan
            },
            q.jenis.map_or("-", |j| j.label()),
            catalogue
                .get(&q.competency)
                .map_or(q.competency.as_str(), |c| c.name.as_str())
        );
    }
    let (fresh, known): (Vec<Requirement>, Vec<Requirement>) =
        good.into_iter().partition(|q| !stored.contains(&q.key()));
    let summary = format!(
        "{}: {} new, {} already stored{} requirement(s){}",
        table.file,
        fresh.len(),
        known.len(),
        if opts.replace {
            format!(", {} deleted", removed.len())
        } else {
            String::new()
        },
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        }
    );
    finish(store, &table, opts, &summary, "requirements", |w| {
        for q in &removed {
            w.remove_requirement(q)?;
        }
        for q in &fresh {
            w.put_requirement(q)?;
        }
        Ok(!fresh.is_empty() || !removed.is_empty())
    })
}

/// Writes through one bulk run with one audit entry, or says why nothing was written.
fn finish(
    store: &Store,
    table: &Table,
    opts: Options,
    summary: &str,
    what: &str,
    write: impl FnOnce(&mut BulkWriter) -> Result<bool, crate::store::StoreError>,
) -> Result<(), Failure> {
    if opts.dry_run {
        tell!("dry run, nothing written: {summary}");
        return Ok(());
    }
    let mut w = BulkWriter::for_job(
        store,
        AuditAction::Import,
        &os_user(),
        &format!("{what} {}", table.file),
    );
    if !write(&mut w)? {
        tell!("nothing to change: {summary}");
        return Ok(());
    }
    w.finish(&os_user(), AuditAction::Import, summary)?;
    tell!("imported {summary}");
    Ok(())
}
