//! Training partners (mitra, DOMAIN.md "Training partners"; issue 13): an organiser of
//! trainings with its agreements (PKS or MoU), a contact, and the competencies it can
//! deliver.
//!
//! The rules, kept simple on purpose:
//! - An agreement is **in force** on every day from its `mulai` to its `selesai`, both
//!   included (the end date written on a PKS is its last day).
//! - A training is **covered** when every day of its `mulai..=selesai` span is a day on
//!   which some agreement of the partner is in force. One agreement may cover it, or a
//!   renewal that follows the previous agreement without a gap day (PKS 2025 ends 31
//!   December, PKS 2026 starts 1 January).
//! - A training is **outside agreement** (flagged) when all of these hold: the partner is
//!   not a government body (swasta or BUMN/BUMD), the partner has at least one agreement
//!   recorded, and the training is not covered. The training's status does not matter: a
//!   planned training outside every agreement is worth a warning before it happens.
//! - A partner with **no agreement recorded** never flags a training: nothing is known
//!   about its agreements yet (every partner made before agreements were kept is such a
//!   partner), so the screens say "no agreement recorded" instead of flagging every one
//!   of its trainings. Government bodies need no agreement and never flag.
//! - An agreement **expires soon** on day `on` when it is in force on `on` and the first
//!   day it no longer holds (`selesai` + 1 day) is at most [`EXPIRING_MONTHS`] months after
//!   `on` (jiff's calendar arithmetic, as the competency expiry does). So on 1 December
//!   2026 an agreement ending 28 February 2027 expires soon, one ending 1 March 2027 not
//!   yet. An agreement followed by a renewal already recorded (one that starts no later
//!   than the day after it ends and ends later) does not count as expiring.

use super::text::clean_line;
use super::training::{OrganiserKind, Training};
use super::unit::unit_id;
use jiff::ToSpan;
use jiff::civil::Date;

/// How far ahead an agreement's end counts as "soon", in months.
pub const EXPIRING_MONTHS: i64 = 3;

/// The two kinds of written agreement with a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgreementKind {
    /// Perjanjian Kerja Sama (a binding cooperation agreement).
    Pks,
    /// Memorandum of Understanding (nota kesepahaman).
    Mou,
}

impl AgreementKind {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [AgreementKind; 2] = [AgreementKind::Pks, AgreementKind::Mou];

    /// The label officers write, also the CSV value.
    pub fn label(self) -> &'static str {
        match self {
            AgreementKind::Pks => "PKS",
            AgreementKind::Mou => "MoU",
        }
    }

    /// Case-, space- and punctuation-insensitive; the long names accepted too.
    pub fn parse(s: &str) -> Option<AgreementKind> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "pks" | "perjanjiankerjasama" | "perjanjiankerjasma" => Some(AgreementKind::Pks),
            "mou" | "notakesepahaman" | "memorandumofunderstanding" => Some(AgreementKind::Mou),
            _ => None,
        }
    }
}

/// A written agreement (PKS or MoU) with a partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub kind: AgreementKind,
    /// The agreement's number as written on it ("PKS/012/DINKES/2025").
    pub nomor: String,
    /// The first day in force.
    pub mulai: Date,
    /// The last day in force.
    pub selesai: Date,
    /// What it covers, free text (ruang lingkup).
    pub ruang_lingkup: String,
}

/// Why an agreement or a partner cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartnerError {
    #[error("the partner has no name")]
    NoName,
    #[error("an agreement has no number")]
    NoNumber,
    #[error("agreement {0}: it ends before it starts")]
    EndsBeforeStart(String),
    #[error("agreement {0} is recorded twice")]
    DuplicateAgreement(String),
    #[error("competency {0:?} is listed twice")]
    DuplicateCompetency(String),
}

impl Agreement {
    pub fn cleaned(mut self) -> Agreement {
        self.nomor = clean_line(&self.nomor);
        self.ruang_lingkup = clean_line(&self.ruang_lingkup);
        self
    }

    pub fn validate(&self) -> Result<(), PartnerError> {
        if self.nomor.trim().is_empty() {
            return Err(PartnerError::NoNumber);
        }
        if self.selesai < self.mulai {
            return Err(PartnerError::EndsBeforeStart(self.nomor.clone()));
        }
        Ok(())
    }

