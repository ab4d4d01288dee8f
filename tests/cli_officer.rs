//! `kinerja officer set` (issue 22): role, units and language changed with the checks and
//! the audit of `officer add`; what is not given stays; a refused change writes nothing.

mod cli_support;

use cli_support::{Db, s};

const STAFF: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif\n\
198503302010012002,PNS,Rina Siregar,dr.,Sp.PD,III/c,S-2,Dokter,Ahli Muda,Puskesmas Belawan,kesehatan,,ya\n\
199001152015032001,PNS,Dewi Lubis,,S.Pd.,III/a,S-1/Sarjana,Guru,Ahli Pertama,SD Negeri 060968,pendidikan,,ya\n";

const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ani@kantor\n";

fn list(db: &Db) -> String {
    db.run(&["officer", "list"]).expect(0).stdout_text()
}

#[test]
fn officer_set_changes_what_is_given_and_keeps_the_rest() {
    let db = Db::new();
    db.import_ok("staff", "pegawai.csv", STAFF);
    let key = db.write("ani.pub", KEY);
    db.run(&[
        "officer",
        "add",
        "ani",
        "--role",
        "viewer",
        "--key",
        s(&key),
    ])
    .expect(0);
    let before = list(&db);
    assert!(
        before.starts_with("ani\tviewer\tall units\t-\tSHA256:"),
        "{before}"
    );

    let run = db.run(&[
        "officer",
        "set",
        "ani",
        "--role",
        "penilai",
        "--unit",
        "Puskesmas Belawan",
    ]);
    run.expect(0);
    assert!(run.stderr.contains("next login"), "{}", run.stderr);
    let after = list(&db);
    assert!(
        after.starts_with("ani\tpenilai\tPuskesmas Belawan\t-\tSHA256:"),
        "{after}"
    );
    // The key stayed.
    assert_eq!(after.rsplit('\t').next(), before.rsplit('\t').next());

    // Only the language: role and units stay.
    db.run(&["officer", "set", "ani", "--lang", "en"]).expect(0);
    assert!(list(&db).starts_with("ani\tpenilai\tPuskesmas Belawan\ten\t"));

    // Each change is audited under the officer's record, with the fields old -> new.
    let audit = db.run(&["export", "audit"]).expect(0).stdout_text();
    let lines: Vec<&str> = audit
        .lines()
        .filter(|l| l.contains("officers/ani"))
        .collect();
    assert_eq!(lines.len(), 3, "{audit}");
    assert!(lines[1].contains("role: viewer -> penilai"), "{audit}");
    assert!(lines[2].contains("lang: - -> en"), "{audit}");
}

#[test]
fn refused_changes_write_nothing() {
    let db = Db::new();
    db.import_ok("staff", "pegawai.csv", STAFF);
    let key = db.write("ani.pub", KEY);
    db.run(&["officer", "add", "ani", "--role", "admin", "--key", s(&key)])
        .expect(0);
    let before = list(&db);
    // A penilai needs units.
    let run = db.run(&["officer", "set", "ani", "--role", "penilai"]);
    run.expect(1);
    assert!(run.stderr.contains("penilai"), "{}", run.stderr);
    // An unknown unit is named with the known ones.
    let run = db.run(&["officer", "set", "ani", "--unit", "Puskesmas Nowhere"]);
    run.expect(1);
    assert!(run.stderr.contains("Puskesmas Belawan"), "{}", run.stderr);
    // A bad role, an unknown officer, nothing to change.
    db.run(&["officer", "set", "ani", "--role", "boss"])
        .expect(1);
    let run = db.run(&["officer", "set", "budi", "--role", "viewer"]);
    run.expect(1);
    assert!(run.stderr.contains("budi"), "{}", run.stderr);
    db.run(&["officer", "set", "ani"]).expect(2);
    db.run(&["officer", "set", "ani", "--unit", "x", "--all-units"])
        .expect(2);
    assert_eq!(list(&db), before);
    // An admin limited to a unit, then back to all.
    db.run(&["officer", "set", "ani", "--unit", "sd-negeri-060968"])
        .expect(0);
    assert!(list(&db).starts_with("ani\tadmin\tSD Negeri 060968\t"));
    db.run(&["officer", "set", "ani", "--all-units"]).expect(0);
    assert_eq!(list(&db), before);
}
