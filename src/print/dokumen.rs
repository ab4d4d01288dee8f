//! The Dokumen Evaluasi Kinerja Pegawai (PermenPANRB 6/2022), which kenaikan pangkat files
//! ask for (portrait): 1 the pegawai, 2 the pejabat penilai, 3 the atasan, 4 capaian
//! organisasi and predikat, 5 catatan/rekomendasi, 6 keberatan, 7 the evaluator's
//! explanation, 8 the atasan's decision; place, date, signatures.

use super::evaluasi::{periode, result_notes};
use super::fonts::Fonts;
use super::layout::{Align, Block, Cell, Column, Orientation, Section, Sheet, Table};
use super::{
    Kind, Settings, dash, footer, instansi, left_right, period_name, person_fields, place_date,
    signer, tanggal, titles,
};
use crate::domain::HasilKeputusan;
use crate::views::documents::{EvaluasiDocument, PersonLine};

/// One numbered item: its number over all its rows, its title, then label/value rows (a
/// row with an empty label is one text over both columns).
fn item(n: usize, title: &str, rows: Vec<(String, String)>) -> Block {
    let mut out = vec![vec![Cell::bold(title).span(2)]];
    for (label, value) in rows {
        if label.is_empty() {
            out.push(vec![Cell::new(dash(&value)).span(2)]);
        } else {
            out.push(vec![Cell::new(label), Cell::new(dash(&value))]);
        }
    }
    Block::Rows {
        spans: vec![(0, Cell::bold(n.to_string()).align(Align::Center))],
        rows: out,
    }
}

fn person_rows(p: Option<&PersonLine>) -> Vec<(String, String)> {
    let empty = PersonLine::default();
    person_fields(p.unwrap_or(&empty))
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect()
}

pub fn section(fonts: &Fonts, settings: &Settings, doc: &EvaluasiDocument) -> Section {
    let e = &doc.evaluation;
    let periode = periode(doc);
    let mut sheet = Sheet::new(
        fonts,
        Orientation::Portrait,
        &format!(
            "Dokumen Evaluasi Kinerja Pegawai · {} · {periode}",
            doc.pegawai.nama
        ),
        &footer(
            doc.pegawai.nip.as_ref(),
            &e.period.to_string(),
            Kind::Dokumen,
            &doc.pegawai.nama,
        ),
    );
    let period_line = format!("PERIODE: {}", period_name(e.period));
    titles(
        &mut sheet,
        &["DOKUMEN EVALUASI KINERJA PEGAWAI", period_line.as_str()],
    );
    left_right(
        &mut sheet,
        &instansi(settings, &doc.top_unit),
        &format!("PERIODE PENILAIAN: {}", periode.to_uppercase()),
    );
    let mut table = Table::new(vec![
        Column::new("", 0.5, Align::Center),
        Column::new("", 2.6, Align::Left),
        Column::new("", 5.4, Align::Left),
    ]);
    table.header = false;

    let capaian = doc
        .capaian_organisasi
        .map_or("Belum ditetapkan".to_string(), |r| r.label().to_string());
    let mut evaluasi = vec![
        ("CAPAIAN KINERJA ORGANISASI".to_string(), capaian),
        (
            "RATING HASIL KERJA".to_string(),
            e.hasil_kerja.label().to_string(),
        ),
        (
            "RATING PERILAKU KERJA".to_string(),
            e.perilaku.label().to_string(),
        ),
        (
            "PREDIKAT KINERJA PEGAWAI".to_string(),
            e.predikat().label().to_string(),
        ),
    ];
    for note in result_notes(doc, settings.today) {
        evaluasi.push((String::new(), note));
    }

    let (keberatan, penjelasan, keputusan) = match &e.keberatan {
        None => (
            vec![(String::new(), "Tidak ada keberatan.".to_string())],
            vec![(String::new(), "-".to_string())],
            vec![(String::new(), "-".to_string())],
        ),
        Some(k) => {
            let received = e.diterima.map_or("-".to_string(), tanggal);
            let keberatan = vec![
                ("HASIL DITERIMA PEGAWAI".to_string(), received),
                ("KEBERATAN DIAJUKAN".to_string(), tanggal(k.diajukan)),
                (
                    "HASIL YANG DIKEBERATKAN".to_string(),
                    format!(
                        "Hasil Kerja {}, Perilaku Kerja {}, predikat {}",
                        k.asal_hasil_kerja.label(),
                        k.asal_perilaku.label(),
                        k.asal_predikat().label()
                    ),
                ),
                ("ALASAN".to_string(), k.alasan.clone()),
            ];
            let penjelasan = vec![
                (
                    "TANGGAL".to_string(),
                    k.penjelasan_tanggal.map_or("-".to_string(), tanggal),
                ),
                ("PENJELASAN".to_string(), k.penjelasan.clone()),
            ];
            let keputusan = match &k.keputusan {
                None => vec![(String::new(), "Belum diputuskan.".to_string())],
                Some(d) => {
                    let hasil = match d.hasil {
                        HasilKeputusan::Tetap => "Hasil penilaian tetap".to_string(),
                        HasilKeputusan::Diubah {
                            hasil_kerja,
                            perilaku,
                        } => format!(
                            "Hasil penilaian diubah: Hasil Kerja {}, Perilaku Kerja {}, predikat {}",
                            hasil_kerja.label(),
                            perilaku.label(),
                            crate::domain::predikat(hasil_kerja, perilaku).label()
                        ),
                    };
                    vec![
                        ("TANGGAL".to_string(), tanggal(d.tanggal)),
                        ("OLEH".to_string(), d.oleh.nama.clone()),
                        ("KEPUTUSAN".to_string(), hasil),
                        ("CATATAN".to_string(), d.catatan.clone()),
                    ]
                }
            };
            (keberatan, penjelasan, keputusan)
        }
    };

    let blocks = vec![
        item(1, "PEGAWAI YANG DINILAI", person_rows(Some(&doc.pegawai))),
        item(
            2,
            "PEJABAT PENILAI KINERJA",
            person_rows(doc.penilai.as_ref()),
        ),
        item(
            3,
            "ATASAN PEJABAT PENILAI KINERJA",
            person_rows(doc.atasan.as_ref()),
        ),
        item(4, "EVALUASI KINERJA", evaluasi),
        item(
            5,
            "CATATAN/REKOMENDASI",
            vec![(String::new(), e.catatan.clone())],
        ),
        item(6, "KEBERATAN", keberatan),
        item(
            7,
            "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            penjelasan,
        ),
        item(
            8,
            "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
            keputusan,
        ),
    ];
    let mut signers = vec![
        signer("Pegawai yang Dinilai", Some(&doc.pegawai)),
        signer("Pejabat Penilai Kinerja", doc.penilai.as_ref()),
    ];
    if doc.atasan.is_some() {
        signers.push(signer(
            "Atasan Pejabat Penilai Kinerja",
            doc.atasan.as_ref(),
        ));
    }
    let tail = sheet.signatures_height(&signers);
    sheet.table_then(&table, &blocks, tail);
    sheet.signatures(&place_date(settings, settings.today), &signers);
    sheet.finish()
}
