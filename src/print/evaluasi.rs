//! The Evaluasi Kinerja Pegawai of a period as the form of PermenPANRB 6/2022 prints it
//! (landscape): the period, the pegawai and the pejabat penilai, the capaian kinerja
//! organisasi with its distribution pattern, the RHK table with realisation and feedback,
//! the Rating Hasil Kerja, the Perilaku table with feedback, the Rating Perilaku Kerja,
//! the predikat, signatures.

use super::fonts::Fonts;
use super::layout::{Align, Block, Cell, Orientation, Section, Sheet, Style, Table};
use super::skp::{form_lines, perilaku_table, rhk_blocks, rhk_columns};
use super::{
    Kind, Settings, charts, dash, footer, heading, instansi, left_right, people_table, period_name,
    place_date, signer, span_text, titles,
};
use crate::domain::{HasilKeputusan, SkpForm};
use crate::views::documents::EvaluasiDocument;
use crate::views::skp::capaian_text;

/// The periode line: the SKP's own dates for a part-year span or the annual of a
/// part-year SKP, else the period's.
pub fn periode(doc: &EvaluasiDocument) -> String {
    let p = doc.evaluation.period;
    let (mut from, mut to) = (p.start(), p.end());
    if let Some(r) = &doc.reading {
        from = from.max(r.skp.mulai);
        to = to.min(r.skp.selesai);
    }
    span_text(from, to)
}

/// A bold label and value line ("RATING HASIL KERJA: SESUAI EKSPEKTASI") in a box.
pub fn verdict(sheet: &mut Sheet, label: &str, value: &str) {
    let mut t = Table::new(vec![
        super::layout::Column::new("", 4.0, Align::Left),
        super::layout::Column::new("", 9.0, Align::Left),
    ]);
    t.header = false;
    sheet.table(
        &t,
        &[Block::row(vec![
            Cell::bold(label),
            Cell::bold(value.to_uppercase()),
        ])],
    );
}

/// Notes under the ratings: a provisional period, a result changed on objection.
pub fn result_notes(doc: &EvaluasiDocument, today: jiff::civil::Date) -> Vec<String> {
    let e = &doc.evaluation;
    let mut out = Vec::new();
    if e.period.is_provisional(today) {
        out.push(format!(
            "Sementara: periode ini belum berakhir (berakhir {}).",
            super::tanggal(e.period.end())
        ));
    }
    if let Some(k) = &e.keberatan
        && let Some(d) = &k.keputusan
        && let HasilKeputusan::Diubah { .. } = d.hasil
    {
        out.push(format!(
            "Hasil setelah keputusan atasan pejabat penilai atas keberatan ({}); semula Hasil Kerja {}, Perilaku Kerja {}, predikat {}.",
            super::tanggal(d.tanggal),
            k.asal_hasil_kerja.label(),
            k.asal_perilaku.label(),
            k.asal_predikat().label()
        ));
    }
    out
}

