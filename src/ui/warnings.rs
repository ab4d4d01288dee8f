//! The staff warnings of `domain::pension` in the interface language. The command line
//! prints their English `Display`; the screens use these.

use super::lang::Lang;
use crate::domain::{StaffWarning, format_date};

/// One warning as a short sentence, e.g. "TMT CPNS 2010-01 sebelum usia 18 tahun".
pub fn staff_warning_text(w: &StaffWarning, lang: Lang) -> String {
    match (w, lang) {
        (StaffWarning::AppointedBeforeEighteen { year, month, .. }, Lang::Id) => {
            format!("TMT CPNS {year:04}-{month:02} sebelum usia 18 tahun")
        }
        (StaffWarning::AppointedBeforeEighteen { year, month, .. }, Lang::En) => {
            format!("TMT CPNS {year:04}-{month:02} is before the age of 18")
        }
        (StaffWarning::PastPensionAge { age, date }, Lang::Id) => format!(
            "masih aktif melewati BUP {age} tahun (pensiun {})",
            format_date(*date)
        ),
        (StaffWarning::PastPensionAge { age, date }, Lang::En) => format!(
            "still active past the pension age of {age} (pension {})",
            format_date(*date)
        ),
        (
            StaffWarning::BelowEntryRank {
                golongan,
                entry,
                pendidikan,
            },
            Lang::Id,
        ) => format!(
            "golongan {golongan} di bawah golongan awal {entry} untuk pendidikan {}",
            pendidikan.code()
        ),
        (
            StaffWarning::BelowEntryRank {
                golongan,
                entry,
                pendidikan,
            },
            Lang::En,
        ) => format!(
            "rank {golongan} is below {entry}, the entry rank for education {}",
            pendidikan.code()
        ),
        (StaffWarning::BornInFuture { birth }, Lang::Id) => format!(
            "tanggal lahir {} (NIP angka 1-8) di masa depan",
            format_date(*birth)
        ),
        (StaffWarning::BornInFuture { birth }, Lang::En) => format!(
            "birth date {} (NIP digits 1-8) is in the future",
            format_date(*birth)
        ),
        (
            StaffWarning::AppointedPastAgeLimit {
                year,
                month,
                age,
                limit,
            },
            Lang::Id,
        ) => format!(
            "TMT CPNS {year:04}-{month:02} pada usia {age}: melewati batas usia pelamar {limit} tahun"
        ),
        (
            StaffWarning::AppointedPastAgeLimit {
                year,
                month,
                age,
                limit,
            },
            Lang::En,
        ) => format!(
            "TMT CPNS {year:04}-{month:02} at age {age}: past the applicant limit of {limit}"
        ),
        (
            StaffWarning::JenjangOutsideRank {
                jenjang,
                golongan,
                range,
            },
            Lang::Id,
        ) => format!(
            "{} pada golongan {golongan}: di luar {}-{}",
            jenjang.label(),
            range.0,
            range.1
        ),
        (
            StaffWarning::JenjangOutsideRank {
                jenjang,
                golongan,
                range,
            },
            Lang::En,
        ) => format!(
            "{} at rank {golongan}: outside {}-{}",
            jenjang.label(),
            range.0,
            range.1
        ),
        // Issue 21 (pppk).
        (StaffWarning::PppkCode { code }, Lang::Id) => {
            format!("NI PPPK angka 13-14 ({code:02}) bukan 2 dan angka 1-9")
        }
        (StaffWarning::PppkCode { code }, Lang::En) => {
            format!("NI PPPK digits 13-14 ({code:02}) are not 2 and a digit 1-9")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Golongan, Pendidikan};
    use jiff::civil::date;

    #[test]
    fn every_warning_reads_in_both_languages() {
        let all = [
            StaffWarning::AppointedBeforeEighteen {
                year: 2010,
                month: 1,
                birth: date(2000, 1, 1),
            },
            StaffWarning::PastPensionAge {
                age: 58,
                date: date(2026, 4, 1),
            },
            StaffWarning::BelowEntryRank {
                golongan: Golongan::Pns(7),
                entry: Golongan::Pns(8),
                pendidikan: Pendidikan::S1,
            },
            StaffWarning::BornInFuture {
                birth: date(2027, 1, 1),
            },
            StaffWarning::AppointedPastAgeLimit {
                year: 2023,
                month: 12,
                age: 56,
                limit: 35,
            },
            StaffWarning::JenjangOutsideRank {
                jenjang: crate::domain::JenisJabatan::AhliUtama,
                golongan: Golongan::Pns(8),
                range: (Golongan::Pns(15), Golongan::Pns(16)),
            },
            StaffWarning::PppkCode { code: 11 },
        ];
        for w in &all {
            let id = staff_warning_text(w, Lang::Id);
            let en = staff_warning_text(w, Lang::En);
            assert!(!id.is_empty() && !en.is_empty() && id != en, "{w:?}");
        }
        assert_eq!(
            staff_warning_text(&all[1], Lang::Id),
            "masih aktif melewati BUP 58 tahun (pensiun 2026-04-01)"
        );
        assert_eq!(
            staff_warning_text(&all[2], Lang::En),
            "rank II/d is below III/a, the entry rank for education S-1"
        );
        assert_eq!(
            staff_warning_text(&all[4], Lang::Id),
            "TMT CPNS 2023-12 pada usia 56: melewati batas usia pelamar 35 tahun"
        );
        assert_eq!(
            staff_warning_text(&all[5], Lang::Id),
            "Ahli Utama pada golongan III/a: di luar IV/d-IV/e"
        );
    }
}
