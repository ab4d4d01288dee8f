//! The one-page profile of a person (issue 12): identity, rank and years of service, the
//! pension date, position and unit; the predikat over the last periods; JP per year against
//! the person's own target; the trainings of the last two years; the competencies the
//! position requires; the latest evaluation notes. [`Profile::build`] reads it from the store once; the profile screen draws it and
//! [`Profile::markdown`] and [`Profile::text`] write it for printing on A4 (`x` on the
//! screen, `kinerja profile NIP`). Each section is one field, so a new section is one more
//! field, one more block in each of the three renderers.

use crate::domain::coaching::CoachingStatus;
use crate::domain::training::jp_in_year;
use crate::domain::{
    EmploymentKind, Evaluation, Golongan, JpTargets, Nip, Pension, Period, PeriodKind, Predikat,
    Retiring, Sex, Staff, Training, TrainingStatus, format_date, retiring,
};
use crate::store::{Store, StoreError};
use crate::ui::lang::{Lang, T};
use jiff::civil::Date;

/// How many periods the trend shows (the newest, drawn oldest first).
pub const TREND_PERIODS: usize = 8;
/// How many years of JP the profile shows, ending with the current year.
pub const JP_YEARS: i16 = 3;
/// The trainings shown: those ending in the current year or the one before.
pub const TRAINING_YEARS: i16 = 2;

/// One person's profile on a given day.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub identity: Identity,
    /// The predikat of the newest [`TREND_PERIODS`] evaluations, oldest first.
    pub trend: Vec<TrendPoint>,
    /// JP of the last [`JP_YEARS`] years, oldest first.
    pub jp: Vec<JpYear>,
    /// The years the trainings are from (first, last).
    pub training_years: (i16, i16),
    /// Trainings ending in `training_years`, newest first (any status).
    pub trainings: Vec<Training>,
    /// Each competency the position requires with the person's state on `today`, in
    /// catalogue order, when added by [`Profile::with_competencies`] (the store's `build`
    /// does); drawn right after the trainings.
    pub competencies: Option<Vec<CompetencyLine>>,
    // Issue 12 orders the page: trainings, the 9-box and its follow-up, open coaching,
    // then the notes; each drawn between the trainings and the notes by the screen,
    // `markdown` and `text`.
    /// The 9-box of the newest year with a potensial (or last year), when added by
    /// [`Profile::with_talent`] (the store's `build` does).
    pub talent: Option<TalentSection>,
    /// The coaching not closed yet (open or overdue), oldest first, when added by
    /// [`Profile::with_coaching`] (the store's `build` does).
    pub open_coaching: Option<Vec<(crate::domain::coaching::Coaching, CoachingStatus)>>,
    /// The notes of the newest evaluation that has any.
    pub notes: Option<LatestNotes>,
    /// The day the profile was made: ages, service and provisional periods count to it.
    pub today: Date,
}

/// The open coaching (PermenPANRB 6/2022, pembinaan kinerja) as lines of plain text in the
/// interface language: one per record, then its agreed steps.
pub fn coaching_lines(
    open: &[(crate::domain::coaching::Coaching, CoachingStatus)],
    lang: Lang,
) -> Vec<String> {
    if open.is_empty() {
        return vec![T::NoOpenCoaching.get(lang).to_string()];
    }
    let mut out = Vec::new();
    for (c, status) in open {
        let status = match status {
            CoachingStatus::Overdue => T::CoachOverdue,
            CoachingStatus::Missing => T::CoachMissing,
            CoachingStatus::Closed => T::CoachClosedStatus,
            CoachingStatus::Open => T::CoachOpen,
        };
        out.push(format!(
            "{} {} ({}): {}; {} {} ({})",
            crate::domain::format_date(c.tanggal),
            c.jenis.label(),
            c.pemberi.nama,
            c.masalah,
            T::FollowUpShort.get(lang),
            crate::domain::format_date(c.tindak_lanjut),
            status.get(lang)
        ));
        out.push(format!("  {}: {}", T::StepsShort.get(lang), c.langkah));
    }
    out
}

/// One required competency and the person's state for it (issue 13).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetencyLine {
    pub name: String,
    pub kind: crate::domain::CompetencyKind,
    pub state: crate::domain::CompetencyState,
    /// Missing, expired or expiring within 6 months (`competency_gaps::Gap`).
    pub gap: Option<crate::views::competency_gaps::Gap>,
}

/// The competency section as lines of plain text in the interface language: one per
/// required competency, "name (kind): state".
pub fn competency_lines(lines: &[CompetencyLine], lang: Lang) -> Vec<String> {
    use crate::domain::CompetencyState;
    if lines.is_empty() {
        return vec![T::NoRequiredCompetencies.get(lang).to_string()];
    }
    lines
        .iter()
        .map(|c| {
            let state = match c.state {
                CompetencyState::Ada { until: Some(d) } => {
                    let soon = if matches!(
                        c.gap,
                        Some(crate::views::competency_gaps::Gap::SegeraKedaluwarsa(_))
                    ) {
                        format!(" ({})", T::CompExpiringSoon.get(lang))
                    } else {
                        String::new()
                    };
                    format!(
                        "{} {} {}{soon}",
                        T::CompHeld.get(lang),
                        T::CompUntil.get(lang),
                        format_date(d)
                    )
                }
                CompetencyState::Ada { until: None } => T::CompHeld.get(lang).to_string(),
                CompetencyState::Kedaluwarsa(d) => {
                    format!("{} {}", T::CompExpired.get(lang), format_date(d))
                }
                CompetencyState::BelumAda => T::CompMissing.get(lang).to_string(),
            };
            format!("{} ({}): {state}", c.name, c.kind.label())
        })
        .collect()
}

