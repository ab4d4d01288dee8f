//! What the user sees and does: one file per screen, each with its state, its keys and its
//! drawing. Screens never write to the store; they return an [`Outcome`] that `app/`
//! carries out, so each can be tested on a `TestBackend` without a database.

pub mod audit;
pub mod career_form;
pub mod coaching_form;
pub mod competency;
pub mod contract_form;
pub mod evaluation_form;
pub mod form_spec;
pub mod home;
pub mod keberatan_form;
pub mod officer_form;
pub mod officers;
pub mod partner_form;
pub mod partners;
pub mod potential_form;
pub mod profile;
pub mod profile_text;
pub mod promotions;
pub mod quick_entry;
pub mod realisation;
pub mod report;
pub mod requirements;
pub mod skp;
pub mod staff_form;
pub mod staff_list;
pub mod staff_record;
pub mod talent;
pub mod training_form;
pub mod training_overview;
pub mod welcome;

use crate::domain::{Evaluation, Staff, Unit};
use crate::ui::lang::T;
use crate::ui::tabs::Tab;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::{KeyHelp, Pasted, Ui};
use crossterm::event::KeyEvent;
pub use form_spec::FormSpec;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What every screen is to the app: its keys, what a key does, how it draws, and the
/// optional parts (text it takes, pastes, a form with a draft, the tab it is). The app
/// reaches each screen through this trait only, so a new screen is a file here and one
/// variant of the app's enum.
pub trait Screen {
    /// The keys offered now: the footer and help are both built from them.
    fn keys(&self) -> Vec<KeyHelp>;
    /// What `key` does here, for the app to carry out.
    fn handle(&mut self, key: KeyEvent, ui: &Ui) -> Outcome;
    /// Draws the screen's body into `area` (the tab bar and footer are the app's).
    fn draw(&mut self, frame: &mut Frame, area: Rect, ui: &Ui);
    /// The screen's name, as the help popup's title shows it.
    fn title(&self) -> T;
    /// Whether typed characters go to a text field or a rating here, so single-letter
    /// and digit keys (help's `?`, the tab keys) keep out of the way.
    fn captures_text(&self) -> bool {
        false
    }
    /// Whether digits are bound here although no text is typed (a rating picker): the tab
    /// keys then do not switch tabs.
    fn binds_digits(&self) -> bool {
        false
    }
    /// Takes pasted text into the focused field; `None` when nothing here takes text.
    fn paste(&mut self, _text: &str, _ui: &Ui) -> Option<Pasted> {
        None
    }
    /// The form open on this screen, whose changes ask before quitting and are kept as
    /// a draft.
    fn form(&self) -> Option<&dyn FormState> {
        None
    }
    /// The same form, to tell it what changed underneath (issue 22).
    fn form_mut(&mut self) -> Option<&mut dyn FormState> {
        None
    }
    /// The tab this screen is, if it is one.
    fn tab(&self) -> Option<Tab> {
        None
    }
    /// Where this screen keeps the unit picker `f` opens (`None`: it has no unit). While
    /// one is open the app routes keys, pastes, help and drawing to it.
    fn unit_picker(&mut self) -> Option<&mut Option<UnitPicker>> {
        None
    }
    /// The open unit picker, to draw and list its keys.
    fn open_picker(&self) -> Option<&UnitPicker> {
        None
    }
    /// What choosing `unit` in the picker does here (`None`: all units). The section, year
    /// and selection the screen is on stay.
    fn unit_chosen(&mut self, _unit: Option<String>) -> Outcome {
        Outcome::Ignored
    }
}

/// A form as the app keeps it in step: whether it changed, and its draft.
pub trait FormState {
    /// Whether the form differs from how it was opened.
    fn is_dirty(&self) -> bool;
    /// A draft was offered back and is not answered yet (it stays while the form is
    /// unchanged).
    fn draft_unresolved(&self) -> bool;
    /// The draft's name after the officer's prefix (`pegawai/NIP`, `evaluasi/NIP/baru`);
    /// `None`: this form keeps no draft.
    fn draft_name(&self) -> Option<String>;
    /// The fields as the draft keeps them.
    fn draft_fields(&self) -> Vec<(String, String)>;
    /// Another session saved the record this form edits (`notice` says who, when and
    /// what): the form shows it until it closes and keeps what was typed (issue 22).
    fn changed_underneath(&mut self, _notice: String) {}
    /// What [`FormState::changed_underneath`] was told, if anything.
    fn underneath(&self) -> Option<&str> {
        None
    }
}

