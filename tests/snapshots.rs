//! Every screen at 80x24, in Indonesian, in English and in ASCII without colour, compared
//! whole with the committed snapshots (`tests/snapshots/`). A layout change shows up in
//! review as a changed picture; `cargo insta review` accepts it.

mod common;

use common::session::{Session, looks, session_with};
use crossterm::event::{KeyCode, KeyModifiers};
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

/// The three looks every screen is checked in.
fn snap(s: &Session, look: &str, screen: &str) {
    insta::assert_snapshot!(format!("{screen}__{look}"), s.text());
}

fn ctrl(s: &mut Session, c: char) {
    s.key_mod(KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn welcome_on_an_empty_database() {
    for (look, lang, theme) in looks() {
        let s = session_with(0, lang, theme, 80, 24);
        snap(&s, look, "welcome");
    }
}

#[test]
fn the_tabs_and_the_staff_list() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Char('1'));
        snap(&s, look, "beranda");
        s.key(KeyCode::Char('2'));
        snap(&s, look, "pegawai");
        s.key(KeyCode::Char('/')).type_text("sir");
        snap(&s, look, "pegawai_search");
        s.key(KeyCode::Enter).key(KeyCode::Char('f'));
        snap(&s, look, "pegawai_unit_picker");
        s.key(KeyCode::Esc).key(KeyCode::Char('?'));
        snap(&s, look, "pegawai_help");
        s.key(KeyCode::Esc).key(KeyCode::Char('3'));
        snap(&s, look, "pelatihan");
        for section in ["pelatihan_coaching", "pelatihan_held", "pelatihan_partners"] {
            s.key(KeyCode::Tab);
            snap(&s, look, section);
        }
        s.key(KeyCode::Char('4'));
        snap(&s, look, "laporan");
        s.key(KeyCode::Char('r'));
        snap(&s, look, "laporan_rating_picker");
        s.key(KeyCode::Esc).key(KeyCode::Char('5'));
        snap(&s, look, "talenta");
        s.key(KeyCode::Down)
            .key(KeyCode::Left)
            .key(KeyCode::Tab)
            .key(KeyCode::Down);
        snap(&s, look, "talenta_box5_list");
        s.key(KeyCode::Char('B'));
        snap(&s, look, "talenta_berprestasi");
    }
}

#[test]
fn the_record_and_its_forms() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Enter);
        snap(&s, look, "record");
        s.key(KeyCode::Tab);
        snap(&s, look, "record_trainings");
        s.key(KeyCode::Tab);
        snap(&s, look, "record_history");
        s.key(KeyCode::Tab);
        s.key(KeyCode::Char('u'));
        snap(&s, look, "staff_form_edit");
        s.key(KeyCode::Esc).key(KeyCode::Char('e'));
        snap(&s, look, "evaluation_form_new");
        s.key(KeyCode::F(1));
        snap(&s, look, "evaluation_form_help");
        s.key(KeyCode::Esc);
        // The notes near the bottom (back from the first fields, past the date received):
        // the form scrolls.
        for _ in 0..4 {
            s.key(KeyCode::BackTab);
        }
        s.type_text("Baris satu")
            .key(KeyCode::Enter)
            .type_text("Baris dua");
        snap(&s, look, "evaluation_form_notes");
        ctrl(&mut s, 's');
        snap(&s, look, "evaluation_form_refused");
        s.key(KeyCode::Esc);
        snap(&s, look, "evaluation_form_close_question");
        s.key(KeyCode::Char('y')).key(KeyCode::Char('t'));
        snap(&s, look, "training_form_new");
        s.type_text("Bimtek").key(KeyCode::Tab).key(KeyCode::Tab);
        s.type_text("Pusksmas Belawn");
        snap(&s, look, "training_form_unknown_organiser");
    }
}

/// Pelatihan's coaching list filtered to missing and overdue coaching, and the Pembinaan
/// section of a record with an overdue coaching.
#[test]
fn the_coaching_list_filters_and_the_records_coaching() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Char('3'))
            .key(KeyCode::Tab)
            .key(KeyCode::Char('v'));
        snap(&s, look, "pelatihan_coaching_missing");
        s.key(KeyCode::Char('v'));
        snap(&s, look, "pelatihan_coaching_overdue");
        s.key(KeyCode::Enter);
        for _ in 0..3 {
            s.key(KeyCode::Tab);
        }
        snap(&s, look, "record_coaching");
        s.key(KeyCode::Enter);
        snap(&s, look, "coaching_form_edit");
    }
}

