//! Who needs coaching (pembinaan kinerja, PermenPANRB 6/2022) and where their coaching
//! stands: the reasons Beranda and Pelatihan list a person for, and everyone's coaching
//! records, read once, for the statuses.

use crate::domain::{Coaching, CoachingStatus, Period, Predikat};
use crate::store::{Store, StoreError};
use jiff::civil::Date;
use std::collections::HashMap;

/// Why someone needs coaching.
#[derive(Debug, Clone, PartialEq, Eq)]
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
pub fn coaching_by_person(store: &Store) -> Result<HashMap<String, Vec<Coaching>>, StoreError> {
    store
        .iter_coaching()
        .map(|g| g.map(|(nip, g)| (nip, g.items)))
        .collect()
}

/// Where the coaching of a person on the coaching list stands: `last` is their latest
/// evaluation (the summary's), which flags them when its predikat is Butuh Perbaikan or
/// worse (see [`crate::domain::follow_up`]).
pub fn status_of(
    coaching: &HashMap<String, Vec<Coaching>>,
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
