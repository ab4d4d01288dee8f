//! "SKP for N people" (`S` on the staff list, for everyone marked): one form of span,
//! approach, evaluator and RHK with their indicators, saved as each person's own SKP, then
//! adjusted per person on their SKP screen. Opened from a unit head's SKP (`C`, cascade),
//! the head's RHK fill it, each one the intervensi (linked) of the staff's RHK.
//!
//! Who already has an SKP overlapping the span is skipped, and said, before and after
//! saving; the evaluator left empty is each person's own (their unit head, else their
//! latest evaluator).

use super::data::{nip_of, span_problems};
use super::labels::{form_text, jenis_text, pendekatan_text};
use super::rhk::{ind_check, ind_fields, interv_fields, interv_follow, read_ind, read_interv};
use super::slots::{self, MAX_TPL_RHK, TPL_IND};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{
    Indikator, Intervensi, JenisRhk, Pendekatan, PersonAtTime, Rhk, Skp, SkpForm, SkpStatus,
    format_date, parse_date,
};
use crate::screens::{FormSpec, Outcome};
use crate::ui::form::{Field, Form, options};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use crate::views::skp::Superior;
use jiff::civil::Date;
use ratatui::text::{Line, Span};

const MULAI: &str = "mulai";
const SELESAI: &str = "selesai";
const FORM_KIND: &str = "bentuk";
const PENDEKATAN: &str = "pendekatan";
const STATUS: &str = "status";
const SET_ON: &str = "ditetapkan";
const PENILAI: &str = "penilai_nama";
const PENILAI_NIP: &str = "penilai_nip";

/// One person the template is for: NIP, name, and the spans of their SKPs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatePerson {
    pub nip: String,
    pub name: String,
    pub spans: Vec<(Date, Date)>,
}

pub struct TemplateForm {
    people: Vec<TemplatePerson>,
    superior: Option<Superior>,
    cascade: bool,
    /// RHK rows offered.
    rows: usize,
    /// Offered as the day the SKPs are set (ditetapkan) when that status is chosen.
    today: Date,
    form: Form,
}

