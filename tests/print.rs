//! The printed documents (issue 20), built from a small office made through the store and
//! read back with poppler: `pdftotext -layout` for every required item in order with its
//! values, `pdftotext -bbox` for text inside the margins, `qpdf --check`, `pdffonts` for
//! embedded fonts, and `pdftoppm` for the first page of each kind compared with a stored
//! reference picture at low resolution. Each document and picture is kept under the test
//! output directory (`$CARGO_TARGET_TMPDIR/print`) for review.
//!
//! The poppler tools and qpdf come from Debian's `poppler-utils` and `qpdf` (.ci/run
//! installs them). Without them these tests say so and pass, unless
//! `KINERJA_REQUIRE_PDF_TOOLS` is set (CI sets it), when they fail.

#[path = "common/documents.rs"]
mod documents;

use documents::{HEAD, LONG_NAME, MANY_RHK, PERSON, UNIT, YEAR};
use kinerja::domain::{Period, PeriodKind};
use kinerja::print::{self, Kind, Settings};
use kinerja::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn settings() -> Settings {
    Settings {
        instansi: Some("Pemerintah Kota Medan".into()),
        tempat: Some("Medan".into()),
        today: jiff::civil::date(2026, 2, 2),
        jp: kinerja::domain::JpTargets::default(),
    }
}

fn out_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print");
    std::fs::create_dir_all(&d).expect("output dir");
    d
}

/// Whether the poppler tools and qpdf are here; without them, a test passes after saying
/// so, unless KINERJA_REQUIRE_PDF_TOOLS is set.
fn tools() -> bool {
    let have = ["pdftotext", "pdftoppm", "pdffonts", "qpdf"]
        .iter()
        .all(|t| {
            Command::new(t)
                .arg("-v")
                .output()
                .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
        });
    if !have {
        if std::env::var_os("KINERJA_REQUIRE_PDF_TOOLS").is_some() {
            panic!(
                "KINERJA_REQUIRE_PDF_TOOLS is set but pdftotext, pdftoppm, pdffonts or qpdf is missing: apt-get install poppler-utils qpdf"
            );
        }
        eprintln!(
            "SKIPPED: the poppler tools or qpdf are missing (apt-get install poppler-utils qpdf)"
        );
    }
    have
}

struct Office {
    _dir: tempfile::TempDir,
    store: Store,
}

fn office() -> Office {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db")).expect("store");
    documents::fill(&store);
    Office { _dir: dir, store }
}

fn annual() -> Period {
    Period::annual(YEAR)
}

/// Writes `bytes` as `name` in the output directory (replacing an older run's file).
fn keep(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect(tool);
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The document's text, pages separated by form feeds.
fn text(path: &Path) -> String {
    run("pdftotext", &["-layout", &path.to_string_lossy(), "-"])
}

/// Every item appears, in this order (each searched after the one before it).
#[track_caller]
fn in_order(text: &str, items: &[&str]) {
    let mut at = 0;
    for item in items {
        match text[at..].find(item) {
            Some(i) => at += i + item.len(),
            None => panic!(
                "{item:?} is missing or out of order; the text after the previous item:\n{}",
                &text[at..]
            ),
        }
    }
}

/// The checks every document passes: qpdf's structure check, every font embedded, every
/// word inside the page's side margins, and the page count.
fn sound(path: &Path) -> usize {
    let p = path.to_string_lossy();
    let check = Command::new("qpdf")
        .args(["--check", &p])
        .output()
        .expect("qpdf");
    assert!(
        check.status.success(),
        "qpdf --check {p}: {}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    let fonts = run("pdffonts", &[&p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {p}:\n{fonts}");
    for row in rows {
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.iter().rev().nth(4).copied();
        assert_eq!(emb, Some("yes"), "a font not embedded in {p}: {row}");
    }
    let bbox = run("pdftotext", &["-bbox", &p, "-"]);
    let mut pages = 0;
    let mut width = 0.0f32;
    for line in bbox.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            pages += 1;
            width = attr(line, "width");
        } else if line.starts_with("<word ") {
            let (x0, x1) = (attr(line, "xMin"), attr(line, "xMax"));
            // 20 mm margins at least on either side (15 mm of slack for poppler's boxes).
            let margin = 15.0 * 72.0 / 25.4;
            assert!(
                x0 >= margin && x1 <= width - margin,
                "a word outside the margins on page {pages} of {p}: {line}"
            );
        }
    }
    pages
}

