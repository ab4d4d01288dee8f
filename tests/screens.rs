//! The screens driven by key events on a `TestBackend` at 80x24, checked against the text
//! they draw: what an officer sees.

mod common;

use common::session::{Session, demo, session_with};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;
use ratatui::style::Color;

#[test]
fn the_demo_staff_list_reads_as_a_roster() {
    let s = demo();
    let lines = s.lines();
    assert!(
        lines[0].starts_with(" kinerja  1 Beranda  2 Pegawai  3 Pelatihan  4 Laporan  5 Talenta"),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with("2026-11-28"));
    assert!(
        lines[1].starts_with("urut: NIP  Unit: semua unit"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with("300 / 300 ditampilkan"));
    assert_eq!(
        lines[2],
        "NIP                    Nama                  Gol   Unit                 Pred JP"
    );
    // Every data row starts with a NIP written with the spaces of its layout: a PNS's
    // birth, TMT CPNS, sex and sequence; an NI PPPK's birth, year, code, sex and sequence.
    for row in &lines[3..23] {
        let parts: Vec<&str> = row.split_whitespace().collect();
        let pppk = parts[1].len() == 4;
        let n = if pppk { 5 } else { 4 };
        let widths: Vec<usize> = parts[..n].iter().map(|p| p.len()).collect();
        let want: &[usize] = if pppk {
            &[8, 4, 2, 1, 3]
        } else {
            &[8, 6, 1, 3]
        };
        assert_eq!(widths, want, "{row}");
    }
    assert!(lines[23].starts_with("↑↓ j k pindah  / cari  f unit  s urutan  Enter buka"));
}

#[test]
fn only_key_presses_count() {
    let mut s = demo();
    let release = KeyEvent {
        kind: KeyEventKind::Release,
        ..KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE)
    };
    assert!(!s.app.handle_key(release));
    assert!(
        s.app
            .handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE))
    );
}

#[test]
fn a_search_narrows_the_list_and_marks_the_matches() {
    let mut s = demo();
    s.key(KeyCode::Char('/')).type_text("siregar");
    let lines = s.lines();
    assert!(lines[1].starts_with("Cari: siregar"), "{}", lines[1]);
    let shown: usize = lines[1]
        .split_whitespace()
        .rev()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(shown > 0 && shown < 300, "{}", lines[1]);
    assert!(lines[3].contains("Siregar"), "{}", lines[3]);
    // The matched letters are underlined.
    let buf = s.term.backend().buffer();
    let underlined = (0..80)
        .filter(|x| {
            buf[(*x, 3)]
                .modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        })
        .count();
    assert_eq!(underlined, "siregar".len());
    // Enter keeps the filter, Esc clears it.
    s.key(KeyCode::Enter);
    assert!(s.lines()[1].contains("Cari: siregar"));
    s.key(KeyCode::Esc);
    assert!(s.lines()[1].ends_with("300 / 300 ditampilkan"));
}

#[test]
fn a_search_by_nip_finds_the_person() {
    let mut s = demo();
    let first = s.lines()[3].clone();
    let nip: String = first.split_whitespace().take(4).collect();
    s.key(KeyCode::Char('/')).type_text(&nip);
    assert_eq!(s.lines()[3], first);
}

#[test]
fn the_unit_filter_and_sort_orders_change_the_list() {
    let mut s = demo();
    s.key(KeyCode::Char('f')).type_text("sicanang");
    assert!(s.shows("Puskesmas Sicanang"));
    s.key(KeyCode::Down).key(KeyCode::Enter);
    let lines = s.lines();
    assert!(
        lines[1].contains("Unit: Kelurahan Belawan Sicanang")
            || lines[1].contains("Unit: Puskesmas Sicanang"),
        "{}",
        lines[1]
    );
    assert!(!lines[1].ends_with("300 / 300 ditampilkan"));
    s.key(KeyCode::Char('s'));
    assert!(s.lines()[1].starts_with("urut: nama"));
    s.key(KeyCode::Char('s'));
    assert!(s.lines()[1].starts_with("urut: golongan"));
}

