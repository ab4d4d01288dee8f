//! The demo's SKPs: a plan for last year and this year per person, cascaded from the unit
//! head (whose RHK cite the unit's Perjanjian Kinerja) to the staff (whose RHK cite the
//! head's), with realisations for the quarters already evaluated that agree with most of
//! the quarter's Hasil Kerja rating and, now and then, contradict it, so the evaluation
//! form's warning shows (DOMAIN.md, The SKP cycle). Evidence and feedback on some.

use super::plan::Draft;
use super::rng::Rng;
use super::skp_text::{self as text, Ind, RhkTpl};
use crate::domain::{
    Amount, Bukti, Evaluation, Indikator, Intervensi, JenisRhk, Lampiran, Nilai, Pendekatan,
    Period, PeriodKind, PersonAtTime, Rating, Rhk, Skp, SkpStatus, UmpanBalik, Unit, UnitKind,
};
use crate::store::SkpGroup;
use jiff::ToSpan;
use jiff::civil::Date;

/// The ids of a person's SKP of last year and of this year: fixed, so a staff member's
/// RHK can name their head's before the head's record is written.
pub(super) const SKP_IDS: [u32; 2] = [1, 2];

/// A unit head's RHK as their stored SKP of one year has them: NIP digits, and per RHK its
/// id and text.
#[derive(Clone, Debug)]
pub(super) struct HeadRhk {
    pub(super) nip: String,
    pub(super) rhk: Vec<(u32, String)>,
}

/// Who an SKP names: the pegawai, the pejabat penilai and the atasan, as they are now.
pub(super) struct SkpPeople<'a> {
    pub(super) pegawai: &'a PersonAtTime,
    pub(super) penilai: &'a PersonAtTime,
    pub(super) atasan: &'a PersonAtTime,
}

/// Where one person's plan comes from.
pub(super) struct Cascade<'a> {
    pub(super) unit: &'a Unit,
    pub(super) kind: UnitKind,
    /// The person heads the unit: their RHK cite its Perjanjian Kinerja.
    pub(super) is_head: bool,
    /// The head's RHK per year (last year, this year) when the unit has a head.
    pub(super) head: [Option<&'a HeadRhk>; 2],
}

/// A head's RHK for `year`, numbered as the head's SKP numbers them (ids 0 before).
pub(super) fn head_rhk(unit: &Unit, kind: UnitKind, year: i16) -> Vec<Rhk> {
    let pk = text::perjanjian_kinerja(kind);
    let mut out: Vec<Rhk> = text::head_plan(kind)
        .iter()
        .map(|t| {
            let cite = format!(
                "Perjanjian Kinerja {} {year}: {}",
                unit.name,
                pk[t.cites.min(pk.len() - 1)]
            );
            rhk_from(
                t,
                &unit.name,
                Intervensi::PerjanjianKinerja(cite),
                JenisRhk::Utama,
                1.0,
            )
        })
        .collect();
    let mut numbered = Skp::new_year(year, PersonAtTime::default(), PersonAtTime::default());
    numbered.rhk = std::mem::take(&mut out);
    numbered.number();
    numbered.rhk
}

/// The head's RHK ids and texts for linking, from [`head_rhk`].
pub(super) fn head_links(nip: &str, rhk: &[Rhk]) -> HeadRhk {
    HeadRhk {
        nip: nip.to_string(),
        rhk: rhk.iter().map(|r| (r.id, r.teks.clone())).collect(),
    }
}

fn rhk_from(t: &RhkTpl, unit: &str, intervensi: Intervensi, jenis: JenisRhk, scale: f64) -> Rhk {
    let mut r = Rhk::new(jenis, &t.teks.replace("{unit}", unit), intervensi);
    r.indikator = t.ind.iter().map(|i| indikator(i, scale)).collect();
    r
}

fn indikator(i: &Ind, scale: f64) -> Indikator {
    let target = if i.target == 0 {
        Nilai::Teks(i.satuan.to_string())
    } else {
        // Rates and scores are the same for everyone; counts follow the person's load.
        let whole = if matches!(i.satuan, "%" | "nilai" | "hari") {
            i.target
        } else {
            ((f64::from(i.target) * scale).round() as u32).max(1)
        };
        Nilai::Angka {
            nilai: Amount(u64::from(whole) * 100),
            satuan: i.satuan.to_string(),
        }
    };
    Indikator {
        id: 0,
        aspek: i.aspek,
        teks: i.teks.to_string(),
        target,
        realisasi: Vec::new(),
    }
}

