//! Whose training: one person, or everyone marked (group entry: one record each, no
//! certificate number, one draft per group, and a save stopped partway keeps the rest).

use super::TrainingForm;
use crate::ui::lang::T;
use crate::ui::{Ui, fit};
use ratatui::text::{Line, Span};

impl TrainingForm {
    /// Who the form was opened for, for the draft's key.
    pub fn draft_nips(&self) -> &[String] {
        &self.draft_nips
    }

    /// Drops the first `done` people (their records were saved before a failure).
    pub fn keep_only(&mut self, done: usize) {
        let done = done.min(self.nips.len());
        self.nips.drain(..done);
        self.names.drain(..done.min(self.names.len()));
        self.people.drain(..done.min(self.people.len()));
    }

    /// Whose training: one name, or the group's size and names.
    pub(super) fn whose(&self, ui: &Ui, width: usize) -> Vec<Line<'static>> {
        match self.names.as_slice() {
            [one] => vec![Line::from(Span::styled(
                format!(" {}", fit(ui, one, width)),
                ui.theme.header(),
            ))],
            all => vec![
                Line::from(Span::styled(
                    format!(" {} {}", all.len(), ui.t(T::GroupEntry)),
                    ui.theme.header(),
                )),
                Line::from(Span::raw(format!(" {}", fit(ui, &all.join(", "), width)))),
                Line::from(Span::styled(
                    format!(" {}", ui.t(T::GroupCertificate)),
                    ui.theme.muted(),
                )),
            ],
        }
    }
}

/// The draft's name of a training form, after the officer's prefix: per person, or for a
/// group by its size and a checksum of everyone in it (two groups never share a draft).
pub fn draft_name(nips: &[String], id: Option<u32>) -> String {
    let who = match nips {
        [one] => one.clone(),
        _ => {
            let mut sorted = nips.to_vec();
            sorted.sort();
            format!(
                "grup-{}-{:08x}",
                nips.len(),
                crc32fast::hash(sorted.join(",").as_bytes())
            )
        }
    };
    let which = id.map_or("baru".to_string(), |i| i.to_string());
    format!("pelatihan/{who}/{which}")
}
