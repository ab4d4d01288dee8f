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

/// The audit trail as the staff record's history shows it (the store's record types).
pub use crate::store::{AuditAction, AuditEntry};
