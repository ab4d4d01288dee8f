//! Pembinaan kinerja (PermenPANRB 6/2022; DOMAIN.md, Performance): staff rated Butuh
//! Perbaikan, Kurang or Sangat Kurang get performance coaching (bimbingan kinerja) and,
//! where needed, counselling (konseling kinerja) from their superior, recorded with date,
//! who, the problem, the agreed steps and the follow-up date; here also the outcome once the
//! coaching is closed.

use super::evaluation::PersonAtTime;
use super::nip::Nip;
use super::text::{clean_line, clean_multiline};
use jiff::civil::Date;

/// Which kind of coaching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoachingKind {
    /// Bimbingan kinerja: guidance on the work.
    Bimbingan,
    /// Konseling kinerja: counselling, where guidance is not enough.
    Konseling,
}

impl CoachingKind {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [CoachingKind; 2] = [CoachingKind::Bimbingan, CoachingKind::Konseling];

    pub fn label(self) -> &'static str {
        match self {
            CoachingKind::Bimbingan => "Bimbingan kinerja",
            CoachingKind::Konseling => "Konseling kinerja",
        }
    }

    /// Accepts the label, `bimbingan`, `konseling` and the English words, any case.
    pub fn parse(s: &str) -> Option<CoachingKind> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "bimbingan" | "bimbingankinerja" | "guidance" | "coaching" => {
                Some(CoachingKind::Bimbingan)
            }
            "konseling" | "konselingkinerja" | "counselling" | "counseling" => {
                Some(CoachingKind::Konseling)
            }
            _ => None,
        }
    }
}

/// One coaching of one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coaching {
    /// Unique among this person's coaching records; assigned by the store.
    pub id: u32,
    /// When the coaching took place.
    pub tanggal: Date,
    pub jenis: CoachingKind,
    /// Who gave it (normally the direct superior): a name always, a NIP when known.
    pub pemberi: PersonAtTime,
    /// The problem discussed.
    pub masalah: String,
    /// The steps agreed.
    pub langkah: String,
    /// The date by which the steps are looked at again (tindak lanjut).
    pub tindak_lanjut: Date,
    /// The day the coaching was closed, with its outcome in `hasil`.
    pub selesai: Option<Date>,
    /// The outcome; only with `selesai`.
    pub hasil: String,
    /// The RHK the coaching is about, when it names one: (the SKP's id, the RHK's id in
    /// that SKP) among the person's SKPs (issue 19). Optional: older records and coaching
    /// about behaviour name none.
    pub rhk: Option<(u32, u32)>,
    /// Bumped by the store on each save; a save with an older one is refused.
    pub revision: u64,
}

/// Why a coaching record cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoachingError {
    #[error("the coaching date {0} is after today")]
    FutureDate(Date),
    #[error("the follow-up date is before the coaching date")]
    FollowUpBeforeDate,
    #[error("the closing date is before the coaching date")]
    ClosedBeforeDate,
    #[error("the closing date {0} is after today")]
    ClosedInFuture(Date),
    #[error("a closed coaching needs its outcome (hasil)")]
    ClosedWithoutOutcome,
    #[error("an outcome (hasil) is written when the coaching is closed: give the closing date")]
    OutcomeWithoutClosed,
    #[error("the problem (masalah) is empty")]
    NoProblem,
    #[error("the agreed steps (langkah) are empty")]
    NoSteps,
    #[error("who gave the coaching (pemberi) has no name")]
    NoGiver,
    #[error("the person coached cannot be the one who gives the coaching")]
    SelfCoaching,
}

/// Where a coaching stands on a given day, or where a flagged person's coaching stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum CoachingStatus {
    /// A flagged person has no coaching since the evaluation that flagged them.
    Missing,
    /// The follow-up date has passed and the coaching is not closed.
    Overdue,
    /// Not closed, follow-up date today or later.
    Open,
    /// Closed with an outcome.
    Closed,
}

impl CoachingStatus {
    pub const ALL: [CoachingStatus; 4] = [
        CoachingStatus::Missing,
        CoachingStatus::Overdue,
        CoachingStatus::Open,
        CoachingStatus::Closed,
    ];
}

