//! A small office for the documents' tests and bench, made by hand through the store (the
//! demo holds no SKPs yet): Puskesmas Belawan with its head, dr. Rina Siregar with a set
//! SKP for 2025, her realisations and feedback, an annual evaluation with an objection
//! decided by the atasan, colleagues for the unit's spread, a person with 40 RHK and one
//! with a 200-character name.
#![allow(dead_code)]

use jiff::civil::date;
use kinerja::domain::*;
use kinerja::store::Store;

pub const YEAR: i16 = 2025;
pub const PERSON: &str = "198503302010012002";
pub const HEAD: &str = "197001012000031001";
pub const MANY_RHK: &str = "199002142015032003";
pub const LONG_NAME: &str = "199107072019031004";
pub const UNIT: &str = "Puskesmas Belawan";
const ACTOR: &str = "test";

/// The name of 200 characters (with its titles) that must wrap.
pub fn long_name() -> String {
    let mut s =
        String::from("Raja Muda Sutan Parlindungan Hasibuan Siregar Nasution Lubis Tarigan");
    while s.chars().count() < 186 {
        s.push_str(" Batubara Pohan");
    }
    s.chars()
        .take(186)
        .collect::<String>()
        .trim_end()
        .to_string()
}

pub fn nip(s: &str) -> Nip {
    Nip::parse(s).expect("test NIP")
}

fn person(nip_s: &str, nama: &str, golongan: &str, jabatan: &str, jenis: JenisJabatan) -> Staff {
    Staff {
        nip: nip(nip_s),
        nama: nama.into(),
        gelar_depan: String::new(),
        gelar_belakang: String::new(),
        golongan: Golongan::parse(golongan, false).expect("rank"),
        pendidikan: Pendidikan::S1,
        jabatan: Jabatan {
            nama: jabatan.into(),
            jenis,
        },
        unit_id: unit_id(UNIT),
        aktif: true,
        revision: 0,
    }
}

pub fn head_at_time() -> PersonAtTime {
    PersonAtTime {
        nip: Some(nip(HEAD)),
        nama: "dr. H. Ahmad Nasution, M.Kes.".into(),
        golongan: Golongan::parse("IV/a", false),
        jabatan: "Kepala Puskesmas Belawan".into(),
        unit: UNIT.into(),
    }
}

pub fn atasan_at_time() -> PersonAtTime {
    PersonAtTime {
        nip: Some(nip("196805121994031005")),
        nama: "dr. Siti Pohan, M.K.M.".into(),
        golongan: Golongan::parse("IV/c", false),
        jabatan: "Kepala Dinas Kesehatan Kota Medan".into(),
        unit: "Dinas Kesehatan Kota Medan".into(),
    }
}

/// A set SKP for `YEAR` with `utama` main RHK (two indicators each) and one additional.
pub fn skp_for(who: &Staff, utama: usize) -> Skp {
    let at = PersonAtTime {
        nip: Some(who.nip.clone()),
        nama: who.display_name(),
        golongan: Some(who.golongan),
        jabatan: who.jabatan.title(),
        unit: UNIT.into(),
    };
    let mut s = Skp::new_year(YEAR, at, head_at_time());
    s.atasan = Some(atasan_at_time());
    s.status = SkpStatus::Ditetapkan(date(YEAR, 1, 6));
    for n in 1..=utama {
        let mut r = Rhk::new(
            JenisRhk::Utama,
            &format!("Terlaksananya pelayanan pemeriksaan pasien rawat jalan poli umum bagian {n}"),
            Intervensi::Atasan {
                link: None,
                teks: format!(
                    "Meningkatnya mutu pelayanan kesehatan dasar di Puskesmas Belawan ({n})"
                ),
            },
        );
        r.indikator.push(Indikator {
            id: 0,
            aspek: Aspek::Kuantitas,
            teks: "Jumlah pasien yang diperiksa sesuai standar".into(),
            target: Nilai::parse("1200 pasien").expect("target"),
            realisasi: Vec::new(),
        });
        r.indikator.push(Indikator {
            id: 0,
            aspek: Aspek::Waktu,
            teks: "Waktu tunggu pelayanan".into(),
            target: Nilai::parse("30 menit").expect("target"),
            realisasi: Vec::new(),
        });
        s.rhk.push(r);
    }
    let mut t = Rhk::new(
        JenisRhk::Tambahan,
        "Tersusunnya laporan kegiatan posyandu lansia",
        Intervensi::None,
    );
    t.indikator.push(Indikator {
        id: 0,
        aspek: Aspek::Kualitas,
        teks: "Laporan diterima tanpa revisi".into(),
        target: Nilai::parse("12 laporan").expect("target"),
        realisasi: Vec::new(),
    });
    s.rhk.push(t);
    s.ekspektasi = [
        "Melayani pasien dengan ramah dan tuntas".into(),
        "Melaporkan hasil kerja tepat waktu".into(),
        "Mengikuti pelatihan klinis yang ditugaskan".into(),
        "Menjaga suasana kerja yang baik di poli".into(),
        "Menjaga kerahasiaan rekam medis".into(),
        "Menyesuaikan diri dengan aplikasi rekam medis elektronik".into(),
        "Bekerja sama dengan bidan dan perawat desa".into(),
    ];
    s.lampiran.sumber_daya = vec!["Ruang poli umum dan alat pemeriksaan dasar".into()];
    s.lampiran.skema_pertanggungjawaban = vec!["Laporan bulanan kepada Kepala Puskesmas".into()];
    s.lampiran.konsekuensi = vec!["Teguran tertulis bila laporan terlambat dua kali".into()];
    s
}

