//! Issue 19 from the command line: `kinerja export|import skp|realisasi|bukti|keberatan`
//! on temporary databases. Exit statuses: 0 done, 1 the data is at fault, 2 could not run.

mod cli_support;

use cli_support::{Csv, Db};
use std::collections::{HashMap, HashSet};

fn this_year() -> i16 {
    kinerja::cli::today().year()
}

/// The SKP file names each plan's people, its RHK with the superior's RHK they cite, and
/// each indicator with its target; realisations, evidence and objections name what the
/// SKP file has.
#[test]
fn the_skp_exports_name_plans_rhk_and_indicators_by_number() {
    let db = Db::new();
    db.demo(60);
    let skp = db.export("skp");
    assert_eq!(skp.header.len(), 43, "{:?}", skp.header);
    assert_eq!(&skp.header[..3], ["nip", "mulai", "selesai"]);
    assert!(skp.rows.iter().all(|r| r.len() == 43));
    // Every plan's RHK and indicators, numbered from 1 without gaps.
    let mut indicators: HashSet<(String, String, String, String)> = HashSet::new();
    let mut plans: HashMap<(String, String), usize> = HashMap::new();
    for r in &skp.rows {
        let key = (
            skp.get(r, "nip").to_string(),
            skp.get(r, "mulai").to_string(),
        );
        *plans.entry(key.clone()).or_default() += 1;
        indicators.insert((
            key.0,
            key.1,
            skp.get(r, "rhk_no").to_string(),
            skp.get(r, "indikator_no").to_string(),
        ));
        assert!(matches!(skp.get(r, "rhk_jenis"), "utama" | "tambahan"));
        assert!(!skp.get(r, "target").is_empty());
    }
    assert_eq!(plans.len(), 120, "60 people, last year and this year");
    // Heads cite the Perjanjian Kinerja; everyone else a head's RHK that is in the file.
    let (mut pk, mut linked) = (0, 0);
    for r in &skp.rows {
        match skp.get(r, "intervensi") {
            "perjanjian-kinerja" => {
                assert!(
                    skp.get(r, "intervensi_teks")
                        .starts_with("Perjanjian Kinerja")
                );
                pk += 1;
            }
            "atasan" => {
                let cited = (
                    skp.get(r, "intervensi_nip").to_string(),
                    skp.get(r, "intervensi_mulai").to_string(),
                    skp.get(r, "intervensi_rhk_no").to_string(),
                    "1".to_string(),
                );
                assert!(indicators.contains(&cited), "{cited:?}");
                linked += 1;
            }
            other => panic!("intervensi {other:?}"),
        }
    }
    assert!(pk > 0 && linked > 0, "{pk} {linked}");

    let realisasi = db.export("realisasi");
    assert!(!realisasi.rows.is_empty());
    for r in &realisasi.rows {
        let at = (
            realisasi.get(r, "nip").to_string(),
            realisasi.get(r, "skp_mulai").to_string(),
            realisasi.get(r, "rhk_no").to_string(),
            realisasi.get(r, "indikator_no").to_string(),
        );
        assert!(indicators.contains(&at), "{at:?}");
        assert!(realisasi.get(r, "periode").starts_with("triwulan-"));
    }
    let bukti = db.export("bukti");
    let kinds: HashSet<&str> = bukti.rows.iter().map(|r| bukti.get(r, "jenis")).collect();
    assert_eq!(kinds, HashSet::from(["bukti", "umpan-balik"]));
    for r in &bukti.rows {
        match bukti.get(r, "jenis") {
            "bukti" => assert!(!bukti.get(r, "lokasi").is_empty()),
            _ => assert!(!bukti.get(r, "dari").is_empty()),
        }
    }
    let keberatan = db.export("keberatan");
    assert!(!keberatan.rows.is_empty());
    let last_year = (this_year() - 1).to_string();
    for r in &keberatan.rows {
        assert_eq!(keberatan.get(r, "tahun"), last_year);
        assert!(!keberatan.get(r, "diterima").is_empty());
        assert!(!keberatan.get(r, "alasan").is_empty());
    }
}

