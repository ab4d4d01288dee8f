//! `kinerja import skp` (issue 19): SKPs, one row per indicator, as `export skp` writes
//! them. An SKP is the NIP and `mulai`; its own columns repeat on each of its rows and must
//! be the same there, as an RHK's on each of its indicators'. RHK and indicators are
//! numbered from 1 without gaps.
//!
//! An SKP already stored (same NIP and start) becomes the file's plan: an RHK with the same
//! text keeps its evidence and feedback, an indicator with the same aspect and text keeps
//! its realisations; what the plan no longer has goes, and the import says how much. A
//! superior's RHK named by NIP (`intervensi_nip`) must be in the file or the database; it
//! is linked by id. With `--skip-invalid`, an SKP with any bad row is skipped whole.

use super::*;
use crate::domain::{
    Aspek, Indikator, Intervensi, JenisRhk, Lampiran, Nilai, NilaiBerakhlak, Pendekatan, Rhk, Skp,
    SkpForm, SkpStatus, format_date,
};
use crate::store::SkpGroup;
use jiff::civil::Date;

/// The superior's RHK a row names: NIP digits, the start of their SKP (or `None`: the one
/// covering this plan's start) and the RHK's number.
#[derive(Clone, Debug, PartialEq)]
struct LinkAsked {
    nip: String,
    mulai: Option<Date>,
    no: usize,
}

/// The RHK columns of a row.
#[derive(Clone, Debug, PartialEq)]
struct RhkCols {
    no: usize,
    rhk: Rhk,
    link: Option<LinkAsked>,
}

/// One good row: the plan's key, its own columns, and its RHK and indicator if any.
struct Parsed {
    nip: Nip,
    mulai: Date,
    /// The SKP's columns as a plan with no RHK (ids 0).
    plan: Skp,
    rhk: Option<RhkCols>,
    indikator: Option<(usize, Indikator)>,
}

/// The text of the SKP-level columns of a row, to say which one differs between rows.
const SKP_COLUMNS: usize = 31;

