//! One person as the list keeps them in memory, the rows copied out for drawing and for the
//! talent view, and the table that stores repeated texts once.

use crate::domain::{JenisJabatan, Predikat};
use jiff::civil::Date;
use std::collections::HashMap;

/// One person as the list keeps it in memory: small, with repeated texts (position,
/// unit) stored once in the index's tables. Measured at 100,000 rows of the scale database
/// (with annual ratings, JP per year and competencies held): about 220 bytes a row.
/// Serialized only into the screens' view file (`persist.rs`), never into a record.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Entry {
    #[serde(with = "packed_nip")]
    pub(super) nip: [u8; 18],
    pub(super) name: Box<str>,
    pub(super) golongan: crate::domain::Golongan,
    pub(super) jabatan: u16,
    pub(super) unit: u16,
    pub(super) aktif: bool,
    pub(super) last: Option<(crate::domain::Period, Predikat)>,
    /// JP of the index's year.
    pub(super) jp: u32,
    /// JP of every year with any, oldest first (as the summary keeps them).
    pub(super) jp_years: Box<[(i16, u32)]>,
    /// Each year's annual (year, predikat), oldest first: the talent view's (the 9-box's
    /// kinerja and berprestasi come from the predikat alone).
    pub(super) annual: Box<[(i16, Predikat)]>,
    /// The position's kind and jenjang (`None` in a summary of the first layout).
    pub(super) jenis: Option<JenisJabatan>,
    /// Each competency held (`competency_key` of its id) with the end of the latest
    /// training that gave it: the Kompetensi view's.
    #[serde(with = "packed_held")]
    pub(super) held: Box<[(u32, Date)]>,
    /// Whether the person has open objections (kept in `StaffData::keberatan`): most have
    /// none, and a pass over 100,000 rows then looks nothing up. In the row's padding.
    pub(super) keberatan: bool,
}

/// The NIP's 18 bytes in the view as three numbers (8, 8 and 2 bytes, little-endian): a
/// few reads each instead of eighteen (serde writes an array element by element).
mod packed_nip {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(nip: &[u8; 18], s: S) -> Result<S::Ok, S::Error> {
        let (mut a, mut b) = ([0u8; 8], [0u8; 8]);
        a.copy_from_slice(&nip[..8]);
        b.copy_from_slice(&nip[8..16]);
        (
            u64::from_le_bytes(a),
            u64::from_le_bytes(b),
            u16::from_le_bytes([nip[16], nip[17]]),
        )
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 18], D::Error> {
        let (a, b, c): (u64, u64, u16) = Deserialize::deserialize(d)?;
        let mut nip = [0u8; 18];
        nip[..8].copy_from_slice(&a.to_le_bytes());
        nip[8..16].copy_from_slice(&b.to_le_bytes());
        nip[16..].copy_from_slice(&c.to_le_bytes());
        Ok(nip)
    }
}

