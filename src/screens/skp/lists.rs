//! The SKP's text lists: the ekspektasi khusus pimpinan, one per BerAKHLAK value (`u` on
//! the SKP screen's Perilaku section), and the Lampiran SKP, three lists of one item per
//! line (resources, accountability, consequences; `u` on its Lampiran section).

use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::{NilaiBerakhlak, Skp};
use crate::screens::{FormSpec, Outcome};
use crate::ui::form::{Field, Form};
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use ratatui::text::{Line, Span};

const VALUES: [&str; 7] = [
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
];

const SUMBER_DAYA: &str = "sumber_daya";
const SKEMA: &str = "skema_pertanggungjawaban";
const KONSEKUENSI: &str = "konsekuensi";

fn header(ui: &Ui, name: &str, skp: &Skp, width: usize) -> Vec<Line<'static>> {
    let span = super::labels::span_text(skp.mulai, skp.selesai, ui.lang);
    vec![Line::from(Span::styled(
        format!(
            " {}",
            fit(
                ui,
                &format!("{name}{}SKP {span}", super::labels::dot(ui)),
                width
            )
        ),
        ui.theme.header(),
    ))]
}

pub struct EkspektasiForm {
    nip: String,
    name: String,
    base: Skp,
    form: Form,
}

impl EkspektasiForm {
    pub fn new(nip: &str, name: &str, base: Skp, ui: &Ui) -> EkspektasiForm {
        let fields = NilaiBerakhlak::ALL
            .iter()
            .zip(VALUES)
            .zip(base.ekspektasi.iter())
            .map(|((v, id), text)| Field::notes(id, v.label(), 1000, text))
            .collect();
        let mut form = EkspektasiForm {
            nip: nip.to_string(),
            name: name.to_string(),
            form: Form::new(ui.t(T::SkpEkspektasiTitle), fields, false),
            base,
        };
        form.form.mark_clean();
        form
    }
}

impl FormSpec for EkspektasiForm {
    type Record = Skp;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::SkpEkspektasiTitle
    }

    fn draft_id(&self) -> String {
        format!("skp/{}/{}/perilaku", self.nip, self.base.id)
    }

    fn revision(&self) -> u64 {
        self.base.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.base.revision = revision;
    }

    fn refresh(&mut self, _ui: &Ui) {}

    fn build(&self) -> Option<Skp> {
        let mut s = self.base.clone();
        for (slot, id) in s.ekspektasi.iter_mut().zip(VALUES) {
            *slot = clean_multiline(&self.form.text(id));
        }
        Some(s)
    }

    fn save_outcome(&self, skp: Skp) -> Outcome {
        Outcome::SaveSkp(self.nip.clone(), Box::new(skp))
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        header(ui, &self.name, &self.base, width)
    }
}

pub struct LampiranForm {
    nip: String,
    name: String,
    base: Skp,
    form: Form,
}

/// One item per line, empty lines left out.
fn items(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| clean_line(l).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

impl LampiranForm {
    pub fn new(nip: &str, name: &str, base: Skp, ui: &Ui) -> LampiranForm {
        let l = &base.lampiran;
        let fields = vec![
            Field::notes(
                SUMBER_DAYA,
                ui.t(T::SkpSumberDaya),
                3000,
                &l.sumber_daya.join("\n"),
            ),
            Field::notes(
                SKEMA,
                ui.t(T::SkpSkema),
                3000,
                &l.skema_pertanggungjawaban.join("\n"),
            ),
            Field::notes(
                KONSEKUENSI,
                ui.t(T::SkpKonsekuensi),
                3000,
                &l.konsekuensi.join("\n"),
            ),
        ];
        let mut form = LampiranForm {
            nip: nip.to_string(),
            name: name.to_string(),
            form: Form::new(ui.t(T::SkpLampiranTitle), fields, false),
            base,
        };
        form.form.notice = Some(ui.t(T::SkpOnePerLine).to_string());
        form.form.mark_clean();
        form
    }
}

impl FormSpec for LampiranForm {
    type Record = Skp;

    fn engine(&self) -> &Form {
        &self.form
    }

    fn engine_mut(&mut self) -> &mut Form {
        &mut self.form
    }

    fn screen_title(&self) -> T {
        T::SkpLampiranTitle
    }

    fn draft_id(&self) -> String {
        format!("skp/{}/{}/lampiran", self.nip, self.base.id)
    }

    fn revision(&self) -> u64 {
        self.base.revision
    }

    fn set_revision(&mut self, revision: u64) {
        self.base.revision = revision;
    }

    fn refresh(&mut self, _ui: &Ui) {}

    fn build(&self) -> Option<Skp> {
        let mut s = self.base.clone();
        s.lampiran.sumber_daya = items(&self.form.text(SUMBER_DAYA));
        s.lampiran.skema_pertanggungjawaban = items(&self.form.text(SKEMA));
        s.lampiran.konsekuensi = items(&self.form.text(KONSEKUENSI));
        Some(s)
    }

    fn save_outcome(&self, skp: Skp) -> Outcome {
        Outcome::SaveSkp(self.nip.clone(), Box::new(skp))
    }

    fn above(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        header(ui, &self.name, &self.base, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PersonAtTime;

    fn base() -> Skp {
        Skp::new_year(
            2026,
            PersonAtTime::named("Rina", None),
            PersonAtTime::named("Budi", None),
        )
    }

    #[test]
    fn the_expectations_and_the_lampiran_lists_are_read_back() {
        let ui = Ui::default();
        let mut f = EkspektasiForm::new("1", "Rina", base(), &ui);
        f.form.set_text("loyal", "Menjaga rahasia jabatan");
        let s = f.build().expect("builds");
        assert_eq!(s.ekspektasi[4], "Menjaga rahasia jabatan");
        assert!(s.ekspektasi[0].is_empty());
        let mut l = LampiranForm::new("1", "Rina", base(), &ui);
        l.form.set_text(SUMBER_DAYA, "Laptop\n\n  Ruang arsip ");
        let s = l.build().expect("builds");
        assert_eq!(s.lampiran.sumber_daya, vec!["Laptop", "Ruang arsip"]);
        assert!(s.lampiran.konsekuensi.is_empty());
    }
}
