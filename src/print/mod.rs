//! Documents an office prints and signs, as PDF on A4 (issue 20; DOMAIN.md, The SKP cycle,
//! "Documents"): the SKP, the Evaluasi Kinerja Pegawai of a period, the Dokumen Evaluasi
//! Kinerja Pegawai, the one-page profile and the unit report (Laporan), one person's or a
//! whole unit's (one person after another, pages numbered per person).
//!
//! Layer: beside `screens/`, drawn from `views/` data (`views::documents`,
//! `views::profile`, `views::skp`); no ratatui. The forms are printed in Indonesian, as
//! the regulation's forms are, whatever the interface language. Each `print_*` function
//! takes what a screen has (a NIP, a period, a unit) and returns the path it wrote, never
//! replacing a file; `*_pdf` returns the bytes.

pub mod charts;
mod dokumen;
mod evaluasi;
pub mod fonts;
mod laporan;
pub mod layout;
pub mod pdf;
mod profil;
mod skp;

use crate::domain::{JpTargets, Nip, Period, PeriodKind};
use crate::store::{Store, StoreError};
use crate::views::documents::{self, PersonLine};
use jiff::civil::Date;
use layout::{Align, Block, Cell, Column, Section, Sheet, Signer, Style, Table};
use std::path::{Path, PathBuf};

/// The settings a document needs besides the data: the instansi over the forms and the
/// place before the date (config keys `instansi` and `tempat`), the day it is made, the
/// JP targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub instansi: Option<String>,
    pub tempat: Option<String>,
    pub today: Date,
    pub jp: JpTargets,
}

impl Settings {
    pub fn new(today: Date) -> Settings {
        Settings {
            instansi: None,
            tempat: None,
            today,
            jp: JpTargets::default(),
        }
    }
}

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Skp,
    Evaluasi,
    Dokumen,
    Profil,
    Laporan,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Skp,
        Kind::Evaluasi,
        Kind::Dokumen,
        Kind::Profil,
        Kind::Laporan,
    ];

    /// The word on the command line and at the start of file names.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Skp => "skp",
            Kind::Evaluasi => "evaluasi",
            Kind::Dokumen => "dokumen",
            Kind::Profil => "profil",
            Kind::Laporan => "laporan",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Kind::Skp => "Sasaran Kinerja Pegawai",
            Kind::Evaluasi => "Evaluasi Kinerja Pegawai",
            Kind::Dokumen => "Dokumen Evaluasi Kinerja Pegawai",
            Kind::Profil => "Profil Pegawai",
            Kind::Laporan => "Laporan Kinerja Unit",
        }
    }
}

/// Why a document was not made.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no staff member has NIP {0}; check the number")]
    NoPerson(String),
    #[error("{name} (NIP {nip}) has no SKP covering {period}; record the SKP first")]
    NoSkp {
        nip: String,
        name: String,
        period: Period,
    },
    #[error(
        "{name} (NIP {nip}) has no evaluation for {period}; choose a period with --period (e.g. tahunan, triwulan-2) and --year"
    )]
    NoEvaluation {
        nip: String,
        name: String,
        period: Period,
    },
    #[error("there is no unit named {0:?}; the units are listed by `kinerja export report`")]
    NoUnit(String),
    #[error("nobody in {unit} has a {kind} for {period}; nothing was written")]
    EmptyUnit {
        unit: String,
        kind: &'static str,
        period: Period,
    },
    #[error("the bundled fonts could not be read; the program is damaged, reinstall it")]
    Fonts,
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error(
        "{0} already exists; kinerja never overwrites a file, so remove it or choose another name"
    )]
    Exists(PathBuf),
    #[error("cannot write {path}: {error}")]
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// What a whole unit's file holds: whose documents, and who was left out and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitOutcome {
    pub printed: usize,
    /// (NIP, name, why) of each person left out.
    pub skipped: Vec<(String, String, String)>,
}

