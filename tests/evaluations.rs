//! Entering evaluations on the screens: the live predikat, one evaluation per period, the
//! evaluator rule, saving, deleting, and the draft that survives a killed process.

mod common;

use common::session::{Session, demo};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::domain::Period;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// The first person of the demo list, opened, with a new evaluation form.
fn new_evaluation(s: &mut Session) -> String {
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    assert!(s.shows("Evaluasi baru"), "{}", s.text());
    nip
}

/// Takes the evaluator the form offers (the person's latest one): Enter on the field.
fn take_evaluator(s: &mut Session) {
    focus(s, "Pejabat penilai");
    s.key(KeyCode::Enter);
}

/// Moves the focus to a field by its label (Tab until the marker is on that line).
fn focus(s: &mut Session, label: &str) {
    for _ in 0..30 {
        let on = s
            .lines()
            .iter()
            .any(|l| l.contains(label) && (l.contains("▶") || l.contains("> ")));
        if on {
            return;
        }
        s.key(KeyCode::Tab);
    }
    panic!("no field {label}:\n{}", s.text());
}

#[test]
fn each_of_the_nine_rating_pairs_shows_the_matrix_predikat() {
    let mut s = demo();
    new_evaluation(&mut s);
    let table = [
        ('1', '1', "Sangat Baik"),
        ('1', '2', "Baik"),
        ('1', '3', "Kurang/Misconduct"),
        ('2', '1', "Baik"),
        ('2', '2', "Baik"),
        ('2', '3', "Kurang/Misconduct"),
        ('3', '1', "Butuh Perbaikan"),
        ('3', '2', "Butuh Perbaikan"),
        ('3', '3', "Sangat Kurang"),
    ];
    for (hasil, perilaku, expected) in table {
        focus(&mut s, "Hasil kerja");
        s.key(KeyCode::Char(hasil));
        focus(&mut s, "Perilaku ");
        s.key(KeyCode::Char(perilaku));
        let line = s
            .lines()
            .into_iter()
            .find(|l| l.contains("Predikat"))
            .unwrap();
        assert!(line.contains(expected), "{hasil}/{perilaku}: {line}");
    }
}

#[test]
fn perilaku_follows_the_aspects_until_the_officer_sets_it() {
    let mut s = demo();
    new_evaluation(&mut s);
    focus(&mut s, "Berorientasi Pelayanan");
    s.key(KeyCode::Char('1'));
    let perilaku = |s: &Session| {
        s.lines()
            .into_iter()
            .find(|l| l.contains("Perilaku "))
            .unwrap()
    };
    assert!(
        perilaku(&s).contains("1 Di Atas Ekspektasi"),
        "{}",
        perilaku(&s)
    );
    focus(&mut s, "Akuntabel");
    s.key(KeyCode::Char('3'));
    // One above, one below: a tie goes to "as expected".
    assert!(
        perilaku(&s).contains("2 Sesuai Ekspektasi"),
        "{}",
        perilaku(&s)
    );
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('3'));
    focus(&mut s, "Kompeten");
    s.key(KeyCode::Char('1'));
    assert!(
        perilaku(&s).contains("3 Di Bawah Ekspektasi"),
        "{}",
        perilaku(&s)
    );
}

#[test]
fn a_new_evaluation_saves_and_shows_on_the_record() {
    let mut s = demo();
    let nip = new_evaluation(&mut s);
    let before = s.app.store().evaluations_of(&nip).unwrap().len();
    take_evaluator(&mut s);
    focus(&mut s, "Hasil kerja");
    s.key(KeyCode::Char('3'));
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('2'));
    focus(&mut s, "Catatan");
    s.type_text("Ikut Bimtek pelayanan");
    s.save_confirming(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let evaluations = s.app.store().evaluations_of(&nip).unwrap();
    assert_eq!(evaluations.len(), before + 1);
    let saved = evaluations
        .iter()
        .find(|e| e.catatan == "Ikut Bimtek pelayanan")
        .unwrap();
    assert_eq!(saved.predikat(), kinerja::domain::Predikat::ButuhPerbaikan);
    assert!(s.shows("Butuh Perbaikan"));
    assert!(s.shows("Tren: "), "{}", s.text());
}

