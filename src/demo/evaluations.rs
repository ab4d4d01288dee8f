//! The demo's evaluations: ratings that give a person's predikat, advice and evaluators.

use super::plan::Draft;
use super::rng::Rng;
use crate::domain::{
    Evaluation, NilaiBerakhlak, PenilaianNilai, Period, PeriodKind, PersonAtTime, Predikat, Rating,
};
use crate::store::EvaluationGroup;
use jiff::civil::Date;

/// A rating pair that gives `p` under the matrix, varied by the person.
fn pair_for(rng: &mut Rng, p: Predikat) -> (Rating, Rating) {
    use Rating::*;
    match p {
        Predikat::SangatBaik => (DiAtas, DiAtas),
        Predikat::Baik => *rng.pick(&[
            (Sesuai, Sesuai),
            (Sesuai, Sesuai),
            (Sesuai, Sesuai),
            (DiAtas, Sesuai),
            (Sesuai, DiAtas),
        ]),
        Predikat::ButuhPerbaikan => {
            *rng.pick(&[(DiBawah, Sesuai), (DiBawah, Sesuai), (DiBawah, DiAtas)])
        }
        Predikat::Kurang => *rng.pick(&[(Sesuai, DiBawah), (DiAtas, DiBawah)]),
        Predikat::SangatKurang => (DiBawah, DiBawah),
    }
}

fn near(rng: &mut Rng, r: Rating) -> Rating {
    if rng.chance(0.75) {
        r
    } else {
        *rng.pick(&Rating::ALL)
    }
}

fn latent_rating(rng: &mut Rng, latent: f64) -> Rating {
    let x = latent + (rng.unit() - 0.5) * 0.3;
    if x > 0.85 {
        Rating::DiAtas
    } else if x < 0.12 {
        Rating::DiBawah
    } else {
        Rating::Sesuai
    }
}

const ADVICE: &[&str] = &[
    "Perlu mengikuti Bimtek pelayanan publik dan pendampingan (Coaching) oleh atasan.",
    "Disarankan mengikuti Diklat Teknis sesuai jabatan dan Mentoring rutin.",
    "Target kuantitas belum tercapai; disarankan Workshop perencanaan kerja.",
    "Kedisiplinan perlu dibina; ikuti Sosialisasi core values BerAKHLAK.",
];

fn evaluation(
    rng: &mut Rng,
    period: Period,
    hasil: Rating,
    perilaku: Rating,
    penilai: &PersonAtTime,
) -> Evaluation {
    let mut berakhlak: [PenilaianNilai; 7] = Default::default();
    for a in berakhlak.iter_mut() {
        a.rating = Some(near(rng, perilaku));
    }
    let catatan = if crate::domain::predikat(hasil, perilaku).needs_coaching() {
        rng.pick(ADVICE).to_string()
    } else {
        String::new()
    };
    if perilaku != Rating::Sesuai {
        let i = rng.below(NilaiBerakhlak::ALL.len() as u64) as usize;
        berakhlak[i].umpan_balik = match perilaku {
            Rating::DiAtas => "Menjadi teladan bagi rekan kerja.".into(),
            _ => "Perlu peningkatan; dibahas dalam pertemuan bulanan.".into(),
        };
    }
    Evaluation {
        id: 0,
        period,
        hasil_kerja: hasil,
        perilaku,
        berakhlak,
        penilai: Some(penilai.clone()),
        atasan_penilai: None,
        catatan,
        revision: 1,
        diterima: None,
        keberatan: None,
        pegawai: None,
    }
}

pub(super) fn evaluations_for(
    rng: &mut Rng,
    d: &Draft,
    penilai: &PersonAtTime,
    today: Date,
) -> EvaluationGroup {
    let mut items = Vec::new();
    let year = today.year();
    for (slot, y) in [year - 2, year - 1, year].into_iter().enumerate() {
        let annual = d.annual.get(slot).copied().flatten();
        let mut annual_pair = annual.map(|p| pair_for(rng, p));
        // A head's Hasil Kerja is the unit's result; their Perilaku stays their own.
        if let (Some((h, p)), Some(Some(unit))) = (annual_pair.as_mut(), d.head_hasil.get(slot)) {
            *h = *unit;
            if *unit == Rating::DiAtas {
                *p = Rating::DiAtas;
            }
        }
        for q in 1..=4u8 {
            let Some(period) = Period::new(y, PeriodKind::Triwulan(q)) else {
                continue;
            };
            // Only quarters that are over.
            let end_month = q as i8 * 3;
            let over = (y, end_month) < (today.year(), today.month());
            if !over {
                continue;
            }
            let (h, p) = match annual_pair {
                Some((h, p)) => (near(rng, h), near(rng, p)),
                None => (latent_rating(rng, d.latent), latent_rating(rng, d.latent)),
            };
            items.push(evaluation(rng, period, h, p, penilai));
        }
        if let Some((h, p)) = annual_pair {
            items.push(evaluation(rng, Period::annual(y), h, p, penilai));
        }
    }
    // Nobody is evaluated for a time before their appointment (DOMAIN.md), and the store,
    // the forms and import refuse it: the demo drops those periods, after drawing its
    // random numbers, so everyone else's data stays as it was.
    items.retain(|e| !e.period.before_appointment(&d.staff.nip));
    items.sort_by_key(|e| e.period.sort_key());
    for (i, e) in items.iter_mut().enumerate() {
        e.id = i as u32 + 1;
    }
    EvaluationGroup {
        next_id: items.len() as u32 + 1,
        items,
    }
}