/// The person's place in the 9-box of PermenPANRB 3/2020 for one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalentSection {
    pub year: i16,
    pub potential: Option<crate::domain::PotentialEntry>,
    /// The annual Hasil Kerja of the year.
    pub kinerja: Option<crate::domain::Rating>,
    /// The box, or why there is none (never guessed).
    pub place: Result<u8, crate::domain::TalentGap>,
}

impl TalentSection {
    /// The section's lines, as plain text in the interface language (the screen, the
    /// Markdown and the text all say the same).
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let english = lang == Lang::En;
        let kinerja = self.kinerja.map_or("-", |k| k.label());
        let potensial = match &self.potential {
            Some(e) => format!(
                "{} ({}, {})",
                e.potensial.label(),
                e.source.label(),
                crate::domain::format_date(e.date)
            ),
            None => "-".to_string(),
        };
        let place = match self.place {
            Ok(n) => format!(
                "{} {n}: {}",
                T::Box.get(lang),
                crate::domain::talent::follow_up(n, english)
            ),
            Err(g) => format!(
                "{}: {}",
                T::TalentNoBox.get(lang),
                crate::ui::gap_label(g, english)
            ),
        };
        vec![
            format!("{}: {kinerja}", T::KinerjaShort.get(lang)),
            format!("{}: {potensial}", T::Potensial.get(lang)),
            place,
        ]
    }

    fn heading(&self, lang: Lang) -> String {
        format!("{} {}", T::TalentTitle.get(lang), self.year)
    }
}

/// Who the person is and where they stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The name with titles, as on documents.
    pub name: String,
    pub nip: Nip,
    pub born: Date,
    /// Age in whole years on the profile's day.
    pub age: i32,
    pub sex: Option<Sex>,
    pub golongan: Golongan,
    /// TMT CPNS (year, month) for a PNS; for a PPPK the year of appointment (month 1).
    pub appointed: (i16, i8),
    /// Whole years since `appointed`.
    pub service_years: i32,
    /// The pension age (BUP) and date (DOMAIN.md, PP 11/2017 Pasal 239).
    pub pension: Pension,
    /// Whether the pension is past or within 12 months (only for active staff).
    pub retiring: Option<Retiring>,
    /// Position title with its level ("Guru Ahli Pertama").
    pub position: String,
    /// The unit's name (its id when the unit record is missing).
    pub unit: String,
    /// The person heads the unit (pimpinan unit kerja).
    pub head: bool,
    pub aktif: bool,
}

impl Identity {
    pub fn kind(&self) -> EmploymentKind {
        self.nip.kind()
    }
}

/// One period in the trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendPoint {
    pub period: Period,
    pub predikat: Predikat,
    /// The period has not ended on the profile's day (DOMAIN.md: shown as provisional).
    pub provisional: bool,
}

/// A year's JP against the person's own target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JpYear {
    pub year: i16,
    /// Completed trainings ending in the year.
    pub jp: u32,
    /// The target of the person's employment kind; 0: none (PPPK by default).
    pub target: u32,
    /// Above the PPPK ceiling of 24 JP (PP 49/2018): a warning.
    pub above_ceiling: bool,
}

impl JpYear {
    /// The share of the target reached, in whole percent; `None` without a target.
    pub fn percent(&self) -> Option<u32> {
        (self.target > 0).then(|| self.jp * 100 / self.target)
    }

    /// How full the bar is: the share of the target, or of the PPPK ceiling without one.
    pub fn ratio(&self) -> f64 {
        let whole = if self.target == 0 {
            crate::domain::PPPK_JP_CEILING
        } else {
            self.target
        };
        (f64::from(self.jp) / f64::from(whole)).min(1.0)
    }
}

/// The latest evaluation notes and the period they are from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestNotes {
    pub period: Period,
    pub text: String,
}

impl Profile {
    /// The profile of `nip` on `today` from the store; `Ok(None)` when no such person.
    pub fn build(
        store: &Store,
        nip: &str,
        today: Date,
        targets: &JpTargets,
    ) -> Result<Option<Profile>, StoreError> {
        let Some(staff) = store.get_staff(nip)? else {
            return Ok(None);
        };
        let unit = store.get_unit(&staff.unit_id)?;
        let head = unit.as_ref().is_some_and(|u| u.is_head(nip));
        let unit_name = unit.map_or_else(|| staff.unit_id.clone(), |u| u.name);
        let evaluations = store.evaluations_of(nip)?;
        let annual_hasil: Vec<(i16, crate::domain::Rating)> = evaluations
            .iter()
            .filter(|e| e.period.kind == crate::domain::PeriodKind::Tahunan)
            .map(|e| (e.period.year, e.hasil_kerja))
            .collect();
        let trainings = store.trainings_of(nip)?;
        let competencies = crate::domain::competency_states(
            &staff.jabatan,
            &trainings,
            &store.requirements()?,
            &store.competencies()?,
            today,
        )
        .into_iter()
        .map(|(c, state)| (c.clone(), state))
        .collect::<Vec<_>>();
        Ok(Some(
            Profile::of(
                &staff,
                unit_name,
                head,
                evaluations,
                trainings,
                today,
                targets,
            )
            .with_competencies(competencies)
            .with_talent(&store.potentials_of(nip)?, &annual_hasil)
            .with_coaching(store.coaching_of(nip)?),
        ))
    }

