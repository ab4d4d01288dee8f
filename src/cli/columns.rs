//! The CSV columns of each record kind, in the order exports write them. Imports accept
//! the Indonesian names and the English aliases, in any order.

use super::csvio::Column;
use crate::domain::NilaiBerakhlak;

const fn col(name: &'static str, aliases: &'static [&'static str], required: bool) -> Column {
    Column {
        name,
        aliases,
        required,
    }
}

pub const STAFF: &[Column] = &[
    // The aliases include the column names of SIASN and SIMPEG exports (user guide,
    // "Exports from SIASN and SIMPEG").
    col("nip", &["ni_pppk", "nip_baru"], true),
    col(
        "status",
        &["status_kepegawaian", "employment", "status_cpns_pns"],
        false,
    ),
    col("nama", &["name"], true),
    col("gelar_depan", &["title_before"], false),
    col("gelar_belakang", &["title_after", "degree"], false),
    col(
        "golongan",
        &["rank", "gol", "gol_akhir_nama", "golongan_nama"],
        true,
    ),
    col(
        "pendidikan",
        &["education", "tingkat_pendidikan_nama", "pendidikan_nama"],
        true,
    ),
    col("jabatan", &["position", "jabatan_nama"], true),
    col(
        "jenis_jabatan",
        &["position_kind", "jenjang", "jenis_jabatan_nama"],
        true,
    ),
    col("unit", &["unit_kerja", "unor_nama"], true),
    col("jenis_unit", &["unit_kind"], false),
    col("unit_induk", &["parent_unit"], false),
    col("aktif", &["active"], false),
];

/// Per BerAKHLAK aspect: its rating, expectation and feedback columns.
pub const ASPECT_COLUMNS: [(NilaiBerakhlak, &str, &str, &str); 7] = [
    (
        NilaiBerakhlak::BerorientasiPelayanan,
        "berorientasi_pelayanan",
        "berorientasi_pelayanan_ekspektasi",
        "berorientasi_pelayanan_umpan_balik",
    ),
    (
        NilaiBerakhlak::Akuntabel,
        "akuntabel",
        "akuntabel_ekspektasi",
        "akuntabel_umpan_balik",
    ),
    (
        NilaiBerakhlak::Kompeten,
        "kompeten",
        "kompeten_ekspektasi",
        "kompeten_umpan_balik",
    ),
    (
        NilaiBerakhlak::Harmonis,
        "harmonis",
        "harmonis_ekspektasi",
        "harmonis_umpan_balik",
    ),
    (
        NilaiBerakhlak::Loyal,
        "loyal",
        "loyal_ekspektasi",
        "loyal_umpan_balik",
    ),
    (
        NilaiBerakhlak::Adaptif,
        "adaptif",
        "adaptif_ekspektasi",
        "adaptif_umpan_balik",
    ),
    (
        NilaiBerakhlak::Kolaboratif,
        "kolaboratif",
        "kolaboratif_ekspektasi",
        "kolaboratif_umpan_balik",
    ),
];

pub fn evaluations() -> Vec<Column> {
    let mut cols = vec![
        col("nip", &[], true),
        col("tahun", &["year"], true),
        col("periode", &["period"], true),
        col("hasil_kerja", &["work_result"], true),
        col("perilaku", &["behaviour", "perilaku_kerja"], true),
        col("predikat", &[], false),
        // Written by export (`ya` while the period has not ended); import reads it as a
        // derived value and ignores it, as it does `predikat`.
        col("sementara", &["provisional"], false),
        col("penilai_nip", &["evaluator_nip"], false),
        col("penilai_nama", &["evaluator_name"], false),
        col("atasan_nip", &["atasan_penilai_nip"], false),
        col("atasan_nama", &["atasan_penilai_nama"], false),
    ];
    for (_, rating, ekspektasi, umpan_balik) in ASPECT_COLUMNS {
        cols.push(col(rating, &[], false));
        cols.push(col(ekspektasi, &[], false));
        cols.push(col(umpan_balik, &[], false));
    }
    cols.push(col("catatan", &["notes", "rekomendasi"], false));
    cols
}

pub const TRAININGS: &[Column] = &[
    col("nip", &[], true),
    col("judul", &["title", "nama_pelatihan"], true),
    col("jenis", &["kind", "jenis_pelatihan"], true),
    col(
        "penyelenggara",
        &["organiser", "organizer", "institusi_penyelenggara"],
        true,
    ),
    col(
        "jenis_penyelenggara",
        &["organiser_kind", "organizer_kind"],
        false,
    ),
    col("mulai", &["start", "tanggal_mulai"], true),
    col("selesai", &["end", "tanggal_selesai"], true),
    col("jp", &[], false),
    col("jam", &["hours"], false),
    col("status", &[], false),
    col("no_sertifikat", &["certificate", "nomor_sertifikat"], false),
    col("catatan", &["notes"], false),
    // The competency the training gives (its name or id in the catalogue, issue 13).
    col("kompetensi", &["competency"], false),
];

/// `kinerja import|export unit-ratings`: a unit's own rating per year or period
/// (SE MenPANRB 3/2023).
pub const UNIT_RATINGS: &[Column] = &[
    col("unit", &["unit_kerja", "unor_nama"], true),
    col("tahun", &["year"], true),
    col("periode", &["period"], false),
    col("nilai", &["rating", "nilai_unit", "predikat_unit"], true),
];

/// `kinerja import|export potentials`: potensial per person and year (PermenPANRB 3/2020).
pub const POTENTIALS: &[Column] = &[
    col("nip", &[], true),
    col("tahun", &["year"], true),
    col("potensial", &["potential"], true),
    col("sumber", &["source"], true),
    col("tanggal", &["date"], true),
    col("penilai", &["assessor"], false),
];

/// `kinerja import|export coaching`: coaching records (pembinaan kinerja).
pub const COACHING: &[Column] = &[
    col("nip", &[], true),
    col("tanggal", &["date"], true),
    col("jenis", &["kind"], true),
    col("pemberi_nama", &["given_by", "pemberi"], true),
    col("pemberi_nip", &["given_by_nip"], false),
    col("masalah", &["problem"], true),
    col("langkah", &["steps", "langkah_disepakati"], true),
    col(
        "tindak_lanjut",
        &["follow_up", "tanggal_tindak_lanjut"],
        true,
    ),
    col("selesai", &["closed", "tanggal_selesai"], false),
    col("hasil", &["outcome"], false),
];

/// `kinerja import|export competencies`: the AKPK competency catalogue (issue 13). Training
/// kinds and title words are separated by `;`; an empty `berlaku_bulan` means for good.
pub const COMPETENCIES: &[Column] = &[
    col("nama", &["name", "kompetensi"], true),
    col("jenis", &["kind", "jenis_kompetensi"], true),
    col("jenis_pelatihan", &["training_kinds"], false),
    col("kata_judul", &["title_words"], false),
    col("berlaku_bulan", &["validity_months"], false),
];

/// `kinerja import|export requirements`: which positions need which competencies. A row
/// names a position, a jenis jabatan / jenjang, or both.
pub const REQUIREMENTS: &[Column] = &[
    col("jabatan", &["position"], false),
    col("jenis_jabatan", &["position_kind", "jenjang"], false),
    col("kompetensi", &["competency"], true),
];

/// `kinerja import|export partners`: one row per agreement (a partner without one has one
/// row with the agreement columns empty). The partner's own columns repeat on each of its
/// rows and must be the same there; `kompetensi` lists catalogue competencies by name,
/// separated by `;`.
pub const PARTNERS: &[Column] = &[
    col("nama", &["name", "mitra", "penyelenggara"], true),
    col("jenis", &["kind", "jenis_penyelenggara"], true),
    col("kontak_nama", &["contact_name", "kontak"], false),
    col("kontak_telepon", &["contact_phone", "telepon"], false),
    col("kontak_email", &["contact_email", "email"], false),
    col("kompetensi", &["competencies"], false),
    col("jenis_perjanjian", &["agreement_kind"], false),
    col("nomor_perjanjian", &["agreement_number", "nomor"], false),
    col("mulai", &["start", "tanggal_mulai"], false),
    col("selesai", &["end", "tanggal_selesai"], false),
    col("ruang_lingkup", &["scope"], false),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspect_columns_follow_the_aspect_codes_in_order() {
        for ((berakhlak, rating, ekspektasi, umpan_balik), expected) in
            ASPECT_COLUMNS.iter().zip(NilaiBerakhlak::ALL)
        {
            assert_eq!(*berakhlak, expected);
            assert_eq!(*rating, expected.code());
            assert_eq!(*ekspektasi, format!("{}_ekspektasi", expected.code()));
            assert_eq!(*umpan_balik, format!("{}_umpan_balik", expected.code()));
        }
        assert_eq!(evaluations().len(), 11 + 7 * 3 + 1);
    }
}
