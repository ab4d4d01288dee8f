//! Bulk jobs and restores that are cut short, and backups refused for what is inside them:
//! the database is never left looking sound when it is not.

mod common;

use kinerja::store::bulk::BulkWriter;
use kinerja::store::{AuditAction, Store, StoreError, records};

/// One entry of a backup file: tree, key, value.
type Entry = (&'static str, Vec<u8>, Vec<u8>);

/// A backup file in kinerja's format holding `entries` (tree, key, value), with its CRC.
fn backup_file(path: &std::path::Path, entries: &[(&str, Vec<u8>, Vec<u8>)]) {
    let mut out = b"kinerja-backup\n".to_vec();
    out.push(1);
    let mut tree = "";
    for (t, k, v) in entries {
        if *t != tree {
            out.push(b'T');
            out.push(t.len() as u8);
            out.extend_from_slice(t.as_bytes());
            tree = t;
        }
        out.push(b'E');
        out.extend_from_slice(&(k.len() as u32).to_be_bytes());
        out.extend_from_slice(k);
        out.extend_from_slice(&(v.len() as u32).to_be_bytes());
        out.extend_from_slice(v);
    }
    out.push(b'Z');
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_backup_with_a_bad_entry_at_its_end_restores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let unit = common::unit();
    let staff = common::staff("198503302010012002");
    let good = vec![
        (
            "units",
            unit.id.as_bytes().to_vec(),
            records::encode_unit(&unit).unwrap(),
        ),
        (
            "staff",
            staff.nip.as_str().as_bytes().to_vec(),
            records::encode_staff(&staff).unwrap(),
        ),
    ];
    for (what, bad) in [
        (
            "an undecodable value",
            ("trainings", b"1".to_vec(), vec![1, 2, 3]),
        ),
        (
            "an unknown tree",
            ("pelatihan_baru", b"1".to_vec(), vec![1]),
        ),
    ] {
        let file = dir.path().join(format!("{what}.bak"));
        let mut entries = good.clone();
        entries.push(bad);
        backup_file(&file, &entries);
        let db = dir.path().join(format!("db-{}", what.len()));
        let store = Store::open(&db).unwrap();
        let refused = store.restore(&file, "t", false);
        assert!(refused.is_err(), "{what}");
        assert!(
            store.is_empty(),
            "{what}: nothing written before the fault was found"
        );
        assert!(store.iter_staff().next().is_none(), "{what}");
    }
    // The same entries without the bad one restore.
    let file = dir.path().join("good.bak");
    backup_file(&file, &good);
    let store = Store::open(&dir.path().join("db-good")).unwrap();
    store.restore(&file, "t", false).unwrap();
    assert_eq!(store.iter_staff().count(), 1);
}

#[test]
fn an_import_cut_short_gets_its_audit_entry_and_a_note_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    {
        let store = Store::open(&db).unwrap();
        let mut w = BulkWriter::for_job(&store, AuditAction::Import, "siti", "staff pegawai.csv");
        w.put_unit(&common::unit()).unwrap();
        w.put_staff(&common::staff("198503302010012002"), None)
            .unwrap();
        w.commit().unwrap();
        // The process dies here: no finish, no audit entry.
        drop(w);
        store.flush().unwrap();
    }
    let store = Store::open(&db).unwrap();
    let notes = store.open_notes().join("\n");
    assert!(notes.contains("stopped before it finished"), "{notes}");
    assert!(notes.contains("run the same import again"), "{notes}");
    let audit = store.audit_recent(10).unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == AuditAction::Import && a.summary.contains("pegawai.csv")),
        "{audit:?}"
    );
    assert!(store.check().unwrap().damage.is_empty());
    drop(store);
    // Said once: the next open is quiet.
    let store = Store::open(&db).unwrap();
    assert!(store.open_notes().is_empty());
}

#[test]
fn a_restore_cut_short_is_refused_as_damage() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    {
        let store = Store::open(&db).unwrap();
        let mut w = BulkWriter::for_job(&store, AuditAction::Restore, "siti", "from x.bak");
        w.put_unit(&common::unit()).unwrap();
        w.commit().unwrap();
        drop(w);
        store.flush().unwrap();
    }
    match Store::open(&db) {
        Err(StoreError::Damaged { detail, .. }) => {
            assert!(detail.contains("restore"), "{detail}")
        }
        Err(other) => panic!("expected damage, got {other}"),
        Ok(_) => panic!("a partial restore opened as sound"),
    }
}

fn kinerja(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("kinerja runs")
}

