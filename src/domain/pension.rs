//! Pension (batas usia pensiun, BUP) and the warnings a staff record deserves.
//!
//! DOMAIN.md, Rank: "Pension age (BUP, PP 11/2017 Pasal 239): 58 for Jabatan Administrasi,
//! functional keterampilan, Ahli Pertama and Ahli Muda; 60 for JPT and Ahli Madya; 65 for
//! Ahli Utama; guru 60 (UU 14/2005). Pension falls on the first day of the month after the
//! birthday (verify locally; warn, never block)." So everything here only informs: nothing
//! in this module refuses a record.

use super::jabatan::{Jabatan, JenisJabatan};
use super::nip::EmploymentKind;
use super::rank::{Golongan, Pendidikan};
use super::staff::Staff;
use jiff::civil::Date;

/// How many months ahead the "retiring soon" lists look.
pub const RETIRING_MONTHS: i32 = 12;

/// Whether a position is a teacher's: its name starts with "Guru" (any case), as the
/// demo, SIASN and SIMPEG name them ("Guru", "Guru Kelas", "Guru Ahli Muda").
pub fn is_guru(nama: &str) -> bool {
    nama.trim()
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("guru"))
}

/// The pension age (BUP) in years of a position.
///
/// PP 11/2017 Pasal 239: 58 for Jabatan Administrasi (Administrator, Pengawas, Pelaksana),
/// functional keterampilan (Pemula, Terampil, Mahir, Penyelia), Ahli Pertama and Ahli Muda;
/// 60 for JPT (Utama, Madya, Pratama) and Ahli Madya; 65 for Ahli Utama. A guru (the
/// position's name starts with "Guru") retires at 60 whatever the jenjang (UU 14/2005
/// Pasal 40, the specific law for teachers).
///
/// The same table applies to PPPK: PP 49/2018 ends a PPPK contract when the person reaches
/// the age limit of the position (batas usia tertentu jabatan), and no other table was found.
pub fn pension_age(jabatan: &Jabatan) -> u8 {
    if is_guru(&jabatan.nama) {
        return 60;
    }
    use JenisJabatan::*;
    match jabatan.jenis {
        Administrator | Pengawas | Pelaksana => 58,
        Pemula | Terampil | Mahir | Penyelia => 58,
        AhliPertama | AhliMuda => 58,
        JptUtama | JptMadya | JptPratama => 60,
        AhliMadya => 60,
        AhliUtama => 65,
    }
}

/// The pension date of someone born on `birth` with pension age `age`: the first day of the
/// month after the birthday at that age (born 1 March 1967, BUP 58: 1 April 2025; born in
/// December: 1 January of the next year). A date beyond the calendar's end (year 9999)
/// gives the last representable day.
pub fn pension_date(birth: Date, age: u8) -> Date {
    let year = i32::from(birth.year()) + i32::from(age);
    let (year, month) = if birth.month() == 12 {
        (year + 1, 1)
    } else {
        (year, birth.month() + 1)
    };
    i16::try_from(year)
        .ok()
        .and_then(|y| Date::new(y, month, 1).ok())
        .unwrap_or(Date::MAX)
}

/// A person's pension: the age that applies to their position and the date it falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pension {
    /// BUP in years.
    pub age: u8,
    pub date: Date,
}

impl Pension {
    /// The pension of someone born on `birth` in `jabatan`.
    pub fn of(birth: Date, jabatan: &Jabatan) -> Pension {
        let age = pension_age(jabatan);
        Pension {
            age,
            date: pension_date(birth, age),
        }
    }
}

/// Where an active person stands against their pension date, for the "retiring soon" lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Retiring {
    /// The pension date is today or past and the person is still active: listed first.
    Overdue,
    /// The pension date falls within the next [`RETIRING_MONTHS`] months.
    Soon,
}

/// `Some` when a pension on `pension` is overdue or due within the next 12 months of
/// `today` (up to and including the same day twelve months on); `None` otherwise.
pub fn retiring(pension: Date, today: Date) -> Option<Retiring> {
    if pension <= today {
        return Some(Retiring::Overdue);
    }
    let horizon = today
        .checked_add(jiff::Span::new().months(RETIRING_MONTHS))
        .unwrap_or(Date::MAX);
    (pension <= horizon).then_some(Retiring::Soon)
}

