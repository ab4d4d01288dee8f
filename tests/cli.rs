//! End-to-end tests of the `kinerja` command line: each test runs the real binary on its own
//! temporary database and checks exit status, standard output, standard error and files.
//!
//! Exit statuses: 0 done, 1 the data is at fault, 2 the command could not run.

mod cli_support;

use cli_support::{Csv, Db, Run, kinerja_in, s};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------ helpers

const STAFF_HEADER: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif";
const EVALUATION_HEADER: &str =
    "nip,tahun,periode,hasil_kerja,perilaku,predikat,penilai_nip,penilai_nama";
const TRAINING_HEADER: &str = "nip,judul,jenis,penyelenggara,jenis_penyelenggara,mulai,selesai,jp,jam,status,no_sertifikat,catatan";

/// A valid PNS NIP: born 1985-03-30, TMT 2010-01, male, sequence 002.
const NIP_A: &str = "198503302010011002";
/// Another valid PNS NIP: born 1990-01-01, TMT 2015-02, female, sequence 001.
const NIP_B: &str = "199001012015022001";
/// Valid, but never put in any database.
const NIP_UNKNOWN: &str = "197805122005011003";

/// One staff row in export column order, with sensible values around the ones a test varies.
fn staff_row(nip: &str, nama: &str, golongan: &str) -> String {
    format!(
        "{nip},PNS,{nama},,S.Kep.,{golongan},S1,Perawat,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya"
    )
}

fn csv_file(header: &str, rows: &[String]) -> String {
    let mut out = String::from(header);
    out.push('\n');
    for r in rows {
        out.push_str(r);
        out.push('\n');
    }
    out
}

/// A database holding staff A and B (B is A's evaluator in the evaluation tests).
fn db_with_two_staff() -> Db {
    let db = Db::new();
    db.import_ok(
        "staff",
        "staff.csv",
        &csv_file(
            STAFF_HEADER,
            &[
                staff_row(NIP_A, "Rina Siregar", "III/a"),
                staff_row(NIP_B, "Budi Tarigan", "III/c"),
            ],
        ),
    );
    db
}

fn this_year() -> i16 {
    kinerja::cli::today().year()
}

/// Asserts a file's permission bits, showing them in octal.
#[track_caller]
fn assert_mode(p: &Path, want: u32) {
    let got = mode(p);
    assert!(
        got == want,
        "{} has mode {got:04o}, expected {want:04o}",
        p.display()
    );
}

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p)
        .unwrap_or_else(|e| panic!("stat {}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o7777
}

// ------------------------------------------------------------------ 1. demo, export, check

#[test]
fn demo_then_export_staff_prints_the_header_and_300_rows_and_check_passes() {
    let db = Db::new();
    db.run(&["demo"]).expect(0);

    let run = db.run(&["export", "staff"]);
    run.expect(0);
    let text = run.stdout_text();
    assert_eq!(text.lines().next(), Some(STAFF_HEADER));
    let csv = Csv::parse(&text);
    assert_eq!(csv.rows.len(), 300);
    assert!(
        csv.rows.iter().all(|r| r.len() == csv.header.len()),
        "every row has every column"
    );

    let check = db.run(&["check"]);
    check.expect(0);
    assert!(
        check.stdout_text().contains("300 staff"),
        "check reports the staff count: {}",
        check.stdout_text()
    );
}

// ------------------------------------------------------------------ 2. round trip

#[test]
fn export_then_import_into_a_new_database_exports_the_same_bytes() {
    let db = Db::new();
    db.demo(40);
    let copy = db.sibling("copy");
    let kinds = [
        "staff",
        "evaluations",
        "trainings",
        "competencies",
        "requirements",
        // The career histories (issue 21), after the staff they belong to.
        "riwayat",
    ];

    for kind in kinds {
        let f = db.file(&format!("{kind}-1.csv"));
        db.run(&["export", kind, "-o", s(&f)]).expect(0);
    }
    for kind in kinds {
        let f = db.file(&format!("{kind}-1.csv"));
        db.run_on(&copy, &["import", kind, s(&f)]).expect(0);
    }
    for kind in kinds {
        let f = db.file(&format!("{kind}-2.csv"));
        db.run_on(&copy, &["export", kind, "-o", s(&f)]).expect(0);
        let first = fs::read(db.file(&format!("{kind}-1.csv"))).unwrap();
        let second = fs::read(&f).unwrap();
        assert!(
            first.iter().filter(|b| **b == b'\n').count() > 1,
            "the demo has {kind} to export"
        );
        assert!(
            first == second,
            "{kind}: the re-export differs from the first export"
        );
    }
}

// ------------------------------------------------------------------ 3. bad rows

/// Lines 2 and 8 are good; 3 to 7 are each wrong in one way.
fn staff_file_with_bad_rows() -> String {
    csv_file(
        STAFF_HEADER,
        &[
            staff_row(NIP_A, "Rina Siregar", "III/a"),             // 2
            staff_row("198502302010011003", "Ana Pohan", "III/a"), // 3: 30 February
            staff_row("198001012005011001", "Dedi Lubis", "V/a"),  // 4: no such rank
            staff_row("198202022006011001", "", "II/b"),           // 5: empty nama
            staff_row("198503302010013004", "Tono Siagian", "II/a"), // 6: sex digit 3
            staff_row(NIP_A, "Rina Siregar Lagi", "III/b"),        // 7: NIP of line 2
            staff_row(NIP_B, "Sari Nasution", "III/a"),            // 8
        ],
    )
}

/// Each bad line of [`staff_file_with_bad_rows`] and a word its report must hold.
const BAD_STAFF_LINES: [(u64, &str); 5] = [
    (3, "birth"),
    (4, "V/a"),
    (5, "nama"),
    (6, "digit 15"),
    (7, "line 2"),
];

#[track_caller]
fn assert_bad_staff_rows_reported(run: &Run, file: &Path) {
    let reports = run.row_reports(file);
    let lines: Vec<u64> = reports.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        lines,
        BAD_STAFF_LINES.map(|(l, _)| l),
        "reported lines; stderr:\n{}",
        run.stderr
    );
    for ((line, why), (_, needle)) in reports.iter().zip(BAD_STAFF_LINES) {
        assert!(
            why.contains(needle),
            "line {line} should mention {needle:?}: {why}"
        );
    }
}

#[test]
fn staff_file_with_bad_rows_is_refused_whole_naming_each_bad_line() {
    let db = Db::new();
    let f = db.write("staff.csv", staff_file_with_bad_rows());

    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(1);
    assert_bad_staff_rows_reported(&run, &f);

    let staff = db.export("staff");
    assert!(
        staff.rows.is_empty(),
        "nothing was written: {:?}",
        staff.rows
    );
}

#[test]
fn skip_invalid_imports_the_good_staff_rows_and_still_reports_the_bad_ones() {
    let db = Db::new();
    let f = db.write("staff.csv", staff_file_with_bad_rows());

    let run = db.run(&["import", "staff", s(&f), "--skip-invalid"]);
    run.expect(0);
    assert_bad_staff_rows_reported(&run, &f);

    let staff = db.export("staff");
    assert_eq!(staff.column("nip"), [NIP_A, NIP_B]);
    assert_eq!(staff.value("nip", NIP_A, "nama"), "Rina Siregar");
    assert_eq!(staff.value("nip", NIP_B, "nama"), "Sari Nasution");
}

