//! The demo's PPPK (issue 21): some made paruh waktu (KepmenPANRB 16/2025), and every
//! PPPK's contracts, renewed back to back from the appointment, some ending within three
//! months of the demo's day and a few not renewed. From a stream of their own, so the rest
//! of the demo stays as it was.

use super::rng::Rng;
use crate::domain::{Contract, Contracts, EmploymentKind, Golongan, Nip, Staff};
use jiff::ToSpan;
use jiff::civil::Date;

/// The year paruh waktu began (KepmenPANRB 16/2025): only a PPPK appointed from then on
/// (or last year, for a demo dated earlier) is made one.
const PARUH_WAKTU_FROM: i16 = 2025;

/// Makes `staff`, a PPPK, a PPPK paruh waktu when the stream says so: the same NI PPPK,
/// read as paruh waktu; half of them without a golongan (whether they carry one is not
/// known, DOMAIN.md).
pub(super) fn maybe_paruh_waktu(rng: &mut Rng, staff: &mut Staff, today: Date) {
    if staff.nip.kind() != EmploymentKind::Pppk {
        return;
    }
    let from = PARUH_WAKTU_FROM.min(today.year() - 1);
    let chosen = rng.chance(0.3);
    let no_golongan = rng.chance(0.5);
    if !chosen || staff.nip.appointed().0 < from {
        return;
    }
    if let Ok(nip) = Nip::from_stored(staff.nip.as_str(), EmploymentKind::PppkParuhWaktu) {
        staff.nip = nip;
        if no_golongan {
            staff.golongan = Golongan::Unstated;
        }
    }
}

/// A PPPK's contracts: from the first of a month of the year of appointment, back to back,
/// each as long as the first (a year for paruh waktu; one to five years otherwise), until
/// one covers `today`; about one in twenty was not renewed and ended in the last two
/// months. Empty for a PNS.
pub(super) fn contracts_for(rng: &mut Rng, staff: &Staff, today: Date) -> Contracts {
    let kind = staff.nip.kind();
    if !kind.is_pppk() {
        return Contracts::default();
    }
    let month = rng.range(1, 12) as i8;
    let years = if kind == EmploymentKind::PppkParuhWaktu {
        1
    } else {
        *rng.pick(&[1, 1, 2, 3, 5, 5])
    };
    let not_renewed = rng.chance(0.05);
    let number = rng.range(1, 899);
    let year = staff.nip.appointed().0;
    let Ok(mut start) = Date::new(year, month, 1) else {
        return Contracts::default();
    };
    if start > today {
        start = Date::new(year, 1, 1).unwrap_or(today);
    }
    let prefix = if kind == EmploymentKind::PppkParuhWaktu {
        "PW"
    } else {
        "PK"
    };
    let mut items = Vec::new();
    loop {
        let selesai = start
            .saturating_add((years as i64).years())
            .saturating_sub(1.day());
        items.push(Contract {
            mulai: start,
            selesai,
            nomor: format!(
                "800.1.13.2/{prefix}-{:03}/{}",
                number + items.len() as i64,
                start.year()
            ),
        });
        if selesai >= today || items.len() >= 40 {
            break;
        }
        // Not renewed: the last one ended within the last two months.
        if not_renewed && selesai >= today.saturating_sub(2.months()) {
            break;
        }
        start = selesai.saturating_add(1.day());
    }
    Contracts { items, revision: 1 }
}