impl TemplateForm {
    /// The form for `people` over `span` (offered; a year or the head's span);
    /// `superior`: the unit head's plan their RHK can support (when they share one unit);
    /// `cascade`: that plan's RHK fill the rows, each of the same kind (Utama, Tambahan)
    /// as the head's.
    pub fn new(
        people: Vec<TemplatePerson>,
        superior: Option<Superior>,
        cascade: bool,
        span: (Date, Date),
        today: Date,
        ui: &Ui,
    ) -> TemplateForm {
        let from_head = if cascade {
            superior.as_ref().map_or(0, |s| s.rhk.len())
        } else {
            0
        };
        let rows = (from_head + 1).clamp(3, MAX_TPL_RHK);
        let mut fields = vec![
            Field::date(MULAI, ui.t(T::SkpMulai), &format_date(span.0)),
            Field::date(SELESAI, ui.t(T::SkpSelesai), &format_date(span.1)),
            Field::choice(
                FORM_KIND,
                ui.t(T::SkpFormKind),
                options(&SkpForm::ALL, |f| form_text(f, ui.lang)),
                Some(0),
            ),
            Field::choice(
                PENDEKATAN,
                ui.t(T::SkpPendekatan),
                options(&Pendekatan::ALL, |p| pendekatan_text(p, ui.lang)),
                Some(0),
            ),
            // A group is set at once, or left Draft to adjust person by person.
            Field::choice(
                STATUS,
                ui.t(T::Status),
                vec![
                    super::labels::status_word(SkpStatus::Draft, ui.lang).into(),
                    ui.t(T::SkpDitetapkan).into(),
                ],
                Some(0),
            ),
            Field::date(SET_ON, ui.t(T::SkpSetOn), ""),
            Field::text(PENILAI, ui.t(T::SkpPenilaiFull), 100, "").width(40),
            Field::digits(PENILAI_NIP, ui.t(T::SkpNipOptional), 23, true, ""),
        ];
        for r in 0..rows {
            let ids = slots::tpl(r);
            let from = match (&superior, cascade) {
                (Some(s), true) => s.rhk.get(r),
                _ => None,
            };
            let current = from.and_then(|(id, teks, _)| {
                superior.as_ref().map(|s| Intervensi::Atasan {
                    link: s.link(*id),
                    teks: teks.clone(),
                })
            });
            // The head's kind is kept: a Tambahan RHK cascades as Tambahan.
            let jenis = from.map_or(JenisRhk::Utama, |(_, _, j)| *j);
            fields.push(Field::choice(
                ids.jenis,
                format!("RHK {}", r + 1),
                options(&JenisRhk::ALL, |j| jenis_text(j, ui.lang)),
                JenisRhk::ALL.iter().position(|j| *j == jenis),
            ));
            fields.push(
                Field::text(
                    ids.teks,
                    format!("  {}", ui.t(T::SkpRhkText)),
                    500,
                    current.as_ref().map_or("", |c| c.teks()),
                )
                .width(56),
            );
            let mut interv = interv_fields(
                (ids.interv, ids.interv_teks),
                current.as_ref().unwrap_or(&Intervensi::None),
                superior.as_ref(),
                false,
                ui,
            );
            for f in &mut interv {
                f.label = format!("  {}", f.label);
            }
            fields.extend(interv);
            for (k, ind) in ids.ind.iter().enumerate() {
                let mut row = ind_fields(*ind, k + 1, None, ui);
                for f in &mut row {
                    f.label = format!("  {}", f.label);
                }
                fields.extend(row);
            }
        }
        let title = if cascade {
            format!("{} ({})", ui.t(T::SkpCascadeTitle), people.len())
        } else {
            format!(
                "{} {} {}",
                ui.t(T::SkpTemplateTitle),
                people.len(),
                ui.t(T::SkpPeopleWord)
            )
        };
        let mut form = TemplateForm {
            people,
            superior,
            cascade,
            rows,
            today,
            form: Form::new(title, fields, true),
        };
        form.form.focus_on(slots::tpl(0).teks);
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    /// The NIPs the template is for.
    pub fn nips(&self) -> Vec<String> {
        self.people.iter().map(|p| p.nip.clone()).collect()
    }

    fn ditetapkan(&self) -> bool {
        self.form.choice(STATUS) == Some(1)
    }

    /// How many of the people have an SKP overlapping the span typed.
    fn taken(&self) -> usize {
        let (Some(a), Some(b)) = (
            parse_date(&self.form.text(MULAI)),
            parse_date(&self.form.text(SELESAI)),
        ) else {
            return 0;
        };
        self.people
            .iter()
            .filter(|p| p.spans.iter().any(|(x, y)| *x <= b && a <= *y))
            .count()
    }

    fn rhk(&self, r: usize) -> Option<Option<Rhk>> {
        let ids = slots::tpl(r);
        let teks = clean_multiline(&self.form.text(ids.teks));
        let rows: Vec<_> = ids
            .ind
            .iter()
            .filter_map(|i| read_ind(&self.form, *i))
            .collect();
        if teks.is_empty() && rows.is_empty() {
            return Some(None);
        }
        let mut rhk = Rhk::new(
            *JenisRhk::ALL.get(self.form.choice(ids.jenis)?)?,
            &teks,
            read_interv(
                &self.form,
                (ids.interv, ids.interv_teks),
                self.superior.as_ref(),
                false,
            ),
        );
        for (aspek, teks, target) in rows {
            rhk.indikator.push(Indikator {
                id: 0,
                aspek,
                teks,
                target: target?,
                realisasi: Vec::new(),
            });
        }
        Some(Some(rhk))
    }
}

/// The draft's name of a template form for `nips`, after the officer's prefix.
pub fn template_draft_name(nips: &[String]) -> String {
    let mut sorted = nips.to_vec();
    sorted.sort();
    // FNV-1a: the same people give the same name in every session.
    let mut h: u32 = 0x811c_9dc5;
    for b in sorted.concat().bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("skp-kelompok/{}-{h:08x}", nips.len())
}

impl FormSpec for TemplateForm {
    type Record = Skp;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.cascade {
            T::SkpCascadeTitle
        } else {
            T::SkpTemplateTitle
        }
    }

    fn draft_id(&self) -> String {
        template_draft_name(&self.nips())
    }

    fn revision(&self) -> u64 {
        0
    }

    fn set_revision(&mut self, _revision: u64) {}

