//! `kinerja print KIND NIP|UNIT [--year Y] [--period P] [-o FILE]`: the documents of
//! `print/` as PDF files, for one person (a NIP) or everyone in a unit (its name). Without
//! `-o` the file goes into the current directory under its usual name, numbered when the
//! name is taken; with `-o` an existing file is refused. Files are 0600; the path written
//! is printed.

use super::Failure;
use crate::domain::{Period, PeriodKind};
use crate::print::{self, Kind, PrintError, Settings};
use crate::store::Store;
use std::path::Path;

/// Which document, as the command line names it.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintKind {
    /// Sasaran Kinerja Pegawai: the plan (RHK, indicators, targets, Perilaku, Lampiran)
    Skp,
    /// Evaluasi Kinerja Pegawai of a period: realisation, feedback, both ratings, predikat
    Evaluasi,
    /// Dokumen Evaluasi Kinerja Pegawai: items 1-8, with the objection and its decision
    Dokumen,
    /// The one-page profile with the predikat trend and JP per year
    Profil,
    /// The unit report (Laporan): the spread against the pattern, people per predikat, JP
    Laporan,
}

impl PrintKind {
    pub fn kind(self) -> Kind {
        match self {
            PrintKind::Skp => Kind::Skp,
            PrintKind::Evaluasi => Kind::Evaluasi,
            PrintKind::Dokumen => Kind::Dokumen,
            PrintKind::Profil => Kind::Profil,
            PrintKind::Laporan => Kind::Laporan,
        }
    }
}

/// The period asked for: `--period` (default `tahunan`) of `--year` (default: this year
/// for the SKP, last year for the rest, as `export report`).
fn period_of(kind: Kind, year: Option<i16>, period: Option<&str>) -> Result<Period, Failure> {
    let today = super::today();
    let year = year.unwrap_or(match kind {
        Kind::Skp | Kind::Profil => today.year(),
        _ => today.year() - 1,
    });
    let pk = match period {
        None => PeriodKind::Tahunan,
        Some(p) => Period::parse_kind(p).ok_or_else(|| {
            Failure::cannot_run(format!(
                "--period {p:?}: use tahunan, triwulan-1 .. triwulan-4, bulan-01 .. bulan-12 or a span bulan-06-12"
            ))
        })?,
    };
    Period::new(year, pk)
        .ok_or_else(|| Failure::cannot_run(format!("--year {year}: a year from 1900 to 2999")))
}

fn failure(e: PrintError) -> Failure {
    match e {
        PrintError::Store(e) => e.into(),
        PrintError::NoPerson(_)
        | PrintError::NoSkp { .. }
        | PrintError::NoEvaluation { .. }
        | PrintError::NoUnit(_)
        | PrintError::EmptyUnit { .. } => Failure::data(e.to_string()),
        PrintError::Fonts
        | PrintError::Pdf(_)
        | PrintError::Exists(_)
        | PrintError::Write { .. } => Failure::cannot_run(e.to_string()),
    }
}

pub fn run(
    store: &Store,
    kind: PrintKind,
    who: &str,
    year: Option<i16>,
    period: Option<&str>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let kind = kind.kind();
    let period = period_of(kind, year, period)?;
    let (config, _) = super::config::default_path()
        .map(|p| super::config::load(&p))
        .unwrap_or_default();
    let settings = Settings {
        instansi: config.instansi.clone(),
        tempat: config.tempat.clone(),
        today: super::today(),
        jp: config.jp_targets(),
    };
    let digits: String = who.chars().filter(|c| *c != ' ').collect();
    let is_nip = digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit());
    let (bytes, stem) = if is_nip {
        let bytes = match kind {
            Kind::Skp => print::skp_pdf(store, &settings, &digits, period),
            Kind::Evaluasi => print::evaluasi_pdf(store, &settings, &digits, period),
            Kind::Dokumen => print::dokumen_pdf(store, &settings, &digits, period),
            Kind::Profil => print::profil_pdf(store, &settings, &digits),
            Kind::Laporan => {
                return Err(Failure::cannot_run(
                    "laporan is a unit's report: name the unit, e.g. `kinerja print laporan \"Puskesmas Belawan\"`",
                ));
            }
        }
        .map_err(failure)?;
        (bytes, print::file_stem(kind, &digits, period))
    } else {
        let unit = crate::views::documents::find_unit(store, who)?
            .ok_or_else(|| failure(PrintError::NoUnit(who.to_string())))?;
        let (bytes, outcome) =
            print::unit_pdf(store, &settings, kind, &unit.id, period).map_err(failure)?;
        for (nip, name, why) in &outcome.skipped {
            tell!("print: left out {name} (NIP {nip}): {why}");
        }
        if kind != Kind::Laporan {
            tell!(
                "print: {} {} in one file, each numbered from page 1",
                outcome.printed,
                if outcome.printed == 1 {
                    "person"
                } else {
                    "people"
                }
            );
        }
        (bytes, print::file_stem(kind, &unit.id, period))
    };
    let path = match output {
        Some(path) => {
            print::write_new(path, &bytes).map_err(failure)?;
            path.to_path_buf()
        }
        None => {
            let dir = super::console::current_dir().map_err(|e| {
                Failure::cannot_run(format!("cannot read the current directory: {e}"))
            })?;
            print::write_numbered(&dir, &stem, &bytes).map_err(failure)?
        }
    };
    say!("{}", path.display());
    Ok(())
}
