//! Read models: the store and the staff rows in memory turned into plain data that a screen,
//! a document or an export shows, computed once (DESIGN.md, "Layers"). Uses `domain/`,
//! `store/` and `model/`; never `ui/` or ratatui, and holds no interface text.

pub mod competency_gaps;
pub mod competency_view;
pub mod partners;
pub mod profile;
pub mod report;
pub mod talent;