#[test]
fn asking_for_a_period_already_evaluated_opens_the_existing_one() {
    let mut s = demo();
    let nip = new_evaluation(&mut s);
    let evaluations = s.app.store().evaluations_of(&nip).unwrap();
    // The year field: 2025; then the period moves until it reaches one already evaluated.
    focus(&mut s, "Tahun ");
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2025");
    for _ in 0..20 {
        if s.shows("Ubah evaluasi") {
            break;
        }
        focus(&mut s, "Periode");
        s.key(KeyCode::Left);
    }
    assert!(s.shows("Ubah evaluasi"), "{}", s.text());
    assert!(s.shows("sudah dinilai"), "{}", s.text());
    // The form holds that period's stored evaluation.
    let field = |s: &Session, label: &str| -> String {
        let line = field_line(s, label);
        line.trim_matches(|c: char| c == '│' || c.is_whitespace())
            .trim_start_matches('▶')
            .trim()
            .trim_start_matches(label)
            .trim()
            .to_string()
    };
    let shown = field(&s, "Periode");
    let existing = evaluations
        .iter()
        .find(|e| e.period.year == 2025 && e.period.to_string() == format!("{shown} 2025"))
        .unwrap_or_else(|| panic!("no stored evaluation for {shown} 2025"));
    let hasil = field(&s, "Hasil kerja");
    assert!(
        hasil.contains(existing.hasil_kerja.label()),
        "{hasil}\n{}",
        s.text()
    );
}

#[test]
fn the_evaluator_cannot_be_the_person_evaluated() {
    let mut s = demo();
    let nip = new_evaluation(&mut s);
    focus(&mut s, "NIP penilai");
    s.type_text(&nip);
    assert!(s.shows("penilai tidak boleh pegawai yang"), "{}", s.text());
    focus(&mut s, "Hasil kerja");
    s.key(KeyCode::Char('2'));
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('2'));
    let before = s.app.store().evaluations_of(&nip).unwrap().len();
    s.key(KeyCode::F(2));
    assert!(s.shows("Evaluasi baru"), "the form stays open");
    assert_eq!(s.app.store().evaluations_of(&nip).unwrap().len(), before);
}

#[test]
fn an_evaluation_is_deleted_after_confirmation() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    let before = s.app.store().evaluations_of(&nip).unwrap().len();
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(s.shows("Ubah evaluasi"), "{}", s.text());
    s.key_mod(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(s.shows("Hapus evaluasi ini?"));
    s.key(KeyCode::Char('y'));
    assert!(s.lines()[23].contains("terhapus"), "{}", s.text());
    assert_eq!(
        s.app.store().evaluations_of(&nip).unwrap().len(),
        before - 1
    );
    let history = s.app.store().history_of_person(&nip).unwrap();
    assert_eq!(history[0].action, kinerja::store::AuditAction::Delete);
}

const CHILD: &str = "KINERJA_EVAL_CHILD";

