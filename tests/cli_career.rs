//! `kinerja export riwayat` / `import riwayat` (issue 21): the round trip is byte-identical,
//! the staff record follows the newest entries, a change in `import staff` becomes an
//! entry, bad rows are named by line and nothing is written.

mod cli_support;

use cli_support::{Db, s};
use std::fs;

const STAFF_HEADER: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif";
const RIWAYAT_HEADER: &str = "nip,jenis,golongan,jabatan,jenis_jabatan,unit,tmt,nomor_sk";
/// Born 1985-03-30, TMT CPNS 2010-01.
const NIP_A: &str = "198503302010011002";
/// Born 1990-01-01, TMT CPNS 2015-02.
const NIP_B: &str = "199001012015022001";

fn staff_file() -> String {
    format!(
        "{STAFF_HEADER}\n\
         {NIP_A},PNS,Rina Siregar,,S.Kep.,III/c,S1,Perawat,Ahli Muda,Puskesmas Belawan,kesehatan,,ya\n\
         {NIP_B},PNS,Dedi Lubis,,S.Kom.,III/a,S1,Pranata Komputer,Ahli Pertama,Kantor Camat Medan Belawan,pemerintahan,,ya\n"
    )
}

fn db() -> Db {
    let db = Db::new();
    db.import_ok("staff", "staff.csv", &staff_file());
    db
}

#[test]
fn an_older_record_exports_one_row_of_each_kind_dated_when_known() {
    let db = db();
    let csv = db.export("riwayat");
    assert_eq!(csv.header.join(","), RIWAYAT_HEADER);
    assert_eq!(csv.rows.len(), 6);
    // NIP_B holds III/a, the entry rank of an S-1: dated TMT CPNS, 1 February 2015.
    let b: Vec<&Vec<String>> = csv.rows.iter().filter(|r| r[0] == NIP_B).collect();
    assert_eq!(b[0][1], "pangkat");
    assert_eq!(b[0][6], "2015-02-01");
    assert_eq!(b[2][5], "Kantor Camat Medan Belawan");
    // NIP_A's III/c is not a first rank: its TMT is unknown.
    assert_eq!(csv.rows[0][0], NIP_A);
    assert_eq!(csv.rows[0][6], "");
}

#[test]
fn a_history_imported_moves_the_record_and_exports_back_byte_identical() {
    let db = db();
    let file = format!(
        "{RIWAYAT_HEADER}\n\
         {NIP_A},pangkat,III/a,,,,2010-01-01,\n\
         {NIP_A},pangkat,III/b,,,,2014-04-01,823/11/2014\n\
         {NIP_A},pangkat,III/c,,,,2018-04-01,823/40/2018\n\
         {NIP_A},unit,,,,Puskesmas Belawan,,\n\
         {NIP_A},unit,,,,Puskesmas Sicanang,2024-07-01,\n"
    );
    let run = db.import_ok("riwayat", "riwayat.csv", &file);
    assert!(
        run.stderr.contains("1 new, 0 updated")
            && run.stderr.contains("1 staff record(s) follow")
            && run.stderr.contains("1 unit(s) added"),
        "{}",
        run.stderr
    );
    let staff = db.export("staff");
    assert_eq!(staff.value("nip", NIP_A, "unit"), "Puskesmas Sicanang");
    assert_eq!(staff.value("nip", NIP_A, "golongan"), "III/c");
    // Export, import into a copy with the same staff, export again: the same bytes.
    let first = db.file("riwayat-1.csv");
    db.run(&["export", "riwayat", "-o", s(&first)]).expect(0);
    let copy = db.sibling("copy");
    let staff_file = db.file("staff-1.csv");
    db.run(&["export", "staff", "-o", s(&staff_file)]).expect(0);
    db.run_on(&copy, &["import", "staff", s(&staff_file)])
        .expect(0);
    db.run_on(&copy, &["import", "riwayat", s(&first)])
        .expect(0);
    let second = db.file("riwayat-2.csv");
    db.run_on(&copy, &["export", "riwayat", "-o", s(&second)])
        .expect(0);
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
    // Importing the export again changes nothing.
    let again = db.run(&["import", "riwayat", s(&first)]);
    again.expect(0);
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );
    db.run(&["check"]).expect(0);
}

#[test]
fn without_a_jenis_column_the_filled_value_says_the_kind() {
    let db = db();
    // SIASN's riwayat golongan export: golongan and its TMT, no jenis.
    let file = format!(
        "nip_baru,golongan_nama,tmt_golongan,no_sk\n\
         {NIP_B},Penata Muda (III/a),01-02-2015,\n\
         {NIP_B},Penata Muda Tingkat I (III/b),01-04-2019,SK-9\n"
    );
    db.import_ok("riwayat", "siasn.csv", &file);
    let staff = db.export("staff");
    assert_eq!(staff.value("nip", NIP_B, "golongan"), "III/b");
}

