//! Golden files: values encoded by each frozen record version, committed under
//! `tests/golden/`. They must keep decoding to the same records for as long as the program
//! reads that version; changing a `...V1` struct breaks this test.
//!
//! Each file holds several values, each as a big-endian u32 length and the value bytes.
//! `cargo test --test golden -- --ignored write_missing_golden_files` writes the files of a
//! new version; it never rewrites a file that exists.

mod common;

use common::{coaching, evaluation, staff, training, unit};
use kinerja::domain::{
    Golongan, JenisJabatan, Nip, Pendidikan, PeriodKind, PersonAtTime, Rating, TrainingCategory,
    TrainingKind, TrainingStatus, UnitRating,
};
use kinerja::store::{
    AuditAction, AuditEntry, CoachingGroup, EvaluationGroup, Partner, SkpGroup, TrainingGroup,
    records,
};
use std::path::PathBuf;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn staff_samples() -> Vec<kinerja::domain::Staff> {
    let mut a = staff("198503302010012002");
    a.revision = 4;
    let mut pppk = staff("198503302010012002");
    pppk.nip = Nip::parse_as("199204112023212999", kinerja::domain::EmploymentKind::Pppk).unwrap();
    pppk.golongan = Golongan::Pppk(9);
    pppk.gelar_depan = String::new();
    pppk.gelar_belakang = "S.Kom.".into();
    pppk.jabatan.nama = "Pranata Komputer".into();
    pppk.jabatan.jenis = JenisJabatan::AhliPertama;
    pppk.aktif = false;
    pppk.revision = 1;
    vec![a, pppk]
}

/// Staff at version 2: the SIASN levels V1 could not hold (D-IV, Profesi, Sp-1).
fn staff_v2_samples() -> Vec<kinerja::domain::Staff> {
    let mut v = staff_samples();
    v[0].pendidikan = Pendidikan::Sp1;
    v[1].pendidikan = Pendidikan::D4;
    let mut bidan = staff("199001152015032001");
    bidan.nama = "Melati Tarigan".into();
    bidan.gelar_depan = String::new();
    bidan.gelar_belakang = "S.Tr.Keb.".into();
    bidan.pendidikan = Pendidikan::Profesi;
    bidan.revision = 2;
    v.push(bidan);
    v
}

fn unit_samples() -> Vec<kinerja::domain::Unit> {
    let mut u = unit();
    u.ratings.insert(2024, UnitRating::Baik);
    u.ratings.insert(2025, UnitRating::Istimewa);
    let mut pustu = kinerja::domain::Unit::new(
        "Pustu Bahari",
        kinerja::domain::UnitKind::Kesehatan,
        Some(unit().id),
    );
    pustu.ratings.clear();
    vec![u, pustu]
}

/// Version 2 units: ratings of periods within a year, and a head.
fn unit_samples_v2() -> Vec<kinerja::domain::Unit> {
    let mut units = unit_samples();
    let u = &mut units[0];
    u.period_ratings
        .insert((2025, PeriodKind::Triwulan(2)), UnitRating::Baik);
    u.period_ratings
        .insert((2025, PeriodKind::Bulanan(11)), UnitRating::SangatKurang);
    u.head = Some(Nip::parse("197001012000031001").unwrap());
    units[1].head =
        Some(Nip::parse_as("199204112023212999", kinerja::domain::EmploymentKind::Pppk).unwrap());
    units
}

/// Version 3 units (issue 21): the first with two changes of head, one from nobody.
fn unit_samples_v3() -> Vec<kinerja::domain::Unit> {
    let mut units = unit_samples_v2();
    units[0].former_heads = vec![
        (jiff::civil::date(2023, 1, 2), None),
        (
            jiff::civil::date(2025, 7, 1),
            Some(Nip::parse("198503302010012002").unwrap()),
        ),
    ];
    units
}

fn evaluation_samples() -> Vec<EvaluationGroup> {
    let mut a = evaluation(2025, PeriodKind::Tahunan, Rating::DiAtas, Rating::Sesuai);
    a.id = 1;
    a.revision = 2;
    let mut b = evaluation(
        2025,
        PeriodKind::Triwulan(3),
        Rating::DiBawah,
        Rating::DiBawah,
    );
    b.id = 3;
    b.revision = 1;
    b.penilai = Some(PersonAtTime {
        nip: None,
        nama: "Camat Medan Belawan".into(),
        ..Default::default()
    });
    b.atasan_penilai = Some(PersonAtTime {
        nip: Some(Nip::parse("197001012000031001").unwrap()),
        nama: "Drs. Hotman Lubis".into(),
        ..Default::default()
    });
    b.catatan = "Baris satu\nbaris dua".into();
    let mut c = evaluation(
        2024,
        PeriodKind::Bulanan(11),
        Rating::Sesuai,
        Rating::DiAtas,
    );
    c.id = 2;
    c.revision = 1;
    vec![
        EvaluationGroup {
            next_id: 4,
            items: vec![c, b, a],
        },
        EvaluationGroup::default(),
    ]
}

/// Evaluations with what V2 added: the date received, the people as they were, a part-year
/// span and an objection decided with a change.
fn evaluation_v2_samples() -> Vec<EvaluationGroup> {
    use kinerja::domain::{HasilKeputusan, Keberatan, Keputusan};
    let mut groups = evaluation_samples();
    let mut span = evaluation(
        2026,
        PeriodKind::Rentang(6, 12),
        Rating::Sesuai,
        Rating::Sesuai,
    );
    span.id = 4;
    span.revision = 3;
    span.diterima = Some(jiff::civil::date(2027, 1, 8));
    span.pegawai = Some(PersonAtTime {
        nip: Some(Nip::parse("198503302010012002").unwrap()),
        nama: "dr. Siti Aminah".into(),
        golongan: Golongan::parse("III/c", false),
        jabatan: "Dokter Ahli Muda".into(),
        unit: "Puskesmas Belawan".into(),
    });
    span.penilai = Some(PersonAtTime {
        nip: None,
        nama: "dr. Kepala Puskesmas".into(),
        golongan: Golongan::parse("IV/a", false),
        jabatan: "Kepala Puskesmas".into(),
        unit: "Puskesmas Belawan".into(),
    });
    let mut k = Keberatan {
        diajukan: jiff::civil::date(2027, 1, 15),
        alasan: "Realisasi triwulan IV belum dihitung.".into(),
        asal_hasil_kerja: Rating::DiBawah,
        asal_perilaku: Rating::Sesuai,
        penjelasan: "Data belum masuk saat penilaian.".into(),
        penjelasan_tanggal: Some(jiff::civil::date(2027, 1, 20)),
        keputusan: None,
    };
    k.keputusan = Some(Keputusan {
        tanggal: jiff::civil::date(2027, 1, 29),
        oleh: PersonAtTime::named("Kepala Dinas Kesehatan", None),
        hasil: HasilKeputusan::Diubah {
            hasil_kerja: Rating::Sesuai,
            perilaku: Rating::Sesuai,
        },
        catatan: "Diubah".into(),
    });
    span.keberatan = Some(k);
    groups[0].items.push(span);
    groups[0].next_id = 5;
    groups
}

