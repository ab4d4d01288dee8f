//! NIP: Nomor Induk Pegawai (PNS) and NI PPPK, the natural key of a staff record.

use jiff::civil::Date;
use std::fmt;

/// Whether a number is a PNS NIP (all checks) or an NI PPPK (length, digits, birth date only).
/// Stored as the position in `ALL`: new kinds are appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EmploymentKind {
    /// Pegawai Negeri Sipil (civil servant).
    Pns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja (contract staff).
    Pppk,
    /// PPPK paruh waktu (part-time, KepmenPANRB 16/2025): an NI PPPK, one-year contracts,
    /// no golongan required (issue 21).
    PppkParuhWaktu,
}

impl EmploymentKind {
    pub const ALL: [EmploymentKind; 3] = [
        EmploymentKind::Pns,
        EmploymentKind::Pppk,
        EmploymentKind::PppkParuhWaktu,
    ];

    /// Whether this is a PPPK of any kind (contract staff): no TMT CPNS in the number, a
    /// ceiling of JP rather than a floor, contracts.
    pub fn is_pppk(self) -> bool {
        !matches!(self, EmploymentKind::Pns)
    }

    pub fn code(self) -> &'static str {
        match self {
            EmploymentKind::Pns => "PNS",
            EmploymentKind::Pppk => "PPPK",
            EmploymentKind::PppkParuhWaktu => "PPPK Paruh Waktu",
        }
    }

    pub fn parse(s: &str) -> Option<EmploymentKind> {
        // SIASN and SIMPEG exports write `P` / `C` (PNS, CPNS) and `PPPK` or `K`; paruh
        // waktu is written out, or shortened to `PW`, in any case, with or without spaces.
        let t: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase();
        match t.as_str() {
            "PNS" | "CPNS" | "P" | "C" => Some(EmploymentKind::Pns),
            "PPPK" | "K" => Some(EmploymentKind::Pppk),
            "PPPKPARUHWAKTU" | "PPPKPW" | "PW" | "PARUHWAKTU" => {
                Some(EmploymentKind::PppkParuhWaktu)
            }
            _ => None,
        }
    }
}

/// Sex as coded in digit 15 of a PNS NIP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// Why a string is not a valid NIP.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("NIP must have 18 digits, this one has {0}")]
    WrongLength(usize),
    #[error("NIP may hold only digits and spaces; found {found:?} at position {position}")]
    NotADigit { position: usize, found: char },
    #[error("digits 1-8 ({0}) are not a real birth date (YYYYMMDD)")]
    BadBirthDate(String),
    #[error("digits 13-14 ({0:02}) are not a month of TMT CPNS (01-12)")]
    BadTmtMonth(u8),
    #[error("digit 15 ({0}) must be 1 (male) or 2 (female)")]
    BadSex(u8),
    /// 18 digits ending in `000`: Excel keeps 15 significant digits of a number and fills
    /// the rest with zeros (DOMAIN.md, "Excel keeps only 15 significant digits").
    #[error(
        "ends in 000, which no NIP does: Excel rounded it (it keeps only 15 digits of a number); format the NIP column as Text, type the full NIPs again, and save"
    )]
    ExcelRounded,
    /// Written as a number in scientific notation (`1.98503E+17`), as Excel shows and saves
    /// long numbers from a "General" cell.
    #[error(
        "{0:?} is a number in scientific notation, as Excel saves it: format the NIP column as Text, type the full NIPs again, and save"
    )]
    ExcelScientific(String),
}

/// Whether `s` is a number as Excel writes a long one: `1.98503E+17`, `1,98503E+17`.
fn excel_scientific(s: &str) -> bool {
    let s = s.trim();
    let Some((mantissa, exponent)) = s.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// A valid NIP (PNS) or NI PPPK, stored as 18 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip {
    digits: [u8; 18],
    kind: EmploymentKind,
}