#[test]
fn the_skp_exports_keep_to_the_year_asked() {
    let db = Db::new();
    db.demo(20);
    let year = this_year().to_string();
    let run = db.run(&["export", "skp", "--year", &year]);
    run.expect(0);
    let csv = Csv::parse(&run.stdout_text());
    assert!(!csv.rows.is_empty());
    assert!(
        csv.rows
            .iter()
            .all(|r| csv.get(r, "mulai").starts_with(&year))
    );
    let run = db.run(&["export", "realisasi", "--year", &year]);
    let csv = Csv::parse(&run.stdout_text());
    assert!(csv.rows.iter().all(|r| csv.get(r, "tahun") == year));
    // Last year's objections only.
    let run = db.run(&["export", "keberatan", "--year", &year]);
    assert_eq!(Csv::parse(&run.stdout_text()).rows.len(), 0);
}

/// The evaluations file gains the date received and the people as they were; its older
/// columns keep their place.
#[test]
fn the_evaluations_export_has_the_date_received_and_the_people_then() {
    let db = Db::new();
    db.demo(20);
    let e = db.export("evaluations");
    assert_eq!(
        &e.header[..5],
        ["nip", "tahun", "periode", "hasil_kerja", "perilaku"]
    );
    assert_eq!(e.col("catatan") + 1, e.col("diterima"));
    let last_year = (this_year() - 1).to_string();
    for r in &e.rows {
        assert!(!e.get(r, "pegawai_jabatan").is_empty());
        let annual_last_year = e.get(r, "tahun") == last_year && e.get(r, "periode") == "tahunan";
        assert_eq!(!e.get(r, "diterima").is_empty(), annual_last_year, "{r:?}");
    }
}

/// PP 30/2019 Pasal 59: an evaluation with an objection has the objection's result as its
/// ratings; an evaluations file cannot change them under it, and nothing is written.
#[test]
fn an_evaluations_file_cannot_change_ratings_under_an_objection() {
    let db = Db::new();
    db.demo(60);
    let keberatan = db.export("keberatan");
    let row = &keberatan.rows[0];
    let (nip, tahun, periode) = (
        keberatan.get(row, "nip"),
        keberatan.get(row, "tahun"),
        keberatan.get(row, "periode"),
    );
    let before = db.export_bytes(&db.path, "evaluations");
    let evaluations = Csv::parse(&String::from_utf8(before.clone()).expect("UTF-8"));
    let stored = evaluations
        .rows
        .iter()
        .find(|r| {
            evaluations.get(r, "nip") == nip
                && evaluations.get(r, "tahun") == tahun
                && evaluations.get(r, "periode") == periode
        })
        .expect("the objected evaluation");
    let other = if evaluations.get(stored, "hasil_kerja") == "1" {
        "2"
    } else {
        "1"
    };
    let file = format!(
        "nip,tahun,periode,hasil_kerja,perilaku\n{nip},{tahun},{periode},{other},{}\n",
        evaluations.get(stored, "perilaku")
    );
    let run = db.import_into(&db.path, "evaluations", "change.csv", file.as_bytes());
    run.expect(1);
    let reports = run.row_reports(&db.sibling("change.csv"));
    assert_eq!(reports.len(), 1, "{}", run.stderr);
    assert_eq!(reports[0].0, 2);
    assert!(
        reports[0].1.contains("has an objection"),
        "{}",
        reports[0].1
    );
    assert!(
        reports[0].1.contains("import keberatan"),
        "{}",
        reports[0].1
    );
    assert_eq!(
        db.export_bytes(&db.path, "evaluations"),
        before,
        "nothing written"
    );
}

/// The kinds of the SKP cycle, in the order a new database takes them.
const CYCLE: [&str; 6] = [
    "staff",
    "evaluations",
    "skp",
    "realisasi",
    "bukti",
    "keberatan",
];

