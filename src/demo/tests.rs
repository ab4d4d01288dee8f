//! Tests of the demo: deterministic, plausible people, and the cases the screens rely on.

use super::competencies::competency_catalogue;
use super::pension::near_pension_indices;
use super::plan::{Demo, DemoPerson, generate};
use super::units::RULE_BREAKING_UNIT;
use crate::domain::Pendidikan as P;
use crate::domain::{OrganiserKind, Pendidikan, Period, PeriodKind, Predikat, UnitKind};
use crate::domain::{PredikatCounts, check_distribution};
use jiff::civil::date;
use std::collections::HashSet;

fn people(mut d: Demo) -> Vec<DemoPerson> {
    std::iter::from_fn(|| d.next_person()).collect()
}

#[test]
fn the_same_seed_gives_the_same_people() {
    let a = generate(7, 50, date(2026, 11, 28));
    let b = generate(7, 50, date(2026, 11, 28));
    let c = generate(8, 50, date(2026, 11, 28));
    let nips = |d: Demo| {
        people(d)
            .iter()
            .map(|p| p.staff.nip.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(nips(a), nips(b));
    assert_ne!(nips(generate(7, 50, date(2026, 11, 28))), nips(c));
}

#[test]
fn nips_agree_with_ages_and_ranks_with_education() {
    let today = date(2026, 11, 28);
    let all = people(generate(1, 300, today));
    assert_eq!(all.len(), 300);
    for p in &all {
        let s = &p.staff;
        assert!(s.validate().is_ok(), "{}", s.nip);
        let age = s.nip.age_on(today);
        let bup = i32::from(crate::domain::pension_age(&s.jabatan));
        assert!((20..bup).contains(&age), "age {age}");
        assert!(s.nip.warnings().is_empty(), "{:?}", s.nip.warnings());
        if let Some((y, _)) = s.nip.tmt_cpns() {
            assert!(y < today.year());
            assert!(s.golongan >= s.pendidikan.entry_golongan());
        }
    }
}

/// Issue 21: the demo teaches the regulation. No CPNS appointed past the applicant age
/// limit, no functional jenjang outside its rank range: no staff warning at all, on two
/// seeds and sizes (the planted near-pension people among them).
#[test]
fn no_demo_person_deserves_a_staff_warning() {
    let today = date(2026, 11, 28);
    for (seed, n) in [(1, 300), (7, 2000)] {
        let all = people(generate(seed, n, today));
        let mut functional = 0;
        for p in &all {
            let s = &p.staff;
            assert_eq!(
                crate::domain::staff_warnings(s, today),
                [],
                "{} {}",
                s.nip,
                s.jabatan.title()
            );
            functional += usize::from(s.jabatan.jenis.is_fungsional());
        }
        assert!(functional > n / 3, "{functional} functional of {n}");
    }
}

/// DOMAIN.md, BUP: the planted people retire on the first of the month after their
/// birthday at the pension age, 1, 5 and 9 months after November 2026's.
#[test]
fn a_few_people_retire_within_twelve_months() {
    let today = date(2026, 11, 28);
    let all = people(generate(1, 300, today));
    assert_eq!(near_pension_indices(300), [50, 150, 250]);
    let expected = [date(2027, 1, 1), date(2027, 5, 1), date(2027, 9, 1)];
    for (i, want) in [50, 150, 250].into_iter().zip(expected) {
        let s = &all[i].staff;
        let p = crate::domain::Pension::of(s.nip.birth_date(), &s.jabatan);
        assert_eq!(p.date, want, "{}", s.nip);
        assert!(s.aktif);
        assert!(s.validate().is_ok());
        assert_eq!(
            crate::domain::staff_warnings(s, today),
            [],
            "nobody planted is past the age"
        );
    }
    // Small demos still get one or two.
    assert_eq!(near_pension_indices(1), [0]);
    assert_eq!(near_pension_indices(2), [0, 1]);
    assert!(near_pension_indices(0).is_empty());
}

#[test]
fn demo_education_uses_the_siasn_levels() {
    // DOMAIN.md, "Rank": SIASN's levels, with D-IV a level of its own and Profesi
    // for doctors.
    let all = people(generate(1, 600, date(2026, 11, 28)));
    let has = |level: Pendidikan| all.iter().any(|p| p.staff.pendidikan == level);
    assert!(has(P::D4) && has(P::Profesi) && has(P::Slta) && has(P::D3));
    for p in &all {
        if p.staff.jabatan.nama == "Dokter" {
            assert!(p.staff.pendidikan >= P::Profesi, "{:?}", p.staff.pendidikan);
        }
    }
}

#[test]
fn the_demo_catalogue_is_marked_covers_every_position_and_is_met_by_some() {
    // Issue 13: a plausible catalogue for the demo's positions, marked as demo data.
    let (catalogue, requirements) = competency_catalogue();
    for c in &catalogue {
        assert!(c.name.ends_with("(demo)"), "{}", c.name);
        assert_eq!(c.validate(), Ok(()), "{}", c.name);
    }
    for r in &requirements {
        assert!(catalogue.iter().any(|c| c.id == r.competency), "{r:?}");
    }
    let today = jiff::civil::date(2026, 6, 1);
    let mut demo = generate(7, 400, today);
    let (mut held, mut gaps) = (0, 0);
    while let Some(p) = demo.next_person() {
        let states = crate::domain::competency_states(
            &p.staff.jabatan,
            &p.trainings.items,
            &requirements,
            &catalogue,
            today,
        );
        assert!(!states.is_empty(), "{:?} requires nothing", p.staff.jabatan);
        for (_, s) in states {
            if s.is_gap() {
                gaps += 1;
            } else {
                held += 1;
            }
        }
    }
    assert!(held > 20 && gaps > 20, "held {held}, gaps {gaps}");
}

#[test]
fn positions_fit_their_units() {
    let demo = generate(3, 300, date(2026, 11, 28));
    let units = demo.units.clone();
    for p in &people(demo) {
        let unit = units.iter().find(|u| u.id == p.staff.unit_id).unwrap();
        let j = p.staff.jabatan.nama.as_str();
        if matches!(j, "Dokter" | "Perawat" | "Bidan") {
            assert_eq!(unit.kind, UnitKind::Kesehatan, "{j} in {}", unit.name);
        }
        if j == "Guru" {
            assert_eq!(unit.kind, UnitKind::Pendidikan);
        }
    }
}

/// A pustu of the demo: a health unit under a puskesmas.
pub(super) fn is_pustu(unit: &crate::domain::Unit) -> bool {
    unit.name.starts_with("Pustu") && unit.parent.is_some()
}

/// Issue 21, the demo teaches the regulation: a pustu is part of its puskesmas (no capaian,
/// no head of its own; its staff evaluated by the puskesmas's head); every evaluation names
/// its atasan; PKP only for a Pengawas, at its real size; jabatan pelaksana named after
/// PermenPANRB 45/2022.
#[test]
fn pustu_atasan_pkp_and_pelaksana_names_follow_the_regulation() {
    let today = date(2026, 11, 28);
    let demo = generate(42, 600, today);
    let units = demo.units.clone();
    let all = people(demo);
    let head_of = |id: &str| {
        units
            .iter()
            .find(|u| u.id == id)
            .and_then(|u| u.head.clone())
    };
    let mut pustu_staff = 0;
    for unit in units.iter().filter(|u| is_pustu(u)) {
        assert!(unit.ratings.is_empty(), "{} has no capaian", unit.name);
        assert!(unit.head.is_none(), "{} has no head", unit.name);
        let parent = unit.parent.as_deref().unwrap_or_default();
        let lead = head_of(parent).expect("the puskesmas has a head");
        for p in all.iter().filter(|p| p.staff.unit_id == unit.id) {
            pustu_staff += 1;
            for e in &p.evaluations.items {
                let by = e.penilai.as_ref().and_then(|x| x.nip.as_ref());
                assert_eq!(by, Some(&lead), "{} {:?}", p.staff.nip, e.period);
            }
        }
    }
    assert!(pustu_staff > 20, "{pustu_staff}");
    let (mut pkp, mut pengawas) = (0, 0);
    for p in &all {
        for e in &p.evaluations.items {
            let atasan = e.atasan_penilai.as_ref().expect("atasan named");
            assert!(!atasan.nama.is_empty());
            assert_ne!(
                atasan.nip.as_ref(),
                Some(&p.staff.nip),
                "nobody is their own atasan"
            );
            assert_ne!(e.penilai.as_ref().map(|x| &x.nama), Some(&atasan.nama));
        }
        let is_pengawas = p.staff.jabatan.jenis == crate::domain::JenisJabatan::Pengawas;
        pengawas += usize::from(is_pengawas);
        for t in p
            .trainings
            .items
            .iter()
            .filter(|t| t.jenis == crate::domain::TrainingKind::Pkp)
        {
            assert!(
                is_pengawas,
                "PKP only for a Pengawas: {}",
                p.staff.jabatan.title()
            );
            assert_eq!(t.jp, 830);
            pkp += 1;
        }
        if p.staff.jabatan.jenis == crate::domain::JenisJabatan::Pelaksana {
            assert_eq!(
                crate::domain::jabatan::pelaksana_renamed(&p.staff.jabatan.nama),
                None,
                "an old name: {}",
                p.staff.jabatan.nama
            );
        }
    }
    assert!(
        pkp >= 1 && pkp < pengawas,
        "{pkp} PKP among {pengawas} Pengawas"
    );
    let names: HashSet<&str> = all.iter().map(|p| p.staff.jabatan.nama.as_str()).collect();
    for new in [
        "Pengadministrasi Perkantoran",
        "Operator Layanan Operasional",
        "Pengelola Umum Operasional",
    ] {
        assert!(names.contains(new), "{new}");
    }
}

#[test]
fn exactly_one_unit_breaks_the_distribution_guide_last_year() {
    let today = date(2026, 11, 28);
    let demo = generate(42, 300, today);
    let units = demo.units.clone();
    let all = people(demo);
    let mut broken = Vec::new();
    for unit in &units {
        // A pustu has no capaian of its own (issue 21): nothing to check it against.
        if is_pustu(unit) {
            assert!(
                unit.ratings.is_empty() && unit.head.is_none(),
                "{}",
                unit.name
            );
            continue;
        }
        let mut counts = PredikatCounts::default();
        // The head is not counted in their own unit's distribution (SE MenPANRB 3/2023).
        let head = unit.head.as_ref().expect("every demo unit names a head");
        for p in all
            .iter()
            .filter(|p| p.staff.unit_id == unit.id && p.staff.nip != *head)
        {
            if let Some(e) = p
                .evaluations
                .items
                .iter()
                .find(|e| e.period == Period::annual(2025))
            {
                counts.add(e.predikat());
            }
        }
        let rating = unit.ratings[&2025];
        if !check_distribution(rating, &counts).is_empty() {
            broken.push(unit.name.clone());
        }
    }
    assert_eq!(broken, vec![RULE_BREAKING_UNIT.to_string()]);
}

#[test]
fn every_heads_hasil_kerja_follows_their_units_rating() {
    // DOMAIN.md, "The head of a unit": Istimewa gives Di Atas, Baik gives Sesuai.
    let today = date(2026, 11, 28);
    let demo = generate(42, 300, today);
    let units = demo.units.clone();
    let all = people(demo);
    let mut seen = 0;
    for unit in units.iter().filter(|u| !is_pustu(u)) {
        let head = unit.head.as_ref().expect("every demo unit names a head");
        let person = all
            .iter()
            .find(|p| p.staff.nip == *head)
            .expect("head exists");
        assert_eq!(person.staff.unit_id, unit.id);
        for y in [2024, 2025] {
            let Some(e) = person
                .evaluations
                .items
                .iter()
                .find(|e| e.period == Period::annual(y))
            else {
                continue;
            };
            let want = crate::domain::head_hasil_kerja(unit.ratings[&y]);
            assert_eq!(e.hasil_kerja, want, "{} {y}", unit.name);
            seen += 1;
        }
    }
    let led = units.iter().filter(|u| !is_pustu(u)).count();
    assert!(seen >= led, "{seen} head evaluations checked");
}

#[test]
fn evaluations_cover_two_years_and_none_is_in_the_future() {
    let today = date(2026, 11, 28);
    let all = people(generate(5, 100, today));
    let p = &all[0];
    let periods: Vec<Period> = p.evaluations.items.iter().map(|e| e.period).collect();
    assert!(periods.contains(&Period::annual(2024)));
    assert!(periods.contains(&Period::annual(2025)));
    assert!(periods.contains(&Period::new(2026, PeriodKind::Triwulan(3)).unwrap()));
    assert!(!periods.contains(&Period::new(2026, PeriodKind::Triwulan(4)).unwrap()));
    assert!(periods.iter().all(|x| !x.is_future(today)));
    let needing_coaching = all
        .iter()
        .filter(|p| {
            p.evaluations.items.iter().any(|e| {
                e.period == Period::annual(2025) && e.predikat() == Predikat::ButuhPerbaikan
            })
        })
        .count();
    assert!(needing_coaching > 0);
}

#[test]
fn some_staff_are_far_below_twenty_jp_and_partners_are_private_and_public() {
    let today = date(2026, 11, 28);
    let all = people(generate(9, 300, today));
    let low = all
        .iter()
        .filter(|p| crate::domain::training::jp_in_year(&p.trainings.items, 2025) < 10)
        .count();
    assert!(low >= 30, "{low} people below 10 JP");
    let kinds: HashSet<OrganiserKind> = all
        .iter()
        .flat_map(|p| p.trainings.items.iter().map(|t| t.jenis_penyelenggara))
        .collect();
    assert!(kinds.contains(&OrganiserKind::Pemerintah));
    assert!(kinds.contains(&OrganiserKind::Swasta));
}

/// Issue 21: every demo history keeps its rules and is the record's; some people moved
/// between units (never a head), and some are due at each of the next promotion periods,
/// eligible or not.
#[test]
fn careers_move_some_people_and_make_promotions_due_soon() {
    use crate::domain::promotion::assess;
    use crate::domain::{CareerKind, PromotionInput, PromotionPeriod};
    let today = date(2026, 11, 28);
    let demo = generate(1, 300, today);
    let heads: HashSet<String> = demo
        .units
        .iter()
        .filter_map(|u| u.head.as_ref().map(|n| n.as_str().to_string()))
        .collect();
    let all = people(demo);
    let mut moved = 0;
    let mut with_history = 0;
    for p in &all {
        let Some(c) = &p.career else { continue };
        with_history += 1;
        assert_eq!(c.validate(&p.staff.nip), Ok(()), "{}", p.staff.nip);
        assert_eq!(c.apply(&p.staff), p.staff);
        if !c.unit_moves().is_empty() {
            moved += 1;
            assert!(!heads.contains(p.staff.nip.as_str()), "a head moved");
            // The evaluations before the move name the unit of then.
            let first = c.of_kind(CareerKind::Unit).next().unwrap();
            let before = p
                .evaluations
                .items
                .iter()
                .filter(|e| e.period.end() < c.latest(CareerKind::Unit).unwrap().tmt.unwrap())
                .filter_map(|e| e.pegawai.as_ref());
            for then in before {
                assert_ne!(
                    crate::domain::unit_id(&then.unit),
                    p.staff.unit_id,
                    "{:?}",
                    first
                );
            }
        }
    }
    assert!(with_history > 250, "{with_history}");
    assert!((15..=60).contains(&moved), "{moved} moved");
    // December 2026 judges 2024 and 2025, evaluated; the periods of 2027 judge 2026 too,
    // whose annual evaluation is not made yet: due, and held back by it.
    let first = PromotionPeriod::on_or_after(today);
    for period in [first, first.next(), first.next().next()] {
        let mut due = [0, 0];
        for p in &all {
            let Some(c) = &p.career else { continue };
            let annual: Vec<(i16, Predikat)> = p
                .evaluations
                .items
                .iter()
                .filter(|e| e.period.kind == PeriodKind::Tahunan)
                .map(|e| (e.period.year, e.predikat()))
                .collect();
            let input = PromotionInput {
                golongan: p.staff.golongan,
                tmt_golongan: c.tmt_golongan(),
                pendidikan: Some(p.staff.pendidikan),
                jenis: Some(p.staff.jabatan.jenis),
                annual: &annual,
                open_objections: &[],
                aktif: p.staff.aktif,
            };
            if let Some(x) = assess(&input, period)
                && !x.carried
            {
                due[usize::from(!x.eligible())] += 1;
            }
        }
        if period == first {
            assert!(
                due[0] > 0,
                "{period}: nobody newly due and eligible: {due:?}"
            );
        } else {
            assert!(due[1] > 0, "{period}: nobody newly due: {due:?}");
        }
    }
}