/// Indonesian month names, for dates on the forms.
const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `31 Desember 2025`.
pub fn tanggal(d: Date) -> String {
    let m = BULAN
        .get(usize::try_from(d.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{} {m} {}", d.day(), d.year())
}

/// `1 Januari s.d. 31 Desember 2025`.
pub fn span_text(from: Date, to: Date) -> String {
    if from.year() == to.year() {
        let m = BULAN
            .get(usize::try_from(from.month() - 1).unwrap_or(0))
            .copied()
            .unwrap_or("");
        format!("{} {m} s.d. {}", from.day(), tanggal(to))
    } else {
        format!("{} s.d. {}", tanggal(from), tanggal(to))
    }
}

/// The period as the forms name it: `TRIWULAN II`, `TAHUNAN (AKHIR)`, `BULAN MARET`,
/// `BULAN JUNI S.D. DESEMBER`.
pub fn period_name(p: Period) -> String {
    let month = |m: u8| BULAN.get(usize::from(m.max(1) - 1)).copied().unwrap_or("");
    match p.kind {
        PeriodKind::Tahunan => "TAHUNAN (AKHIR)".to_string(),
        PeriodKind::Triwulan(q) => format!(
            "TRIWULAN {}",
            ["I", "II", "III", "IV"][usize::from(q.clamp(1, 4) - 1)]
        ),
        PeriodKind::Bulanan(m) => format!("BULAN {}", month(m).to_uppercase()),
        PeriodKind::Rentang(a, b) => format!(
            "BULAN {} S.D. {}",
            month(a).to_uppercase(),
            month(b).to_uppercase()
        ),
    }
}

/// The place and date over the signatures: `Medan, 2 Januari 2026`; the place is a
/// dotted line to fill by hand when the settings name none.
fn place_date(settings: &Settings, date: Date) -> String {
    let place = settings
        .tempat
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("..................");
    format!("{place}, {}", tanggal(date))
}

/// The instansi line: the settings' `instansi`, else the top unit of the person's unit.
fn instansi(settings: &Settings, top_unit: &str) -> String {
    settings
        .instansi
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(top_unit)
        .to_uppercase()
}

fn dash(s: &str) -> String {
    if s.trim().is_empty() {
        "-".to_string()
    } else {
        s.trim().to_string()
    }
}

/// The footer's left part: NIP and period first (they must show whatever is cut).
fn footer(nip: Option<&Nip>, period: &str, kind: Kind, name: &str) -> String {
    match nip {
        Some(n) => format!("NIP {n} · {period} · {} · {name}", kind.title()),
        None => format!("{period} · {} · {name}", kind.title()),
    }
}

/// Title lines centred, then a gap.
fn titles(sheet: &mut Sheet, lines: &[&str]) {
    for (i, l) in lines.iter().enumerate() {
        let style = if i == 0 { Style::TITLE } else { Style::HEADING };
        sheet.paragraph(l, style, Align::Center, 0.0);
    }
    sheet.gap(8.0);
}

/// A line with text at the left and at the right (instansi and period): on one line when
/// both fit, else each wrapped in its half.
fn left_right(sheet: &mut Sheet, left: &str, right: &str) {
    let style = Style::BODY_BOLD;
    let width = sheet.width();
    let (lw, rw) = (
        sheet.text_width(left, style),
        sheet.text_width(right, style),
    );
    let (lspace, rspace) = if lw + rw + 12.0 <= width {
        (lw, width - lw - 12.0)
    } else {
        (width / 2.0 - 6.0, width / 2.0 - 6.0)
    };
    let l = sheet.wrap(left, style, lspace);
    let r = sheet.wrap(right, style, rspace);
    let lh = style.line_height();
    let n = l.len().max(r.len());
    sheet.ensure(lh * n as f32);
    let (x, top) = (sheet.left(), sheet.y());
    for (i, t) in l.iter().enumerate() {
        sheet.text_in(x, lspace, top + lh * i as f32, t, style, Align::Left);
    }
    let rx = x + width - rspace;
    for (i, t) in r.iter().enumerate() {
        sheet.text_in(rx, rspace, top + lh * i as f32, t, style, Align::Right);
    }
    sheet.set_y(top + lh * n as f32 + 4.0);
}

/// The table of the pegawai and the pejabat penilai side by side, as the SKP and
/// evaluation forms have it.
fn people_table(sheet: &mut Sheet, pegawai: &PersonLine, penilai: Option<&PersonLine>) {
    let mut table = Table::new(vec![
        Column::new("", 0.45, Align::Center),
        Column::new("", 2.5, Align::Left),
        Column::new("", 4.4, Align::Left),
        Column::new("", 0.45, Align::Center),
        Column::new("", 2.5, Align::Left),
        Column::new("", 4.4, Align::Left),
    ]);
    table.header = false;
    let empty = PersonLine::default();
    let penilai = penilai.unwrap_or(&empty);
    let mut blocks = vec![Block::row(vec![
        Cell::bold("NO").align(Align::Center),
        Cell::bold("PEGAWAI YANG DINILAI").span(2),
        Cell::bold("NO").align(Align::Center),
        Cell::bold("PEJABAT PENILAI KINERJA").span(2),
    ])];
    for (i, (label, a, b)) in person_fields(pegawai)
        .into_iter()
        .zip(person_fields(penilai))
        .map(|((l, a), (_, b))| (l, a, b))
        .enumerate()
    {
        let n = (i + 1).to_string();
        blocks.push(Block::row(vec![
            Cell::new(n.clone()),
            Cell::new(label),
            Cell::new(a),
            Cell::new(n),
            Cell::new(label),
            Cell::new(b),
        ]));
    }
    sheet.table(&table, &blocks);
}

/// A person's five lines as the forms label them.
fn person_fields(p: &PersonLine) -> [(&'static str, String); 5] {
    [
        ("NAMA", dash(&p.nama)),
        (
            "NIP",
            if p.nama.trim().is_empty() {
                "-".into()
            } else {
                p.nip_text()
            },
        ),
        ("PANGKAT/GOL. RUANG", dash(&p.pangkat)),
        ("JABATAN", dash(&p.jabatan)),
        ("UNIT KERJA", dash(&p.unit)),
    ]
}

fn signer(role: &str, p: Option<&PersonLine>) -> Signer {
    match p {
        Some(p) if !p.nama.trim().is_empty() => Signer {
            role: role.to_string(),
            nama: p.nama.clone(),
            nip: p
                .nip
                .as_ref()
                .map_or_else(String::new, |n| format!("NIP. {n}")),
        },
        _ => Signer {
            role: role.to_string(),
            nama: "(.................................)".to_string(),
            nip: "NIP.".to_string(),
        },
    }
}

/// A section heading, kept with the start of what follows (a table's header and first
/// rows).
fn heading(sheet: &mut Sheet, text: &str) {
    sheet.gap(6.0);
    sheet.ensure(Style::HEADING.line_height() + 90.0);
    sheet.paragraph(text, Style::HEADING, Align::Left, 0.0);
    sheet.gap(2.0);
}

fn finish(sections: &[Section], title: &str) -> Result<Vec<u8>, PrintError> {
    let fonts = fonts::fonts().ok_or(PrintError::Fonts)?;
    pdf::render(fonts, sections, title).map_err(PrintError::Pdf)
}

fn staff_of(store: &Store, nip: &str) -> Result<crate::domain::Staff, PrintError> {
    store
        .get_staff(nip)?
        .ok_or_else(|| PrintError::NoPerson(nip.to_string()))
}

// ------------------------------------------------------------------ one person

fn skp_section(
    store: &Store,
    settings: &Settings,
    nip: &str,
    period: Period,
) -> Result<Section, PrintError> {
    let fonts = fonts::fonts().ok_or(PrintError::Fonts)?;
    match documents::skp_document(store, nip, period)? {
        Some(doc) => Ok(skp::section(fonts, settings, &doc)),
        None => {
            let s = staff_of(store, nip)?;
            Err(PrintError::NoSkp {
                nip: s.nip.to_string(),
                name: s.display_name(),
                period,
            })
        }
    }
}

fn evaluasi_section(
    store: &Store,
    settings: &Settings,
    nip: &str,
    period: Period,
    kind: Kind,
) -> Result<Section, PrintError> {
    let fonts = fonts::fonts().ok_or(PrintError::Fonts)?;
    match documents::evaluasi_document(store, nip, period)? {
        Some(doc) if kind == Kind::Dokumen => Ok(dokumen::section(fonts, settings, &doc)),
        Some(doc) => Ok(evaluasi::section(fonts, settings, &doc)),
        None => {
            let s = staff_of(store, nip)?;
            Err(PrintError::NoEvaluation {
                nip: s.nip.to_string(),
                name: s.display_name(),
                period,
            })
        }
    }
}

fn profil_section(store: &Store, settings: &Settings, nip: &str) -> Result<Section, PrintError> {
    let fonts = fonts::fonts().ok_or(PrintError::Fonts)?;
    let p = crate::views::profile::Profile::build(store, nip, settings.today, &settings.jp)?
        .ok_or_else(|| PrintError::NoPerson(nip.to_string()))?;
    Ok(profil::section(fonts, settings, &p))
}

/// The SKP of `nip` covering `period`, as PDF bytes.
pub fn skp_pdf(
    store: &Store,
    settings: &Settings,
    nip: &str,
    period: Period,
) -> Result<Vec<u8>, PrintError> {
    let s = skp_section(store, settings, nip, period)?;
    finish(&[s], Kind::Skp.title())
}

/// The Evaluasi Kinerja Pegawai of `nip` for `period`, as PDF bytes.
pub fn evaluasi_pdf(
    store: &Store,
    settings: &Settings,
    nip: &str,
    period: Period,
) -> Result<Vec<u8>, PrintError> {
    let s = evaluasi_section(store, settings, nip, period, Kind::Evaluasi)?;
    finish(&[s], Kind::Evaluasi.title())
}

/// The Dokumen Evaluasi Kinerja Pegawai of `nip` for `period`, as PDF bytes.
pub fn dokumen_pdf(
    store: &Store,
    settings: &Settings,
    nip: &str,
    period: Period,
) -> Result<Vec<u8>, PrintError> {
    let s = evaluasi_section(store, settings, nip, period, Kind::Dokumen)?;
    finish(&[s], Kind::Dokumen.title())
}

/// The one-page profile of `nip` on `settings.today`, as PDF bytes.
pub fn profil_pdf(store: &Store, settings: &Settings, nip: &str) -> Result<Vec<u8>, PrintError> {
    let s = profil_section(store, settings, nip)?;
    finish(&[s], Kind::Profil.title())
}

/// The report of the unit `unit_id` for `period`, as PDF bytes.
pub fn laporan_pdf(
    store: &Store,
    settings: &Settings,
    unit_id: &str,
    period: Period,
) -> Result<Vec<u8>, PrintError> {
    let fonts = fonts::fonts().ok_or(PrintError::Fonts)?;
    let doc = documents::unit_document(store, unit_id, period, &settings.jp)?
        .ok_or_else(|| PrintError::NoUnit(unit_id.to_string()))?;
    finish(
        &[laporan::section(fonts, settings, &doc)],
        Kind::Laporan.title(),
    )
}

/// One document of `kind` for everyone active in the unit `unit_id`, one person after
/// another (by name), each with pages numbered from 1; those without the record are left
/// out and listed. The Laporan of a unit is the unit's one report.
pub fn unit_pdf(
    store: &Store,
    settings: &Settings,
    kind: Kind,
    unit_id: &str,
    period: Period,
) -> Result<(Vec<u8>, UnitOutcome), PrintError> {
    let unit = store
        .get_unit(unit_id)?
        .ok_or_else(|| PrintError::NoUnit(unit_id.to_string()))?;
    if kind == Kind::Laporan {
        let bytes = laporan_pdf(store, settings, unit_id, period)?;
        return Ok((
            bytes,
            UnitOutcome {
                printed: 1,
                skipped: Vec::new(),
            },
        ));
    }
    let mut sections = Vec::new();
    let mut outcome = UnitOutcome::default();
    for s in documents::unit_staff(store, &unit.id)? {
        let nip = s.nip.as_str();
        let made = match kind {
            Kind::Skp => skp_section(store, settings, nip, period),
            Kind::Evaluasi | Kind::Dokumen => evaluasi_section(store, settings, nip, period, kind),
            Kind::Profil => profil_section(store, settings, nip),
            Kind::Laporan => continue,
        };
        match made {
            Ok(section) => {
                sections.push(section);
                outcome.printed += 1;
            }
            Err(e @ (PrintError::NoSkp { .. } | PrintError::NoEvaluation { .. })) => {
                let why = match e {
                    PrintError::NoSkp { .. } => format!("no SKP covering {period}"),
                    _ => format!("no evaluation for {period}"),
                };
                outcome
                    .skipped
                    .push((s.nip.to_string(), s.display_name(), why));
            }
            Err(e) => return Err(e),
        }
    }
    if sections.is_empty() {
        return Err(PrintError::EmptyUnit {
            unit: unit.name,
            kind: kind.title(),
            period,
        });
    }
    let title = format!("{} — {}", kind.title(), unit.name);
    Ok((finish(&sections, &title)?, outcome))
}

// ------------------------------------------------------------------ files

/// The folder documents go to under `kinerja serve`: `documents/` beside the database
/// directory (`/srv/kinerja/db` gives `/srv/kinerja/documents`), never inside it.
pub fn documents_dir(db: &Path) -> PathBuf {
    match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join("documents"),
        _ => PathBuf::from("documents"),
    }
}

/// The file name (without `.pdf`) for a document: `evaluasi-198503302010012002-2025-tahunan`,
/// `skp-198503302010012002-2026`, `profil-198503302010012002`, `laporan-puskesmas-belawan-2025-tahunan`.
pub fn file_stem(kind: Kind, who: &str, period: Period) -> String {
    let who: String = who
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    match kind {
        Kind::Profil => format!("{}-{who}", kind.code()),
        Kind::Skp if period.kind == PeriodKind::Tahunan => {
            format!("{}-{who}-{}", kind.code(), period.year)
        }
        _ => format!(
            "{}-{who}-{}-{}",
            kind.code(),
            period.year,
            period.kind_code()
        ),
    }
}

/// Writes `bytes` to `path` (0600), never replacing a file nor writing through a symlink.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), PrintError> {
    use std::io::Write;
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(PrintError::Exists(path.to_path_buf()));
    }
    let cannot = |error: std::io::Error| PrintError::Write {
        path: path.to_path_buf(),
        error,
    };
    let (handle, mut file) = crate::store::files::PrivateFile::create(path).map_err(cannot)?;
    file.write_all(bytes).map_err(cannot)?;
    handle.commit_new(file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            PrintError::Exists(path.to_path_buf())
        } else {
            cannot(e)
        }
    })
}

