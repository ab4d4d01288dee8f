//! The one-page profile of a person (issue 12) as data: identity, rank and years of
//! service, the pension date, position and unit; the predikat over the last periods; JP per
//! year against the person's own target; the trainings of the last two years; the
//! competencies the position requires; the 9-box; the open coaching; the latest evaluation
//! notes. [`Profile::build`] reads it from the store once; the profile screen draws it, and
//! its writers (`screens/profile_text.rs`: [`Profile::markdown`], [`Profile::text`]) write it
//! for printing on A4 (`x` on the screen, `kinerja profile NIP`). Each section is one field,
//! so a new section is one more field here, one more block in each of the three renderers.

use crate::domain::coaching::CoachingStatus;
use crate::domain::training::jp_in_year;
use crate::domain::{
    EmploymentKind, Evaluation, Golongan, JpTargets, Nip, Pension, Period, Predikat, Retiring, Sex,
    Staff, Training, retiring,
};
use crate::store::{Store, StoreError};
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
    /// A PPPK's JP over the span the 24 JP ceiling counts on the profile's day: the
    /// calendar year, or the contract year once [`Profile::with_contracts`] finds one in
    /// force (the store's `build` does); `None` for a PNS.
    pub ceiling: Option<CeilingJp>,
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
    /// The angka kredit of a functional person (issue 21), `None` for anyone else; drawn
    /// before the 9-box.
    pub angka_kredit: Option<crate::domain::KreditRecord>,
    /// The 9-box of the newest year with a potensial (or last year), when added by
    /// [`Profile::with_talent`] (the store's `build` does).
    pub talent: Option<TalentSection>,
    /// The coaching not closed yet (open or overdue), oldest first, when added by
    /// [`Profile::with_coaching`] (the store's `build` does).
    pub open_coaching: Option<Vec<(crate::domain::coaching::Coaching, CoachingStatus)>>,
    /// The notes of the newest evaluation that has any.
    pub notes: Option<LatestNotes>,
    /// The SKP in force (covering the profile's day, else the newest), once read: `None`
    /// when not read, `Some(None)` when the person has no SKP.
    pub skp: Option<Option<SkpSection>>,
    /// The day the profile was made: ages, service and provisional periods count to it.
    pub today: Date,
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

/// The person's place in the 9-box of PermenPANRB 3/2020 for one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalentSection {
    pub year: i16,
    pub potential: Option<crate::domain::PotentialEntry>,
    /// The annual predikat of the year.
    pub predikat: Option<crate::domain::Predikat>,
    /// The 9-box's kinerja row: the predikat on three levels (`kinerja_level`).
    pub kinerja: Option<crate::domain::Rating>,
    /// The box, or why there is none (never guessed).
    pub place: Result<u8, crate::domain::TalentGap>,
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

/// A PPPK's JP against the ceiling of 24 JP a contract year (PP 49/2018 Pasal 40).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CeilingJp {
    /// The contract year in force, or the calendar year without a contract.
    pub span: crate::domain::CeilingSpan,
    /// Completed trainings ending in the span.
    pub jp: u32,
}

impl CeilingJp {
    /// Above the ceiling: a warning, never a refusal.
    pub fn above(&self) -> bool {
        JpTargets::above_ceiling(true, self.jp)
    }
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

/// The SKP on the profile: its span and status, each RHK with its indicators, each
/// indicator's target and latest realisation with its capaian.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpSection {
    pub mulai: Date,
    pub selesai: Date,
    pub status: crate::domain::SkpStatus,
    pub rhk: Vec<SkpRhkLine>,
}

/// One RHK of the profile's SKP.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpRhkLine {
    pub jenis: crate::domain::JenisRhk,
    pub teks: String,
    pub indikator: Vec<SkpIndicatorLine>,
}

/// One indicator with its latest realisation (period, value, capaian) if any.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpIndicatorLine {
    pub aspek: crate::domain::Aspek,
    pub teks: String,
    pub target: crate::domain::Nilai,
    pub latest: Option<(Period, crate::domain::Nilai, Option<f64>)>,
}

