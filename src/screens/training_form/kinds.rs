//! The training kinds as the form offers them, and the older labels a draft may hold.

use super::{KIND, TrainingForm};
use crate::domain::TrainingKind;

/// Training kinds as the choice lists them: classroom first, then non-classroom, then
/// formal education, each labelled with its group.
pub(super) fn kind_options() -> Vec<(TrainingKind, String)> {
    let mut v: Vec<(TrainingKind, String)> = TrainingKind::ALL
        .iter()
        .map(|k| (*k, format!("{} ({})", k.label(), k.category().label())))
        .collect();
    v.sort_by_key(|(k, _)| k.category());
    v
}

impl TrainingForm {
    /// A draft kept with an older label of the kind ("Magang (klasikal)"): the kind's name
    /// without its group, read as import reads it.
    pub(super) fn read_old_kind(&mut self) {
        if let Some(typed) = self.form.choice_unmatched(KIND) {
            let name = typed.rsplit_once(" (").map_or(typed.as_str(), |(n, _)| n);
            if let Some(k) = TrainingKind::parse(name) {
                let i = self.kinds.iter().position(|x| *x == k);
                self.form.set_choice(KIND, i);
            }
        }
    }
}
