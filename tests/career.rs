//! Career histories in the store (issue 21): the record follows the newest entry in one
//! transaction, a change on the record becomes a dated entry, saves are audited and
//! revision-checked, an older database reads each person's history from their record, and
//! `check` finds a history that disagrees with its record.

mod common;

use common::{staff, unit};
use jiff::civil::date;
use kinerja::domain::{
    Career, CareerEntry, CareerKind, CareerValue, Golongan, Jabatan, JenisJabatan, Unit, UnitKind,
};
use kinerja::store::{Store, StoreError};

const NIP: &str = "198503302010012002";

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    store.save_unit(&unit(), "tester").expect("unit");
    store
        .save_unit(
            &Unit::new("Puskesmas Sicanang", UnitKind::Kesehatan, None),
            "tester",
        )
        .expect("unit");
    store.save_staff(&staff(NIP), "tester").expect("staff");
    (dir, store)
}

fn rank(g: &str) -> CareerValue {
    CareerValue::Pangkat(Golongan::parse(g, false).expect("rank"))
}

#[test]
fn a_record_without_a_stored_history_has_the_one_it_implies() {
    let (_d, store) = open();
    assert_eq!(store.stored_career(NIP).unwrap(), None);
    let career = store.career_of(NIP).unwrap().expect("staff");
    assert_eq!(career.revision, 0);
    assert_eq!(career.entries.len(), 3);
    // III/c is not an S-2's entry rank (III/b): when it began is not known.
    assert_eq!(career.tmt_golongan(), None);
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn saving_the_newest_entry_changes_the_record_in_the_same_save() {
    let (_d, store) = open();
    let before = store.get_staff(NIP).unwrap().unwrap();
    let (career, saved) = store
        .save_career_entry(
            NIP,
            &CareerEntry {
                id: 0,
                tmt: Some(date(2024, 4, 1)),
                value: rank("III/d"),
                nomor_sk: "823/1/2024".into(),
            },
            0,
            "siti",
        )
        .unwrap();
    assert_eq!(career.revision, 1);
    assert_eq!(saved.golongan.to_string(), "III/d");
    assert_eq!(saved.revision, before.revision + 1);
    assert_eq!(store.get_staff(NIP).unwrap().unwrap(), saved);
    let summary = store.summary(NIP).unwrap().unwrap();
    assert_eq!(summary.golongan.to_string(), "III/d");
    assert_eq!(summary.tmt_golongan, Some(date(2024, 4, 1)));
    // An older entry does not change the record.
    let (_, same) = store
        .save_career_entry(
            NIP,
            &CareerEntry::new(Some(date(2016, 4, 1)), rank("III/b")),
            1,
            "siti",
        )
        .unwrap();
    assert_eq!(same.golongan.to_string(), "III/d");
    assert_eq!(same.revision, saved.revision);
    // A stale history is refused and nothing changes.
    let err = store
        .save_career_entry(
            NIP,
            &CareerEntry::new(Some(date(2025, 4, 1)), rank("IV/a")),
            1,
            "siti",
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    assert_eq!(
        store.get_staff(NIP).unwrap().unwrap().golongan.to_string(),
        "III/d"
    );
    // Audited under the person, and in their history.
    let audit = store.audit_of(&format!("career/{NIP}")).unwrap();
    assert_eq!(audit.len(), 2);
    assert!(
        audit[0]
            .summary
            .contains("+ pangkat III/d 2024-04-01 (SK 823/1/2024)")
            && audit[0].summary.contains("golongan: III/c -> III/d"),
        "{}",
        audit[0].summary
    );
    assert!(
        store
            .history_of_person(NIP)
            .unwrap()
            .iter()
            .any(|e| e.record == format!("career/{NIP}"))
    );
    assert!(
        store.check().unwrap().is_sound(),
        "{:?}",
        store.check().unwrap().damage
    );
}

#[test]
fn a_move_entered_in_the_history_moves_the_record_and_its_index() {
    let (_d, store) = open();
    let (_, saved) = store
        .save_career_entry(
            NIP,
            &CareerEntry::new(
                Some(date(2025, 7, 1)),
                CareerValue::Unit("puskesmas-sicanang".into()),
            ),
            0,
            "siti",
        )
        .unwrap();
    assert_eq!(saved.unit_id, "puskesmas-sicanang");
    assert_eq!(
        store.nips_of_unit("puskesmas-sicanang").unwrap(),
        vec![NIP.to_string()]
    );
    assert!(store.nips_of_unit(&unit().id).unwrap().is_empty());
    let summary = store.summary(NIP).unwrap().unwrap();
    assert_eq!(summary.unit_in(2024), unit().id);
    assert_eq!(summary.unit_in(2025), "puskesmas-sicanang");
    // An unknown unit is refused.
    let err = store
        .save_career_entry(
            NIP,
            &CareerEntry::new(Some(date(2026, 1, 1)), CareerValue::Unit("nowhere".into())),
            1,
            "siti",
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn a_change_on_the_record_becomes_an_entry_dated_that_day() {
    let (_d, store) = open();
    let mut s = store.get_staff(NIP).unwrap().unwrap();
    s.unit_id = "puskesmas-sicanang".into();
    s.jabatan = Jabatan {
        nama: "Dokter".into(),
        jenis: JenisJabatan::AhliMadya,
    };
    store.save_staff_on(&s, date(2026, 3, 2), "siti").unwrap();
    let career = store.stored_career(NIP).unwrap().expect("stored now");
    assert_eq!(career.revision, 1);
    assert_eq!(career.of_kind(CareerKind::Unit).count(), 2);
    assert_eq!(
        career.latest(CareerKind::Unit).unwrap().tmt,
        Some(date(2026, 3, 2))
    );
    assert_eq!(
        career.latest(CareerKind::Jabatan).unwrap().value,
        CareerValue::Jabatan(s.jabatan.clone())
    );
    // The past stays in the old unit.
    let summary = store.summary(NIP).unwrap().unwrap();
    assert_eq!(summary.unit_in(2025), unit().id);
    assert_eq!(summary.unit_in(2026), "puskesmas-sicanang");
    // A name-only change leaves the history alone.
    let mut renamed = store.get_staff(NIP).unwrap().unwrap();
    renamed.nama = "Rina Siregar Pohan".into();
    store
        .save_staff_on(&renamed, date(2026, 3, 3), "siti")
        .unwrap();
    assert_eq!(store.stored_career(NIP).unwrap().unwrap().revision, 1);
    assert!(store.check().unwrap().is_sound());
}

#[test]
fn deleting_an_entry_brings_back_the_one_before_and_keeps_the_last() {
    let (_d, store) = open();
    let (career, _) = store
        .save_career_entry(
            NIP,
            &CareerEntry::new(Some(date(2024, 4, 1)), rank("III/d")),
            0,
            "siti",
        )
        .unwrap();
    let newest = career.latest(CareerKind::Pangkat).unwrap().id;
    let (career, saved) = store
        .delete_career_entry(NIP, newest, career.revision, "siti")
        .unwrap();
    assert_eq!(saved.golongan.to_string(), "III/c");
    let only = career.latest(CareerKind::Pangkat).unwrap().id;
    let err = store
        .delete_career_entry(NIP, only, career.revision, "siti")
        .unwrap_err();
    assert!(err.to_string().contains("last pangkat"), "{err}");
}

#[test]
fn an_invalid_history_is_refused_with_its_reason() {
    let (_d, store) = open();
    // A PPPK golongan for a PNS.
    let err = store
        .save_career_entry(
            NIP,
            &CareerEntry::new(
                Some(date(2020, 1, 1)),
                CareerValue::Pangkat(Golongan::Pppk(9)),
            ),
            0,
            "siti",
        )
        .unwrap_err();
    assert!(err.to_string().contains("does not fit"), "{err}");
    // A second unknown TMT.
    let err = store
        .save_career_entry(NIP, &CareerEntry::new(None, rank("III/b")), 0, "siti")
        .unwrap_err();
    assert!(err.to_string().contains("no TMT"), "{err}");
    assert_eq!(store.stored_career(NIP).unwrap(), None);
}

#[test]
fn check_finds_a_history_that_disagrees_with_its_record() {
    let (_d, store) = open();
    let mut w = kinerja::store::bulk::BulkWriter::new(&store);
    let mut career = Career::implied(&store.get_staff(NIP).unwrap().unwrap());
    career
        .put(CareerEntry::new(Some(date(2024, 4, 1)), rank("IV/a")))
        .unwrap();
    w.put_career(NIP, &career).unwrap();
    w.finish("tester", kinerja::store::AuditAction::Import, "test")
        .unwrap();
    let report = store.check().unwrap();
    assert!(
        report
            .damage
            .iter()
            .any(|d| d.tree == "career" && d.problem.contains("newest entries")),
        "{:?}",
        report.damage
    );
}

/// A small kecamatan (issue 21): Kelurahan Belawan I under Kecamatan Medan Belawan, a
/// puskesmas without a parent. Ani moved from the puskesmas to the kelurahan on 1 July
/// 2024; the kelurahan's lurah changed from Gani to Hadi on 2 January 2025.
mod past_years {
    use super::*;
    use common::evaluation;
    use kinerja::domain::{
        JpTargets, Nip, Period, PeriodKind, Predikat, Rating, Staff, UnitRating,
    };
    use kinerja::views::report::{UnitReport, unit_report};

    const ANI: &str = "199001012015022001";
    const GANI: &str = "197505052000031002";
    const HADI: &str = "198002022005011003";

    fn person(nip: &str, unit: &str) -> Staff {
        Staff {
            nip: Nip::parse(nip).unwrap(),
            unit_id: unit.into(),
            nama: format!("Pegawai {nip}"),
            ..staff(NIP)
        }
    }

    fn office() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let kec = Unit::new("Kecamatan Medan Belawan", UnitKind::Pemerintahan, None);
        let mut kel = Unit::new(
            "Kelurahan Belawan I",
            UnitKind::Pemerintahan,
            Some(kec.id.clone()),
        );
        kel.head = Some(Nip::parse(GANI).unwrap());
        kel.set_head(Some(Nip::parse(HADI).unwrap()), date(2025, 1, 2));
        kel.ratings.insert(2025, UnitRating::Baik);
        kel.period_ratings
            .insert((2025, PeriodKind::Triwulan(2)), UnitRating::Istimewa);
        store.save_unit(&kec, "t").unwrap();
        store.save_unit(&kel, "t").unwrap();
        store.save_unit(&unit(), "t").unwrap();
        for (nip, u) in [
            (ANI, unit().id),
            (GANI, kel.id.clone()),
            (HADI, kel.id.clone()),
        ] {
            store.save_staff(&person(nip, &u), "t").unwrap();
        }
        store
            .save_career_entry(
                ANI,
                &CareerEntry::new(Some(date(2024, 7, 1)), CareerValue::Unit(kel.id.clone())),
                0,
                "t",
            )
            .unwrap();
        let annual = |y| evaluation(y, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
        for nip in [ANI, GANI, HADI] {
            for y in [2023, 2024, 2025] {
                store.save_evaluation(nip, &annual(y), "t").unwrap();
            }
        }
        // The second quarter of 2025: Ani Sangat Baik, the lurah Baik.
        store
            .save_evaluation(
                ANI,
                &evaluation(
                    2025,
                    PeriodKind::Triwulan(2),
                    Rating::DiAtas,
                    Rating::DiAtas,
                ),
                "t",
            )
            .unwrap();
        store
            .save_evaluation(
                HADI,
                &evaluation(
                    2025,
                    PeriodKind::Triwulan(2),
                    Rating::Sesuai,
                    Rating::Sesuai,
                ),
                "t",
            )
            .unwrap();
        (dir, store)
    }

    fn row<'a>(rows: &'a [UnitReport], id: &str) -> &'a UnitReport {
        rows.iter()
            .find(|r| r.unit_id == id)
            .expect("a row per unit")
    }

    #[test]
    fn a_moved_person_counts_in_the_unit_of_each_year() {
        let (_d, store) = office();
        let today = date(2026, 3, 1);
        let targets = JpTargets::default();
        // The kelurahan also counts the member of its staff who is not its head that year.
        for (year, puskesmas, kelurahan) in [(2023, 1, 1), (2024, 0, 2), (2025, 0, 2)] {
            let rows = unit_report(&store, year, &targets, today).unwrap();
            assert_eq!(
                row(&rows, &unit().id).counts.total(),
                puskesmas,
                "{year} puskesmas"
            );
            assert_eq!(
                row(&rows, "kelurahan-belawan-i").counts.total(),
                kelurahan,
                "{year} kelurahan"
            );
            assert_eq!(row(&rows, &unit().id).staff, puskesmas, "{year}");
        }
    }

    #[test]
    fn the_head_of_each_year_counts_in_the_parent_unit_not_in_none() {
        let (_d, store) = office();
        let today = date(2026, 3, 1);
        let targets = JpTargets::default();
        // 2024: Gani was the lurah; Hadi a member of the kelurahan's staff.
        let rows = unit_report(&store, 2024, &targets, today).unwrap();
        let kel = row(&rows, "kelurahan-belawan-i");
        assert_eq!(kel.head_predikat, Some(Predikat::Baik));
        assert_eq!(kel.counts.total(), 2, "Ani and Hadi, not Gani");
        assert_eq!(kel.parent.as_deref(), Some("kecamatan-medan-belawan"));
        assert_eq!(
            row(&rows, "kecamatan-medan-belawan").counts.total(),
            1,
            "the lurah in the kecamatan's"
        );
        // 2025: Hadi is the lurah; Gani a member.
        let rows = unit_report(&store, 2025, &targets, today).unwrap();
        assert_eq!(row(&rows, "kelurahan-belawan-i").counts.total(), 2);
        assert_eq!(row(&rows, "kecamatan-medan-belawan").counts.total(), 1);
    }

    #[test]
    fn a_rated_period_is_checked_with_that_periods_predikat() {
        let (_d, store) = office();
        let rows = unit_report(&store, 2025, &JpTargets::default(), date(2026, 3, 1)).unwrap();
        let kel = row(&rows, "kelurahan-belawan-i");
        assert_eq!(kel.periods.len(), 1);
        let q2 = &kel.periods[0];
        assert_eq!(
            q2.period,
            Period::new(2025, PeriodKind::Triwulan(2)).unwrap()
        );
        // Ani's Sangat Baik counts; the lurah's Baik goes to the kecamatan.
        assert_eq!(q2.counts.total(), 1);
        assert_eq!(q2.counts.get(Predikat::SangatBaik), 1);
        // Istimewa allows at most 70% Sangat Baik: one of one is checked and breaks it.
        assert_eq!(
            q2.breaches,
            vec![kinerja::domain::Breach::AboveMax(Predikat::SangatBaik, 70)]
        );
        // No rating for other periods: nothing else checked.
        assert!(row(&rows, &unit().id).periods.is_empty());
    }

    #[test]
    fn the_talent_view_of_a_past_year_puts_a_moved_person_in_that_years_unit() {
        let (_d, store) = office();
        let all = |_: &str| true;
        let t = kinerja::views::talent::talent_data(&store, 2023, Some(unit().id), &all).unwrap();
        assert_eq!(t.people.len(), 1, "Ani was in the puskesmas in 2023");
        assert_eq!(&*t.people[0].unit_id, unit().id);
        let t = kinerja::views::talent::talent_data(&store, 2025, Some(unit().id), &all).unwrap();
        assert!(t.people.is_empty(), "and no longer in 2025");
    }

    /// Issue 21: the printed unit report of a past year reads that year's units and heads,
    /// as Laporan does: the same counts, head, staff and JP, and the moved person listed
    /// in the unit of each year.
    #[test]
    fn the_printed_unit_report_of_a_past_year_uses_that_years_units_and_heads() {
        use kinerja::views::documents::unit_document;
        let (_d, store) = office();
        let targets = JpTargets::default();
        let today = date(2026, 3, 1);
        let units = [
            unit().id,
            "kelurahan-belawan-i".to_string(),
            "kecamatan-medan-belawan".to_string(),
        ];
        for year in [2023, 2024, 2025] {
            let rows = unit_report(&store, year, &targets, today).unwrap();
            for id in &units {
                let doc = unit_document(&store, id, Period::annual(year), &targets)
                    .unwrap()
                    .unwrap();
                let r = row(&rows, id);
                assert_eq!(doc.counts, r.counts, "{year} {id}");
                assert_eq!(doc.head.as_ref().and_then(|h| h.1), r.head_predikat);
                assert_eq!(doc.jp_reached(), (r.reached, r.staff), "{year} {id}");
            }
        }
        let listed = |year: i16, id: &str| -> Vec<String> {
            unit_document(&store, id, Period::annual(year), &targets)
                .unwrap()
                .unwrap()
                .members
                .iter()
                .map(|m| m.nip.as_str().to_string())
                .collect()
        };
        // Ani: the puskesmas's in 2023, the kelurahan's from 2024 (moved 1 July 2024).
        assert_eq!(listed(2023, &unit().id), vec![ANI.to_string()]);
        assert!(listed(2024, &unit().id).is_empty());
        assert!(listed(2024, "kelurahan-belawan-i").contains(&ANI.to_string()));
        assert!(!listed(2023, "kelurahan-belawan-i").contains(&ANI.to_string()));
        // The head printed is the one of the year: Gani in 2024, Hadi in 2025.
        let head = |year: i16| {
            unit_document(
                &store,
                "kelurahan-belawan-i",
                Period::annual(year),
                &targets,
            )
            .unwrap()
            .unwrap()
            .head
            .map(|(p, _)| p.nip.map(|n| n.as_str().to_string()))
        };
        assert_eq!(head(2024), Some(Some(GANI.to_string())));
        assert_eq!(head(2025), Some(Some(HADI.to_string())));
        // The kecamatan's 2024 count is its lurah's (Gani, Baik).
        let kec = unit_document(
            &store,
            "kecamatan-medan-belawan",
            Period::annual(2024),
            &targets,
        )
        .unwrap()
        .unwrap();
        assert_eq!(kec.counts.total(), 1);
        assert!(kec.members.is_empty());
        // ... and the printed list names him with the unit he heads.
        assert_eq!(kec.heads_below.len(), 1);
        assert_eq!(kec.heads_below[0].nip.as_str(), GANI);
        assert!(
            kec.heads_below[0]
                .nama
                .ends_with("(pimpinan Kelurahan Belawan I)"),
            "{}",
            kec.heads_below[0].nama
        );
    }
}

/// Issue 21: a pustu is part of its puskesmas (no capaian of its own). Laporan has no row
/// for it; its people, and its kepala, count in the puskesmas's row, and the printed unit
/// report of the puskesmas lists them.
#[test]
fn a_pustu_is_counted_in_its_puskesmas_row_not_a_row_of_its_own() {
    use common::evaluation;
    use kinerja::domain::{JpTargets, Nip, Period, PeriodKind, Predikat, Rating, UnitRating};
    use kinerja::views::report::unit_report;
    const IN_PUSKESMAS: &str = "199001012015022001";
    const IN_PUSTU: &str = "198002022005011003";
    const KEPALA_PUSTU: &str = "197505052000031002";
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let mut pkm = unit();
    pkm.ratings.insert(2025, UnitRating::Baik);
    let mut pustu = Unit::new("Pustu Bahari", UnitKind::Kesehatan, Some(pkm.id.clone()));
    pustu.head = Some(Nip::parse(KEPALA_PUSTU).unwrap());
    // A rating stored for the pustu (an older database) is not a row either.
    pustu.ratings.insert(2025, UnitRating::Istimewa);
    store.save_unit(&pkm, "t").unwrap();
    store.save_unit(&pustu, "t").unwrap();
    for (nip, u, rating) in [
        (IN_PUSKESMAS, &pkm.id, Rating::Sesuai),
        (IN_PUSTU, &pustu.id, Rating::DiAtas),
        (KEPALA_PUSTU, &pustu.id, Rating::Sesuai),
    ] {
        let mut s = staff(nip);
        s.unit_id = u.clone();
        store.save_staff(&s, "t").unwrap();
        store
            .save_evaluation(
                nip,
                &evaluation(2025, PeriodKind::Tahunan, rating, rating),
                "t",
            )
            .unwrap();
    }
    let targets = JpTargets::default();
    let rows = unit_report(&store, 2025, &targets, date(2026, 3, 1)).unwrap();
    assert!(rows.iter().all(|r| r.unit_id != pustu.id), "{rows:?}");
    let row = rows.iter().find(|r| r.unit_id == pkm.id).unwrap();
    assert_eq!(row.staff, 3);
    assert_eq!(row.counts.total(), 3);
    assert_eq!(row.counts.get(Predikat::SangatBaik), 1);
    // The printed report of the puskesmas counts and lists the same.
    let doc =
        kinerja::views::documents::unit_document(&store, &pkm.id, Period::annual(2025), &targets)
            .unwrap()
            .unwrap();
    assert_eq!(doc.counts, row.counts);
    assert_eq!(doc.members.len(), 3);
    assert!(doc.heads_below.is_empty(), "the kepala pustu is a member");
    assert_eq!(doc.jp_reached(), (row.reached, row.staff));
}

#[test]
fn a_pustu_is_told_by_its_name_and_parent() {
    let pkm = unit();
    let pustu = |name: &str, parent: bool| {
        Unit::new(name, UnitKind::Kesehatan, parent.then(|| pkm.id.clone())).is_pustu()
    };
    assert!(pustu("Pustu Bahari", true));
    assert!(pustu("Puskesmas Pembantu Bagan Deli", true));
    assert!(
        !pustu("Pustu Bahari", false),
        "without a puskesmas above it"
    );
    assert!(!pustu("Puskesmas Sicanang", true));
    let units = vec![
        pkm.clone(),
        Unit::new("Pustu Bahari", UnitKind::Kesehatan, Some(pkm.id.clone())),
    ];
    let fold = kinerja::domain::pustu_fold(&units);
    assert_eq!(fold.get("pustu-bahari"), Some(&pkm.id));
    assert_eq!(fold.len(), 1);
}
