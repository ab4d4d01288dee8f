//! The demo's coaching records (pembinaan kinerja) for people rated poorly.

use super::rng::Rng;
use crate::domain::{PersonAtTime, Predikat};
use crate::store::EvaluationGroup;
use jiff::civil::Date;

const COACHING_PROBLEMS: &[(&str, &str, &str)] = &[
    (
        "Target laporan bulanan tidak tercapai dan sering terlambat.",
        "Laporan diserahkan paling lambat tanggal 5; diperiksa bersama atasan setiap pekan.",
        "Laporan tiga bulan terakhir tepat waktu.",
    ),
    (
        "Kehadiran dan ketepatan waktu di bawah ketentuan.",
        "Hadir tepat waktu; izin diajukan tertulis sebelumnya.",
        "Kehadiran sesuai ketentuan sejak bulan lalu.",
    ),
    (
        "Pelayanan kepada masyarakat dikeluhkan (waktu tunggu lama).",
        "Ikut Bimtek pelayanan publik; antrean dicatat dan dilaporkan harian.",
        "Keluhan berkurang; waktu tunggu rata-rata turun.",
    ),
];

/// Coaching records (pembinaan kinerja) for someone whose latest evaluation asks for it
/// (Butuh Perbaikan or worse), drawn from the demo's coaching stream: about a quarter each
/// missing (none since that evaluation), open (follow-up still ahead), overdue (follow-up
/// passed, not closed) and closed, so every status shows.
pub(super) fn coaching_for(
    rng: &mut Rng,
    evaluations: &EvaluationGroup,
    giver: &PersonAtTime,
    today: Date,
) -> crate::store::CoachingGroup {
    use crate::domain::{Coaching, CoachingKind};
    let mut group = crate::store::CoachingGroup::default();
    let Some(last) = evaluations.items.iter().max_by_key(|e| e.period.sort_key()) else {
        return group;
    };
    if !last.predikat().needs_coaching() {
        return group;
    }
    let which = rng.below(4);
    let ago = rng.range(20, 80);
    let (problem, steps, outcome) = *rng.pick(COACHING_PROBLEMS);
    let konseling = last.predikat() == Predikat::SangatKurang || rng.chance(0.2);
    if which == 0 {
        return group;
    }
    let days = |n: i64| jiff::Span::new().days(n);
    // On or after the start of the flagging period, and before today.
    let tanggal = today
        .checked_sub(days(ago))
        .unwrap_or(today)
        .max(last.period.start())
        .min(today);
    let (tindak_lanjut, selesai, hasil) = match which {
        // Open: the follow-up is still ahead.
        1 => (
            today.checked_add(days(ago / 2 + 7)).unwrap_or(today),
            None,
            "",
        ),
        // Overdue: the follow-up passed yesterday or earlier, not closed.
        2 => {
            let f = today.checked_sub(days((ago / 3).max(1))).unwrap_or(today);
            (f.max(tanggal), None, "")
        }
        // Closed with an outcome.
        _ => {
            let f = tanggal.checked_add(days(14)).unwrap_or(tanggal).min(today);
            (f, Some(f), outcome)
        }
    };
    group.items.push(Coaching {
        id: 1,
        tanggal,
        jenis: if konseling {
            CoachingKind::Konseling
        } else {
            CoachingKind::Bimbingan
        },
        pemberi: giver.clone(),
        masalah: problem.to_string(),
        langkah: steps.to_string(),
        tindak_lanjut,
        selesai,
        hasil: hasil.to_string(),
        rhk: None,
        revision: 1,
    });
    group.next_id = 2;
    group
}
