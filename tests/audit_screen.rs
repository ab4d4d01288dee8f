//! Jejak audit (issue 22): `A` on Beranda opens the audit trail for an admin, newest
//! first; `f` narrows it to one officer, `/` to a text, `[` `]` move the day it ends on;
//! other roles are told it is for admins. Snapshots at 80x24 in id, en and ASCII, times
//! written as `MM-DD hh:mm` (they are the clock's).

mod common;

use common::session::{Session, looks, options};
use crossterm::event::KeyCode;
use kinerja::domain::{Officer, PeriodKind, Rating, Role};
use kinerja::store::Store;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

const NIP: &str = "198503302010012002";

fn seed(path: &std::path::Path) -> Store {
    let store = Store::open(path).unwrap();
    store.save_unit(&common::unit(), "ani").unwrap();
    store.save_staff(&common::staff(NIP), "ani").unwrap();
    let e = common::evaluation(2024, PeriodKind::Tahunan, Rating::Sesuai, Rating::Sesuai);
    let mut saved = store.save_evaluation(NIP, &e, "budi").unwrap();
    saved.perilaku = Rating::DiAtas;
    saved.catatan = "Sudah ikut Bimtek.".into();
    store.save_evaluation(NIP, &saved, "budi").unwrap();
    let mut staff = store.get_staff(NIP).unwrap().unwrap();
    staff.nama = "Rina Siregar Lubis".into();
    store.save_staff(&staff, "ani").unwrap();
    store
}

fn session(lang: Lang, theme: Theme, role: Role) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = seed(&dir.path().join("db"));
    let mut opts = options(lang, theme);
    opts.actor = "ani".into();
    opts.officer = Some(Officer {
        name: "ani".into(),
        role,
        units: if role == Role::Penilai {
            vec![common::unit().id]
        } else {
            Vec::new()
        },
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
    s
}

/// The screen with the clock's times written as patterns.
fn redacted(s: &Session) -> String {
    let digit = |c: char| c.is_ascii_digit();
    let mut out = String::new();
    for line in s.text().lines() {
        let mut c: Vec<char> = line.chars().collect();
        // `YYYY-MM-DD hh:mm:ss` first, then `MM-DD hh:mm`.
        let long: Vec<char> = "YYYY-MM-DD hh:mm:ss".chars().collect();
        let short: Vec<char> = "MM-DD hh:mm".chars().collect();
        for (pattern, shape) in [(&long, "dddd-dd-dd dd:dd:dd"), (&short, "dd-dd dd:dd")] {
            let shape: Vec<char> = shape.chars().collect();
            let mut i = 0;
            while i + shape.len() <= c.len() {
                let fits = shape.iter().zip(&c[i..]).all(|(p, x)| match p {
                    'd' => digit(*x),
                    p => p == x,
                });
                if fits {
                    c.splice(i..i + shape.len(), pattern.iter().copied());
                    i += shape.len();
                } else {
                    i += 1;
                }
            }
        }
        out.extend(c);
        out.push('\n');
    }
    out
}

#[test]
fn the_audit_trail_newest_first_filtered_by_officer_text_and_day() {
    for (look, lang, theme) in looks() {
        let mut s = session(lang, theme, Role::Admin);
        s.key(KeyCode::Char('A'));
        insta::assert_snapshot!(format!("audit__{look}"), redacted(&s));
        if look != "id" {
            continue;
        }
        // Newest first: the staff edit, with its field, old -> new.
        let rows: Vec<String> = s
            .lines()
            .into_iter()
            .filter(|l| l.contains(" ani ") || l.contains(" budi "))
            .collect();
        assert!(rows[0].contains("staff/"), "{rows:?}");
        assert!(
            s.shows("nama: Rina Siregar -> Rina Siregar Lubis"),
            "{}",
            s.text()
        );
        assert!(s.shows("5 entri, terbaru dulu"), "{}", s.text());
        // `f`: the first officer (ani), then the next (budi), then all again.
        s.key(KeyCode::Char('f'));
        assert!(s.shows("Petugas: ani"), "{}", s.text());
        assert!(s.shows("3 entri"), "{}", s.text());
        s.key(KeyCode::Char('f'));
        assert!(s.shows("Petugas: budi"), "{}", s.text());
        assert!(s.shows("2 entri"), "{}", s.text());
        s.key(KeyCode::Char('f'));
        assert!(s.shows("Petugas: semua"), "{}", s.text());
        // `/`: as you type.
        s.key(KeyCode::Char('/')).type_text("perilaku");
        insta::assert_snapshot!("audit_search__id", redacted(&s));
        assert!(s.shows("1 entri"), "{}", s.text());
        assert!(
            s.shows("perilaku: Sesuai Ekspektasi -> Di Atas Ekspektasi"),
            "{}",
            s.text()
        );
        // Esc clears the search; `[` ends the trail on the day before today (the
        // session's 2026-11-28): every entry here was made later.
        s.key(KeyCode::Esc);
        assert!(s.shows("5 entri"), "{}", s.text());
        s.key(KeyCode::Char('['));
        assert!(s.shows("2026-11-27"), "{}", s.text());
        assert!(s.shows("tidak ada entri yang cocok"), "{}", s.text());
        s.key(KeyCode::Char(']'));
        assert!(s.shows("sekarang"), "{}", s.text());
        assert!(s.shows("5 entri"), "{}", s.text());
        // Enter on a person's entry opens their record; Esc comes back to the trail.
        s.key(KeyCode::Enter);
        assert_eq!(s.app.record_shown(), Some(NIP), "{}", s.text());
        s.key(KeyCode::Esc);
        assert!(s.shows("Jejak audit"), "{}", s.text());
        // A unit's entry names no person: Enter does nothing.
        s.key(KeyCode::End).key(KeyCode::Enter);
        assert!(s.shows("Jejak audit"), "{}", s.text());
        s.key(KeyCode::Esc);
        assert!(s.shows("Beranda"), "{}", s.text());
        assert!(!s.shows("Jejak audit"), "{}", s.text());
    }
}

#[test]
fn only_an_admin_opens_the_audit_trail() {
    for role in [Role::Penilai, Role::Viewer] {
        let mut s = session(Lang::Id, Theme::default(), role);
        s.key(KeyCode::Char('A'));
        assert!(!s.shows("Jejak audit"), "{role:?}: {}", s.text());
        assert!(
            s.shows("hanya admin yang boleh membuka jejak audit"),
            "{role:?}: {}",
            s.text()
        );
    }
}
