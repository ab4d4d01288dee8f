//! Objections (keberatan, PP 30/2019 Pasal 59; issue 19): filed, explained and decided on
//! the objection screen by keys, the 14 days as a warning, the person never deciding, the
//! open objection on Beranda and the record, who may read and write it, and the decided
//! result used by the distribution, the 9-box and coaching.

mod common;

use common::session::{Session, looks, options};
use common::{evaluation, staff};
use crossterm::event::{KeyCode, KeyModifiers};
use jiff::civil::date;
use kinerja::domain::{
    Breach, HasilKeputusan, Keberatan, KeberatanStatus, Keputusan, Nip, PeriodKind, PersonAtTime,
    Predikat, Rating, Role, Unit, UnitKind, UnitRating,
};
use kinerja::store::Store;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use kinerja::views::report::unit_report;

/// The person who objects: dr. Rina Siregar, Sp.PD, Butuh Perbaikan in 2025.
const RINA: &str = "198503302010012002";
/// Her colleagues in the same unit, and a teacher in another unit.
const OTHERS: [(&str, &str, Rating, Rating); 4] = [
    (
        "198601012010011001",
        "Bambang Lubis",
        Rating::Sesuai,
        Rating::Sesuai,
    ),
    (
        "198702022011012001",
        "Citra Harahap",
        Rating::Sesuai,
        Rating::Sesuai,
    ),
    (
        "198803032012011001",
        "Dedi Nasution",
        Rating::Sesuai,
        Rating::Sesuai,
    ),
    (
        "198904042013012001",
        "Evi Sitorus",
        Rating::DiAtas,
        Rating::DiAtas,
    ),
];
const TEACHER: &str = "199005052014012001";
const ATASAN: &str = "196505051990031002";

fn puskesmas() -> Unit {
    let mut u = common::unit();
    // The unit's own result for 2025: the guide then asks for Baik as the largest group
    // (at most 70%) and someone Butuh Perbaikan or Kurang (SE MenPANRB 3/2023).
    u.ratings.insert(2025, UnitRating::Baik);
    u
}

fn school() -> Unit {
    Unit::new("SD Negeri 060801", UnitKind::Pendidikan, None)
}

/// The 2025 annual evaluation of `hasil`/`perilaku`, with the atasan named.
fn annual(hasil: Rating, perilaku: Rating) -> kinerja::domain::Evaluation {
    let mut e = evaluation(2025, PeriodKind::Tahunan, hasil, perilaku);
    e.atasan_penilai = Some(PersonAtTime::named(
        "dr. Hasanah Daulay, M.Kes.",
        Some(Nip::parse(ATASAN).expect("atasan NIP")),
    ));
    e
}

/// A database of five at the puskesmas (one Butuh Perbaikan, who has not received her
/// result on record yet) and a teacher at a school whose objection is open.
fn seed(path: &std::path::Path) -> Store {
    let store = Store::open(path).unwrap();
    store.save_unit(&puskesmas(), "tester").unwrap();
    store.save_unit(&school(), "tester").unwrap();
    store.save_staff(&staff(RINA), "tester").unwrap();
    store
        .save_evaluation(RINA, &annual(Rating::DiBawah, Rating::Sesuai), "tester")
        .unwrap();
    for (nip, name, h, p) in OTHERS {
        let mut s = staff(nip);
        (s.nama, s.gelar_depan, s.gelar_belakang) = (name.into(), String::new(), String::new());
        store.save_staff(&s, "tester").unwrap();
        store.save_evaluation(nip, &annual(h, p), "tester").unwrap();
    }
    let mut t = staff(TEACHER);
    (t.nama, t.gelar_depan, t.gelar_belakang) =
        ("Fitri Ginting".into(), String::new(), "S.Pd.".into());
    t.unit_id = school().id;
    store.save_staff(&t, "tester").unwrap();
    let mut e = annual(Rating::DiBawah, Rating::DiBawah);
    e.diterima = Some(date(2026, 1, 12));
    let k = Keberatan::file(&e, date(2026, 1, 19), "Nilai tidak sesuai capaian kelas.");
    store
        .save_evaluation(TEACHER, &e.with_keberatan(k), "tester")
        .unwrap();
    store
}

