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
