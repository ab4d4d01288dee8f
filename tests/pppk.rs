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
