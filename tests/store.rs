//! The store: round trips, revisions, one evaluation per period, the audit trail, schema
//! versions, integrity checks, and a decoder that never panics on bad bytes.

mod common;

use common::{evaluation, staff, training, unit};
use kinerja::domain::{PeriodKind, Rating};
use kinerja::store::{AuditAction, Store, StoreError, records};

const NIP: &str = "198503302010012002";

/// sled itself on a database a `Store` just closed: its background thread may hold the
/// file lock for a moment after the close, so wait for it.
fn raw_sled(path: &std::path::Path) -> sled::Db {
    for _ in 0..200 {
        if let Ok(db) = sled::open(path) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("sled could not open {}", path.display());
}
const OTHER: &str = "199001152015031001";

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    store.save_unit(&unit(), "tester").expect("unit");
    (dir, store)
}

#[test]
fn a_saved_staff_record_reads_back_with_revision_one() {
    let (_d, store) = open();
    let saved = store.save_staff(&staff(NIP), "tester").unwrap();
    assert_eq!(saved.revision, 1);
    let back = store.get_staff(NIP).unwrap().unwrap();
    assert_eq!(back, saved);
    assert_eq!(
        store.nips_of_unit(&unit().id).unwrap(),
        vec![NIP.to_string()]
    );
}

#[test]
fn creating_the_same_nip_twice_is_refused() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    let err = store.save_staff(&staff(NIP), "tester").unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
}

#[test]
fn a_stale_save_is_refused_and_the_newer_record_kept() {
    let (_d, store) = open();
    let first = store.save_staff(&staff(NIP), "tester").unwrap();
    let mut a = first.clone();
    a.nama = "Rina Siregar Pohan".into();
    store.save_staff(&a, "officer-a").unwrap();
    let mut b = first.clone();
    b.nama = "Rina Tarigan".into();
    let err = store.save_staff(&b, "officer-b").unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Stale {
                expected: 1,
                found: 2,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("reopen it"));
    assert_eq!(
        store.get_staff(NIP).unwrap().unwrap().nama,
        "Rina Siregar Pohan"
    );
}

