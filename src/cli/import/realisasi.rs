//! `kinerja import realisasi` and `kinerja import bukti` (issue 19): what is recorded
//! against a stored SKP during the period. A row names its SKP by NIP and start
//! (`skp_mulai`), its RHK by number and its indicator by number in the RHK, as the exports
//! write them; import the SKP file first.
//!
//! A realisation is matched by indicator and period and replaced; evidence by indicator,
//! date and description (its location updated); feedback by indicator, date, giver and
//! text (added when new).

use super::*;
use crate::domain::{Bukti, Nilai, Skp, UmpanBalik, format_date};
use crate::store::SkpGroup;

/// Every stored SKP group the file touches, changed in place as good rows are read.
struct Plans<'s> {
    store: &'s Store,
    /// `None`: no staff with that NIP.
    groups: BTreeMap<String, Option<SkpGroup>>,
    /// (NIP, SKP id) of the plans a row changed.
    changed: HashSet<(String, u32)>,
}

/// Where a row points: the NIP, and the positions of the SKP in the group, of the RHK in
/// the SKP and of the indicator in the RHK.
struct Located {
    nip: String,
    skp: usize,
    rhk: usize,
    indikator: Option<usize>,
}

impl<'s> Plans<'s> {
    fn new(store: &'s Store) -> Plans<'s> {
        Plans {
            store,
            groups: BTreeMap::new(),
            changed: HashSet::new(),
        }
    }

    /// The SKP, RHK and indicator a row names, or what is wrong with them.
    /// `indicator_required`: realisations name one; evidence and feedback may not.
    fn locate(
        &mut self,
        t: &Table,
        r: &StringRecord,
        row: &mut Row,
        indicator_required: bool,
    ) -> Result<Option<Located>, Failure> {
        let nip_text = t.get(r, "nip");
        let nip = match parse_any_nip(nip_text) {
            Ok(n) => n.as_str().to_string(),
            Err(e) => {
                row.problems.push(format!("nip {nip_text:?}: {e}"));
                return Ok(None);
            }
        };
        if !self.groups.contains_key(&nip) {
            let group = match self.store.get_staff(&nip)? {
                Some(_) => Some(self.store.skp_group(&nip)?),
                None => None,
            };
            self.groups.insert(nip.clone(), group);
        }
        let Some(Some(group)) = self.groups.get(&nip) else {
            row.problems.push(format!(
                "no staff with NIP {nip}; import the staff file first"
            ));
            return Ok(None);
        };
        let mulai_text = t.get(r, "skp_mulai");
        let Some(mulai) = row.need(parse_date(mulai_text), || {
            format!("skp_mulai {mulai_text:?} is not a date (2025-01-02)")
        }) else {
            return Ok(None);
        };
        let Some(k) = group.items.iter().position(|s| s.mulai == mulai) else {
            row.problems.push(format!(
                "{nip} has no SKP from {}; import it with `kinerja import skp` first",
                format_date(mulai)
            ));
            return Ok(None);
        };
        let skp = &group.items[k];
        let number = |row: &mut Row, col: &str, count: usize, of: &str| -> Option<usize> {
            let text = t.get(r, col);
            match text.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => Some(n - 1),
                _ => {
                    row.problems
                        .push(format!("{col} {text:?}: {of} has {count}, numbered from 1"));
                    None
                }
            }
        };
        let what = format!("the SKP from {}", format_date(mulai));
        let Some(rhk) = number(row, "rhk_no", skp.rhk.len(), &format!("{what} (RHK)")) else {
            return Ok(None);
        };
        let count = skp.rhk[rhk].indikator.len();
        let indikator = if t.get(r, "indikator_no").is_empty() && !indicator_required {
            None
        } else {
            let of = format!("RHK {} of {what} (indicators)", rhk + 1);
            match number(row, "indikator_no", count, &of) {
                Some(i) => Some(i),
                None => return Ok(None),
            }
        };
        Ok(Some(Located {
            nip,
            skp: k,
            rhk,
            indikator,
        }))
    }

    fn skp_mut(&mut self, nip: &str, k: usize) -> Option<&mut Skp> {
        let skp = self.groups.get_mut(nip)?.as_mut()?.items.get_mut(k)?;
        self.changed.insert((nip.to_string(), skp.id));
        Some(skp)
    }

    fn skp(&self, nip: &str, k: usize) -> Option<&Skp> {
        self.groups.get(nip)?.as_ref()?.items.get(k)
    }

