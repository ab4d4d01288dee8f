//! Each form built directly, without a database or an app, fed keys, and its `Outcome`
//! asserted: what the form asks `app/` to do is the form's whole contract.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use kinerja::domain::{OrganiserKind, Period, PeriodKind, Rating, TrainingKind, TrainingStatus};
use kinerja::screens::evaluation_form::{Candidate, EvaluationForm};
use kinerja::screens::quick_entry::{QuickEntry, QuickPerson};
use kinerja::screens::staff_form::StaffForm;
use kinerja::screens::training_form::TrainingForm;
use kinerja::screens::{Outcome, Screen};
use kinerja::store::Partner;
use kinerja::ui::Ui;
use kinerja::ui::lang::{Lang, T};
use kinerja::ui::theme::Theme;
use std::sync::Arc;

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

/// Types `text` into whatever has the focus; returns the last outcome.
fn type_into(handle: &mut dyn FnMut(KeyEvent) -> Outcome, text: &str) -> Outcome {
    let mut last = Outcome::Ignored;
    for c in text.chars() {
        last = handle(k(KeyCode::Char(c)));
    }
    last
}

#[test]
fn the_staff_form_builds_the_record_it_shows() {
    let ui = ui();
    let units = vec![("pkm-belawan".to_string(), "Puskesmas Belawan".to_string())];
    let mut f = StaffForm::new(None, &units, jiff::civil::date(2026, 11, 28), &ui);
    let mut h = |key| f.handle(key, &ui);
    type_into(&mut h, "19850330 201001 2 002");
    h(k(KeyCode::Tab)); // Status: PNS
    h(k(KeyCode::Tab));
    type_into(&mut h, "Rina Siregar");
    h(k(KeyCode::Tab));
    h(k(KeyCode::Tab));
    h(k(KeyCode::Tab));
    type_into(&mut h, "III/c");
    h(k(KeyCode::Tab));
    type_into(&mut h, "S1");
    h(k(KeyCode::Tab));
    type_into(&mut h, "Perawat");
    h(k(KeyCode::Tab));
    type_into(&mut h, "ahli m");
    h(k(KeyCode::Tab));
    type_into(&mut h, "pusk");
    match h(ctrl('s')) {
        Outcome::SaveStaff(staff, None) => {
            assert_eq!(staff.nip.as_str(), "198503302010012002");
            assert_eq!(staff.nama, "Rina Siregar");
            assert_eq!(staff.golongan.to_string(), "III/c");
            assert_eq!(staff.unit_id, "pkm-belawan");
            assert!(staff.aktif);
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

/// A new-user walk: "Perawat Ahli Pertama" was saved as the position's name, which no
/// competency requirement for "Perawat" matches. It is caught, and `Enter` takes the name
/// offered without the jenjang, choosing that jenjang.
#[test]
fn a_position_typed_with_its_jenjang_is_caught_and_the_name_offered() {
    let ui = ui();
    let units = vec![("pkm-belawan".to_string(), "Puskesmas Belawan".to_string())];
    let mut f = StaffForm::new(None, &units, jiff::civil::date(2026, 11, 28), &ui);
    let mut h = |key| f.handle(key, &ui);
    type_into(&mut h, "19850330 201001 2 002");
    for (tabs, text) in [
        (2, "Rina Siregar"),
        (3, "III/c"),
        (1, "S1"),
        (1, "Perawat Ahli Pertama"),
    ] {
        for _ in 0..tabs {
            h(k(KeyCode::Tab));
        }
        type_into(&mut h, text);
    }
    // Back from the unit: the position holds its jenjang, and the save is refused.
    h(k(KeyCode::Tab));
    h(k(KeyCode::Tab));
    type_into(&mut h, "pusk");
    assert_eq!(
        h(ctrl('s')),
        Outcome::Changed,
        "refused: jenjang in the name"
    );
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|fr| f.draw(fr, fr.area(), &ui)).unwrap();
    let screen: String = term
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("→ Perawat"), "{screen}");
    assert!(screen.contains("memuat jenjangnya"), "{screen}");
    let mut h = |key| f.handle(key, &ui);
    assert_eq!(h(k(KeyCode::Enter)), Outcome::Changed);
    match h(ctrl('s')) {
        Outcome::SaveStaff(staff, None) => {
            assert_eq!(staff.jabatan.nama, "Perawat");
            assert_eq!(
                staff.jabatan.jenis,
                kinerja::domain::JenisJabatan::AhliPertama
            );
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

#[test]
fn the_staff_form_refuses_an_unknown_unit_until_ctrl_n() {
    let ui = ui();
    let units = vec![("pkm-belawan".to_string(), "Puskesmas Belawan".to_string())];
    let mut f = StaffForm::new(None, &units, jiff::civil::date(2026, 11, 28), &ui);
    let mut h = |key| f.handle(key, &ui);
    type_into(&mut h, "19850330 201001 2 002");
    for (tabs, text) in [
        (2, "Rina Siregar"),
        (3, "III/c"),
        (1, "S1"),
        (1, "Perawat"),
        (1, "ahli m"),
        (1, "Pustu Bahari"),
    ] {
        for _ in 0..tabs {
            h(k(KeyCode::Tab));
        }
        type_into(&mut h, text);
    }
    assert_eq!(h(ctrl('s')), Outcome::Changed, "refused: no such unit");
    assert_eq!(h(ctrl('n')), Outcome::Changed);
    match h(ctrl('s')) {
        Outcome::SaveStaff(staff, Some(unit)) => {
            assert_eq!(unit.name, "Pustu Bahari");
            assert_eq!(staff.unit_id, unit.id);
        }
        other => panic!("expected a save with a new unit, got {other:?}"),
    }
}

fn people() -> kinerja::screens::evaluation_form::People {
    Arc::new(vec![
        Candidate::new(
            "197001012000031001".to_string(),
            "H. Budi Nasution".to_string(),
            false,
        ),
        // A PPPK (issue 21): the NI PPPK is spaced its own way.
        Candidate::new(
            "199312282025212001".to_string(),
            "Siti Rahmawati".to_string(),
            true,
        ),
    ])
}

#[test]
fn the_evaluation_form_saves_a_complete_annual_evaluation() {
    let ui = ui();
    let mut f = EvaluationForm::new(
        "198503302010012002",
        "Rina Siregar",
        None,
        Vec::new(),
        date(2026, 11, 28),
        people(),
        &ui,
    );
    let mut h = |key| f.handle(key, &ui);
    // The evaluator is focused first: type, Enter takes the suggestion and its NIP.
    type_into(&mut h, "budi");
    h(k(KeyCode::Enter));
    h(k(KeyCode::Char('1')));
    for _ in 0..7 {
        h(k(KeyCode::Char('2')));
    }
    match h(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)) {
        Outcome::SaveEvaluation(nip, e) => {
            assert_eq!(nip, "198503302010012002");
            assert_eq!(e.period, Period::annual(2025));
            assert_eq!(e.hasil_kerja, Rating::DiAtas);
            assert_eq!(e.perilaku, Rating::Sesuai, "suggested from the aspects");
            let penilai = e.penilai.expect("evaluator");
            assert_eq!(penilai.nama, "H. Budi Nasution");
            assert_eq!(
                penilai.nip.map(|n| n.as_str().to_string()),
                Some("197001012000031001".into())
            );
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

#[test]
fn a_new_evaluation_for_a_taken_period_opens_the_existing_one() {
    let ui = ui();
    let taken = vec![
        (Period::annual(2025), 7),
        (Period::new(2026, PeriodKind::Triwulan(1)).unwrap(), 8),
    ];
    let mut f = EvaluationForm::new(
        "198503302010012002",
        "Rina Siregar",
        None,
        taken,
        date(2026, 11, 28),
        people(),
        &ui,
    );
    // The offered period is a free one; stepping the period kind back reaches a taken one.
    let mut got = Outcome::Ignored;
    f.handle(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE), &ui);
    for _ in 0..16 {
        got = f.handle(k(KeyCode::Left), &ui);
        if got != Outcome::Changed {
            break;
        }
    }
    assert_eq!(
        got,
        Outcome::OpenEvaluation("198503302010012002".into(), Some(8))
    );
}

/// A new-user walk: typing "2025" over the year opened that year's evaluation of the
/// chosen kind at the fourth digit, before the officer could choose the kind they meant.
/// The period is complete when the kind is chosen or the period fields are left.
#[test]
fn typing_a_year_opens_no_evaluation_before_the_period_is_complete() {
    let ui = ui();
    let taken = vec![
        (Period::annual(2025), 7),
        (Period::new(2025, PeriodKind::Triwulan(4)).unwrap(), 9),
    ];
    let mut f = EvaluationForm::new(
        "198503302010012002",
        "Rina Siregar",
        None,
        taken,
        date(2026, 11, 28),
        people(),
        &ui,
    );
    let outcomes = std::cell::RefCell::new(Vec::new());
    let mut h = |key| {
        let o = f.handle(key, &ui);
        outcomes.borrow_mut().push(o.clone());
        o
    };
    // Offered: Triwulan IV 2026; the focus is on the evaluator. Back to the year.
    h(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE));
    h(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE));
    for _ in 0..4 {
        h(k(KeyCode::Backspace));
    }
    type_into(&mut h, "2025"); // Triwulan IV 2025 is taken: nothing opens yet
    h(k(KeyCode::Tab)); // on to the kind, still in the period
    h(k(KeyCode::Left)); // Triwulan III 2025: free
    let seen = outcomes.borrow().clone();
    assert!(seen.iter().all(|o| *o == Outcome::Changed), "{seen:?}");
    // Choosing a taken kind opens it, and so does leaving the period on a taken one.
    assert_eq!(
        h(k(KeyCode::Right)),
        Outcome::OpenEvaluation("198503302010012002".into(), Some(9))
    );
}

#[test]
fn leaving_a_typed_taken_period_opens_the_existing_evaluation() {
    let ui = ui();
    let taken = vec![
        (Period::annual(2025), 7),
        (Period::new(2025, PeriodKind::Triwulan(4)).unwrap(), 9),
    ];
    let mut f = EvaluationForm::new(
        "198503302010012002",
        "Rina Siregar",
        None,
        taken,
        date(2026, 11, 28),
        people(),
        &ui,
    );
    let mut h = |key| f.handle(key, &ui);
    h(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE));
    h(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE));
    for _ in 0..4 {
        h(k(KeyCode::Backspace));
    }
    assert_eq!(type_into(&mut h, "2025"), Outcome::Changed);
    assert_eq!(h(k(KeyCode::Tab)), Outcome::Changed);
    assert_eq!(
        h(k(KeyCode::Tab)),
        Outcome::OpenEvaluation("198503302010012002".into(), Some(9))
    );
}

#[test]
fn the_training_form_saves_one_record_for_each_marked_person() {
    let ui = ui();
    let partners = vec![Partner {
        id: "pt-solusi".into(),
        name: "PT Solusi Digital Pesisir".into(),
        kind: OrganiserKind::Swasta,
        ..Default::default()
    }];
    let nips = vec![
        "198503302010012002".to_string(),
        "199001152015031001".to_string(),
    ];
    let mut f = TrainingForm::new(
        nips.clone(),
        vec!["Rina".into(), "Budi".into()],
        None,
        partners,
        date(2026, 11, 28),
        &ui,
    );
    let mut h = |key| f.handle(key, &ui);
    type_into(&mut h, "Bimtek SKP");
    h(k(KeyCode::Tab));
    type_into(&mut h, "bimtek");
    h(k(KeyCode::Tab));
    type_into(&mut h, "PT Sol");
    h(k(KeyCode::Enter));
    type_into(&mut h, "2026-03-14");
    h(k(KeyCode::Tab));
    type_into(&mut h, "2026-03-15");
    h(k(KeyCode::Tab));
    type_into(&mut h, "12");
    match h(ctrl('s')) {
        Outcome::SaveTraining(who, t) => {
            assert_eq!(who, nips);
            assert_eq!(t.penyelenggara, "PT Solusi Digital Pesisir");
            assert_eq!(t.jenis_penyelenggara, OrganiserKind::Swasta);
            assert_eq!(t.jenis, TrainingKind::Bimtek);
            assert_eq!(t.jp, 12);
            assert_eq!(t.status, TrainingStatus::Selesai, "from the dates");
            assert_eq!(t.no_sertifikat, "", "none for a group");
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

/// A new-user walk: the group training planned from Kompetensi for a competency whose
/// first kind is Latsar CPNS came prefilled as Latsar CPNS for people who are no CPNS, and
/// the warning naming them was cut at the form's width.
#[test]
fn a_group_training_for_a_competency_is_no_latsar_for_non_cpns_and_warns_whole() {
    use kinerja::domain::{Competency, CompetencyKind, EmploymentKind, Nip};
    let ui = ui();
    let partners = vec![Partner {
        id: "bkpsdm".into(),
        name: "BKPSDM Kota Medan".into(),
        kind: OrganiserKind::Pemerintah,
        ..Default::default()
    }];
    let people = vec![
        Nip::parse("198503302010012002").unwrap(),
        Nip::parse_as("199204112023212999", EmploymentKind::Pppk).unwrap(),
    ];
    let nips: Vec<String> = people.iter().map(|n| n.as_str().to_string()).collect();
    let names = vec![
        "Rina Siregar binti Abdullah Harahap".to_string(),
        "Muhammad Fauzan Nasution Pulungan".to_string(),
    ];
    let competency = Competency::new(
        "Orientasi ASN",
        CompetencyKind::Manajerial,
        vec![TrainingKind::LatsarCpns, TrainingKind::Bimtek],
        vec![],
        None,
    );
    let catalogue = vec![(competency.id.clone(), competency.name.clone())];
    let mut f = TrainingForm::new(nips, names, None, partners, date(2026, 11, 28), &ui)
        .with_people(people, &ui)
        .with_competencies(catalogue, &ui);
    f.prefill_competency(&competency, &ui);
    // Not Latsar CPNS: the next kind the competency takes.
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(70, 40)).unwrap();
    let mut screen = |f: &mut TrainingForm| {
        term.draw(|fr| f.draw(fr, fr.area(), &ui)).unwrap();
        let b = term.backend().buffer();
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let shown = screen(&mut f);
    assert!(shown.contains("Bimtek"), "{shown}");
    assert!(!shown.contains("Latsar CPNS ("), "{shown}");
    // Latsar chosen by hand for both: the first save shows the whole warning, the second saves.
    let mut h = |key| f.handle(key, &ui);
    h(KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE));
    type_into(&mut h, "latsar");
    h(k(KeyCode::Tab));
    type_into(&mut h, "BKPSDM Kota Medan");
    h(k(KeyCode::Tab));
    type_into(&mut h, "2026-03-02");
    h(k(KeyCode::Tab));
    type_into(&mut h, "2026-03-20");
    h(k(KeyCode::Tab));
    type_into(&mut h, "80");
    assert_eq!(h(ctrl('s')), Outcome::Changed, "the warning first");
    let shown = screen(&mut f).replace(['│', '\n'], " ");
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Muhammad Fauzan Nasution Pulungan"),
        "{words}"
    );
    assert!(words.contains("sekali lagi"), "{words}");
    match f.handle(ctrl('s'), &ui) {
        Outcome::SaveTraining(who, t) => {
            assert_eq!(who.len(), 2);
            assert_eq!(t.jenis, TrainingKind::LatsarCpns);
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

#[test]
fn quick_entry_starts_then_rates_two_keys_and_enter() {
    let ui = ui();
    let people = vec![QuickPerson {
        nip: "198503302010012002".into(),
        name: "Rina Siregar".into(),
        unit: "Puskesmas Belawan".into(),
        pppk: false,
        evaluated: false,
    }];
    let mut q = QuickEntry::new(people, self::people(), date(2026, 11, 28), &ui);
    // No evaluator named: refused, and the focus goes to that field.
    assert_eq!(q.handle(k(KeyCode::Enter), &ui), Outcome::Changed);
    for c in "Camat Medan Belawan".chars() {
        q.handle(k(KeyCode::Char(c)), &ui);
    }
    assert_eq!(q.handle(k(KeyCode::Enter), &ui), Outcome::QuickStart);
    q.start(&[false]);
    assert_eq!(q.handle(k(KeyCode::Char('4')), &ui), Outcome::Ignored);
    q.handle(k(KeyCode::Char('1')), &ui);
    q.handle(k(KeyCode::Char('2')), &ui);
    match q.handle(k(KeyCode::Enter), &ui) {
        Outcome::QuickSave(nip, e) => {
            assert_eq!(nip, "198503302010012002");
            assert_eq!(e.period, Period::annual(2025));
            assert_eq!(
                (e.hasil_kerja, e.perilaku),
                (Rating::DiAtas, Rating::Sesuai)
            );
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

#[test]
fn ctrl_d_deletes_only_where_help_says_so() {
    let ui = ui();
    let staff = {
        let units = vec![("pkm".to_string(), "Puskesmas Belawan".to_string())];
        let mut f = StaffForm::new(None, &units, jiff::civil::date(2026, 11, 28), &ui);
        type_into(&mut |key| f.handle(key, &ui), "1985");
        f
    };
    let mut staff = staff;
    assert_eq!(staff.handle(ctrl('d'), &ui), Outcome::Ignored);
    assert!(staff.keys().iter().all(|k| k.label(false) != "Ctrl-D"));
}

/// What a screen draws on a 90x24 terminal, as text.
fn drawn(s: &mut dyn Screen, ui: &Ui) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(90, 24)).unwrap();
    term.draw(|fr| s.draw(fr, fr.area(), ui)).unwrap();
    let buffer = term.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn quick_person(nip: &str, name: &str) -> QuickPerson {
    QuickPerson {
        nip: nip.into(),
        name: name.into(),
        unit: "Puskesmas Belawan".into(),
        pppk: false,
        evaluated: false,
    }
}

/// Two listed people, the setup filled in (Tahunan 2025, an ended period) and started.
fn quick_two(ui: &Ui) -> QuickEntry {
    quick_two_for(ui, "2025")
}

/// Two listed people, the setup filled in for the annual period of `year`, and started.
fn quick_two_for(ui: &Ui, year: &str) -> QuickEntry {
    let people = vec![
        quick_person("198503302010012002", "Rina Siregar"),
        quick_person("199001152015031003", "Fauzi Lubis"),
    ];
    let mut q = QuickEntry::new(people, self::people(), date(2026, 11, 28), ui);
    for _ in 0..4 {
        q.handle(k(KeyCode::Backspace), ui);
    }
    for c in year.chars() {
        q.handle(k(KeyCode::Char(c)), ui);
    }
    q.handle(k(KeyCode::Enter), ui);
    for c in "Camat Medan Belawan".chars() {
        q.handle(k(KeyCode::Char(c)), ui);
    }
    assert_eq!(q.handle(k(KeyCode::Enter), ui), Outcome::QuickStart);
    q.start(&[false, false]);
    q
}

#[test]
fn quick_entry_after_a_skip_counts_the_skipped_and_r_goes_back_to_them() {
    let ui = ui();
    let mut q = quick_two(&ui);
    // Rina skipped, Fauzi rated and saved: the end is not "everyone is evaluated".
    q.handle(k(KeyCode::Right), &ui);
    q.handle(k(KeyCode::Char('2')), &ui);
    q.handle(k(KeyCode::Char('2')), &ui);
    match q.handle(k(KeyCode::Enter), &ui) {
        Outcome::QuickSave(nip, _) => assert_eq!(nip, "199001152015031003"),
        other => panic!("expected a save, got {other:?}"),
    }
    q.saved();
    let end = drawn(&mut q, &ui);
    assert!(!end.contains("semua sudah dinilai"), "{end}");
    assert!(end.contains("1 dinilai, 1 dilewati"), "{end}");
    assert!(q.keys().iter().any(|k| k.action == T::KeyRateSkipped));
    // r: the rating screen again, on Rina only.
    assert_eq!(q.handle(k(KeyCode::Char('r')), &ui), Outcome::Changed);
    assert!(drawn(&mut q, &ui).contains("Rina Siregar"));
    q.handle(k(KeyCode::Char('1')), &ui);
    q.handle(k(KeyCode::Char('1')), &ui);
    match q.handle(k(KeyCode::Enter), &ui) {
        Outcome::QuickSave(nip, _) => assert_eq!(nip, "198503302010012002"),
        other => panic!("expected a save, got {other:?}"),
    }
    q.saved();
    let end = drawn(&mut q, &ui);
    assert!(end.contains("semua sudah dinilai"), "{end}");
    assert!(!q.keys().iter().any(|k| k.action == T::KeyRateSkipped));
    assert_eq!(q.handle(k(KeyCode::Char('r')), &ui), Outcome::Ignored);
}

#[test]
fn quick_entry_asks_once_before_the_first_save_of_a_period_not_ended() {
    let ui = ui();
    // Tahunan 2026 on 2026-11-28: not ended. The first Enter asks instead of saving.
    let mut q = quick_two_for(&ui, "2026");
    let rate = |q: &mut QuickEntry| {
        q.handle(k(KeyCode::Char('2')), &ui);
        q.handle(k(KeyCode::Char('2')), &ui);
        q.handle(k(KeyCode::Enter), &ui)
    };
    assert_eq!(rate(&mut q), Outcome::Changed);
    assert!(drawn(&mut q, &ui).contains("periode ini belum berakhir"));
    // Anything but y: back to the setup, nothing saved.
    assert_eq!(q.handle(k(KeyCode::Char('n')), &ui), Outcome::Changed);
    assert!(q.in_setup());
    assert_eq!(q.handle(k(KeyCode::Enter), &ui), Outcome::QuickStart);
    q.start(&[false, false]);
    assert_eq!(
        rate(&mut q),
        Outcome::Changed,
        "asked again after the setup"
    );
    match q.handle(k(KeyCode::Char('y')), &ui) {
        Outcome::QuickSave(nip, e) => {
            assert_eq!(nip, "198503302010012002");
            assert_eq!(e.period, Period::annual(2026));
        }
        other => panic!("y saves, got {other:?}"),
    }
    q.saved();
    // The second save is not asked about.
    assert!(matches!(rate(&mut q), Outcome::QuickSave(..)));
}

#[test]
fn quick_entry_does_not_ask_about_an_ended_period() {
    let ui = ui();
    let mut q = quick_two_for(&ui, "2025");
    q.handle(k(KeyCode::Char('2')), &ui);
    q.handle(k(KeyCode::Char('2')), &ui);
    assert!(matches!(
        q.handle(k(KeyCode::Enter), &ui),
        Outcome::QuickSave(..)
    ));
}

#[test]
fn quick_entry_marks_a_provisional_predikat_with_a_legend() {
    let ui = ui();
    let mut q = quick_two_for(&ui, "2026");
    q.handle(k(KeyCode::Char('2')), &ui);
    q.handle(k(KeyCode::Char('2')), &ui);
    let screen = drawn(&mut q, &ui);
    assert!(screen.contains("Baik*"), "{screen}");
    assert!(
        screen.contains("* sementara: periodenya belum berakhir"),
        "{screen}"
    );
    let en = Ui {
        lang: Lang::En,
        ..ui
    };
    let screen = drawn(&mut q, &en);
    assert!(
        screen.contains("* provisional: the period has not ended yet"),
        "{screen}"
    );
    // An ended period: no mark, no legend.
    let mut q = quick_two_for(&ui, "2025");
    q.handle(k(KeyCode::Char('2')), &ui);
    q.handle(k(KeyCode::Char('2')), &ui);
    let screen = drawn(&mut q, &ui);
    assert!(
        screen.contains("Baik") && !screen.contains("Baik*"),
        "{screen}"
    );
    assert!(!screen.contains("sementara"), "{screen}");
}

/// Issue 21: an NI PPPK is spaced as birth, year, code, sex, sequence wherever a form
/// fills one in or shows one, and a PNS NIP as birth, TMT CPNS, sex, sequence.
#[test]
fn quick_entry_and_the_evaluation_form_space_an_ni_pppk_its_own_way() {
    let ui = ui();
    const PPPK_SPACED: &str = "19931228 2025 21 2 001";
    const PPPK_AS_PNS: &str = "19931228 202521 2 001";
    // The evaluation form: the PPPK evaluator taken from the suggestion.
    let mut f = EvaluationForm::new(
        "198503302010012002",
        "Rina Siregar",
        None,
        Vec::new(),
        date(2026, 11, 28),
        people(),
        &ui,
    );
    type_into(&mut |key| f.handle(key, &ui), "siti");
    f.handle(k(KeyCode::Enter), &ui);
    let shown = drawn(&mut f, &ui);
    assert!(shown.contains(PPPK_SPACED), "{shown}");
    assert!(!shown.contains(PPPK_AS_PNS), "{shown}");
    // A PNS evaluator keeps the PNS layout.
    let mut f = EvaluationForm::new(
        "198503302010012002",
        "Rina Siregar",
        None,
        Vec::new(),
        date(2026, 11, 28),
        people(),
        &ui,
    );
    type_into(&mut |key| f.handle(key, &ui), "budi");
    f.handle(k(KeyCode::Enter), &ui);
    let shown = drawn(&mut f, &ui);
    assert!(shown.contains("19700101 200003 1 001"), "{shown}");
    // Quick entry: the PPPK evaluator taken, then a PPPK rated.
    let listed = vec![QuickPerson {
        nip: "199312282025212001".into(),
        name: "Siti Rahmawati".into(),
        unit: "Puskesmas Belawan".into(),
        pppk: true,
        evaluated: false,
    }];
    let mut q = QuickEntry::new(listed, self::people(), date(2026, 11, 28), &ui);
    for _ in 0..4 {
        q.handle(k(KeyCode::Backspace), &ui);
    }
    type_into(&mut |key| q.handle(key, &ui), "2025");
    q.handle(k(KeyCode::Enter), &ui);
    type_into(&mut |key| q.handle(key, &ui), "siti");
    q.handle(k(KeyCode::Enter), &ui);
    let setup = drawn(&mut q, &ui);
    assert!(setup.contains(PPPK_SPACED), "{setup}");
    assert!(!setup.contains(PPPK_AS_PNS), "{setup}");
    assert_eq!(q.handle(k(KeyCode::Enter), &ui), Outcome::QuickStart);
    q.start(&[false]);
    let rating = drawn(&mut q, &ui);
    assert!(rating.contains(PPPK_SPACED), "{rating}");
    assert!(!rating.contains(PPPK_AS_PNS), "{rating}");
}