#[test]
fn dry_run_writes_nothing() {
    let db = Db::new();
    let bad = db.write("bad.csv", staff_file_with_bad_rows());
    let good = db.write(
        "good.csv",
        csv_file(STAFF_HEADER, &[staff_row(NIP_A, "Rina Siregar", "III/a")]),
    );

    let run = db.run(&["import", "staff", s(&bad), "--dry-run", "--skip-invalid"]);
    run.expect(0);
    assert_bad_staff_rows_reported(&run, &bad);
    db.run(&["import", "staff", s(&good), "--dry-run"])
        .expect(0);

    assert!(db.export("staff").rows.is_empty(), "a dry run wrote staff");
    // The real import of the same file does write, so the dry run was the only difference.
    db.run(&["import", "staff", s(&good)]).expect(0);
    assert_eq!(db.export("staff").column("nip"), [NIP_A]);
}

#[test]
fn bad_row_line_numbers_count_crlf_line_ends() {
    let db = Db::new();
    // Header on line 1, a good row on line 2, the bad rank on line 3, a good row on line 4.
    let contents = [
        STAFF_HEADER.to_string(),
        staff_row(NIP_A, "Rina Siregar", "III/a"),
        staff_row("198001012005011001", "Dedi Lubis", "V/a"),
        staff_row(NIP_B, "Sari Nasution", "III/a"),
    ]
    .join("\r\n")
        + "\r\n";
    let f = db.write("windows.csv", contents);

    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(1);
    let lines: Vec<u64> = run.row_reports(&f).iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3], "stderr:\n{}", run.stderr);
}

#[test]
fn bad_row_line_numbers_count_blank_lines_and_line_breaks_in_quotes() {
    let db = Db::new();
    let contents = format!(
        "{STAFF_HEADER}\n\
         {NIP_A},PNS,Rina Siregar,,,III/a,S1,\"Kepala\nSeksi\",Pengawas,Puskesmas Belawan,,,ya\n\
         \n\
         {}\n",
        staff_row("198001012005011001", "Dedi Lubis", "V/a")
    );
    // Lines: 1 header, 2-3 the first row, 4 blank, 5 the bad row.
    assert_eq!(
        contents.lines().nth(4).map(|l| l.contains("V/a")),
        Some(true)
    );
    let f = db.write("staff.csv", contents);

    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(1);
    let lines: Vec<u64> = run.row_reports(&f).iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [5], "stderr:\n{}", run.stderr);
}

// ------------------------------------------------------------------ 4. spreadsheet files

#[test]
fn semicolon_file_with_bom_crlf_and_quoted_separator_and_line_break_imports() {
    let db = Db::new();
    let header = STAFF_HEADER.replace(',', ";");
    let contents = format!(
        "\u{feff}{header}\r\n\
         {NIP_A};PNS;Rina Siregar;Ns.;\"S.Kep., M.Kep.\";III/a;S1;\"Kepala Subbagian; Umum\r\ndan Kepegawaian\";Pengawas;Puskesmas Belawan;kesehatan;;ya\r\n\
         {NIP_B};PNS;\"Sari; Nasution\";;;II/c;D3;Perawat;Terampil;Puskesmas Sicanang;kesehatan;;tidak\r\n"
    );
    let f = db.write("excel.csv", contents);

    db.run(&["import", "staff", s(&f)]).expect(0);

    let staff = db.export("staff");
    assert_eq!(staff.column("nip"), [NIP_A, NIP_B]);
    // A line break inside a one-line field becomes a space; the `;` stays.
    assert_eq!(
        staff.value("nip", NIP_A, "jabatan"),
        "Kepala Subbagian; Umum dan Kepegawaian"
    );
    assert_eq!(
        staff.value("nip", NIP_A, "gelar_belakang"),
        "S.Kep., M.Kep."
    );
    assert_eq!(staff.value("nip", NIP_A, "gelar_depan"), "Ns.");
    assert_eq!(staff.value("nip", NIP_A, "aktif"), "ya");
    assert_eq!(staff.value("nip", NIP_B, "nama"), "Sari; Nasution");
    assert_eq!(staff.value("nip", NIP_B, "golongan"), "II/c");
    assert_eq!(staff.value("nip", NIP_B, "aktif"), "tidak");
}

// ------------------------------------------------------------------ 5. re-import

#[test]
fn reimporting_the_same_staff_file_changes_nothing_and_a_new_golongan_updates_the_record() {
    let db = Db::new();
    let rows = [
        staff_row(NIP_A, "Rina Siregar", "III/a"),
        staff_row(NIP_B, "Sari Nasution", "II/c"),
    ];
    let contents = csv_file(STAFF_HEADER, &rows);
    db.import_ok("staff", "staff.csv", &contents);

    let again = db.import_ok("staff", "staff.csv", &contents);
    assert!(
        again.stderr.contains(": 0 new, 0 updated, 2 unchanged"),
        "second import: {}",
        again.stderr
    );
    let staff = db.export("staff");
    assert_eq!(staff.column("nip"), [NIP_A, NIP_B], "no duplicates");

    let changed = csv_file(
        STAFF_HEADER,
        &[
            staff_row(NIP_A, "Rina Siregar", "III/b"),
            staff_row(NIP_B, "Sari Nasution", "II/c"),
        ],
    );
    let third = db.import_ok("staff", "staff.csv", &changed);
    assert!(
        third.stderr.contains(": 0 new, 1 updated, 1 unchanged"),
        "third import: {}",
        third.stderr
    );
    let staff = db.export("staff");
    assert_eq!(staff.column("nip"), [NIP_A, NIP_B]);
    assert_eq!(staff.value("nip", NIP_A, "golongan"), "III/b");
    assert_eq!(staff.value("nip", NIP_B, "golongan"), "II/c");
}

// ------------------------------------------------------------------ 6. lock

#[test]
fn a_database_open_in_another_process_is_refused_with_exit_2() {
    let db = Db::new();
    let store = kinerja::store::Store::open(&db.path).expect("open the database in the test");

    let run = db.run(&["check"]);
    run.expect(2);
    assert!(
        run.stderr
            .contains("already open in another kinerja process"),
        "stderr: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "stderr: {}", run.stderr);

    drop(store);
    db.run(&["check"]).expect(0);
}

// ------------------------------------------------------------------ 7. permissions

#[track_caller]
fn assert_private_tree(dir: &Path) {
    assert_mode(dir, 0o700);
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        let meta = fs::symlink_metadata(&p).unwrap();
        if meta.is_dir() {
            assert_private_tree(&p);
        } else {
            assert_mode(&p, 0o600);
        }
    }
}

#[test]
fn database_directory_is_0700_and_its_files_are_0600() {
    let db = Db::new();
    db.demo(40);
    let files = fs::read_dir(&db.path).unwrap().count();
    assert!(files > 0, "the database directory holds files");
    assert_private_tree(&db.path);
}

#[test]
fn export_and_backup_files_are_0600() {
    let db = db_with_two_staff();

    let export = db.file("staff.out.csv");
    db.run(&["export", "staff", "-o", s(&export)]).expect(0);
    assert_mode(&export, 0o600);

    let backup = db.file("db.backup");
    db.run(&["backup", s(&backup)]).expect(0);
    assert_mode(&backup, 0o600);
}

