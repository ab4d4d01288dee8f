//! Issue 22, part C: what one session sees of another's saves. Two apps over one store,
//! as `kinerja serve` runs them in one process: one saves, the other's open record, form
//! or refusal shows it at its next frame (`App::sync_shared` is what `serve` calls then).

mod common;

use common::session::{Session, demo, options};
use crossterm::event::KeyCode;
use kinerja::app::App;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A second session over the first one's database, as officer `actor`, on the staff list.
fn second(first: &Session, actor: &str, lang: Lang) -> Session {
    let mut opts = options(lang, Theme::default());
    opts.actor = actor.into();
    let mut app = App::new(first.app.store().clone(), opts).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir: tempfile::tempdir().unwrap(),
        app,
        term: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    s.key(KeyCode::Char('2'));
    s
}

/// What the other session's loop does when told of a save: take it in, draw.
fn next_frame(s: &mut Session) -> bool {
    let changed = s.app.sync_shared();
    s.draw();
    changed
}

/// The staff form's rows of fields (Status to Aktif), without the message area.
fn field_rows(s: &Session) -> Vec<String> {
    s.lines()[2..14].to_vec()
}

#[test]
fn an_open_record_shows_another_sessions_save_at_its_next_frame() {
    let mut a = demo();
    let mut b = second(&a, "officer-b", Lang::Id);
    // Both on the same person's record; A on its history (Riwayat).
    a.key(KeyCode::Enter).key(KeyCode::Tab).key(KeyCode::Tab);
    assert!(a.shows("belum ada riwayat perubahan"), "{}", a.text());
    b.key(KeyCode::Enter).key(KeyCode::Char('u'));
    assert!(b.shows("Ubah data pegawai"), "{}", b.text());
    let before = b.app.change_mark().map(<[u8]>::to_vec);
    b.key(KeyCode::End).type_text("x").key(KeyCode::F(2));
    assert!(b.shows("tersimpan"), "{}", b.text());
    // The save moved B's mark: `serve` tells the other sessions.
    assert_ne!(b.app.change_mark().map(<[u8]>::to_vec), before);
    // A's record is as it was until its next frame, which shows B's save on the same
    // section.
    a.draw();
    assert!(a.shows("belum ada riwayat perubahan"));
    assert!(next_frame(&mut a));
    assert!(a.shows("officer-b"), "{}", a.text());
    assert!(!a.shows("belum ada riwayat perubahan"), "{}", a.text());
    // Nothing new: the next frame changes nothing.
    assert!(!next_frame(&mut a));
}

#[test]
fn a_form_whose_record_another_session_saved_says_who_and_keeps_the_typed_text() {
    let mut a = demo();
    let mut b = second(&a, "officer-b", Lang::Id);
    a.key(KeyCode::Enter).key(KeyCode::Char('u'));
    a.key(KeyCode::End).type_text("x");
    let typed = field_rows(&a);
    b.key(KeyCode::Enter).key(KeyCode::Char('u'));
    b.key(KeyCode::End).type_text("y").key(KeyCode::F(2));
    assert!(b.shows("tersimpan"), "{}", b.text());
    assert!(next_frame(&mut a));
    assert!(
        a.shows("Diubah di sesi lain oleh officer-b pukul"),
        "{}",
        a.text()
    );
    assert!(typed.iter().any(|l| l.contains("Harahapx")), "{typed:?}");
    assert_eq!(field_rows(&a), typed, "the typed values stay");
    // The notice stays while typing on.
    a.type_text("z");
    assert!(
        a.shows("Diubah di sesi lain oleh officer-b"),
        "{}",
        a.text()
    );
    // The save is refused naming who saved, when and what; the form stays open.
    a.key(KeyCode::F(2));
    let text = a.text();
    assert!(
        text.contains("Tidak tersimpan: officer-b menyimpan data ini pukul"),
        "{text}"
    );
    assert!(text.contains("Ubah data pegawai"), "{text}");
}

#[test]
fn a_stale_save_names_the_other_officer_in_english_too() {
    let a = demo();
    let mut en = second(&a, "tester", Lang::En);
    let mut b = second(&a, "officer-b", Lang::Id);
    en.key(KeyCode::Enter).key(KeyCode::Char('u'));
    en.key(KeyCode::End).type_text("x");
    b.key(KeyCode::Enter).key(KeyCode::Char('u'));
    b.key(KeyCode::End).type_text("y").key(KeyCode::F(2));
    // Saved elsewhere and not yet taken in: the refusal still names who saved.
    en.key(KeyCode::F(2));
    let text = en.text();
    assert!(
        text.contains("Not saved: officer-b saved this record at"),
        "{text}"
    );
}

#[test]
fn a_sessions_own_save_is_not_news_to_its_next_form() {
    let mut a = demo();
    a.key(KeyCode::Enter).key(KeyCode::Char('u'));
    a.key(KeyCode::End).type_text("x").key(KeyCode::F(2));
    assert!(a.shows("tersimpan"), "{}", a.text());
    a.key(KeyCode::Char('u'));
    assert!(a.shows("Ubah data pegawai"), "{}", a.text());
    next_frame(&mut a);
    assert!(!a.shows("Diubah di sesi lain"), "{}", a.text());
}
