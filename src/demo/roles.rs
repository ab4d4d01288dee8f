//! The positions a unit can hold, by kind of unit (health, school, office).

use crate::domain::JenisJabatan as J;
use crate::domain::Pendidikan as P;
use crate::domain::{JenisJabatan, Pendidikan};

/// A position a unit can hold: name, kind, the educations that fit, and the titles.
pub(super) struct Role {
    pub(super) nama: &'static str,
    pub(super) jenis: &'static [JenisJabatan],
    pub(super) pendidikan: &'static [Pendidikan],
    pub(super) weight: u32,
}

pub(super) const HEALTH_ROLES: &[Role] = &[
    Role {
        nama: "Dokter",
        jenis: &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
        // S-1 becomes Profesi and some S-2 Sp-1 in `siasn_level`.
        pendidikan: &[P::S1, P::S2],
        weight: 12,
    },
    Role {
        nama: "Perawat",
        jenis: &[J::Terampil, J::Mahir, J::Penyelia],
        pendidikan: &[P::D3],
        weight: 25,
    },
    Role {
        nama: "Perawat",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1],
        weight: 12,
    },
    Role {
        nama: "Bidan",
        jenis: &[J::Terampil, J::Mahir, J::Penyelia],
        pendidikan: &[P::D3],
        weight: 20,
    },
    Role {
        nama: "Penyuluh Kesehatan Masyarakat",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1],
        weight: 8,
    },
    Role {
        nama: "Sanitarian",
        jenis: &[J::Terampil, J::Mahir],
        pendidikan: &[P::D3],
        weight: 6,
    },
    Role {
        nama: "Pranata Laboratorium Kesehatan",
        jenis: &[J::Terampil, J::Mahir],
        pendidikan: &[P::D3],
        weight: 6,
    },
    Role {
        nama: "Pengadministrasi Perkantoran",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Slta, P::D3],
        weight: 11,
    },
];

pub(super) const SCHOOL_ROLES: &[Role] = &[
    Role {
        nama: "Guru",
        jenis: &[J::AhliPertama, J::AhliMuda, J::AhliMadya],
        pendidikan: &[P::S1, P::S2],
        weight: 80,
    },
    Role {
        nama: "Pustakawan",
        jenis: &[J::Terampil, J::AhliPertama],
        pendidikan: &[P::D3, P::S1],
        weight: 6,
    },
    Role {
        nama: "Penata Layanan Operasional",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Slta, P::D3],
        weight: 14,
    },
];

pub(super) const OFFICE_ROLES: &[Role] = &[
    Role {
        nama: "Kepala Seksi",
        jenis: &[J::Pengawas],
        pendidikan: &[P::S1, P::S2],
        weight: 10,
    },
    Role {
        nama: "Pranata Komputer",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1],
        weight: 8,
    },
    Role {
        nama: "Analis Kebijakan",
        jenis: &[J::AhliPertama, J::AhliMuda],
        pendidikan: &[P::S1, P::S2],
        weight: 7,
    },
    Role {
        nama: "Pengelola Keuangan",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::D3, P::S1],
        weight: 15,
    },
    Role {
        nama: "Pengadministrasi Perkantoran",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Slta, P::D3],
        weight: 35,
    },
    Role {
        nama: "Operator Layanan Operasional",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Sltp, P::Slta],
        weight: 5,
    },
    Role {
        nama: "Pengelola Umum Operasional",
        jenis: &[J::Pelaksana],
        pendidikan: &[P::Sd, P::Sltp],
        weight: 5,
    },
];