#[test]
fn export_never_replaces_an_existing_file_or_writes_through_a_symlink() {
    let db = db_with_two_staff();
    let export = db.write("staff.out.csv", "old\n");
    let run = db.run(&["export", "staff", "-o", s(&export)]);
    run.expect(2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&export).unwrap(), "old\n");
    let elsewhere = db.write("elsewhere.txt", "mine\n");
    let link = db.file("link.csv");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    db.run(&["export", "staff", "-o", s(&link)]).expect(2);
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "mine\n");
}

#[test]
fn export_is_0600_even_when_a_stale_partial_file_is_in_the_way() {
    let db = db_with_two_staff();
    // Left over from an interrupted run, or a file of the user's own.
    let stale = db.write("staff.partial", "old\n");
    fs::set_permissions(&stale, fs::Permissions::from_mode(0o644)).unwrap();
    let export = db.file("staff.export.csv");

    db.run(&["export", "staff", "-o", s(&export)]).expect(0);

    assert_mode(&export, 0o600);
}

#[test]
fn backup_is_0600_even_when_a_stale_partial_file_is_in_the_way() {
    let db = db_with_two_staff();
    let stale = db.write("db.partial", "old\n");
    fs::set_permissions(&stale, fs::Permissions::from_mode(0o644)).unwrap();
    let backup = db.file("db.backup");

    db.run(&["backup", s(&backup)]).expect(0);

    assert_mode(&backup, 0o600);
}

// ------------------------------------------------------------------ 8. backup and restore

#[test]
fn restore_of_a_backup_gives_the_same_staff_and_refuses_a_non_empty_database() {
    let db = Db::new();
    db.demo(40);
    let backup = db.file("db.backup");
    db.run(&["backup", s(&backup)]).expect(0);

    let restored = db.sibling("restored");
    db.run_on(&restored, &["restore", s(&backup)]).expect(0);
    let original = db.run(&["export", "staff"]);
    let copy = db.run_on(&restored, &["export", "staff"]);
    assert_eq!(Csv::parse(&original.expect(0).stdout_text()).rows.len(), 40);
    assert!(
        original.stdout == copy.expect(0).stdout,
        "the restored staff export differs"
    );
    db.run_on(&restored, &["check"]).expect(0);

    let again = db.run_on(&restored, &["restore", s(&backup)]);
    again.expect(2);
    assert!(
        again.stderr.contains("not empty"),
        "stderr: {}",
        again.stderr
    );
    assert!(
        copy.stdout == db.run_on(&restored, &["export", "staff"]).stdout,
        "a refused restore changed the database"
    );
}

#[test]
fn a_backup_with_one_byte_flipped_is_refused_and_writes_nothing() {
    let db = db_with_two_staff();
    let backup = db.file("db.backup");
    db.run(&["backup", s(&backup)]).expect(0);
    let mut bytes = fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    let damaged = db.write("damaged.backup", &bytes);

    let fresh = db.sibling("fresh");
    let run = db.run_on(&fresh, &["restore", s(&damaged)]);
    run.expect(1);
    assert!(
        run.stderr.contains("checksum"),
        "the refusal says why: {}",
        run.stderr
    );
    assert!(
        db.export_from(&fresh, "staff").rows.is_empty(),
        "the damaged backup wrote staff"
    );
    // The undamaged backup restores into that same database, so it was left empty.
    db.run_on(&fresh, &["restore", s(&backup)]).expect(0);
    assert_eq!(db.export_from(&fresh, "staff").rows.len(), 2);
}

#[test]
fn backup_never_overwrites_an_existing_file() {
    let db = db_with_two_staff();
    let existing = db.write("db.backup", "precious\n");

    let run = db.run(&["backup", s(&existing)]);
    run.expect(2);
    assert!(
        run.stderr.contains("already exists"),
        "stderr: {}",
        run.stderr
    );
    assert_eq!(fs::read(&existing).unwrap(), b"precious\n");
}

// ------------------------------------------------------------------ 9. refusals

#[test]
fn demo_refuses_a_non_empty_database() {
    let db = db_with_two_staff();

    let run = db.run(&["demo", "--staff", "5"]);
    run.expect(2);
    assert!(run.stderr.contains("not empty"), "stderr: {}", run.stderr);
    assert_eq!(db.export("staff").rows.len(), 2, "demo added staff");
}

#[test]
fn export_staff_with_a_year_cannot_run() {
    let db = db_with_two_staff();
    let run = db.run(&["export", "staff", "--year", "2025"]);
    run.expect(2);
    assert!(run.stdout.is_empty(), "no CSV on a refused export");
}

#[test]
fn an_unknown_column_is_refused_naming_the_column() {
    let db = Db::new();
    let header = format!("{STAFF_HEADER},hobi_kesukaan");
    let f = db.write(
        "staff.csv",
        csv_file(
            &header,
            &[format!(
                "{},memancing",
                staff_row(NIP_A, "Rina Siregar", "III/a")
            )],
        ),
    );

    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(1);
    assert!(
        run.stderr.contains("hobi_kesukaan"),
        "stderr: {}",
        run.stderr
    );
    assert!(db.export("staff").rows.is_empty());
}

#[test]
fn importing_a_missing_file_cannot_run() {
    let db = Db::new();
    let missing = db.file("no-such-file.csv");
    let run = db.run(&["import", "staff", s(&missing)]);
    run.expect(2);
    assert!(
        run.stderr.contains("no-such-file.csv"),
        "stderr: {}",
        run.stderr
    );
}

// ------------------------------------------------------------------ 10. evaluations

/// A good evaluation of A by B for last year (line 2), then `bad` (line 3).
fn import_evaluations_with(db: &Db, bad: &str) -> (Run, PathBuf) {
    let last = this_year() - 1;
    let good = format!("{NIP_A},{last},tahunan,2,2,Baik,{NIP_B},Budi Tarigan");
    let f = db.write(
        "evaluations.csv",
        csv_file(EVALUATION_HEADER, &[good, bad.to_string()]),
    );
    (db.run(&["import", "evaluations", s(&f)]), f)
}

/// Asserts that only line 3 was reported, with `needle`, and nothing was written.
#[track_caller]
fn assert_only_line_3_refused(db: &Db, run: &Run, file: &Path, needle: &str) {
    run.expect(1);
    let reports = run.row_reports(file);
    assert_eq!(reports.len(), 1, "stderr:\n{}", run.stderr);
    assert_eq!(reports[0].0, 3, "stderr:\n{}", run.stderr);
    assert!(
        reports[0].1.contains(needle),
        "line 3 should mention {needle:?}: {}",
        reports[0].1
    );
    assert!(
        db.export("evaluations").rows.is_empty(),
        "a refused import wrote evaluations"
    );
}

