//! The screens' view kept at a clean close (issue 23, `store::view_file`): read back at
//! the next start instead of a pass over every summary, it must draw every screen exactly
//! as the pass does (on the day it was kept, on another day, after a session that saved
//! people's records), and it must never be used once anything else changed the database.

mod common;

use common::session::options;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::app::{App, Shared, view_key, view_key_of};
use kinerja::store::Store;
use kinerja::store::view_file::{VIEW_FILE, sound_fingerprint};
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

/// The view's key for this test program (which can always read its own file).
fn key(year: i16, jp: kinerja::domain::JpTargets) -> Vec<u8> {
    view_key(year, jp).expect("the program's own file")
}

fn opts() -> kinerja::app::Options {
    options(Lang::Id, Theme::default())
}

/// A session over `db` that read every summary (no view used).
fn loaded(db: &std::path::Path, opts: kinerja::app::Options) -> App {
    let mut app = App::new(Store::open(db).expect("open"), opts).expect("app");
    app.finish_loading().expect("load");
    app
}

/// A demo database (in the directory returned, which the caller keeps) closed by a
/// session that changed nothing, so it has a view.
fn demo_with_a_view() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    common::session::make_demo_at(dir.path());
    let db = dir.path().join("db");
    let app = loaded(&db, opts());
    let kept = app.view_to_keep().expect("nothing changed: a view");
    app.into_store().close_with_view(Some(kept)).expect("close");
    (dir, db)
}

/// The screens of a start that reads every summary (the view, if any, left unread), its
/// close keeping the view of that pass.
fn screens_of_a_pass(db: &std::path::Path, opts: kinerja::app::Options) -> Vec<String> {
    let mut app = loaded(db, opts);
    let shown = screens(&mut app);
    let kept = app.view_to_keep().expect("nothing changed: a view is kept");
    app.into_store().close_with_view(Some(kept)).expect("close");
    shown
}

/// The screens of a start from the view its files were kept with, read as the screens
/// read it (under `opts`' year and day); the view is kept again at its close.
fn screens_of_the_view(db: &std::path::Path, opts: kinerja::app::Options) -> Vec<String> {
    let fingerprint = sound_fingerprint(db).expect("closed sound");
    let shared = Shared::read_view(
        db,
        fingerprint,
        &key(opts.today.year(), opts.jp),
        opts.today,
        |_| {},
    )
    .expect("a whole view for these files");
    let store = Store::open(db).expect("open");
    let mut app = App::from_view(store, shared, opts).expect("app");
    let shown = screens(&mut app);
    let kept = app.view_to_keep().expect("nothing changed: a view is kept");
    app.into_store().close_with_view(Some(kept)).expect("close");
    shown
}

fn assert_same(passed: &[String], from_view: &[String], what: &str) {
    for (n, (a, b)) in passed.iter().zip(from_view).enumerate() {
        assert_eq!(
            a, b,
            "{what}: screen {n} differs between the pass and the view"
        );
    }
    assert_eq!(passed.len(), from_view.len());
}

#[test]
fn the_view_kept_at_a_close_draws_every_screen_as_a_pass_over_the_summaries() {
    let dir = tempfile::tempdir().expect("dir");
    common::session::make_demo_at(dir.path());
    let db = dir.path().join("db");
    // A start that reads every summary (no view yet), closed without a change.
    let mut app = loaded(&db, opts());
    let passed = screens(&mut app);
    let kept = app.view_to_keep().expect("nothing changed: a view is kept");
    assert_eq!(kept.0, key(opts().today.year(), opts().jp));
    app.into_store().close_with_view(Some(kept)).expect("close");
    assert!(db.join(VIEW_FILE).exists());

    // The next start reads the view instead, and draws the same screens.
    assert_same(&passed, &screens_of_the_view(&db, opts()), "the same day");
    // Under another year's key (or other JP targets), the view is not read.
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let year = opts().today.year();
    let today = opts().today;
    assert!(
        Shared::read_view(&db, fingerprint, &key(year + 1, opts().jp), today, |_| {}).is_none()
    );
    let mut jp = opts().jp;
    jp.pns += 1;
    assert!(Shared::read_view(&db, fingerprint, &key(year, jp), today, |_| {}).is_none());
}