impl Coaching {
    /// The record with every text field cleaned of control characters.
    pub fn cleaned(mut self) -> Coaching {
        self.pemberi.nama = clean_line(&self.pemberi.nama);
        self.masalah = clean_multiline(&self.masalah);
        self.langkah = clean_multiline(&self.langkah);
        self.hasil = clean_multiline(&self.hasil);
        self
    }

    /// Checks the record for the person `coached` on `today`: dates in order and not in
    /// the future, texts present, an outcome exactly when closed, and a giver other than
    /// the person.
    pub fn validate(&self, coached: &Nip, today: Date) -> Result<(), CoachingError> {
        if self.pemberi.nama.trim().is_empty() {
            return Err(CoachingError::NoGiver);
        }
        if self
            .pemberi
            .nip
            .as_ref()
            .is_some_and(|n| n.as_str() == coached.as_str())
        {
            return Err(CoachingError::SelfCoaching);
        }
        if self.masalah.trim().is_empty() {
            return Err(CoachingError::NoProblem);
        }
        if self.langkah.trim().is_empty() {
            return Err(CoachingError::NoSteps);
        }
        if self.tanggal > today {
            return Err(CoachingError::FutureDate(self.tanggal));
        }
        if self.tindak_lanjut < self.tanggal {
            return Err(CoachingError::FollowUpBeforeDate);
        }
        match self.selesai {
            Some(d) if d < self.tanggal => return Err(CoachingError::ClosedBeforeDate),
            Some(d) if d > today => return Err(CoachingError::ClosedInFuture(d)),
            Some(_) if self.hasil.trim().is_empty() => {
                return Err(CoachingError::ClosedWithoutOutcome);
            }
            None if !self.hasil.trim().is_empty() => {
                return Err(CoachingError::OutcomeWithoutClosed);
            }
            _ => {}
        }
        Ok(())
    }

    /// Where this coaching stands on `today`: closed once it has a closing date; overdue
    /// when the follow-up date is before `today` (on the follow-up day itself it is still
    /// open); otherwise open. Never [`CoachingStatus::Missing`].
    pub fn status(&self, today: Date) -> CoachingStatus {
        self.dates().status(today)
    }

    /// The three facts [`follow_up`] reads of this coaching.
    pub fn dates(&self) -> CoachingDates {
        CoachingDates {
            tanggal: self.tanggal,
            tindak_lanjut: self.tindak_lanjut,
            closed: self.selesai.is_some(),
        }
    }

    /// The key a person's coaching records are unique on, and the one import matches on:
    /// the same date and kind is the same coaching.
    pub fn same_as(&self, other: &Coaching) -> bool {
        self.tanggal == other.tanggal && self.jenis == other.jenis
    }
}

/// What the coaching statuses read of one coaching record: its date, its follow-up date
/// and whether it is closed (12 bytes, against several hundred for the whole record with
/// its texts): Beranda and Pelatihan keep these for everyone ever coached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoachingDates {
    pub tanggal: Date,
    pub tindak_lanjut: Date,
    pub closed: bool,
}

impl CoachingDates {
    /// As [`Coaching::status`].
    pub fn status(&self, today: Date) -> CoachingStatus {
        if self.closed {
            CoachingStatus::Closed
        } else if self.tindak_lanjut < today {
            CoachingStatus::Overdue
        } else {
            CoachingStatus::Open
        }
    }
}

/// A coaching record or what the statuses read of one ([`CoachingDates`]).
pub trait HasCoachingDates {
    fn coaching_dates(&self) -> CoachingDates;
}

impl HasCoachingDates for Coaching {
    fn coaching_dates(&self) -> CoachingDates {
        self.dates()
    }
}

impl HasCoachingDates for CoachingDates {
    fn coaching_dates(&self) -> CoachingDates {
        *self
    }
}