#[test]
fn a_valid_evaluation_imports_with_its_predikat() {
    let db = db_with_two_staff();
    let last = this_year() - 1;
    let (run, _) = import_evaluations_with(
        &db,
        &format!("{NIP_A},{last},triwulan-1,1,1,Sangat Baik,{NIP_B},Budi Tarigan"),
    );
    run.expect(0);

    let ev = db.export("evaluations");
    assert_eq!(ev.rows.len(), 2);
    assert_eq!(ev.value("periode", "tahunan", "predikat"), "Baik");
    assert_eq!(ev.value("periode", "triwulan-1", "predikat"), "Sangat Baik");
    assert_eq!(ev.value("periode", "tahunan", "penilai_nip"), NIP_B);
}

#[test]
fn an_evaluation_whose_predikat_contradicts_the_matrix_is_reported() {
    let db = db_with_two_staff();
    let last = this_year() - 1;
    // Di Atas and Di Atas give Sangat Baik, not Baik.
    let (run, f) = import_evaluations_with(
        &db,
        &format!("{NIP_A},{last},triwulan-1,1,1,Baik,{NIP_B},Budi Tarigan"),
    );
    assert_only_line_3_refused(&db, &run, &f, "Sangat Baik");
}

#[test]
fn an_evaluation_for_a_nip_not_in_the_database_is_reported() {
    let db = db_with_two_staff();
    let last = this_year() - 1;
    let (run, f) = import_evaluations_with(
        &db,
        &format!("{NIP_UNKNOWN},{last},tahunan,2,2,Baik,{NIP_B},Budi Tarigan"),
    );
    assert_only_line_3_refused(&db, &run, &f, NIP_UNKNOWN);
}

#[test]
fn an_evaluation_by_the_person_themself_is_refused() {
    let db = db_with_two_staff();
    let last = this_year() - 1;
    let (run, f) = import_evaluations_with(
        &db,
        &format!("{NIP_A},{last},triwulan-2,2,2,Baik,{NIP_A},Rina Siregar"),
    );
    assert_only_line_3_refused(&db, &run, &f, "evaluat");
}

#[test]
fn an_evaluation_for_a_future_period_is_refused() {
    let db = db_with_two_staff();
    let next = this_year() + 1;
    let (run, f) = import_evaluations_with(
        &db,
        &format!("{NIP_A},{next},tahunan,2,2,Baik,{NIP_B},Budi Tarigan"),
    );
    assert_only_line_3_refused(&db, &run, &f, &next.to_string());
}

// ------------------------------------------------------------------ 11. trainings

fn training_row(mulai: &str, selesai: &str, jp: &str, jam: &str) -> String {
    format!(
        "{NIP_A},Bimtek Penyusunan SKP,Bimtek,BKD Kota Medan,Pemerintah,{mulai},{selesai},{jp},{jam},selesai,,"
    )
}

#[test]
fn training_hours_without_jp_count_whole_45_minute_jp() {
    let db = db_with_two_staff();
    db.import_ok(
        "trainings",
        "trainings.csv",
        &csv_file(
            TRAINING_HEADER,
            &[training_row("2025-03-14", "2025-03-14", "", "8")],
        ),
    );

    let tr = db.export("trainings");
    assert_eq!(tr.rows.len(), 1);
    // 8 hours = 480 minutes = 10 full JP of 45 minutes.
    assert_eq!(tr.value("nip", NIP_A, "jp"), "10");
}

#[test]
fn training_dates_with_slashes_or_dashes_day_first_are_accepted() {
    let db = db_with_two_staff();
    db.import_ok(
        "trainings",
        "trainings.csv",
        &csv_file(
            TRAINING_HEADER,
            &[training_row("14/03/2025", "14-03-2025", "8", "")],
        ),
    );

    let tr = db.export("trainings");
    assert_eq!(tr.value("nip", NIP_A, "mulai"), "2025-03-14");
    assert_eq!(tr.value("nip", NIP_A, "selesai"), "2025-03-14");
    assert_eq!(tr.value("nip", NIP_A, "jp"), "8");
}

#[test]
fn a_training_that_ends_before_it_starts_is_refused() {
    let db = db_with_two_staff();
    let f = db.write(
        "trainings.csv",
        csv_file(
            TRAINING_HEADER,
            &[training_row("15/03/2025", "14/03/2025", "8", "")],
        ),
    );

    let run = db.run(&["import", "trainings", s(&f)]);
    run.expect(1);
    let lines: Vec<u64> = run.row_reports(&f).iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2], "stderr:\n{}", run.stderr);
    assert!(db.export("trainings").rows.is_empty());
}

// ------------------------------------------------------------------ 12. control characters

#[test]
fn escape_sequences_in_imported_names_are_not_stored() {
    let db = Db::new();
    db.import_ok(
        "staff",
        "staff.csv",
        &csv_file(
            STAFF_HEADER,
            &[staff_row(
                NIP_A,
                "Rina\x1b[31m Sire\u{9b}2Jgar\x07",
                "III/a",
            )],
        ),
    );

    let run = db.run(&["export", "staff"]);
    run.expect(0);
    assert!(
        !run.stdout.contains(&0x1b),
        "the export holds an ESC byte: {:?}",
        run.stdout_text()
    );
    assert!(!run.stdout.contains(&0x07), "the export holds a BEL byte");
    let text = run.stdout_text();
    assert!(!text.contains('\u{9b}'), "the export holds a C1 CSI");
    assert_eq!(
        Csv::parse(&text).value("nip", NIP_A, "nama"),
        "Rina[31m Sire2Jgar"
    );
}

// ------------------------------------------------------------------ 13. help and arguments

#[test]
fn help_exits_0_and_lists_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let run = kinerja_in(dir.path(), &["--help"]);
    run.expect(0);
    let text = run.stdout_text();
    for sub in ["demo", "import", "export", "check", "backup", "restore"] {
        assert!(text.contains(sub), "--help does not list {sub}:\n{text}");
    }
    assert!(
        !dir.path().join("default-db").exists(),
        "--help opened a database"
    );
}

#[test]
fn an_unknown_subcommand_exits_2_without_opening_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let run = kinerja_in(dir.path(), &["frobnicate"]);
    run.expect(2);
    assert!(run.stderr.contains("frobnicate"), "stderr: {}", run.stderr);
    assert!(!dir.path().join("default-db").exists());
}

#[test]
fn export_report_writes_one_row_per_unit_with_the_guide_status() {
    let db = Db::new();
    db.run(&["demo"]).expect(0);
    let year = (this_year() - 1).to_string();
    let csv = db.export_from(&db.path.clone(), "report");
    assert_eq!(csv.header[0], "unit");
    // 17 demo units, the 3 pustu counted in their puskesmas's row (issue 21).
    assert_eq!(csv.rows.len(), 14, "one row per demo unit but the pustu");
    assert!(csv.rows.iter().all(|r| !r[0].starts_with("Pustu")));
    let status = csv
        .header
        .iter()
        .position(|h| h == "status_distribusi")
        .unwrap();
    let broken: Vec<&Vec<String>> = csv
        .rows
        .iter()
        .filter(|r| r[status].starts_with("tidak sesuai pola"))
        .collect();
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0][0], "Puskesmas Sicanang");
    assert!(csv.rows.iter().all(|r| r[1] == year));
    let with_year = db.run(&["export", "report", "--year", &year]);
    with_year.expect(0);
    assert_eq!(Csv::parse(&with_year.stdout_text()).rows, csv.rows);
}