/// SKPs: a set whole-year plan with RHK, indicators, realisations, evidence, feedback and
/// the Lampiran; a part-year qualitative draft; and an empty group.
fn skp_samples() -> Vec<SkpGroup> {
    use jiff::civil::date;
    use kinerja::domain::{
        Aspek, Bukti, Indikator, Intervensi, JenisRhk, Nilai, Pendekatan, Period, Rhk, Skp,
        SkpForm, SkpStatus, UmpanBalik,
    };
    let pegawai = PersonAtTime {
        nip: Some(Nip::parse("198503302010012002").unwrap()),
        nama: "dr. Siti Aminah".into(),
        golongan: Golongan::parse("III/c", false),
        jabatan: "Dokter Ahli Muda".into(),
        unit: "Puskesmas Belawan".into(),
    };
    let mut a = Skp::new_year(
        2026,
        pegawai.clone(),
        PersonAtTime::named("dr. Kepala", None),
    );
    a.id = 1;
    a.revision = 4;
    a.status = SkpStatus::Ditetapkan(date(2026, 1, 6));
    a.atasan = Some(PersonAtTime::named("Kepala Dinas", None));
    let mut r = Rhk::new(
        JenisRhk::Utama,
        "Meningkatnya cakupan layanan",
        Intervensi::Atasan {
            link: Some(("197001012000031001".into(), 2, 7)),
            teks: "Cakupan layanan puskesmas".into(),
        },
    );
    r.indikator.push(Indikator {
        id: 0,
        aspek: Aspek::Kuantitas,
        teks: "Jumlah pasien dilayani".into(),
        target: Nilai::parse("1.200 pasien").unwrap(),
        realisasi: Vec::new(),
    });
    r.indikator.push(Indikator {
        id: 0,
        aspek: Aspek::Waktu,
        teks: "Waktu tunggu".into(),
        target: Nilai::parse("30,5 menit").unwrap(),
        realisasi: Vec::new(),
    });
    r.bukti.push(Bukti {
        id: 0,
        indikator: None,
        tanggal: date(2026, 4, 2),
        uraian: "Register pasien TW I".into(),
        lokasi: "Lemari arsip 2 / map biru".into(),
    });
    a.rhk.push(r);
    a.rhk.push(Rhk::new(
        JenisRhk::Tambahan,
        "Menjadi narasumber",
        Intervensi::PerjanjianKinerja("PK 2026 butir 3".into()),
    ));
    a.number();
    let ids: Vec<u32> = a.indicators().map(|(_, i)| i.id).collect();
    a.rhk[0].umpan_balik.push(UmpanBalik {
        id: 0,
        indikator: Some(ids[0]),
        tanggal: date(2026, 4, 10),
        dari: "dr. Kepala".into(),
        teks: "Pertahankan".into(),
    });
    a.number();
    let q1 = Period::new(2026, PeriodKind::Triwulan(1)).unwrap();
    let i = a.indikator_mut(ids[0]).unwrap();
    i.set_realisasi(q1, Nilai::parse("290 pasien"), "");
    i.set_realisasi(
        Period::new(2026, PeriodKind::Triwulan(2)).unwrap(),
        Nilai::parse("640 pasien"),
        "kumulatif",
    );
    a.indikator_mut(ids[1])
        .unwrap()
        .set_realisasi(q1, Nilai::parse("28 menit"), "");
    a.ekspektasi[0] = "Ramah kepada pasien".into();
    a.lampiran.sumber_daya = vec!["Tenaga medis".into(), "Anggaran BOK".into()];
    a.lampiran.skema_pertanggungjawaban = vec!["Laporan bulanan".into()];
    a.lampiran.konsekuensi = vec!["Teguran tertulis".into()];
    let mut b = Skp::new_year(2027, pegawai, PersonAtTime::named("Kepala baru", None));
    b.id = 2;
    b.revision = 1;
    b.mulai = date(2027, 6, 1);
    b.form = SkpForm::Jpt;
    b.pendekatan = Pendekatan::Kualitatif;
    let mut r = Rhk::new(JenisRhk::Utama, "Tata kelola", Intervensi::None);
    r.indikator.push(Indikator {
        id: 0,
        aspek: Aspek::Kualitas,
        teks: "Mutu laporan".into(),
        target: Nilai::Teks("Laporan diterima tanpa revisi".into()),
        realisasi: Vec::new(),
    });
    b.rhk.push(r);
    b.number();
    vec![
        SkpGroup {
            next_id: 3,
            items: vec![a, b],
        },
        SkpGroup::default(),
    ]
}

fn training_samples() -> Vec<TrainingGroup> {
    let mut a = training("Bimtek e-Kinerja", 8);
    a.id = 1;
    a.revision = 1;
    let mut b = training("Pelatihan Kepemimpinan Pengawas (PKP)", 40);
    b.id = 2;
    b.revision = 3;
    b.jenis = TrainingKind::Pkp;
    b.jenis_penyelenggara = kinerja::domain::OrganiserKind::Pemerintah;
    b.penyelenggara = "BPSDM Provinsi Sumatera Utara".into();
    b.status = TrainingStatus::Rencana;
    b.mulai = jiff::civil::date(2026, 12, 1);
    b.selesai = jiff::civil::date(2026, 12, 10);
    b.catatan = "Menunggu surat tugas".into();
    vec![TrainingGroup {
        next_id: 3,
        items: vec![a, b],
    }]
}

