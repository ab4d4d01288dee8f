//! PPPK (issue 21): paruh waktu as an employment kind without a required golongan (the
//! staff form and import), the NI PPPK's own spacing, the 24 JP ceiling per contract year,
//! and Beranda's contracts ending within three months.

mod cli_support;
mod common;

use cli_support::Db;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::domain::{EmploymentKind, Golongan};
use kinerja::screens::staff_form::StaffForm;
use kinerja::screens::{Outcome, Screen};
use kinerja::ui::Ui;

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_staff_form_saves_a_pppk_paruh_waktu_without_a_golongan() {
    let ui = Ui::default();
    let units = vec![("pkm-belawan".to_string(), "Puskesmas Belawan".to_string())];
    let mut f = StaffForm::new(None, &units, jiff::civil::date(2026, 11, 28), &ui);
    let mut h = |key| f.handle(key, &ui);
    let typed = |h: &mut dyn FnMut(KeyEvent) -> Outcome, text: &str| {
        for c in text.chars() {
            h(k(KeyCode::Char(c)));
        }
    };
    typed(&mut h, "19931228 2025 21 1 007");
    h(k(KeyCode::Tab));
    typed(&mut h, "paruh");
    h(k(KeyCode::Tab));
    typed(&mut h, "Rudi Tarigan");
    // Gelar depan, gelar belakang, golongan: left as they are (`-` for paruh waktu).
    for _ in 0..4 {
        h(k(KeyCode::Tab));
    }
    typed(&mut h, "SLTA");
    h(k(KeyCode::Tab));
    typed(&mut h, "Operator Layanan Operasional");
    h(k(KeyCode::Tab));
    typed(&mut h, "pelaks");
    h(k(KeyCode::Tab));
    typed(&mut h, "pusk");
    match h(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)) {
        Outcome::SaveStaff(staff, None) => {
            assert_eq!(staff.nip.kind(), EmploymentKind::PppkParuhWaktu);
            assert_eq!(staff.golongan, Golongan::Unstated);
            assert_eq!(staff.nip.as_str(), "199312282025211007");
            assert_eq!(staff.validate(), Ok(()));
        }
        other => panic!("expected a save, got {other:?}"),
    }
}

const STAFF_HEADER: &str = "nip,status,nama,gelar_depan,gelar_belakang,golongan,pendidikan,jabatan,jenis_jabatan,unit,jenis_unit,unit_induk,aktif";

#[test]
fn import_reads_paruh_waktu_without_a_golongan_and_exports_it_back_the_same() {
    let db = Db::new();
    let file = format!(
        "{STAFF_HEADER}\n\
         199312282025211007,PPPK Paruh Waktu,Rudi Tarigan,,,,SLTA,Operator Layanan Operasional,Pelaksana,Puskesmas Belawan,kesehatan,,ya\n\
         199402022025212003,pw,Sari Pohan,,,V,D-III,Pengelola Umum Operasional,Pelaksana,Puskesmas Belawan,kesehatan,,ya\n"
    );
    db.import_ok("staff", "pegawai.csv", &file);
    let csv = db.export("staff");
    assert_eq!(
        csv.value("nip", "199312282025211007", "status"),
        "PPPK Paruh Waktu"
    );
    assert_eq!(csv.value("nip", "199312282025211007", "golongan"), "-");
    assert_eq!(csv.value("nip", "199402022025212003", "golongan"), "V");
    let first = db.export_bytes(&db.path, "staff");
    let other = db.sibling("other");
    db.import_into(&other, "staff", "again.csv", &first)
        .expect(0);
    assert_eq!(db.export_bytes(&other, "staff"), first);
    // A full-time PPPK still needs a golongan, named on its line.
    let bad = db.write(
        "bad.csv",
        format!(
            "{STAFF_HEADER}\n199505052025211001,PPPK,Tanpa Golongan,,,,SLTA,Operator,Pelaksana,Puskesmas Belawan,kesehatan,,ya\n"
        ),
    );
    let run = db.run(&["import", "staff", cli_support::s(&bad)]);
    run.expect(1);
    let reports = run.row_reports(&bad);
    assert_eq!(reports.len(), 1, "{}", run.stderr);
    assert_eq!(reports[0].0, 2);
    assert!(reports[0].1.contains("golongan \"\""), "{}", reports[0].1);
}

// ------------------------------------------------------ the ceiling per contract year

