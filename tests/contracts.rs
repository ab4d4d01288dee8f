//! PPPK contracts (issue 21): the store's audited, revision-checked saves, `check`, and
//! the record's Kontrak section and form.

mod common;

use common::{staff, unit};
use jiff::civil::{Date, date};
use kinerja::domain::{Contract, EmploymentKind, Golongan, Nip};
use kinerja::store::{AuditAction, Store, StoreError};

const PPPK: &str = "199312282025212001";
const PNS: &str = "198503302010012002";

fn pppk() -> kinerja::domain::Staff {
    let mut s = staff(PNS);
    s.nip = Nip::parse_as(PPPK, EmploymentKind::Pppk).expect("NI PPPK");
    s.golongan = Golongan::Pppk(9);
    s.nama = "Dewi Lubis".into();
    s
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("open");
    store.save_unit(&unit(), "tester").expect("unit");
    store.save_staff(&pppk(), "tester").expect("pppk");
    store.save_staff(&staff(PNS), "tester").expect("pns");
    (dir, store)
}

fn contract(mulai: Date, selesai: Date, nomor: &str) -> Contract {
    Contract {
        mulai,
        selesai,
        nomor: nomor.into(),
    }
}

#[test]
fn a_contract_is_saved_audited_and_read_back() {
    let (_d, store) = open();
    let first = contract(date(2025, 1, 1), date(2025, 12, 31), "PK/001");
    let saved = store
        .save_contract(PPPK, None, &first, 0, "tester")
        .unwrap();
    assert_eq!(saved.revision, 1);
    assert_eq!(store.contracts_of(PPPK).unwrap().items, vec![first.clone()]);
    let renewal = contract(date(2026, 1, 1), date(2026, 12, 31), "");
    let saved = store
        .save_contract(PPPK, None, &renewal, 1, "tester")
        .unwrap();
    assert_eq!(saved.items, vec![first, renewal]);
    let history = store.history_of_person(PPPK).unwrap();
    let ours: Vec<_> = history
        .iter()
        .filter(|a| a.record.starts_with("contracts/"))
        .collect();
    assert_eq!(ours.len(), 2, "{history:?}");
    assert_eq!(ours[0].record, format!("contracts/{PPPK}/2026-01-01"));
    assert_eq!(ours[0].action, AuditAction::Create);
    assert_eq!(ours[1].summary, "kontrak 2025-01-01..2025-12-31 PK/001");
    assert!(store.check().unwrap().is_sound());
    assert_eq!(store.check().unwrap().counts.contracts, 2);
}

#[test]
fn a_save_from_an_older_revision_is_refused_and_the_newer_kept() {
    let (_d, store) = open();
    let c = contract(date(2025, 1, 1), date(2025, 12, 31), "");
    store.save_contract(PPPK, None, &c, 0, "a").unwrap();
    let longer = contract(date(2025, 1, 1), date(2027, 12, 31), "");
    store
        .save_contract(PPPK, Some(c.mulai), &longer, 1, "a")
        .unwrap();
    let stale = contract(date(2025, 1, 1), date(2026, 6, 30), "");
    let err = store
        .save_contract(PPPK, Some(c.mulai), &stale, 1, "b")
        .unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    assert_eq!(store.contracts_of(PPPK).unwrap().items, vec![longer]);
}

#[test]
fn a_pns_an_overlap_and_an_unknown_person_are_refused() {
    let (_d, store) = open();
    let c = contract(date(2025, 1, 1), date(2025, 12, 31), "");
    let err = store.save_contract(PNS, None, &c, 0, "a").unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    let err = store
        .save_contract("199312282025212002", None, &c, 0, "a")
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    store.save_contract(PPPK, None, &c, 0, "a").unwrap();
    let overlapping = contract(date(2025, 12, 31), date(2026, 12, 30), "");
    let err = store
        .save_contract(PPPK, None, &overlapping, 1, "a")
        .unwrap_err();
    assert!(err.to_string().contains("overlaps"), "{err}");
    assert_eq!(store.contracts_of(PPPK).unwrap().revision, 1);
    assert_eq!(store.contracts_of(PNS).unwrap().items, vec![]);
}

#[test]
fn a_contract_is_deleted_at_its_revision_only() {
    let (_d, store) = open();
    let c = contract(date(2025, 1, 1), date(2025, 12, 31), "");
    store.save_contract(PPPK, None, &c, 0, "a").unwrap();
    let err = store.delete_contract(PPPK, c.mulai, 0, "a").unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    let left = store.delete_contract(PPPK, c.mulai, 1, "a").unwrap();
    assert!(left.items.is_empty());
    assert_eq!(left.revision, 2);
    let deleted = store
        .history_of_person(PPPK)
        .unwrap()
        .into_iter()
        .find(|a| a.action == AuditAction::Delete);
    assert_eq!(
        deleted.map(|a| a.summary),
        Some("kontrak 2025-01-01..2025-12-31".to_string())
    );
}

// ---------------------------------------------------------------- the screens

use common::session::{Session, looks, options};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