#[test]
fn a_short_evaluations_file_keeps_the_columns_it_does_not_have() {
    let db = Db::new();
    db.demo(20);
    let full = db.export("evaluations");
    let header = &full.header;
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = &full.rows[0];
    let short = format!(
        "nip,tahun,periode,hasil_kerja,perilaku\n{},{},{},{},{}\n",
        row[col("nip")],
        row[col("tahun")],
        row[col("periode")],
        row[col("hasil_kerja")],
        row[col("perilaku")]
    );
    let run = db.import_ok("evaluations", "short.csv", &short);
    assert!(
        run.stderr.contains("0 new, 0 updated, 1 unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(
        db.export("evaluations").rows,
        full.rows,
        "nothing was wiped"
    );
}

/// DOMAIN.md, Evaluations: a period not ended yet is provisional; import writes it and
/// says how many.
#[test]
fn import_counts_the_provisional_evaluations_it_wrote() {
    let db = Db::new();
    let staff = db.write(
        "s.csv",
        "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif\n\
         198503302010012002,PNS,Rina Siregar,dr.,,III/c,S2,Dokter,Ahli Muda,Puskesmas Belawan,kesehatan,,ya\n",
    );
    db.run(&["import", "staff", s(&staff)]).expect(0);
    // This year's annual period ends on 31 December: provisional until then (on that
    // day itself it has ended).
    let now = jiff::Zoned::now();
    let year = now.year();
    let last_day = now.month() == 12 && now.day() == 31;
    let evaluations = db.write(
        "e.csv",
        format!(
            "nip,tahun,periode,hasil_kerja,perilaku,penilai_nama\n\
             198503302010012002,{year},tahunan,2,2,Kepala Puskesmas\n\
             198503302010012002,{},tahunan,2,2,Kepala Puskesmas\n",
            year - 1
        ),
    );
    let run = db.run(&["import", "evaluations", s(&evaluations)]);
    run.expect(0);
    assert_eq!(
        run.stderr
            .contains("; 1 provisional (the period has not ended yet)"),
        !last_day,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2 new, 0 updated, 0 unchanged evaluations")
    );
}

// ------------------------------------------------------------------ unit ratings, heads

/// The header before issue 21 (`nilai`, now `capaian_organisasi`): still read.
const UNIT_RATINGS_HEADER: &str = "unit,tahun,periode,nilai";

#[test]
fn unit_ratings_export_imports_back_unchanged_and_a_period_rating_is_its_own() {
    let db = Db::new();
    db.demo(60);
    let before = db.export("unit-ratings");
    assert_eq!(
        before.header,
        ["unit", "tahun", "periode", "capaian_organisasi"]
    );
    assert!(!before.rows.is_empty(), "the demo rates its units");
    let f = db.write("ratings.csv", db.run(&["export", "unit-ratings"]).stdout);
    let run = db.run(&["import", "unit-ratings", s(&f)]);
    run.expect(0);
    assert!(
        run.stderr.contains("0 set, 0 removed"),
        "an export imports back unchanged: {}",
        run.stderr
    );

    // A quarter's rating beside the year's, and the year's removed with `-`.
    let last = this_year() - 1;
    db.import_ok(
        "unit-ratings",
        "more.csv",
        &csv_file(
            UNIT_RATINGS_HEADER,
            &[
                format!("Puskesmas Belawan,{last},Triwulan II,Istimewa"),
                format!("Puskesmas Belawan,{last},tahunan,-"),
            ],
        ),
    );
    let after = db.export("unit-ratings");
    let of_unit: Vec<(String, String, String)> = after
        .rows
        .iter()
        .filter(|r| r[0] == "Puskesmas Belawan" && r[1] == last.to_string())
        .map(|r| (r[1].clone(), r[2].clone(), r[3].clone()))
        .collect();
    assert_eq!(
        of_unit,
        vec![(
            last.to_string(),
            "triwulan-2".to_string(),
            "Istimewa".to_string()
        )]
    );
    // The report of that year now says the unit's rating is not recorded.
    let report = db.run(&["export", "report", "--year", &last.to_string()]);
    report.expect(0);
    let report = Csv::parse(&report.stdout_text());
    assert_eq!(
        report.value("unit", "Puskesmas Belawan", "status_distribusi"),
        "belum dinilai"
    );
}

#[test]
fn a_unit_ratings_file_with_bad_rows_writes_nothing_and_names_each_line() {
    let db = Db::new();
    db.demo(30);
    let before = db.export("unit-ratings").rows;
    let next = this_year() + 1;
    let now = this_year();
    let f = db.write(
        "ratings.csv",
        csv_file(
            UNIT_RATINGS_HEADER,
            &[
                format!("Puskesmas Belawan,{now},triwulan-1,Baik"),
                format!("Unit Yang Tidak Ada,{now},,Baik"),
                format!("Puskesmas Belawan,{next},,Baik"),
                format!("Puskesmas Belawan,{now},triwulan-1,Kurang"),
                format!("Puskesmas Belawan,{now},,Luar Biasa"),
                format!("Puskesmas Belawan,{now},,"),
            ],
        ),
    );
    let run = db.run(&["import", "unit-ratings", s(&f)]);
    run.expect(1);
    let lines: Vec<u64> = run.row_reports(&f).iter().map(|r| r.0).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7], "stderr:\n{}", run.stderr);
    assert!(run.stderr.contains("Unit Yang Tidak Ada"), "{}", run.stderr);
    assert!(
        run.stderr.contains("line 2"),
        "the clash names the first line: {}",
        run.stderr
    );
    assert_eq!(
        db.export("unit-ratings").rows,
        before,
        "a refused file wrote"
    );

    let run = db.run(&["import", "unit-ratings", s(&f), "--skip-invalid"]);
    run.expect(0);
    assert!(run.stderr.contains("1 set"), "{}", run.stderr);
    assert_eq!(db.export("unit-ratings").rows.len(), before.len() + 1);
}

