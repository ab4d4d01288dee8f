//! The demo's evaluations as received and objected to: every evaluation names the pegawai
//! as they are, last year's annual has the date the employee received it, and a few of
//! those are objected to (PP 30/2019 Pasal 59), in every state an objection can be in.
//!
//! No rating the demo drew changes: an objection that is kept or still open objects to the
//! drawn ratings, and one the atasan changed objected to a worse original and was changed
//! to the drawn ratings. The distribution, the 9-box and coaching stay as they were.

use super::rng::Rng;
use crate::domain::{
    Evaluation, HasilKeputusan, Keberatan, Keputusan, Period, PersonAtTime, Predikat, Rating,
};
use jiff::ToSpan;
use jiff::civil::Date;

/// Where an objection the demo files ends up.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Step {
    Diajukan,
    Dijelaskan,
    Tetap,
    /// Filed after the 14 days, explained, not decided yet.
    Late,
    Diubah,
}

/// Every which poorly rated person objects, and every which person rated Baik (who
/// objected to a worse original and won).
const POOR_EVERY: usize = 6;
const CHANGED_EVERY: usize = 40;

const ALASAN: &[&str] = &[
    "Target triwulan IV tidak tercapai karena saya ditugaskan membantu kegiatan di luar unit.",
    "Bukti dukung yang sudah saya serahkan tidak dipertimbangkan dalam penilaian.",
    "Saya cuti melahirkan tiga bulan, tetapi target tidak disesuaikan.",
];

const PENJELASAN: &[&str] = &[
    "Target disepakati di awal tahun; realisasi triwulan III dan IV di bawah target.",
    "Bukti dukung diterima setelah penilaian; keputusan diserahkan kepada atasan.",
];

/// The demo's objections, one person at a time, from a stream of their own.
pub(super) struct Objections {
    rng: Rng,
    poor: usize,
    fine: usize,
}

impl Objections {
    pub(super) fn new(seed: u64) -> Objections {
        Objections {
            rng: Rng::new(seed),
            poor: 0,
            fine: 0,
        }
    }

    /// Fills `pegawai` on every evaluation, the date received on last year's annual, and
    /// on some of those an objection decided (if at all) by `atasan`. `is_head`: a head's
    /// result is the unit's, which nobody objects to here.
    pub(super) fn apply(
        &mut self,
        items: &mut [Evaluation],
        pegawai: &PersonAtTime,
        atasan: &PersonAtTime,
        is_head: bool,
        today: Date,
    ) {
        for e in items.iter_mut() {
            e.pegawai = Some(pegawai.clone());
        }
        let rng = &mut self.rng;
        let received_day = rng.range(5, 20) as i8;
        let filed_after = rng.range(2, 12);
        let late_after = rng.range(16, 25);
        let explained_after = rng.range(3, 7);
        let decided_after = rng.range(5, 14);
        let alasan = *rng.pick(ALASAN);
        let penjelasan = *rng.pick(PENJELASAN);
        let last_year = Period::annual(today.year() - 1);
        let Some(e) = items.iter_mut().find(|e| e.period == last_year) else {
            return;
        };
        let received = Date::new(today.year(), 1, received_day)
            .unwrap_or(today)
            .min(today);
        e.diterima = Some(received);
        if is_head {
            return;
        }
        let step = if e.predikat().needs_coaching() {
            self.poor += 1;
            (self.poor % POOR_EVERY == 1).then(|| {
                [Step::Diajukan, Step::Dijelaskan, Step::Tetap, Step::Late]
                    [(self.poor / POOR_EVERY) % 4]
            })
        } else if e.predikat() == Predikat::Baik && e.hasil_kerja == Rating::Sesuai {
            self.fine += 1;
            (self.fine % CHANGED_EVERY == 7).then_some(Step::Diubah)
        } else {
            None
        };
        let Some(step) = step else {
            return;
        };
        let after = |d: Date, days: i64| d.checked_add(days.days()).unwrap_or(d).min(today);
        let filed = after(
            received,
            if step == Step::Late {
                late_after
            } else {
                filed_after
            },
        );
        let mut k = Keberatan::file(e, filed, alasan);
        if step == Step::Diubah {
            // The original was worse; the atasan changed it to what the demo drew.
            k.asal_hasil_kerja = Rating::DiBawah;
        }
        if step != Step::Diajukan {
            let explained = after(filed, explained_after);
            k.penjelasan = penjelasan.to_string();
            k.penjelasan_tanggal = Some(explained);
            let hasil = match step {
                Step::Tetap => Some(HasilKeputusan::Tetap),
                Step::Diubah => Some(HasilKeputusan::Diubah {
                    hasil_kerja: e.hasil_kerja,
                    perilaku: e.perilaku,
                }),
                _ => None,
            };
            k.keputusan = hasil.map(|hasil| Keputusan {
                tanggal: after(explained, decided_after),
                oleh: atasan.clone(),
                hasil,
                catatan: match hasil {
                    HasilKeputusan::Tetap => {
                        "Hasil penilaian tetap; pegawai dibina melalui bimbingan kinerja."
                    }
                    HasilKeputusan::Diubah { .. } => {
                        "Tugas di luar unit diperhitungkan; rating hasil kerja diubah."
                    }
                }
                .to_string(),
            });
        }
        e.atasan_penilai = Some(atasan.clone());
        *e = e.clone().with_keberatan(k);
    }
}