/// How a realisation stands against its target.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Against {
    Above,
    At,
    Below,
}

/// A realisation of `target` that stands `against` it as asked: rounded to whole units
/// (halves under 10), percentages at most 100, and always on the asked side after
/// rounding.
fn realise(rng: &mut Rng, ind: &Indikator, against: Against) -> Option<Nilai> {
    let Nilai::Angka { nilai, satuan } = &ind.target else {
        let i = match against {
            Against::Above => 0,
            Against::At => 1,
            Against::Below => 2,
        };
        return Some(Nilai::Teks(text::REALISASI_TEKS[i].to_string()));
    };
    let t = nilai.0 as f64;
    let step: u64 = if nilai.0 >= 1000 { 100 } else { 50 };
    let ratio = match against {
        Against::Above => 1.03 + rng.unit() * 0.22,
        Against::At => 1.0,
        Against::Below => 0.70 + rng.unit() * 0.25,
    };
    let lower = ind.aspek.lower_is_better();
    let raw = if lower { t / ratio } else { t * ratio };
    let mut r = ((raw / step as f64).round() as u64) * step;
    let t = nilai.0;
    let better = |r: u64| if lower { r < t } else { r > t };
    let worse = |r: u64| if lower { r > t } else { r < t };
    r = match against {
        Against::At => t,
        Against::Above if !better(r) => {
            if lower {
                t.saturating_sub(step)
            } else {
                t + step
            }
        }
        Against::Below if !worse(r) => {
            if lower {
                t + step
            } else {
                t.saturating_sub(step)
            }
        }
        _ => r,
    };
    if satuan == "%" {
        r = r.min(10_000);
    }
    Some(Nilai::Angka {
        nilai: Amount(r.max(step.min(t))),
        satuan: satuan.clone(),
    })
}

/// How each indicator of a quarter rated `rating` stands: mostly on the rating's side, at
/// least one clearly so; with `contradict`, every one against it (the warning's case).
fn sides(rng: &mut Rng, rating: Rating, n: usize, contradict: bool) -> Vec<Against> {
    let mut out: Vec<Against> = (0..n)
        .map(|_| {
            let x = rng.unit();
            match (rating, contradict) {
                (Rating::DiAtas, true) => Against::Below,
                (Rating::DiBawah, true) if x < 0.5 => Against::Above,
                (Rating::DiBawah, true) => Against::At,
                (Rating::DiAtas, _) if x < 0.7 => Against::Above,
                (Rating::DiAtas, _) => Against::At,
                (Rating::DiBawah, _) if x < 0.75 => Against::Below,
                (Rating::DiBawah, _) => Against::At,
                (Rating::Sesuai, _) if x < 0.55 => Against::At,
                (Rating::Sesuai, _) if x < 0.75 => Against::Above,
                (Rating::Sesuai, _) => Against::Below,
            }
        })
        .collect();
    if !contradict && n > 0 {
        let k = rng.below(n as u64) as usize;
        match rating {
            Rating::DiAtas => out[k] = Against::Above,
            Rating::DiBawah => out[k] = Against::Below,
            Rating::Sesuai => {}
        }
    }
    out
}

