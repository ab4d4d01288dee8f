//! Tests of the demo's SKP cycle: plans cascaded from the unit heads, realisations that
//! mostly agree with the ratings, and objections in every state.

use super::plan::{DemoPerson, generate};
use crate::domain::skp::{HasilKerjaWarning, hasil_kerja_warnings, met, readings};
use crate::domain::{
    Intervensi, KeberatanStatus, KeberatanWarning, Period, PeriodKind, Rating, SkpStatus, UnitKind,
};
use jiff::civil::{Date, date};
use std::collections::HashMap;

const TODAY: Date = date(2026, 11, 28);

fn people(seed: u64, n: usize) -> (Vec<crate::domain::Unit>, Vec<DemoPerson>) {
    let mut d = generate(seed, n, TODAY);
    let units = d.units.clone();
    (units, std::iter::from_fn(|| d.next_person()).collect())
}

#[test]
fn everyone_has_a_valid_plan_for_last_year_and_this_year() {
    let (_, all) = people(1, 300);
    let mut part_year = 0;
    let mut drafts = 0;
    for p in &all {
        let nip = p.staff.nip.as_str();
        let years: Vec<i16> = p.skp.items.iter().map(|s| s.year()).collect();
        assert_eq!(years, [2025, 2026], "{nip}");
        for s in &p.skp.items {
            assert_eq!(s.validate(nip), Ok(()), "{nip} {}", s.year());
            assert!(s.id < p.skp.next_id);
            // As `check` wants them: inner ids unique, none above the counter.
            let mut ids = std::collections::HashSet::new();
            for r in &s.rhk {
                let inner = std::iter::once(r.id)
                    .chain(r.indikator.iter().map(|i| i.id))
                    .chain(r.bukti.iter().map(|b| b.id))
                    .chain(r.umpan_balik.iter().map(|u| u.id));
                for id in inner {
                    assert!(
                        ids.insert(id) && id > 0 && id <= s.next_id,
                        "{nip}: id {id}"
                    );
                }
            }
            assert!((1..=5).contains(&s.rhk.len()), "{nip}: {} RHK", s.rhk.len());
            for r in &s.rhk {
                assert!((1..=3).contains(&r.indikator.len()), "{nip}");
            }
            assert_eq!(s.pegawai.nip.as_ref(), Some(&p.staff.nip));
            assert!(!s.pegawai.jabatan.is_empty() && !s.pegawai.unit.is_empty());
            part_year += usize::from(!s.whole_year());
            drafts += usize::from(s.status == SkpStatus::Draft);
            // Realisations only for quarters that have ended, inside the plan's span.
            for (_, i) in s.indicators() {
                for x in &i.realisasi {
                    assert!(x.period.end() < TODAY, "{nip} {}", x.period);
                    assert!(s.covers(x.period));
                    assert!(matches!(x.period.kind, PeriodKind::Triwulan(_)));
                }
            }
        }
    }
    assert!(
        part_year > 0,
        "someone appointed last year has a part-year SKP"
    );
    assert!(drafts > 0, "a few of this year's plans are still drafts");
}

/// DOMAIN.md, The SKP cycle: "the plan cascades from the unit head down"; "a JPT or unit
/// head takes theirs from the unit's Perjanjian Kinerja".
#[test]
fn heads_cite_the_perjanjian_kinerja_and_staff_cite_their_heads_rhk() {
    let (units, all) = people(1, 300);
    let by_nip: HashMap<&str, &DemoPerson> =
        all.iter().map(|p| (p.staff.nip.as_str(), p)).collect();
    let mut linked = 0;
    for unit in &units {
        // A pustu's staff cite their puskesmas's head (issue 21).
        let lead = match unit
            .parent
            .as_ref()
            .filter(|_| super::tests::is_pustu(unit))
        {
            Some(parent) => units.iter().find(|u| &u.id == parent).unwrap_or(unit),
            None => unit,
        };
        let head = lead.head.as_ref().expect("every demo unit names a head");
        for p in all.iter().filter(|p| p.staff.unit_id == unit.id) {
            for s in &p.skp.items {
                for r in &s.rhk {
                    if p.staff.nip == *head {
                        let Intervensi::PerjanjianKinerja(pk) = &r.intervensi else {
                            panic!("head {head} RHK {:?}", r.intervensi);
                        };
                        assert!(pk.starts_with("Perjanjian Kinerja "), "{pk}");
                        assert!(pk.contains(&lead.name), "{pk}");
                        continue;
                    }
                    let Intervensi::Atasan {
                        link: Some((nip, skp_id, rhk_id)),
                        teks,
                    } = &r.intervensi
                    else {
                        panic!("{} RHK {:?}", p.staff.nip, r.intervensi);
                    };
                    assert_eq!(nip, head.as_str());
                    let plan = by_nip[nip.as_str()]
                        .skp
                        .items
                        .iter()
                        .find(|h| h.id == *skp_id)
                        .expect("the head's SKP");
                    assert_eq!(plan.year(), s.year(), "cites the same year's plan");
                    let cited = plan
                        .rhk
                        .iter()
                        .find(|h| h.id == *rhk_id)
                        .expect("the head's RHK");
                    assert_eq!(&cited.teks, teks);
                    linked += 1;
                }
            }
        }
    }
    assert!(linked > 500, "{linked} linked RHK");
}

