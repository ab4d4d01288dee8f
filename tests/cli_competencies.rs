//! Issue 13 from the command line, end to end on a temporary database: `kinerja import
//! requirements --replace` deletes what the file no longer lists; the trainings'
//! `kompetensi` column states a competency by name or id, refuses an unknown one, and a
//! competency matched by title and kind is only proposed until `--accept-competencies`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const STAFF_HEADER: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif";
const TRAINING_HEADER: &str = "nip,judul,jenis,penyelenggara,jenis_penyelenggara,mulai,selesai,jp,jam,status,no_sertifikat,catatan,kompetensi";
/// The trainings header before the `kompetensi` column.
const OLD_TRAINING_HEADER: &str = "nip,judul,jenis,penyelenggara,jenis_penyelenggara,mulai,selesai,jp,jam,status,no_sertifikat,catatan";
const NIP_A: &str = "198503302010011002";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    #[track_caller]
    fn expect(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

struct Db {
    dir: tempfile::TempDir,
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

impl Db {
    fn new() -> Db {
        Db {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, header: &str, rows: &[&str]) -> PathBuf {
        let mut text = format!("{header}\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        let p = self.path(name);
        fs::write(&p, text).expect("write a test file");
        p
    }

    fn run_on(&self, db: &str, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--db")
            .arg(self.path(db))
            .args(args)
            .env("KINERJA_DB", self.path("default-db"))
            .output()
            .expect("the kinerja binary runs");
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_on("db", args)
    }

    /// The export's rows (header left out), each as its fields.
    fn export(&self, kind: &str) -> Vec<Vec<String>> {
        let run = self.run(&["export", kind]);
        run.expect(0);
        let mut r = csv::Reader::from_reader(run.stdout.as_bytes());
        r.records()
            .map(|x| x.expect("a CSV row").iter().map(String::from).collect())
            .collect()
    }

    /// The catalogue: BTCLS (title words BTCLS, PPGD) and Kepemimpinan Pengawas (PKP).
    fn with_catalogue(&self) {
        let f = self.write(
            "competencies.csv",
            "nama,jenis,jenis_pelatihan,kata_judul,berlaku_bulan",
            &[
                "BTCLS,teknis,,BTCLS;PPGD,36",
                "Kepemimpinan Pengawas,manajerial,PKP,,",
                "Pelayanan Prima,sosial kultural,,Pelayanan Prima,",
            ],
        );
        self.run(&["import", "competencies", s(&f)]).expect(0);
    }
}

fn sorted(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.sort();
    rows
}

fn row(fields: &[&str]) -> Vec<String> {
    fields.iter().map(|f| f.to_string()).collect()
}

/// Issue 13, "requirements ... by CSV": an officer edits the exported spreadsheet (rows
/// deleted, one added) and imports it with `--replace`: the stored set becomes the file's.
/// Without `--replace` an import only adds; `--dry-run` names what would be deleted and
/// writes nothing; a bad row stops a replace whole.
#[test]
fn import_requirements_replace_makes_the_stored_set_equal_the_file() {
    let db = Db::new();
    db.with_catalogue();
    let header = "jabatan,jenis_jabatan,kompetensi";
    let first = db.write(
        "req1.csv",
        header,
        &["Perawat,,BTCLS", "Bidan,Terampil,BTCLS", ",Pengawas,PKP"],
    );
    // PKP is a training kind, not a competency name: line 4 is refused.
    let run = db.run(&["import", "requirements", s(&first)]);
    run.expect(1);
    assert!(run.stderr.contains(":4: "), "{}", run.stderr);
    let first = db.write(
        "req1.csv",
        header,
        &[
            "Perawat,,BTCLS",
            "Bidan,Terampil,BTCLS",
            ",Pengawas,Kepemimpinan Pengawas",
        ],
    );
    let run = db.run(&["import", "requirements", s(&first)]);
    run.expect(0);
    assert_eq!(db.export("requirements").len(), 3);
    // Nobody holds Perawat or Bidan in this database: said (a misspelling is likely), but
    // imported; a row by jenjang alone names no position.
    assert!(
        run.stderr
            .contains(":2: warning: no staff member holds the position \"Perawat\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(":3: warning"), "{}", run.stderr);
    assert!(!run.stderr.contains(":4: warning"), "{}", run.stderr);

    // The spreadsheet edited: Bidan's row deleted, Pelayanan Prima for Perawat added.
    let edited = db.write(
        "req2.csv",
        header,
        &[
            "Perawat,,BTCLS",
            ",Pengawas,Kepemimpinan Pengawas",
            "Perawat,,Pelayanan Prima",
        ],
    );
    // Without --replace: only added.
    let dry = db.run(&["import", "requirements", s(&edited), "--dry-run"]);
    dry.expect(0);
    assert!(!dry.stderr.contains("deleting"), "{}", dry.stderr);
    // A dry run of --replace names the one it would delete, and writes nothing.
    let dry = db.run(&[
        "import",
        "requirements",
        s(&edited),
        "--replace",
        "--dry-run",
    ]);
    dry.expect(0);
    assert!(
        dry.stderr
            .contains("deleting requirement: Bidan / Terampil -> BTCLS"),
        "{}",
        dry.stderr
    );
    assert!(dry.stderr.contains("1 new, 2 already stored, 1 deleted"));
    assert_eq!(db.export("requirements").len(), 3, "a dry run wrote");

    // A bad row stops a replace whole, even with --skip-invalid.
    let bad = db.write(
        "req3.csv",
        header,
        &["Perawat,,BTCLS", "Guru,,Kurikulum Merdeka"],
    );
    let run = db.run(&[
        "import",
        "requirements",
        s(&bad),
        "--replace",
        "--skip-invalid",
    ]);
    run.expect(1);
    assert!(run.stderr.contains("--replace"), "{}", run.stderr);
    assert_eq!(
        db.export("requirements").len(),
        3,
        "a refused replace wrote"
    );

    db.run(&["import", "requirements", s(&edited), "--replace"])
        .expect(0);
    assert_eq!(
        sorted(db.export("requirements")),
        sorted(vec![
            row(&["Perawat", "", "BTCLS"]),
            row(&["", "Pengawas", "Kepemimpinan Pengawas"]),
            row(&["Perawat", "", "Pelayanan Prima"]),
        ])
    );
    // The same file again: nothing to change.
    let again = db.run(&["import", "requirements", s(&edited), "--replace"]);
    again.expect(0);
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );
    db.run(&["check"]).expect(0);
    // --replace means nothing for other kinds: refused, not ignored.
    let run = db.run(&["import", "competencies", s(&edited), "--replace"]);
    run.expect(2);
    assert!(run.stderr.contains("--replace"), "{}", run.stderr);
}

/// The trainings file of the test: line 2 states BTCLS by id, line 3 by name in other
/// case, line 4 names none but its title matches BTCLS, line 5 names none and matches
/// two competencies (kind PKP, title word BTCLS), line 6 matches none.
fn trainings(db: &Db, header: &str, with_column: bool) -> PathBuf {
    let rows = [
        (
            "Pelatihan Kegawatdaruratan",
            "Diklat Teknis",
            "2024-03-01",
            "btcls",
        ),
        (
            "Seminar Keselamatan Pasien",
            "Seminar",
            "2024-04-01",
            "bTcLs",
        ),
        (
            "Pelatihan PPGD Angkatan II",
            "Diklat Teknis",
            "2024-05-01",
            "",
        ),
        ("Diklat BTCLS Kepemimpinan", "PKP", "2024-06-01", ""),
        ("Bimtek Aplikasi", "Bimtek", "2024-07-01", ""),
    ];
    let lines: Vec<String> = rows
        .iter()
        .map(|(judul, jenis, mulai, komp)| {
            let base = format!(
                "{NIP_A},{judul},{jenis},Dinas Kesehatan,Pemerintah,{mulai},{mulai},10,,selesai,,"
            );
            if with_column {
                format!("{base},{komp}")
            } else {
                base
            }
        })
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    db.write(if with_column { "t.csv" } else { "old.csv" }, header, &refs)
}

fn kompetensi_of(db: &Db, judul: &str) -> String {
    let rows = db.export("trainings");
    let found: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == judul).collect();
    assert_eq!(found.len(), 1, "{judul}: {rows:?}");
    found[0][12].clone()
}

/// Issue 13: "A training record can state which competency it gives (... matched from
/// the catalogue by title and kind on import, shown for confirmation)".
#[test]
fn the_trainings_kompetensi_column_states_or_proposes_and_exports_back_unchanged() {
    let db = Db::new();
    db.with_catalogue();
    let staff = db.write(
        "staff.csv",
        STAFF_HEADER,
        &[&format!(
            "{NIP_A},PNS,Rina Siregar,,S.Kep.,III/a,S1,Perawat,Ahli Pertama,Puskesmas Belawan,kesehatan,,ya"
        )],
    );
    db.run(&["import", "staff", s(&staff)]).expect(0);

    // An unknown competency refuses its row, naming the line and the nearest names.
    let unknown = db.write(
        "unknown.csv",
        TRAINING_HEADER,
        &[&format!(
            "{NIP_A},Kursus Sulap,Kursus,Dinas Kesehatan,Pemerintah,2024-01-01,2024-01-02,10,,selesai,,,BTCLX Lanjut"
        )],
    );
    let run = db.run(&["import", "trainings", s(&unknown)]);
    run.expect(1);
    let report = format!(
        "{}:2: kompetensi \"BTCLX Lanjut\" is not in the catalogue (known: ",
        unknown.display()
    );
    assert!(run.stderr.contains(&report), "{}", run.stderr);
    assert!(run.stderr.contains("BTCLS"), "{}", run.stderr);

    let file = trainings(&db, TRAINING_HEADER, true);
    let run = db.run(&["import", "trainings", s(&file)]);
    run.expect(0);
    // The proposals are listed by line; only line 4's single match counts as proposed.
    assert!(
        run.stderr
            .contains("  line 4: Pelatihan PPGD Angkatan II -> BTCLS\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "  line 5: Diklat BTCLS Kepemimpinan -> BTCLS | Kepemimpinan Pengawas (several match"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("line 6:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 matched competency proposed, not recorded"),
        "{}",
        run.stderr
    );
    assert_eq!(kompetensi_of(&db, "Pelatihan Kegawatdaruratan"), "BTCLS");
    assert_eq!(kompetensi_of(&db, "Seminar Keselamatan Pasien"), "BTCLS");
    assert_eq!(kompetensi_of(&db, "Pelatihan PPGD Angkatan II"), "");

    // The export imports back into a new database unchanged (the proposals listed again,
    // not recorded), and a second import changes nothing.
    let first = db.path("trainings-1.csv");
    db.run(&["export", "trainings", "-o", s(&first)]).expect(0);
    for kind in ["staff", "competencies"] {
        let f = db.path(&format!("{kind}-x.csv"));
        db.run(&["export", kind, "-o", s(&f)]).expect(0);
        db.run_on("copy", &["import", kind, s(&f)]).expect(0);
    }
    db.run_on("copy", &["import", "trainings", s(&first)])
        .expect(0);
    let second = db.path("trainings-2.csv");
    db.run_on("copy", &["export", "trainings", "-o", s(&second)])
        .expect(0);
    assert_eq!(
        fs::read_to_string(&first).unwrap(),
        fs::read_to_string(&second).unwrap()
    );
    let again = db.run(&["import", "trainings", s(&first)]);
    again.expect(0);
    assert!(
        again.stderr.contains("nothing to change"),
        "{}",
        again.stderr
    );

    // A file of the old layout (no kompetensi column) keeps what is stated, and with
    // --accept-competencies records the single matches only.
    let old = trainings(&db, OLD_TRAINING_HEADER, false);
    let run = db.run(&["import", "trainings", s(&old), "--accept-competencies"]);
    run.expect(0);
    assert!(
        run.stderr.contains("1 matched competency recorded"),
        "{}",
        run.stderr
    );
    assert_eq!(kompetensi_of(&db, "Pelatihan Kegawatdaruratan"), "BTCLS");
    assert_eq!(kompetensi_of(&db, "Pelatihan PPGD Angkatan II"), "BTCLS");
    assert_eq!(kompetensi_of(&db, "Diklat BTCLS Kepemimpinan"), "");
    assert_eq!(kompetensi_of(&db, "Bimtek Aplikasi"), "");
    db.run(&["check"]).expect(0);
    // The flag means nothing for other kinds: refused.
    db.run(&["import", "staff", s(&staff), "--accept-competencies"])
        .expect(2);
}
