//! The career history on the screens (issue 21): the record's Karier section and the
//! entry form, built directly and in a demo session, with snapshots in the three looks.

mod common;

use common::session::{Session, looks, session_with};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use kinerja::domain::{Career, CareerKind, CareerValue, Nip};
use kinerja::screens::career_form::CareerForm;
use kinerja::screens::{Outcome, Screen};
use kinerja::ui::Ui;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

fn ui() -> Ui {
    Ui {
        lang: Lang::Id,
        theme: Theme::default(),
        jp: Default::default(),
        scoped: false,
    }
}

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn units() -> Vec<(String, String)> {
    vec![
        (
            "kelurahan-belawan-i".to_string(),
            "Kelurahan Belawan I".to_string(),
        ),
        (
            "puskesmas-belawan".to_string(),
            "Puskesmas Belawan".to_string(),
        ),
    ]
}

fn person() -> kinerja::domain::Staff {
    let mut s = common_staff();
    s.unit_id = "puskesmas-belawan".into();
    s
}

fn common_staff() -> kinerja::domain::Staff {
    kinerja::domain::Staff {
        nip: Nip::parse("198503302010012002").unwrap(),
        nama: "Rina Siregar".into(),
        gelar_depan: String::new(),
        gelar_belakang: String::new(),
        golongan: kinerja::domain::Golongan::parse("III/c", false).unwrap(),
        pendidikan: kinerja::domain::Pendidikan::S1,
        jabatan: kinerja::domain::Jabatan {
            nama: "Perawat".into(),
            jenis: kinerja::domain::JenisJabatan::AhliMuda,
        },
        unit_id: "puskesmas-belawan".into(),
        aktif: true,
        revision: 1,
    }
}

#[test]
fn a_new_unit_entry_is_built_with_its_tmt_and_noted_as_the_newest() {
    let ui = ui();
    let staff = person();
    let career = Career::implied(&staff);
    let mut f = CareerForm::new(staff.nip.clone(), "Rina", career, None, units(), &ui);
    // Jenis: Unit kerja is the third choice.
    f.handle(k(KeyCode::Right), &ui);
    f.handle(k(KeyCode::Right), &ui);
    f.handle(k(KeyCode::Tab), &ui);
    for c in "2025-07-01".chars() {
        f.handle(k(KeyCode::Char(c)), &ui);
    }
    f.handle(k(KeyCode::Tab), &ui);
    for c in "Kelurahan".chars() {
        f.handle(k(KeyCode::Char(c)), &ui);
    }
    let out = f.handle(ctrl('s'), &ui);
    match out {
        Outcome::SaveCareer(nip, entry) => {
            assert_eq!(nip, staff.nip.as_str());
            assert_eq!(entry.id, 0);
            assert_eq!(entry.tmt, Some(date(2025, 7, 1)));
            assert_eq!(entry.value, CareerValue::Unit("kelurahan-belawan-i".into()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_second_unknown_tmt_is_refused_on_the_form() {
    let ui = ui();
    let staff = person();
    let mut f = CareerForm::new(
        staff.nip.clone(),
        "Rina",
        Career::implied(&staff),
        None,
        units(),
        &ui,
    );
    // A pangkat with no TMT beside the implied one that has none.
    f.handle(k(KeyCode::Tab), &ui);
    f.handle(k(KeyCode::Tab), &ui);
    for c in "III/d".chars() {
        f.handle(k(KeyCode::Char(c)), &ui);
    }
    let out = f.handle(ctrl('s'), &ui);
    assert!(matches!(out, Outcome::Changed), "{out:?}");
    // Editing the existing entry offers Ctrl-D, which deletes at the history's revision.
    let mut career = Career::implied(&staff);
    career.revision = 3;
    let mut f = CareerForm::new(staff.nip.clone(), "Rina", career, Some(3), units(), &ui);
    f.handle(ctrl('d'), &ui);
    let out = f.handle(k(KeyCode::Char('y')), &ui);
    assert_eq!(
        out,
        Outcome::DeleteCareer(staff.nip.as_str().to_string(), 3, 3)
    );
}

/// Tab from Evaluasi to Karier, the seventh section.
fn to_career(s: &mut Session) {
    for _ in 0..6 {
        s.key(KeyCode::Tab);
    }
}

#[test]
fn a_move_entered_on_the_record_changes_the_unit_shown_and_stored() {
    let mut s = session_with(40, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Enter);
    let nip = s.app.record_shown().expect("a record is open").to_string();
    to_career(&mut s);
    assert!(s.shows("Karier"), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Riwayat karier"), "{}", s.text());
    s.key(KeyCode::Right).key(KeyCode::Right).key(KeyCode::Tab);
    s.type_text("2026-11-02").key(KeyCode::Tab);
    s.type_text("Kecamatan");
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.shows("tersimpan"), "{}", s.text());
    assert!(s.shows("2026-11-02"), "{}", s.text());
    assert!(s.shows("Kecamatan Medan Belawan"), "{}", s.text());
    // The store agrees, and the record's unit is the new one.
    let store = s.app.store();
    let staff = store.get_staff(&nip).unwrap().unwrap();
    assert_eq!(staff.unit_id, "kecamatan-medan-belawan");
    let career = store.stored_career(&nip).unwrap().unwrap();
    assert_eq!(
        career.latest(CareerKind::Unit).map(|e| e.tmt),
        Some(Some(date(2026, 11, 2)))
    );
}

#[test]
fn snapshots_of_the_career_section_and_its_form() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(40, lang, theme, 80, 24);
        s.key(KeyCode::Enter);
        to_career(&mut s);
        insta::assert_snapshot!(format!("record_career__{look}"), s.text());
        s.key(KeyCode::Enter);
        insta::assert_snapshot!(format!("career_form_edit__{look}"), s.text());
        s.key(KeyCode::Esc).key(KeyCode::Char('n'));
        s.key(KeyCode::Right).key(KeyCode::Tab);
        s.type_text("2026-13-01");
        insta::assert_snapshot!(format!("career_form_new__{look}"), s.text());
    }
}

#[test]
fn promotions_are_reached_from_laporan_and_walk_the_periods() {
    let mut s = session_with(40, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Char('4')).key(KeyCode::Char('N'));
    // Today is 28 November 2026: the next period is 1 December 2026.
    assert!(s.shows("Kenaikan pangkat ◀ 2026-12-01 ▶"), "{}", s.text());
    s.key(KeyCode::Right);
    assert!(s.shows("◀ 2027-02-01 ▶"), "{}", s.text());
    s.key(KeyCode::Char('['));
    assert!(s.shows("◀ 2026-02-01 ▶"), "{}", s.text());
    s.key(KeyCode::Left);
    assert!(s.shows("◀ 2025-12-01 ▶"), "{}", s.text());
    s.key(KeyCode::Esc);
    assert!(s.shows("Distribusi predikat tahunan"), "{}", s.text());
}

#[test]
fn snapshots_of_the_promotions_list() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Char('4')).key(KeyCode::Char('N'));
        insta::assert_snapshot!(format!("promotions__{look}"), s.text());
        // `Enter` opens the selected person's record.
        s.key(KeyCode::Down).key(KeyCode::Enter);
        assert!(s.app.record_shown().is_some(), "{}", s.text());
    }
}

