//! `kinerja import trainings`: by NIP, title, start and organiser.
//!
//! The `kompetensi` column (issue 13) states the competency a training gives, by its
//! name or id in the catalogue; an unknown one refuses the row. Where the column is
//! absent or empty, the competency is matched from the catalogue by title and kind
//! (`Competency::satisfied_by`) and only **proposed**: each match is listed as
//! `line N: title -> competency`, and recorded only with `--accept-competencies`. A row
//! that several competencies match is listed and never recorded. An empty cell keeps a
//! competency already stated on the stored training.

use super::*;
use crate::domain::latsar_for_non_cpns;

pub(super) fn parse_training(
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
                kompetensi: None,
                revision: 0,
            };
            training.validate().map_err(|e| vec![e.to_string()])?;
            Ok((nip.as_str().to_string(), training))
        }
        _ => Err(row.problems),
    }
}

/// The warning for a Latsar CPNS row of someone who is not a CPNS (DOMAIN.md: Latsar is
/// for CPNS only); the row is imported all the same.
fn latsar_warning(nip: &Nip) -> String {
    let why = match nip.tmt_cpns() {
        None => "a PPPK".to_string(),
        Some((y, m)) => format!("starting more than 2 years after TMT CPNS {y:04}-{m:02}"),
    };
    format!("Latsar CPNS is for CPNS only, and this person is not one ({why}); imported anyway")
}

/// What importing one row did to a person's group.
/// As for evaluations: optional training columns the file lacks keep the stored values.
pub(super) fn keep_absent_training_columns(
    t: &Table,
    mut tr: Training,
    old: &Training,
) -> Training {
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
    // Absent or empty: what the stored training states stays.
    if tr.kompetensi.is_none() {
        tr.kompetensi = old.kompetensi.clone();
    }
    tr
}

/// The catalogue's competency named `text` (its name, case-insensitive, or its id).
pub(super) fn find_competency<'c>(
    catalogue: &'c [crate::domain::Competency],
    text: &str,
) -> Option<&'c crate::domain::Competency> {
    let id = unit_id(text);
    let t = text.trim();
    catalogue
        .iter()
        .find(|c| c.id == t || c.name.eq_ignore_ascii_case(t) || (!id.is_empty() && c.id == id))
}