/// A session on the seeded database, on Beranda, as `officer` (`None`: no officers).
fn session(lang: Lang, theme: Theme, officer: Option<(Role, Vec<String>)>) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = seed(&dir.path().join("db"));
    let mut opts = options(lang, theme);
    opts.officer = officer.map(|(role, units)| kinerja::domain::Officer {
        name: "cici".into(),
        role,
        units,
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

fn ctrl_s(s: &mut Session) {
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
}

/// From anywhere with the tabs: Rina's record, on her evaluations.
fn rina(s: &mut Session) {
    s.key(KeyCode::Char('2'))
        .key(KeyCode::Char('/'))
        .type_text("rina")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert!(s.shows("Rina Siregar"), "{}", s.text());
}

/// Rina's only evaluation as stored.
fn stored(s: &Session) -> kinerja::domain::Evaluation {
    s.app.store().evaluations_of(RINA).unwrap()[0].clone()
}

/// The screen as a snapshot, the days of the history lines (the clock's, at the save)
/// written as `YYYY-MM-DD`.
fn snap(s: &Session, look: &str, screen: &str) {
    let dated = |l: &str| {
        let c: Vec<char> = l.chars().collect();
        let digits = |r: std::ops::Range<usize>| {
            r.clone()
                .all(|i| c.get(i).is_some_and(char::is_ascii_digit))
        };
        c.len() > 12 && digits(1..5) && c[5] == '-' && c[8] == '-' && c[11] == ' '
    };
    let text: Vec<String> = s
        .lines()
        .into_iter()
        .map(|l| match dated(&l) {
            true => format!(" YYYY-MM-DD{}", l.chars().skip(11).collect::<String>()),
            false => l,
        })
        .collect();
    insta::assert_snapshot!(format!("{screen}__{look}"), text.join("\n"));
}

/// The label of the field with the focus (the line marked `▶`, `>` in ASCII).
fn focused(s: &Session) -> Option<String> {
    s.lines().into_iter().find_map(|l| {
        let l = l.trim_start_matches(['│', '|']);
        let rest = l.strip_prefix("▶").or_else(|| l.strip_prefix(">"))?;
        rest.split("  ")
            .map(str::trim)
            .find(|p| !p.is_empty())
            .map(String::from)
    })
}

fn decision_label(lang: Lang) -> String {
    match lang {
        Lang::Id => "Keputusan".into(),
        Lang::En => "Decision".into(),
    }
}

/// Files from the record (`o`): the day received, the day filed, the reasons.
fn file(s: &mut Session, received: &str, filed: &str) {
    s.key(KeyCode::Char('o'));
    // The first empty step has the focus: the day received.
    s.type_text(received).key(KeyCode::Tab);
    s.type_text(filed).key(KeyCode::Tab);
    s.type_text("Target posyandu tidak realistis.");
}

#[test]
fn an_objection_is_filed_explained_and_changed_by_keys_and_every_step_stays_in_sight() {
    for (look, lang, theme) in looks() {
        let mut s = session(lang, theme, None);
        rina(&mut s);
        s.key(KeyCode::Char('o'));
        snap(&s, look, "keberatan_new");
        s.key(KeyCode::Esc);
        file(&mut s, "2026-01-10", "2026-01-20");
        ctrl_s(&mut s);
        let e = stored(&s);
        let k = e.keberatan.clone().expect("filed");
        assert_eq!(e.diterima, Some(date(2026, 1, 10)));
        assert_eq!(
            (k.diajukan, k.status()),
            (date(2026, 1, 20), KeberatanStatus::Diajukan)
        );
        assert_eq!(k.alasan, "Target posyandu tidak realistis.");
        // Back on the record, the evaluation marked.
        snap(&s, look, "keberatan_record_filed");
        // The evaluator's explanation: the first empty step has the focus.
        s.key(KeyCode::Char('o'));
        s.type_text("2026-01-22").key(KeyCode::Tab);
        s.type_text("Target disepakati pada awal tahun.");
        snap(&s, look, "keberatan_explain");
        ctrl_s(&mut s);
        assert_eq!(
            stored(&s).keberatan.map(|k| k.status()),
            Some(KeberatanStatus::Dijelaskan)
        );
        // The atasan changes the result: both ratings Sesuai, so Baik. Explained, the
        // objection opens on the step not taken yet: the decision.
        s.key(KeyCode::Char('o'));
        assert_eq!(focused(&s), Some(decision_label(lang)), "{}", s.text());
        s.key(KeyCode::Right).key(KeyCode::Right).key(KeyCode::Tab);
        s.key(KeyCode::Char('2')).key(KeyCode::Char('2'));
        snap(&s, look, "keberatan_decide_changed");
        ctrl_s(&mut s);
        let e = stored(&s);
        assert_eq!(e.predikat(), Predikat::Baik, "the decided result");
        let k = e.keberatan.expect("kept in the record");
        assert_eq!(
            k.asal_predikat(),
            Predikat::ButuhPerbaikan,
            "the original stays"
        );
        let d = k.keputusan.expect("decided");
        assert_eq!(
            d.oleh.nama, "dr. Hasanah Daulay, M.Kes.",
            "the atasan offered"
        );
        assert_eq!(d.tanggal, date(2026, 11, 28));
        assert_eq!(
            d.hasil,
            HasilKeputusan::Diubah {
                hasil_kerja: Rating::Sesuai,
                perilaku: Rating::Sesuai
            }
        );
        snap(&s, look, "keberatan_record_decided");
        // Every step is in the evaluation's history, shown under the form.
        let history = s
            .app
            .store()
            .audit_of(&format!("evaluations/{RINA}/1"))
            .unwrap();
        assert_eq!(history.len(), 4, "created, filed, explained, decided");
        s.key(KeyCode::Char('o'));
        assert!(s.shows("Butuh Perbaikan"), "the original: {}", s.text());
        assert!(s.shows("Baik"), "{}", s.text());
        snap(&s, look, "keberatan_decided_screen");
    }
}

#[test]
fn a_kept_decision_keeps_the_original_result() {
    let mut s = session(Lang::Id, Theme::default(), None);
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-20");
    ctrl_s(&mut s);
    s.key(KeyCode::Char('o'));
    // The explanation's date has the focus: on to the decision.
    for _ in 0..2 {
        s.key(KeyCode::Tab);
    }
    s.key(KeyCode::Right);
    assert!(s.shows("tetap (hasil semula)"), "{}", s.text());
    ctrl_s(&mut s);
    let e = stored(&s);
    assert_eq!(e.predikat(), Predikat::ButuhPerbaikan);
    let k = e.keberatan.expect("objection");
    assert_eq!(k.keputusan.map(|d| d.hasil), Some(HasilKeputusan::Tetap));
    assert!(
        s.shows("diputuskan 2026-11-28 (tetap)"),
        "the record says it was kept: {}",
        s.text()
    );
}

#[test]
fn an_objection_being_typed_is_kept_as_a_draft_across_a_restart() {
    let mut s = session(Lang::Id, Theme::default(), None);
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-20");
    let mut s = s.reopen();
    rina(&mut s);
    s.key(KeyCode::Char('o'));
    assert!(s.shows("Ada draf"), "the draft is offered: {}", s.text());
    s.key(KeyCode::Char('y'));
    assert!(s.shows("Target posyandu tidak realistis."), "{}", s.text());
    ctrl_s(&mut s);
    assert_eq!(
        stored(&s).keberatan.map(|k| k.diajukan),
        Some(date(2026, 1, 20))
    );
}

#[test]
fn filing_on_the_fourteenth_day_saves_at_once_and_on_the_fifteenth_warns_first() {
    // Received 10 January: the 24th is day 14, in time.
    let mut s = session(Lang::Id, Theme::default(), None);
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-24");
    assert!(s.shows("hari ke-14 dari 14"), "{}", s.text());
    assert!(!s.shows("lewat batas"), "{}", s.text());
    ctrl_s(&mut s);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    assert_eq!(
        stored(&s).keberatan.map(|k| k.diajukan),
        Some(date(2026, 1, 24))
    );
    // The 25th is day 15: a warning before the save, not a refusal.
    for (look, lang, theme) in looks() {
        let mut s = session(lang, theme, None);
        rina(&mut s);
        file(&mut s, "2026-01-10", "2026-01-25");
        ctrl_s(&mut s);
        assert!(
            stored(&s).keberatan.is_none(),
            "not saved before the warning is seen"
        );
        snap(&s, look, "keberatan_late_warning");
        // A reason typed on in between (the refused save put the focus on the filing day;
        // the reasons follow) leaves the warned days as they were: the next Ctrl-S still
        // answers the warning.
        s.key(KeyCode::Tab).key(KeyCode::End);
        s.type_text(" Sudah dibahas.");
        assert!(s.shows("realistis. Sudah dibahas."), "{}", s.text());
        ctrl_s(&mut s);
        assert_eq!(
            stored(&s).keberatan.map(|k| k.diajukan),
            Some(date(2026, 1, 25)),
            "the second Ctrl-S saves it"
        );
    }
}

#[test]
fn another_filing_day_after_the_warning_asks_again() {
    let mut s = session(Lang::Id, Theme::default(), None);
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-25");
    ctrl_s(&mut s);
    assert!(s.shows("diajukan 15 hari"), "{}", s.text());
    // Day 16 now (the refused save put the focus on the filing day): the warning is
    // about another day, so it is asked again.
    s.key(KeyCode::Backspace).type_text("6");
    ctrl_s(&mut s);
    assert!(stored(&s).keberatan.is_none(), "asked again: {}", s.text());
    assert!(s.shows("diajukan 16 hari"), "{}", s.text());
    ctrl_s(&mut s);
    assert_eq!(
        stored(&s).keberatan.map(|k| k.diajukan),
        Some(date(2026, 1, 26))
    );
}

#[test]
fn the_person_who_objected_is_refused_as_the_decider() {
    for (look, lang, theme) in looks() {
        let mut s = session(lang, theme, None);
        rina(&mut s);
        file(&mut s, "2026-01-10", "2026-01-20");
        ctrl_s(&mut s);
        s.key(KeyCode::Char('o'));
        // The explanation's date has the focus: on to the decision.
        for _ in 0..2 {
            s.key(KeyCode::Tab);
        }
        // Kept, decided by Rina herself (her NIP in the decider's NIP).
        s.key(KeyCode::Right).key(KeyCode::Tab);
        s.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.type_text("Rina Siregar").key(KeyCode::Tab);
        for _ in 0..30 {
            s.key(KeyCode::Backspace);
        }
        s.type_text(RINA);
        ctrl_s(&mut s);
        ctrl_s(&mut s);
        let refused = match lang {
            Lang::Id => "tidak boleh memutuskannya",
            Lang::En => "cannot decide the",
        };
        assert!(s.shows(refused), "{}", s.text());
        assert!(
            stored(&s).keberatan.is_some_and(|k| k.keputusan.is_none()),
            "nothing decided"
        );
        snap(&s, look, "keberatan_decider_is_person");
    }
}

#[test]
fn beranda_lists_the_open_objections_and_enter_opens_the_person() {
    for (look, lang, theme) in looks() {
        let mut s = session(lang, theme, None);
        rina(&mut s);
        file(&mut s, "2026-01-10", "2026-01-20");
        ctrl_s(&mut s);
        s.key(KeyCode::Char('1'));
        snap(&s, look, "keberatan_beranda");
        let title = s.lines().into_iter().find(|l| {
            l.contains(if lang == Lang::Id {
                "Keberatan: 2"
            } else {
                "Objections: 2"
            })
        });
        assert!(title.is_some(), "two open: {}", s.text());
        // The oldest filing first: the teacher's (19 January), then Rina's.
        s.key(KeyCode::Down).key(KeyCode::Enter);
        assert!(s.shows("Rina Siregar"), "{}", s.text());
        assert!(s.shows(RINA.get(..8).unwrap_or_default()), "{}", s.text());
    }
}

#[test]
fn beranda_shows_the_day_of_the_step_its_status_names() {
    let mut s = session(Lang::Id, Theme::default(), None);
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-20");
    ctrl_s(&mut s);
    s.key(KeyCode::Char('o'));
    s.type_text("2026-01-22").key(KeyCode::Tab);
    s.type_text("Target disepakati pada awal tahun.");
    ctrl_s(&mut s);
    s.key(KeyCode::Char('1'));
    let line = |who: &str| {
        s.lines()
            .into_iter()
            .find(|l| l.contains(who) && l.contains("keberatan"))
            .unwrap_or_default()
    };
    // Explained on the 22nd: that day, not the filing's (the 20th).
    assert!(
        line("Rina").contains("dijelaskan: 2026-01-22"),
        "{}",
        s.text()
    );
    assert!(
        line("Fitri").contains("diajukan: 2026-01-19"),
        "{}",
        s.text()
    );
}

#[test]
fn the_records_riwayat_cuts_a_long_line_with_the_ellipsis() {
    let mut s = session(Lang::Id, Theme::default(), None);
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-20");
    ctrl_s(&mut s);
    s.key(KeyCode::Tab).key(KeyCode::Tab);
    let line = s
        .lines()
        .into_iter()
        .find(|l| l.contains("Butuh Perbaikan, keberatan"))
        .unwrap_or_default();
    assert!(line.trim_end().ends_with('…'), "{}", s.text());
}

#[test]
fn a_penilai_sees_only_its_units_objections_and_a_viewer_reads_them() {
    let puskesmas = puskesmas().id;
    let mut s = session(
        Lang::Id,
        Theme::default(),
        Some((Role::Penilai, vec![puskesmas.clone()])),
    );
    // The school's open objection is not the penilai's.
    assert!(!s.shows("Fitri Ginting"), "{}", s.text());
    assert!(!s.shows("Keberatan:"), "{}", s.text());
    rina(&mut s);
    file(&mut s, "2026-01-10", "2026-01-20");
    ctrl_s(&mut s);
    assert!(
        stored(&s).keberatan.is_some(),
        "a penilai of the unit records it"
    );
    s.key(KeyCode::Char('1'));
    assert!(s.shows("Keberatan: 1"), "{}", s.text());
    // A viewer opens it and reads; typing and saving are refused with the reason.
    let mut v = session(Lang::Id, Theme::default(), Some((Role::Viewer, Vec::new())));
    assert!(v.shows("Keberatan: 1"), "{}", v.text());
    v.key(KeyCode::Char('2'))
        .key(KeyCode::Char('/'))
        .type_text("fitri")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Char('o'));
    assert!(v.shows("Nilai tidak sesuai capaian kelas."), "{}", v.text());
    assert!(!v.lines()[23].contains("Ctrl-S"), "{}", v.lines()[23]);
    v.type_text("x");
    ctrl_s(&mut v);
    assert!(v.shows("hanya"), "{}", v.text());
    v.key(KeyCode::Esc);
    assert!(
        v.shows("Fitri Ginting"),
        "closed without asking: {}",
        v.text()
    );
}

#[test]
fn the_decided_result_replaces_the_original_in_the_distribution_the_9_box_and_coaching() {
    let dir = tempfile::tempdir().unwrap();
    let store = seed(&dir.path().join("db"));
    let targets = kinerja::domain::JpTargets::default();
    let today = date(2026, 11, 28);
    let row = |store: &Store| {
        unit_report(store, 2025, &targets, today)
            .unwrap()
            .into_iter()
            .find(|r| r.unit_id == puskesmas().id)
            .expect("the puskesmas")
    };
    // Before: 3 Baik of 5 (60%), 1 Butuh Perbaikan, 1 Sangat Baik: fits a Baik unit.
    let before = row(&store);
    assert_eq!(before.counts.get(Predikat::ButuhPerbaikan), 1);
    assert_eq!(before.breaches, Some(vec![]));
    let summary = store.summary(RINA).unwrap().unwrap();
    assert_eq!(summary.annual_hasil_in(2025), Some(Rating::DiBawah));
    assert!(summary.last.is_some_and(|(_, p)| p.needs_coaching()));
    assert_eq!(summary.keberatan, vec![], "no objection yet");
    // Filed: the original stands until decided, the objection is listed as open.
    let mut e = store.evaluations_of(RINA).unwrap()[0].clone();
    e.diterima = Some(date(2026, 1, 10));
    let mut k = Keberatan::file(&e, date(2026, 1, 20), "Target tidak realistis");
    let e = store
        .save_evaluation(RINA, &e.with_keberatan(k.clone()), "tester")
        .unwrap();
    assert_eq!(row(&store), before);
    assert_eq!(
        store.summary(RINA).unwrap().unwrap().keberatan,
        vec![(e.period, KeberatanStatus::Diajukan, date(2026, 1, 20))]
    );
    // Changed to Baik: 4 Baik of 5 (80%) and nobody Butuh Perbaikan or Kurang.
    k.keputusan = Some(Keputusan {
        tanggal: date(2026, 2, 2),
        oleh: PersonAtTime::named("dr. Hasanah Daulay, M.Kes.", Nip::parse(ATASAN).ok()),
        hasil: HasilKeputusan::Diubah {
            hasil_kerja: Rating::Sesuai,
            perilaku: Rating::Sesuai,
        },
        catatan: String::new(),
    });
    let decided = store
        .save_evaluation(RINA, &e.with_keberatan(k), "tester")
        .unwrap();
    assert_eq!(decided.predikat(), Predikat::Baik);
    let after = row(&store);
    assert_eq!(after.counts.get(Predikat::ButuhPerbaikan), 0);
    assert_eq!(after.counts.get(Predikat::Baik), 4);
    let breaches = after.breaches.clone().expect("the unit has a rating");
    assert!(
        breaches.contains(&Breach::AboveMax(Predikat::Baik, 70)),
        "{breaches:?}"
    );
    assert!(
        breaches
            .iter()
            .any(|b| matches!(b, Breach::NoneOf(g) if g.contains(&Predikat::ButuhPerbaikan))),
        "{breaches:?}"
    );
    // The same rows recomputed from the evaluations (what an export holds) agree.
    let mut counts = kinerja::domain::PredikatCounts::default();
    for nip in std::iter::once(RINA).chain(OTHERS.iter().map(|o| o.0)) {
        for e in store.evaluations_of(nip).unwrap() {
            counts.add(e.predikat());
        }
    }
    assert_eq!(after.counts, counts);
    assert_eq!(
        kinerja::domain::check_distribution(UnitRating::Baik, &counts),
        breaches
    );
    // The 9-box reads the decided Hasil Kerja; coaching no longer flags her.
    let summary = store.summary(RINA).unwrap().unwrap();
    assert_eq!(summary.annual_hasil_in(2025), Some(Rating::Sesuai));
    assert!(!summary.last.is_some_and(|(_, p)| p.needs_coaching()));
    assert!(summary.keberatan.is_empty(), "decided: no longer open");
    let report = store.check().unwrap();
    assert!(report.is_sound(), "{:?}", report.damage);
}

#[test]
fn ratings_under_an_objection_change_only_by_the_decision() {
    // PP 30/2019 Pasal 59: the atasan decides; an edit of the ratings that leaves the
    // objection as it was (the evaluation form) is refused, never silently undone.
    let dir = tempfile::tempdir().unwrap();
    let store = seed(&dir.path().join("db"));
    let mut e = store.evaluations_of(RINA).unwrap()[0].clone();
    e.diterima = Some(date(2026, 1, 10));
    let k = Keberatan::file(&e, date(2026, 1, 20), "Target tidak realistis");
    let filed = store
        .save_evaluation(RINA, &e.with_keberatan(k), "tester")
        .unwrap();
    let mut edited = filed.clone();
    edited.hasil_kerja = Rating::DiAtas;
    let err = store.save_evaluation(RINA, &edited, "tester").unwrap_err();
    assert!(err.to_string().contains("under an objection"), "{err}");
    assert_eq!(
        store.evaluations_of(RINA).unwrap()[0].hasil_kerja,
        Rating::DiBawah,
        "nothing written"
    );
    // Other fields may still change, the ratings kept.
    let mut noted = filed;
    noted.catatan = "Dibahas bersama atasan.".into();
    let saved = store.save_evaluation(RINA, &noted, "tester").unwrap();
    assert_eq!(saved.catatan, "Dibahas bersama atasan.");
    assert_eq!(saved.hasil_kerja, Rating::DiBawah);
}
