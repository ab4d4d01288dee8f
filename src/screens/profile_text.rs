//! The one-page profile (issue 12) written out: the lines the profile screen and both
//! documents share (competencies, 9-box, open coaching), and [`Profile::markdown`] and
//! [`Profile::text`] for printing on A4 (`x` on the screen, `kinerja profile NIP`). The data
//! is [`crate::views::profile`]; the texts are the interface's, in its language.

use crate::domain::coaching::CoachingStatus;
use crate::domain::{
    EmploymentKind, Golongan, Period, PeriodKind, Sex, Training, TrainingStatus, format_date,
};
use crate::ui::labels::period_text;
use crate::ui::lang::{Lang, T};
use crate::views::profile::{CompetencyLine, Identity, JpYear, Profile, TalentSection};

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

impl TalentSection {
    /// The section's lines, as plain text in the interface language (the screen, the
    /// Markdown and the text all say the same).
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let english = lang == Lang::En;
        // The predikat and the row it gives: `Sangat Baik (Di Atas)`.
        let kinerja = match (self.predikat, self.kinerja) {
            (Some(p), Some(k)) => format!(
                "{} ({})",
                p.label(),
                crate::ui::labels::rating_text(k, lang)
            ),
            _ => "-".to_string(),
        };
        let potensial = match &self.potential {
            Some(e) => format!(
                "{} ({}, {})",
                crate::ui::labels::potensial_text(e.potensial, lang),
                crate::ui::labels::potensial_source_text(e.source, lang),
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

/// The profile's SKP section as a heading and lines: each RHK on a line (`1. Utama: ...`),
/// each indicator indented two spaces with its target and latest realisation and capaian
/// (`Kuantitas: ... | target 12 laporan | TW III 2026: 9 laporan (75%)`). The screen wraps
/// them, the Markdown makes them lists, the text prints them.
pub fn skp_lines(
    section: &Option<crate::views::profile::SkpSection>,
    lang: Lang,
) -> (String, Vec<String>) {
    let Some(s) = section else {
        return (
            T::SkpHeading.get(lang).to_string(),
            vec![T::NoSkp.get(lang).to_string()],
        );
    };
    let status = match s.status {
        crate::domain::SkpStatus::Draft => T::SkpDraft.get(lang).to_string(),
        crate::domain::SkpStatus::Ditetapkan(d) => {
            format!("{} {}", T::SkpSetOnShort.get(lang), format_date(d))
        }
    };
    let heading = format!(
        "{} {} - {} ({status})",
        T::SkpHeading.get(lang),
        format_date(s.mulai),
        format_date(s.selesai)
    );
    let mut lines = Vec::new();
    for (n, r) in s.rhk.iter().enumerate() {
        lines.push(format!(
            "{}. {}: {}",
            n + 1,
            crate::ui::skp_labels::jenis_text(r.jenis, lang),
            r.teks
        ));
        for i in &r.indikator {
            let latest = match &i.latest {
                Some((period, value, capaian)) => {
                    let mut x = format!("{}: {value}", period_text(*period, lang));
                    if capaian.is_some() {
                        x.push_str(&format!(" ({})", crate::views::skp::capaian_text(*capaian)));
                    }
                    x
                }
                None => T::NotRealised.get(lang).to_string(),
            };
            lines.push(format!(
                "  {}: {} | {} {} | {latest}",
                crate::ui::skp_labels::aspek_text(i.aspek, lang),
                i.teks,
                T::TargetWord.get(lang),
                i.target
            ));
        }
    }
    (heading, lines)
}

/// The angka kredit section (issue 21) as lines of plain text: each year's counted credit
/// with the evaluations it comes from (`2025: 9,375 (tahunan Butuh Perbaikan)`, `2026:
/// 2,344 (TW1 Sangat Kurang, TW2 Sangat Kurang, TW3 Baik sementara)`), the total toward the
/// next jenjang, and where the count starts.
pub fn kredit_lines(r: &crate::domain::KreditRecord, lang: Lang) -> Vec<String> {
    use crate::domain::KreditStatus;
    use crate::ui::labels::{kredit_text, kredit_total_text};
    let mut out = Vec::new();
    let mut years: Vec<i16> = r.entries.iter().map(|e| e.period.year).collect();
    years.dedup();
    if years.is_empty() {
        out.push(T::AkNone.get(lang).to_string());
    }
    for year in years {
        let parts: Vec<String> = r
            .entries
            .iter()
            .filter(|e| e.period.year == year)
            .filter(|e| matches!(e.status, KreditStatus::Dihitung | KreditStatus::Sementara))
            .map(|e| {
                let name = match e.period.kind {
                    PeriodKind::Tahunan => T::AkAnnualWord.get(lang).to_string(),
                    _ => period_short(e.period, lang)
                        .trim_end_matches(&format!(" {year}"))
                        .to_string(),
                };
                let mut part = format!("{name} {}", e.predikat.label());
                if e.status == KreditStatus::Sementara {
                    part.push_str(&format!(" {}", T::Provisional.get(lang)));
                }
                part
            })
            .collect();
        out.push(format!(
            "{year}: {} ({})",
            kredit_text(r.of_year(year), lang),
            parts.join(", ")
        ));
    }
    out.push(kredit_total_text(r, lang));
    out.push(T::AkNote.get(lang).replace(
        "{year}",
        &crate::domain::angka_kredit::FIRST_YEAR.to_string(),
    ));
    out
}

impl Profile {
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
                    period_text(p.period, lang),
                    p.predikat.label()
                ));
            }
            out.push('\n');
            if self.trend.iter().any(|p| p.provisional) {
                out.push_str(&format!("{}\n\n", md(t(T::ProvisionalMark))));
            }
        }

        if self.skp.is_some() {
            let (heading, lines) = skp_lines(self.skp.as_ref().unwrap_or(&None), lang);
            out.push_str(&format!("## {}\n\n", md(&heading)));
            for line in lines {
                match line.strip_prefix("  ") {
                    Some(rest) => out.push_str(&format!("  - {}\n", md(rest))),
                    None => out.push_str(&format!("- {}\n", md(&line))),
                }
            }
            out.push('\n');
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

        if let Some(kredit) = &self.angka_kredit {
            out.push_str(&format!("## {}\n\n", md(t(T::AkTitle))));
            for line in kredit_lines(kredit, lang) {
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
                out.push_str(&format!(
                    "## {} ({})\n\n",
                    t(T::LatestNotes),
                    period_text(n.period, lang)
                ));
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
                    period_text(p.period, lang),
                    p.predikat.label()
                ));
            }
            out.push('\n');
            if self.trend.iter().any(|p| p.provisional) {
                out.push_str(&format!("{}\n\n", t(T::ProvisionalMark)));
            }
        }

        if let Some(section) = &self.skp {
            let (title, lines) = skp_lines(section, lang);
            heading(&mut out, &title, '-');
            for line in lines {
                let indent = if line.starts_with("  ") {
                    "     "
                } else {
                    "   "
                };
                for (i, l) in wrap(line.trim_start(), TEXT_WIDTH - indent.len())
                    .into_iter()
                    .enumerate()
                {
                    let lead = if i == 0 {
                        &indent[..indent.len() - 2]
                    } else {
                        indent
                    };
                    out.push_str(&format!("{lead}{l}\n"));
                }
            }
            out.push('\n');
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

        if let Some(kredit) = &self.angka_kredit {
            heading(&mut out, t(T::AkTitle), '-');
            for line in kredit_lines(kredit, lang) {
                for l in wrap(&line, TEXT_WIDTH - 2) {
                    out.push_str(&format!("  {l}\n"));
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
                    &format!("{} ({})", t(T::LatestNotes), period_text(n.period, lang)),
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
            EmploymentKind::Pppk | EmploymentKind::PppkParuhWaktu => format!(
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
        // Counted per contract year while a contract is in force (PP 49/2018 Pasal 40).
        if let Some(c) = self.ceiling.filter(|c| c.span.contract) {
            let mut line = format!(
                "{} {} - {}: {} JP",
                T::ContractYearNow.get(lang),
                crate::domain::format_date(c.span.start),
                crate::domain::format_date(c.span.end),
                c.jp
            );
            if c.above() {
                line = format!("{line}, {}", T::JpAboveCeiling.get(lang));
            }
            notes.push(line);
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
        PeriodKind::Rentang(a, b) => format!("{a:02}-{b:02}/{:02}", p.year % 100),
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
    use crate::domain::{JpTargets, Rating};
    use crate::views::profile::tests::{evaluation, pns, staff, training};
    use jiff::civil::{Date, date};

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
            pemberi: crate::domain::PersonAtTime {
                nip: None,
                nama: "Budi Tarigan".into(),
                ..Default::default()
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
            rhk: None,
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

#[cfg(test)]
mod skp_tests {
    use super::*;
    use crate::domain::JpTargets;
    use crate::domain::{
        Aspek, Indikator, Intervensi, JenisRhk, Nilai, PeriodKind, PersonAtTime, Rhk, Skp,
        SkpStatus,
    };
    use crate::views::profile::SkpSection;
    use jiff::civil::date;

    fn plan(year: i16) -> Skp {
        let mut s = Skp::new_year(
            year,
            PersonAtTime::named("Pegawai", None),
            PersonAtTime::named("Kepala", None),
        );
        s.status = SkpStatus::Ditetapkan(date(year, 1, 6));
        let mut r = Rhk::new(JenisRhk::Utama, "Terlayaninya pasien", Intervensi::None);
        r.indikator.push(Indikator {
            id: 0,
            aspek: Aspek::Kuantitas,
            teks: "Jumlah pasien".into(),
            target: Nilai::parse("1.200 pasien").expect("target"),
            realisasi: Vec::new(),
        });
        r.indikator.push(Indikator {
            id: 0,
            aspek: Aspek::Waktu,
            teks: "Waktu tunggu".into(),
            target: Nilai::parse("30 menit").expect("target"),
            realisasi: Vec::new(),
        });
        s.rhk.push(r);
        s.number();
        s
    }

    #[test]
    fn the_profile_lists_the_rhk_and_the_latest_realisation_with_its_capaian() {
        let mut now = plan(2026);
        let id = now.rhk[0].indikator[0].id;
        let i = now.indikator_mut(id).expect("indicator");
        for (q, v) in [(1, "250 pasien"), (3, "900 pasien"), (2, "600 pasien")] {
            let period = Period::new(2026, PeriodKind::Triwulan(q)).expect("quarter");
            i.set_realisasi(period, Nilai::parse(v), "");
        }
        let mut old = plan(2025);
        old.id = 1;
        now.id = 2;
        let section = SkpSection::of(&[old, now], date(2026, 11, 28));
        let (heading, lines) = skp_lines(&section, Lang::Id);
        assert_eq!(
            heading,
            "SKP 2026-01-01 - 2026-12-31 (ditetapkan 2026-01-06)"
        );
        assert_eq!(
            lines,
            vec![
                "1. Utama: Terlayaninya pasien",
                "  Kuantitas: Jumlah pasien | target 1.200 pasien | Triwulan III 2026: 900 pasien (75%)",
                "  Waktu: Waktu tunggu | target 30 menit | belum ada realisasi",
            ]
        );
        let (_, none) = skp_lines(&None, Lang::En);
        assert_eq!(none, vec!["no SKP yet"]);
    }

    #[test]
    fn markdown_and_text_carry_the_skp_section() {
        let p = Profile::of(
            &crate::views::profile::tests::pns(),
            "Puskesmas Belawan".into(),
            false,
            vec![],
            vec![],
            date(2026, 11, 28),
            &JpTargets::default(),
        );
        assert!(
            !p.markdown(Lang::Id).contains("SKP"),
            "not read: no section"
        );
        let p = p.with_skp(&[plan(2026)]);
        let md = p.markdown(Lang::Id);
        assert!(md.contains("## SKP 2026-01-01 - 2026-12-31"), "{md}");
        assert!(md.contains("- 1. Utama: Terlayaninya pasien"), "{md}");
        assert!(
            md.contains("  - Waktu: Waktu tunggu \\| target 30 menit"),
            "{md}"
        );
        let text = p.text(Lang::En);
        assert!(
            text.contains("SKP 2026-01-01 - 2026-12-31 (set on 2026-01-06)"),
            "{text}"
        );
        assert!(
            text.lines().all(|l| l.chars().count() <= TEXT_WIDTH),
            "{text}"
        );
        let none = p.with_skp(&[]).markdown(Lang::Id);
        assert!(none.contains("## SKP\n\n- belum ada SKP"), "{none}");
    }
}