/// Why `text` names no competency, with the known names closest to it (or the first
/// ones) as a hint.
fn unknown_competency(catalogue: &[crate::domain::Competency], text: &str) -> String {
    if catalogue.is_empty() {
        return format!(
            "kompetensi {text:?}: the catalogue is empty; import it with `kinerja import competencies` first"
        );
    }
    let names: Vec<String> = catalogue.iter().map(|c| c.name.clone()).collect();
    let mut hint: Vec<String> = crate::ui::closest::closest(text, &names, 3)
        .into_iter()
        .map(|i| names[i].clone())
        .collect();
    if hint.is_empty() {
        // A misspelling the fuzzy match misses ("BTCLX"): the names sharing the most
        // letter pairs with the text.
        let pairs = |s: &str| -> Vec<(char, char)> {
            let c: Vec<char> = s
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            c.windows(2).map(|w| (w[0], w[1])).collect()
        };
        let typed = pairs(text);
        let mut scored: Vec<(usize, &String)> = names
            .iter()
            .map(|n| {
                let theirs = pairs(n);
                (typed.iter().filter(|p| theirs.contains(p)).count(), n)
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        hint = scored.into_iter().take(3).map(|(_, n)| n.clone()).collect();
    }
    format!(
        "kompetensi {text:?} is not in the catalogue (known: {}{}; `kinerja export competencies` lists all {})",
        hint.join(", "),
        if hint.len() < names.len() {
            ", ..."
        } else {
            ""
        },
        names.len()
    )
}

fn competencies(n: usize) -> &'static str {
    if n == 1 { "competency" } else { "competencies" }
}

/// A competency matched from the catalogue by title and kind, for a row that states
/// none.
struct Proposal {
    line: u64,
    judul: String,
    /// The names of the competencies that match (one: recordable).
    names: Vec<String>,
}

/// Two rows are the same training for a person when title, start and organiser agree
/// (`Training::same_as`, the key the store keeps unique).
pub(super) fn same_training(a: &Training, b: &Training) -> bool {
    a.same_as(b)
}

pub(super) fn import_trainings(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::TRAININGS, opts.ignore_unknown_columns)?;
    let today = today();
    let mut bad = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<(u64, Training)>> = BTreeMap::new();
    let catalogue = store.competencies()?;
    // The stored NIP (PNS or PPPK) of each person met, or None for no such staff.
    let mut known: HashMap<String, Option<Nip>> = HashMap::new();
    let mut warnings: Vec<(u64, String)> = Vec::new();
    let mut good = 0usize;
    for (line, r) in &table.rows {
        match parse_training(&table, r, today) {
            Ok((nip, mut t)) => {
                let stated = clean_line(table.get(r, "kompetensi"));
                if !stated.is_empty() {
                    match find_competency(&catalogue, &stated) {
                        Some(c) => t.kompetensi = Some(c.id.clone()),
                        None => {
                            bad.push((*line, unknown_competency(&catalogue, &stated)));
                            continue;
                        }
                    }
                }
                let stored = match known.get(&nip) {
                    Some(n) => n.clone(),
                    None => {
                        let n = store.get_staff(&nip)?.map(|s| s.nip);
                        known.insert(nip.clone(), n.clone());
                        n
                    }
                };
                if let Some(n) = &stored
                    && latsar_for_non_cpns(t.jenis, t.mulai, n)
                {
                    warnings.push((*line, latsar_warning(n)));
                }
                if stored.is_none() {
                    bad.push((
                        *line,
                        format!("no staff with NIP {nip}; import the staff file first"),
                    ));
                } else if by_nip
                    .get(&nip)
                    .is_some_and(|v| v.iter().any(|(_, x)| same_training(x, &t)))
                {
                    bad.push((
                        *line,
                        "the same training (title, start, organiser) is on an earlier line".into(),
                    ));
                } else {
                    good += 1;
                    by_nip.entry(nip).or_default().push((*line, t));
                }
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good, opts)?;
    for (line, why) in &warnings {
        tell!("{}:{line}: warning: {why}", table.file);
    }

    let mut partners: HashMap<String, Partner> = store
        .partners()?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut new_partners = Vec::new();
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut groups = Vec::new();
    let mut proposals: Vec<Proposal> = Vec::new();
    for (nip, rows) in by_nip {
        let mut group = store.training_group(&nip)?;
        let before = created + updated;
        for (line, t) in rows {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                partners.entry(unit_id(&t.penyelenggara))
            {
                let p = Partner {
                    id: slot.key().clone(),
                    name: t.penyelenggara.clone(),
                    kind: t.jenis_penyelenggara,
                    ..Default::default()
                };
                slot.insert(p.clone());
                new_partners.push(p);
            }
            let existing = group.items.iter().find(|x| same_training(x, &t)).cloned();
            let mut t = match &existing {
                Some(old) => keep_absent_training_columns(&table, t, old),
                None => t,
            };
            if t.kompetensi.is_none() {
                let matched: Vec<&crate::domain::Competency> =
                    catalogue.iter().filter(|c| c.satisfied_by(&t)).collect();
                if let [one] = matched[..]
                    && opts.accept_competencies
                {
                    t.kompetensi = Some(one.id.clone());
                }
                if !matched.is_empty() {
                    proposals.push(Proposal {
                        line,
                        judul: t.judul.clone(),
                        names: matched.iter().map(|c| c.name.clone()).collect(),
                    });
                }
            }
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
    proposals.sort_by_key(|p| p.line);
    let single = proposals.iter().filter(|p| p.names.len() == 1).count();
    if !proposals.is_empty() {
        tell!(
            "{}: competencies matched by title and kind ({}):",
            table.file,
            if opts.accept_competencies {
                "recorded where one matches"
            } else {
                "not recorded; check them, then import again with --accept-competencies to record them"
            }
        );
        for p in &proposals {
            if p.names.len() == 1 {
                tell!("  line {}: {} -> {}", p.line, p.judul, p.names[0]);
            } else {
                tell!(
                    "  line {}: {} -> {} (several match: state one in the kompetensi column)",
                    p.line,
                    p.judul,
                    p.names.join(" | ")
                );
            }
        }
    }
    let competencies_note = match (single, opts.accept_competencies) {
        (0, _) => String::new(),
        (n, true) if opts.dry_run => format!("; {n} matched {} to record", competencies(n)),
        (n, true) => format!("; {n} matched {} recorded", competencies(n)),
        (n, false) => format!("; {n} matched {} proposed, not recorded", competencies(n)),
    };
    let nothing_to_write = groups.is_empty() && new_partners.is_empty();
    let summary = format!(
        "{}: {created} new, {updated} updated, {unchanged} unchanged trainings; {} new partner(s){competencies_note}{}{}",
        table.file,
        new_partners.len(),
        if bad.is_empty() {
            String::new()
        } else {
            format!("; {} bad row(s) skipped", bad.len())
        },
        if warnings.is_empty() {
            String::new()
        } else {
            format!("; {} warning(s)", warnings.len())
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
        &format!("trainings {}", table.file),
    );
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
    tell!("imported {summary}");
    Ok(())
}

#[cfg(test)]
mod competency_hint_tests {
    use super::*;
    use crate::domain::{Competency, CompetencyKind};

    /// A trial typed "BTCLX": the hint named the first names alphabetically, not the one
    /// meant. Names sharing letter pairs with the text come first now.
    #[test]
    fn a_misspelt_competency_is_hinted_by_the_nearest_names() {
        let c = |name: &str| {
            Competency::new(
                name,
                CompetencyKind::Teknis,
                vec![],
                vec![name.into()],
                None,
            )
        };
        let catalogue = [
            c("Asesmen Nasional (demo)"),
            c("Gizi Masyarakat (demo)"),
            c("Kurikulum Merdeka (demo)"),
            c("Nilai Dasar ASN (demo)"),
            c("PPGD / BTCLS (demo)"),
        ];
        let text = unknown_competency(&catalogue, "BTCLX");
        assert!(
            text.contains("(known: PPGD / BTCLS (demo)"),
            "the nearest first: {text}"
        );
    }
}