use common::session::{Session, looks, options};
use jiff::civil::{Date, date};
use kinerja::domain::{Contract, Nip};
use kinerja::store::Store;
use kinerja::ui::lang::Lang;
use kinerja::ui::theme::Theme;

const DEWI: &str = "199312282025212001";

fn training_on(judul: &str, jp: u16, day: Date) -> kinerja::domain::Training {
    let mut t = common::training(judul, jp);
    t.mulai = day;
    t.selesai = day;
    t
}

/// A PPPK under a contract from 1 December 2025 to 30 November 2026 (today, in the
/// session, is 28 November 2026): 14 JP in December 2025 and 12 JP in March 2026 are 26
/// in the one contract year, though 2026 alone holds 12.
fn ceiling_store(path: &std::path::Path) -> Store {
    let store = Store::open(path).unwrap();
    store.save_unit(&common::unit(), "tester").unwrap();
    let mut dewi = common::staff("198503302010012002");
    dewi.nip = Nip::parse_as(DEWI, EmploymentKind::Pppk).unwrap();
    dewi.golongan = Golongan::Pppk(9);
    dewi.nama = "Dewi Lubis".into();
    store.save_staff(&dewi, "tester").unwrap();
    let contract = Contract {
        mulai: date(2025, 12, 1),
        selesai: date(2026, 11, 30),
        nomor: "PK/2025/017".into(),
    };
    store
        .save_contract(DEWI, None, &contract, 0, "tester")
        .unwrap();
    for t in [
        training_on("Bimtek Pelayanan Prima", 14, date(2025, 12, 15)),
        training_on("Kursus Komunikasi Efektif", 12, date(2026, 3, 10)),
    ] {
        store.save_training(DEWI, &t, "tester").unwrap();
    }
    store
}

fn ceiling_session(lang: Lang, theme: Theme) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = ceiling_store(&dir.path().join("db"));
    let mut app = kinerja::app::App::new(store, options(lang, theme)).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir,
        app,
        term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    s.key(KeyCode::Char('2'))
        .key(KeyCode::Char('/'))
        .type_text("Dewi")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    s
}

#[test]
fn the_record_counts_the_ceiling_over_the_contract_year_across_two_calendar_years() {
    for (look, lang, theme) in looks() {
        let mut s = ceiling_session(lang, theme);
        s.key(KeyCode::Tab);
        let line = match lang {
            Lang::Id => "JP tahun kontrak 2025-12-01 - 2026-11-30: 26 JP (paling lama 24)",
            Lang::En => "JP in contract year 2025-12-01 - 2026-11-30: 26 JP (at most 24)",
        };
        assert!(s.shows(line), "{}", s.text());
        insta::assert_snapshot!(format!("pppk_record_contract_year__{look}"), s.text());
    }
}

#[test]
fn the_profile_says_the_contract_year_and_flags_no_calendar_year() {
    let dir = tempfile::tempdir().unwrap();
    let store = ceiling_store(&dir.path().join("db"));
    let p = kinerja::views::profile::Profile::build(
        &store,
        DEWI,
        date(2026, 11, 28),
        &Default::default(),
    )
    .unwrap()
    .unwrap();
    let c = p.ceiling.expect("a PPPK has a ceiling");
    assert!(c.span.contract);
    assert_eq!(
        (c.span.start, c.span.end, c.jp),
        (date(2025, 12, 1), date(2026, 11, 30), 26)
    );
    assert!(c.above());
    assert!(p.jp.iter().all(|y| !y.above_ceiling), "{:?}", p.jp);
    let note = p.jp_note(Lang::Id).unwrap();
    assert!(
        note.contains("Tahun kontrak 2025-12-01 - 2026-11-30: 26 JP, di atas 24 JP"),
        "{note}"
    );
    assert!(
        p.markdown(Lang::Id)
            .contains("2025-12-01 - 2026-11-30: 26 JP")
    );
}

// ------------------------------------------------ Beranda: contracts to decide on

use kinerja::domain::{PeriodKind, Rating};

