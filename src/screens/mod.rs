//! What the user sees and does: one file per screen, each with its state, its keys and its
//! drawing. Screens never write to the store; they return an [`Outcome`] that `app/`
//! carries out, so each can be tested on a `TestBackend` without a database.

pub mod coaching_form;
pub mod competency;
pub mod evaluation_form;
pub mod home;
pub mod partner_form;
pub mod partners;
pub mod potential_form;
pub mod profile;
pub mod profile_text;
pub mod quick_entry;
pub mod report;
pub mod requirements;
pub mod staff_form;
pub mod staff_list;
pub mod staff_record;
pub mod talent;
pub mod training_form;
pub mod training_overview;
pub mod welcome;

use crate::domain::{Evaluation, Staff, Unit};

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
    Back,
    /// Save was asked on a form that did not change: close it, nothing written.
    Unchanged,
    Quit,
}
