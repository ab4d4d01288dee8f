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

/// Whether a position is a school head's (kepala sekolah, kepala madrasah): a guru given
/// the additional task of leading a school (tugas tambahan), who retires as a guru does
/// (60, UU 14/2005), not at the 58 of a Pengawas. Recognised by the name: `Kepala Sekolah`,
/// `Kepala Madrasah`, or `Kepala` followed by a school level (`Kepala SD Negeri 065005`,
/// `Kepala SMP`, `SMA`, `SMK`, `SLB`, `TK`), in any case.
pub fn is_kepala_sekolah(nama: &str) -> bool {
    let t = nama.trim().to_lowercase();
    let Some(rest) = t.strip_prefix("kepala ") else {
        return false;
    };
    let first = rest.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "sekolah"
            | "madrasah"
            | "sd"
            | "smp"
            | "sma"
            | "smk"
            | "slb"
            | "tk"
            | "sdn"
            | "smpn"
            | "sman"
            | "smkn"
    )
}

/// The pension age (BUP) in years of a position.
///
/// PP 11/2017 Pasal 239: 58 for Jabatan Administrasi (Administrator, Pengawas, Pelaksana),
/// functional keterampilan (Pemula, Terampil, Mahir, Penyelia), Ahli Pertama and Ahli Muda;
/// 60 for JPT (Utama, Madya, Pratama) and Ahli Madya; 65 for Ahli Utama. A guru (the
/// position's name starts with "Guru") retires at 60 whatever the jenjang (UU 14/2005
/// Pasal 40, the specific law for teachers); so does a kepala sekolah
/// ([`is_kepala_sekolah`]), a guru with an additional task, whatever kind the position is
/// recorded as (often Pengawas, which alone would give 58).
///
/// The same table applies to PPPK: PP 49/2018 ends a PPPK contract when the person reaches
/// the age limit of the position (batas usia tertentu jabatan), and no other table was found.
pub fn pension_age(jabatan: &Jabatan) -> u8 {
    if is_guru(&jabatan.nama) || is_kepala_sekolah(&jabatan.nama) {
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

/// The lowest pension age of any position ([`pension_age`]; PP 11/2017 Pasal 239).
pub const YOUNGEST_PENSION_AGE: u8 = 58;

/// Whether someone born in `birth_year` is surely not on the retiring list of `today`
/// ([`retiring`]), whatever their position: at the youngest pension age their pension falls
/// on 1 February of `birth_year + 58` at the earliest, after the list's horizon (twelve
/// months on, at the latest 31 December of the next year). A test by the year alone, so a
/// pass over 100,000 people reads the position of only the few near their pension.
pub fn too_young_to_retire(birth_year: i16, today: Date) -> bool {
    i32::from(birth_year) + i32::from(YOUNGEST_PENSION_AGE) > i32::from(today.year()) + 1
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
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

/// The positions whose CPNS applicants may be up to 40 (Keppres 17/2019, under PP 11/2017
/// Pasal 23 ayat 2 as amended by PP 17/2020): matched as the start of the position's name,
/// in any case (`Dokter` covers `Dokter Gigi` and `Dokter Pendidik Klinis`).
pub const CPNS_AGE_40_POSITIONS: [&str; 6] = [
    "Dokter",
    "Dokter Gigi",
    "Dokter Pendidik Klinis",
    "Dosen",
    "Peneliti",
    "Perekayasa",
];

/// The highest age of a CPNS applicant for a position (PP 11/2017 Pasal 23 as amended by
/// PP 17/2020): 35, or 40 for the positions of [`CPNS_AGE_40_POSITIONS`]. The person's
/// present position stands for the one applied for (kinerja keeps no other); the
/// regulation also ties the 40 to a qualification (such as a specialist's), which kinerja
/// does not check: it warns less rather than more.
pub fn cpns_age_limit(jabatan: &Jabatan) -> u8 {
    let name = jabatan.nama.trim().to_lowercase();
    if CPNS_AGE_40_POSITIONS
        .iter()
        .any(|p| name.starts_with(&p.to_lowercase()))
    {
        40
    } else {
        35
    }
}

/// The kind of a [`StaffWarning`], for counting (`kinerja check --warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StaffWarningKind {
    AppointedBeforeEighteen,
    PastPensionAge,
    BelowEntryRank,
    BornInFuture,
    /// Issue 21.
    AppointedPastAgeLimit,
    /// Issue 21.
    JenjangOutsideRank,
    /// Issue 21 (pppk): an NI PPPK's digits 13-14 not `2` and a digit 1-9.
    PppkCode,
}

impl StaffWarningKind {
    pub const ALL: [StaffWarningKind; 7] = [
        StaffWarningKind::AppointedBeforeEighteen,
        StaffWarningKind::PastPensionAge,
        StaffWarningKind::BelowEntryRank,
        StaffWarningKind::BornInFuture,
        StaffWarningKind::AppointedPastAgeLimit,
        StaffWarningKind::JenjangOutsideRank,
        StaffWarningKind::PppkCode,
    ];

    /// A short stable name, as `check --warnings` prints it.
    pub fn code(self) -> &'static str {
        match self {
            StaffWarningKind::AppointedBeforeEighteen => "appointed-before-18",
            StaffWarningKind::PastPensionAge => "past-pension-age",
            StaffWarningKind::BelowEntryRank => "below-entry-rank",
            StaffWarningKind::BornInFuture => "born-in-future",
            StaffWarningKind::AppointedPastAgeLimit => "appointed-past-age-limit",
            StaffWarningKind::JenjangOutsideRank => "jenjang-outside-rank",
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
    /// TMT CPNS (NIP digits 9-14) when the person was already older than the applicant
    /// limit (DOMAIN.md, "After the evaluation": CPNS age).
    #[error("TMT CPNS {year:04}-{month:02} at age {age}, past the CPNS applicant limit of {limit}")]
    AppointedPastAgeLimit {
        year: i16,
        month: i8,
        age: u8,
        limit: u8,
    },
    /// A functional jenjang held at a PNS rank outside the jenjang's range (DOMAIN.md,
    /// "After the evaluation"; `angka_kredit::JENJANG`).
    #[error("jenjang {} at golongan {golongan}, outside its range {}-{}", .jenjang.label(), .range.0, .range.1)]
    JenjangOutsideRank {
        jenjang: JenisJabatan,
        golongan: Golongan,
        range: (Golongan, Golongan),
    },
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
            StaffWarning::AppointedPastAgeLimit { .. } => StaffWarningKind::AppointedPastAgeLimit,
            StaffWarning::JenjangOutsideRank { .. } => StaffWarningKind::JenjangOutsideRank,
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
    if let Some(w) = appointed_past_age_limit(staff) {
        out.push(w);
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
    if let (EmploymentKind::Pns, Golongan::Pns(_), Some(f)) = (
        staff.nip.kind(),
        staff.golongan,
        super::angka_kredit::jenjang_fungsional(staff.jabatan.jenis),
    ) && !(f.golongan.0..=f.golongan.1).contains(&staff.golongan)
    {
        out.push(StaffWarning::JenjangOutsideRank {
            jenjang: f.jenjang,
            golongan: staff.golongan,
            range: f.golongan,
        });
    }
    out
}

/// A PNS whose TMT CPNS (the first day of its month) came when they were older than the
/// applicant limit of [`cpns_age_limit`]: 36 or more under the limit of 35 (born 1 January
/// 1989, TMT 2025-01 is age 36: warned; born 2 January 1989, still 35: not). The limit
/// counts at the application, months before the TMT, so a TMT at 36 can be lawful: a
/// warning to check, never a refusal.
fn appointed_past_age_limit(staff: &Staff) -> Option<StaffWarning> {
    let (year, month) = staff.nip.tmt_cpns()?;
    let tmt = Date::new(year, month, 1).ok()?;
    let age = u8::try_from(staff.nip.age_on(tmt)).ok()?;
    let limit = cpns_age_limit(&staff.jabatan);
    (age > limit).then_some(StaffWarning::AppointedPastAgeLimit {
        year,
        month,
        age,
        limit,
    })
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

    /// Issue 21: a kepala sekolah retires as a guru (60), even recorded as a Pengawas.
    #[test]
    fn a_kepala_sekolah_retires_at_sixty_not_as_a_pengawas() {
        for name in [
            "Kepala Sekolah",
            "kepala sekolah dasar",
            "Kepala SD Negeri 065005",
            "Kepala SMP Negeri 26 Medan",
            "Kepala Madrasah",
        ] {
            assert!(is_kepala_sekolah(name), "{name}");
            assert_eq!(
                pension_age(&jab(name, JenisJabatan::Pengawas)),
                60,
                "{name}"
            );
        }
        for name in ["Kepala Seksi", "Kepala Puskesmas", "Kepala", "Sekolah"] {
            assert!(!is_kepala_sekolah(name), "{name}");
        }
        assert_eq!(
            pension_age(&jab("Kepala Seksi", JenisJabatan::Pengawas)),
            58
        );
    }

    /// DOMAIN.md, "After the evaluation": an applicant is at most 35 (40 for some
    /// positions): a TMT CPNS past that age is a warning. At the boundary, by one day.
    #[test]
    fn a_tmt_cpns_past_the_applicant_age_limit_is_warned() {
        let today = date(2026, 11, 28);
        let ahli = jab("Perawat", JenisJabatan::AhliPertama);
        let warned = |nip: &str, jabatan: Jabatan| {
            staff_warnings(&person(nip, "III/a", Pendidikan::S1, jabatan), today)
                .into_iter()
                .find(|w| w.kind() == StaffWarningKind::AppointedPastAgeLimit)
        };
        // Born 1 January 1989: 36 on 1 January 2025, the TMT: warned.
        assert_eq!(
            warned("198901012025012001", ahli.clone()),
            Some(StaffWarning::AppointedPastAgeLimit {
                year: 2025,
                month: 1,
                age: 36,
                limit: 35
            })
        );
        // Born 2 January 1989: still 35 on 1 January 2025.
        assert_eq!(warned("198901022025012001", ahli.clone()), None);
        // A Dokter (Keppres 17/2019): 40. Born 1 March 1985, TMT 2025-02: 39, fine; TMT
        // 2026-03: 41, warned.
        let dokter = jab("Dokter", JenisJabatan::AhliPertama);
        assert_eq!(cpns_age_limit(&dokter), 40);
        assert_eq!(
            cpns_age_limit(&jab("dokter gigi", JenisJabatan::AhliPertama)),
            40
        );
        assert_eq!(
            cpns_age_limit(&jab("Perawat", JenisJabatan::AhliPertama)),
            35
        );
        assert_eq!(warned("198503012025021001", dokter.clone()), None);
        assert!(warned("198503012026031001", dokter).is_some());
        // The same person as a Perawat at 39: warned.
        assert!(warned("198503012025021001", ahli).is_some());
    }

    /// DOMAIN.md: Ahli Pertama III/a-b, Ahli Muda III/c-d, Ahli Madya IV/a-c, Ahli Utama
    /// IV/d-e; outside, warn (the review: Ahli Utama at III/a was accepted silently).
    #[test]
    fn a_functional_jenjang_outside_its_rank_range_is_warned() {
        let today = date(2026, 11, 28);
        let outside = |golongan: &str, jenis: JenisJabatan| {
            staff_warnings(
                &person(
                    "198503302010011002",
                    golongan,
                    Pendidikan::S1,
                    jab("Analis", jenis),
                ),
                today,
            )
            .into_iter()
            .any(|w| w.kind() == StaffWarningKind::JenjangOutsideRank)
        };
        use JenisJabatan::*;
        assert!(outside("III/a", AhliUtama));
        assert!(!outside("IV/d", AhliUtama) && !outside("IV/e", AhliUtama));
        assert!(!outside("III/a", AhliPertama) && !outside("III/b", AhliPertama));
        assert!(outside("III/c", AhliPertama));
        assert!(outside("III/b", AhliMuda) && !outside("III/c", AhliMuda));
        assert!(!outside("III/d", AhliMuda) && outside("IV/a", AhliMuda));
        assert!(!outside("IV/a", AhliMadya) && !outside("IV/c", AhliMadya));
        assert!(outside("IV/d", AhliMadya));
        // Not functional: no range.
        assert!(!outside("II/a", Pelaksana) && !outside("IV/e", Pengawas));
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
        s.golongan = Golongan::parse("IV/a", false).unwrap();
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
            jab("Pengadministrasi Umum", JenisJabatan::Pelaksana),
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

    /// The quick test by birth year never leaves out someone the full rule lists: every
    /// position kind, a guru and a kepala sekolah, every month of birth, across the years
    /// around the boundary and days through a year; and it does leave out the young.
    #[test]
    fn too_young_to_retire_never_hides_someone_retiring() {
        let mut positions: Vec<Jabatan> = JenisJabatan::ALL
            .iter()
            .map(|j| jab("Analis", *j))
            .collect();
        positions.push(jab("Guru Ahli Pertama", JenisJabatan::AhliPertama));
        positions.push(jab("Kepala Sekolah", JenisJabatan::Pengawas));
        for j in &positions {
            assert!(pension_age(j) >= YOUNGEST_PENSION_AGE, "{j:?}");
        }
        let mut skipped = 0;
        for today in [
            date(2026, 1, 1),
            date(2026, 2, 1),
            date(2026, 6, 30),
            date(2026, 12, 31),
        ] {
            for year in 1955..=1975 {
                for month in 1..=12 {
                    let birth = date(year, month, 28);
                    if !too_young_to_retire(year, today) {
                        continue;
                    }
                    skipped += 1;
                    for j in &positions {
                        let pension = Pension::of(birth, j);
                        assert_eq!(retiring(pension.date, today), None, "{birth} {j:?} {today}");
                    }
                }
            }
        }
        assert!(skipped > 0);
        // Born in 1969, 58 in 2027: on 1 February 2026 the list reaches 1 February 2027,
        // the pension of a January birthday; not skipped.
        assert!(!too_young_to_retire(1969, date(2026, 2, 1)));
        assert_eq!(
            retiring(
                Pension::of(date(1969, 1, 15), &jab("Analis", JenisJabatan::Pelaksana)).date,
                date(2026, 2, 1)
            ),
            Some(Retiring::Soon)
        );
        assert!(too_young_to_retire(1970, date(2026, 12, 31)));
    }
}
