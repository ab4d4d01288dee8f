//! Records and sessions shared by the tests.
#![allow(dead_code)]

pub mod pty;
pub mod session;

use jiff::civil::date;
use kinerja::domain::*;

pub fn unit() -> Unit {
    Unit::new("Puskesmas Belawan", UnitKind::Kesehatan, None)
}

pub fn staff(nip: &str) -> Staff {
    Staff {
        nip: Nip::parse(nip).expect("test NIP"),
        nama: "Rina Siregar".into(),
        gelar_depan: "dr.".into(),
        gelar_belakang: "Sp.PD".into(),
        golongan: Golongan::parse("III/c", false).expect("rank"),
        pendidikan: Pendidikan::S2,
        jabatan: Jabatan {
            nama: "Dokter".into(),
            jenis: JenisJabatan::AhliMuda,
        },
        unit_id: unit().id,
        aktif: true,
        revision: 0,
    }
}

pub fn evaluation(year: i16, kind: PeriodKind, hasil: Rating, perilaku: Rating) -> Evaluation {
    let mut berakhlak: [PenilaianNilai; 7] = Default::default();
    berakhlak[0].rating = Some(Rating::DiAtas);
    berakhlak[1].umpan_balik = "Tepat waktu melapor.".into();
    Evaluation {
        id: 0,
        period: Period::new(year, kind).expect("period"),
        hasil_kerja: hasil,
        perilaku,
        berakhlak,
        penilai: Some(PersonAtTime {
            nip: Some(Nip::parse("197001012000031001").expect("evaluator NIP")),
            nama: "H. Budi Nasution, S.Sos.".into(),
            ..Default::default()
        }),
        atasan_penilai: None,
        catatan: "Disarankan mengikuti Bimtek.".into(),
        revision: 0,
        diterima: None,
        keberatan: None,
        pegawai: None,
    }
}

/// An open coaching (bimbingan kinerja) of 2 November 2026, followed up on 2 December.
pub fn coaching() -> Coaching {
    Coaching {
        id: 0,
        tanggal: date(2026, 11, 2),
        jenis: CoachingKind::Bimbingan,
        pemberi: PersonAtTime {
            nip: Some(Nip::parse("197001012000031001").expect("giver NIP")),
            nama: "H. Budi Nasution, S.Sos.".into(),
            ..Default::default()
        },
        masalah: "Laporan bulanan sering terlambat.".into(),
        langkah: "Laporan selesai tanggal 5 setiap bulan; dicek atasan.".into(),
        tindak_lanjut: date(2026, 12, 2),
        selesai: None,
        hasil: String::new(),
        rhk: None,
        revision: 0,
    }
}

/// A potensial for `year`, judged by the superior (penilaian atasan) on 1 November 2026.
pub fn potential(year: i16, potensial: Potensial) -> PotentialEntry {
    PotentialEntry {
        year,
        potensial,
        source: PotensialSource::PenilaianAtasan,
        date: date(2026, 11, 1),
        assessor: "Kepala".into(),
    }
}

pub fn training(judul: &str, jp: u16) -> Training {
    Training {
        id: 0,
        judul: judul.into(),
        jenis: TrainingKind::Bimtek,
        penyelenggara: "PT Solusi Digital Pesisir".into(),
        jenis_penyelenggara: OrganiserKind::Swasta,
        mulai: date(2025, 3, 14),
        selesai: date(2025, 3, 15),
        jp,
        status: TrainingStatus::Selesai,
        no_sertifikat: "SDP/2025/00017".into(),
        catatan: String::new(),
        kompetensi: None,
        revision: 0,
    }
}

/// Copies a directory tree (a database, with its `blobs` folder).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}
