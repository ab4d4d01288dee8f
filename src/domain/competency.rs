//! Competency needs per position (AKPK, DOMAIN.md "Competency development"; issue 13):
//! a catalogue of competencies, the positions that require them, and the state of a
//! person for a required competency on a date.
//!
//! The rules, kept simple on purpose:
//! - A completed training (status selesai) **satisfies** a competency when it states that
//!   competency (`Training::kompetensi`, chosen on the training form or confirmed on
//!   import), when its kind is one of the competency's training kinds, or when its title
//!   contains one of the competency's title words (case-insensitive, as a plain substring:
//!   "BTCLS" matches "Pelatihan BTCLS Angkatan II").
//! - A competency with a validity of `m` months, met by a training that ended on day `E`,
//!   **expires** on `E + m months` (jiff's calendar arithmetic: a day that does not exist
//!   in the target month becomes that month's last day, so 31 Jan + 1 month = 28/29 Feb).
//!   It is valid through the day before; on the expiry day itself it is `Kedaluwarsa`.
//!   Without a validity it holds for good.
//! - Of several satisfying trainings, the one that ends latest counts; trainings that
//!   end after the date asked about do not count yet.
//! - A requirement names a position (by name, case-insensitive, against the position's
//!   name or its full title), a jenis jabatan / jenjang, or both; with both, both must
//!   match. A requirement by jenjang alone applies to every position of that jenjang.

use super::jabatan::{Jabatan, JenisJabatan};
use super::text::clean_line;
use super::training::{Training, TrainingKind, TrainingStatus};
use super::unit::unit_id;
use jiff::ToSpan;
use jiff::civil::Date;

/// The three kinds of competency of a position (DOMAIN.md: technical, managerial,
/// socio-cultural).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CompetencyKind {
    Teknis,
    Manajerial,
    SosialKultural,
}

impl CompetencyKind {
    /// Stored as positions in this list: it only ever grows at the end.
    pub const ALL: [CompetencyKind; 3] = [
        CompetencyKind::Teknis,
        CompetencyKind::Manajerial,
        CompetencyKind::SosialKultural,
    ];

    /// The label officers write, also the CSV value.
    pub fn label(self) -> &'static str {
        match self {
            CompetencyKind::Teknis => "teknis",
            CompetencyKind::Manajerial => "manajerial",
            CompetencyKind::SosialKultural => "sosial kultural",
        }
    }

    /// Case-, space- and punctuation-insensitive; English names accepted.
    pub fn parse(s: &str) -> Option<CompetencyKind> {
        let t: String = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match t.as_str() {
            "teknis" | "technical" => Some(CompetencyKind::Teknis),
            "manajerial" | "managerial" => Some(CompetencyKind::Manajerial),
            "sosialkultural" | "sociocultural" => Some(CompetencyKind::SosialKultural),
            _ => None,
        }
    }
}

/// One competency of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competency {
    /// A slug of the name (`unit_id`), the key in the store.
    pub id: String,
    pub name: String,
    pub kind: CompetencyKind,
    /// Training kinds that satisfy it.
    pub training_kinds: Vec<TrainingKind>,
    /// Words that satisfy it when a training's title contains one (case-insensitive).
    pub title_words: Vec<String>,
    /// How long it stays valid after the training ends, in months; `None` = for good.
    pub validity_months: Option<u16>,
}

/// Why a competency or requirement cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompetencyError {
    #[error("the name is empty")]
    EmptyName,
    #[error("neither a training kind nor a title word satisfies it")]
    NothingSatisfies,
    #[error("the validity must be from 1 to 600 months, not {0}")]
    ValidityOutOfRange(u32),
    #[error("a requirement needs a position name, a jenis jabatan, or both")]
    NoPosition,
    #[error("a requirement needs a competency")]
    NoCompetency,
}

/// The longest validity accepted: 50 years.
pub const MAX_VALIDITY_MONTHS: u16 = 600;

