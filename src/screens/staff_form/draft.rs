//! Reading a staff form's draft back: the ranks its kind offers, the new unit it chose,
//! and what older versions wrote (education codes, yes/no in the other language).

use super::{ACTIVE, EDUCATION, RANK, StaffForm, rank_options};
use crate::domain::Pendidikan;

impl StaffForm {
    /// What a used draft holds besides the fields' values, and the values an older version
    /// wrote that the fields no longer offer.
    pub(super) fn read_draft(&mut self, fields: &[(String, String)]) {
        // The ranks offered depend on the kind: offer the draft's, then put its rank.
        self.form.set_options(RANK, rank_options(self.kind()));
        if let Some((_, rank)) = fields.iter().find(|(k, _)| k == RANK) {
            self.form.set_text(RANK, rank);
        }
        self.new_unit = fields
            .iter()
            .find(|(k, v)| k == "unit_baru" && !v.is_empty())
            .map(|(_, v)| v.clone());
        // A draft kept before the SIASN levels holds an old code ("S1", "SMA"): read it as
        // import does.
        if let Some(typed) = self.form.choice_unmatched(EDUCATION)
            && let Some(p) = Pendidikan::parse(&typed)
        {
            let i = Pendidikan::ALL.iter().position(|x| *x == p);
            self.form.set_choice(EDUCATION, i);
        }
        // "ya"/"tidak" of a draft kept in the other language.
        if let Some((_, v)) = fields.iter().find(|(k, _)| k == ACTIVE) {
            let yes = matches!(v.to_lowercase().as_str(), "ya" | "yes");
            let no = matches!(v.to_lowercase().as_str(), "tidak" | "no");
            if yes || no {
                self.form.set_choice(ACTIVE, Some(if yes { 0 } else { 1 }));
            }
        }
    }
}