fn parse_row(
    t: &Table,
    r: &StringRecord,
    staff: &Staff,
    unit_name: &str,
) -> Result<Parsed, Vec<String>> {
    if let Some(p) = t.width_problem(r) {
        return Err(vec![p]);
    }
    let mut row = Row::default();
    let nip = staff.nip.clone();
    let date = |row: &mut Row, col: &str| {
        let text = t.get(r, col);
        row.need(parse_date(text), || {
            format!("{col} {text:?} is not a date (2025-01-02, 02-01-2025 or 02/01/2025)")
        })
    };
    let mulai = date(&mut row, "mulai");
    let selesai = date(&mut row, "selesai");
    let form_text = t.get(r, "bentuk");
    let form = if form_text.is_empty() {
        Some(SkpForm::AdministrasiFungsional)
    } else {
        row.need(SkpForm::parse(form_text), || {
            format!("bentuk {form_text:?} is not administrasi-fungsional or jpt")
        })
    };
    let pendekatan_text = t.get(r, "pendekatan");
    let pendekatan = if pendekatan_text.is_empty() {
        Some(Pendekatan::Kuantitatif)
    } else {
        row.need(Pendekatan::parse(pendekatan_text), || {
            format!("pendekatan {pendekatan_text:?} is not kuantitatif or kualitatif")
        })
    };
    let set_on = optional_date(t, r, "ditetapkan", &mut row);
    let status = match (t.get(r, "status").to_lowercase().as_str(), set_on) {
        ("" | "ditetapkan", Some(d)) => SkpStatus::Ditetapkan(d),
        ("" | "draft", None) => SkpStatus::Draft,
        ("ditetapkan", None) => {
            row.problems
                .push("status ditetapkan needs the date in ditetapkan".into());
            SkpStatus::Draft
        }
        ("draft", Some(_)) => {
            row.problems
                .push("status draft with a ditetapkan date: empty one of them".into());
            SkpStatus::Draft
        }
        (other, _) => {
            row.problems
                .push(format!("status {other:?} is not draft or ditetapkan"));
            SkpStatus::Draft
        }
    };
    // The pegawai as the file says; from the staff record when the file has no such column.
    let mut pegawai = PersonAtTime {
        nip: Some(nip.clone()),
        nama: clean_line(t.get(r, "pegawai_nama")),
        ..Default::default()
    };
    if t.has("pegawai_nama") || has_details(t, "pegawai") {
        person_details(t, r, "pegawai", &mut pegawai, &mut row);
    } else {
        pegawai.nama = staff.display_name();
        pegawai.golongan = Some(staff.golongan);
        pegawai.jabatan = staff.jabatan.title();
        pegawai.unit = unit_name.to_string();
    }
    let penilai = parse_person(t, r, "penilai", &mut row).unwrap_or_default();
    let atasan = parse_person(t, r, "atasan", &mut row);
    let mut ekspektasi: [String; 7] = Default::default();
    for (e, v) in ekspektasi.iter_mut().zip(NilaiBerakhlak::ALL) {
        *e = clean_multiline(t.get(r, &format!("{}_ekspektasi", v.code())));
    }
    let lines = |col: &str| -> Vec<String> {
        t.get(r, col)
            .lines()
            .map(clean_line)
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let lampiran = Lampiran {
        sumber_daya: lines("sumber_daya"),
        skema_pertanggungjawaban: lines("skema_pertanggungjawaban"),
        konsekuensi: lines("konsekuensi"),
    };
    let number = |row: &mut Row, col: &str| -> Option<usize> {
        let text = t.get(r, col);
        row.need(text.parse::<usize>().ok().filter(|n| *n >= 1), || {
            format!("{col} {text:?} is not a number from 1")
        })
    };
    let rhk_cols = [
        "rhk_no",
        "rhk_jenis",
        "rhk",
        "intervensi",
        "intervensi_teks",
        "intervensi_nip",
        "intervensi_mulai",
        "intervensi_rhk_no",
    ];
    let ind_cols = ["indikator_no", "aspek", "indikator", "target"];
    let filled = |cols: &[&str]| cols.iter().any(|c| !t.get(r, c).is_empty());
    let rhk = if !filled(&rhk_cols) {
        if filled(&ind_cols) {
            row.problems
                .push("an indicator needs its RHK: rhk_no and rhk are empty".into());
        }
        None
    } else {
        let no = number(&mut row, "rhk_no");
        let jenis_text = t.get(r, "rhk_jenis");
        let jenis = if jenis_text.is_empty() {
            Some(JenisRhk::Utama)
        } else {
            row.need(JenisRhk::parse(jenis_text), || {
                format!("rhk_jenis {jenis_text:?} is not utama or tambahan")
            })
        };
        let teks = clean_multiline(t.get(r, "rhk"));
        if teks.trim().is_empty() {
            row.problems.push("rhk (the RHK's text) is empty".into());
        }
        let cite = clean_multiline(t.get(r, "intervensi_teks"));
        let link_nip = t.get(r, "intervensi_nip");
        let code: String = t
            .get(r, "intervensi")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let (intervensi, link) = match code.as_str() {
            "" if cite.is_empty() && link_nip.is_empty() => (Intervensi::None, None),
            "" | "atasan" | "rhkatasan" | "rhkpimpinan" => {
                let link = if link_nip.is_empty() {
                    None
                } else {
                    let nip = match parse_any_nip(link_nip) {
                        Ok(n) => Some(n.as_str().to_string()),
                        Err(e) => {
                            row.problems
                                .push(format!("intervensi_nip {link_nip:?}: {e}"));
                            None
                        }
                    };
                    let mulai = optional_date(t, r, "intervensi_mulai", &mut row);
                    let no = number(&mut row, "intervensi_rhk_no");
                    match (nip, no) {
                        (Some(nip), Some(no)) => Some(LinkAsked { nip, mulai, no }),
                        _ => None,
                    }
                };
                if cite.is_empty() && link.is_none() {
                    row.problems.push(
                        "intervensi atasan needs the superior's RHK in intervensi_teks".into(),
                    );
                }
                (
                    Intervensi::Atasan {
                        link: None,
                        teks: cite,
                    },
                    link,
                )
            }
            "perjanjiankinerja" | "pk" => {
                if !link_nip.is_empty() {
                    row.problems.push(
                        "intervensi_nip names a superior's RHK, but intervensi is perjanjian-kinerja"
                            .into(),
                    );
                }
                (Intervensi::PerjanjianKinerja(cite), None)
            }
            _ => {
                row.problems.push(format!(
                    "intervensi {:?} is not atasan or perjanjian-kinerja",
                    t.get(r, "intervensi")
                ));
                (Intervensi::None, None)
            }
        };
        match (no, jenis) {
            (Some(no), Some(jenis)) => Some(RhkCols {
                no,
                rhk: Rhk::new(jenis, &teks, intervensi),
                link,
            }),
            _ => None,
        }
    };
    let indikator = if rhk.is_some() && filled(&ind_cols) {
        let no = number(&mut row, "indikator_no");
        let aspek_text = t.get(r, "aspek");
        let aspek = row.need(Aspek::parse(aspek_text), || {
            format!("aspek {aspek_text:?} is not kuantitas, kualitas, waktu or biaya")
        });
        let teks = clean_multiline(t.get(r, "indikator"));
        if teks.trim().is_empty() {
            row.problems.push("indikator (its text) is empty".into());
        }
        let target = row.need(Nilai::parse(t.get(r, "target")), || {
            "target is empty: a number with its satuan (12 laporan), or a sentence".into()
        });
        match (no, aspek, target) {
            (Some(no), Some(aspek), Some(target)) => Some((
                no,
                Indikator {
                    id: 0,
                    aspek,
                    teks,
                    target,
                    realisasi: Vec::new(),
                },
            )),
            _ => None,
        }
    } else {
        None
    };
    match (mulai, selesai, form, pendekatan) {
        (Some(mulai), Some(selesai), Some(form), Some(pendekatan)) if row.problems.is_empty() => {
            let mut plan = Skp::new_year(mulai.year(), pegawai, penilai);
            plan.mulai = mulai;
            plan.selesai = selesai;
            plan.form = form;
            plan.pendekatan = pendekatan;
            plan.status = status;
            plan.atasan = atasan;
            plan.ekspektasi = ekspektasi;
            plan.lampiran = lampiran;
            Ok(Parsed {
                nip,
                mulai,
                plan,
                rhk,
                indikator,
            })
        }
        _ => Err(row.problems),
    }
}

/// The first SKP column whose text differs between two rows of one plan.
fn differing_column(
    t: &Table,
    a: &StringRecord,
    b: &StringRecord,
    cols: &[&str],
) -> Option<String> {
    cols.iter()
        .find(|c| t.get(a, c) != t.get(b, c))
        .map(|c| c.to_string())
}

/// One plan of the file, as its rows build it.
struct Building {
    nip: Nip,
    first_line: u64,
    first_row: StringRecord,
    plan: Skp,
    /// Per RHK number: its rows.
    rhk: BTreeMap<usize, RhkRows>,
    /// A row without an RHK was seen (an SKP without RHK), on this line.
    bare: Option<u64>,
    /// Lines of this plan with problems.
    bad: Vec<(u64, String)>,
    lines: Vec<u64>,
}

/// One RHK of a plan: the line it first appears on and that row, its columns, and its
/// indicators by number with their lines (0: a row of the RHK without an indicator).
struct RhkRows {
    line: u64,
    row: StringRecord,
    cols: RhkCols,
    indicators: BTreeMap<usize, (u64, Indikator)>,
}

/// A plan checked whole: the SKP (ids 0) and the links its RHK ask for, by RHK position.
struct Checked {
    nip: Nip,
    first_line: u64,
    rows: usize,
    skp: Skp,
    links: Vec<(usize, u64, LinkAsked)>,
}

fn finish(b: Building) -> Result<Checked, Vec<(u64, String)>> {
    let mut bad = b.bad;
    let mut skp = b.plan;
    let mut links = Vec::new();
    let label = format!("SKP {} from {}", b.nip.as_str(), format_date(skp.mulai));
    if let Some(line) = b.bare
        && !b.rhk.is_empty()
    {
        bad.push((
            line,
            format!("{label} has RHK on other lines; a row without an RHK is only for an SKP without any"),
        ));
    }
    for (want, (got, rows)) in (1..).zip(&b.rhk) {
        let (line, cols, ind) = (&rows.line, &rows.cols, &rows.indicators);
        if *got != want {
            bad.push((
                *line,
                format!("{label}: RHK numbers run 1, 2, 3 ...; RHK {want} is missing"),
            ));
            break;
        }
        let mut rhk = cols.rhk.clone();
        let with_none = ind.get(&0).map(|(l, _)| *l);
        for (want, (got, (iline, i))) in (1..).zip(ind.iter().filter(|(k, _)| **k > 0)) {
            if *got != want {
                bad.push((
                    *iline,
                    format!(
                        "{label}, RHK {}: indicator numbers run 1, 2, 3 ...; {want} is missing",
                        cols.no
                    ),
                ));
                break;
            }
            rhk.indikator.push(i.clone());
        }
        if let Some(l) = with_none
            && !rhk.indikator.is_empty()
        {
            bad.push((
                l,
                format!("{label}: RHK {} has indicators on other lines; a row without one is only for an RHK without any", cols.no),
            ));
        }
        if let Some(link) = &cols.link {
            links.push((want - 1, *line, link.clone()));
        }
        skp.rhk.push(rhk);
    }
    if let Err(e) = skp.validate(b.nip.as_str()) {
        bad.push((b.first_line, format!("{label}: {e}")));
    }
    let (year, month) = b.nip.appointed();
    if (skp.selesai.year(), skp.selesai.month()) < (year, month) {
        bad.push((
            b.first_line,
            format!("{label} ends before the person's appointment (TMT {year:04}-{month:02})"),
        ));
    }
    if bad.is_empty() {
        Ok(Checked {
            nip: b.nip,
            first_line: b.first_line,
            rows: b.lines.len(),
            skp,
            links,
        })
    } else {
        Err(bad)
    }
}

/// The superior's SKP a link names among `skps`: the one starting on the asked day, or the
/// latest one covering `at`.
fn target<'a>(skps: &'a [Skp], asked: &LinkAsked, at: Date) -> Option<&'a Skp> {
    match asked.mulai {
        Some(m) => skps.iter().find(|s| s.mulai == m),
        None => skps
            .iter()
            .filter(|s| s.mulai <= at && at <= s.selesai)
            .max_by_key(|s| s.mulai),
    }
}