#[test]
fn bad_rows_are_named_by_line_and_nothing_is_written() {
    let db = db();
    let before = db.export("riwayat").to_text();
    let file = format!(
        "{RIWAYAT_HEADER}\n\
         {NIP_A},pangkat,III/d,,,,2022-04-01,\n\
         {NIP_A},gaji,III/d,,,,2022-04-01,\n\
         {NIP_A},pangkat,V/a,,,,2022-04-01,\n\
         197805122005011003,pangkat,III/a,,,,2022-04-01,\n\
         {NIP_A},jabatan,,,,,2022-04-01,\n\
         {NIP_B},pangkat,III/b,,,,31-02-2020,\n\
         {NIP_B},pangkat,III/b,,,,2014-01-01,\n"
    );
    let f = db.write("bad.csv", &file);
    let run = db.run(&["import", "riwayat", s(&f)]);
    run.expect(1);
    let lines: Vec<u64> = run.row_reports(&f).iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![3, 4, 5, 6, 7, 8], "{}", run.stderr);
    let why = run.row_reports(&f);
    assert!(why[0].1.contains("jenis \"gaji\""), "{:?}", why[0]);
    assert!(why[1].1.contains("not a PNS rank"), "{:?}", why[1]);
    assert!(why[2].1.contains("no staff with NIP"), "{:?}", why[2]);
    assert!(why[3].1.contains("jabatan is empty"), "{:?}", why[3]);
    assert!(why[4].1.contains("not a date"), "{:?}", why[4]);
    // Line 8 parses, but NIP_B was appointed in February 2015.
    assert!(why[5].1.contains("before the appointment"), "{:?}", why[5]);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(db.export("riwayat").to_text(), before);
}

#[test]
fn a_changed_rank_in_import_staff_becomes_an_entry_of_that_day() {
    let db = db();
    let promoted = staff_file().replace(
        &format!("{NIP_B},PNS,Dedi Lubis,,S.Kom.,III/a"),
        &format!("{NIP_B},PNS,Dedi Lubis,,S.Kom.,III/b"),
    );
    db.import_ok("staff", "staff-2.csv", &promoted);
    let csv = db.export("riwayat");
    let b: Vec<&Vec<String>> = csv
        .rows
        .iter()
        .filter(|r| r[0] == NIP_B && r[1] == "pangkat")
        .collect();
    assert_eq!(b.len(), 2);
    assert_eq!(b[0][2], "III/a");
    assert_eq!(b[1][2], "III/b");
    assert!(!b[1][6].is_empty(), "dated the day of the import");
    db.run(&["check"]).expect(0);
}

#[test]
fn the_promotions_export_lists_who_is_due_with_the_reasons() {
    let db = db();
    // NIP_A: III/c since 1 April 2023, Baik in 2025 and 2026; NIP_B: III/a since TMT
    // CPNS (1 February 2015), 2026 only.
    let file = format!(
        "{RIWAYAT_HEADER}\n\
         {NIP_A},pangkat,III/c,,,,2023-04-01,\n"
    );
    db.import_ok("riwayat", "riwayat.csv", &file);
    let evaluations = format!(
        "nip,tahun,periode,hasil_kerja,perilaku,penilai_nama\n\
         {NIP_A},2025,tahunan,2,2,Kepala\n\
         {NIP_A},2026,tahunan,2,2,Kepala\n\
         {NIP_B},2026,tahunan,1,1,Kepala\n"
    );
    db.import_ok("evaluations", "evaluations.csv", &evaluations);
    let run = db.run(&["export", "promotions", "--period", "2027-04"]);
    run.expect(0);
    let csv = cli_support::Csv::parse(&run.stdout_text());
    assert_eq!(csv.rows.len(), 2, "{}", run.stdout_text());
    // Eligible first: NIP_A, 4 years to the day on 1 April 2027.
    assert_eq!(csv.rows[0][1], NIP_A);
    assert_eq!(csv.get(&csv.rows[0], "empat_tahun"), "2027-04-01");
    assert_eq!(csv.get(&csv.rows[0], "golongan_berikut"), "III/d");
    assert_eq!(csv.get(&csv.rows[0], "memenuhi"), "ya");
    assert_eq!(csv.get(&csv.rows[1], "memenuhi"), "tidak");
    assert_eq!(
        csv.get(&csv.rows[1], "alasan"),
        "belum ada evaluasi tahunan 2025"
    );
    // A day earlier in the TMT would not change April; a period before it lists only B.
    let feb = db.run(&["export", "promotions", "--period", "2027-02"]);
    feb.expect(0);
    assert!(!feb.stdout_text().contains(NIP_A), "{}", feb.stdout_text());
    // Not a period: refused before anything is written.
    let bad = db.run(&["export", "promotions", "--period", "2027-03"]);
    bad.expect(2);
    assert!(
        bad.stderr.contains("not a promotion period"),
        "{}",
        bad.stderr
    );
    db.run(&["export", "staff", "--period", "2027-04"])
        .expect(2);
}
