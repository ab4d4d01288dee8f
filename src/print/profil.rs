//! The one-page profile (issue 12) as a PDF: identity, the predikat over the last periods
//! and JP per year as two small charts, recent trainings, required competencies, the
//! 9-box, open coaching and the latest notes. Long lists are cut to what fits one A4 page,
//! saying how many more there are.

use super::fonts::Fonts;
use super::layout::{Align, Block, Cell, Column, Orientation, Section, Sheet, Style, Table};
use super::{Kind, Settings, dash, footer, heading, tanggal};
use crate::domain::coaching::CoachingStatus;
use crate::domain::{CompetencyState, PeriodKind, Potensial, Sex, TalentGap};
use crate::views::profile::Profile;

const MAX_TRAININGS: usize = 7;
const MAX_COMPETENCIES: usize = 6;
const MAX_COACHING: usize = 2;
const MAX_NOTE_LINES: usize = 5;
const MAX_KREDIT_ROWS: usize = 5;

/// A period as a chart labels it: kind then year (`TW II 2025`, `Tahunan 2025`).
fn short_period(p: crate::domain::Period) -> String {
    match p.kind {
        PeriodKind::Tahunan => format!("Tahunan {}", p.year),
        PeriodKind::Triwulan(q) => format!(
            "TW {} {}",
            ["I", "II", "III", "IV"][usize::from(q.clamp(1, 4) - 1)],
            p.year
        ),
        PeriodKind::Bulanan(m) => format!("Bln{m} {}", p.year),
        PeriodKind::Rentang(a, b) => format!("Bln{a}-{b} {}", p.year),
    }
}

/// Angka kredit of a functional person (issue 21; Peraturan BKN 3/2023), as the record
/// shows it: each year's counted credit with the evaluations it comes from, then the total
/// toward the next jenjang and where the count starts.
fn kredit_table(sheet: &mut Sheet, r: &crate::domain::KreditRecord) {
    use crate::domain::KreditStatus;
    use crate::domain::angka_kredit::{FIRST_YEAR, jenjang_fungsional, persentase};
    use crate::ui::labels::{kredit_text, kredit_total_text};
    use crate::ui::lang::Lang;
    let mut t = Table::new(vec![
        Column::new("Periode", 1.6, Align::Left),
        Column::new("Predikat", 1.9, Align::Left),
        Column::new("Jenjang saat itu", 2.0, Align::Left),
        Column::new("Koef. x %", 1.5, Align::Right),
        Column::new("Angka kredit", 1.4, Align::Right),
    ]);
    t.caption = "ANGKA KREDIT".into();
    t.style = Style::SMALL;
    // As the record: the evaluations a year's credit comes from (a periodic result the
    // annual one replaces is left out), the newest years that fit one page.
    let shown = |e: &&crate::domain::angka_kredit::KreditEntry| {
        matches!(e.status, KreditStatus::Dihitung | KreditStatus::Sementara)
    };
    let mut years: Vec<i16> = r.entries.iter().map(|e| e.period.year).collect();
    years.dedup();
    let mut rows = 0;
    let mut kept = Vec::new();
    for year in years.iter().rev() {
        let n = r
            .entries
            .iter()
            .filter(shown)
            .filter(|e| e.period.year == *year)
            .count();
        if rows + n > MAX_KREDIT_ROWS && !kept.is_empty() {
            break;
        }
        rows += n;
        kept.push(*year);
    }
    kept.reverse();
    let mut blocks = Vec::new();
    if kept.len() < years.len() {
        blocks.push(Block::row(vec![
            Cell::new(format!(
                "Tahun sebelum {}: lihat kinerja export angka-kredit",
                kept.first().copied().unwrap_or(FIRST_YEAR)
            ))
            .span(5),
        ]));
    }
    for year in kept {
        blocks.push(Block::Group(format!(
            "{year}: {}",
            kredit_text(r.of_year(year), Lang::Id)
        )));
        for e in r
            .entries
            .iter()
            .filter(shown)
            .filter(|e| e.period.year == year)
        {
            let koef = jenjang_fungsional(e.jenjang).map_or("-".to_string(), |j| {
                crate::domain::AngkaKredit::from_hundredths(j.koefisien).text(',')
            });
            let kredit = match e.status {
                KreditStatus::Sementara => {
                    format!("{} (sementara)", kredit_text(e.kredit, Lang::Id))
                }
                _ => kredit_text(e.kredit, Lang::Id),
            };
            blocks.push(Block::row(vec![
                Cell::new(short_period(e.period)),
                Cell::new(e.predikat.label()),
                Cell::new(e.jenjang.label()),
                Cell::new(format!("{koef} x {}%", persentase(e.predikat))),
                Cell::new(kredit),
            ]));
        }
    }
    if blocks.is_empty() {
        heading(sheet, "ANGKA KREDIT");
    } else {
        sheet.table(&t, &blocks);
    }
    sheet.paragraph(
        &format!(
            "{}. {}",
            kredit_total_text(r, Lang::Id),
            crate::ui::lang::T::AkNote
                .get(Lang::Id)
                .replace("{year}", &FIRST_YEAR.to_string())
        ),
        Style::SMALL,
        Align::Left,
        0.0,
    );
}