/// Four PPPK on 28 November 2026: Rudi's contract ended on 31 October with no renewal;
/// Dewi's ends on 31 December (quarter III Baik, annual 2025 Sangat Baik); Sari's on 28
/// February 2027, three months on to the day; Tono's on 1 March 2027, a day later, and he
/// is not listed. A PNS has no contract.
fn beranda_store(path: &std::path::Path) -> Store {
    let store = Store::open(path).unwrap();
    store.save_unit(&common::unit(), "tester").unwrap();
    store
        .save_staff(&common::staff("198503302010012002"), "tester")
        .unwrap();
    let people = [
        (
            "199312282025212001",
            "Dewi Lubis",
            date(2026, 12, 31),
            EmploymentKind::Pppk,
        ),
        (
            "199005052024211002",
            "Rudi Tarigan",
            date(2026, 10, 31),
            EmploymentKind::PppkParuhWaktu,
        ),
        (
            "199402022025212003",
            "Sari Pohan",
            date(2027, 2, 28),
            EmploymentKind::PppkParuhWaktu,
        ),
        (
            "199107072024211004",
            "Tono Siagian",
            date(2027, 3, 1),
            EmploymentKind::Pppk,
        ),
    ];
    for (nip, name, selesai, kind) in people {
        let mut s = common::staff("198503302010012002");
        s.nip = Nip::parse_as(nip, kind).unwrap();
        s.golongan = if kind == EmploymentKind::Pppk {
            Golongan::Pppk(7)
        } else {
            Golongan::Unstated
        };
        (s.nama, s.gelar_depan, s.gelar_belakang) = (name.into(), String::new(), String::new());
        store.save_staff(&s, "tester").unwrap();
        let c = Contract {
            mulai: date(2026, 1, 1).min(selesai.saturating_sub(jiff::ToSpan::years(1))),
            selesai,
            nomor: String::new(),
        };
        store.save_contract(nip, None, &c, 0, "tester").unwrap();
    }
    let dewi = "199312282025212001";
    for (kind, hasil, perilaku) in [
        (PeriodKind::Triwulan(2), Rating::DiBawah, Rating::Sesuai),
        (PeriodKind::Triwulan(3), Rating::Sesuai, Rating::Sesuai),
    ] {
        store
            .save_evaluation(
                dewi,
                &common::evaluation(2026, kind, hasil, perilaku),
                "tester",
            )
            .unwrap();
    }
    store
        .save_evaluation(
            dewi,
            &common::evaluation(2025, PeriodKind::Tahunan, Rating::DiAtas, Rating::DiAtas),
            "tester",
        )
        .unwrap();
    store
}

fn beranda(lang: Lang, theme: Theme) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let store = beranda_store(&dir.path().join("db"));
    let mut app = kinerja::app::App::new(store, options(lang, theme)).unwrap();
    app.finish_loading().unwrap();
    let mut s = Session {
        dir,
        app,
        term: ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap(),
    };
    s.draw();
    s
}

#[test]
fn beranda_lists_contracts_ending_within_three_months_with_their_predikat() {
    for (look, lang, theme) in looks() {
        let s = beranda(lang, theme);
        let text = s.text();
        let title = match lang {
            Lang::Id => "Kontrak berakhir dlm 3 bln (3)",
            Lang::En => "Contracts ending in 3 mo (3)",
        };
        assert!(text.contains(title), "{text}");
        let order: Vec<usize> = ["Rudi Tarigan", "Dewi Lubis", "Sari Pohan"]
            .iter()
            .map(|n| text.find(n).unwrap_or_else(|| panic!("{n}: {text}")))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(
            !text.contains("Tono Siagian"),
            "a day past three months: {text}"
        );
        // Dewi: quarter III Baik, annual 2025 Sangat Baik.
        let dewi = s
            .lines()
            .into_iter()
            .find(|l| l.contains("Dewi Lubis"))
            .unwrap();
        assert!(dewi.ends_with("2026-12-31 B   SB"), "{dewi}");
        let rudi = s
            .lines()
            .into_iter()
            .find(|l| l.contains("Rudi Tarigan"))
            .unwrap();
        assert!(
            rudi.contains("!Rudi Tarigan") && rudi.ends_with("2026-10-31 -   -"),
            "{rudi}"
        );
        insta::assert_snapshot!(format!("pppk_beranda_contracts__{look}"), text);
    }
}

#[test]
fn enter_on_a_contract_opens_the_person_on_beranda() {
    let mut s = beranda(Lang::Id, Theme::default());
    s.key(KeyCode::Down).key(KeyCode::Enter);
    assert!(s.shows("Dewi Lubis"), "{}", s.text());
    // The Kontrak section is the last one, one S-Tab away.
    s.key(KeyCode::BackTab);
    assert!(s.shows("Kontrak"), "{}", s.text());
    assert!(s.shows("Status     PPPK"), "{}", s.text());
}