    /// The profile from a person's records (no store).
    pub fn of(
        staff: &Staff,
        unit: String,
        head: bool,
        mut evaluations: Vec<Evaluation>,
        trainings: Vec<Training>,
        today: Date,
        targets: &JpTargets,
    ) -> Profile {
        let nip = staff.nip.clone();
        let born = nip.birth_date();
        let appointed = nip.appointed();
        let months = (i32::from(today.year()) - i32::from(appointed.0)) * 12
            + i32::from(today.month())
            - i32::from(appointed.1);
        let pension = Pension::of(born, &staff.jabatan);
        let identity = Identity {
            name: staff.display_name(),
            born,
            age: nip.age_on(today),
            sex: nip.sex(),
            golongan: staff.golongan,
            appointed,
            service_years: months.max(0) / 12,
            pension,
            retiring: if staff.aktif {
                retiring(pension.date, today)
            } else {
                None
            },
            position: staff.jabatan.title(),
            unit,
            head,
            aktif: staff.aktif,
            nip,
        };

        evaluations.sort_by_key(|e| e.period.sort_key());
        let first = evaluations.len().saturating_sub(TREND_PERIODS);
        let trend = evaluations[first..]
            .iter()
            .map(|e| TrendPoint {
                period: e.period,
                predikat: e.predikat(),
                provisional: e.period.is_provisional(today),
            })
            .collect();
        let notes = evaluations
            .iter()
            .rev()
            .find(|e| !e.catatan.trim().is_empty())
            .map(|e| LatestNotes {
                period: e.period,
                text: e.catatan.trim().to_string(),
            });

        let pppk = staff.golongan.is_pppk();
        let year = today.year();
        let jp = (year - JP_YEARS + 1..=year)
            .map(|y| {
                let jp = jp_in_year(&trainings, y);
                JpYear {
                    year: y,
                    jp,
                    target: targets.of(pppk),
                    above_ceiling: JpTargets::above_ceiling(pppk, jp),
                }
            })
            .collect();

        let training_years = (year - TRAINING_YEARS + 1, year);
        let mut recent: Vec<Training> = trainings
            .into_iter()
            .filter(|t| (training_years.0..=training_years.1).contains(&t.year()))
            .collect();
        recent.sort_by_key(|t| std::cmp::Reverse((t.mulai, t.id)));

        Profile {
            identity,
            trend,
            jp,
            training_years,
            trainings: recent,
            competencies: None,
            talent: None,
            open_coaching: None,
            notes,
            today,
        }
    }

    /// Adds the competencies the position requires, each with the person's state on the
    /// profile's day (`domain::competency_states` gives them, in catalogue order).
    pub fn with_competencies(
        mut self,
        states: Vec<(crate::domain::Competency, crate::domain::CompetencyState)>,
    ) -> Profile {
        let today = self.today;
        self.competencies = Some(
            states
                .into_iter()
                .map(|(c, state)| CompetencyLine {
                    name: c.name,
                    kind: c.kind,
                    state,
                    gap: crate::views::competency_gaps::Gap::of(state, today),
                })
                .collect(),
        );
        self
    }

    /// Adds the coaching not closed yet, with its status on the profile's day.
    pub fn with_coaching(mut self, records: Vec<crate::domain::coaching::Coaching>) -> Profile {
        let mut open: Vec<_> = records
            .into_iter()
            .map(|c| {
                let status = c.status(self.today);
                (c, status)
            })
            .filter(|(_, s)| matches!(s, CoachingStatus::Open | CoachingStatus::Overdue))
            .collect();
        open.sort_by_key(|(c, _)| (c.tanggal, c.id));
        self.open_coaching = Some(open);
        self
    }

