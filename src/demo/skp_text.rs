//! The demo's SKP texts: what a unit head plans (citing the unit's Perjanjian Kinerja) and
//! what each position plans under it, per kind of unit. Invented, but in the words an
//! e-Kinerja plan uses: RHK as "Terlaksananya ...", indicators with a number and a satuan
//! per month or quarter, so a quarter's realisation reads against the same target.

use crate::domain::Aspek::{self, Biaya, Kualitas, Kuantitas, Waktu};
use crate::domain::UnitKind;

/// An indicator: its aspect, text and target (whole units with a satuan, or for a
/// kualitatif plan a sentence).
pub(super) struct Ind {
    pub(super) aspek: Aspek,
    pub(super) teks: &'static str,
    pub(super) target: u32,
    pub(super) satuan: &'static str,
}

/// An RHK of a template: its text (`{unit}` becomes the unit's name), which of the head's
/// RHK it supports (0-based) and its indicators.
pub(super) struct RhkTpl {
    pub(super) teks: &'static str,
    pub(super) cites: usize,
    pub(super) ind: &'static [Ind],
}

const fn i(aspek: Aspek, teks: &'static str, target: u32, satuan: &'static str) -> Ind {
    Ind {
        aspek,
        teks,
        target,
        satuan,
    }
}

/// A kualitatif indicator: the target is the sentence in `satuan`.
const fn q(aspek: Aspek, teks: &'static str, target: &'static str) -> Ind {
    Ind {
        aspek,
        teks,
        target: 0,
        satuan: target,
    }
}

const fn r(teks: &'static str, cites: usize, ind: &'static [Ind]) -> RhkTpl {
    RhkTpl { teks, cites, ind }
}

/// The unit's Perjanjian Kinerja goals (sasaran), one per head RHK.
pub(super) fn perjanjian_kinerja(kind: UnitKind) -> [&'static str; 3] {
    match kind {
        UnitKind::Kesehatan => [
            "Meningkatnya mutu pelayanan kesehatan dasar",
            "Meningkatnya cakupan kesehatan ibu dan anak",
            "Menurunnya stunting dan penyakit menular",
        ],
        UnitKind::Pendidikan => [
            "Meningkatnya mutu pembelajaran",
            "Meningkatnya kompetensi pendidik dan tenaga kependidikan",
            "Meningkatnya tata kelola sekolah yang akuntabel",
        ],
        _ => [
            "Meningkatnya kualitas pelayanan publik",
            "Meningkatnya partisipasi masyarakat dalam pembangunan",
            "Terwujudnya ketenteraman dan ketertiban umum",
        ],
    }
}

/// A unit head's plan: three RHK of two indicators each, citing the Perjanjian Kinerja.
pub(super) fn head_plan(kind: UnitKind) -> &'static [RhkTpl; 3] {
    match kind {
        UnitKind::Kesehatan => &HEAD_HEALTH,
        UnitKind::Pendidikan => &HEAD_SCHOOL,
        _ => &HEAD_OFFICE,
    }
}

const HEAD_HEALTH: [RhkTpl; 3] = [
    r(
        "Terselenggaranya pelayanan kesehatan dasar yang bermutu di {unit}",
        0,
        &[
            i(Kualitas, "Indeks kepuasan masyarakat", 85, "nilai"),
            i(Kuantitas, "Pasien dilayani sesuai standar", 90, "%"),
        ],
    ),
    r(
        "Meningkatnya cakupan kesehatan ibu dan anak di wilayah {unit}",
        1,
        &[
            i(Kuantitas, "Cakupan kunjungan ibu hamil K4", 90, "%"),
            i(Kuantitas, "Cakupan imunisasi dasar lengkap", 92, "%"),
        ],
    ),
    r(
        "Terkendalinya stunting dan penyakit menular di wilayah {unit}",
        2,
        &[
            i(
                Kuantitas,
                "Balita stunting yang mendapat intervensi",
                85,
                "%",
            ),
            i(Waktu, "Penyampaian laporan surveilans mingguan", 2, "hari"),
        ],
    ),
];