/// Realisations for the year and feedback on the first RHK.
fn realise(s: &mut Skp) {
    let year = Period::annual(YEAR);
    let values = ["1260 pasien", "25 menit", "11 laporan"];
    let mut k = 0;
    for r in &mut s.rhk {
        for i in &mut r.indikator {
            let v = match (r.jenis, i.aspek) {
                (JenisRhk::Tambahan, _) => values[2],
                (_, Aspek::Waktu) => values[1],
                _ => values[0],
            };
            i.set_realisasi(year, Nilai::parse(v), "");
            k += 1;
        }
    }
    assert!(k > 0);
    if let Some(r) = s.rhk.first_mut() {
        r.umpan_balik.push(UmpanBalik {
            id: 0,
            indikator: None,
            tanggal: date(YEAR, 11, 20),
            dari: "dr. H. Ahmad Nasution, M.Kes.".into(),
            teks: "Pertahankan; catat waktu tunggu setiap hari".into(),
        });
    }
}

pub fn annual(hasil: Rating, perilaku: Rating, who: &Staff) -> Evaluation {
    let mut berakhlak: [PenilaianNilai; 7] = Default::default();
    for (i, b) in berakhlak.iter_mut().enumerate() {
        b.rating = Some(Rating::Sesuai);
        b.umpan_balik = format!("Umpan balik nilai {}", i + 1);
    }
    Evaluation {
        id: 0,
        period: Period::annual(YEAR),
        hasil_kerja: hasil,
        perilaku,
        berakhlak,
        penilai: Some(head_at_time()),
        atasan_penilai: Some(atasan_at_time()),
        catatan: "Disarankan mengikuti pelatihan kegawatdaruratan (BTCLS).".into(),
        diterima: Some(date(YEAR + 1, 1, 10)),
        pegawai: Some(PersonAtTime {
            nip: Some(who.nip.clone()),
            nama: who.display_name(),
            golongan: Some(who.golongan),
            jabatan: who.jabatan.title(),
            unit: UNIT.into(),
        }),
        keberatan: None,
        revision: 0,
    }
}