/// Where a person's coaching stands on `today`, for the coaching list.
///
/// `flagged_since` is the first day of the period of the evaluation that put the person on
/// the coaching list: their latest evaluation (by period), when its predikat is Butuh
/// Perbaikan or worse ([`crate::domain::Predikat::needs_coaching`]); `None` when no such
/// evaluation flags them (e.g. on the list only for JP).
///
/// Only coaching dated on or after `flagged_since` answers that evaluation (all records
/// when `None`). Then:
/// - flagged, and no such coaching: [`CoachingStatus::Missing`];
/// - any of them overdue: [`CoachingStatus::Overdue`]; else any open:
///   [`CoachingStatus::Open`]; else (all closed) [`CoachingStatus::Closed`];
/// - not flagged and no coaching at all: `None` (nothing to show).
///
/// So a person flagged again for a later period needs a new coaching: one from before that
/// period does not count, even if it is still open.
pub fn follow_up<C: HasCoachingDates>(
    items: &[C],
    flagged_since: Option<Date>,
    today: Date,
) -> Option<CoachingStatus> {
    let worst = items
        .iter()
        .map(C::coaching_dates)
        .filter(|c| flagged_since.is_none_or(|since| c.tanggal >= since))
        .map(|c| c.status(today))
        .min();
    match (worst, flagged_since) {
        (Some(s), _) => Some(s),
        (None, Some(_)) => Some(CoachingStatus::Missing),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const PERSON: &str = "198503302010012002";

    fn coaching(tanggal: Date, tindak_lanjut: Date, selesai: Option<Date>) -> Coaching {
        Coaching {
            id: 1,
            tanggal,
            jenis: CoachingKind::Bimbingan,
            pemberi: PersonAtTime {
                nip: None,
                nama: "Kepala Puskesmas".into(),
                ..Default::default()
            },
            masalah: "Laporan bulanan terlambat".into(),
            langkah: "Laporan selesai tanggal 5 setiap bulan".into(),
            tindak_lanjut,
            selesai,
            hasil: if selesai.is_some() {
                "Laporan tepat waktu".into()
            } else {
                String::new()
            },
            rhk: None,
            revision: 1,
        }
    }

    /// Issue 12: "coaching statuses (open, overdue, missing, closed) on a fixed date".
    #[test]
    fn a_record_is_open_until_its_follow_up_day_then_overdue_and_closed_once_closed() {
        let today = date(2026, 11, 28);
        let c = coaching(date(2026, 11, 2), date(2026, 11, 28), None);
        assert_eq!(c.status(today), CoachingStatus::Open);
        let c = coaching(date(2026, 11, 2), date(2026, 11, 27), None);
        assert_eq!(c.status(today), CoachingStatus::Overdue);
        let c = coaching(
            date(2026, 11, 2),
            date(2026, 11, 27),
            Some(date(2026, 11, 20)),
        );
        assert_eq!(c.status(today), CoachingStatus::Closed);
    }

    #[test]
    fn a_flagged_person_without_coaching_since_the_flagging_period_is_missing() {
        let today = date(2026, 11, 28);
        // Flagged by the evaluation of Triwulan III 2026 (from 1 July).
        let since = Some(date(2026, 7, 1));
        assert_eq!(
            follow_up::<Coaching>(&[], since, today),
            Some(CoachingStatus::Missing)
        );
        // A coaching of June answers an earlier evaluation, not this one.
        let old = coaching(date(2026, 6, 30), date(2026, 12, 30), None);
        assert_eq!(
            follow_up(std::slice::from_ref(&old), since, today),
            Some(CoachingStatus::Missing)
        );
        // On the first day of the period it counts.
        let first = coaching(date(2026, 7, 1), date(2026, 12, 1), None);
        assert_eq!(
            follow_up(&[old.clone(), first], since, today),
            Some(CoachingStatus::Open)
        );
        // Not flagged: nothing to show without coaching, the records' status with it.
        assert_eq!(follow_up::<Coaching>(&[], None, today), None);
        assert_eq!(
            follow_up(std::slice::from_ref(&old), None, today),
            Some(CoachingStatus::Open)
        );
    }

    #[test]
    fn the_worst_record_since_the_flag_decides_overdue_then_open_then_closed() {
        let today = date(2026, 11, 28);
        let since = Some(date(2026, 7, 1));
        let closed = coaching(date(2026, 8, 3), date(2026, 9, 3), Some(date(2026, 9, 1)));
        let open = coaching(date(2026, 10, 5), date(2026, 12, 5), None);
        let overdue = coaching(date(2026, 9, 7), date(2026, 10, 7), None);
        assert_eq!(
            follow_up(std::slice::from_ref(&closed), since, today),
            Some(CoachingStatus::Closed)
        );
        assert_eq!(
            follow_up(&[closed.clone(), open.clone()], since, today),
            Some(CoachingStatus::Open)
        );
        let all = [closed, open, overdue];
        assert_eq!(follow_up(&all, since, today), Some(CoachingStatus::Overdue));
        // The dates alone (what Beranda and Pelatihan keep) decide the same, day by day
        // across each follow-up date and with or without the flag.
        let dates: Vec<CoachingDates> = all.iter().map(Coaching::dates).collect();
        for day in [
            date(2026, 8, 2),
            date(2026, 10, 7),
            date(2026, 10, 8),
            today,
        ] {
            for flag in [None, since, Some(date(2026, 10, 1))] {
                for n in 0..=all.len() {
                    assert_eq!(
                        follow_up(&dates[..n], flag, day),
                        follow_up(&all[..n], flag, day),
                        "{n} records on {day}, flagged {flag:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn dates_in_order_and_an_outcome_exactly_when_closed() {
        let today = date(2026, 11, 28);
        let nip = Nip::parse(PERSON).unwrap();
        let ok = coaching(date(2026, 11, 2), date(2026, 12, 2), None);
        assert_eq!(ok.validate(&nip, today), Ok(()));
        let before = coaching(date(2026, 11, 2), date(2026, 11, 1), None);
        assert_eq!(
            before.validate(&nip, today),
            Err(CoachingError::FollowUpBeforeDate)
        );
        // The follow-up on the coaching day itself is allowed.
        let same = coaching(date(2026, 11, 2), date(2026, 11, 2), None);
        assert_eq!(same.validate(&nip, today), Ok(()));
        let future = coaching(date(2026, 11, 29), date(2026, 12, 2), None);
        assert_eq!(
            future.validate(&nip, today),
            Err(CoachingError::FutureDate(date(2026, 11, 29)))
        );
        let mut closed = coaching(
            date(2026, 11, 2),
            date(2026, 12, 2),
            Some(date(2026, 11, 20)),
        );
        assert_eq!(closed.validate(&nip, today), Ok(()));
        closed.hasil = "  ".into();
        assert_eq!(
            closed.validate(&nip, today),
            Err(CoachingError::ClosedWithoutOutcome)
        );
        let mut outcome_only = ok.clone();
        outcome_only.hasil = "Membaik".into();
        assert_eq!(
            outcome_only.validate(&nip, today),
            Err(CoachingError::OutcomeWithoutClosed)
        );
        let early = coaching(
            date(2026, 11, 2),
            date(2026, 12, 2),
            Some(date(2026, 11, 1)),
        );
        assert_eq!(
            early.validate(&nip, today),
            Err(CoachingError::ClosedBeforeDate)
        );
        let mut by_self = ok;
        by_self.pemberi.nip = Some(nip.clone());
        assert_eq!(
            by_self.validate(&nip, today),
            Err(CoachingError::SelfCoaching)
        );
    }

    #[test]
    fn texts_are_cleaned_of_control_characters() {
        let mut c = coaching(date(2026, 11, 2), date(2026, 12, 2), None);
        c.masalah = "Terlambat\u{1b}[31m  hadir\n\n".into();
        c.pemberi.nama = " Kepala\tPuskesmas ".into();
        let c = c.cleaned();
        assert_eq!(c.masalah, "Terlambat[31m hadir");
        assert_eq!(c.pemberi.nama, "Kepala Puskesmas");
    }

    #[test]
    fn kinds_parse_from_their_labels_and_short_words() {
        for k in CoachingKind::ALL {
            assert_eq!(CoachingKind::parse(k.label()), Some(k));
        }
        assert_eq!(
            CoachingKind::parse("KONSELING"),
            Some(CoachingKind::Konseling)
        );
        assert_eq!(CoachingKind::parse("teguran"), None);
    }
}
