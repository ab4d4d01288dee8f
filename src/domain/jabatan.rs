//! Position (jabatan): its kind and, for functional positions, the jenjang.

/// The kind and level of a position, as DOMAIN.md lists them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum JenisJabatan {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    /// Fungsional keahlian.
    AhliPertama,
    AhliMuda,
    AhliMadya,
    AhliUtama,
    /// Fungsional keterampilan.
    Pemula,
    Terampil,
    Mahir,
    Penyelia,
}

impl JenisJabatan {
    pub const ALL: [JenisJabatan; 14] = [
        JenisJabatan::JptUtama,
        JenisJabatan::JptMadya,
        JenisJabatan::JptPratama,
        JenisJabatan::Administrator,
        JenisJabatan::Pengawas,
        JenisJabatan::Pelaksana,
        JenisJabatan::AhliPertama,
        JenisJabatan::AhliMuda,
        JenisJabatan::AhliMadya,
        JenisJabatan::AhliUtama,
        JenisJabatan::Pemula,
        JenisJabatan::Terampil,
        JenisJabatan::Mahir,
        JenisJabatan::Penyelia,
    ];

    /// The label officers use, also the CSV value.
    pub fn label(self) -> &'static str {
        match self {
            JenisJabatan::JptUtama => "JPT Utama",
            JenisJabatan::JptMadya => "JPT Madya",
            JenisJabatan::JptPratama => "JPT Pratama",
            JenisJabatan::Administrator => "Administrator",
            JenisJabatan::Pengawas => "Pengawas",
            JenisJabatan::Pelaksana => "Pelaksana",
            JenisJabatan::AhliPertama => "Ahli Pertama",
            JenisJabatan::AhliMuda => "Ahli Muda",
            JenisJabatan::AhliMadya => "Ahli Madya",
            JenisJabatan::AhliUtama => "Ahli Utama",
            JenisJabatan::Pemula => "Pemula",
            JenisJabatan::Terampil => "Terampil",
            JenisJabatan::Mahir => "Mahir",
            JenisJabatan::Penyelia => "Penyelia",
        }
    }

    /// Case- and space-insensitive match on the label.
    pub fn parse(s: &str) -> Option<JenisJabatan> {
        let key = |t: &str| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        };
        let wanted = key(s);
        Self::ALL.into_iter().find(|j| key(j.label()) == wanted)
    }

    /// The jenjang from a general kind as SIASN and SIMPEG write it ("Jabatan Fungsional",
    /// "Jabatan Pelaksana") together with the position's name, which for a functional
    /// position ends in its jenjang ("Perawat Ahli Pertama"). `None` when neither says it.
    pub fn from_kind_and_name(kind: &str, name: &str) -> Option<JenisJabatan> {
        if let Some(j) = JenisJabatan::parse(kind) {
            return Some(j);
        }
        let kind = kind.to_lowercase();
        if kind.contains("pelaksana") || kind.contains("fungsional umum") {
            return Some(JenisJabatan::Pelaksana);
        }
        if kind.contains("fungsional") {
            let name = name.to_lowercase();
            return Self::ALL
                .into_iter()
                .filter(|j| j.is_fungsional())
                .find(|j| name.ends_with(&j.label().to_lowercase()));
        }
        None
    }

    pub fn group(self) -> JabatanGroup {
        use JenisJabatan::*;
        match self {
            JptUtama | JptMadya | JptPratama => JabatanGroup::Jpt,
            Administrator | Pengawas | Pelaksana => JabatanGroup::Administrasi,
            AhliPertama | AhliMuda | AhliMadya | AhliUtama => JabatanGroup::FungsionalKeahlian,
            Pemula | Terampil | Mahir | Penyelia => JabatanGroup::FungsionalKeterampilan,
        }
    }

    /// Functional positions are named with their jenjang ("Perawat Ahli Pertama").
    pub fn is_fungsional(self) -> bool {
        matches!(
            self.group(),
            JabatanGroup::FungsionalKeahlian | JabatanGroup::FungsionalKeterampilan
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JabatanGroup {
    Jpt,
    Administrasi,
    FungsionalKeahlian,
    FungsionalKeterampilan,
}

/// Jabatan pelaksana renamed by the simplified nomenclature of PermenPANRB 45/2022 (listed
/// in KepmenPANRB 656/2023): (old name, new name). ONE table; the pairs are kinerja's
/// reading for the positions the demo uses, not checked against the Lampiran: verify and
/// change them here. `import staff` reads an old name as the new one.
pub const PELAKSANA_RENAMED: [(&str, &str); 6] = [
    ("Pengadministrasi Umum", "Pengadministrasi Perkantoran"),
    ("Pengadministrasi Sekolah", "Penata Layanan Operasional"),
    ("Pengemudi", "Operator Layanan Operasional"),
    ("Petugas Kebersihan", "Pengelola Umum Operasional"),
    ("Pramu Kebersihan", "Pengelola Umum Operasional"),
    ("Caraka", "Operator Layanan Operasional"),
];

/// The PermenPANRB 45/2022 name of an old jabatan pelaksana name (any case, spaces
/// trimmed); `None` when the name is not an old one.
pub fn pelaksana_renamed(name: &str) -> Option<&'static str> {
    let name = name.trim();
    PELAKSANA_RENAMED
        .iter()
        .find(|(old, _)| old.eq_ignore_ascii_case(name))
        .map(|(_, new)| *new)
}

/// A position: its name ("Perawat", "Kepala Puskesmas") and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jabatan {
    pub nama: String,
    pub jenis: JenisJabatan,
}