/// `f` narrows the promotions list to a unit and its sub-units, and `x` writes the list on
/// screen as CSV, byte for byte what `kinerja export promotions --period` writes for all
/// units.
#[test]
fn promotions_f_narrows_to_a_unit_and_x_writes_the_export() {
    use kinerja::views::promotions::{promotions_in, unit_and_below};
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    let mut opts = common::session::options(Lang::Id, Theme::default());
    opts.export_dir = out.path().to_path_buf();
    let mut app = kinerja::app::App::new(store, opts).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir: tempfile::tempdir().unwrap(),
        app,
        term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
    };
    s.key(KeyCode::Char('4')).key(KeyCode::Char('N'));
    assert!(s.shows("semua unit"), "{}", s.text());
    // `x`: all units of 1 December 2026.
    s.key(KeyCode::Char('x'));
    let all = out.path().join("kenaikan-pangkat-2026-12.csv");
    assert!(s.shows("kenaikan-pangkat-2026-12.csv"), "{}", s.text());
    let written = std::fs::read(&all).unwrap();
    // The unit with the most people due whose sub-units are counted with it.
    let store = s.app.store();
    let units = store.units().unwrap();
    let period = kinerja::domain::PromotionPeriod::new(2026, 12).unwrap();
    let everyone = promotions_in(store, period, None, &|_| true).unwrap();
    assert!(!everyone.rows.is_empty());
    let parent = units
        .iter()
        .filter(|u| units.iter().any(|c| c.parent.as_ref() == Some(&u.id)))
        .max_by_key(|u| {
            let below = unit_and_below(&units, &u.id);
            everyone
                .rows
                .iter()
                .filter(|r| below.contains(&r.unit_id))
                .count()
        })
        .unwrap()
        .clone();
    let below = unit_and_below(&units, &parent.id);
    assert!(below.len() > 1, "{below:?}");
    let narrowed = promotions_in(store, period, Some(parent.id.clone()), &|_| true).unwrap();
    let expected = everyone
        .rows
        .iter()
        .filter(|r| below.contains(&r.unit_id))
        .count();
    assert_eq!(narrowed.rows.len(), expected);
    assert!(narrowed.rows.len() < everyone.rows.len());
    // `f`, the unit's name, Enter: the title names it and the count is the unit's.
    s.key(KeyCode::Char('f'))
        .type_text(&parent.name.to_lowercase());
    s.key(KeyCode::Enter);
    assert!(s.shows(&parent.name), "{}", s.text());
    let count = format!(
        "{} memenuhi dari {} yang jatuh tempo",
        narrowed.eligible(),
        narrowed.rows.len()
    );
    assert!(s.shows(&count), "{}", s.text());
    // The period moves and the unit stays.
    s.key(KeyCode::Right).key(KeyCode::Left);
    assert!(s.shows(&count), "{}", s.text());
    s.key(KeyCode::Char('x'));
    let unit_file =
        std::fs::read_to_string(out.path().join("kenaikan-pangkat-2026-12-2.csv")).unwrap();
    assert_eq!(
        unit_file.lines().count(),
        1 + narrowed.rows.len(),
        "{unit_file}"
    );
    // The CLI's export of all units, once the session let go of the database.
    drop(s);
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["--db"])
        .arg(dir.path().join("db"))
        .args(["export", "promotions", "--period", "2026-12"])
        .output()
        .unwrap();
    assert!(
        cli.status.success(),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&cli.stdout)
    );
}
