//! The demo's trainings: the course lists by kind of unit and each person's trainings.

use super::rng::Rng;
use crate::domain::{Training, TrainingKind, TrainingStatus, UnitKind};
use crate::store::{Partner, TrainingGroup};
use jiff::civil::Date;

struct Course {
    judul: &'static str,
    jenis: TrainingKind,
    jp: u16,
    days: i64,
    /// Index into the organiser list: government first, then private partners.
    organiser: usize,
}

const COMMON_COURSES: &[Course] = &[
    Course {
        judul: "Sosialisasi Core Values BerAKHLAK",
        jenis: TrainingKind::Sosialisasi,
        jp: 4,
        days: 1,
        organiser: 0,
    },
    Course {
        judul: "E-Learning Literasi Digital ASN",
        jenis: TrainingKind::ELearning,
        jp: 10,
        days: 14,
        organiser: 3,
    },
    Course {
        judul: "Bimtek e-Kinerja",
        jenis: TrainingKind::Bimtek,
        jp: 8,
        days: 1,
        organiser: 0,
    },
    Course {
        judul: "Pelatihan Aplikasi Administrasi Digital",
        jenis: TrainingKind::Workshop,
        jp: 16,
        days: 2,
        organiser: 5,
    },
    Course {
        judul: "Coaching Kinerja oleh Atasan",
        jenis: TrainingKind::Coaching,
        jp: 2,
        days: 1,
        organiser: 4,
    },
];
const HEALTH_COURSES: &[Course] = &[
    Course {
        judul: "Pelatihan Penanganan Gawat Darurat",
        jenis: TrainingKind::DiklatTeknis,
        jp: 30,
        days: 4,
        organiser: 1,
    },
    Course {
        judul: "Seminar Gizi Masyarakat Pesisir",
        jenis: TrainingKind::Seminar,
        jp: 6,
        days: 1,
        organiser: 7,
    },
    Course {
        judul: "Bimtek Sistem Informasi Puskesmas",
        jenis: TrainingKind::Bimtek,
        jp: 12,
        days: 2,
        organiser: 1,
    },
    Course {
        judul: "Pelatihan Kesehatan Kerja Pelabuhan",
        jenis: TrainingKind::DiklatFungsional,
        jp: 24,
        days: 3,
        organiser: 8,
    },
];
const SCHOOL_COURSES: &[Course] = &[
    Course {
        judul: "Pelatihan Kurikulum Merdeka",
        jenis: TrainingKind::DiklatFungsional,
        jp: 32,
        days: 4,
        organiser: 2,
    },
    Course {
        judul: "Workshop Pembelajaran Berbasis Teknologi",
        jenis: TrainingKind::Workshop,
        jp: 16,
        days: 2,
        organiser: 6,
    },
    Course {
        judul: "Bimtek Asesmen Nasional",
        jenis: TrainingKind::Bimtek,
        jp: 8,
        days: 1,
        organiser: 2,
    },
];
const OFFICE_COURSES: &[Course] = &[
    Course {
        judul: "Pelatihan Pelayanan Publik Prima",
        jenis: TrainingKind::DiklatTeknis,
        jp: 24,
        days: 3,
        organiser: 3,
    },
    Course {
        judul: "Workshop Penyusunan SKP",
        jenis: TrainingKind::Workshop,
        jp: 8,
        days: 1,
        organiser: 0,
    },
];

/// PKP (Pelatihan Kepemimpinan Pengawas), only for a Pengawas: 830 JP over about 96 days,
/// 290 JP in class (36 days) and 540 JP at the participant's own office (at least 60
/// days). Source: BDK Surabaya's account (January 2020) of Peraturan LAN 15/2019; not
/// checked against the regulation's text.
const PKP: Course = Course {
    judul: "Pelatihan Kepemimpinan Pengawas (PKP)",
    jenis: TrainingKind::Pkp,
    jp: 830,
    days: 96,
    organiser: 3,
};

/// One person's trainings. A Pengawas (`pengawas`) took PKP last year with a chance of
/// 60%, from a random stream of its own (so everyone else's trainings stay as drawn); nobody
/// else takes it.
pub(super) fn trainings_for(
    rng: &mut Rng,
    kind: UnitKind,
    organisers: &[Partner],
    pengawas: bool,
    today: Date,
) -> TrainingGroup {
    let own = match kind {
        UnitKind::Kesehatan => HEALTH_COURSES,
        UnitKind::Pendidikan => SCHOOL_COURSES,
        _ => OFFICE_COURSES,
    };
    let mut items = Vec::new();
    if pengawas {
        let mut side = Rng::new(rng.0 ^ 0x504b_5020_3833_304a);
        if side.chance(0.6) {
            let y = today.year() - 1;
            if let Ok(mulai) = Date::new(y, side.range(2, 5) as i8, side.range(1, 28) as i8) {
                push(&mut items, &mut side, &PKP, mulai, organisers, today);
            }
        }
    }
    // About a quarter of the staff get far too little training.
    let neglected = rng.chance(0.25);
    for y in [today.year() - 1, today.year()] {
        let count = if neglected {
            rng.below(2)
        } else {
            2 + rng.below(3)
        };
        for _ in 0..count {
            let course = if rng.chance(0.6) {
                rng.pick(own)
            } else {
                rng.pick(COMMON_COURSES)
            };
            if neglected && course.jp > 8 {
                continue;
            }
            let Ok(mulai) = Date::new(y, rng.range(1, 12) as i8, rng.range(1, 28) as i8) else {
                continue;
            };
            push(&mut items, rng, course, mulai, organisers, today);
        }
    }
    // The same course picked twice with the same start: one record, as the store keeps
    // (and import matches) one per title, start and organiser.
    let mut kept: Vec<Training> = Vec::with_capacity(items.len());
    for t in items {
        if !kept.iter().any(|k| k.same_as(&t)) {
            kept.push(t);
        }
    }
    let mut items = kept;
    items.sort_by_key(|t| (t.mulai, t.id));
    TrainingGroup {
        next_id: items.iter().map(|t| t.id).max().unwrap_or(0) + 1,
        items,
    }
}

/// Adds `course` starting on `mulai`: its end, status on `today`, and a certificate number
/// (drawn from `rng`) when completed.
fn push(
    items: &mut Vec<Training>,
    rng: &mut Rng,
    course: &Course,
    mulai: Date,
    organisers: &[Partner],
    today: Date,
) {
    let selesai = mulai
        .checked_add(jiff::Span::new().days(course.days - 1))
        .unwrap_or(mulai);
    let status = if selesai < today {
        TrainingStatus::Selesai
    } else if mulai <= today {
        TrainingStatus::Berlangsung
    } else {
        TrainingStatus::Rencana
    };
    let organiser = &organisers[course.organiser.min(organisers.len() - 1)];
    let id = items.len() as u32 + 1;
    items.push(Training {
        id,
        judul: course.judul.to_string(),
        jenis: course.jenis,
        penyelenggara: organiser.name.clone(),
        jenis_penyelenggara: organiser.kind,
        mulai,
        selesai,
        jp: course.jp,
        status,
        no_sertifikat: if status == TrainingStatus::Selesai {
            format!(
                "{}/{}/{:05}",
                organiser
                    .id
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .take(6)
                    .collect::<String>()
                    .to_uppercase(),
                mulai.year(),
                rng.below(100_000)
            )
        } else {
            String::new()
        },
        catatan: String::new(),
        kompetensi: None,
        revision: 1,
    });
}