/// Beranda's counts move with the day (the JP due by today, contracts ending, coaching
/// past its follow-up date, retiring): a view kept yesterday gives today's rows, and
/// Beranda is counted again from them, as a pass today would.
#[test]
fn a_view_kept_on_another_day_gives_the_rows_and_beranda_is_counted_for_today() {
    let (_dir, db) = demo_with_a_view();

    // Days on which Beranda's counts differ from the day the view was kept: the demo's
    // coaching follow-ups and contracts fall due across them. Each start reads the view
    // the start before kept, of an earlier day.
    let first = screens_of_a_pass(&db, opts());
    let mut differed = false;
    let first_day = opts().today;
    for days in [1, 5, 33] {
        let mut later = opts();
        later.today = first_day
            .checked_add(jiff::Span::new().days(days))
            .expect("date");
        assert_eq!(
            later.today.year(),
            first_day.year(),
            "a view is of its year"
        );
        let from_view = screens_of_the_view(&db, later.clone());
        let passed = screens_of_a_pass(&db, later);
        differed |= from_view[0] != first[0];
        assert_same(&passed, &from_view, &format!("{days} days later"));
    }
    assert!(differed, "the days tried change what Beranda shows");
}

/// A session that saved only people's records (evaluations, trainings, coaching, a
/// staff record changed, a person added) keeps a view: their summaries are read again
/// into the rows at the close, and the next start draws what a pass draws.
#[test]
fn a_session_that_saved_peoples_records_keeps_a_view_as_a_pass_would_give() {
    use kinerja::domain::Rating;
    let dir = tempfile::tempdir().expect("dir");
    common::session::make_demo_at(dir.path());
    let db = dir.path().join("db");
    let mut app = loaded(&db, opts());
    let before = screens(&mut app);
    let nips: Vec<String> = app
        .store()
        .iter_summaries()
        .map(|s| s.expect("summary").nip)
        .collect();
    let store = app.store();
    // Saved through the store, not the screens: nothing but the close's reading brings
    // the rows up to date.
    let mut poor = store
        .evaluations_of(&nips[0])
        .expect("read")
        .into_iter()
        .max_by_key(|e| e.period.sort_key())
        .expect("the demo evaluated everyone");
    (poor.hasil_kerja, poor.perilaku) = (Rating::DiBawah, Rating::DiBawah);
    store
        .save_evaluation(&nips[0], &poor, "t")
        .expect("evaluation");
    store
        .save_training(&nips[1], &common::training("Bimtek Arsip Digital", 40), "t")
        .expect("training");
    store
        .save_coaching(&nips[2], &common::coaching(), opts().today, "t")
        .expect("coaching");
    let mut moved = store.get_staff(&nips[3]).expect("read").expect("staff");
    moved.nama = "Zulkifli Abdi Ritonga".into();
    store.save_staff(&moved, "t").expect("staff");
    let mut added = common::staff("199912312024121001");
    added.unit_id = moved.unit_id.clone();
    store.save_staff(&added, "t").expect("new staff");
    let kept = app
        .view_to_keep()
        .expect("only people's records changed: a view");
    app.into_store().close_with_view(Some(kept)).expect("close");

    let from_view = screens_of_the_view(&db, opts());
    let passed = screens_of_a_pass(&db, opts());
    assert_same(&passed, &from_view, "after the saves");
    assert_ne!(before, passed, "the saves change what the screens show");
}

#[test]
fn a_session_that_saved_a_unit_keeps_no_view_and_a_command_that_saved_removes_it() {
    let (_dir, db) = demo_with_a_view();
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

    // A session that saves anything but people's records (a unit: its name is in the
    // rows) keeps none either.
    let app = loaded(&db, opts());
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
    let (_dir, db) = demo_with_a_view();
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
        let today = opts().today;
        assert!(
            Shared::read_view(&db, after, &key(today.year(), opts().jp), today, |_| {}).is_some()
        );
    }
}