/// `stored` becomes `new`'s plan: an RHK with the same text keeps its id, evidence and
/// feedback; an indicator of it with the same aspect and text keeps its id and
/// realisations. Returns the plan (numbered) and how many realisations, evidence and
/// feedback entries it no longer has a place for.
fn merge_plan(stored: &Skp, mut new: Skp) -> (Skp, usize) {
    new.id = stored.id;
    new.next_id = stored.next_id;
    new.revision = stored.revision;
    let mut left: Vec<Option<&Rhk>> = stored.rhk.iter().map(Some).collect();
    let mut kept = 0usize;
    for r in &mut new.rhk {
        let Some(old) = left
            .iter_mut()
            .find(|o| o.is_some_and(|o| o.teks == r.teks))
            .and_then(Option::take)
        else {
            continue;
        };
        r.id = old.id;
        let mut inds: Vec<Option<&Indikator>> = old.indikator.iter().map(Some).collect();
        for i in &mut r.indikator {
            if let Some(o) = inds
                .iter_mut()
                .find(|o| o.is_some_and(|o| o.aspek == i.aspek && o.teks == i.teks))
                .and_then(Option::take)
            {
                i.id = o.id;
                i.realisasi = o.realisasi.clone();
                kept += i.realisasi.len();
            }
        }
        let ids: Vec<u32> = r.indikator.iter().map(|i| i.id).collect();
        let here = |x: Option<u32>| x.filter(|id| ids.contains(id));
        r.bukti = old.bukti.clone();
        r.umpan_balik = old.umpan_balik.clone();
        for b in &mut r.bukti {
            b.indikator = here(b.indikator);
        }
        for u in &mut r.umpan_balik {
            u.indikator = here(u.indikator);
        }
        kept += r.bukti.len() + r.umpan_balik.len();
    }
    let had: usize = stored
        .rhk
        .iter()
        .map(|r| {
            r.bukti.len()
                + r.umpan_balik.len()
                + r.indikator.iter().map(|i| i.realisasi.len()).sum::<usize>()
        })
        .sum();
    new.number();
    (new, had.saturating_sub(kept))
}