fn num(d: &[u8]) -> u32 {
    d.iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

impl Nip {
    /// Parses a PNS NIP (`YYYYMMDD YYYYMM G NNN`), spaces allowed anywhere.
    pub fn parse(s: &str) -> Result<Nip, NipError> {
        Self::parse_as(s, EmploymentKind::Pns)
    }

    /// A NIP as a database stored it: 18 digits with a real birth date. The other checks
    /// are for input and have grown over time; a record saved under older rules stays
    /// readable.
    pub fn from_stored(s: &str, kind: EmploymentKind) -> Result<Nip, NipError> {
        let bytes = s.as_bytes();
        if bytes.len() != 18 {
            return Err(NipError::WrongLength(s.chars().count()));
        }
        if let Some(position) = bytes.iter().position(|b| !b.is_ascii_digit()) {
            return Err(NipError::NotADigit {
                position: position + 1,
                found: s[position..].chars().next().unwrap_or('?'),
            });
        }
        let mut digits = [0u8; 18];
        digits.copy_from_slice(bytes);
        let nip = Nip { digits, kind };
        if nip.birth_date_opt().is_none() {
            return Err(NipError::BadBirthDate(s[0..8].to_string()));
        }
        Ok(nip)
    }

    /// Parses a number with the checks that fit the kind of employment.
    pub fn parse_as(s: &str, kind: EmploymentKind) -> Result<Nip, NipError> {
        if excel_scientific(s) {
            return Err(NipError::ExcelScientific(s.trim().to_string()));
        }
        let mut digits = [0u8; 18];
        let mut n = 0usize;
        for (position, ch) in s.trim().chars().enumerate() {
            if ch == ' ' {
                continue;
            }
            if !ch.is_ascii_digit() {
                return Err(NipError::NotADigit {
                    position: position + 1,
                    found: ch,
                });
            }
            if n < 18 {
                digits[n] = ch as u8;
            }
            n += 1;
        }
        if n != 18 {
            return Err(NipError::WrongLength(n));
        }
        // No NIP or NI PPPK ends in 000 (the sequence starts at 001): that is Excel.
        if num(&digits[15..18]) == 0 {
            return Err(NipError::ExcelRounded);
        }
        let nip = Nip { digits, kind };
        if nip.birth_date_opt().is_none() {
            return Err(NipError::BadBirthDate(nip.as_str()[0..8].to_string()));
        }
        if kind == EmploymentKind::Pns {
            let month = num(&digits[12..14]) as u8;
            if !(1..=12).contains(&month) {
                return Err(NipError::BadTmtMonth(month));
            }
        }
        // The sex digit is 1 or 2 for PNS and PPPK alike (DOMAIN.md, NIP and NI PPPK).
        let sex = digits[14] - b'0';
        if sex != 1 && sex != 2 {
            return Err(NipError::BadSex(sex));
        }
        Ok(nip)
    }

    pub fn kind(&self) -> EmploymentKind {
        self.kind
    }

    /// The 18 digits, no spaces: the storage form and the record key.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits).unwrap_or("")
    }

    fn birth_date_opt(&self) -> Option<Date> {
        let d = &self.digits;
        Date::new(
            num(&d[0..4]) as i16,
            num(&d[4..6]) as i8,
            num(&d[6..8]) as i8,
        )
        .ok()
    }

    /// Date of birth from digits 1-8.
    pub fn birth_date(&self) -> Date {
        // parse() checked it; the fallback is unreachable.
        self.birth_date_opt().unwrap_or(Date::MIN)
    }

    /// When the person was appointed, as (year, month): TMT CPNS (digits 9-14) for a PNS;
    /// for a PPPK only the year (digits 9-12) is in the number, so its January.
    pub fn appointed(&self) -> (i16, i8) {
        let year = num(&self.digits[8..12]) as i16;
        match self.tmt_cpns() {
            Some(ym) => ym,
            None => (year, 1),
        }
    }

    /// TMT CPNS (year, month) from digits 9-14; `None` for PPPK, whose digits 13-14 are no month.
    pub fn tmt_cpns(&self) -> Option<(i16, i8)> {
        match self.kind {
            EmploymentKind::Pns => Some((
                num(&self.digits[8..12]) as i16,
                num(&self.digits[12..14]) as i8,
            )),
            EmploymentKind::Pppk | EmploymentKind::PppkParuhWaktu => None,
        }
    }

    /// An NI PPPK's digits 13-14 when they are not `2` and a digit 1-9 (DOMAIN.md, "Staff
    /// identity": `19931228 2025 21 2 001`); `None` when they are, and for a PNS, whose
    /// digits 13-14 are the month of TMT CPNS. No regulation text was found, so this is a
    /// warning, never a refusal.
    pub fn unusual_pppk_code(&self) -> Option<u8> {
        if !self.kind.is_pppk() {
            return None;
        }
        let (a, b) = (self.digits[12], self.digits[13]);
        (a != b'2' || b == b'0').then(|| num(&self.digits[12..14]) as u8)
    }

    /// The digits with the spaces of the number's own layout: a PNS NIP as `YYYYMMDD YYYYMM
    /// G NNN` (birth, TMT CPNS, sex, sequence), an NI PPPK as `YYYYMMDD YYYY CC G NNN`
    /// (birth, year of appointment, code, sex, sequence), never with a TMT it does not hold.
    pub fn spaced(digits: &str, kind: EmploymentKind) -> String {
        if digits.len() != 18 || !digits.is_ascii() {
            return digits.to_string();
        }
        if kind.is_pppk() {
            format!(
                "{} {} {} {} {}",
                &digits[0..8],
                &digits[8..12],
                &digits[12..14],
                &digits[14..15],
                &digits[15..18]
            )
        } else {
            format!(
                "{} {} {} {}",
                &digits[0..8],
                &digits[8..14],
                &digits[14..15],
                &digits[15..18]
            )
        }
    }

    /// Where [`Nip::spaced`] puts its spaces: the digit positions each group starts at.
    pub fn space_positions(kind: EmploymentKind) -> &'static [u32] {
        if kind.is_pppk() {
            &[8, 12, 14, 15]
        } else {
            &[8, 14, 15]
        }
    }

    /// Sex from digit 15; `None` for PPPK.
    pub fn sex(&self) -> Option<Sex> {
        // Digit 15 for PNS and PPPK alike (DOMAIN.md, NIP and NI PPPK).
        match self.digits[14] {
            b'1' => Some(Sex::Male),
            b'2' => Some(Sex::Female),
            _ => None,
        }
    }

    /// Things that are allowed but suspicious: DOMAIN.md says warn, do not refuse.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some((year, month)) = self.appointed_before_eighteen() {
            let birth = self.birth_date();
            out.push(format!(
                "TMT CPNS {year:04}-{month:02} is before the age of 18 (born {birth})"
            ));
        }
        out
    }

    /// TMT CPNS (year, month) when it is before the month of the 18th birthday (DOMAIN.md,
    /// NIP table: "not before birth + 18 years (warn only)"); `None` otherwise and for PPPK.
    pub fn appointed_before_eighteen(&self) -> Option<(i16, i8)> {
        let (year, month) = self.tmt_cpns()?;
        let birth = self.birth_date();
        let adult = (i32::from(birth.year()) + 18) * 12 + i32::from(birth.month());
        (i32::from(year) * 12 + i32::from(month) < adult).then_some((year, month))
    }

    /// Age in whole years on a given day.
    pub fn age_on(&self, today: Date) -> i32 {
        let birth = self.birth_date();
        let mut age = i32::from(today.year()) - i32::from(birth.year());
        if (today.month(), today.day()) < (birth.month(), birth.day()) {
            age -= 1;
        }
        age
    }
}