const HEAD_SCHOOL: [RhkTpl; 3] = [
    r(
        "Meningkatnya mutu proses dan hasil pembelajaran di {unit}",
        0,
        &[
            i(
                Kuantitas,
                "Peserta didik mencapai tujuan pembelajaran",
                85,
                "%",
            ),
            i(Kualitas, "Rata-rata nilai asesmen sumatif", 75, "nilai"),
        ],
    ),
    r(
        "Terlaksananya pengembangan kompetensi guru dan tenaga kependidikan",
        1,
        &[
            i(Kuantitas, "Guru yang disupervisi akademik", 90, "%"),
            i(Kuantitas, "Kegiatan komunitas belajar", 2, "kegiatan/bulan"),
        ],
    ),
    r(
        "Terkelolanya anggaran dan sarana {unit} secara akuntabel",
        2,
        &[
            i(
                Waktu,
                "Laporan dana BOSP setelah akhir triwulan",
                10,
                "hari",
            ),
            i(Kualitas, "Sarana belajar dalam kondisi baik", 80, "%"),
        ],
    ),
];

const HEAD_OFFICE: [RhkTpl; 3] = [
    r(
        "Meningkatnya kualitas pelayanan administrasi di {unit}",
        0,
        &[
            i(Kualitas, "Indeks kepuasan masyarakat", 82, "nilai"),
            i(Waktu, "Penyelesaian surat keterangan", 2, "hari"),
        ],
    ),
    r(
        "Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan",
        1,
        &[
            i(
                Kuantitas,
                "Usulan musrenbang yang diverifikasi",
                15,
                "usulan/triwulan",
            ),
            i(
                Kuantitas,
                "Kehadiran unsur masyarakat dalam musyawarah",
                80,
                "%",
            ),
        ],
    ),
    r(
        "Terwujudnya ketenteraman, ketertiban dan kebersihan di {unit}",
        2,
        &[
            i(Kuantitas, "Patroli ketertiban lingkungan", 4, "kali/bulan"),
            i(Waktu, "Tanggapan atas pengaduan masyarakat", 3, "hari"),
        ],
    ),
];

/// The RHK utama of a position, by its name (the demo's roles); `None` for a name the demo
/// does not use.
pub(super) fn position_plan(role: &str) -> Option<&'static [RhkTpl]> {
    POSITIONS
        .iter()
        .find(|(name, _)| *name == role)
        .map(|(_, plan)| *plan)
}