fn attr(line: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    line.split(&key)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(f32::NAN)
}

/// The first page at 20 dpi against the stored reference: the mean difference of grey
/// levels stays small (font hinting and anti-aliasing move a few pixels, a layout change
/// moves many). `KINERJA_UPDATE_PRINT_REFERENCES=1` writes the references anew.
fn like_reference(path: &Path, kind: &str) {
    let prefix = out_dir().join(format!("{kind}-page"));
    run(
        "pdftoppm",
        &[
            "-r",
            "20",
            "-f",
            "1",
            "-l",
            "1",
            "-gray",
            "-png",
            "-singlefile",
            &path.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    );
    let png = prefix.with_extension("png");
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/print_reference")
        .join(format!("{kind}.png"));
    if std::env::var_os("KINERJA_UPDATE_PRINT_REFERENCES").is_some() {
        std::fs::copy(&png, &reference).expect("update reference");
        return;
    }
    let (got, gw, gh) = grey(&png);
    let (want, ww, wh) = grey(&reference);
    assert_eq!(
        (gw, gh),
        (ww, wh),
        "{kind}: the first page's size changed; look at {} and, if it is right, rerun with KINERJA_UPDATE_PRINT_REFERENCES=1",
        png.display()
    );
    let diff: f64 = got
        .iter()
        .zip(&want)
        .map(|(a, b)| f64::from(a.abs_diff(*b)))
        .sum::<f64>()
        / got.len() as f64;
    eprintln!("{kind}: first page differs from the reference by {diff:.2} grey levels per pixel");
    assert!(
        diff < 2.5,
        "{kind}: the first page differs from {} by {diff:.1} grey levels per pixel; look at {} and, if it is right, rerun with KINERJA_UPDATE_PRINT_REFERENCES=1",
        reference.display(),
        png.display()
    );
}

/// A PNG's pixels as grey levels.
fn grey(path: &Path) -> (Vec<u8>, u32, u32) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("png size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|px| match channels {
            1 | 2 => px[0],
            _ => ((u32::from(px[0]) + u32::from(px[1]) + u32::from(px[2])) / 3) as u8,
        })
        .collect();
    (pixels, info.width, info.height)
}

#[test]
fn the_skp_prints_every_part_of_the_form_in_order() {
    let o = office();
    let bytes = print::skp_pdf(&o.store, &settings(), PERSON, annual()).expect("skp");
    let path = keep("skp.pdf", &bytes);
    if !tools() {
        return;
    }
    let pages = sound(&path);
    let t = text(&path);
    in_order(
        &t,
        &[
            "SASARAN KINERJA PEGAWAI",
            "PENDEKATAN HASIL KERJA KUANTITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "PEMERINTAH KOTA MEDAN",
            "PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2025",
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            "NAMA",
            "dr. Rina Siregar, Sp.PD",
            "dr. H. Ahmad Nasution, M.Kes.",
            "19850330 201001 2 002",
            "19700101 200003 1 001",
            "Penata, III/c",
            "Pembina, IV/a",
            "Dokter Ahli Muda",
            "Kepala Puskesmas Belawan",
            "HASIL KERJA",
            "RENCANA HASIL KERJA PIMPINAN",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "YANG DIINTERVENSI",
            "A. UTAMA",
            "Meningkatnya mutu pelayanan",
            "Terlaksananya pelayanan",
            "Kuantitas",
            "Jumlah pasien yang diperiksa",
            "1.200 pasien",
            "Waktu",
            "30 menit",
            "B. TAMBAHAN",
            "Tersusunnya laporan kegiatan",
            "12 laporan",
            "PERILAKU KERJA",
            "EKSPEKTASI KHUSUS PIMPINAN",
            "Berorientasi Pelayanan",
            "Melayani pasien dengan ramah dan tuntas",
            "Kolaboratif",
            "Bekerja sama dengan bidan dan perawat desa",
            "Medan, 6 Januari 2025",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
            "dr. Rina Siregar, Sp.PD",
            "dr. H. Ahmad Nasution, M.Kes.",
            "NIP. 19850330 201001 2 002",
            "NIP. 19700101 200003 1 001",
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "DUKUNGAN SUMBER DAYA",
            "Ruang poli umum dan alat pemeriksaan dasar",
            "SKEMA PERTANGGUNGJAWABAN",
            "Laporan bulanan kepada Kepala Puskesmas",
            "KONSEKUENSI",
            "Teguran tertulis bila laporan terlambat dua kali",
            "Medan, 6 Januari 2025",
        ],
    );
    assert!(t.contains(&format!("Halaman 1 dari {pages}")), "{t}");
    assert!(t.contains("NIP 19850330 201001 2 002 · 1 Januari s.d. 31 Desember 2025"));
    like_reference(&path, "skp");
}