impl fmt::Display for Nip {
    /// The usual spaced form: `19850330 201001 1 002` for a PNS, `19931228 2025 21 2 001`
    /// for an NI PPPK ([`Nip::spaced`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Nip::spaced(self.as_str(), self.kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn valid_nip_with_spaces_is_stored_as_digits() {
        let nip = Nip::parse("19850330 201001 1 002").unwrap();
        assert_eq!(nip.as_str(), "198503302010011002");
        assert_eq!(nip.to_string(), "19850330 201001 1 002");
        assert_eq!(nip.birth_date(), date(1985, 3, 30));
        assert_eq!(nip.tmt_cpns(), Some((2010, 1)));
        assert_eq!(nip.sex(), Some(Sex::Male));
        assert!(nip.warnings().is_empty());
    }

    #[test]
    fn female_digit_two() {
        let nip = Nip::parse("199001152015032001").unwrap();
        assert_eq!(nip.sex(), Some(Sex::Female));
    }

    #[test]
    fn thirtieth_of_february_is_refused() {
        assert_eq!(
            Nip::parse("198502302010011002"),
            Err(NipError::BadBirthDate("19850230".into()))
        );
    }

    #[test]
    fn women_do_not_get_forty_added_to_the_day() {
        // 1985-03-70 would be the NIK rule for a woman born on the 30th.
        assert!(matches!(
            Nip::parse("198503702010012002"),
            Err(NipError::BadBirthDate(_))
        ));
    }

    #[test]
    fn month_thirteen_is_refused() {
        assert_eq!(
            Nip::parse("198503302010131002"),
            Err(NipError::BadTmtMonth(13))
        );
    }

    #[test]
    fn sex_digit_three_is_refused() {
        assert_eq!(Nip::parse("198503302010013002"), Err(NipError::BadSex(3)));
    }

    /// DOMAIN.md: "an 18-digit number saved from a General cell comes back ending in 000
    /// or as 1.98503E+17. Both are impossible NIPs; say that Excel did it."
    #[test]
    fn excel_damage_is_named_for_pns_and_pppk() {
        assert_eq!(
            Nip::parse("198503302010011000"),
            Err(NipError::ExcelRounded)
        );
        assert_eq!(
            Nip::parse_as("197105182025211000", EmploymentKind::Pppk),
            Err(NipError::ExcelRounded)
        );
        assert_eq!(
            Nip::parse("1.98503E+17"),
            Err(NipError::ExcelScientific("1.98503E+17".into()))
        );
        assert_eq!(
            Nip::parse_as("1,97105E+17", EmploymentKind::Pppk),
            Err(NipError::ExcelScientific("1,97105E+17".into()))
        );
    }

    #[test]
    fn a_stored_nip_from_older_rules_stays_readable() {
        // Saved before the PPPK sex digit was checked: still read back.
        let old = Nip::from_stored("199312282025213001", EmploymentKind::Pppk).unwrap();
        assert_eq!(old.as_str(), "199312282025213001");
        assert!(Nip::from_stored("19931228202521300", EmploymentKind::Pppk).is_err());
        assert!(Nip::from_stored("199313282025213001", EmploymentKind::Pppk).is_err());
    }

    #[test]
    fn an_ni_pppk_with_a_sex_digit_other_than_1_or_2_is_refused() {
        assert_eq!(
            Nip::parse_as("199312282025213001", EmploymentKind::Pppk),
            Err(NipError::BadSex(3))
        );
        assert!(Nip::parse_as("199312282025212001", EmploymentKind::Pppk).is_ok());
    }

    #[test]
    fn seventeen_digits_are_refused() {
        assert_eq!(
            Nip::parse("19850330201001100"),
            Err(NipError::WrongLength(17))
        );
    }

    #[test]
    fn a_letter_is_refused_with_its_position() {
        assert_eq!(
            Nip::parse("19850330201001100A"),
            Err(NipError::NotADigit {
                position: 18,
                found: 'A'
            })
        );
    }

    #[test]
    fn appointment_before_eighteen_warns_but_parses() {
        let nip = Nip::parse("200001012010011001").unwrap();
        assert_eq!(nip.warnings().len(), 1);
    }

    #[test]
    fn pppk_skips_the_month_check_and_keeps_birth_date_and_sex() {
        let pppk = Nip::parse_as("199204112023212999", EmploymentKind::Pppk).unwrap();
        assert_eq!(pppk.kind(), EmploymentKind::Pppk);
        assert_eq!(pppk.sex(), Some(Sex::Female));
        assert_eq!(pppk.tmt_cpns(), None);
        assert!(Nip::parse_as("199202302023212999", EmploymentKind::Pppk).is_err());
        assert!(Nip::parse("199204112023212999").is_err());
    }

    /// DOMAIN.md: an NI PPPK is birth (8), year of appointment (4), code (2), sex (1),
    /// sequence (3), shown with its own spacing, never as a PNS TMT.
    #[test]
    fn an_ni_pppk_is_spaced_as_its_own_layout() {
        let pppk = Nip::parse_as("19931228 2025 21 2 001", EmploymentKind::Pppk).unwrap();
        assert_eq!(pppk.as_str(), "199312282025212001");
        assert_eq!(pppk.to_string(), "19931228 2025 21 2 001");
        let pw = Nip::parse_as("199312282025212001", EmploymentKind::PppkParuhWaktu).unwrap();
        assert_eq!(pw.to_string(), "19931228 2025 21 2 001");
        assert_eq!(pppk.tmt_cpns(), None);
        let pns = Nip::parse("198503302010011002").unwrap();
        assert_eq!(pns.to_string(), "19850330 201001 1 002");
        assert_eq!(Nip::spaced("123", EmploymentKind::Pppk), "123");
    }

    /// Digits 13-14 of an NI PPPK are `2` and a digit 1-9: anything else is a warning,
    /// never a refusal (no regulation text was found).
    #[test]
    fn digits_13_14_of_an_ni_pppk_are_2_and_1_to_9_or_warned() {
        let code = |n: &str| {
            Nip::parse_as(n, EmploymentKind::Pppk)
                .unwrap()
                .unusual_pppk_code()
        };
        assert_eq!(code("199312282025212001"), None);
        assert_eq!(code("199312282025292001"), None);
        assert_eq!(code("199312282025202001"), Some(20));
        assert_eq!(code("199312282025112001"), Some(11));
        assert_eq!(code("199312282025012001"), Some(1));
        assert_eq!(
            Nip::parse("198503302010011002")
                .unwrap()
                .unusual_pppk_code(),
            None,
            "a PNS's digits 13-14 are a month"
        );
    }

    #[test]
    fn age_counts_whole_years() {
        let nip = Nip::parse("19850330 201001 1 002").unwrap();
        assert_eq!(nip.age_on(date(2025, 3, 29)), 39);
        assert_eq!(nip.age_on(date(2025, 3, 30)), 40);
    }
}
