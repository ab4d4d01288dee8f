//! The unit report (Laporan) for a period, for the leader who sets the predikat: the
//! spread of predikat against the pattern of the unit's capaian organisasi as a chart and
//! as counts, the unit head apart, the people under each predikat, JP against each
//! person's target; signed by the unit's head.

use super::charts::{distribution, pattern_bounds, pattern_text};
use super::fonts::Fonts;
use super::layout::{Align, Block, Cell, Column, Orientation, Section, Sheet, Style, Table};
use super::{
    Kind, Settings, footer, heading, instansi, left_right, period_name, place_date, signer,
    span_text, titles,
};
use crate::domain::{Breach, Predikat};
use crate::views::documents::UnitDocument;

/// A rule of the pattern that the spread does not meet, in the words of the forms
/// (DOMAIN.md: "tidak sesuai pola", never "melanggar").
pub fn breach_text(b: &Breach) -> String {
    match b {
        Breach::NotLargest(p) => format!("{} bukan kelompok terbesar", p.label()),
        Breach::AboveMax(p, n) => format!("{} lebih dari {n}%", p.label()),
        Breach::BelowMin(p, n) => format!("{} kurang dari {n}%", p.label()),
        Breach::CombinedBelowMin([a, b], n) => {
            format!("{} dan {} bersama kurang dari {n}%", a.label(), b.label())
        }
        Breach::NoneOf([a, b]) => {
            format!("tidak ada pegawai {} dan/atau {}", a.label(), b.label())
        }
        Breach::NotAllowed(p) => format!("ada pegawai {}, yang tidak dibolehkan pola", p.label()),
    }
}

/// "sesuai pola", "tidak sesuai pola: ...", or why there is no verdict.
pub fn status_text(doc: &UnitDocument) -> String {
    match &doc.breaches {
        None => "belum dapat dinilai: capaian kinerja organisasi belum dicatat".to_string(),
        Some(_) if doc.counts.total() == 0 => "belum ada pegawai yang dinilai".to_string(),
        Some(b) if b.is_empty() => "sesuai pola".to_string(),
        Some(b) => format!(
            "tidak sesuai pola: {}",
            b.iter().map(breach_text).collect::<Vec<_>>().join("; ")
        ),
    }
}