#[test]
fn new_staff_group_training_and_quick_entry() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Char('n'));
        s.type_text("19850330 2010");
        snap(&s, look, "staff_form_new_bad_nip");
        for _ in 0..9 {
            s.key(KeyCode::Tab);
        }
        s.type_text("Kel Belawn");
        snap(&s, look, "staff_form_unknown_unit");
        s.key(KeyCode::Esc).key(KeyCode::Char('y'));
        for _ in 0..3 {
            s.key(KeyCode::Char(' '));
        }
        s.key(KeyCode::Char('t'));
        snap(&s, look, "training_form_group");
        s.key(KeyCode::Esc).key(KeyCode::Char('E'));
        snap(&s, look, "quick_entry_setup");
        // Triwulan IV 2026, which nobody in the demo has yet, and an evaluator.
        for _ in 0..4 {
            s.key(KeyCode::Backspace);
        }
        s.type_text("2026").key(KeyCode::Tab).key(KeyCode::Left);
        s.key(KeyCode::Tab).type_text("Camat");
        s.key(KeyCode::Enter).key(KeyCode::Char('1'));
        snap(&s, look, "quick_entry_rating");
        // The quarter has not ended: the predikat is marked provisional, and the first
        // save asks once.
        s.key(KeyCode::Char('1'));
        snap(&s, look, "quick_entry_rated_provisional");
        s.key(KeyCode::Enter);
        snap(&s, look, "quick_entry_confirm_provisional");
    }
}

#[test]
fn too_small_a_terminal() {
    let s = session_with(10, Lang::Id, Theme::default(), 60, 20);
    snap(&s, "id", "too_small");
}

/// Names with emoji, variation selectors, CJK and accents (tests/cases/wide-names.csv):
/// the columns stay aligned and names are cut at a character boundary.
#[test]
fn wide_names_keep_the_columns_aligned() {
    let s = session_with(0, Lang::Id, Theme::default(), 80, 24);
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    let names = [
        "Siti 😊 Aminah Siregar Nasution",
        "Nur \u{2764}\u{FE0F} Aini Lubis Harahap",
        "Lim 林美玲 Tanoto Wijaya",
        "René Pasaribu Simanjuntak",
        "Budi Santoso Nasution Lubis",
    ];
    for (i, name) in names.iter().enumerate() {
        let mut staff = common::staff(&format!("19680101200001100{}", i + 1));
        staff.nama = name.to_string();
        store.save_staff(&staff, "t").unwrap();
    }
    let s = s.reopen();
    snap(&s, "id", "wide_names");
    // Every row's rank column starts where the header's does. Lines are read one cell per
    // grapheme (a wide one's second cell reads as a space), so graphemes count columns.
    let lines = s.lines();
    let header = &lines[2];
    let gol = header.find("Gol").unwrap();
    let col = |l: &str, byte: usize| {
        unicode_segmentation::UnicodeSegmentation::graphemes(&l[..byte], true).count()
    };
    let gol_col = col(header, gol);
    for row in &lines[3..8] {
        let at = row.find("III/c").unwrap_or_else(|| panic!("{row}"));
        assert_eq!(col(row, at), gol_col, "{row}");
    }
}

/// A record with warnings: the pension date and one line per warning under the identity.
#[test]
fn a_record_with_warnings() {
    for (look, lang, theme) in looks() {
        let s = session_with(0, lang, theme, 80, 24);
        let store = s.app.store();
        store.save_unit(&common::unit(), "t").unwrap();
        let mut staff = common::staff("196001011970011001");
        staff.golongan = kinerja::domain::Golongan::parse("II/a", false).unwrap();
        staff.pendidikan = kinerja::domain::Pendidikan::S1;
        staff.jabatan = kinerja::domain::Jabatan {
            nama: "Pengadministrasi Umum".into(),
            jenis: kinerja::domain::JenisJabatan::Pelaksana,
        };
        store.save_staff(&staff, "t").unwrap();
        let mut s = s.reopen_as(lang, theme);
        s.key(KeyCode::Enter);
        snap(&s, look, "record_warnings");
    }
}

/// The screens the key grammar changed (issue 18), at 80x24 and 120x40: the unit picker
/// over Pelatihan's coaching section, Mitra's year, and the unit-head question with its
/// undo on a record.
#[test]
fn the_key_grammar_screens_at_two_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (look, lang, theme) in looks() {
            let size = format!("{w}x{h}");
            let mut s = session_with(300, lang, theme, w, h);
            s.key(KeyCode::Char('3'))
                .key(KeyCode::Tab)
                .key(KeyCode::Char('f'));
            s.type_text("bel");
            snap(&s, look, &format!("grammar_unit_picker_{size}"));
            s.key(KeyCode::Enter).key(KeyCode::Char('['));
            snap(&s, look, &format!("grammar_pelatihan_unit_year_{size}"));
            s.key(KeyCode::Char('m'));
            snap(&s, look, &format!("grammar_mitra_{size}"));
            s.key(KeyCode::Char('2'))
                .key(KeyCode::Enter)
                .key(KeyCode::Char('H'));
            snap(&s, look, &format!("grammar_head_question_{size}"));
            s.key(KeyCode::Char('y'));
            snap(&s, look, &format!("grammar_head_changed_{size}"));
        }
    }
}