/// Trainings at version 2: kinds whose code or group changed (Magang), the new formal
/// education kinds, and a kind at the end of each group.
fn training_v2_samples() -> Vec<TrainingGroup> {
    let mut v = training_samples();
    let mut magang = training("Magang di RSUD dr. Pirngadi", 30);
    magang.id = 3;
    magang.revision = 1;
    magang.jenis = TrainingKind::Magang;
    magang.mulai = jiff::civil::date(2025, 5, 5);
    magang.selesai = jiff::civil::date(2025, 5, 9);
    let mut tubel = training("S-2 Kesehatan Masyarakat USU", 1000);
    tubel.id = 4;
    tubel.revision = 2;
    tubel.jenis = TrainingKind::TugasBelajar;
    tubel.penyelenggara = "Universitas Sumatera Utara".into();
    tubel.status = TrainingStatus::Berlangsung;
    tubel.mulai = jiff::civil::date(2025, 8, 18);
    tubel.selesai = jiff::civil::date(2027, 8, 31);
    let mut ibel = training("S-1 Keperawatan", 600);
    ibel.id = 5;
    ibel.revision = 1;
    ibel.jenis = TrainingKind::IzinBelajar;
    ibel.mulai = jiff::civil::date(2024, 9, 2);
    ibel.selesai = jiff::civil::date(2026, 7, 31);
    ibel.status = TrainingStatus::Berlangsung;
    let mut latsar = training("Latsar CPNS Angkatan 12", 268);
    latsar.id = 6;
    latsar.revision = 1;
    latsar.jenis = TrainingKind::LatsarCpns;
    latsar.mulai = jiff::civil::date(2011, 4, 4);
    latsar.selesai = jiff::civil::date(2011, 5, 27);
    let mut group = v.remove(0);
    group.items.extend([latsar, magang, tubel, ibel]);
    group.items.sort_by_key(|t| (t.mulai, t.id));
    group.next_id = 7;
    vec![group, TrainingGroup::default()]
}

/// Version 3 adds the competency a training states (issue 13).
fn training_v3_samples() -> Vec<TrainingGroup> {
    let mut v = training_v2_samples();
    let mut btcls = training("Pelatihan Gawat Darurat Angkatan III", 32);
    btcls.id = 7;
    btcls.revision = 1;
    btcls.mulai = jiff::civil::date(2026, 3, 2);
    btcls.selesai = jiff::civil::date(2026, 3, 6);
    btcls.kompetensi = Some("btcls-demo".into());
    v[0].items.push(btcls);
    v[0].next_id = 8;
    v
}

fn partner_samples() -> Vec<Partner> {
    vec![Partner {
        id: "yayasan-cendekia-deli".into(),
        name: "Yayasan Cendekia Deli".into(),
        kind: kinerja::domain::OrganiserKind::Swasta,
        ..Default::default()
    }]
}

/// Version 2 partners: agreements, a contact, competencies and a revision; and one with
/// none of them (a partner a training made).
fn partner_v2_samples() -> Vec<Partner> {
    use kinerja::domain::{Agreement, AgreementKind, Contact};
    let mut p = partner_samples();
    p[0].agreements = vec![
        Agreement {
            kind: AgreementKind::Mou,
            nomor: "MOU/007/2024".into(),
            mulai: jiff::civil::date(2024, 1, 1),
            selesai: jiff::civil::date(2025, 12, 31),
            ruang_lingkup: "Pendampingan guru".into(),
        },
        Agreement {
            kind: AgreementKind::Pks,
            nomor: "PKS/012/DISDIK/2026".into(),
            mulai: jiff::civil::date(2026, 1, 1),
            selesai: jiff::civil::date(2026, 12, 31),
            ruang_lingkup: String::new(),
        },
    ];
    p[0].contact = Contact {
        nama: "Rahmi Nasution".into(),
        telepon: "0813-0000-2202".into(),
        email: "sekretariat@cendekia-deli.example".into(),
    };
    p[0].competencies = vec![
        "asesmen-nasional-demo".into(),
        "kurikulum-merdeka-demo".into(),
    ];
    p[0].revision = 3;
    p.push(Partner::new(
        "BUMN Kepelabuhanan (program CSR)",
        kinerja::domain::OrganiserKind::BumnBumd,
    ));
    p
}

fn audit_samples() -> Vec<AuditEntry> {
    vec![AuditEntry {
        time_micros: 1_764_288_000_000_000,
        actor: "siti".into(),
        action: AuditAction::Update,
        record: "staff/198503302010012002".into(),
        summary: "changed: golongan".into(),
    }]
}

fn summary_samples() -> Vec<kinerja::domain::StaffSummary> {
    let staff = staff_samples();
    let evaluations = evaluation_samples();
    let trainings = training_samples();
    vec![
        kinerja::domain::StaffSummary::of(
            &staff[0],
            &evaluations[0].items,
            &trainings[0].items,
            &[],
        ),
        kinerja::domain::StaffSummary::of(&staff[1], &[], &[], &[]),
    ]
}

/// Layout 4 keeps the competencies held: the samples against a catalogue that the first
/// person's completed e-Kinerja training satisfies (by title word; the PKP one is only
/// planned), and one it does not.
fn summary_v4_samples() -> Vec<kinerja::domain::StaffSummary> {
    use kinerja::domain::{Competency, CompetencyKind};
    let catalogue = [
        Competency::new(
            "Pengelolaan Kinerja",
            CompetencyKind::Manajerial,
            vec![TrainingKind::Pkp],
            vec!["e-Kinerja".into()],
            None,
        ),
        Competency::new(
            "BTCLS",
            CompetencyKind::Teknis,
            vec![],
            vec!["BTCLS".into()],
            Some(36),
        ),
    ];
    let staff = staff_samples();
    let evaluations = evaluation_samples();
    let trainings = training_samples();
    vec![
        kinerja::domain::StaffSummary::of(
            &staff[0],
            &evaluations[0].items,
            &trainings[0].items,
            &catalogue,
        ),
        kinerja::domain::StaffSummary::of(&staff[1], &[], &[], &catalogue),
    ]
}

