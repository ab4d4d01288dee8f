//! The key grammar (docs/user-guide.md, "One key, one verb") walked on every screen of a
//! demo session: a key of the grammar means its verb wherever it is offered, no key is
//! offered twice on one screen, and every label is the keys' own (derived, never typed).

mod common;

use common::session::{Session, demo};
use crossterm::event::KeyCode;
use kinerja::ui::keys::{grammar_breaks, label};

/// Checks the screen the session is on; `name` says which, for the failure message.
fn check(s: &Session, name: &str, walked: &mut Vec<String>) {
    let keys = s.app.keys();
    assert!(!keys.is_empty(), "{name} offers no key");
    for k in &keys {
        assert!(!k.keys.is_empty(), "{name}: a line without keys");
        assert_eq!(k.label(true), label(&k.keys, true), "{name}");
    }
    let breaks = grammar_breaks(&keys);
    assert!(breaks.is_empty(), "{name}: {breaks:?}\n{}", s.text());
    walked.push(name.to_string());
}

#[test]
fn every_screen_follows_the_key_grammar() {
    let mut s = demo();
    let mut walked = Vec::new();
    check(&s, "Beranda", &mut walked);
    s.key(KeyCode::Char('f'));
    check(&s, "Beranda: unit picker", &mut walked);
    // The audit trail (issue 22): `[ ]` its day, `f` its officer, `/` its text.
    s.key(KeyCode::Esc)
        .key(KeyCode::Char('1'))
        .key(KeyCode::Char('A'));
    assert!(s.shows("Jejak audit"), "{}", s.text());
    check(&s, "audit", &mut walked);
    s.key(KeyCode::Char('/'));
    check(&s, "audit: search", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(!s.shows("Jejak audit"), "{}", s.text());
    s.key(KeyCode::Esc).key(KeyCode::Char('2'));
    check(&s, "Pegawai", &mut walked);
    s.key(KeyCode::Char('E'));
    check(&s, "quick entry: setup", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Char('R'));
    check(&s, "realisation", &mut walked);
    s.key(KeyCode::Char('5'));
    check(&s, "realisation: typing", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Esc);
    s.key(KeyCode::Char('/'));
    check(&s, "Pegawai: search", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Enter);
    check(&s, "record", &mut walked);
    // `P`: the choice of document (issue 20); `Esc` leaves it.
    s.key(KeyCode::Char('P'));
    assert!(s.shows("Cetak PDF:"), "{}", s.text());
    check(&s, "record: print", &mut walked);
    s.key(KeyCode::Esc);
    // The objection to the selected evaluation (issue 19).
    s.key(KeyCode::Char('o'));
    assert!(s.shows("Keberatan atas hasil penilaian"), "{}", s.text());
    check(&s, "record: objection", &mut walked);
    s.key(KeyCode::Esc);
    for section in ["record: trainings", "record: history", "record: coaching"] {
        s.key(KeyCode::Tab);
        check(&s, section, &mut walked);
    }
    s.key(KeyCode::Char('p'));
    check(&s, "profile", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Char('3'));
    check(&s, "Pelatihan", &mut walked);
    for section in [
        "Pelatihan: coaching",
        "Pelatihan: held",
        "Pelatihan: partners",
    ] {
        s.key(KeyCode::Tab);
        check(&s, section, &mut walked);
    }
    s.key(KeyCode::Char('K'));
    check(&s, "Kompetensi", &mut walked);
    s.key(KeyCode::Enter);
    check(&s, "Kompetensi: who lacks it", &mut walked);
    s.key(KeyCode::Esc)
        .key(KeyCode::Esc)
        .key(KeyCode::Char('m'));
    check(&s, "Mitra", &mut walked);
    s.key(KeyCode::Enter);
    check(&s, "Mitra: a partner", &mut walked);
    s.key(KeyCode::Esc)
        .key(KeyCode::Esc)
        .key(KeyCode::Char('R'));
    check(&s, "requirements", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Char('4'));
    check(&s, "Laporan", &mut walked);
    s.key(KeyCode::Char('P'));
    assert!(s.shows("Cetak PDF:"), "{}", s.text());
    check(&s, "Laporan: print", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Char('5'));
    check(&s, "Talenta", &mut walked);
    s.key(KeyCode::Tab);
    check(&s, "Talenta: list", &mut walked);
    s.key(KeyCode::Char('B'));
    check(&s, "Talenta: berprestasi", &mut walked);
    assert_eq!(walked.len(), 30, "{walked:?}");
}

#[test]
fn the_year_is_written_alike_and_changed_by_brackets_on_every_screen_with_one() {
    let mut s = demo();
    for (tab, year) in [('3', 2026), ('4', 2025), ('5', 2025)] {
        s.key(KeyCode::Char(tab));
        assert!(s.shows(&format!("◀ {year} ▶")), "{tab}: {}", s.text());
        s.key(KeyCode::Char('['));
        assert!(s.shows(&format!("◀ {} ▶", year - 1)), "{tab}: {}", s.text());
        s.key(KeyCode::Char(']'));
        assert!(s.shows(&format!("◀ {year} ▶")), "{tab}: {}", s.text());
    }
    s.key(KeyCode::Char('3')).key(KeyCode::Char('m'));
    assert!(s.shows("◀ 2026 ▶"), "Mitra: {}", s.text());
    s.key(KeyCode::Char('['));
    assert!(s.shows("◀ 2025 ▶"), "Mitra: {}", s.text());
}

#[test]
fn q_quits_from_a_record_too_but_is_typed_in_a_search() {
    let mut s = demo();
    s.key(KeyCode::Char('2'))
        .key(KeyCode::Char('/'))
        .type_text("q");
    assert!(!s.app.should_quit(), "q in the search box is a letter");
    s.key(KeyCode::Esc)
        .key(KeyCode::Enter)
        .key(KeyCode::Char('q'));
    assert!(s.app.should_quit(), "q on a record quits");
}

/// The SKP's screens (issue 19, planning): the record's SKP section, the data form, the SKP
/// screen's four sections, its forms and the template for marked people.
#[test]
fn the_skp_screens_follow_the_key_grammar() {
    use crossterm::event::KeyModifiers;
    let mut s = demo();
    let mut walked = Vec::new();
    let ctrl = |s: &mut Session, c: char| {
        s.key_mod(KeyCode::Char(c), KeyModifiers::CONTROL);
    };
    s.key(KeyCode::Enter);
    for _ in 0..5 {
        s.key(KeyCode::Tab);
    }
    check(&s, "record: SKP", &mut walked);
    s.key(KeyCode::Char('n'));
    check(&s, "SKP: new", &mut walked);
    // A year no demo plan covers.
    ctrl(&mut s, 'u');
    s.type_text("2027-01-01").key(KeyCode::Tab);
    ctrl(&mut s, 'u');
    s.type_text("2027-12-31");
    ctrl(&mut s, 's');
    assert!(s.app.skp_shown().is_some(), "{}", s.text());
    check(&s, "SKP screen", &mut walked);
    for section in ["SKP: perilaku", "SKP: lampiran", "SKP: evidence"] {
        s.key(KeyCode::Tab);
        check(&s, section, &mut walked);
    }
    s.key(KeyCode::Tab).key(KeyCode::Char('n'));
    check(&s, "SKP: RHK form", &mut walked);
    s.type_text("Laporan tersusun");
    ctrl(&mut s, 's');
    s.key(KeyCode::Char('b'));
    check(&s, "SKP: evidence form", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Char('m'));
    check(&s, "SKP: feedback form", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Char('d'));
    check(&s, "SKP: data form", &mut walked);
    s.key(KeyCode::Esc)
        .key(KeyCode::Tab)
        .key(KeyCode::Char('u'));
    check(&s, "SKP: expectations form", &mut walked);
    s.key(KeyCode::Esc)
        .key(KeyCode::Tab)
        .key(KeyCode::Char('u'));
    check(&s, "SKP: lampiran form", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Esc).key(KeyCode::Esc);
    s.key(KeyCode::Char(' ')).key(KeyCode::Char(' '));
    s.key(KeyCode::Char('S'));
    assert!(s.shows("SKP untuk 2 pegawai"), "{}", s.text());
    check(&s, "SKP: template", &mut walked);
    assert_eq!(walked.len(), 13, "{walked:?}");
}

/// The career history (issue 21): the record's Karier section and its entry form, new
/// and opened with `Enter`.
#[test]
fn the_career_screens_follow_the_key_grammar() {
    let mut s = demo();
    let mut walked = Vec::new();
    s.key(KeyCode::Enter);
    for _ in 0..6 {
        s.key(KeyCode::Tab);
    }
    assert!(s.shows("Nomor SK"), "{}", s.text());
    check(&s, "record: career", &mut walked);
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Riwayat karier"), "{}", s.text());
    check(&s, "career: new entry", &mut walked);
    s.key(KeyCode::Esc).key(KeyCode::Enter);
    check(&s, "career: an entry", &mut walked);
    // Kenaikan pangkat: `N` on Laporan.
    s.key(KeyCode::Esc)
        .key(KeyCode::Esc)
        .key(KeyCode::Char('4'));
    s.key(KeyCode::Char('N'));
    assert!(s.shows("Kenaikan pangkat"), "{}", s.text());
    check(&s, "promotions", &mut walked);
    s.key(KeyCode::Right);
    assert!(s.shows("Kenaikan pangkat"), "{}", s.text());
    check(&s, "promotions: next period", &mut walked);
    // `f`: the unit picker over the promotions list; `Esc` leaves it, the list stays.
    s.key(KeyCode::Char('f'));
    check(&s, "promotions: unit picker", &mut walked);
    s.key(KeyCode::Esc);
    assert!(s.shows("Kenaikan pangkat"), "{}", s.text());
    assert_eq!(walked.len(), 6, "{walked:?}");
}

/// `P` prints (issue 20) on every screen that offers it: the record, the profile, the SKP
/// screen and Laporan.
#[test]
fn p_prints_on_the_record_the_profile_the_skp_and_laporan() {
    use kinerja::ui::keys::Key;
    use kinerja::ui::lang::T;
    let prints = |s: &Session, name: &str| {
        assert!(
            s.app
                .keys()
                .iter()
                .any(|k| k.action == T::KeyPrint && k.keys.contains(&Key::Char('P'))),
            "{name} does not offer P: {}",
            s.text()
        );
    };
    let mut s = demo();
    s.key(KeyCode::Enter);
    prints(&s, "record");
    s.key(KeyCode::Char('p'));
    prints(&s, "profile");
    s.key(KeyCode::Esc);
    for _ in 0..5 {
        s.key(KeyCode::Tab);
    }
    s.key(KeyCode::Enter);
    assert!(s.app.skp_shown().is_some(), "{}", s.text());
    prints(&s, "SKP screen");
    s.key(KeyCode::Esc)
        .key(KeyCode::Esc)
        .key(KeyCode::Char('4'));
    prints(&s, "Laporan");
}

/// A PPPK's record (issue 21): its Kontrak section and the contract form, new and opened.
#[test]
fn the_contract_screens_follow_the_key_grammar() {
    let mut s = demo();
    let mut walked = Vec::new();
    let pppk = s
        .app
        .store()
        .iter_staff()
        .map(|x| x.expect("staff"))
        .find(|x| x.nip.kind().is_pppk() && x.aktif)
        .expect("the demo has PPPK");
    s.key(KeyCode::Char('/')).type_text(&pppk.nama);
    s.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(s.shows(&pppk.nama), "{}", s.text());
    s.key(KeyCode::BackTab);
    assert!(
        s.shows("Tahun kontrak") || s.shows("kontrak yang berlaku"),
        "{}",
        s.text()
    );
    check(&s, "record: Kontrak", &mut walked);
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Kontrak PPPK baru"), "{}", s.text());
    check(&s, "contract form: new", &mut walked);
    assert_eq!(walked.len(), 2, "{walked:?}");
}

/// Petugas (`O` on the staff list, issue 22).
#[test]
fn the_officers_screen_follows_the_key_grammar() {
    let mut s = demo();
    let mut walked = Vec::new();
    s.key(KeyCode::Char('2')).key(KeyCode::Char('O'));
    assert!(s.shows("Petugas"), "{}", s.text());
    check(&s, "officers", &mut walked);
    s.key(KeyCode::Char('n'));
    assert!(s.shows("Petugas baru"), "{}", s.text());
    check(&s, "officers: new officer form", &mut walked);
    s.key(KeyCode::Esc);
    s.key(KeyCode::Tab);
    check(&s, "officers: keys", &mut walked);
    assert_eq!(walked.len(), 3, "{walked:?}");
}
