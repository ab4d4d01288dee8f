//! The demo's competency catalogue and the requirements of positions.

use crate::domain::{Competency, CompetencyKind, JenisJabatan, Requirement, TrainingKind};

/// The demo's competency catalogue and requirements (AKPK, issue 13): invented for the
/// demo, not taken from any regulation or agency, and marked "(demo)" in every name. The
/// title words match the demo's own course titles ("Pelatihan Penanganan Gawat Darurat" is
/// a PPGD), so some people hold a competency, some let it expire and some lack it. No
/// randomness: the rest of the demo data is the same as without it.
pub fn competency_catalogue() -> (Vec<Competency>, Vec<Requirement>) {
    use CompetencyKind::{Manajerial, SosialKultural, Teknis};
    let words = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let catalogue = vec![
        Competency::new(
            "PPGD / BTCLS (demo)",
            Teknis,
            vec![],
            words(&["BTCLS", "PPGD", "Gawat Darurat"]),
            Some(36),
        ),
        Competency::new(
            "Kurikulum Merdeka (demo)",
            Teknis,
            vec![],
            words(&["Kurikulum Merdeka"]),
            None,
        ),
        Competency::new(
            "Asesmen Nasional (demo)",
            Teknis,
            vec![],
            words(&["Asesmen Nasional"]),
            Some(24),
        ),
        Competency::new(
            "Kepemimpinan Pengawas (demo)",
            Manajerial,
            vec![TrainingKind::Pkp],
            vec![],
            None,
        ),
        Competency::new(
            "Penyusunan SKP (demo)",
            Manajerial,
            vec![],
            words(&["Penyusunan SKP", "e-Kinerja"]),
            Some(24),
        ),
        Competency::new(
            "Pelayanan Publik Prima (demo)",
            SosialKultural,
            vec![],
            words(&["Pelayanan Publik"]),
            Some(36),
        ),
        Competency::new(
            "Nilai Dasar ASN BerAKHLAK (demo)",
            SosialKultural,
            vec![TrainingKind::LatsarCpns],
            words(&["BerAKHLAK"]),
            None,
        ),
        Competency::new(
            "Literasi Digital (demo)",
            Teknis,
            vec![],
            words(&["Literasi Digital", "Administrasi Digital"]),
            Some(24),
        ),
        Competency::new(
            "Gizi Masyarakat (demo)",
            Teknis,
            vec![],
            words(&["Gizi"]),
            Some(36),
        ),
        Competency::new(
            "Kesehatan Kerja (demo)",
            Teknis,
            vec![],
            words(&["Kesehatan Kerja"]),
            Some(36),
        ),
        Competency::new(
            "Sistem Informasi Puskesmas (demo)",
            Teknis,
            vec![],
            words(&["Sistem Informasi Puskesmas"]),
            Some(36),
        ),
    ];
    let by_name = |jabatan: &str, competency: &str| Requirement {
        jabatan: jabatan.into(),
        jenis: None,
        competency: crate::domain::unit_id(competency),
    };
    let by_jenis = |jenis: JenisJabatan, competency: &str| Requirement {
        jabatan: String::new(),
        jenis: Some(jenis),
        competency: crate::domain::unit_id(competency),
    };
    let requirements = vec![
        by_name("Perawat", "PPGD / BTCLS (demo)"),
        by_name("Bidan", "PPGD / BTCLS (demo)"),
        by_name("Dokter", "PPGD / BTCLS (demo)"),
        by_name("Guru", "Kurikulum Merdeka (demo)"),
        by_name("Guru", "Asesmen Nasional (demo)"),
        by_jenis(JenisJabatan::Pengawas, "Kepemimpinan Pengawas (demo)"),
        by_name("Kepala Seksi", "Penyusunan SKP (demo)"),
        by_name(
            "Pengadministrasi Perkantoran",
            "Pelayanan Publik Prima (demo)",
        ),
        by_name("Pengelola Keuangan", "Pelayanan Publik Prima (demo)"),
        by_jenis(JenisJabatan::Pelaksana, "Nilai Dasar ASN BerAKHLAK (demo)"),
        by_name("Pranata Komputer", "Literasi Digital (demo)"),
        by_name("Penata Layanan Operasional", "Literasi Digital (demo)"),
        by_name(
            "Pranata Laboratorium Kesehatan",
            "Sistem Informasi Puskesmas (demo)",
        ),
        by_name("Analis Kebijakan", "Pelayanan Publik Prima (demo)"),
        by_name("Penyuluh Kesehatan Masyarakat", "Gizi Masyarakat (demo)"),
        by_name("Sanitarian", "Kesehatan Kerja (demo)"),
        by_name("Pustakawan", "Literasi Digital (demo)"),
    ];
    (catalogue, requirements)
}