/// Who retires within 12 months, in full: Beranda lists as many as fit and says how many
/// more and where they are; the staff list sorted by pension date shows everyone with the
/// date; Laporan lists more where its table leaves room. At 80x24 and 120x40 (where the
/// staff list gives name, position and unit more room).
#[test]
fn the_retiring_list_in_full() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (look, lang, theme) in looks() {
            let mut s = session_with(300, lang, theme, w, h);
            s.key(KeyCode::Char('1'));
            snap(&s, look, &format!("beranda_retiring_{w}x{h}"));
            let more = if lang == Lang::Id { "lagi" } else { "more" };
            assert_eq!(s.shows(more), w == 80, "{}", s.text());
            s.key(KeyCode::Char('2'));
            while !s.shows(if lang == Lang::Id {
                "urut: pensiun"
            } else {
                "sort: pension date"
            }) {
                s.key(KeyCode::Char('s'));
            }
            snap(&s, look, &format!("pegawai_by_pension_{w}x{h}"));
            s.key(KeyCode::Char('4'));
            snap(&s, look, &format!("laporan_retiring_{w}x{h}"));
        }
    }
}

/// Where the text is the answer, 80 columns do not cut it: the selected person's whole
/// coaching reason under Pelatihan's list, a unit rating's full name on Laporan, whole unit
/// names in a Kompetensi list of one position, and search results cut with `…` like every
/// other name. At 80x24 and 120x40.
#[test]
fn answers_are_not_cut_at_80_columns() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (look, lang, theme) in looks() {
            let cut = if theme.ascii { '~' } else { '…' };
            let mut s = session_with(300, lang, theme, w, h);
            s.key(KeyCode::Char('/')).type_text("sir");
            snap(&s, look, &format!("pegawai_search_{w}x{h}"));
            // A name cut in the results ends in the mark, as it does outside a search.
            if w == 80 {
                assert!(
                    // Without colour the sign column takes one letter of the name.
                    s.shows(&format!("Nurhayati Siregar, M{cut}"))
                        || s.shows(&format!("Nurhayati Siregar, {cut}")),
                    "{}",
                    s.text()
                );
            }
            s.key(KeyCode::Esc)
                .key(KeyCode::Char('3'))
                .key(KeyCode::Tab);
            snap(&s, look, &format!("pelatihan_coaching_reason_{w}x{h}"));
            let lines = s.lines();
            let above_footer = &lines[lines.len() - 2];
            assert!(!above_footer.ends_with(cut), "{}", s.text());
            s.key(KeyCode::Char('4'))
                .key(KeyCode::Char('r'))
                .key(KeyCode::Char('3'));
            snap(&s, look, &format!("laporan_butuh_perbaikan_{w}x{h}"));
            // Whole in the table where it fits, else also on a line below it.
            let below = s.shows(": Butuh Perbaikan");
            let cut_in_table = s.shows(&format!("Butuh Pe{cut}"));
            assert!(below == cut_in_table && below == (w == 80), "{}", s.text());
            s.key(KeyCode::Char('3')).key(KeyCode::Char('K'));
            s.key(KeyCode::Enter);
            snap(&s, look, &format!("kompetensi_list_{w}x{h}"));
            // A list of one position leaves its column out: whole unit names.
            assert!(s.shows("  Kelurahan Belawan Bahagia "), "{}", s.text());
        }
    }
}

/// Without colour (NO_COLOR, and ASCII mode), the staff list marks by a sign what colour
/// marks otherwise: `-` before an inactive person's name, `!` after JP below the target,
/// and its last line says so. With colour neither sign nor legend shows.
#[test]
fn without_colour_signs_mark_inactive_staff_and_jp_below_target() {
    let no_color = Theme {
        color: false,
        ascii: false,
    };
    for (w, h) in [(80, 24), (120, 40)] {
        for (look, lang, theme) in [looks()[2], ("no_color", Lang::Id, no_color), looks()[0]] {
            let s = session_with(300, lang, theme, w, h);
            // The first person listed (by NIP) leaves.
            let nip = "196708201995122459";
            let mut staff = s.app.store().get_staff(nip).unwrap().unwrap();
            staff.aktif = false;
            s.app.store().save_staff(&staff, "t").unwrap();
            let s = s.reopen_as(lang, theme);
            snap(&s, look, &format!("pegawai_signs_{w}x{h}"));
            let lines = s.lines();
            let signs = !theme.color;
            assert_eq!(lines[3].contains("- Ani Harahap"), signs, "{}", s.text());
            assert_eq!(
                lines.iter().any(|l| l.ends_with('!')),
                signs,
                "{}",
                s.text()
            );
            assert_eq!(s.shows("- nonaktif, ! JP di bawah target"), signs);
        }
    }
}

/// `P`'s choice of document (issue 20): on the record and on Laporan.
#[test]
fn the_print_choices() {
    for (look, lang, theme) in looks() {
        let mut s = session_with(300, lang, theme, 80, 24);
        s.key(KeyCode::Enter).key(KeyCode::Char('P'));
        snap(&s, look, "record_print_choice");
        s.key(KeyCode::Esc)
            .key(KeyCode::Esc)
            .key(KeyCode::Char('4'));
        s.key(KeyCode::Char('P'));
        snap(&s, look, "laporan_print_choice");
    }
}
