//! The competency requirements screen (issue 13; `R` on Pelatihan), driven with keys on a
//! `TestBackend` over the demo database: add, edit and delete a requirement through the
//! store's audited operations, the delete question, help from the key table, a viewer
//! refused; snapshots at 80x24 in Indonesian, English and ASCII.

mod common;

use common::session::{Session, looks, session_with};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::domain::{JenisJabatan, Requirement};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

fn snap(s: &Session, look: &str, screen: &str) {
    insta::assert_snapshot!(format!("{screen}__{look}"), s.text());
}

fn ctrl(s: &mut Session, c: char) {
    s.key_mod(KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn stored(s: &Session) -> Vec<Requirement> {
    s.app.store().requirements().unwrap()
}

fn gizi_for_bidan() -> Requirement {
    Requirement {
        jabatan: "Bidan".into(),
        jenis: None,
        competency: "gizi-masyarakat-demo".into(),
    }
}

/// Opens the screen from Pelatihan (`3`, then `R`).
fn open(s: &mut Session) {
    s.key(KeyCode::Char('3')).key(KeyCode::Char('R'));
}

#[test]
fn the_requirements_screen_in_three_looks() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        open(&mut s);
        snap(&s, look, "requirements");
        s.key(KeyCode::Char('?'));
        snap(&s, look, "requirements_help");
        s.key(KeyCode::Esc).key(KeyCode::Char('n'));
        snap(&s, look, "requirements_new");
        s.type_text("gizi").key(KeyCode::Tab).type_text("Bid");
        snap(&s, look, "requirements_new_filled");
        s.key(KeyCode::Esc).key(KeyCode::Char('y'));
        s.key(KeyCode::Char('d'));
        snap(&s, look, "requirements_delete_question");
    }
}

