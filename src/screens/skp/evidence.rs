//! Evidence (bukti dukung: what, when, where it is kept; no file is uploaded) and feedback
//! (umpan balik berkelanjutan: when, from whom, what) for an RHK or one of its indicators,
//! recorded during the period (`b` and `m` on the SKP screen; `Enter` on its list to edit,
//! `Ctrl-D` there to delete). Saving saves the whole SKP.

use super::{NoteKind, NoteRef};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{Bukti, Skp, UmpanBalik, format_date, parse_date};
use crate::screens::{FormSpec, Outcome};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use jiff::civil::Date;
use ratatui::text::{Line, Span};

const ABOUT: &str = "tentang";
const DATE: &str = "tanggal";
const WHAT: &str = "uraian";
const WHERE: &str = "lokasi";
const FROM: &str = "dari";
const TEXT: &str = "teks";

pub struct EvidenceForm {
    nip: String,
    name: String,
    base: Skp,
    at: NoteRef,
    /// The RHK's position in the SKP.
    rhk: usize,
    today: Date,
    form: Form,
}

impl EvidenceForm {
    /// Evidence or feedback `at` of the SKP `base` of the person `nip` (`name` shown
    /// above); a new one is dated today and feedback is from the evaluator. `None` when the
    /// RHK (or the entry) is no longer in the SKP.
    pub fn new(
        nip: &str,
        name: &str,
        base: Skp,
        at: NoteRef,
        today: Date,
        ui: &Ui,
    ) -> Option<EvidenceForm> {
        let r = base.rhk.iter().position(|r| r.id == at.rhk)?;
        let rhk = &base.rhk[r];
        let bukti = match (at.kind, at.id) {
            (NoteKind::Bukti, Some(id)) => Some(rhk.bukti.iter().find(|b| b.id == id)?.clone()),
            _ => None,
        };
        let umpan = match (at.kind, at.id) {
            (NoteKind::UmpanBalik, Some(id)) => {
                Some(rhk.umpan_balik.iter().find(|u| u.id == id)?.clone())
            }
            _ => None,
        };
        let about_now = bukti
            .as_ref()
            .map(|b| b.indikator)
            .or(umpan.as_ref().map(|u| u.indikator))
            .unwrap_or(at.indikator);
        let mut about = vec![format!("RHK {} ({})", r + 1, ui.t(T::SkpWholeRhk))];
        about.extend(
            rhk.indikator
                .iter()
                .enumerate()
                .map(|(i, ind)| format!("IKI {}: {}", i + 1, ind.teks.replace('\n', " "))),
        );
        let about_i = match about_now {
            None => Some(0),
            Some(id) => rhk.indikator.iter().position(|i| i.id == id).map(|i| i + 1),
        };
        let date = bukti
            .as_ref()
            .map(|b| b.tanggal)
            .or(umpan.as_ref().map(|u| u.tanggal))
            .unwrap_or(today);
        let mut fields = vec![
            Field::choice(ABOUT, ui.t(T::SkpAbout), about, about_i).width(56),
            Field::date(DATE, ui.t(T::CoachingDate), &format_date(date)),
        ];
        match at.kind {
            NoteKind::Bukti => fields.extend([
                Field::text(
                    WHAT,
                    ui.t(T::SkpBuktiWhat),
                    300,
                    bukti.as_ref().map_or("", |b| &b.uraian),
                )
                .width(56),
                Field::text(
                    WHERE,
                    ui.t(T::SkpBuktiWhere),
                    300,
                    bukti.as_ref().map_or("", |b| &b.lokasi),
                )
                .width(56),
            ]),
            NoteKind::UmpanBalik => fields.extend([
                Field::text(
                    FROM,
                    ui.t(T::SkpUmpanFrom),
                    100,
                    umpan.as_ref().map_or(&base.penilai.nama, |u| &u.dari),
                )
                .width(40),
                Field::notes(
                    TEXT,
                    ui.t(T::SkpUmpanText),
                    2000,
                    umpan.as_ref().map_or("", |u| &u.teks),
                ),
            ]),
        }
        let is_new = at.id.is_none();
        let title = ui.t(match (at.kind, is_new) {
            (NoteKind::Bukti, true) => T::SkpNewBukti,
            (NoteKind::Bukti, false) => T::SkpEditBukti,
            (NoteKind::UmpanBalik, true) => T::SkpNewUmpanBalik,
            (NoteKind::UmpanBalik, false) => T::SkpEditUmpanBalik,
        });
        let mut form = EvidenceForm {
            nip: nip.to_string(),
            name: name.to_string(),
            base,
            at,
            rhk: r,
            today,
            form: Form::new(title, fields, is_new).with_delete(T::SkpDeleteNoteAsk),
        };
        form.form.focus_on(match at.kind {
            NoteKind::Bukti => WHAT,
            NoteKind::UmpanBalik => TEXT,
        });
        form.refresh(ui);
        form.form.mark_clean();
        Some(form)
    }

    /// The indicator (id) the entry is about; `None`: the RHK as a whole.
    fn about(&self) -> Option<u32> {
        let i = self.form.choice(ABOUT)?.checked_sub(1)?;
        self.base.rhk[self.rhk].indikator.get(i).map(|x| x.id)
    }

    /// The SKP without the entry this form edits.
    fn without(&self) -> Skp {
        let mut s = self.base.clone();
        let rhk = &mut s.rhk[self.rhk];
        match (self.at.kind, self.at.id) {
            (NoteKind::Bukti, Some(id)) => rhk.bukti.retain(|b| b.id != id),
            (NoteKind::UmpanBalik, Some(id)) => rhk.umpan_balik.retain(|u| u.id != id),
            _ => {}
        }
        s
    }
}