    /// The groups with a changed plan, each changed plan numbered and its revision raised.
    fn into_changed(self) -> Vec<(String, SkpGroup)> {
        let changed = self.changed;
        self.groups
            .into_iter()
            .filter_map(|(nip, g)| {
                let mut g = g?;
                let mut any = false;
                for s in &mut g.items {
                    if changed.contains(&(nip.clone(), s.id)) {
                        s.number();
                        s.revision += 1;
                        any = true;
                    }
                }
                any.then_some((nip, g))
            })
            .collect()
    }
}

/// The key a row is unique by, to name the earlier line of a repeated one.
type Seen = HashMap<(String, usize, usize, Option<usize>, String), u64>;

pub(super) fn import_realisasi(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::REALISASI, opts.ignore_unknown_columns)?;
    let today = today();
    let mut plans = Plans::new(store);
    let mut bad = Vec::new();
    let mut seen: Seen = HashMap::new();
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    for (line, r) in &table.rows {
        if let Some(p) = table.width_problem(r) {
            bad.push((*line, p));
            continue;
        }
        let mut row = Row::default();
        let at = plans.locate(&table, r, &mut row, true)?;
        let year_text = table.get(r, "tahun");
        let year = row.need(
            year_text
                .parse::<i16>()
                .ok()
                .filter(|y| (1900..=2999).contains(y)),
            || format!("tahun {year_text:?} is not a year"),
        );
        let kind_text = table.get(r, "periode");
        let kind = row.need(Period::parse_kind(kind_text), || {
            format!(
                "periode {kind_text:?} is not tahunan, triwulan-1..4, bulan-01..12 or bulan-06-12"
            )
        });
        let period = match (year, kind) {
            (Some(y), Some(k)) => row.need(Period::new(y, k), || {
                format!("periode {kind_text:?} of {y} is not a period")
            }),
            _ => None,
        };
        let nilai = row.need(Nilai::parse(table.get(r, "realisasi")), || {
            "realisasi is empty: a number with its satuan (12 laporan), or a sentence".into()
        });
        let catatan = clean_multiline(table.get(r, "catatan"));
        let (
            Some(Located {
                nip,
                skp: k,
                rhk,
                indikator: Some(i),
            }),
            Some(period),
            Some(nilai),
        ) = (at, period, nilai)
        else {
            bad.push((*line, row.problems.join("; ")));
            continue;
        };
        if let Some(skp) = plans.skp(&nip, k) {
            if !skp.covers(period) {
                row.problems.push(format!(
                    "{period} is outside the SKP ({} to {})",
                    format_date(skp.mulai),
                    format_date(skp.selesai)
                ));
            }
            if period.is_future(today) {
                row.problems
                    .push(format!("{period} has not started yet; nothing to realise"));
            }
        }
        let key = (nip.clone(), k, rhk, Some(i), format!("{period}"));
        if let Some(first) = seen.get(&key) {
            row.problems.push(format!(
                "the realisation of this indicator for {period} is already on line {first}"
            ));
        }
        if !row.problems.is_empty() {
            bad.push((*line, row.problems.join("; ")));
            continue;
        }
        seen.insert(key, *line);
        let same = plans
            .skp(&nip, k)
            .and_then(|s| s.rhk[rhk].indikator[i].realisasi_of(period))
            .map(|x| (x.nilai == nilai && x.catatan == catatan, true));
        match same {
            Some((true, _)) => unchanged += 1,
            found => {
                if found.is_some() {
                    updated += 1;
                } else {
                    created += 1;
                }
                if let Some(skp) = plans.skp_mut(&nip, k) {
                    skp.rhk[rhk].indikator[i].set_realisasi(period, Some(nilai), &catatan);
                }
            }
        }
    }
    report_bad(&table, &bad, seen.len(), opts)?;
    let groups = plans.into_changed();
    write_run(
        store,
        &table,
        opts,
        "realisasi",
        &with_skipped(
            format!("{created} new, {updated} updated, {unchanged} unchanged realisations"),
            bad.len(),
        ),
        groups.len(),
        |w, tick| {
            for (nip, group) in &groups {
                w.put_skp(nip, group)?;
                tick();
            }
            Ok(())
        },
    )
}

/// Evidence or feedback, as the `jenis` column says.
enum Entry {
    Bukti { uraian: String, lokasi: String },
    UmpanBalik { teks: String, dari: String },
}

