//! The screens' view kept at a clean close (issue 23, `store::view_file`): read back at
//! the next start instead of a pass over every summary, it must draw every screen exactly
//! as the pass does, and it must never be used once anything changed the database.

mod common;

use common::session::options;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::app::{App, Shared, view_key};
use kinerja::store::Store;
use kinerja::store::view_file::{VIEW_FILE, read_view, sound_fingerprint};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The text of the screens a start shows: Beranda, the list, Talenta, Pelatihan, Laporan
/// and the list sorted by predikat (a sorted order built from the rows read back).
fn screens(app: &mut App) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut shown = Vec::new();
    let mut draw = |app: &mut App| {
        term.draw(|f| app.draw(f)).expect("draw");
        let buffer = term.backend().buffer();
        let text: String = buffer
            .content()
            .chunks(80)
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
            .collect();
        shown.push(text);
    };
    draw(app);
    for key in ['2', '5', '3', '4', '2', 's', 's', 's', 's'] {
        app.handle_key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
        draw(app);
    }
    shown
}

fn opts() -> kinerja::app::Options {
    options(Lang::Id, Theme::default())
}

#[test]
fn the_view_kept_at_a_close_draws_every_screen_as_a_pass_over_the_summaries() {
    let dir = tempfile::tempdir().expect("dir");
    common::session::make_demo_at(dir.path());
    let db = dir.path().join("db");
    // A start that reads every summary (no view yet), closed without a change.
    let mut app = App::new(Store::open(&db).expect("open"), opts()).expect("app");
    app.finish_loading().expect("load");
    let passed = screens(&mut app);
    let kept = app.view_to_keep().expect("nothing changed: a view is kept");
    assert_eq!(kept.0, view_key(opts().today, opts().jp));
    app.into_store().close_with_view(Some(kept)).expect("close");
    assert!(db.join(VIEW_FILE).exists());

    // The next start reads the view instead, and draws the same screens.
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let payload = read_view(&db, fingerprint, &view_key(opts().today, opts().jp))
        .expect("the view for these files");
    let shared = Shared::from_view(&payload).expect("a whole view");
    let store = Store::open(&db).expect("open");
    let mut app = App::from_view(store, shared, opts()).expect("app");
    let from_view = screens(&mut app);
    for (n, (a, b)) in passed.iter().zip(&from_view).enumerate() {
        assert_eq!(a, b, "screen {n} differs between the pass and the view");
    }
    assert_eq!(passed.len(), from_view.len());
    // Read on another day, the view is not used.
    let tomorrow = opts().today.tomorrow().expect("date");
    app.into_store().close_with_view(None).expect("close");
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    assert!(read_view(&db, fingerprint, &view_key(tomorrow, opts().jp)).is_none());
}

#[test]
fn a_session_that_saved_keeps_no_view_and_a_command_that_saved_removes_it() {
    let dir = tempfile::tempdir().expect("dir");
    common::session::make_demo_at(dir.path());
    let db = dir.path().join("db");
    let mut app = App::new(Store::open(&db).expect("open"), opts()).expect("app");
    app.finish_loading().expect("load");
    let kept = app.view_to_keep().expect("a view");
    app.into_store().close_with_view(Some(kept)).expect("close");
    assert!(db.join(VIEW_FILE).exists());

    // A command (import, officer, ...) that changes the database: its close removes the
    // view, whose rows no longer say what the database holds.
    let store = Store::open(&db).expect("open");
    let unit = kinerja::domain::Unit::new(
        "Kelurahan Baru",
        kinerja::domain::UnitKind::Pemerintahan,
        None,
    );
    store.save_unit(&unit, "t").expect("unit");
    store.close().expect("close");
    assert!(!db.join(VIEW_FILE).exists(), "a stale view is removed");

    // A session that saves keeps none either.
    let mut app = App::new(Store::open(&db).expect("open"), opts()).expect("app");
    app.finish_loading().expect("load");
    assert!(app.view_to_keep().is_some());
    let unit = kinerja::domain::Unit::new(
        "Kelurahan Lain",
        kinerja::domain::UnitKind::Pemerintahan,
        None,
    );
    app.store().save_unit(&unit, "t").expect("unit");
    assert!(
        app.view_to_keep().is_none(),
        "the session changed the database"
    );
    app.into_store().close_with_view(None).expect("close");
    assert!(!db.join(VIEW_FILE).exists());
}

#[test]
fn a_command_that_changed_nothing_leaves_the_view_in_place() {
    let dir = tempfile::tempdir().expect("dir");
    common::session::make_demo_at(dir.path());
    let db = dir.path().join("db");
    let mut app = App::new(Store::open(&db).expect("open"), opts()).expect("app");
    app.finish_loading().expect("load");
    let kept = app.view_to_keep().expect("a view");
    app.into_store().close_with_view(Some(kept)).expect("close");
    let before = sound_fingerprint(&db).expect("sound");
    // Read only (an export): the files stay as they were, and so does the view.
    let store = Store::open(&db).expect("open");
    assert!(store.counts().expect("counts").staff > 0);
    store.close().expect("close");
    let after = sound_fingerprint(&db).expect("sound");
    assert_eq!(
        db.join(VIEW_FILE).exists(),
        before == after,
        "kept exactly when the files are as the view's close left them"
    );
    if before == after {
        assert!(read_view(&db, after, &view_key(opts().today, opts().jp)).is_some());
    }
}
