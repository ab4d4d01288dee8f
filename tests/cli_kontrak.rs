//! `kinerja export kontrak` and `import kontrak` (issue 21): PPPK contracts round trip
//! byte-identical; bad rows are named by line and nothing is written.

mod cli_support;

use cli_support::{Db, s};

const STAFF: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif\n\
199312282025212001,PPPK,Dewi Lubis,,S.Kep.,IX,S-1/Sarjana,Perawat,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya\n\
199005052024211002,PPPK,Rudi Tarigan,,,V,SLTA,Operator Layanan Operasional,Pelaksana,Puskesmas Belawan,kesehatan,,ya\n\
198503302010012002,PNS,Rina Siregar,dr.,Sp.PD,III/c,S-2,Dokter,Ahli Muda,Puskesmas Belawan,kesehatan,,ya\n";

const CONTRACTS: &str = "nip,mulai,selesai,nomor\n\
199312282025212001,2025-03-01,2026-02-28,PK/001/2025\n\
199312282025212001,01-03-2026,28/02/2031,\"800.1.13.2/PK-017, 2026\"\n\
199005052024211002,2024-07-01,2025-06-30,\n";

fn with_staff() -> Db {
    let db = Db::new();
    db.import_ok("staff", "pegawai.csv", STAFF);
    db
}

#[test]
fn contracts_export_import_and_export_again_byte_identical() {
    let db = with_staff();
    let run = db.import_ok("kontrak", "kontrak.csv", CONTRACTS);
    assert!(
        run.stderr
            .contains("3 new, 0 updated, 0 unchanged contracts"),
        "{}",
        run.stderr
    );
    let first = db.export_bytes(&db.path, "kontrak");
    let text = String::from_utf8(first.clone()).unwrap();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "nip,mulai,selesai,nomor",
            "199005052024211002,2024-07-01,2025-06-30,",
            "199312282025212001,2025-03-01,2026-02-28,PK/001/2025",
            "199312282025212001,2026-03-01,2031-02-28,\"800.1.13.2/PK-017, 2026\"",
        ]
    );
    // Into a fresh database with the same staff: the same bytes come out.
    let other = db.sibling("other");
    let staff = db.export_bytes(&db.path, "staff");
    db.import_into(&other, "staff", "staff-again.csv", &staff)
        .expect(0);
    db.import_into(&other, "kontrak", "kontrak-again.csv", &first)
        .expect(0);
    assert_eq!(db.export_bytes(&other, "kontrak"), first);
    // The same file again changes nothing.
    let again = db.import_into(&db.path, "kontrak", "kontrak-same.csv", &first);
    again.expect(0);
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );
    db.run(&["check"]).expect(0);
}

#[test]
fn a_row_with_a_known_start_replaces_that_contract() {
    let db = with_staff();
    db.import_ok("kontrak", "kontrak.csv", CONTRACTS);
    let run = db.import_ok(
        "kontrak",
        "ubah.csv",
        "nip,mulai,selesai,nomor\n199005052024211002,2024-07-01,2026-06-30,PW-7\n",
    );
    assert!(
        run.stderr.contains("0 new, 1 updated, 0 unchanged"),
        "{}",
        run.stderr
    );
    let csv = db.export("kontrak");
    assert_eq!(
        csv.value("nip", "199005052024211002", "selesai"),
        "2026-06-30"
    );
    assert_eq!(csv.value("nip", "199005052024211002", "nomor"), "PW-7");
}

#[test]
fn bad_rows_are_named_by_line_and_nothing_is_written() {
    let db = with_staff();
    db.import_ok(
        "kontrak",
        "awal.csv",
        "nip,mulai,selesai\n199005052024211002,2024-07-01,2025-06-30\n",
    );
    let before = db.export_bytes(&db.path, "kontrak");
    let file = db.write(
        "buruk.csv",
        "nip,mulai,selesai,nomor\n\
         199312282025212001,2025-03-01,2026-02-28,\n\
         199312282025212001,2026-01-01,2026-12-31,\n\
         198503302010012002,2025-01-01,2025-12-31,\n\
         199312282025212009,2025-01-01,2025-12-31,\n\
         199312282025212001,2027-02-30,2027-12-31,\n\
         199312282025212001,2028-12-31,2028-01-01,\n\
         199005052024211002,2025-06-30,2026-06-29,\n",
    );
    let run = db.run(&["import", "kontrak", s(&file)]);
    run.expect(1);
    let reports = run.row_reports(&file);
    let lines: Vec<u64> = reports.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8], "{}", run.stderr);
    let why = |line: u64| &reports.iter().find(|(l, _)| *l == line).unwrap().1;
    assert!(
        why(3).contains("overlaps") && why(3).contains("(line 2)"),
        "{}",
        why(3)
    );
    assert!(why(4).contains("is a PNS"), "{}", why(4));
    assert!(why(5).contains("no staff with NIP"), "{}", why(5));
    assert!(
        why(6).contains("mulai \"2027-02-30\" is not a date"),
        "{}",
        why(6)
    );
    assert!(why(7).contains("before the start"), "{}", why(7));
    assert!(
        why(8).contains("overlaps the contract from 2024-07-01"),
        "{}",
        why(8)
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(db.export_bytes(&db.path, "kontrak"), before);
}

#[test]
fn export_by_year_lists_the_contracts_in_force_that_year() {
    let db = with_staff();
    db.import_ok("kontrak", "kontrak.csv", CONTRACTS);
    let run = db.run(&["export", "kontrak", "--year", "2025"]);
    run.expect(0);
    let text = run.stdout_text();
    assert_eq!(text.lines().count(), 1 + 2, "{text}");
    assert!(!text.contains("2026-03-01"), "{text}");
}

/// The demo (issue 21): every PPPK has contracts, some paruh waktu without a golongan; its
/// staff and contracts exported, imported into a new database and exported again are the
/// same bytes, and `check` finds the contracts sound.
#[test]
fn the_demos_contracts_round_trip_byte_identical() {
    let db = Db::new();
    db.demo(300);
    let staff = db.export("staff");
    let contracts = db.export("kontrak");
    let pppk: std::collections::BTreeSet<String> = staff
        .rows
        .iter()
        .filter(|r| r[staff.col("status")].starts_with("PPPK"))
        .map(|r| r[staff.col("nip")].clone())
        .collect();
    let with_contract: std::collections::BTreeSet<String> = contracts
        .rows
        .iter()
        .map(|r| r[contracts.col("nip")].clone())
        .collect();
    assert_eq!(pppk, with_contract, "every PPPK and nobody else");
    assert!(
        staff.rows.iter().any(
            |r| r[staff.col("status")] == "PPPK Paruh Waktu" && r[staff.col("golongan")] == "-"
        ),
        "paruh waktu without a golongan"
    );
    let other = db.sibling("other");
    for kind in ["staff", "kontrak"] {
        let first = db.export_bytes(&db.path, kind);
        db.import_into(&other, kind, &format!("{kind}.csv"), &first)
            .expect(0);
        assert_eq!(db.export_bytes(&other, kind), first, "{kind}");
    }
    db.run_on(&other, &["check"]).expect(0);
}