const POSITIONS: &[(&str, &[RhkTpl])] = &[
    (
        "Dokter",
        &[
            r(
                "Terlaksananya pemeriksaan dan pengobatan pasien rawat jalan",
                0,
                &[
                    i(Kuantitas, "Pasien yang diperiksa", 300, "pasien/bulan"),
                    i(Kualitas, "Rekam medis yang lengkap", 90, "%"),
                ],
            ),
            r(
                "Terlaksananya rujukan pasien sesuai indikasi medis",
                0,
                &[i(Kualitas, "Rujukan yang sesuai indikasi", 90, "%")],
            ),
            r(
                "Terlaksananya pemeriksaan ibu hamil dan balita berisiko",
                1,
                &[i(
                    Kuantitas,
                    "Ibu hamil dan balita berisiko diperiksa",
                    20,
                    "orang/bulan",
                )],
            ),
        ],
    ),
    (
        "Perawat",
        &[
            r(
                "Terlaksananya asuhan keperawatan pasien",
                0,
                &[
                    i(
                        Kuantitas,
                        "Pasien yang mendapat asuhan keperawatan",
                        150,
                        "pasien/bulan",
                    ),
                    i(Kualitas, "Dokumentasi asuhan keperawatan lengkap", 90, "%"),
                ],
            ),
            r(
                "Terlaksananya pelayanan imunisasi di posyandu",
                1,
                &[i(
                    Kuantitas,
                    "Posyandu yang didampingi",
                    4,
                    "kegiatan/bulan",
                )],
            ),
            r(
                "Terlaksananya kunjungan rumah pasien penyakit menular",
                2,
                &[
                    i(Kuantitas, "Kunjungan rumah", 6, "kunjungan/bulan"),
                    i(Waktu, "Pelaporan hasil kunjungan", 2, "hari"),
                ],
            ),
        ],
    ),
    (
        "Bidan",
        &[
            r(
                "Terlaksananya pelayanan antenatal ibu hamil",
                1,
                &[
                    i(Kuantitas, "Ibu hamil yang dilayani", 25, "orang/bulan"),
                    i(
                        Kualitas,
                        "Pemeriksaan antenatal sesuai standar 10T",
                        90,
                        "%",
                    ),
                ],
            ),
            r(
                "Terlaksananya pelayanan KB dan kesehatan reproduksi",
                1,
                &[i(Kuantitas, "Akseptor KB yang dilayani", 30, "orang/bulan")],
            ),
            r(
                "Terpantaunya pertumbuhan balita di posyandu binaan",
                2,
                &[i(Kuantitas, "Balita yang ditimbang", 85, "%")],
            ),
        ],
    ),
    (
        "Penyuluh Kesehatan Masyarakat",
        &[
            r(
                "Terlaksananya penyuluhan kesehatan kepada masyarakat",
                0,
                &[
                    i(Kuantitas, "Kegiatan penyuluhan", 4, "kegiatan/bulan"),
                    i(
                        Kualitas,
                        "Peserta yang memahami materi (post-test)",
                        80,
                        "%",
                    ),
                ],
            ),
            r(
                "Terlaksananya edukasi gizi dan pencegahan stunting",
                2,
                &[i(
                    Kuantitas,
                    "Kelas ibu balita yang difasilitasi",
                    3,
                    "kelas/triwulan",
                )],
            ),
        ],
    ),
    (
        "Sanitarian",
        &[
            r(
                "Terlaksananya inspeksi kesehatan lingkungan",
                2,
                &[
                    i(
                        Kuantitas,
                        "Rumah dan tempat umum diperiksa",
                        30,
                        "lokasi/bulan",
                    ),
                    i(Waktu, "Penyampaian rekomendasi hasil inspeksi", 3, "hari"),
                ],
            ),
            r(
                "Terlaksananya pemicuan sanitasi total berbasis masyarakat",
                2,
                &[i(Kuantitas, "Keluarga dengan akses jamban sehat", 85, "%")],
            ),
        ],
    ),
    (
        "Pranata Laboratorium Kesehatan",
        &[
            r(
                "Terlaksananya pemeriksaan laboratorium klinik",
                0,
                &[
                    i(Kuantitas, "Sampel yang diperiksa", 200, "sampel/bulan"),
                    i(Waktu, "Penyampaian hasil pemeriksaan", 1, "hari"),
                ],
            ),
            r(
                "Terjaminnya mutu pemeriksaan laboratorium",
                0,
                &[i(
                    Kualitas,
                    "Pemantapan mutu internal memenuhi syarat",
                    95,
                    "%",
                )],
            ),
        ],
    ),
    (
        "Pengadministrasi Perkantoran",
        &[
            r(
                "Terkelolanya administrasi persuratan dan kearsipan",
                0,
                &[
                    i(Kuantitas, "Surat yang diagendakan", 60, "surat/bulan"),
                    i(Waktu, "Pendistribusian surat masuk", 1, "hari"),
                ],
            ),
            r(
                "Tersusunnya laporan administrasi kepegawaian",
                0,
                &[i(Kuantitas, "Laporan yang disusun", 3, "laporan/triwulan")],
            ),
        ],
    ),
    (
        "Guru",
        &[
            r(
                "Terlaksananya pembelajaran sesuai Kurikulum Merdeka",
                0,
                &[
                    i(Kuantitas, "Jam tatap muka", 24, "jam/minggu"),
                    i(
                        Kuantitas,
                        "Peserta didik mencapai tujuan pembelajaran",
                        80,
                        "%",
                    ),
                ],
            ),
            r(
                "Tersusunnya perangkat ajar dan asesmen",
                0,
                &[
                    i(Kuantitas, "Modul ajar yang disusun", 4, "modul/triwulan"),
                    i(Waktu, "Penyerahan nilai setelah asesmen", 7, "hari"),
                ],
            ),
            r(
                "Terlaksananya pengembangan diri melalui komunitas belajar",
                1,
                &[i(
                    Kuantitas,
                    "Kegiatan komunitas belajar diikuti",
                    2,
                    "kegiatan/bulan",
                )],
            ),
        ],
    ),
    (
        "Pustakawan",
        &[
            r(
                "Terselenggaranya layanan perpustakaan sekolah",
                0,
                &[
                    i(Kuantitas, "Kunjungan pemustaka", 300, "kunjungan/bulan"),
                    i(Kuantitas, "Buku yang diolah", 40, "eksemplar/bulan"),
                ],
            ),
            r(
                "Terlaksananya gerakan literasi sekolah",
                0,
                &[i(Kuantitas, "Kegiatan literasi", 2, "kegiatan/bulan")],
            ),
        ],
    ),
    (
        "Penata Layanan Operasional",
        &[
            r(
                "Terkelolanya data peserta didik dan Dapodik",
                2,
                &[
                    i(
                        Waktu,
                        "Pemutakhiran Dapodik setelah perubahan data",
                        3,
                        "hari",
                    ),
                    i(Kualitas, "Data peserta didik yang valid", 95, "%"),
                ],
            ),
            r(
                "Terkelolanya administrasi persuratan sekolah",
                2,
                &[i(Kuantitas, "Surat yang diagendakan", 40, "surat/bulan")],
            ),
        ],
    ),
    (
        "Kepala Seksi",
        &[
            r(
                "Terlaksananya program kerja seksi",
                1,
                &[
                    i(
                        Kuantitas,
                        "Kegiatan seksi yang terlaksana",
                        6,
                        "kegiatan/triwulan",
                    ),
                    i(Waktu, "Penyampaian laporan kegiatan", 5, "hari"),
                ],
            ),
            r(
                "Terlaksananya pembinaan staf seksi",
                0,
                &[i(Kuantitas, "Rapat evaluasi kinerja staf", 2, "kali/bulan")],
            ),
            r(
                "Terkendalinya anggaran kegiatan seksi",
                0,
                &[i(
                    Biaya,
                    "Biaya operasional kegiatan",
                    45,
                    "juta rupiah/triwulan",
                )],
            ),
        ],
    ),
    (
        "Pranata Komputer",
        &[
            r(
                "Tersedianya layanan aplikasi dan jaringan kantor",
                0,
                &[
                    i(Kualitas, "Ketersediaan layanan aplikasi", 95, "%"),
                    i(Waktu, "Penanganan gangguan jaringan", 2, "hari"),
                ],
            ),
            r(
                "Termutakhirkannya data pada aplikasi layanan",
                0,
                &[i(Kuantitas, "Data yang dimutakhirkan", 250, "data/bulan")],
            ),
        ],
    ),
    // Analysts plan in the kualitatif approach: the targets are sentences.
    (
        "Analis Kebijakan",
        &[
            r(
                "Tersusunnya kajian kebijakan pelayanan publik",
                0,
                &[
                    q(
                        Kualitas,
                        "Mutu naskah kajian",
                        "Diterima pimpinan tanpa revisi substansi",
                    ),
                    q(
                        Waktu,
                        "Ketepatan penyampaian kajian",
                        "Sebelum rapat koordinasi triwulanan",
                    ),
                ],
            ),
            r(
                "Tersusunnya rekomendasi penanganan pengaduan masyarakat",
                2,
                &[q(
                    Kualitas,
                    "Tindak lanjut rekomendasi",
                    "Ditindaklanjuti perangkat daerah terkait",
                )],
            ),
        ],
    ),
    (
        "Pengelola Keuangan",
        &[
            r(
                "Terkelolanya administrasi keuangan kegiatan",
                0,
                &[
                    i(
                        Kuantitas,
                        "Dokumen SPJ yang diverifikasi",
                        40,
                        "dokumen/bulan",
                    ),
                    i(Waktu, "Penyelesaian verifikasi SPJ", 3, "hari"),
                ],
            ),
            r(
                "Tersusunnya laporan keuangan tepat waktu",
                0,
                &[i(Waktu, "Laporan keuangan setelah akhir bulan", 10, "hari")],
            ),
        ],
    ),
    (
        "Operator Layanan Operasional",
        &[
            r(
                "Terlaksananya layanan angkutan dinas",
                0,
                &[
                    i(
                        Kuantitas,
                        "Perjalanan dinas yang dilayani",
                        20,
                        "perjalanan/bulan",
                    ),
                    i(Kualitas, "Kendaraan dinas layak jalan", 90, "%"),
                ],
            ),
            r(
                "Terpeliharanya kendaraan dinas",
                0,
                &[i(
                    Biaya,
                    "Biaya pemeliharaan kendaraan",
                    6,
                    "juta rupiah/triwulan",
                )],
            ),
        ],
    ),
    (
        "Pengelola Umum Operasional",
        &[
            r(
                "Terjaganya kebersihan ruang kerja dan pelayanan",
                2,
                &[
                    i(Kuantitas, "Ruangan yang dibersihkan", 12, "ruangan/hari"),
                    i(
                        Kualitas,
                        "Pemeriksaan kebersihan dengan hasil baik",
                        85,
                        "%",
                    ),
                ],
            ),
            r(
                "Terpeliharanya taman dan halaman kantor",
                2,
                &[i(Kuantitas, "Perawatan taman", 3, "kali/minggu")],
            ),
        ],
    ),
];