/// A competency id as a 32-bit key (CRC-32 of its bytes): what the list summaries keep
/// per competency held, 4 bytes instead of the id's 20 to 40. A clash between two ids of
/// one catalogue is refused when the competency is saved
/// (`Store::save_competency`), so within a catalogue a key names one competency.
pub fn competency_key(id: &str) -> u32 {
    crc32fast::hash(id.as_bytes())
}

impl Competency {
    /// This competency's [`competency_key`].
    pub fn key(&self) -> u32 {
        competency_key(&self.id)
    }

    /// A competency named `name`, its id derived from the name.
    pub fn new(
        name: &str,
        kind: CompetencyKind,
        training_kinds: Vec<TrainingKind>,
        title_words: Vec<String>,
        validity_months: Option<u16>,
    ) -> Competency {
        Competency {
            id: unit_id(name),
            name: name.to_string(),
            kind,
            training_kinds,
            title_words,
            validity_months,
        }
        .cleaned()
    }

    /// Text cleaned of control characters and extra spaces, empty words dropped, kinds
    /// without repeats; the id derived from the cleaned name.
    pub fn cleaned(mut self) -> Competency {
        self.name = clean_line(&self.name);
        self.id = unit_id(&self.name);
        let mut words: Vec<String> = Vec::new();
        for w in self.title_words.iter().map(|w| clean_line(w)) {
            if !w.is_empty() && !words.iter().any(|x| x.to_lowercase() == w.to_lowercase()) {
                words.push(w);
            }
        }
        self.title_words = words;
        let mut kinds: Vec<TrainingKind> = Vec::new();
        for k in &self.training_kinds {
            if !kinds.contains(k) {
                kinds.push(*k);
            }
        }
        self.training_kinds = kinds;
        self
    }

    pub fn validate(&self) -> Result<(), CompetencyError> {
        if self.id.is_empty() {
            return Err(CompetencyError::EmptyName);
        }
        if self.training_kinds.is_empty() && self.title_words.is_empty() {
            return Err(CompetencyError::NothingSatisfies);
        }
        if let Some(m) = self.validity_months
            && !(1..=MAX_VALIDITY_MONTHS).contains(&m)
        {
            return Err(CompetencyError::ValidityOutOfRange(u32::from(m)));
        }
        Ok(())
    }

    /// Whether a completed training satisfies this competency (see the module's rules).
    /// The training's status is not looked at here; [`Competency::state`] does.
    pub fn satisfied_by(&self, t: &Training) -> bool {
        if t.kompetensi.as_deref() == Some(self.id.as_str())
            || self.training_kinds.contains(&t.jenis)
        {
            return true;
        }
        let title = t.judul.to_lowercase();
        self.title_words
            .iter()
            .any(|w| !w.is_empty() && title.contains(&w.to_lowercase()))
    }

    /// The first day the competency no longer holds after a training that ended on
    /// `selesai`; `None` when it holds for good (or the date is out of the calendar).
    pub fn expires(&self, selesai: Date) -> Option<Date> {
        let months = self.validity_months?;
        selesai.checked_add(i64::from(months).months()).ok()
    }

    /// The end of the latest completed training that satisfies this competency, if any:
    /// all the state needs (see [`Competency::state_from`]).
    pub fn latest_end<'a>(
        &self,
        trainings: impl IntoIterator<Item = &'a Training>,
    ) -> Option<Date> {
        trainings
            .into_iter()
            .filter(|t| t.status == TrainingStatus::Selesai)
            .filter(|t| self.satisfied_by(t))
            .map(|t| t.selesai)
            .max()
    }

    /// The person's state for this competency on `on`, from their trainings.
    pub fn state<'a>(
        &self,
        trainings: impl IntoIterator<Item = &'a Training>,
        on: Date,
    ) -> CompetencyState {
        let latest = trainings
            .into_iter()
            .filter(|t| t.status == TrainingStatus::Selesai && t.selesai <= on)
            .filter(|t| self.satisfied_by(t))
            .map(|t| t.selesai)
            .max();
        self.state_from(latest, on)
    }

    /// The state on `on` when the latest satisfying training ended on `latest`. An end
    /// after `on` does not count yet, so a person whose only satisfying training ends
    /// later is `BelumAda` (with an earlier one as well, [`Competency::state`] sees that
    /// one; the summaries keep only the latest, a case of completed trainings dated in the
    /// future).
    pub fn state_from(&self, latest: Option<Date>, on: Date) -> CompetencyState {
        let Some(end) = latest.filter(|end| *end <= on) else {
            return CompetencyState::BelumAda;
        };
        match self.expires(end) {
            None => CompetencyState::Ada { until: None },
            Some(expiry) if on < expiry => CompetencyState::Ada {
                until: expiry.yesterday().ok(),
            },
            Some(expiry) => CompetencyState::Kedaluwarsa(expiry),
        }
    }
}

