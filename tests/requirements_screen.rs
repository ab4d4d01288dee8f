//! The competency requirements screen (issue 13; `R` on Pelatihan), driven with keys on a
//! `TestBackend` over the demo database: add, edit and delete a requirement through the
//! store's audited operations, the delete question, help from the key table, a viewer
//! refused; snapshots at 80x24 in Indonesian, English and ASCII.

mod common;

use common::session::{Session, session_with};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::domain::{JenisJabatan, Requirement};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

fn looks() -> [(&'static str, Lang, Theme); 3] {
    [
        ("id", Lang::Id, Theme::default()),
        ("en", Lang::En, Theme::default()),
        (
            "ascii",
            Lang::Id,
            Theme {
                color: false,
                ascii: true,
            },
        ),
    ]
}

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
    s.key(KeyCode::Esc).key(KeyCode::Char('y'));
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