    fn refresh(&mut self, ui: &Ui) {
        let mut out = Vec::new();
        span_problems(&self.form, (MULAI, SELESAI), ui, &mut out);
        let taken = self.taken();
        self.form.field_mut(MULAI).note = (taken > 0).then(|| {
            if taken == self.people.len() {
                ui.t(T::SkpTemplateAllTaken)
                    .replace("{n}", &taken.to_string())
            } else {
                format!("{taken} {}", ui.t(T::SkpTemplateTaken))
            }
        });
        self.form.field_mut(SET_ON).hidden = !self.ditetapkan();
        if self.ditetapkan() && parse_date(&self.form.text(SET_ON)).is_none() {
            let why = if self.form.text(SET_ON).trim().is_empty() {
                T::Required
            } else {
                T::ErrDate
            };
            out.push((SET_ON, ui.t(why).to_string()));
        }
        if let Err(e) = nip_of(&self.form.text(PENILAI_NIP)) {
            out.push((PENILAI_NIP, crate::ui::errors::nip_error_text(ui, &e)));
        }
        self.form.field_mut(PENILAI).note = clean_line(&self.form.text(PENILAI))
            .is_empty()
            .then(|| ui.t(T::SkpTemplateOwnEvaluator).to_string());
        let pendekatan = if self.form.choice(PENDEKATAN) == Some(1) {
            Pendekatan::Kualitatif
        } else {
            Pendekatan::Kuantitatif
        };
        let mut any = false;
        for r in 0..self.rows {
            let ids = slots::tpl(r);
            interv_follow(
                &mut self.form,
                (ids.interv, ids.interv_teks),
                self.superior.as_ref(),
                false,
            );
            let teks = clean_line(&self.form.text(ids.teks));
            let mut rows = false;
            for k in 0..TPL_IND {
                rows |= read_ind(&self.form, ids.ind[k]).is_some();
                ind_check(&mut self.form, ids.ind[k], pendekatan, ui, &mut out);
            }
            if teks.is_empty() && rows {
                out.push((ids.teks, ui.t(T::Required).to_string()));
            }
            any |= !teks.is_empty();
        }
        if !any {
            out.insert(0, (slots::tpl(0).teks, ui.t(T::SkpErrNoRhk).to_string()));
        }
        self.form.set_problems(out);
    }

    fn build(&self) -> Option<Skp> {
        let mulai = parse_date(&self.form.text(MULAI))?;
        let penilai = PersonAtTime {
            nip: nip_of(&self.form.text(PENILAI_NIP)).ok()?,
            nama: clean_line(&self.form.text(PENILAI)),
            ..Default::default()
        };
        let mut s = Skp::new_year(mulai.year(), PersonAtTime::default(), penilai);
        s.mulai = mulai;
        s.selesai = parse_date(&self.form.text(SELESAI))?;
        s.form = *SkpForm::ALL.get(self.form.choice(FORM_KIND)?)?;
        s.pendekatan = *Pendekatan::ALL.get(self.form.choice(PENDEKATAN)?)?;
        if self.ditetapkan() {
            s.status = SkpStatus::Ditetapkan(parse_date(&self.form.text(SET_ON))?);
        }
        for r in 0..self.rows {
            if let Some(rhk) = self.rhk(r)? {
                s.rhk.push(rhk);
            }
        }
        Some(s)
    }

    fn save_outcome(&self, skp: Skp) -> Outcome {
        Outcome::SaveSkpGroup(self.nips(), Box::new(skp))
    }

