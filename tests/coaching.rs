//! Coaching that is followed up (issue 12, PermenPANRB 6/2022): the store keeps each
//! person's coaching records grouped under the NIP, audited, with revisions; check, backup
//! and compact include them.

mod common;

use common::{coaching, staff, unit};
use jiff::civil::date;
use kinerja::store::{AuditAction, Store, StoreError};

const NIP: &str = "198503302010012002";
const TODAY: jiff::civil::Date = date(2026, 11, 28);

/// sled itself on a database a `Store` just closed (its thread may hold the lock a moment).
fn raw_sled(path: &std::path::Path) -> sled::Db {
    for _ in 0..200 {
        if let Ok(db) = sled::open(path) {
            return db;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("sled could not open {}", path.display());
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    store.save_unit(&unit(), "tester").expect("unit");
    store.save_staff(&staff(NIP), "tester").expect("staff");
    (dir, store)
}

#[test]
fn a_saved_coaching_reads_back_with_id_and_revision_one_and_is_audited() {
    let (_d, store) = open();
    let saved = store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    assert_eq!((saved.id, saved.revision), (1, 1));
    assert_eq!(store.coaching_of(NIP).unwrap(), vec![saved.clone()]);
    let history = store.audit_of(&format!("coaching/{NIP}/1")).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, AuditAction::Create);
    assert_eq!(
        history[0].summary,
        "2026-11-02 Bimbingan kinerja, tindak lanjut 2026-12-02"
    );
    // It shows in the person's history with the other records.
    assert!(
        store
            .history_of_person(NIP)
            .unwrap()
            .iter()
            .any(|a| a.record == format!("coaching/{NIP}/1"))
    );
}

#[test]
fn closing_a_coaching_raises_its_revision_and_a_stale_save_is_refused() {
    let (_d, store) = open();
    let first = store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    let mut closed = first.clone();
    closed.selesai = Some(date(2026, 11, 27));
    closed.hasil = "Laporan November tepat waktu.".into();
    let saved = store
        .save_coaching(NIP, &closed, TODAY, "officer-a")
        .unwrap();
    assert_eq!(saved.revision, 2);
    // Another officer still holds revision 1: refused, the closed record kept.
    let mut stale = first;
    stale.langkah = "Lain".into();
    let err = store
        .save_coaching(NIP, &stale, TODAY, "officer-b")
        .unwrap_err();
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
    assert_eq!(store.coaching_of(NIP).unwrap(), vec![saved.clone()]);
    // Deleting at an old revision is refused too; at the current one it goes.
    let err = store.delete_coaching(NIP, 1, 1, "tester").unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    store.delete_coaching(NIP, 1, 2, "tester").unwrap();
    assert!(store.coaching_of(NIP).unwrap().is_empty());
    // The next one gets a new id: no id is used twice.
    let again = store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    assert_eq!(again.id, 2);
}

#[test]
fn the_same_date_and_kind_twice_is_refused() {
    let (_d, store) = open();
    store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    let err = store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    let mut counselling = coaching();
    counselling.jenis = kinerja::domain::CoachingKind::Konseling;
    store
        .save_coaching(NIP, &counselling, TODAY, "tester")
        .unwrap();
    assert_eq!(store.coaching_of(NIP).unwrap().len(), 2);
}

#[test]
fn invalid_coaching_and_unknown_people_are_refused() {
    let (_d, store) = open();
    let mut c = coaching();
    c.tindak_lanjut = date(2026, 11, 1);
    let err = store.save_coaching(NIP, &c, TODAY, "tester").unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    let mut c = coaching();
    c.selesai = Some(date(2026, 11, 20));
    let err = store.save_coaching(NIP, &c, TODAY, "tester").unwrap_err();
    assert!(err.to_string().contains("outcome"), "{err}");
    let err = store
        .save_coaching("199001152015031001", &coaching(), TODAY, "tester")
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    assert!(store.coaching_of(NIP).unwrap().is_empty());
}

#[test]
fn check_backup_restore_and_compact_keep_the_coaching_records() {
    let (dir, store) = open();
    store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    let report = store.check().unwrap();
    assert!(report.is_sound(), "{:?}", report.damage);
    assert_eq!(report.counts.coaching, 1);
    assert_eq!(store.counts().unwrap().coaching, 1);
    let file = dir.path().join("all.kinerja");
    store.backup(&file).unwrap();
    let restored = Store::open(&dir.path().join("restored")).unwrap();
    restored.restore(&file, "tester", false).unwrap();
    assert_eq!(
        restored.coaching_of(NIP).unwrap(),
        store.coaching_of(NIP).unwrap()
    );
    drop(restored);
    let before = store.coaching_of(NIP).unwrap();
    store.compact("tester").unwrap();
    let reopened = Store::open(&dir.path().join("db")).unwrap();
    assert_eq!(reopened.coaching_of(NIP).unwrap(), before);
}

#[test]
fn check_reports_coaching_of_nobody() {
    let (dir, store) = open();
    store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    let path = dir.path().join("db");
    store.close().unwrap();
    {
        let db = raw_sled(&path);
        let tree = db.open_tree("coaching").unwrap();
        let value = tree.get(NIP.as_bytes()).unwrap().unwrap();
        tree.insert(b"199001152015031001", value).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    let report = store.check().unwrap();
    assert!(
        report
            .damage
            .iter()
            .any(|d| d.tree == "coaching" && d.problem.contains("no staff")),
        "{:?}",
        report.damage
    );
}

// ------------------------------------------------------------------ the demo

/// Issue 12: "The demo includes ... coaching records (some open, some overdue, some
/// closed)"; and some flagged people have none, so every status shows.
#[test]
fn the_demo_shows_every_coaching_status() {
    use kinerja::domain::{CoachingStatus, follow_up};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    kinerja::demo::fill(&store, 300, 1, TODAY, "demo", &|_| {}).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for s in store.iter_summaries() {
        let s = s.unwrap();
        let since = s
            .last
            .filter(|(_, p)| p.needs_coaching())
            .map(|(period, _)| period.start());
        let items = store.coaching_of(&s.nip).unwrap();
        if since.is_none() {
            assert!(
                items.is_empty(),
                "coaching for someone not flagged: {}",
                s.nip
            );
        }
        if let Some(st) = follow_up(&items, since, TODAY) {
            seen.insert(st);
        }
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        CoachingStatus::ALL.to_vec()
    );
    assert!(store.check().unwrap().is_sound());
}

// ------------------------------------------------------------------ the command line

fn kinerja(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("KINERJA_DB", db.with_extension("default"))
        .output()
        .expect("kinerja runs")
}

#[test]
fn an_export_of_coaching_imports_back_unchanged_into_another_database() {
    let (dir, store) = open();
    let mut closed = coaching();
    closed.tanggal = date(2025, 2, 10);
    closed.tindak_lanjut = date(2025, 3, 10);
    closed.selesai = Some(date(2025, 3, 12));
    closed.hasil = "Membaik,\n\"tepat\" waktu".into();
    closed.pemberi.nip = None;
    store.save_coaching(NIP, &closed, TODAY, "tester").unwrap();
    store
        .save_coaching(NIP, &coaching(), TODAY, "tester")
        .unwrap();
    let db = dir.path().join("db");
    store.close().unwrap();
    let out = kinerja(&db, &["export", "coaching"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "nip,tanggal,jenis,pemberi_nama,pemberi_nip,masalah,langkah,tindak_lanjut,selesai,hasil"
    );
    let only_2025 = kinerja(&db, &["export", "coaching", "--year", "2025"]);
    let only_2025 = String::from_utf8(only_2025.stdout).unwrap();
    assert!(only_2025.contains("2025-02-10") && !only_2025.contains("2026-11-02"));
    let file = dir.path().join("coaching.csv");
    std::fs::write(&file, &csv).unwrap();
    // Into the same database: nothing changes.
    let again = kinerja(&db, &["import", "coaching", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("0 new, 0 updated, 2 unchanged"), "{err}");
    // Into another one with the same staff: the same records.
    let other = dir.path().join("other");
    let staff_csv = dir.path().join("staff.csv");
    let out = kinerja(&db, &["export", "staff", "-o", staff_csv.to_str().unwrap()]);
    assert!(out.status.success());
    let run = kinerja(&other, &["import", "staff", staff_csv.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run = kinerja(&other, &["import", "coaching", file.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let back = kinerja(&other, &["export", "coaching"]);
    assert_eq!(String::from_utf8(back.stdout).unwrap(), csv);
}

#[test]
fn bad_coaching_rows_are_reported_by_line_and_nothing_is_written() {
    let (dir, store) = open();
    let db = dir.path().join("db");
    store.close().unwrap();
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        format!(
            "nip,tanggal,jenis,pemberi_nama,masalah,langkah,tindak_lanjut,selesai,hasil\n\
             {NIP},2026-11-02,bimbingan,Kepala,Terlambat,Tepat waktu,2026-12-02,,\n\
             {NIP},2026-11-03,teguran,Kepala,Terlambat,Tepat waktu,2026-12-02,,\n\
             {NIP},2026-11-04,konseling,Kepala,Terlambat,Tepat waktu,2026-11-01,,\n\
             {NIP},2026-11-05,konseling,Kepala,Terlambat,Tepat waktu,2026-12-01,2026-11-06,\n\
             199001152015031001,2026-11-02,bimbingan,Kepala,Terlambat,Tepat waktu,2026-12-02,,\n\
             {NIP},2026-11-02,bimbingan,Kepala,Lagi,Tepat waktu,2026-12-02,,\n"
        ),
    )
    .unwrap();
    let run = kinerja(&db, &["import", "coaching", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    for (line, why) in [
        (3, "jenis \"teguran\""),
        (4, "follow-up date is before"),
        (5, "needs its outcome"),
        (6, "no staff with NIP 199001152015031001"),
        (7, "earlier line"),
    ] {
        assert!(err.contains(&format!("bad.csv:{line}: ")), "{line}: {err}");
        let text = err
            .lines()
            .find(|l| l.contains(&format!("bad.csv:{line}: ")))
            .unwrap();
        assert!(text.contains(why), "{line}: {text}");
    }
    assert!(err.contains("nothing was written"), "{err}");
    // A dry run writes nothing either; --skip-invalid writes the good row.
    let dry = kinerja(
        &db,
        &[
            "import",
            "coaching",
            file.to_str().unwrap(),
            "--skip-invalid",
            "--dry-run",
        ],
    );
    assert!(String::from_utf8_lossy(&dry.stderr).contains("dry run"));
    let store = Store::open(&db).unwrap();
    assert!(store.coaching_of(NIP).unwrap().is_empty());
    drop(store);
    let run = kinerja(
        &db,
        &[
            "import",
            "coaching",
            file.to_str().unwrap(),
            "--skip-invalid",
        ],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.coaching_of(NIP).unwrap().len(), 1);
}

// ------------------------------------------------------------------ the screens

use common::session::{Session, demo};
use crossterm::event::{KeyCode, KeyModifiers};

/// Pelatihan's coaching list (tab 3, second section).
fn coaching_list(s: &mut Session) {
    s.key(KeyCode::Char('3')).key(KeyCode::Tab);
    assert!(s.shows("Perlu pembinaan"), "{}", s.text());
}

/// The NIP of the first person the coaching list shows, from the app's own list.
fn first_shown(s: &Session) -> Option<String> {
    s.app.coaching_list_shown().into_iter().next()
}

#[test]
fn the_coaching_list_filters_to_missing_then_overdue_then_all() {
    let mut s = demo();
    coaching_list(&mut s);
    let all = s.app.coaching_list_shown().len();
    s.key(KeyCode::Char('v'));
    assert!(s.shows("Perlu pembinaan: belum ada"), "{}", s.text());
    let missing = s.app.coaching_list_shown();
    assert!(!missing.is_empty() && missing.len() < all);
    for nip in &missing {
        let since = s
            .app
            .store()
            .summary(nip)
            .unwrap()
            .and_then(|x| x.last)
            .map(|(p, _)| p.start())
            .unwrap();
        assert!(
            s.app
                .store()
                .coaching_of(nip)
                .unwrap()
                .iter()
                .all(|c| c.tanggal < since),
            "{nip} has coaching since {since}"
        );
    }
    assert!(s.lines()[4].contains("belum ada"), "{}", s.text());
    s.key(KeyCode::Char('v'));
    assert!(s.shows("Perlu pembinaan: terlambat"), "{}", s.text());
    assert!(s.lines()[4].contains("terlambat"), "{}", s.text());
    s.key(KeyCode::Char('v'));
    assert_eq!(s.app.coaching_list_shown().len(), all);
    assert!(!s.shows("Perlu pembinaan: "), "{}", s.text());
}

#[test]
fn c_on_the_coaching_list_records_coaching_and_the_person_is_no_longer_missing() {
    let mut s = demo();
    coaching_list(&mut s);
    s.key(KeyCode::Char('v'));
    let nip = first_shown(&s).expect("someone without coaching");
    s.key(KeyCode::Char('c'));
    assert!(s.shows("Pembinaan baru"), "{}", s.text());
    // Date (today) and kind are filled, and so is the giver (the latest evaluator).
    for _ in 0..4 {
        s.key(KeyCode::Tab);
    }
    s.type_text("Laporan terlambat").key(KeyCode::Tab);
    s.type_text("Laporan tanggal 5").key(KeyCode::Tab);
    s.type_text("2026-12-28");
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    // Back on the list, filtered as before: the person is no longer missing.
    assert!(s.shows("Perlu pembinaan: belum ada"), "{}", s.text());
    assert!(!s.app.coaching_list_shown().contains(&nip));
    let saved = s.app.store().coaching_of(&nip).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].tanggal, TODAY);
    assert_eq!(saved[0].masalah, "Laporan terlambat");
    assert_eq!(saved[0].tindak_lanjut, date(2026, 12, 28));
    assert!(!saved[0].pemberi.nama.is_empty());
}

/// Pelatihan keeps everyone's coaching dates between builds (issue 23); a coaching saved
/// by another session (straight into the store here) is still seen at the next build.
#[test]
fn a_coaching_saved_elsewhere_shows_when_pelatihan_is_built_again() {
    let mut s = demo();
    coaching_list(&mut s);
    s.key(KeyCode::Char('v'));
    let nip = first_shown(&s).expect("someone without coaching");
    // Built again without a change: the kept dates, the same list.
    s.key(KeyCode::Char('2')).key(KeyCode::Char('4'));
    coaching_list(&mut s);
    s.key(KeyCode::Char('v'));
    assert!(s.app.coaching_list_shown().contains(&nip));
    let given = kinerja::domain::Coaching {
        tanggal: TODAY,
        tindak_lanjut: date(2026, 12, 28),
        ..coaching()
    };
    s.app
        .store()
        .save_coaching(&nip, &given, TODAY, "another officer")
        .unwrap();
    s.key(KeyCode::Char('2')).key(KeyCode::Char('4'));
    coaching_list(&mut s);
    s.key(KeyCode::Char('v'));
    assert!(s.shows("Perlu pembinaan: belum ada"), "{}", s.text());
    assert!(!s.app.coaching_list_shown().contains(&nip));
}

#[test]
fn the_record_lists_coaching_opens_one_closes_it_and_deletes_it() {
    let mut s = demo();
    coaching_list(&mut s);
    // Overdue: someone with a coaching whose follow-up passed.
    s.key(KeyCode::Char('v')).key(KeyCode::Char('v'));
    let nip = first_shown(&s).expect("someone overdue");
    s.key(KeyCode::Enter);
    for _ in 0..3 {
        s.key(KeyCode::Tab);
    }
    assert!(s.shows("Perlu pembinaan sejak"), "{}", s.text());
    assert!(s.shows("terlambat"), "{}", s.text());
    // Enter opens it; closing needs an outcome.
    s.key(KeyCode::Enter);
    assert!(s.shows("Ubah pembinaan"), "{}", s.text());
    for _ in 0..7 {
        s.key(KeyCode::Tab);
    }
    s.type_text("2026-11-28");
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.shows("wajib diisi bila sudah selesai"), "{}", s.text());
    // The refused save put the focus on the outcome.
    s.type_text("Membaik");
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    assert!(s.shows("selesai"), "{}", s.text());
    let saved = s.app.store().coaching_of(&nip).unwrap();
    assert_eq!(saved[0].selesai, Some(TODAY));
    assert_eq!(saved[0].hasil, "Membaik");
    // Ctrl-D asks first; n keeps it, y deletes it.
    s.key(KeyCode::Enter);
    s.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(s.shows("Hapus pembinaan ini?"), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert_eq!(s.app.store().coaching_of(&nip).unwrap().len(), 1);
    s.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL)
        .key(KeyCode::Char('y'));
    assert!(s.lines()[23].contains("terhapus"), "{}", s.text());
    assert!(s.app.store().coaching_of(&nip).unwrap().is_empty());
    assert!(s.shows("belum ada pembinaan"), "{}", s.text());
}

#[test]
fn a_draft_of_a_coaching_form_survives_a_restart() {
    let mut s = demo();
    s.key(KeyCode::Enter).key(KeyCode::Char('c'));
    assert!(s.shows("Pembinaan baru"), "{}", s.text());
    for _ in 0..4 {
        s.key(KeyCode::Tab);
    }
    s.type_text("Sering terlambat");
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('c'));
    s.key(KeyCode::Char('y'));
    assert!(s.shows("Sering terlambat"), "{}", s.text());
}

#[test]
fn beranda_counts_missing_and_overdue_coaching() {
    let mut s = demo();
    s.key(KeyCode::Char('1'));
    let line = s
        .lines()
        .into_iter()
        .find(|l| l.contains("Perlu perhatian"))
        .unwrap();
    // The same people the coaching list filters to.
    s.key(KeyCode::Char('3'))
        .key(KeyCode::Tab)
        .key(KeyCode::Char('v'));
    let missing = s.app.coaching_list_shown().len();
    s.key(KeyCode::Char('v'));
    let overdue = s.app.coaching_list_shown().len();
    assert!(
        line.contains(&format!(
            "Pembinaan: {missing} belum ada, {overdue} terlambat"
        )),
        "{line}"
    );
}

/// A session on a 60-person demo as an officer of `role` for `units`.
fn as_officer(role: kinerja::domain::Role, units: Vec<String>) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    kinerja::demo::fill(&store, 60, 1, TODAY, "demo", &|_| {}).unwrap();
    let mut opts = common::session::options(
        kinerja::ui::lang::Lang::Id,
        kinerja::ui::theme::Theme::default(),
    );
    opts.officer = Some(kinerja::domain::Officer {
        name: "cici".into(),
        role,
        units,
        keys: Vec::new(),
        lang: String::new(),
        revision: 1,
    });
    let mut app = kinerja::app::App::new(store, opts).unwrap();
    app.finish_loading().unwrap();
    Session {
        dir,
        app,
        term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
    }
}

#[test]
fn a_penilai_records_coaching_for_staff_of_their_unit_and_sees_only_them_listed() {
    let unit = {
        let s = as_officer(kinerja::domain::Role::Admin, Vec::new());
        let first = s.app.store().iter_staff().next().unwrap().unwrap();
        first.unit_id
    };
    let mut s = as_officer(kinerja::domain::Role::Penilai, vec![unit.clone()]);
    s.key(KeyCode::Char('2'))
        .key(KeyCode::Enter)
        .key(KeyCode::Char('c'));
    assert!(s.shows("Pembinaan baru"), "{}", s.text());
    s.key(KeyCode::Esc).key(KeyCode::Esc);
    s.key(KeyCode::Char('3')).key(KeyCode::Tab);
    let listed = s.app.coaching_list_shown();
    assert!(!listed.is_empty());
    for nip in listed {
        let staff = s.app.store().get_staff(&nip).unwrap().unwrap();
        assert_eq!(staff.unit_id, unit);
    }
}

#[test]
fn a_penilai_limited_to_a_unit_is_told_all_means_all_of_theirs() {
    // Beranda, the list, Pelatihan and Talenta count only the penilai's units: with no
    // unit chosen they say "semua unit Anda", never "semua unit" as if the office's.
    let unit = {
        let s = as_officer(kinerja::domain::Role::Admin, Vec::new());
        let first = s.app.store().iter_staff().next().unwrap().unwrap();
        first.unit_id
    };
    let mut s = as_officer(kinerja::domain::Role::Penilai, vec![unit]);
    s.key(KeyCode::Char('1'));
    assert!(s.lines()[1].contains("semua unit Anda"), "{}", s.text());
    for tab in ['3', '5'] {
        s.key(KeyCode::Char(tab));
        assert!(s.shows("semua unit Anda"), "tab {tab}: {}", s.text());
    }
    // An admin sees every unit, and is told so.
    let mut admin = as_officer(kinerja::domain::Role::Admin, Vec::new());
    admin.key(KeyCode::Char('1'));
    assert!(admin.lines()[1].contains("semua unit"), "{}", admin.text());
    assert!(!admin.shows("semua unit Anda"), "{}", admin.text());
}

#[test]
fn a_viewer_cannot_open_the_coaching_form() {
    let mut s = as_officer(kinerja::domain::Role::Viewer, Vec::new());
    s.key(KeyCode::Char('2'))
        .key(KeyCode::Enter)
        .key(KeyCode::Char('c'));
    assert!(!s.shows("Pembinaan baru"), "{}", s.text());
    assert!(s.lines()[23].contains("hanya"), "{}", s.lines()[23]);
}

// ------------------------------------------------------------------ about an RHK (issue 19)

/// A 2026 plan of the person `nip` with two RHK, saved; returns it as stored (ids given).
fn plan_of(store: &Store, nip: &str) -> kinerja::domain::Skp {
    use kinerja::domain::{Intervensi, JenisRhk, PersonAtTime, Rhk, Skp};
    let mut skp = Skp::new_year(
        2026,
        PersonAtTime::named("Pegawai", None),
        PersonAtTime::named("H. Budi Nasution, S.Sos.", None),
    );
    skp.rhk = vec![
        Rhk::new(
            JenisRhk::Utama,
            "Laporan bulanan posyandu",
            Intervensi::None,
        ),
        Rhk::new(
            JenisRhk::Utama,
            "Kunjungan rumah balita gizi kurang",
            Intervensi::None,
        ),
    ];
    store.save_skp(nip, &skp, "tester").unwrap()
}

#[test]
fn a_coaching_naming_an_rhk_reads_back_with_it_after_backup_and_restore() {
    let (dir, store) = open();
    let skp = plan_of(&store, NIP);
    let mut c = coaching();
    c.rhk = Some((skp.id, skp.rhk[1].id));
    let saved = store.save_coaching(NIP, &c, TODAY, "tester").unwrap();
    assert_eq!(saved.rhk, Some((skp.id, skp.rhk[1].id)));
    assert_eq!(store.coaching_of(NIP).unwrap()[0].rhk, saved.rhk);
    let file = dir.path().join("all.kinerja");
    store.backup(&file).unwrap();
    let restored = Store::open(&dir.path().join("restored")).unwrap();
    restored.restore(&file, "tester", false).unwrap();
    assert_eq!(restored.coaching_of(NIP).unwrap()[0].rhk, saved.rhk);
}

#[test]
fn the_coaching_form_offers_the_persons_rhk_and_saves_the_one_chosen() {
    let mut s = demo();
    let nip = s.app.store().iter_staff().next().unwrap().unwrap().nip;
    let nip = nip.as_str().to_string();
    // The demo plans this year for everyone; a plan is made only if it did not.
    let demo_plan = s
        .app
        .store()
        .skp_of(&nip)
        .unwrap()
        .into_iter()
        .find(|p| p.year() == 2026 && p.rhk.len() >= 2);
    let skp = demo_plan.unwrap_or_else(|| plan_of(s.app.store(), &nip));
    let second: String = format!(
        "RHK 2 {}",
        skp.rhk[1]
            .teks
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    );
    // The first person of the list by name: find them by NIP instead.
    s.key(KeyCode::Char('/'))
        .type_text(&nip)
        .key(KeyCode::Enter);
    s.key(KeyCode::Enter).key(KeyCode::Char('c'));
    assert!(s.shows("Pembinaan baru"), "{}", s.text());
    assert!(s.shows("Tentang RHK"), "{}", s.text());
    for _ in 0..4 {
        s.key(KeyCode::Tab);
    }
    s.type_text("Laporan terlambat").key(KeyCode::Tab);
    s.type_text("Selesai tanggal 5").key(KeyCode::Tab);
    s.type_text("2026-12-28");
    // Past the closing date and outcome to the RHK: the second one.
    for _ in 0..3 {
        s.key(KeyCode::Tab);
    }
    s.key(KeyCode::Right).key(KeyCode::Right);
    assert!(s.shows(&second), "{second}: {}", s.text());
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let saved = s.app.store().coaching_of(&nip).unwrap();
    let new = saved
        .iter()
        .find(|c| c.masalah == "Laporan terlambat")
        .expect("saved");
    assert_eq!(new.rhk, Some((skp.id, skp.rhk[1].id)));
    // Opened again, the form shows the RHK it names.
    s.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    let row = s
        .app
        .store()
        .coaching_of(&nip)
        .unwrap()
        .iter()
        .rev()
        .position(|c| c.id == new.id)
        .unwrap();
    for _ in 0..row {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    assert!(s.shows("Ubah pembinaan"), "{}", s.text());
    for _ in 0..9 {
        s.key(KeyCode::Tab);
    }
    assert!(s.shows(&second), "{second}: {}", s.text());
}