    /// Adds the 9-box of the newest year that has both a potensial and an annual
    /// evaluation (else the newest potensial's year, else last year): `annual_hasil` is each
    /// year's annual Hasil Kerja.
    pub fn with_talent(
        mut self,
        potentials: &crate::domain::Potentials,
        annual_hasil: &[(i16, crate::domain::Rating)],
    ) -> Profile {
        // The newest year with both a potensial and an annual evaluation; failing that, the
        // newest potensial's year; failing that, last year.
        let both = potentials
            .items
            .iter()
            .rev()
            .find(|e| annual_hasil.iter().any(|(y, _)| *y == e.year));
        let potential = both.or(potentials.items.last()).cloned();
        let year = potential.as_ref().map_or(self.today.year() - 1, |e| e.year);
        let kinerja = annual_hasil
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, r)| *r);
        self.talent = Some(TalentSection {
            year,
            place: crate::domain::placement(kinerja, potential.as_ref().map(|e| e.potensial)),
            potential,
            kinerja,
        });
        self
    }

    /// The profile as Markdown that prints well on A4: headings, short lists, two narrow
    /// tables (trend and JP), never a line of a table over 90 characters. Text from the
    /// data is escaped, so a name or a note cannot change the document's structure.
    pub fn markdown(&self, lang: Lang) -> String {
        let t = |x: T| x.get(lang);
        let id = &self.identity;
        let mut out = String::new();
        out.push_str(&format!("# {}\n\n", md(&id.name)));
        out.push_str(&format!(
            "{}, {} {}\n\n",
            t(T::ProfileTitle),
            t(T::ProfileMade),
            format_date(self.today)
        ));

        out.push_str(&format!("## {}\n\n", t(T::ProfileIdentity)));
        for (label, value) in self.identity_rows(lang) {
            out.push_str(&format!("- **{label}:** {}\n", md(&value)));
        }
        out.push('\n');

        out.push_str(&format!("## {}\n\n", t(T::TrendTitle)));
        if self.trend.is_empty() {
            out.push_str(&format!("{}.\n\n", capitalised(t(T::NoEvaluations))));
        } else {
            out.push_str(&format!(
                "| {} | {} |\n| --- | --- |\n",
                t(T::Period),
                t(T::Predikat)
            ));
            for p in &self.trend {
                let mark = if p.provisional { " *" } else { "" };
                out.push_str(&format!(
                    "| {} | {}{mark} |\n",
                    p.period,
                    p.predikat.label()
                ));
            }
            out.push('\n');
            if self.trend.iter().any(|p| p.provisional) {
                out.push_str(&format!("{}\n\n", md(t(T::ProvisionalMark))));
            }
        }

        out.push_str(&format!("## {}\n\n", t(T::JpPerYear)));
        out.push_str(&format!(
            "| {} | JP | {} | {} |\n| --- | ---: | ---: | ---: |\n",
            t(T::FieldYear),
            t(T::JpTarget),
            t(T::JpShare)
        ));
        for y in &self.jp {
            let (target, share) = jp_columns(y, lang);
            out.push_str(&format!("| {} | {} | {target} | {share} |\n", y.year, y.jp));
        }
        out.push('\n');
        if let Some(note) = self.jp_note(lang) {
            out.push_str(&format!("{}\n\n", md(&note)));
        }

        out.push_str(&format!("## {}\n\n", self.trainings_heading(lang)));
        if self.trainings.is_empty() {
            out.push_str(&format!("{}.\n\n", capitalised(t(T::NoTrainings))));
        } else {
            for tr in &self.trainings {
                out.push_str(&format!(
                    "- {}: **{}** ({}), {}\n",
                    training_dates(tr),
                    md(&tr.judul),
                    md(&training_facts(tr)),
                    md(&tr.penyelenggara)
                ));
            }
            out.push('\n');
        }

        if let Some(competencies) = &self.competencies {
            out.push_str(&format!("## {}\n\n", t(T::Competencies)));
            for line in competency_lines(competencies, lang) {
                out.push_str(&format!("- {}\n", md(&line)));
            }
            out.push('\n');
        }

        if let Some(talent) = &self.talent {
            out.push_str(&format!("## {}\n\n", md(&talent.heading(lang))));
            for line in talent.lines(lang) {
                out.push_str(&format!("- {}\n", md(&line)));
            }
            out.push('\n');
        }
        if let Some(open) = &self.open_coaching {
            out.push_str(&format!("## {}\n\n", md(T::OpenCoachingTitle.get(lang))));
            for line in coaching_lines(open, lang) {
                match line.strip_prefix("  ") {
                    Some(rest) => out.push_str(&format!("  - {}\n", md(rest))),
                    None => out.push_str(&format!("- {}\n", md(&line))),
                }
            }
            out.push('\n');
        }

        match &self.notes {
            Some(n) => {
                out.push_str(&format!("## {} ({})\n\n", t(T::LatestNotes), n.period));
                for line in n.text.lines() {
                    out.push_str(&format!("> {}\n", md_line(line.trim_end())));
                }
            }
            None => {
                out.push_str(&format!("## {}\n\n", t(T::LatestNotes)));
                out.push_str(&format!("{}.\n", capitalised(t(T::NoNotes))));
            }
        }
        out
    }

    /// The profile as plain text in at most [`TEXT_WIDTH`] columns: underlined headings,
    /// bars of `#` for JP, notes wrapped.
    pub fn text(&self, lang: Lang) -> String {
        let t = |x: T| x.get(lang);
        let id = &self.identity;
        let mut out = String::new();
        let heading = |out: &mut String, text: &str, under: char| {
            out.push_str(text);
            out.push('\n');
            out.push_str(&under.to_string().repeat(text.chars().count()));
            out.push_str("\n\n");
        };
        heading(&mut out, &id.name, '=');
        out.push_str(&format!(
            "{}, {} {}\n\n",
            t(T::ProfileTitle),
            t(T::ProfileMade),
            format_date(self.today)
        ));

        heading(&mut out, t(T::ProfileIdentity), '-');
        let rows = self.identity_rows(lang);
        let width = rows
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in rows {
            out.push_str(&format!("{label:<width$}  {value}\n"));
        }
        out.push('\n');

        heading(&mut out, t(T::TrendTitle), '-');
        if self.trend.is_empty() {
            out.push_str(&format!("{}.\n\n", capitalised(t(T::NoEvaluations))));
        } else {
            for p in &self.trend {
                let mark = if p.provisional { " *" } else { "" };
                out.push_str(&format!(
                    "{:<19} {}{mark}\n",
                    p.period.to_string(),
                    p.predikat.label()
                ));
            }
            out.push('\n');
            if self.trend.iter().any(|p| p.provisional) {
                out.push_str(&format!("{}\n\n", t(T::ProvisionalMark)));
            }
        }

        heading(&mut out, t(T::JpPerYear), '-');
        for y in &self.jp {
            let filled = (y.ratio() * 20.0).round() as usize;
            let (target, share) = jp_columns(y, lang);
            out.push_str(&format!(
                "{}  [{}{}] {:>3} JP  {} {target}  {share}\n",
                y.year,
                "#".repeat(filled),
                "-".repeat(20 - filled.min(20)),
                y.jp,
                t(T::JpTarget),
            ));
        }
        out.push('\n');
        if let Some(note) = self.jp_note(lang) {
            out.push_str(&format!("{note}\n\n"));
        }

        heading(&mut out, &self.trainings_heading(lang), '-');
        if self.trainings.is_empty() {
            out.push_str(&format!("{}.\n\n", capitalised(t(T::NoTrainings))));
        } else {
            for tr in &self.trainings {
                let first = format!("{}  {}", training_dates(tr), tr.judul);
                for (i, line) in wrap(&first, TEXT_WIDTH - 2).into_iter().enumerate() {
                    let bullet = if i == 0 { "- " } else { "  " };
                    out.push_str(&format!("{bullet}{line}\n"));
                }
                let second = format!("{}; {}", training_facts(tr), tr.penyelenggara);
                for line in wrap(&second, TEXT_WIDTH - 2) {
                    out.push_str(&format!("  {line}\n"));
                }
            }
            out.push('\n');
        }

        if let Some(competencies) = &self.competencies {
            heading(&mut out, t(T::Competencies), '-');
            for line in competency_lines(competencies, lang) {
                for (i, l) in wrap(&line, TEXT_WIDTH - 2).into_iter().enumerate() {
                    let bullet = if i == 0 { "- " } else { "  " };
                    out.push_str(&format!("{bullet}{l}\n"));
                }
            }
            out.push('\n');
        }

        if let Some(talent) = &self.talent {
            heading(&mut out, &talent.heading(lang), '-');
            for line in talent.lines(lang) {
                for l in wrap(&line, TEXT_WIDTH - 2) {
                    out.push_str(&format!("  {l}\n"));
                }
            }
            out.push('\n');
        }
        if let Some(open) = &self.open_coaching {
            heading(&mut out, T::OpenCoachingTitle.get(lang), '-');
            for line in coaching_lines(open, lang) {
                for l in wrap(&line, TEXT_WIDTH - 2) {
                    out.push_str(&format!("  {l}\n"));
                }
            }
            out.push('\n');
        }

        match &self.notes {
            Some(n) => {
                heading(
                    &mut out,
                    &format!("{} ({})", t(T::LatestNotes), n.period),
                    '-',
                );
                for line in wrap(&n.text, TEXT_WIDTH) {
                    out.push_str(&format!("{line}\n"));
                }
            }
            None => {
                heading(&mut out, t(T::LatestNotes), '-');
                out.push_str(&format!("{}.\n", capitalised(t(T::NoNotes))));
            }
        }
        out
    }

    /// The identity section as (label, value) pairs, in the order every renderer shows it.
    pub fn identity_rows(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let t = |x: T| x.get(lang);
        let id = &self.identity;
        let mut rows = vec![
            (t(T::FieldNip), id.nip.to_string()),
            (
                t(T::Born),
                format!("{} ({} {})", format_date(id.born), id.age, t(T::Age)),
            ),
        ];
        if let Some(sex) = id.sex {
            let s = if sex == Sex::Male { T::Male } else { T::Female };
            rows.push((t(T::Sex), t(s).to_string()));
        }
        rows.push((t(T::Status), id.kind().code().to_string()));
        rows.push((t(T::Rank), rank_text(id.golongan)));
        rows.push((t(T::ServiceYears), self.service_text(lang)));
        rows.push((
            t(T::Pension),
            format!(
                "{} ({} {})",
                format_date(id.pension.date),
                t(T::BupYears),
                id.pension.age
            ),
        ));
        rows.push((t(T::Position), id.position.clone()));
        rows.push((t(T::Unit), unit_text(id, lang)));
        if !id.aktif {
            rows.push((t(T::Active), t(T::No).to_string()));
        }
        rows
    }

    /// "2 tahun (TMT CPNS 2023-12)"; for a PPPK "1 tahun (sejak 2025)".
    pub fn service_text(&self, lang: Lang) -> String {
        let t = |x: T| x.get(lang);
        let id = &self.identity;
        let (y, m) = id.appointed;
        match id.kind() {
            EmploymentKind::Pns => format!(
                "{} {} ({} {y:04}-{m:02})",
                id.service_years,
                t(T::Age),
                t(T::TmtCpns)
            ),
            EmploymentKind::Pppk => format!(
                "{} {} ({} {y:04})",
                id.service_years,
                t(T::Age),
                t(T::ServiceSince)
            ),
        }
    }

    /// "Pelatihan 2025-2026".
    pub fn trainings_heading(&self, lang: Lang) -> String {
        format!(
            "{} {}-{}",
            T::TrainingsOfYears.get(lang),
            self.training_years.0,
            self.training_years.1
        )
    }

    /// What the JP figures need said: a PPPK has no floor, and above 24 JP is warned.
    pub fn jp_note(&self, lang: Lang) -> Option<String> {
        let mut notes = Vec::new();
        if self.jp.iter().any(|y| y.target == 0) {
            notes.push(T::JpNoFloor.get(lang).to_string());
        }
        let above: Vec<String> = self
            .jp
            .iter()
            .filter(|y| y.above_ceiling)
            .map(|y| y.year.to_string())
            .collect();
        if !above.is_empty() {
            notes.push(format!(
                "{}: {}",
                above.join(", "),
                T::JpAboveCeiling.get(lang)
            ));
        }
        (!notes.is_empty()).then(|| notes.join("; "))
    }
}