/// Layout 5 keeps the open objections (issue 19): the first sample with the part-year
/// evaluation's objection explained and not decided yet, and the second with none.
fn summary_v5_samples() -> Vec<kinerja::domain::StaffSummary> {
    let mut samples = summary_v4_samples();
    let mut evaluations = evaluation_v2_samples()[0].items.clone();
    for e in &mut evaluations {
        if let Some(k) = e.keberatan.as_mut() {
            k.keputusan = None;
        }
    }
    samples[0].keberatan =
        kinerja::domain::StaffSummary::of(&staff_samples()[0], &evaluations, &[], &[]).keberatan;
    samples
}

/// A summary as an older layout reads back: without what the career history gives.
fn before_careers(s: kinerja::domain::StaffSummary) -> kinerja::domain::StaffSummary {
    kinerja::domain::StaffSummary {
        pendidikan: None,
        tmt_golongan: None,
        moves: Vec::new(),
        ..s
    }
}

/// Career histories (issue 21): the first sample's with a dated first rank, a promotion
/// with its SK and a move between units; the PPPK's as its record implies it.
fn career_samples() -> Vec<kinerja::domain::Career> {
    use jiff::civil::date;
    use kinerja::domain::{Career, CareerEntry, CareerValue};
    let staff = staff_samples();
    let mut a = Career::default();
    let entries = [
        CareerEntry::new(
            Some(date(2010, 1, 1)),
            CareerValue::Pangkat(Golongan::parse("III/b", false).unwrap()),
        ),
        CareerEntry {
            id: 0,
            tmt: Some(date(2014, 4, 1)),
            value: CareerValue::Pangkat(Golongan::parse("III/c", false).unwrap()),
            nomor_sk: "823.3/114/BKD/2014".into(),
        },
        CareerEntry::new(None, CareerValue::Jabatan(staff[0].jabatan.clone())),
        CareerEntry::new(None, CareerValue::Unit(unit().id)),
        CareerEntry::new(
            Some(date(2021, 7, 1)),
            CareerValue::Unit("pustu-bahari".into()),
        ),
    ];
    for e in entries {
        a.put(e).unwrap();
    }
    a.revision = 2;
    vec![a, Career::implied(&staff[1])]
}

/// Layout 6 keeps the education, the TMT golongan and the moves (issue 21): the first
/// sample with the history above, the second with the one its record implies.
fn summary_v6_samples() -> Vec<kinerja::domain::StaffSummary> {
    let mut samples = summary_v5_samples();
    let with = kinerja::domain::StaffSummary::of_with_career(
        &staff_samples()[0],
        &[],
        &[],
        &[],
        Some(&career_samples()[0]),
    );
    samples[0].tmt_golongan = with.tmt_golongan;
    samples[0].moves = with.moves;
    samples
}

/// Coaching groups: one open record with a giver's NIP, one closed counselling by a giver
/// without NIP, and an emptied group whose id counter stays.
fn coaching_samples() -> Vec<CoachingGroup> {
    let mut open = coaching();
    open.id = 1;
    open.revision = 2;
    let mut closed = coaching();
    closed.id = 3;
    closed.revision = 1;
    closed.jenis = kinerja::domain::CoachingKind::Konseling;
    closed.tanggal = jiff::civil::date(2025, 2, 10);
    closed.tindak_lanjut = jiff::civil::date(2025, 3, 10);
    closed.selesai = Some(jiff::civil::date(2025, 3, 12));
    closed.hasil = "Kehadiran membaik; laporan tepat waktu.".into();
    closed.pemberi = PersonAtTime {
        nip: None,
        nama: "Kepala Puskesmas Belawan".into(),
        ..Default::default()
    };
    vec![
        CoachingGroup {
            next_id: 4,
            items: vec![closed, open],
        },
        CoachingGroup {
            next_id: 2,
            items: Vec::new(),
        },
    ]
}

/// Coaching groups of the second layout (issue 19): the V1 samples, the open record naming
/// the RHK it is about (SKP 1, RHK 2) and the closed one naming none.
fn coaching_v2_samples() -> Vec<CoachingGroup> {
    let mut groups = coaching_samples();
    groups[0].items[1].rhk = Some((1, 2));
    groups
}

/// Issue 21: a PPPK's contracts, a first one and its renewal with a number, and a person
/// with one contract without a number.
fn contract_samples() -> Vec<kinerja::domain::Contracts> {
    use jiff::civil::date;
    use kinerja::domain::{Contract, Contracts};
    vec![
        Contracts {
            items: vec![
                Contract {
                    mulai: date(2024, 3, 1),
                    selesai: date(2025, 2, 28),
                    nomor: String::new(),
                },
                Contract {
                    mulai: date(2025, 3, 1),
                    selesai: date(2030, 2, 28),
                    nomor: "800.1.13.2/PK-017/2025".into(),
                },
            ],
            revision: 3,
        },
        Contracts {
            items: vec![Contract {
                mulai: date(2025, 10, 1),
                selesai: date(2026, 9, 30),
                nomor: "PW-2025-0042".into(),
            }],
            revision: 1,
        },
    ]
}

type Encoded = Vec<Vec<u8>>;

/// (file name, encoded samples) for every record kind at its newest version.
/// Issue 13 (AKPK): a competency renewed every 36 months by title words, and one met for
/// good by a training kind.
fn competency_samples() -> Vec<kinerja::domain::Competency> {
    use kinerja::domain::{Competency, CompetencyKind};
    vec![
        Competency::new(
            "BTCLS (demo)",
            CompetencyKind::Teknis,
            vec![],
            vec!["BTCLS".into(), "PPGD".into()],
            Some(36),
        ),
        Competency::new(
            "Kepemimpinan Pengawas",
            CompetencyKind::Manajerial,
            vec![TrainingKind::Pkp, TrainingKind::IzinBelajar],
            vec![],
            None,
        ),
    ]
}