#[test]
fn staff_in_an_unknown_unit_is_refused() {
    let (_d, store) = open();
    let mut s = staff(NIP);
    s.unit_id = "nowhere".into();
    assert!(matches!(
        store.save_staff(&s, "tester"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn moving_staff_to_another_unit_moves_the_index_entry() {
    let (_d, store) = open();
    let other = kinerja::domain::Unit::new(
        "SD Negeri 065005",
        kinerja::domain::UnitKind::Pendidikan,
        None,
    );
    store.save_unit(&other, "tester").unwrap();
    let mut s = store.save_staff(&staff(NIP), "tester").unwrap();
    s.unit_id = other.id.clone();
    store.save_staff(&s, "tester").unwrap();
    assert!(store.nips_of_unit(&unit().id).unwrap().is_empty());
    assert_eq!(
        store.nips_of_unit(&other.id).unwrap(),
        vec![NIP.to_string()]
    );
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn control_characters_never_reach_the_store() {
    let (_d, store) = open();
    let mut s = staff(NIP);
    s.nama = "Rina\u{1b}[2J Siregar".into();
    store.save_staff(&s, "tester").unwrap();
    assert_eq!(
        store.get_staff(NIP).unwrap().unwrap().nama,
        "Rina[2J Siregar"
    );
}

#[test]
fn every_save_leaves_an_audit_entry_with_actor_and_fields() {
    let (_d, store) = open();
    let mut s = store.save_staff(&staff(NIP), "siti").unwrap();
    s.golongan = kinerja::domain::Golongan::parse("III/d", false).unwrap();
    store.save_staff(&s, "budi").unwrap();
    let history = store.audit_of(&format!("staff/{NIP}")).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].actor, "siti");
    assert_eq!(history[0].action, AuditAction::Create);
    assert_eq!(history[1].actor, "budi");
    assert_eq!(history[1].action, AuditAction::Update);
    assert_eq!(history[1].summary, "golongan: III/c -> III/d");
}

#[test]
fn one_evaluation_per_period_a_second_names_the_first() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    let e = evaluation(2025, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    let first = store.save_evaluation(NIP, &e, "tester").unwrap();
    assert_eq!((first.id, first.revision), (1, 1));
    let err = store.save_evaluation(NIP, &e, "tester").unwrap_err();
    match err {
        StoreError::DuplicatePeriod { existing, .. } => assert_eq!(existing, first.id),
        other => panic!("expected a duplicate period, got {other}"),
    }
    let q1 = evaluation(
        2025,
        PeriodKind::Triwulan(1),
        Rating::DiAtas,
        Rating::DiAtas,
    );
    let second = store.save_evaluation(NIP, &q1, "tester").unwrap();
    assert_eq!(second.id, 2);
    // Listed as a timeline: the quarter before the annual evaluation.
    let ids: Vec<u32> = store
        .evaluations_of(NIP)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, vec![2, 1]);
}

#[test]
fn an_evaluation_update_bumps_the_revision_and_a_stale_one_is_refused() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    let e = evaluation(2025, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    let saved = store.save_evaluation(NIP, &e, "tester").unwrap();
    let mut changed = saved.clone();
    changed.hasil_kerja = Rating::DiAtas;
    let updated = store.save_evaluation(NIP, &changed, "tester").unwrap();
    assert_eq!(updated.revision, 2);
    let err = store.save_evaluation(NIP, &saved, "tester").unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    let err = store
        .delete_evaluation(NIP, saved.id, 1, "tester")
        .unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    store.delete_evaluation(NIP, saved.id, 2, "tester").unwrap();
    assert!(store.evaluations_of(NIP).unwrap().is_empty());
    let history = store
        .audit_of(&format!("evaluations/{NIP}/{}", saved.id))
        .unwrap();
    let actions: Vec<AuditAction> = history.iter().map(|a| a.action).collect();
    assert_eq!(
        actions,
        vec![
            AuditAction::Create,
            AuditAction::Update,
            AuditAction::Delete
        ]
    );
}

#[test]
fn an_evaluator_cannot_evaluate_themself() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    let mut e = evaluation(2025, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    if let Some(p) = e.penilai.as_mut() {
        p.nip = Some(kinerja::domain::Nip::parse(NIP).unwrap());
    }
    assert!(matches!(
        store.save_evaluation(NIP, &e, "tester"),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn evaluations_of_an_unknown_person_are_refused() {
    let (_d, store) = open();
    let e = evaluation(2025, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    assert!(matches!(
        store.save_evaluation(OTHER, &e, "tester"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn a_training_makes_its_organiser_a_known_partner() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    let t = store
        .save_training(NIP, &training("Bimtek e-Kinerja", 8), "tester")
        .unwrap();
    assert_eq!(t.id, 1);
    let partners = store.partners().unwrap();
    assert_eq!(partners.len(), 1);
    assert_eq!(partners[0].name, "PT Solusi Digital Pesisir");
    let mut bad = training("Bimtek e-Kinerja", 8);
    bad.selesai = jiff::civil::date(2025, 3, 1);
    assert!(matches!(
        store.save_training(NIP, &bad, "tester"),
        Err(StoreError::Invalid(_))
    ));
    store
        .delete_training(NIP, t.id, t.revision, "tester")
        .unwrap();
    assert!(store.trainings_of(NIP).unwrap().is_empty());
}

#[test]
fn a_database_from_a_newer_kinerja_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    Store::open(&path).unwrap().close().unwrap();
    {
        let db = raw_sled(&path);
        db.open_tree("meta")
            .unwrap()
            .insert("schema", &99u32.to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    match Store::open(&path) {
        Err(StoreError::NewerSchema {
            found: 99,
            known: kinerja::store::SCHEMA_VERSION,
            ..
        }) => {}
        Err(other) => panic!("expected a newer-schema refusal, got {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
}

#[test]
fn a_second_open_in_the_same_process_is_a_lock_error() {
    let (dir, _store) = open();
    match Store::open(&dir.path().join("db")) {
        Err(e @ StoreError::Locked { .. }) => {
            assert!(
                e.to_string()
                    .contains("already open in another kinerja process")
            );
        }
        Err(other) => panic!("expected a lock error, got {other}"),
        Ok(_) => panic!("opened twice"),
    }
}

#[test]
fn check_reports_undecodable_values_and_broken_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        store.save_unit(&unit(), "tester").unwrap();
        store.save_staff(&staff(NIP), "tester").unwrap();
        store.save_staff(&staff(OTHER), "tester").unwrap();
        assert!(store.check().unwrap().is_sound());
        store.close().unwrap();
    }
    {
        let db = raw_sled(&path);
        db.open_tree("staff")
            .unwrap()
            .insert(NIP, &[1u8, 200, 3][..])
            .unwrap();
        let index = db.open_tree("staff_by_unit").unwrap();
        let mut key = unit().id.into_bytes();
        key.push(0);
        key.extend_from_slice(OTHER.as_bytes());
        index.remove(key).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    let report = store.check().unwrap();
    let damaged: Vec<String> = report
        .damage
        .iter()
        .map(|d| format!("{}/{}", d.tree, d.key))
        .collect();
    assert!(damaged.contains(&format!("staff/{NIP}")), "{damaged:?}");
    assert!(damaged.contains(&format!("staff/{OTHER}")), "{damaged:?}");
    // The damaged record is reported with its key when read, never a panic.
    let err = store.get_staff(NIP).unwrap_err();
    assert!(err.to_string().contains(NIP), "{err}");
    // The rest of the database stays usable.
    assert_eq!(
        store.get_staff(OTHER).unwrap().unwrap().nama,
        "Rina Siregar"
    );
}

/// xorshift: deterministic noise for the decoder.
fn noise(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn decode_all(bytes: &[u8]) {
    let _ = records::decode_staff(bytes);
    let _ = records::decode_unit(bytes);
    let _ = records::decode_partner(bytes);
    let _ = records::decode_evaluations(bytes);
    let _ = records::decode_trainings(bytes);
    let _ = records::decode_audit(bytes);
}

#[test]
fn random_bytes_give_decode_errors_not_panics() {
    let mut seed = 0x1234_5678_9abc_def1u64;
    let mut errors = 0;
    for _ in 0..20_000 {
        let len = (noise(&mut seed) % 64) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| noise(&mut seed) as u8).collect();
        if !bytes.is_empty() {
            bytes[0] = (noise(&mut seed) % 3) as u8; // version 0, 1 or 2
        }
        decode_all(&bytes);
        if records::decode_staff(&bytes).is_err() {
            errors += 1;
        }
    }
    assert!(
        errors > 19_000,
        "only {errors} of 20000 random values were refused"
    );
}

#[test]
fn damaged_copies_of_real_values_give_errors_not_panics() {
    let mut s = staff(NIP);
    s.revision = 3;
    let mut group = records::EvaluationGroup {
        next_id: 2,
        items: vec![],
    };
    let mut e = evaluation(2025, PeriodKind::Tahunan, Rating::DiAtas, Rating::Sesuai);
    e.id = 1;
    group.items.push(e);
    let values = [
        records::encode_staff(&s).unwrap(),
        records::encode_evaluations(&group).unwrap(),
    ];
    let mut seed = 42u64;
    for v in &values {
        for cut in 0..v.len() {
            decode_all(&v[..cut]);
            assert!(records::decode_staff(&v[..cut]).is_err() || cut == v.len());
        }
        for _ in 0..5_000 {
            let mut m = v.clone();
            let i = (noise(&mut seed) as usize) % m.len();
            m[i] ^= 1 << (noise(&mut seed) % 8);
            decode_all(&m);
        }
        let mut longer = v.clone();
        longer.push(0);
        assert!(
            records::decode_staff(&longer).is_err()
                && records::decode_evaluations(&longer).is_err()
        );
    }
}

#[test]
fn the_list_summary_follows_every_save_and_delete() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    let summary = store.summary(NIP).unwrap().unwrap();
    assert_eq!(summary.name, "dr. Rina Siregar, Sp.PD");
    assert_eq!(summary.last, None);
    let e = evaluation(2025, PeriodKind::Tahunan, Rating::DiBawah, Rating::Sesuai);
    let saved = store.save_evaluation(NIP, &e, "tester").unwrap();
    let last = store.summary(NIP).unwrap().unwrap().last.map(|(_, p)| p);
    assert_eq!(last, Some(kinerja::domain::Predikat::ButuhPerbaikan));
    store
        .save_training(NIP, &training("Bimtek e-Kinerja", 8), "tester")
        .unwrap();
    assert_eq!(store.summary(NIP).unwrap().unwrap().jp_in(2025), 8);
    store
        .delete_evaluation(NIP, saved.id, saved.revision, "tester")
        .unwrap();
    assert_eq!(store.summary(NIP).unwrap().unwrap().last, None);
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn summaries_left_behind_by_an_interrupted_bulk_write_are_rebuilt_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        store.save_unit(&unit(), "tester").unwrap();
        store.save_staff(&staff(NIP), "tester").unwrap();
        store.close().unwrap();
    }
    {
        // What a crash in the middle of an import leaves: no marker, a stale summary.
        let db = raw_sled(&path);
        db.open_tree("meta").unwrap().remove("summaries").unwrap();
        db.open_tree("staff_summary").unwrap().remove(NIP).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.summary(NIP).unwrap().unwrap().nip, NIP);
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn a_damaged_record_does_not_keep_the_database_from_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        store.save_unit(&unit(), "tester").unwrap();
        store.save_staff(&staff(NIP), "tester").unwrap();
        store.save_staff(&staff(OTHER), "tester").unwrap();
        store.close().unwrap();
    }
    {
        let db = raw_sled(&path);
        db.open_tree("evaluations")
            .unwrap()
            .insert(NIP, &[1u8, 99, 99][..])
            .unwrap();
        // A rebuild of every summary is due, as after a crash in a bulk write.
        db.open_tree("meta").unwrap().remove("summaries").unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).expect("opens despite the damage");
    assert!(store.summary(OTHER).unwrap().is_some());
    let report = store.check().unwrap();
    assert!(
        report
            .damage
            .iter()
            .any(|d| d.tree == "evaluations" && d.key == NIP),
        "{:?}",
        report.damage
    );
}

#[test]
fn training_counts_per_year_follow_every_save_and_delete() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    store.save_staff(&staff(OTHER), "tester").unwrap();
    let a = store
        .save_training(NIP, &training("Bimtek e-Kinerja", 8), "tester")
        .unwrap();
    store
        .save_training(OTHER, &training("Bimtek e-Kinerja", 8), "tester")
        .unwrap();
    let (held, partners) = store.training_stats(2025).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!((held[0].participants, held[0].jp_total), (2, 16));
    assert_eq!((partners[0].participants, partners[0].jp), (2, 16));
    // Planned instead of done: still a participant, no JP delivered.
    let mut planned = a.clone();
    planned.status = kinerja::domain::TrainingStatus::Rencana;
    let planned = store.save_training(NIP, &planned, "tester").unwrap();
    let (_, partners) = store.training_stats(2025).unwrap();
    assert_eq!((partners[0].participants, partners[0].jp), (2, 8));
    store
        .delete_training(NIP, planned.id, planned.revision, "tester")
        .unwrap();
    let (held, partners) = store.training_stats(2025).unwrap();
    assert_eq!(
        (
            held[0].participants,
            partners[0].participants,
            partners[0].jp
        ),
        (1, 1, 8)
    );
    assert!(store.training_stats(2024).unwrap().0.is_empty());
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn training_counts_do_not_depend_on_the_order_of_saves() {
    let (_d, store) = open();
    store.save_staff(&staff(NIP), "tester").unwrap();
    store.save_staff(&staff(OTHER), "tester").unwrap();
    // The same training (title, organiser, dates) with different JP, saved in NIP order
    // reversed: the kept counts must equal a recount.
    store
        .save_training(OTHER, &training("Bimtek X", 8), "tester")
        .unwrap();
    let first = store
        .save_training(NIP, &training("Bimtek X", 10), "tester")
        .unwrap();
    assert!(store.check().unwrap().is_sound());
    let mut changed = first.clone();
    changed.jp = 12;
    store.save_training(NIP, &changed, "tester").unwrap();
    assert!(store.check().unwrap().is_sound());
    let (held, _) = store.training_stats(2025).unwrap();
    assert_eq!((held[0].participants, held[0].jp_total), (2, 20));
}

#[test]
fn a_bulk_chunk_never_splits_a_staff_record_from_its_index_entry() {
    // A kill between two chunk commits must not leave a `staff_by_unit` entry pointing to
    // no record (the crash campaign found this at a chunk boundary). Fill the chunk so
    // that its last slot falls between the two, then stop without finishing, as a kill
    // would.
    use kinerja::store::bulk::{BulkWriter, CHUNK};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let mut w = BulkWriter::new(&store);
    w.put_unit(&unit()).unwrap();
    for i in 0..CHUNK - 2 {
        let u = kinerja::domain::Unit::new(
            &format!("Unit {i}"),
            kinerja::domain::UnitKind::Lainnya,
            None,
        );
        w.put_unit(&u).unwrap();
    }
    w.put_staff(&staff("198503302010012002"), None).unwrap();
    drop(w);
    store.close().unwrap();
    // Opened again as after a kill: the summaries marked out of date are rebuilt.
    let store = Store::open(&dir.path().join("db")).unwrap();
    let report = store.check().unwrap();
    assert!(report.damage.is_empty(), "{:?}", report.damage);
    assert!(store.get_staff("198503302010012002").unwrap().is_some());
}

/// Issue 13 (AKPK): the competency catalogue and the requirements round trip through the
/// store with audited saves, a requirement must name a catalogued competency, and a
/// backup restores both trees.
#[test]
fn competencies_and_requirements_round_trip_audited_and_through_a_backup() {
    use kinerja::domain::{Competency, CompetencyKind, JenisJabatan, Requirement, TrainingKind};
    let (dir, store) = open();
    let btcls = Competency::new(
        "BTCLS",
        CompetencyKind::Teknis,
        vec![TrainingKind::DiklatTeknis],
        vec!["BTCLS".into(), "PPGD".into()],
        Some(36),
    );
    assert!(store.save_competency(&btcls, "tester").unwrap());
    assert!(
        !store.save_competency(&btcls, "tester").unwrap(),
        "unchanged"
    );
    let by_name = Requirement {
        jabatan: "Perawat".into(),
        jenis: None,
        competency: "btcls".into(),
    };
    let by_jenjang = Requirement {
        jabatan: String::new(),
        jenis: Some(JenisJabatan::Terampil),
        competency: "btcls".into(),
    };
    assert!(store.save_requirement(&by_name, "tester").unwrap());
    assert!(store.save_requirement(&by_jenjang, "tester").unwrap());
    assert!(!store.save_requirement(&by_name, "tester").unwrap());
    let unknown = Requirement {
        competency: "pkp".into(),
        ..by_name.clone()
    };
    assert!(matches!(
        store.save_requirement(&unknown, "tester"),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.competencies().unwrap(), vec![btcls.clone()]);
    assert_eq!(
        store.requirements().unwrap(),
        vec![by_jenjang.clone(), by_name.clone()]
    );
    let audit = store.audit_of("competencies/btcls").unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, AuditAction::Create);
    assert_eq!(store.audit_of("requirements/btcls").unwrap().len(), 3);
    let report = store.check().unwrap();
    assert!(report.is_sound(), "{:?}", report.damage);
    assert_eq!(report.counts.competencies, 1);
    assert_eq!(report.counts.requirements, 2);

    let file = dir.path().join("backup.kbk");
    store.backup(&file).unwrap();
    store.delete_requirement(&by_name, "tester").unwrap();
    assert_eq!(store.requirements().unwrap(), vec![by_jenjang.clone()]);
    let fresh = Store::open(&dir.path().join("restored")).unwrap();
    // A catalogue without staff: restored only when an empty staff list is asked for.
    assert!(fresh.restore(&file, "tester", false).is_err());
    assert!(fresh.is_empty());
    fresh.restore(&file, "tester", true).unwrap();
    assert_eq!(fresh.requirements().unwrap(), vec![by_jenjang, by_name]);
    assert_eq!(fresh.competencies().unwrap(), vec![btcls]);
    assert!(fresh.check().unwrap().is_sound());
}

#[test]
fn an_skp_round_trips_and_a_realisation_is_audited_by_rhk_and_indicator_number() {
    use kinerja::domain::{
        Aspek, Indikator, Intervensi, JenisRhk, Nilai, Period, PersonAtTime, Rhk, Skp,
    };
    let (_dir, store) = open();
    store.save_unit(&unit(), "t").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&staff(nip), "t").unwrap();
    let mut s = Skp::new_year(
        2026,
        PersonAtTime::named("dr. Siti", None),
        PersonAtTime::named("Kepala", None),
    );
    let mut r = Rhk::new(JenisRhk::Utama, "Layanan", Intervensi::None);
    for (aspek, target) in [
        (Aspek::Kuantitas, "1.200 pasien"),
        (Aspek::Waktu, "30 menit"),
    ] {
        r.indikator.push(Indikator {
            id: 0,
            aspek,
            teks: "indikator".into(),
            target: Nilai::parse(target).unwrap(),
            realisasi: Vec::new(),
        });
    }
    s.rhk.push(r);
    let saved = store.save_skp(nip, &s, "t").unwrap();
    assert_eq!((saved.id, saved.revision), (1, 1));
    assert_eq!(store.skp_of(nip).unwrap(), vec![saved.clone()]);
    let second = saved.rhk[0].indikator[1].id;
    let q3 = Period::new(2026, PeriodKind::Triwulan(3)).unwrap();
    let after = store
        .save_realisasi(
            nip,
            saved.id,
            saved.revision,
            second,
            q3,
            Nilai::parse("28 menit"),
            "",
            "t",
        )
        .unwrap();
    assert_eq!(after.revision, 2);
    let history = store.audit_of(&format!("skp/{nip}/1")).unwrap();
    // Named by RHK and indicator number, then the value added (issue 22: old -> new).
    let summary = &history.last().unwrap().summary;
    assert!(
        summary.starts_with("realisasi Triwulan III 2026, RHK 1 IKI 2: realisasi: +")
            && summary.ends_with("Triwulan III 2026: 28 menit"),
        "{summary}"
    );
    // A save from the revision read before is refused: the realisation stays.
    let stale = store.save_realisasi(nip, saved.id, saved.revision, second, q3, None, "", "t");
    assert!(matches!(stale, Err(StoreError::Stale { .. })), "{stale:?}");
    assert_eq!(
        store.skp_of(nip).unwrap()[0].rhk[0].indikator[1].realisasi[0].nilai,
        Nilai::parse("28 menit").unwrap()
    );
    assert!(store.check().unwrap().is_sound());
}
