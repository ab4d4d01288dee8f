//! `kinerja import kontrak`: PPPK contracts (perjanjian kerja), by NIP and start day; a row
//! replaces the contract of that person that starts that day, or adds one (issue 21).

use super::*;
use crate::domain::{Contract, Contracts, format_date};

fn parse_row(t: &Table, r: &StringRecord) -> Result<(String, Contract), Vec<String>> {
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
    let mut date = |col: &str| {
        let text = t.get(r, col);
        row.need(parse_date(text), || {
            format!("{col} {text:?} is not a date (2025-03-14, 14-03-2025 or 14/03/2025)")
        })
    };
    let mulai = date("mulai");
    let selesai = date("selesai");
    match (nip, mulai, selesai) {
        (Some(nip), Some(mulai), Some(selesai)) if row.problems.is_empty() => {
            let c = Contract {
                mulai,
                selesai,
                nomor: clean_line(t.get(r, "nomor")),
            };
            c.validate().map_err(|e| vec![e.to_string()])?;
            Ok((nip.as_str().to_string(), c))
        }
        _ => Err(row.problems),
    }
}

pub(super) fn import_contracts(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::CONTRACTS, opts.ignore_unknown_columns)?;
    let mut bad = Vec::new();
    // Each person's contracts as the file leaves them, with the line of each row put in.
    let mut by_nip: BTreeMap<String, (Contracts, Vec<(u64, Contract)>)> = BTreeMap::new();
    let mut known: HashMap<String, Option<bool>> = HashMap::new();
    let mut good = 0usize;
    for (line, r) in &table.rows {
        let (nip, c) = match parse_row(&table, r) {
            Ok(x) => x,
            Err(problems) => {
                bad.push((*line, problems.join("; ")));
                continue;
            }
        };
        // Some(true): a PPPK; Some(false): a PNS; None: nobody.
        let kind = match known.get(&nip) {
            Some(k) => *k,
            None => {
                let k = store.get_staff(&nip)?.map(|s| s.nip.kind().is_pppk());
                known.insert(nip.clone(), k);
                k
            }
        };
        match kind {
            None => {
                bad.push((
                    *line,
                    format!("no staff with NIP {nip}; import the staff file first"),
                ));
                continue;
            }
            Some(false) => {
                bad.push((
                    *line,
                    format!("{nip} is a PNS; contracts (perjanjian kerja) are for PPPK"),
                ));
                continue;
            }
            Some(true) => {}
        }
        if !by_nip.contains_key(&nip) {
            let stored = store.contracts_of(&nip)?;
            by_nip.insert(nip.clone(), (stored, Vec::new()));
        }
        let Some((all, rows)) = by_nip.get_mut(&nip) else {
            continue;
        };
        if let Some((first, _)) = rows.iter().find(|(_, x)| x.mulai == c.mulai) {
            bad.push((
                *line,
                format!(
                    "line {first} gives this person's contract from {} already; keep one",
                    format_date(c.mulai)
                ),
            ));
            continue;
        }
        // The row replaces the stored contract with its start, else it is a new one.
        let replacing = all.starting(c.mulai).map(|x| x.mulai);
        let mut after = all.clone();
        match after.put(replacing, c.clone()) {
            Ok(()) => {
                *all = after;
                rows.push((*line, c));
                good += 1;
            }
            Err(e) => {
                // Name the line of the other contract when the file gave it.
                let other = rows
                    .iter()
                    .find(|(_, x)| x.overlaps(&c))
                    .map_or(String::new(), |(l, _)| format!(" (line {l})"));
                bad.push((*line, format!("{e}{other}")));
            }
        }
    }
    report_bad(&table, &bad, good, opts)?;

    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut writes: Vec<(String, Contracts)> = Vec::new();
    for (nip, (mut all, rows)) in by_nip {
        let before = store.contracts_of(&nip)?;
        for (_, c) in &rows {
            match before.starting(c.mulai) {
                Some(old) if old == c => unchanged += 1,
                Some(_) => updated += 1,
                None => created += 1,
            }
        }
        if all.items != before.items {
            all.revision = before.revision + 1;
            writes.push((nip, all));
        }
    }
    write_run(
        store,
        &table,
        opts,
        "kontrak",
        &with_skipped(
            format!("{created} new, {updated} updated, {unchanged} unchanged contracts"),
            bad.len(),
        ),
        writes.len(),
        |w, tick| {
            for (nip, c) in &writes {
                w.put_contracts(nip, c)?;
                tick();
            }
            Ok(())
        },
    )
}