/// The widest line [`Profile::text`] writes (A4 in a monospaced font).
pub const TEXT_WIDTH: usize = 78;

/// "III/a (Penata Muda)"; a PPPK's golongan alone.
pub fn rank_text(g: Golongan) -> String {
    match g.pangkat() {
        Some(p) if !g.is_pppk() => format!("{g} ({p})"),
        _ => g.to_string(),
    }
}

/// The unit, marked "(pimpinan)" when the person heads it.
pub fn unit_text(id: &Identity, lang: Lang) -> String {
    if id.head {
        format!("{} ({})", id.unit, T::HeadOfUnit.get(lang))
    } else {
        id.unit.clone()
    }
}

/// A period in at most 8 columns for the trend: "Thn 2025", "TW3 2026", "03/2026".
pub fn period_short(p: Period, lang: Lang) -> String {
    match p.kind {
        PeriodKind::Tahunan => format!("{} {}", T::PeriodShortAnnual.get(lang), p.year),
        PeriodKind::Triwulan(q) => format!("{}{q} {}", T::PeriodShortQuarter.get(lang), p.year),
        PeriodKind::Bulanan(m) => format!("{m:02}/{}", p.year),
    }
}

/// One training's dates: "2026-05-18", or "2026-02-05 - 2026-02-08".
pub fn training_dates(t: &Training) -> String {
    if t.mulai == t.selesai {
        format_date(t.mulai)
    } else {
        format!("{} - {}", format_date(t.mulai), format_date(t.selesai))
    }
}