/// Issue 19: "export, import, export is byte-identical" for SKPs, realisations, evidence and
/// objections (and the evaluations they change).
#[test]
fn export_import_export_of_the_skp_cycle_is_byte_identical() {
    let db = Db::new();
    db.demo(40);
    let copy = db.sibling("copy");
    let first: Vec<Vec<u8>> = CYCLE.iter().map(|k| db.export_bytes(&db.path, k)).collect();
    for (kind, bytes) in CYCLE.iter().zip(&first) {
        assert!(
            bytes.iter().filter(|b| **b == b'\n').count() > 2,
            "the demo has {kind} to export"
        );
        let run = db.import_into(&copy, kind, &format!("{kind}.csv"), bytes);
        run.expect(0);
        assert!(run.stderr.contains("imported"), "{kind}: {}", run.stderr);
    }
    for (kind, bytes) in CYCLE.iter().zip(&first) {
        let again = db.export_bytes(&copy, kind);
        assert!(
            again == *bytes,
            "{kind}: the re-export differs from the first export\n{}",
            first_difference(bytes, &again)
        );
    }
    // A second import of the same files changes nothing.
    for (kind, bytes) in CYCLE.iter().zip(&first).skip(2) {
        let run = db.import_into(&copy, kind, &format!("{kind}-again.csv"), bytes);
        run.expect(0);
        assert!(
            run.stderr.contains("nothing to change"),
            "{kind}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains(" 0 new, 0 updated"),
            "{kind}: {}",
            run.stderr
        );
    }
    let check = db.run_on(&copy, &["check"]);
    check.expect(0);
}

/// The first line where two exports differ, for a readable failure.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (n, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  first:  {x}\n  second: {y}", n + 1);
        }
    }
    format!("{} lines against {}", a.lines().count(), b.lines().count())
}

/// Valid, but never a staff member.
const NIP_UNKNOWN: &str = "197805122005011003";

/// The demo's SKP file with every Lampiran cell on one line, so a row is a line (the
/// header is line 1), and the plans of staff (not heads) by (nip, mulai) in file order.
fn one_line_skp(db: &Db) -> (Csv, Vec<Vec<usize>>) {
    let mut skp = db.export("skp");
    for c in ["sumber_daya", "skema_pertanggungjawaban", "konsekuensi"] {
        let i = skp.col(c);
        for r in &mut skp.rows {
            r[i] = r[i].lines().next().unwrap_or("").to_string();
        }
    }
    let mut plans: Vec<((String, String), Vec<usize>)> = Vec::new();
    for (n, r) in skp.rows.iter().enumerate() {
        let key = (
            skp.get(r, "nip").to_string(),
            skp.get(r, "mulai").to_string(),
        );
        match plans.last_mut() {
            Some((k, rows)) if *k == key => rows.push(n),
            _ => plans.push((key, vec![n])),
        }
    }
    let staff_plans = plans
        .into_iter()
        .map(|(_, rows)| rows)
        .filter(|rows| rows.len() >= 3 && skp.get(&skp.rows[rows[0]], "intervensi") == "atasan")
        .collect();
    (skp, staff_plans)
}

/// A database with the demo's staff and nothing else of theirs but what a test imports.
fn staff_only(db: &Db, name: &str) -> std::path::PathBuf {
    let copy = db.sibling(name);
    let staff = db.export_bytes(&db.path, "staff");
    db.import_into(&copy, "staff", "staff.csv", &staff)
        .expect(0);
    copy
}