#[test]
fn the_staff_record_shows_identity_and_sections() {
    let mut s = demo();
    let row = s.lines()[3].clone();
    let nip: Vec<&str> = row.split_whitespace().take(4).collect();
    let nip = nip.join(" ");
    s.key(KeyCode::Enter);
    let text = s.text();
    assert!(text.contains(&format!("NIP        {nip}")), "{text}");
    for label in [
        "Lahir", "Kelamin", "TMT CPNS", "Golongan", "Pangkat", "Jabatan", "Unit",
    ] {
        assert!(text.contains(label), "{label} missing:\n{text}");
    }
    assert!(text.contains("Evaluasi │ Pelatihan │ Riwayat"));
    assert!(text.contains("Tahunan 2025"), "{text}");
    s.key(KeyCode::Tab);
    assert!(s.shows("JP tahun ini 2026:"));
    s.key(KeyCode::Tab);
    assert!(s.shows("belum ada riwayat perubahan"));
    s.key(KeyCode::Esc);
    assert!(s.lines()[1].ends_with("300 / 300 ditampilkan"));
}

#[test]
fn the_staff_form_refuses_a_bad_nip_with_its_reason() {
    let mut s = demo();
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Pegawai baru"));
    s.type_text("19850230 201001 1 002");
    assert!(
        s.shows("angka 1-8 bukan tanggal lahir yang ada (19850230)"),
        "{}",
        s.text()
    );
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.shows("Pegawai baru"), "the form stays open");
    assert_eq!(s.app.store().iter_staff().count(), 300);
    // Corrected, it shows what the NIP tells.
    for _ in 0..21 {
        s.key(KeyCode::Backspace);
    }
    s.type_text("19850330 201001 1 002");
    assert!(s.shows("lahir 1985-03-30, TMT 2010-01"), "{}", s.text());
}

#[test]
fn a_complete_new_staff_form_saves_and_opens_the_record() {
    let mut s = demo();
    s.key(KeyCode::Char('n')).type_text("19850330 201001 1 002");
    s.key(KeyCode::Tab).key(KeyCode::Tab).type_text("Ani Lubis");
    s.key(KeyCode::Tab).key(KeyCode::Tab).type_text("S.Kep.");
    s.key(KeyCode::Tab).type_text("III/a");
    s.key(KeyCode::Tab).type_text("S1");
    s.key(KeyCode::Tab).type_text("Perawat");
    s.key(KeyCode::Tab).type_text("ahli p");
    s.key(KeyCode::Tab).type_text("puskesmas bel");
    s.key(KeyCode::F(2));
    let text = s.text();
    assert!(text.contains("Ani Lubis, S.Kep."), "{text}");
    assert!(text.contains("Perawat Ahli Pertama"), "{text}");
    assert!(text.contains("Puskesmas Belawan"), "{text}");
    assert!(s.lines()[23].contains("tersimpan"));
    let saved = s
        .app
        .store()
        .get_staff("198503302010011002")
        .unwrap()
        .unwrap();
    assert_eq!(saved.revision, 1);
    s.key(KeyCode::Tab).key(KeyCode::Tab);
    assert!(s.shows("tester") && s.shows("dibuat"), "{}", s.text());
    s.key(KeyCode::Esc);
    assert!(
        s.lines()[1].ends_with("301 / 301 ditampilkan"),
        "{}",
        s.lines()[1]
    );
}

#[test]
fn a_stale_save_is_refused_with_a_clear_message() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    s.key(KeyCode::Enter).key(KeyCode::Char('u'));
    assert!(s.shows("Ubah data pegawai"));
    // Another officer saves the same record meanwhile.
    let mut other = s.app.store().get_staff(&nip).unwrap().unwrap();
    other.gelar_depan = "H.".into();
    s.app.store().save_staff(&other, "officer-b").unwrap();
    s.key(KeyCode::End).type_text("x").key(KeyCode::F(2));
    assert!(s.shows("Tidak tersimpan"), "{}", s.text());
    // The refusal names who saved, when, and what (issue 22).
    assert!(
        s.shows("officer-b menyimpan data ini pukul"),
        "{}",
        s.text()
    );
    assert_eq!(
        s.app.store().get_staff(&nip).unwrap().unwrap().gelar_depan,
        "H."
    );
}

#[test]
fn escape_on_a_changed_form_asks_first() {
    let mut s = demo();
    s.key(KeyCode::Char('n')).type_text("1985");
    s.key(KeyCode::Esc);
    assert!(s.shows("Tutup formulir?"), "{}", s.text());
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Pegawai baru") && !s.shows("Tutup formulir?"));
    s.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert!(s.lines()[1].ends_with("300 / 300 ditampilkan"));
}

