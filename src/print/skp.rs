//! The SKP as the form of PermenPANRB 6/2022 prints it (landscape): title, instansi and
//! period, the pegawai and the pejabat penilai, the RHK table grouped utama/tambahan with
//! the superior's RHK, aspect, indicator and target, the Perilaku table (the 7 BerAKHLAK
//! values with the leader's expectations), signatures, then the Lampiran on its own page.

use super::fonts::Fonts;
use super::layout::{Align, Block, Cell, Column, Orientation, Section, Sheet, Style, Table};
use super::{
    Kind, Settings, dash, footer, heading, instansi, left_right, people_table, place_date, signer,
    span_text, titles,
};
use crate::domain::{JenisRhk, NilaiBerakhlak, Pendekatan, Rhk, SkpForm, SkpStatus};
use crate::views::documents::SkpDocument;

/// What each BerAKHLAK value asks (the panduan perilaku of SE MenPANRB 20/2021, as the SKP
/// forms print them under each value). Not verified word for word against the circular.
pub fn panduan(v: NilaiBerakhlak) -> &'static [&'static str] {
    match v {
        NilaiBerakhlak::BerorientasiPelayanan => &[
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
        NilaiBerakhlak::Akuntabel => &[
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
        NilaiBerakhlak::Kompeten => &[
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
        NilaiBerakhlak::Harmonis => &[
            "Menghargai setiap orang apa pun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
        NilaiBerakhlak::Loyal => &[
            "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ],
        NilaiBerakhlak::Adaptif => &[
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
        NilaiBerakhlak::Kolaboratif => &[
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ],
    }
}

/// The value's guide in one paragraph (the Perilaku cell of the forms, under the name).
pub fn perilaku_text(v: NilaiBerakhlak) -> String {
    let mut s = panduan(v).join("; ");
    s.push('.');
    s
}

/// The title lines of the SKP and evaluation forms for a form and approach.
pub fn form_lines(form: SkpForm, pendekatan: Pendekatan) -> [String; 2] {
    [
        format!(
            "PENDEKATAN HASIL KERJA {}",
            pendekatan.label().to_uppercase()
        ),
        match form {
            SkpForm::Jpt => "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI".into(),
            SkpForm::AdministrasiFungsional => {
                "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL".into()
            }
        },
    ]
}

/// The columns of the RHK table; `extra` are appended (the evaluation's realisation and
/// feedback).
pub fn rhk_columns(form: SkpForm, extra: &[(&str, f32)]) -> Vec<Column> {
    let source = match form {
        SkpForm::Jpt => "PERJANJIAN KINERJA",
        SkpForm::AdministrasiFungsional => "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
    };
    let mut cols = vec![
        Column::new("NO", 0.45, Align::Center),
        Column::new(source, 2.6, Align::Left),
        Column::new("RENCANA HASIL KERJA", 2.6, Align::Left),
        Column::new("ASPEK", 1.05, Align::Left),
        Column::new("INDIKATOR KINERJA INDIVIDU", 2.6, Align::Left),
        Column::new("TARGET", 1.3, Align::Left),
    ];
    for (t, share) in extra {
        cols.push(Column::new(t, *share, Align::Left));
    }
    cols
}

/// The RHK blocks of `rhk` grouped "A. UTAMA" / "B. TAMBAHAN", numbered from 1 in each
/// group; `row` gives each indicator's cells after the first three columns (its index
/// in the plan's order of indicators is passed along).
pub fn rhk_blocks(
    rhk: &[Rhk],
    ncols: usize,
    mut row: impl FnMut(&Rhk, usize, usize) -> Vec<Cell>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The position of each indicator in the plan, to find its reading.
    let mut index = 0usize;
    let mut starts = Vec::with_capacity(rhk.len());
    for r in rhk {
        starts.push(index);
        index += r.indikator.len();
    }
    for (letter, jenis) in [("A", JenisRhk::Utama), ("B", JenisRhk::Tambahan)] {
        blocks.push(Block::Group(format!(
            "{letter}. {}",
            jenis.label().to_uppercase()
        )));
        let mut n = 0;
        for (k, r) in rhk.iter().enumerate().filter(|(_, r)| r.jenis == jenis) {
            n += 1;
            let rows: Vec<Vec<Cell>> = if r.indikator.is_empty() {
                vec![vec![Cell::new("-").span(ncols - 3)]]
            } else {
                (0..r.indikator.len())
                    .map(|i| row(r, i, starts[k] + i))
                    .collect()
            };
            blocks.push(Block::Rows {
                spans: vec![
                    (0, Cell::new(n.to_string()).align(Align::Center)),
                    (1, Cell::new(dash(r.intervensi.teks()))),
                    (2, Cell::new(dash(&r.teks))),
                ],
                rows,
            });
        }
        if n == 0 {
            blocks.push(Block::row(vec![
                Cell::new("Tidak ada.").span(ncols).align(Align::Left),
            ]));
        }
    }
    blocks
}

pub fn section(fonts: &Fonts, settings: &Settings, doc: &SkpDocument) -> Section {
    let skp = &doc.skp;
    let periode = span_text(skp.mulai, skp.selesai);
    let mut sheet = Sheet::new(
        fonts,
        Orientation::Landscape,
        &format!("Sasaran Kinerja Pegawai · {} · {periode}", doc.pegawai.nama),
        &footer(
            doc.pegawai.nip.as_ref(),
            &periode,
            Kind::Skp,
            &doc.pegawai.nama,
        ),
    );
    let [approach, form] = form_lines(skp.form, skp.pendekatan);
    let status = match skp.status {
        SkpStatus::Draft => "DRAFT: BELUM DITETAPKAN".to_string(),
        SkpStatus::Ditetapkan(_) => String::new(),
    };
    let mut lines = vec!["SASARAN KINERJA PEGAWAI", approach.as_str(), form.as_str()];
    if !status.is_empty() {
        lines.push(status.as_str());
    }
    titles(&mut sheet, &lines);
    let inst = instansi(settings, &doc.top_unit);
    left_right(
        &mut sheet,
        &inst,
        &format!("PERIODE PENILAIAN: {}", periode.to_uppercase()),
    );
    people_table(&mut sheet, &doc.pegawai, Some(&doc.penilai));

    let cols = rhk_columns(skp.form, &[]);
    let ncols = cols.len();
    let mut table = Table::new(cols);
    table.caption = "HASIL KERJA".into();
    table.numbered = true;
    let blocks = rhk_blocks(&skp.rhk, ncols, |r, i, _| {
        let ind = &r.indikator[i];
        vec![
            Cell::new(ind.aspek.label()),
            Cell::new(dash(&ind.teks)),
            Cell::new(ind.target.to_string()),
        ]
    });
    sheet.table(&table, &blocks);

    let date = match skp.status {
        SkpStatus::Ditetapkan(d) => d,
        SkpStatus::Draft => settings.today,
    };
    let signers = [
        signer("Pegawai yang Dinilai", Some(&doc.pegawai)),
        signer("Pejabat Penilai Kinerja", Some(&doc.penilai)),
    ];
    let tail = sheet.signatures_height(&signers);
    perilaku_table(&mut sheet, &skp.ekspektasi, None, tail);

    sheet.signatures(&place_date(settings, date), &signers);

    // The Lampiran starts its own page, as the form's does.
    sheet.new_page();
    titles(
        &mut sheet,
        &[
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            approach.as_str(),
            form.as_str(),
        ],
    );
    left_right(
        &mut sheet,
        &inst,
        &format!("PERIODE PENILAIAN: {}", periode.to_uppercase()),
    );
    for (title, list) in [
        ("DUKUNGAN SUMBER DAYA", &skp.lampiran.sumber_daya),
        (
            "SKEMA PERTANGGUNGJAWABAN",
            &skp.lampiran.skema_pertanggungjawaban,
        ),
        ("KONSEKUENSI", &skp.lampiran.konsekuensi),
    ] {
        heading(&mut sheet, title);
        if list.is_empty() {
            sheet.paragraph("-", Style::BODY, Align::Left, 12.0);
        }
        for (i, item) in list.iter().enumerate() {
            sheet.paragraph(
                &format!("{}. {item}", i + 1),
                Style::BODY,
                Align::Left,
                12.0,
            );
        }
    }
    sheet.signatures(&place_date(settings, date), &signers);
    sheet.finish()
}

/// The Perilaku table: each value with its guide and the leader's expectation, and with
/// `umpan_balik` (the evaluation's) a feedback column.
pub fn perilaku_table(
    sheet: &mut Sheet,
    ekspektasi: &[String; 7],
    umpan_balik: Option<&[String; 7]>,
    tail: f32,
) {
    let mut cols = vec![
        Column::new("NO", 0.45, Align::Center),
        Column::new("PERILAKU KERJA", 5.6, Align::Left),
        Column::new("EKSPEKTASI KHUSUS PIMPINAN", 3.8, Align::Left),
    ];
    if umpan_balik.is_some() {
        cols.push(Column::new("UMPAN BALIK BERKELANJUTAN", 3.8, Align::Left));
    }
    let mut table = Table::new(cols);
    table.caption = "PERILAKU KERJA".into();
    table.style = Style {
        size: 8.5,
        ..Style::BODY
    };
    let blocks: Vec<Block> = NilaiBerakhlak::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut cells = vec![
                Cell::new((i + 1).to_string()),
                Cell::new(perilaku_text(*v)).with_head(v.label()),
                Cell::new(dash(&ekspektasi[i])),
            ];
            if let Some(u) = umpan_balik {
                cells.push(Cell::new(dash(&u[i])));
            }
            Block::row(cells)
        })
        .collect();
    sheet.table_then(&table, &blocks, tail);
}