fn requirement_samples() -> Vec<kinerja::domain::Requirement> {
    use kinerja::domain::Requirement;
    vec![
        Requirement {
            jabatan: "Perawat".into(),
            jenis: None,
            competency: "btcls-demo".into(),
        },
        Requirement {
            jabatan: String::new(),
            jenis: Some(JenisJabatan::Pengawas),
            competency: "kepemimpinan-pengawas".into(),
        },
        Requirement {
            jabatan: "Bidan".into(),
            jenis: Some(JenisJabatan::Penyelia),
            competency: "btcls-demo".into(),
        },
    ]
}

fn encoded_samples() -> Vec<(&'static str, Encoded)> {
    vec![
        (
            "staff_v2.bin",
            staff_v2_samples()
                .iter()
                .map(|s| records::encode_staff(s).unwrap())
                .collect(),
        ),
        (
            "unit_v3.bin",
            unit_samples_v3()
                .iter()
                .map(|u| records::encode_unit(u).unwrap())
                .collect(),
        ),
        (
            "evaluations_v2.bin",
            evaluation_v2_samples()
                .iter()
                .map(|g| records::encode_evaluations(g).unwrap())
                .collect(),
        ),
        (
            "skp_v1.bin",
            skp_samples()
                .iter()
                .map(|g| records::encode_skp(g).unwrap())
                .collect(),
        ),
        (
            "trainings_v3.bin",
            training_v3_samples()
                .iter()
                .map(|g| records::encode_trainings(g).unwrap())
                .collect(),
        ),
        (
            "partner_v2.bin",
            partner_v2_samples()
                .iter()
                .map(|p| records::encode_partner(p).unwrap())
                .collect(),
        ),
        (
            "audit_v1.bin",
            audit_samples()
                .iter()
                .map(|a| records::encode_audit(a).unwrap())
                .collect(),
        ),
        (
            "coaching_v2.bin",
            coaching_v2_samples()
                .iter()
                .map(|g| records::encode_coaching(g).unwrap())
                .collect(),
        ),
        (
            "competency_v1.bin",
            competency_samples()
                .iter()
                .map(|c| records::encode_competency(c).unwrap())
                .collect(),
        ),
        (
            "requirement_v1.bin",
            requirement_samples()
                .iter()
                .map(|r| records::encode_requirement(r).unwrap())
                .collect(),
        ),
        (
            "contracts_v1.bin",
            contract_samples()
                .iter()
                .map(|c| records::encode_contracts(c).unwrap())
                .collect(),
        ),
        (
            "summary_v6.bin",
            summary_v6_samples()
                .iter()
                .map(|s| records::encode_summary(s).unwrap())
                .collect(),
        ),
        (
            "career_v1.bin",
            career_samples()
                .iter()
                .map(|c| records::encode_career(c).unwrap())
                .collect(),
        ),
        (
            "closed_v1.bin",
            closed_samples()
                .iter()
                .map(|c| kinerja::store::stats::encode_closed(c).unwrap())
                .collect(),
        ),
    ]
}

/// The competencies closed per partner and year (`training_stats`, `k` keys; issue 23).
fn closed_samples() -> Vec<kinerja::store::stats::ClosedV1> {
    [1, 37, 70_000]
        .into_iter()
        .map(|competencies| kinerja::store::stats::ClosedV1 { competencies })
        .collect()
}

fn read_values(name: &str) -> Encoded {
    let path = golden_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let mut rest = &bytes[..];
    while !rest.is_empty() {
        let (len, tail) = rest.split_at(4);
        let len = u32::from_be_bytes(len.try_into().unwrap()) as usize;
        out.push(tail[..len].to_vec());
        rest = &tail[len..];
    }
    out
}

