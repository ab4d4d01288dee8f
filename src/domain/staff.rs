//! A staff member (pegawai): identity, rank, position and unit.

use super::jabatan::Jabatan;
use super::nip::Nip;
use super::rank::{Golongan, Pendidikan};
use super::text::clean_line;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub nip: Nip,
    /// The name without titles.
    pub nama: String,
    /// Titles before the name: dr., Drs., H., Hj., Ns.
    pub gelar_depan: String,
    /// Degrees after the name: S.Pd., M.Kes., A.Md.Kep.
    pub gelar_belakang: String,
    pub golongan: Golongan,
    pub pendidikan: Pendidikan,
    pub jabatan: Jabatan,
    /// The id of the unit (see `unit::unit_id`).
    pub unit_id: String,
    /// Still employed here; inactive staff are kept for history.
    pub aktif: bool,
    /// Bumped by the store on each save; a save with an older one is refused.
    pub revision: u64,
}

/// Why a staff record cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error("the name is empty")]
    EmptyName,
    #[error("the position name is empty")]
    EmptyJabatan,
    #[error("the unit is empty")]
    EmptyUnit,
    #[error("golongan {golongan} does not fit a {kind} employee")]
    RankKindMismatch {
        golongan: Golongan,
        kind: &'static str,
    },
}

impl Staff {
    /// The name as written on documents: "dr. Rina Siregar, Sp.PD".
    pub fn display_name(&self) -> String {
        let mut s = String::new();
        if !self.gelar_depan.is_empty() {
            s.push_str(&self.gelar_depan);
            s.push(' ');
        }
        s.push_str(&self.nama);
        if !self.gelar_belakang.is_empty() {
            s.push_str(", ");
            s.push_str(&self.gelar_belakang);
        }
        s
    }

    /// The record with every text field cleaned of control characters.
    pub fn cleaned(mut self) -> Staff {
        for field in [
            &mut self.nama,
            &mut self.gelar_depan,
            &mut self.gelar_belakang,
            &mut self.jabatan.nama,
        ] {
            *field = clean_line(field);
        }
        self
    }

    pub fn validate(&self) -> Result<(), StaffError> {
        if self.nama.trim().is_empty() {
            return Err(StaffError::EmptyName);
        }
        if self.jabatan.nama.trim().is_empty() {
            return Err(StaffError::EmptyJabatan);
        }
        if self.unit_id.trim().is_empty() {
            return Err(StaffError::EmptyUnit);
        }
        let kind = self.nip.kind();
        if !self.golongan.fits(kind) {
            return Err(StaffError::RankKindMismatch {
                golongan: self.golongan,
                kind: kind.code(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::jabatan::JenisJabatan;

    fn sample() -> Staff {
        Staff {
            nip: Nip::parse("198503302010012002").unwrap(),
            nama: "Rina Siregar".into(),
            gelar_depan: "dr.".into(),
            gelar_belakang: "Sp.PD".into(),
            golongan: Golongan::parse("III/c", false).unwrap(),
            pendidikan: Pendidikan::S2,
            jabatan: Jabatan {
                nama: "Dokter".into(),
                jenis: JenisJabatan::AhliMuda,
            },
            unit_id: "puskesmas-belawan".into(),
            aktif: true,
            revision: 0,
        }
    }

    #[test]
    fn display_name_puts_titles_around_the_name() {
        assert_eq!(sample().display_name(), "dr. Rina Siregar, Sp.PD");
        let plain = Staff {
            gelar_depan: String::new(),
            gelar_belakang: String::new(),
            ..sample()
        };
        assert_eq!(plain.display_name(), "Rina Siregar");
    }

    #[test]
    fn a_pppk_paruh_waktu_needs_no_golongan_but_a_pppk_does() {
        use crate::domain::EmploymentKind;
        let nip = |kind| Nip::parse_as("199312282025212001", kind).unwrap();
        let pw = Staff {
            nip: nip(EmploymentKind::PppkParuhWaktu),
            golongan: Golongan::Unstated,
            ..sample()
        };
        assert_eq!(pw.validate(), Ok(()));
        let with_rank = Staff {
            golongan: Golongan::Pppk(5),
            ..pw.clone()
        };
        assert_eq!(with_rank.validate(), Ok(()));
        let full_time = Staff {
            nip: nip(EmploymentKind::Pppk),
            ..pw
        };
        assert!(matches!(
            full_time.validate(),
            Err(StaffError::RankKindMismatch { .. })
        ));
    }

    #[test]
    fn a_pns_cannot_hold_a_pppk_golongan() {
        let wrong = Staff {
            golongan: Golongan::Pppk(9),
            ..sample()
        };
        assert!(matches!(
            wrong.validate(),
            Err(StaffError::RankKindMismatch { .. })
        ));
        assert_eq!(sample().validate(), Ok(()));
    }
}