pub fn section(fonts: &Fonts, settings: &Settings, doc: &EvaluasiDocument) -> Section {
    let e = &doc.evaluation;
    let periode = periode(doc);
    let mut sheet = Sheet::new(
        fonts,
        Orientation::Landscape,
        &format!(
            "Evaluasi Kinerja Pegawai · {} · {periode}",
            doc.pegawai.nama
        ),
        &footer(
            doc.pegawai.nip.as_ref(),
            &e.period.to_string(),
            Kind::Evaluasi,
            &doc.pegawai.nama,
        ),
    );
    let form = doc.reading.as_ref().map(|r| r.skp.form);
    let mut lines = vec!["EVALUASI KINERJA PEGAWAI".to_string()];
    if let Some(r) = &doc.reading {
        lines.extend(form_lines(r.skp.form, r.skp.pendekatan));
    }
    lines.push(format!("PERIODE: {}", period_name(e.period)));
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    titles(&mut sheet, &refs);
    left_right(
        &mut sheet,
        &instansi(settings, &doc.top_unit),
        &format!("PERIODE PENILAIAN: {}", periode.to_uppercase()),
    );
    people_table(&mut sheet, &doc.pegawai, doc.penilai.as_ref());

    // Capaian organisasi, its pattern and the unit's spread beside it.
    sheet.gap(6.0);
    let capaian = doc
        .capaian_organisasi
        .map_or("BELUM DITETAPKAN".to_string(), |r| r.label().to_uppercase());
    verdict(&mut sheet, "CAPAIAN KINERJA ORGANISASI", &capaian);
    let pola = match doc.capaian_organisasi {
        Some(r) => format!("Pola distribusi: {}", charts::pattern_text(r)),
        None => "Pola distribusi: capaian kinerja organisasi untuk periode ini belum dicatat."
            .to_string(),
    };
    sheet.paragraph(&pola, Style::BODY, Align::Left, 0.0);
    sheet.paragraph(
        &format!("Sebaran predikat pegawai {} periode ini:", doc.unit_name),
        Style::SMALL,
        Align::Left,
        0.0,
    );
    sheet.gap(2.0);
    let x = sheet.left();
    charts::distribution(
        &mut sheet,
        x,
        330.0,
        70.0,
        &doc.distribution,
        doc.capaian_organisasi,
    );

    match &doc.reading {
        Some(reading) => {
            let cols = rhk_columns(
                form.unwrap_or(SkpForm::AdministrasiFungsional),
                &[
                    ("REALISASI BERDASARKAN BUKTI DUKUNG", 1.9),
                    ("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", 2.3),
                ],
            );
            let ncols = cols.len();
            let mut table = Table::new(cols);
            table.caption = "HASIL KERJA".into();
            table.numbered = true;
            table.style = Style {
                size: 8.5,
                ..Style::BODY
            };
            let blocks = rhk_blocks(&reading.skp.rhk, ncols, |r, i, at| {
                let ind = &r.indikator[i];
                let row = reading.rows.get(at);
                let realisasi = match row.and_then(|x| x.realisasi.as_ref()) {
                    None => "-".to_string(),
                    Some(v) => {
                        let row = row.map(|x| (x.capaian, x.met));
                        match row {
                            Some((c @ Some(_), met)) => format!(
                                "{v} ({}){}",
                                capaian_text(c),
                                if met == Some(true) { " ✓" } else { "" }
                            ),
                            _ => v.to_string(),
                        }
                    }
                };
                let feedback = row
                    .and_then(|x| x.last_umpan_balik.clone())
                    .unwrap_or_else(|| "-".to_string());
                vec![
                    Cell::new(ind.aspek.label()),
                    Cell::new(dash(&ind.teks)),
                    Cell::new(ind.target.to_string()),
                    Cell::new(realisasi),
                    Cell::new(feedback),
                ]
            });
            sheet.table(&table, &blocks);
            sheet.paragraph(
                "Capaian (realisasi terhadap target) hanya keterangan; rating ditetapkan pejabat penilai. ✓: target tercapai.",
                Style::SMALL,
                Align::Left,
                0.0,
            );
        }
        None => {
            heading(&mut sheet, "HASIL KERJA");
            sheet.paragraph(
            "Tidak ada SKP yang tercatat untuk periode ini; hasil kerja dinilai tanpa rencana yang tercatat.",
            Style::BODY,
            Align::Left,
            0.0,
        );
        }
    }
    verdict(&mut sheet, "RATING HASIL KERJA", e.hasil_kerja.label());

    let signers = [
        signer("Pegawai yang Dinilai", Some(&doc.pegawai)),
        signer("Pejabat Penilai Kinerja", doc.penilai.as_ref()),
    ];
    let notes = result_notes(doc, settings.today);
    let umpan: [String; 7] = std::array::from_fn(|i| e.berakhlak[i].umpan_balik.clone());
    // The two verdicts, the notes and the signatures follow the last value on its page.
    let tail = sheet.signatures_height(&signers)
        + 2.0 * (Style::BODY_BOLD.line_height() + 9.0)
        + notes.len() as f32 * 2.0 * Style::SMALL.line_height();
    perilaku_table(&mut sheet, &doc.ekspektasi, Some(&umpan), tail);
    verdict(&mut sheet, "RATING PERILAKU KERJA", e.perilaku.label());
    verdict(&mut sheet, "PREDIKAT KINERJA PEGAWAI", e.predikat().label());
    for note in notes {
        sheet.paragraph(&note, Style::SMALL, Align::Left, 0.0);
    }
    sheet.signatures(&place_date(settings, settings.today), &signers);
    sheet.finish()
}