pub(super) fn import_skp(store: &Store, file: &Path, opts: Options) -> Result<(), Failure> {
    let table = csvio::read(file, columns::SKP, opts.ignore_unknown_columns)?;
    let units: HashMap<String, String> =
        store.units()?.into_iter().map(|u| (u.id, u.name)).collect();
    let skp_cols: Vec<&str> = columns::SKP[..SKP_COLUMNS].iter().map(|c| c.name).collect();
    let rhk_cols: Vec<&str> = columns::SKP[SKP_COLUMNS..SKP_COLUMNS + 8]
        .iter()
        .map(|c| c.name)
        .collect();
    let mut bad: Vec<(u64, String)> = Vec::new();
    // Plans with a bad row that could not be put with them (it came first).
    let mut bad_plans: HashSet<(String, Date)> = HashSet::new();
    let mut staff_of: HashMap<String, Option<Staff>> = HashMap::new();
    let mut plans: BTreeMap<(String, Date), Building> = BTreeMap::new();
    for (line, r) in &table.rows {
        let nip_text = table.get(r, "nip").to_string();
        let nip = match parse_any_nip(&nip_text) {
            Ok(n) => n,
            Err(e) => {
                bad.push((*line, format!("nip {nip_text:?}: {e}")));
                continue;
            }
        };
        if !staff_of.contains_key(nip.as_str()) {
            let found = store.get_staff(nip.as_str())?;
            staff_of.insert(nip.as_str().to_string(), found);
        }
        let Some(Some(staff)) = staff_of.get(nip.as_str()) else {
            bad.push((
                *line,
                format!(
                    "no staff with NIP {}; import the staff file first",
                    nip.as_str()
                ),
            ));
            continue;
        };
        let unit = units.get(&staff.unit_id).map_or("", String::as_str);
        let p = match parse_row(&table, r, staff, unit) {
            Ok(p) => p,
            Err(problems) => {
                // Still counted against its plan, so the plan is not written half.
                if let Some(mulai) = parse_date(table.get(r, "mulai")) {
                    bad_plans.insert((nip.as_str().to_string(), mulai));
                }
                bad.push((*line, problems.join("; ")));
                continue;
            }
        };
        let key = (p.nip.as_str().to_string(), p.mulai);
        let b = plans.entry(key).or_insert_with(|| Building {
            nip: p.nip.clone(),
            first_line: *line,
            first_row: r.clone(),
            plan: p.plan.clone(),
            rhk: BTreeMap::new(),
            bare: None,
            bad: Vec::new(),
            lines: Vec::new(),
        });
        b.lines.push(*line);
        if let Some(col) = differing_column(&table, &b.first_row, r, &skp_cols) {
            b.bad.push((
                *line,
                format!(
                    "{col} differs from line {} (the same SKP: nip and mulai); an SKP's columns are the same on each of its rows",
                    b.first_line
                ),
            ));
            continue;
        }
        let Some(cols) = p.rhk else {
            b.bare = Some(*line);
            continue;
        };
        let entry = b.rhk.entry(cols.no).or_insert_with(|| RhkRows {
            line: *line,
            row: r.clone(),
            cols: cols.clone(),
            indicators: BTreeMap::new(),
        });
        if let Some(col) = differing_column(&table, &entry.row, r, &rhk_cols) {
            let first = entry.line;
            b.bad.push((
                *line,
                format!(
                    "{col} differs from line {first} (the same RHK {}); an RHK's columns are the same on each of its indicators' rows",
                    cols.no
                ),
            ));
            continue;
        }
        // Indicator 0 stands for "a row of this RHK without an indicator".
        let (no, ind) = match p.indikator {
            Some((no, i)) => (no, i),
            None => (
                0,
                Indikator {
                    id: 0,
                    aspek: Aspek::Kuantitas,
                    teks: String::new(),
                    target: Nilai::Teks(String::new()),
                    realisasi: Vec::new(),
                },
            ),
        };
        if let Some((first, _)) = entry.indicators.get(&no) {
            let what = if no == 0 {
                format!("RHK {} without an indicator", cols.no)
            } else {
                format!("indicator {no} of RHK {}", cols.no)
            };
            let first = *first;
            b.bad
                .push((*line, format!("{what} is already on line {first}")));
            continue;
        }
        entry.indicators.insert(no, (*line, ind));
    }

    // Each plan whole.
    let mut good: Vec<Checked> = Vec::new();
    for (key, b) in plans {
        // A plan with a row that could not be read says only that row's problems (and its
        // own): what follows from the missing row would be noise.
        if bad_plans.contains(&key) {
            bad.extend(b.bad);
            continue;
        }
        match finish(b) {
            Ok(c) => good.push(c),
            Err(problems) => bad.extend(problems),
        }
    }

    // The superiors' RHK the links name: in the file (its good plans) or stored.
    let mut stored: HashMap<String, SkpGroup> = HashMap::new();
    let file_plans: HashMap<String, Vec<Skp>> = good.iter().fold(HashMap::new(), |mut m, c| {
        m.entry(c.nip.as_str().to_string())
            .or_default()
            .push(c.skp.clone());
        m
    });
    let mut view: HashMap<String, Vec<Skp>> = HashMap::new();
    let mut unlinked: HashSet<usize> = HashSet::new();
    for (k, c) in good.iter().enumerate() {
        for (_, line, asked) in &c.links {
            let skps = superior_view(store, &mut stored, &mut view, &file_plans, &asked.nip)?;
            let ok = target(skps, asked, c.skp.mulai).is_some_and(|s| s.rhk.len() >= asked.no);
            if !ok {
                bad.push((
                    *line,
                    format!(
                        "intervensi: {} has no SKP {} with RHK {}; import the superior's SKP first, or empty intervensi_nip to keep the text only",
                        asked.nip,
                        asked
                            .mulai
                            .map_or("covering this SKP's start".to_string(), |m| format!(
                                "from {}",
                                format_date(m)
                            )),
                        asked.no
                    ),
                ));
                unlinked.insert(k);
            }
        }
    }
    let good_rows: usize = good
        .iter()
        .enumerate()
        .filter(|(k, _)| !unlinked.contains(k))
        .map(|(_, c)| c.rows)
        .sum();
    bad.sort_by_key(|(line, _)| *line);
    report_bad(&table, &bad, good_rows, opts)?;
    let good: Vec<Checked> = good
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !unlinked.contains(k))
        .map(|(_, c)| c)
        .collect();

    // Into each person's stored group: ids kept where the plan keeps them.
    let mut groups: BTreeMap<String, SkpGroup> = BTreeMap::new();
    let mut dropped: Vec<(u64, String, usize)> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    for c in good {
        let nip = c.nip.as_str().to_string();
        if !groups.contains_key(&nip) {
            let g = store.skp_group(&nip)?;
            groups.insert(nip.clone(), g);
        }
        let Some(group) = groups.get_mut(&nip) else {
            continue;
        };
        let mulai = c.skp.mulai;
        match group.items.iter_mut().find(|s| s.mulai == mulai) {
            Some(old) => {
                let (merged, lost) = merge_plan(old, c.skp);
                if lost > 0 {
                    dropped.push((
                        c.first_line,
                        format!("{nip} from {}", format_date(mulai)),
                        lost,
                    ));
                }
                // Compared after the links are set; the revision is raised then.
                *old = merged;
            }
            None => {
                let mut skp = c.skp;
                skp.id = group.next_id.max(1);
                group.next_id = skp.id + 1;
                skp.revision = 0;
                skp.number();
                group.items.push(skp);
            }
        }
        placed.push(Placed {
            nip,
            mulai,
            links: c.links.into_iter().map(|(i, _, l)| (i, l)).collect(),
        });
    }
    // The links, by id, now that every plan of the file has its ids.
    for Placed { nip, mulai, links } in &placed {
        for (i, asked) in links {
            let skps: Vec<Skp> = match groups.get(&asked.nip) {
                Some(g) => g.items.clone(),
                None => {
                    superior_view(store, &mut stored, &mut view, &file_plans, &asked.nip)?.to_vec()
                }
            };
            // A plan the import leaves out (--skip-invalid) has no ids: text only then.
            let link = target(&skps, asked, *mulai)
                .and_then(|s| Some((s.id, s.rhk.get(asked.no - 1)?.id)))
                .filter(|(skp_id, rhk_id)| *skp_id > 0 && *rhk_id > 0);
            if let Some(skp) = groups
                .get_mut(nip)
                .and_then(|g| g.items.iter_mut().find(|s| s.mulai == *mulai))
                && let Some(r) = skp.rhk.get_mut(*i)
                && let Intervensi::Atasan { link: slot, .. } = &mut r.intervensi
            {
                *slot = link.map(|(skp_id, rhk_id)| (asked.nip.clone(), skp_id, rhk_id));
            }
        }
    }
    // New, changed or the same as stored.
    let (mut created, mut updated, mut unchanged) = (0usize, 0usize, 0usize);
    let mut touched: Vec<(String, SkpGroup)> = Vec::new();
    for (nip, mut group) in groups {
        let before = store.skp_group(&nip)?;
        let mut changed = false;
        for mulai in placed.iter().filter(|p| p.nip == nip).map(|p| p.mulai) {
            let Some(skp) = group.items.iter_mut().find(|s| s.mulai == mulai) else {
                continue;
            };
            match before.items.iter().find(|s| s.id == skp.id) {
                None => {
                    skp.revision = 1;
                    created += 1;
                    changed = true;
                }
                Some(old) if *old == *skp => unchanged += 1,
                Some(_) => {
                    skp.revision += 1;
                    updated += 1;
                    changed = true;
                }
            }
        }
        if changed {
            group.items.sort_by_key(|s| (s.mulai, s.id));
            touched.push((nip, group));
        }
    }
    for (line, what, n) in &dropped {
        tell!(
            "{}:{line}: warning: SKP {what}: {n} realisation(s), evidence or feedback entries belonged to RHK or indicators the file no longer has; they go with them",
            table.file
        );
    }
    write_run(
        store,
        &table,
        opts,
        "skp",
        &with_skipped(
            format!("{created} new, {updated} updated, {unchanged} unchanged SKP"),
            bad.len(),
        ),
        touched.len(),
        |w, tick| {
            for (nip, group) in &touched {
                w.put_skp(nip, group)?;
                tick();
            }
            Ok(())
        },
    )
}

/// A plan of the file placed in its person's group, and the links its RHK ask for.
struct Placed {
    nip: String,
    mulai: Date,
    links: Vec<(usize, LinkAsked)>,
}

/// A superior's SKPs as the import will leave them: the file's good plans over the stored
/// ones (same start), read once per NIP.
fn superior_view<'v>(
    store: &Store,
    stored: &mut HashMap<String, SkpGroup>,
    view: &'v mut HashMap<String, Vec<Skp>>,
    file_plans: &HashMap<String, Vec<Skp>>,
    nip: &str,
) -> Result<&'v [Skp], Failure> {
    if !view.contains_key(nip) {
        if !stored.contains_key(nip) {
            let g = store.skp_group(nip)?;
            stored.insert(nip.to_string(), g);
        }
        let from_file = file_plans.get(nip).cloned().unwrap_or_default();
        let mut all: Vec<Skp> = stored
            .get(nip)
            .map(|g| g.items.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|s| !from_file.iter().any(|f| f.mulai == s.mulai))
            .collect();
        all.extend(from_file);
        view.insert(nip.to_string(), all);
    }
    Ok(view.get(nip).map_or(&[], Vec::as_slice))
}