/// Writes `bytes` to `dir/STEM.pdf`, or `STEM-2.pdf`, `STEM-3.pdf`, ... when the name is
/// taken (as the screens' `x` does); makes `dir` (0700) when missing. The path written.
pub fn write_numbered(dir: &Path, stem: &str, bytes: &[u8]) -> Result<PathBuf, PrintError> {
    if !dir.exists() {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|error| PrintError::Write {
                path: dir.to_path_buf(),
                error,
            })?;
    }
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.pdf")
        } else {
            format!("{stem}-{n}.pdf")
        };
        let path = dir.join(name);
        match write_new(&path, bytes) {
            Ok(()) => return Ok(path),
            Err(PrintError::Exists(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(PrintError::Exists(dir.join(format!("{stem}-*.pdf"))))
}

// ------------------------------------------------------------ for the screens

/// `P` on an SKP: the SKP of `nip` covering `period`, written into `dir`.
pub fn print_skp(
    store: &Store,
    settings: &Settings,
    dir: &Path,
    nip: &str,
    period: Period,
) -> Result<PathBuf, PrintError> {
    let bytes = skp_pdf(store, settings, nip, period)?;
    write_numbered(dir, &file_stem(Kind::Skp, nip, period), &bytes)
}

/// `P` on an evaluation: its Evaluasi Kinerja Pegawai, written into `dir`.
pub fn print_evaluasi(
    store: &Store,
    settings: &Settings,
    dir: &Path,
    nip: &str,
    period: Period,
) -> Result<PathBuf, PrintError> {
    let bytes = evaluasi_pdf(store, settings, nip, period)?;
    write_numbered(dir, &file_stem(Kind::Evaluasi, nip, period), &bytes)
}

/// `P` on the record or an evaluation: the Dokumen Evaluasi Kinerja Pegawai, into `dir`.
pub fn print_dokumen(
    store: &Store,
    settings: &Settings,
    dir: &Path,
    nip: &str,
    period: Period,
) -> Result<PathBuf, PrintError> {
    let bytes = dokumen_pdf(store, settings, nip, period)?;
    write_numbered(dir, &file_stem(Kind::Dokumen, nip, period), &bytes)
}

/// `P` on the profile: the one-page profile, into `dir`.
pub fn print_profil(
    store: &Store,
    settings: &Settings,
    dir: &Path,
    nip: &str,
) -> Result<PathBuf, PrintError> {
    let bytes = profil_pdf(store, settings, nip)?;
    write_numbered(
        dir,
        &file_stem(Kind::Profil, nip, Period::annual(settings.today.year())),
        &bytes,
    )
}

/// `P` on Laporan: the unit's report for `period`, into `dir`.
pub fn print_laporan(
    store: &Store,
    settings: &Settings,
    dir: &Path,
    unit_id: &str,
    period: Period,
) -> Result<PathBuf, PrintError> {
    let bytes = laporan_pdf(store, settings, unit_id, period)?;
    write_numbered(dir, &file_stem(Kind::Laporan, unit_id, period), &bytes)
}

/// `P` on Laporan with a document chosen: everyone's `kind` in one file, into `dir`.
pub fn print_unit(
    store: &Store,
    settings: &Settings,
    dir: &Path,
    kind: Kind,
    unit_id: &str,
    period: Period,
) -> Result<(PathBuf, UnitOutcome), PrintError> {
    let (bytes, outcome) = unit_pdf(store, settings, kind, unit_id, period)?;
    let path = write_numbered(dir, &file_stem(kind, unit_id, period), &bytes)?;
    Ok((path, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_and_periods_read_as_the_forms_write_them() {
        assert_eq!(tanggal(date(2025, 12, 31)), "31 Desember 2025");
        assert_eq!(
            span_text(date(2026, 6, 1), date(2026, 12, 31)),
            "1 Juni s.d. 31 Desember 2026"
        );
        let p = |k| Period::new(2025, k).expect("period");
        assert_eq!(period_name(p(PeriodKind::Triwulan(2))), "TRIWULAN II");
        assert_eq!(period_name(p(PeriodKind::Tahunan)), "TAHUNAN (AKHIR)");
        assert_eq!(period_name(p(PeriodKind::Bulanan(3))), "BULAN MARET");
        assert_eq!(
            period_name(p(PeriodKind::Rentang(6, 12))),
            "BULAN JUNI S.D. DESEMBER"
        );
    }

    #[test]
    fn documents_go_beside_the_database_never_inside_it() {
        assert_eq!(
            documents_dir(Path::new("/srv/kinerja/db")),
            PathBuf::from("/srv/kinerja/documents")
        );
        assert_eq!(documents_dir(Path::new("db")), PathBuf::from("documents"));
        let p = Period::new(2025, PeriodKind::Triwulan(2)).expect("period");
        assert_eq!(
            file_stem(Kind::Evaluasi, "198503302010012002", p),
            "evaluasi-198503302010012002-2025-triwulan-2"
        );
        assert_eq!(
            file_stem(Kind::Skp, "198503302010012002", Period::annual(2026)),
            "skp-198503302010012002-2026"
        );
        assert_eq!(
            file_stem(Kind::Laporan, "puskesmas belawan/../x", p),
            "laporan-puskesmas-belawan----x-2025-triwulan-2"
        );
    }

    #[test]
    fn a_written_document_is_private_and_never_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let docs = dir.path().join("documents");
        let a = write_numbered(&docs, "x", b"%PDF-1").expect("first");
        let b = write_numbered(&docs, "x", b"%PDF-2").expect("second");
        assert_eq!(a, docs.join("x.pdf"));
        assert_eq!(b, docs.join("x-2.pdf"));
        assert_eq!(std::fs::read(&a).expect("read"), b"%PDF-1");
        let mode = std::fs::metadata(&a).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dmode = std::fs::metadata(&docs).expect("meta").permissions().mode() & 0o777;
        assert_eq!(dmode, 0o700);
        assert!(matches!(write_new(&a, b"y"), Err(PrintError::Exists(_))));
    }
}
