//! `P` (print): a person's or a unit's document written as a PDF (issue 20), where `x`
//! writes locally and, over `serve`, into the documents folder beside the database.

use super::*;
use crate::domain::Period;
use crate::print::{self, Kind, PrintError};
use crate::screens::{PrintDoc, UnitDoc};

impl App {
    /// Where `P` writes: the export directory, or over `serve` (where that would be the
    /// server's working directory) `documents/` beside the database.
    fn documents_dir(&self) -> std::path::PathBuf {
        if self.opts.remote {
            print::documents_dir(self.store.path())
        } else {
            self.opts.export_dir.clone()
        }
    }

    fn print_settings(&self) -> print::Settings {
        print::Settings {
            instansi: self.opts.instansi.clone(),
            tempat: self.opts.tempat.clone(),
            today: self.opts.today,
            jp: self.opts.jp,
        }
    }

    /// Writes one person's document and says where, or why not.
    pub(super) fn print_person(&mut self, nip: &str, doc: PrintDoc) -> bool {
        let (dir, settings) = (self.documents_dir(), self.print_settings());
        let written = match doc {
            PrintDoc::Skp(p) => print::print_skp(&self.store, &settings, &dir, nip, p),
            PrintDoc::Evaluasi(p) => print::print_evaluasi(&self.store, &settings, &dir, nip, p),
            PrintDoc::Dokumen(p) => print::print_dokumen(&self.store, &settings, &dir, nip, p),
            PrintDoc::Profil => print::print_profil(&self.store, &settings, &dir, nip),
        };
        self.status = Some(match written {
            Ok(path) => (self.written_text(&path, 0), false),
            Err(e) => (self.print_error_text(e), true),
        });
        true
    }

    /// Writes a unit's report, or everyone's evaluations of the period in one file.
    pub(super) fn print_unit(&mut self, unit: &str, period: Period, doc: UnitDoc) -> bool {
        let (dir, settings) = (self.documents_dir(), self.print_settings());
        let written = match doc {
            UnitDoc::Laporan => {
                print::print_laporan(&self.store, &settings, &dir, unit, period).map(|p| (p, 0))
            }
            UnitDoc::Evaluasi => {
                print::print_unit(&self.store, &settings, &dir, Kind::Evaluasi, unit, period)
                    .map(|(p, o)| (p, o.skipped.len()))
            }
        };
        self.status = Some(match written {
            Ok((path, skipped)) => (self.written_text(&path, skipped), false),
            Err(e) => (self.print_error_text(e), true),
        });
        true
    }

    /// "ditulis ke PATH" (over `serve`: on the server), with how many were left out.
    fn written_text(&self, path: &std::path::Path, skipped: usize) -> String {
        let verb = self.ui.t(if self.opts.remote {
            T::PrintWrittenServer
        } else {
            T::WrittenTo
        });
        let mut text = format!("{verb} {}", path.display());
        if skipped > 0 {
            text.push_str(
                &self
                    .ui
                    .t(T::PrintSkipped)
                    .replace("{n}", &skipped.to_string()),
            );
        }
        text
    }

    /// Why a document was not written, in the UI language where it is the data's reason.
    fn print_error_text(&self, e: PrintError) -> String {
        let lang = self.ui.lang;
        let period = |p| crate::ui::labels::period_text(p, lang);
        match e {
            PrintError::Store(e) => {
                crate::ui::errors::store_error_text_at(&self.ui, &e, self.store.path())
            }
            PrintError::NoSkp {
                name, period: p, ..
            } => self
                .ui
                .t(T::PrintNoSkp)
                .replace("{name}", &name)
                .replace("{period}", &period(p)),
            PrintError::NoEvaluation {
                name, period: p, ..
            } => self
                .ui
                .t(T::PrintNoEvaluation)
                .replace("{name}", &name)
                .replace("{period}", &period(p)),
            PrintError::EmptyUnit {
                unit, period: p, ..
            } => self
                .ui
                .t(T::PrintEmptyUnit)
                .replace("{unit}", &unit)
                .replace("{period}", &period(p)),
            other => other.to_string(),
        }
    }
}
