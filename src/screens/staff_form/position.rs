//! A functional position typed with its jenjang ("Perawat Ahli Pertama") is caught: the
//! jenjang belongs under Jenis jabatan, and a name that keeps it matches no competency
//! requirement of the position. The name without it is offered (`→ Perawat`); taking it
//! (`Enter` or `→`) also chooses that jenjang.

use super::{POSITION, POSITION_KIND, StaffForm};
use crate::domain::JenisJabatan;
use crate::domain::text::clean_line;

/// The position's name and the jenjang it ends with, if it ends with one.
pub(super) fn split_jenjang(name: &str) -> Option<(String, JenisJabatan)> {
    let name = clean_line(name);
    let chars: Vec<char> = name.chars().collect();
    JenisJabatan::ALL
        .into_iter()
        .filter(|j| j.is_fungsional())
        .find_map(|j| {
            let label: Vec<char> = j.label().chars().collect();
            let cut = chars.len().checked_sub(label.len() + 1)?;
            let tail: String = chars[cut + 1..].iter().collect();
            let base: String = chars[..cut].iter().collect();
            (chars[cut] == ' ' && tail.eq_ignore_ascii_case(j.label()) && !base.trim().is_empty())
                .then(|| (clean_line(&base), j))
        })
}

impl StaffForm {
    /// Offers the name without its jenjang while the position holds one.
    pub(super) fn offer_position(&mut self) {
        let offered = split_jenjang(&self.form.text(POSITION)).map(|(base, _)| base);
        self.form.field_mut(POSITION).suggestion = offered;
    }

    /// Takes the offered name and chooses its jenjang; false when none is offered.
    pub(super) fn take_position(&mut self) -> bool {
        let Some((base, jenjang)) = split_jenjang(&self.form.text(POSITION)) else {
            return false;
        };
        self.form.set_text(POSITION, &base);
        let i = JenisJabatan::ALL.iter().position(|j| *j == jenjang);
        self.form.set_choice(POSITION_KIND, i);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_jenjang_is_split_off_and_a_bare_one_is_not() {
        assert_eq!(
            split_jenjang("Perawat Ahli Pertama"),
            Some(("Perawat".to_string(), JenisJabatan::AhliPertama))
        );
        assert_eq!(
            split_jenjang("pranata komputer  terampil"),
            Some(("pranata komputer".to_string(), JenisJabatan::Terampil))
        );
        assert_eq!(split_jenjang("Perawat"), None);
        assert_eq!(split_jenjang("Ahli Pertama"), None);
        assert_eq!(split_jenjang("Kepala Puskesmas"), None);
    }
}