#[test]
fn the_reports_distribution_leaves_out_each_units_head() {
    // SE MenPANRB 3/2023 (DOMAIN.md): the head is not counted in their own unit's
    // distribution but in the unit above's (issue 21: a lurah in the kecamatan's).
    // Everyone's annual predikat of the year is either in the predikat columns of their
    // unit or, for the head, in `predikat_pimpinan` and in the parent unit's columns.
    let db = Db::new();
    db.demo(300);
    let last = this_year() - 1;
    let staff = db.export("staff");
    let evaluations = db.export("evaluations");
    let unit_of: std::collections::HashMap<String, String> = staff
        .rows
        .iter()
        .map(|r| (r[staff.col("nip")].clone(), r[staff.col("unit")].clone()))
        .collect();
    let pustu_parent: std::collections::HashMap<String, String> = staff
        .rows
        .iter()
        .filter(|r| !r[staff.col("unit_induk")].is_empty())
        .map(|r| {
            (
                r[staff.col("unit")].clone(),
                r[staff.col("unit_induk")].clone(),
            )
        })
        .collect();
    let mut annual: std::collections::HashMap<String, u32> = Default::default();
    for r in &evaluations.rows {
        if r[evaluations.col("tahun")] == last.to_string()
            && r[evaluations.col("periode")] == "tahunan"
        {
            // A pustu's people count in its puskesmas's row (issue 21).
            let unit = &unit_of[&r[0]];
            let unit = match pustu_parent.get(unit) {
                Some(up) if unit.starts_with("Pustu") => up,
                _ => unit,
            };
            *annual.entry(unit.clone()).or_default() += 1;
        }
    }
    let parent: std::collections::HashMap<String, String> = staff
        .rows
        .iter()
        .filter(|r| !r[staff.col("unit_induk")].is_empty())
        .map(|r| {
            (
                r[staff.col("unit")].clone(),
                r[staff.col("unit_induk")].clone(),
            )
        })
        .collect();
    let run = db.run(&["export", "report", "--year", &last.to_string()]);
    run.expect(0);
    let report = Csv::parse(&run.stdout_text());
    let headed: Vec<String> = report
        .rows
        .iter()
        .filter(|r| !r[report.col("predikat_pimpinan")].is_empty())
        .map(|r| r[report.col("unit")].clone())
        .collect();
    let mut heads = 0;
    let mut counted_all = 0;
    for r in &report.rows {
        let unit = &r[report.col("unit")];
        let counted: u32 = [
            "sangat_baik",
            "baik",
            "butuh_perbaikan",
            "kurang",
            "sangat_kurang",
        ]
        .iter()
        .map(|c| r[report.col(c)].parse::<u32>().expect("a count"))
        .sum();
        let head = &r[report.col("predikat_pimpinan")];
        if !head.is_empty() {
            heads += 1;
            // The head's Hasil Kerja follows the unit's rating: Baik or better here.
            assert!(head == "Baik" || head == "Sangat Baik", "{unit}: {head}");
        }
        let heads_below = headed
            .iter()
            .filter(|h| parent.get(*h).is_some_and(|p| p == unit))
            .count() as u32;
        assert_eq!(
            counted + u32::from(!head.is_empty()),
            annual.get(unit).copied().unwrap_or(0) + heads_below,
            "{unit}: the counts and the head make everyone evaluated, with the heads below"
        );
        counted_all += counted;
        assert_eq!(r[report.col("sementara")], "tidak");
    }
    assert!(heads >= 10, "the demo's units name heads: {heads}");
    // Nobody is counted twice: every count is an annual predikat of the year.
    let total: u32 = annual.values().sum();
    assert!(counted_all <= total, "{counted_all} counted of {total}");
}

#[test]
fn an_evaluation_of_a_period_not_ended_is_exported_as_provisional_and_imports_back() {
    let db = db_with_two_staff();
    let year = this_year();
    let last = year - 1;
    let f = db.write(
        "evaluations.csv",
        csv_file(
            EVALUATION_HEADER,
            &[
                format!("{NIP_A},{year},tahunan,2,2,Baik,{NIP_B},Budi Tarigan"),
                format!("{NIP_A},{last},tahunan,1,1,Sangat Baik,{NIP_B},Budi Tarigan"),
            ],
        ),
    );
    let run = db.run(&["import", "evaluations", s(&f)]);
    run.expect(0);
    assert!(run.stderr.contains("1 provisional"), "{}", run.stderr);
    let ev = db.export("evaluations");
    let col = ev.col("sementara");
    let by_year: Vec<(String, String)> = ev
        .rows
        .iter()
        .map(|r| (r[1].clone(), r[col].clone()))
        .collect();
    assert!(
        by_year.contains(&(year.to_string(), "ya".to_string())),
        "{by_year:?}"
    );
    assert!(
        by_year.contains(&(last.to_string(), String::new())),
        "{by_year:?}"
    );
    // The export, `sementara` and all, imports back as it is.
    let back = db.write("back.csv", db.run(&["export", "evaluations"]).stdout);
    let run = db.run(&["import", "evaluations", s(&back)]);
    run.expect(0);
    assert!(run.stderr.contains("0 new, 0 updated"), "{}", run.stderr);
    // The report of a year not ended says so.
    let report = db.run(&["export", "report", "--year", &year.to_string()]);
    report.expect(0);
    let report = Csv::parse(&report.stdout_text());
    assert!(report.column("sementara").iter().all(|v| v == "ya"));
}

#[test]
fn staff_import_reads_every_education_spelling_and_export_writes_the_siasn_one() {
    // DOMAIN.md, "Rank": the SIASN levels; old codes still read; D4 is D-IV, not S1.
    let db = Db::new();
    let nips = [
        ("198503302010011002", "S1", "S-1/Sarjana"),
        ("198503302010011003", "D4", "D-IV"),
        ("198503302010011004", "Diploma IV", "D-IV"),
        ("198503302010011005", "SMA", "SLTA"),
        ("198503302010011006", "d-iii", "D-III"),
        ("198503302010011007", "Profesi", "Profesi"),
        ("198503302010011008", "Sp-1", "Sp-1"),
        ("198503302010011009", "SLTP", "SLTP"),
    ];
    let rows: Vec<String> = nips
        .iter()
        .map(|(nip, edu, _)| {
            format!(
                "{nip},PNS,Rina Siregar,,,III/a,{edu},Perawat,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya"
            )
        })
        .collect();
    db.import_ok("staff", "staff.csv", &csv_file(STAFF_HEADER, &rows));
    let csv = db.export("staff");
    let written = csv.column("pendidikan");
    let want: Vec<String> = nips.iter().map(|(_, _, w)| w.to_string()).collect();
    assert_eq!(written, want);
}

