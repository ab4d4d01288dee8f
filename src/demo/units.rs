//! The demo's units (Belawan's health centres, schools and offices), and the one whose
//! predikat break the distribution guide.

use crate::domain::UnitKind;

pub(super) struct UnitSpec {
    pub(super) name: &'static str,
    pub(super) kind: UnitKind,
    pub(super) parent: Option<&'static str>,
    /// Share of the staff, in per mille.
    pub(super) weight: u32,
}

pub(super) const UNITS: &[UnitSpec] = &[
    UnitSpec {
        name: "Kecamatan Medan Belawan",
        kind: UnitKind::Pemerintahan,
        parent: None,
        weight: 80,
    },
    UnitSpec {
        name: "Kelurahan Belawan I",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan II",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan Bahari",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan Bahagia",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Belawan Sicanang",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Kelurahan Bagan Deli",
        kind: UnitKind::Pemerintahan,
        parent: Some("Kecamatan Medan Belawan"),
        weight: 40,
    },
    UnitSpec {
        name: "Puskesmas Belawan",
        kind: UnitKind::Kesehatan,
        parent: None,
        weight: 140,
    },
    UnitSpec {
        name: "Puskesmas Sicanang",
        kind: UnitKind::Kesehatan,
        parent: None,
        weight: 100,
    },
    UnitSpec {
        name: "Pustu Bahari",
        kind: UnitKind::Kesehatan,
        parent: Some("Puskesmas Belawan"),
        weight: 30,
    },
    UnitSpec {
        name: "Pustu Bahagia",
        kind: UnitKind::Kesehatan,
        parent: Some("Puskesmas Belawan"),
        weight: 30,
    },
    UnitSpec {
        name: "Pustu Bagan Deli",
        kind: UnitKind::Kesehatan,
        parent: Some("Puskesmas Sicanang"),
        weight: 30,
    },
    UnitSpec {
        name: "SMP Negeri 26 Medan",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 110,
    },
    UnitSpec {
        name: "SD Negeri 065005",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
    UnitSpec {
        name: "SD Negeri 060968",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
    UnitSpec {
        name: "SD Negeri 060970",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
    UnitSpec {
        name: "SD Negeri 068009",
        kind: UnitKind::Pendidikan,
        parent: None,
        weight: 60,
    },
];

/// The unit whose staff's predikat break the distribution guide in the demo: rated Baik,
/// yet nobody Butuh Perbaikan or Kurang and too many Baik.
pub const RULE_BREAKING_UNIT: &str = "Puskesmas Sicanang";

/// A pustu (puskesmas pembantu) is part of its puskesmas's network, not a unit with a
/// capaian organisasi of its own (issue 21): the index of the puskesmas it belongs to, for
/// a pustu; `None` for any other unit. Its staff are led, evaluated and counted against
/// the guide under the puskesmas.
pub(super) fn pustu_of(k: usize) -> Option<usize> {
    let spec = UNITS.get(k)?;
    if !spec.name.starts_with("Pustu") {
        return None;
    }
    let parent = spec.parent?;
    UNITS.iter().position(|u| u.name == parent)
}

/// The unit whose head leads unit `k`: its puskesmas for a pustu, else itself.
pub(super) fn lead_unit(k: usize) -> usize {
    pustu_of(k).unwrap_or(k)
}