#[test]
fn a_terminal_below_80x24_shows_the_too_small_message() {
    for (w, h) in [(79, 24), (80, 23), (40, 10)] {
        let s = session_with(5, Lang::Id, Theme::default(), w, h);
        assert!(
            s.shows("terminal terlalu kecil (perlu 80x24)"),
            "{w}x{h}:\n{}",
            s.text()
        );
    }
    let s = session_with(5, Lang::En, Theme::default(), 60, 20);
    assert!(s.shows("terminal too small (need 80x24)"));
}

#[test]
fn help_lists_the_keys_of_the_screen() {
    let mut s = demo();
    s.key(KeyCode::Char('?'));
    let text = s.text();
    assert!(text.contains("Bantuan: Pegawai"), "{text}");
    for action in [
        "pindah", "halaman", "cari", "unit", "urutan", "buka", "baru", "keluar", "Ctrl-C",
    ] {
        assert!(text.contains(action), "{action} missing from help:\n{text}");
    }
    s.key(KeyCode::Char('x'));
    assert!(!s.shows("Bantuan"));
    s.key(KeyCode::Enter).key(KeyCode::Char('?'));
    assert!(s.shows("bagian") && s.shows("ubah"), "{}", s.text());
}

fn visit_every_screen(s: &mut Session, check: &mut dyn FnMut(&Session, &str)) {
    check(s, "list");
    s.key(KeyCode::Char('?'));
    check(s, "help");
    s.key(KeyCode::Esc).key(KeyCode::Char('/')).type_text("sir");
    check(s, "search");
    s.key(KeyCode::Enter).key(KeyCode::Char('f'));
    check(s, "unit picker");
    s.key(KeyCode::Esc).key(KeyCode::Enter);
    check(s, "record");
    s.key(KeyCode::Tab);
    check(s, "trainings");
    s.key(KeyCode::Char('u'));
    check(s, "form");
    s.key(KeyCode::Esc).key(KeyCode::Char('e'));
    check(s, "evaluation form");
    s.key(KeyCode::Char('1'))
        .key(KeyCode::Esc)
        .key(KeyCode::Char('y'));
    s.key(KeyCode::Esc).key(KeyCode::Char('E'));
    check(s, "quick entry setup");
    s.key(KeyCode::Esc).key(KeyCode::Char('4'));
    check(s, "report");
    s.key(KeyCode::Char('r'));
    check(s, "unit rating picker");
    s.key(KeyCode::Esc);
}

#[test]
fn ascii_mode_draws_no_character_outside_ascii() {
    let theme = Theme {
        color: true,
        ascii: true,
    };
    let mut s = session_with(300, Lang::Id, theme, 80, 24);
    visit_every_screen(&mut s, &mut |s, name| {
        let text = s.text();
        let bad: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        assert!(bad.is_empty(), "{name} has {bad:?}:\n{text}");
    });
    let mut empty = session_with(0, Lang::Id, theme, 80, 24);
    assert!(empty.text().is_ascii());
    empty.key(KeyCode::Char('?'));
    assert!(empty.text().is_ascii());
}

#[test]
fn no_color_leaves_every_cell_in_the_default_colours() {
    let theme = Theme {
        color: false,
        ascii: false,
    };
    let mut s = session_with(300, Lang::Id, theme, 80, 24);
    visit_every_screen(&mut s, &mut |s, name| {
        let buf = s.term.backend().buffer();
        for cell in buf.content() {
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "{name}: a coloured cell {:?} {:?} {:?}",
                cell.symbol(),
                cell.fg,
                cell.bg
            );
        }
    });
}