/// A person's SKPs of last year and this year (none for a year before their appointment;
/// a part-year one from the month of an appointment in that year), with realisations for
/// the quarters `evaluations` rate.
pub(super) fn skp_for(
    rng: &mut Rng,
    d: &Draft,
    cascade: &Cascade,
    people: &SkpPeople,
    evaluations: &[Evaluation],
    today: Date,
) -> SkpGroup {
    let mut group = SkpGroup {
        next_id: SKP_IDS[1] + 1,
        items: Vec::new(),
    };
    let (appointed_year, appointed_month) = d.staff.nip.appointed();
    let role = d.staff.jabatan.nama.as_str();
    let kualitatif = !cascade.is_head && role == "Analis Kebijakan";
    for (slot, year) in [today.year() - 1, today.year()].into_iter().enumerate() {
        // Drawn for every slot, so a skipped year leaves the rest as it was.
        let scale = *rng.pick(&[0.8, 0.9, 1.0, 1.0, 1.1, 1.2]);
        let with_tambahan = rng.chance(0.3);
        let with_ekspektasi = rng.chance(0.4);
        let set_day = rng.range(2, 14) as i8;
        let draft = slot == 1 && rng.chance(0.03);
        if year < appointed_year {
            continue;
        }
        let first_month = if year == appointed_year {
            appointed_month
        } else {
            1
        };
        let (Ok(mulai), Ok(selesai)) = (Date::new(year, first_month, 1), Date::new(year, 12, 31))
        else {
            continue;
        };
        let mut skp = Skp::new_year(year, people.pegawai.clone(), people.penilai.clone());
        skp.id = SKP_IDS[slot];
        skp.mulai = mulai;
        skp.selesai = selesai;
        skp.atasan = Some(people.atasan.clone());
        skp.pendekatan = if kualitatif {
            Pendekatan::Kualitatif
        } else {
            Pendekatan::Kuantitatif
        };
        skp.status = if draft {
            SkpStatus::Draft
        } else {
            SkpStatus::Ditetapkan(Date::new(year, first_month, set_day).unwrap_or(mulai))
        };
        skp.rhk = if cascade.is_head {
            head_rhk(cascade.unit, cascade.kind, year)
        } else {
            let plan = text::position_plan(role).unwrap_or(text::GENERIC_PLAN);
            let mut list: Vec<Rhk> = plan
                .iter()
                .map(|t| {
                    let cite = cited(cascade, slot, t.cites);
                    rhk_from(t, &cascade.unit.name, cite, JenisRhk::Utama, scale)
                })
                .collect();
            if with_tambahan {
                let t = text::tambahan(cascade.kind);
                let cite = cited(cascade, slot, t.cites);
                list.push(rhk_from(
                    t,
                    &cascade.unit.name,
                    cite,
                    JenisRhk::Tambahan,
                    scale,
                ));
            }
            list
        };
        if with_ekspektasi {
            for (e, ways) in skp.ekspektasi.iter_mut().zip(text::EKSPEKTASI) {
                *e = rng.pick(&ways).to_string();
            }
        }
        skp.lampiran = Lampiran {
            sumber_daya: lines(text::sumber_daya(cascade.kind)),
            skema_pertanggungjawaban: lines(text::SKEMA),
            konsekuensi: lines(text::KONSEKUENSI),
        };
        // The plan's ids first, so they match what a staff member's link names (a head's
        // come numbered); evidence and feedback are numbered after.
        skp.next_id = skp
            .rhk
            .iter()
            .flat_map(|r| std::iter::once(r.id).chain(r.indikator.iter().map(|i| i.id)))
            .max()
            .unwrap_or(0);
        skp.number();
        if !draft {
            record_quarters(rng, &mut skp, evaluations, people.penilai, today);
            skp.number();
        }
        skp.revision = 1;
        group.items.push(skp);
    }
    group
}