#[test]
fn the_evaluation_prints_realisation_feedback_ratings_and_predikat() {
    let o = office();
    let bytes = print::evaluasi_pdf(&o.store, &settings(), PERSON, annual()).expect("evaluasi");
    let path = keep("evaluasi.pdf", &bytes);
    if !tools() {
        return;
    }
    sound(&path);
    let t = text(&path);
    in_order(
        &t,
        &[
            "EVALUASI KINERJA PEGAWAI",
            "PERIODE: TAHUNAN (AKHIR)",
            "PEMERINTAH KOTA MEDAN",
            "PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2025",
            "dr. Rina Siregar, Sp.PD",
            "dr. H. Ahmad Nasution, M.Kes.",
            "CAPAIAN KINERJA ORGANISASI",
            "BAIK",
            "Pola distribusi: Baik kelompok terbesar, paling banyak 70%",
            "Sebaran predikat pegawai Puskesmas Belawan",
            "HASIL KERJA",
            "REALISASI",
            "UMPAN BALIK",
            "A. UTAMA",
            "1.200 pasien",
            "1.260 pasien (105%)",
            "Pertahankan; catat waktu",
            "✓",
            "30 menit",
            "25 menit (120%) ✓",
            "B. TAMBAHAN",
            "12 laporan",
            "11 laporan (91,7%)",
            "RATING HASIL KERJA",
            "DI ATAS EKSPEKTASI",
            "PERILAKU KERJA",
            "Umpan balik nilai 1",
            "Umpan balik nilai 7",
            "RATING PERILAKU KERJA",
            "SESUAI EKSPEKTASI",
            "PREDIKAT KINERJA PEGAWAI",
            "BAIK",
            "semula Hasil Kerja Sesuai Ekspektasi",
            "Medan, 2 Februari 2026",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
            "NIP. 19850330 201001 2 002",
            "NIP. 19700101 200003 1 001",
        ],
    );
    // The unit's spread: three colleagues (the head apart): one Sangat Baik, one Baik,
    // one Butuh Perbaikan; with Rina (Baik after the decision) and the others.
    assert!(
        t.contains("3 pegawai dinilai") || t.contains("pegawai dinilai"),
        "{t}"
    );
    like_reference(&path, "evaluasi");
}

#[test]
fn the_dokumen_evaluasi_prints_items_one_to_eight_with_the_objection() {
    let o = office();
    let bytes = print::dokumen_pdf(&o.store, &settings(), PERSON, annual()).expect("dokumen");
    let path = keep("dokumen.pdf", &bytes);
    if !tools() {
        return;
    }
    sound(&path);
    let t = text(&path);
    in_order(
        &t,
        &[
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            "PERIODE: TAHUNAN (AKHIR)",
            "1",
            "PEGAWAI YANG DINILAI",
            "dr. Rina Siregar, Sp.PD",
            "19850330 201001 2 002",
            "2",
            "PEJABAT PENILAI KINERJA",
            "dr. H. Ahmad Nasution, M.Kes.",
            "3",
            "ATASAN PEJABAT PENILAI KINERJA",
            "dr. Siti Pohan, M.K.M.",
            "19680512 199403 1 005",
            "Kepala Dinas Kesehatan Kota Medan",
            "4",
            "EVALUASI KINERJA",
            "CAPAIAN KINERJA ORGANISASI",
            "Baik",
            "PREDIKAT KINERJA PEGAWAI",
            "Baik",
            "5",
            "CATATAN/REKOMENDASI",
            "Disarankan mengikuti pelatihan kegawatdaruratan (BTCLS).",
            "6",
            "KEBERATAN",
            "10 Januari 2026",
            "15 Januari 2026",
            "Realisasi melampaui target.",
            "7",
            "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            "Waktu tunggu belum tercatat harian.",
            "8",
            "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            "27 Januari 2026",
            "Hasil penilaian diubah: Hasil Kerja Di Atas Ekspektasi",
            "Bukti dukung realisasi lengkap.",
            "Medan, 2 Februari 2026",
            "Pegawai yang Dinilai",
            "Pejabat Penilai Kinerja",
            "Atasan Pejabat Penilai Kinerja",
            "NIP. 19680512 199403 1 005",
        ],
    );
    like_reference(&path, "dokumen");
}

