//! `kinerja import keberatan` (issue 19): objections to stored evaluations (PP 30/2019
//! Pasal 59), one per NIP and period, with every step taken on them. The evaluation must be
//! stored (import the evaluations first); a row replaces its objection, and the decided
//! result becomes the evaluation's ratings while the objection keeps the original. The
//! rules are the store's: refusals are bad rows, a late filing or a decision by the
//! evaluator is a warning.

use super::*;
use crate::domain::{HasilKeputusan, Keberatan, KeberatanWarning, Keputusan};
use crate::store::EvaluationGroup;

/// One good row: the NIP digits, the period, the date received if the file says it, the
/// objection.
struct Parsed {
    nip: String,
    period: Period,
    diterima: Option<jiff::civil::Date>,
    keberatan: Keberatan,
}

fn parse_row(t: &Table, r: &StringRecord) -> Result<Parsed, Vec<String>> {
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
    let diterima = optional_date(t, r, "diterima", &mut row);
    let diajukan_text = t.get(r, "diajukan");
    let diajukan = row.need(parse_date(diajukan_text), || {
        format!("diajukan {diajukan_text:?} is not a date (2026-01-20)")
    });
    let asal_h = evaluations::parse_rating(t, r, "asal_hasil_kerja", &mut row);
    let asal_p = evaluations::parse_rating(t, r, "asal_perilaku", &mut row);
    let penjelasan = clean_multiline(t.get(r, "penjelasan"));
    let penjelasan_tanggal = optional_date(t, r, "penjelasan_tanggal", &mut row);
    let decision_cols = [
        "hasil_kerja_baru",
        "perilaku_baru",
        "diputuskan_tanggal",
        "diputuskan_nip",
        "diputuskan_nama",
        "diputuskan_golongan",
        "diputuskan_jabatan",
        "diputuskan_unit",
        "keputusan_catatan",
    ];
    let keputusan_text = t.get(r, "keputusan").to_lowercase();
    let keputusan = match keputusan_text.as_str() {
        "" => {
            if let Some(c) = decision_cols.iter().find(|c| !t.get(r, c).is_empty()) {
                row.problems.push(format!(
                    "{c} is filled but keputusan is empty: say tetap or diubah, or empty the decision's columns"
                ));
            }
            None
        }
        "tetap" | "diubah" => {
            let hasil = if keputusan_text == "tetap" {
                for c in ["hasil_kerja_baru", "perilaku_baru"] {
                    if !t.get(r, c).is_empty() {
                        row.problems
                            .push(format!("{c} is filled but the result was kept (tetap)"));
                    }
                }
                Some(HasilKeputusan::Tetap)
            } else {
                let h = evaluations::parse_rating(t, r, "hasil_kerja_baru", &mut row);
                let p = evaluations::parse_rating(t, r, "perilaku_baru", &mut row);
                match (h, p) {
                    (Some(hasil_kerja), Some(perilaku)) => Some(HasilKeputusan::Diubah {
                        hasil_kerja,
                        perilaku,
                    }),
                    _ => None,
                }
            };
            let tanggal_text = t.get(r, "diputuskan_tanggal");
            let tanggal = row.need(parse_date(tanggal_text), || {
                format!(
                    "diputuskan_tanggal {tanggal_text:?} is not a date: a decision has its date"
                )
            });
            let oleh = parse_person(t, r, "diputuskan", &mut row).unwrap_or_default();
            match (hasil, tanggal) {
                (Some(hasil), Some(tanggal)) => Some(Keputusan {
                    tanggal,
                    oleh,
                    hasil,
                    catatan: clean_multiline(t.get(r, "keputusan_catatan")),
                }),
                _ => None,
            }
        }
        other => {
            row.problems.push(format!(
                "keputusan {other:?} is not tetap or diubah (or empty)"
            ));
            None
        }
    };
    match (nip, year, kind, diajukan, asal_h, asal_p) {
        (Some(nip), Some(year), Some(kind), Some(diajukan), Some(asal_h), Some(asal_p))
            if row.problems.is_empty() =>
        {
            let Some(period) = Period::new(year, kind) else {
                return Err(vec![format!(
                    "periode {kind_text:?} of {year} is not a period"
                )]);
            };
            let keberatan = Keberatan {
                diajukan,
                alasan: clean_multiline(t.get(r, "alasan")),
                asal_hasil_kerja: asal_h,
                asal_perilaku: asal_p,
                penjelasan,
                penjelasan_tanggal,
                keputusan,
            };
            let status = t.get(r, "status").to_lowercase();
            if !status.is_empty() && status != keberatan.status().code() {
                return Err(vec![format!(
                    "status {status:?} does not follow from the columns: they say {}",
                    keberatan.status().code()
                )]);
            }
            Ok(Parsed {
                nip: nip.as_str().to_string(),
                period,
                diterima,
                keberatan,
            })
        }
        _ => Err(row.problems),
    }
}