/// What a key did, for `app/` to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The key means nothing here; `app/` may give it a global meaning.
    Ignored,
    /// Only this screen changed: redraw.
    Changed,
    OpenStaff(String),
    NewStaff,
    EditStaff(String),
    /// Save a staff record, creating its unit first when the form names a new one.
    SaveStaff(Box<Staff>, Option<Unit>),
    LoadDemo,
    /// Open the evaluation form of a person: `None` a new one, else that evaluation.
    OpenEvaluation(String, Option<u32>),
    SaveEvaluation(String, Box<Evaluation>),
    DeleteEvaluation(String, u32, u64),
    /// The officer declined the draft offered back: delete it.
    DiscardDraft,
    /// Penilaian cepat for the listed staff.
    QuickEntry,
    /// The quick entry's setup is done: check who is evaluated already, then start.
    QuickStart,
    QuickSave(String, Box<Evaluation>),
    /// The training form for one person or several (group entry); `Some(id)` to edit.
    OpenTraining(Vec<String>, Option<u32>),
    /// Save a training for each of these people (one record each).
    SaveTraining(Vec<String>, Box<crate::domain::Training>),
    DeleteTraining(String, u32, u64),
    /// The coaching form (pembinaan kinerja) of a person: `None` a new one, else that one.
    OpenCoaching(String, Option<u32>),
    SaveCoaching(String, Box<crate::domain::Coaching>),
    DeleteCoaching(String, u32, u64),
    /// Show the Pelatihan tab for a year and one unit (`None`: all units).
    TrainingYear(i16, Option<String>),
    /// Show Beranda for one unit (`None`: all units).
    HomeUnit(Option<String>),
    /// Count the trainings held and the partners of a year (a pass over every training).
    LoadTrainingStats(i16),
    /// Show the report for another year.
    ReportYear(i16),
    /// Write the report of a year as CSV.
    ExportReport(i16),
    /// Record a unit's own rating for a year (`None`: not recorded).
    SetUnitRating(String, i16, Option<crate::domain::UnitRating>),
    /// The potensial form for a person (NIP).
    OpenPotential(String),
    /// Save a person's potensial of a year.
    SavePotential(String, Box<crate::domain::PotentialEntry>),
    /// Show the Talenta tab for a year and one unit (`None`: all units).
    TalentView(i16, Option<String>),
    /// Makes the person (NIP) the head of their unit, or no longer, if they are.
    ToggleUnitHead(String),
    /// Undoes the head change just made from this person's (NIP) record.
    UndoUnitHead(String),
    /// The one-page profile of a person (NIP).
    OpenProfile(String),
    /// Write the profile of a person (NIP) as Markdown into the export directory.
    ExportProfile(String),
    /// Show the Kompetensi view for a unit, and the gap list of a competency.
    CompetencyView(competency::CompetencyQuery),
    /// The group training form for these people (NIPs), prefilled with the competency (id).
    TrainForCompetency(Vec<String>, String),
    /// The Mitra screen (training partners) for a year; on the Mitra screen, another year.
    OpenPartners(i16),
    /// The Mitra screen for a year with one partner (id) opened, from Pelatihan's partners;
    /// the list alone when the organiser is not a partner on record (its name is given).
    OpenPartner(i16, String, String),
    /// Count the competencies a partner (id) closed in a year (a pass over the trainings).
    LoadPartnerClosed(String, i16),
    /// A partner form: its contact and competencies, or an agreement.
    EditPartner(String, partner_form::PartnerEdit),
    /// Save a partner (at the revision it was opened at).
    SavePartner(Box<crate::domain::Partner>),
    /// The competency requirements screen (issue 13).
    OpenRequirements,
    /// Save a requirement: a new one, or an edit replacing the first (as stored).
    SaveRequirement(
        Option<Box<crate::domain::Requirement>>,
        Box<crate::domain::Requirement>,
    ),
    DeleteRequirement(Box<crate::domain::Requirement>),
    /// Realisasi SKP for a unit (id), from the staff list: the latest quarter ended.
    OpenRealisation(String),
    /// Realisasi SKP shown for another unit (id) or period.
    RealisationView(String, crate::domain::Period),
    /// Save one realisation of one indicator (issue 19).
    SaveRealisasi(Box<realisation::RealisasiEntry>),
    /// The SKP screen of a person (NIP, SKP id).
    OpenSkp(String, u32),
    /// A form of a person's SKP (NIP): a new SKP, its data, an RHK, the expectations, the
    /// Lampiran, evidence or feedback.
    EditSkp(String, skp::SkpEdit),
    /// Save a person's SKP (NIP), at the revision it was opened at.
    SaveSkp(String, Box<crate::domain::Skp>),
    /// Delete a person's SKP (NIP, id, revision).
    DeleteSkp(String, u32, u64),
    /// "SKP for N people": the template form for these people (NIPs).
    SkpTemplate(Vec<String>),
    /// The template form for the staff of a unit head (NIP), filled from the head's SKP (id).
    SkpCascade(String, u32),
    /// Save the template's SKP as each of these people's (NIPs) own.
    SaveSkpGroup(Vec<String>, Box<crate::domain::Skp>),
    /// The objection screen (keberatan) of a person's (NIP) evaluation (id): read by whoever
    /// sees the person, written by whoever writes their evaluations (issue 19).
    OpenKeberatan(String, u32),
    /// Save an evaluation with its date received and objection (the store validates it and
    /// applies the decided result).
    SaveKeberatan(String, Box<Evaluation>),
    /// The contract form of a PPPK (NIP): `None` a new contract, else the one starting
    /// that day (issue 21).
    OpenContract(String, Option<jiff::civil::Date>),
    /// Save a PPPK's (NIP) contract, replacing the one that started on the given day.
    SaveContract(
        String,
        Option<jiff::civil::Date>,
        Box<crate::domain::Contract>,
    ),
    /// Delete a PPPK's (NIP) contract that started on the day, at the contracts' revision.
    DeleteContract(String, jiff::civil::Date, u64),
    /// `P`: write one person's (NIP) document as a PDF (issue 20).
    PrintPerson(String, PrintDoc),
    /// `P` on Laporan: write a unit's (id) document for a period as a PDF.
    PrintUnit(String, crate::domain::Period, UnitDoc),
    /// The career entry form of a person (NIP): `None` a new entry, else that one (issue 21).
    EditCareer(String, Option<u32>),
    /// Save a career entry of a person (NIP) at the history's revision the form opened.
    SaveCareer(String, Box<crate::domain::CareerEntry>),
    /// Delete a person's (NIP) career entry (id) at the history's revision.
    DeleteCareer(String, u32, u64),
    /// The promotions list (kenaikan pangkat) of a period (`None`: the next from today),
    /// narrowed to a unit (id) and its sub-units or `None` for all.
    OpenPromotions(Option<crate::domain::PromotionPeriod>, Option<String>),
    /// `x` on the promotions list: write it as CSV, as `kinerja export promotions` does.
    ExportPromotions(crate::domain::PromotionPeriod, Option<String>),
    /// The audit trail for a query (issue 22): admin only.
    OpenAudit(crate::views::audit::AuditQuery),
    /// Petugas: the officers, their keys and who is logged in (issue 22; admins only).
    OpenOfficers,
    /// A change to an officer asked on Petugas (issue 22; admins only).
    OfficerChange(crate::screens::officers::OfficerChange),
    /// Save an officer from Petugas' form (`true`: a new one; issue 22; admins only).
    SaveOfficer(Box<crate::domain::Officer>, bool),
    Back,
    /// Save was asked on a form that did not change: close it, nothing written.
    Unchanged,
    Quit,
}