/// The kind of a [`StaffWarning`], for counting (`kinerja check --warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StaffWarningKind {
    AppointedBeforeEighteen,
    PastPensionAge,
    BelowEntryRank,
    BornInFuture,
    /// Issue 21 (pppk): an NI PPPK's digits 13-14 not `2` and a digit 1-9.
    PppkCode,
}

impl StaffWarningKind {
    pub const ALL: [StaffWarningKind; 5] = [
        StaffWarningKind::AppointedBeforeEighteen,
        StaffWarningKind::PastPensionAge,
        StaffWarningKind::BelowEntryRank,
        StaffWarningKind::BornInFuture,
        StaffWarningKind::PppkCode,
    ];

    /// A short stable name, as `check --warnings` prints it.
    pub fn code(self) -> &'static str {
        match self {
            StaffWarningKind::AppointedBeforeEighteen => "appointed-before-18",
            StaffWarningKind::PastPensionAge => "past-pension-age",
            StaffWarningKind::BelowEntryRank => "below-entry-rank",
            StaffWarningKind::BornInFuture => "born-in-future",
            StaffWarningKind::PppkCode => "ni-pppk-digits-13-14",
        }
    }
}

/// Something allowed but suspicious about a staff record (DOMAIN.md: warn, do not refuse).
/// `Display` is the English text the command line prints; the screens have their own in
/// both languages (`ui::warnings`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffWarning {
    /// NIP digits 9-14 (TMT CPNS) before the 18th birthday (DOMAIN.md, NIP table).
    #[error("TMT CPNS {year:04}-{month:02} is before the age of 18 (born {birth})")]
    AppointedBeforeEighteen { year: i16, month: i8, birth: Date },
    /// Still active on or after the pension date of the position (DOMAIN.md, BUP).
    #[error("still active past the pension age: BUP {age}, pension date {date}")]
    PastPensionAge { age: u8, date: Date },
    /// A PNS golongan below the entry rank of the person's education (DOMAIN.md, Rank).
    #[error(
        "golongan {golongan} is below {entry}, the entry rank for education {}",
        .pendidikan.code()
    )]
    BelowEntryRank {
        golongan: Golongan,
        entry: Golongan,
        pendidikan: Pendidikan,
    },
    /// NIP digits 1-8 give a birth date after today.
    #[error("the birth date {birth} (NIP digits 1-8) is in the future")]
    BornInFuture { birth: Date },
    /// An NI PPPK whose digits 13-14 are not `2` and a digit 1-9 (DOMAIN.md, "Staff
    /// identity"; no regulation text was found, so a warning).
    #[error(
        "NI PPPK digits 13-14 are {code:02}, not 2 and a digit 1-9 (as in 19931228 2025 21 2 001)"
    )]
    PppkCode { code: u8 },
}

impl StaffWarning {
    pub fn kind(&self) -> StaffWarningKind {
        match self {
            StaffWarning::AppointedBeforeEighteen { .. } => {
                StaffWarningKind::AppointedBeforeEighteen
            }
            StaffWarning::PastPensionAge { .. } => StaffWarningKind::PastPensionAge,
            StaffWarning::BelowEntryRank { .. } => StaffWarningKind::BelowEntryRank,
            StaffWarning::BornInFuture { .. } => StaffWarningKind::BornInFuture,
            StaffWarning::PppkCode { .. } => StaffWarningKind::PppkCode,
        }
    }
}