#[test]
fn latsar_for_a_non_cpns_is_imported_with_a_warning_line() {
    // DOMAIN.md, "Competency development": Latsar CPNS is only for CPNS; kinerja warns and
    // imports. NIP_A's TMT CPNS is 2010-01: a Latsar in 2011 is fine, one in 2020 is not.
    let db = db_with_two_staff();
    let file = db.write(
        "trainings.csv",
        format!(
            "nip,judul,jenis,penyelenggara,mulai,selesai,jp,status\n\
             {NIP_A},Latsar Angkatan 3,Prajabatan,BKPSDM Kota Medan,2011-04-04,2011-05-27,268,selesai\n\
             {NIP_A},Latsar Angkatan 9,Latsar CPNS,BKPSDM Kota Medan,2020-04-06,2020-05-29,268,selesai\n\
             {NIP_A},Magang Puskesmas,magang,BKPSDM Kota Medan,2020-07-06,2020-07-10,30,selesai\n"
        ),
    );
    let run = db.run(&["import", "trainings", s(&file)]);
    run.expect(0);
    assert!(
        run.stderr
            .contains("trainings.csv:3: warning: Latsar CPNS is for CPNS only"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("trainings.csv:2: warning"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("3 new"), "{}", run.stderr);
    assert!(run.stderr.contains("1 warning(s)"), "{}", run.stderr);
    let kinds = db.export("trainings").column("jenis");
    assert_eq!(kinds, ["Latsar CPNS", "Latsar CPNS", "Magang"]);
}

// ------------------------------------------------------------------ staff warnings

/// Four rows, each with one of the staff warnings of DOMAIN.md (warn, never refuse), and a
/// sound one: TMT before 18 (NIP table), still active past the BUP (born 1950, Pelaksana:
/// 58), S1 at II/a below its entry rank III/a (Rank), a birth date in the future.
fn staff_file_with_warnings() -> String {
    csv_file(
        STAFF_HEADER,
        &[
            staff_row(NIP_A, "Rina Siregar", "III/a"),
            staff_row("200001012010011001", "Dewi Lubis", "III/a"),
            "195001011975011001,PNS,Ahmad Pohan,,,III/d,SMA,Pengadministrasi Umum,Pelaksana,Puskesmas Belawan,kesehatan,,ya".to_string(),
            // A Pelaksana: a Perawat Ahli Pertama at II/a would also be outside its jenjang's
            // ranks (issue 21).
            "198707072012012003,PNS,Sari Nasution,,S.Kep.,II/a,S1,Pengadministrasi Umum,Pelaksana,Puskesmas Belawan,kesehatan,,ya".to_string(),
            staff_row("209001012110011004", "Budi Tarigan", "III/a"),
        ],
    )
}

/// `import staff` lists every warning with its line and NIP, counts them in the summary,
/// and imports all the rows anyway (exit 0).
#[test]
fn import_staff_lists_warnings_without_refusing() {
    let db = Db::new();
    let f = db.write("staff.csv", staff_file_with_warnings());
    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(0);
    let warnings: Vec<(u64, String)> = run
        .row_reports(&f)
        .into_iter()
        .filter(|(_, why)| why.starts_with("warning:"))
        .collect();
    let lines: Vec<u64> = warnings.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6], "{}", run.stderr);
    assert!(
        warnings[0].1.contains("NIP 20000101 201001 1 001"),
        "{warnings:?}"
    );
    assert!(
        warnings[0].1.contains("before the age of 18"),
        "{warnings:?}"
    );
    assert!(
        warnings[1]
            .1
            .contains("past the pension age: BUP 58, pension date 2008-02-01")
    );
    assert!(warnings[2].1.contains("golongan II/a is below III/a"));
    assert!(
        warnings[3]
            .1
            .contains("2090-01-01 (NIP digits 1-8) is in the future")
    );
    assert!(
        run.stderr.contains("5 new, 0 updated, 0 unchanged staff")
            && run.stderr.contains("; 4 warning(s), imported anyway"),
        "{}",
        run.stderr
    );
    assert_eq!(db.export("staff").rows.len(), 5, "every row was written");
}

/// Issue 21: a TMT CPNS past the applicant age limit (35; 40 for a Dokter, Keppres
/// 17/2019) and a functional jenjang outside its rank range are warned on import and by
/// `check --warnings`, never refused; a kepala sekolah recorded as a Pengawas retires at
/// 60 like a guru, so at 59 nothing is past.
#[test]
fn import_and_check_warn_of_the_age_limit_and_a_jenjang_outside_its_rank() {
    let db = Db::new();
    let rows = [
        // Born 1 Jan 1980, TMT 2016-01: 36 at the TMT, past 35.
        "198001012016011001,PNS,Ahmad Pohan,,,III/a,S1,Perawat,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya",
        // The same age as a Dokter: under 40.
        "198001012016011002,PNS,Budi Lubis,dr.,,III/b,Profesi,Dokter,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya",
        // Ahli Utama at III/a (the review's finding).
        "198503302010011005,PNS,Citra Siregar,,,III/a,S1,Perawat,Ahli Utama,Puskesmas Belawan,kesehatan,,ya",
        // A kepala sekolah born 1 Jun 1967: 59 on the import day in 2026, pension at 60.
        "196706012000011001,PNS,Dedi Tarigan,,S.Pd.,IV/a,S1,Kepala Sekolah,Pengawas,SD Negeri 060968,pendidikan,,ya",
    ];
    let f = db.write("staff.csv", csv_file(STAFF_HEADER, &rows.map(String::from)));
    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(0);
    let warnings: Vec<(u64, String)> = run
        .row_reports(&f)
        .into_iter()
        .filter(|(_, why)| why.starts_with("warning:"))
        .collect();
    let lines: Vec<u64> = warnings.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 4], "{}", run.stderr);
    assert!(
        warnings[0]
            .1
            .contains("TMT CPNS 2016-01 at age 36, past the CPNS applicant limit of 35"),
        "{warnings:?}"
    );
    assert!(
        warnings[1]
            .1
            .contains("jenjang Ahli Utama at golongan III/a, outside its range IV/d-IV/e"),
        "{warnings:?}"
    );
    assert_eq!(db.export("staff").rows.len(), 4, "imported anyway");
    let run = db.run(&["check", "--warnings"]);
    run.expect(0);
    let out = run.stdout_text();
    assert!(
        out.contains("appointed-past-age-limit 1, jenjang-outside-rank 1, ni-pppk-digits-13-14 0)"),
        "{out}"
    );
    assert!(!out.contains("Dedi Tarigan"), "{out}");
}

/// Issue 21: an old jabatan pelaksana name is read as its PermenPANRB 45/2022 name, said
/// per row; the file imported again is unchanged, and the export writes the new name.
#[test]
fn old_pelaksana_names_are_read_as_the_new_ones() {
    let db = Db::new();
    let file = csv_file(
        STAFF_HEADER,
        &[
            format!(
                "{NIP_A},PNS,Rina Siregar,,,II/c,SMA,Pengadministrasi Umum,Pelaksana,Puskesmas Belawan,kesehatan,,ya"
            ),
            format!(
                "{NIP_B},PNS,Dewi Lubis,,,II/a,SMA,pengemudi,Jabatan Pelaksana,Puskesmas Belawan,kesehatan,,ya"
            ),
        ],
    );
    let f = db.write("staff.csv", &file);
    let run = db.run(&["import", "staff", s(&f)]);
    run.expect(0);
    assert!(
        run.stderr.contains(
            "staff.csv:2: note: NIP 19850330 201001 1 002: jabatan \"Pengadministrasi Umum\" is read as \"Pengadministrasi Perkantoran\" (PermenPANRB 45/2022)"
        ),
        "{}",
        run.stderr
    );
    let staff = db.export("staff");
    assert_eq!(
        staff.column("jabatan"),
        [
            "Pengadministrasi Perkantoran",
            "Operator Layanan Operasional"
        ]
    );
    let again = db.run(&["import", "staff", s(&f)]);
    again.expect(0);
    assert!(
        again.stderr.contains("0 new, 0 updated, 2 unchanged"),
        "{}",
        again.stderr
    );
}

/// `check --warnings` lists each warning and counts them per kind; warnings do not change
/// the exit status, and plain `check` says nothing about them.
#[test]
fn check_warnings_counts_each_kind_and_plain_check_is_unchanged() {
    let db = Db::new();
    db.import_ok("staff", "staff.csv", &staff_file_with_warnings());
    let plain = db.run(&["check"]);
    plain.expect(0);
    assert!(
        plain.stdout_text().starts_with("ok: 5 staff, 1 units"),
        "{}",
        plain.stdout_text()
    );
    assert!(
        !plain.stdout_text().contains("warning"),
        "{}",
        plain.stdout_text()
    );
    let run = db.run(&["check", "--warnings"]);
    run.expect(0);
    let out = run.stdout_text();
    let listed: Vec<&str> = out.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(listed.len(), 4, "{out}");
    assert!(listed.iter().any(|l| l.starts_with("warning: 19500101 197501 1 001 Ahmad Pohan: past-pension-age:")), "{out}");
    assert!(
        out.contains("warnings: 4 (appointed-before-18 1, past-pension-age 1, below-entry-rank 1, born-in-future 1, appointed-past-age-limit 0, jenjang-outside-rank 0, ni-pppk-digits-13-14 0)"),
        "{out}"
    );
    assert!(
        out.contains("ok: 5 staff"),
        "the check itself still runs: {out}"
    );
}

