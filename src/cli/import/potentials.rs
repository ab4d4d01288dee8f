//! `kinerja import potentials`: potensial per person and year (PermenPANRB 3/2020), by NIP
//! and year; a row replaces the year's potensial of that person.

use super::*;
use crate::domain::{Potensial, PotensialSource, PotentialEntry, Potentials};

fn parse_row(
    t: &Table,
    r: &StringRecord,
    today: jiff::civil::Date,
) -> Result<(String, PotentialEntry), Vec<String>> {
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
    let year = row.need(year_text.trim().parse::<i16>().ok(), || {
        format!("tahun {year_text:?} is not a year")
    });
    let pot_text = t.get(r, "potensial");
    let potensial = row.need(Potensial::parse(pot_text), || {
        format!("potensial {pot_text:?} is not rendah, menengah or tinggi")
    });
    let source_text = t.get(r, "sumber");
    let source = row.need(PotensialSource::parse(source_text), || {
        format!(
            "sumber {source_text:?} is not assessment centre, uji kompetensi or penilaian atasan"
        )
    });
    let date_text = t.get(r, "tanggal");
    let date = row.need(parse_date(date_text), || {
        format!("tanggal {date_text:?} is not a date (2025-03-14, 14-03-2025 or 14/03/2025)")
    });
    match (nip, year, potensial, source, date) {
        (Some(nip), Some(year), Some(potensial), Some(source), Some(date))
            if row.problems.is_empty() =>
        {
            let entry = PotentialEntry {
                year,
                potensial,
                source,
                date,
                assessor: clean_line(t.get(r, "penilai")),
            };
            entry.validate(today).map_err(|e| vec![e.to_string()])?;
            Ok((nip.as_str().to_string(), entry))
        }
        _ => Err(row.problems),
    }
}

pub(super) fn import_potentials(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::POTENTIALS, opts.ignore_unknown_columns)?;
    let today = today();
    let mut bad = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<(u64, PotentialEntry)>> = BTreeMap::new();
    let mut known: HashMap<String, bool> = HashMap::new();
    let mut good = 0usize;
    for (line, r) in &table.rows {
        match parse_row(&table, r, today) {
            Ok((nip, entry)) => {
                let exists = match known.get(&nip) {
                    Some(b) => *b,
                    None => {
                        let b = store.get_staff(&nip)?.is_some();
                        known.insert(nip.clone(), b);
                        b
                    }
                };
                let earlier = by_nip
                    .get(&nip)
                    .and_then(|v| v.iter().find(|(_, e)| e.year == entry.year))
                    .map(|(l, _)| *l);
                if !exists {
                    bad.push((
                        *line,
                        format!("no staff with NIP {nip}; import the staff file first"),
                    ));
                } else if let Some(first) = earlier {
                    bad.push((
                        *line,
                        format!(
                            "line {first} gives this person's potensial for {} already; keep one",
                            entry.year
                        ),
                    ));
                } else {
                    good += 1;
                    by_nip.entry(nip).or_default().push((*line, entry));
                }
            }
            Err(problems) => bad.push((*line, problems.join("; "))),
        }
    }
    report_bad(&table, &bad, good, opts)?;

    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut writes: Vec<(String, Potentials)> = Vec::new();
    for (nip, rows) in by_nip {
        let mut all = store.potentials_of(&nip)?;
        let before = all.clone();
        for (_, entry) in rows {
            match all.of_year(entry.year) {
                Some(old) if *old == entry => unchanged += 1,
                Some(_) => {
                    updated += 1;
                    all.put(entry);
                }
                None => {
                    created += 1;
                    all.put(entry);
                }
            }
        }
        if all != before {
            all.revision += 1;
            writes.push((nip, all));
        }
    }
    write_run(
        store,
        &table,
        opts,
        "potentials",
        &with_skipped(
            format!("{created} new, {updated} updated, {unchanged} unchanged potentials"),
            bad.len(),
        ),
        writes.len(),
        |w, tick| {
            for (nip, p) in &writes {
                w.put_potentials(nip, p)?;
                tick();
            }
            Ok(())
        },
    )
}
