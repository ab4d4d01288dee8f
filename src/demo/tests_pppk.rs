//! The demo's PPPK (issue 21): some paruh waktu, contracts for every PPPK, some ending
//! within three months of the demo's day.

use super::plan::{DemoPerson, generate};
use crate::domain::{EmploymentKind, Ending, Golongan, ending};
use jiff::civil::date;

fn people() -> Vec<DemoPerson> {
    let mut d = generate(1, 300, date(2026, 11, 28));
    std::iter::from_fn(|| d.next_person()).collect()
}

#[test]
fn every_pppk_has_contracts_back_to_back_from_the_appointment_and_no_pns_has_any() {
    let today = date(2026, 11, 28);
    for p in people() {
        let c = &p.contracts;
        if !p.staff.nip.kind().is_pppk() {
            assert!(c.items.is_empty(), "{}", p.staff.nip);
            continue;
        }
        assert!(!c.items.is_empty(), "{}", p.staff.nip);
        assert_eq!(c.overlap(), None, "{}", p.staff.nip);
        assert_eq!(c.items[0].mulai.year(), p.staff.nip.appointed().0);
        for w in c.items.windows(2) {
            assert_eq!(w[1].mulai, w[0].selesai.tomorrow().unwrap(), "back to back");
        }
        for k in &c.items {
            assert!(k.validate().is_ok() && k.warnings().is_empty(), "{k:?}");
        }
        let last = c.latest().expect("a contract");
        assert!(
            last.selesai >= today || last.selesai >= date(2026, 9, 28),
            "in force, or not renewed within the last two months: {last:?}"
        );
    }
}

#[test]
fn some_pppk_are_paruh_waktu_some_without_a_golongan_with_one_year_contracts() {
    let all = people();
    let pw: Vec<&DemoPerson> = all
        .iter()
        .filter(|p| p.staff.nip.kind() == EmploymentKind::PppkParuhWaktu)
        .collect();
    assert!(pw.len() >= 3, "{} paruh waktu", pw.len());
    assert!(pw.iter().any(|p| p.staff.golongan == Golongan::Unstated));
    assert!(
        pw.iter()
            .any(|p| matches!(p.staff.golongan, Golongan::Pppk(_)))
    );
    for p in &pw {
        assert!(p.staff.validate().is_ok(), "{}", p.staff.nip);
        assert!(p.staff.nip.appointed().0 >= 2025, "{}", p.staff.nip);
        assert!(p.contracts.items.iter().all(|c| {
            c.selesai
                == c.mulai
                    .saturating_add(jiff::ToSpan::years(1))
                    .yesterday()
                    .unwrap()
        }));
    }
    assert!(
        all.iter()
            .any(|p| p.staff.nip.kind() == EmploymentKind::Pppk)
    );
}

#[test]
fn some_contracts_end_within_three_months_of_the_demos_day() {
    let today = date(2026, 11, 28);
    let all = people();
    let soon = all
        .iter()
        .filter(|p| p.staff.aktif)
        .filter(|p| matches!(ending(&p.contracts, today), Some((_, Ending::Soon))))
        .count();
    assert!(soon >= 3, "{soon} contracts end within three months");
    let in_force = all
        .iter()
        .filter(|p| ending(&p.contracts, today).is_none() && !p.contracts.items.is_empty())
        .count();
    assert!(in_force > soon, "most run on: {in_force}");
}