pub fn section(fonts: &Fonts, settings: &Settings, doc: &UnitDocument) -> Section {
    let periode = span_text(doc.period.start(), doc.period.end());
    let mut sheet = Sheet::new(
        fonts,
        Orientation::Portrait,
        &format!("Laporan Kinerja Unit · {} · {periode}", doc.unit.name),
        &footer(None, &doc.period.to_string(), Kind::Laporan, &doc.unit.name),
    );
    let unit_line = doc.unit.name.to_uppercase();
    let period_line = format!("PERIODE: {}", period_name(doc.period));
    titles(
        &mut sheet,
        &[
            "LAPORAN KINERJA UNIT",
            unit_line.as_str(),
            period_line.as_str(),
        ],
    );
    left_right(
        &mut sheet,
        &instansi(settings, &doc.top_unit),
        &format!("PERIODE PENILAIAN: {}", periode.to_uppercase()),
    );

    let (reached, active) = doc.jp_reached();
    let evaluated_active = doc
        .members
        .iter()
        .filter(|m| m.aktif && m.predikat.is_some())
        .count();
    let head = match &doc.head {
        Some((p, predikat)) => format!(
            "{} (NIP {}): {}",
            p.nama,
            p.nip_text(),
            predikat.map_or("belum dinilai", |x| x.label())
        ),
        None => "tidak dicatat".to_string(),
    };
    let mut t = Table::new(vec![
        Column::new("", 3.0, Align::Left),
        Column::new("", 6.0, Align::Left),
    ]);
    t.header = false;
    let rows = [
        (
            "Capaian kinerja organisasi",
            doc.rating
                .map_or("belum dicatat".to_string(), |r| r.label().to_string()),
        ),
        (
            "Pola distribusi",
            doc.rating
                .map_or("-".to_string(), |r| pattern_text(r).to_string()),
        ),
        ("Keadaan sebaran", status_text(doc)),
        (
            "Pegawai aktif dinilai",
            format!("{evaluated_active} dari {active}"),
        ),
        ("Pimpinan unit (tidak dihitung dalam sebaran)", head),
        (
            "Mencapai target JP",
            format!(
                "{reached} dari {active} pegawai aktif ({:.0}%)",
                if active == 0 {
                    0.0
                } else {
                    f64::from(reached) * 100.0 / f64::from(active)
                }
            ),
        ),
    ];
    let blocks: Vec<Block> = rows
        .iter()
        .map(|(l, v)| Block::row(vec![Cell::bold(*l), Cell::new(v.clone())]))
        .collect();
    sheet.table(&t, &blocks);

    heading(&mut sheet, "SEBARAN PREDIKAT TERHADAP POLA");
    let x = sheet.left();
    let w = sheet.width();
    distribution(&mut sheet, x, w * 0.8, 110.0, &doc.counts, doc.rating);
    let bounds = doc.rating.map(pattern_bounds);
    let mut t = Table::new(vec![
        Column::new("PREDIKAT", 3.0, Align::Left),
        Column::new("JUMLAH", 1.2, Align::Right),
        Column::new("PERSEN", 1.2, Align::Right),
        Column::new("POLA", 3.0, Align::Left),
    ]);
    t.style = Style::BODY;
    let mut blocks: Vec<Block> = Predikat::ALL
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let pola = match bounds.map(|b| b[k]) {
                Some((Some(min), _)) => format!("paling sedikit {min}%"),
                Some((None, Some(0))) => "tidak boleh ada".to_string(),
                Some((None, Some(max))) => format!("paling banyak {max}%"),
                _ => "-".to_string(),
            };
            Block::row(vec![
                Cell::new(p.label()),
                Cell::new(doc.counts.get(*p).to_string()),
                Cell::new(format!("{:.1}%", doc.counts.percent(*p))),
                Cell::new(pola),
            ])
        })
        .collect();
    blocks.push(Block::row(vec![
        Cell::bold("Jumlah"),
        Cell::bold(doc.counts.total().to_string()),
        Cell::new(""),
        Cell::new(""),
    ]));
    sheet.table(&t, &blocks);

    let mut t = Table::new(vec![
        Column::new("NO", 0.5, Align::Center),
        Column::new("NAMA", 5.0, Align::Left),
        Column::new("NIP", 3.0, Align::Left),
    ]);
    t.caption = "PEGAWAI MENURUT PREDIKAT".into();
    t.style = Style::BODY;
    let mut blocks = Vec::new();
    let head_nip = doc.head.as_ref().and_then(|(p, _)| p.nip.clone());
    let mut groups: Vec<(String, Vec<&crate::views::documents::Member>)> = Predikat::ALL
        .iter()
        .map(|p| {
            (
                p.label().to_string(),
                doc.members
                    .iter()
                    .filter(|m| m.predikat == Some(*p) && Some(&m.nip) != head_nip.as_ref())
                    // The heads of the units below count here (issue 21).
                    .chain(doc.heads_below.iter().filter(|m| m.predikat == Some(*p)))
                    .collect(),
            )
        })
        .collect();
    groups.push((
        "Belum dinilai (pegawai aktif)".to_string(),
        doc.not_evaluated()
            .filter(|m| Some(&m.nip) != head_nip.as_ref())
            .collect(),
    ));
    for (label, people) in groups {
        blocks.push(Block::Group(format!("{label} ({})", people.len())));
        if people.is_empty() {
            blocks.push(Block::row(vec![Cell::new("-").span(3)]));
        }
        for (i, m) in people.iter().enumerate() {
            blocks.push(Block::row(vec![
                Cell::new((i + 1).to_string()),
                Cell::new(m.nama.clone()),
                Cell::new(m.nip.to_string()),
            ]));
        }
    }
    sheet.table(&t, &blocks);

    let mut t = Table::new(vec![
        Column::new("NO", 0.5, Align::Center),
        Column::new("NAMA", 4.2, Align::Left),
        Column::new("NIP", 2.9, Align::Left),
        Column::new("JP", 0.8, Align::Right),
        Column::new("TARGET", 1.2, Align::Right),
        Column::new("TERCAPAI", 1.45, Align::Center),
    ]);
    t.caption = format!("PENGEMBANGAN KOMPETENSI {} (JP)", doc.period.year);
    t.style = Style::BODY;
    let blocks: Vec<Block> = doc
        .members
        .iter()
        .filter(|m| m.aktif)
        .enumerate()
        .map(|(i, m)| {
            Block::row(vec![
                Cell::new((i + 1).to_string()),
                Cell::new(m.nama.clone()),
                Cell::new(m.nip.to_string()),
                Cell::new(m.jp.to_string()),
                Cell::new(if m.target == 0 {
                    "-".to_string()
                } else {
                    m.target.to_string()
                }),
                Cell::new(if m.jp >= m.target { "✓" } else { "belum" }),
            ])
        })
        .collect();
    let role = format!("Pimpinan {}", doc.unit.name);
    let signers = [signer(&role, doc.head.as_ref().map(|(p, _)| p))];
    let tail = sheet.signatures_height(&signers) + 2.0 * Style::SMALL.line_height();
    sheet.table_then(&t, &blocks, tail);
    if doc.period.is_provisional(settings.today) {
        sheet.paragraph(
            &format!(
                "Sementara: periode ini belum berakhir (berakhir {}).",
                super::tanggal(doc.period.end())
            ),
            Style::SMALL,
            Align::Left,
            0.0,
        );
    }
    sheet.signatures(&place_date(settings, settings.today), &signers);
    sheet.finish()
}