/// The draft's name of an evidence or feedback form, after the officer's prefix.
pub fn draft_name(nip: &str, at: &NoteRef) -> String {
    let kind = match at.kind {
        NoteKind::Bukti => "bukti",
        NoteKind::UmpanBalik => "umpan-balik",
    };
    let which = at.id.map_or("baru".to_string(), |i| i.to_string());
    format!("skp/{nip}/{}/{kind}/{}/{which}", at.skp, at.rhk)
}

impl FormSpec for EvidenceForm {
    type Record = Skp;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        match self.at.kind {
            NoteKind::Bukti => T::SkpNewBukti,
            NoteKind::UmpanBalik => T::SkpNewUmpanBalik,
        }
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip, &self.at)
    }

    fn revision(&self) -> u64 {
        self.base.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.base.revision = revision;
    }

    fn refresh(&mut self, ui: &Ui) {
        let mut out = Vec::new();
        match parse_date(&self.form.text(DATE)) {
            None if self.form.text(DATE).trim().is_empty() => {
                out.push((DATE, ui.t(T::Required).to_string()))
            }
            None => out.push((DATE, ui.t(T::ErrDate).to_string())),
            Some(d) if d > self.today => out.push((DATE, ui.t(T::ErrAfterToday).to_string())),
            Some(_) => {}
        }
        self.form.field_mut(DATE).note = parse_date(&self.form.text(DATE))
            .filter(|d| *d < self.base.mulai || *d > self.base.selesai)
            .map(|_| ui.t(T::SkpWarnOutsideSpan).to_string());
        let required: &[&'static str] = match self.at.kind {
            NoteKind::Bukti => &[WHAT, WHERE],
            NoteKind::UmpanBalik => &[FROM, TEXT],
        };
        for id in required {
            if clean_line(&self.form.text(id)).is_empty() {
                out.push((id, ui.t(T::Required).to_string()));
            }
        }
        self.form.set_problems(out);
    }

    fn build(&self) -> Option<Skp> {
        let tanggal = parse_date(&self.form.text(DATE))?;
        let indikator = self.about();
        let mut s = self.without();
        let rhk = &mut s.rhk[self.rhk];
        let id = self.at.id.unwrap_or(0);
        match self.at.kind {
            NoteKind::Bukti => rhk.bukti.push(Bukti {
                id,
                indikator,
                tanggal,
                uraian: clean_line(&self.form.text(WHAT)),
                lokasi: clean_line(&self.form.text(WHERE)),
            }),
            NoteKind::UmpanBalik => rhk.umpan_balik.push(UmpanBalik {
                id,
                indikator,
                tanggal,
                dari: clean_line(&self.form.text(FROM)),
                teks: clean_multiline(&self.form.text(TEXT)),
            }),
        }
        rhk.bukti.sort_by_key(|b| (b.tanggal, b.id));
        rhk.umpan_balik.sort_by_key(|u| (u.tanggal, u.id));
        Some(s)
    }

    fn save_outcome(&self, skp: Skp) -> Outcome {
        Outcome::SaveSkp(self.nip.clone(), Box::new(skp))
    }

    fn delete_outcome(&self) -> Outcome {
        if self.at.id.is_none() {
            return Outcome::Changed;
        }
        Outcome::SaveSkp(self.nip.clone(), Box::new(self.without()))
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let rhk = &self.base.rhk[self.rhk];
        vec![
            Line::from(Span::styled(
                format!(" {}", fit(ui, &self.name, width)),
                ui.theme.header(),
            )),
            Line::from(Span::raw(format!(
                " RHK {}: {}",
                self.rhk + 1,
                fit(ui, &rhk.teks.replace('\n', " "), width.saturating_sub(8))
            ))),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Aspek, Indikator, Intervensi, JenisRhk, Nilai, PersonAtTime, Rhk};
    use jiff::civil::date;

    fn base() -> Skp {
        let mut s = Skp::new_year(
            2026,
            PersonAtTime::named("Rina", None),
            PersonAtTime::named("Budi", None),
        );
        let mut r = Rhk::new(JenisRhk::Utama, "Layanan", Intervensi::None);
        r.indikator.push(Indikator {
            id: 0,
            aspek: Aspek::Kuantitas,
            teks: "Pasien".into(),
            target: Nilai::parse("10 orang").expect("t"),
            realisasi: Vec::new(),
        });
        s.rhk.push(r);
        s.number();
        s.id = 1;
        s
    }

    #[test]
    fn evidence_about_an_indicator_and_feedback_from_the_evaluator() {
        let ui = Ui::default();
        let s = base();
        let (rhk, ind) = (s.rhk[0].id, s.rhk[0].indikator[0].id);
        let at = NoteRef {
            kind: NoteKind::Bukti,
            skp: 1,
            rhk,
            indikator: Some(ind),
            id: None,
        };
        let today = date(2026, 5, 2);
        let mut f = EvidenceForm::new("1", "Rina", s.clone(), at, today, &ui).expect("form");
        assert_eq!(f.form.focus_id(), WHAT);
        f.form.set_text(WHAT, "Register pasien April");
        f.refresh(&ui);
        assert_eq!(f.form.first_problem().map(|p| p.0), Some(WHERE));
        f.form.set_text(WHERE, "Lemari arsip 2");
        f.refresh(&ui);
        let saved = f.build().expect("builds");
        let b = &saved.rhk[0].bukti[0];
        assert_eq!((b.indikator, b.tanggal), (Some(ind), today));
        let at = NoteRef {
            kind: NoteKind::UmpanBalik,
            indikator: None,
            ..at
        };
        let g = EvidenceForm::new("1", "Rina", s, at, today, &ui).expect("form");
        assert_eq!(g.form.text(FROM), "Budi");
        assert_eq!(g.about(), None, "the RHK as a whole");
    }
}
