//! The RHK form (`n` or `Enter` on the SKP screen): the Rencana Hasil Kerja's kind and
//! text, the superior's RHK it supports (picked from the unit head's SKP when there is one,
//! linked; else typed; a unit head cites the Perjanjian Kinerja), and its indicators, each
//! an aspect, a text and a target typed as `12 laporan` or a sentence. Saving saves the
//! whole SKP; `Ctrl-D` deletes the RHK.

use super::labels::{aspek_text, jenis_text};
use super::slots::{self, IndIds, MAX_IND};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{Aspek, Indikator, Intervensi, JenisRhk, Nilai, Pendekatan, Rhk, Skp};
use crate::screens::{FormSpec, Outcome};
use crate::ui::form::{Field, Form, options};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use crate::views::skp::Superior;
use ratatui::text::{Line, Span};

const JENIS: &str = "jenis";
const TEKS: &str = "teks";
const INTERV: &str = "intervensi";
const INTERV_TEKS: &str = "intervensi_teks";
const INDICATORS: &str = "indikator";

/// The fields of one indicator row (`n` from 1), filled from `ind`.
pub(super) fn ind_fields(ids: IndIds, n: usize, ind: Option<&Indikator>, ui: &Ui) -> Vec<Field> {
    let aspek = ind.map_or(Some(0), |i| Aspek::ALL.iter().position(|a| *a == i.aspek));
    vec![
        Field::choice(
            ids.aspek,
            format!("{} {n}", ui.t(T::SkpIki)),
            options(&Aspek::ALL, |a| aspek_text(a, ui.lang)),
            aspek,
        ),
        Field::text(
            ids.teks,
            format!("  {}", ui.t(T::SkpIndicator)),
            300,
            ind.map_or("", |i| &i.teks),
        )
        .width(56),
        Field::text(
            ids.target,
            format!("  {}", ui.t(T::SkpTarget)),
            100,
            &ind.map_or(String::new(), |i| i.target.to_string()),
        )
        .width(24),
    ]
}

/// What an indicator row holds: `None` when both its text and target are empty.
pub(super) fn read_ind(form: &Form, ids: IndIds) -> Option<(Aspek, String, Option<Nilai>)> {
    let teks = clean_multiline(&form.text(ids.teks));
    let target = Nilai::parse(&form.text(ids.target));
    if teks.is_empty() && target.is_none() {
        return None;
    }
    let aspek = form
        .choice(ids.aspek)
        .and_then(|i| Aspek::ALL.get(i).copied())
        .unwrap_or(Aspek::Kuantitas);
    Some((aspek, teks, target))
}

