//! The Mitra screen (training partners, issue 13) driven by keys on a `TestBackend` at
//! 80x24 over the demo (today 28 November 2026), compared with committed snapshots: the
//! list with the expiring flag and the trainings outside agreement, help, a partner whose
//! PKS ended, a renewal added on the agreement form that clears the flags, and the
//! contact form.

mod common;

use common::session::{Session, looks, session_with};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

fn snap(s: &Session, look: &str, screen: &str) {
    insta::assert_snapshot!(format!("{screen}__{look}"), s.text());
}

/// Moves the Mitra list's selection onto the partner `name`: opens each row in turn and
/// reads the partner's name the detail shows first.
fn select(s: &mut Session, name: &str) {
    for _ in 0..20 {
        s.key(KeyCode::Enter);
        let opened = s.lines().get(2).is_some_and(|l| l.contains(name));
        s.key(KeyCode::Esc);
        if opened {
            return;
        }
        s.key(KeyCode::Down);
    }
    panic!("no partner {name}");
}

#[test]
fn the_mitra_screen_flags_trainings_outside_agreement_and_a_renewal_clears_them() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Char('3')).key(KeyCode::Char('m'));
        snap(&s, look, "mitra_list");
        // Yayasan Cendekia Deli's MoU ends 28 January 2027: within 3 months.
        assert!(
            s.lines().iter().any(|l| l.contains("Yayasan Cendekia Deli")
                && (l.contains("segera") || l.contains("soon")))
        );
        s.key(KeyCode::Char('?'));
        snap(&s, look, "mitra_help");
        s.key(KeyCode::Esc);

        select(&mut s, "Klinik Pelatihan Medika Utama");
        s.key(KeyCode::Enter);
        snap(&s, look, "mitra_klinik");
        // Its PKS ended 30 June 2025: this year's trainings are outside it.
        assert!(s.shows("PKS/003/DEMO/2024"));
        let flagged_line = if lang == Lang::Id {
            "Pelatihan di luar masa perjanjian"
        } else {
            "Trainings outside any agreement"
        };
        assert!(s.shows(flagged_line), "{}", s.text());
        // More than fit: Down past the agreements scrolls to the last of them (a trial found
        // them out of reach behind "… +15").
        if lang == Lang::Id && s.shows("turun untuk melihat") {
            let first_hidden = s.text();
            for _ in 0..60 {
                s.key(KeyCode::Down);
            }
            assert!(!s.shows("turun untuk melihat"), "{}", s.text());
            assert_ne!(s.text(), first_hidden);
            assert!(s.lines().iter().any(|l| l.starts_with('>')), "{}", s.text());
            for _ in 0..60 {
                s.key(KeyCode::Up);
            }
        }

        // A renewal from 1 July 2025 to the end of 2027, without a gap day.
        s.key(KeyCode::Char('a'));
        s.key(KeyCode::Tab).type_text("PKS/004/DEMO/2025");
        s.key(KeyCode::Tab).type_text("2025-07-01");
        s.key(KeyCode::Tab).type_text("2027-12-31");
        s.key(KeyCode::Tab).type_text("Perpanjangan");
        snap(&s, look, "mitra_agreement_form");
        s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert!(!s.shows(flagged_line), "{}", s.text());
        assert!(s.shows("PKS/004/DEMO/2025"));
        snap(&s, look, "mitra_klinik_renewed");
        let audit = s
            .app
            .store()
            .audit_of("partners/klinik-pelatihan-medika-utama")
            .unwrap();
        assert!(
            audit
                .last()
                .is_some_and(|a| a.summary.contains("perjanjian + PKS PKS/004/DEMO/2025")),
            "{audit:?}"
        );

        s.key(KeyCode::Char('u'));
        snap(&s, look, "mitra_contact_form");
        s.key(KeyCode::Esc);
        s.key(KeyCode::Esc);
        s.key(KeyCode::Esc);
        // Back on Pelatihan, whose section tabs show again.
        let summary = if lang == Lang::Id {
            "Ringkasan"
        } else {
            "Summary"
        };
        assert!(s.shows(summary), "{}", s.text());
    }
}