    /// Setting the status to Ditetapkan offers today as the day they are set.
    fn edited(&mut self, id: &'static str, ui: &Ui) -> Outcome {
        if id == STATUS && self.ditetapkan() && self.form.text(SET_ON).trim().is_empty() {
            self.form.set_text(SET_ON, &format_date(self.today));
        }
        self.refresh(ui);
        Outcome::Changed
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        // As many names as fit whole, then how many more: the count is never cut.
        let total = self.people.len();
        let mut names = String::new();
        let mut shown = 0;
        for p in &self.people {
            let more = format!(" +{}", total - shown - 1);
            let sep = if names.is_empty() { "" } else { "; " };
            let room = if shown + 1 == total {
                0
            } else {
                more.chars().count()
            };
            if names.chars().count() + sep.len() + p.name.chars().count() + room > width {
                break;
            }
            names.push_str(sep);
            names.push_str(&p.name);
            shown += 1;
        }
        if shown < total {
            names.push_str(&format!(" +{}", total - shown));
        }
        let mut lines = vec![Line::from(Span::styled(
            format!(" {}", fit(ui, &names, width)),
            ui.theme.header(),
        ))];
        if let Some(s) = self.superior.as_ref().filter(|_| self.cascade) {
            lines.push(Line::from(Span::raw(format!(
                " {}",
                fit(
                    ui,
                    &format!("{}: {}", ui.t(T::SkpCascadeFrom), s.nama),
                    width
                )
            ))));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn today() -> Date {
        date(2026, 11, 28)
    }

    fn year() -> (Date, Date) {
        (date(2026, 1, 1), date(2026, 12, 31))
    }

    fn people(n: usize) -> Vec<TemplatePerson> {
        (0..n)
            .map(|i| TemplatePerson {
                nip: format!("{i}"),
                name: format!("Orang {i}"),
                spans: if i == 0 {
                    vec![(date(2026, 1, 1), date(2026, 12, 31))]
                } else {
                    Vec::new()
                },
            })
            .collect()
    }

    #[test]
    fn a_cascade_fills_the_rows_with_the_heads_rhk_linked() {
        let ui = Ui::default();
        let sup = Superior {
            nip: "197001012000031001".into(),
            nama: "Budi".into(),
            skp_id: 2,
            rhk: vec![
                (5, "Cakupan naik".into(), JenisRhk::Utama),
                (6, "Antrean singkat".into(), JenisRhk::Tambahan),
            ],
        };
        let mut f = TemplateForm::new(people(4), Some(sup), true, year(), today(), &ui);
        assert_eq!(f.rows, 3);
        assert_eq!(f.form.text(slots::tpl(1).teks), "Antrean singkat");
        assert!(
            f.form
                .field(MULAI)
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with("1 ")),
            "one person already has an SKP for 2026"
        );
        // RHK without indicators are allowed; targets are checked where given.
        f.form
            .set_text(slots::tpl(0).ind[0].teks, "Bayi diimunisasi");
        f.form.set_text(slots::tpl(0).ind[0].target, "30 bayi");
        f.refresh(&ui);
        assert!(
            f.form.first_problem().is_none(),
            "{:?}",
            f.form.first_problem()
        );
        let skp = f.build().expect("builds");
        assert_eq!(skp.rhk.len(), 2);
        assert_eq!(
            (skp.rhk[0].jenis, skp.rhk[1].jenis),
            (JenisRhk::Utama, JenisRhk::Tambahan),
            "the head's kinds kept"
        );
        assert_eq!(skp.status, SkpStatus::Draft, "Draft unless set");
        assert_eq!(
            skp.rhk[1].intervensi,
            Intervensi::Atasan {
                link: Some(("197001012000031001".into(), 2, 6)),
                teks: "Antrean singkat".into()
            }
        );
        assert_eq!(skp.rhk[0].indikator.len(), 1);
        assert!(skp.penilai.nama.is_empty(), "each person's own evaluator");
        assert_eq!(
            template_draft_name(&f.nips()),
            template_draft_name(&["3".into(), "2".into(), "1".into(), "0".into()])
        );
    }

    #[test]
    fn a_template_needs_one_rhk() {
        let ui = Ui::default();
        let f = TemplateForm::new(people(2), None, false, year(), today(), &ui);
        assert_eq!(
            f.form.first_problem().map(|p| p.0),
            Some(slots::tpl(0).teks)
        );
    }

    #[test]
    fn a_group_is_set_at_once_with_today_offered() {
        use crate::screens::Screen;
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let ui = Ui::default();
        let mut f = TemplateForm::new(people(3), None, false, year(), today(), &ui);
        f.form.set_text(slots::tpl(0).teks, "Laporan tersusun");
        assert!(f.form.field(SET_ON).hidden, "Draft: no date asked");
        f.form.focus_on(STATUS);
        f.handle(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE), &ui);
        assert!(!f.form.field(SET_ON).hidden);
        assert_eq!(f.form.text(SET_ON), "2026-11-28", "today offered");
        let skp = f.build().expect("builds");
        assert_eq!(skp.status, SkpStatus::Ditetapkan(date(2026, 11, 28)));
        // Everyone has an SKP over the span: said with the count first.
        let mut all = people(2);
        all[1].spans = all[0].spans.clone();
        let f = TemplateForm::new(all, None, false, year(), today(), &ui);
        assert_eq!(
            f.form.field(MULAI).note.as_deref(),
            Some("semua 2 orang sudah punya SKP beririsan")
        );
    }
}
