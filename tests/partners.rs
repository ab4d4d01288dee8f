//! Training partners (issue 13): `kinerja export partners` imports back unchanged, bad
//! rows are named by line and nothing is written, an agreement out of force flags a
//! training through the store, and saves are audited and refused when stale.

mod common;

use common::{staff, training, unit};
use jiff::civil::date;
use kinerja::domain::{Agreement, AgreementKind, OrganiserKind, Partner};
use kinerja::store::{Store, StoreError};
use std::path::Path;
use std::process::Command;

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("kinerja runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn export(db: &Path) -> String {
    let (code, out, err) = run(db, &["export", "partners"]);
    assert_eq!(code, 0, "export partners: {err}");
    out
}

#[test]
fn the_partners_export_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    assert_eq!(run(&db, &["demo", "--staff", "40"]).0, 0);
    let first = export(&db);
    // The demo's private partners carry agreements, contacts and competencies.
    assert!(first.contains("PKS/011/DEMO/"), "{first}");
    assert!(first.contains("Asesmen Nasional (demo);Kurikulum Merdeka (demo)"));
    let lines = first.lines().count();
    assert!(lines > 5, "{first}");
    let file = dir.path().join("partners.csv");
    std::fs::write(&file, &first).unwrap();
    let (code, _, err) = run(&db, &["import", "partners", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("nothing to change"), "{err}");
    assert!(err.contains("0 new, 0 changed"), "{err}");
    assert_eq!(export(&db), first);

    // A changed phone and a new agreement row are one changed partner; the export shows them.
    let edited = first.replacen("0812-0000-1101", "0812-9999-1101", 1)
        + "Yayasan Cendekia Deli,Swasta,Rahmi Nasution (demo),0813-0000-2202,sekretariat@cendekia-deli.example,Asesmen Nasional (demo);Kurikulum Merdeka (demo),PKS,PKS/099/DEMO,2030-01-01,2030-12-31,Perpanjangan\n";
    std::fs::write(&file, &edited).unwrap();
    let (code, _, err) = run(&db, &["import", "partners", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 new, 2 changed"), "{err}");
    let after = export(&db);
    assert!(after.contains("0812-9999-1101"));
    assert!(after.contains("PKS/099/DEMO,2030-01-01,2030-12-31,Perpanjangan"));
    assert_eq!(after.lines().count(), lines + 1);

    // A file of names and kinds only keeps every contact, competency and agreement: the
    // columns it lacks keep what is stored (a trial wiped them before).
    let names: String = std::iter::once("nama,jenis\n".to_string())
        .chain(
            after
                .lines()
                .skip(1)
                .map(|l| l.split(',').take(2).collect::<Vec<_>>().join(",") + "\n"),
        )
        .collect();
    std::fs::write(&file, &names).unwrap();
    let (code, _, err) = run(&db, &["import", "partners", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 new, 0 changed"), "{err}");
    assert_eq!(export(&db), after);
}

#[test]
fn bad_partner_rows_are_named_by_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    assert_eq!(run(&db, &["demo", "--staff", "20"]).0, 0);
    let before = export(&db);
    let file = dir.path().join("bad.csv");
    let csv = "\
nama,jenis,kontak_nama,kontak_telepon,kontak_email,kompetensi,jenis_perjanjian,nomor_perjanjian,mulai,selesai,ruang_lingkup
PT Baru Sejahtera,Swasta,Ani,0812,ani@x.example,,PKS,1/2026,2026-01-01,2026-12-31,Pelatihan
PT Baru Sejahtera,Swasta,Ani,0899,ani@x.example,,MoU,2/2026,2026-01-01,2026-12-31,Pelatihan
CV Lain,Koperasi,,,,,,,,,
CV Ketiga,Swasta,,,,Tidak Ada Di Katalog,,,,,
CV Keempat,Swasta,,,,,PKS,4/2026,2026-12-31,2026-01-01,
CV Kelima,Swasta,,,,,SK,,2026-01-01,,
";
    std::fs::write(&file, csv).unwrap();
    let (code, _, err) = run(&db, &["import", "partners", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for (line, words) in [
        (3, "kontak_telepon differ(s) from line 2"),
        (4, "jenis \"Koperasi\""),
        (5, "not in the catalogue"),
        (6, "selesai 2026-01-01 is before mulai 2026-12-31"),
        (7, "jenis_perjanjian \"SK\""),
        (7, "nomor_perjanjian is empty"),
        (7, "selesai is empty"),
    ] {
        assert!(
            err.contains(&format!("bad.csv:{line}: ")) && err.contains(words),
            "line {line} {words:?}: {err}"
        );
    }
    assert!(err.contains("nothing was written"), "{err}");
    // Rows are counted as rows (6 in the file), and --skip-invalid is said to keep whole
    // partners: none here is without a bad row.
    assert!(err.contains("5 bad row(s) of 6"), "{err}");
    assert!(
        err.contains("import the 0 partner(s) without a bad row"),
        "{err}"
    );
    assert_eq!(export(&db), before);

    // --skip-invalid: PT Baru Sejahtera had a bad row, so it is skipped whole too.
    let (code, _, err) = run(
        &db,
        &[
            "import",
            "partners",
            file.to_str().unwrap(),
            "--skip-invalid",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("nothing to change"), "{err}");
    assert_eq!(export(&db), before);
}

fn pks(nomor: &str, mulai: jiff::civil::Date, selesai: jiff::civil::Date) -> Agreement {
    Agreement {
        kind: AgreementKind::Pks,
        nomor: nomor.into(),
        mulai,
        selesai,
        ruang_lingkup: "Pelatihan digital".into(),
    }
}

#[test]
fn a_training_after_the_agreement_ended_is_flagged_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store.save_unit(&unit(), "t").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&staff(nip), "t").unwrap();
    // The training (14-15 March 2025) makes the partner known, without agreements.
    store
        .save_training(nip, &training("Bimtek Literasi Digital", 8), "t")
        .unwrap();
    let later = kinerja::domain::Training {
        judul: "Bimtek Arsip Digital".into(),
        mulai: date(2025, 9, 1),
        selesai: date(2025, 9, 2),
        ..training("", 8)
    };
    store.save_training(nip, &later, "t").unwrap();
    let today = date(2025, 12, 1);
    let rows = kinerja::views::partners::partner_rows(&store, 2025, today).unwrap();
    let row = rows
        .iter()
        .find(|r| r.partner.name == "PT Solusi Digital Pesisir")
        .unwrap();
    assert_eq!(row.held.len(), 2);
    assert_eq!(
        row.flagged().count(),
        0,
        "no agreement recorded: nothing flagged"
    );

    // A PKS for the first half of 2025: the September training is outside it.
    let mut p = store.partner("pt-solusi-digital-pesisir").unwrap().unwrap();
    assert_eq!(p.revision, 0);
    p.agreements = vec![pks("PKS/1/2025", date(2025, 1, 1), date(2025, 6, 30))];
    p.contact.telepon = "0812 1111".into();
    let saved = store.save_partner(&p, "siti").unwrap();
    assert_eq!(saved.revision, 1);
    let rows = kinerja::views::partners::partner_rows(&store, 2025, today).unwrap();
    let row = rows
        .iter()
        .find(|r| r.partner.id == "pt-solusi-digital-pesisir")
        .unwrap();
    let flagged: Vec<&str> = row.flagged().map(|h| h.judul.as_str()).collect();
    assert_eq!(flagged, ["Bimtek Arsip Digital"]);
    assert_eq!(row.in_force, 0);

    // The audit entry says what changed.
    let audit = store
        .audit_of("partners/pt-solusi-digital-pesisir")
        .unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.actor, "siti");
    assert!(
        last.summary.contains("kontak_telepon: - -> 0812 1111")
            && last
                .summary
                .contains("perjanjian + PKS PKS/1/2025 (2025-01-01..2025-06-30)"),
        "{}",
        last.summary
    );

    // A save from a copy opened before that one is refused as stale.
    let err = store.save_partner(&p, "budi").unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err:?}");

    // Renewed through December with no gap day: nothing flagged any more, one in force.
    let mut renewed = saved.clone();
    renewed
        .agreements
        .push(pks("PKS/2/2025", date(2025, 7, 1), date(2025, 12, 31)));
    store.save_partner(&renewed, "siti").unwrap();
    let rows = kinerja::views::partners::partner_rows(&store, 2025, today).unwrap();
    let row = rows
        .iter()
        .find(|r| r.partner.id == "pt-solusi-digital-pesisir")
        .unwrap();
    assert_eq!(row.flagged().count(), 0);
    assert_eq!((row.in_force, row.expiring), (1, 1), "ends within 3 months");

    // An unknown competency is refused; saving the same again writes nothing.
    let mut bad = store.partner("pt-solusi-digital-pesisir").unwrap().unwrap();
    let same = store.save_partner(&bad, "siti").unwrap();
    assert_eq!(same.revision, bad.revision);
    assert_eq!(
        store
            .audit_of("partners/pt-solusi-digital-pesisir")
            .unwrap()
            .len(),
        2
    );
    bad.competencies = vec!["tidak-ada".into()];
    assert!(matches!(
        store.save_partner(&bad, "siti"),
        Err(StoreError::NotFound { .. })
    ));
    // A government body never flags.
    let gov = Partner {
        agreements: vec![pks("X", date(2020, 1, 1), date(2020, 1, 2))],
        ..Partner::new("Dinas Kesehatan Kota Medan", OrganiserKind::Pemerintah)
    };
    assert!(!gov.outside_agreement(date(2025, 9, 1), date(2025, 9, 2)));
    drop(store);
    // `check` reads the new record version.
    let (code, out, err) = run(&dir.path().join("db"), &["check"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn check_reports_a_partner_naming_a_competency_not_in_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    {
        let store = Store::open(&db).unwrap();
        let mut w = kinerja::store::bulk::BulkWriter::new(&store);
        let p = Partner {
            competencies: vec!["tidak-ada".into()],
            ..Partner::new("PT Baru", OrganiserKind::Swasta)
        };
        w.put_partner(&p).unwrap();
        w.finish("t", kinerja::store::AuditAction::Import, "test")
            .unwrap();
        store.close().unwrap();
    }
    let (code, out, err) = run(&db, &["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("names competency \"tidak-ada\""),
        "{out}{err}"
    );
}
