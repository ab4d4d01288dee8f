//! `kinerja import partners` (issue 13): training partners with their contact, the
//! competencies they deliver and their agreements, one row per agreement, matched by name
//! (the partner's id is the slug of its name, as trainings name it).
//!
//! A partner named in the file gets exactly the file's contact, competencies and
//! agreements (an agreement left out of the file is removed); partners not in the file are
//! left alone. A column the file lacks keeps the stored value (a file of names and kinds
//! only changes no contact, competency or agreement; without any agreement column the
//! stored agreements stay). The partner's own columns must be the same on each of its rows. With
//! `--skip-invalid`, a partner with any bad row is skipped whole, so a half-read partner
//! never loses the agreements of its bad rows.

use super::*;
use crate::domain::{Agreement, AgreementKind, Contact, format_date};

/// The partner's own columns of a row, and its agreement if the row has one.
struct Parsed {
    partner: Partner,
    agreement: Option<Agreement>,
}

fn parse_row(
    t: &Table,
    r: &StringRecord,
    catalogue: &HashMap<String, String>,
) -> Result<Parsed, Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let name = clean_line(t.get(r, "nama"));
    if unit_id(&name).is_empty() {
        row.problems.push("nama is empty".into());
    }
    let kind_text = t.get(r, "jenis");
    let kind = row.need(OrganiserKind::parse(kind_text), || {
        format!("jenis {kind_text:?} is not Pemerintah, Swasta or BUMN/BUMD")
    });
    let mut competencies = Vec::new();
    for c in t.get(r, "kompetensi").split(';').map(clean_line) {
        if c.is_empty() {
            continue;
        }
        let id = unit_id(&c);
        if let Some(id) = row.need(catalogue.contains_key(&id).then_some(id), || {
            format!(
                "kompetensi {c:?} is not in the catalogue; import it with `kinerja import competencies` first"
            )
        }) {
            if competencies.contains(&id) {
                row.problems.push(format!("kompetensi {c:?} is listed twice"));
            } else {
                competencies.push(id);
            }
        }
    }
    let agreement_cols = [
        "jenis_perjanjian",
        "nomor_perjanjian",
        "mulai",
        "selesai",
        "ruang_lingkup",
    ];
    let agreement = if agreement_cols.iter().all(|c| t.get(r, c).trim().is_empty()) {
        None
    } else {
        let kind_text = t.get(r, "jenis_perjanjian");
        let akind = row.need(AgreementKind::parse(kind_text), || {
            format!("jenis_perjanjian {kind_text:?} is not PKS or MoU")
        });
        let nomor = clean_line(t.get(r, "nomor_perjanjian"));
        if nomor.is_empty() {
            row.problems
                .push("nomor_perjanjian is empty (an agreement needs its number)".into());
        }
        let mut date = |col: &str| {
            let text = t.get(r, col).trim();
            row.need(parse_date(text), || {
                if text.is_empty() {
                    format!("{col} is empty (an agreement needs both dates)")
                } else {
                    format!("{col} {text:?} is not a date (e.g. 2025-01-31)")
                }
            })
        };
        let (mulai, selesai) = (date("mulai"), date("selesai"));
        match (akind, mulai, selesai) {
            (Some(kind), Some(mulai), Some(selesai)) => {
                if selesai < mulai {
                    row.problems.push(format!(
                        "selesai {} is before mulai {}",
                        format_date(selesai),
                        format_date(mulai)
                    ));
                }
                Some(Agreement {
                    kind,
                    nomor,
                    mulai,
                    selesai,
                    ruang_lingkup: clean_line(t.get(r, "ruang_lingkup")),
                })
            }
            _ => None,
        }
    };
    match kind {
        Some(kind) if row.problems.is_empty() => Ok(Parsed {
            partner: Partner {
                competencies,
                contact: Contact {
                    nama: t.get(r, "kontak_nama").to_string(),
                    telepon: t.get(r, "kontak_telepon").to_string(),
                    email: t.get(r, "kontak_email").to_string(),
                }
                .cleaned(),
                ..Partner::new(&name, kind)
            },
            agreement,
        }),
        _ => Err(row.problems),
    }
}

/// The partner columns that differ between two rows of one partner.
fn differences(a: &Partner, b: &Partner) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.name != b.name {
        out.push("nama");
    }
    if a.kind != b.kind {
        out.push("jenis");
    }
    if a.contact.nama != b.contact.nama {
        out.push("kontak_nama");
    }
    if a.contact.telepon != b.contact.telepon {
        out.push("kontak_telepon");
    }
    if a.contact.email != b.contact.email {
        out.push("kontak_email");
    }
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    if sorted(&a.competencies) != sorted(&b.competencies) {
        out.push("kompetensi");
    }
    out
}