/// A person's document `P` prints (issue 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintDoc {
    /// The SKP covering the period.
    Skp(crate::domain::Period),
    /// The Evaluasi Kinerja Pegawai of the period.
    Evaluasi(crate::domain::Period),
    /// The Dokumen Evaluasi Kinerja Pegawai of the period.
    Dokumen(crate::domain::Period),
    /// The one-page profile.
    Profil,
}

/// A unit's document `P` on Laporan prints (issue 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitDoc {
    /// The unit report (distribution, counts, who is under each predikat).
    Laporan,
    /// Everyone's Evaluasi Kinerja Pegawai in one file, pages numbered per person.
    Evaluasi,
}

/// What an outcome needs of the officer's role (DESIGN.md, "Several officers"). Every
/// outcome is named in [`Outcome::access`], with no fallback: a new write action does not
/// compile until it says what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access<'a> {
    /// Changes nothing stored and shows nobody in particular: anyone.
    Read,
    /// Shows one person (NIP): whoever sees the person's unit.
    ReadPerson(&'a str),
    /// Reads one unit (id), as printing its report does: whoever sees the unit.
    ReadUnit(&'a str),
    /// Writes one person's profile (NIP) to a file on the machine the session runs on.
    ExportProfile(&'a str),
    /// Writes the report to a file on the machine the session runs on.
    ExportReport,
    /// Changes staff records, units, unit ratings, unit heads or partners: admin only.
    AdminStaff,
    /// Changes the competency requirements: admin only.
    AdminRequirements,
    /// Reads the audit trail (everyone's changes, every unit): admin only.
    AdminAudit,
    /// Shows the officers and their keys: admin only.
    AdminOfficers,
    /// Writes evaluations, trainings, coaching or potensial of these people (NIPs): an
    /// admin, or a penilai of each one's unit.
    WriteFor(Vec<&'a str>),
    /// Starts work that writes only once people are chosen (quick entry): any role that
    /// writes.
    Write,
}

impl Outcome {
    /// What this outcome needs of the officer's role.
    pub fn access(&self) -> Access<'_> {
        use Outcome as O;
        match self {
            O::Ignored
            | O::Changed
            | O::Back
            | O::Unchanged
            | O::Quit
            | O::DiscardDraft
            | O::TrainingYear(..)
            | O::HomeUnit(_)
            | O::LoadTrainingStats(_)
            | O::ReportYear(_)
            | O::TalentView(..)
            | O::CompetencyView(_)
            | O::OpenPartners(_)
            | O::OpenPartner(..)
            | O::LoadPartnerClosed(..)
            | O::OpenRequirements
            // Filtered to the officer's units when it is built.
            | O::OpenPromotions(..) => Access::Read,
            O::OpenOfficers | O::OfficerChange(_) | O::SaveOfficer(..) => Access::AdminOfficers,
            O::OpenStaff(nip)
            | O::OpenProfile(nip)
            | O::OpenSkp(nip, _)
            | O::OpenKeberatan(nip, _)
            // Printing is reading: a file of what the screen shows.
            | O::PrintPerson(nip, _) => Access::ReadPerson(nip),
            O::PrintUnit(unit, ..) => Access::ReadUnit(unit),
            O::ExportProfile(nip) => Access::ExportProfile(nip),
            O::ExportReport(_) | O::ExportPromotions(..) => Access::ExportReport,
            O::NewStaff
            | O::EditStaff(_)
            | O::SaveStaff(..)
            | O::LoadDemo
            | O::SetUnitRating(..)
            | O::ToggleUnitHead(_)
            | O::UndoUnitHead(_)
            // A contract is part of the staff record (issue 21): whoever edits staff.
            | O::OpenContract(..)
            | O::SaveContract(..)
            | O::DeleteContract(..)
            // The career history changes the staff record: whoever edits staff.
            | O::EditCareer(..)
            | O::SaveCareer(..)
            | O::DeleteCareer(..)
            // Partners serve every unit: edited by whoever edits units.
            | O::EditPartner(..)
            | O::SavePartner(_) => Access::AdminStaff,
            O::SaveRequirement(..) | O::DeleteRequirement(_) => Access::AdminRequirements,
            O::OpenAudit(_) => Access::AdminAudit,
            O::OpenEvaluation(nip, _)
            | O::SaveEvaluation(nip, _)
            | O::DeleteEvaluation(nip, ..)
            | O::QuickSave(nip, _)
            | O::DeleteTraining(nip, ..)
            | O::OpenCoaching(nip, _)
            | O::SaveCoaching(nip, _)
            | O::DeleteCoaching(nip, ..)
            | O::OpenPotential(nip)
            | O::SavePotential(nip, _)
            | O::EditSkp(nip, _)
            | O::SaveSkp(nip, _)
            | O::DeleteSkp(nip, ..)
            // The staff a head's plan cascades to are in the head's unit.
            | O::SkpCascade(nip, _)
            | O::SaveKeberatan(nip, _) => Access::WriteFor(vec![nip.as_str()]),
            O::OpenTraining(nips, _)
            | O::SaveTraining(nips, _)
            | O::TrainForCompetency(nips, _)
            | O::SkpTemplate(nips)
            | O::SaveSkpGroup(nips, _) => {
                Access::WriteFor(nips.iter().map(String::as_str).collect())
            }
            O::SaveRealisasi(e) => Access::WriteFor(vec![e.nip.as_str()]),
            // An entry screen, like quick entry: the unit is checked against the
            // officer's units when it opens, each save against the person's unit.
            O::QuickEntry | O::QuickStart | O::OpenRealisation(_) | O::RealisationView(..) => {
                Access::Write
            }
        }
    }
}
