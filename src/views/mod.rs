//! Read models: the store and the staff rows in memory turned into plain data that a screen,
//! a document or an export shows, computed once (DESIGN.md, "Layers"). Uses `domain/`,
//! `store/` and `model/`; never `ui/` or ratatui, and holds no interface text.

pub mod angka_kredit;
pub mod audit;
pub mod coaching;
pub mod competency_gaps;
pub mod competency_view;
pub mod documents;
pub mod home;
pub mod partners;
pub mod profile;
pub mod promotions;
pub mod realisation;
pub mod report;
pub mod skp;
pub mod talent;
pub mod training;

use std::sync::Arc;

/// One copy of each distinct text (unit ids and names, positions) for the people of one
/// view: a view over 100,000 people holds a few hundred distinct texts, each shared.
#[derive(Default)]
pub(crate) struct Texts(foldhash::HashSet<Arc<str>>);

impl Texts {
    /// The shared copy of `text`, made on its first use.
    pub(crate) fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(t) = self.0.get(text) {
            return t.clone();
        }
        let t: Arc<str> = Arc::from(text);
        self.0.insert(t.clone());
        t
    }
}

/// The audit trail as the staff record's history shows it (the store's record types).
pub use crate::store::{AuditAction, AuditEntry};