#[test]
fn plans_read_as_their_kind_of_unit() {
    let (units, all) = people(1, 300);
    let kind_of: HashMap<&str, UnitKind> = units.iter().map(|u| (u.id.as_str(), u.kind)).collect();
    let heads: Vec<_> = units.iter().filter_map(|u| u.head.clone()).collect();
    for p in all.iter().filter(|p| !heads.contains(&p.staff.nip)) {
        let text: String = p.skp.items[0]
            .rhk
            .iter()
            .map(|r| r.teks.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        match (
            kind_of[p.staff.unit_id.as_str()],
            p.staff.jabatan.nama.as_str(),
        ) {
            (_, "Guru") => assert!(text.contains("pembelajaran"), "{text}"),
            (_, "Bidan") => assert!(text.contains("ibu hamil"), "{text}"),
            (UnitKind::Kesehatan, _) => assert!(!text.contains("Dapodik"), "{text}"),
            _ => {}
        }
    }
}

/// Most quarters rated above have most indicators over target and most rated below have
/// most under it; a few contradict the rating, so the form's warning shows.
#[test]
fn realisations_mostly_agree_with_the_quarter_ratings() {
    let (_, all) = people(1, 300);
    let (mut agree, mut judged) = (0, 0);
    let (mut above_all_below, mut below_all_met, mut missing) = (0, 0, 0);
    for p in &all {
        for e in &p.evaluations.items {
            if !matches!(e.period.kind, PeriodKind::Triwulan(_)) {
                continue;
            }
            let Some(s) = crate::domain::skp::skp_for(&p.skp.items, e.period) else {
                continue;
            };
            let rows = readings(s, e.period);
            let met_count = rows.iter().filter(|r| r.met == Some(true)).count();
            let unmet = rows.iter().filter(|r| r.met == Some(false)).count();
            if met_count + unmet > 0 && e.hasil_kerja != Rating::Sesuai {
                judged += 1;
                let ok = match e.hasil_kerja {
                    Rating::DiAtas => met_count >= unmet,
                    _ => unmet >= met_count,
                };
                agree += usize::from(ok);
            }
            for w in hasil_kerja_warnings(s, e.period, e.hasil_kerja) {
                match w {
                    HasilKerjaWarning::AboveButAllBelow => above_all_below += 1,
                    HasilKerjaWarning::BelowButAllMet => below_all_met += 1,
                    HasilKerjaWarning::NoRealisation(_) => missing += 1,
                }
            }
        }
    }
    assert!(judged > 100, "{judged}");
    assert!(agree * 100 >= judged * 90, "{agree} of {judged} agree");
    assert!(agree < judged, "a few contradict");
    assert!(
        above_all_below > 0 && below_all_met > 0,
        "{above_all_below} {below_all_met}"
    );
    assert!(missing > 0, "a few indicators were not realised");
    assert!(above_all_below + below_all_met < judged / 10);
}

#[test]
fn some_evidence_and_feedback_is_recorded_against_ended_quarters() {
    let (_, all) = people(1, 300);
    let bukti: usize = all
        .iter()
        .flat_map(|p| &p.skp.items)
        .flat_map(|s| &s.rhk)
        .map(|r| r.bukti.len())
        .sum();
    let feedback: Vec<_> = all
        .iter()
        .flat_map(|p| &p.skp.items)
        .flat_map(|s| s.rhk.iter().flat_map(|r| &r.umpan_balik))
        .collect();
    assert!(bukti > 300, "{bukti}");
    assert!(feedback.len() > 100, "{}", feedback.len());
    assert!(
        feedback
            .iter()
            .all(|u| u.tanggal <= TODAY && !u.dari.is_empty())
    );
}

/// PP 30/2019 Pasal 59 in the demo: last year's annual is received in January; a few are
/// objected to, in each state, one of them late; every one is valid.
#[test]
fn objections_come_in_every_state_and_keep_the_drawn_ratings() {
    let (_, all) = people(1, 300);
    let last_year = Period::annual(2025);
    let mut states: HashMap<&str, usize> = HashMap::new();
    let mut late = 0;
    for p in &all {
        let nip = p.staff.nip.as_str();
        for e in &p.evaluations.items {
            assert_eq!(
                e.pegawai.as_ref().and_then(|x| x.nip.as_ref()),
                Some(&p.staff.nip)
            );
            if e.period != last_year {
                assert!(e.diterima.is_none() && e.keberatan.is_none());
                continue;
            }
            let received = e.diterima.expect("last year's annual was received");
            assert_eq!((received.year(), received.month()), (2026, 1));
            let Some(k) = &e.keberatan else { continue };
            let warnings = k.validate(e, nip).expect("a valid objection");
            late += usize::from(
                warnings
                    .iter()
                    .any(|w| matches!(w, KeberatanWarning::Late(_))),
            );
            assert!(!warnings.contains(&KeberatanWarning::DecidedByEvaluator));
            let state = match (k.status(), k.keputusan.as_ref().map(|d| d.hasil)) {
                (KeberatanStatus::Diajukan, _) => "diajukan",
                (KeberatanStatus::Dijelaskan, _) => "dijelaskan",
                (_, Some(crate::domain::HasilKeputusan::Tetap)) => "tetap",
                _ => "diubah",
            };
            *states.entry(state).or_default() += 1;
            // The decided (or objected) result is the one the demo drew.
            let (h, pr) = match k.keputusan.as_ref().map(|d| d.hasil) {
                Some(crate::domain::HasilKeputusan::Diubah {
                    hasil_kerja,
                    perilaku,
                }) => {
                    assert!(
                        k.asal_predikat() != e.predikat(),
                        "changed to something else"
                    );
                    (hasil_kerja, perilaku)
                }
                _ => (k.asal_hasil_kerja, k.asal_perilaku),
            };
            assert_eq!((e.hasil_kerja, e.perilaku), (h, pr));
            assert!(e.atasan_penilai.is_some());
        }
    }
    for s in ["diajukan", "dijelaskan", "tetap", "diubah"] {
        assert!(states.get(s).copied().unwrap_or(0) >= 1, "{s}: {states:?}");
    }
    assert!(late >= 1, "one filed late");
    assert!(states.values().sum::<usize>() <= 30, "a few: {states:?}");
}

#[test]
fn the_same_seed_gives_the_same_plans() {
    let plans = |seed| {
        people(seed, 60)
            .1
            .into_iter()
            .map(|p| (p.skp, p.evaluations))
            .collect::<Vec<_>>()
    };
    assert_eq!(plans(4), plans(4));
    assert_ne!(plans(4), plans(5));
}

/// Realised numbers read against their target as the form reads them.
#[test]
fn numeric_realisations_have_the_targets_satuan() {
    let (_, all) = people(2, 100);
    for s in all.iter().flat_map(|p| &p.skp.items) {
        for (_, i) in s.indicators() {
            for x in &i.realisasi {
                if let (
                    crate::domain::Nilai::Angka { satuan: a, .. },
                    crate::domain::Nilai::Angka { satuan: b, .. },
                ) = (&i.target, &x.nilai)
                {
                    assert_eq!(a, b);
                    assert!(met(i.aspek, &i.target, &x.nilai).is_some());
                }
            }
        }
    }
}