impl SkpSection {
    /// The SKP of `skps` covering `today`, else the newest one; `None` when there is none.
    pub fn of(skps: &[crate::domain::Skp], today: Date) -> Option<SkpSection> {
        let skp = skps
            .iter()
            .filter(|s| s.mulai <= today && today <= s.selesai)
            .max_by_key(|s| (s.mulai, s.id))
            .or_else(|| skps.iter().max_by_key(|s| (s.selesai, s.id)))?;
        let rhk =
            skp.rhk
                .iter()
                .map(|r| SkpRhkLine {
                    jenis: r.jenis,
                    teks: r.teks.clone(),
                    indikator: r
                        .indikator
                        .iter()
                        .map(|i| SkpIndicatorLine {
                            aspek: i.aspek,
                            teks: i.teks.clone(),
                            target: i.target.clone(),
                            latest: i.realisasi.iter().max_by_key(|x| x.period.sort_key()).map(
                                |x| {
                                    (
                                        x.period,
                                        x.nilai.clone(),
                                        crate::domain::skp::capaian(i.aspek, &i.target, &x.nilai),
                                    )
                                },
                            ),
                        })
                        .collect(),
                })
                .collect();
        Some(SkpSection {
            mulai: skp.mulai,
            selesai: skp.selesai,
            status: skp.status,
            rhk,
        })
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
        let annual: Vec<(i16, crate::domain::Predikat)> = evaluations
            .iter()
            .filter(|e| e.period.kind == crate::domain::PeriodKind::Tahunan)
            .map(|e| (e.period.year, e.predikat()))
            .collect();
        let trainings = store.trainings_of(nip)?;
        let all_trainings = trainings.clone();
        let contracts = if staff.nip.kind().is_pppk() {
            store.contracts_of(nip)?
        } else {
            crate::domain::Contracts::default()
        };
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
            .with_talent(&store.potentials_of(nip)?, &annual)
            .with_coaching(store.coaching_of(nip)?)
            .with_skp(&store.skp_of(nip)?)
            .with_contracts(&contracts, &all_trainings),
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
        let angka_kredit =
            crate::views::angka_kredit::of_person(staff.jabatan.jenis, &evaluations, today);
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

        let pppk = staff.nip.kind().is_pppk();
        let year = today.year();
        let ceiling = pppk.then(|| CeilingJp {
            span: crate::domain::CeilingSpan::calendar(year),
            jp: jp_in_year(&trainings, year),
        });
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
            ceiling,
            training_years,
            trainings: recent,
            competencies: None,
            angka_kredit,
            talent: None,
            open_coaching: None,
            notes,
            skp: None,
            today,
        }
    }

    /// A PPPK's ceiling counted per contract year (PP 49/2018 Pasal 40): with a contract in
    /// force on the profile's day, the JP of its contract year from `trainings` (all the
    /// person's), and the calendar years are no longer flagged; without one, the calendar
    /// year stays.
    pub fn with_contracts(
        mut self,
        contracts: &crate::domain::Contracts,
        trainings: &[Training],
    ) -> Profile {
        let span = contracts.ceiling_span(self.today);
        if self.ceiling.is_some() && span.contract {
            self.ceiling = Some(CeilingJp {
                span,
                jp: crate::domain::training::jp_between(trainings, span.start, span.end),
            });
            for y in &mut self.jp {
                y.above_ceiling = false;
            }
        }
        self
    }

    /// Adds the SKP in force on the profile's day ([`SkpSection::of`]).
    pub fn with_skp(mut self, skps: &[crate::domain::Skp]) -> Profile {
        self.skp = Some(SkpSection::of(skps, self.today));
        self
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
    /// evaluation (else the newest potensial's year, else last year): `annual` is each
    /// year's annual predikat (the decided result), which gives the kinerja row.
    pub fn with_talent(
        mut self,
        potentials: &crate::domain::Potentials,
        annual: &[(i16, crate::domain::Predikat)],
    ) -> Profile {
        // The newest year with both a potensial and an annual evaluation; failing that, the
        // newest potensial's year; failing that, last year.
        let both = potentials
            .items
            .iter()
            .rev()
            .find(|e| annual.iter().any(|(y, _)| *y == e.year));
        let potential = both.or(potentials.items.last()).cloned();
        let year = potential.as_ref().map_or(self.today.year() - 1, |e| e.year);
        let predikat = annual.iter().find(|(y, _)| *y == year).map(|(_, p)| *p);
        self.talent = Some(TalentSection {
            year,
            place: crate::domain::placement(predikat, potential.as_ref().map(|e| e.potensial)),
            potential,
            predikat,
            kinerja: predikat.map(crate::domain::kinerja_level),
        });
        self
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::{
        Jabatan, JenisJabatan, OrganiserKind, Pendidikan, PeriodKind, Rating, TrainingKind,
        TrainingStatus,
    };
    use jiff::civil::date;

    pub(crate) fn staff(nip: &str, golongan: Golongan) -> Staff {
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

    pub(crate) fn training(id: u32, judul: &str, mulai: Date, jp: u16) -> Training {
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

    pub(crate) fn evaluation(
        period: Period,
        hasil: Rating,
        perilaku: Rating,
        catatan: &str,
    ) -> Evaluation {
        Evaluation {
            id: 0,
            period,
            hasil_kerja: hasil,
            perilaku,
            berakhlak: Default::default(),
            penilai: None,
            atasan_penilai: None,
            catatan: catatan.into(),
            revision: 1,
            diterima: None,
            keberatan: None,
            pegawai: None,
        }
    }

    pub(crate) fn pns() -> Staff {
        staff(
            "198503302010012002",
            Golongan::parse("III/c", false).unwrap(),
        )
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
}
