//! Issue 22, part C: what one session sees of another's saves. Two apps over one store,
//! as `kinerja serve` runs them in one process: one saves, the other's open record, form
//! or refusal shows it at its next frame (`App::sync_shared` is what `serve` calls then).

mod common;

use common::session::{Session, demo, options};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::app::App;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A second session over the first one's database, as officer `actor`, on the staff list.
fn second(first: &Session, actor: &str, lang: Lang) -> Session {
    let mut s = starting(first, actor, lang);
    s.key(KeyCode::Char('2'));
    s
}

/// A session over `first`'s database as officer `actor`, at its first frame (Beranda).
fn starting(first: &Session, actor: &str, lang: Lang) -> Session {
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
    s
}

/// The draft names and one field of each draft officer `actor` keeps, per session key.
fn names_in_drafts(s: &Session, actor: &str) -> Vec<(String, String)> {
    s.app
        .store()
        .drafts_under(&format!("{actor}/"))
        .unwrap()
        .into_iter()
        .map(|(k, d)| {
            let nama = d
                .fields
                .iter()
                .find(|(f, _)| f == "nama")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (k, nama)
        })
        .collect()
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
    // What to do comes before what changed (a status line cut at 80 columns keeps it).
    assert!(
        text.contains("pukul") && text.contains("buka lagi, lalu ulangi perubahan"),
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

/// A session as `serve` opens one: over the rows `shared` holds for every session.
fn served(first: &Session, shared: &kinerja::app::Shared, actor: &str) -> Session {
    let mut opts = options(Lang::Id, Theme::default());
    opts.actor = actor.into();
    let app = App::with_shared(first.app.store().clone(), shared.clone(), opts).unwrap();
    let mut s = Session {
        dir: tempfile::tempdir().unwrap(),
        app,
        term: Terminal::new(TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    s
}

#[test]
fn two_sessions_of_one_officer_keep_their_own_drafts() {
    let base = demo();
    let today = options(Lang::Id, Theme::default()).today;
    let shared = kinerja::app::Shared::load(base.app.store(), today).unwrap();
    let mut a = served(&base, &shared, "tester");
    let mut b = served(&base, &shared, "tester");
    a.key(KeyCode::Char('2'));
    b.key(KeyCode::Char('2'));
    a.key(KeyCode::Enter).key(KeyCode::Char('u'));
    b.key(KeyCode::Enter).key(KeyCode::Char('u'));
    a.key(KeyCode::End).type_text("x");
    b.key(KeyCode::End).type_text("y");
    let drafts = names_in_drafts(&a, "tester");
    assert_eq!(drafts.len(), 2, "{drafts:?}");
    assert!(drafts.iter().any(|(_, n)| n.ends_with('x')), "{drafts:?}");
    assert!(drafts.iter().any(|(_, n)| n.ends_with('y')), "{drafts:?}");
    assert!(
        drafts.iter().all(|(k, _)| k.starts_with("tester/~")),
        "{drafts:?}"
    );
    // A session of the same officer starting now is offered neither: both are open.
    let c = served(&base, &shared, "tester");
    assert!(!c.shows("Draf data pegawai"), "{}", c.text());
    // Once one ends, its draft is offered to the next session.
    drop(a);
    let d = served(&base, &shared, "tester");
    assert!(d.shows("Draf data pegawai"), "{}", d.text());
}

#[test]
fn a_draft_left_by_an_ended_session_is_offered_at_the_start_and_y_opens_it() {
    let mut a = demo();
    a.key(KeyCode::Enter).key(KeyCode::Char('u'));
    a.key(KeyCode::End).type_text("x");
    let name = field_rows(&a)
        .iter()
        .find(|l| l.contains("Nama "))
        .map(|l| {
            l.split("Nama")
                .nth(1)
                .unwrap_or("")
                .trim()
                .trim_end_matches('│')
                .trim()
                .to_string()
        })
        .unwrap();
    assert!(name.ends_with('x'), "{name}");
    let person = name.trim_end_matches('x').to_string();
    let store = a.app.store().clone();
    // The session ends (the link dropped) with the form open.
    let a = Session {
        app: App::new(store, options(Lang::Id, Theme::default())).unwrap(),
        ..a
    };
    let mut b = starting(&a, "tester", Lang::Id);
    let offer = format!("Draf data pegawai untuk {person} dari");
    assert!(b.shows(&offer), "{}", b.text());
    assert!(b.shows("buka? (y/n)"), "{}", b.text());
    b.key(KeyCode::Char('y'));
    assert!(b.shows("Ubah data pegawai"), "{}", b.text());
    assert!(b.shows(&name), "the draft is used: {}", b.text());
    // Esc goes back to the person's record.
    b.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert!(b.shows("Evaluasi │ Pelatihan"), "{}", b.text());
}

#[test]
fn n_keeps_the_offered_draft_for_its_form_and_english_says_so_too() {
    let mut a = demo();
    a.key(KeyCode::Enter).key(KeyCode::Char('u'));
    a.key(KeyCode::End).type_text("x");
    drop(a.app);
    let mut a = Session {
        app: App::new(
            kinerja::store::Store::open(&a.dir.path().join("db")).unwrap(),
            options(Lang::Id, Theme::default()),
        )
        .unwrap(),
        dir: a.dir,
        term: a.term,
    };
    a.app.finish_loading().unwrap();
    a.draw();
    assert!(a.shows("Draf data pegawai untuk"), "{}", a.text());
    a.key(KeyCode::Char('n'));
    assert!(a.shows("Draf disimpan untuk nanti"), "{}", a.text());
    // Opening the form offers it, as before.
    a.key(KeyCode::Char('2'))
        .key(KeyCode::Enter)
        .key(KeyCode::Char('u'));
    assert!(a.shows("Ada draf yang belum disimpan"), "{}", a.text());
    // In English, a new session (this one is still open: its draft is its own now).
    drop(a.app);
    let store = kinerja::store::Store::open(&a.dir.path().join("db")).unwrap();
    let mut app = App::new(store, options(Lang::En, Theme::default())).unwrap();
    app.finish_loading().unwrap();
    let mut en = Session {
        app,
        dir: a.dir,
        term: a.term,
    };
    en.draw();
    assert!(en.shows("A staff data draft for"), "{}", en.text());
}

/// The screen's text with the times of real saves (the audit trail's clock, not the
/// tests' date) written as `YYYY-MM-DD` and `HH:MM`: same width, so lines wrap alike.
fn masked(text: &str) -> String {
    let today = jiff::Zoned::now().date().to_string();
    let text = text.replace(&today, "YYYY-MM-DD");
    let c: Vec<char> = text.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(|ch| ch.is_ascii_digit());
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        if (i == 0 || !digit(i - 1))
            && digit(i)
            && digit(i + 1)
            && c.get(i + 2) == Some(&':')
            && digit(i + 3)
            && digit(i + 4)
        {
            out.push_str("HH:MM");
            i += 5;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn the_changed_underneath_notice_and_the_offered_draft_in_three_looks() {
    for (look, lang, theme) in common::session::looks() {
        let mut a = common::session::session_with(300, lang, theme, 80, 24);
        let mut b = second(&a, "officer-b", Lang::Id);
        a.key(KeyCode::Enter).key(KeyCode::Char('u'));
        a.key(KeyCode::End).type_text("x");
        b.key(KeyCode::Enter).key(KeyCode::Char('u'));
        b.key(KeyCode::End).type_text("y").key(KeyCode::F(2));
        next_frame(&mut a);
        insta::assert_snapshot!(format!("changed_underneath__{look}"), masked(&a.text()));
        // The session ends with the form open; the next one offers its draft.
        let store = a.app.store().clone();
        let mut opts = options(lang, theme);
        opts.actor = "tester".into();
        a.app = App::new(store, opts).unwrap();
        a.app.finish_loading().unwrap();
        a.draw();
        insta::assert_snapshot!(format!("draft_offered__{look}"), masked(&a.text()));
    }
}

const ANI_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF0RBVAawFXnOnbCk92fsNyRQKGhLbncgPRg3n/P+pIw ani@kantor";

/// The demo with two officers (ani admin, budi penilai of the first unit), working as
/// `who` in `lang` and `theme`, on the staff list.
fn with_officers(who: &str, lang: Lang, theme: Theme) -> Session {
    use kinerja::domain::{Officer, Role};
    let base = common::session::session_with(300, lang, theme, 80, 24);
    let store = base.app.store().clone();
    let unit = store.units().unwrap()[0].id.clone();
    let ani = Officer {
        name: "ani".into(),
        role: Role::Admin,
        units: vec![],
        keys: vec![ANI_KEY.into()],
        lang: String::new(),
        revision: 0,
    };
    let budi = Officer {
        name: "budi".into(),
        role: Role::Penilai,
        units: vec![unit],
        keys: vec![],
        lang: "en".into(),
        revision: 0,
    };
    store.save_officer(&ani, true, "t").unwrap();
    store.save_officer(&budi, true, "t").unwrap();
    let mut opts = options(lang, theme);
    opts.actor = who.into();
    opts.officer = store.officer(who).unwrap();
    let mut app = App::new(store, opts).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session { app, ..base };
    s.draw();
    s.key(KeyCode::Char('2'));
    s
}

#[test]
fn the_officers_screen_lists_roles_units_keys_and_who_is_in() {
    for (look, lang, theme) in common::session::looks() {
        let mut s = with_officers("ani", lang, theme);
        s.key(KeyCode::Char('O'));
        let text = s.text();
        assert!(text.contains("ani") && text.contains("admin"), "{text}");
        assert!(text.contains("budi") && text.contains("penilai"), "{text}");
        assert!(text.contains("SHA256:"), "{text}");
        assert!(text.contains("ani@kantor"), "{text}");
        assert!(text.contains("ani (admin)"), "who is in: {text}");
        assert!(s.shows("Masuk terakhir") || s.shows("Last login"), "{text}");
        insta::assert_snapshot!(format!("officers__{look}"), s.text());
        // Down selects budi, who has no key; Esc goes back to the list.
        s.key(KeyCode::Down);
        assert!(!s.shows("ani@kantor"), "{}", s.text());
        s.key(KeyCode::Esc);
        assert!(s.shows("ditampilkan") || s.shows("shown"), "{}", s.text());
    }
}

#[test]
fn the_officers_screen_says_when_each_officer_last_logged_in() {
    use kinerja::store::records::AuditAction;
    let mut s = with_officers("ani", Lang::En, Theme::default());
    let store = s.app.store().clone();
    store
        .audit_event("ani", AuditAction::Login, "officers/ani", "from 127.0.0.1")
        .unwrap();
    s.key(KeyCode::Char('O'));
    let text = s.text();
    let row = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no row for {name}: {text}"))
            .to_string()
    };
    // ani's row ends with a `YYYY-MM-DD HH:MM` time, budi (never in) with `-`.
    let ani = row("ani");
    let last: Vec<&str> = ani.split_whitespace().rev().take(2).collect();
    assert!(
        last.len() == 2 && last[0].len() == 5 && last[0].as_bytes()[2] == b':',
        "{ani}"
    );
    assert!(
        last[1].len() == 10 && last[1].as_bytes()[4] == b'-',
        "{ani}"
    );
    assert!(
        row("budi")
            .trim_end()
            .trim_end_matches('│')
            .trim_end()
            .ends_with('-'),
        "{text}"
    );
}

#[test]
fn only_an_admin_opens_the_officers() {
    let mut s = with_officers("budi", Lang::Id, Theme::default());
    s.key(KeyCode::Char('O'));
    assert!(
        s.shows("hanya admin yang melihat daftar petugas"),
        "{}",
        s.text()
    );
    assert!(!s.shows("SHA256:"), "{}", s.text());
}

const BUDI_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl budi@hp";

/// The newest audit entry about `record`: its actor and summary.
fn last_audit(s: &Session, record: &str) -> Option<(String, String)> {
    s.app
        .store()
        .audit_before(None)
        .filter_map(Result::ok)
        .find(|e| e.record == record)
        .map(|e| (e.actor, e.summary))
}

#[test]
fn an_admin_adds_a_pasted_key_and_removes_it_on_the_officers_screen() {
    for (look, lang, theme) in common::session::looks() {
        let mut s = with_officers("ani", lang, theme);
        s.key(KeyCode::Char('O'));
        s.key(KeyCode::Down);
        s.key(KeyCode::Tab);
        s.key(KeyCode::Char('n'));
        // A private key pasted by mistake is refused and nothing is written.
        s.bytes(b"\x1b[200~-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n\x1b[201~");
        s.key(KeyCode::Enter);
        assert!(s.shows("PRIVAT") || s.shows("PRIVATE"), "{}", s.text());
        assert!(
            s.app
                .store()
                .officer("budi")
                .unwrap()
                .unwrap()
                .keys
                .is_empty()
        );
        // Pasted as its .pub line: saved, audited with its fingerprint, shown.
        s.key(KeyCode::Char('n'));
        s.bytes(format!("\x1b[200~{BUDI_KEY}\n\x1b[201~").as_bytes());
        insta::assert_snapshot!(format!("officers_paste__{look}"), s.text());
        let breaks = kinerja::ui::keys::grammar_breaks(&s.app.keys());
        assert!(breaks.is_empty(), "{breaks:?}");
        s.key(KeyCode::Enter);
        let budi = s.app.store().officer("budi").unwrap().unwrap();
        assert_eq!(budi.keys.len(), 1, "{}", s.text());
        assert!(s.shows("budi@hp"), "{}", s.text());
        let (actor, summary) = last_audit(&s, "officers/budi").unwrap();
        assert_eq!(actor, "ani");
        assert!(summary.contains("SHA256:"), "{summary}");
        // Still on the keys after the save: d, y removes it.
        s.key(KeyCode::Char('d'));
        insta::assert_snapshot!(format!("officers_ask_key__{look}"), s.text());
        let breaks = kinerja::ui::keys::grammar_breaks(&s.app.keys());
        assert!(breaks.is_empty(), "{breaks:?}");
        s.key(KeyCode::Char('y'));
        assert!(!s.shows("budi@hp"), "{}", s.text());
        assert!(
            s.app
                .store()
                .officer("budi")
                .unwrap()
                .unwrap()
                .keys
                .is_empty()
        );
    }
}

#[test]
fn an_admin_removes_an_officer_after_a_yes_and_not_after_another_key() {
    let mut s = with_officers("ani", Lang::En, Theme::default());
    s.key(KeyCode::Char('O'));
    s.key(KeyCode::Down);
    s.key(KeyCode::Delete);
    assert!(s.shows("remove officer budi?"), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert!(s.app.store().officer("budi").unwrap().is_some());
    s.key(KeyCode::Char('d'));
    s.key(KeyCode::Char('y'));
    assert!(s.app.store().officer("budi").unwrap().is_none());
    assert!(s.shows("officer removed"), "{}", s.text());
    assert!(s.shows("1 officers"), "{}", s.text());
    let (actor, summary) = last_audit(&s, "officers/budi").unwrap();
    assert_eq!(actor, "ani");
    assert!(summary.starts_with("removed"), "{summary}");
}

#[test]
fn an_admin_removes_neither_themselves_nor_their_last_key() {
    let mut s = with_officers("ani", Lang::En, Theme::default());
    s.key(KeyCode::Char('O'));
    s.key(KeyCode::Char('d'));
    s.key(KeyCode::Char('y'));
    assert!(s.shows("you cannot remove yourself"), "{}", s.text());
    s.key(KeyCode::Tab);
    s.key(KeyCode::Char('d'));
    s.key(KeyCode::Char('y'));
    assert!(s.shows("this is your last key"), "{}", s.text());
    let ani = s.app.store().officer("ani").unwrap().unwrap();
    assert_eq!(ani.keys.len(), 1);
}

#[test]
fn an_admin_adds_an_officer_who_can_log_in_with_the_pasted_key() {
    for (look, lang, theme) in common::session::looks() {
        let mut s = with_officers("ani", lang, theme);
        let unit = s.app.store().units().unwrap()[0].name.clone();
        s.key(KeyCode::Char('O'));
        s.key(KeyCode::Char('n'));
        s.type_text("cici");
        s.key(KeyCode::Tab); // role: penilai (the default)
        s.key(KeyCode::Tab);
        s.type_text(&unit);
        s.key(KeyCode::Tab); // language: the server's
        s.key(KeyCode::Tab);
        s.bytes(format!("\x1b[200~{BUDI_KEY}\x1b[201~").as_bytes());
        insta::assert_snapshot!(format!("officer_new__{look}"), s.text());
        s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
        let store = s.app.store().clone();
        let cici = store
            .officer("cici")
            .unwrap()
            .unwrap_or_else(|| panic!("{}", s.text()));
        assert_eq!(cici.role, kinerja::domain::Role::Penilai);
        assert_eq!(cici.units.len(), 1);
        assert_eq!(cici.keys.len(), 1);
        let key = russh::keys::PublicKey::from_openssh(BUDI_KEY).unwrap();
        assert_eq!(store.officer_for_key(&key).unwrap().unwrap().name, "cici");
        assert!(s.shows("cici"), "{}", s.text());
        let (actor, summary) = last_audit(&s, "officers/cici").unwrap();
        assert_eq!(actor, "ani");
        assert!(summary.starts_with("added"), "{summary}");
    }
}

#[test]
fn an_admin_changes_a_role_but_not_their_own_admin_role() {
    let mut s = with_officers("ani", Lang::En, Theme::default());
    s.key(KeyCode::Char('O'));
    // budi: penilai -> viewer.
    s.key(KeyCode::Down);
    s.key(KeyCode::Char('u'));
    assert!(s.shows("Change officer"), "{}", s.text());
    s.key(KeyCode::Right);
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let budi = s.app.store().officer("budi").unwrap().unwrap();
    assert_eq!(budi.role, kinerja::domain::Role::Viewer, "{}", s.text());
    let (_, summary) = last_audit(&s, "officers/budi").unwrap();
    assert!(summary.contains("penilai -> viewer"), "{summary}");
    // ani: admin -> viewer refused, nothing written.
    s.key(KeyCode::Up);
    s.key(KeyCode::Char('u'));
    s.key(KeyCode::Right);
    s.key(KeyCode::Right);
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.shows("your own admin role"), "{}", s.text());
    let ani = s.app.store().officer("ani").unwrap().unwrap();
    assert_eq!(ani.role, kinerja::domain::Role::Admin);
}

#[test]
fn an_officer_changed_meanwhile_is_not_saved_over_and_who_changed_it_is_named() {
    let mut s = with_officers("ani", Lang::En, Theme::default());
    s.key(KeyCode::Char('O'));
    s.key(KeyCode::Down);
    s.key(KeyCode::Char('u'));
    s.key(KeyCode::Right);
    let store = s.app.store().clone();
    let mut budi = store.officer("budi").unwrap().unwrap();
    budi.lang = "id".into();
    store.save_officer(&budi, false, "cici").unwrap();
    s.key(KeyCode::F(2));
    assert!(s.shows("cici saved this record"), "{}", s.text());
    let budi = store.officer("budi").unwrap().unwrap();
    assert_eq!(budi.role, kinerja::domain::Role::Penilai);
    assert_eq!(budi.lang, "id");
}

// ---- issue 22, the rest of the live view (i22-a): Beranda, Talenta, the profile, the
// SKP and Realisasi follow another session's saves.

/// Two sessions as `serve` runs them: over one database and the rows they share, both on
/// Beranda; the second as `officer-b`.
fn two_served() -> (Session, Session, Session) {
    let base = demo();
    let today = options(Lang::Id, Theme::default()).today;
    let shared = kinerja::app::Shared::load(base.app.store(), today).unwrap();
    let a = served(&base, &shared, "tester");
    let b = served(&base, &shared, "officer-b");
    (base, a, b)
}

/// Officer B deletes Ani Harahap's annual 2025 evaluation (the first person on the list,
/// the fourth evaluation on her record): a save Beranda's coverage and Talenta count.
fn b_deletes_an_annual_evaluation(b: &mut Session) {
    b.key(KeyCode::Char('2')).key(KeyCode::Enter);
    b.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Down);
    b.key(KeyCode::Enter);
    assert!(b.shows("Periode                  Tahunan"), "{}", b.text());
    b.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL)
        .key(KeyCode::Char('y'));
    assert!(b.shows("terhapus"), "{}", b.text());
}

#[test]
fn beranda_counts_another_sessions_save_at_its_next_frame() {
    let (_base, mut a, mut b) = two_served();
    assert!(a.shows("Cakupan penilaian: tahunan 2025"), "{}", a.text());
    assert!(a.shows("293 / 293 (100%)"), "{}", a.text());
    b_deletes_an_annual_evaluation(&mut b);
    // As it was until the next frame, which counts again.
    a.draw();
    assert!(a.shows("293 / 293 (100%)"), "{}", a.text());
    assert!(next_frame(&mut a));
    assert!(a.shows("292 / 293 (99%)"), "{}", a.text());
    // Nothing new: nothing is counted again.
    assert!(!next_frame(&mut a));
}

#[test]
fn talenta_moves_a_person_another_session_changed_on_top_or_gone_back_to() {
    let (_base, mut a, mut b) = two_served();
    a.key(KeyCode::Char('5'));
    assert!(a.shows("0 tanpa evaluasi tahunan"), "{}", a.text());
    assert!(a.shows("1 · 38 orang"), "{}", a.text());
    b_deletes_an_annual_evaluation(&mut b);
    assert!(next_frame(&mut a));
    assert!(a.shows("1 tanpa evaluasi tahunan"), "{}", a.text());
    assert!(a.shows("1 · 37 orang"), "{}", a.text());
    // Under a record it is read again only when gone back to, on the same box.
    let (_base, mut a, mut b) = two_served();
    a.key(KeyCode::Char('5'))
        .key(KeyCode::Tab)
        .key(KeyCode::Enter);
    assert!(a.shows("Evaluasi │ Pelatihan"), "{}", a.text());
    b_deletes_an_annual_evaluation(&mut b);
    next_frame(&mut a);
    a.key(KeyCode::Esc);
    assert!(a.shows("1 tanpa evaluasi tahunan"), "{}", a.text());
    assert!(a.shows("Kotak 9: promosi"), "{}", a.text());
}

#[test]
fn talenta_places_a_potensial_another_session_saved_though_the_potentials_were_kept() {
    // The sessions share the year's potentials, read once and kept until a save (issue
    // 23): a potensial saved by B must move the person at A's next frame, and A opening
    // the tab again after it must not see the kept, older potentials.
    use kinerja::domain::Potensial;
    let (_base, mut a, b) = two_served();
    a.key(KeyCode::Char('5'));
    assert!(a.shows("1 · 38 orang"), "{}", a.text());
    assert!(a.shows("6 · 0 orang"), "{}", a.text());
    // Someone in box 1 (Di Bawah, rendah) judged tinggi: box 6 (Di Bawah, tinggi).
    let store = b.app.store();
    let d = kinerja::views::talent::talent_data(store, 2025, None, &|_| true).unwrap();
    let first = d.boxes[0][0];
    let nip = d.people[first as usize].nip().to_string();
    let before = store.potentials_of(&nip).unwrap();
    let entry = common::potential(2025, Potensial::Tinggi);
    store
        .save_potential(
            &nip,
            &entry,
            before.revision,
            jiff::civil::date(2026, 11, 28),
            "b",
        )
        .unwrap();
    assert!(next_frame(&mut a));
    assert!(a.shows("1 · 37 orang"), "{}", a.text());
    assert!(a.shows("6 · 1 orang"), "{}", a.text());
    // Away and back: the same, now from the kept potentials.
    a.key(KeyCode::Char('2')).key(KeyCode::Char('5'));
    assert!(a.shows("6 · 1 orang"), "{}", a.text());
}

#[test]
fn the_profile_shows_another_sessions_save_at_its_next_frame() {
    let (_base, mut a, mut b) = two_served();
    a.key(KeyCode::Char('2'))
        .key(KeyCode::Enter)
        .key(KeyCode::Char('p'));
    assert!(a.shows("Profil pegawai: Ani Harahap"), "{}", a.text());
    assert!(a.shows("Thn 2025"), "{}", a.text());
    b_deletes_an_annual_evaluation(&mut b);
    assert!(next_frame(&mut a));
    assert!(a.shows("Profil pegawai: Ani Harahap"), "{}", a.text());
    assert!(
        !a.shows("Thn 2025"),
        "the trend lost the year: {}",
        a.text()
    );
}

/// Opens Ani Harahap's SKP 2026 (the record's sixth section, its first line).
fn open_first_skp(s: &mut Session) {
    s.key(KeyCode::Char('2')).key(KeyCode::Enter);
    for _ in 0..5 {
        s.key(KeyCode::Tab);
    }
    s.key(KeyCode::Enter);
    assert!(s.shows("SKP · Ani Harahap"), "{}", s.text());
}

#[test]
fn an_open_skp_shows_feedback_another_session_saved() {
    let (_base, mut a, mut b) = two_served();
    open_first_skp(&mut a);
    let rhk1 = |s: &Session| s.lines()[9].clone();
    assert!(
        rhk1(&a).trim_end_matches('│').trim_end().ends_with("1u"),
        "{}",
        a.text()
    );
    open_first_skp(&mut b);
    b.key(KeyCode::Char('m'))
        .type_text("Bagus")
        .key(KeyCode::F(2));
    assert!(b.shows("tersimpan"), "{}", b.text());
    assert!(next_frame(&mut a));
    assert!(
        rhk1(&a).trim_end_matches('│').trim_end().ends_with("2u"),
        "{}",
        a.text()
    );
}

/// The realisation column of row `i` of the Realisasi table.
fn realised_row(s: &Session, i: usize) -> String {
    s.lines()[6 + i].clone()
}

#[test]
fn realisasi_takes_in_another_sessions_save_and_keeps_what_is_typed() {
    let (_base, mut a, mut b) = two_served();
    a.key(KeyCode::Char('2')).key(KeyCode::Char('R'));
    b.key(KeyCode::Char('2')).key(KeyCode::Char('R'));
    assert!(realised_row(&a, 0).contains("Ani Harahap"), "{}", a.text());
    assert!(
        realised_row(&a, 1).contains("24 jam/minggu"),
        "{}",
        a.text()
    );
    // A types for Ani; B saves Ani's and then Bonar's.
    a.type_text("2");
    b.type_text("25").key(KeyCode::Enter);
    b.type_text("30").key(KeyCode::Enter);
    assert!(next_frame(&mut a));
    assert!(
        a.shows("Diubah di sesi lain oleh officer-b pukul"),
        "{}",
        a.text()
    );
    assert!(
        realised_row(&a, 0).contains("▏2") || realised_row(&a, 0).contains("2▏"),
        "{}",
        a.text()
    );
    // The other person's realisation is in; Ani's shows once typing stops.
    assert!(
        realised_row(&a, 1).contains("30 jam/minggu"),
        "{}",
        a.text()
    );
    a.key(KeyCode::Esc);
    assert!(
        realised_row(&a, 0).contains("25 jam/minggu"),
        "{}",
        a.text()
    );
}

#[test]
fn realisasi_changed_underneath_in_three_looks() {
    for (look, lang, theme) in common::session::looks() {
        let base = common::session::session_with(300, lang, theme, 80, 24);
        let today = options(lang, theme).today;
        let shared = kinerja::app::Shared::load(base.app.store(), today).unwrap();
        let mut opts = options(lang, theme);
        opts.actor = "tester".into();
        let app = App::with_shared(base.app.store().clone(), shared.clone(), opts).unwrap();
        let mut a = Session {
            dir: tempfile::tempdir().unwrap(),
            app,
            term: Terminal::new(TestBackend::new(80, 24)).unwrap(),
        };
        let mut b = served(&base, &shared, "officer-b");
        a.key(KeyCode::Char('2')).key(KeyCode::Char('R'));
        b.key(KeyCode::Char('2')).key(KeyCode::Char('R'));
        a.type_text("2");
        b.type_text("25").key(KeyCode::Enter);
        next_frame(&mut a);
        insta::assert_snapshot!(format!("realisasi_changed__{look}"), masked(&a.text()));
    }
}

#[test]
fn the_audit_screen_lists_another_sessions_save_at_its_next_frame() {
    let (_base, mut a, mut b) = two_served();
    a.key(KeyCode::Char('A'));
    assert!(!a.shows("officer-b"), "{}", a.text());
    b_deletes_an_annual_evaluation(&mut b);
    assert!(next_frame(&mut a));
    assert!(a.shows("officer-b"), "{}", a.text());
}

#[test]
fn the_officer_forms_draft_is_kept_when_the_session_ends_and_offered_at_login() {
    for (lang, offer) in [
        (Lang::Id, "Draf petugas untuk budi dari"),
        (Lang::En, "An officer draft for budi from"),
    ] {
        let mut s = with_officers("ani", lang, Theme::default());
        s.key(KeyCode::Char('O'))
            .key(KeyCode::Down)
            .key(KeyCode::Char('u'));
        // budi: penilai -> viewer, not saved.
        s.key(KeyCode::Right);
        // The session ends (the link dropped) with the form open: its draft stays.
        let store = s.app.store().clone();
        let mut opts = options(lang, Theme::default());
        opts.actor = "ani".into();
        opts.officer = store.officer("ani").unwrap();
        s.app = App::new(store.clone(), opts).unwrap();
        let kept: Vec<String> = store
            .drafts_under("ani/")
            .unwrap()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(
            kept.len() == 1 && kept[0].ends_with("/petugas/budi"),
            "{kept:?}"
        );
        // The next login offers it, naming the officer; `y` opens the form with it.
        s.app.finish_loading().unwrap();
        s.draw();
        assert!(s.shows(offer), "{}", s.text());
        assert!(
            !s.shows("pegawai baru") && !s.shows("new staff"),
            "{}",
            s.text()
        );
        s.key(KeyCode::Char('y'));
        s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
        let budi = store.officer("budi").unwrap().unwrap();
        assert_eq!(budi.role, kinerja::domain::Role::Viewer, "{}", s.text());
        assert!(store.drafts_under("ani/").unwrap().is_empty());
    }
}

#[test]
fn petugas_shows_another_officers_login_at_its_next_frame() {
    use kinerja::store::records::AuditAction;
    let mut s = with_officers("ani", Lang::En, Theme::default());
    s.key(KeyCode::Char('O'));
    let budi = |s: &Session| {
        s.text()
            .lines()
            .find(|l| l.starts_with("budi "))
            .unwrap_or_default()
            .trim_end_matches(['│', '|', ' '])
            .to_string()
    };
    assert!(budi(&s).ends_with('-'), "never logged in: {}", s.text());
    s.app
        .store()
        .audit_event("budi", AuditAction::Login, "officers/budi", "from 10.0.0.7")
        .unwrap();
    assert!(next_frame(&mut s));
    let row = budi(&s);
    assert!(!row.ends_with('-'), "{}", s.text());
    assert_eq!(row.as_bytes()[row.len() - 3], b':', "a time: {row}");
}