/// Columns the file lacks keep what is stored, as for the other imports: the contact's
/// three columns one by one, the competencies, and the agreements when no agreement column
/// is there at all.
fn keep_absent_columns(t: &Table, p: &mut Partner, old: &Partner) {
    if !t.has("kontak_nama") {
        p.contact.nama = old.contact.nama.clone();
    }
    if !t.has("kontak_telepon") {
        p.contact.telepon = old.contact.telepon.clone();
    }
    if !t.has("kontak_email") {
        p.contact.email = old.contact.email.clone();
    }
    if !t.has("kompetensi") {
        p.competencies = old.competencies.clone();
    }
    let agreement_cols = [
        "jenis_perjanjian",
        "nomor_perjanjian",
        "mulai",
        "selesai",
        "ruang_lingkup",
    ];
    if !agreement_cols.iter().any(|c| t.has(c)) {
        p.agreements = old.agreements.clone();
    }
}

pub(super) fn import_partners(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::PARTNERS, opts.ignore_unknown_columns)?;
    let catalogue: HashMap<String, String> = store
        .competencies()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let stored: HashMap<String, Partner> = store
        .partners()?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut bad: Vec<(u64, String)> = Vec::new();
    // Per partner id: its first line, the partner as read, and the agreements by line.
    let mut read: BTreeMap<String, (u64, Partner)> = BTreeMap::new();
    let mut bad_partners: std::collections::BTreeSet<String> = Default::default();
    for (line, r) in &table.rows {
        let parsed = match parse_row(&table, r, &catalogue) {
            Ok(p) => p,
            Err(problems) => {
                let id = unit_id(&clean_line(table.get(r, "nama")));
                if !id.is_empty() {
                    bad_partners.insert(id);
                }
                bad.push((*line, problems.join("; ")));
                continue;
            }
        };
        let id = parsed.partner.id.clone();
        let Some((first, partner)) = read.get_mut(&id) else {
            let mut p = parsed.partner;
            p.agreements.extend(parsed.agreement);
            read.insert(id, (*line, p));
            continue;
        };
        let differ = differences(partner, &parsed.partner);
        if !differ.is_empty() {
            bad.push((
                *line,
                format!(
                    "{} differ(s) from line {first} of partner {:?}; give a partner the same values on each of its rows",
                    differ.join(", "),
                    partner.name
                ),
            ));
            bad_partners.insert(id);
            continue;
        }
        match parsed.agreement {
            // A row without an agreement only repeats the partner's columns.
            None => {}
            Some(a) => {
                if partner
                    .agreements
                    .iter()
                    .any(|b| b.kind == a.kind && b.nomor.eq_ignore_ascii_case(&a.nomor))
                {
                    bad.push((
                        *line,
                        format!(
                            "agreement {} {} of {:?} is on an earlier line already; keep one",
                            a.kind.label(),
                            a.nomor,
                            partner.name
                        ),
                    ));
                    bad_partners.insert(id);
                } else {
                    partner.agreements.push(a);
                }
            }
        }
    }
    let good: Vec<Partner> = read
        .into_iter()
        .filter(|(id, _)| !bad_partners.contains(id))
        .map(|(_, (_, p))| p.cleaned())
        .collect();
    // Counted in rows, as the other imports do, but --skip-invalid keeps whole partners.
    for (line, why) in &bad {
        tell!("{}:{line}: {why}", table.file);
    }
    if !bad.is_empty() && !opts.skip_invalid {
        return Err(Failure::data(format!(
            "{}: {} bad row(s) of {}; nothing was written. Fix them, or use --skip-invalid to import the {} partner(s) without a bad row (a partner with one is skipped whole).",
            table.file,
            bad.len(),
            table.rows.len(),
            good.len()
        )));
    }
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut changed = Vec::new();
    for mut p in good {
        if let Some(old) = stored.get(&p.id) {
            keep_absent_columns(&table, &mut p, old);
        }
        match stored.get(&p.id) {
            Some(old)
                if *old
                    == Partner {
                        revision: old.revision,
                        ..p.clone()
                    } =>
            {
                unchanged += 1
            }
            Some(old) => {
                updated += 1;
                p.revision = old.revision + 1;
                changed.push(p);
            }
            None => {
                created += 1;
                p.revision = 1;
                changed.push(p);
            }
        }
    }
    let counts = with_skipped(
        format!("{created} new, {updated} changed, {unchanged} unchanged partner(s)"),
        bad.len(),
    );
    write_run(
        store,
        &table,
        opts,
        "partners",
        &counts,
        changed.len(),
        |w, tick| {
            for p in &changed {
                w.put_partner(p)?;
                tick();
            }
            Ok(())
        },
    )
}