// ------------------------------------------------------------------ competencies (issue 13)

const COMPETENCY_HEADER: &str = "nama,jenis,jenis_pelatihan,kata_judul,berlaku_bulan";
const REQUIREMENT_HEADER: &str = "jabatan,jenis_jabatan,kompetensi";

/// Issue 13 (AKPK): `import|export competencies` and `requirements`: every row is checked
/// first, a bad row stops the import unless `--skip-invalid`, `--dry-run` writes nothing,
/// and the exports import back into a new database unchanged.
#[test]
fn competencies_and_requirements_import_check_rows_and_export_back_unchanged() {
    let db = Db::new();
    let catalogue = db.write(
        "competencies.csv",
        csv_file(
            COMPETENCY_HEADER,
            &[
                "BTCLS,teknis,,BTCLS;PPGD,36".into(),
                "Kepemimpinan Pengawas,manajerial,PKP;Diklatpim IV,,".into(),
                // Line 4: a kind that is not one, a validity of 0 months.
                "Rusak,teknis,Pelatihan Sulap,,0".into(),
                // Line 5: nothing would satisfy it.
                "Kosong,sosial kultural,,,".into(),
            ],
        ),
    );
    let run = db.run(&["import", "competencies", s(&catalogue)]);
    run.expect(1);
    let reports = run.row_reports(&catalogue);
    assert_eq!(
        reports.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [4, 5],
        "{}",
        run.stderr
    );
    assert!(reports[0].1.contains("Pelatihan Sulap") && reports[0].1.contains("berlaku_bulan"));
    assert!(
        db.export("competencies").rows.is_empty(),
        "a bad file wrote"
    );
    db.run(&[
        "import",
        "competencies",
        s(&catalogue),
        "--skip-invalid",
        "--dry-run",
    ])
    .expect(0);
    assert!(db.export("competencies").rows.is_empty(), "a dry run wrote");
    db.run(&["import", "competencies", s(&catalogue), "--skip-invalid"])
        .expect(0);
    let exported = db.export("competencies");
    assert_eq!(exported.column("nama"), ["BTCLS", "Kepemimpinan Pengawas"]);
    assert_eq!(
        exported.value("nama", "Kepemimpinan Pengawas", "jenis_pelatihan"),
        "PKP"
    );
    assert_eq!(exported.value("nama", "BTCLS", "berlaku_bulan"), "36");

    let requirements = db.write(
        "requirements.csv",
        csv_file(
            REQUIREMENT_HEADER,
            &[
                "Perawat,,BTCLS".into(),
                ",Pengawas,kepemimpinan pengawas".into(),
                "Bidan,Terampil,btcls".into(),
                // Line 5: not in the catalogue; line 6: no position at all.
                "Guru,,Kurikulum Merdeka".into(),
                ",,BTCLS".into(),
            ],
        ),
    );
    let run = db.run(&["import", "requirements", s(&requirements)]);
    run.expect(1);
    let reports = run.row_reports(&requirements);
    assert_eq!(reports.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [5, 6]);
    assert!(
        reports[0].1.contains("not in the catalogue"),
        "{}",
        run.stderr
    );
    db.run(&["import", "requirements", s(&requirements), "--skip-invalid"])
        .expect(0);
    let exported = db.export("requirements");
    assert_eq!(exported.rows.len(), 3);
    assert_eq!(
        exported.value("jabatan", "Bidan", "jenis_jabatan"),
        "Terampil"
    );
    db.run(&["check"]).expect(0);

    let copy = db.sibling("copy");
    for kind in ["competencies", "requirements"] {
        let first = db.file(&format!("{kind}-1.csv"));
        db.run(&["export", kind, "-o", s(&first)]).expect(0);
        db.run_on(&copy, &["import", kind, s(&first)]).expect(0);
        let second = db.file(&format!("{kind}-2.csv"));
        db.run_on(&copy, &["export", kind, "-o", s(&second)])
            .expect(0);
        assert_eq!(
            fs::read_to_string(&first).unwrap(),
            fs::read_to_string(&second).unwrap(),
            "{kind}: the re-export differs"
        );
        // A second import of the same file changes nothing.
        let again = db.run_on(&copy, &["import", kind, s(&first)]);
        again.expect(0);
        assert!(
            again.stderr.contains("nothing to change"),
            "{}",
            again.stderr
        );
    }
}

/// `export audit` (issue 22): the trail as CSV, oldest first, narrowed by --since and
/// --officer; wrong arguments are refused with status 2.
#[test]
fn export_audit_lists_changes_and_narrows_by_day_and_officer() {
    let db = db_with_two_staff();
    db.import_ok(
        "staff",
        "again.csv",
        &csv_file(
            STAFF_HEADER,
            &[staff_row(NIP_A, "Rina Siregar Lubis", "III/a")],
        ),
    );
    let all = db.export("audit");
    assert_eq!(
        all.header,
        ["waktu", "petugas", "tindakan", "rekaman", "ringkasan"]
    );
    assert_eq!(all.rows.len(), 2, "{}", all.to_text());
    assert!(
        all.rows.iter().all(|r| r[2] == "import"),
        "{}",
        all.to_text()
    );
    // Oldest first, times as YYYY-MM-DD HH:MM:SS.
    let times = all.column("waktu");
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert_eq!(times[0].len(), 19, "{times:?}");
    let actor = all.rows[0][1].clone();
    let today = &times[0][..10];
    let run = db.run(&["export", "audit", "--since", today, "--officer", &actor]);
    run.expect(0);
    let same = Csv::parse(&run.stdout_text());
    assert_eq!(same.rows, all.rows);
    let run = db.run(&["export", "audit", "--since", "2999-01-01"]);
    assert!(Csv::parse(&run.expect(0).stdout_text()).rows.is_empty());
    let run = db.run(&["export", "audit", "--officer", "nobody-here"]);
    assert!(Csv::parse(&run.expect(0).stdout_text()).rows.is_empty());
    let bad = db.run(&["export", "audit", "--since", "kemarin"]);
    bad.expect(2);
    assert!(bad.stderr.contains("YYYY-MM-DD"), "{}", bad.stderr);
    db.run(&["export", "audit", "--year", "2026"]).expect(2);
    db.run(&["export", "staff", "--officer", "x"]).expect(2);
}

#[test]
fn the_version_names_the_commit_it_was_built_from() {
    // An office upgrading tells two builds of one version apart by the commit.
    let scratch = tempfile::tempdir().expect("temp dir");
    let run = kinerja_in(scratch.path(), &["--version"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = String::from_utf8_lossy(&run.stdout).trim().to_string();
    let version = concat!("kinerja ", env!("CARGO_PKG_VERSION"), " (");
    let rest = out
        .strip_prefix(version)
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or_else(|| panic!("not '{version}...)': {out}"));
    let known = rest
        .strip_prefix("commit ")
        .is_some_and(|c| c.len() == 12 && c.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(known || rest == "unknown commit", "{out}");
}