/// A position the demo does not know plans this.
pub(super) const GENERIC_PLAN: &[RhkTpl] = &[r(
    "Terlaksananya tugas pokok sesuai uraian jabatan",
    0,
    &[i(Kuantitas, "Tugas yang diselesaikan", 20, "tugas/bulan")],
)];

/// The RHK tambahan some people take on, per kind of unit.
pub(super) fn tambahan(kind: UnitKind) -> &'static RhkTpl {
    match kind {
        UnitKind::Kesehatan => &TAMBAHAN_HEALTH,
        UnitKind::Pendidikan => &TAMBAHAN_SCHOOL,
        _ => &TAMBAHAN_OFFICE,
    }
}

const TAMBAHAN_HEALTH: RhkTpl = r(
    "Menjadi anggota tim akreditasi puskesmas",
    0,
    &[i(
        Kuantitas,
        "Dokumen akreditasi yang disusun",
        3,
        "dokumen/triwulan",
    )],
);
const TAMBAHAN_SCHOOL: RhkTpl = r(
    "Menjadi panitia asesmen sumatif akhir jenjang",
    0,
    &[i(
        Kuantitas,
        "Naskah soal yang ditelaah",
        10,
        "naskah/triwulan",
    )],
);
const TAMBAHAN_OFFICE: RhkTpl = r(
    "Menjadi anggota tim pemutakhiran data penduduk",
    0,
    &[i(Kuantitas, "Kepala keluarga yang didata", 50, "KK/bulan")],
);