/// The competencies held in the view with each date as one number (year * 512 + month *
/// 32 + day), not the text serde gives a date (parsed back on every read).
mod packed_held {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(held: &[(u32, Date)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(held.iter().map(|(k, d)| (*k, pack(*d))))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Box<[(u32, Date)]>, D::Error> {
        let packed: Vec<(u32, i32)> = Deserialize::deserialize(d)?;
        packed
            .into_iter()
            .map(|(k, p)| {
                unpack(p)
                    .map(|d| (k, d))
                    .ok_or_else(|| D::Error::custom("a date"))
            })
            .collect()
    }

    fn pack(d: Date) -> i32 {
        i32::from(d.year()) * 512 + i32::from(d.month()) * 32 + i32::from(d.day())
    }

    fn unpack(p: i32) -> Option<Date> {
        let year = i16::try_from(p.div_euclid(512)).ok()?;
        let rest = p.rem_euclid(512);
        Date::new(
            year,
            i8::try_from(rest / 32).ok()?,
            i8::try_from(rest % 32).ok()?,
        )
        .ok()
    }

    #[cfg(test)]
    #[test]
    fn dates_come_back_as_they_were() {
        for d in [
            jiff::civil::date(2026, 12, 31),
            jiff::civil::date(1970, 1, 1),
            jiff::civil::date(-9999, 1, 1),
            jiff::civil::date(9999, 12, 31),
        ] {
            assert_eq!(unpack(pack(d)), Some(d));
        }
        assert_eq!(unpack(2026 * 512 + 2 * 32 + 30), None, "30 February");
    }
}

#[cfg(test)]
impl Entry {
    /// The bytes this row's own heap parts hold (name, JP per year, annual ratings,
    /// competencies held), without the allocator's bookkeeping.
    pub(super) fn heap_bytes(&self) -> usize {
        use std::mem::size_of_val;
        self.name.len()
            + size_of_val(&*self.jp_years)
            + size_of_val(&*self.annual)
            + size_of_val(&*self.held)
    }
}

/// One person as the talent view reads them, borrowed from the shared rows.
pub struct TalentSource<'a> {
    pub nip: &'a str,
    pub name: &'a str,
    pub unit_id: &'a str,
    /// The position's name (without its jenjang).
    pub jabatan: &'a str,
    pub aktif: bool,
    /// JP of the index's year (this year).
    pub jp: u32,
    /// Each year's JP as (year, JP), oldest first.
    pub jp_years: &'a [(i16, u32)],
    /// Each year's annual (year, predikat), oldest first.
    pub annual: &'a [(i16, Predikat)],
    /// The position's name as a number, the same for every person with that name (for
    /// caching what a position requires).
    pub jabatan_no: u16,
    /// The position's kind and jenjang.
    pub jenis: Option<JenisJabatan>,
    /// Competencies held: (`competency_key` of the id, end of the latest training that
    /// gave it).
    pub held: &'a [(u32, Date)],
    /// The unit entries (TMT, unit id) of a person who moved between units, else empty
    /// (issue 21): see [`TalentSource::unit_in`].
    pub moves: Vec<(Option<Date>, &'a str)>,
}

impl TalentSource<'_> {
    /// The unit the person was in on the last day of `year` (`StaffSummary::unit_in`).
    pub fn unit_in(&self, year: i16) -> &str {
        let Ok(day) = Date::new(year, 12, 31) else {
            return self.unit_id;
        };
        self.moves
            .iter()
            .rfind(|(tmt, _)| tmt.is_none_or(|t| t <= day))
            .or_else(|| self.moves.first())
            .map_or(self.unit_id, |(_, u)| u)
    }
}

impl Entry {
    pub(super) fn nip(&self) -> &str {
        std::str::from_utf8(&self.nip).unwrap_or("")
    }

    /// The pension date (BUP, DOMAIN.md) from the NIP's birth date and the position named
    /// `jabatan`, as [`crate::domain::StaffSummary::pension`] gives it; `None` when the
    /// position's kind is not known or the NIP is unreadable.
    pub(super) fn pension_date(&self, jabatan: &str) -> Option<Date> {
        use crate::domain::{EmploymentKind, Jabatan, Nip, Pension};
        let jenis = self.jenis?;
        let kind = if self.golongan.is_pppk() {
            EmploymentKind::Pppk
        } else {
            EmploymentKind::Pns
        };
        let nip = Nip::from_stored(self.nip(), kind).ok()?;
        let position = Jabatan {
            nama: jabatan.to_string(),
            jenis,
        };
        Some(Pension::of(nip.birth_date(), &position).date)
    }
}

/// One row of the view, copied out for drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub nip: String,
    pub name: String,
    pub golongan: crate::domain::Golongan,
    pub jabatan: String,
    pub unit_id: String,
    pub aktif: bool,
    pub last: Option<(crate::domain::Period, Predikat)>,
    pub jp: u32,
    /// The pension date (BUP), `None` when it cannot be told.
    pub pension: Option<Date>,
}

impl StaffRow {
    /// The NIP with the spaces of its layout: an NI PPPK's own (`19931228 2025 21 2 001`).
    pub fn nip_spaced(&self) -> String {
        crate::domain::summary::spaced_nip_of(&self.nip, self.golongan.is_pppk())
    }
}

/// Texts stored once, referred to by number.
#[derive(Default)]
pub(super) struct Interner {
    pub(super) texts: Vec<String>,
    pub(super) numbers: HashMap<String, u16>,
}

impl Interner {
    pub(super) fn number(&mut self, text: &str) -> u16 {
        if let Some(n) = self.numbers.get(text) {
            return *n;
        }
        let n = self.texts.len().min(u16::MAX as usize) as u16;
        self.texts.push(text.to_string());
        self.numbers.insert(text.to_string(), n);
        n
    }

    /// Every text, by number.
    pub(super) fn texts(&self) -> &[String] {
        &self.texts
    }

    pub(super) fn text(&self, n: u16) -> &str {
        self.texts.get(usize::from(n)).map_or("", |s| s.as_str())
    }
}