/// Bad rows are named by line and reason and nothing is written; with --skip-invalid the
/// plans without a bad row are.
#[test]
fn bad_skp_rows_are_named_by_line_and_nothing_is_written() {
    let db = Db::new();
    db.demo(40);
    let copy = staff_only(&db, "copy");
    let (mut skp, plans) = one_line_skp(&db);
    let line = |row: usize| row as u64 + 2;
    let set = |skp: &mut Csv, row: usize, col: &str, value: &str| {
        let c = skp.col(col);
        skp.rows[row][c] = value.to_string();
    };
    let (p1, p2, p3, p4) = (&plans[0], &plans[2], &plans[4], &plans[6]);
    set(&mut skp, p1[0], "aspek", "rasa");
    set(&mut skp, p2[1], "penilai_nama", "Orang Lain");
    let first_rhk = skp.get(&skp.rows[p3[0]], "rhk_no").to_string();
    for &n in p3.iter() {
        if skp.get(&skp.rows[n], "rhk_no") == first_rhk {
            set(&mut skp, n, "intervensi_nip", NIP_UNKNOWN);
        }
    }
    let unknown_staff = p4[0];
    set(&mut skp, unknown_staff, "nip", NIP_UNKNOWN);
    let keys: Vec<(String, String)> = [p1, p2, p3]
        .iter()
        .map(|p| {
            let r = &skp.rows[p[0]];
            (
                skp.get(r, "nip").to_string(),
                skp.get(r, "mulai").to_string(),
            )
        })
        .collect();
    let text = skp.to_text();
    let f = db.write("skp.csv", &text);
    let run = db.run_on(&copy, &["import", "skp", cli_support::s(&f)]);
    run.expect(1);
    let reports: HashMap<u64, String> = run.row_reports(&f).into_iter().collect();
    let said = |row: usize, what: &str| {
        let why = reports
            .get(&line(row))
            .unwrap_or_else(|| panic!("line {} not reported: {reports:?}", line(row)));
        assert!(why.contains(what), "line {}: {why}", line(row));
    };
    said(
        p1[0],
        "aspek \"rasa\" is not kuantitas, kualitas, waktu or biaya",
    );
    said(
        p2[1],
        &format!("penilai_nama differs from line {}", line(p2[0])),
    );
    said(p3[0], &format!("intervensi: {NIP_UNKNOWN} has no SKP"));
    said(unknown_staff, &format!("no staff with NIP {NIP_UNKNOWN}"));
    // The person's plan now lacks that row: its indicator 1 is missing.
    said(p4[1], "indicator numbers run 1, 2, 3 ...; 1 is missing");
    // Only those: nothing else follows from them.
    assert_eq!(reports.len(), 5, "{reports:?}");
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(
        Csv::parse(&String::from_utf8(db.export_bytes(&copy, "skp")).expect("UTF-8"))
            .rows
            .len(),
        0
    );

    // --skip-invalid: every other plan, none of the bad ones.
    let run = db.run_on(
        &copy,
        &["import", "skp", cli_support::s(&f), "--skip-invalid"],
    );
    run.expect(0);
    let written = Csv::parse(&String::from_utf8(db.export_bytes(&copy, "skp")).expect("UTF-8"));
    let written_keys: HashSet<(String, String)> = written
        .rows
        .iter()
        .map(|r| {
            (
                written.get(r, "nip").to_string(),
                written.get(r, "mulai").to_string(),
            )
        })
        .collect();
    for k in &keys {
        assert!(!written_keys.contains(k), "{k:?} was written");
    }
    assert!(written_keys.len() > 60, "{}", written_keys.len());
}

/// Rows of one RHK must agree, and RHK run 1, 2, 3: a plan whose RHK 1 is gone is refused.
#[test]
fn an_skp_with_a_gap_in_its_rhk_numbers_is_refused() {
    let db = Db::new();
    db.demo(20);
    let copy = staff_only(&db, "copy");
    let (skp, plans) = one_line_skp(&db);
    let plan = &plans[0];
    let keep: Vec<Vec<String>> = plan
        .iter()
        .map(|&n| skp.rows[n].clone())
        .filter(|r| r[skp.col("rhk_no")] != "1")
        .map(|mut r| {
            // Text only, so the superior's plan need not be in the file.
            let (a, b) = (skp.col("intervensi_nip"), skp.col("intervensi_rhk_no"));
            r[a].clear();
            r[b].clear();
            r[skp.col("intervensi_mulai")].clear();
            r
        })
        .collect();
    let file = Csv {
        header: skp.header.clone(),
        rows: keep,
    };
    let f = db.write("gap.csv", file.to_text());
    let run = db.run_on(&copy, &["import", "skp", cli_support::s(&f)]);
    run.expect(1);
    let reports = run.row_reports(&f);
    assert_eq!(reports.len(), 1, "{}", run.stderr);
    assert_eq!(reports[0].0, 2);
    assert!(
        reports[0].1.contains("RHK 1 is missing"),
        "{}",
        reports[0].1
    );
}