    /// Whether it is in force on `on` (both ends included).
    pub fn in_force(&self, on: Date) -> bool {
        self.mulai <= on && on <= self.selesai
    }

    /// The first day it no longer holds (`None` at the end of the calendar).
    pub fn expiry(&self) -> Option<Date> {
        self.selesai.tomorrow().ok()
    }

    /// In force on `on` and ending within [`EXPIRING_MONTHS`] (see the module's rules; a
    /// renewal is the partner's business, see [`Partner::expiring`]).
    pub fn expires_soon(&self, on: Date) -> bool {
        if !self.in_force(on) {
            return false;
        }
        match (self.expiry(), on.checked_add(EXPIRING_MONTHS.months())) {
            (Some(expiry), Ok(horizon)) => expiry <= horizon,
            _ => false,
        }
    }
}

/// Whom to call at a partner: free text, cleaned of control characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub nama: String,
    pub telepon: String,
    pub email: String,
}

impl Contact {
    pub fn cleaned(self) -> Contact {
        Contact {
            nama: clean_line(&self.nama),
            telepon: clean_line(&self.telepon),
            email: clean_line(&self.email),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nama.is_empty() && self.telepon.is_empty() && self.email.is_empty()
    }
}

/// An organiser of trainings, government or private, keyed by its id (the name's slug,
/// [`unit_id`]), the same key trainings name it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: OrganiserKind,
    /// By start date.
    pub agreements: Vec<Agreement>,
    pub contact: Contact,
    /// Ids of catalogue competencies it can deliver, sorted.
    pub competencies: Vec<String>,
    /// Raised by each audited save; 0 for a partner never saved on its own (made by a
    /// training, an import or the demo before revisions were kept).
    pub revision: u64,
}

/// Whether the days `from..=to` are each inside one of `agreements` (a chain of agreements
/// without a gap day counts).
fn covered(agreements: &[Agreement], from: Date, to: Date) -> bool {
    let mut day = from;
    loop {
        let Some(end) = agreements
            .iter()
            .filter(|a| a.in_force(day))
            .map(|a| a.selesai)
            .max()
        else {
            return false;
        };
        if end >= to {
            return true;
        }
        match end.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return false,
        }
    }
}

impl Default for Partner {
    /// No name, a government body, nothing recorded (for `..Default::default()`).
    fn default() -> Partner {
        Partner::new("", OrganiserKind::Pemerintah)
    }
}

impl Partner {
    /// A partner with only a name and a kind (no agreement, contact or competency).
    pub fn new(name: &str, kind: OrganiserKind) -> Partner {
        Partner {
            id: unit_id(name),
            name: clean_line(name),
            kind,
            agreements: Vec::new(),
            contact: Contact::default(),
            competencies: Vec::new(),
            revision: 0,
        }
    }

    /// Cleans the text, sorts the agreements by start (then number) and the competencies.
    pub fn cleaned(mut self) -> Partner {
        self.name = clean_line(&self.name);
        self.agreements = self
            .agreements
            .into_iter()
            .map(Agreement::cleaned)
            .collect();
        self.agreements
            .sort_by(|a, b| (a.mulai, &a.nomor).cmp(&(b.mulai, &b.nomor)));
        self.contact = self.contact.cleaned();
        self.competencies = self.competencies.iter().map(|c| unit_id(c)).collect();
        self.competencies.retain(|c| !c.is_empty());
        self.competencies.sort();
        self
    }

    pub fn validate(&self) -> Result<(), PartnerError> {
        if self.id.is_empty() || self.name.trim().is_empty() {
            return Err(PartnerError::NoName);
        }
        for (i, a) in self.agreements.iter().enumerate() {
            a.validate()?;
            if self.agreements[..i]
                .iter()
                .any(|b| b.kind == a.kind && b.nomor.eq_ignore_ascii_case(&a.nomor))
            {
                return Err(PartnerError::DuplicateAgreement(a.nomor.clone()));
            }
        }
        for (i, c) in self.competencies.iter().enumerate() {
            if self.competencies[..i].contains(c) {
                return Err(PartnerError::DuplicateCompetency(c.clone()));
            }
        }
        Ok(())
    }

    /// Whether trainings by this partner need an agreement: swasta and BUMN/BUMD do.
    pub fn needs_agreement(&self) -> bool {
        self.kind != OrganiserKind::Pemerintah
    }