#[test]
fn the_profile_is_one_page_with_its_two_charts() {
    let o = office();
    let bytes = print::profil_pdf(&o.store, &settings(), PERSON).expect("profil");
    let path = keep("profil.pdf", &bytes);
    if !tools() {
        return;
    }
    assert_eq!(sound(&path), 1, "one page");
    let t = text(&path);
    in_order(
        &t,
        &[
            "PROFIL PEGAWAI",
            "dr. Rina Siregar, Sp.PD",
            "Keadaan pada 2 Februari 2026",
            "19850330 201001 2 002",
            "Penata, III/c",
            "Dokter Ahli Muda",
            "Puskesmas Belawan",
            "PREDIKAT PER PERIODE DAN JP PER TAHUN",
            "24 JP",
            "12 JP",
            "TW I",
            "TW II",
            "TW III",
            "Tahunan",
            // Angka kredit of a functional person (issue 21): the year's credit from the
            // annual predikat and the jenjang's coefficient, the total toward the next.
            "ANGKA KREDIT",
            "2025: 25",
            "Tahunan 2025",
            "Ahli Muda",
            "25 x 100%",
            "Di jenjang Ahli Muda: 25 dari 200 untuk Ahli Madya (kurang 175)",
            "PELATIHAN 2025-2026",
            "Seminar Penyakit Dalam",
            "Halaman 1 dari 1",
        ],
    );
    // The quarters the annual result replaces are not listed.
    assert!(!t.contains("TW I 2025"), "{t}");
    like_reference(&path, "profil");
    // A structural position has no angka kredit.
    let head = print::profil_pdf(&o.store, &settings(), HEAD).expect("head's profil");
    let head_text = text(&keep("profil-head.pdf", &head));
    assert!(head_text.contains("PROFIL PEGAWAI"), "{head_text}");
    assert!(!head_text.contains("ANGKA KREDIT"), "{head_text}");
}

#[test]
fn the_unit_report_shows_the_spread_against_the_pattern_and_who_has_what() {
    let o = office();
    let unit = kinerja::domain::unit_id(UNIT);
    let bytes = print::laporan_pdf(&o.store, &settings(), &unit, annual()).expect("laporan");
    let path = keep("laporan.pdf", &bytes);
    if !tools() {
        return;
    }
    sound(&path);
    let t = text(&path);
    in_order(
        &t,
        &[
            "LAPORAN KINERJA UNIT",
            "PUSKESMAS BELAWAN",
            "PERIODE: TAHUNAN (AKHIR)",
            "Capaian kinerja organisasi",
            "Baik",
            "Pola distribusi",
            "Keadaan sebaran",
            "Pimpinan unit",
            "dr. H. Ahmad Nasution, M.Kes.",
            "SEBARAN PREDIKAT TERHADAP POLA",
            "Sangat Baik",
            "Baik",
            "paling banyak 70%",
            "PEGAWAI MENURUT PREDIKAT",
            "Sangat Baik (1)",
            "Maria Tarigan",
            "Baik (",
            "dr. Rina Siregar, Sp.PD",
            "Butuh Perbaikan (1)",
            "Nur Siagian",
            "PENGEMBANGAN KOMPETENSI 2025 (JP)",
            "Medan, 2 Februari 2026",
            "Pimpinan Puskesmas Belawan",
            "dr. H. Ahmad Nasution, M.Kes.",
            "NIP. 19700101 200003 1 001",
        ],
    );
    // The head is not among the people counted.
    let people = t.split("PEGAWAI MENURUT PREDIKAT").nth(1).unwrap_or("");
    let people = people.split("PENGEMBANGAN KOMPETENSI").next().unwrap_or("");
    assert!(!people.contains("Ahmad Nasution"), "{people}");
    like_reference(&path, "laporan");
}