#[test]
fn golden_staff_v1_values_decode_to_the_same_records() {
    let values = read_values("staff_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_staff(v).unwrap())
        .collect();
    assert_eq!(decoded, staff_samples());
    assert_eq!(values[0][0], 1, "version byte");
}

#[test]
fn golden_staff_v2_values_decode_to_the_same_records() {
    let values = read_values("staff_v2.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_staff(v).unwrap())
        .collect();
    assert_eq!(decoded, staff_v2_samples());
    assert!(values.iter().all(|v| v[0] == 2), "version byte");
}

/// A `StaffV1` value with the given `pendidikan` code, as kinerja before version 2 wrote it.
fn staff_v1_with(pendidikan: u8) -> Vec<u8> {
    let v1 = records::StaffV1 {
        nip: "198503302010012002".into(),
        kind: 0,
        nama: "Rina Siregar".into(),
        gelar_depan: String::new(),
        gelar_belakang: String::new(),
        golongan: 8,
        pendidikan,
        jabatan_nama: "Perawat".into(),
        jenis_jabatan: 6,
        unit_id: "puskesmas-belawan".into(),
        aktif: true,
        revision: 1,
    };
    kinerja::store::codec::encode(1, &v1).unwrap()
}

#[test]
fn every_v1_education_code_decodes_through_the_frozen_v1_table() {
    // docs/storage.md, "Migration": V1 coded SD, SMP, SMA, D3, S1, S2, S3 as 0-6; they are
    // read as the SIASN levels SD, SLTP, SLTA, D-III, S-1, S-2, S-3 (a V1 D4 was stored as
    // S1 and stays S-1), never as positions in today's longer list.
    let expected = [
        Pendidikan::Sd,
        Pendidikan::Sltp,
        Pendidikan::Slta,
        Pendidikan::D3,
        Pendidikan::S1,
        Pendidikan::S2,
        Pendidikan::S3,
    ];
    for (c, want) in expected.into_iter().enumerate() {
        let staff = records::decode_staff(&staff_v1_with(c as u8)).unwrap();
        assert_eq!(staff.pendidikan, want, "V1 code {c}");
        // Written again, it is a V2 value that reads back the same.
        let again = records::encode_staff(&staff).unwrap();
        assert_eq!(again[0], 2);
        assert_eq!(records::decode_staff(&again).unwrap(), staff);
    }
    assert_eq!(records::PENDIDIKAN_V1, expected);
    assert!(records::decode_staff(&staff_v1_with(7)).is_err());
}

#[test]
fn golden_unit_v1_values_decode_to_the_same_records() {
    let decoded: Vec<_> = read_values("unit_v1.bin")
        .iter()
        .map(|v| records::decode_unit(v).unwrap())
        .collect();
    assert_eq!(decoded, unit_samples());
}

#[test]
fn golden_unit_v2_values_decode_to_the_same_records() {
    let values = read_values("unit_v2.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_unit(v).unwrap())
        .collect();
    assert_eq!(decoded, unit_samples_v2());
    assert_eq!(values[0][0], 2, "version byte");
    assert_eq!(
        decoded[0].rating_of(kinerja::domain::Period::new(2025, PeriodKind::Triwulan(2)).unwrap()),
        Some(UnitRating::Baik)
    );
}

#[test]
fn golden_unit_v3_values_decode_to_the_same_records() {
    let values = read_values("unit_v3.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_unit(v).unwrap())
        .collect();
    assert_eq!(decoded, unit_samples_v3());
    let head_2024 = decoded[0].head_on(jiff::civil::date(2024, 12, 31));
    assert_eq!(head_2024.map(|n| n.as_str()), Some("198503302010012002"));
    assert_eq!(decoded[0].head_on(jiff::civil::date(2022, 12, 31)), None);
    assert!(values.iter().all(|v| v[0] == 3), "version byte");
}

#[test]
fn golden_evaluations_v1_values_decode_to_the_same_records() {
    let decoded: Vec<_> = read_values("evaluations_v1.bin")
        .iter()
        .map(|v| records::decode_evaluations(v).unwrap())
        .collect();
    assert_eq!(decoded, evaluation_samples());
    assert_eq!(
        decoded[0].items[2].predikat(),
        kinerja::domain::Predikat::Baik
    );
}

#[test]
fn golden_evaluations_v2_values_decode_to_the_same_records() {
    let decoded: Vec<_> = read_values("evaluations_v2.bin")
        .iter()
        .map(|v| records::decode_evaluations(v).unwrap())
        .collect();
    assert_eq!(decoded, evaluation_v2_samples());
    let span = &decoded[0].items[3];
    assert_eq!(span.period.to_string(), "Bulan 06-12/2026");
    let k = span.keberatan.as_ref().unwrap();
    assert_eq!(k.asal_predikat(), kinerja::domain::Predikat::ButuhPerbaikan);
}

#[test]
fn golden_skp_v1_values_decode_to_the_same_records() {
    let decoded: Vec<_> = read_values("skp_v1.bin")
        .iter()
        .map(|v| records::decode_skp(v).unwrap())
        .collect();
    assert_eq!(decoded, skp_samples());
    let a = &decoded[0].items[0];
    assert_eq!(a.indicators().count(), 2);
    assert_eq!(a.rhk[0].indikator[0].realisasi.len(), 2);
    assert_eq!(a.rhk[0].indikator[0].target.to_string(), "1.200 pasien");
}

#[test]
fn golden_trainings_v1_values_decode_to_the_same_records() {
    let decoded: Vec<_> = read_values("trainings_v1.bin")
        .iter()
        .map(|v| records::decode_trainings(v).unwrap())
        .collect();
    assert_eq!(decoded, training_samples());
}

#[test]
fn golden_trainings_v2_values_decode_to_the_same_records() {
    let values = read_values("trainings_v2.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_trainings(v).unwrap())
        .collect();
    assert_eq!(decoded, training_v2_samples());
    assert!(values.iter().all(|v| v[0] == 2), "version byte");
}

#[test]
fn golden_trainings_v3_values_decode_to_the_same_records() {
    let values = read_values("trainings_v3.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_trainings(v).unwrap())
        .collect();
    assert_eq!(decoded, training_v3_samples());
    assert_eq!(
        decoded[0]
            .items
            .last()
            .and_then(|t| t.kompetensi.as_deref()),
        Some("btcls-demo")
    );
    assert!(values.iter().all(|v| v[0] == 3), "version byte");
}

/// A `TrainingsV1` value holding one training of the given `jenis` code.
fn trainings_v1_with(jenis: u8) -> Vec<u8> {
    let v1 = records::TrainingsV1 {
        next_id: 2,
        items: vec![records::TrainingV1 {
            id: 1,
            judul: "Pelatihan".into(),
            jenis,
            penyelenggara: "BKPSDM Kota Medan".into(),
            jenis_penyelenggara: 0,
            mulai: records::DateV1(2024, 5, 6),
            selesai: records::DateV1(2024, 5, 8),
            jp: 20,
            status: 2,
            no_sertifikat: String::new(),
            catatan: String::new(),
            revision: 1,
        }],
    };
    kinerja::store::codec::encode(1, &v1).unwrap()
}

#[test]
fn every_v1_training_kind_code_decodes_through_the_frozen_v1_table() {
    // docs/storage.md, "Version 2": V1 codes are positions in the list of 28 kinds V1 had;
    // each decodes to the kind of the same name. Magang (9) is today's Magang, which is
    // non-klasikal (DOMAIN.md; PP 11/2017 Pasal 210).
    let names = [
        "Diklat Struktural",
        "Diklat Fungsional",
        "Diklat Teknis",
        "Workshop",
        "Pelatihan Manajerial",
        "Pelatihan Sosial Kultural",
        "Sosialisasi",
        "Bimtek",
        "Seminar",
        "Magang",
        "Kursus",
        "Penataran",
        "PKP",
        "PKA",
        "PKN II",
        "PKN I",
        "Latsar CPNS",
        "Coaching",
        "Mentoring",
        "E-Learning",
        "Pelatihan Jarak Jauh",
        "Detasering",
        "Outbound",
        "Benchmarking",
        "Pertukaran PNS dengan Swasta/BUMN/BUMD",
        "Belajar Mandiri",
        "Community of Practice",
        "Bimbingan di Tempat Kerja",
    ];
    for (c, name) in names.into_iter().enumerate() {
        let group = records::decode_trainings(&trainings_v1_with(c as u8)).unwrap();
        let kind = group.items[0].jenis;
        assert_eq!(kind.label(), name, "V1 code {c}");
        let again = records::encode_trainings(&group).unwrap();
        assert_eq!(again[0], records::TRAININGS_VERSION);
        assert_eq!(records::decode_trainings(&again).unwrap(), group);
    }
    let magang = records::decode_trainings(&trainings_v1_with(9)).unwrap();
    assert_eq!(magang.items[0].jenis, TrainingKind::Magang);
    assert_eq!(
        magang.items[0].jenis.category(),
        TrainingCategory::NonKlasikal
    );
    assert!(records::decode_trainings(&trainings_v1_with(28)).is_err());
}

#[test]
fn golden_partner_and_audit_v1_values_decode_to_the_same_records() {
    let partners: Vec<_> = read_values("partner_v1.bin")
        .iter()
        .map(|v| records::decode_partner(v).unwrap())
        .collect();
    assert_eq!(partners, partner_samples());
    let audit: Vec<_> = read_values("audit_v1.bin")
        .iter()
        .map(|v| records::decode_audit(v).unwrap())
        .collect();
    assert_eq!(audit, audit_samples());
}

#[test]
fn golden_partner_v2_values_decode_to_the_same_records() {
    let values = read_values("partner_v2.bin");
    let partners: Vec<_> = values
        .iter()
        .map(|v| records::decode_partner(v).unwrap())
        .collect();
    assert_eq!(partners, partner_v2_samples());
    assert!(values.iter().all(|v| v[0] == 2), "version byte");
}

#[test]
fn golden_summary_v1_values_decode_to_the_same_records() {
    let decoded: Vec<_> = read_values("summary_v1.bin")
        .iter()
        .map(|v| records::decode_summary(v).unwrap())
        .collect();
    // The first layout did not keep the position's kind: read back as unknown (the store
    // rebuilds such summaries on open).
    let expected: Vec<_> = summary_samples()
        .into_iter()
        .map(|s| kinerja::domain::StaffSummary {
            jenis: None,
            annual_hasil: Vec::new(),
            ..before_careers(s)
        })
        .collect();
    assert_eq!(decoded, expected);
    assert!(decoded[0].last.is_some() && decoded[0].jp_in(2025) == 8);
}

#[test]
fn golden_summary_v2_values_decode_to_the_same_records() {
    let values = read_values("summary_v2.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_summary(v).unwrap())
        .collect();
    // The second layout did not keep the annual Hasil Kerja (rebuilt on open).
    let expected: Vec<_> = summary_samples()
        .into_iter()
        .map(|s| kinerja::domain::StaffSummary {
            annual_hasil: Vec::new(),
            ..before_careers(s)
        })
        .collect();
    assert_eq!(decoded, expected);
    assert!(decoded.iter().all(|s| s.jenis.is_some()));
    assert_eq!(values[0][0], 2, "version byte");
}

#[test]
fn golden_summary_v3_values_decode_to_the_same_records() {
    let values = read_values("summary_v3.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_summary(v).unwrap())
        .collect();
    let expected: Vec<_> = summary_samples().into_iter().map(before_careers).collect();
    assert_eq!(decoded, expected);
    assert_eq!(
        decoded[0].annual_hasil_in(2025),
        Some(kinerja::domain::Rating::DiAtas),
        "the 9-box's kinerja"
    );
    assert_eq!(values[0][0], 3, "version byte");
}

#[test]
fn golden_summary_v4_values_decode_to_the_same_records() {
    let values = read_values("summary_v4.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_summary(v).unwrap())
        .collect();
    let expected: Vec<_> = summary_v4_samples()
        .into_iter()
        .map(before_careers)
        .collect();
    assert_eq!(decoded, expected);
    assert_eq!(decoded[0].held.len(), 1, "{:?}", decoded[0].held);
    assert!(decoded[0].held_until("pengelolaan-kinerja").is_some());
    assert!(decoded[1].held.is_empty());
    assert_eq!(values[0][0], 4, "version byte");
}

#[test]
fn golden_summary_v5_values_decode_to_the_same_records() {
    let values = read_values("summary_v5.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_summary(v).unwrap())
        .collect();
    let expected: Vec<_> = summary_v5_samples()
        .into_iter()
        .map(before_careers)
        .collect();
    assert_eq!(decoded, expected);
    assert_eq!(
        decoded[0].keberatan,
        vec![(
            kinerja::domain::Period::new(2026, PeriodKind::Rentang(6, 12)).unwrap(),
            kinerja::domain::KeberatanStatus::Dijelaskan,
            jiff::civil::date(2027, 1, 15)
        )],
        "the open objection"
    );
    assert!(decoded[1].keberatan.is_empty());
    assert_eq!(values[0][0], 5, "version byte");
}

#[test]
fn golden_summary_v6_values_decode_to_the_same_records() {
    let values = read_values("summary_v6.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_summary(v).unwrap())
        .collect();
    assert_eq!(decoded, summary_v6_samples());
    assert_eq!(
        decoded[0].tmt_golongan,
        Some(jiff::civil::date(2014, 4, 1)),
        "the TMT of the current rank"
    );
    assert_eq!(decoded[0].moves.len(), 2, "moved once");
    assert_eq!(decoded[0].unit_in(2020), "puskesmas-belawan");
    assert_eq!(decoded[0].unit_in(2021), "pustu-bahari");
    assert!(decoded[1].moves.is_empty());
    assert_eq!(decoded[1].pendidikan, Some(Pendidikan::S2));
    assert_eq!(values[0][0], 6, "version byte");
}

#[test]
fn golden_career_v1_values_decode_to_the_same_records() {
    let values = read_values("career_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_career(v).unwrap())
        .collect();
    assert_eq!(decoded, career_samples());
    assert_eq!(decoded[0].entries.len(), 5);
    assert_eq!(decoded[0].entries[1].nomor_sk, "823.3/114/BKD/2014");
    assert!(decoded[1].entries.iter().all(|e| e.tmt.is_none()));
    assert_eq!(values[0][0], 1, "version byte");
}

#[test]
fn golden_coaching_v1_values_decode_to_the_same_records() {
    let values = read_values("coaching_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_coaching(v).unwrap())
        .collect();
    assert_eq!(decoded, coaching_samples());
    assert_eq!(
        decoded[0].items[0].hasil,
        "Kehadiran membaik; laporan tepat waktu."
    );
    assert_eq!(values[0][0], 1, "version byte");
}

#[test]
fn golden_coaching_v2_values_decode_to_the_same_records() {
    let values = read_values("coaching_v2.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_coaching(v).unwrap())
        .collect();
    assert_eq!(decoded, coaching_v2_samples());
    assert_eq!(decoded[0].items[1].rhk, Some((1, 2)), "the RHK named");
    assert_eq!(decoded[0].items[0].rhk, None);
    assert_eq!(values[0][0], 2, "version byte");
}

/// The statuses' reading of a coaching value (its dates only, texts borrowed, never
/// copied) agrees with the whole record's, in both layouts; a damaged value is refused by
/// both.
#[test]
fn golden_coaching_values_give_the_same_dates_as_the_whole_records() {
    for file in ["coaching_v1.bin", "coaching_v2.bin"] {
        let values = read_values(file);
        assert!(!values.is_empty());
        for v in &values {
            let whole: Vec<_> = records::decode_coaching(v)
                .unwrap()
                .items
                .iter()
                .map(|c| c.dates())
                .collect();
            assert_eq!(records::decode_coaching_dates(v).unwrap(), whole, "{file}");
            // Cut short, or one byte more: refused as the whole record is.
            let cut = &v[..v.len() - 1];
            assert!(records::decode_coaching(cut).is_err());
            assert!(records::decode_coaching_dates(cut).is_err(), "{file} cut");
            let mut longer = v.clone();
            longer.push(0);
            assert!(
                records::decode_coaching_dates(&longer).is_err(),
                "{file} longer"
            );
        }
    }
    let closed = read_values("coaching_v1.bin")
        .iter()
        .flat_map(|v| records::decode_coaching_dates(v).unwrap())
        .filter(|d| d.closed)
        .count();
    assert!(closed > 0, "the samples hold a closed coaching");
    let open = read_values("coaching_v2.bin")
        .iter()
        .flat_map(|v| records::decode_coaching_dates(v).unwrap())
        .filter(|d| !d.closed)
        .count();
    assert!(open > 0, "the samples hold an open coaching");
    assert!(
        records::decode_coaching_dates(&[9, 0]).is_err(),
        "an unknown version"
    );
}

/// Issue 21: PPPK paruh waktu is an employment kind appended to the list (code 2) and "no
/// golongan" a rank appended after PPPK XVII (code 34), so the golden staff values written
/// before still decode to the same records, and a paruh waktu record needs no new version.
#[test]
fn a_paruh_waktu_record_takes_appended_codes_and_older_values_still_decode() {
    use kinerja::domain::EmploymentKind;
    let decoded: Vec<_> = read_values("staff_v2.bin")
        .iter()
        .map(|v| records::decode_staff(v).unwrap())
        .collect();
    assert_eq!(decoded, staff_v2_samples());
    assert_eq!(decoded[1].nip.kind(), EmploymentKind::Pppk);
    assert_eq!(decoded[1].golongan, Golongan::Pppk(9));
    let mut pw = staff_v2_samples()[1].clone();
    pw.nip = Nip::parse_as("199204112023212999", EmploymentKind::PppkParuhWaktu).unwrap();
    pw.golongan = Golongan::Unstated;
    pw.nama = "A".into();
    pw.gelar_belakang = String::new();
    let bytes = records::encode_staff(&pw).unwrap();
    assert_eq!(bytes[0], 2, "still StaffV2");
    // [version][18][18 digits][kind][1]["A"][0][0][golongan]...
    assert_eq!(
        bytes[20], 2,
        "employment kind code: 0 PNS, 1 PPPK, 2 paruh waktu"
    );
    assert_eq!(
        bytes[25], 34,
        "golongan code: 0-16 PNS, 17-33 PPPK, 34 none stated"
    );
    assert_eq!(records::decode_staff(&bytes).unwrap(), pw);
}

#[test]
fn golden_contracts_v1_values_decode_to_the_same_records() {
    let values = read_values("contracts_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_contracts(v).unwrap())
        .collect();
    assert_eq!(decoded, contract_samples());
    assert_eq!(decoded[0].items[1].nomor, "800.1.13.2/PK-017/2025");
    assert_eq!(values[0][0], 1, "version byte");
}

#[test]
fn the_newest_writer_still_produces_the_golden_bytes() {
    // Each kind's newest version: a new version replaces its entry with its own file.
    for (name, values) in encoded_samples() {
        assert_eq!(values, read_values(name), "{name}");
    }
}

#[test]
fn golden_competency_v1_values_decode_to_the_same_records() {
    let values = read_values("competency_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_competency(v).unwrap())
        .collect();
    assert_eq!(decoded, competency_samples());
    assert_eq!(decoded[1].training_kinds[1], TrainingKind::IzinBelajar);
    assert_eq!(values[0][0], 1, "version byte");
}

#[test]
fn golden_requirement_v1_values_decode_to_the_same_records() {
    let values = read_values("requirement_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| records::decode_requirement(v).unwrap())
        .collect();
    assert_eq!(decoded, requirement_samples());
    assert_eq!(decoded[2].jenis, Some(JenisJabatan::Penyelia));
    assert_eq!(values[0][0], 1, "version byte");
}

#[test]
fn golden_closed_v1_values_decode_to_the_same_counts() {
    let values = read_values("closed_v1.bin");
    let decoded: Vec<_> = values
        .iter()
        .map(|v| kinerja::store::stats::decode_closed(v).unwrap())
        .collect();
    assert_eq!(decoded, closed_samples());
    assert_eq!(
        values[0],
        [1, 1],
        "version byte, then the count as a varint"
    );
}

#[test]
#[ignore = "writes golden files for a new record version; never rewrites an existing one"]
fn write_missing_golden_files() {
    for (name, values) in encoded_samples() {
        let path = golden_dir().join(name);
        if path.exists() {
            continue;
        }
        let mut bytes = Vec::new();
        for v in values {
            bytes.extend_from_slice(&(v.len() as u32).to_be_bytes());
            bytes.extend_from_slice(&v);
        }
        std::fs::write(&path, bytes).unwrap();
    }
}