impl Jabatan {
    /// The full title, e.g. "Perawat Ahli Pertama" or "Kepala Puskesmas".
    pub fn title(&self) -> String {
        if self.jenis.is_fungsional() {
            format!("{} {}", self.nama, self.jenis.label())
        } else {
            self.nama.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_parses_back() {
        for j in JenisJabatan::ALL {
            assert_eq!(JenisJabatan::parse(j.label()), Some(j));
        }
        assert_eq!(
            JenisJabatan::parse("ahli  pertama"),
            Some(JenisJabatan::AhliPertama)
        );
        assert_eq!(JenisJabatan::parse("Ahli"), None);
    }

    #[test]
    fn functional_titles_carry_the_jenjang() {
        let perawat = Jabatan {
            nama: "Perawat".into(),
            jenis: JenisJabatan::Terampil,
        };
        assert_eq!(perawat.title(), "Perawat Terampil");
        let lurah = Jabatan {
            nama: "Lurah".into(),
            jenis: JenisJabatan::Administrator,
        };
        assert_eq!(lurah.title(), "Lurah");
        assert_eq!(
            JenisJabatan::Mahir.group(),
            JabatanGroup::FungsionalKeterampilan
        );
        assert_eq!(JenisJabatan::JptPratama.group(), JabatanGroup::Jpt);
    }

    #[test]
    fn old_pelaksana_names_read_as_the_new_ones() {
        assert_eq!(
            pelaksana_renamed(" pengadministrasi umum "),
            Some("Pengadministrasi Perkantoran")
        );
        assert_eq!(
            pelaksana_renamed("Pengemudi"),
            Some("Operator Layanan Operasional")
        );
        assert_eq!(pelaksana_renamed("Pengelola Umum Operasional"), None);
        // New names are never old ones: no chain of renames.
        for (_, new) in PELAKSANA_RENAMED {
            assert_eq!(pelaksana_renamed(new), None, "{new}");
        }
    }

    #[test]
    fn siasn_general_kinds_take_the_jenjang_from_the_position() {
        assert_eq!(
            JenisJabatan::from_kind_and_name("Jabatan Fungsional", "Perawat Ahli Pertama"),
            Some(JenisJabatan::AhliPertama)
        );
        assert_eq!(
            JenisJabatan::from_kind_and_name("Jabatan Fungsional", "Bidan Terampil"),
            Some(JenisJabatan::Terampil)
        );
        assert_eq!(
            JenisJabatan::from_kind_and_name("Jabatan Pelaksana", "Pengadministrasi Umum"),
            Some(JenisJabatan::Pelaksana)
        );
        assert_eq!(
            JenisJabatan::from_kind_and_name("Jabatan Fungsional", "Guru"),
            None
        );
    }
}
