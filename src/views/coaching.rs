//! Who needs coaching (pembinaan kinerja, PermenPANRB 6/2022) and where their coaching
//! stands: the reasons Beranda and Pelatihan list a person for, and everyone's coaching
//! records, read once, for the statuses.

use crate::domain::{CoachingDates, CoachingStatus, Period, Predikat};
use crate::store::{Store, StoreError};
use jiff::civil::Date;

/// Why someone needs coaching.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Reason {
    Predikat(Predikat),
    /// Below `target`, the JP due by today (this year) or the year's (a past year);
    /// `year_target` is the whole year's, so both figures can be shown.
    BelowJp {
        jp: u32,
        target: u32,
        year_target: u32,
    },
}

/// Every coached person's records, by NIP: one pass over the coaching tree, which holds
/// only the people ever coached (not the whole staff). Read when the coaching list or
/// Beranda is counted, never per keystroke.
pub fn coaching_by_person(store: &Store) -> Result<CoachedByNip, StoreError> {
    store.iter_coaching_dates().collect()
}

/// Every coached person's coaching dates by NIP ([`coaching_by_person`]): about 100
/// bytes a person, where the whole records with their texts took several hundred (8.8 MiB
/// for the 12,799 people coached in the 100,000-person demo).
///
/// Hashed with foldhash (issue 23): Pelatihan looks up every person on its coaching list,
/// tens of thousands at 100,000 staff.
pub type CoachedByNip = foldhash::HashMap<String, Vec<CoachingDates>>;

/// Where the coaching of a person on the coaching list stands: `last` is their latest
/// evaluation (the summary's), which flags them when its predikat is Butuh Perbaikan or
/// worse (see [`crate::domain::follow_up`]).
pub fn status_of(
    coaching: &CoachedByNip,
    nip: &str,
    last: Option<(Period, Predikat)>,
    today: Date,
) -> Option<CoachingStatus> {
    let since = flagged_since(last);
    let items = coaching.get(nip).map_or(&[][..], |v| v.as_slice());
    crate::domain::follow_up(items, since, today)
}

/// The first day of the period of `last` (a person's latest evaluation) when its predikat
/// is Butuh Perbaikan or worse: from then on a coaching answers it.
pub fn flagged_since(last: Option<(Period, Predikat)>) -> Option<Date> {
    last.filter(|(_, p)| p.needs_coaching())
        .map(|(period, _)| period.start())
}

/// An RHK a coaching record can be about (issue 19): one of the person's plans, by the
/// ids a coaching keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RhkChoice {
    pub skp_id: u32,
    pub rhk_id: u32,
    /// The plan's year.
    pub year: i16,
    /// The RHK's number in its plan, as printed (`RHK 2`).
    pub no: usize,
    pub jenis: crate::domain::JenisRhk,
    pub teks: String,
    /// The plan's span when it covers part of the year only (a change of position, unit
    /// or evaluator); `None` for a whole year.
    pub part: Option<(Date, Date)>,
}

/// Every RHK of `skps` (a person's plans), plan by plan in the order given, each plan's
/// RHK in plan order.
pub fn rhk_choices(skps: &[crate::domain::Skp]) -> Vec<RhkChoice> {
    skps.iter()
        .flat_map(|skp| {
            let part = (!skp.whole_year()).then_some((skp.mulai, skp.selesai));
            skp.rhk.iter().enumerate().map(move |(i, r)| RhkChoice {
                skp_id: skp.id,
                rhk_id: r.id,
                year: skp.year(),
                no: i + 1,
                jenis: r.jenis,
                teks: r.teks.clone(),
                part,
            })
        })
        .collect()
}

/// The RHK of every plan of the person `nip`, for the coaching form.
pub fn rhk_choices_of(store: &Store, nip: &str) -> Result<Vec<RhkChoice>, StoreError> {
    Ok(rhk_choices(&store.skp_of(nip)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Intervensi, JenisRhk, PersonAtTime, Rhk, Skp};
    use jiff::civil::date;

    #[test]
    fn every_rhk_of_every_plan_is_offered_with_its_year_and_part_of_the_year() {
        let who = PersonAtTime::named("Rina", None);
        let mut first = Skp::new_year(2026, who.clone(), who.clone());
        first.id = 1;
        first.selesai = date(2026, 6, 30);
        first.rhk = vec![
            Rhk::new(JenisRhk::Utama, "Laporan posyandu", Intervensi::None),
            Rhk::new(JenisRhk::Tambahan, "Panitia HUT", Intervensi::None),
        ];
        first.rhk[0].id = 4;
        first.rhk[1].id = 7;
        let mut last_year = Skp::new_year(2025, who.clone(), who);
        last_year.id = 2;
        last_year.rhk = vec![Rhk::new(JenisRhk::Utama, "Imunisasi", Intervensi::None)];
        last_year.rhk[0].id = 1;
        let choices = rhk_choices(&[first, last_year]);
        assert_eq!(choices.len(), 3);
        assert_eq!((choices[1].skp_id, choices[1].rhk_id), (1, 7));
        assert_eq!((choices[1].no, choices[1].year), (2, 2026));
        assert_eq!(choices[0].part, Some((date(2026, 1, 1), date(2026, 6, 30))));
        assert_eq!((choices[2].year, choices[2].part), (2025, None));
    }
}
