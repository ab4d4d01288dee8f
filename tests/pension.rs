//! The pension list and the staff warnings on the screens (DOMAIN.md, Rank: the BUP table
//! and "Pension falls on the first day of the month after the birthday (verify locally;
//! warn, never block)"; NIP table: TMT CPNS "not before birth + 18 years (warn only)").

mod common;

use common::session::session_with;
use crossterm::event::{KeyCode, KeyModifiers};
use jiff::civil::date;
use kinerja::domain::*;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

/// The demo (seed 1, 300 people, 28 November 2026) has these people retiring within 12
/// months, checked by hand from their NIP's birth date and the BUP of their position:
/// three planted by the demo (1, 5 and 9 months after November: Situmorang, Rahayu,
/// Harahap) and two who are 57 in a 58 position with a birthday early in 2027.
#[test]
fn on_demo_data_the_retiring_list_names_the_expected_people() {
    let s = session_with(300, Lang::Id, Theme::default(), 80, 24);
    let (_, retiring) = kinerja::views::report::report_with_retiring(
        s.app.store(),
        2025,
        &Default::default(),
        date(2026, 11, 28),
    )
    .unwrap();
    let got: Vec<(&str, jiff::civil::Date, u8)> = retiring
        .iter()
        .map(|r| (r.nip.as_str(), r.pension.date, r.pension.age))
        .collect();
    assert_eq!(
        got,
        [
            // Pelaksana (Pengadministrasi), born 20 Dec 1968: 58 in Dec 2026.
            ("196812201994021486", date(2027, 1, 1), 58),
            // Pranata Komputer Ahli Muda, born 2 Feb 1969.
            ("196902021993071209", date(2027, 3, 1), 58),
            // Pengelola Keuangan (Pelaksana), born 24 Mar 1969.
            ("196903241997012590", date(2027, 4, 1), 58),
            // Pelaksana, born 5 Apr 1969.
            ("196904051992112914", date(2027, 5, 1), 58),
            // Guru Ahli Pertama, born 20 Aug 1967: guru 60 (UU 14/2005).
            ("196708201995122459", date(2027, 9, 1), 60),
        ]
    );
    assert!(retiring.iter().all(|r| r.status == Retiring::Soon));
}

/// A person with three warnings: appointed at 10 (TMT 1970, born 1960), a Pelaksana still
/// active past 58 (pension 1 February 2018), S1 at II/a (entry III/a).
fn warned_staff() -> Staff {
    let mut s = common::staff("196001011970011001");
    s.nama = "Ahmad Pohan".into();
    s.gelar_depan = String::new();
    s.gelar_belakang = String::new();
    s.golongan = Golongan::parse("II/a", false).unwrap();
    s.pendidikan = Pendidikan::S1;
    s.jabatan = Jabatan {
        nama: "Pengadministrasi Umum".into(),
        jenis: JenisJabatan::Pelaksana,
    };
    s
}

fn session_with_warned(lang: Lang) -> common::session::Session {
    let s = session_with(0, lang, Theme::default(), 80, 24);
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    store.save_staff(&warned_staff(), "t").unwrap();
    let mut s = s.reopen_as(lang, Theme::default());
    s.key(KeyCode::Enter);
    s
}

#[test]
fn the_record_shows_the_pension_date_and_every_warning() {
    let s = session_with_warned(Lang::Id);
    assert!(s.shows("Pensiun    2018-02-01 (BUP 58)"), "{}", s.text());
    assert!(
        s.shows("TMT CPNS 1970-01 sebelum usia 18 tahun"),
        "{}",
        s.text()
    );
    assert!(
        s.shows("masih aktif melewati BUP 58 tahun (pensiun 2018-02-01)"),
        "{}",
        s.text()
    );
    assert!(
        s.shows("golongan II/a di bawah golongan awal III/a untuk pendidikan S-1"),
        "{}",
        s.text()
    );
    let en = session_with_warned(Lang::En);
    assert!(
        en.shows("still active past the pension age of 58 (pension 2018-02-01)"),
        "{}",
        en.text()
    );
}

/// Issue 21: the record and the staff form say the new warnings: a TMT CPNS past the
/// applicant age limit (born 1960, TMT 2000: 40, past 35) and a functional jenjang outside
/// its rank range (Ahli Utama at III/a).
#[test]
fn the_record_and_the_form_warn_of_the_age_limit_and_the_jenjang_range() {
    let s = session_with(0, Lang::Id, Theme::default(), 80, 24);
    let store = s.app.store();
    store.save_unit(&common::unit(), "t").unwrap();
    let mut p = common::staff("196001012000011001");
    p.golongan = Golongan::parse("III/a", false).unwrap();
    p.pendidikan = Pendidikan::S1;
    p.jabatan = Jabatan {
        nama: "Analis Kebijakan".into(),
        jenis: JenisJabatan::AhliUtama,
    };
    store.save_staff(&p, "t").unwrap();
    let mut s = s.reopen_as(Lang::Id, Theme::default());
    s.key(KeyCode::Enter);
    assert!(
        s.shows("TMT CPNS 2000-01 pada usia 40: melewati batas usia pelamar 35 tahun"),
        "{}",
        s.text()
    );
    assert!(
        s.shows("Ahli Utama pada golongan III/a: di luar IV/d-IV/e"),
        "{}",
        s.text()
    );
    s.key(KeyCode::Char('u'));
    assert!(s.shows("! TMT CPNS 2000-01 pada usia 40"), "{}", s.text());
    assert!(s.shows("! Ahli Utama pada golongan III/a"), "{}", s.text());
}

/// The staff form says the warnings beside their fields as they are typed, and saves
/// anyway: a warning never blocks (DOMAIN.md).
#[test]
fn the_staff_form_shows_warnings_live_and_still_saves() {
    let mut s = session_with_warned(Lang::Id);
    s.key(KeyCode::Char('u'));
    assert!(s.shows("Pensiun 2018-02-01 (BUP 58)"), "{}", s.text());
    assert!(s.shows("! masih aktif melewati BUP"), "{}", s.text());
    assert!(s.shows("! golongan II/a di bawah"), "{}", s.text());
    assert!(
        s.shows("! TMT CPNS 1970-01 sebelum usia 18"),
        "{}",
        s.text()
    );
    // Aktif (8 fields after Nama) set to tidak: the pension warning goes at once.
    for _ in 0..8 {
        s.key(KeyCode::Tab);
    }
    s.key(KeyCode::Right);
    assert!(!s.shows("melewati BUP"), "{}", s.text());
    assert!(s.shows("! golongan II/a di bawah"), "{}", s.text());
    s.key_mod(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.lines()[23].contains("tersimpan"), "{}", s.text());
    let saved = s
        .app
        .store()
        .get_staff("196001011970011001")
        .unwrap()
        .unwrap();
    assert!(!saved.aktif);
}