/// A puskesmas with the PPPK Dewi Lubis (a first contract, and its renewal that ends two
/// days after the session's today, 2026-11-28) and the PNS Rina Siregar.
fn seeded(lang: Lang, theme: Theme) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store.save_unit(&unit(), "tester").unwrap();
    store.save_staff(&pppk(), "tester").unwrap();
    store.save_staff(&staff(PNS), "tester").unwrap();
    let first = contract(date(2025, 12, 1), date(2026, 11, 30), "PK/2025/017");
    let older = contract(date(2024, 12, 1), date(2025, 11, 30), "PK/2024/102");
    store
        .save_contract(PPPK, None, &older, 0, "tester")
        .unwrap();
    store
        .save_contract(PPPK, None, &first, 1, "tester")
        .unwrap();
    let mut app = kinerja::app::App::new(store, options(lang, theme)).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir,
        app,
        term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    s
}

/// From anywhere with the tabs: the record of the person found by `name`.
fn record_of(s: &mut Session, name: &str) {
    s.key(KeyCode::Char('2'))
        .key(KeyCode::Char('/'))
        .type_text(name)
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert!(s.shows(name), "{}", s.text());
}

/// The record's Kontrak section (the last one: BackTab from the first).
fn contracts_section(s: &mut Session) {
    s.key(KeyCode::BackTab);
}

fn ctrl(s: &mut Session, c: char) {
    s.key_mod(KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn snap(s: &Session, look: &str, screen: &str) {
    insta::assert_snapshot!(format!("{screen}__{look}"), s.text());
}

#[test]
fn a_pppk_record_has_a_kontrak_section_and_a_pns_record_none() {
    for (look, lang, theme) in looks() {
        let mut s = seeded(lang, theme);
        record_of(&mut s, "Dewi Lubis");
        let title = if lang == Lang::Id {
            "Kontrak"
        } else {
            "Contracts"
        };
        // Eight sections are wider than 80 columns: the tabs show the ones around the
        // selected section, Kontrak once it is near.
        contracts_section(&mut s);
        assert!(s.shows(title), "{}", s.text());
        assert!(
            s.shows("PK/2025/017") && s.shows("PK/2024/102"),
            "{}",
            s.text()
        );
        snap(&s, look, "kontrak_section");
        s.key(KeyCode::Esc).key(KeyCode::Esc);
        record_of(&mut s, "Rina Siregar");
        assert!(!s.shows(title), "{}", s.text());
    }
}

#[test]
fn n_renews_the_newest_contract_for_a_year_and_saves_it_audited() {
    let mut s = seeded(Lang::Id, Theme::default());
    record_of(&mut s, "Dewi Lubis");
    contracts_section(&mut s);
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Kontrak PPPK baru"), "{}", s.text());
    assert!(
        s.shows("2026-12-01") && s.shows("2027-11-30"),
        "{}",
        s.text()
    );
    for (look, lang, theme) in looks() {
        let mut t = seeded(lang, theme);
        record_of(&mut t, "Dewi Lubis");
        contracts_section(&mut t);
        t.key(KeyCode::Char('n'));
        snap(&t, look, "kontrak_form_new");
    }
    s.type_text("PK/2026/201");
    ctrl(&mut s, 's');
    assert!(s.shows("tersimpan"), "{}", s.text());
    assert!(
        s.shows("PK/2026/201"),
        "back on the Kontrak section: {}",
        s.text()
    );
    let stored = s.app.store().contracts_of(PPPK).unwrap();
    assert_eq!(stored.items.len(), 3);
    assert_eq!(
        stored.latest().map(|c| (c.mulai, c.selesai)),
        Some((date(2026, 12, 1), date(2027, 11, 30)))
    );
}

#[test]
fn enter_opens_the_selected_contract_an_overlap_is_refused_and_ctrl_d_deletes() {
    let mut s = seeded(Lang::Id, Theme::default());
    record_of(&mut s, "Dewi Lubis");
    contracts_section(&mut s);
    // The newest first: Enter opens 2025-12-01.
    s.key(KeyCode::Enter);
    assert!(s.shows("Ubah kontrak PPPK"), "{}", s.text());
    // Moving its start back over the older contract is refused, naming it.
    for _ in 0..10 {
        s.key(KeyCode::BackTab);
        if s.text().contains("▶Mulai") || s.text().contains("▶ Mulai") {
            break;
        }
    }
    s.key(KeyCode::Char('j'));
    ctrl(&mut s, 'u');
    s.type_text("2025-11-01");
    ctrl(&mut s, 's');
    assert!(
        s.shows("bertumpang dengan kontrak 2024-12-01 - 2025-11-30"),
        "{}",
        s.text()
    );
    assert_eq!(s.app.store().contracts_of(PPPK).unwrap().revision, 2);
    // Closed unsaved, its draft stays and is offered back: `n` drops it.
    s.key(KeyCode::Esc).key(KeyCode::Char('y'));
    s.key(KeyCode::Enter);
    assert!(s.shows("Ada draf"), "the draft is offered: {}", s.text());
    s.key(KeyCode::Char('n'));
    ctrl(&mut s, 'd');
    s.key(KeyCode::Char('y'));
    assert!(s.shows("terhapus"), "{}", s.text());
    let left = s.app.store().contracts_of(PPPK).unwrap();
    assert_eq!(left.items.len(), 1);
    assert_eq!(left.items[0].mulai, date(2024, 12, 1));
}