/// Every warning `staff` deserves on `today`, in a fixed order (NIP first). None refuses
/// anything: a save or an import goes ahead and says them.
pub fn staff_warnings(staff: &Staff, today: Date) -> Vec<StaffWarning> {
    let mut out = Vec::new();
    let birth = staff.nip.birth_date();
    if birth > today {
        out.push(StaffWarning::BornInFuture { birth });
    }
    if let Some((year, month)) = staff.nip.appointed_before_eighteen() {
        out.push(StaffWarning::AppointedBeforeEighteen { year, month, birth });
    }
    if let Some(code) = staff.nip.unusual_pppk_code() {
        out.push(StaffWarning::PppkCode { code });
    }
    let pension = Pension::of(birth, &staff.jabatan);
    if staff.aktif && pension.date <= today {
        out.push(StaffWarning::PastPensionAge {
            age: pension.age,
            date: pension.date,
        });
    }
    let entry = staff.pendidikan.entry_golongan();
    if staff.nip.kind() == EmploymentKind::Pns
        && matches!(staff.golongan, Golongan::Pns(_))
        && staff.golongan < entry
    {
        out.push(StaffWarning::BelowEntryRank {
            golongan: staff.golongan,
            entry,
            pendidikan: staff.pendidikan,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Nip;
    use jiff::civil::date;

    fn jab(nama: &str, jenis: JenisJabatan) -> Jabatan {
        Jabatan {
            nama: nama.into(),
            jenis,
        }
    }

    fn person(nip: &str, golongan: &str, pendidikan: Pendidikan, jabatan: Jabatan) -> Staff {
        Staff {
            nip: Nip::parse(nip).unwrap(),
            nama: "Rina Siregar".into(),
            gelar_depan: String::new(),
            gelar_belakang: String::new(),
            golongan: Golongan::parse(golongan, false).unwrap(),
            pendidikan,
            jabatan,
            unit_id: "puskesmas-belawan".into(),
            aktif: true,
            revision: 0,
        }
    }

    /// DOMAIN.md, Rank: "Pension age (BUP, PP 11/2017 Pasal 239): 58 for Jabatan
    /// Administrasi, functional keterampilan, Ahli Pertama and Ahli Muda; 60 for JPT and
    /// Ahli Madya; 65 for Ahli Utama". Every JenisJabatan, one by one.
    #[test]
    fn the_bup_table_covers_every_position_kind() {
        use JenisJabatan::*;
        let table = [
            (JptUtama, 60),
            (JptMadya, 60),
            (JptPratama, 60),
            (Administrator, 58),
            (Pengawas, 58),
            (Pelaksana, 58),
            (AhliPertama, 58),
            (AhliMuda, 58),
            (AhliMadya, 60),
            (AhliUtama, 65),
            (Pemula, 58),
            (Terampil, 58),
            (Mahir, 58),
            (Penyelia, 58),
        ];
        assert_eq!(table.len(), JenisJabatan::ALL.len());
        for (jenis, age) in table {
            assert_eq!(pension_age(&jab("Perawat", jenis)), age, "{jenis:?}");
        }
    }

    /// DOMAIN.md, Rank: "guru 60 (UU 14/2005)", whatever the jenjang; recognised from the
    /// position's name in any case.
    #[test]
    fn a_guru_retires_at_sixty_whatever_the_jenjang() {
        for jenis in JenisJabatan::ALL {
            assert_eq!(pension_age(&jab("Guru", jenis)), 60, "{jenis:?}");
        }
        assert_eq!(pension_age(&jab("guru kelas", JenisJabatan::AhliMuda)), 60);
        assert_eq!(pension_age(&jab("GURU", JenisJabatan::AhliUtama)), 60);
        // Not a guru: the table.
        assert_eq!(
            pension_age(&jab("Pengawas Sekolah", JenisJabatan::AhliMuda)),
            58
        );
        assert!(!is_guru("Gu"));
    }

    /// DOMAIN.md, Rank: "Pension falls on the first day of the month after the birthday".
    #[test]
    fn pension_falls_on_the_first_of_the_month_after_the_birthday() {
        // Born on the 1st: the birthday itself is not the pension day; the next month's 1st is.
        assert_eq!(pension_date(date(1967, 3, 1), 58), date(2025, 4, 1));
        // Born on the 31st.
        assert_eq!(pension_date(date(1967, 1, 31), 58), date(2025, 2, 1));
        // Born in December: January of the next year.
        assert_eq!(pension_date(date(1966, 12, 15), 60), date(2027, 1, 1));
        assert_eq!(pension_date(date(1966, 12, 31), 65), date(2032, 1, 1));
        // 29 February: the birthday month is still February.
        assert_eq!(pension_date(date(1968, 2, 29), 58), date(2026, 3, 1));
    }

    #[test]
    fn a_pension_far_beyond_the_calendar_does_not_panic() {
        assert_eq!(pension_date(date(9990, 5, 5), 65), Date::MAX);
    }

    #[test]
    fn retiring_looks_twelve_months_ahead_and_lists_the_overdue() {
        let today = date(2026, 11, 28);
        assert_eq!(retiring(date(2026, 12, 1), today), Some(Retiring::Soon));
        assert_eq!(retiring(date(2027, 11, 28), today), Some(Retiring::Soon));
        assert_eq!(retiring(date(2027, 12, 1), today), None);
        assert_eq!(retiring(date(2026, 11, 28), today), Some(Retiring::Overdue));
        assert_eq!(retiring(date(2020, 1, 1), today), Some(Retiring::Overdue));
        assert!(Retiring::Overdue < Retiring::Soon, "overdue listed first");
    }

    #[test]
    fn a_sound_record_has_no_warnings() {
        let s = person(
            "198503302010012002",
            "III/c",
            Pendidikan::S1,
            jab("Perawat", JenisJabatan::AhliMuda),
        );
        assert_eq!(staff_warnings(&s, date(2026, 11, 28)), []);
    }

    /// DOMAIN.md, NIP table: TMT CPNS "not before birth + 18 years (warn only)".
    #[test]
    fn an_appointment_before_eighteen_is_a_warning() {
        let s = person(
            "200001012010011001",
            "II/a",
            Pendidikan::Slta,
            jab("Pengadministrasi", JenisJabatan::Pelaksana),
        );
        let w = staff_warnings(&s, date(2026, 11, 28));
        assert_eq!(
            w,
            [StaffWarning::AppointedBeforeEighteen {
                year: 2010,
                month: 1,
                birth: date(2000, 1, 1)
            }]
        );
        assert_eq!(w[0].kind(), StaffWarningKind::AppointedBeforeEighteen);
        assert_eq!(
            w[0].to_string(),
            "TMT CPNS 2010-01 is before the age of 18 (born 2000-01-01)"
        );
    }

    /// DOMAIN.md, BUP: a Pelaksana born 15 March 1968 retires on 1 April 2026 (58); still
    /// active on 28 November 2026 is a warning; inactive is not.
    #[test]
    fn still_active_past_the_pension_date_is_a_warning() {
        let mut s = person(
            "196803151990031002",
            "III/d",
            Pendidikan::Slta,
            jab("Pengadministrasi", JenisJabatan::Pelaksana),
        );
        assert_eq!(
            staff_warnings(&s, date(2026, 11, 28)),
            [StaffWarning::PastPensionAge {
                age: 58,
                date: date(2026, 4, 1)
            }]
        );
        // The day before the pension date: not yet.
        assert_eq!(staff_warnings(&s, date(2026, 3, 31)), []);
        assert_eq!(staff_warnings(&s, date(2026, 4, 1)).len(), 1);
        s.aktif = false;
        assert_eq!(staff_warnings(&s, date(2026, 11, 28)), []);
        // An Ahli Madya of the same age has until 60.
        s.aktif = true;
        s.jabatan.jenis = JenisJabatan::AhliMadya;
        assert_eq!(staff_warnings(&s, date(2026, 11, 28)), []);
    }

    /// DOMAIN.md, Rank: entry rank by education, e.g. S1 III/a. A PNS with S1 at II/d is
    /// warned; at III/a not; a PPPK never (no entry rank table for PPPK).
    #[test]
    fn a_pns_below_the_entry_rank_of_their_education_is_a_warning() {
        let s = person(
            "198503302010012002",
            "II/d",
            Pendidikan::S1,
            jab("Perawat", JenisJabatan::Terampil),
        );
        assert_eq!(
            staff_warnings(&s, date(2026, 11, 28)),
            [StaffWarning::BelowEntryRank {
                golongan: Golongan::parse("II/d", false).unwrap(),
                entry: Golongan::parse("III/a", false).unwrap(),
                pendidikan: Pendidikan::S1
            }]
        );
        let at_entry = Staff {
            golongan: Golongan::parse("III/a", false).unwrap(),
            ..s.clone()
        };
        assert_eq!(staff_warnings(&at_entry, date(2026, 11, 28)), []);
        let pppk = Staff {
            nip: Nip::parse_as("199204112023212999", EmploymentKind::Pppk).unwrap(),
            golongan: Golongan::Pppk(1),
            ..s
        };
        assert_eq!(staff_warnings(&pppk, date(2026, 11, 28)), []);
    }

    #[test]
    fn a_birth_date_in_the_future_is_a_warning() {
        let s = person(
            "202701012045011001",
            "II/a",
            Pendidikan::Slta,
            jab("Pengadministrasi", JenisJabatan::Pelaksana),
        );
        let w = staff_warnings(&s, date(2026, 11, 28));
        assert_eq!(
            w,
            [StaffWarning::BornInFuture {
                birth: date(2027, 1, 1)
            }]
        );
        // The day itself is not the future.
        assert_eq!(staff_warnings(&s, date(2027, 1, 1)), []);
    }

    #[test]
    fn every_kind_has_a_distinct_code() {
        let mut codes: Vec<&str> = StaffWarningKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), StaffWarningKind::ALL.len());
    }
}