/// The text of a buffer, row by row.
fn rows_of(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

/// Beranda is drawn from the view's counts as soon as they are read, before the rows and
/// before the store is open: exactly the screens' first frame but its key line. Only
/// with counts of the day: the close's or one of the seven after it, which the close
/// counted too (a later day's are counted again once the store is open).
#[test]
fn beranda_from_the_view_before_the_store_opens_is_the_first_frame_but_its_keys() {
    let (_dir, db) = demo_with_a_view();
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let o = opts();
    let (today, jp) = (o.today, o.jp);
    let mut early = None;
    let shared = Shared::read_view(&db, fingerprint, &key(o.today.year(), o.jp), o.today, |h| {
        early = Some(h.clone());
    })
    .expect("a whole view");
    let home = early.expect("the counts of the day are given before the rows");
    let ui = o.ui();
    let mut before = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    before
        .draw(|f| kinerja::app::draw_opening_home(f, &ui, o.today, &home))
        .expect("draw");
    let mut app = App::from_view(Store::open(&db).expect("open"), shared, o).expect("app");
    let mut first = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    first.draw(|f| app.draw(f)).expect("draw");
    let (before, first) = (
        rows_of(before.backend().buffer()),
        rows_of(first.backend().buffer()),
    );
    assert!(first[1..23].iter().any(|r| r.contains("Cakupan penilaian")));
    assert_eq!(before[..23], first[..23], "the tab bar and Beranda");
    assert_eq!(before[23].trim(), "", "the keys wait for the screens");
    let kept = app.view_to_keep().expect("nothing changed");
    app.into_store().close_with_view(Some(kept)).expect("close");

    // The next day: the close counted it too, so its counts are given early; eight days
    // later they are not (they are counted again once the store is open).
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let tomorrow = today.tomorrow().expect("date");
    let mut given = false;
    let read = Shared::read_view(&db, fingerprint, &key(today.year(), jp), tomorrow, |_| {
        given = true;
    });
    assert!(read.is_some() && given, "the next day's counts are drawn");
    let later = today.checked_add(jiff::Span::new().days(8)).expect("date");
    let mut given = false;
    let read = Shared::read_view(&db, fingerprint, &key(today.year(), jp), later, |_| {
        given = true;
    });
    assert!(
        read.is_some() && !given,
        "counts of a day not counted ahead are not drawn"
    );

    // A database with officers: the screens' scope is known only once it is open (the
    // officer of the OS user), so the counts wait for it.
    let store = Store::open(&db).expect("open");
    let officer = kinerja::domain::Officer {
        name: "admin".into(),
        role: kinerja::domain::Role::Admin,
        units: Vec::new(),
        keys: Vec::new(),
        lang: String::new(),
        revision: 0,
    };
    store.save_officer(&officer, true, "t").expect("officer");
    store.close().expect("close");
    let app = loaded(&db, opts());
    let kept = app.view_to_keep().expect("nothing changed in the session");
    app.into_store().close_with_view(Some(kept)).expect("close");
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let mut given = false;
    let read = Shared::read_view(&db, fingerprint, &key(today.year(), jp), today, |_| {
        given = true;
    });
    assert!(read.is_some() && !given, "with officers, not drawn early");
}

/// A view whose head is whole but whose rows are not (a byte damaged, a file torn after a
/// crash): Beranda was drawn from the head, the rows are read again from the store, and
/// Beranda keeps those counts meanwhile instead of going blank; the pass then counts the
/// same.
#[test]
fn damaged_rows_after_a_whole_head_keep_the_counts_drawn_while_the_rows_are_read_again() {
    let (_dir, db) = demo_with_a_view();
    let file = db.join(VIEW_FILE);
    let mut bytes = std::fs::read(&file).expect("read");
    let near_end = bytes.len() - 40;
    bytes[near_end] ^= 0x55;
    std::fs::write(&file, &bytes).expect("write");
    let o = opts();
    let fingerprint = sound_fingerprint(&db).expect("the files are as closed");
    let mut early = None;
    let read = Shared::read_view(&db, fingerprint, &key(o.today.year(), o.jp), o.today, |h| {
        early = Some(h.clone());
    });
    assert!(read.is_none(), "damaged rows are refused");
    let home = early.expect("the whole head was read first");
    let ui = o.ui();
    let mut before = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    before
        .draw(|f| kinerja::app::draw_opening_home(f, &ui, o.today, &home))
        .expect("draw");
    let mut app = App::new(Store::open(&db).expect("open"), o).expect("app");
    app.show_home_while_loading(home);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| app.draw(f)).expect("draw");
    let (before, first) = (
        rows_of(before.backend().buffer()),
        rows_of(term.backend().buffer()),
    );
    assert_eq!(before[..23], first[..23], "Beranda stays as drawn");
    app.finish_loading().expect("load");
    term.draw(|f| app.draw(f)).expect("draw");
    assert_eq!(
        rows_of(term.backend().buffer())[..23],
        first[..23],
        "the pass counts the same"
    );
}

/// An empty database opens on the welcome screen: its view carries no Beranda to draw.
#[test]
fn an_empty_databases_view_gives_no_beranda_to_draw_early() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("db");
    let app = App::new(Store::open(&db).expect("open"), opts()).expect("app");
    let kept = app.view_to_keep().expect("nothing changed");
    app.into_store().close_with_view(Some(kept)).expect("close");
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let o = opts();
    let mut given = false;
    let read = Shared::read_view(
        &db,
        fingerprint,
        &key(o.today.year(), o.jp),
        o.today,
        |_| {
            given = true;
        },
    );
    assert!(read.is_some(), "the view is read");
    assert!(!given, "no counts of an empty database");
}