pub(super) fn import_keberatan(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::KEBERATAN, opts.ignore_unknown_columns)?;
    let mut bad = Vec::new();
    let mut warnings: Vec<(u64, String)> = Vec::new();
    // Per NIP: the stored evaluations (None: no staff), changed in place by good rows.
    let mut groups: BTreeMap<String, Option<EvaluationGroup>> = BTreeMap::new();
    let mut changed: HashSet<String> = HashSet::new();
    let mut seen: HashMap<(String, Period), u64> = HashMap::new();
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    for (line, r) in &table.rows {
        let p = match parse_row(&table, r) {
            Ok(p) => p,
            Err(problems) => {
                bad.push((*line, problems.join("; ")));
                continue;
            }
        };
        if !groups.contains_key(&p.nip) {
            let g = match store.get_staff(&p.nip)? {
                Some(_) => Some(store.evaluation_group(&p.nip)?),
                None => None,
            };
            groups.insert(p.nip.clone(), g);
        }
        let Some(Some(group)) = groups.get_mut(&p.nip) else {
            bad.push((
                *line,
                format!("no staff with NIP {}; import the staff file first", p.nip),
            ));
            continue;
        };
        let Some(e) = group.items.iter_mut().find(|e| e.period == p.period) else {
            bad.push((
                *line,
                format!(
                    "{} has no evaluation of {}; import the evaluations first",
                    p.nip, p.period
                ),
            ));
            continue;
        };
        if let Some(first) = seen.get(&(p.nip.clone(), p.period)) {
            bad.push((
                *line,
                format!("the objection to {} is already on line {first}", p.period),
            ));
            continue;
        }
        let mut next = e.clone();
        if p.diterima.is_some() {
            next.diterima = p.diterima;
        }
        match p.keberatan.validate(&next, &p.nip) {
            Err(err) => {
                bad.push((*line, format!("keberatan: {err}")));
                continue;
            }
            Ok(ws) => {
                for w in ws {
                    warnings.push((
                        *line,
                        match w {
                            KeberatanWarning::Late(days) => format!(
                                "filed {days} days after the result was received, past the {} days of PP 30/2019 Pasal 59; imported",
                                crate::domain::keberatan::KEBERATAN_DAYS
                            ),
                            KeberatanWarning::DecidedByEvaluator => {
                                "decided by the evaluator, while the atasan decides an objection; imported".into()
                            }
                        },
                    ));
                }
            }
        }
        seen.insert((p.nip.clone(), p.period), *line);
        let had = e.keberatan.is_some();
        let next = next.with_keberatan(p.keberatan);
        if next == *e {
            unchanged += 1;
            continue;
        }
        if had {
            updated += 1;
        } else {
            created += 1;
        }
        *e = Evaluation {
            revision: e.revision + 1,
            ..next
        };
        changed.insert(p.nip.clone());
    }
    report_bad(&table, &bad, seen.len(), opts)?;
    for (line, why) in &warnings {
        tell!("{}:{line}: warning: {why}", table.file);
    }
    let groups: Vec<(String, EvaluationGroup)> = groups
        .into_iter()
        .filter(|(nip, _)| changed.contains(nip))
        .filter_map(|(nip, g)| Some((nip, g?)))
        .collect();
    write_run(
        store,
        &table,
        opts,
        "keberatan",
        &with_skipped(
            format!(
                "{created} new, {updated} updated, {unchanged} unchanged objections{}",
                if warnings.is_empty() {
                    String::new()
                } else {
                    format!("; {} warning(s)", warnings.len())
                }
            ),
            bad.len(),
        ),
        groups.len(),
        |w, tick| {
            for (nip, group) in &groups {
                w.put_evaluations(nip, group)?;
                tick();
            }
            Ok(())
        },
    )
}
