//! `kinerja import coaching`: coaching records (pembinaan kinerja), matched by NIP, date
//! and kind (the key the store keeps unique).

use super::evaluations::parse_evaluator;
use super::*;
use crate::domain::{Coaching, CoachingKind};
use crate::store::CoachingGroup;

/// One row: the NIP digits and the record; every problem of the row otherwise.
pub(super) fn parse_coaching(
    t: &Table,
    r: &StringRecord,
) -> Result<(String, Coaching), Vec<String>> {
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
    let date = |row: &mut Row, col: &str| {
        let text = t.get(r, col);
        row.need(parse_date(text), || {
            format!("{col} {text:?} is not a date (2025-03-14, 14-03-2025 or 14/03/2025)")
        })
    };
    let tanggal = date(&mut row, "tanggal");
    let jenis_text = t.get(r, "jenis");
    let jenis = row.need(CoachingKind::parse(jenis_text), || {
        format!("jenis {jenis_text:?} is not bimbingan or konseling")
    });
    let pemberi = parse_evaluator(t, r, "pemberi_nip", "pemberi_nama", &mut row);
    let tindak_lanjut = date(&mut row, "tindak_lanjut");
    let selesai = if t.get(r, "selesai").is_empty() {
        Some(None)
    } else {
        date(&mut row, "selesai").map(Some)
    };
    match (nip, tanggal, jenis, tindak_lanjut, selesai) {
        (Some(nip), Some(tanggal), Some(jenis), Some(tindak_lanjut), Some(selesai))
            if row.problems.is_empty() =>
        {
            let c = Coaching {
                id: 0,
                tanggal,
                jenis,
                pemberi: pemberi.unwrap_or(PersonAtTime {
                    nip: None,
                    nama: String::new(),
                    ..Default::default()
                }),
                masalah: clean_multiline(t.get(r, "masalah")),
                langkah: clean_multiline(t.get(r, "langkah")),
                tindak_lanjut,
                selesai,
                hasil: clean_multiline(t.get(r, "hasil")),
                rhk: None,
                revision: 0,
            };
            Ok((nip.as_str().to_string(), c))
        }
        _ => Err(row.problems),
    }
}

pub(super) fn import_coaching(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::COACHING, opts.ignore_unknown_columns)?;
    let today = today();
    let mut bad = Vec::new();
    let mut by_nip: BTreeMap<String, Vec<Coaching>> = BTreeMap::new();
    let mut known: HashMap<String, Option<Nip>> = HashMap::new();
    let mut good = 0usize;
    for (line, r) in &table.rows {
        let (nip, c) = match parse_coaching(&table, r) {
            Ok(x) => x,
            Err(problems) => {
                bad.push((*line, problems.join("; ")));
                continue;
            }
        };
        let stored = match known.get(&nip) {
            Some(n) => n.clone(),
            None => {
                let n = store.get_staff(&nip)?.map(|s| s.nip);
                known.insert(nip.clone(), n.clone());
                n
            }
        };
        let Some(person) = stored else {
            bad.push((
                *line,
                format!("no staff with NIP {nip}; import the staff file first"),
            ));
            continue;
        };
        // The same rules as the form and the store.
        if let Err(e) = c.validate(&person, today) {
            bad.push((*line, e.to_string()));
        } else if by_nip
            .get(&nip)
            .is_some_and(|v| v.iter().any(|x| x.same_as(&c)))
        {
            bad.push((
                *line,
                "the same coaching (date and kind) is on an earlier line".into(),
            ));
        } else {
            good += 1;
            by_nip.entry(nip).or_default().push(c);
        }
    }
    report_bad(&table, &bad, good, opts)?;

    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut groups: Vec<(String, CoachingGroup)> = Vec::new();
    for (nip, rows) in by_nip {
        let mut group = store.coaching_group(&nip)?;
        let before = created + updated;
        for c in rows {
            let key = c.clone();
            match merge_into(&mut group.items, &mut group.next_id, c, |x| x.same_as(&key)) {
                Merge::Created => created += 1,
                Merge::Updated => updated += 1,
                Merge::Unchanged => unchanged += 1,
            }
        }
        if created + updated > before {
            group.items.sort_by_key(|c| (c.tanggal, c.id));
            groups.push((nip, group));
        }
    }
    write_run(
        store,
        &table,
        opts,
        "coaching",
        &with_skipped(
            format!("{created} new, {updated} updated, {unchanged} unchanged coaching records"),
            bad.len(),
        ),
        groups.len(),
        |w, tick| {
            for (nip, group) in &groups {
                w.put_coaching(nip, group)?;
                tick();
            }
            Ok(())
        },
    )
}