#[test]
fn forty_rhk_span_pages_and_every_page_repeats_the_table_header() {
    let o = office();
    let bytes = print::skp_pdf(&o.store, &settings(), MANY_RHK, annual()).expect("skp");
    let path = keep("skp-40-rhk.pdf", &bytes);
    if !tools() {
        return;
    }
    let pages = sound(&path);
    assert!(pages >= 5, "{pages} pages");
    let t = text(&path);
    let page_texts: Vec<&str> = t.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(page_texts.len(), pages);
    // Every page that holds RHK rows starts them under the header.
    let mut with_rows = 0;
    for p in &page_texts {
        if p.contains("Jumlah pasien yang diperiksa") {
            with_rows += 1;
            in_order(
                p,
                &["INDIKATOR KINERJA INDIVIDU", "Jumlah pasien yang diperiksa"],
            );
        }
    }
    assert!(with_rows >= 3, "{with_rows} pages with RHK rows");
    // All 40 RHK are there, numbered 1 to 39 (utama) and 1 (tambahan), in order.
    in_order(
        &t,
        &[
            "bagian 1 ",
            "bagian 2 ",
            "bagian 20 ",
            "bagian 39",
            "B. TAMBAHAN",
        ],
    );
    for i in 1..=pages {
        assert!(t.contains(&format!("Halaman {i} dari {pages}")), "page {i}");
    }
}

#[test]
fn a_name_of_two_hundred_characters_wraps_inside_its_cell() {
    let o = office();
    let name = documents::long_name();
    assert!(name.chars().count() >= 180, "{}", name.chars().count());
    let bytes = print::skp_pdf(&o.store, &settings(), LONG_NAME, annual()).expect("skp");
    let path = keep("skp-long-name.pdf", &bytes);
    let ev = print::dokumen_pdf(&o.store, &settings(), LONG_NAME, annual()).expect("dokumen");
    let ev_path = keep("dokumen-long-name.pdf", &ev);
    if !tools() {
        return;
    }
    for p in [&path, &ev_path] {
        sound(p);
        let t = text(p);
        // Not on one line.
        assert!(
            !t.lines().any(|l| l.contains(&name)),
            "the name did not wrap"
        );
        // In drawing order the name's lines follow each other: every word, in order.
        let raw = run("pdftotext", &["-raw", &p.to_string_lossy(), "-"]);
        let words: Vec<&str> = name.split_whitespace().collect();
        let flat: Vec<&str> = raw.split_whitespace().collect();
        let start = flat
            .windows(words.len())
            .position(|w| w == words.as_slice());
        assert!(
            start.is_some(),
            "the whole name, word by word, in {}",
            p.display()
        );
    }
}

#[test]
fn a_whole_unit_is_one_file_with_pages_numbered_per_person() {
    let o = office();
    let unit = kinerja::domain::unit_id(UNIT);
    let (bytes, outcome) =
        print::unit_pdf(&o.store, &settings(), Kind::Evaluasi, &unit, annual()).expect("unit");
    let path = keep("evaluasi-unit.pdf", &bytes);
    // Everyone active has an annual evaluation.
    assert_eq!(outcome.printed, 7, "{outcome:?}");
    assert!(outcome.skipped.is_empty(), "{outcome:?}");
    let (skp, skp_outcome) =
        print::unit_pdf(&o.store, &settings(), Kind::Skp, &unit, annual()).expect("unit skp");
    keep("skp-unit.pdf", &skp);
    // The head and the three colleagues have no SKP: left out and named.
    assert_eq!(skp_outcome.printed, 3, "{skp_outcome:?}");
    assert_eq!(skp_outcome.skipped.len(), 4, "{skp_outcome:?}");
    assert!(
        skp_outcome
            .skipped
            .iter()
            .any(|(n, _, _)| n == &kinerja::domain::Nip::parse(HEAD).expect("nip").to_string())
    );
    if !tools() {
        return;
    }
    sound(&path);
    let t = text(&path);
    // Each person's first page says "Halaman 1 dari N".
    assert_eq!(t.matches("Halaman 1 dari").count(), 7, "{t}");
    assert_eq!(t.matches("EVALUASI KINERJA PEGAWAI").count(), 7);
    // One person after another by name.
    in_order(
        &t,
        &[
            "Dewi Lubis",
            "dr. H. Ahmad Nasution",
            "Maria Tarigan",
            "Nur Siagian",
            "dr. Rina Siregar",
        ],
    );
}