/// Ekspektasi khusus pimpinan, two ways of saying each BerAKHLAK value (in
/// `NilaiBerakhlak::ALL` order).
pub(super) const EKSPEKTASI: [[&str; 2]; 7] = [
    [
        "Melayani masyarakat dengan ramah, cekatan dan solutif",
        "Menanggapi keluhan pengguna layanan pada hari yang sama",
    ],
    [
        "Menyelesaikan tugas dengan jujur dan tepat waktu",
        "Menggunakan anggaran dan barang milik negara secara bertanggung jawab",
    ],
    [
        "Mengikuti paling sedikit satu pengembangan kompetensi tahun ini",
        "Membagikan pengetahuan kepada rekan dalam rapat bulanan",
    ],
    [
        "Menghargai setiap rekan apa pun latar belakangnya",
        "Membangun suasana kerja yang kondusif",
    ],
    [
        "Menjaga nama baik unit dan rahasia jabatan",
        "Mendukung program pemerintah daerah",
    ],
    [
        "Cepat menyesuaikan diri dengan aplikasi layanan yang baru",
        "Berinisiatif memperbaiki cara kerja",
    ],
    [
        "Terbuka bekerja sama lintas seksi dan unit",
        "Melibatkan kader dan tokoh masyarakat dalam kegiatan",
    ],
];

/// The Lampiran SKP: resources, by kind of unit; accountability and consequences are
/// the same for everyone.
pub(super) fn sumber_daya(kind: UnitKind) -> &'static [&'static str] {
    match kind {
        UnitKind::Kesehatan => &["Dana BOK puskesmas", "Sarana dan alat kesehatan"],
        UnitKind::Pendidikan => &["Dana BOSP", "Sarana pembelajaran sekolah"],
        _ => &["DPA kecamatan/kelurahan", "Aplikasi layanan administrasi"],
    }
}

pub(super) const SKEMA: &[&str] = &[
    "Laporan bulanan kepada atasan langsung",
    "Evaluasi triwulanan bersama pejabat penilai",
];

pub(super) const KONSEKUENSI: &[&str] = &[
    "Pembinaan oleh atasan bila target tidak tercapai",
    "Apresiasi bagi capaian di atas target",
];

/// Evidence descriptions and where they are kept.
pub(super) const BUKTI: &[&str] = &[
    "Laporan kegiatan triwulan",
    "Daftar hadir dan notulen",
    "Foto kegiatan",
    "Rekapitulasi data bulanan",
];

pub(super) const LOKASI: &[&str] = &[
    "Arsip tata usaha, map SKP",
    "Drive unit: SKP/bukti",
    "Lampiran realisasi e-Kinerja",
];

/// Feedback by how the quarter was rated: above, as expected, below.
pub(super) const UMPAN_BALIK: [&str; 3] = [
    "Capaian sangat baik; bagikan praktik baiknya kepada rekan.",
    "Sudah sesuai target; jaga ketepatan waktu laporan.",
    "Capaian di bawah target; susun rencana perbaikan bersama atasan.",
];

/// A kualitatif realisation: above, at, below its target.
pub(super) const REALISASI_TEKS: [&str; 3] = [
    "Melampaui target; diapresiasi pimpinan",
    "Sesuai target",
    "Belum sesuai target; perlu perbaikan",
];