/// The problems of an indicator row, and the note that says how its target was read.
pub(super) fn ind_check(
    form: &mut Form,
    ids: IndIds,
    pendekatan: Pendekatan,
    ui: &Ui,
    out: &mut Vec<(&'static str, String)>,
) {
    let row = read_ind(form, ids);
    form.field_mut(ids.target).note = match row.as_ref().and_then(|r| r.2.as_ref()) {
        Some(Nilai::Angka { nilai, satuan }) if satuan.is_empty() => {
            Some(format!("{} {nilai}", ui.t(T::SkpTargetNumber)))
        }
        Some(Nilai::Angka { nilai, satuan }) => Some(format!(
            "{} {nilai}, {} {satuan}",
            ui.t(T::SkpTargetNumber),
            ui.t(T::SkpTargetSatuan)
        )),
        Some(Nilai::Teks(_)) if pendekatan == Pendekatan::Kualitatif => {
            Some(ui.t(T::SkpTargetSentence).to_string())
        }
        // Under kuantitatif a sentence is the problem said below, not a note.
        Some(Nilai::Teks(_)) | None => None,
    };
    let Some((_, teks, target)) = row else {
        return;
    };
    if teks.is_empty() {
        out.push((ids.teks, ui.t(T::Required).to_string()));
    }
    match target {
        None => out.push((ids.target, ui.t(T::Required).to_string())),
        Some(Nilai::Teks(_)) if pendekatan == Pendekatan::Kuantitatif => {
            out.push((ids.target, ui.t(T::SkpErrTargetNumber).to_string()))
        }
        _ => {}
    }
}

/// The options of the intervensi choice: each RHK of the superior's SKP, then "typed".
pub(super) fn interv_options(sup: &Superior, ui: &Ui) -> Vec<String> {
    let mut out: Vec<String> = sup
        .rhk
        .iter()
        .enumerate()
        .map(|(i, (_, t, _))| format!("{}. {}", i + 1, t.replace('\n', " ")))
        .collect();
    out.push(ui.t(T::SkpOtherText).to_string());
    out
}

/// The intervensi the fields say: the superior's RHK picked (linked), the typed text, or
/// for a unit head the Perjanjian Kinerja line.
pub(super) fn read_interv(
    form: &Form,
    (choice, text): (&str, &str),
    sup: Option<&Superior>,
    head: bool,
) -> Intervensi {
    let typed = clean_multiline(&form.text(text));
    if head {
        return if typed.is_empty() {
            Intervensi::None
        } else {
            Intervensi::PerjanjianKinerja(typed)
        };
    }
    if let Some(sup) = sup
        && let Some(i) = form.choice(choice)
        && let Some((id, teks, _)) = sup.rhk.get(i)
    {
        return Intervensi::Atasan {
            link: sup.link(*id),
            teks: teks.clone(),
        };
    }
    if typed.is_empty() {
        Intervensi::None
    } else {
        Intervensi::Atasan {
            link: None,
            teks: typed,
        }
    }
}

/// The intervensi fields of an RHK (`ids`: choice, text) filled from `current`.
pub(super) fn interv_fields(
    (choice, text): (&'static str, &'static str),
    current: &Intervensi,
    sup: Option<&Superior>,
    head: bool,
    ui: &Ui,
) -> Vec<Field> {
    let picked = match (current, sup) {
        (Intervensi::Atasan { link: Some(l), .. }, Some(s)) if l.0 == s.nip && l.1 == s.skp_id => {
            s.rhk.iter().position(|(id, ..)| *id == l.2)
        }
        (Intervensi::Atasan { link: None, .. }, Some(s)) => Some(s.rhk.len()),
        _ => None,
    };
    let typed = match (current, picked, sup) {
        // A linked RHK's text comes from the superior's plan, not from this field.
        (_, Some(i), Some(s)) if i < s.rhk.len() => String::new(),
        _ => current.teks().to_string(),
    };
    let mut choice_field = Field::choice(
        choice,
        ui.t(T::SkpIntervensi),
        sup.map_or_else(Vec::new, |s| interv_options(s, ui)),
        picked,
    )
    .width(56);
    choice_field.hidden = head || sup.is_none();
    let label = if head {
        T::SkpPerjanjianKinerja
    } else if sup.is_some() {
        T::SkpIntervensiTyped
    } else {
        T::SkpIntervensi
    };
    let mut text_field = Field::text(text, ui.t(label), 500, &typed).width(56);
    text_field.hidden = !head && sup.is_some_and(|s| picked.is_none_or(|i| i < s.rhk.len()));
    vec![choice_field, text_field]
}

/// Shows the typed intervensi only while "typed" is chosen (or no plan is above).
pub(super) fn interv_follow(
    form: &mut Form,
    (choice, text): (&str, &str),
    sup: Option<&Superior>,
    head: bool,
) {
    let hidden = !head && sup.is_some_and(|s| form.choice(choice).is_none_or(|i| i < s.rhk.len()));
    form.field_mut(text).hidden = hidden;
}

pub struct RhkForm {
    nip: String,
    name: String,
    /// The SKP as opened: a save is this with the RHK put in.
    base: Skp,
    /// The RHK edited (its position), `None` for a new one.
    at: Option<usize>,
    superior: Option<Superior>,
    head: bool,
    /// Indicator rows offered.
    rows: usize,
    form: Form,
}

impl RhkForm {
    /// The RHK at position `at` of `base` (`None`: a new one) of the person `nip` (`name`
    /// shown above); `superior`: the unit head's plan to pick from; `head`: the person
    /// heads their unit (the RHK cites the Perjanjian Kinerja).
    pub fn new(
        nip: &str,
        name: &str,
        base: Skp,
        at: Option<usize>,
        superior: Option<Superior>,
        head: bool,
        ui: &Ui,
    ) -> RhkForm {
        let rhk = at.and_then(|i| base.rhk.get(i)).cloned();
        let at = rhk.as_ref().and(at);
        let existing = rhk.as_ref().map_or(0, |r| r.indikator.len());
        let rows = (existing + 2).clamp(3, MAX_IND);
        let r = rhk.as_ref();
        let mut fields = vec![
            Field::choice(
                JENIS,
                ui.t(T::SkpJenis),
                options(&JenisRhk::ALL, |j| jenis_text(j, ui.lang)),
                r.map_or(Some(0), |r| {
                    JenisRhk::ALL.iter().position(|j| *j == r.jenis)
                }),
            ),
            Field::text(TEKS, ui.t(T::SkpRhkText), 500, r.map_or("", |r| &r.teks)).width(56),
        ];
        fields.extend(interv_fields(
            (INTERV, INTERV_TEKS),
            r.map_or(&Intervensi::None, |r| &r.intervensi),
            superior.as_ref(),
            head,
            ui,
        ));
        fields.push(Field::heading(INDICATORS, ui.t(T::SkpIndicators)));
        for k in 0..rows {
            fields.extend(ind_fields(
                slots::ind(k),
                k + 1,
                r.and_then(|r| r.indikator.get(k)),
                ui,
            ));
        }
        let title = match at {
            Some(i) => format!("{} {}", ui.t(T::SkpEditRhk), i + 1),
            None => ui.t(T::SkpNewRhk).to_string(),
        };
        let mut form = RhkForm {
            nip: nip.to_string(),
            name: name.to_string(),
            base,
            at,
            superior,
            head,
            rows,
            form: Form::new(title, fields, at.is_none()).with_delete(T::SkpDeleteRhkAsk),
        };
        if at.is_none() {
            form.form.focus_on(TEKS);
        }
        form.refresh(ui);
        form.form.mark_clean();
        form
    }

    fn original(&self) -> Option<&Rhk> {
        self.at.and_then(|i| self.base.rhk.get(i))
    }

    fn rhk(&self) -> Option<Rhk> {
        let o = self.original();
        let jenis = *JenisRhk::ALL.get(self.form.choice(JENIS)?)?;
        let mut indikator = Vec::new();
        let mut gone = Vec::new();
        for k in 0..self.rows {
            let before = o.and_then(|r| r.indikator.get(k));
            match read_ind(&self.form, slots::ind(k)) {
                Some((aspek, teks, target)) => indikator.push(Indikator {
                    id: before.map_or(0, |i| i.id),
                    aspek,
                    teks,
                    target: target?,
                    realisasi: before.map_or_else(Vec::new, |i| i.realisasi.clone()),
                }),
                None => gone.extend(before.map(|i| i.id)),
            }
        }
        // Evidence and feedback about an indicator taken out stay, about the RHK.
        let unlink = |x: Option<u32>| x.filter(|id| !gone.contains(id));
        let mut bukti = o.map_or_else(Vec::new, |r| r.bukti.clone());
        bukti
            .iter_mut()
            .for_each(|b| b.indikator = unlink(b.indikator));
        let mut umpan_balik = o.map_or_else(Vec::new, |r| r.umpan_balik.clone());
        umpan_balik
            .iter_mut()
            .for_each(|u| u.indikator = unlink(u.indikator));
        Some(Rhk {
            id: o.map_or(0, |r| r.id),
            jenis,
            teks: clean_multiline(&self.form.text(TEKS)),
            intervensi: read_interv(
                &self.form,
                (INTERV, INTERV_TEKS),
                self.superior.as_ref(),
                self.head,
            ),
            indikator,
            bukti,
            umpan_balik,
        })
    }
}

/// The draft's name of an RHK form, after the officer's prefix.
pub fn draft_name(nip: &str, skp: u32, rhk: Option<u32>) -> String {
    let which = rhk.map_or("baru".to_string(), |i| i.to_string());
    format!("skp/{nip}/{skp}/rhk/{which}")
}

impl FormSpec for RhkForm {
    type Record = Skp;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        if self.at.is_some() {
            T::SkpEditRhk
        } else {
            T::SkpNewRhk
        }
    }

    fn draft_id(&self) -> String {
        draft_name(&self.nip, self.base.id, self.original().map(|r| r.id))
    }

    fn revision(&self) -> u64 {
        self.base.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.base.revision = revision;
    }

    fn refresh(&mut self, ui: &Ui) {
        interv_follow(
            &mut self.form,
            (INTERV, INTERV_TEKS),
            self.superior.as_ref(),
            self.head,
        );
        let mut out = Vec::new();
        if clean_line(&self.form.text(TEKS)).is_empty() {
            out.push((TEKS, ui.t(T::Required).to_string()));
        }
        for k in 0..self.rows {
            let ids = slots::ind(k);
            ind_check(&mut self.form, ids, self.base.pendekatan, ui, &mut out);
            // Taking out an indicator would lose its realisations: those are cleared on
            // the realisation screen first.
            let had = self
                .original()
                .and_then(|r| r.indikator.get(k))
                .map_or(0, |i| i.realisasi.len());
            if had > 0 && read_ind(&self.form, ids).is_none() {
                out.push((
                    ids.teks,
                    format!("{} ({had})", ui.t(T::SkpErrIndHasRealisasi)),
                ));
            }
        }
        self.form.set_problems(out);
    }

    fn build(&self) -> Option<Skp> {
        let rhk = self.rhk()?;
        let mut skp = self.base.clone();
        match self.at {
            Some(i) if i < skp.rhk.len() => skp.rhk[i] = rhk,
            _ => skp.rhk.push(rhk),
        }
        Some(skp)
    }

    fn save_outcome(&self, skp: Skp) -> Outcome {
        Outcome::SaveSkp(self.nip.clone(), Box::new(skp))
    }

    fn delete_outcome(&self) -> Outcome {
        match self.at {
            Some(i) if i < self.base.rhk.len() => {
                let mut skp = self.base.clone();
                skp.rhk.remove(i);
                Outcome::SaveSkp(self.nip.clone(), Box::new(skp))
            }
            _ => Outcome::Changed,
        }
    }

    fn edited(&mut self, _id: &'static str, _ui: &Ui) -> Outcome {
        Outcome::Changed
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        let span = super::labels::span_text(self.base.mulai, self.base.selesai, ui.lang);
        let approach = super::labels::pendekatan_text(self.base.pendekatan, ui.lang);
        vec![Line::from(Span::styled(
            format!(
                " {}",
                fit(
                    ui,
                    &format!(
                        "{}{d}SKP {span}{d}{approach}",
                        self.name,
                        d = super::labels::dot(ui)
                    ),
                    width
                )
            ),
            ui.theme.header(),
        ))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PersonAtTime, Realisasi};
    use crate::screens::Screen;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(f: &mut RhkForm, code: KeyCode, ui: &Ui) -> Outcome {
        f.handle(KeyEvent::new(code, KeyModifiers::NONE), ui)
    }

    fn type_text(f: &mut RhkForm, text: &str, ui: &Ui) {
        for c in text.chars() {
            press(f, KeyCode::Char(c), ui);
        }
    }

    fn base() -> Skp {
        let mut s = Skp::new_year(
            2026,
            PersonAtTime::named("Rina", None),
            PersonAtTime::named("Budi", None),
        );
        s.id = 1;
        s.revision = 3;
        s
    }

    fn superior() -> Superior {
        Superior {
            nip: "197001012000031001".into(),
            nama: "Budi".into(),
            skp_id: 4,
            rhk: vec![
                (7, "Cakupan imunisasi naik".into(), JenisRhk::Utama),
                (9, "Antrean singkat".into(), JenisRhk::Tambahan),
            ],
        }
    }

    #[test]
    fn a_new_rhk_links_the_superiors_rhk_and_reads_targets() {
        let ui = Ui::default();
        let mut f = RhkForm::new("1", "Rina", base(), None, Some(superior()), false, &ui);
        assert_eq!(f.form.focus_id(), TEKS);
        type_text(&mut f, "Imunisasi dasar lengkap", &ui);
        press(&mut f, KeyCode::Tab, &ui);
        assert_eq!(f.form.focus_id(), INTERV);
        press(&mut f, KeyCode::Right, &ui);
        press(&mut f, KeyCode::Right, &ui);
        // The second RHK of the head is picked: the typed text stays hidden.
        assert!(f.form.field(INTERV_TEKS).hidden);
        press(&mut f, KeyCode::Tab, &ui);
        assert_eq!(f.form.focus_id(), slots::ind(0).aspek);
        press(&mut f, KeyCode::Tab, &ui);
        type_text(&mut f, "Bayi diimunisasi", &ui);
        press(&mut f, KeyCode::Tab, &ui);
        type_text(&mut f, "teks", &ui);
        assert_eq!(
            f.form.first_problem().map(|p| p.0),
            Some(slots::ind(0).target),
            "a kuantitatif target is a number"
        );
        for _ in 0..4 {
            press(&mut f, KeyCode::Backspace, &ui);
        }
        type_text(&mut f, "12,5 bayi", &ui);
        let skp = f.build().expect("builds");
        assert!(f.form.first_problem().is_none());
        let rhk = &skp.rhk[0];
        assert_eq!(
            rhk.intervensi,
            Intervensi::Atasan {
                link: Some(("197001012000031001".into(), 4, 9)),
                teks: "Antrean singkat".into()
            }
        );
        assert_eq!(
            rhk.indikator[0].target,
            Nilai::parse("12,5 bayi").expect("n")
        );
        assert_eq!(skp.revision, 3, "saved at the revision opened");
        let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert!(matches!(f.handle(save, &ui), Outcome::SaveSkp(..)));
    }

    #[test]
    fn an_indicator_with_realisations_is_not_taken_out_and_a_head_cites_the_pk() {
        let ui = Ui::default();
        let mut s = base();
        let mut r = Rhk::new(JenisRhk::Utama, "Layanan", Intervensi::None);
        r.indikator.push(Indikator {
            id: 2,
            aspek: Aspek::Kuantitas,
            teks: "Pasien".into(),
            target: Nilai::parse("10 orang").expect("t"),
            realisasi: vec![Realisasi {
                period: crate::domain::Period::annual(2026),
                nilai: Nilai::parse("9 orang").expect("r"),
                catatan: String::new(),
            }],
        });
        s.rhk.push(r);
        let mut f = RhkForm::new("1", "Rina", s, Some(0), None, true, &ui);
        assert!(!f.form.field(INTERV_TEKS).hidden);
        assert_eq!(
            f.form.field(INTERV_TEKS).label,
            ui.t(T::SkpPerjanjianKinerja)
        );
        f.form.set_text(slots::ind(0).teks, "");
        f.form.set_text(slots::ind(0).target, "");
        f.refresh(&ui);
        assert_eq!(
            f.form.first_problem().map(|p| p.0),
            Some(slots::ind(0).teks)
        );
        f.form.set_text(slots::ind(0).teks, "Pasien dilayani");
        f.form.set_text(slots::ind(0).target, "10 orang");
        f.form.set_text(INTERV_TEKS, "PK 2026 sasaran 1");
        f.refresh(&ui);
        let skp = f.build().expect("builds");
        assert_eq!(skp.rhk.len(), 1);
        assert_eq!(skp.rhk[0].indikator[0].id, 2);
        assert_eq!(skp.rhk[0].indikator[0].realisasi.len(), 1, "kept");
        assert_eq!(
            skp.rhk[0].intervensi,
            Intervensi::PerjanjianKinerja("PK 2026 sasaran 1".into())
        );
        match f.delete_outcome() {
            Outcome::SaveSkp(_, s) => assert!(s.rhk.is_empty()),
            o => panic!("{o:?}"),
        }
    }
}