#[test]
fn a_missing_record_names_the_person_and_the_period() {
    let o = office();
    let q4 = Period::new(YEAR, PeriodKind::Triwulan(4)).expect("period");
    let e = print::evaluasi_pdf(&o.store, &settings(), PERSON, q4).expect_err("no Q4");
    let msg = e.to_string();
    assert!(
        msg.contains("dr. Rina Siregar, Sp.PD") && msg.contains("Triwulan IV 2025"),
        "{msg}"
    );
    let e = print::skp_pdf(&o.store, &settings(), HEAD, annual()).expect_err("no SKP");
    assert!(
        e.to_string().contains("has no SKP covering Tahunan 2025"),
        "{e}"
    );
    let e = print::profil_pdf(&o.store, &settings(), "199901012020121001").expect_err("nobody");
    assert!(
        e.to_string()
            .contains("no staff member has NIP 199901012020121001"),
        "{e}"
    );
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let o = office();
    let a = print::evaluasi_pdf(&o.store, &settings(), PERSON, annual()).expect("a");
    let b = print::evaluasi_pdf(&o.store, &settings(), PERSON, annual()).expect("b");
    assert_eq!(a, b);
    assert!(a.starts_with(b"%PDF-"));
}

#[test]
fn the_unit_report_counts_as_laporan_does() {
    // The printed Laporan reads the unit's people itself (for any period); for the year it
    // must count what the Laporan screen and `export report` count.
    let o = office();
    let unit = kinerja::domain::unit_id(UNIT);
    let targets = kinerja::domain::JpTargets::default();
    let doc = kinerja::views::documents::unit_document(&o.store, &unit, annual(), &targets)
        .expect("read")
        .expect("unit");
    let rows = kinerja::views::report::unit_report(&o.store, YEAR, &targets, settings().today)
        .expect("report");
    let row = rows.iter().find(|r| r.unit_id == unit).expect("row");
    assert_eq!(doc.counts, row.counts);
    assert_eq!(doc.head.as_ref().and_then(|h| h.1), row.head_predikat);
    assert_eq!(doc.jp_reached(), (row.reached, row.staff));
    assert_eq!(doc.counts.total(), 6);
}

#[test]
fn print_on_the_command_line_writes_a_private_file_and_says_where() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("db");
    {
        let store = Store::open(&db).expect("store");
        documents::fill(&store);
        store.close().expect("close");
    }
    let work = dir.path().join("work");
    std::fs::create_dir(&work).expect("work dir");
    let kinerja = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .current_dir(&work)
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("kinerja")
    };
    let ok = kinerja(&[
        "print",
        "evaluasi",
        "19850330 201001 2 002",
        "--year",
        "2025",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let first = work.join(format!("evaluasi-{PERSON}-2025-tahunan.pdf"));
    assert_eq!(
        String::from_utf8_lossy(&ok.stdout).trim(),
        first.display().to_string()
    );
    let mode = std::fs::metadata(&first)
        .expect("written")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    // Again: a second file, the first untouched.
    let again = kinerja(&["print", "evaluasi", PERSON, "--year", "2025"]);
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .trim()
            .ends_with("-tahunan-2.pdf")
    );
    // -o onto an existing file: refused, exit 2.
    let refused = kinerja(&[
        "print",
        "skp",
        PERSON,
        "--year",
        "2025",
        "-o",
        &first.to_string_lossy(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already exists"));
    // A unit by its name: everyone's Dokumen in one file.
    let unit = kinerja(&["print", "dokumen", "puskesmas belawan", "--year", "2025"]);
    assert!(
        unit.status.success(),
        "{}",
        String::from_utf8_lossy(&unit.stderr)
    );
    assert!(
        work.join("dokumen-puskesmas-belawan-2025-tahunan.pdf")
            .exists()
    );
    // A period with no evaluation, an unknown NIP, an unknown unit: exit 1, named.
    let none = kinerja(&[
        "print",
        "evaluasi",
        PERSON,
        "--year",
        "2025",
        "--period",
        "triwulan-4",
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("Triwulan IV 2025"));
    let nobody = kinerja(&["print", "profil", "199901012020121001"]);
    assert_eq!(nobody.status.code(), Some(1));
    let no_unit = kinerja(&["print", "laporan", "Puskesmas Atlantis"]);
    assert_eq!(no_unit.status.code(), Some(1));
    // A bad period: exit 2 naming the choices.
    let bad = kinerja(&["print", "evaluasi", PERSON, "--period", "kuartal"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("triwulan-1"));
}
