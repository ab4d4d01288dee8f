//! The few people the demo sets to reach their pension age within the coming year.

use super::plan::Draft;
use crate::domain::Nip;
use jiff::civil::Date;
use std::collections::HashSet;

/// A few people reach their pension age (DOMAIN.md, BUP) this many months after today's
/// month, so Beranda's and Laporan's "retiring within 12 months" lists are never empty:
/// their pension dates are the first of the month after (e.g. from 28 November 2026:
/// 1 January, 1 May and 1 September 2027).
pub const NEAR_PENSION_MONTHS: [i8; 3] = [1, 5, 9];

/// Which drafts [`plant_near_pension`] changes among `n`: spread through the list (at a
/// sixth, a half and five sixths), with one per entry of [`NEAR_PENSION_MONTHS`] as long
/// as there are people enough.
pub fn near_pension_indices(n: usize) -> Vec<usize> {
    let parts = NEAR_PENSION_MONTHS.len();
    let mut out: Vec<usize> = Vec::new();
    for k in 0..parts {
        let i = n * (2 * k + 1) / (2 * parts);
        if i < n && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Moves the birth dates of a few people (see [`near_pension_indices`]) so that they reach
/// the pension age of their position [`NEAR_PENSION_MONTHS`] months after today's month,
/// and keeps them active. Only the birth digits of the NIP change (and the sequence if that
/// number is taken), and for a PNS the TMT year, which keeps the age the person was
/// appointed at, at most the applicant limit less one (PP 11/2017 Pasal 23: no CPNS past
/// it, issue 21); no random number is drawn, so everyone else stays as they were.
pub(super) fn plant_near_pension(drafts: &mut [Draft], today: Date, used: &mut HashSet<String>) {
    for (i, months) in near_pension_indices(drafts.len())
        .into_iter()
        .zip(NEAR_PENSION_MONTHS)
    {
        let Some(d) = drafts.get_mut(i) else { continue };
        let staff = &mut d.staff;
        let age = crate::domain::pension_age(&staff.jabatan);
        let month0 = i32::from(today.month()) - 1 + i32::from(months);
        let year = i32::from(today.year()) + month0 / 12 - i32::from(age);
        let month = (month0 % 12 + 1) as i8;
        let old = staff.nip.birth_date();
        let Some(birth) = i16::try_from(year)
            .ok()
            .and_then(|y| Date::new(y, month, old.day().min(28)).ok())
        else {
            continue;
        };
        let digits = staff.nip.as_str().to_string();
        let seq: u32 = digits[15..18].parse().unwrap_or(1);
        let appointed = match staff.nip.tmt_cpns() {
            Some((tmt, month)) => {
                let limit = i16::from(crate::domain::cpns_age_limit(&staff.jabatan));
                let at = (tmt - old.year()).min(limit - 1);
                format!("{:04}{month:02}{}", birth.year() + at, &digits[14..15])
            }
            None => digits[8..15].to_string(),
        };
        for step in 0..999 {
            let candidate = format!(
                "{:04}{:02}{:02}{}{:03}",
                birth.year(),
                birth.month(),
                birth.day(),
                appointed,
                (seq + step - 1) % 999 + 1
            );
            if used.contains(&candidate) {
                continue;
            }
            if let Ok(nip) = Nip::parse_as(&candidate, staff.nip.kind()) {
                used.insert(candidate);
                staff.nip = nip;
                staff.aktif = true;
                break;
            }
        }
    }
}