/// Where a person stands for a required competency on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetencyState {
    /// Met by a completed training and still valid; `until` is the last valid day
    /// (`None`: for good).
    Ada { until: Option<Date> },
    /// Met once, but no longer valid since this day (the expiry day).
    Kedaluwarsa(Date),
    /// Never met.
    BelumAda,
}

impl CompetencyState {
    /// Whether it is a gap (expired or missing).
    pub fn is_gap(self) -> bool {
        !matches!(self, CompetencyState::Ada { .. })
    }
}

/// A position's need for a competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The position's name ("Perawat"), matched case-insensitively; empty = any name.
    pub jabatan: String,
    /// The jenis jabatan or jenjang; `None` = any.
    pub jenis: Option<JenisJabatan>,
    /// The competency's id.
    pub competency: String,
}

impl Requirement {
    pub fn cleaned(mut self) -> Requirement {
        self.jabatan = clean_line(&self.jabatan);
        self.competency = unit_id(&self.competency);
        self
    }

    pub fn validate(&self) -> Result<(), CompetencyError> {
        if self.jabatan.trim().is_empty() && self.jenis.is_none() {
            return Err(CompetencyError::NoPosition);
        }
        if self.competency.is_empty() {
            return Err(CompetencyError::NoCompetency);
        }
        Ok(())
    }

    /// The key that makes a requirement unique: competency, folded name, jenis label.
    pub fn key(&self) -> String {
        format!(
            "{}\u{0}{}\u{0}{}",
            self.competency,
            self.jabatan.trim().to_lowercase(),
            self.jenis.map(|j| j.label()).unwrap_or("")
        )
    }

    /// Whether this requirement applies to a position (see the module's rules).
    pub fn applies_to(&self, jabatan: &Jabatan) -> bool {
        let name = self.jabatan.trim().to_lowercase();
        let name_ok = name.is_empty()
            || jabatan.nama.trim().to_lowercase() == name
            || jabatan.title().trim().to_lowercase() == name;
        let jenis_ok = self.jenis.is_none_or(|j| j == jabatan.jenis);
        name_ok && jenis_ok
    }
}

/// The competencies a position requires, each once, in catalogue order (by id).
pub fn required_for<'a>(
    jabatan: &Jabatan,
    requirements: &[Requirement],
    catalogue: &'a [Competency],
) -> Vec<&'a Competency> {
    catalogue
        .iter()
        .filter(|c| {
            requirements
                .iter()
                .any(|r| r.competency == c.id && r.applies_to(jabatan))
        })
        .collect()
}