    /// The agreements in force on `on`.
    pub fn in_force(&self, on: Date) -> impl Iterator<Item = &Agreement> {
        self.agreements.iter().filter(move |a| a.in_force(on))
    }

    /// Whether a training from `mulai` to `selesai` is outside agreement (see the module's
    /// rules: never for a government body or a partner without any agreement recorded).
    pub fn outside_agreement(&self, mulai: Date, selesai: Date) -> bool {
        self.needs_agreement()
            && !self.agreements.is_empty()
            && !covered(&self.agreements, mulai, selesai.max(mulai))
    }

    /// [`Partner::outside_agreement`] for a training record.
    pub fn flags(&self, t: &Training) -> bool {
        self.outside_agreement(t.mulai, t.selesai)
    }

    /// The agreements that expire soon on `on` and have no renewal recorded (see the
    /// module's rules).
    pub fn expiring(&self, on: Date) -> Vec<&Agreement> {
        self.agreements
            .iter()
            .filter(|a| a.expires_soon(on))
            .filter(|a| {
                let Some(next) = a.expiry() else {
                    return true;
                };
                !self
                    .agreements
                    .iter()
                    .any(|b| b.mulai <= next && b.selesai > a.selesai)
            })
            .collect()
    }

    /// Whether this partner ran the training (trainings name their organiser by text).
    pub fn ran(&self, t: &Training) -> bool {
        unit_id(&t.penyelenggara) == self.id
    }
}

