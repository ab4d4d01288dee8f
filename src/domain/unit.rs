//! Units (unit kerja): puskesmas, schools, kelurahan and kecamatan offices.

use super::distribution::UnitRating;
use std::collections::BTreeMap;

/// What a unit does, for grouping and for the demo's choice of positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    Kesehatan,
    Pendidikan,
    Pemerintahan,
    Lainnya,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Kesehatan,
        UnitKind::Pendidikan,
        UnitKind::Pemerintahan,
        UnitKind::Lainnya,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Kesehatan => "kesehatan",
            UnitKind::Pendidikan => "pendidikan",
            UnitKind::Pemerintahan => "pemerintahan",
            UnitKind::Lainnya => "lainnya",
        }
    }

    pub fn parse(s: &str) -> Option<UnitKind> {
        let t = s.trim().to_lowercase();
        Self::ALL.into_iter().find(|k| k.code() == t)
    }

    /// A guess from the unit's name, used when an import names a unit not yet known.
    pub fn guess_from_name(name: &str) -> UnitKind {
        let n = name.to_lowercase();
        let starts = |p: &str| n.starts_with(p) || n.contains(&format!(" {p}"));
        let any = |prefixes: &[&str]| prefixes.iter().any(|p| starts(p));
        if any(&["puskesmas", "pustu", "rumah sakit", "rsud"]) {
            UnitKind::Kesehatan
        } else if any(&[
            "sd ", "sdn ", "smp ", "smpn ", "sma ", "sman ", "smk ", "smkn ", "sekolah",
        ]) {
            UnitKind::Pendidikan
        } else if any(&["kelurahan", "kecamatan", "kantor"]) {
            UnitKind::Pemerintahan
        } else {
            UnitKind::Lainnya
        }
    }
}

/// A unit kerja. Its id is a stable slug of the name, which is the key in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// The id of the unit above it, if any.
    pub parent: Option<String>,
    pub kind: UnitKind,
    /// The unit's own yearly rating, which the distribution guide reads.
    pub ratings: BTreeMap<i16, UnitRating>,
}

impl Unit {
    /// A unit named `name`, its id derived from the name.
    pub fn new(name: &str, kind: UnitKind, parent: Option<String>) -> Unit {
        let name = super::text::clean_line(name);
        Unit {
            id: unit_id(&name),
            name,
            parent,
            kind,
            ratings: BTreeMap::new(),
        }
    }
}

/// The id for a unit name: lowercase ASCII letters and digits joined by '-'.
pub fn unit_id(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_ids_ignore_case_and_punctuation() {
        assert_eq!(unit_id("SD Negeri 065005"), "sd-negeri-065005");
        assert_eq!(unit_id("  Puskesmas  Belawan "), "puskesmas-belawan");
        assert_eq!(
            unit_id("Kelurahan Belawan I"),
            unit_id("kelurahan belawan i")
        );
    }

    #[test]
    fn kinds_are_guessed_from_names() {
        assert_eq!(
            UnitKind::guess_from_name("Puskesmas Sicanang"),
            UnitKind::Kesehatan
        );
        assert_eq!(
            UnitKind::guess_from_name("Pustu Bahari"),
            UnitKind::Kesehatan
        );
        assert_eq!(
            UnitKind::guess_from_name("SMP Negeri 26 Medan"),
            UnitKind::Pendidikan
        );
        assert_eq!(
            UnitKind::guess_from_name("Kelurahan Bagan Deli"),
            UnitKind::Pemerintahan
        );
        assert_eq!(
            UnitKind::guess_from_name("SDN 060968"),
            UnitKind::Pendidikan
        );
        assert_eq!(UnitKind::guess_from_name("Dinas Lain"), UnitKind::Lainnya);
    }
}