/// The office, saved into `store`.
pub fn fill(store: &Store) {
    let parent = Unit::new("Kecamatan Medan Belawan", UnitKind::Pemerintahan, None);
    store.save_unit(&parent, ACTOR).expect("parent unit");
    let mut rina = person(
        PERSON,
        "Rina Siregar",
        "III/c",
        "Dokter",
        JenisJabatan::AhliMuda,
    );
    rina.gelar_depan = "dr.".into();
    rina.gelar_belakang = "Sp.PD".into();
    let mut head = person(
        HEAD,
        "H. Ahmad Nasution",
        "IV/a",
        "Kepala Puskesmas",
        JenisJabatan::Administrator,
    );
    head.gelar_depan = "dr.".into();
    head.gelar_belakang = "M.Kes.".into();
    let many = person(
        MANY_RHK,
        "Dewi Lubis",
        "III/b",
        "Perawat",
        JenisJabatan::AhliPertama,
    );
    let long = person(
        LONG_NAME,
        &long_name(),
        "III/a",
        "Bidan",
        JenisJabatan::AhliPertama,
    );
    let others = [
        (
            "198707072011012004",
            "Maria Tarigan",
            Rating::DiAtas,
            Rating::DiAtas,
        ),
        (
            "198912122014022005",
            "Yusuf Pohan",
            Rating::Sesuai,
            Rating::Sesuai,
        ),
        (
            "199203032017031006",
            "Nur Siagian",
            Rating::DiBawah,
            Rating::Sesuai,
        ),
    ];
    let mut unit = Unit::new(UNIT, UnitKind::Kesehatan, Some(parent.id.clone()));
    unit.set_rating(Period::annual(YEAR), Some(UnitRating::Baik));
    store.save_unit(&unit, ACTOR).expect("unit");
    for s in [&rina, &head, &many, &long] {
        store.save_staff(s, ACTOR).expect("staff");
    }
    unit.head = Some(nip(HEAD));
    store.save_unit(&unit, ACTOR).expect("unit head");
    for (n, name, h, p) in others {
        let s = person(n, name, "III/b", "Perawat", JenisJabatan::AhliPertama);
        store.save_staff(&s, ACTOR).expect("staff");
        store
            .save_evaluation(n, &annual(h, p, &s), ACTOR)
            .expect("evaluation");
    }
    // The head's own evaluation, by the atasan.
    let mut he = annual(Rating::Sesuai, Rating::Sesuai, &head);
    he.penilai = Some(atasan_at_time());
    he.atasan_penilai = None;
    store
        .save_evaluation(HEAD, &he, ACTOR)
        .expect("head evaluation");

    // Her history: three quarters of the year and two trainings.
    for (q, hasil) in [
        (1, Rating::DiBawah),
        (2, Rating::DiAtas),
        (3, Rating::Sesuai),
    ] {
        let mut e = annual(hasil, Rating::Sesuai, &rina);
        e.period = Period::new(YEAR, PeriodKind::Triwulan(q)).expect("quarter");
        e.diterima = None;
        store.save_evaluation(PERSON, &e, ACTOR).expect("quarter");
    }
    for (judul, jenis, end, jp) in [
        (
            "Pelatihan BTCLS",
            TrainingKind::Bimtek,
            date(YEAR - 1, 5, 10),
            24u16,
        ),
        (
            "Seminar Penyakit Dalam",
            TrainingKind::Seminar,
            date(YEAR, 9, 12),
            12,
        ),
    ] {
        let t = Training {
            id: 0,
            judul: judul.into(),
            jenis,
            penyelenggara: "Dinas Kesehatan Kota Medan".into(),
            jenis_penyelenggara: OrganiserKind::Pemerintah,
            mulai: end,
            selesai: end,
            jp,
            status: TrainingStatus::Selesai,
            no_sertifikat: String::new(),
            catatan: String::new(),
            kompetensi: None,
            revision: 0,
        };
        store.save_training(PERSON, &t, ACTOR).expect("training");
    }
    let mut skp = skp_for(&rina, 3);
    realise(&mut skp);
    store.save_skp(PERSON, &skp, ACTOR).expect("skp");
    // Rated Sesuai/Sesuai, objected to, changed by the atasan to Di Atas/Sesuai.
    let mut e = annual(Rating::Sesuai, Rating::Sesuai, &rina);
    let mut k = Keberatan::file(&e, date(YEAR + 1, 1, 15), "Realisasi melampaui target.");
    k.penjelasan = "Waktu tunggu belum tercatat harian.".into();
    k.penjelasan_tanggal = Some(date(YEAR + 1, 1, 20));
    k.keputusan = Some(Keputusan {
        tanggal: date(YEAR + 1, 1, 27),
        oleh: atasan_at_time(),
        hasil: HasilKeputusan::Diubah {
            hasil_kerja: Rating::DiAtas,
            perilaku: Rating::Sesuai,
        },
        catatan: "Bukti dukung realisasi lengkap.".into(),
    });
    e.keberatan = Some(k);
    store
        .save_evaluation(PERSON, &e, ACTOR)
        .expect("evaluation");

    let mut big = skp_for(&many, 39);
    realise(&mut big);
    store.save_skp(MANY_RHK, &big, ACTOR).expect("big skp");
    store
        .save_evaluation(
            MANY_RHK,
            &annual(Rating::Sesuai, Rating::DiAtas, &many),
            ACTOR,
        )
        .expect("evaluation");

    store
        .save_skp(LONG_NAME, &skp_for(&long, 1), ACTOR)
        .expect("skp");
    store
        .save_evaluation(
            LONG_NAME,
            &annual(Rating::Sesuai, Rating::Sesuai, &long),
            ACTOR,
        )
        .expect("evaluation");
}

/// A unit of `n` people, each with an SKP of 5 main RHK and an annual evaluation (the
/// bench's unit of 30).
pub fn fill_unit(store: &Store, n: usize) {
    let mut unit = Unit::new(UNIT, UnitKind::Kesehatan, None);
    unit.set_rating(Period::annual(YEAR), Some(UnitRating::Baik));
    store.save_unit(&unit, ACTOR).expect("unit");
    for i in 0..n {
        let nip_s = format!("19850330201001{}{:03}", 1 + i % 2, i + 1);
        let s = person(
            &nip_s,
            &format!("Pegawai Nomor {i}"),
            "III/b",
            "Perawat",
            JenisJabatan::AhliPertama,
        );
        store.save_staff(&s, ACTOR).expect("staff");
        let mut skp = skp_for(&s, 5);
        realise(&mut skp);
        store.save_skp(&nip_s, &skp, ACTOR).expect("skp");
        store
            .save_evaluation(&nip_s, &annual(Rating::Sesuai, Rating::Sesuai, &s), ACTOR)
            .expect("evaluation");
    }
}
