//! The staff warnings of DOMAIN.md (appointment before 18, birth in the future, a PNS
//! below the entry rank of their education, still active past the pension age) on what is
//! typed so far, each as a note beside its field; and the pension date beside the position
//! kind. None stops a save.

use super::{ACTIVE, EDUCATION, NIP, POSITION, POSITION_KIND, RANK, StaffForm};
use crate::domain::text::clean_line;
use crate::domain::{Golongan, Jabatan, JenisJabatan, Pendidikan, Staff, format_date};
use crate::ui::Ui;
use crate::ui::lang::T;

impl StaffForm {
    /// The staff warnings of what is typed so far, each as a note beside the field it
    /// comes from (after the NIP's own note): a warning only, as DOMAIN.md asks. A warning
    /// that needs a field not chosen yet is not given.
    pub(super) fn show_warnings(&mut self, ui: &Ui) {
        use crate::domain::{Pension, StaffWarningKind as K, staff_warnings};
        let Ok(nip) = self.nip_result() else {
            return;
        };
        let rank = Golongan::parse_for(&self.form.text(RANK), self.kind());
        let education = self
            .form
            .choice(EDUCATION)
            .and_then(|i| Pendidikan::ALL.get(i).copied());
        let jenis = self
            .form
            .choice(POSITION_KIND)
            .and_then(|i| JenisJabatan::ALL.get(i).copied());
        let jabatan = Jabatan {
            nama: clean_line(&self.form.text(POSITION)),
            jenis: jenis.unwrap_or(JenisJabatan::Pelaksana),
        };
        let staff = Staff {
            nip: nip.clone(),
            nama: String::new(),
            gelar_depan: String::new(),
            gelar_belakang: String::new(),
            // Unknown rank or education: the highest rank, which no entry rank is above.
            golongan: match (rank, education) {
                (Some(g), Some(_)) => g,
                _ => Golongan::Pns(16),
            },
            pendidikan: education.unwrap_or(Pendidikan::Sd),
            jabatan: jabatan.clone(),
            unit_id: String::new(),
            aktif: jenis.is_some() && self.form.text(ACTIVE) == self.lang_yes_no[0],
            revision: 0,
        };
        let mut notes: Vec<(&'static str, String)> = Vec::new();
        for w in staff_warnings(&staff, self.today) {
            let field = match w.kind() {
                K::AppointedBeforeEighteen
                | K::BornInFuture
                | K::AppointedPastAgeLimit
                | K::PppkCode => NIP,
                K::BelowEntryRank | K::JenjangOutsideRank => RANK,
                K::PastPensionAge => ACTIVE,
            };
            let text = format!("! {}", crate::ui::warnings::staff_warning_text(&w, ui.lang));
            notes.push((field, text));
        }
        if jenis.is_some() {
            let p = Pension::of(nip.birth_date(), &jabatan);
            self.form.field_mut(POSITION_KIND).note = Some(format!(
                "{} {} ({} {})",
                ui.t(T::Pension),
                format_date(p.date),
                ui.t(T::BupYears),
                p.age
            ));
        } else {
            self.form.field_mut(POSITION_KIND).note = None;
        }
        self.form.field_mut(RANK).note = None;
        self.form.field_mut(ACTIVE).note = None;
        // Warnings first: the note is cut to the room beside the value.
        for (field, text) in notes.into_iter().rev() {
            let note = &mut self.form.field_mut(field).note;
            *note = Some(match note.take() {
                Some(n) => format!("{text}; {n}"),
                None => text,
            });
        }
    }
}