/// An SKP imported over a stored one keeps the realisations of the indicators it keeps,
/// and says how many of the others go.
#[test]
fn a_changed_rhk_loses_its_realisations_and_the_import_says_so() {
    let db = Db::new();
    db.demo(40);
    let realisasi = db.export("realisasi");
    // A plan of last year with realisations on RHK 1 and RHK 2.
    let with = |rhk: &str| -> HashSet<(String, String)> {
        realisasi
            .rows
            .iter()
            .filter(|r| realisasi.get(r, "rhk_no") == rhk)
            .map(|r| {
                (
                    realisasi.get(r, "nip").to_string(),
                    realisasi.get(r, "skp_mulai").to_string(),
                )
            })
            .collect()
    };
    let (one, two) = (with("1"), with("2"));
    // A staff member's plan (a head's RHK are cited by others, whose plans would change
    // too), the first in NIP order, so the test is the same on every run.
    let skp = db.export("skp");
    let heads: HashSet<(String, String)> = skp
        .rows
        .iter()
        .filter(|r| skp.get(r, "intervensi") == "perjanjian-kinerja")
        .map(|r| {
            (
                skp.get(r, "nip").to_string(),
                skp.get(r, "mulai").to_string(),
            )
        })
        .collect();
    let mut both: Vec<(String, String)> = one
        .intersection(&two)
        .filter(|k| !heads.contains(*k))
        .cloned()
        .collect();
    both.sort();
    let key = both.first().expect("a plan with both").clone();
    let count = |csv: &Csv, rhk: &str| {
        csv.rows
            .iter()
            .filter(|r| {
                (csv.get(r, "nip"), csv.get(r, "skp_mulai")) == (key.0.as_str(), key.1.as_str())
                    && csv.get(r, "rhk_no") == rhk
            })
            .count()
    };
    let (lost, kept) = (count(&realisasi, "1"), count(&realisasi, "2"));
    let mut skp = skp;
    let (rc, nc, mc, no) = (
        skp.col("rhk"),
        skp.col("nip"),
        skp.col("mulai"),
        skp.col("rhk_no"),
    );
    for r in &mut skp.rows {
        if (r[nc].as_str(), r[mc].as_str()) == (key.0.as_str(), key.1.as_str()) && r[no] == "1" {
            r[rc] = format!("{} (diubah)", r[rc]);
        }
    }
    let f = db.write("changed.csv", skp.to_text());
    let run = db.run(&["import", "skp", cli_support::s(&f)]);
    run.expect(0);
    assert!(run.stderr.contains("0 new, 1 updated"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("warning: SKP {} from {}: ", key.0, key.1)),
        "{}",
        run.stderr
    );
    let after = db.export("realisasi");
    assert_eq!(count(&after, "1"), 0, "RHK 1 is a new RHK");
    assert_eq!(count(&after, "2"), kept);
    assert!(lost > 0);
}

/// Realisations name a stored plan, an RHK and indicator it has, and a period inside it.
#[test]
fn bad_realisation_rows_are_named_by_line() {
    let db = Db::new();
    db.demo(20);
    let realisasi = db.export("realisasi");
    let r = &realisasi.rows[0];
    let (nip, mulai) = (realisasi.get(r, "nip"), realisasi.get(r, "skp_mulai"));
    let year: i16 = mulai[..4].parse().expect("year");
    let file = format!(
        "nip,skp_mulai,rhk_no,indikator_no,tahun,periode,realisasi\n\
         {nip},{mulai},1,1,{year},triwulan-2,12 laporan\n\
         {nip},{mulai},9,1,{year},triwulan-2,12 laporan\n\
         {nip},{mulai},1,1,{},triwulan-2,12 laporan\n\
         {nip},{year}-02-03,1,1,{year},triwulan-2,12 laporan\n\
         {nip},{mulai},1,1,{year},triwulan-2,\n\
         {nip},{mulai},1,1,{year},triwulan-2,13 laporan\n",
        year + 1
    );
    let before = db.export_bytes(&db.path, "realisasi");
    let f = db.write("real.csv", &file);
    let run = db.run(&["import", "realisasi", cli_support::s(&f)]);
    run.expect(1);
    let reports: HashMap<u64, String> = run.row_reports(&f).into_iter().collect();
    assert_eq!(reports.len(), 5, "{}", run.stderr);
    assert!(reports[&3].contains("rhk_no \"9\""), "{}", reports[&3]);
    assert!(
        reports[&4].contains("is outside the SKP"),
        "{}",
        reports[&4]
    );
    assert!(reports[&5].contains("has no SKP from"), "{}", reports[&5]);
    assert!(
        reports[&6].contains("realisasi is empty"),
        "{}",
        reports[&6]
    );
    assert!(reports[&7].contains("already on line 2"), "{}", reports[&7]);
    assert_eq!(
        db.export_bytes(&db.path, "realisasi"),
        before,
        "nothing written"
    );
}