fn more(n: usize) -> String {
    format!("… dan {n} lainnya")
}

pub fn section(fonts: &Fonts, _settings: &Settings, p: &Profile) -> Section {
    let id = &p.identity;
    let mut sheet = Sheet::new(
        fonts,
        Orientation::Portrait,
        &format!("Profil Pegawai · {}", id.name),
        &footer(Some(&id.nip), &tanggal(p.today), Kind::Profil, &id.name),
    );
    sheet.paragraph("PROFIL PEGAWAI", Style::TITLE, Align::Center, 0.0);
    sheet.paragraph(&id.name, Style::HEADING, Align::Center, 0.0);
    sheet.paragraph(
        &format!("Keadaan pada {}", tanggal(p.today)),
        Style::SMALL,
        Align::Center,
        0.0,
    );
    sheet.gap(6.0);

    let (y, m) = id.appointed;
    let kind = id.kind().code();
    let pangkat = match id.golongan.pangkat() {
        Some(pk) => format!("{pk}, {}", id.golongan),
        None => id.golongan.to_string(),
    };
    let pension = match id.retiring {
        Some(crate::domain::Retiring::Overdue) => " (sudah lewat)",
        Some(crate::domain::Retiring::Soon) => " (dalam 12 bulan)",
        None => "",
    };
    let unit = if id.head {
        format!("{} (pimpinan unit)", id.unit)
    } else {
        id.unit.clone()
    };
    let sex = match id.sex {
        Some(Sex::Male) => "Laki-laki",
        Some(Sex::Female) => "Perempuan",
        None => "-",
    };
    let fields = [
        ("NIP", id.nip.to_string()),
        (
            "Status",
            format!(
                "{kind}{}",
                if id.aktif { ", aktif" } else { ", tidak aktif" }
            ),
        ),
        ("Lahir", format!("{} ({} tahun)", tanggal(id.born), id.age)),
        ("Jenis kelamin", sex.to_string()),
        ("Pangkat", pangkat),
        (
            "Masa kerja",
            format!("{} tahun (TMT {m:02}/{y})", id.service_years),
        ),
        ("Jabatan", id.position.clone()),
        ("Unit kerja", unit),
        (
            "Pensiun (BUP)",
            format!(
                "{} ({} tahun){pension}",
                tanggal(id.pension.date),
                id.pension.age
            ),
        ),
    ];
    let mut t = Table::new(vec![
        Column::new("", 1.55, Align::Left),
        Column::new("", 3.0, Align::Left),
        Column::new("", 1.55, Align::Left),
        Column::new("", 3.0, Align::Left),
    ]);
    t.header = false;
    t.borders = false;
    let blocks: Vec<Block> = fields
        .chunks(2)
        .map(|pair| {
            let mut cells = Vec::new();
            for (label, value) in pair {
                cells.push(Cell::bold(*label));
                cells.push(Cell::new(dash(value)));
            }
            if pair.len() == 1 {
                cells.push(Cell::new("").span(2));
            }
            Block::row(cells)
        })
        .collect();
    sheet.table(&t, &blocks);

    // The two charts side by side.
    heading(&mut sheet, "PREDIKAT PER PERIODE DAN JP PER TAHUN");
    let (x, w) = (sheet.left(), sheet.width());
    let h = 118.0;
    sheet.ensure(h);
    let top = sheet.y();
    let points: Vec<(String, crate::domain::Predikat, bool)> = p
        .trend
        .iter()
        .map(|t| (short_period(t.period), t.predikat, t.provisional))
        .collect();
    super::charts::trend(&mut sheet, x, top, w * 0.58, h, &points);
    let years: Vec<(i16, u32, u32)> = p.jp.iter().map(|j| (j.year, j.jp, j.target)).collect();
    super::charts::jp_bars(&mut sheet, x + w * 0.62, top, w * 0.38, h, &years);
    sheet.set_y(top + h + 4.0);
    if p.trend.iter().any(|t| t.provisional) {
        sheet.paragraph(
            "Titik kosong: periode belum berakhir (sementara).",
            Style::SMALL,
            Align::Left,
            0.0,
        );
    }

    if let Some(kredit) = &p.angka_kredit {
        kredit_table(&mut sheet, kredit);
    }

    let trainings = format!("PELATIHAN {}-{}", p.training_years.0, p.training_years.1);
    if p.trainings.is_empty() {
        heading(&mut sheet, &trainings);
        sheet.paragraph("Belum ada pelatihan.", Style::BODY, Align::Left, 0.0);
    } else {
        let mut t = Table::new(vec![
            Column::new("Selesai", 1.9, Align::Left),
            Column::new("Judul", 4.6, Align::Left),
            Column::new("Jenis", 1.8, Align::Left),
            Column::new("JP", 0.6, Align::Right),
        ]);
        t.caption = trainings;
        t.style = Style::SMALL;
        let mut blocks: Vec<Block> = p
            .trainings
            .iter()
            .take(MAX_TRAININGS)
            .map(|tr| {
                Block::row(vec![
                    Cell::new(tanggal(tr.selesai)),
                    Cell::new(format!("{} ({})", tr.judul, tr.penyelenggara)),
                    Cell::new(format!("{}, {}", tr.jenis.label(), tr.status.label())),
                    Cell::new(tr.jp.to_string()),
                ])
            })
            .collect();
        if p.trainings.len() > MAX_TRAININGS {
            blocks.push(Block::row(vec![
                Cell::new(more(p.trainings.len() - MAX_TRAININGS)).span(4),
            ]));
        }
        sheet.table(&t, &blocks);
    }

    if let Some(comp) = &p.competencies {
        heading(&mut sheet, "KOMPETENSI YANG DIPERLUKAN JABATAN");
        if comp.is_empty() {
            sheet.paragraph(
                "Tidak ada kompetensi yang dicatat untuk jabatan ini.",
                Style::BODY,
                Align::Left,
                0.0,
            );
        }
        for c in comp.iter().take(MAX_COMPETENCIES) {
            let state = match c.state {
                CompetencyState::Ada { until: Some(d) } => {
                    format!("ada, berlaku s.d. {}", tanggal(d))
                }
                CompetencyState::Ada { until: None } => "ada".to_string(),
                CompetencyState::Kedaluwarsa(d) => format!("kedaluwarsa sejak {}", tanggal(d)),
                CompetencyState::BelumAda => "belum ada".to_string(),
            };
            sheet.paragraph(
                &format!("- {} ({}): {state}", c.name, c.kind.label()),
                Style::BODY,
                Align::Left,
                6.0,
            );
        }
        if comp.len() > MAX_COMPETENCIES {
            sheet.paragraph(
                &more(comp.len() - MAX_COMPETENCIES),
                Style::BODY,
                Align::Left,
                6.0,
            );
        }
    }

    if let Some(talent) = &p.talent {
        heading(&mut sheet, &format!("TALENTA (9-BOX) {}", talent.year));
        let kinerja = match (talent.predikat, talent.kinerja) {
            (Some(p), Some(k)) => format!("{} ({})", p.label(), k.label()),
            _ => "-".to_string(),
        };
        let potensial = talent.potential.as_ref().map_or("-".to_string(), |e| {
            let level = match e.potensial {
                Potensial::Rendah => "Rendah",
                Potensial::Menengah => "Menengah",
                Potensial::Tinggi => "Tinggi",
            };
            format!("{level} ({}, {})", e.source.label(), tanggal(e.date))
        });
        let place = match talent.place {
            Ok(n) => format!("Kotak {n}: {}", crate::domain::talent::follow_up(n, false)),
            Err(g) => format!(
                "Belum ada kotak: {}",
                match g {
                    TalentGap::NoAnnual => "tanpa evaluasi tahunan",
                    TalentGap::NoPotensial => "tanpa potensial",
                    TalentGap::Neither => "tanpa keduanya",
                }
            ),
        };
        sheet.paragraph(
            &format!("Kinerja: {kinerja}. Potensial: {potensial}. {place}"),
            Style::BODY,
            Align::Left,
            6.0,
        );
    }

    if let Some(open) = &p.open_coaching {
        heading(&mut sheet, "PEMBINAAN KINERJA TERBUKA");
        if open.is_empty() {
            sheet.paragraph("Tidak ada.", Style::BODY, Align::Left, 6.0);
        }
        for (c, status) in open.iter().take(MAX_COACHING) {
            let status = match status {
                CoachingStatus::Overdue => "terlambat",
                _ => "terbuka",
            };
            sheet.paragraph(
                &format!(
                    "- {} {} ({}): {} Tindak lanjut {} ({status}).",
                    tanggal(c.tanggal),
                    c.jenis.label(),
                    c.pemberi.nama,
                    c.masalah,
                    tanggal(c.tindak_lanjut)
                ),
                Style::BODY,
                Align::Left,
                6.0,
            );
        }
        if open.len() > MAX_COACHING {
            sheet.paragraph(
                &more(open.len() - MAX_COACHING),
                Style::BODY,
                Align::Left,
                6.0,
            );
        }
    }

    if let Some(notes) = &p.notes {
        heading(
            &mut sheet,
            &format!("CATATAN EVALUASI TERAKHIR ({})", notes.period),
        );
        let width = sheet.width() - 6.0;
        let mut lines = sheet.wrap(&notes.text, Style::BODY, width);
        if lines.len() > MAX_NOTE_LINES {
            lines.truncate(MAX_NOTE_LINES);
            if let Some(last) = lines.last_mut() {
                last.push_str(" …");
            }
        }
        sheet.paragraph(&lines.join("\n"), Style::BODY, Align::Left, 6.0);
    }
    sheet.finish()
}