#[test]
fn compact_keeps_every_record_and_says_so_in_the_audit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    assert!(kinerja(&db, &["demo", "--staff", "120"]).status.success());
    let exports = |db: &std::path::Path| -> Vec<Vec<u8>> {
        ["staff", "evaluations", "trainings"]
            .iter()
            .map(|k| kinerja(db, &["export", k]).stdout)
            .collect()
    };
    let before = exports(&db);
    assert!(before.iter().all(|e| e.len() > 1000));
    // A leftover of an earlier compact cut short is said on open, then removed by compact.
    let leftover = dir.path().join("db.compact-new");
    std::fs::create_dir(&leftover).unwrap();
    std::fs::write(leftover.join("db"), b"half a copy").unwrap();
    let out = kinerja(&db, &["compact"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("cut short"), "{err}");
    assert!(err.contains("entries copied"), "{err}");
    assert!(!leftover.exists());
    assert_eq!(exports(&db), before);
    let store = Store::open(&db).unwrap();
    assert!(store.open_notes().is_empty(), "{:?}", store.open_notes());
    assert!(store.check().unwrap().damage.is_empty());
    let audit = store.audit_recent(3).unwrap();
    assert_eq!(audit[0].action, AuditAction::Compact, "{audit:?}");
    // Modes are kept private.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn compact_refuses_a_missing_database_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none");
    let out = kinerja(&db, &["compact"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!db.exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no database"));
}

/// Crafted backups (issue 24), each with a valid checksum: every one is refused by
/// `kinerja restore` with exit 1, names the entry at fault, and writes nothing. Before,
/// a damaged `potentials` or `officers` value restored with exit 0, and a file with only
/// `meta`, or with no trees, restored as an empty database.
#[test]
fn crafted_backups_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let unit = common::unit();
    let nip = "198503302010012002";
    let staff = common::staff(nip);
    let good = vec![
        (
            "meta",
            b"schema".to_vec(),
            kinerja::store::SCHEMA_VERSION.to_be_bytes().to_vec(),
        ),
        (
            "units",
            unit.id.as_bytes().to_vec(),
            records::encode_unit(&unit).unwrap(),
        ),
        (
            "staff",
            nip.as_bytes().to_vec(),
            records::encode_staff(&staff).unwrap(),
        ),
    ];
    let with = |extra: (&'static str, Vec<u8>, Vec<u8>)| {
        let mut e = good.clone();
        e.push(extra);
        e
    };
    let cases: Vec<(&str, Vec<Entry>, &str)> = vec![
        (
            "a damaged potentials value",
            with(("potentials", nip.as_bytes().to_vec(), vec![1, 2, 3])),
            "potentials/198503302010012002",
        ),
        (
            "a damaged officers value",
            with(("officers", b"siti".to_vec(), vec![1, 2, 3])),
            "officers/siti",
        ),
        (
            "evaluations of nobody",
            with((
                "evaluations",
                b"199001012020121001".to_vec(),
                records::encode_evaluations(&Default::default()).unwrap(),
            )),
            "belongs to no staff record",
        ),
        (
            "a unit under another key, the key an escape sequence",
            with((
                "units",
                b"\x1b]0;x\x07".to_vec(),
                records::encode_unit(&common::unit()).unwrap(),
            )),
            "units/1b5d303b7807: holds unit",
        ),
        ("only meta", good[..1].to_vec(), "no staff records"),
        ("no trees", Vec::new(), "no staff records"),
    ];
    for (what, entries, says) in cases {
        let file = dir.path().join(format!("{}.bak", what.replace(' ', "-")));
        backup_file(&file, &entries);
        let db = dir.path().join(format!("db-{}", what.replace(' ', "-")));
        let out = kinerja(&db, &["restore", file.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(err.contains(says), "{what}: {err}");
        assert!(err.contains("nothing was restored"), "{what}: {err}");
        assert!(!out.stderr.contains(&0x1b), "{what}: raw escape in {err:?}");
        let store = Store::open(&db).unwrap();
        assert!(store.is_empty(), "{what}: nothing written");
        assert!(store.audit_recent(10).unwrap().is_empty(), "{what}");
        assert!(!store.has_officers().unwrap(), "{what}");
        assert_eq!(store.iter_potentials().count(), 0, "{what}");
    }
}

/// An empty database is restored when asked for.
#[test]
fn a_backup_without_staff_restores_with_allow_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("meta.bak");
    backup_file(
        &file,
        &[(
            "meta",
            b"schema".to_vec(),
            kinerja::store::SCHEMA_VERSION.to_be_bytes().to_vec(),
        )],
    );
    let db = dir.path().join("db");
    let out = kinerja(&db, &["restore", "--allow-empty", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open(&db).unwrap();
    assert!(store.is_empty());
    assert!(store.check().unwrap().is_sound());
}