/// In the child: fill (and maybe save) a form on the database named in the environment,
/// say so, then wait to be killed.
fn child(mode: &str, db: &str) -> ! {
    let dir = std::path::PathBuf::from(db);
    let mut s = common::session::open_at(&dir);
    new_evaluation(&mut s);
    take_evaluator(&mut s);
    focus(&mut s, "Hasil kerja");
    s.key(KeyCode::Char('1'));
    focus(&mut s, "Perilaku ");
    s.key(KeyCode::Char('1'));
    focus(&mut s, "Catatan");
    s.type_text("draf sebelum putus");
    if mode == "save" {
        s.save_confirming(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
        assert!(s.lines()[23].contains("tersimpan"));
        println!("child: saved");
    } else {
        // sled writes unflushed data out within half a second.
        std::thread::sleep(std::time::Duration::from_millis(1200));
        println!("child: typed");
    }
    loop {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

fn kill_child_after(mode: &str, test: &str, db: &std::path::Path) {
    let mut kid = Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, format!("{mode}:{}", db.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = kid.stdout.take().unwrap();
    let said = BufReader::new(out)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| l.split_once("child: ").map(|(_, w)| w.trim().to_string()));
    kid.kill().unwrap();
    kid.wait().unwrap();
    assert_eq!(
        said.as_deref(),
        Some(if mode == "save" { "saved" } else { "typed" })
    );
}

fn run_as_child() {
    if let Ok(v) = std::env::var(CHILD)
        && let Some((mode, db)) = v.split_once(':')
    {
        child(mode, db);
    }
}

#[test]
fn a_saved_evaluation_survives_sigkill_right_after_saved_is_shown() {
    run_as_child();
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    kill_child_after(
        "save",
        "a_saved_evaluation_survives_sigkill_right_after_saved_is_shown",
        dir.path(),
    );
    let s = common::session::open_at(dir.path());
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    let e = s.app.store().evaluations_of(&nip).unwrap();
    assert!(
        e.iter().any(|e| e.catatan == "draf sebelum putus"),
        "the saved evaluation is gone"
    );
}

#[test]
fn a_form_killed_while_filled_is_offered_back_as_a_draft() {
    run_as_child();
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    kill_child_after(
        "type",
        "a_form_killed_while_filled_is_offered_back_as_a_draft",
        dir.path(),
    );
    let mut s = common::session::open_at(dir.path());
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    assert!(s.shows("Ada draf yang belum disimpan"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    // The notes are the last field: the form scrolls to them.
    focus(&mut s, "Catatan");
    assert!(s.shows("draf sebelum putus"), "{}", s.text());
    let pred = s
        .lines()
        .into_iter()
        .find(|l| l.contains("Predikat"))
        .unwrap();
    assert!(pred.contains("Sangat Baik"), "{pred}");
    // Saved, the draft is gone.
    s.key(KeyCode::F(2));
    s.key(KeyCode::Char('e'));
    assert!(!s.shows("Ada draf"), "{}", s.text());
}

#[test]
fn quick_entry_evaluates_forty_staff_in_three_keystrokes_each() {
    let mut s = demo();
    s.key(KeyCode::Char('f')).type_text("puskesmas bel");
    s.key(KeyCode::Down).key(KeyCode::Enter);
    assert!(
        s.lines()[1].contains("Puskesmas Belawan"),
        "{}",
        s.lines()[1]
    );
    s.key(KeyCode::Char('E'));
    assert!(s.shows("Penilaian cepat"), "{}", s.text());
    // The period: Triwulan IV 2026, which nobody in the demo has yet.
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2026").key(KeyCode::Tab);
    for _ in 0..4 {
        s.key(KeyCode::Right);
    }
    // The evaluator, named once for all of them.
    s.key(KeyCode::Tab).type_text("Kepala Puskesmas Belawan");
    s.key(KeyCode::Enter);
    assert!(s.shows("Triwulan IV 2026"), "{}", s.text());
    let total: usize = s
        .lines()
        .iter()
        .find_map(|l| {
            l.split("dinilai 0 / ")
                .nth(1)
                .and_then(|n| n.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or_else(|| panic!("progress line:\n{}", s.text()));
    assert!(total >= 40, "only {total} listed");
    let mut keystrokes = 0;
    for done in 1..=40 {
        for code in [KeyCode::Char('2'), KeyCode::Char('2'), KeyCode::Enter] {
            s.key(code);
            keystrokes += 1;
        }
        // The quarter has not ended: asked once, before the first save.
        if done == 1 {
            assert!(s.shows("periode ini belum berakhir"), "{}", s.text());
            s.key(KeyCode::Char('y'));
            keystrokes += 1;
        }
        assert!(
            s.shows(&format!("dinilai {done} / {total}")),
            "{}",
            s.text()
        );
    }
    assert!(keystrokes <= 40 * 4);
    let period = Period::new(2026, kinerja::domain::PeriodKind::Triwulan(4)).unwrap();
    let evaluated = s
        .app
        .store()
        .iter_evaluations()
        .filter(|g| {
            g.as_ref()
                .unwrap()
                .1
                .items
                .iter()
                .any(|e| e.period == period)
        })
        .count();
    assert_eq!(evaluated, 40);
    s.key(KeyCode::Esc);
    assert!(s.lines()[23].contains("40 dinilai"), "{}", s.lines()[23]);
}

#[test]
fn the_distribution_view_flags_the_demo_unit_that_breaks_the_guide() {
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    let text = s.text();
    assert!(text.contains("Distribusi predikat tahunan"), "{text}");
    assert!(text.contains("2025"), "{text}");
    let broken: Vec<String> = s
        .lines()
        .into_iter()
        .filter(|l| l.contains("luar pola"))
        .collect();
    assert_eq!(broken.len(), 1, "{text}");
    assert!(
        broken[0].contains(kinerja::demo::RULE_BREAKING_UNIT),
        "{}",
        broken[0]
    );
    // Its reasons, when selected.
    let details = |s: &Session| {
        s.lines()
            .iter()
            .any(|l| l.starts_with(kinerja::demo::RULE_BREAKING_UNIT) && l.contains("dinilai"))
    };
    for _ in 0..20 {
        if details(&s) {
            break;
        }
        s.key(KeyCode::Down);
    }
    assert!(
        s.shows("harus ada pegawai Butuh Perbaikan dan/atau Kurang/Misconduct"),
        "{}",
        s.text()
    );
    assert!(s.shows("Baik lebih dari 70%"), "{}", s.text());
}

#[test]
fn a_unit_rating_is_recorded_from_the_report_and_nobody_is_re_rated() {
    let mut s = demo();
    let before: Vec<_> = s
        .app
        .store()
        .iter_evaluations()
        .map(|g| g.unwrap())
        .collect();
    s.key(KeyCode::Char('4'));
    // The first unit: set its rating for 2025 to the next one in the picker.
    let unit_line = s.lines()[4].clone();
    s.key(KeyCode::Char('r'))
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    assert_ne!(s.lines()[4], unit_line);
    let after: Vec<_> = s
        .app
        .store()
        .iter_evaluations()
        .map(|g| g.unwrap())
        .collect();
    assert_eq!(
        before, after,
        "a unit rating never changes anyone's evaluation"
    );
    s.key(KeyCode::Char('2'));
    assert!(s.lines()[1].ends_with("300 / 300 ditampilkan"));
}

#[test]
fn a_draft_made_before_someone_else_saved_is_refused_as_stale() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(s.shows("Ubah evaluasi"), "{}", s.text());
    focus(&mut s, "Catatan");
    s.type_text("draf lama");
    let mut s = s.reopen();
    // Meanwhile another officer saves the same evaluation.
    let mut newest = s.app.store().evaluations_of(&nip).unwrap().pop().unwrap();
    newest.catatan = "disimpan orang lain".into();
    s.app
        .store()
        .save_evaluation(&nip, &newest, "officer-b")
        .unwrap();
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(s.shows("Ada draf"), "{}", s.text());
    s.key(KeyCode::Char('y')).key(KeyCode::F(2));
    assert!(s.shows("officer-b menyimpan data ini"), "{}", s.text());
    let kept = s.app.store().evaluations_of(&nip).unwrap().pop().unwrap();
    assert_eq!(kept.catatan, "disimpan orang lain");
}

/// Key counts the issue asks for, from the staff list: find and open a person, then a
/// complete annual evaluation (period as offered, evaluator from the suggestion, Hasil
/// Kerja, seven aspects, save).
#[test]
fn finding_a_person_and_a_complete_annual_evaluation_take_few_keys() {
    let s = common::session::session_with(
        0,
        kinerja::ui::lang::Lang::Id,
        kinerja::ui::theme::Theme::default(),
        80,
        24,
    );
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&common::staff(nip), "t").unwrap();
    // Last year's evaluator is offered again.
    let e = common::evaluation(
        2024,
        kinerja::domain::PeriodKind::Tahunan,
        kinerja::domain::Rating::Sesuai,
        kinerja::domain::Rating::Sesuai,
    );
    store.save_evaluation(nip, &e, "t").unwrap();
    let mut s = s.reopen();
    let count = std::cell::Cell::new(0usize);
    let press = |s: &mut Session, code: KeyCode, m: KeyModifiers| {
        count.set(count.get() + 1);
        s.key_mod(code, m);
    };
    // Find and open: `/`, four letters, Enter keeps the filter, Enter opens.
    press(&mut s, KeyCode::Char('/'), KeyModifiers::NONE);
    for c in "rina".chars() {
        press(&mut s, KeyCode::Char(c), KeyModifiers::NONE);
    }
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    assert!(s.shows("Rina Siregar"), "{}", s.text());
    let find = count.get();
    press(&mut s, KeyCode::Char('e'), KeyModifiers::NONE);
    assert!(s.shows("Budi Nasution"), "the suggestion: {}", s.text());
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut s, KeyCode::Char('1'), KeyModifiers::NONE);
    for _ in 0..7 {
        press(&mut s, KeyCode::Char('2'), KeyModifiers::NONE);
    }
    // Perilaku follows the aspects, as a suggestion (the regulation rates it once).
    assert!(s.shows("saran dari nilai-nilai"), "{}", s.text());
    press(&mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let evaluation = count.get() - find;
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let saved = s
        .app
        .store()
        .evaluations_of(nip)
        .unwrap()
        .into_iter()
        .find(|e| e.period == Period::annual(2025))
        .expect("the 2025 annual evaluation");
    assert_eq!(saved.hasil_kerja, kinerja::domain::Rating::DiAtas);
    assert!(saved.berakhlak.iter().all(|a| a.rating.is_some()));
    assert_eq!(
        saved
            .penilai
            .and_then(|p| p.nip)
            .map(|n| n.as_str().to_string()),
        Some("197001012000031001".to_string())
    );
    assert_eq!(find, 7, "find and open");
    assert_eq!(evaluation, 11, "a complete annual evaluation");
    assert!(evaluation <= 20);
}

#[test]
fn a_stray_digit_never_leaves_quick_entry() {
    let mut s = demo();
    s.key(KeyCode::Char('E'));
    assert!(s.shows("Penilaian cepat"), "{}", s.text());
    // In the setup the digit is typed (the year field is full: refused, never a tab).
    s.key(KeyCode::Char('4'));
    assert!(s.shows("Penilaian cepat"), "{}", s.text());
    // Without an evaluator it does not start.
    s.key(KeyCode::Enter);
    assert!(s.shows("wajib diisi: nama pejabat"), "{}", s.text());
    // The refusal put the focus on the evaluator.
    s.type_text("Camat");
    s.key(KeyCode::Enter);
    assert!(
        s.shows("Penilaian cepat Tahunan 2025"),
        "started: {}",
        s.text()
    );
    s.key(KeyCode::Char('4'));
    assert!(s.shows("Penilaian cepat"), "a stray 4 left: {}", s.text());
}

#[test]
fn a_new_evaluation_with_entries_is_not_swapped_for_a_taken_period() {
    let mut s = demo();
    let nip = new_evaluation(&mut s);
    focus(&mut s, "Hasil kerja");
    s.key(KeyCode::Char('3'));
    // Move the period to last year's annual one, which the demo has evaluated.
    focus(&mut s, "Tahun ");
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2025");
    for _ in 0..20 {
        if s.shows("Tahunan") {
            break;
        }
        focus(&mut s, "Periode");
        s.key(KeyCode::Left);
    }
    assert!(s.shows("Evaluasi baru"), "still the new one: {}", s.text());
    let before = s.app.store().evaluations_of(&nip).unwrap();
    s.key(KeyCode::F(2));
    assert!(s.shows("sudah dinilai"), "{}", s.text());
    assert_eq!(s.app.store().evaluations_of(&nip).unwrap(), before);
}

#[test]
fn an_evaluation_without_an_evaluator_is_not_saved() {
    let mut s = demo();
    let nip = new_evaluation(&mut s);
    let before = s.app.store().evaluations_of(&nip).unwrap();
    focus(&mut s, "Hasil kerja");
    s.key(KeyCode::Char('2'));
    for _ in 0..7 {
        s.key(KeyCode::Char('2'));
    }
    s.key(KeyCode::F(2));
    assert!(s.shows("wajib diisi: nama pejabat"), "{}", s.text());
    assert_eq!(s.app.store().evaluations_of(&nip).unwrap(), before);
}

/// DOMAIN.md, Evaluations: "An evaluation of a period that has not ended yet is unusual:
/// ask, and show it as provisional until the period ends."
#[test]
fn a_period_not_ended_yet_is_saved_after_a_second_ctrl_s_and_shown_as_provisional() {
    let s = common::session::session_with(
        0,
        kinerja::ui::lang::Lang::Id,
        kinerja::ui::theme::Theme::default(),
        80,
        24,
    );
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&common::staff(nip), "t").unwrap();
    // Last year's annual is done, so the form offers this year's fourth quarter, which
    // runs to 31 December (today is 28 November 2026).
    let e = common::evaluation(
        2025,
        kinerja::domain::PeriodKind::Tahunan,
        kinerja::domain::Rating::Sesuai,
        kinerja::domain::Rating::Sesuai,
    );
    store.save_evaluation(nip, &e, "t").unwrap();
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    assert!(s.shows("Triwulan IV"), "{}", s.text());
    s.key(KeyCode::Enter).key(KeyCode::Char('1'));
    for _ in 0..7 {
        s.key(KeyCode::Char('2'));
    }
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.shows("belum berakhir"), "{}", s.text());
    assert_eq!(
        s.app.store().evaluations_of(nip).unwrap().len(),
        1,
        "not yet"
    );
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let all = s.app.store().evaluations_of(nip).unwrap();
    assert_eq!(all.len(), 2);
    assert!(s.shows("(sementara)"), "the record marks it: {}", s.text());
}

/// DOMAIN.md, Performance: periodic evaluations lead to the annual one; an annual predikat
/// better than all of them is flagged on the record (a warning, nothing refused).
#[test]
fn the_record_flags_an_annual_predikat_better_than_every_periodic_one() {
    use kinerja::domain::{PeriodKind, Rating};
    let s = common::session::session_with(
        0,
        kinerja::ui::lang::Lang::Id,
        kinerja::ui::theme::Theme::default(),
        80,
        24,
    );
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&common::staff(nip), "t").unwrap();
    for q in 1..=4 {
        let e = common::evaluation(
            2025,
            PeriodKind::Triwulan(q),
            Rating::Sesuai,
            Rating::Sesuai,
        );
        store.save_evaluation(nip, &e, "t").unwrap();
    }
    let annual = common::evaluation(2025, PeriodKind::Tahunan, Rating::DiAtas, Rating::DiAtas);
    store.save_evaluation(nip, &annual, "t").unwrap();
    let mut s = s.reopen();
    s.key(KeyCode::Enter);
    assert!(
        s.shows("2025 tahunan lebih baik dari semua periodik (B B B B)"),
        "{}",
        s.text()
    );
    // Within the periodic ones: no warning.
    let mut fixed = s
        .app
        .store()
        .evaluations_of(nip)
        .unwrap()
        .into_iter()
        .find(|e| e.period.kind == PeriodKind::Tahunan)
        .unwrap();
    fixed.hasil_kerja = Rating::Sesuai;
    fixed.perilaku = Rating::Sesuai;
    s.app.store().save_evaluation(nip, &fixed, "t").unwrap();
    let mut s = s.reopen();
    s.key(KeyCode::Enter);
    assert!(!s.shows("periodik"), "{}", s.text());
}

/// The annual form says it too, live, before saving (a warning, the save goes through).
#[test]
fn the_annual_form_warns_when_the_predikat_is_above_every_periodic_one() {
    use kinerja::domain::{PeriodKind, Rating};
    let s = common::session::session_with(
        0,
        kinerja::ui::lang::Lang::Id,
        kinerja::ui::theme::Theme::default(),
        80,
        24,
    );
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    let nip = "198503302010012002";
    store.save_staff(&common::staff(nip), "t").unwrap();
    for q in 1..=4 {
        let e = common::evaluation(
            2025,
            PeriodKind::Triwulan(q),
            Rating::Sesuai,
            Rating::Sesuai,
        );
        store.save_evaluation(nip, &e, "t").unwrap();
    }
    let mut s = s.reopen();
    s.key(KeyCode::Enter).key(KeyCode::Char('e'));
    assert!(s.shows("Tahunan"), "{}", s.text());
    s.key(KeyCode::Enter).key(KeyCode::Char('1'));
    for _ in 0..7 {
        s.key(KeyCode::Char('1'));
    }
    assert!(
        s.shows("Sangat Baik  ! di atas semua periodik (B B B B)"),
        "{}",
        s.text()
    );
    s.save_confirming(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
}

/// The value shown beside a form field's label.
/// The form's line holding `label`, without the SKP pane beside it (the form's own box
/// ends where the pane's begins: `││`).
fn field_line(s: &Session, label: &str) -> String {
    let line = s
        .lines()
        .into_iter()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no {label}:\n{}", s.text()));
    match line.find("││") {
        Some(end) => format!("{}│", &line[..end]),
        None => line,
    }
}

#[test]
fn h_then_y_on_a_record_makes_the_person_their_units_head_and_h_y_undoes_it() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    s.key(KeyCode::Enter);
    let unit_of = |s: &Session| {
        let staff = s.app.store().get_staff(&nip).unwrap().unwrap();
        s.app.store().get_unit(&staff.unit_id).unwrap().unwrap()
    };
    let before = unit_of(&s).head;
    assert_ne!(before.as_ref().map(|n| n.as_str()), Some(nip.as_str()));
    // Asked first, naming the unit and both heads: any key but y cancels and changes
    // nothing (H again too: a confirmation is never the key that asked).
    s.key(KeyCode::Char('H'));
    assert!(s.shows("Ganti pimpinan"), "{}", s.text());
    assert!(s.shows("? y/n"), "{}", s.text());
    s.key(KeyCode::Esc);
    assert!(
        s.shows("Evaluasi"),
        "Esc only cancels the question: {}",
        s.text()
    );
    assert_eq!(unit_of(&s).head, before);
    s.key(KeyCode::Char('H')).key(KeyCode::Char('H'));
    assert_eq!(unit_of(&s).head, before, "H H is not a yes");
    s.key(KeyCode::Char('H')).key(KeyCode::Char('y'));
    assert!(s.shows("(pimpinan)"), "{}", s.text());
    assert!(
        s.shows("(H membatalkan)"),
        "the change can be undone: {}",
        s.text()
    );
    assert_eq!(
        unit_of(&s).head.map(|n| n.as_str().to_string()),
        Some(nip.clone())
    );
    // H again offers the undo, naming the head it puts back.
    s.key(KeyCode::Char('H'));
    assert!(s.shows("Kembalikan pimpinan"), "{}", s.text());
    s.key(KeyCode::Char('y'));
    assert!(!s.shows("(pimpinan)"), "{}", s.text());
    assert_eq!(unit_of(&s).head, before, "the head before is back");
    // Both changes are in the audit trail, with the head named.
    let history = s.app.store().audit_recent(100).unwrap();
    let heads: Vec<&str> = history
        .iter()
        .filter(|e| e.record.starts_with("units/") && e.summary.contains("pimpinan:"))
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(heads.len(), 2, "{heads:?}");
}

#[test]
fn a_heads_new_evaluation_proposes_hasil_kerja_from_the_units_rating_and_warns_when_changed() {
    // SE MenPANRB 3/2023 (DOMAIN.md, "The head of a unit"): Istimewa gives Di Atas.
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    s.key(KeyCode::Enter)
        .key(KeyCode::Char('H'))
        .key(KeyCode::Char('y'));
    let staff = s.app.store().get_staff(&nip).unwrap().unwrap();
    let mut unit = s.app.store().get_unit(&staff.unit_id).unwrap().unwrap();
    let month = Period::new(2026, kinerja::domain::PeriodKind::Bulanan(1)).unwrap();
    unit.set_rating(month, Some(kinerja::domain::UnitRating::Istimewa));
    s.app.store().save_unit(&unit, "test").unwrap();
    s.key(KeyCode::Char('e'));
    assert!(s.shows("Evaluasi baru"), "{}", s.text());
    focus(&mut s, "Tahun ");
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2026");
    for _ in 0..20 {
        if field_line(&s, "Periode").contains("Bulan 01") {
            break;
        }
        focus(&mut s, "Periode");
        s.key(KeyCode::Right);
    }
    let hasil = field_line(&s, "Hasil kerja");
    assert!(hasil.contains("Di Atas Ekspektasi"), "{}", s.text());
    // Beside the value when the form has room; with the SKP pane beside the form (the demo
    // plans every year), on the message line while the field has the focus.
    focus(&mut s, "Hasil kerja");
    assert!(s.shows("usul capaian organisasi"), "{}", s.text());
    s.key(KeyCode::Char('2'));
    // The rating moved the focus on: the warning stays at the top of the SKP pane.
    assert!(s.shows("capaian org.: Di Atas"), "{}", s.text());
}

#[test]
fn a_second_quick_entry_in_the_session_opens_with_the_last_period_and_evaluator() {
    let mut s = demo();
    s.key(KeyCode::Char('E'));
    for _ in 0..4 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("2024").key(KeyCode::Tab).key(KeyCode::Left);
    s.key(KeyCode::Tab).type_text("Camat Medan Belawan");
    s.key(KeyCode::Enter);
    assert!(s.shows("Penilaian cepat Triwulan IV 2024"), "{}", s.text());
    s.key(KeyCode::Esc);
    assert!(
        !s.shows("Penilaian cepat"),
        "back on the list: {}",
        s.text()
    );
    // The same session: the setup is filled in as it was left, Enter starts at once.
    s.key(KeyCode::Char('E'));
    assert!(s.shows("Camat Medan Belawan"), "{}", s.text());
    assert!(s.shows("2024"), "{}", s.text());
    s.key(KeyCode::Enter);
    assert!(s.shows("Penilaian cepat Triwulan IV 2024"), "{}", s.text());
}

#[test]
fn quick_entry_setup_names_the_search_and_unit_left_on_the_list() {
    let mut s = demo();
    s.key(KeyCode::Char('f')).type_text("puskesmas bel");
    s.key(KeyCode::Down).key(KeyCode::Enter);
    s.key(KeyCode::Char('/')).type_text("a").key(KeyCode::Enter);
    s.key(KeyCode::Char('E'));
    let line = s
        .lines()
        .into_iter()
        .find(|l| l.contains("ditampilkan"))
        .unwrap_or_else(|| panic!("no filter line:\n{}", s.text()));
    assert!(line.contains("saringan `a`"), "{line}");
    assert!(line.contains("unit Puskesmas Belawan"), "{line}");
    let total = s.app.store().iter_staff().count();
    assert!(
        line.contains(&format!(" dari {total} ditampilkan: ")),
        "{line}"
    );
    // Without a filter, the plain count.
    let mut s = demo();
    s.key(KeyCode::Char('E'));
    assert!(s.shows("pegawai dari daftar"), "{}", s.text());
    assert!(!s.shows("ditampilkan"), "{}", s.text());
}