/// Issue 13: "Requirements ... Edited on a screen (form engine)": `n` adds, `Enter`
/// edits (the old requirement replaced, not kept beside the new one), `d` deletes after
/// a question; each change is one audited save.
#[test]
fn add_edit_and_delete_a_requirement_with_keys() {
    let mut s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    let before = stored(&s);
    assert!(!before.contains(&gizi_for_bidan()));
    open(&mut s);
    assert!(s.shows("Kebutuhan kompetensi"), "{}", s.text());
    assert!(
        s.shows(&format!("{} kebutuhan", before.len())),
        "{}",
        s.text()
    );

    // Add: competency by typing its start, the position from the suggestion.
    s.key(KeyCode::Char('n'));
    s.type_text("gizi").key(KeyCode::Tab).type_text("Bid");
    assert!(
        s.shows("Bidan"),
        "the held position is suggested\n{}",
        s.text()
    );
    s.key(KeyCode::Enter);
    ctrl(&mut s, 's');
    assert!(s.shows("tersimpan"), "{}", s.text());
    let after = stored(&s);
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.contains(&gizi_for_bidan()), "{after:?}");
    let audit = s
        .app
        .store()
        .audit_of("requirements/gizi-masyarakat-demo")
        .unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0].actor, "tester");

    // The same again is refused on the form as a duplicate, nothing written.
    s.key(KeyCode::Char('n'));
    s.type_text("gizi").key(KeyCode::Tab).type_text("Bidan");
    ctrl(&mut s, 's');
    assert!(s.shows("kebutuhan ini sudah ada"), "{}", s.text());
    // This form keeps no draft, so Esc asks to discard instead of promising one.
    s.key(KeyCode::Esc);
    assert!(s.shows("Perubahan belum disimpan. Buang?"), "{}", s.text());
    assert!(!s.shows("draf"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    assert_eq!(stored(&s).len(), before.len() + 1);

    // Edit the new one (selected after saving): jenjang Terampil as well.
    s.key(KeyCode::Enter);
    assert!(s.shows("Ubah kebutuhan kompetensi"), "{}", s.text());
    s.key(KeyCode::Tab).key(KeyCode::Tab);
    s.type_text("Terampil");
    ctrl(&mut s, 's');
    assert!(s.shows("tersimpan"), "{}", s.text());
    let edited = Requirement {
        jenis: Some(JenisJabatan::Terampil),
        ..gizi_for_bidan()
    };
    let after = stored(&s);
    assert_eq!(after.len(), before.len() + 1, "{after:?}");
    assert!(after.contains(&edited), "{after:?}");
    assert!(!after.contains(&gizi_for_bidan()), "{after:?}");

    // Delete it: `d` asks, `n` keeps, `y` deletes.
    s.key(KeyCode::Char('d'));
    assert!(s.shows("Hapus kebutuhan ini?"), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert_eq!(stored(&s).len(), before.len() + 1);
    s.key(KeyCode::Char('d')).key(KeyCode::Char('y'));
    assert!(s.shows("terhapus"), "{}", s.text());
    assert_eq!(stored(&s), before);
    let audit = s
        .app
        .store()
        .audit_of("requirements/gizi-masyarakat-demo")
        .unwrap();
    assert_eq!(audit.len(), 3, "{audit:?}");

    // Esc goes back to Pelatihan.
    s.key(KeyCode::Esc);
    assert!(s.shows("3 Pelatihan") && !s.shows("Kebutuhan kompetensi"));
}

/// A viewer (not an admin) sees the requirements but is told they may not change them.
#[test]
fn a_viewer_sees_the_requirements_and_may_not_change_them() {
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    let mut opts = common::session::options(Lang::Id, Theme::default());
    opts.officer = Some(kinerja::domain::Officer {
        name: "tamu".into(),
        role: kinerja::domain::Role::Viewer,
        units: Vec::new(),
        keys: Vec::new(),
        lang: String::new(),
        revision: 1,
    });
    let mut app = kinerja::app::App::new(store, opts).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir,
        app,
        term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    let before = stored(&s);
    open(&mut s);
    assert!(s.shows("Kebutuhan kompetensi"), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert!(
        s.shows("hanya admin yang boleh mengubah kebutuhan kompetensi"),
        "{}",
        s.text()
    );
    s.key(KeyCode::Char('d')).key(KeyCode::Char('y'));
    assert_eq!(stored(&s), before);
}

/// Issue 13: "The coaching suggestions use the gaps first and the notes' words only as a
/// fallback". On the demo, each person on Perlu pembinaan with a missing or expired
/// required competency is suggested exactly those, in the order of `export gaps`
/// (computed from the trainings themselves); the others get no competency.
#[test]
fn coaching_suggestions_are_the_gaps_first() {
    use kinerja::views::competency_gaps::{Gap, Suggestion, gaps};
    let s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    let today = jiff::civil::date(2026, 11, 28);
    let data = s.app.training_data(2026, None).unwrap();
    let all = gaps(s.app.store(), None, today).unwrap();
    let mut with_gaps = 0;
    let mut with_kinds = 0;
    for c in data.coaching.iter() {
        let expected: Vec<(String, Gap)> = all
            .iter()
            .filter(|g| g.nip == c.nip && !matches!(g.gap, Gap::SegeraKedaluwarsa(_)))
            .map(|g| (g.competency.clone(), g.gap))
            .collect();
        match &c.suggested {
            Suggestion::Competencies(got) => {
                with_gaps += 1;
                assert_eq!(got, &expected, "{}", c.nip);
            }
            Suggestion::Kinds(_) => {
                with_kinds += 1;
                assert!(expected.is_empty(), "{}: notes used despite gaps", c.nip);
            }
            Suggestion::None => assert!(expected.is_empty(), "{}", c.nip),
        }
    }
    assert!(with_gaps > 0 && with_kinds > 0, "{with_gaps} {with_kinds}");
}

/// Back from the requirements screen after a change, Pelatihan is built again on the
/// same section: a competency newly required for the selected person's position shows
/// in their suggestion line at once.
#[test]
fn a_new_requirement_shows_in_the_coaching_suggestions_on_return() {
    let mut s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    let data = s.app.training_data(2026, None).unwrap();
    let first = &data.coaching[0];
    let jabatan = s
        .app
        .store()
        .get_staff(&first.nip)
        .unwrap()
        .unwrap()
        .jabatan
        .nama;
    s.key(KeyCode::Char('3')).key(KeyCode::Char('?'));
    assert!(
        s.lines()
            .iter()
            .any(|l| l.contains(" R ") && l.contains("kebutuhan kompetensi")),
        "Pelatihan's help lists R\n{}",
        s.text()
    );
    s.key(KeyCode::Esc).key(KeyCode::Tab);
    assert!(!s.shows("Gizi Masyarakat"), "{}", s.text());
    s.key(KeyCode::Char('R')).key(KeyCode::Char('n'));
    s.type_text("gizi").key(KeyCode::Tab).type_text(&jabatan);
    ctrl(&mut s, 's');
    assert!(s.shows("tersimpan"), "{}", s.text());
    s.key(KeyCode::Esc);
    assert!(s.shows("Perlu pembinaan"), "{}", s.text());
    // The selected person's whole suggestion, wrapped under the list.
    assert!(
        s.text()
            .replace('\n', " ")
            .contains("Gizi Masyarakat (demo) (belum ada)"),
        "{}",
        s.text()
    );
}

/// The store's edit of a requirement: one audited change that replaces the old key; an
/// edit onto another stored requirement, or of one deleted meanwhile, is refused.
#[test]
fn replace_requirement_moves_the_key_and_refuses_a_taken_or_vanished_one() {
    let s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    let store = s.app.store();
    let all = store.requirements().unwrap();
    let old = all
        .iter()
        .find(|r| r.jabatan == "Bidan")
        .cloned()
        .expect("the demo requires something of Bidan");
    let other = all
        .iter()
        .find(|r| r.jabatan == "Perawat" && r.competency == old.competency)
        .cloned()
        .expect("and the same of Perawat");
    // Onto Perawat's: taken.
    let err = store.replace_requirement(Some(&old), &other, "tester");
    assert!(err.is_err(), "{err:?}");
    assert_eq!(store.requirements().unwrap(), all);
    // Bidan Terampil instead: the old key is gone, the new one there, one audit entry.
    let audit_before = store
        .audit_of(&format!("requirements/{}", old.competency))
        .unwrap()
        .len();
    let new = Requirement {
        jenis: Some(JenisJabatan::Terampil),
        ..old.clone()
    };
    store
        .replace_requirement(Some(&old), &new, "tester")
        .unwrap();
    let after = store.requirements().unwrap();
    assert!(after.contains(&new) && !after.contains(&old));
    assert_eq!(after.len(), all.len());
    let audit = store
        .audit_of(&format!("requirements/{}", old.competency))
        .unwrap();
    assert_eq!(audit.len(), audit_before + 1);
    // The old one again: no longer stored.
    let err = store.replace_requirement(Some(&old), &other, "tester");
    assert!(err.is_err(), "{err:?}");
    // A competency not in the catalogue is refused.
    let unknown = Requirement {
        competency: "sulap".into(),
        ..new.clone()
    };
    assert!(store.replace_requirement(None, &unknown, "tester").is_err());
    assert_eq!(store.requirements().unwrap(), after);
}