/// Kind and JP, and the status unless completed: "Bimtek, 8 JP", "Kursus, 12 JP, rencana".
pub fn training_facts(t: &Training) -> String {
    let mut s = format!("{}, {} JP", t.jenis.label(), t.jp);
    if t.status != TrainingStatus::Selesai {
        s.push_str(", ");
        s.push_str(t.status.label());
    }
    s
}

/// The target and share columns of a JP year: "20", "60%"; without a target "none", "-".
fn jp_columns(y: &JpYear, lang: Lang) -> (String, String) {
    match y.percent() {
        Some(p) => (y.target.to_string(), format!("{p}%")),
        None => (T::JpNone.get(lang).to_string(), "-".to_string()),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Text from the data made literal in Markdown: the characters that start emphasis, links,
/// code, HTML, headings or table cells are escaped.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of notes made literal in Markdown: [`md`], and a first `-`, `+` or `=` escaped
/// so that the line cannot become a list item, a rule or a heading's underline.
fn md_line(s: &str) -> String {
    let escaped = md(s);
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// `text` broken between words into lines of at most `width` characters (a word longer
/// than that is cut); line breaks in the text are kept, blank lines too.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            while word.chars().count() > width {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                lines.push(head);
            }
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Jabatan, JenisJabatan, OrganiserKind, Pendidikan, Rating, TrainingKind};
    use jiff::civil::date;

    fn staff(nip: &str, golongan: Golongan) -> Staff {
        Staff {
            nip: Nip::parse_as(
                nip,
                if golongan.is_pppk() {
                    EmploymentKind::Pppk
                } else {
                    EmploymentKind::Pns
                },
            )
            .unwrap(),
            nama: "Rina Siregar".into(),
            gelar_depan: "dr.".into(),
            gelar_belakang: "Sp.PD".into(),
            golongan,
            pendidikan: Pendidikan::S2,
            jabatan: Jabatan {
                nama: "Dokter".into(),
                jenis: JenisJabatan::AhliMuda,
            },
            unit_id: "puskesmas-belawan".into(),
            aktif: true,
            revision: 0,
        }
    }

    fn training(id: u32, judul: &str, mulai: Date, jp: u16) -> Training {
        Training {
            id,
            judul: judul.into(),
            jenis: TrainingKind::Bimtek,
            penyelenggara: "BPSDM Sumut".into(),
            jenis_penyelenggara: OrganiserKind::Pemerintah,
            mulai,
            selesai: mulai,
            jp,
            status: TrainingStatus::Selesai,
            no_sertifikat: String::new(),
            catatan: String::new(),
            kompetensi: None,
            revision: 1,
        }
    }

    fn evaluation(period: Period, hasil: Rating, perilaku: Rating, catatan: &str) -> Evaluation {
        Evaluation {
            id: 0,
            period,
            hasil_kerja: hasil,
            perilaku,
            aspek: Default::default(),
            penilai: None,
            atasan_penilai: None,
            catatan: catatan.into(),
            revision: 1,
        }
    }

    fn pns() -> Staff {
        staff(
            "198503302010012002",
            Golongan::parse("III/c", false).unwrap(),
        )
    }

    #[test]
    fn service_counts_whole_years_from_tmt_cpns() {
        // TMT CPNS 2010-01; on 2026-11-28 that is 16 years and 10 months.
        let p = Profile::of(
            &pns(),
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![],
            date(2026, 11, 28),
            &JpTargets::default(),
        );
        assert_eq!(p.identity.service_years, 16);
        assert_eq!(p.service_text(Lang::Id), "16 tahun (TMT CPNS 2010-01)");
        // Dokter Ahli Muda: BUP 58; born 1985-03-30, so 2043-04-01.
        assert_eq!(p.identity.pension.age, 58);
        assert_eq!(format_date(p.identity.pension.date), "2043-04-01");
    }

    #[test]
    fn a_pppk_counts_service_from_the_appointment_year_and_has_no_jp_floor() {
        let s = staff("199312282025212001", Golongan::Pppk(9));
        let p = Profile::of(
            &s,
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![training(1, "Kursus", date(2026, 3, 2), 30)],
            date(2026, 11, 28),
            &JpTargets::default(),
        );
        assert_eq!(p.identity.appointed, (2025, 1));
        assert_eq!(p.identity.service_years, 1);
        assert_eq!(p.service_text(Lang::En), "1 years (since 2025)");
        let this_year = p.jp.last().unwrap();
        assert_eq!((this_year.target, this_year.percent()), (0, None));
        assert!(
            this_year.above_ceiling,
            "30 JP is above the PPPK ceiling of 24"
        );
        assert!(p.jp_note(Lang::Id).unwrap().contains("2026: di atas 24 JP"));
    }

    #[test]
    fn jp_covers_three_years_and_trainings_two() {
        let trainings = vec![
            training(1, "Lama", date(2023, 6, 1), 40),
            training(2, "Dua tahun lalu", date(2024, 6, 1), 8),
            training(3, "Tahun lalu", date(2025, 6, 1), 12),
            training(4, "Tahun ini", date(2026, 2, 1), 32),
        ];
        let p = Profile::of(
            &pns(),
            String::new(),
            false,
            vec![],
            trainings,
            date(2026, 11, 28),
            &JpTargets::default(),
        );
        let jp: Vec<(i16, u32, Option<u32>)> =
            p.jp.iter().map(|y| (y.year, y.jp, y.percent())).collect();
        assert_eq!(
            jp,
            vec![
                (2024, 8, Some(40)),
                (2025, 12, Some(60)),
                (2026, 32, Some(160))
            ]
        );
        let titles: Vec<&str> = p.trainings.iter().map(|t| t.judul.as_str()).collect();
        assert_eq!(titles, vec!["Tahun ini", "Tahun lalu"]);
    }

    #[test]
    fn the_trend_keeps_the_newest_periods_and_the_notes_the_newest_with_text() {
        let mut evaluations = Vec::new();
        for year in [2024, 2025, 2026] {
            for q in 1..=4 {
                let p = Period::new(year, PeriodKind::Triwulan(q)).unwrap();
                let note = if (year, q) == (2025, 2) {
                    "Perlu bimbingan."
                } else {
                    ""
                };
                evaluations.push(evaluation(p, Rating::Sesuai, Rating::Sesuai, note));
            }
        }
        let p = Profile::of(
            &pns(),
            String::new(),
            false,
            evaluations,
            vec![],
            date(2026, 11, 28),
            &JpTargets::default(),
        );
        assert_eq!(p.trend.len(), TREND_PERIODS);
        assert_eq!(p.trend[0].period.to_string(), "Triwulan I 2025");
        assert_eq!(p.trend[7].period.to_string(), "Triwulan IV 2026");
        assert!(
            p.trend[7].provisional,
            "Q4 2026 has not ended on 2026-11-28"
        );
        let notes = p.notes.unwrap();
        assert_eq!(notes.period.to_string(), "Triwulan II 2025");
        assert_eq!(notes.text, "Perlu bimbingan.");
    }

    #[test]
    fn markdown_escapes_text_from_the_data() {
        assert_eq!(md("a|b *c* <x>"), "a\\|b \\*c\\* \\<x\\>");
        assert_eq!(md_line("==="), "\\===");
        assert_eq!(md_line("- satu"), "\\- satu");
    }

    #[test]
    fn no_markdown_table_line_is_wider_than_90() {
        let p = Profile::of(
            &pns(),
            "Puskesmas Belawan".into(),
            true,
            vec![evaluation(
                Period::annual(2025),
                Rating::DiAtas,
                Rating::DiAtas,
                "",
            )],
            vec![training(1, "Tahun ini", date(2026, 2, 1), 32)],
            date(2026, 11, 28),
            &JpTargets::default(),
        );
        let text = p.markdown(Lang::Id);
        assert!(text.contains("- **Unit:** Puskesmas Belawan (pimpinan)"));
        for line in text.lines().filter(|l| l.starts_with('|')) {
            assert!(line.chars().count() <= 90, "{line}");
        }
    }

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(wrap("satu dua tiga", 8), vec!["satu dua", "tiga"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn open_coaching_lists_the_open_and_overdue_oldest_first_not_the_closed() {
        // PermenPANRB 6/2022 (pembinaan kinerja): the profile shows what is not closed.
        use crate::domain::coaching::{Coaching, CoachingKind};
        let today = date(2026, 11, 28);
        let c = |id: u32, tanggal: Date, tindak: Date, selesai: Option<Date>| Coaching {
            id,
            tanggal,
            jenis: CoachingKind::ALL[0],
            pemberi: crate::domain::Evaluator {
                nip: None,
                nama: "Budi Tarigan".into(),
            },
            masalah: format!("masalah {id}"),
            langkah: "hadir tepat waktu".into(),
            tindak_lanjut: tindak,
            selesai,
            hasil: if selesai.is_some() {
                "membaik".into()
            } else {
                String::new()
            },
            revision: 1,
        };
        let p = Profile::of(
            &pns(),
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![],
            today,
            &JpTargets::default(),
        )
        .with_coaching(vec![
            c(3, date(2026, 11, 1), date(2026, 12, 15), None),
            c(
                1,
                date(2026, 6, 1),
                date(2026, 7, 1),
                Some(date(2026, 7, 2)),
            ),
            c(2, date(2026, 8, 1), date(2026, 9, 1), None),
        ]);
        let open = p.open_coaching.as_ref().unwrap();
        let ids: Vec<u32> = open.iter().map(|(c, _)| c.id).collect();
        assert_eq!(ids, [2, 3]);
        assert_eq!(open[0].1, CoachingStatus::Overdue);
        assert_eq!(open[1].1, CoachingStatus::Open);
        let md = p.markdown(Lang::Id);
        assert!(md.contains("## Pembinaan berjalan"), "{md}");
        assert!(
            md.contains("masalah 2; tindak lanjut 2026-09-01 (terlambat)"),
            "{md}"
        );
        assert!(!md.contains("masalah 1"), "{md}");
        let none = Profile::of(
            &pns(),
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![],
            today,
            &JpTargets::default(),
        )
        .with_coaching(vec![]);
        assert!(none.text(Lang::En).contains("no open coaching"));
    }

    /// Issue 13: the profile lists each required competency with its state (held until a
    /// day, expiring soon, held for good, expired since a day, missing), after the
    /// trainings and before the 9-box, in all three renderers and both languages.
    #[test]
    fn the_competency_section_lists_each_required_competency_with_its_state() {
        use crate::domain::{Competency, CompetencyKind, CompetencyState};
        let today = date(2026, 11, 28);
        let c = |name: &str, kind| Competency::new(name, kind, vec![], vec![name.into()], None);
        let p = Profile::of(
            &pns(),
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![],
            today,
            &JpTargets::default(),
        )
        .with_competencies(vec![
            (
                c("BTCLS", CompetencyKind::Teknis),
                CompetencyState::Ada {
                    until: Some(date(2028, 1, 9)),
                },
            ),
            (
                c("PPGD", CompetencyKind::Teknis),
                CompetencyState::Ada {
                    until: Some(date(2027, 2, 9)),
                },
            ),
            (
                c("BerAKHLAK", CompetencyKind::SosialKultural),
                CompetencyState::Ada { until: None },
            ),
            (
                c("SKP", CompetencyKind::Manajerial),
                CompetencyState::Kedaluwarsa(date(2026, 5, 10)),
            ),
            (c("Gizi", CompetencyKind::Teknis), CompetencyState::BelumAda),
        ])
        .with_talent(&Default::default(), &[]);
        let lines = competency_lines(p.competencies.as_deref().unwrap(), Lang::Id);
        assert_eq!(
            lines,
            [
                "BTCLS (teknis): ada s.d. 2028-01-09",
                "PPGD (teknis): ada s.d. 2027-02-09 (segera kedaluwarsa)",
                "BerAKHLAK (sosial kultural): ada",
                "SKP (manajerial): kedaluwarsa 2026-05-10",
                "Gizi (teknis): belum ada",
            ]
        );
        let en = competency_lines(p.competencies.as_deref().unwrap(), Lang::En);
        assert_eq!(
            en[1],
            "PPGD (teknis): held until 2027-02-09 (expiring soon)"
        );
        assert_eq!(en[4], "Gizi (teknis): missing");

        let md = p.markdown(Lang::Id);
        let at = |s: &str, what: &str| s.find(what).unwrap_or_else(|| panic!("{what} in {s}"));
        assert!(md.contains("- SKP (manajerial): kedaluwarsa 2026-05-10\n"));
        assert!(at(&md, "## Pelatihan") < at(&md, "## Kompetensi"));
        assert!(at(&md, "## Kompetensi") < at(&md, "## Talenta"));
        let text = p.text(Lang::En);
        assert!(
            text.contains(
                "Competencies\n------------\n\n- BTCLS (teknis): held until 2028-01-09\n"
            )
        );
        assert!(at(&text, "Competencies\n") < at(&text, "Talent (9-box)"));

        // A position without requirements says so; without the builder there is no section.
        let none = Profile::of(
            &pns(),
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![],
            today,
            &JpTargets::default(),
        );
        assert!(!none.markdown(Lang::Id).contains("## Kompetensi"));
        let empty = none.with_competencies(vec![]);
        assert!(
            empty
                .markdown(Lang::Id)
                .contains("## Kompetensi\n\n- jabatan ini belum punya kebutuhan kompetensi\n")
        );
    }
}