/// What one person's completed trainings closed, per (year, partner id): how many
/// distinct competencies that the position `jabatan` requires were a gap (belum ada or
/// kedaluwarsa) the day before a completed training of that partner ending in that year
/// started, and are satisfied by it (Mitra's "kompetensi terpenuhi", issue 13). A person
/// who closed one competency with two trainings of the partner counts it once. The counts
/// of all people added up are the partner's figure (issue 23 keeps them per partner and
/// year), so a save of one person's records changes only that person's share.
pub fn closed_per_partner(
    jabatan: &super::Jabatan,
    trainings: &[Training],
    requirements: &[super::Requirement],
    catalogue: &[super::Competency],
) -> std::collections::BTreeMap<(i16, String), u32> {
    use std::collections::{BTreeMap, BTreeSet};
    let required = super::required_for(jabatan, requirements, catalogue);
    let mut pairs: BTreeSet<(i16, String, &str)> = BTreeSet::new();
    if !required.is_empty() {
        for t in trainings
            .iter()
            .filter(|t| t.status == super::TrainingStatus::Selesai)
        {
            let Ok(before) = t.mulai.yesterday() else {
                continue;
            };
            for c in &required {
                if c.satisfied_by(t) && c.state(trainings, before).is_gap() {
                    pairs.insert((t.year(), unit_id(&t.penyelenggara), c.id.as_str()));
                }
            }
        }
    }
    let mut out: BTreeMap<(i16, String), u32> = BTreeMap::new();
    for (year, partner, _) in pairs {
        *out.entry((year, partner)).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn pks(nomor: &str, mulai: Date, selesai: Date) -> Agreement {
        Agreement {
            kind: AgreementKind::Pks,
            nomor: nomor.into(),
            mulai,
            selesai,
            ruang_lingkup: String::new(),
        }
    }

    fn private(agreements: Vec<Agreement>) -> Partner {
        Partner {
            agreements,
            ..Partner::new("Yayasan Cendekia Deli", OrganiserKind::Swasta)
        }
    }

    #[test]
    fn an_agreement_is_in_force_from_its_first_to_its_last_day() {
        let a = pks("1", date(2025, 1, 1), date(2025, 12, 31));
        assert!(!a.in_force(date(2024, 12, 31)));
        assert!(a.in_force(date(2025, 1, 1)));
        assert!(a.in_force(date(2025, 12, 31)));
        assert!(!a.in_force(date(2026, 1, 1)));
    }

    #[test]
    fn a_training_outside_every_agreement_is_flagged() {
        let p = private(vec![pks("1", date(2025, 1, 1), date(2025, 12, 31))]);
        // Inside, on both boundary days.
        assert!(!p.outside_agreement(date(2025, 1, 1), date(2025, 1, 3)));
        assert!(!p.outside_agreement(date(2025, 12, 29), date(2025, 12, 31)));
        // After the end, or running one day past it.
        assert!(p.outside_agreement(date(2026, 2, 1), date(2026, 2, 3)));
        assert!(p.outside_agreement(date(2025, 12, 30), date(2026, 1, 1)));
        // Starting one day before it.
        assert!(p.outside_agreement(date(2024, 12, 31), date(2025, 1, 2)));
    }

    #[test]
    fn a_renewal_without_a_gap_covers_a_training_across_both() {
        let mut p = private(vec![
            pks("1", date(2025, 1, 1), date(2025, 12, 31)),
            pks("2", date(2026, 1, 1), date(2026, 12, 31)),
        ]);
        assert!(!p.outside_agreement(date(2025, 12, 30), date(2026, 1, 2)));
        // With a gap day (the renewal starts 2 January) it is flagged.
        p.agreements[1].mulai = date(2026, 1, 2);
        assert!(p.outside_agreement(date(2025, 12, 30), date(2026, 1, 2)));
    }

    #[test]
    fn government_bodies_and_partners_without_agreements_never_flag() {
        let none = private(vec![]);
        assert!(!none.outside_agreement(date(2026, 2, 1), date(2026, 2, 3)));
        let mut gov = private(vec![pks("1", date(2025, 1, 1), date(2025, 12, 31))]);
        gov.kind = OrganiserKind::Pemerintah;
        assert!(!gov.outside_agreement(date(2026, 2, 1), date(2026, 2, 3)));
        let mut bumn = gov.clone();
        bumn.kind = OrganiserKind::BumnBumd;
        assert!(bumn.outside_agreement(date(2026, 2, 1), date(2026, 2, 3)));
    }

    #[test]
    fn expiring_within_three_months_on_the_boundary_day() {
        let on = date(2026, 12, 1);
        // Last day 28 Feb 2027: the first day out of force, 1 March 2027, is exactly three
        // months after 1 December 2026.
        let a = pks("1", date(2026, 1, 1), date(2027, 2, 28));
        assert!(a.expires_soon(on));
        // One day longer: not yet.
        let b = pks("2", date(2026, 1, 1), date(2027, 3, 1));
        assert!(!b.expires_soon(on));
        // Its last day is today: still in force, expiring.
        assert!(pks("3", date(2026, 1, 1), on).expires_soon(on));
        // Ended yesterday: expired, not expiring.
        assert!(!pks("4", date(2026, 1, 1), date(2026, 11, 30)).expires_soon(on));
        // Not started yet.
        assert!(!pks("5", date(2026, 12, 2), date(2027, 1, 1)).expires_soon(on));
        // The day after the boundary day, b is expiring too.
        assert!(b.expires_soon(date(2026, 12, 2)));
    }

    #[test]
    fn a_recorded_renewal_stops_the_expiring_warning() {
        let on = date(2026, 12, 1);
        let mut p = private(vec![pks("1", date(2026, 1, 1), date(2027, 1, 31))]);
        assert_eq!(p.expiring(on).len(), 1);
        p.agreements
            .push(pks("2", date(2027, 2, 1), date(2028, 1, 31)));
        assert!(p.expiring(on).is_empty());
    }

    #[test]
    fn validation_and_cleaning() {
        let mut p = private(vec![pks("1", date(2025, 2, 1), date(2025, 1, 1))]);
        assert!(matches!(
            p.validate(),
            Err(PartnerError::EndsBeforeStart(_))
        ));
        p.agreements = vec![
            pks("X\u{1b}[2J", date(2025, 1, 1), date(2025, 2, 1)),
            pks("x[2j", date(2024, 1, 1), date(2024, 2, 1)),
        ];
        p.contact.telepon = " 0812\u{7}3456 ".into();
        p.competencies = vec!["BTCLS Demo".into(), "Kurikulum Merdeka".into()];
        let p = p.cleaned();
        assert!(!p.agreements[1].nomor.contains('\u{1b}'));
        assert_eq!(p.agreements[0].mulai, date(2024, 1, 1), "sorted by start");
        assert!(!p.contact.telepon.contains('\u{7}'));
        assert_eq!(p.competencies, ["btcls-demo", "kurikulum-merdeka"]);
        assert_eq!(
            AgreementKind::parse("Perjanjian Kerja Sama"),
            Some(AgreementKind::Pks)
        );
        assert_eq!(AgreementKind::parse("mou"), Some(AgreementKind::Mou));
        assert_eq!(AgreementKind::parse("SK"), None);
    }
}
