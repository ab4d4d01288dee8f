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
    // The date the employee received it, and the people as they were then (issue 19).
    cols.push(col("diterima", &["received"], false));
    cols.extend(
        PERSON_THEN_EVALUATION
            .iter()
            .map(|(name, aliases)| col(name, aliases, false)),
    );
    cols
}

/// The evaluation's people as they were then, after its first columns: the pegawai's name,
/// and each person's rank, position and unit (their NIP and name columns come first).
const PERSON_THEN_EVALUATION: [(&str, &[&str]); 10] = [
    ("pegawai_nama", &["employee_name"]),
    ("pegawai_golongan", &["employee_rank"]),
    ("pegawai_jabatan", &["employee_position"]),
    ("pegawai_unit", &["employee_unit"]),
    ("penilai_golongan", &["evaluator_rank"]),
    ("penilai_jabatan", &["evaluator_position"]),
    ("penilai_unit", &["evaluator_unit"]),
    ("atasan_golongan", &[]),
    ("atasan_jabatan", &[]),
    ("atasan_unit", &[]),
];

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

/// `kinerja import|export unit-ratings`: a unit's own rating per year or period, the
/// capaian kinerja organisasi (SE MenPANRB 3/2023). The column was `nilai` before issue 21;
/// that name is still read.
pub const UNIT_RATINGS: &[Column] = &[
    col("unit", &["unit_kerja", "unor_nama"], true),
    col("tahun", &["year"], true),
    col("periode", &["period"], false),
    col(
        "capaian_organisasi",
        &[
            "nilai",
            "capaian",
            "capaian_kinerja_organisasi",
            "rating",
            "nilai_unit",
            "predikat_unit",
        ],
        true,
    ),
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

/// `kinerja import|export kontrak`: PPPK contracts (perjanjian kerja), one row each
/// (issue 21).
pub const CONTRACTS: &[Column] = &[
    col("nip", &["ni_pppk"], true),
    col("mulai", &["tanggal_mulai", "tmt_awal", "start"], true),
    col("selesai", &["tanggal_selesai", "tmt_akhir", "end"], true),
    col(
        "nomor",
        &[
            "nomor_perjanjian",
            "no_perjanjian",
            "nomor_kontrak",
            "number",
        ],
        false,
    ),
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

/// `kinerja import|export skp`: one row per indicator (an RHK without indicators, or an SKP
/// without RHK, has one row with those columns empty). The SKP's columns repeat on each of
/// its rows, the RHK's on each of its indicators', and must be the same there. An SKP is
/// the NIP and `mulai`; an RHK its number in the SKP; an indicator its number in the RHK.
pub const SKP: &[Column] = &[
    col("nip", &[], true),
    col("mulai", &["start", "periode_mulai"], true),
    col("selesai", &["end", "periode_selesai"], true),
    col("bentuk", &["form"], false),
    col("pendekatan", &["approach"], false),
    // Written by export (`draft` or `ditetapkan`); import checks it against `ditetapkan`.
    col("status", &[], false),
    col("ditetapkan", &["set_on", "tanggal_ditetapkan"], false),
    col("pegawai_nama", &["employee_name"], false),
    col("pegawai_golongan", &["employee_rank"], false),
    col("pegawai_jabatan", &["employee_position"], false),
    col("pegawai_unit", &["employee_unit"], false),
    col("penilai_nip", &["evaluator_nip"], false),
    col("penilai_nama", &["evaluator_name"], true),
    col("penilai_golongan", &["evaluator_rank"], false),
    col("penilai_jabatan", &["evaluator_position"], false),
    col("penilai_unit", &["evaluator_unit"], false),
    col("atasan_nip", &["atasan_penilai_nip"], false),
    col("atasan_nama", &["atasan_penilai_nama"], false),
    col("atasan_golongan", &[], false),
    col("atasan_jabatan", &[], false),
    col("atasan_unit", &[], false),
    col("berorientasi_pelayanan_ekspektasi", &[], false),
    col("akuntabel_ekspektasi", &[], false),
    col("kompeten_ekspektasi", &[], false),
    col("harmonis_ekspektasi", &[], false),
    col("loyal_ekspektasi", &[], false),
    col("adaptif_ekspektasi", &[], false),
    col("kolaboratif_ekspektasi", &[], false),
    // The Lampiran SKP: one line per line of the cell.
    col("sumber_daya", &["resources"], false),
    col("skema_pertanggungjawaban", &["accountability"], false),
    col("konsekuensi", &["consequences"], false),
    col("rhk_no", &["rhk_number"], false),
    col("rhk_jenis", &["rhk_kind"], false),
    col("rhk", &["rencana_hasil_kerja"], false),
    // `atasan` (the superior's RHK), `perjanjian-kinerja`, or empty.
    col("intervensi", &["intervention"], false),
    col(
        "intervensi_teks",
        &["rhk_atasan", "intervention_text"],
        false,
    ),
    // The superior's RHK when it is in the database: their NIP, the start of their SKP
    // (empty: the one covering this SKP's start) and the RHK's number in it.
    col("intervensi_nip", &["rhk_atasan_nip"], false),
    col("intervensi_mulai", &["rhk_atasan_mulai"], false),
    col("intervensi_rhk_no", &["rhk_atasan_no"], false),
    col("indikator_no", &["indicator_number"], false),
    col("aspek", &["aspect"], false),
    col("indikator", &["indicator", "indikator_kinerja"], false),
    col("target", &[], false),
];

/// `kinerja import|export realisasi`: one indicator's realisation for one period; the
/// indicator by its SKP (NIP and start), RHK number and number in the RHK.
pub const REALISASI: &[Column] = &[
    col("nip", &[], true),
    col("skp_mulai", &["skp_start", "mulai"], true),
    col("rhk_no", &["rhk_number"], true),
    col("indikator_no", &["indicator_number"], true),
    col("tahun", &["year"], true),
    col("periode", &["period"], true),
    col("realisasi", &["nilai", "value"], true),
    col("catatan", &["notes"], false),
];

/// `kinerja import|export bukti`: evidence (`jenis` bukti) and feedback (`jenis`
/// umpan-balik) on an RHK or one of its indicators.
pub const BUKTI: &[Column] = &[
    col("nip", &[], true),
    col("skp_mulai", &["skp_start", "mulai"], true),
    col("rhk_no", &["rhk_number"], true),
    // Empty: the RHK as a whole.
    col("indikator_no", &["indicator_number"], false),
    col("jenis", &["kind"], true),
    col("tanggal", &["date"], true),
    // What the evidence is, or the feedback's text.
    col("uraian", &["description", "teks"], true),
    // Evidence: where it is kept (a reference or a path).
    col("lokasi", &["location", "tempat"], false),
    // Feedback: who gave it.
    col("dari", &["from", "pemberi"], false),
];

/// `kinerja import|export keberatan`: an objection to an evaluation (PP 30/2019 Pasal 59)
/// and every step on it; the evaluation by NIP and period.
pub const KEBERATAN: &[Column] = &[
    col("nip", &[], true),
    col("tahun", &["year"], true),
    col("periode", &["period"], true),
    // Written by export (`diajukan`, `dijelaskan`, `diputuskan`); import checks it.
    col("status", &[], false),
    col("diterima", &["received"], false),
    col("diajukan", &["filed", "tanggal_keberatan"], true),
    col("alasan", &["reasons"], true),
    col("asal_hasil_kerja", &["original_work_result"], true),
    col("asal_perilaku", &["original_behaviour"], true),
    col("penjelasan", &["explanation", "tanggapan_penilai"], false),
    col("penjelasan_tanggal", &["explained_on"], false),
    // `tetap` or `diubah`; empty while not decided.
    col("keputusan", &["decision"], false),
    col("hasil_kerja_baru", &["new_work_result"], false),
    col("perilaku_baru", &["new_behaviour"], false),
    col("diputuskan_tanggal", &["decided_on"], false),
    col("diputuskan_nip", &["decided_by_nip"], false),
    col("diputuskan_nama", &["decided_by", "decided_by_name"], false),
    col("diputuskan_golongan", &["decided_by_rank"], false),
    col("diputuskan_jabatan", &["decided_by_position"], false),
    col("diputuskan_unit", &["decided_by_unit"], false),
    col("keputusan_catatan", &["decision_notes"], false),
];

/// `kinerja import|export riwayat` (issue 21): one row per change of a person's career, as
/// SIASN's riwayat exports give it: the kind (`pangkat`, `jabatan` or `unit`; read from the
/// one value column filled when the file has no `jenis`), the value, its TMT (empty when not
/// known) and the decree's number.
pub const RIWAYAT: &[Column] = &[
    col("nip", &["nip_baru", "ni_pppk"], true),
    col("jenis", &["jenis_riwayat", "kind"], false),
    col(
        "golongan",
        &["gol", "golongan_nama", "pangkat", "rank"],
        false,
    ),
    col("jabatan", &["jabatan_nama", "position"], false),
    col(
        "jenis_jabatan",
        &["jenis_jabatan_nama", "jenjang", "position_kind"],
        false,
    ),
    col("unit", &["unit_kerja", "unor_nama", "unor"], false),
    col(
        "tmt",
        &["tmt_golongan", "tmt_jabatan", "tmt_unor", "tmt_pangkat"],
        false,
    ),
    col(
        "nomor_sk",
        &["no_sk", "sk_nomor", "nomor_sk_pangkat"],
        false,
    ),
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
        assert_eq!(evaluations().len(), 11 + 7 * 3 + 1 + 1 + 10);
        // The SKP's expectation columns follow the BerAKHLAK order too.
        let skp: Vec<&str> = SKP
            .iter()
            .map(|c| c.name)
            .filter(|n| n.ends_with("_ekspektasi"))
            .collect();
        let expected: Vec<String> = NilaiBerakhlak::ALL
            .iter()
            .map(|v| format!("{}_ekspektasi", v.code()))
            .collect();
        assert_eq!(skp, expected);
    }
}
