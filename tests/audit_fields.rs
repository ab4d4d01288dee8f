//! Field-level audit (issue 22): an edit of each record kind writes the fields it changed,
//! `field: old -> new`, under the record, naming the officer; the entry stays bounded.

mod common;

use jiff::civil::date;
use kinerja::domain::*;
use kinerja::store::Store;

const NIP: &str = "198503302010012002";

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store.save_unit(&common::unit(), "t").unwrap();
    store.save_staff(&common::staff(NIP), "t").unwrap();
    (dir, store)
}

/// The newest audit entry of `record`: (actor, summary).
fn last(store: &Store, record: &str) -> (String, String) {
    let all = store.audit_of(record).unwrap();
    let e = all.last().unwrap_or_else(|| panic!("no audit of {record}"));
    (e.actor.clone(), e.summary.clone())
}

#[track_caller]
fn has(summary: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(summary.contains(w), "{w:?} not in {summary:?}");
    }
}

#[test]
fn an_evaluation_edit_names_its_fields_old_to_new() {
    let (_d, store) = open();
    let e = common::evaluation(2024, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    let mut saved = store.save_evaluation(NIP, &e, "siti").unwrap();
    saved.perilaku = Rating::DiAtas;
    saved.catatan = "Sudah ikut Bimtek.".into();
    saved.berakhlak[2].rating = Some(Rating::DiBawah);
    let saved = store.save_evaluation(NIP, &saved, "budi").unwrap();
    let (actor, s) = last(&store, &format!("evaluations/{NIP}/{}", saved.id));
    assert_eq!(actor, "budi");
    has(
        &s,
        &[
            "perilaku: Sesuai Ekspektasi -> Di Atas Ekspektasi",
            "catatan: Disarankan mengikuti Bimtek. -> Sudah ikut Bimtek.",
            "kompeten: - -> Di Bawah Ekspektasi",
        ],
    );
    // Unchanged fields are not named.
    assert!(!s.contains("hasil_kerja"), "{s}");
    store
        .delete_evaluation(NIP, saved.id, saved.revision, "budi")
        .unwrap();
    let (_, s) = last(&store, &format!("evaluations/{NIP}/{}", saved.id));
    has(&s, &["perilaku: Di Atas Ekspektasi -> -"]);
}

#[test]
fn unit_ratings_potensial_staff_and_officers_name_their_fields() {
    let (_d, store) = open();
    let mut unit = common::unit();
    unit.set_rating(Period::annual(2025), Some(UnitRating::Baik));
    store.save_unit(&unit, "ani").unwrap();
    unit.set_rating(Period::annual(2025), Some(UnitRating::Istimewa));
    store.save_unit(&unit, "ani").unwrap();
    let (actor, s) = last(&store, &format!("units/{}", unit.id));
    assert_eq!(actor, "ani");
    has(&s, &["nilai 2025: Baik -> Istimewa"]);

    let today = date(2026, 11, 28);
    let entry = common::potential(2026, Potensial::Menengah);
    let p = store.save_potential(NIP, &entry, 0, today, "ani").unwrap();
    let changed = PotentialEntry {
        potensial: Potensial::Tinggi,
        assessor: "Tim asesor".into(),
        ..entry
    };
    store
        .save_potential(NIP, &changed, p.revision, today, "ani")
        .unwrap();
    let (_, s) = last(&store, &format!("potentials/{NIP}"));
    has(
        &s,
        &[
            "potensial: menengah -> tinggi",
            "penilai: Kepala -> Tim asesor",
        ],
    );

    let mut staff = store.get_staff(NIP).unwrap().unwrap();
    staff.nama = "Rina Siregar Lubis".into();
    store.save_staff(&staff, "ani").unwrap();
    let (_, s) = last(&store, &format!("staff/{NIP}"));
    has(&s, &["nama: Rina Siregar -> Rina Siregar Lubis"]);

    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ani@kantor";
    let officer = Officer {
        name: "budi".into(),
        role: Role::Viewer,
        units: vec![],
        keys: vec![key.into()],
        lang: String::new(),
        revision: 0,
    };
    let saved = store.save_officer(&officer, true, "ani").unwrap();
    let (_, s) = last(&store, "officers/budi");
    has(&s, &["added", "role: - -> viewer", "keys: +SHA256:"]);
    assert!(!s.contains("AAAA"), "a key in the audit: {s}");
    let penilai = Officer {
        role: Role::Penilai,
        units: vec![unit.id.clone()],
        ..saved
    };
    store.save_officer(&penilai, false, "ani").unwrap();
    let (_, s) = last(&store, "officers/budi");
    has(
        &s,
        &["role: viewer -> penilai", "units: +puskesmas-belawan"],
    );
    assert!(!s.contains("keys"), "{s}");
    store.delete_officer("budi", "ani").unwrap();
    let (_, s) = last(&store, "officers/budi");
    has(&s, &["removed", "role: penilai -> -"]);
}

#[test]
fn trainings_coaching_and_competencies_name_their_fields() {
    let (_d, store) = open();
    let t = store
        .save_training(NIP, &common::training("Bimtek SIASN", 16), "ani")
        .unwrap();
    let more = Training {
        jp: 24,
        no_sertifikat: "SDP/2025/00018".into(),
        ..t
    };
    let t = store.save_training(NIP, &more, "ani").unwrap();
    let (_, s) = last(&store, &format!("trainings/{NIP}/{}", t.id));
    has(
        &s,
        &[
            "jp: 16 -> 24",
            "no_sertifikat: SDP/2025/00017 -> SDP/2025/00018",
        ],
    );

    let today = date(2026, 11, 28);
    let c = store
        .save_coaching(NIP, &common::coaching(), today, "ani")
        .unwrap();
    let done = Coaching {
        selesai: Some(date(2026, 11, 20)),
        hasil: "Laporan tepat waktu.".into(),
        ..c
    };
    let c = store.save_coaching(NIP, &done, today, "ani").unwrap();
    let (_, s) = last(&store, &format!("coaching/{NIP}/{}", c.id));
    has(
        &s,
        &[
            "selesai: - -> 2026-11-20",
            "hasil: - -> Laporan tepat waktu.",
        ],
    );

    let mut comp = Competency::new(
        "BTCLS",
        CompetencyKind::Teknis,
        vec![TrainingKind::Bimtek],
        vec!["btcls".into()],
        Some(24),
    );
    store.save_competency(&comp, "ani").unwrap();
    comp.validity_months = Some(36);
    comp.title_words.push("trauma".into());
    store.save_competency(&comp, "ani").unwrap();
    let (_, s) = last(&store, &format!("competencies/{}", comp.id));
    has(&s, &["berlaku_bulan: 24 -> 36", "kata_judul: +trauma"]);
}

#[test]
fn a_huge_edit_stays_bounded() {
    let (_d, store) = open();
    let e = common::evaluation(2024, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    let mut saved = store.save_evaluation(NIP, &e, "t").unwrap();
    for a in &mut saved.berakhlak {
        a.ekspektasi = "panjang ".repeat(400);
        a.umpan_balik = "sekali ".repeat(400);
    }
    saved.catatan = "x".repeat(5000);
    let saved = store.save_evaluation(NIP, &saved, "t").unwrap();
    let (_, s) = last(&store, &format!("evaluations/{NIP}/{}", saved.id));
    assert!(
        s.chars().count() <= 1300,
        "{} characters",
        s.chars().count()
    );
    assert!(s.contains("more field(s)"), "{s}");
}