pub(super) fn import_bukti(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::BUKTI, opts.ignore_unknown_columns)?;
    let today = today();
    let mut plans = Plans::new(store);
    let mut bad = Vec::new();
    let mut seen: Seen = HashMap::new();
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    for (line, r) in &table.rows {
        if let Some(p) = table.width_problem(r) {
            bad.push((*line, p));
            continue;
        }
        let mut row = Row::default();
        let at = plans.locate(&table, r, &mut row, false)?;
        let tanggal_text = table.get(r, "tanggal");
        let tanggal = row.need(parse_date(tanggal_text), || {
            format!("tanggal {tanggal_text:?} is not a date (2025-03-14)")
        });
        if tanggal.is_some_and(|d| d > today) {
            row.problems.push("tanggal is after today".into());
        }
        let uraian = clean_multiline(table.get(r, "uraian"));
        if uraian.trim().is_empty() {
            row.problems
                .push("uraian is empty: what the evidence is, or the feedback".into());
        }
        let jenis: String = table
            .get(r, "jenis")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let entry = match jenis.as_str() {
            "bukti" | "buktidukung" | "evidence" => {
                let lokasi = clean_line(table.get(r, "lokasi"));
                if lokasi.trim().is_empty() {
                    row.problems
                        .push("lokasi is empty: where the evidence is kept".into());
                }
                Some(Entry::Bukti {
                    uraian: uraian.clone(),
                    lokasi,
                })
            }
            "umpanbalik" | "feedback" => {
                let dari = clean_line(table.get(r, "dari"));
                if dari.trim().is_empty() {
                    row.problems
                        .push("dari is empty: who gave the feedback".into());
                }
                Some(Entry::UmpanBalik {
                    teks: uraian.clone(),
                    dari,
                })
            }
            _ => {
                row.problems.push(format!(
                    "jenis {:?} is not bukti or umpan-balik",
                    table.get(r, "jenis")
                ));
                None
            }
        };
        let (
            Some(Located {
                nip,
                skp: k,
                rhk,
                indikator: i,
            }),
            Some(tanggal),
            Some(entry),
        ) = (at, tanggal, entry)
        else {
            bad.push((*line, row.problems.join("; ")));
            continue;
        };
        let key_text = match &entry {
            Entry::Bukti { uraian, .. } => format!("bukti {tanggal} {uraian}"),
            Entry::UmpanBalik { teks, dari } => format!("umpan-balik {tanggal} {dari} {teks}"),
        };
        let key = (nip.clone(), k, rhk, i, key_text);
        if let Some(first) = seen.get(&key) {
            row.problems
                .push(format!("the same entry is already on line {first}"));
        }
        if !row.problems.is_empty() {
            bad.push((*line, row.problems.join("; ")));
            continue;
        }
        seen.insert(key, *line);
        let Some(skp) = plans.skp(&nip, k) else {
            continue;
        };
        let target = &skp.rhk[rhk];
        let indikator = i.map(|i| target.indikator[i].id);
        match entry {
            Entry::Bukti { uraian, lokasi } => {
                let found = target.bukti.iter().position(|b| {
                    b.indikator == indikator && b.tanggal == tanggal && b.uraian == uraian
                });
                match found {
                    Some(b) if target.bukti[b].lokasi == lokasi => unchanged += 1,
                    Some(b) => {
                        updated += 1;
                        if let Some(skp) = plans.skp_mut(&nip, k) {
                            skp.rhk[rhk].bukti[b].lokasi = lokasi;
                        }
                    }
                    None => {
                        created += 1;
                        if let Some(skp) = plans.skp_mut(&nip, k) {
                            skp.rhk[rhk].bukti.push(Bukti {
                                id: 0,
                                indikator,
                                tanggal,
                                uraian,
                                lokasi,
                            });
                        }
                    }
                }
            }
            Entry::UmpanBalik { teks, dari } => {
                let found = target.umpan_balik.iter().any(|u| {
                    u.indikator == indikator
                        && u.tanggal == tanggal
                        && u.dari == dari
                        && u.teks == teks
                });
                if found {
                    unchanged += 1;
                } else {
                    created += 1;
                    if let Some(skp) = plans.skp_mut(&nip, k) {
                        skp.rhk[rhk].umpan_balik.push(UmpanBalik {
                            id: 0,
                            indikator,
                            tanggal,
                            dari,
                            teks,
                        });
                    }
                }
            }
        }
    }
    report_bad(&table, &bad, seen.len(), opts)?;
    let groups = plans.into_changed();
    write_run(
        store,
        &table,
        opts,
        "bukti",
        &with_skipped(
            format!(
                "{created} new, {updated} updated, {unchanged} unchanged evidence and feedback entries"
            ),
            bad.len(),
        ),
        groups.len(),
        |w, tick| {
            for (nip, group) in &groups {
                w.put_skp(nip, group)?;
                tick();
            }
            Ok(())
        },
    )
}