/// PP 30/2019 Pasal 59 on import: a late filing is imported with a warning; a decision by
/// the person who objected is refused; an objection needs a stored evaluation.
#[test]
fn objections_follow_the_stores_rules_on_import() {
    let db = Db::new();
    db.demo(40);
    let evaluations = db.export("evaluations");
    let last_year = (this_year() - 1).to_string();
    let annual: Vec<&Vec<String>> = evaluations
        .rows
        .iter()
        .filter(|r| {
            evaluations.get(r, "tahun") == last_year && evaluations.get(r, "periode") == "tahunan"
        })
        .collect();
    let (a, b) = (
        evaluations.get(annual[0], "nip"),
        evaluations.get(annual[1], "nip"),
    );
    let header = columns_of_keberatan();
    let received = format!("{}-01-10", this_year());
    let file = format!(
        "{header}\n\
         {a},{last_year},tahunan,,{received},{y}-01-30,Target tidak disesuaikan,3,2,,,,,,,,,,,,\n\
         {b},{last_year},tahunan,,{received},{y}-01-12,Alasan,3,2,Sudah sesuai,{y}-01-14,diubah,2,2,{y}-01-20,{b},Diri Sendiri,,,,\n\
         {a},{},tahunan,,{received},{y}-01-12,Alasan,3,2,,,,,,,,,,,,\n",
        this_year() - 5,
        y = this_year()
    );
    let f = db.write("keberatan.csv", &file);
    let run = db.run(&["import", "keberatan", cli_support::s(&f)]);
    run.expect(1);
    let reports: HashMap<u64, String> = run.row_reports(&f).into_iter().collect();
    assert!(
        reports[&3].contains("cannot decide their own objection"),
        "{}",
        reports[&3]
    );
    assert!(
        reports[&4].contains("has no evaluation of"),
        "{}",
        reports[&4]
    );
    assert!(!reports.contains_key(&2), "{reports:?}");
    // Without the bad rows the late one is imported, with its warning.
    let good: String = file.lines().take(2).map(|l| format!("{l}\n")).collect();
    let f = db.write("late.csv", &good);
    let run = db.run(&["import", "keberatan", cli_support::s(&f)]);
    run.expect(0);
    let reports = run.row_reports(&f);
    assert_eq!(reports.len(), 1, "{}", run.stderr);
    assert!(
        reports[0].1.starts_with("warning: filed 20 days after"),
        "{}",
        reports[0].1
    );
    let k = db.export("keberatan");
    let row = k
        .rows
        .iter()
        .find(|r| k.get(r, "nip") == a)
        .expect("the objection is stored");
    assert_eq!(k.get(row, "status"), "diajukan");
}

fn columns_of_keberatan() -> &'static str {
    "nip,tahun,periode,status,diterima,diajukan,alasan,asal_hasil_kerja,asal_perilaku,penjelasan,penjelasan_tanggal,keputusan,hasil_kerja_baru,perilaku_baru,diputuskan_tanggal,diputuskan_nip,diputuskan_nama,diputuskan_golongan,diputuskan_jabatan,diputuskan_unit,keputusan_catatan"
}