/// Each required competency of a position with the person's state on `on`.
pub fn competency_states<'a>(
    jabatan: &Jabatan,
    trainings: &[Training],
    requirements: &[Requirement],
    catalogue: &'a [Competency],
    on: Date,
) -> Vec<(&'a Competency, CompetencyState)> {
    required_for(jabatan, requirements, catalogue)
        .into_iter()
        .map(|c| (c, c.state(trainings, on)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::OrganiserKind;
    use jiff::civil::date;

    fn btcls() -> Competency {
        Competency::new(
            "BTCLS",
            CompetencyKind::Teknis,
            vec![],
            vec!["BTCLS".into(), "PPGD".into()],
            Some(36),
        )
    }

    fn training(
        judul: &str,
        jenis: TrainingKind,
        selesai: Date,
        status: TrainingStatus,
    ) -> Training {
        Training {
            id: 1,
            judul: judul.into(),
            jenis,
            penyelenggara: "Dinas Kesehatan".into(),
            jenis_penyelenggara: OrganiserKind::Pemerintah,
            mulai: selesai,
            selesai,
            jp: 30,
            status,
            no_sertifikat: String::new(),
            catatan: String::new(),
            kompetensi: None,
            revision: 1,
        }
    }

    /// Issue 13: a training that states the competency gives it, whatever its title and
    /// kind; one stating another competency does not.
    #[test]
    fn a_stated_competency_is_satisfied_whatever_the_title() {
        let c = btcls();
        let mut t = training(
            "Pelatihan Kegawatdaruratan",
            TrainingKind::DiklatTeknis,
            date(2025, 2, 1),
            TrainingStatus::Selesai,
        );
        assert!(!c.satisfied_by(&t));
        t.kompetensi = Some("other".into());
        assert!(!c.satisfied_by(&t));
        t.kompetensi = Some(c.id.clone());
        assert!(c.satisfied_by(&t));
        assert!(!c.state([&t], date(2025, 3, 1)).is_gap());
    }

    /// DOMAIN.md / issue 13: "validity and expiry on fixed dates (exactly on the boundary
    /// day too)". 36 months after 10 May 2023 is 10 May 2026: valid through 9 May 2026,
    /// expired on 10 May 2026 itself.
    #[test]
    fn validity_ends_the_day_before_end_plus_months() {
        let c = btcls();
        let t = [training(
            "Pelatihan btcls Angkatan II",
            TrainingKind::DiklatTeknis,
            date(2023, 5, 10),
            TrainingStatus::Selesai,
        )];
        assert_eq!(c.expires(date(2023, 5, 10)), Some(date(2026, 5, 10)));
        assert_eq!(
            c.state(&t, date(2026, 5, 9)),
            CompetencyState::Ada {
                until: Some(date(2026, 5, 9))
            }
        );
        assert_eq!(
            c.state(&t, date(2026, 5, 10)),
            CompetencyState::Kedaluwarsa(date(2026, 5, 10))
        );
        assert_eq!(
            c.state(&t, date(2027, 1, 1)),
            CompetencyState::Kedaluwarsa(date(2026, 5, 10))
        );
        // Before the training ended it did not count yet.
        assert_eq!(c.state(&t, date(2023, 5, 9)), CompetencyState::BelumAda);
        assert!(!c.state(&t, date(2023, 5, 10)).is_gap());
    }

    #[test]
    fn a_day_missing_in_the_target_month_becomes_its_last_day() {
        let mut c = btcls();
        c.validity_months = Some(1);
        assert_eq!(c.expires(date(2024, 1, 31)), Some(date(2024, 2, 29)));
        assert_eq!(c.expires(date(2023, 1, 31)), Some(date(2023, 2, 28)));
    }

    #[test]
    fn the_latest_completed_training_renews_and_planned_ones_do_not_count() {
        let c = btcls();
        let t = [
            training(
                "BTCLS",
                TrainingKind::Bimtek,
                date(2020, 3, 1),
                TrainingStatus::Selesai,
            ),
            training(
                "PPGD",
                TrainingKind::Bimtek,
                date(2024, 3, 1),
                TrainingStatus::Selesai,
            ),
            training(
                "BTCLS",
                TrainingKind::Bimtek,
                date(2025, 3, 1),
                TrainingStatus::Rencana,
            ),
        ];
        assert_eq!(
            c.state(&t, date(2026, 1, 1)),
            CompetencyState::Ada {
                until: Some(date(2027, 2, 28))
            }
        );
        assert_eq!(
            c.state(&t[2..], date(2026, 1, 1)),
            CompetencyState::BelumAda
        );
    }

    #[test]
    fn without_validity_it_holds_for_good_and_kinds_satisfy() {
        let c = Competency::new(
            "Kepemimpinan Pengawas",
            CompetencyKind::Manajerial,
            vec![TrainingKind::Pkp],
            vec![],
            None,
        );
        assert_eq!(c.id, "kepemimpinan-pengawas");
        let t = [training(
            "Diklatpim IV",
            TrainingKind::Pkp,
            date(2001, 1, 1),
            TrainingStatus::Selesai,
        )];
        assert_eq!(
            c.state(&t, date(2040, 1, 1)),
            CompetencyState::Ada { until: None }
        );
        let other = [training(
            "Bimtek PKP",
            TrainingKind::Bimtek,
            date(2001, 1, 1),
            TrainingStatus::Selesai,
        )];
        assert_eq!(c.state(&other, date(2040, 1, 1)), CompetencyState::BelumAda);
    }

    /// Issue 13: "a requirement by jenjang applies to every matching position".
    #[test]
    fn a_requirement_by_jenjang_applies_to_every_position_of_that_jenjang() {
        let r = Requirement {
            jabatan: String::new(),
            jenis: Some(JenisJabatan::Pengawas),
            competency: "pkp".into(),
        };
        for nama in [
            "Kepala Subbagian Tata Usaha",
            "Sekretaris Lurah",
            "Kepala Seksi",
        ] {
            assert!(r.applies_to(&Jabatan {
                nama: nama.into(),
                jenis: JenisJabatan::Pengawas,
            }));
        }
        assert!(!r.applies_to(&Jabatan {
            nama: "Lurah".into(),
            jenis: JenisJabatan::Administrator,
        }));
    }

    #[test]
    fn a_requirement_by_name_ignores_case_and_both_must_match_when_given() {
        let perawat = |jenis| Jabatan {
            nama: "Perawat".into(),
            jenis,
        };
        let by_name = Requirement {
            jabatan: "PERAWAT".into(),
            jenis: None,
            competency: "btcls".into(),
        };
        assert!(by_name.applies_to(&perawat(JenisJabatan::Terampil)));
        assert!(by_name.applies_to(&perawat(JenisJabatan::AhliMuda)));
        let both = Requirement {
            jenis: Some(JenisJabatan::Terampil),
            ..by_name.clone()
        };
        assert!(both.applies_to(&perawat(JenisJabatan::Terampil)));
        assert!(!both.applies_to(&perawat(JenisJabatan::AhliMuda)));
        let by_title = Requirement {
            jabatan: "perawat ahli muda".into(),
            ..by_name
        };
        assert!(by_title.applies_to(&perawat(JenisJabatan::AhliMuda)));
        assert!(!by_title.applies_to(&perawat(JenisJabatan::Terampil)));
    }

    #[test]
    fn required_for_lists_each_competency_once() {
        let cat = vec![btcls()];
        let reqs = vec![
            Requirement {
                jabatan: "Perawat".into(),
                jenis: None,
                competency: "btcls".into(),
            },
            Requirement {
                jabatan: String::new(),
                jenis: Some(JenisJabatan::Terampil),
                competency: "btcls".into(),
            },
        ];
        let j = Jabatan {
            nama: "Perawat".into(),
            jenis: JenisJabatan::Terampil,
        };
        assert_eq!(required_for(&j, &reqs, &cat).len(), 1);
        let guru = Jabatan {
            nama: "Guru".into(),
            jenis: JenisJabatan::AhliPertama,
        };
        assert!(required_for(&guru, &reqs, &cat).is_empty());
    }

    #[test]
    fn validation() {
        let mut c = btcls();
        assert_eq!(c.validate(), Ok(()));
        c.validity_months = Some(0);
        assert_eq!(c.validate(), Err(CompetencyError::ValidityOutOfRange(0)));
        c.validity_months = None;
        c.title_words.clear();
        assert_eq!(c.validate(), Err(CompetencyError::NothingSatisfies));
        let r = Requirement {
            jabatan: " ".into(),
            jenis: None,
            competency: "x".into(),
        };
        assert_eq!(r.validate(), Err(CompetencyError::NoPosition));
        assert_eq!(
            CompetencyKind::parse("Sosial-Kultural"),
            Some(CompetencyKind::SosialKultural)
        );
    }
}