fn lines(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// What a staff RHK cites: the head's RHK (linked) when the unit has a head with a plan
/// that year, else the unit's Perjanjian Kinerja goal as text.
fn cited(cascade: &Cascade, slot: usize, which: usize) -> Intervensi {
    match cascade.head[slot].and_then(|h| {
        let (id, teks) = h.rhk.get(which).or(h.rhk.first())?;
        Some((h, *id, teks))
    }) {
        Some((h, id, teks)) => Intervensi::Atasan {
            link: Some((h.nip.clone(), SKP_IDS[slot], id)),
            teks: teks.clone(),
        },
        None => {
            let pk = text::perjanjian_kinerja(cascade.kind);
            Intervensi::Atasan {
                link: None,
                teks: pk[which.min(pk.len() - 1)].to_string(),
            }
        }
    }
}

/// Realisations, evidence and feedback for each quarter of the SKP's year that has an
/// evaluation and has ended.
fn record_quarters(
    rng: &mut Rng,
    skp: &mut Skp,
    evaluations: &[Evaluation],
    penilai: &PersonAtTime,
    today: Date,
) {
    for q in 1..=4u8 {
        let Some(period) = Period::new(skp.year(), PeriodKind::Triwulan(q)) else {
            continue;
        };
        let Some(e) = evaluations.iter().find(|e| e.period == period) else {
            continue;
        };
        if !skp.covers(period) || period.end() >= today {
            continue;
        }
        let rating = e.hasil_kerja;
        let contradict = rating != Rating::Sesuai && rng.chance(0.05);
        let n = skp.indicators().count();
        let against = sides(rng, rating, n, contradict);
        let mut k = 0;
        for r in &mut skp.rhk {
            for ind in &mut r.indikator {
                let side = against.get(k).copied().unwrap_or(Against::At);
                k += 1;
                // Now and then one is not entered: the form says so.
                if rng.chance(0.01) {
                    continue;
                }
                let value = realise(rng, ind, side);
                let catatan = if side == Against::Below && rng.chance(0.3) {
                    "Terkendala tenaga yang terbatas pada triwulan ini"
                } else {
                    ""
                };
                ind.set_realisasi(period, value, catatan);
            }
        }
        let end = period.end();
        for r in &mut skp.rhk {
            if rng.chance(0.3) {
                let first = r.indikator.first().map(|i| i.id);
                let back = rng.range(0, 10);
                let uraian = format!("{} (TW {q})", rng.pick(text::BUKTI));
                r.bukti.push(Bukti {
                    id: 0,
                    indikator: if rng.chance(0.5) { first } else { None },
                    tanggal: end.checked_sub(back.days()).unwrap_or(end).min(today),
                    uraian,
                    lokasi: rng.pick(text::LOKASI).to_string(),
                });
            }
        }
        if rng.chance(0.25) && !skp.rhk.is_empty() {
            let which = rng.below(skp.rhk.len() as u64) as usize;
            let after = rng.range(1, 10);
            let teks = text::UMPAN_BALIK[match rating {
                Rating::DiAtas => 0,
                Rating::Sesuai => 1,
                Rating::DiBawah => 2,
            }];
            skp.rhk[which].umpan_balik.push(UmpanBalik {
                id: 0,
                indikator: None,
                tanggal: end.checked_add(after.days()).unwrap_or(end).min(today),
                dari: penilai.nama.clone(),
                teks: teks.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Aspek;
    use crate::domain::skp::met;

    fn ind(aspek: Aspek, target: &str) -> Indikator {
        Indikator {
            id: 1,
            aspek,
            teks: "x".into(),
            target: Nilai::parse(target).expect("target"),
            realisasi: Vec::new(),
        }
    }

    #[test]
    fn a_realisation_lands_on_the_asked_side_of_its_target() {
        let mut rng = Rng::new(3);
        for (aspek, target) in [
            (Aspek::Kuantitas, "4 kegiatan/bulan"),
            (Aspek::Kuantitas, "95 %"),
            (Aspek::Waktu, "1 hari"),
            (Aspek::Biaya, "45 juta rupiah/triwulan"),
            (Aspek::Kualitas, "300 pasien/bulan"),
        ] {
            let i = ind(aspek, target);
            for _ in 0..50 {
                let above = realise(&mut rng, &i, Against::Above).expect("value");
                let at = realise(&mut rng, &i, Against::At).expect("value");
                let below = realise(&mut rng, &i, Against::Below).expect("value");
                assert_eq!(
                    met(aspek, &i.target, &above),
                    Some(true),
                    "{target} {above}"
                );
                assert_ne!(above, i.target, "{target}");
                assert_eq!(at, i.target);
                assert_eq!(
                    met(aspek, &i.target, &below),
                    Some(false),
                    "{target} {below}"
                );
                assert!(below.amount().is_some_and(|a| a.0 > 0), "{below}");
                if target.ends_with('%') {
                    assert!(above.amount().is_some_and(|a| a.0 <= 10_000));
                }
            }
        }
    }

    #[test]
    fn a_rating_above_or_below_has_one_indicator_clearly_on_its_side() {
        let mut rng = Rng::new(5);
        for _ in 0..100 {
            assert!(sides(&mut rng, Rating::DiAtas, 3, false).contains(&Against::Above));
            assert!(sides(&mut rng, Rating::DiBawah, 3, false).contains(&Against::Below));
            assert!(
                sides(&mut rng, Rating::DiAtas, 3, true)
                    .iter()
                    .all(|s| *s == Against::Below)
            );
            assert!(!sides(&mut rng, Rating::DiBawah, 3, true).contains(&Against::Below));
        }
    }
}