#[test]
fn the_selected_row_is_reverse_video() {
    let mut s = demo();
    s.key(KeyCode::Down);
    let buf = s.term.backend().buffer();
    let reversed = |y: u16| {
        buf[(0, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    };
    assert!(!reversed(3) && reversed(4) && !reversed(5));
}

#[test]
fn english_screens_with_lang_en() {
    let mut s = session_with(300, Lang::En, Theme::default(), 80, 24);
    assert!(
        s.lines()[0].starts_with(" kinerja  1 Home  2 Staff  3 Training  4 Reports  5 Talent"),
        "{}",
        s.lines()[0]
    );
    assert!(s.lines()[1].ends_with("300 / 300 shown"));
    s.key(KeyCode::Char('n'));
    assert!(s.shows("New staff member"));
}

#[test]
fn an_empty_database_welcomes_and_loads_the_demo() {
    let mut s = session_with(0, Lang::Id, Theme::default(), 80, 24);
    assert!(s.shows("Selamat datang di kinerja"));
    assert!(s.shows("kinerja --db /data/kinerja import staff FILE.csv"));
    s.key(KeyCode::Char('d'));
    assert!(
        s.lines()[1].ends_with("300 / 300 ditampilkan"),
        "{}",
        s.text()
    );
    assert!(s.lines()[23].contains("data contoh dimuat"));
}

#[test]
fn ctrl_c_on_a_changed_form_asks_before_quitting() {
    let mut s = demo();
    s.key(KeyCode::Char('n')).type_text("19");
    s.key_mod(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(!s.app.should_quit());
    assert!(s.shows("Keluar?"));
    s.key(KeyCode::Char('y'));
    assert!(s.app.should_quit());
}

#[test]
fn the_first_staff_member_can_name_a_new_unit() {
    let mut s = session_with(0, Lang::Id, Theme::default(), 80, 24);
    s.key(KeyCode::Char('n')).type_text("19850330 201001 1 002");
    s.key(KeyCode::Tab).key(KeyCode::Tab).type_text("Ani Lubis");
    s.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .type_text("III/a");
    s.key(KeyCode::Tab).type_text("S1");
    s.key(KeyCode::Tab).type_text("Perawat");
    s.key(KeyCode::Tab).type_text("ahli p");
    s.key(KeyCode::Tab).type_text("Puskesmas Belawan");
    // A name no unit has is not a new unit until the officer says so.
    assert!(!s.shows("unit baru: Puskesmas Belawan"), "{}", s.text());
    assert!(s.shows("Ctrl-N"), "{}", s.text());
    s.key_mod(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert!(s.shows("unit baru: Puskesmas Belawan"), "{}", s.text());
    s.key(KeyCode::F(2));
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let unit = s
        .app
        .store()
        .get_unit("puskesmas-belawan")
        .unwrap()
        .unwrap();
    assert_eq!(unit.kind, kinerja::domain::UnitKind::Kesehatan);
    s.key(KeyCode::Esc);
    assert!(s.lines()[1].ends_with("1 / 1 ditampilkan"), "{}", s.text());
}

#[test]
fn saving_an_unchanged_form_writes_nothing() {
    let mut s = demo();
    let nip: String = s.lines()[3].split_whitespace().take(4).collect();
    s.key(KeyCode::Enter)
        .key(KeyCode::Char('u'))
        .key(KeyCode::F(2));
    assert!(!s.shows("Ubah data pegawai"));
    assert_eq!(s.app.store().get_staff(&nip).unwrap().unwrap().revision, 1);
}

#[test]
fn beranda_is_the_first_screen_once_data_exists() {
    let dir = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    let mut app =
        kinerja::app::App::new(store, common::session::options(Lang::Id, Theme::default()))
            .unwrap();
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    term.draw(|f| app.draw(f)).unwrap();
    app.finish_loading().unwrap();
    term.draw(|f| app.draw(f)).unwrap();
    let buf = term.backend().buffer();
    let text: String = (0..24)
        .map(|y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(text.contains("Cakupan penilaian: tahunan 2025"), "{text}");
    // Each kind against its own target, which the gauge names.
    assert!(
        text.contains("mencapai target JP 2026 (PNS 20 JP, PPPK -)"),
        "{text}"
    );
    assert!(text.contains("Perlu perhatian"), "{text}");
    // Everyone active and evaluated for 2025 is counted: the demo evaluates everyone.
    let active = app
        .store()
        .iter_staff()
        .filter(|s| s.as_ref().unwrap().aktif)
        .count();
    assert!(
        text.contains(&format!("{active} / {active} (100%)")),
        "{text}"
    );
}

/// Laporan's first unit for 2025 (the year the tab opens on): its id and recorded rating.
fn first_report_unit(s: &Session) -> (String, Option<kinerja::domain::UnitRating>) {
    let rows = kinerja::views::report::unit_report(
        s.app.store(),
        2025,
        &Default::default(),
        jiff::civil::date(2026, 11, 28),
    )
    .unwrap();
    (rows[0].unit_id.clone(), rows[0].rating)
}

fn rating_of(s: &Session, unit: &str) -> Option<kinerja::domain::UnitRating> {
    let unit = s.app.store().get_unit(unit).unwrap().unwrap();
    unit.ratings.get(&2025).copied()
}

fn audit_len(s: &Session) -> usize {
    s.app.store().audit_recent(100_000).unwrap().len()
}

#[test]
fn the_unit_rating_picker_saves_once_on_enter() {
    use kinerja::domain::UnitRating;
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    let (unit, before) = first_report_unit(&s);
    assert_eq!(before, Some(UnitRating::Baik), "the demo's first unit");
    let audit_before = audit_len(&s);
    s.key(KeyCode::Char('r'));
    assert!(s.shows("Capaian organisasi 2025"), "{}", s.text());
    assert!(s.shows("belum dicatat"), "{}", s.text());
    // The current value is preselected (reverse video).
    let row = s.lines().iter().position(|l| l.contains("2 Baik")).unwrap();
    let buf = s.term.backend().buffer();
    let x = s.lines()[row].find("2 Baik").unwrap() as u16;
    assert!(
        buf[(x, row as u16)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "{}",
        s.text()
    );
    // Moving writes nothing.
    s.key(KeyCode::Down)
        .key(KeyCode::Char('j'))
        .key(KeyCode::Char('k'));
    assert_eq!(audit_len(&s), audit_before);
    assert_eq!(rating_of(&s, &unit), Some(UnitRating::Baik));
    s.key(KeyCode::Enter);
    assert_eq!(audit_len(&s), audit_before + 1);
    assert_eq!(rating_of(&s, &unit), Some(UnitRating::ButuhPerbaikan));
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    assert!(!s.shows("belum dicatat"), "the picker is closed");
}

#[test]
fn the_unit_rating_picker_can_clear_the_rating_and_enter_on_the_same_value_saves_nothing() {
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    let (unit, before) = first_report_unit(&s);
    let audit_before = audit_len(&s);
    s.key(KeyCode::Char('r')).key(KeyCode::Enter);
    assert_eq!(audit_len(&s), audit_before, "nothing changed");
    assert_eq!(rating_of(&s, &unit), before);
    s.key(KeyCode::Char('r'));
    for _ in 0..6 {
        s.key(KeyCode::Up);
    }
    s.key(KeyCode::Enter);
    assert_eq!(rating_of(&s, &unit), None);
    assert_eq!(audit_len(&s), audit_before + 1);
}

#[test]
fn escape_closes_the_unit_rating_picker_without_saving() {
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    let (unit, before) = first_report_unit(&s);
    let screen = s.text();
    let audit_before = audit_len(&s);
    s.key(KeyCode::Char('r'))
        .key(KeyCode::Down)
        .key(KeyCode::Esc);
    assert_eq!(audit_len(&s), audit_before);
    assert_eq!(rating_of(&s, &unit), before);
    assert_eq!(s.text(), screen, "back to the report as it was");
}

#[test]
fn while_the_unit_rating_picker_is_open_keys_go_only_to_it() {
    use kinerja::domain::UnitRating;
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    let (unit, _) = first_report_unit(&s);
    let audit_before = audit_len(&s);
    s.key(KeyCode::Char('r'));
    // The footer and help show the picker's keys.
    assert!(
        s.lines()[23].starts_with("↑↓ j k pindah  1-5 pilih dan simpan  Enter simpan  Esc batal"),
        "{}",
        s.lines()[23]
    );
    s.key(KeyCode::Char('?'));
    assert!(s.shows("pilih dan simpan"), "{}", s.text());
    assert!(!s.shows("ekspor CSV"), "{}", s.text());
    s.key(KeyCode::Esc); // closes the help, not the picker
    assert!(s.shows("Capaian organisasi 2025"), "{}", s.text());
    // Quit, year and export do nothing while it is open (the tab keys 1-4 are
    // choices in it).
    for c in ['q', 'x', 'r', '['] {
        s.key(KeyCode::Char(c));
    }
    s.key(KeyCode::Left);
    assert!(!s.app.should_quit());
    assert!(s.shows("Capaian organisasi 2025"), "{}", s.text());
    assert_eq!(audit_len(&s), audit_before);
    // A digit chooses and saves at once.
    s.key(KeyCode::Char('4'));
    assert_eq!(rating_of(&s, &unit), Some(UnitRating::Kurang));
    assert_eq!(audit_len(&s), audit_before + 1);
    assert!(s.shows("Distribusi predikat tahunan"), "{}", s.text());
}

fn selected_row(s: &Session) -> Option<u16> {
    let buf = s.term.backend().buffer();
    (3..23).find(|&y| {
        buf[(0, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    })
}

#[test]
fn marks_are_cleared_by_a_and_never_by_escape() {
    let mut s = demo();
    s.key(KeyCode::Char(' ')).key(KeyCode::Char(' '));
    assert!(s.lines()[1].contains("2 ditandai"), "{}", s.lines()[1]);
    s.key(KeyCode::Esc);
    assert!(s.lines()[1].contains("2 ditandai"), "{}", s.lines()[1]);
    // Nor by leaving a search with Esc, or clearing a kept one.
    s.key(KeyCode::Char('/')).type_text("sir").key(KeyCode::Esc);
    assert!(s.lines()[1].contains("2 ditandai"), "{}", s.lines()[1]);
    s.key(KeyCode::Char('/'))
        .type_text("sir")
        .key(KeyCode::Enter)
        .key(KeyCode::Esc)
        .key(KeyCode::Esc);
    assert!(s.lines()[1].contains("2 ditandai"), "{}", s.lines()[1]);
    s.key(KeyCode::Char('a'));
    assert!(!s.lines()[1].contains("ditandai"), "{}", s.lines()[1]);
    assert!(s.lines()[1].ends_with("300 / 300 ditampilkan"));
    s.key(KeyCode::Char('?'));
    assert!(s.shows("tandai semua / hapus tanda"), "{}", s.text());
    // With nothing marked, `a` marks everyone listed (for a group form).
    s.key(KeyCode::Esc).key(KeyCode::Char('a'));
    assert!(s.lines()[1].contains("300 ditandai"), "{}", s.lines()[1]);
}

#[test]
fn the_marked_count_stays_in_view_during_a_long_search() {
    let mut s = demo();
    s.key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '));
    s.key(KeyCode::Char('/'))
        .type_text("siregar rina manurung nasution lubis harahap");
    let line = s.lines()[1].clone();
    // The end of the query, where the typing happens, stays in view.
    assert!(line.starts_with("Cari: …"), "{line}");
    assert!(line.contains("lubis harahap▏"), "{line}");
    assert!(line.contains("3 ditandai  0 / 300 ditampilkan"), "{line}");
    // And with the query kept beside a long unit name.
    s.key(KeyCode::Enter)
        .key(KeyCode::Char('f'))
        .type_text("sicanang");
    s.key(KeyCode::Down).key(KeyCode::Enter);
    let line = s.lines()[1].clone();
    assert!(line.starts_with("urut: NIP  Unit: "), "{line}");
    assert!(line.ends_with("3 ditandai  0 / 300 ditampilkan"), "{line}");
}

#[test]
fn slash_starts_an_empty_search_and_up_recalls_the_last_query() {
    let mut s = demo();
    s.key(KeyCode::Char('/'))
        .type_text("siregar")
        .key(KeyCode::Enter);
    assert!(s.lines()[1].contains("Cari: siregar"), "{}", s.lines()[1]);
    s.key(KeyCode::Char('/'));
    let line = s.lines()[1].clone();
    assert!(
        line.starts_with("Cari: ") && !line.contains("siregar"),
        "{line}"
    );
    assert!(line.ends_with("300 / 300 ditampilkan"), "{line}");
    assert_eq!(
        s.lines()[23],
        "Enter pakai saringan  Esc hapus saringan  ↑ Ctrl-P cari terakhir  F1 bantuan"
    );
    // Up in the empty box brings the last query back.
    s.key(KeyCode::Up);
    let line = s.lines()[1].clone();
    assert!(line.starts_with("Cari: siregar"), "{line}");
    assert!(!line.ends_with("300 / 300 ditampilkan"), "{line}");
    assert!(s.lines()[3].contains("Siregar"), "{}", s.lines()[3]);
    // In a box with text, Up moves in the list as before.
    assert!(s.lines()[23].contains("↑↓ pindah"), "{}", s.lines()[23]);
    assert!(!s.lines()[23].contains("terakhir"), "{}", s.lines()[23]);
    s.key(KeyCode::Down).key(KeyCode::Up);
    assert!(s.lines()[1].starts_with("Cari: siregar"));
    assert_eq!(selected_row(&s), Some(3));
    // Ctrl-P does the same, also after a search cleared with Esc.
    s.key(KeyCode::Esc).key(KeyCode::Char('/'));
    assert!(!s.lines()[1].contains("siregar"), "{}", s.lines()[1]);
    s.key(KeyCode::F(1));
    assert!(s.shows("↑ Ctrl-P"), "{}", s.text());
    assert!(s.shows("cari terakhir"), "{}", s.text());
    s.key(KeyCode::Esc); // closes the help only
    s.key_mod(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert!(
        s.lines()[1].starts_with("Cari: siregar"),
        "{}",
        s.lines()[1]
    );
}

#[test]
fn up_in_a_first_empty_search_moves_the_list() {
    let mut s = demo();
    s.key(KeyCode::Down).key(KeyCode::Down);
    s.key(KeyCode::Char('/')).key(KeyCode::Up);
    assert_eq!(s.lines()[1].trim_end().split("  ").next(), Some("Cari: ▏"));
    assert_eq!(selected_row(&s), Some(4));
}

#[test]
fn changing_the_sort_selects_the_top_of_the_list() {
    let mut s = demo();
    for _ in 0..30 {
        s.key(KeyCode::Down);
    }
    let first_by_name = {
        let mut t = demo();
        t.key(KeyCode::Char('s'));
        t.lines()[3].clone()
    };
    s.key(KeyCode::Char('s'));
    assert!(s.lines()[1].starts_with("urut: nama"), "{}", s.lines()[1]);
    assert_eq!(selected_row(&s), Some(3));
    assert_eq!(s.lines()[3], first_by_name);
}

#[test]
fn the_report_export_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    common::session::make_demo_at(dir.path());
    let store = kinerja::store::Store::open(&dir.path().join("db")).unwrap();
    let mut opts = common::session::options(Lang::Id, Theme::default());
    opts.export_dir = out.path().to_path_buf();
    let mut app = kinerja::app::App::new(store, opts).unwrap();
    app.finish_loading().unwrap();
    let own = out.path().join("laporan-2025.csv");
    std::fs::write(&own, "the officer's own file").unwrap();
    for c in ['4', 'x', 'x'] {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert_eq!(std::fs::read(&own).unwrap(), b"the officer's own file");
    for n in [2, 3] {
        let written = out.path().join(format!("laporan-2025-{n}.csv"));
        let text = std::fs::read_to_string(&written).unwrap();
        assert!(text.starts_with("unit"), "{text}");
    }
}

/// The user guide agrees with the program: its key table names every tab of the tab table
/// by its key and name, and it never says Laporan's `x` replaces a file (it writes
/// `laporan-YEAR-2.csv` instead).
#[test]
fn the_user_guide_names_every_tab_and_never_says_x_replaces_a_file() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/user-guide.md"))
        .unwrap();
    for spec in kinerja::ui::tabs::TABS {
        let kinerja::ui::keys::Key::Char(c) = spec.key else {
            panic!("a tab key is a digit");
        };
        let name = spec.name.get(Lang::Id);
        assert!(guide.contains(&format!("| `{c}` |")), "no row for tab {c}");
        assert!(
            guide.contains(&format!("`{c} {name}`")),
            "tab {c} {name} not named"
        );
    }
    assert!(!guide.contains("replacing a file of that name"));
    assert!(guide.contains("`laporan-YEAR-2.csv`"));
}

#[test]
fn laporan_says_which_years_rating_is_missing_and_who_records_it() {
    // A past year's unit without a capaian organisasi: the year is named (not "tahun
    // ini"), and so is who records it (an admin), for a penilai reads the same line.
    let mut s = demo();
    s.key(KeyCode::Char('4'));
    let mut years = 0;
    while !s.shows("belum dicatat (admin: r).") && years < 4 {
        s.key(KeyCode::Char('['));
        years += 1;
    }
    let text = s.text();
    let year = (2025 - years).to_string();
    assert!(
        text.contains(&format!(
            "Capaian organisasi {year} belum dicatat (admin: r)."
        )),
        "{text}"
    );
    assert!(!text.contains("tahun ini belum dicatat"), "{text}");
}