/// Evidence says where it is kept and feedback who gave it; a row is one or the other.
#[test]
fn bad_evidence_rows_are_named_by_line() {
    let db = Db::new();
    db.demo(20);
    let skp = db.export("skp");
    let r = &skp.rows[0];
    let (nip, mulai) = (skp.get(r, "nip"), skp.get(r, "mulai"));
    let file = format!(
        "nip,skp_mulai,rhk_no,indikator_no,jenis,tanggal,uraian,lokasi,dari\n\
         {nip},{mulai},1,,bukti,{mulai},Notulen rapat,Arsip TU,\n\
         {nip},{mulai},1,1,bukti,{mulai},Notulen rapat,,\n\
         {nip},{mulai},1,1,foto,{mulai},Foto,Drive,\n\
         {nip},{mulai},1,,umpan-balik,{mulai},Pertahankan,,\n"
    );
    let f = db.write("bukti.csv", &file);
    let run = db.run(&["import", "bukti", cli_support::s(&f)]);
    run.expect(1);
    let reports: HashMap<u64, String> = run.row_reports(&f).into_iter().collect();
    assert_eq!(reports.len(), 3, "{}", run.stderr);
    assert!(reports[&3].contains("lokasi is empty"), "{}", reports[&3]);
    assert!(
        reports[&4].contains("is not bukti or umpan-balik"),
        "{}",
        reports[&4]
    );
    assert!(reports[&5].contains("dari is empty"), "{}", reports[&5]);
    // The good row alone is added to the RHK as a whole.
    let good: String = file.lines().take(2).map(|l| format!("{l}\n")).collect();
    let f = db.write("bukti-good.csv", &good);
    let run = db.run(&["import", "bukti", cli_support::s(&f)]);
    run.expect(0);
    assert!(run.stderr.contains("1 new, 0 updated"), "{}", run.stderr);
    let bukti = db.export("bukti");
    assert!(bukti.rows.iter().any(|r| bukti.get(r, "nip") == nip
        && bukti.get(r, "uraian") == "Notulen rapat"
        && bukti.get(r, "indikator_no").is_empty()));
}

/// DOMAIN.md, The SKP cycle: the annual is the final periodic evaluation; an import warns
/// of an annual that differs from the year's last periodic one, and imports it.
#[test]
fn an_annual_that_differs_from_quarter_four_is_imported_with_a_warning() {
    let db = Db::new();
    db.demo(10);
    let staff = db.export("staff");
    // The longest serving person: every quarter of two years ago is after their TMT.
    let nip = staff
        .rows
        .iter()
        .map(|r| staff.get(r, "nip").to_string())
        .min_by_key(|n| n[8..14].to_string())
        .expect("staff");
    let evaluator = "Kepala Dinas Kesehatan Kota Medan";
    let year = this_year() - 2;
    let file = format!(
        "nip,tahun,periode,hasil_kerja,perilaku,penilai_nama\n\
         {nip},{year},triwulan-4,3,2,{evaluator}\n\
         {nip},{year},triwulan-3,2,2,{evaluator}\n\
         {nip},{year},tahunan,2,2,{evaluator}\n"
    );
    let run = db.import_into(&db.path, "evaluations", "akhir.csv", file.as_bytes());
    run.expect(0);
    let reports = run.row_reports(&db.sibling("akhir.csv"));
    assert_eq!(reports.len(), 1, "{}", run.stderr);
    assert_eq!(reports[0].0, 4, "the annual's line");
    assert!(
        reports[0].1.contains(&format!(
            "the annual {year} is Baik, the last periodic evaluation of the year (Triwulan IV {year}) is Butuh Perbaikan"
        )),
        "{}",
        reports[0].1
    );
    assert!(
        run.stderr
            .contains("1 annual(s) differ from the last periodic evaluation"),
        "{}",
        run.stderr
    );
    let check = db.run(&["check", "--warnings"]);
    check.expect(0);
    let out = check.stdout_text();
    let listed = out
        .lines()
        .filter(|l| l.contains(": akhir-differs: "))
        .count();
    let counted = out
        .lines()
        .find_map(|l| l.strip_prefix("evaluation warnings: "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("the count line");
    assert!(listed > 0, "{out}");
    assert_eq!(listed, counted, "{out}");
    assert!(
        out.lines().any(|l| l.contains(": akhir-differs: ")
            && l.contains(&format!("the annual {year} is Baik"))),
        "{out}"
    );
}