/// A contact form left with changes (a dropped link) offers them back when the partner's
/// form is opened again; used and saved, the draft is gone and the change is stored.
#[test]
fn a_partner_form_keeps_its_draft_across_a_restart() {
    let mut s = session_with(60, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Char('3')).key(KeyCode::Char('m'));
    select(&mut s, "PT Solusi Digital Pesisir");
    s.key(KeyCode::Char('u')).key(KeyCode::Tab);
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("9999");
    assert!(s.shows("0812-0000-9999"));
    let mut s = s.reopen();
    s.key(KeyCode::Char('3')).key(KeyCode::Char('m'));
    select(&mut s, "PT Solusi Digital Pesisir");
    s.key(KeyCode::Char('u'));
    assert!(s.shows("draf") || s.shows("Draf"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    assert!(s.shows("0812-0000-9999"), "{}", s.text());
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.shows("tersimpan"), "{}", s.text());
    let store = s.app.store();
    let p = store.partner("pt-solusi-digital-pesisir").unwrap().unwrap();
    assert_eq!(p.contact.telepon, "0812-0000-9999");
    assert!(
        store
            .draft_keys()
            .unwrap()
            .iter()
            .all(|k| !k.contains("/mitra/")),
        "the draft is removed on save"
    );
}

/// Counting the competencies a partner closed reads every training: the partner's page is
/// drawn first with `…`, and the count follows after the frame (`App::run_deferred`, as
/// the terminal loop and each `serve` session do).
#[test]
fn a_partners_page_is_drawn_before_its_competencies_closed_are_counted() {
    let mut s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Char('3')).key(KeyCode::Char('m'));
    s.app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    ));
    s.draw();
    let line = |s: &Session| {
        s.lines()
            .into_iter()
            .find(|l| l.contains("kompetensi terpenuhi"))
            .unwrap_or_default()
    };
    assert!(
        line(&s).contains("· … kompetensi terpenuhi"),
        "{}",
        s.text()
    );
    assert!(s.app.run_deferred());
    s.draw();
    assert!(!line(&s).contains('…'), "{}", s.text());
    assert!(
        line(&s)
            .split(" · ")
            .last()
            .and_then(|t| t.split_whitespace().next())
            .is_some_and(|n| n.parse::<usize>().is_ok()),
        "{}",
        s.text()
    );
    // Nothing is left to do.
    assert!(!s.app.run_deferred());
}

/// Issue 23: the people per organiser and year are kept on every save, so Mitra reads
/// their trainings only. The kept index equals a pass over every training, after the demo
/// (a bulk write), after a training is completed and after one is deleted; `check` agrees.
#[test]
fn the_people_each_organiser_trained_are_kept_on_every_save() {
    use kinerja::domain::TrainingStatus;
    use std::collections::BTreeSet;
    let s = session_with(120, Lang::Id, Theme::default(), 80, 24);
    let store = s.app.store();
    let recount = |year: i16, organiser: &str| -> Vec<String> {
        let mut out = BTreeSet::new();
        for item in store.iter_trainings_where(|_, _, _| true) {
            let (nip, group) = item.unwrap();
            if group.items.iter().any(|t| {
                t.status == TrainingStatus::Selesai
                    && t.year() == year
                    && t.penyelenggara == organiser
            }) {
                out.insert(nip);
            }
        }
        out.into_iter().collect()
    };
    let organisers = |year: i16| -> Vec<String> {
        let (_, partners) = store.training_stats(year).unwrap();
        partners.into_iter().map(|p| p.name).collect()
    };
    let agree = |label: &str| {
        for year in [2025, 2026] {
            for org in organisers(year) {
                let kept = store.completed_with(year, |o| o == org).unwrap();
                assert_eq!(kept, recount(year, &org), "{label}: {org} {year}");
            }
        }
        assert!(store.check().unwrap().is_sound(), "{label}: check");
    };
    agree("after the demo");
    // Someone's planned training completed, then one of theirs deleted.
    let (nip, group) = store
        .iter_trainings_where(|_, status, _| status != TrainingStatus::Selesai)
        .next()
        .unwrap()
        .unwrap();
    let mut t = group
        .items
        .iter()
        .find(|t| t.status != TrainingStatus::Selesai)
        .unwrap()
        .clone();
    t.status = TrainingStatus::Selesai;
    let saved = store.save_training(&nip, &t, "tester").unwrap();
    assert!(
        store
            .completed_with(saved.year(), |o| o == saved.penyelenggara)
            .unwrap()
            .contains(&nip)
    );
    agree("after a save");
    store
        .delete_training(&nip, saved.id, saved.revision, "tester")
        .unwrap();
    agree("after a delete");
}

#[test]
fn enter_on_pelatihans_partners_opens_that_partner_on_mitra() {
    // One grammar: Enter opens. On Pelatihan's Partners section it opens the partner on
    // Mitra.
    let mut s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Char('3'));
    for _ in 0..3 {
        s.key(KeyCode::Tab);
    }
    assert!(s.shows("Pemerintah:"), "the Partners section: {}", s.text());
    let (_, listed) = s.app.training_stats(2026).expect("stats");
    let known: Vec<String> = s
        .app
        .store()
        .partners()
        .expect("partners")
        .into_iter()
        .map(|p| p.id)
        .collect();
    let is_known = |name: &str| known.contains(&kinerja::domain::unit_id(name));
    let on_record = listed
        .iter()
        .position(|p| is_known(&p.name))
        .expect("a partner on record trained this year");
    for _ in 0..on_record {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    let name = &listed[on_record].name;
    assert!(
        s.lines().get(2).is_some_and(|l| l.contains(name.as_str())),
        "{name} opened on Mitra: {}",
        s.text()
    );
    // Esc closes the partner, Esc again goes back to Pelatihan's partners.
    s.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(s.shows("Pemerintah:"), "{}", s.text());
}