/// A command that changes the database (`demo`, `import`, `restore`, `compact`,
/// `officer`) keeps the screens' view at its end (issue 19: the start after it is no
/// pass): the files it left are sound, the view is for them and for the `kinerja`
/// binary's key, it holds Beranda's counts of the command's day, and it draws every
/// screen exactly as a pass over the same database does.
#[test]
fn a_command_that_changed_the_database_keeps_a_view_the_next_start_draws_from() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("db");
    let exe = std::path::Path::new(env!("CARGO_BIN_EXE_kinerja"));
    // No user configuration (JP targets, language) and one time zone for both sides.
    let run = |args: &[&str]| {
        let out = std::process::Command::new(exe)
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("HOME", dir.path())
            .env("TZ", "UTC")
            .output()
            .expect("kinerja runs");
        assert!(out.status.success(), "kinerja {args:?}: {out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    run(&["demo", "--staff", "300"]);
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let opts = kinerja::app::Options { today, ..opts() };
    let view_of_the_command = |db: &std::path::Path| {
        let fingerprint = sound_fingerprint(db).expect("the command closed it sound");
        let key = view_key_of(exe, today.year(), opts.jp).expect("the binary's key");
        let mut home = false;
        let shared = Shared::read_view(db, fingerprint, &key, today, |_| home = true)
            .expect("a whole view for the files the command left");
        (shared, home)
    };
    let (shared, home) = view_of_the_command(&db);
    assert!(
        home,
        "Beranda's counts of the command's day are in the view"
    );
    let store = Store::open(&db).expect("open");
    let mut app = App::from_view(store, shared, opts.clone()).expect("app");
    let from_view = screens(&mut app);
    app.into_store().close().expect("close");
    assert_same(
        &screens_of_a_pass(&db, opts.clone()),
        &from_view,
        "after demo",
    );

    // An import that renames one person: the view is kept again, with the change.
    let exported = run(&["export", "staff"]);
    let mut lines = exported.lines();
    let header = lines.next().expect("a header");
    let nama = header.split(',').position(|c| c == "nama").expect("nama");
    let mut row: Vec<String> = lines
        .find(|l| !l.contains('"'))
        .expect("a row without quoted fields")
        .split(',')
        .map(str::to_string)
        .collect();
    row[nama] = "Aaron Baru Diimpor".into();
    let csv = dir.path().join("one.csv");
    std::fs::write(&csv, format!("{header}\n{}\n", row.join(","))).expect("csv");
    run(&["import", "staff", csv.to_str().expect("utf-8")]);
    let (shared, _) = view_of_the_command(&db);
    let store = Store::open(&db).expect("open");
    let mut app = App::from_view(store, shared, opts.clone()).expect("app");
    let after = screens(&mut app);
    app.into_store().close().expect("close");
    assert_same(&screens_of_a_pass(&db, opts), &after, "after import");
    assert_ne!(from_view, after, "the import changed what the screens show");
}

/// `2` typed while the database still opens, over Beranda drawn early: the list drawn
/// from the view's rows is the screens' list once they handle that key, but the key line.
#[test]
fn the_list_drawn_from_the_view_before_the_store_opens_is_the_screens_list_but_its_keys() {
    let (_dir, db) = demo_with_a_view();
    let fingerprint = sound_fingerprint(&db).expect("closed sound");
    let o = opts();
    let shared = Shared::read_view(
        &db,
        fingerprint,
        &key(o.today.year(), o.jp),
        o.today,
        |_| {},
    )
    .expect("a whole view");
    let ui = o.ui();
    let mut before = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    before
        .draw(|f| kinerja::app::draw_opening_list(f, &ui, o.today, &shared))
        .expect("draw");
    let mut app = App::from_view(Store::open(&db).expect("open"), shared, o).expect("app");
    app.handle_key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    let mut first = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    first.draw(|f| app.draw(f)).expect("draw");
    let (before, first) = (
        rows_of(before.backend().buffer()),
        rows_of(first.backend().buffer()),
    );
    assert!(first[0].contains("2 Pegawai") && first.iter().any(|r| r.contains("300")));
    assert_eq!(before[..23], first[..23], "the tab bar and the list");
    assert_eq!(before[23].trim(), "", "the keys wait for the screens");
    assert_ne!(first[23].trim(), "");
    let kept = app.view_to_keep().expect("nothing changed");
    app.into_store().close_with_view(Some(kept)).expect("close");

    // Typed while the terminal is too small for the screens (the opening says so): the
    // screens take none of it, as in their loop.
    let shared = Shared::read_view(
        &db,
        sound_fingerprint(&db).expect("closed sound"),
        &key(opts().today.year(), opts().jp),
        opts().today,
        |_| {},
    )
    .expect("a whole view");
    let mut app = App::from_view(Store::open(&db).expect("open"), shared, opts()).expect("app");
    app.note_size(40, 10);
    app.handle_input(kinerja::ui::event::Input::Key(KeyEvent::new(
        KeyCode::Char('2'),
        KeyModifiers::NONE,
    )));
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| app.draw(f)).expect("draw");
    let shown = rows_of(term.backend().buffer());
    assert!(
        shown.iter().any(|r| r.contains("Cakupan penilaian")),
        "still Beranda: {shown:?}"
    );
    app.into_store().close().expect("close");
}
